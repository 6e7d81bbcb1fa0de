/* rapat — the minutes of a meeting as Markdown and as a paper (export layer). */
#include "report-minutes.h"
#include "layout-html.h"
#include "paper.h"
#include "when.h"

#include <string.h>

/* The words of the minutes, in their own language, not the locale's: an
 * office files them as it signed them.  Index 0 Indonesian, 1 English. */
typedef struct {
  const char *w[2];
} Words;

static const Words title_w = { { "NOTULEN RAPAT", "MINUTES OF MEETING" } };
static const Words md_title_w = { { "Notulen rapat", "Minutes of meeting" } };
static const Words day_w = { { "Hari/tanggal", "Date" } };
static const Words time_w = { { "Waktu", "Time" } };
static const Words where_w = { { "Tempat", "Place" } };
static const Words chair_w = { { "Pimpinan rapat", "Chair" } };
static const Words notulis_w = { { "Notulis", "Minutes taker" } };
static const Words participants_w = { { "Peserta", "Participants" } };
static const Words present_list_w = { { "Peserta yang hadir", "Present" } };
static const Words attached_w = { { "daftar hadir terlampir", "attendance list attached" } };
static const Words agenda_w = { { "Acara", "Agenda" } };
static const Words discussion_w = { { "Pembahasan dan keputusan", "Discussion and decisions" } };
static const Words decisions_w = { { "Keputusan", "Decisions" } };
static const Words other_decisions_w = { { "Keputusan lain", "Other decisions" } };
static const Words actions_w = { { "Tindak lanjut", "Follow-up actions" } };
static const Words no_w = { { "No.", "No." } };
static const Words action_w = { { "Uraian", "Action" } };
static const Words owner_w = { { "Penanggung jawab", "Responsible" } };
static const Words due_w = { { "Batas waktu", "Due" } };
static const Words summary_w = { { "Kesimpulan", "Conclusion" } };
static const Words reviewed_w = { { "Tindak lanjut yang ditinjau", "Follow-up actions reviewed" } };
static const Words heard_w = { { "Laporan dalam rapat", "Reported at the meeting" } };
static const Words not_reported_w = { { "belum dilaporkan", "not reported" } };
/* An action's status, by RapatActionStatus, as the other papers say it. */
static const Words action_status_w[] = {
  { { "belum dikerjakan", "open" } },
  { { "dalam proses", "in progress" } },
  { { "selesai", "done" } },
  { { "dibatalkan", "cancelled" } },
};
static const Words no_notes_w = { { "(belum ada catatan)", "(no notes)" } };
static const Words planned_w = { { "(sesuai jadwal)", "(as scheduled)" } };
static const Words draft_w = { { "KONSEP", "DRAFT" } };
static const Words chair_sign_w = { { "Pimpinan Rapat,", "Chair," } };
static const Words notulis_sign_w = { { "Notulis,", "Minutes taker," } };
static const Words closing_w = {
  { "Demikian notulen rapat ini dibuat untuk dipergunakan sebagaimana mestinya.",
    "These minutes are a true record of the meeting." } };

/* Returns the word @w in the paper's language. */
#define W(words, en) ((words).w[(en) ? 1 : 0])

/* TRUE when @a was at the meeting, in person or by a stand-in. */
static gboolean
was_present (const RapatAttendee *a)
{
  return a->attendance == RAPAT_ATTENDANCE_PRESENT
         || a->attendance == RAPAT_ATTENDANCE_REPRESENTED;
}

/* Returns how many of @attendees were present. */
static guint
count_present (GPtrArray *attendees)
{
  guint n = 0;

  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    n += was_present (attendees->pdata[i]);
  return n;
}

/* Returns "Name, Position" or "Name"; NULL when @name is. */
static char *
name_position (const char *name, const char *position)
{
  if (name == NULL)
    return NULL;
  return position != NULL ? g_strdup_printf ("%s, %s", name, position) : g_strdup (name);
}

/* Returns the line of one person present: "Name, Position", or for a
 * stand-in "Stand-in, Position (mewakili Name, Position)". */
