/* rapat — "rapat minutes": the record of a meeting (notulen) (cli layer). */
#include "cmd.h"
#include "action.h"
#include "minutes.h"
#include "output.h"
#include "paper.h"
#include "pdf.h"
#include "present.h"
#include "review.h"
#include "report-minutes.h"
#include "text.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  char *notulis;
  char *chair;
  char *file;
  gboolean edit;
  char *from;
  char *to;
  gboolean json;
  char *version;
  char *by;
  char *reason;
  char *format;
  char *output;
  char *lang;
} MinutesOptions;

static const RapatOption start_entries[] = {
  RAPAT_OPT_TEXT ("notulis", MinutesOptions, notulis, N_("Who takes the notes"), N_("PERSON")),
  RAPAT_OPT_TEXT ("chair", MinutesOptions, chair,
                  N_("Who leads the meeting (default: the attendee with role chair)"),
                  N_("PERSON")),
  RAPAT_OPT_END,
};

static const RapatOption note_entries[] = {
  { "file", 0, G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (MinutesOptions, file),
    N_("Read the notes from a file (- for standard input)"), N_("FILE"), NULL },
  RAPAT_OPT_FLAG ("edit", MinutesOptions, edit,
                  N_("Edit the item's notes in $VISUAL or $EDITOR")),
  RAPAT_OPT_END,
};

static const RapatOption held_entries[] = {
  RAPAT_OPT_TEXT ("from", MinutesOptions, from, N_("When it opened, HH:MM"), N_("TIME")),
  RAPAT_OPT_TEXT ("to", MinutesOptions, to,
                  N_("When it closed, HH:MM (at or before --from: the next day)"), N_("TIME")),
  RAPAT_OPT_END,
};

static const RapatOption show_entries[] = {
  RAPAT_OPT_JSON (MinutesOptions, json),
  RAPAT_OPT_TEXT ("version", MinutesOptions, version,
                  N_("Show final version N as it was signed"), N_("N")),
  RAPAT_OPT_END,
};

static const RapatOption finalize_entries[] = {
  RAPAT_OPT_TEXT ("by", MinutesOptions, by, N_("Who signs it off (default: the notulis)"),
                  N_("PERSON")),
  RAPAT_OPT_END,
};

static const RapatOption amend_entries[] = {
  RAPAT_OPT_TEXT ("by", MinutesOptions, by, N_("Who reopens it"), N_("PERSON")),
  RAPAT_OPT_TEXT ("reason", MinutesOptions, reason, N_("Why it is reopened"), N_("TEXT")),
  RAPAT_OPT_END,
};

/* Resolves an optional PERSON option into *@id (0 when @text is NULL). */
static gboolean
person_option (RapatCmdContext *ctx, const char *text, gint64 *id, GError **error)
{
  *id = 0;
  return text == NULL || rapat_store_person_resolve (ctx->store, text, id, error);
}

/* minutes start MEETING */
static gboolean
minutes_start (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  g_autoptr(RapatMinutes) n = NULL;
  gint64 notulis, chair;

  if (!person_option (ctx, opt->notulis, &notulis, error)
      || !person_option (ctx, opt->chair, &chair, error))
    return FALSE;
  n = rapat_minutes_start (ctx->store, ctx->meeting, notulis, chair, ctx->now, error);
  if (n == NULL)
    return FALSE;
  if (n->chair_id == 0)
    rapat_cmd_warn (ctx, _("Nobody is named as chair: nobody was invited with role chair; "
                           "use --chair PERSON."));
  return TRUE;
}

/* Reads the notes from @path ("-": standard input) into *@text. */
static gboolean
read_notes_file (const char *path, char **text, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (path);
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean is_stdin = strcmp (path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen (path, "rb");
  char buf[4096];
  size_t got;
  int failed;

  if (in == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': %s"), ex,
                   g_strerror (errno));
      return FALSE;
    }
  while ((got = fread (buf, 1, sizeof buf, in)) > 0)
    g_string_append_len (s, buf, got);
  failed = ferror (in) ? errno : 0;
  if (!is_stdin)
    fclose (in);
  if (failed != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': %s"), ex,
                   g_strerror (failed));
      return FALSE;
    }
  *text = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}

/* What 'minutes note --edit' read and edited before its write transaction. */
typedef struct {
  gint64 agenda_item_id;
  char *item_title;
  char *before;         /* the notes the editor started from, or NULL */
  char *text;           /* what the person saved */
  char *path;           /* the file edited, kept when the notes are not recorded */
} EditedNotes;

