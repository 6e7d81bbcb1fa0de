/* rapat — "rapat issue": strategic issues followed from meeting to meeting (cli layer). */
#include "cmd.h"
#include "issue.h"
#include "output.h"
#include "present.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

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
  RAPAT_OPT_TEXT ("category", IssueOptions, category, N_("Category, e.g. keamanan"),
                  N_("CATEGORY")),
  RAPAT_OPT_TEXT ("unit", IssueOptions, unit, N_("The unit that owns the issue"), N_("UNIT")),
  RAPAT_OPT_TEXT ("description", IssueOptions, description, N_("Description"), N_("TEXT")),
  RAPAT_OPT_TEXT ("status", IssueOptions, status, N_("open (default) or monitoring"),
                  N_("STATUS")),
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  RAPAT_OPT_TEXT ("title", IssueOptions, title, N_("New title"), N_("TITLE")),
  RAPAT_OPT_TEXT ("category", IssueOptions, category, N_("Category (\"\" clears it)"),
                  N_("CATEGORY")),
  RAPAT_OPT_TEXT ("unit", IssueOptions, unit, N_("Owner unit (\"\" clears it)"), N_("UNIT")),
  RAPAT_OPT_TEXT ("description", IssueOptions, description, N_("Description (\"\" clears it)"),
                  N_("TEXT")),
  RAPAT_OPT_TEXT ("status", IssueOptions, status,
                  N_("open or monitoring (reopens a resolved issue)"), N_("STATUS")),
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_TEXT ("status", IssueOptions, status, N_("Only issues with this status"),
                  N_("STATUS")),
  RAPAT_OPT_TEXT ("category", IssueOptions, category, N_("Only issues of this category"),
                  N_("CATEGORY")),
  RAPAT_OPT_TEXT ("unit", IssueOptions, unit, N_("Only issues owned by this unit"), N_("UNIT")),
  RAPAT_OPT_TEXT ("as-of", IssueOptions, as_of,
                  N_("Count overdue actions as of this day (default: today)"), N_("DATE")),
  RAPAT_OPT_JSON (IssueOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  RAPAT_OPT_TEXT ("as-of", IssueOptions, as_of,
                  N_("Count overdue actions as of this day (default: today)"), N_("DATE")),
  RAPAT_OPT_JSON (IssueOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption close_entries[] = {
  RAPAT_OPT_FLAG ("force", IssueOptions, force, N_("Close even with open actions (they stay open)")),
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
  else if (opt->unit != NULL
           && !rapat_store_unit_resolve (ctx->store, opt->unit, &issue->unit_id, error))
    return FALSE;
  return opt->status == NULL || rapat_issue_set_status (issue, opt->status, error);
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

/* issue edit ISSUE */
static gboolean
issue_edit (RapatCmdContext *ctx, GError **error)
{
  /* No overdue count is shown: no day (and no zone) is needed. */
  g_autoptr(RapatIssue) issue = rapat_store_issue_get (ctx->store, ctx->target_id, NULL, error);

  return issue != NULL && apply_options (ctx, issue, error)
         && rapat_store_issue_update (ctx->store, issue, error);
}

/* issue close ISSUE */
static gboolean
issue_close (RapatCmdContext *ctx, GError **error)
{
  const IssueOptions *opt = ctx->options;
  /* No overdue count is shown: no day (and no zone) is needed. */
  g_autoptr(RapatIssue) issue = rapat_store_issue_get (ctx->store, ctx->target_id, NULL, error);

  if (issue == NULL || !rapat_issue_close (issue, opt->force, ctx->now, error))
    return FALSE;
  if (issue->n_open > 0)
    rapat_cmd_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                      "issue '%s' closed with %" PRId64 " action still open",
                                      "issue '%s' closed with %" PRId64 " actions still open",
                                      issue->n_open),
                    issue->title, issue->n_open);
  return rapat_store_issue_update (ctx->store, issue, error);
}

/* issue link ISSUE MEETING */
static gboolean
issue_link (RapatCmdContext *ctx, GError **error)
{
  gint64 meeting_id;

  return rapat_store_meeting_resolve (ctx->store, ctx->args[1], &meeting_id, error)
         && rapat_store_issue_link (ctx->store, ctx->target_id, meeting_id, FALSE, error);
}

/* Returns the date of the latest meeting that discussed @issue, or NULL. */
static char *
last_discussed (const RapatIssue *issue)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (issue->last_discussed == 0)
    return NULL;
  tz = rapat_time_zone_load (issue->last_discussed_tz, NULL, NULL);
  return tz != NULL ? rapat_when_day (issue->last_discussed, tz) : NULL;
}

