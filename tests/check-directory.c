/* rapat tests — the directory's rules (src/directory.c): a person's fields,
 * and people and units imported from CSV, on a real store in memory.
 *
 * The expected values are written out by hand, never recomputed with the
 * code under test. */
#include "check-common.h"
#include "directory.h"

static RapatStore *store;

/* Checked fixture: a fresh in-memory store. */
static void
store_setup (void)
{
  store = rapat_test_store_open (":memory:");
}

/* Checked fixture: closes the store. */
static void
store_teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
}

/* Imports @text as units (@people FALSE) or people into the store; returns
 * whether it succeeded, with the plan in @plan and the error in @error. */
static gboolean
import (const char *text, gboolean people, char **map, RapatImportPlan *plan, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(RapatCsv) csv = rapat_csv_read (text, strlen (text), "f.csv", &local);

  ck_assert_msg (csv != NULL, "CSV refused: %s", local != NULL ? local->message : "?");
  return people ? rapat_person_import (store, csv, "f.csv", map, plan, error)
                : rapat_unit_import (store, csv, "f.csv", map, plan, error);
}

/* Imports @text and fails the test on an error; checks the counts. */
static void
import_ok (const char *text, gboolean people, guint n_new, guint n_changed, guint n_unchanged)
{
  RapatImportPlan plan = { 0 };
  GError *error = NULL;

  ck_assert (import (text, people, NULL, &plan, &error));
  rapat_assert_no_error (error);
  ck_assert_uint_eq (plan.n_new, n_new);
  ck_assert_uint_eq (plan.n_changed, n_changed);
  ck_assert_uint_eq (plan.n_unchanged, n_unchanged);
  rapat_import_plan_clear (&plan);
}

/* Returns the person @text names (fails the test when none). */
static RapatPerson *
person (const char *text)
{
  GError *error = NULL;
  gint64 id = 0;

  ck_assert_msg (rapat_store_person_resolve (store, text, &id, &error), "%s: %s", text,
                 error != NULL ? error->message : "?");
  return rapat_store_person_get (store, id, &error);
}

