/* rapat — the store: clashes and busy times for scheduling. */
#include "store-private.h"
#include "timeutil.h"

/* Meetings overlapping meeting ?1 and not cancelled: the start index bounds
 * the search on both sides because no meeting lasts longer than ?2
 * seconds.  Then, per branch, what they share with ?1: the room, or a
 * person in one of four capacities on each side.
 *
 * A parallel session (an agenda item with a room of its own) takes its room
 * only for its kept times (agenda_item.start_utc/end_utc), so rooms are
 * also compared between ?1's location and the other meetings' sessions,
 * ?1's sessions and the other meetings' locations, and sessions on both
 * sides, each over the session's times.  Sessions are found through
 * agenda_room_time_idx, bounded like meetings: no item lasts longer than ?3
 * seconds.  A session held in its own meeting's room is left to the
 * meeting's location, so that one room is not reported twice.  Rows of the
 * meeting's location or of a person get their overlap in the last step;
 * those of sessions carry it.  CROSS JOIN keeps ?1's few sessions outside
 * the search of the meeting index (SQLite would rather scan the meetings
 * and look the sessions up by room). */
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
  "mine AS MATERIALIZED (SELECT gm.title, gm.room, rapat_place (gm.room) AS place, " \
  "       gm.start_utc, gm.end_utc FROM agenda_item gm " \
  "  WHERE gm.meeting_id = ?1 AND gm.room IS NOT NULL AND gm.start_utc IS NOT NULL " \
  "    AND EXISTS (SELECT 1 FROM me) " \
  "    AND rapat_place (gm.room) IS NOT (SELECT rapat_place (location) FROM me)), " \
  "win (s, e) AS MATERIALIZED (SELECT min (s), max (e) FROM (" \
  "  SELECT start_utc AS s, end_utc AS e FROM me UNION ALL SELECT start_utc, end_utc FROM mine)), " \
  "theirs AS MATERIALIZED (SELECT gt.meeting_id AS id, gt.title, gt.room, " \
  "       rapat_place (gt.room) AS place, gt.start_utc, gt.end_utc " \
  "  FROM win, agenda_item gt JOIN meeting o ON o.id = gt.meeting_id " \
  "  WHERE gt.room IS NOT NULL AND gt.start_utc < win.e AND gt.start_utc > win.s - ?3 " \
  "    AND gt.end_utc > win.s AND gt.meeting_id <> ?1 AND o.status <> 'cancelled' " \
  "    AND rapat_place (gt.room) IS NOT rapat_place (o.location)), " \
  "shared (id, room, what, pid, item, own, os, oe) AS (" \
  "  SELECT c.id, 1, c.location, NULL, NULL, NULL, NULL, NULL FROM cand c, me " \
  "    WHERE me.location IS NOT NULL AND rapat_place (c.location) = rapat_place (me.location) " \
  "  UNION SELECT t.id, 1, t.room, NULL, t.title, NULL, " \
  "         max (t.start_utc, me.start_utc), min (t.end_utc, me.end_utc) FROM me, theirs t " \
  "    WHERE t.start_utc < me.end_utc AND t.end_utc > me.start_utc " \
  "      AND t.place = rapat_place (me.location) " \
  "  UNION SELECT n.id, 1, n.location, NULL, NULL, mi.title, " \
  "         max (n.start_utc, mi.start_utc), min (n.end_utc, mi.end_utc) " \
  "    FROM mine mi CROSS JOIN meeting n ON n.start_utc < mi.end_utc AND n.start_utc > mi.start_utc - ?2 " \
  "      AND n.end_utc > mi.start_utc " \
  "    WHERE n.id <> ?1 AND n.status <> 'cancelled' AND rapat_place (n.location) = mi.place " \
  "  UNION SELECT t.id, 1, t.room, NULL, t.title, mi.title, " \
  "         max (t.start_utc, mi.start_utc), min (t.end_utc, mi.end_utc) FROM mine mi, theirs t " \
  "    WHERE t.start_utc < mi.end_utc AND t.end_utc > mi.start_utc AND t.place = mi.place " \
  "  UNION SELECT c.id, 0, NULL, c.organizer_id, NULL, NULL, NULL, NULL FROM cand c " \
  "    WHERE c.organizer_id IN people " \
  "  UNION SELECT c.id, 0, NULL, a.person_id, NULL, NULL, NULL, NULL " \
  "    FROM cand c JOIN attendee a ON a.meeting_id = c.id WHERE a.person_id IN people " \
  "  UNION SELECT c.id, 0, NULL, a.represented_by, NULL, NULL, NULL, NULL " \
  "    FROM cand c JOIN attendee a ON a.meeting_id = c.id WHERE a.represented_by IN people " \
  "  UNION SELECT c.id, 0, NULL, g.presenter_id, NULL, NULL, NULL, NULL " \
  "    FROM cand c JOIN agenda_item g ON g.meeting_id = c.id WHERE g.presenter_id IN people) " \
  "SELECT o.id, o.title, o.start_utc, o.end_utc, o.tzid, s.room, coalesce (s.what, p.name), s.pid, " \
  "       s.item, s.own, coalesce (s.os, max (o.start_utc, me.start_utc)) AS overlap_start, " \
  "       coalesce (s.oe, min (o.end_utc, me.end_utc)) " \
  "FROM me, shared s JOIN meeting o ON o.id = s.id LEFT JOIN person p ON p.id = s.pid " \
  "ORDER BY o.start_utc, o.id, s.room DESC, overlap_start, s.item, s.own, p.name"

