/* rapat — the PDF module: a RapatLayout paginated and drawn on A4 with
 * Cairo (the PDF surface) and Pango (the text). */
#include "config.h"
#include "rapat-pdf.h"
#include "pdf-private.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

/* A4 portrait in points, and the 2 cm margins. */
#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN 56.6929
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define TOP MARGIN
#define BOTTOM (PAGE_H - MARGIN)

/* The faces: Noto where installed, DejaVu otherwise (fontconfig chooses). */
#define SANS "Noto Sans, DejaVu Sans"
#define SERIF "Noto Serif, DejaVu Serif"

/* Padding inside a table cell, points. */
#define PAD_X 4.0
#define PAD_Y 3.0

typedef enum {
  ITEM_TEXT,
  ITEM_LINE,
  ITEM_RECT,
  ITEM_FILL,
  ITEM_IMAGE,
} ItemKind;

/* One thing drawn in a box, at a position relative to the box's top left. */
typedef struct {
  ItemKind kind;
  double x, y, w, h;        /* LINE: from (x, y) by (w, h); RECT, FILL, IMAGE: the box */
  double line_width;
  PangoLayout *layout;      /* TEXT */
  cairo_surface_t *image;   /* IMAGE */
  gboolean red;             /* TEXT, RECT: in the red of a warning */
} Item;

/* A piece of the document never split across pages: a letterhead, a line
 * of title or fields, a table's header or row, a signature block. */
typedef struct {
  GArray *items;            /* Item */
  double height;
  double space_before;      /* left out at the top of a page */
  gboolean keep_next;       /* on the same page as the next box */
  int header;               /* the box drawn above it when it starts a page, or -1 */
  guint page;               /* where pagination put it */
  double y;
  gboolean header_above;    /* it starts a page under a repeated header */
} Box;

/* What the drawing needs throughout. */
typedef struct {
  cairo_t *cr;
  PangoContext *context;
  GPtrArray *boxes;         /* Box */
} Render;

/* Frees one item. */
static void
item_clear (gpointer data)
{
  Item *it = data;

  g_clear_object (&it->layout);
  g_clear_pointer (&it->image, cairo_surface_destroy);
}

/* Frees one box. */
static void
box_free (gpointer data)
{
  Box *b = data;

  g_array_unref (b->items);
  g_free (b);
}

/* Adds a new box to @r and returns it. */
static Box *
box_new (Render *r, double space_before)
{
  Box *b = g_new0 (Box, 1);

  b->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (b->items, item_clear);
  b->space_before = space_before;
  b->header = -1;
  g_ptr_array_add (r->boxes, b);
  return b;
}

/* Every layout is set at this size and drawn scaled to its own: Pango
 * sorts the fonts fontconfig offers once per family, weight and size (in a
 * thread of its own each time), which cost more than drawing the sheet. */
#define BASE_SIZE 10.0

/* Returns the scale at which @layout is drawn. */
static double
layout_scale (PangoLayout *layout)
{
  double *scale = g_object_get_data (G_OBJECT (layout), "rapat-scale");

  return scale != NULL ? *scale : 1.0;
}

/* Returns a layout of @text in @family at @size points, @bold, wrapped to
 * @width points (0: not wrapped) and aligned as @align. */
