/* rapat — a printed paper's layout written as one HTML page (export layer). */
#include "layout-html.h"
#include "html.h"
#include "rapat.h"

#include <string.h>

/* The page: A4 with the PDF's 2 cm margins, its faces and sizes (points,
 * as the PDF module draws them); the letterhead's double rule; tables
 * whose header repeats on every printed page and whose rows are never
 * split; headings, group rows and blocks that keep with what follows;
 * the signature block kept whole.  No '<' or '&' in it: the page stays
 * well-formed XML. */
static const char layout_style[] =
  "body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;font-size:10pt;line-height:1.3;"
  "color:#000;margin:1.5em auto;max-width:170mm}"
  "body.landscape{max-width:257mm}"
  "@media print{body,body.landscape{margin:0;max-width:none}footer.printed{display:none}}"
  "footer.printed{margin-top:2em;border-top:.5pt solid #4d4d4d;font-size:8pt;color:#4d4d4d}"
  "table.kop{border-collapse:collapse;width:100%;margin:0}"
  "table.kop td{border:none;padding:0;vertical-align:middle}"
  "table.kop td.logo{width:24mm;text-align:left}table.kop img{max-width:22mm;max-height:24mm}"
  "table.kop td.lines{text-align:center}"
  ".kop1,.kop2{font-family:'Noto Serif','DejaVu Serif',serif;font-weight:bold;"
  "text-transform:uppercase;line-height:1.2}"
  ".kop1{font-size:12pt}.kop2{font-size:13.5pt}.kop3{font-size:9pt;line-height:1.25}"
  "div.rule{border-top:2.25pt solid #000;border-bottom:.75pt solid #000;height:1.5pt;"
  "margin:4pt 0 10pt}"
  "div.title{text-align:center;font-weight:bold;margin-bottom:8pt}"
  "div.title h1{font-size:13pt;margin:0}div.title p{font-size:11pt;margin:0;text-align:center}"
  "h2{font-size:11pt;margin:6pt 0 2pt}"
  "p{margin:2pt 0;text-align:justify}p.c{text-align:center}p.r{text-align:right}"
  "p.banner{border:2pt solid #b00000;color:#b00000;font-weight:bold;text-align:center;"
  "padding:5pt 8pt;margin:4pt 0 6pt}"
  "table.fields,table.list{border-collapse:collapse;border:none}"
  "table.fields td,table.list td{border:none;padding:0 0 1.5pt;vertical-align:top}"
  /* A label on one line, as the PDF sets it: the labels are the papers'
   * own short words ("Pimpinan rapat"), which a long value would wrap. */
  "table.fields td{font-size:10.5pt}table.fields td.label{max-width:33%;white-space:nowrap}"
  "table.fields td.colon{padding:0 6pt 1.5pt 6pt}"
  "table.fields td.mark,table.list td.mark{text-align:right;white-space:nowrap;padding:0 5pt 1.5pt 0}"
  "table.list{width:100%}table.list td.text{text-align:justify;width:100%}"
  "table.grid{width:100%;border-collapse:collapse;table-layout:fixed;font-size:9.5pt;margin:0}"
  /* A little less padding than the PDF's 4 points: a browser's text runs
   * a little wider, and a name's NIP should stay on one line as there. */
  "table.grid th,table.grid td{border:.75pt solid #000;padding:3pt 3pt;vertical-align:top;"
  "text-align:left;overflow-wrap:break-word}"
  /* A header's words are not cut inside (a narrow "No" column): less
   * padding gives them the room the PDF's do. */
  "table.grid th{background:#e6e6e6;text-align:center;vertical-align:middle;padding:3pt 2pt;"
  "overflow-wrap:normal}table.grid th.l{text-align:left;padding:3pt}"
  "table.grid th.r{text-align:right;padding:3pt}"
  "table.grid tr.total td{font-weight:bold}"
  "table.grid tr.group td{font-weight:bold;background:#ededed}"
  "table.grid tr.quiet td{font-style:italic;background:#f5f5f5}"
  "table.grid td.c{text-align:center}table.grid td.r{text-align:right}"
  "table.grid td.b{font-weight:bold}table.grid td.i{font-style:italic}"
  "table.grid div.mid{margin-left:50%}"
  "div.note{font-size:.85em;margin-top:1pt}div.note.alert{color:#b00000;font-weight:bold}"
  "thead{display:table-header-group}"
  "tr{page-break-inside:avoid;break-inside:avoid}"
  "tr.group{page-break-after:avoid;break-after:avoid}"
  "tr.total{page-break-before:avoid;break-before:avoid}"
  "h2,div.title,.keep{page-break-after:avoid;break-after:avoid}"
  "div.signatures{display:flex;justify-content:space-between;margin-top:18pt;"
  "page-break-inside:avoid;break-inside:avoid}"
  "div.signatures.one{justify-content:flex-end}"
  "div.sign{flex:1 1 0;text-align:center;font-size:10.5pt}div.signatures.one div.sign{flex:0 0 50%}"
  "div.sign .space{height:62pt}div.sign .name{font-weight:bold;text-decoration:underline}"
  ".new-page{page-break-before:always;break-before:page}"
  "div.watermark{position:fixed;top:50%;left:50%;"
  "transform:translate(-50%,-50%) rotate(-40deg);font-size:64pt;font-weight:bold;"
  "color:rgba(176,0,0,.18);white-space:nowrap;z-index:10;pointer-events:none}";

