/* rapat — "rapat invite": invitations sent by e-mail, iMIP (cli layer). */
#include "cmd.h"
#include "export-ics.h"
#include "invite-mail.h"
#include "mail.h"
#include "mailer.h"
#include "output.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

typedef struct {
  char **to;
  gboolean series;
  gboolean dry_run;
  gboolean all;
  gboolean cancel;
  char *mbox;
  char *maildir;
  gboolean json;
} InviteOptions;

static const RapatOption send_entries[] = {
  RAPAT_OPT_LIST ("to", InviteOptions, to, N_("Only to this invitee (repeatable)"), N_("PERSON")),
  RAPAT_OPT_FLAG ("series", InviteOptions, series,
                  N_("For an occurrence of a series: invite to the whole series")),
  RAPAT_OPT_FLAG ("all", InviteOptions, all,
                  N_("Send again to everyone, also those who have the current invitation")),
  RAPAT_OPT_FLAG ("cancel", InviteOptions, cancel,
                  N_("Send the cancellation to everyone who had the invitation")),
  RAPAT_OPT_FLAG ("dry-run", InviteOptions, dry_run,
                  N_("Print what would be sent; send and record nothing")),
  RAPAT_OPT_TEXT ("mbox", InviteOptions, mbox,
                  N_("Append the messages to this mbox file instead of mailing them"), N_("FILE")),
  RAPAT_OPT_TEXT ("maildir", InviteOptions, maildir,
                  N_("Write the messages into this maildir instead of mailing them"), N_("DIR")),
  RAPAT_OPT_END,
};

static const RapatOption status_entries[] = {
  RAPAT_OPT_JSON (InviteOptions, json),
  RAPAT_OPT_END,
};

/* One message to send: its kind, method and recipients. */
typedef struct {
  RapatInviteMailKind kind;
  gboolean withdrawn;
  GPtrArray *to;            /* RapatAttendee (borrowed, or owned by @owned) */
  GPtrArray *owned;         /* what @to points into that nobody else holds, or NULL */
} Outgoing;

/* Frees @o. */
static void
outgoing_free (Outgoing *o)
{
  g_ptr_array_unref (o->to);
  g_clear_pointer (&o->owned, g_ptr_array_unref);
  g_free (o);
}

/* Returns a new, empty message of @kind. */
static Outgoing *
outgoing_new (RapatInviteMailKind kind)
{
  Outgoing *o = g_new0 (Outgoing, 1);

  o->kind = kind;
  o->to = g_ptr_array_new ();
  return o;
}

/* What the send needs from the store, loaded once. */
typedef struct {
  RapatCmdContext *ctx;
  const RapatMeeting *m;
  gint64 sequence;          /* the SEQUENCE the calendar carries now */
  GPtrArray *attendees;     /* RapatAttendee */
  GPtrArray *sent;          /* RapatInviteSent */
  GHashTable *only;         /* --to person ids (gint64 *), or NULL: everyone */
  GPtrArray *unreachable;   /* names of invitees without e-mail */
  guint reachable;          /* invitees chosen who have one */
} Plan;

/* Returns the SEQUENCE the calendar of @m carries: its own, or for an
 * occurrence the series' plus its own, or with @series the series'. */
static gboolean
current_sequence (RapatCmdContext *ctx, const RapatMeeting *m, gboolean series, gint64 *seq,
                  GError **error)
{
  g_autoptr(RapatSeries) s = NULL;

  *seq = m->sequence;
  if (m->series_id == 0)
    return TRUE;
  s = rapat_store_series_get (ctx->store, m->series_id, error);
  if (s == NULL)
    return FALSE;
  *seq = series ? s->sequence : s->sequence + m->sequence;
  return TRUE;
}

