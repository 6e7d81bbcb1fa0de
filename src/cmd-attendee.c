/* rapat — "rapat attendee": invitations, replies and attendance (cli layer). */
#include "cmd.h"
#include "output.h"
#include "present.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


/* How long before the start an arrival may be recorded. */
#define EARLIEST_ARRIVAL (12 * 3600)

typedef struct {
  char *role;
  char *at;
  char *by;
  char *note;
  gboolean strict;
  gboolean series;
  gboolean json;
  gboolean history;
} AttendeeOptions;

static const RapatOption add_entries[] = {
  { "role", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AttendeeOptions, role), N_("chair, speaker, participant (default), optional or observer"), N_("ROLE"), NULL },
  { "strict", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AttendeeOptions, strict), N_("Refuse to invite someone already booked then, instead of warning"), NULL, NULL },
  { "series", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AttendeeOptions, series), N_("For a recurring meeting: invite to this and every later occurrence"), NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption mark_entries[] = {
  { "at", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AttendeeOptions, at), N_("Arrival time (present): HH:MM on the meeting's day, or YYYY-MM-DD HH:MM"), N_("TIME"), NULL },
  { "by", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AttendeeOptions, by), N_("The stand-in (represented)"), N_("PERSON"), NULL },
  { "note", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AttendeeOptions, note), N_("A note, e.g. the reason for an absence (\"\" clears it)"), N_("TEXT"), NULL },
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  { "json", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AttendeeOptions, json), N_("Print JSON for programs"), NULL, NULL },
  { "history", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AttendeeOptions, history), N_("Also list the replies reset when the meeting moved"), NULL, NULL },
  RAPAT_OPT_END,
};

/* Loads the invitation of the person named by @text to @m. */
static RapatAttendee *
load_attendee (RapatCmdContext *ctx, const RapatMeeting *m, const char *text, GError **error)
{
  gint64 pid;
  g_autoptr(GError) local = NULL;
  RapatAttendee *a;

  if (!rapat_store_person_resolve (ctx->store, text, &pid, error))
    return NULL;
  a = rapat_store_attendee_get (ctx->store, m->id, pid, &local);
  if (a == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("person '%s': not invited to meeting %" PRId64), ex, m->id);
    }
  return a;
}

/* Invites the people named in ctx->args[1..] to @m with @role. */
static gboolean
invite (RapatCmdContext *ctx, const RapatMeeting *m, int role, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 1; i < ctx->n_args; i++)
    {
      g_autoptr(RapatAttendee) a = rapat_attendee_new ();

      a->meeting_id = m->id;
      a->role = role;
      if (!rapat_store_person_resolve (ctx->store, ctx->args[i], &a->person_id, error)
          || !rapat_store_attendee_insert (ctx->store, a, error))
        return FALSE;
      fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", a->id);
      g_array_append_val (added, a->person_id);
    }
  return rapat_cmd_check_clashes (ctx, m->id, added, opt->strict, error);
}

/* attendee add MEETING PERSON... */
static gboolean
attendee_add (RapatCmdContext *ctx, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(GPtrArray) series = NULL;
  int role = RAPAT_ROLE_PARTICIPANT;

  if (m == NULL)
    return FALSE;
  if (opt->role != NULL && !rapat_enum_parse (&rapat_role_enum, opt->role, &role, error))
    return FALSE;
  if (!opt->series)
    return invite (ctx, m, role, error);
  if (m->series_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': does not repeat, so --series has nothing to add to"), m->title);
      return FALSE;
    }
  series = rapat_store_series_meetings (ctx->store, m->series_id, error);
  if (series == NULL)
    return FALSE;
  for (guint i = 0; i < series->len; i++)
    {
      const RapatMeeting *o = series->pdata[i];
      if (o->recurrence_utc >= m->recurrence_utc && o->status != RAPAT_MEETING_CANCELLED
          && !invite (ctx, o, role, error))
        return FALSE;
    }
  return TRUE;
}

/* attendee list MEETING */
static gboolean
attendee_list (RapatCmdContext *ctx, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (m == NULL)
    return FALSE;
  attendees = rapat_store_attendee_list (ctx->store, m->id, error);
  if (attendees == NULL)
    return FALSE;
  /* JSON always carries the history; text shows it when asked. */
  if (opt->json || opt->history)
    {
      history = rapat_store_reply_history (ctx->store, m->id, error);
      if (history == NULL)
        return FALSE;
    }
  tz = rapat_present_zone (m);
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "meeting_id", m->id);
      rapat_present_attendees_json (json, tz, attendees, history);
      rapat_json_end_object (json);
      return TRUE;
    }
  if (attendees->len == 0)
    fprintf (ctx->out, _("Nobody is invited yet; use 'rapat attendee add MEETING PERSON...'.\n"));
  else
    rapat_present_attendee_table (ctx->out, m, tz, attendees, "");
  if (history == NULL)
    return TRUE;
  if (history->len == 0)
    fprintf (ctx->out, _("\nNo earlier replies: none was reset by a change of time, zone or place.\n"));
  else
    {
      fprintf (ctx->out, "\n%s (%u)\n", _("Earlier replies"), history->len);
      rapat_present_reply_history_table (ctx->out, tz, attendees, history, "  ");
    }
  return TRUE;
}