/* Frees @e once the command is over; the edited file goes unless the
 * command failed (then its error named the file, or the file is the only
 * copy left of the text). */
static void
edited_notes_free (gpointer data, gboolean ok)
{
  EditedNotes *e = data;

  if (e->path != NULL && ok)
    g_unlink (e->path);
  g_free (e->item_title);
  g_free (e->before);
  g_free (e->text);
  g_free (e->path);
  g_free (e);
}

/* Returns the editor the user chose ($VISUAL, else $EDITOR), or NULL. */
static const char *
editor_command (void)
{
  const char *editor = g_getenv ("VISUAL");

  if (editor == NULL || *editor == '\0')
    editor = g_getenv ("EDITOR");
  return editor != NULL && *editor != '\0' ? editor : NULL;
}

/* Lets the user edit @current in @editor, in a temp file whose path goes
 * into *@path; the result in *@text. */
static gboolean
edit_notes (const char *editor, const char *current, char **path, char **text, GError **error)
{
  g_autoptr(GError) local = NULL;
  int fd, status;
  const char *argv[] = { "/bin/sh", "-c", NULL, "rapat", NULL, NULL };
  g_autofree char *cmd = NULL;

  /* The notes end with a line end, as a text file does; an editor that
   * appends a line then starts a line of its own. */
  g_autofree char *content = current != NULL ? g_strconcat (current, "\n", NULL) : g_strdup ("");

  fd = g_file_open_tmp ("rapat-notes-XXXXXX.txt", path, &local);
  if (fd < 0 || (close (fd), !g_file_set_contents (*path, content, -1, &local)))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("--edit: %s"), local->message);
      if (*path != NULL)
        g_unlink (*path);
      g_clear_pointer (path, g_free);
      return FALSE;
    }
  cmd = g_strdup_printf ("%s \"$1\"", editor);
  argv[2] = cmd;
  argv[4] = *path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &local)
      || !g_spawn_check_wait_status (status, &local)
      || !g_file_get_contents (*path, text, NULL, &local))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("--edit: %s"), local->message);
      g_unlink (*path);
      g_clear_pointer (path, g_free);
      return FALSE;
    }
  /* An editor ends the file with a newline the notes do not need. */
  g_strchomp (*text);
  return TRUE;
}

/* Reads, in a read transaction of its own, the item of 'minutes note
 * --edit' and its notes into @e; refuses minutes that may not be written. */
static gboolean
read_item_notes (RapatCmdContext *ctx, EditedNotes *e, GError **error)
{
  g_autoptr(RapatMinutes) n = NULL;
  g_autoptr(RapatAgendaItem) it = NULL;
  gboolean ok;

  if (!rapat_store_begin_read (ctx->store, error))
    return FALSE;
  n = rapat_minutes_open (ctx->store, ctx->meeting, error);
  it = n != NULL ? rapat_store_agenda_resolve (ctx->store, ctx->meeting->id, ctx->args[1], error)
                 : NULL;
  ok = it != NULL && rapat_store_minutes_item_notes (ctx->store, it->id, &e->before, error);
  rapat_store_rollback (ctx->store);
  if (ok)
    {
      e->agenda_item_id = it->id;
      e->item_title = g_strdup (it->title);
    }
  return ok;
}

/* The prepare hook of 'minutes note': with --edit, reads the item's notes
 * and runs the editor with no transaction open, so that nobody waits for
 * the database while a person types.  Final minutes are refused before the
 * editor opens; an edit that leaves the notes unchanged or empty records
 * nothing. */
static gboolean
minutes_note_prepare (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  EditedNotes *e;
  const char *editor;

  if (!opt->edit || ctx->n_args != 2 || opt->file != NULL)
    return TRUE;    /* not an edit, or a usage error the handler reports */
  editor = editor_command ();
  if (editor == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("--edit: neither VISUAL nor EDITOR names an editor"));
      return FALSE;
    }
  e = g_new0 (EditedNotes, 1);
  ctx->prepared = e;
  ctx->prepared_free = edited_notes_free;
  if (!read_item_notes (ctx, e, error)
      || !edit_notes (editor, e->before, &e->path, &e->text, error))
    return FALSE;
  if (*e->text == '\0')
    {
      g_autofree char *ex = rapat_text_excerpt (e->item_title);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("item '%s': the edited notes are empty, so nothing was recorded "
                     "(to clear the notes: rapat minutes note MEETING ITEM \"\")"), ex);
      g_unlink (e->path);
      return FALSE;
    }
  if (g_strcmp0 (e->text, e->before) == 0)
    {
      g_autofree char *ex = rapat_text_excerpt (e->item_title);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("item '%s': the notes were left unchanged, so nothing was recorded"), ex);
      g_unlink (e->path);
      return FALSE;
    }
  return TRUE;
}

