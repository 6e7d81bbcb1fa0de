/* rapat — VTIMEZONE text built from the zone data rapat converts with (export layer).
 *
 * GTimeZone has no list of transitions, but g_time_zone_find_interval()
 * numbers the intervals between them in order, so each transition is found
 * by galloping forward and bisecting to the second.
 *
 * How far GLib's data reaches (GLib 2.74): it reads the explicit
 * transitions of the TZif file and expands the POSIX rule of its footer
 * year by year up to 2999 (the last change it knows of is in 2998 or
 * 2999); later instants keep the offset of that last interval, standard
 * time for every zone with rules today.  rapat accepts years up to 9998,
 * so a meeting in July 3500 in Europe/Berlin is converted at +01:00.  The
 * VTIMEZONE is built from the same intervals, so it has no change after
 * 2999 either and a calendar reads the local time rapat wrote as the
 * instant rapat meant. */
#include "vtimezone.h"
#include "timeutil.h"

#include <string.h>

/* One change of a zone's observance: at instant @at (Unix seconds) the
 * offset @from gives way to @to (seconds east of UTC), with abbreviation
 * @name and daylight-saving flag @dst.  A change may keep the offset and
 * alter only the name or the flag. */
typedef struct {
  gint64 at;
  gint32 from, to;
  gboolean dst;
  char *name;
} ZoneChange;

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants searched. */
#define FIRST_INSTANT G_GINT64_CONSTANT (-62135596800)
#define LAST_INSTANT  G_GINT64_CONSTANT (253402300799)

/* How long before the start of the range the onset of the observance then
 * in force may lie and still be written as it was: a year. */
#define ONSET_REACH (366 * G_GINT64_CONSTANT (86400))

/* What a calendar can tell apart about an interval; zdump lists a change
 * of any of the three, and so does the VTIMEZONE. */
typedef struct {
  gint32 offset;
  gboolean dst;
  const char *name;   /* owned by the GTimeZone */
} Facts;

/* Returns the interval of @tz that holds instant @t. */
static int
interval_at (GTimeZone *tz, gint64 t)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
}

/* Returns the facts of interval @i of @tz. */
static Facts
facts_of (GTimeZone *tz, int i)
{
  Facts f = { g_time_zone_get_offset (tz, i), g_time_zone_is_dst (tz, i),
              g_time_zone_get_abbreviation (tz, i) };

  if (f.name == NULL)
    f.name = "";
  return f;
}

/* Returns TRUE when @a and @b read the same on a calendar. */
static gboolean
facts_equal (const Facts *a, const Facts *b)
{
  return a->offset == b->offset && a->dst == b->dst && strcmp (a->name, b->name) == 0;
}

/* Returns the first instant after @t whose interval comes after interval
 * @i (which holds @t), or LAST_INSTANT + 1 when there is none. */
