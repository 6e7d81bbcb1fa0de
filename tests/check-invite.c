/* rapat tests — who is e-mailed which invitation (src/invite.c) and what
 * is recorded once it went out, on a real store (":memory:").
 *
 * Each test plans as 'invite send' does, "delivers" by recording with
 * rapat_invite_record() as the command does after delivery, and plans
 * again: the second plan shows what the record made of the first. */
#include "check-common.h"
#include "invite.h"
#include "recur.h"
#include "series.h"

/* 2025-09-02 00:00 UTC: 09:00 WIT. */
#define DAY G_GINT64_CONSTANT (1756771200)
#define HOUR 3600
#define NOW (DAY - 24 * HOUR)

static RapatStore *store;
static RapatMeeting *meeting;
static gint64 ani, budi, citra, dedi;   /* dedi has no e-mail */

/* Inserts a person (@email may be NULL) and returns their id. */
static gint64
add_person (const char *name, const char *email)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  p->email = g_strdup (email);
  ck_assert (rapat_store_person_insert (store, p, &error));
  rapat_assert_no_error (error);
  return p->id;
}

/* Invites @person_id to @m. */
static void
invite (const RapatMeeting *m, gint64 person_id)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  a->meeting_id = m->id;
  a->person_id = person_id;
  a->role = RAPAT_ROLE_PARTICIPANT;
  a->attendance = -1;
  ck_assert (rapat_store_attendee_insert (store, a, &error));
  rapat_assert_no_error (error);
}

/* Withdraws the invitation of @person_id to the meeting. */
static void
withdraw (gint64 person_id)
{
  GError *error = NULL;

  ck_assert (rapat_store_attendee_remove (store, meeting->id, person_id, &error));
  rapat_assert_no_error (error);
}

/* Returns a new meeting at @start, stored, in Ambon's zone. */
static RapatMeeting *
add_meeting (const char *uid, gint64 start, gint64 series_id)
{
  RapatMeeting *m = rapat_meeting_new ();
  GError *error = NULL;

  m->uid = g_strdup (uid);
  m->title = g_strdup ("Rakernis");
  m->start_utc = m->recurrence_utc = start;
  m->end_utc = start + 3 * HOUR;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->status = RAPAT_MEETING_CONFIRMED;
  m->organizer_id = ani;
  m->series_id = series_id;
  m->created_at = m->updated_at = NOW;
  ck_assert (rapat_store_meeting_insert (store, m, &error));
  rapat_assert_no_error (error);
  return m;
}

/* Changes the meeting as a reschedule does: its sequence rises. */
static void
reschedule (void)
{
  GError *error = NULL;

  meeting->start_utc += HOUR;
  meeting->end_utc += HOUR;
  meeting->sequence++;
  ck_assert (rapat_store_meeting_update (store, meeting, &error));
  rapat_assert_no_error (error);
}

/* Fixture: Ani (the organizer), Budi and Citra with e-mail, Dedi without;
 * a meeting to which Budi, Citra and Dedi are invited. */
static void
setup (void)
{
  store = rapat_test_store_open (":memory:");
  ani = add_person ("Ani", "ani@maluku.example");
  budi = add_person ("Budi", "budi@maluku.example");
  citra = add_person ("Citra", "citra@maluku.example");
  dedi = add_person ("Dedi", NULL);
  meeting = add_meeting ("m1@rapat.test", DAY, 0);
  invite (meeting, budi);
  invite (meeting, citra);
  invite (meeting, dedi);
}

static void
teardown (void)
{
  g_clear_pointer (&meeting, rapat_meeting_free);
  g_clear_pointer (&store, rapat_store_free);
}

/* Plans for the meeting with @opt (NULL: the defaults), failing the test
 * on an error. */
static RapatInvitePlan *
plan_with (const RapatMeeting *m, const RapatInviteOptions *opt)
{
  RapatInviteOptions none = { NULL, FALSE, FALSE, FALSE, "maluku.example" };
  GError *error = NULL;
  RapatInvitePlan *plan = rapat_invite_plan (store, m, opt != NULL ? opt : &none, &error);

  rapat_assert_no_error (error);
  ck_assert (plan != NULL);
  return plan;
}

/* Returns message @i of @plan. */
static const RapatInviteOutgoing *
msg (const RapatInvitePlan *plan, guint i)
{
  ck_assert_uint_lt (i, plan->messages->len);
  return plan->messages->pdata[i];
}

/* Returns the names @o goes to, "Budi,Citra". */
static char *
names (const RapatInviteOutgoing *o)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < o->to->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "," : "",
                            ((const RapatAttendee *) o->to->pdata[i])->person_name);
  return g_string_free (s, FALSE);
}

