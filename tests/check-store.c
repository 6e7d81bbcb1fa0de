/* rapat tests — the SQLite store, on ":memory:" and on files in a temp folder.
 *
 * sqlite3.h is included only to craft fixture files and to read them back
 * independently; everything under test goes through the store API. */
#include "check-common.h"
#include "meeting.h"
#include "store.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

/* 2025-09-02 00:00 UTC: 09:00 WIT, when the Rakernis in Ambon began. */
#define DAY G_GINT64_CONSTANT (1756771200)
#define HOUR 3600

/* What the fixtures set up for a test. */
static struct {
  char *tmpdir;          /* a private folder, for the whole test case */
  RapatStore *store;     /* the store of the current test */
  guint n_paths;         /* files named so far in this process */
} fx;

/* ---- helpers: files ---- */

/* Unchecked fixture: creates the temp folder (once per test case, so that it
 * is removed even when a forked test fails). */
static void
tmpdir_setup (void)
{
  fx.tmpdir = rapat_test_tmpdir_new ("rapat-check-store-XXXXXX");
}

/* Unchecked fixture: removes the temp folder and all in it. */
static void
tmpdir_teardown (void)
{
  rapat_test_remove_tree (fx.tmpdir);
  g_clear_pointer (&fx.tmpdir, g_free);
}

/* Returns a path in the temp folder that no other test uses. */
static char *
new_path (const char *name)
{
  return g_strdup_printf ("%s/%s-%d-%u.db", fx.tmpdir, name, (int) getpid (), ++fx.n_paths);
}

/* Returns the contents of @path, failing the test if it cannot be read. */
static GBytes *
file_bytes (const char *path)
{
  GError *error = NULL;
  char *data = NULL;
  gsize len = 0;

  ck_assert_msg (g_file_get_contents (path, &data, &len, &error), "cannot read %s", path);
  rapat_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* Returns TRUE if @path with @suffix ("-wal", "-shm", "-journal") exists. */
static gboolean
sidecar_exists (const char *path, const char *suffix)
{
  g_autofree char *p = g_strconcat (path, suffix, NULL);

  return g_file_test (p, G_FILE_TEST_EXISTS);
}

/* Runs @sql on the SQLite file @path directly, bypassing the store. */
static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  ck_assert_int_eq (rc, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &msg);
  ck_assert_msg (rc == SQLITE_OK, "%s: %s", sql, msg != NULL ? msg : "?");
  sqlite3_close (db);
}

/* Returns the integer that @sql selects from the SQLite file @path. */
static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

/* ---- helpers: fixtures ---- */

/* Checked fixture: a fresh in-memory store. */
static void
memory_setup (void)
{
  fx.store = rapat_test_store_open (":memory:");
}

/* Checked fixture: a fresh store in a file of the temp folder. */
static void
file_setup (void)
{
  g_autofree char *path = new_path ("crud");

  fx.store = rapat_test_store_open (path);
}

/* Checked fixture: closes the store. */
static void
store_teardown (void)
{
  g_clear_pointer (&fx.store, rapat_store_free);
}

/* ---- helpers: records ---- */

/* Inserts a unit and returns its id. */
static gint64
add_unit (RapatStore *s, const char *name, const char *code, gint64 parent_id)
{
  g_autoptr(RapatUnit) u = rapat_unit_new ();
  GError *error = NULL;

  u->name = g_strdup (name);
  u->code = g_strdup (code);
  u->parent_id = parent_id;
  ck_assert_msg (rapat_store_unit_insert (s, u, &error), "unit '%s': %s", name,
                 error != NULL ? error->message : "");
  ck_assert_int_gt (u->id, 0);
  return u->id;
}

/* Inserts a person and returns their id. */
static gint64
add_person (RapatStore *s, const char *name, const char *position, gint64 unit_id,
            const char *email)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  p->position = g_strdup (position);
  p->unit_id = unit_id;
  p->email = g_strdup (email);
  ck_assert_msg (rapat_store_person_insert (s, p, &error), "person '%s': %s", name,
                 error != NULL ? error->message : "");
  ck_assert_int_gt (p->id, 0);
  return p->id;
}

/* Returns a meeting record in Asia/Jayapura, not yet stored. */
static RapatMeeting *
new_meeting (const char *title, gint64 start, gint64 end, const char *kind,
             RapatMeetingStatus status)
{
  RapatMeeting *m = rapat_meeting_new ();

  m->uid = rapat_uid_new ();
  m->title = g_strdup (title);
  m->kind = g_strdup (kind);
  m->start_utc = start;
  m->end_utc = end;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->status = status;
  m->created_at = DAY - 30 * 24 * HOUR;
  m->updated_at = m->created_at;
  return m;
}

/* Inserts a meeting and returns its id. */
static gint64
add_meeting (RapatStore *s, const char *title, gint64 start, gint64 end, const char *kind,
             RapatMeetingStatus status)
{
  g_autoptr(RapatMeeting) m = new_meeting (title, start, end, kind, status);
  GError *error = NULL;

  ck_assert_msg (rapat_store_meeting_insert (s, m, &error), "meeting '%s': %s", title,
                 error != NULL ? error->message : "");
  ck_assert_int_gt (m->id, 0);
  return m->id;
}

/* Inserts an agenda item at @position (0 = at the end) and returns the
 * position it got. */
static int
add_item (RapatStore *s, gint64 meeting_id, const char *title, int position, GError **error)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();

  item->meeting_id = meeting_id;
  item->title = g_strdup (title);
  item->duration_min = 15;
  item->position = position;
  if (!rapat_store_agenda_insert (s, item, error))
    return -1;
  ck_assert_int_gt (item->id, 0);
  return item->position;
}

/* Inserts an agenda item at the end, failing the test on error. */
static void
append_item (RapatStore *s, gint64 meeting_id, const char *title)
{
  GError *error = NULL;

  ck_assert_int_gt (add_item (s, meeting_id, title, 0, &error), 0);
  rapat_assert_no_error (error);
}

/* Invites a person with @role and returns the attendee id. */
static gint64
invite (RapatStore *s, gint64 meeting_id, gint64 person_id, RapatRole role)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  a->meeting_id = meeting_id;
  a->person_id = person_id;
  a->role = role;
  ck_assert_msg (rapat_store_attendee_insert (s, a, &error), "invite: %s",
                 error != NULL ? error->message : "");
  ck_assert_int_gt (a->id, 0);
  return a->id;
}

/* Returns the meeting's agenda titles joined by ",", after checking that
 * the positions run 1..n without gaps. */
static char *
agenda_order (RapatStore *s, gint64 meeting_id)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) items = rapat_store_agenda_list (s, meeting_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      RapatAgendaItem *item = items->pdata[i];

      ck_assert_msg (item->position == (int) i + 1, "item '%s' at position %d, expected %u",
                     item->title, item->position, i + 1);
      ck_assert_int_eq (item->meeting_id, meeting_id);
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", item->title);
    }
  return g_strdup (out->str);
}

/* Returns the names of the units in list order, joined by ",". */
static char *
unit_order (RapatStore *s)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) units = rapat_store_unit_list (s, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (units);
  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ((RapatUnit *) units->pdata[i])->name);
  return g_strdup (out->str);
}

/* Returns the names of the people of @unit_id (0 = all) in list order. */
static char *
person_order (RapatStore *s, gint64 unit_id)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) people = rapat_store_person_list (s, unit_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (people);
  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ((RapatPerson *) people->pdata[i])->name);
  return g_strdup (out->str);
}

/* Returns the titles of the meetings @filter selects, in list order. */
static char *
meeting_order (RapatStore *s, gint64 from, gint64 to, const char *kind, int status)
{
  RapatMeetingFilter filter = { from, to, kind, status };
  GError *error = NULL;
  g_autoptr(GPtrArray) meetings = rapat_store_meeting_list (s, &filter, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (meetings);
  for (guint i = 0; i < meetings->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ((RapatMeeting *) meetings->pdata[i])->title);
  return g_strdup (out->str);
}

/* Returns the names of the meeting's attendees in list order. */
static char *
attendee_order (RapatStore *s, gint64 meeting_id)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) list = rapat_store_attendee_list (s, meeting_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ((RapatAttendee *) list->pdata[i])->person_name);
  return g_strdup (out->str);
}

/* Asserts that resolving @text as a unit gives @expected. */
#define assert_unit_resolves(s, text, expected)                                  \
  do {                                                                           \
    GError *rerr_ = NULL;                                                        \
    gint64 rid_ = -1;                                                            \
    ck_assert_msg (rapat_store_unit_resolve ((s), (text), &rid_, &rerr_),        \
                   "unit '%s': %s", (text), rerr_ != NULL ? rerr_->message : ""); \
    ck_assert_int_eq (rid_, (expected));                                         \
  } while (0)

/* Asserts that resolving @text as a person gives @expected. */
#define assert_person_resolves(s, text, expected)                                \
  do {                                                                           \
    GError *rerr_ = NULL;                                                        \
    gint64 rid_ = -1;                                                            \
    ck_assert_msg (rapat_store_person_resolve ((s), (text), &rid_, &rerr_),      \
                   "person '%s': %s", (text), rerr_ != NULL ? rerr_->message : ""); \
    ck_assert_int_eq (rid_, (expected));                                         \
  } while (0)

/* ---- opening ---- */

START_TEST (test_open_creates_private_file)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("new");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(RapatStore) s = NULL;
  GStatBuf st;
  mode_t old_umask;

  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  /* Even a careless umask must not make the file readable by others. */
  old_umask = umask (0);
  s = rapat_store_open (path, &error);
  umask (old_umask);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (s);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_msg ((st.st_mode & 0777) == 0600, "mode %o", (unsigned) (st.st_mode & 0777));
  ck_assert_int_ge (rapat_store_latest_version (), 1);
  ck_assert_int_eq (rapat_store_version (s), rapat_store_latest_version ());
  add_unit (s, "Kanwil", NULL, 0);
  if (g_stat (wal, &st) == 0)
    ck_assert_msg ((st.st_mode & 0777) == 0600, "journal mode %o",
                   (unsigned) (st.st_mode & 0777));
  ck_assert (rapat_store_check (s, &error));
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_open_memory)
{
  GError *error = NULL;
  g_autoptr(RapatStore) s = rapat_store_open (":memory:", &error);
  g_autoptr(RapatStore) other = rapat_store_open (":memory:", &error);
  g_autofree char *names = NULL;
  g_autofree char *other_names = NULL;

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (s);
  ck_assert_ptr_nonnull (other);
  ck_assert_int_eq (rapat_store_version (s), rapat_store_latest_version ());
  ck_assert (rapat_store_check (s, &error));
  rapat_assert_no_error (error);
  ck_assert (!g_file_test (":memory:", G_FILE_TEST_EXISTS));
  /* Each in-memory store is private. */
  add_unit (s, "Kanwil", NULL, 0);
  names = unit_order (s);
  other_names = unit_order (other);
  ck_assert_str_eq (names, "Kanwil");
  ck_assert_str_eq (other_names, "");
}
END_TEST

START_TEST (test_open_reopen_keeps_data)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("reopen");
  RapatStore *s = rapat_store_open (path, &error);
  g_autoptr(RapatStore) again = NULL;
  g_autoptr(RapatUnit) u = NULL;
  gint64 id;

  rapat_assert_no_error (error);
  id = add_unit (s, "Rutan Kelas IIA Ambon", "RUTAN-AMB", 0);
  rapat_store_free (s);

  again = rapat_store_open (path, &error);
  rapat_assert_no_error (error);
  u = rapat_store_unit_get (again, id, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (u->name, "Rutan Kelas IIA Ambon");
  ck_assert_str_eq (u->code, "RUTAN-AMB");
  ck_assert_int_eq (rapat_store_version (again), rapat_store_latest_version ());
}
END_TEST

START_TEST (test_open_existing_empty_file)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("empty");
  g_autoptr(RapatStore) s = NULL;

  ck_assert (g_file_set_contents (path, "", 0, &error));
  rapat_assert_no_error (error);
  s = rapat_store_open (path, &error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (s);
  ck_assert_int_eq (rapat_store_version (s), rapat_store_latest_version ());
}
END_TEST

START_TEST (test_open_directory_refused)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("folder");
  g_autoptr(RapatStore) s = NULL;

  ck_assert_int_eq (g_mkdir (path, 0700), 0);
  s = rapat_store_open (path, &error);
  ck_assert_ptr_null (s);
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "is a directory");
  ck_assert (g_file_test (path, G_FILE_TEST_IS_DIR));
}
END_TEST

START_TEST (test_open_missing_folder_refused)
{
  GError *error = NULL;
  g_autofree char *folder = g_build_filename (fx.tmpdir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "rapat.db", NULL);
  g_autoptr(RapatStore) s = rapat_store_open (path, &error);

  ck_assert_ptr_null (s);
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "rapat.db");
  ck_assert (!g_file_test (folder, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_open_not_sqlite_refused)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("text");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RapatStore) s = NULL;

  while (text->len < 4096)
    g_string_append (text, "Notulen rapat: this file is not a database.\n");
  g_string_truncate (text, 4096);
  ck_assert (g_file_set_contents (path, text->str, text->len, &error));
  rapat_assert_no_error (error);
  before = file_bytes (path);

  s = rapat_store_open (path, &error);
  ck_assert_ptr_null (s);
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "not a database");

  after = file_bytes (path);
  ck_assert_uint_eq (g_bytes_get_size (after), 4096);
  ck_assert_msg (g_bytes_equal (before, after), "the refused file was changed");
  ck_assert (!sidecar_exists (path, "-wal"));
  ck_assert (!sidecar_exists (path, "-shm"));
  ck_assert (!sidecar_exists (path, "-journal"));
}
END_TEST

START_TEST (test_open_newer_schema_refused)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("newer");
  g_autofree char *expected = NULL;
  g_autoptr(RapatStore) s = NULL;

  sql_exec (path, "CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');"
                  "PRAGMA user_version = 99;");
  s = rapat_store_open (path, &error);
  ck_assert_ptr_null (s);
  expected = g_strdup_printf ("schema version 99 is newer than this rapat supports (%d)",
                              rapat_store_latest_version ());
  rapat_assert_error_contains (error, RAPAT_ERROR_SCHEMA, expected);

  /* Nothing was migrated or lost. */
  ck_assert_int_eq (sql_int (path, "PRAGMA user_version"), 99);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM future WHERE x = 'kept'"), 1);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM sqlite_master WHERE name <> 'future'"), 0);
  /* Refusing it again gives the same answer. */
  s = rapat_store_open_at_version (path, 1, &error);
  ck_assert_ptr_null (s);
  rapat_assert_error (error, RAPAT_ERROR_SCHEMA);
}
END_TEST

/* ---- migrations ---- */

/* Builds a database as release @_i left it, then opens it with this one. */
START_TEST (test_migrate_from_version)
{
  GError *error = NULL;
  int v = _i;
  g_autofree char *name = g_strdup_printf ("v%d", v);
  g_autofree char *path = new_path (name);
  RapatStore *old = rapat_store_open_at_version (path, v, &error);
  g_autoptr(RapatStore) s = NULL;
  g_autofree char *names = NULL;

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (old);
  ck_assert_int_eq (rapat_store_version (old), v);
  rapat_store_free (old);
  ck_assert_int_eq (sql_int (path, "PRAGMA user_version"), v);

  s = rapat_store_open (path, &error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (s);
  ck_assert_int_eq (rapat_store_version (s), rapat_store_latest_version ());
  ck_assert (rapat_store_check (s, &error));
  rapat_assert_no_error (error);
  /* The migrated schema is usable. */
  add_unit (s, "Kanwil", "KANWIL", 0);
  names = unit_order (s);
  ck_assert_str_eq (names, "Kanwil");
}
END_TEST

/* Schema 5 rebuilds the invitation and agenda tables: every row, stand-in
 * and parallel session survives, foreign keys hold, and the rules still
 * refuse bad values. */
START_TEST (test_migrate_5_keeps_rows)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("v4-rows");
  RapatStore *old = rapat_store_open_at_version (path, 4, &error);
  g_autoptr(RapatStore) s = NULL;
  sqlite3 *db = NULL;
  static const char *const refused[] = {
    "INSERT INTO attendee (meeting_id, person_id, role) VALUES (1, 3, 'boss')",
    "INSERT INTO attendee (meeting_id, person_id, rsvp) VALUES (1, 3, 'maybe')",
    "INSERT INTO attendee (meeting_id, person_id, attendance) VALUES (1, 3, 'late')",
    "INSERT INTO attendee (meeting_id, person_id, role) VALUES (1, 3, 'Chair')",
    "INSERT INTO agenda_item (meeting_id, position, title, type, duration_min) "
    "VALUES (1, 9, 'X', 'party', 10)",
    "UPDATE attendee SET role = 'guest' WHERE id = 20",
  };

  rapat_assert_no_error (error);
  rapat_store_free (old);
  sql_exec (path,
    "PRAGMA foreign_keys = ON;"
    "INSERT INTO person (id, name, created_at) VALUES (1, 'Ali', 0), (2, 'Budi', 0), (3, 'Citra', 0);"
    "INSERT INTO meeting (id, uid, title, start_utc, end_utc, tzid, created_at, updated_at) "
    "  VALUES (1, 'u1', 'Rakernis', 0, 3600, 'UTC', 0, 0), (2, 'u2', 'Rakor', 7200, 9000, 'UTC', 0, 0);"
    "INSERT INTO agenda_item (id, meeting_id, position, title, type, duration_min, presenter_id, room) "
    "  VALUES (10, 1, 1, 'Pembukaan', 'opening', 10, 1, NULL), (11, 1, 2, 'Panel A', 'discussion', 30, NULL, 'R1'),"
    "         (12, 1, 3, 'Panel B', 'discussion', 30, 2, 'R2'), (13, 2, 1, 'Evaluasi', 'review', 20, NULL, NULL);"
    "UPDATE agenda_item SET parallel_with = 11 WHERE id = 12;"
    "INSERT INTO attendee (id, meeting_id, person_id, role, rsvp, attendance, arrived_utc, represented_by, note) "
    "  VALUES (20, 1, 1, 'chair', 'accepted', 'present', 60, NULL, 'on time'),"
    "         (21, 1, 2, 'participant', 'declined', 'represented', NULL, 3, NULL),"
    "         (22, 2, 3, 'observer', 'tentative', NULL, NULL, NULL, NULL);");

  s = rapat_store_open (path, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_version (s), rapat_store_latest_version ());
  ck_assert (rapat_store_check (s, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM attendee"), 3);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM agenda_item"), 4);
  ck_assert_int_eq (sql_int (path, "SELECT parallel_with FROM agenda_item WHERE id = 12"), 11);
  ck_assert_int_eq (sql_int (path, "SELECT presenter_id FROM agenda_item WHERE id = 12"), 2);
  ck_assert_int_eq (sql_int (path, "SELECT represented_by FROM attendee WHERE id = 21"), 3);
  ck_assert_int_eq (sql_int (path, "SELECT arrived_utc FROM attendee WHERE id = 20"), 60);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM attendee WHERE note = 'on time' "
                                   "AND role = 'chair' AND rsvp = 'accepted'"), 1);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM agenda_item WHERE room = 'R2' "
                                   "AND type = 'discussion' AND title = 'Panel B'"), 1);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v4'"), 0);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                   "AND tbl_name IN ('attendee', 'agenda_item')"), 9);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  /* Schema 7 computed the times of every item, in parallel blocks too,
   * without counting that as a change. */
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM agenda_item WHERE "
                                   "(id = 10 AND start_utc = 0 AND end_utc = 600) OR "
                                   "(id = 11 AND start_utc = 600 AND end_utc = 2400) OR "
                                   "(id = 12 AND start_utc = 600 AND end_utc = 2400) OR "
                                   "(id = 13 AND start_utc = 7200 AND end_utc = 8400)"), 4);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM agenda_item WHERE sequence <> 0 "
                                   "OR updated_at IS NOT NULL"), 0);

  /* The rules are the same rules. */
  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    ck_assert_msg (sqlite3_exec (db, refused[i], NULL, NULL, NULL) == SQLITE_CONSTRAINT,
                   "accepted: %s", refused[i]);
  ck_assert_int_eq (sqlite3_exec (db, "INSERT INTO attendee (meeting_id, person_id, role, rsvp, "
                                      "attendance) VALUES (2, 1, 'optional', 'needs-action', 'sick')",
                                  NULL, NULL, NULL), SQLITE_OK);
  /* Deleting a parallel session's partner still clears the link. */
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM agenda_item WHERE id = 11",
                                  NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  ck_assert_int_eq (sql_int (path, "SELECT parallel_with IS NULL FROM agenda_item WHERE id = 12"), 1);
}
END_TEST

