/* rapat — "rapat report": reports for people and programs (cli layer). */
#include "cmd.h"
#include "output.h"
#include "report-actions.h"
#include "text.h"
#include "timeutil.h"

static gboolean opt_open;
static gboolean opt_overdue;
static char *opt_as_of;
static char *opt_by;
static char *opt_format;
static char *opt_output;
static char *opt_unit;
static char *opt_issue;
static char *opt_meeting;

static GOptionEntry actions_entries[] = {
  { "open", 0, 0, G_OPTION_ARG_NONE, &opt_open, N_("Only open and in-progress actions"), NULL },
  { "overdue", 0, 0, G_OPTION_ARG_NONE, &opt_overdue, N_("Only open actions past their due day"), NULL },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, &opt_as_of, N_("Judge overdue as of this day (default: today)"), N_("DATE") },
  { "by", 0, 0, G_OPTION_ARG_STRING, &opt_by, N_("Group by owner, unit or issue"), N_("GROUP") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, &opt_unit, N_("Only actions of this unit, the units below it, or their people"), N_("UNIT") },
  { "issue", 0, 0, G_OPTION_ARG_STRING, &opt_issue, N_("Only actions under this issue"), N_("ISSUE") },
  { "meeting", 0, 0, G_OPTION_ARG_STRING, &opt_meeting, N_("Only actions raised in this meeting"), N_("MEETING") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text (default), csv or json"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write to FILE instead of standard output"), N_("FILE") },
  { NULL },
};

/* report actions */
static gboolean
report_actions (RapatCmdContext *ctx, GError **error)
{
  RapatActionFilter filter = { 0 };
  RapatActionReport report = { NULL, NULL, RAPAT_ACTIONS_BY_NONE, RAPAT_FORMAT_TEXT };
  g_autofree char *as_of = NULL;
  g_autofree char *scope = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(RapatOutput) output = NULL;
  int v;

  if (opt_as_of != NULL)
    {
      int y, m, d;
      if (!rapat_time_parse_date (_("as-of"), opt_as_of, &y, &m, &d, error))
        return FALSE;
      as_of = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  else
    as_of = rapat_time_today ();
  if (opt_by != NULL)
    {
      if (!rapat_enum_parse (&rapat_action_grouping_enum, opt_by, &v, error))
        return FALSE;
      report.by = v;
    }
  if (opt_format != NULL)
    {
      if (!rapat_enum_parse (&rapat_format_enum, opt_format, &v, error))
        return FALSE;
      if (v == RAPAT_FORMAT_HTML)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("format '%s': the action report is text, csv or json"), opt_format);
          return FALSE;
        }
      report.format = v;
    }
  filter.status = -1;
  filter.open_only = opt_open;
  filter.overdue_before = opt_overdue ? as_of : NULL;
  if ((opt_unit != NULL && !rapat_store_unit_resolve (ctx->store, opt_unit, &filter.unit_id, error))
      || (opt_issue != NULL && !rapat_store_issue_resolve (ctx->store, opt_issue, &filter.issue_id, error))
      || (opt_meeting != NULL && !rapat_store_meeting_resolve (ctx->store, opt_meeting, &filter.meeting_id, error)))
    return FALSE;
  actions = rapat_store_action_list (ctx->store, &filter, error);
  if (actions == NULL)
    return FALSE;
  scope = g_strjoin ("", opt_overdue ? _("overdue only") : opt_open ? _("open only") : _("all"),
                     report.by != RAPAT_ACTIONS_BY_NONE ? _(", by ") : "",
                     report.by != RAPAT_ACTIONS_BY_NONE
                       ? _(rapat_enum_name (&rapat_action_grouping_enum, report.by)) : "",
                     NULL);
  report.as_of = as_of;
  report.scope = scope;
  output = rapat_output_open (opt_output, error);
  if (output == NULL)
    return FALSE;
  rapat_report_actions (rapat_output_stream (output), &report, actions);
  return rapat_output_finish (output, error);
}

const RapatCommand rapat_report_commands[] = {
  { "actions", "", N_("Report action items, optionally grouped"),
    N_("Overdue means open, with a due day before --as-of (default: today)."),
    RAPAT_CMD_STORE, 0, 0, actions_entries, report_actions },
  { NULL },
};
