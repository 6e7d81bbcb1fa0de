/* rapat — the PDF module: a RapatLayout paginated and drawn on A4 with
 * Cairo (the PDF surface) and Pango (the text); the letterhead's logo read
 * by Cairo (PNG), librsvg (SVG) or gdk-pixbuf (JPEG and other rasters). */
#include "config.h"
#include "rapat-pdf.h"
#include "pdf-private.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <string.h>

/* A4 in points (portrait; landscape turns it), and the 2 cm margins. */
#define A4_SHORT 595.2756
#define A4_LONG 841.8898
#define MARGIN 56.6929
#define TOP MARGIN
#define TEXT_W (r->text_w)
#define BOTTOM (r->bottom)

/* A box taller than a page starts on the page it comes to when this much
 * room is left there (three lines), else on the next. */
#define MIN_SPLIT 40.0

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
  ITEM_BAR,
} ItemKind;

/* One thing drawn in a box, at a position relative to the box's top left. */
typedef struct {
  ItemKind kind;
  double x, y, w, h;        /* LINE: from (x, y) by (w, h); RECT, FILL, IMAGE, BAR: the box */
  double src_w, src_h;      /* IMAGE: the size of @image in its own units */
  double line_width;        /* LINE, RECT; FILL: its grey (1 white) */
  PangoLayout *layout;      /* TEXT */
  cairo_surface_t *image;   /* IMAGE: an image surface (PNG, JPEG) or a recording
                             * surface (an SVG drawn as vectors) */
  gboolean red;             /* TEXT, RECT: in the red of a warning */
  guint rgb;                /* TEXT, LINE, BAR: the colour, 0xRRGGBB (0: black) */
  /* TEXT split across pages: only its lines [line_from, line_to) are
   * drawn, each @shift points higher than in the whole layout (0, 0: all). */
  int line_from, line_to;
  double shift;
} Item;

/* A piece of the document never split across pages: a letterhead, a line
 * of title or fields, a table's header or row, a signature block. */
typedef struct {
  GArray *items;            /* Item */
  double height;
  double space_before;      /* left out at the top of a page */
  gboolean keep_next;       /* on the same page as the next box */
  int header;               /* the box drawn above it when it starts a page, or -1 */
  gboolean splittable;      /* split at a line when taller than a page */
  gboolean new_page;        /* starts a page */
  double pad;               /* a splittable box's room above and under its lines */
  guint page;               /* where pagination put it */
  double y;
  gboolean header_above;    /* it starts a page under a repeated header */
} Box;

