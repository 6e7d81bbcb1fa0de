/* rapat tests — the rules of an agenda (src/agenda.c) and of recorded
 * attendance (src/attendance.c), on model values and a real store.
 *
 * The expected values are written out by hand, never recomputed with the
 * code under test. */
#include "check-common.h"
#include "agenda.h"
#include "attendance.h"

/* 2025-09-02 00:00 UTC: 09:00 WIT (Asia/Jayapura, UTC+9, no DST). */
#define DAY G_GINT64_CONSTANT (1756771200)
#define MINUTE 60
#define HOUR 3600

/* Returns a two-hour meeting at DAY in Asia/Jayapura, at @location. */
static RapatMeeting *
meeting_new (const char *location)
{
  RapatMeeting *m = rapat_meeting_new ();

  m->id = 1;
  m->uid = g_strdup ("m1@rapat.test");
  m->title = g_strdup ("Rakernis");
  m->start_utc = DAY;
  m->end_utc = DAY + 2 * HOUR;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->location = g_strdup (location);
  return m;
}

/* Appends an item with id and position @n to @items. */
static RapatAgendaItem *
item_add (GPtrArray *items, int n, int minutes, const char *room, gint64 presenter_id,
          gint64 parallel_with)
{
  RapatAgendaItem *it = rapat_agenda_item_new ();

  it->id = n;
  it->meeting_id = 1;
  it->position = n;
  it->title = g_strdup_printf ("Item %d", n);
  it->duration_min = minutes;
  it->room = g_strdup (room);
  it->presenter_id = presenter_id;
  it->presenter_name = presenter_id != 0 ? g_strdup_printf ("Person %d", (int) presenter_id)
                                         : NULL;
  it->parallel_with = parallel_with;
  g_ptr_array_add (items, it);
  return it;
}

/* An opening, then items 2 and 3 in parallel, then a closing. */
static GPtrArray *
parallel_agenda (const char *room2, const char *room3, gint64 presenter2, gint64 presenter3)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);

  item_add (items, 1, 30, NULL, 7, 0);
  item_add (items, 2, 60, room2, presenter2, 0);
  item_add (items, 3, 45, room3, presenter3, 2);
  item_add (items, 4, 15, NULL, 7, 0);
  return items;
}

/* Returns the clashes rapat_agenda_check() finds, failing on an error. */
static GPtrArray *
clashes_of (const RapatMeeting *m, GPtrArray *items, gint64 changed_id)
{
  GError *error = NULL;
  GPtrArray *clashes = rapat_agenda_check (m, items, changed_id, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (clashes);
  return clashes;
}

START_TEST (test_room_clash)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  /* The same room, written differently. */
  g_autoptr(GPtrArray) items = parallel_agenda ("Ruang  Rapat A", " ruang rapat a", 0, 0);
  g_autoptr(GPtrArray) clashes = clashes_of (m, items, 3);
  g_autoptr(GPtrArray) none = clashes_of (m, items, 1);
  const RapatAgendaClash *c;

  ck_assert_uint_eq (clashes->len, 1);
  c = clashes->pdata[0];
  ck_assert_int_eq (c->kind, RAPAT_AGENDA_CLASH_ROOM);
  ck_assert_int_eq (c->first, 2);
  ck_assert_int_eq (c->second, 3);
  ck_assert_str_eq (c->name, "Ruang  Rapat A");
  /* Item 1 runs before the parallel block: nothing at its time. */
  ck_assert_uint_eq (none->len, 0);
}
END_TEST

