/* rapat tests — a recurring series as a calendar sees it (src/series.c)
 * and as the calendar builder writes it (rapat_ics_write_series() and
 * rapat_ics_write_instance() in exports/export-ics.c).
 *
 * Each test builds a weekly series of four occurrences in a real ":memory:"
 * store, the way "meeting add --repeat" does (the rule expanded by libical,
 * occurrence uids derived from the series'), with the same values,
 * invitations and agenda in every occurrence but the third, which differs
 * in the one thing the test names.  The exception rule is tested once per
 * value it compares, so that leaving any one comparison out of it fails a
 * test; the calendar written from the series is read back with libical. */
#include "check-common.h"
#include "export-ics.h"
#include "recur.h"
#include "series.h"
#include "store.h"
#include "timeutil.h"

#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define HOUR 3600
/* 2025-09-08 09:00 WIT, a Monday: the series' first start. */
#define FIRST G_GINT64_CONSTANT (1757289600)
#define WEEK (7 * 24 * HOUR)
/* The "now" of the exports (DTSTAMP). */
#define NOW (FIRST - 2 * 24 * HOUR)
#define ZONE "Asia/Jayapura"

/* What makes the third occurrence differ from the others. */
typedef enum {
  SAME,
  MOVED,              /* starts an hour later than the rule says */
  LONGER,             /* ends half an hour later */
  ZONED,              /* in another zone, at the same instants */
  TITLED,
  KIND,
  LOCATION,
  LINK,
  DESCRIBED,
  TENTATIVE,
  SEQUENCED,
  ORGANIZER,
  INVITEE,            /* someone else invited */
  ROLE,               /* the same person in another role */
  REPLY,              /* the same person with another reply */
  STAND_IN,           /* the same person, represented */
  ITEM_TITLE,
  ITEM_LENGTH,
  ITEM_PRESENTER,
  ITEM_ROOM,
  ITEM_PARALLEL,      /* the second item alongside the first, not after it */
  N_CHANGES
} Change;

static const char *const change_names[] = {
  "same", "start", "length", "zone", "title", "kind", "location", "link", "description",
  "status", "sequence", "organizer", "invitee", "role", "reply", "stand-in", "item title",
  "item length", "item presenter", "item room", "item time",
};
G_STATIC_ASSERT (G_N_ELEMENTS (change_names) == N_CHANGES);

static struct {
  RapatStore *store;
  gint64 series_id;
  gint64 occ[4];         /* the occurrences' ids, by start */
  gint64 ani, budi, citra;
} fx;

static void
memory_setup (void)
{
  fx.store = rapat_test_store_open (":memory:");
}

static void
store_teardown (void)
{
  g_clear_pointer (&fx.store, rapat_store_free);
}

/* Inserts a person with an e-mail and returns their id. */
static gint64
add_person (const char *name, const char *email)
{
  g_autoptr(RapatUnit) u = rapat_unit_new ();
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  u->name = g_strdup_printf ("Unit %s", name);
  u->code = g_strdup_printf ("U-%s", name);
  ck_assert_msg (rapat_store_unit_insert (fx.store, u, &error), "unit: %s",
                 error != NULL ? error->message : "");
  p->name = g_strdup (name);
  p->unit_id = u->id;
  p->email = g_strdup (email);
  ck_assert_msg (rapat_store_person_insert (fx.store, p, &error), "person '%s': %s", name,
                 error != NULL ? error->message : "");
  return p->id;
}

/* Invites @person_id with @role and @rsvp. */
static void
invite (gint64 meeting_id, gint64 person_id, RapatRole role, RapatRsvp rsvp)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  GError *error = NULL;

  a->meeting_id = meeting_id;
  a->person_id = person_id;
  a->role = role;
  a->rsvp = rsvp;
  ck_assert_msg (rapat_store_attendee_insert (fx.store, a, &error), "invite: %s",
                 error != NULL ? error->message : "");
}