static char *
present_line (const RapatAttendee *a, gboolean en)
{
  g_autofree char *self = name_position (a->person_name, a->position);
  g_autofree char *stand_in = NULL;

  if (a->attendance != RAPAT_ATTENDANCE_REPRESENTED || a->stand_in_name == NULL)
    return g_steal_pointer (&self);
  stand_in = name_position (a->stand_in_name, a->stand_in_position);
  return g_strdup_printf (en ? "%s (representing %s)" : "%s (mewakili %s)", stand_in, self);
}

/* Returns "n hadir dari m undangan" / "n present of m invited". */
static char *
attendance_text (const RapatMinutes *n, gboolean en)
{
  return g_strdup_printf (en ? "%" G_GINT64_FORMAT " present of %" G_GINT64_FORMAT " invited"
                             : "%" G_GINT64_FORMAT " hadir dari %" G_GINT64_FORMAT " undangan",
                          n->n_present, n->n_invited);
}

/* Stores in @date and @time the day and clock rows of the time the
 * meeting was held, else of its plan (then *@planned is TRUE). */
static void
held_rows (const RapatMinutesPaper *p, GTimeZone *tz, gboolean en, char **date, char **time,
           gboolean *planned)
{
  const RapatMinutes *n = p->minutes;
  RapatWhenLang lang = en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN;

  *planned = n->held_start_utc == 0;
  if (*planned)
    rapat_when_range_rows (p->meeting->start_utc, p->meeting->end_utc, tz, lang, date, time);
  else
    rapat_when_range_rows (n->held_start_utc, n->held_end_utc, tz, lang, date, time);
}

/* Returns the version line: "Versi 2, final 3 September 2025", or for a
 * draft "KONSEP versi 1: belum final, bukan untuk ditandatangani". */
static char *
version_text (const RapatMinutes *n, GTimeZone *tz, gboolean en)
{
  g_autofree char *when = NULL;

  if (n->status != RAPAT_MINUTES_FINAL)
    return g_strdup_printf (en ? "DRAFT version %d: not final, not for signature"
                               : "KONSEP versi %d: belum final, bukan untuk ditandatangani",
                            n->version);
  when = rapat_when_letter_date (n->finalized_at, tz,
                                 en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN);
  return g_strdup_printf (en ? "Version %d, final on %s" : "Versi %d, final %s", n->version, when);
}

/* TRUE when item @it is a break (by the meeting's agenda now). */
static gboolean
is_break (const RapatMinutesPaper *p, const RapatMinutesItem *it)
{
  for (guint i = 0; p->agenda != NULL && i < p->agenda->len; i++)
    {
      const RapatAgendaItem *a = p->agenda->pdata[i];
      if (a->id == it->agenda_item_id)
        return a->type == RAPAT_ITEM_BREAK;
    }
  return FALSE;
}

/* TRUE when decision @d was taken under item @it. */
static gboolean
decided_under (const RapatDecision *d, const RapatMinutesItem *it)
{
  return d->agenda_item_id != 0 && d->agenda_item_id == it->agenda_item_id;
}

