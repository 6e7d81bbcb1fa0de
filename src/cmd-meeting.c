/* rapat — "rapat meeting": schedule, change, cancel and show meetings (cli layer). */
#include "cmd.h"
#include "holiday.h"
#include "meeting.h"
#include "output.h"
#include "present.h"
#include "report-actions.h"
#include "review.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

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
  RapatRangeOptions range;
  char *reason;
  char *repeat;
  char *until;
  char *count;
  char *url;
  char *like;
  gboolean keep_replies;
  gboolean force;
  gboolean strict;
  gboolean json;
} MeetingOptions;

#define TEXT(name, field, desc, arg) RAPAT_OPT_TEXT (name, MeetingOptions, field, desc, arg)
#define FLAG(name, field, desc) RAPAT_OPT_FLAG (name, MeetingOptions, field, desc)

#define TIME_ENTRIES \
  TEXT ("start", start, N_("Start, \"YYYY-MM-DD HH:MM\" in the zone (or with an offset, +09:00)"), \
        N_("WHEN")), \
  TEXT ("end", end, N_("End, \"YYYY-MM-DD HH:MM\" or \"HH:MM\" on the start's day"), N_("WHEN")), \
  TEXT ("duration", duration, N_("Length instead of --end: 90m, 2h, 2h30m"), N_("LENGTH")), \
  TEXT ("tz", tz, N_("Time zone, e.g. Asia/Jayapura (default: the system's)"), N_("ZONE"))

static const RapatOption add_entries[] = {
  TIME_ENTRIES,
  TEXT ("location", location, N_("Where it takes place"), N_("PLACE")),
  TEXT ("kind", kind, N_("Kind of meeting, e.g. rakernis (default: meeting)"), N_("KIND")),
  TEXT ("organizer", organizer, N_("The person organising it"), N_("PERSON")),
  TEXT ("description", description, N_("Longer description"), N_("TEXT")),
  TEXT ("status", status, N_("tentative or confirmed (default)"), N_("STATUS")),
  TEXT ("url", url, N_("Where to join online, an http or https address"), N_("URL")),
  FLAG ("strict", strict, N_("Refuse a clash instead of warning about it")),
  TEXT ("repeat", repeat, N_("Repeat: daily, weekly, monthly, yearly or an RRULE"), N_("RULE")),
  TEXT ("until", until, N_("Last day of the series (with --repeat)"), N_("DATE")),
  TEXT ("count", count, N_("Number of occurrences (with --repeat)"), N_("N")),
  TEXT ("like", like, N_("Copy this meeting's agenda, invitations and details (as meeting copy)"),
        N_("MEETING")),
  RAPAT_OPT_END,
};

