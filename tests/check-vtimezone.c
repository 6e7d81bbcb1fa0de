/* rapat tests — the VTIMEZONEs of "export ics".
 *
 * Every VTIMEZONE is taken from rapat_ics_write_timezone(), the function
 * the export calls, and read back two ways: by a small reader here that
 * turns each DTSTART and RDATE (local time, in the offset before the onset)
 * into an instant, and by libical, whose conversions through the parsed
 * zone must equal GLib's.  The known cases pin zones where libical's own
 * truncated zones went wrong; the census compares every zone of the tz
 * database over 1970-2037 with zdump. */
#include "check-common.h"
#include "export-ics.h"
/* For rapat_ical_load() only: the test's own libical calls stay direct. */
#define RAPAT_ICAL_NO_REDIRECT
#include "ical.h"
#include "timeutil.h"

#include <errno.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* 1970-01-01T00:00:00Z and 2037-12-31T23:59:59Z: the census's range. */
#define CENSUS_FROM G_GINT64_CONSTANT (0)
#define CENSUS_TO   G_GINT64_CONSTANT (2145916799)

/* One onset read back from the text, or one zdump transition. */
typedef struct {
  gint64 at;
  int from, to;
  gboolean dst;
  char name[16];
} Change;

/* Returns the Unix instant of UTC date @y-@m-@d (days from civil). */
static gint64
utc_days (int y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* Returns "YYYY-MM-DD HH:MM:SS" in UTC for @t, for messages. */
static char *
show (gint64 t)
{
  g_autoptr(GDateTime) d = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (d, "%Y-%m-%d %H:%M:%S");
}

/* Returns what rapat_ics_write_timezone() writes for @tzid over @from..@to:
 * the lines from BEGIN:VTIMEZONE to END:VTIMEZONE, CRLFs kept. */
static char *
vtimezone_text (const char *tzid, gint64 from, gint64 to)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);
  RapatIcsWriter *w;
  GError *error = NULL;
  const char *begin, *end;
  char *text;

  ck_assert_ptr_nonnull (fp);
  w = rapat_ics_writer_new (fp, RAPAT_ICS_PUBLISH, NULL, 0);
  ck_assert_msg (rapat_ics_write_timezone (w, tzid, from, to, &error), "zone %s: %s", tzid,
                 error != NULL ? error->message : "");
  rapat_ics_writer_free (w);
  ck_assert_int_eq (fclose (fp), 0);
  begin = strstr (buf, "BEGIN:VTIMEZONE\r\n");
  end = begin != NULL ? strstr (begin, "END:VTIMEZONE\r\n") : NULL;
  ck_assert_msg (end != NULL, "%s: no VTIMEZONE in %s", tzid, buf);
  text = g_strndup (begin, end + strlen ("END:VTIMEZONE\r\n") - begin);
  free (buf);
  return text;
}

/* Returns the UTC offset of an RFC 5545 value ("+0530", "-000130"). */
static int
parse_offset (const char *tzid, const char *v)
{
  int h, m, s = 0, n = (int) strlen (v);

  ck_assert_msg ((n == 5 || n == 7) && (v[0] == '+' || v[0] == '-'), "%s: offset %s", tzid, v);
  ck_assert_int_eq (sscanf (v + 1, "%2d%2d", &h, &m), 2);
  if (n == 7)
    ck_assert_int_eq (sscanf (v + 5, "%2d", &s), 1);
  ck_assert_msg (strcmp (v, "-0000") != 0, "%s: -0000 is not allowed", tzid);
  return (v[0] == '-' ? -1 : 1) * (h * 3600 + m * 60 + s);
}

/* Returns local date-time @v ("YYYYMMDDTHHMMSS", never UTC) as seconds of
 * local time since the epoch. */
static gint64
parse_local (const char *tzid, const char *v)
{
  int y, mo, d, h, mi, s;

  ck_assert_msg (strlen (v) == 15 && v[8] == 'T', "%s: onset %s is not a local date-time",
                 tzid, v);
  ck_assert_int_eq (sscanf (v, "%4d%2d%2dT%2d%2d%2d", &y, &mo, &d, &h, &mi, &s), 6);
  return utc_days (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* Compares two changes by instant. */
static int
compare_changes (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const Change *) a)->at, y = ((const Change *) b)->at;

  return x < y ? -1 : x > y;
}

