/* rapat — the rules of recorded attendance (domain layer). */
#include "attendance.h"
#include "when.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

gboolean
rapat_attendance_parse_arrival (const RapatMeeting *m, const char *text, gint64 *out,
                                char **warning, GError **error)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *full = NULL;
  g_autofree char *ex = rapat_text_excerpt (text);
  g_auto(RapatTimeParsed) parsed = { 0 };
  int minutes;

  *warning = NULL;
  if (strlen (text) <= 5)
    {
      g_autofree char *day = rapat_when_day (m->start_utc, tz);
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
      g_autofree char *end = rapat_when_clock (m->end_utc, tz);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("arrival '%s': after the meeting ended (%s)"), ex, end);
      return FALSE;
    }
  if (*out < m->start_utc - RAPAT_EARLIEST_ARRIVAL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("arrival '%s': more than 12 hours before the meeting starts"), ex);
      return FALSE;
    }
  *warning = g_strdup (parsed.warning);
  return TRUE;
}
