/* rapat — the invitation letter and the programme of a meeting (export layer). */
#include "report-papers.h"
#include "layout-html.h"
#include "nip.h"
#include "paper.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

/* The words of the papers, in the paper's language, not the locale's: an
 * office prints them for its addressees.  Index 0 Indonesian, 1 English. */
typedef struct {
  const char *w[2];
} Words;

static const Words number_w = { { "Nomor", "Number" } };
static const Words nature_w = { { "Sifat", "Classification" } };
static const Words nature_default_w = { { "Biasa", "Ordinary" } };
static const Words attach_w = { { "Lampiran", "Attachment" } };
static const Words attach_one_w = { { "1 (satu) berkas", "1 (one) list" } };
static const Words subject_w = { { "Perihal", "Subject" } };
static const Words to_w = { { "Yth.", "To:" } };
static const Words to_listed_w = { { "Bapak/Ibu (daftar terlampir)", "The invitees (list attached)" } };
static const Words at_w = { { "di", NULL } };
static const Words place_w = { { "Tempat", NULL } };
static const Words day_w = { { "Hari/tanggal", "Date" } };
static const Words time_w = { { "Waktu", "Time" } };
static const Words where_w = { { "Tempat", "Place" } };
static const Words online_w = { { "Tautan daring", "Online" } };
static const Words agenda_w = { { "Acara", "Agenda" } };
static const Words no_w = { { "No.", "No." } };
static const Words name_w = { { "Nama", "Name" } };
static const Words position_w = { { "Jabatan", "Position" } };
static const Words unit_w = { { "Unit kerja", "Unit" } };
static const Words date_w = { { "Tanggal", "Date" } };
static const Words presenter_w = { { "Penyaji / Pelaksana", "Presenter" } };
static const Words room_w = { { "Ruang", "Room" } };
static const Words parallel_w = { { "sesi paralel", "parallel session" } };
static const Words programme_w = { { "SUSUNAN ACARA", "PROGRAMME" } };
static const Words invitees_w = { { "DAFTAR UNDANGAN", "LIST OF INVITEES" } };
static const Words attachment_of_w = { { "Lampiran Surat Undangan", "Attachment to the invitation" } };
static const Words to_be_signed_w = { { "Pejabat penanda tangan,", "Signed," } };
static const Words due_w = { { "batas waktu", "due" } };
/* An action's status, by RapatActionStatus. */
static const Words action_status_w[] = {
  { { "belum dikerjakan", "open" } },
  { { "dalam proses", "in progress" } },
  { { "selesai", "done" } },
  { { "dibatalkan", "cancelled" } },
};

/* Returns the word @w in the paper's language. */
#define W(words, en) ((words).w[(en) ? 1 : 0])

/* Returns how an invitee is addressed: by position, as letters address an
 * office; by name when no position is stored. */
static const char *
addressee (const RapatAttendee *a)
{
  return a->position != NULL ? a->position : a->person_name;
}

/* TRUE when any item of @agenda has a room of its own. */
static gboolean
any_room (GPtrArray *agenda)
{
  for (guint i = 0; i < agenda->len; i++)
    if (((const RapatAgendaItem *) agenda->pdata[i])->room != NULL)
      return TRUE;
  return FALSE;
}

/* TRUE when item @i of @agenda is in a parallel block: it runs alongside an
 * earlier item, or a later one runs alongside it. */
static gboolean
in_parallel_block (GPtrArray *agenda, guint i)
{
  const RapatAgendaItem *it = agenda->pdata[i];

  if (it->parallel_with != 0)
    return TRUE;
  for (guint j = i + 1; j < agenda->len; j++)
    if (((const RapatAgendaItem *) agenda->pdata[j])->parallel_with == it->id)
      return TRUE;
  return FALSE;
}

/* ---- the papers as layouts, for PDF ---- */

/* Adds the label : value lines of the meeting to @doc (the day, the time,
 * the place, the online link when it has one), indented by @indent, and
 * returns the block. */
static RapatLayoutBlock *
layout_when_where (RapatLayout *doc, const RapatMeeting *m, GTimeZone *tz, gboolean en,
                   double indent)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_FIELDS);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  rapat_when_range_rows (m->start_utc, m->end_utc, tz,
                         en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN, &date, &time);
  rapat_layout_field (b, W (day_w, en), date);
  rapat_layout_field (b, W (time_w, en), time);
  rapat_layout_field (b, W (where_w, en), m->location);
  b->indent = indent;
  return b;
}

