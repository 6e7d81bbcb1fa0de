/* rapat — holidays: reading calendars of days off, and the days of a
 * meeting (domain layer).
 *
 * The reader is a small one of its own rather than libical's: it needs the
 * line of each problem for its messages (libical's parser repairs or drops
 * what it cannot read and says where in no way a person can use), reads
 * only all-day events, and refuses what it does not understand rather than
 * guess at a day off. */
#include "holiday.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

#include <stdlib.h>
#include <string.h>

void
rapat_holiday_calendar_free (RapatHolidayCalendar *cal)
{
  if (cal == NULL)
    return;
  g_clear_pointer (&cal->holidays, g_ptr_array_unref);
  g_clear_pointer (&cal->notes, g_ptr_array_unref);
  g_free (cal);
}

RapatHoliday *
rapat_holiday_make (const char *day_text, const char *name, int kind, GError **error)
{
  int y, m, d;
  char day[11];

  if (!rapat_time_parse_date (_("day"), day_text, &y, &m, &d, error)
      || !rapat_text_check (_("name"), name, RAPAT_TEXT_LINE | RAPAT_TEXT_REQUIRED,
                            RAPAT_MAX_NAME, error))
    return NULL;
  g_snprintf (day, sizeof day, "%04d-%02d-%02d", y, m, d);
  return rapat_holiday_new (day, name, kind, NULL);
}

/* One content line of the file, unfolded. */
typedef struct {
  guint line;            /* where it starts in the file */
  char *name;            /* upper case */
  char *params;          /* what lies between the name and the ':', or NULL */
  char *value;
} ContentLine;

/* Frees @cl. */
static void
content_line_free (ContentLine *cl)
{
  g_free (cl->name);
  g_free (cl->params);
  g_free (cl->value);
  g_free (cl);
}

/* A calendar being read: its name for the errors, and what it gave so far. */
typedef struct {
  const char *source;
  RapatHolidayCalendar *cal;
  GHashTable *seen;      /* "day\nname" of the holidays kept */
  int default_kind;
  const char *calendar_source; /* the calendar's X-RAPAT-SOURCE (unescaped), or NULL */
  int this_year;         /* in UTC: where rules without an end are read from */
} Reader;

/* Sets @error to the problem @what found at @line of the file, in the event
 * whose UID is @uid (may be NULL), and returns FALSE. */
static gboolean
bad_line (const Reader *r, GError **error, guint line, const char *uid, const char *what)
{
  g_autofree char *ex = uid != NULL ? rapat_text_excerpt (uid) : NULL;

  if (ex != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("calendar '%s', line %u (UID %s): %s"),
                 r->source, line, ex, what);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("calendar '%s', line %u: %s"),
                 r->source, line, what);
  return FALSE;
}

/* Returns the content line @s, which starts at @line of the file, split
 * into name, parameters and value, or NULL with @error when it has no ':'
 * after a name. */
static ContentLine *
parse_content_line (const Reader *r, const char *s, guint line, GError **error)
{
  const char *colon = NULL, *semi = NULL;
  gboolean quoted = FALSE;
  ContentLine *cl;

  /* The value starts at the first ':' outside a quoted parameter value. */
  for (const char *p = s; *p != '\0' && colon == NULL; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted && *p == ':')
      colon = p;
    else if (!quoted && *p == ';' && semi == NULL)
      semi = p;
  if (colon == NULL || colon == s || semi == s)
    {
      g_autofree char *ex = rapat_text_excerpt (s);
      g_autofree char *what = g_strdup_printf (_("'%s' is not a content line NAME:VALUE"), ex);

      bad_line (r, error, line, NULL, what);
      return NULL;
    }
  cl = g_new0 (ContentLine, 1);
  cl->line = line;
  cl->name = g_ascii_strup (s, (semi != NULL ? semi : colon) - s);
  cl->params = semi != NULL ? g_strndup (semi + 1, colon - semi - 1) : NULL;
  cl->value = g_strdup (colon + 1);
  return cl;
}

