/* rapat tests — scheduling (issue 6): clashes between meetings, busy times,
 * the plan of the clash query on 100,000 meetings, agenda times with
 * parallel blocks, and recurrence rules with their expansion.
 *
 * Everything runs on real stores (":memory:" and files in a temp folder)
 * through the store API; times are written as wall-clock text in a zone and
 * parsed with rapat_time_parse_datetime(), so that each test reads like
 * the calendar it builds. */
#include "check-common.h"
#include "cmd.h"
#include "model.h"
#include "recur.h"
#include "store.h"
#include "timeutil.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <unistd.h>

#define WIT "Asia/Jayapura"   /* UTC+9, Ambon and Jayapura */
#define WIB "Asia/Jakarta"    /* UTC+7 */
#define AMS "Europe/Amsterdam"

/* What the fixtures set up for a test. */
static struct {
  char *tmpdir;          /* a private folder, for the whole test case */
  RapatStore *store;     /* the store of the current test */
  char *path;            /* its file (file_setup), or NULL */
  guint n_paths;         /* files named so far in this process */
} fx;

/* ---- helpers: fixtures ---- */

/* Unchecked fixture: creates the temp folder (once per test case). */
static void
tmpdir_setup (void)
{
  fx.tmpdir = rapat_test_tmpdir_new ("rapat-check-schedule-XXXXXX");
}

/* Unchecked fixture: removes the temp folder and all in it. */
static void
tmpdir_teardown (void)
{
  rapat_test_remove_tree (fx.tmpdir);
  g_clear_pointer (&fx.tmpdir, g_free);
}

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
  fx.path = g_strdup_printf ("%s/schedule-%d-%u.db", fx.tmpdir, (int) getpid (), ++fx.n_paths);
  fx.store = rapat_test_store_open (fx.path);
}

/* Checked fixture: closes the store. */
static void
store_teardown (void)
{
  g_clear_pointer (&fx.store, rapat_store_free);
  g_clear_pointer (&fx.path, g_free);
}

/* ---- helpers: times ---- */

/* Returns the instant of the wall-clock time @text ("YYYY-MM-DD HH:MM") in @zone. */
static gint64
at (const char *zone, const char *text)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (zone, NULL, &error);
  gint64 t = 0;

  rapat_assert_no_error (error);
  ck_assert_msg (rapat_time_parse_datetime ("test", text, tz, &t, NULL, &error),
                 "'%s' in %s: %s", text, zone, error != NULL ? error->message : "");
  return t;
}

/* Returns @t as "YYYY-MM-DD HH:MM" in @zone. */
static char *
wall (gint64 t, const char *zone)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (zone, NULL, NULL);

  ck_assert_ptr_nonnull (tz);
  return rapat_time_format (t, tz, "%Y-%m-%d %H:%M");
}

/* Returns @t as "YYYY-MM-DDTHH:MMZ". */
static char *
utc (gint64 t)
{
  g_autoptr(GTimeZone) z = g_time_zone_new_utc ();

  return rapat_time_format (t, z, "%Y-%m-%dT%H:%MZ");
}

/* ---- helpers: records ---- */

/* Inserts a person and returns their id. */
static gint64
add_person (const char *name)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  ck_assert_msg (rapat_store_person_insert (fx.store, p, &error), "person '%s': %s", name,
                 error != NULL ? error->message : "");
  ck_assert_int_gt (p->id, 0);
  return p->id;
}

/* Inserts a confirmed meeting from @start ("YYYY-MM-DD HH:MM" in @zone) for
 * @minutes, at @location (may be NULL) organised by @organizer_id (0 =
 * nobody); returns its id. */
static gint64
add_meeting (const char *title, const char *zone, const char *start, int minutes,
             const char *location, gint64 organizer_id)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  GError *error = NULL;

  m->uid = rapat_uid_new ();
  m->title = g_strdup (title);
  m->kind = g_strdup ("meeting");
  m->start_utc = at (zone, start);
  m->end_utc = m->start_utc + (gint64) minutes * 60;
  m->tzid = g_strdup (zone);
  m->location = g_strdup (location);
  m->organizer_id = organizer_id;
  m->created_at = m->updated_at = at (WIT, "2025-08-01 08:00");
  ck_assert_msg (rapat_store_meeting_insert (fx.store, m, &error), "meeting '%s': %s", title,
                 error != NULL ? error->message : "");
  ck_assert_int_gt (m->id, 0);
  return m->id;
}

/* Sets the status of meeting @id. */
static void
set_status (gint64 id, RapatMeetingStatus status)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) m = rapat_store_meeting_get (fx.store, id, &error);

  rapat_assert_no_error (error);
  m->status = status;
  ck_assert (rapat_store_meeting_update (fx.store, m, &error));
  rapat_assert_no_error (error);
}

/* Invites @person_id to @meeting_id. */
static void
invite (gint64 meeting_id, gint64 person_id)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  a->meeting_id = meeting_id;
  a->person_id = person_id;
  ck_assert_msg (rapat_store_attendee_insert (fx.store, a, &error), "invite: %s",
                 error != NULL ? error->message : "");
}

/* Invites @person_id to @meeting_id and records that @stand_in_id represented them. */
static void
invite_represented (gint64 meeting_id, gint64 person_id, gint64 stand_in_id)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  invite (meeting_id, person_id);
  a->meeting_id = meeting_id;
  a->person_id = person_id;
  a->attendance = RAPAT_ATTENDANCE_REPRESENTED;
  a->stand_in_id = stand_in_id;
  ck_assert_msg (rapat_store_attendee_update (fx.store, a, &error), "stand-in: %s",
                 error != NULL ? error->message : "");
}

/* Appends to @meeting_id's agenda a 30-minute item presented by @presenter_id. */
static void
add_presentation (gint64 meeting_id, const char *title, gint64 presenter_id)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  GError *error = NULL;

  item->meeting_id = meeting_id;
  item->title = g_strdup (title);
  item->type = RAPAT_ITEM_PRESENTATION;
  item->duration_min = 30;
  item->presenter_id = presenter_id;
  ck_assert_msg (rapat_store_agenda_insert (fx.store, item, &error), "item: %s",
                 error != NULL ? error->message : "");
}

/* Appends to @meeting_id's agenda an item of @minutes in @room (NULL: the
 * meeting's own), in parallel with item @parallel_with (0: after the items
 * before it); returns its id. */
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
  ck_assert_msg (rapat_store_agenda_insert (fx.store, item, &error), "item '%s': %s", title,
                 error != NULL ? error->message : "");
  return item->id;
}

/* Returns the clashes of @meeting_id as "TITLE room|person WHAT" joined by
 * "; ", in the order the store gives them ("" when there are none); a room
 * taken by a session reads "TITLE room WHAT (session S)" when it is the
 * other meeting's session, "(our session S)" when it is this meeting's. */
static char *
clashes (gint64 meeting_id)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) list = rapat_store_meeting_clashes (fx.store, meeting_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      const RapatClash *c = list->pdata[i];

      ck_assert_int_ne (c->meeting_id, meeting_id);
      ck_assert_msg (c->room || c->person_id != 0, "a person clash without the person's id");
      g_string_append_printf (out, "%s%s %s %s", i > 0 ? "; " : "", c->title,
                              c->room ? "room" : "person", c->what);
      if (c->item_title != NULL)
        g_string_append_printf (out, " (session %s)", c->item_title);
      if (c->own_item_title != NULL)
        g_string_append_printf (out, " (our session %s)", c->own_item_title);
    }
  return g_strdup (out->str);
}

/* Asserts that the clashes of @id read @expected. */
#define assert_clashes(id_, expected_)                                           \
  do {                                                                           \
    g_autofree char *got_ = clashes (id_);                                       \
    ck_assert_msg (strcmp (got_, (expected_)) == 0,                              \
                   "clashes of meeting %d: got \"%s\", expected \"%s\"",         \
                   (int) (id_), got_, (expected_));                              \
  } while (0)

/* Returns busy intervals as "HH:MM-HH:MM" (wall clock in WIT; a day is
 * written only when it differs from the first interval's) joined by ", ". */
static char *
busy_text (GArray *busy)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < busy->len; i++)
    {
      const RapatBusy *b = &g_array_index (busy, RapatBusy, i);
      g_autofree char *s = wall (b->start_utc, WIT);
      g_autofree char *e = wall (b->end_utc, WIT);

      g_string_append_printf (out, "%s%s/%s", i > 0 ? ", " : "", s, e + 11);
    }
  return g_strdup (out->str);
}