/* Appends an agenda item and returns its id. */
static gint64
add_item (gint64 meeting_id, const char *title, int minutes, gint64 presenter_id,
          const char *room, gint64 parallel_with)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  GError *error = NULL;

  item->meeting_id = meeting_id;
  item->title = g_strdup (title);
  item->duration_min = minutes;
  item->type = RAPAT_ITEM_DISCUSSION;
  item->presenter_id = presenter_id;
  item->room = g_strdup (room);
  item->parallel_with = parallel_with;
  ck_assert_msg (rapat_store_agenda_insert (fx.store, item, &error), "item '%s': %s", title,
                 error != NULL ? error->message : "");
  return item->id;
}

/* Makes @m, an occurrence as the rule gave it, differ by @change. */
static void
change_meeting (RapatMeeting *m, Change change)
{
  switch (change)
    {
    case MOVED: m->start_utc += HOUR; m->end_utc += HOUR; break;
    case LONGER: m->end_utc += HOUR / 2; break;
    case ZONED: g_free (m->tzid); m->tzid = g_strdup ("Asia/Makassar"); break;
    case TITLED: g_free (m->title); m->title = g_strdup ("Rapat mingguan khusus"); break;
    case KIND: g_free (m->kind); m->kind = g_strdup ("rakor"); break;
    case LOCATION: g_free (m->location); m->location = g_strdup ("Aula"); break;
    case LINK: g_free (m->url); m->url = g_strdup ("https://meet.example/lain"); break;
    case DESCRIBED: g_free (m->description); m->description = g_strdup ("Evaluasi"); break;
    case TENTATIVE: m->status = RAPAT_MEETING_TENTATIVE; break;
    case SEQUENCED: m->sequence = 1; break;
    case ORGANIZER: m->organizer_id = fx.citra; break;
    default: break;
    }
}

/* Gives occurrence @id its invitations and agenda, differing by @change. */
static void
fill_occurrence (gint64 id, Change change)
{
  gint64 first;

  invite (id, fx.ani, RAPAT_ROLE_CHAIR, RAPAT_RSVP_ACCEPTED);
  invite (id, change == INVITEE ? fx.citra : fx.budi,
          change == ROLE ? RAPAT_ROLE_OPTIONAL : RAPAT_ROLE_PARTICIPANT,
          change == REPLY ? RAPAT_RSVP_ACCEPTED : RAPAT_RSVP_NEEDS_ACTION);
  if (change == STAND_IN)
    {
      GError *error = NULL;
      g_autoptr(RapatAttendee) a = rapat_store_attendee_get (fx.store, id, fx.budi, &error);

      rapat_assert_no_error (error);
      a->attendance = RAPAT_ATTENDANCE_REPRESENTED;
      a->stand_in_id = fx.citra;
      ck_assert (rapat_store_attendee_update (fx.store, a, &error));
    }
  first = add_item (id, "Pembukaan", 10, fx.ani, NULL, 0);
  add_item (id, change == ITEM_TITLE ? "Laporan khusus" : "Laporan",
            change == ITEM_LENGTH ? 45 : 30, change == ITEM_PRESENTER ? fx.ani : fx.budi,
            change == ITEM_ROOM ? "Ruang 2" : NULL, change == ITEM_PARALLEL ? first : 0);
}

/* Builds the weekly series of four, its third occurrence differing by
 * @change, as "meeting add --repeat weekly --count 4" stores it. */
