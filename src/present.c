/* rapat — how meetings are shown: times in the meeting's zone, JSON fields (cli layer). */
#include "present.h"
#include "text.h"
#include "timeutil.h"

void
rapat_present_meeting_json (RapatJson *json, const RapatMeeting *m, GTimeZone *tz)
{
  g_autofree char *start = rapat_time_format_iso (m->start_utc, tz);
  g_autofree char *end = rapat_time_format_iso (m->end_utc, tz);
  g_autofree char *created = rapat_time_format_utc (m->created_at);
  g_autofree char *updated = rapat_time_format_utc (m->updated_at);

  rapat_json_int (json, "id", m->id);
  rapat_json_string (json, "uid", m->uid);
  rapat_json_string (json, "title", m->title);
  rapat_json_string (json, "kind", m->kind);
  rapat_json_string (json, "status", rapat_enum_name (&rapat_meeting_status_enum, m->status));
  rapat_json_int (json, "sequence", m->sequence);
  rapat_json_string (json, "start", start);
  rapat_json_string (json, "end", end);
  rapat_json_string (json, "tz", m->tzid);
  rapat_json_int (json, "duration_minutes", (m->end_utc - m->start_utc) / 60);
  rapat_json_string (json, "location", m->location);
  rapat_json_string (json, "description", m->description);
  rapat_json_id (json, "organizer_id", m->organizer_id);
  rapat_json_string (json, "organizer", m->organizer_name);
  rapat_json_string (json, "cancel_reason", m->cancel_reason);
  rapat_json_int (json, "attendees_count", m->n_attendees);
  rapat_json_int (json, "agenda_count", m->n_items);
  rapat_json_id (json, "series_id", m->series_id);
  rapat_json_string (json, "repeats", m->series_rule);
  if (m->series_id != 0)
    {
      g_autofree char *rid = rapat_time_format_iso (m->recurrence_utc, tz);
      rapat_json_string (json, "recurrence_id", rid);
    }
  else
    rapat_json_null (json, "recurrence_id");
  rapat_json_string (json, "created", created);
  rapat_json_string (json, "updated", updated);
  /* Last, so that programs reading the fields by position are not disturbed. */
  rapat_json_string (json, "url", m->url);
}

void
rapat_present_reviews_json (RapatJson *json, GPtrArray *reviews)
{
  rapat_json_begin_array (json, "reviews");
  for (guint i = 0; i < reviews->len; i++)
    {
      const RapatReview *v = reviews->pdata[i];
      const RapatAction *a = v->action;

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "number", v->position);
      rapat_json_int (json, "action_id", a->id);
      rapat_json_string (json, "title", a->title);
      rapat_json_string (json, "owner", a->owner_name);
      rapat_json_string (json, "due", a->due);
      rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, a->status));
      rapat_json_int (json, "progress", a->progress);
      rapat_json_id (json, "meeting_id", a->meeting_id);
      rapat_json_id (json, "issue_id", a->issue_id);
      if (v->reported_at == 0)
        rapat_json_null (json, "reported");
      else
        {
          g_autofree char *at = rapat_time_format_utc (v->reported_at);

          rapat_json_begin_object (json, "reported");
          rapat_json_string (json, "at", at);
          rapat_json_string (json, "status",
                             rapat_enum_name (&rapat_action_status_enum, v->reported_status));
          rapat_json_int (json, "progress", v->reported_progress);
          rapat_json_string (json, "note", v->reported_note);
          rapat_json_end_object (json);
        }
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

