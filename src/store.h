/* rapat — the store: one SQLite file holding the whole model.
 *
 * Only the store's own files include sqlite3.h.  Every function that can fail
 * returns FALSE or NULL with @error set (domain RAPAT_ERROR); messages name
 * the value and the reason.  Functions that write do not open transactions of
 * their own: the caller wraps a whole command in rapat_store_begin() and
 * rapat_store_commit(), so that a failure anywhere writes nothing. */
#pragma once

#include "rapat.h"
#include "model.h"

G_BEGIN_DECLS

/* Returns the schema version this rapat writes (its last migration). */
int rapat_store_schema_version (void);
/* Returns the version of the SQLite library in use ("3.40.1"). */
const char *rapat_store_sqlite_version (void);

typedef struct _RapatStore RapatStore;

/* Opens (creating it 0600 if missing) the database at @path and migrates it
 * to the latest schema.  A file from a newer rapat, or one that is not a
 * SQLite database, is refused.  ":memory:" opens a private in-memory store. */
RapatStore *rapat_store_open (const char *path, GError **error);

/* Opens the existing database at @path read-only, as completion reads it:
 * never creates, migrates or writes it.  NULL with @error when the file is
 * missing, is not a SQLite database, or has a schema version this rapat
 * does not know. */
RapatStore *rapat_store_open_readonly (const char *path, GError **error);

/* Like rapat_store_open(), but migrates only up to @version (0 = none); for
 * tests that build databases as earlier releases left them. */
RapatStore *rapat_store_open_at_version (const char *path, int version, GError **error);

/* Applies the migrations after the database's version, up to @version. */
gboolean rapat_store_migrate (RapatStore *store, int version, GError **error);

/* Closes the store; NULL is ignored. */
void rapat_store_free (RapatStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatStore, rapat_store_free)

/* Returns the schema version of the open database (PRAGMA user_version),
 * or -1 when it cannot be read or is negative (no rapat writes that). */
int rapat_store_version (RapatStore *store);

/* Returns the schema version this program writes: the number of migrations. */
int rapat_store_latest_version (void);

/* Starts a write transaction (BEGIN IMMEDIATE: the lock is taken now, so a
 * busy database waits here, not halfway through the command). */
gboolean rapat_store_begin (RapatStore *store, GError **error);
/* Starts a read transaction: the queries until rapat_store_rollback() see
 * one snapshot of the database. */
gboolean rapat_store_begin_read (RapatStore *store, GError **error);

/* Commits the transaction begun by rapat_store_begin(). */
gboolean rapat_store_commit (RapatStore *store, GError **error);

/* Rolls back the open transaction, if any; never fails. */
void rapat_store_rollback (RapatStore *store);

/* Lets SQLite refresh its statistics where they went stale (PRAGMA
 * optimize), so that its plans stay good as the archive grows; cheap when
 * nothing changed much.  Failures are ignored. */
void rapat_store_optimize (RapatStore *store);

/* Checks the file with PRAGMA integrity_check and foreign_key_check. */
gboolean rapat_store_check (RapatStore *store, GError **error);

/* ---- checking and copying the whole archive (store-check.c, store-backup.c) ---- */

typedef enum {
  RAPAT_PROBLEM_ERROR,     /* a rule rapat relies on is broken: repair it */
  RAPAT_PROBLEM_WARNING,   /* allowed by rapat, but probably not meant */
} RapatProblemLevel;

/* One problem found in the archive: the row it is in and what is wrong. */
typedef struct {
  char *table;             /* the table ("meeting"), or "database" for the file */
  gint64 id;               /* the row's id; 0 when the problem names no row */
  RapatProblemLevel level;
  char *message;           /* one translated line naming the field and the reason */
} RapatProblem;

void rapat_problem_free (RapatProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatProblem, rapat_problem_free)

/* Checks the whole archive, in one snapshot: PRAGMA integrity_check and
 * foreign_key_check, then every rule the schema's CHECK constraints cannot
 * express (or that a program writing with ignore_check_constraints may have
 * skipped): the unit tree has no cycle; names, titles, codes and e-mails are
 * valid UTF-8 lines as the CLI takes them; enumerated columns hold known
 * values; instants are in rapat_time_in_range(), meetings end after they
 * start and last at most 31 days, zones load; a series' occurrences are
 * starts its rule gives, with the uids meeting add derives; agenda positions
 * run 1..n, kept agenda times are what rapat_agenda_schedule() computes and
 * parallel_with names an earlier item of the same meeting; arrivals,
 * stand-ins, action owners, done and closed days agree with the status; no
 * two units share a name or code, no two people an e-mail (as the CLI
 * compares them).  Returns the problems (RapatProblem, by table, then id),
 * an empty array when there are none, or NULL with @error set when the
 * database could not be read. */
GPtrArray *rapat_store_check_all (RapatStore *store, GError **error);

/* Writes a consistent copy of the open database to @path with SQLite's
 * online backup API, while other processes go on writing: to a temporary
 * file (0600) in @path's folder, copied in steps from one snapshot,
 * checked with PRAGMA integrity_check, synced, then renamed to @path.  The
 * database itself (or its -wal, -shm or -journal file) is refused as @path,
 * and so is an existing @path unless @force.  On failure nothing is left
 * behind.  Stores the size of the copy in bytes in @size if not NULL. */
gboolean rapat_store_backup (RapatStore *store, const char *path, gboolean force, gint64 *size,
                             GError **error);

/* ---- units ---- */

