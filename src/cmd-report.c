/* rapat — "rapat report": reports for people and programs (cli layer). */
#include "cmd.h"
#include "output.h"
#include "paper.h"
#include "pdf.h"
#include "report-actions.h"
#include "report-attendance.h"
#include "report-papers.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>


typedef struct {
  gboolean open;
  gboolean force;
  gboolean with_status;
  gboolean overdue;
  char *as_of;
  char *by;
  char *format;
  char *output;
  char *unit;
  char *issue;
  char *meeting;
  RapatRangeOptions range;
  char *kind;
  char *grace;
  char *blank;
  char *lang;
  char *number;
  char *nature;
  char *subject;
  char *signer;
  char *date;
  char *order;
} ReportOptions;

/* -o FILE: a report may be long and is often kept. */
#define OUTPUT_ENTRY \
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (ReportOptions, output), \
    N_("Write to FILE instead of standard output"), N_("FILE"), NULL }

static const RapatOption attendance_entries[] = {
  RAPAT_OPT_TEXT ("meeting", ReportOptions, meeting,
                  N_("Report on this meeting"), N_("MEETING")),
  RAPAT_OPT_GROUP (rapat_range_options, ReportOptions, range),
  RAPAT_OPT_TEXT ("kind", ReportOptions, kind,
                  N_("Period: only meetings of this kind"), N_("KIND")),
  RAPAT_OPT_TEXT ("unit", ReportOptions, unit,
                  N_("Period: only people of this unit and the units below it"), N_("UNIT")),
  RAPAT_OPT_TEXT ("by", ReportOptions, by,
                  N_("Period: a row per person (default) or per unit"), N_("GROUP")),
  RAPAT_OPT_TEXT ("grace", ReportOptions, grace,
                  N_("Arrivals up to this long after the start are on time (default 0m)"), N_("LENGTH")),
  RAPAT_OPT_TEXT ("order", ReportOptions, order,
                  N_("One meeting: protocol (default), name, unit or role, as report signin"),
                  N_("ORDER")),
  RAPAT_OPT_TEXT ("format", ReportOptions, format,
                  N_("text (default), csv, json, html or pdf (-o FILE.pdf chooses it)"), N_("FORMAT")),
  RAPAT_OPT_TEXT ("lang", ReportOptions, lang,
                  N_("Language for people: id or en (default: RAPAT_LANG or the locale; the HTML or PDF of one meeting: id for meetings in Indonesian zones)"),
                  N_("LANG")),
  OUTPUT_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption signin_entries[] = {
  RAPAT_OPT_TEXT ("meeting", ReportOptions, meeting,
                  N_("The meeting"), N_("MEETING")),
  RAPAT_OPT_TEXT ("blank", ReportOptions, blank,
                  N_("Empty rows for walk-ins (default 5)"), N_("N")),
  RAPAT_OPT_FLAG ("force", ReportOptions, force,
                  N_("Print the sheet of a cancelled meeting, marked cancelled on every page")),
  RAPAT_OPT_TEXT ("lang", ReportOptions, lang,
                  N_("Language of the sheet: id or en (default: id for meetings in Indonesian zones)"), N_("LANG")),
  RAPAT_OPT_FLAG ("with-status", ReportOptions, with_status,
                  N_("A column with the attendance recorded (after the meeting)")),
  RAPAT_OPT_TEXT ("signer", ReportOptions, signer,
                  N_("Who signs the sheet (default: the meeting's organizer)"), N_("PERSON")),
  RAPAT_OPT_TEXT ("format", ReportOptions, format,
                  N_("html (default) or pdf; -o FILE.pdf chooses pdf"), N_("FORMAT")),
  RAPAT_OPT_TEXT ("order", ReportOptions, order,
                  N_("protocol (default: chair, rank, eselon, unit, name), name, unit or role"),
                  N_("ORDER")),
  OUTPUT_ENTRY,
  RAPAT_OPT_END,
};

/* --lang, for a paper printed in a language of its own. */
#define LANG_ENTRY \
  RAPAT_OPT_TEXT ("lang", ReportOptions, lang, \
                  N_("Language of the paper: id or en (default: id for meetings in Indonesian zones)"), \
                  N_("LANG"))

/* --format of a paper written as HTML or PDF. */
#define PAPER_FORMAT_ENTRY \
  RAPAT_OPT_TEXT ("format", ReportOptions, format, \
                  N_("html (default) or pdf; -o FILE.pdf chooses pdf"), N_("FORMAT"))

static const RapatOption invitation_entries[] = {
  RAPAT_OPT_TEXT ("number", ReportOptions, number,
                  N_("The letter's number (nomor); default: dots to fill in by hand"), N_("NUMBER")),
  RAPAT_OPT_TEXT ("nature", ReportOptions, nature,
                  N_("Its classification (sifat), e.g. Segera; default: Biasa"), N_("TEXT")),
  RAPAT_OPT_TEXT ("subject", ReportOptions, subject,
                  N_("Its subject (perihal); default: Undangan and the meeting's title"), N_("TEXT")),
  RAPAT_OPT_TEXT ("signer", ReportOptions, signer,
                  N_("Who signs it (default: the meeting's organizer)"), N_("PERSON")),
  RAPAT_OPT_TEXT ("date", ReportOptions, date,
                  N_("The letter's date (default: today in the meeting's zone)"), N_("DATE")),
  RAPAT_OPT_TEXT ("order", ReportOptions, order,
                  N_("Order of the addressees: role (default: chair, speakers, participants, "
                     "observers), protocol, name or unit"),
                  N_("ORDER")),
  LANG_ENTRY,
  PAPER_FORMAT_ENTRY,
  OUTPUT_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption programme_entries[] = {
  LANG_ENTRY,
  PAPER_FORMAT_ENTRY,
  OUTPUT_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption actions_entries[] = {
  RAPAT_OPT_FLAG ("open", ReportOptions, open,
                  N_("Only open and in-progress actions")),
  RAPAT_OPT_FLAG ("overdue", ReportOptions, overdue,
                  N_("Only open actions past their due day")),
  RAPAT_OPT_TEXT ("as-of", ReportOptions, as_of,
                  N_("Judge overdue as of this day (default: today)"), N_("DATE")),
  RAPAT_OPT_TEXT ("by", ReportOptions, by,
                  N_("Group by owner, unit or issue"), N_("GROUP")),
  RAPAT_OPT_TEXT ("unit", ReportOptions, unit,
                  N_("Only actions of this unit, the units below it, or their people"), N_("UNIT")),
  RAPAT_OPT_TEXT ("issue", ReportOptions, issue,
                  N_("Only actions under this issue"), N_("ISSUE")),
  RAPAT_OPT_TEXT ("meeting", ReportOptions, meeting,
                  N_("Only actions raised in this meeting"), N_("MEETING")),
  RAPAT_OPT_TEXT ("format", ReportOptions, format,
                  N_("text (default), csv, json, html or pdf (a printable matrix; -o FILE.pdf chooses pdf)"),
                  N_("FORMAT")),
  RAPAT_OPT_TEXT ("lang", ReportOptions, lang,
                  N_("html, pdf: language of the matrix, id or en (default: id in Indonesian zones)"),
                  N_("LANG")),
  OUTPUT_ENTRY,
  RAPAT_OPT_END,
};

/* Parses --format into @format; @allowed is a bitmask of acceptable formats.
 * Without --format, an output file named *.pdf chooses PDF when allowed. */
static gboolean
parse_format (const ReportOptions *opt, guint allowed, RapatFormat *format, GError **error)
{
  int v;

  if (opt->format == NULL)
    {
      if ((allowed & (1u << RAPAT_FORMAT_PDF)) != 0 && opt->output != NULL
          && (g_str_has_suffix (opt->output, ".pdf") || g_str_has_suffix (opt->output, ".PDF")))
        *format = RAPAT_FORMAT_PDF;
      return TRUE;
    }
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
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("format '%s': this report is written as %s"), ex, names->str);
      return FALSE;
    }
  *format = v;
  return TRUE;
}

/* Writes @doc as PDF to -o or standard output; the PDF module is loaded
 * before the output is opened, so that a module that does not load leaves
 * an existing file as it was. */
static gboolean
write_pdf (RapatCmdContext *ctx, const RapatLayout *doc, GError **error)
{
  const ReportOptions *opt = ctx->options;
  g_autoptr(RapatOutput) output = NULL;

  if (rapat_pdf (error) == NULL)
    return FALSE;
  output = rapat_output_open (opt->output, error);
  if (output == NULL || !rapat_pdf_write (rapat_output_stream (output), doc, error))
    return FALSE;
  return rapat_output_finish (output, error);
}

/* Returns the filters of 'report actions' for people: "open only, by unit". */
static char *
scope_text (const ReportOptions *opt, RapatActionGrouping by)
{
  const char *group = by == RAPAT_ACTIONS_BY_OWNER ? C_("grouping", "owner")
                      : by == RAPAT_ACTIONS_BY_UNIT ? C_("grouping", "unit")
                      : C_("grouping", "issue");

  if (by == RAPAT_ACTIONS_BY_NONE)
    return g_strdup (opt->overdue ? _("overdue only") : opt->open ? _("open only") : _("all"));
  /* TRANSLATORS: %s is a grouping: owner, unit or issue. */
  return g_strdup_printf (opt->overdue ? _("overdue only, by %s")
                          : opt->open ? _("open only, by %s") : _("all, by %s"), group);
}

/* Fills what the printable matrix of 'report actions --format html|pdf'
 * adds to @report: the letterhead (into @lh), the meeting @meeting_id's
 * title when the actions are those of one meeting (into @meeting), the
 * language: --lang, else that of the meeting's zone or, for no meeting, of
 * the zone rapat_cmd_zone() gives (into @zone); for PDF, the printing time
 * in that zone. */
static gboolean
actions_paper (RapatCmdContext *ctx, gint64 meeting_id, RapatCmdLetterhead *lh,
               RapatMeeting **meeting, char **zone, RapatActionReport *report, GError **error)
{
  const ReportOptions *opt = ctx->options;

  if (meeting_id != 0 && (*meeting = rapat_store_meeting_get (ctx->store, meeting_id, error)) == NULL)
    return FALSE;
  if (*meeting == NULL && (*zone = rapat_cmd_zone (ctx, NULL, error)) == NULL)
    return FALSE;
  if (!rapat_cmd_letterhead (ctx, lh, error))
    return FALSE;
  report->letterhead = &lh->head;
  report->meeting_title = *meeting != NULL ? (*meeting)->title : NULL;
  report->zone = *meeting != NULL ? (*meeting)->tzid : *zone;
  report->now = ctx->now;
  report->lang = rapat_cmd_paper_lang (opt->lang, report->zone, error);
  return report->lang != NULL;
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
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autoptr(RapatMeeting) meeting = NULL;
  g_autofree char *zone = NULL;
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
  if (!parse_format (opt, (1u << RAPAT_FORMAT_TEXT) | (1u << RAPAT_FORMAT_CSV) | (1u << RAPAT_FORMAT_JSON)
                     | (1u << RAPAT_FORMAT_HTML) | (1u << RAPAT_FORMAT_PDF), &report.format, error))
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
  if ((report.format == RAPAT_FORMAT_HTML || report.format == RAPAT_FORMAT_PDF)
      && !actions_paper (ctx, filter.meeting_id, &lh, &meeting, &zone, &report, error))
    return FALSE;
  scope = scope_text (opt, report.by);
  report.as_of = as_of;
  report.scope = scope;
  if (report.format == RAPAT_FORMAT_PDF)
    {
      g_autoptr(RapatLayout) doc = rapat_report_actions_layout (&report, actions);

      return write_pdf (ctx, doc, error);
    }
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_actions (rapat_output_stream (output), &report, actions);
  return rapat_output_finish (output, error);
}


/* Fills @paper, what the printed report (HTML or PDF) of @report adds:
 * the letterhead (into @lh), the meeting's organizer as the signer (into
 * @signer), @lang, the printing time. */
static gboolean
attendance_paper (RapatCmdContext *ctx, const RapatMeetingAttendance *report, const char *lang,
                  RapatAttendancePaper *paper, RapatCmdLetterhead *lh, RapatPerson **signer,
                  GError **error)
{
  const RapatMeeting *m = report->meeting;

  if ((m->organizer_id != 0
       && (*signer = rapat_store_person_get (ctx->store, m->organizer_id, error)) == NULL)
      || !rapat_cmd_letterhead (ctx, lh, error))
    return FALSE;
  paper->letterhead = &lh->head;
  paper->city = lh->city;
  paper->signer_title = *signer != NULL ? (*signer)->position : NULL;
  paper->signer_name = *signer != NULL ? (*signer)->name : NULL;
  paper->signer_nip = *signer != NULL ? (*signer)->nip : NULL;
  paper->lang = lang;
  paper->now = ctx->now;
  return TRUE;
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
  int order = RAPAT_ATTENDEE_ORDER_PROTOCOL;
  const char *lang = NULL;
  RapatAttendancePaper paper = { 0 };
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autoptr(RapatPerson) signer = NULL;

  if (m == NULL)
    return FALSE;
  if (opt->order != NULL && !rapat_enum_parse (&rapat_attendee_order_enum, opt->order, &order,
                                               error))
    return FALSE;
  /* The printable report is a document about the meeting: in its zone's
   * language unless told otherwise. */
  if ((format == RAPAT_FORMAT_HTML || format == RAPAT_FORMAT_PDF || opt->lang != NULL)
      && (lang = rapat_cmd_paper_lang (opt->lang, m->tzid, error)) == NULL)
    return FALSE;
  /* In the sign-in sheet's order, so that the two papers read alike. */
  attendees = rapat_store_attendee_list_ordered (ctx->store, m->id, order, error);
  if (attendees == NULL
      || !rapat_store_attendance_meeting (ctx->store, m->id, grace, &report.totals, error))
    return FALSE;
  report.meeting = m;
  report.attendees = attendees;
  report.grace_seconds = grace;
  report.format = format;
  if (format == RAPAT_FORMAT_HTML || format == RAPAT_FORMAT_PDF)
    {
      if (!attendance_paper (ctx, &report, lang, &paper, &lh, &signer, error))
        return FALSE;
      report.paper = &paper;
    }
  if (format == RAPAT_FORMAT_PDF)
    {
      g_autoptr(RapatLayout) doc = rapat_report_meeting_attendance_layout (&report, &paper);

      return write_pdf (ctx, doc, error);
    }
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_meeting_attendance (rapat_output_stream (output), &report);
  return rapat_output_finish (output, error);
}

/* Writes the period report @report as a paper, PDF or HTML (from one
 * layout), to -o or standard output, under the letterhead, in --lang or
 * the language of the zone rapat_cmd_zone() gives, printed at a time in
 * that zone. */
static gboolean
period_paper (RapatCmdContext *ctx, RapatPeriodAttendance *report, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatAttendancePaper paper = { 0 };
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autofree char *zone = rapat_cmd_zone (ctx, NULL, error);
  g_autoptr(RapatLayout) doc = NULL;
  g_autoptr(RapatOutput) output = NULL;

  if (zone == NULL || (paper.lang = rapat_cmd_paper_lang (opt->lang, zone, error)) == NULL
      || !rapat_cmd_letterhead (ctx, &lh, error))
    return FALSE;
  paper.letterhead = &lh.head;
  paper.now = ctx->now;
  paper.zone = zone;
  if (report->format == RAPAT_FORMAT_PDF)
    {
      doc = rapat_report_period_attendance_layout (report, &paper);
      return write_pdf (ctx, doc, error);
    }
  report->paper = &paper;
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_period_attendance (rapat_output_stream (output), report);
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

  if (!rapat_cmd_range (ctx, &opt->range, &scope.from_utc, &scope.to_utc, error))
    return FALSE;
  if (opt->lang != NULL && rapat_cmd_paper_lang (opt->lang, NULL, error) == NULL)
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
  report.from = opt->range.from;
  report.to = opt->range.to;
  report.kind = opt->kind;
  report.unit = unit != NULL ? unit->name : NULL;
  report.by = by;
  report.rows = by == RAPAT_ATTENDANCE_BY_UNIT ? tally.units : tally.people;
  report.unrecorded = tally.unrecorded;
  report.format = format;
  if (format == RAPAT_FORMAT_PDF || format == RAPAT_FORMAT_HTML)
    return period_paper (ctx, &report, error);
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

  if (opt->meeting != NULL && (opt->range.from != NULL || opt->range.to != NULL || opt->by != NULL
                              || opt->kind != NULL || opt->unit != NULL))
    {
      rapat_cmd_usage_error (error, "report attendance",
                             _("--meeting reports one meeting; --from, --to, --kind, --unit and --by are for a period"));
      return FALSE;
    }
  if (!parse_format (opt, (1u << RAPAT_FORMAT_TEXT) | (1u << RAPAT_FORMAT_CSV) | (1u << RAPAT_FORMAT_JSON)
                     | (1u << RAPAT_FORMAT_HTML) | (1u << RAPAT_FORMAT_PDF), &format, error))
    return FALSE;
  if (opt->grace != NULL && strcmp (opt->grace, "0") != 0 && strcmp (opt->grace, "0m") != 0
      && !rapat_time_parse_duration (_("grace"), opt->grace, 24 * 60, &grace, error))
    return FALSE;
  if (opt->meeting != NULL)
    return attendance_meeting (ctx, format, (gint64) grace * 60, error);
  return attendance_period (ctx, format, (gint64) grace * 60, error);
}

/* Parses --blank, a number of rows from 0 to 500. */
static gboolean
parse_blank (const char *text, gint64 *blank, GError **error)
{
  if (strcmp (text, "0") == 0)
    {
      *blank = 0;
      return TRUE;
    }
  if (!rapat_text_parse_id (text, blank) || *blank > 500)
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("blank '%s': expected a number of rows from 0 to 500"), ex);
      return FALSE;
    }
  return TRUE;
}

