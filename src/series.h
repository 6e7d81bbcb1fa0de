/* rapat — a recurring series as a calendar sees it: which values its master
 * event carries, which starts of its rule are left out (EXDATE), which
 * occurrences need an instance of their own (RECURRENCE-ID), and which
 * zones the events name (domain layer).
 *
 * The rules take model values and are tested with Check on a real store;
 * the loaders read the store and never write it.  The iCalendar itself is
 * written by the calendar builder (exports/export-ics.c). */
#pragma once

#include "rapat.h"
#include "model.h"
#include "store.h"

G_BEGIN_DECLS

/* A series as a calendar sees it. */
typedef struct {
  RapatSeries *series;
  GPtrArray *occurrences;       /* RapatMeeting, by the start the rule gave them */
  const RapatMeeting *template; /* the occurrence whose values the master carries */
  RapatMeeting *master;         /* the template's values at the series' first start */
  GPtrArray *agenda;            /* the template's (RapatAgendaItem) */
  GPtrArray *attendees;         /* the template's (RapatAttendee) */
  GArray *exdates;              /* starts (gint64) of occurrences cancelled or deleted */
} RapatSeriesView;

/* Frees what @v holds and zeroes it. */
void rapat_series_view_clear (RapatSeriesView *v);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatSeriesView, rapat_series_view_clear)

/* Returns the occurrence (borrowed from @occurrences, by rule start) whose
 * values a series' master event carries: the first one neither cancelled
 * nor moved from the start the rule gave it; NULL when there is none. */
const RapatMeeting *rapat_series_template (GPtrArray *occurrences);

/* Returns the starts (gint64) of @starts, the rule's, that become EXDATE:
 * those with no occurrence in @occurrences (deleted) or a cancelled one. */
GArray *rapat_series_exdates (GArray *starts, GPtrArray *occurrences);

/* Returns TRUE when occurrence @o differs from the series' @template in a
 * value its event shows (start, length, zone, title, kind, place, link,
 * description, status, sequence, organizer), so it needs an instance of its
 * own; the people and the agenda are rapat_series_shown_differs()'s. */
gboolean rapat_series_differs (const RapatMeeting *o, const RapatMeeting *template);

/* Returns TRUE when two meetings' invitations (@attendees_a, @attendees_b:
 * RapatAttendee) or agendas (RapatAgendaItem) differ in what a calendar
 * shows: people with role, reply and stand-in; items with title, length,
 * presenter, room and time from the meeting's start. */
gboolean rapat_series_shown_differs (GPtrArray *attendees_a, GPtrArray *agenda_a,
                                     GPtrArray *attendees_b, GPtrArray *agenda_b);

/* Makes @master (a copy of the template's values) the series' master event:
 * the rule's first start and the template's length, the series' zone (the
 * rule is expanded in it), and confirmed while any of @occurrences is not
 * cancelled (a template that had to be a cancelled occurrence does not
 * cancel the series). */
void rapat_series_master_fix (RapatMeeting *master, const RapatSeries *series,
                              const RapatMeeting *template, GPtrArray *occurrences);

/* Returns how many of the series' occurrences are not cancelled. */
guint rapat_series_scheduled (const RapatSeriesView *v);

/* Loads series @series_id into @v (zeroed): its occurrences, the template
 * (or @fallback when every occurrence is cancelled or moved; without one,
 * RAPAT_ERROR_NOT_FOUND), the master with the template's agenda and
 * invitations, and the EXDATEs. */
gboolean rapat_series_view_load (RapatStore *store, gint64 series_id,
                                 const RapatMeeting *fallback, RapatSeriesView *v,
                                 GError **error);

/* Returns the occurrences of @v (RapatMeeting, borrowed from it) that a
 * calendar writes as instances of their own: neither the template nor
 * cancelled (an EXDATE), and different from the template
 * (rapat_series_differs(), else rapat_series_shown_differs()). */
GPtrArray *rapat_series_exceptions (RapatStore *store, const RapatSeriesView *v,
                                    GError **error);

/* Returns the zones (RapatZoneSpan, by name) every TZID of a calendar of
 * @meetings (RapatMeeting) names, each with the span its VTIMEZONE must
 * cover: each meeting's own and, for an occurrence of a series, the
 * series' zone at its RECURRENCE-ID; with @whole_series, each series whole
 * (every start of its rule, and every occurrence's own zone). */
GArray *rapat_series_zones_of (RapatStore *store, GPtrArray *meetings, gboolean whole_series,
                               GError **error);

/* Returns the zones of a calendar of the meetings @filter selects, each
 * series whole: the store's spans (rapat_store_meeting_zones()), widened
 * over the starts of each series' rule, which only its expansion knows. */
GArray *rapat_series_zones_filtered (RapatStore *store, const RapatMeetingFilter *filter,
                                     GError **error);

G_END_DECLS
