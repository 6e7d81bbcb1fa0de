/* rapat — "rapat report": reports for people and programs (cli layer). */
#include "cmd.h"
#include "output.h"
#include "report-actions.h"
#include "report-attendance.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


typedef struct {
  gboolean open;
  gboolean force;
  gboolean overdue;
  char *as_of;
  char *by;
  char *format;
  char *output;
  char *unit;
  char *issue;
  char *meeting;
  char *from;
  char *to;
  char *tz;
  char *kind;
  char *grace;
  char *blank;
  char *lang;
} ReportOptions;

static const RapatOption attendance_entries[] = {
  { "meeting", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, meeting), N_("Report on this meeting"), N_("MEETING"), NULL },
  { "from", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, from), N_("Period: meetings starting on or after this day"), N_("DATE"), NULL },
  { "to", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, to), N_("Period: meetings starting on or before this day"), N_("DATE"), NULL },
  { "tz", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, tz), N_("Zone the days are counted in (default: the system's)"), N_("ZONE"), NULL },
  { "kind", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, kind), N_("Period: only meetings of this kind"), N_("KIND"), NULL },
  { "unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, unit), N_("Period: only people of this unit and the units below it"), N_("UNIT"), NULL },
  { "by", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, by), N_("Period: a row per person (default) or per unit"), N_("GROUP"), NULL },
  { "grace", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, grace), N_("Arrivals up to this long after the start are on time (default 0m)"), N_("LENGTH"), NULL },
  { "format", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, format), N_("text (default), csv, json or html"), N_("FORMAT"), NULL },
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (ReportOptions, output), N_("Write to FILE instead of standard output"), N_("FILE"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption signin_entries[] = {
  { "meeting", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, meeting), N_("The meeting"), N_("MEETING"), NULL },
  { "blank", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, blank), N_("Empty rows for walk-ins (default 5)"), N_("N"), NULL },
  { "force", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ReportOptions, force), N_("Print the sheet of a cancelled meeting, marked cancelled on every page"), NULL, NULL },
  { "lang", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, lang), N_("Language of the sheet: id or en (default: id for meetings in Indonesian zones)"), N_("LANG"), NULL },
  { "format", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, format), N_("html (the only format)"), N_("FORMAT"), NULL },
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (ReportOptions, output), N_("Write to FILE instead of standard output"), N_("FILE"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption actions_entries[] = {
  { "open", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ReportOptions, open), N_("Only open and in-progress actions"), NULL, NULL },
  { "overdue", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ReportOptions, overdue), N_("Only open actions past their due day"), NULL, NULL },
  { "as-of", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, as_of), N_("Judge overdue as of this day (default: today)"), N_("DATE"), NULL },
  { "by", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, by), N_("Group by owner, unit or issue"), N_("GROUP"), NULL },
  { "unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, unit), N_("Only actions of this unit, the units below it, or their people"), N_("UNIT"), NULL },
  { "issue", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, issue), N_("Only actions under this issue"), N_("ISSUE"), NULL },
  { "meeting", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, meeting), N_("Only actions raised in this meeting"), N_("MEETING"), NULL },
  { "format", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ReportOptions, format), N_("text (default), csv or json"), N_("FORMAT"), NULL },
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (ReportOptions, output), N_("Write to FILE instead of standard output"), N_("FILE"), NULL },
  RAPAT_OPT_END,
};

/* Parses --format into @format; @allowed is a bitmask of acceptable formats. */
static gboolean
parse_format (const ReportOptions *opt, guint allowed, RapatFormat *format, GError **error)
{
  int v;

  if (opt->format == NULL)
    return TRUE;
  if (!rapat_enum_parse (&rapat_format_enum, opt->format, &v, NULL))
    v = -1;
  if (v < 0 || (allowed & (1u << v)) == 0)
    {
      g_autofree char *ex = rapat_text_excerpt (opt->format);
      g_autoptr(GString) names = g_string_new (NULL);

      for (int f = 0; f < rapat_enum_count (&rapat_format_enum); f++)
        if (allowed & (1u << f))
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                                  rapat_enum_name (&rapat_format_enum, f));
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("format '%s': this report is written as %s"), ex, names->str);
      return FALSE;
    }
  *format = v;
  return TRUE;
}

