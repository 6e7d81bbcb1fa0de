/* rapat tests — the scheduling rules of src/schedule.c, reached directly:
 * free slots around busy people and rooms, working hours and days, zones
 * and daylight-saving changes, overnight and cancelled meetings, and which
 * clashes a check keeps and how the CLI reports them.
 *
 * Written with mutation in mind: each comparison of the slot walk and of
 * the overlap rule has a case on both sides of its edge (a gap exactly as
 * long as the slot, a meeting that touches the window or another meeting,
 * one minute of overlap), so that flipping or dropping it fails a test.
 * Everything runs on a real in-memory store. */
#include "check-common.h"
#include "cmd.h"
#include "model.h"
#include "schedule.h"
#include "store.h"
#include "timeutil.h"

#define WIT "Asia/Jayapura"   /* UTC+9 */
#define WIB "Asia/Jakarta"    /* UTC+7 */
#define AMS "Europe/Amsterdam"

/* Names as the resolvers read them (a part of a name is enough). */
static const char *const ana[] = { "Ana", NULL };
static const char *const ana_ricky[] = { "Ana", "Ricky", NULL };

/* What the fixture sets up for a test. */
static struct {
  RapatStore *store;
  GPtrArray *zones;      /* GTimeZone loaded for queries, freed after the test */
} fx;

/* Checked fixture: a fresh in-memory store. */
static void
setup (void)
{
  fx.store = rapat_test_store_open (":memory:");
  fx.zones = g_ptr_array_new_with_free_func ((GDestroyNotify) g_time_zone_unref);
}

/* Checked fixture: closes the store. */
static void
teardown (void)
{
  g_clear_pointer (&fx.store, rapat_store_free);
  g_clear_pointer (&fx.zones, g_ptr_array_unref);
}

/* ---- helpers ---- */

/* Returns the zone @name, kept until the end of the test. */
static GTimeZone *
zone (const char *name)
{
  GError *error = NULL;
  GTimeZone *tz = rapat_time_zone_load (name, NULL, &error);

  rapat_assert_no_error (error);
  g_ptr_array_add (fx.zones, tz);
  return tz;
}

/* Returns the instant of the wall-clock time @text ("YYYY-MM-DD HH:MM") in @zone_name. */
static gint64
at (const char *zone_name, const char *text)
{
  GError *error = NULL;
  gint64 t = 0;

  ck_assert_msg (rapat_time_parse_datetime ("test", text, zone (zone_name), &t, NULL, &error),
                 "'%s': %s", text, error != NULL ? error->message : "");
  return t;
}

/* Inserts a person and returns their id. */
static gint64
add_person (const char *name, gint64 unit_id)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  p->unit_id = unit_id;
  ck_assert (rapat_store_person_insert (fx.store, p, &error));
  rapat_assert_no_error (error);
  return p->id;
}

/* Inserts a unit and returns its id. */
static gint64
add_unit (const char *name, const char *code)
{
  g_autoptr(RapatUnit) u = rapat_unit_new ();
  GError *error = NULL;

  u->name = g_strdup (name);
  u->code = g_strdup (code);
  ck_assert (rapat_store_unit_insert (fx.store, u, &error));
  rapat_assert_no_error (error);
  return u->id;
}

/* Inserts a meeting from @start ("YYYY-MM-DD HH:MM" in @zone_name) for
 * @minutes at @location (or NULL), organised by @organizer_id (0: nobody). */
static gint64
add_meeting (const char *title, const char *zone_name, const char *start, int minutes,
             const char *location, gint64 organizer_id)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  GError *error = NULL;

  m->uid = rapat_uid_new ();
  m->title = g_strdup (title);
  m->kind = g_strdup ("meeting");
  m->start_utc = at (zone_name, start);
  m->end_utc = m->start_utc + (gint64) minutes * 60;
  m->tzid = g_strdup (zone_name);
  m->location = g_strdup (location);
  m->organizer_id = organizer_id;
  m->created_at = m->updated_at = at (WIT, "2025-08-01 08:00");
  ck_assert_msg (rapat_store_meeting_insert (fx.store, m, &error), "meeting '%s': %s", title,
                 error != NULL ? error->message : "");
  return m->id;
}

/* Inserts a meeting for @person_id (its organizer), in no room. */
static gint64
busy (gint64 person_id, const char *zone_name, const char *start, int minutes)
{
  return add_meeting ("Sibuk", zone_name, start, minutes, NULL, person_id);
}

