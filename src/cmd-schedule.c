/* rapat — "rapat schedule": clashes and free slots (cli layer).
 *
 * The rules live in schedule.c; here are the options, their parsing into a
 * RapatSlotQuery, and the words and JSON the user reads. */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "schedule.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

typedef struct {
  RapatRangeOptions range;
  gboolean json;
} ConflictsOptions;

static const RapatOption conflicts_entries[] = {
  RAPAT_OPT_GROUP (rapat_range_options, ConflictsOptions, range),
  RAPAT_OPT_JSON (ConflictsOptions, json),
  RAPAT_OPT_END,
};

typedef struct {
  char **with;
  char *duration;
  char **between;
  char *hours;
  char *days;
  char *room;
  char *tz;
  char *count;
  gboolean include_holidays;
  gboolean json;
} FindSlotOptions;

static const RapatOption find_entries[] = {
  RAPAT_OPT_LIST ("with", FindSlotOptions, with,
                  N_("A person, or a unit (all its members), who must be free (repeatable)"),
                  N_("WHO")),
  RAPAT_OPT_TEXT ("duration", FindSlotOptions, duration, N_("Length of the meeting: 90m, 2h"),
                  N_("LENGTH")),
  RAPAT_OPT_LIST ("between", FindSlotOptions, between,
                  N_("First and last day to search (give it twice, or as DATE..DATE)"),
                  N_("DATE")),
  RAPAT_OPT_TEXT ("hours", FindSlotOptions, hours, N_("Working hours (default 08:00-16:00)"),
                  N_("HH:MM-HH:MM")),
  RAPAT_OPT_TEXT ("days", FindSlotOptions, days,
                  N_("Working days (default mon-fri), e.g. mon-thu or mon,wed,fri"), N_("DAYS")),
  RAPAT_OPT_TEXT ("room", FindSlotOptions, room,
                  N_("A room that must be free too (of meetings and of parallel sessions held there)"),
                  N_("ROOM")),
  RAPAT_OPT_TEXT ("tz", FindSlotOptions, tz,
                  N_("Zone of the working hours (default: the system's)"), N_("ZONE")),
  RAPAT_OPT_TEXT ("count", FindSlotOptions, count, N_("How many slots to list (default 5)"),
                  N_("N")),
  RAPAT_OPT_FLAG ("include-holidays", FindSlotOptions, include_holidays,
                  N_("Search holidays too ('rapat holiday list'); they are skipped by default")),
  RAPAT_OPT_JSON (FindSlotOptions, json),
  RAPAT_OPT_END,
};

/* Fails with a usage error if an option of find-slot was given an empty
 * (or blank) value: --days '' would search no day, --tz '' fail as an
 * unknown zone, --room '' look for a room of that name. */
static gboolean
find_slot_check_values (const FindSlotOptions *opt, GError **error)
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
  g_autofree char *when = rapat_when_span (c->start_utc, c->end_utc, c->tzid);
  g_autofree char *overlap = rapat_when_span (c->overlap_start_utc, c->overlap_end_utc, m->tzid);

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

/* Warns about the clashes of meeting @meeting_id that @filter keeps, or
 * with @strict refuses the first.  The meeting is read only when there is
 * a clash to describe: most writes have none. */
static gboolean
report_clashes (RapatCmdContext *ctx, gint64 meeting_id, const RapatClashFilter *filter,
                gboolean strict, GError **error)
{
  g_autoptr(GPtrArray) clashes = rapat_schedule_clashes (ctx->store, meeting_id, filter, error);
  g_autoptr(RapatMeeting) m = NULL;

  if (clashes == NULL)
    return FALSE;
  if (clashes->len == 0)
    return TRUE;
  m = rapat_store_meeting_get (ctx->store, meeting_id, error);
  if (m == NULL)
    return FALSE;
  for (guint i = 0; i < clashes->len; i++)
    {
      g_autofree char *text = clash_text (m, clashes->pdata[i]);

      if (strict)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE, _("meeting '%s': clashes: %s"),
                       m->title, text);
          return FALSE;
        }
      rapat_cmd_warn (ctx, _("clash: %s"), text);
    }
  return TRUE;
}

