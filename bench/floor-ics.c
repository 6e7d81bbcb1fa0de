/* The export floor: the text `rapat export ics` writes for every meeting
 * (VTIMEZONE blocks aside), produced from the same rows with plain stdio:
 * the same properties, escaping, folding and local times, written by hand.
 * bench/run.sh checks that its events are byte for byte rapat's, so the
 * ratio compares equal work.  A yardstick for the benchmark only: rapat
 * writes iCalendar with libical, never this way.
 *
 * It covers what bench/rapat-gen archives hold (method PUBLISH, no series,
 * no parallel sessions or rooms, zones with one offset over the years);
 * it is not a general writer.
 *
 *   bench/floor-ics DB > FILE */
#include "config.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_LINE 8192
#define MAX_PEOPLE 256

/* Writes one logical line folded at 75 octets on character boundaries. */
static void
put_line (const char *line, size_t len)
{
  size_t limit = 75;

  while (len > limit)
    {
      size_t cut = limit;

      while (cut > 1 && ((unsigned char) line[cut] & 0xC0) == 0x80)
        cut--;
      fwrite (line, 1, cut, stdout);
      fputs ("\r\n ", stdout);
      line += cut;
      len -= cut;
      limit = 74;
    }
  fwrite (line, 1, len, stdout);
  fputs ("\r\n", stdout);
}

/* Appends @s to @buf at @*len as iCalendar TEXT (backslash, comma,
 * semicolon and newline escaped). */
static void
add_text (char *buf, size_t *len, const char *s)
{
  for (; s != NULL && *s != '\0' && *len < MAX_LINE - 3; s++)
    {
      if (*s == '\\' || *s == ',' || *s == ';')
        buf[(*len)++] = '\\';
      if (*s == '\n')
        {
          buf[(*len)++] = '\\';
          buf[(*len)++] = 'n';
          continue;
        }
      buf[(*len)++] = *s;
    }
  buf[*len] = '\0';
}

/* Appends printf-formatted text. */
static void
add (char *buf, size_t *len, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));
static void
add (char *buf, size_t *len, const char *fmt, ...)
{
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (buf + *len, MAX_LINE - *len, fmt, ap);
  va_end (ap);
  if (n > 0)
    *len += (size_t) n < MAX_LINE - *len ? (size_t) n : MAX_LINE - *len - 1;
}

/* Appends a CN parameter value, quoted when it holds ':', ';' or ','. */
static void
add_cn (char *buf, size_t *len, const char *name)
{
  int quote = strpbrk (name, ":;,") != NULL;

  add (buf, len, quote ? ";CN=\"%s\"" : ";CN=%s", name);
}

/* The address of a person: mailto: or rapat's urn. */
static void
address (char *out, size_t size, long long id, const unsigned char *email)
{
  if (email != NULL)
    snprintf (out, size, "mailto:%s", email);
  else
    snprintf (out, size, "urn:x-rapat:person:%lld", id);
}

/* The offset of zone @tzid in seconds, and its abbreviation in @abbrev,
 * looked up once per zone (the archive's zones keep one offset). */
static long
zone_offset (const char *tzid, long long at, const char **abbrev)
{
  static char names[8][64];
  static char abbrevs[8][16];
  static long offsets[8];
  static int n;
  time_t t = (time_t) at;
  struct tm tm;

  for (int i = 0; i < n; i++)
    if (strcmp (names[i], tzid) == 0)
      {
        *abbrev = abbrevs[i];
        return offsets[i];
      }
  setenv ("TZ", tzid, 1);
  tzset ();
  localtime_r (&t, &tm);
  if (n < 8)
    {
      snprintf (names[n], sizeof names[n], "%s", tzid);
      snprintf (abbrevs[n], sizeof abbrevs[n], "%s", tm.tm_zone);
      offsets[n] = tm.tm_gmtoff;
      *abbrev = abbrevs[n++];
    }
  return tm.tm_gmtoff;
}