/* Invites @person_id to @meeting_id. */
static void
invite (gint64 meeting_id, gint64 person_id)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  a->meeting_id = meeting_id;
  a->person_id = person_id;
  ck_assert (rapat_store_attendee_insert (fx.store, a, &error));
  rapat_assert_no_error (error);
}

/* Cancels meeting @id. */
static void
cancel (gint64 id)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) m = rapat_store_meeting_get (fx.store, id, &error);

  rapat_assert_no_error (error);
  m->status = RAPAT_MEETING_CANCELLED;
  ck_assert (rapat_store_meeting_update (fx.store, m, &error));
  rapat_assert_no_error (error);
}

/* Appends to the agenda of @meeting_id an item of @minutes in @room (NULL:
 * the meeting's), in parallel with item @parallel_with (0: after the last). */
static gint64
add_session (gint64 meeting_id, const char *title, int minutes, const char *room,
             gint64 parallel_with)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  GError *error = NULL;

  item->meeting_id = meeting_id;
  item->title = g_strdup (title);
  item->duration_min = minutes;
  item->room = g_strdup (room);
  item->parallel_with = parallel_with;
  ck_assert (rapat_store_agenda_insert (fx.store, item, &error));
  rapat_assert_no_error (error);
  return item->id;
}

/* Returns a query for @with, a slot of @minutes on the days @first to @last
 * in @zone_name, with the defaults of find-slot (08:00-16:00, Monday to
 * Friday, 5 slots). */
static RapatSlotQuery
query (const char *const *with, const char *zone_name, const char *first, const char *last,
       int minutes)
{
  RapatSlotQuery q = { with, NULL, zone (zone_name), { 0 }, { 0 }, minutes, 8 * 60, 16 * 60,
                       RAPAT_SLOT_WEEKDAYS, 5 };

  g_date_set_parse (&q.first_day, first);
  g_date_set_parse (&q.last_day, last);
  ck_assert (g_date_valid (&q.first_day) && g_date_valid (&q.last_day));
  return q;
}

/* Returns the slots @q finds as "Mon 08:00-09:00 until 16:00" (in the
 * query's zone, with abbreviations when @zoned) joined by "; ". */
static char *
slots_text (const RapatSlotQuery *q, gboolean zoned)
{
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *error = NULL;
  const char *day = "%a %H:%M", *clock = "%H:%M";

  ck_assert_msg (rapat_schedule_find_slots (fx.store, q, &slots, &error), "find: %s",
                 error != NULL ? error->message : "");
  ck_assert_uint_gt (slots->len, 0);
  if (zoned)
    {
      day = "%a %H:%M %Z";
      clock = "%H:%M %Z";
    }
  for (guint i = 0; i < slots->len; i++)
    {
      const RapatSlot *s = &g_array_index (slots, RapatSlot, i);
      g_autofree char *a = rapat_time_format (s->start_utc, q->tz, day);
      g_autofree char *b = rapat_time_format (s->end_utc, q->tz, clock);
      g_autofree char *c = rapat_time_format (s->free_until_utc, q->tz, clock);

      ck_assert_int_le (s->end_utc, s->free_until_utc);
      g_string_append_printf (out, "%s%s-%s until %s", i > 0 ? "; " : "", a, b, c);
    }
  return g_strdup (out->str);
}

/* Asserts that @q finds the slots @expected (see slots_text()). */
#define assert_slots(q_, expected_) assert_slots_full ((q_), FALSE, (expected_))
#define assert_slots_full(q_, zoned_, expected_)                                 \
  do {                                                                           \
    RapatSlotQuery q__ = (q_);                                                   \
    g_autofree char *got_ = slots_text (&q__, (zoned_));                         \
    ck_assert_msg (strcmp (got_, (expected_)) == 0,                              \
                   "slots: got \"%s\", expected \"%s\"", got_, (expected_));      \
  } while (0)

/* Asserts that @q finds no slot, with an error containing @needle. */
static void
assert_no_slot (RapatSlotQuery q, const char *needle)
{
  g_autoptr(GArray) slots = NULL;
  GError *error = NULL;

  ck_assert (!rapat_schedule_find_slots (fx.store, &q, &slots, &error));
  ck_assert_ptr_null (slots);
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, needle);
}

/* ---- find-slot: gaps ---- */

