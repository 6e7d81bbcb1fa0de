/* rapat tests — holidays (src/holiday.c, src/store-holiday.c): reading
 * calendars of all-day events, the refusals that name their line, the
 * import that adds each day once, the days of a meeting in its own zone,
 * and find-slot skipping holidays.  On a real in-memory store. */
#include "check-common.h"
#include "holiday.h"
#include "model.h"
#include "schedule.h"
#include "store.h"
#include "timeutil.h"

#define WIB "Asia/Jakarta"     /* UTC+7 */
#define WIT "Asia/Jayapura"    /* UTC+9 */
#define NOW 1756771200         /* 2025-09-02 00:00 UTC: "now" of the readings */

/* The calendar rapat demo loads (src/rapat-holidays.c). */
extern const char rapat_demo_holidays[];

static struct {
  RapatStore *store;
} fx;

/* Checked fixture: a fresh in-memory store. */
static void
setup (void)
{
  fx.store = rapat_test_store_open (":memory:");
}

/* Checked fixture: closes the store. */
static void
teardown (void)
{
  g_clear_pointer (&fx.store, rapat_store_free);
}

/* ---- helpers ---- */

/* Returns @body (lines joined by LF, without the calendar around them)
 * wrapped in a VCALENDAR with CRLF line ends. */
static char *
calendar (const char *body)
{
  g_autofree char *text = g_strconcat ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n", body,
                                       "END:VCALENDAR\n", NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

/* Reads @body (see calendar()) and returns what it holds, failing the test
 * on an error. */
static RapatHolidayCalendar *
parse_ok (const char *body)
{
  g_autofree char *text = calendar (body);
  GError *error = NULL;
  RapatHolidayCalendar *cal = rapat_holiday_parse_ics (text, strlen (text), "t.ics",
                                                       RAPAT_HOLIDAY_NATIONAL, NOW, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (cal);
  return cal;
}

/* Asserts that reading @body fails with a message containing @needle. */
static void
parse_fails (const char *body, const char *needle)
{
  g_autofree char *text = calendar (body);
  GError *error = NULL;
  RapatHolidayCalendar *cal = rapat_holiday_parse_ics (text, strlen (text), "t.ics",
                                                       RAPAT_HOLIDAY_NATIONAL, NOW, &error);

  ck_assert_msg (cal == NULL, "expected '%s' to be refused", body);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, needle);
}

/* Returns the days and names of @holidays as "2025-08-17 Name; ...". */
static char *
days_text (GPtrArray *holidays)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < holidays->len; i++)
    {
      const RapatHoliday *h = holidays->pdata[i];

      g_string_append_printf (out, "%s%s %s", i > 0 ? "; " : "", h->day, h->name);
    }
  return g_string_free (out, FALSE);
}

/* Returns an all-day event on @start (YYYYMMDD) called @summary, with the
 * extra lines @more (LF-joined, may be ""). */
static char *
event (const char *start, const char *summary, const char *more)
{
  return g_strdup_printf ("BEGIN:VEVENT\nUID:%s@test\nDTSTAMP:20250101T000000Z\n"
                          "DTSTART;VALUE=DATE:%s\nSUMMARY:%s\n%sEND:VEVENT\n", start, start,
                          summary, more);
}

/* Stores the holiday @name on @day. */
static void
add_holiday (const char *day, const char *name)
{
  g_autoptr(RapatHoliday) h = rapat_holiday_new (day, name, RAPAT_HOLIDAY_NATIONAL, NULL);
  GError *error = NULL;
  gboolean added = FALSE;

  ck_assert (rapat_store_holiday_add (fx.store, h, 0, &added, &error));
  rapat_assert_no_error (error);
  ck_assert (added);
}

/* Returns the instant of @text ("YYYY-MM-DD HH:MM") in @zone_name. */
static gint64
at (const char *zone_name, const char *text)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (zone_name, NULL, NULL);
  gint64 t = 0;

  ck_assert (rapat_time_parse_datetime ("test", text, tz, &t, NULL, NULL));
  return t;
}

/* ---- reading calendars ---- */

