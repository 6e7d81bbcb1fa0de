/* rapat — times for people: instants, ranges, days and zones (core layer).
 *
 * The one place that decides how a time reads: 'meeting show' and 'meeting
 * list', every report, the sign-in sheet and the commands' messages call it,
 * so that an overnight meeting or a daylight-saving change reads the same
 * everywhere.  It formats model values only: it never opens the store and
 * never prints.  Times for programs (JSON, iCalendar) are not its business:
 * see rapat_time_format_iso(). */
#pragma once

#include "rapat.h"
#include "model.h"

G_BEGIN_DECLS

/* The language of day and month names.  Most output follows the language
 * of the output (rapat_lang(), see src/lang.h); a paper is printed in a
 * language of its own.  The names are rapat's, never the C library's. */
typedef enum {
  RAPAT_WHEN_LOCALE,      /* the output's: "Tue 2 Sep 2025, 09:00" in English,
                           * as RAPAT_WHEN_INDONESIAN in Indonesian */
  RAPAT_WHEN_ENGLISH,     /* "Tuesday 2 September 2025", "09:00" */
  RAPAT_WHEN_INDONESIAN,  /* "Selasa, 2 September 2025", "09.00" */
} RapatWhenLang;

/* Returns the zone called @tzid, or UTC when the name no longer loads (a
 * database written on a system with another tz database): a time is still
 * shown, never an error.  Free with g_time_zone_unref(). */
GTimeZone *rapat_when_zone (const char *tzid);

/* Returns the zone of meeting @m, as rapat_when_zone() does. */
GTimeZone *rapat_when_meeting_zone (const RapatMeeting *m);

/* Returns the day of @utc in @tz as "2025-09-02". */
char *rapat_when_day (gint64 utc, GTimeZone *tz);

/* Returns the time of day of @utc in @tz as "09:00" ("09.00" when the
 * output speaks Indonesian, see rapat_lang()). */
char *rapat_when_clock (gint64 utc, GTimeZone *tz);

/* Returns @utc in @tz as "2025-09-02 09:00", the form rapat reads back:
 * for messages that quote a time the user may type again. */
char *rapat_when_instant (gint64 utc, GTimeZone *tz);

/* Returns @utc in @tz as "2025-09-02 09:00 WIT": an instant with the
 * abbreviation in force then. */
char *rapat_when_instant_zoned (gint64 utc, GTimeZone *tz);

/* Returns the day of @utc in @tz for people in @lang: "Tue 2 Sep 2025",
 * "Tuesday 2 September 2025" or "Selasa, 2 September 2025". */
char *rapat_when_date (gint64 utc, GTimeZone *tz, RapatWhenLang lang);

/* Returns the range @start..@end in @tz for people, in @lang:
 *   same day:    "Tue 2 Sep 2025, 09:00–12:00 WIT"
 *   across days: "Tue 2 Sep 2025 19:00 – Wed 3 Sep 2025 12:00 WIT"
 * and, when the zone's abbreviation changes in between (a daylight-saving
 * change), each end with its own: "Sun 26 Oct 2025, 01:30 CEST – 03:30 CET".
 * One abbreviation would misname one of the two times. */
char *rapat_when_range (gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang);

/* The range of rapat_when_range() split for a form that has a row for the
 * date and a row for the time, as a sign-in sheet has.  @date_row gets
 * "Selasa, 2 September 2025", or both days joined by " – " when the range
 * ends on a later day; @time_row "19.00–12.00 WIT" or, across days or an
 * abbreviation change, "19.00 – 12.00 WIT" / "01.30 CEST – 03.30 CET".
 * The caller frees both. */
void rapat_when_range_rows (gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang,
                            char **date_row, char **time_row);

/* Returns a meeting's time for people in the locale: rapat_when_range() of
 * its start and end in @tz (its own zone, see rapat_when_meeting_zone()). */
char *rapat_when_meeting (const RapatMeeting *m, GTimeZone *tz);

/* Returns a range on one line of a table, compact and without day names:
 * "2025-09-02 10:00–11:00 WIT", "2025-09-02 19:00 – 2025-09-03 12:00 WIT",
 * or "2026-03-29 01:30 CET – 03:30 CEST" when the abbreviation changes.
 * @tzid is loaded as rapat_when_zone() does. */
char *rapat_when_span (gint64 start, gint64 end, const char *tzid);

/* Returns the clock times of a range for a table whose date is a column of
 * its own, "09:00–12:00 WIT", or "19:00–12:00+1 WIT" when it ends N days
 * later; stores the start's day ("2025-09-02") in @day.  Without a
 * GDateTime, as 'meeting list' calls it once per row. */
char *rapat_when_clock_span (gint64 start, gint64 end, GTimeZone *tz, char **day);

/* Returns the clock times of an agenda item, "09:00–09:15 WIT", with the
 * abbreviation in force at its start, as the agenda in an invitation's
 * DESCRIPTION gives it.  Without a GDateTime: called once per item of
 * every exported meeting. */
char *rapat_when_clocks (gint64 start, gint64 end, GTimeZone *tz);

/* Returns the day of @utc in @tz as a letter dates it, without the day of
 * the week: "1 September 2025" (English or Indonesian; the locale's form
 * for RAPAT_WHEN_LOCALE). */
char *rapat_when_letter_date (gint64 utc, GTimeZone *tz, RapatWhenLang lang);

/* Returns the day @day ("YYYY-MM-DD", a due day) as rapat_when_letter_date()
 * writes it, or a copy of @day when it does not parse. */
char *rapat_when_letter_day (const char *day, RapatWhenLang lang);

/* Returns the clock times of @start..@end in @tz without the zone, for a
 * programme whose heading names it: "09.00–09.15" in Indonesian, "09:00–09:15"
 * otherwise, with "+1" after the end when it falls N days later. */
char *rapat_when_clocks_lang (gint64 start, gint64 end, GTimeZone *tz, RapatWhenLang lang);

G_END_DECLS
