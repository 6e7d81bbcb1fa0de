/* rapat — the model: plain values passed between the layers (core layer). */
#include "model.h"
#include "timeutil.h"
#include "text.h"

#include <string.h>

static const char *const meeting_status_names[] = { "tentative", "confirmed", "cancelled", NULL };
static const char *const meeting_status_aliases[] = {
  "sementara", "tentative", "pasti", "confirmed", "canceled", "cancelled", "batal", "cancelled",
  "dibatalkan", "cancelled", NULL,
};
const RapatEnum rapat_meeting_status_enum = { N_("status"), meeting_status_names,
                                              meeting_status_aliases };

static const char *const agenda_type_names[] = {
  "opening", "briefing", "discussion", "presentation", "break", "review", "closing", NULL,
};
static const char *const agenda_type_aliases[] = {
  "pembukaan", "opening", "pengarahan", "briefing", "diskusi", "discussion",
  "pembahasan", "discussion", "paparan", "presentation", "presentasi", "presentation",
  "istirahat", "break", "evaluasi", "review", "penutupan", "closing", NULL,
};
const RapatEnum rapat_agenda_type_enum = { N_("agenda type"), agenda_type_names,
                                           agenda_type_aliases };

static const char *const role_names[] = {
  "chair", "speaker", "participant", "optional", "observer", NULL,
};
static const char *const role_aliases[] = {
  "pimpinan", "chair", "ketua", "chair", "narasumber", "speaker", "pembicara", "speaker",
  "peserta", "participant", "opsional", "optional", "peninjau", "observer", NULL,
};
const RapatEnum rapat_role_enum = { N_("role"), role_names, role_aliases };

static const char *const rsvp_names[] = {
  "needs-action", "accepted", "declined", "tentative", NULL,
};
static const char *const rsvp_aliases[] = {
  "pending", "needs-action", "accept", "accepted", "yes", "accepted", "ya", "accepted",
  "decline", "declined", "no", "declined", "tidak", "declined", "maybe", "tentative",
  "mungkin", "tentative", "belum-menanggapi", "needs-action", "menerima", "accepted",
  "menolak", "declined", "ragu-ragu", "tentative", NULL,
};
const RapatEnum rapat_rsvp_enum = { N_("reply"), rsvp_names, rsvp_aliases };

static const char *const attendance_names[] = {
  "present", "represented", "excused", "sick", "duty", "absent", NULL,
};
static const char *const attendance_aliases[] = {
  "hadir", "present", "diwakili", "represented", "izin", "excused", "ijin", "excused",
  "sakit", "sick", "dinas-luar", "duty", "dinas", "duty", "dl", "duty",
  "alpa", "absent", "alpha", "absent", "tanpa-keterangan", "absent", NULL,
};
const RapatEnum rapat_attendance_enum = { N_("attendance status"), attendance_names,
                                          attendance_aliases };

static const char *const issue_status_names[] = { "open", "monitoring", "resolved", NULL };
static const char *const issue_status_aliases[] = {
  "terbuka", "open", "dipantau", "monitoring", "pemantauan", "monitoring",
  "selesai", "resolved", "closed", "resolved", NULL,
};
const RapatEnum rapat_issue_status_enum = { N_("issue status"), issue_status_names,
                                            issue_status_aliases };

static const char *const action_status_names[] = {
  "open", "in-progress", "done", "cancelled", NULL,
};
static const char *const action_status_aliases[] = {
  "todo", "open", "belum", "open", "progress", "in-progress", "proses", "in-progress",
  "dikerjakan", "in-progress", "selesai", "done", "completed", "done",
  "canceled", "cancelled", "batal", "cancelled", "terbuka", "open", "dibatalkan", "cancelled",
  NULL,
};
const RapatEnum rapat_action_status_enum = { N_("action status"), action_status_names,
                                             action_status_aliases };

static const char *const priority_names[] = { "low", "normal", "high", NULL };
static const char *const priority_aliases[] = {
  "rendah", "low", "sedang", "normal", "tinggi", "high", NULL,
};
const RapatEnum rapat_priority_enum = { N_("priority"), priority_names, priority_aliases };

static const char *const minutes_status_names[] = { "draft", "final", NULL };
static const char *const minutes_status_aliases[] = { "konsep", "draft", NULL };
const RapatEnum rapat_minutes_status_enum = { N_("minutes status"), minutes_status_names,
                                              minutes_status_aliases };

static const char *const holiday_kind_names[] = { "national", "joint-leave", "local", NULL };
static const char *const holiday_kind_aliases[] = {
  "nasional", "national", "libur-nasional", "national", "cuti-bersama", "joint-leave",
  "lokal", "local", "daerah", "local", NULL
};
const RapatEnum rapat_holiday_kind_enum = { N_("holiday kind"), holiday_kind_names,
                                            holiday_kind_aliases };

