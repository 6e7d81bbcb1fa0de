/* rapat — what the report writers share: formats and HTML escaping (export layer). */
#pragma once

#include <stdio.h>

#include "rapat.h"
#include "model.h"
#include "html.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_FORMAT_TEXT,
  RAPAT_FORMAT_CSV,
  RAPAT_FORMAT_JSON,
  RAPAT_FORMAT_HTML,
  RAPAT_FORMAT_PDF,
} RapatFormat;

extern const RapatEnum rapat_format_enum;

/* Writes a JSON number for a rate from 0 to 1 rounded to 4 decimals, or
 * null when @rate is negative (nobody invited). */
void rapat_report_rate_json (FILE *out, double rate);

/* Returns a rate as "81.8%", or "-" when @rate is negative. */
char *rapat_report_rate_text (double rate);

G_END_DECLS