START_TEST (test_meeting_room_clash)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula Kanwil");
  g_autoptr(RapatMeeting) nowhere = meeting_new (NULL);
  g_autoptr(GPtrArray) items = parallel_agenda (NULL, NULL, 0, 0);
  g_autoptr(GPtrArray) clashes = clashes_of (m, items, 2);
  g_autoptr(GPtrArray) none = clashes_of (nowhere, items, 2);
  g_autoptr(GPtrArray) other = parallel_agenda (NULL, "Ruang B", 0, 0);
  g_autoptr(GPtrArray) apart = clashes_of (m, other, 3);

  /* Neither has a room of its own: both are in the meeting's. */
  ck_assert_uint_eq (clashes->len, 1);
  ck_assert_str_eq (((RapatAgendaClash *) clashes->pdata[0])->name, "Aula Kanwil");
  /* No location: an empty room is no room, so no clash. */
  ck_assert_uint_eq (none->len, 0);
  ck_assert_uint_eq (apart->len, 0);
}
END_TEST

START_TEST (test_presenter_clash)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  g_autoptr(GPtrArray) items = parallel_agenda ("Ruang A", "Ruang B", 5, 5);
  g_autoptr(GPtrArray) clashes = clashes_of (m, items, 2);
  g_autoptr(GPtrArray) others = parallel_agenda ("Ruang A", "Ruang B", 5, 6);
  g_autoptr(GPtrArray) none = clashes_of (m, others, 2);
  g_autoptr(GPtrArray) nobody = parallel_agenda ("Ruang A", "Ruang B", 0, 0);
  g_autoptr(GPtrArray) none2 = clashes_of (m, nobody, 2);
  const RapatAgendaClash *c;

  ck_assert_uint_eq (clashes->len, 1);
  c = clashes->pdata[0];
  ck_assert_int_eq (c->kind, RAPAT_AGENDA_CLASH_PRESENTER);
  ck_assert_str_eq (c->name, "Person 5");
  ck_assert_uint_eq (none->len, 0);
  /* Two items without a presenter do not share one. */
  ck_assert_uint_eq (none2->len, 0);
}
END_TEST

START_TEST (test_back_to_back)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  g_autoptr(GPtrArray) clashes = NULL;

  /* One after the other in the same room, with the same presenter: the
   * end of one is the start of the next, which is no overlap. */
  item_add (items, 1, 30, NULL, 7, 0);
  item_add (items, 2, 30, NULL, 7, 0);
  clashes = clashes_of (m, items, 2);
  ck_assert_uint_eq (clashes->len, 0);
}
END_TEST

START_TEST (test_parallel_order)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  g_autoptr(GPtrArray) items = parallel_agenda ("Ruang A", "Ruang B", 0, 0);
  GError *error = NULL;

  /* Item 2 in parallel with item 4, which comes after it. */
  ((RapatAgendaItem *) items->pdata[1])->parallel_with = 4;
  ck_assert_ptr_null (rapat_agenda_check (m, items, 1, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "agenda item '2': runs in parallel with an item that does not "
                               "come before it");
}
END_TEST

