/* rapat — "rapat meeting": schedule, change, cancel and show meetings (cli layer). */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "recur.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

/* The longest link to join online, in characters; the schema's CHECK agrees. */
#define MAX_URL 2000


#define TIME_ENTRIES \
  { "start", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, start), N_("Start, \"YYYY-MM-DD HH:MM\" in the zone (or with an offset, +09:00)"), N_("WHEN"), NULL }, \
  { "end", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, end), N_("End, \"YYYY-MM-DD HH:MM\" or \"HH:MM\" on the start's day"), N_("WHEN"), NULL }, \
  { "duration", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, duration), N_("Length instead of --end: 90m, 2h, 2h30m"), N_("LENGTH"), NULL }, \
  { "tz", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, tz), N_("Time zone, e.g. Asia/Jayapura (default: the system's)"), N_("ZONE"), NULL }

typedef struct {
  char *title;
  char *start;
  char *end;
  char *duration;
  char *tz;
  char *location;
  char *kind;
  char *organizer;
  char *description;
  char *status;
  char *from;
  char *to;
  char *reason;
  char *repeat;
  char *until;
  char *count;
  char *url;
  gboolean keep_replies;
  gboolean force;
  gboolean strict;
  gboolean json;
} MeetingOptions;

static const RapatOption add_entries[] = {
  TIME_ENTRIES,
  { "location", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, location), N_("Where it takes place"), N_("PLACE"), NULL },
  { "kind", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, kind), N_("Kind of meeting, e.g. rakernis (default: meeting)"), N_("KIND"), NULL },
  { "organizer", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, organizer), N_("The person organising it"), N_("PERSON"), NULL },
  { "description", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, description), N_("Longer description"), N_("TEXT"), NULL },
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, status), N_("tentative or confirmed (default)"), N_("STATUS"), NULL },
  { "url", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, url), N_("Where to join online, an http or https address"), N_("URL"), NULL },
  { "strict", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (MeetingOptions, strict), N_("Refuse a clash instead of warning about it"), NULL, NULL },
  { "repeat", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, repeat), N_("Repeat: daily, weekly, monthly, yearly or an RRULE"), N_("RULE"), NULL },
  { "until", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, until), N_("Last day of the series (with --repeat)"), N_("DATE"), NULL },
  { "count", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, count), N_("Number of occurrences (with --repeat)"), N_("N"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  { "title", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, title), N_("New title"), N_("TITLE"), NULL },
  TIME_ENTRIES,
  { "location", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, location), N_("Where (\"\" clears it)"), N_("PLACE"), NULL },
  { "kind", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, kind), N_("Kind of meeting"), N_("KIND"), NULL },
  { "organizer", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, organizer), N_("Organizer (\"\" clears it)"), N_("PERSON"), NULL },
  { "description", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, description), N_("Description (\"\" clears it)"), N_("TEXT"), NULL },
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, status), N_("tentative or confirmed (reinstates a cancelled meeting)"), N_("STATUS"), NULL },
  { "url", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, url), N_("Where to join online (\"\" clears it)"), N_("URL"), NULL },
  { "keep-replies", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (MeetingOptions, keep_replies), N_("Keep the replies when the time, zone or place changes"), NULL, NULL },
  { "strict", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (MeetingOptions, strict), N_("Refuse a clash instead of warning about it"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  { "from", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, from), N_("Meetings on or after this day, YYYY-MM-DD"), N_("DATE"), NULL },
  { "to", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, to), N_("Meetings on or before this day, YYYY-MM-DD"), N_("DATE"), NULL },
  { "tz", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, tz), N_("Zone the days are counted in (default: the system's)"), N_("ZONE"), NULL },
  { "kind", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, kind), N_("Only meetings of this kind"), N_("KIND"), NULL },
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, status), N_("Only tentative, confirmed or cancelled meetings"), N_("STATUS"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (MeetingOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (MeetingOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption cancel_entries[] = {
  { "reason", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (MeetingOptions, reason), N_("Why it is cancelled"), N_("TEXT"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption delete_entries[] = {
  { "force", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (MeetingOptions, force), N_("Delete even when attendance was recorded or actions raised"), NULL, NULL },
  RAPAT_OPT_END,
};

/* Parses --start/--end/--duration/--tz into @m.  For a new meeting (@is_new)
 * --start and one of --end/--duration are required; when editing, missing
 * options keep the stored values: a new start keeps the length, and a new
 * zone alone keeps the wall-clock times and reads them in that zone. */
static gboolean
apply_times (RapatCmdContext *ctx, const char *cmd, RapatMeeting *m, gboolean is_new,
             GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) old_tz = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *start_text = NULL;
  g_auto(RapatTimeParsed) parsed = { 0 };
  g_auto(RapatTimeParsed) parsed_end = { 0 };
  gint64 start, end, length;

  if (opt->end != NULL && opt->duration != NULL)
    {
      rapat_cmd_usage_error (error, cmd, _("give --end or --duration, not both"));
      return FALSE;
    }
  if (is_new && (opt->start == NULL || (opt->end == NULL && opt->duration == NULL)))
    {
      rapat_cmd_usage_error (error, cmd, _("--start and one of --end or --duration are required"));
      return FALSE;
    }
  if (opt->start == NULL && opt->end == NULL && opt->duration == NULL && opt->tz == NULL)
    return TRUE;

  if (opt->tz != NULL)
    tz = rapat_time_zone_load (opt->tz, &tzid, error);
  else if (is_new)
    {
      g_autofree char *def = rapat_cmd_zone (ctx, NULL, error);

      tz = def != NULL ? rapat_time_zone_load (def, &tzid, error) : NULL;
    }
  else
    tz = rapat_time_zone_load (m->tzid, &tzid, error);
  if (tz == NULL)
    return FALSE;

  if (opt->start == NULL && opt->tz == NULL)
    {
      /* Same zone, same start: keep the instant.  Reading its wall time
       * again would move a start in the second pass of a repeated hour
       * (given with its offset) to the first. */
      start = m->start_utc;
    }
  else
    {
      /* Without a new start, the stored wall-clock start is read in the new zone. */
      if (opt->start != NULL)
        start_text = g_strdup (opt->start);
      else
        {
          old_tz = rapat_present_zone (m);
          start_text = rapat_time_format (m->start_utc, old_tz, "%Y-%m-%d %H:%M");
        }
      if (!rapat_time_parse_datetime (_("start"), start_text, tz, &start, &parsed, error))
        return FALSE;
    }
  if (parsed.had_offset && opt->tz == NULL)
    {
      /* "2025-09-02 09:00+09:00" without --tz: the meeting lives in that offset.
       * With --tz it keeps that zone, and the offset only picks the instant
       * (the second 02:30 of a night when clocks go back, say). */
      g_clear_pointer (&tz, g_time_zone_unref);
      g_clear_pointer (&tzid, g_free);
      tz = rapat_time_zone_load (start_text + 16 + (start_text[16] == ' '), &tzid, error);
      if (tz == NULL)
        return FALSE;
    }

  length = is_new ? 0 : m->end_utc - m->start_utc;
  if (opt->duration != NULL)
    {
      int minutes;
      if (!rapat_time_parse_duration (_("duration"), opt->duration, RAPAT_MAX_MEETING_MINUTES,
                                      &minutes, error))
        return FALSE;
      length = (gint64) minutes * 60;
    }
  if (opt->end != NULL && strlen (opt->end) == 5)
    {
      /* "HH:MM": on the start's day, in the meeting's zone. */
      int minutes;
      g_autofree char *day = rapat_present_date (start, tz);
      g_autofree char *full = NULL;

      if (!rapat_time_parse_clock (_("end"), opt->end, &minutes, error))
        return FALSE;
      full = g_strdup_printf ("%s %s", day, opt->end);
      if (!rapat_time_parse_datetime (_("end"), full, tz, &end, &parsed_end, error))
        return FALSE;
    }
  else if (opt->end != NULL)
    {
      if (!rapat_time_parse_datetime (_("end"), opt->end, tz, &end, &parsed_end, error))
        return FALSE;
    }
  else
    end = start + length;

  /* Both ends in years 1900..9998 in the meeting's own zone: an offset
   * or a length can carry a time that parsed well past the last day. */
  if (!rapat_time_check_range (_("start"), start_text, start, tz, error)
      || !rapat_time_check_range (_("end"), NULL, end, tz, error))
    return FALSE;

  if (end <= start)
    {
      g_autofree char *s = rapat_time_format (start, tz, "%Y-%m-%d %H:%M");
      g_autofree char *ex = rapat_text_excerpt (opt->end != NULL ? opt->end : "");
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("end '%s': not after the start (%s)"), ex, s);
      return FALSE;
    }
  if (end - start > (gint64) RAPAT_MAX_MEETING_MINUTES * 60)
    {
      g_autofree char *ex = rapat_text_excerpt (opt->end != NULL ? opt->end : opt->duration);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("end '%s': a meeting may last at most 31 days"), ex);
      return FALSE;
    }
  /* Warned only now, once the times are accepted: a refused command
   * prints its one error line and nothing else. */
  if (parsed.warning != NULL)
    g_printerr (_("rapat: warning: %s\n"), parsed.warning);
  if (parsed_end.warning != NULL)
    g_printerr (_("rapat: warning: %s\n"), parsed_end.warning);
  m->start_utc = start;
  m->end_utc = end;
  g_free (m->tzid);
  m->tzid = g_steal_pointer (&tzid);
  return TRUE;
}

/* Checks @url, a link to join a meeting online: it is written into
 * invitations as a URI (RFC 3986), so it must be an absolute http or https
 * address with a host, in ASCII, without spaces, and fit the schema's limit. */
static gboolean
check_url (const char *url, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (url);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;   /* lower case, interned by GLib */

  if (!rapat_text_check (_("url"), url, RAPAT_TEXT_LINE, MAX_URL, error))
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("url '%s': contains a space (write it as %%20)"), ex);
          return FALSE;
        }
      if ((guchar) *p >= 0x80)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("url '%s': characters outside ASCII must be percent-encoded"), ex);
          return FALSE;
        }
    }
  scheme = g_uri_peek_scheme (url);
  if (scheme == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': not an absolute address such as https://meet.example.org/rapat"),
                   ex);
      return FALSE;
    }
  if (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': only http and https links are accepted"), ex);
      return FALSE;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': not a valid address (a broken %%-escape, host or port)"), ex);
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': no host name, as in https://meet.example.org/rapat"), ex);
      return FALSE;
    }
  return TRUE;
}