/* Schema 20 rebuilds the invitees kept from other calendars: every row
 * survives in its order, and the rules still refuse bad values. */
START_TEST (test_migrate_20_keeps_external_invitees)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("v19-external");
  RapatStore *old = rapat_store_open_at_version (path, 19, &error);
  g_autoptr(RapatStore) s = NULL;
  sqlite3 *db = NULL;
  static const char *const refused[] = {
    "INSERT INTO external_invitee (meeting_id, position, address, role) VALUES (1, 9, 'x@y', 'boss')",
    "INSERT INTO external_invitee (meeting_id, position, address, partstat) "
    "VALUES (1, 9, 'x@y', 'maybe')",
    "INSERT INTO external_invitee (meeting_id, position, address, organizer) VALUES (1, 9, 'x@y', 2)",
    "INSERT INTO external_invitee (meeting_id, position, address, role) VALUES (1, 9, 'x@y', 'Chair')",
    "INSERT INTO external_invitee (meeting_id, position, address) VALUES (1, 0, 'x@y')",
    "INSERT INTO external_invitee (meeting_id, position, address) VALUES (7, 9, 'x@y')",
    "UPDATE external_invitee SET partstat = 'busy' WHERE position = 1",
    "INSERT INTO external_invitee (meeting_id, position, address, cutype) VALUES (1, 9, 'x@y', 'robot')",
  };

  rapat_assert_no_error (error);
  rapat_store_free (old);
  sql_exec (path,
    "PRAGMA foreign_keys = ON;"
    "INSERT INTO meeting (id, uid, title, start_utc, end_utc, tzid, created_at, updated_at) "
    "  VALUES (1, 'u1', 'Rakor', 0, 3600, 'UTC', 0, 0);"
    "INSERT INTO external_invitee (meeting_id, position, organizer, address, name, role, partstat, "
    "  delegated_to, delegated_from) VALUES "
    "  (1, 1, 1, 'boss@example.org', 'Boss', 'chair', 'accepted', NULL, NULL),"
    "  (1, 2, 0, 'a@example.org', NULL, 'optional', 'delegated', 'b@example.org', NULL),"
    "  (1, 3, 0, 'b@example.org', 'B', 'participant', 'tentative', NULL, 'a@example.org');");

  s = rapat_store_open (path, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_version (s), rapat_store_latest_version ());
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM external_invitee"), 3);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM external_invitee WHERE "
                                   "(position = 1 AND organizer = 1 AND name = 'Boss' "
                                   "  AND role = 'chair' AND partstat = 'accepted') OR "
                                   "(position = 2 AND name IS NULL AND role = 'optional' "
                                   "  AND delegated_to = 'b@example.org') OR "
                                   "(position = 3 AND partstat = 'tentative' "
                                   "  AND delegated_from = 'a@example.org')"), 3);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM external_invitee "
                                   "WHERE cutype = 'individual'"), 3);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v19'"), 0);

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    ck_assert_msg (sqlite3_exec (db, refused[i], NULL, NULL, NULL) == SQLITE_CONSTRAINT,
                   "accepted: %s", refused[i]);
  ck_assert_int_eq (sqlite3_exec (db, "INSERT INTO external_invitee (meeting_id, position, address, "
                                      "role, partstat, cutype) VALUES (1, 4, 'c@example.org', "
                                      "'observer', 'declined', 'room')", NULL, NULL, NULL), SQLITE_OK);
  /* Deleting the meeting still deletes its invitees. */
  ck_assert_int_eq (sqlite3_exec (db, "DELETE FROM meeting WHERE id = 1", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);
  ck_assert_int_eq (sql_int (path, "SELECT count(*) FROM external_invitee"), 0);
}
END_TEST

/* A row that refers to a missing one (written with foreign keys off by
 * another program) stops an upgrade before anything changes, and the error
 * names it. */
START_TEST (test_migrate_refuses_broken_reference)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("v4-orphan");
  RapatStore *old = rapat_store_open_at_version (path, 4, &error);
  RapatStore *s;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  rapat_assert_no_error (error);
  rapat_store_free (old);
  sql_exec (path,
    "PRAGMA foreign_keys = OFF;"
    "INSERT INTO person (id, name, created_at) VALUES (1, 'Ali', 0);"
    "INSERT INTO meeting (id, uid, title, start_utc, end_utc, tzid, created_at, updated_at) "
    "  VALUES (1, 'u1', 'Rakernis', 0, 3600, 'UTC', 0, 0);"
    "INSERT INTO attendee (id, meeting_id, person_id) VALUES (30, 1, 1), (31, 1, 99);"
    "PRAGMA wal_checkpoint(TRUNCATE);");
  before = file_bytes (path);
  s = rapat_store_open (path, &error);
  ck_assert_ptr_null (s);
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_null (strchr (error->message, '\n'));
  ck_assert_msg (strstr (error->message, "'person'") != NULL, "%s", error->message);
  rapat_assert_error_contains (error, RAPAT_ERROR_SCHEMA, "row 31 of table 'attendee'");
  ck_assert_int_eq (sql_int (path, "PRAGMA user_version"), 4);
  after = file_bytes (path);
  ck_assert (g_bytes_equal (before, after));
}
END_TEST

