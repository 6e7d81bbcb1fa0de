/* rapat — the store: meetings, their agenda and their attendees. */
#include "store-private.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


/* Binds the writable fields of @m as ?2 .. ?17 (?1 is the id or uid). */
static void
meeting_bind (StoreStmt *stmt, const RapatMeeting *m)
{
  store_bind_text (stmt, 2, m->title);
  store_bind_text (stmt, 3, m->kind != NULL ? m->kind : "meeting");
  store_bind_text (stmt, 4, m->description);
  store_bind_text (stmt, 5, m->location);
  sqlite3_bind_int64 (stmt, 6, m->start_utc);
  sqlite3_bind_int64 (stmt, 7, m->end_utc);
  store_bind_text (stmt, 8, m->tzid);
  store_bind_text (stmt, 9, rapat_enum_name (&rapat_meeting_status_enum, m->status));
  sqlite3_bind_int64 (stmt, 10, m->sequence);
  store_bind_id (stmt, 11, m->organizer_id);
  store_bind_text (stmt, 12, m->cancel_reason);
  sqlite3_bind_int64 (stmt, 13, m->created_at);
  sqlite3_bind_int64 (stmt, 14, m->updated_at);
  store_bind_id (stmt, 15, m->series_id);
  if (m->series_id != 0)
    sqlite3_bind_int64 (stmt, 16, m->recurrence_utc);
  store_bind_text (stmt, 17, m->url);
}

gboolean
rapat_store_meeting_insert (RapatStore *store, RapatMeeting *meeting, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO meeting (uid, title, kind, description, location, start_utc, end_utc, tzid, "
    "status, sequence, organizer_id, cancel_reason, created_at, updated_at, series_id, "
    "recurrence_utc, url) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, meeting->uid);
  meeting_bind (stmt, meeting);
  if (!store_step_done (store, stmt, _("unable to add the meeting"), error))
    return FALSE;
  meeting->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

/* Raises the sequence of the series meeting @meeting_id belongs to (if
 * any) when its sequence is about to rise to @sequence, or always when
 * @sequence is negative (the occurrence is being deleted): the series'
 * master event changes with any occurrence (its EXDATEs, its template). */
static gboolean
series_touch (RapatStore *store, gint64 meeting_id, gint64 sequence, gint64 now, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE series SET sequence = sequence + 1, updated_at = ?3 "
    "WHERE id = (SELECT series_id FROM meeting WHERE id = ?1) "
    "  AND (?2 < 0 OR ?2 > (SELECT sequence FROM meeting WHERE id = ?1))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, sequence);
  sqlite3_bind_int64 (stmt, 3, now);
  return store_step_done (store, stmt, _("unable to change the series"), error);
}

gboolean
rapat_store_meeting_update (RapatStore *store, const RapatMeeting *meeting, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  if (!series_touch (store, meeting->id, meeting->sequence, meeting->updated_at, error))
    return FALSE;
  stmt = store_prepare (store,
    "UPDATE meeting SET title = ?2, kind = ?3, description = ?4, location = ?5, "
    "start_utc = ?6, end_utc = ?7, tzid = ?8, status = ?9, sequence = ?10, "
    "organizer_id = ?11, cancel_reason = ?12, created_at = ?13, updated_at = ?14, "
    "series_id = ?15, recurrence_utc = ?16, url = ?17 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  meeting_bind (stmt, meeting);
  if (!store_step_done (store, stmt, _("unable to change the meeting"), error))
    return FALSE;
  /* A new start moves every agenda item. */
  return store_agenda_reschedule (store, meeting->id, meeting->updated_at, error);
}

gboolean
rapat_store_meeting_delete (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  if (!series_touch (store, id, -1, rapat_time_now (), error))
    return FALSE;
  stmt = store_prepare (store, "DELETE FROM meeting WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return store_step_done (store, stmt, _("unable to delete the meeting"), error);
}

RapatMeeting *
rapat_store_meeting_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " MEETING_COLUMNS "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id "
    "WHERE m.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the meeting"), error,
                       _("meeting '%" PRId64 "': not found"), id))
    return NULL;
  return store_meeting_from_row (stmt, error);
}

gint64
rapat_store_meeting_find_uid (RapatStore *store, const char *uid, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "SELECT id FROM meeting WHERE uid = ?1",
                                             error);

  if (stmt == NULL)
    return 0;
  store_bind_text (stmt, 1, uid);
  if (store_step_first (store, stmt, _("unable to find the meeting"), error) <= 0)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* The meetings a filter selects: ?1 from, ?2 to, ?3 kind, ?4 status, ?5 the
 * longest a meeting may last.  A meeting lasts at most
 * RAPAT_MAX_MEETING_MINUTES, so "ends after from" implies "starts after
 * from minus that", which lets the start index bound the scan on both
 * sides; the bounds are written with coalesce() rather than "?1 IS NULL
 * OR ...", which would keep SQLite from using the index at all. */