/* A free week: one slot a day, at the start of the working hours, on the
 * working days only (the search starts on a Saturday). */
START_TEST (test_slot_free_week)
{
  add_person ("Ana Matulessy", 0);
  assert_slots (query (ana, WIT, "2025-09-06", "2025-09-14", 60),
                "Mon 08:00-09:00 until 16:00; Tue 08:00-09:00 until 16:00; "
                "Wed 08:00-09:00 until 16:00; Thu 08:00-09:00 until 16:00; "
                "Fri 08:00-09:00 until 16:00");
}
END_TEST

/* A gap exactly as long as the slot holds it; one minute longer does not. */
START_TEST (test_slot_gap_exact)
{
  gint64 a = add_person ("Ana Matulessy", 0);

  busy (a, WIT, "2025-09-08 09:00", 60);
  busy (a, WIT, "2025-09-08 11:00", 60);
  assert_slots (query (ana, WIT, "2025-09-08", "2025-09-08", 60),
                "Mon 08:00-09:00 until 09:00; Mon 10:00-11:00 until 11:00; "
                "Mon 12:00-13:00 until 16:00");
  assert_slots (query (ana, WIT, "2025-09-08", "2025-09-08", 61), "Mon 12:00-13:01 until 16:00");
}
END_TEST

/* Meetings that touch the working hours from outside take none of them;
 * those that straddle an edge take their part. */
START_TEST (test_slot_window_edges)
{
  gint64 a = add_person ("Ana Matulessy", 0);

  busy (a, WIT, "2025-09-08 07:00", 60);   /* ends as the day starts */
  busy (a, WIT, "2025-09-08 16:00", 60);   /* starts as it ends */
  busy (a, WIT, "2025-09-09 07:30", 60);   /* to 08:30 */
  busy (a, WIT, "2025-09-09 15:30", 60);   /* from 15:30 */
  assert_slots (query (ana, WIT, "2025-09-08", "2025-09-09", 8 * 60),
                "Mon 08:00-16:00 until 16:00");
  assert_slots (query (ana, WIT, "2025-09-09", "2025-09-09", 7 * 60),
                "Tue 08:30-15:30 until 15:30");
  assert_no_slot (query (ana, WIT, "2025-09-09", "2025-09-09", 7 * 60 + 1), "no free slot");
}
END_TEST

/* A meeting inside another does not open a gap when it ends: the longer
 * one still holds the time. */
START_TEST (test_slot_nested)
{
  gint64 a = add_person ("Ana Matulessy", 0);
  gint64 r = add_person ("Ricky Dwi Biantoro", 0);

  busy (a, WIT, "2025-09-08 09:00", 180);
  busy (r, WIT, "2025-09-08 10:00", 30);
  assert_slots (query (ana_ricky, WIT, "2025-09-08", "2025-09-08", 60),
                "Mon 08:00-09:00 until 09:00; Mon 12:00-13:00 until 16:00");
}
END_TEST

/* Working hours: the window is [from, to); the gap ends at the window's
 * end even when the next meeting is days away. */
START_TEST (test_slot_hours)
{
  gint64 a = add_person ("Ana Matulessy", 0);
  RapatSlotQuery q;

  busy (a, WIT, "2025-09-08 09:30", 30);
  busy (a, WIT, "2025-09-11 09:00", 60);   /* Thursday */
  q = query (ana, WIT, "2025-09-08", "2025-09-08", 30);
  q.hours_from = 9 * 60;
  q.hours_to = 12 * 60;
  assert_slots (q, "Mon 09:00-09:30 until 09:30; Mon 10:00-10:30 until 12:00");
  q.minutes = 120;
  assert_slots (q, "Mon 10:00-12:00 until 12:00");
  q.minutes = 121;
  assert_no_slot (q, "within 09:00-12:00");

  /* Hours to the minute, at both ends. */
  q = query (ana, WIT, "2025-09-10", "2025-09-10", 7 * 60 + 15);
  q.hours_from = 8 * 60 + 30;
  q.hours_to = 15 * 60 + 45;
  assert_slots (q, "Wed 08:30-15:45 until 15:45");
  q.minutes++;
  assert_no_slot (q, "within 08:30-15:45");

  /* Wednesday is free: the gap ends with the day's hours, not at
   * Thursday's meeting. */
  q = query (ana, WIT, "2025-09-10", "2025-09-11", 120);
  q.hours_from = 8 * 60;
  q.hours_to = 10 * 60;
  q.count = 1;
  assert_slots (q, "Wed 08:00-10:00 until 10:00");
  /* 10:00-11:00: on Thursday the meeting before it touches the window. */
  q.hours_from = 10 * 60;
  q.hours_to = 11 * 60;
  q.minutes = 60;
  q.count = 5;
  assert_slots (q, "Wed 10:00-11:00 until 11:00; Thu 10:00-11:00 until 11:00");
}
END_TEST

