/* rapat — the rules of a meeting's minutes (domain layer). */
#include "minutes.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

/* Sets @error to say that the minutes of @m are final. */
static void
set_final_error (GError **error, const RapatMeeting *m, int version)
{
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("meeting '%s': its minutes are final (version %d); open a new version with "
                 "'rapat minutes amend' first"), m->title, version);
}

/* Returns the first attendee of @m whose role is chair, 0 when none, -1 on failure. */
static gint64
default_chair (RapatStore *store, const RapatMeeting *m, GError **error)
{
  g_autoptr(GPtrArray) attendees = rapat_store_attendee_list (store, m->id, error);

  if (attendees == NULL)
    return -1;
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      if (a->role == RAPAT_ROLE_CHAIR)
        return a->person_id;
    }
  return 0;
}

RapatMinutes *
rapat_minutes_start (RapatStore *store, const RapatMeeting *m, gint64 notulis_id,
                     gint64 chair_id, gint64 now, GError **error)
{
  g_autoptr(RapatMinutes) n = NULL;
  g_autoptr(GError) local = NULL;

  if (m->status == RAPAT_MEETING_CANCELLED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': cancelled, so it has no minutes to keep"), m->title);
      return NULL;
    }
  n = rapat_store_minutes_get (store, m->id, 0, &local);
  if (n == NULL && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (n != NULL)
    {
      if (n->status == RAPAT_MINUTES_FINAL)
        {
          set_final_error (error, m, n->version);
          return NULL;
        }
      if (notulis_id != 0)
        n->notulis_id = notulis_id;
      if (chair_id != 0)
        n->chair_id = chair_id;
      n->updated_at = now;
      if (!rapat_store_minutes_update (store, n, error))
        return NULL;
      return rapat_store_minutes_get (store, m->id, 0, error);
    }
  if (chair_id == 0 && (chair_id = default_chair (store, m, error)) < 0)
    return NULL;
  n = g_new0 (RapatMinutes, 1);
  n->meeting_id = m->id;
  n->notulis_id = notulis_id;
  n->chair_id = chair_id;
  n->status = RAPAT_MINUTES_DRAFT;
  n->version = 1;
  n->created_at = n->updated_at = now;
  if (!rapat_store_minutes_insert (store, n, error))
    return NULL;
  return rapat_store_minutes_get (store, m->id, 0, error);
}

RapatMinutes *
rapat_minutes_open (RapatStore *store, const RapatMeeting *m, GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_store_minutes_get (store, m->id, 0, error);

  if (n == NULL)
    return NULL;
  if (n->status == RAPAT_MINUTES_FINAL)
    {
      set_final_error (error, m, n->version);
      return NULL;
    }
  return g_steal_pointer (&n);
}

/* Marks the draft @n of @m as changed at @now. */
static gboolean
touch (RapatStore *store, RapatMinutes *n, gint64 now, GError **error)
{
  n->updated_at = now;
  return rapat_store_minutes_update (store, n, error);
}

gboolean
rapat_minutes_note (RapatStore *store, const RapatMeeting *m, const char *item,
                    const char *text, gint64 now, GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_minutes_open (store, m, error);
  g_autoptr(RapatAgendaItem) it = NULL;
  g_autofree char *notes = NULL;

  if (n == NULL)
    return FALSE;
  it = rapat_store_agenda_resolve (store, m->id, item, error);
  if (it == NULL
      || !rapat_text_check (_("notes"), text, RAPAT_TEXT_MULTILINE, 2 * RAPAT_MAX_TEXT, error))
    return FALSE;
  /* A file or an editor ends the text with line ends that are no part of
   * the notes; notes cleared are no notes (the item shows none). */
  notes = g_strchomp (g_strdup (text));
  return rapat_store_minutes_set_note (store, it->id, *notes != '\0' ? notes : NULL, now, error)
         && touch (store, n, now, error);
}

gboolean
rapat_minutes_decide (RapatStore *store, const RapatMeeting *m, const char *item,
                      const char *text, gint64 now, int *number, GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_minutes_open (store, m, error);
  g_autoptr(RapatAgendaItem) it = NULL;
  g_autoptr(RapatDecision) d = g_new0 (RapatDecision, 1);

  if (n == NULL)
    return FALSE;
  it = rapat_store_agenda_resolve (store, m->id, item, error);
  if (it == NULL
      || !rapat_text_check (_("decision"), text, RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                            RAPAT_MAX_TEXT, error))
    return FALSE;
  d->meeting_id = m->id;
  d->agenda_item_id = it->id;
  d->text = g_strdup (text);
  d->created_at = now;
  if (!rapat_store_decision_insert (store, d, error) || !touch (store, n, now, error))
    return FALSE;
  *number = d->number;
  return TRUE;
}

gboolean
rapat_minutes_summary (RapatStore *store, const RapatMeeting *m, const char *text, gint64 now,
                       GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_minutes_open (store, m, error);

  if (n == NULL
      || !rapat_text_check (_("summary"), text, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT, error))
    return FALSE;
  g_free (n->summary);
  n->summary = *text != '\0' ? g_strdup (text) : NULL;
  return touch (store, n, now, error);
}

gboolean
rapat_minutes_parse_held (const RapatMeeting *m, const char *from, const char *to,
                          gint64 *start_utc, gint64 *end_utc, GError **error)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *day = rapat_when_day (m->start_utc, tz);
  g_autofree char *full_from = NULL;
  g_autofree char *full_to = NULL;
  g_auto(RapatTimeParsed) p1 = { 0 };
  g_auto(RapatTimeParsed) p2 = { 0 };
  int from_min, to_min;

  if (!rapat_time_parse_clock ("--from", from, &from_min, error)
      || !rapat_time_parse_clock ("--to", to, &to_min, error))
    return FALSE;
  full_from = g_strdup_printf ("%s %s", day, from);
  if (!rapat_time_parse_datetime ("--from", full_from, tz, start_utc, &p1, error))
    return FALSE;
  if (to_min > from_min)
    full_to = g_strdup_printf ("%s %s", day, to);
  else
    {
      /* Held past midnight: the end is on the next day. */
      RapatLocalFields f;
      if (!rapat_time_fields (m->start_utc, tz, &f))
        f.year = 0;
      g_autoptr(GDateTime) next = g_date_time_new_utc (f.year, f.month, f.day, 12, 0, 0);
      g_autoptr(GDateTime) after = next != NULL ? g_date_time_add_days (next, 1) : NULL;
      g_autofree char *next_day = after != NULL ? g_date_time_format (after, "%Y-%m-%d") : NULL;
      if (next_day == NULL)
        {
          g_autofree char *ex = rapat_text_excerpt (to);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("--to '%s': the next day is out of range"), ex);
          return FALSE;
        }
      full_to = g_strdup_printf ("%s %s", next_day, to);
    }
  return rapat_time_parse_datetime ("--to", full_to, tz, end_utc, &p2, error);
}

