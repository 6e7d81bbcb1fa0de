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

G_END_DECLS
