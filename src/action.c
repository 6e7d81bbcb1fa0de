/* rapat — the rules of action items: status, progress, due day, history (domain layer). */
#include "action.h"
#include "when.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

void
rapat_action_set_status (RapatAction *a, RapatActionStatus status, gint64 now)
{
  if (status == RAPAT_ACTION_DONE && a->status != RAPAT_ACTION_DONE)
    {
      a->done_at = now;
      a->progress = 100;
    }
  if (status != RAPAT_ACTION_DONE)
    a->done_at = 0;
  a->status = status;
}

gboolean
rapat_action_parse_progress (const char *text, int *progress, GError **error)
{
  gint64 v = -1;

  /* rapat_text_parse_id() takes ids, which start at 1: 0 is let through here. */
  if (strcmp (text, "0") != 0 && (!rapat_text_parse_id (text, &v) || v > 100))
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("progress '%s': expected a whole number from 0 to 100"), ex);
      return FALSE;
    }
  *progress = v < 0 ? 0 : (int) v;
  return TRUE;
}

gboolean
rapat_action_set_due (RapatStore *store, RapatAction *a, const char *text, GError **error)
{
  int y, mo, d;
  g_autofree char *due = NULL;

  if (text == NULL)
    return TRUE;
  if (*text == '\0')
    {
      g_clear_pointer (&a->due, g_free);
      return TRUE;
    }
  if (!rapat_time_parse_date (_("due"), text, &y, &mo, &d, error))
    return FALSE;
  due = g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
  if (a->meeting_id != 0)
    {
      g_autoptr(RapatMeeting) m = rapat_store_meeting_get (store, a->meeting_id, error);
      g_autoptr(GTimeZone) tz = NULL;
      g_autofree char *day = NULL;

      if (m == NULL)
        return FALSE;
      tz = rapat_when_meeting_zone (m);
      day = rapat_when_day (m->start_utc, tz);
      if (strcmp (due, day) < 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("due '%s': before the meeting that raised the action (%s)"), text, day);
          return FALSE;
        }
    }
  g_free (a->due);
  a->due = g_steal_pointer (&due);
  return TRUE;
}

/* Records that the meeting that raised @a discussed its issue, when it has both. */
static gboolean
link_issue (RapatStore *store, const RapatAction *a, GError **error)
{
  return a->meeting_id == 0 || a->issue_id == 0
         || rapat_store_issue_link (store, a->issue_id, a->meeting_id, TRUE, error);
}

gboolean
rapat_action_create (RapatStore *store, RapatAction *a, gint64 now, GError **error)
{
  g_free (a->uid);
  a->uid = rapat_uid_new ();
  a->created_at = a->updated_at = now;
  return rapat_store_action_insert (store, a, error)
         && rapat_store_action_add_event (store, a, now, _("created"), error)
         && link_issue (store, a, error);
}

gboolean
rapat_action_save (RapatStore *store, const RapatAction *before, RapatAction *after,
                   const char *note, gint64 now, GError **error)
{
  return rapat_action_save_from (store, before, after, note, 0, now, error);
}

gboolean
rapat_action_save_from (RapatStore *store, const RapatAction *before, RapatAction *after,
                        const char *note, gint64 meeting_id, gint64 now, GError **error)
{
  gboolean tracked = before->status != after->status || before->progress != after->progress
                     || g_strcmp0 (before->due, after->due) != 0;

  if (after->status == RAPAT_ACTION_DONE && after->progress != 100)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("progress '%d': a done action is 100%% complete"), after->progress);
      return FALSE;
    }
  if (note != NULL && !rapat_text_check (_("note"), note,
                                         RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                                         RAPAT_MAX_TEXT, error))
    return FALSE;
  after->updated_at = now;
  if (!link_issue (store, after, error) || !rapat_store_action_update (store, after, error))
    return FALSE;
  return (!tracked && note == NULL)
         || rapat_store_action_add_event_from (store, after, now, note, meeting_id, error);
}
