/* rapat tests — aligned tables, the streaming JSON writer and output files. */
#include "check-common.h"
#include "output.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define PYTHON "/usr/bin/python3"

/* An in-memory stream that the code under test writes to. */
typedef struct {
  FILE *out;
  char *buf;
  size_t len;
} Capture;

/* Opens @cap's stream. */
static void
capture_open (Capture *cap)
{
  cap->buf = NULL;
  cap->len = 0;
  cap->out = open_memstream (&cap->buf, &cap->len);
  ck_assert_ptr_nonnull (cap->out);
}

/* Closes @cap's stream and returns what was written (free with g_free). */
static char *
capture_close (Capture *cap)
{
  char *text;

  ck_assert_int_eq (fclose (cap->out), 0);
  text = g_strndup (cap->buf, cap->len);
  free (cap->buf);
  return text;
}

/* Returns what rapat_table_print() writes for @table with @indent. */
static char *
table_text (RapatTable *table, const char *indent)
{
  Capture cap;

  capture_open (&cap);
  rapat_table_print (table, cap.out, indent);
  return capture_close (&cap);
}

/* Asserts that no line of @text ends with a space. */
static void
assert_no_trailing_space (const char *text)
{
  ck_assert_msg (strstr (text, " \n") == NULL, "trailing space in:\n%s", text);
}

/* Parses @json with Python's json module (an independent parser) and returns
 * the value it read, re-encoded canonically: sorted keys, no spaces, ASCII
 * only.  Fails the test if Python refuses the document. */
static char *
python_canonical (const char *json)
{
  static const char script[] =
    "import json, sys\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    d = json.load(f)\n"
    "sys.stdout.write(json.dumps(d, sort_keys=True, ensure_ascii=True, separators=(',', ':')))\n";
  GError *error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *err_text = NULL;
  char *out_text = NULL;
  int status = 0;
  int fd;
  const char *argv[] = { PYTHON, "-I", "-c", script, NULL, NULL };

  fd = g_file_open_tmp ("rapat-check-XXXXXX.json", &path, &error);
  rapat_assert_no_error (error);
  close (fd);
  ck_assert (g_file_set_contents (path, json, -1, &error));
  rapat_assert_no_error (error);
  argv[4] = path;
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out_text,
                           &err_text, &status, &error));
  g_unlink (path);
  ck_assert_msg (error == NULL, "cannot run " PYTHON ": %s", error != NULL ? error->message : "");
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_free (out_text);
      ck_abort_msg ("Python refused the JSON: %s\n--- document ---\n%s", err_text, json);
    }
  return out_text;
}

/* ---- tables ---- */

START_TEST (test_table_alignment)
{
  g_autoptr(RapatTable) t = rapat_table_new ("ID", "NAME", "UNIT", NULL);
  g_autofree char *text = NULL;

  rapat_table_add (t, "1", "Ricky Dwi Biantoro", "Kanwil");
  rapat_table_add (t, "12", "Fransina", "Rutan Ambon");
  ck_assert_uint_eq (rapat_table_rows (t), 2);
  text = table_text (t, "");
  ck_assert_str_eq (text,
                    "ID  NAME                UNIT\n"
                    "1   Ricky Dwi Biantoro  Kanwil\n"
                    "12  Fransina            Rutan Ambon\n");
}
END_TEST

/* Labels as long as a translation makes them push the values right, all
 * together, counted in display columns; below the minimum nothing moves. */