/* One day, several days by DTEND or DURATION, and one day without either. */
START_TEST (test_parse_days)
{
  g_autofree char *a = event ("20250817", "Hari Kemerdekaan RI", "DTEND;VALUE=DATE:20250818\n");
  g_autofree char *b = event ("20250331", "Idulfitri 1446 Hijriah", "DTEND;VALUE=DATE:20250402\n");
  g_autofree char *c = event ("20250402", "Cuti bersama", "DURATION:P3D\n");
  g_autofree char *d = event ("20251225", "Natal", "");
  g_autofree char *body = g_strconcat (a, b, c, d, NULL);
  g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);
  g_autofree char *text = days_text (cal->holidays);

  ck_assert_str_eq (text, "2025-03-31 Idulfitri 1446 Hijriah; 2025-04-01 Idulfitri 1446 Hijriah; "
                          "2025-04-02 Cuti bersama; 2025-04-03 Cuti bersama; "
                          "2025-04-04 Cuti bersama; 2025-08-17 Hari Kemerdekaan RI; "
                          "2025-12-25 Natal");
  ck_assert_int_eq (((RapatHoliday *) cal->holidays->pdata[0])->kind, RAPAT_HOLIDAY_NATIONAL);
  ck_assert_str_eq (((RapatHoliday *) cal->holidays->pdata[0])->source, "t.ics");
}
END_TEST

/* Folded lines, escapes, LF-only ends, VALUE=DATE left out, a VALARM's
 * SUMMARY not taken for the event's, kinds and sources. */
START_TEST (test_parse_text)
{
  const char *body =
    "X-RAPAT-SOURCE:SKB No. 1\\, 2\\, 3\n"
    "BEGIN:VEVENT\nUID:a\nDTSTART:20250818\n"
    "SUMMARY:Cuti bersama Hari Kemerdeka\n an RI\\, ke-80\n"
    "X-RAPAT-KIND:cuti-bersama\n"
    "BEGIN:VALARM\nACTION:DISPLAY\nSUMMARY:not this\nTRIGGER:-PT1H\nEND:VALARM\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20250901\nSUMMARY:Hari jadi kota\n"
    "X-RAPAT-KIND:local\nX-RAPAT-SOURCE:Perda 7/2020\nEND:VEVENT\n";
  g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);
  const RapatHoliday *a, *b;

  ck_assert_int_eq (cal->holidays->len, 2);
  a = cal->holidays->pdata[0];
  b = cal->holidays->pdata[1];
  ck_assert_str_eq (a->name, "Cuti bersama Hari Kemerdekaan RI, ke-80");
  ck_assert_int_eq (a->kind, RAPAT_HOLIDAY_JOINT_LEAVE);
  ck_assert_str_eq (a->source, "SKB No. 1, 2, 3");
  ck_assert_str_eq (b->day, "2025-09-01");
  ck_assert_int_eq (b->kind, RAPAT_HOLIDAY_LOCAL);
  ck_assert_str_eq (b->source, "Perda 7/2020");
}
END_TEST

/* Events with a time of day and cancelled ones are counted and left out;
 * the same day and name twice is kept once. */
START_TEST (test_parse_left_out)
{
  g_autofree char *a = event ("20250817", "Hari Kemerdekaan RI", "");
  g_autofree char *again = event ("20250817", "Hari Kemerdekaan RI", "");
  g_autofree char *cancelled = event ("20250818", "Batal", "STATUS:CANCELLED\n");
  g_autofree char *body = g_strconcat (
    a, again, cancelled,
    "BEGIN:VEVENT\nUID:m\nDTSTART;TZID=Asia/Jakarta:20250819T090000\nSUMMARY:Rapat\nEND:VEVENT\n",
    NULL);
  g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);

  ck_assert_int_eq (cal->holidays->len, 1);
  ck_assert_uint_eq (cal->timed, 1);
  ck_assert_uint_eq (cal->cancelled, 1);
}
END_TEST

/* Yearly rules: COUNT, UNTIL, INTERVAL, EXDATE, 29 February, and one
 * without an end, read for ten years with a note. */
