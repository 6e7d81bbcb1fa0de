/* rapat — "rapat action": action items raised in meetings (cli layer). */
#include "cmd.h"
#include "minutes.h"
#include "action.h"
#include "output.h"
#include "present.h"
#include "report-actions.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


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
  char *decision;
  gboolean json;
} ActionOptions;

#define OWNER_ENTRIES \
  RAPAT_OPT_TEXT ("owner", ActionOptions, owner, N_("The person responsible"), N_("PERSON")), \
  RAPAT_OPT_TEXT ("owner-unit", ActionOptions, owner_unit, \
                  N_("The unit responsible (instead of a person)"), N_("UNIT"))

#define AS_OF_ENTRY \
  RAPAT_OPT_TEXT ("as-of", ActionOptions, as_of, \
                  N_("Judge overdue as of this day (default: today)"), N_("DATE"))

#define NOTE_ENTRY \
  RAPAT_OPT_TEXT ("note", ActionOptions, note, N_("A note for the history"), N_("TEXT"))

static const RapatOption add_entries[] = {
  OWNER_ENTRIES,
  RAPAT_OPT_TEXT ("due", ActionOptions, due, N_("Due day, YYYY-MM-DD"), N_("DATE")),
  RAPAT_OPT_TEXT ("meeting", ActionOptions, meeting, N_("The meeting that raised it"),
                  N_("MEETING")),
  RAPAT_OPT_TEXT ("issue", ActionOptions, issue, N_("The strategic issue it serves"), N_("ISSUE")),
  RAPAT_OPT_TEXT ("priority", ActionOptions, priority, N_("low, normal (default) or high"),
                  N_("PRIORITY")),
  RAPAT_OPT_TEXT ("description", ActionOptions, description, N_("Description"), N_("TEXT")),
  RAPAT_OPT_TEXT ("decision", ActionOptions, decision,
                  N_("The decision of its meeting it carries out (its number)"), N_("N")),
  RAPAT_OPT_END,
};

static const RapatOption update_entries[] = {
  RAPAT_OPT_TEXT ("status", ActionOptions, status, N_("open, in-progress, done or cancelled"),
                  N_("STATUS")),
  RAPAT_OPT_TEXT ("progress", ActionOptions, progress, N_("Percent complete, 0 to 100"), N_("N")),
  RAPAT_OPT_TEXT ("due", ActionOptions, due, N_("New due day (\"\" removes it)"), N_("DATE")),
  NOTE_ENTRY,
  RAPAT_OPT_TEXT ("title", ActionOptions, title, N_("New title"), N_("TITLE")),
  OWNER_ENTRIES,
  RAPAT_OPT_TEXT ("issue", ActionOptions, issue, N_("Strategic issue (\"\" clears it)"),
                  N_("ISSUE")),
  RAPAT_OPT_TEXT ("priority", ActionOptions, priority, N_("low, normal or high"), N_("PRIORITY")),
  RAPAT_OPT_TEXT ("description", ActionOptions, description,
                  N_("Description (\"\" clears it)"), N_("TEXT")),
  RAPAT_OPT_END,
};