START_TEST (test_fields_widest_label)
{
  g_autoptr(RapatFields) f = rapat_fields_new (10);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);

  rapat_fields_add (f, "Status:", "open");
  rapat_fields_add (f, "Due:", NULL);
  rapat_fields_print (f, out, "  ");
  rapat_fields_add (f, "Status:", "terbuka");
  rapat_fields_add (f, "Penanggung jawab:", "Andi\nKanwil");
  rapat_fields_addf (f, "Kemajuan:", "%d%%", 40);
  rapat_fields_add (f, "Tempat:", "");
  rapat_fields_add (f, "会議室:", "B");
  rapat_fields_print (f, out, "");
  fclose (out);
  ck_assert_str_eq (buf,
                    "  Status:    open\n"
                    "  Due:       -\n"
                    "Status:           terbuka\n"
                    "Penanggung jawab: Andi\n"
                    "                  Kanwil\n"
                    "Kemajuan:         40%\n"
                    "Tempat:           -\n"
                    "会議室:           B\n");
  free (buf);
}
END_TEST

START_TEST (test_table_display_width)
{
  g_autoptr(RapatTable) t = rapat_table_new ("NAME", "ROOM", NULL);
  g_autofree char *text = NULL;

  /* Padding counts columns on the terminal, not bytes or code points. */
  rapat_table_add (t, "Élise", "Aula");
  rapat_table_add (t, "会議室", "B");
  rapat_table_add (t, "Zoë Ñ", "会議");
  rapat_table_add (t, "E\xcc\x81lise", "x");
  text = table_text (t, "");
  ck_assert_str_eq (text,
                    "NAME    ROOM\n"
                    "Élise   Aula\n"
                    "会議室  B\n"
                    "Zoë Ñ   会議\n"
                    "E\xcc\x81lise   x\n");
}
END_TEST

START_TEST (test_table_right_align)
{
  g_autoptr(RapatTable) t = rapat_table_new ("UNIT", "PEOPLE", NULL);
  g_autoptr(RapatTable) wide = rapat_table_new ("N", "WHAT", NULL);
  g_autofree char *text = NULL;
  g_autofree char *wide_text = NULL;

  rapat_table_align_right (t, 1);
  rapat_table_add (t, "Kanwil", "12");
  rapat_table_add (t, "Rutan Ambon", "3");
  rapat_table_add (t, "Lapas", "105");
  text = table_text (t, "");
  ck_assert_str_eq (text,
                    "UNIT         PEOPLE\n"
                    "Kanwil           12\n"
                    "Rutan Ambon       3\n"
                    "Lapas           105\n");

  rapat_table_align_right (wide, 0);
  rapat_table_add (wide, "会議", "x");
  rapat_table_add (wide, "1", "y");
  wide_text = table_text (wide, "");
  ck_assert_str_eq (wide_text,
                    "   N  WHAT\n"
                    "会議  x\n"
                    "   1  y\n");
}
END_TEST

START_TEST (test_table_max_width)
{
  g_autoptr(RapatTable) t = rapat_table_new ("TITLE", "N", NULL);
  g_autofree char *text = NULL;

  rapat_table_max_width (t, 0, 10);
  rapat_table_add (t, "Pengarahan Kepala Kantor Wilayah", "1");
  rapat_table_add (t, "Pembukaan", "2");
  rapat_table_add (t, "会議会議会議", "3");
  rapat_table_add (t, NULL, "4");
  rapat_table_add (t, "Sepuluh!!!", "5");
  text = table_text (t, "");
  ck_assert_str_eq (text,
                    "TITLE       N\n"
                    "Pengaraha…  1\n"
                    "Pembukaan   2\n"
                    "会議会議…   3\n"
                    "            4\n"
                    "Sepuluh!!!  5\n");
}
END_TEST

/* With a width to fit, the widest column wraps at spaces onto
 * continuation lines (by display width), the others keep their width, and
 * a column cut by max_width wraps at that width instead of losing text. */
