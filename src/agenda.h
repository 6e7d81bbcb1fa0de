/* rapat — the rules of a meeting's agenda: positions, parallel sessions,
 * clashes inside the meeting, the review item (domain layer).
 *
 * Never prints and never sees an option parser: a clash is returned for the
 * caller to warn of or refuse. */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_AGENDA_CLASH_ROOM,
  RAPAT_AGENDA_CLASH_PRESENTER,
} RapatAgendaClashKind;

/* Two items of one agenda at the same time in the same room, or with the
 * same presenter. */
typedef struct {
  int first;                  /* position of the earlier item */
  int second;                 /* position of the later item */
  RapatAgendaClashKind kind;
  char *name;                 /* the room or the presenter, as written */
} RapatAgendaClash;

void rapat_agenda_clash_free (RapatAgendaClash *clash);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAgendaClash, rapat_agenda_clash_free)

/* Parses a 1-based position in an agenda of @n items (@n + 1 allowed when
 * @may_append) into *@out. */
gboolean rapat_agenda_parse_position (const char *what, const char *text, int n,
                                      gboolean may_append, int *out, GError **error);

/* Checks @items, the agenda of @m in order, after item @changed_id changed:
 * an item may run in parallel only with an item before it (else an error).
 * Returns the clashes (RapatAgendaClash) that involve @changed_id: a room
 * (an item's own, else the meeting's location; compared ignoring case and
 * extra spaces) or a presenter shared by two items at the same time; empty
 * when there is none, NULL with @error. */
GPtrArray *rapat_agenda_check (const RapatMeeting *m, GPtrArray *items, gint64 changed_id,
                               GError **error);

/* Returns the rooms and times of the parallel sessions of meeting
 * @meeting_id as one string: an agenda change after which it is the same
 * cannot bring a clash with another meeting's room. */
char *rapat_agenda_session_rooms (RapatStore *store, gint64 meeting_id, GError **error);

/* One item of an agenda file (agenda import), as written. */
typedef struct {
  guint line;                 /* its line in the file, from 1 */
  gboolean parallel;          /* written after "∥" or "||": runs beside the item before */
  int duration_min;           /* 30 when the line gives none */
  int type;                   /* RapatAgendaType: "!TYPE", else guessed from the title */
  char *title;
  char *presenter;            /* after " @", as written, or NULL */
  char *room;                 /* after " #", or NULL */
} RapatAgendaLine;

void rapat_agenda_line_free (RapatAgendaLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAgendaLine, rapat_agenda_line_free)

/* Reads an agenda file @text (UTF-8), one item per line:
 *
 *   [∥ or ||] [LENGTH] TITLE [@PRESENTER] [#ROOM] [!TYPE]
 *
 * ("30m Pembukaan", "1h Pengarahan Kakanwil @Ricky", "∥ 1h30m Komisi I
 * #Ruang Rapat 1").  Blank lines and lines starting with '#' are skipped.
 * A line without !TYPE takes its type from its first words (Pembukaan,
 * Opening: opening; Pengarahan, Sambutan, Briefing: briefing; Paparan,
 * Presentasi: presentation; Istirahat, ISHOMA, Rehat, Coffee break, Break:
 * break; Penutupan, Closing: closing; else discussion).  Returns the items
 * (RapatAgendaLine) in order; each line that cannot be read adds one
 * message "@source:LINE: why" to @errors. */
GPtrArray *rapat_agenda_parse_file (const char *text, const char *source, GPtrArray *errors);

/* Returns a new, empty review item for @m (type review, 30 minutes): the
 * actions it reviews are linked to it (rapat_review_link()), not copied
 * into its notes. */
RapatAgendaItem *rapat_agenda_review_item (const RapatMeeting *m);

G_END_DECLS
