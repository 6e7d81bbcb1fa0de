/* rapat — holidays: the days off a planner does not propose, read from
 * iCalendar files or typed in (domain layer).
 *
 * A holiday is a whole calendar day, not an instant: 17 August is a holiday
 * in Ambon and in Jakarta alike, and a meeting is on a holiday when its own
 * zone's date is that day.  Calendars of holidays (a government's, Google's
 * or Thunderbird's "Indonesian holidays") are all-day VEVENTs: each day they
 * cover becomes a holiday named by the SUMMARY.  These functions read and
 * check; they never print. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* The longest stretch one all-day event may cover, in days: more is a
 * leave or a term, not a holiday. */
#define RAPAT_HOLIDAY_MAX_DAYS 31

/* How many years a yearly rule with no COUNT or UNTIL is read for. */
#define RAPAT_HOLIDAY_ENDLESS_YEARS 10

/* How many occurrences a yearly rule may have at most. */
#define RAPAT_HOLIDAY_MAX_YEARS 100

/* How many days off one file may give at most: a country's holidays for a
 * century are a few thousand. */
#define RAPAT_HOLIDAY_MAX_PER_FILE 100000

/* What a calendar file holds as holidays. */
typedef struct {
  GPtrArray *holidays;   /* RapatHoliday, by day then name; each day and name once */
  guint timed;           /* events with a time of day (meetings, not days off), left out */
  guint cancelled;       /* events with STATUS:CANCELLED, left out */
  GPtrArray *notes;      /* char *: what was read otherwise than written, whole sentences */
} RapatHolidayCalendar;

/* Frees @cal; NULL is ignored. */
void rapat_holiday_calendar_free (RapatHolidayCalendar *cal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatHolidayCalendar, rapat_holiday_calendar_free)

/* Checks a holiday typed in: @day_text must be a date "YYYY-MM-DD" and
 * @name one line of text.  Returns a new holiday of @kind, or NULL with
 * @error naming the value that is wrong. */
RapatHoliday *rapat_holiday_make (const char *day_text, const char *name, int kind,
                                  GError **error);

/* Reads the iCalendar text @data (@len bytes) named @source in messages.
 * Every all-day VEVENT (DTSTART;VALUE=DATE) gives a holiday on each day
 * from DTSTART up to DTEND (excluded; one day without DTEND or DURATION),
 * named by its SUMMARY, of the kind its X-RAPAT-KIND names or else
 * @default_kind, with the source its X-RAPAT-SOURCE (or the calendar's)
 * names or else @source.  A yearly RRULE (INTERVAL, COUNT, UNTIL) is
 * expanded, less its EXDATEs; one with no end is read for
 * RAPAT_HOLIDAY_ENDLESS_YEARS years from the year of @now (or from its
 * start, when later), with a note.  Anything else is
 * refused: a file that is not iCalendar, an unclosed component, an event
 * without SUMMARY or DTSTART, another rule, RDATE or RECURRENCE-ID, more
 * than RAPAT_HOLIDAY_MAX_PER_FILE days; the
 * error names the line (and the event's UID).  Returns NULL with @error
 * then: nothing of a broken file is kept. */
RapatHolidayCalendar *rapat_holiday_parse_ics (const char *data, gsize len, const char *source,
                                               int default_kind, gint64 now, GError **error);

/* Stores each of @holidays (RapatHoliday) not yet kept (same day and
 * name), and counts in *@added those added and in *@known those already
 * there; inside the caller's transaction. */
gboolean rapat_holiday_import (RapatStore *store, GPtrArray *holidays, gint64 now,
                               guint *added, guint *known, GError **error);

/* Returns the holidays (RapatHoliday) on the days meeting @m covers in its
 * own zone, by day then name: an empty array when there are none. */
GPtrArray *rapat_holiday_for_meeting (RapatStore *store, const RapatMeeting *m, GError **error);

G_END_DECLS
