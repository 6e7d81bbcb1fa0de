/* rapat tests — zones, date and time parsing, durations and display. */
#include "check-common.h"
#include "cmd.h"
#include "recur.h"
#include "timeutil.h"
#include "meeting.h"
#include "when.h"

#include <unistd.h>

/* 2025-09-02 00:00:00 UTC, which is 09:00 WIT in Ambon. */
#define RAKERNIS_UTC G_GINT64_CONSTANT (1756771200)

/* Loads the zone @name, failing the test if it does not load. */
static GTimeZone *
zone (const char *name)
{
  GError *error = NULL;
  GTimeZone *tz = rapat_time_zone_load (name, NULL, &error);

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (tz);
  return tz;
}

/* Sets (or with NULL, unsets) the environment variable @name. */
static void
set_env (const char *name, const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

/* ---- zones ---- */

START_TEST (test_zone_iana)
{
  const char *names[] = { "Asia/Jayapura", "Asia/Jakarta", "Asia/Makassar", "Europe/Berlin",
                          "America/Argentina/Buenos_Aires", "Etc/GMT-9" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GError *error = NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (names[i], &canonical, &error);

      rapat_assert_no_error (error);
      ck_assert_ptr_nonnull (tz);
      ck_assert_str_eq (canonical, names[i]);
    }
}
END_TEST

START_TEST (test_zone_iana_offsets_are_right)
{
  g_autoptr(GTimeZone) jayapura = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) jakarta = zone ("Asia/Jakarta");
  g_autoptr(GTimeZone) makassar = zone ("Asia/Makassar");
  g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (RAKERNIS_UTC);
  g_autoptr(GDateTime) a = g_date_time_to_timezone (u, jayapura);
  g_autoptr(GDateTime) b = g_date_time_to_timezone (u, jakarta);
  g_autoptr(GDateTime) c = g_date_time_to_timezone (u, makassar);

  ck_assert_int_eq (g_date_time_get_utc_offset (a), 9 * G_TIME_SPAN_HOUR);
  ck_assert_int_eq (g_date_time_get_utc_offset (b), 7 * G_TIME_SPAN_HOUR);
  ck_assert_int_eq (g_date_time_get_utc_offset (c), 8 * G_TIME_SPAN_HOUR);
}
END_TEST

START_TEST (test_zone_utc)
{
  const char *names[] = { "UTC", "utc", "Z" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GError *error = NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (names[i], &canonical, &error);

      rapat_assert_no_error (error);
      ck_assert_ptr_nonnull (tz);
      ck_assert_str_eq (canonical, "UTC");
      ck_assert_int_eq (g_time_zone_get_offset (tz, 0), 0);
    }
}
END_TEST

START_TEST (test_zone_offsets)
{
  static const struct {
    const char *in;
    const char *canonical;
    int seconds;
  } cases[] = {
    { "+09:00", "+09:00", 9 * 3600 },
    { "+0900", "+09:00", 9 * 3600 },
    { "+09", "+09:00", 9 * 3600 },
    { "-03:30", "-03:30", -(3 * 3600 + 1800) },
    { "+05:45", "+05:45", 5 * 3600 + 45 * 60 },
    { "+14:00", "+14:00", 14 * 3600 },
    { "+00:00", "+00:00", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (cases[i].in, &canonical, &error);

      rapat_assert_no_error (error);
      ck_assert_ptr_nonnull (tz);
      ck_assert_str_eq (canonical, cases[i].canonical);
      ck_assert_int_eq (g_time_zone_get_offset (tz, 0), cases[i].seconds);
    }
}
END_TEST

START_TEST (test_zone_unknown)
{
  const char *bad[] = {
    "", "Mars/Olympus_Mons", "Asia/Atlantis", "asia/jayapura", "Asia", "+15:00", "+09:60",
    "+9", "+09:0", "09:00", "WIT", "Asia/Jayapura ", "Asia/Jayapura\n", "Asia\\Jakarta",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      char *canonical = (char *) "untouched";
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (bad[i], &canonical, &error);

      ck_assert_msg (tz == NULL, "accepted zone '%s'", bad[i]);
      ck_assert_str_eq (canonical, "untouched");
      rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "unknown time zone");
    }
}
END_TEST

START_TEST (test_zone_path_tricks)
{
  const char *bad[] = {
    "../etc/passwd", "../../../../etc/passwd", "/etc/passwd", "Asia/../../../etc/passwd",
    "Asia/../Asia/Jakarta", "./Asia/Jakarta", "/usr/share/zoneinfo/Asia/Jakarta", "zone.tab",
    "Asia//Jakarta/..",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (bad[i], NULL, &error);

      ck_assert_msg (tz == NULL, "accepted zone '%s'", bad[i]);
      rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
    }
}
END_TEST

START_TEST (test_zone_default_from_tz)
{
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));
  g_autofree char *plain = NULL;
  g_autofree char *colon = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *posix = NULL;
  g_autofree char *garbage = NULL;
  GError *error = NULL;

  set_env ("TZ", "Asia/Jakarta");
  plain = rapat_time_zone_default (NULL);
  set_env ("TZ", ":Asia/Makassar");
  colon = rapat_time_zone_default (NULL);
  set_env ("TZ", "UTC");
  utc = rapat_time_zone_default (NULL);
  set_env ("TZ", "WIB-7");
  posix = rapat_time_zone_default (NULL);
  set_env ("TZ", "garbage");
  garbage = rapat_time_zone_default (&error);
  set_env ("TZ", saved);

  ck_assert_str_eq (plain, "Asia/Jakarta");
  ck_assert_str_eq (colon, "Asia/Makassar");
  ck_assert_str_eq (utc, "UTC");
  ck_assert_str_eq (posix, "+07:00");
  ck_assert_ptr_null (garbage);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "config set tz");
}
END_TEST

/* POSIX TZ strings: fixed ones are their offset, ruled ones keep their name. */
START_TEST (test_zone_posix)
{
  static const struct {
    const char *name, *canonical;
    int january, july;   /* offsets in seconds, 2025-01-15 and 2025-07-15 */
  } cases[] = {
    { "WIB-7", "+07:00", 7 * 3600, 7 * 3600 },
    { "<+07>-7", "+07:00", 7 * 3600, 7 * 3600 },
    { "WIT-9:00", "+09:00", 9 * 3600, 9 * 3600 },
    { "IST-5:30", "+05:30", 19800, 19800 },
    { "EST+5", "-05:00", -5 * 3600, -5 * 3600 },
    { "UTC0", "+00:00", 0, 0 },
    { "CET-1CEST,M3.5.0,M10.5.0/3", "CET-1CEST,M3.5.0,M10.5.0/3", 3600, 7200 },
    { "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", -3 * 3600,
      -2 * 3600 },
  };
  const char *bad[] = {
    "WIB", "WI-7", "WIB-7x", "WIB-7:00:30", "WIB-15", "<+07-7", "<+7>-7", "CET-1CEST",
    "CET-1CEST,M3.5.0,M10.5.0/3;rm", "CET-1CEST,M3..5.0,M10.5.0", "CET-1CEST,garbage",
    "garbage", "../../etc/passwd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (cases[i].name, &canonical, &error);
      g_autoptr(GTimeZone) again = NULL;

      rapat_assert_no_error (error);
      ck_assert_ptr_nonnull (tz);
      ck_assert_str_eq (canonical, cases[i].canonical);
      ck_assert_int_eq (g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, 1736899200)),
                        cases[i].january);
      ck_assert_int_eq (g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, 1752537600)),
                        cases[i].july);
      /* The canonical name, as stored, loads again. */
      again = rapat_time_zone_load (canonical, NULL, &error);
      rapat_assert_no_error (error);
      ck_assert_ptr_nonnull (again);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (bad[i], NULL, &error);

      ck_assert_msg (tz == NULL, "accepted zone '%s'", bad[i]);
      rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
    }
}
END_TEST

/* Asserts that rapat_time_zone_from_env (@tz_env, @localtime, @timezone_file)
 * gives @expected, or (@expected NULL) an error naming --tz, config set tz
 * and @needle. */
static void
assert_env_zone (const char *tz_env, const char *localtime, const char *timezone_file,
                 const char *expected, const char *needle)
{
  GError *error = NULL;
  g_autofree char *got = rapat_time_zone_from_env (tz_env, localtime, timezone_file, &error);

  if (expected != NULL)
    {
      rapat_assert_no_error (error);
      ck_assert_msg (g_strcmp0 (got, expected) == 0, "TZ '%s', localtime '%s': got '%s', not '%s'",
                     tz_env, localtime, got, expected);
      return;
    }
  ck_assert_msg (got == NULL, "TZ '%s', localtime '%s': got '%s', not an error", tz_env,
                 localtime, got);
  ck_assert_msg (error != NULL && strstr (error->message, "--tz") != NULL
                 && strstr (error->message, "rapat config set tz") != NULL
                 && strchr (error->message, '\n') == NULL,
                 "TZ '%s': the message does not say what to do: %s", tz_env,
                 error != NULL ? error->message : "(none)");
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, needle);
}

