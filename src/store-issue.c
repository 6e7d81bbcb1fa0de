/* rapat — the store: strategic issues and action items. */
#include "store-private.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

gint64
rapat_store_meeting_count_actions (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT count(*) FROM action WHERE meeting_id = ?1", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to count actions"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- issues ---- */

/* Binds the writable fields of @i as ?2 .. ?8. */
static void
issue_bind (StoreStmt *stmt, const RapatIssue *i)
{
  store_bind_text (stmt, 2, i->title);
  store_bind_text (stmt, 3, i->description);
  store_bind_text (stmt, 4, i->category);
  store_bind_id (stmt, 5, i->unit_id);
  store_bind_text (stmt, 6, rapat_enum_name (&rapat_issue_status_enum, i->status));
  sqlite3_bind_int64 (stmt, 7, i->created_at);
  store_bind_id (stmt, 8, i->closed_at);
}

gboolean
rapat_store_issue_insert (RapatStore *store, RapatIssue *issue, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO issue (title, description, category, unit_id, status, created_at, closed_at) "
    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  issue_bind (stmt, issue);
  if (!store_step_done (store, stmt, _("unable to add the issue"), error))
    return FALSE;
  issue->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_issue_update (RapatStore *store, const RapatIssue *issue, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE issue SET title = ?2, description = ?3, category = ?4, unit_id = ?5, status = ?6, "
    "created_at = ?7, closed_at = ?8 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, issue->id);
  issue_bind (stmt, issue);
  return store_step_done (store, stmt, _("unable to change the issue"), error);
}

RapatIssue *
rapat_store_issue_get (RapatStore *store, gint64 id, const char *today, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ISSUE_COLUMNS "WHERE i.id = ?2", error);

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!store_step_row (store, stmt, _("unable to read the issue"), error,
                       _("issue '%" PRId64 "': not found"), id))
    return NULL;
  return store_issue_from_row (stmt, error);
}

GPtrArray *
rapat_store_issue_list (RapatStore *store, const RapatIssueFilter *filter, const char *today,
                        GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ISSUE_COLUMNS
    "WHERE (?2 IS NULL OR i.status = ?2) AND (?3 IS NULL OR i.category = ?3 COLLATE NOCASE) "
    "AND (?4 IS NULL OR i.unit_id = ?4) ORDER BY i.id", error);

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, today);
  store_bind_text (stmt, 2, rapat_enum_name (&rapat_issue_status_enum, filter->status));
  store_bind_text (stmt, 3, filter->category);
  store_bind_id (stmt, 4, filter->unit_id);
  return store_rows (store, stmt, (StoreRowFunc) store_issue_from_row, (GDestroyNotify) rapat_issue_free,
                     _("unable to list issues"), error);
}

gboolean
rapat_store_issue_resolve (RapatStore *store, const char *text, gint64 *id, GError **error)
{
  return store_resolve (store, _("issue"), text,
    "SELECT id FROM issue WHERE id = ?1",
    "SELECT id, title, NULL, NULL FROM issue WHERE rapat_fold(title) = rapat_fold(?1) ORDER BY id",
    "SELECT id, title, NULL, NULL FROM issue "
    "WHERE instr(rapat_fold(title), rapat_fold(?1)) > 0 ORDER BY id LIMIT 6",
    id, error);
}

gint64
rapat_store_issue_find (RapatStore *store, const char *title, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id FROM issue WHERE rapat_fold(title) = rapat_fold(?1) ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return -1;
  store_bind_text (stmt, 1, title);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to find the issue"));
      return -1;
    }
  return 0;
}

gboolean
rapat_store_issue_link (RapatStore *store, gint64 issue_id, gint64 meeting_id,
                        gboolean if_missing, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO issue_meeting (issue_id, meeting_id) VALUES (?1, ?2) "
    "ON CONFLICT (issue_id, meeting_id) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  if (!store_step_done (store, stmt, _("unable to link the issue"), error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0 && !if_missing)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                   _("issue '%" PRId64 "': already linked to meeting %" PRId64), issue_id,
                   meeting_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_store_issue_copy_links (RapatStore *store, gint64 from_meeting_id, gint64 to_meeting_id,
                              GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO issue_meeting (issue_id, meeting_id) "
    "SELECT issue_id, ?2 FROM issue_meeting WHERE meeting_id = ?1 "
    "ON CONFLICT (issue_id, meeting_id) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_meeting_id);
  sqlite3_bind_int64 (stmt, 2, to_meeting_id);
  return store_step_done (store, stmt, _("unable to link the issue"), error);
}

GPtrArray *
rapat_store_issue_meetings (RapatStore *store, gint64 issue_id, GError **error)
{
  /* One query for all of them: the issue's link rows lead to its meetings
   * (issue_meeting's key starts with the issue). */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " MEETING_COLUMNS "FROM issue_meeting im CROSS JOIN meeting m ON m.id = im.meeting_id "
    "LEFT JOIN person o ON o.id = m.organizer_id "
    "WHERE im.issue_id = ?1 ORDER BY m.start_utc, m.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  return store_rows (store, stmt, (StoreRowFunc) store_meeting_from_row,
                     (GDestroyNotify) rapat_meeting_free, _("unable to list the issue's meetings"),
                     error);
}