/* Refuses a paper announcing the cancelled meeting @m: it would mislead. */
static gboolean
paper_meeting (const RapatMeeting *m, GError **error)
{
  if (m->status != RAPAT_MEETING_CANCELLED)
    return TRUE;
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("meeting '%s': it is cancelled; its invitation or programme would mislead"), m->title);
  return FALSE;
}

/* Returns the invitees of a letter: the attendees but its signer. */
static GPtrArray *
invitees_of (GPtrArray *attendees, gint64 signer_id)
{
  GPtrArray *invitees = g_ptr_array_new ();

  for (guint i = 0; i < attendees->len; i++)
    if (((const RapatAttendee *) attendees->pdata[i])->person_id != signer_id)
      g_ptr_array_add (invitees, attendees->pdata[i]);
  return invitees;
}

/* Checks the one-line texts --number, --nature and --subject. */
static gboolean
check_letter_texts (const ReportOptions *opt, GError **error)
{
  return (opt->number == NULL || rapat_text_check ("number", opt->number, RAPAT_TEXT_REQUIRED,
                                                   RAPAT_MAX_NAME, error))
         && (opt->nature == NULL || rapat_text_check ("nature", opt->nature, RAPAT_TEXT_REQUIRED,
                                                      RAPAT_MAX_NAME, error))
         && (opt->subject == NULL || rapat_text_check ("subject", opt->subject, RAPAT_TEXT_REQUIRED,
                                                       RAPAT_MAX_NAME, error));
}

