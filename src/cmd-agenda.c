/* rapat — "rapat agenda": a meeting's ordered agenda (cli layer). */
#include "cmd.h"
#include "agenda.h"
#include "output.h"
#include "present.h"
#include "review.h"
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
  char **from;
  gboolean replace;
  gboolean dry_run;
} AgendaOptions;

#define STRICT_ENTRY \
  RAPAT_OPT_FLAG ("strict", AgendaOptions, strict, \
                  N_("Refuse a room or presenter clash inside the meeting, or a session's room " \
                     "taken by another meeting"))

#define AT_ENTRY \
  RAPAT_OPT_TEXT ("at", AgendaOptions, at, N_("Insert at this number instead of at the end"), \
                  N_("POS"))

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("duration", AgendaOptions, duration, N_("Length: 30m (default), 1h, 1h30m"),
                  N_("LENGTH")),
  RAPAT_OPT_TEXT ("type", AgendaOptions, type,
                  N_("opening, briefing, discussion (default), presentation, break, review or "
                     "closing"), N_("TYPE")),
  RAPAT_OPT_TEXT ("presenter", AgendaOptions, presenter, N_("Who presents or leads it"),
                  N_("PERSON")),
  RAPAT_OPT_TEXT ("notes", AgendaOptions, notes, N_("Notes"), N_("TEXT")),
  AT_ENTRY,
  RAPAT_OPT_TEXT ("issue", AgendaOptions, issue, N_("The strategic issue the item discusses"),
                  N_("ISSUE")),
  RAPAT_OPT_TEXT ("room", AgendaOptions, room, N_("Room of its own (a parallel session)"),
                  N_("ROOM")),
  RAPAT_OPT_TEXT ("parallel-with", AgendaOptions, parallel,
                  N_("Start together with this earlier item"), N_("ITEM")),
  STRICT_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption review_entries[] = {
  RAPAT_OPT_LIST ("from", AgendaOptions, from,
                  N_("Review the open actions of this earlier meeting (repeatable) instead"),
                  N_("MEETING")),
  RAPAT_OPT_TEXT ("title", AgendaOptions, title,
                  N_("Title (default \"Review of follow-up actions\")"), N_("TITLE")),
  RAPAT_OPT_TEXT ("duration", AgendaOptions, duration, N_("Length (default 30m)"), N_("LENGTH")),
  AT_ENTRY,
  RAPAT_OPT_TEXT ("presenter", AgendaOptions, presenter, N_("Who leads the review"),
                  N_("PERSON")),
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  RAPAT_OPT_TEXT ("title", AgendaOptions, title, N_("New title"), N_("TITLE")),
  RAPAT_OPT_TEXT ("duration", AgendaOptions, duration, N_("New length"), N_("LENGTH")),
  RAPAT_OPT_TEXT ("type", AgendaOptions, type, N_("New type"), N_("TYPE")),
  RAPAT_OPT_TEXT ("presenter", AgendaOptions, presenter, N_("Presenter (\"\" clears it)"),
                  N_("PERSON")),
  RAPAT_OPT_TEXT ("notes", AgendaOptions, notes, N_("Notes (\"\" clears them)"), N_("TEXT")),
  RAPAT_OPT_TEXT ("issue", AgendaOptions, issue, N_("Strategic issue (\"\" clears it)"),
                  N_("ISSUE")),
  RAPAT_OPT_TEXT ("room", AgendaOptions, room, N_("Room (\"\" for the meeting's own)"),
                  N_("ROOM")),
  RAPAT_OPT_TEXT ("parallel-with", AgendaOptions, parallel,
                  N_("Start together with this earlier item (\"\" ends it)"), N_("ITEM")),
  STRICT_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption reorder_entries[] = {
  RAPAT_OPT_FLAG ("strict", AgendaOptions, strict,
                  N_("Refuse a room clash of a parallel session that moves")),
  RAPAT_OPT_END,
};

static const RapatOption import_entries[] = {
  RAPAT_OPT_FLAG ("replace", AgendaOptions, replace,
                  N_("Remove the agenda there is first, instead of adding after it")),
  RAPAT_OPT_FLAG ("dry-run", AgendaOptions, dry_run,
                  N_("Print the agenda it would give, and change nothing")),
  STRICT_ENTRY,
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_JSON (AgendaOptions, json),
  RAPAT_OPT_END,
};

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

/* Checks the meeting's agenda after item @changed_id changed (see
 * rapat_agenda_check()): each clash is a warning, or with --strict an error. */
static gboolean
check_agenda (RapatCmdContext *ctx, const RapatMeeting *m, gint64 changed_id, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autoptr(GPtrArray) items = rapat_store_agenda_list (ctx->store, m->id, error);
  g_autoptr(GPtrArray) clashes = items != NULL ? rapat_agenda_check (m, items, changed_id, error)
                                               : NULL;

  if (clashes == NULL)
    return FALSE;
  for (guint i = 0; i < clashes->len; i++)
    {
      const RapatAgendaClash *c = clashes->pdata[i];
      gboolean room = c->kind == RAPAT_AGENDA_CLASH_ROOM;

      if (opt->strict)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                       room ? _("agenda item '%d': at the same time as item %d with the same room '%s'")
                            : _("agenda item '%d': at the same time as item %d with the same presenter '%s'"),
                       c->second, c->first, c->name);
          return FALSE;
        }
      if (room)
        rapat_cmd_warn (ctx, _("clash: agenda items %d and %d run at the same time with the same room '%s'"),
                        c->first, c->second, c->name);
      else
        rapat_cmd_warn (ctx, _("clash: agenda items %d and %d run at the same time with the same presenter '%s'"),
                        c->first, c->second, c->name);
    }
  return TRUE;
}

