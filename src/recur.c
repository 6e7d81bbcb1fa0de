/* rapat — recurring meetings: rules and their expansion with libical (core layer). */
#include "recur.h"
#include "text.h"
#include "timeutil.h"

#include "ical.h"
#include <stdlib.h>
#include <string.h>

/* Returns the rule @text parsed by libical, or FALSE with @error set. */
static gboolean
parse_rule (const char *text, struct icalrecurrencetype *out, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (text);

  icalerror_clear_errno ();
  *out = icalrecurrencetype_from_string (text);
  if (out->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': not a recurrence rule (use daily, weekly, monthly, yearly, or an RRULE such as FREQ=WEEKLY;BYDAY=MO)"),
                   ex);
      return FALSE;
    }
  if (out->freq == ICAL_SECONDLY_RECURRENCE || out->freq == ICAL_MINUTELY_RECURRENCE
      || out->freq == ICAL_HOURLY_RECURRENCE)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': meetings repeat daily at most"), ex);
      return FALSE;
    }
  return TRUE;
}

char *
rapat_recur_rule (const char *repeat, const char *until_day, gint64 count, GTimeZone *tz,
                  GError **error)
{
  static const char *const shorthands[][2] = {
    { "daily", "FREQ=DAILY" }, { "weekly", "FREQ=WEEKLY" }, { "monthly", "FREQ=MONTHLY" },
    { "yearly", "FREQ=YEARLY" },
  };
  const char *text = repeat;
  struct icalrecurrencetype rule;
  g_autofree char *upper = NULL;
  char *out;

  if (!rapat_ical_load (error))
    return NULL;

  if (until_day != NULL && count > 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("repeat '%s': give --until or --count, not both"), repeat);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (shorthands); i++)
    if (g_ascii_strcasecmp (repeat, shorthands[i][0]) == 0)
      text = shorthands[i][1];
  upper = g_ascii_strup (g_str_has_prefix (text, "RRULE:") ? text + 6 : text, -1);
  if (!rapat_text_check (_("repeat"), upper, RAPAT_TEXT_LINE | RAPAT_TEXT_REQUIRED, 400, error)
      || !parse_rule (upper, &rule, error))
    return NULL;
  if ((until_day != NULL || count > 0)
      && (!icaltime_is_null_time (rule.until) || rule.count > 0))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("repeat '%s': already says when it ends; leave out --until and --count"), repeat);
      return NULL;
    }
  if (!icaltime_is_null_time (rule.until) && !icaltime_is_utc (rule.until))
    {
      /* RFC 5545: with a zoned start, UNTIL is UTC.  A date means the end of
       * that day, a local time that time, both in the meeting's zone. */
      gint64 end;
      g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", rule.until.year, rule.until.month,
                                              rule.until.day);

      if (rule.until.is_date)
        {
          if (!rapat_time_parse_day (_("until"), day, tz, 1, &end, error))
            return NULL;
          end -= 1;
        }
      else
        {
          g_autofree char *when = g_strdup_printf ("%s %02d:%02d", day, rule.until.hour,
                                                   rule.until.minute);
          if (!rapat_time_parse_datetime (_("until"), when, tz, &end, NULL, error))
            return NULL;
        }
      rule.until = icaltime_from_timet_with_zone ((time_t) end, 0, icaltimezone_get_utc_timezone ());
    }
  if (until_day != NULL)
    {
      gint64 end;
      /* UNTIL is an instant in UTC (RFC 5545 for zoned starts): the end of the day. */
      if (!rapat_time_parse_day (_("until"), until_day, tz, 1, &end, error))
        return NULL;
      rule.until = icaltime_from_timet_with_zone ((time_t) (end - 1), 0,
                                                  icaltimezone_get_utc_timezone ());
    }
  else if (count > 0)
    rule.count = (int) count;
  if (icaltime_is_null_time (rule.until) && rule.count <= 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("repeat '%s': give --until DATE or --count N, so the series ends"), repeat);
      return NULL;
    }
  out = icalrecurrencetype_as_string_r (&rule);
  {
    char *copy = g_strdup (out);
    free (out);
    return copy;
  }
}

/* Places the wall-clock time @t in @tz as RFC 5545 says: a time that
 * occurs twice (the hour repeated when clocks go back) is the first one; a
 * time that does not occur (the hour skipped when clocks go forward) is
 * read with the offset in force before the change. */
static gboolean
wall_to_instant (GTimeZone *tz, const struct icaltimetype *t, gint64 *out)
{
  g_autoptr(GDateTime) naive = g_date_time_new_utc (t->year, t->month, t->day, t->hour,
                                                    t->minute, t->second);
  gint64 as_utc, best = G_MAXINT64;

  if (naive == NULL)
    return FALSE;
  as_utc = g_date_time_to_unix (naive);
  /* The offsets in force a day before and a day after cover any change. */
  for (int side = -1; side <= 1; side += 2)
    {
      int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, as_utc + side * 86400);
      gint64 candidate, back;

      if (interval < 0)
        continue;
      candidate = as_utc - g_time_zone_get_offset (tz, interval);
      interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, candidate);
      back = interval >= 0 ? candidate + g_time_zone_get_offset (tz, interval) : G_MININT64;
      if (back == as_utc && candidate < best)
        best = candidate;
    }
  if (best == G_MAXINT64)
    {
      /* In a gap: the offset before the change. */
      int before = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, as_utc - 86400);
      if (before < 0)
        return FALSE;
      best = as_utc - g_time_zone_get_offset (tz, before);
    }
  *out = best;
  return TRUE;
}

GArray *
rapat_recur_expand (const char *rule_text, gint64 start_utc, GTimeZone *tz, GError **error)
{
  struct icalrecurrencetype rule;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (start_utc);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (u, tz);
  struct icaltimetype start;
  icalrecur_iterator *it;
  gint64 until = G_MAXINT64;

  if (!rapat_ical_load (error))
    return NULL;
  start = icaltime_null_time ();

  if (!parse_rule (rule_text, &rule, error))
    return NULL;
  /* Expand in floating wall-clock time and place each occurrence in the
   * zone ourselves: 09:00 stays 09:00 on both sides of a DST change.
   * UNTIL (UTC) is checked here rather than by libical, which would
   * compare it with floating times. */
  if (!icaltime_is_null_time (rule.until))
    {
      until = icaltime_as_timet_with_zone (rule.until, icaltimezone_get_utc_timezone ());
      rule.until = icaltime_null_time ();
    }
  start.year = g_date_time_get_year (local);
  start.month = g_date_time_get_month (local);
  start.day = g_date_time_get_day_of_month (local);
  start.hour = g_date_time_get_hour (local);
  start.minute = g_date_time_get_minute (local);
  start.second = g_date_time_get_second (local);
  it = icalrecur_iterator_new (rule, start);
  if (it == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (rule_text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("repeat '%s': cannot be expanded"), ex);
      return NULL;
    }
  for (struct icaltimetype t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
       t = icalrecur_iterator_next (it))
    {
      gint64 v;

      if (!wall_to_instant (tz, &t, &v))
        continue;
      if (v > until)
        break;
      if (out->len >= RAPAT_MAX_OCCURRENCES)
        {
          icalrecur_iterator_free (it);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("repeat '%s': more than %d occurrences; end the series sooner"),
                       rule_text, RAPAT_MAX_OCCURRENCES);
          return NULL;
        }
      g_array_append_val (out, v);
    }
  icalrecur_iterator_free (it);
  if (out->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': gives no occurrence from the start on"), rule_text);
      return NULL;
    }
  return g_steal_pointer (&out);
}
