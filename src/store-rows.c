/* rapat — the store: reading rows of the model's tables into model values.
 *
 * Each reader goes with a column list in store-private.h; the files of the
 * store select those columns and read their rows here, so a record read
 * by a list, a get or a join is read the same way. */
#include "store-private.h"
#include "timeutil.h"

/* Reads a meeting from the current row of a statement selecting
 * MEETING_COLUMNS or MEETING_BRIEF_COLUMNS (perhaps followed by more). */
RapatMeeting *
store_meeting_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  StoreRow r;

  g_assert (sqlite3_column_count (stmt) >= MEETING_N_COLUMNS);
  store_row_begin (&r, stmt, "meeting", MEETING_COL_ID);
  m->id = r.id;
  m->uid = store_row_text (&r, MEETING_COL_UID, "uid", TRUE);
  m->title = store_row_text (&r, MEETING_COL_TITLE, "title", TRUE);
  m->kind = store_row_text (&r, MEETING_COL_KIND, "kind", TRUE);
  m->description = store_row_text (&r, MEETING_COL_DESCRIPTION, "description", FALSE);
  m->location = store_row_text (&r, MEETING_COL_LOCATION, "location", FALSE);
  m->start_utc = store_row_time (&r, MEETING_COL_START_UTC, "start_utc");
  m->end_utc = store_row_time (&r, MEETING_COL_END_UTC, "end_utc");
  if (m->end_utc <= m->start_utc)
    store_row_problem (&r, "meeting", m->id, _("end_utc is not after start_utc"));
  m->tzid = store_row_text (&r, MEETING_COL_TZID, "tzid", TRUE);
  m->status = store_row_enum (&r, MEETING_COL_STATUS, "status", &rapat_meeting_status_enum, TRUE);
  m->sequence = store_row_int (&r, MEETING_COL_SEQUENCE, "sequence", 0, G_MAXINT32);
  m->organizer_id = sqlite3_column_int64 (stmt, MEETING_COL_ORGANIZER_ID);
  m->organizer_name = store_row_text_of (&r, MEETING_COL_ORGANIZER_NAME, "person",
                                         MEETING_COL_ORGANIZER_ID, "name");
  m->organizer_email = store_row_text_of (&r, MEETING_COL_ORGANIZER_EMAIL, "person",
                                          MEETING_COL_ORGANIZER_ID, "email");
  m->cancel_reason = store_row_text (&r, MEETING_COL_CANCEL_REASON, "cancel_reason", FALSE);
  m->created_at = store_row_time (&r, MEETING_COL_CREATED_AT, "created_at");
  m->updated_at = store_row_time (&r, MEETING_COL_UPDATED_AT, "updated_at");
  m->n_attendees = sqlite3_column_int64 (stmt, MEETING_COL_N_ATTENDEES);
  m->n_items = sqlite3_column_int64 (stmt, MEETING_COL_N_ITEMS);
  m->series_id = sqlite3_column_int64 (stmt, MEETING_COL_SERIES_ID);
  m->recurrence_utc = store_row_time (&r, MEETING_COL_RECURRENCE_UTC, "recurrence_utc");
  m->series_rule = store_row_text_of (&r, MEETING_COL_SERIES_RULE, "series",
                                      MEETING_COL_SERIES_ID, "rrule");
  m->url = store_row_text (&r, MEETING_COL_URL, "url", FALSE);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&m);
}

/* Reads an agenda item from the current row of a statement selecting
 * ITEM_COLUMNS; NULL with @error set when a value in it is bad. */
