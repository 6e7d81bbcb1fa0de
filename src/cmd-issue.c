/* rapat — "rapat issue": strategic issues followed from meeting to meeting (cli layer). */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "text.h"
#include "timeutil.h"


typedef struct {
  char *title;
  char *category;
  char *unit;
  char *description;
  char *status;
  char *as_of;
  gboolean force;
  gboolean json;
} IssueOptions;

static const RapatOption add_entries[] = {
  { "category", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, category), N_("Category, e.g. keamanan"), N_("CATEGORY"), NULL },
  { "unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, unit), N_("The unit that owns the issue"), N_("UNIT"), NULL },
  { "description", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, description), N_("Description"), N_("TEXT"), NULL },
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, status), N_("open (default) or monitoring"), N_("STATUS"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  { "title", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, title), N_("New title"), N_("TITLE"), NULL },
  { "category", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, category), N_("Category (\"\" clears it)"), N_("CATEGORY"), NULL },
  { "unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, unit), N_("Owner unit (\"\" clears it)"), N_("UNIT"), NULL },
  { "description", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, description), N_("Description (\"\" clears it)"), N_("TEXT"), NULL },
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, status), N_("open or monitoring (reopens a resolved issue)"), N_("STATUS"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, status), N_("Only issues with this status"), N_("STATUS"), NULL },
  { "category", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, category), N_("Only issues of this category"), N_("CATEGORY"), NULL },
  { "unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, unit), N_("Only issues owned by this unit"), N_("UNIT"), NULL },
  { "as-of", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, as_of), N_("Count overdue actions as of this day (default: today)"), N_("DATE"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (IssueOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  { "as-of", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (IssueOptions, as_of), N_("Count overdue actions as of this day (default: today)"), N_("DATE"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (IssueOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption close_entries[] = {
  { "force", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (IssueOptions, force), N_("Close even with open actions (they stay open)"), NULL, NULL },
  RAPAT_OPT_END,
};

/* Applies the options shared by add and edit to @issue. */
static gboolean
apply_options (RapatCmdContext *ctx, RapatIssue *issue, GError **error)
{
  const IssueOptions *opt = ctx->options;
  if (!rapat_cmd_take_text (_("title"), opt->title, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &issue->title, error)
      || !rapat_cmd_take_text (_("category"), opt->category, RAPAT_TEXT_LINE, RAPAT_MAX_KIND,
                               &issue->category, error)
      || !rapat_cmd_take_text (_("description"), opt->description, RAPAT_TEXT_MULTILINE,
                               RAPAT_MAX_TEXT, &issue->description, error))
    return FALSE;
  if (opt->unit != NULL && *opt->unit == '\0')
    issue->unit_id = 0;
  else if (opt->unit != NULL && !rapat_store_unit_resolve (ctx->store, opt->unit, &issue->unit_id, error))
    return FALSE;
  if (opt->status != NULL)
    {
      int status;

      if (!rapat_enum_parse (&rapat_issue_status_enum, opt->status, &status, error))
        return FALSE;
      if (status == RAPAT_ISSUE_RESOLVED)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("status '%s': use 'rapat issue close' to resolve an issue"), opt->status);
          return FALSE;
        }
      issue->status = status;
      issue->closed_at = 0;
    }
  return TRUE;
}

/* issue add TITLE */
static gboolean
issue_add (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatIssue) issue = rapat_issue_new ();

  if (!rapat_cmd_take_text (_("title"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &issue->title, error)
      || !apply_options (ctx, issue, error))
    return FALSE;
  issue->created_at = ctx->now;
  if (!rapat_store_issue_insert (ctx->store, issue, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", issue->id);
  return TRUE;
}

/* Loads the issue named by @text with counts as of @today. */
static RapatIssue *
load_issue (RapatCmdContext *ctx, const char *text, const char *today, GError **error)
{
  gint64 id;

  if (!rapat_store_issue_resolve (ctx->store, text, &id, error))
    return NULL;
  return rapat_store_issue_get (ctx->store, id, today, error);
}

/* issue edit ISSUE */
static gboolean
issue_edit (RapatCmdContext *ctx, GError **error)
{
  /* No overdue count is shown: no day (and no zone) is needed. */
  g_autoptr(RapatIssue) issue = load_issue (ctx, ctx->args[0], NULL, error);

  return issue != NULL && apply_options (ctx, issue, error)
         && rapat_store_issue_update (ctx->store, issue, error);
}

/* issue close ISSUE */
static gboolean
issue_close (RapatCmdContext *ctx, GError **error)
{
  const IssueOptions *opt = ctx->options;
  /* No overdue count is shown: no day (and no zone) is needed. */
  g_autoptr(RapatIssue) issue = load_issue (ctx, ctx->args[0], NULL, error);

  if (issue == NULL)
    return FALSE;
  if (issue->status == RAPAT_ISSUE_RESOLVED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("issue '%s': already resolved"),
                   issue->title);
      return FALSE;
    }
  if (issue->n_open > 0 && !opt->force)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "issue '%s': %" PRId64 " action is still open; finish it, or close with --force",
                                "issue '%s': %" PRId64 " actions are still open; finish them, or close with --force",
                                issue->n_open),
                   issue->title, issue->n_open);
      return FALSE;
    }
  if (issue->n_open > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "rapat: warning: issue '%s' closed with %" PRId64 " action still open\n",
                             "rapat: warning: issue '%s' closed with %" PRId64 " actions still open\n",
                             issue->n_open),
                issue->title, issue->n_open);
  issue->status = RAPAT_ISSUE_RESOLVED;
  issue->closed_at = ctx->now;
  return rapat_store_issue_update (ctx->store, issue, error);
}

/* issue link ISSUE MEETING */
static gboolean
issue_link (RapatCmdContext *ctx, GError **error)
{
  gint64 issue_id, meeting_id;

  return rapat_store_issue_resolve (ctx->store, ctx->args[0], &issue_id, error)
         && rapat_store_meeting_resolve (ctx->store, ctx->args[1], &meeting_id, error)
         && rapat_store_issue_link (ctx->store, issue_id, meeting_id, FALSE, error);
}

/* Returns the date of the latest meeting that discussed @issue, or NULL. */
static char *
last_discussed (const RapatIssue *issue)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (issue->last_discussed == 0)
    return NULL;
  tz = rapat_time_zone_load (issue->last_discussed_tz, NULL, NULL);
  return tz != NULL ? rapat_present_date (issue->last_discussed, tz) : NULL;
}