gboolean
rapat_minutes_held (RapatStore *store, const RapatMeeting *m, const char *from, const char *to,
                    gint64 now, GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_minutes_open (store, m, error);

  if (n == NULL
      || !rapat_minutes_parse_held (m, from, to, &n->held_start_utc, &n->held_end_utc, error))
    return FALSE;
  return touch (store, n, now, error);
}

gboolean
rapat_minutes_finalize (RapatStore *store, const RapatMeeting *m, gint64 by_id, gint64 now,
                        GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_minutes_open (store, m, error);

  if (n == NULL)
    return FALSE;
  if (n->notulis_id == 0 || n->chair_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   n->notulis_id == 0
                   ? _("meeting '%s': the minutes name no notulis; set one with "
                       "'rapat minutes start MEETING --notulis PERSON'")
                   : _("meeting '%s': the minutes name no chair; set one with "
                       "'rapat minutes start MEETING --chair PERSON'"), m->title);
      return FALSE;
    }
  n->status = RAPAT_MINUTES_FINAL;
  n->finalized_at = now;
  return touch (store, n, now, error)
         && rapat_store_minutes_keep (store, m->id, by_id != 0 ? by_id : n->notulis_id, error);
}

int
rapat_minutes_amend (RapatStore *store, const RapatMeeting *m, gint64 by_id,
                     const char *reason, gint64 now, GError **error)
{
  g_autoptr(RapatMinutes) n = rapat_store_minutes_get (store, m->id, 0, error);

  if (n == NULL)
    return 0;
  if (n->status != RAPAT_MINUTES_FINAL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': its minutes are still a draft (version %d); "
                     "only final minutes are amended"), m->title, n->version);
      return 0;
    }
  if (reason != NULL
      && !rapat_text_check (_("reason"), reason, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT, error))
    return 0;
  if (!rapat_store_minutes_mark_amended (store, m->id, n->version, by_id, reason, now, error))
    return 0;
  n->status = RAPAT_MINUTES_DRAFT;
  n->finalized_at = 0;
  n->version++;
  if (!touch (store, n, now, error))
    return 0;
  return n->version;
}

gboolean
rapat_minutes_decision_resolve (RapatStore *store, gint64 meeting_id, const char *text,
                                gint64 *id, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (text);
  gint64 number;

  if (meeting_id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("decision '%s': decisions are numbered within a meeting; "
                     "name it with --meeting"), ex);
      return FALSE;
    }
  if (!rapat_text_parse_id (text, &number) || number > G_MAXINT)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("decision '%s': not a decision number (1, 2, ...)"), ex);
      return FALSE;
    }
  *id = rapat_store_decision_find (store, meeting_id, (int) number, error);
  if (*id < 0)
    return FALSE;
  if (*id == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("decision '%s': meeting %" PRId64 " has no such decision"),
                   ex, meeting_id);
      return FALSE;
    }
  return TRUE;
}
