/* rapat — the rules of a strategic issue's life: its status, closing it (domain layer).
 *
 * Issues are followed from meeting to meeting until they are resolved.  These
 * rules work on a RapatIssue as the store reads it (with its counts of open
 * actions) and change only that value: the caller stores it. */
#pragma once

#include "rapat.h"
#include "model.h"

G_BEGIN_DECLS

/* Sets @issue's status to the one @text names ("open" or "monitoring"),
 * reopening it (closed_at back to 0) if it was resolved.  "resolved" is
 * refused: an issue is resolved only by rapat_issue_close(), which checks
 * its actions.  FALSE with @error (RAPAT_ERROR_INVALID) leaves @issue as it
 * was. */
gboolean rapat_issue_set_status (RapatIssue *issue, const char *text, GError **error);

/* Marks @issue resolved at @now.  Refused (FALSE with @error, @issue
 * unchanged) when it is already resolved (RAPAT_ERROR_INVALID) and, unless
 * @force, while actions under it are still open (RAPAT_ERROR_IN_USE): they
 * must be finished first.  Closing with @force leaves those actions open;
 * issue->n_open then says how many, for the caller to warn about. */
gboolean rapat_issue_close (RapatIssue *issue, gboolean force, gint64 now, GError **error);

G_END_DECLS
