/* rapat — who is e-mailed which invitation (iMIP), and what is recorded
 * once it went out (domain layer).
 *
 * The rule: each invitee with an address who has not received the
 * meeting's current SEQUENCE gets it (a first invitation and an update are
 * separate messages: they say different things); --all sends again to
 * those who have it, and so does a REFRESH an invitee sent since (their
 * client lost the invitation and asks for it again); a person who had the invitation and is no longer
 * invited gets a CANCEL addressed to them alone; a cancelled meeting (or
 * --cancel) sends the CANCEL to everyone who had the invitation, at the
 * address it went to.  Invitees without an address are named, not mailed.
 *
 * Planning only reads; recording expects the caller's write transaction.
 * Never prints, never delivers: the command does that between the two. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_INVITE_NEW,       /* the first invitation a person receives */
  RAPAT_INVITE_UPDATE,    /* the meeting changed since they were sent it */
  RAPAT_INVITE_CANCEL,    /* the meeting is cancelled, or they are no longer invited */
} RapatInviteKind;

/* One message of a plan. */
typedef struct {
  RapatInviteKind kind;
  gboolean withdrawn;     /* a CANCEL to invitees no longer invited: the meeting goes on */
  const char *method;     /* "request" or "cancel", as recorded */
  GPtrArray *to;          /* RapatAttendee (owned), each with an e-mail; for a
                           * cancellation, built from what they were sent */
  char *message_id;       /* a new Message-ID, without brackets */
  char *in_reply_to;      /* the thread's first REQUEST, or NULL */
  char **references;      /* NULL-terminated Message-IDs, or NULL */
} RapatInviteOutgoing;

/* What 'invite send' is asked, as plain values. */
typedef struct {
  const char *const *to;  /* only these people (ids or names), or NULL: everyone */
  gboolean all;           /* also those who have the current message */
  gboolean cancel;        /* send the cancellation (also when the meeting is cancelled) */
  gboolean series;        /* for an occurrence: the calendar of the whole series */
  const char *id_domain;  /* the domain of new Message-IDs (NULL: rapat.invalid) */
} RapatInviteOptions;

/* What to send for one meeting, and what the store said when planned. */
typedef struct {
  gint64 meeting_id;
  gint64 sequence;        /* the SEQUENCE the calendars carry */
  gboolean cancel;        /* the messages cancel the meeting */
  gboolean series;
  GPtrArray *messages;    /* RapatInviteOutgoing, in sending order, none empty */
  GPtrArray *unreachable; /* names (char *) of chosen invitees without e-mail */
  GPtrArray *sent;        /* RapatInviteSent: what each person had been sent */
  GArray *invitees;       /* gint64: the people invited, in attendee order */
} RapatInvitePlan;

/* Frees @plan; NULL is ignored. */
void rapat_invite_plan_free (RapatInvitePlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatInvitePlan, rapat_invite_plan_free)

/* Stores in *@seq the SEQUENCE the calendar of @m carries: its own; for an
 * occurrence of a series the series' plus its own, or with @series the
 * series'. */
gboolean rapat_invite_sequence (RapatStore *store, const RapatMeeting *m, gboolean series,
                                gint64 *seq, GError **error);

/* Plans what to send about @m as @opt asks (see the rule above); the
 * messages carry the thread (In-Reply-To and References the first REQUEST
 * and the latest message) as it will be once the earlier ones are sent.
 * A plan without messages means nothing is due.  Refused (NULL with
 * @error): --series for a meeting that is not an occurrence (USAGE), a
 * --to naming nobody known, a request nobody chosen can receive for want
 * of an address, a cancellation of a meeting never mailed (INVALID). */
RapatInvitePlan *rapat_invite_plan (RapatStore *store, const RapatMeeting *m,
                                    const RapatInviteOptions *opt, GError **error);

/* How the store differs from what a plan saw (see rapat_invite_drift()). */
typedef struct {
  gboolean sequence_changed;  /* the meeting was changed: the messages carry an old SEQUENCE */
  gint64 sequence_now;
  gboolean invitees_changed;  /* someone was invited or withdrawn meanwhile */
} RapatInviteDrift;

/* Compares the store with what @plan saw when it was made, for the
 * command to say that the messages delivered meanwhile are already behind
 * (the next 'invite send' mails what is missing).  @m is the meeting now. */
gboolean rapat_invite_drift (RapatStore *store, const RapatInvitePlan *plan,
                             const RapatMeeting *m, RapatInviteDrift *drift, GError **error);

/* Records message @msg of @plan as delivered at @sent_at by @transport
 * ("sendmail", "smtp", "mbox", "maildir") to its recipients except the
 * @n_refused addresses in @refused, in the caller's write transaction.
 * What is recorded is a fact, "this person was sent this SEQUENCE then",
 * and stays true when the meeting changed meanwhile (the record is then
 * simply outdated).  It is no longer true, and the recipient is left out
 * and named in @stale (char *, owned by the array's free function), when
 * the person was deleted, or when something else was recorded as sent to
 * them after @plan was made (a concurrent 'invite send'; its record is
 * kept).  *@n_recorded says how many were recorded; when none, no message
 * row is written either. */
gboolean rapat_invite_record (RapatStore *store, const RapatInvitePlan *plan,
                              const RapatInviteOutgoing *msg, const char *const *refused,
                              guint n_refused, gint64 sent_at, const char *transport, guint *n_recorded,
                              GPtrArray *stale, GError **error);

G_END_DECLS