RapatAgendaItem *
store_item_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "agenda_item", 0);
  item->id = r.id;
  item->meeting_id = sqlite3_column_int64 (stmt, 1);
  item->position = store_row_int (&r, 2, "position", 1, G_MAXINT32);
  item->title = store_row_text (&r, 3, "title", TRUE);
  item->type = store_row_enum (&r, 4, "type", &rapat_agenda_type_enum, TRUE);
  item->duration_min = store_row_int (&r, 5, "duration_min", 1, RAPAT_MAX_ITEM_MINUTES);
  item->presenter_id = sqlite3_column_int64 (stmt, 6);
  item->presenter_name = store_row_text_of (&r, 7, "person", 6, "name");
  item->notes = store_row_text (&r, 8, "notes", FALSE);
  item->issue_id = sqlite3_column_int64 (stmt, 9);
  item->issue_title = store_row_text_of (&r, 10, "issue", 9, "title");
  item->room = store_row_text (&r, 11, "room", FALSE);
  item->parallel_with = sqlite3_column_int64 (stmt, 12);
  item->start_utc = store_row_time (&r, 13, "start_utc");
  item->end_utc = store_row_time (&r, 14, "end_utc");
  item->sequence = store_row_int (&r, 15, "sequence", 0, G_MAXINT32);
  item->updated_at = store_row_time (&r, 16, "updated_at");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&item);
}

/* Reads an attendee from the current row of a statement selecting
 * ATTENDEE_COLUMNS; NULL with @error set when a value in it is bad. */
RapatAttendee *
store_attendee_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "attendee", 0);
  a->id = r.id;
  a->meeting_id = sqlite3_column_int64 (stmt, 1);
  a->person_id = sqlite3_column_int64 (stmt, 2);
  a->person_name = store_row_text_of (&r, 3, "person", 2, "name");
  a->position = store_row_text_of (&r, 4, "person", 2, "position");
  a->unit_name = store_row_text_of (&r, 5, "unit", 17, "name");
  a->email = store_row_text_of (&r, 6, "person", 2, "email");
  a->role = store_row_enum (&r, 7, "role", &rapat_role_enum, TRUE);
  a->rsvp = store_row_enum (&r, 8, "rsvp", &rapat_rsvp_enum, TRUE);
  a->attendance = store_row_enum (&r, 9, "attendance", &rapat_attendance_enum, FALSE);
  a->arrived_utc = store_row_time (&r, 10, "arrived_utc");
  a->stand_in_id = sqlite3_column_int64 (stmt, 11);
  a->stand_in_name = store_row_text_of (&r, 12, "person", 11, "name");
  a->stand_in_position = store_row_text_of (&r, 13, "person", 11, "position");
  a->note = store_row_text (&r, 14, "note", FALSE);
  a->stand_in_email = store_row_text_of (&r, 15, "person", 11, "email");
  a->unit_code = store_row_text_of (&r, 16, "unit", 17, "code");
  a->delegated_to = sqlite3_column_int64 (stmt, 18);
  a->delegated_to_name = store_row_text_of (&r, 19, "person", 18, "name");
  if (a->person_name == NULL)
    store_row_problem (&r, "person", a->person_id, _("name is missing"));
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&a);
}

/* Reads an issue from the current row of a statement selecting
 * ISSUE_COLUMNS; NULL with @error set when a value in it is bad. */
RapatIssue *
store_issue_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatIssue) i = rapat_issue_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "issue", 0);
  i->id = r.id;
  i->title = store_row_text (&r, 1, "title", TRUE);
  i->description = store_row_text (&r, 2, "description", FALSE);
  i->category = store_row_text (&r, 3, "category", FALSE);
  i->unit_id = sqlite3_column_int64 (stmt, 4);
  i->unit_name = store_row_text_of (&r, 5, "unit", 4, "name");
  i->status = store_row_enum (&r, 6, "status", &rapat_issue_status_enum, TRUE);
  i->created_at = store_row_time (&r, 7, "created_at");
  i->closed_at = store_row_time (&r, 8, "closed_at");
  i->n_meetings = sqlite3_column_int64 (stmt, 9);
  i->n_open = sqlite3_column_int64 (stmt, 10);
  i->n_overdue = sqlite3_column_int64 (stmt, 11);
  i->last_discussed = store_row_time (&r, 12, "the start of its last meeting");
  i->last_discussed_tz = store_row_text (&r, 13, "the zone of its last meeting", FALSE);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&i);
}

/* Reads an action from the current row of a statement selecting
 * ACTION_COLUMNS; NULL with @error set when a value in it is bad. */