/* Applies the descriptive options (title, location, kind, organizer,
 * description, status, url) to @m. */
static gboolean
apply_details (RapatCmdContext *ctx, RapatMeeting *m, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  if (opt->url != NULL && *opt->url != '\0' && !check_url (opt->url, error))
    return FALSE;
  if (opt->url != NULL)
    {
      g_free (m->url);
      m->url = *opt->url != '\0' ? g_strdup (opt->url) : NULL;
    }
  if (!rapat_cmd_take_text (_("title"), opt->title, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &m->title, error)
      || !rapat_cmd_take_text (_("location"), opt->location, RAPAT_TEXT_LINE, RAPAT_MAX_NAME,
                               &m->location, error)
      || !rapat_cmd_take_text (_("kind"), opt->kind, RAPAT_TEXT_REQUIRED, RAPAT_MAX_KIND,
                               &m->kind, error)
      || !rapat_cmd_take_text (_("description"), opt->description, RAPAT_TEXT_MULTILINE,
                               RAPAT_MAX_TEXT, &m->description, error))
    return FALSE;
  if (opt->organizer != NULL && *opt->organizer == '\0')
    m->organizer_id = 0;
  else if (opt->organizer != NULL
           && !rapat_store_person_resolve (ctx->store, opt->organizer, &m->organizer_id, error))
    return FALSE;
  if (opt->status != NULL)
    {
      int status;
      if (!rapat_enum_parse (&rapat_meeting_status_enum, opt->status, &status, error))
        return FALSE;
      if (status == RAPAT_MEETING_CANCELLED)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("status '%s': use 'rapat meeting cancel' to cancel a meeting"), opt->status);
          return FALSE;
        }
      m->status = status;
      if (status != RAPAT_MEETING_CANCELLED)
        g_clear_pointer (&m->cancel_reason, g_free);
    }
  return TRUE;
}