/* Reads @text (one VTIMEZONE) and returns every onset it states as a
 * Change, sorted by instant; checks the form on the way: CRLF lines of at
 * most 75 octets of ASCII, TZID @tzid, only STANDARD and DAYLIGHT inside,
 * each with one DTSTART, TZOFFSETFROM and TZOFFSETTO. */
static GArray *
read_changes (const char *tzid, const char *text, guint *n_observances)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_autoptr(GPtrArray) onsets = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *want_tzid = g_strconcat ("TZID:", tzid, NULL);
  gboolean in_obs = FALSE, dst = FALSE, saw_tzid = FALSE;
  int from = 0, to = 0, n_from = 0, n_to = 0, n_start = 0;
  char name[16] = "";

  ck_assert_msg (g_str_has_suffix (text, "\r\n"), "%s: does not end in CRLF", tzid);
  for (const char *c = text; *c != '\0'; c++)
    ck_assert_msg ((guchar) *c < 0x80, "%s: a byte outside ASCII", tzid);
  lines = g_strsplit (text, "\r\n", -1);
  *n_observances = 0;
  for (guint i = 0; lines[i + 1] != NULL; i++)
    {
      const char *l = lines[i];

      ck_assert_msg (strchr (l, '\r') == NULL && strchr (l, '\n') == NULL,
                     "%s: a bare CR or LF", tzid);
      ck_assert_msg (strlen (l) <= 75, "%s: line longer than 75 octets: %s", tzid, l);
      ck_assert_msg (l[0] != ' ', "%s: a folded line: the reader does not expect one", tzid);
      if (strcmp (l, "BEGIN:STANDARD") == 0 || strcmp (l, "BEGIN:DAYLIGHT") == 0)
        {
          ck_assert_msg (!in_obs, "%s: nested observance", tzid);
          in_obs = TRUE;
          dst = l[6] == 'D';
          n_from = n_to = n_start = 0;
          name[0] = '\0';
          g_ptr_array_set_size (onsets, 0);
        }
      else if (strcmp (l, "END:STANDARD") == 0 || strcmp (l, "END:DAYLIGHT") == 0)
        {
          ck_assert_msg (in_obs && dst == (l[4] == 'D'), "%s: unmatched %s", tzid, l);
          ck_assert_msg (n_from == 1 && n_to == 1 && n_start == 1,
                         "%s: observance with %d DTSTART, %d TZOFFSETFROM, %d TZOFFSETTO",
                         tzid, n_start, n_from, n_to);
          for (guint j = 0; j < onsets->len; j++)
            {
              Change c = { parse_local (tzid, onsets->pdata[j]) - from, from, to, dst, "" };

              g_strlcpy (c.name, name, sizeof c.name);
              g_array_append_val (changes, c);
            }
          in_obs = FALSE;
          (*n_observances)++;
        }
      else if (g_str_has_prefix (l, "BEGIN:") && strcmp (l, "BEGIN:VTIMEZONE") != 0)
        ck_abort_msg ("%s: %s inside a VTIMEZONE", tzid, l);
      else if (strcmp (l, want_tzid) == 0)
        saw_tzid = TRUE;
      else if (in_obs && g_str_has_prefix (l, "DTSTART:"))
        {
          n_start++;
          g_ptr_array_add (onsets, (char *) l + strlen ("DTSTART:"));
        }
      else if (in_obs && g_str_has_prefix (l, "RDATE:"))
        g_ptr_array_add (onsets, (char *) l + strlen ("RDATE:"));
      else if (in_obs && g_str_has_prefix (l, "TZOFFSETFROM:"))
        {
          n_from++;
          from = parse_offset (tzid, l + strlen ("TZOFFSETFROM:"));
        }
      else if (in_obs && g_str_has_prefix (l, "TZOFFSETTO:"))
        {
          n_to++;
          to = parse_offset (tzid, l + strlen ("TZOFFSETTO:"));
        }
      else if (in_obs && g_str_has_prefix (l, "TZNAME:"))
        g_strlcpy (name, l + strlen ("TZNAME:"), sizeof name);
    }
  ck_assert_msg (saw_tzid, "%s: no line %s", tzid, want_tzid);
  ck_assert_msg (changes->len > 0, "%s: a VTIMEZONE without observances", tzid);
  g_array_sort (changes, compare_changes);
  return g_steal_pointer (&changes);
}

