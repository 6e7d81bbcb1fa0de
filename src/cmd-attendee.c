/* rapat — "rapat attendee": invitations, replies and attendance (cli layer). */
#include "cmd.h"
#include "attendance.h"
#include "output.h"
#include "present.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>


typedef struct {
  char *role;
  char *at;
  char *by;
  char *note;
  gboolean strict;
  gboolean series;
  gboolean json;
  gboolean history;
  char *order;
  char **units;
  char **groups;
  gboolean subunits;
  gboolean heads;
} AttendeeOptions;

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("role", AttendeeOptions, role,
                  N_("chair, speaker, participant (default), optional or observer"), N_("ROLE")),
  RAPAT_OPT_FLAG ("strict", AttendeeOptions, strict,
                  N_("Refuse to invite someone already booked then, instead of warning")),
  RAPAT_OPT_FLAG ("series", AttendeeOptions, series,
                  N_("For a recurring meeting: invite to this and every later occurrence")),
  RAPAT_OPT_LIST ("unit", AttendeeOptions, units,
                  N_("Invite the people of this unit; repeatable"), N_("UNIT")),
  RAPAT_OPT_FLAG ("subunits", AttendeeOptions, subunits,
                  N_("With --unit: the people of the units below it too, at any depth")),
  RAPAT_OPT_FLAG ("heads", AttendeeOptions, heads,
                  N_("With --unit: only the head of each unit")),
  RAPAT_OPT_LIST ("group", AttendeeOptions, groups,
                  N_("Invite the members of this saved group; repeatable"), N_("GROUP")),
  RAPAT_OPT_END,
};

static const RapatOption mark_entries[] = {
  RAPAT_OPT_TEXT ("at", AttendeeOptions, at,
                  N_("Arrival time (present): HH:MM on the meeting's day, or YYYY-MM-DD HH:MM"),
                  N_("TIME")),
  RAPAT_OPT_TEXT ("by", AttendeeOptions, by, N_("The stand-in (represented)"), N_("PERSON")),
  RAPAT_OPT_TEXT ("note", AttendeeOptions, note,
                  N_("A note, e.g. the reason for an absence (\"\" clears it)"), N_("TEXT")),
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_JSON (AttendeeOptions, json),
  RAPAT_OPT_FLAG ("history", AttendeeOptions, history,
                  N_("Also list the replies reset when the meeting moved")),
  RAPAT_OPT_TEXT ("order", AttendeeOptions, order,
                  N_("protocol (default: chair, rank, eselon, unit, name), name, unit or role"),
                  N_("ORDER")),
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

/* The people an 'attendee add' invites: those named, then those its
 * --unit and --group options bring. */
typedef struct {
  GArray *named;      /* gint64: named one by one; already invited is an error */
  GArray *brought;    /* gint64: by --unit or --group, none of them named */
} Invitees;

/* Frees what @inv holds. */
static void
invitees_clear (Invitees *inv)
{
  g_clear_pointer (&inv->named, g_array_unref);
  g_clear_pointer (&inv->brought, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Invitees, invitees_clear)

/* Resolves the people named in ctx->args[1..], then those of --unit and
 * --group, into @inv. */
static gboolean
collect_invitees (RapatCmdContext *ctx, Invitees *inv, GError **error)
{
  const AttendeeOptions *opt = ctx->options;

  inv->named = g_array_new (FALSE, FALSE, sizeof (gint64));
  inv->brought = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 1; i < ctx->n_args; i++)
    {
      gint64 pid;

      if (!rapat_store_person_resolve (ctx->store, ctx->args[i], &pid, error))
        return FALSE;
      g_array_append_val (inv->named, pid);
    }
  if (!rapat_cmd_unit_people (ctx, opt->units, opt->subunits, opt->heads, inv->brought, error))
    return FALSE;
  for (guint g = 0; opt->groups != NULL && opt->groups[g] != NULL; g++)
    {
      g_autoptr(GPtrArray) members = NULL;
      gint64 gid;

      if (!rapat_store_group_resolve (ctx->store, opt->groups[g], &gid, error))
        return FALSE;
      members = rapat_store_group_members (ctx->store, gid, error);
      if (members == NULL)
        return FALSE;
      if (members->len == 0)
        {
          g_autoptr(RapatPersonGroup) group = rapat_store_group_get (ctx->store, gid, error);

          if (group == NULL)
            return FALSE;
          rapat_cmd_warn (ctx, _("group '%s': has no members, so nobody of it was invited"),
                          group->name);
        }
      for (guint i = 0; i < members->len; i++)
        rapat_cmd_ids_add (inv->brought, ((RapatPerson *) members->pdata[i])->id);
    }
  /* Someone both named and brought is invited once, as named. */
  for (guint i = 0; i < inv->named->len; i++)
    for (guint j = 0; j < inv->brought->len; j++)
      if (g_array_index (inv->brought, gint64, j) == g_array_index (inv->named, gint64, i))
        g_array_remove_index (inv->brought, j--);
  return TRUE;
}

/* Invites the people of @inv to @m with @role: one named who is invited
 * already is an error, one brought by --unit or --group is skipped (and
 * counted in *@skipped). */
static gboolean
invite (RapatCmdContext *ctx, const RapatMeeting *m, int role, const Invitees *inv,
        guint *skipped, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < inv->named->len + inv->brought->len; i++)
    {
      g_autoptr(RapatAttendee) a = rapat_attendee_new ();
      g_autoptr(GError) local = NULL;
      gboolean named = i < inv->named->len;

      a->meeting_id = m->id;
      a->role = role;
      a->person_id = named ? g_array_index (inv->named, gint64, i)
                           : g_array_index (inv->brought, gint64, i - inv->named->len);
      if (!rapat_store_attendee_insert (ctx->store, a, &local))
        {
          if (named || !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          (*skipped)++;
          continue;
        }
      fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", a->id);
      g_array_append_val (added, a->person_id);
    }
  return rapat_cmd_check_clashes (ctx, m->id, added, opt->strict, error);
}

/* attendee add MEETING [PERSON...] [--unit U]... [--group G]... */
static gboolean
attendee_add (RapatCmdContext *ctx, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GPtrArray) series = NULL;
  g_auto(Invitees) inv = { NULL, NULL };
  int role = RAPAT_ROLE_PARTICIPANT;
  guint skipped = 0;
  gboolean ok = TRUE;

  if (!rapat_cmd_check_unit_flags ("attendee add", opt->units, opt->subunits, opt->heads, error))
    return FALSE;
  if (ctx->n_args < 2 && opt->units == NULL && opt->groups == NULL)
    {
      rapat_cmd_usage_error (error, "attendee add", _("name a PERSON, a --unit or a --group"));
      return FALSE;
    }
  if (opt->role != NULL && !rapat_enum_parse (&rapat_role_enum, opt->role, &role, error))
    return FALSE;
  if (opt->series && m->series_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': does not repeat, so --series has nothing to add to"), m->title);
      return FALSE;
    }
  if (!collect_invitees (ctx, &inv, error))
    return FALSE;
  if (!opt->series)
    ok = invite (ctx, m, role, &inv, &skipped, error);
  else
    {
      series = rapat_store_series_meetings (ctx->store, m->series_id, error);
      if (series == NULL)
        return FALSE;
      for (guint i = 0; ok && i < series->len; i++)
        {
          const RapatMeeting *o = series->pdata[i];
          if (o->recurrence_utc >= m->recurrence_utc && o->status != RAPAT_MEETING_CANCELLED)
            ok = invite (ctx, o, role, &inv, &skipped, error);
        }
    }
  if (ok && skipped > 0)
    rapat_cmd_warn (ctx, g_dngettext (NULL, "%u invitation skipped: the person was invited "
                                            "already",
                                      "%u invitations skipped: the people were invited already",
                                      skipped),
                    skipped);
  return ok;
}