/* Fills @plan->only from --to: each a person of the directory. */
static gboolean
resolve_to (Plan *plan, char **to, GError **error)
{
  if (to == NULL)
    return TRUE;
  plan->only = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (char **p = to; *p != NULL; p++)
    {
      gint64 id;

      if (!rapat_store_person_resolve (plan->ctx->store, *p, &id, error))
        return FALSE;
      g_hash_table_add (plan->only, g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

/* TRUE when person @id is among those --to names (or there is no --to). */
static gboolean
chosen (const Plan *plan, gint64 id)
{
  return plan->only == NULL || g_hash_table_contains (plan->only, &id);
}

/* Returns what person @id was last sent, or NULL. */
static const RapatInviteSent *
sent_to (const Plan *plan, gint64 id)
{
  for (guint i = 0; i < plan->sent->len; i++)
    if (((const RapatInviteSent *) plan->sent->pdata[i])->person_id == id)
      return plan->sent->pdata[i];
  return NULL;
}

/* Returns a RapatAttendee standing for @s, a person no longer invited, so
 * that the cancellation addressed to them names them as ATTENDEE. */
static RapatAttendee *
withdrawn_attendee (const Plan *plan, const RapatInviteSent *s)
{
  RapatAttendee *a = g_new0 (RapatAttendee, 1);

  a->meeting_id = plan->m->id;
  a->person_id = s->person_id;
  a->person_name = g_strdup (s->person_name);
  a->email = g_strdup (s->email);
  a->role = RAPAT_ROLE_PARTICIPANT;
  a->rsvp = RAPAT_RSVP_NEEDS_ACTION;
  a->attendance = -1;
  return a;
}

/* Plans an invitation (REQUEST): a message to those who have not had the
 * current sequence (a new invitation and an update are two messages, as
 * they say different things), and a CANCEL to each withdrawn invitee. */
static void
plan_request (Plan *plan, gboolean all, GPtrArray *out)
{
  Outgoing *fresh = outgoing_new (RAPAT_INVITE_MAIL_NEW);
  Outgoing *update = outgoing_new (RAPAT_INVITE_MAIL_UPDATE);

  for (guint i = 0; i < plan->attendees->len; i++)
    {
      RapatAttendee *a = plan->attendees->pdata[i];
      const RapatInviteSent *s = sent_to (plan, a->person_id);

      if (!chosen (plan, a->person_id))
        continue;
      if (a->email == NULL)
        {
          g_ptr_array_add (plan->unreachable, a->person_name);
          continue;
        }
      plan->reachable++;
      if (s != NULL && strcmp (s->method, "request") == 0 && s->sequence >= plan->sequence
          && !all)
        continue;
      if (s != NULL && strcmp (s->method, "request") == 0 && s->sequence < plan->sequence)
        g_ptr_array_add (update->to, a);
      else
        g_ptr_array_add (fresh->to, a);
    }
  g_ptr_array_add (out, update);
  g_ptr_array_add (out, fresh);
  for (guint i = 0; i < plan->sent->len; i++)
    {
      const RapatInviteSent *s = plan->sent->pdata[i];
      Outgoing *o;

      if (s->invited || strcmp (s->method, "request") != 0 || !chosen (plan, s->person_id))
        continue;
      o = outgoing_new (RAPAT_INVITE_MAIL_CANCEL);
      o->withdrawn = TRUE;
      o->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendee_free);
      g_ptr_array_add (o->owned, withdrawn_attendee (plan, s));
      g_ptr_array_add (o->to, o->owned->pdata[0]);
      g_ptr_array_add (out, o);
    }
}

/* Plans the cancellation: to everyone who had the invitation (with @all,
 * also those already sent the cancellation), at the address it went to. */
static void
plan_cancel (Plan *plan, gboolean all, GPtrArray *out)
{
  Outgoing *o = outgoing_new (RAPAT_INVITE_MAIL_CANCEL);

  o->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendee_free);
  for (guint i = 0; i < plan->sent->len; i++)
    {
      const RapatInviteSent *s = plan->sent->pdata[i];

      if (!chosen (plan, s->person_id))
        continue;
      if (strcmp (s->method, "request") != 0 && !all)
        continue;
      g_ptr_array_add (o->owned, withdrawn_attendee (plan, s));
      g_ptr_array_add (o->to, o->owned->pdata[o->owned->len - 1]);
    }
  g_ptr_array_add (out, o);
}

/* The mail settings ('rapat config set mail.*') and the options, read
 * once; the strings are owned here. */
typedef struct {
  RapatMailer mailer;
  char *values[9];
  RapatMailbox from;
  RapatMailbox reply_to;
  gboolean has_reply_to;
} MailSettings;

/* Frees what @ms holds. */
static void
mail_settings_clear (MailSettings *ms)
{
  for (guint i = 0; i < G_N_ELEMENTS (ms->values); i++)
    g_free (ms->values[i]);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MailSettings, mail_settings_clear)

/* Fills @ms from the settings and --mbox/--maildir. */
static gboolean
mail_settings (RapatCmdContext *ctx, const RapatMeeting *m, MailSettings *ms, GError **error)
{
  const InviteOptions *opt = ctx->options;
  static const char *const keys[] = {
    "mail.transport", "mail.sendmail", "mail.smtp-url", "mail.smtp-user",
    "mail.smtp-password-file", "mail.smtp-password-command", "mail.smtp-tls", "mail.from",
    "mail.reply-to",
  };
  char **v = ms->values;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!rapat_store_config_get (ctx->store, keys[i], &v[i], error))
      return FALSE;
  if (opt->mbox != NULL && opt->maildir != NULL)
    {
      rapat_cmd_usage_error (error, "invite send", _("--mbox and --maildir: give one of them"));
      return FALSE;
    }
  ms->mailer.kind = opt->mbox != NULL ? RAPAT_MAILER_MBOX
                    : opt->maildir != NULL ? RAPAT_MAILER_MAILDIR
                    : g_strcmp0 (v[0], "smtp") == 0 ? RAPAT_MAILER_SMTP : RAPAT_MAILER_SENDMAIL;
  ms->mailer.path = opt->mbox != NULL ? opt->mbox : opt->maildir;
  ms->mailer.sendmail = v[1];
  ms->mailer.smtp_url = v[2];
  ms->mailer.smtp_user = v[3];
  ms->mailer.smtp_password_file = v[4];
  ms->mailer.smtp_password_command = v[5];
  ms->mailer.smtp_require_tls = g_strcmp0 (v[6], "required") == 0;
  ms->from.name = m->organizer_name;
  ms->from.address = v[7] != NULL ? v[7] : m->organizer_email;
  ms->reply_to.address = v[8];
  ms->has_reply_to = v[8] != NULL;
  return TRUE;
}

