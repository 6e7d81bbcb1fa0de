/* rapat tests — the CSV reader on what Excel and LibreOffice write, and on
 * what they do not. */
#include "check-common.h"
#include "csv-read.h"

#include <string.h>

/* Reads @text (NUL-terminated unless @len) and fails the test on an error. */
static RapatCsv *
read_ok (const char *text, gsize len)
{
  g_autoptr(GError) error = NULL;
  RapatCsv *csv = rapat_csv_read (text, len != 0 ? len : strlen (text), "t.csv", &error);

  ck_assert_msg (csv != NULL, "refused: %s", error != NULL ? error->message : "?");
  return csv;
}

/* Asserts record @i of @csv starts on @line and has the fields of @expected
 * (NULL-terminated). */
static void
assert_record (RapatCsv *csv, guint i, guint line, const char *const *expected)
{
  const RapatCsvRecord *rec;
  guint n = g_strv_length ((char **) expected);

  ck_assert_uint_lt (i, csv->records->len);
  rec = csv->records->pdata[i];
  ck_assert_uint_eq (rec->line, line);
  ck_assert_uint_eq (rec->n_fields, n);
  for (guint f = 0; f < n; f++)
    ck_assert_str_eq (rec->fields[f], expected[f]);
}

/* Asserts that @text is refused with exactly @message. */
static void
assert_refused (const char *text, gsize len, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapatCsv) csv = rapat_csv_read (text, len != 0 ? len : strlen (text), "t.csv",
                                            &error);

  ck_assert_ptr_null (csv);
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (error->message, message);
}

/* LibreOffice: a BOM, ';' and CRLF; quoted fields with ';', quotes, newlines. */
START_TEST (test_libreoffice)
{
  g_autoptr(RapatCsv) csv = read_ok ("\xEF\xBB\xBFnama;jabatan;unit\r\n"
                                     "Ricky;\"Kepala; Kanwil\";KANWIL\r\n"
                                     "\"Andi \"\"Humas\"\"\";\"baris 1\r\nbaris 2\";\r\n"
                                     "Maria;Kabag, TU;KANWIL\r\n", 0);
  const char *const h[] = { "nama", "jabatan", "unit", NULL };
  const char *const r1[] = { "Ricky", "Kepala; Kanwil", "KANWIL", NULL };
  const char *const r2[] = { "Andi \"Humas\"", "baris 1\nbaris 2", "", NULL };
  const char *const r3[] = { "Maria", "Kabag, TU", "KANWIL", NULL };

  ck_assert_int_eq (csv->separator, ';');
  ck_assert_uint_eq (csv->records->len, 4);
  assert_record (csv, 0, 1, h);
  assert_record (csv, 1, 2, r1);
  assert_record (csv, 2, 3, r2);
  assert_record (csv, 3, 5, r3);
}
END_TEST

/* Excel's "CSV UTF-8" with ',', bare LF, a last line without its end,
 * blank lines left out, and a header whose ';' sits inside quotes. */
START_TEST (test_excel_comma)
{
  g_autoptr(RapatCsv) csv = read_ok ("name,\"position; rank\",email\n\n"
                                     "Ricky,\"Kepala, Kanwil\",a@b.example\n"
                                     "\n"
                                     "Lilik,,\n"
                                     "\"\",x,", 0);
  const char *const r1[] = { "Ricky", "Kepala, Kanwil", "a@b.example", NULL };
  const char *const r2[] = { "Lilik", "", "", NULL };
  const char *const r3[] = { "", "x", "", NULL };

  ck_assert_int_eq (csv->separator, ',');
  ck_assert_uint_eq (csv->records->len, 4);
  assert_record (csv, 1, 3, r1);
  assert_record (csv, 2, 5, r2);
  assert_record (csv, 3, 6, r3);
}
END_TEST

/* Old Mac line ends (CR alone) and a CRLF inside quotes become "\n"; a
 * stray quote inside an unquoted field is kept as text. */
START_TEST (test_line_ends)
{
  g_autoptr(RapatCsv) csv = read_ok ("a;b\rx\"y;\"1\r\n2\"\r\"\";z\r", 0);
  const char *const r1[] = { "x\"y", "1\n2", NULL };
  const char *const r2[] = { "", "z", NULL };

  ck_assert_uint_eq (csv->records->len, 3);
  assert_record (csv, 1, 2, r1);
  assert_record (csv, 2, 4, r2);
}
END_TEST

/* Errors name the file, line and column (in characters, after a BOM). */
START_TEST (test_errors)
{
  assert_refused ("a,b\nx,\"never closed\n\n", 0,
                  "t.csv:2:3: the quote opened here is never closed");
  assert_refused ("a,b\n\"Ändi\" x,y\n", 0,
                  "t.csv:2:7: text after the closing quote (a quote inside a field is written "
                  "twice)");
  assert_refused ("\xEF\xBB\xBFnama;jabatan\r\nJos\xE9;Kepala\r\n", 0,
                  "t.csv:2:4: not UTF-8 (save the sheet as \"CSV UTF-8\")");
  assert_refused ("a,b\nx,y\0z\n", 10, "t.csv:2:4: not UTF-8 (save the sheet as \"CSV UTF-8\")");
}
END_TEST

/* An empty file and a BOM alone have no records; fields keep spaces. */
START_TEST (test_empty)
{
  g_autoptr(RapatCsv) a = read_ok ("", 0);
  g_autoptr(RapatCsv) b = read_ok ("\xEF\xBB\xBF", 0);
  g_autoptr(RapatCsv) c = read_ok (" a , b ", 0);
  const char *const r[] = { " a ", " b ", NULL };

  ck_assert_uint_eq (a->records->len, 0);
  ck_assert_uint_eq (b->records->len, 0);
  assert_record (c, 0, 1, r);
}
END_TEST

static Suite *
csv_suite (void)
{
  Suite *s = suite_create ("csv");
  TCase *tc = tcase_create ("read");

  tcase_add_test (tc, test_libreoffice);
  tcase_add_test (tc, test_excel_comma);
  tcase_add_test (tc, test_line_ends);
  tcase_add_test (tc, test_errors);
  tcase_add_test (tc, test_empty);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (csv_suite ());
}
