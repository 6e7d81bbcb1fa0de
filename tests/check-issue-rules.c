/* rapat tests — the rules of an issue's life (src/issue.c): setting its
 * status and closing it, on issues and actions in a real ":memory:" store,
 * read back through the store as "rapat issue close" reads them, so that the
 * open-action count the rule judges is the store's own.
 *
 * Each comparison of the rules has a test that fails without it: the status
 * "resolved" refused, a reopening clearing closed_at, an already resolved
 * issue refused, open actions refusing the close without force, force
 * allowing it, finished and cancelled actions not counting. */
#include "check-common.h"
#include "issue.h"
#include "store.h"

/* 2025-09-02 00:00 UTC: 09:00 WIT, when the Rakernis in Ambon began. */
#define DAY G_GINT64_CONSTANT (1756771200)
#define HOUR 3600
#define NOW (DAY + 5 * HOUR)

static RapatStore *store;

/* Checked fixture: a fresh in-memory store. */
static void
setup (void)
{
  store = rapat_test_store_open (":memory:");
}

/* Checked fixture: closes the store. */
static void
teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
}

/* Inserts an issue with @status (a resolved one closed an hour after DAY)
 * and returns its id. */
static gint64
add_issue (const char *title, RapatIssueStatus status)
{
  g_autoptr(RapatIssue) issue = rapat_issue_new ();
  GError *error = NULL;

  issue->title = g_strdup (title);
  issue->status = status;
  issue->created_at = DAY - 10 * 24 * HOUR;
  issue->closed_at = status == RAPAT_ISSUE_RESOLVED ? DAY + HOUR : 0;
  ck_assert_msg (rapat_store_issue_insert (store, issue, &error), "issue '%s': %s", title,
                 error != NULL ? error->message : "");
  return issue->id;
}

/* Inserts an action under @issue_id, owned by a new person, with @status. */
static void
add_action (gint64 issue_id, const char *title, RapatActionStatus status)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  g_autoptr(RapatAction) a = rapat_action_new ();
  GError *error = NULL;

  p->name = g_strdup_printf ("Owner of %s", title);
  ck_assert (rapat_store_person_insert (store, p, &error));
  rapat_assert_no_error (error);
  a->uid = rapat_uid_new ();
  a->title = g_strdup (title);
  a->owner_person_id = p->id;
  a->issue_id = issue_id;
  a->priority = RAPAT_PRIORITY_NORMAL;
  a->due = g_strdup ("2025-10-01");
  a->status = status;
  a->progress = status == RAPAT_ACTION_DONE ? 100 : 0;
  a->created_at = a->updated_at = DAY + HOUR;
  a->done_at = status == RAPAT_ACTION_DONE ? DAY + 2 * HOUR : 0;
  ck_assert_msg (rapat_store_action_insert (store, a, &error), "action '%s': %s", title,
                 error != NULL ? error->message : "");
}

