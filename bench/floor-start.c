/* The start-up floor: a program that does nothing but is linked with the
 * libraries rapat uses (SQLite, GLib and libical), so that the time the
 * dynamic loader and the libraries' constructors take is measured.
 *
 * rapat itself opens libical (with ICU and libstdc++ behind it) only when
 * a command needs it, so its other commands start faster than this floor.
 * Built without libical (-DFLOOR_WITHOUT_ICAL, bench/floor-start-base), it
 * is the floor of those commands: SQLite and GLib alone. */
#include <glib.h>
#ifndef FLOOR_WITHOUT_ICAL
#include <libical/ical.h>
#endif
#include <sqlite3.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  /* Touch each library so the linker keeps it (--as-needed drops unused ones). */
  const void *volatile keep[] = {
    sqlite3_libversion (), g_get_prgname (),
#ifndef FLOOR_WITHOUT_ICAL
    icaltimezone_get_utc_timezone (),
#endif
  };

  (void) keep;
  return argc > 99 ? 1 : 0;
}
