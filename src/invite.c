/* rapat — who is e-mailed which invitation, and what is recorded once it
 * went out (domain layer; see invite.h). */
#include "invite.h"

#include <string.h>

/* Frees @o. */
static void
outgoing_free (RapatInviteOutgoing *o)
{
  g_ptr_array_unref (o->to);
  g_free (o->message_id);
  g_free (o->in_reply_to);
  g_strfreev (o->references);
  g_free (o);
}

/* Returns a new, empty message of @kind. */
static RapatInviteOutgoing *
outgoing_new (RapatInviteKind kind, gboolean withdrawn)
{
  RapatInviteOutgoing *o = g_new0 (RapatInviteOutgoing, 1);

  o->kind = kind;
  o->withdrawn = withdrawn;
  o->method = kind == RAPAT_INVITE_CANCEL ? "cancel" : "request";
  o->to = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendee_free);
  return o;
}

void
rapat_invite_plan_free (RapatInvitePlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->messages, g_ptr_array_unref);
  g_clear_pointer (&plan->unreachable, g_ptr_array_unref);
  g_clear_pointer (&plan->sent, g_ptr_array_unref);
  g_clear_pointer (&plan->invitees, g_array_unref);
  g_free (plan);
}

gboolean
rapat_invite_sequence (RapatStore *store, const RapatMeeting *m, gboolean series, gint64 *seq,
                       GError **error)
{
  g_autoptr(RapatSeries) s = NULL;

  *seq = m->sequence;
  if (m->series_id == 0)
    return TRUE;
  s = rapat_store_series_get (store, m->series_id, error);
  if (s == NULL)
    return FALSE;
  *seq = series ? s->sequence : s->sequence + m->sequence;
  return TRUE;
}

/* Returns the set of person ids (gint64 *) @to names, or NULL with @error. */
static GHashTable *
resolve_to (RapatStore *store, const char *const *to, GError **error)
{
  g_autoptr(GHashTable) only = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      NULL);

  for (const char *const *p = to; *p != NULL; p++)
    {
      gint64 id;

      if (!rapat_store_person_resolve (store, *p, &id, error))
        return NULL;
      g_hash_table_add (only, g_memdup2 (&id, sizeof id));
    }
  return g_steal_pointer (&only);
}

/* TRUE when person @id is in @only (or @only is NULL: everyone). */
static gboolean
chosen (GHashTable *only, gint64 id)
{
  return only == NULL || g_hash_table_contains (only, &id);
}

/* Returns what person @id was last sent according to @sent, or NULL. */
static const RapatInviteSent *
sent_to (GPtrArray *sent, gint64 id)
{
  for (guint i = 0; i < sent->len; i++)
    if (((const RapatInviteSent *) sent->pdata[i])->person_id == id)
      return sent->pdata[i];
  return NULL;
}

/* Returns a copy of invitee @a, to be owned by a message. */
static RapatAttendee *
attendee_copy (const RapatAttendee *a)
{
  RapatAttendee *c = rapat_attendee_new ();

  c->meeting_id = a->meeting_id;
  c->person_id = a->person_id;
  c->person_name = g_strdup (a->person_name);
  c->email = g_strdup (a->email);
  c->role = a->role;
  c->rsvp = a->rsvp;
  c->attendance = a->attendance;
  return c;
}

/* Returns an invitee standing for @s, someone who was sent the invitation
 * to meeting @meeting_id, so that a cancellation names them as ATTENDEE at
 * the address the invitation went to. */
static RapatAttendee *
attendee_from_sent (gint64 meeting_id, const RapatInviteSent *s)
{
  RapatAttendee *a = rapat_attendee_new ();

  a->meeting_id = meeting_id;
  a->person_id = s->person_id;
  a->person_name = g_strdup (s->person_name);
  a->email = g_strdup (s->email);
  a->role = RAPAT_ROLE_PARTICIPANT;
  a->rsvp = RAPAT_RSVP_NEEDS_ACTION;
  a->attendance = -1;
  return a;
}

/* TRUE when @s says its person has the REQUEST of sequence @seq or later. */
static gboolean
has_current (const RapatInviteSent *s, gint64 seq)
{
  return s != NULL && strcmp (s->method, "request") == 0 && s->sequence >= seq;
}

/* TRUE when person @id is among the @refresh people who asked for the
 * invitation again since they were last sent it. */