gboolean
rapat_cmd_check_clashes (RapatCmdContext *ctx, gint64 meeting_id, GArray *person_ids,
                         gboolean strict, GError **error)
{
  RapatClashFilter filter = { person_ids, FALSE };

  return report_clashes (ctx, meeting_id, &filter, strict, error);
}

gboolean
rapat_cmd_check_session_clashes (RapatCmdContext *ctx, gint64 meeting_id, gboolean strict,
                                 GError **error)
{
  RapatClashFilter filter = { NULL, TRUE };

  return report_clashes (ctx, meeting_id, &filter, strict, error);
}

/* Writes meeting @m and its @clashes as one object of the JSON array. */
static void
conflicts_json (RapatJson *json, const RapatMeeting *m, GPtrArray *clashes)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);

  rapat_json_begin_object (json, NULL);
  rapat_json_int (json, "meeting_id", m->id);
  rapat_json_string (json, "title", m->title);
  rapat_json_begin_array (json, "clashes");
  for (guint j = 0; j < clashes->len; j++)
    {
      const RapatClash *c = clashes->pdata[j];
      g_autofree char *os = rapat_time_format_iso (c->overlap_start_utc, tz);
      g_autofree char *oe = rapat_time_format_iso (c->overlap_end_utc, tz);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "meeting_id", c->meeting_id);
      rapat_json_string (json, "title", c->title);
      rapat_json_string (json, "shared", c->room ? "room" : "person");
      rapat_json_string (json, c->room ? "room" : "person", c->what);
      /* Keys of sessions only where there is one, so that other clashes
       * read as they always did. */
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
}

/* Prints meeting @m and one line per clash of @clashes. */
static void
conflicts_print (FILE *out, const RapatMeeting *m, GPtrArray *clashes)
{
  g_autofree char *when = rapat_when_span (m->start_utc, m->end_utc, m->tzid);

  fprintf (out, _("Meeting %" PRId64 " '%s' (%s)\n"), m->id, m->title, when);
  for (guint j = 0; j < clashes->len; j++)
    {
      g_autofree char *text = clash_text (m, clashes->pdata[j]);
      fprintf (out, "  %s\n", text);
    }
}

/* schedule conflicts [MEETING] */
static gboolean
schedule_conflicts (RapatCmdContext *ctx, GError **error)
{
  const ConflictsOptions *opt = ctx->options;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(RapatJson) json = NULL;
  guint total = 0;

  if (ctx->meeting != NULL)
    {
      meetings = g_ptr_array_new ();   /* borrows the dispatcher's meeting */
      g_ptr_array_add (meetings, ctx->meeting);
    }
  else
    {
      RapatMeetingFilter filter = { 0, 0, NULL, -1 };

      if (!rapat_cmd_range (ctx, &opt->range, &filter.from_utc, &filter.to_utc, error))
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
      g_autoptr(GPtrArray) clashes = rapat_schedule_clashes (ctx->store, m->id, NULL, error);

      if (clashes == NULL)
        return FALSE;
      total += clashes->len;
      if (clashes->len > 0 && json != NULL)
        conflicts_json (json, m, clashes);
      else if (clashes->len > 0)
        conflicts_print (ctx->out, m, clashes);
    }
  if (json != NULL)
    rapat_json_end_array (json);
  else if (total == 0)
    fprintf (ctx->out, _("No clashes.\n"));
  return TRUE;
}

/* What find-slot parsed: the query, the zone it borrows and that zone's name. */
typedef struct {
  RapatSlotQuery query;
  GTimeZone *tz;
  char *tzid;
} SlotRequest;