RapatAction *
store_action_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatAction) a = rapat_action_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "action", 0);
  a->id = r.id;
  a->uid = store_row_text (&r, 1, "uid", TRUE);
  a->title = store_row_text (&r, 2, "title", TRUE);
  a->description = store_row_text (&r, 3, "description", FALSE);
  a->owner_person_id = sqlite3_column_int64 (stmt, 4);
  a->owner_unit_id = sqlite3_column_int64 (stmt, 5);
  /* The owner's name and unit come from a person or a unit. */
  a->owner_name = store_row_text (&r, 6, "the owner's name", FALSE);
  a->owner_unit_name = store_row_text (&r, 7, "the owner's unit", FALSE);
  a->meeting_id = sqlite3_column_int64 (stmt, 8);
  a->meeting_title = store_row_text_of (&r, 9, "meeting", 8, "title");
  a->meeting_start = sqlite3_column_int64 (stmt, 10);
  if (a->meeting_id != 0 && !rapat_time_in_range (a->meeting_start))
    store_row_problem (&r, "meeting", a->meeting_id, _("start_utc is outside the years 1900 to 9998"));
  a->meeting_tz = store_row_text_of (&r, 11, "meeting", 8, "tzid");
  a->issue_id = sqlite3_column_int64 (stmt, 12);
  a->issue_title = store_row_text_of (&r, 13, "issue", 12, "title");
  a->priority = store_row_enum (&r, 14, "priority", &rapat_priority_enum, TRUE);
  a->due = store_row_text (&r, 15, "due_date", FALSE);
  a->status = store_row_enum (&r, 16, "status", &rapat_action_status_enum, TRUE);
  a->progress = store_row_int (&r, 17, "progress", 0, 100);
  a->created_at = store_row_time (&r, 18, "created_at");
  a->updated_at = store_row_time (&r, 19, "updated_at");
  a->done_at = store_row_time (&r, 20, "done_at");
  a->owner_email = store_row_text_of (&r, 21, "person", 4, "email");
  a->decision_id = sqlite3_column_int64 (stmt, 22);
  a->decision_number = sqlite3_column_int (stmt, 23);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&a);
}

/* Reads a unit from the current row of a statement selecting UNIT_COLUMNS;
 * NULL with @error set when a value in it is bad. */
RapatUnit *
store_unit_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatUnit) u = rapat_unit_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "unit", 0);
  u->id = r.id;
  u->name = store_row_text (&r, 1, "name", TRUE);
  u->code = store_row_text (&r, 2, "code", FALSE);
  u->parent_id = sqlite3_column_int64 (stmt, 3);
  u->parent_name = store_row_text_of (&r, 4, "unit", 3, "name");
  u->n_people = sqlite3_column_int64 (stmt, 5);
  u->head_id = sqlite3_column_int64 (stmt, 6);
  u->head_name = store_row_text_of (&r, 7, "person", 6, "name");
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&u);
}

/* Reads a person from the current row of a statement selecting
 * PERSON_COLUMNS; NULL with @error set when a value in it is bad. */
RapatPerson *
store_person_from_row (StoreStmt *stmt, GError **error)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  StoreRow r;

  store_row_begin (&r, stmt, "person", 0);
  p->id = r.id;
  p->name = store_row_text (&r, 1, "name", TRUE);
  p->position = store_row_text (&r, 2, "position", FALSE);
  p->unit_id = sqlite3_column_int64 (stmt, 3);
  p->unit_name = store_row_text_of (&r, 4, "unit", 3, "name");
  p->email = store_row_text (&r, 5, "email", FALSE);
  p->phone = store_row_text (&r, 6, "phone", FALSE);
  p->nip = store_row_text (&r, 7, "nip", FALSE);
  p->pangkat = store_row_text (&r, 8, "pangkat", FALSE);
  p->eselon = store_row_text (&r, 9, "eselon", FALSE);
  p->rank = sqlite3_column_int64 (stmt, 10);
  if (!store_row_end (&r, error))
    return NULL;
  return g_steal_pointer (&p);
}