/* Adds the signature block of the letter @inv and its attachment. */
static void
layout_letter_signature (RapatLayout *doc, const RapatInvitation *inv, gboolean en)
{
  g_autofree char *signer = inv->signer_title != NULL ? g_strconcat (inv->signer_title, ",", NULL)
                                                      : g_strdup (W (to_be_signed_w, en));
  g_autofree char *nip = inv->signer_nip != NULL ? rapat_nip_format (inv->signer_nip) : NULL;
  g_autofree char *below = nip != NULL ? g_strconcat ("NIP. ", nip, NULL) : NULL;
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_SIGNATURES);

  rapat_layout_signature (b, NULL, signer, inv->signer_name, below);
}

/* Adds the addressees: "Yth." and each invitee's position (numbered when
 * there are several), or "daftar terlampir"; then "di Tempat". */
static void
layout_to (RapatLayout *doc, const RapatInvitation *inv, gboolean listed, gboolean en)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);

  b->space_before = 12;
  rapat_layout_text (b, W (to_w, en));
  if (listed)
    rapat_layout_text (b, W (to_listed_w, en));
  else if (inv->invitees->len == 1)
    rapat_layout_text (b, addressee (inv->invitees->pdata[0]));
  else
    {
      b = rapat_layout_add (doc, RAPAT_LAYOUT_LIST);
      for (guint i = 0; i < inv->invitees->len; i++)
        {
          g_autofree char *mark = g_strdup_printf ("%u.", i + 1);
          rapat_layout_item (b, mark, addressee (inv->invitees->pdata[i]));
        }
    }
  /* "di Tempat": the addressees are at their own offices; English letters
   * have no such line. */
  if (!en)
    {
      b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
      rapat_layout_text (b, W (at_w, en));
      b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
      rapat_layout_text (b, W (place_w, en));
      b->indent = 0.04;
    }
}