/* attendee list MEETING */
static gboolean
attendee_list (RapatCmdContext *ctx, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int order = RAPAT_ATTENDEE_ORDER_PROTOCOL;

  if (opt->order != NULL && !rapat_enum_parse (&rapat_attendee_order_enum, opt->order, &order,
                                               error))
    return FALSE;
  attendees = rapat_store_attendee_list_ordered (ctx->store, m->id, order, error);
  if (attendees == NULL)
    return FALSE;
  /* JSON always carries the history; text shows it when asked. */
  if (opt->json || opt->history)
    {
      history = rapat_store_reply_history (ctx->store, m->id, error);
      if (history == NULL)
        return FALSE;
    }
  tz = rapat_when_meeting_zone (m);
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
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(RapatAttendee) a = NULL;
  int reply;

  a = load_attendee (ctx, m, ctx->args[1], error);
  if (a == NULL || !rapat_enum_parse (&rapat_rsvp_enum, ctx->args[2], &reply, error))
    return FALSE;
  a->rsvp = reply;
  return rapat_store_attendee_update (ctx->store, a, error);
}

/* attendee mark MEETING PERSON STATUS */
static gboolean
attendee_mark (RapatCmdContext *ctx, GError **error)
{
  const AttendeeOptions *opt = ctx->options;
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(RapatAttendee) a = NULL;
  int status;

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
  if (opt->at != NULL)
    {
      g_autofree char *warning = NULL;

      if (!rapat_attendance_parse_arrival (m, opt->at, &a->arrived_utc, &warning, error))
        return FALSE;
      if (warning != NULL)
        rapat_cmd_warn (ctx, "%s", warning);
    }
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
  const RapatMeeting *m = ctx->meeting;
  g_autoptr(RapatAttendee) a = NULL;

  a = load_attendee (ctx, m, ctx->args[1], error);
  return a != NULL && rapat_store_attendee_remove (ctx->store, m->id, a->person_id, error);
}

const RapatCommand rapat_attendee_commands[] = {
  { "add", "MEETING [PERSON...]", N_("Invite people to a meeting"),
    N_("Prints the id of each new invitation. --unit invites the people of a unit\n"
       "(--subunits: and of the units below it; --heads: only the head of each), --group\n"
       "the members of a saved group; of those, people invited already are skipped."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, -1,
    RAPAT_OPTIONS (add_entries, AttendeeOptions), RAPAT_TARGET_MEETING, attendee_add },
  { "list", "MEETING", N_("List who is invited, their replies and attendance"),
    N_("A change of the meeting's time, zone or place sets the replies back to needs-action;\n"
       "--history lists the replies given before, when they were reset and why."),
    RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (list_entries, AttendeeOptions), RAPAT_TARGET_MEETING, attendee_list },
  { "rsvp", "MEETING PERSON REPLY",
    N_("Record a reply: accepted, declined, tentative or needs-action"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 3, 3, RAPAT_NO_OPTIONS, RAPAT_TARGET_MEETING,
    attendee_rsvp },
  { "mark", "MEETING PERSON STATUS", N_("Record attendance"),
    N_("STATUS is present, represented, excused, sick, duty or absent; the Indonesian\n"
       "hadir, diwakili, izin, sakit, dinas-luar and alpa are accepted too."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 3, 3,
    RAPAT_OPTIONS (mark_entries, AttendeeOptions), RAPAT_TARGET_MEETING, attendee_mark },
  { "remove", "MEETING PERSON", N_("Withdraw an invitation"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_MEETING,
    attendee_remove },
  { NULL },
};