void
rapat_present_agenda_json (RapatJson *json, const RapatMeeting *m, GTimeZone *tz,
                           GPtrArray *items)
{
  g_autofree gint64 *starts = g_new (gint64, items->len + 1);

  rapat_agenda_schedule (m, items, starts);
  rapat_json_begin_array (json, "agenda");
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gint64 end = starts[i] + (gint64) it->duration_min * 60;
      g_autofree char *start = rapat_time_format_iso (starts[i], tz);
      g_autofree char *end_s = rapat_time_format_iso (end, tz);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "number", it->position);
      rapat_json_int (json, "id", it->id);
      rapat_json_string (json, "title", it->title);
      rapat_json_string (json, "type", rapat_enum_name (&rapat_agenda_type_enum, it->type));
      rapat_json_int (json, "duration_minutes", it->duration_min);
      rapat_json_string (json, "start", start);
      rapat_json_string (json, "end", end_s);
      rapat_json_id (json, "presenter_id", it->presenter_id);
      rapat_json_string (json, "presenter", it->presenter_name);
      rapat_json_string (json, "room", it->room);
      rapat_json_id (json, "parallel_with", it->parallel_with);
      rapat_json_string (json, "notes", it->notes);
      rapat_json_id (json, "issue_id", it->issue_id);
      rapat_json_string (json, "issue", it->issue_title);
      rapat_json_bool (json, "past_end", end > m->end_utc);
      /* Only on a review item, so that other items read as they always did. */
      if (it->reviews != NULL)
        rapat_present_reviews_json (json, it->reviews);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints the actions the review items of @items review, as they are now:
 * one table, each row under its item's number. */
static void
review_table (FILE *out, GPtrArray *items, const char *indent)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("No"), _("ID"), _("Action"), _("Owner"),
                                                 _("Due"), _("Status"), _("Done"), NULL);
  guint n = 0;

  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 1);
  rapat_table_align_right (table, 6);
  rapat_table_max_width (table, 2, 48);
  rapat_table_max_width (table, 3, 28);
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];

      for (guint j = 0; it->reviews != NULL && j < it->reviews->len; j++, n++)
        {
          const RapatAction *a = ((const RapatReview *) it->reviews->pdata[j])->action;
          g_autofree char *no = j == 0 ? g_strdup_printf ("%d", it->position) : NULL;
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
          g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);

          rapat_table_add (table, no, id, a->title, a->owner_name, a->due != NULL ? a->due : "-",
                           rapat_enum_label (&rapat_action_status_enum, a->status), pct);
        }
    }
  if (n == 0)
    return;
  fprintf (out, "%s%s\n", indent, _("Actions under review, as they are now"));
  rapat_table_print (table, out, indent);
}

void
rapat_present_agenda_table (FILE *out, const RapatMeeting *m, GTimeZone *tz, GPtrArray *items,
                            const char *indent)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("No"), _("Time"), _("Length"), _("Type"),
                                                 _("Item"), _("Presenter"), _("Room"), _("Issue"),
                                                 NULL);
  g_autofree gint64 *starts = g_new (gint64, items->len + 1);
  gint64 t = rapat_agenda_schedule (m, items, starts);

  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 2);
  rapat_table_max_width (table, 4, 60);
  rapat_table_max_width (table, 6, 24);
  rapat_table_hide_empty (table, 6);
  rapat_table_hide_empty (table, 7);
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gint64 end = starts[i] + (gint64) it->duration_min * 60;
      g_autofree char *no = g_strdup_printf ("%d", it->position);
      g_autofree char *t1 = rapat_when_clock (starts[i], tz);
      g_autofree char *t2 = rapat_when_clock (end, tz);
      g_autofree char *span = g_strdup_printf ("%s–%s%s", t1, t2, end > m->end_utc ? " !" : "");
      g_autofree char *dur = rapat_time_format_duration (it->duration_min);
      g_autofree char *issue = it->issue_id != 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT, it->issue_id)
                                                 : NULL;
      /* An item in a parallel block is marked, so the shared time reads right. */
      g_autofree char *title = it->parallel_with != 0 ? g_strconcat ("∥ ", it->title, NULL)
                                                      : g_strdup (it->title);

      rapat_table_add (table, no, span, dur, rapat_enum_label (&rapat_agenda_type_enum, it->type),
                       title, it->presenter_name, it->room, issue);
    }
  rapat_table_print (table, out, indent);
  for (guint i = 0, n = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      g_auto(GStrv) lines = NULL;

      if (it->notes == NULL)
        continue;
      if (n++ == 0)
        fprintf (out, "%s%s\n", indent, _("Notes"));
      lines = g_strsplit (it->notes, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_strdelimit (lines[l], "\t", ' ');
          if (l == 0)
            fprintf (out, "%s%3d  %s\n", indent, it->position, lines[l]);
          else
            fprintf (out, "%s     %s\n", indent, lines[l]);
        }
    }
  review_table (out, items, indent);
  if (t > m->end_utc)
    {
      g_autofree char *over = rapat_time_format_duration ((t - m->end_utc + 59) / 60);
      g_autofree char *t_end = rapat_when_clock (t, tz);
      g_autofree char *m_end = rapat_when_clock (m->end_utc, tz);
      fprintf (out, _("%s! The agenda runs %s past the meeting's end (%s, the meeting ends %s).\n"),
               indent, over, t_end, m_end);
    }
}