/* In the write transaction of 'minutes note --edit': sets *@changed when
 * the item ITEM names or its notes are no longer those the editor started
 * from. */
static gboolean
edited_notes_changed (RapatCmdContext *ctx, const EditedNotes *e, gboolean *changed,
                      GError **error)
{
  g_autoptr(RapatAgendaItem) it = NULL;
  g_autofree char *now = NULL;

  it = rapat_store_agenda_resolve (ctx->store, ctx->meeting->id, ctx->args[1], error);
  if (it == NULL || !rapat_store_minutes_item_notes (ctx->store, it->id, &now, error))
    return FALSE;
  *changed = it->id != e->agenda_item_id || g_strcmp0 (now, e->before) != 0;
  return TRUE;
}

/* Records the notes 'minutes note --edit' prepared in @e, unless they
 * changed meanwhile; a refusal names the file that keeps the text. */
static gboolean
record_edited_notes (RapatCmdContext *ctx, const EditedNotes *e, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *ex = rapat_text_excerpt (e->item_title);
  gboolean changed = FALSE;

  if (edited_notes_changed (ctx, e, &changed, &local) && !changed
      && rapat_minutes_note (ctx->store, ctx->meeting, ctx->args[1], e->text, ctx->now, &local))
    return TRUE;
  if (changed)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("item '%s': its notes changed while you were editing, so nothing was "
                   "recorded; your text is kept in '%s'"), ex, e->path);
  else
    /* The person's text is never lost: the error says where it is. */
    g_set_error (error, local->domain, local->code, _("%s; your text is kept in '%s'"),
                 local->message, e->path);
  return FALSE;
}

/* minutes note MEETING ITEM [TEXT] */
static gboolean
minutes_note (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  g_autofree char *text = NULL;
  int sources = (ctx->n_args == 3) + (opt->file != NULL) + (opt->edit != FALSE);

  if (sources != 1)
    {
      rapat_cmd_usage_error (error, "minutes note",
                             _("give the notes once: as TEXT, with --file FILE or with --edit"));
      return FALSE;
    }
  if (ctx->prepared != NULL)
    return record_edited_notes (ctx, ctx->prepared, error);
  if (ctx->n_args == 3)
    text = g_strdup (ctx->args[2]);
  else if (!read_notes_file (opt->file, &text, error))
    return FALSE;
  return rapat_minutes_note (ctx->store, ctx->meeting, ctx->args[1], text, ctx->now, error);
}

/* minutes decide MEETING ITEM TEXT */
static gboolean
minutes_decide (RapatCmdContext *ctx, GError **error)
{
  int number;

  if (!rapat_minutes_decide (ctx->store, ctx->meeting, ctx->args[1], ctx->args[2], ctx->now,
                             &number, error))
    return FALSE;
  fprintf (ctx->out, "%d\n", number);
  return TRUE;
}

/* minutes summary MEETING TEXT */
static gboolean
minutes_summary (RapatCmdContext *ctx, GError **error)
{
  return rapat_minutes_summary (ctx->store, ctx->meeting, ctx->args[1], ctx->now, error);
}

/* minutes held MEETING --from HH:MM --to HH:MM */
static gboolean
minutes_held (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;

  if (opt->from == NULL || opt->to == NULL)
    {
      rapat_cmd_usage_error (error, "minutes held", _("both --from and --to are needed"));
      return FALSE;
    }
  return rapat_minutes_held (ctx->store, ctx->meeting, opt->from, opt->to, ctx->now, error);
}

/* One version of a meeting's minutes as the store keeps it. */
typedef struct {
  RapatMinutes *minutes;
  GPtrArray *items;
  GPtrArray *decisions;
  GPtrArray *versions;
  GPtrArray *attendees;    /* RapatAttendee, as that version records them */
  GPtrArray *actions;      /* RapatAction raised in the meeting, as that version records them */
} MinutesRecord;

