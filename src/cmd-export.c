/* rapat — "rapat export": iCalendar files for calendar apps (cli layer). */
#include "cmd.h"
#include "export-ics.h"
#include "ical.h"
#include "output.h"
#include "present.h"
#include "series.h"
#include "store-import.h"
#include "text.h"
#include "timeutil.h"

#include <errno.h>
#include <string.h>


typedef struct {
  char **meetings;
  RapatRangeOptions range;
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
  { "meeting", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (ExportOptions, meetings),
    N_("Export this meeting (repeatable)"), N_("MEETING"), NULL },
  RAPAT_OPT_GROUP (rapat_range_options, ExportOptions, range),
  { "kind", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, kind),
    N_("Only meetings of this kind"), N_("KIND"), NULL },
  { "method", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, method),
    N_("publish (default), request (an invitation) or cancel"), N_("METHOD"), NULL },
  { "series", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, series),
    N_("With request or cancel: the whole series of the occurrence given, not the occurrence alone"),
    NULL, NULL },
  { "sessions", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, sessions),
    N_("Also each agenda item as an event of its own"), NULL, NULL },
  { "actions", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, actions),
    N_("Also the meetings' action items, as to-dos"), NULL, NULL },
  { "no-cancelled", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ExportOptions, no_cancelled),
    N_("Leave cancelled meetings out"), NULL, NULL },
  { "name", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, name),
    N_("Calendar name (default: the organisation's, or rapat)"), N_("TEXT"), NULL },
  { "refresh", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ExportOptions, refresh),
    N_("For a subscribed feed: how often apps should reload it, e.g. 1h"), N_("LENGTH"), NULL },
  { "alarm", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (ExportOptions, alarms),
    N_("A reminder this long before each meeting, e.g. 1d or 30m (repeatable)"), N_("LENGTH"),
    NULL },
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (ExportOptions, output),
    N_("Write to FILE instead of standard output"), N_("FILE"), NULL },
  RAPAT_OPT_END,
};


/* The writer's question for each meeting (rapat_ics_writer_set_imported()):
 * what it brought from another calendar, read from the store @data. */
static gboolean
imported_of (const RapatMeeting *m, RapatIcsImported *out, gpointer data, GError **error)
{
  RapatStore *store = data;

  if (m->id == 0)
    return TRUE;
  if (!rapat_store_import_extra_get (store, m->id, &out->extra, error))
    return FALSE;
  out->externals = rapat_store_import_externals (store, m->id, error);
  if (out->externals == NULL)
    {
      g_clear_pointer (&out->extra, g_free);
      return FALSE;
    }
  if (out->externals->len == 0)
    g_clear_pointer (&out->externals, g_ptr_array_unref);
  return TRUE;
}

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
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
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
  if (!rapat_cmd_range (ctx, &opt->range, &filter->from_utc, &filter->to_utc, error))
    return FALSE;
  filter->kind = opt->kind;
  return TRUE;
}

/* Checks that an iTIP message (REQUEST or CANCEL) can be made of @meetings:
 * one meeting, with an organizer who can receive the replies (an e-mail
 * address) and at least one attendee (RFC 5546 3.2.2 and 3.2.5). */
/* Returns TRUE when meeting @m has an organizer with an e-mail, which
 * every event of an invitation carries; else sets @error naming @m (and,
 * for an occurrence of a series, @day). */
static gboolean
check_organizer (const RapatMeeting *m, const char *day, GError **error)
{
  g_autofree char *which = day != NULL
    ? g_strdup_printf (_("meeting '%s' on %s"), m->title, day)
    : g_strdup_printf (_("meeting '%s'"), m->title);

  if (m->organizer_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s: has no organizer, which an invitation needs (meeting edit --organizer)"),
                   which);
      return FALSE;
    }
  if (m->organizer_email == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s: its organizer %s has no e-mail, so replies would have nowhere to go (person edit '%s' --email ADDRESS)"),
                   which, m->organizer_name, m->organizer_name);
      return FALSE;
    }
  return TRUE;
}

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
  if (!check_organizer (m, NULL, error))
    return FALSE;
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
    rapat_cmd_warn (ctx, _("meeting '%s' is not cancelled in the database; run 'rapat meeting cancel' too, so that later changes carry a higher sequence"),
                    m->title);
  return TRUE;
}