/* Writes @s as the body of a CSS string: quotes, backslashes, line ends
 * and the characters that would end the style element escaped. */
static void
css_string (FILE *out, const char *s)
{
  for (const char *p = s; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\' || *p == '<' || *p == '>' || *p == '&' || (guchar) *p < 0x20)
        fprintf (out, "\\%x ", (guchar) *p);
      else
        fputc (*p, out);
    }
}

/* Writes the CSS content of the page label @label ("Halaman {page} dari
 * {pages}"): its words as strings, the page counters in their places. */
static void
css_page_label (FILE *out, const char *label)
{
  const char *p = label;

  while (*p != '\0')
    {
      const char *page = strstr (p, "{page}");
      const char *pages = strstr (p, "{pages}");
      const char *at = page != NULL && (pages == NULL || page < pages) ? page : pages;
      g_autofree char *words = g_strndup (p, at != NULL ? (gsize) (at - p) : strlen (p));

      if (*words != '\0')
        {
          fputs ("\"", out);
          css_string (out, words);
          fputs ("\" ", out);
        }
      if (at == NULL)
        break;
      fputs (at == page ? "counter(page) " : "counter(pages) ", out);
      p = at + (at == page ? strlen ("{page}") : strlen ("{pages}"));
    }
}

/* Writes a length in points, with a dot whatever the locale. */
static void
points (FILE *out, const char *property, double pt)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  fprintf (out, "%s:%spt;", property, g_ascii_formatd (buf, sizeof buf, "%.2f", pt));
}

/* Writes a fraction as a percentage, with a dot whatever the locale. */
static void
percent (FILE *out, const char *property, double fraction)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  fprintf (out, "%s:%s%%;", property, g_ascii_formatd (buf, sizeof buf, "%.2f", fraction * 100));
}

/* Writes @text escaped, its line ends as line breaks; the first line in
 * bold when @first_bold and more lines follow. */
static void
lines (FILE *out, const char *text, gboolean first_bold)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean bold = first_bold && i == 0 && parts[1] != NULL;

      if (i > 0)
        fputs ("<br/>", out);
      if (bold)
        fputs ("<b>", out);
      rapat_html_escape (out, parts[i]);
      if (bold)
        fputs ("</b>", out);
    }
}

/* Writes the class and style attributes of the element that starts
 * @block: its keeping with the next, a page of its own, the space above
 * it and its indent; @klass: the element's own class, or NULL; @style:
 * its own style, or NULL. */
static void
block_attrs_style (FILE *out, const RapatLayoutBlock *block, const char *klass,
                   const char *style)
{
  g_autoptr(GString) classes = g_string_new (klass);

  if (block->keep_with_next)
    g_string_append (classes, classes->len > 0 ? " keep" : "keep");
  if (block->new_page)
    g_string_append (classes, classes->len > 0 ? " new-page" : "new-page");
  if (classes->len > 0)
    fprintf (out, " class=\"%s\"", classes->str);
  if (block->space_before > 0 || block->indent > 0 || style != NULL)
    {
      fputs (" style=\"", out);
      if (style != NULL)
        fputs (style, out);
      if (block->space_before > 0)
        points (out, "margin-top", block->space_before);
      if (block->indent > 0)
        percent (out, "margin-left", block->indent);
      fputs ("\"", out);
    }
}

/* Writes the class and style attributes of the element that starts
 * @block (see block_attrs_style()), with no style of its own. */
static void
block_attrs (FILE *out, const RapatLayoutBlock *block, const char *klass)
{
  block_attrs_style (out, block, klass, NULL);
}

