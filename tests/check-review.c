/* rapat tests — the review of follow-up actions (src/review.c,
 * src/store-review.c and schema/0011-review.sql), on a real store in a
 * temp file.
 *
 * sqlite3.h is included only to read the file back through a connection of
 * its own: a dump of every row before and after a refused write. */
#include "check-common.h"
#include "action.h"
#include "agenda.h"
#include "minutes.h"
#include "review.h"

#include <sqlite3.h>

/* 2025-09-02 00:00 UTC. */
#define DAY G_GINT64_CONSTANT (1756771200)
#define HOUR 3600
#define NOW (DAY + 10 * HOUR)

static char *dir;
static char *path;
static RapatStore *store;
static gint64 owner_id, chair_id;
static gint64 issue_id;
static RapatMeeting *older, *last, *other, *target, *later;
static gint64 a_older, a_done, a_last, a_issue, a_later;

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

/* Inserts a meeting of @kind starting @days after DAY (in series
 * @series_id when not 0) and returns it. */
static RapatMeeting *
add_meeting (const char *title, const char *kind, int days, gint64 series_id)
{
  RapatMeeting *m = rapat_meeting_new ();
  GError *error = NULL;

  m->uid = g_strdup_printf ("%s@rapat.test", title);
  m->title = g_strdup (title);
  m->kind = g_strdup (kind);
  m->start_utc = DAY + (gint64) days * 24 * HOUR;
  m->end_utc = m->start_utc + 2 * HOUR;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->created_at = m->updated_at = DAY - 100 * 24 * HOUR;
  m->series_id = series_id;
  m->recurrence_utc = series_id != 0 ? m->start_utc : 0;
  ck_assert (rapat_store_meeting_insert (store, m, &error));
  rapat_assert_no_error (error);
  return m;
}

/* Adds an action raised in @m (may be NULL) under issue @issue (may be 0)
 * with @status and returns its id. */
static gint64
add_action (const char *title, const RapatMeeting *m, gint64 issue, RapatActionStatus status)
{
  g_autoptr(RapatAction) a = rapat_action_new ();
  GError *error = NULL;

  a->title = g_strdup (title);
  a->owner_person_id = owner_id;
  a->meeting_id = m != NULL ? m->id : 0;
  a->issue_id = issue;
  rapat_action_set_status (a, status, DAY - 90 * 24 * HOUR);
  ck_assert (rapat_action_create (store, a, DAY - 90 * 24 * HOUR, &error));
  rapat_assert_no_error (error);
  return a->id;
}

/* Adds an agenda item to @m, under @issue when not 0, and returns its id. */
static gint64
add_item (const RapatMeeting *m, const char *title, gint64 issue)
{
  g_autoptr(RapatAgendaItem) it = rapat_agenda_item_new ();
  GError *error = NULL;

  it->meeting_id = m->id;
  it->title = g_strdup (title);
  it->duration_min = 30;
  it->issue_id = issue;
  ck_assert (rapat_store_agenda_insert (store, it, &error));
  rapat_assert_no_error (error);
  return it->id;
}

/* Checked fixture: three earlier meetings and the target "Staf Maret":
 * "Staf Januari" (kind staf, an open and a done action), "Staf Februari"
 * (kind staf, the last one: an open action with no issue), "Koordinasi"
 * (another kind, after it: an open action under the issue the target's
 * agenda discusses), and an action under that issue raised after the
 * target. */
