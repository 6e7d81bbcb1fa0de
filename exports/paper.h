/* rapat — what every printed paper's layout shares: the letterhead (kop
 * surat) as a layout block (export layer).
 *
 * The papers are built as RapatLayout documents (layout.h) by their own
 * writers (report-attendance.c, report-minutes.c, report-actions.c,
 * report-papers.c); this is the part they have in common. */
#pragma once

#include "html.h"
#include "layout.h"

G_BEGIN_DECLS

/* Adds the letterhead @lh to @doc when any of it is set: its four lines,
 * the logo (as PNG bytes when it is a PNG, the only kind the PDF draws;
 * as its data: URI for the HTML, whatever its kind), the double rule; the
 * office becomes the document's author. */
void rapat_paper_letterhead (RapatLayout *doc, const RapatLetterhead *lh);

/* TRUE when @lh has a logo the PDF cannot draw (not a PNG). */
gboolean rapat_paper_logo_dropped (const RapatLetterhead *lh);

G_END_DECLS
