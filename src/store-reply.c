/* rapat — the store: replies that came back by mail, and what invitees
 * asked of the organizer (schema/0014-replies.sql). */
#include "store-private.h"

gint64
rapat_store_series_find_uid (RapatStore *store, const char *uid, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "SELECT id FROM series WHERE uid = ?1",
                                             error);
  int found;

  if (stmt == NULL)
    return -1;
  store_bind_text (stmt, 1, uid);
  found = store_step_first (store, stmt, _("unable to find the series"), error);
  return found < 0 ? -1 : found == 0 ? 0 : sqlite3_column_int64 (stmt, 0);
}

gint64
rapat_store_series_occurrence (RapatStore *store, gint64 series_id, gint64 recurrence_utc,
                               GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id FROM meeting WHERE series_id = ?1 AND recurrence_utc = ?2", error);
  int found;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, recurrence_utc);
  found = store_step_first (store, stmt, _("unable to find the occurrence"), error);
  return found < 0 ? -1 : found == 0 ? 0 : sqlite3_column_int64 (stmt, 0);
}

gint64
rapat_store_person_find_email (RapatStore *store, const char *address, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id FROM person WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1", error);
  int found;

  if (stmt == NULL)
    return -1;
  store_bind_text (stmt, 1, address);
  found = store_step_first (store, stmt, _("unable to find the person"), error);
  return found < 0 ? -1 : found == 0 ? 0 : sqlite3_column_int64 (stmt, 0);
}

gboolean
rapat_store_reply_get (RapatStore *store, gint64 meeting_id, gint64 person_id,
                       RapatReplyState *state, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT a.id, a.rsvp, a.replied_at, a.replied_sequence, a.delegated_to, s.sequence, "
    "s.email FROM attendee a LEFT JOIN invite_sent s ON s.meeting_id = a.meeting_id "
    "AND s.person_id = a.person_id AND s.method = 'request' "
    "WHERE a.meeting_id = ?1 AND a.person_id = ?2", error);
  StoreRow r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!store_step_row (store, stmt, _("unable to read the invitation"), error,
                       _("person %" PRId64 ": not invited to meeting %" PRId64),
                       person_id, meeting_id))
    return FALSE;
  store_row_begin (&r, stmt, "attendee", 0);
  state->attendee_id = r.id;
  state->rsvp = store_row_enum (&r, 1, "rsvp", &rapat_rsvp_enum, TRUE);
  state->replied_at = store_row_time (&r, 2, "replied_at");
  state->replied_sequence = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                            ? -1 : store_row_int (&r, 3, "replied_sequence", 0, G_MAXINT64);
  state->delegated_to = sqlite3_column_int64 (stmt, 4);
  state->sent_sequence = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                         ? -1 : store_row_int (&r, 5, "sequence", 0, G_MAXINT64);
  g_free (state->sent_email);
  state->sent_email = store_row_text (&r, 6, "email", FALSE);
  return store_row_end (&r, error);
}

void
rapat_reply_state_clear (RapatReplyState *state)
{
  g_clear_pointer (&state->sent_email, g_free);
}

gboolean
rapat_store_reply_set (RapatStore *store, const RapatReplyState *state, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE attendee SET rsvp = ?2, replied_at = ?3, replied_sequence = ?4, delegated_to = ?5 "
    "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, state->attendee_id);
  store_bind_text (stmt, 2, rapat_enum_name (&rapat_rsvp_enum, state->rsvp));
  store_bind_id (stmt, 3, state->replied_at);
  if (state->replied_sequence >= 0)
    sqlite3_bind_int64 (stmt, 4, state->replied_sequence);
  store_bind_id (stmt, 5, state->delegated_to);
  return store_step_done (store, stmt, _("unable to record the reply"), error);
}

void
rapat_itip_request_free (RapatItipRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->meeting_title);
  g_free (request->meeting_tz);
  g_free (request->person_name);
  g_free (request->person_email);
  g_free (request->method);
  g_free (request->comment);
  g_free (request->message_id);
  g_free (request);
}

gboolean
rapat_store_itip_request_add (RapatStore *store, const RapatItipRequest *request,
                              gboolean *added, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT OR IGNORE INTO itip_request (attendee_id, method, start_utc, end_utc, comment, "
    "sent_at, sequence, received_at, message_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->attendee_id);
  store_bind_text (stmt, 2, request->method);
  store_bind_id (stmt, 3, request->start_utc);
  store_bind_id (stmt, 4, request->end_utc);
  store_bind_text (stmt, 5, request->comment);
  sqlite3_bind_int64 (stmt, 6, request->sent_at);
  sqlite3_bind_int64 (stmt, 7, request->sequence);
  sqlite3_bind_int64 (stmt, 8, request->received_at);
  store_bind_text (stmt, 9, request->message_id);
  if (!store_step_done (store, stmt, _("unable to keep the request"), error))
    return FALSE;
  *added = sqlite3_changes (store->db) > 0;
  return TRUE;
}

GPtrArray *
rapat_store_itip_requests (RapatStore *store, gint64 meeting_id, gint64 after, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT r.id, r.attendee_id, a.meeting_id, m.title, m.tzid, p.name, p.email, r.method, "
    "r.start_utc, r.end_utc, r.comment, r.sent_at, r.sequence, r.received_at, r.message_id, "
    "r.answered_at FROM itip_request r JOIN attendee a ON a.id = r.attendee_id "
    "JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id "
    "WHERE (?1 IS NULL AND m.end_utc > ?2) OR a.meeting_id = ?1 "
    "ORDER BY m.start_utc, m.id, r.sent_at, r.id", error);
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  store_bind_id (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, after);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_itip_request_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapatItipRequest) q = g_new0 (RapatItipRequest, 1);
      StoreRow r;

      store_row_begin (&r, stmt, "itip_request", 0);
      q->id = r.id;
      q->attendee_id = sqlite3_column_int64 (stmt, 1);
      q->meeting_id = sqlite3_column_int64 (stmt, 2);
      q->meeting_title = store_row_text (&r, 3, "title", TRUE);
      q->meeting_tz = store_row_text (&r, 4, "tzid", TRUE);
      q->person_name = store_row_text (&r, 5, "name", TRUE);
      q->person_email = store_row_text (&r, 6, "email", FALSE);
      q->method = store_row_text (&r, 7, "method", TRUE);
      q->start_utc = store_row_time (&r, 8, "start_utc");
      q->end_utc = store_row_time (&r, 9, "end_utc");
      q->comment = store_row_text (&r, 10, "comment", FALSE);
      q->sent_at = store_row_time (&r, 11, "sent_at");
      q->sequence = store_row_int (&r, 12, "sequence", 0, G_MAXINT64);
      q->received_at = store_row_time (&r, 13, "received_at");
      q->message_id = store_row_text (&r, 14, "message_id", FALSE);
      q->answered_at = store_row_time (&r, 15, "answered_at");
      if (!store_row_end (&r, error))
        return NULL;
      g_ptr_array_add (out, g_steal_pointer (&q));
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list the requests"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
