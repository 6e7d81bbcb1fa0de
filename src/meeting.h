/* rapat — the rules of a meeting's life: its times, a series, a change,
 * a deletion (domain layer).
 *
 * Below the command line: these functions take values, never options, and
 * never print; what a person should be told comes back as an error or as
 * warnings for the caller to pass on.  Those that need records take the
 * store, so that Check reaches them on a real database. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* The times a command gives for a meeting, as the user wrote them; NULL
 * for one not given. */
typedef struct {
  const char *start;       /* "YYYY-MM-DD HH:MM", in the zone or with an offset */
  const char *end;         /* the same, or "HH:MM" on the start's day */
  const char *duration;    /* "90m", "2h30m", instead of @end */
  const char *tz;          /* the zone the times are read in */
  const char *default_tz;  /* for a new meeting without @tz: the zone to use */
} RapatMeetingTimes;

/* Sets the start, end and zone of @m from @times.  A new meeting (@is_new)
 * needs @start and one of @end and @duration (the caller checks that, as it
 * names options).  Editing, what is not given keeps its stored value: a new
 * start keeps the length, and a new zone alone keeps the wall-clock times
 * and reads them in that zone; a start with an offset and no zone puts the
 * meeting in that offset.  Refuses an end not after the start, a meeting
 * over 31 days and times outside the years rapat keeps; on failure @m is
 * unchanged.  A time that names the earlier of two instants (clocks going
 * back) is accepted, and a sentence saying so is added to @warnings (an
 * array of strings, may be NULL). */
gboolean rapat_meeting_apply_times (RapatMeeting *m, const RapatMeetingTimes *times,
                                    gboolean is_new, GPtrArray *warnings, GError **error);

/* Checks @url, a link to join a meeting online: it is written into
 * invitations as a URI (RFC 3986), so it must be an absolute http or https
 * address with a host, in ASCII, without spaces, within the schema's limit. */
gboolean rapat_meeting_check_url (const char *url, GError **error);

/* Returns the series meeting @m (its times and zone set) starts, repeating
 * by @rule (daily, weekly, monthly, yearly or an RRULE) until the day
 * @until or for @count occurrences (text, as given; both may be NULL but
 * not both set, which the caller refuses), and stores in @starts the start
 * of every occurrence.  Refuses a start in the second pass of a repeated
 * hour, which a calendar cannot name. */
RapatSeries *rapat_meeting_series_new (const RapatMeeting *m, const char *rule, const char *until,
                                       const char *count, GArray **starts, GError **error);

/* Makes @m the occurrence of the stored @series that starts at @start: its
 * own uid, times, recurrence id and series. */
void rapat_meeting_set_occurrence (RapatMeeting *m, const RapatSeries *series, gint64 start);

/* Returns a deep copy of @m. */
RapatMeeting *rapat_meeting_copy (const RapatMeeting *m);

/* Returns a new meeting made from @from as a template, not yet stored:
 * its title, kind, description, location, link, organizer, zone and times,
 * confirmed (tentative stays tentative; cancelled comes back confirmed),
 * with a new uid, sequence 0, outside any series (an occurrence copies as a
 * single meeting), created at @now.  The caller sets the new times. */
RapatMeeting *rapat_meeting_template (const RapatMeeting *from, gint64 now);

/* Copies into the stored meeting @to_id what meeting @from_id planned: its
 * agenda (items in order with their lengths, types, presenters, notes,
 * rooms, parallel sessions and issues; a review item comes empty, its
 * actions are the old meeting's), the issues it discussed, and its
 * invitations with their roles.  Replies, attendance, arrivals, stand-ins,
 * minutes, decisions and actions stay with @from_id.  The agenda's times
 * follow @to_id's start. */
gboolean rapat_meeting_copy_contents (RapatStore *store, gint64 from_id, gint64 to_id,
                                      GError **error);

/* Prepares @after, an edited copy of @before, to be stored at @now: the
 * sequence rises when a calendar must see the change. */
void rapat_meeting_touch (const RapatMeeting *before, RapatMeeting *after, gint64 now);

/* Returns TRUE when the change from @before to @after can bring a clash
 * that was not there: a new time, room, status or organizer. */
gboolean rapat_meeting_may_clash (const RapatMeeting *before, const RapatMeeting *after);

/* Returns why the replies to @before no longer hold in @after: "time",
 * "zone" or "place" (the first that applies, in that order), or NULL.  A
 * new online link is no move: whoever accepted can still join. */
const char *rapat_meeting_replies_void_reason (const RapatMeeting *before,
                                               const RapatMeeting *after);

/* Checks that meeting @m may be deleted: not when attendance was recorded
 * or actions were raised there, unless @force (the actions then stay,
 * unlinked).  Errors are RAPAT_ERROR_IN_USE. */
gboolean rapat_meeting_check_delete (RapatStore *store, const RapatMeeting *m, gboolean force,
                                     GError **error);

G_END_DECLS
