/* rapat — "rapat agenda": a meeting's ordered agenda (cli layer). */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


typedef struct {
  char *title;
  char *duration;
  char *type;
  char *presenter;
  char *notes;
  char *at;
  char *issue;
  char *room;
  char *parallel;
  gboolean strict;
  gboolean json;
} AgendaOptions;

static const RapatOption add_entries[] = {
  { "duration", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, duration), N_("Length: 30m (default), 1h, 1h30m"), N_("LENGTH"), NULL },
  { "type", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, type), N_("opening, briefing, discussion (default), presentation, break, review or closing"), N_("TYPE"), NULL },
  { "presenter", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, presenter), N_("Who presents or leads it"), N_("PERSON"), NULL },
  { "notes", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, notes), N_("Notes"), N_("TEXT"), NULL },
  { "at", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, at), N_("Insert at this number instead of at the end"), N_("POS"), NULL },
  { "issue", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, issue), N_("The strategic issue the item discusses"), N_("ISSUE"), NULL },
  { "room", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, room), N_("Room of its own (a parallel session)"), N_("ROOM"), NULL },
  { "parallel-with", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, parallel), N_("Start together with this earlier item"), N_("ITEM"), NULL },
  { "strict", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AgendaOptions, strict), N_("Refuse a room or presenter clash inside the meeting, or a session's room taken by another meeting"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption review_entries[] = {
  { "duration", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, duration), N_("Length (default 30m)"), N_("LENGTH"), NULL },
  { "at", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, at), N_("Insert at this number instead of at the end"), N_("POS"), NULL },
  { "presenter", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, presenter), N_("Who leads the review"), N_("PERSON"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  { "title", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, title), N_("New title"), N_("TITLE"), NULL },
  { "duration", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, duration), N_("New length"), N_("LENGTH"), NULL },
  { "type", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, type), N_("New type"), N_("TYPE"), NULL },
  { "presenter", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, presenter), N_("Presenter (\"\" clears it)"), N_("PERSON"), NULL },
  { "notes", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, notes), N_("Notes (\"\" clears them)"), N_("TEXT"), NULL },
  { "issue", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, issue), N_("Strategic issue (\"\" clears it)"), N_("ISSUE"), NULL },
  { "room", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, room), N_("Room (\"\" for the meeting's own)"), N_("ROOM"), NULL },
  { "parallel-with", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AgendaOptions, parallel), N_("Start together with this earlier item (\"\" ends it)"), N_("ITEM"), NULL },
  { "strict", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AgendaOptions, strict), N_("Refuse a room or presenter clash inside the meeting, or a session's room taken by another meeting"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption reorder_entries[] = {
  { "strict", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AgendaOptions, strict), N_("Refuse a room clash of a parallel session that moves"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AgendaOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

/* Parses a 1-based position in an agenda of @n items (@n + 1 allowed when @may_append). */
static gboolean
parse_position (const char *what, const char *text, int n, gboolean may_append, int *out,
                GError **error)
{
  gint64 v;
  int max = may_append ? n + 1 : n;

  if (!rapat_text_parse_id (text, &v) || v > max)
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': expected a number from 1 to %d"), what, ex, MAX (max, 1));
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

/* Applies title, duration, type, presenter and notes options to @item. */
static gboolean
apply_options (RapatCmdContext *ctx, RapatAgendaItem *item, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  int v;

  if (!rapat_cmd_take_text (_("title"), opt->title, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &item->title, error)
      || !rapat_cmd_take_text (_("notes"), opt->notes, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT,
                               &item->notes, error))
    return FALSE;
  if (opt->duration != NULL)
    {
      if (!rapat_time_parse_duration (_("duration"), opt->duration, RAPAT_MAX_ITEM_MINUTES, &v, error))
        return FALSE;
      item->duration_min = v;
    }
  if (opt->type != NULL)
    {
      if (!rapat_enum_parse (&rapat_agenda_type_enum, opt->type, &v, error))
        return FALSE;
      item->type = v;
    }
  if (opt->presenter != NULL && *opt->presenter == '\0')
    item->presenter_id = 0;
  else if (opt->presenter != NULL
           && !rapat_store_person_resolve (ctx->store, opt->presenter, &item->presenter_id, error))
    return FALSE;
  if (opt->issue != NULL && *opt->issue == '\0')
    item->issue_id = 0;
  else if (opt->issue != NULL
           && !rapat_store_issue_resolve (ctx->store, opt->issue, &item->issue_id, error))
    return FALSE;
  if (!rapat_cmd_take_text (_("room"), opt->room, RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &item->room, error))
    return FALSE;
  if (opt->parallel != NULL && *opt->parallel == '\0')
    item->parallel_with = 0;
  else if (opt->parallel != NULL)
    {
      g_autoptr(RapatAgendaItem) other = rapat_store_agenda_resolve (ctx->store, item->meeting_id,
                                                                     opt->parallel, error);
      if (other == NULL)
        return FALSE;
      item->parallel_with = other->id;
    }
  return TRUE;
}

/* Returns a room name as compared for clashes: folded, spaces collapsed. */
static char *
room_key (const char *room)
{
  g_autofree char *folded = g_utf8_casefold (room, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (char **w = words; *w != NULL; w++)
    if (**w != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", *w);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks the meeting's agenda after item @changed_id changed: an item runs
 * in parallel only with an earlier item, and the changed item shares
 * neither a room nor a presenter with an item at the same time (a warning,
 * or with --strict an error). */
static gboolean
check_agenda (RapatCmdContext *ctx, const RapatMeeting *m, gint64 changed_id, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autoptr(GPtrArray) items = rapat_store_agenda_list (ctx->store, m->id, error);
  g_autofree gint64 *starts = NULL;

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gboolean earlier = FALSE;

      for (guint j = 0; it->parallel_with != 0 && j < i; j++)
        earlier = earlier || ((const RapatAgendaItem *) items->pdata[j])->id == it->parallel_with;
      if (it->parallel_with != 0 && !earlier)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("agenda item '%d': runs in parallel with an item that does not come before it"),
                       it->position);
          return FALSE;
        }
    }
  starts = g_new (gint64, items->len + 1);
  rapat_agenda_schedule (m, items, starts);
  for (guint i = 0; i < items->len; i++)
    for (guint j = i + 1; j < items->len; j++)
      {
        const RapatAgendaItem *a = items->pdata[i], *b = items->pdata[j];
        gint64 a_end = starts[i] + (gint64) a->duration_min * 60;
        gint64 b_end = starts[j] + (gint64) b->duration_min * 60;
        g_autofree char *ra = NULL;
        g_autofree char *rb = NULL;
        g_autofree char *what = NULL;

        if (!(starts[i] < b_end && starts[j] < a_end) || (a->id != changed_id && b->id != changed_id))
          continue;
        ra = room_key (a->room != NULL ? a->room : rapat_cmd_or (m->location, ""));
        rb = room_key (b->room != NULL ? b->room : rapat_cmd_or (m->location, ""));
        if (*ra != '\0' && strcmp (ra, rb) == 0)
          what = g_strdup_printf (_("room '%s'"), a->room != NULL ? a->room : m->location);
        else if (a->presenter_id != 0 && a->presenter_id == b->presenter_id)
          what = g_strdup_printf (_("presenter '%s'"), a->presenter_name);
        else
          continue;
        if (opt->strict)
          {
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                         _("agenda item '%d': at the same time as item %d with the same %s"),
                         b->position, a->position, what);
            return FALSE;
          }
        g_printerr (_("rapat: warning: clash: agenda items %d and %d run at the same time with the same %s\n"),
                    a->position, b->position, what);
      }
  return TRUE;
}

/* Returns the rooms and kept times of the meeting's parallel sessions, one
 * per line: an agenda change that leaves them as they were cannot bring a
 * clash with another meeting's room. */
static char *
session_rooms (RapatCmdContext *ctx, gint64 meeting_id, GError **error)
{
  g_autoptr(GPtrArray) items = rapat_store_agenda_list (ctx->store, meeting_id, error);
  g_autoptr(GString) out = g_string_new (NULL);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];

      if (it->room != NULL)
        g_string_append_printf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                " %s\n", it->id, it->start_utc, it->end_utc, it->room);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks the rooms of the meeting's parallel sessions against other
 * meetings (as 'meeting edit' checks the meeting's room) when they differ
 * from @before, what session_rooms() returned before the change. */
static gboolean
check_session_rooms (RapatCmdContext *ctx, const RapatMeeting *m, const char *before,
                     GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autofree char *after = session_rooms (ctx, m->id, error);

  if (after == NULL)
    return FALSE;
  return strcmp (before, after) == 0
         || rapat_cmd_check_session_clashes (ctx, m->id, opt->strict, error);
}

/* agenda add MEETING TITLE */
static gboolean
agenda_add (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  g_autofree char *rooms = NULL;

  if (m == NULL)
    return FALSE;
  item->meeting_id = m->id;
  item->duration_min = 30;
  if (!rapat_cmd_take_text (_("title"), ctx->args[1], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &item->title, error)
      || !apply_options (ctx, item, error))
    return FALSE;
  if (opt->at != NULL && !parse_position (_("position"), opt->at, (int) m->n_items, TRUE,
                                         &item->position, error))
    return FALSE;
  rooms = session_rooms (ctx, m->id, error);
  if (rooms == NULL || !rapat_store_agenda_insert (ctx->store, item, error)
      || !check_agenda (ctx, m, item->id, error) || !check_session_rooms (ctx, m, rooms, error))
    return FALSE;
  fprintf (ctx->out, "%d\n", item->position);
  return TRUE;
}

/* agenda add-review MEETING: an item that reviews the open actions carried
 * over from earlier meetings, listed in its notes. */
static gboolean
agenda_add_review (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *rooms = NULL;

  if (m == NULL)
    return FALSE;
  actions = rapat_store_action_followups (ctx->store, m, error);
  if (actions == NULL)
    return FALSE;
  if (actions->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("meeting '%s': no open actions from earlier meetings to review"), m->title);
      return FALSE;
    }
  for (guint i = 0; i < actions->len; i++)
    {
      const RapatAction *a = actions->pdata[i];

      /* Notes are limited in length; a long backlog is summarised. */
      if (g_utf8_strlen (notes->str, -1) > RAPAT_MAX_TEXT - 2 * RAPAT_MAX_NAME - 100)
        {
          g_string_append_printf (notes, _("... and %u more: see 'rapat action list --open'\n"),
                                  actions->len - i);
          break;
        }
      /* TRANSLATORS: one line of a review item: id, title, owner, due day, status, percent. */
      g_string_append_printf (notes, _("#%" PRId64 " %s (%s; due %s; %s, %d%%)\n"), a->id, a->title,
                              a->owner_name, rapat_cmd_or (a->due, "-"),
                              _(rapat_enum_name (&rapat_action_status_enum, a->status)),
                              a->progress);
    }
  g_string_truncate (notes, notes->len - 1);
  item->meeting_id = m->id;
  item->type = RAPAT_ITEM_REVIEW;
  item->duration_min = 30;
  item->title = g_strdup_printf (_("Review of follow-up actions (%u open)"), actions->len);
  if (!apply_options (ctx, item, error))
    return FALSE;
  item->notes = g_string_free (g_steal_pointer (&notes), FALSE);
  if (opt->at != NULL && !parse_position (_("position"), opt->at, (int) m->n_items, TRUE,
                                         &item->position, error))
    return FALSE;
  /* Inserted before parallel sessions, it moves them. */
  rooms = session_rooms (ctx, m->id, error);
  if (rooms == NULL || !rapat_store_agenda_insert (ctx->store, item, error)
      || !check_session_rooms (ctx, m, rooms, error))
    return FALSE;
  fprintf (ctx->out, "%d\n", item->position);
  return TRUE;
}

/* agenda list MEETING */
static gboolean
agenda_list (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (m == NULL)
    return FALSE;
  items = rapat_store_agenda_list (ctx->store, m->id, error);
  if (items == NULL)
    return FALSE;
  tz = rapat_present_zone (m);
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "meeting_id", m->id);
      rapat_present_agenda_json (json, m, tz, items);
      rapat_json_end_object (json);
      return TRUE;
    }
  if (items->len == 0)
    fprintf (ctx->out, _("The agenda is empty; add items with 'rapat agenda add MEETING TITLE'.\n"));
  else
    rapat_present_agenda_table (ctx->out, m, tz, items, "");
  return TRUE;
}