static gboolean
asked_again (GArray *refresh, gint64 id)
{
  for (guint i = 0; i < refresh->len; i++)
    if (g_array_index (refresh, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Plans the REQUESTs of @plan (an update to those who had an earlier
 * sequence, a first invitation to the others; those with the current one
 * only with @all or when they asked for it again, in @refresh) and a
 * CANCEL to each withdrawn invitee; *@reachable counts the chosen invitees with an
 * address. */
static void
plan_request (RapatInvitePlan *plan, GPtrArray *attendees, GHashTable *only, gboolean all,
              GArray *refresh, guint *reachable)
{
  RapatInviteOutgoing *fresh = outgoing_new (RAPAT_INVITE_NEW, FALSE);
  RapatInviteOutgoing *update = outgoing_new (RAPAT_INVITE_UPDATE, FALSE);

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      const RapatInviteSent *s = sent_to (plan->sent, a->person_id);

      if (!chosen (only, a->person_id))
        continue;
      if (a->email == NULL)
        {
          g_ptr_array_add (plan->unreachable, g_strdup (a->person_name));
          continue;
        }
      (*reachable)++;
      if (has_current (s, plan->sequence) && !all && !asked_again (refresh, a->person_id))
        continue;
      if (s != NULL && strcmp (s->method, "request") == 0 && s->sequence < plan->sequence)
        g_ptr_array_add (update->to, attendee_copy (a));
      else
        g_ptr_array_add (fresh->to, attendee_copy (a));
    }
  g_ptr_array_add (plan->messages, update);
  g_ptr_array_add (plan->messages, fresh);
  for (guint i = 0; i < plan->sent->len; i++)
    {
      const RapatInviteSent *s = plan->sent->pdata[i];
      RapatInviteOutgoing *o;

      if (s->invited || strcmp (s->method, "request") != 0 || !chosen (only, s->person_id))
        continue;
      o = outgoing_new (RAPAT_INVITE_CANCEL, TRUE);
      g_ptr_array_add (o->to, attendee_from_sent (plan->meeting_id, s));
      g_ptr_array_add (plan->messages, o);
    }
}

/* Plans the cancellation: to everyone chosen who had the invitation (with
 * @all, also those already sent the cancellation). */
static void
plan_cancel (RapatInvitePlan *plan, GHashTable *only, gboolean all)
{
  RapatInviteOutgoing *o = outgoing_new (RAPAT_INVITE_CANCEL, FALSE);

  for (guint i = 0; i < plan->sent->len; i++)
    {
      const RapatInviteSent *s = plan->sent->pdata[i];

      if (!chosen (only, s->person_id) || (strcmp (s->method, "request") != 0 && !all))
        continue;
      g_ptr_array_add (o->to, attendee_from_sent (plan->meeting_id, s));
    }
  g_ptr_array_add (plan->messages, o);
}

/* Drops the messages of @plan that go to nobody. */
static void
drop_empty (RapatInvitePlan *plan)
{
  for (guint i = plan->messages->len; i > 0; i--)
    if (((RapatInviteOutgoing *) plan->messages->pdata[i - 1])->to->len == 0)
      g_ptr_array_remove_index (plan->messages, i - 1);
}

/* Gives each message of @plan a Message-ID at @domain and the thread: the
 * meeting's first REQUEST (@first, else the first one planned) in
 * In-Reply-To and References, and the latest message before it in
 * References too.  @first and @last are taken. */
static void
thread (RapatInvitePlan *plan, const char *domain, char *first, char *last)
{
  for (guint i = 0; i < plan->messages->len; i++)
    {
      RapatInviteOutgoing *o = plan->messages->pdata[i];
      g_autofree char *uuid = g_uuid_string_random ();

      o->message_id = g_strdup_printf ("rapat-%s@%s", uuid,
                                       domain != NULL ? domain : "rapat.invalid");
      if (first != NULL)
        {
          o->in_reply_to = g_strdup (first);
          o->references = g_new0 (char *, 3);
          o->references[0] = g_strdup (first);
          if (last != NULL && strcmp (last, first) != 0)
            o->references[1] = g_strdup (last);
        }
      /* The first REQUEST starts the thread the next messages answer. */
      if (first == NULL && o->kind != RAPAT_INVITE_CANCEL)
        first = g_strdup (o->message_id);
      g_free (last);
      last = g_strdup (o->message_id);
    }
  g_free (first);
  g_free (last);
}

/* Sets the error of a request nobody chosen can receive, naming those
 * without an address. */
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

RapatInvitePlan *
rapat_invite_plan (RapatStore *store, const RapatMeeting *m, const RapatInviteOptions *opt,
                   GError **error)
{
  g_autoptr(RapatInvitePlan) plan = g_new0 (RapatInvitePlan, 1);
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GHashTable) only = NULL;
  g_autoptr(GArray) refresh = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint reachable = 0;

  if (opt->series && m->series_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("meeting '%s': is not an occurrence of a series; leave out --series"), m->title);
      return NULL;
    }
  plan->meeting_id = m->id;
  plan->series = opt->series;
  plan->cancel = opt->cancel || (m->status == RAPAT_MEETING_CANCELLED && !opt->series);
  plan->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) outgoing_free);
  plan->unreachable = g_ptr_array_new_with_free_func (g_free);
  plan->invitees = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!rapat_invite_sequence (store, m, opt->series, &plan->sequence, error)
      || (attendees = rapat_store_attendee_list (store, m->id, error)) == NULL
      || (plan->sent = rapat_store_invite_sent_list (store, m->id, error)) == NULL
      || (refresh = rapat_store_invite_refresh_pending (store, m->id, error)) == NULL
      || (opt->to != NULL && (only = resolve_to (store, opt->to, error)) == NULL)
      || !rapat_store_invite_thread (store, m->id, &first, &last, error))
    return NULL;
  for (guint i = 0; i < attendees->len; i++)
    g_array_append_val (plan->invitees, ((const RapatAttendee *) attendees->pdata[i])->person_id);
  if (plan->cancel)
    plan_cancel (plan, only, opt->all);
  else
    plan_request (plan, attendees, only, opt->all, refresh, &reachable);
  drop_empty (plan);
  if (!plan->cancel && reachable == 0 && plan->unreachable->len > 0)
    {
      nobody_reachable (m, plan->unreachable, error);
      return NULL;
    }
  if (plan->cancel && plan->messages->len == 0 && plan->sent->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': no invitation was sent by e-mail, so there is none to cancel"),
                   m->title);
      return NULL;
    }
  thread (plan, opt->id_domain, g_steal_pointer (&first), g_steal_pointer (&last));
  return g_steal_pointer (&plan);
}