/* Writes the issue's own fields and counts as members of the current JSON object. */
static void
issue_json_fields (RapatJson *json, const RapatIssue *issue)
{
  g_autofree char *created = rapat_time_format_utc (issue->created_at);
  g_autofree char *closed = issue->closed_at != 0
    ? rapat_time_format_utc (issue->closed_at) : NULL;
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

/* Prints @issues (RapatIssue) as a JSON array. */
static void
print_list_json (FILE *out, GPtrArray *issues)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < issues->len; i++)
    {
      rapat_json_begin_object (json, NULL);
      issue_json_fields (json, issues->pdata[i]);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints @issues (RapatIssue) as a table, or a line saying there are none. */
static void
print_list_table (FILE *out, GPtrArray *issues)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Status"), _("Title"),
                                                 _("Category"), _("Meetings"), _("Open"),
                                                 _("Overdue"), _("Last discussed"), NULL);

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

      rapat_table_add (table, id, rapat_enum_label (&rapat_issue_status_enum, issue->status),
                       issue->title, issue->category, nm, no, nd, rapat_cmd_or (last, "-"));
    }
  if (rapat_table_rows (table) == 0)
    fprintf (out, _("No issues found.\n"));
  else
    rapat_table_print (table, out, "");
}

/* issue list */
static gboolean
issue_list (RapatCmdContext *ctx, GError **error)
{
  const IssueOptions *opt = ctx->options;
  RapatIssueFilter filter = { -1, NULL, 0 };
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_autoptr(GPtrArray) issues = NULL;

  if (today == NULL
      || (opt->status != NULL
          && !rapat_enum_parse (&rapat_issue_status_enum, opt->status, &filter.status, error))
      || (opt->unit != NULL
          && !rapat_store_unit_resolve (ctx->store, opt->unit, &filter.unit_id, error)))
    return FALSE;
  filter.category = opt->category;
  issues = rapat_store_issue_list (ctx->store, &filter, today, error);
  if (issues == NULL)
    return FALSE;
  if (opt->json)
    print_list_json (ctx->out, issues);
  else
    print_list_table (ctx->out, issues);
  return TRUE;
}

/* What "issue show" prints: the issue as of a day and its history. */
typedef struct {
  const char *today;
  RapatIssue *issue;
  GPtrArray *meetings;   /* RapatMeeting that discussed it */
  GPtrArray *items;      /* RapatAgendaItem linked to it, in those meetings */
  GPtrArray *actions;    /* RapatAction under it */
  GPtrArray *decisions;  /* RapatIssueDecision taken under it, newest meeting first */
} IssueHistory;