/* agenda move MEETING ITEM POS */
static gboolean
agenda_move (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAgendaItem) item = NULL;
  g_autofree char *rooms = NULL;
  int to;

  if (m == NULL)
    return FALSE;
  item = rapat_store_agenda_resolve (ctx->store, m->id, ctx->args[1], error);
  if (item != NULL)
    rooms = session_rooms (ctx, m->id, error);
  return rooms != NULL
         && parse_position (_("position"), ctx->args[2], (int) m->n_items, FALSE, &to, error)
         && rapat_store_agenda_move (ctx->store, m->id, item->position, to, error)
         && check_agenda (ctx, m, item->id, error)
         && check_session_rooms (ctx, m, rooms, error);
}

/* agenda edit MEETING ITEM */
static gboolean
agenda_edit (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAgendaItem) item = NULL;
  g_autofree char *rooms = NULL;

  if (m == NULL)
    return FALSE;
  item = rapat_store_agenda_resolve (ctx->store, m->id, ctx->args[1], error);
  if (item != NULL)
    rooms = session_rooms (ctx, m->id, error);
  return rooms != NULL && apply_options (ctx, item, error)
         && rapat_store_agenda_update (ctx->store, item, error)
         && check_agenda (ctx, m, item->id, error)
         && check_session_rooms (ctx, m, rooms, error);
}