/* Asserts that message @i of @plan is of @kind, to @who. */
static void
assert_msg (const RapatInvitePlan *plan, guint i, RapatInviteKind kind, const char *who)
{
  const RapatInviteOutgoing *o = msg (plan, i);
  g_autofree char *n = names (o);

  ck_assert_int_eq (o->kind, kind);
  ck_assert_str_eq (o->method, kind == RAPAT_INVITE_CANCEL ? "cancel" : "request");
  ck_assert_str_eq (n, who);
}

/* Records every message of @plan as delivered to all, except @refused
 * (may be NULL); returns how many recipients were recorded. */
static guint
record_all (const RapatInvitePlan *plan, const char *refused)
{
  GError *error = NULL;
  guint total = 0;

  for (guint i = 0; i < plan->messages->len; i++)
    {
      g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
      guint n;

      ck_assert (rapat_invite_record (store, plan, msg (plan, i), &refused,
                                      refused != NULL ? 1 : 0, NOW + i, "smtp", &n, stale,
                                      &error));
      rapat_assert_no_error (error);
      ck_assert_uint_eq (stale->len, 0);
      total += n;
    }
  return total;
}

/* A first send: one invitation to those with an address; those without
 * are named; the Message-ID is at the domain given; no thread yet. */
START_TEST (test_first_invitation)
{
  g_autoptr(RapatInvitePlan) plan = plan_with (meeting, NULL);

  ck_assert_uint_eq (plan->messages->len, 1);
  assert_msg (plan, 0, RAPAT_INVITE_NEW, "Budi,Citra");
  ck_assert (!msg (plan, 0)->withdrawn);
  ck_assert_uint_eq (plan->unreachable->len, 1);
  ck_assert_str_eq (plan->unreachable->pdata[0], "Dedi");
  ck_assert_int_eq (plan->sequence, 0);
  ck_assert (g_str_has_prefix (msg (plan, 0)->message_id, "rapat-"));
  ck_assert (g_str_has_suffix (msg (plan, 0)->message_id, "@maluku.example"));
  ck_assert_ptr_null (msg (plan, 0)->in_reply_to);
  ck_assert_ptr_null (msg (plan, 0)->references);
}
END_TEST

/* Once recorded, nothing is due; --all sends again to everyone, in the
 * thread of the first. */
START_TEST (test_nothing_due_then_all)
{
  g_autoptr(RapatInvitePlan) first = plan_with (meeting, NULL);
  g_autoptr(RapatInvitePlan) again = NULL;
  g_autoptr(RapatInvitePlan) all = NULL;
  RapatInviteOptions opt = { NULL, TRUE, FALSE, FALSE, "maluku.example" };

  ck_assert_uint_eq (record_all (first, NULL), 2);
  again = plan_with (meeting, NULL);
  ck_assert_uint_eq (again->messages->len, 0);
  all = plan_with (meeting, &opt);
  ck_assert_uint_eq (all->messages->len, 1);
  assert_msg (all, 0, RAPAT_INVITE_NEW, "Budi,Citra");
  ck_assert_str_eq (msg (all, 0)->in_reply_to, msg (first, 0)->message_id);
  ck_assert_str_eq (msg (all, 0)->references[0], msg (first, 0)->message_id);
  ck_assert_ptr_null (msg (all, 0)->references[1]);
}
END_TEST

/* A reschedule, then a new invitee: the update to those who had the old
 * sequence, first; a first invitation to the newcomer; both threaded under
 * the first REQUEST, the second also naming the update. */
START_TEST (test_reschedule_then_new_invitee)
{
  g_autoptr(RapatInvitePlan) first = plan_with (meeting, NULL);
  g_autoptr(RapatInvitePlan) second = NULL;
  g_autoptr(RapatInvitePlan) third = NULL;
  gint64 eko = add_person ("Eko", "eko@maluku.example");

  record_all (first, NULL);
  reschedule ();
  invite (meeting, eko);
  second = plan_with (meeting, NULL);
  ck_assert_int_eq (second->sequence, 1);
  ck_assert_uint_eq (second->messages->len, 2);
  assert_msg (second, 0, RAPAT_INVITE_UPDATE, "Budi,Citra");
  assert_msg (second, 1, RAPAT_INVITE_NEW, "Eko");
  ck_assert_str_eq (msg (second, 0)->in_reply_to, msg (first, 0)->message_id);
  ck_assert_str_eq (msg (second, 1)->in_reply_to, msg (first, 0)->message_id);
  ck_assert_str_eq (msg (second, 1)->references[1], msg (second, 0)->message_id);
  ck_assert_uint_eq (record_all (second, NULL), 3);
  third = plan_with (meeting, NULL);
  ck_assert_uint_eq (third->messages->len, 0);
}
END_TEST

