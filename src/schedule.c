/* rapat — scheduling rules: clashes and free slots (domain layer). */
#include "schedule.h"
#include "text.h"
#include "timeutil.h"

/* Whether @filter keeps clash @c. */
static gboolean
clash_kept (const RapatClash *c, const RapatClashFilter *filter)
{
  if (filter == NULL)
    return TRUE;
  if (filter->sessions_only && c->own_item_title == NULL)
    return FALSE;
  if (filter->person_ids == NULL)
    return TRUE;
  /* Only the people just added are news: a room clash was there before. */
  if (c->room)
    return FALSE;
  for (guint i = 0; i < filter->person_ids->len; i++)
    if (c->person_id == g_array_index (filter->person_ids, gint64, i))
      return TRUE;
  return FALSE;
}

GPtrArray *
rapat_schedule_clashes (RapatStore *store, gint64 meeting_id, const RapatClashFilter *filter,
                        GError **error)
{
  g_autoptr(GPtrArray) all = rapat_store_meeting_clashes (store, meeting_id, error);
  g_autoptr(GPtrArray) kept = NULL;

  if (all == NULL || filter == NULL)
    return g_steal_pointer (&all);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_clash_free);
  for (guint i = 0; i < all->len; i++)
    if (clash_kept (all->pdata[i], filter))
      g_ptr_array_add (kept, g_steal_pointer (&all->pdata[i]));
  return g_steal_pointer (&kept);
}

/* Sets the error of working days that name no day, and returns FALSE. */
static gboolean
days_error (const char *text, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (text);

  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("days '%s': expected day names mon..sun, as mon-fri or mon,wed,fri"), ex);
  return FALSE;
}

gboolean
rapat_schedule_parse_days (const char *text, guint *mask, GError **error)
{
  static const char *const names[] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint out = 0;

  for (char **p = parts; *p != NULL; p++)
    {
      g_auto(GStrv) range = g_strsplit (*p, "-", 2);
      int a = 0, b = 0;

      /* "mon,,fri" has an empty part, which g_strsplit() gives as no word. */
      if (range[0] == NULL)
        return days_error (text, error);
      for (int d = 1; d <= 7; d++)
        {
          if (g_ascii_strcasecmp (range[0], names[d]) == 0)
            a = d;
          if (range[1] != NULL && g_ascii_strcasecmp (range[1], names[d]) == 0)
            b = d;
        }
      if (a == 0 || (range[1] != NULL && b == 0))
        return days_error (text, error);
      if (b == 0)
        b = a;
      /* "fri-mon" runs on round the end of the week. */
      for (int d = a;; d = d % 7 + 1)
        {
          out |= 1u << d;
          if (d == b)
            break;
        }
    }
  /* "" and "," name no day: a search on none would find nothing. */
  if (out == 0)
    return days_error (text, error);
  *mask = out;
  return TRUE;
}

/* Orders busy intervals by start. */
static int
compare_busy (gconstpointer a, gconstpointer b)
{
  const RapatBusy *x = a, *y = b;

  return x->start_utc < y->start_utc ? -1 : x->start_utc > y->start_utc;
}

/* Appends to @busy the busy times in [@from, @to) of the person or unit
 * (all its members) @who, and their names to @names. */
static gboolean
add_busy_of (RapatStore *store, const char *who, gint64 from, gint64 to, GArray *busy,
             GPtrArray *names, GError **error)
{
  g_autoptr(GError) not_person = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 pid, uid;

  if (rapat_store_person_resolve (store, who, &pid, &not_person))
    {
      g_autoptr(RapatPerson) p = rapat_store_person_get (store, pid, error);

      if (p == NULL)
        return FALSE;
      members = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_person_free);
      g_ptr_array_add (members, g_steal_pointer (&p));
    }
  /* Only a name no person has may be a unit: a failing store is not one. */
  else if (g_error_matches (not_person, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND)
           && rapat_store_unit_resolve (store, who, &uid, NULL))
    {
      members = rapat_store_person_list (store, uid, error);
      if (members == NULL)
        return FALSE;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&not_person));
      return FALSE;
    }
  for (guint i = 0; i < members->len; i++)
    {
      const RapatPerson *p = members->pdata[i];
      g_autoptr(GArray) b = rapat_store_person_busy (store, p->id, from, to, error);

      if (b == NULL)
        return FALSE;
      g_array_append_vals (busy, b->data, b->len);
      g_ptr_array_add (names, g_strdup (p->name));
    }
  return TRUE;
}

/* Returns the instant at which @day starts in @tz, plus @add_days days. */
static gint64
day_start (const GDate *day, GTimeZone *tz, int add_days)
{
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                                g_date_get_day (day), 0, 0, 0);
  g_autoptr(GDateTime) moved = start != NULL ? g_date_time_add_days (start, add_days) : NULL;

  return moved != NULL ? g_date_time_to_unix (moved) : 0;
}

/* Appends to @slots the free slots of @minutes in [@t, @window_end), one at
 * the start of each gap between the sorted intervals of @busy, until @slots
 * holds @count. */
static void
find_in_window (GArray *busy, gint64 t, gint64 window_end, int minutes, guint count,
                GArray *slots)
{
  gint64 length = (gint64) minutes * 60;

  for (guint i = 0; i <= busy->len && slots->len < count; i++)
    {
      const RapatBusy *b = i < busy->len ? &g_array_index (busy, RapatBusy, i) : NULL;
      gint64 gap_end = b != NULL ? MIN (b->start_utc, window_end) : window_end;

      /* An interval over before @t (or just as it starts) leaves no gap
       * before it, and does not move @t: it is not in the way. */
      if (gap_end - t >= length)
        {
          RapatSlot slot = { t, t + length, gap_end };
          g_array_append_val (slots, slot);
        }
      if (b == NULL)
        break;
      t = MAX (t, b->end_utc);
      /* Only to stop early: no gap opens after the window closes. */
      if (t >= window_end)
        break;
    }
}

