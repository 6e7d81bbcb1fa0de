/* rapat fuzz targets on a whole database: what fuzz-dbfile.c and
 * fuzz-column.c share.  The commands run in-process through the same
 * dispatcher as the program (rapat_cmd_main(), which resets its options
 * after each run), so they take exactly the code paths of 'meeting list',
 * 'meeting show', 'report attendance' and 'export ics'. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A private folder for this process's database files. */
static char *fuzz_dir;

/* Removes the folder and what is in it (at exit). */
static void
fuzz_cleanup (void)
{
  g_autoptr(GDir) dir = fuzz_dir != NULL ? g_dir_open (fuzz_dir, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  if (fuzz_dir != NULL)
    g_rmdir (fuzz_dir);
}

/* Makes the folder and pins what the output depends on; stdout (the
 * commands' output) goes to /dev/null.  Run once. */
static void
fuzz_init (void)
{
  FILE *null = fopen ("/dev/null", "w");

  g_assert (null != NULL);
  g_assert (dup2 (fileno (null), STDOUT_FILENO) >= 0);
  fclose (null);
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("SOURCE_DATE_EPOCH", "1756771200", TRUE);
  /* In memory when there is a tmpfs: the store syncs every commit. */
  if (g_getenv ("TMPDIR") == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  fuzz_dir = g_dir_make_tmp ("rapat-fuzz-XXXXXX", NULL);
  g_assert (fuzz_dir != NULL);
  atexit (fuzz_cleanup);
}

/* Removes @path with its WAL files, so that nothing of a previous input
 * is replayed into the next. */
static void
fuzz_unlink_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

/* Runs rapat with --db @path and the arguments @args (NULL-terminated). */
static int
fuzz_rapat (const char *path, const char *const *args)
{
  const char *argv[16] = { "rapat", "--db", path };
  int argc = 3;

  for (; args[argc - 3] != NULL && argc < 15; argc++)
    argv[argc] = args[argc - 3];
  argv[argc] = NULL;
  return rapat_cmd_main (argc, (char **) argv);
}

/* Runs the reading commands on the database at @path.  Any exit status is
 * fine; a crash or a sanitizer report is the finding. */
static void
fuzz_commands (const char *path)
{
  static const char *const commands[][10] = {
    { "meeting", "list", NULL },
    { "meeting", "show", "1", NULL },
    { "report", "attendance", "--meeting", "1", NULL },
    { "report", "attendance", "--from", "1900-01-01", "--to", "9998-12-31", NULL },
    { "report", "attendance", "--from", "2025-01-01", "--to", "2026-01-01", "--by", "unit", NULL },
    { "export", "ics", NULL },
    { "unit", "list", NULL },
    { "person", "list", NULL },
    { "check", NULL },
    { "check", "--json", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fuzz_rapat (path, commands[i]);
}