/* Returns the day a letter about @m is dated: --date, else today in the
 * meeting's zone.  A letter dated after the meeting's day is printed, with
 * a warning: an invitation that arrives late misleads. */
static char *
letter_day (RapatCmdContext *ctx, const RapatMeeting *m, GError **error)
{
  const ReportOptions *opt = ctx->options;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *meeting_day = rapat_when_day (m->start_utc, tz);
  char *day = opt->date != NULL ? rapat_cmd_day ("date", opt->date, error) : rapat_when_day (ctx->now, tz);

  if (day != NULL && strcmp (day, meeting_day) > 0)
    rapat_cmd_warn (ctx, _("The letter is dated %s, after the meeting's day %s; use --date to date it before."),
                    day, meeting_day);
  return day;
}

/* report invitation M */
static gboolean
report_invitation (RapatCmdContext *ctx, GError **error)
{
  const ReportOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  RapatInvitation inv = { 0 };
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autoptr(RapatPerson) signer = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) invitees = NULL;
  g_autoptr(RapatOutput) output = NULL;
  g_autofree char *day = NULL;
  gint64 signer_id = m->organizer_id;
  RapatFormat format = RAPAT_FORMAT_HTML;
  int order = RAPAT_ATTENDEE_ORDER_ROLE;

  if (!parse_format (opt, (1u << RAPAT_FORMAT_HTML) | (1u << RAPAT_FORMAT_PDF), &format, error)
      || (opt->order != NULL
          && !rapat_enum_parse (&rapat_attendee_order_enum, opt->order, &order, error)))
    return FALSE;
  inv.lang = rapat_cmd_paper_lang (opt->lang, m->tzid, error);
  if (inv.lang == NULL || !paper_meeting (m, error) || !check_letter_texts (opt, error)
      || (opt->signer != NULL && !rapat_store_person_resolve (ctx->store, opt->signer, &signer_id, error))
      || (signer_id != 0 && (signer = rapat_store_person_get (ctx->store, signer_id, error)) == NULL)
      || (agenda = rapat_store_agenda_list (ctx->store, m->id, error)) == NULL
      || (attendees = rapat_store_attendee_list_ordered (ctx->store, m->id, order,
                                                         error)) == NULL
      || !rapat_cmd_letterhead (ctx, &lh, error))
    return FALSE;
  day = letter_day (ctx, m, error);
  if (day == NULL)
    return FALSE;
  invitees = invitees_of (attendees, signer_id);
  inv.meeting = m;
  inv.agenda = agenda;
  inv.invitees = invitees;
  inv.letterhead = &lh.head;
  inv.city = lh.city;
  inv.date = day;
  inv.number = opt->number;
  inv.nature = opt->nature;
  inv.subject = opt->subject;
  inv.signer_title = signer != NULL ? signer->position : NULL;
  inv.signer_name = signer != NULL ? signer->name : NULL;
  inv.signer_nip = signer != NULL ? signer->nip : NULL;
  /* More addressees than fit under "Yth." go to an attached list. */
  inv.list_from = 6;
  inv.now = ctx->now;
  if (format == RAPAT_FORMAT_PDF)
    {
      g_autoptr(RapatLayout) doc = rapat_report_invitation_layout (&inv);

      return write_pdf (ctx, doc, error);
    }
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_invitation (rapat_output_stream (output), &inv);
  return rapat_output_finish (output, error);
}

