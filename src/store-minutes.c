/* rapat — the store: minutes, decisions and the finalised versions (store layer).
 *
 * The current version is read from its tables; a finalised one from the
 * JSON record kept in minutes_version, through the same row readers: each
 * query gives the same columns from either source. */
#include "store-private.h"

#include <string.h>

/* The columns of the current minutes of meeting ?1. */
#define MINUTES_LIVE \
  "SELECT n.id, n.meeting_id, n.notulis_id, pn.name, pn.position, n.chair_id, pc.name, " \
  "pc.position, n.held_start_utc, n.held_end_utc, n.summary, n.status, n.version, " \
  "n.finalized_at, n.created_at, n.updated_at, " \
  "(SELECT count(*) FROM attendee WHERE meeting_id = n.meeting_id), " \
  "(SELECT count(*) FROM attendee WHERE meeting_id = n.meeting_id " \
  "   AND (attendance = 'present' OR attendance = 'represented')) " \
  "FROM minutes n LEFT JOIN person pn ON pn.id = n.notulis_id " \
  "LEFT JOIN person pc ON pc.id = n.chair_id WHERE n.meeting_id = ?1 "

/* The same columns from version ?2 of the record of meeting ?1. */
#define J(path) "json_extract(v.record, '$.minutes." path "'), "
#define MINUTES_KEPT \
  "SELECT " J ("id") J ("meeting_id") J ("notulis_id") J ("notulis_name") \
  J ("notulis_position") J ("chair_id") J ("chair_name") J ("chair_position") \
  J ("held_start_utc") J ("held_end_utc") J ("summary") J ("status") J ("version") \
  J ("finalized_at") J ("created_at") J ("updated_at") J ("n_invited") \
  "json_extract(v.record, '$.minutes.n_present') " \
  "FROM minutes_version v WHERE v.meeting_id = ?1 AND v.version = ?2 "

#define ITEMS_LIVE \
  "SELECT a.id, a.position, a.title, mi.notes FROM agenda_item a " \
  "LEFT JOIN minutes_item mi ON mi.agenda_item_id = a.id WHERE a.meeting_id = ?1 " \
  "ORDER BY a.position"
#define ITEMS_KEPT \
  "SELECT json_extract(j.value, '$.agenda_item_id'), json_extract(j.value, '$.position'), " \
  "json_extract(j.value, '$.title'), json_extract(j.value, '$.notes') " \
  "FROM minutes_version v, json_each(v.record, '$.items') j " \
  "WHERE v.meeting_id = ?1 AND v.version = ?2 ORDER BY 2"

#define DECISIONS_LIVE \
  "SELECT d.id, d.meeting_id, d.number, d.agenda_item_id, a.position, a.title, d.text, " \
  "d.created_at FROM decision d LEFT JOIN agenda_item a ON a.id = d.agenda_item_id " \
  "WHERE d.meeting_id = ?1 ORDER BY d.number"
#define DECISIONS_KEPT \
  "SELECT json_extract(j.value, '$.id'), v.meeting_id, json_extract(j.value, '$.number'), " \
  "json_extract(j.value, '$.agenda_item_id'), json_extract(j.value, '$.item_position'), " \
  "json_extract(j.value, '$.item_title'), json_extract(j.value, '$.text'), " \
  "json_extract(j.value, '$.created_at') " \
  "FROM minutes_version v, json_each(v.record, '$.decisions') j " \
  "WHERE v.meeting_id = ?1 AND v.version = ?2 ORDER BY 3"

/* An action (aliases of ACTION_FROM) as the record keeps it: every column
 * of ACTION_COLUMNS, under a name. */
