/* rapat — the store: holidays (table holiday). */
#include "store-private.h"
#include "timeutil.h"

#include <string.h>

RapatHoliday *
rapat_holiday_new (const char *day, const char *name, int kind, const char *source)
{
  RapatHoliday *h = g_new0 (RapatHoliday, 1);

  h->day = g_strdup (day);
  h->name = g_strdup (name);
  h->kind = kind;
  h->source = g_strdup (source);
  return h;
}

void
rapat_holiday_free (RapatHoliday *h)
{
  if (h == NULL)
    return;
  g_free (h->day);
  g_free (h->name);
  g_free (h->source);
  g_free (h);
}

gboolean
rapat_store_holiday_add (RapatStore *store, RapatHoliday *h, gint64 now, gboolean *added,
                         GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO holiday (day, name, kind, source, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (day, name) DO NOTHING", error);
  g_autoptr(StoreStmt) find = NULL;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, h->day);
  store_bind_text (stmt, 2, h->name);
  store_bind_text (stmt, 3, rapat_enum_name (&rapat_holiday_kind_enum, h->kind));
  store_bind_text (stmt, 4, h->source);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!store_step_done (store, stmt, _("unable to add the holiday"), error))
    return FALSE;
  *added = sqlite3_changes (store->db) > 0;
  if (*added)
    {
      h->id = sqlite3_last_insert_rowid (store->db);
      return TRUE;
    }
  find = store_prepare (store, "SELECT id FROM holiday WHERE day = ?1 AND name = ?2", error);
  if (find == NULL)
    return FALSE;
  store_bind_text (find, 1, h->day);
  store_bind_text (find, 2, h->name);
  if (!store_step_row (store, find, _("unable to read the holidays"), error,
                       _("holiday '%s %s': not found"), h->day, h->name))
    return FALSE;
  h->id = sqlite3_column_int64 (find, 0);
  return TRUE;
}

/* Reads a holiday: (id, day, name, kind, source), each value checked. */
static RapatHoliday *
holiday_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatHoliday) h = g_new0 (RapatHoliday, 1);
  StoreRow r;
  int y, m, d;

  store_row_begin (&r, stmt, "holiday", 0);
  h->id = r.id;
  h->day = store_row_text (&r, 1, "day", TRUE);
  h->name = store_row_text (&r, 2, "name", TRUE);
  h->kind = store_row_enum (&r, 3, "kind", &rapat_holiday_kind_enum, TRUE);
  h->source = store_row_text (&r, 4, "source", FALSE);
  if (h->day != NULL && (strlen (h->day) != 10
                         || !rapat_time_parse_date ("day", h->day, &y, &m, &d, NULL)))
    store_row_problem (&r, "holiday", h->id, _("day is not a date YYYY-MM-DD"));
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&h);
}

GPtrArray *
rapat_store_holiday_list (RapatStore *store, const char *from, const char *to, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id, day, name, kind, source FROM holiday "
    "WHERE day BETWEEN ?1 AND ?2 ORDER BY day, name", error);

  if (stmt == NULL)
    return NULL;
  /* Bounds rather than "?1 IS NULL OR": the search then uses the index. */
  store_bind_text (stmt, 1, from != NULL ? from : "0000");
  store_bind_text (stmt, 2, to != NULL ? to : "9999-99-99");
  return store_rows (store, stmt, (StoreRowFunc) holiday_from_row,
                     (GDestroyNotify) rapat_holiday_free, _("unable to read the holidays"), error);
}

gint64
rapat_store_holiday_remove (RapatStore *store, const char *day, const char *name, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "DELETE FROM holiday WHERE day = ?1 AND (?2 IS NULL OR name = ?2)", error);

  if (stmt == NULL)
    return -1;
  store_bind_text (stmt, 1, day);
  store_bind_text (stmt, 2, name);
  if (!store_step_done (store, stmt, _("unable to remove the holiday"), error))
    return -1;
  return sqlite3_changes (store->db);
}
