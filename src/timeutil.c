/* rapat — parsing and display of dates, times, zones and durations (core layer). */
#include "timeutil.h"
#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *month_names[] = {
  NULL, N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* Reads exactly @n ASCII digits at *@p, advancing it; FALSE if they are not there. */
static gboolean
read_digits (const char **p, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      char c = (*p)[i];
      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

/* Parses an offset "+HH:MM", "+HHMM" or "+HH" (or "-") into seconds east of UTC. */
static gboolean
parse_offset (const char *s, int *seconds)
{
  int sign, h, m = 0;

  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;
  if (!read_digits (&s, 2, &h))
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!read_digits (&s, 2, &m))
        return FALSE;
    }
  else if (*s != '\0' && !read_digits (&s, 2, &m))
    return FALSE;
  if (*s != '\0' || h > 14 || m > 59)
    return FALSE;
  *seconds = sign * (h * 3600 + m * 60);
  return TRUE;
}

/* Returns TRUE when @name may be a tz database file name (no path tricks). */
static gboolean
zone_name_plausible (const char *name)
{
  if (*name == '\0' || *name == '/' || *name == '.' || strstr (name, "..") != NULL
      || strlen (name) > 64)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Returns TRUE when @path is a compiled tz database file (magic "TZif");
 * GLib complains loudly about other files under zoneinfo. */
static gboolean
is_tzif_file (const char *path)
{
  char magic[4];
  FILE *f;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  ok = fread (magic, 1, 4, f) == 4 && memcmp (magic, "TZif", 4) == 0;
  fclose (f);
  return ok;
}

/* Zones loaded so far, by the name asked for: loading one reads the tz
 * database, and exports and reports ask for the same few zones again and
 * again.  Failures are not cached. */
static GHashTable *zone_cache;
G_LOCK_DEFINE_STATIC (zone_cache);

typedef struct {
  GTimeZone *tz;
  char *canonical;
} CachedZone;

/* Frees a CachedZone. */
static void
cached_zone_free (gpointer p)
{
  CachedZone *z = p;

  g_time_zone_unref (z->tz);
  g_free (z->canonical);
  g_free (z);
}

static GTimeZone *zone_load_uncached (const char *name, char **canonical, GError **error);

GTimeZone *
rapat_time_zone_load (const char *name, char **canonical, GError **error)
{
  CachedZone *z;
  GTimeZone *tz;
  char *canon = NULL;

  G_LOCK (zone_cache);
  if (zone_cache == NULL)
    zone_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_zone_free);
  z = g_hash_table_lookup (zone_cache, name);
  if (z != NULL)
    {
      if (canonical != NULL)
        *canonical = g_strdup (z->canonical);
      tz = g_time_zone_ref (z->tz);
      G_UNLOCK (zone_cache);
      return tz;
    }
  G_UNLOCK (zone_cache);
  tz = zone_load_uncached (name, &canon, error);
  if (tz == NULL)
    return NULL;
  z = g_new (CachedZone, 1);
  z->tz = g_time_zone_ref (tz);
  z->canonical = g_strdup (canon);
  G_LOCK (zone_cache);
  if (g_hash_table_size (zone_cache) < 256)
    g_hash_table_replace (zone_cache, g_strdup (name), z);
  else
    cached_zone_free (z);
  G_UNLOCK (zone_cache);
  if (canonical != NULL)
    *canonical = canon;
  else
    g_free (canon);
  return tz;
}

/* Reads a POSIX TZ zone name at *@p ("WIB", "<+07>"), advancing it. */
static gboolean
posix_read_name (const char **p)
{
  const char *s = *p;

  if (*s == '<')
    {
      for (s++; g_ascii_isalnum (*s) || *s == '+' || *s == '-'; s++)
        ;
      if (*s != '>' || s - *p < 4)
        return FALSE;
      *p = s + 1;
      return TRUE;
    }
  while (g_ascii_isalpha (*s))
    s++;
  if (s - *p < 3)
    return FALSE;
  *p = s;
  return TRUE;
}

