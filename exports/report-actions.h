/* rapat — the action-item report: text, CSV or JSON (export layer).
 *
 * Takes RapatAction values and the day "overdue" is judged against; never
 * sees the database. */
#pragma once

#include <stdio.h>

#include "layout.h"
#include "output.h"
#include "report.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_ACTIONS_BY_NONE,
  RAPAT_ACTIONS_BY_OWNER,
  RAPAT_ACTIONS_BY_UNIT,
  RAPAT_ACTIONS_BY_ISSUE,
} RapatActionGrouping;

extern const RapatEnum rapat_action_grouping_enum;

typedef struct {
  const char *as_of;          /* "YYYY-MM-DD" */
  const char *scope;          /* a description of the filters, for people */
  RapatActionGrouping by;
  RapatFormat format;         /* text, csv, json or html */
  /* For HTML, a printable paper in a language of its own: */
  const RapatLetterhead *letterhead;  /* or NULL */
  const char *lang;           /* "id" or "en" (NULL: "en") */
  const char *meeting_title;  /* the meeting the actions were raised in, or NULL */
  /* For PDF, the printing time in the footer: */
  gint64 now;
  const char *zone;           /* the zone it is shown in (an IANA name), or NULL: UTC */
} RapatActionReport;

/* Writes the report on @actions (RapatAction; sorted in place by group, then
 * due day) to @out.  Text: a table per group with its counts, and totals.
 * CSV: RFC 4180, a header row and one record per action (CRLF, no totals).
 * JSON: one object with as_of, by, groups (key, counts, actions) and totals.
 * HTML: the matriks tindak lanjut, one standalone page for A4 landscape under
 * the letterhead: no., the action (and its issue), who is responsible (and
 * their unit), the due day, the status with progress and overdue, a heading
 * row per group; in @report's own language: rapat_report_actions_layout()
 * written by rapat_layout_html(), so that the HTML and the PDF agree. */
void rapat_report_actions (FILE *out, const RapatActionReport *report, GPtrArray *actions);

/* Returns the HTML matrix of rapat_report_actions() as a paper to print as
 * PDF (exports/pdf.h), on A4 landscape: the letterhead, the title, the
 * meeting, the day it is judged on, the table (its header on every page, a
 * group's heading row never alone at the foot of a page, the issue under
 * an action, the unit under its owner, "overdue" in red under a status),
 * the printing time and page numbers in the footer.  Sorts @actions in
 * place as rapat_report_actions() does. */
RapatLayout *rapat_report_actions_layout (const RapatActionReport *report, GPtrArray *actions);

/* Writes @a as members of the current JSON object: the one field set every
 * JSON output of an action carries ('action list/show', the follow-ups of
 * 'meeting show', this report).  Overdue is judged against @as_of
 * ("YYYY-MM-DD"; NULL: never overdue). */
void rapat_report_action_json (RapatJson *json, const RapatAction *a, const char *as_of);

G_END_DECLS