/* TRUE when @s holds more than white space. */
static gboolean
has_text (const char *s)
{
  for (; s != NULL && *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

/* TRUE when the minutes say something under @it: notes, a reviewed
 * action or a decision. */
static gboolean
item_has_record (const RapatMinutesPaper *p, const RapatMinutesItem *it)
{
  if (has_text (it->notes) || (it->reviews != NULL && it->reviews->len > 0))
    return TRUE;
  for (guint i = 0; i < p->decisions->len; i++)
    if (decided_under (p->decisions->pdata[i], it))
      return TRUE;
  return FALSE;
}

/* TRUE when the discussion shows item @it: a break only when something
 * was noted under it. */
static gboolean
item_shown (const RapatMinutesPaper *p, const RapatMinutesItem *it)
{
  return !is_break (p, it) || item_has_record (p, it);
}

/* TRUE when some decision's agenda item was removed. */
static gboolean
any_loose_decision (GPtrArray *decisions)
{
  for (guint i = 0; i < decisions->len; i++)
    if (((const RapatDecision *) decisions->pdata[i])->agenda_item_id == 0)
      return TRUE;
  return FALSE;
}

/* Returns the due day of @a as a letter writes it, or "-". */
static char *
due_text (const RapatAction *a, gboolean en)
{
  if (a->due == NULL)
    return g_strdup ("-");
  return rapat_when_letter_day (a->due, en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN);
}

/* Returns "(keputusan 2)" for an action carrying out a decision, or NULL. */
static char *
decision_ref (const RapatAction *a, gboolean en)
{
  if (a->decision_id == 0 || a->decision_number == 0)
    return NULL;
  return g_strdup_printf (en ? "(decision %d)" : "(keputusan %d)", a->decision_number);
}

/* Returns the word for @status in the paper's language. */
static const char *
status_word (RapatActionStatus status, gboolean en)
{
  guint st = (guint) status < G_N_ELEMENTS (action_status_w) ? (guint) status : 0;

  return W (action_status_w[st], en);
}

/* Returns what the meeting heard of @v: "selesai, 100%", or "belum
 * dilaporkan" when it heard nothing; the note is not part of it. */
static char *
heard_text (const RapatReview *v, gboolean en)
{
  if (v->reported_at == 0)
    return g_strdup (W (not_reported_w, en));
  return g_strdup_printf ("%s, %d%%", status_word (v->reported_status, en), v->reported_progress);
}

/* ---- Markdown ---- */

/* Writes @s for Markdown: each character that could start emphasis, code,
 * a link, HTML, an entity or a table cell escaped with a backslash, a line
 * break as a space.  @at_start: @s begins a block (a paragraph, a list
 * item's text), where leading spaces, "#", "-", "+", "=" or "1." would make
 * it a code block, heading, list or rule, so those are defused too. */
static void
md_text (FILE *out, const char *s, gboolean at_start)
{
  const char *p = s;
  gboolean digits = FALSE;

  if (s == NULL)
    return;
  if (at_start)
    {
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '-' || *p == '+' || *p == '=')
        {
          fputc ('\\', out);
          fputc (*p++, out);
        }
      digits = g_ascii_isdigit (*p);
    }
  for (; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\n' || c == '\r' || c == '\t')
        {
          fputc (' ', out);
          digits = FALSE;
          continue;
        }
      if (strchr ("\\`*_[]<>|~&#!", c) != NULL || (digits && (c == '.' || c == ')')))
        fputc ('\\', out);
      fputc (c, out);
      digits = digits && g_ascii_isdigit (c);
    }
}

/* Writes each line of @text as a paragraph of its own, the first after
 * nothing, the others after @indent (to stay inside a list item); blank
 * lines end paragraphs and are not repeated. */
static void
md_paragraphs (FILE *out, const char *indent, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!first)
        fprintf (out, "\n%s", indent);
      md_text (out, lines[i], TRUE);
      fputc ('\n', out);
      first = FALSE;
    }
}

/* Writes "- **Label:** value". */
static void
md_field (FILE *out, const char *label, const char *value)
{
  fprintf (out, "- **%s:** ", label);
  md_text (out, value != NULL ? value : "-", FALSE);
  fputc ('\n', out);
}

/* Writes the decisions taken under @it (with no item when @it is NULL) as
 * a list, each with its number in the meeting, after a blank line when
 * *@body (something is written above it in the block); sets *@body when it
 * writes. */
static void
md_decisions (FILE *out, const RapatMinutesPaper *p, const RapatMinutesItem *it, gboolean en,
              gboolean *body)
{
  gboolean any = FALSE;

  for (guint i = 0; i < p->decisions->len; i++)
    {
      const RapatDecision *d = p->decisions->pdata[i];

      if (it != NULL ? !decided_under (d, it) : d->agenda_item_id != 0)
        continue;
      if (!any && *body)
        fputc ('\n', out);
      any = *body = TRUE;
      fprintf (out, en ? "- **Decision %d:** " : "- **Keputusan %d:** ", d->number);
      md_paragraphs (out, "  ", d->text);
    }
}

/* Writes the actions item @it reviewed as a list, each with its owner and
 * due day and what the meeting heard of it; a blank line before it when
 * *@body, which it sets. */
