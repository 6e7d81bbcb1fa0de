/* rapat — the minutes of a meeting (notulen) for people: Markdown for
 * e-mail or a wiki, and the printable paper an office signs and files, in
 * the Indonesian government layout under its letterhead (export layer).
 *
 * The writers take model values; they never see the database.  The text is
 * in the paper's own language ("id" or "en"), whatever the locale, as the
 * other papers of a meeting are.  JSON is 'minutes show --json' (present.c). */
#pragma once

#include <stdio.h>

#include "layout.h"
#include "report.h"

G_BEGIN_DECLS

/* One version of the minutes of a meeting, and what they are printed with. */
typedef struct {
  const RapatMeeting *meeting;
  const RapatMinutes *minutes;        /* the version to print */
  GPtrArray *items;                   /* RapatMinutesItem of that version, in order */
  GPtrArray *decisions;               /* RapatDecision of that version, by number */
  GPtrArray *agenda;                  /* RapatAgendaItem now, for the items' types; may be NULL */
  GPtrArray *attendees;               /* RapatAttendee: the present and represented are listed */
  GPtrArray *actions;                 /* RapatAction raised in the meeting */
  const RapatLetterhead *letterhead;  /* html and pdf; may be NULL */
  guint list_from;                    /* html, pdf: this many present or more: "daftar hadir
                                       * terlampir" */
  const char *lang;                   /* "id" or "en" */
  gint64 now;                         /* pdf: the printing time */
} RapatMinutesPaper;

/* Writes the minutes as Markdown: the title, the version and status (a
 * draft marked KONSEP / DRAFT), the day, the time held (else planned) with
 * the zone, the place, chair, notulis, attendance ("n of m") and the list
 * of those present, the agenda, each item's discussion and its numbered
 * decisions, the actions (a table), the summary.  Every user text is
 * escaped so that it reads as typed: it opens no emphasis, link, HTML or
 * table cell. */
void rapat_report_minutes_markdown (FILE *out, const RapatMinutesPaper *p);

/* Writes the minutes as one standalone HTML page for A4 portrait: the
 * letterhead, NOTULEN RAPAT (MINUTES OF MEETING), the label : value block
 * (day, time held or planned with WIB/WITA/WIT, place, chair, notulis,
 * participants "n hadir dari m undangan" with the list, or "daftar hadir
 * terlampir" from @list_from present on, the agenda), per item the
 * discussion and numbered decisions, the follow-up table, the conclusion,
 * and the chair's and notulis' signatures side by side.  A draft carries
 * KONSEP / DRAFT on every page.  Printing never splits a decision, an
 * action's row or the signature block, nor leaves a heading at the foot of
 * a page. */
void rapat_report_minutes_html (FILE *out, const RapatMinutesPaper *p);

/* Returns the same paper as rapat_report_minutes_html() to print as PDF
 * (exports/pdf.h), with the printing time and page numbers in the footer:
 * the letterhead, the title, a draft's KONSEP line framed under it and its
 * KONSEP across every page, the label : value block with the lists of
 * those present and of the agenda, the discussion and numbered decisions
 * per item (headings never alone at the foot of a page; a text longer
 * than a page goes on over the next), the follow-up table, the conclusion,
 * and the closing sentence with the two signatures side by side. */
RapatLayout *rapat_report_minutes_layout (const RapatMinutesPaper *p);

G_END_DECLS