#define FILTER_WHERE \
  "m.start_utc > coalesce (?1 - ?5, -9223372036854775807) " \
  "AND m.start_utc < coalesce (?2, 9223372036854775807) AND (?1 IS NULL OR m.end_utc > ?1) " \
  "AND (?3 IS NULL OR m.kind = ?3 COLLATE NOCASE) AND (?4 IS NULL OR m.status = ?4) "

/* Binds @filter as FILTER_WHERE expects. */
static void
filter_bind (StoreStmt *stmt, const RapatMeetingFilter *filter)
{
  if (filter->from_utc != 0)
    sqlite3_bind_int64 (stmt, 1, filter->from_utc);
  if (filter->to_utc != 0)
    sqlite3_bind_int64 (stmt, 2, filter->to_utc);
  store_bind_text (stmt, 3, filter->kind);
  store_bind_text (stmt, 4, rapat_enum_name (&rapat_meeting_status_enum, filter->status));
  sqlite3_bind_int64 (stmt, 5, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
}

/* Statements are cached by their text, so a stream started again from
 * inside its own callback would take over the open cursor and reset it on
 * return, and the outer stream would silently go wrong.  Refuses that. */
static gboolean
stream_not_open (StoreStmt *stmt, GError **error)
{
  if (!sqlite3_stmt_busy (stmt))
    return TRUE;
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_STORE,
               _("a meeting stream cannot be started again inside itself"));
  return FALSE;
}

gboolean
rapat_store_meeting_foreach (RapatStore *store, const RapatMeetingFilter *filter,
                             RapatMeetingFunc func, gpointer data, GError **error)
{
  /* A statement of its own (not the one rapat_store_meeting_list uses), so
   * that @func may list meetings while this one is stepping. */
  StoreStmt *open = store_prepare (store,
    "SELECT " MEETING_COLUMNS "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id "
    "WHERE " FILTER_WHERE "ORDER BY m.start_utc, m.id /* foreach */", error);
  g_autoptr(StoreStmt) stmt = NULL;
  int rc;

  /* Checked before the statement is taken: its release would reset it. */
  if (open == NULL || !stream_not_open (open, error))
    return FALSE;
  stmt = open;
  filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapatMeeting) m = store_meeting_from_row (stmt, error);

      if (m == NULL || !func (m, data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list meetings"));
      return FALSE;
    }
  return TRUE;
}

GArray *
rapat_store_meeting_zones (RapatStore *store, const RapatMeetingFilter *filter, GError **error)
{
  /* The zones of the selected meetings and of whole series any of them
   * belongs to (a series is exported whole), with the span each covers. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "WITH sel AS (SELECT m.tzid, m.start_utc, m.end_utc, m.series_id FROM meeting m "
    "             WHERE " FILTER_WHERE ") "
    "SELECT tzid, min(lo), max(hi) FROM ("
    "  SELECT tzid, start_utc AS lo, end_utc AS hi FROM sel "
    "  UNION ALL SELECT o.tzid, min(o.start_utc, o.recurrence_utc), max(o.end_utc, o.recurrence_utc) "
    "    FROM meeting o WHERE o.series_id IN (SELECT series_id FROM sel WHERE series_id IS NOT NULL) "
    "  UNION ALL SELECT s.tzid, s.start_utc, s.start_utc + s.duration_s FROM series s "
    "    WHERE s.id IN (SELECT series_id FROM sel)) "
    "GROUP BY tzid ORDER BY tzid", error);
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (RapatZoneSpan));
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (out, (GDestroyNotify) rapat_zone_span_clear);
  filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatZoneSpan z = { store_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (out, z);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list the zones of meetings"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GArray *
rapat_store_meeting_series_ids (RapatStore *store, const RapatMeetingFilter *filter,
                                GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT DISTINCT m.series_id FROM meeting m WHERE " FILTER_WHERE
    "AND m.series_id IS NOT NULL ORDER BY m.series_id", error);

  if (stmt == NULL)
    return NULL;
  filter_bind (stmt, filter);
  return store_ids (store, stmt, _("unable to list meetings"), error);
}

gint64
rapat_store_meeting_count (RapatStore *store, const RapatMeetingFilter *filter, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT count(*) FROM meeting m WHERE " FILTER_WHERE, error);

  if (stmt == NULL)
    return -1;
  filter_bind (stmt, filter);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to count meetings"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

void
rapat_zone_span_clear (RapatZoneSpan *span)
{
  g_clear_pointer (&span->tzid, g_free);
}

GPtrArray *
rapat_store_meeting_list (RapatStore *store, const RapatMeetingFilter *filter, GError **error)
{
  g_autoptr(StoreStmt) stmt = filter->brief
    ? store_prepare (store,
        "SELECT " MEETING_BRIEF_COLUMNS "FROM meeting m "
        "WHERE " FILTER_WHERE "ORDER BY m.start_utc, m.id", error)
    : store_prepare (store,
        "SELECT " MEETING_COLUMNS "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id "
        "WHERE " FILTER_WHERE "ORDER BY m.start_utc, m.id", error);

  if (stmt == NULL)
    return NULL;
  filter_bind (stmt, filter);
  return store_rows (store, stmt, (StoreRowFunc) store_meeting_from_row, (GDestroyNotify) rapat_meeting_free,
                     _("unable to list meetings"), error);
}

gboolean
rapat_store_meeting_resolve (RapatStore *store, const char *text, gint64 *id, GError **error)
{
  return store_resolve (store, _("meeting"), text,
    "SELECT id FROM meeting WHERE id = ?1",
    "SELECT id, title, start_utc, tzid FROM meeting "
    "WHERE uid = ?1 OR rapat_fold(title) = rapat_fold(?1) ORDER BY start_utc, id",
    "SELECT id, title, start_utc, tzid FROM meeting "
    "WHERE instr(rapat_fold(title), rapat_fold(?1)) > 0 ORDER BY start_utc, id LIMIT 6",
    id, error);
}

/* ---- series ---- */

gboolean
rapat_store_series_insert (RapatStore *store, RapatSeries *series, gint64 now, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO series (uid, rrule, start_utc, duration_s, tzid, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, series->uid);
  store_bind_text (stmt, 2, series->rrule);
  sqlite3_bind_int64 (stmt, 3, series->start_utc);
  sqlite3_bind_int64 (stmt, 4, series->duration_s);
  store_bind_text (stmt, 5, series->tzid);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!store_step_done (store, stmt, _("unable to add the series"), error))
    return FALSE;
  series->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

RapatSeries *
rapat_store_series_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id, uid, rrule, start_utc, duration_s, tzid, sequence, created_at, "
    "coalesce(updated_at, created_at) FROM series WHERE id = ?1", error);
  g_autoptr(RapatSeries) s = NULL;
  StoreRow r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the series"), error,
                       _("series '%" PRId64 "': not found"), id))
    return NULL;
  s = g_new0 (RapatSeries, 1);
  store_row_begin (&r, stmt, "series", 0);
  s->id = r.id;
  s->uid = store_row_text (&r, 1, "uid", TRUE);
  s->rrule = store_row_text (&r, 2, "rrule", TRUE);
  s->start_utc = store_row_time (&r, 3, "start_utc");
  s->duration_s = store_row_int (&r, 4, "duration_s", 1, (gint64) RAPAT_MAX_MEETING_MINUTES * 60);
  s->tzid = store_row_text (&r, 5, "tzid", TRUE);
  s->sequence = store_row_int (&r, 6, "sequence", 0, G_MAXINT32);
  s->created_at = store_row_time (&r, 7, "created_at");
  s->updated_at = store_row_time (&r, 8, "updated_at");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&s);
}

