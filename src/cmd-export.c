/* rapat — "rapat export": iCalendar files for calendar apps (cli layer). */
#include "cmd.h"
#include "export-ics.h"
#include "ical.h"
#include "output.h"
#include "present.h"
#include "recur.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


typedef struct {
  char **meetings;
  char *from;
  char *to;
  char *tz;
  char *kind;
  char *method;
  char *output;
  char *name;
  char *refresh;
  char **alarms;
  gboolean sessions;
  gboolean actions;
  gboolean series;
  gboolean no_cancelled;
} ExportOptions;

static const RapatOption ics_entries[] = {
  { "meeting", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (ExportOptions, meetings), N_("Export this meeting (repeatable)"), N_("MEETING"), NULL },
  { "from", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, from), N_("Meetings on or after this day, YYYY-MM-DD"), N_("DATE"), NULL },
  { "to", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, to), N_("Meetings on or before this day, YYYY-MM-DD"), N_("DATE"), NULL },
  { "tz", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, tz), N_("Zone the days are counted in (default: the system's)"), N_("ZONE"), NULL },
  { "kind", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, kind), N_("Only meetings of this kind"), N_("KIND"), NULL },
  { "method", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, method), N_("publish (default), request (an invitation) or cancel"), N_("METHOD"), NULL },
  { "series", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, series), N_("With request or cancel: the whole series of the occurrence given, not the occurrence alone"), NULL, NULL },
  { "sessions", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, sessions), N_("Also each agenda item as an event of its own"), NULL, NULL },
  { "actions", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, actions), N_("Also the meetings' action items, as to-dos"), NULL, NULL },
  { "no-cancelled", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, no_cancelled), N_("Leave cancelled meetings out"), NULL, NULL },
  { "name", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, name), N_("Calendar name (default: the organisation's, or rapat)"), N_("TEXT"), NULL },
  { "refresh", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, refresh), N_("For a subscribed feed: how often apps should reload it, e.g. 1h"), N_("LENGTH"), NULL },
  { "alarm", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (ExportOptions, alarms), N_("A reminder this long before each meeting, e.g. 1d or 30m (repeatable)"), N_("LENGTH"), NULL },
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (ExportOptions, output), N_("Write to FILE instead of standard output"), N_("FILE"), NULL },
  RAPAT_OPT_END,
};

/* Longest reminder lead and feed refresh interval: four weeks. */
#define MAX_LEAD_SECONDS (28 * 86400)

/* Parses a length such as "1d", "2h30m", "30m" or "1w" (weeks, days, hours,
 * minutes, each at most once and in that order) into seconds, from one
 * minute to four weeks. */
static gboolean
parse_lead (const char *what, const char *text, gint64 *out, GError **error)
{
  static const char units[] = "wdhm";
  static const gint64 seconds[] = { 7 * 86400, 86400, 3600, 60 };
  const char *p = text;
  gint64 total = 0;
  int next = 0;

  while (*p != '\0')
    {
      gint64 n = 0;
      const char *u;
      int digits = 0;

      while (g_ascii_isdigit (*p) && digits < 6)
        n = n * 10 + (*p++ - '0'), digits++;
      u = *p != '\0' ? strchr (units + next, *p) : NULL;
      if (digits == 0 || u == NULL)
        break;
      total += n * seconds[u - units];
      next = (int) (u - units) + 1;
      p++;
    }
  if (*p != '\0' || total < 60 || total > MAX_LEAD_SECONDS)
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': expected a length from 1m to 4w such as 30m, 2h, 1d or 1d12h"),
                   what, ex);
      return FALSE;
    }
  *out = total;
  return TRUE;
}