/* agenda remove MEETING ITEM */
static gboolean
agenda_remove (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAgendaItem) item = NULL;
  g_autofree char *rooms = NULL;

  if (m == NULL)
    return FALSE;
  item = rapat_store_agenda_resolve (ctx->store, m->id, ctx->args[1], error);
  if (item != NULL)
    rooms = session_rooms (ctx, m->id, error);
  /* Removing an item moves the sessions after it. */
  return rooms != NULL && rapat_store_agenda_remove (ctx->store, m->id, item->position, error)
         && check_session_rooms (ctx, m, rooms, error);
}

const RapatCommand rapat_agenda_commands[] = {
  { "add", "MEETING TITLE", N_("Add an item to a meeting's agenda"),
    N_("Start times follow from the meeting's start and the lengths of the items before.\n"
       "Prints the item's number in the agenda."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_OPTIONS (add_entries, AgendaOptions), RAPAT_TARGET_NONE, agenda_add },
  { "add-review", "MEETING", N_("Add an item reviewing open actions from earlier meetings"),
    N_("The follow-up actions are those 'meeting show' lists: open actions raised in earlier\n"
       "meetings of the same kind and organizer, or under an issue this meeting discusses.\n"
       "They are listed in the item's notes. Prints the item's number."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (review_entries, AgendaOptions), RAPAT_TARGET_NONE, agenda_add_review },
  { "list", "MEETING", N_("List the agenda with computed times"), NULL, RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (list_entries, AgendaOptions), RAPAT_TARGET_NONE, agenda_list },
  { "move", "MEETING ITEM POS", N_("Move an item to another place"),
    N_("ITEM is the item's number or an unambiguous part of its title."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 3, 3, RAPAT_OPTIONS (reorder_entries, AgendaOptions), RAPAT_TARGET_NONE, agenda_move },
  { "edit", "MEETING ITEM", N_("Change an agenda item"),
    N_("ITEM is the item's number or an unambiguous part of its title."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_OPTIONS (edit_entries, AgendaOptions), RAPAT_TARGET_NONE, agenda_edit },
  { "remove", "MEETING ITEM", N_("Remove an agenda item"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE,
    2, 2, RAPAT_OPTIONS (reorder_entries, AgendaOptions), RAPAT_TARGET_NONE, agenda_remove },
  { NULL },
};