/* Returns a new Message-ID (without brackets) at the domain of @from. */
static char *
new_message_id (const char *from)
{
  const char *at = strrchr (from, '@');
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("rapat-%s@%s", uuid, at != NULL ? at + 1 : "rapat.invalid");
}

/* Returns the UTC offset, in minutes, of @m's zone at @now: the Date:
 * header reads in the meeting's zone. */
static int
zone_offset_minutes (const RapatMeeting *m, gint64 now)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, now);

  return interval >= 0 ? g_time_zone_get_offset (tz, interval) / 60 : 0;
}

/* Prints what message @o is (or would be, with @dry_run) and, one a
 * line, to whom. */
static void
print_outgoing (RapatCmdContext *ctx, const Outgoing *o, const char *method, gint64 seq,
                const char *subject, gboolean dry_run, guint n_sent)
{
  if (dry_run)
    fprintf (ctx->out, _("would send %s (sequence %" G_GINT64_FORMAT "): %s\n"), method, seq,
             subject);
  else
    fprintf (ctx->out,
             g_dngettext (GETTEXT_PACKAGE, "sent %s (sequence %" G_GINT64_FORMAT ") to %u recipient:\n",
                          "sent %s (sequence %" G_GINT64_FORMAT ") to %u recipients:\n", n_sent),
             method, seq, n_sent);
  for (guint i = 0; i < o->to->len; i++)
    {
      const RapatAttendee *a = o->to->pdata[i];

      fprintf (ctx->out, "  %s <%s>\n", a->person_name, a->email);
    }
}

/* What one send run shares between its messages. */
typedef struct {
  RapatCmdContext *ctx;
  const RapatMeeting *m;
  const RapatMailModule *mod;
  MailSettings *ms;
  GPtrArray *agenda;
  const char *lang;
  gint64 sequence;
  gboolean series;
  char *first_id;          /* the thread: the first REQUEST's Message-ID, or NULL */
  char *last_id;
} Send;