static const RapatOption done_entries[] = {
  NOTE_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_FLAG ("open", ActionOptions, open, N_("Only open and in-progress actions")),
  RAPAT_OPT_FLAG ("overdue", ActionOptions, overdue, N_("Only open actions past their due day")),
  AS_OF_ENTRY,
  RAPAT_OPT_TEXT ("status", ActionOptions, status, N_("Only actions with this status"),
                  N_("STATUS")),
  RAPAT_OPT_TEXT ("owner", ActionOptions, owner, N_("Only actions of this person"), N_("PERSON")),
  RAPAT_OPT_TEXT ("unit", ActionOptions, unit,
                  N_("Only actions of this unit, the units below it, or their people"),
                  N_("UNIT")),
  RAPAT_OPT_TEXT ("meeting", ActionOptions, meeting, N_("Only actions raised in this meeting"),
                  N_("MEETING")),
  RAPAT_OPT_TEXT ("issue", ActionOptions, issue, N_("Only actions under this issue"),
                  N_("ISSUE")),
  RAPAT_OPT_TEXT ("due-before", ActionOptions, due_before, N_("Only actions due before this day"),
                  N_("DATE")),
  RAPAT_OPT_JSON (ActionOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  AS_OF_ENTRY,
  RAPAT_OPT_JSON (ActionOptions, json),
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
  if (opt->meeting != NULL
      && !rapat_store_meeting_resolve (ctx->store, opt->meeting, &a->meeting_id, error))
    return FALSE;
  if (opt->decision != NULL
      && !rapat_minutes_decision_resolve (ctx->store, a->meeting_id, opt->decision,
                                          &a->decision_id, error))
    return FALSE;
  if (!rapat_action_set_due (ctx->store, a, opt->due, error)
      || !rapat_action_create (ctx->store, a, ctx->now, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", a->id);
  return TRUE;
}

/* action update ACTION */
static gboolean
action_update (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autoptr(RapatAction) before = rapat_store_action_get (ctx->store, ctx->target_id, error);
  g_autoptr(RapatAction) after = NULL;
  int v;

  if (before == NULL)
    return FALSE;
  after = rapat_store_action_get (ctx->store, ctx->target_id, error);
  if (after == NULL || !apply_owner (ctx, "action update", after, FALSE, error)
      || !apply_details (ctx, after, error)
      || !rapat_action_set_due (ctx->store, after, opt->due, error))
    return FALSE;
  /* Status first: done means 100%, and an explicit --progress must agree. */
  if (opt->status != NULL)
    {
      if (!rapat_enum_parse (&rapat_action_status_enum, opt->status, &v, error))
        return FALSE;
      rapat_action_set_status (after, v, ctx->now);
    }
  if (opt->progress != NULL)
    {
      if (!rapat_action_parse_progress (opt->progress, &v, error))
        return FALSE;
      after->progress = v;
    }
  return rapat_action_save (ctx->store, before, after, opt->note, ctx->now, error);
}

/* action done ACTION */
static gboolean
action_done (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autoptr(RapatAction) before = rapat_store_action_get (ctx->store, ctx->target_id, error);
  g_autoptr(RapatAction) after = NULL;

  if (before == NULL)
    return FALSE;
  if (before->status == RAPAT_ACTION_DONE)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("action '%s': already done"),
                   before->title);
      return FALSE;
    }
  after = rapat_store_action_get (ctx->store, ctx->target_id, error);
  if (after == NULL)
    return FALSE;
  rapat_action_set_status (after, RAPAT_ACTION_DONE, ctx->now);
  return rapat_action_save (ctx->store, before, after, opt->note, ctx->now, error);
}

/* Fills @filter from the options of 'action list'; @today judges overdue
 * and *@due_before keeps the canonical --due-before day @filter points to. */
static gboolean
list_filter (RapatCmdContext *ctx, const char *today, RapatActionFilter *filter,
             char **due_before, GError **error)
{
  const ActionOptions *opt = ctx->options;
  RapatStore *store = ctx->store;

  filter->status = -1;
  filter->open_only = opt->open;
  filter->overdue_before = opt->overdue ? today : NULL;
  if (opt->due_before != NULL)
    {
      *due_before = rapat_cmd_day (_("due-before"), opt->due_before, error);
      if (*due_before == NULL)
        return FALSE;
      filter->due_before = *due_before;
    }
  return (opt->status == NULL
          || rapat_enum_parse (&rapat_action_status_enum, opt->status, &filter->status, error))
         && (opt->owner == NULL
             || rapat_store_person_resolve (store, opt->owner, &filter->owner_person_id, error))
         && (opt->unit == NULL
             || rapat_store_unit_resolve (store, opt->unit, &filter->unit_id, error))
         && (opt->meeting == NULL
             || rapat_store_meeting_resolve (store, opt->meeting, &filter->meeting_id, error))
         && (opt->issue == NULL
             || rapat_store_issue_resolve (store, opt->issue, &filter->issue_id, error));
}

/* Prints @actions as the JSON array of 'action list --json'. */
static void
print_list_json (FILE *out, GPtrArray *actions, const char *today)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      rapat_json_begin_object (json, NULL);
      rapat_report_action_json (json, actions->pdata[i], today);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints @actions as the table of 'action list'. */
static void
print_list_table (FILE *out, GPtrArray *actions, const char *today)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Due"), _("Status"), _("Done"),
                                                 _("Title"), _("Owner"), _("Issue"), NULL);

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
    fprintf (out, _("No actions found.\n"));
  else
    rapat_table_print (table, out, "");
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

  if (today == NULL || !list_filter (ctx, today, &filter, &due_before, error))
    return FALSE;
  actions = rapat_store_action_list (ctx->store, &filter, error);
  if (actions == NULL)
    return FALSE;
  if (opt->json)
    print_list_json (ctx->out, actions, today);
  else
    print_list_table (ctx->out, actions, today);
  return TRUE;
}