/* Checks the rooms of the meeting's parallel sessions against other
 * meetings (as 'meeting edit' checks the meeting's room) when they differ
 * from @before, what session_rooms() returned before the change. */
static gboolean
check_session_rooms (RapatCmdContext *ctx, const RapatMeeting *m, const char *before,
                     GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autofree char *after = rapat_agenda_session_rooms (ctx->store, m->id, error);

  if (after == NULL)
    return FALSE;
  return strcmp (before, after) == 0
         || rapat_cmd_check_session_clashes (ctx, m->id, opt->strict, error);
}

/* Inserts @item at --at (else at the end), checks what it may clash with
 * (the agenda's own rules too with @check_items) and prints its number. */
static gboolean
insert_item (RapatCmdContext *ctx, RapatAgendaItem *item, gboolean check_items, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autofree char *rooms = NULL;

  if (opt->at != NULL && !rapat_agenda_parse_position (_("position"), opt->at, (int) m->n_items,
                                                       TRUE, &item->position, error))
    return FALSE;
  /* Inserted before parallel sessions, it moves them. */
  rooms = rapat_agenda_session_rooms (ctx->store, m->id, error);
  if (rooms == NULL || !rapat_store_agenda_insert (ctx->store, item, error)
      || (check_items && !check_agenda (ctx, m, item->id, error))
      || !check_session_rooms (ctx, m, rooms, error))
    return FALSE;
  fprintf (ctx->out, "%d\n", item->position);
  return TRUE;
}

/* agenda add MEETING TITLE */
static gboolean
agenda_add (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();

  item->meeting_id = ctx->meeting->id;
  item->duration_min = 30;
  return rapat_cmd_take_text (_("title"), ctx->args[1], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                              &item->title, error)
         && apply_options (ctx, item, error) && insert_item (ctx, item, TRUE, error);
}

/* Resolves the meetings of --from into a new array of ids (empty without). */
static GArray *
review_sources (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; opt->from != NULL && opt->from[i] != NULL; i++)
    {
      gint64 id;

      if (!rapat_store_meeting_resolve (ctx->store, opt->from[i], &id, error))
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* agenda add-review MEETING: an item that refers to the open actions
 * carried over from earlier meetings (shown as they are now).  Run again,
 * it adds the actions found since to the item that already reviews. */
static gboolean
agenda_add_review (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GArray) from = review_sources (ctx, error);
  g_autoptr(GPtrArray) actions = from != NULL ? rapat_review_candidates (ctx->store, m, from, error)
                                              : NULL;
  g_autoptr(GPtrArray) agenda = actions != NULL ? rapat_store_agenda_list (ctx->store, m->id, error)
                                                : NULL;
  g_autoptr(RapatAgendaItem) item = NULL;
  RapatAgendaItem *existing;

  if (agenda == NULL)
    return FALSE;
  if (actions->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   from->len > 0
                   ? _("meeting '%s': no open actions of the meetings named with --from that "
                       "it does not review already")
                   : _("meeting '%s': no open actions from earlier meetings that it does not "
                       "review already"), m->title);
      return FALSE;
    }
  existing = rapat_review_item_of (agenda);
  if (existing == NULL)
    {
      item = rapat_agenda_review_item (m);
      return apply_options (ctx, item, error) && insert_item (ctx, item, FALSE, error)
             && rapat_review_link (ctx->store, item->id, actions, error);
    }
  /* One review per meeting: the new actions join it. */
  if (opt->at != NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("agenda item '%d': already reviews actions of this meeting, and the new "
                     "ones join it; move it with 'rapat agenda move' instead of --at"),
                   existing->position);
      return FALSE;
    }
  /* The item changes only when asked to (a rewrite would still be a write). */
  if ((opt->title != NULL || opt->duration != NULL || opt->presenter != NULL)
      && (!apply_options (ctx, existing, error)
          || !rapat_store_agenda_update (ctx->store, existing, error)))
    return FALSE;
  if (!rapat_review_link (ctx->store, existing->id, actions, error))
    return FALSE;
  fprintf (ctx->out, "%d\n", existing->position);
  return TRUE;
}

