/* rapat — the store: units and people. */
#include "store-private.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


/* FALSE with @error when the units above unit @id form a cycle (the store
 * never writes one; another program may have), naming a unit in it. */
static gboolean
unit_check_chain (RapatStore *store, gint64 id, GError **error)
{
  /* Walk up at most one step more than there are units: a walk that long
   * went round a cycle, and the unit it stands on is in it. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "WITH RECURSIVE up (id, depth) AS (SELECT ?1, 0 UNION ALL "
    "  SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id "
    "  WHERE u.parent_id IS NOT NULL AND up.depth <= (SELECT count(*) FROM unit)) "
    "SELECT id FROM up WHERE depth > (SELECT count(*) FROM unit)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      store_set_bad_row (error, "unit", sqlite3_column_int64 (stmt, 0), _(STORE_UNIT_CYCLE));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the units"));
      return FALSE;
    }
  return TRUE;
}

/* Fails with RAPAT_ERROR_EXISTS if another unit (not @self) has @name or @code. */
static gboolean
unit_check_unique (RapatStore *store, const RapatUnit *unit, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT rapat_fold(name) = rapat_fold(?1) FROM unit WHERE id IS NOT ?3 "
    "AND (rapat_fold(name) = rapat_fold(?1) OR (?2 IS NOT NULL AND rapat_fold(code) = rapat_fold(?2)))",
    error);
  int found;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, unit->name);
  store_bind_text (stmt, 2, unit->code);
  store_bind_id (stmt, 3, unit->id);
  found = store_step_first (store, stmt, _("unable to read the units"), error);
  if (found < 0)
    return FALSE;
  if (found > 0)
    {
      if (sqlite3_column_int (stmt, 0))
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                     _("unit '%s': a unit with this name already exists"), unit->name);
      else
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                     _("code '%s': another unit already has this code"), unit->code);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_store_unit_insert (RapatStore *store, RapatUnit *unit, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  unit->id = 0;
  if (!unit_check_unique (store, unit, error))
    return FALSE;
  stmt = store_prepare (store,
    "INSERT INTO unit (name, code, parent_id, created_at) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, unit->name);
  store_bind_text (stmt, 2, unit->code);
  store_bind_id (stmt, 3, unit->parent_id);
  sqlite3_bind_int64 (stmt, 4, rapat_time_now ());
  if (!store_step_done (store, stmt, _("unable to add the unit"), error))
    return FALSE;
  unit->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_unit_update (RapatStore *store, const RapatUnit *unit, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  gboolean within;

  if (!unit_check_unique (store, unit, error)
      || !rapat_store_unit_is_within (store, unit->parent_id, unit->id, &within, error))
    return FALSE;
  if (within)
    {
      g_autoptr(RapatUnit) parent = rapat_store_unit_get (store, unit->parent_id, NULL);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("parent '%s': would place unit '%s' below itself"),
                   parent != NULL ? parent->name : "?", unit->name);
      return FALSE;
    }
  stmt = store_prepare (store, "UPDATE unit SET name = ?2, code = ?3, parent_id = ?4 WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit->id);
  store_bind_text (stmt, 2, unit->name);
  store_bind_text (stmt, 3, unit->code);
  store_bind_id (stmt, 4, unit->parent_id);
  return store_step_done (store, stmt, _("unable to change the unit"), error);
}

gboolean
rapat_store_unit_is_within (RapatStore *store, gint64 unit_id, gint64 ancestor_id,
                            gboolean *within, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  int rc;

  *within = FALSE;
  if (unit_id == 0 || ancestor_id == 0)
    return TRUE;
  stmt = store_prepare (store,
    "WITH RECURSIVE up (id, depth) AS (SELECT ?1, 0 UNION ALL "
    "  SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id "
    "  WHERE u.parent_id IS NOT NULL AND up.depth < 100) "
    "SELECT 1 FROM up WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, ancestor_id);
  rc = store_step_first (store, stmt, _("unable to read the units"), error);
  *within = rc == 1;
  return rc >= 0;
}

RapatUnit *
rapat_store_unit_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " UNIT_COLUMNS "FROM unit u LEFT JOIN unit p ON p.id = u.parent_id WHERE u.id = ?1",
    error);
  g_autoptr(RapatUnit) unit = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the unit"), error,
                       _("unit '%" PRId64 "': not found"), id))
    return NULL;
  unit = store_unit_from_row (stmt, error);
  if (unit == NULL)
    return NULL;
  g_clear_pointer (&stmt, store_stmt_release);
  if (!unit_check_chain (store, id, error))
    return NULL;
  return g_steal_pointer (&unit);
}

