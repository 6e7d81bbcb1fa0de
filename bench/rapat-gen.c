/* rapat-gen — builds a realistic, deterministic archive through rapat's own
 * store API, for benchmarks:
 *
 *   bench/rapat-gen --meetings N [--seed S] --db FILE
 *
 * About 60 units in a tree (an office, 5 regions, their units), 5,000
 * people, N meetings over the years from 2020 (weekdays, office hours, in
 * WIB/WITA/WIT), each with about 20 invitations (roles, replies and
 * attendance mixed, some stand-ins and late arrivals), about 8 agenda
 * items, and a few strategic issues and actions.  Everything is written in
 * one transaction with the store's prepared statements (its bulk path). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "timeutil.h"

#define N_REGIONS 5
#define UNITS_PER_REGION 11
#define N_PEOPLE 5000

static const char *const zones[] = { "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura" };
static const char *const kinds[] = { "rakor", "rapim", "rakernis", "evaluasi", "bimtek" };
static const char *const topics[] = {
  "Pembukaan", "Arahan pimpinan", "Laporan kinerja", "Isu strategis", "Diskusi",
  "Rehat", "Evaluasi target", "Rencana tindak lanjut", "Penutupan",
};

/* Prints a one-line error and exits 1. */
static void
die (GError *error)
{
  fprintf (stderr, "rapat-gen: error: %s\n", error != NULL ? error->message : "?");
  exit (1);
}