START_TEST (test_migrate_explicit)
{
  GError *error = NULL;
  g_autoptr(RapatStore) s = rapat_store_open_at_version (":memory:", 0, &error);
  g_autoptr(GPtrArray) none = NULL;
  int latest = rapat_store_latest_version ();

  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_version (s), 0);
  /* Version 0 has no tables yet. */
  none = rapat_store_unit_list (s, &error);
  ck_assert_ptr_null (none);
  rapat_assert_error (error, RAPAT_ERROR_STORE);

  ck_assert (rapat_store_migrate (s, latest, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_version (s), latest);
  /* Migrating again, or to an older version, changes nothing. */
  ck_assert (rapat_store_migrate (s, latest, &error));
  ck_assert (rapat_store_migrate (s, 0, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_version (s), latest);
  add_unit (s, "Kanwil", NULL, 0);
}
END_TEST

/* ---- transactions ---- */

START_TEST (test_rollback_leaves_nothing)
{
  GError *error = NULL;
  g_autofree char *units = NULL;
  g_autofree char *people = NULL;
  gint64 unit_id, person_id;
  g_autoptr(RapatUnit) u = NULL;

  ck_assert (rapat_store_begin (fx.store, &error));
  rapat_assert_no_error (error);
  unit_id = add_unit (fx.store, "Kanwil", "KANWIL", 0);
  person_id = add_person (fx.store, "Ricky", NULL, unit_id, "ricky@example.org");
  add_meeting (fx.store, "Rakernis", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  rapat_store_rollback (fx.store);

  units = unit_order (fx.store);
  people = person_order (fx.store, 0);
  ck_assert_str_eq (units, "");
  ck_assert_str_eq (people, "");
  u = rapat_store_unit_get (fx.store, unit_id, &error);
  ck_assert_ptr_null (u);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  {
    g_autoptr(RapatPerson) p = rapat_store_person_get (fx.store, person_id, &error);
    g_autofree char *meetings = meeting_order (fx.store, 0, 0, NULL, -1);

    ck_assert_ptr_null (p);
    rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
    ck_assert_str_eq (meetings, "");
  }
  /* A rollback with no transaction open is harmless. */
  rapat_store_rollback (fx.store);
}
END_TEST

START_TEST (test_commit_keeps)
{
  GError *error = NULL;
  g_autofree char *units = NULL;

  ck_assert (rapat_store_begin (fx.store, &error));
  add_unit (fx.store, "Kanwil", NULL, 0);
  ck_assert (rapat_store_commit (fx.store, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_store_begin (fx.store, &error));
  add_unit (fx.store, "Dropped", NULL, 0);
  rapat_store_rollback (fx.store);
  units = unit_order (fx.store);
  ck_assert_str_eq (units, "Kanwil");
}
END_TEST

START_TEST (test_transactions_on_file)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("tx");
  RapatStore *s = rapat_store_open (path, &error);
  g_autoptr(RapatStore) again = NULL;
  g_autofree char *units = NULL;

  rapat_assert_no_error (error);
  ck_assert (rapat_store_begin (s, &error));
  add_unit (s, "Kept", NULL, 0);
  ck_assert (rapat_store_commit (s, &error));
  ck_assert (rapat_store_begin (s, &error));
  add_unit (s, "Dropped", NULL, 0);
  rapat_store_rollback (s);
  rapat_assert_no_error (error);
  rapat_store_free (s);

  again = rapat_store_open (path, &error);
  rapat_assert_no_error (error);
  units = unit_order (again);
  ck_assert_str_eq (units, "Kept");
}
END_TEST

START_TEST (test_begin_twice_refused)
{
  GError *error = NULL;

  ck_assert (rapat_store_begin (fx.store, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_store_begin (fx.store, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
  rapat_store_rollback (fx.store);
  ck_assert (!rapat_store_commit (fx.store, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
}
END_TEST

/* ---- units ---- */

START_TEST (test_unit_insert_get)
{
  GError *error = NULL;
  gint64 kanwil = add_unit (fx.store, "Kantor Wilayah Maluku", "KANWIL", 0);
  gint64 rutan = add_unit (fx.store, "Rutan Kelas IIA Ambon", NULL, kanwil);
  g_autoptr(RapatUnit) a = NULL;
  g_autoptr(RapatUnit) b = NULL;

  add_person (fx.store, "Fransina", NULL, rutan, NULL);
  add_person (fx.store, "Yusuf", NULL, rutan, NULL);
  a = rapat_store_unit_get (fx.store, kanwil, &error);
  rapat_assert_no_error (error);
  b = rapat_store_unit_get (fx.store, rutan, &error);
  rapat_assert_no_error (error);

  ck_assert_int_eq (a->id, kanwil);
  ck_assert_str_eq (a->name, "Kantor Wilayah Maluku");
  ck_assert_str_eq (a->code, "KANWIL");
  ck_assert_int_eq (a->parent_id, 0);
  ck_assert_ptr_null (a->parent_name);
  ck_assert_int_eq (a->n_people, 0);
  ck_assert_str_eq (b->name, "Rutan Kelas IIA Ambon");
  ck_assert_ptr_null (b->code);
  ck_assert_int_eq (b->parent_id, kanwil);
  ck_assert_str_eq (b->parent_name, "Kantor Wilayah Maluku");
  ck_assert_int_eq (b->n_people, 2);
}
END_TEST

START_TEST (test_unit_get_missing)
{
  GError *error = NULL;
  g_autoptr(RapatUnit) u = rapat_store_unit_get (fx.store, 42, &error);

  ck_assert_ptr_null (u);
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "unit '42'");
}
END_TEST

START_TEST (test_unit_update)
{
  GError *error = NULL;
  gint64 kanwil = add_unit (fx.store, "Kanwil", "KANWIL", 0);
  gint64 id = add_unit (fx.store, "Rutan Ambon", "RTA", 0);
  g_autoptr(RapatUnit) u = rapat_store_unit_get (fx.store, id, &error);
  g_autoptr(RapatUnit) back = NULL;

  rapat_assert_no_error (error);
  g_free (u->name);
  u->name = g_strdup ("Rutan Kelas IIA Ambon");
  g_clear_pointer (&u->code, g_free);
  u->parent_id = kanwil;
  ck_assert (rapat_store_unit_update (fx.store, u, &error));
  rapat_assert_no_error (error);
  back = rapat_store_unit_get (fx.store, id, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (back->name, "Rutan Kelas IIA Ambon");
  ck_assert_ptr_null (back->code);
  ck_assert_int_eq (back->parent_id, kanwil);
  ck_assert_str_eq (back->parent_name, "Kanwil");
  /* Updating a unit with its own name and code is not a duplicate. */
  ck_assert (rapat_store_unit_update (fx.store, back, &error));
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_unit_list_tree_order)
{
  g_autofree char *order = NULL;
  gint64 balai = add_unit (fx.store, "Balai Pemasyarakatan", NULL, 0);
  gint64 kanwil = add_unit (fx.store, "Kanwil Maluku", NULL, 0);

  add_unit (fx.store, "Rutan Ambon", NULL, kanwil);
  add_unit (fx.store, "Lapas Ambon", NULL, kanwil);
  /* Sorts before its parent by name, but must come after it. */
  add_unit (fx.store, "Anak Balai", NULL, balai);
  add_unit (fx.store, "bagian umum", NULL, 0);
  order = unit_order (fx.store);
  ck_assert_str_eq (order,
                    "bagian umum,Balai Pemasyarakatan,Anak Balai,Kanwil Maluku,Lapas Ambon,Rutan Ambon");
}
END_TEST

START_TEST (test_unit_duplicates)
{
  GError *error = NULL;
  g_autoptr(RapatUnit) clash_name = rapat_unit_new ();
  g_autoptr(RapatUnit) clash_code = rapat_unit_new ();
  g_autoptr(RapatUnit) lapas = NULL;
  gint64 lapas_id;
  g_autofree char *order = NULL;

  add_unit (fx.store, "Kantor Wilayah Maluku", "KANWIL", 0);
  lapas_id = add_unit (fx.store, "Lapas Ambon", "LPA", 0);

  clash_name->name = g_strdup ("KANTOR WILAYAH MALUKU");
  ck_assert (!rapat_store_unit_insert (fx.store, clash_name, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS, "a unit with this name already exists");
  ck_assert_int_eq (clash_name->id, 0);

  clash_code->name = g_strdup ("Kanwil Baru");
  clash_code->code = g_strdup ("kanwil");
  ck_assert (!rapat_store_unit_insert (fx.store, clash_code, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS, "code 'kanwil'");

  lapas = rapat_store_unit_get (fx.store, lapas_id, &error);
  rapat_assert_no_error (error);
  g_free (lapas->name);
  lapas->name = g_strdup ("kantor wilayah maluku");
  ck_assert (!rapat_store_unit_update (fx.store, lapas, &error));
  rapat_assert_error (error, RAPAT_ERROR_EXISTS);
  g_free (lapas->name);
  lapas->name = g_strdup ("Lapas Ambon");
  g_free (lapas->code);
  lapas->code = g_strdup ("Kanwil");
  ck_assert (!rapat_store_unit_update (fx.store, lapas, &error));
  rapat_assert_error (error, RAPAT_ERROR_EXISTS);

  order = unit_order (fx.store);
  ck_assert_str_eq (order, "Kantor Wilayah Maluku,Lapas Ambon");
}
END_TEST

START_TEST (test_unit_parent_cycle)
{
  GError *error = NULL;
  gint64 a = add_unit (fx.store, "A", NULL, 0);
  gint64 b = add_unit (fx.store, "B", NULL, a);
  gint64 c = add_unit (fx.store, "C", NULL, b);
  g_autoptr(RapatUnit) ua = rapat_store_unit_get (fx.store, a, &error);
  g_autoptr(RapatUnit) ub = rapat_store_unit_get (fx.store, b, &error);
  g_autoptr(RapatUnit) ua2 = NULL;
  g_autoptr(RapatUnit) ub2 = NULL;

  rapat_assert_no_error (error);
  ua->parent_id = c;            /* A below its grandchild */
  ck_assert (!rapat_store_unit_update (fx.store, ua, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "below itself");
  ua->parent_id = a;            /* A below itself */
  ck_assert (!rapat_store_unit_update (fx.store, ua, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ub->parent_id = c;            /* B below its child */
  ck_assert (!rapat_store_unit_update (fx.store, ub, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);

  ua2 = rapat_store_unit_get (fx.store, a, &error);
  ub2 = rapat_store_unit_get (fx.store, b, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (ua2->parent_id, 0);
  ck_assert_int_eq (ub2->parent_id, a);

  /* Moving a leaf up is fine. */
  {
    g_autoptr(RapatUnit) uc = rapat_store_unit_get (fx.store, c, &error);
    uc->parent_id = a;
    ck_assert (rapat_store_unit_update (fx.store, uc, &error));
    rapat_assert_no_error (error);
  }
}
END_TEST

START_TEST (test_unit_resolve)
{
  GError *error = NULL;
  gint64 kanwil = add_unit (fx.store, "Kantor Wilayah Maluku", "KANWIL", 0);
  gint64 rutan_ambon = add_unit (fx.store, "Rutan Kelas IIA Ambon", "RUTAN-AMB", kanwil);
  gint64 rutan_tual = add_unit (fx.store, "Rutan Kelas IIB Tual", NULL, kanwil);
  gint64 lapas = add_unit (fx.store, "Lapas Ambon", NULL, kanwil);
  gint64 lapas_timur = add_unit (fx.store, "Lapas Ambon Timur", NULL, kanwil);
  gint64 elise = add_unit (fx.store, "Ruang Élise", NULL, 0);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, rutan_tual);
  gint64 id = -1;

  assert_unit_resolves (fx.store, id_text, rutan_tual);
  assert_unit_resolves (fx.store, "Lapas Ambon", lapas);       /* exact beats partial */
  assert_unit_resolves (fx.store, "LAPAS AMBON", lapas);
  assert_unit_resolves (fx.store, "timur", lapas_timur);
  assert_unit_resolves (fx.store, "IIB", rutan_tual);
  assert_unit_resolves (fx.store, "rutan-amb", rutan_ambon);   /* by code */
  assert_unit_resolves (fx.store, "kanwil", kanwil);
  assert_unit_resolves (fx.store, "ÉLISE", elise);
  assert_unit_resolves (fx.store, "ruang élise", elise);

  ck_assert (!rapat_store_unit_resolve (fx.store, "Rutan", &id, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "Rutan Kelas IIA Ambon") != NULL
                 && strstr (error->message, "Rutan Kelas IIB Tual") != NULL,
                 "candidates missing: %s", error->message);
  rapat_assert_error_contains (error, RAPAT_ERROR_AMBIGUOUS, "unit 'Rutan': ambiguous");

  ck_assert (!rapat_store_unit_resolve (fx.store, "ambon", &id, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_AMBIGUOUS, "Lapas Ambon Timur");

  ck_assert (!rapat_store_unit_resolve (fx.store, "Saumlaki", &id, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "unit 'Saumlaki': not found");
  ck_assert (!rapat_store_unit_resolve (fx.store, "999", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  ck_assert (!rapat_store_unit_resolve (fx.store, "", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_store_unit_resolve (fx.store, "Amb\xff", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert_int_eq (id, -1);
}
END_TEST

START_TEST (test_unit_find)
{
  GError *error = NULL;
  gint64 elise = add_unit (fx.store, "Ruang Élise", NULL, 0);
  gint64 kanwil = add_unit (fx.store, "Kanwil", NULL, 0);

  ck_assert_int_eq (rapat_store_unit_find (fx.store, "Kanwil", &error), kanwil);
  ck_assert_int_eq (rapat_store_unit_find (fx.store, "KANWIL", &error), kanwil);
  ck_assert_int_eq (rapat_store_unit_find (fx.store, "RUANG ÉLISE", &error), elise);
  ck_assert_int_eq (rapat_store_unit_find (fx.store, "ruang élise", &error), elise);
  ck_assert_int_eq (rapat_store_unit_find (fx.store, "Kanw", &error), 0);
  ck_assert_int_eq (rapat_store_unit_find (fx.store, "Lapas", &error), 0);
  rapat_assert_no_error (error);
}
END_TEST

/* ---- people ---- */

START_TEST (test_person_insert_get_update)
{
  GError *error = NULL;
  gint64 kanwil = add_unit (fx.store, "Kanwil Maluku", NULL, 0);
  gint64 rutan = add_unit (fx.store, "Rutan Ambon", NULL, kanwil);
  gint64 id = add_person (fx.store, "Ricky Dwi Biantoro", "Kepala Kantor Wilayah", kanwil,
                          "kakanwil@example.org");
  g_autoptr(RapatPerson) p = rapat_store_person_get (fx.store, id, &error);
  g_autoptr(RapatPerson) back = NULL;
  g_autoptr(RapatPerson) missing = NULL;

  rapat_assert_no_error (error);
  ck_assert_int_eq (p->id, id);
  ck_assert_str_eq (p->name, "Ricky Dwi Biantoro");
  ck_assert_str_eq (p->position, "Kepala Kantor Wilayah");
  ck_assert_int_eq (p->unit_id, kanwil);
  ck_assert_str_eq (p->unit_name, "Kanwil Maluku");
  ck_assert_str_eq (p->email, "kakanwil@example.org");
  ck_assert_ptr_null (p->phone);

  g_free (p->position);
  p->position = g_strdup ("Kepala Rutan");
  p->unit_id = rutan;
  g_clear_pointer (&p->email, g_free);
  p->phone = g_strdup ("+62 911 123");
  ck_assert (rapat_store_person_update (fx.store, p, &error));
  rapat_assert_no_error (error);
  back = rapat_store_person_get (fx.store, id, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (back->position, "Kepala Rutan");
  ck_assert_str_eq (back->unit_name, "Rutan Ambon");
  ck_assert_ptr_null (back->email);
  ck_assert_str_eq (back->phone, "+62 911 123");

  missing = rapat_store_person_get (fx.store, id + 100, &error);
  ck_assert_ptr_null (missing);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_person_list_order_and_filter)
{
  gint64 kanwil = add_unit (fx.store, "Kanwil", NULL, 0);
  gint64 rutan = add_unit (fx.store, "Rutan", NULL, 0);
  g_autofree char *all = NULL;
  g_autofree char *in_kanwil = NULL;
  g_autofree char *in_rutan = NULL;

  add_person (fx.store, "charlie", NULL, rutan, NULL);
  add_person (fx.store, "Bob", NULL, kanwil, NULL);
  add_person (fx.store, "ahmad", NULL, kanwil, NULL);
  add_person (fx.store, "Dewi", NULL, 0, NULL);
  /* Sorted ignoring case, not by byte. */
  all = person_order (fx.store, 0);
  in_kanwil = person_order (fx.store, kanwil);
  in_rutan = person_order (fx.store, rutan);
  ck_assert_str_eq (all, "ahmad,Bob,charlie,Dewi");
  ck_assert_str_eq (in_kanwil, "ahmad,Bob");
  ck_assert_str_eq (in_rutan, "charlie");
}
END_TEST

START_TEST (test_person_duplicate_email)
{
  GError *error = NULL;
  g_autoptr(RapatPerson) clash = rapat_person_new ();
  gint64 other;
  g_autoptr(RapatPerson) p = NULL;

  add_person (fx.store, "Ricky Dwi Biantoro", NULL, 0, "kakanwil@example.org");
  /* People without an e-mail never clash. */
  add_person (fx.store, "Tanpa Surel", NULL, 0, NULL);
  other = add_person (fx.store, "Tanpa Surel Juga", NULL, 0, NULL);

  clash->name = g_strdup ("Someone Else");
  clash->email = g_strdup ("KAKANWIL@Example.ORG");
  ck_assert (!rapat_store_person_insert (fx.store, clash, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS, "already belongs to Ricky Dwi Biantoro");

  p = rapat_store_person_get (fx.store, other, &error);
  rapat_assert_no_error (error);
  p->email = g_strdup ("kakanwil@example.org");
  ck_assert (!rapat_store_person_update (fx.store, p, &error));
  rapat_assert_error (error, RAPAT_ERROR_EXISTS);
  {
    g_autoptr(RapatPerson) unchanged = rapat_store_person_get (fx.store, other, &error);
    ck_assert_ptr_null (unchanged->email);
  }
}
END_TEST

START_TEST (test_person_resolve)
{
  GError *error = NULL;
  gint64 ricky = add_person (fx.store, "Ricky Dwi Biantoro", NULL, 0, "kakanwil@example.org");
  gint64 ricardo = add_person (fx.store, "Ricardo Pattinama", NULL, 0, NULL);
  gint64 elise = add_person (fx.store, "Élise Matulessy", NULL, 0, "elise@example.org");
  gint64 fran = add_person (fx.store, "Fransina", NULL, 0, NULL);
  gint64 fran2 = add_person (fx.store, "Fransina Latuheru", NULL, 0, NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, ricardo);
  gint64 id = -1;

  assert_person_resolves (fx.store, id_text, ricardo);
  assert_person_resolves (fx.store, "KAKANWIL@EXAMPLE.ORG", ricky);
  assert_person_resolves (fx.store, "biantoro", ricky);
  assert_person_resolves (fx.store, "ÉLISE", elise);
  assert_person_resolves (fx.store, "élise", elise);            /* É and é fold together */
  assert_person_resolves (fx.store, "E\xcc\x81lise", elise);    /* and E + U+0301 too */
  assert_person_resolves (fx.store, "élise matulessy", elise);
  assert_person_resolves (fx.store, "Fransina", fran);          /* exact beats partial */
  assert_person_resolves (fx.store, "latuheru", fran2);

  ck_assert (!rapat_store_person_resolve (fx.store, "Ric", &id, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "Ricky Dwi Biantoro") != NULL
                 && strstr (error->message, "Ricardo Pattinama") != NULL,
                 "candidates missing: %s", error->message);
  rapat_assert_error_contains (error, RAPAT_ERROR_AMBIGUOUS, "(use the id, the e-mail or the NIP)");
  /* The start of a word beats the inside of one; whole words beat both. */
  add_person (fx.store, "Lilik Sujandi", NULL, 0, NULL);
  gint64 andi = add_person (fx.store, "Andi Latuconsina", NULL, 0, NULL);
  gint64 sahetapy = add_person (fx.store, "Hendrik Sahetapy", NULL, 0, NULL);
  add_person (fx.store, "Hendrik Sahetapyan", NULL, 0, NULL);
  assert_person_resolves (fx.store, "Andi", andi);
  assert_person_resolves (fx.store, "sahetapy", sahetapy);
  ck_assert (!rapat_store_person_resolve (fx.store, "Sahet", &id, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_AMBIGUOUS, "Hendrik Sahetapyan");
  /* A number that is no id is never a part of a name. */
  add_person (fx.store, "Regu 77", NULL, 0, NULL);
  ck_assert (!rapat_store_person_resolve (fx.store, "77", &id, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "person '77': not found");
  ck_assert (!rapat_store_person_resolve (fx.store, "Yohanis", &id, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "person 'Yohanis': not found");
  ck_assert_int_eq (id, -1);
}
END_TEST

START_TEST (test_person_find)
{
  GError *error = NULL;
  gint64 elise = add_person (fx.store, "Élise Matulessy", NULL, 0, NULL);

  ck_assert_int_eq (rapat_store_person_find (fx.store, "ÉLISE MATULESSY", &error), elise);
  ck_assert_int_eq (rapat_store_person_find (fx.store, "élise matulessy", &error), elise);
  ck_assert_int_eq (rapat_store_person_find (fx.store, "Élise", &error), 0);
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_person_delete_in_use)
{
  GError *error = NULL;
  gint64 invited = add_person (fx.store, "Invited", NULL, 0, NULL);
  gint64 organiser = add_person (fx.store, "Organiser", NULL, 0, NULL);
  gint64 presenter = add_person (fx.store, "Presenter", NULL, 0, NULL);
  gint64 stand_in = add_person (fx.store, "Stand-in", NULL, 0, NULL);
  gint64 absentee = add_person (fx.store, "Absentee", NULL, 0, NULL);
  gint64 free_person = add_person (fx.store, "Unattached", NULL, 0, NULL);
  g_autoptr(RapatMeeting) m = new_meeting ("Rakernis", DAY, DAY + 7 * HOUR, NULL,
                                           RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  g_autoptr(RapatAttendee) a = NULL;
  g_autoptr(RapatPerson) gone = NULL;
  const gint64 in_use[] = { invited, organiser, presenter, stand_in, absentee };

  m->organizer_id = organiser;
  ck_assert (rapat_store_meeting_insert (fx.store, m, &error));
  rapat_assert_no_error (error);
  invite (fx.store, m->id, invited, RAPAT_ROLE_PARTICIPANT);
  invite (fx.store, m->id, absentee, RAPAT_ROLE_PARTICIPANT);
  item->meeting_id = m->id;
  item->title = g_strdup ("Paparan");
  item->duration_min = 30;
  item->presenter_id = presenter;
  ck_assert (rapat_store_agenda_insert (fx.store, item, &error));
  rapat_assert_no_error (error);
  a = rapat_store_attendee_get (fx.store, m->id, absentee, &error);
  rapat_assert_no_error (error);
  a->attendance = RAPAT_ATTENDANCE_REPRESENTED;
  a->stand_in_id = stand_in;
  ck_assert (rapat_store_attendee_update (fx.store, a, &error));
  rapat_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (in_use); i++)
    {
      g_autoptr(RapatPerson) still = NULL;

      ck_assert_msg (!rapat_store_person_delete (fx.store, in_use[i], &error),
                     "deleted person %u", i);
      rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE, "still referenced");
      still = rapat_store_person_get (fx.store, in_use[i], &error);
      rapat_assert_no_error (error);
    }

  ck_assert (rapat_store_person_delete (fx.store, free_person, &error));
  rapat_assert_no_error (error);
  gone = rapat_store_person_get (fx.store, free_person, &error);
  ck_assert_ptr_null (gone);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);

  /* Once the meeting is gone, nobody is referenced any more. */
  ck_assert (rapat_store_meeting_delete (fx.store, m->id, &error));
  for (guint i = 0; i < G_N_ELEMENTS (in_use); i++)
    ck_assert_msg (rapat_store_person_delete (fx.store, in_use[i], &error),
                   "person %u: %s", i, error != NULL ? error->message : "");
  rapat_assert_no_error (error);
  {
    g_autofree char *people = person_order (fx.store, 0);
    ck_assert_str_eq (people, "");
  }
}
END_TEST

START_TEST (test_person_delete_message_names_person)
{
  GError *error = NULL;
  gint64 p = add_person (fx.store, "Ricky Dwi Biantoro", NULL, 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);

  invite (fx.store, m, p, RAPAT_ROLE_CHAIR);
  ck_assert (!rapat_store_person_delete (fx.store, p, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE,
                               "person 'Ricky Dwi Biantoro': still referenced (invited: 1,");
}
END_TEST

/* ---- meetings ---- */

START_TEST (test_meeting_insert_get)
{
  GError *error = NULL;
  gint64 org = add_person (fx.store, "Ricky", NULL, 0, "ricky@example.org");
  g_autoptr(RapatMeeting) m = new_meeting ("Rapat Kerja Teknis 2025", DAY, DAY + 7 * HOUR,
                                           "rakernis", RAPAT_MEETING_TENTATIVE);
  g_autoptr(RapatMeeting) got = NULL;

  m->description = g_strdup ("Rakernis Kanwil Maluku\nbaris kedua");
  m->location = g_strdup ("Aula Rutan Kelas IIA Ambon");
  m->sequence = 2;
  m->organizer_id = org;
  m->updated_at = DAY - HOUR;
  ck_assert (rapat_store_meeting_insert (fx.store, m, &error));
  rapat_assert_no_error (error);
  ck_assert_int_gt (m->id, 0);
  append_item (fx.store, m->id, "Pembukaan");
  invite (fx.store, m->id, org, RAPAT_ROLE_CHAIR);

  got = rapat_store_meeting_get (fx.store, m->id, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (got->id, m->id);
  ck_assert_str_eq (got->uid, m->uid);
  ck_assert_str_eq (got->title, "Rapat Kerja Teknis 2025");
  ck_assert_str_eq (got->kind, "rakernis");
  ck_assert_str_eq (got->description, "Rakernis Kanwil Maluku\nbaris kedua");
  ck_assert_str_eq (got->location, "Aula Rutan Kelas IIA Ambon");
  ck_assert_int_eq (got->start_utc, DAY);
  ck_assert_int_eq (got->end_utc, DAY + 7 * HOUR);
  ck_assert_str_eq (got->tzid, "Asia/Jayapura");
  ck_assert_int_eq (got->status, RAPAT_MEETING_TENTATIVE);
  ck_assert_int_eq (got->sequence, 2);
  ck_assert_int_eq (got->organizer_id, org);
  ck_assert_str_eq (got->organizer_name, "Ricky");
  ck_assert_str_eq (got->organizer_email, "ricky@example.org");
  ck_assert_ptr_null (got->cancel_reason);
  ck_assert_int_eq (got->created_at, DAY - 30 * 24 * HOUR);
  ck_assert_int_eq (got->updated_at, DAY - HOUR);
  ck_assert_int_eq (got->n_attendees, 1);
  ck_assert_int_eq (got->n_items, 1);
}
END_TEST

START_TEST (test_meeting_default_kind_and_missing)
{
  GError *error = NULL;
  gint64 id = add_meeting (fx.store, "Rapat", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) got = rapat_store_meeting_get (fx.store, id, &error);
  g_autoptr(RapatMeeting) missing = NULL;

  rapat_assert_no_error (error);
  ck_assert_str_eq (got->kind, "meeting");
  ck_assert_int_eq (got->status, RAPAT_MEETING_CONFIRMED);
  ck_assert_int_eq (got->organizer_id, 0);
  ck_assert_ptr_null (got->organizer_name);
  ck_assert_int_eq (got->n_items, 0);
  missing = rapat_store_meeting_get (fx.store, id + 1, &error);
  ck_assert_ptr_null (missing);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_meeting_update)
{
  GError *error = NULL;
  gint64 id = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, "rakernis",
                           RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) m = rapat_store_meeting_get (fx.store, id, &error);
  g_autoptr(RapatMeeting) got = NULL;
  g_autofree char *uid = g_strdup (m->uid);

  rapat_assert_no_error (error);
  g_free (m->title);
  m->title = g_strdup ("Rakernis (dibatalkan)");
  m->status = RAPAT_MEETING_CANCELLED;
  m->cancel_reason = g_strdup ("Cuaca buruk");
  m->sequence = 1;
  m->start_utc += HOUR;
  m->end_utc += HOUR;
  g_free (m->tzid);
  m->tzid = g_strdup ("+09:00");
  /* The uid is not written: it never changes. */
  g_free (m->uid);
  m->uid = g_strdup ("other@rapat");
  ck_assert (rapat_store_meeting_update (fx.store, m, &error));
  rapat_assert_no_error (error);

  got = rapat_store_meeting_get (fx.store, id, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (got->uid, uid);
  ck_assert_str_eq (got->title, "Rakernis (dibatalkan)");
  ck_assert_int_eq (got->status, RAPAT_MEETING_CANCELLED);
  ck_assert_str_eq (got->cancel_reason, "Cuaca buruk");
  ck_assert_int_eq (got->sequence, 1);
  ck_assert_int_eq (got->start_utc, DAY + HOUR);
  ck_assert_int_eq (got->end_utc, DAY + 8 * HOUR);
  ck_assert_str_eq (got->tzid, "+09:00");
}
END_TEST

START_TEST (test_meeting_find_uid)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) m = new_meeting ("Rakernis", DAY, DAY + HOUR, NULL,
                                           RAPAT_MEETING_CONFIRMED);

  add_meeting (fx.store, "Other", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  ck_assert (rapat_store_meeting_insert (fx.store, m, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_meeting_find_uid (fx.store, m->uid, &error), m->id);
  ck_assert_int_eq (rapat_store_meeting_find_uid (fx.store, "no-such-uid@rapat", &error), 0);
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_meeting_constraints)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) backwards = new_meeting ("Backwards", DAY + HOUR, DAY, NULL,
                                                   RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) empty = new_meeting ("Empty", DAY, DAY, NULL, RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) first = new_meeting ("First", DAY, DAY + HOUR, NULL,
                                               RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) same_uid = new_meeting ("Same uid", DAY, DAY + HOUR, NULL,
                                                  RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) bad_org = new_meeting ("Bad organiser", DAY, DAY + HOUR, NULL,
                                                 RAPAT_MEETING_CONFIRMED);
  g_autofree char *titles = NULL;

  ck_assert (!rapat_store_meeting_insert (fx.store, backwards, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
  ck_assert (!rapat_store_meeting_insert (fx.store, empty, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
  ck_assert (rapat_store_meeting_insert (fx.store, first, &error));
  rapat_assert_no_error (error);
  g_free (same_uid->uid);
  same_uid->uid = g_strdup (first->uid);
  ck_assert (!rapat_store_meeting_insert (fx.store, same_uid, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
  /* Foreign keys are enforced. */
  bad_org->organizer_id = 999;
  ck_assert (!rapat_store_meeting_insert (fx.store, bad_org, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
  titles = meeting_order (fx.store, 0, 0, NULL, -1);
  ck_assert_str_eq (titles, "First");
}
END_TEST

START_TEST (test_meeting_delete_cascades)
{
  GError *error = NULL;
  gint64 p1 = add_person (fx.store, "Ricky", NULL, 0, NULL);
  gint64 p2 = add_person (fx.store, "Fransina", NULL, 0, NULL);
  gint64 m1 = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                           RAPAT_MEETING_CONFIRMED);
  gint64 m2 = add_meeting (fx.store, "Rakor", DAY + 24 * HOUR, DAY + 26 * HOUR, NULL,
                           RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatMeeting) gone = NULL;
  g_autoptr(RapatMeeting) kept = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autofree char *kept_items = NULL;

  append_item (fx.store, m1, "Pembukaan");
  append_item (fx.store, m1, "Pengarahan");
  invite (fx.store, m1, p1, RAPAT_ROLE_CHAIR);
  invite (fx.store, m1, p2, RAPAT_ROLE_PARTICIPANT);
  append_item (fx.store, m2, "Evaluasi");
  invite (fx.store, m2, p2, RAPAT_ROLE_CHAIR);

  ck_assert (rapat_store_meeting_delete (fx.store, m1, &error));
  rapat_assert_no_error (error);

  gone = rapat_store_meeting_get (fx.store, m1, &error);
  ck_assert_ptr_null (gone);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  items = rapat_store_agenda_list (fx.store, m1, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (items->len, 0);
  attendees = rapat_store_attendee_list (fx.store, m1, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (attendees->len, 0);

  /* The other meeting keeps its agenda and attendees. */
  kept = rapat_store_meeting_get (fx.store, m2, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (kept->n_items, 1);
  ck_assert_int_eq (kept->n_attendees, 1);
  kept_items = agenda_order (fx.store, m2);
  ck_assert_str_eq (kept_items, "Evaluasi");
  /* Ricky was only in the deleted meeting. */
  ck_assert (rapat_store_person_delete (fx.store, p1, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_store_check (fx.store, &error));
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_meeting_list_range)
{
  /* Inserted out of order; the list is by start time. */
  add_meeting (fx.store, "C", DAY + 3 * HOUR, DAY + 4 * HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  add_meeting (fx.store, "A", DAY + 1 * HOUR, DAY + 2 * HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  add_meeting (fx.store, "B", DAY + 2 * HOUR, DAY + 3 * HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  add_meeting (fx.store, "Long", DAY - 48 * HOUR, DAY + 48 * HOUR, NULL,
               RAPAT_MEETING_CONFIRMED);

  static const struct {
    gint64 from, to;
    const char *titles;
  } cases[] = {
    { 0, 0, "Long,A,B,C" },
    /* A ends exactly at from and C starts exactly at to: neither overlaps. */
    { DAY + 2 * HOUR, DAY + 3 * HOUR, "Long,B" },
    { DAY + 1 * HOUR + 1800, 0, "Long,A,B,C" },
    { 0, DAY + 2 * HOUR, "Long,A" },
    { DAY + 2 * HOUR + 1800, DAY + 2 * HOUR + 1860, "Long,B" },
    { DAY + 4 * HOUR, 0, "Long" },
    { DAY + 48 * HOUR, 0, "" },
    { 0, DAY - 48 * HOUR, "" },
    { DAY - 72 * HOUR, DAY - 47 * HOUR, "Long" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *titles = meeting_order (fx.store, cases[i].from, cases[i].to, NULL, -1);
      ck_assert_msg (g_strcmp0 (titles, cases[i].titles) == 0, "case %u: got '%s', expected '%s'",
                     i, titles, cases[i].titles);
    }
}
END_TEST

START_TEST (test_meeting_list_kind_status)
{
  g_autofree char *rakor = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *none = NULL;
  g_autofree char *both = NULL;
  g_autofree char *ranged = NULL;

  add_meeting (fx.store, "Rapat biasa", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  add_meeting (fx.store, "Rakor Juli", DAY + HOUR, DAY + 2 * HOUR, "rakor",
               RAPAT_MEETING_CANCELLED);
  add_meeting (fx.store, "Rakor Agustus", DAY + 2 * HOUR, DAY + 3 * HOUR, "rakor",
               RAPAT_MEETING_CONFIRMED);
  add_meeting (fx.store, "Rakernis", DAY + 3 * HOUR, DAY + 4 * HOUR, "rakernis",
               RAPAT_MEETING_TENTATIVE);

  rakor = meeting_order (fx.store, 0, 0, "RAKOR", -1);
  plain = meeting_order (fx.store, 0, 0, "meeting", -1);
  cancelled = meeting_order (fx.store, 0, 0, NULL, RAPAT_MEETING_CANCELLED);
  confirmed = meeting_order (fx.store, 0, 0, NULL, RAPAT_MEETING_CONFIRMED);
  none = meeting_order (fx.store, 0, 0, "rapat", -1);
  both = meeting_order (fx.store, 0, 0, "rakor", RAPAT_MEETING_CONFIRMED);
  ranged = meeting_order (fx.store, DAY + 2 * HOUR, 0, "rakor", -1);
  ck_assert_str_eq (rakor, "Rakor Juli,Rakor Agustus");
  ck_assert_str_eq (plain, "Rapat biasa");
  ck_assert_str_eq (cancelled, "Rakor Juli");
  ck_assert_str_eq (confirmed, "Rapat biasa,Rakor Agustus");
  ck_assert_str_eq (none, "");
  ck_assert_str_eq (both, "Rakor Agustus");
  ck_assert_str_eq (ranged, "Rakor Agustus");
}
END_TEST

START_TEST (test_meeting_resolve)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) rakernis = new_meeting ("Rakernis 2025", DAY, DAY + 7 * HOUR, NULL,
                                                  RAPAT_MEETING_CONFIRMED);
  gint64 juli = add_meeting (fx.store, "Rapat Koordinasi Juli", DAY - 40 * 24 * HOUR,
                             DAY - 40 * 24 * HOUR + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  gint64 id = -1;

  add_meeting (fx.store, "Rapat Koordinasi Agustus", DAY - 10 * 24 * HOUR,
               DAY - 10 * 24 * HOUR + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  ck_assert (rapat_store_meeting_insert (fx.store, rakernis, &error));
  rapat_assert_no_error (error);

  ck_assert (rapat_store_meeting_resolve (fx.store, rakernis->uid, &id, &error));
  ck_assert_int_eq (id, rakernis->id);
  ck_assert (rapat_store_meeting_resolve (fx.store, "rakernis 2025", &id, &error));
  ck_assert_int_eq (id, rakernis->id);
  ck_assert (rapat_store_meeting_resolve (fx.store, "JULI", &id, &error));
  ck_assert_int_eq (id, juli);
  rapat_assert_no_error (error);

  id = -1;
  ck_assert (!rapat_store_meeting_resolve (fx.store, "koordinasi", &id, &error));
  ck_assert_ptr_nonnull (error);
  /* Candidates come with their day, in the meeting's zone, by start. */
  ck_assert_msg (strstr (error->message, "Rapat Koordinasi Juli (2025-07-24); ") != NULL
                 && strstr (error->message, "Rapat Koordinasi Agustus (2025-08-23)") != NULL,
                 "candidates missing: %s", error->message);
  rapat_assert_error (error, RAPAT_ERROR_AMBIGUOUS);
  ck_assert (!rapat_store_meeting_resolve (fx.store, "Rakerda", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  ck_assert_int_eq (id, -1);
}
END_TEST

/* ---- agenda ---- */

START_TEST (test_agenda_insert_at_end)
{
  GError *error = NULL;
  gint64 presenter = add_person (fx.store, "Ricky Dwi Biantoro", NULL, 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *order = NULL;
  RapatAgendaItem *got;

  ck_assert_int_eq (add_item (fx.store, m, "Pembukaan", 0, &error), 1);
  ck_assert_int_eq (add_item (fx.store, m, "Pengarahan", 0, &error), 2);
  ck_assert_int_eq (add_item (fx.store, m, "Istirahat", 0, &error), 3);
  /* A position past the end appends. */
  ck_assert_int_eq (add_item (fx.store, m, "Penutupan", 99, &error), 4);
  rapat_assert_no_error (error);

  item->meeting_id = m;
  item->title = g_strdup ("Paparan Kinerja");
  item->type = RAPAT_ITEM_PRESENTATION;
  item->duration_min = 45;
  item->presenter_id = presenter;
  item->notes = g_strdup ("Target 2025");
  item->position = 5;
  ck_assert (rapat_store_agenda_insert (fx.store, item, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (item->position, 5);

  order = agenda_order (fx.store, m);
  ck_assert_str_eq (order, "Pembukaan,Pengarahan,Istirahat,Penutupan,Paparan Kinerja");
  items = rapat_store_agenda_list (fx.store, m, &error);
  rapat_assert_no_error (error);
  got = items->pdata[4];
  ck_assert_int_eq (got->id, item->id);
  ck_assert_int_eq (got->type, RAPAT_ITEM_PRESENTATION);
  ck_assert_int_eq (got->duration_min, 45);
  ck_assert_int_eq (got->presenter_id, presenter);
  ck_assert_str_eq (got->presenter_name, "Ricky Dwi Biantoro");
  ck_assert_str_eq (got->notes, "Target 2025");
  got = items->pdata[0];
  ck_assert_int_eq (got->type, RAPAT_ITEM_DISCUSSION);
  ck_assert_int_eq (got->presenter_id, 0);
  ck_assert_ptr_null (got->presenter_name);
}
END_TEST

START_TEST (test_agenda_per_meeting)
{
  gint64 m1 = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                           RAPAT_MEETING_CONFIRMED);
  gint64 m2 = add_meeting (fx.store, "Rakor", DAY + 24 * HOUR, DAY + 26 * HOUR, NULL,
                           RAPAT_MEETING_CONFIRMED);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  append_item (fx.store, m1, "A1");
  append_item (fx.store, m2, "B1");
  append_item (fx.store, m1, "A2");
  append_item (fx.store, m2, "B2");
  append_item (fx.store, m2, "B3");
  a = agenda_order (fx.store, m1);
  b = agenda_order (fx.store, m2);
  ck_assert_str_eq (a, "A1,A2");
  ck_assert_str_eq (b, "B1,B2,B3");
}
END_TEST

START_TEST (test_agenda_update)
{
  GError *error = NULL;
  gint64 presenter = add_person (fx.store, "Fransina", NULL, 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAgendaItem) item = NULL;
  g_autoptr(RapatAgendaItem) got = NULL;

  append_item (fx.store, m, "Pembukaan");
  append_item (fx.store, m, "Diskusi");
  item = rapat_store_agenda_resolve (fx.store, m, "2", &error);
  rapat_assert_no_error (error);
  g_free (item->title);
  item->title = g_strdup ("Diskusi isu strategis");
  item->type = RAPAT_ITEM_REVIEW;
  item->duration_min = 90;
  item->presenter_id = presenter;
  item->notes = g_strdup ("Narkoba dan penipuan");
  ck_assert (rapat_store_agenda_update (fx.store, item, &error));
  rapat_assert_no_error (error);

  got = rapat_store_agenda_resolve (fx.store, m, "2", &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (got->id, item->id);
  ck_assert_str_eq (got->title, "Diskusi isu strategis");
  ck_assert_int_eq (got->type, RAPAT_ITEM_REVIEW);
  ck_assert_int_eq (got->duration_min, 90);
  ck_assert_str_eq (got->presenter_name, "Fransina");
  ck_assert_str_eq (got->notes, "Narkoba dan penipuan");
  ck_assert_int_eq (got->position, 2);
}
END_TEST

START_TEST (test_agenda_remove_last)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autofree char *order = NULL;
  g_autofree char *after_add = NULL;

  append_item (fx.store, m, "A");
  append_item (fx.store, m, "B");
  append_item (fx.store, m, "C");
  ck_assert (rapat_store_agenda_remove (fx.store, m, 3, &error));
  rapat_assert_no_error (error);
  order = agenda_order (fx.store, m);
  ck_assert_str_eq (order, "A,B");
  /* The freed number is reused by the next item. */
  ck_assert_int_eq (add_item (fx.store, m, "D", 0, &error), 3);
  after_add = agenda_order (fx.store, m);
  ck_assert_str_eq (after_add, "A,B,D");
}
END_TEST

START_TEST (test_agenda_move_refused)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autofree char *order = NULL;

  append_item (fx.store, m, "A");
  append_item (fx.store, m, "B");
  append_item (fx.store, m, "C");
  ck_assert (!rapat_store_agenda_move (fx.store, m, 1, 0, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "the agenda has items 1 to 3");
  ck_assert (!rapat_store_agenda_move (fx.store, m, 1, 4, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "position '4'");
  /* Moving an item onto itself changes nothing. */
  ck_assert (rapat_store_agenda_move (fx.store, m, 2, 2, &error));
  rapat_assert_no_error (error);
  order = agenda_order (fx.store, m);
  ck_assert_str_eq (order, "A,B,C");
}
END_TEST

START_TEST (test_agenda_resolve)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  gint64 other = add_meeting (fx.store, "Rakor", DAY + 24 * HOUR, DAY + 26 * HOUR, NULL,
                              RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAgendaItem) by_number = NULL;
  g_autoptr(RapatAgendaItem) by_title = NULL;
  g_autoptr(RapatAgendaItem) none = NULL;

  append_item (fx.store, m, "Pembukaan");
  append_item (fx.store, m, "Pengarahan Kepala Kantor Wilayah");
  append_item (fx.store, m, "Paparan Kinerja");
  append_item (fx.store, m, "Penutupan");
  append_item (fx.store, other, "Evaluasi Kinerja");

  by_number = rapat_store_agenda_resolve (fx.store, m, "2", &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (by_number->title, "Pengarahan Kepala Kantor Wilayah");
  ck_assert_int_eq (by_number->position, 2);
  by_title = rapat_store_agenda_resolve (fx.store, m, "KINERJA", &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (by_title->title, "Paparan Kinerja");
  ck_assert_int_eq (by_title->position, 3);

  none = rapat_store_agenda_resolve (fx.store, m, "pe", &error);
  ck_assert_ptr_null (none);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "1 Pembukaan") != NULL
                 && strstr (error->message, "2 Pengarahan Kepala Kantor Wilayah") != NULL
                 && strstr (error->message, "4 Penutupan") != NULL,
                 "candidates missing: %s", error->message);
  rapat_assert_error (error, RAPAT_ERROR_AMBIGUOUS);

  none = rapat_store_agenda_resolve (fx.store, m, "9", &error);
  ck_assert_ptr_null (none);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  none = rapat_store_agenda_resolve (fx.store, m, "Evaluasi", &error);
  ck_assert_ptr_null (none);
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "agenda item 'Evaluasi'");
  none = rapat_store_agenda_resolve (fx.store, m, "", &error);
  ck_assert_ptr_null (none);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

/* ---- attendees ---- */

START_TEST (test_attendee_insert_get_list)
{
  GError *error = NULL;
  gint64 unit = add_unit (fx.store, "Rutan Kelas IIA Ambon", NULL, 0);
  gint64 zed = add_person (fx.store, "Zed Tuasikal", "Kepala Kantor Wilayah", 0, NULL);
  gint64 charlie = add_person (fx.store, "charlie", NULL, 0, NULL);
  gint64 bob = add_person (fx.store, "Bob", NULL, 0, NULL);
  gint64 ahmad = add_person (fx.store, "ahmad", "Kepala Rutan", unit, "ahmad@example.org");
  gint64 obs = add_person (fx.store, "Aaron", NULL, 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAttendee) got = NULL;
  g_autoptr(RapatMeeting) meeting = NULL;
  g_autofree char *order = NULL;
  gint64 aid;

  invite (fx.store, m, charlie, RAPAT_ROLE_PARTICIPANT);
  invite (fx.store, m, obs, RAPAT_ROLE_OBSERVER);
  invite (fx.store, m, bob, RAPAT_ROLE_PARTICIPANT);
  invite (fx.store, m, zed, RAPAT_ROLE_CHAIR);
  aid = invite (fx.store, m, ahmad, RAPAT_ROLE_PARTICIPANT);

  /* By role (chair first, observers last), then by name ignoring case. */
  order = attendee_order (fx.store, m);
  ck_assert_str_eq (order, "Zed Tuasikal,ahmad,Bob,charlie,Aaron");

  got = rapat_store_attendee_get (fx.store, m, ahmad, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (got->id, aid);
  ck_assert_int_eq (got->meeting_id, m);
  ck_assert_int_eq (got->person_id, ahmad);
  ck_assert_str_eq (got->person_name, "ahmad");
  ck_assert_str_eq (got->position, "Kepala Rutan");
  ck_assert_str_eq (got->unit_name, "Rutan Kelas IIA Ambon");
  ck_assert_str_eq (got->email, "ahmad@example.org");
  ck_assert_int_eq (got->role, RAPAT_ROLE_PARTICIPANT);
  ck_assert_int_eq (got->rsvp, RAPAT_RSVP_NEEDS_ACTION);
  ck_assert_int_eq (got->attendance, RAPAT_ATTENDANCE_NONE);
  ck_assert_int_eq (got->arrived_utc, 0);
  ck_assert_int_eq (got->stand_in_id, 0);

  meeting = rapat_store_meeting_get (fx.store, m, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (meeting->n_attendees, 5);
}
END_TEST

START_TEST (test_attendee_update)
{
  GError *error = NULL;
  gint64 ricky = add_person (fx.store, "Ricky", NULL, 0, NULL);
  gint64 fran = add_person (fx.store, "Fransina", NULL, 0, NULL);
  gint64 deputy = add_person (fx.store, "Wakil Fransina", "Kasubag", 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAttendee) a = NULL;
  g_autoptr(RapatAttendee) b = NULL;
  g_autoptr(RapatAttendee) a2 = NULL;
  g_autoptr(RapatAttendee) b2 = NULL;

  invite (fx.store, m, ricky, RAPAT_ROLE_PARTICIPANT);
  invite (fx.store, m, fran, RAPAT_ROLE_PARTICIPANT);

  a = rapat_store_attendee_get (fx.store, m, ricky, &error);
  rapat_assert_no_error (error);
  a->role = RAPAT_ROLE_CHAIR;
  a->rsvp = RAPAT_RSVP_ACCEPTED;
  a->attendance = RAPAT_ATTENDANCE_PRESENT;
  a->arrived_utc = DAY - 300;
  a->note = g_strdup ("datang lebih awal");
  ck_assert (rapat_store_attendee_update (fx.store, a, &error));
  rapat_assert_no_error (error);

  b = rapat_store_attendee_get (fx.store, m, fran, &error);
  rapat_assert_no_error (error);
  b->rsvp = RAPAT_RSVP_DECLINED;
  b->attendance = RAPAT_ATTENDANCE_REPRESENTED;
  b->stand_in_id = deputy;
  ck_assert (rapat_store_attendee_update (fx.store, b, &error));
  rapat_assert_no_error (error);

  a2 = rapat_store_attendee_get (fx.store, m, ricky, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (a2->role, RAPAT_ROLE_CHAIR);
  ck_assert_int_eq (a2->rsvp, RAPAT_RSVP_ACCEPTED);
  ck_assert_int_eq (a2->attendance, RAPAT_ATTENDANCE_PRESENT);
  ck_assert_int_eq (a2->arrived_utc, DAY - 300);
  ck_assert_str_eq (a2->note, "datang lebih awal");
  b2 = rapat_store_attendee_get (fx.store, m, fran, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (b2->rsvp, RAPAT_RSVP_DECLINED);
  ck_assert_int_eq (b2->attendance, RAPAT_ATTENDANCE_REPRESENTED);
  ck_assert_int_eq (b2->stand_in_id, deputy);
  ck_assert_str_eq (b2->stand_in_name, "Wakil Fransina");
  ck_assert_str_eq (b2->stand_in_position, "Kasubag");

  /* The schema refuses an arrival time for someone who was not present. */
  b2->arrived_utc = DAY;
  ck_assert (!rapat_store_attendee_update (fx.store, b2, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
}
END_TEST

START_TEST (test_attendee_duplicate)
{
  GError *error = NULL;
  gint64 p = add_person (fx.store, "Ricky Dwi Biantoro", NULL, 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAttendee) again = rapat_attendee_new ();
  g_autoptr(RapatAttendee) kept = NULL;

  invite (fx.store, m, p, RAPAT_ROLE_CHAIR);
  again->meeting_id = m;
  again->person_id = p;
  again->role = RAPAT_ROLE_OBSERVER;
  ck_assert (!rapat_store_attendee_insert (fx.store, again, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS,
                               "person 'Ricky Dwi Biantoro': already invited");
  ck_assert_int_eq (again->id, 0);
  /* The first invitation is untouched. */
  kept = rapat_store_attendee_get (fx.store, m, p, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (kept->role, RAPAT_ROLE_CHAIR);
}
END_TEST

/* Inserts a person of @unit_id with protocol @rank (0: none) and @eselon. */
static gint64
add_official (RapatStore *s, const char *name, gint64 unit_id, gint64 rank, const char *eselon)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  p->unit_id = unit_id;
  p->rank = rank;
  p->eselon = g_strdup (eselon);
  ck_assert_msg (rapat_store_person_insert (s, p, &error), "person '%s': %s", name,
                 error != NULL ? error->message : "");
  return p->id;
}

/* Returns the names of the meeting's attendees in @order, joined by ",". */
static char *
attendee_order_by (RapatStore *s, gint64 meeting_id, RapatAttendeeOrder order)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) list = rapat_store_attendee_list_ordered (s, meeting_id, order, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ((RapatAttendee *) list->pdata[i])->person_name);
  return g_strdup (out->str);
}

/* A sign-in sheet's order: the chair, then rank (none after), eselon
 * (none last), the unit's place in the tree (parents first, siblings by
 * code, uncoded after), name; and the name and unit orders. */
START_TEST (test_attendee_protocol_order)
{
  gint64 kw = add_unit (fx.store, "Kantor Wilayah", "KW", 0);
  gint64 dir = add_unit (fx.store, "Direktorat", "DIR", 0);
  gint64 rutan = add_unit (fx.store, "Rutan B", "RT-B", kw);
  gint64 lapas = add_unit (fx.store, "Lapas A", "LP-A", kw);
  gint64 bidang = add_unit (fx.store, "Bidang", NULL, kw);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  gint64 people[] = {
    add_official (fx.store, "Hadi", 0, 0, NULL),
    add_official (fx.store, "Eka", bidang, 0, NULL),
    add_official (fx.store, "Gita", lapas, 0, NULL),
    add_official (fx.store, "Fajar", kw, 0, NULL),
    add_official (fx.store, "Dedi", kw, 0, "III.b"),
    add_official (fx.store, "Citra", rutan, 0, "II.a"),
    add_official (fx.store, "Ana", rutan, 2, NULL),
    add_official (fx.store, "Budi", dir, 1, "IV.b"),
  };
  gint64 zed = add_official (fx.store, "Zed", lapas, 0, NULL);
  g_autofree char *protocol = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_unit = NULL;
  g_autofree char *by_role = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    invite (fx.store, m, people[i], i == 0 ? RAPAT_ROLE_SPEAKER : RAPAT_ROLE_PARTICIPANT);
  invite (fx.store, m, zed, RAPAT_ROLE_CHAIR);
  protocol = attendee_order_by (fx.store, m, RAPAT_ATTENDEE_ORDER_PROTOCOL);
  ck_assert_str_eq (protocol, "Zed,Budi,Ana,Citra,Dedi,Fajar,Gita,Eka,Hadi");
  by_name = attendee_order_by (fx.store, m, RAPAT_ATTENDEE_ORDER_NAME);
  ck_assert_str_eq (by_name, "Ana,Budi,Citra,Dedi,Eka,Fajar,Gita,Hadi,Zed");
  by_unit = attendee_order_by (fx.store, m, RAPAT_ATTENDEE_ORDER_UNIT);
  ck_assert_str_eq (by_unit, "Budi,Dedi,Fajar,Gita,Zed,Ana,Citra,Eka,Hadi");
  by_role = attendee_order_by (fx.store, m, RAPAT_ATTENDEE_ORDER_ROLE);
  ck_assert_str_eq (by_role, "Zed,Hadi,Ana,Budi,Citra,Dedi,Eka,Fajar,Gita");
}
END_TEST

/* A copy of a meeting (meeting copy): what was planned comes along, with
 * the agenda's times moved to the new start and parallel sessions beside
 * the new items; what happened (replies, attendance, stand-ins) does not;
 * the copy is a new event, confirmed, outside any series. */
START_TEST (test_meeting_copy_contents)
{
  GError *error = NULL;
  gint64 chair = add_person (fx.store, "Ricky", NULL, 0, NULL);
  gint64 other = add_person (fx.store, "Fransina", NULL, 0, NULL);
  gint64 stand_in = add_person (fx.store, "Ronald", NULL, 0, NULL);
  gint64 from = add_meeting (fx.store, "Rakernis 2025", DAY, DAY + 7 * HOUR, "rakernis",
                             RAPAT_MEETING_CANCELLED);
  g_autoptr(RapatMeeting) old = NULL;
  g_autoptr(RapatMeeting) copy = NULL;
  g_autoptr(RapatAgendaItem) session = rapat_agenda_item_new ();
  g_autoptr(RapatAttendee) mark = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) old_items = NULL;
  gint64 shift = 364 * 24 * HOUR;

  append_item (fx.store, from, "Pembukaan");
  append_item (fx.store, from, "Komisi I");
  session->meeting_id = from;
  session->title = g_strdup ("Komisi II");
  session->duration_min = 15;
  session->room = g_strdup ("Ruang Rapat 2");
  old_items = rapat_store_agenda_list (fx.store, from, &error);
  rapat_assert_no_error (error);
  session->parallel_with = ((RapatAgendaItem *) old_items->pdata[1])->id;
  ck_assert (rapat_store_agenda_insert (fx.store, session, &error));
  rapat_assert_no_error (error);
  invite (fx.store, from, chair, RAPAT_ROLE_CHAIR);
  invite (fx.store, from, other, RAPAT_ROLE_PARTICIPANT);
  mark = rapat_store_attendee_get (fx.store, from, other, &error);
  rapat_assert_no_error (error);
  mark->rsvp = RAPAT_RSVP_ACCEPTED;
  mark->attendance = RAPAT_ATTENDANCE_REPRESENTED;
  mark->stand_in_id = stand_in;
  mark->note = g_strdup ("kapal terlambat");
  ck_assert (rapat_store_attendee_update (fx.store, mark, &error));
  rapat_assert_no_error (error);

  old = rapat_store_meeting_get (fx.store, from, &error);
  rapat_assert_no_error (error);
  old->sequence = 4;
  copy = rapat_meeting_template (old, DAY + 10);
  ck_assert_str_ne (copy->uid, old->uid);
  ck_assert_str_eq (copy->title, "Rakernis 2025");
  ck_assert_str_eq (copy->kind, "rakernis");
  ck_assert_int_eq (copy->status, RAPAT_MEETING_CONFIRMED);
  ck_assert_ptr_null (copy->cancel_reason);
  ck_assert_int_eq (copy->sequence, 0);
  ck_assert_int_eq (copy->series_id, 0);
  ck_assert_int_eq (copy->created_at, DAY + 10);
  copy->start_utc += shift;
  copy->end_utc += shift;
  ck_assert (rapat_store_meeting_insert (fx.store, copy, &error));
  ck_assert (rapat_meeting_copy_contents (fx.store, from, copy->id, &error));
  rapat_assert_no_error (error);

  items = rapat_store_agenda_list (fx.store, copy->id, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (items->len, 3);
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *n = items->pdata[i];

      ck_assert_int_eq (n->position, (int) i + 1);
      ck_assert_int_eq (n->meeting_id, copy->id);
    }
  {
    const RapatAgendaItem *first = items->pdata[0];
    const RapatAgendaItem *komisi1 = items->pdata[1];
    const RapatAgendaItem *komisi2 = items->pdata[2];

    ck_assert_str_eq (first->title, "Pembukaan");
    ck_assert_int_eq (first->start_utc, DAY + shift);
    ck_assert_str_eq (komisi2->title, "Komisi II");
    ck_assert_str_eq (komisi2->room, "Ruang Rapat 2");
    ck_assert_int_eq (komisi2->parallel_with, komisi1->id);
    ck_assert_int_eq (komisi2->start_utc, komisi1->start_utc);
    ck_assert_int_eq (komisi1->start_utc, DAY + shift + 15 * 60);
  }
  attendees = rapat_store_attendee_list (fx.store, copy->id, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (attendees->len, 2);
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];

      ck_assert_int_eq (a->role, i == 0 ? RAPAT_ROLE_CHAIR : RAPAT_ROLE_PARTICIPANT);
      ck_assert_int_eq (a->rsvp, RAPAT_RSVP_NEEDS_ACTION);
      ck_assert_int_eq (a->attendance, RAPAT_ATTENDANCE_NONE);
      ck_assert_int_eq (a->stand_in_id, 0);
      ck_assert_ptr_null (a->note);
    }
}
END_TEST

START_TEST (test_attendee_remove)
{
  GError *error = NULL;
  gint64 p = add_person (fx.store, "Ricky", NULL, 0, NULL);
  gint64 q = add_person (fx.store, "Fransina", NULL, 0, NULL);
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autoptr(RapatAttendee) gone = NULL;
  g_autoptr(RapatAttendee) unknown = rapat_attendee_new ();
  g_autofree char *order = NULL;

  invite (fx.store, m, p, RAPAT_ROLE_CHAIR);
  invite (fx.store, m, q, RAPAT_ROLE_PARTICIPANT);
  ck_assert (rapat_store_attendee_remove (fx.store, m, p, &error));
  rapat_assert_no_error (error);
  gone = rapat_store_attendee_get (fx.store, m, p, &error);
  ck_assert_ptr_null (gone);
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "not invited");
  ck_assert (!rapat_store_attendee_remove (fx.store, m, p, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  order = attendee_order (fx.store, m);
  ck_assert_str_eq (order, "Fransina");

  /* Inviting someone who does not exist breaks a foreign key. */
  unknown->meeting_id = m;
  unknown->person_id = 999;
  ck_assert (!rapat_store_attendee_insert (fx.store, unknown, &error));
  rapat_assert_error (error, RAPAT_ERROR_STORE);
}
END_TEST

/* ---- streaming whole meetings (rapat_store_meeting_foreach_full) ---- */

/* The people of the streamed archive, inserted in this order (so that ids
 * follow neither the byte order nor the folded order of the names).  Folded,
 * they sort ali, Ali, budi, wakil budi, yohana, zainal, zz, çelik, then the
 * three spellings of émile by id; by bytes, the capitals, the NFD "E" and
 * the ASCII lower case all come before "Çelik" and the two NFC "É/é". */
enum {
  P_ZZ, P_EMILE_LOWER, P_ZAINAL, P_EMILE_NFD, P_BUDI, P_CELIK, P_EMILE_NFC, P_ALI,
  P_WAKIL, P_YOHANA, P_ALI_CAP, N_STREAM_PEOPLE
};

static const char *const stream_people[N_STREAM_PEOPLE] = {
  [P_ZZ] = "zz",
  [P_EMILE_LOWER] = "\xc3\xa9mile",       /* émile, NFC */
  [P_ZAINAL] = "Zainal",
  [P_EMILE_NFD] = "E\xcc\x81mile",        /* Émile, NFD: E + combining acute */
  [P_BUDI] = "Budi",
  [P_CELIK] = "\xc3\x87" "elik",          /* Çelik */
  [P_EMILE_NFC] = "\xc3\x89mile",         /* Émile, NFC */
  [P_ALI] = "ali",
  [P_WAKIL] = "Wakil Budi",
  [P_YOHANA] = "Yohana",
  [P_ALI_CAP] = "Ali",
};

/* The meetings of the streamed archive, in the order they stream: by start,
 * ties by id, i.e. by their place in stream_insert_order.  Several share a
 * start; some have no agenda, some no invitations, some neither (the last
 * among them). */
enum {
  M_L, M_YESTERDAY, M_C, M_A, M_B, M_NOON, M_G, M_F, M_I, M_H, M_K, M_J, M_N, M_M, M_O,
  N_STREAM_MEETINGS
};

static const struct {
  const char *title;
  gint64 start;          /* from DAY */
  gint64 minutes;
  const char *kind;
  RapatMeetingStatus status;
} stream_meetings[N_STREAM_MEETINGS] = {
  [M_L] = { "Rakor L", -48 * HOUR, 60, "rakor", RAPAT_MEETING_CONFIRMED },
  [M_YESTERDAY] = { "Rakor kemarin", -24 * HOUR, 60, "rakor", RAPAT_MEETING_CANCELLED },
  [M_C] = { "Rapat pagi C", 0, 60, NULL, RAPAT_MEETING_TENTATIVE },
  [M_A] = { "Rakor pagi A", 0, 60, "rakor", RAPAT_MEETING_CONFIRMED },
  [M_B] = { "Rapat pagi B", 0, 120, NULL, RAPAT_MEETING_CONFIRMED },
  [M_NOON] = { "Rapat siang", HOUR, 60, NULL, RAPAT_MEETING_CONFIRMED },
  [M_G] = { "Rakor G", 2 * HOUR, 60, "rakor", RAPAT_MEETING_CANCELLED },
  [M_F] = { "Rakor F", 2 * HOUR, 60, "rakor", RAPAT_MEETING_CONFIRMED },
  [M_I] = { "Rapat I", 48 * HOUR, 60, NULL, RAPAT_MEETING_CONFIRMED },
  [M_H] = { "Rapat H", 48 * HOUR, 60, NULL, RAPAT_MEETING_CONFIRMED },
  [M_K] = { "Pleno K", 72 * HOUR, 180, "pleno", RAPAT_MEETING_CONFIRMED },
  [M_J] = { "Rapat J", 72 * HOUR, 60, NULL, RAPAT_MEETING_CANCELLED },
  [M_N] = { "Rapat N", 96 * HOUR, 60, NULL, RAPAT_MEETING_CONFIRMED },
  [M_M] = { "Rapat M", 96 * HOUR, 60, NULL, RAPAT_MEETING_CONFIRMED },
  [M_O] = { "Rapat O", 120 * HOUR, 60, NULL, RAPAT_MEETING_CONFIRMED },
};

/* The order the meetings are inserted in: their ids follow it. */
static const guint stream_insert_order[N_STREAM_MEETINGS] = {
  M_L, M_K, M_C, M_A, M_N, M_YESTERDAY, M_B, M_G, M_M, M_NOON, M_I, M_F, M_J, M_H, M_O,
};

/* Agenda items, meetings interleaved; position 0 appends, others insert. */
static const struct {
  guint meeting;
  const char *title;
  int position;
} stream_items[] = {
  { M_K, "Pembukaan", 0 },
  { M_A, "Laporan A", 0 },
  { M_K, "Penutupan", 0 },
  { M_YESTERDAY, "Evaluasi", 0 },
  { M_A, "Pembukaan A", 1 },
  { M_NOON, "Anggaran", 0 },
  { M_K, "Laporan", 2 },
  { M_G, "Tindak lanjut", 0 },
  { M_H, "Kedua", 0 },
  { M_A, "Penutupan A", 0 },
  { M_K, "Doa", 1 },
  { M_N, "Satu", 0 },
  { M_G, "Pembukaan G", 1 },
  { M_H, "Pertama", 1 },
  { M_NOON, "Belanja", 0 },
  { M_J, "Batal", 0 },
  { M_L, "Satu-satunya", 0 },
  { M_N, "Dua", 0 },
};

#define NO_STAND_IN (-1)

/* Invitations, meetings interleaved, with the stand-in who represented the
 * person (a person index) or NO_STAND_IN. */
static const struct {
  guint meeting;
  int person;
  RapatRole role;
  int stand_in;
} stream_invitations[] = {
  { M_K, P_WAKIL, RAPAT_ROLE_OBSERVER, NO_STAND_IN },
  { M_A, P_ZZ, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_K, P_ZAINAL, RAPAT_ROLE_OPTIONAL, P_ALI_CAP },
  { M_B, P_CELIK, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_K, P_EMILE_NFD, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_A, P_EMILE_NFC, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_K, P_ZZ, RAPAT_ROLE_CHAIR, NO_STAND_IN },
  { M_YESTERDAY, P_BUDI, RAPAT_ROLE_CHAIR, NO_STAND_IN },
  { M_K, P_EMILE_NFC, RAPAT_ROLE_SPEAKER, NO_STAND_IN },
  { M_A, P_ALI_CAP, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_K, P_CELIK, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_G, P_ZAINAL, RAPAT_ROLE_SPEAKER, P_WAKIL },
  { M_K, P_ALI_CAP, RAPAT_ROLE_OBSERVER, NO_STAND_IN },
  { M_B, P_EMILE_LOWER, RAPAT_ROLE_OPTIONAL, NO_STAND_IN },
  { M_K, P_BUDI, RAPAT_ROLE_PARTICIPANT, P_WAKIL },
  { M_A, P_ALI, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_K, P_EMILE_LOWER, RAPAT_ROLE_SPEAKER, NO_STAND_IN },
  { M_G, P_EMILE_NFD, RAPAT_ROLE_OBSERVER, NO_STAND_IN },
  { M_K, P_YOHANA, RAPAT_ROLE_CHAIR, NO_STAND_IN },
  { M_H, P_YOHANA, RAPAT_ROLE_CHAIR, NO_STAND_IN },
  { M_K, P_ALI, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_A, P_EMILE_LOWER, RAPAT_ROLE_PARTICIPANT, P_BUDI },
  { M_G, P_EMILE_LOWER, RAPAT_ROLE_OBSERVER, NO_STAND_IN },
  { M_I, P_ZZ, RAPAT_ROLE_OPTIONAL, NO_STAND_IN },
  { M_B, P_BUDI, RAPAT_ROLE_CHAIR, NO_STAND_IN },
  { M_YESTERDAY, P_ALI, RAPAT_ROLE_PARTICIPANT, P_ALI_CAP },
  { M_H, P_EMILE_NFD, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_G, P_CELIK, RAPAT_ROLE_CHAIR, NO_STAND_IN },
  { M_I, P_ZAINAL, RAPAT_ROLE_SPEAKER, NO_STAND_IN },
  { M_L, P_WAKIL, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_H, P_EMILE_NFC, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_N, P_ZZ, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_N, P_ZAINAL, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
  { M_A, P_CELIK, RAPAT_ROLE_PARTICIPANT, NO_STAND_IN },
};

/* The ids of the streamed archive. */
typedef struct {
  gint64 person[N_STREAM_PEOPLE];
  gint64 meeting[N_STREAM_MEETINGS];
} StreamArchive;

/* Fills @s with the streamed archive and stores the ids in @ar. */
static void
stream_archive_build (RapatStore *s, StreamArchive *ar)
{
  GError *error = NULL;

  for (guint i = 0; i < N_STREAM_PEOPLE; i++)
    ar->person[i] = add_person (s, stream_people[i], NULL, 0, NULL);
  for (guint i = 0; i < N_STREAM_MEETINGS; i++)
    {
      guint k = stream_insert_order[i];
      gint64 start = DAY + stream_meetings[k].start;

      ar->meeting[k] = add_meeting (s, stream_meetings[k].title, start,
                                    start + stream_meetings[k].minutes * 60,
                                    stream_meetings[k].kind, stream_meetings[k].status);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stream_items); i++)
    {
      ck_assert_int_gt (add_item (s, ar->meeting[stream_items[i].meeting], stream_items[i].title,
                                  stream_items[i].position, &error), 0);
      rapat_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stream_invitations); i++)
    {
      gint64 m = ar->meeting[stream_invitations[i].meeting];
      gint64 p = ar->person[stream_invitations[i].person];
      g_autoptr(RapatAttendee) a = NULL;

      invite (s, m, p, stream_invitations[i].role);
      if (stream_invitations[i].stand_in == NO_STAND_IN)
        continue;
      a = rapat_store_attendee_get (s, m, p, &error);
      rapat_assert_no_error (error);
      a->rsvp = RAPAT_RSVP_DECLINED;
      a->attendance = RAPAT_ATTENDANCE_REPRESENTED;
      a->stand_in_id = ar->person[stream_invitations[i].stand_in];
      ck_assert (rapat_store_attendee_update (s, a, &error));
      rapat_assert_no_error (error);
    }
}

/* Returns one line describing meeting @m with @agenda and @attendees: every
 * id and key their order depends on, and the meeting each row names. */
static char *
stream_describe (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "meeting %" G_GINT64_FORMAT " %s '%s' %s/%d at %" G_GINT64_FORMAT
                          "..%" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " items, %" G_GINT64_FORMAT
                          " invited) agenda:", m->id, m->uid, m->title, m->kind, m->status,
                          m->start_utc - DAY, m->end_utc - DAY, m->n_items, m->n_attendees);
  for (guint i = 0; i < agenda->len; i++)
    {
      RapatAgendaItem *item = agenda->pdata[i];

      g_string_append_printf (out, " %" G_GINT64_FORMAT "@%d/m%" G_GINT64_FORMAT " '%s'",
                              item->id, item->position, item->meeting_id, item->title);
    }
  g_string_append (out, "; invited:");
  for (guint i = 0; i < attendees->len; i++)
    {
      RapatAttendee *a = attendees->pdata[i];

      g_string_append_printf (out, " p%" G_GINT64_FORMAT "/a%" G_GINT64_FORMAT "/m%" G_GINT64_FORMAT
                              " %s role %d att %d by %" G_GINT64_FORMAT " (%s)",
                              a->person_id, a->id, a->meeting_id, a->person_name, a->role,
                              a->attendance, a->stand_in_id,
                              a->stand_in_name != NULL ? a->stand_in_name : "-");
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Returns the line of stream_describe() for the stored meeting @m, with the
 * agenda and invitations the one-meeting queries give. */
static char *
stream_describe_stored (RapatStore *s, const RapatMeeting *m)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) agenda = rapat_store_agenda_list (s, m->id, &error);
  g_autoptr(GPtrArray) attendees = NULL;

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (agenda);
  attendees = rapat_store_attendee_list (s, m->id, &error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (attendees);
  return stream_describe (m, agenda, attendees);
}

/* Returns the lines of stream_describe() that rapat_store_meeting_list()
 * and the one-meeting queries give for @filter. */
static GPtrArray *
stream_expected (RapatStore *s, const RapatMeetingFilter *filter)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) meetings = rapat_store_meeting_list (s, filter, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (meetings);
  for (guint i = 0; i < meetings->len; i++)
    g_ptr_array_add (lines, stream_describe_stored (s, meetings->pdata[i]));
  return lines;
}

/* Asserts that @got holds the first @n lines of @want, naming the first
 * that differs (whole streams would overflow Check's messages). */
static void
assert_lines_equal (GPtrArray *got, GPtrArray *want, guint n, const char *label)
{
  for (guint i = 0; i < n && i < got->len && i < want->len; i++)
    ck_assert_msg (strcmp (got->pdata[i], want->pdata[i]) == 0,
                   "%s: meeting %u of the stream:\n  got      %s  expected %s", label, i + 1,
                   (char *) got->pdata[i], (char *) want->pdata[i]);
  ck_assert_msg (got->len == n && want->len >= n, "%s: %u meetings streamed, expected %u",
                 label, got->len, n);
}

/* What a foreach_full callback of the tests records. */
typedef struct {
  RapatStore *store;     /* when set, each meeting is checked against the store as it comes */
  GPtrArray *lines;      /* stream_describe() of each meeting delivered */
  guint calls;
  guint stop_at;         /* fail on this call (1-based); 0 = never */
} StreamProbe;

/* Records the meeting in the probe @data; fails on the call it says. */
static gboolean
stream_record (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees, gpointer data,
               GError **error)
{
  StreamProbe *probe = data;
  char *line;

  ck_assert_ptr_nonnull (m);
  ck_assert_ptr_nonnull (agenda);
  ck_assert_ptr_nonnull (attendees);
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_null (*error);
  probe->calls++;
  ck_assert_msg (probe->stop_at == 0 || probe->calls <= probe->stop_at,
                 "called again (call %u) after returning FALSE on call %u", probe->calls,
                 probe->stop_at);
  line = stream_describe (m, agenda, attendees);
  g_ptr_array_add (probe->lines, line);
  if (probe->store != NULL)
    {
      /* The store answers other queries while the three cursors are open. */
      g_autofree char *stored = stream_describe_stored (probe->store, m);

      ck_assert_str_eq (line, stored);
    }
  if (probe->calls == probe->stop_at)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, "stopped at meeting %" G_GINT64_FORMAT,
                   m->id);
      return FALSE;
    }
  return TRUE;
}

/* Streams @filter with foreach_full and asserts that it delivers what the
 * one-meeting queries give, meeting by meeting, @n_expected meetings. */
static void
assert_stream_matches (RapatStore *s, const RapatMeetingFilter *filter, guint n_expected,
                       gboolean live, const char *label)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) expected = stream_expected (s, filter);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  StreamProbe probe = { live ? s : NULL, lines, 0, 0 };

  ck_assert_msg (expected->len == n_expected, "%s: the list has %u meetings, expected %u",
                 label, expected->len, n_expected);
  ck_assert_msg (rapat_store_meeting_foreach_full (s, filter, stream_record, &probe, &error),
                 "%s: %s", label, error != NULL ? error->message : "");
  rapat_assert_no_error (error);
  ck_assert_msg (probe.calls == n_expected, "%s: %u calls, expected %u", label, probe.calls,
                 n_expected);
  assert_lines_equal (lines, expected, n_expected, label);
}

START_TEST (test_meeting_foreach_full_matches_lists)
{
  StreamArchive ar;
  static const struct {
    RapatMeetingFilter filter;
    guint n;
    const char *label;
  } cases[] = {
    { { 0, 0, NULL, -1 }, N_STREAM_MEETINGS, "no filter" },
    /* Ends after 01:30: cuts A and C out of the 00:00 group but keeps B;
     * starts before +72h: cuts J and K (starting exactly then) out. */
    { { DAY + 90 * 60, DAY + 72 * HOUR, NULL, -1 }, 6, "window" },
    { { DAY + 90 * 60, 0, NULL, -1 }, 11, "from only" },
    { { 0, DAY + 2 * HOUR, NULL, -1 }, 6, "to only" },
    { { 0, 0, "RAKOR", -1 }, 5, "kind rakor" },
    { { 0, 0, NULL, RAPAT_MEETING_CANCELLED }, 3, "cancelled" },
    { { 0, 0, "rakor", RAPAT_MEETING_CANCELLED }, 2, "cancelled rakor" },
    { { 0, 0, NULL, RAPAT_MEETING_CONFIRMED }, 11, "confirmed" },
    { { 0, 0, "pleno", -1 }, 1, "kind pleno" },
    { { 0, 0, "none such", -1 }, 0, "no kind matches" },
    { { DAY + 1000 * HOUR, 0, NULL, -1 }, 0, "after everything" },
  };

  stream_archive_build (fx.store, &ar);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_stream_matches (fx.store, &cases[i].filter, cases[i].n, FALSE, cases[i].label);
      assert_stream_matches (fx.store, &cases[i].filter, cases[i].n, TRUE, cases[i].label);
    }
}
END_TEST

/* Records "title | agenda titles | role:name=stand-in, ..." for each meeting
 * in the GPtrArray @data. */
static gboolean
stream_record_names (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees,
                     gpointer data, GError **error)
{
  GString *out = g_string_new (m->title);

  (void) error;
  g_string_append (out, " |");
  for (guint i = 0; i < agenda->len; i++)
    g_string_append_printf (out, "%s %s", i > 0 ? "," : "",
                            ((RapatAgendaItem *) agenda->pdata[i])->title);
  if (agenda->len == 0)
    g_string_append (out, " -");
  g_string_append (out, " |");
  for (guint i = 0; i < attendees->len; i++)
    {
      RapatAttendee *a = attendees->pdata[i];

      g_string_append_printf (out, "%s %s:%s", i > 0 ? "," : "",
                              rapat_enum_name (&rapat_role_enum, a->role), a->person_name);
      if (a->stand_in_id != 0)
        g_string_append_printf (out, "=%s", a->stand_in_name);
    }
  if (attendees->len == 0)
    g_string_append (out, " -");
  g_ptr_array_add (data, g_string_free (out, FALSE));
  return TRUE;
}

/* The whole stream in absolute terms, not only as the lists give it. */
START_TEST (test_meeting_foreach_full_order)
{
  static const char *const expected[N_STREAM_MEETINGS] = {
    [M_L] = "Rakor L | Satu-satunya | participant:Wakil Budi",
    [M_YESTERDAY] = "Rakor kemarin | Evaluasi | chair:Budi, participant:ali=Ali",
    [M_C] = "Rapat pagi C | - | -",
    [M_A] = "Rakor pagi A | Pembukaan A, Laporan A, Penutupan A | participant:ali, "
            "participant:Ali, participant:zz, participant:\xc3\x87" "elik, "
            "participant:\xc3\xa9mile=Budi, participant:\xc3\x89mile",
    [M_B] = "Rapat pagi B | - | chair:Budi, participant:\xc3\x87" "elik, "
            "optional:\xc3\xa9mile",
    [M_NOON] = "Rapat siang | Anggaran, Belanja | -",
    /* é (id 2) before the NFD É (id 4): equal folded, so by id, though the
     * NFD spelling comes first byte by byte. */
    [M_G] = "Rakor G | Pembukaan G, Tindak lanjut | chair:\xc3\x87" "elik, "
            "speaker:Zainal=Wakil Budi, observer:\xc3\xa9mile, observer:E\xcc\x81mile",
    [M_F] = "Rakor F | - | -",
    [M_I] = "Rapat I | - | speaker:Zainal, optional:zz",
    [M_H] = "Rapat H | Pertama, Kedua | chair:Yohana, participant:E\xcc\x81mile, "
            "participant:\xc3\x89mile",
    [M_K] = "Pleno K | Doa, Pembukaan, Laporan, Penutupan | chair:Yohana, chair:zz, "
            "speaker:\xc3\xa9mile, speaker:\xc3\x89mile, participant:ali, "
            "participant:Budi=Wakil Budi, participant:\xc3\x87" "elik, "
            "participant:E\xcc\x81mile, optional:Zainal=Ali, observer:Ali, "
            "observer:Wakil Budi",
    [M_J] = "Rapat J | Batal | -",
    [M_N] = "Rapat N | Satu, Dua | participant:Zainal, participant:zz",
    [M_M] = "Rapat M | - | -",
    [M_O] = "Rapat O | - | -",
  };
  GError *error = NULL;
  StreamArchive ar;
  RapatMeetingFilter all = { 0, 0, NULL, -1 };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  stream_archive_build (fx.store, &ar);
  ck_assert (rapat_store_meeting_foreach_full (fx.store, &all, stream_record_names, lines,
                                               &error));
  rapat_assert_no_error (error);
  ck_assert_uint_eq (lines->len, N_STREAM_MEETINGS);
  for (guint i = 0; i < N_STREAM_MEETINGS; i++)
    ck_assert_msg (strcmp (lines->pdata[i], expected[i]) == 0,
                   "meeting %u:\n  got      %s\n  expected %s", i, (char *) lines->pdata[i],
                   expected[i]);
}
END_TEST

START_TEST (test_meeting_foreach_full_after_changes)
{
  GError *error = NULL;
  StreamArchive ar;
  RapatMeetingFilter all = { 0, 0, NULL, -1 };
  g_autoptr(RapatPerson) zz = NULL;
  g_autoptr(RapatMeeting) a = NULL;

  /* An empty store streams nothing. */
  assert_stream_matches (fx.store, &all, 0, FALSE, "empty store");

  stream_archive_build (fx.store, &ar);
  assert_stream_matches (fx.store, &all, N_STREAM_MEETINGS, FALSE, "before");

  /* Renamed, "zz" sorts first among K's chairs; a stream keeps no names
   * folded from an earlier one. */
  zz = rapat_store_person_get (fx.store, ar.person[P_ZZ], &error);
  rapat_assert_no_error (error);
  g_free (zz->name);
  zz->name = g_strdup ("Aaron");
  ck_assert (rapat_store_person_update (fx.store, zz, &error));
  rapat_assert_no_error (error);
  /* K's agenda reordered, one invitation of A withdrawn, G deleted, and A
   * moved to the start of I and H: a group of three sharing a start. */
  ck_assert (rapat_store_agenda_move (fx.store, ar.meeting[M_K], 4, 1, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_store_attendee_remove (fx.store, ar.meeting[M_A], ar.person[P_CELIK],
                                          &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_store_meeting_delete (fx.store, ar.meeting[M_G], &error));
  rapat_assert_no_error (error);
  a = rapat_store_meeting_get (fx.store, ar.meeting[M_A], &error);
  rapat_assert_no_error (error);
  a->start_utc = DAY + 48 * HOUR;
  a->end_utc = a->start_utc + HOUR;
  ck_assert (rapat_store_meeting_update (fx.store, a, &error));
  rapat_assert_no_error (error);

  assert_stream_matches (fx.store, &all, N_STREAM_MEETINGS - 1, FALSE, "after");
  assert_stream_matches (fx.store, &all, N_STREAM_MEETINGS - 1, TRUE, "after, live");
  {
    g_autofree char *k_names = attendee_order (fx.store, ar.meeting[M_K]);
    g_autofree char *k_agenda = agenda_order (fx.store, ar.meeting[M_K]);
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
    RapatMeetingFilter pleno = { 0, 0, "pleno", -1 };

    ck_assert (g_str_has_prefix (k_names, "Aaron,Yohana,"));
    ck_assert_str_eq (k_agenda, "Penutupan,Doa,Pembukaan,Laporan");
    ck_assert (rapat_store_meeting_foreach_full (fx.store, &pleno, stream_record_names, lines,
                                                 &error));
    rapat_assert_no_error (error);
    ck_assert_uint_eq (lines->len, 1);
    ck_assert_msg (g_str_has_prefix (lines->pdata[0], "Pleno K | Penutupan, Doa, Pembukaan, "
                                     "Laporan | chair:Aaron, chair:Yohana, "),
                   "%s", (char *) lines->pdata[0]);
  }
}
END_TEST

START_TEST (test_meeting_foreach_full_stop)
{
  static const struct {
    RapatMeetingFilter filter;
    guint stop_at;
    guint n;
    const char *label;
  } cases[] = {
    { { 0, 0, NULL, -1 }, 1, N_STREAM_MEETINGS, "first" },
    /* A: agenda and invitations, and B after it has the same start. */
    { { 0, 0, NULL, -1 }, M_A + 1, N_STREAM_MEETINGS, "A" },
    /* C: neither agenda nor invitations, first of three sharing a start. */
    { { 0, 0, NULL, -1 }, M_C + 1, N_STREAM_MEETINGS, "C" },
    { { 0, 0, NULL, -1 }, N_STREAM_MEETINGS, N_STREAM_MEETINGS, "last" },
    { { 0, 0, "rakor", -1 }, 2, 5, "second rakor" },
    { { DAY + 90 * 60, DAY + 72 * HOUR, NULL, -1 }, 3, 6, "third in the window" },
  };
  StreamArchive ar;

  stream_archive_build (fx.store, &ar);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      g_autoptr(GPtrArray) expected = stream_expected (fx.store, &cases[i].filter);
      g_autoptr(GPtrArray) meetings = rapat_store_meeting_list (fx.store, &cases[i].filter,
                                                                &error);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      StreamProbe probe = { NULL, lines, 0, cases[i].stop_at };
      g_autofree char *message = NULL;
      gboolean ok;

      rapat_assert_no_error (error);
      ck_assert_uint_eq (meetings->len, cases[i].n);
      message = g_strdup_printf ("stopped at meeting %" G_GINT64_FORMAT,
                                 ((RapatMeeting *) meetings->pdata[cases[i].stop_at - 1])->id);
      ok = rapat_store_meeting_foreach_full (fx.store, &cases[i].filter, stream_record, &probe,
                                             &error);
      ck_assert_msg (!ok, "%s: returned TRUE", cases[i].label);
      ck_assert_msg (error != NULL, "%s: no error", cases[i].label);
      ck_assert_msg (g_error_matches (error, RAPAT_ERROR, RAPAT_ERROR_INVALID),
                     "%s: error %d: %s", cases[i].label, error->code, error->message);
      ck_assert_str_eq (error->message, message);
      g_clear_error (&error);
      ck_assert_msg (probe.calls == cases[i].stop_at, "%s: %u calls", cases[i].label,
                     probe.calls);
      assert_lines_equal (lines, expected, cases[i].stop_at, cases[i].label);

      /* The cursors were left where the stream stopped; the next stream
       * starts afresh. */
      assert_stream_matches (fx.store, &cases[i].filter, cases[i].n, FALSE, cases[i].label);
    }
}
END_TEST

/* Starts both streams again from inside the first call of the outer one. */
static gboolean
stream_record_nested (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees,
                      gpointer data, GError **error)
{
  StreamProbe *probe = data;
  RapatMeetingFilter all = { 0, 0, NULL, -1 };

  if (probe->calls == 0)
    {
      GError *inner = NULL;
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      StreamProbe again = { NULL, lines, 0, 0 };

      ck_assert (!rapat_store_meeting_foreach_full (probe->store, &all, stream_record, &again,
                                                    &inner));
      rapat_assert_error (inner, RAPAT_ERROR_STORE);
      g_clear_error (&inner);
      ck_assert_uint_eq (again.calls, 0);
    }
  probe->calls++;
  g_ptr_array_add (probe->lines, stream_describe (m, agenda, attendees));
  return TRUE;
}

/* A stream started again inside its own callback would take over the
 * cached cursor; it is refused, and the outer stream goes on intact. */
START_TEST (test_meeting_foreach_full_nested_refused)
{
  GError *error = NULL;
  RapatMeetingFilter all = { 0, 0, NULL, -1 };
  StreamArchive ar;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  StreamProbe probe = { fx.store, lines, 0, 0 };

  stream_archive_build (fx.store, &ar);
  expected = stream_expected (fx.store, &all);
  ck_assert (rapat_store_meeting_foreach_full (fx.store, &all, stream_record_nested, &probe,
                                               &error));
  rapat_assert_no_error (error);
  ck_assert_uint_eq (probe.calls, N_STREAM_MEETINGS);
  assert_lines_equal (lines, expected, N_STREAM_MEETINGS, "nested");
}
END_TEST

/* ---- known bugs in src/ (each test describes the expected behaviour) ---- */

/* Regression test (fixed): src/store-meeting.c:270 (agenda_shift) parks the shifted items at
 * negated positions, and src/store-meeting.c:365 parks the moved item at 0,
 * but schema/0001-foundation.sql has CHECK (position >= 1).  So inserting an
 * agenda item anywhere but at the end fails with "unable to reorder the
 * agenda: CHECK constraint failed: position >= 1". */
START_TEST (test_bug_agenda_insert_at_position)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autofree char *middle = NULL;
  g_autofree char *first = NULL;
  int pos;

  append_item (fx.store, m, "A");
  append_item (fx.store, m, "B");
  append_item (fx.store, m, "C");
  pos = add_item (fx.store, m, "X", 2, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (pos, 2);
  middle = agenda_order (fx.store, m);
  ck_assert_str_eq (middle, "A,X,B,C");
  pos = add_item (fx.store, m, "Y", 1, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (pos, 1);
  first = agenda_order (fx.store, m);
  ck_assert_str_eq (first, "Y,A,X,B,C");
}
END_TEST

/* Regression test (fixed): same cause as above — rapat_store_agenda_move() fails for every real
 * move (up or down) with the CHECK constraint error. */
START_TEST (test_bug_agenda_move)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autofree char *down = NULL;
  g_autofree char *up = NULL;
  g_autofree char *neighbours = NULL;

  append_item (fx.store, m, "A");
  append_item (fx.store, m, "B");
  append_item (fx.store, m, "C");
  append_item (fx.store, m, "D");
  ck_assert (rapat_store_agenda_move (fx.store, m, 1, 3, &error));
  rapat_assert_no_error (error);
  down = agenda_order (fx.store, m);
  ck_assert_str_eq (down, "B,C,A,D");
  ck_assert (rapat_store_agenda_move (fx.store, m, 4, 1, &error));
  rapat_assert_no_error (error);
  up = agenda_order (fx.store, m);
  ck_assert_str_eq (up, "D,B,C,A");
  ck_assert (rapat_store_agenda_move (fx.store, m, 2, 3, &error));
  rapat_assert_no_error (error);
  neighbours = agenda_order (fx.store, m);
  ck_assert_str_eq (neighbours, "D,C,B,A");
}
END_TEST

/* Regression test (fixed): same cause — removing any item but the last fails with the CHECK
 * constraint error; outside a transaction the DELETE has already happened,
 * leaving positions 1, 3, 4 with a gap at 2. */
START_TEST (test_bug_agenda_remove_middle)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autofree char *order = NULL;
  g_autofree char *order2 = NULL;

  append_item (fx.store, m, "A");
  append_item (fx.store, m, "B");
  append_item (fx.store, m, "C");
  append_item (fx.store, m, "D");
  ck_assert (rapat_store_agenda_remove (fx.store, m, 2, &error));
  rapat_assert_no_error (error);
  order = agenda_order (fx.store, m);
  ck_assert_str_eq (order, "A,C,D");
  ck_assert (rapat_store_agenda_remove (fx.store, m, 1, &error));
  rapat_assert_no_error (error);
  order2 = agenda_order (fx.store, m);
  ck_assert_str_eq (order2, "C,D");
}
END_TEST

/* Regression test (fixed): src/store-meeting.c:369 (rapat_store_agenda_move) checks @to but not
 * @from, and src/store-meeting.c:402 (rapat_store_agenda_remove) does not
 * check that @position exists: remove(99) reports success having done
 * nothing, and remove(0) / move(9, 1) fail only by accident (the CHECK
 * constraint above); once the shifting is fixed they would renumber the
 * whole agenda.  Expected: RAPAT_ERROR_INVALID (or NOT_FOUND) naming the
 * position, and the agenda unchanged. */
START_TEST (test_bug_agenda_position_not_checked)
{
  GError *error = NULL;
  gint64 m = add_meeting (fx.store, "Rakernis", DAY, DAY + 7 * HOUR, NULL,
                          RAPAT_MEETING_CONFIRMED);
  g_autofree char *order = NULL;

  append_item (fx.store, m, "A");
  append_item (fx.store, m, "B");
  append_item (fx.store, m, "C");

  ck_assert (!rapat_store_agenda_remove (fx.store, m, 99, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->code == RAPAT_ERROR_INVALID || error->code == RAPAT_ERROR_NOT_FOUND,
                 "remove 99: %s", error->message);
  g_clear_error (&error);
  ck_assert (!rapat_store_agenda_remove (fx.store, m, 0, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->code == RAPAT_ERROR_INVALID || error->code == RAPAT_ERROR_NOT_FOUND,
                 "remove 0: %s", error->message);
  g_clear_error (&error);
  ck_assert (!rapat_store_agenda_move (fx.store, m, 9, 1, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "position '9'");
  order = agenda_order (fx.store, m);
  ck_assert_str_eq (order, "A,B,C");
}
END_TEST

/* Regression test (fixed): src/store.c:330 switches the file to WAL (PRAGMA journal_mode = WAL
 * rewrites header bytes 18-19) before src/store.c:332 finds that the schema
 * is newer and refuses it, so a refused database is not left as it was
 * (DESIGN.md: "the database is left as it was").  Expected: the file is
 * byte-identical after the refusal (check the version before writing). */
START_TEST (test_bug_newer_schema_file_modified)
{
  GError *error = NULL;
  g_autofree char *path = new_path ("newer-bytes");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RapatStore) s = NULL;

  sql_exec (path, "CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');"
                  "PRAGMA user_version = 99;");
  before = file_bytes (path);
  s = rapat_store_open (path, &error);
  ck_assert_ptr_null (s);
  rapat_assert_error (error, RAPAT_ERROR_SCHEMA);
  after = file_bytes (path);
  ck_assert_msg (g_bytes_equal (before, after), "the refused database was modified");
}
END_TEST

/* Regression test (fixed): src/store-directory.c:31 and schema/0001-foundation.sql:17 compare
 * unit names with COLLATE NOCASE, which folds ASCII only, while every lookup
 * uses rapat_fold() (full case folding).  So "ruang élise" is accepted next
 * to "Ruang Élise" (the names differ in the case of É only), after which
 * the exact name of either is ambiguous.
 * Expected: RAPAT_ERROR_EXISTS, as for "KANWIL" next to "Kanwil". */
START_TEST (test_bug_unit_duplicate_name_non_ascii_case)
{
  GError *error = NULL;
  g_autoptr(RapatUnit) clash = rapat_unit_new ();
  gint64 id = -1;

  add_unit (fx.store, "Ruang Élise", NULL, 0);
  clash->name = g_strdup ("ruang élise");
  ck_assert (!rapat_store_unit_insert (fx.store, clash, &error));
  rapat_assert_error (error, RAPAT_ERROR_EXISTS);
  ck_assert (rapat_store_unit_resolve (fx.store, "Ruang Élise", &id, &error));
  rapat_assert_no_error (error);
}
END_TEST

/* Adds the tests of units and people to @tc. */
static void
add_directory_tests (TCase *tc)
{
  tcase_add_test (tc, test_unit_insert_get);
  tcase_add_test (tc, test_unit_get_missing);
  tcase_add_test (tc, test_unit_update);
  tcase_add_test (tc, test_unit_list_tree_order);
  tcase_add_test (tc, test_unit_duplicates);
  tcase_add_test (tc, test_unit_parent_cycle);
  tcase_add_test (tc, test_unit_resolve);
  tcase_add_test (tc, test_unit_find);
  tcase_add_test (tc, test_person_insert_get_update);
  tcase_add_test (tc, test_person_list_order_and_filter);
  tcase_add_test (tc, test_person_duplicate_email);
  tcase_add_test (tc, test_person_resolve);
  tcase_add_test (tc, test_person_find);
  tcase_add_test (tc, test_person_delete_in_use);
  tcase_add_test (tc, test_person_delete_message_names_person);
}

/* Adds the tests of meetings, agendas and attendees to @tc. */
static void
add_meeting_tests (TCase *tc)
{
  tcase_add_test (tc, test_meeting_insert_get);
  tcase_add_test (tc, test_meeting_default_kind_and_missing);
  tcase_add_test (tc, test_meeting_update);
  tcase_add_test (tc, test_meeting_find_uid);
  tcase_add_test (tc, test_meeting_constraints);
  tcase_add_test (tc, test_meeting_delete_cascades);
  tcase_add_test (tc, test_meeting_list_range);
  tcase_add_test (tc, test_meeting_list_kind_status);
  tcase_add_test (tc, test_meeting_resolve);
  tcase_add_test (tc, test_agenda_insert_at_end);
  tcase_add_test (tc, test_agenda_per_meeting);
  tcase_add_test (tc, test_agenda_update);
  tcase_add_test (tc, test_agenda_remove_last);
  tcase_add_test (tc, test_agenda_move_refused);
  tcase_add_test (tc, test_agenda_resolve);
  tcase_add_test (tc, test_attendee_insert_get_list);
  tcase_add_test (tc, test_attendee_update);
  tcase_add_test (tc, test_attendee_duplicate);
  tcase_add_test (tc, test_attendee_remove);
  tcase_add_test (tc, test_attendee_protocol_order);
  tcase_add_test (tc, test_meeting_copy_contents);
  tcase_add_test (tc, test_meeting_foreach_full_matches_lists);
  tcase_add_test (tc, test_meeting_foreach_full_order);
  tcase_add_test (tc, test_meeting_foreach_full_after_changes);
  tcase_add_test (tc, test_meeting_foreach_full_stop);
  tcase_add_test (tc, test_meeting_foreach_full_nested_refused);
}


/* ---- rows changed outside rapat ---- */

/* A store on a file with a small directory and one meeting; the ids are
 * kept for the tests below, which change rows with their own connection. */
static struct {
  char *path;
  gint64 top, unit, person, meeting, attendee;
} tx;

/* Builds tx's store as fx.store. */
static void
tampered_setup (void)
{
  tx.path = new_path ("tampered");
  fx.store = rapat_test_store_open (tx.path);
  tx.top = add_unit (fx.store, "Kanwil Maluku", NULL, 0);
  tx.unit = add_unit (fx.store, "Lapas Ambon", NULL, tx.top);
  tx.person = add_person (fx.store, "Ricky Dwi Biantoro", NULL, tx.unit, NULL);
  tx.meeting = add_meeting (fx.store, "Rakernis", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  append_item (fx.store, tx.meeting, "Pembukaan");
  tx.attendee = invite (fx.store, tx.meeting, tx.person, RAPAT_ROLE_CHAIR);
}

/* Closes the store of tampered_setup(). */
static void
tampered_teardown (void)
{
  g_clear_pointer (&fx.store, rapat_store_free);
  g_clear_pointer (&tx.path, g_free);
}

/* Runs @sql on tx's file through a connection of its own, as another
 * program would, with CHECK constraints off. */
static void
tamper (const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  ck_assert_int_eq (sqlite3_open (tx.path, &db), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (db, "PRAGMA ignore_check_constraints = 1", NULL, NULL, &msg)
                 == SQLITE_OK && sqlite3_exec (db, sql, NULL, NULL, &msg) == SQLITE_OK,
                 "%s: %s", sql, msg != NULL ? msg : "");
  sqlite3_close (db);
}

/* Asserts @error is a bad-row error starting with @start ("meeting 1: title"). */
static void
assert_bad_row (GError **error, const char *start)
{
  ck_assert_msg (*error != NULL, "no error, expected '%s'", start);
  ck_assert_msg (g_str_has_prefix ((*error)->message, start), "'%s' does not start with '%s'",
                 (*error)->message, start);
  ck_assert_msg (strstr ((*error)->message, "changed outside rapat") != NULL, "%s",
                 (*error)->message);
  ck_assert_int_eq ((*error)->code, RAPAT_ERROR_STORE);
  g_clear_error (error);
}

/* Calls rapat_store_meeting_foreach_full() over everything, counting meetings. */
static gboolean
count_full (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees, gpointer data,
            GError **error)
{
  (*(int *) data)++;
  return TRUE;
}

/* Asserts that every reader of meetings fails with @start. */
static void
assert_meeting_readers_fail (const char *start)
{
  RapatMeetingFilter all = { 0, 0, NULL, -1 };
  RapatMeetingFilter brief = { 0, 0, NULL, -1 };
  GError *error = NULL;
  int n = 0;

  brief.brief = TRUE;
  ck_assert (rapat_store_meeting_get (fx.store, tx.meeting, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_meeting_list (fx.store, &all, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_meeting_list (fx.store, &brief, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (!rapat_store_meeting_foreach_full (fx.store, &all, count_full, &n, &error));
  assert_bad_row (&error, start);
  ck_assert_int_eq (n, 0);
}

START_TEST (test_tampered_meeting_title)
{
  g_autofree char *start = g_strdup_printf ("meeting %" G_GINT64_FORMAT ": title is not valid UTF-8",
                                            tx.meeting);

  tamper ("UPDATE meeting SET title = CAST(X'41C3' AS TEXT)");
  assert_meeting_readers_fail (start);
}
END_TEST

START_TEST (test_tampered_meeting_times)
{
  static const char *const sql[] = {
    "UPDATE meeting SET start_utc = 4611686018427387904",
    "UPDATE meeting SET start_utc = -4611686018427387904",
    "UPDATE meeting SET end_utc = 9223372036854775807",
    "UPDATE meeting SET end_utc = start_utc - 60",
    "UPDATE meeting SET status = 'postponed'",
    "UPDATE meeting SET status = 'Confirmed'",
  };
  static const char *const what[] = { "start_utc 4611686018427387904 is outside",
    "start_utc -4611686018427387904 is outside", "end_utc 9223372036854775807 is outside",
    "end_utc is not after start_utc", "status 'postponed' is not a value",
    "status 'Confirmed' is not a value" };
  g_autofree char *start = g_strdup_printf ("meeting %" G_GINT64_FORMAT ": %s", tx.meeting,
                                            what[_i]);

  tamper (sql[_i]);
  assert_meeting_readers_fail (start);
}
END_TEST

START_TEST (test_tampered_person_name)
{
  g_autofree char *start = g_strdup_printf ("person %" G_GINT64_FORMAT ": name is not valid UTF-8",
                                            tx.person);
  RapatAttendanceScope scope = { 0 };
  g_auto(RapatAttendanceTally) tally = { 0 };
  RapatMeetingFilter all = { 0, 0, NULL, -1 };
  GError *error = NULL;
  int n = 0;

  tamper ("UPDATE person SET name = CAST(X'41C3' AS TEXT)");
  ck_assert (rapat_store_person_get (fx.store, tx.person, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_person_list (fx.store, 0, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_attendee_list (fx.store, tx.meeting, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (!rapat_store_meeting_foreach_full (fx.store, &all, count_full, &n, &error));
  assert_bad_row (&error, start);
  ck_assert (!rapat_store_attendance_tally (fx.store, &scope, &tally, &error));
  assert_bad_row (&error, start);
  /* The meeting itself does not involve the person's name. */
  {
    g_autoptr(RapatMeeting) m = rapat_store_meeting_get (fx.store, tx.meeting, &error);
    rapat_assert_no_error (error);
  }
}
END_TEST

START_TEST (test_tampered_unit_name)
{
  g_autofree char *start = g_strdup_printf ("unit %" G_GINT64_FORMAT ": name is not valid UTF-8",
                                            tx.unit);
  RapatAttendanceScope scope = { 0 };
  g_auto(RapatAttendanceTally) tally = { 0 };
  GError *error = NULL;

  tamper ("UPDATE unit SET name = CAST(X'41C3' AS TEXT) WHERE parent_id IS NOT NULL");
  ck_assert (rapat_store_unit_get (fx.store, tx.unit, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_unit_list (fx.store, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_person_list (fx.store, 0, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_attendee_list (fx.store, tx.meeting, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (!rapat_store_attendance_tally (fx.store, &scope, &tally, &error));
  assert_bad_row (&error, start);
}
END_TEST

START_TEST (test_tampered_item_title)
{
  RapatMeetingFilter all = { 0, 0, NULL, -1 };
  GError *error = NULL;
  int n = 0;

  tamper ("UPDATE agenda_item SET title = CAST(X'41C3' AS TEXT)");
  ck_assert (rapat_store_agenda_list (fx.store, tx.meeting, &error) == NULL);
  assert_bad_row (&error, "agenda_item ");
  ck_assert (!rapat_store_meeting_foreach_full (fx.store, &all, count_full, &n, &error));
  assert_bad_row (&error, "agenda_item ");
  ck_assert (rapat_store_agenda_resolve (fx.store, tx.meeting, "1", &error) == NULL);
  assert_bad_row (&error, "agenda_item ");
}
END_TEST

START_TEST (test_tampered_rsvp)
{
  g_autofree char *start = g_strdup_printf ("attendee %" G_GINT64_FORMAT ": ", tx.attendee);
  RapatAttendanceScope scope = { 0 };
  g_auto(RapatAttendanceTally) tally = { 0 };
  RapatAttendanceCounts counts;
  GError *error = NULL;

  tamper ("UPDATE attendee SET rsvp = 'maybe'");
  ck_assert (rapat_store_attendee_list (fx.store, tx.meeting, &error) == NULL);
  assert_bad_row (&error, start);
  ck_assert (rapat_store_attendee_get (fx.store, tx.meeting, tx.person, &error) == NULL);
  assert_bad_row (&error, start);
  /* The one-meeting count reads the same rows, checked the same way. */
  ck_assert (!rapat_store_attendance_meeting (fx.store, tx.meeting, 0, &counts, &error));
  assert_bad_row (&error, start);
  tamper ("UPDATE attendee SET rsvp = 'accepted', attendance = 'late'");
  ck_assert (!rapat_store_attendance_tally (fx.store, &scope, &tally, &error));
  assert_bad_row (&error, start);
  ck_assert (!rapat_store_attendance_meeting (fx.store, tx.meeting, 0, &counts, &error));
  assert_bad_row (&error, start);
}
END_TEST

/* A clash with a meeting whose title was damaged is refused, as reading
 * that meeting would be, rather than printed. */
START_TEST (test_tampered_clash_title)
{
  g_autofree char *start = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  GError *error = NULL;
  gint64 other = add_meeting (fx.store, "Rapat staf", DAY + HOUR / 2, DAY + 2 * HOUR, NULL,
                              RAPAT_MEETING_CONFIRMED);

  invite (fx.store, other, tx.person, RAPAT_ROLE_PARTICIPANT);
  clashes = rapat_store_meeting_clashes (fx.store, tx.meeting, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (clashes->len, 1);
  g_clear_pointer (&clashes, g_ptr_array_unref);
  start = g_strdup_printf ("meeting %" G_GINT64_FORMAT ": title is not valid UTF-8", other);
  tamper ("UPDATE meeting SET title = CAST(X'41C3' AS TEXT) WHERE title = 'Rapat staf'");
  ck_assert (rapat_store_meeting_clashes (fx.store, tx.meeting, &error) == NULL);
  assert_bad_row (&error, start);
}
END_TEST

START_TEST (test_tampered_unit_cycle)
{
  RapatAttendanceScope scope = { 0 };
  g_auto(RapatAttendanceTally) tally = { 0 };
  GError *error = NULL;

  gboolean within = TRUE;

  tamper ("UPDATE unit SET parent_id = (SELECT max(id) FROM unit) WHERE parent_id IS NULL");
  ck_assert (rapat_store_unit_get (fx.store, tx.top, &error) == NULL);
  assert_bad_row (&error, "unit ");
  ck_assert (rapat_store_unit_get (fx.store, tx.unit, &error) == NULL);
  assert_bad_row (&error, "unit ");
  ck_assert (rapat_store_unit_list (fx.store, &error) == NULL);
  assert_bad_row (&error, "unit ");
  ck_assert (!rapat_store_attendance_tally (fx.store, &scope, &tally, &error));
  assert_bad_row (&error, "unit ");
  /* Walks of the tree end. */
  ck_assert_msg (rapat_store_unit_is_within (fx.store, tx.top, 999, &within, &error), "%s",
                 error != NULL ? error->message : "");
  ck_assert (!within);
}
END_TEST

START_TEST (test_tampered_negative_version)
{
  GError *error = NULL;
  RapatStore *again;

  tamper ("PRAGMA user_version = -3");
  ck_assert_int_eq (rapat_store_version (fx.store), -1);
  again = rapat_store_open (tx.path, &error);
  ck_assert (again == NULL);
  rapat_assert_error_contains (error, RAPAT_ERROR_SCHEMA, "schema version -3");
  ck_assert (!rapat_store_migrate (fx.store, rapat_store_latest_version (), &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_SCHEMA, "schema version -3");
}
END_TEST

/* ---- a database that cannot be read ---- */

/* The tables whose rows a _get function reads, one per loop iteration of
 * test_damaged_get. */
static const char *const damaged_tables[] = {
  "meeting", "series", "person", "unit", "issue", "action", "attendee", "unit",
};

/* Overwrites the root page of @table (or index) in the closed file @path
 * with junk: the schema on page 1 stays readable, so statements prepare,
 * and the first step into the table fails with SQLITE_CORRUPT. */
static void
damage_table (const char *path, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_master WHERE name = '%s'",
                                          table);
  gint64 root = sql_int (path, sql);
  gint64 page_size = sql_int (path, "PRAGMA page_size");
  char junk[256];
  FILE *f;

  memset (junk, 0x5a, sizeof junk);
  f = fopen (path, "r+b");
  ck_assert (f != NULL);
  ck_assert_int_eq (fseek (f, (long) ((root - 1) * page_size), SEEK_SET), 0);
  for (gint64 done = 0; done < page_size; done += sizeof junk)
    ck_assert_uint_eq (fwrite (junk, 1, sizeof junk, f), sizeof junk);
  ck_assert_int_eq (fclose (f), 0);
}

/* A record whose table cannot be read is a database error carrying
 * SQLite's reason, never "not found" (which would send a user looking for
 * a typo in an id while the file is damaged). */
START_TEST (test_damaged_get)
{
  const char *table = damaged_tables[_i];
  g_autofree char *path = new_path ("damaged");
  RapatStore *s = rapat_test_store_open (path);
  gint64 unit, person, meeting;
  GError *error = NULL;
  gboolean found = FALSE;

  unit = add_unit (s, "Kanwil Maluku", NULL, 0);
  person = add_person (s, "Ricky Dwi Biantoro", NULL, unit, NULL);
  meeting = add_meeting (s, "Rakernis", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  invite (s, meeting, person, RAPAT_ROLE_CHAIR);
  rapat_store_free (s);
  sql_exec (path,
    "INSERT INTO series (id, uid, rrule, start_utc, duration_s, tzid, created_at) "
    "  VALUES (1, 's1@rapat', 'FREQ=WEEKLY', 1756771200, 3600, 'Asia/Jayapura', 0);"
    "INSERT INTO issue (id, title, created_at) VALUES (1, 'Overkapasitas', 0);"
    "INSERT INTO action (id, uid, title, owner_unit_id, created_at, updated_at) "
    "  VALUES (1, 'a1@rapat', 'Data hunian', 1, 0, 0);");
  damage_table (path, table);

  s = rapat_test_store_open (path);
  switch (_i)
    {
    case 0:
      {
        g_autoptr(RapatMeeting) m = rapat_store_meeting_get (s, meeting, &error);
        found = m != NULL;
      }
      break;
    case 1:
      {
        g_autoptr(RapatSeries) x = rapat_store_series_get (s, 1, &error);
        found = x != NULL;
      }
      break;
    case 2:
      {
        g_autoptr(RapatPerson) p = rapat_store_person_get (s, person, &error);
        found = p != NULL;
      }
      break;
    case 3:
      {
        g_autoptr(RapatUnit) u = rapat_store_unit_get (s, unit, &error);
        found = u != NULL;
      }
      break;
    case 4:
      {
        g_autoptr(RapatIssue) i = rapat_store_issue_get (s, 1, "2025-09-02", &error);
        found = i != NULL;
      }
      break;
    case 5:
      {
        g_autoptr(RapatAction) a = rapat_store_action_get (s, 1, &error);
        found = a != NULL;
      }
      break;
    case 6:
      {
        g_autoptr(RapatAttendee) a = rapat_store_attendee_get (s, meeting, person, &error);
        found = a != NULL;
      }
      break;
    case 7:
      /* The walk up the tree, which once took a failed step for "not within". */
      found = rapat_store_unit_is_within (s, unit, unit + 1000, &found, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  ck_assert_msg (!found, "%s: read from a damaged table", table);
  ck_assert_msg (error != NULL, "%s: no error", table);
  ck_assert_msg (error->code != RAPAT_ERROR_NOT_FOUND, "%s: reported as %s", table, error->message);
  rapat_assert_error_contains (error, RAPAT_ERROR_STORE, "malformed");
  g_clear_error (&error);
  rapat_store_free (s);
}
END_TEST

/* A meeting sought by its UID in a damaged table is an error, not "none". */
START_TEST (test_damaged_find_uid)
{
  g_autofree char *path = new_path ("damaged");
  RapatStore *s = rapat_test_store_open (path);
  GError *error = NULL;

  add_meeting (s, "Rakernis", DAY, DAY + HOUR, NULL, RAPAT_MEETING_CONFIRMED);
  rapat_store_free (s);
  /* The UID is looked up in its index (a missing one never reaches the table). */
  damage_table (path, "sqlite_autoindex_meeting_1");
  s = rapat_test_store_open (path);
  ck_assert_int_eq (rapat_store_meeting_find_uid (s, "no-such-uid@rapat", &error), 0);
  rapat_assert_error_contains (error, RAPAT_ERROR_STORE, "malformed");
  g_clear_error (&error);
  rapat_store_free (s);
}
END_TEST

/* Returns a test case whose tests each get a fresh store from @setup. */
static TCase *
store_tcase (const char *name, SFun setup)
{
  TCase *tc = tcase_create (name);

  tcase_add_unchecked_fixture (tc, tmpdir_setup, tmpdir_teardown);
  tcase_add_checked_fixture (tc, setup, store_teardown);
  return tc;
}

/* Builds the suite. */
static Suite *
store_suite (void)
{
  Suite *s = suite_create ("store");
  TCase *tc;

  tc = tcase_create ("open");
  tcase_add_unchecked_fixture (tc, tmpdir_setup, tmpdir_teardown);
  tcase_add_test (tc, test_open_creates_private_file);
  tcase_add_test (tc, test_open_memory);
  tcase_add_test (tc, test_open_reopen_keeps_data);
  tcase_add_test (tc, test_open_existing_empty_file);
  tcase_add_test (tc, test_open_directory_refused);
  tcase_add_test (tc, test_open_missing_folder_refused);
  tcase_add_test (tc, test_open_not_sqlite_refused);
  tcase_add_test (tc, test_open_newer_schema_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("migrate");
  tcase_add_unchecked_fixture (tc, tmpdir_setup, tmpdir_teardown);
  /* One run per earlier schema version: 0 .. latest - 1. */
  tcase_add_loop_test (tc, test_migrate_from_version, 0, rapat_store_latest_version ());
  tcase_add_test (tc, test_migrate_5_keeps_rows);
  tcase_add_test (tc, test_migrate_20_keeps_external_invitees);
  tcase_add_test (tc, test_migrate_refuses_broken_reference);
  tcase_add_test (tc, test_migrate_explicit);
  suite_add_tcase (s, tc);

  tc = store_tcase ("transactions", memory_setup);
  tcase_add_test (tc, test_rollback_leaves_nothing);
  tcase_add_test (tc, test_commit_keeps);
  tcase_add_test (tc, test_transactions_on_file);
  tcase_add_test (tc, test_begin_twice_refused);
  suite_add_tcase (s, tc);

  tc = store_tcase ("directory", memory_setup);
  add_directory_tests (tc);
  suite_add_tcase (s, tc);

  tc = store_tcase ("meetings", memory_setup);
  add_meeting_tests (tc);
  suite_add_tcase (s, tc);

  /* The same record tests on a file, where WAL and the file's own
   * connection settings are in play. */
  tc = store_tcase ("on-file", file_setup);
  add_directory_tests (tc);
  add_meeting_tests (tc);
  suite_add_tcase (s, tc);

  tc = tcase_create ("tampered");
  tcase_add_unchecked_fixture (tc, tmpdir_setup, tmpdir_teardown);
  tcase_add_checked_fixture (tc, tampered_setup, tampered_teardown);
  tcase_add_test (tc, test_tampered_meeting_title);
  tcase_add_loop_test (tc, test_tampered_meeting_times, 0, 6);
  tcase_add_test (tc, test_tampered_person_name);
  tcase_add_test (tc, test_tampered_unit_name);
  tcase_add_test (tc, test_tampered_item_title);
  tcase_add_test (tc, test_tampered_rsvp);
  tcase_add_test (tc, test_tampered_clash_title);
  tcase_add_test (tc, test_tampered_unit_cycle);
  tcase_add_test (tc, test_tampered_negative_version);
  suite_add_tcase (s, tc);

  tc = tcase_create ("damaged");
  tcase_add_unchecked_fixture (tc, tmpdir_setup, tmpdir_teardown);
  tcase_add_loop_test (tc, test_damaged_get, 0, G_N_ELEMENTS (damaged_tables));
  tcase_add_test (tc, test_damaged_find_uid);
  suite_add_tcase (s, tc);

  /* Tests that show bugs in src/; tagged so that CK_EXCLUDE_TAGS=bug skips them. */
  tc = store_tcase ("bugs", memory_setup);
  tcase_set_tags (tc, "bug");
  tcase_add_test (tc, test_bug_agenda_insert_at_position);
  tcase_add_test (tc, test_bug_agenda_move);
  tcase_add_test (tc, test_bug_agenda_remove_middle);
  tcase_add_test (tc, test_bug_agenda_position_not_checked);
  tcase_add_test (tc, test_bug_newer_schema_file_modified);
  tcase_add_test (tc, test_bug_unit_duplicate_name_non_ascii_case);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rapat_test_run (store_suite ());
}