/* Inserts @unit (name, code, parent_id) and stores its new id in unit->id. */
gboolean rapat_store_unit_insert (RapatStore *store, RapatUnit *unit, GError **error);
/* Updates name, code and parent of the unit with unit->id. */
gboolean rapat_store_unit_update (RapatStore *store, const RapatUnit *unit, GError **error);
/* Returns the unit with @id, or NULL with RAPAT_ERROR_NOT_FOUND. */
RapatUnit *rapat_store_unit_get (RapatStore *store, gint64 id, GError **error);
/* Sets *@within to TRUE when @unit_id is @ancestor_id or lies below it in
 * the tree; FALSE with @error when the units cannot be read. */
gboolean rapat_store_unit_is_within (RapatStore *store, gint64 unit_id, gint64 ancestor_id,
                                     gboolean *within, GError **error);
/* Returns all units (RapatUnit), parents before their children, by name. */
GPtrArray *rapat_store_unit_list (RapatStore *store, GError **error);
/* Finds the unit named by @text: an id, a code, or an unambiguous part of a name. */
gboolean rapat_store_unit_resolve (RapatStore *store, const char *text, gint64 *id,
                                   GError **error);

/* Returns the id of the unit called exactly @name (ignoring case), 0 if
 * there is none, -1 with @error set on failure. */
gint64 rapat_store_unit_find (RapatStore *store, const char *name, GError **error);

/* ---- heads of units and saved groups (store-group.c) ---- */

/* Makes @person_id the head of unit @unit_id (0 leaves the unit without
 * one).  Refused with RAPAT_ERROR_INVALID when the person is not one of the
 * unit's own people. */
gboolean rapat_store_unit_set_head (RapatStore *store, gint64 unit_id, gint64 person_id,
                                    GError **error);

/* Returns the ids (gint64) of the people of unit @unit_id, and with
 * @subunits of every unit below it at any depth, by unit then by name;
 * with @heads only the head of each of those units.  With @heads, the
 * names (char *) of the units in scope that have no head are appended to
 * @headless when it is not NULL.  NULL with @error on failure. */
GArray *rapat_store_unit_people (RapatStore *store, gint64 unit_id, gboolean subunits,
                                 gboolean heads, GPtrArray *headless, GError **error);

/* Inserts @group (name, description) and stores its new id in group->id;
 * RAPAT_ERROR_EXISTS when a group has the name, ignoring case. */
gboolean rapat_store_group_insert (RapatStore *store, RapatPersonGroup *group, GError **error);
/* Writes the name and description of the group with group->id, the name
 * checked as rapat_store_group_insert() checks it. */
gboolean rapat_store_group_update (RapatStore *store, const RapatPersonGroup *group, GError **error);
/* Deletes the group and its memberships (invitations made through it stay). */
gboolean rapat_store_group_delete (RapatStore *store, gint64 id, GError **error);
/* Returns the group with @id, or NULL with RAPAT_ERROR_NOT_FOUND. */
RapatPersonGroup *rapat_store_group_get (RapatStore *store, gint64 id, GError **error);
/* Returns all groups (RapatPersonGroup) by name. */
GPtrArray *rapat_store_group_list (RapatStore *store, GError **error);
/* Finds the group named by @text: an id, or an unambiguous part of a name. */
gboolean rapat_store_group_resolve (RapatStore *store, const char *text, gint64 *id,
                                    GError **error);
/* Adds person @person_id to group @group_id; *@added says whether they
 * were not a member already (a member is left as they are). */
gboolean rapat_store_group_add_member (RapatStore *store, gint64 group_id, gint64 person_id,
                                       gboolean *added, GError **error);
/* Removes person @person_id from group @group_id; RAPAT_ERROR_NOT_FOUND
 * when they are not a member. */
gboolean rapat_store_group_remove_member (RapatStore *store, gint64 group_id, gint64 person_id,
                                          GError **error);
/* Returns the members (RapatPerson) of group @group_id by name. */
GPtrArray *rapat_store_group_members (RapatStore *store, gint64 group_id, GError **error);

/* ---- people ---- */

/* Returns the id of the first person called exactly @name (ignoring case),
 * 0 if there is none, -1 with @error set on failure. */
gint64 rapat_store_person_find (RapatStore *store, const char *name, GError **error);

gboolean rapat_store_person_insert (RapatStore *store, RapatPerson *person, GError **error);
gboolean rapat_store_person_update (RapatStore *store, const RapatPerson *person,
                                    GError **error);
/* Deletes a person; refused with RAPAT_ERROR_IN_USE while anything refers to them. */
gboolean rapat_store_person_delete (RapatStore *store, gint64 id, GError **error);
RapatPerson *rapat_store_person_get (RapatStore *store, gint64 id, GError **error);
/* Returns the NIPs of the people invited to meeting @meeting_id who have
 * one: a table from a person's id (gint64 *) to the 18 digits, for the
 * papers that print them (the sign-in sheet).  NULL with @error. */
GHashTable *rapat_store_meeting_nips (RapatStore *store, gint64 meeting_id, GError **error);
/* Returns people (RapatPerson) by name; @unit_id 0 means all units. */
GPtrArray *rapat_store_person_list (RapatStore *store, gint64 unit_id, GError **error);
/* Finds the person named by @text: an id, an e-mail, or an unambiguous part of a name. */
gboolean rapat_store_person_resolve (RapatStore *store, const char *text, gint64 *id,
                                     GError **error);
/* ---- meetings ---- */

typedef struct {
  gint64 from_utc;        /* meetings ending after this instant; 0 = no bound */
  gint64 to_utc;          /* meetings starting before this instant; 0 = no bound */
  const char *kind;       /* NULL = any kind */
  int status;             /* a RapatMeetingStatus, or -1 for any */
  gboolean brief;         /* rapat_store_meeting_list() only: leave out the organizer's
                           * name and e-mail and the agenda count (a listing's table
                           * shows neither; each costs a lookup per meeting) */
} RapatMeetingFilter;

