/* rapat — the store: the heads of units, and saved groups of people. */
#include "store-private.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

gboolean
rapat_store_unit_set_head (RapatStore *store, gint64 unit_id, gint64 person_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  if (person_id != 0)
    {
      g_autoptr(StoreStmt) who = store_prepare (store,
        "SELECT p.name, p.unit_id, (SELECT name FROM unit WHERE id = p.unit_id), "
        "  (SELECT name FROM unit WHERE id = ?2) FROM person p WHERE p.id = ?1", error);

      if (who == NULL)
        return FALSE;
      sqlite3_bind_int64 (who, 1, person_id);
      sqlite3_bind_int64 (who, 2, unit_id);
      if (!store_step_row (store, who, _("unable to read the person"), error,
                           _("person '%" PRId64 "': not found"), person_id))
        return FALSE;
      if (sqlite3_column_int64 (who, 1) != unit_id)
        {
          /* Stored names: whole lines the store took, quoted whole. */
          const char *name = (const char *) sqlite3_column_text (who, 0);
          const char *unit = (const char *) sqlite3_column_text (who, 3);

          if (sqlite3_column_type (who, 2) == SQLITE_NULL)
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("person '%s': belongs to no unit, so cannot head unit '%s'"), name,
                         unit);
          else
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("person '%s': belongs to %s, so cannot head unit '%s'"), name,
                         (const char *) sqlite3_column_text (who, 2), unit);
          return FALSE;
        }
    }
  stmt = store_prepare (store, "UPDATE unit SET head_person_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  store_bind_id (stmt, 2, person_id);
  return store_step_done (store, stmt, _("unable to change the unit"), error);
}

/* The units in scope of rapat_store_unit_people(): ?1 and, when ?2, every
 * unit below it (a cycle, which the store never writes, ends at depth 100),
 * each once with its depth below ?1. */
#define SCOPE_SQL \
  "WITH RECURSIVE down (id, depth) AS (SELECT ?1, 0 UNION ALL " \
  "  SELECT u.id, d.depth + 1 FROM unit u JOIN down d ON u.parent_id = d.id " \
  "  WHERE ?2 AND d.depth < 100), " \
  "scope (id, depth) AS (SELECT id, min(depth) FROM down GROUP BY id) "

GArray *
rapat_store_unit_people (RapatStore *store, gint64 unit_id, gboolean subunits, gboolean heads,
                         GPtrArray *headless, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!heads)
    {
      stmt = store_prepare (store, SCOPE_SQL
        "SELECT p.id FROM scope s JOIN unit u ON u.id = s.id JOIN person p ON p.unit_id = u.id "
        "ORDER BY s.depth, rapat_fold(u.name), u.id, rapat_fold(p.name), p.id", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int (stmt, 2, subunits);
      return store_ids (store, stmt, _("unable to read the people"), error);
    }
  stmt = store_prepare (store, SCOPE_SQL
    "SELECT u.head_person_id, u.name FROM scope s JOIN unit u ON u.id = s.id "
    "ORDER BY s.depth, rapat_fold(u.name), u.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, subunits);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 head = sqlite3_column_int64 (stmt, 0);

      if (head != 0)
        g_array_append_val (ids, head);
      else if (headless != NULL)
        g_ptr_array_add (headless, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the units"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Fails with RAPAT_ERROR_EXISTS if another group (not @group itself) has
 * its name, compared as rapat_fold() compares names. */
static gboolean
group_check_unique (RapatStore *store, const RapatPersonGroup *group, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT id FROM person_group WHERE rapat_fold(name) = rapat_fold(?1) AND id IS NOT ?2",
    error);
  int found;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, group->name);
  store_bind_id (stmt, 2, group->id);
  found = store_step_first (store, stmt, _("unable to read the groups"), error);
  if (found < 0)
    return FALSE;
  if (found > 0)
    {
      g_autofree char *ex = rapat_text_excerpt (group->name);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                   _("group '%s': a group with this name already exists"), ex);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_store_group_insert (RapatStore *store, RapatPersonGroup *group, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  group->id = 0;
  if (!group_check_unique (store, group, error))
    return FALSE;
  stmt = store_prepare (store,
    "INSERT INTO person_group (name, description, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, group->name);
  store_bind_text (stmt, 2, group->description);
  sqlite3_bind_int64 (stmt, 3, rapat_time_now ());
  if (!store_step_done (store, stmt, _("unable to add the group"), error))
    return FALSE;
  group->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_group_update (RapatStore *store, const RapatPersonGroup *group, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  if (!group_check_unique (store, group, error))
    return FALSE;
  stmt = store_prepare (store,
    "UPDATE person_group SET name = ?2, description = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group->id);
  store_bind_text (stmt, 2, group->name);
  store_bind_text (stmt, 3, group->description);
  return store_step_done (store, stmt, _("unable to change the group"), error);
}

gboolean
rapat_store_group_delete (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, "DELETE FROM person_group WHERE id = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return store_step_done (store, stmt, _("unable to remove the group"), error);
}

/* Reads a group from the current row of a statement selecting GROUP_COLUMNS;
 * NULL with @error set when a value in it is bad. */
static RapatPersonGroup *
group_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatPersonGroup) g = rapat_person_group_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "person_group", 0);
  g->id = r.id;
  g->name = store_row_text (&r, 1, "name", TRUE);
  g->description = store_row_text (&r, 2, "description", FALSE);
  g->n_members = sqlite3_column_int64 (stmt, 3);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&g);
}

#define GROUP_COLUMNS \
  "g.id, g.name, g.description, (SELECT count(*) FROM group_member WHERE group_id = g.id) "

RapatPersonGroup *
rapat_store_group_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " GROUP_COLUMNS "FROM person_group g WHERE g.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the group"), error,
                       _("group '%" PRId64 "': not found"), id))
    return NULL;
  return group_from_row (stmt, error);
}

