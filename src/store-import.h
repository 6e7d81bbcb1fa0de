/* rapat — the store: what 'import ics' keeps beyond rapat's own records
 * (schema/0016-import.sql): the properties rapat does not model, the
 * people the directory does not know, and what each imported UID was. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* What an imported UID was when last applied. */
typedef struct {
  char digest[65];     /* SHA-256 of its events' text without DTSTAMP, in hex */
  gint64 sequence;
  gint64 stamp;        /* its newest DTSTAMP or LAST-MODIFIED */
} RapatImportState;

/* Reads the state of @uid into @state: TRUE when found, FALSE without
 * @error when it was never imported, FALSE with @error when the store fails. */
gboolean rapat_store_import_state_get (RapatStore *store, const char *uid,
                                       RapatImportState *state, GError **error);

/* Keeps @state as what @uid is now (imported at @now). */
gboolean rapat_store_import_state_set (RapatStore *store, const char *uid,
                                       const RapatImportState *state, gint64 now,
                                       GError **error);

/* Returns the properties rapat does not model kept on meeting @meeting_id
 * (folded iCalendar text) in @extra, NULL when none. */
gboolean rapat_store_import_extra_get (RapatStore *store, gint64 meeting_id, char **extra,
                                       GError **error);

/* Keeps @extra (NULL: none) on meeting @meeting_id. */
gboolean rapat_store_import_extra_set (RapatStore *store, gint64 meeting_id, const char *extra,
                                       GError **error);

/* Returns the external invitees (RapatExternal) of meeting @meeting_id in
 * the order they came. */
GPtrArray *rapat_store_import_externals (RapatStore *store, gint64 meeting_id, GError **error);

/* Gives meeting @meeting_id the external invitees @externals
 * (RapatExternal), after removing those it had when @replace (a meeting
 * just added has none). */
gboolean rapat_store_import_externals_set (RapatStore *store, gint64 meeting_id,
                                           GPtrArray *externals, gboolean replace,
                                           GError **error);

/* Sets what a series read from a calendar says of itself: its SEQUENCE,
 * CREATED and LAST-MODIFIED. */
gboolean rapat_store_import_series_stamp (RapatStore *store, gint64 series_id, gint64 sequence,
                                          gint64 created, gint64 updated, GError **error);

/* Writes @series's rule, first start, length and zone onto the stored
 * series with series->id (a calendar's newer version of it). */
gboolean rapat_store_import_series_rule (RapatStore *store, const RapatSeries *series,
                                         GError **error);

/* Returns how many records meeting @meeting_id holds that only this
 * office wrote (attendance taken, agenda items, minutes, actions raised),
 * or -1 with @error set. */
gint64 rapat_store_import_meeting_records (RapatStore *store, gint64 meeting_id, GError **error);

/* Sets the UID of meeting @meeting_id to @uid: a meeting that becomes an
 * occurrence of the series its UID now names, or the reverse.  ('meeting
 * update' never changes a UID.) */
gboolean rapat_store_import_meeting_uid (RapatStore *store, gint64 meeting_id, const char *uid,
                                         GError **error);

/* Deletes series @series_id and every occurrence of it (a calendar's newer
 * version replaces it whole). */
gboolean rapat_store_import_series_delete (RapatStore *store, gint64 series_id, GError **error);

/* Removes every invitation of meeting @meeting_id (an imported meeting's
 * attendees are replaced by a newer version's). */
gboolean rapat_store_import_attendees_clear (RapatStore *store, gint64 meeting_id,
                                             GError **error);

/* Returns what meeting @meeting_id brought from another calendar (kept
 * text and external invitees) as one string, equal for two meetings only
 * when a calendar would show them the same ("" when nothing); NULL with
 * @error when the store fails. */
char *rapat_store_import_key (RapatStore *store, gint64 meeting_id, GError **error);

G_END_DECLS
