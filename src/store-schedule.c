/* rapat — the store: clashes and busy times for scheduling. */
#include "store-private.h"
#include "timeutil.h"

/* Meetings overlapping meeting ?1 and not cancelled: the start index bounds
 * the search on both sides because no meeting lasts longer than ?2
 * seconds.  Then, per branch, what they share with ?1: the room, or a
 * person in one of four capacities on each side. */
#define CLASH_SQL \
  "WITH me AS (SELECT id, start_utc, end_utc, location FROM meeting " \
  "            WHERE id = ?1 AND status <> 'cancelled'), " \
  "people (pid) AS (" \
  "  SELECT organizer_id FROM meeting WHERE id = ?1 AND organizer_id IS NOT NULL " \
  "  UNION SELECT person_id FROM attendee WHERE meeting_id = ?1 " \
  "  UNION SELECT represented_by FROM attendee WHERE meeting_id = ?1 AND represented_by IS NOT NULL " \
  "  UNION SELECT presenter_id FROM agenda_item WHERE meeting_id = ?1 AND presenter_id IS NOT NULL), " \
  "cand AS MATERIALIZED (SELECT m.id, m.title, m.start_utc, m.end_utc, m.tzid, m.location, " \
  "       m.organizer_id FROM meeting m, me " \
  "  WHERE m.start_utc < me.end_utc AND m.start_utc > me.start_utc - ?2 " \
  "    AND m.end_utc > me.start_utc AND m.id <> me.id AND m.status <> 'cancelled'), " \
  "shared (id, room, what, pid) AS (" \
  "  SELECT c.id, 1, c.location, NULL FROM cand c, me " \
  "    WHERE me.location IS NOT NULL AND rapat_place (c.location) = rapat_place (me.location) " \
  "  UNION SELECT c.id, 0, NULL, c.organizer_id FROM cand c " \
  "    WHERE c.organizer_id IN people " \
  "  UNION SELECT c.id, 0, NULL, a.person_id FROM cand c JOIN attendee a ON a.meeting_id = c.id " \
  "    WHERE a.person_id IN people " \
  "  UNION SELECT c.id, 0, NULL, a.represented_by FROM cand c JOIN attendee a ON a.meeting_id = c.id " \
  "    WHERE a.represented_by IN people " \
  "  UNION SELECT c.id, 0, NULL, g.presenter_id FROM cand c JOIN agenda_item g ON g.meeting_id = c.id " \
  "    WHERE g.presenter_id IN people) " \
  "SELECT c.id, c.title, c.start_utc, c.end_utc, c.tzid, s.room, coalesce (s.what, p.name), s.pid " \
  "FROM shared s JOIN cand c ON c.id = s.id LEFT JOIN person p ON p.id = s.pid " \
  "ORDER BY c.start_utc, c.id, s.room DESC, p.name"

GPtrArray *
rapat_store_meeting_clashes (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, CLASH_SQL, error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_clash_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatClash *c = g_new0 (RapatClash, 1);

      c->meeting_id = sqlite3_column_int64 (stmt, 0);
      c->title = store_column_text (stmt, 1);
      c->start_utc = sqlite3_column_int64 (stmt, 2);
      c->end_utc = sqlite3_column_int64 (stmt, 3);
      c->tzid = store_column_text (stmt, 4);
      c->room = sqlite3_column_int (stmt, 5) != 0;
      c->what = store_column_text (stmt, 6);
      c->person_id = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to check for clashes"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

char *
rapat_store_clash_plan (RapatStore *store, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "EXPLAIN QUERY PLAN " CLASH_SQL, error);
  g_autoptr(GString) plan = g_string_new (NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, 1);
  sqlite3_bind_int64 (stmt, 2, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* Collects (start, end) rows of @stmt into an array of RapatBusy. */
static GArray *
busy_rows (RapatStore *store, StoreStmt *stmt, GError **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (RapatBusy));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatBusy b = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (out, b);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read busy times"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GArray *
rapat_store_person_busy (RapatStore *store, gint64 person_id, gint64 from, gint64 to,
                         GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT m.start_utc, m.end_utc FROM meeting m "
    "WHERE m.status <> 'cancelled' AND m.start_utc < ?3 AND m.end_utc > ?2 "
    "AND m.start_utc > ?2 - ?4 AND (m.organizer_id = ?1 "
    "  OR m.id IN (SELECT meeting_id FROM attendee WHERE person_id = ?1 OR represented_by = ?1) "
    "  OR m.id IN (SELECT meeting_id FROM agenda_item WHERE presenter_id = ?1)) "
    "ORDER BY m.start_utc", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  return busy_rows (store, stmt, error);
}

GArray *
rapat_store_room_busy (RapatStore *store, const char *location, gint64 from, gint64 to,
                       GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT m.start_utc, m.end_utc FROM meeting m "
    "WHERE m.status <> 'cancelled' AND m.start_utc < ?3 AND m.end_utc > ?2 "
    "AND m.start_utc > ?2 - ?4 AND rapat_place (m.location) = rapat_place (?1) "
    "ORDER BY m.start_utc", error);

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  return busy_rows (store, stmt, error);
}