/* The letterhead: its four lines (empty ones left out), the logo (its
 * data: URI), the double rule. */
static void
letterhead_html (FILE *out, const RapatLayoutBlock *block)
{
  const char *texts[4] = { NULL, NULL, NULL, NULL };
  g_autofree char *uri = NULL;
  RapatLetterhead head = { 0 };

  for (guint i = 0; i < block->texts->len && i < G_N_ELEMENTS (texts); i++)
    if (*(const char *) block->texts->pdata[i] != '\0')
      texts[i] = block->texts->pdata[i];
  if (block->image_uri != NULL)
    uri = g_strdup (block->image_uri);
  head.ministry = texts[0];
  head.office = texts[1];
  head.address = texts[2];
  head.contact = texts[3];
  head.logo_uri = uri;
  rapat_html_letterhead (out, &head);
}

/* A title: the first line as the page's heading, the others under it. */
static void
title_html (FILE *out, const RapatLayoutBlock *block)
{
  fputs ("<div", out);
  block_attrs (out, block, "title");
  fputs (">", out);
  for (guint i = 0; i < block->texts->len; i++)
    {
      fputs (i == 0 ? "<h1>" : "<p>", out);
      rapat_html_escape (out, block->texts->pdata[i]);
      fputs (i == 0 ? "</h1>" : "</p>", out);
    }
  fputs ("</div>\n", out);
}

/* A heading, a paragraph (one <p> a line) or a banner. */
static void
text_html (FILE *out, const RapatLayoutBlock *block)
{
  for (guint i = 0; i < block->texts->len; i++)
    {
      const char *tag = block->kind == RAPAT_LAYOUT_HEADING ? "h2" : "p";
      const char *klass = block->kind == RAPAT_LAYOUT_BANNER ? "banner"
                          : block->kind == RAPAT_LAYOUT_HEADING ? NULL
                          : block->align == RAPAT_ALIGN_CENTER ? "c"
                          : block->align == RAPAT_ALIGN_RIGHT ? "r" : NULL;

      fprintf (out, "<%s", tag);
      if (i == 0)
        block_attrs (out, block, klass);
      else if (klass != NULL)
        fprintf (out, " class=\"%s\"", klass);
      if (i > 0 && block->indent > 0)
        {
          fputs (" style=\"", out);
          percent (out, "margin-left", block->indent);
          fputs ("\"", out);
        }
      fputs (">", out);
      lines (out, block->texts->pdata[i], FALSE);
      fprintf (out, "</%s>\n", tag);
    }
}

/* TRUE when a line of @block hangs after a mark. */
static gboolean
has_marks (const RapatLayoutBlock *block)
{
  for (guint i = 0; i < block->marks->len; i++)
    if (block->marks->pdata[i] != NULL)
      return TRUE;
  return FALSE;
}

/* The mark cell and the text cell of a line of a LIST or FIELDS block
 * with marks; the text spans both when the line has no mark. */
static void
marked_cells (FILE *out, const char *mark, const char *text, const char *text_class)
{
  if (mark != NULL)
    {
      fputs ("<td class=\"mark\">", out);
      rapat_html_escape (out, mark);
      fprintf (out, "</td><td class=\"%s\">", text_class);
    }
  else
    fprintf (out, "<td class=\"%s\" colspan=\"2\">", text_class);
  lines (out, text, FALSE);
  fputs ("</td>", out);
}

/* Label : value lines; a line without a label continues the value above. */
static void
fields_html (FILE *out, const RapatLayoutBlock *block)
{
  gboolean marks = has_marks (block);

  fputs ("<table", out);
  block_attrs (out, block, "fields");
  fputs (">\n", out);
  for (guint i = 0; i + 1 < block->texts->len; i += 2)
    {
      const char *label = block->texts->pdata[i];
      const char *mark = i / 2 < block->marks->len ? block->marks->pdata[i / 2] : NULL;

      fputs ("<tr><td class=\"label\">", out);
      rapat_html_escape (out, label);
      fprintf (out, "</td><td class=\"colon\">%s</td>", *label != '\0' ? ":" : "");
      if (marks)
        marked_cells (out, mark, block->texts->pdata[i + 1], "value");
      else
        {
          fputs ("<td class=\"value\">", out);
          lines (out, block->texts->pdata[i + 1], FALSE);
          fputs ("</td>", out);
        }
      fputs ("</tr>\n", out);
    }
  fputs ("</table>\n", out);
}

