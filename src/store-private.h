/* rapat — helpers shared by the store's files; the only header with sqlite3.h. */
#pragma once

#include <sqlite3.h>

#include "store.h"

G_BEGIN_DECLS

typedef struct _StoreTallyPass StoreTallyPass;

struct _RapatStore {
  sqlite3 *db;
  char *path;
  GHashTable *stmts;   /* const char *sql (by address) -> sqlite3_stmt * */
  StoreTallyPass *tally_pass;   /* the attendance pass running, for rapat_tally() */
  gint64 busy_since;   /* when the current wait for a lock began (monotonic µs) */
  sqlite3_int64 changes_at_begin;   /* sqlite3_total_changes64() when the write began */
};

/* The aggregate SQL function rapat_tally(meeting, person, rsvp, attendance,
 * late, attendee): counts each row into the store's running attendance pass
 * (store-report.c); an error when none runs. */
void store_tally_step (sqlite3_context *ctx, int argc, sqlite3_value **argv);
void store_tally_final (sqlite3_context *ctx);

/* A statement borrowed from the store's cache; releasing it resets it. */
typedef sqlite3_stmt StoreStmt;
void store_stmt_release (StoreStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreStmt, store_stmt_release)

/* Returns the cached prepared statement for @sql (a string literal: it is
 * looked up by address), reset and with no bindings.  Release it with
 * store_stmt_release() or g_autoptr(StoreStmt). */
StoreStmt *store_prepare (RapatStore *store, const char *sql, GError **error);

/* Starts a read transaction when none is open, so that the queries until
 * store_snapshot_end() see one snapshot; *@started says whether it did. */
gboolean store_snapshot_begin (RapatStore *store, gboolean *started, GError **error);
/* Ends the transaction store_snapshot_begin() started, if it started one. */
void store_snapshot_end (RapatStore *store, gboolean started);

/* Sets @error from the connection's last failure, prefixed by @context. */
void store_set_error (RapatStore *store, GError **error, const char *context);

/* Binds @text, or NULL when it is NULL. */
void store_bind_text (StoreStmt *stmt, int index, const char *text);
/* Binds @id, or NULL when it is 0. */
void store_bind_id (StoreStmt *stmt, int index, gint64 id);

/* Returns the value of @e stored as text in column @col, or -1 when NULL. */
int store_column_enum (StoreStmt *stmt, int col, const RapatEnum *e);

/* Returns a copy of column @col, or NULL when it is NULL. */
char *store_column_text (StoreStmt *stmt, int col);

/* Reading a row.  The database may have been changed by another program
 * (the sqlite3 shell, a damaged copy), so a row reader takes every value
 * through these checks rather than trusting it: text must be valid UTF-8,
 * an instant must lie in rapat_time_in_range(), an enumerated value must
 * be one rapat knows.  The first problem is kept, naming the table and id
 * of the row it is in; store_row_end() turns it into the reader's error,
 * and the loops stepping the statement stop there.  Nothing a bad value
 * would break (a width, a fold, a date) runs before that. */
typedef struct {
  StoreStmt *stmt;
  const char *table;     /* the table of the row being read ("meeting") */
  gint64 id;             /* its id */
  GError *problem;       /* the first bad value found, or NULL */
} StoreRow;

/* Starts reading the current row of @stmt, a row of @table whose id is in
 * column @id_col. */
void store_row_begin (StoreRow *row, StoreStmt *stmt, const char *table, int id_col);

/* Returns a copy of text column @col (called @name in messages), or NULL
 * when it is NULL; notes a problem when it is not valid UTF-8, or NULL
 * when @required. */
char *store_row_text (StoreRow *row, int col, const char *name, gboolean required);

/* Like store_row_text() for a column joined from another table: a problem
 * names that table and the id in column @id_col. */
char *store_row_text_of (StoreRow *row, int col, const char *table, int id_col,
                         const char *name);

/* Returns the value of @e stored as text in column @col, or -1 when NULL;
 * notes a problem when the text is none of @e's canonical names (the only
 * ones rapat stores), or NULL when @required. */
int store_row_enum (StoreRow *row, int col, const char *name, const RapatEnum *e,
                    gboolean required);

