/* rapat — "rapat action": action items raised in meetings (cli layer). */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "report-actions.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


#define OWNER_ENTRIES \
  { "owner", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, owner), N_("The person responsible"), N_("PERSON"), NULL }, \
  { "owner-unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, owner_unit), N_("The unit responsible (instead of a person)"), N_("UNIT"), NULL }

typedef struct {
  char *title;
  char *owner;
  char *owner_unit;
  char *due;
  char *meeting;
  char *issue;
  char *priority;
  char *description;
  char *status;
  char *progress;
  char *note;
  char *unit;
  char *as_of;
  char *due_before;
  gboolean open;
  gboolean overdue;
  gboolean json;
} ActionOptions;

static const RapatOption add_entries[] = {
  OWNER_ENTRIES,
  { "due", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, due), N_("Due day, YYYY-MM-DD"), N_("DATE"), NULL },
  { "meeting", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, meeting), N_("The meeting that raised it"), N_("MEETING"), NULL },
  { "issue", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, issue), N_("The strategic issue it serves"), N_("ISSUE"), NULL },
  { "priority", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, priority), N_("low, normal (default) or high"), N_("PRIORITY"), NULL },
  { "description", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, description), N_("Description"), N_("TEXT"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption update_entries[] = {
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, status), N_("open, in-progress, done or cancelled"), N_("STATUS"), NULL },
  { "progress", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, progress), N_("Percent complete, 0 to 100"), N_("N"), NULL },
  { "due", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, due), N_("New due day (\"\" removes it)"), N_("DATE"), NULL },
  { "note", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, note), N_("A note for the history"), N_("TEXT"), NULL },
  { "title", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, title), N_("New title"), N_("TITLE"), NULL },
  OWNER_ENTRIES,
  { "issue", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, issue), N_("Strategic issue (\"\" clears it)"), N_("ISSUE"), NULL },
  { "priority", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, priority), N_("low, normal or high"), N_("PRIORITY"), NULL },
  { "description", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, description), N_("Description (\"\" clears it)"), N_("TEXT"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption done_entries[] = {
  { "note", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, note), N_("A note for the history"), N_("TEXT"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  { "open", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ActionOptions, open), N_("Only open and in-progress actions"), NULL, NULL },
  { "overdue", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ActionOptions, overdue), N_("Only open actions past their due day"), NULL, NULL },
  { "as-of", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, as_of), N_("Judge overdue as of this day (default: today)"), N_("DATE"), NULL },
  { "status", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, status), N_("Only actions with this status"), N_("STATUS"), NULL },
  { "owner", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, owner), N_("Only actions of this person"), N_("PERSON"), NULL },
  { "unit", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, unit), N_("Only actions of this unit, the units below it, or their people"), N_("UNIT"), NULL },
  { "meeting", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, meeting), N_("Only actions raised in this meeting"), N_("MEETING"), NULL },
  { "issue", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, issue), N_("Only actions under this issue"), N_("ISSUE"), NULL },
  { "due-before", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, due_before), N_("Only actions due before this day"), N_("DATE"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ActionOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  { "as-of", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ActionOptions, as_of), N_("Judge overdue as of this day (default: today)"), N_("DATE"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ActionOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

/* Applies --owner/--owner-unit: exactly one may be given; @required for add. */
static gboolean
apply_owner (RapatCmdContext *ctx, const char *cmd, RapatAction *a, gboolean required,
             GError **error)
{
  const ActionOptions *opt = ctx->options;
  if (opt->owner != NULL && opt->owner_unit != NULL)
    {
      rapat_cmd_usage_error (error, cmd, _("give --owner or --owner-unit, not both"));
      return FALSE;
    }
  if (opt->owner == NULL && opt->owner_unit == NULL)
    {
      if (required)
        rapat_cmd_usage_error (error, cmd, _("an owner is required: --owner PERSON or --owner-unit UNIT"));
      return !required;
    }
  a->owner_person_id = a->owner_unit_id = 0;
  if (opt->owner != NULL)
    return rapat_store_person_resolve (ctx->store, opt->owner, &a->owner_person_id, error);
  return rapat_store_unit_resolve (ctx->store, opt->owner_unit, &a->owner_unit_id, error);
}

/* Applies --due, refusing a day before the meeting that raised the action. */
static gboolean
apply_due (RapatCmdContext *ctx, RapatAction *a, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autofree char *due = NULL;

  if (opt->due == NULL)
    return TRUE;
  if (*opt->due == '\0')
    {
      g_clear_pointer (&a->due, g_free);
      return TRUE;
    }
  due = rapat_cmd_day (_("due"), opt->due, error);
  if (due == NULL)
    return FALSE;
  if (a->meeting_id != 0)
    {
      g_autoptr(RapatMeeting) m = rapat_store_meeting_get (ctx->store, a->meeting_id, error);
      g_autoptr(GTimeZone) tz = NULL;
      g_autofree char *day = NULL;

      if (m == NULL)
        return FALSE;
      tz = rapat_present_zone (m);
      day = rapat_present_date (m->start_utc, tz);
      if (strcmp (due, day) < 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("due '%s': before the meeting that raised the action (%s)"), opt->due, day);
          return FALSE;
        }
    }
  g_free (a->due);
  a->due = g_steal_pointer (&due);
  return TRUE;
}

/* Applies title, issue, priority and description options. */
static gboolean
apply_details (RapatCmdContext *ctx, RapatAction *a, GError **error)
{
  const ActionOptions *opt = ctx->options;
  if (!rapat_cmd_take_text (_("title"), opt->title, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &a->title, error)
      || !rapat_cmd_take_text (_("description"), opt->description, RAPAT_TEXT_MULTILINE,
                               RAPAT_MAX_TEXT, &a->description, error))
    return FALSE;
  if (opt->issue != NULL && *opt->issue == '\0')
    a->issue_id = 0;
  else if (opt->issue != NULL && !rapat_store_issue_resolve (ctx->store, opt->issue, &a->issue_id, error))
    return FALSE;
  if (opt->priority != NULL)
    {
      int p;
      if (!rapat_enum_parse (&rapat_priority_enum, opt->priority, &p, error))
        return FALSE;
      a->priority = p;
    }
  return TRUE;
}

/* action add TITLE */
static gboolean
action_add (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autoptr(RapatAction) a = rapat_action_new ();

  if (!rapat_cmd_take_text (_("title"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &a->title, error)
      || !apply_owner (ctx, "action add", a, TRUE, error) || !apply_details (ctx, a, error))
    return FALSE;
  if (opt->meeting != NULL && !rapat_store_meeting_resolve (ctx->store, opt->meeting, &a->meeting_id, error))
    return FALSE;
  if (!apply_due (ctx, a, error))
    return FALSE;
  a->uid = rapat_uid_new ();
  a->created_at = a->updated_at = ctx->now;
  if (!rapat_store_action_insert (ctx->store, a, error)
      || !rapat_store_action_add_event (ctx->store, a, ctx->now, _("created"), error))
    return FALSE;
  /* Raised in a meeting under an issue: that meeting discussed the issue. */
  if (a->meeting_id != 0 && a->issue_id != 0
      && !rapat_store_issue_link (ctx->store, a->issue_id, a->meeting_id, TRUE, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", a->id);
  return TRUE;
}

/* Loads the action named by @text. */
static RapatAction *
load_action (RapatCmdContext *ctx, const char *text, GError **error)
{
  gint64 id;

  if (!rapat_store_action_resolve (ctx->store, text, &id, error))
    return NULL;
  return rapat_store_action_get (ctx->store, id, error);
}

/* Sets the status of @a, keeping progress and done_at consistent with it. */
static void
set_status (RapatAction *a, RapatActionStatus status, gint64 now)
{
  if (status == RAPAT_ACTION_DONE && a->status != RAPAT_ACTION_DONE)
    {
      a->done_at = now;
      a->progress = 100;
    }
  if (status != RAPAT_ACTION_DONE)
    a->done_at = 0;
  a->status = status;
}

/* Stores @after and, when its status, progress or due day changed or a note
 * was given, a history entry. */
static gboolean
save_action (RapatCmdContext *ctx, const RapatAction *before, RapatAction *after,
             GError **error)
{
  const ActionOptions *opt = ctx->options;
  gboolean tracked = before->status != after->status || before->progress != after->progress
                     || g_strcmp0 (before->due, after->due) != 0;

  if (opt->note != NULL && !rapat_text_check (_("note"), opt->note,
                                             RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                                             RAPAT_MAX_TEXT, error))
    return FALSE;
  after->updated_at = ctx->now;
  if (!rapat_store_action_update (ctx->store, after, error))
    return FALSE;
  return (!tracked && opt->note == NULL)
         || rapat_store_action_add_event (ctx->store, after, ctx->now, opt->note, error);
}

/* action update ACTION */
static gboolean
action_update (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autoptr(RapatAction) before = load_action (ctx, ctx->args[0], error);
  g_autoptr(RapatAction) after = NULL;

  if (before == NULL)
    return FALSE;
  after = load_action (ctx, ctx->args[0], error);
  if (after == NULL || !apply_owner (ctx, "action update", after, FALSE, error)
      || !apply_details (ctx, after, error) || !apply_due (ctx, after, error))
    return FALSE;
  /* Status first: done means 100%, and an explicit --progress must agree. */
  if (opt->status != NULL)
    {
      int status;
      if (!rapat_enum_parse (&rapat_action_status_enum, opt->status, &status, error))
        return FALSE;
      set_status (after, status, ctx->now);
    }
  if (opt->progress != NULL)
    {
      gint64 v = -1;
      if (strcmp (opt->progress, "0") != 0 && (!rapat_text_parse_id (opt->progress, &v) || v > 100))
        {
          g_autofree char *ex = rapat_text_excerpt (opt->progress);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("progress '%s': expected a whole number from 0 to 100"), ex);
          return FALSE;
        }
      after->progress = v < 0 ? 0 : (int) v;
    }
  if (after->status == RAPAT_ACTION_DONE && after->progress != 100)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("progress '%d': a done action is 100%% complete"), after->progress);
      return FALSE;
    }
  /* Under an issue and raised in a meeting: that meeting discussed the issue. */
  if (after->meeting_id != 0 && after->issue_id != 0
      && !rapat_store_issue_link (ctx->store, after->issue_id, after->meeting_id, TRUE, error))
    return FALSE;
  return save_action (ctx, before, after, error);
}

/* action done ACTION */
static gboolean
action_done (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatAction) before = load_action (ctx, ctx->args[0], error);
  g_autoptr(RapatAction) after = NULL;

  if (before == NULL)
    return FALSE;
  if (before->status == RAPAT_ACTION_DONE)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("action '%s': already done"),
                   before->title);
      return FALSE;
    }
  after = load_action (ctx, ctx->args[0], error);
  if (after == NULL)
    return FALSE;
  set_status (after, RAPAT_ACTION_DONE, ctx->now);
  return save_action (ctx, before, after, error);
}