static const char *const attendee_order_names[] = { "protocol", "name", "unit", "role", NULL };
static const char *const attendee_order_aliases[] = {
  "protokol", "protocol", "nama", "name", "unit-kerja", "unit", "peran", "role", NULL
};
const RapatEnum rapat_attendee_order_enum = { N_("order"), attendee_order_names,
                                              attendee_order_aliases };

/* The names of each enumeration's values for people, in the output's
 * language; the context tells a translator which "tentative" or "open" it
 * is (and NC_() hands it to xgettext).  In the order of the canonical
 * names. */
static const struct {
  const RapatEnum *e;
  const char *context;
  const char *labels[8];
} enum_labels[] = {
  { &rapat_meeting_status_enum, "meeting status", {
      NC_("meeting status", "tentative"), NC_("meeting status", "confirmed"),
      NC_("meeting status", "cancelled") } },
  { &rapat_agenda_type_enum, "agenda type", {
      NC_("agenda type", "opening"), NC_("agenda type", "briefing"),
      NC_("agenda type", "discussion"), NC_("agenda type", "presentation"),
      NC_("agenda type", "break"), NC_("agenda type", "review"), NC_("agenda type", "closing") } },
  { &rapat_role_enum, "role", {
      NC_("role", "chair"), NC_("role", "speaker"), NC_("role", "participant"),
      NC_("role", "optional"), NC_("role", "observer") } },
  { &rapat_rsvp_enum, "reply", {
      NC_("reply", "needs-action"), NC_("reply", "accepted"), NC_("reply", "declined"),
      NC_("reply", "tentative") } },
  { &rapat_attendance_enum, "attendance", {
      NC_("attendance", "present"), NC_("attendance", "represented"), NC_("attendance", "excused"),
      NC_("attendance", "sick"), NC_("attendance", "duty"), NC_("attendance", "absent") } },
  { &rapat_issue_status_enum, "issue status", {
      NC_("issue status", "open"), NC_("issue status", "monitoring"),
      NC_("issue status", "resolved") } },
  { &rapat_action_status_enum, "action status", {
      NC_("action status", "open"), NC_("action status", "in-progress"),
      NC_("action status", "done"), NC_("action status", "cancelled") } },
  { &rapat_priority_enum, "priority", {
      NC_("priority", "low"), NC_("priority", "normal"), NC_("priority", "high") } },
  { &rapat_minutes_status_enum, "minutes status", {
      NC_("minutes status", "draft"), NC_("minutes status", "final") } },
  { &rapat_holiday_kind_enum, "holiday kind", {
      NC_("holiday kind", "national"), NC_("holiday kind", "joint-leave"),
      NC_("holiday kind", "local") } },
};

const char *
rapat_enum_label (const RapatEnum *e, int value)
{
  const char *name = rapat_enum_name (e, value);

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (enum_labels[i].e == e && value < (int) G_N_ELEMENTS (enum_labels[i].labels)
        && enum_labels[i].labels[value] != NULL)
      return g_dpgettext2 (GETTEXT_PACKAGE, enum_labels[i].context,
                           enum_labels[i].labels[value]);
  return name;
}

int
rapat_enum_count (const RapatEnum *e)
{
  int n = 0;

  while (e->names[n] != NULL)
    n++;
  return n;
}

const char *
rapat_enum_name (const RapatEnum *e, int value)
{
  if (value < 0 || value >= rapat_enum_count (e))
    return NULL;
  return e->names[value];
}

/* Returns the name or alias of @e nearest to @text (a typo of it: at most
 * two edits away, and fewer than @text has characters), or NULL. */
static const char *
enum_nearest (const RapatEnum *e, const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *best = NULL;
  guint best_d = 3, len = (guint) strlen (text);

  for (int i = 0; e->names[i] != NULL; i++)
    {
      guint d = rapat_text_edit_distance (lower, e->names[i], 2);

      if (d < best_d && d < len)
        {
          best = e->names[i];
          best_d = d;
        }
    }
  for (int i = 0; e->aliases != NULL && e->aliases[i] != NULL; i += 2)
    {
      guint d = rapat_text_edit_distance (lower, e->aliases[i], 2);

      if (d < best_d && d < len)
        {
          best = e->aliases[i];
          best_d = d;
        }
    }
  return best;
}