GPtrArray *
rapat_store_series_meetings (RapatStore *store, gint64 series_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " MEETING_COLUMNS "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id "
    "WHERE m.series_id = ?1 ORDER BY m.recurrence_utc", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  return store_rows (store, stmt, (StoreRowFunc) store_meeting_from_row, (GDestroyNotify) rapat_meeting_free,
                     _("unable to list the series"), error);
}

/* ---- agenda ---- */


/* Returns the meeting's agenda items in order, without the actions a
 * review item reviews (what rescheduling needs, also while migrating from a
 * schema before the review table). */
static GPtrArray *
agenda_rows (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ITEM_COLUMNS "FROM agenda_item a LEFT JOIN person p ON p.id = a.presenter_id "
    "WHERE a.meeting_id = ?1 ORDER BY a.position", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_rows (store, stmt, (StoreRowFunc) store_item_from_row, (GDestroyNotify) rapat_agenda_item_free,
                     _("unable to read the agenda"), error);
}

GPtrArray *
rapat_store_agenda_list (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(GPtrArray) items = agenda_rows (store, meeting_id, error);

  /* A review item shows the actions it reviews as they are now. */
  if (items == NULL
      || !store_review_attach (store, meeting_id, items, G_STRUCT_OFFSET (RapatAgendaItem, id),
                               G_STRUCT_OFFSET (RapatAgendaItem, reviews), error))
    return NULL;
  return g_steal_pointer (&items);
}

/* Returns the number of items in the meeting's agenda, or -1 with @error set. */
static int
agenda_count (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT count(*) FROM agenda_item WHERE meeting_id = ?1", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to read the agenda"));
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

/* Positions are unique and at least 1, so items being renumbered are first
 * moved out of the way by this much, and an item being moved is parked at
 * twice this.  Agendas are far shorter. */
#define AGENDA_AWAY 1000000

/* Adds @delta to the positions of the meeting's items numbered @from..@to. */
static gboolean
agenda_shift (RapatStore *store, gint64 meeting_id, int from, int to, int delta, GError **error)
{
  g_autoptr(StoreStmt) out = store_prepare (store,
    "UPDATE agenda_item SET position = position + ?4 "
    "WHERE meeting_id = ?1 AND position BETWEEN ?2 AND ?3", error);
  g_autoptr(StoreStmt) back = NULL;

  if (out == NULL)
    return FALSE;
  sqlite3_bind_int64 (out, 1, meeting_id);
  sqlite3_bind_int (out, 2, from);
  sqlite3_bind_int (out, 3, to);
  sqlite3_bind_int (out, 4, AGENDA_AWAY);
  if (!store_step_done (store, out, _("unable to reorder the agenda"), error))
    return FALSE;
  back = store_prepare (store,
    "UPDATE agenda_item SET position = position - ?3 + ?2 "
    "WHERE meeting_id = ?1 AND position BETWEEN ?3 AND ?3 + ?3 - 1", error);
  if (back == NULL)
    return FALSE;
  sqlite3_bind_int64 (back, 1, meeting_id);
  sqlite3_bind_int (back, 2, delta);
  sqlite3_bind_int (back, 3, AGENDA_AWAY);
  return store_step_done (store, back, _("unable to reorder the agenda"), error);
}