/* Builds, delivers and records message @o. */
static gboolean
send_one (Send *s, const Outgoing *o, gboolean dry_run, GError **error)
{
  RapatCmdContext *ctx = s->ctx;
  gboolean cancel = o->kind == RAPAT_INVITE_MAIL_CANCEL;
  const char *method = cancel ? "cancel" : "request";
  RapatInviteMail im = { s->m, s->agenda, o->kind, o->withdrawn, s->lang };
  g_autofree char *ics = NULL;
  g_autofree char *subject = rapat_invite_mail_subject (&im);
  g_autofree char *text = rapat_invite_mail_text (&im);
  g_autofree char *html = rapat_invite_mail_html (&im);
  g_autofree char *mid = new_message_id (s->ms->from.address);
  g_autofree RapatMailbox *to = g_new0 (RapatMailbox, o->to->len);
  g_autofree const char **rcpt = g_new0 (const char *, o->to->len + 1);
  g_autoptr(GBytes) message = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) emails = g_ptr_array_new ();
  const char *refs[3] = { s->first_id, NULL, NULL };
  RapatMailSpec spec = { 0 };
  RapatInviteMessage rec = { mid, method, s->sequence, ctx->now,
                             rapat_mailer_kind_name (s->ms->mailer.kind) };

  if (!rapat_cmd_invitation_ics (ctx, s->m, cancel ? RAPAT_ICS_CANCEL : RAPAT_ICS_REQUEST,
                                 s->series, o->withdrawn ? o->to : NULL, &ics, error))
    return FALSE;
  for (guint i = 0; i < o->to->len; i++)
    {
      const RapatAttendee *a = o->to->pdata[i];

      to[i] = (RapatMailbox) { a->person_name, a->email };
      rcpt[i] = a->email;
    }
  if (s->last_id != NULL && g_strcmp0 (s->last_id, s->first_id) != 0)
    refs[1] = s->last_id;
  spec.from = s->ms->from;
  spec.reply_to = s->ms->has_reply_to ? &s->ms->reply_to : NULL;
  spec.to = to;
  spec.n_to = o->to->len;
  spec.subject = subject;
  spec.text = text;
  spec.html = html;
  spec.calendar = ics;
  spec.method = cancel ? "CANCEL" : "REQUEST";
  spec.attachment_name = "invite.ics";
  spec.message_id = mid;
  spec.in_reply_to = s->first_id;
  spec.references = s->first_id != NULL ? refs : NULL;
  spec.date = ctx->now;
  spec.utc_offset_minutes = zone_offset_minutes (s->m, ctx->now);
  message = s->mod->compose (&spec, error);
  if (message == NULL)
    {
      g_prefix_error (error, _("meeting '%s': "), s->m->title);
      return FALSE;
    }
  if (dry_run)
    {
      print_outgoing (ctx, o, method, s->sequence, subject, TRUE, 0);
      return TRUE;
    }
  if (!rapat_mailer_deliver (&s->ms->mailer, s->ms->from.address, rcpt, message, ctx->now,
                             refused, error))
    return FALSE;
  for (guint i = 0; i < o->to->len; i++)
    {
      const RapatAttendee *a = o->to->pdata[i];
      gboolean was_refused = FALSE;

      for (guint j = 0; j < refused->len; j++)
        was_refused |= g_ascii_strcasecmp (refused->pdata[j], a->email) == 0;
      if (was_refused)
        {
          rapat_cmd_warn (ctx, _("%s <%s>: refused by the SMTP server; not recorded as sent (run 'invite send' again once fixed)"),
                          a->person_name, a->email);
          continue;
        }
      g_array_append_val (ids, a->person_id);
      g_ptr_array_add (emails, a->email);
    }
  if (!rapat_store_invite_record (ctx->store, s->m->id, &rec, (const gint64 *) ids->data,
                                  (const char *const *) emails->pdata, ids->len, error))
    return FALSE;
  print_outgoing (ctx, o, method, s->sequence, subject, FALSE, ids->len);
  /* The first REQUEST starts the thread the next messages answer. */
  if (s->first_id == NULL && !cancel)
    s->first_id = g_strdup (mid);
  g_free (s->last_id);
  s->last_id = g_strdup (mid);
  return TRUE;
}

/* Sets an error when nobody can be reached, naming those without e-mail. */
static void
nobody_reachable (const RapatMeeting *m, GPtrArray *unreachable, GError **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < unreachable->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (char *) unreachable->pdata[i]);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("meeting '%s': nobody to send to can be reached by e-mail (no address: %s; person edit NAME --email ADDRESS)"),
               m->title, names->str);
}

