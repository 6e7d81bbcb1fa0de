/* rapat — VTIMEZONE text built from the zone data rapat converts with (export layer).
 *
 * The observances come from GLib's GTimeZone, loaded by
 * rapat_time_zone_load(), so a calendar reads a local time exactly as rapat
 * wrote it.  Each observance says what the tz database says: its offset,
 * its abbreviation (TZNAME) and, from the database's is-DST flag, whether
 * it is STANDARD or DAYLIGHT.  Onsets are local times in the offset in
 * force before them (RFC 5545 §3.6.5), never UTC. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* One change of a zone's observance: at instant @at (Unix seconds) the
 * offset @from gives way to @to (seconds east of UTC), with abbreviation
 * @name and daylight-saving flag @dst.  A change may keep the offset and
 * alter only the name or the flag. */
typedef struct {
  gint64 at;
  gint32 from, to;
  gboolean dst;
  char *name;
} RapatZoneChange;

/* Returns the changes of zone @tz (a GTimeZone) that a calendar needs for
 * instants @from to @to: first the change that began the observance in
 * force at @from when it lies less than a year before @from (otherwise a
 * change at the local midnight before @from whose offsets before and after
 * are equal), then every change up to @to, then the first change after
 * @to, so that a calendar covering only summer still names both
 * observances.  The array owns its elements; it is never empty. */
GArray *rapat_zone_changes (GTimeZone *tz, gint64 from, gint64 to);

/* Returns the VTIMEZONE of zone @tzid (an IANA name, also its TZID) for the
 * instants @from to @to, as CRLF-terminated lines: one STANDARD or DAYLIGHT
 * per distinct (kind, offset before, offset after, name), its DTSTART the
 * first onset and one RDATE per later onset.  NULL with @error set when
 * @tzid is not a zone rapat can load. */
char *rapat_vtimezone_build (const char *tzid, gint64 from, gint64 to, GError **error);

G_END_DECLS
