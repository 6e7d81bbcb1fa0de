/* The start-up floor: a program that does nothing but is linked with the
 * same libraries as rapat (SQLite, libical, GLib, GIO), so that the time
 * the dynamic loader and the libraries' constructors take is measured. */
#include <gio/gio.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  /* Touch each library so the linker keeps it (--as-needed drops unused ones). */
  volatile const void *keep[] = {
    sqlite3_libversion (), icaltimezone_get_utc_timezone (), g_get_prgname (),
    (void *) g_resource_get_type,
  };

  (void) keep;
  return argc > 99 ? 1 : 0;
}
