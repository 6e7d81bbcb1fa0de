/* rapat — recurring meetings: rules and their expansion with libical (core layer). */
#include "recur.h"
#include "text.h"
#include "timeutil.h"

#include "ical.h"
#include <stdlib.h>
#include <string.h>

/* A parsed rule.  libical gives RSCALE as a string of its own, which the
 * caller frees: the cleanup below does, so every return path may leave. */
typedef struct icalrecurrencetype RecurRule;

/* Frees what @rule owns (its RSCALE name) and leaves it without one. */
static void
recur_rule_clear (RecurRule *rule)
{
  free (rule->rscale);
  rule->rscale = NULL;
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecurRule, recur_rule_clear)

/* Fails with @error if a BY list of @rule names a value twice (libical
 * would give that occurrence twice). */
static gboolean
check_no_repeats (const char *text, const RecurRule *rule, GError **error)
{
  static const struct {
    const char *name;
    gsize offset;
    int size;
  } lists[] = {
    { "BYDAY", G_STRUCT_OFFSET (RecurRule, by_day), ICAL_BY_DAY_SIZE },
    { "BYMONTHDAY", G_STRUCT_OFFSET (RecurRule, by_month_day), ICAL_BY_MONTHDAY_SIZE },
    { "BYYEARDAY", G_STRUCT_OFFSET (RecurRule, by_year_day), ICAL_BY_YEARDAY_SIZE },
    { "BYWEEKNO", G_STRUCT_OFFSET (RecurRule, by_week_no), ICAL_BY_WEEKNO_SIZE },
    { "BYMONTH", G_STRUCT_OFFSET (RecurRule, by_month), ICAL_BY_MONTH_SIZE },
    { "BYSETPOS", G_STRUCT_OFFSET (RecurRule, by_set_pos), ICAL_BY_SETPOS_SIZE },
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      const short *v = G_STRUCT_MEMBER_P (rule, lists[l].offset);

      for (int i = 0; i < lists[l].size && v[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
        for (int j = 0; j < i; j++)
          if (v[j] == v[i])
            {
              g_autofree char *ex = rapat_text_excerpt (text);
              g_autofree char *value = NULL;

              if (l == 0)
                {
                  /* libical's encoding, sign * (weekday + 8 * position),
                   * Sunday = 1, decoded here: libical is reached through
                   * the table of src/ical.h, which lists only what rapat
                   * otherwise calls. */
                  static const char *const days[] = { "?", "SU", "MO", "TU", "WE", "TH", "FR", "SA" };
                  int a = ABS (v[i]);
                  int pos = (a / 8) * (v[i] < 0 ? -1 : 1);

                  value = pos != 0 ? g_strdup_printf ("%d%s", pos, days[a % 8])
                                   : g_strdup (days[a % 8]);
                }
              else
                value = g_strdup_printf ("%d", v[i]);
              g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                           _("repeat '%s': %s names %s twice"), ex, lists[l].name, value);
              return FALSE;
            }
    }
  return TRUE;
}

/* Returns the rule @text parsed by libical, or FALSE with @error set.
 * Either way, @out is to be cleared with recur_rule_clear(). */
static gboolean
parse_rule (const char *text, RecurRule *out, GError **error)
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

/* Fails with @error if the parsed rule @rule (of @text), as a user enters
 * it, gives a time of day or names a BY value twice.  Only new rules are
 * checked so: a series stored before these checks still expands. */
static gboolean
check_entered (const char *text, const RecurRule *rule, GError **error)
{
  static const struct {
    const char *name;
    gsize offset;
  } times[] = {
    { "BYHOUR", G_STRUCT_OFFSET (RecurRule, by_hour) },
    { "BYMINUTE", G_STRUCT_OFFSET (RecurRule, by_minute) },
    { "BYSECOND", G_STRUCT_OFFSET (RecurRule, by_second) },
  };

  /* Each occurrence starts at the series' start time: a time of day in
   * the rule would give several a day, or move them off the minute. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (((const short *) G_STRUCT_MEMBER_P (rule, times[i].offset))[0] != ICAL_RECURRENCE_ARRAY_MAX)
      {
        g_autofree char *ex = rapat_text_excerpt (text);

        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                     _("repeat '%s': %s is not allowed; each occurrence starts at the series' start time, and meetings repeat daily at most"),
                     ex, times[i].name);
        return FALSE;
      }
  return check_no_repeats (text, rule, error);
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
  g_auto(RecurRule) rule = ICALRECURRENCETYPE_INITIALIZER;
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
      || !parse_rule (upper, &rule, error) || !check_entered (upper, &rule, error))
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalrecur_iterator, icalrecur_iterator_free)

/* Returns libical's iterator over @rule from the wall-clock time @local
 * (floating: each occurrence is placed in the zone by the caller), or NULL
 * with @error set naming @rule_text. */
static icalrecur_iterator *
iterator_new (const char *rule_text, struct icalrecurrencetype rule,
              const RapatLocalFields *local, GError **error)
{
  struct icaltimetype start = icaltime_null_time ();
  icalrecur_iterator *it;
  g_autofree char *ex = NULL;

  start.year = local->year;
  start.month = local->month;
  start.day = local->day;
  start.hour = local->hour;
  start.minute = local->minute;
  start.second = local->second;
  it = icalrecur_iterator_new (rule, start);
  if (it != NULL)
    return it;
  ex = rapat_text_excerpt (rule_text);
  if (start.year > LIBICAL_LAST_YEAR)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("repeat '%s': a series cannot start after %d (libical expands rules no further)"),
                 ex, LIBICAL_LAST_YEAR);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("repeat '%s': cannot be expanded"), ex);
  return NULL;
}