/* Reads the issue @id as "issue close" does (no day: no overdue count). */
static RapatIssue *
get_issue (gint64 id)
{
  GError *error = NULL;
  RapatIssue *issue = rapat_store_issue_get (store, id, NULL, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (issue);
  return issue;
}

/* Stores @issue and reads it back. */
static RapatIssue *
store_and_reload (RapatIssue *issue)
{
  GError *error = NULL;

  ck_assert (rapat_store_issue_update (store, issue, &error));
  rapat_assert_no_error (error);
  return get_issue (issue->id);
}

START_TEST (test_status_open_and_monitoring)
{
  g_autoptr(RapatIssue) issue = get_issue (add_issue ("Kelebihan penghuni", RAPAT_ISSUE_OPEN));
  g_autoptr(RapatIssue) back = NULL;
  GError *error = NULL;

  ck_assert (rapat_issue_set_status (issue, "monitoring", &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_MONITORING);
  /* Words are read as the enum reads them, whatever their case. */
  ck_assert (rapat_issue_set_status (issue, "OPEN", &error));
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_OPEN);
  ck_assert (rapat_issue_set_status (issue, "monitoring", &error));
  back = store_and_reload (issue);
  ck_assert_int_eq (back->status, RAPAT_ISSUE_MONITORING);
  ck_assert_int_eq (back->closed_at, 0);
}
END_TEST

START_TEST (test_status_reopens_a_resolved_issue)
{
  g_autoptr(RapatIssue) issue = get_issue (add_issue ("Pungli", RAPAT_ISSUE_RESOLVED));
  g_autoptr(RapatIssue) back = NULL;
  GError *error = NULL;

  ck_assert_int_eq (issue->closed_at, DAY + HOUR);
  ck_assert (rapat_issue_set_status (issue, "open", &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_OPEN);
  /* An open issue with a closing time would break the store's rule. */
  ck_assert_int_eq (issue->closed_at, 0);
  back = store_and_reload (issue);
  ck_assert_int_eq (back->status, RAPAT_ISSUE_OPEN);
  ck_assert_int_eq (back->closed_at, 0);
}
END_TEST

START_TEST (test_status_resolved_and_unknown_refused)
{
  g_autoptr(RapatIssue) issue = get_issue (add_issue ("Narkoba", RAPAT_ISSUE_MONITORING));
  GError *error = NULL;

  ck_assert (!rapat_issue_set_status (issue, "resolved", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "use 'rapat issue close'");
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_MONITORING);
  ck_assert (!rapat_issue_set_status (issue, "Resolved", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "status 'Resolved'");
  /* An alias of "resolved" is "resolved" too. */
  ck_assert (!rapat_issue_set_status (issue, "closed", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "use 'rapat issue close'");
  ck_assert (!rapat_issue_set_status (issue, "finished", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "expected one of");
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_MONITORING);
}
END_TEST

START_TEST (test_close_without_actions)
{
  g_autoptr(RapatIssue) issue = get_issue (add_issue ("Ketahanan pangan",
                                                      RAPAT_ISSUE_MONITORING));
  g_autoptr(RapatIssue) back = NULL;
  GError *error = NULL;

  ck_assert (rapat_issue_close (issue, FALSE, NOW, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_RESOLVED);
  ck_assert_int_eq (issue->closed_at, NOW);
  back = store_and_reload (issue);
  ck_assert_int_eq (back->status, RAPAT_ISSUE_RESOLVED);
  ck_assert_int_eq (back->closed_at, NOW);
}
END_TEST

START_TEST (test_close_already_resolved_refused)
{
  g_autoptr(RapatIssue) issue = get_issue (add_issue ("Pungli", RAPAT_ISSUE_RESOLVED));
  GError *error = NULL;

  /* Even with --force: closing again would move the closing time. */
  ck_assert (!rapat_issue_close (issue, TRUE, NOW, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "issue 'Pungli': already resolved");
  ck_assert_int_eq (issue->closed_at, DAY + HOUR);
}
END_TEST

START_TEST (test_close_refused_with_open_actions)
{
  gint64 id = add_issue ("Narkoba", RAPAT_ISSUE_OPEN);
  g_autoptr(RapatIssue) one = NULL;
  g_autoptr(RapatIssue) two = NULL;
  GError *error = NULL;

  add_action (id, "Razia kamar hunian", RAPAT_ACTION_OPEN);
  one = get_issue (id);
  ck_assert_int_eq (one->n_open, 1);
  ck_assert (!rapat_issue_close (one, FALSE, NOW, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE, "1 action is still open; finish it,");
  ck_assert_int_eq (one->status, RAPAT_ISSUE_OPEN);
  ck_assert_int_eq (one->closed_at, 0);

  /* In progress counts as open too. */
  add_action (id, "Tes urine", RAPAT_ACTION_IN_PROGRESS);
  two = get_issue (id);
  ck_assert_int_eq (two->n_open, 2);
  ck_assert (!rapat_issue_close (two, FALSE, NOW, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE,
                               "2 actions are still open; finish them,");
}
END_TEST

START_TEST (test_close_forced_keeps_actions_open)
{
  gint64 id = add_issue ("Narkoba", RAPAT_ISSUE_OPEN);
  g_autoptr(RapatIssue) issue = NULL;
  g_autoptr(RapatIssue) back = NULL;
  GError *error = NULL;

  add_action (id, "Razia kamar hunian", RAPAT_ACTION_OPEN);
  add_action (id, "Tes urine", RAPAT_ACTION_IN_PROGRESS);
  issue = get_issue (id);
  ck_assert (rapat_issue_close (issue, TRUE, NOW, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_RESOLVED);
  ck_assert_int_eq (issue->closed_at, NOW);
  /* What the command warns about. */
  ck_assert_int_eq (issue->n_open, 2);
  back = store_and_reload (issue);
  ck_assert_int_eq (back->status, RAPAT_ISSUE_RESOLVED);
  ck_assert_int_eq (back->n_open, 2);
}
END_TEST

START_TEST (test_close_finished_actions_do_not_count)
{
  gint64 id = add_issue ("Overkapasitas", RAPAT_ISSUE_OPEN);
  g_autoptr(RapatIssue) issue = NULL;
  GError *error = NULL;

  add_action (id, "Redistribusi", RAPAT_ACTION_DONE);
  add_action (id, "Pembangunan blok", RAPAT_ACTION_CANCELLED);
  issue = get_issue (id);
  ck_assert_int_eq (issue->n_open, 0);
  ck_assert (rapat_issue_close (issue, FALSE, NOW, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (issue->status, RAPAT_ISSUE_RESOLVED);
}
END_TEST

static Suite *
issue_rules_suite (void)
{
  Suite *s = suite_create ("issue-rules");
  TCase *tc = tcase_create ("status");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_status_open_and_monitoring);
  tcase_add_test (tc, test_status_reopens_a_resolved_issue);
  tcase_add_test (tc, test_status_resolved_and_unknown_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("close");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_close_without_actions);
  tcase_add_test (tc, test_close_already_resolved_refused);
  tcase_add_test (tc, test_close_refused_with_open_actions);
  tcase_add_test (tc, test_close_forced_keeps_actions_open);
  tcase_add_test (tc, test_close_finished_actions_do_not_count);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (issue_rules_suite ());
}
