/* rapat — attendance reports and the sign-in sheet (export layer).
 *
 * The writers take model values and counts the store computed with SQL
 * aggregates; they never see the database. */
#pragma once

#include <stdio.h>

#include "report.h"
#include "layout.h"

G_BEGIN_DECLS

/* One meeting's attendance. */
typedef struct {
  const RapatMeeting *meeting;
  GPtrArray *attendees;                 /* RapatAttendee, in the store's order */
  RapatAttendanceCounts totals;         /* from rapat_store_attendance_meeting() */
  gint64 grace_seconds;                 /* arrivals later than start + grace are late */
  RapatFormat format;
  /* HTML: the letterhead, signer, language and printing time of the
   * printed report (RapatAttendancePaper, below), or NULL: none. */
  const struct _RapatAttendancePaper *paper;
} RapatMeetingAttendance;

/* Writes the report: the meeting's header; one row per attendee (no., name,
 * position, unit, role, reply, attendance, arrival with lateness, stand-in,
 * note); the totals and the attendance rate, (present + represented) over
 * the invitations with attendance recorded ("-", or null, when none is);
 * and the reconciliation lists: accepted but did not attend
 * (excused, sick, duty or absent), and present without ever replying.
 * CSV has only the rows; JSON has meeting, rows, totals and both lists;
 * HTML is the printed report, rapat_report_meeting_attendance_layout() of
 * @report's paper written by rapat_layout_html(), as its PDF says it. */
void rapat_report_meeting_attendance (FILE *out, const RapatMeetingAttendance *report);

/* What the printed report (HTML and PDF) of one meeting's attendance
 * adds to the report. */
typedef struct _RapatAttendancePaper {
  const RapatLetterhead *letterhead;    /* or NULL */
  const char *city;                     /* of the place and date line, or NULL */
  const char *signer_title;             /* the signer's position, or NULL */
  const char *signer_name;              /* or NULL: a dotted line */
  const char *signer_nip;               /* or NULL */
  const char *lang;                     /* "id" or "en", the language of the output */
  gint64 now;                           /* the printing time */
  const char *zone;                     /* a period's: the zone of the printing time */
} RapatAttendancePaper;

/* Returns @report as a paper to print as PDF (exports/pdf.h), in the
 * language of the output (rapat_lang()): the letterhead, the title, the
 * day, time and place, the rule for lateness, the table of attendees, the
 * totals and the rate (their heading never alone at the foot of a page,
 * the rate never alone at the top of one), both reconciliation lists and
 * the signature block. */
RapatLayout *rapat_report_meeting_attendance_layout (const RapatMeetingAttendance *report,
                                                     const RapatAttendancePaper *paper);

typedef enum {
  RAPAT_ATTENDANCE_BY_PERSON,
  RAPAT_ATTENDANCE_BY_UNIT,
} RapatAttendanceGrouping;

extern const RapatEnum rapat_attendance_grouping_enum;

/* Attendance over a period, per person or per unit. */
typedef struct {
  const char *from;                     /* "YYYY-MM-DD", or NULL */
  const char *to;                       /* "YYYY-MM-DD" (included), or NULL */
  const char *kind;                     /* or NULL */
  const char *unit;                     /* name of the unit the report is limited to, or NULL */
  RapatAttendanceGrouping by;
  GPtrArray *rows;                      /* RapatAttendanceRow, lowest rate first */
  RapatAttendanceCounts totals;         /* every invitation in scope, counted once */
  GPtrArray *unrecorded;                /* RapatMeeting in scope without attendance recorded,
                                         * counted nowhere; NULL for none */
  RapatFormat format;
  /* HTML: the letterhead, language and printing time of the printed
   * report (its PDF's), or NULL: none. */
  const struct _RapatAttendancePaper *paper;
} RapatPeriodAttendance;

/* Writes the period report: one row per person or unit with meetings,
 * invitations, present, late, represented, excused, sick, duty, absent, not
 * recorded and the rate over the recorded invitations, then a total row
 * (text, HTML, JSON; CSV has no total), then the meetings without attendance
 * recorded (text and HTML when there are any; JSON always, as
 * "meetings_unrecorded"; CSV, one record per row, leaves them out).  HTML
 * is the printed report, rapat_report_period_attendance_layout() of
 * @report's paper written by rapat_layout_html(), as its PDF says it:
 * with a bar chart of the rates (inline SVG). */
void rapat_report_period_attendance (FILE *out, const RapatPeriodAttendance *report);

/* Returns the period report as a paper to print as PDF (and as HTML): the
 * letterhead, the title, a bar chart of the rate of each row (green from
 * 80 %, amber from 50 %, red below), a row per person or unit with the
 * counts and the rate, the total row (never alone at the top of a page),
 * what the rate means (and, by unit, what a unit counts) and the meetings
 * without attendance recorded.  @paper's signer is not used. */
RapatLayout *rapat_report_period_attendance_layout (const RapatPeriodAttendance *report,
                                                    const RapatAttendancePaper *paper);

/* A printable sign-in sheet (daftar hadir).  A cancelled meeting's sheet
 * is marked as such on every page. */
typedef struct {
  const RapatMeeting *meeting;
  GPtrArray *attendees;                 /* RapatAttendee */
  guint blank_rows;                     /* empty rows for walk-ins */
  const char *lang;                     /* "id" or "en": the sheet's language */
  /* The letterhead, the NIPs, the status and the signer: */
  const RapatLetterhead *letterhead;    /* or NULL */
  const char *city;                     /* of the place and date line, or NULL */
  GHashTable *nips;                     /* person id (gint64 *) to NIP, or NULL */
  gboolean with_status;                 /* a column with the attendance recorded */
  const char *signer_title;             /* the signer's position, or NULL */
  const char *signer_name;              /* or NULL: a dotted line */
  const char *signer_nip;               /* or NULL */
  gint64 now;                           /* the printing time */
} RapatSigninSheet;

/* Writes the sheet as one standalone HTML page for A4 portrait: the
 * layout rapat_report_signin_layout() gives, written by
 * rapat_layout_html(), so that the HTML and the PDF sheet say the same. */
void rapat_report_signin (FILE *out, const RapatSigninSheet *sheet);

/* Returns the sheet as a paper to print as PDF (exports/pdf.h): the
 * letterhead; DAFTAR HADIR and the meeting's title; the day, the time in
 * the meeting's zone (WIB/WITA/WIT), the place and the agenda (acara); a
 * table No. | Nama / NIP | Jabatan | Unit Kerja | Tanda Tangan (and
 * Keterangan, the attendance recorded, with @with_status) whose signature
 * column numbers rows alternately on the left and in the middle, as paper
 * lists do; the blank rows; the signature block.  A cancelled meeting's
 * sheet is marked on every page. */
RapatLayout *rapat_report_signin_layout (const RapatSigninSheet *sheet);

G_END_DECLS