static void
md_reviews (FILE *out, const RapatMinutesItem *it, gboolean en, gboolean *body)
{
  if (it->reviews == NULL || it->reviews->len == 0)
    return;
  fprintf (out, "%s**%s:**\n\n", *body ? "\n" : "", W (reviewed_w, en));
  *body = TRUE;
  for (guint i = 0; i < it->reviews->len; i++)
    {
      const RapatReview *v = it->reviews->pdata[i];
      const RapatAction *a = v->action;
      g_autofree char *due = a->due != NULL ? due_text (a, en) : NULL;
      g_autofree char *state = heard_text (v, en);
      g_autofree char *heard = v->reported_at == 0 ? g_strdup (state)
                               : g_strdup_printf (en ? "reported %s" : "dilaporkan %s", state);
      g_autofree char *line = NULL;

      /* title — owner, due day: what was reported */
      if (due != NULL)
        line = g_strdup_printf (en ? "%s — %s, due %s: %s" : "%s — %s, batas waktu %s: %s",
                                a->title, a->owner_name != NULL ? a->owner_name : "-", due,
                                heard);
      else
        line = g_strdup_printf ("%s — %s: %s", a->title,
                                a->owner_name != NULL ? a->owner_name : "-", heard);
      fputs ("- ", out);
      md_text (out, line, TRUE);
      if (v->reported_at != 0 && has_text (v->reported_note))
        {
          fputs (" (", out);
          md_text (out, v->reported_note, FALSE);
          fputc (')', out);
        }
      fputc ('\n', out);
    }
}

void
rapat_report_minutes_markdown (FILE *out, const RapatMinutesPaper *p)
{
  const RapatMeeting *m = p->meeting;
  const RapatMinutes *n = p->minutes;
  gboolean en = g_strcmp0 (p->lang, "en") == 0;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *time_line = NULL;
  g_autofree char *version = version_text (n, tz, en);
  g_autofree char *chair = name_position (n->chair_name, n->chair_position);
  g_autofree char *notulis = name_position (n->notulis_name, n->notulis_position);
  g_autofree char *attendance = attendance_text (n, en);
  gboolean planned;
  guint no;

  held_rows (p, tz, en, &date, &time, &planned);
  time_line = planned ? g_strdup_printf ("%s %s", time, W (planned_w, en)) : g_strdup (time);
  fprintf (out, "# %s: ", W (md_title_w, en));
  md_text (out, m->title, FALSE);
  fputs ("\n\n", out);
  if (n->status != RAPAT_MINUTES_FINAL)
    fprintf (out, "> **%s**\n\n", version);
  else
    fprintf (out, "*%s*\n\n", version);
  md_field (out, W (day_w, en), date);
  md_field (out, W (time_w, en), time_line);
  md_field (out, W (where_w, en), m->location);
  md_field (out, W (chair_w, en), chair);
  md_field (out, W (notulis_w, en), notulis);
  md_field (out, W (participants_w, en), attendance);

  if (count_present (p->attendees) > 0)
    {
      fprintf (out, "\n## %s\n\n", W (present_list_w, en));
      no = 0;
      for (guint i = 0; i < p->attendees->len; i++)
        {
          const RapatAttendee *a = p->attendees->pdata[i];
          g_autofree char *line = NULL;

          if (!was_present (a))
            continue;
          line = present_line (a, en);
          fprintf (out, "%u. ", ++no);
          md_text (out, line, TRUE);
          fputc ('\n', out);
        }
    }

  if (p->items->len > 0)
    {
      fprintf (out, "\n## %s\n\n", W (agenda_w, en));
      for (guint i = 0; i < p->items->len; i++)
        {
          const RapatMinutesItem *it = p->items->pdata[i];
          fprintf (out, "%d. ", it->position);
          md_text (out, it->title, TRUE);
          fputc ('\n', out);
        }
      fprintf (out, "\n## %s\n", W (discussion_w, en));
      for (guint i = 0; i < p->items->len; i++)
        {
          const RapatMinutesItem *it = p->items->pdata[i];
          gboolean body = TRUE;

          if (!item_shown (p, it))
            continue;
          fprintf (out, "\n### %d. ", it->position);
          md_text (out, it->title, FALSE);
          fputs ("\n\n", out);
          if (has_text (it->notes))
            md_paragraphs (out, "", it->notes);
          else if (!item_has_record (p, it))
            fprintf (out, "*%s*\n", W (no_notes_w, en));
          else
            body = FALSE;
          md_reviews (out, it, en, &body);
          md_decisions (out, p, it, en, &body);
        }
    }
  if (any_loose_decision (p->decisions))
    {
      gboolean body = FALSE;

      fprintf (out, "\n## %s\n\n", W (other_decisions_w, en));
      md_decisions (out, p, NULL, en, &body);
    }

  if (p->actions->len > 0)
    {
      fprintf (out, "\n## %s\n\n| %s | %s | %s | %s |\n| ---: | --- | --- | --- |\n",
               W (actions_w, en), W (no_w, en), W (action_w, en), W (owner_w, en),
               W (due_w, en));
      for (guint i = 0; i < p->actions->len; i++)
        {
          const RapatAction *a = p->actions->pdata[i];
          g_autofree char *ref = decision_ref (a, en);
          g_autofree char *due = due_text (a, en);

          fprintf (out, "| %u | ", i + 1);
          md_text (out, a->title, FALSE);
          if (ref != NULL)
            fprintf (out, " %s", ref);
          fputs (" | ", out);
          md_text (out, a->owner_name != NULL ? a->owner_name : "-", FALSE);
          fputs (" | ", out);
          md_text (out, due, FALSE);
          fputs (" |\n", out);
        }
    }

  if (n->summary != NULL)
    {
      fprintf (out, "\n## %s\n\n", W (summary_w, en));
      md_paragraphs (out, "", n->summary);
    }
}