START_TEST (test_parse_rules)
{
  struct {
    const char *start;
    const char *more;
    const char *days;
  } cases[] = {
    { "20250817", "RRULE:FREQ=YEARLY;COUNT=3\n", "2025-08-17 X; 2026-08-17 X; 2027-08-17 X" },
    { "20250817", "RRULE:FREQ=YEARLY;UNTIL=20270817\n", "2025-08-17 X; 2026-08-17 X; 2027-08-17 X" },
    { "20250817", "RRULE:FREQ=YEARLY;UNTIL=20270816T235959Z\n", "2025-08-17 X; 2026-08-17 X" },
    { "20250817", "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=2\n", "2025-08-17 X; 2027-08-17 X" },
    { "20250817", "RRULE:FREQ=YEARLY;COUNT=3\nEXDATE;VALUE=DATE:20260817\n",
      "2025-08-17 X; 2027-08-17 X" },
    { "20240229", "RRULE:FREQ=YEARLY;COUNT=2\n", "2024-02-29 X; 2028-02-29 X" },
    { "20250817", "RRULE:FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=17;WKST=MO;COUNT=2\n",
      "2025-08-17 X; 2026-08-17 X" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = event (cases[i].start, "X", cases[i].more);
      g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);
      g_autofree char *text = days_text (cal->holidays);

      ck_assert_msg (strcmp (text, cases[i].days) == 0, "case %u: %s", i, text);
      ck_assert_uint_eq (cal->notes->len, 0);
    }
  {
    g_autofree char *body = event ("20250101", "Tahun Baru", "RRULE:FREQ=YEARLY\n");
    g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);

    ck_assert_uint_eq (cal->holidays->len, RAPAT_HOLIDAY_ENDLESS_YEARS);
    ck_assert_str_eq (((RapatHoliday *) cal->holidays->pdata[9])->day, "2034-01-01");
    ck_assert_uint_eq (cal->notes->len, 1);
    ck_assert_ptr_nonnull (strstr (cal->notes->pdata[0], "2025 to 2034"));
  }
  {
    /* Started in 1970, as holiday calendars do: read from this year on. */
    g_autofree char *body = event ("19700817", "Hari Kemerdekaan RI",
                                   "RRULE:FREQ=YEARLY;INTERVAL=2\n");
    g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);
    g_autofree char *text = days_text (cal->holidays);

    ck_assert_str_eq (text, "2026-08-17 Hari Kemerdekaan RI; 2028-08-17 Hari Kemerdekaan RI; "
                            "2030-08-17 Hari Kemerdekaan RI; 2032-08-17 Hari Kemerdekaan RI; "
                            "2034-08-17 Hari Kemerdekaan RI");
    ck_assert_ptr_nonnull (strstr (cal->notes->pdata[0], "2026 to 2035"));
  }
}
END_TEST

/* What is refused, each naming its line (in the CRLF text: the three
 * lines of calendar() come first). */