/* Inserts @meeting (uid and timestamps set by the caller); stores the new id. */
gboolean rapat_store_meeting_insert (RapatStore *store, RapatMeeting *meeting, GError **error);
/* Writes every field of the meeting with meeting->id (the uid never changes). */
gboolean rapat_store_meeting_update (RapatStore *store, const RapatMeeting *meeting,
                                     GError **error);
/* Deletes a meeting with its agenda and attendees. */
gboolean rapat_store_meeting_delete (RapatStore *store, gint64 id, GError **error);
RapatMeeting *rapat_store_meeting_get (RapatStore *store, gint64 id, GError **error);
/* Returns the id of the meeting with @uid, or 0 when there is none or with
 * @error set when it cannot be read. */
gint64 rapat_store_meeting_find_uid (RapatStore *store, const char *uid, GError **error);
/* Returns the meetings (RapatMeeting) that @filter selects, by start time. */
GPtrArray *rapat_store_meeting_list (RapatStore *store, const RapatMeetingFilter *filter,
                                     GError **error);
/* Called with each meeting in turn (borrowed); returns FALSE with @error set to stop. */
typedef gboolean (*RapatMeetingFunc) (const RapatMeeting *meeting, gpointer data, GError **error);

/* Calls @func on each meeting @filter selects, by start time, one row at a
 * time: memory stays flat however many there are.  @func may use the store,
 * but not start the same stream again (refused with an error). */
gboolean rapat_store_meeting_foreach (RapatStore *store, const RapatMeetingFilter *filter,
                                      RapatMeetingFunc func, gpointer data, GError **error);

/* Called with each meeting, its agenda (RapatAgendaItem, by position) and
 * its invitations (RapatAttendee, in rapat_store_attendee_list() order), all
 * borrowed; returns FALSE with @error set to stop. */
typedef gboolean (*RapatMeetingFullFunc) (const RapatMeeting *meeting, GPtrArray *agenda,
                                          GPtrArray *attendees, gpointer data, GError **error);

/* Like rapat_store_meeting_foreach() with each meeting's agenda and
 * invitations read alongside: the way to stream many meetings whole (an
 * export), with two queries in all rather than two per meeting. */
gboolean rapat_store_meeting_foreach_full (RapatStore *store, const RapatMeetingFilter *filter,
                                           RapatMeetingFullFunc func, gpointer data,
                                           GError **error);

/* Returns how many meetings @filter selects, or -1 with @error set. */
gint64 rapat_store_meeting_count (RapatStore *store, const RapatMeetingFilter *filter,
                                  GError **error);

/* A zone and the span of time the selected meetings use it. */
typedef struct {
  char *tzid;
  gint64 from_utc;
  gint64 to_utc;
} RapatZoneSpan;

void rapat_zone_span_clear (RapatZoneSpan *span);

/* Returns the zones (RapatZoneSpan, by name) of the meetings @filter
 * selects, each with the span it covers, widened to whole series. */
GArray *rapat_store_meeting_zones (RapatStore *store, const RapatMeetingFilter *filter,
                                   GError **error);

/* Returns the ids (gint64) of the series that the meetings @filter selects
 * belong to, each once. */
GArray *rapat_store_meeting_series_ids (RapatStore *store, const RapatMeetingFilter *filter,
                                        GError **error);

/* Finds the meeting named by @text: an id, a uid, or an unambiguous part of a title. */
gboolean rapat_store_meeting_resolve (RapatStore *store, const char *text, gint64 *id,
                                      GError **error);

/* ---- recurring series ---- */

/* Inserts @series (uid, rule, first start, length, zone) and stores its id. */
gboolean rapat_store_series_insert (RapatStore *store, RapatSeries *series, gint64 now,
                                    GError **error);
RapatSeries *rapat_store_series_get (RapatStore *store, gint64 id, GError **error);
/* Returns the series' occurrences (RapatMeeting) by the start the rule gave them. */
GPtrArray *rapat_store_series_meetings (RapatStore *store, gint64 series_id, GError **error);

/* ---- agenda ---- */

/* Returns the meeting's agenda items (RapatAgendaItem) in order. */
GPtrArray *rapat_store_agenda_list (RapatStore *store, gint64 meeting_id, GError **error);
/* Inserts @item at item->position (1-based; 0 or past the end appends),
 * moving later items down; stores the id and the position it got. */
gboolean rapat_store_agenda_insert (RapatStore *store, RapatAgendaItem *item, GError **error);
/* Writes title, type, duration, presenter and notes of the item with item->id. */
gboolean rapat_store_agenda_update (RapatStore *store, const RapatAgendaItem *item,
                                    GError **error);
/* Moves the item at @from to @to (both 1-based, within the agenda). */
gboolean rapat_store_agenda_move (RapatStore *store, gint64 meeting_id, int from, int to,
                                  GError **error);
/* Removes the item at @position and closes the gap. */
gboolean rapat_store_agenda_remove (RapatStore *store, gint64 meeting_id, int position,
                                    GError **error);
/* Finds an item of the meeting by its number or an unambiguous part of its title. */
RapatAgendaItem *rapat_store_agenda_resolve (RapatStore *store, gint64 meeting_id,
                                             const char *text, GError **error);

/* ---- attendees ---- */

