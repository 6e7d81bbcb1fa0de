/* rapat — output for people (aligned tables) and for programs (JSON). */
#pragma once

#include <stdio.h>

#include "rapat.h"

G_BEGIN_DECLS

typedef struct _RapatTable RapatTable;

/* Creates a table with the NULL-terminated list of column headers. */
RapatTable *rapat_table_new (const char *first_header, ...) G_GNUC_NULL_TERMINATED;
/* Right-aligns column @col (for numbers). */
void rapat_table_align_right (RapatTable *table, guint col);
/* Cuts cells of column @col to @width columns, ending them with "…". */
void rapat_table_max_width (RapatTable *table, guint col, guint width);
/* Narrows column @col at print time so that whole lines fit @total display
 * columns (the column keeps at least 8). */
void rapat_table_fit (RapatTable *table, guint col, guint total);
/* Makes the table fit @total display columns when printed: long cells of
 * the widest columns wrap at spaces onto continuation lines (a word too
 * long for its column is broken), and a column cut with
 * rapat_table_max_width() wraps at that width instead.  0 (the default)
 * lets the table follow rapat_output_terminal_width() when it is printed
 * to standard output or to the stream given to rapat_output_set_terminal(),
 * and keeps every row on one line elsewhere. */
void rapat_table_set_width (RapatTable *table, guint total);

/* Returns the width tables printed for a person should fit: $COLUMNS when
 * it is a number (20 to 10000), else the terminal's width when standard
 * output is a terminal (80 when the terminal does not say), else 0: output
 * going to a pipe or a file is not wrapped, so that scripts reading it and
 * saved transcripts stay as they were. */
guint rapat_output_terminal_width (void);

/* Returns the width a table printed to @out fits: the terminal's (see
 * rapat_output_terminal_width()) for standard output and the stream given
 * to rapat_output_set_terminal(), else 0 (not wrapped). */
guint rapat_output_width_for (FILE *out);

/* Returns the display width of the widest line rapat_table_print() would
 * print with @indent, were nothing wrapped (notes aside). */
gsize rapat_table_natural_width (RapatTable *table, const char *indent);

/* Names @stream (or NULL for none) as standing for standard output, e.g. the
 * buffer a writing command prints to before its transaction commits:
 * tables printed to it wrap as on standard output. */
void rapat_output_set_terminal (FILE *stream);

/* Separates columns by @gap spaces instead of two. */
void rapat_table_gap (RapatTable *table, guint gap);
/* Leaves column @col out of the printout when every row has it empty. */
void rapat_table_hide_empty (RapatTable *table, guint col);
/* Adds a row of as many cells as there are headers; a NULL cell is empty.
 * The strings are copied. */
void rapat_table_add (RapatTable *table, ...);
/* Adds a row from an array of cells. */
void rapat_table_add_row (RapatTable *table, const char *const *cells);
/* Adds a note printed under the last row, indented past the first column;
 * it takes no part in the column widths.  Tabs and newlines become spaces
 * and it is wrapped at spaces into lines of @width display columns (0: one
 * line). */
void rapat_table_add_note (RapatTable *table, const char *text, guint width);
/* Returns the number of rows added. */
guint rapat_table_rows (RapatTable *table);
/* Prints the table to @out, each line starting with @indent; columns are
 * separated by two spaces and padded by display width, trailing space
 * trimmed. */
void rapat_table_print (RapatTable *table, FILE *out, const char *indent);
void rapat_table_free (RapatTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatTable, rapat_table_free)

/* Prints @text wrapped at spaces into lines of at most @width display
 * columns (a longer word is cut; 0: one line), each line starting with
 * @lead. */
void rapat_print_wrapped (FILE *out, const char *lead, const char *text, guint width);

/* Lines of "Label: value" whose values start in one column, however long
 * the labels are in the language of the output ("Owner:" is "Penanggung
 * jawab:" in Indonesian): collected, then printed with the labels padded
 * to the widest.  A value with newlines keeps them, its later lines under
 * the first. */
typedef struct _RapatFields RapatFields;

/* The labels take at least @min_width columns (so that a block keeps its
 * column when every label is short). */
RapatFields *rapat_fields_new (guint min_width);
/* Adds the line @label (e.g. "Owner:") @value; a NULL or empty @value prints "-". */
void rapat_fields_add (RapatFields *fields, const char *label, const char *value);
void rapat_fields_addf (RapatFields *fields, const char *label, const char *format, ...)
  G_GNUC_PRINTF (3, 4);
/* Prints the lines, each after @indent, and forgets them. */
void rapat_fields_print (RapatFields *fields, FILE *out, const char *indent);
void rapat_fields_free (RapatFields *fields);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatFields, rapat_fields_free)

/* A streaming JSON writer: values go to the stream as they are added. */
typedef struct _RapatJson RapatJson;

RapatJson *rapat_json_new (FILE *out);
/* Each call below takes @key when inside an object and NULL inside an array
 * or at the top level. */
void rapat_json_begin_object (RapatJson *json, const char *key);
void rapat_json_end_object (RapatJson *json);
void rapat_json_begin_array (RapatJson *json, const char *key);
void rapat_json_end_array (RapatJson *json);
/* Writes a string, or null when @value is NULL. */
void rapat_json_string (RapatJson *json, const char *key, const char *value);
void rapat_json_int (RapatJson *json, const char *key, gint64 value);
/* Writes an integer, or null when @value is 0 (for optional ids). */
void rapat_json_id (RapatJson *json, const char *key, gint64 value);
void rapat_json_bool (RapatJson *json, const char *key, gboolean value);
void rapat_json_null (RapatJson *json, const char *key);
/* Starts a member whose value the caller then writes to the stream itself
 * (a number in a format of its own, say). */
void rapat_json_member (RapatJson *json, const char *key);
/* Ends the document with a newline and frees the writer. */
void rapat_json_free (RapatJson *json);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatJson, rapat_json_free)

/* Writes @s to @out as a JSON string literal, quotes included. */
void rapat_json_write_string (FILE *out, const char *s);

/* An output destination: stdout; a FIFO, device or /proc stream written
 * straight through; or a regular file (at the end of any symlinks) written to
 * an unnamed temp file in its folder and renamed over it only when complete,
 * keeping its mode (and, as root, its owner), so that a failed or killed
 * export never leaves a half-written file nor a temp file. */
typedef struct _RapatOutput RapatOutput;

/* Opens @path for writing (NULL, "-" and /dev/stdout mean stdout); fails
 * with RAPAT_ERROR_IO for a folder, a symlink loop or a folder that cannot
 * take the temp file.  RAPAT_TEST_NO_TMPFILE in the environment forces the
 * named temp file (.rapat-XXXXXX, removed on SIGHUP/INT/TERM/QUIT/XFSZ). */
RapatOutput *rapat_output_open (const char *path, GError **error);
/* Returns the stream to write to. */
FILE *rapat_output_stream (RapatOutput *output);
/* Flushes, syncs and renames the file into place, then syncs its folder;
 * FALSE if any write failed, leaving the old file as it was. */
gboolean rapat_output_finish (RapatOutput *output, GError **error);
/* Discards an unfinished file (nothing happens for stdout) and frees @output. */
void rapat_output_free (RapatOutput *output);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatOutput, rapat_output_free)

G_END_DECLS