/* What export_meeting() needs while the meetings stream past. */
typedef struct {
  RapatCmdContext *ctx;
  RapatIcsWriter *w;
  GHashTable *series_done;   /* ids (owned copies) of the series already written */
  RapatIcsMethod method;
  GPtrArray *only;           /* an invitation's ATTENDEEs instead of the stored ones, or NULL */
} Export;

/* Frees a RapatIcsOccurrence and the lists it was given. */
static void
occurrence_free (RapatIcsOccurrence *o)
{
  g_clear_pointer (&o->agenda, g_ptr_array_unref);
  g_clear_pointer (&o->attendees, g_ptr_array_unref);
  g_free (o);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatIcsOccurrence, occurrence_free)

/* Returns occurrence @o with its agenda and invitations. */
static RapatIcsOccurrence *
occurrence_load (RapatStore *store, const RapatMeeting *o, GError **error)
{
  g_autoptr(GPtrArray) agenda = rapat_store_agenda_list (store, o->id, error);
  g_autoptr(GPtrArray) attendees = agenda != NULL
    ? rapat_store_attendee_list (store, o->id, error) : NULL;
  RapatIcsOccurrence *out;

  if (attendees == NULL)
    return NULL;
  out = g_new0 (RapatIcsOccurrence, 1);
  out->meeting = o;
  out->agenda = g_steal_pointer (&agenda);
  out->attendees = g_steal_pointer (&attendees);
  return out;
}

/* Writes occurrence @o of series @v alone, as an instance of it. */
static gboolean
write_instance (Export *e, const RapatSeriesView *v, const RapatMeeting *o, GError **error)
{
  g_autoptr(RapatIcsOccurrence) one = occurrence_load (e->ctx->store, o, error);

  return one != NULL
         && rapat_ics_write_instance (e->w, v->series, o, one->agenda,
                                      e->only != NULL ? e->only : one->attendees, error);
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

/* With --sessions and --actions, writes every occurrence's sessions and
 * the actions it raised, RELATED-TO series @v. */
static gboolean
write_series_extras (Export *e, const RapatSeriesView *v, GError **error)
{
  const ExportOptions *opt = e->ctx->options;

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

/* Writes the whole series @v: its master event and the occurrences that
 * differ from it (none under METHOD:CANCEL), then write_series_extras(). */
static gboolean
write_series (Export *e, const RapatSeriesView *v, GError **error)
{
  g_autoptr(GPtrArray) exceptions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) occurrence_free);
  RapatIcsSeries s = { v->series, v->master, v->agenda,
                       e->only != NULL ? e->only : v->attendees, v->exdates, exceptions };

  if (e->method != RAPAT_ICS_CANCEL)
    {
      g_autoptr(GPtrArray) differ = rapat_series_exceptions (e->ctx->store, v, error);

      if (differ == NULL)
        return FALSE;
      for (guint i = 0; i < differ->len; i++)
        {
          RapatIcsOccurrence *o = occurrence_load (e->ctx->store, differ->pdata[i], error);

          if (o == NULL)
            return FALSE;
          g_ptr_array_add (exceptions, o);
        }
    }
  if (!rapat_ics_write_series (e->w, &s, error))
    return FALSE;
  return e->method == RAPAT_ICS_CANCEL || write_series_extras (e, v, error);
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
      g_auto(RapatSeriesView) v = { 0 };

      if (g_hash_table_contains (e->series_done, &m->series_id))
        return TRUE;
      g_hash_table_add (e->series_done, g_memdup2 (&m->series_id, sizeof m->series_id));
      return rapat_series_view_load (e->ctx->store, m->series_id, m, &v, error)
             && write_series (e, &v, error);
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
  g_auto(RapatSeriesView) v = { 0 };
  guint scheduled;

  if (m->series_id == 0)
    {
      g_autoptr(RapatIcsOccurrence) one = occurrence_load (e->ctx->store, m, error);

      return one != NULL
             && rapat_ics_write_meeting (e->w, m, one->agenda,
                                         e->only != NULL ? e->only : one->attendees, FALSE, error);
    }
  if (!rapat_series_view_load (e->ctx->store, m->series_id, m, &v, error))
    return FALSE;
  if (!opt->series)
    return write_instance (e, &v, m, error);
  /* Every event the message carries names the organizer: the master
   * (the template's values) and, in a request, each occurrence that is
   * written as an instance of its own. */
  for (guint i = 0; i < v.occurrences->len; i++)
    {
      const RapatMeeting *o = v.occurrences->pdata[i];
      g_autoptr(GTimeZone) tz = NULL;
      g_autofree char *day = NULL;

      if (e->method == RAPAT_ICS_CANCEL ? o != v.template : o->status == RAPAT_MEETING_CANCELLED)
        continue;
      if (o->organizer_id != 0 && o->organizer_email != NULL)
        continue;
      tz = rapat_when_meeting_zone (o);
      day = rapat_when_day (o->start_utc, tz);
      return check_organizer (o, day, error);
    }
  scheduled = rapat_series_scheduled (&v);
  if (e->method == RAPAT_ICS_CANCEL && scheduled > 0)
    rapat_cmd_warn (e->ctx,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u occurrence of the series is still scheduled in the database; cancel it too (meeting cancel), so that later changes carry a higher sequence",
                                 "%u occurrences of the series are still scheduled in the database; cancel them too (meeting cancel), so that later changes carry a higher sequence",
                                 scheduled),
                    scheduled);
  return write_series (e, &v, error);
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