START_TEST (test_parse_refused)
{
  g_autofree char *no_summary = g_strdup ("BEGIN:VEVENT\nUID:u1\nDTSTART;VALUE=DATE:20250817\nEND:VEVENT\n");
  g_autofree char *monthly = event ("20250817", "X", "RRULE:FREQ=MONTHLY;COUNT=2\n");
  g_autofree char *byday = event ("20250817", "X", "RRULE:FREQ=YEARLY;BYDAY=MO\n");
  g_autofree char *other_month = event ("20250817", "X", "RRULE:FREQ=YEARLY;BYMONTH=9\n");
  g_autofree char *rdate = event ("20250817", "X", "RDATE;VALUE=DATE:20260817\n");
  g_autofree char *rid = event ("20250817", "X", "RECURRENCE-ID;VALUE=DATE:20250817\n");
  g_autofree char *timed_end = event ("20250817", "X", "DTEND:20250817T120000Z\n");
  g_autofree char *long_one = event ("20250801", "X", "DTEND;VALUE=DATE:20250910\n");
  g_autofree char *backwards = event ("20250817", "X", "DTEND;VALUE=DATE:20250817\n");
  g_autofree char *bad_start = event ("20250230", "X", "");
  g_autofree char *bad_kind = event ("20250817", "X", "X-RAPAT-KIND:bogus\n");
  g_autofree char *twice = event ("20250817", "X", "SUMMARY:Y\n");
  g_autofree char *forever = event ("20250817", "X", "RRULE:FREQ=YEARLY;UNTIL=21500101\n");
  g_autofree char *hours = event ("20250817", "X", "DURATION:PT5H\n");
  g_autofree char *no_unit = event ("20250817", "X", "DURATION:P5\n");

  parse_fails (no_summary, "line 4 (UID u1): the event has no SUMMARY");
  parse_fails (monthly, "line 9 (UID 20250817@test): RRULE 'FREQ=MONTHLY;COUNT=2'");
  parse_fails (byday, "only a yearly rule");
  parse_fails (other_month, "RRULE 'FREQ=YEARLY;BYMONTH=9'");
  parse_fails (rdate, "line 9 (UID 20250817@test): RDATE");
  parse_fails (rid, "RECURRENCE-ID");
  parse_fails (timed_end, "DTEND '20250817T120000Z'");
  parse_fails (long_one, "lasts 40 days");
  parse_fails (backwards, "ends before it starts");
  parse_fails (bad_start, "DTSTART '20250230'");
  parse_fails (bad_kind, "holiday kind 'bogus'");
  parse_fails (twice, "line 9 (UID 20250817@test): SUMMARY given twice");
  parse_fails (forever, "at most 100 years");
  parse_fails (hours, "DURATION 'PT5H'");
  parse_fails (no_unit, "DURATION 'P5'");
  parse_fails ("BEGIN:VEVENT\nUID:x\n", "line 6: END:VCALENDAR does not close BEGIN:VEVENT of line 4");
  parse_fails ("BEGIN:VEVENT\nEND:VTODO\n", "line 5: END:VTODO does not close BEGIN:VEVENT of line 4");
  parse_fails ("BEGIN:VEVENT\nthis is not a line\nEND:VEVENT\n", "line 5: 'this is not a line'");
}
END_TEST

/* A file that gives too many days is refused, whatever it holds. */
START_TEST (test_parse_too_many)
{
  g_autoptr(GString) body = g_string_new (NULL);

  /* 33 names, each 31 days a year for 100 years: 102,300 days. */
  for (int i = 0; i < 33; i++)
    g_string_append_printf (body, "BEGIN:VEVENT\nUID:%d\nDTSTART;VALUE=DATE:20250101\n"
                            "DTEND;VALUE=DATE:20250201\nSUMMARY:Libur %d\n"
                            "RRULE:FREQ=YEARLY;COUNT=100\nEND:VEVENT\n", i, i);
  parse_fails (body->str, "more than 100000 days off");
}
END_TEST

/* Files that are not calendars at all. */
START_TEST (test_parse_not_calendar)
{
  const char *texts[] = { "", "hello\r\n", "\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "BEGIN:VEVENT\r\nEND:VEVENT\r\n",
                          "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nSUMMARY:after\r\n",
                          "BEGIN:VCALENDAR\r\nSUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n" };
  const char *needles[] = { "not an iCalendar file", "not an iCalendar file",
                            "line 4: BEGIN:VEVENT is never closed",
                            "not an iCalendar file", "line 3: text after END:VCALENDAR",
                            "not valid UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GError *error = NULL;
      RapatHolidayCalendar *cal = rapat_holiday_parse_ics (texts[i], strlen (texts[i]), "t.ics",
                                                           RAPAT_HOLIDAY_NATIONAL, NOW, &error);

      ck_assert_ptr_null (cal);
      rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, needles[i]);
    }
}
END_TEST

/* The calendar the demo loads holds the decrees' days: 17 national
 * holidays a year, 10 joint leave days in 2025 and the 18 August added by
 * the amendment, 8 in 2026. */
