/* rapat — "rapat schedule": clashes and free slots (cli layer). */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


typedef struct {
  char *from;
  char *to;
  char *tz;
  char **with;
  char *duration;
  char **between;
  char *hours;
  char *days;
  char *room;
  char *count;
  gboolean json;
} ScheduleOptions;

static const RapatOption conflicts_entries[] = {
  { "from", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, from), N_("Meetings on or after this day"), N_("DATE"), NULL },
  { "to", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, to), N_("Meetings on or before this day"), N_("DATE"), NULL },
  { "tz", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, tz), N_("Zone the days are counted in (default: the system's)"), N_("ZONE"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ScheduleOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption find_entries[] = {
  { "with", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (ScheduleOptions, with), N_("A person, or a unit (all its members), who must be free (repeatable)"), N_("WHO"), NULL },
  { "duration", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, duration), N_("Length of the meeting: 90m, 2h"), N_("LENGTH"), NULL },
  { "between", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (ScheduleOptions, between), N_("First and last day to search (give it twice, or as DATE..DATE)"), N_("DATE"), NULL },
  { "hours", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, hours), N_("Working hours (default 08:00-16:00)"), N_("HH:MM-HH:MM"), NULL },
  { "days", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, days), N_("Working days (default mon-fri), e.g. mon-thu or mon,wed,fri"), N_("DAYS"), NULL },
  { "room", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, room), N_("A room that must be free too (of meetings and of parallel sessions held there)"), N_("ROOM"), NULL },
  { "tz", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, tz), N_("Zone of the working hours (default: the system's)"), N_("ZONE"), NULL },
  { "count", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (ScheduleOptions, count), N_("How many slots to list (default 5)"), N_("N"), NULL },
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (ScheduleOptions, json), N_("Print JSON for programs"), NULL, NULL },
  RAPAT_OPT_END,
};

/* Returns "2025-09-02 10:00–11:00 WIT" for an interval in @tzid, or
 * "2026-03-29 01:30 CET – 03:30 CEST" when the zone's abbreviation changes
 * within it (a daylight-saving change): one abbreviation would misname
 * one of the two times. */
static char *
span_text (gint64 start, gint64 end, const char *tzid)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (tzid, NULL, NULL);
  g_autofree char *day = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *ab = NULL;
  g_autofree char *ab2 = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  day = rapat_time_format (start, tz, "%Y-%m-%d");
  t1 = rapat_time_format (start, tz, "%H:%M");
  t2 = rapat_time_format (end, tz, "%H:%M");
  ab = rapat_time_abbrev (start, tz);
  ab2 = rapat_time_abbrev (end, tz);
  if (g_strcmp0 (ab, ab2) != 0)
    return g_strdup_printf ("%s %s %s – %s %s", day, t1, ab, t2, ab2);
  return g_strdup_printf ("%s %s–%s %s", day, t1, t2, ab);
}

/* Fails with a usage error if an option of find-slot was given an empty
 * (or blank) value: --days '' would search no day, --tz '' fail as an
 * unknown zone, --room '' look for a room of that name. */
static gboolean
find_slot_check_values (const ScheduleOptions *opt, GError **error)
{
  const struct {
    const char *name;
    const char *value;
  } one[] = {
    { "--duration", opt->duration }, { "--hours", opt->hours }, { "--days", opt->days },
    { "--room", opt->room }, { "--tz", opt->tz }, { "--count", opt->count },
  };
  const struct {
    const char *name;
    char **values;
  } many[] = { { "--with", opt->with }, { "--between", opt->between } };
  const char *empty = NULL;
  const char *value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (many) && empty == NULL; i++)
    for (char **v = many[i].values; v != NULL && *v != NULL && empty == NULL; v++)
      {
        g_autofree char *stripped = g_strstrip (g_strdup (*v));

        if (*stripped == '\0')
          {
            empty = many[i].name;
            value = *v;
          }
      }
  for (guint i = 0; i < G_N_ELEMENTS (one) && empty == NULL; i++)
    if (one[i].value != NULL)
      {
        g_autofree char *stripped = g_strstrip (g_strdup (one[i].value));

        if (*stripped == '\0')
          {
            empty = one[i].name;
            value = one[i].value;
          }
      }
  if (empty != NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (value);

      rapat_cmd_usage_error (error, "schedule find-slot", _("%s '%s': must not be empty"), empty,
                             ex);
      return FALSE;
    }
  return TRUE;
}

