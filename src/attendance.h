/* rapat — the rules of recorded attendance (domain layer).
 *
 * Never prints and never sees an option parser. */
#pragma once

#include "rapat.h"
#include "model.h"

G_BEGIN_DECLS

/* How long before the start an arrival may be recorded. */
#define RAPAT_EARLIEST_ARRIVAL (12 * 3600)

/* Parses an arrival at @m: "HH:MM" on the day the meeting starts, or a full
 * "YYYY-MM-DD HH:MM", in the meeting's zone; it may not be after the end nor
 * more than 12 hours before the start.  *@warning (free it; NULL if none)
 * is set to a sentence about a time the zone's clock skips or repeats. */
gboolean rapat_attendance_parse_arrival (const RapatMeeting *m, const char *text, gint64 *out,
                                         char **warning, GError **error);

G_END_DECLS
