/* rapat — the rules of a meeting's agenda (domain layer). */
#include "agenda.h"
#include "text.h"
#include "timeutil.h"

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
      /* No number at all is a usage error (exit 2); a place the agenda
       * does not have breaks a rule (exit 1). */
      g_set_error (error, RAPAT_ERROR,
                   rapat_text_is_digits (text) ? RAPAT_ERROR_INVALID : RAPAT_ERROR_MALFORMED,
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

void
rapat_agenda_line_free (RapatAgendaLine *line)
{
  if (line == NULL)
    return;
  g_free (line->title);
  g_free (line->presenter);
  g_free (line->room);
  g_free (line);
}

/* The first words of a title that say an item's type, folded. */
static const struct {
  const char *words;
  RapatAgendaType type;
} type_words[] = {
  { "pembukaan", RAPAT_ITEM_OPENING },
  { "opening", RAPAT_ITEM_OPENING },
  { "pengarahan", RAPAT_ITEM_BRIEFING },
  { "arahan", RAPAT_ITEM_BRIEFING },
  { "sambutan", RAPAT_ITEM_BRIEFING },
  { "briefing", RAPAT_ITEM_BRIEFING },
  { "paparan", RAPAT_ITEM_PRESENTATION },
  { "pemaparan", RAPAT_ITEM_PRESENTATION },
  { "presentasi", RAPAT_ITEM_PRESENTATION },
  { "presentation", RAPAT_ITEM_PRESENTATION },
  { "istirahat", RAPAT_ITEM_BREAK },
  { "ishoma", RAPAT_ITEM_BREAK },
  { "rehat", RAPAT_ITEM_BREAK },
  { "coffee break", RAPAT_ITEM_BREAK },
  { "break", RAPAT_ITEM_BREAK },
  { "makan siang", RAPAT_ITEM_BREAK },
  { "lunch", RAPAT_ITEM_BREAK },
  { "penutupan", RAPAT_ITEM_CLOSING },
  { "penutup", RAPAT_ITEM_CLOSING },
  { "closing", RAPAT_ITEM_CLOSING },
};

/* Returns the type @title's first words say, or discussion. */
static RapatAgendaType
guess_type (const char *title)
{
  g_autofree char *key = rapat_text_fold (title);

  for (guint i = 0; i < G_N_ELEMENTS (type_words); i++)
    {
      gsize n = strlen (type_words[i].words);

      if (strncmp (key, type_words[i].words, n) == 0
          && (key[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (key + n))))
        return type_words[i].type;
    }
  return RAPAT_ITEM_DISCUSSION;
}

/* TRUE when @word looks like a length ("30m", "1h", "1h30m"): a digit
 * first, then only digits and the letters h and m. */
static gboolean
looks_like_length (const char *word)
{
  if (!g_ascii_isdigit (*word))
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && g_ascii_tolower (*p) != 'h' && g_ascii_tolower (*p) != 'm')
      return FALSE;
  return g_ascii_tolower (word[strlen (word) - 1]) == 'h'
         || g_ascii_tolower (word[strlen (word) - 1]) == 'm';
}

/* Returns where in @s the next marker (" @x", " #x" or " !x": a space,
 * the sign, then no space) starts (at the sign), or NULL. */
static char *
next_marker (char *s)
{
  for (char *p = s; *p != '\0'; p++)
    if ((*p == '@' || *p == '#' || *p == '!') && p > s && p[-1] == ' ' && p[1] != '\0'
        && p[1] != ' ')
      return p;
  return NULL;
}

/* Reads one line @text (trimmed, not empty) into @item; FALSE with the
 * reason in @why. */
static gboolean
parse_line (char *text, RapatAgendaLine *item, char **why)
{
  g_autoptr(GError) local = NULL;
  char *p = text, *mark, *end;
  int type = -1;

  if (g_str_has_prefix (p, "\u2225") || g_str_has_prefix (p, "||"))
    {
      item->parallel = TRUE;
      p += g_str_has_prefix (p, "||") ? 2 : strlen ("\u2225");
      while (*p == ' ' || *p == '\t')
        p++;
    }
  item->duration_min = 30;
  end = p + strcspn (p, " \t");
  if (end > p)
    {
      g_autofree char *word = g_strndup (p, end - p);

      if (looks_like_length (word))
        {
          if (!rapat_time_parse_duration (_("length"), word, RAPAT_MAX_ITEM_MINUTES,
                                          &item->duration_min, &local))
            {
              *why = g_strdup (local->message);
              return FALSE;
            }
          p = end;
          while (*p == ' ' || *p == '\t')
            p++;
        }
    }
  /* Tabs count as spaces between the title and the markers. */
  g_strdelimit (p, "\t", ' ');
  mark = next_marker (p);
  item->title = g_strstrip (g_strndup (p, mark != NULL ? (gsize) (mark - p) : strlen (p)));
  while (mark != NULL)
    {
      char sign = *mark;
      char *next = next_marker (mark + 1);
      char *value = g_strstrip (g_strndup (mark + 1, next != NULL ? (gsize) (next - mark - 1)
                                                                  : strlen (mark + 1)));
      char **slot = sign == '@' ? &item->presenter : sign == '#' ? &item->room : NULL;

      if ((slot != NULL && *slot != NULL) || (slot == NULL && type >= 0))
        {
          *why = g_strdup_printf (_("'%c' is given twice"), sign);
          g_free (value);
          return FALSE;
        }
      if (slot != NULL)
        *slot = value;
      else
        {
          gboolean ok = rapat_enum_parse (&rapat_agenda_type_enum, value, &type, &local);

          g_free (value);
          if (!ok)
            {
              *why = g_strdup (local->message);
              return FALSE;
            }
        }
      mark = next;
    }
  if (!rapat_text_check (_("title"), item->title, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &local)
      || (item->room != NULL
          && !rapat_text_check (_("room"), item->room, RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &local)))
    {
      *why = g_strdup (local->message);
      return FALSE;
    }
  item->type = type >= 0 ? type : (int) guess_type (item->title);
  return TRUE;
}

GPtrArray *
rapat_agenda_parse_file (const char *text, const char *source, GPtrArray *errors)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               rapat_agenda_line_free);
  g_auto(GStrv) lines = NULL;

  /* A byte-order mark, as Windows editors write one. */
  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    text += 3;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(RapatAgendaLine) item = g_new0 (RapatAgendaLine, 1);
      g_autofree char *why = NULL;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      item->line = i + 1;
      if (!g_utf8_validate (line, -1, NULL))
        why = g_strdup (_("not valid UTF-8"));
      else
        parse_line (line, item, &why);
      if (why != NULL)
        {
          g_ptr_array_add (errors, g_strdup_printf ("%s:%u: %s", source, i + 1, why));
          continue;
        }
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
  return g_steal_pointer (&items);
}