/* Reads a POSIX TZ offset at *@p ("-7", "5:30", "+3:00:00"), advancing it,
 * into seconds east of UTC (POSIX counts them west, hence the sign). */
static gboolean
posix_read_offset (const char **p, int *seconds)
{
  const char *s = *p;
  int sign = 1, part[3] = { 0, 0, 0 };

  if (*s == '+' || *s == '-')
    sign = *s++ == '-' ? -1 : 1;
  for (int i = 0; i < 3; i++)
    {
      int digits = 0;

      if (i > 0)
        {
          if (*s != ':')
            break;
          s++;
        }
      for (; g_ascii_isdigit (*s) && digits < 2; s++, digits++)
        part[i] = part[i] * 10 + (*s - '0');
      if (digits == 0 || (i > 0 && (digits != 2 || part[i] > 59)))
        return FALSE;
    }
  if (part[0] > 24)
    return FALSE;
  *seconds = -sign * (part[0] * 3600 + part[1] * 60 + part[2]);
  *p = s;
  return TRUE;
}

/* Loads @name as a POSIX TZ string ("WIB-7", "<+07>-7",
 * "CET-1CEST,M3.5.0,M10.5.0/3").  A fixed zone becomes its offset
 * (canonical "+07:00": the form rapat stores for offsets); one with
 * daylight-saving rules keeps the string as its name.  The shape is checked
 * here first, so that GLib never tries to read @name as a file.  NULL when
 * @name is not such a string, or its offset is not whole minutes within
 * 14 hours of UTC. */
static GTimeZone *
posix_zone_load (const char *name, char **canonical)
{
  const char *p = name;
  int offset;

  if (!posix_read_name (&p) || !posix_read_offset (&p, &offset))
    return NULL;
  if (*p == '\0')
    {
      g_autofree char *text = NULL;

      if (offset % 60 != 0 || abs (offset) > 14 * 3600)
        return NULL;
      text = g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+', abs (offset) / 3600,
                              (abs (offset) % 3600) / 60);
      return zone_load_uncached (text, canonical, NULL);
    }
  /* Daylight-saving time needs its rules: without them each C library
   * guesses differently. */
  if (!posix_read_name (&p) || (*p != ',' && !posix_read_offset (&p, &offset)) || *p != ','
      || strlen (name) > 64 || strstr (p, "..") != NULL)
    return NULL;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("JM.,/:+-", *p) == NULL)
      return NULL;
  *canonical = g_strdup (name);
  return g_time_zone_new_identifier (name);
}

/* Loads the zone @name from the tz database or an offset; see rapat_time_zone_load(). */
static GTimeZone *
zone_load_uncached (const char *name, char **canonical, GError **error)
{
  int offset;
  GTimeZone *tz = NULL;
  g_autofree char *canon = NULL;

  if (g_ascii_strcasecmp (name, "UTC") == 0 || g_strcmp0 (name, "Z") == 0)
    {
      tz = g_time_zone_new_utc ();
      canon = g_strdup ("UTC");
    }
  else if (parse_offset (name, &offset))
    {
      tz = g_time_zone_new_offset (offset);
      canon = g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+',
                               abs (offset) / 3600, (abs (offset) % 3600) / 60);
    }
  else if (zone_name_plausible (name))
    {
      const char *tzdir = g_getenv ("TZDIR");
      g_autofree char *path = g_build_filename (tzdir != NULL ? tzdir : "/usr/share/zoneinfo",
                                                name, NULL);

      if (is_tzif_file (path))
        tz = g_time_zone_new_identifier (name);
      canon = g_strdup (name);
    }
  if (tz == NULL)
    {
      g_clear_pointer (&canon, g_free);
      tz = posix_zone_load (name, &canon);
    }
  if (tz == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (name);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("zone '%s': unknown time zone (use an IANA name such as Asia/Jayapura, or an offset such as +09:00)"),
                   ex);
      return NULL;
    }
  if (canonical != NULL)
    *canonical = g_steal_pointer (&canon);
  return tz;
}