#define ACTION_JSON \
  "json_object('id', a.id, 'uid', a.uid, 'title', a.title, 'description', a.description, " \
  "'owner_person_id', a.owner_person_id, 'owner_unit_id', a.owner_unit_id, " \
  "'owner_name', coalesce(p.name, ou.name), 'owner_unit_name', coalesce(ou.name, pu.name), " \
  "'meeting_id', a.meeting_id, 'meeting_title', m.title, 'meeting_start', m.start_utc, " \
  "'meeting_tz', m.tzid, 'issue_id', a.issue_id, 'issue_title', i.title, " \
  "'priority', a.priority, 'due', a.due_date, 'status', a.status, 'progress', a.progress, " \
  "'created_at', a.created_at, 'updated_at', a.updated_at, 'done_at', a.done_at, " \
  "'owner_email', p.email, 'decision_id', a.decision_id, " \
  "'decision_number', (SELECT number FROM decision WHERE id = a.decision_id))"

/* The columns of ACTION_COLUMNS from an action kept as ACTION_JSON at
 * @path of the JSON value @src. */
#define K(src, path, key) "json_extract(" src ", '" path "." key "')"
#define KEPT_ACTION_COLUMNS(src, path) \
  K (src, path, "id") ", " K (src, path, "uid") ", " K (src, path, "title") ", " \
  K (src, path, "description") ", " K (src, path, "owner_person_id") ", " \
  K (src, path, "owner_unit_id") ", " K (src, path, "owner_name") ", " \
  K (src, path, "owner_unit_name") ", " K (src, path, "meeting_id") ", " \
  K (src, path, "meeting_title") ", " K (src, path, "meeting_start") ", " \
  K (src, path, "meeting_tz") ", " K (src, path, "issue_id") ", " K (src, path, "issue_title") ", " \
  K (src, path, "priority") ", " K (src, path, "due") ", " K (src, path, "status") ", " \
  K (src, path, "progress") ", " K (src, path, "created_at") ", " K (src, path, "updated_at") ", " \
  K (src, path, "done_at") ", " K (src, path, "owner_email") ", " K (src, path, "decision_id") ", " \
  K (src, path, "decision_number") " "

/* The actions raised in version ?2 of meeting ?1, in the order of
 * rapat_store_meeting_actions(). */
#define ACTIONS_KEPT \
  "SELECT " KEPT_ACTION_COLUMNS ("j.value", "$") \
  "FROM minutes_version v, json_each(v.record, '$.actions') j " \
  "WHERE v.meeting_id = ?1 AND v.version = ?2 " \
  "ORDER BY json_extract(j.value, '$.due') IS NULL, json_extract(j.value, '$.due'), " \
  "json_extract(j.value, '$.id')"

/* The reviews of version ?2 of meeting ?1: the columns of a review
 * (store_review_from_row()), by item and position. */
#define REVIEWS_KEPT \
  "SELECT " KEPT_ACTION_COLUMNS ("j.value", "$.action") ", " \
  "json_extract(j.value, '$.agenda_item_id'), json_extract(j.value, '$.position'), " \
  "json_extract(j.value, '$.reported_at'), json_extract(j.value, '$.reported_status'), " \
  "json_extract(j.value, '$.reported_progress'), json_extract(j.value, '$.reported_note') " \
  "FROM minutes_version v, json_each(v.record, '$.reviews') j " \
  "WHERE v.meeting_id = ?1 AND v.version = ?2 " \
  "ORDER BY json_extract(j.value, '$.item_position'), json_extract(j.value, '$.position')"

/* The invitations of version ?2 of meeting ?1 in the columns of
 * ATTENDEE_COLUMNS, in the order of rapat_store_attendee_list().  A reply
 * is not part of the record: a record kept without one reads as
 * needs-action; a stand-in kept by name only has no id. */