/* Creates the series @m starts and one meeting per occurrence; prints the
 * first occurrence's id. */
static gboolean
add_series (RapatCmdContext *ctx, RapatMeeting *m, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatSeries) series = g_new0 (RapatSeries, 1);
  g_autoptr(GTimeZone) tz = rapat_present_zone (m);
  g_autoptr(GArray) starts = NULL;
  gint64 count = 0, length = m->end_utc - m->start_utc, first = 0;

  if (opt->repeat == NULL)
    {
      rapat_cmd_usage_error (error, "meeting add", _("--until and --count go with --repeat"));
      return FALSE;
    }
  if (opt->until != NULL && opt->count != NULL)
    {
      rapat_cmd_usage_error (error, "meeting add", _("give --until or --count, not both"));
      return FALSE;
    }
  /* A calendar expands the rule from DTSTART's local time, which names the
   * first pass of a repeated hour: a series cannot start in the second. */
  if (rapat_time_is_later_of_repeat (m->start_utc, tz))
    {
      g_autofree char *when = rapat_time_format (m->start_utc, tz, "%Y-%m-%d %H:%M");
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("start '%s': a series cannot start in the second pass of an hour the clocks repeat, which calendars cannot name; start it at another time and move that occurrence"),
                   when);
      return FALSE;
    }
  if (opt->count != NULL && (!rapat_text_parse_id (opt->count, &count) || count > RAPAT_MAX_OCCURRENCES))
    {
      g_autofree char *ex = rapat_text_excerpt (opt->count);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("count '%s': expected a number of occurrences from 1 to %d"), ex,
                   RAPAT_MAX_OCCURRENCES);
      return FALSE;
    }
  series->rrule = rapat_recur_rule (opt->repeat, opt->until, count, tz, error);
  if (series->rrule == NULL)
    return FALSE;
  starts = rapat_recur_expand_span (series->rrule, m->start_utc, length, tz, error);
  if (starts == NULL)
    return FALSE;
  series->uid = g_strdup (m->uid);
  series->start_utc = m->start_utc;
  series->duration_s = length;
  series->tzid = g_strdup (m->tzid);
  if (!rapat_store_series_insert (ctx->store, series, ctx->now, error))
    return FALSE;
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);

      g_free (m->uid);
      m->uid = rapat_occurrence_uid (series->uid, t);
      m->start_utc = m->recurrence_utc = t;
      m->end_utc = t + length;
      m->series_id = series->id;
      if (!rapat_store_meeting_insert (ctx->store, m, error)
          || !rapat_cmd_check_clashes (ctx, m->id, NULL, opt->strict, error))
        return FALSE;
      if (first == 0)
        first = m->id;
    }
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", first);
  return TRUE;
}

