/* rapat tests — the minutes of a meeting (src/minutes.c, src/store-minutes.c
 * and the freeze in schema/0010-minutes.sql), on a real store in a temp
 * file.
 *
 * sqlite3.h is included only to read the file back through a connection of
 * its own: a dump of every row before and after a refused write. */
#include "check-common.h"
#include "meeting.h"
#include "minutes.h"
#include "review.h"

#include <sqlite3.h>

/* 2025-09-02 00:00 UTC: 09:00 WIT (Asia/Jayapura, UTC+9, no DST). */
#define DAY G_GINT64_CONSTANT (1756771200)
#define MINUTE 60
#define HOUR 3600
#define NOW (DAY + 10 * HOUR)

static char *dir;
static char *path;
static RapatStore *store;
static RapatMeeting *meeting;
static gint64 chair_id, notulis_id, guest_id;
static gint64 item_ids[3];

/* Inserts a person and returns their id. */
static gint64
add_person (const char *name, const char *position)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  p->position = g_strdup (position);
  ck_assert (rapat_store_person_insert (store, p, &error));
  rapat_assert_no_error (error);
  return p->id;
}

/* Invites @person_id to the meeting with @role. */
static void
invite (gint64 person_id, RapatRole role, RapatAttendance attendance)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  a->meeting_id = meeting->id;
  a->person_id = person_id;
  a->role = role;
  a->attendance = attendance;
  ck_assert (rapat_store_attendee_insert (store, a, &error));
  rapat_assert_no_error (error);
}

/* Checked fixture: a store in a temp file with a three-hour meeting in
 * Asia/Jayapura at 09:00 WIT, three agenda items, a chair who came and a
 * guest who did not. */
