/* rapat — a printed paper's layout (layout.h) written as one HTML page
 * (export layer).
 *
 * The PDF module draws a RapatLayout on A4; this writes the same document
 * as a standalone HTML5 page a browser prints on A4 with 2 cm margins, so
 * that the HTML and the PDF of a paper come from one layout and cannot
 * say different things. */
#pragma once

#include <stdio.h>

#include "layout.h"

G_BEGIN_DECLS

/* Writes @doc to @out as a complete HTML page: every text escaped; the
 * letterhead, titles, fields, tables (their header rows in <thead>, which
 * browsers repeat on every printed page; rows kept whole), lists, banners,
 * bar charts (a table of inline SVG drawings, a bar a row, the ticks in
 * its header) and signature blocks in the order of @doc; the watermark on every page;
 * the printing time and the page numbers in the page's margin where the
 * browser draws CSS page-margin boxes. */
void rapat_layout_html (FILE *out, const RapatLayout *doc);

G_END_DECLS