/* --days: names, ranges, lists, a range round the end of the week, case;
 * and the search keeps to the days given. */
START_TEST (test_slot_days)
{
  static const struct {
    const char *text;
    guint mask;
  } ok[] = {
    { "mon-fri", 0x3e }, { "sat", 1u << 6 }, { "sun", 1u << 7 }, { "MON,Wed", 0x0a },
    { "fri-mon", (1u << 5) | (1u << 6) | (1u << 7) | (1u << 1) }, { "tue-tue", 1u << 2 },
    { "mon-sun", 0xfe }, { "sat,mon-tue", (1u << 6) | 0x06 },
  };
  static const char *const bad[] = { "", ",", "xyz", "mon-", "-fri", "mon-xyz", "monday", "mon,,fri" };
  RapatSlotQuery q;

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      GError *error = NULL;
      guint mask = 0;

      ck_assert_msg (rapat_schedule_parse_days (ok[i].text, &mask, &error), "%s", ok[i].text);
      rapat_assert_no_error (error);
      ck_assert_msg (mask == ok[i].mask, "%s: %#x, expected %#x", ok[i].text, mask, ok[i].mask);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      guint mask = 0x55;

      ck_assert_msg (!rapat_schedule_parse_days (bad[i], &mask, &error), "'%s' accepted", bad[i]);
      ck_assert_uint_eq (mask, 0x55);
      rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "expected day names");
    }

  add_person ("Ana Matulessy", 0);
  q = query (ana, WIT, "2025-09-05", "2025-09-09", 60);
  ck_assert (rapat_schedule_parse_days ("sat-sun", &q.days, NULL));
  assert_slots (q, "Sat 08:00-09:00 until 16:00; Sun 08:00-09:00 until 16:00");
  ck_assert (rapat_schedule_parse_days ("fri-mon", &q.days, NULL));
  assert_slots (q, "Fri 08:00-09:00 until 16:00; Sat 08:00-09:00 until 16:00; "
                   "Sun 08:00-09:00 until 16:00; Mon 08:00-09:00 until 16:00");
  ck_assert (rapat_schedule_parse_days ("wed", &q.days, NULL));
  assert_no_slot (q, "no free slot from 2025-09-05 to 2025-09-09");
}
END_TEST

/* ---- find-slot: zones, daylight saving, overnight, cancelled ---- */

/* A meeting set in WIB blocks its own hours, read in WIT; working hours are
 * those of the query's zone. */
START_TEST (test_slot_zones)
{
  gint64 a = add_person ("Ana Matulessy", 0);

  busy (a, WIB, "2025-09-08 07:30", 60);   /* 09:30-10:30 WIT */
  assert_slots (query (ana, WIT, "2025-09-08", "2025-09-08", 60),
                "Mon 08:00-09:00 until 09:30; Mon 10:30-11:30 until 16:00");
  assert_slots (query (ana, WIB, "2025-09-08", "2025-09-08", 60), "Mon 08:30-09:30 until 16:00");
}
END_TEST

/* On the day clocks go forward the working hours are an hour shorter, on
 * the day they go back an hour longer; slots are real hours, named with
 * both abbreviations. */
START_TEST (test_slot_dst)
{
  RapatSlotQuery q;

  add_person ("Ana Matulessy", 0);
  q = query (ana, AMS, "2026-03-29", "2026-03-29", 60);   /* a Sunday */
  q.days = 1u << G_DATE_SUNDAY;
  q.hours_from = 1 * 60;
  q.hours_to = 4 * 60;
  assert_slots_full (q, TRUE, "Sun 01:00 CET-03:00 CEST until 04:00 CEST");
  q.minutes = 120;
  assert_slots_full (q, TRUE, "Sun 01:00 CET-04:00 CEST until 04:00 CEST");
  q.minutes = 121;
  assert_no_slot (q, "no free slot");

  q = query (ana, AMS, "2026-10-25", "2026-10-25", 4 * 60);
  q.days = 1u << G_DATE_SUNDAY;
  q.hours_from = 1 * 60;
  q.hours_to = 4 * 60;
  assert_slots_full (q, TRUE, "Sun 01:00 CEST-04:00 CET until 04:00 CET");
}
END_TEST

