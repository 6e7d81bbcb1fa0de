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
 * late): counts each row into the store's running attendance pass
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

/* Steps a statement that returns no rows; FALSE with @error on failure. */
gboolean store_step_done (RapatStore *store, StoreStmt *stmt, const char *context,
                          GError **error);

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