/* Numbered lines: the marks right-aligned in a column, the texts after. */
static void
list_html (FILE *out, const RapatLayoutBlock *block)
{
  fputs ("<table", out);
  block_attrs (out, block, "list");
  fputs (">\n", out);
  for (guint i = 0; i < block->texts->len; i++)
    {
      fputs ("<tr>", out);
      marked_cells (out, i < block->marks->len ? block->marks->pdata[i] : NULL,
                    block->texts->pdata[i], "text");
      fputs ("</tr>\n", out);
    }
  fputs ("</table>\n", out);
}

/* One cell of a table (<th> in the header), spanning what its span says. */
static void
cell_html (FILE *out, const RapatLayoutCell *cell, guint span, gboolean header)
{
  const char *tag = header ? "th" : "td";
  g_autoptr(GString) classes = g_string_new (NULL);

  if (header)
    {
      /* A header cell is centred unless the layout says otherwise. */
      if (cell->align == RAPAT_ALIGN_LEFT || cell->align == RAPAT_ALIGN_MIDDLE)
        g_string_append (classes, "l ");
      else if (cell->align == RAPAT_ALIGN_RIGHT)
        g_string_append (classes, "r ");
    }
  else
    {
      if (cell->align == RAPAT_ALIGN_CENTER)
        g_string_append (classes, "c ");
      else if (cell->align == RAPAT_ALIGN_RIGHT)
        g_string_append (classes, "r ");
      /* A first line alone (a name without a NIP) is bold whole. */
      if (cell->bold || (cell->first_bold && cell->text != NULL && strchr (cell->text, '\n') == NULL))
        g_string_append (classes, "b ");
      if (cell->italic)
        g_string_append (classes, "i ");
    }
  if (classes->len > 0)
    g_string_truncate (classes, classes->len - 1);
  fprintf (out, "<%s", tag);
  if (classes->len > 0)
    fprintf (out, " class=\"%s\"", classes->str);
  if (span > 1)
    fprintf (out, " colspan=\"%u\"", span);
  fputs (">", out);
  if (cell->align == RAPAT_ALIGN_MIDDLE && !header)
    fputs ("<div class=\"mid\">", out);
  lines (out, cell->text, cell->first_bold);
  if (cell->align == RAPAT_ALIGN_MIDDLE && !header)
    fputs ("</div>", out);
  if (cell->note != NULL && *cell->note != '\0')
    {
      fprintf (out, "<div class=\"note%s\">", cell->note_alert ? " alert" : "");
      lines (out, cell->note, FALSE);
      fputs ("</div>", out);
    }
  fprintf (out, "</%s>", tag);
}

/* The cells of one row of @t (its header when @header). */
static void
cells_html (FILE *out, const RapatLayoutTable *t, const RapatLayoutCell *cells, gboolean header)
{
  for (guint c = 0; c < t->n_cols;)
    {
      guint span = CLAMP (cells[c].span, 1, t->n_cols - c);

      cell_html (out, &cells[c], span, header);
      c += span;
    }
}

/* Writes the style attribute of a font size of @size points (0: none). */
static void
font_size (FILE *out, double size)
{
  if (size <= 0)
    return;
  fputs (" style=\"", out);
  points (out, "font-size", size);
  fputs ("\"", out);
}

/* A table: its column widths, the header in <thead> (repeated on every
 * printed page), one row each, none split across pages. */
static void
table_html (FILE *out, const RapatLayoutBlock *block)
{
  const RapatLayoutTable *t = block->table;
  static const char *const row_class[] = { NULL, "total", "group", "quiet" };

  fputs ("<table", out);
  block_attrs (out, block, "grid");
  fputs (">\n<colgroup>", out);
  for (guint c = 0; c < t->n_cols; c++)
    {
      fputs ("<col style=\"", out);
      percent (out, "width", t->widths[c]);
      fputs ("\"/>", out);
    }
  /* The size on the header and the body, as the PDF sets both: the
   * table's own element may carry a style already. */
  fputs ("</colgroup>\n<thead", out);
  font_size (out, t->font_size);
  fputs ("><tr>", out);
  cells_html (out, t, t->header, TRUE);
  fputs ("</tr></thead>\n<tbody", out);
  font_size (out, t->font_size);
  fputs (">\n", out);
  for (guint i = 0; i < t->rows->len; i++)
    {
      const RapatLayoutRow *row = t->rows->pdata[i];
      const char *klass = (guint) row->kind < G_N_ELEMENTS (row_class) ? row_class[row->kind] : NULL;

      fputs ("<tr", out);
      if (klass != NULL)
        fprintf (out, " class=\"%s\"", klass);
      if (t->min_row_height > 0)
        {
          fputs (" style=\"", out);
          points (out, "height", t->min_row_height);
          fputs ("\"", out);
        }
      fputs (">", out);
      cells_html (out, t, row->cells, FALSE);
      fputs ("</tr>\n", out);
    }
  fputs ("</tbody>\n</table>\n", out);
}

