/* rapat tests — the language rule, switching catalogs, numbers for people. */
#include "check-common.h"
#include "lang.h"
#include "model.h"
#include "when.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* Sets (or with NULL, unsets) the environment variable @name. */
static void
set_env (const char *name, const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

/* Clears every variable the rule reads. */
static void
clear_env (void)
{
  set_env ("RAPAT_LANG", NULL);
  set_env ("LANGUAGE", NULL);
  set_env ("LC_ALL", NULL);
  set_env ("LC_MESSAGES", NULL);
  set_env ("LANG", NULL);
}

START_TEST (test_parse)
{
  static const struct { const char *text; RapatLang lang; } ok[] = {
    { "id", RAPAT_LANG_ID }, { "ID", RAPAT_LANG_ID }, { "Indonesia", RAPAT_LANG_ID },
    { "indonesian", RAPAT_LANG_ID }, { "en", RAPAT_LANG_EN }, { "English", RAPAT_LANG_EN },
    { "inggris", RAPAT_LANG_EN },
  };
  static const char *const bad[] = { "", "fr", "idn", "i", "en_US", "id " };
  RapatLang lang;

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      GError *error = NULL;

      lang = ok[i].lang == RAPAT_LANG_ID ? RAPAT_LANG_EN : RAPAT_LANG_ID;
      ck_assert_msg (rapat_lang_parse ("--lang", ok[i].text, &lang, &error), "%s", ok[i].text);
      rapat_assert_no_error (error);
      ck_assert_int_eq (lang, ok[i].lang);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      g_autofree char *want = g_strdup_printf ("--lang '%s': ", bad[i]);

      ck_assert_msg (!rapat_lang_parse ("--lang", bad[i], &lang, &error), "%s", bad[i]);
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (g_str_has_prefix (error->message, want), "%s", error->message);
      g_error_free (error);
    }
}
END_TEST

