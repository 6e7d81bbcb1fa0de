/* rapat — CSV writing (RFC 4180) for reports (export layer). */
#include "csv.h"

#include <string.h>

void
rapat_csv_field (FILE *out, const char *value, gboolean first)
{
  gboolean formula, quote;

  if (!first)
    fputc (',', out);
  if (value == NULL || *value == '\0')
    return;
  formula = strchr ("=+-@\t\r", value[0]) != NULL;
  quote = formula || strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    fputc ('"', out);
  if (formula)
    fputc ('\'', out);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  if (quote)
    fputc ('"', out);
}

void
rapat_csv_record (FILE *out, const char *const *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    rapat_csv_field (out, fields[i], i == 0);
  fputs ("\r\n", out);
}
