/* rapat tests — calendars of other programs read into meetings
 * (src/calimport.c) on a real store with the real libical: an import done
 * twice, newer and older versions, zones (Windows, a VTIMEZONE of its own,
 * one that matches nothing), a series with EXDATE and an instance,
 * delegation, the properties kept, and a broken file refused whole. */
#include "check-common.h"
#include "calimport.h"
#include "store-import.h"

#include <string.h>

static char *dir;
static char *db_path;
static RapatStore *store;
static gint64 budi_id, rina_id;

/* 2026-01-01 00:00 UTC. */
#define NOW 1767225600

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

/* A store with Budi and Rina in the directory. */
static void
setup (void)
{
  GError *error = NULL;

  dir = rapat_test_tmpdir_new ("rapat-calimport-XXXXXX");
  db_path = g_build_filename (dir, "t.db", NULL);
  store = rapat_test_store_open (db_path);
  ck_assert (rapat_store_begin (store, &error));
  budi_id = add_person ("Budi Santoso", "budi@example.go.id");
  rina_id = add_person ("Rina Putri", "rina@example.go.id");
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

/* Imports @ics (floating times in Asia/Jakarta) in a transaction of its
 * own, committed; returns the counts in @counts. */
static void
import_opt (const char *ics, const RapatCalimportOptions *opt, guint *counts)
{
  g_auto(RapatCalimportSummary) s = { 0 };
  g_auto(RapatItipSummary) itip = { 0 };
  GError *error = NULL;

  rapat_calimport_summary_init (&s);
  rapat_itip_summary_init (&itip);
  ck_assert (rapat_store_begin (store, &error));
  ck_assert_msg (rapat_calimport (store, ics, strlen (ics), "test.ics", opt, NOW, &s, &itip,
                                  &error),
                 "%s", error != NULL ? error->message : "?");
  ck_assert (rapat_store_commit (store, &error));
  memcpy (counts, s.counts, sizeof s.counts);
}

/* import_opt() with the default options. */
static void
import (const char *ics, guint *counts)
{
  RapatCalimportOptions opt = { FALSE, FALSE, FALSE, "Asia/Jakarta", NULL };

  import_opt (ics, &opt, counts);
}

/* Returns the calendar of @events (VEVENTs and VTIMEZONEs, CRLF lines). */
static char *
calendar (const char *events)
{
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = g_strsplit (events, "\n", -1);

  body = g_strjoinv ("\r\n", lines);
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n%s"
                          "END:VCALENDAR\r\n", body);
}

/* Returns the meeting with @uid. */
static RapatMeeting *
meeting (const char *uid)
{
  GError *error = NULL;
  gint64 id = rapat_store_meeting_find_uid (store, uid, &error);
  RapatMeeting *m;

  rapat_assert_no_error (error);
  ck_assert_msg (id > 0, "no meeting %s", uid);
  m = rapat_store_meeting_get (store, id, &error);
  rapat_assert_no_error (error);
  return m;
}

static const char one[] =
  "BEGIN:VEVENT\n"
  "UID:one@test\n"
  "DTSTAMP:20260101T000000Z\n"
  "SEQUENCE:%d\n"
  "DTSTART;TZID=W. Europe Standard Time:20260302T%s\n"
  "DTEND;TZID=W. Europe Standard Time:20260302T120000\n"
  "SUMMARY:Koordinasi\n"
  "ORGANIZER;CN=Budi:MAILTO:BUDI@example.go.id\n"
  "ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:rina@example.go.id\n"
  "ATTENDEE;CN=Tamu;ROLE=OPT-PARTICIPANT:mailto:tamu@elsewhere.example\n"
  "X-TEST-THING;X-P=1:kept\n"
  "BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT10M\nDESCRIPTION:x\nEND:VALARM\n"
  "END:VEVENT\n";

/* Returns the calendar of event "one@test" at SEQUENCE @seq, starting at @hhmmss. */
static char *
one_event (int seq, const char *hhmmss)
{
  g_autofree char *ev = g_strdup_printf (one, seq, hhmmss);

  return calendar (ev);
}

/* An event: a Windows zone through CLDR, people by address in any case,
 * the rest kept; the same file again changes nothing. */