/* Returns the meeting's attendees (RapatAttendee) by role, then name. */
GPtrArray *rapat_store_attendee_list (RapatStore *store, gint64 meeting_id, GError **error);
/* Returns the meeting's attendees (RapatAttendee) in @order.  Protocol
 * order, as a sign-in sheet lists them: the chair first, then by the
 * person's rank (smaller first; people without one after those with), then
 * eselon (I.a first .. V.b, none last), then the unit's place in the unit
 * tree (a parent before its children, siblings by code, then name; people
 * without a unit last), then name.  Unit order: the unit's place, then
 * name.  Name order: by name.  Role order: as rapat_store_attendee_list().
 * Ties fall to the person's id. */
GPtrArray *rapat_store_attendee_list_ordered (RapatStore *store, gint64 meeting_id,
                                              RapatAttendeeOrder order, GError **error);
/* Returns the invitation of @person_id to @meeting_id, or NULL with NOT_FOUND. */
RapatAttendee *rapat_store_attendee_get (RapatStore *store, gint64 meeting_id,
                                         gint64 person_id, GError **error);
/* Invites a person; RAPAT_ERROR_EXISTS if they already are. */
gboolean rapat_store_attendee_insert (RapatStore *store, RapatAttendee *attendee,
                                      GError **error);
/* Writes role, reply, attendance, arrival, stand-in and note. */
gboolean rapat_store_attendee_update (RapatStore *store, const RapatAttendee *attendee,
                                      GError **error);
gboolean rapat_store_attendee_remove (RapatStore *store, gint64 meeting_id, gint64 person_id,
                                      GError **error);

/* Sets every reply to the meeting other than needs-action back to
 * needs-action, keeping each in the reply history with @reason ("time",
 * "zone" or "place") and @now.  Returns how many were reset, or -1 with
 * @error set. */
gint64 rapat_store_attendee_reset_replies (RapatStore *store, gint64 meeting_id,
                                           const char *reason, gint64 now, GError **error);
/* Returns the meeting's replies made void (RapatReplyReset), by person, then
 * oldest first. */
GPtrArray *rapat_store_reply_history (RapatStore *store, gint64 meeting_id, GError **error);

/* Returns the number of actions raised in the meeting. */
gint64 rapat_store_meeting_count_actions (RapatStore *store, gint64 meeting_id, GError **error);

/* ---- strategic issues ---- */

typedef struct {
  int status;             /* a RapatIssueStatus, or -1 for any */
  const char *category;   /* NULL = any */
  gint64 unit_id;         /* 0 = any */
} RapatIssueFilter;

/* Inserts @issue and stores its new id. */
gboolean rapat_store_issue_insert (RapatStore *store, RapatIssue *issue, GError **error);
/* Writes title, description, category, unit, status and closed_at. */
gboolean rapat_store_issue_update (RapatStore *store, const RapatIssue *issue, GError **error);
/* Returns the issue with its counts; actions count as overdue when due before @today. */
RapatIssue *rapat_store_issue_get (RapatStore *store, gint64 id, const char *today,
                                   GError **error);
/* Returns the issues @filter selects, with counts as of @today, by id. */
GPtrArray *rapat_store_issue_list (RapatStore *store, const RapatIssueFilter *filter,
                                   const char *today, GError **error);
/* Finds the issue named by @text: an id or an unambiguous part of its title. */
gboolean rapat_store_issue_resolve (RapatStore *store, const char *text, gint64 *id,
                                    GError **error);
/* Returns the id of the issue titled exactly @title (ignoring case), 0 if
 * none, -1 with @error set on failure. */
gint64 rapat_store_issue_find (RapatStore *store, const char *title, GError **error);
/* Records that the meeting discussed the issue.  When already recorded:
 * nothing happens if @if_missing, else RAPAT_ERROR_EXISTS. */
gboolean rapat_store_issue_link (RapatStore *store, gint64 issue_id, gint64 meeting_id,
                                 gboolean if_missing, GError **error);
/* Records that meeting @to_meeting_id discusses every issue meeting
 * @from_meeting_id discussed (a copy of a meeting). */
gboolean rapat_store_issue_copy_links (RapatStore *store, gint64 from_meeting_id,
                                       gint64 to_meeting_id, GError **error);
/* Returns the meetings (RapatMeeting) that discussed the issue, by start. */
GPtrArray *rapat_store_issue_meetings (RapatStore *store, gint64 issue_id, GError **error);
/* Returns the agenda items (RapatAgendaItem) that name the issue, by meeting
 * start and position. */
GPtrArray *rapat_store_issue_agenda_items (RapatStore *store, gint64 issue_id, GError **error);

/* ---- action items ---- */

typedef struct {
  gboolean open_only;          /* open or in progress */
  const char *overdue_before;  /* "YYYY-MM-DD": open and due before this day */
  const char *due_before;      /* due before this day, any status */
  gint64 owner_person_id;      /* 0 = anyone */
  gint64 unit_id;              /* owned by this unit, a unit below it, or their people */
  gint64 meeting_id;
  gint64 issue_id;
  int status;                  /* a RapatActionStatus, or -1 for any */
} RapatActionFilter;

/* Inserts @action (uid and timestamps set by the caller) and stores its id. */
gboolean rapat_store_action_insert (RapatStore *store, RapatAction *action, GError **error);
/* Writes every field of the action with action->id (the uid never changes). */
gboolean rapat_store_action_update (RapatStore *store, const RapatAction *action,
                                    GError **error);
/* Appends to the action's history its current status, progress and due day
 * at instant @at, with @note (may be NULL). */
gboolean rapat_store_action_add_event (RapatStore *store, const RapatAction *action, gint64 at,
                                       const char *note, GError **error);