/* Nobody chosen has an address: an error naming them. */
START_TEST (test_nobody_reachable)
{
  const char *only_dedi[] = { "Dedi", NULL };
  RapatInviteOptions opt = { only_dedi, FALSE, FALSE, FALSE, NULL };
  g_autoptr(RapatInvitePlan) plan = NULL;
  GError *error = NULL;

  plan = rapat_invite_plan (store, meeting, &opt, &error);
  ck_assert_ptr_null (plan);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "no address: Dedi");
}
END_TEST

/* --to: only the people named; a name nobody has is refused. */
START_TEST (test_to_subset)
{
  const char *only_citra[] = { "Citra", NULL };
  const char *nobody[] = { "Zainal", NULL };
  RapatInviteOptions opt = { only_citra, FALSE, FALSE, FALSE, NULL };
  g_autoptr(RapatInvitePlan) plan = plan_with (meeting, &opt);
  g_autoptr(RapatInvitePlan) rest = NULL;
  RapatInvitePlan *bad;
  GError *error = NULL;

  ck_assert_uint_eq (plan->messages->len, 1);
  assert_msg (plan, 0, RAPAT_INVITE_NEW, "Citra");
  ck_assert_uint_eq (plan->unreachable->len, 0);
  ck_assert (g_str_has_suffix (msg (plan, 0)->message_id, "@rapat.invalid"));
  record_all (plan, NULL);
  rest = plan_with (meeting, NULL);
  assert_msg (rest, 0, RAPAT_INVITE_NEW, "Budi");
  opt.to = nobody;
  bad = rapat_invite_plan (store, meeting, &opt, &error);
  ck_assert_ptr_null (bad);
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

/* A withdrawn invitee gets a CANCEL of their own, once; the others
 * nothing. */
START_TEST (test_withdrawn)
{
  g_autoptr(RapatInvitePlan) first = plan_with (meeting, NULL);
  g_autoptr(RapatInvitePlan) second = NULL;
  g_autoptr(RapatInvitePlan) third = NULL;

  record_all (first, NULL);
  withdraw (budi);
  second = plan_with (meeting, NULL);
  ck_assert_uint_eq (second->messages->len, 1);
  assert_msg (second, 0, RAPAT_INVITE_CANCEL, "Budi");
  ck_assert (msg (second, 0)->withdrawn);
  ck_assert_str_eq (((const RapatAttendee *) msg (second, 0)->to->pdata[0])->email,
                    "budi@maluku.example");
  ck_assert_uint_eq (record_all (second, NULL), 1);
  third = plan_with (meeting, NULL);
  ck_assert_uint_eq (third->messages->len, 0);
}
END_TEST

/* --cancel after a partial send (Citra refused by the server): to Budi,
 * who had the invitation, alone; with nothing ever sent, an error; a
 * cancelled meeting cancels without --cancel. */
START_TEST (test_cancel_after_partial)
{
  g_autoptr(RapatInvitePlan) first = plan_with (meeting, NULL);
  g_autoptr(RapatInvitePlan) cancel = NULL;
  g_autoptr(RapatInvitePlan) after = NULL;
  g_autoptr(RapatMeeting) other = add_meeting ("m2@rapat.test", DAY + 24 * HOUR, 0);
  RapatInviteOptions opt = { NULL, FALSE, TRUE, FALSE, NULL };
  RapatInvitePlan *none;
  GError *error = NULL;

  ck_assert_uint_eq (record_all (first, "CITRA@maluku.example"), 1);
  cancel = plan_with (meeting, &opt);
  ck_assert (cancel->cancel);
  ck_assert_uint_eq (cancel->messages->len, 1);
  assert_msg (cancel, 0, RAPAT_INVITE_CANCEL, "Budi");
  ck_assert (!msg (cancel, 0)->withdrawn);
  record_all (cancel, NULL);
  meeting->status = RAPAT_MEETING_CANCELLED;
  after = plan_with (meeting, NULL);
  ck_assert (after->cancel);
  ck_assert_uint_eq (after->messages->len, 0);
  invite (other, budi);
  none = rapat_invite_plan (store, other, &opt, &error);
  ck_assert_ptr_null (none);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "none to cancel");
}
END_TEST

/* An occurrence of a series carries the series' sequence plus its own,
 * --series the series'; --series on a lone meeting is a usage error. */
