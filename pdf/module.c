/* rapat — the PDF module's table: the one symbol rapat looks up. */
#include "pdf-private.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <pango/pango.h>

G_DEFINE_QUARK (rapat-pdf-error-quark, rapat_pdf_error)

/* Exported: the table of the module's functions (see rapat-pdf.h). */
const RapatPdfModule *rapat_pdf_module_table (void);

const RapatPdfModule *
rapat_pdf_module_table (void)
{
  static char versions[128];
  static RapatPdfModule table = {
    .abi = RAPAT_PDF_ABI,
    .versions = versions,
    .render = rapat_pdf_render,
  };

  if (versions[0] == '\0')
    g_snprintf (versions, sizeof versions, "Cairo %s, Pango %s, librsvg %u.%u.%u, gdk-pixbuf %s",
                cairo_version_string (), pango_version_string (), rsvg_major_version,
                rsvg_minor_version, rsvg_micro_version, gdk_pixbuf_version);
  return &table;
}
