/* rapat — the layout of a printed paper (export layer). */
#include "layout.h"
#include "rapat.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

/* Frees the texts of @cells, @n of them, and the array. */
static void
cells_free (RapatLayoutCell *cells, guint n)
{
  if (cells == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_free (cells[i].text);
      g_free (cells[i].note);
    }
  g_free (cells);
}

/* Frees one signatory. */
static void
signature_free (gpointer data)
{
  RapatLayoutSignature *s = data;

  g_free (s->above);
  g_free (s->title);
  g_free (s->name);
  g_free (s->below);
  g_free (s);
}

/* Frees a table and its rows. */
static void
table_free (RapatLayoutTable *t)
{
  if (t == NULL)
    return;
  for (guint i = 0; i < t->rows->len; i++)
    {
      RapatLayoutRow *row = t->rows->pdata[i];
      cells_free (row->cells, t->n_cols);
      g_free (row);
    }
  g_ptr_array_unref (t->rows);
  cells_free (t->header, t->n_cols);
  g_free (t->widths);
  g_free (t);
}

/* Frees one bar of a chart. */
static void
bar_free (gpointer data)
{
  RapatLayoutBar *bar = data;

  g_free (bar->label);
  g_free (bar->text);
  g_free (bar);
}

/* Frees a chart and its bars. */
static void
chart_free (RapatLayoutChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_ptr_array_unref (chart->bars);
  g_free (chart);
}

/* Frees one block. */
static void
block_free (gpointer data)
{
  RapatLayoutBlock *b = data;

  g_clear_pointer (&b->texts, g_ptr_array_unref);
  g_clear_pointer (&b->marks, g_ptr_array_unref);
  g_free (b->image_uri);
  g_free (b->image_name);
  g_clear_pointer (&b->signatures, g_ptr_array_unref);
  table_free (b->table);
  chart_free (b->chart);
  g_free (b);
}

RapatLayout *
rapat_layout_new (const char *lang, const char *title)
{
  RapatLayout *doc = g_new0 (RapatLayout, 1);
  gboolean en = g_strcmp0 (lang, "en") == 0;

  doc->lang = g_strdup (en ? "en" : "id");
  doc->title = g_strdup (title);
  doc->author = g_strdup ("rapat");
  doc->creator = g_strdup ("rapat " PACKAGE_VERSION);
  doc->page_label = g_strdup (en ? "Page {page} of {pages}" : "Halaman {page} dari {pages}");
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

void
rapat_layout_free (RapatLayout *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->lang);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->creator);
  g_free (doc->created_zone);
  g_free (doc->footer);
  g_free (doc->page_label);
  g_free (doc->watermark);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

void
rapat_layout_set_printed (RapatLayout *doc, gint64 now, GTimeZone *tz)
{
  gboolean en = strcmp (doc->lang, "en") == 0;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = dt != NULL ? g_date_time_to_timezone (dt, tz) : NULL;
  g_autofree char *date = rapat_when_letter_date (now, tz, en ? RAPAT_WHEN_ENGLISH
                                                              : RAPAT_WHEN_INDONESIAN);
  g_autofree char *clock = NULL;
  gint64 offset = local != NULL ? g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE : 0;

  if (local != NULL)
    clock = en ? g_date_time_format (local, "%H:%M") : g_date_time_format (local, "%H.%M");
  doc->created = now;
  g_free (doc->created_zone);
  doc->created_zone = g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+',
                                       (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
  g_free (doc->footer);
  /* The paper's language, not the locale's, as every word on it. */
  doc->footer = g_strdup_printf (en ? "Printed %s, %s %s" : "Dicetak %s, pukul %s %s", date,
                                 clock != NULL ? clock : "",
                                 local != NULL ? g_date_time_get_timezone_abbreviation (local) : "");
}

RapatLayoutBlock *
rapat_layout_add (RapatLayout *doc, RapatLayoutKind kind)
{
  RapatLayoutBlock *b = g_new0 (RapatLayoutBlock, 1);

  b->kind = kind;
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->marks = g_ptr_array_new_with_free_func (g_free);
  if (kind == RAPAT_LAYOUT_SIGNATURES)
    b->signatures = g_ptr_array_new_with_free_func (signature_free);
  g_ptr_array_add (doc->blocks, b);
  return b;
}

RapatLayoutBlock *
rapat_layout_last (RapatLayout *doc)
{
  g_return_val_if_fail (doc->blocks->len > 0, NULL);
  return doc->blocks->pdata[doc->blocks->len - 1];
}

void
rapat_layout_text (RapatLayoutBlock *block, const char *text)
{
  g_ptr_array_add (block->texts, g_strdup (text != NULL ? text : ""));
  if (block->kind != RAPAT_LAYOUT_FIELDS || block->texts->len % 2 == 0)
    g_ptr_array_add (block->marks, NULL);
}

void
rapat_layout_field (RapatLayoutBlock *block, const char *label, const char *value)
{
  rapat_layout_text (block, label);
  rapat_layout_text (block, value != NULL && *value != '\0' ? value : "-");
}

void
rapat_layout_field_item (RapatLayoutBlock *block, const char *label, const char *mark,
                         const char *text)
{
  rapat_layout_field (block, label, text);
  g_free (block->marks->pdata[block->marks->len - 1]);
  block->marks->pdata[block->marks->len - 1] = g_strdup (mark);
}

void
rapat_layout_item (RapatLayoutBlock *block, const char *mark, const char *text)
{
  rapat_layout_text (block, text);
  g_free (block->marks->pdata[block->marks->len - 1]);
  block->marks->pdata[block->marks->len - 1] = g_strdup (mark);
}

RapatLayoutTable *
rapat_layout_table (RapatLayout *doc, guint n_cols, const double *widths,
                    const char *const *header)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_TABLE);
  RapatLayoutTable *t = g_new0 (RapatLayoutTable, 1);

  t->n_cols = n_cols;
  t->widths = g_memdup2 (widths, n_cols * sizeof *widths);
  t->header = g_new0 (RapatLayoutCell, n_cols);
  for (guint i = 0; i < n_cols; i++)
    {
      t->header[i].text = g_strdup (header[i]);
      t->header[i].align = RAPAT_ALIGN_CENTER;
      t->header[i].bold = TRUE;
    }
  t->rows = g_ptr_array_new ();
  t->keep_first = 2;
  b->table = t;
  return t;
}