/* ---- the paper: a layout, for PDF and HTML ---- */

/* Adds a section heading, in capitals. */
static void
layout_section (RapatLayout *doc, const char *title)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_HEADING);
  g_autofree char *upper = g_utf8_strup (title, -1);

  rapat_layout_text (b, upper);
  b->space_before = 12;
}

/* Adds a bold label ("Keputusan:") that stays with what follows it. */
static void
layout_label (RapatLayout *doc, const char *label)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_HEADING);
  g_autofree char *text = g_strconcat (label, ":", NULL);

  rapat_layout_text (b, text);
  b->space_before = 4;
}

/* Returns @text without blank lines and with each line stripped. */
static char *
joined_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Adds each line of @text as a paragraph. */
static void
layout_paragraphs (RapatLayout *doc, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);

  b->space_before = 2;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        rapat_layout_text (b, lines[i]);
    }
}

/* Adds the decisions taken under @it (with no item when @it is NULL) as a
 * list numbered as the meeting numbers them. */
static void
layout_decisions (RapatLayout *doc, const RapatMinutesPaper *p, const RapatMinutesItem *it,
                  gboolean en)
{
  RapatLayoutBlock *list = NULL;

  for (guint i = 0; i < p->decisions->len; i++)
    {
      const RapatDecision *d = p->decisions->pdata[i];
      g_autofree char *mark = NULL;
      g_autofree char *text = NULL;

      if (it != NULL ? !decided_under (d, it) : d->agenda_item_id != 0)
        continue;
      if (list == NULL)
        {
          if (it != NULL)
            layout_label (doc, W (decisions_w, en));
          list = rapat_layout_add (doc, RAPAT_LAYOUT_LIST);
          list->space_before = 2;
        }
      mark = g_strdup_printf ("%d.", d->number);
      text = joined_lines (d->text);
      rapat_layout_item (list, mark, text);
    }
}

/* Adds the actions item @it reviewed as a small table: each with its
 * owner and due day and what the meeting heard of it. */