GPtrArray *
rapat_store_issue_agenda_items (RapatStore *store, gint64 issue_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ITEM_COLUMNS "FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
    "LEFT JOIN person p ON p.id = a.presenter_id WHERE a.issue_id = ?1 "
    "ORDER BY m.start_utc, m.id, a.position", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  return store_rows (store, stmt, (StoreRowFunc) store_item_from_row,
                     (GDestroyNotify) rapat_agenda_item_free,
                     _("unable to list the issue's agenda items"), error);
}

/* ---- actions ---- */

/* Collects every row of @stmt (ACTION_COLUMNS) as actions; NULL with
 * @error on failure. */
static GPtrArray *
action_rows (RapatStore *store, StoreStmt *stmt, GError **error)
{
  return store_rows (store, stmt, (StoreRowFunc) store_action_from_row,
                     (GDestroyNotify) rapat_action_free, _("unable to list actions"), error);
}

/* Binds the writable fields of @a as ?2 .. ?15. */
static void
action_bind (StoreStmt *stmt, const RapatAction *a)
{
  store_bind_text (stmt, 2, a->title);
  store_bind_text (stmt, 3, a->description);
  store_bind_id (stmt, 4, a->owner_person_id);
  store_bind_id (stmt, 5, a->owner_unit_id);
  store_bind_id (stmt, 6, a->meeting_id);
  store_bind_id (stmt, 7, a->issue_id);
  store_bind_text (stmt, 8, rapat_enum_name (&rapat_priority_enum, a->priority));
  store_bind_text (stmt, 9, a->due);
  store_bind_text (stmt, 10, rapat_enum_name (&rapat_action_status_enum, a->status));
  sqlite3_bind_int (stmt, 11, a->progress);
  sqlite3_bind_int64 (stmt, 12, a->created_at);
  sqlite3_bind_int64 (stmt, 13, a->updated_at);
  store_bind_id (stmt, 14, a->done_at);
  store_bind_text (stmt, 15, a->uid);
  store_bind_id (stmt, 16, a->decision_id);
}

gboolean
rapat_store_action_insert (RapatStore *store, RapatAction *action, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO action (title, description, owner_person_id, owner_unit_id, meeting_id, "
    "issue_id, priority, due_date, status, progress, created_at, updated_at, done_at, uid, "
    "decision_id) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);

  if (stmt == NULL)
    return FALSE;
  action_bind (stmt, action);
  if (!store_step_done (store, stmt, _("unable to add the action"), error))
    return FALSE;
  action->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_action_update (RapatStore *store, const RapatAction *action, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE action SET title = ?2, description = ?3, owner_person_id = ?4, owner_unit_id = ?5, "
    "meeting_id = ?6, issue_id = ?7, priority = ?8, due_date = ?9, status = ?10, progress = ?11, "
    "created_at = ?12, updated_at = ?13, done_at = ?14, decision_id = ?16 "
    "WHERE id = ?1 AND uid = ?15", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->id);
  action_bind (stmt, action);
  return store_step_done (store, stmt, _("unable to change the action"), error);
}

gboolean
rapat_store_action_add_event (RapatStore *store, const RapatAction *action, gint64 at,
                              const char *note, GError **error)
{
  return rapat_store_action_add_event_from (store, action, at, note, 0, error);
}

gboolean
rapat_store_action_add_event_from (RapatStore *store, const RapatAction *action, gint64 at,
                                   const char *note, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO action_event (action_id, at, status, progress, due_date, note, meeting_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->id);
  sqlite3_bind_int64 (stmt, 2, at);
  store_bind_text (stmt, 3, rapat_enum_name (&rapat_action_status_enum, action->status));
  sqlite3_bind_int (stmt, 4, action->progress);
  store_bind_text (stmt, 5, action->due);
  store_bind_text (stmt, 6, note);
  store_bind_id (stmt, 7, meeting_id);
  return store_step_done (store, stmt, _("unable to record the action's history"), error);
}

RapatAction *
rapat_store_action_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE a.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the action"), error,
                       _("action '%" PRId64 "': not found"), id))
    return NULL;
  return store_action_from_row (stmt, error);
}