START_TEST (test_table_wrap_to_width)
{
  g_autoptr(RapatTable) t = rapat_table_new ("NO", "ITEM", "WHO", NULL);
  g_autoptr(RapatTable) capped = rapat_table_new ("ITEM", "N", NULL);
  g_autofree char *text = NULL;
  g_autofree char *capped_text = NULL;

  rapat_table_align_right (t, 0);
  rapat_table_add (t, "1", "Pengarahan Kepala Kantor Wilayah", "Ricky");
  rapat_table_add (t, "2", "会議 会議 会議 会議", "Lilik");
  rapat_table_set_width (t, 24);
  ck_assert_uint_eq (rapat_table_natural_width (t, ""), 2 + 2 + 32 + 2 + 5);
  text = table_text (t, "");
  assert_no_trailing_space (text);
  ck_assert_str_eq (text,
                    "NO  ITEM           WHO\n"
                    " 1  Pengarahan     Ricky\n"
                    "    Kepala Kantor\n"
                    "    Wilayah\n"
                    " 2  会議 会議      Lilik\n"
                    "    会議 会議\n");

  rapat_table_max_width (capped, 0, 12);
  rapat_table_add (capped, "Pembukaan dan laporan panitia", "1");
  rapat_table_set_width (capped, 80);
  capped_text = table_text (capped, "");
  ck_assert_str_eq (capped_text,
                    "ITEM          N\n"
                    "Pembukaan     1\n"
                    "dan laporan\n"
                    "panitia\n");
}
END_TEST

/* Columns narrower than their longest word break it, and no line passes
 * the width while the columns can still give. */