/* Frees what minutes_load() filled in @r. */
static void
minutes_record_clear (MinutesRecord *r)
{
  g_clear_pointer (&r->minutes, rapat_minutes_free);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_pointer (&r->decisions, g_ptr_array_unref);
  g_clear_pointer (&r->versions, g_ptr_array_unref);
  g_clear_pointer (&r->attendees, g_ptr_array_unref);
  g_clear_pointer (&r->actions, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MinutesRecord, minutes_record_clear)

/* Fills @r with version --version (when not given, the current one; final,
 * as it was kept) of the minutes of the meeting, with its attendance and
 * actions as that version records them: 'minutes show' and 'minutes
 * export' read the same record. */
static gboolean
minutes_load (RapatCmdContext *ctx, MinutesRecord *r, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  gint64 id = ctx->meeting->id;
  gint64 version = 0;

  if (opt->version != NULL
      && (!rapat_text_parse_id (opt->version, &version) || version > G_MAXINT))
    {
      g_autofree char *ex = rapat_text_excerpt (opt->version);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("version '%s': not a version number (1, 2, ...)"), ex);
      return FALSE;
    }
  r->minutes = rapat_store_minutes_get (ctx->store, id, (int) version, error);
  /* Final minutes are the record as signed, not the people and actions as
   * they are now: read the version kept when they were finalised. */
  if (r->minutes != NULL && version == 0 && r->minutes->status == RAPAT_MINUTES_FINAL)
    {
      version = r->minutes->version;
      g_clear_pointer (&r->minutes, rapat_minutes_free);
      r->minutes = rapat_store_minutes_get (ctx->store, id, (int) version, error);
    }
  r->items = r->minutes != NULL
             ? rapat_store_minutes_items (ctx->store, id, (int) version, error) : NULL;
  r->decisions = r->items != NULL
                 ? rapat_store_decision_list (ctx->store, id, (int) version, error) : NULL;
  r->versions = r->decisions != NULL ? rapat_store_minutes_versions (ctx->store, id, error)
                                     : NULL;
  r->attendees = r->versions != NULL
                 ? rapat_store_minutes_attendees (ctx->store, id, (int) version, error) : NULL;
  r->actions = r->attendees != NULL
               ? rapat_store_minutes_actions (ctx->store, id, (int) version, error) : NULL;
  return r->actions != NULL;
}

/* Writes @r as the JSON document of 'minutes show --json'. */
static void
minutes_write_json (FILE *out, const RapatMeeting *m, GTimeZone *tz, const MinutesRecord *r)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_object (json, NULL);
  rapat_present_minutes_json (json, m, tz, r->minutes, r->items, r->decisions, r->versions);
  rapat_json_end_object (json);
}

/* minutes show MEETING */
static gboolean
minutes_show (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_auto(MinutesRecord) r = { 0 };
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);

  if (!minutes_load (ctx, &r, error))
    return FALSE;
  if (opt->json)
    {
      minutes_write_json (ctx->out, m, tz, &r);
      return TRUE;
    }
  rapat_present_minutes (ctx->out, m, tz, r.minutes, r.items, r.decisions, r.versions);
  return TRUE;
}

/* minutes finalize MEETING */
static gboolean
minutes_finalize (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  gint64 by;

  return person_option (ctx, opt->by, &by, error)
         && rapat_minutes_finalize (ctx->store, ctx->meeting, by, ctx->now, error);
}

/* minutes amend MEETING */
static gboolean
minutes_amend (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  gint64 by;
  int version;

  if (!person_option (ctx, opt->by, &by, error))
    return FALSE;
  version = rapat_minutes_amend (ctx->store, ctx->meeting, by, opt->reason, ctx->now, error);
  if (version == 0)
    return FALSE;
  fprintf (ctx->out, "%d\n", version);
  return TRUE;
}

/* The options of 'minutes report' (its own, so the verb stands alone). */
typedef struct {
  char *progress;
  char *status;
  char *note;
} ReportOptions;

static const RapatOption report_entries[] = {
  RAPAT_OPT_TEXT ("progress", ReportOptions, progress, N_("Progress reported, 0 to 100"),
                  N_("PERCENT")),
  RAPAT_OPT_TEXT ("status", ReportOptions, status,
                  N_("Status reported: open, in-progress, done or cancelled"), N_("STATUS")),
  RAPAT_OPT_TEXT ("note", ReportOptions, note, N_("What was said about it"), N_("TEXT")),
  RAPAT_OPT_END,
};

