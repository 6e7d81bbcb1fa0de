/* rapat — "rapat invite": invitations sent by e-mail, iMIP (cli layer). */
#include "cmd.h"
#include "export-ics.h"
#include "invite.h"
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

/* The mail settings ('rapat config set mail.*') and the options, read
 * once; the strings are owned here. */
typedef struct {
  RapatMailer mailer;
  char *values[10];
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
    "mail.reply-to", "mail.smtp-ca-file",
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
  ms->mailer.smtp_ca_file = v[9];
  ms->from.name = m->organizer_name;
  ms->from.address = v[7] != NULL ? v[7] : m->organizer_email;
  ms->reply_to.address = v[8];
  ms->has_reply_to = v[8] != NULL;
  return TRUE;
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

/* Returns the words of the message for a planned message of @kind. */
static RapatInviteMailKind
mail_kind (RapatInviteKind kind)
{
  switch (kind)
    {
    case RAPAT_INVITE_NEW:
      return RAPAT_INVITE_MAIL_NEW;
    case RAPAT_INVITE_UPDATE:
      return RAPAT_INVITE_MAIL_UPDATE;
    case RAPAT_INVITE_CANCEL:
    default:
      return RAPAT_INVITE_MAIL_CANCEL;
    }
}

/* What the prepare hook of 'invite send' keeps for its handler: the plan,
 * each message as composed, and how far delivery went. */
typedef struct {
  RapatMeeting *meeting;    /* the meeting as planned */
  RapatInvitePlan *plan;
  GPtrArray *composed;      /* GBytes per message of the plan */
  GPtrArray *subjects;      /* char * per message */
  GPtrArray *refused;       /* per message delivered, a GPtrArray of the refused addresses */
  guint n_delivered;        /* how many of the plan's messages went out, in order */
  GError *failure;          /* why the next one did not, or NULL */
  const char *transport;
  gboolean dry_run;
} SendState;

/* Frees @p, a SendState; when the command failed after messages went out
 * (they could not be recorded), says so: nothing else will. */
static void
send_state_free (gpointer p, gboolean ok)
{
  SendState *st = p;

  if (!ok && st->n_delivered > 0)
    fprintf (stderr, "rapat: warning: %s\n",
             g_dngettext (GETTEXT_PACKAGE,
                          "the message delivered was not recorded as sent: the next 'invite send' mails it again",
                          "the messages delivered were not recorded as sent: the next 'invite send' mails them again",
                          st->n_delivered));
  g_clear_pointer (&st->meeting, rapat_meeting_free);
  g_clear_pointer (&st->plan, rapat_invite_plan_free);
  g_clear_pointer (&st->composed, g_ptr_array_unref);
  g_clear_pointer (&st->subjects, g_ptr_array_unref);
  g_clear_pointer (&st->refused, g_ptr_array_unref);
  g_clear_error (&st->failure);
  g_free (st);
}

/* Builds message @o of the plan in @st: the words, the calendar, the MIME;
 * stores its subject in @subject. */
static GBytes *
compose (RapatCmdContext *ctx, const SendState *st, const RapatMailModule *mod,
         const MailSettings *ms, GPtrArray *agenda, const char *lang,
         const RapatInviteOutgoing *o, char **subject, GError **error)
{
  const RapatMeeting *m = st->meeting;
  gboolean cancel = o->kind == RAPAT_INVITE_CANCEL;
  RapatInviteMail im = { m, agenda, mail_kind (o->kind), o->withdrawn, lang };
  g_autofree char *ics = NULL;
  g_autofree char *text = rapat_invite_mail_text (&im);
  g_autofree char *html = rapat_invite_mail_html (&im);
  g_autofree RapatMailbox *to = g_new0 (RapatMailbox, o->to->len);
  RapatMailSpec spec = { 0 };
  GBytes *message;

  *subject = rapat_invite_mail_subject (&im);
  if (!rapat_cmd_invitation_ics (ctx, m, cancel ? RAPAT_ICS_CANCEL : RAPAT_ICS_REQUEST,
                                 st->plan->series, o->withdrawn ? o->to : NULL, &ics, error))
    return NULL;
  for (guint i = 0; i < o->to->len; i++)
    {
      const RapatAttendee *a = o->to->pdata[i];

      to[i] = (RapatMailbox) { a->person_name, a->email };
    }
  spec.from = ms->from;
  spec.reply_to = ms->has_reply_to ? &ms->reply_to : NULL;
  spec.to = to;
  spec.n_to = o->to->len;
  spec.subject = *subject;
  spec.text = text;
  spec.html = html;
  spec.calendar = ics;
  spec.method = cancel ? "CANCEL" : "REQUEST";
  spec.attachment_name = "invite.ics";
  spec.message_id = o->message_id;
  spec.in_reply_to = o->in_reply_to;
  spec.references = (const char *const *) o->references;
  spec.date = ctx->now;
  spec.utc_offset_minutes = zone_offset_minutes (m, ctx->now);
  message = mod->compose (&spec, error);
  if (message == NULL)
    g_prefix_error (error, _("meeting '%s': "), m->title);
  return message;
}

/* In the read transaction of the prepare hook: loads the meeting, plans
 * and composes every message into @st; fills @ms. */
static gboolean
plan_and_compose (RapatCmdContext *ctx, SendState *st, MailSettings *ms, GError **error)
{
  const InviteOptions *opt = ctx->options;
  g_autoptr(GPtrArray) agenda = NULL;
  RapatInviteOptions iopt = { (const char *const *) opt->to, opt->all, opt->cancel, opt->series,
                              NULL };
  const RapatMailModule *mod;
  const char *lang;
  const char *at;

  st->meeting = rapat_store_meeting_get (ctx->store, ctx->target_id, error);
  if (st->meeting == NULL || !mail_settings (ctx, st->meeting, ms, error))
    return FALSE;
  at = ms->from.address != NULL ? strrchr (ms->from.address, '@') : NULL;
  iopt.id_domain = at != NULL ? at + 1 : NULL;
  st->plan = rapat_invite_plan (ctx->store, st->meeting, &iopt, error);
  if (st->plan == NULL)
    return FALSE;
  if (st->plan->messages->len == 0)
    return TRUE;
  lang = rapat_cmd_paper_lang (NULL, st->meeting->tzid, error);
  mod = lang != NULL ? rapat_mail (error) : NULL;
  if (mod == NULL || (agenda = rapat_store_agenda_list (ctx->store, st->meeting->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < st->plan->messages->len; i++)
    {
      char *subject = NULL;
      GBytes *message = compose (ctx, st, mod, ms, agenda, lang, st->plan->messages->pdata[i],
                                 &subject, error);

      g_ptr_array_add (st->subjects, subject);
      if (message == NULL)
        return FALSE;
      g_ptr_array_add (st->composed, message);
    }
  return TRUE;
}

/* Delivers the messages of @st in order, with no transaction open; stops
 * at the first that fails.  FALSE with @error when the first one did, so
 * that nothing went out; a later failure is kept in @st->failure for the
 * handler, which records what did go out. */
static gboolean
deliver (RapatCmdContext *ctx, SendState *st, const MailSettings *ms, GError **error)
{
  for (guint i = 0; i < st->plan->messages->len; i++)
    {
      const RapatInviteOutgoing *o = st->plan->messages->pdata[i];
      g_autofree const char **rcpt = g_new0 (const char *, o->to->len + 1);
      GPtrArray *refused = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) local = NULL;

      for (guint j = 0; j < o->to->len; j++)
        rcpt[j] = ((const RapatAttendee *) o->to->pdata[j])->email;
      g_ptr_array_add (st->refused, refused);
      if (!rapat_mailer_deliver (&ms->mailer, ms->from.address, rcpt, st->composed->pdata[i],
                                 ctx->now, refused, &local))
        {
          if (i == 0)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          st->failure = g_steal_pointer (&local);
          return TRUE;
        }
      for (guint j = 0; j < refused->len; j++)
        for (guint k = 0; k < o->to->len; k++)
          {
            const RapatAttendee *a = o->to->pdata[k];

            if (g_ascii_strcasecmp (refused->pdata[j], a->email) == 0)
              rapat_cmd_warn (ctx, _("%s <%s>: refused by the SMTP server; not recorded as sent (run 'invite send' again once fixed)"),
                              a->person_name, a->email);
          }
      st->n_delivered++;
    }
  return TRUE;
}

/* The prepare hook of 'invite send': plans and composes in a read
 * transaction of its own, then delivers with no transaction open, so that
 * a slow or unreachable mail server (up to the SMTP timeout) never holds
 * SQLite's write lock while other rapat commands wait.  A dry run, or a
 * plan with nothing due, writes nothing: the handler then runs read-only. */
static gboolean
invite_send_prepare (RapatCmdContext *ctx, GError **error)
{
  const InviteOptions *opt = ctx->options;
  SendState *st = g_new0 (SendState, 1);
  g_auto(MailSettings) ms = { 0 };
  gboolean ok;

  ctx->prepared = st;
  ctx->prepared_free = send_state_free;
  st->dry_run = opt->dry_run;
  st->composed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  st->subjects = g_ptr_array_new_with_free_func (g_free);
  st->refused = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  ok = rapat_store_begin_read (ctx->store, error) && plan_and_compose (ctx, st, &ms, error);
  rapat_store_rollback (ctx->store);
  if (!ok)
    return FALSE;
  for (guint i = 0; i < st->plan->unreachable->len; i++)
    rapat_cmd_warn (ctx, _("%s has no e-mail address: not reachable, not sent (person edit '%s' --email ADDRESS)"),
                    (char *) st->plan->unreachable->pdata[i],
                    (char *) st->plan->unreachable->pdata[i]);
  st->transport = rapat_mailer_kind_name (ms.mailer.kind);
  if (opt->dry_run || st->plan->messages->len == 0)
    {
      ctx->read_only = TRUE;
      return TRUE;
    }
  return deliver (ctx, st, &ms, error);
}

/* Prints what message @o is (or would be, with @dry_run) and, one a
 * line, to whom. */
/* Returns the iTIP method @method ("request", "cancel") for people. */
static const char *
method_label (const char *method)
{
  if (g_strcmp0 (method, "cancel") == 0)
    return C_("mail method", "cancel");
  if (g_strcmp0 (method, "request") == 0)
    return C_("mail method", "request");
  return method;
}

static void
print_outgoing (RapatCmdContext *ctx, const RapatInviteOutgoing *o, gint64 seq,
                const char *subject, gboolean dry_run, guint n_sent)
{
  if (dry_run)
    fprintf (ctx->out, _("would send %s (sequence %" PRId64 "): %s\n"), method_label (o->method),
             seq, subject);
  else
    fprintf (ctx->out,
             g_dngettext (GETTEXT_PACKAGE, "sent %s (sequence %" PRId64 ") to %u recipient:\n",
                          "sent %s (sequence %" PRId64 ") to %u recipients:\n", n_sent),
             method_label (o->method), seq, n_sent);
  for (guint i = 0; i < o->to->len; i++)
    {
      const RapatAttendee *a = o->to->pdata[i];

      fprintf (ctx->out, "  %s <%s>\n", a->person_name, a->email);
    }
}

/* Warns of what changed in the store while the messages were on their
 * way: they are recorded all the same (see rapat_invite_record()), and the
 * next 'invite send' mails what is then missing. */
static gboolean
warn_drift (RapatCmdContext *ctx, const SendState *st, GError **error)
{
  RapatInviteDrift drift;

  if (!rapat_invite_drift (ctx->store, st->plan, ctx->meeting, &drift, error))
    return FALSE;
  if (drift.sequence_changed)
    rapat_cmd_warn (ctx, _("meeting '%s' changed while the messages were being sent: they carry sequence %" PRId64 ", the meeting is now at %" PRId64 "; run 'invite send' again to send the update"),
                    ctx->meeting->title, st->plan->sequence, drift.sequence_now);
  if (drift.invitees_changed)
    rapat_cmd_warn (ctx, _("meeting '%s': the invitees changed while the messages were being sent; run 'invite send' again for those now due"),
                    ctx->meeting->title);
  return TRUE;
}

/* invite send M: in the write transaction, after the prepare hook
 * delivered, records what went out (or, read-only, says what would). */
static gboolean
invite_send (RapatCmdContext *ctx, GError **error)
{
  SendState *st = ctx->prepared;
  const RapatInvitePlan *plan = st->plan;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);

  if (plan->messages->len == 0)
    {
      fprintf (ctx->out, _("nothing to send: everyone has sequence %" PRId64 " (--all sends again)\n"),
               plan->sequence);
      return TRUE;
    }
  if (st->dry_run)
    {
      for (guint i = 0; i < plan->messages->len; i++)
        print_outgoing (ctx, plan->messages->pdata[i], plan->sequence, st->subjects->pdata[i],
                        TRUE, 0);
      return TRUE;
    }
  if (ctx->target_id != plan->meeting_id)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': now names another meeting than the one mailed, so nothing was recorded"),
                   ctx->args[0]);
      return FALSE;
    }
  if (!warn_drift (ctx, st, error))
    return FALSE;
  for (guint i = 0; i < st->n_delivered; i++)
    {
      const RapatInviteOutgoing *o = plan->messages->pdata[i];
      GPtrArray *refused = st->refused->pdata[i];
      guint n_recorded;

      if (!rapat_invite_record (ctx->store, plan, o, (const char *const *) refused->pdata,
                                refused->len, ctx->now, st->transport, &n_recorded, stale, error))
        return FALSE;
      print_outgoing (ctx, o, plan->sequence, st->subjects->pdata[i], FALSE,
                      o->to->len - refused->len);
    }
  for (guint i = 0; i < stale->len; i++)
    rapat_cmd_warn (ctx, _("%s: the message was delivered but is not recorded as sent: the person was deleted, or another 'invite send' recorded a message to them meanwhile"),
                    (char *) stale->pdata[i]);
  if (st->failure != NULL)
    ctx->failure = g_error_new (st->failure->domain, st->failure->code,
                                _("%s; the messages sent before it are recorded (run 'invite send' again once fixed)"),
                                st->failure->message);
  return TRUE;
}

