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

/* Returns the VTIMEZONE of zone @tzid (an IANA name, also its TZID) for the
 * instants @from to @to, as CRLF-terminated lines: the observance in force
 * at @from (from its real onset when that is less than a year earlier,
 * else from the local midnight before @from), every change up to @to and
 * the first change after it.  One STANDARD or DAYLIGHT per distinct (kind,
 * offset before, offset after, name), its DTSTART the first onset and one
 * RDATE per later onset.  NULL with @error set when @tzid is not a zone
 * rapat can load. */
char *rapat_vtimezone_build (const char *tzid, gint64 from, gint64 to, GError **error);

G_END_DECLS
