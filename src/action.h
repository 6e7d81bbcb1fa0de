/* rapat — the rules of action items: status, progress, due day, history (domain layer).
 *
 * Below the command line: these functions never print and never see an
 * option parser; they take model values and the store, and fail with a
 * GError that names the value at fault. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* Sets the status of @a, keeping progress and done_at consistent with it:
 * becoming done sets done_at to @now and progress to 100; any other status
 * clears done_at. */
void rapat_action_set_status (RapatAction *a, RapatActionStatus status, gint64 now);

/* Parses a percentage from 0 to 100 (whole number) into *@progress. */
gboolean rapat_action_parse_progress (const char *text, int *progress, GError **error);

/* Sets the due day of @a from @text: NULL leaves it, "" removes it, else a
 * day "YYYY-MM-DD" that must not come before the day (in its own zone) of
 * the meeting that raised the action. */
gboolean rapat_action_set_due (RapatStore *store, RapatAction *a, const char *text,
                               GError **error);

/* Stores the new action @a (its uid and times are set here, from @now)
 * with a "created" history entry; raised in a meeting under an issue, that
 * meeting is recorded as having discussed the issue. */
gboolean rapat_action_create (RapatStore *store, RapatAction *a, gint64 now, GError **error);

/* Stores @after, the changed @before, at @now.  A done action must be 100%
 * complete.  A history entry is added when the status, progress or due day
 * changed or @note (checked as multi-line text; NULL for none) is given;
 * under an issue and raised in a meeting, that meeting discussed the issue. */
gboolean rapat_action_save (RapatStore *store, const RapatAction *before, RapatAction *after,
                            const char *note, gint64 now, GError **error);

/* Like rapat_action_save(), the change reported in meeting @meeting_id (0:
 * none), which its history entry names as its source. */
gboolean rapat_action_save_from (RapatStore *store, const RapatAction *before,
                                 RapatAction *after, const char *note, gint64 meeting_id,
                                 gint64 now, GError **error);

G_END_DECLS