static void
build_series (Change change)
{
  g_autoptr(RapatSeries) series = g_new0 (RapatSeries, 1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (ZONE);
  g_autoptr(GArray) starts = NULL;
  GError *error = NULL;

  fx.ani = add_person ("Ani", "ani@example.org");
  fx.budi = add_person ("Budi", "budi@example.org");
  fx.citra = add_person ("Citra", "citra@example.org");
  series->rrule = rapat_recur_rule ("weekly", NULL, 4, tz, &error);
  rapat_assert_no_error (error);
  series->uid = g_strdup ("seri-1@rapat.test");
  series->start_utc = FIRST;
  series->duration_s = HOUR;
  series->tzid = g_strdup (ZONE);
  ck_assert (rapat_store_series_insert (fx.store, series, NOW, &error));
  fx.series_id = series->id;
  starts = rapat_recur_expand (series->rrule, FIRST, tz, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (starts->len, 4);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(RapatMeeting) m = rapat_meeting_new ();
      gint64 t = g_array_index (starts, gint64, i);

      m->uid = rapat_occurrence_uid (series->uid, t);
      m->title = g_strdup ("Rapat mingguan");
      m->kind = g_strdup ("rapat");
      m->tzid = g_strdup (ZONE);
      m->location = g_strdup ("Ruang 1");
      m->url = g_strdup ("https://meet.example/mingguan");
      m->description = g_strdup ("Laporan pekan ini");
      m->status = RAPAT_MEETING_CONFIRMED;
      m->organizer_id = fx.ani;
      m->start_utc = m->recurrence_utc = t;
      m->end_utc = t + HOUR;
      m->series_id = series->id;
      m->created_at = m->updated_at = NOW;
      if (i == 2)
        change_meeting (m, change);
      ck_assert_msg (rapat_store_meeting_insert (fx.store, m, &error), "occurrence: %s",
                     error != NULL ? error->message : "");
      fx.occ[i] = m->id;
      fill_occurrence (m->id, i == 2 ? change : SAME);
    }
}

/* Loads the series into @v. */
static void
load_view (RapatSeriesView *v)
{
  GError *error = NULL;

  ck_assert_msg (rapat_series_view_load (fx.store, fx.series_id, NULL, v, &error), "load: %s",
                 error != NULL ? error->message : "");
}

/* Returns the ids (gint64) of the occurrences written as instances. */
static GArray *
exception_ids (const RapatSeriesView *v)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) exceptions = rapat_series_exceptions (fx.store, v, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  rapat_assert_no_error (error);
  for (guint i = 0; i < exceptions->len; i++)
    g_array_append_val (ids, ((RapatMeeting *) exceptions->pdata[i])->id);
  return ids;
}

/* Writes the series @v with @method as the export does (zones, master,
 * exceptions with their own agenda and invitations) and returns the text. */
static char *
export_series (const RapatSeriesView *v, RapatIcsMethod method)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  g_autoptr(GPtrArray) exceptions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) differ = NULL;
  g_autoptr(GArray) zones = NULL;
  RapatIcsSeries s = { v->series, v->master, v->agenda, v->attendees, v->exdates, exceptions };
  GError *error = NULL;
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);
  RapatIcsWriter *w = rapat_ics_writer_new (fp, method, NULL, NOW);
  char *out;

  g_ptr_array_add (meetings, (gpointer) v->template);
  zones = rapat_series_zones_of (fx.store, meetings, TRUE, &error);
  rapat_assert_no_error (error);
  for (guint i = 0; i < zones->len; i++)
    {
      const RapatZoneSpan *z = &g_array_index (zones, RapatZoneSpan, i);
      ck_assert (rapat_ics_write_timezone (w, z->tzid, z->from_utc, z->to_utc, &error));
    }
  differ = rapat_series_exceptions (fx.store, v, &error);
  rapat_assert_no_error (error);
  for (guint i = 0; i < differ->len; i++)
    {
      RapatIcsOccurrence *o = g_new0 (RapatIcsOccurrence, 1);

      o->meeting = differ->pdata[i];
      o->agenda = rapat_store_agenda_list (fx.store, o->meeting->id, &error);
      o->attendees = rapat_store_attendee_list (fx.store, o->meeting->id, &error);
      rapat_assert_no_error (error);
      g_ptr_array_add (lists, o->agenda);
      g_ptr_array_add (lists, o->attendees);
      g_ptr_array_add (exceptions, o);
    }
  ck_assert_msg (rapat_ics_write_series (w, &s, &error), "write: %s",
                 error != NULL ? error->message : "");
  ck_assert (rapat_ics_writer_finish (w, &error));
  ck_assert_int_eq (fclose (fp), 0);
  out = g_strndup (buf, size);
  free (buf);
  return out;
}