/* meeting add TITLE */
static gboolean
meeting_add (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();

  m->kind = g_strdup ("meeting");
  if (!rapat_cmd_take_text (_("title"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &m->title, error)
      || !apply_details (ctx, m, error) || !apply_times (ctx, "meeting add", m, TRUE, error))
    return FALSE;
  m->uid = rapat_uid_new ();
  m->created_at = m->updated_at = ctx->now;
  if (opt->repeat != NULL || opt->until != NULL || opt->count != NULL)
    return add_series (ctx, m, error);
  if (!rapat_store_meeting_insert (ctx->store, m, error)
      || !rapat_cmd_check_clashes (ctx, m->id, NULL, opt->strict, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", m->id);
  return TRUE;
}

/* Stores @after in place of @before, raising the sequence when a calendar
 * must see the change. */
static gboolean
save_meeting (RapatCmdContext *ctx, const RapatMeeting *before, RapatMeeting *after,
              GError **error)
{
  if (rapat_meeting_is_significant_change (before, after))
    after->sequence = before->sequence + 1;
  after->updated_at = ctx->now;
  return rapat_store_meeting_update (ctx->store, after, error);
}

/* Returns a field-by-field copy of @m. */
static RapatMeeting *
meeting_copy (const RapatMeeting *m)
{
  RapatMeeting *c = rapat_meeting_new ();

  *c = *m;
  c->uid = g_strdup (m->uid);
  c->title = g_strdup (m->title);
  c->kind = g_strdup (m->kind);
  c->description = g_strdup (m->description);
  c->location = g_strdup (m->location);
  c->tzid = g_strdup (m->tzid);
  c->organizer_name = g_strdup (m->organizer_name);
  c->organizer_email = g_strdup (m->organizer_email);
  c->cancel_reason = g_strdup (m->cancel_reason);
  c->series_rule = g_strdup (m->series_rule);
  c->url = g_strdup (m->url);
  return c;
}

/* Returns why the replies to @before no longer hold in @after: "time",
 * "zone" or "place" (the first that applies, in that order), or NULL.  A new
 * online link is no move: whoever accepted can still join. */
static const char *
replies_void_reason (const RapatMeeting *before, const RapatMeeting *after)
{
  if (before->start_utc != after->start_utc || before->end_utc != after->end_utc)
    return "time";
  if (g_strcmp0 (before->tzid, after->tzid) != 0)
    return "zone";
  if (g_strcmp0 (before->location, after->location) != 0)
    return "place";
  return NULL;
}

/* Sets the replies to @m back to needs-action because of @reason (see
 * replies_void_reason()), and says on stderr how many and how to keep them. */
static gboolean
reset_replies (RapatCmdContext *ctx, const RapatMeeting *m, const char *reason, GError **error)
{
  gint64 n = rapat_store_attendee_reset_replies (ctx->store, m->id, reason, ctx->now, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    return TRUE;
  /* Whole sentences, one per reason, so that translators can order them. */
  if (strcmp (reason, "time") == 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "rapat: warning: %" PRId64 " reply to '%s' reset to needs-action because its time changed; the old reply is kept (attendee list --history); --keep-replies keeps it\n",
                             "rapat: warning: %" PRId64 " replies to '%s' reset to needs-action because its time changed; the old replies are kept (attendee list --history); --keep-replies keeps them\n",
                             n),
                n, m->title);
  else if (strcmp (reason, "zone") == 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "rapat: warning: %" PRId64 " reply to '%s' reset to needs-action because its zone changed; the old reply is kept (attendee list --history); --keep-replies keeps it\n",
                             "rapat: warning: %" PRId64 " replies to '%s' reset to needs-action because its zone changed; the old replies are kept (attendee list --history); --keep-replies keeps them\n",
                             n),
                n, m->title);
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "rapat: warning: %" PRId64 " reply to '%s' reset to needs-action because its place changed; the old reply is kept (attendee list --history); --keep-replies keeps it\n",
                             "rapat: warning: %" PRId64 " replies to '%s' reset to needs-action because its place changed; the old replies are kept (attendee list --history); --keep-replies keeps them\n",
                             n),
                n, m->title);
  return TRUE;
}