/* Returns the change of @changes in force at @t (the last with at <= @t),
 * failing when @t comes before all of them. */
static const Change *
in_force (const char *tzid, GArray *changes, gint64 t)
{
  const Change *found = NULL;

  for (guint i = 0; i < changes->len; i++)
    if (g_array_index (changes, Change, i).at <= t)
      found = &g_array_index (changes, Change, i);
  ck_assert_msg (found != NULL, "%s: no observance in force at %s", tzid, show (t));
  return found;
}

/* Checks that each change starts from the offset the one before it left:
 * the observances tell one consistent history. */
static void
check_chain (const char *tzid, GArray *changes)
{
  for (guint i = 1; i < changes->len; i++)
    {
      const Change *a = &g_array_index (changes, Change, i - 1);
      const Change *b = &g_array_index (changes, Change, i);

      ck_assert_msg (b->at > a->at, "%s: two onsets at %s", tzid, show (b->at));
      ck_assert_msg (b->from == a->to, "%s: the change at %s is from %d, but %d was in force",
                     tzid, show (b->at), b->from, a->to);
    }
}

/* Checks, through libical's own reading of @text, that for instants from
 * @from to @to every few days and a second either side of each change,
 * libical gives the local time GLib gives (UTC to local), and reads
 * GLib's local time back as the same instant where it is not ambiguous. */
static void
check_with_libical (const char *tzid, const char *text, gint64 from, gint64 to, GArray *changes)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (tzid, NULL, NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  icalcomponent *vtz = icalparser_parse_string (text);
  icaltimezone *zone = icaltimezone_new ();
  icaltimezone *utc = icaltimezone_get_utc_timezone ();

  ck_assert_ptr_nonnull (tz);
  ck_assert_msg (vtz != NULL && icalcomponent_isa (vtz) == ICAL_VTIMEZONE_COMPONENT,
                 "%s: libical does not read the VTIMEZONE", tzid);
  ck_assert (icaltimezone_set_component (zone, vtz));
  for (gint64 t = from; t <= to; t += 3 * 86400 + 3607)
    g_array_append_val (samples, t);
  for (guint i = 0; i < changes->len; i++)
    for (int d = -1; d <= 0; d++)
      {
        gint64 t = g_array_index (changes, Change, i).at + d;
        if (t >= from && t <= to)
          g_array_append_val (samples, t);
      }
  for (guint i = 0; i < samples->len; i++)
    {
      gint64 t = g_array_index (samples, gint64, i);
      RapatLocalFields f;
      struct icaltimetype u = icaltime_from_timet_with_zone ((time_t) t, 0, utc);
      struct icaltimetype l;

      ck_assert (rapat_time_fields (t, tz, &f));
      icaltimezone_convert_time (&u, utc, zone);
      ck_assert_msg (u.year == f.year && u.month == f.month && u.day == f.day && u.hour == f.hour
                     && u.minute == f.minute && u.second == f.second,
                     "%s at %s UTC: libical says %04d-%02d-%02d %02d:%02d:%02d, GLib %04d-%02d-%02d %02d:%02d:%02d",
                     tzid, show (t), u.year, u.month, u.day, u.hour, u.minute, u.second,
                     f.year, f.month, f.day, f.hour, f.minute, f.second);
      /* Local to UTC only away from changes, where no local time repeats. */
      if (rapat_time_local (t - 86400, tz) != t - 86400 + (rapat_time_local (t, tz) - t)
          || rapat_time_local (t + 86400, tz) != t + 86400 + (rapat_time_local (t, tz) - t))
        continue;
      l = icaltime_null_time ();
      l.year = f.year;
      l.month = f.month;
      l.day = f.day;
      l.hour = f.hour;
      l.minute = f.minute;
      l.second = f.second;
      ck_assert_msg (icaltime_as_timet_with_zone (l, zone) == (time_t) t,
                     "%s: libical reads local %04d-%02d-%02d %02d:%02d:%02d as %s UTC, not %s",
                     tzid, f.year, f.month, f.day, f.hour, f.minute, f.second,
                     show (icaltime_as_timet_with_zone (l, zone)), show (t));
    }
  icaltimezone_free (zone, 1);
}

/* Builds, reads back and checks (chain, libical) the VTIMEZONE of @tzid
 * for @from..@to; returns its changes and observance count. */
