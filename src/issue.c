/* rapat — the rules of a strategic issue's life (domain layer; see issue.h). */
#include "issue.h"

gboolean
rapat_issue_set_status (RapatIssue *issue, const char *text, GError **error)
{
  int status;

  if (!rapat_enum_parse (&rapat_issue_status_enum, text, &status, error))
    return FALSE;
  if (status == RAPAT_ISSUE_RESOLVED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("status '%s': use 'rapat issue close' to resolve an issue"), text);
      return FALSE;
    }
  issue->status = status;
  issue->closed_at = 0;
  return TRUE;
}

gboolean
rapat_issue_close (RapatIssue *issue, gboolean force, gint64 now, GError **error)
{
  if (issue->status == RAPAT_ISSUE_RESOLVED)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("issue '%s': already resolved"),
                   issue->title);
      return FALSE;
    }
  if (issue->n_open > 0 && !force)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "issue '%s': %" PRId64 " action is still open; finish it, or "
                                "close with --force",
                                "issue '%s': %" PRId64 " actions are still open; finish them, or "
                                "close with --force",
                                issue->n_open),
                   issue->title, issue->n_open);
      return FALSE;
    }
  issue->status = RAPAT_ISSUE_RESOLVED;
  issue->closed_at = now;
  return TRUE;
}