/* A meeting through the night blocks the next morning, whether it began
 * before the search or inside it. */
START_TEST (test_slot_overnight)
{
  gint64 a = add_person ("Ana Matulessy", 0);

  busy (a, WIT, "2025-09-07 22:00", 12 * 60);   /* Sun 22:00 to Mon 10:00 */
  busy (a, WIT, "2025-09-08 15:00", 18 * 60);   /* Mon 15:00 to Tue 09:00 */
  assert_slots (query (ana, WIT, "2025-09-08", "2025-09-09", 60),
                "Mon 10:00-11:00 until 15:00; Tue 09:00-10:00 until 16:00");
}
END_TEST

/* Cancelled meetings take no time. */
START_TEST (test_slot_cancelled)
{
  gint64 a = add_person ("Ana Matulessy", 0);

  cancel (busy (a, WIT, "2025-09-08 08:00", 8 * 60));
  busy (a, WIT, "2025-09-08 13:00", 60);
  assert_slots (query (ana, WIT, "2025-09-08", "2025-09-08", 60),
                "Mon 08:00-09:00 until 13:00; Mon 14:00-15:00 until 16:00");
}
END_TEST

/* --count stops the search, within a day and across days. */
START_TEST (test_slot_count)
{
  gint64 a = add_person ("Ana Matulessy", 0);
  RapatSlotQuery q = query (ana, WIT, "2025-09-08", "2025-09-12", 60);

  busy (a, WIT, "2025-09-08 10:00", 60);
  q.count = 1;
  assert_slots (q, "Mon 08:00-09:00 until 10:00");
  q.count = 2;
  assert_slots (q, "Mon 08:00-09:00 until 10:00; Mon 11:00-12:00 until 16:00");
  q.count = 3;
  assert_slots (q, "Mon 08:00-09:00 until 10:00; Mon 11:00-12:00 until 16:00; "
                   "Tue 08:00-09:00 until 16:00");
}
END_TEST

/* ---- find-slot: who, the room, and no slot ---- */

/* No slot: the error names the people and counts a meeting they share once. */
START_TEST (test_slot_none)
{
  gint64 a = add_person ("Ana Matulessy", 0);
  gint64 r = add_person ("Ricky Dwi Biantoro", 0);
  RapatSlotQuery q = query (ana_ricky, WIT, "2025-09-08", "2025-09-08", 90);
  gint64 m = busy (a, WIT, "2025-09-08 08:00", 8 * 60);

  invite (m, r);
  assert_no_slot (q, "duration '1h30m': no free slot from 2025-09-08 to 2025-09-08 within "
                     "08:00-16:00 on the working days (1 meeting in the way, of Ana Matulessy, "
                     "Ricky Dwi Biantoro)");
  busy (r, WIT, "2025-09-08 09:00", 60);
  assert_no_slot (q, "(2 meetings in the way, of Ana Matulessy, Ricky Dwi Biantoro)");
  q.room = "Aula";
  assert_no_slot (q, "(2 meetings in the way, of Ana Matulessy, Ricky Dwi Biantoro and the room)");
}
END_TEST

/* Meetings in the way are told apart by start and end: two that share
 * only one of them are two. */
START_TEST (test_slot_none_counts)
{
  gint64 a = add_person ("Ana Matulessy", 0);
  gint64 r = add_person ("Ricky Dwi Biantoro", 0);

  busy (a, WIT, "2025-09-08 08:00", 4 * 60);
  busy (r, WIT, "2025-09-08 08:00", 8 * 60);
  busy (a, WIT, "2025-09-08 12:00", 4 * 60);
  assert_no_slot (query (ana_ricky, WIT, "2025-09-08", "2025-09-08", 60),
                  "(3 meetings in the way, of Ana Matulessy, Ricky Dwi Biantoro)");
}
END_TEST

/* A room is busy with meetings held there (its name written any way) and
 * with parallel sessions of other meetings held there, for their times. */
