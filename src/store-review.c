/* rapat — the store: the actions a review agenda item reviews, and what a
 * meeting heard of them (schema/0011-review.sql). */
#include "store-private.h"

/* The columns of a review: the action (ACTION_COLUMNS, read by
 * store_action_from_row()), then the link's own. */
#define REVIEW_COLUMNS \
  ACTION_COLUMNS ", r.agenda_item_id, r.position, r.reported_at, r.reported_status, " \
  "r.reported_progress, r.reported_note "
#define REVIEW_COL_ITEM 24

/* Reads a review from a row of REVIEW_COLUMNS (or the same columns from a
 * kept record, store-minutes.c); NULL with @error set when a value in it is
 * bad. */
RapatReview *
store_review_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatReview) v = g_new0 (RapatReview, 1);
  StoreRow r;

  v->action = store_action_from_row (stmt, error);
  if (v->action == NULL)
    return NULL;
  store_row_begin (&r, stmt, "review_action", REVIEW_COL_ITEM);
  v->agenda_item_id = r.id;
  v->position = store_row_int (&r, REVIEW_COL_ITEM + 1, "position", 1, G_MAXINT);
  v->reported_at = store_row_time (&r, REVIEW_COL_ITEM + 2, "reported_at");
  if (v->reported_at != 0)
    {
      v->reported_status = store_row_enum (&r, REVIEW_COL_ITEM + 3, "reported_status",
                                           &rapat_action_status_enum, TRUE);
      v->reported_progress = store_row_int (&r, REVIEW_COL_ITEM + 4, "reported_progress", 0, 100);
      v->reported_note = store_row_text (&r, REVIEW_COL_ITEM + 5, "reported_note", FALSE);
    }
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&v);
}

GPtrArray *
rapat_store_review_list (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " REVIEW_COLUMNS
    "FROM agenda_item ai JOIN review_action r ON r.agenda_item_id = ai.id "
    "JOIN action a ON a.id = r.action_id LEFT JOIN person p ON p.id = a.owner_person_id "
    "LEFT JOIN unit pu ON pu.id = p.unit_id LEFT JOIN unit ou ON ou.id = a.owner_unit_id "
    "LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN issue i ON i.id = a.issue_id "
    "WHERE ai.meeting_id = ?1 ORDER BY ai.position, r.position", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_rows (store, stmt, (StoreRowFunc) store_review_from_row,
                     (GDestroyNotify) rapat_review_free, _("unable to read the reviewed actions"),
                     error);
}

gboolean
store_review_attach (RapatStore *store, gint64 meeting_id, GPtrArray *items, gsize id_offset,
                     gsize reviews_offset, GError **error)
{
  g_autoptr(GPtrArray) all = rapat_store_review_list (store, meeting_id, error);

  if (all == NULL)
    return FALSE;
  /* Both are in agenda order: one pass hands each item its reviews. */
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0, k = 0; i < items->len; i++)
    {
      gpointer item = items->pdata[i];
      gint64 id = G_STRUCT_MEMBER (gint64, item, id_offset);
      GPtrArray **reviews = G_STRUCT_MEMBER_P (item, reviews_offset);

      for (; k < all->len && ((RapatReview *) all->pdata[k])->agenda_item_id == id; k++)
        {
          if (*reviews == NULL)
            *reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_review_free);
          g_ptr_array_add (*reviews, all->pdata[k]);
          all->pdata[k] = NULL;
        }
    }
  /* A link whose item was not among @items (none should be) is freed here. */
  for (guint k = 0; k < all->len; k++)
    rapat_review_free (all->pdata[k]);
  return TRUE;
}

gboolean
rapat_store_review_add (RapatStore *store, gint64 agenda_item_id, gint64 action_id,
                        GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO review_action (agenda_item_id, action_id, position) "
    "VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM review_action "
    "                 WHERE agenda_item_id = ?1))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agenda_item_id);
  sqlite3_bind_int64 (stmt, 2, action_id);
  return store_step_done (store, stmt, _("unable to add the action to the review"), error);
}

gboolean
rapat_store_review_report (RapatStore *store, const RapatReview *review, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE review_action SET reported_status = ?3, reported_progress = ?4, "
    "reported_note = ?5, reported_at = ?6 WHERE agenda_item_id = ?1 AND action_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->agenda_item_id);
  sqlite3_bind_int64 (stmt, 2, review->action->id);
  store_bind_text (stmt, 3, rapat_enum_name (&rapat_action_status_enum, review->reported_status));
  sqlite3_bind_int (stmt, 4, review->reported_progress);
  store_bind_text (stmt, 5, review->reported_note);
  sqlite3_bind_int64 (stmt, 6, review->reported_at);
  return store_step_done (store, stmt, _("unable to record what was reported"), error);
}

gint64
rapat_store_review_previous (RapatStore *store, const RapatMeeting *m, gboolean by_series,
                             GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id FROM meeting "
    "WHERE ((?4 AND series_id = ?3) OR (NOT ?4 AND kind = ?5)) "
    "AND start_utc < ?2 AND id <> ?1 AND status <> 'cancelled' "
    "ORDER BY start_utc DESC, id DESC LIMIT 1", error);
  int got;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, m->id);
  sqlite3_bind_int64 (stmt, 2, m->start_utc);
  store_bind_id (stmt, 3, m->series_id);
  sqlite3_bind_int (stmt, 4, by_series && m->series_id != 0);
  store_bind_text (stmt, 5, m->kind);
  got = store_step_first (store, stmt, _("unable to find the previous meeting"), error);
  if (got < 0)
    return -1;
  return got == 1 ? sqlite3_column_int64 (stmt, 0) : 0;
}

GPtrArray *
rapat_store_review_issue_actions (RapatStore *store, const RapatMeeting *m, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " ACTION_COLUMNS ACTION_FROM
    "WHERE a.issue_id IN (SELECT issue_id FROM agenda_item "
    "                     WHERE meeting_id = ?1 AND issue_id IS NOT NULL "
    "                     UNION SELECT issue_id FROM issue_meeting WHERE meeting_id = ?1) "
    "AND a.status IN " OPEN_STATUSES " "
    "AND a.meeting_id IS NOT ?1 AND (a.meeting_id IS NULL OR m.start_utc < ?2) "
    "ORDER BY a.due_date IS NULL, a.due_date, a.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, m->id);
  sqlite3_bind_int64 (stmt, 2, m->start_utc);
  return store_rows (store, stmt, (StoreRowFunc) store_action_from_row,
                     (GDestroyNotify) rapat_action_free, _("unable to list actions"), error);
}