/* Returns a table from attendee id to the index of its first entry in
 * @history (which the store orders by person, so each attendee's entries
 * are adjacent). */
static GHashTable *
history_index (GPtrArray *history)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);

  for (guint i = history != NULL ? history->len : 0; i-- > 0;)
    {
      RapatReplyReset *r = history->pdata[i];
      g_hash_table_insert (index, &r->attendee_id, GUINT_TO_POINTER (i + 1));
    }
  return index;
}

void
rapat_present_attendees_json (RapatJson *json, GTimeZone *tz, GPtrArray *attendees,
                              GPtrArray *history)
{
  g_autoptr(GHashTable) index = history_index (history);

  rapat_json_begin_array (json, "attendees");
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      g_autofree char *arrived = a->arrived_utc != 0 ? rapat_time_format_iso (a->arrived_utc, tz)
                                                     : NULL;
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (index, &a->id));

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "person_id", a->person_id);
      rapat_json_string (json, "name", a->person_name);
      rapat_json_string (json, "position", a->position);
      rapat_json_string (json, "unit", a->unit_name);
      rapat_json_string (json, "email", a->email);
      rapat_json_string (json, "role", rapat_enum_name (&rapat_role_enum, a->role));
      rapat_json_string (json, "rsvp", rapat_enum_name (&rapat_rsvp_enum, a->rsvp));
      rapat_json_string (json, "attendance",
                         rapat_enum_name (&rapat_attendance_enum, a->attendance));
      rapat_json_string (json, "arrived", arrived);
      rapat_json_id (json, "represented_by_id", a->stand_in_id);
      rapat_json_string (json, "represented_by", a->stand_in_name);
      rapat_json_string (json, "note", a->note);
      rapat_json_id (json, "delegated_to_id", a->delegated_to);
      rapat_json_string (json, "delegated_to", a->delegated_to_name);
      rapat_json_begin_array (json, "earlier_replies");
      for (guint h = first; first != 0 && h <= history->len; h++)
        {
          const RapatReplyReset *r = history->pdata[h - 1];
          g_autofree char *at = NULL;

          if (r->attendee_id != a->id)
            break;
          at = rapat_time_format_iso (r->reset_at, tz);
          rapat_json_begin_object (json, NULL);
          rapat_json_string (json, "reply", rapat_enum_name (&rapat_rsvp_enum, r->rsvp));
          rapat_json_string (json, "reset_at", at);
          rapat_json_string (json, "reason", r->reason);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

void
rapat_present_reply_history_table (FILE *out, GTimeZone *tz, GPtrArray *attendees,
                                   GPtrArray *history, const char *indent)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("Name"), _("Reply"), _("Reset on"), _("Why"),
                                                 NULL);
  g_autoptr(GHashTable) index = history_index (history);

  /* In the attendee table's order, each person's replies oldest first. */
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (index, &a->id));

      for (guint h = first; first != 0 && h <= history->len; h++)
        {
          const RapatReplyReset *r = history->pdata[h - 1];
          g_autofree char *at = NULL;
          const char *why;

          if (r->attendee_id != a->id)
            break;
          at = rapat_when_instant_zoned (r->reset_at, tz);
          why = g_strcmp0 (r->reason, "time") == 0 ? _("the time changed")
                : g_strcmp0 (r->reason, "zone") == 0 ? _("the zone changed")
                : _("the place changed");
          rapat_table_add (table, a->person_name, rapat_enum_label (&rapat_rsvp_enum, r->rsvp),
                           at, why);
        }
    }
  rapat_table_print (table, out, indent);
}

/* Returns the table of @attendees: a column each for position and unit,
 * or, @narrow, both under the name with the stand-in or note, so that it
 * fits a terminal of 80 columns. */
