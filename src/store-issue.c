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

#define OPEN_STATUSES "('open', 'in-progress')"

/* Columns of an issue with its counts; ?1 is the day overdue is counted against. */
#define ISSUE_COLUMNS \
  "i.id, i.title, i.description, i.category, i.unit_id, u.name, i.status, i.created_at, " \
  "i.closed_at, " \
  "(SELECT count(*) FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id " \
  "   WHERE im.issue_id = i.id AND m.status <> 'cancelled'), " \
  "(SELECT count(*) FROM action a WHERE a.issue_id = i.id AND a.status IN " OPEN_STATUSES "), " \
  "(SELECT count(*) FROM action a WHERE a.issue_id = i.id AND a.status IN " OPEN_STATUSES \
  "   AND a.due_date < ?1), " \
  "(SELECT m.start_utc FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id " \
  "   WHERE im.issue_id = i.id AND m.status <> 'cancelled' ORDER BY m.start_utc DESC LIMIT 1), " \
  "(SELECT m.tzid FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id " \
  "   WHERE im.issue_id = i.id AND m.status <> 'cancelled' ORDER BY m.start_utc DESC LIMIT 1) " \
  "FROM issue i LEFT JOIN unit u ON u.id = i.unit_id "

/* Reads an issue from the current row of a statement selecting
 * ISSUE_COLUMNS; NULL with @error set when a value in it is bad. */
static RapatIssue *
issue_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatIssue) i = rapat_issue_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "issue", 0);
  i->id = r.id;
  i->title = store_row_text (&r, 1, "title", TRUE);
  i->description = store_row_text (&r, 2, "description", FALSE);
  i->category = store_row_text (&r, 3, "category", FALSE);
  i->unit_id = sqlite3_column_int64 (stmt, 4);
  i->unit_name = store_row_text_of (&r, 5, "unit", 4, "name");
  i->status = store_row_enum (&r, 6, "status", &rapat_issue_status_enum, TRUE);
  i->created_at = store_row_time (&r, 7, "created_at");
  i->closed_at = store_row_time (&r, 8, "closed_at");
  i->n_meetings = sqlite3_column_int64 (stmt, 9);
  i->n_open = sqlite3_column_int64 (stmt, 10);
  i->n_overdue = sqlite3_column_int64 (stmt, 11);
  i->last_discussed = store_row_time (&r, 12, "the start of its last meeting");
  i->last_discussed_tz = store_row_text (&r, 13, "the zone of its last meeting", FALSE);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&i);
}

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
  return issue_from_row (stmt, error);
}

GPtrArray *
rapat_store_issue_list (RapatStore *store, const RapatIssueFilter *filter, const char *today,
                        GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ISSUE_COLUMNS
    "WHERE (?2 IS NULL OR i.status = ?2) AND (?3 IS NULL OR i.category = ?3 COLLATE NOCASE) "
    "AND (?4 IS NULL OR i.unit_id = ?4) ORDER BY i.id", error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_issue_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, today);
  store_bind_text (stmt, 2, rapat_enum_name (&rapat_issue_status_enum, filter->status));
  store_bind_text (stmt, 3, filter->category);
  store_bind_id (stmt, 4, filter->unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatIssue *i = issue_from_row (stmt, error);

      if (i == NULL)
        return NULL;
      g_ptr_array_add (out, i);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list issues"));
      return NULL;
    }
  return g_steal_pointer (&out);
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

GPtrArray *
rapat_store_issue_meetings (RapatStore *store, gint64 issue_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT m.id FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id "
    "WHERE im.issue_id = ?1 ORDER BY m.start_utc, m.id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list the issue's meetings"));
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      RapatMeeting *m = rapat_store_meeting_get (store, g_array_index (ids, gint64, i), error);
      if (m == NULL)
        return NULL;
      g_ptr_array_add (out, m);
    }
  return g_steal_pointer (&out);
}