static GArray *
known_zone (const char *tzid, gint64 from, gint64 to, guint *n_observances)
{
  g_autofree char *text = vtimezone_text (tzid, from, to);
  GArray *changes = read_changes (tzid, text, n_observances);

  check_chain (tzid, changes);
  check_with_libical (tzid, text, from, to, changes);
  return changes;
}

/* Returns the change of @changes at local time @local (in the offset before). */
static const Change *
change_at_local (const char *tzid, GArray *changes, const char *local)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);
      if (c->at + c->from == parse_local (tzid, local))
        return c;
    }
  ck_abort_msg ("%s: no onset at local %s", tzid, local);
  return NULL;
}

/* Asserts that @c changes from offset @from to @to, is DAYLIGHT if @dst and
 * is named @name. */
static void
assert_change (const char *tzid, const Change *c, int from, int to, gboolean dst, const char *name)
{
  ck_assert_msg (c->from == from && c->to == to && c->dst == dst && strcmp (c->name, name) == 0,
                 "%s at %s: %s %d -> %d %s, expected %s %d -> %d %s", tzid, show (c->at),
                 c->dst ? "DAYLIGHT" : "STANDARD", c->from, c->to, c->name,
                 dst ? "DAYLIGHT" : "STANDARD", from, to, name);
}

/* 2026-01-01T00:00:00Z and 2026-12-31T23:59:59Z. */
#define Y2026_FROM G_GINT64_CONSTANT (1767225600)
#define Y2026_TO   G_GINT64_CONSTANT (1798761599)

START_TEST (test_berlin_2026)
{
  guint n;
  g_autoptr(GArray) c = known_zone ("Europe/Berlin", Y2026_FROM, Y2026_TO, &n);

  assert_change ("Europe/Berlin", change_at_local ("Europe/Berlin", c, "20260329T020000"),
                 3600, 7200, TRUE, "CEST");
  assert_change ("Europe/Berlin", change_at_local ("Europe/Berlin", c, "20261025T030000"),
                 7200, 3600, FALSE, "CET");
  /* One STANDARD (from October 2025, RDATE in October 2026) and one DAYLIGHT. */
  ck_assert_uint_eq (n, 2);
  ck_assert_int_eq (change_at_local ("Europe/Berlin", c, "20260329T020000")->at,
                    G_GINT64_CONSTANT (1774746000));   /* 01:00Z */
}
END_TEST

START_TEST (test_troll_daylight)
{
  guint n;
  g_autoptr(GArray) c = known_zone ("Antarctica/Troll", Y2026_FROM, Y2026_TO, &n);

  /* The tz database calls Troll's +02 daylight saving time, though the jump is two hours. */
  assert_change ("Antarctica/Troll", change_at_local ("Antarctica/Troll", c, "20260329T010000"),
                 0, 7200, TRUE, "+02");
  assert_change ("Antarctica/Troll", change_at_local ("Antarctica/Troll", c, "20261025T030000"),
                 7200, 0, FALSE, "+00");
}
END_TEST

/* Zones whose libical-truncated VTIMEZONEs had RDATEs in UTC. */
static const char *const utc_rdate_zones[] = {
  "Europe/Kyiv", "Asia/Gaza", "America/Nuuk", "America/Ciudad_Juarez", "Asia/Hebron",
  "America/Ojinaga", "Europe/Chisinau", "America/Godthab",
};

START_TEST (test_local_onsets)
{
  const char *tzid = utc_rdate_zones[_i];
  g_autofree char *text = vtimezone_text (tzid, G_GINT64_CONSTANT (1735689600) /* 2025 */,
                                          Y2026_TO);
  guint n;
  g_autoptr(GArray) c = known_zone (tzid, G_GINT64_CONSTANT (1735689600), Y2026_TO, &n);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "DTSTART") || g_str_has_prefix (lines[i], "RDATE"))
      ck_assert_msg (strchr (lines[i], 'Z') == NULL, "%s: %s is in UTC", tzid, lines[i]);
  ck_assert_uint_ge (c->len, 1);
}
END_TEST

START_TEST (test_jayapura_single_standard)
{
  guint n;
  g_autoptr(GArray) c = known_zone ("Asia/Jayapura", Y2026_FROM, Y2026_TO, &n);

  ck_assert_uint_eq (n, 1);
  ck_assert_uint_eq (c->len, 1);
  assert_change ("Asia/Jayapura", &g_array_index (c, Change, 0), 32400, 32400, FALSE, "WIT");
  ck_assert_int_le (g_array_index (c, Change, 0).at, Y2026_FROM - 86400);
}
END_TEST

