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
  /* Digits: ids, in order, read on the rowid until enough are found. */
  [RAPAT_COMPLETE_MEETING] =
    "SELECT id, title, NULL, start_utc, tzid FROM meeting"
    " WHERE CAST(id AS TEXT) LIKE ?2 ESCAPE '\\' ORDER BY id LIMIT ?3",
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
  /* The kinds in use, from one to the next on the kind index: a seek per
   * kind rather than a read of every meeting. */
  [RAPAT_COMPLETE_KIND] =
    "WITH RECURSIVE k(v) AS (SELECT min(kind) FROM meeting"
    " UNION ALL SELECT (SELECT min(kind) FROM meeting WHERE kind > v) FROM k WHERE v IS NOT NULL)"
    " SELECT v, NULL, NULL, 0, NULL FROM k"
    " WHERE v IS NOT NULL AND v LIKE ?2 ESCAPE '\\' LIMIT ?3",
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

/* A word of letters: titles containing it (or uids starting with it),
 * taken in one pass over the table as long as they are few... */
static const char title_sql[] =
  "SELECT id, title, NULL, start_utc, tzid FROM meeting"
  " WHERE title LIKE ?1 ESCAPE '\\' OR uid LIKE ?2 ESCAPE '\\' LIMIT ?3";
/* ... and, when they are many, the nearest to ?4 (now) on the start index,
 * which then soon finds enough on either side. */
static const char title_near_sql[] =
  "SELECT id, title, NULL, start_utc, tzid FROM ("
  " SELECT * FROM (SELECT id, title, start_utc, tzid FROM meeting WHERE start_utc >= ?4"
  "  AND (title LIKE ?1 ESCAPE '\\' OR uid LIKE ?2 ESCAPE '\\') ORDER BY start_utc LIMIT ?3)"
  " UNION ALL"
  " SELECT * FROM (SELECT id, title, start_utc, tzid FROM meeting WHERE start_utc < ?4"
  "  AND (title LIKE ?1 ESCAPE '\\' OR uid LIKE ?2 ESCAPE '\\') ORDER BY start_utc DESC LIMIT ?3))"
  " ORDER BY abs(start_utc - ?4), id LIMIT ?3";

/* How many titles one pass keeps before the start index is used instead. */
#define FEW_TITLES 400

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

/* Runs @sql with the parameters of rapat_store_complete(), returning its
 * rows (RapatCompletion), or NULL with @error. */
static GPtrArray *
complete_query (RapatStore *store, const char *sql, const char *inside, const char *start,
                gint64 limit, gint64 scope_or_now, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_completion_free);
  g_autoptr(StoreStmt) stmt = store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, inside, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, scope_or_now);
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

/* The instant meetings are sorted by nearness to (qsort has no user data;
 * completion runs once per process). */
static gint64 sort_now;

/* Orders meetings by how near their start is to sort_now. */
static int
compare_nearness (gconstpointer a, gconstpointer b)
{
  const RapatCompletion *x = *(RapatCompletion *const *) a;
  const RapatCompletion *y = *(RapatCompletion *const *) b;
  gint64 dx = ABS (x->when - sort_now), dy = ABS (y->when - sort_now);

  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

/* Returns whether @word is made of ASCII digits only (an id typed). */
static gboolean
all_digits (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

GPtrArray *
rapat_store_complete (RapatStore *store, RapatCompleteKind kind, const char *word, gint64 scope,
                      gint64 now, guint limit, GError **error)
{
  g_autofree char *escaped = like_escape (word);
  g_autofree char *inside = g_strconcat ("%", escaped, "%", NULL);
  g_autofree char *start = g_strconcat (escaped, "%", NULL);
  GPtrArray *rows;

  g_return_val_if_fail (kind < G_N_ELEMENTS (complete_sql), NULL);
  if (kind == RAPAT_COMPLETE_MEETING && *word == '\0')
    return complete_query (store, near_sql, inside, start, limit, now, error);
  if (kind == RAPAT_COMPLETE_MEETING && !all_digits (word))
    {
      rows = complete_query (store, title_sql, inside, start, FEW_TITLES, now, error);
      if (rows == NULL || rows->len < FEW_TITLES)
        {
          if (rows != NULL)
            {
              sort_now = now;
              g_ptr_array_sort (rows, compare_nearness);
              if (rows->len > limit)
                g_ptr_array_set_size (rows, limit);
            }
          return rows;
        }
      g_ptr_array_unref (rows);
      return complete_query (store, title_near_sql, inside, start, limit, now, error);
    }
  return complete_query (store, complete_sql[kind], inside, start, limit,
                         kind == RAPAT_COMPLETE_ITEM || kind == RAPAT_COMPLETE_ATTENDEE ? scope : now,
                         error);
}