static void
slot_request_clear (SlotRequest *req)
{
  g_clear_pointer (&req->tz, g_time_zone_unref);
  g_clear_pointer (&req->tzid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlotRequest, slot_request_clear)

/* Splits --between (given twice, or once as DATE..DATE) into two stripped days. */
static char **
parse_between (char **between, GError **error)
{
  g_auto(GStrv) days = g_strv_length (between) == 1 && strstr (between[0], "..") != NULL
                       ? g_strsplit (between[0], "..", 2) : g_strdupv (between);

  /* "DATE.." and "..DATE" lack a day as well. */
  if (g_strv_length (days) != 2 || *g_strstrip (days[0]) == '\0'
      || *g_strstrip (days[1]) == '\0')
    {
      rapat_cmd_usage_error (error, "schedule find-slot",
                             _("--between takes two days: --between DATE --between DATE, or DATE..DATE"));
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* Parses --hours "HH:MM-HH:MM" into minutes after midnight, the end after the start. */
static gboolean
parse_hours (const char *text, int *from, int *to, GError **error)
{
  g_auto(GStrv) hours = g_strsplit (text, "-", 2);
  g_autofree char *ex = rapat_text_excerpt (text);

  if (g_strv_length (hours) != 2 || !rapat_time_parse_clock (_("hours"), hours[0], from, error)
      || !rapat_time_parse_clock (_("hours"), hours[1], to, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                     _("hours '%s': expected HH:MM-HH:MM"), ex);
      return FALSE;
    }
  if (*to <= *from)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("hours '%s': the end must come after the start"), ex);
      return FALSE;
    }
  return TRUE;
}

/* Sets @date to the day @text ("YYYY-MM-DD") names. */
static gboolean
parse_gdate (const char *text, GDate *date, GError **error)
{
  int y, m, d;

  if (!rapat_time_parse_date (_("between"), text, &y, &m, &d, error))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Parses the options of find-slot into @req, checking them in the order
 * the user reads them in the error. */
static gboolean
find_slot_request (RapatCmdContext *ctx, const FindSlotOptions *opt, SlotRequest *req,
                   GError **error)
{
  RapatSlotQuery *q = &req->query;
  g_auto(GStrv) between = NULL;
  g_autofree char *zone = NULL;
  gint64 from, to, count = 5;

  if (!find_slot_check_values (opt, error))
    return FALSE;
  if (opt->with == NULL || opt->duration == NULL || opt->between == NULL)
    {
      rapat_cmd_usage_error (error, "schedule find-slot",
                             _("--with, --duration and --between are required"));
      return FALSE;
    }
  between = parse_between (opt->between, error);
  zone = between != NULL ? rapat_cmd_zone (ctx, opt->tz, error) : NULL;
  req->tz = zone != NULL ? rapat_time_zone_load (zone, &req->tzid, error) : NULL;
  *q = (RapatSlotQuery) { (const char *const *) opt->with, opt->room, req->tz, { 0 }, { 0 },
                          0, 8 * 60, 16 * 60, RAPAT_SLOT_WEEKDAYS, 5, opt->include_holidays };
  if (req->tz == NULL
      || !rapat_time_parse_duration (_("duration"), opt->duration, RAPAT_MAX_ITEM_MINUTES,
                                     &q->minutes, error)
      || !rapat_time_parse_day (_("between"), between[0], req->tz, 0, &from, error)
      || !rapat_time_parse_day (_("between"), between[1], req->tz, 1, &to, error)
      || (opt->days != NULL && !rapat_schedule_parse_days (opt->days, &q->days, error)))
    return FALSE;
  if (to <= from)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("between '%s': after '%s'"),
                   between[0], between[1]);
      return FALSE;
    }
  if (opt->hours != NULL && !parse_hours (opt->hours, &q->hours_from, &q->hours_to, error))
    return FALSE;
  if (opt->count != NULL && (!rapat_text_parse_id (opt->count, &count) || count > 1000))
    {
      g_autofree char *ex = rapat_text_excerpt (opt->count);
      g_set_error (error, RAPAT_ERROR,
                   rapat_text_is_digits (opt->count) ? RAPAT_ERROR_INVALID
                                                      : RAPAT_ERROR_MALFORMED,
                   _("count '%s': expected a number from 1 to 1000"), ex);
      return FALSE;
    }
  q->count = (guint) count;
  if (to - from > (gint64) 366 * 86400)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("between '%s': search at most a year at a time"), between[1]);
      return FALSE;
    }
  return parse_gdate (between[0], &q->first_day, error)
         && parse_gdate (between[1], &q->last_day, error);
}

