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
  else if (!icaltime_is_null_time (rule.until)
           && !rapat_time_in_range (icaltime_as_timet_with_zone (rule.until,
                                                                 icaltimezone_get_utc_timezone ())))
    {
      /* An UNTIL typed in UTC: a day or a time would have been read above,
       * where the parsers refuse years outside 1900..9998. */
      g_autofree char *ex = rapat_text_excerpt (repeat);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': UNTIL %04d-%02d-%02d is outside the dates rapat keeps, 1900 to 9998"),
                   ex, rule.until.year, rule.until.month, rule.until.day);
      return NULL;
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

/* The last year libical's recurrence iterator reaches with a 64-bit
 * time_t (MAX_TIME_T_YEAR in its icalrecur.c): it refuses a later start
 * and ends every rule there, whatever its COUNT or UNTIL says. */
#define LIBICAL_LAST_YEAR 2582

/* Sets @error for a series one of whose occurrences starts (or, with
 * @is_end, ends) on the day @t, outside the years rapat keeps. */
static void
set_out_of_range (const char *rule_text, const struct icaltimetype *t, gboolean is_end,
                  GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (rule_text);

  if (is_end)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("repeat '%s': an occurrence would end on %04d-%02d-%02d, and rapat keeps dates from 1900 to 9998"),
                 ex, t->year, t->month, t->day);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("repeat '%s': an occurrence would fall on %04d-%02d-%02d, and rapat keeps dates from 1900 to 9998"),
                 ex, t->year, t->month, t->day);
}

/* Returns TRUE when @a and @b are the same wall-clock time. */
static gboolean
same_wall (const RapatLocalFields *a, const RapatLocalFields *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day && a->hour == b->hour
         && a->minute == b->minute && a->second == b->second;
}

/* Expands @rule_text from @start_utc in @tz (see rapat_recur_expand());
 * with @length_s > 0, an occurrence whose end, @length_s seconds after its
 * start, falls after 9998 in @tz is refused as well. */
static GArray *
expand (const char *rule_text, gint64 start_utc, gint64 length_s, GTimeZone *tz, GError **error)
{
  struct icalrecurrencetype rule;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapatLocalFields local;
  struct icaltimetype start;
  icalrecur_iterator *it;
  gint64 until = G_MAXINT64;
  gboolean reached_until = FALSE;

  if (!rapat_ical_load (error))
    return NULL;
  if (!rapat_time_check_range (_("start"), NULL, start_utc, tz, error))
    return NULL;
  if (!rapat_time_fields (start_utc, tz, &local))
    g_return_val_if_reached (NULL);  /* in range, so it has fields */
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
  start.year = local.year;
  start.month = local.month;
  start.day = local.day;
  start.hour = local.hour;
  start.minute = local.minute;
  start.second = local.second;
  it = icalrecur_iterator_new (rule, start);
  if (it == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (rule_text);

      if (start.year > LIBICAL_LAST_YEAR)
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                     _("repeat '%s': a series cannot start after %d (libical expands rules no further)"),
                     ex, LIBICAL_LAST_YEAR);
      else
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("repeat '%s': cannot be expanded"), ex);
      return NULL;
    }
  for (struct icaltimetype t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
       t = icalrecur_iterator_next (it))
    {
      RapatLocalFields wall = { t.year, t.month, t.day, t.hour, t.minute, t.second };
      gint64 v;

      if (t.year > RAPAT_YEAR_MAX)
        {
          icalrecur_iterator_free (it);
          set_out_of_range (rule_text, &t, FALSE, error);
          return NULL;
        }
      /* The first occurrence is the start itself (RFC 5545: DTSTART is
       * the first instance), even when its wall time also names another
       * instant: a start given as the second 02:30 of a repeated hour
       * stays that instant.  Any other is placed as RFC 5545 reads it:
       * the earlier of a repeated time, a skipped one with the offset
       * before the change. */
      if (out->len == 0 && same_wall (&wall, &local))
        v = start_utc;
      else if (!rapat_time_from_wall (tz, &wall, NULL, &v, NULL))
        continue;
      if (v > until)
        {
          reached_until = TRUE;
          break;
        }
      if (length_s > 0 && !rapat_time_check_range (_("end"), NULL, v + length_s, tz, NULL))
        {
          g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (v + length_s);
          g_autoptr(GDateTime) l = u != NULL ? g_date_time_to_timezone (u, tz) : NULL;
          struct icaltimetype end = t;

          if (l != NULL)
            {
              end.year = g_date_time_get_year (l);
              end.month = g_date_time_get_month (l);
              end.day = g_date_time_get_day_of_month (l);
            }
          icalrecur_iterator_free (it);
          set_out_of_range (rule_text, &end, TRUE, error);
          return NULL;
        }
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
  /* A rule that ends stops at its UNTIL (checked above) or its COUNT;
   * stopping before either means libical gave up at its last year, and
   * the exported rule would say more than the meetings stored. */
  if (out->len > 0 && !reached_until
      && (until != G_MAXINT64 || (rule.count > 0 && out->len < (guint) rule.count)))
    {
      g_autofree char *ex = rapat_text_excerpt (rule_text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': the series would run past %d (libical expands rules no further); end it sooner"),
                   ex, LIBICAL_LAST_YEAR);
      return NULL;
    }
  if (out->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': gives no occurrence from the start on"), rule_text);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GArray *
rapat_recur_expand (const char *rule_text, gint64 start_utc, GTimeZone *tz, GError **error)
{
  return expand (rule_text, start_utc, 0, tz, error);
}

GArray *
rapat_recur_expand_span (const char *rule_text, gint64 start_utc, gint64 length_s,
                         GTimeZone *tz, GError **error)
{
  return expand (rule_text, start_utc, length_s, tz, error);
}