/* action list */
static gboolean
action_list (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  RapatActionFilter filter = { 0 };
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_autofree char *due_before = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(RapatTable) table = NULL;

  if (today == NULL)
    return FALSE;
  filter.status = -1;
  filter.open_only = opt->open;
  filter.overdue_before = opt->overdue ? today : NULL;
  if (opt->due_before != NULL)
    {
      due_before = rapat_cmd_day (_("due-before"), opt->due_before, error);
      if (due_before == NULL)
        return FALSE;
      filter.due_before = due_before;
    }
  if ((opt->status != NULL && !rapat_enum_parse (&rapat_action_status_enum, opt->status, &filter.status, error))
      || (opt->owner != NULL && !rapat_store_person_resolve (ctx->store, opt->owner, &filter.owner_person_id, error))
      || (opt->unit != NULL && !rapat_store_unit_resolve (ctx->store, opt->unit, &filter.unit_id, error))
      || (opt->meeting != NULL && !rapat_store_meeting_resolve (ctx->store, opt->meeting, &filter.meeting_id, error))
      || (opt->issue != NULL && !rapat_store_issue_resolve (ctx->store, opt->issue, &filter.issue_id, error)))
    return FALSE;
  actions = rapat_store_action_list (ctx->store, &filter, error);
  if (actions == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_array (json, NULL);
      for (guint i = 0; i < actions->len; i++)
        {
          rapat_json_begin_object (json, NULL);
          rapat_report_action_json (json, actions->pdata[i], today);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      return TRUE;
    }
  table = rapat_table_new (_("ID"), _("Due"), _("Status"), _("Done"), _("Title"), _("Owner"),
                           _("Issue"), NULL);
  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 3);
  rapat_table_max_width (table, 4, 48);
  rapat_table_max_width (table, 5, 28);
  rapat_table_max_width (table, 6, 28);
  for (guint i = 0; i < actions->len; i++)
    {
      const RapatAction *a = actions->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);
      g_autofree char *astatus = rapat_present_action_status (a, today);

      rapat_table_add (table, id, rapat_cmd_or (a->due, "-"), astatus, pct, a->title,
                       a->owner_name, a->issue_title);
    }
  if (rapat_table_rows (table) == 0)
    fprintf (ctx->out, _("No actions found.\n"));
  else
    rapat_table_print (table, ctx->out, "");
  return TRUE;
}

