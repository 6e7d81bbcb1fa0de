#!/usr/bin/python3
"""What an importer of meetings should make of an .ics file, computed
independently of rapat with python3-icalendar and recurring-ical-events.

  tests/ics-reference.py [--tz ZONE] [--from DATE] [--to DATE] FILE
  tests/ics-reference.py --summary [...] FILE

Prints one line per occurrence of each timed VEVENT (DTSTART a date-time),
sorted, with the fields separated by tabs:

  UID  RECURRENCE-ID  START  END  STATUS  SUMMARY

RECURRENCE-ID is the occurrence's RECURRENCE-ID when a component of the
file overrides it, else the start the rule gives it; all times are UTC as
YYYYMMDDTHHMMSSZ.  END is DTEND, else DTSTART + DURATION, else START.
STATUS is the event's STATUS in capitals, "-" when it has none.  In SUMMARY
(empty when none) a backslash, tab, CR and LF are written \\ \\t \\r \\n.

Floating times (no TZID, no Z) are read in --tz (default Asia/Jakarta),
also beside a value with a zone and in a calendar with X-WR-TIMEZONE.
Occurrences count when they start on or after --from 00:00 UTC and before
the day after --to (default 2000-01-01 to 2030-12-31).  Each series is cut
after its first 520 occurrences in that window (rapat's limit on a series);
--summary says how many were cut.  DATE-only events (all day) are not
meetings: they are left out and counted.

The expansion is recurring-ical-events' own, including what it does with
X-WR-TIMEZONE (a Google calendar's zone) and overrides.

--summary prints counts instead of the lines (--summary-to FILE writes
them to FILE as well as printing the lines):
  events        distinct UIDs of timed events
  series        of those, the ones with RRULE or RDATE
  occurrences   lines the default output would print
  all-day       distinct UIDs of DATE-only events, skipped
  capped        series cut at 520 occurrences

Exit status: 0, or 2 with one line on stderr when the file is refused: the
parser rejects it, a VEVENT has a property it could not read, has no UID or
DTSTART, or its recurrence cannot be computed.  Such a file is an expected
refusal for an importer.  1 for wrong usage.
"""

import argparse
import datetime
import sys
import zoneinfo

import icalendar
from icalendar.prop import vDDDLists, vDDDTypes
import recurring_ical_events

SERIES_LIMIT = 520
UTC = datetime.timezone.utc


class Refused(Exception):
    """The file is not one an importer should accept."""


def utc_text(moment):
    """Returns MOMENT (an aware datetime) in UTC as YYYYMMDDTHHMMSSZ."""
    return moment.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')


def aware(value, floating_zone):
    """Returns the datetime VALUE with a zone, a floating one read in FLOATING_ZONE."""
    if value.tzinfo is None:
        return value.replace(tzinfo=floating_zone)
    return value