/* meeting edit M */
static gboolean
meeting_edit (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) before = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatMeeting) after = NULL;
  const char *reason;

  if (before == NULL)
    return FALSE;
  after = meeting_copy (before);
  if (!apply_details (ctx, after, error) || !apply_times (ctx, "meeting edit", after, FALSE, error)
      || !save_meeting (ctx, before, after, error))
    return FALSE;
  /* Only a change of time, room or status can bring a new clash.  Checked
   * first: a clash refused with --strict is then the only line on stderr. */
  if ((before->start_utc != after->start_utc || before->end_utc != after->end_utc
       || g_strcmp0 (before->location, after->location) != 0 || before->status != after->status
       || before->organizer_id != after->organizer_id)
      && !rapat_cmd_check_clashes (ctx, after->id, NULL, opt->strict, error))
    return FALSE;
  /* A reply was given to a time and a place: once they change, the
   * invitation asks again (RSVP=TRUE) instead of claiming the old answer.
   * The meeting's id is one occurrence, so a series keeps its other replies. */
  reason = replies_void_reason (before, after);
  if (reason != NULL && !opt->keep_replies)
    return reset_replies (ctx, after, reason, error);
  return TRUE;
}

/* meeting cancel M */
static gboolean
meeting_cancel (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) before = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatMeeting) after = NULL;

  if (before == NULL)
    return FALSE;
  if (before->status == RAPAT_MEETING_CANCELLED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': already cancelled"), before->title);
      return FALSE;
    }
  after = meeting_copy (before);
  after->status = RAPAT_MEETING_CANCELLED;
  if (!rapat_cmd_take_text (_("reason"), opt->reason, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT,
                            &after->cancel_reason, error))
    return FALSE;
  return save_meeting (ctx, before, after, error);
}