START_TEST (test_sydney)
{
  guint n;
  g_autoptr(GArray) c = known_zone ("Australia/Sydney", Y2026_FROM, Y2026_TO, &n);

  assert_change ("Australia/Sydney", in_force ("Australia/Sydney", c, Y2026_FROM),
                 36000, 39600, TRUE, "AEDT");
  assert_change ("Australia/Sydney", change_at_local ("Australia/Sydney", c, "20260405T030000"),
                 39600, 36000, FALSE, "AEST");
  assert_change ("Australia/Sydney", change_at_local ("Australia/Sydney", c, "20261004T020000"),
                 36000, 39600, TRUE, "AEDT");
}
END_TEST

START_TEST (test_lord_howe_half_hour)
{
  guint n;
  g_autoptr(GArray) c = known_zone ("Australia/Lord_Howe", Y2026_FROM, Y2026_TO, &n);

  assert_change ("Australia/Lord_Howe",
                 change_at_local ("Australia/Lord_Howe", c, "20260405T020000"),
                 39600, 37800, FALSE, "+1030");
  assert_change ("Australia/Lord_Howe",
                 change_at_local ("Australia/Lord_Howe", c, "20261004T020000"),
                 37800, 39600, TRUE, "+11");
}
END_TEST

START_TEST (test_range_without_change)
{
  guint n;
  /* May 2026 in Berlin: summer time all through. */
  g_autoptr(GArray) c = known_zone ("Europe/Berlin", G_GINT64_CONSTANT (1777593600),
                                    G_GINT64_CONSTANT (1780272000), &n);

  /* The summer's own onset, and the autumn change after it so that a
   * calendar knows both observances; nothing more. */
  ck_assert_uint_eq (c->len, 2);
  ck_assert_uint_eq (n, 2);
  assert_change ("Europe/Berlin", &g_array_index (c, Change, 0), 3600, 7200, TRUE, "CEST");
  assert_change ("Europe/Berlin", &g_array_index (c, Change, 1), 7200, 3600, FALSE, "CET");
}
END_TEST

START_TEST (test_after_glib_rules_end)
{
  guint n;
  /* July 3500: GLib expands the footer rule only to 2999, and rapat
   * converts with GLib, so the VTIMEZONE says CET too. */
  g_autoptr(GArray) c = known_zone ("Europe/Berlin", G_GINT64_CONSTANT (48302812800),
                                    G_GINT64_CONSTANT (48302812800) + 3600, &n);

  ck_assert_uint_eq (n, 1);
  assert_change ("Europe/Berlin", &g_array_index (c, Change, 0), 3600, 3600, FALSE, "CET");
}
END_TEST

START_TEST (test_unknown_zone)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);
  RapatIcsWriter *w = rapat_ics_writer_new (fp, RAPAT_ICS_PUBLISH, NULL, 0);
  GError *error = NULL;

  ck_assert (!rapat_ics_write_timezone (w, "Mars/Olympus_Mons", 0, 86400, &error));
  rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
  rapat_ics_writer_free (w);
  fclose (fp);
  free (buf);
}
END_TEST

/* ---- the census: every zone against zdump ---- */

/* Returns the names of every zone and link of the tz database, from
 * tzdata.zi's Z and L lines (links too: a calendar may name a zone by an
 * old name, and Debian installs them as files of their own). */