/* Returns the busy intervals of a person in [from, to) as text. */
static char *
person_busy (gint64 person_id, const char *from, const char *to)
{
  GError *error = NULL;
  g_autoptr(GArray) b = rapat_store_person_busy (fx.store, person_id, at (WIT, from), at (WIT, to),
                                                 &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (b);
  return busy_text (b);
}

/* Returns the busy intervals of a room in [from, to) as text. */
static char *
room_busy (const char *room, const char *from, const char *to)
{
  GError *error = NULL;
  g_autoptr(GArray) b = rapat_store_room_busy (fx.store, room, at (WIT, from), at (WIT, to),
                                               &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (b);
  return busy_text (b);
}

/* ---- clashes: time ---- */

/* Meetings that touch (one ends as the other starts) do not clash, even in
 * the same room with the same organizer; an overlap of one minute does, on
 * either side. */
START_TEST (test_clash_touching_and_one_minute)
{
  gint64 ana = add_person ("Ana Matulessy");
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", ana);
  gint64 before = add_meeting ("Before", WIT, "2025-09-08 08:00", 60, "Aula Kanwil", ana);
  gint64 after = add_meeting ("After", WIT, "2025-09-08 10:00", 60, "Aula Kanwil", ana);

  assert_clashes (a, "");
  assert_clashes (before, "");
  assert_clashes (after, "");

  /* One minute into A from after: 09:59-11:00. */
  gint64 late = add_meeting ("Late", WIT, "2025-09-08 09:59", 61, "Ruang 2", ana);
  /* One minute into A from before: 07:30-09:01. */
  gint64 early = add_meeting ("Early", WIT, "2025-09-08 07:30", 91, "Ruang 3", ana);

  assert_clashes (a, "Early person Ana Matulessy; Late person Ana Matulessy");
  assert_clashes (late, "A person Ana Matulessy; After person Ana Matulessy");
  assert_clashes (early, "Before person Ana Matulessy; A person Ana Matulessy");
  assert_clashes (before, "Early person Ana Matulessy");
  assert_clashes (after, "Late person Ana Matulessy");
}
END_TEST

/* A meeting inside another, and one enclosing it, clash as well as partial
 * overlaps; so does one that started days before (a long workshop), which
 * the start index must still reach. */
START_TEST (test_clash_contained_and_long)
{
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 120, "Aula Kanwil", 0);
  gint64 inside = add_meeting ("Inside", WIT, "2025-09-08 09:30", 30, "aula kanwil", 0);
  gint64 workshop = add_meeting ("Workshop", WIT, "2025-09-05 08:00", 4 * 24 * 60, "AULA KANWIL",
                                 0);
  /* The longest meeting allowed (31 days), ending at 10:00 on A's day. */
  gint64 old = add_meeting ("Old", WIT, "2025-08-08 10:00", RAPAT_MAX_MEETING_MINUTES,
                            "Aula Kanwil", 0);
  /* Also 31 days, but ending as A starts. */
  gint64 ended = add_meeting ("Ended", WIT, "2025-08-08 09:00", RAPAT_MAX_MEETING_MINUTES,
                              "Ruang 2", 0);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 09:00", 60, "Ruang 2", 0);

  assert_clashes (a, "Old room Aula Kanwil; Workshop room AULA KANWIL; Inside room aula kanwil");
  assert_clashes (inside, "Old room Aula Kanwil; Workshop room AULA KANWIL; A room Aula Kanwil");
  assert_clashes (workshop, "Old room Aula Kanwil; A room Aula Kanwil; Inside room aula kanwil");
  assert_clashes (old, "Workshop room AULA KANWIL; A room Aula Kanwil; Inside room aula kanwil");
  assert_clashes (ended, "");
  assert_clashes (b, "");
}
END_TEST

/* ---- clashes: rooms ---- */

/* Locations are compared folded, with runs of spaces collapsed and the ends
 * trimmed; different rooms, and meetings without a location, do not clash. */
START_TEST (test_clash_room_names)
{
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Aula  Kanwil ", 0);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 09:30", 60, "aula kanwil", 0);
  gint64 c = add_meeting ("C", WIT, "2025-09-08 09:00", 60, "Aula Kanwil 2", 0);
  gint64 d = add_meeting ("D", WIT, "2025-09-08 09:00", 60, NULL, 0);
  gint64 e = add_meeting ("E", WIT, "2025-09-08 09:00", 60, NULL, 0);

  assert_clashes (a, "B room aula kanwil");
  assert_clashes (b, "A room Aula  Kanwil ");
  assert_clashes (c, "");
  assert_clashes (d, "");
  assert_clashes (e, "");
}
END_TEST

/* Non-ASCII room names: case is folded beyond ASCII, and a decomposed
 * accent (NFD) is the same room as the composed one. */
START_TEST (test_clash_room_names_unicode)
{
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Ruang Élise", 0);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 09:00", 60, "RUANG éLISE", 0);
  gint64 c = add_meeting ("C", WIT, "2025-09-08 09:00", 60, "ruang e\xcc\x81lise", 0);
  gint64 d = add_meeting ("D", WIT, "2025-09-08 09:00", 60, "Ruang Elise", 0);

  assert_clashes (a, "B room RUANG éLISE; C room ruang e\xcc\x81lise");
  assert_clashes (b, "A room Ruang Élise; C room ruang e\xcc\x81lise");
  assert_clashes (c, "A room Ruang Élise; B room RUANG éLISE");
  assert_clashes (d, "");
}
END_TEST

/* ---- clashes: people ---- */

/* The capacities in which a person takes part in a meeting. */
enum { AS_ORGANIZER, AS_ATTENDEE, AS_STAND_IN, AS_PRESENTER, N_CAPACITIES };
static const char *const capacity_names[] = { "organizer", "attendee", "stand-in", "presenter" };

/* Adds a meeting in its own room in which @person_id takes part as @capacity;
 * @extra is someone else only this meeting has (the one represented). */
static gint64
meeting_with (const char *title, const char *start, const char *room, gint64 person_id,
              int capacity, gint64 extra)
{
  gint64 id = add_meeting (title, WIT, start, 60, room, capacity == AS_ORGANIZER ? person_id : 0);

  if (capacity == AS_ATTENDEE)
    invite (id, person_id);
  else if (capacity == AS_STAND_IN)
    invite_represented (id, extra, person_id);
  else if (capacity == AS_PRESENTER)
    add_presentation (id, "Paparan", person_id);
  return id;
}

/* A person shared in any capacity on one side and any on the other makes a
 * clash, reported on both sides naming that person (loop: 4 x 4). */
START_TEST (test_clash_shared_person)
{
  int mine = _i / N_CAPACITIES, theirs = _i % N_CAPACITIES;
  gint64 lilik = add_person ("Lilik Sujandi");
  gint64 maria = add_person ("Maria Wattimena");
  gint64 samuel = add_person ("Samuel Pattiasina");
  gint64 a = meeting_with ("A", "2025-09-08 09:00", "Ruang 1", lilik, mine, maria);
  gint64 b = meeting_with ("B", "2025-09-08 09:30", "Ruang 2", lilik, theirs, samuel);

  ck_assert_msg (a > 0 && b > 0, "%s / %s", capacity_names[mine], capacity_names[theirs]);
  {
    g_autofree char *ca = clashes (a);
    g_autofree char *cb = clashes (b);
    ck_assert_msg (strcmp (ca, "B person Lilik Sujandi") == 0,
                   "%s in A, %s in B: clashes of A \"%s\"", capacity_names[mine],
                   capacity_names[theirs], ca);
    ck_assert_msg (strcmp (cb, "A person Lilik Sujandi") == 0,
                   "%s in A, %s in B: clashes of B \"%s\"", capacity_names[mine],
                   capacity_names[theirs], cb);
  }
}
END_TEST

/* Different people in different rooms do not clash; the person represented
 * by a stand-in is still counted as invited, so both the stand-in and the
 * person they replace are booked. */
START_TEST (test_clash_different_people)
{
  gint64 lilik = add_person ("Lilik Sujandi");
  gint64 maria = add_person ("Maria Wattimena");
  gint64 samuel = add_person ("Samuel Pattiasina");
  gint64 ricky = add_person ("Ricky Dwi Biantoro");
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Ruang 1", lilik);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 09:00", 60, "Ruang 2", maria);
  gint64 c = 0;

  invite (a, samuel);
  invite (b, ricky);
  assert_clashes (a, "");
  assert_clashes (b, "");

  /* Ricky represents Samuel at C: C clashes with A (Samuel) and B (Ricky). */
  c = add_meeting ("C", WIT, "2025-09-08 09:15", 30, "Ruang 3", 0);
  invite_represented (c, samuel, ricky);
  assert_clashes (c, "A person Samuel Pattiasina; B person Ricky Dwi Biantoro");
  assert_clashes (a, "C person Samuel Pattiasina");
  assert_clashes (b, "C person Ricky Dwi Biantoro");
}
END_TEST

/* Two people shared: one row per person, by name; with the room too, the
 * room comes first. */
START_TEST (test_clash_room_before_people)
{
  gint64 yohanis = add_person ("Yohanis Leiwakabessy");
  gint64 maria = add_person ("Maria Wattimena");
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", yohanis);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", 0);

  invite (a, maria);
  invite (b, maria);
  invite (b, yohanis);
  assert_clashes (a, "B room Aula Kanwil; B person Maria Wattimena; B person Yohanis Leiwakabessy");
  assert_clashes (b, "A room Aula Kanwil; A person Maria Wattimena; A person Yohanis Leiwakabessy");
}
END_TEST

/* ---- clashes: zones ---- */

/* Overlap is decided on instants, not on wall-clock times: 09:00 WIB and
 * 11:00 WIT are the same instant (02:00 UTC), while 09:00 WIB and 09:00
 * WIT are two hours apart. */
START_TEST (test_clash_zones)
{
  gint64 ana = add_person ("Ana Matulessy");
  gint64 jakarta = add_meeting ("Jakarta", WIB, "2025-09-08 09:00", 60, "Ruang Daring", ana);
  gint64 jayapura_same_instant = add_meeting ("Jayapura 11", WIT, "2025-09-08 11:00", 60,
                                              "ruang daring", 0);
  gint64 jayapura_same_clock = add_meeting ("Jayapura 09", WIT, "2025-09-08 09:00", 60,
                                            "Ruang Daring", ana);
  gint64 jayapura_touching = add_meeting ("Jayapura 10", WIT, "2025-09-08 10:00", 60,
                                          "Ruang Daring", ana);

  assert_clashes (jakarta, "Jayapura 11 room ruang daring");
  assert_clashes (jayapura_same_instant, "Jakarta room Ruang Daring");
  assert_clashes (jayapura_same_clock, "");
  /* 10:00-11:00 WIT is 08:00-09:00 WIB: it ends as the Jakarta meeting starts. */
  assert_clashes (jayapura_touching, "");
}
END_TEST

/* ---- clashes: status ---- */

/* Cancelled meetings never clash, on either side; tentative ones do. */
START_TEST (test_clash_cancelled)
{
  gint64 ana = add_person ("Ana Matulessy");
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", ana);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", ana);

  assert_clashes (a, "B room Aula Kanwil; B person Ana Matulessy");
  set_status (b, RAPAT_MEETING_CANCELLED);
  assert_clashes (a, "");
  assert_clashes (b, "");

  set_status (b, RAPAT_MEETING_TENTATIVE);
  assert_clashes (a, "B room Aula Kanwil; B person Ana Matulessy");
  set_status (a, RAPAT_MEETING_CANCELLED);
  assert_clashes (a, "");
  assert_clashes (b, "");
}
END_TEST

/* ---- clashes: several ---- */

/* A meeting that clashes with several others gets them all, by the other
 * meeting's start, whatever order they were stored in; those that only
 * touch it or share nothing are left out. */
START_TEST (test_clash_several_ordered)
{
  gint64 ana = add_person ("Ana Matulessy");
  gint64 budi = add_person ("Budi Santoso");
  gint64 m = add_meeting ("M", WIT, "2025-09-08 09:00", 180, "Aula Kanwil", ana);
  gint64 d = 0;

  d = add_meeting ("D 11:30", WIT, "2025-09-08 11:30", 90, "aula kanwil", 0);
  add_meeting ("Touching 12:00", WIT, "2025-09-08 12:00", 60, "Aula Kanwil", ana);
  add_meeting ("Other room 10:00", WIT, "2025-09-08 10:00", 60, "Ruang 2", budi);
  {
    gint64 c = add_meeting ("C 10:00", WIT, "2025-09-08 10:00", 30, "Aula Kanwil", 0);
    gint64 b = add_meeting ("B 08:00", WIT, "2025-09-08 08:00", 90, "Ruang 3", 0);
    invite (c, ana);
    invite (b, ana);
  }
  add_meeting ("Touching 08:00", WIT, "2025-09-08 08:00", 60, "Aula Kanwil", ana);
  /* 09:00 WIB is 11:00 WIT. */
  add_meeting ("E 09:00 WIB", WIB, "2025-09-08 09:00", 15, "Ruang 4", ana);

  assert_clashes (m, "B 08:00 person Ana Matulessy; C 10:00 room Aula Kanwil; "
                     "C 10:00 person Ana Matulessy; E 09:00 WIB person Ana Matulessy; "
                     "D 11:30 room aula kanwil");
  assert_clashes (d, "M room Aula Kanwil; Touching 12:00 room Aula Kanwil");
}
END_TEST