gboolean
rapat_store_agenda_insert (RapatStore *store, RapatAgendaItem *item, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  int n = agenda_count (store, item->meeting_id, error);

  gboolean appended;

  if (n < 0)
    return FALSE;
  appended = item->position <= 0 || item->position > n;
  if (appended)
    item->position = n + 1;
  else if (!agenda_shift (store, item->meeting_id, item->position, n, 1, error))
    return FALSE;
  /* Appended, the item starts with the one it runs in parallel with, or
   * when everything before it has ended (rapat_agenda_schedule()'s rule,
   * on times already kept), and no other item moves; inserted in the
   * middle, the whole agenda is scheduled again below. */
  stmt = store_prepare (store,
    "INSERT INTO agenda_item (meeting_id, position, title, type, duration_min, presenter_id, notes, "
    "issue_id, room, parallel_with, start_utc, end_utc, updated_at) "
    "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, s, s + ?5 * 60, ?11 FROM ("
    "  SELECT coalesce((SELECT start_utc FROM agenda_item WHERE id = ?10 AND meeting_id = ?1), "
    "                  (SELECT max(end_utc) FROM agenda_item WHERE meeting_id = ?1), "
    "                  (SELECT start_utc FROM meeting WHERE id = ?1)) AS s)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->meeting_id);
  sqlite3_bind_int (stmt, 2, item->position);
  store_bind_text (stmt, 3, item->title);
  store_bind_text (stmt, 4, rapat_enum_name (&rapat_agenda_type_enum, item->type));
  sqlite3_bind_int (stmt, 5, item->duration_min);
  store_bind_id (stmt, 6, item->presenter_id);
  store_bind_text (stmt, 7, item->notes);
  store_bind_id (stmt, 8, item->issue_id);
  store_bind_text (stmt, 9, item->room);
  store_bind_id (stmt, 10, item->parallel_with);
  sqlite3_bind_int64 (stmt, 11, rapat_time_now ());
  if (!store_step_done (store, stmt, _("unable to add the agenda item"), error))
    return FALSE;
  item->id = sqlite3_last_insert_rowid (store->db);
  if (!appended && !store_agenda_reschedule (store, item->meeting_id, rapat_time_now (), error))
    return FALSE;
  return item->issue_id == 0
         || rapat_store_issue_link (store, item->issue_id, item->meeting_id, TRUE, error);
}

gboolean
rapat_store_agenda_update (RapatStore *store, const RapatAgendaItem *item, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE agenda_item SET title = ?2, type = ?3, duration_min = ?4, presenter_id = ?5, "
    "notes = ?6, issue_id = ?7, room = ?8, parallel_with = ?9, "
    /* A session that changes room changes its place. */
    "sequence = sequence + (room IS NOT ?8), "
    "updated_at = CASE WHEN room IS NOT ?8 THEN ?10 ELSE updated_at END WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  store_bind_text (stmt, 2, item->title);
  store_bind_text (stmt, 3, rapat_enum_name (&rapat_agenda_type_enum, item->type));
  sqlite3_bind_int (stmt, 4, item->duration_min);
  store_bind_id (stmt, 5, item->presenter_id);
  store_bind_text (stmt, 6, item->notes);
  store_bind_id (stmt, 7, item->issue_id);
  store_bind_text (stmt, 8, item->room);
  store_bind_id (stmt, 9, item->parallel_with);
  sqlite3_bind_int64 (stmt, 10, rapat_time_now ());
  if (!store_step_done (store, stmt, _("unable to change the agenda item"), error)
      || !store_agenda_reschedule (store, item->meeting_id, rapat_time_now (), error))
    return FALSE;
  return item->issue_id == 0
         || rapat_store_issue_link (store, item->issue_id, item->meeting_id, TRUE, error);
}

/* Sets the position of the item at @from to @to (a free slot or a negated one). */
static gboolean
agenda_set_position (RapatStore *store, gint64 meeting_id, int from, int to, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE agenda_item SET position = ?3 WHERE meeting_id = ?1 AND position = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);
  return store_step_done (store, stmt, _("unable to reorder the agenda"), error);
}