/* Returns the instant in column @col, 0 when NULL; notes a problem when it
 * lies outside rapat_time_in_range(). */
gint64 store_row_time (StoreRow *row, int col, const char *name);

/* Returns integer column @col; notes a problem when it lies outside
 * @min..@max (a position, a duration, a sequence). */
gint64 store_row_int (StoreRow *row, int col, const char *name, gint64 min, gint64 max);

/* Notes a problem with row @id of @table: @what is a whole clause ("its
 * parent units form a cycle").  Only the first problem is kept. */
void store_row_problem (StoreRow *row, const char *table, gint64 id, const char *what);

/* Ends reading the row: TRUE when every value was good, else FALSE with
 * @error naming the first bad one. */
gboolean store_row_end (StoreRow *row, GError **error);

/* The problem with a unit whose parents lead back to a unit met before. */
#define STORE_UNIT_CYCLE N_("parent_id makes the units above it a cycle")

/* Sets @error to say that row @id of @table holds a bad value, @what. */
void store_set_bad_row (GError **error, const char *table, gint64 id, const char *what);

/* Steps a statement that returns no rows; FALSE with @error on failure. */
gboolean store_step_done (RapatStore *store, StoreStmt *stmt, const char *context,
                          GError **error);

/* Steps @stmt once: 1 when it is on a row, 0 when it has none, -1 with
 * @error set to SQLite's reason after @context when the step failed. */
int store_step_first (RapatStore *store, StoreStmt *stmt, const char *context, GError **error);

/* Steps @stmt, which selects at most one row: TRUE when it is on that row.
 * Else FALSE with @error set: RAPAT_ERROR_NOT_FOUND with the message
 * @not_found (a format) when there is no row, or the store's error with
 * SQLite's reason after @context when the step failed (a busy, damaged or
 * unreadable database is never "not found"). */
gboolean store_step_row (RapatStore *store, StoreStmt *stmt, const char *context,
                         GError **error, const char *not_found, ...) G_GNUC_PRINTF (5, 6);

/* Runs @sql (several statements, no parameters). */
gboolean store_exec (RapatStore *store, const char *sql, GError **error);

/* Resolves @text to a record id.  @sql_exact and @sql_part select (id,
 * label, start_utc or NULL, tzid or NULL) with ?1 bound to the text; the
 * first for whole-name matches, the second for partial ones (ordered, up to
 * 6 rows).  @sql_id checks that a numeric id exists.  @what names the kind
 * of record in messages ("person"). */
gboolean store_resolve (RapatStore *store, const char *what, const char *text,
                        const char *sql_id, const char *sql_exact, const char *sql_part,
                        gint64 *out, GError **error);

/* Computes the times of the meeting's agenda items (rapat_agenda_schedule())
 * and keeps them; an item whose time changed gets its sequence raised and
 * its updated_at set to @now (unless it had no times yet). */
gboolean store_agenda_reschedule (RapatStore *store, gint64 meeting_id, gint64 now,
                                  GError **error);

/* Computes the times of every agenda item that has none (after the upgrade
 * to schema 7). */
gboolean store_agenda_backfill (RapatStore *store, GError **error);

/* Gives each record of @items (agenda items or minutes items of meeting
 * @meeting_id, in agenda order) the reviews of its agenda item: the gint64
 * id at @id_offset names the item, the GPtrArray * at @reviews_offset
 * receives them (left NULL when it has none). */
gboolean store_review_attach (RapatStore *store, gint64 meeting_id, GPtrArray *items,
                              gsize id_offset, gsize reviews_offset, GError **error);

/* ---- rows of the model's tables, read in store-rows.c ---- */

/* The statuses of an action still to be done. */
#define OPEN_STATUSES "('open', 'in-progress')"

/* The columns of a meeting after m.id, each as X (NAME, full, brief): its
 * expression in a full read (FROM meeting m LEFT JOIN person o ON o.id =
 * m.organizer_id) and in a brief one (FROM meeting m alone, without the
 * organizer's name and e-mail or the agenda count).  Both column lists and
 * the positions store_meeting_from_row() reads, MEETING_COL_<NAME>, are made
 * from this one table, so they cannot get out of step. */