/* The geometry of a chart, in the units of its SVG drawing (640 wide:
 * the text width): the labels' column, the bars', a line's height, the
 * ticks' above the bars and under them. */
#define CHART_W RAPAT_LAYOUT_CHART_W
#define CHART_BAR_X RAPAT_LAYOUT_CHART_BAR_X
#define CHART_BAR_W RAPAT_LAYOUT_CHART_BAR_W
#define CHART_ROW_H RAPAT_LAYOUT_CHART_ROW_H
#define CHART_HEAD_H 16
#define CHART_FOOT_H 24

/* Starts a table row holding an SVG drawing @height high, as wide as the
 * text and scaled to it (its style on it: the page's style sheet is
 * every paper's).  Its texts are written a line each: read as the row's
 * text, they stand apart. */
static void
chart_svg_begin (FILE *out, int height)
{
  fprintf (out, "<tr><td style=\"padding:0;border:none\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
                "style=\"display:block;width:100%%;height:auto\" width=\"%d\" height=\"%d\" "
                "viewBox=\"0 0 %d %d\" font-family=\"Noto Sans, DejaVu Sans, Arial, sans-serif\" "
                "font-size=\"11\">\n", CHART_W, height, CHART_W, height);
}

/* Writes the gridlines at 0, 25, 50, 75 and 100 %, from @y1 to @y2. */
static void
chart_gridlines (FILE *out, int y1, int y2)
{
  for (int pct = 0; pct <= 100; pct += 25)
    {
      int x = CHART_BAR_X + CHART_BAR_W * pct / 100;

      fprintf (out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#%06x\"/>", x, y1,
               x, y2, RAPAT_LAYOUT_CHART_GRID);
    }
}

/* Writes the ticks' labels ("0%" to "100%") centred on their gridlines,
 * on the baseline @y. */
static void
chart_ticks (FILE *out, int y)
{
  for (int pct = 0; pct <= 100; pct += 25)
    fprintf (out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#%06x\">%d%%</text>\n",
             CHART_BAR_X + CHART_BAR_W * pct / 100, y, RAPAT_LAYOUT_CHART_TICK, pct);
}

/* A horizontal bar chart, as the PDF draws it: a table of inline SVG
 * drawings, so that a printed page breaks it between bars; the ticks in
 * its header (repeated above the bars of every page), a row a bar (the
 * label, escaped and cut when long, right-aligned before the bar, the
 * value after it, the gridlines through it), the ticks again under the
 * last bar.  The table is one image to a reader that cannot see it,
 * named by the chart's title. */
static void
chart_html (FILE *out, const RapatLayoutBlock *block)
{
  const RapatLayoutChart *chart = block->chart;

  fputs ("<table", out);
  block_attrs_style (out, block, "chart", "border-collapse:collapse;border:none;width:100%;margin:0;");
  fputs (" role=\"img\" aria-label=\"", out);
  rapat_html_escape (out, chart->title);
  fputs ("\">\n<thead>", out);
  chart_svg_begin (out, CHART_HEAD_H);
  chart_ticks (out, 10);
  chart_gridlines (out, 12, CHART_HEAD_H);
  fputs ("</svg></td></tr></thead>\n<tbody>\n", out);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const RapatLayoutBar *bar = chart->bars->pdata[i];
      int w = bar->value > 0 ? (int) (MIN (bar->value, 1.0) * CHART_BAR_W + 0.5) : 0;

      chart_svg_begin (out, CHART_ROW_H);
      chart_gridlines (out, 0, CHART_ROW_H);
      fprintf (out, "<text x=\"%d\" y=\"14\" text-anchor=\"end\">", CHART_BAR_X - 6);
      rapat_html_escape (out, bar->label);
      fprintf (out, "</text>\n<rect x=\"%d\" y=\"3\" width=\"%d\" height=\"%d\" fill=\"#%06x\"/>"
                    "<text x=\"%d\" y=\"14\">", CHART_BAR_X, w, CHART_ROW_H - 6, bar->rgb,
               CHART_BAR_X + w + 4);
      rapat_html_escape (out, bar->text);
      fputs ("</text></svg></td></tr>\n", out);
    }
  chart_svg_begin (out, CHART_FOOT_H);
  chart_gridlines (out, 0, 6);
  chart_ticks (out, 20);
  fputs ("</svg></td></tr>\n</tbody>\n</table>\n", out);
}