/* agenda list MEETING */
static gboolean
agenda_list (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  items = rapat_store_agenda_list (ctx->store, m->id, error);
  if (items == NULL)
    return FALSE;
  tz = rapat_when_meeting_zone (m);
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

/* Resolves the item args[1] names in the target meeting and reads the
 * rooms of its sessions before a change, for check_session_rooms(). */
static RapatAgendaItem *
item_and_rooms (RapatCmdContext *ctx, char **rooms, GError **error)
{
  g_autoptr(RapatAgendaItem) item = NULL;

  item = rapat_store_agenda_resolve (ctx->store, ctx->meeting->id, ctx->args[1], error);
  if (item == NULL)
    return NULL;
  *rooms = rapat_agenda_session_rooms (ctx->store, ctx->meeting->id, error);
  return *rooms != NULL ? g_steal_pointer (&item) : NULL;
}

/* Checks the agenda after item @item_id changed, and the session rooms
 * against @rooms, what they were before. */
static gboolean
check_after_change (RapatCmdContext *ctx, gint64 item_id, const char *rooms, GError **error)
{
  return check_agenda (ctx, ctx->meeting, item_id, error)
         && check_session_rooms (ctx, ctx->meeting, rooms, error);
}

/* agenda move MEETING ITEM POS */
static gboolean
agenda_move (RapatCmdContext *ctx, GError **error)
{
  const RapatMeeting *m = ctx->meeting;
  g_autofree char *rooms = NULL;
  g_autoptr(RapatAgendaItem) item = item_and_rooms (ctx, &rooms, error);
  int to;

  return item != NULL
         && rapat_agenda_parse_position (_("position"), ctx->args[2], (int) m->n_items, FALSE,
                                         &to, error)
         && rapat_store_agenda_move (ctx->store, m->id, item->position, to, error)
         && check_after_change (ctx, item->id, rooms, error);
}

/* agenda edit MEETING ITEM */
static gboolean
agenda_edit (RapatCmdContext *ctx, GError **error)
{
  g_autofree char *rooms = NULL;
  g_autoptr(RapatAgendaItem) item = item_and_rooms (ctx, &rooms, error);

  return item != NULL && apply_options (ctx, item, error)
         && rapat_store_agenda_update (ctx->store, item, error)
         && check_after_change (ctx, item->id, rooms, error);
}

/* agenda remove MEETING ITEM */
static gboolean
agenda_remove (RapatCmdContext *ctx, GError **error)
{
  const RapatMeeting *m = ctx->meeting;
  g_autofree char *rooms = NULL;
  g_autoptr(RapatAgendaItem) item = item_and_rooms (ctx, &rooms, error);

  /* Removing an item moves the sessions after it. */
  return item != NULL && rapat_store_agenda_remove (ctx->store, m->id, item->position, error)
         && check_session_rooms (ctx, m, rooms, error);
}

/* The agenda file 'agenda import' read before its transaction. */
typedef struct {
  char *source;               /* its name in messages ("-": standard input) */
  char *text;
} AgendaFile;

/* Frees what the prepare hook of 'agenda import' kept. */
static void
agenda_file_free (gpointer data, gboolean ok)
{
  AgendaFile *f = data;

  (void) ok;
  g_free (f->source);
  g_free (f->text);
  g_free (f);
}

/* agenda import, before the transaction: reads FILE (or standard input),
 * so that no lock is held while a pipe is slow. */
static gboolean
agenda_import_prepare (RapatCmdContext *ctx, GError **error)
{
  const char *path = ctx->args[1];
  g_autoptr(GBytes) bytes = rapat_cmd_read_input (path, error);
  AgendaFile *f;
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  f = g_new0 (AgendaFile, 1);
  ctx->prepared = f;
  ctx->prepared_free = agenda_file_free;
  f->source = rapat_cmd_file_label (path);
  data = g_bytes_get_data (bytes, &len);
  if (len > 0 && memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("file '%s': contains a NUL byte; an agenda file is text"), f->source);
      return FALSE;
    }
  f->text = g_strndup (data != NULL ? data : "", len);
  return TRUE;
}