static RapatTable *
attendee_table (const RapatMeeting *m, GTimeZone *tz, GPtrArray *attendees, gboolean narrow)
{
  RapatTable *table = narrow
    ? rapat_table_new (_("Role"), _("Name"), _("Reply"), _("Attendance"), _("Arrived"), NULL)
    : rapat_table_new (_("Role"), _("Name"), _("Position"), _("Unit"), _("Reply"),
                       _("Attendance"), _("Arrived"), _("Stand-in / note"), NULL);
  int last_role = -1;

  if (!narrow)
    {
      rapat_table_max_width (table, 2, 32);
      rapat_table_max_width (table, 3, 28);
      rapat_table_max_width (table, 7, 40);
    }
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      /* The role is printed when it changes from the row above. */
      const char *role = (int) a->role != last_role ? rapat_enum_label (&rapat_role_enum, a->role)
                                                    : "";
      const char *reply = rapat_enum_label (&rapat_rsvp_enum, a->rsvp);
      const char *attendance = a->attendance == RAPAT_ATTENDANCE_NONE
        ? "-" : rapat_enum_label (&rapat_attendance_enum, a->attendance);
      g_autofree char *arrived = NULL;
      g_autofree char *extra = NULL;

      if (a->arrived_utc != 0)
        {
          g_autofree char *clock = rapat_when_clock (a->arrived_utc, tz);
          gint64 late = (a->arrived_utc - m->start_utc) / 60;
          arrived = late > 0 ? g_strdup_printf (_("%s (+%" PRId64 "m)"), clock, late)
                             : g_strdup (clock);
        }
      if (a->stand_in_name != NULL && a->note != NULL)
        extra = g_strdup_printf (_("by %s; %s"), a->stand_in_name, a->note);
      else if (a->stand_in_name != NULL)
        extra = g_strdup_printf (_("by %s"), a->stand_in_name);
      else if (a->delegated_to_name != NULL && a->note != NULL)
        extra = g_strdup_printf (_("delegated to %s; %s"), a->delegated_to_name, a->note);
      else if (a->delegated_to_name != NULL)
        extra = g_strdup_printf (_("delegated to %s"), a->delegated_to_name);
      else if (a->note != NULL)
        extra = g_strdup (a->note);
      if (extra != NULL)
        g_strdelimit (extra, "\t\n", ' ');
      if (narrow)
        {
          const char *parts[4] = { NULL };
          guint n = 0;
          g_autofree char *under = NULL;

          if (a->position != NULL)
            parts[n++] = a->position;
          if (a->unit_name != NULL)
            parts[n++] = a->unit_name;
          if (extra != NULL)
            parts[n++] = extra;
          rapat_table_add (table, role, a->person_name, reply, attendance, arrived);
          under = g_strjoinv (" \u00b7 ", (char **) parts);
          if (*under != '\0')
            rapat_table_add_note (table, under, 0);
        }
      else
        rapat_table_add (table, role, a->person_name, a->position, a->unit_name, reply,
                         attendance, arrived, extra);
      last_role = a->role;
    }
  return table;
}

void
rapat_present_attendee_table (FILE *out, const RapatMeeting *m, GTimeZone *tz,
                              GPtrArray *attendees, const char *indent)
{
  g_autoptr(RapatTable) table = attendee_table (m, tz, attendees, FALSE);
  guint width = rapat_output_width_for (out);

  /* Too wide for the terminal: position, unit and note go under the name. */
  if (width > 0 && rapat_table_natural_width (table, indent) > width)
    {
      rapat_table_free (table);
      table = attendee_table (m, tz, attendees, TRUE);
    }
  rapat_table_print (table, out, indent);
}

char *
rapat_present_action_status (const RapatAction *a, const char *today)
{
  const char *status = rapat_enum_label (&rapat_action_status_enum, a->status);

  if (rapat_action_is_overdue (a, today))
    /* TRANSLATORS: an action's status, then that it is overdue. */
    return g_strdup_printf (_("%s, overdue"), status);
  return g_strdup (status);
}

/* Writes a person named by the minutes as a JSON object, or null. */
static void
minutes_person_json (RapatJson *json, const char *key, gint64 id, const char *name,
                     const char *position)
{
  if (id == 0)
    {
      rapat_json_null (json, key);
      return;
    }
  rapat_json_begin_object (json, key);
  rapat_json_int (json, "id", id);
  rapat_json_string (json, "name", name);
  rapat_json_string (json, "position", position);
  rapat_json_end_object (json);
}