gboolean
rapat_store_agenda_move (RapatStore *store, gint64 meeting_id, int from, int to, GError **error)
{
  int n = agenda_count (store, meeting_id, error);
  const int parked = 2 * AGENDA_AWAY;

  if (n < 0)
    return FALSE;
  if (from < 1 || from > n)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("position '%d': the agenda has items 1 to %d"), from, n);
      return FALSE;
    }
  if (to < 1 || to > n)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("position '%d': the agenda has items 1 to %d"), to, n);
      return FALSE;
    }
  if (from == to)
    return TRUE;
  if (!agenda_set_position (store, meeting_id, from, parked, error))
    return FALSE;
  if (from < to && !agenda_shift (store, meeting_id, from + 1, to, -1, error))
    return FALSE;
  if (from > to && !agenda_shift (store, meeting_id, to, from - 1, 1, error))
    return FALSE;
  return agenda_set_position (store, meeting_id, parked, to, error)
         && store_agenda_reschedule (store, meeting_id, rapat_time_now (), error);
}

gboolean
rapat_store_agenda_remove (RapatStore *store, gint64 meeting_id, int position, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  int n = agenda_count (store, meeting_id, error);

  if (n < 0)
    return FALSE;
  if (position < 1 || position > n)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("position '%d': the agenda has items 1 to %d"), position, n);
      return FALSE;
    }
  stmt = store_prepare (store, "DELETE FROM agenda_item WHERE meeting_id = ?1 AND position = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, position);
  if (!store_step_done (store, stmt, _("unable to remove the agenda item"), error))
    return FALSE;
  n = agenda_count (store, meeting_id, error);
  if (n < 0)
    return FALSE;
  if (position <= n && !agenda_shift (store, meeting_id, position + 1, n + 1, -1, error))
    return FALSE;
  return store_agenda_reschedule (store, meeting_id, rapat_time_now (), error);
}

RapatAgendaItem *
rapat_store_agenda_resolve (RapatStore *store, gint64 meeting_id, const char *text,
                            GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ITEM_COLUMNS "FROM agenda_item a LEFT JOIN person p ON p.id = a.presenter_id "
    "WHERE a.meeting_id = ?1 AND (a.position = ?2 "
    "  OR (?2 IS NULL AND instr(rapat_fold(a.title), rapat_fold(?3)) > 0)) "
    "ORDER BY a.position", error);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *ex = rapat_text_excerpt (text);
  gint64 number;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (rapat_text_parse_id (text, &number))
    sqlite3_bind_int64 (stmt, 2, number);
  store_bind_text (stmt, 3, text);
  found = store_rows (store, stmt, (StoreRowFunc) store_item_from_row,
                      (GDestroyNotify) rapat_agenda_item_free, _("unable to read the agenda"), error);
  if (found == NULL)
    return NULL;
  if (found->len == 1 && *text != '\0')
    return g_steal_pointer (&found->pdata[0]);
  if (found->len == 0 || *text == '\0')
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("agenda item '%s': not found in this meeting's agenda"), ex);
      return NULL;
    }
  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < found->len && i < 5; i++)
      {
        RapatAgendaItem *it = found->pdata[i];
        g_string_append_printf (list, "%s%d %s", i > 0 ? "; " : "", it->position, it->title);
      }
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_AMBIGUOUS,
                 _("agenda item '%s': ambiguous, matches %s (use the number)"), ex, list->str);
  }
  return NULL;
}

/* ---- attendees ---- */


GPtrArray *
rapat_store_attendee_list (RapatStore *store, gint64 meeting_id, GError **error)
{
  return rapat_store_attendee_list_ordered (store, meeting_id, RAPAT_ATTENDEE_ORDER_ROLE, error);
}

/* The place of each unit in the unit tree, as a text that sorts parents
 * before their children and siblings by code (units without one after),
 * then name: "000002.000001".  A unit in a cycle or below a missing parent
 * has none. */
#define UNIT_TREE_CTE \
  "WITH RECURSIVE sib (id, parent_id, k) AS (" \
  "  SELECT id, parent_id, row_number () OVER (PARTITION BY parent_id " \
  "    ORDER BY code IS NULL, rapat_fold(code), rapat_fold(name), id) FROM unit), " \
  "tree (id, path) AS (" \
  "  SELECT id, printf('%06d', k) FROM sib WHERE parent_id IS NULL " \
  "  UNION ALL " \
  "  SELECT s.id, t.path || '.' || printf('%06d', s.k) FROM sib s JOIN tree t ON s.parent_id = t.id) "

