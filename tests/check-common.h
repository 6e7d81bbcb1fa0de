/* rapat tests — shared helpers for the Check suites. */
#pragma once

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rapat.h"
#include "store.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

/* Runs @suite and returns the process exit status (0 when all passed). */
static inline int
rapat_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Asserts that @error is set in RAPAT_ERROR with @code, and frees it.
 * (The parameters are not called "code": that would rewrite ->code.) */
#define rapat_assert_error(error_, code_)                                        \
  do {                                                                           \
    int rapat_code_ = (code_);                                                   \
    ck_assert_msg ((error_) != NULL, "expected an error");                       \
    ck_assert_msg (g_error_matches ((error_), RAPAT_ERROR, rapat_code_),         \
                   "expected code %d, got %d: %s", rapat_code_,                  \
                   (error_)->code, (error_)->message);                           \
    g_clear_error (&(error_));                                                   \
  } while (0)

/* Asserts that @error is not set, printing its message if it is. */
#define rapat_assert_no_error(error_)                                            \
  ck_assert_msg ((error_) == NULL, "unexpected error: %s",                       \
                 (error_) != NULL ? (error_)->message : "")

/* Asserts that @error is set in RAPAT_ERROR with @code and that its message
 * contains @needle, and frees it. */
#define rapat_assert_error_contains(error_, code_, needle_)                      \
  do {                                                                           \
    const char *rapat_needle_ = (needle_);                                       \
    ck_assert_msg ((error_) != NULL, "expected an error");                       \
    ck_assert_msg (strstr ((error_)->message, rapat_needle_) != NULL,            \
                   "expected '%s' in the message: %s", rapat_needle_,            \
                   (error_)->message);                                           \
    rapat_assert_error ((error_), (code_));                                      \
  } while (0)

/* Returns a new private temp folder made from @template ("...-XXXXXX"),
 * failing the test if it cannot be made. */
static inline char *
rapat_test_tmpdir_new (const char *template_)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp (template_, &error);

  ck_assert_msg (dir != NULL, "cannot make a temp folder: %s", error != NULL ? error->message : "?");
  return dir;
}

/* Opens (creating it at the current schema) the store at @path,
 * ":memory:" or a file, failing the test if it cannot. */
static inline RapatStore *
rapat_test_store_open (const char *path)
{
  GError *error = NULL;
  RapatStore *store = rapat_store_open (path, &error);

  ck_assert_msg (store != NULL, "cannot open the store %s: %s", path,
                 error != NULL ? error->message : "?");
  return store;
}

/* Removes @path and everything below it (temp folders of the fixtures). */
static inline void
rapat_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rapat_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Returns every row of every table of the database file @path, read by a
 * connection of its own (so only what was committed): two dumps are equal
 * when a refused write changed nothing. */
static inline char *
rapat_test_dump_file (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "ORDER BY name", -1, &tables, NULL), SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;
      ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (rows, c) != NULL
                                    ? (const char *) sqlite3_column_text (rows, c) : "NULL");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}
