/* rapat — the rules of a meeting's life: its times, a series, a change,
 * a deletion (domain layer). */
#include "meeting.h"
#include "recur.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

/* The longest link to join online, in characters; the schema's CHECK agrees. */
#define MAX_URL 2000

/* Returns the zone @times reads in for @m, with its canonical name in @tzid. */
static GTimeZone *
times_zone (const RapatMeeting *m, const RapatMeetingTimes *times, gboolean is_new, char **tzid,
            GError **error)
{
  const char *name = times->tz != NULL ? times->tz : is_new ? times->default_tz : m->tzid;

  return rapat_time_zone_load (name != NULL ? name : "", tzid, error);
}

/* Reads the end of @times for a meeting starting at @start in @tz into
 * @end; without an end or a duration, the meeting keeps @length. */
static gboolean
times_end (const RapatMeetingTimes *times, gint64 start, gint64 length, GTimeZone *tz,
           gint64 *end, RapatTimeParsed *parsed_end, GError **error)
{
  int minutes;

  if (times->duration != NULL)
    {
      if (!rapat_time_parse_duration (_("duration"), times->duration, RAPAT_MAX_MEETING_MINUTES,
                                      &minutes, error))
        return FALSE;
      length = (gint64) minutes * 60;
    }
  if (times->end != NULL && strlen (times->end) == 5)
    {
      /* "HH:MM": on the start's day, in the meeting's zone. */
      g_autofree char *day = rapat_when_day (start, tz);
      g_autofree char *full = NULL;

      if (!rapat_time_parse_clock (_("end"), times->end, &minutes, error))
        return FALSE;
      full = g_strdup_printf ("%s %s", day, times->end);
      return rapat_time_parse_datetime (_("end"), full, tz, end, parsed_end, error);
    }
  if (times->end != NULL)
    return rapat_time_parse_datetime (_("end"), times->end, tz, end, parsed_end, error);
  *end = start + length;
  return TRUE;
}

/* Checks a meeting from @start to @end in @tz: in the years rapat keeps,
 * ending after it starts, at most 31 days long. */
static gboolean
times_check (const RapatMeetingTimes *times, const char *start_text, gint64 start, gint64 end,
             GTimeZone *tz, GError **error)
{
  /* Both ends in years 1900..9998 in the meeting's own zone: an offset
   * or a length can carry a time that parsed well past the last day. */
  if (!rapat_time_check_range (_("start"), start_text, start, tz, error)
      || !rapat_time_check_range (_("end"), NULL, end, tz, error))
    return FALSE;
  if (end <= start)
    {
      g_autofree char *s = rapat_when_instant (start, tz);
      g_autofree char *ex = rapat_text_excerpt (times->end != NULL ? times->end : "");
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("end '%s': not after the start (%s)"), ex, s);
      return FALSE;
    }
  if (end - start > (gint64) RAPAT_MAX_MEETING_MINUTES * 60)
    {
      g_autofree char *ex = rapat_text_excerpt (times->end != NULL ? times->end : times->duration);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("end '%s': a meeting may last at most 31 days"), ex);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_meeting_apply_times (RapatMeeting *m, const RapatMeetingTimes *times, gboolean is_new,
                           GPtrArray *warnings, GError **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *start_text = NULL;
  g_auto(RapatTimeParsed) parsed = { 0 };
  g_auto(RapatTimeParsed) parsed_end = { 0 };
  gint64 start, end;

  if (times->start == NULL && times->end == NULL && times->duration == NULL && times->tz == NULL)
    return TRUE;
  tz = times_zone (m, times, is_new, &tzid, error);
  if (tz == NULL)
    return FALSE;
  if (times->start == NULL && times->tz == NULL)
    {
      /* Same zone, same start: keep the instant.  Reading its wall time
       * again would move a start in the second pass of a repeated hour
       * (given with its offset) to the first. */
      start = m->start_utc;
    }
  else
    {
      /* Without a new start, the stored wall-clock start is read in the new zone. */
      if (times->start != NULL)
        start_text = g_strdup (times->start);
      else
        {
          g_autoptr(GTimeZone) old_tz = rapat_when_meeting_zone (m);
          start_text = rapat_when_instant (m->start_utc, old_tz);
        }
      if (!rapat_time_parse_datetime (_("start"), start_text, tz, &start, &parsed, error))
        return FALSE;
    }
  if (parsed.had_offset && times->tz == NULL)
    {
      /* "2025-09-02 09:00+09:00" without a zone: the meeting lives in that
       * offset.  With one it keeps that zone, and the offset only picks the
       * instant (the second 02:30 of a night when clocks go back, say). */
      g_clear_pointer (&tz, g_time_zone_unref);
      g_clear_pointer (&tzid, g_free);
      tz = rapat_time_zone_load (start_text + 16 + (start_text[16] == ' '), &tzid, error);
      if (tz == NULL)
        return FALSE;
    }
  if (!times_end (times, start, is_new ? 0 : m->end_utc - m->start_utc, tz, &end, &parsed_end,
                  error)
      || !times_check (times, start_text, start, end, tz, error))
    return FALSE;
  /* Warned only now, once the times are accepted: a refused command
   * prints its one error line and nothing else. */
  if (warnings != NULL && parsed.warning != NULL)
    g_ptr_array_add (warnings, g_strdup (parsed.warning));
  if (warnings != NULL && parsed_end.warning != NULL)
    g_ptr_array_add (warnings, g_strdup (parsed_end.warning));
  m->start_utc = start;
  m->end_utc = end;
  g_free (m->tzid);
  m->tzid = g_steal_pointer (&tzid);
  return TRUE;
}