/* invite send M */
static gboolean
invite_send (RapatCmdContext *ctx, GError **error)
{
  const InviteOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) unreachable = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) outgoing_free);
  g_autoptr(GHashTable) only = NULL;
  g_auto(MailSettings) ms = { 0 };
  Plan plan = { ctx, m, 0, NULL, NULL, NULL, unreachable, 0 };
  Send s = { ctx, m, NULL, &ms, NULL, NULL, 0, opt->series, NULL, NULL };
  gboolean cancel = opt->cancel || (m->status == RAPAT_MEETING_CANCELLED && !opt->series);
  guint messages = 0;
  gboolean ok = TRUE;

  if (opt->series && m->series_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("meeting '%s': is not an occurrence of a series; leave out --series"), m->title);
      return FALSE;
    }
  if (!current_sequence (ctx, m, opt->series, &plan.sequence, error)
      || (attendees = rapat_store_attendee_list (ctx->store, m->id, error)) == NULL
      || (sent = rapat_store_invite_sent_list (ctx->store, m->id, error)) == NULL
      || (agenda = rapat_store_agenda_list (ctx->store, m->id, error)) == NULL
      || !resolve_to (&plan, opt->to, error) || !mail_settings (ctx, m, &ms, error))
    {
      g_clear_pointer (&plan.only, g_hash_table_unref);
      return FALSE;
    }
  only = plan.only;
  plan.attendees = attendees;
  plan.sent = sent;
  s.agenda = agenda;
  s.sequence = plan.sequence;
  if (cancel)
    plan_cancel (&plan, opt->all, out);
  else
    plan_request (&plan, opt->all, out);
  for (guint i = 0; i < out->len; i++)
    messages += ((Outgoing *) out->pdata[i])->to->len > 0;
  if (!cancel && plan.reachable == 0 && unreachable->len > 0)
    {
      nobody_reachable (m, unreachable, error);
      return FALSE;
    }
  for (guint i = 0; i < unreachable->len; i++)
    rapat_cmd_warn (ctx, _("%s has no e-mail address: not reachable, not sent (person edit '%s' --email ADDRESS)"),
                    (char *) unreachable->pdata[i], (char *) unreachable->pdata[i]);
  if (messages == 0)
    {
      if (cancel && sent->len == 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("meeting '%s': no invitation was sent by e-mail, so there is none to cancel"),
                       m->title);
          return FALSE;
        }
      fprintf (ctx->out, _("nothing to send: everyone has sequence %" G_GINT64_FORMAT " (--all sends again)\n"),
               plan.sequence);
      return TRUE;
    }
  s.lang = rapat_cmd_paper_lang (NULL, m->tzid, error);
  s.mod = s.lang != NULL ? rapat_mail (error) : NULL;
  if (s.mod == NULL
      || !rapat_store_invite_thread (ctx->store, m->id, &s.first_id, &s.last_id, error))
    return FALSE;
  for (guint i = 0; ok && i < out->len; i++)
    {
      const Outgoing *o = out->pdata[i];

      if (o->to->len > 0)
        ok = send_one (&s, o, opt->dry_run, error);
    }
  g_free (s.first_id);
  g_free (s.last_id);
  return ok;
}

/* Returns the reply of person @id to @m's invitation, or NULL when not invited. */
static const RapatAttendee *
attendee_of (GPtrArray *attendees, gint64 id)
{
  for (guint i = 0; i < attendees->len; i++)
    if (((const RapatAttendee *) attendees->pdata[i])->person_id == id)
      return attendees->pdata[i];
  return NULL;
}

/* Returns a state for people: "current", "outdated", "not sent",
 * "withdrawn", "cancelled". */
static const char *
state_of (const RapatAttendee *a, const RapatInviteSent *s, gint64 seq)
{
  if (s == NULL)
    return a != NULL && a->email == NULL ? N_("no e-mail") : N_("not sent");
  if (strcmp (s->method, "cancel") == 0)
    return N_("cancelled");
  if (a == NULL)
    return N_("withdrawn");
  return s->sequence >= seq ? N_("current") : N_("outdated");
}