static GPtrArray *
tz_names (const char *tzdir)
{
  g_autofree char *path = g_build_filename (tzdir, "tzdata.zi", NULL);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GError *error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  ck_assert_msg (g_file_get_contents (path, &data, NULL, &error),
                 "no tz database list (install tzdata): %s", error != NULL ? error->message : "");
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit_set (lines[i], " \t", -1);
      const char *name = NULL;

      if (g_strcmp0 (f[0], "Z") == 0 && g_strv_length (f) > 1)
        name = f[1];
      else if (g_strcmp0 (f[0], "L") == 0 && g_strv_length (f) > 2)
        name = f[2];
      if (name != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  return names;
}

/* Month number (1-12) of an English abbreviation, 0 if none. */
static int
month_number (const char *mon)
{
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  const char *p = strstr (months, mon);

  return p != NULL && strlen (mon) == 3 ? (int) (p - months) / 3 + 1 : 0;
}

/* Reads one zdump -v line's instant and state; FALSE for its NULL lines. */
static gboolean
parse_zdump_line (const char *line, char *zone, gsize zone_size, Change *out)
{
  const char *sep = strstr (line, "  ");
  const char *rest, *eq, *abbr_end;
  char wday[4], mon[4];
  int d, h, mi, s, y, dst;
  long off;

  if (sep == NULL)
    return FALSE;
  g_strlcpy (zone, line, MIN (zone_size, (gsize) (sep - line) + 1));
  rest = sep + 2;
  eq = strstr (rest, " UT = ");
  if (eq == NULL)
    return FALSE;
  ck_assert_msg (sscanf (rest, "%3s %3s %d %d:%d:%d %d", wday, mon, &d, &h, &mi, &s, &y) == 7
                 && month_number (mon) > 0, "zdump line not understood: %s", line);
  abbr_end = strstr (eq, " isdst=");
  ck_assert_msg (abbr_end != NULL && sscanf (abbr_end, " isdst=%d gmtoff=%ld", &dst, &off) == 2,
                 "zdump line not understood: %s", line);
  memset (out, 0, sizeof *out);
  out->at = utc_days (y, month_number (mon), d) * 86400 + h * 3600 + mi * 60 + s;
  out->to = (int) off;
  out->dst = dst != 0;
  /* The abbreviation is the last word before " isdst=". */
  for (const char *a = abbr_end; a > eq; a--)
    if (a[-1] == ' ')
      {
        g_strlcpy (out->name, a, MIN (sizeof out->name, (gsize) (abbr_end - a) + 1));
        break;
      }
  return TRUE;
}

/* Runs zdump once for all of @names over the census's years and returns,
 * per zone, its transitions (GArray of Change: from, to, dst, name). */
static GHashTable *
zdump_transitions (GPtrArray *names)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GError *error = NULL;
  int status;
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
  Change prev = { 0 };
  char prev_zone[64] = "";

  g_ptr_array_add (argv, "zdump");
  g_ptr_array_add (argv, "-v");
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "1970,2038");
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (argv, names->pdata[i]);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error),
                 "cannot run zdump (libc-bin): %s", error != NULL ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "zdump failed: %s", err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char zone[64];
      Change c;
      GArray *list;

      if (!parse_zdump_line (lines[i], zone, sizeof zone, &c))
        continue;
      /* zdump -v prints each transition as two lines, the last second
       * before it and its first second. */
      if (strcmp (zone, prev_zone) != 0 || c.at != prev.at + 1)
        {
          prev = c;
          g_strlcpy (prev_zone, zone, sizeof prev_zone);
          continue;
        }
      c.from = prev.to;
      list = g_hash_table_lookup (result, zone);
      if (list == NULL)
        {
          list = g_array_new (FALSE, TRUE, sizeof (Change));
          g_hash_table_insert (result, g_strdup (zone), list);
        }
      g_array_append_val (list, c);
      prev_zone[0] = '\0';
    }
  return result;
}

/* Asserts that @got (from the VTIMEZONE) and @want (from zdump or libc)
 * agree on instant, offsets, kind and name. */
static void
assert_same_change (const char *tzid, const Change *got, const Change *want, gboolean check_at)
{
  ck_assert_msg ((!check_at || got->at == want->at) && got->to == want->to
                 && got->dst == want->dst && strcmp (got->name, want->name) == 0
                 && (!check_at || got->from == want->from),
                 "%s: VTIMEZONE has %s %d -> %d %s %s, zdump %s %d -> %d %s %s", tzid,
                 show (got->at), got->from, got->to, got->dst ? "DAYLIGHT" : "STANDARD",
                 got->name, show (want->at), want->from, want->to,
                 want->dst ? "DAYLIGHT" : "STANDARD", want->name);
}