GPtrArray *
rapat_store_action_list (RapatStore *store, const RapatActionFilter *filter, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "WITH RECURSIVE subtree (id) AS (SELECT ?5 UNION "
    "  SELECT u.id FROM unit u JOIN subtree s ON u.parent_id = s.id) "
    "SELECT " ACTION_COLUMNS ACTION_FROM
    "WHERE (?1 = 0 OR a.status IN " OPEN_STATUSES ") "
    "AND (?2 IS NULL OR (a.status IN " OPEN_STATUSES " AND a.due_date < ?2)) "
    "AND (?3 IS NULL OR a.due_date < ?3) "
    "AND (?4 IS NULL OR a.owner_person_id = ?4) "
    "AND (?5 IS NULL OR a.owner_unit_id IN subtree OR p.unit_id IN subtree) "
    "AND (?6 IS NULL OR a.meeting_id = ?6) AND (?7 IS NULL OR a.issue_id = ?7) "
    "AND (?8 IS NULL OR a.status = ?8) "
    "ORDER BY a.due_date IS NULL, a.due_date, a.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, filter->open_only ? 1 : 0);
  store_bind_text (stmt, 2, filter->overdue_before);
  store_bind_text (stmt, 3, filter->due_before);
  store_bind_id (stmt, 4, filter->owner_person_id);
  store_bind_id (stmt, 5, filter->unit_id);
  store_bind_id (stmt, 6, filter->meeting_id);
  store_bind_id (stmt, 7, filter->issue_id);
  store_bind_text (stmt, 8, rapat_enum_name (&rapat_action_status_enum, filter->status));
  return action_rows (store, stmt, error);
}

GPtrArray *
rapat_store_meeting_actions (RapatStore *store, gint64 meeting_id, GError **error)
{
  /* Its own statement: "?6 IS NULL OR meeting_id = ?6" keeps SQLite from
   * using the meeting index, and exports ask this once per meeting. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE a.meeting_id = ?1 "
    "ORDER BY a.due_date IS NULL, a.due_date, a.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return action_rows (store, stmt, error);
}

/* Reads an event of an action's history: (id, action_id, at, status,
 * progress, due_date, note, meeting_id). */
static RapatActionEvent *
action_event_from_row (StoreStmt *stmt, GError **error)
{
  RapatActionEvent *e = g_new0 (RapatActionEvent, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "action_event", 0);
  e->id = r.id;
  e->action_id = sqlite3_column_int64 (stmt, 1);
  e->at = store_row_time (&r, 2, "at");
  e->status = store_row_enum (&r, 3, "status", &rapat_action_status_enum, TRUE);
  e->progress = store_row_int (&r, 4, "progress", 0, 100);
  e->due = store_row_text (&r, 5, "due_date", FALSE);
  e->note = store_row_text (&r, 6, "note", FALSE);
  e->meeting_id = sqlite3_column_int64 (stmt, 7);
  if (!store_row_end (&r, error))
    {
      rapat_action_event_free (e);
      return NULL;
    }
  return e;
}

GPtrArray *
rapat_store_action_history (RapatStore *store, gint64 action_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id, action_id, at, status, progress, due_date, note, meeting_id FROM action_event "
    "WHERE action_id = ?1 ORDER BY at, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  return store_rows (store, stmt, (StoreRowFunc) action_event_from_row,
                     (GDestroyNotify) rapat_action_event_free,
                     _("unable to read the action's history"), error);
}

gboolean
rapat_store_action_resolve (RapatStore *store, const char *text, gint64 *id, GError **error)
{
  return store_resolve (store, _("action"), text,
    "SELECT id FROM action WHERE id = ?1",
    "SELECT id, title, NULL, NULL FROM action "
    "WHERE uid = ?1 OR rapat_fold(title) = rapat_fold(?1) ORDER BY id",
    "SELECT id, title, NULL, NULL FROM action "
    "WHERE instr(rapat_fold(title), rapat_fold(?1)) > 0 ORDER BY id LIMIT 6",
    id, error);
}