/* Writes the issue's own fields and counts as members of the current JSON object. */
static void
issue_json_fields (RapatJson *json, const RapatIssue *issue)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *created = rapat_time_format (issue->created_at, utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *closed = issue->closed_at != 0
    ? rapat_time_format (issue->closed_at, utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *last = last_discussed (issue);

  rapat_json_int (json, "id", issue->id);
  rapat_json_string (json, "title", issue->title);
  rapat_json_string (json, "status", rapat_enum_name (&rapat_issue_status_enum, issue->status));
  rapat_json_string (json, "category", issue->category);
  rapat_json_id (json, "unit_id", issue->unit_id);
  rapat_json_string (json, "unit", issue->unit_name);
  rapat_json_string (json, "description", issue->description);
  rapat_json_string (json, "created", created);
  rapat_json_string (json, "closed", closed);
  rapat_json_int (json, "meetings", issue->n_meetings);
  rapat_json_int (json, "open_actions", issue->n_open);
  rapat_json_int (json, "overdue_actions", issue->n_overdue);
  rapat_json_string (json, "last_discussed", last);
}

/* issue list */
static gboolean
issue_list (RapatCmdContext *ctx, GError **error)
{
  const IssueOptions *opt = ctx->options;
  RapatIssueFilter filter = { -1, NULL, 0 };
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(RapatTable) table = NULL;

  if (today == NULL)
    return FALSE;
  if (opt->status != NULL && !rapat_enum_parse (&rapat_issue_status_enum, opt->status,
                                               &filter.status, error))
    return FALSE;
  if (opt->unit != NULL && !rapat_store_unit_resolve (ctx->store, opt->unit, &filter.unit_id, error))
    return FALSE;
  filter.category = opt->category;
  issues = rapat_store_issue_list (ctx->store, &filter, today, error);
  if (issues == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_array (json, NULL);
      for (guint i = 0; i < issues->len; i++)
        {
          rapat_json_begin_object (json, NULL);
          issue_json_fields (json, issues->pdata[i]);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      return TRUE;
    }
  table = rapat_table_new (_("ID"), _("Status"), _("Title"), _("Category"), _("Meetings"),
                           _("Open"), _("Overdue"), _("Last discussed"), NULL);
  rapat_table_align_right (table, 0);
  for (guint c = 4; c <= 6; c++)
    rapat_table_align_right (table, c);
  rapat_table_max_width (table, 2, 50);
  for (guint i = 0; i < issues->len; i++)
    {
      const RapatIssue *issue = issues->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, issue->id);
      g_autofree char *nm = g_strdup_printf ("%" G_GINT64_FORMAT, issue->n_meetings);
      g_autofree char *no = g_strdup_printf ("%" G_GINT64_FORMAT, issue->n_open);
      g_autofree char *nd = g_strdup_printf ("%" G_GINT64_FORMAT, issue->n_overdue);
      g_autofree char *last = last_discussed (issue);

      rapat_table_add (table, id, _(rapat_enum_name (&rapat_issue_status_enum, issue->status)),
                       issue->title, issue->category, nm, no, nd, rapat_cmd_or (last, "-"));
    }
  if (rapat_table_rows (table) == 0)
    fprintf (ctx->out, _("No issues found.\n"));
  else
    rapat_table_print (table, ctx->out, "");
  return TRUE;
}

/* issue show ISSUE */
static gboolean
issue_show (RapatCmdContext *ctx, GError **error)
{
  const IssueOptions *opt = ctx->options;
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_autoptr(RapatIssue) issue = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  RapatActionFilter filter = { 0 };

  if (today == NULL)
    return FALSE;
  issue = load_issue (ctx, ctx->args[0], today, error);
  if (issue == NULL)
    return FALSE;
  filter.status = -1;
  filter.issue_id = issue->id;
  meetings = rapat_store_issue_meetings (ctx->store, issue->id, error);
  items = meetings != NULL ? rapat_store_issue_agenda_items (ctx->store, issue->id, error) : NULL;
  actions = items != NULL ? rapat_store_action_list (ctx->store, &filter, error) : NULL;
  if (actions == NULL)
    return FALSE;

  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_object (json, NULL);
      issue_json_fields (json, issue);
      rapat_json_begin_array (json, "discussed");
      for (guint i = 0; i < meetings->len; i++)
        {
          const RapatMeeting *m = meetings->pdata[i];
          g_autoptr(GTimeZone) tz = rapat_present_zone (m);
          g_autofree char *start = rapat_time_format_iso (m->start_utc, tz);

          rapat_json_begin_object (json, NULL);
          rapat_json_int (json, "meeting_id", m->id);
          rapat_json_string (json, "title", m->title);
          rapat_json_string (json, "start", start);
          rapat_json_string (json, "status", rapat_enum_name (&rapat_meeting_status_enum, m->status));
          rapat_json_begin_array (json, "agenda_items");
          for (guint j = 0; j < items->len; j++)
            {
              const RapatAgendaItem *it = items->pdata[j];
              if (it->meeting_id != m->id)
                continue;
              rapat_json_begin_object (json, NULL);
              rapat_json_int (json, "number", it->position);
              rapat_json_string (json, "title", it->title);
              rapat_json_end_object (json);
            }
          rapat_json_end_array (json);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      rapat_json_begin_array (json, "actions");
      for (guint i = 0; i < actions->len; i++)
        {
          const RapatAction *a = actions->pdata[i];
          rapat_json_begin_object (json, NULL);
          rapat_json_int (json, "id", a->id);
          rapat_json_string (json, "title", a->title);
          rapat_json_string (json, "owner", a->owner_name);
          rapat_json_string (json, "due", a->due);
          rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, a->status));
          rapat_json_int (json, "progress", a->progress);
          rapat_json_bool (json, "overdue", rapat_action_is_overdue (a, today));
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
      return TRUE;
    }

  fprintf (ctx->out, "%s %" G_GINT64_FORMAT ": %s\n", _("Issue"), issue->id, issue->title);
  fprintf (ctx->out, "  %-10s %s\n", _("Status:"),
           _(rapat_enum_name (&rapat_issue_status_enum, issue->status)));
  fprintf (ctx->out, "  %-10s %s\n", _("Category:"), rapat_cmd_or (issue->category, "-"));
  fprintf (ctx->out, "  %-10s %s\n", _("Unit:"), rapat_cmd_or (issue->unit_name, "-"));
  if (issue->description != NULL)
    fprintf (ctx->out, "  %-10s %s\n", _("About:"), issue->description);
  fprintf (ctx->out, _("  Actions:   %" PRId64 " open, %" PRId64 " overdue as of %s\n"),
           issue->n_open, issue->n_overdue, today);

  fprintf (ctx->out, "\n%s (%u)\n", _("Discussed in"), meetings->len);
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(GTimeZone) tz = rapat_present_zone (m);
      g_autofree char *day = rapat_present_date (m->start_utc, tz);

      fprintf (ctx->out, "  %s  %" G_GINT64_FORMAT "  %s%s\n", day, m->id, m->title,
               m->status == RAPAT_MEETING_CANCELLED ? _(" (cancelled)") : "");
      for (guint j = 0; j < items->len; j++)
        {
          const RapatAgendaItem *it = items->pdata[j];
          if (it->meeting_id == m->id)
            fprintf (ctx->out, _("      agenda item %d: %s\n"), it->position, it->title);
        }
    }

  fprintf (ctx->out, "\n%s (%u)\n", _("Actions"), actions->len);
  if (actions->len > 0)
    {
      g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Title"), _("Owner"), _("Due"),
                                                     _("Status"), _("Done"), NULL);
      rapat_table_align_right (table, 0);
      rapat_table_align_right (table, 5);
      rapat_table_max_width (table, 1, 50);
      for (guint i = 0; i < actions->len; i++)
        {
          const RapatAction *a = actions->pdata[i];
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
          g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);
          g_autofree char *astatus = rapat_present_action_status (a, today);

          rapat_table_add (table, id, a->title, a->owner_name, rapat_cmd_or (a->due, "-"),
                           astatus, pct);
        }
      rapat_table_print (table, ctx->out, "  ");
    }
  return TRUE;
}

const RapatCommand rapat_issue_commands[] = {
  { "add", "TITLE", N_("Add a strategic issue"), N_("Prints the new issue's id."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, IssueOptions), RAPAT_TARGET_NONE, issue_add },
  { "list", "", N_("List issues with meetings, open and overdue actions"), NULL, RAPAT_CMD_STORE,
    0, 0, RAPAT_OPTIONS (list_entries, IssueOptions), RAPAT_TARGET_NONE, issue_list },
  { "show", "ISSUE", N_("Show an issue's history: meetings, agenda items, actions"), NULL,
    RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (show_entries, IssueOptions), RAPAT_TARGET_NONE, issue_show },
  { "edit", "ISSUE", N_("Change an issue"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1,
    RAPAT_OPTIONS (edit_entries, IssueOptions), RAPAT_TARGET_NONE, issue_edit },
  { "close", "ISSUE", N_("Mark an issue resolved"),
    N_("Refused while actions under the issue are open, unless --force."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (close_entries, IssueOptions), RAPAT_TARGET_NONE, issue_close },
  { "link", "ISSUE MEETING", N_("Record that a meeting discussed the issue"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, issue_link },
  { NULL },
};