/* Parses @ics with libical, failing on any complaint of its parser. */
static icalcomponent *
parse (const char *ics)
{
  icalcomponent *cal = icalparser_parse_string (ics);

  ck_assert_ptr_nonnull (cal);
  for (icalcomponent *c = icalcomponent_get_first_component (cal, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (cal, ICAL_ANY_COMPONENT))
    ck_assert_int_eq (icalcomponent_count_properties (c, ICAL_XLICERROR_PROPERTY), 0);
  return cal;
}

/* Returns the VEVENTs of @cal (not owned), in order. */
static GPtrArray *
events (icalcomponent *cal)
{
  GPtrArray *out = g_ptr_array_new ();

  for (icalcomponent *c = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (out, c);
  return out;
}

/* Returns "YYYYMMDDTHHMMSS" of @t in the series' zone, as RECURRENCE-ID
 * and EXDATE write it. */
static char *
local_stamp (gint64 t)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (ZONE);

  return rapat_time_format (t, tz, "%Y%m%dT%H%M%S");
}

/* Returns the value of property @kind of @c as text, or NULL. */
static char *
value_of (icalcomponent *c, icalproperty_kind kind)
{
  icalproperty *p = icalcomponent_get_first_property (c, kind);

  return p != NULL ? g_strdup (icalproperty_get_value_as_string (p)) : NULL;
}

/* ---- the exception rule, one value at a time ---- */

/* An occurrence differing from the others in any one value a calendar
 * shows is the one exception, written as an instance of the series with
 * RECURRENCE-ID its rule start and SEQUENCE the series' plus its own; an
 * occurrence alike in all of them is none. */
START_TEST (test_exception_rule)
{
  Change change = (Change) _i;
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *want = NULL;

  build_series (change);
  load_view (&v);
  ck_assert_int_eq (v.template->id, fx.occ[0]);
  ids = exception_ids (&v);
  ics = export_series (&v, RAPAT_ICS_PUBLISH);
  cal = parse (ics);
  evs = events (cal);
  if (change == SAME)
    {
      ck_assert_msg (ids->len == 0, "an occurrence like the others is an exception");
      ck_assert_uint_eq (evs->len, 1);
      return;
    }
  ck_assert_msg (ids->len == 1, "%s: %u exceptions, expected the changed occurrence",
                 change_names[change], ids->len);
  ck_assert_int_eq (g_array_index (ids, gint64, 0), fx.occ[2]);
  ck_assert_uint_eq (evs->len, 2);
  ck_assert_ptr_nonnull (icalcomponent_get_first_property (evs->pdata[0], ICAL_RRULE_PROPERTY));
  ck_assert_ptr_null (icalcomponent_get_first_property (evs->pdata[1], ICAL_RRULE_PROPERTY));
  ck_assert_str_eq (icalcomponent_get_uid (evs->pdata[1]), "seri-1@rapat.test");
  rid = value_of (evs->pdata[1], ICAL_RECURRENCEID_PROPERTY);
  want = local_stamp (FIRST + 2 * WEEK);
  ck_assert_str_eq (rid, want);
  ck_assert_int_eq (icalcomponent_get_sequence (evs->pdata[1]), change == SEQUENCED ? 1 : 0);
}
END_TEST

/* The pure rule agrees: rapat_series_differs() on the meeting values, and
 * rapat_series_shown_differs() on the invitations and agendas. */
START_TEST (test_rule_functions)
{
  Change change = (Change) _i;
  GError *error = NULL;
  g_autoptr(RapatMeeting) a = NULL;
  g_autoptr(RapatMeeting) b = NULL;
  g_autoptr(GPtrArray) att_a = NULL, att_b = NULL, ag_a = NULL, ag_b = NULL;
  gboolean meeting_change = change >= MOVED && change <= ORGANIZER;

  build_series (change);
  a = rapat_store_meeting_get (fx.store, fx.occ[1], &error);
  b = rapat_store_meeting_get (fx.store, fx.occ[2], &error);
  att_a = rapat_store_attendee_list (fx.store, fx.occ[1], &error);
  att_b = rapat_store_attendee_list (fx.store, fx.occ[2], &error);
  ag_a = rapat_store_agenda_list (fx.store, fx.occ[1], &error);
  ag_b = rapat_store_agenda_list (fx.store, fx.occ[2], &error);
  rapat_assert_no_error (error);
  ck_assert_msg (rapat_series_differs (b, a) == meeting_change, "%s", change_names[change]);
  ck_assert_msg (rapat_series_shown_differs (att_b, ag_b, att_a, ag_a)
                 == (change != SAME && !meeting_change), "%s", change_names[change]);
}
END_TEST

/* ---- cancelled and deleted occurrences, the template ---- */

/* Sets the status of occurrence @id. */
static void
set_status (gint64 id, RapatMeetingStatus status)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) m = rapat_store_meeting_get (fx.store, id, &error);

  rapat_assert_no_error (error);
  m->status = status;
  m->cancel_reason = status == RAPAT_MEETING_CANCELLED ? g_strdup ("Libur") : NULL;
  ck_assert (rapat_store_meeting_update (fx.store, m, &error));
}