/* Reads a row of CLASH_SQL, checked like the store's other rows. */
static RapatClash *
clash_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatClash) c = g_new0 (RapatClash, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "meeting", 0);
  c->meeting_id = r.id;
  c->title = store_row_text (&r, 1, "title", TRUE);
  c->start_utc = store_row_time (&r, 2, "start_utc");
  c->end_utc = store_row_time (&r, 3, "end_utc");
  c->tzid = store_row_text (&r, 4, "tzid", TRUE);
  c->room = sqlite3_column_int (stmt, 5) != 0;
  c->what = store_row_text (&r, 6, "the room or person it shares", FALSE);
  c->person_id = sqlite3_column_int64 (stmt, 7);
  c->item_title = store_row_text (&r, 8, "the title of its session", FALSE);
  c->own_item_title = store_row_text (&r, 9, "the title of the other meeting's session", FALSE);
  c->overlap_start_utc = store_row_time (&r, 10, "the start of the overlap");
  c->overlap_end_utc = store_row_time (&r, 11, "the end of the overlap");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&c);
}

GPtrArray *
rapat_store_meeting_clashes (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, CLASH_SQL, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  sqlite3_bind_int64 (stmt, 3, (gint64) RAPAT_MAX_ITEM_MINUTES * 60);
  return store_rows (store, stmt, (StoreRowFunc) clash_from_row, (GDestroyNotify) rapat_clash_free,
                     _("unable to check for clashes"), error);
}

char *
rapat_store_clash_plan (RapatStore *store, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "EXPLAIN QUERY PLAN " CLASH_SQL, error);
  g_autoptr(GString) plan = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, 1);
  sqlite3_bind_int64 (stmt, 2, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  sqlite3_bind_int64 (stmt, 3, (gint64) RAPAT_MAX_ITEM_MINUTES * 60);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the query plan"));
      return NULL;
    }
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
  /* Meetings held in the room, then parallel sessions held there (only for
   * the session's times; one in its own meeting's room adds nothing), each
   * through its start index, as in CLASH_SQL. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT m.start_utc, m.end_utc FROM meeting m "
    "WHERE m.status <> 'cancelled' AND m.start_utc < ?3 AND m.end_utc > ?2 "
    "AND m.start_utc > ?2 - ?4 AND rapat_place (m.location) = rapat_place (?1) "
    "UNION ALL SELECT g.start_utc, g.end_utc FROM agenda_item g JOIN meeting o ON o.id = g.meeting_id "
    "WHERE g.room IS NOT NULL AND g.start_utc < ?3 AND g.end_utc > ?2 AND g.start_utc > ?2 - ?5 "
    "AND o.status <> 'cancelled' AND rapat_place (g.room) = rapat_place (?1) "
    "AND rapat_place (o.location) IS NOT rapat_place (?1) "
    "ORDER BY 1", error);

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  sqlite3_bind_int64 (stmt, 5, (gint64) RAPAT_MAX_ITEM_MINUTES * 60);
  return busy_rows (store, stmt, error);
}