/* What the drawing needs throughout. */
typedef struct {
  cairo_t *cr;
  PangoContext *context;
  GPtrArray *boxes;         /* Box */
  double page_w, page_h;    /* A4, portrait or landscape */
  double text_w;            /* between the margins */
  double bottom;            /* where the text ends */
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

/* Returns a layout of @text in @family at @size points, @bold, @italic,
 * wrapped to @width points (0: not wrapped) and aligned as @align.  The
 * text is set as plain text: no markup of the user's is ever read. */
static PangoLayout *
styled_layout (Render *r, const char *text, const char *family, double size, gboolean bold,
               gboolean italic, double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (r->context);
  PangoFontDescription *font = pango_font_description_from_string (family);
  double *scale = g_new (double, 1);

  *scale = size / BASE_SIZE;
  g_object_set_data_full (G_OBJECT (layout), "rapat-scale", scale, g_free);
  pango_font_description_set_absolute_size (font, BASE_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
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

/* Returns a layout of @text, upright (see styled_layout()). */
static PangoLayout *
text_layout (Render *r, const char *text, const char *family, double size, gboolean bold,
             double width, PangoAlignment align)
{
  return styled_layout (r, text, family, size, bold, FALSE, width, align);
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

/* Draws the lines [@from, @to) of @layout, each @shift points higher than
 * in the whole layout drawn at (@x, @y): a piece of a split text. */
static void
show_lines (cairo_t *cr, PangoLayout *layout, int from, int to, double shift, double x, double y)
{
  double scale = layout_scale (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  cairo_save (cr);
  cairo_translate (cr, x, y - shift);
  cairo_scale (cr, scale, scale);
  do
    {
      PangoRectangle logical;

      if (i >= to)
        break;
      if (i >= from)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, (double) logical.x / PANGO_SCALE,
                         (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (cr);
}

/* Adds @layout to @b at (@x, @y); returns its height. */
static double
add_text (Box *b, PangoLayout *layout, double x, double y)
{
  Item it = { .kind = ITEM_TEXT, .x = x, .y = y, .layout = layout };

  g_array_append_val (b->items, it);
  return layout_height (layout);
}

/* Adds a line from (@x, @y) by (@w, @h) of @width points to @b. */
static void
add_line (Box *b, double x, double y, double w, double h, double width)
{
  Item it = { .kind = ITEM_LINE, .x = x, .y = y, .w = w, .h = h, .line_width = width };

  g_array_append_val (b->items, it);
}

/* Adds a rectangle to @b: stroked, or filled light grey with @fill. */
static void
add_rect (Box *b, double x, double y, double w, double h, gboolean fill)
{
  Item it = { .kind = fill ? ITEM_FILL : ITEM_RECT, .x = x, .y = y, .w = w, .h = h,
              .line_width = fill ? 0.9 : 0.6 };

  g_array_append_val (b->items, it);
}

/* The logo's box: at most 2.2 cm wide and 2.4 cm high, as the HTML
 * letterhead's. */
#define LOGO_W 62.4
#define LOGO_H 68.0

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

/* Returns @message on one line: a library's message may hold newlines,
 * and rapat prints each line of an error as an error of its own. */
static char *
one_line (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (copy), " \t\r\n", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Returns the bytes of the data: URI @uri (base64, as rapat writes it),
 * its MIME type in @type, or NULL when @uri is no such URI. */
static GBytes *
uri_bytes (const char *uri, char **type)
{
  const char *comma = strchr (uri, ',');
  guchar *data;
  gsize len;

  if (!g_str_has_prefix (uri, "data:") || comma == NULL || comma - uri < 12
      || strncmp (comma - 7, ";base64", 7) != 0)
    return NULL;
  *type = g_ascii_strdown (uri + 5, comma - 7 - (uri + 5));
  data = g_base64_decode (comma + 1, &len);
  return g_bytes_new_take (data, len);
}

/* Returns the PNG @data as an image surface, or NULL with @error. */
static cairo_surface_t *
png_surface (GBytes *data, const char *name, GError **error)
{
  gsize len;
  PngRead p = { g_bytes_get_data (data, &len), 0, 0 };
  cairo_surface_t *image;

  p.len = len;
  image = cairo_image_surface_create_from_png_stream (png_read, &p);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_IMAGE,
                   _("logo '%s': not a PNG image Cairo can read (%s)"), name,
                   cairo_status_to_string (cairo_surface_status (image)));
      cairo_surface_destroy (image);
      return NULL;
    }
  return image;
}

/* Returns the number of colour components of the JPEG @data (1 grey, 3
 * colour, 4 CMYK), from its first start-of-frame segment; 0 when none. */
static guint
jpeg_components (const guchar *data, gsize len)
{
  for (gsize i = 2; i + 9 < len && data[i] == 0xff;)
    {
      guint marker = data[i + 1], seg = (guint) data[i + 2] << 8 | data[i + 3];

      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        return data[i + 9];
      i += 2 + seg;
    }
  return 0;
}

/* Returns @pixbuf as a Cairo image surface: premultiplied ARGB (or RGB
 * without alpha), one native-endian 32-bit word per pixel. */
static cairo_surface_t *
pixbuf_surface (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int from_stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *from = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *image = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32
                                                             : CAIRO_FORMAT_RGB24, w, h);
  guchar *to;
  int to_stride;

  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    return image;
  cairo_surface_flush (image);
  to = cairo_image_surface_get_data (image);
  to_stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < h; y++)
    {
      const guchar *p = from + (gsize) y * from_stride;
      guint32 *q = (guint32 *) (gpointer) (to + (gsize) y * to_stride);

      for (int x = 0; x < w; x++, p += channels)
        {
          guint a = alpha ? p[3] : 0xff;
          /* Rounded a * c / 255, without the division. */
          guint r = p[0] * a + 0x80, g = p[1] * a + 0x80, b = p[2] * a + 0x80;

          r = (r + (r >> 8)) >> 8;
          g = (g + (g >> 8)) >> 8;
          b = (b + (b >> 8)) >> 8;
          q[x] = (guint32) a << 24 | r << 16 | g << 8 | b;
        }
    }
  cairo_surface_mark_dirty (image);
  return image;
}

/* Returns the raster image @data of MIME @type (a JPEG, or whatever else
 * gdk-pixbuf reads) as an image surface, turned as its EXIF orientation
 * says; NULL with @error. */
static cairo_surface_t *
raster_surface (GBytes *data, const char *type, const char *name, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type (type, &local);
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autofree char *kind = g_ascii_strup (strchr (type, '/') != NULL ? strchr (type, '/') + 1
                                                                    : type, -1);
  cairo_surface_t *image;
  gsize len;
  const guchar *bytes = g_bytes_get_data (data, &len);
  GdkPixbuf *pixbuf;
  guint components;

  if (loader != NULL)
    {
      /* Closed even when writing failed: a loader must be closed. */
      gboolean wrote = gdk_pixbuf_loader_write (loader, bytes, len, &local);

      if (!gdk_pixbuf_loader_close (loader, wrote ? &local : NULL))
        wrote = FALSE;
      if (wrote && gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
        g_set_error_literal (&local, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                             "no image");
    }
  if (local != NULL)
    {
      g_autofree char *why = one_line (local->message);

      g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_IMAGE,
                   _("logo '%s': not a %s image gdk-pixbuf can read (%s)"), name, kind, why);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (upright == NULL)
    upright = g_object_ref (pixbuf);
  image = pixbuf_surface (upright);
  /* A JPEG drawn as it is turned goes into the PDF as it came, not
   * decoded and compressed again (but for CMYK, which Cairo 1.16 writes
   * with its colours inverted). */
  components = strcmp (type, "image/jpeg") == 0 ? jpeg_components (bytes, len) : 0;
  if (upright == pixbuf && (components == 1 || components == 3)
      && cairo_surface_status (image) == CAIRO_STATUS_SUCCESS)
    cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, bytes, len,
                                 (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (data));
  return image;
}

/* Returns the SVG @data drawn by librsvg into a recording surface of
 * @w x @h points (filled in: the logo's box, the SVG's shape kept), its
 * shapes and text kept as vectors; NULL with @error. */
static cairo_surface_t *
svg_surface (Render *r, GBytes *data, const char *name, double *w, double *h, GError **error)
{
  g_autoptr(GError) local = NULL;
  RsvgHandle *svg;
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  double sw = 0, sh = 0, scale;
  cairo_surface_t *surface = NULL;

  svg = rsvg_handle_new_from_data (bytes, len, &local);
  if (svg != NULL && !rsvg_handle_get_intrinsic_size_in_pixels (svg, &sw, &sh))
    {
      gboolean has_w, has_h, has_box;
      RsvgLength lw, lh;
      RsvgRectangle box;

      /* A size in percents (or none): the shape of its viewBox. */
      rsvg_handle_get_intrinsic_dimensions (svg, &has_w, &lw, &has_h, &lh, &has_box, &box);
      sw = has_box ? box.width : 0;
      sh = has_box ? box.height : 0;
    }
  if (svg != NULL)
    {
      cairo_rectangle_t extents = { 0, 0, 0, 0 };
      RsvgRectangle viewport = { 0, 0, 0, 0 };
      cairo_t *cr;

      if (!(sw > 0 && sh > 0))
        {
          sw = LOGO_W;
          sh = LOGO_H;
        }
      scale = MIN (LOGO_W / sw, LOGO_H / sh);
      extents.width = viewport.width = *w = sw * scale;
      extents.height = viewport.height = *h = sh * scale;
      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (surface);
      /* librsvg sets an SVG's text with the thread's default font map:
       * ours while it draws, then none, so that the fonts it looked up
       * are freed with ours rather than kept until the process ends. */
      pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (pango_context_get_font_map (r->context)));
      if (!rsvg_handle_render_document (svg, cr, &viewport, &local))
        g_clear_pointer (&surface, cairo_surface_destroy);
      pango_cairo_font_map_set_default (NULL);
      cairo_destroy (cr);
      g_object_unref (svg);
    }
  if (surface == NULL)
    {
      g_autofree char *why = one_line (local != NULL ? local->message : NULL);

      g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_IMAGE,
                   _("logo '%s': not an SVG image librsvg can read (%s)"), name, why);
    }
  return surface;
}

/* Adds the logo of @block to @b at its top left, fitted in the logo's
 * box with its shape kept: a PNG read by Cairo, an SVG drawn by librsvg
 * as vectors, any other image decoded by gdk-pixbuf.  Returns FALSE with
 * @error when the logo cannot be read. */
static gboolean
add_logo (Render *r, Box *b, const RapatLayoutBlock *block, GError **error)
{
  const char *name = block->image_name != NULL ? block->image_name : "letterhead.logo";
  g_autofree char *type = NULL;
  g_autoptr(GBytes) data = uri_bytes (block->image_uri, &type);
  Item it = { .kind = ITEM_IMAGE };
  double scale;

  if (data == NULL)
    {
      g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_IMAGE,
                   _("logo '%s': not a data: URI of an image"), name);
      return FALSE;
    }
  if (strcmp (type, "image/svg+xml") == 0)
    {
      it.image = svg_surface (r, data, name, &it.w, &it.h, error);
      it.src_w = it.w;
      it.src_h = it.h;
    }
  else
    {
      it.image = strcmp (type, "image/png") == 0 ? png_surface (data, name, error)
                                                 : raster_surface (data, type, name, error);
      if (it.image != NULL && cairo_surface_status (it.image) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_IMAGE, _("logo '%s': %s"), name,
                       cairo_status_to_string (cairo_surface_status (it.image)));
          g_clear_pointer (&it.image, cairo_surface_destroy);
        }
      if (it.image != NULL)
        {
          it.src_w = cairo_image_surface_get_width (it.image);
          it.src_h = cairo_image_surface_get_height (it.image);
          scale = MIN (LOGO_W / it.src_w, LOGO_H / it.src_h);
          it.w = it.src_w * scale;
          it.h = it.src_h * scale;
        }
    }
  if (it.image == NULL)
    return FALSE;
  g_array_append_val (b->items, it);
  return TRUE;
}

/* The letterhead: the logo on the left, the lines centred, the double rule. */
static gboolean
letterhead_box (Render *r, const RapatLayoutBlock *block, GError **error)
{
  static const double sizes[] = { 12.0, 13.5, 9.0, 9.0 };
  Box *b = box_new (r, 0);
  double logo_w = 0, logo_h = 0, y = 0;

  if (block->image_uri != NULL)
    {
      if (!add_logo (r, b, block, error))
        return FALSE;
      logo_w = g_array_index (b->items, Item, 0).w;
      logo_h = g_array_index (b->items, Item, 0).h;
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

/* One box per line of a paragraph, a heading or a banner; a paragraph's
 * lines are split across pages when one is taller than a page. */
static void
text_boxes (Render *r, const RapatLayoutBlock *block)
{
  gboolean heading = block->kind == RAPAT_LAYOUT_HEADING;
  gboolean banner = block->kind == RAPAT_LAYOUT_BANNER;
  PangoAlignment align = banner || block->align == RAPAT_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                         : block->align == RAPAT_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                         : PANGO_ALIGN_LEFT;

  for (guint i = 0; i < block->texts->len; i++)
    {
      Box *b = box_new (r, i == 0 ? block->space_before : 2);
      double indent = banner ? 8 : block->indent * TEXT_W;
      PangoLayout *layout = text_layout (r, block->texts->pdata[i], SANS, heading ? 11.0 : 10.0,
                                         heading || banner, banner ? TEXT_W - 16 : TEXT_W - indent,
                                         align);

      if (!heading && !banner && align == PANGO_ALIGN_LEFT)
        pango_layout_set_justify (layout, TRUE);
      b->height = add_text (b, layout, indent, banner ? 5 : 0);
      if (banner)
        {
          b->height += 10;
          add_rect (b, 0, 0, TEXT_W, b->height, FALSE);
          g_array_index (b->items, Item, 0).red = TRUE;
          g_array_index (b->items, Item, 1).red = TRUE;
          g_array_index (b->items, Item, 1).line_width = 2;
          b->height += 6;
        }
      b->splittable = !heading && !banner;
      b->keep_next = heading || (i + 1 == block->texts->len && block->keep_with_next);
    }
}

/* Returns the width of the widest mark of @block, as drawn at @size. */
static double
marks_width (Render *r, const RapatLayoutBlock *block, double size)
{
  double width = 0;

  for (guint i = 0; i < block->marks->len; i++)
    if (block->marks->pdata[i] != NULL)
      {
        g_autoptr(PangoLayout) l = text_layout (r, block->marks->pdata[i], SANS, size, FALSE, 0,
                                                PANGO_ALIGN_LEFT);
        double w;

        layout_size (l, &w, NULL);
        width = MAX (width, w);
      }
  return width;
}

/* Adds to @b at (@x, @y) @text, @width wide, after @mark (or NULL), the
 * mark right-aligned in @mark_w; returns the height. */
static double
add_marked (Render *r, Box *b, const char *mark, const char *text, double size, double x,
            double y, double width, double mark_w, gboolean justify)
{
  PangoLayout *layout;
  double indent = 0;

  if (mark != NULL)
    {
      indent = mark_w + 5;
      add_text (b, text_layout (r, mark, SANS, size, FALSE, mark_w, PANGO_ALIGN_RIGHT), x, y);
    }
  layout = text_layout (r, text, SANS, size, FALSE, width - indent, PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, justify);
  return add_text (b, layout, x + indent, y);
}

/* One box per numbered line of a LIST: the marks right-aligned in a
 * column, each text justified after its mark and wrapped under itself. */
static void
list_boxes (Render *r, const RapatLayoutBlock *block)
{
  double mark_w = marks_width (r, block, 10.0);

  for (guint i = 0; i < block->texts->len; i++)
    {
      Box *b = box_new (r, i == 0 ? block->space_before : 2);

      b->height = add_marked (r, b, block->marks->pdata[i], block->texts->pdata[i], 10.0,
                              block->indent * TEXT_W, 0, TEXT_W * (1 - block->indent), mark_w,
                              TRUE);
      b->splittable = TRUE;
      b->keep_next = i + 1 == block->texts->len && block->keep_with_next;
    }
}

/* One box per "label : value" line, the values in one column after the
 * widest label; a line without a label continues the value above it (an
 * item of a list after its mark).  The lines are kept together. */
static void
fields_boxes (Render *r, const RapatLayoutBlock *block)
{
  double label_w = 0;
  guint n = block->texts->len / 2;
  double mark_w = marks_width (r, block, 10.5);
  double x = block->indent * TEXT_W, width = TEXT_W - x;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) l = text_layout (r, block->texts->pdata[2 * i], SANS, 10.5, FALSE, 0,
                                              PANGO_ALIGN_LEFT);
      double w;

      layout_size (l, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, width / 3);
  for (guint i = 0; i < n; i++)
    {
      const char *label = block->texts->pdata[2 * i];
      Box *b = box_new (r, i == 0 ? block->space_before : 0);
      double h1 = 0, h2;

      if (*label != '\0')
        {
          h1 = add_text (b, text_layout (r, label, SANS, 10.5, FALSE, label_w, PANGO_ALIGN_LEFT),
                         x, 0);
          add_text (b, text_layout (r, ":", SANS, 10.5, FALSE, 0, PANGO_ALIGN_LEFT),
                    x + label_w + 6, 0);
        }
      h2 = add_marked (r, b, i < block->marks->len ? block->marks->pdata[i] : NULL,
                       block->texts->pdata[2 * i + 1], 10.5, x + label_w + 18, 0,
                       width - label_w - 18, mark_w, FALSE);
      b->height = MAX (h1, h2) + 1.5;
      b->splittable = TRUE;
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

/* Returns the grey a row of @kind is shaded with (1: none); @header: the
 * table's header. */
static double
row_grey (RapatLayoutRowKind kind, gboolean header)
{
  if (header)
    return 0.9;
  return kind == RAPAT_ROW_GROUP ? 0.93 : kind == RAPAT_ROW_QUIET ? 0.96 : 1.0;
}

/* Returns a box for one row of @t (the header when @header), its cells
 * framed, a cell spanning the columns its span says. */
static Box *
row_box (Render *r, const RapatLayoutTable *t, const RapatLayoutCell *cells,
         RapatLayoutRowKind kind, gboolean header)
{
  Box *b = box_new (r, 0);
  double x = 0, height = t->min_row_height;
  double size = t->font_size > 0 ? t->font_size : 9.5;
  double grey = row_grey (kind, header);
  guint first_text;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));

  /* The frames first, sized once the texts are measured. */
  if (grey < 1.0)
    {
      add_rect (b, 0, 0, TEXT_W, 0, TRUE);
      g_array_index (b->items, Item, 0).line_width = grey;
    }
  first_text = b->items->len;
  for (guint c = 0; c < t->n_cols;)
    {
      const RapatLayoutCell *cell = &cells[c];
      guint span = CLAMP (cell->span, 1, t->n_cols - c);
      double w = 0;
      double pad = t->font_size > 0 && t->font_size < 9 ? PAD_X / 2 : PAD_X;
      double inner, cx, y = PAD_Y;

      for (guint k = 0; k < span; k++)
        w += t->widths[c + k] * TEXT_W;
      inner = cell->align == RAPAT_ALIGN_MIDDLE ? w / 2 - pad : w - 2 * pad;
      cx = x + (cell->align == RAPAT_ALIGN_MIDDLE ? w / 2 : pad);
      if (cell->text != NULL && *cell->text != '\0')
        {
          /* A first line alone (a name without a NIP) is bold whole. */
          PangoLayout *layout = styled_layout (r, cell->text, SANS, size,
                                               cell->bold || (cell->first_bold
                                                              && strchr (cell->text, '\n') == NULL),
                                               cell->italic, inner, pango_align (cell->align));

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
          y += add_text (b, layout, cx, y);
        }
      if (cell->note != NULL && *cell->note != '\0')
        {
          PangoLayout *note = text_layout (r, cell->note, SANS, size * 0.85, cell->note_alert,
                                           inner, pango_align (cell->align));

          y += add_text (b, note, cx, y + (y > PAD_Y ? 1 : 0)) + (y > PAD_Y ? 1 : 0);
          g_array_index (b->items, Item, b->items->len - 1).red = cell->note_alert;
        }
      height = MAX (height, y + PAD_Y);
      x += w;
      g_array_append_val (frames, w);
      c += span;
    }
  /* A header's texts are centred in its height. */
  if (header)
    for (guint i = first_text; i < b->items->len; i++)
      {
        Item *it = &g_array_index (b->items, Item, i);
        it->y = (height - layout_height (it->layout)) / 2;
      }
  if (grey < 1.0)
    g_array_index (b->items, Item, 0).h = height;
  x = 0;
  for (guint f = 0; f < frames->len; f++)
    {
      double w = g_array_index (frames, double, f);

      add_rect (b, x, 0, w, height, FALSE);
      x += w;
    }
  b->height = height;
  b->splittable = !header;
  b->pad = PAD_Y;
  return b;
}

/* The header box and one box per row; the header is repeated above a row
 * that starts a page, the first rows stay with the header, a group's
 * heading row with the row under it, and a total row takes the row before
 * it along to a new page. */
static void
table_boxes (Render *r, const RapatLayoutBlock *block)
{
  const RapatLayoutTable *t = block->table;
  Box *head = row_box (r, t, t->header, RAPAT_ROW_NORMAL, TRUE);
  int head_index = (int) r->boxes->len - 1;

  head->space_before = block->space_before;
  head->keep_next = t->rows->len > 0;
  for (guint i = 0; i < t->rows->len; i++)
    {
      const RapatLayoutRow *row = t->rows->pdata[i];
      Box *b = row_box (r, t, row->cells, row->kind, FALSE);

      b->header = head_index;
      b->keep_next = i + 1 < MIN (t->keep_first, t->rows->len)
                     || (row->kind == RAPAT_ROW_GROUP && i + 1 < t->rows->len);
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

/* The geometry of a chart, in the units of the HTML's SVG drawing (640
 * wide, the text width), which the PDF scales to its text width: the
 * labels' column, the bars', a line's height, a bar's, the type. */
#define CHART_W ((double) RAPAT_LAYOUT_CHART_W)
#define CHART_BAR_X ((double) RAPAT_LAYOUT_CHART_BAR_X)
#define CHART_BAR_W ((double) RAPAT_LAYOUT_CHART_BAR_W)
#define CHART_ROW_H ((double) RAPAT_LAYOUT_CHART_ROW_H)
#define CHART_BAR_H 14.0
#define CHART_FONT 11.0

/* Adds to @b the chart's gridlines at 0, 25, 50, 75 and 100 %, from @y
 * down by @h, at the scale @s. */
static void
add_gridlines (Box *b, double s, double y, double h)
{
  for (int pct = 0; pct <= 100; pct += 25)
    {
      add_line (b, (CHART_BAR_X + CHART_BAR_W * pct / 100) * s, y, 0, h, 0.5);
      g_array_index (b->items, Item, b->items->len - 1).rgb = RAPAT_LAYOUT_CHART_GRID;
    }
}

/* Adds to @b the ticks' labels ("0%" to "100%") centred under their
 * gridlines, their tops at @y, at the scale @s. */
static void
add_ticks (Render *r, Box *b, double s, double y)
{
  for (int pct = 0; pct <= 100; pct += 25)
    {
      g_autofree char *tick = g_strdup_printf ("%d%%", pct);
      PangoLayout *layout = text_layout (r, tick, SANS, CHART_FONT * s, FALSE, 0, PANGO_ALIGN_LEFT);
      double w;

      layout_size (layout, &w, NULL);
      add_text (b, layout, (CHART_BAR_X + CHART_BAR_W * pct / 100) * s - w / 2, y);
      g_array_index (b->items, Item, b->items->len - 1).rgb = RAPAT_LAYOUT_CHART_TICK;
    }
}

/* A horizontal bar chart, drawn as the HTML's SVG is at the text width:
 * the ticks, one box a bar (its label right-aligned before it, cut when
 * longer than its column, its value after it, the gridlines through it),
 * the ticks again under the last bar.  A chart longer than the room left
 * breaks between bars, the ticks repeated above the bars of the next
 * page as a table's header is; the ticks stay with the first two bars,
 * the last bar with the ticks under it. */
static void
chart_boxes (Render *r, const RapatLayoutBlock *block)
{
  const RapatLayoutChart *chart = block->chart;
  double s = TEXT_W / CHART_W, row_h = CHART_ROW_H * s;
  int head_index = (int) r->boxes->len;
  Box *head = box_new (r, block->space_before), *b;

  /* The ticks above the bars (of every page): their labels, then the
   * gridlines down to the bars. */
  head->keep_next = TRUE;
  add_ticks (r, head, s, 0);
  head->height = 16 * s;
  add_gridlines (head, s, 12 * s, 4 * s);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const RapatLayoutBar *bar = chart->bars->pdata[i];
      double w = bar->value > 0 ? MIN (bar->value, 1.0) * CHART_BAR_W * s : 0;
      PangoLayout *layout;

      b = box_new (r, 0);
      b->header = head_index;
      b->height = row_h;
      add_gridlines (b, s, 0, row_h);
      if (w > 0)
        {
          Item it = { .kind = ITEM_BAR, .x = CHART_BAR_X * s, .y = 3 * s, .w = w,
                      .h = CHART_BAR_H * s, .rgb = bar->rgb };

          g_array_append_val (b->items, it);
        }
      /* One line, cut at the end when wider than the column. */
      layout = text_layout (r, bar->label, SANS, CHART_FONT * s, FALSE, (CHART_BAR_X - 6) * s,
                            PANGO_ALIGN_RIGHT);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      add_text (b, layout, 0, (row_h - layout_height (layout)) / 2);
      layout = text_layout (r, bar->text, SANS, CHART_FONT * s, FALSE, 0, PANGO_ALIGN_LEFT);
      add_text (b, layout, (CHART_BAR_X + 4) * s + w, (row_h - layout_height (layout)) / 2);
      b->keep_next = i == 0 || i + 1 == chart->bars->len;
    }
  /* The ticks under the last bar: the gridlines' ends, their labels. */
  b = box_new (r, 0);
  add_gridlines (b, s, 0, 6 * s);
  add_ticks (r, b, s, 8 * s);
  b->height = 24 * s;
  b->keep_next = block->keep_with_next;
}

/* Returns the number of lines of @it drawn, and in @from the first. */
static int
item_lines (const Item *it, int *from)
{
  *from = it->line_from;
  return it->line_to > 0 ? it->line_to : pango_layout_get_line_count (it->layout);
}

/* Stores the top and bottom of line @line of @layout, in points as drawn
 * from the layout's top. */
static void
line_range (PangoLayout *layout, int line, double *top, double *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double scale = layout_scale (layout);
  int y0 = 0, y1 = 0;

  for (int i = 0; i < line && pango_layout_iter_next_line (iter); i++)
    ;
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  *top = (double) y0 / PANGO_SCALE * scale;
  *bottom = (double) y1 / PANGO_SCALE * scale;
}

/* Splits the splittable box @b so that its first part is at most @room
 * high: the lines of each text that end above @room stay, the others go
 * to a new box (inserted after @b at @index + 1 and returned), continued
 * from its top; frames are drawn on both parts.  NULL when no line of @b
 * fits in @room. */
static Box *
split_box (Render *r, Box *b, guint index, double room)
{
  Box *rest;
  g_autoptr(GArray) cut = g_array_new (FALSE, FALSE, sizeof (int));
  double limit = room - b->pad, lift = G_MAXDOUBLE, height = 0;
  gboolean any = FALSE, more = FALSE;

  /* Where each text is cut: its first line that does not fit. */
  for (guint i = 0; i < b->items->len; i++)
    {
      const Item *it = &g_array_index (b->items, Item, i);
      int from, to, k;

      if (it->kind != ITEM_TEXT)
        {
          k = 0;
          g_array_append_val (cut, k);
          continue;
        }
      to = item_lines (it, &from);
      for (k = from; k < to; k++)
        {
          double top, bottom;

          line_range (it->layout, k, &top, &bottom);
          if (it->y + bottom - it->shift > limit)
            {
              lift = MIN (lift, it->y + top - it->shift);
              more = TRUE;
              break;
            }
        }
      any = any || k > from;
      g_array_append_val (cut, k);
    }
  if (!any || !more)
    return NULL;
  rest = g_new0 (Box, 1);
  rest->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (rest->items, item_clear);
  rest->header = b->header;
  rest->splittable = TRUE;
  rest->pad = b->pad;
  rest->keep_next = b->keep_next;
  b->keep_next = FALSE;
  /* What continues starts at the top of the new part, under its padding. */
  lift -= b->pad;
  for (guint i = 0; i < b->items->len; i++)
    {
      Item *it = &g_array_index (b->items, Item, i);
      int k = g_array_index (cut, int, i), from, to;
      Item moved;

      if (it->kind != ITEM_TEXT)
        continue;
      to = item_lines (it, &from);
      if (k >= to)
        continue;
      moved = *it;
      g_object_ref (moved.layout);
      moved.y = it->y - lift;
      moved.line_from = k;
      moved.line_to = to;
      {
        double top, bottom;

        line_range (it->layout, to - 1, &top, &bottom);
        height = MAX (height, moved.y + bottom - moved.shift);
      }
      g_array_append_val (rest->items, moved);
      if (k == from)
        {
          /* Nothing of it stays: it is drawn in the new part only. */
          g_array_remove_index (b->items, i);
          g_array_remove_index (cut, i);
          i--;
          continue;
        }
      it->line_to = k;
    }
  rest->height = height + b->pad;
  /* The frames and shading, as high as each part. */
  for (guint i = 0; i < b->items->len; i++)
    {
      Item *it = &g_array_index (b->items, Item, i);

      if ((it->kind == ITEM_RECT || it->kind == ITEM_FILL) && it->y == 0 && it->h >= b->height)
        {
          Item frame = *it;

          frame.h = rest->height;
          /* Under the texts: a shading drawn after them would hide them. */
          g_array_prepend_val (rest->items, frame);
          it->h = room;
        }
    }
  b->height = room;
  g_ptr_array_insert (r->boxes, (int) index + 1, rest);
  /* The boxes after it point to their tables' headers one further on. */
  for (guint i = index + 2; i < r->boxes->len; i++)
    {
      Box *next = r->boxes->pdata[i];
      if (next->header > (int) index)
        next->header++;
    }
  return rest;
}

/* Returns the height of what is drawn above @b when it starts a page. */
static double
header_height (Render *r, const Box *b)
{
  return b->header >= 0 ? ((Box *) r->boxes->pdata[b->header])->height : 0;
}

/* Places the boxes on pages; returns the number of pages.  A box taller
 * than a page that can be split is: it starts where it comes (when a few
 * lines fit there) and continues on the next pages, under the header of
 * its table when it is a row. */
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
      if (b->splittable && b->height > BOTTOM - TOP - header_height (r, b))
        {
          if (y > TOP && BOTTOM - y - gap < MIN_SPLIT)
            {
              page++;
              y = TOP;
              gap = 0;
            }
          if (y == TOP && b->header >= 0)
            {
              b->header_above = TRUE;
              y += header_height (r, b);
            }
          if (split_box (r, b, i, BOTTOM - y - gap) == NULL && y > TOP && !b->header_above)
            {
              /* Not even a line fits here: from the next page. */
              page++;
              y = TOP;
              gap = 0;
              if (b->header >= 0)
                {
                  b->header_above = TRUE;
                  y += header_height (r, b);
                }
              split_box (r, b, i, BOTTOM - y);
            }
          b->page = page;
          b->y = y + gap;
          y = b->y + b->height;
          continue;
        }
      /* The boxes that must share this one's page come along. */
      for (guint j = i; j + 1 < r->boxes->len && ((Box *) r->boxes->pdata[j])->keep_next; j++)
        {
          const Box *next = r->boxes->pdata[j + 1];

          /* A box taller than a page is split: its first lines come along. */
          if (next->splittable && next->height > BOTTOM - TOP - header_height (r, next))
            {
              need += next->space_before + MIN_SPLIT;
              break;
            }
          need += next->space_before + next->height;
          if (need > BOTTOM - TOP)
            break;
        }
      if (y > TOP && (b->new_page || y + gap + need > BOTTOM))
        {
          page++;
          y = TOP;
          gap = 0;
          if (b->header >= 0)
            {
              b->header_above = TRUE;
              y += header_height (r, b);
            }
        }
      b->page = page;
      b->y = y + gap;
      y = b->y + b->height;
    }
  return page + 1;
}

/* Sets the source of @cr to the colour @rgb (0xRRGGBB). */
static void
set_rgb (cairo_t *cr, guint rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
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
          else if (it->rgb != 0)
            set_rgb (cr, it->rgb);
          if (it->line_to > 0)
            show_lines (cr, it->layout, it->line_from, it->line_to, it->shift, x + it->x, y + it->y);
          else
            show_layout (cr, it->layout, x + it->x, y + it->y);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case ITEM_LINE:
          set_rgb (cr, it->rgb);
          cairo_set_line_width (cr, it->line_width);
          cairo_move_to (cr, x + it->x, y + it->y);
          cairo_rel_line_to (cr, it->w, it->h);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case ITEM_BAR:
          set_rgb (cr, it->rgb);
          cairo_rectangle (cr, x + it->x, y + it->y, it->w, it->h);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
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
          cairo_set_source_rgb (cr, it->line_width, it->line_width, it->line_width);
          cairo_rectangle (cr, x + it->x, y + it->y, it->w, it->h);
          cairo_fill (cr);
          cairo_restore (cr);
          break;
        case ITEM_IMAGE:
          cairo_save (cr);
          cairo_translate (cr, x + it->x, y + it->y);
          cairo_scale (cr, it->w / it->src_w, it->h / it->src_h);
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
  cairo_translate (r->cr, r->page_w / 2, r->page_h / 2);
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
      guint first = r->boxes->len;

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
        case RAPAT_LAYOUT_LIST:
          list_boxes (r, block);
          break;
        case RAPAT_LAYOUT_CHART:
          chart_boxes (r, block);
          break;
        case RAPAT_LAYOUT_HEADING:
        case RAPAT_LAYOUT_PARAGRAPH:
        case RAPAT_LAYOUT_BANNER:
        default:
          text_boxes (r, block);
          break;
        }
      if (block->new_page && first < r->boxes->len)
        ((Box *) r->boxes->pdata[first])->new_page = TRUE;
    }
  return TRUE;
}

