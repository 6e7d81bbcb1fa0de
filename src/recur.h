/* rapat — recurring meetings: rules and their expansion with libical's
 * recurrence engine (core layer). */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* Most occurrences a series may have. */
#define RAPAT_MAX_OCCURRENCES 520

/* Builds the RFC 5545 rule of a series from --repeat (daily, weekly,
 * monthly, yearly, or a rule such as "FREQ=WEEKLY;BYDAY=MO,TH"), with
 * --until (a day, included, in @tz) or --count.  A rule must end: by
 * UNTIL, COUNT, --until or --count.  It repeats daily at most, gives no
 * time of day (BYHOUR, BYMINUTE, BYSECOND: each occurrence starts at the
 * series' start time) and names no BY value twice.  Returns the canonical
 * rule, or NULL with @error set. */
char *rapat_recur_rule (const char *repeat, const char *until_day, gint64 count, GTimeZone *tz,
                        GError **error);

/* Expands @rule from the first start @start_utc, keeping the wall-clock time
 * in @tz across daylight-saving changes.  Returns the starts (gint64, UTC);
 * more than RAPAT_MAX_OCCURRENCES is an error.  The first is @start_utc
 * itself; each later one whose wall time occurs twice (clocks going back)
 * is the earlier instant and one in a skipped hour is read with the offset
 * before the change, as RFC 5545 reads the exported rule.  A start, or an
 * occurrence, outside years 1900 to 9998 in @tz is an error, not dropped. */
GArray *rapat_recur_expand (const char *rule, gint64 start_utc, GTimeZone *tz, GError **error);

/* Like rapat_recur_expand() for occurrences lasting @length_s seconds:
 * one whose end falls after 9998 in @tz is an error as well. */
GArray *rapat_recur_expand_span (const char *rule, gint64 start_utc, gint64 length_s,
                                 GTimeZone *tz, GError **error);

G_END_DECLS