#define A(key) "json_extract(j.value, '$." key "'), "
#define ATTENDEES_KEPT \
  "SELECT " A ("id") "v.meeting_id, " A ("person_id") A ("name") A ("position") A ("unit_name") \
  A ("email") A ("role") "coalesce(json_extract(j.value, '$.rsvp'), 'needs-action'), " \
  A ("attendance") A ("arrived_utc") A ("stand_in_id") A ("represented_by") \
  A ("stand_in_position") A ("note") A ("stand_in_email") A ("unit_code") \
  "json_extract(j.value, '$.unit_id'), NULL, NULL " \
  "FROM minutes_version v, json_each(v.record, '$.attendees') j " \
  "WHERE v.meeting_id = ?1 AND v.version = ?2 " \
  "ORDER BY CASE json_extract(j.value, '$.role') WHEN 'chair' THEN 0 WHEN 'speaker' THEN 1 " \
  "  WHEN 'participant' THEN 2 WHEN 'optional' THEN 3 ELSE 4 END, " \
  "rapat_fold(json_extract(j.value, '$.name')), json_extract(j.value, '$.person_id')"

/* Reads the minutes from a row of MINUTES_LIVE or MINUTES_KEPT. */
RapatMinutes *
store_minutes_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatMinutes) n = g_new0 (RapatMinutes, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "minutes", 0);
  n->id = r.id;
  n->meeting_id = sqlite3_column_int64 (stmt, 1);
  n->notulis_id = sqlite3_column_int64 (stmt, 2);
  n->notulis_name = store_row_text_of (&r, 3, "person", 2, "name");
  n->notulis_position = store_row_text_of (&r, 4, "person", 2, "position");
  n->chair_id = sqlite3_column_int64 (stmt, 5);
  n->chair_name = store_row_text_of (&r, 6, "person", 5, "name");
  n->chair_position = store_row_text_of (&r, 7, "person", 5, "position");
  n->held_start_utc = store_row_time (&r, 8, "held_start_utc");
  n->held_end_utc = store_row_time (&r, 9, "held_end_utc");
  n->summary = store_row_text (&r, 10, "summary", FALSE);
  n->status = store_row_enum (&r, 11, "status", &rapat_minutes_status_enum, TRUE);
  n->version = store_row_int (&r, 12, "version", 1, G_MAXINT);
  n->finalized_at = store_row_time (&r, 13, "finalized_at");
  n->created_at = store_row_time (&r, 14, "created_at");
  n->updated_at = store_row_time (&r, 15, "updated_at");
  n->n_invited = sqlite3_column_int64 (stmt, 16);
  n->n_present = sqlite3_column_int64 (stmt, 17);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&n);
}

/* Reads an agenda item's notes from a row of ITEMS_LIVE or ITEMS_KEPT. */
RapatMinutesItem *
store_minutes_item_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatMinutesItem) it = g_new0 (RapatMinutesItem, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "agenda_item", 0);
  it->agenda_item_id = r.id;
  it->position = store_row_int (&r, 1, "position", 1, G_MAXINT);
  it->title = store_row_text (&r, 2, "title", TRUE);
  it->notes = store_row_text_of (&r, 3, "minutes_item", 0, "notes");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&it);
}

/* Reads a decision from a row of DECISIONS_LIVE or DECISIONS_KEPT. */
RapatDecision *
store_decision_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatDecision) d = g_new0 (RapatDecision, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "decision", 0);
  d->id = r.id;
  d->meeting_id = sqlite3_column_int64 (stmt, 1);
  d->number = store_row_int (&r, 2, "number", 1, G_MAXINT);
  d->agenda_item_id = sqlite3_column_int64 (stmt, 3);
  d->item_position = sqlite3_column_int (stmt, 4);
  d->item_title = store_row_text_of (&r, 5, "agenda_item", 3, "title");
  d->text = store_row_text (&r, 6, "text", TRUE);
  d->created_at = store_row_time (&r, 7, "created_at");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&d);
}

