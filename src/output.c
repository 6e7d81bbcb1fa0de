/* rapat — output for people (aligned tables) and for programs (JSON). */
#include "output.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

struct _RapatTable {
  guint n_cols;
  GPtrArray *rows;          /* of char ** (n_cols strings); row 0 = headers */
  GPtrArray *notes;         /* per row: the note under it, or NULL */
  gboolean *right;
  gboolean *hide_empty;
  guint *max_width;
  guint fit_col;            /* the column narrowed to fit, or G_MAXUINT */
  guint fit_total;
  guint gap;
  guint *note_width;        /* per row: the wrap width of its note */
};

RapatTable *
rapat_table_new (const char *first_header, ...)
{
  RapatTable *t = g_new0 (RapatTable, 1);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_header);
  for (const char *h = first_header; h != NULL; h = va_arg (ap, const char *))
    g_ptr_array_add (headers, g_strdup (h));
  va_end (ap);
  t->n_cols = headers->len;
  g_ptr_array_add (headers, NULL);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (t->rows, g_ptr_array_steal (headers, NULL));
  t->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (t->notes, NULL);
  t->right = g_new0 (gboolean, t->n_cols);
  t->hide_empty = g_new0 (gboolean, t->n_cols);
  t->fit_col = G_MAXUINT;
  t->gap = 2;
  t->max_width = g_new0 (guint, t->n_cols);
  return t;
}

void
rapat_table_align_right (RapatTable *table, guint col)
{
  g_return_if_fail (col < table->n_cols);
  table->right[col] = TRUE;
}

void
rapat_table_fit (RapatTable *table, guint col, guint total)
{
  g_return_if_fail (col < table->n_cols);
  table->fit_col = col;
  table->fit_total = total;
}

void
rapat_table_gap (RapatTable *table, guint gap)
{
  table->gap = gap;
}

void
rapat_table_hide_empty (RapatTable *table, guint col)
{
  g_return_if_fail (col < table->n_cols);
  table->hide_empty[col] = TRUE;
}

void
rapat_table_max_width (RapatTable *table, guint col, guint width)
{
  g_return_if_fail (col < table->n_cols);
  table->max_width[col] = width;
}

