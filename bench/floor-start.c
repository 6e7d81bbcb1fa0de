/* The start-up floor: a program that does nothing but is linked with the
 * same libraries as rapat (SQLite, libical, GLib), so that the time
 * the dynamic loader and the libraries' constructors take is measured. */
#include <glib.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  /* Touch each library so the linker keeps it (--as-needed drops unused ones). */
  const void *volatile keep[] = {
    sqlite3_libversion (), icaltimezone_get_utc_timezone (), g_get_prgname (),
  };

  (void) keep;
  return argc > 99 ? 1 : 0;
}
