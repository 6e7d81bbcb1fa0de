/* rapat fuzz target — the reader of holiday calendars (src/holiday.c). */
#include <stdint.h>
#include <string.h>

#include "holiday.h"
#include "timeutil.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reads one input as a calendar of holidays; what it accepts must be days
 * rapat can parse back, by day then name, each day and name once. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapatHolidayCalendar) cal =
    rapat_holiday_parse_ics ((const char *) data, size, "fuzz.ics", RAPAT_HOLIDAY_NATIONAL,
                             1756771200, &error);

  g_assert ((cal == NULL) == (error != NULL));
  if (cal == NULL)
    {
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }
  for (guint i = 0; i < cal->holidays->len; i++)
    {
      const RapatHoliday *h = cal->holidays->pdata[i];
      int y, m, d;

      g_assert (rapat_time_parse_date ("day", h->day, &y, &m, &d, NULL));
      g_assert (h->name != NULL && *h->name != '\0');
      if (i > 0)
        {
          const RapatHoliday *p = cal->holidays->pdata[i - 1];
          int c = strcmp (p->day, h->day);

          g_assert (c < 0 || (c == 0 && strcmp (p->name, h->name) < 0));
        }
    }
  return 0;
}