/* Returns the one-line description of clash @c of meeting @m. */
static char *
clash_text (const RapatMeeting *m, const RapatClash *c)
{
  g_autofree char *when = span_text (c->start_utc, c->end_utc, c->tzid);
  g_autofree char *overlap = span_text (c->overlap_start_utc, c->overlap_end_utc, m->tzid);

  if (!c->room)
    return g_strdup_printf (_("meeting %" PRId64 " '%s' (%s) also has '%s'; overlap %s"),
                            c->meeting_id, c->title, when, c->what, overlap);
  if (c->item_title != NULL && c->own_item_title != NULL)
    return g_strdup_printf (_("meeting %" PRId64 " '%s' (%s) uses the same room '%s' for its session '%s' as session '%s' of this meeting; overlap %s"),
                            c->meeting_id, c->title, when, c->what, c->item_title,
                            c->own_item_title, overlap);
  if (c->item_title != NULL)
    return g_strdup_printf (_("meeting %" PRId64 " '%s' (%s) uses the same room '%s' for its session '%s'; overlap %s"),
                            c->meeting_id, c->title, when, c->what, c->item_title, overlap);
  if (c->own_item_title != NULL)
    return g_strdup_printf (_("meeting %" PRId64 " '%s' (%s) uses the same room '%s' as session '%s' of this meeting; overlap %s"),
                            c->meeting_id, c->title, when, c->what, c->own_item_title, overlap);
  return g_strdup_printf (_("meeting %" PRId64 " '%s' (%s) uses the same room '%s'; overlap %s"),
                          c->meeting_id, c->title, when, c->what, overlap);
}

/* Warns about the clashes of meeting @meeting_id, or with @strict refuses
 * the first: all of them, or only those of @person_ids (when not NULL), or
 * only rooms of the meeting's own parallel sessions (@sessions_only). */
static gboolean
check_clashes (RapatCmdContext *ctx, gint64 meeting_id, GArray *person_ids,
               gboolean sessions_only, gboolean strict, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_store_meeting_get (ctx->store, meeting_id, error);
  g_autoptr(GPtrArray) clashes = m != NULL ? rapat_store_meeting_clashes (ctx->store, meeting_id, error)
                                           : NULL;

  if (clashes == NULL)
    return FALSE;
  for (guint i = 0; i < clashes->len; i++)
    {
      const RapatClash *c = clashes->pdata[i];
      g_autofree char *text = NULL;
      gboolean relevant = person_ids == NULL;

      for (guint j = 0; !relevant && j < person_ids->len; j++)
        relevant = !c->room && c->person_id == g_array_index (person_ids, gint64, j);
      if (!relevant || (sessions_only && c->own_item_title == NULL))
        continue;
      text = clash_text (m, c);
      if (strict)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE, _("meeting '%s': clashes: %s"),
                       m->title, text);
          return FALSE;
        }
      g_printerr (_("rapat: warning: clash: %s\n"), text);
    }
  return TRUE;
}

gboolean
rapat_cmd_check_clashes (RapatCmdContext *ctx, gint64 meeting_id, GArray *person_ids,
                         gboolean strict, GError **error)
{
  return check_clashes (ctx, meeting_id, person_ids, FALSE, strict, error);
}