/* The clash record carries the other meeting's times and zone. */
START_TEST (test_clash_fields)
{
  GError *error = NULL;
  gint64 ana = add_person ("Ana Matulessy");
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", 0);
  gint64 b = add_meeting ("B", WIB, "2025-09-08 07:30", 60, NULL, ana);
  g_autoptr(GPtrArray) list = NULL;
  const RapatClash *c;

  invite (a, ana);
  list = rapat_store_meeting_clashes (fx.store, a, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (list->len, 1);
  c = list->pdata[0];
  ck_assert_int_eq (c->meeting_id, b);
  ck_assert_str_eq (c->title, "B");
  ck_assert_int_eq (c->start_utc, at (WIT, "2025-09-08 09:30"));
  ck_assert_int_eq (c->end_utc, at (WIT, "2025-09-08 10:30"));
  ck_assert_str_eq (c->tzid, WIB);
  ck_assert (!c->room);
  ck_assert_str_eq (c->what, "Ana Matulessy");
  ck_assert_int_eq (c->person_id, ana);
}
END_TEST

/* ---- clashes: rooms of parallel sessions ---- */

/* Adds "Rakor Teknis", 09:00-13:00 WIT on 8 September 2025 in Aula Kanwil,
 * whose agenda is: Pembukaan 09:00-10:00 in the hall; two parallel panels
 * 10:00-11:00, Panel A in Ruang Rapat Lantai 1 and Panel B in Ruang Rapat
 * Lantai 2; Pleno 11:00-12:00 in the hall.  Returns its id. */
static gint64
rakor_teknis (void)
{
  gint64 id = add_meeting ("Rakor Teknis", WIT, "2025-09-08 09:00", 240, "Aula Kanwil", 0);
  gint64 panel_a;

  add_session (id, "Pembukaan", 60, NULL, 0);
  panel_a = add_session (id, "Panel A", 60, "Ruang Rapat Lantai 1", 0);
  add_session (id, "Panel B", 60, "Ruang Rapat Lantai 2", panel_a);
  add_session (id, "Pleno", 60, NULL, 0);
  return id;
}

/* A meeting held in a room that another meeting's parallel session uses at
 * the same time clashes with it, on both sides (issue 12, defect 13); the
 * session takes the room only for its own times, so meetings in that room
 * before or after the session (still during the other meeting) do not. */
START_TEST (test_clash_location_vs_session)
{
  gint64 rakor = rakor_teknis ();
  gint64 a = add_meeting ("A", WIT, "2025-09-08 10:30", 30, "Ruang Rapat Lantai 2", 0);
  gint64 before = add_meeting ("Before", WIT, "2025-09-08 09:00", 60, "Ruang Rapat Lantai 2", 0);
  gint64 after = add_meeting ("After", WIT, "2025-09-08 11:00", 120, "Ruang Rapat Lantai 2", 0);

  assert_clashes (a, "Rakor Teknis room Ruang Rapat Lantai 2 (session Panel B)");
  assert_clashes (before, "");
  assert_clashes (after, "");
  assert_clashes (rakor, "A room Ruang Rapat Lantai 2 (our session Panel B)");
}
END_TEST

/* A meeting's parallel session in a room that another meeting is held in
 * at that time clashes with it, whichever was booked first. */
START_TEST (test_clash_session_vs_location)
{
  gint64 anggaran = add_meeting ("Rapat Anggaran", WIT, "2025-09-08 08:00", 135,
                                 "Ruang Rapat Lantai 1", 0);                    /* to 10:15 */
  gint64 sore = add_meeting ("Rapat Siang", WIT, "2025-09-08 11:00", 60, "Ruang Rapat Lantai 1", 0);
  gint64 rakor = rakor_teknis ();

  assert_clashes (rakor, "Rapat Anggaran room Ruang Rapat Lantai 1 (our session Panel A)");
  assert_clashes (anggaran, "Rakor Teknis room Ruang Rapat Lantai 1 (session Panel A)");
  assert_clashes (sore, "");
}
END_TEST

/* Two meetings' parallel sessions in one room at overlapping times clash,
 * one row per pair of sessions, on both sides. */
START_TEST (test_clash_session_vs_session)
{
  gint64 rakor = rakor_teknis ();
  gint64 bimtek = add_meeting ("Bimtek", WIT, "2025-09-08 10:30", 120, "Aula Utama", 0);
  gint64 k1;

  add_session (bimtek, "Pembukaan Bimtek", 15, NULL, 0);                    /* 10:30-10:45 */
  k1 = add_session (bimtek, "Kelompok 1", 60, "Ruang Rapat Lantai 2", 0);    /* 10:45-11:45 */
  add_session (bimtek, "Kelompok 2", 60, "Ruang Rapat Lantai 1", k1);        /* 10:45-11:45 */
  add_session (bimtek, "Kelompok 3", 60, "Ruang Rapat Lantai 3", k1);        /* elsewhere */

  assert_clashes (rakor, "Bimtek room Ruang Rapat Lantai 2 (session Kelompok 1) (our session Panel B); "
                         "Bimtek room Ruang Rapat Lantai 1 (session Kelompok 2) (our session Panel A)");
  assert_clashes (bimtek, "Rakor Teknis room Ruang Rapat Lantai 1 (session Panel A) (our session Kelompok 2); "
                          "Rakor Teknis room Ruang Rapat Lantai 2 (session Panel B) (our session Kelompok 1)");
}
END_TEST

/* A parallel block that starts after the meeting does: a meeting in the
 * block's room that overlaps the meeting but ends as the block starts does
 * not clash; one that runs into the block does. */
START_TEST (test_clash_session_block_starts_later)
{
  gint64 musren = add_meeting ("Musrenbang", WIT, "2025-09-08 09:00", 240, "Aula Kanwil", 0);
  gint64 k1, early, late;

  add_session (musren, "Paparan", 120, NULL, 0);                             /* 09:00-11:00 */
  k1 = add_session (musren, "Komisi I", 60, "Ruang Rapat Lantai 2", 0);      /* 11:00-12:00 */
  add_session (musren, "Komisi II", 60, "Ruang Rapat Lantai 3", k1);         /* 11:00-12:00 */
  early = add_meeting ("Early", WIT, "2025-09-08 09:00", 120, "Ruang Rapat Lantai 2", 0);
  late = add_meeting ("Late", WIT, "2025-09-08 10:00", 90, "Ruang Rapat Lantai 3", 0);

  assert_clashes (early, "");
  assert_clashes (late, "Musrenbang room Ruang Rapat Lantai 3 (session Komisi II)");
  assert_clashes (musren, "Late room Ruang Rapat Lantai 3 (our session Komisi II)");
}
END_TEST

/* A cancelled meeting's sessions take no room, and a cancelled meeting has
 * no clashes with other meetings' sessions. */
START_TEST (test_clash_session_cancelled)
{
  gint64 rakor = rakor_teknis ();
  gint64 a = add_meeting ("A", WIT, "2025-09-08 10:30", 30, "Ruang Rapat Lantai 2", 0);
  gint64 bimtek = add_meeting ("Bimtek", WIT, "2025-09-08 10:00", 60, "Aula Utama", 0);

  add_session (bimtek, "Kelompok 1", 60, "Ruang Rapat Lantai 1", 0);
  assert_clashes (a, "Rakor Teknis room Ruang Rapat Lantai 2 (session Panel B)");
  assert_clashes (bimtek, "Rakor Teknis room Ruang Rapat Lantai 1 (session Panel A) (our session Kelompok 1)");

  set_status (rakor, RAPAT_MEETING_CANCELLED);
  assert_clashes (a, "");
  assert_clashes (bimtek, "");
  assert_clashes (rakor, "");

  set_status (rakor, RAPAT_MEETING_TENTATIVE);
  set_status (a, RAPAT_MEETING_CANCELLED);
  set_status (bimtek, RAPAT_MEETING_CANCELLED);
  assert_clashes (rakor, "");
  assert_clashes (a, "");
  assert_clashes (bimtek, "");
}
END_TEST

/* Session rooms are compared as locations are: case folded, runs of spaces
 * collapsed, ends trimmed; a different room does not clash. */
START_TEST (test_clash_session_room_names)
{
  gint64 rakor = rakor_teknis ();
  gint64 a = add_meeting ("A", WIT, "2025-09-08 10:00", 30, "  ruang RAPAT   lantai 2", 0);
  gint64 b = add_meeting ("B", WIT, "2025-09-08 10:30", 30, "Ruang Rapat Lantai 20", 0);
  gint64 c = add_meeting ("C", WIT, "2025-09-08 10:30", 30, "Aula Utama", 0);

  add_session (c, "Diskusi", 30, "RUANG RAPAT LANTAI 1 ", 0);
  assert_clashes (a, "Rakor Teknis room Ruang Rapat Lantai 2 (session Panel B)");
  assert_clashes (b, "");
  assert_clashes (c, "Rakor Teknis room Ruang Rapat Lantai 1 (session Panel A) (our session Diskusi)");
  assert_clashes (rakor, "A room   ruang RAPAT   lantai 2 (our session Panel B); "
                         "C room RUANG RAPAT LANTAI 1  (session Diskusi) (our session Panel A)");
}
END_TEST

/* A session given its own meeting's room is held in the meeting's room,
 * which the meeting books anyway: the clash is reported once, as the
 * meeting's. */
START_TEST (test_clash_session_in_own_room)
{
  gint64 sosial = add_meeting ("Sosialisasi", WIT, "2025-09-08 09:00", 180, "Aula Kanwil", 0);
  gint64 a = add_meeting ("A", WIT, "2025-09-08 09:30", 30, "Aula Kanwil", 0);

  add_session (sosial, "Sesi 1", 60, "aula  kanwil", 0);
  assert_clashes (a, "Sosialisasi room Aula Kanwil");
  assert_clashes (sosial, "A room Aula Kanwil");
}
END_TEST

/* The clash record of a session says which sessions and when both need the
 * room; that of a meeting's location, the overlap of the two meetings. */
START_TEST (test_clash_session_fields)
{
  GError *error = NULL;
  gint64 rakor = rakor_teknis ();
  gint64 a = add_meeting ("A", WIB, "2025-09-08 08:30", 60, "Ruang Rapat Lantai 2", 0);  /* 10:30 WIT */
  gint64 b = add_meeting ("B", WIT, "2025-09-08 12:30", 60, "Aula Kanwil", 0);
  g_autoptr(GPtrArray) list = NULL;
  const RapatClash *c;

  list = rapat_store_meeting_clashes (fx.store, a, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (list->len, 1);
  c = list->pdata[0];
  ck_assert_int_eq (c->meeting_id, rakor);
  ck_assert_str_eq (c->title, "Rakor Teknis");
  ck_assert_int_eq (c->start_utc, at (WIT, "2025-09-08 09:00"));
  ck_assert_int_eq (c->end_utc, at (WIT, "2025-09-08 13:00"));
  ck_assert_str_eq (c->tzid, WIT);
  ck_assert (c->room);
  ck_assert_str_eq (c->what, "Ruang Rapat Lantai 2");
  ck_assert_str_eq (c->item_title, "Panel B");
  ck_assert_ptr_null (c->own_item_title);
  ck_assert_int_eq (c->overlap_start_utc, at (WIT, "2025-09-08 10:30"));
  ck_assert_int_eq (c->overlap_end_utc, at (WIT, "2025-09-08 11:00"));
  g_clear_pointer (&list, g_ptr_array_unref);

  list = rapat_store_meeting_clashes (fx.store, rakor, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (list->len, 2);
  c = list->pdata[0];
  ck_assert_int_eq (c->meeting_id, a);
  ck_assert_ptr_null (c->item_title);
  ck_assert_str_eq (c->own_item_title, "Panel B");
  ck_assert_int_eq (c->overlap_start_utc, at (WIT, "2025-09-08 10:30"));
  ck_assert_int_eq (c->overlap_end_utc, at (WIT, "2025-09-08 11:00"));
  c = list->pdata[1];
  ck_assert_int_eq (c->meeting_id, b);
  ck_assert_str_eq (c->what, "Aula Kanwil");
  ck_assert_ptr_null (c->item_title);
  ck_assert_ptr_null (c->own_item_title);
  ck_assert_int_eq (c->overlap_start_utc, at (WIT, "2025-09-08 12:30"));
  ck_assert_int_eq (c->overlap_end_utc, at (WIT, "2025-09-08 13:00"));
}
END_TEST

/* ---- busy times ---- */

/* A person is busy as organizer, attendee, stand-in or presenter, once per
 * meeting, never in a cancelled meeting; intervals overlapping [from, to)
 * are returned by start, those only touching it are not. */
START_TEST (test_person_busy)
{
  gint64 ana = add_person ("Ana Matulessy");
  gint64 budi = add_person ("Budi Santoso");
  gint64 m;

  add_meeting ("Organizer", WIT, "2025-09-08 09:00", 60, NULL, ana);
  m = add_meeting ("Presenter", WIT, "2025-09-08 14:00", 60, NULL, 0);
  add_presentation (m, "Paparan", ana);
  m = add_meeting ("Attendee", WIT, "2025-09-08 11:00", 60, NULL, budi);
  invite (m, ana);
  m = add_meeting ("Stand-in", WIT, "2025-09-08 12:30", 60, NULL, 0);
  invite_represented (m, budi, ana);
  m = add_meeting ("Cancelled", WIT, "2025-09-08 15:00", 60, NULL, ana);
  set_status (m, RAPAT_MEETING_CANCELLED);
  m = add_meeting ("Twice", WIT, "2025-09-09 08:00", 30, NULL, ana);
  invite (m, ana);
  add_presentation (m, "Laporan", ana);
  add_meeting ("Not hers", WIT, "2025-09-08 10:00", 60, NULL, budi);
  /* A three-day workshop started the week before. */
  add_meeting ("Workshop", WIT, "2025-09-05 08:00", 3 * 24 * 60, NULL, ana);

  {
    g_autofree char *all = person_busy (ana, "2025-09-08 00:00", "2025-09-10 00:00");
    g_autofree char *day = person_busy (ana, "2025-09-08 10:00", "2025-09-08 14:00");
    g_autofree char *inside = person_busy (ana, "2025-09-08 09:30", "2025-09-08 09:45");
    g_autofree char *edge = person_busy (ana, "2025-09-08 13:30", "2025-09-08 14:01");
    g_autofree char *none = person_busy (ana, "2025-09-08 15:00", "2025-09-08 16:00");
    g_autofree char *budis = person_busy (budi, "2025-09-08 00:00", "2025-09-09 00:00");

    ck_assert_str_eq (all, "2025-09-05 08:00/08:00, 2025-09-08 09:00/10:00, "
                           "2025-09-08 11:00/12:00, 2025-09-08 12:30/13:30, "
                           "2025-09-08 14:00/15:00, 2025-09-09 08:00/08:30");
    /* [10:00, 14:00): Organizer ends at 10:00 and Presenter starts at 14:00. */
    ck_assert_str_eq (day, "2025-09-08 11:00/12:00, 2025-09-08 12:30/13:30");
    ck_assert_str_eq (inside, "2025-09-08 09:00/10:00");
    ck_assert_str_eq (edge, "2025-09-08 14:00/15:00");
    ck_assert_str_eq (none, "");
    /* Budi organises two and is represented in one (he is still invited). */
    ck_assert_str_eq (budis, "2025-09-08 10:00/11:00, 2025-09-08 11:00/12:00, "
                             "2025-09-08 12:30/13:30");
  }
  {
    /* The workshop, started three days before the range, is still found. */
    g_autofree char *monday = person_busy (ana, "2025-09-08 07:00", "2025-09-08 08:30");
    ck_assert_str_eq (monday, "2025-09-05 08:00/08:00");
  }
}
END_TEST

/* A room is busy in every meeting held there (names compared as for
 * clashes), except cancelled ones. */
START_TEST (test_room_busy)
{
  gint64 m;

  add_meeting ("A", WIT, "2025-09-08 09:00", 60, "Aula Kanwil", 0);
  add_meeting ("B", WIB, "2025-09-08 08:00", 60, "  aula   KANWIL", 0);   /* 10:00 WIT */
  add_meeting ("Elsewhere", WIT, "2025-09-08 11:00", 60, "Aula Kanwil Lantai 2", 0);
  m = add_meeting ("Cancelled", WIT, "2025-09-08 13:00", 60, "Aula Kanwil", 0);
  set_status (m, RAPAT_MEETING_CANCELLED);
  add_meeting ("C", WIT, "2025-09-08 15:00", 60, "aula kanwil", 0);

  {
    g_autofree char *all = room_busy ("AULA KANWIL", "2025-09-08 00:00", "2025-09-09 00:00");
    g_autofree char *part = room_busy ("Aula Kanwil", "2025-09-08 10:00", "2025-09-08 15:00");
    g_autofree char *other = room_busy ("Aula Kanwil Lantai 2", "2025-09-08 00:00",
                                        "2025-09-09 00:00");
    g_autofree char *unknown = room_busy ("Ruang 9", "2025-09-08 00:00", "2025-09-09 00:00");

    ck_assert_str_eq (all, "2025-09-08 09:00/10:00, 2025-09-08 10:00/11:00, "
                           "2025-09-08 15:00/16:00");
    ck_assert_str_eq (part, "2025-09-08 10:00/11:00");
    ck_assert_str_eq (other, "2025-09-08 11:00/12:00");
    ck_assert_str_eq (unknown, "");
  }
}
END_TEST

/* A parallel session makes its room busy for the session's times only,
 * not for the rest of its meeting; not when the meeting is cancelled; and
 * a session in its meeting's own room adds nothing to the meeting's time. */
START_TEST (test_room_busy_sessions)
{
  gint64 rakor = rakor_teknis ();
  gint64 m;

  add_meeting ("Siang", WIT, "2025-09-08 14:00", 60, "ruang rapat lantai 2", 0);
  m = add_meeting ("Batal", WIT, "2025-09-08 15:00", 60, "Aula Utama", 0);
  add_session (m, "Sesi batal", 30, "Ruang Rapat Lantai 2", 0);
  set_status (m, RAPAT_MEETING_CANCELLED);
  add_session (rakor, "Penutupan", 30, "AULA KANWIL", 0);                   /* 12:00-12:30 */

  {
    g_autofree char *day = room_busy ("RUANG RAPAT LANTAI 2", "2025-09-08 00:00", "2025-09-09 00:00");
    g_autofree char *edge = room_busy ("Ruang Rapat Lantai 2", "2025-09-08 09:00", "2025-09-08 10:00");
    g_autofree char *after = room_busy ("Ruang Rapat Lantai 2", "2025-09-08 10:59", "2025-09-08 13:00");
    g_autofree char *hall = room_busy ("Aula Kanwil", "2025-09-08 00:00", "2025-09-09 00:00");

    ck_assert_str_eq (day, "2025-09-08 10:00/11:00, 2025-09-08 14:00/15:00");
    ck_assert_str_eq (edge, "");
    ck_assert_str_eq (after, "2025-09-08 10:00/11:00");
    ck_assert_str_eq (hall, "2025-09-08 09:00/13:00");
  }
}
END_TEST

/* ---- the clash query on 100,000 meetings ---- */

#define N_PERF_MEETINGS 100000

/* Returns TRUE when @p starts with one of @names, followed by a space or the end. */
static gboolean
starts_with_name (const char *p, const char *const *names, gsize n_names)
{
  if (g_str_has_prefix (p, "TABLE "))
    p += strlen ("TABLE ");
  for (gsize i = 0; i < n_names; i++)
    {
      gsize n = strlen (names[i]);
      if (strncmp (p, names[i], n) == 0 && (p[n] == '\0' || p[n] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* Returns TRUE when a line of a query plan scans the meeting or the
 * agenda_item table: by name, or by one of the aliases CLASH_SQL gives them
 * (m, n, o for meetings; g, gm, gt for agenda items).  A Bloom filter is a
 * scan too (SQLite fills it by reading the whole table); the parts that
 * compare sessions' rooms (gm, gt, n, o) must not have one.  (The older
 * presenter branch, g, gets one under some statistics: left for now.) */
static gboolean
plan_line_scans_table (const char *line)
{
  static const char *const names[] = { "meeting", "m", "n", "o", "agenda_item", "g", "gm", "gt" };
  static const char *const session_names[] = { "n", "o", "gm", "gt" };
  const char *scan = strstr (line, "SCAN ");
  const char *bloom = strstr (line, "BLOOM FILTER ON ");

  if (scan != NULL)
    return starts_with_name (scan + strlen ("SCAN "), names, G_N_ELEMENTS (names));
  return bloom != NULL
         && starts_with_name (bloom + strlen ("BLOOM FILTER ON "), session_names,
                              G_N_ELEMENTS (session_names));
}

/* 100,000 meetings, one every 30 minutes for an hour each (so each overlaps
 * its neighbours), in 100 rooms taken in turn (so no room clashes), stored
 * in one transaction.  The clash query must search meeting_start_idx (for
 * meetings) and agenda_room_time_idx (for parallel sessions) and never scan
 * the meeting or agenda_item table; a new meeting in one room finds exactly
 * the meetings of that room it overlaps, and a parallel session in another
 * room finds the meeting held there then. */
START_TEST (test_clash_plan_100k)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  gint64 base = at (WIT, "2020-01-06 08:00");
  g_autofree char *plan = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean searched = FALSE, sessions = FALSE;
  gint64 probe, target = 54321;
  gint64 presenters[50];

  m->title = g_strdup ("Rapat rutin");
  m->kind = g_strdup ("meeting");
  m->tzid = g_strdup (WIT);
  m->created_at = m->updated_at = base;
  for (guint i = 0; i < G_N_ELEMENTS (presenters); i++)
    {
      g_autofree char *name = g_strdup_printf ("Narasumber %02u", i + 1);
      presenters[i] = add_person (name);
    }
  ck_assert (rapat_store_begin (fx.store, &error));
  rapat_assert_no_error (error);
  for (int i = 0; i < N_PERF_MEETINGS; i++)
    {
      g_free (m->uid);
      g_free (m->location);
      m->uid = g_strdup_printf ("perf-%d@rapat", i);
      m->location = g_strdup_printf ("Ruang %d", i % 100);
      m->start_utc = base + (gint64) i * 1800;
      m->end_utc = m->start_utc + 3600;
      if (!rapat_store_meeting_insert (fx.store, m, &error))
        ck_abort_msg ("meeting %d: %s", i, error->message);
      /* Every tenth has an agenda of eight presented items, one of them a
       * session in a room no meeting uses, so that SQLite's statistics see
       * agendas as bench/rapat-gen makes them. */
      for (int j = 0; i % 10 == 0 && j < 8; j++)
        {
          g_autoptr(RapatAgendaItem) it = rapat_agenda_item_new ();

          it->meeting_id = m->id;
          it->title = g_strdup_printf ("Acara %d", j + 1);
          it->duration_min = 5;
          it->presenter_id = presenters[(i / 10 + j) % G_N_ELEMENTS (presenters)];
          it->room = j == 7 ? g_strdup ("Ruang Sidang") : NULL;
          if (!rapat_store_agenda_insert (fx.store, it, &error))
            ck_abort_msg ("item %d of meeting %d: %s", j, i, error->message);
        }
    }
  ck_assert (rapat_store_commit (fx.store, &error));
  rapat_assert_no_error (error);
  /* As after every command that writes: statistics for the planner, which
   * judges a Bloom filter or a scan worth it only when it has them. */
  {
    g_autoptr(GPtrArray) warm = rapat_store_meeting_clashes (fx.store, target + 1, &error);
    rapat_assert_no_error (error);
  }
  rapat_store_optimize (fx.store);

  plan = rapat_store_clash_plan (fx.store, &error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (plan);
  lines = g_strsplit (plan, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      ck_assert_msg (!plan_line_scans_table (*l),
                     "the clash query scans a table (\"%s\"); plan:\n%s", *l, plan);
      searched = searched || strstr (*l, "USING INDEX meeting_start_idx") != NULL;
      sessions = sessions || strstr (*l, "USING INDEX agenda_room_time_idx") != NULL;
    }
  ck_assert_msg (searched, "the clash query does not search meeting_start_idx; plan:\n%s", plan);
  ck_assert_msg (sessions, "the clash query does not search agenda_room_time_idx; plan:\n%s", plan);

  /* A probe in the room of meeting #target (id target + 1), from 15 minutes
   * into it until 15 minutes after it: only that meeting of its room. */
  probe = add_meeting ("Probe", WIT, "2020-01-06 08:00", 60, NULL, 0);
  {
    g_autoptr(RapatMeeting) p = rapat_store_meeting_get (fx.store, probe, &error);
    g_autoptr(GPtrArray) list = NULL;
    const RapatClash *c;

    rapat_assert_no_error (error);
    p->location = g_strdup_printf ("ruang %d", (int) (target % 100));
    p->start_utc = base + target * 1800 + 900;
    p->end_utc = p->start_utc + 3600;
    ck_assert (rapat_store_meeting_update (fx.store, p, &error));
    rapat_assert_no_error (error);
    list = rapat_store_meeting_clashes (fx.store, probe, &error);
    rapat_assert_no_error (error);
    ck_assert_uint_eq (list->len, 1);
    c = list->pdata[0];
    ck_assert_int_eq (c->meeting_id, target + 1);
    ck_assert (c->room);
    ck_assert_ptr_null (c->item_title);
  }

  /* A session of the probe, after 45 minutes of the probe's own, in the
   * room of meeting #target + 2 (which starts 45 minutes into the probe):
   * the probe now also clashes with that meeting, for the session's time. */
  add_session (probe, "Pembukaan", 45, NULL, 0);
  add_session (probe, "Sesi kelompok", 30, "Ruang 23", 0);
  {
    g_autoptr(GPtrArray) list = rapat_store_meeting_clashes (fx.store, probe, &error);
    const RapatClash *c;

    rapat_assert_no_error (error);
    ck_assert_uint_eq (list->len, 2);
    c = list->pdata[1];
    ck_assert_int_eq (c->meeting_id, target + 3);
    ck_assert_str_eq (c->what, "Ruang 23");
    ck_assert_str_eq (c->own_item_title, "Sesi kelompok");
    ck_assert_int_eq (c->overlap_start_utc, base + target * 1800 + 900 + 45 * 60);
    ck_assert_int_eq (c->overlap_end_utc, base + target * 1800 + 900 + 75 * 60);
  }
}
END_TEST

/* ---- agenda times ---- */

/* Returns an agenda item with @id, @minutes long, in parallel with @parallel_with. */
static RapatAgendaItem *
item (gint64 id, int minutes, gint64 parallel_with)
{
  RapatAgendaItem *it = rapat_agenda_item_new ();

  it->id = id;
  it->position = (int) id;
  it->duration_min = minutes;
  it->parallel_with = parallel_with;
  return it;
}

/* Schedules @items from 09:00 WIT on 2 Sep 2025 and returns the starts as
 * "HH:MM" joined by " ", then " end HH:MM". */
static char *
schedule_text (GPtrArray *items)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autofree gint64 *starts = g_new0 (gint64, items->len + 1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *end = NULL;
  gint64 e;

  m->start_utc = at (WIT, "2025-09-02 09:00");
  m->end_utc = m->start_utc + 7 * 3600;
  m->tzid = g_strdup (WIT);
  e = rapat_agenda_schedule (m, items, starts);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *s = wall (starts[i], WIT);
      g_string_append_printf (out, "%s ", s + 11);
    }
  end = wall (e, WIT);
  g_string_append_printf (out, "end %s", end + 11);
  return g_strdup (out->str);
}

START_TEST (test_agenda_sequential)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  g_autofree char *text = NULL;

  g_ptr_array_add (items, item (1, 15, 0));
  g_ptr_array_add (items, item (2, 30, 0));
  g_ptr_array_add (items, item (3, 60, 0));
  g_ptr_array_add (items, item (4, 45, 0));
  text = schedule_text (items);
  ck_assert_str_eq (text, "09:00 09:15 09:45 10:45 end 11:30");
}
END_TEST

START_TEST (test_agenda_empty)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *text = schedule_text (items);

  ck_assert_str_eq (text, "end 09:00");
}
END_TEST

/* A parallel block shares its first item's start, whatever the order of
 * lengths; the agenda resumes when the longest item ends. */
START_TEST (test_agenda_parallel_block)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  g_autofree char *text = NULL;

  g_ptr_array_add (items, item (1, 30, 0));    /* opening 09:00-09:30 */
  g_ptr_array_add (items, item (2, 60, 0));    /* commission A 09:30-10:30 */
  g_ptr_array_add (items, item (3, 90, 2));    /* commission B 09:30-11:00 */
  g_ptr_array_add (items, item (4, 45, 2));    /* commission C 09:30-10:15 */
  g_ptr_array_add (items, item (5, 15, 0));    /* plenary 11:00 */
  g_ptr_array_add (items, item (6, 30, 5));    /* in parallel with the plenary */
  g_ptr_array_add (items, item (7, 10, 0));    /* closing after the plenary block, 11:30 */
  text = schedule_text (items);
  ck_assert_str_eq (text, "09:00 09:30 09:30 09:30 11:00 11:00 11:30 end 11:40");
}
END_TEST

/* An item may point at another item of the block rather than its first:
 * they all share one start. */
START_TEST (test_agenda_parallel_chain)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  g_autofree char *text = NULL;

  g_ptr_array_add (items, item (10, 20, 0));
  g_ptr_array_add (items, item (11, 40, 10));
  g_ptr_array_add (items, item (12, 30, 11));
  g_ptr_array_add (items, item (13, 5, 0));
  text = schedule_text (items);
  ck_assert_str_eq (text, "09:00 09:00 09:00 09:40 end 09:45");
}
END_TEST

/* An item in parallel with a later item (or with one not in the agenda)
 * cannot start with it: it falls back to its sequential place. */
START_TEST (test_agenda_parallel_with_later_falls_back)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  g_autofree char *text = NULL;

  g_ptr_array_add (items, item (1, 30, 0));
  g_ptr_array_add (items, item (2, 60, 3));    /* refers to the next item */
  g_ptr_array_add (items, item (3, 30, 0));
  g_ptr_array_add (items, item (4, 15, 99));   /* refers to no item */
  text = schedule_text (items);
  ck_assert_str_eq (text, "09:00 09:30 10:30 11:00 end 11:15");
}
END_TEST