/* Frees what issue_history_load() filled in @h. */
static void
issue_history_clear (IssueHistory *h)
{
  g_clear_pointer (&h->issue, rapat_issue_free);
  g_clear_pointer (&h->meetings, g_ptr_array_unref);
  g_clear_pointer (&h->items, g_ptr_array_unref);
  g_clear_pointer (&h->actions, g_ptr_array_unref);
  g_clear_pointer (&h->decisions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IssueHistory, issue_history_clear)

/* Reads the issue @id as of @today and its history into @h. */
static gboolean
issue_history_load (RapatStore *store, gint64 id, const char *today, IssueHistory *h,
                    GError **error)
{
  RapatActionFilter filter = { 0 };

  filter.status = -1;
  filter.issue_id = id;
  h->today = today;
  h->issue = rapat_store_issue_get (store, id, today, error);
  h->meetings = h->issue != NULL ? rapat_store_issue_meetings (store, id, error) : NULL;
  h->items = h->meetings != NULL ? rapat_store_issue_agenda_items (store, id, error) : NULL;
  h->actions = h->items != NULL ? rapat_store_action_list (store, &filter, error) : NULL;
  h->decisions = h->actions != NULL ? rapat_store_issue_decisions (store, id, error) : NULL;
  return h->decisions != NULL;
}

/* Writes the meetings of @h, each with its agenda items on the issue, as
 * the JSON array "discussed". */
static void
show_json_discussed (RapatJson *json, const IssueHistory *h)
{
  rapat_json_begin_array (json, "discussed");
  for (guint i = 0; i < h->meetings->len; i++)
    {
      const RapatMeeting *m = h->meetings->pdata[i];
      g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
      g_autofree char *start = rapat_time_format_iso (m->start_utc, tz);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "meeting_id", m->id);
      rapat_json_string (json, "title", m->title);
      rapat_json_string (json, "start", start);
      rapat_json_string (json, "status", rapat_enum_name (&rapat_meeting_status_enum, m->status));
      rapat_json_begin_array (json, "agenda_items");
      for (guint j = 0; j < h->items->len; j++)
        {
          const RapatAgendaItem *it = h->items->pdata[j];

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
}

/* Writes the actions of @h as the JSON array "actions". */
static void
show_json_actions (RapatJson *json, const IssueHistory *h)
{
  rapat_json_begin_array (json, "actions");
  for (guint i = 0; i < h->actions->len; i++)
    {
      const RapatAction *a = h->actions->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", a->id);
      rapat_json_string (json, "title", a->title);
      rapat_json_string (json, "owner", a->owner_name);
      rapat_json_string (json, "due", a->due);
      rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, a->status));
      rapat_json_int (json, "progress", a->progress);
      rapat_json_bool (json, "overdue", rapat_action_is_overdue (a, h->today));
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Writes the decisions of @h as the JSON array "decisions". */
static void
show_json_decisions (RapatJson *json, const IssueHistory *h)
{
  rapat_json_begin_array (json, "decisions");
  for (guint i = 0; i < h->decisions->len; i++)
    {
      const RapatIssueDecision *id = h->decisions->pdata[i];
      const RapatDecision *d = id->decision;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (id->meeting_tz, NULL, NULL);
      g_autofree char *start = tz != NULL ? rapat_time_format_iso (id->meeting_start, tz)
                                          : rapat_time_format_utc (id->meeting_start);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "meeting_id", d->meeting_id);
      rapat_json_string (json, "meeting", id->meeting_title);
      rapat_json_string (json, "start", start);
      rapat_json_int (json, "number", d->number);
      rapat_json_int (json, "item", d->item_position);
      rapat_json_string (json, "item_title", d->item_title);
      rapat_json_string (json, "text", d->text);
      rapat_json_string (json, "minutes_status",
                         rapat_enum_name (&rapat_minutes_status_enum, id->minutes_status));
      rapat_json_int (json, "minutes_version", id->minutes_version);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints @h as one JSON object. */
static void
show_json (FILE *out, const IssueHistory *h)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_object (json, NULL);
  issue_json_fields (json, h->issue);
  show_json_discussed (json, h);
  show_json_actions (json, h);
  show_json_decisions (json, h);
  rapat_json_end_object (json);
}

/* Prints the issue's own fields and counts. */
static void
show_header (FILE *out, const IssueHistory *h)
{
  const RapatIssue *issue = h->issue;

  g_autoptr(RapatFields) f = rapat_fields_new (10);

  fprintf (out, _("Issue %" PRId64 ": %s\n"), issue->id, issue->title);
  rapat_fields_add (f, _("Status:"), rapat_enum_label (&rapat_issue_status_enum, issue->status));
  rapat_fields_add (f, _("Category:"), issue->category);
  rapat_fields_add (f, _("Unit:"), issue->unit_name);
  if (issue->description != NULL)
    rapat_fields_add (f, _("About:"), issue->description);
  rapat_fields_addf (f, _("Actions:"), _("%" PRId64 " open, %" PRId64 " overdue as of %s"),
                     issue->n_open, issue->n_overdue, h->today);
  rapat_fields_print (f, out, "  ");
}

/* Prints the meetings that discussed the issue, each with its agenda items on it. */
static void
show_meetings (FILE *out, const IssueHistory *h)
{
  fprintf (out, _("\nDiscussed in (%u)\n"), h->meetings->len);
  for (guint i = 0; i < h->meetings->len; i++)
    {
      const RapatMeeting *m = h->meetings->pdata[i];
      g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
      g_autofree char *day = rapat_when_day (m->start_utc, tz);

      if (m->status == RAPAT_MEETING_CANCELLED)
        fprintf (out, _("  %s  %" PRId64 "  %s (cancelled)\n"), day, m->id, m->title);
      else
        fprintf (out, "  %s  %" PRId64 "  %s\n", day, m->id, m->title);
      for (guint j = 0; j < h->items->len; j++)
        {
          const RapatAgendaItem *it = h->items->pdata[j];

          if (it->meeting_id == m->id)
            fprintf (out, _("      agenda item %d: %s\n"), it->position, it->title);
        }
    }
}

/* Prints the actions under the issue as a table. */
static void
show_actions (FILE *out, const IssueHistory *h)
{
  g_autoptr(RapatTable) table = NULL;

  fprintf (out, _("\nActions (%u)\n"), h->actions->len);
  if (h->actions->len == 0)
    return;
  table = rapat_table_new (_("ID"), _("Title"), _("Owner"), _("Due"), _("Status"), _("Done"),
                           NULL);
  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 5);
  rapat_table_max_width (table, 1, 50);
  for (guint i = 0; i < h->actions->len; i++)
    {
      const RapatAction *a = h->actions->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);
      g_autofree char *astatus = rapat_present_action_status (a, h->today);

      rapat_table_add (table, id, a->title, a->owner_name, rapat_cmd_or (a->due, "-"), astatus,
                       pct);
    }
  rapat_table_print (table, out, "  ");
}