RapatLayout *
rapat_report_invitation_layout (const RapatInvitation *inv)
{
  const RapatMeeting *m = inv->meeting;
  gboolean en = g_strcmp0 (inv->lang, "en") == 0;
  gboolean listed = inv->invitees->len >= inv->list_from;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *date = rapat_when_letter_day (inv->date, en ? RAPAT_WHEN_ENGLISH
                                                                : RAPAT_WHEN_INDONESIAN);
  g_autofree char *dateline = inv->city != NULL ? g_strdup_printf ("%s, %s", inv->city, date)
                                                : g_strdup (date);
  g_autofree char *subject = inv->subject != NULL
    ? g_strdup (inv->subject)
    : g_strdup_printf (en ? "Invitation to the %s" : "Undangan %s", m->title);
  g_autofree char *opening = g_strdup_printf (
    en ? "We have the honour to invite you to attend the %s, to be held on:"
       : "Dengan hormat, kami mengundang Bapak/Ibu untuk menghadiri %s yang akan dilaksanakan pada:",
    m->title);
  const char *number = inv->number != NULL ? inv->number : "..........................";
  RapatLayout *doc = rapat_layout_new (en ? "en" : "id", subject);
  RapatLayoutBlock *b;

  rapat_layout_set_printed (doc, inv->now, tz);
  rapat_paper_letterhead (doc, inv->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
  rapat_layout_text (b, dateline);
  b->align = RAPAT_ALIGN_RIGHT;
  b = rapat_layout_add (doc, RAPAT_LAYOUT_FIELDS);
  rapat_layout_field (b, W (number_w, en), number);
  rapat_layout_field (b, W (nature_w, en), inv->nature != NULL ? inv->nature : W (nature_default_w, en));
  rapat_layout_field (b, W (attach_w, en), listed ? W (attach_one_w, en) : "-");
  rapat_layout_field (b, W (subject_w, en), subject);
  b->space_before = 6;
  layout_to (doc, inv, listed, en);

  b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
  rapat_layout_text (b, opening);
  b->space_before = 12;
  b->keep_with_next = TRUE;
  b = layout_when_where (doc, m, tz, en, 0.06);
  if (m->url != NULL)
    rapat_layout_field (b, W (online_w, en), m->url);
  for (guint i = 0, no = 0; i < inv->agenda->len; i++)
    {
      const RapatAgendaItem *it = inv->agenda->pdata[i];
      g_autofree char *mark = NULL;

      if (it->type == RAPAT_ITEM_BREAK)
        continue;
      mark = g_strdup_printf ("%u.", ++no);
      rapat_layout_field_item (b, no == 1 ? W (agenda_w, en) : "", mark, it->title);
    }
  b->space_before = 4;
  /* The closing sentence goes with the signature to whichever page it
   * falls on: a signature alone on a page is not a letter. */
  b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
  rapat_layout_text (b, en ? "In view of the importance of the meeting, we kindly ask you to attend in person "
                             "and on time. Thank you for your attention."
                           : "Mengingat pentingnya acara tersebut, dimohon kehadiran Bapak/Ibu tepat waktu. "
                             "Demikian disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih.");
  b->space_before = 10;
  b->keep_with_next = TRUE;
  layout_letter_signature (doc, inv, en);

  if (listed)
    {
      static const double widths[] = { 0.07, 0.27, 0.36, 0.30 };
      const char *heads[] = { W (no_w, en), W (name_w, en), W (position_w, en), W (unit_w, en) };
      RapatLayoutTable *t;

      /* The list on a page of its own, headed as an attachment is. */
      b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
      rapat_layout_text (b, W (attachment_of_w, en));
      b->indent = 0.55;
      b->new_page = TRUE;
      b->keep_with_next = TRUE;
      b = rapat_layout_add (doc, RAPAT_LAYOUT_FIELDS);
      rapat_layout_field (b, W (number_w, en), number);
      rapat_layout_field (b, W (date_w, en), date);
      b->indent = 0.55;
      b->keep_with_next = TRUE;
      b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
      rapat_layout_text (b, W (invitees_w, en));
      b->space_before = 14;
      b->keep_with_next = TRUE;
      t = rapat_layout_table (doc, G_N_ELEMENTS (widths), widths, heads);
      for (guint i = 0; i < inv->invitees->len; i++)
        {
          const RapatAttendee *a = inv->invitees->pdata[i];
          g_autofree char *no = g_strdup_printf ("%u", i + 1);
          RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_NORMAL);

          rapat_layout_cell (row, 0, no, RAPAT_ALIGN_RIGHT);
          rapat_layout_cell (row, 1, a->person_name, RAPAT_ALIGN_LEFT);
          rapat_layout_cell (row, 2, a->position, RAPAT_ALIGN_LEFT);
          rapat_layout_cell (row, 3, a->unit_name, RAPAT_ALIGN_LEFT);
        }
      /* The attached list is signed as the letter is, never alone. */
      rapat_layout_last (doc)->keep_with_next = TRUE;
      layout_letter_signature (doc, inv, en);
    }
  return doc;
}

/* Returns the actions a review item reviews, as they are now, one a line,
 * or NULL when it reviews none. */