/* report actions */
static gboolean
report_actions (RapatCmdContext *ctx, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatActionFilter filter = { 0 };
  RapatActionReport report = { NULL, NULL, RAPAT_ACTIONS_BY_NONE, RAPAT_FORMAT_TEXT };
  g_autofree char *as_of = NULL;
  g_autofree char *scope = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(RapatOutput) output = NULL;
  int v;

  as_of = rapat_cmd_as_of (ctx, opt->as_of, error);
  if (as_of == NULL)
    return FALSE;
  if (opt->by != NULL)
    {
      if (!rapat_enum_parse (&rapat_action_grouping_enum, opt->by, &v, error))
        return FALSE;
      report.by = v;
    }
  if (!parse_format (opt, (1u << RAPAT_FORMAT_TEXT) | (1u << RAPAT_FORMAT_CSV) | (1u << RAPAT_FORMAT_JSON),
                     &report.format, error))
    return FALSE;
  filter.status = -1;
  filter.open_only = opt->open;
  filter.overdue_before = opt->overdue ? as_of : NULL;
  if ((opt->unit != NULL && !rapat_store_unit_resolve (ctx->store, opt->unit, &filter.unit_id, error))
      || (opt->issue != NULL && !rapat_store_issue_resolve (ctx->store, opt->issue, &filter.issue_id, error))
      || (opt->meeting != NULL && !rapat_store_meeting_resolve (ctx->store, opt->meeting, &filter.meeting_id, error)))
    return FALSE;
  actions = rapat_store_action_list (ctx->store, &filter, error);
  if (actions == NULL)
    return FALSE;
  scope = g_strjoin ("", opt->overdue ? _("overdue only") : opt->open ? _("open only") : _("all"),
                     report.by != RAPAT_ACTIONS_BY_NONE ? _(", by ") : "",
                     report.by != RAPAT_ACTIONS_BY_NONE
                       ? _(rapat_enum_name (&rapat_action_grouping_enum, report.by)) : "",
                     NULL);
  report.as_of = as_of;
  report.scope = scope;
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_actions (rapat_output_stream (output), &report, actions);
  return rapat_output_finish (output, error);
}


/* report attendance --meeting M */
static gboolean
attendance_meeting (RapatCmdContext *ctx, RapatFormat format, gint64 grace, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatMeetingAttendance report = { 0 };
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, opt->meeting, error);
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(RapatOutput) output = NULL;

  if (m == NULL)
    return FALSE;
  attendees = rapat_store_attendee_list (ctx->store, m->id, error);
  if (attendees == NULL
      || !rapat_store_attendance_meeting (ctx->store, m->id, grace, &report.totals, error))
    return FALSE;
  report.meeting = m;
  report.attendees = attendees;
  report.grace_seconds = grace;
  report.format = format;
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_meeting_attendance (rapat_output_stream (output), &report);
  return rapat_output_finish (output, error);
}

/* report attendance --from/--to --by person|unit */
static gboolean
attendance_period (RapatCmdContext *ctx, RapatFormat format, gint64 grace, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatPeriodAttendance report = { 0 };
  RapatAttendanceScope scope = { 0 };
  g_auto(RapatAttendanceTally) tally = { NULL, NULL, { 0 }, NULL };
  g_autoptr(RapatUnit) unit = NULL;
  g_autoptr(RapatOutput) output = NULL;
  int by = RAPAT_ATTENDANCE_BY_PERSON;

  if (!rapat_cmd_day_range (ctx, opt->from, opt->to, opt->tz, &scope.from_utc, &scope.to_utc, error))
    return FALSE;
  if (opt->by != NULL && !rapat_enum_parse (&rapat_attendance_grouping_enum, opt->by, &by, error))
    return FALSE;
  if (opt->unit != NULL)
    {
      if (!rapat_store_unit_resolve (ctx->store, opt->unit, &scope.unit_id, error))
        return FALSE;
      unit = rapat_store_unit_get (ctx->store, scope.unit_id, error);
      if (unit == NULL)
        return FALSE;
    }
  scope.kind = opt->kind;
  scope.grace_seconds = grace;
  if (!rapat_store_attendance_tally (ctx->store, &scope, &tally, error))
    return FALSE;
  report.totals = tally.total;
  report.from = opt->from;
  report.to = opt->to;
  report.kind = opt->kind;
  report.unit = unit != NULL ? unit->name : NULL;
  report.by = by;
  report.rows = by == RAPAT_ATTENDANCE_BY_UNIT ? tally.units : tally.people;
  report.unrecorded = tally.unrecorded;
  report.format = format;
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_period_attendance (rapat_output_stream (output), &report);
  return rapat_output_finish (output, error);
}