gboolean
rapat_meeting_check_url (const char *url, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (url);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;   /* lower case, interned by GLib */

  if (!rapat_text_check (_("url"), url, RAPAT_TEXT_LINE, MAX_URL, error))
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("url '%s': contains a space (write it as %%20)"), ex);
          return FALSE;
        }
      if ((guchar) *p >= 0x80)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("url '%s': characters outside ASCII must be percent-encoded"), ex);
          return FALSE;
        }
    }
  scheme = g_uri_peek_scheme (url);
  if (scheme == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': not an absolute address such as https://meet.example.org/rapat"),
                   ex);
      return FALSE;
    }
  if (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': only http and https links are accepted"), ex);
      return FALSE;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': not a valid address (a broken %%-escape, host or port)"), ex);
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("url '%s': no host name, as in https://meet.example.org/rapat"), ex);
      return FALSE;
    }
  return TRUE;
}

RapatSeries *
rapat_meeting_series_new (const RapatMeeting *m, const char *rule, const char *until,
                          const char *count, GArray **starts, GError **error)
{
  g_autoptr(RapatSeries) series = g_new0 (RapatSeries, 1);
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  gint64 n = 0, length = m->end_utc - m->start_utc;

  /* A calendar expands the rule from DTSTART's local time, which names the
   * first pass of a repeated hour: a series cannot start in the second. */
  if (rapat_time_is_later_of_repeat (m->start_utc, tz))
    {
      g_autofree char *when = rapat_when_instant (m->start_utc, tz);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("start '%s': a series cannot start in the second pass of an hour the clocks repeat, which calendars cannot name; start it at another time and move that occurrence"),
                   when);
      return NULL;
    }
  if (count != NULL && (!rapat_text_parse_id (count, &n) || n > RAPAT_MAX_OCCURRENCES))
    {
      g_autofree char *ex = rapat_text_excerpt (count);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("count '%s': expected a number of occurrences from 1 to %d"), ex,
                   RAPAT_MAX_OCCURRENCES);
      return NULL;
    }
  series->rrule = rapat_recur_rule (rule, until, n, tz, error);
  if (series->rrule == NULL)
    return NULL;
  *starts = rapat_recur_expand_span (series->rrule, m->start_utc, length, tz, error);
  if (*starts == NULL)
    return NULL;
  series->uid = g_strdup (m->uid);
  series->start_utc = m->start_utc;
  series->duration_s = length;
  series->tzid = g_strdup (m->tzid);
  return g_steal_pointer (&series);
}

void
rapat_meeting_set_occurrence (RapatMeeting *m, const RapatSeries *series, gint64 start)
{
  g_free (m->uid);
  m->uid = rapat_occurrence_uid (series->uid, start);
  m->start_utc = m->recurrence_utc = start;
  m->end_utc = start + series->duration_s;
  m->series_id = series->id;
}

RapatMeeting *
rapat_meeting_copy (const RapatMeeting *m)
{
  RapatMeeting *c = rapat_meeting_new ();

  *c = *m;
  c->uid = g_strdup (m->uid);
  c->title = g_strdup (m->title);
  c->kind = g_strdup (m->kind);
  c->description = g_strdup (m->description);
  c->location = g_strdup (m->location);
  c->tzid = g_strdup (m->tzid);
  c->organizer_name = g_strdup (m->organizer_name);
  c->organizer_email = g_strdup (m->organizer_email);
  c->cancel_reason = g_strdup (m->cancel_reason);
  c->series_rule = g_strdup (m->series_rule);
  c->url = g_strdup (m->url);
  return c;
}

