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

static char **opt_meetings;
static char *opt_from;
static char *opt_to;
static char *opt_tz;
static char *opt_kind;
static char *opt_method;
static char *opt_output;
static gboolean opt_sessions;
static gboolean opt_actions;

static GOptionEntry ics_entries[] = {
  { "meeting", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_meetings, N_("Export this meeting (repeatable)"), N_("MEETING") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("Meetings on or after this day, YYYY-MM-DD"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("Meetings on or before this day, YYYY-MM-DD"), N_("DATE") },
  { "tz", 0, 0, G_OPTION_ARG_STRING, &opt_tz, N_("Zone the days are counted in (default: the system's)"), N_("ZONE") },
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, N_("Only meetings of this kind"), N_("KIND") },
  { "method", 0, 0, G_OPTION_ARG_STRING, &opt_method, N_("publish (default), request (an invitation) or cancel"), N_("METHOD") },
  { "sessions", 0, 0, G_OPTION_ARG_NONE, &opt_sessions, N_("Also each agenda item as an event of its own"), NULL },
  { "actions", 0, 0, G_OPTION_ARG_NONE, &opt_actions, N_("Also the meetings' action items, as to-dos"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write to FILE instead of standard output"), N_("FILE") },
  { NULL },
};

/* Collects the --meeting meetings, each once. */
static GPtrArray *
named_meetings (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (char **name = opt_meetings; *name != NULL; name++)
    {
      RapatMeeting *meeting;
      gint64 id;

      if (!rapat_store_meeting_resolve (ctx->store, *name, &id, error))
        return NULL;
      meeting = rapat_store_meeting_get (ctx->store, id, error);
      if (meeting == NULL)
        return NULL;
      if (g_hash_table_contains (seen, &meeting->id))
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
range_filter (RapatMeetingFilter *filter, GError **error)
{
  filter->status = -1;
  if (!rapat_cmd_day_range (opt_from, opt_to, opt_tz, &filter->from_utc, &filter->to_utc, error))
    return FALSE;
  filter->kind = opt_kind;
  return TRUE;
}

/* Checks that an iTIP message (REQUEST or CANCEL) can be made of @meetings. */
static gboolean
check_invitation (RapatIcsMethod method, GPtrArray *meetings, GError **error)
{
  const RapatMeeting *m;

  if (opt_sessions)
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--sessions goes with a published calendar, not an invitation"));
      return FALSE;
    }
  if (meetings->len != 1)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("method '%s': an invitation is about one meeting, and %u are selected; give one --meeting"),
                   opt_method, meetings->len);
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
  if (method == RAPAT_ICS_CANCEL && m->status != RAPAT_MEETING_CANCELLED)
    g_printerr (_("rapat: warning: meeting '%s' is not cancelled in the database; run 'rapat meeting cancel' too, so that later changes carry a higher sequence\n"),
                m->title);
  return TRUE;
}

/* Orders zone names (pointers in a GPtrArray) alphabetically. */
static int
compare_zone_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Writes one VTIMEZONE per zone used, covering the dates of its meetings. */
static gboolean
write_timezones (RapatCmdContext *ctx, RapatIcsWriter *w, GPtrArray *meetings, GError **error)
{
  g_autoptr(GHashTable) ranges = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      gint64 *range;

      if (!rapat_ics_zone_needs_vtimezone (m->tzid))
        continue;
      range = g_hash_table_lookup (ranges, m->tzid);
      if (range == NULL)
        {
          range = g_new (gint64, 2);
          range[0] = m->start_utc;
          range[1] = m->end_utc;
          g_hash_table_insert (ranges, m->tzid, range);
          g_ptr_array_add (order, m->tzid);
        }
      range[0] = MIN (range[0], m->start_utc);
      range[1] = MAX (range[1], m->end_utc);
      /* A series is written whole: its zone must cover all of it. */
      if (m->series_id != 0)
        {
          g_autoptr(RapatSeries) series = rapat_store_series_get (ctx->store, m->series_id, error);
          g_autoptr(GPtrArray) all = series != NULL
            ? rapat_store_series_meetings (ctx->store, series->id, error) : NULL;

          if (all == NULL)
            return FALSE;
          range[0] = MIN (range[0], series->start_utc);
          for (guint j = 0; j < all->len; j++)
            {
              const RapatMeeting *o = all->pdata[j];
              range[0] = MIN (range[0], MIN (o->start_utc, o->recurrence_utc));
              range[1] = MAX (range[1], MAX (o->end_utc, o->recurrence_utc));
            }
        }
    }
  g_ptr_array_sort (order, compare_zone_names);
  for (guint i = 0; i < order->len; i++)
    {
      const gint64 *range = g_hash_table_lookup (ranges, order->pdata[i]);
      if (!rapat_ics_write_timezone (w, order->pdata[i], range[0], range[1], error))
        return FALSE;
    }
  return TRUE;
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
      g_string_append_printf (s, "%s/%d/%" G_GINT64_FORMAT ";", it->title, it->duration_min,
                              it->presenter_id);
    }
  return g_string_free (s, FALSE);
}