/* Where the system's zone comes from, and when it cannot be known. */
START_TEST (test_zone_from_env)
{
  g_autofree char *dir = rapat_test_tmpdir_new ("rapat-env-XXXXXX");
  g_autofree char *link = g_build_filename (dir, "localtime-link", NULL);
  g_autofree char *rel = g_build_filename (dir, "localtime-rel", NULL);
  g_autofree char *stray = g_build_filename (dir, "localtime-stray", NULL);
  g_autofree char *copy = g_build_filename (dir, "localtime-copy", NULL);
  g_autofree char *text = g_build_filename (dir, "localtime-text", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-file", NULL);
  g_autofree char *named = g_build_filename (dir, "timezone", NULL);
  g_autofree char *misnamed = g_build_filename (dir, "timezone-bad", NULL);
  g_autofree char *tzif = NULL;
  gsize len;

  ck_assert_int_eq (symlink ("/usr/share/zoneinfo/Asia/Jayapura", link), 0);
  /* A relative link, as some systems write it: resolved from its folder. */
  {
    g_autoptr(GString) path = g_string_new (NULL);
    for (const char *p = dir; *p != '\0'; p++)
      if (*p == '/')
        g_string_append (path, "../");
    g_string_append (path, "usr/share/zoneinfo/Asia/Makassar");
    ck_assert_int_eq (symlink (path->str, rel), 0);
  }
  ck_assert_int_eq (symlink ("/etc/passwd", stray), 0);
  ck_assert (g_file_get_contents ("/usr/share/zoneinfo/Asia/Jakarta", &tzif, &len, NULL));
  ck_assert (g_file_set_contents (copy, tzif, (gssize) len, NULL));
  ck_assert (g_file_set_contents (text, "not a zone file\n", -1, NULL));
  ck_assert (g_file_set_contents (named, "Asia/Jakarta\n", -1, NULL));
  ck_assert (g_file_set_contents (misnamed, "../../etc/passwd\n", -1, NULL));

  /* TZ set: it decides, and GLib never reads a file it names. */
  assert_env_zone ("Asia/Jayapura", missing, NULL, "Asia/Jayapura", NULL);
  assert_env_zone ("WIB-7", missing, NULL, "+07:00", NULL);
  assert_env_zone ("<+07>-7", missing, NULL, "+07:00", NULL);
  assert_env_zone ("CET-1CEST,M3.5.0,M10.5.0/3", missing, NULL, "CET-1CEST,M3.5.0,M10.5.0/3",
                   NULL);
  assert_env_zone ("/usr/share/zoneinfo/Asia/Jakarta", missing, NULL, "Asia/Jakarta", NULL);
  assert_env_zone (":/usr/share/zoneinfo/Asia/Jakarta", missing, NULL, "Asia/Jakarta", NULL);
  assert_env_zone (link, link, NULL, "Asia/Jayapura", NULL);
  assert_env_zone ("garbage", link, NULL, NULL, "TZ 'garbage'");
  assert_env_zone ("", link, NULL, NULL, "TZ ''");
  assert_env_zone (":", link, NULL, NULL, "TZ ':'");
  assert_env_zone ("../../etc/passwd", link, NULL, NULL, "TZ '../../etc/passwd'");
  assert_env_zone ("/etc/passwd", link, NULL, NULL, "TZ '/etc/passwd'");
  assert_env_zone ("/usr/share/zoneinfo/../../../etc/passwd", link, NULL, NULL, "TZ '");
  assert_env_zone ("/usr/share/zoneinfo/zone.tab", link, NULL, NULL, "TZ '");
  assert_env_zone (missing, link, NULL, NULL, "TZ '");

  /* TZ unset: /etc/localtime. */
  assert_env_zone (NULL, link, NULL, "Asia/Jayapura", NULL);
  assert_env_zone (NULL, rel, NULL, "Asia/Makassar", NULL);
  assert_env_zone (NULL, copy, named, "Asia/Jakarta", NULL);
  assert_env_zone (NULL, copy, NULL, NULL, "nothing names");
  assert_env_zone (NULL, copy, misnamed, NULL, "nothing names");
  assert_env_zone (NULL, stray, NULL, NULL, "links to no zone");
  assert_env_zone (NULL, text, named, NULL, "not a file of the tz database");
  assert_env_zone (NULL, missing, named, NULL, "missing");

  rapat_test_remove_tree (dir);
}
END_TEST

/* The zone a command uses: --tz, else the database's, else the system's. */
START_TEST (test_zone_order)
{
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));
  g_autoptr(RapatStore) store = rapat_test_store_open (":memory:");
  RapatCmdContext ctx = { 0 };
  GError *error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *configured = NULL;
  g_autofree char *over_env = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *no_store = NULL;
  g_autofree char *today = NULL;

  ctx.store = store;
  set_env ("TZ", "garbage");
  given = rapat_cmd_zone (&ctx, "Asia/Jakarta", &error);
  rapat_assert_no_error (error);
  unknown = rapat_cmd_zone (&ctx, NULL, &error);
  ck_assert_ptr_null (unknown);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "TZ 'garbage'");

  ck_assert (rapat_store_config_set (store, "tz", "Asia/Jayapura", 0, &error));
  configured = rapat_cmd_zone (&ctx, NULL, &error);
  rapat_assert_no_error (error);
  set_env ("TZ", "Asia/Jakarta");
  over_env = rapat_cmd_zone (&ctx, NULL, &error);
  rapat_assert_no_error (error);
  /* Today follows the same order: 2025-09-01 20:00 UTC is already the 2nd in WIT. */
  set_env ("SOURCE_DATE_EPOCH", "1756756800");
  today = rapat_cmd_today (&ctx, &error);
  set_env ("SOURCE_DATE_EPOCH", NULL);
  rapat_assert_no_error (error);

  ck_assert (rapat_store_config_unset (store, "tz", NULL, &error));
  set_env ("TZ", "WIB-7");
  from_env = rapat_cmd_zone (&ctx, NULL, &error);
  rapat_assert_no_error (error);
  ctx.store = NULL;
  set_env ("TZ", "Asia/Makassar");
  no_store = rapat_cmd_zone (&ctx, NULL, &error);
  rapat_assert_no_error (error);
  set_env ("TZ", saved);

  ck_assert_str_eq (given, "Asia/Jakarta");
  ck_assert_str_eq (configured, "Asia/Jayapura");
  ck_assert_str_eq (over_env, "Asia/Jayapura");
  ck_assert_str_eq (today, "2025-09-02");
  ck_assert_str_eq (from_env, "+07:00");
  ck_assert_str_eq (no_store, "Asia/Makassar");
}
END_TEST

/* ---- rapat_time_parse_datetime ---- */

START_TEST (test_datetime_in_zone)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) wib = zone ("Asia/Jakarta");
  gint64 t = 0;
  g_auto(RapatTimeParsed) parsed = { .had_offset = TRUE };

  ck_assert (rapat_time_parse_datetime ("start", "2025-09-02 09:00", wit, &t, &parsed, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, RAKERNIS_UTC);
  ck_assert (!parsed.had_offset);
  ck_assert (!parsed.repeated);
  ck_assert_ptr_null (parsed.warning);
  /* The same wall time two hours further west is two hours later. */
  ck_assert (rapat_time_parse_datetime ("start", "2025-09-02 09:00", wib, &t, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, RAKERNIS_UTC + 2 * 3600);
}
END_TEST

START_TEST (test_datetime_t_separator)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  gint64 t = 0;

  ck_assert (rapat_time_parse_datetime ("start", "2025-09-02T16:30", wit, &t, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, RAKERNIS_UTC + 7 * 3600 + 1800);
}
END_TEST

START_TEST (test_datetime_offset_wins)
{
  static const struct {
    const char *text;
    gint64 utc;
  } cases[] = {
    { "2025-09-02 09:00Z", RAKERNIS_UTC + 9 * 3600 },
    { "2025-09-02T09:00Z", RAKERNIS_UTC + 9 * 3600 },
    { "2025-09-02 09:00+09:00", RAKERNIS_UTC },
    { "2025-09-02T09:00+0900", RAKERNIS_UTC },
    { "2025-09-02 09:00 +09:00", RAKERNIS_UTC },
    { "2025-09-02 09:00+07", RAKERNIS_UTC + 2 * 3600 },
    { "2025-09-01 20:30-03:30", RAKERNIS_UTC },
  };
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      gint64 t = 0;
      g_auto(RapatTimeParsed) parsed = { 0 };

      ck_assert_msg (rapat_time_parse_datetime ("start", cases[i].text, berlin, &t, &parsed,
                                                &error), "refused '%s'", cases[i].text);
      rapat_assert_no_error (error);
      ck_assert_int_eq (t, cases[i].utc);
      ck_assert (parsed.had_offset);
    }
}
END_TEST

