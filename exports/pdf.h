/* rapat — writing a paper as PDF through the PDF module (export layer).
 *
 * Drawing needs Cairo and Pango (librsvg and gdk-pixbuf for the logo),
 * which rapat does not link: they live in src/rapat-pdf.so (pdf/), opened
 * the first time a command writes a PDF, so that the other commands start
 * as fast as before (bench/README.md).
 * See pdf/rapat-pdf.h for what the module does. */
#pragma once

#include <stdio.h>

#include "rapat.h"
#include "layout.h"
#include "../pdf/rapat-pdf.h"

G_BEGIN_DECLS

/* Returns the PDF module's table, loading it on the first call: from
 * $RAPAT_PDF_MODULE when set (a path; the tests set it), else from the
 * installed pkglibdir, else from the build tree it was built in.  NULL with
 * @error, naming the paths tried and why, when none loads or its table is
 * of another version. */
const RapatPdfModule *rapat_pdf (GError **error);

/* Writes @doc to @out as PDF with the module; FALSE with @error when the
 * module does not load or drawing fails. */
gboolean rapat_pdf_write (FILE *out, const RapatLayout *doc, GError **error);

G_END_DECLS
