/* The export floor: the same iCalendar text rapat writes for every meeting
 * with its attendees, produced from the same rows with plain fprintf and no
 * escaping, folding or time zones.  A yardstick for bench/run.sh only:
 * rapat itself never writes iCalendar this way.
 *
 *   bench/floor-ics DB > FILE */
#include <sqlite3.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  sqlite3 *db;
  sqlite3_stmt *m, *a;

  if (argc != 2 || sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "usage: floor-ics DB\n");
      return 2;
    }
  sqlite3_prepare_v2 (db,
    "SELECT m.id, m.uid, m.title, m.location, m.description, m.start_utc, m.end_utc, m.tzid, "
    "m.sequence, m.status, o.name, o.email FROM meeting m LEFT JOIN person o "
    "ON o.id = m.organizer_id ORDER BY m.start_utc, m.id", -1, &m, NULL);
  sqlite3_prepare_v2 (db,
    "SELECT p.name, p.email, a.role, a.rsvp FROM attendee a JOIN person p ON p.id = a.person_id "
    "WHERE a.meeting_id = ?1", -1, &a, NULL);
  printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//floor//EN\r\nMETHOD:PUBLISH\r\n");
  while (sqlite3_step (m) == SQLITE_ROW)
    {
      printf ("BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:%d\r\n"
              "DTSTART;TZID=%s:%lld\r\nDTEND;TZID=%s:%lld\r\nSUMMARY:%s\r\nLOCATION:%s\r\n"
              "DESCRIPTION:%s\r\nSTATUS:%s\r\nORGANIZER;CN=%s:mailto:%s\r\n",
              sqlite3_column_text (m, 1), sqlite3_column_int (m, 8), sqlite3_column_text (m, 7),
              sqlite3_column_int64 (m, 5), sqlite3_column_text (m, 7), sqlite3_column_int64 (m, 6),
              sqlite3_column_text (m, 2), sqlite3_column_text (m, 3), sqlite3_column_text (m, 4),
              sqlite3_column_text (m, 9), sqlite3_column_text (m, 10), sqlite3_column_text (m, 11));
      sqlite3_bind_int64 (a, 1, sqlite3_column_int64 (m, 0));
      while (sqlite3_step (a) == SQLITE_ROW)
        printf ("ATTENDEE;CN=%s;ROLE=%s;PARTSTAT=%s:mailto:%s\r\n", sqlite3_column_text (a, 0),
                sqlite3_column_text (a, 2), sqlite3_column_text (a, 3), sqlite3_column_text (a, 1));
      sqlite3_reset (a);
      printf ("END:VEVENT\r\n");
    }
  printf ("END:VCALENDAR\r\n");
  sqlite3_finalize (a);
  sqlite3_finalize (m);
  sqlite3_close (db);
  return 0;
}