/* Returns what person @id was last sent according to @sent, or NULL. */
static const RapatInviteSent *
sent_of (GPtrArray *sent, gint64 id)
{
  for (guint i = 0; i < sent->len; i++)
    if (((const RapatInviteSent *) sent->pdata[i])->person_id == id)
      return sent->pdata[i];
  return NULL;
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

  if (sent == NULL || !rapat_invite_sequence (ctx->store, m, FALSE, &seq, error))
    return FALSE;
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
          const RapatInviteSent *s = sent_of (sent, id);

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
    g_autoptr(RapatTable) table = rapat_table_new (C_("column", "NAME"), _("E-MAIL"),
                                                   _("STATE"), _("SENT"), _("SEQ"),
                                                   C_("column", "WHEN"), _("REPLY"), NULL);

    rapat_table_align_right (table, 4);
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);
        const RapatAttendee *a = attendee_of (attendees, id);
        const RapatInviteSent *s = sent_of (sent, id);
        g_autofree char *seqs = s != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, s->sequence)
                                          : g_strdup ("-");
        g_autofree char *when = s != NULL ? rapat_when_instant_zoned (s->sent_at, tz)
                                          : g_strdup ("-");
        const char *email = s != NULL ? s->email : a->email != NULL ? a->email : "-";

        rapat_table_add (table, a != NULL ? a->person_name : s->person_name, email,
                         _(state_of (a, s, seq)), s != NULL ? method_label (s->method) : "-", seqs, when,
                         a != NULL ? rapat_enum_label (&rapat_rsvp_enum, a->rsvp) : "-");
      }
    fprintf (ctx->out, _("meeting '%s': sequence %" PRId64 "\n"), m->title, seq);
    rapat_table_print (table, ctx->out, "");
  }
  return TRUE;
}