START_TEST (test_parse_position)
{
  GError *error = NULL;
  int pos = -1;

  ck_assert (rapat_agenda_parse_position ("position", "4", 3, TRUE, &pos, &error));
  ck_assert_int_eq (pos, 4);
  ck_assert (rapat_agenda_parse_position ("position", "1", 3, FALSE, &pos, &error));
  ck_assert_int_eq (pos, 1);
  rapat_assert_no_error (error);
  ck_assert (!rapat_agenda_parse_position ("position", "4", 3, FALSE, &pos, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "expected a number from 1 to 3");
  ck_assert (!rapat_agenda_parse_position ("position", "0", 3, TRUE, &pos, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "from 1 to 4");
  ck_assert (!rapat_agenda_parse_position ("position", "1", 0, FALSE, &pos, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "from 1 to 1");
  /* No number at all is malformed (exit 2), not a rule broken. */
  ck_assert (!rapat_agenda_parse_position ("position", "x", 3, FALSE, &pos, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "position 'x': expected a number");
  ck_assert (!rapat_agenda_parse_position ("position", "-1", 3, FALSE, &pos, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "from 1 to 3");
}
END_TEST

/* The lines of an agenda file: lengths, markers, parallel sessions, types
 * said or guessed, and one message per wrong line naming it. */
START_TEST (test_parse_file)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = NULL;
  const RapatAgendaLine *l;

  items = rapat_agenda_parse_file ("\xef\xbb\xbf# Rakernis\r\n"
                                   "30m Pembukaan\r\n"
                                   "\r\n"
                                   "1h Pengarahan Kakanwil @Ricky Dwi\n"
                                   "\u2225 1h30m Komisi I #Ruang Rapat 1 @Lilik\n"
                                   "||\t45m\tKomisi#2 di aula #Aula !presentation\n"
                                   "2025 dalam angka\n"
                                   "ISHOMA\n"
                                   "Penutupan!\n",
                                   "a.txt", errors);
  ck_assert_uint_eq (errors->len, 0);
  ck_assert_uint_eq (items->len, 7);
  l = items->pdata[0];
  ck_assert_str_eq (l->title, "Pembukaan");
  ck_assert_int_eq (l->duration_min, 30);
  ck_assert_int_eq (l->type, RAPAT_ITEM_OPENING);
  ck_assert_uint_eq (l->line, 2);
  l = items->pdata[1];
  ck_assert_str_eq (l->title, "Pengarahan Kakanwil");
  ck_assert_str_eq (l->presenter, "Ricky Dwi");
  ck_assert_int_eq (l->type, RAPAT_ITEM_BRIEFING);
  ck_assert_int_eq (l->duration_min, 60);
  l = items->pdata[2];
  ck_assert (l->parallel);
  ck_assert_str_eq (l->title, "Komisi I");
  ck_assert_str_eq (l->room, "Ruang Rapat 1");
  ck_assert_str_eq (l->presenter, "Lilik");
  ck_assert_int_eq (l->duration_min, 90);
  ck_assert_int_eq (l->type, RAPAT_ITEM_DISCUSSION);
  l = items->pdata[3];
  ck_assert (l->parallel);
  /* A sign not after a space, or followed by one, stays in the title. */
  ck_assert_str_eq (l->title, "Komisi#2 di aula");
  ck_assert_str_eq (l->room, "Aula");
  ck_assert_int_eq (l->type, RAPAT_ITEM_PRESENTATION);
  ck_assert_int_eq (l->duration_min, 45);
  l = items->pdata[4];
  /* A year is no length. */
  ck_assert_str_eq (l->title, "2025 dalam angka");
  ck_assert_int_eq (l->duration_min, 30);
  ck_assert_int_eq (((RapatAgendaLine *) items->pdata[5])->type, RAPAT_ITEM_BREAK);
  l = items->pdata[6];
  ck_assert_str_eq (l->title, "Penutupan!");
  ck_assert_int_eq (l->type, RAPAT_ITEM_CLOSING);
  g_clear_pointer (&items, g_ptr_array_unref);

  items = rapat_agenda_parse_file ("30m Baik\n"
                                   "25h Terlalu lama\n"
                                   "1h\n"
                                   "Rapat #A #B\n"
                                   "Rapat !boss\n",
                                   "b.txt", errors);
  ck_assert_uint_eq (items->len, 1);
  ck_assert_uint_eq (errors->len, 4);
  ck_assert_str_eq (errors->pdata[0], "b.txt:2: length '25h': longer than the limit of 24h");
  ck_assert (g_str_has_prefix (errors->pdata[1], "b.txt:3: title"));
  ck_assert_str_eq (errors->pdata[2], "b.txt:4: '#' is given twice");
  ck_assert (g_str_has_prefix (errors->pdata[3], "b.txt:5: agenda type 'boss'"));
}
END_TEST

START_TEST (test_review_item)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  g_autoptr(RapatAgendaItem) item = NULL;

  item = rapat_agenda_review_item (m);
  /* The actions are linked, not copied: no count in the title, no notes. */
  ck_assert_str_eq (item->title, "Review of follow-up actions");
  ck_assert_int_eq (item->type, RAPAT_ITEM_REVIEW);
  ck_assert_int_eq (item->duration_min, 30);
  ck_assert_int_eq (item->meeting_id, 1);
  ck_assert_ptr_null (item->notes);
}
END_TEST

START_TEST (test_session_rooms)
{
  g_autoptr(RapatStore) store = rapat_test_store_open (":memory:");
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  g_autoptr(RapatAgendaItem) a = rapat_agenda_item_new ();
  g_autoptr(RapatAgendaItem) b = rapat_agenda_item_new ();
  g_autofree char *empty = NULL;
  g_autofree char *one = NULL;
  GError *error = NULL;

  m->id = 0;
  ck_assert (rapat_store_meeting_insert (store, m, &error));
  empty = rapat_agenda_session_rooms (store, m->id, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (empty, "");
  a->meeting_id = b->meeting_id = m->id;
  a->title = g_strdup ("Pembukaan");
  a->duration_min = 30;
  b->title = g_strdup ("Sesi komisi");
  b->duration_min = 60;
  b->room = g_strdup ("Ruang B");
  ck_assert (rapat_store_agenda_insert (store, a, &error));
  ck_assert (rapat_store_agenda_insert (store, b, &error));
  rapat_assert_no_error (error);
  one = rapat_agenda_session_rooms (store, m->id, &error);
  rapat_assert_no_error (error);
  /* Only the session with a room of its own, from 09:30 to 10:30 WIT. */
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                                                 G_GINT64_FORMAT " Ruang B\n", b->id,
                                                 DAY + 30 * MINUTE, DAY + 90 * MINUTE);
    ck_assert_str_eq (one, expected);
  }
}
END_TEST

/* Parses @text as an arrival at the meeting of meeting_new(). */
static gboolean
arrival (const char *text, gint64 *at, GError **error)
{
  g_autoptr(RapatMeeting) m = meeting_new ("Aula");
  g_autofree char *warning = NULL;
  gboolean ok = rapat_attendance_parse_arrival (m, text, at, &warning, error);

  ck_assert_ptr_null (warning);
  return ok;
}

START_TEST (test_arrival)
{
  GError *error = NULL;
  gint64 at = 0;

  /* HH:MM is on the meeting's day in its zone (09:00-11:00 WIT). */
  ck_assert (arrival ("09:15", &at, &error));
  ck_assert_int_eq (at, DAY + 15 * MINUTE);
  ck_assert (arrival ("11:00", &at, &error));
  ck_assert_int_eq (at, DAY + 2 * HOUR);
  /* Twelve hours early is the limit. */
  ck_assert (arrival ("2025-09-01 21:00", &at, &error));
  ck_assert_int_eq (at, DAY - 12 * HOUR);
  rapat_assert_no_error (error);
  ck_assert (!arrival ("2025-09-01 20:59", &at, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "arrival '2025-09-01 20:59': more than 12 hours before");
  ck_assert (!arrival ("11:01", &at, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "arrival '11:01': after the meeting ended (11:00)");
  ck_assert (!arrival ("9h", &at, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
}
END_TEST

static Suite *
agenda_suite (void)
{
  Suite *s = suite_create ("agenda");
  TCase *tc = tcase_create ("agenda");
  TCase *att = tcase_create ("attendance");

  tcase_add_test (tc, test_room_clash);
  tcase_add_test (tc, test_meeting_room_clash);
  tcase_add_test (tc, test_presenter_clash);
  tcase_add_test (tc, test_back_to_back);
  tcase_add_test (tc, test_parallel_order);
  tcase_add_test (tc, test_parse_position);
  tcase_add_test (tc, test_review_item);
  tcase_add_test (tc, test_parse_file);
  tcase_add_test (tc, test_session_rooms);
  tcase_add_test (att, test_arrival);
  suite_add_tcase (s, tc);
  suite_add_tcase (s, att);
  return s;
}

int
main (void)
{
  return rapat_test_run (agenda_suite ());
}