gboolean
rapat_cmd_check_session_clashes (RapatCmdContext *ctx, gint64 meeting_id, gboolean strict,
                                 GError **error)
{
  return check_clashes (ctx, meeting_id, NULL, TRUE, strict, error);
}

/* schedule conflicts [MEETING] */
static gboolean
schedule_conflicts (RapatCmdContext *ctx, GError **error)
{
  const ScheduleOptions *opt = ctx->options;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(RapatJson) json = NULL;
  guint total = 0;

  if (ctx->n_args == 1)
    {
      gint64 id;
      RapatMeeting *m;

      if (!rapat_store_meeting_resolve (ctx->store, ctx->args[0], &id, error))
        return FALSE;
      m = rapat_store_meeting_get (ctx->store, id, error);
      if (m == NULL)
        return FALSE;
      meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
      g_ptr_array_add (meetings, m);
    }
  else
    {
      RapatMeetingFilter filter = { 0, 0, NULL, -1 };

      if (!rapat_cmd_day_range (ctx, opt->from, opt->to, opt->tz, &filter.from_utc, &filter.to_utc, error))
        return FALSE;
      meetings = rapat_store_meeting_list (ctx->store, &filter, error);
      if (meetings == NULL)
        return FALSE;
    }
  if (opt->json)
    {
      json = rapat_json_new (ctx->out);
      rapat_json_begin_array (json, NULL);
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      const RapatMeeting *m = meetings->pdata[i];
      g_autoptr(GPtrArray) clashes = rapat_store_meeting_clashes (ctx->store, m->id, error);
      g_autofree char *when = NULL;

      if (clashes == NULL)
        return FALSE;
      if (clashes->len == 0)
        continue;
      total += clashes->len;
      if (json != NULL)
        {
          rapat_json_begin_object (json, NULL);
          rapat_json_int (json, "meeting_id", m->id);
          rapat_json_string (json, "title", m->title);
          rapat_json_begin_array (json, "clashes");
          for (guint j = 0; j < clashes->len; j++)
            {
              const RapatClash *c = clashes->pdata[j];
              g_autoptr(GTimeZone) ctz = rapat_present_zone (m);
              g_autofree char *os = rapat_time_format_iso (c->overlap_start_utc, ctz);
              g_autofree char *oe = rapat_time_format_iso (c->overlap_end_utc, ctz);

              rapat_json_begin_object (json, NULL);
              rapat_json_int (json, "meeting_id", c->meeting_id);
              rapat_json_string (json, "title", c->title);
              rapat_json_string (json, "shared", c->room ? "room" : "person");
              rapat_json_string (json, c->room ? "room" : "person", c->what);
              /* Keys of sessions only where there is one, so that other
               * clashes read as they always did. */
              if (c->item_title != NULL)
                rapat_json_string (json, "session", c->item_title);
              if (c->own_item_title != NULL)
                rapat_json_string (json, "own_session", c->own_item_title);
              rapat_json_string (json, "overlap_start", os);
              rapat_json_string (json, "overlap_end", oe);
              rapat_json_end_object (json);
            }
          rapat_json_end_array (json);
          rapat_json_end_object (json);
          continue;
        }
      when = span_text (m->start_utc, m->end_utc, m->tzid);
      fprintf (ctx->out, "%s %" G_GINT64_FORMAT " '%s' (%s)\n", _("Meeting"), m->id, m->title, when);
      for (guint j = 0; j < clashes->len; j++)
        {
          g_autofree char *text = clash_text (m, clashes->pdata[j]);
          fprintf (ctx->out, "  %s\n", text);
        }
    }
  if (json != NULL)
    rapat_json_end_array (json);
  else if (total == 0)
    fprintf (ctx->out, _("No clashes.\n"));
  return TRUE;
}