/* Writes an instant for programs, or null when it is 0. */
static void
minutes_time_json (RapatJson *json, const char *key, gint64 t, GTimeZone *tz)
{
  g_autofree char *s = NULL;

  if (t == 0)
    {
      rapat_json_null (json, key);
      return;
    }
  s = tz != NULL ? rapat_time_format_iso (t, tz) : rapat_time_format_utc (t);
  rapat_json_string (json, key, s);
}

void
rapat_present_minutes_json (RapatJson *json, const RapatMeeting *m, GTimeZone *tz,
                            const RapatMinutes *n, GPtrArray *items, GPtrArray *decisions,
                            GPtrArray *versions)
{
  rapat_json_int (json, "meeting_id", m->id);
  rapat_json_string (json, "title", m->title);
  rapat_json_int (json, "version", n->version);
  rapat_json_string (json, "status", rapat_enum_name (&rapat_minutes_status_enum, n->status));
  minutes_person_json (json, "notulis", n->notulis_id, n->notulis_name, n->notulis_position);
  minutes_person_json (json, "chair", n->chair_id, n->chair_name, n->chair_position);
  minutes_time_json (json, "held_start", n->held_start_utc, tz);
  minutes_time_json (json, "held_end", n->held_end_utc, tz);
  rapat_json_int (json, "invited", n->n_invited);
  rapat_json_int (json, "present", n->n_present);
  rapat_json_string (json, "summary", n->summary);
  minutes_time_json (json, "finalized_at", n->finalized_at, NULL);
  rapat_json_begin_array (json, "items");
  for (guint i = 0; i < items->len; i++)
    {
      const RapatMinutesItem *it = items->pdata[i];
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "position", it->position);
      rapat_json_string (json, "title", it->title);
      rapat_json_string (json, "notes", it->notes);
      if (it->reviews != NULL)
        rapat_present_reviews_json (json, it->reviews);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_begin_array (json, "decisions");
  for (guint i = 0; i < decisions->len; i++)
    {
      const RapatDecision *d = decisions->pdata[i];
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "number", d->number);
      if (d->agenda_item_id != 0)
        rapat_json_int (json, "item", d->item_position);
      else
        rapat_json_null (json, "item");
      rapat_json_string (json, "text", d->text);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  if (versions == NULL)
    return;
  rapat_json_begin_array (json, "versions");
  for (guint i = 0; i < versions->len; i++)
    {
      const RapatMinutesVersion *v = versions->pdata[i];
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "version", v->version);
      minutes_time_json (json, "finalized_at", v->finalized_at, NULL);
      rapat_json_string (json, "finalized_by", v->finalized_by);
      minutes_time_json (json, "amended_at", v->amended_at, NULL);
      rapat_json_string (json, "amended_by", v->amended_by);
      rapat_json_string (json, "amend_reason", v->amend_reason);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* The width of the minutes' text, lead included. */
#define MINUTES_WIDTH 80

/* Prints @text wrapped to MINUTES_WIDTH: the first line after @lead, the
 * others under it (a hanging indent, so that a decision's number stands
 * out), each paragraph of @text on lines of its own. */
static void
minutes_print_text (FILE *out, const char *lead, const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  gsize lead_width = rapat_text_width (lead);
  g_autofree char *pad = g_strnfill (lead_width, ' ');
  gboolean first = TRUE;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *wrapped = NULL;
      gsize size = 0;
      FILE *mem;
      g_auto(GStrv) lines = NULL;

      if (*paragraphs[i] == '\0')
        {
          fputc ('\n', out);
          continue;
        }
      mem = open_memstream (&wrapped, &size);
      if (mem == NULL)
        {
          fprintf (out, "%s%s\n", first ? lead : pad, paragraphs[i]);
          first = FALSE;
          continue;
        }
      rapat_print_wrapped (mem, "", paragraphs[i], MINUTES_WIDTH - MIN (lead_width, 40));
      fclose (mem);
      lines = g_strsplit (wrapped, "\n", -1);
      for (guint j = 0; lines[j] != NULL && *lines[j] != '\0'; j++)
        {
          fprintf (out, "%s%s\n", first ? lead : pad, lines[j]);
          first = FALSE;
        }
    }
}