/* Sets @error to a message about a system zone that cannot be known:
 * @format (a whole sentence, saying to give --tz or set the database's
 * zone) with the value it names. */
static void G_GNUC_PRINTF (2, 3)
set_zone_unknown (GError **error, const char *format, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, format);
  msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, msg);
}

/* Returns the zone of the tz database file @path names (a path ending in
 * ".../zoneinfo/Asia/Jakarta"), or NULL when it is not one. */
static char *
zone_from_zoneinfo_path (const char *path)
{
  const char *tzdir = g_getenv ("TZDIR");
  const char *rel = NULL;
  g_autofree char *canon = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (tzdir != NULL && g_str_has_prefix (path, tzdir) && path[strlen (tzdir)] == '/')
    rel = path + strlen (tzdir) + 1;
  else if (strstr (path, "/zoneinfo/") != NULL)
    rel = g_strrstr (path, "/zoneinfo/") + strlen ("/zoneinfo/");
  if (rel != NULL && g_str_has_prefix (rel, "posix/"))
    rel += strlen ("posix/");
  if (rel == NULL || !zone_name_plausible (rel))
    return NULL;
  tz = rapat_time_zone_load (rel, &canon, NULL);
  return tz != NULL ? g_steal_pointer (&canon) : NULL;
}

/* Returns the zone the system file @localtime stands for: the tz database
 * file it links to, or, when it is a copy, the zone @timezone_file names. */
static char *
zone_from_localtime (const char *localtime, const char *timezone_file, GError **error)
{
  g_autofree char *target = g_file_read_link (localtime, NULL);
  g_autofree char *contents = NULL;
  char *name = NULL;

  if (target != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (localtime);
      g_autofree char *abs = g_path_is_absolute (target)
                             ? g_strdup (target) : g_build_filename (dir, target, NULL);
      g_autofree char *clean = g_canonicalize_filename (abs, NULL);

      name = zone_from_zoneinfo_path (clean);
      if (name == NULL)
        set_zone_unknown (error, _("zone file '%s': links to no zone of the tz database, so the system's zone is unknown; give --tz ZONE, or set the database's zone with 'rapat config set tz ZONE'"),
                          localtime);
      return name;
    }
  if (!g_file_test (localtime, G_FILE_TEST_EXISTS))
    {
      set_zone_unknown (error, _("zone file '%s': missing, so the system's zone is unknown; give --tz ZONE, or set the database's zone with 'rapat config set tz ZONE'"),
                        localtime);
      return NULL;
    }
  if (!is_tzif_file (localtime))
    {
      set_zone_unknown (error, _("zone file '%s': not a file of the tz database, so the system's zone is unknown; give --tz ZONE, or set the database's zone with 'rapat config set tz ZONE'"),
                        localtime);
      return NULL;
    }
  /* A copy of a zone file does not say which zone it is; Debian names it
   * in /etc/timezone. */
  if (timezone_file != NULL && g_file_get_contents (timezone_file, &contents, NULL, NULL))
    {
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (g_strstrip (contents), &name, NULL);

      if (tz != NULL)
        return name;
      g_clear_pointer (&name, g_free);
    }
  set_zone_unknown (error, _("zone file '%s': a copy of a zone file that nothing names, so the system's zone is unknown; give --tz ZONE, or set the database's zone with 'rapat config set tz ZONE'"),
                    localtime);
  return NULL;
}

char *
rapat_time_zone_from_env (const char *tz_env, const char *localtime, const char *timezone_file,
                          GError **error)
{
  const char *name = tz_env;
  g_autoptr(GTimeZone) tz = NULL;
  char *canon = NULL;

  if (name == NULL)
    return zone_from_localtime (localtime, timezone_file, error);
  if (*name == ':')
    name++;
  if (*name == '/')
    {
      /* A file: the system's own, or one of the tz database. */
      if (strcmp (name, localtime) == 0)
        return zone_from_localtime (localtime, timezone_file, error);
      if (strstr (name, "/../") == NULL && strstr (name, "/./") == NULL)
        canon = zone_from_zoneinfo_path (name);
      if (canon == NULL)
        {
          g_autofree char *ex = rapat_text_excerpt (tz_env);
          set_zone_unknown (error, _("TZ '%s': not a file of the tz database, so the system's zone is unknown; give --tz ZONE, or set the database's zone with 'rapat config set tz ZONE'"),
                            ex);
        }
      return canon;
    }
  if (*name != '\0')
    tz = rapat_time_zone_load (name, &canon, NULL);
  if (tz == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (tz_env);
      set_zone_unknown (error, _("TZ '%s': not a time zone rapat can read, so the system's zone is unknown; give --tz ZONE, or set the database's zone with 'rapat config set tz ZONE'"),
                        ex);
    }
  return canon;
}

