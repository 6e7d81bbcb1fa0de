/* rapat — replies to invitations, read back into the store (domain layer).
 *
 * An iTIP object (RFC 5546) an invitee sends back: REPLY (their answer),
 * COUNTER (a new time they propose) or REFRESH (they ask for the
 * invitation again).  rapat is the organizer: it finds the meeting by UID
 * (a series' UID with RECURRENCE-ID for one occurrence), the invitee by the
 * ATTENDEE address, and records what changed.  Nothing here prints: each
 * calendar gives notes (one line for people each) and counts. */
#pragma once

#include "rapat.h"
#include "store.h"

G_BEGIN_DECLS

/* What became of one answer in a calendar. */
typedef enum {
  RAPAT_ITIP_RECORDED,        /* a reply recorded */
  RAPAT_ITIP_SAME,            /* this very reply was recorded before */
  RAPAT_ITIP_STALE,           /* for an older SEQUENCE, or older than the reply kept */
  RAPAT_ITIP_UNKNOWN_SENDER,  /* an address rapat does not know, or not invited */
  RAPAT_ITIP_UNKNOWN_MEETING, /* a UID (or occurrence) rapat does not know */
  RAPAT_ITIP_COUNTER,         /* a new time proposed, kept for the organizer */
  RAPAT_ITIP_REFRESH,         /* asks for the invitation again */
  RAPAT_ITIP_SKIPPED,         /* not a reply, or nothing rapat can use */
  RAPAT_ITIP_N_OUTCOMES
} RapatItipOutcome;

/* One line about one answer. */
typedef struct {
  RapatItipOutcome outcome;
  gint64 meeting_id;          /* the meeting it concerns, or 0 */
  char *text;                 /* for people, translated, without a final newline */
} RapatItipNote;

/* What an import did: the count of each outcome and the notes in order.
 * Initialise with rapat_itip_summary_init(); clear with
 * rapat_itip_summary_clear(). */
typedef struct {
  guint counts[RAPAT_ITIP_N_OUTCOMES];
  GPtrArray *notes;           /* RapatItipNote */
} RapatItipSummary;

void rapat_itip_summary_init (RapatItipSummary *summary);
void rapat_itip_summary_clear (RapatItipSummary *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatItipSummary, rapat_itip_summary_clear)

/* Reads the iCalendar text @ics (UTF-8, @len bytes; one or more
 * VCALENDARs) and applies each REPLY, COUNTER and REFRESH in it to the
 * store, adding what became of each answer to @summary; @source names
 * where it came from in the notes ("reply.eml"), @message_id is the
 * Message-ID of the e-mail it came in (or NULL), @from its From: address
 * (or NULL: a bare file; a reply recorded from another address than the
 * invitee's, the one it was sent to or its SENT-BY gets a note), @now the instant of the
 * import (past occurrences, received_at).
 *
 * Rules: a REPLY's PARTSTAT (ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION)
 * becomes the invitee's reply, with its DTSTAMP as when it was made;
 * DELEGATED records 'declined' and the delegate (DELEGATED-TO) as the one
 * who stands in, when rapat knows them.  A REPLY to an older SEQUENCE than
 * the one e-mailed to that invitee (else the meeting's current one), or with a DTSTAMP older than the reply kept,
 * is stale and ignored; the same DTSTAMP again changes nothing (an answer
 * without DTSTAMP counts as undated, older than any dated one).  A REPLY
 * to a series without RECURRENCE-ID answers for every occurrence not yet
 * ended and not cancelled to which the invitee is invited.  Methods other
 * than REPLY, COUNTER and REFRESH are skipped with a note.
 *
 * FALSE with @error (naming @source) only when the text is no iCalendar
 * object, libical cannot be loaded, or the store fails; the caller's
 * transaction then writes nothing. */
gboolean rapat_itip_import (RapatStore *store, const char *ics, gsize len, const char *source,
                            const char *message_id, const char *from, gint64 now,
                            RapatItipSummary *summary, GError **error);

/* Returns @address without a leading "mailto:" (any case) and surrounding
 * blanks, as a new string; NULL when nothing is left. */
char *rapat_itip_address (const char *address);

G_END_DECLS