/* What 'import mail' hands to the event import, by the first METHOD. */
START_TEST (test_has_events)
{
  static const struct { const char *ics; gboolean events; } cases[] = {
    { "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n", TRUE },
    { "BEGIN:VCALENDAR\nmethod:cancel\nBEGIN:VEVENT\nEND:VEVENT\n", TRUE },
    { "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\n", TRUE },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n", TRUE },
    { "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n", FALSE },
    { "BEGIN:VCALENDAR\r\nMETHOD:COUNTER\r\n", FALSE },
    { "BEGIN:VCALENDAR\r\nMETHOD:REFRESH", FALSE },
    { "BEGIN:VCALENDAR\r\nMETHOD:REQUESTX\r\n", FALSE },
    /* A METHOD inside a component is not the calendar's. */
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nMETHOD:REPLY\r\nEND:VEVENT\r\n", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    ck_assert_msg (rapat_calimport_has_events (cases[i].ics, strlen (cases[i].ics))
                   == cases[i].events, "case %u", i);
}
END_TEST

START_TEST (test_single_twice)
{
  g_autofree char *ics = one_event (0, "090000");
  g_autoptr(RapatMeeting) m = NULL;
  g_autoptr(GPtrArray) att = NULL;
  g_autoptr(GPtrArray) ext = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump2 = NULL;
  guint c[RAPAT_CALIMPORT_N_OUTCOMES];
  GError *error = NULL;

  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_ADDED], 1);
  m = meeting ("one@test");
  ck_assert_str_eq (m->tzid, "Europe/Berlin");
  ck_assert_int_eq (m->start_utc, 1772438400);    /* 09:00 CET = 08:00 UTC */
  ck_assert_int_eq (m->organizer_id, budi_id);
  att = rapat_store_attendee_list (store, m->id, &error);
  ck_assert_uint_eq (att->len, 1);
  ck_assert_int_eq (((RapatAttendee *) att->pdata[0])->person_id, rina_id);
  ck_assert_int_eq (((RapatAttendee *) att->pdata[0])->role, RAPAT_ROLE_CHAIR);
  ck_assert_int_eq (((RapatAttendee *) att->pdata[0])->rsvp, RAPAT_RSVP_ACCEPTED);
  ext = rapat_store_import_externals (store, m->id, &error);
  ck_assert_uint_eq (ext->len, 1);
  ck_assert_str_eq (((RapatExternal *) ext->pdata[0])->address, "mailto:tamu@elsewhere.example");
  ck_assert_str_eq (((RapatExternal *) ext->pdata[0])->role, "optional");
  ck_assert_str_eq (((RapatExternal *) ext->pdata[0])->partstat, "needs-action");
  ck_assert (rapat_store_import_extra_get (store, m->id, &extra, &error));
  ck_assert_ptr_nonnull (strstr (extra, "X-TEST-THING;X-P=1:kept"));
  ck_assert_ptr_nonnull (strstr (extra, "BEGIN:VALARM"));
  ck_assert_ptr_null (strstr (extra, "ATTENDEE"));
  dump = rapat_test_dump_file (db_path);
  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_UNCHANGED], 1);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_ADDED] + c[RAPAT_CALIMPORT_UPDATED], 0);
  dump2 = rapat_test_dump_file (db_path);
  ck_assert_str_eq (dump, dump2);
}
END_TEST

/* A newer SEQUENCE moves the meeting and keeps the attendance recorded
 * there; the older one then is ignored. */
START_TEST (test_newer_older)
{
  g_autofree char *v0 = one_event (0, "090000");
  g_autofree char *v1 = one_event (1, "100000");
  g_autoptr(RapatMeeting) m = NULL;
  g_autoptr(RapatMeeting) after = NULL;
  g_autoptr(GPtrArray) att = NULL;
  RapatAttendee *a;
  guint c[RAPAT_CALIMPORT_N_OUTCOMES];
  GError *error = NULL;

  import (v0, c);
  m = meeting ("one@test");
  att = rapat_store_attendee_list (store, m->id, &error);
  a = att->pdata[0];
  a->attendance = RAPAT_ATTENDANCE_EXCUSED;
  ck_assert (rapat_store_begin (store, &error));
  ck_assert (rapat_store_attendee_update (store, a, &error));
  ck_assert (rapat_store_commit (store, &error));
  g_clear_pointer (&att, g_ptr_array_unref);
  import (v1, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_UPDATED], 1);
  after = meeting ("one@test");
  ck_assert_int_eq (after->id, m->id);
  ck_assert_int_eq (after->start_utc, 1772442000);
  ck_assert_int_eq (after->sequence, 1);
  att = rapat_store_attendee_list (store, m->id, &error);
  ck_assert_int_eq (((RapatAttendee *) att->pdata[0])->attendance, RAPAT_ATTENDANCE_EXCUSED);
  import (v0, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_OLDER], 1);
  g_clear_pointer (&after, rapat_meeting_free);
  after = meeting ("one@test");
  ck_assert_int_eq (after->start_utc, 1772442000);
}
END_TEST