/* meeting delete M */
static gboolean
meeting_delete (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(GPtrArray) attendees = NULL;
  guint recorded = 0;
  gint64 n_actions;

  if (m == NULL)
    return FALSE;
  attendees = rapat_store_attendee_list (ctx->store, m->id, error);
  if (attendees == NULL)
    return FALSE;
  for (guint i = 0; i < attendees->len; i++)
    if (((RapatAttendee *) attendees->pdata[i])->attendance != RAPAT_ATTENDANCE_NONE)
      recorded++;
  if (recorded > 0 && !opt->force)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "meeting '%s': attendance is recorded for %u person; cancel it instead, or delete with --force",
                                "meeting '%s': attendance is recorded for %u people; cancel it instead, or delete with --force",
                                recorded),
                   m->title, recorded);
      return FALSE;
    }
  n_actions = rapat_store_meeting_count_actions (ctx->store, m->id, error);
  if (n_actions < 0)
    return FALSE;
  if (n_actions > 0 && !opt->force)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "meeting '%s': raised %" PRId64 " action; cancel it instead, or delete with --force (actions are kept, unlinked)",
                                "meeting '%s': raised %" PRId64 " actions; cancel it instead, or delete with --force (actions are kept, unlinked)",
                                n_actions),
                   m->title, n_actions);
      return FALSE;
    }
  return rapat_store_meeting_delete (ctx->store, m->id, error);
}

/* meeting list */
static gboolean
meeting_list (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  RapatMeetingFilter filter = { 0, 0, NULL, -1 };
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(RapatTable) table = NULL;

  if (!rapat_cmd_day_range (ctx, opt->from, opt->to, opt->tz, &filter.from_utc, &filter.to_utc, error))
    return FALSE;
  if (opt->status != NULL && !rapat_enum_parse (&rapat_meeting_status_enum, opt->status,
                                               &filter.status, error))
    return FALSE;
  filter.kind = opt->kind;
  filter.brief = !opt->json;   /* the table shows neither organizer nor agenda count */
  meetings = rapat_store_meeting_list (ctx->store, &filter, error);
  if (meetings == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_array (json, NULL);
      for (guint i = 0; i < meetings->len; i++)
        {
          const RapatMeeting *m = meetings->pdata[i];
          g_autoptr(GTimeZone) mtz = rapat_present_zone (m);
          rapat_json_begin_object (json, NULL);
          rapat_present_meeting_json (json, m, mtz);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      return TRUE;
    }
  table = rapat_table_new (_("ID"), _("Date"), _("Time"), _("Title"), _("Location"), _("Status"),
                           _("People"), NULL);
  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 6);
  rapat_table_max_width (table, 3, 40);
  rapat_table_max_width (table, 4, 28);
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(GTimeZone) mtz = rapat_present_zone (m);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
      g_autofree char *day = NULL;
      g_autofree char *span = rapat_when_clock_span (m->start_utc, m->end_utc, mtz, &day);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, m->n_attendees);

      rapat_table_add (table, id, day, span, m->title, m->location,
                       _(rapat_enum_name (&rapat_meeting_status_enum, m->status)), n);
    }
  if (rapat_table_rows (table) == 0)
    fprintf (ctx->out, _("No meetings found.\n"));
  else
    rapat_table_print (table, ctx->out, "");
  return TRUE;
}

/* Prints one "  Label:  value" line of the meeting header. */
static void
header_line (FILE *out, const char *label, const char *value)
{
  if (value != NULL)
    fprintf (out, "  %-12s %s\n", label, value);
}

