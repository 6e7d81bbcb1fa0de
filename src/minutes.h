/* rapat — the rules of a meeting's minutes (notulen): who leads and who
 * notes, the notes per agenda item, numbered decisions, the times held,
 * finalising (which freezes the record) and amending (domain layer).
 *
 * Never prints.  Every function that writes expects the caller's write
 * transaction; a refusal leaves the database as it was once rolled back. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* Starts the minutes of @m as a draft, version 1, with note-taker
 * @notulis_id and chair @chair_id (0: the first attendee whose role is
 * chair, if any).  On draft minutes already started, sets the people given
 * (not 0) instead.  Refused on a cancelled meeting and on final minutes.
 * Returns the minutes as stored. */
RapatMinutes *rapat_minutes_start (RapatStore *store, const RapatMeeting *m, gint64 notulis_id,
                                   gint64 chair_id, gint64 now, GError **error);

/* Returns the current minutes of @m when they are a draft that may be
 * written; NOT_FOUND when not started, INVALID when final. */
RapatMinutes *rapat_minutes_open (RapatStore *store, const RapatMeeting *m, GError **error);

/* Sets the discussion notes of agenda item @item (a number or part of a
 * title) of @m to @text (several paragraphs; "" clears them). */
gboolean rapat_minutes_note (RapatStore *store, const RapatMeeting *m, const char *item,
                             const char *text, gint64 now, GError **error);

/* Records decision @text under agenda item @item of @m and stores its
 * number (1, 2, ... within the meeting) in *@number. */
gboolean rapat_minutes_decide (RapatStore *store, const RapatMeeting *m, const char *item,
                               const char *text, gint64 now, int *number, GError **error);

/* Sets the summary (kesimpulan umum) of the minutes of @m; "" clears it. */
gboolean rapat_minutes_summary (RapatStore *store, const RapatMeeting *m, const char *text,
                                gint64 now, GError **error);

/* Computes the instants a meeting was held from @from and @to ("HH:MM",
 * wall clock in @m's zone on the day @m starts); an end at or before the
 * start is on the next day (a meeting held past midnight). */
gboolean rapat_minutes_parse_held (const RapatMeeting *m, const char *from, const char *to,
                                   gint64 *start_utc, gint64 *end_utc, GError **error);

/* Records the times @m was actually held (rapat_minutes_parse_held()). */
gboolean rapat_minutes_held (RapatStore *store, const RapatMeeting *m, const char *from,
                             const char *to, gint64 now, GError **error);

/* Finalises the minutes of @m: they need a notulis and a chair; the record
 * is kept whole in the version history, signed by @by_id (0: the notulis),
 * and from then on the minutes, the decisions, the notes, the agenda and
 * the attendance of @m refuse every change. */
gboolean rapat_minutes_finalize (RapatStore *store, const RapatMeeting *m, gint64 by_id,
                                 gint64 now, GError **error);

/* Opens the next version of the final minutes of @m as a draft, noting in
 * the history who (@by_id, may be 0) reopened it, when and why (@reason,
 * may be NULL); the final version stays readable.  Returns the new version. */
int rapat_minutes_amend (RapatStore *store, const RapatMeeting *m, gint64 by_id,
                         const char *reason, gint64 now, GError **error);

/* Finds decision @text (its number) of meeting @meeting_id (0: none given,
 * which is refused: a decision is numbered within its meeting) and stores
 * its id in *@id. */
gboolean rapat_minutes_decision_resolve (RapatStore *store, gint64 meeting_id, const char *text,
                                         gint64 *id, GError **error);

G_END_DECLS