GPtrArray *
rapat_store_attendee_list_ordered (RapatStore *store, gint64 meeting_id,
                                   RapatAttendeeOrder order, GError **error)
{
  /* Whole statements, as the store keeps prepared statements by their text;
   * the unit tree is only walked when the order needs it. */
  static const char *const sql[] = {
    [RAPAT_ATTENDEE_ORDER_PROTOCOL] =
      UNIT_TREE_CTE "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
      "LEFT JOIN tree t ON t.id = p.unit_id WHERE a.meeting_id = ?1 "
      "ORDER BY a.role <> 'chair', p.sort_rank IS NULL, p.sort_rank, "
      "CASE p.eselon WHEN 'I.a' THEN 1 WHEN 'I.b' THEN 2 WHEN 'II.a' THEN 3 WHEN 'II.b' THEN 4 "
      "  WHEN 'III.a' THEN 5 WHEN 'III.b' THEN 6 WHEN 'IV.a' THEN 7 WHEN 'IV.b' THEN 8 "
      "  WHEN 'V.a' THEN 9 WHEN 'V.b' THEN 10 ELSE 11 END, "
      "t.path IS NULL, t.path, rapat_fold(p.name), p.id",
    [RAPAT_ATTENDEE_ORDER_NAME] =
      "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM "WHERE a.meeting_id = ?1 "
      "ORDER BY rapat_fold(p.name), p.id",
    [RAPAT_ATTENDEE_ORDER_UNIT] =
      UNIT_TREE_CTE "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
      "LEFT JOIN tree t ON t.id = p.unit_id WHERE a.meeting_id = ?1 "
      "ORDER BY t.path IS NULL, t.path, rapat_fold(p.name), p.id",
    [RAPAT_ATTENDEE_ORDER_ROLE] =
      "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM "WHERE a.meeting_id = ?1 "
      "ORDER BY CASE a.role WHEN 'chair' THEN 0 WHEN 'speaker' THEN 1 WHEN 'participant' THEN 2 "
      "  WHEN 'optional' THEN 3 ELSE 4 END, rapat_fold(p.name), p.id",
  };
  g_autoptr(StoreStmt) stmt = NULL;

  g_return_val_if_fail ((guint) order < G_N_ELEMENTS (sql), NULL);
  stmt = store_prepare (store, sql[order], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_rows (store, stmt, (StoreRowFunc) store_attendee_from_row, (GDestroyNotify) rapat_attendee_free,
                     _("unable to list attendees"), error);
}

RapatAttendee *
rapat_store_attendee_get (RapatStore *store, gint64 meeting_id, gint64 person_id,
                          GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM "WHERE a.meeting_id = ?1 AND a.person_id = ?2",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!store_step_row (store, stmt, _("unable to read the invitation"), error,
                       _("person '%" PRId64 "': not invited to this meeting"), person_id))
    return NULL;
  return store_attendee_from_row (stmt, error);
}

/* Binds the writable fields of @a as ?3 .. ?9. */
static void
attendee_bind (StoreStmt *stmt, const RapatAttendee *a)
{
  store_bind_text (stmt, 3, rapat_enum_name (&rapat_role_enum, a->role));
  store_bind_text (stmt, 4, rapat_enum_name (&rapat_rsvp_enum, a->rsvp));
  store_bind_text (stmt, 5, rapat_enum_name (&rapat_attendance_enum, a->attendance));
  store_bind_id (stmt, 6, a->arrived_utc);
  store_bind_id (stmt, 7, a->stand_in_id);
  store_bind_text (stmt, 8, a->note);
}

gboolean
rapat_store_attendee_insert (RapatStore *store, RapatAttendee *attendee, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO attendee (meeting_id, person_id, role, rsvp, attendance, arrived_utc, "
    "represented_by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (meeting_id, person_id) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendee->meeting_id);
  sqlite3_bind_int64 (stmt, 2, attendee->person_id);
  attendee_bind (stmt, attendee);
  if (!store_step_done (store, stmt, _("unable to invite"), error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_autoptr(RapatPerson) p = rapat_store_person_get (store, attendee->person_id, NULL);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                   _("person '%s': already invited to this meeting"),
                   p != NULL ? p->name : "?");
      return FALSE;
    }
  attendee->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_attendee_update (RapatStore *store, const RapatAttendee *attendee, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE attendee SET role = ?3, rsvp = ?4, attendance = ?5, arrived_utc = ?6, "
    "represented_by = ?7, note = ?8, "
    "delegated_to = CASE WHEN ?4 = 'declined' THEN delegated_to END "
    "WHERE meeting_id = ?1 AND person_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendee->meeting_id);
  sqlite3_bind_int64 (stmt, 2, attendee->person_id);
  attendee_bind (stmt, attendee);
  return store_step_done (store, stmt, _("unable to change the attendee"), error);
}

gboolean
rapat_store_attendee_remove (RapatStore *store, gint64 meeting_id, gint64 person_id,
                             GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "DELETE FROM attendee WHERE meeting_id = ?1 AND person_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!store_step_done (store, stmt, _("unable to remove the attendee"), error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("person '%" PRId64 "': not invited to this meeting"), person_id);
      return FALSE;
    }
  return TRUE;
}

/* A cursor that follows the meeting cursor of
 * rapat_store_meeting_foreach_full(): its rows are in the same meeting
 * order, and @meeting_col holds each row's meeting id. */
typedef struct {
  StoreStmt *stmt;
  int meeting_col;
  gboolean row;          /* the statement is on a row not yet taken */
  const char *context;   /* for errors */
} Follower;

static gboolean
follower_step (RapatStore *store, Follower *f, GError **error)
{
  int rc = sqlite3_step (f->stmt);

  f->row = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      store_set_error (store, error, f->context);
      return FALSE;
    }
  return TRUE;
}

/* TRUE when @f is on a row of meeting @id (rows of a meeting come together,
 * in the meetings' order, so a row of another meeting belongs to a later one). */
static gboolean
follower_at (Follower *f, gint64 id)
{
  return f->row && sqlite3_column_int64 (f->stmt, f->meeting_col) == id;
}