/* Collects the --meeting meetings, each once. */
static GPtrArray *
named_meetings (RapatCmdContext *ctx, GError **error)
{
  const ExportOptions *opt = ctx->options;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (char **name = opt->meetings; *name != NULL; name++)
    {
      RapatMeeting *meeting;
      gint64 id;

      if (!rapat_store_meeting_resolve (ctx->store, *name, &id, error))
        return NULL;
      meeting = rapat_store_meeting_get (ctx->store, id, error);
      if (meeting == NULL)
        return NULL;
      if (g_hash_table_contains (seen, &meeting->id)
          || (opt->no_cancelled && meeting->status == RAPAT_MEETING_CANCELLED))
        {
          rapat_meeting_free (meeting);
          continue;
        }
      g_hash_table_add (seen, &meeting->id);
      g_ptr_array_add (out, meeting);
    }
  return g_steal_pointer (&out);
}

/* Fills @filter from --from, --to, --tz and --kind. */
static gboolean
range_filter (RapatCmdContext *ctx, RapatMeetingFilter *filter, GError **error)
{
  const ExportOptions *opt = ctx->options;
  filter->status = -1;
  if (!rapat_cmd_day_range (ctx, opt->from, opt->to, opt->tz, &filter->from_utc, &filter->to_utc, error))
    return FALSE;
  filter->kind = opt->kind;
  return TRUE;
}

/* Checks that an iTIP message (REQUEST or CANCEL) can be made of @meetings:
 * one meeting, with an organizer who can receive the replies (an e-mail
 * address) and at least one attendee (RFC 5546 3.2.2 and 3.2.5). */
static gboolean
check_invitation (RapatCmdContext *ctx, RapatIcsMethod method, GPtrArray *meetings,
                  GError **error)
{
  const ExportOptions *opt = ctx->options;
  g_autoptr(GPtrArray) attendees = NULL;
  const RapatMeeting *m;

  if (opt->sessions || opt->actions)
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--sessions and --actions go with a published calendar, not an invitation"));
      return FALSE;
    }
  if (meetings->len != 1)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("method '%s': an invitation is about one meeting, and %u are selected; give one --meeting"),
                   opt->method, meetings->len);
      return FALSE;
    }
  m = meetings->pdata[0];
  if (m->organizer_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': has no organizer, which an invitation needs (meeting edit --organizer)"),
                   m->title);
      return FALSE;
    }
  if (m->organizer_email == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': its organizer %s has no e-mail, so replies would have nowhere to go (person edit '%s' --email ADDRESS)"),
                   m->title, m->organizer_name, m->organizer_name);
      return FALSE;
    }
  attendees = rapat_store_attendee_list (ctx->store, m->id, error);
  if (attendees == NULL)
    return FALSE;
  if (attendees->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': has no attendees, and an invitation must be addressed to someone (attendee add)"),
                   m->title);
      return FALSE;
    }
  if (opt->series && m->series_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("meeting '%s': is not an occurrence of a series; leave out --series"), m->title);
      return FALSE;
    }
  if (method == RAPAT_ICS_CANCEL && m->status != RAPAT_MEETING_CANCELLED && !opt->series)
    g_printerr (_("rapat: warning: meeting '%s' is not cancelled in the database; run 'rapat meeting cancel' too, so that later changes carry a higher sequence\n"),
                m->title);
  return TRUE;
}

/* Widens the span of zone @tzid in @ranges (name -> gint64[2]) to cover
 * @from..@to; @order keeps the names met.  UTC and fixed offsets are kept
 * too (they need no VTIMEZONE, but they count against X-WR-TIMEZONE). */
static void
zone_cover (GHashTable *ranges, GPtrArray *order, const char *tzid, gint64 from, gint64 to)
{
  gint64 *range = g_hash_table_lookup (ranges, tzid);

  if (range == NULL)
    {
      char *key = g_strdup (tzid);

      range = g_new (gint64, 2);
      range[0] = from;
      range[1] = to;
      g_hash_table_insert (ranges, key, range);
      g_ptr_array_add (order, key);
    }
  range[0] = MIN (range[0], from);
  range[1] = MAX (range[1], to);
}

/* Orders zone names (pointers in a GPtrArray) alphabetically. */
static int
compare_zone_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

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

/* Widens @z to cover series @series_id whole: its zone over every start
 * its rule gives (EXDATE and RECURRENCE-ID name them, deleted occurrences'
 * too), and each occurrence's own zone over its time. */