static const RapatOption copy_entries[] = {
  TEXT ("title", title, N_("Title of the copy (default: the same)"), N_("TITLE")),
  TEXT ("start", start, N_("Start, \"YYYY-MM-DD HH:MM\" in the zone (or with an offset, +09:00)"),
        N_("WHEN")),
  TEXT ("end", end, N_("End, \"YYYY-MM-DD HH:MM\" or \"HH:MM\" on the start's day"), N_("WHEN")),
  TEXT ("duration", duration, N_("Length instead of --end: 90m, 2h, 2h30m"), N_("LENGTH")),
  TEXT ("tz", tz, N_("Time zone (default: the meeting's)"), N_("ZONE")),
  FLAG ("strict", strict, N_("Refuse a clash instead of warning about it")),
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  TEXT ("title", title, N_("New title"), N_("TITLE")),
  TIME_ENTRIES,
  TEXT ("location", location, N_("Where (\"\" clears it)"), N_("PLACE")),
  TEXT ("kind", kind, N_("Kind of meeting"), N_("KIND")),
  TEXT ("organizer", organizer, N_("Organizer (\"\" clears it)"), N_("PERSON")),
  TEXT ("description", description, N_("Description (\"\" clears it)"), N_("TEXT")),
  TEXT ("status", status, N_("tentative or confirmed (reinstates a cancelled meeting)"),
        N_("STATUS")),
  TEXT ("url", url, N_("Where to join online (\"\" clears it)"), N_("URL")),
  FLAG ("keep-replies", keep_replies, N_("Keep the replies when the time, zone or place changes")),
  FLAG ("strict", strict, N_("Refuse a clash instead of warning about it")),
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_GROUP (rapat_range_options, MeetingOptions, range),
  TEXT ("kind", kind, N_("Only meetings of this kind"), N_("KIND")),
  TEXT ("status", status, N_("Only tentative, confirmed or cancelled meetings"), N_("STATUS")),
  RAPAT_OPT_JSON (MeetingOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  RAPAT_OPT_JSON (MeetingOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption cancel_entries[] = {
  TEXT ("reason", reason, N_("Why it is cancelled"), N_("TEXT")),
  RAPAT_OPT_END,
};

static const RapatOption delete_entries[] = {
  FLAG ("force", force, N_("Delete even when attendance was recorded or actions raised")),
  RAPAT_OPT_END,
};

/* Applies --start/--end/--duration/--tz to @m (see rapat_meeting_apply_times()):
 * checks the options go together, picks the default zone for a new meeting,
 * and passes on the domain's warnings. */
static gboolean
apply_times (RapatCmdContext *ctx, const char *cmd, RapatMeeting *m, gboolean is_new,
             GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *default_tz = NULL;
  RapatMeetingTimes times = { opt->start, opt->end, opt->duration, opt->tz, NULL };

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
  if (is_new && opt->tz == NULL)
    {
      times.default_tz = default_tz = rapat_cmd_zone (ctx, NULL, error);
      if (default_tz == NULL)
        return FALSE;
    }
  if (!rapat_meeting_apply_times (m, &times, is_new, warnings, error))
    return FALSE;
  for (guint i = 0; i < warnings->len; i++)
    rapat_cmd_warn (ctx, "%s", (const char *) warnings->pdata[i]);
  return TRUE;
}

/* Applies the descriptive options (title, location, kind, organizer,
 * description, status, url) to @m. */
static gboolean
apply_details (RapatCmdContext *ctx, RapatMeeting *m, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  if (opt->url != NULL && *opt->url != '\0' && !rapat_meeting_check_url (opt->url, error))
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
                       _("status '%s': use 'rapat meeting cancel' to cancel a meeting"),
                       opt->status);
          return FALSE;
        }
      m->status = status;
      g_clear_pointer (&m->cancel_reason, g_free);
    }
  return TRUE;
}

/* Warns when meeting @m falls on a holiday, by its date in its own zone:
 * it is kept, but those invited may be off that day. */
static gboolean
warn_holidays (RapatCmdContext *ctx, const RapatMeeting *m, GError **error)
{
  g_autoptr(GPtrArray) holidays = rapat_holiday_for_meeting (ctx->store, m, error);

  if (holidays == NULL)
    return FALSE;
  for (guint i = 0; i < holidays->len; i++)
    {
      const RapatHoliday *h = holidays->pdata[i];

      rapat_cmd_warn (ctx, _("%s is a holiday (%s)"), h->day, h->name);
    }
  return TRUE;
}

/* Fills the stored meeting @m with what meeting @like_id planned (when
 * not 0), then checks it for clashes and holidays. */
static gboolean
fill_and_check (RapatCmdContext *ctx, const RapatMeeting *m, gint64 like_id, GError **error)
{
  const MeetingOptions *opt = ctx->options;

  return (like_id == 0 || rapat_meeting_copy_contents (ctx->store, like_id, m->id, error))
         && rapat_cmd_check_clashes (ctx, m->id, NULL, opt->strict, error)
         && warn_holidays (ctx, m, error);
}

/* Creates the series @m starts and one meeting per occurrence, each
 * filled from meeting @like_id (when not 0) and checked for clashes;
 * prints the first occurrence's id. */
