/* rapat — what the report writers share: formats and HTML escaping (export layer). */
#include "report.h"
#include "lang.h"

static const char *const format_names[] = { "text", "csv", "json", "html", "pdf", NULL };
static const char *const format_aliases[] = { "teks", "text", NULL };
const RapatEnum rapat_format_enum = { N_("format"), format_names, format_aliases };

void
rapat_report_rate_json (FILE *out, double rate)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Always a full stop, whatever LC_NUMERIC says: this is for programs. */
  if (rate < 0)
    fputs ("null", out);
  else
    fputs (g_ascii_formatd (buf, sizeof buf, "%.4f", rate), out);
}

char *
rapat_report_rate_text (double rate)
{
  /* In the output's language: "81.8%", "81,8%". */
  return rapat_lang_percent (rate, rapat_lang ());
}