#define MEETING_COLUMN_TABLE(X) \
  X (UID, "m.uid", "m.uid") \
  X (TITLE, "m.title", "m.title") \
  X (KIND, "m.kind", "m.kind") \
  X (DESCRIPTION, "m.description", "m.description") \
  X (LOCATION, "m.location", "m.location") \
  X (START_UTC, "m.start_utc", "m.start_utc") \
  X (END_UTC, "m.end_utc", "m.end_utc") \
  X (TZID, "m.tzid", "m.tzid") \
  X (STATUS, "m.status", "m.status") \
  X (SEQUENCE, "m.sequence", "m.sequence") \
  X (ORGANIZER_ID, "m.organizer_id", "m.organizer_id") \
  X (ORGANIZER_NAME, "o.name", "NULL") \
  X (ORGANIZER_EMAIL, "o.email", "NULL") \
  X (CANCEL_REASON, "m.cancel_reason", "m.cancel_reason") \
  X (CREATED_AT, "m.created_at", "m.created_at") \
  X (UPDATED_AT, "m.updated_at", "m.updated_at") \
  X (N_ATTENDEES, MEETING_N_ATTENDEES_SQL, MEETING_N_ATTENDEES_SQL) \
  X (N_ITEMS, "(SELECT count(*) FROM agenda_item WHERE meeting_id = m.id)", "0") \
  X (SERIES_ID, "m.series_id", "m.series_id") \
  X (RECURRENCE_UTC, "m.recurrence_utc", "m.recurrence_utc") \
  X (SERIES_RULE, "(SELECT rrule FROM series WHERE id = m.series_id)", \
     "(SELECT rrule FROM series WHERE id = m.series_id)") \
  X (URL, "m.url", "m.url")
#define MEETING_N_ATTENDEES_SQL "(SELECT count(*) FROM attendee WHERE meeting_id = m.id)"

#define MEETING_COLUMN_ENUM(name, full, brief) MEETING_COL_##name,
#define MEETING_COLUMN_FULL(name, full, brief) ", " full
#define MEETING_COLUMN_BRIEF(name, full, brief) ", " brief

enum { MEETING_COL_ID, MEETING_COLUMN_TABLE (MEETING_COLUMN_ENUM) MEETING_N_COLUMNS };

/* The columns of a full read of a meeting, and of a brief one. */
#define MEETING_COLUMNS "m.id" MEETING_COLUMN_TABLE (MEETING_COLUMN_FULL) " "
#define MEETING_BRIEF_COLUMNS "m.id" MEETING_COLUMN_TABLE (MEETING_COLUMN_BRIEF) " "

#define ITEM_COLUMNS \
  "a.id, a.meeting_id, a.position, a.title, a.type, a.duration_min, a.presenter_id, " \
  "p.name, a.notes, a.issue_id, (SELECT title FROM issue WHERE id = a.issue_id), a.room, " \
  "a.parallel_with, a.start_utc, a.end_utc, a.sequence, a.updated_at "

#define ATTENDEE_COLUMNS \
  "a.id, a.meeting_id, a.person_id, p.name, p.position, u.name, p.email, a.role, a.rsvp, " \
  "a.attendance, a.arrived_utc, a.represented_by, s.name, s.position, a.note, s.email, u.code, " \
  "p.unit_id, a.delegated_to, (SELECT d.name FROM person d WHERE d.id = a.delegated_to) "
#define ATTENDEE_FROM \
  "FROM attendee a JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = p.unit_id " \
  "LEFT JOIN person s ON s.id = a.represented_by "