/* report programme M */
static gboolean
report_programme (RapatCmdContext *ctx, GError **error)
{
  const ReportOptions *opt = ctx->options;
  RapatProgramme p = { ctx->meeting, NULL, NULL, NULL };
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(RapatOutput) output = NULL;
  RapatFormat format = RAPAT_FORMAT_HTML;

  if (!parse_format (opt, (1u << RAPAT_FORMAT_HTML) | (1u << RAPAT_FORMAT_PDF), &format, error))
    return FALSE;
  p.lang = rapat_cmd_paper_lang (opt->lang, ctx->meeting->tzid, error);
  if (p.lang == NULL || !paper_meeting (ctx->meeting, error)
      || (agenda = rapat_store_agenda_list (ctx->store, ctx->meeting->id, error)) == NULL
      || !rapat_cmd_letterhead (ctx, &lh, error))
    return FALSE;
  p.agenda = agenda;
  p.letterhead = &lh.head;
  p.now = ctx->now;
  if (format == RAPAT_FORMAT_PDF)
    {
      g_autoptr(RapatLayout) doc = rapat_report_programme_layout (&p);

      return write_pdf (ctx, doc, error);
    }
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_programme (rapat_output_stream (output), &p);
  return rapat_output_finish (output, error);
}

/* Fills what the sign-in sheet @sheet adds to the attendees, for HTML
 * and PDF alike: the letterhead (into @lh), the NIPs (into @nips), the
 * signer (--signer, else the organizer; into @signer), the status column,
 * the printing time. */
