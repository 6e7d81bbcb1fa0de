/* rapat — times for people: instants, ranges, days and zones (core layer). */
#include "when.h"
#include "lang.h"
#include "timeutil.h"

#include <stdio.h>

/* Day and month names of the languages a sign-in sheet is printed in,
 * whatever the locale (GLib's names follow the locale). */
static const char *const id_days[] = {
  NULL, "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
};
static const char *const id_months[] = {
  NULL, "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
  "September", "Oktober", "November", "Desember",
};
static const char *const en_days[] = {
  NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const en_months[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};
/* English for tables and messages, "Tue 2 Sep 2025": rapat's own names,
 * not the C library's, which follow LC_TIME and would put "Sel" into an
 * English line on a machine set to Indonesian. */
static const char *const en_days_short[] = {
  NULL, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};
static const char *const en_months_short[] = {
  NULL, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* Returns the form RAPAT_WHEN_LOCALE stands for now: Indonesian when the
 * output speaks it (see rapat_lang_use()), else RAPAT_WHEN_LOCALE itself,
 * which then means English in the short form of tables. */
static RapatWhenLang
resolve (RapatWhenLang lang)
{
  if (lang == RAPAT_WHEN_LOCALE && rapat_lang () == RAPAT_LANG_ID)
    return RAPAT_WHEN_INDONESIAN;
  return lang;
}

GTimeZone *
rapat_when_zone (const char *tzid)
{
  GTimeZone *tz = tzid != NULL ? rapat_time_zone_load (tzid, NULL, NULL) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

GTimeZone *
rapat_when_meeting_zone (const RapatMeeting *m)
{
  return rapat_when_zone (m->tzid);
}

char *
rapat_when_day (gint64 utc, GTimeZone *tz)
{
  return rapat_time_format (utc, tz, "%Y-%m-%d");
}

char *
rapat_when_clock (gint64 utc, GTimeZone *tz)
{
  /* Indonesian writes the time of day with a full stop, "09.00". */
  return rapat_time_format (utc, tz, rapat_lang () == RAPAT_LANG_ID ? "%H.%M" : "%H:%M");
}

char *
rapat_when_instant (gint64 utc, GTimeZone *tz)
{
  return rapat_time_format (utc, tz, "%Y-%m-%d %H:%M");
}

char *
rapat_when_instant_zoned (gint64 utc, GTimeZone *tz)
{
  g_autofree char *at = rapat_when_instant (utc, tz);
  g_autofree char *abbrev = rapat_time_abbrev (utc, tz);

  return g_strdup_printf ("%s %s", at, abbrev);
}

char *
rapat_when_date (gint64 utc, GTimeZone *tz, RapatWhenLang lang)
{
  g_autoptr(GDateTime) u = NULL;
  g_autoptr(GDateTime) d = NULL;
  int dow, mon;

  lang = resolve (lang);
  u = g_date_time_new_from_unix_utc (utc);
  d = u != NULL ? g_date_time_to_timezone (u, tz) : NULL;
  if (d == NULL)
    return g_strdup ("?");
  dow = g_date_time_get_day_of_week (d);
  mon = g_date_time_get_month (d);
  if (lang == RAPAT_WHEN_INDONESIAN)
    return g_strdup_printf ("%s, %d %s %d", id_days[dow], g_date_time_get_day_of_month (d),
                            id_months[mon], g_date_time_get_year (d));
  if (lang == RAPAT_WHEN_LOCALE)
    return g_strdup_printf ("%s %d %s %d", en_days_short[dow], g_date_time_get_day_of_month (d),
                            en_months_short[mon], g_date_time_get_year (d));
  return g_strdup_printf ("%s %d %s %d", en_days[dow], g_date_time_get_day_of_month (d),
                          en_months[mon], g_date_time_get_year (d));
}

/* The pieces every form of a range is built from, computed once. */
typedef struct {
  char *date1, *date2;      /* for people, in the range's language */
  char *clock1, *clock2;
  char *abbrev1, *abbrev2;
  gboolean same_day;        /* both ends on one local day */
  gboolean same_abbrev;     /* no change of abbreviation in between */
} RangeParts;

static void
range_parts_clear (RangeParts *p)
{
  g_free (p->date1);
  g_free (p->date2);
  g_free (p->clock1);
  g_free (p->clock2);
  g_free (p->abbrev1);
  g_free (p->abbrev2);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RangeParts, range_parts_clear)

/* Fills @p for @start..@end in @tz: the dates in @lang, the clocks with a
 * full stop in Indonesian ("19.00", as the language writes them). */
static void
range_parts (RangeParts *p, gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang)
{
  const char *clock;

  lang = resolve (lang);
  clock = lang == RAPAT_WHEN_INDONESIAN ? "%H.%M" : "%H:%M";
  g_autofree char *day1 = rapat_when_day (start, tz);
  g_autofree char *day2 = rapat_when_day (end, tz);

  p->date1 = rapat_when_date (start, tz, lang);
  p->date2 = rapat_when_date (end, tz, lang);
  p->clock1 = rapat_time_format (start, tz, clock);
  p->clock2 = rapat_time_format (end, tz, clock);
  p->abbrev1 = rapat_time_abbrev (start, tz);
  p->abbrev2 = rapat_time_abbrev (end, tz);
  p->same_day = g_strcmp0 (day1, day2) == 0;
  p->same_abbrev = g_strcmp0 (p->abbrev1, p->abbrev2) == 0;
}

char *
rapat_when_range (gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang)
{
  g_auto(RangeParts) p = { 0 };

  range_parts (&p, start, end, tz, lang);
  /* One order in both languages: date, clocks, zone. */
  if (p.same_day && p.same_abbrev)
    return g_strdup_printf ("%s, %s–%s %s", p.date1, p.clock1, p.clock2, p.abbrev1);
  if (p.same_day)
    return g_strdup_printf ("%s, %s %s – %s %s", p.date1, p.clock1, p.abbrev1, p.clock2,
                            p.abbrev2);
  if (p.same_abbrev)
    return g_strdup_printf ("%s %s – %s %s %s", p.date1, p.clock1, p.date2, p.clock2,
                            p.abbrev1);
  return g_strdup_printf ("%s %s %s – %s %s %s", p.date1, p.clock1, p.abbrev1, p.date2,
                          p.clock2, p.abbrev2);
}

void
rapat_when_range_rows (gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang,
                       char **date_row, char **time_row)
{
  g_auto(RangeParts) p = { 0 };

  range_parts (&p, start, end, tz, lang);
  *date_row = p.same_day ? g_strdup (p.date1) : g_strdup_printf ("%s – %s", p.date1, p.date2);
  if (!p.same_abbrev)
    *time_row = g_strdup_printf ("%s %s – %s %s", p.clock1, p.abbrev1, p.clock2, p.abbrev2);
  else if (!p.same_day)
    /* Spaced, as the dates above are: the end belongs to the second date. */
    *time_row = g_strdup_printf ("%s – %s %s", p.clock1, p.clock2, p.abbrev1);
  else
    *time_row = g_strdup_printf ("%s–%s %s", p.clock1, p.clock2, p.abbrev1);
}

char *
rapat_when_meeting (const RapatMeeting *m, GTimeZone *tz)
{
  return rapat_when_range (m->start_utc, m->end_utc, tz, RAPAT_WHEN_LOCALE);
}

char *
rapat_when_span (gint64 start, gint64 end, const char *tzid)
{
  g_autoptr(GTimeZone) tz = rapat_when_zone (tzid);
  g_autofree char *day1 = rapat_when_day (start, tz);
  g_autofree char *day2 = rapat_when_day (end, tz);
  g_autofree char *t1 = rapat_when_clock (start, tz);
  g_autofree char *t2 = rapat_when_clock (end, tz);
  g_autofree char *ab1 = rapat_time_abbrev (start, tz);
  g_autofree char *ab2 = rapat_time_abbrev (end, tz);

  if (g_strcmp0 (day1, day2) != 0)
    return g_strdup_printf ("%s %s %s – %s %s %s", day1, t1, ab1, day2, t2, ab2);
  if (g_strcmp0 (ab1, ab2) != 0)
    return g_strdup_printf ("%s %s %s – %s %s", day1, t1, ab1, t2, ab2);
  return g_strdup_printf ("%s %s–%s %s", day1, t1, t2, ab1);
}

char *
rapat_when_clock_span (gint64 start, gint64 end, GTimeZone *tz, char **day)
{
  g_autofree char *ab = rapat_time_abbrev (start, tz);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  gint64 days = 0;
  RapatLocalFields ls, le;

  /* One conversion per instant, not a GDateTime per field. */
  if (rapat_time_fields (start, tz, &ls) && rapat_time_fields (end, tz, &le))
    {
      *day = g_strdup_printf ("%04d-%02d-%02d", ls.year, ls.month, ls.day);
      char sep = rapat_lang () == RAPAT_LANG_ID ? '.' : ':';

      t1 = g_strdup_printf ("%02d%c%02d", ls.hour, sep, ls.minute);
      t2 = g_strdup_printf ("%02d%c%02d", le.hour, sep, le.minute);
      if (ls.year != le.year || ls.month != le.month || ls.day != le.day)
        {
          GDate a, b;

          g_date_clear (&a, 1);
          g_date_clear (&b, 1);
          g_date_set_dmy (&a, ls.day, ls.month, ls.year);
          g_date_set_dmy (&b, le.day, le.month, le.year);
          days = g_date_days_between (&a, &b);
        }
    }
  else
    {
      *day = rapat_when_day (start, tz);
      t1 = rapat_when_clock (start, tz);
      t2 = rapat_when_clock (end, tz);
    }
  if (days > 0)
    return g_strdup_printf ("%s–%s+%" G_GINT64_FORMAT " %s", t1, t2, days, ab);
  return g_strdup_printf ("%s–%s %s", t1, t2, ab);
}

/* Returns the minutes since midnight of @local (rapat_time_local() seconds). */
static int
clock_minutes (gint64 local)
{
  gint64 day = local % 86400;

  return (int) ((day < 0 ? day + 86400 : day) / 60);
}

char *
rapat_when_clocks (gint64 start, gint64 end, GTimeZone *tz)
{
  int t1 = clock_minutes (rapat_time_local (start, tz));
  int t2 = clock_minutes (rapat_time_local (end, tz));
  g_autofree char *ab = rapat_time_abbrev (start, tz);

  return g_strdup_printf ("%02d:%02d–%02d:%02d %s", t1 / 60, t1 % 60, t2 / 60, t2 % 60, ab);
}

/* Returns "1 September 2025" for @d in @lang. */
static char *
letter_date (GDateTime *d, RapatWhenLang lang)
{
  int mon = g_date_time_get_month (d);

  lang = resolve (lang);
  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (d),
                          lang == RAPAT_WHEN_INDONESIAN ? id_months[mon] : en_months[mon],
                          g_date_time_get_year (d));
}

char *
rapat_when_letter_date (gint64 utc, GTimeZone *tz, RapatWhenLang lang)
{
  g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) d = u != NULL ? g_date_time_to_timezone (u, tz) : NULL;

  return d != NULL ? letter_date (d, lang) : g_strdup ("?");
}

char *
rapat_when_letter_day (const char *day, RapatWhenLang lang)
{
  int y, m, dd;
  char tail;
  g_autoptr(GDateTime) d = NULL;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3
      || (d = g_date_time_new_utc (y, m, dd, 0, 0, 0)) == NULL)
    return g_strdup (day);
  return letter_date (d, lang);
}

char *
rapat_when_clocks_lang (gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang)
{
  gint64 l1 = rapat_time_local (start, tz), l2 = rapat_time_local (end, tz);
  int t1 = clock_minutes (l1), t2 = clock_minutes (l2);
  gint64 days = (l2 - (gint64) t2 * 60) / 86400 - (l1 - (gint64) t1 * 60) / 86400;
  char sep = resolve (lang) == RAPAT_WHEN_INDONESIAN ? '.' : ':';
  g_autofree char *later = days > 0 ? g_strdup_printf ("+%" G_GINT64_FORMAT, days) : g_strdup ("");

  return g_strdup_printf ("%02d%c%02d–%02d%c%02d%s", t1 / 60, sep, t1 % 60, t2 / 60, sep, t2 % 60,
                          later);
}