/* Adds to @names the zone names of the tz database's tzdata.zi at @path
 * (its "Z NAME ..." and "L TARGET NAME" lines); FALSE when it cannot be read. */
static gboolean
zone_names_from_zi (const char *path, GHashTable *names)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;

      if (lines[i][0] != 'Z' && lines[i][0] != 'L')
        continue;
      f = g_strsplit (lines[i], " ", 0);
      if (f[0] != NULL && f[1] != NULL && strcmp (f[0], "Z") == 0)
        g_hash_table_add (names, g_strdup (f[1]));
      else if (f[0] != NULL && f[1] != NULL && f[2] != NULL && strcmp (f[0], "L") == 0)
        g_hash_table_add (names, g_strdup (f[2]));
    }
  return TRUE;
}

/* Adds to @names the zones of the table zone1970.tab or zone.tab at @path
 * (the third tab-separated field); FALSE when it cannot be read. */
static gboolean
zone_names_from_tab (const char *path, GHashTable *names)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = lines[i][0] != '#' ? g_strsplit (lines[i], "\t", 4) : NULL;

      if (f != NULL && f[0] != NULL && f[1] != NULL && f[2] != NULL)
        g_hash_table_add (names, g_strdup (f[2]));
    }
  return TRUE;
}

/* Orders zone names for g_ptr_array_sort(). */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
rapat_time_zone_names (void)
{
  const char *tzdir = g_getenv ("TZDIR");
  const char *dir = tzdir != NULL && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo";
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *zi = g_build_filename (dir, "tzdata.zi", NULL);
  g_autofree char *tab1970 = g_build_filename (dir, "zone1970.tab", NULL);
  g_autofree char *tab = g_build_filename (dir, "zone.tab", NULL);
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;

  if (!zone_names_from_zi (zi, names) && !zone_names_from_tab (tab1970, names))
    zone_names_from_tab (tab, names);
  g_hash_table_add (names, g_strdup ("UTC"));
  g_hash_table_iter_init (&it, names);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (list, g_strdup (key));
  g_ptr_array_sort (list, compare_names);
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

char *
rapat_time_zone_default (GError **error)
{
  return rapat_time_zone_from_env (g_getenv ("TZ"), "/etc/localtime", "/etc/timezone", error);
}

/* Returns why @y-@m-@d is not a date this program accepts, or NULL if it is
 * one; *@code says whether it is no date at all (RAPAT_ERROR_MALFORMED) or
 * one out of rapat's range (RAPAT_ERROR_INVALID). */
static char *
date_problem (int y, int m, int d, int *code)
{
  *code = RAPAT_ERROR_MALFORMED;
  if (y < RAPAT_YEAR_MIN || y > RAPAT_YEAR_MAX)
    {
      *code = RAPAT_ERROR_INVALID;
      return g_strdup (_("rapat keeps dates from 1900 to 9998"));
    }
  if (m < 1 || m > 12)
    return g_strdup (_("month must be 01 to 12"));
  if (d < 1 || d > g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y))
    return g_strdup_printf (_("no such date (%s %d has %d days)"), _(month_names[m]), y,
                            g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
  return NULL;
}

/* Reads "YYYY-MM-DD" at *@p, advancing it; FALSE if the shape is wrong. */
static gboolean
read_date (const char **p, int *y, int *m, int *d)
{
  return read_digits (p, 4, y) && *(*p)++ == '-' && read_digits (p, 2, m) && *(*p)++ == '-'
         && read_digits (p, 2, d);
}

gboolean
rapat_time_parse_date (const char *what, const char *text, int *year, int *month, int *day,
                       GError **error)
{
  const char *p = text;
  int y, m, d, code;
  g_autofree char *ex = rapat_text_excerpt (text);
  g_autofree char *problem = NULL;

  if (!read_date (&p, &y, &m, &d) || *p != '\0')
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': expected a date YYYY-MM-DD"), what, ex);
      return FALSE;
    }
  problem = date_problem (y, m, d, &code);
  if (problem != NULL)
    {
      g_set_error (error, RAPAT_ERROR, code, "%s '%s': %s", what, ex, problem);
      return FALSE;
    }
  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

/* Parses "HH:MM" at the start of @p into hour and minute; sets a message
 * naming @what and @text on failure.  *@p is advanced past the time. */
static gboolean
parse_hhmm (const char *what, const char *text, const char **p, int *hour, int *minute,
            GError **error)
{
  int h, m;
  g_autofree char *ex = rapat_text_excerpt (text);

  if (!read_digits (p, 2, &h) || *(*p)++ != ':' || !read_digits (p, 2, &m))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': expected a time HH:MM"), what, ex);
      return FALSE;
    }
  if (h > 23)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': hour must be 00 to 23"), what, ex);
      return FALSE;
    }
  if (m > 59)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': minute must be 00 to 59"), what, ex);
      return FALSE;
    }
  *hour = h;
  *minute = m;
  return TRUE;
}