static gboolean
add_series (RapatCmdContext *ctx, RapatMeeting *m, gint64 like_id, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatSeries) series = NULL;
  g_autoptr(GArray) starts = NULL;
  gint64 first = 0;

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
  series = rapat_meeting_series_new (m, opt->repeat, opt->until, opt->count, &starts, error);
  if (series == NULL || !rapat_store_series_insert (ctx->store, series, ctx->now, error))
    return FALSE;
  for (guint i = 0; i < starts->len; i++)
    {
      rapat_meeting_set_occurrence (m, series, g_array_index (starts, gint64, i));
      if (!rapat_store_meeting_insert (ctx->store, m, error)
          || !fill_and_check (ctx, m, like_id, error))
        return FALSE;
      if (first == 0)
        first = m->id;
    }
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", first);
  return TRUE;
}

/* Returns a new meeting made from @from (see rapat_meeting_template())
 * with the options of @cmd applied: --start is required, the length is
 * @from's unless --end or --duration, the zone @from's unless --tz. */
static RapatMeeting *
template_from (RapatCmdContext *ctx, const char *cmd, const RapatMeeting *from, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_meeting_template (from, ctx->now);

  if (opt->start == NULL)
    {
      rapat_cmd_usage_error (error, cmd, _("--start is required: the copy's time"));
      return NULL;
    }
  if (!apply_details (ctx, m, error) || !apply_times (ctx, cmd, m, FALSE, error))
    return NULL;
  return g_steal_pointer (&m);
}

/* Stores @m, fills it from meeting @like_id (when not 0), checks it and
 * prints its id. */
static gboolean
insert_meeting (RapatCmdContext *ctx, RapatMeeting *m, gint64 like_id, GError **error)
{
  if (!rapat_store_meeting_insert (ctx->store, m, error) || !fill_and_check (ctx, m, like_id, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", m->id);
  return TRUE;
}

/* meeting add TITLE */
static gboolean
meeting_add (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = NULL;
  g_autoptr(RapatMeeting) like = NULL;
  gint64 like_id = 0;

  if (opt->like != NULL)
    {
      if (!rapat_store_meeting_resolve (ctx->store, opt->like, &like_id, error)
          || (like = rapat_store_meeting_get (ctx->store, like_id, error)) == NULL
          || (m = template_from (ctx, "meeting add", like, error)) == NULL)
        return FALSE;
      g_clear_pointer (&m->title, g_free);
    }
  else
    {
      m = rapat_meeting_new ();
      m->kind = g_strdup ("meeting");
      m->uid = rapat_uid_new ();
      m->created_at = m->updated_at = ctx->now;
    }
  if (!rapat_cmd_take_text (_("title"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &m->title, error)
      || (like == NULL
          && (!apply_details (ctx, m, error)
              || !apply_times (ctx, "meeting add", m, TRUE, error))))
    return FALSE;
  if (opt->repeat != NULL || opt->until != NULL || opt->count != NULL)
    return add_series (ctx, m, like_id, error);
  return insert_meeting (ctx, m, like_id, error);
}

/* meeting copy MEETING */
static gboolean
meeting_copy (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatMeeting) m = template_from (ctx, "meeting copy", ctx->meeting, error);

  return m != NULL && insert_meeting (ctx, m, ctx->meeting->id, error);
}

/* Sets the replies to @m back to needs-action because of @reason (see
 * rapat_meeting_replies_void_reason()), and warns how many and how to keep them. */
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
    rapat_cmd_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                      "%" PRId64 " reply to '%s' reset to needs-action because its time changed; the old reply is kept (attendee list --history); --keep-replies keeps it",
                                      "%" PRId64 " replies to '%s' reset to needs-action because its time changed; the old replies are kept (attendee list --history); --keep-replies keeps them",
                                      n),
                    n, m->title);
  else if (strcmp (reason, "zone") == 0)
    rapat_cmd_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                      "%" PRId64 " reply to '%s' reset to needs-action because its zone changed; the old reply is kept (attendee list --history); --keep-replies keeps it",
                                      "%" PRId64 " replies to '%s' reset to needs-action because its zone changed; the old replies are kept (attendee list --history); --keep-replies keeps them",
                                      n),
                    n, m->title);
  else
    rapat_cmd_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                      "%" PRId64 " reply to '%s' reset to needs-action because its place changed; the old reply is kept (attendee list --history); --keep-replies keeps it",
                                      "%" PRId64 " replies to '%s' reset to needs-action because its place changed; the old replies are kept (attendee list --history); --keep-replies keeps them",
                                      n),
                    n, m->title);
  return TRUE;
}