/* Appends @parent's children from @all (sorted by name) to @out, depth first. */
static void
unit_tree_append (GPtrArray *all, gint64 parent, GPtrArray *out, guint depth)
{
  for (guint i = 0; i < all->len; i++)
    {
      RapatUnit *u = all->pdata[i];

      if (u != NULL && u->parent_id == parent)
        {
          all->pdata[i] = NULL;
          g_ptr_array_add (out, u);
          if (depth < 64)
            unit_tree_append (all, u->id, out, depth + 1);
        }
    }
}

GPtrArray *
rapat_store_unit_list (RapatStore *store, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " UNIT_COLUMNS "FROM unit u LEFT JOIN unit p ON p.id = u.parent_id "
    "ORDER BY rapat_fold(u.name), u.id", error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_unit_free);

  if (stmt == NULL)
    return NULL;
  all = store_rows (store, stmt, (StoreRowFunc) store_unit_from_row,
                    (GDestroyNotify) rapat_unit_free, _("unable to list units"), error);
  if (all == NULL)
    return NULL;
  unit_tree_append (all, 0, out, 0);
  /* Anything left is in a cycle, below one, or has a parent outside the
   * tree: refuse the first, list the last rather than lose it. */
  for (guint i = 0; i < all->len; i++)
    if (all->pdata[i] != NULL)
      {
        RapatUnit *u = all->pdata[i];

        g_clear_pointer (&stmt, store_stmt_release);
        if (!unit_check_chain (store, u->id, error))
          return NULL;
        g_ptr_array_add (out, g_steal_pointer (&all->pdata[i]));
      }
  return g_steal_pointer (&out);
}

gboolean
rapat_store_unit_resolve (RapatStore *store, const char *text, gint64 *id, GError **error)
{
  return store_resolve (store, _("unit"), text,
    "SELECT id FROM unit WHERE id = ?1",
    "SELECT id, name, NULL, NULL FROM unit "
    "WHERE code = ?1 COLLATE NOCASE OR rapat_fold(name) = rapat_fold(?1) ORDER BY id",
    /* A part of the name, or the start of the code ("Kanwil" for KANWIL-MAL). */
    "SELECT id, name, NULL, NULL FROM unit "
    "WHERE instr(rapat_fold(name), rapat_fold(?1)) > 0 "
    "OR (code IS NOT NULL AND instr(rapat_fold(code), rapat_fold(?1)) = 1) "
    "ORDER BY rapat_fold(name), id LIMIT 6",
    id, error);
}


/* Fails with RAPAT_ERROR_EXISTS if someone else already has the person's
 * NIP or e-mail, the e-mail compared as rapat_fold() compares names (NFKC, case, invisible
 * characters).  People may share a name, as they do (two Budi Santoso),
 * so names are not checked: the e-mail is what tells them apart. */
