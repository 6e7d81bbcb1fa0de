/* rapat — the rules of a meeting's agenda (domain layer). */
#include "agenda.h"
#include "text.h"

#include <string.h>

void
rapat_agenda_clash_free (RapatAgendaClash *clash)
{
  if (clash == NULL)
    return;
  g_free (clash->name);
  g_free (clash);
}

gboolean
rapat_agenda_parse_position (const char *what, const char *text, int n, gboolean may_append,
                             int *out, GError **error)
{
  gint64 v;
  int max = may_append ? n + 1 : n;

  if (!rapat_text_parse_id (text, &v) || v > max)
    {
      g_autofree char *ex = rapat_text_excerpt (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': expected a number from 1 to %d"), what, ex, MAX (max, 1));
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

/* Returns a room name as compared for clashes: folded, spaces collapsed. */
static char *
room_key (const char *room)
{
  g_autofree char *folded = g_utf8_casefold (room, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (char **w = words; *w != NULL; w++)
    if (**w != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", *w);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Fails when an item of @items runs in parallel with one that is not before it. */
static gboolean
check_parallel_order (GPtrArray *items, GError **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gboolean earlier = FALSE;

      for (guint j = 0; it->parallel_with != 0 && j < i; j++)
        earlier = earlier || ((const RapatAgendaItem *) items->pdata[j])->id == it->parallel_with;
      if (it->parallel_with != 0 && !earlier)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("agenda item '%d': runs in parallel with an item that does not come before it"),
                       it->position);
          return FALSE;
        }
    }
  return TRUE;
}

/* Returns the clash between @a and @b, which overlap in time, or NULL. */
static RapatAgendaClash *
clash_of (const RapatMeeting *m, const RapatAgendaItem *a, const RapatAgendaItem *b)
{
  const char *location = m->location != NULL ? m->location : "";
  g_autofree char *ra = room_key (a->room != NULL ? a->room : location);
  g_autofree char *rb = room_key (b->room != NULL ? b->room : location);
  RapatAgendaClash *clash;

  if (*ra != '\0' && strcmp (ra, rb) == 0)
    {
      clash = g_new0 (RapatAgendaClash, 1);
      clash->kind = RAPAT_AGENDA_CLASH_ROOM;
      clash->name = g_strdup (a->room != NULL ? a->room : m->location);
    }
  else if (a->presenter_id != 0 && a->presenter_id == b->presenter_id)
    {
      clash = g_new0 (RapatAgendaClash, 1);
      clash->kind = RAPAT_AGENDA_CLASH_PRESENTER;
      clash->name = g_strdup (a->presenter_name);
    }
  else
    return NULL;
  clash->first = a->position;
  clash->second = b->position;
  return clash;
}

GPtrArray *
rapat_agenda_check (const RapatMeeting *m, GPtrArray *items, gint64 changed_id, GError **error)
{
  g_autofree gint64 *starts = NULL;
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_clash_free);

  if (!check_parallel_order (items, error))
    return NULL;
  starts = g_new (gint64, items->len + 1);
  rapat_agenda_schedule (m, items, starts);
  for (guint i = 0; i < items->len; i++)
    for (guint j = i + 1; j < items->len; j++)
      {
        const RapatAgendaItem *a = items->pdata[i], *b = items->pdata[j];
        gint64 a_end = starts[i] + (gint64) a->duration_min * 60;
        gint64 b_end = starts[j] + (gint64) b->duration_min * 60;
        RapatAgendaClash *clash;

        if (!(starts[i] < b_end && starts[j] < a_end) || (a->id != changed_id && b->id != changed_id))
          continue;
        clash = clash_of (m, a, b);
        if (clash != NULL)
          g_ptr_array_add (clashes, clash);
      }
  return g_steal_pointer (&clashes);
}

char *
rapat_agenda_session_rooms (RapatStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(GPtrArray) items = rapat_store_agenda_list (store, meeting_id, error);
  g_autoptr(GString) out = g_string_new (NULL);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];

      if (it->room != NULL)
        g_string_append_printf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                " %s\n", it->id, it->start_utc, it->end_utc, it->room);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

RapatAgendaItem *
rapat_agenda_review_item (const RapatMeeting *m)
{
  RapatAgendaItem *item = rapat_agenda_item_new ();

  item->meeting_id = m->id;
  item->type = RAPAT_ITEM_REVIEW;
  item->duration_min = 30;
  /* No count in the title: the actions are shown live, and their number grows. */
  item->title = g_strdup (_("Review of follow-up actions"));
  return item;
}