static PangoLayout *
text_layout (Render *r, const char *text, const char *family, double size, gboolean bold,
             double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (r->context);
  PangoFontDescription *font = pango_font_description_from_string (family);
  double *scale = g_new (double, 1);

  *scale = size / BASE_SIZE;
  g_object_set_data_full (G_OBJECT (layout), "rapat-scale", scale, g_free);
  pango_font_description_set_absolute_size (font, BASE_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width / *scale * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Returns the width and height of @layout in points, as drawn. */
static void
layout_size (PangoLayout *layout, double *width, double *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE * layout_scale (layout);
  if (height != NULL)
    *height = (double) h / PANGO_SCALE * layout_scale (layout);
}

/* Returns the height of @layout in points, as drawn. */
static double
layout_height (PangoLayout *layout)
{
  double h;

  layout_size (layout, NULL, &h);
  return h;
}

/* Draws @layout with its top left at (@x, @y). */
static void
show_layout (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  double scale = layout_scale (layout);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Adds @layout to @b at (@x, @y); returns its height. */
static double
add_text (Box *b, PangoLayout *layout, double x, double y)
{
  Item it = { ITEM_TEXT, x, y, 0, 0, 0, layout, NULL };

  g_array_append_val (b->items, it);
  return layout_height (layout);
}

/* Adds a line from (@x, @y) by (@w, @h) of @width points to @b. */
static void
add_line (Box *b, double x, double y, double w, double h, double width)
{
  Item it = { ITEM_LINE, x, y, w, h, width, NULL, NULL };

  g_array_append_val (b->items, it);
}

/* Adds a rectangle to @b: stroked, or filled light grey with @fill. */
static void
add_rect (Box *b, double x, double y, double w, double h, gboolean fill)
{
  Item it = { fill ? ITEM_FILL : ITEM_RECT, x, y, w, h, 0.6, NULL, NULL };

  g_array_append_val (b->items, it);
}

/* What reading a PNG from memory needs. */
typedef struct {
  const guint8 *data;
  gsize len, at;
} PngRead;

/* Cairo's read callback over a PngRead. */
static cairo_status_t
png_read (void *closure, unsigned char *data, unsigned int length)
{
  PngRead *p = closure;

  if (p->len - p->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, p->data + p->at, length);
  p->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The letterhead: the logo on the left, the lines centred, the double rule. */
static gboolean
letterhead_box (Render *r, const RapatLayoutBlock *block, GError **error)
{
  static const double sizes[] = { 12.0, 13.5, 9.0, 9.0 };
  Box *b = box_new (r, 0);
  double logo_w = 0, logo_h = 0, y = 0;

  if (block->image != NULL)
    {
      gsize len;
      PngRead p = { g_bytes_get_data (block->image, &len), 0, 0 };
      cairo_surface_t *image;
      Item it = { ITEM_IMAGE, 0, 0, 0, 0, 0, NULL, NULL };
      double scale;

      p.len = len;
      image = cairo_image_surface_create_from_png_stream (png_read, &p);
      if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_IMAGE,
                       _("the letterhead's logo: not a PNG image Cairo can read (%s)"),
                       cairo_status_to_string (cairo_surface_status (image)));
          cairo_surface_destroy (image);
          return FALSE;
        }
      /* At most 2.2 cm wide and 2.4 cm high, as the HTML letterhead. */
      scale = MIN (62.4 / cairo_image_surface_get_width (image),
                   68.0 / cairo_image_surface_get_height (image));
      logo_w = cairo_image_surface_get_width (image) * scale;
      logo_h = cairo_image_surface_get_height (image) * scale;
      it.w = logo_w;
      it.h = logo_h;
      it.image = image;
      g_array_append_val (b->items, it);
    }
  for (guint i = 0; i < block->texts->len && i < G_N_ELEMENTS (sizes); i++)
    {
      const char *line = block->texts->pdata[i];
      g_autofree char *upper = NULL;
      /* Centred on the page; beside a logo, centred in the room it leaves
       * when the line would not fit between it and its mirror. */
      double indent = logo_w > 0 ? logo_w + 6 : 0;

      if (*line == '\0')
        continue;
      /* The organisation's names in capitals, as a kop surat has them. */
      if (i < 2)
        upper = g_utf8_strup (line, -1);
      {
        PangoLayout *layout = NULL;

        /* A long name is set smaller rather than broken over two lines,
         * down to three quarters of its size. */
        for (double size = sizes[i]; layout == NULL || size >= sizes[i] * 0.8; size -= 0.5)
          {
            g_clear_object (&layout);
            layout = text_layout (r, upper != NULL ? upper : line, i < 2 ? SERIF : SANS, size,
                                  i < 2, TEXT_W - 2 * indent, PANGO_ALIGN_CENTER);
            if (pango_layout_get_line_count (layout) == 1)
              break;
            g_clear_object (&layout);
            layout = text_layout (r, upper != NULL ? upper : line, i < 2 ? SERIF : SANS, size,
                                  i < 2, TEXT_W - indent, PANGO_ALIGN_CENTER);
            if (pango_layout_get_line_count (layout) == 1)
              break;
          }
        y += add_text (b, layout, indent, y);
      }
    }
  /* The lines centred against the logo's height. */
  if (logo_h > y)
    {
      double shift = (logo_h - y) / 2;

      for (guint i = 0; i < b->items->len; i++)
        if (g_array_index (b->items, Item, i).kind == ITEM_TEXT)
          g_array_index (b->items, Item, i).y += shift;
      y = logo_h;
    }
  else if (logo_h > 0)
    g_array_index (b->items, Item, 0).y = (y - logo_h) / 2;
  y += 4;
  add_line (b, 0, y, TEXT_W, 0, 2.25);
  add_line (b, 0, y + 3, TEXT_W, 0, 0.75);
  b->height = y + 14;
  return TRUE;
}

/* One box per line of a title, centred and bold. */
static void
title_boxes (Render *r, const RapatLayoutBlock *block)
{
  for (guint i = 0; i < block->texts->len; i++)
    {
      Box *b = box_new (r, i == 0 ? block->space_before : 0);

      b->height = add_text (b, text_layout (r, block->texts->pdata[i], SANS, i == 0 ? 13.0 : 11.0,
                                            TRUE, TEXT_W, PANGO_ALIGN_CENTER), 0, 0);
      if (i + 1 == block->texts->len)
        b->height += 8;
      b->keep_next = i + 1 < block->texts->len || block->keep_with_next;
    }
}

/* One box per line of a paragraph, a heading or a banner. */
static void
text_boxes (Render *r, const RapatLayoutBlock *block)
{
  gboolean heading = block->kind == RAPAT_LAYOUT_HEADING;
  gboolean banner = block->kind == RAPAT_LAYOUT_BANNER;

  for (guint i = 0; i < block->texts->len; i++)
    {
      Box *b = box_new (r, i == 0 ? block->space_before : 2);
      PangoLayout *layout = text_layout (r, block->texts->pdata[i], SANS, heading ? 11.0 : 10.0,
                                         heading || banner, banner ? TEXT_W - 16 : TEXT_W,
                                         banner ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);

      if (!heading && !banner)
        pango_layout_set_justify (layout, TRUE);
      b->height = add_text (b, layout, banner ? 8 : 0, banner ? 5 : 0);
      if (banner)
        {
          b->height += 10;
          add_rect (b, 0, 0, TEXT_W, b->height, FALSE);
          g_array_index (b->items, Item, 0).red = TRUE;
          g_array_index (b->items, Item, 1).red = TRUE;
          g_array_index (b->items, Item, 1).line_width = 2;
          b->height += 6;
        }
      b->keep_next = heading || (i + 1 == block->texts->len && block->keep_with_next);
    }
}

/* One box per "label : value" line, the values in one column after the
 * widest label; the lines are kept together. */
static void
fields_boxes (Render *r, const RapatLayoutBlock *block)
{
  double label_w = 0;
  guint n = block->texts->len / 2;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) l = text_layout (r, block->texts->pdata[2 * i], SANS, 10.5, FALSE, 0,
                                              PANGO_ALIGN_LEFT);
      double w;

      layout_size (l, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, TEXT_W / 3);
  for (guint i = 0; i < n; i++)
    {
      Box *b = box_new (r, i == 0 ? block->space_before : 0);
      double h1, h2;

      h1 = add_text (b, text_layout (r, block->texts->pdata[2 * i], SANS, 10.5, FALSE, label_w,
                                     PANGO_ALIGN_LEFT), 0, 0);
      add_text (b, text_layout (r, ":", SANS, 10.5, FALSE, 0, PANGO_ALIGN_LEFT), label_w + 6, 0);
      h2 = add_text (b, text_layout (r, block->texts->pdata[2 * i + 1], SANS, 10.5, FALSE,
                                     TEXT_W - label_w - 18, PANGO_ALIGN_LEFT), label_w + 18, 0);
      b->height = MAX (h1, h2) + 1.5;
      b->keep_next = i + 1 < n || block->keep_with_next;
    }
}

/* Returns the Pango alignment of a cell aligned @align. */
static PangoAlignment
pango_align (RapatLayoutAlign align)
{
  switch (align)
    {
    case RAPAT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case RAPAT_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;
    case RAPAT_ALIGN_LEFT:
    case RAPAT_ALIGN_MIDDLE:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* Returns a box for one row of @t (the header when @header), its cells
 * framed; @fill shades it. */
static Box *
row_box (Render *r, const RapatLayoutTable *t, const RapatLayoutCell *cells, gboolean fill)
{
  Box *b = box_new (r, 0);
  double x = 0, height = t->min_row_height;
  guint first_text;

  /* The frames first, sized once the texts are measured. */
  if (fill)
    add_rect (b, 0, 0, TEXT_W, 0, TRUE);
  first_text = b->items->len;
  for (guint c = 0; c < t->n_cols; c++)
    {
      const RapatLayoutCell *cell = &cells[c];
      double w = t->widths[c] * TEXT_W;
      double pad = t->font_size > 0 && t->font_size < 9 ? PAD_X / 2 : PAD_X;
      double inner = cell->align == RAPAT_ALIGN_MIDDLE ? w / 2 - pad : w - 2 * pad;
      double cx = x + (cell->align == RAPAT_ALIGN_MIDDLE ? w / 2 : pad);
      PangoLayout *layout;

      if (cell->text != NULL && *cell->text != '\0')
        {
          /* A first line alone (a name without a NIP) is bold whole. */
          layout = text_layout (r, cell->text, SANS, t->font_size > 0 ? t->font_size : 9.5,
                                cell->bold || (cell->first_bold && strchr (cell->text, '\n') == NULL),
                                inner, pango_align (cell->align));
          if (cell->first_bold && strchr (cell->text, '\n') != NULL)
            {
              PangoAttrList *attrs = pango_attr_list_new ();
              PangoAttribute *weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

              weight->start_index = 0;
              weight->end_index = (guint) (strchr (cell->text, '\n') - cell->text);
              pango_attr_list_insert (attrs, weight);
              pango_layout_set_attributes (layout, attrs);
              pango_attr_list_unref (attrs);
            }
          double h = add_text (b, layout, cx, PAD_Y) + 2 * PAD_Y;

          height = MAX (height, h);
        }
      x += w;
    }
  /* A header's texts are centred in its height. */
  if (fill)
    for (guint i = first_text; i < b->items->len; i++)
      {
        Item *it = &g_array_index (b->items, Item, i);
        it->y = (height - layout_height (it->layout)) / 2;
      }
  if (fill)
    g_array_index (b->items, Item, 0).h = height;
  x = 0;
  for (guint c = 0; c < t->n_cols; c++)
    {
      double w = t->widths[c] * TEXT_W;

      add_rect (b, x, 0, w, height, FALSE);
      x += w;
    }
  b->height = height;
  return b;
}

/* The header box and one box per row; the header is repeated above a row
 * that starts a page, the first rows stay with the header, and a total row
 * takes the row before it along to a new page. */
static void
table_boxes (Render *r, const RapatLayoutBlock *block)
{
  const RapatLayoutTable *t = block->table;
  Box *head = row_box (r, t, t->header, TRUE);
  int head_index = (int) r->boxes->len - 1;

  head->space_before = block->space_before;
  head->keep_next = t->rows->len > 0;
  for (guint i = 0; i < t->rows->len; i++)
    {
      const RapatLayoutRow *row = t->rows->pdata[i];
      Box *b = row_box (r, t, row->cells, FALSE);

      b->header = head_index;
      b->keep_next = i + 1 < MIN (t->keep_first, t->rows->len);
      if (row->kind == RAPAT_ROW_TOTAL && i > 0)
        ((Box *) r->boxes->pdata[r->boxes->len - 2])->keep_next = TRUE;
    }
  if (block->keep_with_next && r->boxes->len > 0)
    ((Box *) r->boxes->pdata[r->boxes->len - 1])->keep_next = TRUE;
}

/* The signature block: one signatory on the right half, several side by
 * side, each centred in its column. */
static void
signatures_box (Render *r, const RapatLayoutBlock *block)
{
  Box *b = box_new (r, block->space_before > 0 ? block->space_before : 18);
  guint n = block->signatures->len;
  double col_w = n <= 1 ? TEXT_W * 0.5 : TEXT_W / n;
  double height = 0;

  for (guint i = 0; i < n; i++)
    {
      const RapatLayoutSignature *s = block->signatures->pdata[i];
      double x = n <= 1 ? TEXT_W - col_w : col_w * i, y = 0;
      const char *name = s->name != NULL ? s->name : "(.................................)";
      PangoLayout *name_layout;

      if (s->above != NULL)
        y += add_text (b, text_layout (r, s->above, SANS, 10.5, FALSE, col_w, PANGO_ALIGN_CENTER), x, y);
      y += add_text (b, text_layout (r, s->title, SANS, 10.5, FALSE, col_w, PANGO_ALIGN_CENTER), x, y);
      /* Room to sign: 2.2 cm, as on the HTML papers. */
      y += 62;
      name_layout = text_layout (r, name, SANS, 10.5, TRUE, col_w, PANGO_ALIGN_CENTER);
      if (s->name != NULL)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
          pango_layout_set_attributes (name_layout, attrs);
          pango_attr_list_unref (attrs);
        }
      y += add_text (b, name_layout, x, y);
      if (s->below != NULL)
        y += add_text (b, text_layout (r, s->below, SANS, 10.5, FALSE, col_w, PANGO_ALIGN_CENTER), x, y);
      height = MAX (height, y);
    }
  b->height = height;
}

/* Places the boxes on pages; returns the number of pages. */
static guint
paginate (Render *r)
{
  guint page = 0;
  double y = TOP;

  for (guint i = 0; i < r->boxes->len; i++)
    {
      Box *b = r->boxes->pdata[i];
      double gap = y > TOP ? b->space_before : 0;
      double need = b->height;

      /* The boxes that must share this one's page come along. */
      for (guint j = i; j + 1 < r->boxes->len && ((Box *) r->boxes->pdata[j])->keep_next; j++)
        {
          const Box *next = r->boxes->pdata[j + 1];

          need += next->space_before + next->height;
          if (need > BOTTOM - TOP)
            break;
        }
      if (y > TOP && y + gap + need > BOTTOM)
        {
          page++;
          y = TOP;
          gap = 0;
          if (b->header >= 0)
            {
              b->header_above = TRUE;
              y += ((Box *) r->boxes->pdata[b->header])->height;
            }
        }
      b->page = page;
      b->y = y + gap;
      y = b->y + b->height;
    }
  return page + 1;
}

/* Draws the items of @b with its top left at (@x, @y). */
static void
draw_box (Render *r, const Box *b, double x, double y)
{
  cairo_t *cr = r->cr;

  for (guint i = 0; i < b->items->len; i++)
    {
      const Item *it = &g_array_index (b->items, Item, i);

      switch (it->kind)
        {
        case ITEM_TEXT:
          if (it->red)
            cairo_set_source_rgb (cr, 0.69, 0, 0);
          show_layout (cr, it->layout, x + it->x, y + it->y);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case ITEM_LINE:
          cairo_set_line_width (cr, it->line_width);
          cairo_move_to (cr, x + it->x, y + it->y);
          cairo_rel_line_to (cr, it->w, it->h);
          cairo_stroke (cr);
          break;
        case ITEM_RECT:
          if (it->red)
            cairo_set_source_rgb (cr, 0.69, 0, 0);
          cairo_set_line_width (cr, it->line_width);
          cairo_rectangle (cr, x + it->x, y + it->y, it->w, it->h);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case ITEM_FILL:
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
          cairo_rectangle (cr, x + it->x, y + it->y, it->w, it->h);
          cairo_fill (cr);
          cairo_restore (cr);
          break;
        case ITEM_IMAGE:
          cairo_save (cr);
          cairo_translate (cr, x + it->x, y + it->y);
          cairo_scale (cr, it->w / cairo_image_surface_get_width (it->image),
                       it->h / cairo_image_surface_get_height (it->image));
          cairo_set_source_surface (cr, it->image, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          break;
        }
    }
}

/* Draws the footer of page @page (from 0) of @pages: the printing time on
 * the left, the page number on the right. */
static void
draw_footer (Render *r, const RapatLayout *doc, guint page, guint pages)
{
  g_autoptr(GString) label = g_string_new (doc->page_label);
  g_autofree char *n = g_strdup_printf ("%u", page + 1);
  g_autofree char *of = g_strdup_printf ("%u", pages);
  double y = BOTTOM + 16;

  g_string_replace (label, "{page}", n, 0);
  g_string_replace (label, "{pages}", of, 0);
  cairo_save (r->cr);
  cairo_set_source_rgb (r->cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (r->cr, 0.5);
  cairo_move_to (r->cr, MARGIN, y - 4);
  cairo_rel_line_to (r->cr, TEXT_W, 0);
  cairo_stroke (r->cr);
  if (doc->footer != NULL)
    {
      g_autoptr(PangoLayout) left = text_layout (r, doc->footer, SANS, 8, FALSE, TEXT_W * 0.7,
                                                 PANGO_ALIGN_LEFT);
      show_layout (r->cr, left, MARGIN, y);
    }
  {
    g_autoptr(PangoLayout) right = text_layout (r, label->str, SANS, 8, FALSE, TEXT_W * 0.3,
                                                PANGO_ALIGN_RIGHT);
    show_layout (r->cr, right, MARGIN + TEXT_W * 0.7, y);
  }
  cairo_restore (r->cr);
}

/* Draws @text across the page, large, light and turned. */
static void
draw_watermark (Render *r, const char *text)
{
  g_autoptr(PangoLayout) layout = text_layout (r, text, SANS, 64, TRUE, 0, PANGO_ALIGN_LEFT);
  double w, h;

  layout_size (layout, &w, &h);
  cairo_save (r->cr);
  cairo_translate (r->cr, PAGE_W / 2, PAGE_H / 2);
  cairo_rotate (r->cr, -G_PI / 4.5);
  cairo_set_source_rgba (r->cr, 0.69, 0, 0, 0.18);
  show_layout (r->cr, layout, -w / 2, -h / 2);
  cairo_restore (r->cr);
}

/* Cairo's write callback: to the FILE * in @closure. */
static cairo_status_t
write_out (void *closure, const unsigned char *data, unsigned int length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                    : CAIRO_STATUS_WRITE_ERROR;
}

/* Returns @utc as an ISO 8601 date in the offset @zone ("+09:00"), as the
 * PDF metadata takes it. */
static char *
iso_date (gint64 utc, const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone != NULL ? zone : "UTC");
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *stamp = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  if (dt == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt, tz);
  stamp = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
  return g_strconcat (stamp, zone != NULL ? zone : "Z", NULL);
}

/* Sets the document's metadata on @surface. */
static void
set_metadata (cairo_surface_t *surface, const RapatLayout *doc)
{
  g_autofree char *date = iso_date (doc->created, doc->created_zone);

  if (doc->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  if (doc->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
  if (doc->creator != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, doc->creator);
  if (date != NULL)
    {
      /* Both dates fixed: the same input gives the same bytes. */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
}

/* Makes the boxes of every block of @doc. */
static gboolean
build_boxes (Render *r, const RapatLayout *doc, GError **error)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const RapatLayoutBlock *block = doc->blocks->pdata[i];

      switch (block->kind)
        {
        case RAPAT_LAYOUT_LETTERHEAD:
          if (!letterhead_box (r, block, error))
            return FALSE;
          break;
        case RAPAT_LAYOUT_TITLE:
          title_boxes (r, block);
          break;
        case RAPAT_LAYOUT_FIELDS:
          fields_boxes (r, block);
          break;
        case RAPAT_LAYOUT_TABLE:
          table_boxes (r, block);
          break;
        case RAPAT_LAYOUT_SIGNATURES:
          signatures_box (r, block);
          break;
        case RAPAT_LAYOUT_HEADING:
        case RAPAT_LAYOUT_PARAGRAPH:
        case RAPAT_LAYOUT_BANNER:
        default:
          text_boxes (r, block);
          break;
        }
    }
  return TRUE;
}

gboolean
rapat_pdf_render (const RapatLayout *doc, FILE *out, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_out, out, PAGE_W, PAGE_H);
  PangoFontMap *fonts = pango_cairo_font_map_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  Render r = { cairo_create (surface), NULL, g_ptr_array_new_with_free_func (box_free) };
  cairo_status_t status;
  gboolean ok;
  guint pages = 0;

  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, doc);
  /* Metrics as the font designs them, not as a screen would round them:
   * the same layout on every machine with the same fonts. */
  r.context = pango_font_map_create_context (fonts);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (r.context, options);
  pango_context_set_round_glyph_positions (r.context, FALSE);
  {
    PangoLanguage *language = pango_language_from_string (doc->lang);
    pango_context_set_language (r.context, language);
  }
  ok = build_boxes (&r, doc, error);
  if (ok)
    {
      pages = paginate (&r);
      cairo_set_source_rgb (r.cr, 0, 0, 0);
      for (guint p = 0, i = 0; p < pages; p++)
        {
          for (; i < r.boxes->len && ((Box *) r.boxes->pdata[i])->page == p; i++)
            {
              const Box *b = r.boxes->pdata[i];

              if (b->header_above)
                draw_box (&r, r.boxes->pdata[b->header], MARGIN, TOP);
              draw_box (&r, b, MARGIN, b->y);
            }
          draw_footer (&r, doc, p, pages);
          if (doc->watermark != NULL)
            draw_watermark (&r, doc->watermark);
          cairo_show_page (r.cr);
        }
    }
  g_ptr_array_unref (r.boxes);
  cairo_destroy (r.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (r.context);
  g_object_unref (fonts);
  cairo_font_options_destroy (options);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_WRITE, _("the PDF could not be written: %s"),
                   cairo_status_to_string (status));
      ok = FALSE;
    }
  return ok;
}