/* Binds the fields every write of the minutes sets, ?2 to ?12. */
static void
minutes_bind (StoreStmt *stmt, const RapatMinutes *n)
{
  sqlite3_bind_int64 (stmt, 2, n->meeting_id);
  store_bind_id (stmt, 3, n->notulis_id);
  store_bind_id (stmt, 4, n->chair_id);
  store_bind_id (stmt, 5, n->held_start_utc);
  store_bind_id (stmt, 6, n->held_end_utc);
  store_bind_text (stmt, 7, n->summary);
  store_bind_text (stmt, 8, rapat_enum_name (&rapat_minutes_status_enum, n->status));
  sqlite3_bind_int (stmt, 9, n->version);
  store_bind_id (stmt, 10, n->finalized_at);
  sqlite3_bind_int64 (stmt, 11, n->created_at);
  sqlite3_bind_int64 (stmt, 12, n->updated_at);
}

gboolean
rapat_store_minutes_insert (RapatStore *store, RapatMinutes *minutes, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO minutes (meeting_id, notulis_id, chair_id, held_start_utc, held_end_utc, "
    "summary, status, version, finalized_at, created_at, updated_at) "
    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);

  if (stmt == NULL)
    return FALSE;
  minutes_bind (stmt, minutes);
  if (!store_step_done (store, stmt, _("unable to start the minutes"), error))
    return FALSE;
  minutes->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_minutes_update (RapatStore *store, const RapatMinutes *minutes, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE minutes SET meeting_id = ?2, notulis_id = ?3, chair_id = ?4, held_start_utc = ?5, "
    "held_end_utc = ?6, summary = ?7, status = ?8, version = ?9, finalized_at = ?10, "
    "created_at = ?11, updated_at = ?12 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->id);
  minutes_bind (stmt, minutes);
  return store_step_done (store, stmt, _("unable to change the minutes"), error);
}

/* Prepares @live (binding ?1 = @meeting_id) for the current version, or
 * @kept (?2 = @version) for a finalised one. */
static StoreStmt *
prepare_version (RapatStore *store, const char *live, const char *kept, gint64 meeting_id,
                 int version, GError **error)
{
  StoreStmt *stmt = store_prepare (store, version > 0 ? kept : live, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (version > 0)
    sqlite3_bind_int (stmt, 2, version);
  return stmt;
}

RapatMinutes *
rapat_store_minutes_get (RapatStore *store, gint64 meeting_id, int version, GError **error)
{
  g_autoptr(StoreStmt) stmt = prepare_version (store, MINUTES_LIVE, MINUTES_KEPT, meeting_id,
                                               version, error);

  if (stmt == NULL)
    return NULL;
  if (version > 0)
    {
      if (!store_step_row (store, stmt, _("unable to read the minutes"), error,
                           _("meeting %" PRId64 ": its minutes have no final version %d"),
                           meeting_id, version))
        return NULL;
    }
  else if (!store_step_row (store, stmt, _("unable to read the minutes"), error,
                            _("meeting %" PRId64 ": no minutes yet; start them with "
                              "'rapat minutes start'"), meeting_id))
    return NULL;
  return store_minutes_from_row (stmt, error);
}

/* Sets *@has when final version @version of the minutes of meeting
 * @meeting_id keeps @path (a JSON path): a record kept before the keep
 * statement wrote it has none.  NOT_FOUND when there is no such version. */
static gboolean
kept_has (RapatStore *store, gint64 meeting_id, int version, const char *path, gboolean *has,
          GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT json_type(record, ?3) IS NOT NULL FROM minutes_version "
    "WHERE meeting_id = ?1 AND version = ?2", error);

  *has = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, version);
  store_bind_text (stmt, 3, path);
  if (!store_step_row (store, stmt, _("unable to read the minutes"), error,
                       _("meeting %" PRId64 ": its minutes have no final version %d"),
                       meeting_id, version))
    return FALSE;
  *has = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Hands each of @items (RapatMinutesItem) the reviews kept in final
 * version @version of meeting @meeting_id: the actions as they stood when
 * it was signed and what the meeting heard of them. */
static gboolean
attach_kept_reviews (RapatStore *store, gint64 meeting_id, int version, GPtrArray *items,
                     GError **error)
{
  g_autoptr(StoreStmt) stmt = prepare_version (store, NULL, REVIEWS_KEPT, meeting_id, version,
                                               error);
  g_autoptr(GPtrArray) all = NULL;

  if (stmt == NULL)
    return FALSE;
  all = store_rows (store, stmt, (StoreRowFunc) store_review_from_row,
                    (GDestroyNotify) rapat_review_free, _("unable to read the reviewed actions"),
                    error);
  if (all == NULL)
    return FALSE;
  for (guint k = 0; k < all->len; k++)
    {
      RapatReview *v = all->pdata[k];

      for (guint i = 0; i < items->len; i++)
        {
          RapatMinutesItem *it = items->pdata[i];

          if (it->agenda_item_id != v->agenda_item_id)
            continue;
          if (it->reviews == NULL)
            it->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_review_free);
          g_ptr_array_add (it->reviews, g_steal_pointer (&all->pdata[k]));
          break;
        }
    }
  /* A review whose item the record lacks (none should) stays in @all and
   * is freed with it. */
  return TRUE;
}