/* Prints @a, its @history and the decision @d it carries out (or NULL) as
 * the JSON object of 'action show --json'. */
static void
print_show_json (FILE *out, const RapatAction *a, GPtrArray *history, const RapatDecision *d,
                 const char *today)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_object (json, NULL);
  rapat_report_action_json (json, a, today);
  rapat_json_begin_array (json, "history");
  for (guint i = 0; i < history->len; i++)
    {
      const RapatActionEvent *e = history->pdata[i];
      g_autofree char *at = rapat_time_format_utc (e->at);

      rapat_json_begin_object (json, NULL);
      rapat_json_string (json, "at", at);
      rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, e->status));
      rapat_json_int (json, "progress", e->progress);
      rapat_json_string (json, "due", e->due);
      rapat_json_string (json, "note", e->note);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  /* Last, so that programs reading the fields by position are not disturbed. */
  if (d != NULL)
    {
      rapat_json_begin_object (json, "decision");
      rapat_json_int (json, "id", d->id);
      rapat_json_int (json, "number", d->number);
      rapat_json_int (json, "meeting_id", d->meeting_id);
      rapat_json_string (json, "meeting", a->meeting_title);
      if (d->agenda_item_id != 0)
        rapat_json_int (json, "item", d->item_position);
      else
        rapat_json_null (json, "item");
      rapat_json_string (json, "text", d->text);
      rapat_json_end_object (json);
    }
  else
    rapat_json_null (json, "decision");
  rapat_json_end_object (json);
}

/* Prints the "  Label:  value" lines of 'action show', with the decision
 * @d it carries out (or NULL). */
static void
print_show_fields (FILE *out, const RapatAction *a, const RapatDecision *d, const char *today)
{
  g_autofree char *status = rapat_present_action_status (a, today);
  g_autoptr(RapatFields) f = rapat_fields_new (10);
  g_autoptr(GTimeZone) mtz = a->meeting_id != 0
    ? rapat_time_zone_load (a->meeting_tz, NULL, NULL) : NULL;
  g_autofree char *day = mtz != NULL ? rapat_when_day (a->meeting_start, mtz) : NULL;

  fprintf (out, _("Action %" PRId64 ": %s\n"), a->id, a->title);
  rapat_fields_add (f, _("Status:"), status);
  rapat_fields_addf (f, _("Progress:"), "%d%%", a->progress);
  rapat_fields_add (f, _("Due:"), a->due);
  rapat_fields_add (f, _("Priority:"), rapat_enum_label (&rapat_priority_enum, a->priority));
  if (a->owner_person_id != 0)
    rapat_fields_addf (f, _("Owner:"), "%s (%s)", a->owner_name,
                       rapat_cmd_or (a->owner_unit_name, "-"));
  else
    /* TRANSLATORS: an action owned by a unit rather than a person. */
    rapat_fields_addf (f, _("Owner:"), _("unit %s"), a->owner_name);
  if (a->meeting_id != 0)
    rapat_fields_addf (f, _("Meeting:"), "%" PRId64 " %s (%s)", a->meeting_id,
                       a->meeting_title, rapat_cmd_or (day, "?"));
  if (d != NULL)
    {
      g_autofree char *text = g_strdup (d->text);

      g_strdelimit (text, "\t\n", ' ');
      rapat_fields_addf (f, _("Decision:"), _("%d of meeting '%s' (%s): %s"), d->number,
                         a->meeting_title, rapat_cmd_or (day, "?"), text);
    }
  if (a->issue_id != 0)
    rapat_fields_addf (f, _("Issue:"), "%" PRId64 " %s", a->issue_id, a->issue_title);
  rapat_fields_add (f, _("UID:"), a->uid);
  if (a->description != NULL)
    rapat_fields_add (f, _("About:"), a->description);
  rapat_fields_print (f, out, "  ");
}

