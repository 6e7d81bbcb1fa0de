/* rapat tests — "rapat check" (rapat_store_check_all()) and "rapat backup"
 * (rapat_store_backup()).
 *
 * Each case tampers a real archive with raw SQL (with CHECK constraints and
 * foreign keys switched off, as another program might write) and expects
 * the check to report exactly the broken rows and nothing else.  The
 * archive is the demo meeting plus a weekly series, made once per test
 * case with the real CLI; sqlite3.h is included only to tamper. */
#include "check-common.h"
#include "cmd.h"
#include "store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

static struct {
  char *tmpdir;
  char *template_db;     /* the untouched archive */
  guint n_paths;
} fx;

/* Runs the CLI with the NULL-terminated arguments after "rapat", failing
 * the test unless it succeeds. */
static void
run_cli (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;
  int rc;

  g_ptr_array_add (argv, (char *) "rapat");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  rc = rapat_cmd_main ((int) argv->len - 1, (char **) argv->pdata);
  ck_assert_msg (rc == 0, "rapat %s ... exited %d", first, rc);
}

/* Unchecked fixture: the temp folder and the archive every test copies. */
static void
archive_setup (void)
{
  fx.tmpdir = rapat_test_tmpdir_new ("rapat-check-check-XXXXXX");
  fx.template_db = g_build_filename (fx.tmpdir, "template.db", NULL);
  run_cli ("--db", fx.template_db, "demo", NULL);
  /* Meetings 2 to 5: one weekly series, series 1. */
  run_cli ("--db", fx.template_db, "meeting", "add", "Rapat mingguan", "--start",
           "2025-09-08 09:00", "--duration", "1h", "--tz", "Asia/Jayapura", "--repeat", "weekly",
           "--count", "4", NULL);
}

static void
archive_teardown (void)
{
  rapat_test_remove_tree (fx.tmpdir);
  g_clear_pointer (&fx.tmpdir, g_free);
  g_clear_pointer (&fx.template_db, g_free);
}

/* Returns the path of a fresh copy of the archive. */
static char *
archive_copy (void)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  char *path = g_strdup_printf ("%s/copy-%d-%u.db", fx.tmpdir, (int) getpid (), ++fx.n_paths);

  ck_assert (g_file_get_contents (fx.template_db, &data, &len, NULL));
  ck_assert (g_file_set_contents (path, data, len, NULL));
  ck_assert_int_eq (g_chmod (path, 0600), 0);
  return path;
}

/* Runs @sql on @path directly, with CHECK constraints and foreign keys off. */
static void
tamper (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;
  g_autofree char *all = g_strconcat ("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; ",
                                      sql, NULL);

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (db, all, NULL, NULL, &msg) == SQLITE_OK, "tamper '%s': %s", sql,
                 msg != NULL ? msg : "?");
  sqlite3_close (db);
}

/* Returns the problems the check finds in @path. */
static GPtrArray *
check_file (const char *path)
{
  g_autoptr(RapatStore) store = rapat_test_store_open (path);
  GError *error = NULL;
  GPtrArray *problems = rapat_store_check_all (store, &error);

  rapat_assert_no_error (error);
  ck_assert (problems != NULL);
  return problems;
}

/* Returns the problems as lines "table id level: message", for messages. */
static char *
describe (GPtrArray *problems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const RapatProblem *p = problems->pdata[i];
      g_string_append_printf (s, "\n  %s %" G_GINT64_FORMAT " %s: %s", p->table, p->id,
                              p->level == RAPAT_PROBLEM_ERROR ? "error" : "warning", p->message);
    }
  return g_string_free (s, FALSE);
}

typedef struct {
  const char *name;
  const char *sql;
  const char *table;          /* NULL: nothing is to be reported */
  gint64 id;
  gint64 id2;                 /* a second row of the same table, or 0 */
  RapatProblemLevel level;
  const char *needle;         /* a part of the message */
} Case;

