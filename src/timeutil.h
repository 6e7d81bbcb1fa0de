/* rapat — parsing and display of dates, times, zones and durations (core layer).
 *
 * Instants are Unix seconds (UTC).  Wall-clock input is read in a zone, which
 * is an IANA identifier ("Asia/Jayapura"), "UTC" or a fixed offset ("+09:00"). */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* Longest meeting and longest agenda item, in minutes. */
#define RAPAT_MAX_MEETING_MINUTES (31 * 24 * 60)
#define RAPAT_MAX_ITEM_MINUTES    (24 * 60)

/* Loads the zone called @name.  Accepts IANA names present in the system's
 * tz database, "UTC"/"Z", and offsets "+HH:MM", "+HHMM" or "+HH".  On success
 * returns the zone and stores its canonical name (offsets as "+09:00") in
 * @canonical if not NULL; on failure returns NULL with @error set. */
GTimeZone *rapat_time_zone_load (const char *name, char **canonical, GError **error);

/* Returns the canonical name of the system's zone ($TZ or /etc/localtime),
 * falling back to "UTC" when it cannot be named. */
char *rapat_time_zone_default (void);

/* Parses "YYYY-MM-DD HH:MM" (a 'T' may replace the space) as a wall-clock
 * time in @tz, or with an explicit offset suffix ("Z", "+09:00", "+0900"),
 * which then wins over @tz.  @what names the field in error messages.
 * Stores the instant in @out and whether an offset was given in @had_offset
 * (may be NULL).  Refuses impossible dates and times, and wall-clock times
 * skipped by a daylight-saving change. */
gboolean rapat_time_parse_datetime (const char *what, const char *text, GTimeZone *tz,
                                    gint64 *out, gboolean *had_offset, GError **error);

/* Parses "YYYY-MM-DD" into @year, @month, @day, refusing impossible dates. */
gboolean rapat_time_parse_date (const char *what, const char *text,
                                int *year, int *month, int *day, GError **error);

/* Returns the instant at which the day @text ("YYYY-MM-DD") starts in @tz,
 * plus @add_days days (use 1 to get the end of that day). */
gboolean rapat_time_parse_day (const char *what, const char *text, GTimeZone *tz,
                               int add_days, gint64 *out, GError **error);

/* Parses "HH:MM" (00:00 to 23:59) into minutes since midnight. */
gboolean rapat_time_parse_clock (const char *what, const char *text, int *minutes,
                                 GError **error);

/* Parses a duration: "90m", "2h", "2h30m" (also "2h 30m", upper case units).
 * The result must lie in 1..@max_minutes. */
gboolean rapat_time_parse_duration (const char *what, const char *text, int max_minutes,
                                    int *minutes, GError **error);

/* Formats minutes as "45m", "2h" or "2h30m". */
char *rapat_time_format_duration (gint64 minutes);

/* Returns instant @utc as seconds of local time in @tz since the epoch's
 * local midnight: utc plus the offset in force then.  Cheap: no GDateTime. */
gint64 rapat_time_local (gint64 utc, GTimeZone *tz);

/* The local calendar fields of instant @utc in @tz, computed without a
 * GDateTime; FALSE outside years 1 to 9999. */
typedef struct {
  int year, month, day, hour, minute, second;
} RapatLocalFields;
gboolean rapat_time_fields (gint64 utc, GTimeZone *tz, RapatLocalFields *out);

/* Formats the instant @utc in @tz with g_date_time_format() conventions
 * (names of days and months come from the locale). */
char *rapat_time_format (gint64 utc, GTimeZone *tz, const char *format);

/* Formats @utc in @tz as ISO 8601 with offset, "2025-09-02T09:00:00+09:00". */
char *rapat_time_format_iso (gint64 utc, GTimeZone *tz);

/* Returns the zone abbreviation in force at @utc in @tz ("WIT", "CEST");
 * for zones without one, what the tz database gives ("+09"), and for
 * fixed-offset zones their name ("+09:00"). */
char *rapat_time_abbrev (gint64 utc, GTimeZone *tz);

/* Returns today's date in the system's zone, "YYYY-MM-DD" (see rapat_time_now()). */
char *rapat_time_today (void);

/* Returns the current instant, or $SOURCE_DATE_EPOCH when it is set to a
 * number, so that output and stored timestamps can be made reproducible. */
gint64 rapat_time_now (void);

G_END_DECLS