gboolean
rapat_time_parse_clock (const char *what, const char *text, int *minutes, GError **error)
{
  const char *p = text;
  int h, m;

  if (!parse_hhmm (what, text, &p, &h, &m, error))
    return FALSE;
  if (*p != '\0')
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': expected a time HH:MM"), what, ex);
      return FALSE;
    }
  *minutes = h * 60 + m;
  return TRUE;
}

void
rapat_time_parsed_clear (RapatTimeParsed *parsed)
{
  g_free (parsed->warning);
  memset (parsed, 0, sizeof *parsed);
}

/* Writes the offset @seconds east of UTC as "+HH:MM" (seconds dropped:
 * offsets of DST changes are whole minutes). */
static char *
format_offset (int seconds)
{
  int a = abs (seconds);

  return g_strdup_printf ("%c%02d:%02d", seconds < 0 ? '-' : '+', a / 3600, a % 3600 / 60);
}

/* Returns the offset east of UTC in force in @tz at @utc, in seconds. */
static int
offset_at (gint64 utc, GTimeZone *tz)
{
  return (int) (rapat_time_local (utc, tz) - utc);
}

/* Returns the warning for the wall time @text (its "YYYY-MM-DD HH:MM"
 * part is @wall) that occurs twice in @tz: which instant was taken, and how
 * to write the other. */
static char *
repeat_warning (const char *what, const char *text, const char *wall, GTimeZone *tz,
                gint64 first, gint64 later)
{
  g_autofree char *ex = rapat_text_excerpt (text);
  g_autofree char *abbrev1 = rapat_time_abbrev (first, tz);
  g_autofree char *abbrev2 = rapat_time_abbrev (later, tz);
  g_autofree char *off1 = format_offset (offset_at (first, tz));
  g_autofree char *off2 = format_offset (offset_at (later, tz));
  const char *zone = g_time_zone_get_identifier (tz);

  /* TRANSLATORS: "start '2026-10-25 02:30' occurs twice in zone
   * Europe/Berlin (clocks go back); taken as the first, CEST (UTC+02:00);
   * for the second, CET (UTC+01:00), write '2026-10-25 02:30+01:00'". */
  return g_strdup_printf (_("%s '%s' occurs twice in zone %s (clocks go back); taken as the first, %s (UTC%s); for the second, %s (UTC%s), write '%s%s'"),
                          what, ex, zone, abbrev1, off1, abbrev2, off2, wall, off2);
}