static gboolean
signin_paper (RapatCmdContext *ctx, RapatSigninSheet *sheet, RapatCmdLetterhead *lh,
              GHashTable **nips, RapatPerson **signer, GError **error)
{
  const ReportOptions *opt = ctx->options;
  const RapatMeeting *m = sheet->meeting;
  gint64 signer_id = m->organizer_id;

  if ((opt->signer != NULL && !rapat_store_person_resolve (ctx->store, opt->signer, &signer_id, error))
      || (signer_id != 0 && (*signer = rapat_store_person_get (ctx->store, signer_id, error)) == NULL)
      || (*nips = rapat_store_meeting_nips (ctx->store, m->id, error)) == NULL
      || !rapat_cmd_letterhead (ctx, lh, error))
    return FALSE;
  sheet->letterhead = &lh->head;
  sheet->city = lh->city;
  sheet->nips = *nips;
  sheet->with_status = opt->with_status;
  sheet->signer_title = *signer != NULL ? (*signer)->position : NULL;
  sheet->signer_name = *signer != NULL ? (*signer)->name : NULL;
  sheet->signer_nip = *signer != NULL ? (*signer)->nip : NULL;
  sheet->now = ctx->now;
  return TRUE;
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
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autoptr(GHashTable) nips = NULL;
  g_autoptr(RapatPerson) signer = NULL;
  gint64 blank = 5;
  int order = RAPAT_ATTENDEE_ORDER_PROTOCOL;

  if (opt->meeting == NULL)
    {
      rapat_cmd_usage_error (error, "report signin", _("--meeting is required"));
      return FALSE;
    }
  if (opt->order != NULL && !rapat_enum_parse (&rapat_attendee_order_enum, opt->order, &order,
                                               error))
    return FALSE;
  if (!parse_format (opt, (1u << RAPAT_FORMAT_HTML) | (1u << RAPAT_FORMAT_PDF), &format, error))
    return FALSE;
  if (opt->blank != NULL && !parse_blank (opt->blank, &blank, error))
    return FALSE;
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
  attendees = rapat_store_attendee_list_ordered (ctx->store, m->id, order, error);
  if (attendees == NULL)
    return FALSE;
  sheet.meeting = m;
  sheet.attendees = attendees;
  sheet.blank_rows = (guint) blank;
  sheet.lang = rapat_cmd_paper_lang (opt->lang, m->tzid, error);
  if (sheet.lang == NULL)
    return FALSE;
  if (!signin_paper (ctx, &sheet, &lh, &nips, &signer, error))
    return FALSE;
  if (format == RAPAT_FORMAT_PDF)
    {
      g_autoptr(RapatLayout) doc = rapat_report_signin_layout (&sheet);

      return write_pdf (ctx, doc, error);
    }
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
    RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (attendance_entries, ReportOptions), RAPAT_TARGET_NONE, report_attendance },
  { "signin", "", N_("A printable sign-in sheet (daftar hadir) for a meeting"),
    N_("One HTML page for A4 portrait, or with --format pdf (or -o FILE.pdf) a PDF; both from one\n"
       "layout: the letterhead, the NIPs, the signature column numbered left and right, the blank\n"
       "rows and the signer's block; the table header repeats on every page.\n"
       "A cancelled meeting's sheet is refused; with --force it is marked cancelled on every page."),
    RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (signin_entries, ReportOptions), RAPAT_TARGET_NONE, report_signin },
  { "invitation", "MEETING", N_("A printable invitation letter (undangan) for a meeting"),
    N_("One HTML page for A4 portrait under the letterhead ('rapat config set letterhead.*'):\n"
       "nomor, sifat, lampiran, perihal; the invitees (six or more: \"daftar terlampir\" and the\n"
       "list on a page of its own); the day, time, place and agenda; the signature of the\n"
       "organizer (or --signer). A cancelled meeting's invitation is refused.\n"
       "With --format pdf (or -o FILE.pdf) the same letter as a PDF, the printing time and\n"
       "page numbers in its footer, the attached list starting a page of its own."),
    RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (invitation_entries, ReportOptions), RAPAT_TARGET_MEETING, report_invitation },
  { "programme", "MEETING", N_("A printable programme (susunan acara) for a meeting"),
    N_("One HTML page for A4 portrait under the letterhead: a row per agenda item with its\n"
       "times in the meeting's zone, the presenter and the rooms of parallel sessions.\n"
       "With --format pdf (or -o FILE.pdf) the same programme as a PDF, its header on every\n"
       "page."),
    RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (programme_entries, ReportOptions), RAPAT_TARGET_MEETING, report_programme },
  { "actions", "", N_("Report action items, optionally grouped"),
    N_("Overdue means open, with a due day before --as-of (default: today).\n"
       "html and pdf: the printable matrix (matriks tindak lanjut) on A4 landscape under the\n"
       "letterhead; the PDF has the printing time and page numbers in its footer."),
    RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (actions_entries, ReportOptions), RAPAT_TARGET_NONE, report_actions },
  { NULL },
};
