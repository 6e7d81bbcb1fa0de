/* rapat fuzz target — the date, time, zone and duration parsers. */
#include <stdint.h>
#include <string.h>

#include "timeutil.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Feeds one input, as a C string, to every time parser. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *s = g_strndup ((const char *) data, size);
  g_autoptr(GTimeZone) jayapura = g_time_zone_new_identifier ("Asia/Jayapura");
  g_autoptr(GTimeZone) tz = NULL;
  gint64 t;
  int y, m, d, minutes;

  rapat_time_parse_datetime ("start", s, jayapura, &t, NULL, NULL);
  rapat_time_parse_date ("day", s, &y, &m, &d, NULL);
  rapat_time_parse_day ("day", s, jayapura, 1, &t, NULL);
  rapat_time_parse_clock ("at", s, &minutes, NULL);
  rapat_time_parse_duration ("duration", s, 24 * 60, &minutes, NULL);
  tz = rapat_time_zone_load (s, NULL, NULL);
  if (tz != NULL)
    rapat_time_parse_datetime ("start", "2025-09-02 09:00", tz, &t, NULL, NULL);
  return 0;
}