gboolean
rapat_time_parse_datetime (const char *what, const char *text, GTimeZone *tz, gint64 *out,
                           RapatTimeParsed *parsed, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (text);
  g_autofree char *problem = NULL;
  RapatLocalFields wall = { 0 };
  RapatWallKind kind = RAPAT_WALL_UNIQUE;
  const char *p = text;
  gboolean has_offset = FALSE;
  int offset = 0, code;
  gint64 first, later;

  if (!read_date (&p, &wall.year, &wall.month, &wall.day) || (*p != ' ' && *p != 'T'))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': expected YYYY-MM-DD HH:MM"), what, ex);
      return FALSE;
    }
  p++;
  problem = date_problem (wall.year, wall.month, wall.day, &code);
  if (problem != NULL)
    {
      g_set_error (error, RAPAT_ERROR, code, "%s '%s': %s", what, ex, problem);
      return FALSE;
    }
  if (!parse_hhmm (what, text, &p, &wall.hour, &wall.minute, error))
    return FALSE;
  if (*p == ' ')
    p++;
  if (*p == 'Z' && p[1] == '\0')
    has_offset = TRUE;
  else if (parse_offset (p, &offset))
    has_offset = TRUE;
  else if (*p != '\0')
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("%s '%s': unexpected text after the time (an offset looks like +09:00)"),
                   what, ex);
      return FALSE;
    }

  if (has_offset)
    {
      /* An offset names exactly one instant, whatever @tz says. */
      g_autoptr(GTimeZone) fixed = g_time_zone_new_offset (offset);

      if (!rapat_time_from_wall (fixed, &wall, NULL, &first, NULL))
        g_return_val_if_reached (FALSE);  /* the date was checked above */
      later = first;
    }
  else
    {
      if (!rapat_time_from_wall (tz, &wall, &kind, &first, &later))
        g_return_val_if_reached (FALSE);
      if (kind == RAPAT_WALL_SKIPPED)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("%s '%s': this time does not exist in zone %s (daylight-saving change)"),
                       what, ex, g_time_zone_get_identifier (tz));
          return FALSE;
        }
    }
  /* Years 1900..9998 at an offset of at most 14 h (or a zone's, at most
   * 26 h) are always in range; checked all the same, as callers rely on it. */
  if (!rapat_time_in_range (first))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': rapat keeps dates from 1900 to 9998"), what, ex);
      return FALSE;
    }
  *out = first;
  if (parsed != NULL)
    {
      rapat_time_parsed_clear (parsed);
      parsed->had_offset = has_offset;
      parsed->repeated = kind == RAPAT_WALL_REPEATED;
      parsed->later = later;
      if (parsed->repeated)
        {
          /* The date and time as typed, without an offset: 16 characters. */
          g_autofree char *typed = g_strndup (text, 16);
          parsed->warning = repeat_warning (what, text, typed, tz, first, later);
        }
    }
  return TRUE;
}

gboolean
rapat_time_parse_day (const char *what, const char *text, GTimeZone *tz, int add_days,
                      gint64 *out, GError **error)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) moved = NULL;

  if (!rapat_time_parse_date (what, text, &y, &m, &d, error))
    return FALSE;
  day = g_date_time_new (tz, y, m, d, 0, 0, 0);
  moved = day != NULL ? g_date_time_add_days (day, add_days) : NULL;
  if (moved == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': outside the supported range"), what, ex);
      return FALSE;
    }
  *out = g_date_time_to_unix (moved);
  return TRUE;
}