/* An invitation with the key it sorts by. */
typedef struct {
  RapatAttendee *attendee;
  const char *key;       /* the folded name */
} SortedAttendee;

/* Orders invitations as rapat_store_attendee_list() does: role, then the
 * folded name, then the person id. */
static int
compare_attendees (gconstpointer pa, gconstpointer pb)
{
  const SortedAttendee *sa = pa, *sb = pb;
  const RapatAttendee *a = sa->attendee, *b = sb->attendee;
  int c;

  if (a->role != b->role)
    return a->role < b->role ? -1 : 1;
  c = strcmp (sa->key, sb->key);
  if (c != 0)
    return c;
  return (a->person_id > b->person_id) - (a->person_id < b->person_id);
}

static gboolean meeting_foreach_full (RapatStore *store, const RapatMeetingFilter *filter,
                                      RapatMeetingFullFunc func, gpointer data, GError **error);

gboolean
rapat_store_meeting_foreach_full (RapatStore *store, const RapatMeetingFilter *filter,
                                  RapatMeetingFullFunc func, gpointer data, GError **error)
{
  /* The three cursors must read one snapshot: a cursor that finds no rows
   * ends its statement, and without a transaction the next would start a
   * newer one. */
  gboolean started;
  gboolean ok;

  if (!store_snapshot_begin (store, &started, error))
    return FALSE;
  ok = meeting_foreach_full (store, filter, func, data, error);
  store_snapshot_end (store, started);
  return ok;
}

static gboolean
meeting_foreach_full (RapatStore *store, const RapatMeetingFilter *filter,
                      RapatMeetingFullFunc func, gpointer data, GError **error)
{
  /* Three cursors over the same meetings in the same order, stepped side by
   * side: two queries for the whole range instead of two per meeting.  The
   * CROSS JOINs keep the meeting as the outer loop, so rows of one meeting
   * come together and the start index gives the order without a sort. */
  StoreStmt *open = store_prepare (store,
    "SELECT " MEETING_COLUMNS "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id "
    "WHERE " FILTER_WHERE "ORDER BY m.start_utc, m.id /* foreach_full */", error);
  /* Checked before the statements are taken: their release would reset them. */
  g_autoptr(StoreStmt) meetings = open != NULL && stream_not_open (open, error) ? open : NULL;
  g_autoptr(StoreStmt) items = meetings == NULL ? NULL : store_prepare (store,
    "SELECT " ITEM_COLUMNS "FROM meeting m CROSS JOIN agenda_item a ON a.meeting_id = m.id "
    "LEFT JOIN person p ON p.id = a.presenter_id "
    "WHERE " FILTER_WHERE "ORDER BY m.start_utc, m.id, a.position", error);
  g_autoptr(StoreStmt) people = items == NULL ? NULL : store_prepare (store,
    "SELECT " ATTENDEE_COLUMNS "FROM meeting m CROSS JOIN attendee a ON a.meeting_id = m.id "
    "JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = p.unit_id "
    "LEFT JOIN person s ON s.id = a.represented_by "
    "WHERE " FILTER_WHERE "ORDER BY m.start_utc, m.id", error);
  /* Folded names by person id: one fold per person, not one per invitation. */
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedAttendee));
  Follower agenda_rows = { items, 1, FALSE, _("unable to read the agenda") };
  Follower attendee_rows = { people, 1, FALSE, _("unable to list attendees") };
  int rc;

  if (people == NULL)
    return FALSE;
  filter_bind (meetings, filter);
  filter_bind (items, filter);
  filter_bind (people, filter);
  if (!follower_step (store, &agenda_rows, error) || !follower_step (store, &attendee_rows, error))
    return FALSE;
  while ((rc = sqlite3_step (meetings)) == SQLITE_ROW)
    {
      g_autoptr(RapatMeeting) m = store_meeting_from_row (meetings, error);
      g_autoptr(GPtrArray) agenda = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
      g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendee_free);

      if (m == NULL)
        return FALSE;
      for (; follower_at (&agenda_rows, m->id); )
        {
          RapatAgendaItem *item = store_item_from_row (items, error);

          if (item == NULL)
            return FALSE;
          g_ptr_array_add (agenda, item);
          if (!follower_step (store, &agenda_rows, error))
            return FALSE;
        }
      g_array_set_size (sorted, 0);
      for (; follower_at (&attendee_rows, m->id); )
        {
          SortedAttendee sa = { store_attendee_from_row (people, error), NULL };

          if (sa.attendee == NULL)
            return FALSE;
          sa.key = g_hash_table_lookup (keys, &sa.attendee->person_id);
          if (sa.key == NULL)
            {
              char *key = rapat_text_fold (sa.attendee->person_name);

              g_hash_table_insert (keys, g_memdup2 (&sa.attendee->person_id, sizeof (gint64)), key);
              sa.key = key;
            }
          g_ptr_array_add (attendees, sa.attendee);
          g_array_append_val (sorted, sa);
          if (!follower_step (store, &attendee_rows, error))
            return FALSE;
        }
      g_array_sort (sorted, compare_attendees);
      for (guint i = 0; i < sorted->len; i++)
        attendees->pdata[i] = g_array_index (sorted, SortedAttendee, i).attendee;
      if (!func (m, agenda, attendees, data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list meetings"));
      return FALSE;
    }
  return TRUE;
}