/* Writes @after over the meeting of @ctx.  The schema refuses to change
 * the title, time, zone, place or status of a meeting whose minutes are
 * final (schema/0012-minutes-pin.sql); that refusal names the meeting. */
static gboolean
update_meeting (RapatCmdContext *ctx, const RapatMeeting *after, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(RapatMinutes) n = NULL;

  if (rapat_store_meeting_update (ctx->store, after, &local))
    return TRUE;
  if (g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_INVALID)
      && (n = rapat_store_minutes_get (ctx->store, after->id, 0, NULL)) != NULL
      && n->status == RAPAT_MINUTES_FINAL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("meeting '%s': held and signed (its minutes are final, version %d), so its "
                   "title, time, zone, place and status stay as recorded; open a new version "
                   "with 'rapat minutes amend' first"), ctx->meeting->title, n->version);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* meeting edit MEETING */
static gboolean
meeting_edit (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  const RapatMeeting *before = ctx->meeting;
  g_autoptr(RapatMeeting) after = rapat_meeting_copy (before);
  const char *reason;

  if (!apply_details (ctx, after, error) || !apply_times (ctx, "meeting edit", after, FALSE, error))
    return FALSE;
  rapat_meeting_touch (before, after, ctx->now);
  if (!update_meeting (ctx, after, error))
    return FALSE;
  /* Checked first: a clash refused with --strict is then the only line on stderr. */
  if (rapat_meeting_may_clash (before, after)
      && !rapat_cmd_check_clashes (ctx, after->id, NULL, opt->strict, error))
    return FALSE;
  /* Only a meeting moved to another day or zone is news. */
  if ((after->start_utc != before->start_utc || after->end_utc != before->end_utc
       || g_strcmp0 (after->tzid, before->tzid) != 0)
      && !warn_holidays (ctx, after, error))
    return FALSE;
  /* A reply was given to a time and a place: once they change, the
   * invitation asks again (RSVP=TRUE) instead of claiming the old answer.
   * The meeting's id is one occurrence, so a series keeps its other replies. */
  reason = rapat_meeting_replies_void_reason (before, after);
  if (reason != NULL && !opt->keep_replies)
    return reset_replies (ctx, after, reason, error);
  return TRUE;
}

/* meeting cancel MEETING */
static gboolean
meeting_cancel (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  const RapatMeeting *before = ctx->meeting;
  g_autoptr(RapatMeeting) after = NULL;

  if (before->status == RAPAT_MEETING_CANCELLED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': already cancelled"), before->title);
      return FALSE;
    }
  after = rapat_meeting_copy (before);
  after->status = RAPAT_MEETING_CANCELLED;
  if (!rapat_cmd_take_text (_("reason"), opt->reason, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT,
                            &after->cancel_reason, error))
    return FALSE;
  rapat_meeting_touch (before, after, ctx->now);
  return update_meeting (ctx, after, error);
}

/* meeting delete MEETING */
static gboolean
meeting_delete (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;

  return rapat_meeting_check_delete (ctx->store, ctx->meeting, opt->force, error)
         && rapat_store_meeting_delete (ctx->store, ctx->target_id, error);
}

/* Prints @meetings as a JSON array. */
static void
list_json (FILE *out, GPtrArray *meetings)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(GTimeZone) mtz = rapat_when_meeting_zone (m);
      rapat_json_begin_object (json, NULL);
      rapat_present_meeting_json (json, m, mtz);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints @meetings as a table, each in its own zone. */