/* Returns the EXDATE values of @ev, in order, joined by spaces. */
static char *
exdates_of (icalcomponent *ev)
{
  GString *s = g_string_new (NULL);

  for (icalproperty *p = icalcomponent_get_first_property (ev, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (ev, ICAL_EXDATE_PROPERTY))
    g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", icalproperty_get_value_as_string (p));
  return g_string_free (s, FALSE);
}

/* A cancelled occurrence is an EXDATE of the master, not an instance. */
START_TEST (test_cancelled_is_exdate)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ex = NULL;
  g_autofree char *want = NULL;

  build_series (SAME);
  set_status (fx.occ[2], RAPAT_MEETING_CANCELLED);
  load_view (&v);
  ics = export_series (&v, RAPAT_ICS_PUBLISH);
  cal = parse (ics);
  evs = events (cal);
  ck_assert_uint_eq (evs->len, 1);
  ex = exdates_of (evs->pdata[0]);
  want = local_stamp (FIRST + 2 * WEEK);
  ck_assert_str_eq (ex, want);
  ck_assert_int_eq (icalcomponent_get_status (evs->pdata[0]), ICAL_STATUS_CONFIRMED);
}
END_TEST

/* A deleted occurrence is an EXDATE too, the last one included, and the
 * zones cover its start. */
START_TEST (test_deleted_is_exdate)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  g_autoptr(GArray) zones = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ex = NULL;
  g_autofree char *want = NULL;
  GError *error = NULL;

  build_series (SAME);
  ck_assert (rapat_store_meeting_delete (fx.store, fx.occ[3], &error));
  load_view (&v);
  ics = export_series (&v, RAPAT_ICS_PUBLISH);
  cal = parse (ics);
  evs = events (cal);
  ck_assert_uint_eq (evs->len, 1);
  ex = exdates_of (evs->pdata[0]);
  want = local_stamp (FIRST + 3 * WEEK);
  ck_assert_str_eq (ex, want);
  g_ptr_array_add (meetings, (gpointer) v.template);
  zones = rapat_series_zones_of (fx.store, meetings, TRUE, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (zones->len, 1);
  ck_assert_int_eq (g_array_index (zones, RapatZoneSpan, 0).from_utc, FIRST);
  ck_assert_int_eq (g_array_index (zones, RapatZoneSpan, 0).to_utc, FIRST + 3 * WEEK + HOUR);
}
END_TEST

/* rapat_series_exdates() on values: a start without an occurrence, or
 * with a cancelled one, is left out; the others are not. */
