/* rapat — the review of follow-up actions (domain layer). */
#include "review.h"
#include "action.h"
#include "minutes.h"
#include "text.h"

#include <string.h>

/* Orders actions by due day (undated last), then id. */
static int
action_order (gconstpointer pa, gconstpointer pb)
{
  const RapatAction *a = *(RapatAction *const *) pa;
  const RapatAction *b = *(RapatAction *const *) pb;

  if ((a->due == NULL) != (b->due == NULL))
    return a->due == NULL ? 1 : -1;
  if (a->due != NULL && strcmp (a->due, b->due) != 0)
    return strcmp (a->due, b->due);
  return a->id < b->id ? -1 : a->id > b->id;
}

/* Moves the open actions of @actions that are not in @seen into @out,
 * adding them to @seen. */
static void
take_open (GPtrArray *out, GHashTable *seen, GPtrArray *actions)
{
  for (guint i = 0; i < actions->len; i++)
    {
      RapatAction *a = actions->pdata[i];

      if ((a->status != RAPAT_ACTION_OPEN && a->status != RAPAT_ACTION_IN_PROGRESS)
          || g_hash_table_contains (seen, &a->id))
        continue;
      g_hash_table_add (seen, &a->id);
      g_ptr_array_add (out, a);
      actions->pdata[i] = NULL;
    }
}

/* Adds to @out the open actions raised in meeting @source_id. */
static gboolean
take_meeting (RapatStore *store, GPtrArray *out, GHashTable *seen, gint64 source_id,
              GError **error)
{
  g_autoptr(GPtrArray) actions = rapat_store_meeting_actions (store, source_id, error);

  if (actions == NULL)
    return FALSE;
  take_open (out, seen, actions);
  return TRUE;
}

/* Checks that meeting @source_id, named with --from, comes before @m. */
static gboolean
check_source (RapatStore *store, const RapatMeeting *m, gint64 source_id, GError **error)
{
  g_autoptr(RapatMeeting) src = rapat_store_meeting_get (store, source_id, error);

  if (src == NULL)
    return FALSE;
  if (src->id == m->id || src->start_utc >= m->start_utc)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("meeting '%s': does not start before '%s', so it has no follow-up for it"),
                   src->title, m->title);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
rapat_review_candidates (RapatStore *store, const RapatMeeting *m, GArray *from,
                         GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_action_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) reviewed = rapat_store_review_list (store, m->id, error);
  g_autoptr(GHashTable) already = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (reviewed == NULL)
    return NULL;
  for (guint i = 0; i < reviewed->len; i++)
    g_hash_table_add (already, &((RapatReview *) reviewed->pdata[i])->action->id);
  if (from != NULL && from->len > 0)
    {
      for (guint i = 0; i < from->len; i++)
        if (!check_source (store, m, g_array_index (from, gint64, i), error)
            || !take_meeting (store, out, seen, g_array_index (from, gint64, i), error))
          return NULL;
    }
  else
    {
      g_autoptr(GPtrArray) by_issue = NULL;
      /* The series first: a monthly meeting follows up its last occurrence,
       * even when meetings of the same kind came in between. */
      gint64 prev = rapat_store_review_previous (store, m, TRUE, error);

      if (prev == 0 && m->series_id != 0)
        prev = rapat_store_review_previous (store, m, FALSE, error);
      if (prev < 0 || (prev > 0 && !take_meeting (store, out, seen, prev, error)))
        return NULL;
      by_issue = rapat_store_review_issue_actions (store, m, error);
      if (by_issue == NULL)
        return NULL;
      take_open (out, seen, by_issue);
    }
  for (guint i = out->len; i > 0; i--)
    if (g_hash_table_contains (already, &((RapatAction *) out->pdata[i - 1])->id))
      g_ptr_array_remove_index (out, i - 1);
  g_ptr_array_sort (out, action_order);
  return g_steal_pointer (&out);
}

RapatAgendaItem *
rapat_review_item_of (GPtrArray *agenda)
{
  for (guint i = 0; i < agenda->len; i++)
    {
      RapatAgendaItem *it = agenda->pdata[i];

      if (it->reviews != NULL && it->reviews->len > 0)
        return it;
    }
  return NULL;
}

gboolean
rapat_review_link (RapatStore *store, gint64 item_id, GPtrArray *actions, GError **error)
{
  for (guint i = 0; i < actions->len; i++)
    if (!rapat_store_review_add (store, item_id, ((RapatAction *) actions->pdata[i])->id, error))
      return FALSE;
  return TRUE;
}

/* Returns the review of action @action_id under a review item of meeting
 * @m, or NULL with @error set. */
static RapatReview *
find_review (RapatStore *store, const RapatMeeting *m, gint64 action_id, GError **error)
{
  g_autoptr(GPtrArray) reviews = rapat_store_review_list (store, m->id, error);

  if (reviews == NULL)
    return NULL;
  for (guint i = 0; i < reviews->len; i++)
    {
      RapatReview *v = reviews->pdata[i];

      if (v->action->id == action_id)
        return g_ptr_array_steal_index (reviews, i);
    }
  {
    g_autoptr(RapatAction) a = rapat_store_action_get (store, action_id, error);

    if (a != NULL)
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("action '%s': not under a review item of meeting '%s'; "
                     "add it with 'rapat agenda add-review'"), a->title, m->title);
  }
  return NULL;
}

gboolean
rapat_review_report (RapatStore *store, const RapatMeeting *m, gint64 action_id, int status,
                     int progress, const char *note, gint64 now, GError **error)
{
  g_autoptr(RapatMinutes) minutes = rapat_minutes_open (store, m, error);
  g_autoptr(RapatReview) review = minutes != NULL ? find_review (store, m, action_id, error)
                                                  : NULL;
  g_autoptr(RapatAction) after = NULL;
  g_autofree char *event_note = NULL;

  if (review == NULL)
    return FALSE;
  if (status < 0 && progress < 0 && note == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                   _("action '%s': say what was reported (--progress, --status or --note)"),
                   review->action->title);
      return FALSE;
    }
  if (note != NULL && !rapat_text_check (_("note"), note,
                                         RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                                         RAPAT_MAX_TEXT, error))
    return FALSE;
  after = rapat_store_action_get (store, action_id, error);
  if (after == NULL)
    return FALSE;
  /* Status first: done means 100%, and an explicit progress must agree. */
  if (status >= 0)
    rapat_action_set_status (after, status, now);
  if (progress >= 0)
    after->progress = progress;
  /* The history says where the news came from, also without a note. */
  event_note = note != NULL ? g_strdup (note)
                            : g_strdup_printf (_("reported at '%s'"), m->title);
  if (!rapat_action_save_from (store, review->action, after, event_note, m->id, now, error))
    return FALSE;
  review->reported_at = now;
  review->reported_status = after->status;
  review->reported_progress = after->progress;
  /* A second report replaces what the first one said. */
  g_free (review->reported_note);
  review->reported_note = g_strdup (note);
  return rapat_store_review_report (store, review, error);
}