static void
setup (void)
{
  const char *titles[] = { "Pembukaan", "Isu strategis: overcrowding", "Penutupan" };
  GError *error = NULL;

  dir = rapat_test_tmpdir_new ("rapat-minutes-XXXXXX");
  path = g_build_filename (dir, "t.db", NULL);
  store = rapat_test_store_open (path);
  chair_id = add_person ("Ricky Dwi Biantoro", "Kepala Kantor Wilayah");
  notulis_id = add_person ("Maria Wattimena", "Kepala Bagian Tata Usaha");
  guest_id = add_person ("Samuel Pattiasina", NULL);
  meeting = rapat_meeting_new ();
  meeting->uid = g_strdup ("m1@rapat.test");
  meeting->title = g_strdup ("Rakernis");
  meeting->start_utc = DAY;
  meeting->end_utc = DAY + 3 * HOUR;
  meeting->tzid = g_strdup ("Asia/Jayapura");
  meeting->created_at = meeting->updated_at = DAY - 24 * HOUR;
  ck_assert (rapat_store_meeting_insert (store, meeting, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(RapatAgendaItem) it = rapat_agenda_item_new ();
      it->meeting_id = meeting->id;
      it->title = g_strdup (titles[i]);
      it->duration_min = 60;
      ck_assert (rapat_store_agenda_insert (store, it, &error));
      item_ids[i] = it->id;
    }
  rapat_assert_no_error (error);
  invite (guest_id, RAPAT_ROLE_PARTICIPANT, RAPAT_ATTENDANCE_ABSENT);
  invite (chair_id, RAPAT_ROLE_CHAIR, RAPAT_ATTENDANCE_PRESENT);
}

/* Checked fixture: closes the store and removes the folder. */
static void
teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
  g_clear_pointer (&meeting, rapat_meeting_free);
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

/* Runs @ok inside a write transaction, committed when it is TRUE. */
#define IN_TX(ok)                                                               \
  G_STMT_START {                                                               \
    GError *tx_error_ = NULL;                                                  \
    ck_assert (rapat_store_begin (store, &tx_error_));                         \
    ck_assert_msg ((ok), "the write failed");                                  \
    ck_assert (rapat_store_commit (store, &tx_error_));                        \
    rapat_assert_no_error (tx_error_);                                         \
  } G_STMT_END

/* Starts the minutes with the notulis, the chair left to its default. */
static void
start (void)
{
  GError *error = NULL;
  g_autoptr(RapatMinutes) n = NULL;

  IN_TX ((n = rapat_minutes_start (store, meeting, notulis_id, 0, NOW, &error)) != NULL);
  rapat_assert_no_error (error);
}

START_TEST (test_start)
{
  GError *error = NULL;
  g_autoptr(RapatMinutes) n = NULL;
  g_autoptr(RapatMinutes) again = NULL;

  start ();
  n = rapat_store_minutes_get (store, meeting->id, 0, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (n->notulis_id, notulis_id);
  ck_assert_str_eq (n->notulis_name, "Maria Wattimena");
  /* The chair is the attendee invited as chair, not the first invited. */
  ck_assert_int_eq (n->chair_id, chair_id);
  ck_assert_str_eq (n->chair_position, "Kepala Kantor Wilayah");
  ck_assert_int_eq (n->status, RAPAT_MINUTES_DRAFT);
  ck_assert_int_eq (n->version, 1);
  ck_assert_int_eq (n->n_invited, 2);
  ck_assert_int_eq (n->n_present, 1);
  ck_assert_int_eq (n->held_start_utc, 0);
  /* Started again: the people given change, the others stay. */
  IN_TX ((again = rapat_minutes_start (store, meeting, 0, guest_id, NOW, &error)) != NULL);
  ck_assert_int_eq (again->notulis_id, notulis_id);
  ck_assert_int_eq (again->chair_id, guest_id);
  ck_assert_int_eq (again->id, n->id);
}
END_TEST

START_TEST (test_no_minutes)
{
  GError *error = NULL;
  int number = 0;

  ck_assert_ptr_null (rapat_store_minutes_get (store, meeting->id, 0, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND, "minutes start");
  ck_assert (!rapat_minutes_decide (store, meeting, "1", "x", NOW, &number, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_note_and_decide)
{
  GError *error = NULL;
  int numbers[3] = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  const RapatDecision *d;

  start ();
  IN_TX (rapat_minutes_note (store, meeting, "overcrowding", "Satu.\n\nDua.", NOW, &error));
  IN_TX (rapat_minutes_decide (store, meeting, "2", "Redistribusi", NOW, &numbers[0], &error));
  IN_TX (rapat_minutes_decide (store, meeting, "3", "Laporan", NOW, &numbers[1], &error));
  IN_TX (rapat_minutes_decide (store, meeting, "2", "Razia", NOW, &numbers[2], &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (numbers[0], 1);
  ck_assert_int_eq (numbers[1], 2);
  ck_assert_int_eq (numbers[2], 3);
  items = rapat_store_minutes_items (store, meeting->id, 0, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (items->len, 3);
  ck_assert_ptr_null (((RapatMinutesItem *) items->pdata[0])->notes);
  ck_assert_str_eq (((RapatMinutesItem *) items->pdata[1])->notes, "Satu.\n\nDua.");
  decisions = rapat_store_decision_list (store, meeting->id, 0, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (decisions->len, 3);
  d = decisions->pdata[2];
  ck_assert_int_eq (d->number, 3);
  ck_assert_int_eq (d->item_position, 2);
  ck_assert_str_eq (d->text, "Razia");
  /* An empty decision and an unknown item are refused. */
  ck_assert (!rapat_minutes_decide (store, meeting, "2", " ", NOW, &numbers[0], &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_minutes_note (store, meeting, "9", "x", NOW, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_held)
{
  GError *error = NULL;
  gint64 start_utc = 0, end_utc = 0;

  ck_assert (rapat_minutes_parse_held (meeting, "09:10", "12:05", &start_utc, &end_utc, &error));
  ck_assert_int_eq (start_utc, DAY + 10 * MINUTE);
  ck_assert_int_eq (end_utc, DAY + 3 * HOUR + 5 * MINUTE);
  /* Past midnight: 22:00 WIT on the day to 01:30 WIT the next. */
  ck_assert (rapat_minutes_parse_held (meeting, "22:00", "01:30", &start_utc, &end_utc, &error));
  ck_assert_int_eq (start_utc, DAY + 13 * HOUR);
  ck_assert_int_eq (end_utc, DAY + 16 * HOUR + 30 * MINUTE);
  ck_assert (rapat_minutes_parse_held (meeting, "09:00", "09:00", &start_utc, &end_utc, &error));
  ck_assert_int_eq (end_utc - start_utc, 24 * HOUR);
  rapat_assert_no_error (error);
  ck_assert (!rapat_minutes_parse_held (meeting, "24:00", "10:00", &start_utc, &end_utc, &error));
  rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
  ck_assert (!rapat_minutes_parse_held (meeting, "09:00", "9", &start_utc, &end_utc, &error));
  rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
  start ();
  IN_TX (rapat_minutes_held (store, meeting, "09:10", "12:05", NOW, &error));
  {
    g_autoptr(RapatMinutes) n = rapat_store_minutes_get (store, meeting->id, 0, &error);
    ck_assert_int_eq (n->held_start_utc, DAY + 10 * MINUTE);
    ck_assert_int_eq (n->held_end_utc, DAY + 3 * HOUR + 5 * MINUTE);
  }
}
END_TEST

START_TEST (test_finalize_needs_people)
{
  GError *error = NULL;
  g_autoptr(RapatMinutes) n = NULL;

  IN_TX ((n = rapat_minutes_start (store, meeting, 0, 0, NOW, &error)) != NULL);
  ck_assert (!rapat_minutes_finalize (store, meeting, 0, NOW, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "notulis");
}
END_TEST

/* Fills the draft with notes, two decisions and a summary, then finalises it. */
static void
fill_and_finalize (void)
{
  GError *error = NULL;
  int number;

  start ();
  IN_TX (rapat_minutes_note (store, meeting, "2", "Dibahas.", NOW, &error));
  IN_TX (rapat_minutes_decide (store, meeting, "2", "Redistribusi", NOW, &number, &error));
  IN_TX (rapat_minutes_decide (store, meeting, "3", "Laporan", NOW, &number, &error));
  IN_TX (rapat_minutes_summary (store, meeting, "Lancar.", NOW, &error));
  IN_TX (rapat_minutes_finalize (store, meeting, 0, NOW + HOUR, &error));
  rapat_assert_no_error (error);
}

START_TEST (test_finalize_freezes)
{
  GError *error = NULL;
  g_autofree char *before = NULL;
  int number = 0;

  fill_and_finalize ();
  before = dump ();
  /* Every write that would change the record, each as its own command. */
  for (int i = 0; i < 18; i++)
    {
      g_autoptr(RapatAttendee) a = NULL;
      g_autoptr(RapatAgendaItem) it = NULL;
      g_autoptr(RapatMinutes) n = NULL;
      g_autoptr(RapatDecision) d = g_new0 (RapatDecision, 1);
      g_autoptr(RapatAction) act = rapat_action_new ();
      g_autofree char *after = NULL;
      gboolean ok = TRUE;

      ck_assert (rapat_store_begin (store, &error));
      switch (i)
        {
        case 0: ok = rapat_minutes_note (store, meeting, "1", "x", NOW, &error); break;
        case 1: ok = rapat_minutes_decide (store, meeting, "1", "x", NOW, &number, &error); break;
        case 2: ok = rapat_minutes_summary (store, meeting, "x", NOW, &error); break;
        case 3: ok = rapat_minutes_held (store, meeting, "09:00", "10:00", NOW, &error); break;
        case 4: ok = rapat_minutes_start (store, meeting, guest_id, 0, NOW, &error) != NULL; break;
        case 5: ok = rapat_minutes_finalize (store, meeting, 0, NOW, &error); break;
        case 6:   /* attendee mark */
          a = rapat_store_attendee_get (store, meeting->id, guest_id, &error);
          a->attendance = RAPAT_ATTENDANCE_PRESENT;
          ok = rapat_store_attendee_update (store, a, &error);
          break;
        case 7:   /* attendee add */
          a = rapat_attendee_new ();
          a->meeting_id = meeting->id;
          a->person_id = notulis_id;
          ok = rapat_store_attendee_insert (store, a, &error);
          break;
        case 8: ok = rapat_store_attendee_remove (store, meeting->id, guest_id, &error); break;
        case 9:   /* agenda add */
          it = rapat_agenda_item_new ();
          it->meeting_id = meeting->id;
          it->title = g_strdup ("Tambahan");
          it->duration_min = 10;
          ok = rapat_store_agenda_insert (store, it, &error);
          break;
        case 10: ok = rapat_store_agenda_remove (store, meeting->id, 3, &error); break;
        case 11: ok = rapat_store_agenda_move (store, meeting->id, 1, 3, &error); break;
        case 12:  /* agenda edit */
          it = rapat_store_agenda_resolve (store, meeting->id, "1", &error);
          g_free (it->title);
          it->title = g_strdup ("Lain");
          ok = rapat_store_agenda_update (store, it, &error);
          break;
        case 13: ok = rapat_store_minutes_set_note (store, item_ids[0], "x", NOW, &error); break;
        case 14:  /* a decision written past the domain */
          d->meeting_id = meeting->id;
          d->text = g_strdup ("x");
          d->created_at = NOW;
          ok = rapat_store_decision_insert (store, d, &error);
          break;
        case 15:  /* the record itself, written past the domain */
          n = rapat_store_minutes_get (store, meeting->id, 0, &error);
          g_free (n->summary);
          n->summary = g_strdup ("x");
          ok = rapat_store_minutes_update (store, n, &error);
          break;
        case 16: ok = rapat_store_meeting_delete (store, meeting->id, &error); break;
        case 17:  /* an action joining a decision of the final minutes */
          act->uid = rapat_uid_new ();
          act->title = g_strdup ("Tindak lanjut");
          act->owner_person_id = guest_id;
          act->meeting_id = meeting->id;
          act->decision_id = rapat_store_decision_find (store, meeting->id, 1, &error);
          act->created_at = act->updated_at = NOW;
          ok = rapat_store_action_insert (store, act, &error);
          break;
        }
      ck_assert_msg (!ok, "write %d was not refused", i);
      rapat_assert_error (error, RAPAT_ERROR_INVALID);
      rapat_store_rollback (store);
      after = dump ();
      ck_assert_msg (g_strcmp0 (before, after) == 0, "write %d changed the database", i);
    }
}
END_TEST

/* Final minutes pin their meeting (schema/0012-minutes-pin.sql): a change
 * of the title, time, zone, place or status is refused, the file unchanged;
 * sequence, description and the other bookkeeping stay writable; after an
 * amendment the meeting moves again. */
START_TEST (test_final_pins_meeting)
{
  GError *error = NULL;
  g_autofree char *before = NULL;

  fill_and_finalize ();
  before = dump ();
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(RapatMeeting) m = rapat_meeting_copy (meeting);
      g_autofree char *after = NULL;
      gboolean ok;

      switch (i)
        {
        case 0: g_free (m->title); m->title = g_strdup ("Lain"); break;
        case 1: m->start_utc += HOUR; m->end_utc += HOUR; break;
        case 2: m->end_utc += HOUR; break;
        case 3: g_free (m->tzid); m->tzid = g_strdup ("Asia/Makassar"); break;
        case 4: g_free (m->location); m->location = g_strdup ("Aula"); break;
        case 5: m->status = RAPAT_MEETING_CANCELLED; break;
        case 6: m->status = RAPAT_MEETING_TENTATIVE; break;
        }
      ck_assert (rapat_store_begin (store, &error));
      ok = rapat_store_meeting_update (store, m, &error);
      ck_assert_msg (!ok, "meeting change %d was not refused", i);
      rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "rapat minutes amend");
      rapat_store_rollback (store);
      after = dump ();
      ck_assert_msg (g_strcmp0 (before, after) == 0, "meeting change %d changed the database", i);
    }
  /* What does not change the record stays writable. */
  {
    g_autoptr(RapatMeeting) m = rapat_meeting_copy (meeting);
    m->sequence++;
    m->updated_at = NOW + 2 * HOUR;
    g_free (m->description);
    m->description = g_strdup ("Notulen terlampir");
    IN_TX (rapat_store_meeting_update (store, m, &error));
    rapat_assert_no_error (error);
  }
  /* Amended, the meeting moves again. */
  IN_TX (rapat_minutes_amend (store, meeting, chair_id, NULL, NOW + 3 * HOUR, &error) == 2);
  {
    g_autoptr(RapatMeeting) m = rapat_meeting_copy (meeting);
    m->start_utc += HOUR;
    m->end_utc += HOUR;
    IN_TX (rapat_store_meeting_update (store, m, &error));
    rapat_assert_no_error (error);
  }
}
END_TEST

/* The readers 'minutes note --edit', 'issue show' and 'action show' use. */
START_TEST (test_readers)
{
  GError *error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *none = NULL;
  g_autoptr(RapatDecision) d = NULL;
  int number;

  start ();
  IN_TX (rapat_minutes_note (store, meeting, "2", "Dibahas.", NOW, &error));
  IN_TX (rapat_minutes_decide (store, meeting, "2", "Redistribusi", NOW, &number, &error));
  ck_assert (rapat_store_minutes_item_notes (store, item_ids[1], &notes, &error));
  ck_assert_str_eq (notes, "Dibahas.");
  ck_assert (rapat_store_minutes_item_notes (store, item_ids[0], &none, &error));
  ck_assert_ptr_null (none);
  d = rapat_store_decision_get (store, rapat_store_decision_find (store, meeting->id, 1, &error),
                                &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (d->text, "Redistribusi");
  ck_assert_int_eq (d->item_position, 2);
  ck_assert_ptr_null (rapat_store_decision_get (store, 999, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_amend)
{
  GError *error = NULL;
  int version = 0, number = 0;
  g_autoptr(RapatMinutes) v1 = NULL;
  g_autoptr(RapatMinutes) now = NULL;
  g_autoptr(GPtrArray) items1 = NULL;
  g_autoptr(GPtrArray) decisions1 = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  fill_and_finalize ();
  IN_TX ((version = rapat_minutes_amend (store, meeting, chair_id, "Salah ketik", NOW + 2 * HOUR,
                                         &error)) != 0);
  rapat_assert_no_error (error);
  ck_assert_int_eq (version, 2);
  IN_TX (rapat_minutes_note (store, meeting, "2", "Diperbaiki.", NOW, &error));
  IN_TX (rapat_minutes_decide (store, meeting, "1", "Baru", NOW, &number, &error));
  ck_assert_int_eq (number, 3);
  ck_assert_int_eq (rapat_minutes_amend (store, meeting, 0, NULL, NOW, &error), 0);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "draft");
  /* Version 1 reads as it was signed. */
  v1 = rapat_store_minutes_get (store, meeting->id, 1, &error);
  rapat_assert_no_error (error);
  ck_assert_int_eq (v1->status, RAPAT_MINUTES_FINAL);
  ck_assert_int_eq (v1->version, 1);
  ck_assert_int_eq (v1->finalized_at, NOW + HOUR);
  ck_assert_str_eq (v1->summary, "Lancar.");
  ck_assert_str_eq (v1->notulis_name, "Maria Wattimena");
  ck_assert_int_eq (v1->n_present, 1);
  items1 = rapat_store_minutes_items (store, meeting->id, 1, &error);
  ck_assert_uint_eq (items1->len, 3);
  ck_assert_str_eq (((RapatMinutesItem *) items1->pdata[1])->notes, "Dibahas.");
  ck_assert_str_eq (((RapatMinutesItem *) items1->pdata[2])->title, "Penutupan");
  decisions1 = rapat_store_decision_list (store, meeting->id, 1, &error);
  ck_assert_uint_eq (decisions1->len, 2);
  ck_assert_str_eq (((RapatDecision *) decisions1->pdata[1])->text, "Laporan");
  ck_assert_int_eq (((RapatDecision *) decisions1->pdata[1])->item_position, 3);
  /* The current version has the change. */
  now = rapat_store_minutes_get (store, meeting->id, 0, &error);
  ck_assert_int_eq (now->version, 2);
  ck_assert_int_eq (now->status, RAPAT_MINUTES_DRAFT);
  ck_assert_int_eq (now->finalized_at, 0);
  decisions = rapat_store_decision_list (store, meeting->id, 0, &error);
  ck_assert_uint_eq (decisions->len, 3);
  /* Finalised again: two versions, the first reopened by the chair. */
  IN_TX (rapat_minutes_finalize (store, meeting, 0, NOW + 3 * HOUR, &error));
  versions = rapat_store_minutes_versions (store, meeting->id, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (versions->len, 2);
  ck_assert_int_eq (((RapatMinutesVersion *) versions->pdata[0])->amended_at, NOW + 2 * HOUR);
  ck_assert_str_eq (((RapatMinutesVersion *) versions->pdata[0])->amended_by,
                    "Ricky Dwi Biantoro");
  ck_assert_str_eq (((RapatMinutesVersion *) versions->pdata[0])->amend_reason, "Salah ketik");
  ck_assert_str_eq (((RapatMinutesVersion *) versions->pdata[1])->finalized_by, "Maria Wattimena");
  ck_assert_int_eq (((RapatMinutesVersion *) versions->pdata[1])->amended_at, 0);
  ck_assert_ptr_null (rapat_store_minutes_get (store, meeting->id, 3, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_decision_resolve)
{
  GError *error = NULL;
  gint64 id = 0;
  int number;

  start ();
  IN_TX (rapat_minutes_decide (store, meeting, "2", "Redistribusi", NOW, &number, &error));
  ck_assert (rapat_minutes_decision_resolve (store, meeting->id, "1", &id, &error));
  ck_assert_int_gt (id, 0);
  ck_assert (!rapat_minutes_decision_resolve (store, meeting->id, "2", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  ck_assert (!rapat_minutes_decision_resolve (store, meeting->id, "satu", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_minutes_decision_resolve (store, 0, "1", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_USAGE);
}
END_TEST

/* Inserts an action owned by @owner_id, raised in @meeting_id (0: none),
 * due on @due, and returns its id. */
static gint64
add_action (const char *title, gint64 owner_id, gint64 meeting_id, const char *due)
{
  g_autoptr(RapatAction) a = rapat_action_new ();
  GError *error = NULL;

  a->uid = rapat_uid_new ();
  a->title = g_strdup (title);
  a->owner_person_id = owner_id;
  a->meeting_id = meeting_id;
  a->due = g_strdup (due);
  a->created_at = a->updated_at = NOW;
  IN_TX (rapat_store_action_insert (store, a, &error));
  rapat_assert_no_error (error);
  return a->id;
}

/* Marks action @id done under @title, as 'action update' would. */
static void
change_action (gint64 id, const char *title, gint64 at)
{
  GError *error = NULL;
  g_autoptr(RapatAction) a = rapat_store_action_get (store, id, &error);

  rapat_assert_no_error (error);
  g_free (a->title);
  a->title = g_strdup (title);
  a->status = RAPAT_ACTION_DONE;
  a->progress = 100;
  a->done_at = a->updated_at = at;
  IN_TX (rapat_store_action_update (store, a, &error));
  rapat_assert_no_error (error);
}

/* Renames person @id, as 'person edit --name' would. */
static void
rename_person (gint64 id, const char *name)
{
  GError *error = NULL;
  g_autoptr(RapatPerson) p = rapat_store_person_get (store, id, &error);

  rapat_assert_no_error (error);
  g_free (p->name);
  p->name = g_strdup (name);
  IN_TX (rapat_store_person_update (store, p, &error));
  rapat_assert_no_error (error);
}

/* Returns the only review of the last item of version @version. */
static RapatReview *
last_review (GPtrArray *items)
{
  const RapatMinutesItem *it = items->pdata[items->len - 1];

  ck_assert_ptr_nonnull (it->reviews);
  ck_assert_uint_eq (it->reviews->len, 1);
  return it->reviews->pdata[0];
}

/* A version keeps the actions raised, the reviewed actions with what was
 * reported and the attendance as they were when it was signed: after it,
 * an action changes and a person is renamed (their attendance cannot
 * change), and version 1 still reads as signed while version 0 reads the
 * live data; amended, reported again and finalised, version 2 differs
 * from version 1 as it should. */
START_TEST (test_signed_record)
{
  GError *error = NULL;
  g_autoptr(RapatAgendaItem) rev = rapat_agenda_item_new ();
  g_autoptr(RapatAttendee) att = NULL;
  g_autoptr(GPtrArray) actions1 = NULL;
  g_autoptr(GPtrArray) actions0 = NULL;
  g_autoptr(GPtrArray) actions2 = NULL;
  g_autoptr(GPtrArray) people1 = NULL;
  g_autoptr(GPtrArray) people0 = NULL;
  g_autoptr(GPtrArray) people2 = NULL;
  g_autoptr(GPtrArray) items1 = NULL;
  g_autoptr(GPtrArray) items0 = NULL;
  g_autoptr(GPtrArray) items2 = NULL;
  g_autoptr(GPtrArray) items1_again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const RapatAction *a;
  const RapatAttendee *p;
  const RapatReview *v;
  gint64 raised, reviewed;

  start ();
  raised = add_action ("Redistribusi napi", guest_id, meeting->id, "2025-09-30");
  reviewed = add_action ("Laporan lama", guest_id, 0, "2025-08-31");
  rev->meeting_id = meeting->id;
  rev->title = g_strdup ("Tindak lanjut");
  rev->type = RAPAT_ITEM_REVIEW;
  rev->duration_min = 15;
  IN_TX (rapat_store_agenda_insert (store, rev, &error));
  IN_TX (rapat_store_review_add (store, rev->id, reviewed, &error));
  IN_TX (rapat_review_report (store, meeting, reviewed, RAPAT_ACTION_IN_PROGRESS, 60, "Hampir",
                              NOW, &error));
  IN_TX (rapat_minutes_finalize (store, meeting, 0, NOW + HOUR, &error));
  rapat_assert_no_error (error);

  /* After the signing: the actions change, the guest is renamed; the
   * guest's attendance is refused. */
  change_action (raised, "Diganti", NOW + 2 * HOUR);
  change_action (reviewed, "Lama diganti", NOW + 2 * HOUR);
  rename_person (guest_id, "Samuel Baru");
  before = dump ();
  att = rapat_store_attendee_get (store, meeting->id, guest_id, &error);
  att->attendance = RAPAT_ATTENDANCE_PRESENT;
  ck_assert (rapat_store_begin (store, &error));
  ck_assert (!rapat_store_attendee_update (store, att, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  rapat_store_rollback (store);
  after = dump ();
  ck_assert_str_eq (before, after);

  /* Version 1 as signed. */
  actions1 = rapat_store_minutes_actions (store, meeting->id, 1, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (actions1->len, 1);
  a = actions1->pdata[0];
  ck_assert_int_eq (a->id, raised);
  ck_assert_str_eq (a->title, "Redistribusi napi");
  ck_assert_str_eq (a->owner_name, "Samuel Pattiasina");
  ck_assert_str_eq (a->due, "2025-09-30");
  ck_assert_int_eq (a->status, RAPAT_ACTION_OPEN);
  ck_assert_int_eq (a->meeting_id, meeting->id);
  ck_assert_str_eq (a->meeting_title, "Rakernis");
  people1 = rapat_store_minutes_attendees (store, meeting->id, 1, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (people1->len, 2);
  p = people1->pdata[0];
  ck_assert_str_eq (p->person_name, "Ricky Dwi Biantoro");
  ck_assert_int_eq (p->role, RAPAT_ROLE_CHAIR);
  ck_assert_int_eq (p->attendance, RAPAT_ATTENDANCE_PRESENT);
  p = people1->pdata[1];
  ck_assert_str_eq (p->person_name, "Samuel Pattiasina");
  ck_assert_int_eq (p->attendance, RAPAT_ATTENDANCE_ABSENT);
  items1 = rapat_store_minutes_items (store, meeting->id, 1, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (items1->len, 4);
  ck_assert_ptr_null (((RapatMinutesItem *) items1->pdata[0])->reviews);
  v = last_review (items1);
  ck_assert_str_eq (v->action->title, "Laporan lama");
  ck_assert_str_eq (v->action->owner_name, "Samuel Pattiasina");
  ck_assert_int_eq (v->action->status, RAPAT_ACTION_IN_PROGRESS);
  ck_assert_int_eq (v->action->progress, 60);
  ck_assert_int_eq (v->reported_at, NOW);
  ck_assert_int_eq (v->reported_status, RAPAT_ACTION_IN_PROGRESS);
  ck_assert_int_eq (v->reported_progress, 60);
  ck_assert_str_eq (v->reported_note, "Hampir");

  /* Version 0: as they are now. */
  actions0 = rapat_store_minutes_actions (store, meeting->id, 0, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (((RapatAction *) actions0->pdata[0])->title, "Diganti");
  ck_assert_str_eq (((RapatAction *) actions0->pdata[0])->owner_name, "Samuel Baru");
  people0 = rapat_store_minutes_attendees (store, meeting->id, 0, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (((RapatAttendee *) people0->pdata[1])->person_name, "Samuel Baru");
  items0 = rapat_store_minutes_items (store, meeting->id, 0, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (last_review (items0)->action->title, "Lama diganti");
  ck_assert_int_eq (last_review (items0)->action->status, RAPAT_ACTION_DONE);

  /* Amended, reported again, finalised: version 2 has the new state. */
  IN_TX (rapat_minutes_amend (store, meeting, chair_id, "Laporan baru", NOW + 3 * HOUR, &error)
         == 2);
  IN_TX (rapat_review_report (store, meeting, reviewed, -1, -1, "Selesai", NOW + 3 * HOUR,
                              &error));
  IN_TX (rapat_minutes_finalize (store, meeting, 0, NOW + 4 * HOUR, &error));
  rapat_assert_no_error (error);
  actions2 = rapat_store_minutes_actions (store, meeting->id, 2, &error);
  people2 = rapat_store_minutes_attendees (store, meeting->id, 2, &error);
  items2 = rapat_store_minutes_items (store, meeting->id, 2, &error);
  items1_again = rapat_store_minutes_items (store, meeting->id, 1, &error);
  rapat_assert_no_error (error);
  ck_assert_str_eq (((RapatAction *) actions2->pdata[0])->title, "Diganti");
  ck_assert_int_eq (((RapatAction *) actions2->pdata[0])->status, RAPAT_ACTION_DONE);
  ck_assert_str_eq (((RapatAttendee *) people2->pdata[1])->person_name, "Samuel Baru");
  v = last_review (items2);
  ck_assert_str_eq (v->action->title, "Lama diganti");
  ck_assert_int_eq (v->reported_status, RAPAT_ACTION_DONE);
  ck_assert_int_eq (v->reported_progress, 100);
  ck_assert_str_eq (v->reported_note, "Selesai");
  v = last_review (items1_again);
  ck_assert_str_eq (v->action->title, "Laporan lama");
  ck_assert_str_eq (v->reported_note, "Hampir");
  ck_assert_int_eq (v->reported_progress, 60);
  /* A version that does not exist is not read as the live data. */
  ck_assert_ptr_null (rapat_store_minutes_actions (store, meeting->id, 3, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
  ck_assert_ptr_null (rapat_store_minutes_attendees (store, meeting->id, 3, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

static Suite *
minutes_suite (void)
{
  Suite *s = suite_create ("minutes");
  TCase *tc = tcase_create ("minutes");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_start);
  tcase_add_test (tc, test_no_minutes);
  tcase_add_test (tc, test_note_and_decide);
  tcase_add_test (tc, test_held);
  tcase_add_test (tc, test_finalize_needs_people);
  tcase_add_test (tc, test_finalize_freezes);
  tcase_add_test (tc, test_amend);
  tcase_add_test (tc, test_final_pins_meeting);
  tcase_add_test (tc, test_readers);
  tcase_add_test (tc, test_decision_resolve);
  tcase_add_test (tc, test_signed_record);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (minutes_suite ());
}