static void
setup (void)
{
  g_autoptr(RapatIssue) issue = rapat_issue_new ();
  GError *error = NULL;

  dir = rapat_test_tmpdir_new ("rapat-review-XXXXXX");
  path = g_build_filename (dir, "t.db", NULL);
  store = rapat_test_store_open (path);
  owner_id = add_person ("Yohanis Latuheru");
  chair_id = add_person ("Ricky Dwi Biantoro");
  issue->title = g_strdup ("Overcrowding");
  issue->created_at = DAY - 100 * 24 * HOUR;
  ck_assert (rapat_store_issue_insert (store, issue, &error));
  rapat_assert_no_error (error);
  issue_id = issue->id;
  older = add_meeting ("Staf Januari", "staf", -60, 0);
  last = add_meeting ("Staf Februari", "staf", -30, 0);
  other = add_meeting ("Koordinasi", "koordinasi", -20, 0);
  target = add_meeting ("Staf Maret", "staf", 0, 0);
  a_older = add_action ("Rekap hunian Januari", older, 0, RAPAT_ACTION_OPEN);
  a_done = add_action ("Laporan selesai", last, 0, RAPAT_ACTION_DONE);
  a_last = add_action ("Perbaiki pagar blok C", last, 0, RAPAT_ACTION_OPEN);
  a_issue = add_action ("Usulan redistribusi napi", other, issue_id, RAPAT_ACTION_IN_PROGRESS);
  later = add_meeting ("Koordinasi April", "koordinasi", 30, 0);
  a_later = add_action ("Tindak lanjut April", later, issue_id, RAPAT_ACTION_OPEN);
  add_item (target, "Pembukaan", 0);
  add_item (target, "Overcrowding", issue_id);
}

/* Checked fixture: closes the store and removes the folder. */
static void
teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
  g_clear_pointer (&older, rapat_meeting_free);
  g_clear_pointer (&last, rapat_meeting_free);
  g_clear_pointer (&other, rapat_meeting_free);
  g_clear_pointer (&target, rapat_meeting_free);
  g_clear_pointer (&later, rapat_meeting_free);
  g_unlink (path);
  g_clear_pointer (&path, g_free);
  rapat_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
}

/* Returns every committed row of the test's database file. */
static char *
dump (void)
{
  return rapat_test_dump_file (path);
}

/* Returns the ids of @actions (RapatAction) as "1,2,3". */
static char *
ids_of (GPtrArray *actions)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ((RapatAction *) actions->pdata[i])->id);
  return g_string_free (s, FALSE);
}

/* Returns the ids the default selection (or @from) gives for @m. */
static char *
candidates (const RapatMeeting *m, GArray *from)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) actions = rapat_review_candidates (store, m, from, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (actions);
  return ids_of (actions);
}

/* Returns "A,B" for two ids. */
static char *
two (gint64 a, gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, b);
}

/* Adds a review item to @m reviewing what the default selection finds;
 * returns the item's id. */
static gint64
add_review (const RapatMeeting *m)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_review_item (m);
  g_autoptr(GPtrArray) actions = NULL;
  GError *error = NULL;

  actions = rapat_review_candidates (store, m, NULL, &error);
  rapat_assert_no_error (error);
  ck_assert (rapat_store_agenda_insert (store, item, &error));
  ck_assert (rapat_review_link (store, item->id, actions, &error));
  rapat_assert_no_error (error);
  return item->id;
}

/* The last meeting of the same kind gives its open actions, an action
 * without an issue too; the issues the agenda discusses give theirs; not
 * the older meeting, not a done action, not one raised after. */
START_TEST (test_default_selection)
{
  g_autofree char *got = candidates (target, NULL);
  g_autofree char *want = two (a_last, a_issue);

  ck_assert_str_eq (got, want);
  ck_assert_int_ne (a_later, 0);
}
END_TEST

/* A meeting of a series reviews the previous occurrence, even when a
 * meeting of the same kind came in between. */
START_TEST (test_series_first)
{
  g_autoptr(RapatSeries) s = g_new0 (RapatSeries, 1);
  g_autoptr(RapatMeeting) s1 = NULL;
  g_autoptr(RapatMeeting) between = NULL;
  g_autoptr(RapatMeeting) s2 = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  GError *error = NULL;
  gint64 from_series;

  s->uid = g_strdup ("series@rapat.test");
  s->rrule = g_strdup ("FREQ=MONTHLY;COUNT=2");
  s->start_utc = DAY + 40 * 24 * HOUR;
  s->duration_s = 2 * HOUR;
  s->tzid = g_strdup ("Asia/Jayapura");
  ck_assert (rapat_store_series_insert (store, s, NOW, &error));
  rapat_assert_no_error (error);
  s1 = add_meeting ("Bulanan 1", "bulanan", 40, s->id);
  between = add_meeting ("Bulanan lain", "bulanan", 50, 0);
  s2 = add_meeting ("Bulanan 2", "bulanan", 70, s->id);
  from_series = add_action ("Dari seri", s1, 0, RAPAT_ACTION_OPEN);
  add_action ("Dari rapat lain", between, 0, RAPAT_ACTION_OPEN);
  got = candidates (s2, NULL);
  want = g_strdup_printf ("%" G_GINT64_FORMAT, from_series);
  ck_assert_str_eq (got, want);
  /* Its first occurrence has no earlier one: the kind decides (none). */
  g_free (got);
  got = candidates (s1, NULL);
  ck_assert_str_eq (got, "");
}
END_TEST