START_TEST (test_slot_room)
{
  gint64 rakor;
  gint64 pleno;
  RapatSlotQuery q;

  add_person ("Ana Matulessy", 0);
  add_meeting ("Apel", WIT, "2025-09-08 08:00", 4 * 60, "aula  KANWIL ", 0);
  rakor = add_meeting ("Rakor", WIT, "2025-09-08 12:00", 4 * 60, "Ruang 2", 0);
  pleno = add_session (rakor, "Pleno", 60, NULL, 0);
  add_session (rakor, "Panel", 60, "Aula Kanwil", pleno);   /* 12:00-13:00 in the hall */
  q = query (ana, WIT, "2025-09-08", "2025-09-08", 60);
  assert_slots (q, "Mon 08:00-09:00 until 16:00");
  q.room = "Aula Kanwil";
  assert_slots (q, "Mon 13:00-14:00 until 16:00");
  q.room = "Ruang 2";
  assert_slots (q, "Mon 08:00-09:00 until 12:00");
}
END_TEST

/* A unit means all its members (not other people); a name that is neither
 * a person nor a unit is the resolver's error. */
START_TEST (test_slot_unit_and_unknown)
{
  static const char *const bidang[] = { "BID-KAM", NULL };
  static const char *const nobody[] = { "Ana", "Nobody Here", NULL };
  gint64 u = add_unit ("Bidang Keamanan", "BID-KAM");
  gint64 s = add_person ("Samuel Pattiasina", u);
  gint64 j = add_person ("Johan Latuheru", u);
  gint64 a = add_person ("Ana Matulessy", 0);
  g_autoptr(GArray) slots = NULL;
  GError *error = NULL;
  RapatSlotQuery q;

  busy (s, WIT, "2025-09-08 08:00", 60);
  busy (j, WIT, "2025-09-08 09:00", 60);
  busy (a, WIT, "2025-09-08 10:00", 60);
  assert_slots (query (bidang, WIT, "2025-09-08", "2025-09-08", 60),
                "Mon 10:00-11:00 until 16:00");
  q = query (nobody, WIT, "2025-09-08", "2025-09-08", 60);
  ck_assert (!rapat_schedule_find_slots (fx.store, &q, &slots, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "Nobody Here");
}
END_TEST

/* ---- clashes ---- */

/* Returns the titles of the clashes of @id that @filter keeps, with "room"
 * or the person, joined by "; ". */
static char *
clash_titles (gint64 id, const RapatClashFilter *filter)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) list = rapat_schedule_clashes (fx.store, id, filter, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      const RapatClash *c = list->pdata[i];

      g_string_append_printf (out, "%s%s %s", i > 0 ? "; " : "", c->title,
                              c->room ? "room" : c->what);
      if (c->own_item_title != NULL)
        g_string_append_printf (out, " (our %s)", c->own_item_title);
    }
  return g_strdup (out->str);
}

#define assert_clash_titles(id_, filter_, expected_)                             \
  do {                                                                           \
    g_autofree char *got_ = clash_titles ((id_), (filter_));                     \
    ck_assert_msg (strcmp (got_, (expected_)) == 0,                              \
                   "clashes of %d: got \"%s\", expected \"%s\"", (int) (id_),     \
                   got_, (expected_));                                           \
  } while (0)

/* Overlap is strict at both ends: touching meetings do not clash, one
 * minute of overlap at either end does, and so do containing ones. */
START_TEST (test_clash_overlap_edges)
{
  gint64 x = add_meeting ("X", WIT, "2025-09-08 09:00", 120, "Aula", 0);
  gint64 after = add_meeting ("Touches after", WIT, "2025-09-08 11:00", 30, "Aula", 0);
  gint64 before = add_meeting ("Touches before", WIT, "2025-09-08 08:00", 60, "Aula", 0);

  assert_clash_titles (x, NULL, "");
  assert_clash_titles (after, NULL, "");
  assert_clash_titles (before, NULL, "");
  add_meeting ("Last minute", WIT, "2025-09-08 10:59", 30, "Aula", 0);
  add_meeting ("First minute", WIT, "2025-09-08 08:01", 60, "Aula", 0);
  add_meeting ("Inside", WIT, "2025-09-08 09:30", 30, "Aula", 0);
  add_meeting ("Around", WIT, "2025-09-08 08:30", 180, "Aula", 0);
  add_meeting ("Elsewhere", WIT, "2025-09-08 09:30", 30, "Ruang 2", 0);
  assert_clash_titles (x, NULL, "First minute room; Around room; Inside room; Last minute room");
  assert_clash_titles (after, NULL, "Around room; Last minute room");
  assert_clash_titles (before, NULL, "First minute room; Around room");
}
END_TEST

