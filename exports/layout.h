/* rapat — the layout of a printed paper: a document of blocks (export layer).
 *
 * Pure data, no drawing: a writer builds a RapatLayout from model values
 * (the sign-in sheet, the attendance reports of a meeting and of a
 * period, the notulen, the invitation, the programme, the actions
 * matrix); the PDF module (pdf/rapat-pdf.h) paginates and draws it on A4
 * with Cairo and Pango, and rapat_layout_html() (layout-html.h) writes it
 * as one HTML page, so that the two papers say the same.  Text, tables,
 * lists, signatures and a bar chart (CHART: a period's attendance rates)
 * are blocks.  The module reads these structs and calls none of the
 * functions below, which live in rapat's library: a change to a struct
 * or a constant here raises RAPAT_PDF_ABI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RAPAT_LAYOUT_LETTERHEAD,   /* up to four lines, a logo, the double rule */
  RAPAT_LAYOUT_TITLE,        /* centred bold lines */
  RAPAT_LAYOUT_HEADING,      /* a bold line on the left, above a table */
  RAPAT_LAYOUT_FIELDS,       /* label : value lines */
  RAPAT_LAYOUT_PARAGRAPH,    /* wrapped text */
  RAPAT_LAYOUT_TABLE,
  RAPAT_LAYOUT_SIGNATURES,   /* never split; right half for one signatory */
  RAPAT_LAYOUT_BANNER,       /* a framed line, e.g. the cancelled mark */
  RAPAT_LAYOUT_LIST,         /* numbered lines: each text after its mark, wrapped under itself */
  RAPAT_LAYOUT_CHART,        /* a horizontal bar chart: a label, a bar and its value a line,
                              * gridlines and ticks at 0, 25, 50, 75 and 100 %; split
                              * between bars across pages */
} RapatLayoutKind;

typedef enum {
  RAPAT_ALIGN_LEFT,
  RAPAT_ALIGN_CENTER,
  RAPAT_ALIGN_RIGHT,
  RAPAT_ALIGN_MIDDLE,        /* left-aligned from the middle of the cell: the even
                              * numbers of a sign-in sheet's signature column */
} RapatLayoutAlign;

/* One cell: its text may hold newlines (a name over its NIP). */
typedef struct {
  char *text;                /* or NULL: empty */
  RapatLayoutAlign align;
  gboolean bold;             /* the first line only when @first_bold */
  gboolean first_bold;
  gboolean italic;
  char *note;                /* smaller lines under the text ("Isu: ..."), or NULL */
  gboolean note_alert;       /* the note in bold red: a warning ("overdue") */
  guint span;                /* the columns it covers (0 or 1: its own); the cells it
                              * covers are not drawn */
} RapatLayoutCell;

typedef enum {
  RAPAT_ROW_NORMAL,
  RAPAT_ROW_TOTAL,           /* bold, never alone at the top of a page */
  RAPAT_ROW_GROUP,           /* bold and shaded, never alone at the foot of a page: a
                              * group's heading (a day, an owner) */
  RAPAT_ROW_QUIET,           /* italic and lightly shaded: a break in a programme */
} RapatLayoutRowKind;

typedef struct {
  RapatLayoutCell *cells;    /* n_cols of them */
  RapatLayoutRowKind kind;
} RapatLayoutRow;

typedef struct {
  guint n_cols;
  double *widths;            /* fractions of the text width, summing to 1 */
  RapatLayoutCell *header;   /* n_cols: repeated at the top of every page */
  GPtrArray *rows;           /* RapatLayoutRow: split across pages only when taller
                              * than a page, under the repeated header */
  double min_row_height;     /* points; a sign-in sheet's rows leave room to sign */
  double font_size;          /* points; 0: 9.5 */
  guint keep_first;          /* the header stays with this many first rows */
} RapatLayoutTable;

/* One signatory: the lines above the room to sign, the name, the lines under. */
typedef struct {
  char *above;               /* "Ambon, 2 September 2025", or NULL */
  char *title;               /* "Pimpinan Rapat," */
  char *name;                /* NULL: a dotted line */
  char *below;               /* "NIP 19700101 ...", or NULL */
} RapatLayoutSignature;

/* One bar of a CHART. */
typedef struct {
  char *label;               /* on the left: a person's or a unit's name, cut after
                              * RAPAT_LAYOUT_CHART_LABEL_MAX characters with an ellipsis */
  double value;              /* the bar's length, 0 to 1; below 0: no value, no bar */
  char *text;                /* after the bar: the value for people ("87,5%", "-") */
  guint rgb;                 /* the bar's colour (0xRRGGBB), by the chart's thresholds */
} RapatLayoutBar;

/* A bar is green from @good up, amber from @fair up, red below: these
 * colours (0xRRGGBB), the gridlines' and the ticks'. */
#define RAPAT_LAYOUT_CHART_GOOD 0x3a7d44
#define RAPAT_LAYOUT_CHART_FAIR 0xc9a227
#define RAPAT_LAYOUT_CHART_POOR 0xb03a2e
#define RAPAT_LAYOUT_CHART_GRID 0xcccccc
#define RAPAT_LAYOUT_CHART_TICK 0x555555
/* A label longer than this many characters is cut, with an ellipsis (and
 * the PDF cuts one that is still wider than its column). */
#define RAPAT_LAYOUT_CHART_LABEL_MAX 34
/* A chart's geometry, in the units of a drawing as wide as the text
 * (RAPAT_LAYOUT_CHART_W): the labels' column ends at BAR_X, the bars run
 * BAR_W from there, a bar's line is ROW_H high. */
#define RAPAT_LAYOUT_CHART_W 640
#define RAPAT_LAYOUT_CHART_BAR_X 230
#define RAPAT_LAYOUT_CHART_BAR_W 360
#define RAPAT_LAYOUT_CHART_ROW_H 20