const RapatCommand rapat_invite_commands[] = {
  { "send", "MEETING", N_("E-mail the invitation (iMIP) to those who do not have it yet"),
    N_("One message with the calendar (text/calendar; method=REQUEST, and invite.ics\n"
       "attached) goes to every invitee who has not received the meeting's current\n"
       "sequence: a new invitee, or everyone after a change of time or place; an\n"
       "invitee who asked for it again (a REFRESH read by 'rapat import') has it sent\n"
       "again.  A withdrawn invitee (attendee remove) gets a cancellation of their\n"
       "own.  A cancelled meeting, or --cancel, sends the cancellation to everyone who\n"
       "had the invitation.  Invitees without an e-mail address are named as not\n"
       "reachable.  Delivery: 'rapat config set mail.transport sendmail|smtp' (see\n"
       "config set --help), or --mbox/--maildir to write the messages to a file.  A\n"
       "failed delivery records nothing; recipients an SMTP server refuses are named\n"
       "and not recorded, the others are."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (send_entries, InviteOptions),
    RAPAT_TARGET_MEETING, invite_send, invite_send_prepare },
  { "status", "MEETING", N_("Show, per invitee, what was e-mailed and the reply"),
    NULL, RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (status_entries, InviteOptions),
    RAPAT_TARGET_MEETING, invite_status },
  { NULL },
};