START_TEST (test_datetime_leap_days)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) utc = zone ("UTC");
  gint64 t = 0;

  ck_assert (rapat_time_parse_datetime ("start", "2024-02-29 10:00", utc, &t, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, G_GINT64_CONSTANT (1709200800));
  ck_assert (rapat_time_parse_datetime ("start", "2000-02-29 00:00", utc, &t, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, G_GINT64_CONSTANT (951782400));

  t = 42;
  ck_assert (!rapat_time_parse_datetime ("start", "2025-02-29 10:00", utc, &t, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "no such date");
  ck_assert (!rapat_time_parse_datetime ("start", "1900-02-29 10:00", utc, &t, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "no such date");
  ck_assert_int_eq (t, 42);
}
END_TEST

START_TEST (test_datetime_impossible)
{
  static const struct {
    const char *text;
    const char *why;
  } cases[] = {
    { "2025-02-30 10:00", "no such date" },
    { "2025-04-31 10:00", "no such date" },
    { "2025-13-01 10:00", "month must be 01 to 12" },
    { "2025-00-10 10:00", "month must be 01 to 12" },
    { "2025-09-00 10:00", "no such date" },
    { "1899-12-31 10:00", "rapat keeps dates from 1900 to 9998" },
    { "9999-01-01 00:00", "rapat keeps dates from 1900 to 9998" },
    { "2025-09-02 25:00", "hour must be 00 to 23" },
    { "2025-09-02 24:00", "hour must be 00 to 23" },
    { "2025-09-02 12:60", "minute must be 00 to 59" },
    { "2025-09-02 9:00", "expected a time HH:MM" },
    { "2025-9-2 09:00", "expected YYYY-MM-DD HH:MM" },
    { "2025-09-02", "expected YYYY-MM-DD HH:MM" },
    { "2025-09-02  09:00", "expected a time HH:MM" },
    { "02-09-2025 09:00", "expected YYYY-MM-DD HH:MM" },
    { "2025-09-02 09:00 WIT", "unexpected text after the time" },
    { "2025-09-02 09:00+15:00", "unexpected text after the time" },
    { "2025-09-02 09:00:30", "unexpected text after the time" },
    { "", "expected YYYY-MM-DD HH:MM" },
  };
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      gint64 t = 42;

      ck_assert_msg (!rapat_time_parse_datetime ("start", cases[i].text, wit, &t, NULL, &error),
                     "accepted '%s'", cases[i].text);
      ck_assert_int_eq (t, 42);
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (g_str_has_prefix (error->message, "start '"),
                     "message does not name the field: %s", error->message);
      /* A date out of rapat's years breaks a rule; the rest are no time at all. */
      rapat_assert_error_contains (error, strstr (cases[i].why, "rapat keeps") != NULL
                                          ? RAPAT_ERROR_INVALID : RAPAT_ERROR_MALFORMED,
                                   cases[i].why);
    }
}
END_TEST

START_TEST (test_datetime_dst_gap)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  gint64 t = 42;

  /* On 2025-03-30 Berlin's clocks jump from 02:00 to 03:00. */
  ck_assert (!rapat_time_parse_datetime ("start", "2025-03-30 02:30", berlin, &t, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "does not exist in zone Europe/Berlin");
  ck_assert (!rapat_time_parse_datetime ("start", "2025-03-30 02:00", berlin, &t, NULL, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert_int_eq (t, 42);

  /* Either side of the gap exists, one minute apart in UTC... */
  ck_assert (rapat_time_parse_datetime ("start", "2025-03-30 01:59", berlin, &t, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, G_GINT64_CONSTANT (1743296340));
  ck_assert (rapat_time_parse_datetime ("start", "2025-03-30 03:00", berlin, &t, NULL, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, G_GINT64_CONSTANT (1743296400));
  /* ... and an explicit offset makes any wall time valid. */
  ck_assert (rapat_time_parse_datetime ("start", "2025-03-30 02:30+01:00", berlin, &t, NULL,
                                        &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (t, G_GINT64_CONSTANT (1743298200));
}
END_TEST

/* ---- rapat_time_parse_date / parse_day ---- */

START_TEST (test_parse_date)
{
  GError *error = NULL;
  int y = 0, m = 0, d = 0;

  ck_assert (rapat_time_parse_date ("due", "2025-09-02", &y, &m, &d, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (y, 2025);
  ck_assert_int_eq (m, 9);
  ck_assert_int_eq (d, 2);
  ck_assert (!rapat_time_parse_date ("due", "2025-02-29", &y, &m, &d, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "due '2025-02-29'");
  ck_assert (!rapat_time_parse_date ("due", "2025-09-02 09:00", &y, &m, &d, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "expected a date YYYY-MM-DD");
  ck_assert_int_eq (y, 2025);
  ck_assert_int_eq (m, 9);
  ck_assert_int_eq (d, 2);
}
END_TEST

START_TEST (test_parse_day)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  gint64 start = 0, end = 0;

  ck_assert (rapat_time_parse_day ("from", "2025-09-02", wit, 0, &start, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (start, RAKERNIS_UTC - 9 * 3600);
  ck_assert (rapat_time_parse_day ("to", "2025-09-02", wit, 1, &end, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (end, start + 24 * 3600);

  /* Days follow the calendar: the day the clocks spring forward has 23 hours. */
  ck_assert (rapat_time_parse_day ("from", "2025-03-30", berlin, 0, &start, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_time_parse_day ("to", "2025-03-30", berlin, 1, &end, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (start, G_GINT64_CONSTANT (1743289200));
  ck_assert_int_eq (end - start, 23 * 3600);

  /* Across a month end: two days after 31 August starts 2 September. */
  ck_assert (rapat_time_parse_day ("to", "2025-08-31", wit, 2, &end, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (end, RAKERNIS_UTC - 9 * 3600);

  start = 42;
  ck_assert (!rapat_time_parse_day ("from", "2025-02-30", wit, 0, &start, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "from '2025-02-30'");
  ck_assert (!rapat_time_parse_day ("from", "2025/09/02", wit, 0, &start, &error));
  rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
  ck_assert_int_eq (start, 42);
}
END_TEST

/* ---- rapat_time_parse_clock ---- */

START_TEST (test_parse_clock)
{
  static const struct {
    const char *text;
    int minutes;
  } good[] = {
    { "00:00", 0 }, { "08:55", 8 * 60 + 55 }, { "12:00", 720 }, { "23:59", 1439 },
  };
  const char *bad[] = { "24:00", "12:60", "8:55", "08:5", "0855", "08:55 ", "08:55:00", "",
                        "ab:cd", "-1:00" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GError *error = NULL;
      int minutes = -1;

      ck_assert_msg (rapat_time_parse_clock ("at", good[i].text, &minutes, &error),
                     "refused '%s'", good[i].text);
      rapat_assert_no_error (error);
      ck_assert_int_eq (minutes, good[i].minutes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      int minutes = -1;

      ck_assert_msg (!rapat_time_parse_clock ("at", bad[i], &minutes, &error),
                     "accepted '%s'", bad[i]);
      ck_assert_int_eq (minutes, -1);
      rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "at '");
    }
}
END_TEST

/* ---- durations ---- */

START_TEST (test_duration_valid)
{
  static const struct {
    const char *text;
    int minutes;
  } cases[] = {
    { "90m", 90 }, { "2h", 120 }, { "2h30m", 150 }, { "2h 30m", 150 }, { "1M", 1 },
    { "2H30M", 150 }, { "0h45m", 45 }, { "1h0m", 60 }, { "24h", 1440 }, { "1440m", 1440 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;

      ck_assert_msg (rapat_time_parse_duration ("duration", cases[i].text,
                                                RAPAT_MAX_ITEM_MINUTES, &minutes, &error),
                     "refused '%s'", cases[i].text);
      rapat_assert_no_error (error);
      ck_assert_int_eq (minutes, cases[i].minutes);
    }
}
END_TEST

START_TEST (test_duration_invalid)
{
  static const struct {
    const char *text;
    const char *why;
  } cases[] = {
    { "0m", "at least one minute" },
    { "0h", "at least one minute" },
    { "-5m", "must be positive" },
    { "abc", "expected a duration" },
    { "30", "expected a duration" },
    { "2h30", "expected a duration" },
    { "", "expected a duration" },
    { "h", "expected a duration" },
    { "30m2h", "expected a duration" },
    { "2h2h", "expected a duration" },
    { "1.5h", "expected a duration" },
    { " 2h", "expected a duration" },
    { "2d", "expected a duration" },
    { "1441m", "longer than the limit of 24h" },
    { "24h1m", "longer than the limit of 24h" },
    { "9999999m", "expected a duration" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;

      ck_assert_msg (!rapat_time_parse_duration ("duration", cases[i].text,
                                                 RAPAT_MAX_ITEM_MINUTES, &minutes, &error),
                     "accepted '%s'", cases[i].text);
      ck_assert_int_eq (minutes, -1);
      /* Too short or too long breaks a rule; the rest are no duration at all. */
      rapat_assert_error_contains (error, strstr (cases[i].why, "limit") != NULL
                                          || strstr (cases[i].why, "at least") != NULL
                                          ? RAPAT_ERROR_INVALID : RAPAT_ERROR_MALFORMED,
                                   cases[i].why);
    }
}
END_TEST

START_TEST (test_duration_meeting_limit)
{
  GError *error = NULL;
  int minutes = -1;

  ck_assert (rapat_time_parse_duration ("duration", "744h", RAPAT_MAX_MEETING_MINUTES, &minutes,
                                        &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (minutes, RAPAT_MAX_MEETING_MINUTES);
  ck_assert (!rapat_time_parse_duration ("duration", "744h1m", RAPAT_MAX_MEETING_MINUTES,
                                         &minutes, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "longer than the limit of 744h");
}
END_TEST

START_TEST (test_format_duration)
{
  static const struct {
    gint64 minutes;
    const char *text;
  } cases[] = {
    { 1, "1m" }, { 45, "45m" }, { 59, "59m" }, { 60, "1h" }, { 120, "2h" }, { 150, "2h30m" },
    { 125, "2h05m" }, { 1440, "24h" }, { 7 * 60, "7h" }, { 44640, "744h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = rapat_time_format_duration (cases[i].minutes);
      int back = -1;
      GError *error = NULL;

      ck_assert_str_eq (s, cases[i].text);
      /* What is printed parses back to the same length. */
      ck_assert (rapat_time_parse_duration ("duration", s, RAPAT_MAX_MEETING_MINUTES, &back,
                                            &error));
      rapat_assert_no_error (error);
      ck_assert_int_eq (back, cases[i].minutes);
    }
}
END_TEST

/* ---- display ---- */

START_TEST (test_abbrev_indonesia)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) wib = zone ("Asia/Jakarta");
  g_autoptr(GTimeZone) wita = zone ("Asia/Makassar");
  g_autofree char *a = rapat_time_abbrev (RAKERNIS_UTC, wit);
  g_autofree char *b = rapat_time_abbrev (RAKERNIS_UTC, wib);
  g_autofree char *c = rapat_time_abbrev (RAKERNIS_UTC, wita);

  ck_assert_str_eq (a, "WIT");
  ck_assert_str_eq (b, "WIB");
  ck_assert_str_eq (c, "WITA");
}
END_TEST

START_TEST (test_abbrev_follows_dst)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) utc = zone ("UTC");
  g_autoptr(GTimeZone) dubai = zone ("Asia/Dubai");
  g_autofree char *summer = rapat_time_abbrev (RAKERNIS_UTC, berlin);
  g_autofree char *winter = rapat_time_abbrev (G_GINT64_CONSTANT (1736035200), berlin);
  g_autofree char *u = rapat_time_abbrev (RAKERNIS_UTC, utc);
  g_autofree char *d = rapat_time_abbrev (RAKERNIS_UTC, dubai);

  ck_assert_str_eq (summer, "CEST");
  ck_assert_str_eq (winter, "CET");
  ck_assert_str_eq (u, "UTC");
  /* A zone without a lettered abbreviation shows its offset. */
  ck_assert_str_eq (d, "+04");
}
END_TEST

START_TEST (test_format_iso)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) utc = zone ("UTC");
  g_autoptr(GTimeZone) newfoundland = zone ("-03:30");
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autofree char *a = rapat_time_format_iso (RAKERNIS_UTC, wit);
  g_autofree char *b = rapat_time_format_iso (RAKERNIS_UTC, utc);
  g_autofree char *c = rapat_time_format_iso (RAKERNIS_UTC, newfoundland);
  g_autofree char *d = rapat_time_format_iso (G_GINT64_CONSTANT (1736035200), berlin);

  ck_assert_str_eq (a, "2025-09-02T09:00:00+09:00");
  ck_assert_str_eq (b, "2025-09-02T00:00:00+00:00");
  ck_assert_str_eq (c, "2025-09-01T20:30:00-03:30");
  ck_assert_str_eq (d, "2025-01-05T01:00:00+01:00");
}
END_TEST

/* Record timestamps in JSON: UTC with a Z, whatever $TZ says. */
START_TEST (test_format_utc)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_setenv ("TZ", "Asia/Jayapura", TRUE);
  a = rapat_time_format_utc (RAKERNIS_UTC);
  b = rapat_time_format_utc (RAKERNIS_UTC + 9 * 3600 + 59);
  g_setenv ("TZ", "UTC", TRUE);
  ck_assert_str_eq (a, "2025-09-02T00:00:00Z");
  ck_assert_str_eq (b, "2025-09-02T09:00:59Z");
}
END_TEST

/* rapat_time_local() and rapat_time_fields() agree with GDateTime on
 * instants spread over four centuries, at DST changes and around them, in
 * zones with and without DST and with offsets that are not whole hours. */
START_TEST (test_time_fields_match_gdatetime)
{
  static const char *const zones[] = {
    "UTC", "Asia/Jakarta", "Asia/Jayapura", "Europe/Berlin", "America/New_York",
    "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "+05:45",
  };
  GRand *rand = g_rand_new_with_seed (20261128);
  guint checked = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      GError *error = NULL;
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (zones[z], NULL, &error);

      rapat_assert_no_error (error);
      for (guint i = 0; i < 4000; i++)
        {
          /* Mostly 1900-2100, with each fifth draw from the whole range. */
          gint64 t = i % 5 == 0
            ? (gint64) g_rand_double_range (rand, -62135596800.0 + 86400 * 2, 253402300799.0 - 86400 * 2)
            : (gint64) g_rand_double_range (rand, -2208988800.0, 4102444800.0);
          RapatLocalFields f;

          /* Each instant and the seconds next to a whole hour. */
          for (int d = 0; d < 2; d++, t = t - t % 3600 - 1)
            {
              g_autoptr(GDateTime) uu = g_date_time_new_from_unix_utc (t);
              g_autoptr(GDateTime) ll = g_date_time_to_timezone (uu, tz);

              ck_assert (rapat_time_fields (t, tz, &f));
              ck_assert_msg (f.year == g_date_time_get_year (ll) && f.month == g_date_time_get_month (ll)
                             && f.day == g_date_time_get_day_of_month (ll)
                             && f.hour == g_date_time_get_hour (ll)
                             && f.minute == g_date_time_get_minute (ll)
                             && f.second == g_date_time_get_second (ll),
                             "%s at %" G_GINT64_FORMAT ": %04d-%02d-%02d %02d:%02d:%02d", zones[z], t,
                             f.year, f.month, f.day, f.hour, f.minute, f.second);
              ck_assert_int_eq (rapat_time_local (t, tz) - t,
                                g_date_time_get_utc_offset (ll) / G_TIME_SPAN_SECOND);
              checked++;
            }
        }
    }
  ck_assert_uint_eq (checked, G_N_ELEMENTS (zones) * 8000);
  g_rand_free (rand);
}
END_TEST

/* Outside years 1 to 9999 there are no fields. */
START_TEST (test_time_fields_range)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  RapatLocalFields f;

  ck_assert (rapat_time_fields (G_GINT64_CONSTANT (-62135596800), utc, &f));
  ck_assert_int_eq (f.year, 1);
  ck_assert_int_eq (f.month, 1);
  ck_assert_int_eq (f.day, 1);
  ck_assert (rapat_time_fields (G_GINT64_CONSTANT (253402300799), utc, &f));
  ck_assert_int_eq (f.year, 9999);
  ck_assert_int_eq (f.month, 12);
  ck_assert_int_eq (f.day, 31);
  ck_assert_int_eq (f.second, 59);
  ck_assert (!rapat_time_fields (G_GINT64_CONSTANT (-62135596801), utc, &f));
  ck_assert (!rapat_time_fields (G_GINT64_CONSTANT (253402300800), utc, &f));
  ck_assert (rapat_time_fields (951782400, utc, &f));   /* 2000-02-29, a leap day */
  ck_assert_int_eq (f.month, 2);
  ck_assert_int_eq (f.day, 29);
}
END_TEST

START_TEST (test_format)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autofree char *s = rapat_time_format (RAKERNIS_UTC + 3 * 3600 + 25 * 60, wit,
                                          "%Y-%m-%d %H:%M");

  ck_assert_str_eq (s, "2025-09-02 12:25");
}
END_TEST

START_TEST (test_now_source_date_epoch)
{
  g_autofree char *saved = g_strdup (g_getenv ("SOURCE_DATE_EPOCH"));
  gint64 fixed, zero, junk, negative, unset, real;

  set_env ("SOURCE_DATE_EPOCH", "1756771200");
  fixed = rapat_time_now ();
  set_env ("SOURCE_DATE_EPOCH", "0");
  zero = rapat_time_now ();
  set_env ("SOURCE_DATE_EPOCH", "12abc");
  junk = rapat_time_now ();
  set_env ("SOURCE_DATE_EPOCH", "-5");
  negative = rapat_time_now ();
  set_env ("SOURCE_DATE_EPOCH", NULL);
  unset = rapat_time_now ();
  real = g_get_real_time () / G_USEC_PER_SEC;
  set_env ("SOURCE_DATE_EPOCH", saved);

  ck_assert_int_eq (fixed, RAKERNIS_UTC);
  ck_assert_int_eq (zero, 0);
  /* Values that are not a number are ignored: the clock is used. */
  ck_assert_int_le (real - junk, 5);
  ck_assert_int_ge (real - junk, 0);
  ck_assert_int_le (real - negative, 5);
  ck_assert_int_ge (real - negative, 0);
  ck_assert_int_le (real - unset, 5);
  ck_assert_int_ge (real - unset, 0);
}
END_TEST

/* ---- the repeated hour (issue 12, defect 7) ---- */

/* Returns the instant of @y-@mo-@d @h:@mi UTC. */
static gint64
utc_at (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, 0);

  ck_assert_ptr_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* A wall time that occurs twice, in zones whose clocks go back by an hour
 * (Berlin, New York) and by half an hour (Lord Howe): the first, earlier
 * instant, as RFC 5545 reads TZID times; reported with the later one and a
 * warning that names both offsets and how to write the second. */
START_TEST (test_repeat_takes_first)
{
  static const struct {
    const char *zone, *text;
    int first[5], later[5];
    const char *words[3];
  } cases[] = {
    /* 2026-10-25: 03:00 CEST -> 02:00 CET. */
    { "Europe/Berlin", "2026-10-25 02:30", { 2026, 10, 25, 0, 30 }, { 2026, 10, 25, 1, 30 },
      { "CEST (UTC+02:00)", "CET (UTC+01:00)", "'2026-10-25 02:30+01:00'" } },
    { "Europe/Berlin", "2026-10-25 02:00", { 2026, 10, 25, 0, 0 }, { 2026, 10, 25, 1, 0 },
      { "zone Europe/Berlin", "first", "'2026-10-25 02:00+01:00'" } },
    /* 2026-11-01: 02:00 EDT -> 01:00 EST. */
    { "America/New_York", "2026-11-01 01:30", { 2026, 11, 1, 5, 30 }, { 2026, 11, 1, 6, 30 },
      { "EDT (UTC-04:00)", "EST (UTC-05:00)", "'2026-11-01 01:30-05:00'" } },
    /* 2026-04-05: 02:00 +11 -> 01:30 +1030. */
    { "Australia/Lord_Howe", "2026-04-05T01:45", { 2026, 4, 4, 14, 45 }, { 2026, 4, 4, 15, 15 },
      { "(UTC+11:00)", "(UTC+10:30)", "'2026-04-05T01:45+10:30'" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      g_autoptr(GTimeZone) tz = zone (cases[i].zone);
      g_auto(RapatTimeParsed) parsed = { 0 };
      gint64 first = utc_at (cases[i].first[0], cases[i].first[1], cases[i].first[2],
                             cases[i].first[3], cases[i].first[4]);
      gint64 later = utc_at (cases[i].later[0], cases[i].later[1], cases[i].later[2],
                             cases[i].later[3], cases[i].later[4]);
      gint64 t = 0;

      /* Without the report too: the instant does not depend on asking. */
      ck_assert (rapat_time_parse_datetime ("start", cases[i].text, tz, &t, NULL, &error));
      rapat_assert_no_error (error);
      ck_assert_msg (t == first, "%s in %s: got %" G_GINT64_FORMAT ", the first is %" G_GINT64_FORMAT,
                     cases[i].text, cases[i].zone, t, first);

      ck_assert (rapat_time_parse_datetime ("start", cases[i].text, tz, &t, &parsed, &error));
      rapat_assert_no_error (error);
      ck_assert_int_eq (t, first);
      ck_assert (parsed.repeated);
      ck_assert (!parsed.had_offset);
      ck_assert_int_eq (parsed.later, later);
      ck_assert_ptr_nonnull (parsed.warning);
      ck_assert_msg (g_str_has_prefix (parsed.warning, "start '"), "%s", parsed.warning);
      ck_assert_msg (strchr (parsed.warning, '\n') == NULL, "not one line: %s", parsed.warning);
      for (guint w = 0; w < G_N_ELEMENTS (cases[i].words); w++)
        ck_assert_msg (strstr (parsed.warning, cases[i].words[w]) != NULL,
                       "no '%s' in: %s", cases[i].words[w], parsed.warning);
    }
}
END_TEST

/* The offset the warning suggests selects exactly the second instant, and
 * the other offset the first; neither is reported as ambiguous. */
START_TEST (test_repeat_offset_selects)
{
  static const struct {
    const char *zone, *text;
    int utc[5];
  } cases[] = {
    { "Europe/Berlin", "2026-10-25 02:30+01:00", { 2026, 10, 25, 1, 30 } },
    { "Europe/Berlin", "2026-10-25 02:30+02:00", { 2026, 10, 25, 0, 30 } },
    { "America/New_York", "2026-11-01 01:30-05:00", { 2026, 11, 1, 6, 30 } },
    { "Australia/Lord_Howe", "2026-04-05 01:45+10:30", { 2026, 4, 4, 15, 15 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      g_autoptr(GTimeZone) tz = zone (cases[i].zone);
      g_auto(RapatTimeParsed) parsed = { 0 };
      gint64 t = 0;

      ck_assert (rapat_time_parse_datetime ("start", cases[i].text, tz, &t, &parsed, &error));
      rapat_assert_no_error (error);
      ck_assert_int_eq (t, utc_at (cases[i].utc[0], cases[i].utc[1], cases[i].utc[2],
                                   cases[i].utc[3], cases[i].utc[4]));
      ck_assert (parsed.had_offset);
      ck_assert (!parsed.repeated);
      ck_assert_ptr_null (parsed.warning);
    }
}
END_TEST

/* Zones without a change that night, and times away from it, are not
 * ambiguous: nothing reported.  A RapatTimeParsed can be reused. */
START_TEST (test_repeat_not_ambiguous)
{
  static const struct {
    const char *zone, *text;
  } cases[] = {
    { "Asia/Jayapura", "2026-10-25 02:30" },
    { "+01:00", "2026-10-25 02:30" },
    { "UTC", "2026-10-25 02:30" },
    { "Europe/Berlin", "2026-10-25 01:59" },
    { "Europe/Berlin", "2026-10-25 03:00" },
    { "Europe/Berlin", "2026-10-24 02:30" },
    { "America/New_York", "2026-11-01 02:00" },
    { "Australia/Lord_Howe", "2026-04-05 02:00" },
    { "Australia/Lord_Howe", "2026-04-05 01:29" },
  };
  g_auto(RapatTimeParsed) parsed = { 0 };
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  GError *error = NULL;
  gint64 t;

  ck_assert (rapat_time_parse_datetime ("start", "2026-10-25 02:30", berlin, &t, &parsed, &error));
  ck_assert (parsed.repeated);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = zone (cases[i].zone);

      ck_assert (rapat_time_parse_datetime ("start", cases[i].text, tz, &t, &parsed, &error));
      rapat_assert_no_error (error);
      ck_assert_msg (!parsed.repeated && parsed.warning == NULL && parsed.later == t,
                     "%s in %s reported as repeated", cases[i].text, cases[i].zone);
    }
}
END_TEST

/* rapat_time_from_wall() says how a wall time maps, in each case. */
START_TEST (test_from_wall_kinds)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) lord_howe = zone ("Australia/Lord_Howe");
  g_autoptr(GTimeZone) jayapura = zone ("Asia/Jayapura");
  RapatLocalFields repeated = { 2026, 10, 25, 2, 30, 0 };
  RapatLocalFields skipped = { 2026, 3, 29, 2, 30, 0 };
  RapatLocalFields skipped_lh = { 2026, 10, 4, 2, 15, 0 };
  RapatLocalFields plain = { 2026, 10, 25, 9, 0, 0 };
  RapatLocalFields bad = { 2026, 2, 29, 9, 0, 0 };
  RapatWallKind kind;
  gint64 first = 42, later = 42;

  ck_assert (rapat_time_from_wall (berlin, &repeated, &kind, &first, &later));
  ck_assert_int_eq (kind, RAPAT_WALL_REPEATED);
  ck_assert_int_eq (first, utc_at (2026, 10, 25, 0, 30));
  ck_assert_int_eq (later, utc_at (2026, 10, 25, 1, 30));
  /* Skipped: read with the offset before the change (RFC 5545), +01:00. */
  ck_assert (rapat_time_from_wall (berlin, &skipped, &kind, &first, &later));
  ck_assert_int_eq (kind, RAPAT_WALL_SKIPPED);
  ck_assert_int_eq (first, utc_at (2026, 3, 29, 1, 30));
  ck_assert_int_eq (later, first);
  /* Lord Howe skips 02:00-02:30 on 2026-10-04; before it, +10:30. */
  ck_assert (rapat_time_from_wall (lord_howe, &skipped_lh, &kind, &first, NULL));
  ck_assert_int_eq (kind, RAPAT_WALL_SKIPPED);
  ck_assert_int_eq (first, utc_at (2026, 10, 3, 15, 45));
  ck_assert (rapat_time_from_wall (jayapura, &plain, &kind, &first, &later));
  ck_assert_int_eq (kind, RAPAT_WALL_UNIQUE);
  ck_assert_int_eq (first, utc_at (2026, 10, 25, 0, 0));
  ck_assert_int_eq (later, first);
  first = later = 42;
  ck_assert (!rapat_time_from_wall (jayapura, &bad, &kind, &first, &later));
  ck_assert_int_eq (first, 42);
  ck_assert_int_eq (later, 42);
}
END_TEST

/* The exporter's test: TRUE only for the second pass of a repeated hour,
 * whose wall time with TZID would name the first. */
START_TEST (test_later_of_repeat)
{
  static const struct {
    const char *zone;
    int utc[5];
    gboolean later;
  } cases[] = {
    { "Europe/Berlin", { 2026, 10, 25, 0, 30 }, FALSE },   /* 02:30 CEST */
    { "Europe/Berlin", { 2026, 10, 25, 1, 30 }, TRUE },    /* 02:30 CET */
    { "Europe/Berlin", { 2026, 10, 25, 0, 59 }, FALSE },   /* 02:59 CEST */
    { "Europe/Berlin", { 2026, 10, 25, 1, 0 }, TRUE },     /* 02:00 CET */
    { "Europe/Berlin", { 2026, 10, 25, 1, 59 }, TRUE },    /* 02:59 CET */
    { "Europe/Berlin", { 2026, 10, 25, 2, 0 }, FALSE },    /* 03:00 CET */
    { "Europe/Berlin", { 2026, 3, 29, 1, 0 }, FALSE },     /* 03:00 CEST, after the gap */
    { "America/New_York", { 2026, 11, 1, 5, 30 }, FALSE }, /* 01:30 EDT */
    { "America/New_York", { 2026, 11, 1, 6, 30 }, TRUE },  /* 01:30 EST */
    { "Australia/Lord_Howe", { 2026, 4, 4, 14, 45 }, FALSE },
    { "Australia/Lord_Howe", { 2026, 4, 4, 15, 15 }, TRUE },
    { "Australia/Lord_Howe", { 2026, 4, 4, 15, 30 }, FALSE }, /* 02:00 +1030 */
    { "Asia/Jayapura", { 2026, 10, 25, 1, 30 }, FALSE },
    { "+01:00", { 2026, 10, 25, 1, 30 }, FALSE },
    { "UTC", { 2026, 10, 25, 1, 30 }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = zone (cases[i].zone);
      gint64 t = utc_at (cases[i].utc[0], cases[i].utc[1], cases[i].utc[2], cases[i].utc[3],
                         cases[i].utc[4]);

      ck_assert_msg (rapat_time_is_later_of_repeat (t, tz) == cases[i].later,
                     "case %u (%s): expected %d", i, cases[i].zone, cases[i].later);
    }
  {
    g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
    ck_assert (!rapat_time_is_later_of_repeat (G_MAXINT64, berlin));
    ck_assert (!rapat_time_is_later_of_repeat (G_MININT64, berlin));
  }
}
END_TEST

/* Returns the starts of @rule from @start in @zone, in UTC,
 * "YYYY-MM-DDTHH:MMZ" separated by spaces. */
static char *
expand_utc (const char *rule, const char *zone_name, gint64 start)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = zone (zone_name);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GArray) starts = rapat_recur_expand (rule, start, tz, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  rapat_assert_no_error (error);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *s = rapat_time_format (g_array_index (starts, gint64, i), utc,
                                              "%Y-%m-%dT%H:%MZ");
      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", s);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A series through the repeated hour places the occurrence there at the
 * first instant, as a single meeting at that wall time is placed; a series
 * that starts at the second instant (given with its offset) keeps it. */
START_TEST (test_repeat_series)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  gint64 single, second, ny;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  ck_assert (rapat_time_parse_datetime ("start", "2026-10-25 02:30", berlin, &single, NULL, &error));
  a = expand_utc ("FREQ=WEEKLY;COUNT=3", "Europe/Berlin", utc_at (2026, 10, 18, 0, 30));
  ck_assert_str_eq (a, "2026-10-18T00:30Z 2026-10-25T00:30Z 2026-11-01T01:30Z");
  ck_assert_int_eq (single, utc_at (2026, 10, 25, 0, 30));

  ck_assert (rapat_time_parse_datetime ("start", "2026-10-25 02:30+01:00", berlin, &second, NULL,
                                        &error));
  b = expand_utc ("FREQ=DAILY;COUNT=2", "Europe/Berlin", second);
  ck_assert_str_eq (b, "2026-10-25T01:30Z 2026-10-26T01:30Z");

  ck_assert (rapat_time_parse_datetime ("start", "2026-10-25 01:30", new_york, &ny, NULL, &error));
  c = expand_utc ("FREQ=WEEKLY;COUNT=2", "America/New_York", ny);
  ck_assert_str_eq (c, "2026-10-25T05:30Z 2026-11-01T05:30Z");
}
END_TEST

/* ---- the years rapat keeps (issue 12, defect 12) ---- */

/* RAPAT_TIME_MIN and RAPAT_TIME_MAX are what their comment says, and
 * rapat_time_in_range() takes exactly them. */
START_TEST (test_range_constants)
{
  g_autoptr(GDateTime) min = g_date_time_new_utc (1900, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) max = g_date_time_new_utc (9998, 12, 31, 23, 59, 59);

  ck_assert_int_eq (RAPAT_TIME_MIN, g_date_time_to_unix (min) - 26 * 3600);
  ck_assert_int_eq (RAPAT_TIME_MAX, g_date_time_to_unix (max) + 26 * 3600);
  ck_assert (rapat_time_in_range (RAPAT_TIME_MIN));
  ck_assert (rapat_time_in_range (RAPAT_TIME_MAX));
  ck_assert (rapat_time_in_range (0));
  ck_assert (!rapat_time_in_range (RAPAT_TIME_MIN - 1));
  ck_assert (!rapat_time_in_range (RAPAT_TIME_MAX + 1));
  ck_assert (!rapat_time_in_range (G_MININT64));
  ck_assert (!rapat_time_in_range (G_MAXINT64));
}
END_TEST

/* Each end of the range, in the zones furthest east and west: the first
 * minute of 1900 and the last of 9998 are kept, a minute outside is not. */
START_TEST (test_range_limits)
{
  static const char *const zones[] = {
    "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Asia/Jayapura", "America/New_York",
    "Australia/Lord_Howe", "+14:00", "-12:00",
  };
  static const char *const kept[] = {
    "1900-01-01 00:00", "9998-12-31 23:59", "1900-01-01 00:00+14:00", "1900-01-01 00:00-12:00",
    "9998-12-31 23:59+14:00", "9998-12-31 23:59-12:00",
  };
  static const char *const refused[] = {
    "1899-12-31 23:59", "9999-01-01 00:00", "9999-12-31 20:00", "1899-12-31 23:59+14:00",
    "9999-01-01 00:00-12:00", "0001-01-01 00:00", "9999-12-31 23:59",
  };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = zone (zones[z]);

      for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
        {
          GError *error = NULL;
          gint64 t = 0;

          ck_assert_msg (rapat_time_parse_datetime ("start", kept[i], tz, &t, NULL, &error),
                         "%s in %s: %s", kept[i], zones[z], error != NULL ? error->message : "");
          ck_assert_msg (rapat_time_in_range (t), "%s in %s", kept[i], zones[z]);
          if (strlen (kept[i]) == 16)
            {
              /* Shown back as typed, in its zone. */
              g_autofree char *back = rapat_time_format (t, tz, "%Y-%m-%d %H:%M");
              ck_assert_str_eq (back, kept[i]);
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
        {
          GError *error = NULL;
          gint64 t = 42;
          g_autofree char *start = g_strdup_printf ("start '%s': ", refused[i]);

          ck_assert_msg (!rapat_time_parse_datetime ("start", refused[i], tz, &t, NULL, &error),
                         "%s accepted in %s", refused[i], zones[z]);
          ck_assert_int_eq (t, 42);
          ck_assert_msg (g_str_has_prefix (error->message, start), "%s", error->message);
          rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                                       "rapat keeps dates from 1900 to 9998");
        }
    }
}
END_TEST

/* Days, as --from/--to, --until, --as-of and due days read them. */
START_TEST (test_range_days)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) kiritimati = zone ("Pacific/Kiritimati");
  g_autoptr(GTimeZone) pago = zone ("Pacific/Pago_Pago");
  int y, m, d;
  gint64 t = 42;

  ck_assert (rapat_time_parse_date ("due", "1900-01-01", &y, &m, &d, &error));
  ck_assert (rapat_time_parse_date ("due", "9998-12-31", &y, &m, &d, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_time_parse_date ("due", "9999-01-01", &y, &m, &d, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "due '9999-01-01': rapat keeps dates from 1900 to 9998");
  ck_assert (!rapat_time_parse_date ("due", "1899-12-31", &y, &m, &d, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "rapat keeps dates from 1900 to 9998");

  /* The end of the last day is the first instant after it. */
  ck_assert (rapat_time_parse_day ("to", "9998-12-31", kiritimati, 1, &t, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_time_in_range (t));
  ck_assert (rapat_time_parse_day ("from", "1900-01-01", pago, 0, &t, &error));
  ck_assert (rapat_time_in_range (t));
  t = 42;
  ck_assert (!rapat_time_parse_day ("until", "9999-06-01", pago, 1, &t, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "until '9999-06-01'");
  ck_assert_int_eq (t, 42);
}
END_TEST

/* rapat_time_check_range() reads the instant in the meeting's zone: an
 * end computed from a length, or a start given with another offset. */
START_TEST (test_range_check)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) utc = zone ("UTC");
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(GTimeZone) kiritimati = zone ("Pacific/Kiritimati");
  gint64 last = utc_at (9998, 12, 31, 23, 0);

  ck_assert (rapat_time_check_range ("end", NULL, last + 59 * 60, utc, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_time_check_range ("end", NULL, last + 2 * 3600, utc, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "end '9999-01-01 01:00': rapat keeps dates from 1900 to 9998");
  /* 9998-12-31 23:00 UTC is 9999-01-01 13:00 in Kiritimati (+14). */
  ck_assert (rapat_time_check_range ("start", "x", last, new_york, &error));
  ck_assert (!rapat_time_check_range ("start", "9998-12-31 23:00Z", last, kiritimati, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "start '9998-12-31 23:00Z'");
  ck_assert (!rapat_time_check_range ("start", "x", utc_at (1899, 12, 31, 23, 0), utc, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_time_check_range ("start", "x", G_MAXINT64, utc, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_time_check_range ("start", NULL, G_MININT64, new_york, &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
}
END_TEST

/* Instants far outside any range give no fields and a safe text, without
 * overflowing (the sanitizer build checks that). */
START_TEST (test_range_extremes_safe)
{
  static const gint64 extremes[] = {
    G_MININT64, G_MININT64 + 1, G_MAXINT64, G_MAXINT64 - 1, G_MAXINT64 - 3600,
    G_GINT64_CONSTANT (253402300800), G_GINT64_CONSTANT (-62135596801),
  };
  static const char *const zones[] = { "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "-03:30" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = zone (zones[z]);

      for (guint i = 0; i < G_N_ELEMENTS (extremes); i++)
        {
          RapatLocalFields f = { -1, -1, -1, -1, -1, -1 };
          g_autofree char *text = rapat_time_format (extremes[i], tz, "%Y-%m-%d %H:%M");

          (void) rapat_time_local (extremes[i], tz);
          ck_assert_msg (!rapat_time_fields (extremes[i], tz, &f) || f.year == 9999 || f.year == 1,
                         "%" G_GINT64_FORMAT " in %s gave year %d", extremes[i], zones[z], f.year);
          ck_assert_msg (!rapat_time_in_range (extremes[i]), "%" G_GINT64_FORMAT, extremes[i]);
          ck_assert_ptr_nonnull (text);
          ck_assert_msg (strcmp (text, "?") == 0 || strlen (text) == 16, "%s", text);
        }
    }
  /* Every instant in range reads, in any zone, with a four-digit year. */
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = zone (zones[z]);
      RapatLocalFields lo, hi;

      ck_assert (rapat_time_fields (RAPAT_TIME_MIN, tz, &lo));
      ck_assert (rapat_time_fields (RAPAT_TIME_MAX, tz, &hi));
      ck_assert_int_ge (lo.year, 1899);
      ck_assert_int_le (hi.year, 9999);
    }
}
END_TEST

/* A series refuses, rather than drops or cuts short, what it cannot keep:
 * a start outside the range, an UNTIL past 9998, and a rule that libical
 * would end in 2582 whatever its COUNT says. */
START_TEST (test_range_series)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(GTimeZone) utc = zone ("UTC");
  g_autoptr(GArray) got = NULL;
  g_autofree char *r = NULL;

  /* 10000-01-01 01:00 UTC, past GDateTime: the start of defect 12 in New York. */
  got = rapat_recur_expand ("FREQ=DAILY;COUNT=2", G_GINT64_CONSTANT (253402304400), new_york,
                            &error);
  ck_assert_ptr_null (got);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "rapat keeps dates from 1900 to 9998");

  r = rapat_recur_rule ("weekly", "9999-06-01", 0, utc, &error);
  ck_assert_ptr_null (r);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "until '9999-06-01'");
  r = rapat_recur_rule ("FREQ=WEEKLY;UNTIL=99990601T000000Z", NULL, 0, utc, &error);
  ck_assert_ptr_null (r);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "9999-06-01");
  r = rapat_recur_rule ("FREQ=WEEKLY;UNTIL=99990601", NULL, 0, utc, &error);
  ck_assert_ptr_null (r);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "rapat keeps dates from 1900 to 9998");

  /* libical stops at the end of 2582: six weeks from 1 December cannot
   * all be there. */
  got = rapat_recur_expand ("FREQ=WEEKLY;COUNT=6", utc_at (2582, 12, 1, 9, 0), utc, &error);
  ck_assert_ptr_null (got);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "2582");
  got = rapat_recur_expand ("FREQ=WEEKLY;UNTIL=25830120T000000Z", utc_at (2582, 12, 1, 9, 0), utc,
                            &error);
  ck_assert_ptr_null (got);
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "2582");
  got = rapat_recur_expand ("FREQ=DAILY;COUNT=2", utc_at (3000, 1, 1, 9, 0), utc, &error);
  ck_assert_ptr_null (got);
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  /* Within the year, all there. */
  got = rapat_recur_expand ("FREQ=WEEKLY;COUNT=4", utc_at (2582, 12, 1, 9, 0), utc, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (got->len, 4);
  g_clear_pointer (&got, g_array_unref);
  /* An occurrence whose end would fall after 9998 cannot be reached while
   * libical stops in 2582; the length is checked all the same. */
  got = rapat_recur_expand_span ("FREQ=DAILY;COUNT=2", utc_at (2025, 9, 1, 9, 0), 3600, utc, &error);
  rapat_assert_no_error (error);
  ck_assert_uint_eq (got->len, 2);
}
END_TEST

/* ---- known bugs in src/ (each test describes the expected behaviour) ---- */

/* Counts the critical warnings logged while a test runs. */
static guint n_criticals;

/* GLogFunc that counts criticals instead of printing them. */
static void
count_critical (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  n_criticals++;
}

/* Regression test (fixed): src/timeutil.c:96 — a zone name that is a regular file under
 * /usr/share/zoneinfo but not in TZif format ("leapseconds") is handed to
 * g_time_zone_new_identifier(), which logs "GLib-CRITICAL:
 * init_zone_from_iana_info: assertion ... failed" (fatal under
 * G_DEBUG=fatal-criticals) before returning NULL.  Expected: the name is
 * refused with RAPAT_ERROR_INVALID and nothing is logged (for instance by
 * checking the file's "TZif" magic first). */
START_TEST (test_bug_zone_non_tzif_file_logs_critical)
{
  GError *error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  guint handler = g_log_set_handler ("GLib", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL,
                                     count_critical, NULL);

  n_criticals = 0;
  tz = rapat_time_zone_load ("leapseconds", NULL, &error);
  g_log_remove_handler ("GLib", handler);

  ck_assert_ptr_null (tz);
  rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
  ck_assert_msg (n_criticals == 0, "loading a non-TZif zone file logged %u critical(s)",
                 n_criticals);
}
END_TEST

/* A fixed-offset zone is shown by its own name, "+09:00", not by GLib's
 * internal "+09:00:00". */
START_TEST (test_bug_abbrev_fixed_offset)
{
  g_autoptr(GTimeZone) plus9 = zone ("+09:00");
  g_autoptr(GTimeZone) minus330 = zone ("-03:30");
  g_autofree char *a = rapat_time_abbrev (RAKERNIS_UTC, plus9);
  g_autofree char *b = rapat_time_abbrev (RAKERNIS_UTC, minus330);

  ck_assert_str_eq (a, "+09:00");
  ck_assert_str_eq (b, "-03:30");
}
END_TEST

/* ==== times for people (when.c) ==== */

/* A meeting on one day: one date, the two clocks, one abbreviation. */
START_TEST (test_when_same_day)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autofree char *r = rapat_when_range (RAKERNIS_UTC, RAKERNIS_UTC + 3 * 3600, wit,
                                         RAPAT_WHEN_LOCALE);
  g_autofree char *span = rapat_when_span (RAKERNIS_UTC, RAKERNIS_UTC + 3 * 3600,
                                           "Asia/Jayapura");
  g_autofree char *date = NULL, *time = NULL;

  ck_assert_str_eq (r, "Tue 2 Sep 2025, 09:00–12:00 WIT");
  ck_assert_str_eq (span, "2025-09-02 09:00–12:00 WIT");
  rapat_when_range_rows (RAKERNIS_UTC, RAKERNIS_UTC + 3 * 3600, wit, RAPAT_WHEN_INDONESIAN,
                         &date, &time);
  ck_assert_str_eq (date, "Selasa, 2 September 2025");
  ck_assert_str_eq (time, "09.00–12.00 WIT");
}
END_TEST

/* 19:00 to 12:00 the next day: both dates in every form, never a bare
 * "19:00–12:00" that reads as ending before it starts. */
START_TEST (test_when_overnight)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  gint64 start = RAKERNIS_UTC + 10 * 3600, end = RAKERNIS_UTC + 27 * 3600;
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autofree char *r = NULL, *en = NULL, *span = NULL, *clocks = NULL, *day = NULL;
  g_autofree char *date = NULL, *time = NULL;

  m->start_utc = start;
  m->end_utc = end;
  m->tzid = g_strdup ("Asia/Jayapura");
  r = rapat_when_meeting (m, wit);
  ck_assert_str_eq (r, "Tue 2 Sep 2025 19:00 – Wed 3 Sep 2025 12:00 WIT");
  en = rapat_when_range (start, end, wit, RAPAT_WHEN_ENGLISH);
  ck_assert_str_eq (en, "Tuesday 2 September 2025 19:00 – Wednesday 3 September 2025 12:00 WIT");
  span = rapat_when_span (start, end, "Asia/Jayapura");
  ck_assert_str_eq (span, "2025-09-02 19:00 WIT – 2025-09-03 12:00 WIT");
  clocks = rapat_when_clock_span (start, end, wit, &day);
  ck_assert_str_eq (clocks, "19:00–12:00+1 WIT");
  ck_assert_str_eq (day, "2025-09-02");
  rapat_when_range_rows (start, end, wit, RAPAT_WHEN_INDONESIAN, &date, &time);
  ck_assert_str_eq (date, "Selasa, 2 September 2025 – Rabu, 3 September 2025");
  ck_assert_str_eq (time, "19.00 – 12.00 WIT");
}
END_TEST

/* Across the night clocks go back in Berlin (26 Oct 2025, 03:00 CEST
 * becomes 02:00 CET): each end names its own abbreviation. */
START_TEST (test_when_abbrev_changes)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  gint64 start, end, evening;
  g_autofree char *r = NULL, *span = NULL, *night = NULL, *date = NULL, *time = NULL;

  ck_assert (rapat_time_parse_datetime ("start", "2025-10-26 01:30", berlin, &start, NULL, NULL));
  ck_assert (rapat_time_parse_datetime ("end", "2025-10-26 03:30", berlin, &end, NULL, NULL));
  ck_assert (rapat_time_parse_datetime ("start", "2025-10-25 19:00", berlin, &evening, NULL,
                                        NULL));
  r = rapat_when_range (start, end, berlin, RAPAT_WHEN_LOCALE);
  ck_assert_str_eq (r, "Sun 26 Oct 2025, 01:30 CEST – 03:30 CET");
  span = rapat_when_span (start, end, "Europe/Berlin");
  ck_assert_str_eq (span, "2025-10-26 01:30 CEST – 03:30 CET");
  night = rapat_when_range (evening, end, berlin, RAPAT_WHEN_LOCALE);
  ck_assert_str_eq (night, "Sat 25 Oct 2025 19:00 CEST – Sun 26 Oct 2025 03:30 CET");
  rapat_when_range_rows (start, end, berlin, RAPAT_WHEN_ENGLISH, &date, &time);
  ck_assert_str_eq (date, "Sunday 26 October 2025");
  ck_assert_str_eq (time, "01:30 CEST – 03:30 CET");
}
END_TEST

/* Instants, days and a zone that no longer loads. */
START_TEST (test_when_instants_and_zones)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) gone = rapat_when_zone ("Mars/Olympus_Mons");
  g_autoptr(GTimeZone) none = rapat_when_zone (NULL);
  g_autofree char *at = rapat_when_instant (RAKERNIS_UTC, wit);
  g_autofree char *zoned = rapat_when_instant_zoned (RAKERNIS_UTC, wit);
  g_autofree char *day = rapat_when_day (RAKERNIS_UTC - 9 * 3600 - 1, wit);
  g_autofree char *clock = rapat_when_clock (RAKERNIS_UTC, wit);
  g_autofree char *utc = rapat_when_instant_zoned (RAKERNIS_UTC, gone);
  g_autofree char *utc2 = rapat_when_clock (RAKERNIS_UTC, none);

  ck_assert_str_eq (at, "2025-09-02 09:00");
  ck_assert_str_eq (zoned, "2025-09-02 09:00 WIT");
  ck_assert_str_eq (day, "2025-09-01");
  ck_assert_str_eq (clock, "09:00");
  ck_assert_str_eq (utc, "2025-09-02 00:00 UTC");
  ck_assert_str_eq (utc2, "00:00");
}
END_TEST

/* An agenda item's clocks agree with the slower formatter, across midnight too. */
START_TEST (test_when_clocks)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autoptr(GTimeZone) ny = zone ("America/New_York");
  g_autofree char *a = rapat_when_clocks (RAKERNIS_UTC, RAKERNIS_UTC + 15 * 60, wit);
  g_autofree char *b = rapat_when_clocks (RAKERNIS_UTC + 14 * 3600 + 45 * 60,
                                          RAKERNIS_UTC + 15 * 3600 + 15 * 60, wit);
  g_autofree char *c = rapat_when_clocks (RAKERNIS_UTC, RAKERNIS_UTC + 3600, ny);

  ck_assert_str_eq (a, "09:00–09:15 WIT");
  ck_assert_str_eq (b, "23:45–00:15 WIT");
  ck_assert_str_eq (c, "20:00–21:00 EDT");
}
END_TEST

/* A paper's dates and programme times: the letter's day without the day of
 * the week, in English or Indonesian; clocks with a full stop in Indonesian
 * and "+1" past midnight; a due day that does not parse comes back as it is. */
START_TEST (test_when_papers)
{
  g_autoptr(GTimeZone) wit = zone ("Asia/Jayapura");
  g_autofree char *id = rapat_when_letter_date (RAKERNIS_UTC, wit, RAPAT_WHEN_INDONESIAN);
  g_autofree char *en = rapat_when_letter_date (RAKERNIS_UTC, wit, RAPAT_WHEN_ENGLISH);
  /* 23:30 UTC on 1 Sep is 08:30 on 2 Sep in WIT: the zone's day. */
  g_autofree char *late = rapat_when_letter_date (RAKERNIS_UTC - 30 * 60, wit, RAPAT_WHEN_ENGLISH);
  g_autofree char *due = rapat_when_letter_day ("2025-10-31", RAPAT_WHEN_INDONESIAN);
  g_autofree char *bad = rapat_when_letter_day ("2025-02-30", RAPAT_WHEN_ENGLISH);
  g_autofree char *c1 = rapat_when_clocks_lang (RAKERNIS_UTC, RAKERNIS_UTC + 15 * 60, wit,
                                                RAPAT_WHEN_INDONESIAN);
  g_autofree char *c2 = rapat_when_clocks_lang (RAKERNIS_UTC + 14 * 3600 + 45 * 60,
                                                RAKERNIS_UTC + 15 * 3600 + 15 * 60, wit,
                                                RAPAT_WHEN_ENGLISH);

  ck_assert_str_eq (id, "2 September 2025");
  ck_assert_str_eq (en, "2 September 2025");
  ck_assert_str_eq (late, "2 September 2025");
  ck_assert_str_eq (due, "31 Oktober 2025");
  ck_assert_str_eq (bad, "2025-02-30");
  ck_assert_str_eq (c1, "09.00–09.15");
  ck_assert_str_eq (c2, "23:45–00:15+1");
}
END_TEST

/* ==== a meeting's rules (meeting.c) ==== */

/* Applies @times to @m (a new meeting when @is_new), failing the test on an error. */
static void
apply_ok (RapatMeeting *m, const RapatMeetingTimes *times, gboolean is_new, GPtrArray *warnings)
{
  GError *error = NULL;

  ck_assert_msg (rapat_meeting_apply_times (m, times, is_new, warnings, &error), "%s",
                 error != NULL ? error->message : "");
}

/* Returns @m's start and end in its own zone, "2025-09-02 09:00..12:00 Asia/Jayapura". */
static char *
times_of (const RapatMeeting *m)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *s = rapat_when_instant (m->start_utc, tz);
  g_autofree char *e = rapat_when_instant (m->end_utc, tz);

  return g_strdup_printf ("%s..%s %s", s, e, m->tzid);
}

/* A new meeting: the default zone, an end on the start's day, a length. */
START_TEST (test_meeting_times_new)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(RapatMeeting) n = rapat_meeting_new ();
  g_autoptr(RapatMeeting) o = rapat_meeting_new ();
  RapatMeetingTimes t1 = { "2025-09-02 09:00", "12:00", NULL, NULL, "Asia/Jayapura" };
  RapatMeetingTimes t2 = { "2025-09-02 19:00", NULL, "17h", "Asia/Jakarta", "Asia/Jayapura" };
  RapatMeetingTimes t3 = { "2025-09-02 09:00+08:00", NULL, "90m", NULL, "Asia/Jayapura" };
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  apply_ok (m, &t1, TRUE, NULL);
  a = times_of (m);
  ck_assert_str_eq (a, "2025-09-02 09:00..2025-09-02 12:00 Asia/Jayapura");
  ck_assert_int_eq (m->start_utc, RAKERNIS_UTC);
  /* The given zone wins over the default. */
  apply_ok (n, &t2, TRUE, NULL);
  b = times_of (n);
  ck_assert_str_eq (b, "2025-09-02 19:00..2025-09-03 12:00 Asia/Jakarta");
  /* An offset without a zone: the meeting lives in that offset. */
  apply_ok (o, &t3, TRUE, NULL);
  c = times_of (o);
  ck_assert_str_eq (c, "2025-09-02 09:00..2025-09-02 10:30 +08:00");
}
END_TEST

/* Editing: a new start keeps the length, a new zone alone keeps the wall
 * clock, nothing given changes nothing. */
START_TEST (test_meeting_times_edit)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  RapatMeetingTimes create = { "2025-09-02 09:00", "12:00", NULL, NULL, "Asia/Jayapura" };
  RapatMeetingTimes move = { "2025-09-03 13:00", NULL, NULL, NULL, NULL };
  RapatMeetingTimes zone_only = { NULL, NULL, NULL, "Asia/Makassar", NULL };
  RapatMeetingTimes nothing = { NULL, NULL, NULL, NULL, NULL };
  RapatMeetingTimes end_only = { NULL, "2025-09-04 10:00", NULL, NULL, NULL };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  apply_ok (m, &create, TRUE, NULL);
  apply_ok (m, &move, FALSE, NULL);
  a = times_of (m);
  ck_assert_str_eq (a, "2025-09-03 13:00..2025-09-03 16:00 Asia/Jayapura");
  apply_ok (m, &zone_only, FALSE, NULL);
  b = times_of (m);
  ck_assert_str_eq (b, "2025-09-03 13:00..2025-09-03 16:00 Asia/Makassar");
  apply_ok (m, &nothing, FALSE, NULL);
  c = times_of (m);
  ck_assert_str_eq (c, b);
  apply_ok (m, &end_only, FALSE, NULL);
  d = times_of (m);
  ck_assert_str_eq (d, "2025-09-03 13:00..2025-09-04 10:00 Asia/Makassar");
}
END_TEST

/* Refusals leave the meeting as it was; a repeated hour is a warning. */
START_TEST (test_meeting_times_refused)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RapatMeetingTimes create = { "2025-09-02 09:00", "12:00", NULL, NULL, "Asia/Jayapura" };
  RapatMeetingTimes before = { NULL, "08:00", NULL, NULL, NULL };
  RapatMeetingTimes same = { NULL, "2025-09-02 09:00", NULL, NULL, NULL };
  RapatMeetingTimes too_long = { NULL, "2025-10-03 09:01", NULL, NULL, NULL };
  RapatMeetingTimes bad_zone = { NULL, NULL, NULL, "Mars/Olympus_Mons", NULL };
  RapatMeetingTimes repeated = { "2025-10-26 02:30", NULL, "1h", "Europe/Berlin", NULL };
  g_autofree char *was = NULL, *now = NULL;
  GError *error = NULL;

  apply_ok (m, &create, TRUE, NULL);
  was = times_of (m);
  ck_assert (!rapat_meeting_apply_times (m, &before, FALSE, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "not after the start (2025-09-02 09:00)");
  ck_assert (!rapat_meeting_apply_times (m, &same, FALSE, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "not after the start");
  ck_assert (!rapat_meeting_apply_times (m, &too_long, FALSE, NULL, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "at most 31 days");
  ck_assert (!rapat_meeting_apply_times (m, &bad_zone, FALSE, NULL, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  now = times_of (m);
  ck_assert_str_eq (now, was);
  apply_ok (m, &repeated, FALSE, warnings);
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_msg (strstr (warnings->pdata[0], "02:30") != NULL, "%s",
                 (char *) warnings->pdata[0]);
}
END_TEST

/* A series: every occurrence, each its own uid and times; a bad count and
 * a start in the second pass of a repeated hour are refused. */
START_TEST (test_meeting_series)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(RapatMeeting) late = rapat_meeting_new ();
  RapatMeetingTimes create = { "2025-09-02 19:00", "2025-09-03 12:00", NULL, NULL,
                               "Asia/Jayapura" };
  RapatMeetingTimes second = { "2025-10-26 02:30+01:00", NULL, "1h", "Europe/Berlin", NULL };
  g_autoptr(RapatSeries) series = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) none = NULL;
  GError *error = NULL;

  apply_ok (m, &create, TRUE, NULL);
  m->uid = g_strdup ("abc@rapat.test");
  series = rapat_meeting_series_new (m, "weekly", NULL, "3", &starts, &error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (series);
  ck_assert_uint_eq (starts->len, 3);
  ck_assert_int_eq (g_array_index (starts, gint64, 2), m->start_utc + 14 * 86400);
  ck_assert_int_eq (series->duration_s, 17 * 3600);
  series->id = 7;
  rapat_meeting_set_occurrence (m, series, g_array_index (starts, gint64, 1));
  ck_assert_int_eq (m->start_utc, m->recurrence_utc);
  ck_assert_int_eq (m->end_utc - m->start_utc, 17 * 3600);
  ck_assert_int_eq (m->series_id, 7);
  ck_assert_str_ne (m->uid, "abc@rapat.test");
  ck_assert_ptr_null (rapat_meeting_series_new (m, "weekly", NULL, "0", &none, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "count '0'");
  ck_assert_ptr_null (rapat_meeting_series_new (m, "weekly", NULL, "521", &none, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "count '521'");
  apply_ok (late, &second, TRUE, NULL);
  ck_assert_ptr_null (rapat_meeting_series_new (late, "daily", NULL, "2", &none, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "second pass");
}
END_TEST

/* Each field that voids the replies or may bring a clash, one at a time. */
START_TEST (test_meeting_change_rules)
{
  g_autoptr(RapatMeeting) a = rapat_meeting_new ();
  RapatMeetingTimes create = { "2025-09-02 09:00", "12:00", NULL, NULL, "Asia/Jayapura" };

  apply_ok (a, &create, TRUE, NULL);
  a->title = g_strdup ("Rapat");
  a->location = g_strdup ("Aula");
  a->url = g_strdup ("https://meet.example.org/a");
  a->sequence = 4;
  {
    g_autoptr(RapatMeeting) b = rapat_meeting_copy (a);

    ck_assert_ptr_null (rapat_meeting_replies_void_reason (a, b));
    ck_assert (!rapat_meeting_may_clash (a, b));
    ck_assert (b->title != a->title && b->tzid != a->tzid);
    g_free (b->url);
    b->url = g_strdup ("https://meet.example.org/b");
    ck_assert_ptr_null (rapat_meeting_replies_void_reason (a, b));
    ck_assert (!rapat_meeting_may_clash (a, b));
    rapat_meeting_touch (a, b, 1234);
    ck_assert_int_eq (b->sequence, 5);
    ck_assert_int_eq (b->updated_at, 1234);
  }
  {
    g_autoptr(RapatMeeting) b = rapat_meeting_copy (a);
    b->end_utc += 60;
    ck_assert_str_eq (rapat_meeting_replies_void_reason (a, b), "time");
    ck_assert (rapat_meeting_may_clash (a, b));
    b->end_utc = a->end_utc;
    b->start_utc -= 60;
    ck_assert_str_eq (rapat_meeting_replies_void_reason (a, b), "time");
    ck_assert (rapat_meeting_may_clash (a, b));
  }
  {
    g_autoptr(RapatMeeting) b = rapat_meeting_copy (a);
    g_free (b->tzid);
    b->tzid = g_strdup ("+09:00");
    ck_assert_str_eq (rapat_meeting_replies_void_reason (a, b), "zone");
    ck_assert (!rapat_meeting_may_clash (a, b));
    g_free (b->location);
    b->location = g_strdup ("Ruang 2");
    ck_assert_str_eq (rapat_meeting_replies_void_reason (a, b), "zone");
  }
  {
    g_autoptr(RapatMeeting) b = rapat_meeting_copy (a);
    g_free (b->location);
    b->location = NULL;
    ck_assert_str_eq (rapat_meeting_replies_void_reason (a, b), "place");
    ck_assert (rapat_meeting_may_clash (a, b));
  }
  {
    g_autoptr(RapatMeeting) b = rapat_meeting_copy (a);
    b->status = RAPAT_MEETING_TENTATIVE;
    ck_assert (rapat_meeting_may_clash (a, b));
    b->status = a->status;
    b->organizer_id = 3;
    ck_assert (rapat_meeting_may_clash (a, b));
    ck_assert_ptr_null (rapat_meeting_replies_void_reason (a, b));
  }
}
END_TEST

/* On a real store: a meeting with attendance recorded, or with an action
 * raised, is kept unless forced. */
START_TEST (test_meeting_check_delete)
{
  g_autoptr(RapatStore) store = rapat_test_store_open (":memory:");
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(RapatPerson) p = rapat_person_new ();
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  g_autoptr(RapatAction) act = rapat_action_new ();
  RapatMeetingTimes create = { "2025-09-02 09:00", "12:00", NULL, NULL, "Asia/Jayapura" };
  GError *error = NULL;

  apply_ok (m, &create, TRUE, NULL);
  m->uid = rapat_uid_new ();
  m->title = g_strdup ("Rapat");
  m->kind = g_strdup ("meeting");
  p->name = g_strdup ("Siti");
  ck_assert (rapat_store_meeting_insert (store, m, &error) && rapat_store_person_insert (store, p, &error));
  a->meeting_id = m->id;
  a->person_id = p->id;
  ck_assert (rapat_store_attendee_insert (store, a, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_meeting_check_delete (store, m, FALSE, &error));
  rapat_assert_no_error (error);
  a->attendance = RAPAT_ATTENDANCE_SICK;
  ck_assert (rapat_store_attendee_update (store, a, &error));
  ck_assert (!rapat_meeting_check_delete (store, m, FALSE, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE, "attendance is recorded for 1 person");
  ck_assert (rapat_meeting_check_delete (store, m, TRUE, &error));
  a->attendance = RAPAT_ATTENDANCE_NONE;
  ck_assert (rapat_store_attendee_update (store, a, &error));
  act->uid = rapat_uid_new ();
  act->title = g_strdup ("Laporan");
  act->owner_person_id = p->id;
  act->meeting_id = m->id;
  act->priority = RAPAT_PRIORITY_NORMAL;
  ck_assert (rapat_store_action_insert (store, act, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_meeting_check_delete (store, m, FALSE, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IN_USE, "raised 1 action;");
  ck_assert (rapat_meeting_check_delete (store, m, TRUE, &error));
  rapat_assert_no_error (error);
}
END_TEST

/* Builds the suite. */
static Suite *
time_suite (void)
{
  Suite *s = suite_create ("time");
  TCase *tc;

  tc = tcase_create ("zones");
  tcase_add_test (tc, test_zone_iana);
  tcase_add_test (tc, test_zone_iana_offsets_are_right);
  tcase_add_test (tc, test_zone_utc);
  tcase_add_test (tc, test_zone_offsets);
  tcase_add_test (tc, test_zone_unknown);
  tcase_add_test (tc, test_zone_path_tricks);
  tcase_add_test (tc, test_zone_default_from_tz);
  tcase_add_test (tc, test_zone_posix);
  tcase_add_test (tc, test_zone_from_env);
  tcase_add_test (tc, test_zone_order);
  suite_add_tcase (s, tc);

  tc = tcase_create ("datetime");
  tcase_add_test (tc, test_datetime_in_zone);
  tcase_add_test (tc, test_datetime_t_separator);
  tcase_add_test (tc, test_datetime_offset_wins);
  tcase_add_test (tc, test_datetime_leap_days);
  tcase_add_test (tc, test_datetime_impossible);
  tcase_add_test (tc, test_datetime_dst_gap);
  suite_add_tcase (s, tc);

  tc = tcase_create ("days-and-clock");
  tcase_add_test (tc, test_parse_date);
  tcase_add_test (tc, test_parse_day);
  tcase_add_test (tc, test_parse_clock);
  suite_add_tcase (s, tc);

  tc = tcase_create ("durations");
  tcase_add_test (tc, test_duration_valid);
  tcase_add_test (tc, test_duration_invalid);
  tcase_add_test (tc, test_duration_meeting_limit);
  tcase_add_test (tc, test_format_duration);
  suite_add_tcase (s, tc);

  tc = tcase_create ("display");
  tcase_add_test (tc, test_abbrev_indonesia);
  tcase_add_test (tc, test_abbrev_follows_dst);
  tcase_add_test (tc, test_format_iso);
  tcase_add_test (tc, test_format_utc);
  tcase_add_test (tc, test_format);
  tcase_add_test (tc, test_time_fields_match_gdatetime);
  tcase_add_test (tc, test_time_fields_range);
  tcase_add_test (tc, test_now_source_date_epoch);
  suite_add_tcase (s, tc);

  tc = tcase_create ("people");
  tcase_add_test (tc, test_when_same_day);
  tcase_add_test (tc, test_when_overnight);
  tcase_add_test (tc, test_when_abbrev_changes);
  tcase_add_test (tc, test_when_instants_and_zones);
  tcase_add_test (tc, test_when_clocks);
  tcase_add_test (tc, test_when_papers);
  suite_add_tcase (s, tc);

  tc = tcase_create ("meeting-rules");
  tcase_add_test (tc, test_meeting_times_new);
  tcase_add_test (tc, test_meeting_times_edit);
  tcase_add_test (tc, test_meeting_times_refused);
  tcase_add_test (tc, test_meeting_series);
  tcase_add_test (tc, test_meeting_change_rules);
  tcase_add_test (tc, test_meeting_check_delete);
  suite_add_tcase (s, tc);

  tc = tcase_create ("repeated-hour");
  tcase_add_test (tc, test_repeat_takes_first);
  tcase_add_test (tc, test_repeat_offset_selects);
  tcase_add_test (tc, test_repeat_not_ambiguous);
  tcase_add_test (tc, test_from_wall_kinds);
  tcase_add_test (tc, test_later_of_repeat);
  tcase_add_test (tc, test_repeat_series);
  suite_add_tcase (s, tc);

  tc = tcase_create ("range");
  tcase_add_test (tc, test_range_constants);
  tcase_add_test (tc, test_range_limits);
  tcase_add_test (tc, test_range_days);
  tcase_add_test (tc, test_range_check);
  tcase_add_test (tc, test_range_extremes_safe);
  tcase_add_test (tc, test_range_series);
  suite_add_tcase (s, tc);

  /* Tests that show bugs in src/; tagged so that CK_EXCLUDE_TAGS=bug skips them. */
  tc = tcase_create ("regressions");
  tcase_set_tags (tc, "bug");
  tcase_add_test (tc, test_bug_zone_non_tzif_file_logs_critical);
  tcase_add_test (tc, test_bug_abbrev_fixed_offset);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rapat_test_run (time_suite ());
}