static void
list_table (FILE *out, GPtrArray *meetings)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Date"), _("Time"), _("Title"),
                                                 _("Location"), _("Status"), _("People"), NULL);

  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 6);
  rapat_table_max_width (table, 3, 40);
  rapat_table_max_width (table, 4, 28);
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(GTimeZone) mtz = rapat_when_meeting_zone (m);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
      g_autofree char *day = NULL;
      g_autofree char *span = rapat_when_clock_span (m->start_utc, m->end_utc, mtz, &day);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, m->n_attendees);

      rapat_table_add (table, id, day, span, m->title, m->location,
                       rapat_enum_label (&rapat_meeting_status_enum, m->status), n);
    }
  if (rapat_table_rows (table) == 0)
    fprintf (out, _("No meetings found.\n"));
  else
    rapat_table_print (table, out, "");
}

/* meeting list */
static gboolean
meeting_list (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  RapatMeetingFilter filter = { 0, 0, NULL, -1 };
  g_autoptr(GPtrArray) meetings = NULL;

  if (!rapat_cmd_range (ctx, &opt->range, &filter.from_utc, &filter.to_utc, error))
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
    list_json (ctx->out, meetings);
  else
    list_table (ctx->out, meetings);
  return TRUE;
}

/* Adds the line "Label: value" of the meeting header, when there is a value. */
static void
header_line (RapatFields *f, const char *label, const char *value)
{
  if (value != NULL)
    rapat_fields_add (f, label, value);
}

/* Prints @text after @lead as one line, or, when @out is a terminal that
 * is too narrow, wrapped at spaces into lines that each start with @lead. */
static void
print_line (FILE *out, const char *lead, const char *text)
{
  guint width = rapat_output_width_for (out);
  gsize lead_width = rapat_text_width (lead);

  if (width > lead_width + 20 && lead_width + rapat_text_width (text) > width)
    rapat_print_wrapped (out, lead, text, (guint) (width - lead_width));
  else
    fprintf (out, "%s%s\n", lead, text);
}

/* Prints the header of 'meeting show': the title, then one line per field. */
static void
show_header (FILE *out, const RapatMeeting *m, GTimeZone *tz)
{
  g_autofree char *when = rapat_when_meeting (m, tz);
  g_autofree char *status = g_strdup_printf (_("%s (sequence %" PRId64 ")"),
                                             rapat_enum_label (&rapat_meeting_status_enum, m->status),
                                             m->sequence);
  g_autofree char *repeats = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(RapatFields) f = rapat_fields_new (12);

  if (m->series_id != 0 && m->recurrence_utc != m->start_utc)
    {
      g_autofree char *was = rapat_when_instant (m->recurrence_utc, tz);
      repeats = g_strdup_printf (_("%s (series %" PRId64 "; moved from %s)"), m->series_rule,
                                 m->series_id, was);
    }
  else if (m->series_id != 0)
    repeats = g_strdup_printf (_("%s (series %" PRId64 ")"), m->series_rule, m->series_id);
  heading = g_strdup_printf (_("Meeting %" PRId64 ": %s"), m->id, m->title);
  print_line (out, "", heading);
  header_line (f, _("When:"), when);
  header_line (f, _("Zone:"), m->tzid);
  header_line (f, _("Location:"), rapat_cmd_or (m->location, "-"));
  header_line (f, _("Link:"), m->url);
  header_line (f, _("Kind:"), m->kind);
  header_line (f, _("Status:"), status);
  header_line (f, _("Reason:"), m->cancel_reason);
  header_line (f, _("Organizer:"), rapat_cmd_or (m->organizer_name, "-"));
  header_line (f, _("UID:"), m->uid);
  header_line (f, _("Repeats:"), repeats);
  rapat_fields_print (f, out, "  ");
  if (m->description != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (m->description, "\n", -1);
      fprintf (out, "\n%s\n", _("Description"));
      for (char **l = lines; *l != NULL; l++)
        print_line (out, "  ", *l);
    }
}