static gboolean
person_check_unique (RapatStore *store, const RapatPerson *person, GError **error)
{
  g_autofree char *folded = NULL;

  if (person->nip != NULL)
    {
      g_autoptr(StoreStmt) stmt = store_prepare (store,
        "SELECT name FROM person WHERE nip = ?1 AND id IS NOT ?2", error);
      int found;

      if (stmt == NULL)
        return FALSE;
      store_bind_text (stmt, 1, person->nip);
      store_bind_id (stmt, 2, person->id);
      found = store_step_first (store, stmt, _("unable to read the people"), error);
      if (found < 0)
        return FALSE;
      if (found > 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                       _("NIP '%s': already belongs to %s"), person->nip,
                       sqlite3_column_text (stmt, 0));
          return FALSE;
        }
    }
  if (person->email == NULL)
    return TRUE;
  folded = rapat_text_fold (person->email);
  /* Three lookups, each on an index: the address in any ASCII case; its
   * folded form, when that is ASCII (full-width letters fold to ASCII);
   * and the few stored addresses beyond ASCII (person_email_wide_idx),
   * folded to compare.  An ASCII address stored can only match the first
   * two, as it folds to itself in lower case.  (One scan of every person
   * per insert made building 5,000 people take three seconds more.) */
  for (int pass = 0; pass < 3; pass++)
    {
      g_autoptr(StoreStmt) stmt = NULL;
      int found;

      if (pass == 1 && (strcmp (folded, person->email) == 0 || !g_str_is_ascii (folded)))
        continue;
      stmt = pass < 2
        ? store_prepare (store,
            "SELECT name FROM person WHERE email = ?1 COLLATE NOCASE AND id IS NOT ?2", error)
        : store_prepare (store,
            /* Named: with no statistics the planner would rather scan the
             * e-mail index, which holds everyone. */
            "SELECT name FROM person INDEXED BY person_email_wide_idx WHERE email IS NOT NULL "
            "AND length(CAST(email AS BLOB)) <> length(email) AND id IS NOT ?2 "
            "AND rapat_fold(email) = ?1", error);
      if (stmt == NULL)
        return FALSE;
      store_bind_text (stmt, 1, pass == 0 ? person->email : folded);
      store_bind_id (stmt, 2, person->id);
      found = store_step_first (store, stmt, _("unable to read the people"), error);
      if (found < 0)
        return FALSE;
      if (found > 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                       _("e-mail '%s': already belongs to %s"), person->email,
                       sqlite3_column_text (stmt, 0));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
rapat_store_person_insert (RapatStore *store, RapatPerson *person, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  person->id = 0;
  if (!person_check_unique (store, person, error))
    return FALSE;
  stmt = store_prepare (store,
    "INSERT INTO person (name, position, unit_id, email, phone, created_at, nip, pangkat, "
    "eselon, sort_rank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, person->name);
  store_bind_text (stmt, 2, person->position);
  store_bind_id (stmt, 3, person->unit_id);
  store_bind_text (stmt, 4, person->email);
  store_bind_text (stmt, 5, person->phone);
  sqlite3_bind_int64 (stmt, 6, rapat_time_now ());
  store_bind_text (stmt, 7, person->nip);
  store_bind_text (stmt, 8, person->pangkat);
  store_bind_text (stmt, 9, person->eselon);
  store_bind_id (stmt, 10, person->rank);
  if (!store_step_done (store, stmt, _("unable to add the person"), error))
    return FALSE;
  person->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

gboolean
rapat_store_person_update (RapatStore *store, const RapatPerson *person, GError **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  if (!person_check_unique (store, person, error))
    return FALSE;
  stmt = store_prepare (store,
    "UPDATE person SET name = ?2, position = ?3, unit_id = ?4, email = ?5, phone = ?6, "
    "nip = ?7, pangkat = ?8, eselon = ?9, sort_rank = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  store_bind_text (stmt, 2, person->name);
  store_bind_text (stmt, 3, person->position);
  store_bind_id (stmt, 4, person->unit_id);
  store_bind_text (stmt, 5, person->email);
  store_bind_text (stmt, 6, person->phone);
  store_bind_text (stmt, 7, person->nip);
  store_bind_text (stmt, 8, person->pangkat);
  store_bind_text (stmt, 9, person->eselon);
  store_bind_id (stmt, 10, person->rank);
  return store_step_done (store, stmt, _("unable to change the person"), error);
}

gboolean
rapat_store_person_delete (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) uses = store_prepare (store,
    "SELECT (SELECT count(*) FROM attendee WHERE person_id = ?1), "
    "       (SELECT count(*) FROM attendee WHERE represented_by = ?1), "
    "       (SELECT count(*) FROM meeting WHERE organizer_id = ?1), "
    "       (SELECT count(*) FROM agenda_item WHERE presenter_id = ?1), "
    "       (SELECT count(*) FROM action WHERE owner_person_id = ?1), "
    "       (SELECT name FROM person WHERE id = ?1)", error);
  g_autoptr(StoreStmt) stmt = NULL;
  gint64 total = 0;

  if (uses == NULL)
    return FALSE;
  sqlite3_bind_int64 (uses, 1, id);
  if (sqlite3_step (uses) != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to remove the person"));
      return FALSE;
    }
  for (int i = 0; i < 5; i++)
    total += sqlite3_column_int64 (uses, i);
  if (total > 0)
    {
      /* Counts as "label: n" pairs, which read the same for one or many. */
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   _("person '%s': still referenced (invited: %" PRId64 ", stand-in: %" PRId64
                     ", organizer: %" PRId64 ", presenter: %" PRId64 ", action owner: %" PRId64
                     "); remove those references first"),
                   sqlite3_column_text (uses, 5), (gint64) sqlite3_column_int64 (uses, 0),
                   (gint64) sqlite3_column_int64 (uses, 1), (gint64) sqlite3_column_int64 (uses, 2),
                   (gint64) sqlite3_column_int64 (uses, 3), (gint64) sqlite3_column_int64 (uses, 4));
      return FALSE;
    }
  stmt = store_prepare (store, "DELETE FROM person WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return store_step_done (store, stmt, _("unable to remove the person"), error);
}

RapatPerson *
rapat_store_person_get (RapatStore *store, gint64 id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " PERSON_COLUMNS "FROM person p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.id = ?1",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!store_step_row (store, stmt, _("unable to read the person"), error,
                       _("person '%" PRId64 "': not found"), id))
    return NULL;
  return store_person_from_row (stmt, error);
}

GPtrArray *
rapat_store_person_list (RapatStore *store, gint64 unit_id, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT " PERSON_COLUMNS "FROM person p LEFT JOIN unit u ON u.id = p.unit_id "
    "WHERE ?1 IS NULL OR p.unit_id = ?1 ORDER BY rapat_fold(p.name), p.id", error);

  if (stmt == NULL)
    return NULL;
  store_bind_id (stmt, 1, unit_id);
  return store_rows (store, stmt, (StoreRowFunc) store_person_from_row, (GDestroyNotify) rapat_person_free,
                     _("unable to list people"), error);
}

