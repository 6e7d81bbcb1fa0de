/* rapat — the store: attendance aggregates for reports, computed by SQL. */
#include "store-private.h"

/* The counting columns over attendee a joined to meeting m; ?9 is the grace
 * period in seconds.  Used by every attendance query, so all agree. */
#define COUNT_COLUMNS \
  "count(*), " \
  "sum(a.rsvp = 'accepted'), sum(a.rsvp = 'declined'), sum(a.rsvp = 'tentative'), " \
  "sum(a.rsvp = 'needs-action'), " \
  "sum(a.attendance = 'present'), " \
  "sum(a.attendance = 'present' AND a.arrived_utc > m.start_utc + ?9), " \
  "sum(a.attendance = 'represented'), sum(a.attendance = 'excused'), " \
  "sum(a.attendance = 'sick'), sum(a.attendance = 'duty'), sum(a.attendance = 'absent'), " \
  "sum(a.attendance IS NULL), count(DISTINCT a.meeting_id) "

/* The meetings in scope: ?1 from, ?2 to, ?3 kind; never cancelled ones. */
#define SCOPE_WHERE \
  "m.status <> 'cancelled' AND (?1 IS NULL OR m.start_utc >= ?1) " \
  "AND (?2 IS NULL OR m.start_utc < ?2) AND (?3 IS NULL OR m.kind = ?3 COLLATE NOCASE) "

/* The units at or below ?4 (all units when ?4 is NULL). */
#define SCOPE_UNITS \
  "WITH RECURSIVE scope_units (id) AS (" \
  "  SELECT id FROM unit WHERE ?4 IS NULL OR id = ?4 " \
  "  UNION SELECT u.id FROM unit u JOIN scope_units s ON u.parent_id = s.id) "

/* Reads the COUNT_COLUMNS starting at column @col into @c. */
static void
counts_from_row (StoreStmt *stmt, int col, RapatAttendanceCounts *c)
{
  gint64 *fields[] = {
    &c->invited, &c->accepted, &c->declined, &c->tentative, &c->no_reply, &c->present,
    &c->late, &c->represented, &c->excused, &c->sick, &c->duty, &c->absent, &c->unrecorded,
    &c->meetings,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = sqlite3_column_int64 (stmt, col + (int) i);
}

/* Binds a scope as ?1 .. ?4 and ?9. */
static void
scope_bind (StoreStmt *stmt, const RapatAttendanceScope *scope)
{
  if (scope->from_utc != 0)
    sqlite3_bind_int64 (stmt, 1, scope->from_utc);
  if (scope->to_utc != 0)
    sqlite3_bind_int64 (stmt, 2, scope->to_utc);
  store_bind_text (stmt, 3, scope->kind);
  store_bind_id (stmt, 4, scope->unit_id);
  sqlite3_bind_int64 (stmt, 9, scope->grace_seconds);
}

gboolean
rapat_store_attendance_meeting (RapatStore *store, gint64 meeting_id, gint64 grace_seconds,
                                RapatAttendanceCounts *counts, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " COUNT_COLUMNS "FROM attendee a JOIN meeting m ON m.id = a.meeting_id "
    "WHERE a.meeting_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 9, grace_seconds);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return FALSE;
    }
  counts_from_row (stmt, 0, counts);
  return TRUE;
}

gboolean
rapat_store_attendance_total (RapatStore *store, const RapatAttendanceScope *scope,
                              RapatAttendanceCounts *counts, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    SCOPE_UNITS
    "SELECT " COUNT_COLUMNS
    "FROM attendee a JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id "
    "WHERE " SCOPE_WHERE "AND (?4 IS NULL OR p.unit_id IN scope_units)", error);

  if (stmt == NULL)
    return FALSE;
  scope_bind (stmt, scope);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return FALSE;
    }
  counts_from_row (stmt, 0, counts);
  return TRUE;
}

/* Collects rows (id, name, detail, unit, COUNT_COLUMNS...) of @stmt. */
static GPtrArray *
attendance_rows (RapatStore *store, StoreStmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendance_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatAttendanceRow *row = g_new0 (RapatAttendanceRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = store_column_text (stmt, 1);
      row->detail = store_column_text (stmt, 2);
      row->unit = store_column_text (stmt, 3);
      counts_from_row (stmt, 4, &row->counts);
      g_ptr_array_add (out, row);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
rapat_store_attendance_by_person (RapatStore *store, const RapatAttendanceScope *scope,
                                  GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    SCOPE_UNITS
    "SELECT p.id, p.name, p.position, u.name, " COUNT_COLUMNS
    "FROM attendee a JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id "
    "LEFT JOIN unit u ON u.id = p.unit_id "
    "WHERE " SCOPE_WHERE "AND (?4 IS NULL OR p.unit_id IN scope_units) "
    "GROUP BY p.id "
    "ORDER BY (total(a.attendance IN ('present', 'represented')) / count(*)), "
    "rapat_fold(p.name), p.id", error);

  if (stmt == NULL)
    return NULL;
  scope_bind (stmt, scope);
  return attendance_rows (store, stmt, error);
}

GPtrArray *
rapat_store_attendance_by_unit (RapatStore *store, const RapatAttendanceScope *scope,
                                GError **error)
{
  /* below (ancestor, unit): every unit paired with itself and each unit above it. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    SCOPE_UNITS
    ", below (ancestor, id) AS (SELECT id, id FROM unit "
    "  UNION ALL SELECT b.ancestor, u.id FROM unit u JOIN below b ON u.parent_id = b.id) "
    "SELECT t.id, t.name, t.code, NULL, " COUNT_COLUMNS
    "FROM attendee a JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id "
    "JOIN below b ON b.id = p.unit_id JOIN unit t ON t.id = b.ancestor "
    "WHERE " SCOPE_WHERE "AND (?4 IS NULL OR t.id IN scope_units) "
    "GROUP BY t.id "
    "ORDER BY (total(a.attendance IN ('present', 'represented')) / count(*)), "
    "rapat_fold(t.name), t.id", error);

  if (stmt == NULL)
    return NULL;
  scope_bind (stmt, scope);
  return attendance_rows (store, stmt, error);
}