/* Prints the attendees of 'meeting show': a line counting the replies (and
 * the attendance, once some is recorded), then the table. */
static void
show_attendees (FILE *out, const RapatMeeting *m, GTimeZone *tz, GPtrArray *attendees)
{
  guint by_rsvp[4] = { 0 }, by_att[6] = { 0 }, unrecorded = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      by_rsvp[a->rsvp]++;
      if (a->attendance == RAPAT_ATTENDANCE_NONE)
        unrecorded++;
      else
        by_att[a->attendance]++;
    }
  /* Whole lines, so that translators can order them. */
  fputc ('\n', out);
  if (attendees->len == 0)
    summary = g_strdup_printf (_("Attendees (%u)"), attendees->len);
  else if (unrecorded == attendees->len)
    summary = g_strdup_printf (_("Attendees (%u): replies %u accepted, %u declined, %u tentative, %u none"),
                               attendees->len, by_rsvp[RAPAT_RSVP_ACCEPTED],
                               by_rsvp[RAPAT_RSVP_DECLINED], by_rsvp[RAPAT_RSVP_TENTATIVE],
                               by_rsvp[RAPAT_RSVP_NEEDS_ACTION]);
  else
    summary = g_strdup_printf (_("Attendees (%u): replies %u accepted, %u declined, %u tentative, %u none; "
                                 "attendance %u present, %u represented, %u excused, %u sick, %u duty, "
                                 "%u absent, %u not recorded"),
                               attendees->len, by_rsvp[RAPAT_RSVP_ACCEPTED],
                               by_rsvp[RAPAT_RSVP_DECLINED], by_rsvp[RAPAT_RSVP_TENTATIVE],
                               by_rsvp[RAPAT_RSVP_NEEDS_ACTION], by_att[RAPAT_ATTENDANCE_PRESENT],
                               by_att[RAPAT_ATTENDANCE_REPRESENTED],
                               by_att[RAPAT_ATTENDANCE_EXCUSED], by_att[RAPAT_ATTENDANCE_SICK],
                               by_att[RAPAT_ATTENDANCE_DUTY], by_att[RAPAT_ATTENDANCE_ABSENT],
                               unrecorded);
  print_line (out, "", summary);
  if (attendees->len > 0)
    rapat_present_attendee_table (out, m, tz, attendees, "  ");
}

/* Prints the open actions a review at @m would take that no review item
 * of @m has yet (what 'agenda add-review' would add), overdue as of
 * @today. */
static void
show_followups (FILE *out, const RapatMeeting *m, GPtrArray *followups, const char *today)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Due"), _("Status"), _("Done"),
                                                 _("Action"), _("Owner"), _("From"), NULL);

  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 3);
  rapat_table_max_width (table, 4, 48);
  rapat_table_max_width (table, 5, 28);
  fprintf (out, "\n%s (%u)\n", _("Follow-up from earlier meetings, not yet under review"),
           followups->len);
  for (guint i = 0; i < followups->len; i++)
    {
      const RapatAction *a = followups->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);
      g_autofree char *astatus = rapat_present_action_status (a, today);
      /* The day of the meeting that raised it, in that meeting's zone. */
      g_autoptr(GTimeZone) atz = a->meeting_tz != NULL
        ? rapat_time_zone_load (a->meeting_tz, NULL, NULL) : NULL;
      g_autofree char *from = atz != NULL
        ? rapat_when_day (a->meeting_start, atz)
        : (a->issue_id != 0 ? g_strdup_printf (_("issue #%" PRId64), a->issue_id) : NULL);

      rapat_table_add (table, id, rapat_cmd_or (a->due, "-"), astatus, pct, a->title,
                       a->owner_name, from);
    }
  rapat_table_print (table, out, "  ");
  fprintf (out, _("  (to review them at this meeting: rapat agenda add-review %" PRId64 ")\n"),
           m->id);
}

/* Returns the requests of @all still before the organizer: every new time
 * proposed, and the invitations asked for again and not yet sent. */