/* Splits @text into unfolded content lines (RFC 5545, 3.1): CRLF or LF
 * ends a line, a line that starts with a space or a tab continues the one
 * before, blank lines are skipped.  Returns them (ContentLine), or NULL
 * with @error at the first line that is not NAME:VALUE. */
static GPtrArray *
split_lines (const Reader *r, const char *text, GError **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) content_line_free);
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  g_autoptr(GString) cur = NULL;
  guint cur_line = 0;

  for (guint i = 0;; i++)
    {
      char *l = raw[i];
      gsize n = l != NULL ? strlen (l) : 0;

      if (n > 0 && l[n - 1] == '\r')
        l[--n] = '\0';
      if (n > 0 && (l[0] == ' ' || l[0] == '\t') && cur != NULL)
        {
          g_string_append (cur, l + 1);
          continue;
        }
      if (cur != NULL)
        {
          ContentLine *cl = parse_content_line (r, cur->str, cur_line, error);

          g_string_free (g_steal_pointer (&cur), TRUE);
          if (cl == NULL)
            return NULL;
          g_ptr_array_add (lines, cl);
        }
      if (l == NULL)
        break;
      if (n == 0)
        continue;
      cur = g_string_new (l);
      cur_line = i + 1;
    }
  return g_steal_pointer (&lines);
}

/* Returns the value of parameter @name (upper case) in @params, unquoted,
 * or NULL when it is not there. */
static char *
param_value (const char *params, const char *name)
{
  g_autoptr(GString) cur = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (params == NULL)
    return NULL;
  for (const char *p = params;; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (*p == '\0' || (*p == ';' && !quoted))
        {
          const char *eq = strchr (cur->str, '=');

          if (eq != NULL && (gsize) (eq - cur->str) == strlen (name)
              && g_ascii_strncasecmp (cur->str, name, eq - cur->str) == 0)
            {
              g_autofree char *v = g_strdup (eq + 1);
              gsize n = strlen (v);

              if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
                return g_strndup (v + 1, n - 2);
              return g_steal_pointer (&v);
            }
          g_string_truncate (cur, 0);
          if (*p == '\0')
            return NULL;
          continue;
        }
      g_string_append_c (cur, *p);
    }
}