static gint64
next_interval_start (GTimeZone *tz, int i, gint64 t)
{
  gint64 lo = t, hi, step = 32 * 86400;

  if (interval_at (tz, LAST_INSTANT) <= i)
    return LAST_INSTANT + 1;
  /* Transitions are months apart: gallop, then bisect the last step. */
  for (hi = t + step; hi < LAST_INSTANT && interval_at (tz, hi) <= i; hi = lo + step)
    {
      lo = hi;
      step *= 2;
    }
  hi = MIN (hi, LAST_INSTANT);
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (interval_at (tz, mid) > i)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* Returns the first instant of interval @i, which holds @t, or
 * FIRST_INSTANT - 1 when it began before FIRST_INSTANT. */
static gint64
interval_start (GTimeZone *tz, int i, gint64 t)
{
  gint64 lo = FIRST_INSTANT, hi = t;

  if (interval_at (tz, FIRST_INSTANT) >= i)
    return FIRST_INSTANT - 1;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (interval_at (tz, mid) >= i)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* Frees the name of a ZoneChange (the array's clear function). */
static void
zone_change_clear (gpointer p)
{
  g_free (((ZoneChange *) p)->name);
}

/* Appends the change at @at from offset @from to the observance @f. */
static void
add_change (GArray *changes, gint64 at, gint32 from, const Facts *f)
{
  ZoneChange c = { at, from, f->offset, f->dst, g_strdup (f->name) };

  g_array_append_val (changes, c);
}

/* Returns the changes of zone @tz (a GTimeZone) that a calendar needs for
 * instants @from to @to: first the change that began the observance in
 * force at @from when it lies less than a year before @from (otherwise a
 * change at the local midnight before @from whose offsets before and after
 * are equal), then every change up to @to, then the first change after
 * @to, so that a calendar covering only summer still names both
 * observances.  The array owns its elements; it is never empty. */
static GArray *
zone_changes (GTimeZone *tz, gint64 from, gint64 to)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (ZoneChange));
  int i, first;
  Facts f;
  gint64 t, start;

  g_array_set_clear_func (changes, zone_change_clear);
  from = CLAMP (from, FIRST_INSTANT, LAST_INSTANT);
  to = CLAMP (to, from, LAST_INSTANT);
  i = first = interval_at (tz, from);
  f = facts_of (tz, i);

  /* Back to the change that began what is in force at @from: intervals
   * that read the same (a transition that altered nothing a calendar shows)
   * are one observance. */
  start = interval_start (tz, first, from);
  while (start >= FIRST_INSTANT)
    {
      Facts before = facts_of (tz, first - 1);

      if (!facts_equal (&before, &f))
        break;
      first--;
      start = interval_start (tz, first, start - 1);
    }
  /* A zone that changes its clocks gets the real onset, so that a year's
   * export is one STANDARD and one DAYLIGHT; one that last changed long
   * ago starts at @from, without a history of local-mean-time offsets in
   * seconds that a calendar would only stumble over. */
  if (start >= FIRST_INSTANT && from - start <= ONSET_REACH)
    {
      Facts before = facts_of (tz, interval_at (tz, start - 1));
      add_change (changes, start, before.offset, &f);
    }
  else
    {
      gint64 local = from + f.offset;
      gint64 midnight = local - (((local % 86400) + 86400) % 86400);

      add_change (changes, MAX (midnight - f.offset, FIRST_INSTANT), f.offset, &f);
    }

  /* Every change up to @to, and the first one after it. */
  for (t = from;;)
    {
      Facts next;

      t = next_interval_start (tz, i, t);
      if (t > LAST_INSTANT)
        break;
      i = interval_at (tz, t);
      next = facts_of (tz, i);
      if (facts_equal (&next, &f))
        continue;
      add_change (changes, t, f.offset, &next);
      f = next;
      if (t > to)
        break;
    }
  return changes;
}

/* Appends a UTC offset as RFC 5545 writes it: "+0530", "-0300", "+0000",
 * with seconds only when there are some (local mean time). */
static void
append_offset (GString *s, gint32 offset)
{
  gint32 a = ABS (offset);

  g_string_append_printf (s, "%c%02d%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  if (a % 60 != 0)
    g_string_append_printf (s, "%02d", a % 60);
}

/* Appends "NAME:YYYYMMDDTHHMMSS\r\n", the local time of the onset of @c in
 * the offset in force before it. */
static void
append_onset (GString *s, const char *name, const ZoneChange *c)
{
  g_autoptr(GDateTime) d = g_date_time_new_from_unix_utc (c->at + c->from);
  int y, mo, da;

  g_date_time_get_ymd (d, &y, &mo, &da);
  g_string_append_printf (s, "%s:%04d%02d%02dT%02d%02d%02d\r\n", name, y, mo, da,
                          g_date_time_get_hour (d), g_date_time_get_minute (d),
                          g_date_time_get_second (d));
}

/* Appends a TEXT value with RFC 5545's escapes (tz abbreviations are
 * letters, digits and signs; this only guards against a surprise). */
static void
append_text (GString *s, const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '\\' || *c == ',' || *c == ';')
        g_string_append_c (s, '\\');
      if ((guchar) *c >= 0x20 && (guchar) *c < 0x7F)
        g_string_append_c (s, *c);
    }
}

/* Returns TRUE when @a and @b belong in one sub-component. */
static gboolean
same_observance (const ZoneChange *a, const ZoneChange *b)
{
  return a->dst == b->dst && a->from == b->from && a->to == b->to && strcmp (a->name, b->name) == 0;
}

char *
rapat_vtimezone_build (const char *tzid, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (tzid, NULL, error);
  g_autoptr(GArray) changes = NULL;
  g_autofree gboolean *done = NULL;
  GString *s;

  if (tz == NULL)
    return NULL;
  changes = zone_changes (tz, from, to);
  done = g_new0 (gboolean, changes->len);
  s = g_string_new ("BEGIN:VTIMEZONE\r\nTZID:");
  append_text (s, tzid);
  g_string_append (s, "\r\n");
  /* Sub-components in the order of their first onset, so that the text
   * reads as a history. */
  for (guint i = 0; i < changes->len; i++)
    {
      const ZoneChange *c = &g_array_index (changes, ZoneChange, i);
      const char *kind = c->dst ? "DAYLIGHT" : "STANDARD";

      if (done[i])
        continue;
      g_string_append_printf (s, "BEGIN:%s\r\n", kind);
      append_onset (s, "DTSTART", c);
      g_string_append (s, "TZOFFSETFROM:");
      append_offset (s, c->from);
      g_string_append (s, "\r\nTZOFFSETTO:");
      append_offset (s, c->to);
      g_string_append (s, "\r\n");
      if (c->name[0] != '\0')
        {
          g_string_append (s, "TZNAME:");
          append_text (s, c->name);
          g_string_append (s, "\r\n");
        }
      for (guint j = i + 1; j < changes->len; j++)
        {
          const ZoneChange *d = &g_array_index (changes, ZoneChange, j);

          if (!done[j] && same_observance (c, d))
            {
              append_onset (s, "RDATE", d);
              done[j] = TRUE;
            }
        }
      g_string_append_printf (s, "END:%s\r\n", kind);
    }
  g_string_append (s, "END:VTIMEZONE\r\n");
  return g_string_free (s, FALSE);
}