/* The signature block, as every HTML paper writes it. */
static void
signatures_html (FILE *out, const RapatLayoutBlock *block)
{
  guint n = block->signatures->len;
  g_autofree RapatSignature *sigs = g_new0 (RapatSignature, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const RapatLayoutSignature *s = block->signatures->pdata[i];

      sigs[i].above = s->above;
      sigs[i].title = s->title;
      sigs[i].name = s->name;
      sigs[i].below = s->below;
    }
  if (block->space_before > 0)
    {
      fputs ("<div style=\"", out);
      points (out, "height", block->space_before);
      fputs ("\"></div>\n", out);
    }
  rapat_html_signatures (out, sigs, n);
}

/* The style of the footer's margin boxes: the PDF's small grey type over
 * a thin rule. */
#define MARGIN_BOX_STYLE \
  "font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#4d4d4d;" \
  "vertical-align:top;padding-top:4pt;border-top:.5pt solid #4d4d4d"

/* Writes the head of the page: its title, the style, the page's margin
 * boxes with the printing time and the page numbers. */
static void
head_html (FILE *out, const RapatLayout *doc)
{
  fprintf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                "<meta name=\"generator\" content=\"", doc->lang);
  rapat_html_escape (out, doc->creator);
  fputs ("\"/>\n", out);
  if (doc->author != NULL)
    {
      fputs ("<meta name=\"author\" content=\"", out);
      rapat_html_escape (out, doc->author);
      fputs ("\"/>\n", out);
    }
  fputs ("<title>", out);
  rapat_html_escape (out, doc->title);
  fprintf (out, "</title>\n<style>%s", layout_style);
  /* The margin boxes repeat on every printed page where the browser draws
   * them (Chromium does; others leave them out and print the page alone). */
  fprintf (out, "@page{size:A4 %s;margin:2cm;", doc->landscape ? "landscape" : "portrait");
  if (doc->footer != NULL)
    {
      fputs ("@bottom-left{content:\"", out);
      css_string (out, doc->footer);
      fputs ("\";" MARGIN_BOX_STYLE "}", out);
    }
  if (doc->page_label != NULL)
    {
      fputs ("@bottom-right{content:", out);
      css_page_label (out, doc->page_label);
      fputs (";" MARGIN_BOX_STYLE "}", out);
    }
  fputs ("}</style>\n</head>\n", out);
}

void
rapat_layout_html (FILE *out, const RapatLayout *doc)
{
  head_html (out, doc);
  fprintf (out, "<body%s>\n", doc->landscape ? " class=\"landscape\"" : "");
  if (doc->watermark != NULL)
    {
      /* A fixed element is printed on every page (Chromium, Firefox). */
      fputs ("<div class=\"watermark\" aria-hidden=\"true\">", out);
      rapat_html_escape (out, doc->watermark);
      fputs ("</div>\n", out);
    }
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const RapatLayoutBlock *block = doc->blocks->pdata[i];

      switch (block->kind)
        {
        case RAPAT_LAYOUT_LETTERHEAD:
          letterhead_html (out, block);
          break;
        case RAPAT_LAYOUT_TITLE:
          title_html (out, block);
          break;
        case RAPAT_LAYOUT_FIELDS:
          fields_html (out, block);
          break;
        case RAPAT_LAYOUT_TABLE:
          table_html (out, block);
          break;
        case RAPAT_LAYOUT_SIGNATURES:
          signatures_html (out, block);
          break;
        case RAPAT_LAYOUT_LIST:
          list_html (out, block);
          break;
        case RAPAT_LAYOUT_CHART:
          chart_html (out, block);
          break;
        case RAPAT_LAYOUT_HEADING:
        case RAPAT_LAYOUT_PARAGRAPH:
        case RAPAT_LAYOUT_BANNER:
        default:
          text_html (out, block);
          break;
        }
    }
  /* On screen, the printing time the printed pages carry in their margin. */
  if (doc->footer != NULL)
    {
      fputs ("<footer class=\"printed\">", out);
      rapat_html_escape (out, doc->footer);
      fputs ("</footer>\n", out);
    }
  fputs ("</body>\n</html>\n", out);
}