/* Paginates the boxes of @r and draws them as a PDF written to @out;
 * FALSE with @error when Cairo cannot write it. */
static gboolean
draw_pdf (Render *r, const RapatLayout *doc, FILE *out, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_out, out, r->page_w,
                                                                  r->page_h);
  guint pages = paginate (r);
  cairo_status_t status;

  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, doc);
  r->cr = cairo_create (surface);
  cairo_set_source_rgb (r->cr, 0, 0, 0);
  for (guint p = 0, i = 0; p < pages; p++)
    {
      for (; i < r->boxes->len && ((Box *) r->boxes->pdata[i])->page == p; i++)
        {
          const Box *b = r->boxes->pdata[i];

          if (b->header_above)
            draw_box (r, r->boxes->pdata[b->header], MARGIN, TOP);
          draw_box (r, b, MARGIN, b->y);
        }
      draw_footer (r, doc, p, pages);
      if (doc->watermark != NULL)
        draw_watermark (r, doc->watermark);
      cairo_show_page (r->cr);
    }
  g_clear_pointer (&r->cr, cairo_destroy);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RAPAT_PDF_ERROR, RAPAT_PDF_ERROR_WRITE, _("the PDF could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_pdf_render (const RapatLayout *doc, FILE *out, GError **error)
{
  double page_w = doc->landscape ? A4_LONG : A4_SHORT;
  double page_h = doc->landscape ? A4_SHORT : A4_LONG;
  PangoFontMap *fonts = pango_cairo_font_map_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  Render r = { NULL, NULL, g_ptr_array_new_with_free_func (box_free),
               page_w, page_h, page_w - 2 * MARGIN, page_h - MARGIN };
  gboolean ok;

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
  /* The PDF is begun only once every box is made: a logo that cannot be
   * read leaves nothing written to @out, standard output included. */
  ok = build_boxes (&r, doc, error) && draw_pdf (&r, doc, out, error);
  g_ptr_array_unref (r.boxes);
  g_object_unref (r.context);
  g_object_unref (fonts);
  cairo_font_options_destroy (options);
  return ok;
}