/* ---- kept agenda times ---- */

gboolean
store_agenda_reschedule (RapatStore *store, gint64 meeting_id, gint64 now, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree gint64 *starts = NULL;
  g_autoptr(StoreStmt) start = store_prepare (store,
    "SELECT start_utc FROM meeting WHERE id = ?1", error);

  if (start == NULL)
    return FALSE;
  sqlite3_bind_int64 (start, 1, meeting_id);
  if (sqlite3_step (start) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to read the agenda"));
      return FALSE;
    }
  m->start_utc = sqlite3_column_int64 (start, 0);
  items = agenda_rows (store, meeting_id, error);
  if (items == NULL)
    return FALSE;
  starts = g_new (gint64, items->len + 1);
  rapat_agenda_schedule (m, items, starts);
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gint64 end = starts[i] + (gint64) it->duration_min * 60;
      g_autoptr(StoreStmt) set = NULL;

      if (it->start_utc == starts[i] && it->end_utc == end)
        continue;
      /* Times computed for the first time (after the upgrade) are no change. */
      set = store_prepare (store,
        "UPDATE agenda_item SET start_utc = ?2, end_utc = ?3, "
        "sequence = sequence + (start_utc IS NOT NULL), "
        "updated_at = CASE WHEN start_utc IS NULL THEN updated_at ELSE ?4 END WHERE id = ?1",
        error);
      if (set == NULL)
        return FALSE;
      sqlite3_bind_int64 (set, 1, it->id);
      sqlite3_bind_int64 (set, 2, starts[i]);
      sqlite3_bind_int64 (set, 3, end);
      sqlite3_bind_int64 (set, 4, now);
      if (!store_step_done (store, set, _("unable to schedule the agenda"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
store_agenda_backfill (RapatStore *store, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT DISTINCT meeting_id FROM agenda_item WHERE start_utc IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  ids = store_ids (store, stmt, _("unable to read the agenda"), error);
  if (ids == NULL)
    return FALSE;
  g_clear_pointer (&stmt, store_stmt_release);
  for (guint i = 0; i < ids->len; i++)
    if (!store_agenda_reschedule (store, g_array_index (ids, gint64, i), 0, error))
      return FALSE;
  return TRUE;
}

/* ---- replies made void ---- */

gint64
rapat_store_attendee_reset_replies (RapatStore *store, gint64 meeting_id, const char *reason,
                                    gint64 now, GError **error)
{
  g_autoptr(StoreStmt) keep = store_prepare (store,
    "INSERT INTO reply_history (attendee_id, rsvp, reset_at, reason) "
    "SELECT id, rsvp, ?2, ?3 FROM attendee WHERE meeting_id = ?1 AND rsvp <> 'needs-action'",
    error);
  g_autoptr(StoreStmt) reset = NULL;

  if (keep == NULL)
    return -1;
  sqlite3_bind_int64 (keep, 1, meeting_id);
  sqlite3_bind_int64 (keep, 2, now);
  store_bind_text (keep, 3, reason);
  if (!store_step_done (store, keep, _("unable to keep the replies"), error))
    return -1;
  reset = store_prepare (store,
    "UPDATE attendee SET rsvp = 'needs-action' "
    "WHERE meeting_id = ?1 AND rsvp <> 'needs-action'", error);
  if (reset == NULL)
    return -1;
  sqlite3_bind_int64 (reset, 1, meeting_id);
  if (!store_step_done (store, reset, _("unable to reset the replies"), error))
    return -1;
  return sqlite3_changes (store->db);
}

/* Reads a reply made void: (attendee_id, person_id, rsvp, reset_at,
 * reason), named in messages by the attendee (reply_history's own id is
 * not selected). */
static RapatReplyReset *
reply_reset_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatReplyReset) r = g_new0 (RapatReplyReset, 1);
  StoreRow row;

  store_row_begin (&row, stmt, "attendee", 0);
  r->attendee_id = row.id;
  r->person_id = sqlite3_column_int64 (stmt, 1);
  r->rsvp = store_row_enum (&row, 2, "rsvp in reply_history", &rapat_rsvp_enum, TRUE);
  r->reset_at = store_row_time (&row, 3, "reset_at in reply_history");
  r->reason = store_row_text (&row, 4, "reason in reply_history", FALSE);
  if (!store_row_end (&row, error))
    return NULL;
  return g_steal_pointer (&r);
}

GPtrArray *
rapat_store_reply_history (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT h.attendee_id, a.person_id, h.rsvp, h.reset_at, h.reason "
    "FROM reply_history h JOIN attendee a ON a.id = h.attendee_id "
    "WHERE a.meeting_id = ?1 ORDER BY a.person_id, h.reset_at, h.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_rows (store, stmt, (StoreRowFunc) reply_reset_from_row,
                     (GDestroyNotify) rapat_reply_reset_free,
                     _("unable to read the reply history"), error);
}