/* Orders "SOURCE:LINE: ..." messages by LINE (@data: the length of
 * SOURCE), stable for one line. */
static int
by_line (gconstpointer a, gconstpointer b, gpointer data)
{
  gsize skip = GPOINTER_TO_SIZE (data) + 1;
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  guint64 lx = strlen (x) > skip ? g_ascii_strtoull (x + skip, NULL, 10) : 0;
  guint64 ly = strlen (y) > skip ? g_ascii_strtoull (y + skip, NULL, 10) : 0;

  return lx < ly ? -1 : lx > ly;
}

/* Fails with each of @errors on a line of its own, in the file's order,
 * and a last line saying that nothing was added. */
static gboolean
import_failed (GPtrArray *errors, const char *source, GError **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);

  g_ptr_array_sort_with_data (errors, by_line, GSIZE_TO_POINTER (strlen (source)));
  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (msg, "%s\n", (const char *) errors->pdata[i]);
  g_string_append_printf (msg, g_dngettext (NULL, "%s: %u line is wrong; no item was added",
                                            "%s: %u lines are wrong; no item was added",
                                            errors->len), source, errors->len);
  g_set_error_literal (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, msg->str);
  return FALSE;
}

/* agenda import MEETING FILE: the whole agenda from a file, all or
 * nothing. */
static gboolean
agenda_import (RapatCmdContext *ctx, GError **error)
{
  const AgendaOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  const AgendaFile *f = ctx->prepared;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = rapat_agenda_parse_file (f->text, f->source, errors);
  g_autoptr(GArray) presenters = g_array_sized_new (FALSE, TRUE, sizeof (gint64), lines->len);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *rooms = NULL;
  gint64 group = 0;
  int first = 0, last = 0;

  /* Every line is judged, presenters found, before anything changes. */
  for (guint i = 0; i < lines->len; i++)
    {
      const RapatAgendaLine *l = lines->pdata[i];
      g_autoptr(GError) local = NULL;
      gint64 id = 0;

      if (l->parallel && i == 0 && (opt->replace || m->n_items == 0))
        g_ptr_array_add (errors, g_strdup_printf (_("%s:%u: '\u2225' on the first item: "
                                                    "nothing before it to run beside"),
                                                  f->source, l->line));
      if (l->presenter != NULL && !rapat_store_person_resolve (ctx->store, l->presenter, &id,
                                                               &local))
        g_ptr_array_add (errors, g_strdup_printf ("%s:%u: %s", f->source, l->line,
                                                  local->message));
      g_array_append_val (presenters, id);
    }
  if (errors->len > 0)
    return import_failed (errors, f->source, error);
  if (lines->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("file '%s': no agenda item in it (one per line: 30m Pembukaan)"),
                   f->source);
      return FALSE;
    }
  rooms = rapat_agenda_session_rooms (ctx->store, m->id, error);
  if (rooms == NULL)
    return FALSE;
  if (opt->replace)
    for (int pos = (int) m->n_items; pos >= 1; pos--)
      if (!rapat_store_agenda_remove (ctx->store, m->id, pos, error))
        return FALSE;
  /* Without --replace, a first line with '∥' runs beside the last item. */
  if (!opt->replace && m->n_items > 0)
    {
      g_autoptr(GPtrArray) before = rapat_store_agenda_list (ctx->store, m->id, error);

      if (before == NULL)
        return FALSE;
      for (guint i = 0; i < before->len; i++)
        {
          const RapatAgendaItem *it = before->pdata[i];

          if (it->parallel_with == 0)
            group = it->id;
        }
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const RapatAgendaLine *l = lines->pdata[i];
      g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();

      item->meeting_id = m->id;
      item->title = g_strdup (l->title);
      item->duration_min = l->duration_min;
      item->type = l->type;
      item->presenter_id = g_array_index (presenters, gint64, i);
      item->room = g_strdup (l->room);
      item->parallel_with = l->parallel ? group : 0;
      if (!rapat_store_agenda_insert (ctx->store, item, error))
        {
          g_prefix_error (error, "%s:%u: ", f->source, l->line);
          return FALSE;
        }
      if (!l->parallel)
        group = item->id;
      g_array_append_val (ids, item->id);
      if (first == 0)
        first = item->position;
      last = item->position;
    }
  /* The agenda's own clashes, each named once. */
  items = rapat_store_agenda_list (ctx->store, m->id, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) clashes = rapat_agenda_check (m, items, g_array_index (ids, gint64, i),
                                                         error);

      if (clashes == NULL)
        return FALSE;
      for (guint c = 0; c < clashes->len; c++)
        {
          const RapatAgendaClash *k = clashes->pdata[c];
          gboolean room = k->kind == RAPAT_AGENDA_CLASH_ROOM;
          char *key = g_strdup_printf ("%d %d %d", k->first, k->second, (int) k->kind);

          if (!g_hash_table_add (told, key))
            continue;
          if (opt->strict)
            {
              g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                           room ? _("agenda item '%d': at the same time as item %d with the same room '%s'")
                                : _("agenda item '%d': at the same time as item %d with the same presenter '%s'"),
                           k->second, k->first, k->name);
              return FALSE;
            }
          if (room)
            rapat_cmd_warn (ctx, _("clash: agenda items %d and %d run at the same time with the same room '%s'"),
                            k->first, k->second, k->name);
          else
            rapat_cmd_warn (ctx, _("clash: agenda items %d and %d run at the same time with the same presenter '%s'"),
                            k->first, k->second, k->name);
        }
    }
  if (!check_session_rooms (ctx, m, rooms, error))
    return FALSE;
  if (opt->dry_run)
    {
      g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);

      ctx->dry_run = TRUE;
      rapat_present_agenda_table (ctx->out, m, tz, items, "");
      fprintf (ctx->out, _("Dry run, nothing written.\n"));
      return TRUE;
    }
  fprintf (ctx->out, g_dngettext (NULL, "%u item added (number %d to %d)\n",
                                  "%u items added (numbers %d to %d)\n", lines->len),
           lines->len, first, last);
  return TRUE;
}