gboolean
rapat_time_parse_duration (const char *what, const char *text, int max_minutes, int *minutes,
                           GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (text);
  const char *p = text;
  gint64 total = 0;
  gboolean seen_h = FALSE, seen_m = FALSE;

  while (*p != '\0')
    {
      gint64 v = 0;
      int ndigits = 0;

      while (*p >= '0' && *p <= '9')
        {
          v = v * 10 + (*p - '0');
          p++;
          if (++ndigits > 6)
            break;
        }
      if (ndigits == 0 || ndigits > 6)
        goto bad;
      if ((*p == 'h' || *p == 'H') && !seen_h && !seen_m)
        {
          seen_h = TRUE;
          total += v * 60;
        }
      else if ((*p == 'm' || *p == 'M') && !seen_m)
        {
          seen_m = TRUE;
          total += v;
        }
      else
        goto bad;
      p++;
      if (*p == ' ' && seen_h && !seen_m && p[1] >= '0' && p[1] <= '9')
        p++;
    }
  if (!seen_h && !seen_m)
    goto bad;
  if (total < 1)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': must be at least one minute"), what, ex);
      return FALSE;
    }
  if (total > max_minutes)
    {
      g_autofree char *max = rapat_time_format_duration (max_minutes);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': longer than the limit of %s"), what, ex, max);
      return FALSE;
    }
  *minutes = (int) total;
  return TRUE;

bad:
  if (text[0] == '-')
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                 _("%s '%s': must be positive"), what, ex);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                 _("%s '%s': expected a duration such as 90m, 2h or 2h30m"), what, ex);
  return FALSE;
}

char *
rapat_time_format_duration (gint64 minutes)
{
  if (minutes < 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT "m", minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "h", minutes / 60);
  return g_strdup_printf ("%" G_GINT64_FORMAT "h%02" G_GINT64_FORMAT "m", minutes / 60, minutes % 60);
}

gint64
rapat_time_local (gint64 utc, GTimeZone *tz)
{
  int interval;

  /* Offsets are below a day: only there could the sum overflow. */
  if (utc < G_MININT64 + 86400 || utc > G_MAXINT64 - 86400)
    return utc;
  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
  return utc + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
}

gboolean
rapat_time_fields (gint64 utc, GTimeZone *tz, RapatLocalFields *out)
{
  gint64 local, days, secs, z, era, doe, yoe, doy, mp;

  /* Far outside years 1..9999 GLib's interval search is pointless, and a
   * day's margin keeps any offset of a real zone inside. */
  if (utc < G_GINT64_CONSTANT (-62135596800) - 2 * 86400
      || utc > G_GINT64_CONSTANT (253402300799) + 2 * 86400)
    return FALSE;
  local = rapat_time_local (utc, tz);
  if (local < G_GINT64_CONSTANT (-62135596800) || local > G_GINT64_CONSTANT (253402300799))
    return FALSE;
  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  secs = local - days * 86400;
  /* The civil date of a day number (days from 1970-01-01), after Howard Hinnant. */
  z = days + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  out->day = (int) (doy - (153 * mp + 2) / 5 + 1);
  out->month = (int) (mp < 10 ? mp + 3 : mp - 9);
  out->year = (int) (yoe + era * 400 + (out->month <= 2));
  out->hour = (int) (secs / 3600);
  out->minute = (int) (secs / 60 % 60);
  out->second = (int) (secs % 60);
  return TRUE;
}

/* Returns the number of days from 1970-01-01 to the civil date @y-@m-@d
 * (proleptic Gregorian), after Howard Hinnant: the inverse of the
 * computation in rapat_time_fields(). */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gboolean
rapat_time_from_wall (GTimeZone *tz, const RapatLocalFields *wall, RapatWallKind *kind,
                      gint64 *first, gint64 *later)
{
  gint64 local, lo = G_MAXINT64, hi = G_MININT64;
  int before;

  if (wall->year < 1 || wall->year > 9999 || wall->month < 1 || wall->month > 12
      || wall->day < 1
      || wall->day > g_date_get_days_in_month ((GDateMonth) wall->month, (GDateYear) wall->year)
      || wall->hour < 0 || wall->hour > 23 || wall->minute < 0 || wall->minute > 59
      || wall->second < 0 || wall->second > 59)
    return FALSE;
  local = days_from_civil (wall->year, wall->month, wall->day) * 86400
          + wall->hour * 3600 + wall->minute * 60 + wall->second;
  /* Each offset in force within a day either side is a candidate: the
   * instant local - offset is a reading of the wall time when that offset
   * is really in force then.  Zero candidates: a gap; two: a repeat. */
  for (int side = -1; side <= 1; side++)
    {
      gint64 probe = local + side * 86400;
      gint64 candidate = local - offset_at (probe, tz);

      if (rapat_time_local (candidate, tz) != local)
        continue;
      lo = MIN (lo, candidate);
      hi = MAX (hi, candidate);
    }
  if (lo <= hi)
    {
      if (kind != NULL)
        *kind = lo < hi ? RAPAT_WALL_REPEATED : RAPAT_WALL_UNIQUE;
      *first = lo;
      if (later != NULL)
        *later = hi;
      return TRUE;
    }
  /* In a gap: RFC 5545 reads it with the offset in force before the change. */
  before = offset_at (local - 86400, tz);
  if (kind != NULL)
    *kind = RAPAT_WALL_SKIPPED;
  *first = local - before;
  if (later != NULL)
    *later = *first;
  return TRUE;
}