/* --from names the sources instead; a source must start before. */
START_TEST (test_from)
{
  g_autoptr(GArray) from = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  GError *error = NULL;

  g_array_append_val (from, older->id);
  got = candidates (target, from);
  want = g_strdup_printf ("%" G_GINT64_FORMAT, a_older);
  ck_assert_str_eq (got, want);
  g_array_append_val (from, last->id);
  g_array_append_val (from, older->id);
  g_free (got);
  g_free (want);
  got = candidates (target, from);
  /* Each once, by due day then id. */
  want = two (a_older, a_last);
  ck_assert_str_eq (got, want);
  g_array_set_size (from, 0);
  g_array_append_val (from, target->id);
  none = rapat_review_candidates (store, target, from, &error);
  ck_assert_ptr_null (none);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "does not start before");
}
END_TEST

/* An action reviewed by an item of the meeting is not found again, and
 * the schema refuses it twice under one item. */
START_TEST (test_no_duplicates)
{
  g_autoptr(GArray) from = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *again = NULL;
  g_autofree char *more = NULL;
  g_autofree char *want = NULL;
  GError *error = NULL;
  gint64 item = add_review (target);

  again = candidates (target, NULL);
  ck_assert_str_eq (again, "");
  g_array_append_val (from, older->id);
  g_array_append_val (from, last->id);
  more = candidates (target, from);
  want = g_strdup_printf ("%" G_GINT64_FORMAT, a_older);
  ck_assert_str_eq (more, want);
  ck_assert (!rapat_store_review_add (store, item, a_last, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
}
END_TEST

/* The agenda shows the reviewed actions as they are now. */
START_TEST (test_live)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(RapatAction) before = NULL;
  g_autoptr(RapatAction) after = NULL;
  const RapatAgendaItem *review;
  const RapatReview *v;
  GError *error = NULL;

  add_review (target);
  before = rapat_store_action_get (store, a_last, &error);
  after = rapat_store_action_get (store, a_last, &error);
  rapat_assert_no_error (error);
  rapat_action_set_status (after, RAPAT_ACTION_DONE, NOW);
  ck_assert (rapat_action_save (store, before, after, "selesai", NOW, &error));
  rapat_assert_no_error (error);
  agenda = rapat_store_agenda_list (store, target->id, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (agenda->len, 3);
  review = rapat_review_item_of (agenda);
  ck_assert_ptr_nonnull (review);
  ck_assert_int_eq (review->position, 3);
  ck_assert_ptr_null (review->notes);
  ck_assert_ptr_null (((RapatAgendaItem *) agenda->pdata[0])->reviews);
  ck_assert_uint_eq (review->reviews->len, 2);
  v = review->reviews->pdata[0];
  ck_assert_int_eq (v->position, 1);
  ck_assert_int_eq (v->action->id, a_last);
  ck_assert_int_eq (v->action->status, RAPAT_ACTION_DONE);
  ck_assert_int_eq (v->action->progress, 100);
  ck_assert_int_eq (v->reported_at, 0);
}
END_TEST

/* Reporting updates the action, writes history with the meeting as its
 * source and keeps what was reported on the link. */
START_TEST (test_report)
{
  g_autoptr(RapatMinutes) n = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(RapatAction) a = NULL;
  const RapatActionEvent *e;
  const RapatReview *v;
  GError *error = NULL;

  add_review (target);
  /* Not before the minutes are started. */
  ck_assert (!rapat_review_report (store, target, a_last, -1, 40, NULL, NOW, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  n = rapat_minutes_start (store, target, owner_id, chair_id, NOW, &error);
  rapat_assert_no_error (error);
  ck_assert (rapat_review_report (store, target, a_last, RAPAT_ACTION_IN_PROGRESS, 40,
                                  "Bahan sudah dibeli", NOW, &error));
  rapat_assert_no_error (error);
  a = rapat_store_action_get (store, a_last, &error);
  ck_assert_int_eq (a->status, RAPAT_ACTION_IN_PROGRESS);
  ck_assert_int_eq (a->progress, 40);
  history = rapat_store_action_history (store, a_last, &error);
  rapat_assert_no_error (error);
  e = history->pdata[history->len - 1];
  ck_assert_int_eq (e->meeting_id, target->id);
  ck_assert_int_eq (e->progress, 40);
  ck_assert_str_eq (e->note, "Bahan sudah dibeli");
  /* The "created" entry has no meeting as its source. */
  ck_assert_int_eq (((RapatActionEvent *) history->pdata[0])->meeting_id, 0);
  reviews = rapat_store_review_list (store, target->id, &error);
  rapat_assert_no_error (error);
  v = reviews->pdata[0];
  ck_assert_int_eq (v->action->id, a_last);
  ck_assert_int_eq (v->reported_at, NOW);
  ck_assert_int_eq (v->reported_status, RAPAT_ACTION_IN_PROGRESS);
  ck_assert_int_eq (v->reported_progress, 40);
  ck_assert_str_eq (v->reported_note, "Bahan sudah dibeli");
  /* An action that the meeting does not review, and a report of nothing. */
  ck_assert (!rapat_review_report (store, target, a_older, -1, 10, NULL, NOW, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "not under a review item");
  ck_assert (!rapat_review_report (store, target, a_last, -1, -1, NULL, NOW, &error));
  rapat_assert_error (error, RAPAT_ERROR_USAGE);
  /* Done must be 100%. */
  ck_assert (!rapat_review_report (store, target, a_last, RAPAT_ACTION_DONE, 50, NULL, NOW, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
}
END_TEST

/* Final minutes freeze the links and the reports: every write is refused
 * and the file is unchanged. */
START_TEST (test_freeze)
{
  g_autoptr(RapatMinutes) n = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  GError *error = NULL;
  gint64 item = add_review (target);

  n = rapat_minutes_start (store, target, owner_id, chair_id, NOW, &error);
  ck_assert (rapat_review_report (store, target, a_last, -1, 30, NULL, NOW, &error));
  ck_assert (rapat_minutes_finalize (store, target, 0, NOW, &error));
  rapat_assert_no_error (error);
  reviews = rapat_store_review_list (store, target->id, &error);
  before = dump ();

  ck_assert (rapat_store_begin (store, &error));
  ck_assert (!rapat_review_report (store, target, a_last, -1, 60, NULL, NOW, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "final");
  rapat_store_rollback (store);

  ck_assert (rapat_store_begin (store, &error));
  ck_assert (!rapat_store_review_add (store, item, a_older, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "final");
  rapat_store_rollback (store);

  /* The link itself, written past the domain's checks. */
  ck_assert (rapat_store_begin (store, &error));
  ((RapatReview *) reviews->pdata[0])->reported_progress = 90;
  ck_assert (!rapat_store_review_report (store, reviews->pdata[0], &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "final");
  rapat_store_rollback (store);

  after = dump ();
  ck_assert_str_eq (before, after);
}
END_TEST

/* The review suite. */
static Suite *
review_suite (void)
{
  Suite *s = suite_create ("review");
  TCase *tc = tcase_create ("review");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_default_selection);
  tcase_add_test (tc, test_series_first);
  tcase_add_test (tc, test_from);
  tcase_add_test (tc, test_no_duplicates);
  tcase_add_test (tc, test_live);
  tcase_add_test (tc, test_report);
  tcase_add_test (tc, test_freeze);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (review_suite ());
}
