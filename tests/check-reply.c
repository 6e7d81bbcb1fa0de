/* rapat tests — replies read back (src/itip.c) on a real store with the
 * real libical: the samples of tests/data/imip/, stale answers, delegation,
 * COUNTER, and an import done twice. */
#include "check-common.h"
#include "itip.h"

#include <string.h>

static char *dir;
static char *db_path;
static RapatStore *store;
static gint64 meeting_id, foo_id, rina_id;

/* 2014-07-01 00:00 UTC: before the sample meeting of 16 July 2014. */
#define NOW 1404172800

/* Adds a person with @email; returns the id. */
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

/* A meeting with UID "foobar" (the samples'), 16 July 2014 14:00 in
 * Brussels, Foo invited. */
static void
setup (void)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  dir = rapat_test_tmpdir_new ("rapat-reply-XXXXXX");
  db_path = g_build_filename (dir, "t.db", NULL);
  store = rapat_test_store_open (db_path);
  ck_assert (rapat_store_begin (store, &error));
  foo_id = add_person ("Foo", "foo@example.org");
  rina_id = add_person ("Rina", "rina@example.org");
  m->uid = g_strdup ("foobar");
  m->title = g_strdup ("Sample");
  m->kind = g_strdup ("meeting");
  m->tzid = g_strdup ("Europe/Brussels");
  m->start_utc = 1405512000;   /* 2014-07-16 12:00 UTC */
  m->end_utc = m->start_utc + 3600;
  m->sequence = 2;
  m->created_at = m->updated_at = NOW;
  ck_assert (rapat_store_meeting_insert (store, m, &error));
  meeting_id = m->id;
  a->meeting_id = m->id;
  a->person_id = foo_id;
  ck_assert (rapat_store_attendee_insert (store, a, &error));
  ck_assert (rapat_store_commit (store, &error));
  rapat_assert_no_error (error);
}

static void
teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
  rapat_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&db_path, g_free);
}

/* Imports @ics in its own transaction; returns the summary's counts in
 * @counts (RAPAT_ITIP_N_OUTCOMES). */
static void
import (const char *ics, guint *counts)
{
  g_auto(RapatItipSummary) s = { 0 };
  GError *error = NULL;

  rapat_itip_summary_init (&s);
  ck_assert (rapat_store_begin (store, &error));
  ck_assert_msg (rapat_itip_import (store, ics, strlen (ics), "test", "m@x", NULL, NOW, &s, &error),
                 "%s", error != NULL ? error->message : "?");
  ck_assert (rapat_store_commit (store, &error));
  memcpy (counts, s.counts, sizeof s.counts);
}

/* Returns Foo's reply state. */
static RapatReplyState
state (void)
{
  RapatReplyState st = { 0 };
  GError *error = NULL;

  ck_assert (rapat_store_reply_get (store, meeting_id, foo_id, &st, &error));
  return st;
}

/* Returns the text of sample @name of tests/data/imip/. */
static char *
sample (const char *name)
{
  const char *srcdir = g_getenv ("SRCDIR");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "tests", "data",
                                            "imip", name, NULL);
  char *text = NULL;

  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL), "cannot read %s", path);
  return text;
}

/* A REPLY in the form rapat tests write: @partstat, @seq, @stamp. */
static char *
reply (const char *partstat, int seq, const char *stamp, const char *extra)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
                          "UID:foobar\r\nSEQUENCE:%d\r\nDTSTAMP:%s\r\n"
                          "ATTENDEE;PARTSTAT=%s%s:MAILTO:FOO@example.org\r\n"
                          "END:VEVENT\r\nEND:VCALENDAR\r\n", seq, stamp, partstat, extra);
}

/* sabre/vobject's reply with an Outlook-style zone name is recorded. */
START_TEST (test_sample_windows_zone)
{
  g_autofree char *ics = sample ("sabre-reply-windows-zone.ics");
  guint c[RAPAT_ITIP_N_OUTCOMES];

  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_RECORDED], 1);
  ck_assert_int_eq (state ().rsvp, RAPAT_RSVP_ACCEPTED);
  ck_assert_int_eq (state ().replied_sequence, 2);
}
END_TEST

/* A reply to an earlier SEQUENCE is stale; a later one is taken. */
START_TEST (test_stale_sequence)
{
  g_autofree char *old = reply ("DECLINED", 1, "20140705T100000Z", "");
  g_autofree char *cur = reply ("TENTATIVE", 2, "20140705T100000Z", "");
  guint c[RAPAT_ITIP_N_OUTCOMES];

  import (old, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_STALE], 1);
  ck_assert_int_eq (state ().rsvp, RAPAT_RSVP_NEEDS_ACTION);
  import (cur, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_RECORDED], 1);
  ck_assert_int_eq (state ().rsvp, RAPAT_RSVP_TENTATIVE);
}
END_TEST