/* Returns @s cut to @width display columns with a trailing ellipsis. */
static char *
cut_to_width (const char *s, guint width)
{
  GString *out;
  gsize w = 0;

  if (width == 0 || rapat_text_width (s) <= width)
    return g_strdup (s);
  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize cw = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (w + cw > width - 1)
        break;
      g_string_append_unichar (out, c);
      w += cw;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

void
rapat_table_add_row (RapatTable *table, const char *const *cells)
{
  char **row = g_new0 (char *, table->n_cols + 1);

  for (guint i = 0; i < table->n_cols; i++)
    row[i] = cut_to_width (cells[i] != NULL ? cells[i] : "", table->max_width[i]);
  g_ptr_array_add (table->rows, row);
  g_ptr_array_add (table->notes, NULL);
}

void
rapat_table_add_note (RapatTable *table, const char *text, guint width)
{
  char *copy = g_strdup (text);
  guint row = table->notes->len - 1;

  g_strdelimit (copy, "\t\n\r", ' ');
  g_free (table->notes->pdata[row]);
  table->notes->pdata[row] = copy;
  table->note_width = g_renew (guint, table->note_width, table->notes->len);
  table->note_width[row] = width;
}

void
rapat_print_wrapped (FILE *out, const char *lead, const char *text, guint width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  gsize w = 0;

  for (char **word = words; *word != NULL; word++)
    {
      gsize ww = rapat_text_width (*word);

      if (**word == '\0')
        continue;
      if (width > 0 && line->len > 0 && w + 1 + ww > width)
        {
          fprintf (out, "%s%s\n", lead, line->str);
          g_string_truncate (line, 0);
          w = 0;
        }
      if (line->len > 0)
        {
          g_string_append_c (line, ' ');
          w++;
        }
      if (width > 0 && ww > width)
        {
          g_autofree char *cut = cut_to_width (*word, width);
          g_string_append (line, cut);
          w += rapat_text_width (cut);
        }
      else
        {
          g_string_append (line, *word);
          w += ww;
        }
    }
  if (line->len > 0)
    fprintf (out, "%s%s\n", lead, line->str);
}

void
rapat_table_add (RapatTable *table, ...)
{
  g_autofree const char **cells = g_new0 (const char *, table->n_cols);
  va_list ap;

  va_start (ap, table);
  for (guint i = 0; i < table->n_cols; i++)
    cells[i] = va_arg (ap, const char *);
  va_end (ap);
  rapat_table_add_row (table, cells);
}

guint
rapat_table_rows (RapatTable *table)
{
  return table->rows->len - 1;
}

void
rapat_table_print (RapatTable *table, FILE *out, const char *indent)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_cols);
  g_autofree gboolean *shown = g_new0 (gboolean, table->n_cols);
  /* Each cell's display width, measured once: [r * n_cols + c]. */
  g_autofree gsize *cell_width = g_new (gsize, (gsize) table->rows->len * table->n_cols);

  for (guint c = 0; c < table->n_cols; c++)
    shown[c] = !table->hide_empty[c];
  if (table->note_width != NULL)
    table->note_width = g_renew (guint, table->note_width, table->notes->len);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      for (guint c = 0; c < table->n_cols; c++)
        {
          cell_width[(gsize) r * table->n_cols + c] = rapat_text_width (row[c]);
          widths[c] = MAX (widths[c], cell_width[(gsize) r * table->n_cols + c]);
          if (r > 0 && *row[c] != '\0')
            shown[c] = TRUE;
        }
    }
  if (table->fit_col < table->n_cols)
    {
      gsize others = 0;
      guint n_shown = 0;

      for (guint c = 0; c < table->n_cols; c++)
        if (shown[c])
          {
            n_shown++;
            if (c != table->fit_col)
              others += widths[c];
          }
      others += (gsize) table->gap * (n_shown > 0 ? n_shown - 1 : 0) + strlen (indent);
      if (others + widths[table->fit_col] > table->fit_total)
        {
          gsize room = table->fit_total > others + 8 ? table->fit_total - others : 8;

          for (guint r = 0; r < table->rows->len; r++)
            {
              char **row = table->rows->pdata[r];
              char *cut = cut_to_width (row[table->fit_col], (guint) room);
              g_free (row[table->fit_col]);
              row[table->fit_col] = cut;
              cell_width[(gsize) r * table->n_cols + table->fit_col] = rapat_text_width (cut);
            }
          widths[table->fit_col] = room;
        }
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      g_autoptr(GString) line = g_string_new (indent);

      for (guint c = 0; c < table->n_cols; c++)
        {
          gsize pad = widths[c] - cell_width[(gsize) r * table->n_cols + c];

          if (!shown[c])
            continue;
          if (c > 0)
            for (guint g = 0; g < table->gap; g++)
              g_string_append_c (line, ' ');
          if (table->right[c])
            {
              for (gsize i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
              g_string_append (line, row[c]);
            }
          else
            {
              g_string_append (line, row[c]);
              for (gsize i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
            }
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      fprintf (out, "%s\n", line->str);
      if (table->notes->pdata[r] != NULL)
        {
          g_autofree char *lead = g_strdup_printf ("%s%*s  ", indent, (int) widths[0], "");
          rapat_print_wrapped (out, lead, table->notes->pdata[r], table->note_width[r]);
        }
    }
}

void
rapat_table_free (RapatTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->notes);
  g_free (table->right);
  g_free (table->hide_empty);
  g_free (table->note_width);
  g_free (table->max_width);
  g_free (table);
}

/* ---- JSON ---- */

struct _RapatJson {
  FILE *out;
  GArray *counts;   /* per open container: number of members written */
};

RapatJson *
rapat_json_new (FILE *out)
{
  RapatJson *j = g_new0 (RapatJson, 1);

  j->out = out;
  j->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  return j;
}

void
rapat_json_write_string (FILE *out, const char *s)
{
  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': fputs ("\\\"", out); break;
        case '\\': fputs ("\\\\", out); break;
        case '\n': fputs ("\\n", out); break;
        case '\t': fputs ("\\t", out); break;
        case '\r': fputs ("\\r", out); break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            fprintf (out, "\\u%04x", *p);
          else
            fputc (*p, out);
        }
    }
  fputc ('"', out);
}

