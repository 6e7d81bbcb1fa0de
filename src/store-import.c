/* rapat — the store: what 'import ics' keeps beyond rapat's own records
 * (schema/0016-import.sql). */
#include "store-private.h"
#include "store-import.h"

#include <string.h>

gboolean
rapat_store_import_state_get (RapatStore *store, const char *uid, RapatImportState *state,
                              GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT digest, sequence, stamp FROM ics_import WHERE uid = ?1", error);
  const unsigned char *digest;
  int found;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, uid);
  found = store_step_first (store, stmt, _("unable to read what was imported"), error);
  if (found <= 0)
    return FALSE;
  digest = sqlite3_column_text (stmt, 0);
  g_strlcpy (state->digest, digest != NULL ? (const char *) digest : "", sizeof state->digest);
  state->sequence = sqlite3_column_int64 (stmt, 1);
  state->stamp = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

gboolean
rapat_store_import_state_set (RapatStore *store, const char *uid, const RapatImportState *state,
                              gint64 now, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO ics_import (uid, digest, sequence, stamp, imported_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (uid) DO UPDATE SET digest = ?2, "
    "sequence = ?3, stamp = ?4, imported_at = ?5", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, uid);
  store_bind_text (stmt, 2, state->digest);
  sqlite3_bind_int64 (stmt, 3, state->sequence);
  sqlite3_bind_int64 (stmt, 4, state->stamp);
  sqlite3_bind_int64 (stmt, 5, now);
  return store_step_done (store, stmt, _("unable to keep what was imported"), error);
}