gboolean
rapat_enum_parse (const RapatEnum *e, const char *text, int *out, GError **error)
{
  const char *near;
  g_autofree char *ex = NULL;
  g_autofree char *list = NULL;
  g_autofree char *dashed = NULL;

  for (int i = 0; e->names[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, e->names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  /* "dinas luar" and "dinas_luar" are typed for "dinas-luar". */
  dashed = g_strdelimit (g_strdup (text), " _", '-');
  for (int i = 0; e->aliases != NULL && e->aliases[i] != NULL; i += 2)
    if (g_ascii_strcasecmp (dashed, e->aliases[i]) == 0)
      for (int j = 0; e->names[j] != NULL; j++)
        if (strcmp (e->aliases[i + 1], e->names[j]) == 0)
          {
            *out = j;
            return TRUE;
          }
  ex = rapat_text_excerpt (text);
  list = g_strjoinv (", ", (char **) e->names);
  near = enum_nearest (e, dashed);
  if (near != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                 /* TRANSLATORS: "role 'chiar': expected one of chair, ...; did you mean 'chair'?" */
                 _("%s '%s': expected one of %s; did you mean '%s'?"), _(e->what), ex, list, near);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED, _("%s '%s': expected one of %s"),
                 _(e->what), ex, list);
  return FALSE;
}

RapatUnit *
rapat_unit_new (void)
{
  return g_new0 (RapatUnit, 1);
}

void
rapat_unit_free (RapatUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->code);
  g_free (unit->parent_name);
  g_free (unit->head_name);
  g_free (unit);
}

RapatPersonGroup *
rapat_person_group_new (void)
{
  return g_new0 (RapatPersonGroup, 1);
}

void
rapat_person_group_free (RapatPersonGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->name);
  g_free (group->description);
  g_free (group);
}

RapatPerson *
rapat_person_new (void)
{
  return g_new0 (RapatPerson, 1);
}

void
rapat_person_free (RapatPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->position);
  g_free (person->unit_name);
  g_free (person->email);
  g_free (person->phone);
  g_free (person->nip);
  g_free (person->pangkat);
  g_free (person->eselon);
  g_free (person);
}

RapatMeeting *
rapat_meeting_new (void)
{
  RapatMeeting *m = g_new0 (RapatMeeting, 1);

  m->status = RAPAT_MEETING_CONFIRMED;
  return m;
}

void
rapat_meeting_free (RapatMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->uid);
  g_free (meeting->title);
  g_free (meeting->kind);
  g_free (meeting->description);
  g_free (meeting->location);
  g_free (meeting->tzid);
  g_free (meeting->organizer_name);
  g_free (meeting->organizer_email);
  g_free (meeting->cancel_reason);
  g_free (meeting->series_rule);
  g_free (meeting->url);
  g_free (meeting);
}

void
rapat_reply_reset_free (RapatReplyReset *reset)
{
  if (reset == NULL)
    return;
  g_free (reset->reason);
  g_free (reset);
}

RapatAgendaItem *
rapat_agenda_item_new (void)
{
  RapatAgendaItem *item = g_new0 (RapatAgendaItem, 1);

  item->type = RAPAT_ITEM_DISCUSSION;
  return item;
}

void
rapat_agenda_item_free (RapatAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->presenter_name);
  g_free (item->notes);
  g_free (item->issue_title);
  g_free (item->room);
  g_clear_pointer (&item->reviews, g_ptr_array_unref);
  g_free (item);
}

RapatAttendee *
rapat_attendee_new (void)
{
  RapatAttendee *a = g_new0 (RapatAttendee, 1);

  a->role = RAPAT_ROLE_PARTICIPANT;
  a->rsvp = RAPAT_RSVP_NEEDS_ACTION;
  a->attendance = RAPAT_ATTENDANCE_NONE;
  return a;
}

void
rapat_attendee_free (RapatAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->person_name);
  g_free (attendee->position);
  g_free (attendee->unit_name);
  g_free (attendee->unit_code);
  g_free (attendee->email);
  g_free (attendee->stand_in_name);
  g_free (attendee->stand_in_position);
  g_free (attendee->stand_in_email);
  g_free (attendee->note);
  g_free (attendee->delegated_to_name);
  g_free (attendee);
}

RapatIssue *
rapat_issue_new (void)
{
  return g_new0 (RapatIssue, 1);
}

void
rapat_issue_free (RapatIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->title);
  g_free (issue->description);
  g_free (issue->category);
  g_free (issue->unit_name);
  g_free (issue->last_discussed_tz);
  g_free (issue);
}

RapatAction *
rapat_action_new (void)
{
  RapatAction *a = g_new0 (RapatAction, 1);

  a->priority = RAPAT_PRIORITY_NORMAL;
  a->status = RAPAT_ACTION_OPEN;
  return a;
}

void
rapat_action_free (RapatAction *action)
{
  if (action == NULL)
    return;
  g_free (action->uid);
  g_free (action->title);
  g_free (action->description);
  g_free (action->owner_name);
  g_free (action->owner_email);
  g_free (action->owner_unit_name);
  g_free (action->meeting_title);
  g_free (action->meeting_tz);
  g_free (action->issue_title);
  g_free (action->due);
  g_free (action);
}