/* meeting show M */
static gboolean
meeting_show (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *when = NULL;
  g_autofree char *status = NULL;
  g_autofree char *today = NULL;
  guint by_rsvp[4] = { 0 }, by_att[6] = { 0 }, unrecorded = 0;

  if (m == NULL)
    return FALSE;
  items = rapat_store_agenda_list (ctx->store, m->id, error);
  attendees = items != NULL ? rapat_store_attendee_list (ctx->store, m->id, error) : NULL;
  followups = attendees != NULL ? rapat_store_action_followups (ctx->store, m, error) : NULL;
  if (followups == NULL)
    return FALSE;
  /* Overdue follow-ups are judged against today, known before any output. */
  if (followups->len > 0 && (today = rapat_cmd_today (ctx, error)) == NULL)
    return FALSE;
  tz = rapat_present_zone (m);
  if (opt->json)
    {
      g_autoptr(RapatJson) json = NULL;

      history = rapat_store_reply_history (ctx->store, m->id, error);
      if (history == NULL)
        return FALSE;
      json = rapat_json_new (ctx->out);
      rapat_json_begin_object (json, NULL);
      rapat_present_meeting_json (json, m, tz);
      rapat_present_agenda_json (json, m, tz, items);
      rapat_present_attendees_json (json, tz, attendees, history);
      rapat_json_begin_array (json, "follow_up");
      for (guint i = 0; i < followups->len; i++)
        {
          const RapatAction *a = followups->pdata[i];

          rapat_json_begin_object (json, NULL);
          rapat_json_int (json, "id", a->id);
          rapat_json_string (json, "title", a->title);
          rapat_json_string (json, "owner", a->owner_name);
          rapat_json_string (json, "due", a->due);
          rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, a->status));
          rapat_json_int (json, "progress", a->progress);
          rapat_json_bool (json, "overdue", rapat_action_is_overdue (a, today));
          rapat_json_id (json, "meeting_id", a->meeting_id);
          rapat_json_id (json, "issue_id", a->issue_id);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
      return TRUE;
    }
  when = rapat_when_meeting (m, tz);
  status = g_strdup_printf (_("%s (sequence %" PRId64 ")"),
                            _(rapat_enum_name (&rapat_meeting_status_enum, m->status)), m->sequence);
  fprintf (ctx->out, _("Meeting %" PRId64 ": %s\n"), m->id, m->title);
  header_line (ctx->out, _("When:"), when);
  header_line (ctx->out, _("Zone:"), m->tzid);
  header_line (ctx->out, _("Location:"), rapat_cmd_or (m->location, "-"));
  header_line (ctx->out, _("Link:"), m->url);
  header_line (ctx->out, _("Kind:"), m->kind);
  header_line (ctx->out, _("Status:"), status);
  header_line (ctx->out, _("Reason:"), m->cancel_reason);
  header_line (ctx->out, _("Organizer:"), rapat_cmd_or (m->organizer_name, "-"));
  header_line (ctx->out, _("UID:"), m->uid);
  if (m->series_id != 0)
    {
      g_autofree char *repeats = NULL;
      if (m->recurrence_utc != m->start_utc)
        {
          g_autofree char *was = rapat_when_instant (m->recurrence_utc, tz);
          repeats = g_strdup_printf (_("%s (series %" PRId64 "; moved from %s)"), m->series_rule,
                                     m->series_id, was);
        }
      else
        repeats = g_strdup_printf (_("%s (series %" PRId64 ")"), m->series_rule, m->series_id);
      header_line (ctx->out, _("Repeats:"), repeats);
    }
  if (m->description != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (m->description, "\n", -1);
      fprintf (ctx->out, "\n%s\n", _("Description"));
      for (char **l = lines; *l != NULL; l++)
        fprintf (ctx->out, "  %s\n", *l);
    }

  fprintf (ctx->out, "\n%s (%u)\n", _("Agenda"), items->len);
  if (items->len > 0)
    rapat_present_agenda_table (ctx->out, m, tz, items, "  ");

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      by_rsvp[a->rsvp]++;
      if (a->attendance == RAPAT_ATTENDANCE_NONE)
        unrecorded++;
      else
        by_att[a->attendance]++;
    }
  fprintf (ctx->out, "\n%s (%u)", _("Attendees"), attendees->len);
  if (attendees->len > 0)
    {
      fprintf (ctx->out, _(": replies %u accepted, %u declined, %u tentative, %u none"),
               by_rsvp[RAPAT_RSVP_ACCEPTED], by_rsvp[RAPAT_RSVP_DECLINED],
               by_rsvp[RAPAT_RSVP_TENTATIVE], by_rsvp[RAPAT_RSVP_NEEDS_ACTION]);
      if (unrecorded < attendees->len)
        fprintf (ctx->out, _("; attendance %u present, %u represented, %u excused, %u sick, "
                             "%u duty, %u absent, %u not recorded"),
                 by_att[RAPAT_ATTENDANCE_PRESENT], by_att[RAPAT_ATTENDANCE_REPRESENTED],
                 by_att[RAPAT_ATTENDANCE_EXCUSED], by_att[RAPAT_ATTENDANCE_SICK],
                 by_att[RAPAT_ATTENDANCE_DUTY], by_att[RAPAT_ATTENDANCE_ABSENT], unrecorded);
    }
  fputc ('\n', ctx->out);
  if (attendees->len > 0)
    rapat_present_attendee_table (ctx->out, m, tz, attendees, "  ");

  if (followups->len > 0)
    {
      g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Due"), _("Status"), _("Done"),
                                                     _("Action"), _("Owner"), _("From"), NULL);
      rapat_table_align_right (table, 0);
      rapat_table_align_right (table, 3);
      rapat_table_max_width (table, 4, 48);
      rapat_table_max_width (table, 5, 28);
      fprintf (ctx->out, "\n%s (%u)\n", _("Follow-up from earlier meetings"), followups->len);
      for (guint i = 0; i < followups->len; i++)
        {
          const RapatAction *a = followups->pdata[i];
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
          g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);
          g_autofree char *astatus = rapat_present_action_status (a, today);
          g_autoptr(GTimeZone) atz = a->meeting_tz != NULL
            ? rapat_time_zone_load (a->meeting_tz, NULL, NULL) : NULL;
          g_autofree char *from = atz != NULL
            ? rapat_present_date (a->meeting_start, atz)
            : (a->issue_id != 0 ? g_strdup_printf (_("issue #%" PRId64), a->issue_id) : NULL);

          rapat_table_add (table, id, rapat_cmd_or (a->due, "-"), astatus, pct, a->title,
                           a->owner_name, from);
        }
      rapat_table_print (table, ctx->out, "  ");
    }
  return TRUE;
}

