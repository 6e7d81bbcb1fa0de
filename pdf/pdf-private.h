/* rapat — inside the PDF module (src/rapat-pdf.so): what its files share. */
#pragma once

#include "config.h"
#include "rapat-pdf.h"

/* The module speaks through rapat's catalog, which the program has bound. */
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* The module's errors: its messages go to the user as they are. */
#define RAPAT_PDF_ERROR (rapat_pdf_error_quark ())
GQuark rapat_pdf_error_quark (void);

typedef enum {
  RAPAT_PDF_ERROR_IMAGE,      /* a logo Cairo, librsvg or gdk-pixbuf cannot read */
  RAPAT_PDF_ERROR_WRITE,      /* the PDF could not be written */
} RapatPdfErrorCode;

/* The table's render (render.c; see rapat-pdf.h). */
gboolean rapat_pdf_render (const RapatLayout *doc, FILE *out, GError **error);

G_END_DECLS