static void
layout_reviews (RapatLayout *doc, const RapatMinutesItem *it, gboolean en)
{
  /* A due day ("30 September 2025") on one line. */
  static const double widths[] = { 0.06, 0.34, 0.19, 0.19, 0.22 };
  const char *heads[] = { W (no_w, en), W (action_w, en), W (owner_w, en), W (due_w, en),
                          W (heard_w, en) };
  RapatLayoutTable *t;

  if (it->reviews == NULL || it->reviews->len == 0)
    return;
  layout_label (doc, W (reviewed_w, en));
  t = rapat_layout_table (doc, G_N_ELEMENTS (widths), widths, heads);
  t->font_size = 9;
  for (guint i = 0; i < it->reviews->len; i++)
    {
      const RapatReview *v = it->reviews->pdata[i];
      const RapatAction *a = v->action;
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *due = due_text (a, en);
      g_autofree char *heard = heard_text (v, en);
      g_autofree char *note = v->reported_at != 0 && has_text (v->reported_note)
                              ? joined_lines (v->reported_note) : NULL;
      RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_NORMAL);

      rapat_layout_cell (row, 0, no, RAPAT_ALIGN_CENTER);
      rapat_layout_cell (row, 1, a->title, RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 2, a->owner_name != NULL ? a->owner_name : "-", RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 3, due, RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 4, heard, RAPAT_ALIGN_LEFT);
      row->cells[4].italic = v->reported_at == 0;
      rapat_layout_cell_note (row, 4, note, FALSE);
    }
}

/* Adds the follow-up table. */
static void
layout_actions (RapatLayout *doc, const RapatMinutesPaper *p, gboolean en)
{
  /* A due day ("30 September 2025") on one line. */
  static const double widths[] = { 0.06, 0.48, 0.25, 0.21 };
  const char *heads[] = { W (no_w, en), W (action_w, en), W (owner_w, en), W (due_w, en) };
  RapatLayoutTable *t;

  layout_section (doc, W (actions_w, en));
  t = rapat_layout_table (doc, G_N_ELEMENTS (widths), widths, heads);
  rapat_layout_last (doc)->space_before = 4;
  for (guint i = 0; i < p->actions->len; i++)
    {
      const RapatAction *a = p->actions->pdata[i];
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *ref = decision_ref (a, en);
      g_autofree char *due = due_text (a, en);
      RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_NORMAL);

      rapat_layout_cell (row, 0, no, RAPAT_ALIGN_CENTER);
      rapat_layout_cell (row, 1, a->title, RAPAT_ALIGN_LEFT);
      rapat_layout_cell_note (row, 1, ref, FALSE);
      rapat_layout_cell (row, 2, a->owner_name != NULL ? a->owner_name : "-", RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 3, due, RAPAT_ALIGN_LEFT);
    }
}

/* Adds the label : value block: the day, the time held or planned, the
 * place, the chair, the notulis, the participants (and those present,
 * or that their list is attached) and the agenda. */
static void
layout_fields (RapatLayout *doc, const RapatMinutesPaper *p, GTimeZone *tz, gboolean en)
{
  const RapatMeeting *m = p->meeting;
  const RapatMinutes *n = p->minutes;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *time_line = NULL;
  g_autofree char *chair = name_position (n->chair_name, n->chair_position);
  g_autofree char *notulis = name_position (n->notulis_name, n->notulis_position);
  g_autofree char *attendance = attendance_text (n, en);
  guint present = count_present (p->attendees);
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_FIELDS);
  gboolean planned;
  guint no = 0;

  held_rows (p, tz, en, &date, &time, &planned);
  time_line = planned ? g_strdup_printf ("%s %s", time, W (planned_w, en)) : g_strdup (time);
  rapat_layout_field (b, W (day_w, en), date);
  rapat_layout_field (b, W (time_w, en), time_line);
  rapat_layout_field (b, W (where_w, en), m->location);
  rapat_layout_field (b, W (chair_w, en), chair);
  rapat_layout_field (b, W (notulis_w, en), notulis);
  if (present >= p->list_from)
    {
      g_autofree char *value = g_strdup_printf ("%s; %s", attendance, W (attached_w, en));
      rapat_layout_field (b, W (participants_w, en), value);
    }
  else
    rapat_layout_field (b, W (participants_w, en), attendance);
  for (guint i = 0; present < p->list_from && i < p->attendees->len; i++)
    {
      const RapatAttendee *a = p->attendees->pdata[i];
      g_autofree char *line = NULL;
      g_autofree char *mark = NULL;

      if (!was_present (a))
        continue;
      line = present_line (a, en);
      mark = g_strdup_printf ("%u.", ++no);
      rapat_layout_field_item (b, "", mark, line);
    }
  for (guint i = 0; i < p->items->len; i++)
    {
      const RapatMinutesItem *it = p->items->pdata[i];
      g_autofree char *mark = g_strdup_printf ("%d.", it->position);

      rapat_layout_field_item (b, i == 0 ? W (agenda_w, en) : "", mark, it->title);
    }
  b->space_before = 4;
}