void
rapat_action_event_free (RapatActionEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->due);
  g_free (event->note);
  g_free (event);
}

gboolean
rapat_action_is_open (const RapatAction *action)
{
  return action->status == RAPAT_ACTION_OPEN || action->status == RAPAT_ACTION_IN_PROGRESS;
}

gboolean
rapat_action_is_overdue (const RapatAction *action, const char *today)
{
  return rapat_action_is_open (action) && action->due != NULL && strcmp (action->due, today) < 0;
}

gboolean
rapat_meeting_is_significant_change (const RapatMeeting *before, const RapatMeeting *after)
{
  return g_strcmp0 (before->title, after->title) != 0
         || before->start_utc != after->start_utc
         || before->end_utc != after->end_utc
         || g_strcmp0 (before->tzid, after->tzid) != 0
         || g_strcmp0 (before->location, after->location) != 0
         || g_strcmp0 (before->url, after->url) != 0
         || before->status != after->status;
}

char *
rapat_uid_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%s@rapat", uuid);
}

double
rapat_attendance_rate (const RapatAttendanceCounts *c)
{
  gint64 recorded = c->invited - c->unrecorded;

  if (recorded <= 0)
    return -1.0;
  return (double) (c->present + c->represented) / (double) recorded;
}

void
rapat_attendance_row_free (RapatAttendanceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->detail);
  g_free (row->unit);
  g_free (row);
}

void
rapat_clash_free (RapatClash *clash)
{
  if (clash == NULL)
    return;
  g_free (clash->title);
  g_free (clash->tzid);
  g_free (clash->what);
  g_free (clash->item_title);
  g_free (clash->own_item_title);
  g_free (clash);
}

gint64
rapat_agenda_schedule (const RapatMeeting *m, GPtrArray *items, gint64 *starts)
{
  gint64 cursor = m->start_utc;

  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gboolean placed = FALSE;
      gint64 end;

      for (guint j = 0; it->parallel_with != 0 && j < i; j++)
        if (((const RapatAgendaItem *) items->pdata[j])->id == it->parallel_with)
          {
            starts[i] = starts[j];
            placed = TRUE;
            break;
          }
      if (!placed)
        starts[i] = cursor;
      /* The store checks the times it reads; a meeting built elsewhere
       * near the ends of gint64 stops there rather than overflowing. */
      if (__builtin_add_overflow (starts[i], (gint64) it->duration_min * 60, &end))
        end = it->duration_min < 0 ? G_MININT64 : G_MAXINT64;
      cursor = MAX (cursor, end);
    }
  return cursor;
}

void
rapat_series_free (RapatSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->uid);
  g_free (series->rrule);
  g_free (series->tzid);
  g_free (series);
}

void
rapat_external_free (RapatExternal *external)
{
  if (external == NULL)
    return;
  g_free (external->address);
  g_free (external->name);
  g_free (external->role);
  g_free (external->partstat);
  g_free (external->delegated_to);
  g_free (external->delegated_from);
  g_free (external->cutype);
  g_free (external);
}

char *
rapat_uid_derive (const char *uid, const char *suffix)
{
  const char *at = strrchr (uid, '@');

  if (at == NULL)
    return g_strdup_printf ("%s-%s", uid, suffix);
  return g_strdup_printf ("%.*s-%s%s", (int) (at - uid), uid, suffix, at);
}

char *
rapat_occurrence_uid (const char *uid, gint64 t)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *stamp = rapat_time_format (t, utc, "%Y%m%dT%H%M%SZ");

  return rapat_uid_derive (uid, stamp);
}

void
rapat_minutes_free (RapatMinutes *minutes)
{
  if (minutes == NULL)
    return;
  g_free (minutes->notulis_name);
  g_free (minutes->notulis_position);
  g_free (minutes->chair_name);
  g_free (minutes->chair_position);
  g_free (minutes->summary);
  g_free (minutes);
}

void
rapat_minutes_item_free (RapatMinutesItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->notes);
  g_clear_pointer (&item->reviews, g_ptr_array_unref);
  g_free (item);
}

void
rapat_review_free (RapatReview *review)
{
  if (review == NULL)
    return;
  rapat_action_free (review->action);
  g_free (review->reported_note);
  g_free (review);
}

void
rapat_decision_free (RapatDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->item_title);
  g_free (decision->text);
  g_free (decision);
}

void
rapat_minutes_version_free (RapatMinutesVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->finalized_by);
  g_free (version->amended_by);
  g_free (version->amend_reason);
  g_free (version);
}