RapatMeeting *
rapat_meeting_template (const RapatMeeting *from, gint64 now)
{
  RapatMeeting *m = rapat_meeting_copy (from);

  m->id = 0;
  g_free (m->uid);
  m->uid = rapat_uid_new ();
  if (m->status == RAPAT_MEETING_CANCELLED)
    m->status = RAPAT_MEETING_CONFIRMED;
  g_clear_pointer (&m->cancel_reason, g_free);
  g_clear_pointer (&m->series_rule, g_free);
  m->sequence = 0;
  m->series_id = 0;
  m->recurrence_utc = 0;
  m->n_attendees = m->n_items = 0;
  m->created_at = m->updated_at = now;
  return m;
}

gboolean
rapat_meeting_copy_contents (RapatStore *store, gint64 from_id, gint64 to_id, GError **error)
{
  g_autoptr(GPtrArray) items = rapat_store_agenda_list (store, from_id, error);
  g_autoptr(GPtrArray) attendees = NULL;
  /* old item id -> new item id, for the parallel sessions */
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *old = items->pdata[i];
      g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
      const gint64 *with = old->parallel_with != 0
        ? g_hash_table_lookup (ids, &old->parallel_with) : NULL;

      item->meeting_id = to_id;
      item->title = g_strdup (old->title);
      item->type = old->type;
      item->duration_min = old->duration_min;
      item->presenter_id = old->presenter_id;
      item->notes = g_strdup (old->notes);
      item->issue_id = old->issue_id;
      item->room = g_strdup (old->room);
      item->parallel_with = with != NULL ? *with : 0;
      if (!rapat_store_agenda_insert (store, item, error))
        return FALSE;
      g_hash_table_insert (ids, g_memdup2 (&old->id, sizeof old->id),
                           g_memdup2 (&item->id, sizeof item->id));
    }
  if (!rapat_store_issue_copy_links (store, from_id, to_id, error))
    return FALSE;
  attendees = rapat_store_attendee_list (store, from_id, error);
  if (attendees == NULL)
    return FALSE;
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *old = attendees->pdata[i];
      g_autoptr(RapatAttendee) a = rapat_attendee_new ();

      a->meeting_id = to_id;
      a->person_id = old->person_id;
      a->role = old->role;
      a->rsvp = RAPAT_RSVP_NEEDS_ACTION;
      a->attendance = RAPAT_ATTENDANCE_NONE;
      if (!rapat_store_attendee_insert (store, a, error))
        return FALSE;
    }
  return TRUE;
}

void
rapat_meeting_touch (const RapatMeeting *before, RapatMeeting *after, gint64 now)
{
  if (rapat_meeting_is_significant_change (before, after))
    after->sequence = before->sequence + 1;
  after->updated_at = now;
}

gboolean
rapat_meeting_may_clash (const RapatMeeting *before, const RapatMeeting *after)
{
  return before->start_utc != after->start_utc || before->end_utc != after->end_utc
         || g_strcmp0 (before->location, after->location) != 0
         || before->status != after->status || before->organizer_id != after->organizer_id;
}

const char *
rapat_meeting_replies_void_reason (const RapatMeeting *before, const RapatMeeting *after)
{
  if (before->start_utc != after->start_utc || before->end_utc != after->end_utc)
    return "time";
  if (g_strcmp0 (before->tzid, after->tzid) != 0)
    return "zone";
  if (g_strcmp0 (before->location, after->location) != 0)
    return "place";
  return NULL;
}

gboolean
rapat_meeting_check_delete (RapatStore *store, const RapatMeeting *m, gboolean force,
                            GError **error)
{
  g_autoptr(GPtrArray) attendees = NULL;
  guint recorded = 0;
  gint64 n_actions;

  if (force)
    return TRUE;
  attendees = rapat_store_attendee_list (store, m->id, error);
  if (attendees == NULL)
    return FALSE;
  for (guint i = 0; i < attendees->len; i++)
    if (((RapatAttendee *) attendees->pdata[i])->attendance != RAPAT_ATTENDANCE_NONE)
      recorded++;
  if (recorded > 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "meeting '%s': attendance is recorded for %u person; cancel it instead, or delete with --force",
                                "meeting '%s': attendance is recorded for %u people; cancel it instead, or delete with --force",
                                recorded),
                   m->title, recorded);
      return FALSE;
    }
  n_actions = rapat_store_meeting_count_actions (store, m->id, error);
  if (n_actions < 0)
    return FALSE;
  if (n_actions > 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "meeting '%s': raised %" PRId64 " action; cancel it instead, or delete with --force (actions are kept, unlinked)",
                                "meeting '%s': raised %" PRId64 " actions; cancel it instead, or delete with --force (actions are kept, unlinked)",
                                n_actions),
                   m->title, n_actions);
      return FALSE;
    }
  return TRUE;
}
