/* rapat — the store: settings kept in the database (table config). */
#include "store-private.h"

void
rapat_config_entry_free (RapatConfigEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->value);
  g_free (entry);
}

gboolean
rapat_store_config_get (RapatStore *store, const char *key, char **value, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "SELECT value FROM config WHERE key = ?1",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the settings"));
      return FALSE;
    }
  *value = rc == SQLITE_ROW ? store_column_text (stmt, 0) : NULL;
  return TRUE;
}

gboolean
rapat_store_config_set (RapatStore *store, const char *key, const char *value, gint64 now,
                        GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO config (key, value, updated_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, key);
  store_bind_text (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, now);
  return store_step_done (store, stmt, _("unable to store the setting"), error);
}

gboolean
rapat_store_config_unset (RapatStore *store, const char *key, gboolean *removed,
                          GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "DELETE FROM config WHERE key = ?1", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, key);
  if (!store_step_done (store, stmt, _("unable to remove the setting"), error))
    return FALSE;
  if (removed != NULL)
    *removed = sqlite3_changes (store->db) > 0;
  return TRUE;
}

/* Reads a setting: (key, value, updated_at).  Settings are rapat's own
 * (written by 'rapat config set'), read as they are. */
static RapatConfigEntry *
config_entry_from_row (StoreStmt *stmt, G_GNUC_UNUSED GError **error)
{
  RapatConfigEntry *e = g_new0 (RapatConfigEntry, 1);

  e->key = store_column_text (stmt, 0);
  e->value = store_column_text (stmt, 1);
  e->updated_at = sqlite3_column_int64 (stmt, 2);
  return e;
}

GPtrArray *
rapat_store_config_list (RapatStore *store, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT key, value, updated_at FROM config ORDER BY key", error);

  if (stmt == NULL)
    return NULL;
  return store_rows (store, stmt, (StoreRowFunc) config_entry_from_row,
                     (GDestroyNotify) rapat_config_entry_free, _("unable to read the settings"),
                     error);
}