/* Cancelled meetings neither clash nor have clashes. */
START_TEST (test_clash_cancelled)
{
  gint64 x = add_meeting ("X", WIT, "2025-09-08 09:00", 120, "Aula", 0);
  gint64 y = add_meeting ("Y", WIT, "2025-09-08 10:00", 60, "Aula", 0);

  assert_clash_titles (x, NULL, "Y room");
  cancel (y);
  assert_clash_titles (x, NULL, "");
  assert_clash_titles (y, NULL, "");
}
END_TEST

/* The filter of attendee add: only clashes over the people just added,
 * never the room (it clashed before they came). */
START_TEST (test_clash_filter_people)
{
  gint64 ricky = add_person ("Ricky Dwi Biantoro", 0);
  gint64 samuel = add_person ("Samuel Pattiasina", 0);
  gint64 x = add_meeting ("X", WIT, "2025-09-08 09:00", 120, "Aula", ricky);
  gint64 y = add_meeting ("Y", WIT, "2025-09-08 10:00", 60, "Aula", 0);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapatClashFilter people = { ids, FALSE };

  (void) x;
  invite (y, ricky);
  invite (y, samuel);
  assert_clash_titles (y, NULL, "X room; X Ricky Dwi Biantoro");
  assert_clash_titles (y, &people, "");
  g_array_append_val (ids, samuel);
  assert_clash_titles (y, &people, "");
  g_array_append_val (ids, ricky);
  assert_clash_titles (y, &people, "X Ricky Dwi Biantoro");
}
END_TEST

/* The filter of agenda changes: only rooms of the meeting's own sessions. */
START_TEST (test_clash_filter_sessions)
{
  gint64 x = add_meeting ("X", WIT, "2025-09-08 09:00", 120, "Ruang 2", 0);
  gint64 pleno = add_session (x, "Pleno", 60, NULL, 0);
  RapatClashFilter sessions = { NULL, TRUE };

  add_session (x, "Panel", 60, "Aula", pleno);   /* 09:00-10:00 in the hall */
  add_meeting ("Same room", WIT, "2025-09-08 10:00", 60, "Ruang 2", 0);
  add_meeting ("Hall later", WIT, "2025-09-08 10:00", 60, "Aula", 0);   /* after the panel */
  assert_clash_titles (x, &sessions, "");
  add_meeting ("Hall", WIT, "2025-09-08 09:59", 30, "Aula", 0);
  assert_clash_titles (x, NULL, "Hall room (our Panel); Same room room");
  assert_clash_titles (x, &sessions, "Hall room (our Panel)");
}
END_TEST

/* Sessions overlap strictly too: a session that ends as another (or a
 * meeting in its room) starts does not clash, on either side.  X's panel
 * runs 09:30-10:30 in the hall, between its plenary and its close; sessions
 * of T and U, and two meetings, use the hall just before and just after
 * it.  (The clash query first keeps only sessions within X's own times and
 * those of its sessions; the panel ends before X does, so that the
 * comparisons with the panel itself are what decides.) */
START_TEST (test_clash_session_edges)
{
  gint64 x = add_meeting ("X", WIT, "2025-09-08 09:00", 120, "Ruang 2", 0);
  gint64 t = add_meeting ("T", WIT, "2025-09-08 10:30", 60, "Ruang 3", 0);
  gint64 u = add_meeting ("U", WIT, "2025-09-08 08:30", 60, "Ruang 4", 0);
  gint64 first;

  add_session (x, "Pleno", 30, NULL, 0);
  add_session (x, "Panel", 60, "Aula", 0);
  add_session (x, "Penutup", 30, NULL, 0);
  first = add_session (t, "Buka", 60, NULL, 0);
  add_session (t, "Sesi T", 60, "Aula", first);      /* 10:30-11:30 in the hall */
  first = add_session (u, "Buka", 60, NULL, 0);
  add_session (u, "Sesi U", 60, "Aula", first);      /* 08:30-09:30 in the hall */
  add_meeting ("Hall early", WIT, "2025-09-08 08:30", 60, "Aula", 0);
  add_meeting ("Hall late", WIT, "2025-09-08 10:30", 60, "Aula", 0);
  assert_clash_titles (x, NULL, "");
  /* One minute more on each side does clash. */
  add_meeting ("Hall 10:29", WIT, "2025-09-08 10:29", 60, "Aula", 0);
  add_meeting ("Hall 09:01", WIT, "2025-09-08 09:01", 60, "Aula", 0);
  assert_clash_titles (x, NULL, "Hall 09:01 room (our Panel); Hall 10:29 room (our Panel)");
}
END_TEST