/* Appends "ID NAME (position, unit)" for the person in the current row of
 * @stmt (id, name, position, unit) to @list, after "; " unless it is first. */
static void
append_candidate (GString *list, StoreStmt *stmt)
{
  g_autofree char *name = rapat_text_excerpt ((const char *) sqlite3_column_text (stmt, 1));
  g_autofree char *position = rapat_text_excerpt ((const char *) sqlite3_column_text (stmt, 2));
  g_autofree char *unit = rapat_text_excerpt ((const char *) sqlite3_column_text (stmt, 3));

  g_string_append_printf (list, "%s%" PRId64 " %s", list->len > 0 ? "; " : "",
                          (gint64) sqlite3_column_int64 (stmt, 0), name);
  if (*position != '\0' && *unit != '\0')
    g_string_append_printf (list, " (%s, %s)", position, unit);
  else if (*position != '\0' || *unit != '\0')
    g_string_append_printf (list, " (%s)", *position != '\0' ? position : unit);
}

gboolean
rapat_store_person_resolve (RapatStore *store, const char *text, gint64 *id, GError **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *ex = NULL;
  g_autofree char *part = NULL;
  gint64 num, found = 0;
  int best = RAPAT_MATCH_NONE, n = 0, shown = 0;
  int rc;

  gboolean numeric = rapat_text_parse_id (text, &num);

  /* An id, and the checks of the text, as store_resolve() does them.  The
   * caller may pass no @error: the first answer is kept here to judge it. */
  {
    g_autoptr(GError) local = NULL;

    if (store_resolve (store, _("person"), text, "SELECT id FROM person WHERE id = ?1",
                       "SELECT id, name, NULL, NULL FROM person WHERE 0",
                       "SELECT id, name, NULL, NULL FROM person WHERE 0", id, &local))
      return TRUE;
    if (!g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }
  }

  /* The people the text names, in classes: an e-mail or a NIP, the whole
   * name, whole words of it, the start of a word, the inside of one
   * ("Andi" is Andi Latuconsina, not Lilik Sujandi).  One person in the
   * best class is the one meant; a number that is no id may be a whole
   * name or a NIP, never a part of a name. */
  part = rapat_text_fold (text);
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(StoreStmt) stmt = store_prepare (store,
        "SELECT p.id, p.name, p.position, u.name, rapat_fold(p.name), "
        "  p.email = ?1 COLLATE NOCASE OR p.nip IS replace(?1, ' ', '') FROM person p "
        "LEFT JOIN unit u ON u.id = p.unit_id "
        "WHERE p.email = ?1 COLLATE NOCASE OR p.nip = replace(?1, ' ', '') "
        "OR instr(rapat_fold(p.name), rapat_fold(?1)) > 0 ORDER BY rapat_fold(p.name), p.id",
        error);

      if (stmt == NULL)
        return FALSE;
      store_bind_text (stmt, 1, text);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int m = sqlite3_column_int (stmt, 5) ? RAPAT_MATCH_EXACT + 1
                  : rapat_text_match ((const char *) sqlite3_column_text (stmt, 4), part);

          if (numeric && m < RAPAT_MATCH_EXACT)
            continue;

          if (pass == 0 && m > best)
            {
              best = m;
              n = 0;
            }
          if (pass == 0 && m == best)
            {
              n++;
              found = sqlite3_column_int64 (stmt, 0);
            }
          else if (pass == 1 && m == best && shown++ < 5)
            append_candidate (list, stmt);
        }
      if (rc != SQLITE_DONE)
        {
          store_set_error (store, error, _("unable to read the people"));
          return FALSE;
        }
      if (pass == 0 && n <= 1)
        break;
    }
  ex = rapat_text_excerpt (text);
  if (n == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND, _("%s '%s': not found"), _("person"),
                   ex);
      return FALSE;
    }
  if (n == 1)
    {
      *id = found;
      return TRUE;
    }
  if (n > 5)
    g_string_append (list, "; ...");
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_AMBIGUOUS,
               _("person '%s': ambiguous, matches %s (use the id, the e-mail or the NIP)"), ex,
               list->str);
  return FALSE;
}

/* Returns the id of the row of @sql (one text parameter) or 0; -1 on failure. */
static gint64
find_one (RapatStore *store, const char *sql, const char *name, GError **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  store_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, name);
      return -1;
    }
  return 0;
}

gint64
rapat_store_unit_find (RapatStore *store, const char *name, GError **error)
{
  return find_one (store, "SELECT id FROM unit WHERE rapat_fold(name) = rapat_fold(?1) ORDER BY id",
                   name, error);
}

gint64
rapat_store_person_find (RapatStore *store, const char *name, GError **error)
{
  return find_one (store,
                   "SELECT id FROM person WHERE rapat_fold(name) = rapat_fold(?1) ORDER BY id",
                   name, error);
}

GHashTable *
rapat_store_meeting_nips (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(GHashTable) nips = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT p.id, p.nip FROM attendee a JOIN person p ON p.id = a.person_id "
    "WHERE a.meeting_id = ?1 AND p.nip IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (nips, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to read the people"));
      return NULL;
    }
  return g_steal_pointer (&nips);
}