/* A reply with a DTSTAMP older than the one kept is stale. */
START_TEST (test_older_dtstamp)
{
  g_autofree char *late = reply ("ACCEPTED", 2, "20140706T100000Z", "");
  g_autofree char *early = reply ("DECLINED", 2, "20140705T100000Z", "");
  guint c[RAPAT_ITIP_N_OUTCOMES];

  import (late, c);
  import (early, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_STALE], 1);
  ck_assert_int_eq (state ().rsvp, RAPAT_RSVP_ACCEPTED);
  ck_assert_int_eq (state ().replied_at, 1404640800);
}
END_TEST

/* Unknown address and unknown UID are reported, nothing added. */
START_TEST (test_unknown)
{
  g_autofree char *ics = sample ("sabre-reply-party-crasher.ics");
  g_autofree char *other = reply ("ACCEPTED", 2, "20140706T100000Z", "");
  char *p = strstr (other, "UID:foobar");
  guint c[RAPAT_ITIP_N_OUTCOMES];

  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_UNKNOWN_SENDER], 1);
  memcpy (p, "UID:nobody", 10);
  import (other, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_UNKNOWN_MEETING], 1);
  ck_assert_int_eq (state ().rsvp, RAPAT_RSVP_NEEDS_ACTION);
}
END_TEST

/* DELEGATED: declined, with the delegate kept as stand-in. */
START_TEST (test_delegated)
{
  g_autofree char *ics = reply ("DELEGATED", 2, "20140706T100000Z",
                                ";DELEGATED-TO=\"mailto:rina@example.org\"");
  guint c[RAPAT_ITIP_N_OUTCOMES];

  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_RECORDED], 1);
  ck_assert_int_eq (state ().rsvp, RAPAT_RSVP_DECLINED);
  ck_assert_int_eq (state ().delegated_to, rina_id);
}
END_TEST

/* COUNTER is kept, not applied; importing everything twice leaves the
 * file byte for byte as it was. */
START_TEST (test_counter_and_twice)
{
  const char *counter =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:COUNTER\r\nBEGIN:VEVENT\r\nUID:foobar\r\n"
    "SEQUENCE:2\r\nDTSTAMP:20140706T100000Z\r\nDTSTART:20140717T120000Z\r\n"
    "DTEND:20140717T130000Z\r\nCOMMENT:Thursday suits better\r\n"
    "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:foo@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autofree char *ics = sample ("sabre-reply-windows-zone.ics");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize nb = 0, na = 0;
  GError *error = NULL;
  guint c[RAPAT_ITIP_N_OUTCOMES];

  import (counter, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_COUNTER], 1);
  import (ics, c);
  list = rapat_store_itip_requests (store, meeting_id, 0, &error);
  ck_assert_uint_eq (list->len, 1);
  ck_assert_int_eq (((RapatItipRequest *) list->pdata[0])->start_utc, 1405598400);
  ck_assert_str_eq (((RapatItipRequest *) list->pdata[0])->comment, "Thursday suits better");
  ck_assert (g_file_get_contents (db_path, &before, &nb, NULL));
  import (counter, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_SAME], 1);
  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_ITIP_SAME], 1);
  ck_assert (g_file_get_contents (db_path, &after, &na, NULL));
  ck_assert (nb == na && memcmp (before, after, nb) == 0);
}
END_TEST

/* mailto:, MAILTO: and a bare address are the same person. */
START_TEST (test_address)
{
  g_autofree char *a = rapat_itip_address (" MAILTO:x@y.org ");
  g_autofree char *b = rapat_itip_address ("x@y.org");

  ck_assert_str_eq (a, "x@y.org");
  ck_assert_str_eq (b, "x@y.org");
  ck_assert_ptr_null (rapat_itip_address ("mailto:"));
}
END_TEST

static Suite *
reply_suite (void)
{
  Suite *s = suite_create ("reply");
  TCase *tc = tcase_create ("itip");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sample_windows_zone);
  tcase_add_test (tc, test_stale_sequence);
  tcase_add_test (tc, test_older_dtstamp);
  tcase_add_test (tc, test_unknown);
  tcase_add_test (tc, test_delegated);
  tcase_add_test (tc, test_counter_and_twice);
  tcase_add_test (tc, test_address);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (reply_suite ());
}