static gboolean
zone_set_add_series (RapatCmdContext *ctx, ZoneSet *z, gint64 series_id, GError **error)
{
  g_autoptr(RapatSeries) series = rapat_store_series_get (ctx->store, series_id, error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) starts = NULL;

  if (series == NULL)
    return FALSE;
  all = rapat_store_series_meetings (ctx->store, series->id, error);
  tz = all != NULL ? rapat_time_zone_load (series->tzid, NULL, error) : NULL;
  starts = tz != NULL ? rapat_recur_expand (series->rrule, series->start_utc, tz, error) : NULL;
  if (starts == NULL)
    return FALSE;
  zone_cover (z->ranges, z->order, series->tzid, series->start_utc,
              series->start_utc + series->duration_s);
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);
      zone_cover (z->ranges, z->order, series->tzid, t, t + series->duration_s);
    }
  for (guint j = 0; j < all->len; j++)
    {
      const RapatMeeting *o = all->pdata[j];

      zone_cover (z->ranges, z->order, o->tzid, o->start_utc, o->end_utc);
      zone_cover (z->ranges, z->order, series->tzid, o->recurrence_utc, o->recurrence_utc + 1);
    }
  return TRUE;
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

/* Returns the zones (RapatZoneSpan) every TZID of @meetings will name,
 * with their spans: each meeting's own and, for an occurrence of a series,
 * the series' zone (RECURRENCE-ID) and, when the whole series is written,
 * everything zone_set_add_series() covers. */
static GArray *
named_zones (RapatCmdContext *ctx, GPtrArray *meetings, gboolean whole_series, GError **error)
{
  g_auto(ZoneSet) z = { 0 };

  zone_set_init (&z);
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(RapatSeries) series = NULL;

      zone_cover (z.ranges, z.order, m->tzid, m->start_utc, m->end_utc);
      if (m->series_id == 0)
        continue;
      if (whole_series)
        {
          if (!zone_set_add_series (ctx, &z, m->series_id, error))
            return NULL;
          continue;
        }
      series = rapat_store_series_get (ctx->store, m->series_id, error);
      if (series == NULL)
        return NULL;
      zone_cover (z.ranges, z.order, series->tzid, m->recurrence_utc, m->recurrence_utc + 1);
    }
  return zone_set_spans (&z);
}

/* Returns the zones of the meetings @filter selects: from one SQL query,
 * widened in C over the whole of every series they touch (a rule's starts
 * are not in the database). */
static GArray *
filter_zones (RapatCmdContext *ctx, const RapatMeetingFilter *filter, GError **error)
{
  g_autoptr(GArray) spans = rapat_store_meeting_zones (ctx->store, filter, error);
  g_autoptr(GArray) series = spans != NULL
    ? rapat_store_meeting_series_ids (ctx->store, filter, error) : NULL;
  g_auto(ZoneSet) z = { 0 };

  if (series == NULL)
    return NULL;
  if (series->len == 0)
    return g_steal_pointer (&spans);
  zone_set_init (&z);
  for (guint i = 0; i < spans->len; i++)
    {
      const RapatZoneSpan *span = &g_array_index (spans, RapatZoneSpan, i);
      zone_cover (z.ranges, z.order, span->tzid, span->from_utc, span->to_utc);
    }
  for (guint i = 0; i < series->len; i++)
    if (!zone_set_add_series (ctx, &z, g_array_index (series, gint64, i), error))
      return NULL;
  return zone_set_spans (&z);
}

/* Returns what of meeting @id's invitations and agenda a calendar shows, as
 * one string to compare occurrences with: people with role, reply and
 * stand-in, then item titles with lengths. */
