/* rapat — the iCalendar (RFC 5545) writer, built with libical (export layer).
 *
 * Streams: the calendar header, then each component as it is given, then
 * the end; nothing but the component being written is held in memory.  It
 * takes model values and the instant "now" (DTSTAMP); it never sees the
 * database. */
#pragma once

#include <stdio.h>

#include "rapat.h"
#include "model.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_ICS_PUBLISH,
  RAPAT_ICS_REQUEST,
  RAPAT_ICS_CANCEL,
} RapatIcsMethod;

extern const RapatEnum rapat_ics_method_enum;

typedef struct _RapatIcsWriter RapatIcsWriter;

/* Starts a calendar on @out: VERSION, PRODID, CALSCALE, METHOD and, if
 * @calname is not NULL, X-WR-CALNAME.  @now is the DTSTAMP of every
 * component. */
RapatIcsWriter *rapat_ics_writer_new (FILE *out, RapatIcsMethod method, const char *calname,
                                      gint64 now);

/* Returns TRUE when meetings in zone @tzid are written with TZID=@tzid and
 * need a VTIMEZONE (IANA zones); FALSE for UTC and fixed offsets, which are
 * written in UTC. */
gboolean rapat_ics_zone_needs_vtimezone (const char *tzid);

/* Writes the VTIMEZONE of @tzid with TZID set to the plain IANA name and
 * only the observances in force between @from and @to (Unix seconds). */
gboolean rapat_ics_write_timezone (RapatIcsWriter *w, const char *tzid, gint64 from, gint64 to,
                                   GError **error);

/* Writes the meeting as a VEVENT with its organizer and attendees
 * (RapatAttendee) and its agenda (RapatAgendaItem) in the description.  With
 * @sessions, each agenda item follows as a VEVENT of its own, RELATED-TO
 * the meeting.  Under METHOD:CANCEL the event says STATUS:CANCELLED. */
gboolean rapat_ics_write_meeting (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                                  GPtrArray *attendees, gboolean sessions, GError **error);

/* How a VEVENT belongs to a recurring series. */
typedef struct {
  const char *uid;         /* the series' UID, written instead of the meeting's */
  const char *rrule;       /* for the master event: its RRULE */
  GArray *exdates;         /* for the master event: starts (gint64) left out, or NULL */
  gint64 recurrence_utc;   /* for an exception: the start the rule gave it, else 0 */
} RapatIcsRecurrence;

/* Writes a meeting of a series: the master event (@r->rrule set; @m gives
 * its properties, @r's rule and @m's start its times) or an exception
 * (@r->recurrence_utc set: RECURRENCE-ID). */
gboolean rapat_ics_write_recurring (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                                    GPtrArray *attendees, const RapatIcsRecurrence *r,
                                    GError **error);

/* Writes the action as a VTODO with its owner as ATTENDEE; when @m (the
 * meeting that raised it) is not NULL, RELATED-TO its uid, with its
 * organizer as ORGANIZER. */
gboolean rapat_ics_write_action (RapatIcsWriter *w, const RapatAction *a, const RapatMeeting *m,
                                 GError **error);

/* Ends the calendar and frees @w; FALSE if writing failed. */
gboolean rapat_ics_writer_finish (RapatIcsWriter *w, GError **error);

/* Frees @w without ending the calendar. */
void rapat_ics_writer_free (RapatIcsWriter *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatIcsWriter, rapat_ics_writer_free)

/* Returns the calendar address rapat writes for a person: "mailto:ADDRESS",
 * or "urn:x-rapat:person:ID" for someone without e-mail. */
char *rapat_ics_person_address (gint64 person_id, const char *email);

G_END_DECLS
