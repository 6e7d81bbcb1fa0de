/* rapat — the store: the records shell completion offers (rapat __complete). */
#include "store-private.h"

#include <string.h>

void
rapat_completion_free (RapatCompletion *c)
{
  if (c == NULL)
    return;
  g_free (c->value);
  g_free (c->name);
  g_free (c->detail);
  g_free (c->tzid);
  g_free (c);
}

/* The statements, one per kind.  Parameters: ?1 a LIKE pattern for text
 * containing the word, ?2 one for text starting with it, ?3 the limit, ?4
 * the scope (a meeting) or now.  Columns: value, name, detail, when, tzid.
 * Ids are matched by their digits as text: "12" offers 12, 120, 1234. */
static const char *const complete_sql[] = {
  [RAPAT_COMPLETE_MEETING] =
    "SELECT id, title, NULL, start_utc, tzid FROM meeting"
    " WHERE CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\'"
    " OR uid LIKE ?2 ESCAPE '\\'"
    " ORDER BY CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' DESC, abs(start_utc - ?4), id LIMIT ?3",
  [RAPAT_COMPLETE_PERSON] =
    "SELECT id, name, position, 0, NULL FROM person"
    " WHERE CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'"
    " OR email LIKE ?2 ESCAPE '\\'"
    " ORDER BY CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' DESC, name COLLATE NOCASE, id LIMIT ?3",
  [RAPAT_COMPLETE_UNIT] =
    "SELECT coalesce(code, id), name, NULL, 0, NULL FROM unit"
    " WHERE code LIKE ?2 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'"
    " OR (code IS NULL AND CAST(id AS TEXT) LIKE ?2 ESCAPE '\\')"
    " ORDER BY name COLLATE NOCASE, id LIMIT ?3",
  [RAPAT_COMPLETE_ISSUE] =
    "SELECT id, title, status, 0, NULL FROM issue"
    " WHERE CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\'"
    " ORDER BY CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' DESC, id LIMIT ?3",
  [RAPAT_COMPLETE_ACTION] =
    "SELECT id, title, status, 0, NULL FROM action"
    " WHERE CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\'"
    " ORDER BY CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' DESC, status IN ('done', 'cancelled'), id"
    " LIMIT ?3",
  [RAPAT_COMPLETE_GROUP] =
    "SELECT id, name, NULL, 0, NULL FROM person_group"
    " WHERE CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'"
    " ORDER BY name COLLATE NOCASE, id LIMIT ?3",
  [RAPAT_COMPLETE_KIND] =
    "SELECT DISTINCT kind, NULL, NULL, 0, NULL FROM meeting"
    " WHERE kind LIKE ?2 ESCAPE '\\' ORDER BY kind LIMIT ?3",
  [RAPAT_COMPLETE_CATEGORY] =
    "SELECT DISTINCT category, NULL, NULL, 0, NULL FROM issue"
    " WHERE category LIKE ?2 ESCAPE '\\' ORDER BY category LIMIT ?3",
  [RAPAT_COMPLETE_ITEM] =
    "SELECT position, title, NULL, 0, NULL FROM agenda_item"
    " WHERE meeting_id = ?4 AND (CAST(position AS TEXT) LIKE ?2 ESCAPE '\\'"
    " OR title LIKE ?1 ESCAPE '\\') ORDER BY position LIMIT ?3",
  [RAPAT_COMPLETE_ATTENDEE] =
    "SELECT p.id, p.name, p.position, 0, NULL FROM attendee a JOIN person p ON p.id = a.person_id"
    " WHERE a.meeting_id = ?4 AND (CAST(p.id AS TEXT) LIKE ?2 ESCAPE '\\'"
    " OR p.name LIKE ?1 ESCAPE '\\' OR p.email LIKE ?2 ESCAPE '\\')"
    " ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3",
};

/* The meetings nearest to ?4 (now) when no word is typed: the next ones
 * and the last ones, each found on the start index. */
static const char near_sql[] =
  "SELECT id, title, NULL, start_utc, tzid FROM ("
  " SELECT * FROM (SELECT id, title, start_utc, tzid FROM meeting WHERE start_utc >= ?4"
  "  ORDER BY start_utc LIMIT ?3)"
  " UNION ALL"
  " SELECT * FROM (SELECT id, title, start_utc, tzid FROM meeting WHERE start_utc < ?4"
  "  ORDER BY start_utc DESC LIMIT ?3))"
  " ORDER BY abs(start_utc - ?4), id LIMIT ?3";

/* Returns @word with LIKE's wildcards and the escape character escaped. */
static char *
like_escape (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Returns a copy of text column @col when it is valid UTF-8, else NULL. */
static char *
column_utf8 (StoreStmt *stmt, int col)
{
  char *text = store_column_text (stmt, col);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_clear_pointer (&text, g_free);
  return text;
}

GPtrArray *
rapat_store_complete (RapatStore *store, RapatCompleteKind kind, const char *word, gint64 scope,
                      gint64 now, guint limit, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_completion_free);
  g_autofree char *escaped = like_escape (word);
  g_autofree char *inside = g_strconcat ("%", escaped, "%", NULL);
  g_autofree char *start = g_strconcat (escaped, "%", NULL);
  gboolean near = kind == RAPAT_COMPLETE_MEETING && *word == '\0';
  g_autoptr(StoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (kind < G_N_ELEMENTS (complete_sql), NULL);
  stmt = store_prepare (store, near ? near_sql : complete_sql[kind], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, inside, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4,
                      kind == RAPAT_COMPLETE_ITEM || kind == RAPAT_COMPLETE_ATTENDEE ? scope : now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapatCompletion) c = g_new0 (RapatCompletion, 1);

      c->value = column_utf8 (stmt, 0);
      c->name = column_utf8 (stmt, 1);
      c->detail = column_utf8 (stmt, 2);
      c->when = sqlite3_column_int64 (stmt, 3);
      c->tzid = column_utf8 (stmt, 4);
      if (c->value != NULL)
        g_ptr_array_add (rows, g_steal_pointer (&c));
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, "complete");
      return NULL;
    }
  return g_steal_pointer (&rows);
}