/* Prints decision @number, @text wrapped under its number. */
static void
show_decision_text (FILE *out, int number, const char *text)
{
  g_autofree char *lead = g_strdup_printf ("      %d. ", number);
  g_autofree char *pad = g_strnfill (strlen (lead), ' ');
  g_autofree char *flat = g_strdup (text);
  g_autofree char *wrapped = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size = 0;
  FILE *mem;

  g_strdelimit (flat, "\t\n", ' ');
  mem = open_memstream (&wrapped, &size);
  if (mem == NULL)
    {
      fprintf (out, "%s%s\n", lead, flat);
      return;
    }
  rapat_print_wrapped (mem, "", flat, 80 - strlen (lead));
  fclose (mem);
  lines = g_strsplit (wrapped, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    fprintf (out, "%s%s\n", i == 0 ? lead : pad, lines[i]);
}

/* Prints the decisions taken under the issue, by meeting, newest first,
 * with the state of each meeting's minutes. */
static void
show_decisions (FILE *out, const IssueHistory *h)
{
  gint64 last = 0;

  fprintf (out, _("\nDecisions (%u)\n"), h->decisions->len);
  for (guint i = 0; i < h->decisions->len; i++)
    {
      const RapatIssueDecision *id = h->decisions->pdata[i];
      const RapatDecision *d = id->decision;

      if (d->meeting_id != last)
        {
          g_autoptr(GTimeZone) tz = rapat_time_zone_load (id->meeting_tz, NULL, NULL);
          g_autofree char *day = tz != NULL ? rapat_when_day (id->meeting_start, tz)
                                            : g_strdup ("?");

          if (id->minutes_status == RAPAT_MINUTES_FINAL)
            fprintf (out, _("  %s  %" PRId64 "  %s (minutes final, version %d)\n"), day,
                     d->meeting_id, id->meeting_title, id->minutes_version);
          else
            fprintf (out, _("  %s  %" PRId64 "  %s (minutes draft, version %d)\n"), day,
                     d->meeting_id, id->meeting_title, id->minutes_version);
          last = d->meeting_id;
        }
      show_decision_text (out, d->number, d->text);
    }
}

/* issue show ISSUE */
static gboolean
issue_show (RapatCmdContext *ctx, GError **error)
{
  const IssueOptions *opt = ctx->options;
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_auto(IssueHistory) h = { 0 };

  if (today == NULL || !issue_history_load (ctx->store, ctx->target_id, today, &h, error))
    return FALSE;
  if (opt->json)
    show_json (ctx->out, &h);
  else
    {
      show_header (ctx->out, &h);
      show_meetings (ctx->out, &h);
      show_actions (ctx->out, &h);
      show_decisions (ctx->out, &h);
    }
  return TRUE;
}

const RapatCommand rapat_issue_commands[] = {
  { "add", "TITLE", N_("Add a strategic issue"), N_("Prints the new issue's id."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, IssueOptions),
    RAPAT_TARGET_NONE, issue_add },
  { "list", "", N_("List issues with meetings, open and overdue actions"), NULL, RAPAT_CMD_STORE,
    0, 0, RAPAT_OPTIONS (list_entries, IssueOptions), RAPAT_TARGET_NONE, issue_list },
  { "show", "ISSUE", N_("Show an issue's history: meetings, agenda items, actions"), NULL,
    RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (show_entries, IssueOptions), RAPAT_TARGET_ISSUE,
    issue_show },
  { "edit", "ISSUE", N_("Change an issue"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1,
    RAPAT_OPTIONS (edit_entries, IssueOptions), RAPAT_TARGET_ISSUE, issue_edit },
  { "close", "ISSUE", N_("Mark an issue resolved"),
    N_("Refused while actions under the issue are open, unless --force."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (close_entries, IssueOptions),
    RAPAT_TARGET_ISSUE, issue_close },
  { "link", "ISSUE MEETING", N_("Record that a meeting discussed the issue"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_ISSUE, issue_link },
  { NULL },
};
