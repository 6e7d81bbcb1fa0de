/* rapat — calendars from other programs read into meetings: 'import ics'
 * of a PUBLISH or REQUEST calendar, or one without METHOD (domain layer).
 *
 * Each VEVENT becomes a meeting, a recurring one a series with its
 * occurrences and exceptions as rapat's own series are; its UID keeps it
 * one meeting across imports.  The organizer and attendees are found in
 * the directory by address; those it does not know are kept on the meeting
 * as external invitees.  What rapat does not model is kept as text and
 * written back by 'export ics'.  Answers (REPLY, COUNTER, REFRESH) go to
 * rapat_itip_import().  Nothing here prints: notes and counts come back in
 * the summary. */
#pragma once

#include "rapat.h"
#include "itip.h"
#include "store.h"

#include <stdio.h>

G_BEGIN_DECLS

/* How to read a calendar. */
typedef struct {
  gboolean add_people;           /* add unknown addresses to the directory (name from CN) */
  gboolean all_day_as_meetings;  /* import DATE-only events as meetings of whole days */
  gboolean skip_bad;             /* skip a broken event with a note, not refuse the file */
  const char *tz;                /* the zone of floating times (a name rapat loads) */
  const char *until;             /* "YYYY-MM-DD": cut rules beyond 520 occurrences, or NULL */
  gboolean changes;              /* list each meeting added or updated in the summary */
  const char *from;              /* the e-mail's From: address when the calendar came by
                                  * mail, or NULL: a cancellation mailed by someone other
                                  * than the organizer is noted */
} RapatCalimportOptions;

/* What became of one UID (a meeting, or a series with its instances). */
typedef enum {
  RAPAT_CALIMPORT_ADDED,
  RAPAT_CALIMPORT_UPDATED,
  RAPAT_CALIMPORT_UNCHANGED,
  RAPAT_CALIMPORT_OLDER,       /* an older version than the one kept: ignored */
  RAPAT_CALIMPORT_ALL_DAY,     /* a DATE-only event, not a meeting */
  RAPAT_CALIMPORT_BAD,         /* broken, skipped (--skip-bad) */
  RAPAT_CALIMPORT_FROZEN,      /* newer, but a meeting of it has final minutes: kept */
  RAPAT_CALIMPORT_CANCELLED,   /* cancelled by a METHOD:CANCEL */
  RAPAT_CALIMPORT_N_OUTCOMES
} RapatCalimportOutcome;

/* What an import did.  Initialise with rapat_calimport_summary_init();
 * clear with rapat_calimport_summary_clear(). */
typedef struct {
  guint counts[RAPAT_CALIMPORT_N_OUTCOMES];
  guint occurrences;           /* meetings written for series */
  guint people_added;          /* to the directory (--add-people) */
  guint externals;             /* people kept as external invitees whom --add-people
                                * would add (not rooms, equipment or lists) */
  GPtrArray *notes;            /* char *: one line each, for people, translated */
  GPtrArray *changes;          /* char *: one line per meeting added or updated (opt->changes) */
} RapatCalimportSummary;

void rapat_calimport_summary_init (RapatCalimportSummary *summary);
void rapat_calimport_summary_clear (RapatCalimportSummary *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatCalimportSummary, rapat_calimport_summary_clear)

/* Reads the iCalendar text @ics (@len bytes; one or more VCALENDARs) from
 * @source (a file name, for messages) and applies it to the store: events
 * of PUBLISH, REQUEST or no METHOD into @summary, answers (REPLY, COUNTER,
 * REFRESH, DECLINECOUNTER) through rapat_itip_import() into @itip; other
 * methods are skipped with a note.  @now is the instant of the import.
 *
 * A broken event (no UID, no start, an end before its start, a zone that
 * cannot be read, a rule rapat cannot keep, a line libical could not
 * parse) fails the whole file with @error "file 'F', line N, UID 'U': why"
 * unless @opt->skip_bad, which notes it and goes on.  FALSE with @error
 * also when the text is no calendar or the store fails; the caller's
 * transaction then writes nothing. */
gboolean rapat_calimport (RapatStore *store, const char *ics, gsize len, const char *source,
                          const RapatCalimportOptions *opt, gint64 now,
                          RapatCalimportSummary *summary, RapatItipSummary *itip,
                          GError **error);

/* Returns whether the iCalendar text @ics (@len bytes) brings events --
 * its METHOD is PUBLISH, REQUEST, ADD or CANCEL, or it has none -- rather
 * than answers to rapat's invitations (REPLY, COUNTER, REFRESH, ...). */
gboolean rapat_calimport_has_events (const char *ics, gsize len);

/* Like rapat_calimport() for the calendar file @f (seekable: it is read
 * twice, once to find the events and their UIDs, then each UID's events
 * again when they are applied), so that the memory an import takes does
 * not grow with the file. */
gboolean rapat_calimport_file (RapatStore *store, FILE *f, const char *source,
                               const RapatCalimportOptions *opt, gint64 now,
                               RapatCalimportSummary *summary, RapatItipSummary *itip,
                               GError **error);

/* Returns the IANA zone of the Windows zone name @name ("SE Asia Standard
 * Time" gives "Asia/Bangkok"), as CLDR maps it, or NULL. */
const char *rapat_calimport_windows_zone (const char *name);

G_END_DECLS