/* Parses --days ("mon-fri", "mon,wed,fri", "sat") into a mask, bit 1..7 = Monday..Sunday. */
static gboolean
parse_days (const char *text, guint *mask, GError **error)
{
  static const char *const names[] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *mask = 0;
  for (char **p = parts; *p != NULL; p++)
    {
      g_auto(GStrv) range = g_strsplit (*p, "-", 2);
      int a = 0, b = 0;

      for (int d = 1; d <= 7; d++)
        {
          if (g_ascii_strcasecmp (range[0], names[d]) == 0)
            a = d;
          if (range[1] != NULL && g_ascii_strcasecmp (range[1], names[d]) == 0)
            b = d;
        }
      if (a == 0 || (range[1] != NULL && b == 0))
        {
          g_autofree char *ex = rapat_text_excerpt (text);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("days '%s': expected day names mon..sun, as mon-fri or mon,wed,fri"), ex);
          return FALSE;
        }
      if (b == 0)
        b = a;
      for (int d = a;; d = d % 7 + 1)
        {
          *mask |= 1u << d;
          if (d == b)
            break;
        }
    }
  return TRUE;
}

/* Appends the busy intervals of @more to @busy. */
static void
add_busy (GArray *busy, GArray *more)
{
  g_array_append_vals (busy, more->data, more->len);
}

/* Orders busy intervals by start. */
static int
compare_busy (gconstpointer a, gconstpointer b)
{
  const RapatBusy *x = a, *y = b;

  return x->start_utc < y->start_utc ? -1 : x->start_utc > y->start_utc;
}