START_TEST (test_locale_rule)
{
  static const struct {
    const char *language, *lc_all, *lc_messages, *lang;
    RapatLang want;
  } cases[] = {
    { NULL, NULL, NULL, NULL, RAPAT_LANG_EN },
    { NULL, NULL, NULL, "id_ID.UTF-8", RAPAT_LANG_ID },
    { NULL, NULL, NULL, "in_ID", RAPAT_LANG_ID },
    { NULL, NULL, NULL, "id", RAPAT_LANG_ID },
    { NULL, NULL, NULL, "ida_XX", RAPAT_LANG_EN },
    { NULL, NULL, NULL, "en_US.UTF-8", RAPAT_LANG_EN },
    { NULL, NULL, "id_ID.UTF-8", "en_US.UTF-8", RAPAT_LANG_ID },
    { NULL, "en_GB.UTF-8", "id_ID.UTF-8", "id_ID.UTF-8", RAPAT_LANG_EN },
    { "id:en", NULL, NULL, "en_US.UTF-8", RAPAT_LANG_ID },
    { "en", NULL, NULL, "id_ID.UTF-8", RAPAT_LANG_EN },
    /* LANGUAGE counts for nothing under the C locale, as for gettext. */
    { "id", NULL, NULL, "C", RAPAT_LANG_EN },
    { "id", NULL, NULL, NULL, RAPAT_LANG_EN },
    { "", NULL, NULL, "id_ID", RAPAT_LANG_ID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      clear_env ();
      set_env ("LANGUAGE", cases[i].language);
      set_env ("LC_ALL", cases[i].lc_all);
      set_env ("LC_MESSAGES", cases[i].lc_messages);
      set_env ("LANG", cases[i].lang);
      ck_assert_msg (rapat_lang_of_locale () == cases[i].want, "case %u", i);
    }
}
END_TEST

START_TEST (test_environment)
{
  RapatLang lang = RAPAT_LANG_EN;
  gboolean explicit_ = TRUE;
  GError *error = NULL;

  clear_env ();
  set_env ("LANG", "id_ID.UTF-8");
  ck_assert (rapat_lang_from_environment (&lang, &explicit_, &error));
  ck_assert_int_eq (lang, RAPAT_LANG_ID);
  ck_assert (!explicit_);
  /* RAPAT_LANG outranks the locale. */
  set_env ("RAPAT_LANG", "en");
  ck_assert (rapat_lang_from_environment (&lang, &explicit_, &error));
  ck_assert_int_eq (lang, RAPAT_LANG_EN);
  ck_assert (explicit_);
  set_env ("RAPAT_LANG", "");
  ck_assert (rapat_lang_from_environment (&lang, &explicit_, &error));
  ck_assert_int_eq (lang, RAPAT_LANG_ID);
  ck_assert (!explicit_);
  set_env ("RAPAT_LANG", "jv");
  ck_assert (!rapat_lang_from_environment (&lang, &explicit_, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_str_has_prefix (error->message, "RAPAT_LANG 'jv': "), "%s", error->message);
  g_error_free (error);
  clear_env ();
}
END_TEST

START_TEST (test_zone)
{
  ck_assert_int_eq (rapat_lang_for_zone ("Asia/Jayapura"), RAPAT_LANG_ID);
  ck_assert_int_eq (rapat_lang_for_zone ("Asia/Jakarta"), RAPAT_LANG_ID);
  ck_assert_int_eq (rapat_lang_for_zone ("Asia/Pontianak"), RAPAT_LANG_ID);
  ck_assert_int_eq (rapat_lang_for_zone ("Asia/Makassar"), RAPAT_LANG_ID);
  ck_assert_int_eq (rapat_lang_for_zone ("Asia/Jakarta2"), RAPAT_LANG_EN);
  ck_assert_int_eq (rapat_lang_for_zone ("Asia/Singapore"), RAPAT_LANG_EN);
  ck_assert_int_eq (rapat_lang_for_zone ("Europe/Berlin"), RAPAT_LANG_EN);
  ck_assert_int_eq (rapat_lang_for_zone (NULL), RAPAT_LANG_EN);
  ck_assert_str_eq (rapat_lang_code (RAPAT_LANG_ID), "id");
  ck_assert_str_eq (rapat_lang_code (RAPAT_LANG_EN), "en");
}
END_TEST

START_TEST (test_numbers)
{
  static const struct { double v; guint dec; const char *id, *en; } cases[] = {
    { 0, 0, "0", "0" },
    { 999, 0, "999", "999" },
    { 1000, 0, "1.000", "1,000" },
    { 1234.5, 1, "1.234,5", "1,234.5" },
    { 1234567.891, 2, "1.234.567,89", "1,234,567.89" },
    { 81.818181, 1, "81,8", "81.8" },
    { 0.05, 1, "0,1", "0.1" },
    { 0.04, 1, "0,0", "0.0" },
    { 99.95, 1, "100,0", "100.0" },
    { -2.5, 0, "-3", "-3" },
    { -0.04, 1, "0,0", "0.0" },
    { 12.5, 3, "12,500", "12.500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = rapat_lang_number (cases[i].v, cases[i].dec, RAPAT_LANG_ID);
      g_autofree char *en = rapat_lang_number (cases[i].v, cases[i].dec, RAPAT_LANG_EN);

      ck_assert_msg (strcmp (id, cases[i].id) == 0, "%u: %s", i, id);
      ck_assert_msg (strcmp (en, cases[i].en) == 0, "%u: %s", i, en);
    }
}
END_TEST

START_TEST (test_counts_and_percent)
{
  static const struct { gint64 n; const char *id, *en; } counts[] = {
    { 0, "0", "0" }, { 7, "7", "7" }, { 1234, "1.234", "1,234" },
    { -1234567, "-1.234.567", "-1,234,567" },
    { G_MAXINT64, "9.223.372.036.854.775.807", "9,223,372,036,854,775,807" },
    { G_MININT64, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808" },
  };
  char *s;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *id = rapat_lang_count (counts[i].n, RAPAT_LANG_ID);
      g_autofree char *en = rapat_lang_count (counts[i].n, RAPAT_LANG_EN);

      ck_assert_str_eq (id, counts[i].id);
      ck_assert_str_eq (en, counts[i].en);
    }
  s = rapat_lang_percent (18.0 / 22.0, RAPAT_LANG_ID);
  ck_assert_str_eq (s, "81,8%");
  g_free (s);
  s = rapat_lang_percent (18.0 / 22.0, RAPAT_LANG_EN);
  ck_assert_str_eq (s, "81.8%");
  g_free (s);
  s = rapat_lang_percent (1.0, RAPAT_LANG_ID);
  ck_assert_str_eq (s, "100,0%");
  g_free (s);
  s = rapat_lang_percent (-1, RAPAT_LANG_ID);
  ck_assert_str_eq (s, "-");
  g_free (s);
}
END_TEST

/* Whatever LC_NUMERIC the machine has, the marks are rapat's. */
START_TEST (test_numbers_ignore_locale)
{
  const char *was = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (was);
  g_autofree char *id = NULL, *en = NULL;

  /* de_DE writes 1.234,5 too; if it is not installed the test proves the
   * same under C. */
  setlocale (LC_NUMERIC, "de_DE.UTF-8");
  id = rapat_lang_number (1234.5, 1, RAPAT_LANG_ID);
  en = rapat_lang_number (1234.5, 1, RAPAT_LANG_EN);
  setlocale (LC_NUMERIC, saved);
  ck_assert_str_eq (id, "1.234,5");
  ck_assert_str_eq (en, "1,234.5");
}
END_TEST

/* rapat_lang_use() switches the messages language in the running process,
 * and back; under the C locale too. */
START_TEST (test_use_switches)
{
  clear_env ();
  setlocale (LC_ALL, "C");
  rapat_lang_use (RAPAT_LANG_ID);
  ck_assert_int_eq (rapat_lang (), RAPAT_LANG_ID);
  ck_assert_str_eq (g_getenv ("LANGUAGE"), "id");
  ck_assert_str_ne (setlocale (LC_MESSAGES, NULL), "C");
  rapat_lang_use (RAPAT_LANG_EN);
  ck_assert_int_eq (rapat_lang (), RAPAT_LANG_EN);
  ck_assert_str_eq (g_getenv ("LANGUAGE"), "en");
  clear_env ();
}
END_TEST

/* Writes a catalog of rapat's messages for language @lang under @dir, as
 * msgfmt makes it, translating "lang-probe". */
static void
write_catalog (const char *dir, const char *lang)
{
  g_autofree char *folder = g_build_filename (dir, lang, "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (dir, "probe.po", NULL);
  g_autofree char *mo = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  const char *text =
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Language: id\\n\"\n\nmsgid \"lang-probe\"\nmsgstr \"uji-bahasa\"\n";
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  int status = -1;

  ck_assert_int_eq (g_mkdir_with_parents (folder, 0700), 0);
  ck_assert (g_file_set_contents (po, text, -1, NULL));
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                           NULL, &status, NULL));
  ck_assert_int_eq (status, 0);
}

/* With a real catalog and the locale C (no id_ID installed, as on a
 * server), rapat_lang_use() makes gettext answer in Indonesian and then
 * back in English, in the same process. */
START_TEST (test_use_switches_catalogs)
{
  g_autofree char *dir = g_dir_make_tmp ("rapat-lang-XXXXXX", NULL);
  g_autofree char *rm = NULL;
  static const char probe[] = "lang-probe";   /* a variable: xgettext must not take it */

  ck_assert_ptr_nonnull (dir);
  write_catalog (dir, "id");
  clear_env ();
  setlocale (LC_ALL, "C");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ck_assert_str_eq (gettext (probe), "lang-probe");
  rapat_lang_use (RAPAT_LANG_ID);
  ck_assert_str_eq (gettext (probe), "uji-bahasa");
  rapat_lang_use (RAPAT_LANG_EN);
  ck_assert_str_eq (gettext (probe), "lang-probe");
  rapat_lang_use (RAPAT_LANG_ID);
  ck_assert_str_eq (gettext (probe), "uji-bahasa");
  rapat_lang_use (RAPAT_LANG_EN);
  clear_env ();
  rm = g_strdup_printf ("rm -rf '%s'", dir);
  ck_assert_int_eq (system (rm), 0);
}
END_TEST

/* The names of days and months are rapat's, in the output's language,
 * whatever LC_TIME has. */
START_TEST (test_dates_follow_the_output)
{
  g_autoptr(GTimeZone) wit = g_time_zone_new_identifier ("Asia/Jayapura");
  g_autofree char *en = NULL, *id = NULL, *en_range = NULL, *id_range = NULL;
  gint64 start = G_GINT64_CONSTANT (1756771200);   /* 2025-09-02 09:00 WIT */

  ck_assert_ptr_nonnull (wit);
  rapat_lang_use (RAPAT_LANG_EN);
  en = rapat_when_date (start, wit, RAPAT_WHEN_LOCALE);
  en_range = rapat_when_range (start, start + 7 * 3600, wit, RAPAT_WHEN_LOCALE);
  rapat_lang_use (RAPAT_LANG_ID);
  id = rapat_when_date (start, wit, RAPAT_WHEN_LOCALE);
  id_range = rapat_when_range (start, start + 7 * 3600, wit, RAPAT_WHEN_LOCALE);
  rapat_lang_use (RAPAT_LANG_EN);
  clear_env ();
  ck_assert_str_eq (en, "Tue 2 Sep 2025");
  ck_assert_str_eq (en_range, "Tue 2 Sep 2025, 09:00–16:00 WIT");
  ck_assert_str_eq (id, "Selasa, 2 September 2025");
  ck_assert_str_eq (id_range, "Selasa, 2 September 2025, 09.00–16.00 WIT");
}
END_TEST

/* Every status, role, reply or type rapat shows in Indonesian can be typed
 * back and means the same value: the catalog's words (po/id.po, compiled
 * here) are input aliases too. */
START_TEST (test_shown_words_read_back)
{
  const RapatEnum *all[] = {
    &rapat_meeting_status_enum, &rapat_agenda_type_enum, &rapat_role_enum, &rapat_rsvp_enum,
    &rapat_attendance_enum, &rapat_issue_status_enum, &rapat_action_status_enum,
    &rapat_priority_enum, &rapat_minutes_status_enum,
  };
  const char *srcdir = g_getenv ("SRCDIR");
  g_autofree char *dir = g_dir_make_tmp ("rapat-lang-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "id", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *po = g_build_filename (srcdir != NULL ? srcdir : ".", "po", "id.po", NULL);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  int status = -1;
  guint checked = 0;

  ck_assert_int_eq (g_mkdir_with_parents (folder, 0700), 0);
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                           NULL, &status, NULL));
  ck_assert_int_eq (status, 0);
  clear_env ();
  setlocale (LC_ALL, "C");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  rapat_lang_use (RAPAT_LANG_ID);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    for (int v = 0; v < rapat_enum_count (all[i]); v++)
      {
        const char *label = rapat_enum_label (all[i], v);
        GError *error = NULL;
        int back = -1;

        /* Translated (the catalog reached), unless the word is the same. */
        if (strcmp (label, rapat_enum_name (all[i], v)) != 0)
          checked++;
        ck_assert_msg (rapat_enum_parse (all[i], label, &back, &error),
                       "'%s' (%s) does not read back: %s", label, rapat_enum_name (all[i], v),
                       error != NULL ? error->message : "");
        ck_assert_msg (back == v, "'%s' reads back as %s, not %s", label,
                       rapat_enum_name (all[i], back), rapat_enum_name (all[i], v));
      }
  rapat_lang_use (RAPAT_LANG_EN);
  clear_env ();
  ck_assert_int_ge (checked, 30);
  ck_assert_int_eq (system (rm), 0);
}
END_TEST

static Suite *
lang_suite (void)
{
  Suite *s = suite_create ("lang");
  TCase *tc = tcase_create ("rule");

  tcase_add_test (tc, test_parse);
  tcase_add_test (tc, test_locale_rule);
  tcase_add_test (tc, test_environment);
  tcase_add_test (tc, test_zone);
  tcase_add_test (tc, test_use_switches);
  tcase_add_test (tc, test_use_switches_catalogs);
  tcase_add_test (tc, test_dates_follow_the_output);
  tcase_add_test (tc, test_shown_words_read_back);
  suite_add_tcase (s, tc);
  tc = tcase_create ("numbers");
  tcase_add_test (tc, test_numbers);
  tcase_add_test (tc, test_counts_and_percent);
  tcase_add_test (tc, test_numbers_ignore_locale);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (lang_suite ());
}