/* attendee rsvp MEETING PERSON REPLY */
static gboolean
attendee_rsvp (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAttendee) a = NULL;
  int reply;

  if (m == NULL)
    return FALSE;
  a = load_attendee (ctx, m, ctx->args[1], error);
  if (a == NULL || !rapat_enum_parse (&rapat_rsvp_enum, ctx->args[2], &reply, error))
    return FALSE;
  a->rsvp = reply;
  return rapat_store_attendee_update (ctx->store, a, error);
}

/* Parses --at for @m: "HH:MM" on the day the meeting starts, or a full
 * date and time, in the meeting's zone. */
static gboolean
parse_arrival (const RapatMeeting *m, const char *text, gint64 *out, GError **error)
{
  g_autoptr(GTimeZone) tz = rapat_present_zone (m);
  g_autofree char *full = NULL;
  g_autofree char *ex = rapat_text_excerpt (text);
  g_auto(RapatTimeParsed) parsed = { 0 };
  int minutes;

  if (strlen (text) <= 5)
    {
      g_autofree char *day = rapat_present_date (m->start_utc, tz);
      if (!rapat_time_parse_clock (_("arrival"), text, &minutes, error))
        return FALSE;
      full = g_strdup_printf ("%s %s", day, text);
    }
  else
    full = g_strdup (text);
  if (!rapat_time_parse_datetime (_("arrival"), full, tz, out, &parsed, error))
    return FALSE;
  if (*out > m->end_utc)
    {
      g_autofree char *end = rapat_present_clock (m->end_utc, tz);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("arrival '%s': after the meeting ended (%s)"), ex, end);
      return FALSE;
    }
  if (*out < m->start_utc - EARLIEST_ARRIVAL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("arrival '%s': more than 12 hours before the meeting starts"), ex);
      return FALSE;
    }
  if (parsed.warning != NULL)
    g_printerr (_("rapat: warning: %s\n"), parsed.warning);
  return TRUE;
}

/* attendee mark MEETING PERSON STATUS */
static gboolean
attendee_mark (RapatCmdContext *ctx, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAttendee) a = NULL;
  int status;

  if (m == NULL)
    return FALSE;
  a = load_attendee (ctx, m, ctx->args[1], error);
  if (a == NULL || !rapat_enum_parse (&rapat_attendance_enum, ctx->args[2], &status, error))
    return FALSE;
  if (m->status == RAPAT_MEETING_CANCELLED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': cancelled, so no attendance can be recorded"), m->title);
      return FALSE;
    }
  if (opt->at != NULL && status != RAPAT_ATTENDANCE_PRESENT)
    {
      rapat_cmd_usage_error (error, "attendee mark", _("--at is only for 'present'"));
      return FALSE;
    }
  if (opt->by != NULL && status != RAPAT_ATTENDANCE_REPRESENTED)
    {
      rapat_cmd_usage_error (error, "attendee mark", _("--by is only for 'represented'"));
      return FALSE;
    }
  a->attendance = status;
  a->arrived_utc = 0;
  a->stand_in_id = 0;
  if (opt->at != NULL && !parse_arrival (m, opt->at, &a->arrived_utc, error))
    return FALSE;
  if (opt->by != NULL)
    {
      if (!rapat_store_person_resolve (ctx->store, opt->by, &a->stand_in_id, error))
        return FALSE;
      if (a->stand_in_id == a->person_id)
        {
          g_autofree char *ex = rapat_text_excerpt (opt->by);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("stand-in '%s': a person cannot represent themselves"), ex);
          return FALSE;
        }
    }
  return rapat_cmd_take_text (_("note"), opt->note, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT,
                              &a->note, error)
         && rapat_store_attendee_update (ctx->store, a, error);
}

/* attendee remove MEETING PERSON */
static gboolean
attendee_remove (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_cmd_load_meeting (ctx, ctx->args[0], error);
  g_autoptr(RapatAttendee) a = NULL;

  if (m == NULL)
    return FALSE;
  a = load_attendee (ctx, m, ctx->args[1], error);
  return a != NULL && rapat_store_attendee_remove (ctx->store, m->id, a->person_id, error);
}

const RapatCommand rapat_attendee_commands[] = {
  { "add", "MEETING PERSON...", N_("Invite people to a meeting"),
    N_("Prints the id of each new invitation."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, -1, RAPAT_OPTIONS (add_entries, AttendeeOptions), RAPAT_TARGET_NONE, attendee_add },
  { "list", "MEETING", N_("List who is invited, their replies and attendance"),
    N_("A change of the meeting's time, zone or place sets the replies back to needs-action;\n"
       "--history lists the replies given before, when they were reset and why."),
    RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (list_entries, AttendeeOptions), RAPAT_TARGET_NONE, attendee_list },
  { "rsvp", "MEETING PERSON REPLY", N_("Record a reply: accepted, declined, tentative or needs-action"),
    NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 3, 3, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, attendee_rsvp },
  { "mark", "MEETING PERSON STATUS", N_("Record attendance"),
    N_("STATUS is present, represented, excused, sick, duty or absent; the Indonesian\n"
       "hadir, diwakili, izin, sakit, dinas-luar and alpa are accepted too."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 3, 3, RAPAT_OPTIONS (mark_entries, AttendeeOptions), RAPAT_TARGET_NONE, attendee_mark },
  { "remove", "MEETING PERSON", N_("Withdraw an invitation"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, attendee_remove },
  { NULL },
};