/* ---- recurrence: rules ---- */

/* Returns the rule built from --repeat @repeat with @until / @count in
 * @zone, failing the test on an error. */
static char *
rule (const char *repeat, const char *until, gint64 count, const char *zone)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (zone, NULL, NULL);
  char *r = rapat_recur_rule (repeat, until, count, tz, &error);

  ck_assert_msg (r != NULL, "repeat '%s': %s", repeat, error != NULL ? error->message : "");
  rapat_assert_no_error (error);
  return r;
}

/* Asserts that the rule of @repeat, @until, @count is refused with @code and
 * a message containing @needle. */
static void
assert_rule_refused (const char *repeat, const char *until, gint64 count, int code,
                     const char *needle)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (WIT, NULL, NULL);
  g_autofree char *r = rapat_recur_rule (repeat, until, count, tz, &error);

  ck_assert_msg (r == NULL, "repeat '%s' (until %s, count %d) accepted as %s", repeat,
                 until != NULL ? until : "-", (int) count, r);
  rapat_assert_error_contains (error, code, needle);
}

/* Returns the expansion of @r from @start in @zone as UTC instants
 * "YYYY-MM-DDTHH:MMZ" joined by " ". */
static char *
expand_utc (const char *r, const char *zone, const char *start)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (zone, NULL, NULL);
  g_autoptr(GArray) starts = rapat_recur_expand (r, at (zone, start), tz, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  ck_assert_msg (starts != NULL, "rule '%s': %s", r, error != NULL ? error->message : "");
  rapat_assert_no_error (error);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *s = utc (g_array_index (starts, gint64, i));
      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", s);
    }
  return g_strdup (out->str);
}