static char *
shown_people_and_agenda (RapatCmdContext *ctx, gint64 id, GError **error)
{
  g_autoptr(GPtrArray) attendees = rapat_store_attendee_list (ctx->store, id, error);
  g_autoptr(GPtrArray) agenda = attendees != NULL ? rapat_store_agenda_list (ctx->store, id, error)
                                                  : NULL;
  GString *s;

  if (agenda == NULL)
    return NULL;
  s = g_string_new (NULL);
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
      /* The room and the time from the meeting's start (which parallel
       * sessions set) show in DESCRIPTION too. */
      g_string_append_printf (s, "%s/%d/%" G_GINT64_FORMAT "/%s/%" G_GINT64_FORMAT ";", it->title,
                              it->duration_min, it->presenter_id, it->room != NULL ? it->room : "",
                              it->start_utc - (agenda->len > 0 ? ((RapatAgendaItem *) agenda->pdata[0])->start_utc : 0));
    }
  return g_string_free (s, FALSE);
}

/* TRUE when occurrence @o differs from the series' @template in what a
 * calendar shows (time, zone, title, kind, place, link, description,
 * status, organizer, invitations or agenda), so it needs an exception of
 * its own.
 * @template_shown is shown_people_and_agenda() of the template. */
static gboolean
is_exception (RapatCmdContext *ctx, const RapatMeeting *o, const RapatMeeting *template,
              const char *template_shown, gboolean *exception, GError **error)
{
  g_autofree char *shown = NULL;

  *exception = o->start_utc != o->recurrence_utc
               || o->end_utc - o->start_utc != template->end_utc - template->start_utc
               || g_strcmp0 (o->tzid, template->tzid) != 0
               || g_strcmp0 (o->title, template->title) != 0
               || g_strcmp0 (o->kind, template->kind) != 0
               || g_strcmp0 (o->location, template->location) != 0
               || g_strcmp0 (o->url, template->url) != 0
               || g_strcmp0 (o->description, template->description) != 0
               || o->status != template->status || o->sequence != template->sequence
               || o->organizer_id != template->organizer_id;
  if (*exception)
    return TRUE;
  shown = shown_people_and_agenda (ctx, o->id, error);
  if (shown == NULL)
    return FALSE;
  *exception = g_strcmp0 (shown, template_shown) != 0;
  return TRUE;
}

/* A series as a calendar sees it: the rule, its master event's values,
 * and the occurrences that became exceptions. */
typedef struct {
  RapatSeries *series;
  GPtrArray *occurrences;       /* RapatMeeting, by the start the rule gave them */
  const RapatMeeting *template; /* the occurrence whose values the master carries */
  RapatMeeting *master;         /* the template's values at the series' first start */
  GPtrArray *agenda;            /* the template's */
  GPtrArray *attendees;
  GArray *exdates;              /* starts (gint64) of occurrences cancelled or deleted */
} SeriesView;