/* report attendance */
static gboolean
report_attendance (RapatCmdContext *ctx, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatFormat format = RAPAT_FORMAT_TEXT;
  int grace = 0;

  if (opt->meeting != NULL && (opt->from != NULL || opt->to != NULL || opt->by != NULL
                              || opt->kind != NULL || opt->unit != NULL))
    {
      rapat_cmd_usage_error (error, "report attendance",
                             _("--meeting reports one meeting; --from, --to, --kind, --unit and --by are for a period"));
      return FALSE;
    }
  if (!parse_format (opt, (1u << RAPAT_FORMAT_TEXT) | (1u << RAPAT_FORMAT_CSV) | (1u << RAPAT_FORMAT_JSON)
                     | (1u << RAPAT_FORMAT_HTML), &format, error))
    return FALSE;
  if (opt->grace != NULL && strcmp (opt->grace, "0") != 0 && strcmp (opt->grace, "0m") != 0
      && !rapat_time_parse_duration (_("grace"), opt->grace, 24 * 60, &grace, error))
    return FALSE;
  if (opt->meeting != NULL)
    return attendance_meeting (ctx, format, (gint64) grace * 60, error);
  return attendance_period (ctx, format, (gint64) grace * 60, error);
}

/* report signin --meeting M */
static gboolean
report_signin (RapatCmdContext *ctx, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatSigninSheet sheet = { 0 };
  RapatFormat format = RAPAT_FORMAT_HTML;
  g_autoptr(RapatMeeting) m = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(RapatOutput) output = NULL;
  gint64 blank = 5;

  if (opt->meeting == NULL)
    {
      rapat_cmd_usage_error (error, "report signin", _("--meeting is required"));
      return FALSE;
    }
  if (!parse_format (opt, 1u << RAPAT_FORMAT_HTML, &format, error))
    return FALSE;
  if (opt->blank != NULL && strcmp (opt->blank, "0") != 0
      && (!rapat_text_parse_id (opt->blank, &blank) || blank > 500))
    {
      g_autofree char *ex = rapat_text_excerpt (opt->blank);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("blank '%s': expected a number of rows from 0 to 500"), ex);
      return FALSE;
    }
  if (opt->blank != NULL && strcmp (opt->blank, "0") == 0)
    blank = 0;
  if (opt->lang != NULL && strcmp (opt->lang, "id") != 0 && strcmp (opt->lang, "en") != 0)
    {
      g_autofree char *ex = rapat_text_excerpt (opt->lang);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("lang '%s': expected id or en"), ex);
      return FALSE;
    }
  m = rapat_cmd_load_meeting (ctx, opt->meeting, error);
  if (m == NULL)
    return FALSE;
  /* A sheet passed round at a meeting that will not take place misleads;
   * printed on purpose (--force), the writer marks every page. */
  if (m->status == RAPAT_MEETING_CANCELLED && !opt->force)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': it is cancelled; use --force to print its sign-in sheet marked cancelled"),
                   m->title);
      return FALSE;
    }
  attendees = rapat_store_attendee_list (ctx->store, m->id, error);
  if (attendees == NULL)
    return FALSE;
  sheet.meeting = m;
  sheet.attendees = attendees;
  sheet.blank_rows = (guint) blank;
  if (opt->lang != NULL)
    sheet.lang = opt->lang;
  else
    sheet.lang = g_str_has_prefix (m->tzid, "Asia/Jakarta") || g_str_has_prefix (m->tzid, "Asia/Pontianak")
                 || g_str_has_prefix (m->tzid, "Asia/Makassar") || g_str_has_prefix (m->tzid, "Asia/Jayapura")
                 ? "id" : "en";
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_signin (rapat_output_stream (output), &sheet);
  return rapat_output_finish (output, error);
}

const RapatCommand rapat_report_commands[] = {
  { "attendance", "", N_("Attendance of one meeting, or per person or unit over a period"),
    N_("--meeting M: one row per attendee, totals, the rate and who accepted but stayed away.\n"
       "--from/--to [--by person|unit]: a row per person or unit (rolled up through the unit\n"
       "tree), lowest attendance rate first. The rate is (present + represented) over the\n"
       "invitations with attendance recorded; meetings where none was recorded are listed\n"
       "apart and counted nowhere."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (attendance_entries, ReportOptions), RAPAT_TARGET_NONE, report_attendance },
  { "signin", "", N_("A printable sign-in sheet (daftar hadir) for a meeting"),
    N_("One HTML page for A4 portrait; the table header repeats on every page.\n"
       "A cancelled meeting's sheet is refused; with --force it is marked cancelled on every page."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (signin_entries, ReportOptions), RAPAT_TARGET_NONE, report_signin },
  { "actions", "", N_("Report action items, optionally grouped"),
    N_("Overdue means open, with a due day before --as-of (default: today)."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (actions_entries, ReportOptions), RAPAT_TARGET_NONE, report_actions },
  { NULL },
};