/* Prints one "  Label:  value" line of the minutes' header, as 'meeting
 * show' does. */
static void
minutes_line (RapatFields *f, const char *label, const char *value)
{
  rapat_fields_add (f, label, value);
}

/* Returns @name, or a word for nobody named. */
static const char *
minutes_who (const char *name)
{
  return name != NULL ? name : _("nobody named");
}

/* Returns "Name, Position", "Name", or "(not named)". */
static char *
minutes_person (const char *name, const char *position)
{
  if (name == NULL)
    return g_strdup (_("(not named)"));
  if (position == NULL)
    return g_strdup (name);
  return g_strdup_printf ("%s, %s", name, position);
}

/* Prints the actions an item of the minutes reviews (@reviews, may be
 * NULL): each as it is now, then what the meeting heard of it. */
static void
minutes_reviews (FILE *out, GPtrArray *reviews, gboolean signed_)
{
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const RapatReview *v = reviews->pdata[i];
      const RapatAction *a = v->action;
      g_autofree char *lead = g_strdup_printf ("   #%" G_GINT64_FORMAT " ", a->id);
      g_autofree char *now = NULL;
      g_autofree char *heard = NULL;
      g_autofree char *text = NULL;

      const char *status = rapat_enum_label (&rapat_action_status_enum, a->status);

      /* Final minutes show the action as it stood when they were signed. */
      if (a->due != NULL && signed_)
        /* TRANSLATORS: a reviewed action in signed minutes: title, owner, due day, status, percent. */
        now = g_strdup_printf (_("%s (%s, due %s): %s, %d%% when signed."), a->title,
                               a->owner_name, a->due, status, a->progress);
      else if (signed_)
        /* TRANSLATORS: a reviewed action in signed minutes: title, owner, status, percent. */
        now = g_strdup_printf (_("%s (%s): %s, %d%% when signed."), a->title, a->owner_name,
                               status, a->progress);
      else if (a->due != NULL)
        /* TRANSLATORS: a reviewed action now: title, owner, due day, status, percent. */
        now = g_strdup_printf (_("%s (%s, due %s): now %s, %d%%."), a->title, a->owner_name,
                               a->due, status, a->progress);
      else
        /* TRANSLATORS: a reviewed action without a due day: title, owner, status, percent. */
        now = g_strdup_printf (_("%s (%s): now %s, %d%%."), a->title, a->owner_name, status,
                               a->progress);
      if (v->reported_at == 0)
        heard = g_strdup (_("Not reported yet."));
      else if (v->reported_note != NULL)
        /* TRANSLATORS: what the meeting heard of an action: status, percent, note. */
        heard = g_strdup_printf (_("Reported: %s, %d%%: %s"),
                                 rapat_enum_label (&rapat_action_status_enum, v->reported_status),
                                 v->reported_progress, v->reported_note);
      else
        heard = g_strdup_printf (_("Reported: %s, %d%%."),
                                 rapat_enum_label (&rapat_action_status_enum, v->reported_status),
                                 v->reported_progress);
      text = g_strdup_printf ("%s %s", now, heard);
      minutes_print_text (out, lead, text);
    }
}