static const Case cases[] = {
  { "a description may hold tabs and newlines",
    "UPDATE meeting SET description = 'a' || char(10) || char(9) || 'b' WHERE id = 1",
    NULL, 0, 0, 0, NULL },
  { "role outside the enumeration",
    "UPDATE attendee SET role = 'boss' WHERE id = 3",
    "attendee", 3, 0, RAPAT_PROBLEM_ERROR, "role 'boss'" },
  { "meeting status outside the enumeration",
    "UPDATE meeting SET status = 'postponed' WHERE id = 4",
    "meeting", 4, 0, RAPAT_PROBLEM_ERROR, "status 'postponed'" },
  { "reply history keeps only real replies",
    "INSERT INTO reply_history (id, attendee_id, rsvp, reset_at, reason) "
    "VALUES (900, 1, 'needs-action', 1756771200, 'time')",
    "reply_history", 900, 0, RAPAT_PROBLEM_ERROR, "rsvp 'needs-action'" },
  { "a control character in a title",
    "UPDATE meeting SET title = 'Rapat' || char(1) WHERE id = 1",
    "meeting", 1, 0, RAPAT_PROBLEM_ERROR, "U+0001" },
  { "a newline in a unit's name",
    "UPDATE unit SET name = 'Rutan' || char(10) || 'Ambon' WHERE id = 4",
    "unit", 4, 0, RAPAT_PROBLEM_ERROR, "single line" },
  { "invalid UTF-8 in a name",
    "UPDATE person SET name = CAST(X'52FF41' AS TEXT) WHERE id = 2",
    "person", 2, 0, RAPAT_PROBLEM_ERROR, "UTF-8" },
  { "a blank title",
    "UPDATE issue SET title = '   ' WHERE id = 2",
    "issue", 2, 0, RAPAT_PROBLEM_ERROR, "empty" },
  { "an e-mail that is no address",
    "UPDATE person SET email = 'nobody' WHERE id = 3",
    "person", 3, 0, RAPAT_PROBLEM_ERROR, "e-mail 'nobody'" },
  { "a cycle of parent units",
    "UPDATE unit SET parent_id = 3 WHERE id = 2; UPDATE unit SET parent_id = 2 WHERE id = 3",
    "unit", 2, 3, RAPAT_PROBLEM_ERROR, "cycle" },
  { "unit names that differ only in case beyond ASCII",
    "INSERT INTO unit (id, name, created_at) VALUES (900, 'Ékspedisi', 0), (901, 'ékspedisi', 0)",
    "unit", 901, 0, RAPAT_PROBLEM_ERROR, "unit 900" },
  { "unit codes that differ only in case beyond ASCII",
    "INSERT INTO unit (id, name, code, created_at) VALUES (900, 'A', 'ÉK', 0), (901, 'B', 'ék', 0)",
    "unit", 901, 0, RAPAT_PROBLEM_ERROR, "code" },
  { "two people with one e-mail",
    "DROP INDEX person_email_idx; "
    "UPDATE person SET email = (SELECT upper(email) FROM person WHERE id = 2) WHERE id = 3",
    "person", 3, 0, RAPAT_PROBLEM_ERROR, "person 2" },
  { "a meeting ending at its start",
    "UPDATE meeting SET end_utc = start_utc WHERE id = 3",
    "meeting", 3, 0, RAPAT_PROBLEM_ERROR, "not after" },
  { "a meeting of 32 days",
    "UPDATE meeting SET end_utc = start_utc + 32 * 86400 WHERE id = 3",
    "meeting", 3, 0, RAPAT_PROBLEM_ERROR, "31 days" },
  { "a start before 1900",
    "UPDATE meeting SET start_utc = -3000000000 WHERE id = 3",
    "meeting", 3, 0, RAPAT_PROBLEM_ERROR, "start_utc '-3000000000'" },
  { "a start that is text",
    "UPDATE meeting SET start_utc = 'soon' WHERE id = 3",
    "meeting", 3, 0, RAPAT_PROBLEM_ERROR, "start_utc 'soon'" },
  { "a zone that does not load",
    "UPDATE meeting SET tzid = 'Mars/Olympus' WHERE id = 1",
    "meeting", 1, 0, RAPAT_PROBLEM_ERROR, "Mars/Olympus" },
  { "a negative sequence",
    "UPDATE meeting SET sequence = -1 WHERE id = 2",
    "meeting", 2, 0, RAPAT_PROBLEM_ERROR, "sequence '-1'" },
  { "a reason for cancelling a meeting that is not cancelled",
    "UPDATE meeting SET cancel_reason = 'hujan' WHERE id = 1",
    "meeting", 1, 0, RAPAT_PROBLEM_ERROR, "cancel_reason" },
  { "attendance recorded on a cancelled meeting",
    "UPDATE meeting SET status = 'cancelled' WHERE id = 1",
    "meeting", 1, 0, RAPAT_PROBLEM_WARNING, "cancelled" },
  { "an occurrence at a start the rule does not give",
    "UPDATE meeting SET recurrence_utc = recurrence_utc + 3600 WHERE id = 3",
    "meeting", 3, 0, RAPAT_PROBLEM_ERROR, "rule of series 1" },
  { "an occurrence whose uid is not derived from the series'",
    "UPDATE meeting SET uid = 'lain@rapat' WHERE id = 4",
    "meeting", 4, 0, RAPAT_PROBLEM_ERROR, "uid 'lain@rapat'" },
  { "an occurrence without its recurrence",
    "UPDATE meeting SET recurrence_utc = NULL WHERE id = 5",
    "meeting", 5, 0, RAPAT_PROBLEM_ERROR, "recurrence_utc" },
  { "a rule that does not expand",
    "UPDATE series SET rrule = 'FREQ=SOMETIMES' WHERE id = 1",
    "series", 1, 0, RAPAT_PROBLEM_ERROR, "rrule" },
  { "a series' zone that does not load",
    "UPDATE series SET tzid = 'Nowhere/Land' WHERE id = 1",
    "series", 1, 0, RAPAT_PROBLEM_ERROR, "Nowhere/Land" },
  { "a series without occurrences",
    "DELETE FROM meeting WHERE series_id = 1",
    "series", 1, 0, RAPAT_PROBLEM_WARNING, "every occurrence" },
  { "a gap in the agenda's positions",
    "UPDATE agenda_item SET position = 99 WHERE id = 10",
    "agenda_item", 10, 0, RAPAT_PROBLEM_ERROR, "position '99 of 10'" },
  { "kept agenda times that differ from the schedule",
    "UPDATE agenda_item SET start_utc = start_utc + 60 WHERE id = 4",
    "agenda_item", 4, 0, RAPAT_PROBLEM_ERROR, "schedule" },
  { "an agenda item without kept times",
    "UPDATE agenda_item SET start_utc = NULL, end_utc = NULL WHERE id = 6",
    "agenda_item", 6, 0, RAPAT_PROBLEM_ERROR, "no times" },
  { "an item in parallel with a later one",
    "UPDATE agenda_item SET parallel_with = 3 WHERE id = 2",
    "agenda_item", 2, 0, RAPAT_PROBLEM_ERROR, "parallel_with '3'" },
  { "an item of 25 hours",
    "UPDATE agenda_item SET duration_min = 1500, end_utc = start_utc + 90000 WHERE id = 10",
    "agenda_item", 10, 0, RAPAT_PROBLEM_ERROR, "duration_min '1500'" },
  { "an item naming an issue its meeting did not discuss",
    "UPDATE agenda_item SET issue_id = 4 WHERE id = 7; DELETE FROM issue_meeting WHERE issue_id = 4",
    "agenda_item", 7, 0, RAPAT_PROBLEM_ERROR, "issue_id '4'" },
  { "an arrival for someone absent",
    "UPDATE attendee SET attendance = 'absent' WHERE id = 2",
    "attendee", 2, 0, RAPAT_PROBLEM_ERROR, "arrived_utc" },
  { "an arrival after the meeting ended",
    "UPDATE attendee SET arrived_utc = (SELECT end_utc + 60 FROM meeting WHERE id = 1) WHERE id = 5",
    "attendee", 5, 0, RAPAT_PROBLEM_ERROR, "12 hours" },
  { "a person representing themselves",
    "UPDATE attendee SET represented_by = person_id WHERE id = 14",
    "attendee", 14, 0, RAPAT_PROBLEM_ERROR, "themselves" },
  { "a stand-in for someone excused",
    "UPDATE attendee SET attendance = 'excused' WHERE id = 18",
    "attendee", 18, 0, RAPAT_PROBLEM_ERROR, "stand-in" },
  { "a stand-in who is not a person",
    "UPDATE attendee SET represented_by = 9999 WHERE id = 14",
    "attendee", 14, 0, RAPAT_PROBLEM_ERROR, "represented_by: refers to a missing row of 'person'" },
  { "a reply history row of a withdrawn invitation",
    "INSERT INTO reply_history (id, attendee_id, rsvp, reset_at, reason) "
    "VALUES (901, 9999, 'accepted', 1756771200, 'time')",
    "reply_history", 901, 0, RAPAT_PROBLEM_ERROR, "attendee" },
  { "an action without an owner",
    "UPDATE action SET owner_person_id = NULL WHERE id = 3",
    "action", 3, 0, RAPAT_PROBLEM_ERROR, "no owner" },
  { "an action with two owners",
    "UPDATE action SET owner_unit_id = 2 WHERE id = 3",
    "action", 3, 0, RAPAT_PROBLEM_ERROR, "two owners" },
  { "a done action without its day",
    "UPDATE action SET status = 'done', progress = 100 WHERE id = 3",
    "action", 3, 0, RAPAT_PROBLEM_ERROR, "done_at: missing" },
  { "an open action with a done day",
    "UPDATE action SET done_at = 1756771200 WHERE id = 3",
    "action", 3, 0, RAPAT_PROBLEM_ERROR, "done_at: set" },
  { "a done action at 50%",
    "UPDATE action SET progress = 50 WHERE id = 1",
    "action", 1, 0, RAPAT_PROBLEM_ERROR, "100% complete" },
  { "a due day that does not exist",
    "UPDATE action SET due_date = '2025-02-31' WHERE id = 2",
    "action", 2, 0, RAPAT_PROBLEM_ERROR, "due_date '2025-02-31'" },
  { "a due day before the meeting that raised the action",
    "UPDATE action SET due_date = '2025-09-01' WHERE id = 3",
    "action", 3, 0, RAPAT_PROBLEM_WARNING, "2025-09-02" },
  { "an action raised under an issue its meeting did not discuss",
    "UPDATE agenda_item SET issue_id = NULL WHERE id = 8; DELETE FROM issue_meeting WHERE issue_id = 3",
    "action", 4, 5, RAPAT_PROBLEM_WARNING, "issue_id '3'" },
  { "progress past 100 in the history",
    "UPDATE action_event SET progress = 120 WHERE id = 1",
    "action_event", 1, 0, RAPAT_PROBLEM_ERROR, "progress '120'" },
  { "an open issue with a closing day",
    "UPDATE issue SET closed_at = 1756771200 WHERE id = 1",
    "issue", 1, 0, RAPAT_PROBLEM_ERROR, "closed_at: set" },
  { "a resolved issue without its closing day",
    "UPDATE issue SET status = 'resolved' WHERE id = 2",
    "issue", 2, 0, RAPAT_PROBLEM_ERROR, "closed_at: missing" },
  { "decisions numbered with a gap",
    "UPDATE decision SET number = 9 WHERE id = 7",
    "decision", 7, 0, RAPAT_PROBLEM_WARNING, "number '9'" },
  { "an empty decision",
    "UPDATE decision SET text = '' WHERE id = 3",
    "decision", 3, 0, RAPAT_PROBLEM_ERROR, "text" },
  { "an action carrying out a decision of another meeting",
    "UPDATE action SET meeting_id = NULL WHERE id = 6",
    "action", 6, 0, RAPAT_PROBLEM_ERROR, "decision_id '7'" },
  { "final minutes whose signed record is missing",
    "UPDATE minutes SET status = 'final', finalized_at = 1756800000 WHERE id = 1",
    "minutes", 1, 0, RAPAT_PROBLEM_ERROR, "minutes_version" },
  { "minutes status outside the enumeration",
    "UPDATE minutes SET status = 'signed' WHERE id = 1",
    "minutes", 1, 0, RAPAT_PROBLEM_ERROR, "status 'signed'" },
  { "review positions with a gap",
    "INSERT INTO review_action (agenda_item_id, action_id, position) VALUES (10, 1, 5)",
    "agenda_item", 10, 0, RAPAT_PROBLEM_ERROR, "review position '5 of 1'" },
  { "a message e-mailed to nobody",
    "INSERT INTO invite_message (id, meeting_id, message_id, method, sequence, sent_at, "
    "recipients, transport) VALUES (900, 1, 'a@rapat.invalid', 'request', 0, 1756771200, 0, 'mbox')",
    "invite_message", 900, 0, RAPAT_PROBLEM_ERROR, "recipients '0, 0'" },
  { "an invitation recorded under a message about another meeting",
    "INSERT INTO invite_message (id, meeting_id, message_id, method, sequence, sent_at, "
    "recipients, transport) VALUES (900, 1, 'a@rapat.invalid', 'request', 0, 1756771200, 1, 'mbox'); "
    "INSERT INTO invite_sent VALUES (2, 2, 'x@example.go.id', 'request', 0, 1756771200, "
    "'a@rapat.invalid')",
    "meeting", 2, 0, RAPAT_PROBLEM_ERROR, "invite_sent of person 2" },
  { "an invitation e-mailed with a later sequence than the meeting's",
    "INSERT INTO invite_message (id, meeting_id, message_id, method, sequence, sent_at, "
    "recipients, transport) VALUES (900, 1, 'a@rapat.invalid', 'request', 50, 1756771200, 1, 'mbox'); "
    "INSERT INTO invite_sent VALUES (1, 2, 'x@example.go.id', 'request', 50, 1756771200, "
    "'a@rapat.invalid')",
    "meeting", 1, 0, RAPAT_PROBLEM_WARNING, "sequence went back" },
  { "an invitation delegated to its own invitee",
    "UPDATE attendee SET rsvp = 'declined', delegated_to = person_id WHERE id = 3",
    "attendee", 3, 0, RAPAT_PROBLEM_ERROR, "delegate to themselves" },
  { "a delegation kept on an accepted invitation",
    "UPDATE attendee SET rsvp = 'accepted', delegated_to = (SELECT min(p.id) FROM person p "
    "WHERE p.id <> attendee.person_id) WHERE id = 3",
    "attendee", 3, 0, RAPAT_PROBLEM_WARNING, "'accepted', not declined" },
  { "a counter-proposal without a time",
    "INSERT INTO itip_request (id, attendee_id, method, sent_at, sequence, received_at) "
    "VALUES (900, 3, 'counter', 1756771200, 0, 1756771200)",
    "itip_request", 900, 0, RAPAT_PROBLEM_ERROR, "method 'counter'" },
  { "a counter-proposal marked answered",
    "INSERT INTO itip_request (id, attendee_id, method, start_utc, end_utc, sent_at, sequence, "
    "received_at, answered_at) VALUES (900, 3, 'counter', 1756771200, 1756774800, 1756771200, 0, "
    "1756771200, 1756771300)",
    "itip_request", 900, 0, RAPAT_PROBLEM_ERROR, "answered_at" },
  { "a unit headed by a person of another unit",
    "UPDATE unit SET head_person_id = (SELECT id FROM person WHERE name = 'Ricky Dwi Biantoro') "
    "WHERE id = 10",
    "unit", 10, 0, RAPAT_PROBLEM_ERROR, "head_person_id" },
  { "a membership of a person who is gone",
    "INSERT INTO person_group (id, name, created_at) VALUES (1, 'Kepala UPT', 0); "
    "INSERT INTO group_member (id, group_id, person_id, added_at) VALUES (7, 1, 9999, 0)",
    "group_member", 7, 0, RAPAT_PROBLEM_ERROR, "person_id: refers to a missing row of 'person'" },
  { "a membership of a group that is gone",
    "INSERT INTO group_member (id, group_id, person_id, added_at) VALUES (8, 99, 1, 0)",
    "group_member", 8, 0, RAPAT_PROBLEM_ERROR,
    "group_id: refers to a missing row of 'person_group'" },
  { "group names that differ only in case beyond ASCII",
    "DROP INDEX person_group_name_idx; "
    "INSERT INTO person_group (id, name, created_at) VALUES (1, 'Éselon II', 0), "
    "(2, 'éselon ii', 0)",
    "person_group", 2, 0, RAPAT_PROBLEM_ERROR, "group 1" },
  { "a blank group name",
    "INSERT INTO person_group (id, name, created_at) VALUES (3, '  ', 0)",
    "person_group", 3, 0, RAPAT_PROBLEM_ERROR, "empty" },
};