/* A weekly series with an EXDATE and a moved instance. */
START_TEST (test_series)
{
  g_autofree char *ics = calendar (
    "BEGIN:VEVENT\nUID:s@test\nDTSTAMP:20260101T000000Z\n"
    "DTSTART;TZID=Asia/Jayapura:20260105T090000\nDTEND;TZID=Asia/Jayapura:20260105T100000\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=Asia/Jayapura:20260112T090000\n"
    "SUMMARY:Mingguan\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:s@test\nDTSTAMP:20260101T000000Z\nSEQUENCE:1\n"
    "RECURRENCE-ID;TZID=Asia/Jayapura:20260119T090000\n"
    "DTSTART;TZID=Asia/Jayapura:20260120T130000\nDTEND;TZID=Asia/Jayapura:20260120T140000\n"
    "SUMMARY:Mingguan (Selasa)\nEND:VEVENT\n");
  guint c[RAPAT_CALIMPORT_N_OUTCOMES];
  GError *error = NULL;
  gint64 sid;
  g_autoptr(GPtrArray) occ = NULL;
  RapatMeeting *moved;

  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_ADDED], 1);
  sid = rapat_store_series_find_uid (store, "s@test", &error);
  ck_assert_int_gt (sid, 0);
  occ = rapat_store_series_meetings (store, sid, &error);
  ck_assert_uint_eq (occ->len, 3);
  moved = occ->pdata[1];
  ck_assert_int_eq (moved->recurrence_utc, 1768780800);   /* 19 Jan 09:00 WIT */
  ck_assert_int_eq (moved->start_utc, 1768881600);        /* 20 Jan 13:00 WIT */
  ck_assert_str_eq (moved->title, "Mingguan (Selasa)");
  ck_assert_int_eq (moved->sequence, 1);
  ck_assert_str_eq (((RapatMeeting *) occ->pdata[2])->title, "Mingguan");
  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_UNCHANGED], 1);
}
END_TEST

/* DELEGATED to someone rapat knows: represented by them; to a stranger:
 * kept as it came. */
START_TEST (test_delegated)
{
  g_autofree char *ics = calendar (
    "BEGIN:VEVENT\nUID:d@test\nDTSTAMP:20260101T000000Z\n"
    "DTSTART:20260301T020000Z\nDTEND:20260301T030000Z\nSUMMARY:D\n"
    "ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO=\"mailto:rina@example.go.id\":mailto:budi@example.go.id\n"
    "ATTENDEE;PARTSTAT=ACCEPTED;DELEGATED-FROM=\"mailto:budi@example.go.id\":mailto:rina@example.go.id\n"
    "ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO=\"mailto:x@far.example\":mailto:y@far.example\n"
    "END:VEVENT\n");
  guint c[RAPAT_CALIMPORT_N_OUTCOMES];
  GError *error = NULL;
  g_autoptr(RapatMeeting) m = NULL;
  g_autoptr(GPtrArray) att = NULL;
  g_autoptr(GPtrArray) ext = NULL;
  RapatAttendee *budi = NULL;

  import (ics, c);
  m = meeting ("d@test");
  att = rapat_store_attendee_list (store, m->id, &error);
  ck_assert_uint_eq (att->len, 2);
  for (guint i = 0; i < att->len; i++)
    if (((RapatAttendee *) att->pdata[i])->person_id == budi_id)
      budi = att->pdata[i];
  ck_assert_ptr_nonnull (budi);
  ck_assert_int_eq (budi->attendance, RAPAT_ATTENDANCE_REPRESENTED);
  ck_assert_int_eq (budi->stand_in_id, rina_id);
  ext = rapat_store_import_externals (store, m->id, &error);
  ck_assert_uint_eq (ext->len, 1);
  ck_assert_str_eq (((RapatExternal *) ext->pdata[0])->partstat, "delegated");
  ck_assert_str_eq (((RapatExternal *) ext->pdata[0])->delegated_to, "mailto:x@far.example");
}
END_TEST

/* A VTIMEZONE of its own with Berlin's rules is Europe/Berlin; one that is
 * no IANA zone keeps the instants in UTC. */