/* A horizontal bar chart of values from 0 to 1 (rates), one bar a line. */
typedef struct {
  char *title;               /* what it shows, for a reader who cannot see it */
  GPtrArray *bars;           /* RapatLayoutBar, top to bottom */
  double good;               /* a bar of this value or more is green (0.8) */
  double fair;               /* this or more and below @good, amber (0.5); below, red */
} RapatLayoutChart;

typedef struct {
  RapatLayoutKind kind;
  GPtrArray *texts;          /* char *: the lines; FIELDS: label, value, label, value...;
                              * a FIELDS line with an empty label continues the value
                              * above it (no colon) */
  GPtrArray *marks;          /* char * or NULL, one per line of a LIST or FIELDS block:
                              * the mark ("1.") the line's text hangs after */
  RapatLayoutAlign align;    /* PARAGRAPH: LEFT (justified), CENTER or RIGHT */
  char *image_uri;           /* LETTERHEAD: the logo as a base64 data: URI, or NULL: the
                              * HTML shows it, the PDF draws it (PNG, JPEG or SVG) */
  char *image_name;          /* LETTERHEAD: the logo's file as messages name it, or NULL */
  RapatLayoutTable *table;   /* TABLE */
  GPtrArray *signatures;     /* SIGNATURES: RapatLayoutSignature */
  gboolean keep_with_next;   /* never the last thing on a page */
  double space_before;       /* points */
  double indent;             /* PARAGRAPH, FIELDS, LIST: from the left margin, a
                              * fraction of the text width */
  gboolean new_page;         /* starts on a page of its own (an attachment) */
  RapatLayoutChart *chart;   /* CHART */
} RapatLayoutBlock;

/* A document. */
typedef struct {
  char *lang;                /* "id" or "en" */
  char *title;               /* the PDF's title */
  char *author;              /* the organisation, or "rapat" */
  char *creator;             /* "rapat 0.1.0" */
  gint64 created;            /* seconds since the epoch: the creation date */
  char *created_zone;        /* "+09:00": the zone the date is written in */
  char *footer;              /* at the bottom left of every page: the printing time */
  char *page_label;          /* "Halaman {page} dari {pages}" */
  char *watermark;           /* across every page ("DIBATALKAN"), or NULL */
  gboolean landscape;        /* A4 landscape rather than portrait */
  GPtrArray *blocks;         /* RapatLayoutBlock */
} RapatLayout;

/* Returns a new empty document in @lang, titled @title. */
RapatLayout *rapat_layout_new (const char *lang, const char *title);
void rapat_layout_free (RapatLayout *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatLayout, rapat_layout_free)

/* Sets the printing time (the footer, in @lang's words) and the creation
 * date of @doc: @now (seconds since the epoch) shown in @tz. */
void rapat_layout_set_printed (RapatLayout *doc, gint64 now, GTimeZone *tz);

/* Adds a block of @kind and returns it (owned by @doc). */
RapatLayoutBlock *rapat_layout_add (RapatLayout *doc, RapatLayoutKind kind);

/* Returns the block added last to @doc (owned by @doc): to set how it
 * sits on the page after a builder added it. */
RapatLayoutBlock *rapat_layout_last (RapatLayout *doc);

/* Adds a line of text to @block (copied; NULL adds an empty line). */
void rapat_layout_text (RapatLayoutBlock *block, const char *text);

/* Adds the line "@label : @value" to a FIELDS block. */
void rapat_layout_field (RapatLayoutBlock *block, const char *label, const char *value);

/* Adds to a FIELDS block the line "@label : @mark @text", @text wrapped
 * under itself: an item of a list in a field.  An empty @label continues
 * the value of the line above (no colon). */
void rapat_layout_field_item (RapatLayoutBlock *block, const char *label, const char *mark,
                              const char *text);

/* Adds @text after @mark ("1.") to a LIST block. */
void rapat_layout_item (RapatLayoutBlock *block, const char *mark, const char *text);

/* Adds a table of @n_cols columns of the given @widths (fractions) to
 * @doc, with its @header cells' texts, and returns it. */
RapatLayoutTable *rapat_layout_table (RapatLayout *doc, guint n_cols, const double *widths,
                                      const char *const *header);

/* Adds a row to @table and returns its cells (n_cols, empty and left
 * aligned), to fill with rapat_layout_cell(). */
RapatLayoutRow *rapat_layout_row (RapatLayoutTable *table, RapatLayoutRowKind kind);

/* Sets cell @col of @row to @text (copied) with @align. */
void rapat_layout_cell (RapatLayoutRow *row, guint col, const char *text, RapatLayoutAlign align);

/* Sets the smaller lines under the text of cell @col of @row to @note
 * (copied; NULL: none), in bold red when @alert. */
void rapat_layout_cell_note (RapatLayoutRow *row, guint col, const char *note, gboolean alert);

/* Adds a horizontal bar chart titled @title (what it shows, said to a
 * reader who cannot see it) to @doc and returns it: green from 80 %,
 * amber from 50 %, red below. */
RapatLayoutChart *rapat_layout_chart (RapatLayout *doc, const char *title);

/* Adds a bar to @chart: @label, @value from 0 to 1 (below 0: no value,
 * no bar; above 1: drawn as 1) and @text, the value for people ("87,5%");
 * the strings are copied. */
void rapat_layout_bar (RapatLayoutChart *chart, const char *label, double value,
                       const char *text);

/* Adds a signatory to a SIGNATURES block (the strings are copied). */
void rapat_layout_signature (RapatLayoutBlock *block, const char *above, const char *title,
                             const char *name, const char *below);

G_END_DECLS