/* Prints @history as the table of 'action show', times in @local. */
static void
print_history (FILE *out, GPtrArray *history, GTimeZone *local)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("When"), _("Status"), _("Done"), _("Due"),
                                                 _("Note"), NULL);

  fprintf (out, "\n%s\n", _("History"));
  rapat_table_align_right (table, 2);
  for (guint i = 0; i < history->len; i++)
    {
      const RapatActionEvent *e = history->pdata[i];
      g_autofree char *when = rapat_time_format (e->at, local, "%Y-%m-%d %H:%M");
      g_autofree char *pct = g_strdup_printf ("%d%%", e->progress);

      rapat_table_add (table, when, rapat_enum_label (&rapat_action_status_enum, e->status),
                       pct, rapat_cmd_or (e->due, "-"), e->note);
    }
  rapat_table_print (table, out, "  ");
}

/* action show ACTION */
static gboolean
action_show (RapatCmdContext *ctx, GError **error)
{
  const ActionOptions *opt = ctx->options;
  g_autofree char *today = rapat_cmd_as_of (ctx, opt->as_of, error);
  g_autofree char *zone = today != NULL ? rapat_cmd_zone (ctx, NULL, error) : NULL;
  g_autoptr(RapatAction) a = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(RapatDecision) d = NULL;

  if (zone == NULL)
    return FALSE;
  a = rapat_store_action_get (ctx->store, ctx->target_id, error);
  history = a != NULL ? rapat_store_action_history (ctx->store, a->id, error) : NULL;
  if (history == NULL)
    return FALSE;
  if (a->decision_id != 0 && (d = rapat_store_decision_get (ctx->store, a->decision_id, error)) == NULL)
    return FALSE;
  local = rapat_time_zone_load (zone, NULL, error);
  if (local == NULL)
    return FALSE;
  if (opt->json)
    {
      print_show_json (ctx->out, a, history, d, today);
      return TRUE;
    }
  print_show_fields (ctx->out, a, d, today);
  print_history (ctx->out, history, local);
  return TRUE;
}

const RapatCommand rapat_action_commands[] = {
  { "add", "TITLE", N_("Add an action item"),
    N_("An owner is required: a person (--owner) or a unit (--owner-unit). Prints the new id."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, ActionOptions),
    RAPAT_TARGET_NONE, action_add },
  { "list", "", N_("List action items"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (list_entries, ActionOptions), RAPAT_TARGET_NONE, action_list },
  { "show", "ACTION", N_("Show an action item and its history"), NULL, RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (show_entries, ActionOptions), RAPAT_TARGET_ACTION, action_show },
  { "update", "ACTION", N_("Change status, progress, due day or other fields"),
    N_("Each change of status, progress or due day, and each note, is kept in the history."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (update_entries, ActionOptions),
    RAPAT_TARGET_ACTION, action_update },
  { "done", "ACTION", N_("Mark an action item done"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE,
    1, 1, RAPAT_OPTIONS (done_entries, ActionOptions), RAPAT_TARGET_ACTION, action_done },
  { NULL },
};