/* Like rapat_store_action_add_event(), with the meeting the change was
 * reported in (@meeting_id; 0 for none) as its source. */
gboolean rapat_store_action_add_event_from (RapatStore *store, const RapatAction *action,
                                            gint64 at, const char *note, gint64 meeting_id,
                                            GError **error);
RapatAction *rapat_store_action_get (RapatStore *store, gint64 id, GError **error);
/* Returns the actions @filter selects, by due day (undated last), then id. */
GPtrArray *rapat_store_action_list (RapatStore *store, const RapatActionFilter *filter,
                                    GError **error);
/* Returns the actions raised in the meeting, as rapat_store_action_list()
 * orders them; an indexed lookup. */
GPtrArray *rapat_store_meeting_actions (RapatStore *store, gint64 meeting_id, GError **error);
/* Returns the action's history (RapatActionEvent), oldest first. */
GPtrArray *rapat_store_action_history (RapatStore *store, gint64 action_id, GError **error);
/* Finds the action named by @text: an id, a uid, or an unambiguous part of its title. */
gboolean rapat_store_action_resolve (RapatStore *store, const char *text, gint64 *id,
                                     GError **error);

/* ---- scheduling ---- */

/* Returns the clashes (RapatClash) of the stored meeting @meeting_id: every
 * other meeting, not cancelled, overlapping it in time (touching is not
 * overlapping) and using the same room (rooms compared by rapat_place())
 * or the same person (organizer, attendee, stand-in or presenter on both
 * sides).  A room is a meeting's location, for the whole meeting, or the
 * room of a parallel session (an agenda item with a room other than its
 * meeting's), for the session's kept times only; each clash of a session
 * names it (item_title, own_item_title) and every clash carries the
 * overlap.  A cancelled meeting has no clashes.  Ordered by the other
 * meeting's start; rooms before people; a room by the start of the
 * overlap. */
GPtrArray *rapat_store_meeting_clashes (RapatStore *store, gint64 meeting_id, GError **error);

/* Returns SQLite's plan for the clash query, one step per line (for tests
 * and benchmarks: it must search meeting_start_idx and
 * agenda_room_time_idx, never scan meeting or agenda_item). */
char *rapat_store_clash_plan (RapatStore *store, GError **error);

/* A busy interval of a person or room. */
typedef struct {
  gint64 start_utc;
  gint64 end_utc;
} RapatBusy;

/* Returns the intervals (RapatBusy, by start) in which the person is booked
 * (organizer, attendee, stand-in or presenter of a meeting not cancelled)
 * and which overlap [@from, @to). */
GArray *rapat_store_person_busy (RapatStore *store, gint64 person_id, gint64 from, gint64 to,
                                 GError **error);
/* Returns the intervals (RapatBusy, by start) in which the room @location
 * (compared by rapat_place()) is booked and which overlap [@from, @to): the
 * meetings held there and the parallel sessions held there, each session
 * for its own times; cancelled meetings take no room. */
GArray *rapat_store_room_busy (RapatStore *store, const char *location, gint64 from, gint64 to,
                               GError **error);

/* ---- attendance reports (aggregates computed by SQL) ---- */

typedef struct {
  gint64 from_utc;        /* meetings starting at or after; 0 = no bound */
  gint64 to_utc;          /* meetings starting before; 0 = no bound */
  const char *kind;       /* NULL = any */
  gint64 unit_id;         /* only people of this unit or the units below it; 0 = all */
  gint64 grace_seconds;   /* arrivals later than start + grace are late */
} RapatAttendanceScope;

/* Counts the invitations to one meeting. */
gboolean rapat_store_attendance_meeting (RapatStore *store, gint64 meeting_id,
                                         gint64 grace_seconds, RapatAttendanceCounts *counts,
                                         GError **error);
/* A period's attendance, counted in one pass over the invitations. */
typedef struct {
  GPtrArray *people;             /* RapatAttendanceRow per person invited in scope,
                                  * lowest attendance rate first (those with none
                                  * recorded last), then by name */
  GPtrArray *units;              /* RapatAttendanceRow per unit (in scope) whose people or
                                  * whose units' people were invited, each counting all of
                                  * them; same order */
  RapatAttendanceCounts total;   /* every invitation in scope, each once */
  GPtrArray *unrecorded;         /* RapatMeeting per meeting in scope with invitations in
                                  * scope but no attendance recorded for any invitation
                                  * (in scope or not), by start; counted nowhere above */
} RapatAttendanceTally;

void rapat_attendance_tally_clear (RapatAttendanceTally *tally);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatAttendanceTally, rapat_attendance_tally_clear)

/* Counts the invitations in @scope (cancelled meetings excluded) by person,
 * by unit (rolled up through the unit tree) and in total, in one pass over
 * one snapshot.  A meeting whose attendance was never taken (no invitation
 * of it has any) counts nowhere, not even among the meetings; it is listed
 * in @tally's unrecorded instead.  @tally is overwritten (pass it empty);
 * clear it with rapat_attendance_tally_clear() or g_auto(RapatAttendanceTally). */
gboolean rapat_store_attendance_tally (RapatStore *store, const RapatAttendanceScope *scope,
                                       RapatAttendanceTally *tally, GError **error);
/* Counts every invitation in @scope (cancelled meetings and meetings
 * without attendance recorded excluded), each once. */
gboolean rapat_store_attendance_total (RapatStore *store, const RapatAttendanceScope *scope,
                                       RapatAttendanceCounts *counts, GError **error);
/* Returns one RapatAttendanceRow per person invited in @scope, lowest
 * attendance rate first (those with none recorded last), then by name. */
