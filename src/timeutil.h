/* rapat — parsing and display of dates, times, zones and durations (core layer).
 *
 * Instants are Unix seconds (UTC).  Wall-clock input is read in a zone, which
 * is an IANA identifier ("Asia/Jayapura"), "UTC", a fixed offset ("+09:00")
 * or a POSIX TZ string with daylight-saving rules. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* Longest meeting and longest agenda item, in minutes. */
#define RAPAT_MAX_MEETING_MINUTES (31 * 24 * 60)
#define RAPAT_MAX_ITEM_MINUTES    (24 * 60)

/* Loads the zone called @name.  Accepts IANA names present in the system's
 * tz database, "UTC"/"Z", offsets "+HH:MM", "+HHMM" or "+HH", and POSIX TZ
 * strings: a fixed one ("WIB-7", "<+07>-7") is its offset ("+07:00"), one
 * with rules ("CET-1CEST,M3.5.0,M10.5.0/3") is named as written.  On success
 * returns the zone and stores its canonical name (offsets as "+09:00") in
 * @canonical if not NULL; on failure returns NULL with @error set. */
GTimeZone *rapat_time_zone_load (const char *name, char **canonical, GError **error);

/* Returns the canonical name of the system's zone: $TZ when it is set (an
 * IANA name, an offset, a POSIX TZ string such as "WIB-7", which becomes
 * "+07:00", or "CET-1CEST,M3.5.0,M10.5.0/3", kept as it is, or a file of
 * the tz database), else the zone /etc/localtime links to (or, for a copy,
 * the one /etc/timezone names).  When the zone cannot be known (TZ empty or
 * unreadable, a file outside the tz database, /etc/localtime missing),
 * returns NULL with @error saying to give --tz or set the database's zone;
 * never UTC by default, and GLib never reads a file TZ names. */
char *rapat_time_zone_default (GError **error);

/* Returns the names of the zones of the system's tz database ($TZDIR, else
 * /usr/share/zoneinfo), links included, sorted, with "UTC" among them:
 * from its tzdata.zi, else zone1970.tab or zone.tab.  Only "UTC" when none
 * can be read.  Free with g_strfreev(). */
char **rapat_time_zone_names (void);

/* rapat_time_zone_default() with its inputs given: @tz_env is the value of
 * $TZ (NULL when unset), @localtime the system's zone file and
 * @timezone_file (may be NULL) the file that names it. */
char *rapat_time_zone_from_env (const char *tz_env, const char *localtime,
                                const char *timezone_file, GError **error);

/* The years rapat keeps: every date it reads, every start and end of a
 * meeting in the meeting's zone, every occurrence and UNTIL of a series. */
#define RAPAT_YEAR_MIN 1900
#define RAPAT_YEAR_MAX 9998

/* The instants rapat accepts: RAPAT_TIME_MIN is 1900-01-01 00:00 at
 * UTC+26:00 and RAPAT_TIME_MAX 9998-12-31 23:59:59 at UTC-26:00 (no zone
 * has ever been that far from UTC).  So every wall-clock time of years
 * RAPAT_YEAR_MIN..RAPAT_YEAR_MAX, in any zone, is an instant between them,
 * and every instant between them reads, in any zone, as a time of years
 * 1899..9999: four digits, which GDateTime and RFC 5545 can write. */
#define RAPAT_TIME_MIN G_GINT64_CONSTANT (-2209082400)
#define RAPAT_TIME_MAX G_GINT64_CONSTANT (253370858399)

/* Returns TRUE when instant @t lies in RAPAT_TIME_MIN..RAPAT_TIME_MAX: for
 * values read back from a database or a file, before they are shown or
 * exported. */
gboolean rapat_time_in_range (gint64 t);

/* Checks that instant @t, read in @tz, falls in years RAPAT_YEAR_MIN to
 * RAPAT_YEAR_MAX (and so in rapat_time_in_range()).  On failure sets
 * @error to "WHAT 'TEXT': rapat keeps dates from 1900 to 9998"; a NULL
 * @text is replaced by @t written in @tz. */
gboolean rapat_time_check_range (const char *what, const char *text, gint64 t, GTimeZone *tz,
                                 GError **error);

/* What rapat_time_parse_datetime() found besides the instant.  Initialise
 * with { 0 }; release with rapat_time_parsed_clear() (or g_auto()). */
typedef struct {
  gboolean had_offset;  /* the text carried an offset ("+01:00", "Z") */
  gboolean repeated;    /* the wall time occurs twice in the zone (clocks went
                         * back); the instant returned is the earlier one */
  gint64 later;         /* when @repeated: the later instant, which the offset
                         * in @warning selects; otherwise the instant itself */
  char *warning;        /* when @repeated: one translated line saying which
                         * instant was taken and how to write the other, for
                         * the caller to print after "rapat: warning: " */
} RapatTimeParsed;