START_TEST (test_census_against_zdump)
{
  const char *tzdir = g_getenv ("TZDIR") != NULL ? g_getenv ("TZDIR") : "/usr/share/zoneinfo";
  g_autoptr(GPtrArray) all = tz_names (tzdir);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) zdump = NULL;
  g_autoptr(GHashTable) file_zone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) name_file = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  guint n_transitions = 0, missing = 0;
  gint64 started = g_get_monotonic_time ();

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *path = g_build_filename (tzdir, all->pdata[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, all->pdata[i]);
      else
        missing++;
    }
  ck_assert_msg (names->len > 300, "only %u zones installed", names->len);
  /* zdump costs 20 ms a zone; a link installed as a symlink to a zone's
   * file is that file to zdump, so it runs once per file (GLib still loads
   * each name). */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (tzdir, names->pdata[i], NULL);
      char *real = realpath (path, NULL);

      ck_assert_msg (real != NULL, "%s: %s", path, g_strerror (errno));
      if (!g_hash_table_contains (file_zone, real))
        {
          g_hash_table_insert (file_zone, g_strdup (real), names->pdata[i]);
          g_ptr_array_add (distinct, names->pdata[i]);
        }
      g_hash_table_insert (name_file, names->pdata[i], real);
    }
  zdump = zdump_transitions (distinct);
  for (guint z = 0; z < names->len; z++)
    {
      const char *tzid = names->pdata[z];
      g_autofree char *text = vtimezone_text (tzid, CENSUS_FROM, CENSUS_TO);
      guint n_obs, k = 0;
      g_autoptr(GArray) got = read_changes (tzid, text, &n_obs);
      const char *dumped = g_hash_table_lookup (file_zone, g_hash_table_lookup (name_file, tzid));
      GArray *want = g_hash_table_lookup (zdump, dumped);
      const Change *start = in_force (tzid, got, CENSUS_FROM);
      Change libc = { 0 };
      struct tm tm;
      time_t t0 = (time_t) CENSUS_FROM;

      check_chain (tzid, got);
      /* What is in force on 1 January 1970, as the C library reads the zone. */
      g_setenv ("TZ", tzid, TRUE);
      tzset ();
      ck_assert (localtime_r (&t0, &tm) != NULL);
      libc.to = (int) tm.tm_gmtoff;
      libc.dst = tm.tm_isdst > 0;
      g_strlcpy (libc.name, tm.tm_zone, sizeof libc.name);
      assert_same_change (tzid, start, &libc, FALSE);
      /* Then every transition, in order. */
      for (guint i = 0; i < got->len; i++)
        {
          const Change *g = &g_array_index (got, Change, i);

          if (g->at <= CENSUS_FROM || g->at > CENSUS_TO)
            continue;
          ck_assert_msg (want != NULL && k < want->len, "%s: VTIMEZONE has a change at %s that zdump lacks",
                         tzid, show (g->at));
          assert_same_change (tzid, g, &g_array_index (want, Change, k), TRUE);
          k++;
          n_transitions++;
        }
      ck_assert_msg (want == NULL || k == want->len, "%s: zdump has %u changes, the VTIMEZONE %u",
                     tzid, want->len, k);
    }
  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
  printf ("census: %u zones and links (%u files; %u listed but not installed), %u transitions"
          " 1970-2037 agree with zdump, in %.1f s\n", names->len, distinct->len, missing,
          n_transitions,
          (g_get_monotonic_time () - started) / 1e6);
}
END_TEST

static Suite *
vtimezone_suite (void)
{
  Suite *s = suite_create ("vtimezone");
  TCase *tc = tcase_create ("known");

  tcase_add_test (tc, test_berlin_2026);
  tcase_add_test (tc, test_troll_daylight);
  tcase_add_loop_test (tc, test_local_onsets, 0, G_N_ELEMENTS (utc_rdate_zones));
  tcase_add_test (tc, test_jayapura_single_standard);
  tcase_add_test (tc, test_sydney);
  tcase_add_test (tc, test_lord_howe_half_hour);
  tcase_add_test (tc, test_range_without_change);
  tcase_add_test (tc, test_after_glib_rules_end);
  tcase_add_test (tc, test_unknown_zone);
  suite_add_tcase (s, tc);
  tc = tcase_create ("census");
  /* About 8 s of CPU in a plain build, 50 s under ASan, and twice that
   * in wall time on a loaded 2-core machine: a correctness test, so the
   * limit only catches a hang. */
  tcase_set_timeout (tc, 900);
  tcase_add_test (tc, test_census_against_zdump);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The writer leaves loading libical to its caller, as "export ics" does. */
  if (!rapat_ical_load (&error))
    g_error ("%s", error->message);
  status = rapat_test_run (vtimezone_suite ());

  icaltimezone_free_builtin_timezones ();
  return status;
}