START_TEST (test_exdates_values)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) occ = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
  g_autoptr(GArray) ex = NULL;

  for (int i = 0; i < 4; i++)
    {
      gint64 t = FIRST + i * WEEK;
      RapatMeeting *m = rapat_meeting_new ();

      g_array_append_val (starts, t);
      m->recurrence_utc = m->start_utc = t;
      m->status = i == 1 ? RAPAT_MEETING_CANCELLED : RAPAT_MEETING_CONFIRMED;
      if (i != 3)
        g_ptr_array_add (occ, m);
      else
        rapat_meeting_free (m);
    }
  ex = rapat_series_exdates (starts, occ);
  ck_assert_uint_eq (ex->len, 2);
  ck_assert_int_eq (g_array_index (ex, gint64, 0), FIRST + WEEK);
  ck_assert_int_eq (g_array_index (ex, gint64, 1), FIRST + 3 * WEEK);
}
END_TEST

/* The first occurrence cancelled: the master carries the second's values
 * at the rule's first start, confirmed, since the series is still on. */
START_TEST (test_template_skips_cancelled)
{
  g_auto(RapatSeriesView) v = { 0 };

  build_series (SAME);
  set_status (fx.occ[0], RAPAT_MEETING_CANCELLED);
  load_view (&v);
  ck_assert_int_eq (v.template->id, fx.occ[1]);
  ck_assert_int_eq (v.master->start_utc, FIRST);
  ck_assert_int_eq (v.master->end_utc, FIRST + HOUR);
  ck_assert_int_eq (v.master->status, RAPAT_MEETING_CONFIRMED);
  ck_assert_uint_eq (rapat_series_scheduled (&v), 3);
}
END_TEST

/* A moved first occurrence is no template either; the master keeps the
 * series' zone even when the template's is another. */
START_TEST (test_template_skips_moved)
{
  g_autoptr(GPtrArray) occ = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
  g_autoptr(RapatMeeting) master = rapat_meeting_new ();
  RapatSeries series = { .start_utc = FIRST, .tzid = (char *) ZONE };
  const RapatMeeting *t;

  for (int i = 0; i < 3; i++)
    {
      RapatMeeting *m = rapat_meeting_new ();

      m->recurrence_utc = m->start_utc = FIRST + i * WEEK;
      m->end_utc = m->start_utc + (i + 1) * HOUR;
      m->status = RAPAT_MEETING_CONFIRMED;
      if (i == 0)
        m->start_utc += HOUR;
      g_ptr_array_add (occ, m);
    }
  t = rapat_series_template (occ);
  ck_assert_ptr_eq (t, occ->pdata[1]);
  master->tzid = g_strdup ("Asia/Makassar");
  master->status = RAPAT_MEETING_CANCELLED;
  master->cancel_reason = g_strdup ("Libur");
  rapat_series_master_fix (master, &series, t, occ);
  ck_assert_int_eq (master->start_utc, FIRST);
  ck_assert_int_eq (master->end_utc, FIRST + 2 * HOUR);
  ck_assert_str_eq (master->tzid, ZONE);
  ck_assert_int_eq (master->status, RAPAT_MEETING_CONFIRMED);
  ck_assert_ptr_null (master->cancel_reason);
}
END_TEST

/* Every occurrence cancelled: the master stays cancelled. */
START_TEST (test_all_cancelled)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(RapatMeeting) first = NULL;
  GError *error = NULL;

  build_series (SAME);
  for (int i = 0; i < 4; i++)
    set_status (fx.occ[i], RAPAT_MEETING_CANCELLED);
  first = rapat_store_meeting_get (fx.store, fx.occ[0], &error);
  ck_assert (rapat_series_view_load (fx.store, fx.series_id, first, &v, &error));
  ck_assert_ptr_eq (v.template, first);
  ck_assert_int_eq (v.master->status, RAPAT_MEETING_CANCELLED);
  ck_assert_uint_eq (v.exdates->len, 4);
  ck_assert_uint_eq (rapat_series_scheduled (&v), 0);
}
END_TEST

/* Without a fallback, a series whose every occurrence is cancelled has
 * nothing to describe its master with: an error, not a crash. */