/* Returns the expansion as wall-clock times in @zone, "YYYY-MM-DD HH:MM" joined by ", ". */
static char *
expand_wall (const char *r, const char *zone, const char *start)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (zone, NULL, NULL);
  g_autoptr(GArray) starts = rapat_recur_expand (r, at (zone, start), tz, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  ck_assert_msg (starts != NULL, "rule '%s': %s", r, error != NULL ? error->message : "");
  rapat_assert_no_error (error);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *s = wall (g_array_index (starts, gint64, i), zone);
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", s);
    }
  return g_strdup (out->str);
}

/* Shorthand names, in any case, with --count. */
START_TEST (test_rule_shorthands)
{
  g_autofree char *weekly = rule ("weekly", NULL, 4, WIT);
  g_autofree char *daily = rule ("DAILY", NULL, 5, WIT);
  g_autofree char *monthly = rule ("Monthly", NULL, 12, WIT);
  g_autofree char *yearly = rule ("yearly", NULL, 3, WIT);

  ck_assert_str_eq (weekly, "FREQ=WEEKLY;COUNT=4");
  ck_assert_str_eq (daily, "FREQ=DAILY;COUNT=5");
  ck_assert_str_eq (monthly, "FREQ=MONTHLY;COUNT=12");
  ck_assert_str_eq (yearly, "FREQ=YEARLY;COUNT=3");
}
END_TEST