GPtrArray *rapat_store_attendance_by_person (RapatStore *store, const RapatAttendanceScope *scope,
                                             GError **error);
/* Returns one RapatAttendanceRow per unit, each counting the invitations of
 * its people and of the people of every unit below it; units without
 * invitations are left out; lowest rate first, then by name. */
GPtrArray *rapat_store_attendance_by_unit (RapatStore *store, const RapatAttendanceScope *scope,
                                           GError **error);

/* ---- minutes (store-minutes.c) ---- */

/* Inserts @minutes (meeting, people, times, status, version, timestamps set
 * by the caller) and stores its id; a second record for the same meeting is
 * refused by the schema. */
gboolean rapat_store_minutes_insert (RapatStore *store, RapatMinutes *minutes, GError **error);
/* Writes every field of the minutes with minutes->id.  The schema refuses
 * any change to final minutes but the one that opens the next version. */
gboolean rapat_store_minutes_update (RapatStore *store, const RapatMinutes *minutes,
                                     GError **error);
/* Returns the minutes of the meeting: the current version when @version is
 * 0, else finalised version @version as it was kept.  NULL with
 * RAPAT_ERROR_NOT_FOUND when there is none. */
RapatMinutes *rapat_store_minutes_get (RapatStore *store, gint64 meeting_id, int version,
                                       GError **error);
/* Returns the meeting's agenda items (RapatMinutesItem, in order) with
 * their notes and, for review items, the reviewed actions with what was
 * reported: now (@version 0) or as kept in finalised version @version. */
GPtrArray *rapat_store_minutes_items (RapatStore *store, gint64 meeting_id, int version,
                                      GError **error);
/* Returns the actions raised in the meeting (RapatAction, in the order of
 * rapat_store_meeting_actions()): now (@version 0, that function) or as
 * they stood when finalised version @version was signed. */
GPtrArray *rapat_store_minutes_actions (RapatStore *store, gint64 meeting_id, int version,
                                        GError **error);
/* Returns the meeting's invitations (RapatAttendee, in the order of
 * rapat_store_attendee_list()) with the names, positions, roles,
 * attendance and stand-ins: now (@version 0, that function) or as
 * finalised version @version kept them. */
GPtrArray *rapat_store_minutes_attendees (RapatStore *store, gint64 meeting_id, int version,
                                          GError **error);
/* Sets the notes of agenda item @agenda_item_id to @notes. */
gboolean rapat_store_minutes_set_note (RapatStore *store, gint64 agenda_item_id,
                                       const char *notes, gint64 now, GError **error);
/* Inserts @decision (meeting, item, text, created_at) with the next number
 * of its meeting; stores its id and number. */
gboolean rapat_store_decision_insert (RapatStore *store, RapatDecision *decision,
                                      GError **error);
/* Returns the meeting's decisions (RapatDecision) by number: now (@version
 * 0) or as kept in finalised version @version. */
GPtrArray *rapat_store_decision_list (RapatStore *store, gint64 meeting_id, int version,
                                      GError **error);
/* Returns the id of decision @number of the meeting, 0 when there is none,
 * -1 with @error set on failure. */
gint64 rapat_store_decision_find (RapatStore *store, gint64 meeting_id, int number,
                                  GError **error);
/* Keeps the meeting's final minutes whole, as JSON, in the version history,
 * signed by @by_id (0: nobody named).  Refused when they are not final. */
gboolean rapat_store_minutes_keep (RapatStore *store, gint64 meeting_id, gint64 by_id,
                                   GError **error);
/* Notes in the history that version @version was reopened at @now by
 * @by_id (may be 0) for @reason (may be NULL). */
gboolean rapat_store_minutes_mark_amended (RapatStore *store, gint64 meeting_id, int version,
                                           gint64 by_id, const char *reason, gint64 now,
                                           GError **error);
/* Returns the meeting's finalised versions (RapatMinutesVersion), oldest first. */
GPtrArray *rapat_store_minutes_versions (RapatStore *store, gint64 meeting_id, GError **error);
/* Stores in *@notes the current notes of agenda item @agenda_item_id, or
 * NULL when it has none. */
gboolean rapat_store_minutes_item_notes (RapatStore *store, gint64 agenda_item_id, char **notes,
                                         GError **error);
/* Returns decision @id as it stands now; NOT_FOUND when there is none. */
RapatDecision *rapat_store_decision_get (RapatStore *store, gint64 id, GError **error);

/* A decision taken under a strategic issue: in which meeting, and the
 * state of that meeting's minutes. */
typedef struct {
  RapatDecision *decision;
  char *meeting_title;
  gint64 meeting_start;
  char *meeting_tz;
  RapatMinutesStatus minutes_status;
  int minutes_version;
} RapatIssueDecision;

void rapat_issue_decision_free (RapatIssueDecision *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatIssueDecision, rapat_issue_decision_free)

/* Returns the decisions (RapatIssueDecision) taken under agenda items on
 * issue @issue_id, newest meeting first, by number within a meeting. */
GPtrArray *rapat_store_issue_decisions (RapatStore *store, gint64 issue_id, GError **error);

/* ---- the review of follow-up actions (store-review.c) ---- */

/* Returns the actions the review items of meeting @meeting_id review
 * (RapatReview, each with the action as it is now and what was reported),
 * by item position, then position within the item. */
GPtrArray *rapat_store_review_list (RapatStore *store, gint64 meeting_id, GError **error);
/* Adds action @action_id at the end of the actions agenda item
 * @agenda_item_id reviews; refused by the schema when it is already there
 * or the meeting's minutes are final. */