/* Checks occurrence @v (wall time @t) of @rule_text before it joins @out:
 * its end (with @length_s) within the years rapat keeps, later than the
 * one before, and no more than RAPAT_MAX_OCCURRENCES. */
static gboolean
check_occurrence (const char *rule_text, const struct icaltimetype *t, gint64 v,
                  gint64 length_s, GTimeZone *tz, GArray *out, GError **error)
{
  if (length_s > 0 && !rapat_time_check_range (_("end"), NULL, v + length_s, tz, NULL))
    {
      g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (v + length_s);
      g_autoptr(GDateTime) l = u != NULL ? g_date_time_to_timezone (u, tz) : NULL;
      struct icaltimetype end = *t;

      if (l != NULL)
        {
          end.year = g_date_time_get_year (l);
          end.month = g_date_time_get_month (l);
          end.day = g_date_time_get_day_of_month (l);
        }
      set_out_of_range (rule_text, &end, TRUE, error);
      return FALSE;
    }
  /* Refused when the rule is parsed, repeated BY values are the one
   * way libical is known to give an occurrence twice; should another
   * do it, the error is this one, not the store's UNIQUE constraint. */
  if (out->len > 0 && v <= g_array_index (out, gint64, out->len - 1))
    {
      g_autofree char *ex = rapat_text_excerpt (rule_text);

      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': gives the occurrence of %04d-%02d-%02d twice"),
                   ex, t->year, t->month, t->day);
      return FALSE;
    }
  if (out->len >= RAPAT_MAX_OCCURRENCES)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': more than %d occurrences; end the series sooner"),
                   rule_text, RAPAT_MAX_OCCURRENCES);
      return FALSE;
    }
  return TRUE;
}

/* Checks that the expansion @out of @rule_text ended where the rule does:
 * at its UNTIL (@reached_until) or its COUNT; stopping before either means
 * libical gave up at its last year, and the exported rule would say more
 * than the meetings stored.  An expansion with nothing in it is an error
 * too. */
static gboolean
check_expansion_end (const char *rule_text, const struct icalrecurrencetype *rule,
                     gint64 until, gboolean reached_until, GArray *out, GError **error)
{
  if (out->len > 0 && !reached_until
      && (until != G_MAXINT64 || (rule->count > 0 && out->len < (guint) rule->count)))
    {
      g_autofree char *ex = rapat_text_excerpt (rule_text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': the series would run past %d (libical expands rules no further); end it sooner"),
                   ex, LIBICAL_LAST_YEAR);
      return FALSE;
    }
  if (out->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("repeat '%s': gives no occurrence from the start on"), rule_text);
      return FALSE;
    }
  return TRUE;
}

/* Expands @rule_text from @start_utc in @tz (see rapat_recur_expand());
 * with @length_s > 0, an occurrence whose end, @length_s seconds after its
 * start, falls after 9998 in @tz is refused as well. */
static GArray *
expand (const char *rule_text, gint64 start_utc, gint64 length_s, GTimeZone *tz, GError **error)
{
  g_auto(RecurRule) rule = ICALRECURRENCETYPE_INITIALIZER;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(icalrecur_iterator) it = NULL;
  RapatLocalFields local;
  gint64 until = G_MAXINT64;
  gboolean reached_until = FALSE;

  if (!rapat_ical_load (error))
    return NULL;
  if (!rapat_time_check_range (_("start"), NULL, start_utc, tz, error))
    return NULL;
  if (!rapat_time_fields (start_utc, tz, &local))
    g_return_val_if_reached (NULL);  /* in range, so it has fields */

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
  it = iterator_new (rule_text, rule, &local, error);
  if (it == NULL)
    return NULL;
  for (struct icaltimetype t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
       t = icalrecur_iterator_next (it))
    {
      RapatLocalFields wall = { t.year, t.month, t.day, t.hour, t.minute, t.second };
      gint64 v;

      if (t.year > RAPAT_YEAR_MAX)
        {
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
      if (!check_occurrence (rule_text, &t, v, length_s, tz, out, error))
        return NULL;
      g_array_append_val (out, v);
    }
  if (!check_expansion_end (rule_text, &rule, until, reached_until, out, error))
    return NULL;
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