/* Checks that the options selecting meetings go together with each other
 * and with @method. */
static gboolean
check_selection (const ExportOptions *opt, const int *method, GError **error)
{
  if (opt->meetings != NULL && (opt->range.from != NULL || opt->range.to != NULL || opt->kind != NULL))
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--meeting selects meetings by itself; leave out --from, --to and --kind"));
      return FALSE;
    }
  if (*method != RAPAT_ICS_PUBLISH && opt->meetings == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("method '%s': an invitation is about one meeting; give one --meeting"),
                   opt->method);
      return FALSE;
    }
  if (opt->series && *method == RAPAT_ICS_PUBLISH)
    {
      rapat_cmd_usage_error (error, "export ics",
                             _("--series goes with --method request or cancel (a published calendar always holds whole series)"));
      return FALSE;
    }
  return TRUE;
}

/* Selects what to export: the --meeting meetings into @meetings (checked
 * as an invitation under --method request or cancel, which may become
 * cancel), or else a filter of --from, --to and --kind into @filter.
 * Returns the zones the calendar names (see series.h). */
static GArray *
select_meetings (RapatCmdContext *ctx, int *method, GPtrArray **meetings,
                 RapatMeetingFilter *filter, GError **error)
{
  const ExportOptions *opt = ctx->options;

  if (opt->meetings == NULL)
    {
      /* Any number of meetings: zones from the store, then the meetings
       * streamed one at a time, so memory stays flat. */
      if (!range_filter (ctx, filter, error))
        return NULL;
      return rapat_series_zones_filtered (ctx->store, filter, error);
    }
  /* A few named meetings: held in memory, zones worked out from them. */
  *meetings = named_meetings (ctx, error);
  if (*meetings == NULL
      || (*method != RAPAT_ICS_PUBLISH && !check_invitation (ctx, *method, *meetings, error)))
    return NULL;
  /* An invitation to a cancelled meeting is its cancellation. */
  if (*method == RAPAT_ICS_REQUEST && !opt->series
      && ((RapatMeeting *) (*meetings)->pdata[0])->status == RAPAT_MEETING_CANCELLED)
    *method = RAPAT_ICS_CANCEL;
  return rapat_series_zones_of (ctx->store, *meetings,
                                *method == RAPAT_ICS_PUBLISH || opt->series, error);
}

/* Writes a VTIMEZONE for each of @zones that needs one. */
static gboolean
write_timezones (RapatIcsWriter *w, GArray *zones, GError **error)
{
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
  return TRUE;
}

/* Writes the meetings: the invitation of @meetings[0], each of @meetings,
 * or, when @meetings is NULL, those @filter selects. */