/* invite status M */
static gboolean
invite_status (RapatCmdContext *ctx, GError **error)
{
  const InviteOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GPtrArray) attendees = rapat_store_attendee_list (ctx->store, m->id, error);
  g_autoptr(GPtrArray) sent = attendees != NULL
    ? rapat_store_invite_sent_list (ctx->store, m->id, error) : NULL;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();   /* person ids as pointers to gint64 */
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 seq;
  Plan plan = { ctx, m, 0, attendees, sent, NULL, NULL, 0 };

  if (sent == NULL || !current_sequence (ctx, m, FALSE, &seq, error))
    return FALSE;
  plan.sequence = seq;
  /* Every invitee, then those who were sent it and are no longer invited. */
  for (guint i = 0; i < attendees->len; i++)
    g_array_append_val (ids, ((const RapatAttendee *) attendees->pdata[i])->person_id);
  for (guint i = 0; i < sent->len; i++)
    if (!((const RapatInviteSent *) sent->pdata[i])->invited)
      g_array_append_val (ids, ((const RapatInviteSent *) sent->pdata[i])->person_id);
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "meeting_id", m->id);
      rapat_json_string (json, "uid", m->uid);
      rapat_json_int (json, "sequence", seq);
      rapat_json_begin_array (json, "invitees");
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          const RapatAttendee *a = attendee_of (attendees, id);
          const RapatInviteSent *s = sent_to (&plan, id);

          rapat_json_begin_object (json, NULL);
          rapat_json_int (json, "person_id", id);
          rapat_json_string (json, "name", a != NULL ? a->person_name : s->person_name);
          if (s != NULL || (a != NULL && a->email != NULL))
            rapat_json_string (json, "email", s != NULL ? s->email : a->email);
          else
            rapat_json_null (json, "email");
          rapat_json_bool (json, "invited", a != NULL);
          rapat_json_string (json, "state", state_of (a, s, seq));
          if (s != NULL)
            {
              g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
              g_autofree char *when = rapat_time_format_iso (s->sent_at, utc);

              rapat_json_string (json, "method", s->method);
              rapat_json_int (json, "sent_sequence", s->sequence);
              rapat_json_string (json, "sent_at", when);
              rapat_json_string (json, "message_id", s->message_id);
            }
          else
            {
              rapat_json_null (json, "method");
              rapat_json_null (json, "sent_sequence");
              rapat_json_null (json, "sent_at");
              rapat_json_null (json, "message_id");
            }
          if (a != NULL)
            rapat_json_string (json, "reply", rapat_enum_name (&rapat_rsvp_enum, a->rsvp));
          else
            rapat_json_null (json, "reply");
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
      fputc ('\n', ctx->out);
      return TRUE;
    }
  {
    g_autoptr(RapatTable) table = rapat_table_new (_("NAME"), _("E-MAIL"), _("STATE"),
                                                   _("SENT"), _("SEQ"), _("WHEN"), _("REPLY"),
                                                   NULL);

    rapat_table_align_right (table, 4);
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);
        const RapatAttendee *a = attendee_of (attendees, id);
        const RapatInviteSent *s = sent_to (&plan, id);
        g_autofree char *seqs = s != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, s->sequence)
                                          : g_strdup ("-");
        g_autofree char *when = s != NULL ? rapat_when_instant_zoned (s->sent_at, tz)
                                          : g_strdup ("-");
        const char *email = s != NULL ? s->email : a->email != NULL ? a->email : "-";

        rapat_table_add (table, a != NULL ? a->person_name : s->person_name, email,
                         _(state_of (a, s, seq)), s != NULL ? s->method : "-", seqs, when,
                         a != NULL ? rapat_enum_label (&rapat_rsvp_enum, a->rsvp) : "-");
      }
    fprintf (ctx->out, _("meeting '%s': sequence %" G_GINT64_FORMAT "\n"), m->title, seq);
    rapat_table_print (table, ctx->out, "");
  }
  return TRUE;
}

const RapatCommand rapat_invite_commands[] = {
  { "send", "MEETING", N_("E-mail the invitation (iMIP) to those who do not have it yet"),
    N_("One message with the calendar (text/calendar; method=REQUEST, and invite.ics\n"
       "attached) goes to every invitee who has not received the meeting's current\n"
       "sequence: a new invitee, or everyone after a change of time or place; a\n"
       "withdrawn invitee (attendee remove) gets a cancellation of their own.  A\n"
       "cancelled meeting, or --cancel, sends the cancellation to everyone who had the\n"
       "invitation.  Invitees without an e-mail address are named as not reachable.\n"
       "Delivery: 'rapat config set mail.transport sendmail|smtp' (see config set\n"
       "--help), or --mbox/--maildir to write the messages to a file.  A failed\n"
       "delivery records nothing; recipients an SMTP server refuses are named and not\n"
       "recorded, the others are."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (send_entries, InviteOptions),
    RAPAT_TARGET_MEETING, invite_send },
  { "status", "MEETING", N_("Show, per invitee, what was e-mailed and the reply"),
    NULL, RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (status_entries, InviteOptions),
    RAPAT_TARGET_MEETING, invite_status },
  { NULL },
};