void
rapat_present_minutes (FILE *out, const RapatMeeting *m, GTimeZone *tz, const RapatMinutes *n,
                       GPtrArray *items, GPtrArray *decisions, GPtrArray *versions)
{
  g_autofree char *notulis = minutes_person (n->notulis_name, n->notulis_position);
  g_autofree char *chair = minutes_person (n->chair_name, n->chair_position);
  g_autoptr(RapatFields) f = rapat_fields_new (12);

  if (n->status == RAPAT_MINUTES_FINAL)
    {
      g_autofree char *when = rapat_when_instant_zoned (n->finalized_at, tz);
      fprintf (out, _("Minutes of '%s', version %d, final since %s\n"), m->title, n->version,
               when);
    }
  else
    fprintf (out, _("Minutes of '%s', version %d, draft\n"), m->title, n->version);
  minutes_line (f, _("Notulis:"), notulis);
  minutes_line (f, _("Chair:"), chair);
  if (n->held_start_utc != 0)
    {
      g_autofree char *held = rapat_when_range (n->held_start_utc, n->held_end_utc, tz,
                                                RAPAT_WHEN_LOCALE);
      minutes_line (f, _("Held:"), held);
    }
  else
    {
      g_autofree char *planned = rapat_when_meeting (m, tz);
      g_autofree char *text = g_strdup_printf (_("not recorded (planned %s)"), planned);
      minutes_line (f, _("Held:"), text);
    }
  {
    g_autofree char *text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " of %" PRId64 " invited attended",
                   "%" PRId64 " of %" PRId64 " invited attended", n->n_invited),
      n->n_present, n->n_invited);
    minutes_line (f, _("Attendance:"), text);
  }
  rapat_fields_print (f, out, "  ");
  for (guint i = 0; i < items->len; i++)
    {
      const RapatMinutesItem *it = items->pdata[i];
      fprintf (out, "\n%d. %s\n", it->position, it->title);
      if (it->notes != NULL)
        minutes_print_text (out, "   ", it->notes);
      else
        fprintf (out, "   %s\n", _("(no notes)"));
      minutes_reviews (out, it->reviews, n->status == RAPAT_MINUTES_FINAL);
      for (guint j = 0; j < decisions->len; j++)
        {
          const RapatDecision *d = decisions->pdata[j];
          g_autofree char *lead = NULL;
          if (d->agenda_item_id != it->agenda_item_id)
            continue;
          lead = g_strdup_printf (_("   Decision %d: "), d->number);
          minutes_print_text (out, lead, d->text);
        }
    }
  for (guint j = 0; j < decisions->len; j++)
    {
      const RapatDecision *d = decisions->pdata[j];
      g_autofree char *lead = NULL;
      if (d->agenda_item_id != 0)
        continue;
      lead = g_strdup_printf (_("Decision %d (its agenda item was removed): "), d->number);
      fputc ('\n', out);
      minutes_print_text (out, lead, d->text);
    }
  fprintf (out, "\n%s\n", _("Summary"));
  if (n->summary != NULL)
    minutes_print_text (out, "   ", n->summary);
  else
    fprintf (out, "   %s\n", _("(none yet)"));
  if (versions == NULL || versions->len == 0)
    return;
  fprintf (out, "\n%s\n", _("Final versions"));
  for (guint i = 0; i < versions->len; i++)
    {
      const RapatMinutesVersion *v = versions->pdata[i];
      g_autofree char *fin = rapat_when_instant_zoned (v->finalized_at, tz);
      fprintf (out, _("   %d: final %s, signed by %s\n"), v->version, fin,
               minutes_who (v->finalized_by));
      if (v->amended_at != 0)
        {
          g_autofree char *am = rapat_when_instant_zoned (v->amended_at, tz);
          if (v->amend_reason != NULL)
            fprintf (out, _("      reopened %s by %s: %s\n"), am,
                     minutes_who (v->amended_by), v->amend_reason);
          else
            fprintf (out, _("      reopened %s by %s\n"), am, minutes_who (v->amended_by));
        }
    }
}

/* Returns the version of @versions (RapatMinutesVersion) numbered @version, or NULL. */
static const RapatMinutesVersion *
minutes_find_version (GPtrArray *versions, int version)
{
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (((const RapatMinutesVersion *) versions->pdata[i])->version == version)
      return versions->pdata[i];
  return NULL;
}

/* Returns the ids of the actions of @actions (RapatAction) that carry out
 * decision @decision_id, "1, 4", or NULL when none does. */
