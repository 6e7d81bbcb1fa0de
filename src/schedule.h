/* rapat — scheduling rules: which meetings clash, and when people and a
 * room are free (domain layer).
 *
 * These functions read the store and compute; they print nothing and know
 * no command line, so that the CLI, a future import and the Check suites
 * reach the same rules.  The overlap of two meetings is decided by the
 * store's clash query (rapat_store_meeting_clashes()); what a check keeps of
 * its rows, and the walk through busy times that finds free slots, is here. */
#pragma once

#include "rapat.h"
#include "store.h"

G_BEGIN_DECLS

/* Which clashes of a meeting a check keeps. */
typedef struct {
  GArray *person_ids;       /* only clashes over one of these people (gint64), none
                             * over a room; NULL: every clash */
  gboolean sessions_only;   /* only rooms of the meeting's own parallel sessions */
} RapatClashFilter;

/* Returns the clashes (RapatClash, in the store's order) of the stored
 * meeting @meeting_id that @filter keeps (NULL keeps them all): an empty
 * array when there are none, NULL with @error when the store fails. */
GPtrArray *rapat_schedule_clashes (RapatStore *store, gint64 meeting_id,
                                   const RapatClashFilter *filter, GError **error);

/* What a search for free slots looks for, as parsed values. */
typedef struct {
  const char *const *with;  /* people or units (all their members) who must be
                             * free, as the store's resolvers read them; NULL-terminated */
  const char *room;         /* a room that must be free too, or NULL */
  GTimeZone *tz;            /* zone of the days and the working hours (borrowed) */
  GDate first_day;          /* the days searched, both included */
  GDate last_day;
  int minutes;              /* length of a slot, at least 1 */
  int hours_from;           /* working hours, minutes after midnight: a slot */
  int hours_to;             /* lies within [hours_from, hours_to) of a day */
  guint days;               /* working days: bit 1..7 = Monday..Sunday (GDateWeekday) */
  guint count;              /* the most slots wanted, at least 1 */
  gboolean include_holidays;  /* search the holidays of the store too (they
                               * are skipped, by their date in @tz, unless set) */
} RapatSlotQuery;

/* Working days when the user names none: Monday to Friday. */
#define RAPAT_SLOT_WEEKDAYS 0x3eu

/* A free slot: the earliest start in a gap between busy times, and how long
 * the gap lasts (free_until_utc >= end_utc). */
typedef struct {
  gint64 start_utc;
  gint64 end_utc;
  gint64 free_until_utc;
} RapatSlot;

/* Finds the earliest slots of @query->minutes, at most @query->count, in
 * which everyone @query->with names (and @query->room) is free: on the
 * working days from first_day to last_day that are no holiday (unless
 * @query->include_holidays), within the working hours in @query->tz, one
 * slot at the start of each gap long enough.  Cancelled
 * meetings take no time; meetings that only touch a slot do not block it.
 * On success stores the slots (RapatSlot, earliest first, never empty) in
 * @slots and returns TRUE.  A name that is neither a person nor a unit
 * gives the resolver's error; no slot at all is RAPAT_ERROR_NOT_FOUND,
 * naming the people and how many meetings were in the way. */
gboolean rapat_schedule_find_slots (RapatStore *store, const RapatSlotQuery *query,
                                    GArray **slots, GError **error);

/* Parses working days ("mon-fri", "mon,wed,fri", "sat", "fri-mon" wrapping
 * round the week) into a mask for RapatSlotQuery.days. */
gboolean rapat_schedule_parse_days (const char *text, guint *mask, GError **error);

G_END_DECLS
