/* rapat fuzz target — one value of a valid demo database changed, the way
 * another program could (CHECK constraints and foreign keys off), then the
 * reading commands (fuzz-store.h).
 *
 * Input: byte 0 picks the table, byte 1 the column, byte 2 the row (by
 * offset), byte 3 the kind of value (text, integer, blob, real, NULL); the
 * rest is the value (text and blob as they are, possibly not UTF-8; an
 * integer or a real from its first 8 bytes, little-endian). */
#include <sqlite3.h>
#include <string.h>

#include "fuzz-store.h"

static char *path;
static char *template_data;
static gsize template_size;
static GPtrArray *tables;     /* char **: the table name, then its columns */

/* Builds the demo database once and keeps its bytes and its tables. */
static void
setup (void)
{
  static const char *const demo[] = { "demo", NULL };
  g_autofree char *tmpl = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  fuzz_init ();
  path = g_build_filename (fuzz_dir, "input.db", NULL);
  tmpl = g_build_filename (fuzz_dir, "demo.db", NULL);
  g_assert (fuzz_rapat (tmpl, demo) == 0);
  g_assert (sqlite3_open (tmpl, &db) == SQLITE_OK);
  /* A file of its own, with no WAL to copy along. */
  g_assert (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK);
  tables = g_ptr_array_new ();
  g_assert (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite%' ORDER BY name", -1, &stmt, NULL)
            == SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GPtrArray *t = g_ptr_array_new ();
      g_autofree char *sql = NULL;
      sqlite3_stmt *cols = NULL;

      g_ptr_array_add (t, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", (const char *) g_ptr_array_index (t, 0));
      g_assert (sqlite3_prepare_v2 (db, sql, -1, &cols, NULL) == SQLITE_OK);
      while (sqlite3_step (cols) == SQLITE_ROW)
        g_ptr_array_add (t, g_strdup ((const char *) sqlite3_column_text (cols, 1)));
      sqlite3_finalize (cols);
      g_ptr_array_add (t, NULL);
      g_ptr_array_add (tables, g_ptr_array_free (t, FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert (tables->len > 0);
  g_assert (g_file_get_contents (tmpl, &template_data, &template_size, NULL));
}

/* Writes the value the input describes into a fresh copy of the demo. */
static void
tamper (const uint8_t *data, size_t size)
{
  char **t = g_ptr_array_index (tables, data[0] % tables->len);
  guint n_cols = g_strv_length (t) - 1;
  const char *column = t[1 + data[1] % n_cols];
  const uint8_t *value = data + 4;
  size_t len = size - 4;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE \"%s\" SET \"%s\" = ?1 WHERE rowid = (SELECT rowid FROM \"%s\" ORDER BY rowid "
    "LIMIT 1 OFFSET ?2)", t[0], column, t[0]);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 number = 0;

  memcpy (&number, value, MIN (len, sizeof number));
  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = 1", NULL, NULL, NULL);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      switch (data[3] % 5)
        {
        case 0: sqlite3_bind_text (stmt, 1, (const char *) value, (int) len, SQLITE_STATIC); break;
        case 1: sqlite3_bind_int64 (stmt, 1, number); break;
        case 2: sqlite3_bind_blob (stmt, 1, value, (int) len, SQLITE_STATIC); break;
        case 3:
          {
            double d;
            memcpy (&d, &number, sizeof d);
            sqlite3_bind_double (stmt, 1, d);
            break;
          }
        default: sqlite3_bind_null (stmt, 1); break;
        }
      sqlite3_bind_int (stmt, 2, data[2]);
      sqlite3_step (stmt);      /* NOT NULL or UNIQUE may refuse it: then nothing changed */
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (path == NULL)
    setup ();
  if (size < 4)
    return 0;
  fuzz_unlink_db (path);
  g_assert (g_file_set_contents (path, template_data, (gssize) template_size, NULL));
  tamper (data, size);
  fuzz_commands (path);
  return 0;
}
