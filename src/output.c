/* rapat — output for people (aligned tables) and for programs (JSON). */
/* O_TMPFILE, AT_* and statfs() are Linux (GNU) extensions. */
#define _GNU_SOURCE 1
#include "output.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#ifdef __linux__
#include <sys/vfs.h>
#include <linux/magic.h>
#endif

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
  guint width;              /* the total to fit, 0 = the terminal's (when printed to it) */
};

/* The stream that stands for standard output, besides stdout itself. */
static FILE *terminal_stream;

guint
rapat_output_terminal_width (void)
{
  const char *columns = g_getenv ("COLUMNS");
  struct winsize ws;
  guint64 n;

  if (columns != NULL && g_ascii_string_to_unsigned (columns, 10, 20, 10000, &n, NULL))
    return (guint) n;
  if (!isatty (STDOUT_FILENO))
    return 0;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 80;
}

guint
rapat_output_width_for (FILE *out)
{
  if (out != NULL && (out == stdout || out == terminal_stream))
    return rapat_output_terminal_width ();
  return 0;
}

void
rapat_output_set_terminal (FILE *stream)
{
  terminal_stream = stream;
}

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
rapat_table_set_width (RapatTable *table, guint total)
{
  table->width = total;
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

  /* Kept whole: rapat_table_print() cuts or wraps them. */
  for (guint i = 0; i < table->n_cols; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
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

struct _RapatFields {
  guint min_width;
  GPtrArray *labels;
  GPtrArray *values;
};

RapatFields *
rapat_fields_new (guint min_width)
{
  RapatFields *f = g_new0 (RapatFields, 1);

  f->min_width = min_width;
  f->labels = g_ptr_array_new_with_free_func (g_free);
  f->values = g_ptr_array_new_with_free_func (g_free);
  return f;
}

void
rapat_fields_add (RapatFields *fields, const char *label, const char *value)
{
  g_ptr_array_add (fields->labels, g_strdup (label));
  g_ptr_array_add (fields->values, g_strdup (value != NULL && *value != '\0' ? value : "-"));
}

void
rapat_fields_addf (RapatFields *fields, const char *label, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (fields->labels, g_strdup (label));
  g_ptr_array_add (fields->values, g_strdup_vprintf (format, ap));
  va_end (ap);
}

void
rapat_fields_print (RapatFields *fields, FILE *out, const char *indent)
{
  gsize width = fields->min_width;

  for (guint i = 0; i < fields->labels->len; i++)
    width = MAX (width, rapat_text_width (fields->labels->pdata[i]));
  for (guint i = 0; i < fields->labels->len; i++)
    {
      const char *label = fields->labels->pdata[i];
      g_auto(GStrv) lines = g_strsplit (fields->values->pdata[i], "\n", -1);
      gsize pad = width - rapat_text_width (label) + 1;

      fprintf (out, "%s%s%*s%s\n", indent, label, (int) pad, "", lines[0]);
      for (guint j = 1; lines[j] != NULL; j++)
        fprintf (out, "%s%*s%s\n", indent, (int) (width + 1), "", lines[j]);
    }
  g_ptr_array_set_size (fields->labels, 0);
  g_ptr_array_set_size (fields->values, 0);
}

void
rapat_fields_free (RapatFields *fields)
{
  if (fields == NULL)
    return;
  g_ptr_array_unref (fields->labels);
  g_ptr_array_unref (fields->values);
  g_free (fields);
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

gsize
rapat_table_natural_width (RapatTable *table, const char *indent)
{
  gsize sum = rapat_text_width (indent);
  guint n_shown = 0;

  for (guint c = 0; c < table->n_cols; c++)
    {
      gsize w = 0;
      gboolean shown = !table->hide_empty[c];

      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *cell = ((char **) table->rows->pdata[r])[c];
          gsize cw = rapat_text_width (cell);

          if (r > 0 && table->max_width[c] > 0)
            cw = MIN (cw, table->max_width[c]);
          w = MAX (w, cw);
          if (r > 0 && *cell != '\0')
            shown = TRUE;
        }
      if (shown)
        {
          sum += w;
          n_shown++;
        }
    }
  return sum + (gsize) table->gap * (n_shown > 0 ? n_shown - 1 : 0);
}

/* Returns @text wrapped at spaces into lines (a NULL-terminated array) of
 * at most @width display columns; a word wider than @width is broken. */
static char **
wrap_cell (const char *text, gsize width)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  gsize w = 0;

  for (char **word = words; *word != NULL; word++)
    {
      const char *p = *word;
      gsize ww = rapat_text_width (p);

      if (*p == '\0')
        continue;
      if (line->len > 0 && w + 1 + ww > width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          w = 0;
        }
      if (line->len > 0)
        {
          g_string_append_c (line, ' ');
          w++;
        }
      /* A word wider than the column, broken where the column ends. */
      for (; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gsize cw = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

          if (w + cw > width && line->len > 0)
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_truncate (line, 0);
              w = 0;
            }
          g_string_append_unichar (line, c);
          w += cw;
        }
    }
  if (line->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/* Returns the display width of the widest word of @text. */
static gsize
longest_word (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  gsize w = 0;

  for (char **word = words; *word != NULL; word++)
    w = MAX (w, rapat_text_width (*word));
  return w;
}

/* Narrows the columns of @widths (shown ones only; right-aligned ones never)
 * until a line of them, with @fixed columns of indent and gaps, fits
 * @total: first the widest column that can lose width without breaking a
 * word of @words (its widest word, at most 20), then, if that is not
 * enough, the widest one down to 6 columns, breaking words. */
static void
narrow_columns (const RapatTable *table, const gboolean *shown, gsize *widths,
                const gsize *words, gsize fixed, gsize total)
{
  gsize sum = fixed;

  for (guint c = 0; c < table->n_cols; c++)
    if (shown[c])
      sum += widths[c];
  for (int pass = 0; pass < 2 && sum > total; pass++)
    while (sum > total)
      {
        guint widest = G_MAXUINT;

        for (guint c = 0; c < table->n_cols; c++)
          {
            gsize floor = pass == 0 ? MIN (MAX (words[c], 6), 20) : 6;

            if (shown[c] && !table->right[c] && widths[c] > floor
                && (widest == G_MAXUINT || widths[c] > widths[widest]))
              widest = c;
          }
        if (widest == G_MAXUINT)
          break;
        widths[widest]--;
        sum--;
      }
}

void
rapat_table_print (RapatTable *table, FILE *out, const char *indent)
{
  guint n_rows = table->rows->len;
  guint total = table->width;
  g_autofree gsize *widths = g_new0 (gsize, table->n_cols);
  g_autofree gsize *words = g_new0 (gsize, table->n_cols);
  g_autofree gboolean *shown = g_new0 (gboolean, table->n_cols);
  /* Each cell's display width, measured once: [r * n_cols + c]. */
  g_autofree gsize *cell_width = g_new (gsize, (gsize) n_rows * table->n_cols);
  gsize fixed = rapat_text_width (indent);
  guint n_shown = 0;

  if (total == 0)
    total = rapat_output_width_for (out);
  for (guint c = 0; c < table->n_cols; c++)
    shown[c] = !table->hide_empty[c];
  if (table->note_width != NULL)
    table->note_width = g_renew (guint, table->note_width, table->notes->len);
  for (guint r = 0; r < n_rows; r++)
    {
      char **row = table->rows->pdata[r];
      for (guint c = 0; c < table->n_cols; c++)
        {
          /* Without a width to fit, a long cell is cut; with one, it wraps
           * at the column's width below. */
          if (r > 0 && total == 0 && table->max_width[c] > 0)
            {
              char *cut = cut_to_width (row[c], table->max_width[c]);
              g_free (row[c]);
              row[c] = cut;
            }
          cell_width[(gsize) r * table->n_cols + c] = rapat_text_width (row[c]);
          widths[c] = MAX (widths[c], cell_width[(gsize) r * table->n_cols + c]);
          if (total > 0)
            words[c] = MAX (words[c], longest_word (row[c]));
          if (r > 0 && *row[c] != '\0')
            shown[c] = TRUE;
        }
    }
  for (guint c = 0; c < table->n_cols; c++)
    {
      if (total > 0 && table->max_width[c] > 0)
        widths[c] = MIN (widths[c], table->max_width[c]);
      if (shown[c])
        n_shown++;
    }
  fixed += (gsize) table->gap * (n_shown > 0 ? n_shown - 1 : 0);
  if (table->fit_col < table->n_cols)
    {
      gsize others = 0;

      for (guint c = 0; c < table->n_cols; c++)
        if (shown[c] && c != table->fit_col)
          others += widths[c];
      others += (gsize) table->gap * (n_shown > 0 ? n_shown - 1 : 0) + strlen (indent);
      if (others + widths[table->fit_col] > table->fit_total)
        {
          gsize room = table->fit_total > others + 8 ? table->fit_total - others : 8;

          for (guint r = 0; r < n_rows; r++)
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
  if (total > 0)
    narrow_columns (table, shown, widths, words, fixed, total);
  for (guint r = 0; r < n_rows; r++)
    {
      char **row = table->rows->pdata[r];
      /* Each shown cell as the lines it takes; one line when it fits. */
      g_autofree char ***cells = g_new0 (char **, table->n_cols);
      guint height = 1;

      for (guint c = 0; c < table->n_cols; c++)
        if (shown[c] && cell_width[(gsize) r * table->n_cols + c] > widths[c])
          {
            cells[c] = wrap_cell (row[c], widths[c]);
            height = MAX (height, g_strv_length (cells[c]));
          }
      for (guint l = 0; l < height; l++)
        {
          g_autoptr(GString) line = g_string_new (indent);
          gboolean first = TRUE;

          for (guint c = 0; c < table->n_cols; c++)
            {
              const char *text;
              gsize pad;

              if (!shown[c])
                continue;
              if (cells[c] != NULL)
                text = l < g_strv_length (cells[c]) ? cells[c][l] : "";
              else
                text = l == 0 ? row[c] : "";
              pad = widths[c] - MIN (widths[c], cells[c] != NULL || l > 0
                                                 ? rapat_text_width (text)
                                                 : cell_width[(gsize) r * table->n_cols + c]);
              /* The gap goes between shown columns: none before the first,
               * also when the columns before it are hidden. */
              if (!first)
                for (guint g = 0; g < table->gap; g++)
                  g_string_append_c (line, ' ');
              first = FALSE;
              if (table->right[c])
                {
                  for (gsize i = 0; i < pad; i++)
                    g_string_append_c (line, ' ');
                  g_string_append (line, text);
                }
              else
                {
                  g_string_append (line, text);
                  for (gsize i = 0; i < pad; i++)
                    g_string_append_c (line, ' ');
                }
            }
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          fprintf (out, "%s\n", line->str);
        }
      for (guint c = 0; c < table->n_cols; c++)
        g_strfreev (cells[c]);
      if (table->notes->pdata[r] != NULL)
        {
          g_autofree char *lead = g_strdup_printf ("%s%*s  ", indent, (int) widths[0], "");
          guint nw = table->note_width[r];

          /* A note, too, stays within the width to fit. */
          if (total > 0 && (nw == 0 || nw + rapat_text_width (lead) > total))
            nw = total > rapat_text_width (lead) + 20 ? total - rapat_text_width (lead) : 20;
          rapat_print_wrapped (out, lead, table->notes->pdata[r], nw);
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

/* How an output is written. */
typedef enum {
  OUTPUT_STDOUT,    /* our own standard output, checked once at exit */
  OUTPUT_THROUGH,   /* a device, FIFO, socket or /proc stream: opened and written */
  OUTPUT_REPLACE,   /* a regular file or a new name: a temp file renamed over it */
} OutputKind;

struct _RapatOutput {
  FILE *fp;
  OutputKind kind;
  char *path;        /* as the user gave it, for messages */
  int dirfd;         /* OUTPUT_REPLACE: the folder of the file written */
  char *name;        /* OUTPUT_REPLACE: its name in that folder */
  char *tmp;         /* a named temp file in that folder, or NULL */
  gboolean exists;   /* OUTPUT_REPLACE: a file is there to be replaced */
  struct stat old;   /* and its mode and owner */
};

/* The named temp file that a fatal signal must remove: a folder descriptor
 * and a short name, so that the handler needs nothing but unlinkat(). */
static volatile sig_atomic_t cleanup_dirfd = -1;
static char cleanup_name[32];
static const int cleanup_signals[] = { SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGXFSZ };
static struct sigaction cleanup_saved[G_N_ELEMENTS (cleanup_signals)];
static gboolean cleanup_installed[G_N_ELEMENTS (cleanup_signals)];

/* Removes the named temp file, then dies of @sig as if never caught. */
static void
cleanup_on_signal (int sig)
{
  if (cleanup_dirfd >= 0)
    unlinkat (cleanup_dirfd, cleanup_name, 0);
  /* SA_RESETHAND restored the default action; @sig is blocked until the
   * handler returns, so the process dies right after. */
  raise (sig);
}

/* Blocks (@block TRUE) or restores the cleanup signals; @saved keeps the
 * previous mask. */
static void
cleanup_block (gboolean block, sigset_t *saved)
{
  sigset_t set;

  if (!block)
    {
      sigprocmask (SIG_SETMASK, saved, NULL);
      return;
    }
  sigemptyset (&set);
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    sigaddset (&set, cleanup_signals[i]);
  sigprocmask (SIG_BLOCK, &set, saved);
}

/* Makes the fatal signals remove @name in @dirfd (called with the signals
 * blocked).  A signal the caller ignores (nohup) stays ignored.  One named
 * temp file at a time is covered (rapat writes one output): a second one
 * while the first is open is not. */
static void
cleanup_arm (int dirfd, const char *name)
{
  struct sigaction sa = { 0 };

  if (cleanup_dirfd >= 0)
    return;
  g_strlcpy (cleanup_name, name, sizeof cleanup_name);
  cleanup_dirfd = dirfd;
  sa.sa_handler = cleanup_on_signal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset (&sa.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction old;

      if (sigaction (cleanup_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
        continue;
      cleanup_saved[i] = old;
      cleanup_installed[i] = sigaction (cleanup_signals[i], &sa, NULL) == 0;
    }
}

/* Undoes cleanup_arm() for @name (called with the signals blocked). */
static void
cleanup_disarm (const char *name)
{
  if (cleanup_dirfd < 0 || strcmp (cleanup_name, name) != 0)
    return;
  cleanup_dirfd = -1;
  cleanup_name[0] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    if (cleanup_installed[i])
      {
        sigaction (cleanup_signals[i], &cleanup_saved[i], NULL);
        cleanup_installed[i] = FALSE;
      }
}

/* Fills @name (at least 14 bytes) with a fresh ".rapat-XXXXXX": short, so that
 * any name the folder takes still leaves room for it. */
static void
temp_name (char *name, gsize size)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  gsize len = g_strlcpy (name, ".rapat-", size);

  for (guint i = 0; i < 6 && len + 1 < size; i++)
    name[len++] = chars[g_random_int_range (0, sizeof chars - 1)];
  name[len] = '\0';
}

/* Sets @error to "output '@path': <strerror (@errnum)>" and returns FALSE. */
static gboolean
output_error (GError **error, const char *path, int errnum)
{
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("output '%s': %s"), path,
               g_strerror (errnum));
  return FALSE;
}

/* TRUE if the symbolic link @link is one of the kernel's stream links
 * (/proc/self/fd/N, what /dev/stdout and /dev/fd/N lead to): it names an
 * open file, not a place to put one. */
static gboolean
is_proc_link (const char *link)
{
#ifdef __linux__
  g_autofree char *dir = g_path_get_dirname (link);
  struct statfs fs;

  return statfs (dir, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
#else
  return FALSE;
#endif
}

/* Follows @path through every symbolic link to the file it ends at (which
 * may not exist yet) and says how to write it: @real gets that file's path
 * (for OUTPUT_REPLACE and OUTPUT_THROUGH), @st its status when it exists. */
static gboolean
output_resolve (const char *path, OutputKind *kind, char **real, struct stat *st,
                gboolean *exists, GError **error)
{
  g_autofree char *cur = g_strdup (path);

  for (guint hops = 0; hops <= 40; hops++)
    {
      g_autofree char *target = NULL;

      *exists = lstat (cur, st) == 0;
      if (!*exists)
        {
          if (errno != ENOENT)
            return output_error (error, path, errno);
          *kind = OUTPUT_REPLACE;
        }
      else if (S_ISDIR (st->st_mode))
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("output '%s': is a folder"), path);
          return FALSE;
        }
      else if (S_ISLNK (st->st_mode) && is_proc_link (cur))
        {
          struct stat out;

          /* "/dev/stdout" is our standard output: write to it as it is
           * (appending, a terminal, a pipe), never replace what it leads to. */
          if (stat (cur, st) == 0 && fstat (STDOUT_FILENO, &out) == 0
              && st->st_dev == out.st_dev && st->st_ino == out.st_ino)
            *kind = OUTPUT_STDOUT;
          else
            *kind = OUTPUT_THROUGH;
        }
      else if (S_ISLNK (st->st_mode))
        {
          char buf[PATH_MAX];
          ssize_t len = readlink (cur, buf, sizeof buf - 1);

          if (len < 0)
            return output_error (error, path, errno);
          target = g_strndup (buf, len);
          if (!g_path_is_absolute (target))
            {
              g_autofree char *dir = g_path_get_dirname (cur);
              g_autofree char *joined = g_build_filename (dir, target, NULL);
              g_free (target);
              target = g_steal_pointer (&joined);
            }
          g_free (cur);
          cur = g_steal_pointer (&target);
          continue;
        }
      else if (S_ISREG (st->st_mode))
        *kind = OUTPUT_REPLACE;
      else
        *kind = OUTPUT_THROUGH;
      *real = g_steal_pointer (&cur);
      return TRUE;
    }
  return output_error (error, path, ELOOP);
}

/* Opens a device, FIFO or stream for writing, as it is. */
static gboolean
output_open_through (RapatOutput *out, const char *real, GError **error)
{
  struct stat st;
  int fd = open (real, O_WRONLY | O_NOCTTY | O_CLOEXEC);

  if (fd < 0)
    return output_error (error, out->path, errno);
  /* A regular file reached through /proc/self/fd/N (another descriptor of
   * ours) is written from its start, like any "-o FILE". */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && ftruncate (fd, 0) != 0)
    {
      int saved = errno;
      close (fd);
      return output_error (error, out->path, saved);
    }
  out->fp = fdopen (fd, "w");
  if (out->fp == NULL)
    {
      int saved = errno;
      close (fd);
      return output_error (error, out->path, saved);
    }
  return TRUE;
}

/* TRUE when the unnamed temp file (O_TMPFILE) may be used: the file system
 * must take it (checked when opening) and /proc must be there to give it a
 * name; RAPAT_TEST_NO_TMPFILE forces the named temp file, for the tests. */
static gboolean
tmpfile_usable (void)
{
#ifdef O_TMPFILE
  return g_getenv ("RAPAT_TEST_NO_TMPFILE") == NULL && access ("/proc/self/fd", X_OK) == 0;
#else
  return FALSE;
#endif
}

/* Creates the temp file beside the target: unnamed if the file system can
 * (nothing to clean up, even after SIGKILL), else a named one that the fatal
 * signals remove.  Returns its descriptor or -1 with errno set. */
static int
output_create_temp (RapatOutput *out, mode_t mode)
{
  sigset_t saved;
  int fd = -1;

#ifdef O_TMPFILE
  if (tmpfile_usable ())
    {
      fd = openat (out->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
      if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
    }
#endif
  for (guint tries = 0; tries < 100; tries++)
    {
      char name[16];
      int errsv;

      temp_name (name, sizeof name);
      /* Armed before the file exists and with the signals held until the
       * creation is known: the handler never removes a file not ours. */
      cleanup_block (TRUE, &saved);
      cleanup_arm (out->dirfd, name);
      fd = openat (out->dirfd, name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode);
      errsv = errno;
      if (fd >= 0)
        out->tmp = g_strdup (name);
      else
        cleanup_disarm (name);
      cleanup_block (FALSE, &saved);
      if (fd >= 0 || errsv != EEXIST)
        {
          errno = errsv;
          return fd;
        }
    }
  return -1;
}

/* Opens a temp file in the folder of @real to be renamed over it. */
static gboolean
output_open_replace (RapatOutput *out, const char *real, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (real);
  mode_t mode = 0666;
  int fd;

  out->name = g_path_get_basename (real);
  out->dirfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (out->dirfd < 0 && errno == EACCES)
    out->dirfd = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);   /* a folder without r */
  if (out->dirfd < 0)
    return output_error (error, out->path, errno);
  /* A file being replaced keeps its mode: until then the temp file is
   * private, since a report may list who was sick. */
  if (out->exists)
    mode = 0600;
  fd = output_create_temp (out, mode);
  if (fd < 0)
    return output_error (error, out->path, errno);
  if (out->exists)
    {
      gboolean ok = TRUE;

      if (geteuid () == 0)
        ok = fchown (fd, out->old.st_uid, out->old.st_gid) == 0;
      else if (out->old.st_gid != getegid ())
        (void) !fchown (fd, -1, out->old.st_gid);   /* keeps the group if we may */
      /* After fchown, which clears the set-id bits. */
      ok = ok && fchmod (fd, out->old.st_mode & 07777) == 0;
      if (!ok)
        {
          int saved = errno;
          close (fd);
          return output_error (error, out->path, saved);
        }
    }
  out->fp = fdopen (fd, "w");
  if (out->fp == NULL)
    {
      int saved = errno;
      close (fd);
      return output_error (error, out->path, saved);
    }
  return TRUE;
}

RapatOutput *
rapat_output_open (const char *path, GError **error)
{
  g_autoptr(RapatOutput) out = g_new0 (RapatOutput, 1);
  g_autofree char *real = NULL;

  out->dirfd = -1;
  out->kind = OUTPUT_STDOUT;
  out->path = g_strdup (path != NULL ? path : "-");
  if (path != NULL && strcmp (path, "-") != 0
      && !output_resolve (path, &out->kind, &real, &out->old, &out->exists, error))
    return NULL;
  switch (out->kind)
    {
    case OUTPUT_STDOUT:
      out->fp = stdout;
      break;
    case OUTPUT_THROUGH:
      if (!output_open_through (out, real, error))
        return NULL;
      break;
    case OUTPUT_REPLACE:
      if (!output_open_replace (out, real, error))
        return NULL;
      break;
    }
  return g_steal_pointer (&out);
}

FILE *
rapat_output_stream (RapatOutput *output)
{
  return output->fp;
}

/* Gives the unnamed temp file @fd the name @name in @dirfd. */
static int
link_tmpfile (int fd, int dirfd, const char *name)
{
  char proc[64];

  /* linkat (fd, "", ..., AT_EMPTY_PATH) would need CAP_DAC_READ_SEARCH;
   * through /proc any user may link a file he opened O_TMPFILE. */
  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  return linkat (AT_FDCWD, proc, dirfd, name, AT_SYMLINK_FOLLOW);
}

/* Puts the complete temp file in place of out->name: a new name is linked
 * straight in; an existing file is replaced by one rename, so that a reader
 * sees the old file or the new one, never a part. */
static gboolean
output_commit (RapatOutput *out, int fd)
{
  sigset_t saved;
  gboolean ok;
  int errsv;

  if (out->tmp != NULL)
    {
      ok = renameat (out->dirfd, out->tmp, out->dirfd, out->name) == 0;
      errsv = errno;
      if (ok)
        {
          cleanup_block (TRUE, &saved);
          cleanup_disarm (out->tmp);
          g_clear_pointer (&out->tmp, g_free);
          cleanup_block (FALSE, &saved);
        }
      errno = errsv;
      return ok;
    }
  if (!out->exists && link_tmpfile (fd, out->dirfd, out->name) == 0)
    return TRUE;
  if (!out->exists && errno != EEXIST)
    return FALSE;
  /* Linked under a short name, then renamed over the target.  The fatal
   * signals wait until both are done, so that none leaves the name behind;
   * only SIGKILL between the two calls could. */
  cleanup_block (TRUE, &saved);
  for (guint tries = 0; tries < 100; tries++)
    {
      char name[16];

      temp_name (name, sizeof name);
      ok = link_tmpfile (fd, out->dirfd, name) == 0;
      errsv = errno;
      if (ok)
        {
          ok = renameat (out->dirfd, name, out->dirfd, out->name) == 0;
          errsv = errno;
          if (!ok)
            unlinkat (out->dirfd, name, 0);
        }
      if (ok || errsv != EEXIST)
        break;
    }
  cleanup_block (FALSE, &saved);
  errno = errsv;
  return ok;
}

gboolean
rapat_output_finish (RapatOutput *output, GError **error)
{
  FILE *fp = output->fp;
  gboolean ok;
  int errsv = 0;

  if (output->kind == OUTPUT_STDOUT)
    return TRUE;   /* stdout is checked once, at exit */
  output->fp = NULL;
  ok = fflush (fp) == 0 && !ferror (fp);
  if (!ok)
    errsv = errno != 0 ? errno : EIO;
  if (ok && output->kind == OUTPUT_REPLACE)
    {
      /* On disk before it gets its name: a crash then leaves the old file
       * or the whole new one. */
      ok = fsync (fileno (fp)) == 0 && output_commit (output, fileno (fp));
      if (!ok)
        errsv = errno;
    }
  if (fclose (fp) != 0 && ok)
    {
      ok = FALSE;
      errsv = errno;
    }
  if (!ok)
    return output_error (error, output->path, errsv);
  /* The rename is durable once the folder is; a folder opened without read
   * permission (O_PATH) cannot be synced and is left to the system. */
  if (output->kind == OUTPUT_REPLACE && fsync (output->dirfd) != 0 && errno != EBADF)
    return output_error (error, output->path, errno);
  return TRUE;
}

void
rapat_output_free (RapatOutput *output)
{
  if (output == NULL)
    return;
  if (output->fp != NULL && output->kind != OUTPUT_STDOUT)
    fclose (output->fp);
  if (output->tmp != NULL)
    {
      sigset_t saved;

      cleanup_block (TRUE, &saved);
      unlinkat (output->dirfd, output->tmp, 0);
      cleanup_disarm (output->tmp);
      cleanup_block (FALSE, &saved);
    }
  if (output->dirfd >= 0)
    close (output->dirfd);
  g_free (output->tmp);
  g_free (output->name);
  g_free (output->path);
  g_free (output);
}