/* schedule find-slot */
static gboolean
schedule_find_slot (RapatCmdContext *ctx, GError **error)
{
  const ScheduleOptions *opt = ctx->options;
  g_autofree char *zone = NULL;
  g_autofree char *tzid = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (RapatBusy));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RapatJson) json = NULL;
  g_auto(GStrv) between = NULL;
  int y, mo, d, minutes, h_from = 8 * 60, h_to = 16 * 60;
  gint64 from, to, count = 5, found = 0;
  guint days = 0x3e;   /* Monday to Friday */
  GDate day, last;

  if (!find_slot_check_values (opt, error))
    return FALSE;
  if (opt->with == NULL || opt->duration == NULL || opt->between == NULL)
    {
      rapat_cmd_usage_error (error, "schedule find-slot",
                             _("--with, --duration and --between are required"));
      return FALSE;
    }
  between = g_strv_length (opt->between) == 1 && strstr (opt->between[0], "..") != NULL
            ? g_strsplit (opt->between[0], "..", 2) : g_strdupv (opt->between);
  /* "DATE.." and "..DATE" lack a day as well. */
  if (g_strv_length (between) != 2 || *g_strstrip (between[0]) == '\0'
      || *g_strstrip (between[1]) == '\0')
    {
      rapat_cmd_usage_error (error, "schedule find-slot",
                             _("--between takes two days: --between DATE --between DATE, or DATE..DATE"));
      return FALSE;
    }
  zone = rapat_cmd_zone (ctx, opt->tz, error);
  tz = zone != NULL ? rapat_time_zone_load (zone, &tzid, error) : NULL;
  if (tz == NULL
      || !rapat_time_parse_duration (_("duration"), opt->duration, RAPAT_MAX_ITEM_MINUTES, &minutes, error)
      || !rapat_time_parse_day (_("between"), between[0], tz, 0, &from, error)
      || !rapat_time_parse_day (_("between"), between[1], tz, 1, &to, error)
      || (opt->days != NULL && !parse_days (opt->days, &days, error)))
    return FALSE;
  if (to <= from)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("between '%s': after '%s'"),
                   between[0], between[1]);
      return FALSE;
    }
  if (opt->hours != NULL)
    {
      g_auto(GStrv) hours = g_strsplit (opt->hours, "-", 2);
      if (g_strv_length (hours) != 2 || !rapat_time_parse_clock (_("hours"), hours[0], &h_from, error)
          || !rapat_time_parse_clock (_("hours"), hours[1], &h_to, error))
        {
          if (error != NULL && *error == NULL)
            {
              g_autofree char *ex = rapat_text_excerpt (opt->hours);
              g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                           _("hours '%s': expected HH:MM-HH:MM"), ex);
            }
          return FALSE;
        }
      if (h_to <= h_from)
        {
          g_autofree char *ex = rapat_text_excerpt (opt->hours);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("hours '%s': the end must come after the start"), ex);
          return FALSE;
        }
    }
  if (opt->count != NULL && (!rapat_text_parse_id (opt->count, &count) || count > 1000))
    {
      g_autofree char *ex = rapat_text_excerpt (opt->count);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("count '%s': expected a number from 1 to 1000"), ex);
      return FALSE;
    }
  if (to - from > (gint64) 366 * 86400)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("between '%s': search at most a year at a time"), between[1]);
      return FALSE;
    }

  /* Who must be free: people, or every member of a unit. */
  for (char **w = opt->with; *w != NULL; w++)
    {
      g_autoptr(GError) not_person = NULL;
      gint64 pid, uid;

      if (rapat_store_person_resolve (ctx->store, *w, &pid, &not_person))
        {
          g_autoptr(GArray) b = rapat_store_person_busy (ctx->store, pid, from, to, error);
          g_autoptr(RapatPerson) p = rapat_store_person_get (ctx->store, pid, error);
          if (b == NULL || p == NULL)
            return FALSE;
          add_busy (busy, b);
          g_ptr_array_add (names, g_strdup (p->name));
        }
      else if (g_error_matches (not_person, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND)
               && rapat_store_unit_resolve (ctx->store, *w, &uid, NULL))
        {
          g_autoptr(GPtrArray) members = rapat_store_person_list (ctx->store, uid, error);
          if (members == NULL)
            return FALSE;
          for (guint i = 0; i < members->len; i++)
            {
              const RapatPerson *p = members->pdata[i];
              g_autoptr(GArray) b = rapat_store_person_busy (ctx->store, p->id, from, to, error);
              if (b == NULL)
                return FALSE;
              add_busy (busy, b);
              g_ptr_array_add (names, g_strdup (p->name));
            }
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&not_person));
          return FALSE;
        }
    }
  if (opt->room != NULL)
    {
      g_autoptr(GArray) b = rapat_store_room_busy (ctx->store, opt->room, from, to, error);
      if (b == NULL)
        return FALSE;
      add_busy (busy, b);
    }
  g_array_sort (busy, compare_busy);

  if (opt->json)
    {
      json = rapat_json_new (ctx->out);
      rapat_json_begin_array (json, NULL);
    }
  if (!rapat_time_parse_date (_("between"), between[0], &y, &mo, &d, error))
    return FALSE;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, mo, y);
  if (!rapat_time_parse_date (_("between"), between[1], &y, &mo, &d, error))
    return FALSE;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, d, mo, y);
  for (; g_date_compare (&day, &last) <= 0 && found < count; g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) w0 = NULL;
      g_autoptr(GDateTime) w1 = NULL;
      gint64 t, window_end;

      if ((days & (1u << g_date_get_weekday (&day))) == 0)
        continue;
      w0 = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), h_from / 60, h_from % 60, 0);
      w1 = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), h_to / 60, h_to % 60, 0);
      if (w0 == NULL || w1 == NULL)
        continue;
      t = g_date_time_to_unix (w0);
      window_end = g_date_time_to_unix (w1);
      /* Walk the busy intervals: each gap long enough is a slot at its start. */
      for (guint i = 0; i <= busy->len && found < count; i++)
        {
          const RapatBusy *b = i < busy->len ? &g_array_index (busy, RapatBusy, i) : NULL;
          gint64 gap_end = b != NULL ? MIN (b->start_utc, window_end) : window_end;

          if (b != NULL && b->end_utc <= t)
            continue;
          if (gap_end - t >= (gint64) minutes * 60)
            {
              g_autofree char *slot = span_text (t, t + (gint64) minutes * 60, tzid);
              g_autofree char *free_until = rapat_time_format (gap_end, tz, "%H:%M");
              g_autofree char *slot_zone = rapat_time_abbrev (t + (gint64) minutes * 60, tz);
              g_autofree char *until_zone = rapat_time_abbrev (gap_end, tz);

              /* The end of the gap, in another offset than the slot's end
               * (a daylight-saving change between them), says which. */
              if (g_strcmp0 (slot_zone, until_zone) != 0)
                {
                  char *with_zone = g_strdup_printf ("%s %s", free_until, until_zone);
                  g_free (free_until);
                  free_until = with_zone;
                }

              if (json != NULL)
                {
                  g_autofree char *s = rapat_time_format_iso (t, tz);
                  g_autofree char *e = rapat_time_format_iso (t + (gint64) minutes * 60, tz);
                  g_autofree char *fu = rapat_time_format_iso (gap_end, tz);
                  rapat_json_begin_object (json, NULL);
                  rapat_json_string (json, "start", s);
                  rapat_json_string (json, "end", e);
                  rapat_json_string (json, "free_until", fu);
                  rapat_json_end_object (json);
                }
              else
                fprintf (ctx->out, _("%s  (free until %s)\n"), slot, free_until);
              found++;
            }
          if (b == NULL || b->start_utc >= window_end)
            break;
          t = MAX (t, b->end_utc);
          if (t >= window_end)
            break;
        }
    }
  if (json != NULL)
    rapat_json_end_array (json);
  if (found == 0)
    {
      g_autofree char *who = NULL;

      g_ptr_array_add (names, NULL);
      who = g_strjoinv (", ", (char **) names->pdata);
      g_autofree char *dur = rapat_time_format_duration (minutes);
      guint n_busy = 0;

      /* A meeting shared by several of them is one meeting in the way. */
      for (guint i = 0; i < busy->len; i++)
        {
          const RapatBusy *b = &g_array_index (busy, RapatBusy, i);
          gboolean seen = FALSE;
          for (guint j = 0; j < i && !seen; j++)
            {
              const RapatBusy *c = &g_array_index (busy, RapatBusy, j);
              seen = c->start_utc == b->start_utc && c->end_utc == b->end_utc;
            }
          n_busy += !seen;
        }
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE,
                                "duration '%s': no free slot from %s to %s within %02d:%02d-%02d:%02d on the working days (%u meeting in the way, of %s%s)",
                                "duration '%s': no free slot from %s to %s within %02d:%02d-%02d:%02d on the working days (%u meetings in the way, of %s%s)",
                                n_busy),
                   dur, between[0], between[1], h_from / 60, h_from % 60, h_to / 60, h_to % 60,
                   n_busy, who, opt->room != NULL ? _(" and the room") : "");
      return FALSE;
    }
  return TRUE;
}

const RapatCommand rapat_schedule_commands[] = {
  { "conflicts", "[MEETING]", N_("List clashes of one meeting, or of all in a period"),
    N_("Meetings clash when they overlap in time and share the room (same name, ignoring case\n"
       "and spacing) or a person: organizer, attendee, stand-in or presenter. A parallel\n"
       "session with a room of its own (agenda add --room) takes that room for its own times.\n"
       "Cancelled meetings never clash, and meetings that only touch (one ends as the other\n"
       "starts) do not."),
    RAPAT_CMD_STORE, 0, 1, RAPAT_OPTIONS (conflicts_entries, ScheduleOptions), RAPAT_TARGET_NONE, schedule_conflicts },
  { "find-slot", "", N_("Find the earliest times when everyone (and the room) is free"),
    N_("A UNIT given to --with means every member of that unit (not of units below it)."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (find_entries, ScheduleOptions), RAPAT_TARGET_NONE, schedule_find_slot },
  { NULL },
};