/* The fields are checked and written one way; "" clears, NULL leaves. */
START_TEST (test_person_set)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;
  char buf[24];

  ck_assert (rapat_person_set (p, RAPAT_PERSON_NAME, "Maria Wattimena", &error));
  ck_assert (rapat_person_set (p, RAPAT_PERSON_NIP, "19780514 200312 2 001", &error));
  ck_assert (rapat_person_set (p, RAPAT_PERSON_ESELON, "iiia", &error));
  ck_assert (rapat_person_set (p, RAPAT_PERSON_RANK, "3", &error));
  ck_assert (rapat_person_set (p, RAPAT_PERSON_PHONE, NULL, &error));
  ck_assert_str_eq (p->nip, "197805142003122001");
  ck_assert_str_eq (p->eselon, "III.a");
  ck_assert_str_eq (rapat_person_get (p, RAPAT_PERSON_RANK, buf), "3");
  ck_assert (rapat_person_set (p, RAPAT_PERSON_NIP, "", &error));
  ck_assert_ptr_null (p->nip);
  ck_assert (!rapat_person_set (p, RAPAT_PERSON_NAME, "", &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert_str_eq (p->name, "Maria Wattimena");
  ck_assert (!rapat_person_set (p, RAPAT_PERSON_RANK, "1000000", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "rank '1000000': must be a whole number from 1 to 999999");
  ck_assert (!rapat_person_set (p, RAPAT_PERSON_PHONE, "0911-abc", &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert_int_eq (p->rank, 3);
}
END_TEST

/* Parents may come after their children; a second import changes nothing. */
START_TEST (test_units_parents_later)
{
  g_autoptr(RapatUnit) sub = NULL;
  gint64 id = 0;
  GError *error = NULL;
  const char *units = "kode;nama;induk\r\n"
                      "SUB;Seksi Bimkemas;BID\r\n"
                      "BID;Bidang Pembinaan;KANWIL\r\n"
                      "KANWIL;Kantor Wilayah;\r\n";

  import_ok (units, FALSE, 3, 0, 0);
  import_ok (units, FALSE, 0, 0, 3);
  ck_assert (rapat_store_unit_resolve (store, "SUB", &id, &error));
  sub = rapat_store_unit_get (store, id, &error);
  ck_assert_str_eq (sub->parent_name, "Bidang Pembinaan");
  /* "Unit Kerja" is the name in a sheet of units. */
  import_ok ("Unit Kerja;Kode\r\nSeksi Registrasi;REG\r\n", FALSE, 1, 0, 0);
  /* A rename by code, and a move to the top. */
  import_ok ("code,name,parent\nSUB,Seksi Bimbingan Kemasyarakatan,\n", FALSE, 0, 1, 0);
}
END_TEST

/* Every problem is listed, in the file's order, with a count at the end. */
START_TEST (test_units_errors)
{
  RapatImportPlan plan = { 0 };
  GError *error = NULL;

  ck_assert (!import ("name,code,parent\nA,A,C\nB,B,Z\nC,C,A\nD,A,\n", FALSE, NULL, &plan,
                      &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (error->message,
                    "f.csv:2: column 'parent': unit 'A' would be below itself (A → C → A)\n"
                    "f.csv:3: column 'parent': no unit 'Z' in the file or the database\n"
                    "f.csv:4: column 'parent': unit 'C' would be below itself (C → A → C)\n"
                    "f.csv:5: column 'code': 'A' is also on line 2\n"
                    "f.csv: 4 errors; nothing was imported");
  g_clear_error (&error);
  rapat_import_plan_clear (&plan);
}
END_TEST

/* People are matched by NIP, else e-mail, else name in the unit; columns
 * left out are kept, empty cells clear. */
START_TEST (test_people_upsert)
{
  g_autoptr(RapatPerson) maria = NULL;
  g_autoptr(RapatPerson) ricky = NULL;
  RapatImportPlan plan = { 0 };
  GError *error = NULL;

  import_ok ("kode,nama\nKW,Kantor Wilayah\nRT,Rutan Ambon\n", FALSE, 2, 0, 0);
  import_ok ("Nama,Unit Kerja,Surel,No. HP,Jabatan\n"
             "Maria Wattimena,KW,tu@maluku.example,0911 1,Kabag TU\n"
             "Ricky Dwi Biantoro,Kantor Wilayah,kakanwil@maluku.example,,Kakanwil\n"
             "Siti Umasugi,RT,,,\n", TRUE, 3, 0, 0);
  /* A NIP sheet adds the NIPs to the people it names (no NIP yet). */
  import_ok ("nama,unit,nip\nMaria Wattimena,KW,197805142003122001\n", TRUE, 0, 1, 0);
  /* By NIP now, by e-mail in any case; jabatan not in the file is kept. */
  ck_assert (import ("nip,telepon\n197805142003122001,\n", TRUE, NULL, &plan, &error));
  ck_assert_uint_eq (plan.n_changed, 1);
  ck_assert_str_eq (plan.lines->pdata[0], "line 2: changed Maria Wattimena: phone");
  rapat_import_plan_clear (&plan);
  import_ok ("email,urutan\nKAKANWIL@maluku.example,1\n", TRUE, 0, 1, 0);
  maria = person ("197805142003122001");
  ricky = person ("Ricky");
  ck_assert_ptr_null (maria->phone);
  ck_assert_str_eq (maria->position, "Kabag TU");
  ck_assert_int_eq (ricky->rank, 1);
  /* A row with a NIP nobody has and no name cannot add anyone. */
  ck_assert (!import ("nip\n197203151998031002\n", TRUE, NULL, &plan, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "f.csv:2: nobody has this NIP or e-mail, and a new person needs a "
                               "name");
  rapat_import_plan_clear (&plan);
}
END_TEST

/* Duplicates, unknown units, clashes with the store and bad cells: all of
 * them listed. */
START_TEST (test_people_errors)
{
  RapatImportPlan plan = { 0 };
  GError *error = NULL;
  char *map[] = { "ket=-", NULL };

  import_ok ("kode,nama\nKW,Kantor Wilayah\n", FALSE, 1, 0, 0);
  import_ok ("nama,surel,nip\nMaria,tu@x.example,\nRicky,kk@x.example,197203151998031002\n",
             TRUE, 2, 0, 0);
  ck_assert (!import ("nama;unit;surel;nip;eselon;ket\r\n"
                      "A;KW;a@x.example;;II.c;x\r\n"
                      "B;NOPE;A@X.example;;;\r\n"
                      "C;;;197805142003122001;;\r\n"
                      "D;;;19780514 200312 2 001;;\r\n"
                      "E;;tu@x.example;197203151998031002;;\r\n", TRUE, map, &plan, &error));
  /* Line 6 has Ricky's NIP and Maria's e-mail: a clash with the store. */
  ck_assert_str_eq (error->message,
                    "f.csv:2: column 'eselon': eselon 'II.c': not an eselon; write a level I to "
                    "V and a grade a or b, e.g. II.a or IV.b\n"
                    "f.csv:3: column 'unit': no unit 'NOPE' (give its code or exact name; import "
                    "the units first)\n"
                    "f.csv:5: column 'nip': '197805142003122001' is also on line 4\n"
                    "f.csv:6: column 'surel': e-mail 'tu@x.example': already belongs to Maria\n"
                    "f.csv: 4 errors; nothing was imported");
  g_clear_error (&error);
  /* Header problems come first, alone. */
  ck_assert (!import ("nama,catatan,Nama\nA,b,c\n", TRUE, NULL, &plan, &error));
  ck_assert_str_eq (error->message,
                    "f.csv:1: column 'catatan': not a field rapat knows (name, position, unit, "
                    "email, phone, nip, pangkat, eselon, rank); name it with --map "
                    "'catatan=FIELD', or skip it with --map 'catatan=-'\n"
                    "f.csv:1: column 'Nama': field 'name' already comes from column 'nama'\n"
                    "f.csv: 2 errors; nothing was imported");
  g_clear_error (&error);
  rapat_import_plan_clear (&plan);
}
END_TEST

static Suite *
directory_suite (void)
{
  Suite *s = suite_create ("directory");
  TCase *tc = tcase_create ("import");

  tcase_add_checked_fixture (tc, store_setup, store_teardown);
  tcase_add_test (tc, test_person_set);
  tcase_add_test (tc, test_units_parents_later);
  tcase_add_test (tc, test_units_errors);
  tcase_add_test (tc, test_people_upsert);
  tcase_add_test (tc, test_people_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (directory_suite ());
}
