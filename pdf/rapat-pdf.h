/* rapat — the interface of the PDF module, src/rapat-pdf.so.
 *
 * The module links Cairo, Pango, fontconfig, librsvg and gdk-pixbuf and is
 * opened by rapat only when a command writes a PDF (see exports/pdf.h), so
 * that no other command pays for loading them.  It paginates and draws a RapatLayout
 * (exports/layout.h: plain data) on A4 and knows nothing else of rapat.
 * Both sides include this header; a change to it or to layout.h raises
 * RAPAT_PDF_ABI. */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "layout.h"

G_BEGIN_DECLS

#define RAPAT_PDF_ABI 4

/* The module's table, returned by its one exported function,
 * rapat_pdf_module_table (RAPAT_PDF_TABLE_SYMBOL). */
typedef struct {
  guint abi;                        /* RAPAT_PDF_ABI */
  const char *versions;             /* "Cairo 1.16.0, Pango 1.50.12, librsvg 2.54.7,
                                     * gdk-pixbuf 2.42.10", for --version */

  /* Paginates @doc on A4 portrait with 2 cm margins and writes it to @out
   * as PDF: fonts found through fontconfig (Noto Sans, else DejaVu Sans)
   * and embedded as subsets, page numbers and @doc's footer on every page,
   * the metadata of @doc; the letterhead's logo a PNG, JPEG (or another
   * raster gdk-pixbuf reads) or SVG, an SVG drawn as vectors.  FALSE with
   * @error when the PDF cannot be written or the logo cannot be read (one
   * line naming it and the library's reason). */
  gboolean (*render) (const RapatLayout *doc, FILE *out, GError **error);
} RapatPdfModule;

#define RAPAT_PDF_TABLE_SYMBOL "rapat_pdf_module_table"
typedef const RapatPdfModule *(*RapatPdfTableFunc) (void);

G_END_DECLS
