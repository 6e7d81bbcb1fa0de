/* rapat — what every HTML page rapat writes shares: escaping, the page's
 * head and style, table cells, and for the papers written from a layout
 * (layout-html.c: sign-in sheet, invitation, programme, minutes...) the
 * letterhead (kop surat) and the signature block (export layer). */
#pragma once

#include <stdio.h>

#include "rapat.h"

G_BEGIN_DECLS

/* Writes @s to @out with &, <, >, " and ' escaped for HTML text and
 * attribute values; NULL writes nothing. */
void rapat_html_escape (FILE *out, const char *s);

/* Writes the start of a standalone page: doctype, <html lang=@lang>, the
 * head with @title (escaped), the style of every report followed by
 * @extra_style (trusted CSS, or NULL), and <body>. */
void rapat_html_begin (FILE *out, const char *lang, const char *title, const char *extra_style);

/* Writes one table cell, escaped; @numeric right-aligns it. */
void rapat_html_cell (FILE *out, const char *text, gboolean numeric);

/* An organisation's letterhead ('rapat config set letterhead.*'); any
 * field may be NULL. */
typedef struct {
  const char *ministry;   /* first line, e.g. the ministry */
  const char *office;     /* second line, the office, larger */
  const char *address;
  const char *contact;    /* telephone, e-mail, website */
  const char *logo_uri;   /* a data: URI of the logo image (trusted: made by rapat) */
  const char *logo_name;  /* the logo's file as messages name it, or NULL */
} RapatLetterhead;

/* Writes the kop surat: the logo on the left, the lines centred, a thick
 * and a thin rule under them.  Writes nothing when no field is set. */
void rapat_html_letterhead (FILE *out, const RapatLetterhead *head);

/* One signatory of a paper. */
typedef struct {
  const char *above;      /* a line above, e.g. "Ambon, 1 September 2025", or NULL */
  const char *title;      /* the capacity, e.g. "Kepala Kantor Wilayah," or "Pimpinan Rapat," */
  const char *name;       /* under the room to sign; NULL leaves a dotted line */
  const char *below;      /* a line under the name (position, NIP), or NULL */
} RapatSignature;

/* Writes the signature block: one signatory on the right half of the
 * page, or several side by side; each keeps its lines together on one
 * printed page (page-break-inside: avoid), with room to sign. */
void rapat_html_signatures (FILE *out, const RapatSignature *signatures, guint n);

G_END_DECLS