/* minutes report MEETING ACTION */
static gboolean
minutes_report (RapatCmdContext *ctx, GError **error)
{
  const ReportOptions *opt = ctx->options;
  gint64 action_id;
  int status = -1, progress = -1;

  if (!rapat_store_action_resolve (ctx->store, ctx->args[1], &action_id, error)
      || (opt->status != NULL
          && !rapat_enum_parse (&rapat_action_status_enum, opt->status, &status, error))
      || (opt->progress != NULL && !rapat_action_parse_progress (opt->progress, &progress, error)))
    return FALSE;
  return rapat_review_report (ctx->store, ctx->meeting, action_id, status, progress, opt->note,
                              ctx->now, error);
}

/* The formats of 'minutes export'. */
typedef enum {
  EXPORT_MD,
  EXPORT_HTML,
  EXPORT_JSON,
  EXPORT_PDF,
} ExportFormat;

/* The names of ExportFormat, in its order. */
const char *const rapat_minutes_formats[] = { "md", "html", "json", "pdf", NULL };

/* Reads --format into *@format: when not given, pdf for an output file
 * named *.pdf, else md. */
static gboolean
export_format (const char *text, const char *output, ExportFormat *format, GError **error)
{
  const char *const *names = rapat_minutes_formats;

  *format = EXPORT_MD;
  if (text == NULL)
    {
      if (output != NULL && (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF")))
        *format = EXPORT_PDF;
      return TRUE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (text, names[i]) == 0)
      {
        *format = (ExportFormat) i;
        return TRUE;
      }
  {
    g_autofree char *ex = rapat_text_excerpt (text);
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                 _("format '%s': expected md, html, json or pdf"), ex);
  }
  return FALSE;
}

/* minutes export MEETING */
static gboolean
minutes_export (RapatCmdContext *ctx, GError **error)
{
  const MinutesOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_auto(MinutesRecord) r = { 0 };
  g_auto(RapatCmdLetterhead) lh = { 0 };
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(RapatOutput) output = NULL;
  RapatMinutesPaper paper = { 0 };
  ExportFormat format;

  /* Every check and read before the output is opened: a refused export
   * leaves an existing file as it was. */
  if (!export_format (opt->format, opt->output, &format, error)
      || (paper.lang = rapat_cmd_paper_lang (opt->lang, m->tzid, error)) == NULL
      || !minutes_load (ctx, &r, error))
    return FALSE;
  if (format != EXPORT_JSON
      && ((agenda = rapat_store_agenda_list (ctx->store, m->id, error)) == NULL
          || ((format == EXPORT_HTML || format == EXPORT_PDF)
              && !rapat_cmd_letterhead (ctx, &lh, error))))
    return FALSE;
  /* The module loads before the output is opened, as every other check. */
  if (format == EXPORT_PDF && rapat_pdf (error) == NULL)
    return FALSE;
  output = rapat_output_open (opt->output, error);
  if (output == NULL)
    return FALSE;
  paper.meeting = m;
  paper.minutes = r.minutes;
  paper.items = r.items;
  paper.decisions = r.decisions;
  paper.agenda = agenda;
  paper.attendees = r.attendees;
  paper.actions = r.actions;
  paper.letterhead = &lh.head;
  /* A list longer than this does not fit the header: the signed sign-in
   * sheet ('report signin') is attached instead. */
  paper.list_from = 16;
  paper.now = ctx->now;
  switch (format)
    {
    case EXPORT_PDF:
      {
        g_autoptr(RapatLayout) doc = rapat_report_minutes_layout (&paper);

        if (!rapat_pdf_write (rapat_output_stream (output), doc, error))
          return FALSE;
      }
      break;
    case EXPORT_JSON:
      minutes_write_json (rapat_output_stream (output), m, tz, &r);
      break;
    case EXPORT_HTML:
      rapat_report_minutes_html (rapat_output_stream (output), &paper);
      break;
    case EXPORT_MD:
    default:
      rapat_report_minutes_markdown (rapat_output_stream (output), &paper);
      break;
    }
  return rapat_output_finish (output, error);
}

static const RapatOption export_entries[] = {
  RAPAT_OPT_TEXT ("format", MinutesOptions, format,
                  N_("md (default), html, json or pdf (-o FILE.pdf chooses it)"), N_("FORMAT")),
  { "output", 'o', G_OPTION_ARG_FILENAME, G_STRUCT_OFFSET (MinutesOptions, output),
    N_("Write to FILE instead of standard output"), N_("FILE"), NULL },
  RAPAT_OPT_TEXT ("lang", MinutesOptions, lang,
                  N_("Language of md, html and pdf: id or en (default: id for meetings in "
                     "Indonesian zones)"), N_("LANG")),
  RAPAT_OPT_TEXT ("version", MinutesOptions, version,
                  N_("Export final version N as it was signed"), N_("N")),
  RAPAT_OPT_END,
};

#define W (RAPAT_CMD_STORE | RAPAT_CMD_WRITE)

const RapatCommand rapat_minutes_commands[] = {
  { "start", "MEETING", N_("Start the minutes of a meeting"),
    N_("Names the notulis and the chair (by default the attendee invited as chair).\n"
       "On a draft already started, changes the people given."),
    W, 1, 1, RAPAT_OPTIONS (start_entries, MinutesOptions), RAPAT_TARGET_MEETING,
    minutes_start },
  { "note", "MEETING ITEM [TEXT]", N_("Record the discussion under an agenda item"),
    N_("ITEM is the item's number or part of its title.  TEXT replaces the notes\n"
       "(\"\" clears them); so do --file and --edit."),
    W, 2, 3, RAPAT_OPTIONS (note_entries, MinutesOptions), RAPAT_TARGET_MEETING, minutes_note,
    minutes_note_prepare },
  { "decide", "MEETING ITEM TEXT", N_("Record a decision taken under an agenda item"),
    N_("Prints the decision's number within the meeting."),
    W, 3, 3, RAPAT_NO_OPTIONS, RAPAT_TARGET_MEETING, minutes_decide },
  { "summary", "MEETING TEXT", N_("Set the conclusion of the meeting"), NULL,
    W, 2, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_MEETING, minutes_summary },
  { "held", "MEETING", N_("Record when the meeting actually opened and closed"),
    N_("Times are on the meeting's day in its zone; a close at or before the opening\n"
       "is on the next day."),
    W, 1, 1, RAPAT_OPTIONS (held_entries, MinutesOptions), RAPAT_TARGET_MEETING, minutes_held },
  { "show", "MEETING", N_("Show the minutes"), NULL,
    RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (show_entries, MinutesOptions), RAPAT_TARGET_MEETING,
    minutes_show },
  { "finalize", "MEETING", N_("Finalise the minutes: no further change"),
    N_("Freezes the minutes, their decisions, the agenda and the attendance of the\n"
       "meeting; 'minutes amend' opens a new version."),
    W, 1, 1, RAPAT_OPTIONS (finalize_entries, MinutesOptions), RAPAT_TARGET_MEETING,
    minutes_finalize },
  { "amend", "MEETING", N_("Open a new version of final minutes"),
    N_("Prints the new version's number; the final one stays readable with\n"
       "'minutes show --version N'."),
    W, 1, 1, RAPAT_OPTIONS (amend_entries, MinutesOptions), RAPAT_TARGET_MEETING,
    minutes_amend },
  { "report", "MEETING ACTION", N_("Record what the meeting heard of a reviewed action"),
    N_("ACTION is under the meeting's review item ('agenda add-review').  The action's\n"
       "status and progress change, its history names the meeting as the source, and the\n"
       "minutes keep what was reported.  Refused once the minutes are final."),
    W, 2, 2, RAPAT_OPTIONS (report_entries, ReportOptions), RAPAT_TARGET_MEETING,
    minutes_report },
  { "export", "MEETING", N_("Write the minutes as Markdown, a printable paper or JSON"),
    N_("md: for e-mail or a wiki.  html: one A4 page in the Indonesian government layout\n"
       "(NOTULEN RAPAT) under the letterhead ('rapat config set letterhead.*'), signed by\n"
       "the chair and the notulis; a draft is marked KONSEP / DRAFT.  pdf: the same paper\n"
       "as a PDF, page numbers and the printing time in its footer, KONSEP across every\n"
       "page of a draft (-o FILE.pdf chooses it).  json: the same as 'minutes show --json'.\n"
       "The paper's language is that of the meeting's zone (Indonesian for WIB, WITA and\n"
       "WIT) unless --lang says otherwise."),
    RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (export_entries, MinutesOptions), RAPAT_TARGET_MEETING,
    minutes_export },
  { NULL },
};