static char *
review_lines (const RapatAgendaItem *it, gboolean en)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (it->reviews == NULL || it->reviews->len == 0)
    return NULL;
  for (guint i = 0; i < it->reviews->len; i++)
    {
      const RapatReview *v = it->reviews->pdata[i];
      const RapatAction *a = v->action;
      guint st = (guint) a->status < G_N_ELEMENTS (action_status_w) ? (guint) a->status : 0;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%u. %s", i + 1, a->title);
      if (a->due != NULL)
        g_string_append_printf (out, " (%s; %s %s; %s, %d%%)", a->owner_name, W (due_w, en), a->due,
                                W (action_status_w[st], en), a->progress);
      else
        g_string_append_printf (out, " (%s; %s, %d%%)", a->owner_name, W (action_status_w[st], en),
                                a->progress);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

RapatLayout *
rapat_report_programme_layout (const RapatProgramme *p)
{
  const RapatMeeting *m = p->meeting;
  gboolean en = g_strcmp0 (p->lang, "en") == 0;
  RapatWhenLang lang = en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree gint64 *starts = g_new (gint64, p->agenda->len + 1);
  g_autofree char *abbrev = rapat_time_abbrev (m->start_utc, tz);
  g_autofree char *time_head = g_strdup_printf ("%s (%s)", W (time_w, en), abbrev);
  g_autofree char *title = g_strdup_printf ("%s — %s", W (programme_w, en), m->title);
  gboolean rooms = any_room (p->agenda);
  guint cols = rooms ? 5 : 4;
  g_autofree char *first_day = rapat_when_day (m->start_utc, tz);
  g_autofree char *last_day = rapat_when_day (m->end_utc, tz);
  gboolean several_days = g_strcmp0 (first_day, last_day) != 0;
  g_autofree char *prev_day = NULL;
  static const double widths[] = { 0.06, 0.15, 0.55, 0.24 };
  static const double widths_rooms[] = { 0.06, 0.15, 0.43, 0.21, 0.15 };
  const char *heads[] = { W (no_w, en), time_head, W (agenda_w, en), W (presenter_w, en),
                          W (room_w, en) };
  RapatLayout *doc = rapat_layout_new (en ? "en" : "id", title);
  RapatLayoutBlock *b;
  RapatLayoutTable *t;

  rapat_agenda_schedule (m, p->agenda, starts);
  rapat_layout_set_printed (doc, p->now, tz);
  rapat_paper_letterhead (doc, p->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
  rapat_layout_text (b, W (programme_w, en));
  rapat_layout_text (b, m->title);
  b->keep_with_next = TRUE;
  b = layout_when_where (doc, m, tz, en, 0);
  b->keep_with_next = TRUE;
  t = rapat_layout_table (doc, cols, rooms ? widths_rooms : widths, heads);
  rapat_layout_last (doc)->space_before = 10;
  for (guint i = 0; i < p->agenda->len; i++)
    {
      const RapatAgendaItem *it = p->agenda->pdata[i];
      g_autofree char *day = rapat_when_day (starts[i], tz);
      g_autofree char *clocks = rapat_when_clocks_lang (starts[i], starts[i] + (gint64) it->duration_min * 60,
                                                        tz, lang);
      g_autofree char *no = g_strdup_printf ("%d", it->position);
      g_autofree char *reviews = NULL;
      g_autofree char *note = NULL;
      RapatLayoutRow *row;

      /* A meeting over several days: each day's items under its date, so
       * that "01.00" reads as the night after, not the morning before. */
      if (several_days && g_strcmp0 (day, prev_day) != 0)
        {
          g_autofree char *date_row = rapat_when_date (starts[i], tz, lang);

          row = rapat_layout_row (t, RAPAT_ROW_GROUP);
          rapat_layout_cell (row, 0, date_row, RAPAT_ALIGN_LEFT);
          row->cells[0].span = cols;
          g_free (prev_day);
          prev_day = g_strdup (day);
        }
      row = rapat_layout_row (t, it->type == RAPAT_ITEM_BREAK ? RAPAT_ROW_QUIET : RAPAT_ROW_NORMAL);
      rapat_layout_cell (row, 0, no, RAPAT_ALIGN_CENTER);
      rapat_layout_cell (row, 1, clocks, RAPAT_ALIGN_LEFT);
      if (it->type == RAPAT_ITEM_BREAK)
        {
          rapat_layout_cell (row, 2, it->title, RAPAT_ALIGN_CENTER);
          row->cells[2].span = cols - 2;
          continue;
        }
      rapat_layout_cell (row, 2, it->title, RAPAT_ALIGN_LEFT);
      reviews = review_lines (it, en);
      if (in_parallel_block (p->agenda, i))
        note = g_strdup_printf ("(%s)%s%s", W (parallel_w, en), reviews != NULL ? "\n" : "",
                                reviews != NULL ? reviews : "");
      rapat_layout_cell_note (row, 2, note != NULL ? note : reviews, FALSE);
      rapat_layout_cell (row, 3, it->presenter_name, RAPAT_ALIGN_LEFT);
      if (rooms)
        rapat_layout_cell (row, 4, it->room != NULL ? it->room : m->location, RAPAT_ALIGN_LEFT);
    }
  return doc;
}

void
rapat_report_programme (FILE *out, const RapatProgramme *p)
{
  g_autoptr(RapatLayout) doc = rapat_report_programme_layout (p);

  rapat_layout_html (out, doc);
}

void
rapat_report_invitation (FILE *out, const RapatInvitation *inv)
{
  g_autoptr(RapatLayout) doc = rapat_report_invitation_layout (inv);

  rapat_layout_html (out, doc);
}