/* Writes the separator, indentation and key that precede a member. */
static void
json_member (RapatJson *j, const char *key)
{
  if (j->counts->len > 0)
    {
      guint *n = &g_array_index (j->counts, guint, j->counts->len - 1);

      fputs (*n > 0 ? ",\n" : "\n", j->out);
      (*n)++;
      for (guint i = 0; i < j->counts->len; i++)
        fputs ("  ", j->out);
    }
  if (key != NULL)
    {
      rapat_json_write_string (j->out, key);
      fputs (": ", j->out);
    }
}

/* Opens a container with the bracket @open. */
static void
json_open (RapatJson *j, const char *key, char open)
{
  guint zero = 0;

  json_member (j, key);
  fputc (open, j->out);
  g_array_append_val (j->counts, zero);
}

/* Closes the innermost container with the bracket @close. */
static void
json_close (RapatJson *j, char close)
{
  guint n;

  g_return_if_fail (j->counts->len > 0);
  n = g_array_index (j->counts, guint, j->counts->len - 1);
  g_array_set_size (j->counts, j->counts->len - 1);
  if (n > 0)
    {
      fputc ('\n', j->out);
      for (guint i = 0; i < j->counts->len; i++)
        fputs ("  ", j->out);
    }
  fputc (close, j->out);
}

void
rapat_json_begin_object (RapatJson *json, const char *key)
{
  json_open (json, key, '{');
}

void
rapat_json_end_object (RapatJson *json)
{
  json_close (json, '}');
}

void
rapat_json_begin_array (RapatJson *json, const char *key)
{
  json_open (json, key, '[');
}

void
rapat_json_end_array (RapatJson *json)
{
  json_close (json, ']');
}

void
rapat_json_string (RapatJson *json, const char *key, const char *value)
{
  json_member (json, key);
  if (value != NULL)
    rapat_json_write_string (json->out, value);
  else
    fputs ("null", json->out);
}

void
rapat_json_int (RapatJson *json, const char *key, gint64 value)
{
  json_member (json, key);
  fprintf (json->out, "%" G_GINT64_FORMAT, value);
}

void
rapat_json_id (RapatJson *json, const char *key, gint64 value)
{
  if (value == 0)
    rapat_json_null (json, key);
  else
    rapat_json_int (json, key, value);
}

void
rapat_json_bool (RapatJson *json, const char *key, gboolean value)
{
  json_member (json, key);
  fputs (value ? "true" : "false", json->out);
}

void
rapat_json_member (RapatJson *json, const char *key)
{
  json_member (json, key);
}

void
rapat_json_null (RapatJson *json, const char *key)
{
  json_member (json, key);
  fputs ("null", json->out);
}

void
rapat_json_free (RapatJson *json)
{
  if (json == NULL)
    return;
  fputc ('\n', json->out);
  g_array_unref (json->counts);
  g_free (json);
}

/* ---- output files ---- */

struct _RapatOutput {
  FILE *fp;
  char *path;      /* NULL for stdout */
  char *tmp;       /* the temporary file until it is renamed */
};

RapatOutput *
rapat_output_open (const char *path, GError **error)
{
  g_autoptr(RapatOutput) out = g_new0 (RapatOutput, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int fd;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      out->fp = stdout;
      return g_steal_pointer (&out);
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("output '%s': is a folder"), path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  out->path = g_strdup (path);
  out->tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (out->tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_clear_pointer (&out->tmp, g_free);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("output '%s': %s"), path,
                   g_strerror (saved));
      return NULL;
    }
  out->fp = fdopen (fd, "w");
  if (out->fp == NULL)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("output '%s': %s"), path,
                   g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&out);
}

FILE *
rapat_output_stream (RapatOutput *output)
{
  return output->fp;
}

gboolean
rapat_output_finish (RapatOutput *output, GError **error)
{
  FILE *fp = output->fp;
  gboolean ok;

  if (output->path == NULL)
    return TRUE;   /* stdout is checked once, at exit */
  output->fp = NULL;
  ok = fflush (fp) == 0 && !ferror (fp) && fsync (fileno (fp)) == 0;
  ok = (fclose (fp) == 0) && ok;
  if (!ok || g_rename (output->tmp, output->path) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("output '%s': %s"), output->path,
                   g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&output->tmp, g_free);
  return TRUE;
}

void
rapat_output_free (RapatOutput *output)
{
  if (output == NULL)
    return;
  if (output->fp != NULL && output->path != NULL)
    fclose (output->fp);
  if (output->tmp != NULL)
    g_unlink (output->tmp);
  g_free (output->tmp);
  g_free (output->path);
  g_free (output);
}