/* Returns the TEXT value @v with its escapes (\\ \; \, \n \N) undone. */
static char *
unescape_text (const char *v)
{
  GString *out = g_string_new (NULL);

  for (const char *p = v; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Reads a DATE "YYYYMMDD" (or the date part of a DATE-TIME when
 * @allow_time) from @v into @date; FALSE when it is none. */
static gboolean
parse_ical_date (const char *v, gboolean allow_time, GDate *date)
{
  int y, m, d;
  gsize n = strlen (v);

  if (n < 8 || (n != 8 && !(allow_time && v[8] == 'T')))
    return FALSE;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (v[i]))
      return FALSE;
  y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
  m = (v[4] - '0') * 10 + (v[5] - '0');
  d = (v[6] - '0') * 10 + (v[7] - '0');
  /* The years rapat_time_parse_date() accepts. */
  if (y < 1900 || y > 9998 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Whether the DTSTART or DTEND line @cl holds a date, not a date and time. */
static gboolean
is_date_value (const ContentLine *cl)
{
  g_autofree char *value_type = param_value (cl->params, "VALUE");

  if (value_type != NULL)
    return g_ascii_strcasecmp (value_type, "DATE") == 0;
  /* VALUE=DATE left out, as some writers do: eight digits are a date. */
  return strlen (cl->value) == 8;
}

/* The properties of one VEVENT that the reader uses. */
typedef struct {
  guint line;            /* of its BEGIN:VEVENT */
  ContentLine *uid, *summary, *dtstart, *dtend, *duration, *rrule, *status, *kind, *source;
  ContentLine *recurrence_id, *rdate;
  GPtrArray *exdates;    /* ContentLine, borrowed */
} Event;

/* Parses a DURATION of whole days or weeks ("P1D", "P2W") into days;
 * FALSE for any other. */
static gboolean
parse_days (const char *v, int *days)
{
  char *end = NULL;
  gint64 n;

  if (v[0] == '+')
    v++;
  if (v[0] != 'P' || !g_ascii_isdigit (v[1]))
    return FALSE;
  n = g_ascii_strtoll (v + 1, &end, 10);
  if (end == NULL || n < 1 || n > 1000 || (end[0] != 'D' && end[0] != 'W') || end[1] != '\0')
    return FALSE;
  *days = (int) (end[0] == 'W' ? n * 7 : n);
  return TRUE;
}

/* The yearly rule of an event, parsed. */
typedef struct {
  int interval;
  int count;             /* 0: none */
  GDate until;           /* not valid: none */
} YearlyRule;

/* Sets @error to say that the RRULE of @ev is not one read for holidays,
 * and returns FALSE. */
static gboolean
bad_rule (const Reader *r, const Event *ev, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (ev->rrule->value);
  g_autofree char *what = g_strdup_printf (_("RRULE '%s': only a yearly rule (FREQ=YEARLY with INTERVAL, COUNT of at most %d, or UNTIL) is read for holidays"),
                                           ex, RAPAT_HOLIDAY_MAX_YEARS);

  return bad_line (r, error, ev->rrule->line, ev->uid != NULL ? ev->uid->value : NULL, what);
}

/* Parses the RRULE of @ev, which starts on @start, into @rule; only
 * FREQ=YEARLY with INTERVAL, COUNT or UNTIL (and BYMONTH and BYMONTHDAY
 * that repeat @start's) is read, since a holiday that moves (Easter, the
 * Islamic ones) has no rule a calendar can state. */
static gboolean
parse_rule (const Reader *r, const Event *ev, const GDate *start, YearlyRule *rule,
            GError **error)
{
  g_auto(GStrv) parts = g_strsplit (ev->rrule->value, ";", -1);
  gboolean yearly = FALSE;

  *rule = (YearlyRule) { 1, 0, { 0 } };
  for (char **p = parts; *p != NULL; p++)
    {
      const char *eq = strchr (*p, '=');
      const char *v = eq != NULL ? eq + 1 : "";
      char *end = NULL;
      gint64 n = g_ascii_strtoll (v, &end, 10);
      gboolean number = *v != '\0' && end != NULL && *end == '\0';

      if (g_ascii_strncasecmp (*p, "FREQ=", 5) == 0)
        yearly = g_ascii_strcasecmp (v, "YEARLY") == 0;
      else if (g_ascii_strncasecmp (*p, "INTERVAL=", 9) == 0 && number && n >= 1 && n <= 100)
        rule->interval = (int) n;
      else if (g_ascii_strncasecmp (*p, "COUNT=", 6) == 0 && number && n >= 1
               && n <= RAPAT_HOLIDAY_MAX_YEARS)
        rule->count = (int) n;
      else if (g_ascii_strncasecmp (*p, "UNTIL=", 6) == 0 && parse_ical_date (v, TRUE,
                                                                              &rule->until))
        ;
      /* The month and day of DTSTART said again, as Apple's and Mozilla's
       * holiday calendars write them; WKST changes nothing in a yearly rule
       * without weeks. */
      else if ((g_ascii_strncasecmp (*p, "BYMONTH=", 8) == 0 && number
                && n == g_date_get_month (start))
               || (g_ascii_strncasecmp (*p, "BYMONTHDAY=", 11) == 0 && number
                   && n == g_date_get_day (start))
               || g_ascii_strncasecmp (*p, "WKST=", 5) == 0)
        ;
      else if (**p != '\0')
        return bad_rule (r, ev, error);
    }
  return yearly || bad_rule (r, ev, error);
}

/* Keeps the holiday @name of @kind from @source on each of @days days
 * from @first, unless already kept; FALSE with @error when the file gives
 * more days than RAPAT_HOLIDAY_MAX_PER_FILE (the event at @line). */
static gboolean
keep_days (Reader *r, const GDate *first, int days, const char *name, int kind,
           const char *source, guint line, GError **error)
{
  GDate d = *first;

  for (int i = 0; i < days; i++, g_date_add_days (&d, 1))
    {
      char day[11];
      char *key;

      if (g_date_get_year (&d) > 9998)
        break;
      g_snprintf (day, sizeof day, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                  g_date_get_day (&d));
      key = g_strconcat (day, "\n", name, NULL);
      if (!g_hash_table_add (r->seen, key))
        continue;
      if (r->cal->holidays->len >= RAPAT_HOLIDAY_MAX_PER_FILE)
        {
          g_autofree char *what = g_strdup_printf (_("the calendar gives more than %d days off"),
                                                   RAPAT_HOLIDAY_MAX_PER_FILE);
          return bad_line (r, error, line, NULL, what);
        }
      g_ptr_array_add (r->cal->holidays, rapat_holiday_new (day, name, kind, source));
    }
  return TRUE;
}

/* Whether @date is one of the days the EXDATE lines of @ev name. */
static gboolean
excluded (const Event *ev, const GDate *date)
{
  for (guint i = 0; i < ev->exdates->len; i++)
    {
      const ContentLine *cl = ev->exdates->pdata[i];
      g_auto(GStrv) values = g_strsplit (cl->value, ",", -1);

      for (char **v = values; *v != NULL; v++)
        {
          GDate x;

          if (parse_ical_date (*v, TRUE, &x) && g_date_compare (&x, date) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Keeps the days of the yearly rule of @ev, which starts on @start and
 * lasts @days each year.  A rule without COUNT or UNTIL is read for
 * RAPAT_HOLIDAY_ENDLESS_YEARS years from this year (or from its start,
 * when later), with a note: a holiday calendar often starts its rules in
 * 1970, and the years a planner needs are the coming ones. */
static gboolean
expand_rule (Reader *r, const Event *ev, const GDate *start, int days, const char *name,
             int kind, const char *source, GError **error)
{
  const char *uid = ev->uid != NULL ? ev->uid->value : NULL;
  YearlyRule rule;
  int y0 = g_date_get_year (start), first = 0, from, n = 0;
  gboolean endless;

  if (!parse_rule (r, ev, start, &rule, error))
    return FALSE;
  if (g_date_valid (&rule.until) && g_date_get_year (&rule.until) - y0 >= RAPAT_HOLIDAY_MAX_YEARS)
    {
      g_autofree char *ex = rapat_text_excerpt (ev->rrule->value);
      g_autofree char *what = g_strdup_printf (_("RRULE '%s': a holiday is read for at most %d years"),
                                               ex, RAPAT_HOLIDAY_MAX_YEARS);
      return bad_line (r, error, ev->rrule->line, uid, what);
    }
  endless = rule.count == 0 && !g_date_valid (&rule.until);
  if (endless && y0 < r->this_year)
    first = (r->this_year - y0 + rule.interval - 1) / rule.interval;
  from = y0 + first * rule.interval;
  for (int i = first;; i++)
    {
      int year = y0 + i * rule.interval;
      GDate day;

      if (year - from >= (endless ? RAPAT_HOLIDAY_ENDLESS_YEARS : RAPAT_HOLIDAY_MAX_YEARS)
          || year > 9998 || (rule.count > 0 && n >= rule.count))
        break;
      /* 29 February repeats only in leap years (RFC 5545, 3.3.10). */
      if (!g_date_valid_dmy (g_date_get_day (start), g_date_get_month (start), year))
        continue;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_get_day (start), g_date_get_month (start), year);
      if (g_date_valid (&rule.until) && g_date_compare (&day, &rule.until) > 0)
        break;
      n++;
      if (!excluded (ev, &day) && !keep_days (r, &day, days, name, kind, source, ev->line, error))
        return FALSE;
    }
  if (endless)
    g_ptr_array_add (r->cal->notes,
                     g_strdup_printf (_("calendar '%s', line %u: '%s' repeats every year without end; read for %d years, %d to %d"),
                                      r->source, ev->rrule->line, name,
                                      RAPAT_HOLIDAY_ENDLESS_YEARS, from,
                                      from + RAPAT_HOLIDAY_ENDLESS_YEARS - 1));
  return TRUE;
}

/* Reads the event @ev, just closed, into holidays. */
static gboolean
take_event (Reader *r, const Event *ev, GError **error)
{
  const char *uid = ev->uid != NULL ? ev->uid->value : NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) bad_name = NULL;
  g_autofree char *own_source = NULL;
  GDate start, end;
  int days = 1, kind = r->default_kind;
  const char *source = r->calendar_source != NULL ? r->calendar_source : r->source;

  if (ev->dtstart == NULL)
    return bad_line (r, error, ev->line, uid, _("the event has no DTSTART"));
  if (!is_date_value (ev->dtstart))
    {
      /* A meeting in a calendar of holidays: not a day off. */
      r->cal->timed++;
      return TRUE;
    }
  if (ev->status != NULL && g_ascii_strcasecmp (ev->status->value, "CANCELLED") == 0)
    {
      r->cal->cancelled++;
      return TRUE;
    }
  if (!parse_ical_date (ev->dtstart->value, FALSE, &start))
    {
      g_autofree char *ex = rapat_text_excerpt (ev->dtstart->value);
      g_autofree char *what = g_strdup_printf (_("DTSTART '%s': not a date YYYYMMDD"), ex);
      return bad_line (r, error, ev->dtstart->line, uid, what);
    }
  if (ev->summary == NULL)
    return bad_line (r, error, ev->line, uid, _("the event has no SUMMARY to name the holiday"));
  name = unescape_text (ev->summary->value);
  g_strstrip (name);
  if (!rapat_text_check (_("SUMMARY"), name, RAPAT_TEXT_LINE | RAPAT_TEXT_REQUIRED,
                         RAPAT_MAX_NAME, &bad_name))
    return bad_line (r, error, ev->summary->line, uid, bad_name->message);
  if (ev->recurrence_id != NULL)
    return bad_line (r, error, ev->recurrence_id->line, uid,
                     _("a changed occurrence (RECURRENCE-ID) is not read for holidays: give the day as an event of its own"));
  if (ev->rdate != NULL)
    return bad_line (r, error, ev->rdate->line, uid,
                     _("RDATE is not read for holidays: give each day as an event of its own"));
  if (ev->dtend != NULL)
    {
      if (!is_date_value (ev->dtend) || !parse_ical_date (ev->dtend->value, FALSE, &end))
        {
          g_autofree char *ex = rapat_text_excerpt (ev->dtend->value);
          g_autofree char *what = g_strdup_printf (_("DTEND '%s': an all-day event ends on a date YYYYMMDD"), ex);
          return bad_line (r, error, ev->dtend->line, uid, what);
        }
      days = g_date_days_between (&start, &end);
    }
  else if (ev->duration != NULL && !parse_days (ev->duration->value, &days))
    {
      g_autofree char *ex = rapat_text_excerpt (ev->duration->value);
      g_autofree char *what = g_strdup_printf (_("DURATION '%s': an all-day event lasts whole days (P1D, P2W)"), ex);
      return bad_line (r, error, ev->duration->line, uid, what);
    }
  if (days < 1 || days > RAPAT_HOLIDAY_MAX_DAYS)
    {
      g_autofree char *what = days < 1 ? g_strdup (_("the event ends before it starts"))
        : g_strdup_printf (_("the event lasts %d days; a holiday lasts at most %d"), days,
                           RAPAT_HOLIDAY_MAX_DAYS);
      return bad_line (r, error, (ev->dtend != NULL ? ev->dtend : ev->duration)->line, uid, what);
    }
  if (ev->kind != NULL)
    {
      g_autoptr(GError) bad_kind = NULL;

      if (!rapat_enum_parse (&rapat_holiday_kind_enum, ev->kind->value, &kind, &bad_kind))
        return bad_line (r, error, ev->kind->line, uid, bad_kind->message);
    }
  if (ev->source != NULL)
    source = own_source = unescape_text (ev->source->value);

  if (ev->rrule == NULL)
    return keep_days (r, &start, days, name, kind, source, ev->line, error);
  return expand_rule (r, ev, &start, days, name, kind, source, error);
}

/* Orders holidays by day, then name. */
static int
compare_holidays (gconstpointer a, gconstpointer b)
{
  const RapatHoliday *x = *(RapatHoliday *const *) a, *y = *(RapatHoliday *const *) b;
  int c = strcmp (x->day, y->day);

  return c != 0 ? c : strcmp (x->name, y->name);
}

/* Notes @cl as the property it is of @ev, refusing one given twice. */
static gboolean
event_property (Reader *r, Event *ev, ContentLine *cl, GError **error)
{
  static const struct {
    const char *name;
    gsize offset;
  } props[] = {
    { "UID", G_STRUCT_OFFSET (Event, uid) },
    { "SUMMARY", G_STRUCT_OFFSET (Event, summary) },
    { "DTSTART", G_STRUCT_OFFSET (Event, dtstart) },
    { "DTEND", G_STRUCT_OFFSET (Event, dtend) },
    { "DURATION", G_STRUCT_OFFSET (Event, duration) },
    { "RRULE", G_STRUCT_OFFSET (Event, rrule) },
    { "STATUS", G_STRUCT_OFFSET (Event, status) },
    { "X-RAPAT-KIND", G_STRUCT_OFFSET (Event, kind) },
    { "X-RAPAT-SOURCE", G_STRUCT_OFFSET (Event, source) },
    { "RECURRENCE-ID", G_STRUCT_OFFSET (Event, recurrence_id) },
    { "RDATE", G_STRUCT_OFFSET (Event, rdate) },
  };

  if (strcmp (cl->name, "EXDATE") == 0)
    {
      g_ptr_array_add (ev->exdates, cl);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    if (strcmp (cl->name, props[i].name) == 0)
      {
        ContentLine **slot = G_STRUCT_MEMBER_P (ev, props[i].offset);

        /* RDATE may come more than once; the first is enough to refuse it. */
        if (*slot != NULL && strcmp (cl->name, "RDATE") != 0)
          {
            g_autofree char *what = g_strdup_printf (_("%s given twice in one event"), cl->name);
            return bad_line (r, error, cl->line, ev->uid != NULL ? ev->uid->value : NULL, what);
          }
        if (*slot == NULL)
          *slot = cl;
        return TRUE;
      }
  return TRUE;
}

RapatHolidayCalendar *
rapat_holiday_parse_ics (const char *data, gsize len, const char *source, int default_kind,
                         gint64 now, GError **error)
{
  g_autoptr(RapatHolidayCalendar) cal = g_new0 (RapatHolidayCalendar, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();       /* ContentLine of each BEGIN open */
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) exdates = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *calendar_source = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_utc (now);
  Reader r = { source, cal, seen, default_kind, NULL,
               today != NULL ? g_date_time_get_year (today) : 1970 };
  Event ev = { 0 };
  gboolean in_event = FALSE, done = FALSE;

  cal->holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_holiday_free);
  cal->notes = g_ptr_array_new_with_free_func (g_free);
  if (!g_utf8_validate (data, len, NULL) || memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("calendar '%s': not valid UTF-8 text"),
                   source);
      return NULL;
    }
  /* A byte order mark, as Windows programs write, is no content. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  text = g_strndup (data, len);
  /* Checked before the lines are read, so that a file of another kind is
   * called what it is rather than refused for its first line. */
  if (g_ascii_strncasecmp (text + strspn (text, "\r\n"), "BEGIN:VCALENDAR", 15) != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("calendar '%s': not an iCalendar file (it does not start with BEGIN:VCALENDAR)"),
                   source);
      return NULL;
    }
  lines = split_lines (&r, text, error);
  if (lines == NULL)
    return NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      ContentLine *cl = lines->pdata[i];

      if (done)
        {
          /* Several calendars one after the other, as some exports write. */
          if (strcmp (cl->name, "BEGIN") == 0 && g_ascii_strcasecmp (cl->value, "VCALENDAR") == 0)
            done = FALSE;
          else
            {
              bad_line (&r, error, cl->line, NULL, _("text after END:VCALENDAR"));
              return NULL;
            }
        }
      if (strcmp (cl->name, "BEGIN") == 0)
        {
          g_ptr_array_add (stack, cl);
          if (stack->len == 2 && g_ascii_strcasecmp (cl->value, "VEVENT") == 0)
            {
              ev = (Event) { 0 };
              ev.line = cl->line;
              g_ptr_array_set_size (exdates, 0);
              ev.exdates = exdates;
              in_event = TRUE;
            }
          else if (stack->len == 1 && g_ascii_strcasecmp (cl->value, "VCALENDAR") != 0)
            {
              bad_line (&r, error, cl->line, NULL, _("a component outside VCALENDAR"));
              return NULL;
            }
          continue;
        }
      if (strcmp (cl->name, "END") == 0)
        {
          const ContentLine *open = stack->len > 0 ? stack->pdata[stack->len - 1] : NULL;

          if (open == NULL || g_ascii_strcasecmp (open->value, cl->value) != 0)
            {
              g_autofree char *ex = rapat_text_excerpt (cl->value);
              g_autofree char *what = open != NULL
                ? g_strdup_printf (_("END:%s does not close BEGIN:%s of line %u"), ex,
                                   open->value, open->line)
                : g_strdup_printf (_("END:%s closes nothing"), ex);

              bad_line (&r, error, cl->line, NULL, what);
              return NULL;
            }
          g_ptr_array_set_size (stack, stack->len - 1);
          if (stack->len == 1 && in_event)
            {
              in_event = FALSE;
              if (!take_event (&r, &ev, error))
                return NULL;
            }
          done = stack->len == 0;
          continue;
        }
      if (stack->len == 2 && in_event && !event_property (&r, &ev, cl, error))
        return NULL;
      if (stack->len == 1 && strcmp (cl->name, "X-RAPAT-SOURCE") == 0
          && r.calendar_source == NULL)
        r.calendar_source = calendar_source = unescape_text (cl->value);
    }
  if (stack->len > 0)
    {
      const ContentLine *open = stack->pdata[stack->len - 1];
      g_autofree char *what = g_strdup_printf (_("BEGIN:%s is never closed"), open->value);

      bad_line (&r, error, open->line, NULL, what);
      return NULL;
    }
  g_ptr_array_sort (cal->holidays, compare_holidays);
  return g_steal_pointer (&cal);
}

gboolean
rapat_holiday_import (RapatStore *store, GPtrArray *holidays, gint64 now, guint *added,
                      guint *known, GError **error)
{
  *added = *known = 0;
  for (guint i = 0; i < holidays->len; i++)
    {
      gboolean is_new = FALSE;

      if (!rapat_store_holiday_add (store, holidays->pdata[i], now, &is_new, error))
        return FALSE;
      if (is_new)
        (*added)++;
      else
        (*known)++;
    }
  return TRUE;
}

GPtrArray *
rapat_holiday_for_meeting (RapatStore *store, const RapatMeeting *m, GError **error)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *first = rapat_when_day (m->start_utc, tz);
  /* The last second of the meeting: one that ends at midnight does not
   * take the next day. */
  g_autofree char *last = rapat_when_day (MAX (m->start_utc, m->end_utc - 1), tz);

  return rapat_store_holiday_list (store, first, last, error);
}
