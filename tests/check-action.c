/* rapat tests — the rules of action items (src/action.c) and the one JSON
 * writer of an action (exports/report-actions.c), on a real store in memory.
 *
 * The expected values are written out by hand, never recomputed with the
 * code under test. */
#include "check-common.h"
#include "action.h"
#include "report-actions.h"

#include <stdio.h>

/* 2025-09-02 00:00 UTC: 09:00 WIT (Asia/Jayapura, UTC+9, no DST). */
#define DAY G_GINT64_CONSTANT (1756771200)
#define HOUR 3600

static RapatStore *store;

/* Checked fixture: a fresh in-memory store. */
static void
store_setup (void)
{
  store = rapat_test_store_open (":memory:");
}

/* Checked fixture: closes the store. */
static void
store_teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
}

/* Inserts a person and returns their id. */
static gint64
add_person (const char *name)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  ck_assert (rapat_store_person_insert (store, p, &error));
  rapat_assert_no_error (error);
  return p->id;
}

/* Inserts a one-hour meeting in Asia/Jayapura starting at @start; returns its id. */
static gint64
add_meeting (const char *title, gint64 start)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  GError *error = NULL;

  m->uid = rapat_uid_new ();
  m->title = g_strdup (title);
  m->start_utc = start;
  m->end_utc = start + HOUR;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->created_at = m->updated_at = DAY - 24 * HOUR;
  ck_assert (rapat_store_meeting_insert (store, m, &error));
  rapat_assert_no_error (error);
  return m->id;
}

/* Inserts an open issue and returns its id. */
static gint64
add_issue (const char *title)
{
  g_autoptr(RapatIssue) i = rapat_issue_new ();
  GError *error = NULL;

  i->title = g_strdup (title);
  i->created_at = DAY - 24 * HOUR;
  ck_assert (rapat_store_issue_insert (store, i, &error));
  rapat_assert_no_error (error);
  return i->id;
}

/* Creates an action of @owner with rapat_action_create() at @now; returns it. */
static RapatAction *
create (const char *title, gint64 owner, gint64 meeting_id, gint64 issue_id, gint64 now)
{
  RapatAction *a = rapat_action_new ();
  GError *error = NULL;

  a->title = g_strdup (title);
  a->owner_person_id = owner;
  a->meeting_id = meeting_id;
  a->issue_id = issue_id;
  ck_assert (rapat_action_create (store, a, now, &error));
  rapat_assert_no_error (error);
  return a;
}

/* Returns the number of history entries of action @id. */
static guint
n_events (gint64 id)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) history = rapat_store_action_history (store, id, &error);

  rapat_assert_no_error (error);
  return history->len;
}

/* Returns the number of meetings recorded as having discussed issue @id. */
static guint
n_issue_meetings (gint64 id)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) meetings = rapat_store_issue_meetings (store, id, &error);

  rapat_assert_no_error (error);
  return meetings->len;
}

START_TEST (test_set_status)
{
  g_autoptr(RapatAction) a = rapat_action_new ();

  a->progress = 40;
  rapat_action_set_status (a, RAPAT_ACTION_DONE, DAY);
  ck_assert_int_eq (a->status, RAPAT_ACTION_DONE);
  ck_assert_int_eq (a->progress, 100);
  ck_assert_int_eq (a->done_at, DAY);
  /* Done again: the day it was done stays. */
  rapat_action_set_status (a, RAPAT_ACTION_DONE, DAY + HOUR);
  ck_assert_int_eq (a->done_at, DAY);
  /* Reopened: no longer done, the progress is left for the user to set. */
  rapat_action_set_status (a, RAPAT_ACTION_IN_PROGRESS, DAY + 2 * HOUR);
  ck_assert_int_eq (a->status, RAPAT_ACTION_IN_PROGRESS);
  ck_assert_int_eq (a->done_at, 0);
  ck_assert_int_eq (a->progress, 100);
  a->progress = 10;
  rapat_action_set_status (a, RAPAT_ACTION_CANCELLED, DAY);
  ck_assert_int_eq (a->progress, 10);
  ck_assert_int_eq (a->done_at, 0);
}
END_TEST

START_TEST (test_parse_progress)
{
  static const char *const bad[] = { "101", "-1", "abc", "", "50%", "1e2", " 5" };
  GError *error = NULL;
  int v = -7;

  ck_assert (rapat_action_parse_progress ("0", &v, &error));
  ck_assert_int_eq (v, 0);
  ck_assert (rapat_action_parse_progress ("100", &v, &error));
  ck_assert_int_eq (v, 100);
  ck_assert (rapat_action_parse_progress ("55", &v, &error));
  ck_assert_int_eq (v, 55);
  rapat_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      v = -7;
      ck_assert_msg (!rapat_action_parse_progress (bad[i], &v, &error), "'%s' taken", bad[i]);
      rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "from 0 to 100");
      ck_assert_int_eq (v, -7);
    }
}
END_TEST