/* TRUE when occurrence @o differs from the series' @template in what a
 * calendar shows (time, title, place, description, status, organizer,
 * invitations or agenda), so it needs an exception of its own.
 * @template_shown is shown_people_and_agenda() of the template. */
static gboolean
is_exception (RapatCmdContext *ctx, const RapatMeeting *o, const RapatMeeting *template,
              const char *template_shown, gboolean *exception, GError **error)
{
  g_autofree char *shown = NULL;

  *exception = o->start_utc != o->recurrence_utc
               || o->end_utc - o->start_utc != template->end_utc - template->start_utc
               || g_strcmp0 (o->title, template->title) != 0
               || g_strcmp0 (o->location, template->location) != 0
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

/* Writes the whole series of occurrence @m: a master event with the rule,
 * EXDATE for occurrences cancelled or deleted, and an exception (with
 * RECURRENCE-ID) for each occurrence that was moved or changed. */
static gboolean
write_series (RapatCmdContext *ctx, RapatIcsWriter *w, const RapatMeeting *m, GError **error)
{
  g_autoptr(RapatSeries) series = rapat_store_series_get (ctx->store, m->series_id, error);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_start = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(RapatMeeting) master = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  const RapatMeeting *template = NULL;
  g_autofree char *template_shown = NULL;
  RapatIcsRecurrence r = { 0 };

  if (series == NULL)
    return FALSE;
  occurrences = rapat_store_series_meetings (ctx->store, series->id, error);
  tz = rapat_time_zone_load (series->tzid, NULL, error);
  if (occurrences == NULL || tz == NULL)
    return FALSE;
  expected = rapat_recur_expand (series->rrule, series->start_utc, tz, error);
  if (expected == NULL)
    return FALSE;
  /* The master's properties come from the first occurrence as scheduled. */
  for (guint i = 0; i < occurrences->len; i++)
    {
      RapatMeeting *o = occurrences->pdata[i];

      g_hash_table_insert (by_start, &o->recurrence_utc, o);
      if (template == NULL && o->status != RAPAT_MEETING_CANCELLED && o->start_utc == o->recurrence_utc)
        template = o;
    }
  if (template == NULL)
    template = m;
  for (guint i = 0; i < expected->len; i++)
    {
      gint64 *t = &g_array_index (expected, gint64, i);
      const RapatMeeting *o = g_hash_table_lookup (by_start, t);

      if (o == NULL || o->status == RAPAT_MEETING_CANCELLED)
        g_array_append_val (exdates, *t);
    }
  master = rapat_store_meeting_get (ctx->store, template->id, error);
  agenda = master != NULL ? rapat_store_agenda_list (ctx->store, master->id, error) : NULL;
  attendees = agenda != NULL ? rapat_store_attendee_list (ctx->store, master->id, error) : NULL;
  if (attendees == NULL)
    return FALSE;
  master->start_utc = series->start_utc;
  master->end_utc = series->start_utc + (template->end_utc - template->start_utc);
  r.uid = series->uid;
  r.rrule = series->rrule;
  r.exdates = exdates;
  if (!rapat_ics_write_recurring (w, master, agenda, attendees, &r, error))
    return FALSE;
  template_shown = shown_people_and_agenda (ctx, template->id, error);
  if (template_shown == NULL)
    return FALSE;
  for (guint i = 0; i < occurrences->len; i++)
    {
      const RapatMeeting *o = occurrences->pdata[i];
      g_autoptr(GPtrArray) oa = NULL;
      g_autoptr(GPtrArray) ot = NULL;
      RapatIcsRecurrence x = { series->uid, NULL, NULL, o->recurrence_utc };
      gboolean exception;

      if (o == template || o->status == RAPAT_MEETING_CANCELLED)
        continue;
      if (!is_exception (ctx, o, template, template_shown, &exception, error))
        return FALSE;
      if (!exception)
        continue;
      oa = rapat_store_agenda_list (ctx->store, o->id, error);
      ot = oa != NULL ? rapat_store_attendee_list (ctx->store, o->id, error) : NULL;
      if (ot == NULL || !rapat_ics_write_recurring (w, o, oa, ot, &x, error))
        return FALSE;
    }
  return TRUE;
}

/* What export_meeting() needs while the meetings stream past. */
typedef struct {
  RapatCmdContext *ctx;
  RapatIcsWriter *w;
  GHashTable *series_done;   /* ids (owned copies) of the series already written */
  RapatIcsMethod method;
} Export;

/* Writes one meeting (or its whole series, once) with its @agenda and
 * @attendees and, with --actions, the actions it raised.  A
 * RapatMeetingFullFunc. */
static gboolean
export_meeting (const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees, gpointer data,
                GError **error)
{
  Export *e = data;

  if (m->series_id != 0)
    {
      if (g_hash_table_contains (e->series_done, &m->series_id))
        return TRUE;
      g_hash_table_add (e->series_done, g_memdup2 (&m->series_id, sizeof m->series_id));
      if (!write_series (e->ctx, e->w, m, error))
        return FALSE;
    }
  else if (!rapat_ics_write_meeting (e->w, m, agenda, attendees, opt_sessions, error))
    return FALSE;
  if (opt_actions && e->method == RAPAT_ICS_PUBLISH)
    {
      g_autoptr(GPtrArray) actions = rapat_store_meeting_actions (e->ctx->store, m->id, error);

      if (actions == NULL)
        return FALSE;
      for (guint j = 0; j < actions->len; j++)
        if (!rapat_ics_write_action (e->w, actions->pdata[j], m, error))
          return FALSE;
    }
  return TRUE;
}

/* export ics */
static gboolean
export_ics (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(RapatOutput) output = NULL;
  g_autoptr(RapatIcsWriter) w = NULL;
  g_autofree char *calname = NULL;
  g_autoptr(GHashTable) series_done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             NULL);
  RapatMeetingFilter filter = { 0 };
  Export e = { ctx, NULL, series_done, RAPAT_ICS_PUBLISH };
  int method = RAPAT_ICS_PUBLISH;
  gint64 n = 0;

  if (opt_method != NULL && !rapat_enum_parse (&rapat_ics_method_enum, opt_method, &method, error))
    return FALSE;
  if (!rapat_ical_load (error))
    return FALSE;
  if (opt_meetings != NULL && (opt_from != NULL || opt_to != NULL || opt_kind != NULL))
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--meeting selects meetings by itself; leave out --from, --to and --kind"));
      return FALSE;
    }
  if (method != RAPAT_ICS_PUBLISH && opt_meetings == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("method '%s': an invitation is about one meeting; give one --meeting"),
                   opt_method);
      return FALSE;
    }
  if (opt_meetings != NULL)
    {
      /* A few named meetings: held in memory, zones worked out from them. */
      meetings = named_meetings (ctx, error);
      if (meetings == NULL
          || (method != RAPAT_ICS_PUBLISH && !check_invitation (method, meetings, error)))
        return FALSE;
      /* An invitation to a cancelled meeting is its cancellation. */
      if (method == RAPAT_ICS_REQUEST
          && ((RapatMeeting *) meetings->pdata[0])->status == RAPAT_MEETING_CANCELLED)
        method = RAPAT_ICS_CANCEL;
    }
  else if (!range_filter (&filter, error) || (n = rapat_store_meeting_count (ctx->store, &filter, error)) < 0)
    return FALSE;
  if (method == RAPAT_ICS_PUBLISH && (meetings != NULL ? meetings->len : n) != 1)
    calname = g_strdup_printf ("rapat%s%s", opt_kind != NULL ? ": " : "",
                               opt_kind != NULL ? opt_kind : "");

  output = rapat_output_open (opt_output, error);
  if (output == NULL)
    return FALSE;
  w = rapat_ics_writer_new (rapat_output_stream (output), method, calname, ctx->now);
  e.w = w;
  e.method = method;
  if (meetings != NULL)
    {
      if (!write_timezones (ctx, w, meetings, error))
        return FALSE;
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
  else
    {
      /* Any number of meetings: zones from one SQL query, then the meetings
       * streamed one at a time, so memory stays flat. */
      g_autoptr(GArray) zones = rapat_store_meeting_zones (ctx->store, &filter, error);

      if (zones == NULL)
        return FALSE;
      for (guint i = 0; i < zones->len; i++)
        {
          const RapatZoneSpan *z = &g_array_index (zones, RapatZoneSpan, i);
          if (rapat_ics_zone_needs_vtimezone (z->tzid)
              && !rapat_ics_write_timezone (w, z->tzid, z->from_utc, z->to_utc, error))
            return FALSE;
        }
      if (!rapat_store_meeting_foreach_full (ctx->store, &filter, export_meeting, &e, error))
        return FALSE;
    }
  if (!rapat_ics_writer_finish (g_steal_pointer (&w), error))
    {
      g_prefix_error (error, _("output '%s': "), opt_output != NULL ? opt_output : "-");
      return FALSE;
    }
  return rapat_output_finish (output, error);
}

const RapatCommand rapat_export_commands[] = {
  { "ics", "", N_("Write meetings as an iCalendar (.ics) file"),
    N_("By default every meeting (in --from/--to), as a calendar to import or subscribe to.\n"
       "--method request or cancel writes an invitation or cancellation of one meeting.\n"
       "Zones are written as their plain IANA names with a VTIMEZONE each."),
    RAPAT_CMD_STORE, 0, 0, ics_entries, export_ics },
  { NULL },
};
