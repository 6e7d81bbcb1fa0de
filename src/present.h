/* rapat — how meetings are shown: times in the meeting's zone, JSON fields (cli layer). */
#pragma once

#include "rapat.h"
#include "model.h"
#include "output.h"
#include "when.h"

G_BEGIN_DECLS

/* Writes the meeting's own fields as members of the current JSON object. */
void rapat_present_meeting_json (RapatJson *json, const RapatMeeting *m, GTimeZone *tz);

/* Writes @reviews (RapatReview) as a JSON array called "reviews": each
 * action as it is now and what was reported of it ("reported", or null). */
void rapat_present_reviews_json (RapatJson *json, GPtrArray *reviews);

/* Writes @items (RapatAgendaItem, in order) as a JSON array called "agenda",
 * with start and end computed from the meeting's start; a review item
 * carries the actions it reviews ("reviews"). */
void rapat_present_agenda_json (RapatJson *json, const RapatMeeting *m, GTimeZone *tz,
                                GPtrArray *items);

/* Prints @items as an aligned table with computed times, their notes, the
 * actions the review items review (as they are now), then a warning line
 * when the agenda runs past the meeting's end. */
void rapat_present_agenda_table (FILE *out, const RapatMeeting *m, GTimeZone *tz,
                                 GPtrArray *items, const char *indent);

/* Writes @attendees (RapatAttendee) as a JSON array called "attendees"; each
 * carries "earlier_replies", its entries of @history (RapatReplyReset, as
 * rapat_store_reply_history() orders them; NULL for none), instants in @tz. */
void rapat_present_attendees_json (RapatJson *json, GTimeZone *tz, GPtrArray *attendees,
                                   GPtrArray *history);

/* Prints @history (RapatReplyReset, as rapat_store_reply_history() orders
 * them) as a table in the order of @attendees: the person, the reply, when
 * it was reset (in @tz) and why. */
void rapat_present_reply_history_table (FILE *out, GTimeZone *tz, GPtrArray *attendees,
                                        GPtrArray *history, const char *indent);

/* Prints @attendees as an aligned table (role, reply, attendance, arrival, stand-in). */
void rapat_present_attendee_table (FILE *out, const RapatMeeting *m, GTimeZone *tz,
                                   GPtrArray *attendees, const char *indent);

/* Returns the action's status for people, "in-progress, overdue" when it is
 * overdue as of @today ("YYYY-MM-DD"). */
char *rapat_present_action_status (const RapatAction *a, const char *today);

/* Prints one version of the minutes of @m for people: the header (notulis,
 * chair, times held, attendance, status), each agenda item of @items
 * (RapatMinutesItem) with its notes and the decisions of @decisions
 * (RapatDecision) taken under it (and, on a review item, each action it
 * reviews now and as reported), the summary, and the history @versions
 * (RapatMinutesVersion; may be NULL).  Times in @tz. */
void rapat_present_minutes (FILE *out, const RapatMeeting *m, GTimeZone *tz,
                            const RapatMinutes *n, GPtrArray *items, GPtrArray *decisions,
                            GPtrArray *versions);

/* Writes the same as members of the current JSON object. */
void rapat_present_minutes_json (RapatJson *json, const RapatMeeting *m, GTimeZone *tz,
                                 const RapatMinutes *n, GPtrArray *items, GPtrArray *decisions,
                                 GPtrArray *versions);

/* Writes the state of the minutes of a meeting as the member "minutes" of
 * the current JSON object, for 'meeting show': null when @n is NULL (none
 * started), else the status, version, when final and who signed
 * (@versions: RapatMinutesVersion), notulis, chair, the times held and the
 * decisions (RapatDecision), each with the ids of the actions of @actions
 * (RapatAction of the meeting) that carry it out. */
void rapat_present_meeting_minutes_json (RapatJson *json, GTimeZone *tz, const RapatMinutes *n,
                                         GPtrArray *decisions, GPtrArray *versions,
                                         GPtrArray *actions);

/* Prints the same for people: a "Minutes:" paragraph, then the decisions
 * as a table. */
void rapat_present_meeting_minutes (FILE *out, const RapatMeeting *m, GTimeZone *tz,
                                    const RapatMinutes *n, GPtrArray *decisions,
                                    GPtrArray *versions, GPtrArray *actions);

G_END_DECLS