/* Frees what @parsed holds and zeroes it; it may be reused. */
void rapat_time_parsed_clear (RapatTimeParsed *parsed);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatTimeParsed, rapat_time_parsed_clear)

/* Parses "YYYY-MM-DD HH:MM" (a 'T' may replace the space) as a wall-clock
 * time in @tz, or with an explicit offset suffix ("Z", "+09:00", "+0900"),
 * which then wins over @tz and selects exactly that instant.  @what names
 * the field in error messages.  Stores the instant in @out and, when
 * @parsed is not NULL, what else was found there (see RapatTimeParsed; the
 * caller clears it).  A wall time that occurs twice (the hour repeated when
 * clocks go back) is the first, earlier instant, as RFC 5545 reads it;
 * @parsed then says so, and the caller warns (the parser prints nothing).
 * Refuses impossible dates and times, dates outside years 1900 to 9998,
 * and wall-clock times skipped by a daylight-saving change; on failure
 * @out and @parsed are untouched. */
gboolean rapat_time_parse_datetime (const char *what, const char *text, GTimeZone *tz,
                                    gint64 *out, RapatTimeParsed *parsed, GError **error);

/* Parses "YYYY-MM-DD" into @year, @month, @day, refusing impossible dates
 * and dates outside years 1900 to 9998. */
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
 * local midnight: utc plus the offset in force then.  Cheap: no GDateTime.
 * Within a day of the ends of gint64 it returns @utc itself rather than
 * overflow. */
gint64 rapat_time_local (gint64 utc, GTimeZone *tz);

/* The local calendar fields of instant @utc in @tz, computed without a
 * GDateTime; FALSE, with @out untouched, outside years 1 to 9999 (any
 * gint64 is safe to pass). */
typedef struct {
  int year, month, day, hour, minute, second;
} RapatLocalFields;
gboolean rapat_time_fields (gint64 utc, GTimeZone *tz, RapatLocalFields *out);

/* How a wall-clock time maps onto instants in a zone. */
typedef enum {
  RAPAT_WALL_UNIQUE,    /* once */
  RAPAT_WALL_REPEATED,  /* twice: the hour repeated when clocks go back */
  RAPAT_WALL_SKIPPED,   /* never: the hour skipped when clocks go forward */
} RapatWallKind;

/* Places the wall-clock time @wall in @tz as RFC 5545 (3.3.5) does, and
 * says in @kind (may be NULL) how it maps.  @first is the instant meant:
 * the only one, the earlier of two, or for a skipped time the reading with
 * the offset in force before the change.  @later (may be NULL) is the
 * later of two, else the same as @first.  Returns FALSE, leaving the
 * outputs alone, when @wall is not a valid time of years 1 to 9999. */
gboolean rapat_time_from_wall (GTimeZone *tz, const RapatLocalFields *wall,
                               RapatWallKind *kind, gint64 *first, gint64 *later);

/* Returns TRUE when instant @utc is the later of the two instants that
 * share its wall-clock time in @tz (it falls in the second pass of an hour
 * repeated when clocks go back).  Its wall time written with TZID would be
 * read as the earlier one, so a writer must give such an instant in UTC
 * (or with its offset).  FALSE for every other instant. */
gboolean rapat_time_is_later_of_repeat (gint64 utc, GTimeZone *tz);

/* Formats the instant @utc in @tz with g_date_time_format() conventions
 * (names of days and months come from the locale). */
char *rapat_time_format (gint64 utc, GTimeZone *tz, const char *format);

/* Formats @utc in @tz as ISO 8601 with offset, "2025-09-02T09:00:00+09:00". */
char *rapat_time_format_iso (gint64 utc, GTimeZone *tz);

/* Formats @utc as an ISO 8601 instant in UTC, "2025-09-02T00:00:00Z": the
 * form of record timestamps (created, updated, done) in JSON. */
char *rapat_time_format_utc (gint64 utc);

/* Returns the zone abbreviation in force at @utc in @tz ("WIT", "CEST");
 * for zones without one, what the tz database gives ("+09"), and for
 * fixed-offset zones their name ("+09:00"). */
char *rapat_time_abbrev (gint64 utc, GTimeZone *tz);

/* Returns today's date in @tz, "YYYY-MM-DD" (see rapat_time_now()). */
char *rapat_time_today (GTimeZone *tz);

/* Returns the current instant, or $SOURCE_DATE_EPOCH when it is set to a
 * number, so that output and stored timestamps can be made reproducible. */
gint64 rapat_time_now (void);

G_END_DECLS
