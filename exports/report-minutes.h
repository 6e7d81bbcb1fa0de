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
  gint64 now;                         /* html, pdf: the printing time */
} RapatMinutesPaper;

/* Writes the minutes as Markdown: the title, the version and status (a
 * draft marked KONSEP / DRAFT), the day, the time held (else planned) with
 * the zone, the place, chair, notulis, attendance ("n of m") and the list
 * of those present, the agenda, each item's discussion and its numbered
 * decisions, the actions (a table), the summary.  Every user text is
 * escaped so that it reads as typed: it opens no emphasis, link, HTML or
 * table cell. */
void rapat_report_minutes_markdown (FILE *out, const RapatMinutesPaper *p);

/* Returns the minutes as the paper an office signs, to print as PDF
 * (exports/pdf.h) or write as HTML (rapat_report_minutes_html()), with the
 * printing time and page numbers in the footer: the letterhead, NOTULEN
 * RAPAT (MINUTES OF MEETING) and the meeting's title, the version line (a
 * draft's KONSEP line framed under the title and its KONSEP across every
 * page), the label : value block (day, time held or planned with
 * WIB/WITA/WIT, place, chair, notulis, participants "n hadir dari m
 * undangan" with the numbered list of those present, or "daftar hadir
 * terlampir" from @list_from present on, the numbered agenda), per item
 * the discussion, the actions it reviewed (a small table) and the
 * decisions numbered as the meeting numbers them (headings never alone at
 * the foot of a page; a text longer than a page goes on over the next),
 * the follow-up table, the conclusion, and the closing sentence with the
 * chair's and notulis' signatures side by side, kept together. */
RapatLayout *rapat_report_minutes_layout (const RapatMinutesPaper *p);

/* Writes the minutes as one standalone HTML page for A4 with 2 cm
 * margins: rapat_report_minutes_layout() written by rapat_layout_html(),
 * so that the HTML and the PDF paper say the same in the same order. */
void rapat_report_minutes_html (FILE *out, const RapatMinutesPaper *p);

G_END_DECLS