/* RRULE text, in any case, with or without the "RRULE:" prefix, ending in
 * the rule itself or by --count. */
START_TEST (test_rule_text)
{
  g_autofree char *byday = rule ("FREQ=WEEKLY;BYDAY=MO,TH", NULL, 4, WIT);
  g_autofree char *lower = rule ("freq=weekly;byday=mo,th;count=4", NULL, 0, WIT);
  g_autofree char *prefixed = rule ("RRULE:FREQ=DAILY;COUNT=3", NULL, 0, WIT);
  g_autofree char *interval = rule ("FREQ=WEEKLY;INTERVAL=2", NULL, 3, WIT);

  ck_assert_str_eq (byday, "FREQ=WEEKLY;COUNT=4;BYDAY=MO,TH");
  ck_assert_str_eq (lower, "FREQ=WEEKLY;COUNT=4;BYDAY=MO,TH");
  ck_assert_str_eq (prefixed, "FREQ=DAILY;COUNT=3");
  ck_assert_str_eq (interval, "FREQ=WEEKLY;COUNT=3;INTERVAL=2");
}
END_TEST

/* --until is a day, included, in the zone: UNTIL is the last second of that
 * day there, written in UTC. */
START_TEST (test_rule_until)
{
  /* 2025-12-02 ends at 2025-12-03 00:00 WIT = 2025-12-02 15:00 UTC. */
  g_autofree char *jayapura = rule ("monthly", "2025-12-02", 0, WIT);
  /* In Amsterdam (CET, UTC+1 in December) the day ends at 23:00 UTC. */
  g_autofree char *amsterdam = rule ("weekly", "2025-12-02", 0, AMS);
  /* ... and in summer (CEST, UTC+2) at 22:00 UTC. */
  g_autofree char *summer = rule ("weekly", "2025-07-01", 0, AMS);

  ck_assert_str_eq (jayapura, "FREQ=MONTHLY;UNTIL=20251202T145959Z");
  ck_assert_str_eq (amsterdam, "FREQ=WEEKLY;UNTIL=20251202T225959Z");
  ck_assert_str_eq (summer, "FREQ=WEEKLY;UNTIL=20250701T215959Z");
}
END_TEST

/* A series must end, once: no end at all, and two ends, are refused. */
START_TEST (test_rule_errors)
{
  assert_rule_refused ("weekly", NULL, 0, RAPAT_ERROR_USAGE, "--until DATE or --count N");
  assert_rule_refused ("FREQ=WEEKLY;BYDAY=MO", NULL, 0, RAPAT_ERROR_USAGE, "--count");
  /* Ends in the rule and by an option. */
  assert_rule_refused ("FREQ=DAILY;COUNT=3", NULL, 2, RAPAT_ERROR_USAGE, "already says when it ends");
  assert_rule_refused ("FREQ=DAILY;UNTIL=20251231T000000Z", "2025-12-01", 0, RAPAT_ERROR_USAGE,
                       "already says when it ends");
  assert_rule_refused ("FREQ=DAILY;UNTIL=20251231T000000Z", NULL, 5, RAPAT_ERROR_USAGE,
                       "already says when it ends");
  /* More often than daily. */
  assert_rule_refused ("FREQ=HOURLY;COUNT=3", NULL, 0, RAPAT_ERROR_INVALID, "daily at most");
  assert_rule_refused ("FREQ=MINUTELY", NULL, 3, RAPAT_ERROR_INVALID, "daily at most");
  assert_rule_refused ("hourly", NULL, 3, RAPAT_ERROR_INVALID, "not a recurrence rule");
  /* UNTIL and COUNT in one rule (RFC 5545: they MUST NOT both occur). */
  assert_rule_refused ("FREQ=WEEKLY;UNTIL=20251201T000000Z;COUNT=4", NULL, 0, RAPAT_ERROR_INVALID,
                       "not a recurrence rule");
  /* COUNT must be positive; unknown parts and days are refused. */
  assert_rule_refused ("FREQ=WEEKLY;COUNT=0", NULL, 0, RAPAT_ERROR_INVALID, "not a recurrence rule");
  assert_rule_refused ("FREQ=WEEKLY;BYDAY=XX", NULL, 3, RAPAT_ERROR_INVALID, "not a recurrence rule");
  assert_rule_refused ("FREQ=WEEKLY;FOO=BAR", NULL, 3, RAPAT_ERROR_INVALID, "not a recurrence rule");
  /* Not a rule. */
  assert_rule_refused ("fortnightly", NULL, 3, RAPAT_ERROR_INVALID, "not a recurrence rule");
  assert_rule_refused ("FREQ=SOMETIMES", NULL, 3, RAPAT_ERROR_INVALID, "not a recurrence rule");
  assert_rule_refused ("", NULL, 3, RAPAT_ERROR_INVALID, "must not be empty");
  assert_rule_refused ("weekly\nFREQ=DAILY", NULL, 3, RAPAT_ERROR_INVALID, "single line");
}
END_TEST

/* Issue 13: a BY value named twice is a clean error (it was the store's
 * UNIQUE constraint), and a time of day in the rule is refused: BYHOUR,
 * BYMINUTE and BYSECOND give several meetings a day, or 09:00:01. */