START_TEST (test_set_due)
{
  /* 2025-09-01 20:00 UTC is 2025-09-02 05:00 in Jayapura: the meeting's
   * day is the 2nd in its own zone, though the 1st in UTC. */
  gint64 m = add_meeting ("Rapat pagi", DAY - 4 * HOUR);
  g_autoptr(RapatAction) a = rapat_action_new ();
  GError *error = NULL;

  a->due = g_strdup ("2025-12-31");
  ck_assert (rapat_action_set_due (store, a, NULL, &error));
  ck_assert_str_eq (a->due, "2025-12-31");
  ck_assert (rapat_action_set_due (store, a, "", &error));
  ck_assert_ptr_null (a->due);
  /* Without a meeting any day goes. */
  ck_assert (rapat_action_set_due (store, a, "2025-08-05", &error));
  ck_assert_str_eq (a->due, "2025-08-05");
  rapat_assert_no_error (error);

  a->meeting_id = m;
  ck_assert (!rapat_action_set_due (store, a, "2025-09-01", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "due '2025-09-01': before the meeting that raised the action "
                               "(2025-09-02)");
  ck_assert_str_eq (a->due, "2025-08-05");
  ck_assert (rapat_action_set_due (store, a, "2025-09-02", &error));
  rapat_assert_no_error (error);
  ck_assert_str_eq (a->due, "2025-09-02");
  ck_assert (!rapat_action_set_due (store, a, "2025-02-30", &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_str_eq (a->due, "2025-09-02");
}
END_TEST

START_TEST (test_create_links_issue)
{
  gint64 p = add_person ("Yohanis Leiwakabessy");
  gint64 m = add_meeting ("Rapat pimpinan", DAY);
  gint64 issue = add_issue ("Kelebihan penghuni");
  gint64 other = add_issue ("Remisi");
  g_autoptr(RapatAction) a = create ("Rekap data hunian", p, m, issue, DAY + HOUR);
  g_autoptr(RapatAction) b = create ("Usulan remisi", p, 0, other, DAY + HOUR);
  g_autoptr(RapatAction) c = create ("Notulen", p, m, 0, DAY + HOUR);
  g_autoptr(RapatAction) stored = rapat_store_action_get (store, a->id, NULL);

  ck_assert_ptr_nonnull (stored);
  ck_assert_ptr_nonnull (stored->uid);
  ck_assert_int_eq (strlen (stored->uid) > 0, TRUE);
  ck_assert_int_eq (stored->created_at, DAY + HOUR);
  ck_assert_int_eq (stored->updated_at, DAY + HOUR);
  ck_assert_uint_eq (n_events (a->id), 1);
  ck_assert_uint_eq (n_events (b->id), 1);
  ck_assert_str_ne (a->uid, b->uid);
  /* Raised in a meeting under an issue: the meeting discussed the issue;
   * without a meeting there is nothing to link. */
  ck_assert_uint_eq (n_issue_meetings (issue), 1);
  ck_assert_uint_eq (n_issue_meetings (other), 0);
  (void) c;
}
END_TEST

/* Saves a copy of action @id changed by @change, with @note; returns the result. */
static gboolean
save_changed (gint64 id, void (*change) (RapatAction *), const char *note, GError **error)
{
  g_autoptr(RapatAction) before = rapat_store_action_get (store, id, NULL);
  g_autoptr(RapatAction) after = rapat_store_action_get (store, id, NULL);

  change (after);
  return rapat_action_save (store, before, after, note, DAY + 5 * HOUR, error);
}

static void change_title (RapatAction *a) { g_free (a->title); a->title = g_strdup ("Baru"); }
static void change_progress (RapatAction *a) { a->progress = 30; }
static void change_status (RapatAction *a) { a->status = RAPAT_ACTION_IN_PROGRESS; }
static void change_due (RapatAction *a) { g_free (a->due); a->due = g_strdup ("2025-10-01"); }
static void change_done_half (RapatAction *a) { a->status = RAPAT_ACTION_DONE; a->progress = 50; }
static void change_issue (RapatAction *a) { a->issue_id = 1; }

START_TEST (test_save_history)
{
  gint64 p = add_person ("Maria Latuheru");
  gint64 m = add_meeting ("Rapat pimpinan", DAY);
  g_autoptr(RapatAction) a = create ("Rekap", p, m, 0, DAY + HOUR);
  g_autoptr(RapatAction) now = NULL;
  GError *error = NULL;
  guint n = 1;

  /* A change of anything but status, progress or due day, without a note,
   * is not history. */
  ck_assert (save_changed (a->id, change_title, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_uint_eq (n_events (a->id), n);
  /* Each of the three tracked fields alone makes an entry; so does a note. */
  ck_assert (save_changed (a->id, change_progress, NULL, &error));
  ck_assert_uint_eq (n_events (a->id), ++n);
  ck_assert (save_changed (a->id, change_status, NULL, &error));
  ck_assert_uint_eq (n_events (a->id), ++n);
  ck_assert (save_changed (a->id, change_due, NULL, &error));
  ck_assert_uint_eq (n_events (a->id), ++n);
  ck_assert (save_changed (a->id, change_title, "dibahas lagi", &error));
  ck_assert_uint_eq (n_events (a->id), ++n);
  rapat_assert_no_error (error);
  now = rapat_store_action_get (store, a->id, NULL);
  ck_assert_str_eq (now->title, "Baru");
  ck_assert_int_eq (now->updated_at, DAY + 5 * HOUR);

  /* Done is 100%; a blank note is refused; neither writes anything. */
  ck_assert (!save_changed (a->id, change_done_half, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "a done action is 100% complete");
  ck_assert (!save_changed (a->id, change_progress, "", &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_uint_eq (n_events (a->id), n);
  g_clear_pointer (&now, rapat_action_free);
  now = rapat_store_action_get (store, a->id, NULL);
  ck_assert_int_eq (now->status, RAPAT_ACTION_IN_PROGRESS);
}
END_TEST

START_TEST (test_save_links_issue)
{
  gint64 p = add_person ("Maria Latuheru");
  gint64 m = add_meeting ("Rapat pimpinan", DAY);
  gint64 issue = add_issue ("Kelebihan penghuni");
  g_autoptr(RapatAction) a = create ("Rekap", p, m, 0, DAY + HOUR);
  GError *error = NULL;

  ck_assert_int_eq (issue, 1);
  ck_assert_uint_eq (n_issue_meetings (issue), 0);
  ck_assert (save_changed (a->id, change_issue, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_uint_eq (n_issue_meetings (issue), 1);
  /* Saving again with the link in place is no error. */
  ck_assert (save_changed (a->id, change_progress, NULL, &error));
  rapat_assert_no_error (error);
}
END_TEST

/* Returns the JSON rapat_report_action_json() writes for action @id as of @as_of. */
static char *
action_json (gint64 id, const char *as_of)
{
  g_autoptr(RapatAction) a = rapat_store_action_get (store, id, NULL);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);

  {
    g_autoptr(RapatJson) json = rapat_json_new (out);
    rapat_json_begin_object (json, NULL);
    rapat_report_action_json (json, a, as_of);
    rapat_json_end_object (json);
  }
  fclose (out);
  return buf;
}

START_TEST (test_json_fields)
{
  static const char *const keys[] = {
    "\"id\"", "\"uid\"", "\"title\"", "\"description\"", "\"owner_type\"", "\"owner_id\"",
    "\"owner\"", "\"owner_unit\"", "\"meeting_id\"", "\"meeting\"", "\"issue_id\"", "\"issue\"",
    "\"priority\"", "\"due\"", "\"status\"", "\"progress\"", "\"overdue\"", "\"created\"",
    "\"done\"",
  };
  gint64 p = add_person ("Yohanis Leiwakabessy");
  gint64 m = add_meeting ("Rapat pimpinan", DAY);
  gint64 issue = add_issue ("Kelebihan penghuni");
  g_autoptr(RapatAction) a = rapat_action_new ();
  g_autofree char *late = NULL;
  g_autofree char *on_time = NULL;
  g_autofree char *unjudged = NULL;
  const char *at;
  GError *error = NULL;

  a->title = g_strdup ("Rekap");
  a->owner_person_id = p;
  a->meeting_id = m;
  a->issue_id = issue;
  a->due = g_strdup ("2025-09-20");
  ck_assert (rapat_action_create (store, a, DAY + HOUR, &error));
  rapat_assert_no_error (error);
  late = action_json (a->id, "2025-09-21");
  on_time = action_json (a->id, "2025-09-20");
  unjudged = action_json (a->id, NULL);
  /* Every field, once, in this order. */
  at = late;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *k = strstr (at, keys[i]);
      ck_assert_msg (k != NULL, "%s missing or out of order in %s", keys[i], late);
      ck_assert_msg (strstr (k + 1, keys[i]) == NULL, "%s twice in %s", keys[i], late);
      at = k;
    }
  ck_assert_ptr_nonnull (strstr (late, "\"owner_id\": 1"));
  ck_assert_ptr_nonnull (strstr (late, "\"issue\": \"Kelebihan penghuni\""));
  ck_assert_ptr_nonnull (strstr (late, "\"created\": \"2025-09-02T01:00:00Z\""));
  ck_assert_ptr_nonnull (strstr (late, "\"done\": null"));
  ck_assert_ptr_nonnull (strstr (late, "\"overdue\": true"));
  ck_assert_ptr_nonnull (strstr (on_time, "\"overdue\": false"));
  ck_assert_ptr_nonnull (strstr (unjudged, "\"overdue\": false"));
}
END_TEST

static Suite *
action_suite (void)
{
  Suite *s = suite_create ("action");
  TCase *tc = tcase_create ("rules");

  tcase_add_checked_fixture (tc, store_setup, store_teardown);
  tcase_add_test (tc, test_set_status);
  tcase_add_test (tc, test_parse_progress);
  tcase_add_test (tc, test_set_due);
  tcase_add_test (tc, test_create_links_issue);
  tcase_add_test (tc, test_save_history);
  tcase_add_test (tc, test_save_links_issue);
  tcase_add_test (tc, test_json_fields);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (action_suite ());
}