static gboolean
write_meetings (Export *e, GPtrArray *meetings, const RapatMeetingFilter *filter, GError **error)
{
  if (meetings == NULL)
    return rapat_store_meeting_foreach_full (e->ctx->store, filter, export_meeting, e, error);
  if (e->method != RAPAT_ICS_PUBLISH)
    return export_invitation (e, meetings->pdata[0], error);
  for (guint i = 0; i < meetings->len; i++)
    {
      g_autoptr(RapatIcsOccurrence) one = occurrence_load (e->ctx->store, meetings->pdata[i],
                                                           error);

      if (one == NULL || !export_meeting (one->meeting, one->agenda, one->attendees, e, error))
        return FALSE;
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
  int method = RAPAT_ICS_PUBLISH;
  Export e = { ctx, NULL, series_done, RAPAT_ICS_PUBLISH, NULL };

  if (opt->method != NULL && !rapat_enum_parse (&rapat_ics_method_enum, opt->method, &method, error))
    return FALSE;
  if (!rapat_ical_load (error) || !check_selection (opt, &method, error))
    return FALSE;
  zones = select_meetings (ctx, &method, &meetings, &filter, error);
  if (zones == NULL || !calendar_options (ctx, &cal, &calname, alarms, zones, error))
    return FALSE;
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  w = rapat_ics_writer_new_full (rapat_output_stream (output), method, &cal, ctx->now);
  rapat_ics_writer_set_imported (w, imported_of, ctx->store);
  e.w = w;
  e.method = method;
  if (!write_timezones (w, zones, error) || !write_meetings (&e, meetings, &filter, error))
    return FALSE;
  if (!rapat_ics_writer_finish (g_steal_pointer (&w), error))
    {
      g_prefix_error (error, _("output '%s': "), opt->output != NULL ? opt->output : "-");
      return FALSE;
    }
  return rapat_output_finish (output, error);
}

gboolean
rapat_cmd_invitation_ics (RapatCmdContext *ctx, const RapatMeeting *m, int method,
                          gboolean series, GPtrArray *only, char **ics, GError **error)
{
  ExportOptions opt = { 0 };
  RapatCmdContext sub = *ctx;
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  g_autoptr(GArray) zones = NULL;
  g_autoptr(GArray) alarms = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) series_done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             NULL);
  g_autoptr(RapatIcsWriter) w = NULL;
  g_autofree char *calname = NULL;
  g_autofree char *buf = NULL;
  RapatIcsCalendar cal = { 0 };
  Export e = { &sub, NULL, series_done, method, only };
  gsize len = 0;
  FILE *f;
  gboolean ok;

  /* The options export ics would have: --meeting M --method ... [--series]. */
  opt.method = (char *) (method == RAPAT_ICS_CANCEL ? "cancel" : "request");
  opt.series = series;
  sub.options = &opt;
  g_ptr_array_add (meetings, (gpointer) m);
  ok = rapat_ical_load (error)
       && (only != NULL ? check_organizer (m, NULL, error)
                        : check_invitation (&sub, method, meetings, error));
  ctx->warnings = sub.warnings;
  if (!ok)
    return FALSE;
  zones = rapat_series_zones_of (ctx->store, meetings, series, error);
  if (zones == NULL || !calendar_options (&sub, &cal, &calname, alarms, zones, error))
    return FALSE;
  f = open_memstream (&buf, &len);
  if (f == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }
  w = rapat_ics_writer_new_full (f, method, &cal, ctx->now);
  rapat_ics_writer_set_imported (w, imported_of, ctx->store);
  e.w = w;
  ok = write_timezones (w, zones, error) && export_invitation (&e, m, error)
       && rapat_ics_writer_finish (g_steal_pointer (&w), error);
  ctx->warnings = sub.warnings;
  if (fclose (f) != 0 && ok)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }
  if (!ok)
    return FALSE;
  *ics = g_steal_pointer (&buf);
  return TRUE;
}

const RapatCommand rapat_export_commands[] = {
  { "ics", "", N_("Write meetings as an iCalendar (.ics) file"),
    N_("By default every meeting (in --from/--to), as a calendar to import or subscribe to;\n"
       "a series is written whole: its rule, and an exception for each occurrence changed.\n"
       "--method request or cancel writes an invitation or cancellation of one meeting: for an\n"
       "occurrence of a series, that occurrence alone (RECURRENCE-ID), or the series with --series.\n"
       "Zones are written as their plain IANA names with a VTIMEZONE each."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (ics_entries, ExportOptions), RAPAT_TARGET_NONE,
    export_ics },
  { NULL },
};