START_TEST (test_rule_entered_errors)
{
  assert_rule_refused ("FREQ=WEEKLY;BYDAY=MO,MO", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYDAY names MO twice");
  assert_rule_refused ("freq=weekly;byday=mo,th,mo;count=4", NULL, 0, RAPAT_ERROR_INVALID,
                       "BYDAY names MO twice");
  assert_rule_refused ("FREQ=MONTHLY;BYDAY=-1FR,-1FR", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYDAY names -1FR twice");
  assert_rule_refused ("FREQ=MONTHLY;BYMONTHDAY=15,15", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYMONTHDAY names 15 twice");
  assert_rule_refused ("FREQ=DAILY;BYHOUR=9,14", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYHOUR is not allowed");
  assert_rule_refused ("FREQ=WEEKLY;BYMINUTE=0,30", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYMINUTE is not allowed");
  assert_rule_refused ("FREQ=DAILY;BYSECOND=1", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYSECOND is not allowed");
  assert_rule_refused ("RRULE:FREQ=YEARLY;BYHOUR=9;COUNT=2", NULL, 0, RAPAT_ERROR_INVALID,
                       "BYHOUR is not allowed");
  /* Distinct values stay fine, and so does a weekday in two positions. */
  {
    g_autofree char *two = rule ("FREQ=MONTHLY;BYDAY=1MO,3MO", NULL, 4, WIT);
    ck_assert_str_eq (two, "FREQ=MONTHLY;COUNT=4;BYDAY=1MO,3MO");
  }
}
END_TEST

/* A series stored before these checks (a time of day in its rule) still
 * expands: the export reads old rules. */
START_TEST (test_expand_stored_byhour)
{
  g_autofree char *got = expand_wall ("FREQ=DAILY;COUNT=4;BYHOUR=9,14", WIT, "2025-09-01 09:00");

  ck_assert_str_eq (got, "2025-09-01 09:00, 2025-09-01 14:00, 2025-09-02 09:00, 2025-09-02 14:00");
}
END_TEST

/* RSCALE (RFC 7529): libical gives the calendar's name as a string of its
 * own, which was never freed.  Run under valgrind (CK_FORK=no) to see it. */
START_TEST (test_rule_rscale_freed)
{
  g_autofree char *r = rule ("FREQ=WEEKLY;RSCALE=GREGORIAN", NULL, 3, WIT);
  g_autofree char *got = expand_wall (r, WIT, "2025-09-01 09:00");

  ck_assert_str_eq (r, "RSCALE=GREGORIAN;FREQ=WEEKLY;COUNT=3");
  ck_assert_str_eq (got, "2025-09-01 09:00, 2025-09-08 09:00, 2025-09-15 09:00");
  /* Refused rules, after and before RSCALE was read. */
  assert_rule_refused ("FREQ=DAILY;RSCALE=GREGORIAN;BYHOUR=9", NULL, 3, RAPAT_ERROR_INVALID,
                       "BYHOUR");
  assert_rule_refused ("RSCALE=GREGORIAN;FREQ=HOURLY", NULL, 3, RAPAT_ERROR_INVALID,
                       "daily at most");
  assert_rule_refused ("RSCALE=GREGORIAN;FREQ=WEEKLY;FOO=1", NULL, 3, RAPAT_ERROR_INVALID,
                       "not a recurrence rule");
}
END_TEST

/* ---- recurrence: expansion ---- */

START_TEST (test_expand_weekly_count)
{
  g_autofree char *r = rule ("weekly", NULL, 4, WIT);
  g_autofree char *got = expand_utc (r, WIT, "2025-09-02 09:00");

  ck_assert_str_eq (got, "2025-09-02T00:00Z 2025-09-09T00:00Z 2025-09-16T00:00Z 2025-09-23T00:00Z");
}
END_TEST

/* --until includes the whole day in the zone: at 23:00 WIT on the last day
 * (14:00 UTC) the occurrence is in, a day later it is not. */
START_TEST (test_expand_monthly_until)
{
  g_autofree char *r = rule ("monthly", "2025-12-02", 0, WIT);
  g_autofree char *morning = expand_wall (r, WIT, "2025-09-02 09:00");
  g_autofree char *night = expand_wall (r, WIT, "2025-09-02 23:00");
  g_autofree char *r2 = rule ("monthly", "2025-12-01", 0, WIT);
  g_autofree char *before = expand_wall (r2, WIT, "2025-09-02 09:00");

  ck_assert_str_eq (morning, "2025-09-02 09:00, 2025-10-02 09:00, 2025-11-02 09:00, 2025-12-02 09:00");
  ck_assert_str_eq (night, "2025-09-02 23:00, 2025-10-02 23:00, 2025-11-02 23:00, 2025-12-02 23:00");
  ck_assert_str_eq (before, "2025-09-02 09:00, 2025-10-02 09:00, 2025-11-02 09:00");
}
END_TEST

/* Monthly on the 31st: months without that day are skipped (RFC 5545). */
START_TEST (test_expand_monthly_31st)
{
  g_autofree char *r = rule ("monthly", NULL, 4, WIT);
  g_autofree char *got = expand_wall (r, WIT, "2025-08-31 09:00");

  ck_assert_str_eq (got, "2025-08-31 09:00, 2025-10-31 09:00, 2025-12-31 09:00, 2026-01-31 09:00");
}
END_TEST

/* Weekly at 09:00 in Amsterdam across the change to summer time on 30 March
 * 2025: 09:00 local throughout, 08:00 UTC before and 07:00 UTC after. */
START_TEST (test_expand_dst_spring)
{
  g_autofree char *r = rule ("weekly", NULL, 4, AMS);
  g_autofree char *instants = expand_utc (r, AMS, "2025-03-17 09:00");
  g_autofree char *local = expand_wall (r, AMS, "2025-03-17 09:00");

  ck_assert_str_eq (instants, "2025-03-17T08:00Z 2025-03-24T08:00Z 2025-03-31T07:00Z 2025-04-07T07:00Z");
  ck_assert_str_eq (local, "2025-03-17 09:00, 2025-03-24 09:00, 2025-03-31 09:00, 2025-04-07 09:00");
}
END_TEST

/* ... and back to winter time on 26 October 2025: 07:00 UTC, then 08:00 UTC. */
START_TEST (test_expand_dst_autumn)
{
  g_autofree char *r = rule ("weekly", "2025-11-03", 0, AMS);
  g_autofree char *instants = expand_utc (r, AMS, "2025-10-13 09:00");

  ck_assert_str_eq (instants, "2025-10-13T07:00Z 2025-10-20T07:00Z 2025-10-27T08:00Z 2025-11-03T08:00Z");
}
END_TEST

/* Every Monday of 2025 at 09:00 in Amsterdam: 52 occurrences, all at 09:00
 * local on both sides of both changes. */
START_TEST (test_expand_dst_whole_year)
{
  g_autofree char *r = rule ("weekly", "2025-12-31", 0, AMS);
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (AMS, NULL, NULL);
  g_autoptr(GArray) starts = rapat_recur_expand (r, at (AMS, "2025-01-06 09:00"), tz, &error);

  rapat_assert_no_error (error);
  ck_assert_uint_eq (starts->len, 52);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *w = wall (g_array_index (starts, gint64, i), AMS);
      ck_assert_msg (g_str_has_suffix (w, " 09:00"), "occurrence %u at %s", i, w);
    }
}
END_TEST

/* Daily in Asia/Jayapura (no daylight saving): every 24 hours. */
START_TEST (test_expand_daily_jayapura)
{
  g_autofree char *r = rule ("daily", NULL, 5, WIT);
  g_autofree char *got = expand_utc (r, WIT, "2025-09-01 07:30");

  ck_assert_str_eq (got, "2025-08-31T22:30Z 2025-09-01T22:30Z 2025-09-02T22:30Z "
                         "2025-09-03T22:30Z 2025-09-04T22:30Z");
}
END_TEST

/* An RRULE with BYDAY, and one given with its "RRULE:" prefix. */
START_TEST (test_expand_rrule_text)
{
  g_autofree char *r = rule ("RRULE:FREQ=WEEKLY;BYDAY=MO,TH", NULL, 5, WIT);
  g_autofree char *got = expand_wall (r, WIT, "2025-09-01 10:00");

  ck_assert_str_eq (got, "2025-09-01 10:00, 2025-09-04 10:00, 2025-09-08 10:00, "
                         "2025-09-11 10:00, 2025-09-15 10:00");
}
END_TEST

/* RAPAT_MAX_OCCURRENCES is the most a series may have. */
START_TEST (test_expand_too_many)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (WIT, NULL, NULL);
  g_autofree char *max = rule ("daily", NULL, RAPAT_MAX_OCCURRENCES, WIT);
  g_autofree char *over = rule ("daily", NULL, RAPAT_MAX_OCCURRENCES + 1, WIT);
  g_autofree char *years = rule ("daily", "2028-12-31", 0, WIT);
  g_autoptr(GArray) ok = rapat_recur_expand (max, at (WIT, "2025-09-01 09:00"), tz, &error);
  GArray *refused;

  rapat_assert_no_error (error);
  ck_assert_uint_eq (ok->len, RAPAT_MAX_OCCURRENCES);
  refused = rapat_recur_expand (over, at (WIT, "2025-09-01 09:00"), tz, &error);
  ck_assert_ptr_null (refused);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "more than 520 occurrences");
  refused = rapat_recur_expand (years, at (WIT, "2025-09-01 09:00"), tz, &error);
  ck_assert_ptr_null (refused);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "more than 520 occurrences");
}
END_TEST

/* Rules that give nothing, or are not rules, are refused by the expansion too. */
START_TEST (test_expand_errors)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (WIT, NULL, NULL);
  GArray *got;

  /* UNTIL before the start. */
  got = rapat_recur_expand ("FREQ=WEEKLY;UNTIL=20250101T000000Z", at (WIT, "2025-09-01 09:00"),
                            tz, &error);
  ck_assert_ptr_null (got);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "no occurrence");
  got = rapat_recur_expand ("FREQ=HOURLY;COUNT=2", at (WIT, "2025-09-01 09:00"), tz, &error);
  ck_assert_ptr_null (got);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "daily at most");
  got = rapat_recur_expand ("garbage", at (WIT, "2025-09-01 09:00"), tz, &error);
  ck_assert_ptr_null (got);
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
}
END_TEST

/* ---- bugs in src/ (tagged "bug": CK_EXCLUDE_TAGS=bug skips them) ---- */

/* Regression test (fixed): src/recur.c:63-73 (rapat_recur_rule) takes --until and drops
 * --count when both are given: rapat_recur_rule ("weekly", "2025-12-01", 4)
 * returns "FREQ=WEEKLY;UNTIL=20251201T145959Z" (in WIT): a series that runs
 * until December instead of 4 weeks.  The CLI refuses the pair itself (src/cmd-meeting.c, add_series),
 * so only other callers are affected; recur.h says "--until or --count".
 * Expected: refused (RAPAT_ERROR_USAGE), as an end given twice is. */
START_TEST (test_bug_rule_until_and_count)
{
  assert_rule_refused ("weekly", "2025-12-01", 4, RAPAT_ERROR_USAGE, "");
}
END_TEST

/* Regression test (fixed): src/recur.c:126 (rapat_recur_expand) places an occurrence whose
 * wall-clock time is skipped by the change to summer time with
 * g_date_time_new(), which moves it to the transition itself: Sundays at
 * 02:30 in Amsterdam give 30 March 2025 at 01:00 UTC (03:00 CEST).
 * RFC 5545 (3.3.5) reads such a time with the offset before the gap: 01:30
 * UTC (03:30 CEST), which is what calendars importing the exported RRULE
 * show, so the occurrence rapat stores and its RECURRENCE-ID disagree with
 * them by 30 minutes. */
START_TEST (test_bug_expand_dst_gap)
{
  g_autofree char *r = rule ("weekly", NULL, 3, AMS);
  g_autofree char *instants = expand_utc (r, AMS, "2025-03-23 02:30");

  ck_assert_str_eq (instants, "2025-03-23T01:30Z 2025-03-30T01:30Z 2025-04-06T00:30Z");
}
END_TEST

/* Regression test (fixed): src/recur.c:126 (rapat_recur_expand), the other side: 02:30 occurs
 * twice on 26 October 2025 in Amsterdam, and RFC 5545 (3.3.5) says the
 * first (CEST, 00:30 UTC) is meant; rapat takes the second (CET, 01:30
 * UTC), an hour later than calendars importing the RRULE. */
START_TEST (test_bug_expand_dst_overlap)
{
  g_autofree char *r = rule ("weekly", NULL, 3, AMS);
  g_autofree char *instants = expand_utc (r, AMS, "2025-10-19 02:30");

  ck_assert_str_eq (instants, "2025-10-19T00:30Z 2025-10-26T00:30Z 2025-11-02T01:30Z");
}
END_TEST

/* Regression test (fixed): src/recur.c:105-109 (rapat_recur_expand) reads an UNTIL typed in the
 * rule as a UTC instant whatever its form, and rapat_recur_rule keeps it as
 * typed.  "FREQ=WEEKLY;UNTIL=20251201" (a DATE) thus ends the series at
 * 2025-12-01 00:00 UTC and drops the Monday 1 December 09:00 occurrence,
 * while RFC 5545 bounds the rule inclusively (and requires a UTC UNTIL with
 * a zoned DTSTART), so calendars importing the exported RRULE show that
 * occurrence although rapat has no meeting (and no EXDATE) for it.
 * Expected: the day is included, as with --until 2025-12-01 (the rule
 * stored with UNTIL in UTC), or the rule is refused. */