START_TEST (test_table_wrap_breaks_words)
{
  g_autoptr(RapatTable) t = rapat_table_new ("A", "B", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  rapat_table_add (t, "Pemasyarakatan", "Kemasyarakatan dan Teknologi");
  rapat_table_set_width (t, 20);
  text = table_text (t, "");
  lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    ck_assert_msg (rapat_text_width (*l) <= 20, "line too wide: '%s'", *l);
  ck_assert_str_eq (text,
                    "A          B\n"
                    "Pemasyara  Kemasyara\n"
                    "katan      katan dan\n"
                    "           Teknologi\n");
}
END_TEST

/* COLUMNS gives the width; unset, output that is not a terminal is not
 * wrapped, and a table printed to a file ignores the terminal. */
START_TEST (test_terminal_width)
{
  g_autofree char *saved = g_strdup (g_getenv ("COLUMNS"));
  g_autoptr(RapatTable) t = rapat_table_new ("ITEM", NULL);
  g_autofree char *text = NULL;

  g_setenv ("COLUMNS", "60", TRUE);
  ck_assert_uint_eq (rapat_output_terminal_width (), 60);
  g_setenv ("COLUMNS", "nonsense", TRUE);
  if (!isatty (STDOUT_FILENO))
    ck_assert_uint_eq (rapat_output_terminal_width (), 0);
  g_setenv ("COLUMNS", "5", TRUE);   /* too narrow to mean anything */
  if (!isatty (STDOUT_FILENO))
    ck_assert_uint_eq (rapat_output_terminal_width (), 0);
  g_setenv ("COLUMNS", "20", TRUE);
  /* A stream that is not standard output is never wrapped by COLUMNS. */
  rapat_table_add (t, "Pengarahan Kepala Kantor Wilayah");
  text = table_text (t, "");
  ck_assert_str_eq (text, "ITEM\nPengarahan Kepala Kantor Wilayah\n");
  ck_assert_uint_eq (rapat_output_width_for (stdout), 20);
  ck_assert_uint_eq (rapat_output_width_for (NULL), 0);
  g_unsetenv ("COLUMNS");
  if (!isatty (STDOUT_FILENO))
    ck_assert_uint_eq (rapat_output_terminal_width (), 0);
  if (saved != NULL)
    g_setenv ("COLUMNS", saved, TRUE);
}
END_TEST

START_TEST (test_table_trailing_space_and_indent)
{
  g_autoptr(RapatTable) t = rapat_table_new ("NAME", "NOTE", NULL);
  g_autofree char *text = NULL;

  rapat_table_add (t, "x", NULL);
  rapat_table_add (t, "longer name", "");
  rapat_table_add (t, "y", "ok");
  text = table_text (t, "  ");
  assert_no_trailing_space (text);
  ck_assert_str_eq (text,
                    "  NAME         NOTE\n"
                    "  x\n"
                    "  longer name\n"
                    "  y            ok\n");
}
END_TEST

START_TEST (test_table_add_row_copies)
{
  g_autoptr(RapatTable) t = rapat_table_new ("A", "B", NULL);
  g_autofree char *text = NULL;
  char first[] = "one";
  const char *cells[] = { first, "two" };

  rapat_table_add_row (t, cells);
  /* The table keeps its own copy. */
  first[0] = 'X';
  ck_assert_uint_eq (rapat_table_rows (t), 1);
  text = table_text (t, "");
  ck_assert_str_eq (text, "A    B\none  two\n");
}
END_TEST

START_TEST (test_table_empty)
{
  g_autoptr(RapatTable) t = rapat_table_new ("ID", "TITLE", NULL);
  g_autofree char *text = table_text (t, "");

  ck_assert_uint_eq (rapat_table_rows (t), 0);
  ck_assert_str_eq (text, "ID  TITLE\n");
}
END_TEST

/* ---- JSON ---- */

START_TEST (test_json_layout)
{
  Capture cap;
  RapatJson *json;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;

  capture_open (&cap);
  json = rapat_json_new (cap.out);
  rapat_json_begin_object (json, NULL);
  rapat_json_string (json, "title", "Rakernis");
  rapat_json_int (json, "n", 3);
  rapat_json_begin_array (json, "items");
  rapat_json_int (json, NULL, 1);
  rapat_json_int (json, NULL, 2);
  rapat_json_end_array (json);
  rapat_json_begin_object (json, "empty");
  rapat_json_end_object (json);
  rapat_json_begin_array (json, "none");
  rapat_json_end_array (json);
  rapat_json_end_object (json);
  rapat_json_free (json);
  text = capture_close (&cap);

  ck_assert_str_eq (text,
                    "{\n"
                    "  \"title\": \"Rakernis\",\n"
                    "  \"n\": 3,\n"
                    "  \"items\": [\n"
                    "    1,\n"
                    "    2\n"
                    "  ],\n"
                    "  \"empty\": {},\n"
                    "  \"none\": []\n"
                    "}\n");
  parsed = python_canonical (text);
  ck_assert_str_eq (parsed, "{\"empty\":{},\"items\":[1,2],\"n\":3,\"none\":[],\"title\":\"Rakernis\"}");
}
END_TEST

START_TEST (test_json_write_string_escapes)
{
  Capture cap;
  g_autofree char *text = NULL;

  capture_open (&cap);
  rapat_json_write_string (cap.out, "say \"hi\" \\ \n\t\r\x01\x1f\x7f\b\f é 会");
  text = capture_close (&cap);
  ck_assert_str_eq (text,
                    "\"say \\\"hi\\\" \\\\ \\n\\t\\r\\u0001\\u001f\\u007f\\u0008\\u000c é 会\"");
}
END_TEST

START_TEST (test_json_strings_round_trip)
{
  Capture cap;
  RapatJson *json;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;

  capture_open (&cap);
  json = rapat_json_new (cap.out);
  rapat_json_begin_object (json, NULL);
  rapat_json_string (json, "s", "say \"hi\" \\ \n\t\r\x01\x1f\x7f\b\f é 会");
  rapat_json_string (json, "we\"ird\nkey\\", "v");
  rapat_json_string (json, "empty", "");
  rapat_json_string (json, "path", "C:\\rapat\\\"x\"");
  rapat_json_end_object (json);
  rapat_json_free (json);
  text = capture_close (&cap);

  parsed = python_canonical (text);
  ck_assert_str_eq (parsed,
                    "{\"empty\":\"\","
                    "\"path\":\"C:\\\\rapat\\\\\\\"x\\\"\","
                    "\"s\":\"say \\\"hi\\\" \\\\ \\n\\t\\r\\u0001\\u001f\\u007f\\b\\f \\u00e9 \\u4f1a\","
                    "\"we\\\"ird\\nkey\\\\\":\"v\"}");
}
END_TEST

START_TEST (test_json_nesting_and_nulls)
{
  Capture cap;
  RapatJson *json;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;

  capture_open (&cap);
  json = rapat_json_new (cap.out);
  rapat_json_begin_object (json, NULL);
  rapat_json_id (json, "id", 5);
  rapat_json_id (json, "organizer", 0);
  rapat_json_string (json, "location", NULL);
  rapat_json_null (json, "x");
  rapat_json_bool (json, "t", TRUE);
  rapat_json_bool (json, "f", FALSE);
  rapat_json_int (json, "neg", -12);
  rapat_json_int (json, "big", G_MAXINT64);
  rapat_json_int (json, "zero", 0);
  rapat_json_begin_array (json, "attendees");
  rapat_json_begin_object (json, NULL);
  rapat_json_string (json, "name", "Élise");
  rapat_json_id (json, "stand_in", 0);
  rapat_json_end_object (json);
  rapat_json_begin_object (json, NULL);
  rapat_json_string (json, "name", "会議");
  rapat_json_end_object (json);
  rapat_json_begin_array (json, NULL);
  rapat_json_end_array (json);
  rapat_json_begin_array (json, NULL);
  rapat_json_int (json, NULL, 1);
  rapat_json_begin_array (json, NULL);
  rapat_json_null (json, NULL);
  rapat_json_end_array (json);
  rapat_json_end_array (json);
  rapat_json_end_array (json);
  rapat_json_end_object (json);
  rapat_json_free (json);
  text = capture_close (&cap);

  parsed = python_canonical (text);
  ck_assert_str_eq (parsed,
                    "{\"attendees\":[{\"name\":\"\\u00c9lise\",\"stand_in\":null},"
                    "{\"name\":\"\\u4f1a\\u8b70\"},[],[1,[null]]],"
                    "\"big\":9223372036854775807,\"f\":false,\"id\":5,\"location\":null,"
                    "\"neg\":-12,\"organizer\":null,\"t\":true,\"x\":null,\"zero\":0}");
}
END_TEST

START_TEST (test_json_top_level_array)
{
  Capture cap;
  RapatJson *json;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;

  capture_open (&cap);
  json = rapat_json_new (cap.out);
  rapat_json_begin_array (json, NULL);
  rapat_json_string (json, NULL, "a");
  rapat_json_string (json, NULL, NULL);
  rapat_json_id (json, NULL, 0);
  rapat_json_id (json, NULL, -3);
  rapat_json_end_array (json);
  rapat_json_free (json);
  text = capture_close (&cap);

  ck_assert_str_eq (text, "[\n  \"a\",\n  null,\n  null,\n  -3\n]\n");
  parsed = python_canonical (text);
  ck_assert_str_eq (parsed, "[\"a\",null,null,-3]");
}
END_TEST

START_TEST (test_json_many_members)
{
  Capture cap;
  RapatJson *json;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;
  g_autoptr(GString) expected = g_string_new ("[");

  /* Commas between many members at several depths. */
  capture_open (&cap);
  json = rapat_json_new (cap.out);
  rapat_json_begin_array (json, NULL);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("item %d", i);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "position", i + 1);
      rapat_json_string (json, "title", title);
      rapat_json_begin_array (json, "tags");
      for (int j = 0; j < i % 3; j++)
        rapat_json_int (json, NULL, j);
      rapat_json_end_array (json);
      rapat_json_end_object (json);
      g_string_append_printf (expected, "%s{\"position\":%d,\"tags\":[%s],\"title\":\"item %d\"}",
                              i > 0 ? "," : "", i + 1,
                              i % 3 == 0 ? "" : i % 3 == 1 ? "0" : "0,1", i);
    }
  rapat_json_end_array (json);
  rapat_json_free (json);
  text = capture_close (&cap);
  g_string_append (expected, "]");

  parsed = python_canonical (text);
  ck_assert_str_eq (parsed, expected->str);
}
END_TEST

