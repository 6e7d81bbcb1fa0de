/* rapat — reading CSV as spreadsheets write it (core layer). */
#include "csv-read.h"

#include <string.h>

/* Where the reader stands: the byte, and its line and column for errors. */
typedef struct {
  const char *p;
  const char *end;
  const char *line_start;
  guint line;
} CsvPos;

/* Returns the 1-based column, in characters, of @at on the line that
 * starts at @pos->line_start. */
static guint
column_of (const CsvPos *pos, const char *at)
{
  return (guint) g_utf8_strlen (pos->line_start, at - pos->line_start) + 1;
}

/* Steps over the line end at pos->p (CRLF, LF or CR) and counts the line. */
static void
skip_line_end (CsvPos *pos)
{
  if (*pos->p == '\r' && pos->p + 1 < pos->end && pos->p[1] == '\n')
    pos->p++;
  pos->p++;
  pos->line++;
  pos->line_start = pos->p;
}

/* Returns the separator the first line uses more often outside quotes. */
static char
detect_separator (const char *p, const char *end)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

/* Frees one record. */
static void
record_free (RapatCsvRecord *rec)
{
  g_strfreev (rec->fields);
  g_free (rec);
}

/* Reads one field at pos->p into @out; FALSE with @error on a quote never
 * closed or text after the closing one. */
static gboolean
read_field (CsvPos *pos, char sep, const char *name, GString *out, GError **error)
{
  if (pos->p < pos->end && *pos->p == '"')
    {
      guint open_line = pos->line, open_column = column_of (pos, pos->p);

      pos->p++;
      for (;;)
        {
          if (pos->p >= pos->end)
            {
              g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                           _("%s:%u:%u: the quote opened here is never closed"), name,
                           open_line, open_column);
              return FALSE;
            }
          if (*pos->p == '"' && pos->p + 1 < pos->end && pos->p[1] == '"')
            {
              g_string_append_c (out, '"');
              pos->p += 2;
            }
          else if (*pos->p == '"')
            {
              pos->p++;
              break;
            }
          else if (*pos->p == '\r' || *pos->p == '\n')
            {
              g_string_append_c (out, '\n');
              skip_line_end (pos);
            }
          else
            g_string_append_c (out, *pos->p++);
        }
      if (pos->p < pos->end && *pos->p != sep && *pos->p != '\r' && *pos->p != '\n')
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("%s:%u:%u: text after the closing quote (a quote inside a field is "
                         "written twice)"), name, pos->line, column_of (pos, pos->p));
          return FALSE;
        }
      return TRUE;
    }
  /* Unquoted: up to the separator or the line end; a stray quote is text. */
  while (pos->p < pos->end && *pos->p != sep && *pos->p != '\r' && *pos->p != '\n')
    g_string_append_c (out, *pos->p++);
  return TRUE;
}

RapatCsv *
rapat_csv_read (const char *data, gsize len, const char *name, GError **error)
{
  g_autoptr(RapatCsv) csv = g_new0 (RapatCsv, 1);
  const char *bad = NULL;
  CsvPos pos;

  csv->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  pos.p = pos.line_start = data;
  pos.end = data + len;
  pos.line = 1;
  if (!g_utf8_validate_len (data, len, &bad))
    {
      /* Count the lines up to the bad byte for the message. */
      for (const char *q = data; q < bad; q++)
        if (*q == '\n' || (*q == '\r' && (q + 1 == bad || q[1] != '\n')))
          {
            pos.line++;
            pos.line_start = q + 1;
          }
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s:%u:%u: not UTF-8 (save the sheet as \"CSV UTF-8\")"), name, pos.line,
                   column_of (&pos, bad));
      return NULL;
    }
  csv->separator = detect_separator (data, pos.end);
  while (pos.p < pos.end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      RapatCsvRecord *rec;
      guint line = pos.line;

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (!read_field (&pos, csv->separator, name, field, error))
            return NULL;
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          if (pos.p < pos.end && *pos.p == csv->separator)
            {
              pos.p++;
              continue;
            }
          if (pos.p < pos.end)
            skip_line_end (&pos);
          break;
        }
      if (fields->len == 1 && *(char *) fields->pdata[0] == '\0')
        continue;
      rec = g_new0 (RapatCsvRecord, 1);
      rec->line = line;
      rec->n_fields = fields->len;
      g_ptr_array_add (fields, NULL);
      rec->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (csv->records, rec);
    }
  return g_steal_pointer (&csv);
}

void
rapat_csv_free (RapatCsv *csv)
{
  if (csv == NULL)
    return;
  g_ptr_array_unref (csv->records);
  g_free (csv);
}