START_TEST (test_demo_calendar)
{
  GError *error = NULL;
  g_autoptr(RapatHolidayCalendar) cal =
    rapat_holiday_parse_ics (rapat_demo_holidays, strlen (rapat_demo_holidays), "demo",
                             RAPAT_HOLIDAY_LOCAL, NOW, &error);
  int counts[2][3] = { { 0 } };
  gboolean independence = FALSE;

  rapat_assert_no_error (error);
  ck_assert_uint_eq (cal->timed + cal->cancelled + cal->notes->len, 0);
  for (guint i = 0; i < cal->holidays->len; i++)
    {
      const RapatHoliday *h = cal->holidays->pdata[i];
      int year = atoi (h->day);

      ck_assert (year == 2025 || year == 2026);
      counts[year - 2025][h->kind]++;
      ck_assert_ptr_nonnull (strstr (h->source, "SKB"));
      if (strcmp (h->day, "2025-08-17") == 0)
        independence = strcmp (h->name, "Hari Kemerdekaan RI") == 0;
    }
  ck_assert (independence);
  ck_assert_int_eq (counts[0][RAPAT_HOLIDAY_NATIONAL], 17);
  ck_assert_int_eq (counts[0][RAPAT_HOLIDAY_JOINT_LEAVE], 11);
  ck_assert_int_eq (counts[1][RAPAT_HOLIDAY_NATIONAL], 17);
  ck_assert_int_eq (counts[1][RAPAT_HOLIDAY_JOINT_LEAVE], 8);
  ck_assert_int_eq (counts[0][RAPAT_HOLIDAY_LOCAL] + counts[1][RAPAT_HOLIDAY_LOCAL], 0);
}
END_TEST

/* ---- typed in, stored, imported ---- */