GPtrArray *
rapat_store_group_list (RapatStore *store, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " GROUP_COLUMNS "FROM person_group g ORDER BY rapat_fold(g.name), g.id", error);

  if (stmt == NULL)
    return NULL;
  return store_rows (store, stmt, (StoreRowFunc) group_from_row,
                     (GDestroyNotify) rapat_person_group_free, _("unable to list groups"), error);
}

gboolean
rapat_store_group_resolve (RapatStore *store, const char *text, gint64 *id, GError **error)
{
  return store_resolve (store, _("group"), text,
    "SELECT id FROM person_group WHERE id = ?1",
    "SELECT id, name, NULL, NULL FROM person_group "
    "WHERE rapat_fold(name) = rapat_fold(?1) ORDER BY id",
    "SELECT id, name, NULL, NULL FROM person_group "
    "WHERE instr(rapat_fold(name), rapat_fold(?1)) > 0 ORDER BY rapat_fold(name), id LIMIT 6",
    id, error);
}

gboolean
rapat_store_group_add_member (RapatStore *store, gint64 group_id, gint64 person_id,
                              gboolean *added, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "INSERT INTO group_member (group_id, person_id, added_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (group_id, person_id) DO NOTHING", error);

  *added = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, rapat_time_now ());
  if (!store_step_done (store, stmt, _("unable to add to the group"), error))
    return FALSE;
  *added = sqlite3_changes (store->db) > 0;
  return TRUE;
}

gboolean
rapat_store_group_remove_member (RapatStore *store, gint64 group_id, gint64 person_id,
                                 GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "DELETE FROM group_member WHERE group_id = ?1 AND person_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!store_step_done (store, stmt, _("unable to remove from the group"), error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_autoptr(RapatPerson) p = rapat_store_person_get (store, person_id, NULL);
      g_autoptr(RapatPersonGroup) g = rapat_store_group_get (store, group_id, NULL);
      g_autofree char *name = rapat_text_excerpt (p != NULL ? p->name : "?");

      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("person '%s': not a member of group '%s'"), name,
                   g != NULL ? g->name : "?");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
rapat_store_group_members (RapatStore *store, gint64 group_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " PERSON_COLUMNS "FROM group_member g JOIN person p ON p.id = g.person_id "
    "LEFT JOIN unit u ON u.id = p.unit_id WHERE g.group_id = ?1 "
    "ORDER BY rapat_fold(p.name), p.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return store_rows (store, stmt, (StoreRowFunc) store_person_from_row,
                     (GDestroyNotify) rapat_person_free, _("unable to list the group's members"),
                     error);
}