GPtrArray *
rapat_store_issue_agenda_items (RapatStore *store, gint64 issue_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT a.id, a.meeting_id, a.position, a.title, a.duration_min FROM agenda_item a "
    "JOIN meeting m ON m.id = a.meeting_id WHERE a.issue_id = ?1 "
    "ORDER BY m.start_utc, m.id, a.position", error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatAgendaItem *it = rapat_agenda_item_new ();
      StoreRow r;

      store_row_begin (&r, stmt, "agenda_item", 0);
      it->id = r.id;
      it->meeting_id = sqlite3_column_int64 (stmt, 1);
      it->position = store_row_int (&r, 2, "position", 1, G_MAXINT32);
      it->title = store_row_text (&r, 3, "title", TRUE);
      it->duration_min = store_row_int (&r, 4, "duration_min", 1, RAPAT_MAX_ITEM_MINUTES);
      it->issue_id = issue_id;
      g_ptr_array_add (out, it);
      if (!store_row_end (&r, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list the issue's agenda items"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- actions ---- */

#define ACTION_COLUMNS \
  "a.id, a.uid, a.title, a.description, a.owner_person_id, a.owner_unit_id, " \
  "coalesce(p.name, ou.name), coalesce(ou.name, pu.name), a.meeting_id, m.title, m.start_utc, " \
  "m.tzid, a.issue_id, i.title, a.priority, a.due_date, a.status, a.progress, a.created_at, " \
  "a.updated_at, a.done_at, p.email "
#define ACTION_FROM \
  "FROM action a LEFT JOIN person p ON p.id = a.owner_person_id " \
  "LEFT JOIN unit pu ON pu.id = p.unit_id LEFT JOIN unit ou ON ou.id = a.owner_unit_id " \
  "LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN issue i ON i.id = a.issue_id "

/* Reads an action from the current row of a statement selecting
 * ACTION_COLUMNS; NULL with @error set when a value in it is bad. */
static RapatAction *
action_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatAction) a = rapat_action_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "action", 0);
  a->id = r.id;
  a->uid = store_row_text (&r, 1, "uid", TRUE);
  a->title = store_row_text (&r, 2, "title", TRUE);
  a->description = store_row_text (&r, 3, "description", FALSE);
  a->owner_person_id = sqlite3_column_int64 (stmt, 4);
  a->owner_unit_id = sqlite3_column_int64 (stmt, 5);
  /* The owner's name and unit come from a person or a unit. */
  a->owner_name = store_row_text (&r, 6, "the owner's name", FALSE);
  a->owner_unit_name = store_row_text (&r, 7, "the owner's unit", FALSE);
  a->meeting_id = sqlite3_column_int64 (stmt, 8);
  a->meeting_title = store_row_text_of (&r, 9, "meeting", 8, "title");
  a->meeting_start = sqlite3_column_int64 (stmt, 10);
  if (a->meeting_id != 0 && !rapat_time_in_range (a->meeting_start))
    store_row_problem (&r, "meeting", a->meeting_id, _("start_utc is outside the years 1900 to 9998"));
  a->meeting_tz = store_row_text_of (&r, 11, "meeting", 8, "tzid");
  a->issue_id = sqlite3_column_int64 (stmt, 12);
  a->issue_title = store_row_text_of (&r, 13, "issue", 12, "title");
  a->priority = store_row_enum (&r, 14, "priority", &rapat_priority_enum, TRUE);
  a->due = store_row_text (&r, 15, "due_date", FALSE);
  a->status = store_row_enum (&r, 16, "status", &rapat_action_status_enum, TRUE);
  a->progress = store_row_int (&r, 17, "progress", 0, 100);
  a->created_at = store_row_time (&r, 18, "created_at");
  a->updated_at = store_row_time (&r, 19, "updated_at");
  a->done_at = store_row_time (&r, 20, "done_at");
  a->owner_email = store_row_text_of (&r, 21, "person", 4, "email");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&a);
}

/* Collects every row of @stmt as actions; NULL with @error on failure. */
static GPtrArray *
action_rows (RapatStore *store, StoreStmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_action_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatAction *a = action_from_row (stmt, error);

      if (a == NULL)
        return NULL;
      g_ptr_array_add (out, a);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list actions"));
      return NULL;
    }
  return g_steal_pointer (&out);
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
}

gboolean
rapat_store_action_insert (RapatStore *store, RapatAction *action, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO action (title, description, owner_person_id, owner_unit_id, meeting_id, "
    "issue_id, priority, due_date, status, progress, created_at, updated_at, done_at, uid) "
    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);

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
    "created_at = ?12, updated_at = ?13, done_at = ?14 WHERE id = ?1 AND uid = ?15", error);

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
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO action_event (action_id, at, status, progress, due_date, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->id);
  sqlite3_bind_int64 (stmt, 2, at);
  store_bind_text (stmt, 3, rapat_enum_name (&rapat_action_status_enum, action->status));
  sqlite3_bind_int (stmt, 4, action->progress);
  store_bind_text (stmt, 5, action->due);
  store_bind_text (stmt, 6, note);
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
  return action_from_row (stmt, error);
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

GPtrArray *
rapat_store_action_history (RapatStore *store, gint64 action_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id, at, status, progress, due_date, note FROM action_event "
    "WHERE action_id = ?1 ORDER BY at, id", error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_action_event_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatActionEvent *e = g_new0 (RapatActionEvent, 1);
      StoreRow r;

      store_row_begin (&r, stmt, "action_event", 0);
      e->id = r.id;
      e->action_id = action_id;
      g_ptr_array_add (out, e);
      e->at = store_row_time (&r, 1, "at");
      e->status = store_row_enum (&r, 2, "status", &rapat_action_status_enum, TRUE);
      e->progress = store_row_int (&r, 3, "progress", 0, 100);
      e->due = store_row_text (&r, 4, "due_date", FALSE);
      e->note = store_row_text (&r, 5, "note", FALSE);
      if (!store_row_end (&r, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the action's history"));
      return NULL;
    }
  return g_steal_pointer (&out);
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

GPtrArray *
rapat_store_action_followups (RapatStore *store, const RapatMeeting *m, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ACTION_COLUMNS ACTION_FROM
    "WHERE a.id IN ("
    /* Open actions of earlier meetings of the same kind and organizer: from
     * the organizer's meetings (the "+" keeps SQLite off the kind and start
     * indexes, which without statistics it prefers and which would visit
     * every meeting of that kind) ... */
    "  SELECT fa.id FROM meeting fm CROSS JOIN action fa ON fa.meeting_id = fm.id "
    "  WHERE fm.organizer_id IS ?4 AND +fm.kind = ?3 AND +fm.start_utc < ?2 AND fm.id <> ?1 "
    "    AND +fa.status IN " OPEN_STATUSES " "
    "  UNION ALL "
    /* ... and open actions of the issues this meeting discusses. */
    "  SELECT fa.id FROM issue_meeting im CROSS JOIN action fa ON fa.issue_id = im.issue_id "
    "  WHERE im.meeting_id = ?1 AND +fa.status IN " OPEN_STATUSES ") "
    "AND a.meeting_id IS NOT ?1 AND (a.meeting_id IS NULL OR m.start_utc < ?2) "
    "ORDER BY a.due_date IS NULL, a.due_date, a.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, m->id);
  sqlite3_bind_int64 (stmt, 2, m->start_utc);
  store_bind_text (stmt, 3, m->kind);
  store_bind_id (stmt, 4, m->organizer_id);
  return action_rows (store, stmt, error);
}