/* Writes a UTC date-time property. */
static void
put_utc (const char *name, long long at)
{
  time_t t = (time_t) at;
  struct tm tm;

  gmtime_r (&t, &tm);
  printf ("%s:%04d%02d%02dT%02d%02d%02dZ\r\n", name, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
          tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Writes DTSTART or DTEND in local time of @tzid. */
static void
put_local (const char *name, long long at, const char *tzid, long offset)
{
  time_t t = (time_t) (at + offset);
  struct tm tm;

  gmtime_r (&t, &tm);
  printf ("%s;TZID=%s:%04d%02d%02dT%02d%02d%02d\r\n", name, tzid, tm.tm_year + 1900, tm.tm_mon + 1,
          tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static const char *
role_name (const char *role)
{
  if (strcmp (role, "chair") == 0)
    return "CHAIR";
  if (strcmp (role, "optional") == 0)
    return "OPT-PARTICIPANT";
  if (strcmp (role, "observer") == 0)
    return "NON-PARTICIPANT";
  return "REQ-PARTICIPANT";
}

static const char *
partstat_name (const char *rsvp)
{
  if (strcmp (rsvp, "accepted") == 0)
    return "ACCEPTED";
  if (strcmp (rsvp, "declined") == 0)
    return "DECLINED";
  if (strcmp (rsvp, "tentative") == 0)
    return "TENTATIVE";
  return "NEEDS-ACTION";
}

/* One invitation of the meeting being written. */
typedef struct {
  long long person, stand_in;
  int rank;                  /* role order: chair, speaker, participant, optional, observer */
  int represented;
  char name[256], addr[300], role[16], stand_in_name[256], stand_in_addr[300];
  char line[MAX_LINE];   /* add() and add_text() write at most MAX_LINE bytes */
  size_t len;
} Person;

static int
role_rank (const char *role)
{
  static const char *const order[] = { "chair", "speaker", "participant", "optional" };

  for (int i = 0; i < 4; i++)
    if (strcmp (role, order[i]) == 0)
      return i;
  return 4;
}

/* rapat's order: role, name ignoring case (the archive's names are ASCII), id. */
static int
compare_people (const void *pa, const void *pb)
{
  const Person *a = pa, *b = pb;
  int c;

  if (a->rank != b->rank)
    return a->rank - b->rank;
  c = strcasecmp (a->name, b->name);
  if (c != 0)
    return c;
  return (a->person > b->person) - (a->person < b->person);
}

/* Starts the ATTENDEE line of @p; the address is added by finish_line(). */
static void
start_line (Person *p, const char *name, const char *partstat)
{
  p->len = 0;
  add (p->line, &p->len, "ATTENDEE");
  add_cn (p->line, &p->len, name);
  add (p->line, &p->len, ";CUTYPE=INDIVIDUAL;ROLE=%s;PARTSTAT=%s", role_name (p->role), partstat);
}

int
main (int argc, char **argv)
{
  sqlite3 *db;
  sqlite3_stmt *m, *a, *g, *c;
  const char *sde = getenv ("SOURCE_DATE_EPOCH");
  long long now = sde != NULL ? atoll (sde) : (long long) time (NULL);
  static Person people[MAX_PEOPLE];
  static char buf[MAX_LINE];
  int have_a, have_g;

  if (argc != 2 || sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "usage: floor-ics DB\n");
      return 2;
    }
  /* Three cursors in the same meeting order, stepped side by side. */
  sqlite3_prepare_v2 (db,
    "SELECT m.id, m.uid, m.title, m.kind, m.description, m.location, m.start_utc, m.end_utc, "
    "m.tzid, m.status, m.sequence, m.organizer_id, o.name, o.email, m.created_at, m.updated_at "
    "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id ORDER BY m.start_utc, m.id",
    -1, &m, NULL);
  sqlite3_prepare_v2 (db,
    "SELECT m.id, a.person_id, p.name, p.email, a.role, a.rsvp, a.attendance, a.represented_by, "
    "s.name, s.email FROM meeting m CROSS JOIN attendee a ON a.meeting_id = m.id "
    "JOIN person p ON p.id = a.person_id LEFT JOIN person s ON s.id = a.represented_by "
    "ORDER BY m.start_utc, m.id", -1, &a, NULL);
  sqlite3_prepare_v2 (db,
    "SELECT m.id, g.title, g.duration_min, p.name FROM meeting m CROSS JOIN agenda_item g "
    "ON g.meeting_id = m.id LEFT JOIN person p ON p.id = g.presenter_id "
    "ORDER BY m.start_utc, m.id, g.position", -1, &g, NULL);
  /* The calendar's name: the organisation (the one unit at the top), and
   * its zone when every meeting shares one. */
  sqlite3_prepare_v2 (db,
    "SELECT (SELECT CASE WHEN count(*) = 1 THEN max(name) ELSE 'rapat' END FROM unit "
    "        WHERE parent_id IS NULL), "
    "       (SELECT CASE WHEN count(DISTINCT tzid) = 1 THEN max(tzid) END FROM meeting)",
    -1, &c, NULL);
  sqlite3_step (c);
  printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rapat//rapat %s//EN\r\n"
          "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", PACKAGE_VERSION);
  {
    size_t len = 0;

    add (buf, &len, "X-WR-CALNAME:");
    add_text (buf, &len, (const char *) sqlite3_column_text (c, 0));
    put_line (buf, len);
    len = 0;
    add (buf, &len, "NAME:");
    add_text (buf, &len, (const char *) sqlite3_column_text (c, 0));
    put_line (buf, len);
    if (sqlite3_column_type (c, 1) != SQLITE_NULL)
      printf ("X-WR-TIMEZONE:%s\r\n", sqlite3_column_text (c, 1));
  }
  sqlite3_finalize (c);
  have_a = sqlite3_step (a) == SQLITE_ROW;
  have_g = sqlite3_step (g) == SQLITE_ROW;
  while (sqlite3_step (m) == SQLITE_ROW)
    {
      long long id = sqlite3_column_int64 (m, 0);
      long long start = sqlite3_column_int64 (m, 6);
      const char *tzid = (const char *) sqlite3_column_text (m, 8);
      const char *status = (const char *) sqlite3_column_text (m, 9);
      const char *abbrev = NULL;
      long offset = zone_offset (tzid, start, &abbrev);
      long long at = start;
      size_t len = 0;
      int n = 0, invited, items = 0;

      printf ("BEGIN:VEVENT\r\nUID:%s\r\n", sqlite3_column_text (m, 1));
      put_utc ("DTSTAMP", now);
      if (sqlite3_column_int64 (m, 14) != 0)
        put_utc ("CREATED", sqlite3_column_int64 (m, 14));
      if (sqlite3_column_int64 (m, 15) != 0)
        put_utc ("LAST-MODIFIED", sqlite3_column_int64 (m, 15));
      printf ("SEQUENCE:%d\r\n", sqlite3_column_int (m, 10));
      put_local ("DTSTART", start, tzid, offset);
      put_local ("DTEND", sqlite3_column_int64 (m, 7), tzid, offset);
      add (buf, &len, "SUMMARY:");
      add_text (buf, &len, (const char *) sqlite3_column_text (m, 2));
      put_line (buf, len);
      if (sqlite3_column_type (m, 5) != SQLITE_NULL)
        {
          len = 0;
          add (buf, &len, "LOCATION:");
          add_text (buf, &len, (const char *) sqlite3_column_text (m, 5));
          put_line (buf, len);
        }
      /* The description, then the agenda with clock times. */
      len = 0;
      add (buf, &len, "DESCRIPTION:");
      add_text (buf, &len, (const char *) sqlite3_column_text (m, 4));
      for (; have_g && sqlite3_column_int64 (g, 0) == id; have_g = sqlite3_step (g) == SQLITE_ROW)
        {
          long long end = at + sqlite3_column_int64 (g, 2) * 60;
          long l1 = (long) ((at + offset) % 86400) / 60, l2 = (long) ((end + offset) % 86400) / 60;

          if (items++ == 0)
            add (buf, &len, "%sAgenda:", len > strlen ("DESCRIPTION:") ? "\\n\\n" : "");
          add (buf, &len, "\\n%02ld:%02ld–%02ld:%02ld %s ", l1 / 60, l1 % 60, l2 / 60, l2 % 60,
               abbrev);
          add_text (buf, &len, (const char *) sqlite3_column_text (g, 1));
          if (sqlite3_column_type (g, 3) != SQLITE_NULL)
            {
              add (buf, &len, " (");
              add_text (buf, &len, (const char *) sqlite3_column_text (g, 3));
              add (buf, &len, ")");
            }
          at = end;
        }
      if (len > strlen ("DESCRIPTION:"))
        put_line (buf, len);
      len = 0;
      add (buf, &len, "CATEGORIES:");
      add_text (buf, &len, (const char *) sqlite3_column_text (m, 3));
      put_line (buf, len);
      printf ("STATUS:%s\r\nTRANSP:OPAQUE\r\n",
              strcmp (status, "cancelled") == 0 ? "CANCELLED"
              : strcmp (status, "tentative") == 0 ? "TENTATIVE" : "CONFIRMED");
      if (sqlite3_column_type (m, 11) != SQLITE_NULL)
        {
          char addr[300];

          address (addr, sizeof addr, sqlite3_column_int64 (m, 11), sqlite3_column_text (m, 13));
          len = 0;
          add (buf, &len, "ORGANIZER");
          add_cn (buf, &len, (const char *) sqlite3_column_text (m, 12));
          add (buf, &len, ":%s", addr);
          put_line (buf, len);
        }
      /* The invitations, sorted as rapat sorts them. */
      for (; have_a && sqlite3_column_int64 (a, 0) == id; have_a = sqlite3_step (a) == SQLITE_ROW)
        {
          Person *p = &people[n];

          if (n == MAX_PEOPLE)
            continue;
          n++;
          p->person = sqlite3_column_int64 (a, 1);
          snprintf (p->name, sizeof p->name, "%s", sqlite3_column_text (a, 2));
          address (p->addr, sizeof p->addr, p->person, sqlite3_column_text (a, 3));
          snprintf (p->role, sizeof p->role, "%s", sqlite3_column_text (a, 4));
          p->rank = role_rank (p->role);
          p->stand_in = sqlite3_column_int64 (a, 7);
          p->represented = p->stand_in != 0
                           && strcmp ((const char *) sqlite3_column_text (a, 6), "represented") == 0;
          if (p->represented)
            {
              snprintf (p->stand_in_name, sizeof p->stand_in_name, "%s", sqlite3_column_text (a, 8));
              address (p->stand_in_addr, sizeof p->stand_in_addr, p->stand_in,
                       sqlite3_column_text (a, 9));
            }
          start_line (p, p->name, p->represented ? "DELEGATED"
                                  : partstat_name ((const char *) sqlite3_column_text (a, 5)));
          if (p->represented)
            add (p->line, &p->len, ";DELEGATED-TO=\"%s\"", p->stand_in_addr);
        }
      qsort (people, n, sizeof people[0], compare_people);
      /* A stand-in gets DELEGATED-FROM on their own line, or a line of their
       * own after the invitations when not invited. */
      invited = n;
      for (int i = 0; i < invited; i++)
        {
          Person *s = NULL;

          if (!people[i].represented)
            continue;
          for (int j = 0; j < n; j++)
            if (people[j].person == people[i].stand_in)
              s = &people[j];
          if (s == NULL && n < MAX_PEOPLE)
            {
              s = &people[n++];
              s->person = people[i].stand_in;
              snprintf (s->addr, sizeof s->addr, "%s", people[i].stand_in_addr);
              snprintf (s->role, sizeof s->role, "%s", people[i].role);
              start_line (s, people[i].stand_in_name, "ACCEPTED");
            }
          if (s != NULL)
            add (s->line, &s->len, ";DELEGATED-FROM=\"%s\"", people[i].addr);
        }
      for (int i = 0; i < n; i++)
        {
          add (people[i].line, &people[i].len, ":%s", people[i].addr);
          put_line (people[i].line, people[i].len);
        }
      printf ("END:VEVENT\r\n");
    }
  printf ("END:VCALENDAR\r\n");
  sqlite3_finalize (g);
  sqlite3_finalize (a);
  sqlite3_finalize (m);
  sqlite3_close (db);
  return 0;
}