GPtrArray *
rapat_store_minutes_items (RapatStore *store, gint64 meeting_id, int version, GError **error)
{
  g_autoptr(StoreStmt) stmt = prepare_version (store, ITEMS_LIVE, ITEMS_KEPT, meeting_id,
                                               version, error);
  g_autoptr(GPtrArray) items = NULL;
  gboolean kept = FALSE;

  if (stmt == NULL)
    return NULL;
  items = store_rows (store, stmt, (StoreRowFunc) store_minutes_item_from_row,
                      (GDestroyNotify) rapat_minutes_item_free,
                      _("unable to read the minutes' notes"), error);
  if (items == NULL || (version > 0 && !kept_has (store, meeting_id, version, "$.reviews",
                                                  &kept, error)))
    return NULL;
  if (kept)
    return attach_kept_reviews (store, meeting_id, version, items, error)
           ? g_steal_pointer (&items) : NULL;
  /* The current minutes show the reviewed actions now (store-review.c).
   * So does a version kept before the record held its reviews: what they
   * were when it was signed is not known, the live links are what there is. */
  if (!store_review_attach (store, meeting_id, items,
                            G_STRUCT_OFFSET (RapatMinutesItem, agenda_item_id),
                            G_STRUCT_OFFSET (RapatMinutesItem, reviews), error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
rapat_store_minutes_actions (RapatStore *store, gint64 meeting_id, int version, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  gboolean kept = FALSE;

  if (version > 0 && !kept_has (store, meeting_id, version, "$.actions", &kept, error))
    return NULL;
  /* A version kept before the record held its actions falls back to the
   * actions as they are now, as the current minutes show them. */
  if (!kept)
    return rapat_store_meeting_actions (store, meeting_id, error);
  stmt = prepare_version (store, NULL, ACTIONS_KEPT, meeting_id, version, error);
  if (stmt == NULL)
    return NULL;
  return store_rows (store, stmt, (StoreRowFunc) store_action_from_row,
                     (GDestroyNotify) rapat_action_free, _("unable to list actions"), error);
}

GPtrArray *
rapat_store_minutes_attendees (RapatStore *store, gint64 meeting_id, int version,
                               GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  gboolean kept = FALSE;

  if (version > 0 && !kept_has (store, meeting_id, version, "$.attendees", &kept, error))
    return NULL;
  /* Every record keeps its attendance (schema 10); one without it falls
   * back to the attendance as it is now. */
  if (!kept)
    return rapat_store_attendee_list (store, meeting_id, error);
  stmt = prepare_version (store, NULL, ATTENDEES_KEPT, meeting_id, version, error);
  if (stmt == NULL)
    return NULL;
  return store_rows (store, stmt, (StoreRowFunc) store_attendee_from_row,
                     (GDestroyNotify) rapat_attendee_free, _("unable to list attendees"), error);
}

GPtrArray *
rapat_store_decision_list (RapatStore *store, gint64 meeting_id, int version, GError **error)
{
  g_autoptr(StoreStmt) stmt = prepare_version (store, DECISIONS_LIVE, DECISIONS_KEPT,
                                               meeting_id, version, error);

  if (stmt == NULL)
    return NULL;
  return store_rows (store, stmt, (StoreRowFunc) store_decision_from_row,
                     (GDestroyNotify) rapat_decision_free, _("unable to list the decisions"),
                     error);
}

gboolean
rapat_store_minutes_set_note (RapatStore *store, gint64 agenda_item_id, const char *notes,
                              gint64 now, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO minutes_item (agenda_item_id, notes, updated_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (agenda_item_id) DO UPDATE SET notes = excluded.notes, "
    "updated_at = excluded.updated_at", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agenda_item_id);
  store_bind_text (stmt, 2, notes);
  sqlite3_bind_int64 (stmt, 3, now);
  return store_step_done (store, stmt, _("unable to record the notes"), error);
}

gboolean
rapat_store_decision_insert (RapatStore *store, RapatDecision *decision, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO decision (meeting_id, number, agenda_item_id, text, created_at) "
    "VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM decision WHERE meeting_id = ?1), "
    "?2, ?3, ?4) RETURNING id, number", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->meeting_id);
  store_bind_id (stmt, 2, decision->agenda_item_id);
  store_bind_text (stmt, 3, decision->text);
  sqlite3_bind_int64 (stmt, 4, decision->created_at);
  if (store_step_first (store, stmt, _("unable to record the decision"), error) != 1)
    {
      if (error != NULL && *error == NULL)
        store_set_error (store, error, _("unable to record the decision"));
      return FALSE;
    }
  decision->id = sqlite3_column_int64 (stmt, 0);
  decision->number = sqlite3_column_int (stmt, 1);
  return store_step_done (store, stmt, _("unable to record the decision"), error);
}

gint64
rapat_store_decision_find (RapatStore *store, gint64 meeting_id, int number, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id FROM decision WHERE meeting_id = ?1 AND number = ?2", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, number);
  switch (store_step_first (store, stmt, _("unable to read the decisions"), error))
    {
    case 1:
      return sqlite3_column_int64 (stmt, 0);
    case 0:
      return 0;
    default:
      return -1;
    }
}

gboolean
rapat_store_minutes_keep (RapatStore *store, gint64 meeting_id, gint64 by_id, GError **error)
{
  /* The record as it stands, whole: what was signed stays readable
   * whatever later happens to the people, the agenda or the decisions. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO minutes_version (meeting_id, version, record, finalized_at, finalized_by) "
    "SELECT n.meeting_id, n.version, json_object("
    "  'minutes', json_object('id', n.id, 'meeting_id', n.meeting_id, "
    "    'notulis_id', n.notulis_id, 'notulis_name', pn.name, 'notulis_position', pn.position, "
    "    'chair_id', n.chair_id, 'chair_name', pc.name, 'chair_position', pc.position, "
    "    'held_start_utc', n.held_start_utc, 'held_end_utc', n.held_end_utc, "
    "    'summary', n.summary, 'status', n.status, 'version', n.version, "
    "    'finalized_at', n.finalized_at, 'created_at', n.created_at, "
    "    'updated_at', n.updated_at, "
    "    'n_invited', (SELECT count(*) FROM attendee WHERE meeting_id = n.meeting_id), "
    "    'n_present', (SELECT count(*) FROM attendee WHERE meeting_id = n.meeting_id "
    "       AND (attendance = 'present' OR attendance = 'represented'))), "
    "  'items', (SELECT json_group_array(json_object('agenda_item_id', a.id, "
    "       'position', a.position, 'title', a.title, 'notes', mi.notes)) "
    "     FROM (SELECT * FROM agenda_item WHERE meeting_id = n.meeting_id ORDER BY position) a "
    "     LEFT JOIN minutes_item mi ON mi.agenda_item_id = a.id), "
    "  'decisions', (SELECT json_group_array(json_object('id', d.id, 'number', d.number, "
    "       'agenda_item_id', d.agenda_item_id, 'item_position', a.position, "
    "       'item_title', a.title, 'text', d.text, 'created_at', d.created_at)) "
    "     FROM (SELECT * FROM decision WHERE meeting_id = n.meeting_id ORDER BY number) d "
    "     LEFT JOIN agenda_item a ON a.id = d.agenda_item_id), "
    "  'attendees', (SELECT json_group_array(json_object('id', t.id, "
    "       'person_id', t.person_id, 'name', p.name, 'position', p.position, "
    "       'email', p.email, 'unit_id', p.unit_id, 'unit_name', u.name, 'unit_code', u.code, "
    "       'role', t.role, 'rsvp', t.rsvp, 'attendance', t.attendance, "
    "       'arrived_utc', t.arrived_utc, 'stand_in_id', t.represented_by, "
    "       'represented_by', s.name, 'stand_in_position', s.position, "
    "       'stand_in_email', s.email, 'note', t.note)) "
    "     FROM (SELECT * FROM attendee WHERE meeting_id = n.meeting_id ORDER BY id) t "
    "     JOIN person p ON p.id = t.person_id LEFT JOIN unit u ON u.id = p.unit_id "
    "     LEFT JOIN person s ON s.id = t.represented_by), "
    /* The follow-up raised in the meeting, and the actions its review
     * items reviewed with what was reported: as they stood when signed. */
    "  'actions', (SELECT json_group_array(" ACTION_JSON ") " ACTION_FROM
    "     WHERE a.meeting_id = n.meeting_id), "
    "  'reviews', (SELECT json_group_array(json_object('agenda_item_id', r.agenda_item_id, "
    "       'item_position', ai.position, 'position', r.position, "
    "       'reported_at', r.reported_at, 'reported_status', r.reported_status, "
    "       'reported_progress', r.reported_progress, 'reported_note', r.reported_note, "
    "       'action', " ACTION_JSON ")) "
    "     FROM agenda_item ai JOIN review_action r ON r.agenda_item_id = ai.id "
    "     JOIN action a ON a.id = r.action_id LEFT JOIN person p ON p.id = a.owner_person_id "
    "     LEFT JOIN unit pu ON pu.id = p.unit_id LEFT JOIN unit ou ON ou.id = a.owner_unit_id "
    "     LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN issue i ON i.id = a.issue_id "
    "     WHERE ai.meeting_id = n.meeting_id)), "
    "  n.finalized_at, ?2 "
    "FROM minutes n LEFT JOIN person pn ON pn.id = n.notulis_id "
    "LEFT JOIN person pc ON pc.id = n.chair_id "
    "WHERE n.meeting_id = ?1 AND n.status = 'final'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  store_bind_id (stmt, 2, by_id);
  if (!store_step_done (store, stmt, _("unable to keep the final minutes"), error))
    return FALSE;
  if (sqlite3_changes (store->db) != 1)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting %" PRId64 ": its minutes are not final"), meeting_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_store_minutes_mark_amended (RapatStore *store, gint64 meeting_id, int version,
                                  gint64 by_id, const char *reason, gint64 now, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE minutes_version SET amended_at = ?3, amended_by = ?4, amend_reason = ?5 "
    "WHERE meeting_id = ?1 AND version = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_int64 (stmt, 3, now);
  store_bind_id (stmt, 4, by_id);
  store_bind_text (stmt, 5, reason);
  return store_step_done (store, stmt, _("unable to amend the minutes"), error);
}

/* Reads a row of the version history. */
static RapatMinutesVersion *
version_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatMinutesVersion) v = g_new0 (RapatMinutesVersion, 1);
  StoreRow r;

  store_row_begin (&r, stmt, "minutes_version", 0);
  v->version = store_row_int (&r, 1, "version", 1, G_MAXINT);
  v->finalized_at = store_row_time (&r, 2, "finalized_at");
  v->finalized_by = store_row_text_of (&r, 3, "person", 0, "name");
  v->amended_at = store_row_time (&r, 4, "amended_at");
  v->amended_by = store_row_text_of (&r, 5, "person", 0, "name");
  v->amend_reason = store_row_text (&r, 6, "amend_reason", FALSE);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&v);
}

