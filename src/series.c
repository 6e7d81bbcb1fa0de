/* rapat — a recurring series as a calendar sees it (domain layer). */
#include "series.h"
#include "store-import.h"
#include "recur.h"
#include "timeutil.h"

#include <string.h>

void
rapat_series_view_clear (RapatSeriesView *v)
{
  g_clear_pointer (&v->series, rapat_series_free);
  g_clear_pointer (&v->occurrences, g_ptr_array_unref);
  g_clear_pointer (&v->master, rapat_meeting_free);
  g_clear_pointer (&v->agenda, g_ptr_array_unref);
  g_clear_pointer (&v->attendees, g_ptr_array_unref);
  g_clear_pointer (&v->exdates, g_array_unref);
  v->template = NULL;
}

const RapatMeeting *
rapat_series_template (GPtrArray *occurrences)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      const RapatMeeting *o = occurrences->pdata[i];

      if (o->status != RAPAT_MEETING_CANCELLED && o->start_utc == o->recurrence_utc)
        return o;
    }
  return NULL;
}

GArray *
rapat_series_exdates (GArray *starts, GPtrArray *occurrences)
{
  g_autoptr(GHashTable) by_start = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *exdates = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < occurrences->len; i++)
    {
      RapatMeeting *o = occurrences->pdata[i];
      g_hash_table_insert (by_start, &o->recurrence_utc, o);
    }
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 *t = &g_array_index (starts, gint64, i);
      const RapatMeeting *o = g_hash_table_lookup (by_start, t);

      if (o == NULL || o->status == RAPAT_MEETING_CANCELLED)
        g_array_append_val (exdates, *t);
    }
  return exdates;
}

gboolean
rapat_series_differs (const RapatMeeting *o, const RapatMeeting *template)
{
  return o->start_utc != o->recurrence_utc
         || o->end_utc - o->start_utc != template->end_utc - template->start_utc
         || g_strcmp0 (o->tzid, template->tzid) != 0
         || g_strcmp0 (o->title, template->title) != 0
         || g_strcmp0 (o->kind, template->kind) != 0
         || g_strcmp0 (o->location, template->location) != 0
         || g_strcmp0 (o->url, template->url) != 0
         || g_strcmp0 (o->description, template->description) != 0
         || o->status != template->status || o->sequence != template->sequence
         || o->organizer_id != template->organizer_id;
}

/* Returns what of a meeting's invitations and agenda a calendar shows, as
 * one string to compare occurrences with: people with role, reply and
 * stand-in, then items with title, length, presenter, room and time from
 * the meeting's start (which parallel sessions set). */
static char *
shown_key (GPtrArray *attendees, GPtrArray *agenda)
{
  GString *s = g_string_new (NULL);
  gint64 first = agenda->len > 0 ? ((RapatAgendaItem *) agenda->pdata[0])->start_utc : 0;

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      g_string_append_printf (s, "%" G_GINT64_FORMAT "/%d/%d/%" G_GINT64_FORMAT ";", a->person_id,
                              a->role, a->rsvp, a->stand_in_id);
    }
  g_string_append_c (s, '|');
  for (guint i = 0; i < agenda->len; i++)
    {
      const RapatAgendaItem *it = agenda->pdata[i];
      g_string_append_printf (s, "%s/%d/%" G_GINT64_FORMAT "/%s/%" G_GINT64_FORMAT ";", it->title,
                              it->duration_min, it->presenter_id, it->room != NULL ? it->room : "",
                              it->start_utc - first);
    }
  return g_string_free (s, FALSE);
}

gboolean
rapat_series_shown_differs (GPtrArray *attendees_a, GPtrArray *agenda_a,
                            GPtrArray *attendees_b, GPtrArray *agenda_b)
{
  g_autofree char *a = shown_key (attendees_a, agenda_a);
  g_autofree char *b = shown_key (attendees_b, agenda_b);

  return strcmp (a, b) != 0;
}

void
rapat_series_master_fix (RapatMeeting *master, const RapatSeries *series,
                         const RapatMeeting *template, GPtrArray *occurrences)
{
  for (guint i = 0; i < occurrences->len; i++)
    if (((RapatMeeting *) occurrences->pdata[i])->status != RAPAT_MEETING_CANCELLED)
      {
        if (master->status == RAPAT_MEETING_CANCELLED)
          {
            master->status = RAPAT_MEETING_CONFIRMED;
            g_clear_pointer (&master->cancel_reason, g_free);
          }
        break;
      }
  master->start_utc = series->start_utc;
  master->end_utc = series->start_utc + (template->end_utc - template->start_utc);
  g_free (master->tzid);
  master->tzid = g_strdup (series->tzid);
}

