/* rapat — the store: a consistent copy of the archive ("rapat backup"). */
#include "store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Pages copied per step: small enough that a step never holds anything
 * long, large enough that a big archive takes few steps. */
#define BACKUP_PAGES 1024
/* How long a busy or locked step is retried, in all, and the pause between tries. */
#define BACKUP_BUSY_MS 10000
#define BACKUP_PAUSE_MS 20

/* Removes the temporary copy @tmp and whatever journal SQLite left with it. */
static void
discard (const char *tmp)
{
  static const char *const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (tmp, suffixes[i], NULL);
      g_unlink (side);
    }
  g_unlink (tmp);
}

/* Refuses @path when it is the database @db or one of its journal files,
 * or an existing file without @force. */
static gboolean
check_target (const char *db, const char *path, gboolean force, GError **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *abs_path = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = g_path_get_dirname (abs_path);
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *db_abs = g_canonicalize_filename (db, NULL);
  g_autofree char *db_dir = g_path_get_dirname (db_abs);
  g_autofree char *db_real_dir = realpath (db_dir, NULL);
  g_autofree char *base = g_path_get_basename (abs_path);
  g_autofree char *db_base = g_path_get_basename (db_abs);
  GStatBuf st, db_st;

  if (strcmp (db, ":memory:") == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("database '%s': an in-memory database has no file to copy"), db);
      return FALSE;
    }
  if (real_dir == NULL)
    {
      int saved = errno;
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("backup '%s': %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  /* The same file by another name (a link, "./", a symlinked folder). */
  if (g_stat (path, &st) == 0 && g_stat (db, &db_st) == 0 && st.st_dev == db_st.st_dev
      && st.st_ino == db_st.st_ino)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("backup '%s': is the database itself"), path);
      return FALSE;
    }
  for (guint i = 0; db_real_dir != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db_base, suffixes[i], NULL);

      if (strcmp (real_dir, db_real_dir) == 0 && strcmp (base, name) == 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       i == 0 ? _("backup '%s': is the database itself")
                              : _("backup '%s': is a journal file of the database"), path);
          return FALSE;
        }
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("backup '%s': is a directory"), path);
      return FALSE;
    }
  if (!force && g_lstat (path, &st) == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                   _("backup '%s': already exists (use --force to replace it)"), path);
      return FALSE;
    }
  return TRUE;
}

/* Copies @store's main database into @dest in steps, retrying a busy or
 * locked step; the copy is of one snapshot when the caller holds a read
 * transaction on @store (rapat's commands do), else SQLite restarts it
 * whenever another connection writes. */
static gboolean
copy_pages (RapatStore *store, sqlite3 *dest, const char *path, GError **error)
{
  sqlite3_backup *b = sqlite3_backup_init (dest, "main", store->db, "main");
  gint64 waited = 0;
  int rc;

  if (b == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_STORE, _("backup '%s': %s"), path,
                   sqlite3_errmsg (dest));
      return FALSE;
    }
  for (;;)
    {
      rc = sqlite3_backup_step (b, BACKUP_PAGES);
      if (rc == SQLITE_OK)
        continue;
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < BACKUP_BUSY_MS)
        {
          g_usleep (BACKUP_PAUSE_MS * 1000);
          waited += BACKUP_PAUSE_MS;
          continue;
        }
      break;
    }
  sqlite3_backup_finish (b);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_STORE, _("backup '%s': %s"), path,
                   sqlite3_errstr (rc));
      return FALSE;
    }
  if (sqlite3_errcode (dest) != SQLITE_OK)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_STORE, _("backup '%s': %s"), path,
                   sqlite3_errmsg (dest));
      return FALSE;
    }
  return TRUE;
}

/* Makes the copy at @dest a file of its own (rollback journal, not WAL:
 * one file to keep, readable from read-only media) and checks it. */
static gboolean
finish_copy (sqlite3 *dest, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *res;
  gboolean ok;

  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (dest, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_STORE, _("backup '%s': %s"), path,
                   sqlite3_errmsg (dest));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  res = (const char *) sqlite3_column_text (stmt, 0);
  ok = g_strcmp0 (res, "ok") == 0;
  if (!ok)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_STORE,
                 _("backup '%s': the copy fails its integrity check: %s"), path, res);
  sqlite3_finalize (stmt);
  return ok;
}

/* Flushes @path (a file or a folder) to the disk. */
static gboolean
sync_path (const char *path, gboolean dir, GError **error)
{
  int fd = g_open (path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to write '%s': %s"), path,
               g_strerror (saved));
  return FALSE;
}

gboolean
rapat_store_backup (RapatStore *store, const char *path, gboolean force, gint64 *size,
                    GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  GStatBuf st;
  gboolean ok;
  int fd;

  if (!check_target (store->path, path, force, error))
    return FALSE;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to create a file in '%s': %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("backup '%s': %s"), path,
                   dest != NULL ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      discard (tmp);
      return FALSE;
    }
  ok = copy_pages (store, dest, path, error) && finish_copy (dest, path, error);
  if (sqlite3_close (dest) != SQLITE_OK && ok)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("backup '%s': unable to close the copy"),
                   path);
      ok = FALSE;
    }
  ok = ok && sync_path (tmp, FALSE, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to write '%s': %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      discard (tmp);
      return FALSE;
    }
  /* The rename is durable once the folder is. */
  if (!sync_path (dir, TRUE, error))
    return FALSE;
  if (size != NULL)
    *size = g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
  return TRUE;
}