static char *
decision_action_ids (GPtrArray *actions, gint64 decision_id)
{
  g_autoptr(GString) s = NULL;

  for (guint i = 0; i < actions->len; i++)
    {
      const RapatAction *a = actions->pdata[i];

      if (a->decision_id != decision_id)
        continue;
      if (s == NULL)
        s = g_string_new (NULL);
      else
        g_string_append (s, ", ");
      g_string_append_printf (s, "%" G_GINT64_FORMAT, a->id);
    }
  return s != NULL ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

void
rapat_present_meeting_minutes_json (RapatJson *json, GTimeZone *tz, const RapatMinutes *n,
                                    GPtrArray *decisions, GPtrArray *versions,
                                    GPtrArray *actions)
{
  const RapatMinutesVersion *v;

  if (n == NULL)
    {
      rapat_json_null (json, "minutes");
      return;
    }
  v = n->status == RAPAT_MINUTES_FINAL ? minutes_find_version (versions, n->version) : NULL;
  rapat_json_begin_object (json, "minutes");
  rapat_json_string (json, "status", rapat_enum_name (&rapat_minutes_status_enum, n->status));
  rapat_json_int (json, "version", n->version);
  minutes_time_json (json, "finalized_at", n->finalized_at, NULL);
  rapat_json_string (json, "finalized_by", v != NULL ? v->finalized_by : NULL);
  minutes_person_json (json, "notulis", n->notulis_id, n->notulis_name, n->notulis_position);
  minutes_person_json (json, "chair", n->chair_id, n->chair_name, n->chair_position);
  minutes_time_json (json, "held_start", n->held_start_utc, tz);
  minutes_time_json (json, "held_end", n->held_end_utc, tz);
  rapat_json_begin_array (json, "decisions");
  for (guint i = 0; i < decisions->len; i++)
    {
      const RapatDecision *d = decisions->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "number", d->number);
      if (d->agenda_item_id != 0)
        rapat_json_int (json, "item", d->item_position);
      else
        rapat_json_null (json, "item");
      rapat_json_string (json, "item_title", d->item_title);
      rapat_json_string (json, "text", d->text);
      rapat_json_begin_array (json, "actions");
      for (guint j = 0; j < actions->len; j++)
        {
          const RapatAction *a = actions->pdata[j];
          if (a->decision_id == d->id)
            rapat_json_int (json, NULL, a->id);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_end_object (json);
}

void
rapat_present_meeting_minutes (FILE *out, const RapatMeeting *m, GTimeZone *tz,
                               const RapatMinutes *n, GPtrArray *decisions, GPtrArray *versions,
                               GPtrArray *actions)
{
  g_autofree char *notulis = NULL;
  g_autofree char *chair = NULL;
  g_autoptr(RapatFields) f = rapat_fields_new (12);

  if (n == NULL && m->status == RAPAT_MEETING_CANCELLED)
    {
      fprintf (out, _("\nMinutes: none (the meeting was cancelled)\n"));
      return;
    }
  if (n == NULL)
    {
      fprintf (out, _("\nMinutes: none yet (start them with 'rapat minutes start %" PRId64 "')\n"),
               m->id);
      return;
    }
  if (n->status == RAPAT_MINUTES_FINAL)
    {
      const RapatMinutesVersion *v = minutes_find_version (versions, n->version);
      g_autofree char *when = rapat_when_instant_zoned (n->finalized_at, tz);

      fprintf (out, _("\nMinutes: final, version %d, since %s, signed by %s\n"), n->version,
               when, minutes_who (v != NULL ? v->finalized_by : NULL));
    }
  else
    fprintf (out, _("\nMinutes: draft, version %d\n"), n->version);
  notulis = minutes_person (n->notulis_name, n->notulis_position);
  chair = minutes_person (n->chair_name, n->chair_position);
  minutes_line (f, _("Notulis:"), notulis);
  minutes_line (f, _("Chair:"), chair);
  if (n->held_start_utc != 0)
    {
      g_autofree char *held = rapat_when_range (n->held_start_utc, n->held_end_utc, tz,
                                                RAPAT_WHEN_LOCALE);
      minutes_line (f, _("Held:"), held);
    }
  rapat_fields_print (f, out, "  ");
  fprintf (out, _("  Decisions (%u)\n"), decisions->len);
  for (guint i = 0; i < decisions->len; i++)
    {
      const RapatDecision *d = decisions->pdata[i];
      g_autofree char *lead = d->agenda_item_id != 0
        ? g_strdup_printf (_("    %d. (item %d) "), d->number, d->item_position)
        : g_strdup_printf (_("    %d. (item removed) "), d->number);
      g_autofree char *ids = decision_action_ids (actions, d->id);

      minutes_print_text (out, lead, d->text);
      if (ids != NULL)
        fprintf (out, _("       Actions: %s\n"), ids);
    }
}