/* An agenda that runs past its meeting's end widens the search; a session
 * of another meeting that starts as the meeting ends still does not clash
 * with its room. */
START_TEST (test_clash_session_after_end)
{
  gint64 x = add_meeting ("X", WIT, "2025-09-08 13:00", 60, "Ruang 5", 0);
  gint64 v = add_meeting ("V", WIT, "2025-09-08 14:00", 60, "Ruang 7", 0);
  gint64 first;

  add_session (x, "Isi", 60, NULL, 0);
  add_session (x, "Lewat", 30, "Ruang 6", 0);          /* 14:00-14:30, past the end */
  first = add_session (v, "Buka", 60, NULL, 0);
  add_session (v, "Sesi V", 60, "Ruang 5", first);     /* 14:00-15:00 in X's room */
  assert_clash_titles (x, NULL, "");
}
END_TEST

/* The CLI only reports what the rule found: a warning per clash kept for
 * after the command, or with --strict the first as an error. */
START_TEST (test_clash_report)
{
  gint64 x = add_meeting ("Rapat pimpinan", WIT, "2025-09-08 09:00", 120, "Aula Kanwil", 0);
  gint64 y = add_meeting ("Briefing", WIT, "2025-09-08 10:00", 60, "aula kanwil", 0);
  gint64 z = add_meeting ("Apel siang", WIT, "2025-09-08 11:00", 30, "Aula Kanwil", 0);
  RapatCmdContext ctx = { .store = fx.store };
  GError *error = NULL;

  ck_assert (rapat_cmd_check_clashes (&ctx, z, NULL, TRUE, &error));
  rapat_assert_no_error (error);
  ck_assert_ptr_null (ctx.warnings);
  ck_assert (rapat_cmd_check_clashes (&ctx, y, NULL, FALSE, &error));
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (ctx.warnings);
  ck_assert_uint_eq (ctx.warnings->len, 1);
  ck_assert_str_eq (ctx.warnings->pdata[0],
                    "clash: meeting 1 'Rapat pimpinan' (2025-09-08 09:00–11:00 WIT) uses the same "
                    "room 'Aula Kanwil'; overlap 2025-09-08 10:00–11:00 WIT");
  ck_assert (!rapat_cmd_check_clashes (&ctx, y, NULL, TRUE, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE,
                               "meeting 'Briefing': clashes: meeting 1 'Rapat pimpinan'");
  ck_assert (rapat_cmd_check_session_clashes (&ctx, x, TRUE, &error));
  rapat_assert_no_error (error);
  ck_assert_uint_eq (ctx.warnings->len, 1);
  g_ptr_array_unref (ctx.warnings);
}
END_TEST

static Suite *
slots_suite (void)
{
  Suite *s = suite_create ("slots");
  TCase *tc = tcase_create ("find-slot");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_slot_free_week);
  tcase_add_test (tc, test_slot_gap_exact);
  tcase_add_test (tc, test_slot_window_edges);
  tcase_add_test (tc, test_slot_nested);
  tcase_add_test (tc, test_slot_hours);
  tcase_add_test (tc, test_slot_days);
  tcase_add_test (tc, test_slot_zones);
  tcase_add_test (tc, test_slot_dst);
  tcase_add_test (tc, test_slot_overnight);
  tcase_add_test (tc, test_slot_cancelled);
  tcase_add_test (tc, test_slot_count);
  tcase_add_test (tc, test_slot_none);
  tcase_add_test (tc, test_slot_none_counts);
  tcase_add_test (tc, test_slot_room);
  tcase_add_test (tc, test_slot_unit_and_unknown);
  suite_add_tcase (s, tc);

  tc = tcase_create ("clashes");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_clash_overlap_edges);
  tcase_add_test (tc, test_clash_cancelled);
  tcase_add_test (tc, test_clash_filter_people);
  tcase_add_test (tc, test_clash_filter_sessions);
  tcase_add_test (tc, test_clash_session_edges);
  tcase_add_test (tc, test_clash_session_after_end);
  tcase_add_test (tc, test_clash_report);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (slots_suite ());
}