gboolean
rapat_time_is_later_of_repeat (gint64 utc, GTimeZone *tz)
{
  RapatLocalFields wall;
  RapatWallKind kind;
  gint64 first;

  if (!rapat_time_fields (utc, tz, &wall) || !rapat_time_from_wall (tz, &wall, &kind, &first, NULL))
    return FALSE;
  return kind == RAPAT_WALL_REPEATED && first < utc;
}

gboolean
rapat_time_in_range (gint64 t)
{
  return t >= RAPAT_TIME_MIN && t <= RAPAT_TIME_MAX;
}

gboolean
rapat_time_check_range (const char *what, const char *text, gint64 t, GTimeZone *tz,
                        GError **error)
{
  RapatLocalFields f;
  g_autofree char *shown = NULL;
  g_autofree char *ex = NULL;

  if (rapat_time_in_range (t) && rapat_time_fields (t, tz, &f) && f.year >= RAPAT_YEAR_MIN
      && f.year <= RAPAT_YEAR_MAX)
    return TRUE;
  if (text == NULL)
    text = shown = rapat_time_format (t, tz, "%Y-%m-%d %H:%M");
  ex = rapat_text_excerpt (text);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("%s '%s': rapat keeps dates from 1900 to 9998"), what, ex);
  return FALSE;
}

char *
rapat_time_format (gint64 utc, GTimeZone *tz, const char *format)
{
  g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = u != NULL ? g_date_time_to_timezone (u, tz) : NULL;

  if (local == NULL)
    return g_strdup ("?");
  return g_date_time_format (local, format);
}

char *
rapat_time_format_iso (gint64 utc, GTimeZone *tz)
{
  return rapat_time_format (utc, tz, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
rapat_time_format_utc (gint64 utc)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  return rapat_time_format (utc, tz, "%Y-%m-%dT%H:%M:%SZ");
}

char *
rapat_time_abbrev (gint64 utc, GTimeZone *tz)
{
  /* The zone's interval, not a GDateTime: exports ask once per agenda line. */
  int interval = rapat_time_in_range (utc)
    ? g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc) : -1;
  const char *abbrev = interval >= 0 ? g_time_zone_get_abbreviation (tz, interval) : NULL;

  if (abbrev == NULL || *abbrev == '\0')
    return g_strdup ("UTC");
  /* Fixed-offset zones are named "+07:00:00" by GLib; people write "+07:00". */
  if ((abbrev[0] == '+' || abbrev[0] == '-') && strlen (abbrev) == 9 && g_str_has_suffix (abbrev, ":00"))
    return g_strndup (abbrev, 6);
  return g_strdup (abbrev);
}

gint64
rapat_time_now (void)
{
  const char *sde = g_getenv ("SOURCE_DATE_EPOCH");

  if (sde != NULL && *sde != '\0')
    {
      char *end = NULL;
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (sde, &end, 10);
      if (errno == 0 && end != NULL && *end == '\0' && v >= 0)
        return v;
    }
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
rapat_time_today (GTimeZone *tz)
{
  return rapat_time_format (rapat_time_now (), tz, "%Y-%m-%d");
}