/* Returns a weighted choice 0..n-1 from @weights (summing to 100). */
static int
pick (GRand *rand, const int *weights, int n)
{
  int r = g_rand_int_range (rand, 0, 100);

  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

int
main (int argc, char **argv)
{
  gint64 n_meetings = 0, seed = 1;
  const char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapatStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 unit_ids[1 + N_REGIONS + N_REGIONS * UNITS_PER_REGION];
  gint64 *people;
  guint n_units = 0;
  gint64 issue_ids[8];
  gint64 now = 1767225600;   /* 2026-01-01, fixed so archives are identical */
  gint64 n_attendees = 0, n_items = 0, n_actions = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--meetings") == 0 && i + 1 < argc)
        n_meetings = g_ascii_strtoll (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        seed = g_ascii_strtoll (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        db = argv[++i];
      else
        {
          fprintf (stderr, "usage: rapat-gen --meetings N [--seed S] --db FILE\n");
          return 2;
        }
    }
  if (db == NULL || n_meetings <= 0)
    {
      fprintf (stderr, "usage: rapat-gen --meetings N [--seed S] --db FILE\n");
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) seed);
  store = rapat_store_open (db, &error);
  if (store == NULL || !rapat_store_begin (store, &error))
    die (error);

  /* Units: an office, its regions, their units. */
  for (int r = -1; r < N_REGIONS; r++)
    for (int u = -1; u < (r < 0 ? 0 : UNITS_PER_REGION); u++)
      {
        g_autoptr(RapatUnit) unit = rapat_unit_new ();

        if (r < 0)
          {
            unit->name = g_strdup ("Kantor Pusat");
            unit->code = g_strdup ("PUSAT");
          }
        else if (u < 0)
          {
            unit->name = g_strdup_printf ("Kantor Wilayah %d", r + 1);
            unit->code = g_strdup_printf ("KW%d", r + 1);
            unit->parent_id = unit_ids[0];
          }
        else
          {
            unit->name = g_strdup_printf ("UPT %d.%02d", r + 1, u + 1);
            unit->code = g_strdup_printf ("UPT%d%02d", r + 1, u + 1);
            unit->parent_id = unit_ids[1 + r * (UNITS_PER_REGION + 1)];
          }
        if (!rapat_store_unit_insert (store, unit, &error))
          die (error);
        unit_ids[n_units++] = unit->id;
      }

  people = g_new (gint64, N_PEOPLE);
  for (int i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(RapatPerson) p = rapat_person_new ();

      p->name = g_strdup_printf ("Pegawai %04d", i + 1);
      p->position = g_strdup (i % 60 == 0 ? "Kepala Unit" : "Staf");
      p->unit_id = unit_ids[i % n_units];
      if (i % 10 != 0)
        p->email = g_strdup_printf ("pegawai%04d@example.org", i + 1);
      if (!rapat_store_person_insert (store, p, &error))
        die (error);
      people[i] = p->id;
    }

  for (guint i = 0; i < G_N_ELEMENTS (issue_ids); i++)
    {
      g_autoptr(RapatIssue) issue = rapat_issue_new ();

      issue->title = g_strdup_printf ("Isu strategis %u", i + 1);
      issue->category = g_strdup (i % 2 == 0 ? "keamanan" : "pembinaan");
      issue->unit_id = unit_ids[0];
      issue->created_at = now;
      if (!rapat_store_issue_insert (store, issue, &error))
        die (error);
      issue_ids[i] = issue->id;
    }

  for (gint64 k = 0; k < n_meetings; k++)
    {
      static const int role_w[] = { 5, 10, 75, 5, 5 };
      static const int rsvp_w[] = { 10, 75, 8, 7 };
      static const int att_w[] = { 70, 6, 6, 4, 6, 4 };
      g_autoptr(RapatMeeting) m = rapat_meeting_new ();
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GDateTime) day = NULL;
      g_autoptr(GDateTime) start = NULL;
      const char *zone = zones[k % G_N_ELEMENTS (zones)];
      /* Spread over about 6 years of weekdays, several meetings a day. */
      int day_index = (int) (k * 2190 / MAX (n_meetings, 1));
      int n_att = 16 + g_rand_int_range (rand, 0, 9);
      int n_agenda = 6 + g_rand_int_range (rand, 0, 5);
      int base = g_rand_int_range (rand, 0, N_PEOPLE - 40);
      gint64 t;

      tz = rapat_time_zone_load (zone, NULL, &error);
      day = g_date_time_new (tz, 2020, 1, 1, 8 + g_rand_int_range (rand, 0, 7), 0, 0);
      start = g_date_time_add_days (day, day_index);
      m->uid = g_strdup_printf ("bench-%" G_GINT64_FORMAT "@rapat.bench", k + 1);
      m->title = g_strdup_printf ("Rapat %s %" G_GINT64_FORMAT, kinds[k % G_N_ELEMENTS (kinds)], k + 1);
      m->kind = g_strdup (kinds[k % G_N_ELEMENTS (kinds)]);
      m->description = g_strdup ("Rapat rutin: laporan, isu strategis dan tindak lanjut.");
      m->location = g_strdup_printf ("Aula %d", g_rand_int_range (rand, 1, 40));
      m->start_utc = g_date_time_to_unix (start);
      m->end_utc = m->start_utc + 60 * (60 + 30 * g_rand_int_range (rand, 0, 6));
      m->tzid = g_strdup (zone);
      m->status = g_rand_int_range (rand, 0, 50) == 0 ? RAPAT_MEETING_CANCELLED : RAPAT_MEETING_CONFIRMED;
      m->organizer_id = people[base];
      m->created_at = m->updated_at = now;
      if (!rapat_store_meeting_insert (store, m, &error))
        die (error);

      t = m->start_utc;
      for (int i = 0; i < n_agenda; i++)
        {
          g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();

          item->meeting_id = m->id;
          item->title = g_strdup (topics[i % G_N_ELEMENTS (topics)]);
          item->duration_min = 10 + 5 * g_rand_int_range (rand, 0, 6);
          item->presenter_id = people[base + i];
          item->type = i == 0 ? RAPAT_ITEM_OPENING : RAPAT_ITEM_DISCUSSION;
          if (!rapat_store_agenda_insert (store, item, &error))
            die (error);
          n_items++;
        }

      for (int i = 0; i < n_att; i++)
        {
          g_autoptr(RapatAttendee) a = rapat_attendee_new ();

          a->meeting_id = m->id;
          a->person_id = people[base + i];
          a->role = pick (rand, role_w, 5);
          a->rsvp = pick (rand, rsvp_w, 4);
          if (m->status != RAPAT_MEETING_CANCELLED)
            {
              a->attendance = pick (rand, att_w, 6);
              if (a->attendance == RAPAT_ATTENDANCE_PRESENT)
                a->arrived_utc = t - 600 + 60 * g_rand_int_range (rand, 0, 25);
              if (a->attendance == RAPAT_ATTENDANCE_REPRESENTED)
                a->stand_in_id = people[(base + 30 + i) % N_PEOPLE];
            }
          if (!rapat_store_attendee_insert (store, a, &error))
            die (error);
          n_attendees++;
        }

      if (k % 10 == 0)
        {
          g_autoptr(RapatAction) a = rapat_action_new ();

          a->uid = g_strdup_printf ("bench-action-%" G_GINT64_FORMAT "@rapat.bench", k + 1);
          a->title = g_strdup_printf ("Tindak lanjut rapat %" G_GINT64_FORMAT, k + 1);
          a->owner_person_id = people[base + 1];
          a->meeting_id = m->id;
          a->issue_id = issue_ids[k % G_N_ELEMENTS (issue_ids)];
          a->due = rapat_time_format (m->start_utc + 14 * 86400, tz, "%Y-%m-%d");
          a->status = g_rand_int_range (rand, 0, 3) == 0 ? RAPAT_ACTION_OPEN : RAPAT_ACTION_DONE;
          a->progress = a->status == RAPAT_ACTION_DONE ? 100 : 0;
          a->done_at = a->status == RAPAT_ACTION_DONE ? m->end_utc + 86400 : 0;
          a->created_at = a->updated_at = m->end_utc;
          if (!rapat_store_action_insert (store, a, &error))
            die (error);
          n_actions++;
        }
    }
  if (!rapat_store_commit (store, &error))
    die (error);
  rapat_store_optimize (store);
  g_free (people);
  fprintf (stderr, "rapat-gen: %" G_GINT64_FORMAT " meetings, %" G_GINT64_FORMAT
           " invitations, %" G_GINT64_FORMAT " agenda items, %" G_GINT64_FORMAT " actions, %d people, %u units\n",
           n_meetings, n_attendees, n_items, n_actions, N_PEOPLE, n_units);
  return 0;
}