gboolean rapat_store_review_add (RapatStore *store, gint64 agenda_item_id, gint64 action_id,
                                 GError **error);
/* Records on the link of @review (its item and action) what the meeting
 * heard: reported_status, reported_progress, reported_note, reported_at. */
gboolean rapat_store_review_report (RapatStore *store, const RapatReview *review,
                                    GError **error);
/* Returns the id of the latest meeting, not cancelled, that starts before
 * @m: of @m's series when @by_series (and @m has one), else of @m's kind.
 * 0 when there is none, -1 with @error set on failure. */
gint64 rapat_store_review_previous (RapatStore *store, const RapatMeeting *m,
                                    gboolean by_series, GError **error);
/* Returns the open actions under the issues @m discusses (an agenda item of
 * @m names the issue, or @m is linked to it), raised in no meeting or in
 * one before @m, by due day (undated last), then id. */
GPtrArray *rapat_store_review_issue_actions (RapatStore *store, const RapatMeeting *m,
                                             GError **error);

/* ---- settings (config) ---- */

/* One setting: its key ("tz"), value and when it was last set (Unix seconds). */
typedef struct {
  char *key;
  char *value;
  gint64 updated_at;
} RapatConfigEntry;

/* Frees @entry; NULL is ignored. */
void rapat_config_entry_free (RapatConfigEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatConfigEntry, rapat_config_entry_free)

/* Stores in @value (a new string, or NULL when the key is not set) the
 * value of setting @key.  FALSE with @error only when the database fails. */
gboolean rapat_store_config_get (RapatStore *store, const char *key, char **value,
                                 GError **error);
/* Sets @key to @value (already checked by the caller), updated at @now. */
gboolean rapat_store_config_set (RapatStore *store, const char *key, const char *value,
                                 gint64 now, GError **error);
/* Removes @key; *@removed (may be NULL) says whether it was set. */
gboolean rapat_store_config_unset (RapatStore *store, const char *key, gboolean *removed,
                                   GError **error);
/* Returns every setting (RapatConfigEntry), by key. */
GPtrArray *rapat_store_config_list (RapatStore *store, GError **error);

/* ---- holidays ---- */

/* A day off: a whole calendar day, the same in every zone. */
typedef struct {
  gint64 id;
  char *day;             /* "YYYY-MM-DD" */
  char *name;
  int kind;              /* RapatHolidayKind */
  char *source;          /* a decree, an imported file, or NULL (typed in) */
} RapatHoliday;

/* Returns a new holiday of @kind on @day called @name (copied). */
RapatHoliday *rapat_holiday_new (const char *day, const char *name, int kind, const char *source);
/* Frees @h; NULL is ignored. */
void rapat_holiday_free (RapatHoliday *h);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatHoliday, rapat_holiday_free)

/* Stores @h (checked by the caller) unless a holiday of the same day and
 * name is already kept: *@added says which, and @h->id is the new or the
 * existing row's id. */
gboolean rapat_store_holiday_add (RapatStore *store, RapatHoliday *h, gint64 now,
                                  gboolean *added, GError **error);
/* Returns the holidays (RapatHoliday) from day @from to day @to, both
 * "YYYY-MM-DD" and included (NULL: no bound), by day then name. */
GPtrArray *rapat_store_holiday_list (RapatStore *store, const char *from, const char *to,
                                     GError **error);
/* Removes the holidays on @day (only the one called @name when not NULL)
 * and returns how many, or -1 with @error when the database fails. */
gint64 rapat_store_holiday_remove (RapatStore *store, const char *day, const char *name,
                                   GError **error);

/* ---- invitations sent by e-mail (invite) ---- */

/* What one person last received about a meeting by e-mail. */
typedef struct {
  gint64 person_id;
  char *person_name;     /* filled by the store on reads */
  char *email;           /* the address it went to */
  char *method;          /* "request" or "cancel" */
  gint64 sequence;       /* the SEQUENCE its calendar carried */
  gint64 sent_at;
  char *message_id;
  gboolean invited;      /* still an attendee of the meeting */
} RapatInviteSent;

/* Frees @sent; NULL is ignored. */
void rapat_invite_sent_free (RapatInviteSent *sent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatInviteSent, rapat_invite_sent_free)

/* One message as it is recorded. */
typedef struct {
  const char *message_id;  /* without brackets */
  const char *method;      /* "request" or "cancel" */
  gint64 sequence;
  gint64 sent_at;
  const char *transport;   /* "sendmail", "smtp", "mbox" or "maildir" */
} RapatInviteMessage;

/* Returns what each person was last sent about meeting @meeting_id
 * (RapatInviteSent), by name; people no longer invited too. */
GPtrArray *rapat_store_invite_sent_list (RapatStore *store, gint64 meeting_id, GError **error);

/* Stores in @first (a new string, or NULL when none) the Message-ID of
 * the first REQUEST sent about @meeting_id, and in @last (may be NULL) the
 * latest message's: the thread an update carries. */
gboolean rapat_store_invite_thread (RapatStore *store, gint64 meeting_id, char **first,
                                    char **last, GError **error);

/* Records message @msg about @meeting_id as received by the @n people
 * @person_ids at the addresses @emails: one message row, and per person
 * the last thing sent replaced. */
gboolean rapat_store_invite_record (RapatStore *store, gint64 meeting_id,
                                    const RapatInviteMessage *msg, const gint64 *person_ids,
                                    const char *const *emails, guint n, GError **error);
/* Returns the people invited to @meeting_id who asked for the invitation
 * again (REFRESH) and have not been sent it since (gint64 person ids), or
 * NULL with @error.  rapat_store_invite_record() of a REQUEST answers
 * them. */