START_TEST (test_no_template)
{
  g_auto(RapatSeriesView) v = { 0 };
  GError *error = NULL;

  build_series (SAME);
  for (int i = 0; i < 4; i++)
    set_status (fx.occ[i], RAPAT_MEETING_CANCELLED);
  ck_assert (!rapat_series_view_load (fx.store, fx.series_id, NULL, &v, &error));
  rapat_assert_error (error, RAPAT_ERROR_NOT_FOUND);
}
END_TEST

/* ---- SEQUENCE, METHOD:CANCEL and a lone occurrence ---- */

/* The master carries the series' SEQUENCE and LAST-MODIFIED; an instance
 * the series' SEQUENCE plus its own. */
START_TEST (test_sequences)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autofree char *ics = NULL;

  build_series (SEQUENCED);
  load_view (&v);
  v.series->sequence = 3;
  v.series->updated_at = NOW + 60;
  ics = export_series (&v, RAPAT_ICS_PUBLISH);
  cal = parse (ics);
  evs = events (cal);
  ck_assert_uint_eq (evs->len, 2);
  ck_assert_int_eq (icalcomponent_get_sequence (evs->pdata[0]), 3);
  ck_assert_int_eq (icalcomponent_get_sequence (evs->pdata[1]), 4);
  ck_assert_ptr_nonnull (strstr (ics, "LAST-MODIFIED:20250906T000100Z\r\n"));
}
END_TEST

/* Under METHOD:CANCEL the series is its master alone, cancelled, one
 * SEQUENCE up (the database still holds it scheduled), exceptions or not. */
START_TEST (test_cancel_series)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autofree char *ics = NULL;

  build_series (TITLED);
  load_view (&v);
  v.series->sequence = 2;
  ics = export_series (&v, RAPAT_ICS_CANCEL);
  cal = parse (ics);
  ck_assert_int_eq (icalcomponent_get_method (cal), ICAL_METHOD_CANCEL);
  evs = events (cal);
  ck_assert_uint_eq (evs->len, 1);
  ck_assert_ptr_nonnull (icalcomponent_get_first_property (evs->pdata[0], ICAL_RRULE_PROPERTY));
  ck_assert_int_eq (icalcomponent_get_status (evs->pdata[0]), ICAL_STATUS_CANCELLED);
  ck_assert_int_eq (icalcomponent_get_sequence (evs->pdata[0]), 3);
}
END_TEST

/* Writes occurrence @id of the series alone with @method; returns the text. */
static char *
export_instance (const RapatSeriesView *v, gint64 id, RapatIcsMethod method)
{
  GError *error = NULL;
  g_autoptr(RapatMeeting) o = rapat_store_meeting_get (fx.store, id, &error);
  g_autoptr(GPtrArray) agenda = rapat_store_agenda_list (fx.store, id, &error);
  g_autoptr(GPtrArray) attendees = rapat_store_attendee_list (fx.store, id, &error);
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);
  RapatIcsWriter *w = rapat_ics_writer_new (fp, method, NULL, NOW);
  char *out;

  rapat_assert_no_error (error);
  ck_assert (rapat_ics_write_instance (w, v->series, o, agenda, attendees, &error));
  ck_assert (rapat_ics_writer_finish (w, &error));
  ck_assert_int_eq (fclose (fp), 0);
  out = g_strndup (buf, size);
  free (buf);
  return out;
}

/* An invitation to one occurrence is that instance alone: the series' UID,
 * RECURRENCE-ID, no rule, its own values. */
START_TEST (test_lone_occurrence)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *want = NULL;

  build_series (LOCATION);
  load_view (&v);
  v.series->sequence = 1;
  ics = export_instance (&v, fx.occ[2], RAPAT_ICS_REQUEST);
  cal = parse (ics);
  ck_assert_int_eq (icalcomponent_get_method (cal), ICAL_METHOD_REQUEST);
  evs = events (cal);
  ck_assert_uint_eq (evs->len, 1);
  ck_assert_str_eq (icalcomponent_get_uid (evs->pdata[0]), "seri-1@rapat.test");
  ck_assert_ptr_null (icalcomponent_get_first_property (evs->pdata[0], ICAL_RRULE_PROPERTY));
  ck_assert_str_eq (icalcomponent_get_location (evs->pdata[0]), "Aula");
  rid = value_of (evs->pdata[0], ICAL_RECURRENCEID_PROPERTY);
  want = local_stamp (FIRST + 2 * WEEK);
  ck_assert_str_eq (rid, want);
  ck_assert_int_eq (icalcomponent_get_sequence (evs->pdata[0]), 1);
  ck_assert_int_eq (icalcomponent_get_status (evs->pdata[0]), ICAL_STATUS_CONFIRMED);
}
END_TEST