static GPtrArray *
open_requests (GPtrArray *all)
{
  GPtrArray *open = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const RapatItipRequest *r = all->pdata[i];

      if (strcmp (r->method, "counter") == 0 || r->answered_at == 0)
        g_ptr_array_add (open, all->pdata[i]);
    }
  return open;
}

/* Writes @requests (RapatItipRequest) as the JSON member "requests". */
static void
requests_json (RapatJson *json, GTimeZone *tz, GPtrArray *requests)
{
  rapat_json_begin_array (json, "requests");
  for (guint i = 0; i < requests->len; i++)
    {
      const RapatItipRequest *r = requests->pdata[i];
      g_autofree char *start = r->start_utc != 0 ? rapat_time_format_iso (r->start_utc, tz) : NULL;
      g_autofree char *end = r->end_utc != 0 ? rapat_time_format_iso (r->end_utc, tz) : NULL;
      g_autofree char *sent = rapat_time_format_iso (r->sent_at, tz);

      rapat_json_begin_object (json, NULL);
      rapat_json_string (json, "name", r->person_name);
      rapat_json_string (json, "email", r->person_email);
      rapat_json_string (json, "method", r->method);
      rapat_json_string (json, "proposed_start", start);
      rapat_json_string (json, "proposed_end", end);
      rapat_json_string (json, "comment", r->comment);
      rapat_json_string (json, "sent", sent);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* The minutes of a meeting as 'meeting show' gives them. */
typedef struct {
  RapatMinutes *minutes;   /* NULL when none were started */
  GPtrArray *decisions;    /* RapatDecision, by number */
  GPtrArray *versions;     /* RapatMinutesVersion */
  GPtrArray *actions;      /* RapatAction raised in the meeting */
} ShowMinutes;

/* Frees what show_minutes_load() filled in @s. */
static void
show_minutes_clear (ShowMinutes *s)
{
  g_clear_pointer (&s->minutes, rapat_minutes_free);
  g_clear_pointer (&s->decisions, g_ptr_array_unref);
  g_clear_pointer (&s->versions, g_ptr_array_unref);
  g_clear_pointer (&s->actions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShowMinutes, show_minutes_clear)

/* Reads the current minutes of @m, if any, into @s. */
static gboolean
show_minutes_load (RapatStore *store, const RapatMeeting *m, ShowMinutes *s, GError **error)
{
  g_autoptr(GError) local = NULL;
  RapatActionFilter filter = { 0 };

  s->minutes = rapat_store_minutes_get (store, m->id, 0, &local);
  if (s->minutes == NULL)
    {
      if (g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  filter.status = -1;
  filter.meeting_id = m->id;
  s->decisions = rapat_store_decision_list (store, m->id, 0, error);
  s->versions = s->decisions != NULL ? rapat_store_minutes_versions (store, m->id, error) : NULL;
  s->actions = s->versions != NULL ? rapat_store_action_list (store, &filter, error) : NULL;
  return s->actions != NULL;
}

/* meeting show MEETING */
static gboolean
meeting_show (RapatCmdContext *ctx, GError **error)
{
  const MeetingOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) all_requests = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *today = NULL;
  g_auto(ShowMinutes) minutes = { 0 };

  items = rapat_store_agenda_list (ctx->store, m->id, error);
  attendees = items != NULL ? rapat_store_attendee_list (ctx->store, m->id, error) : NULL;
  followups = attendees != NULL ? rapat_review_candidates (ctx->store, m, NULL, error) : NULL;
  all_requests = followups != NULL ? rapat_store_itip_requests (ctx->store, m->id, 0, error)
                                   : NULL;
  if (all_requests == NULL || !show_minutes_load (ctx->store, m, &minutes, error))
    return FALSE;
  requests = open_requests (all_requests);
  /* Overdue follow-ups are judged against today, known before any output. */
  if (followups->len > 0 && (today = rapat_cmd_today (ctx, error)) == NULL)
    return FALSE;
  tz = rapat_when_meeting_zone (m);
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
          rapat_report_action_json (json, a, today);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      /* Last, so that programs reading the fields by position are not disturbed. */
      rapat_present_meeting_minutes_json (json, tz, minutes.minutes, minutes.decisions,
                                          minutes.versions, minutes.actions);
      requests_json (json, tz, requests);
      rapat_json_end_object (json);
      return TRUE;
    }
  show_header (ctx->out, m, tz);
  fprintf (ctx->out, "\n%s (%u)\n", _("Agenda"), items->len);
  if (items->len > 0)
    rapat_present_agenda_table (ctx->out, m, tz, items, "  ");
  show_attendees (ctx->out, m, tz, attendees);
  if (requests->len > 0)
    {
      fprintf (ctx->out, "\n%s (%u)\n", _("New times proposed and invitations asked for again"),
               requests->len);
      rapat_cmd_itip_requests_print (ctx->out, requests, FALSE, "  ");
      fprintf (ctx->out, _("  (a new time is not applied by itself: 'rapat meeting edit %" PRId64
                           " --start ...' moves the meeting; 'rapat invite send %" PRId64
                           "' sends what was asked for again)\n"), m->id, m->id);
    }
  if (followups->len > 0)
    show_followups (ctx->out, m, followups, today);
  rapat_present_meeting_minutes (ctx->out, m, tz, minutes.minutes, minutes.decisions,
                                 minutes.versions, minutes.actions);
  return TRUE;
}

const RapatCommand rapat_meeting_commands[] = {
  { "add", "TITLE", N_("Schedule a meeting"),
    N_("Times are read in --tz (an IANA zone; default the system's) unless they carry an offset.\n"
       "With --repeat, every occurrence is a meeting of its own (move, cancel or record\n"
       "attendance on each); the series must end (--until, --count, or in the rule).\n"
       "With --like MEETING, starts from a copy of that meeting (see 'meeting copy'); the\n"
       "options given override what is copied.\n"
       "Prints the new meeting's id (a series: its first occurrence's)."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, MeetingOptions),
    RAPAT_TARGET_NONE, meeting_add },
  { "copy", "MEETING", N_("Schedule a copy of a meeting at another time"),
    N_("Copies the agenda (items, lengths, types, presenters, rooms, parallel sessions,\n"
       "issues), the location, kind, description, link, organizer and the invitations\n"
       "with their roles; not the replies, attendance, minutes, decisions or actions.\n"
       "The copy keeps the length and zone unless --end, --duration or --tz; an\n"
       "occurrence of a series copies as a single meeting.  Prints the new id.\n"
       "'meeting add TITLE --like MEETING' does the same with a new title."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (copy_entries, MeetingOptions),
    RAPAT_TARGET_MEETING, meeting_copy },
  { "list", "", N_("List meetings, by start time"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (list_entries, MeetingOptions), RAPAT_TARGET_NONE, meeting_list },
  { "show", "MEETING", N_("Show a meeting with its agenda and attendees"), NULL, RAPAT_CMD_STORE,
    1, 1, RAPAT_OPTIONS (show_entries, MeetingOptions), RAPAT_TARGET_MEETING, meeting_show },
  { "edit", "MEETING", N_("Change a meeting"),
    N_("A new --start keeps the length; --tz alone keeps the wall-clock times in the new zone.\n"
       "Changing title, time, zone, location, link or status raises the sequence calendars use.\n"
       "A new time, zone or location sets every reply back to needs-action (the old replies\n"
       "stay in 'attendee list --history'), unless --keep-replies."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (edit_entries, MeetingOptions),
    RAPAT_TARGET_MEETING, meeting_edit },
  { "cancel", "MEETING", N_("Cancel a meeting (it is kept, marked cancelled)"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (cancel_entries, MeetingOptions),
    RAPAT_TARGET_MEETING, meeting_cancel },
  { "delete", "MEETING", N_("Delete a meeting with its agenda and attendees"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (delete_entries, MeetingOptions),
    RAPAT_TARGET_MEETING, meeting_delete },
  { NULL },
};
