/* rapat — the words of an invitation e-mail (iMIP): its subject and its
 * text and HTML bodies, in the language of the meeting's papers (export
 * layer).
 *
 * Model values in, text out: the meeting in people's words (title, day,
 * time with its zone, place, online link, agenda, organizer).  The
 * calendar the message carries is export-ics.c's; the message itself is
 * the mail module's. */
#pragma once

#include "rapat.h"
#include "model.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_INVITE_MAIL_NEW,      /* the first invitation a person receives */
  RAPAT_INVITE_MAIL_UPDATE,   /* the meeting changed since they were invited */
  RAPAT_INVITE_MAIL_CANCEL,   /* the meeting is cancelled, or they are no longer invited */
} RapatInviteMailKind;

/* What the message says. */
typedef struct {
  const RapatMeeting *meeting;
  GPtrArray *agenda;          /* RapatAgendaItem, in order (breaks are left out) */
  RapatInviteMailKind kind;
  gboolean withdrawn;         /* with CANCEL: the meeting goes on, without them */
  const char *lang;           /* "id" or "en" */
} RapatInviteMail;

/* Returns the subject: "Undangan: <title> — Selasa, 2 September 2025"
 * ("Invitation: ...", "Perubahan undangan: ...", "Pembatalan: ..."). */
char *rapat_invite_mail_subject (const RapatInviteMail *im);

/* Returns the text/plain body (LF line ends). */
char *rapat_invite_mail_text (const RapatInviteMail *im);

/* Returns the text/html body: one standalone page, every value escaped. */
char *rapat_invite_mail_html (const RapatInviteMail *im);

G_END_DECLS