const RapatCommand rapat_agenda_commands[] = {
  { "add", "MEETING TITLE", N_("Add an item to a meeting's agenda"),
    N_("Start times follow from the meeting's start and the lengths of the items before.\n"
       "Prints the item's number in the agenda."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2,
    RAPAT_OPTIONS (add_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_add },
  { "add-review", "MEETING", N_("Add an item reviewing open actions from earlier meetings"),
    N_("The item refers to the actions, shown as they are now wherever the agenda is\n"
       "shown: the open actions raised in the previous meeting of the same series (else of\n"
       "the same kind), and those under the issues this meeting discusses; with --from,\n"
       "those raised in the meetings named instead.  Run again, it adds the actions not yet\n"
       "reviewed to the same item.  Prints the item's number."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1,
    RAPAT_OPTIONS (review_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_add_review },
  { "import", "MEETING FILE", N_("Add a whole agenda from a file, one item per line"),
    N_("Each line:  [LENGTH] TITLE [@PRESENTER] [#ROOM] [!TYPE], for instance\n"
       "  30m Pembukaan\n"
       "  1h Pengarahan Kakanwil @Ricky\n"
       "  \u2225 1h30m Komisi I #Ruang Rapat 1\n"
       "LENGTH defaults to 30m; a line starting with '\u2225' (or '||') runs beside the item\n"
       "before it, as a parallel session; without !TYPE the type follows from the first\n"
       "words (Pembukaan: opening, Pengarahan: briefing, Paparan: presentation, Istirahat or\n"
       "ISHOMA: break, Penutupan: closing, else discussion).  Blank lines and lines starting\n"
       "with '#' are skipped.  The items are added after the agenda there is (--replace:\n"
       "instead of it); any wrong line, each one named, and nothing is added.  FILE '-'\n"
       "reads standard input."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2,
    RAPAT_OPTIONS (import_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_import,
    agenda_import_prepare },
  { "list", "MEETING", N_("List the agenda with computed times"), NULL, RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (list_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_list },
  { "move", "MEETING ITEM POS", N_("Move an item to another place"),
    N_("ITEM is the item's number or an unambiguous part of its title."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 3, 3,
    RAPAT_OPTIONS (reorder_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_move },
  { "edit", "MEETING ITEM", N_("Change an agenda item"),
    N_("ITEM is the item's number or an unambiguous part of its title."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2,
    RAPAT_OPTIONS (edit_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_edit },
  { "remove", "MEETING ITEM", N_("Remove an agenda item"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE,
    2, 2,
    RAPAT_OPTIONS (reorder_entries, AgendaOptions), RAPAT_TARGET_MEETING, agenda_remove },
  { NULL },
};