START_TEST (test_bug_rule_until_date)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (AMS, NULL, NULL);
  g_autofree char *r = rapat_recur_rule ("FREQ=WEEKLY;UNTIL=20251201", NULL, 0, tz, &error);

  if (r == NULL)
    {
      rapat_assert_error (error, RAPAT_ERROR_INVALID);
      return;
    }
  {
    g_autofree char *got = expand_wall (r, AMS, "2025-11-17 09:00");
    ck_assert_msg (g_str_has_suffix (r, "Z") || strstr (r, "Z;") != NULL,
                   "UNTIL not in UTC: %s", r);
    ck_assert_str_eq (got, "2025-11-17 09:00, 2025-11-24 09:00, 2025-12-01 09:00");
  }
}
END_TEST

/* ---- the suite ---- */

/* Adds the clash and busy-time tests to @tc. */
static void
add_store_tests (TCase *tc)
{
  tcase_add_test (tc, test_clash_touching_and_one_minute);
  tcase_add_test (tc, test_clash_contained_and_long);
  tcase_add_test (tc, test_clash_room_names);
  tcase_add_test (tc, test_clash_room_names_unicode);
  tcase_add_loop_test (tc, test_clash_shared_person, 0, N_CAPACITIES * N_CAPACITIES);
  tcase_add_test (tc, test_clash_different_people);
  tcase_add_test (tc, test_clash_room_before_people);
  tcase_add_test (tc, test_clash_zones);
  tcase_add_test (tc, test_clash_cancelled);
  tcase_add_test (tc, test_clash_several_ordered);
  tcase_add_test (tc, test_clash_fields);
  tcase_add_test (tc, test_clash_location_vs_session);
  tcase_add_test (tc, test_clash_session_vs_location);
  tcase_add_test (tc, test_clash_session_vs_session);
  tcase_add_test (tc, test_clash_session_block_starts_later);
  tcase_add_test (tc, test_clash_session_cancelled);
  tcase_add_test (tc, test_clash_session_room_names);
  tcase_add_test (tc, test_clash_session_in_own_room);
  tcase_add_test (tc, test_clash_session_fields);
  tcase_add_test (tc, test_person_busy);
  tcase_add_test (tc, test_room_busy);
  tcase_add_test (tc, test_room_busy_sessions);
}

/* ---- find-slot, through the command line (issue 13) ---- */

/* Runs "rapat --db DB ARGS..." (NULL-terminated) in this process on the
 * database of the test (file_setup), closed for the run, with stdout and
 * stderr caught in files; stores their text in @out and @err and returns
 * the exit status. */
static int
run_rapat (char **out, char **err, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *db = fx.path;
  g_autofree char *out_path = g_strdup_printf ("%s/out-%d", fx.tmpdir, (int) getpid ());
  g_autofree char *err_path = g_strdup_printf ("%s/err-%d", fx.tmpdir, (int) getpid ());
  int saved_out, saved_err, fd_out, fd_err, rc;
  va_list ap;

  ck_assert_ptr_nonnull (db);
  g_clear_pointer (&fx.store, rapat_store_free);
  g_ptr_array_add (argv, "rapat");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  fflush (stdout);
  fflush (stderr);
  fd_out = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  fd_err = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert (fd_out >= 0 && fd_err >= 0);
  saved_out = dup (STDOUT_FILENO);
  saved_err = dup (STDERR_FILENO);
  dup2 (fd_out, STDOUT_FILENO);
  dup2 (fd_err, STDERR_FILENO);
  rc = rapat_cmd_main ((int) argv->len - 1, (char **) argv->pdata);
  fflush (stdout);
  fflush (stderr);
  dup2 (saved_out, STDOUT_FILENO);
  dup2 (saved_err, STDERR_FILENO);
  close (saved_out);
  close (saved_err);
  close (fd_out);
  close (fd_err);
  ck_assert (g_file_get_contents (out_path, out, NULL, NULL));
  ck_assert (g_file_get_contents (err_path, err, NULL, NULL));
  fx.store = rapat_test_store_open (db);
  return rc;
}

/* A slot across the change to summer time shows both abbreviations: the
 * clocks skip 02:00-03:00 on 29 March 2026 in Amsterdam, so an hour from
 * 01:30 CET ends at 03:30 CEST (it read "01:30–03:30 CET"). */
START_TEST (test_find_slot_dst_both_abbrevs)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int rc;

  add_person ("Ana Matulessy");
  rc = run_rapat (&out, &err, "schedule", "find-slot", "--with", "Ana", "--duration", "1h",
                  "--between", "2026-03-29..2026-03-29", "--days", "sun", "--hours", "01:30-03:30",
                  "--tz", AMS, NULL);
  ck_assert_msg (rc == 0, "exit %d: %s", rc, err);
  ck_assert_str_eq (out, "2026-03-29 01:30 CET – 03:30 CEST  (free until 03:30)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Free longer than the slot: the end of the gap carries its zone too. */
  rc = run_rapat (&out, &err, "schedule", "find-slot", "--with", "Ana", "--duration", "30m",
                  "--between", "2026-03-29..2026-03-29", "--days", "sun", "--hours", "01:00-04:00",
                  "--tz", AMS, "--count", "1", NULL);
  ck_assert_msg (rc == 0, "exit %d: %s", rc, err);
  ck_assert_str_eq (out, "2026-03-29 01:00–01:30 CET  (free until 04:00 CEST)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* ... and a day without a change reads as it did. */
  rc = run_rapat (&out, &err, "schedule", "find-slot", "--with", "Ana", "--duration", "1h",
                  "--between", "2026-03-30..2026-03-30", "--hours", "09:00-10:00", "--tz", AMS,
                  NULL);
  ck_assert_msg (rc == 0, "exit %d: %s", rc, err);
  ck_assert_str_eq (out, "2026-03-30 09:00–10:00 CEST  (free until 10:00)\n");
}
END_TEST

/* An empty value is a usage error (exit 2, one line) naming the option,
 * not a search on no days, an unknown zone or a room called ''. */
START_TEST (test_find_slot_empty_values)
{
  static const char *const options[] = {
    "--days", "--hours", "--with", "--between", "--room", "--tz", "--duration", "--count",
  };

  add_person ("Ana Matulessy");
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      const char *with = strcmp (options[i], "--with") == 0 ? "" : "Ana";
      const char *between = strcmp (options[i], "--between") == 0 ? "" : "2026-03-02..2026-03-03";
      const char *duration = strcmp (options[i], "--duration") == 0 ? "" : "1h";
      const char *extra = strcmp (options[i], "--with") == 0 || strcmp (options[i], "--between") == 0
                          || strcmp (options[i], "--duration") == 0 ? "--json" : options[i];
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *needle = g_strdup_printf ("%s '': must not be empty", options[i]);
      int rc;

      if (strcmp (extra, "--json") == 0)
        rc = run_rapat (&out, &err, "schedule", "find-slot", "--with", with, "--duration", duration,
                        "--between", between, "--json", NULL);
      else
        rc = run_rapat (&out, &err, "schedule", "find-slot", "--with", with, "--duration", duration,
                        "--between", between, extra, "", NULL);
      ck_assert_msg (rc == 2, "%s '': exit %d: %s", options[i], rc, err);
      ck_assert_str_eq (out, "");
      ck_assert_msg (strstr (err, needle) != NULL, "%s: %s", options[i], err);
      ck_assert_msg (strchr (err, '\n') == err + strlen (err) - 1, "not one line: %s", err);
    }
}
END_TEST

/* Returns a test case with the temp folder and a store from @setup. */
static TCase *
store_tcase (const char *name, SFun setup)
{
  TCase *tc = tcase_create (name);

  tcase_add_unchecked_fixture (tc, tmpdir_setup, tmpdir_teardown);
  tcase_add_checked_fixture (tc, setup, store_teardown);
  return tc;
}

static Suite *
schedule_suite (void)
{
  Suite *s = suite_create ("schedule");
  TCase *tc;

  tc = store_tcase ("clashes", memory_setup);
  add_store_tests (tc);
  suite_add_tcase (s, tc);

  tc = store_tcase ("clashes-on-file", file_setup);
  add_store_tests (tc);
  suite_add_tcase (s, tc);

  /* 100,000 meetings in a file, as a real database would hold them. */
  tc = store_tcase ("clash-plan", file_setup);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_clash_plan_100k);
  suite_add_tcase (s, tc);

  tc = store_tcase ("find-slot", file_setup);
  tcase_add_test (tc, test_find_slot_dst_both_abbrevs);
  tcase_add_test (tc, test_find_slot_empty_values);
  suite_add_tcase (s, tc);

  tc = tcase_create ("agenda-times");
  tcase_add_test (tc, test_agenda_sequential);
  tcase_add_test (tc, test_agenda_empty);
  tcase_add_test (tc, test_agenda_parallel_block);
  tcase_add_test (tc, test_agenda_parallel_chain);
  tcase_add_test (tc, test_agenda_parallel_with_later_falls_back);
  suite_add_tcase (s, tc);

  tc = tcase_create ("recurrence");
  tcase_add_test (tc, test_rule_shorthands);
  tcase_add_test (tc, test_rule_text);
  tcase_add_test (tc, test_rule_until);
  tcase_add_test (tc, test_rule_errors);
  tcase_add_test (tc, test_rule_entered_errors);
  tcase_add_test (tc, test_rule_rscale_freed);
  tcase_add_test (tc, test_expand_stored_byhour);
  tcase_add_test (tc, test_expand_weekly_count);
  tcase_add_test (tc, test_expand_monthly_until);
  tcase_add_test (tc, test_expand_monthly_31st);
  tcase_add_test (tc, test_expand_dst_spring);
  tcase_add_test (tc, test_expand_dst_autumn);
  tcase_add_test (tc, test_expand_dst_whole_year);
  tcase_add_test (tc, test_expand_daily_jayapura);
  tcase_add_test (tc, test_expand_rrule_text);
  tcase_add_test (tc, test_expand_too_many);
  tcase_add_test (tc, test_expand_errors);
  suite_add_tcase (s, tc);

  /* Tests that show bugs in src/; tagged so that CK_EXCLUDE_TAGS=bug skips them. */
  tc = tcase_create ("regressions");
  tcase_set_tags (tc, "bug");
  tcase_add_test (tc, test_bug_rule_until_and_count);
  tcase_add_test (tc, test_bug_expand_dst_gap);
  tcase_add_test (tc, test_bug_expand_dst_overlap);
  tcase_add_test (tc, test_bug_rule_until_date);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rapat_test_run (schedule_suite ());
}