GPtrArray *
rapat_store_minutes_versions (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT v.id, v.version, v.finalized_at, f.name, v.amended_at, a.name, v.amend_reason "
    "FROM minutes_version v LEFT JOIN person f ON f.id = v.finalized_by "
    "LEFT JOIN person a ON a.id = v.amended_by WHERE v.meeting_id = ?1 ORDER BY v.version",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_rows (store, stmt, (StoreRowFunc) version_from_row,
                     (GDestroyNotify) rapat_minutes_version_free,
                     _("unable to read the minutes' versions"), error);
}

gboolean
rapat_store_minutes_item_notes (RapatStore *store, gint64 agenda_item_id, char **notes,
                                GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT agenda_item_id, notes FROM minutes_item WHERE agenda_item_id = ?1", error);
  StoreRow r;

  *notes = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agenda_item_id);
  switch (store_step_first (store, stmt, _("unable to read the minutes' notes"), error))
    {
    case 0:
      return TRUE;
    case 1:
      store_row_begin (&r, stmt, "minutes_item", 0);
      *notes = store_row_text (&r, 1, "notes", TRUE);
      if (store_row_end (&r, error))
        return TRUE;
      g_clear_pointer (notes, g_free);
      return FALSE;
    default:
      return FALSE;
    }
}

