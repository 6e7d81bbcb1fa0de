/* rapat — the review of follow-up actions: which actions a meeting reviews,
 * and what it heard of them (domain layer).
 *
 * A review agenda item refers to the actions it reviews (a live link, shown
 * as the actions are now); reporting on one records what the meeting heard
 * and updates the action with the meeting as the source of the change.
 * Never prints; every function that writes expects the caller's write
 * transaction. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* Returns the open actions (RapatAction) a review at @m should take, each
 * once, by due day (undated last), then id, leaving out those a review item
 * of @m already reviews.  With @from (gint64 meeting ids; NULL or empty for
 * none): the open actions raised in those meetings, each of which must start
 * before @m.  Otherwise: the open actions raised in the previous meeting of
 * @m's series or, when there is none, the previous meeting of @m's kind
 * (rapat_store_review_previous()), and the open actions under the issues @m
 * discusses.  May be empty; NULL with @error on failure. */
GPtrArray *rapat_review_candidates (RapatStore *store, const RapatMeeting *m, GArray *from,
                                    GError **error);

/* Returns the first item of @agenda (RapatAgendaItem, as
 * rapat_store_agenda_list() reads it) that reviews actions, or NULL. */
RapatAgendaItem *rapat_review_item_of (GPtrArray *agenda);

/* Adds @actions (RapatAction) to the actions agenda item @item_id reviews,
 * after those it has. */
gboolean rapat_review_link (RapatStore *store, gint64 item_id, GPtrArray *actions,
                            GError **error);

/* Records that meeting @m heard of action @action_id: its status @status (a
 * RapatActionStatus, or -1 to keep it), then its progress @progress (0..100,
 * or -1 to keep it) and @note (may be NULL); at least one is given.  The
 * action is updated, with a history entry whose source is @m, and the link
 * keeps what was reported.  Refused unless the action is under a review
 * item of @m and the minutes of @m are started and a draft. */
gboolean rapat_review_report (RapatStore *store, const RapatMeeting *m, gint64 action_id,
                              int status, int progress, const char *note, gint64 now,
                              GError **error);

G_END_DECLS