/* Returns how many different meetings @busy holds: one shared by several
 * people is one meeting in the way. */
static guint
count_busy (GArray *busy)
{
  guint n = 0;

  for (guint i = 0; i < busy->len; i++)
    {
      const RapatBusy *b = &g_array_index (busy, RapatBusy, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        {
          const RapatBusy *c = &g_array_index (busy, RapatBusy, j);
          seen = c->start_utc == b->start_utc && c->end_utc == b->end_utc;
        }
      n += !seen;
    }
  return n;
}

/* Sets the error of a search that found no slot. */
static void
set_no_slot_error (const RapatSlotQuery *query, GArray *busy, GPtrArray *names, GError **error)
{
  g_autofree char *dur = rapat_time_format_duration (query->minutes);
  g_autofree char *who = NULL;
  char first[16], last[16];
  guint n_busy = count_busy (busy);
  int h0 = query->hours_from / 60, m0 = query->hours_from % 60;
  int h1 = query->hours_to / 60, m1 = query->hours_to % 60;

  g_ptr_array_add (names, NULL);
  who = g_strjoinv (", ", (char **) names->pdata);
  g_snprintf (first, sizeof first, "%04d-%02d-%02d", g_date_get_year (&query->first_day),
              g_date_get_month (&query->first_day), g_date_get_day (&query->first_day));
  g_snprintf (last, sizeof last, "%04d-%02d-%02d", g_date_get_year (&query->last_day),
              g_date_get_month (&query->last_day), g_date_get_day (&query->last_day));
  if (query->room != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                 g_dngettext (GETTEXT_PACKAGE,
                              "duration '%s': no free slot from %s to %s within %02d:%02d-%02d:%02d on the working days (%u meeting in the way, of %s and the room)",
                              "duration '%s': no free slot from %s to %s within %02d:%02d-%02d:%02d on the working days (%u meetings in the way, of %s and the room)",
                              n_busy),
                 dur, first, last, h0, m0, h1, m1, n_busy, who);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                 g_dngettext (GETTEXT_PACKAGE,
                              "duration '%s': no free slot from %s to %s within %02d:%02d-%02d:%02d on the working days (%u meeting in the way, of %s)",
                              "duration '%s': no free slot from %s to %s within %02d:%02d-%02d:%02d on the working days (%u meetings in the way, of %s)",
                              n_busy),
                 dur, first, last, h0, m0, h1, m1, n_busy, who);
}

/* Returns "YYYY-MM-DD" of @day. */
static char *
day_text (const GDate *day)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

/* Returns the set of the holidays from @first to @last, as their
 * "YYYY-MM-DD" days, or NULL with @error. */
static GHashTable *
holiday_days (RapatStore *store, const GDate *first, const GDate *last, GError **error)
{
  g_autofree char *from = day_text (first);
  g_autofree char *to = day_text (last);
  g_autoptr(GPtrArray) holidays = rapat_store_holiday_list (store, from, to, error);
  g_autoptr(GHashTable) days = NULL;

  if (holidays == NULL)
    return NULL;
  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < holidays->len; i++)
    g_hash_table_add (days, g_strdup (((RapatHoliday *) holidays->pdata[i])->day));
  return g_steal_pointer (&days);
}

gboolean
rapat_schedule_find_slots (RapatStore *store, const RapatSlotQuery *query, GArray **slots,
                           GError **error)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (RapatBusy));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (RapatSlot));
  g_autoptr(GHashTable) holidays = NULL;
  gint64 from = day_start (&query->first_day, query->tz, 0);
  gint64 to = day_start (&query->last_day, query->tz, 1);
  GDate day = query->first_day;

  g_return_val_if_fail (query->minutes > 0 && query->count > 0, FALSE);
  for (const char *const *w = query->with; w != NULL && *w != NULL; w++)
    if (!add_busy_of (store, *w, from, to, busy, names, error))
      return FALSE;
  if (query->room != NULL)
    {
      g_autoptr(GArray) b = rapat_store_room_busy (store, query->room, from, to, error);

      if (b == NULL)
        return FALSE;
      g_array_append_vals (busy, b->data, b->len);
    }
  g_array_sort (busy, compare_busy);
  if (!query->include_holidays
      && (holidays = holiday_days (store, &query->first_day, &query->last_day, error)) == NULL)
    return FALSE;

  for (; g_date_compare (&day, &query->last_day) <= 0 && found->len < query->count;
       g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) w0 = NULL;
      g_autoptr(GDateTime) w1 = NULL;
      int y = g_date_get_year (&day), mo = g_date_get_month (&day), d = g_date_get_day (&day);

      if ((query->days & (1u << g_date_get_weekday (&day))) == 0)
        continue;
      if (holidays != NULL && g_hash_table_size (holidays) > 0)
        {
          g_autofree char *text = day_text (&day);

          if (g_hash_table_contains (holidays, text))
            continue;
        }
      w0 = g_date_time_new (query->tz, y, mo, d, query->hours_from / 60, query->hours_from % 60, 0);
      w1 = g_date_time_new (query->tz, y, mo, d, query->hours_to / 60, query->hours_to % 60, 0);
      if (w0 == NULL || w1 == NULL)
        continue;
      find_in_window (busy, g_date_time_to_unix (w0), g_date_time_to_unix (w1), query->minutes,
                      query->count, found);
    }
  if (found->len == 0)
    {
      set_no_slot_error (query, busy, names, error);
      return FALSE;
    }
  *slots = g_steal_pointer (&found);
  return TRUE;
}