gboolean
rapat_invite_drift (RapatStore *store, const RapatInvitePlan *plan, const RapatMeeting *m,
                    RapatInviteDrift *drift, GError **error)
{
  g_autoptr(GPtrArray) attendees = NULL;

  memset (drift, 0, sizeof *drift);
  if (!rapat_invite_sequence (store, m, plan->series, &drift->sequence_now, error)
      || (attendees = rapat_store_attendee_list (store, m->id, error)) == NULL)
    return FALSE;
  drift->sequence_changed = drift->sequence_now != plan->sequence;
  drift->invitees_changed = attendees->len != plan->invitees->len;
  for (guint i = 0; !drift->invitees_changed && i < attendees->len; i++)
    drift->invitees_changed = ((const RapatAttendee *) attendees->pdata[i])->person_id
                              != g_array_index (plan->invitees, gint64, i);
  return TRUE;
}

/* TRUE when @address is among the @n addresses @refused (case-insensitive). */
static gboolean
was_refused (const char *const *refused, guint n, const char *address)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (refused[i], address) == 0)
      return TRUE;
  return FALSE;
}

/* Sets *@alive to whether person @id is still in the directory. */
static gboolean
person_alive (RapatStore *store, gint64 id, gboolean *alive, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(RapatPerson) p = rapat_store_person_get (store, id, &local);

  *alive = p != NULL;
  if (p == NULL && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_invite_record (RapatStore *store, const RapatInvitePlan *plan,
                     const RapatInviteOutgoing *msg, const char *const *refused,
                     guint n_refused, gint64 sent_at, const char *transport, guint *n_recorded,
                     GPtrArray *stale, GError **error)
{
  g_autoptr(GPtrArray) now = rapat_store_invite_sent_list (store, plan->meeting_id, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) emails = g_ptr_array_new ();
  RapatInviteMessage rec = { msg->message_id, msg->method, plan->sequence, sent_at, transport };

  *n_recorded = 0;
  if (now == NULL)
    return FALSE;
  for (guint i = 0; i < msg->to->len; i++)
    {
      const RapatAttendee *a = msg->to->pdata[i];
      const RapatInviteSent *then = sent_to (plan->sent, a->person_id);
      const RapatInviteSent *s = sent_to (now, a->person_id);
      gboolean alive;

      if (was_refused (refused, n_refused, a->email))
        continue;
      if (!person_alive (store, a->person_id, &alive, error))
        return FALSE;
      /* Another send recorded meanwhile: which message reached them last
       * cannot be told, and theirs was planned later; keep it. */
      if (!alive || g_strcmp0 (then != NULL ? then->message_id : NULL,
                               s != NULL ? s->message_id : NULL) != 0)
        {
          g_ptr_array_add (stale, g_strdup (a->person_name));
          continue;
        }
      g_array_append_val (ids, a->person_id);
      g_ptr_array_add (emails, a->email);
    }
  if (ids->len == 0)
    return TRUE;
  if (!rapat_store_invite_record (store, plan->meeting_id, &rec, (const gint64 *) ids->data,
                                  (const char *const *) emails->pdata, ids->len, error))
    return FALSE;
  *n_recorded = ids->len;
  return TRUE;
}