def escape(text):
    """Returns TEXT with backslash, tab, CR and LF escaped for one tab-separated field."""
    return (text.replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\r', '\\r').replace('\n', '\\n'))


def day(text):
    """Returns the date TEXT (YYYY-MM-DD) as a datetime at 00:00 UTC."""
    try:
        d = datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("'%s' is not a date YYYY-MM-DD" % text)
    return datetime.datetime(d.year, d.month, d.day, tzinfo=UTC)


def zone(text):
    """Returns the IANA zone named TEXT."""
    try:
        return zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError("'%s' is not a time zone" % text)


def read_calendar(path):
    """Returns the parsed calendar of the file at PATH; raises Refused."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        raise Refused('cannot read: %s' % e.strerror)
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as e:
        raise Refused('not iCalendar: %s' % one_line(e))
    if calendar.name != 'VCALENDAR':
        raise Refused('not iCalendar: the top component is %s, not VCALENDAR'
                      % calendar.name)
    return calendar


def one_line(error):
    """Returns ERROR's message on one line."""
    text = ' '.join(str(error).split())
    return text or type(error).__name__


def check_events(calendar):
    """Returns the VEVENTs of CALENDAR; raises Refused on a broken one."""
    events = list(calendar.walk('VEVENT'))
    for event in events:
        uid = str(event.get('UID', ''))
        if event.errors:
            name, message = event.errors[0]
            raise Refused("VEVENT '%s': property %s: %s"
                          % (uid, name or '?', ' '.join(message.split())))
        if not uid:
            raise Refused('a VEVENT has no UID')
        if 'DTSTART' not in event:
            raise Refused("VEVENT '%s' has no DTSTART" % uid)
    return events


def is_timed(event):
    """Returns whether EVENT starts at a date-time (else it is all day)."""
    return isinstance(event['DTSTART'].dt, datetime.datetime)


def pin_floating(events, floating_zone):
    """Gives every floating date-time of EVENTS the zone FLOATING_ZONE.

    Done before the expansion so that a floating value is read in --tz even
    next to one with a zone (recurring-ical-events would read it in that
    other zone) or in a calendar with X-WR-TIMEZONE."""
    for event in events:
        for name in ('DTSTART', 'DTEND', 'RECURRENCE-ID'):
            value = event.get(name)
            if (value is not None and isinstance(value.dt, datetime.datetime)
                    and value.dt.tzinfo is None):
                event[name] = vDDDTypes(value.dt.replace(tzinfo=floating_zone))
        for name in ('EXDATE', 'RDATE'):
            values = event.get(name)
            if values is None:
                continue
            lists = values if isinstance(values, list) else [values]
            pinned = []
            for one in lists:
                dts = [d.dt for d in one.dts]
                if any(isinstance(d, datetime.datetime) and d.tzinfo is None for d in dts):
                    one = vDDDLists([d.replace(tzinfo=floating_zone)
                                     if isinstance(d, datetime.datetime) and d.tzinfo is None
                                     else d for d in dts])
                pinned.append(one)
            event[name] = pinned if isinstance(values, list) else pinned[0]


def occurrences(calendar, events, floating_zone, start, stop):
    """Returns (lines, summary) for the timed events of CALENDAR."""
    timed = {}
    all_day = set()
    for event in events:
        uid = str(event['UID'])
        if is_timed(event):
            timed.setdefault(uid, False)
            if 'RRULE' in event or 'RDATE' in event:
                timed[uid] = True
        else:
            all_day.add(uid)
    # A UID with a timed master and all-day overrides (or the reverse) counts as timed.
    all_day -= set(timed)

    # Ask for two more days each side (floating times and zones are at most
    # about a day off UTC) and keep what starts inside the window in UTC.
    try:
        found = recurring_ical_events.of(calendar).between(
            (start - datetime.timedelta(days=2)).replace(tzinfo=None),
            (stop + datetime.timedelta(days=2)).replace(tzinfo=None))
    except Exception as e:
        raise Refused('recurrence: %s' % one_line(e))

    by_uid = {}
    for occurrence in found:
        uid = str(occurrence['UID'])
        begin = occurrence['DTSTART'].dt
        if uid not in timed or not isinstance(begin, datetime.datetime):
            continue
        begin = aware(begin, floating_zone)
        if 'DTEND' in occurrence:
            end = occurrence['DTEND'].dt
        elif 'DURATION' in occurrence:
            end = occurrence['DTSTART'].dt + occurrence['DURATION'].dt
        else:
            end = occurrence['DTSTART'].dt
        if not isinstance(end, datetime.datetime):
            end = datetime.datetime(end.year, end.month, end.day)
        end = aware(end, floating_zone)
        if 'RECURRENCE-ID' in occurrence:
            rid = occurrence['RECURRENCE-ID'].dt
            if not isinstance(rid, datetime.datetime):
                rid = datetime.datetime(rid.year, rid.month, rid.day)
            rid = aware(rid, floating_zone)
        else:
            rid = begin
        if not start <= begin.astimezone(UTC) < stop:
            continue
        status = str(occurrence.get('STATUS', '-')).upper() or '-'
        summary = escape(str(occurrence.get('SUMMARY', '')))
        by_uid.setdefault(uid, []).append(
            (begin.astimezone(UTC), '\t'.join((uid, utc_text(rid), utc_text(begin),
                                               utc_text(end), status, summary))))

    lines = []
    capped = 0
    for uid, rows in by_uid.items():
        rows.sort()
        if len(rows) > SERIES_LIMIT:
            capped += 1
            rows = rows[:SERIES_LIMIT]
        lines.extend(line for _, line in rows)
    lines.sort()
    summary = {
        'events': len(timed),
        'series': sum(1 for series in timed.values() if series),
        'occurrences': len(lines),
        'all-day': len(all_day),
        'capped': capped,
    }
    return lines, summary


class Parser(argparse.ArgumentParser):
    """An argument parser that exits 1 on wrong usage (2 means refused)."""

    def error(self, message):
        """Prints the usage and MESSAGE; exits 1."""
        self.print_usage(sys.stderr)
        print('%s: error: %s' % (self.prog, message), file=sys.stderr)
        sys.exit(1)


def main():
    """Runs the command line; returns the exit status."""
    parser = Parser(
        description='The meetings an importer should make of an .ics file (see the top of this file).')
    parser.add_argument('--tz', type=zone, default=zone('Asia/Jakarta'),
                        help='zone of floating times (default Asia/Jakarta)')
    parser.add_argument('--from', dest='start', type=day, default=day('2000-01-01'),
                        help='first day, UTC (default 2000-01-01)')
    parser.add_argument('--to', dest='last', type=day, default=day('2030-12-31'),
                        help='last day, UTC (default 2030-12-31)')
    parser.add_argument('--summary', action='store_true', help='print counts')
    parser.add_argument('--summary-to', metavar='FILE',
                        help='print the lines, and write the counts to FILE')
    parser.add_argument('file')
    args = parser.parse_args()
    if args.last < args.start:
        parser.error('--to is before --from')
    stop = args.last + datetime.timedelta(days=1)
    try:
        calendar = read_calendar(args.file)
        events = check_events(calendar)
        pin_floating(events, args.tz)
        lines, summary = occurrences(calendar, events, args.tz, args.start, stop)
    except Refused as e:
        print('ics-reference: %s: refused: %s' % (args.file, e), file=sys.stderr)
        return 2
    counts = ''.join('%s\t%d\n' % (key, summary[key])
                     for key in ('events', 'series', 'occurrences', 'all-day', 'capped'))
    if args.summary:
        sys.stdout.write(counts)
        return 0
    for line in lines:
        print(line)
    if args.summary_to:
        with open(args.summary_to, 'w') as f:
            f.write(counts)
    return 0


if __name__ == '__main__':
    sys.exit(main())