/* A cancelled occurrence sent alone is a CANCELLED instance; it is
 * cancelled in the database already, so its SEQUENCE does not rise again. */
START_TEST (test_cancelled_instance)
{
  g_auto(RapatSeriesView) v = { 0 };
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) evs = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *want = NULL;

  build_series (SAME);
  set_status (fx.occ[1], RAPAT_MEETING_CANCELLED);
  load_view (&v);
  ics = export_instance (&v, fx.occ[1], RAPAT_ICS_CANCEL);
  cal = parse (ics);
  evs = events (cal);
  ck_assert_uint_eq (evs->len, 1);
  ck_assert_int_eq (icalcomponent_get_status (evs->pdata[0]), ICAL_STATUS_CANCELLED);
  ck_assert_int_eq (icalcomponent_get_sequence (evs->pdata[0]), 0);
  rid = value_of (evs->pdata[0], ICAL_RECURRENCEID_PROPERTY);
  want = local_stamp (FIRST + WEEK);
  ck_assert_str_eq (rid, want);
  ck_assert_ptr_nonnull (strstr (ics, "COMMENT:Libur\r\n"));
}
END_TEST

/* ---- uids ---- */

/* Derived uids keep the domain of the one they derive from. */
START_TEST (test_uid_derive)
{
  g_autofree char *a = rapat_uid_derive ("seri-1@rapat.test", "item-7");
  g_autofree char *b = rapat_uid_derive ("tanpa-domain", "x");
  g_autofree char *c = rapat_uid_derive ("a@b@c", "x");
  g_autofree char *d = rapat_occurrence_uid ("seri-1@rapat.test", FIRST);

  ck_assert_str_eq (a, "seri-1-item-7@rapat.test");
  ck_assert_str_eq (b, "tanpa-domain-x");
  ck_assert_str_eq (c, "a@b-x@c");
  ck_assert_str_eq (d, "seri-1-20250908T000000Z@rapat.test");
}
END_TEST

static Suite *
series_suite (void)
{
  Suite *s = suite_create ("series");
  TCase *tc = tcase_create ("exception rule");

  tcase_add_checked_fixture (tc, memory_setup, store_teardown);
  tcase_add_loop_test (tc, test_exception_rule, SAME, N_CHANGES);
  tcase_add_loop_test (tc, test_rule_functions, SAME, N_CHANGES);
  suite_add_tcase (s, tc);

  tc = tcase_create ("exdate and template");
  tcase_add_checked_fixture (tc, memory_setup, store_teardown);
  tcase_add_test (tc, test_cancelled_is_exdate);
  tcase_add_test (tc, test_deleted_is_exdate);
  tcase_add_test (tc, test_exdates_values);
  tcase_add_test (tc, test_template_skips_cancelled);
  tcase_add_test (tc, test_template_skips_moved);
  tcase_add_test (tc, test_all_cancelled);
  tcase_add_test (tc, test_no_template);
  suite_add_tcase (s, tc);

  tc = tcase_create ("builder");
  tcase_add_checked_fixture (tc, memory_setup, store_teardown);
  tcase_add_test (tc, test_sequences);
  tcase_add_test (tc, test_cancel_series);
  tcase_add_test (tc, test_lone_occurrence);
  tcase_add_test (tc, test_cancelled_instance);
  tcase_add_test (tc, test_uid_derive);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  int status = rapat_test_run (series_suite ());

  /* libical keeps the zones it loaded; let valgrind see them freed. */
  icaltimezone_free_builtin_timezones ();
  return status;
}