START_TEST (test_series)
{
  g_autoptr(RapatSeries) series = g_new0 (RapatSeries, 1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Jayapura");
  g_autoptr(RapatMeeting) occ = NULL;
  g_autoptr(RapatInvitePlan) one = NULL;
  g_autoptr(RapatInvitePlan) whole = NULL;
  RapatInviteOptions opt = { NULL, FALSE, FALSE, TRUE, NULL };
  RapatInvitePlan *bad;
  GError *error = NULL;

  series->rrule = rapat_recur_rule ("weekly", NULL, 2, tz, &error);
  rapat_assert_no_error (error);
  series->uid = g_strdup ("seri@rapat.test");
  series->start_utc = DAY + 7 * 24 * HOUR;
  series->duration_s = HOUR;
  series->tzid = g_strdup ("Asia/Jayapura");
  ck_assert (rapat_store_series_insert (store, series, NOW, &error));
  occ = add_meeting ("occ@rapat.test", series->start_utc, series->id);
  invite (occ, citra);
  occ->sequence = 1;      /* the occurrence moved: the series rises too */
  ck_assert (rapat_store_meeting_update (store, occ, &error));
  rapat_assert_no_error (error);
  one = plan_with (occ, NULL);
  ck_assert_int_eq (one->sequence, 2);
  assert_msg (one, 0, RAPAT_INVITE_NEW, "Citra");
  whole = plan_with (occ, &opt);
  ck_assert_int_eq (whole->sequence, 1);
  ck_assert (whole->series);
  bad = rapat_invite_plan (store, meeting, &opt, &error);
  ck_assert_ptr_null (bad);
  rapat_assert_error_contains (error, RAPAT_ERROR_USAGE, "leave out --series");
}
END_TEST

/* What changed while the messages were out: the record stays true (an
 * outdated sequence), the drift says what changed; a recipient to whom a
 * concurrent send recorded meanwhile, or who was deleted, is left out. */
START_TEST (test_drift_and_stale)
{
  g_autoptr(RapatInvitePlan) slow = plan_with (meeting, NULL);
  g_autoptr(RapatInvitePlan) next = NULL;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sent = NULL;
  gint64 eko = add_person ("Eko", "eko@maluku.example");
  RapatInviteDrift drift;
  GError *error = NULL;
  guint n;

  ck_assert (rapat_invite_drift (store, slow, meeting, &drift, &error));
  ck_assert (!drift.sequence_changed && !drift.invitees_changed);
  /* Meanwhile: a concurrent send records Citra alone, the meeting moves,
   * Eko is invited, Budi is withdrawn and deleted. */
  {
    g_autoptr(RapatInvitePlan) citra_only = NULL;
    const char *to[] = { "Citra", NULL };
    RapatInviteOptions opt = { to, FALSE, FALSE, FALSE, NULL };

    citra_only = plan_with (meeting, &opt);
    record_all (citra_only, NULL);
  }
  reschedule ();
  invite (meeting, eko);
  withdraw (budi);
  ck_assert (rapat_store_person_delete (store, budi, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_invite_drift (store, slow, meeting, &drift, &error));
  rapat_assert_no_error (error);
  ck_assert (drift.sequence_changed && drift.invitees_changed);
  ck_assert_int_eq (drift.sequence_now, 1);
  ck_assert (rapat_invite_record (store, slow, msg (slow, 0), NULL, 0, NOW, "smtp", &n, stale,
                                  &error));
  rapat_assert_no_error (error);
  sent = rapat_store_invite_sent_list (store, meeting->id, &error);
  rapat_assert_no_error (error);
  /* Budi deleted and Citra recorded by the other send: nothing of slow's
   * is true any more. */
  ck_assert_uint_eq (n, 0);
  ck_assert_uint_eq (stale->len, 2);
  ck_assert_str_eq (stale->pdata[0], "Budi");
  ck_assert_str_eq (stale->pdata[1], "Citra");
  ck_assert_uint_eq (sent->len, 1);
  ck_assert_str_ne (((RapatInviteSent *) sent->pdata[0])->message_id, msg (slow, 0)->message_id);
  /* The record made is of sequence 0: outdated, so the next plan updates. */
  next = plan_with (meeting, NULL);
  assert_msg (next, 0, RAPAT_INVITE_UPDATE, "Citra");
}
END_TEST

static Suite *
invite_suite (void)
{
  Suite *s = suite_create ("invite");
  TCase *tc = tcase_create ("plan");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_first_invitation);
  tcase_add_test (tc, test_nothing_due_then_all);
  tcase_add_test (tc, test_reschedule_then_new_invitee);
  tcase_add_test (tc, test_nobody_reachable);
  tcase_add_test (tc, test_to_subset);
  tcase_add_test (tc, test_withdrawn);
  tcase_add_test (tc, test_cancel_after_partial);
  tcase_add_test (tc, test_series);
  tcase_add_test (tc, test_drift_and_stale);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (invite_suite ());
}