gboolean
rapat_store_import_extra_get (RapatStore *store, gint64 meeting_id, char **extra,
                              GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id, ics_extra FROM meeting WHERE id = ?1", error);
  StoreRow r;
  int found;

  *extra = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  found = store_step_first (store, stmt, _("unable to read the meeting"), error);
  if (found < 0)
    return FALSE;
  if (found == 0)
    return TRUE;
  store_row_begin (&r, stmt, "meeting", 0);
  *extra = store_row_text (&r, 1, "ics_extra", FALSE);
  if (!store_row_end (&r, error))
    {
      g_clear_pointer (extra, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_store_import_extra_set (RapatStore *store, gint64 meeting_id, const char *extra,
                              GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE meeting SET ics_extra = ?2 WHERE id = ?1 AND ics_extra IS NOT ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  store_bind_text (stmt, 2, extra);
  return store_step_done (store, stmt, _("unable to change the meeting"), error);
}

GPtrArray *
rapat_store_import_externals (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT meeting_id, organizer, address, name, role, partstat, delegated_to, delegated_from, "
    "cutype FROM external_invitee WHERE meeting_id = ?1 ORDER BY position", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_external_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatExternal *e = g_new0 (RapatExternal, 1);
      StoreRow r;

      store_row_begin (&r, stmt, "external_invitee", 0);
      e->organizer = sqlite3_column_int (stmt, 1) != 0;
      e->address = store_row_text (&r, 2, "address", TRUE);
      e->name = store_row_text (&r, 3, "name", FALSE);
      e->role = store_row_text (&r, 4, "role", TRUE);
      e->partstat = store_row_text (&r, 5, "partstat", TRUE);
      e->delegated_to = store_row_text (&r, 6, "delegated_to", FALSE);
      e->delegated_from = store_row_text (&r, 7, "delegated_from", FALSE);
      e->cutype = store_row_text (&r, 8, "cutype", TRUE);
      g_ptr_array_add (list, e);
      if (!store_row_end (&r, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to list the invitees"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
rapat_store_import_externals_set (RapatStore *store, gint64 meeting_id, GPtrArray *externals,
                                  gboolean replace, GError **error)
{
  g_autoptr(StoreStmt) ins = NULL;
  const char *context;

  if (replace)
    {
      g_autoptr(StoreStmt) del = store_prepare (store,
        "DELETE FROM external_invitee WHERE meeting_id = ?1", error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, meeting_id);
      if (!store_step_done (store, del, _("unable to change the invitees"), error))
        return FALSE;
    }
  if (externals == NULL || externals->len == 0)
    return TRUE;
  /* One cached statement stepped per row: binding plain values is several
   * times cheaper than handing SQLite the rows as JSON to take apart
   * again (an archive of 10,000 meetings has 200,000 of them). */
  ins = store_prepare (store,
    "INSERT INTO external_invitee (meeting_id, position, organizer, address, name, role, "
    "partstat, delegated_to, delegated_from, cutype) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (ins == NULL)
    return FALSE;
  context = _("unable to change the invitees");
  for (guint i = 0; i < externals->len; i++)
    {
      const RapatExternal *e = externals->pdata[i];

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, meeting_id);
      sqlite3_bind_int64 (ins, 2, (gint64) i + 1);
      sqlite3_bind_int (ins, 3, e->organizer ? 1 : 0);
      store_bind_text (ins, 4, e->address);
      store_bind_text (ins, 5, e->name);
      store_bind_text (ins, 6, e->role);
      store_bind_text (ins, 7, e->partstat);
      store_bind_text (ins, 8, e->delegated_to);
      store_bind_text (ins, 9, e->delegated_from);
      store_bind_text (ins, 10, e->cutype != NULL ? e->cutype : "individual");
      if (!store_step_done (store, ins, context, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapat_store_import_series_stamp (RapatStore *store, gint64 series_id, gint64 sequence,
                                 gint64 created, gint64 updated, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE series SET sequence = ?2, created_at = ?3, updated_at = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, sequence);
  sqlite3_bind_int64 (stmt, 3, created);
  sqlite3_bind_int64 (stmt, 4, updated);
  return store_step_done (store, stmt, _("unable to change the series"), error);
}

gboolean
rapat_store_import_series_rule (RapatStore *store, const RapatSeries *series, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "UPDATE series SET rrule = ?2, start_utc = ?3, duration_s = ?4, tzid = ?5 WHERE id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series->id);
  store_bind_text (stmt, 2, series->rrule);
  sqlite3_bind_int64 (stmt, 3, series->start_utc);
  sqlite3_bind_int64 (stmt, 4, series->duration_s);
  store_bind_text (stmt, 5, series->tzid);
  return store_step_done (store, stmt, _("unable to change the series"), error);
}

gint64
rapat_store_import_meeting_records (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT (SELECT count(*) FROM attendee WHERE meeting_id = ?1 AND attendance IS NOT NULL) "
    "+ (SELECT count(*) FROM agenda_item WHERE meeting_id = ?1) "
    "+ (SELECT count(*) FROM minutes WHERE meeting_id = ?1) "
    "+ (SELECT count(*) FROM action WHERE meeting_id = ?1)", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (store_step_first (store, stmt, _("unable to read the meeting"), error) <= 0)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
rapat_store_import_meeting_uid (RapatStore *store, gint64 meeting_id, const char *uid,
                                GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "UPDATE meeting SET uid = ?2 WHERE id = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  store_bind_text (stmt, 2, uid);
  return store_step_done (store, stmt, _("unable to change the meeting"), error);
}

gboolean
rapat_store_import_series_delete (RapatStore *store, gint64 series_id, GError **error)
{
  g_autoptr(StoreStmt) occ = store_prepare (store,
    "DELETE FROM meeting WHERE series_id = ?1", error);
  g_autoptr(StoreStmt) ser = NULL;

  if (occ == NULL)
    return FALSE;
  sqlite3_bind_int64 (occ, 1, series_id);
  if (!store_step_done (store, occ, _("unable to delete the series"), error))
    return FALSE;
  ser = store_prepare (store, "DELETE FROM series WHERE id = ?1", error);
  if (ser == NULL)
    return FALSE;
  sqlite3_bind_int64 (ser, 1, series_id);
  return store_step_done (store, ser, _("unable to delete the series"), error);
}

gboolean
rapat_store_import_attendees_clear (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "DELETE FROM attendee WHERE meeting_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return store_step_done (store, stmt, _("unable to change the invitees"), error);
}

char *
rapat_store_import_key (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT coalesce(m.ics_extra, '') || char(1) || coalesce((SELECT group_concat("
    "  e.organizer || char(2) || e.address || char(2) || coalesce(e.name, '') || char(2) || "
    "  e.role || char(2) || e.partstat || char(2) || coalesce(e.delegated_to, '') || char(2) || "
    "  coalesce(e.delegated_from, '') || char(2) || e.cutype, char(3)) FROM (SELECT * FROM external_invitee "
    "  WHERE meeting_id = m.id ORDER BY position) e), '') FROM meeting m WHERE m.id = ?1",
    error);
  const unsigned char *key;
  int found;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  found = store_step_first (store, stmt, _("unable to read the meeting"), error);
  if (found < 0)
    return NULL;
  key = found > 0 ? sqlite3_column_text (stmt, 0) : NULL;
  return g_strdup (key != NULL ? (const char *) key : "");
}
