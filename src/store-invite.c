/* rapat — the store: invitations sent by e-mail (tables invite_message,
 * invite_sent; schema 13). */
#include "store-private.h"

#include <string.h>

void
rapat_invite_sent_free (RapatInviteSent *sent)
{
  if (sent == NULL)
    return;
  g_free (sent->person_name);
  g_free (sent->email);
  g_free (sent->method);
  g_free (sent->message_id);
  g_free (sent);
}

/* Reads a row of rapat_store_invite_sent_list(): (person_id, name, email,
 * method, sequence, sent_at, message_id, invited); NULL with @error when a
 * value in it is bad. */
static RapatInviteSent *
invite_sent_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatInviteSent) s = g_new0 (RapatInviteSent, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "invite_sent", 0);
  s->person_id = r.id;
  s->person_name = store_row_text (&r, 1, "name", TRUE);
  s->email = store_row_text (&r, 2, "email", TRUE);
  s->method = store_row_text (&r, 3, "method", TRUE);
  s->sequence = store_row_int (&r, 4, "sequence", 0, G_MAXINT64);
  s->sent_at = store_row_time (&r, 5, "sent_at");
  s->message_id = store_row_text (&r, 6, "message_id", TRUE);
  s->invited = sqlite3_column_int (stmt, 7) != 0;
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&s);
}

GPtrArray *
rapat_store_invite_sent_list (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT s.person_id, p.name, s.email, s.method, s.sequence, s.sent_at, s.message_id, "
    "       EXISTS (SELECT 1 FROM attendee a WHERE a.meeting_id = s.meeting_id "
    "               AND a.person_id = s.person_id) "
    "FROM invite_sent s JOIN person p ON p.id = s.person_id "
    "WHERE s.meeting_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_rows (store, stmt, (StoreRowFunc) invite_sent_from_row,
                     (GDestroyNotify) rapat_invite_sent_free,
                     _("unable to read the invitations sent"), error);
}

GArray *
rapat_store_invite_refresh_pending (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT DISTINCT a.person_id FROM attendee a JOIN itip_request r ON r.attendee_id = a.id "
    "WHERE a.meeting_id = ?1 AND r.method = 'refresh' AND r.answered_at IS NULL "
    "ORDER BY a.person_id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the invitations asked for again"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
rapat_store_invite_thread (RapatStore *store, gint64 meeting_id, char **first, char **last,
                           GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT (SELECT message_id FROM invite_message WHERE meeting_id = ?1 AND method = 'request' "
    "        ORDER BY sent_at, id LIMIT 1), "
    "       (SELECT message_id FROM invite_message WHERE meeting_id = ?1 "
    "        ORDER BY sent_at DESC, id DESC LIMIT 1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to read the invitations sent"));
      return FALSE;
    }
  *first = store_column_text (stmt, 0);
  if (last != NULL)
    *last = store_column_text (stmt, 1);
  return TRUE;
}

gboolean
rapat_store_invite_record (RapatStore *store, gint64 meeting_id, const RapatInviteMessage *msg,
                           const gint64 *person_ids, const char *const *emails, guint n,
                           GError **error)
{
  g_autoptr(StoreStmt) add = store_prepare (store,
    "INSERT INTO invite_message (meeting_id, message_id, method, sequence, sent_at, recipients, "
    "                            transport) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (add == NULL)
    return FALSE;
  sqlite3_bind_int64 (add, 1, meeting_id);
  store_bind_text (add, 2, msg->message_id);
  store_bind_text (add, 3, msg->method);
  sqlite3_bind_int64 (add, 4, msg->sequence);
  sqlite3_bind_int64 (add, 5, msg->sent_at);
  sqlite3_bind_int64 (add, 6, n);
  store_bind_text (add, 7, msg->transport);
  if (!store_step_done (store, add, _("unable to record the message sent"), error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StoreStmt) put = store_prepare (store,
        "INSERT INTO invite_sent (meeting_id, person_id, email, method, sequence, sent_at, "
        "                         message_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (meeting_id, person_id) DO UPDATE SET email = excluded.email, "
        "  method = excluded.method, sequence = excluded.sequence, sent_at = excluded.sent_at, "
        "  message_id = excluded.message_id", error);

      if (put == NULL)
        return FALSE;
      sqlite3_bind_int64 (put, 1, meeting_id);
      sqlite3_bind_int64 (put, 2, person_ids[i]);
      store_bind_text (put, 3, emails[i]);
      store_bind_text (put, 4, msg->method);
      sqlite3_bind_int64 (put, 5, msg->sequence);
      sqlite3_bind_int64 (put, 6, msg->sent_at);
      store_bind_text (put, 7, msg->message_id);
      if (!store_step_done (store, put, _("unable to record the message sent"), error))
        return FALSE;
      if (strcmp (msg->method, "request") == 0)
        {
          g_autoptr(StoreStmt) answer = store_prepare (store,
            "UPDATE itip_request SET answered_at = ?3 WHERE method = 'refresh' "
            "AND answered_at IS NULL AND attendee_id IN (SELECT id FROM attendee "
            "WHERE meeting_id = ?1 AND person_id = ?2)", error);

          if (answer == NULL)
            return FALSE;
          sqlite3_bind_int64 (answer, 1, meeting_id);
          sqlite3_bind_int64 (answer, 2, person_ids[i]);
          sqlite3_bind_int64 (answer, 3, msg->sent_at);
          if (!store_step_done (store, answer, _("unable to record the message sent"), error))
            return FALSE;
        }
    }
  return TRUE;
}