/* Frees what @v holds. */
static void
series_view_clear (SeriesView *v)
{
  g_clear_pointer (&v->series, rapat_series_free);
  g_clear_pointer (&v->occurrences, g_ptr_array_unref);
  g_clear_pointer (&v->master, rapat_meeting_free);
  g_clear_pointer (&v->agenda, g_ptr_array_unref);
  g_clear_pointer (&v->attendees, g_ptr_array_unref);
  g_clear_pointer (&v->exdates, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SeriesView, series_view_clear)

/* Loads series @series_id into @v (zeroed).  The master carries the values
 * of the first occurrence still as scheduled (or of @fallback), the rule's
 * first start, and EXDATE for every start of the rule whose occurrence was
 * cancelled or deleted. */
static gboolean
series_view_load (RapatCmdContext *ctx, gint64 series_id, const RapatMeeting *fallback,
                  SeriesView *v, GError **error)
{
  g_autoptr(GHashTable) by_start = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) expected = NULL;

  v->series = rapat_store_series_get (ctx->store, series_id, error);
  if (v->series == NULL)
    return FALSE;
  v->occurrences = rapat_store_series_meetings (ctx->store, series_id, error);
  tz = rapat_time_zone_load (v->series->tzid, NULL, error);
  if (v->occurrences == NULL || tz == NULL)
    return FALSE;
  expected = rapat_recur_expand (v->series->rrule, v->series->start_utc, tz, error);
  if (expected == NULL)
    return FALSE;
  for (guint i = 0; i < v->occurrences->len; i++)
    {
      RapatMeeting *o = v->occurrences->pdata[i];

      g_hash_table_insert (by_start, &o->recurrence_utc, o);
      if (v->template == NULL && o->status != RAPAT_MEETING_CANCELLED
          && o->start_utc == o->recurrence_utc)
        v->template = o;
    }
  if (v->template == NULL)
    v->template = fallback;
  v->exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < expected->len; i++)
    {
      gint64 *t = &g_array_index (expected, gint64, i);
      const RapatMeeting *o = g_hash_table_lookup (by_start, t);

      if (o == NULL || o->status == RAPAT_MEETING_CANCELLED)
        g_array_append_val (v->exdates, *t);
    }
  v->master = rapat_store_meeting_get (ctx->store, v->template->id, error);
  v->agenda = v->master != NULL ? rapat_store_agenda_list (ctx->store, v->master->id, error) : NULL;
  v->attendees = v->agenda != NULL ? rapat_store_attendee_list (ctx->store, v->master->id, error)
                                   : NULL;
  if (v->attendees == NULL)
    return FALSE;
  /* The series is on while any occurrence is: a template that had to be a
   * cancelled occurrence does not cancel the master (nor decide whether a
   * cancellation of the series outranks its invitation). */
  for (guint i = 0; i < v->occurrences->len; i++)
    if (((RapatMeeting *) v->occurrences->pdata[i])->status != RAPAT_MEETING_CANCELLED)
      {
        if (v->master->status == RAPAT_MEETING_CANCELLED)
          {
            v->master->status = RAPAT_MEETING_CONFIRMED;
            g_clear_pointer (&v->master->cancel_reason, g_free);
          }
        break;
      }
  v->master->start_utc = v->series->start_utc;
  v->master->end_utc = v->series->start_utc + (v->template->end_utc - v->template->start_utc);
  /* The master's zone is the series': the rule is expanded in it. */
  g_free (v->master->tzid);
  v->master->tzid = g_strdup (v->series->tzid);
  return TRUE;
}

/* What export_meeting() needs while the meetings stream past. */
typedef struct {
  RapatCmdContext *ctx;
  RapatIcsWriter *w;
  GHashTable *series_done;   /* ids (owned copies) of the series already written */
  RapatIcsMethod method;
} Export;

/* Writes occurrence @o of series @v as one instance of it (RECURRENCE-ID):
 * the way to invite to, change or cancel one occurrence alone.  Its
 * SEQUENCE is the series' plus its own, so that it outranks both. */
static gboolean
write_instance (Export *e, const SeriesView *v, const RapatMeeting *o, GError **error)
{
  g_autoptr(GPtrArray) agenda = rapat_store_agenda_list (e->ctx->store, o->id, error);
  g_autoptr(GPtrArray) attendees = agenda != NULL
    ? rapat_store_attendee_list (e->ctx->store, o->id, error) : NULL;
  RapatIcsRecurrence r = { v->series->uid, NULL, NULL, o->recurrence_utc, v->series->tzid,
                           v->series->sequence + o->sequence, 0 };

  return attendees != NULL && rapat_ics_write_recurring (e->w, o, agenda, attendees, &r, error);
}

/* Writes the actions raised in meeting @m, RELATED-TO @related_uid. */
static gboolean
write_actions (Export *e, const RapatMeeting *m, const char *related_uid, GError **error)
{
  g_autoptr(GPtrArray) actions = rapat_store_meeting_actions (e->ctx->store, m->id, error);

  if (actions == NULL)
    return FALSE;
  for (guint j = 0; j < actions->len; j++)
    if (!rapat_ics_write_action (e->w, actions->pdata[j], m, related_uid, error))
      return FALSE;
  return TRUE;
}

/* Writes the whole series @v: a master event with the rule and EXDATEs,
 * and an instance for each occurrence moved or changed; with --sessions and
 * --actions, every occurrence's sessions and actions, RELATED-TO the
 * series.  Under METHOD:CANCEL, the master alone, cancelled. */