RapatDecision *
rapat_store_decision_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT d.id, d.meeting_id, d.number, d.agenda_item_id, a.position, a.title, d.text, "
    "d.created_at FROM decision d LEFT JOIN agenda_item a ON a.id = d.agenda_item_id "
    "WHERE d.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the decision"), error,
                       _("decision %" PRId64 ": no such decision"), id))
    return NULL;
  return store_decision_from_row (stmt, error);
}

void
rapat_issue_decision_free (RapatIssueDecision *d)
{
  if (d == NULL)
    return;
  rapat_decision_free (d->decision);
  g_free (d->meeting_title);
  g_free (d->meeting_tz);
  g_free (d);
}

/* Reads a row of rapat_store_issue_decisions(): the decision's columns,
 * then its meeting's and its minutes'. */
static RapatIssueDecision *
issue_decision_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatIssueDecision) d = g_new0 (RapatIssueDecision, 1);
  StoreRow r;

  d->decision = store_decision_from_row (stmt, error);
  if (d->decision == NULL)
    return NULL;
  store_row_begin (&r, stmt, "meeting", 1);
  d->meeting_title = store_row_text (&r, 8, "title", TRUE);
  d->meeting_start = store_row_time (&r, 9, "start_utc");
  d->meeting_tz = store_row_text (&r, 10, "tzid", TRUE);
  d->minutes_status = store_row_enum (&r, 11, "status", &rapat_minutes_status_enum, TRUE);
  d->minutes_version = store_row_int (&r, 12, "version", 1, G_MAXINT);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&d);
}

GPtrArray *
rapat_store_issue_decisions (RapatStore *store, gint64 issue_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT d.id, d.meeting_id, d.number, d.agenda_item_id, a.position, a.title, d.text, "
    "d.created_at, m.title, m.start_utc, m.tzid, n.status, n.version "
    "FROM agenda_item a JOIN decision d ON d.agenda_item_id = a.id "
    "JOIN meeting m ON m.id = d.meeting_id JOIN minutes n ON n.meeting_id = d.meeting_id "
    "WHERE a.issue_id = ?1 ORDER BY m.start_utc DESC, m.id DESC, d.number", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  return store_rows (store, stmt, (StoreRowFunc) issue_decision_from_row,
                     (GDestroyNotify) rapat_issue_decision_free,
                     _("unable to list the issue's decisions"), error);
}
