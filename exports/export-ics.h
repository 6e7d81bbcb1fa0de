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

/* What a calendar says of itself, and what every meeting event carries. */
typedef struct {
  const char *name;        /* X-WR-CALNAME and NAME (RFC 7986), or NULL */
  const char *tzid;        /* X-WR-TIMEZONE (all meetings share this zone), or NULL */
  gint64 refresh_s;        /* REFRESH-INTERVAL and X-PUBLISHED-TTL for feeds; 0: none */
  const gint64 *alarms;    /* a VALARM (DISPLAY) this many seconds before each meeting */
  guint n_alarms;
} RapatIcsCalendar;

/* Starts a calendar on @out: VERSION, PRODID, CALSCALE, METHOD and what
 * @cal (may be NULL) says.  @now is the DTSTAMP of every component.
 * @cal and its arrays must outlive the writer. */
RapatIcsWriter *rapat_ics_writer_new_full (FILE *out, RapatIcsMethod method,
                                           const RapatIcsCalendar *cal, gint64 now);

/* rapat_ics_writer_new_full() with only a name (X-WR-CALNAME) or none. */
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
 * the meeting.  Under METHOD:CANCEL the event says STATUS:CANCELLED.
 *
 * Every value is checked before it is written: text that holds a control
 * character a property cannot carry (a line break in an address would
 * start a property of its own), and instants outside the years 1900-9998,
 * are an error naming the record, and nothing of the event is written.
 * Text must be UTF-8, which the store checks of every value it reads. */
gboolean rapat_ics_write_meeting (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                                  GPtrArray *attendees, gboolean sessions, GError **error);

/* One occurrence of a series with what its event shows. */
typedef struct {
  const RapatMeeting *meeting;
  GPtrArray *agenda;         /* RapatAgendaItem */
  GPtrArray *attendees;      /* RapatAttendee */
} RapatIcsOccurrence;

/* A recurring series as a calendar holds it (every pointer borrowed). */
typedef struct {
  const RapatSeries *series; /* UID, RRULE, the zone of EXDATE and RECURRENCE-ID, SEQUENCE */
  const RapatMeeting *master; /* the master event's values, at the rule's first start */
  GPtrArray *agenda;         /* the master's (RapatAgendaItem) */
  GPtrArray *attendees;      /* the master's (RapatAttendee) */
  GArray *exdates;           /* starts (gint64) the rule gives that are left out */
  GPtrArray *exceptions;     /* RapatIcsOccurrence: occurrences that differ from the master */
} RapatIcsSeries;

/* Writes series @s: the master event (RRULE, EXDATE, the series' SEQUENCE
 * and its LAST-MODIFIED), then each exception as an instance
 * (rapat_ics_write_instance()).  Under METHOD:CANCEL the master alone,
 * cancelled: it cancels every instance (RFC 5546 3.2.5). */
gboolean rapat_ics_write_series (RapatIcsWriter *w, const RapatIcsSeries *s, GError **error);

/* Writes occurrence @o of @series as an instance of it: the series' UID,
 * RECURRENCE-ID the start the rule gave it (in the series' zone), and
 * SEQUENCE the series' plus its own, so that it outranks both; the way to
 * invite to, change or cancel one occurrence alone. */
gboolean rapat_ics_write_instance (RapatIcsWriter *w, const RapatSeries *series,
                                   const RapatMeeting *o, GPtrArray *agenda,
                                   GPtrArray *attendees, GError **error);

/* Writes each agenda item of @m as a VEVENT of its own (UID
 * "<meeting uid>-item-<id>"), TRANSP:TRANSPARENT (the meeting already
 * blocks the time), RELATED-TO @related_uid (NULL: the meeting's uid); its
 * SEQUENCE is the meeting's plus the item's own. */
gboolean rapat_ics_write_sessions (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                                   const char *related_uid, GError **error);

/* Writes the action as a VTODO with its owner as ATTENDEE; when @m (the
 * meeting that raised it) is not NULL, RELATED-TO @related_uid (NULL: @m's
 * uid), with its organizer as ORGANIZER. */
gboolean rapat_ics_write_action (RapatIcsWriter *w, const RapatAction *a, const RapatMeeting *m,
                                 const char *related_uid, GError **error);

/* What a meeting read from another calendar brought that rapat does not
 * model: filled by a RapatIcsImportedFunc, freed by the writer. */
typedef struct {
  char *extra;               /* folded iCalendar properties and components, or NULL */
  GPtrArray *externals;      /* RapatExternal: people the directory did not know, or NULL */
} RapatIcsImported;

/* Fills @out with what meeting @m brought from another calendar; FALSE
 * with @error when it cannot be read. */
typedef gboolean (*RapatIcsImportedFunc) (const RapatMeeting *m, RapatIcsImported *out,
                                          gpointer data, GError **error);

/* Has @w ask @func, for each meeting event it writes, for what the meeting
 * brought from another calendar ('import ics'), and write it back: its
 * external invitees as ORGANIZER (when the meeting has none) and ATTENDEEs
 * after rapat's own, then the kept properties and components as they came. */
void rapat_ics_writer_set_imported (RapatIcsWriter *w, RapatIcsImportedFunc func,
                                    gpointer data);

/* Ends the calendar and frees @w; FALSE if writing failed. */
gboolean rapat_ics_writer_finish (RapatIcsWriter *w, GError **error);

/* Frees @w without ending the calendar. */
void rapat_ics_writer_free (RapatIcsWriter *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatIcsWriter, rapat_ics_writer_free)

/* Returns the calendar address rapat writes for a person: "mailto:ADDRESS",
 * or "urn:x-rapat:person:ID" for someone without e-mail. */
char *rapat_ics_person_address (gint64 person_id, const char *email);

G_END_DECLS