RapatLayoutRow *
rapat_layout_row (RapatLayoutTable *table, RapatLayoutRowKind kind)
{
  RapatLayoutRow *row = g_new0 (RapatLayoutRow, 1);

  row->cells = g_new0 (RapatLayoutCell, table->n_cols);
  row->kind = kind;
  for (guint i = 0; i < table->n_cols; i++)
    {
      row->cells[i].bold = kind == RAPAT_ROW_TOTAL || kind == RAPAT_ROW_GROUP;
      row->cells[i].italic = kind == RAPAT_ROW_QUIET;
    }
  g_ptr_array_add (table->rows, row);
  return row;
}

void
rapat_layout_cell (RapatLayoutRow *row, guint col, const char *text, RapatLayoutAlign align)
{
  g_free (row->cells[col].text);
  row->cells[col].text = g_strdup (text);
  row->cells[col].align = align;
}

void
rapat_layout_cell_note (RapatLayoutRow *row, guint col, const char *note, gboolean alert)
{
  g_free (row->cells[col].note);
  row->cells[col].note = g_strdup (note);
  row->cells[col].note_alert = alert;
}

RapatLayoutChart *
rapat_layout_chart (RapatLayout *doc, const char *title)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_CHART);
  RapatLayoutChart *chart = g_new0 (RapatLayoutChart, 1);

  chart->title = g_strdup (title);
  chart->bars = g_ptr_array_new_with_free_func (bar_free);
  chart->good = 0.8;
  chart->fair = 0.5;
  b->chart = chart;
  return chart;
}

void
rapat_layout_bar (RapatLayoutChart *chart, const char *label, double value, const char *text)
{
  RapatLayoutBar *bar = g_new0 (RapatLayoutBar, 1);

  if (label == NULL)
    label = "";
  if (g_utf8_strlen (label, -1) > RAPAT_LAYOUT_CHART_LABEL_MAX)
    {
      g_autofree char *head = g_utf8_substring (label, 0, RAPAT_LAYOUT_CHART_LABEL_MAX - 1);

      bar->label = g_strconcat (head, "…", NULL);
    }
  else
    bar->label = g_strdup (label);
  bar->value = value;
  bar->text = g_strdup (text);
  bar->rgb = value >= chart->good ? RAPAT_LAYOUT_CHART_GOOD
             : value >= chart->fair ? RAPAT_LAYOUT_CHART_FAIR : RAPAT_LAYOUT_CHART_POOR;
  g_ptr_array_add (chart->bars, bar);
}

void
rapat_layout_signature (RapatLayoutBlock *block, const char *above, const char *title,
                        const char *name, const char *below)
{
  RapatLayoutSignature *s = g_new0 (RapatLayoutSignature, 1);

  s->above = g_strdup (above);
  s->title = g_strdup (title);
  s->name = g_strdup (name);
  s->below = g_strdup (below);
  g_ptr_array_add (block->signatures, s);
}
