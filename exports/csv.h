/* rapat — CSV writing (RFC 4180) for reports (export layer). */
#pragma once

#include <stdio.h>

#include "rapat.h"

G_BEGIN_DECLS

/* Writes one field: quoted when it holds a comma, quote, CR or LF (quotes
 * doubled); a field that a spreadsheet would take for a formula (starting
 * with =, +, -, @, tab or CR) is prefixed with an apostrophe, as OWASP
 * advises against CSV injection.  NULL writes an empty field.  @first says
 * whether a separator is needed before it. */
void rapat_csv_field (FILE *out, const char *value, gboolean first);

/* Writes a whole record from @n fields, ending it with CRLF. */
void rapat_csv_record (FILE *out, const char *const *fields, guint n);

G_END_DECLS