static gboolean
write_series (Export *e, const SeriesView *v, GError **error)
{
  const ExportOptions *opt = e->ctx->options;
  g_autofree char *template_shown = NULL;
  RapatIcsRecurrence r = { v->series->uid, v->series->rrule, v->exdates, 0, v->series->tzid,
                           v->series->sequence, v->series->updated_at };

  if (!rapat_ics_write_recurring (e->w, v->master, v->agenda, v->attendees, &r, error))
    return FALSE;
  if (e->method == RAPAT_ICS_CANCEL)
    return TRUE;
  template_shown = shown_people_and_agenda (e->ctx, v->template->id, error);
  if (template_shown == NULL)
    return FALSE;
  for (guint i = 0; i < v->occurrences->len; i++)
    {
      const RapatMeeting *o = v->occurrences->pdata[i];
      gboolean exception;

      if (o == v->template || o->status == RAPAT_MEETING_CANCELLED)
        continue;
      if (!is_exception (e->ctx, o, v->template, template_shown, &exception, error))
        return FALSE;
      if (exception && !write_instance (e, v, o, error))
        return FALSE;
    }
  for (guint i = 0; (opt->sessions || opt->actions) && i < v->occurrences->len; i++)
    {
      const RapatMeeting *o = v->occurrences->pdata[i];
      g_autoptr(GPtrArray) agenda = NULL;

      if (opt->no_cancelled && o->status == RAPAT_MEETING_CANCELLED)
        continue;
      if (opt->sessions)
        {
          agenda = rapat_store_agenda_list (e->ctx->store, o->id, error);
          if (agenda == NULL || !rapat_ics_write_sessions (e->w, o, agenda, v->series->uid, error))
            return FALSE;
        }
      if (opt->actions && !write_actions (e, o, v->series->uid, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes one meeting (or its whole series, once) with its @agenda and
 * @attendees and, with --sessions and --actions, its sessions and the
 * actions it raised.  A RapatMeetingFullFunc. */
static gboolean
export_meeting (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees, gpointer data,
                GError **error)
{
  Export *e = data;
  const ExportOptions *opt = e->ctx->options;

  if (opt->no_cancelled && m->status == RAPAT_MEETING_CANCELLED)
    return TRUE;
  if (m->series_id != 0)
    {
      g_auto(SeriesView) v = { 0 };

      if (g_hash_table_contains (e->series_done, &m->series_id))
        return TRUE;
      g_hash_table_add (e->series_done, g_memdup2 (&m->series_id, sizeof m->series_id));
      return series_view_load (e->ctx, m->series_id, m, &v, error) && write_series (e, &v, error);
    }
  if (!rapat_ics_write_meeting (e->w, m, agenda, attendees, opt->sessions, error))
    return FALSE;
  return !opt->actions || write_actions (e, m, NULL, error);
}

/* Writes the iTIP message (REQUEST or CANCEL) of meeting @m: the meeting
 * itself; for an occurrence of a series, that instance alone
 * (RECURRENCE-ID), or with --series the whole series. */
static gboolean
export_invitation (Export *e, const RapatMeeting *m, GError **error)
{
  const ExportOptions *opt = e->ctx->options;
  g_auto(SeriesView) v = { 0 };
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) attendees = NULL;

  if (m->series_id == 0)
    {
      agenda = rapat_store_agenda_list (e->ctx->store, m->id, error);
      attendees = agenda != NULL ? rapat_store_attendee_list (e->ctx->store, m->id, error) : NULL;
      return attendees != NULL && rapat_ics_write_meeting (e->w, m, agenda, attendees, FALSE, error);
    }
  if (!series_view_load (e->ctx, m->series_id, m, &v, error))
    return FALSE;
  if (opt->series && e->method == RAPAT_ICS_CANCEL)
    {
      guint scheduled = 0;

      for (guint i = 0; i < v.occurrences->len; i++)
        if (((RapatMeeting *) v.occurrences->pdata[i])->status != RAPAT_MEETING_CANCELLED)
          scheduled++;
      if (scheduled > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "rapat: warning: %u occurrence of the series is still scheduled in the database; cancel it too (meeting cancel), so that later changes carry a higher sequence\n",
                                 "rapat: warning: %u occurrences of the series are still scheduled in the database; cancel them too (meeting cancel), so that later changes carry a higher sequence\n",
                                 scheduled),
                    scheduled);
    }
  if (opt->series)
    return write_series (e, &v, error);
  return write_instance (e, &v, m, error);
}

/* Returns the calendar's default name: the organisation (the one unit at
 * the top of the directory), else "rapat"; with --kind, the kind after it. */
static char *
default_calendar_name (RapatCmdContext *ctx, GError **error)
{
  const ExportOptions *opt = ctx->options;
  g_autoptr(GPtrArray) units = rapat_store_unit_list (ctx->store, error);
  const char *org = NULL;
  guint roots = 0;

  if (units == NULL)
    return NULL;
  for (guint i = 0; i < units->len; i++)
    {
      const RapatUnit *u = units->pdata[i];

      if (u->parent_id == 0)
        {
          roots++;
          org = u->name;
        }
    }
  if (roots != 1)
    org = "rapat";
  if (opt->kind != NULL)
    return g_strdup_printf ("%s: %s", org, opt->kind);
  return g_strdup (org);
}

/* Fills @cal (and @alarms, which it points into) from --name, --refresh
 * and --alarm, and the zone shared by every meeting, if any. */
static gboolean
calendar_options (RapatCmdContext *ctx, RapatIcsCalendar *cal, char **name, GArray *alarms,
                  GArray *zones, GError **error)
{
  const ExportOptions *opt = ctx->options;
  if (opt->name != NULL)
    {
      if (!rapat_text_check (_("name"), opt->name, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, error))
        return FALSE;
      *name = g_strdup (opt->name);
    }
  else if ((*name = default_calendar_name (ctx, error)) == NULL)
    return FALSE;
  cal->name = *name;
  if (opt->refresh != NULL && !parse_lead (_("refresh"), opt->refresh, &cal->refresh_s, error))
    return FALSE;
  for (char **a = opt->alarms; a != NULL && *a != NULL; a++)
    {
      gint64 lead;

      if (!parse_lead (_("alarm"), *a, &lead, error))
        return FALSE;
      g_array_append_val (alarms, lead);
    }
  cal->alarms = (const gint64 *) alarms->data;
  cal->n_alarms = alarms->len;
  if (zones->len == 1)
    {
      const RapatZoneSpan *z = &g_array_index (zones, RapatZoneSpan, 0);
      /* Apps read X-WR-TIMEZONE as an IANA name: not a POSIX rule such as
       * "CET-1CEST,M3.5.0,M10.5.0/3" (TZ=), which only its VTIMEZONE explains. */
      if (rapat_ics_zone_needs_vtimezone (z->tzid) && strchr (z->tzid, ',') == NULL)
        cal->tzid = z->tzid;
    }
  return TRUE;
}

/* export ics */
static gboolean
export_ics (RapatCmdContext *ctx, GError **error)
{
  const ExportOptions *opt = ctx->options;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(RapatOutput) output = NULL;
  g_autoptr(RapatIcsWriter) w = NULL;
  g_autoptr(GArray) zones = NULL;
  g_autoptr(GArray) alarms = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *calname = NULL;
  g_autoptr(GHashTable) series_done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             NULL);
  RapatMeetingFilter filter = { 0 };
  RapatIcsCalendar cal = { 0 };
  Export e = { ctx, NULL, series_done, RAPAT_ICS_PUBLISH };
  int method = RAPAT_ICS_PUBLISH;

  if (opt->method != NULL && !rapat_enum_parse (&rapat_ics_method_enum, opt->method, &method, error))
    return FALSE;
  if (!rapat_ical_load (error))
    return FALSE;
  if (opt->meetings != NULL && (opt->from != NULL || opt->to != NULL || opt->kind != NULL))
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--meeting selects meetings by itself; leave out --from, --to and --kind"));
      return FALSE;
    }
  if (method != RAPAT_ICS_PUBLISH && opt->meetings == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("method '%s': an invitation is about one meeting; give one --meeting"),
                   opt->method);
      return FALSE;
    }
  if (opt->series && method == RAPAT_ICS_PUBLISH)
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--series goes with --method request or cancel (a published calendar always holds whole series)"));
      return FALSE;
    }
  if (opt->meetings != NULL)
    {
      /* A few named meetings: held in memory, zones worked out from them. */
      meetings = named_meetings (ctx, error);
      if (meetings == NULL
          || (method != RAPAT_ICS_PUBLISH && !check_invitation (ctx, method, meetings, error)))
        return FALSE;
      /* An invitation to a cancelled meeting is its cancellation. */
      if (method == RAPAT_ICS_REQUEST && !opt->series
          && ((RapatMeeting *) meetings->pdata[0])->status == RAPAT_MEETING_CANCELLED)
        method = RAPAT_ICS_CANCEL;
      zones = named_zones (ctx, meetings, method == RAPAT_ICS_PUBLISH || opt->series, error);
    }
  else if (range_filter (ctx, &filter, error))
    {
      /* Any number of meetings: zones from one SQL query, then the meetings
       * streamed one at a time, so memory stays flat. */
      zones = filter_zones (ctx, &filter, error);
    }
  if (zones == NULL || !calendar_options (ctx, &cal, &calname, alarms, zones, error))
    return FALSE;

  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  w = rapat_ics_writer_new_full (rapat_output_stream (output), method, &cal, ctx->now);
  e.w = w;
  e.method = method;
  for (guint i = 0; i < zones->len; i++)
    {
      const RapatZoneSpan *z = &g_array_index (zones, RapatZoneSpan, i);
      /* A meeting outside the years rapat keeps (a database changed behind
       * its back) is refused by name when its turn comes; its zone is not
       * stretched to an instant no date can name. */
      gint64 from = CLAMP (z->from_utc, RAPAT_TIME_MIN, RAPAT_TIME_MAX);
      gint64 to = CLAMP (z->to_utc, RAPAT_TIME_MIN, RAPAT_TIME_MAX);

      if (rapat_ics_zone_needs_vtimezone (z->tzid)
          && !rapat_ics_write_timezone (w, z->tzid, from, to, error))
        return FALSE;
    }
  if (meetings != NULL && method != RAPAT_ICS_PUBLISH)
    {
      if (!export_invitation (&e, meetings->pdata[0], error))
        return FALSE;
    }
  else if (meetings != NULL)
    {
      for (guint i = 0; i < meetings->len; i++)
        {
          const RapatMeeting *m = meetings->pdata[i];
          g_autoptr(GPtrArray) agenda = rapat_store_agenda_list (ctx->store, m->id, error);
          g_autoptr(GPtrArray) attendees = agenda != NULL
            ? rapat_store_attendee_list (ctx->store, m->id, error) : NULL;

          if (attendees == NULL || !export_meeting (m, agenda, attendees, &e, error))
            return FALSE;
        }
    }
  else if (!rapat_store_meeting_foreach_full (ctx->store, &filter, export_meeting, &e, error))
    return FALSE;
  if (!rapat_ics_writer_finish (g_steal_pointer (&w), error))
    {
      g_prefix_error (error, _("output '%s': "), opt->output != NULL ? opt->output : "-");
      return FALSE;
    }
  return rapat_output_finish (output, error);
}

const RapatCommand rapat_export_commands[] = {
  { "ics", "", N_("Write meetings as an iCalendar (.ics) file"),
    N_("By default every meeting (in --from/--to), as a calendar to import or subscribe to;\n"
       "a series is written whole: its rule, and an exception for each occurrence changed.\n"
       "--method request or cancel writes an invitation or cancellation of one meeting: for an\n"
       "occurrence of a series, that occurrence alone (RECURRENCE-ID), or the series with --series.\n"
       "Zones are written as their plain IANA names with a VTIMEZONE each."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (ics_entries, ExportOptions), RAPAT_TARGET_NONE, export_ics },
  { NULL },
};