guint
rapat_series_scheduled (const RapatSeriesView *v)
{
  guint scheduled = 0;

  for (guint i = 0; i < v->occurrences->len; i++)
    if (((RapatMeeting *) v->occurrences->pdata[i])->status != RAPAT_MEETING_CANCELLED)
      scheduled++;
  return scheduled;
}

/* Returns the starts (gint64) the rule of @series gives. */
static GArray *
series_starts (const RapatSeries *series, GError **error)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (series->tzid, NULL, error);

  if (tz == NULL)
    return NULL;
  return rapat_recur_expand (series->rrule, series->start_utc, tz, error);
}

gboolean
rapat_series_view_load (RapatStore *store, gint64 series_id, const RapatMeeting *fallback,
                        RapatSeriesView *v, GError **error)
{
  g_autoptr(GArray) starts = NULL;

  v->series = rapat_store_series_get (store, series_id, error);
  if (v->series == NULL)
    return FALSE;
  v->occurrences = rapat_store_series_meetings (store, series_id, error);
  starts = v->occurrences != NULL ? series_starts (v->series, error) : NULL;
  if (starts == NULL)
    return FALSE;
  v->template = rapat_series_template (v->occurrences);
  if (v->template == NULL)
    v->template = fallback;
  if (v->template == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("series %" PRId64 ": has no occurrence as scheduled to describe it"),
                   series_id);
      return FALSE;
    }
  v->exdates = rapat_series_exdates (starts, v->occurrences);
  /* A copy: the master's times and zone become the series'. */
  v->master = rapat_store_meeting_get (store, v->template->id, error);
  v->agenda = v->master != NULL ? rapat_store_agenda_list (store, v->master->id, error) : NULL;
  v->attendees = v->agenda != NULL ? rapat_store_attendee_list (store, v->master->id, error)
                                   : NULL;
  if (v->attendees == NULL)
    return FALSE;
  rapat_series_master_fix (v->master, v->series, v->template, v->occurrences);
  return TRUE;
}

GPtrArray *
rapat_series_exceptions (RapatStore *store, const RapatSeriesView *v, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *template_key = NULL;
  g_autofree char *template_imported = NULL;

  for (guint i = 0; i < v->occurrences->len; i++)
    {
      RapatMeeting *o = v->occurrences->pdata[i];
      g_autoptr(GPtrArray) attendees = NULL;
      g_autoptr(GPtrArray) agenda = NULL;
      g_autofree char *key = NULL;
      g_autofree char *imported = NULL;

      if (o == v->template || o->status == RAPAT_MEETING_CANCELLED)
        continue;
      if (rapat_series_differs (o, v->template))
        {
          g_ptr_array_add (out, o);
          continue;
        }
      /* Only an occurrence alike in every field costs the two lookups. */
      if (template_key == NULL)
        template_key = shown_key (v->attendees, v->agenda);
      attendees = rapat_store_attendee_list (store, o->id, error);
      agenda = attendees != NULL ? rapat_store_agenda_list (store, o->id, error) : NULL;
      if (agenda == NULL)
        return NULL;
      key = shown_key (attendees, agenda);
      if (strcmp (key, template_key) != 0)
        {
          g_ptr_array_add (out, o);
          continue;
        }
      /* What an imported occurrence brought from its calendar (people the
       * directory does not know, properties rapat does not model). */
      if (template_imported == NULL)
        template_imported = rapat_store_import_key (store, v->template->id, error);
      imported = template_imported != NULL ? rapat_store_import_key (store, o->id, error) : NULL;
      if (imported == NULL)
        return NULL;
      if (strcmp (imported, template_imported) != 0)
        g_ptr_array_add (out, o);
    }
  return g_steal_pointer (&out);
}

/* ---- zones ---- */

/* The zones a calendar's TZIDs name, each with the span it must cover. */
typedef struct {
  GHashTable *ranges;   /* name -> gint64[2] */
  GPtrArray *order;     /* the names, as met */
} ZoneSet;