RapatLayout *
rapat_report_minutes_layout (const RapatMinutesPaper *p)
{
  const RapatMeeting *m = p->meeting;
  const RapatMinutes *n = p->minutes;
  gboolean en = g_strcmp0 (p->lang, "en") == 0;
  gboolean draft = n->status != RAPAT_MINUTES_FINAL;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *full_title = draft ? g_strdup_printf ("%s %s — %s", W (title_w, en),
                                                        W (draft_w, en), m->title)
                                      : g_strdup_printf ("%s — %s", W (title_w, en), m->title);
  g_autofree char *version = version_text (n, tz, en);
  RapatLayout *doc = rapat_layout_new (en ? "en" : "id", full_title);
  RapatLayoutBlock *b;

  rapat_layout_set_printed (doc, p->now, tz);
  if (draft)
    doc->watermark = g_strdup (W (draft_w, en));
  rapat_paper_letterhead (doc, p->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
  rapat_layout_text (b, W (title_w, en));
  rapat_layout_text (b, m->title);
  b->keep_with_next = TRUE;
  /* A draft says so under its title, framed in red. */
  b = rapat_layout_add (doc, draft ? RAPAT_LAYOUT_BANNER : RAPAT_LAYOUT_PARAGRAPH);
  rapat_layout_text (b, version);
  b->align = RAPAT_ALIGN_CENTER;
  b->keep_with_next = TRUE;
  layout_fields (doc, p, tz, en);

  if (p->items->len > 0)
    layout_section (doc, W (discussion_w, en));
  for (guint i = 0; i < p->items->len; i++)
    {
      const RapatMinutesItem *it = p->items->pdata[i];
      g_autofree char *heading = NULL;

      if (!item_shown (p, it))
        continue;
      heading = g_strdup_printf ("%d. %s", it->position, it->title);
      b = rapat_layout_add (doc, RAPAT_LAYOUT_HEADING);
      rapat_layout_text (b, heading);
      b->space_before = 8;
      if (it->notes != NULL)
        layout_paragraphs (doc, it->notes);
      if (!item_has_record (p, it))
        layout_paragraphs (doc, W (no_notes_w, en));
      layout_reviews (doc, it, en);
      layout_decisions (doc, p, it, en);
    }
  if (any_loose_decision (p->decisions))
    {
      layout_section (doc, W (other_decisions_w, en));
      layout_decisions (doc, p, NULL, en);
    }
  if (p->actions->len > 0)
    layout_actions (doc, p, en);
  if (n->summary != NULL)
    {
      layout_section (doc, W (summary_w, en));
      layout_paragraphs (doc, n->summary);
    }
  /* The closing sentence goes with the signatures to whichever page they
   * fall on: signatures alone on a page sign nothing. */
  b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
  rapat_layout_text (b, W (closing_w, en));
  b->space_before = 14;
  b->keep_with_next = TRUE;
  b = rapat_layout_add (doc, RAPAT_LAYOUT_SIGNATURES);
  rapat_layout_signature (b, NULL, W (chair_sign_w, en), n->chair_name, n->chair_position);
  rapat_layout_signature (b, NULL, W (notulis_sign_w, en), n->notulis_name, n->notulis_position);
  return doc;
}

void
rapat_report_minutes_html (FILE *out, const RapatMinutesPaper *p)
{
  g_autoptr(RapatLayout) doc = rapat_report_minutes_layout (p);

  rapat_layout_html (out, doc);
}