/* action show ACTION */
static gboolean
action_show (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_autoptr(RapatAction) a = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *zone = today != NULL ? rapat_cmd_zone (ctx, NULL, error) : NULL;

  if (zone == NULL)
    return FALSE;
  a = load_action (ctx, ctx->args[0], error);
  history = a != NULL ? rapat_store_action_history (ctx->store, a->id, error) : NULL;
  if (history == NULL)
    return FALSE;
  local = rapat_time_zone_load (zone, NULL, error);
  if (local == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      rapat_json_begin_object (json, NULL);
      rapat_report_action_json (json, a, today);
      rapat_json_begin_array (json, "history");
      for (guint i = 0; i < history->len; i++)
        {
          const RapatActionEvent *e = history->pdata[i];
          g_autofree char *at = rapat_time_format (e->at, utc, "%Y-%m-%dT%H:%M:%SZ");

          rapat_json_begin_object (json, NULL);
          rapat_json_string (json, "at", at);
          rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, e->status));
          rapat_json_int (json, "progress", e->progress);
          rapat_json_string (json, "due", e->due);
          rapat_json_string (json, "note", e->note);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
      return TRUE;
    }

  fprintf (ctx->out, "%s %" G_GINT64_FORMAT ": %s\n", _("Action"), a->id, a->title);
  {
    g_autofree char *status = rapat_present_action_status (a, today);
    fprintf (ctx->out, "  %-10s %s\n", _("Status:"), status);
  }
  fprintf (ctx->out, "  %-10s %d%%\n", _("Progress:"), a->progress);
  fprintf (ctx->out, "  %-10s %s\n", _("Due:"), rapat_cmd_or (a->due, "-"));
  fprintf (ctx->out, "  %-10s %s\n", _("Priority:"), _(rapat_enum_name (&rapat_priority_enum, a->priority)));
  if (a->owner_person_id != 0)
    fprintf (ctx->out, "  %-10s %s (%s)\n", _("Owner:"), a->owner_name,
             rapat_cmd_or (a->owner_unit_name, "-"));
  else
    fprintf (ctx->out, "  %-10s %s %s\n", _("Owner:"), _("unit"), a->owner_name);
  if (a->meeting_id != 0)
    {
      g_autoptr(GTimeZone) mtz = rapat_time_zone_load (a->meeting_tz, NULL, NULL);
      g_autofree char *day = mtz != NULL ? rapat_present_date (a->meeting_start, mtz) : NULL;
      fprintf (ctx->out, "  %-10s %" G_GINT64_FORMAT " %s (%s)\n", _("Meeting:"), a->meeting_id,
               a->meeting_title, rapat_cmd_or (day, "?"));
    }
  if (a->issue_id != 0)
    fprintf (ctx->out, "  %-10s %" G_GINT64_FORMAT " %s\n", _("Issue:"), a->issue_id, a->issue_title);
  fprintf (ctx->out, "  %-10s %s\n", _("UID:"), a->uid);
  if (a->description != NULL)
    fprintf (ctx->out, "  %-10s %s\n", _("About:"), a->description);
  fprintf (ctx->out, "\n%s\n", _("History"));
  {
    g_autoptr(RapatTable) table = rapat_table_new (_("When"), _("Status"), _("Done"), _("Due"),
                                                   _("Note"), NULL);
    rapat_table_align_right (table, 2);
    for (guint i = 0; i < history->len; i++)
      {
        const RapatActionEvent *e = history->pdata[i];
        g_autofree char *when = rapat_time_format (e->at, local, "%Y-%m-%d %H:%M");
        g_autofree char *pct = g_strdup_printf ("%d%%", e->progress);

        rapat_table_add (table, when, _(rapat_enum_name (&rapat_action_status_enum, e->status)),
                         pct, rapat_cmd_or (e->due, "-"), e->note);
      }
    rapat_table_print (table, ctx->out, "  ");
  }
  return TRUE;
}

const RapatCommand rapat_action_commands[] = {
  { "add", "TITLE", N_("Add an action item"),
    N_("An owner is required: a person (--owner) or a unit (--owner-unit). Prints the new id."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, ActionOptions), RAPAT_TARGET_NONE, action_add },
  { "list", "", N_("List action items"), NULL, RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (list_entries, ActionOptions), RAPAT_TARGET_NONE, action_list },
  { "show", "ACTION", N_("Show an action item and its history"), NULL, RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (show_entries, ActionOptions), RAPAT_TARGET_NONE, action_show },
  { "update", "ACTION", N_("Change status, progress, due day or other fields"),
    N_("Each change of status, progress or due day, and each note, is kept in the history."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (update_entries, ActionOptions), RAPAT_TARGET_NONE, action_update },
  { "done", "ACTION", N_("Mark an action item done"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE,
    1, 1, RAPAT_OPTIONS (done_entries, ActionOptions), RAPAT_TARGET_NONE, action_done },
  { NULL },
};