/* rapat_holiday_make() checks the day and the name. */
START_TEST (test_make)
{
  GError *error = NULL;
  g_autoptr(RapatHoliday) h = rapat_holiday_make ("2025-08-17", "Hari Kemerdekaan RI",
                                                  RAPAT_HOLIDAY_NATIONAL, &error);

  rapat_assert_no_error (error);
  ck_assert_str_eq (h->day, "2025-08-17");
  ck_assert_ptr_null (rapat_holiday_make ("2025-02-29", "X", 0, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "2025-02-29");
  ck_assert_ptr_null (rapat_holiday_make ("17/08/2025", "X", 0, &error));
  rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
  ck_assert_ptr_null (rapat_holiday_make ("2025-08-17", "  ", 0, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert_ptr_null (rapat_holiday_make ("2025-08-17", "a\nb", 0, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
}
END_TEST

/* An import adds each day once: a second one adds nothing; list and
 * remove by range and name. */
START_TEST (test_import_twice)
{
  g_autofree char *a = event ("20250331", "Idulfitri", "DTEND;VALUE=DATE:20250402\n");
  g_autofree char *b = event ("20250817", "Hari Kemerdekaan RI", "");
  g_autofree char *body = g_strconcat (a, b, NULL);
  g_autoptr(RapatHolidayCalendar) cal = parse_ok (body);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) april = NULL;
  GError *error = NULL;
  guint added = 9, known = 9;

  ck_assert (rapat_holiday_import (fx.store, cal->holidays, 1, &added, &known, &error));
  ck_assert_uint_eq (added, 3);
  ck_assert_uint_eq (known, 0);
  ck_assert (rapat_holiday_import (fx.store, cal->holidays, 2, &added, &known, &error));
  ck_assert_uint_eq (added, 0);
  ck_assert_uint_eq (known, 3);
  add_holiday ("2025-08-17", "Upacara");
  all = rapat_store_holiday_list (fx.store, NULL, NULL, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (all->len, 4);
  april = rapat_store_holiday_list (fx.store, "2025-04-01", "2025-08-16", &error);
  ck_assert_uint_eq (april->len, 1);
  ck_assert_str_eq (((RapatHoliday *) april->pdata[0])->day, "2025-04-01");
  ck_assert_int_eq (rapat_store_holiday_remove (fx.store, "2025-08-17", "Nothing", &error), 0);
  ck_assert_int_eq (rapat_store_holiday_remove (fx.store, "2025-08-17", "Upacara", &error), 1);
  ck_assert_int_eq (rapat_store_holiday_remove (fx.store, "2025-03-31", NULL, &error), 1);
  rapat_assert_no_error (error);
}
END_TEST

/* ---- meetings and slots ---- */

/* A meeting is on the holidays of its own local dates: an evening meeting
 * running into 17 August is, one ending at midnight is not, and 07:00 WIT
 * on 17 August (16 August in UTC) is. */
START_TEST (test_meeting_days)
{
  struct {
    const char *zone;
    const char *start;
    int minutes;
    guint n;
  } cases[] = {
    { WIB, "2025-08-16 23:00", 120, 1 },
    { WIB, "2025-08-16 22:00", 120, 0 },
    { WIT, "2025-08-17 07:00", 60, 1 },
    { WIB, "2025-08-18 00:00", 60, 0 },
    { WIB, "2025-08-15 09:00", 4 * 24 * 60, 1 },
  };

  add_holiday ("2025-08-17", "Hari Kemerdekaan RI");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapatMeeting) m = rapat_meeting_new ();
      g_autoptr(GPtrArray) found = NULL;
      GError *error = NULL;

      m->tzid = g_strdup (cases[i].zone);
      m->start_utc = at (cases[i].zone, cases[i].start);
      m->end_utc = m->start_utc + cases[i].minutes * 60;
      found = rapat_holiday_for_meeting (fx.store, m, &error);
      rapat_assert_no_error (error);
      ck_assert_msg (found->len == cases[i].n, "case %u: %u holidays", i, found->len);
    }
}
END_TEST

/* find-slot skips a holiday unless asked not to, by its date in the
 * query's zone. */
START_TEST (test_find_slot_skips)
{
  static const char *const ana[] = { "Ana", NULL };
  g_autoptr(RapatPerson) p = rapat_person_new ();
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (WIB, NULL, NULL);
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) all = NULL;
  RapatSlotQuery q = { ana, NULL, tz, { 0 }, { 0 }, 60, 8 * 60, 16 * 60, RAPAT_SLOT_WEEKDAYS, 1,
                       FALSE };
  GError *error = NULL;

  p->name = g_strdup ("Ana");
  ck_assert (rapat_store_person_insert (fx.store, p, &error));
  add_holiday ("2025-08-18", "Cuti bersama");
  g_date_clear (&q.first_day, 1);
  g_date_clear (&q.last_day, 1);
  g_date_set_dmy (&q.first_day, 18, 8, 2025);
  g_date_set_dmy (&q.last_day, 19, 8, 2025);
  ck_assert (rapat_schedule_find_slots (fx.store, &q, &slots, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (g_array_index (slots, RapatSlot, 0).start_utc, at (WIB, "2025-08-19 08:00"));
  q.include_holidays = TRUE;
  ck_assert (rapat_schedule_find_slots (fx.store, &q, &all, &error));
  ck_assert_int_eq (g_array_index (all, RapatSlot, 0).start_utc, at (WIB, "2025-08-18 08:00"));
  /* Only holidays in the range: none at all is NOT_FOUND. */
  q.include_holidays = FALSE;
  g_date_set_dmy (&q.last_day, 18, 8, 2025);
  ck_assert (!rapat_schedule_find_slots (fx.store, &q, &slots, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

static Suite *
holiday_suite (void)
{
  Suite *s = suite_create ("holiday");
  TCase *parse = tcase_create ("parse");
  TCase *store = tcase_create ("store");

  tcase_add_test (parse, test_parse_days);
  tcase_add_test (parse, test_parse_text);
  tcase_add_test (parse, test_parse_left_out);
  tcase_add_test (parse, test_parse_rules);
  tcase_add_test (parse, test_parse_refused);
  tcase_add_test (parse, test_parse_too_many);
  tcase_add_test (parse, test_parse_not_calendar);
  tcase_add_test (parse, test_demo_calendar);
  tcase_add_test (parse, test_make);
  suite_add_tcase (s, parse);
  tcase_add_checked_fixture (store, setup, teardown);
  tcase_add_test (store, test_import_twice);
  tcase_add_test (store, test_meeting_days);
  tcase_add_test (store, test_find_slot_skips);
  suite_add_tcase (s, store);
  return s;
}

int
main (void)
{
  return rapat_test_run (holiday_suite ());
}
