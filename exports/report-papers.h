/* rapat — the papers of a meeting that an office prints and files: the
 * invitation letter (undangan) and the programme (susunan acara), in the
 * Indonesian government layout under the office's letterhead (export layer).
 *
 * The writers take model values; they never see the database.  A paper is
 * in its own language ("id" or "en"), whatever the locale, as the sign-in
 * sheet is. */
#pragma once

#include <stdio.h>

#include "layout.h"
#include "report.h"

G_BEGIN_DECLS

/* An invitation letter. */
typedef struct {
  const RapatMeeting *meeting;
  GPtrArray *agenda;                  /* RapatAgendaItem, in order (times computed here) */
  GPtrArray *invitees;                /* RapatAttendee: to whom the letter goes */
  const RapatLetterhead *letterhead;
  const char *city;                   /* of the place and date line, or NULL */
  const char *date;                   /* the letter's day, "YYYY-MM-DD" */
  const char *number;                 /* nomor, or NULL: dots to fill in by hand */
  const char *nature;                 /* sifat, or NULL: "Biasa" / "Ordinary" */
  const char *subject;                /* perihal, or NULL: "Undangan <title>" */
  const char *signer_title;           /* the signer's position, or NULL */
  const char *signer_name;            /* or NULL: a dotted line */
  const char *signer_nip;             /* the signer's NIP (18 digits), or NULL */
  guint list_from;                    /* this many invitees or more: "daftar terlampir" */
  const char *lang;                   /* "id" or "en" */
  gint64 now;                         /* the printing time */
} RapatInvitation;

/* Writes the invitation as one standalone HTML page for A4 portrait: the
 * letterhead; the place and date line; nomor, sifat, lampiran, perihal; the
 * addressees ("Yth." and each invitee's position, or "Bapak/Ibu (daftar
 * terlampir)" when there are @list_from or more); the body with the day,
 * the time in the meeting's zone (WIB/WITA/WIT), the place, the online
 * link, the agenda (breaks left out); the closing sentence; the signature
 * block; and, when the list is attached, the list of invitees on a page of
 * its own.  The page is rapat_report_invitation_layout() written by
 * rapat_layout_html(): the HTML and the PDF letter say the same. */
void rapat_report_invitation (FILE *out, const RapatInvitation *inv);

/* Returns the same letter as rapat_report_invitation() to print as PDF
 * (exports/pdf.h), with the printing time and page numbers in the footer;
 * the attached list of invitees starts a page of its own, its header
 * repeated on every page, and is signed as the letter is. */
RapatLayout *rapat_report_invitation_layout (const RapatInvitation *inv);

/* A programme (susunan acara). */
typedef struct {
  const RapatMeeting *meeting;
  GPtrArray *agenda;                  /* RapatAgendaItem, in order */
  const RapatLetterhead *letterhead;
  const char *lang;                   /* "id" or "en" */
  gint64 now;                         /* the printing time */
} RapatProgramme;

/* Writes the programme as one standalone HTML page for A4 portrait: the
 * letterhead, the title, the day and place, then a row per agenda item with
 * its times (the zone in the column's heading), the item, the presenter and,
 * when any item has one, the room; items of a parallel block are marked as
 * such, breaks are set apart, a review item lists the actions it reviews as
 * they are now; a meeting over several days has a row with the date before
 * each day's items.  The page is rapat_report_programme_layout() written
 * by rapat_layout_html(): the HTML and the PDF say the same. */
void rapat_report_programme (FILE *out, const RapatProgramme *p);

/* Returns the same programme as rapat_report_programme() to print as PDF
 * (exports/pdf.h): its header on every page, a day's row never alone at
 * the foot of a page, a break's row shaded and its title across the
 * columns, the parallel mark and reviewed actions in small print under an
 * item; the printing time and page numbers in the footer. */
RapatLayout *rapat_report_programme_layout (const RapatProgramme *p);

G_END_DECLS