const RapatCommand rapat_meeting_commands[] = {
  { "add", "TITLE", N_("Schedule a meeting"),
    N_("Times are read in --tz (an IANA zone; default the system's) unless they carry an offset.\n"
       "With --repeat, every occurrence is a meeting of its own (move, cancel or record\n"
       "attendance on each); the series must end (--until, --count, or in the rule).\n"
       "Prints the new meeting's id (a series: its first occurrence's)."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_add },
  { "list", "", N_("List meetings, by start time"), NULL, RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (list_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_list },
  { "show", "MEETING", N_("Show a meeting with its agenda and attendees"), NULL, RAPAT_CMD_STORE,
    1, 1, RAPAT_OPTIONS (show_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_show },
  { "edit", "MEETING", N_("Change a meeting"),
    N_("A new --start keeps the length; --tz alone keeps the wall-clock times in the new zone.\n"
       "Changing title, time, zone, location, link or status raises the sequence calendars use.\n"
       "A new time, zone or location sets every reply back to needs-action (the old replies\n"
       "stay in 'attendee list --history'), unless --keep-replies."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (edit_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_edit },
  { "cancel", "MEETING", N_("Cancel a meeting (it is kept, marked cancelled)"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (cancel_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_cancel },
  { "delete", "MEETING", N_("Delete a meeting with its agenda and attendees"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (delete_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_delete },
  { NULL },
};