/* Columns of an issue with its counts; ?1 is the day overdue is counted against. */
#define ISSUE_COLUMNS \
  "i.id, i.title, i.description, i.category, i.unit_id, u.name, i.status, i.created_at, " \
  "i.closed_at, " \
  "(SELECT count(*) FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id " \
  "   WHERE im.issue_id = i.id AND m.status <> 'cancelled'), " \
  "(SELECT count(*) FROM action a WHERE a.issue_id = i.id AND a.status IN " OPEN_STATUSES "), " \
  "(SELECT count(*) FROM action a WHERE a.issue_id = i.id AND a.status IN " OPEN_STATUSES \
  "   AND a.due_date < ?1), " \
  "(SELECT m.start_utc FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id " \
  "   WHERE im.issue_id = i.id AND m.status <> 'cancelled' ORDER BY m.start_utc DESC LIMIT 1), " \
  "(SELECT m.tzid FROM issue_meeting im JOIN meeting m ON m.id = im.meeting_id " \
  "   WHERE im.issue_id = i.id AND m.status <> 'cancelled' ORDER BY m.start_utc DESC LIMIT 1) " \
  "FROM issue i LEFT JOIN unit u ON u.id = i.unit_id "

#define ACTION_COLUMNS \
  "a.id, a.uid, a.title, a.description, a.owner_person_id, a.owner_unit_id, " \
  "coalesce(p.name, ou.name), coalesce(ou.name, pu.name), a.meeting_id, m.title, m.start_utc, " \
  "m.tzid, a.issue_id, i.title, a.priority, a.due_date, a.status, a.progress, a.created_at, " \
  "a.updated_at, a.done_at, p.email, a.decision_id, " \
  "(SELECT number FROM decision WHERE id = a.decision_id) "
#define ACTION_FROM \
  "FROM action a LEFT JOIN person p ON p.id = a.owner_person_id " \
  "LEFT JOIN unit pu ON pu.id = p.unit_id LEFT JOIN unit ou ON ou.id = a.owner_unit_id " \
  "LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN issue i ON i.id = a.issue_id "

#define UNIT_COLUMNS \
  "u.id, u.name, u.code, u.parent_id, p.name, " \
  "(SELECT count(*) FROM person WHERE unit_id = u.id), u.head_person_id, " \
  "(SELECT name FROM person WHERE id = u.head_person_id) "

#define PERSON_COLUMNS \
  "p.id, p.name, p.position, p.unit_id, u.name, p.email, p.phone, p.nip, p.pangkat, p.eselon, " \
  "p.sort_rank "

/* The readers of rows selecting the column lists above: each returns a new
 * value read through the StoreRow checks, or NULL with @error set when a
 * value in the row is bad. */
RapatMeeting *store_meeting_from_row (StoreStmt *stmt, GError **error);
RapatAgendaItem *store_item_from_row (StoreStmt *stmt, GError **error);
RapatAttendee *store_attendee_from_row (StoreStmt *stmt, GError **error);
RapatIssue *store_issue_from_row (StoreStmt *stmt, GError **error);
RapatAction *store_action_from_row (StoreStmt *stmt, GError **error);
RapatUnit *store_unit_from_row (StoreStmt *stmt, GError **error);
RapatPerson *store_person_from_row (StoreStmt *stmt, GError **error);
RapatMinutes *store_minutes_from_row (StoreStmt *stmt, GError **error);
RapatMinutesItem *store_minutes_item_from_row (StoreStmt *stmt, GError **error);
RapatDecision *store_decision_from_row (StoreStmt *stmt, GError **error);
/* The columns of ACTION_COLUMNS, then a review link's (store-review.c). */
RapatReview *store_review_from_row (StoreStmt *stmt, GError **error);

/* A reader of the current row of @stmt into a new value; NULL with @error
 * set when the row is bad. */
typedef gpointer (*StoreRowFunc) (StoreStmt *stmt, GError **error);

/* Steps @stmt to its end, reading each row with @read into a new array
 * that frees them with @free_func.  NULL with @error set when a row is
 * bad (@read's error, and the rows after it are not read) or a step fails
 * (@context and SQLite's reason). */
GPtrArray *store_rows (RapatStore *store, StoreStmt *stmt, StoreRowFunc read,
                       GDestroyNotify free_func, const char *context, GError **error);

/* Steps @stmt to its end, collecting its first column (an id) into a new
 * array of gint64; NULL with @error set (@context and SQLite's reason)
 * when a step fails. */
GArray *store_ids (RapatStore *store, StoreStmt *stmt, const char *context, GError **error);

G_END_DECLS