GArray *rapat_store_invite_refresh_pending (RapatStore *store, gint64 meeting_id,
                                            GError **error);
/* ---- replies that came back by mail (store-reply.c) ---- */

/* Returns the id of the series with @uid, 0 when there is none, or -1 with
 * @error set when it cannot be read. */
gint64 rapat_store_series_find_uid (RapatStore *store, const char *uid, GError **error);
/* Returns the id of the occurrence of series @series_id that its rule
 * started at @recurrence_utc (moved or not), 0 when there is none, or -1
 * with @error set. */
gint64 rapat_store_series_occurrence (RapatStore *store, gint64 series_id,
                                      gint64 recurrence_utc, GError **error);
/* Returns the id of the person whose e-mail is @address (compared without
 * regard to case), 0 when there is none, or -1 with @error set. */
gint64 rapat_store_person_find_email (RapatStore *store, const char *address, GError **error);

/* An invitation's reply as the imports see it. */
typedef struct {
  gint64 attendee_id;
  RapatRsvp rsvp;
  gint64 replied_at;        /* the DTSTAMP of the reply recorded from a message, 0: none */
  gint64 replied_sequence;  /* the SEQUENCE it answered, -1: none */
  gint64 delegated_to;      /* the person it was delegated to, or 0 */
  gint64 sent_sequence;     /* the SEQUENCE of the REQUEST e-mailed to them, -1: none */
  char *sent_email;         /* the address it went to, or NULL (read only; free with
                             * rapat_reply_state_clear()) */
} RapatReplyState;

/* Frees what @state holds. */
void rapat_reply_state_clear (RapatReplyState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatReplyState, rapat_reply_state_clear)

/* Fills @state for the invitation of @person_id to @meeting_id; FALSE with
 * RAPAT_ERROR_NOT_FOUND when they are not invited. */
gboolean rapat_store_reply_get (RapatStore *store, gint64 meeting_id, gint64 person_id,
                                RapatReplyState *state, GError **error);
/* Records on invitation state->attendee_id its rsvp, replied_at,
 * replied_sequence and delegated_to. */
gboolean rapat_store_reply_set (RapatStore *store, const RapatReplyState *state,
                                GError **error);

/* What an invitee asked of the organizer: a new time or the invitation again. */
typedef struct {
  gint64 id;
  gint64 attendee_id;
  gint64 meeting_id;        /* filled by the store on reads, with the fields below to email */
  char *meeting_title;
  char *meeting_tz;
  char *person_name;
  char *person_email;
  char *method;             /* "counter" or "refresh" */
  gint64 start_utc;         /* the proposed time (counter), else 0 */
  gint64 end_utc;
  char *comment;            /* or NULL */
  gint64 sent_at;           /* its DTSTAMP */
  gint64 sequence;
  gint64 received_at;       /* when rapat imported it */
  char *message_id;         /* the message it came in, or NULL */
  gint64 answered_at;       /* a refresh: when 'invite send' sent the invitation again, 0: not yet */
} RapatItipRequest;

void rapat_itip_request_free (RapatItipRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatItipRequest, rapat_itip_request_free)

/* Keeps @request unless one of the same invitation, method and sent_at is
 * kept already; *@added says whether it was added. */
gboolean rapat_store_itip_request_add (RapatStore *store, const RapatItipRequest *request,
                                       gboolean *added, GError **error);
/* Returns the requests (RapatItipRequest) of meeting @meeting_id, or of
 * every meeting ending after @after (when @meeting_id is 0), by meeting
 * start, then when they were sent. */
GPtrArray *rapat_store_itip_requests (RapatStore *store, gint64 meeting_id, gint64 after,
                                      GError **error);

/* What completion offers for a word (rapat __complete, src/cmd-complete.c). */
typedef enum {
  RAPAT_COMPLETE_MEETING,       /* value: id; name: title; when, tzid */
  RAPAT_COMPLETE_PERSON,        /* value: id; name; detail: position */
  RAPAT_COMPLETE_UNIT,          /* value: code, else id; name */
  RAPAT_COMPLETE_ISSUE,         /* value: id; name: title */
  RAPAT_COMPLETE_ACTION,        /* value: id; name: title */
  RAPAT_COMPLETE_GROUP,         /* value: id; name */
  RAPAT_COMPLETE_KIND,          /* value: a meeting kind in use */
  RAPAT_COMPLETE_CATEGORY,      /* value: an issue category in use */
  RAPAT_COMPLETE_ITEM,          /* value: position in meeting @scope's agenda; name: title */
  RAPAT_COMPLETE_ATTENDEE,      /* value: id of a person invited to meeting @scope; name */
} RapatCompleteKind;

typedef struct {
  char *value;
  char *name;           /* or NULL */
  char *detail;         /* or NULL */
  gint64 when;          /* meetings: start_utc */
  char *tzid;           /* meetings: their zone */
} RapatCompletion;

void rapat_completion_free (RapatCompletion *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatCompletion, rapat_completion_free)

/* Returns (RapatCompletion) at most @limit records of @kind that the word
 * @word (may be "") could stand for: an id starting with it, or (text) a
 * name, title, code or e-mail containing it (ignoring ASCII case).  With no
 * word, meetings are those nearest to @now.  @scope is the meeting of
 * ITEM and ATTENDEE.  Rows are read as stored, checked for UTF-8 only. */
GPtrArray *rapat_store_complete (RapatStore *store, RapatCompleteKind kind, const char *word,
                                 gint64 scope, gint64 now, guint limit, GError **error);

G_END_DECLS