/* Nothing to report on the demo's archive with a series, nor on a fresh one. */
START_TEST (test_clean)
{
  g_autofree char *path = archive_copy ();
  g_autofree char *fresh = g_strdup_printf ("%s/fresh.db", fx.tmpdir);
  g_autoptr(GPtrArray) problems = check_file (path);
  g_autoptr(GPtrArray) none = check_file (fresh);
  g_autofree char *what = describe (problems);

  ck_assert_msg (problems->len == 0, "problems in the demo archive:%s", what);
  ck_assert_uint_eq (none->len, 0);
}
END_TEST

/* Each tampering is reported as exactly the rows it broke. */
START_TEST (test_tampered)
{
  const Case *c = &cases[_i];
  g_autofree char *path = archive_copy ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *what = NULL;
  guint expected = c->table == NULL ? 0 : c->id2 != 0 ? 2 : 1;

  tamper (path, c->sql);
  problems = check_file (path);
  what = describe (problems);
  ck_assert_msg (problems->len == expected, "%s: expected %u problem(s), got:%s", c->name, expected,
                 what);
  for (guint i = 0; i < problems->len; i++)
    {
      const RapatProblem *p = problems->pdata[i];

      ck_assert_msg (strcmp (p->table, c->table) == 0 && p->id == (i == 0 ? c->id : c->id2)
                     && p->level == c->level,
                     "%s: expected %s %" G_GINT64_FORMAT ", got:%s", c->name, c->table,
                     i == 0 ? c->id : c->id2, what);
      ck_assert_msg (strstr (p->message, c->needle) != NULL, "%s: expected '%s' in:%s", c->name,
                     c->needle, what);
    }
}
END_TEST

