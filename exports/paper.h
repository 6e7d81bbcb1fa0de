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
 * the logo (its data: URI and its name, whatever its kind: the HTML and
 * the PDF show PNG, JPEG and SVG), the double rule; the office becomes the
 * document's author. */
void rapat_paper_letterhead (RapatLayout *doc, const RapatLetterhead *lh);

G_END_DECLS