/* ---- output files ---- */

static char *out_dir;

/* A fresh temp folder per test, removed after it. */
static void
out_setup (void)
{
  out_dir = rapat_test_tmpdir_new ("rapat-check-output-XXXXXX");
}

static void
out_teardown (void)
{
  g_unsetenv ("RAPAT_TEST_NO_TMPFILE");
  rapat_test_remove_tree (out_dir);
  g_clear_pointer (&out_dir, g_free);
}

/* Returns the number of entries in @dir (dot files included). */
static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  ck_assert_ptr_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Returns @name in the test's folder (free with g_free). */
static char *
out_path (const char *name)
{
  return g_build_filename (out_dir, name, NULL);
}

/* Writes @text to @path through rapat_output_open/_finish, asserting that
 * all of it succeeds. */
static void
write_output (const char *path, const char *text)
{
  GError *error = NULL;
  g_autoptr(RapatOutput) out = rapat_output_open (path, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (out);
  fputs (text, rapat_output_stream (out));
  ck_assert (rapat_output_finish (out, &error));
  rapat_assert_no_error (error);
}

/* Asserts that the file at @path holds @text. */
static void
assert_contents (const char *path, const char *text)
{
  g_autofree char *got = NULL;

  ck_assert_msg (g_file_get_contents (path, &got, NULL, NULL), "cannot read %s", path);
  ck_assert_str_eq (got, text);
}

START_TEST (test_output_stdout)
{
  GError *error = NULL;
  g_autoptr(RapatOutput) dash = rapat_output_open ("-", &error);
  g_autoptr(RapatOutput) none = rapat_output_open (NULL, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_eq (rapat_output_stream (dash), stdout);
  ck_assert_ptr_eq (rapat_output_stream (none), stdout);
  ck_assert (rapat_output_finish (dash, &error));
  ck_assert (rapat_output_finish (none, &error));
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_output_new_file_umask)
{
  g_autofree char *path = out_path ("baru.ics");
  struct stat st;
  mode_t old = umask (027);

  write_output (path, "BEGIN:VCALENDAR\n");
  umask (old);
  assert_contents (path, "BEGIN:VCALENDAR\n");
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_uint_eq (st.st_mode & 07777, 0640);
  ck_assert_uint_eq (count_entries (out_dir), 1);
}
END_TEST

START_TEST (test_output_keeps_mode)
{
  g_autofree char *path = out_path ("laporan.csv");
  struct stat st;

  ck_assert (g_file_set_contents (path, "lama\n", -1, NULL));
  ck_assert_int_eq (g_chmod (path, 0600), 0);
  if (_i == 1)
    g_setenv ("RAPAT_TEST_NO_TMPFILE", "1", TRUE);
  write_output (path, "baru\n");
  assert_contents (path, "baru\n");
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_uint_eq (st.st_mode & 07777, 0600);
  ck_assert_uint_eq (count_entries (out_dir), 1);
}
END_TEST

START_TEST (test_output_abandoned)
{
  g_autofree char *path = out_path ("laporan.csv");
  g_autofree char *fresh = out_path ("baru.csv");
  GError *error = NULL;
  RapatOutput *out;
  RapatOutput *out2;

  /* _i: 0 the unnamed temp file, 1 the named one. */
  if (_i == 1)
    g_setenv ("RAPAT_TEST_NO_TMPFILE", "1", TRUE);
  ck_assert (g_file_set_contents (path, "lama\n", -1, NULL));
  out = rapat_output_open (path, &error);
  out2 = rapat_output_open (fresh, &error);
  rapat_assert_no_error (error);
  fputs ("setengah", rapat_output_stream (out));
  fflush (rapat_output_stream (out));
  /* Not finished (an error came first): the old file stays, nothing else. */
  rapat_output_free (out);
  rapat_output_free (out2);
  assert_contents (path, "lama\n");
  ck_assert_uint_eq (count_entries (out_dir), 1);
}
END_TEST

START_TEST (test_output_named_temp_is_short)
{
  g_autofree char *name = g_strnfill (246, 'r');
  g_autofree char *base = g_strconcat (name, ".ics", NULL);
  g_autofree char *path = out_path (base);
  GError *error = NULL;
  g_autoptr(RapatOutput) out = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  FILE *fp;

  g_setenv ("RAPAT_TEST_NO_TMPFILE", "1", TRUE);
  /* Not g_file_set_contents(): its temp name would be too long. */
  fp = fopen (path, "w");
  ck_assert_ptr_nonnull (fp);
  fputs ("lama\n", fp);
  ck_assert_int_eq (fclose (fp), 0);
  out = rapat_output_open (path, &error);
  rapat_assert_no_error (error);
  dir = g_dir_open (out_dir, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (strcmp (entry, base) != 0)
      {
        ck_assert_msg (g_str_has_prefix (entry, ".rapat-"), "temp file %s", entry);
        ck_assert_uint_eq (strlen (entry), 13);
      }
  ck_assert_uint_eq (count_entries (out_dir), 2);
  fputs ("baru\n", rapat_output_stream (out));
  ck_assert (rapat_output_finish (out, &error));
  rapat_assert_no_error (error);
  assert_contents (path, "baru\n");
  ck_assert_uint_eq (count_entries (out_dir), 1);
}
END_TEST

START_TEST (test_output_symlinks)
{
  g_autofree char *sub = out_path ("real");
  g_autofree char *target = g_build_filename (sub, "kalender.ics", NULL);
  g_autofree char *one = out_path ("one");
  g_autofree char *two = out_path ("two");
  g_autofree char *dangling = out_path ("dangling");
  g_autofree char *created = g_build_filename (sub, "baru.ics", NULL);
  g_autofree char *link = NULL;
  struct stat st;

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  ck_assert (g_file_set_contents (target, "lama\n", -1, NULL));
  ck_assert_int_eq (g_chmod (target, 0604), 0);
  ck_assert_int_eq (symlink ("real/kalender.ics", one), 0);
  ck_assert_int_eq (symlink ("one", two), 0);
  ck_assert_int_eq (symlink ("real/baru.ics", dangling), 0);

  write_output (two, "baru\n");
  link = g_file_read_link (two, NULL);
  ck_assert_str_eq (link, "one");
  g_free (link);
  link = g_file_read_link (one, NULL);
  ck_assert_str_eq (link, "real/kalender.ics");
  assert_contents (target, "baru\n");
  ck_assert_int_eq (g_stat (target, &st), 0);
  ck_assert_uint_eq (st.st_mode & 07777, 0604);

  write_output (dangling, "dibuat\n");
  ck_assert (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_contents (created, "dibuat\n");
  ck_assert_uint_eq (count_entries (sub), 2);
  ck_assert_uint_eq (count_entries (out_dir), 4);
}
END_TEST

START_TEST (test_output_refused)
{
  g_autofree char *loop = out_path ("loop");
  g_autofree char *missing = out_path ("no-such-folder/x.ics");
  GError *error = NULL;

  ck_assert_int_eq (symlink ("loop", loop), 0);
  ck_assert_ptr_null (rapat_output_open (loop, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, loop);
  ck_assert (g_file_test (loop, G_FILE_TEST_IS_SYMLINK));
  ck_assert_ptr_null (rapat_output_open (out_dir, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "folder");
  ck_assert_ptr_null (rapat_output_open (missing, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, missing);
  ck_assert_uint_eq (count_entries (out_dir), 1);
}
END_TEST

START_TEST (test_output_fifo)
{
  g_autofree char *path = out_path ("pipe");
  GError *error = NULL;
  g_autoptr(RapatOutput) out = NULL;
  char buf[64] = "";
  struct stat st;
  int reader;

  ck_assert_int_eq (mkfifo (path, 0600), 0);
  /* A reader first, so that opening for writing does not wait. */
  reader = g_open (path, O_RDONLY | O_NONBLOCK, 0);
  ck_assert_int_ge (reader, 0);
  out = rapat_output_open (path, &error);
  rapat_assert_no_error (error);
  fputs ("lewat pipa\n", rapat_output_stream (out));
  ck_assert (rapat_output_finish (out, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (read (reader, buf, sizeof buf - 1), 11);
  close (reader);
  ck_assert_str_eq (buf, "lewat pipa\n");
  ck_assert_int_eq (lstat (path, &st), 0);
  ck_assert (S_ISFIFO (st.st_mode));
  ck_assert_uint_eq (count_entries (out_dir), 1);
}
END_TEST

START_TEST (test_output_full_device)
{
  g_autofree char *copy = out_path ("full");
  const char *path = "/dev/full";
  GError *error = NULL;
  g_autoptr(RapatOutput) out = NULL;
  struct stat st;

  /* As root, a copy of /dev/full: a broken rapat must not replace the
   * machine's own. */
  if (geteuid () == 0)
    {
      ck_assert_int_eq (mknod (copy, S_IFCHR | 0666, makedev (1, 7)), 0);
      path = copy;
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  out = rapat_output_open (path, &error);
  rapat_assert_no_error (error);
  fputs ("tidak muat\n", rapat_output_stream (out));
  ck_assert (!rapat_output_finish (out, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, path);
  ck_assert_int_eq (lstat (path, &st), 0);
  ck_assert (S_ISCHR (st.st_mode));
}
END_TEST

/* Builds the suite. */
static Suite *
output_suite (void)
{
  Suite *s = suite_create ("output");
  TCase *tc;

  tc = tcase_create ("table");
  tcase_add_test (tc, test_table_alignment);
  tcase_add_test (tc, test_table_display_width);
  tcase_add_test (tc, test_fields_widest_label);
  tcase_add_test (tc, test_table_right_align);
  tcase_add_test (tc, test_table_max_width);
  tcase_add_test (tc, test_table_wrap_to_width);
  tcase_add_test (tc, test_table_wrap_breaks_words);
  tcase_add_test (tc, test_terminal_width);
  tcase_add_test (tc, test_table_trailing_space_and_indent);
  tcase_add_test (tc, test_table_add_row_copies);
  tcase_add_test (tc, test_table_empty);
  suite_add_tcase (s, tc);

  tc = tcase_create ("json");
  tcase_add_test (tc, test_json_layout);
  tcase_add_test (tc, test_json_write_string_escapes);
  tcase_add_test (tc, test_json_strings_round_trip);
  tcase_add_test (tc, test_json_nesting_and_nulls);
  tcase_add_test (tc, test_json_top_level_array);
  tcase_add_test (tc, test_json_many_members);
  suite_add_tcase (s, tc);

  tc = tcase_create ("file");
  tcase_add_checked_fixture (tc, out_setup, out_teardown);
  tcase_add_test (tc, test_output_stdout);
  tcase_add_test (tc, test_output_new_file_umask);
  tcase_add_loop_test (tc, test_output_keeps_mode, 0, 2);
  tcase_add_loop_test (tc, test_output_abandoned, 0, 2);
  tcase_add_test (tc, test_output_named_temp_is_short);
  tcase_add_test (tc, test_output_symlinks);
  tcase_add_test (tc, test_output_refused);
  tcase_add_test (tc, test_output_fifo);
  tcase_add_test (tc, test_output_full_device);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rapat_test_run (output_suite ());
}