/* Returns the line that shows @slot to people: its time in @tzid, and until
 * when the gap lasts ("2025-09-02 10:00–11:00 WIT  (free until 12:00)"). */
static char *
slot_line (const RapatSlot *slot, GTimeZone *tz, const char *tzid)
{
  g_autofree char *when = rapat_when_span (slot->start_utc, slot->end_utc, tzid);
  g_autofree char *until = rapat_time_format (slot->free_until_utc, tz, "%H:%M");
  g_autofree char *slot_zone = rapat_time_abbrev (slot->end_utc, tz);
  g_autofree char *until_zone = rapat_time_abbrev (slot->free_until_utc, tz);

  /* The end of the gap, in another offset than the slot's end (a
   * daylight-saving change between them), says which. */
  if (g_strcmp0 (slot_zone, until_zone) != 0)
    {
      char *with_zone = g_strdup_printf ("%s %s", until, until_zone);

      g_free (until);
      until = with_zone;
    }
  return g_strdup_printf (_("%s  (free until %s)\n"), when, until);
}

/* Writes @slots as a JSON array of {start, end, free_until} in @tz. */
static void
slots_json (FILE *out, GArray *slots, GTimeZone *tz)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < slots->len; i++)
    {
      const RapatSlot *slot = &g_array_index (slots, RapatSlot, i);
      g_autofree char *s = rapat_time_format_iso (slot->start_utc, tz);
      g_autofree char *e = rapat_time_format_iso (slot->end_utc, tz);
      g_autofree char *fu = rapat_time_format_iso (slot->free_until_utc, tz);

      rapat_json_begin_object (json, NULL);
      rapat_json_string (json, "start", s);
      rapat_json_string (json, "end", e);
      rapat_json_string (json, "free_until", fu);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* schedule find-slot */
static gboolean
schedule_find_slot (RapatCmdContext *ctx, GError **error)
{
  const FindSlotOptions *opt = ctx->options;
  g_auto(SlotRequest) req = { 0 };
  g_autoptr(GArray) slots = NULL;

  if (!find_slot_request (ctx, opt, &req, error)
      || !rapat_schedule_find_slots (ctx->store, &req.query, &slots, error))
    return FALSE;
  if (opt->json)
    slots_json (ctx->out, slots, req.tz);
  else
    for (guint i = 0; i < slots->len; i++)
      {
        g_autofree char *line = slot_line (&g_array_index (slots, RapatSlot, i), req.tz,
                                           req.tzid);
        fputs (line, ctx->out);
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
    RAPAT_CMD_STORE, 0, 1, RAPAT_OPTIONS (conflicts_entries, ConflictsOptions),
    RAPAT_TARGET_MEETING, schedule_conflicts },
  { "find-slot", "", N_("Find the earliest times when everyone (and the room) is free"),
    N_("A UNIT given to --with means every member of that unit (not of units below it).\n"
       "Holidays ('rapat holiday list') are skipped, by their date in the zone of --tz,\n"
       "unless --include-holidays."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (find_entries, FindSlotOptions), RAPAT_TARGET_NONE,
    schedule_find_slot },
  { NULL },
};