START_TEST (test_custom_zones)
{
  g_autofree char *ics = calendar (
    "BEGIN:VTIMEZONE\nTZID:My Berlin\n"
    "BEGIN:DAYLIGHT\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nDTSTART:19810329T020000\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\n"
    "BEGIN:STANDARD\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nDTSTART:19961027T030000\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE\n"
    "BEGIN:VTIMEZONE\nTZID:Odd\nBEGIN:STANDARD\nTZOFFSETFROM:+0537\nTZOFFSETTO:+0537\n"
    "DTSTART:19700101T000000\nEND:STANDARD\nEND:VTIMEZONE\n"
    "BEGIN:VEVENT\nUID:b@test\nDTSTAMP:20260101T000000Z\n"
    "DTSTART;TZID=My Berlin:20260701T090000\nDTEND;TZID=My Berlin:20260701T100000\n"
    "SUMMARY:B\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:o@test\nDTSTAMP:20260101T000000Z\n"
    "DTSTART;TZID=Odd:20260701T090000\nDTEND;TZID=Odd:20260701T100000\n"
    "SUMMARY:O\nEND:VEVENT\n");
  guint c[RAPAT_CALIMPORT_N_OUTCOMES];
  g_autoptr(RapatMeeting) b = NULL;
  g_autoptr(RapatMeeting) o = NULL;

  import (ics, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_ADDED], 2);
  b = meeting ("b@test");
  ck_assert_str_eq (b->tzid, "Europe/Berlin");
  ck_assert_int_eq (b->start_utc, 1782889200);    /* 09:00 CEST = 07:00 UTC */
  o = meeting ("o@test");
  ck_assert_str_eq (o->tzid, "UTC");
  ck_assert_int_eq (o->start_utc, 1782876180);    /* 09:00 at +05:37 = 03:23 UTC */
  ck_assert_str_eq (rapat_calimport_windows_zone ("SE Asia Standard Time"), "Asia/Bangkok");
  ck_assert_str_eq (rapat_calimport_windows_zone ("w. europe standard time"), "Europe/Berlin");
  ck_assert_ptr_null (rapat_calimport_windows_zone ("Nowhere Standard Time"));
}
END_TEST

/* A broken event refuses the file (naming line and UID) and nothing is
 * written; --skip-bad imports the rest. */
START_TEST (test_broken)
{
  g_autofree char *ics = calendar (
    "BEGIN:VEVENT\nUID:ok@test\nDTSTAMP:20260101T000000Z\n"
    "DTSTART:20260301T020000Z\nDTEND:20260301T030000Z\nSUMMARY:OK\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:bad@test\nDTSTAMP:20260101T000000Z\nSUMMARY:no start\nEND:VEVENT\n");
  g_autofree char *before = rapat_test_dump_file (db_path);
  g_autofree char *after = NULL;
  g_auto(RapatCalimportSummary) s = { 0 };
  g_auto(RapatItipSummary) itip = { 0 };
  RapatCalimportOptions opt = { FALSE, FALSE, FALSE, "Asia/Jakarta", NULL };
  guint c[RAPAT_CALIMPORT_N_OUTCOMES];
  GError *error = NULL;

  rapat_calimport_summary_init (&s);
  rapat_itip_summary_init (&itip);
  ck_assert (rapat_store_begin (store, &error));
  ck_assert (!rapat_calimport (store, ics, strlen (ics), "bad.ics", &opt, NOW, &s, &itip,
                               &error));
  rapat_store_rollback (store);
  ck_assert_str_eq (error->message, "file 'bad.ics', line 11, UID 'bad@test': no DTSTART");
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  after = rapat_test_dump_file (db_path);
  ck_assert_str_eq (before, after);
  opt.skip_bad = TRUE;
  import_opt (ics, &opt, c);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_ADDED], 1);
  ck_assert_uint_eq (c[RAPAT_CALIMPORT_BAD], 1);
}
END_TEST

static Suite *
calimport_suite (void)
{
  Suite *s = suite_create ("calimport");
  TCase *tc = tcase_create ("events");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_has_events);
  tcase_add_test (tc, test_single_twice);
  tcase_add_test (tc, test_newer_older);
  tcase_add_test (tc, test_series);
  tcase_add_test (tc, test_delegated);
  tcase_add_test (tc, test_custom_zones);
  tcase_add_test (tc, test_broken);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (calimport_suite ());
}