/* A damaged page is reported as SQLite's finding, and the check still answers. */
START_TEST (test_damaged)
{
  g_autofree char *path = archive_copy ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *what = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 root, page_size;
  char junk[256];
  FILE *f;

  /* The meeting table's root page is overwritten: the header and the
   * schema on page 1 stay readable. */
  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                        "FROM sqlite_master WHERE name = 'meeting'", -1, &stmt, NULL),
                    SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  root = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  memset (junk, 0x5a, sizeof junk);
  f = fopen (path, "r+b");
  ck_assert (f != NULL);
  ck_assert_int_eq (fseek (f, (long) ((root - 1) * page_size), SEEK_SET), 0);
  for (gint64 done = 0; done < page_size; done += sizeof junk)
    ck_assert_uint_eq (fwrite (junk, 1, sizeof junk, f), sizeof junk);
  fclose (f);
  problems = check_file (path);
  what = describe (problems);
  ck_assert_msg (problems->len > 0, "nothing found in a damaged file");
  for (guint i = 0; i < problems->len; i++)
    ck_assert_msg (strcmp (((RapatProblem *) problems->pdata[i])->table, "database") == 0,
                   "expected only the database's damage:%s", what);
}
END_TEST

/* A backup is a checked copy, 0600, that holds what the archive holds. */
START_TEST (test_backup)
{
  g_autofree char *path = archive_copy ();
  g_autofree char *copy = g_strdup_printf ("%s/backup-%u.db", fx.tmpdir, ++fx.n_paths);
  g_autoptr(RapatStore) store = rapat_test_store_open (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDir) dir = NULL;
  GError *error = NULL;
  GStatBuf st;
  gint64 size = 0;
  const char *name;

  ck_assert (rapat_store_backup (store, copy, FALSE, &size, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (g_stat (copy, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (size, (gint64) st.st_size);
  problems = check_file (copy);
  ck_assert_uint_eq (problems->len, 0);
  {
    g_autoptr(RapatStore) b = rapat_test_store_open (copy);
    RapatMeetingFilter all = { 0, 0, NULL, -1, FALSE };
    ck_assert_int_eq (rapat_store_meeting_count (b, &all, NULL), 5);
  }

  /* An existing file only with force; the database itself never. */
  ck_assert (!rapat_store_backup (store, copy, FALSE, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS, "--force");
  ck_assert (rapat_store_backup (store, copy, TRUE, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_store_backup (store, path, TRUE, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "database itself");
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    ck_assert (!rapat_store_backup (store, wal, TRUE, NULL, &error));
    rapat_assert_error (error, RAPAT_ERROR_INVALID);
  }
  {
    g_autofree char *missing = g_strdup_printf ("%s/no-such-folder/b.db", fx.tmpdir);
    ck_assert (!rapat_store_backup (store, missing, FALSE, NULL, &error));
    rapat_assert_error (error, RAPAT_ERROR_IO);
  }
  /* Nothing left behind: no temporary copies in the folder. */
  dir = g_dir_open (fx.tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    ck_assert_msg (name[0] != '.', "left behind: %s", name);
}
END_TEST

static Suite *
check_suite (void)
{
  Suite *s = suite_create ("check");
  TCase *tc = tcase_create ("archive");

  tcase_add_unchecked_fixture (tc, archive_setup, archive_teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_clean);
  tcase_add_loop_test (tc, test_tampered, 0, G_N_ELEMENTS (cases));
  tcase_add_test (tc, test_damaged);
  tcase_add_test (tc, test_backup);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (check_suite ());
}