/* Frees what @z holds. */
static void
zone_set_clear (ZoneSet *z)
{
  g_clear_pointer (&z->ranges, g_hash_table_unref);
  g_clear_pointer (&z->order, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZoneSet, zone_set_clear)

/* Starts @z empty. */
static void
zone_set_init (ZoneSet *z)
{
  z->ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  z->order = g_ptr_array_new ();
}

/* Widens the span of zone @tzid in @z to cover @from..@to.  UTC and fixed
 * offsets are kept too (they need no VTIMEZONE, but they count against
 * X-WR-TIMEZONE). */
static void
zone_cover (ZoneSet *z, const char *tzid, gint64 from, gint64 to)
{
  gint64 *range = g_hash_table_lookup (z->ranges, tzid);

  if (range == NULL)
    {
      char *key = g_strdup (tzid);

      range = g_new (gint64, 2);
      range[0] = from;
      range[1] = to;
      g_hash_table_insert (z->ranges, key, range);
      g_ptr_array_add (z->order, key);
    }
  range[0] = MIN (range[0], from);
  range[1] = MAX (range[1], to);
}

/* Widens @z over every start the rule of series @series_id gives (EXDATE
 * and RECURRENCE-ID name them, deleted occurrences' too) and, with
 * @occurrences, over each occurrence's own zone and time. */
static gboolean
zone_cover_series (ZoneSet *z, RapatStore *store, gint64 series_id, gboolean occurrences,
                   GError **error)
{
  g_autoptr(RapatSeries) series = rapat_store_series_get (store, series_id, error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) starts = NULL;

  if (series == NULL)
    return FALSE;
  if (occurrences && (all = rapat_store_series_meetings (store, series->id, error)) == NULL)
    return FALSE;
  starts = series_starts (series, error);
  if (starts == NULL)
    return FALSE;
  zone_cover (z, series->tzid, series->start_utc, series->start_utc + series->duration_s);
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);
      zone_cover (z, series->tzid, t, t + series->duration_s);
    }
  for (guint j = 0; all != NULL && j < all->len; j++)
    {
      const RapatMeeting *o = all->pdata[j];

      zone_cover (z, o->tzid, o->start_utc, o->end_utc);
      zone_cover (z, series->tzid, o->recurrence_utc, o->recurrence_utc + 1);
    }
  return TRUE;
}

/* Orders zone names (pointers in a GPtrArray) alphabetically. */
static int
compare_zone_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Returns the zones of @z (RapatZoneSpan), by name. */
static GArray *
zone_set_spans (ZoneSet *z)
{
  GArray *zones = g_array_new (FALSE, TRUE, sizeof (RapatZoneSpan));

  g_array_set_clear_func (zones, (GDestroyNotify) rapat_zone_span_clear);
  g_ptr_array_sort (z->order, compare_zone_names);
  for (guint i = 0; i < z->order->len; i++)
    {
      const gint64 *range = g_hash_table_lookup (z->ranges, z->order->pdata[i]);
      RapatZoneSpan span = { g_strdup (z->order->pdata[i]), range[0], range[1] };

      g_array_append_val (zones, span);
    }
  return zones;
}

GArray *
rapat_series_zones_of (RapatStore *store, GPtrArray *meetings, gboolean whole_series,
                       GError **error)
{
  g_auto(ZoneSet) z = { 0 };

  zone_set_init (&z);
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(RapatSeries) series = NULL;

      zone_cover (&z, m->tzid, m->start_utc, m->end_utc);
      if (m->series_id == 0)
        continue;
      if (whole_series)
        {
          if (!zone_cover_series (&z, store, m->series_id, TRUE, error))
            return NULL;
          continue;
        }
      series = rapat_store_series_get (store, m->series_id, error);
      if (series == NULL)
        return NULL;
      zone_cover (&z, series->tzid, m->recurrence_utc, m->recurrence_utc + 1);
    }
  return zone_set_spans (&z);
}

GArray *
rapat_series_zones_filtered (RapatStore *store, const RapatMeetingFilter *filter,
                             GError **error)
{
  g_autoptr(GArray) spans = rapat_store_meeting_zones (store, filter, error);
  g_autoptr(GArray) series = spans != NULL
    ? rapat_store_meeting_series_ids (store, filter, error) : NULL;
  g_auto(ZoneSet) z = { 0 };

  if (series == NULL)
    return NULL;
  if (series->len == 0)
    return g_steal_pointer (&spans);
  zone_set_init (&z);
  for (guint i = 0; i < spans->len; i++)
    {
      const RapatZoneSpan *span = &g_array_index (spans, RapatZoneSpan, i);
      zone_cover (&z, span->tzid, span->from_utc, span->to_utc);
    }
  /* The store has every occurrence's zone and time already; only the
   * rule's starts (a deleted last occurrence's EXDATE) are not stored. */
  for (guint i = 0; i < series->len; i++)
    if (!zone_cover_series (&z, store, g_array_index (series, gint64, i), FALSE, error))
      return NULL;
  return zone_set_spans (&z);
}
