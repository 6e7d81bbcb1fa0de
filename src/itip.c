/* rapat — replies to invitations, read back into the store (domain layer). */
#include "itip.h"
#include "ical.h"
#include "text.h"
#include "when.h"

#include <string.h>

/* One answer being applied: the calendar, the component and where it came from. */
typedef struct {
  RapatStore *store;
  icalcomponent *vcal;
  icalcomponent *event;
  const char *source;
  const char *message_id;
  const char *from;           /* the e-mail's From: address, or NULL */
  gint64 now;
  RapatItipSummary *summary;
  char *uid;
  gint64 sequence;
  gint64 dtstamp;             /* 0: none */
} Answer;

/* Frees a note. */
static void
note_free (RapatItipNote *note)
{
  g_free (note->text);
  g_free (note);
}

void
rapat_itip_summary_init (RapatItipSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  summary->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
}

void
rapat_itip_summary_clear (RapatItipSummary *summary)
{
  g_clear_pointer (&summary->notes, g_ptr_array_unref);
}

/* Counts @outcome and keeps the note @format says, prefixed by the source. */
static void G_GNUC_PRINTF (4, 5)
note (Answer *a, RapatItipOutcome outcome, gint64 meeting_id, const char *format, ...)
{
  RapatItipNote *n = g_new0 (RapatItipNote, 1);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  n->outcome = outcome;
  n->meeting_id = meeting_id;
  n->text = g_strdup_printf ("%s: %s", a->source, text);
  a->summary->counts[outcome]++;
  g_ptr_array_add (a->summary->notes, n);
}

/* Adds what @format says to the last note, after a semicolon. */
static void G_GNUC_PRINTF (2, 3)
note_append (Answer *a, const char *format, ...)
{
  RapatItipNote *n = a->summary->notes->pdata[a->summary->notes->len - 1];
  g_autofree char *text = NULL;
  char *joined;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  joined = g_strdup_printf ("%s; %s", n->text, text);
  g_free (n->text);
  n->text = joined;
}

char *
rapat_itip_address (const char *address)
{
  g_autofree char *s = NULL;

  if (address == NULL)
    return NULL;
  s = g_strstrip (g_strdup (address));
  if (g_ascii_strncasecmp (s, "mailto:", 7) == 0)
    memmove (s, s + 7, strlen (s + 7) + 1);
  g_strstrip (s);
  return *s != '\0' ? g_steal_pointer (&s) : NULL;
}

/* Returns the zone a time of @prop (with its TZID parameter) is in: a
 * VTIMEZONE of @vcal by that name (Outlook's "W. Europe Standard Time"
 * comes with one), else libical's zone of that IANA name, else NULL. */
static icaltimezone *
property_zone (icalcomponent *vcal, icalproperty *prop)
{
  icalparameter *p = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = p != NULL ? icalparameter_get_tzid (p) : NULL;
  icaltimezone *zone;

  if (tzid == NULL)
    return NULL;
  zone = icalcomponent_get_timezone (vcal, tzid);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);
  return zone;
}

/* Stores in @out the instant @t of @prop means: UTC when it says so, in
 * its TZID's zone, or, floating, in the zone @fallback_tz (the meeting's).
 * FALSE when @t is null or names a zone rapat cannot find. */
static gboolean
property_instant (icalcomponent *vcal, icalproperty *prop, struct icaltimetype t,
                  const char *fallback_tz, gint64 *out)
{
  icaltimezone *zone;

  if (icaltime_is_null_time (t))
    return FALSE;
  if (icaltime_is_utc (t))
    zone = icaltimezone_get_utc_timezone ();
  else if (icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER) != NULL)
    {
      zone = property_zone (vcal, prop);
      if (zone == NULL)
        return FALSE;
    }
  else
    {
      zone = fallback_tz != NULL ? icaltimezone_get_builtin_timezone (fallback_tz) : NULL;
      if (zone == NULL)
        zone = icaltimezone_get_utc_timezone ();
    }
  *out = (gint64) icaltime_as_timet_with_zone (t, zone);
  return TRUE;
}

/* Returns the expected SEQUENCE of @m as rapat writes it: an occurrence's
 * is its series' plus its own (exports/export-ics.c). */
static gint64
current_sequence (const RapatMeeting *m, const RapatSeries *series)
{
  return series != NULL ? series->sequence + m->sequence : m->sequence;
}

/* Returns @m's start for notes, in its own zone. */
static char *
meeting_when (const RapatMeeting *m)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);

  return rapat_when_instant_zoned (m->start_utc, tz);
}

/* Maps a PARTSTAT to a reply; FALSE for one that is no answer to an
 * invitation (COMPLETED, IN-PROCESS: to-dos). */
static gboolean
partstat_reply (icalparameter_partstat ps, RapatRsvp *out)
{
  switch (ps)
    {
    case ICAL_PARTSTAT_ACCEPTED: *out = RAPAT_RSVP_ACCEPTED; return TRUE;
    case ICAL_PARTSTAT_DECLINED: *out = RAPAT_RSVP_DECLINED; return TRUE;
    case ICAL_PARTSTAT_TENTATIVE: *out = RAPAT_RSVP_TENTATIVE; return TRUE;
    case ICAL_PARTSTAT_NEEDSACTION: *out = RAPAT_RSVP_NEEDS_ACTION; return TRUE;
    case ICAL_PARTSTAT_DELEGATED: *out = RAPAT_RSVP_DECLINED; return TRUE;
    default: return FALSE;
    }
}

/* Records on @m the reply of @person (ATTENDEE @att) when it is newer than
 * the one kept and answers the invitation they were sent: the SEQUENCE
 * e-mailed to them when rapat mailed it, else the meeting's current one
 * (an invitation exported as a file).  Returns the outcome through
 * @outcome and, in *@sent_email, the address the invitation went to (or
 * NULL); FALSE only when the store fails. */
static gboolean
apply_reply (Answer *a, const RapatMeeting *m, const RapatSeries *series,
             const RapatPerson *person, RapatRsvp rsvp, gint64 delegate_id,
             RapatItipOutcome *outcome, char **sent_email, gboolean *behind,
             GError **error)
{
  g_auto(RapatReplyState) st = { 0 };
  g_autoptr(GError) local = NULL;
  gint64 expected;

  if (!rapat_store_reply_get (a->store, m->id, person->id, &st, &local))
    {
      if (!g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      *outcome = RAPAT_ITIP_UNKNOWN_SENDER;
      return TRUE;
    }
  if (*sent_email == NULL)
    *sent_email = g_strdup (st.sent_email);
  expected = st.sent_sequence >= 0 ? st.sent_sequence : current_sequence (m, series);
  if (a->sequence < expected)
    *outcome = RAPAT_ITIP_STALE;
  else if (st.replied_at != 0 && a->dtstamp < st.replied_at)
    *outcome = RAPAT_ITIP_STALE;
  else if (st.replied_at == a->dtstamp && st.rsvp == rsvp && st.delegated_to == delegate_id
           && st.replied_sequence == a->sequence)
    *outcome = RAPAT_ITIP_SAME;
  else
    {
      st.rsvp = rsvp;
      st.replied_at = a->dtstamp;
      st.replied_sequence = a->sequence;
      st.delegated_to = delegate_id;
      if (!rapat_store_reply_set (a->store, &st, error))
        return FALSE;
      *outcome = RAPAT_ITIP_RECORDED;
      if (a->sequence < current_sequence (m, series))
        *behind = TRUE;
    }
  return TRUE;
}

/* Finds the person an ATTENDEE (or DELEGATED-TO) address names; NULL when
 * rapat does not know it, NULL with @error when the store fails. */
static RapatPerson *
find_person (Answer *a, const char *value, GError **error)
{
  g_autofree char *address = rapat_itip_address (value);
  gint64 id;

  if (address == NULL)
    return NULL;
  id = rapat_store_person_find_email (a->store, address, error);
  if (id <= 0)
    return NULL;
  return rapat_store_person_get (a->store, id, error);
}

/* The meetings an answer is about: one meeting, or the occurrences of a
 * series that have not ended. */
typedef struct {
  GPtrArray *meetings;        /* RapatMeeting */
  RapatSeries *series;        /* when the UID is a series', else NULL */
  gboolean whole_series;      /* no RECURRENCE-ID: the series as a whole */
} Target;

/* Frees what a Target holds. */
static void
target_clear (Target *t)
{
  g_clear_pointer (&t->meetings, g_ptr_array_unref);
  g_clear_pointer (&t->series, rapat_series_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* Finds what @a is about.  Leaves @t->meetings empty (with a note) when
 * rapat does not know it; FALSE only when the store fails. */
static gboolean
find_target (Answer *a, Target *t, GError **error)
{
  icalproperty *rid = icalcomponent_get_first_property (a->event, ICAL_RECURRENCEID_PROPERTY);
  g_autofree char *uid_ex = rapat_text_excerpt (a->uid);
  gint64 id;

  t->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_meeting_free);
  id = rapat_store_meeting_find_uid (a->store, a->uid, error);
  if (id == 0 && error != NULL && *error != NULL)
    return FALSE;
  if (id > 0)
    {
      RapatMeeting *m = rapat_store_meeting_get (a->store, id, error);

      if (m == NULL)
        return FALSE;
      g_ptr_array_add (t->meetings, m);
      if (m->series_id != 0)
        {
          t->series = rapat_store_series_get (a->store, m->series_id, error);
          if (t->series == NULL)
            return FALSE;
        }
      return TRUE;
    }
  id = rapat_store_series_find_uid (a->store, a->uid, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      note (a, RAPAT_ITIP_UNKNOWN_MEETING, 0, _("meeting '%s': not a meeting rapat knows"),
            uid_ex);
      return TRUE;
    }
  t->series = rapat_store_series_get (a->store, id, error);
  if (t->series == NULL)
    return FALSE;
  if (rid != NULL)
    {
      gint64 at = 0, occ;

      if (!property_instant (a->vcal, rid, icalproperty_get_recurrenceid (rid), t->series->tzid,
                             &at))
        {
          note (a, RAPAT_ITIP_SKIPPED, 0,
                _("meeting '%s': RECURRENCE-ID is in a zone rapat does not know"), uid_ex);
          return TRUE;
        }
      occ = rapat_store_series_occurrence (a->store, id, at, error);
      if (occ < 0)
        return FALSE;
      if (occ == 0)
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (t->series->tzid);
          g_autofree char *when = NULL;

          if (tz == NULL)
            tz = g_time_zone_new_utc ();
          when = rapat_when_instant_zoned (at, tz);
          note (a, RAPAT_ITIP_UNKNOWN_MEETING, 0,
                _("meeting '%s': the series has no occurrence at %s"), uid_ex, when);
          return TRUE;
        }
      RapatMeeting *m = rapat_store_meeting_get (a->store, occ, error);
      if (m == NULL)
        return FALSE;
      g_ptr_array_add (t->meetings, m);
      return TRUE;
    }
  /* The whole series: every occurrence not yet ended and not cancelled;
   * what is past stays as it was answered then. */
  {
    g_autoptr(GPtrArray) all = rapat_store_series_meetings (a->store, id, error);

    if (all == NULL)
      return FALSE;
    t->whole_series = TRUE;
    for (guint i = 0; i < all->len; i++)
      {
        RapatMeeting *m = all->pdata[i];

        if (m->end_utc > a->now && m->status != RAPAT_MEETING_CANCELLED)
          g_ptr_array_add (t->meetings, g_steal_pointer (&all->pdata[i]));
      }
    if (t->meetings->len == 0)
      note (a, RAPAT_ITIP_SKIPPED, 0,
            _("meeting '%s': every occurrence of the series is over or cancelled"), uid_ex);
  }
  return TRUE;
}

/* TRUE when the e-mail an answer came in was sent by the invitee of
 * ATTENDEE @att (at @address): its From: is that address, the address
 * rapat sent the invitation to (@sent_email), or the SENT-BY of @att (a
 * secretary answering for their head).  TRUE too for a bare .ics file. */
static gboolean
sender_is (const Answer *a, icalproperty *att, const char *address, const char *sent_email)
{
  icalparameter *by = icalproperty_get_first_parameter (att, ICAL_SENTBY_PARAMETER);
  g_autofree char *sent_by = by != NULL ? rapat_itip_address (icalparameter_get_sentby (by))
                                        : NULL;

  return a->from == NULL || g_ascii_strcasecmp (a->from, address) == 0
         || (sent_email != NULL && g_ascii_strcasecmp (a->from, sent_email) == 0)
         || (sent_by != NULL && g_ascii_strcasecmp (a->from, sent_by) == 0);
}

/* Applies the REPLY of ATTENDEE @att to @t. */
static gboolean
reply_one (Answer *a, Target *t, icalproperty *att, GError **error)
{
  icalparameter *ps = icalproperty_get_first_parameter (att, ICAL_PARTSTAT_PARAMETER);
  icalparameter *dt = icalproperty_get_first_parameter (att, ICAL_DELEGATEDTO_PARAMETER);
  g_autofree char *address = rapat_itip_address (icalproperty_get_attendee (att));
  g_autofree char *addr_ex = rapat_text_excerpt (address != NULL ? address : "");
  g_autoptr(RapatPerson) person = NULL;
  g_autoptr(RapatPerson) delegate = NULL;
  g_autoptr(GError) local = NULL;
  guint counts[RAPAT_ITIP_N_OUTCOMES] = { 0 };
  const RapatMeeting *first = NULL;
  g_autofree char *sent_email = NULL;
  gboolean behind = FALSE;
  RapatRsvp rsvp;
  icalparameter_partstat partstat = ps != NULL ? icalparameter_get_partstat (ps)
                                               : ICAL_PARTSTAT_NEEDSACTION;

  if (address == NULL)
    {
      note (a, RAPAT_ITIP_SKIPPED, 0, _("ATTENDEE without an address"));
      return TRUE;
    }
  if (!partstat_reply (partstat, &rsvp))
    {
      note (a, RAPAT_ITIP_SKIPPED, 0, _("attendee '%s': PARTSTAT is no reply to an invitation"),
            addr_ex);
      return TRUE;
    }
  person = find_person (a, address, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (person == NULL)
    {
      note (a, RAPAT_ITIP_UNKNOWN_SENDER, 0,
            _("attendee '%s': an address rapat does not know; not added"), addr_ex);
      return TRUE;
    }
  if (partstat == ICAL_PARTSTAT_DELEGATED && dt != NULL)
    {
      /* DELEGATED-TO may list several; the first stands in. */
      g_auto(GStrv) to = g_strsplit (icalparameter_get_delegatedto (dt), ",", 2);

      delegate = to[0] != NULL ? find_person (a, to[0], &local) : NULL;
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  for (guint i = 0; i < t->meetings->len; i++)
    {
      const RapatMeeting *m = t->meetings->pdata[i];
      RapatItipOutcome outcome;

      if (!apply_reply (a, m, t->series, person, rsvp, delegate != NULL ? delegate->id : 0,
                        &outcome, &sent_email, &behind, error))
        return FALSE;
      counts[outcome]++;
      if (first == NULL && outcome == RAPAT_ITIP_RECORDED)
        first = m;
    }
  if (first == NULL)
    first = t->meetings->pdata[0];
  {
    g_autofree char *title = rapat_text_excerpt (first->title);
    g_autofree char *when = meeting_when (first);
    const char *label = rapat_enum_label (&rapat_rsvp_enum, rsvp);
    RapatItipOutcome outcome = counts[RAPAT_ITIP_RECORDED] > 0 ? RAPAT_ITIP_RECORDED
                             : counts[RAPAT_ITIP_SAME] > 0 ? RAPAT_ITIP_SAME
                             : counts[RAPAT_ITIP_STALE] > 0 ? RAPAT_ITIP_STALE
                             : RAPAT_ITIP_UNKNOWN_SENDER;

    switch (outcome)
      {
      case RAPAT_ITIP_RECORDED:
        if (partstat == ICAL_PARTSTAT_DELEGATED)
          note (a, outcome, first->id,
                delegate != NULL ? _("%s delegated '%s' (%s) to %s, who stands in")
                                 : _("%s delegated '%s' (%s) to %s, whom rapat does not know"),
                person->name, title, when,
                delegate != NULL ? delegate->name : icalparameter_get_delegatedto (dt));
        else if (t->whole_series)
          note (a, outcome, first->id,
                ngettext ("%s: %s for the series '%s' (%u occurrence to come)",
                          "%s: %s for the series '%s' (%u occurrences to come)",
                          counts[RAPAT_ITIP_RECORDED]),
                person->name, label, title, counts[RAPAT_ITIP_RECORDED]);
        else
          note (a, outcome, first->id, _("%s: %s for '%s' (%s)"), person->name, label, title,
                when);
        break;
      case RAPAT_ITIP_SAME:
        note (a, outcome, first->id, _("%s: %s for '%s' (%s) was recorded already"),
              person->name, label, title, when);
        break;
      case RAPAT_ITIP_STALE:
        note (a, outcome, first->id,
              _("%s: reply to '%s' (%s) ignored: it answers an earlier version of the "
                "invitation, or a later reply is recorded"), person->name, title, when);
        break;
      default:
        note (a, outcome, first->id, _("%s: not invited to '%s' (%s); not added"),
              person->name, title, when);
        break;
      }
    if (outcome == RAPAT_ITIP_RECORDED)
      {
        icalproperty *c = icalcomponent_get_first_property (a->event, ICAL_COMMENT_PROPERTY);
        const char *comment = c != NULL ? icalproperty_get_comment (c) : NULL;

        if (comment != NULL && *comment != '\0' && g_utf8_validate (comment, -1, NULL))
          {
            g_autofree char *line = rapat_text_excerpt (comment);

            note_append (a, _("they wrote: %s"), line);
          }
      }
    if (outcome == RAPAT_ITIP_RECORDED && behind)
      note_append (a, _("it answers the invitation sent before the meeting changed: "
                        "'rapat invite send %" PRId64 "' sends the update"), first->id);
    if (outcome == RAPAT_ITIP_RECORDED && !sender_is (a, att, address, sent_email))
      {
        g_autofree char *from_ex = rapat_text_excerpt (a->from);

        note_append (a, _("the e-mail came from %s, not from the invitee's address: "
                          "check that the answer is theirs"), from_ex);
      }
  }
  return TRUE;
}

/* Keeps the COUNTER or REFRESH (@method) of ATTENDEE @att for the organizer. */
static gboolean
request_one (Answer *a, Target *t, icalproperty *att, const char *method, GError **error)
{
  g_autofree char *address = rapat_itip_address (icalproperty_get_attendee (att));
  g_autofree char *addr_ex = rapat_text_excerpt (address != NULL ? address : "");
  g_autoptr(RapatPerson) person = NULL;
  g_autoptr(GError) local = NULL;
  const RapatMeeting *m = t->meetings->pdata[0];
  g_autofree char *title = rapat_text_excerpt (m->title);
  g_autofree char *when = meeting_when (m);
  RapatItipRequest r = { 0 };
  RapatReplyState st = { 0 };
  gboolean counter = strcmp (method, "counter") == 0;
  gboolean added = FALSE;

  person = find_person (a, address, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (person == NULL)
    {
      note (a, RAPAT_ITIP_UNKNOWN_SENDER, m->id,
            _("attendee '%s': an address rapat does not know; not added"), addr_ex);
      return TRUE;
    }
  if (!rapat_store_reply_get (a->store, m->id, person->id, &st, &local))
    {
      if (!g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      note (a, RAPAT_ITIP_UNKNOWN_SENDER, m->id, _("%s: not invited to '%s' (%s); not added"),
            person->name, title, when);
      return TRUE;
    }
  r.attendee_id = st.attendee_id;
  r.method = (char *) method;
  r.sent_at = a->dtstamp;
  r.sequence = a->sequence;
  r.received_at = a->now;
  r.message_id = (char *) a->message_id;
  if (counter)
    {
      icalproperty *ps = icalcomponent_get_first_property (a->event, ICAL_DTSTART_PROPERTY);
      icalproperty *pe = icalcomponent_get_first_property (a->event, ICAL_DTEND_PROPERTY);
      icalproperty *pd = icalcomponent_get_first_property (a->event, ICAL_DURATION_PROPERTY);
      icalproperty *pc = icalcomponent_get_first_property (a->event, ICAL_COMMENT_PROPERTY);

      if (ps == NULL
          || !property_instant (a->vcal, ps, icalproperty_get_dtstart (ps), m->tzid, &r.start_utc))
        {
          note (a, RAPAT_ITIP_SKIPPED, m->id,
                _("%s: a new time for '%s' without a start rapat can read"), person->name, title);
          return TRUE;
        }
      if (pe != NULL)
        {
          if (!property_instant (a->vcal, pe, icalproperty_get_dtend (pe), m->tzid, &r.end_utc))
            r.end_utc = 0;
        }
      else if (pd != NULL)
        r.end_utc = r.start_utc + icaldurationtype_as_int (icalproperty_get_duration (pd));
      else
        r.end_utc = r.start_utc + (m->end_utc - m->start_utc);
      if (r.end_utc <= r.start_utc)
        {
          note (a, RAPAT_ITIP_SKIPPED, m->id,
                _("%s: a new time for '%s' that ends before it starts"), person->name, title);
          return TRUE;
        }
      if (pc != NULL && icalproperty_get_comment (pc) != NULL
          && g_utf8_validate (icalproperty_get_comment (pc), -1, NULL))
        {
          const char *comment = icalproperty_get_comment (pc);

          /* The schema keeps 10,000 characters of it. */
          r.comment = g_utf8_substring (comment, 0, MIN (g_utf8_strlen (comment, -1), 10000));
        }
    }
  if (!rapat_store_itip_request_add (a->store, &r, &added, error))
    {
      g_free (r.comment);
      return FALSE;
    }
  g_free (r.comment);
  if (!added)
    note (a, RAPAT_ITIP_SAME, m->id, _("%s: the same request for '%s' (%s) was kept already"),
          person->name, title, when);
  else if (counter)
    {
      g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
      g_autofree char *proposed = rapat_when_instant_zoned (r.start_utc, tz);

      note (a, RAPAT_ITIP_COUNTER, m->id, _("%s proposes to hold '%s' (%s) at %s instead"),
            person->name, title, when, proposed);
    }
  else
    note (a, RAPAT_ITIP_REFRESH, m->id,
          _("%s asks for the invitation to '%s' (%s) again: 'rapat invite send %" PRId64
            "' sends it"), person->name, title, when, m->id);
  return TRUE;
}

/* Returns when an Outlook answer in @event was made, from its
 * X-MICROSOFT-CDO-REPLYTIME (UTC), or 0.  Outlook for Mac stamps each
 * answer with the meeting's DTSTAMP, so a tentative answer and the decline
 * that replaced it carry the same one; only this tells them apart. */
static gint64
reply_time (icalcomponent *event)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (p);
      const char *value = icalproperty_get_x (p);
      struct icaltimetype t;

      if (name == NULL || g_ascii_strcasecmp (name, "X-MICROSOFT-CDO-REPLYTIME") != 0
          || value == NULL)
        continue;
      t = icaltime_from_string (value);
      if (icaltime_is_null_time (t) || !icaltime_is_utc (t) || t.is_date)
        return 0;
      return (gint64) icaltime_as_timet (t);
    }
  return 0;
}

/* Applies one VEVENT of a calendar whose METHOD is @method. */
static gboolean
apply_event (Answer *a, const char *method, GError **error)
{
  icalproperty *p;
  g_auto(Target) t = { 0 };
  g_autofree char *uid_ex = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  gboolean any = FALSE;

  p = icalcomponent_get_first_property (a->event, ICAL_UID_PROPERTY);
  if (p == NULL || icalproperty_get_uid (p) == NULL || *icalproperty_get_uid (p) == '\0')
    {
      note (a, RAPAT_ITIP_SKIPPED, 0, _("an event without a UID"));
      return TRUE;
    }
  a->uid = g_strdup (icalproperty_get_uid (p));
  uid_ex = rapat_text_excerpt (a->uid);
  p = icalcomponent_get_first_property (a->event, ICAL_SEQUENCE_PROPERTY);
  a->sequence = p != NULL ? MAX (0, icalproperty_get_sequence (p)) : 0;
  p = icalcomponent_get_first_property (a->event, ICAL_DTSTAMP_PROPERTY);
  /* RFC 5546 requires DTSTAMP; an answer without one (some servers' test
   * messages) is undated: 0, recorded unless a dated reply is kept. */
  a->dtstamp = 0;
  if (p != NULL
      && !property_instant (a->vcal, p, icalproperty_get_dtstamp (p), NULL, &a->dtstamp))
    a->dtstamp = 0;
  a->dtstamp = MAX (a->dtstamp, reply_time (a->event));
  if (!find_target (a, &t, error))
    return FALSE;
  if (t.meetings->len == 0)
    return TRUE;
  if (((RapatMeeting *) t.meetings->pdata[0])->status == RAPAT_MEETING_CANCELLED)
    {
      g_autofree char *title = rapat_text_excerpt (((RapatMeeting *) t.meetings->pdata[0])->title);
      note (a, RAPAT_ITIP_SKIPPED, 0, _("meeting '%s': cancelled, so the answer is not kept"),
            title);
      return TRUE;
    }
  /* Taken first: reading other properties moves the component's one
   * property cursor, which the ATTENDEE loop would then restart from. */
  attendees = g_ptr_array_new ();
  for (p = icalcomponent_get_first_property (a->event, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (a->event, ICAL_ATTENDEE_PROPERTY))
    g_ptr_array_add (attendees, p);
  for (guint i = 0; i < attendees->len; i++)
    {
      p = attendees->pdata[i];
      gboolean ok = strcmp (method, "REPLY") == 0 ? reply_one (a, &t, p, error)
                    : request_one (a, &t, p, strcmp (method, "COUNTER") == 0 ? "counter"
                                                                            : "refresh", error);
      if (!ok)
        return FALSE;
      any = TRUE;
    }
  if (!any)
    note (a, RAPAT_ITIP_SKIPPED, 0, _("meeting '%s': the answer names no ATTENDEE"), uid_ex);
  return TRUE;
}

/* Applies every VEVENT of the VCALENDAR @vcal. */
static gboolean
apply_calendar (Answer *a, icalcomponent *vcal, GError **error)
{
  icalproperty *mp = icalcomponent_get_first_property (vcal, ICAL_METHOD_PROPERTY);
  icalproperty_method method = mp != NULL ? icalproperty_get_method (mp) : ICAL_METHOD_NONE;
  const char *name;

  switch (method)
    {
    case ICAL_METHOD_REPLY: name = "REPLY"; break;
    case ICAL_METHOD_COUNTER: name = "COUNTER"; break;
    case ICAL_METHOD_REFRESH: name = "REFRESH"; break;
    case ICAL_METHOD_DECLINECOUNTER:
      note (a, RAPAT_ITIP_SKIPPED, 0,
            _("DECLINECOUNTER is the organizer's answer to a new time; rapat is the organizer "
              "and does not take it"));
      return TRUE;
    default:
      note (a, RAPAT_ITIP_SKIPPED, 0,
            _("not a reply: rapat reads replies, counter-proposals and refreshes; it does not import events yet"));
      return TRUE;
    }
  a->vcal = vcal;
  for (a->event = icalcomponent_get_first_component (vcal, ICAL_VEVENT_COMPONENT);
       a->event != NULL;
       a->event = icalcomponent_get_next_component (vcal, ICAL_VEVENT_COMPONENT))
    {
      gboolean ok = apply_event (a, name, error);

      g_clear_pointer (&a->uid, g_free);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

gboolean
rapat_itip_import (RapatStore *store, const char *ics, gsize len, const char *source,
                   const char *message_id, const char *from, gint64 now,
                   RapatItipSummary *summary, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) root = NULL;
  Answer a = { store, NULL, NULL, source, message_id, from, now, summary, NULL, 0, 0 };
  icalcomponent_kind kind;

  if (!rapat_ical_load (error))
    return FALSE;
  if (!g_utf8_validate (ics, len, NULL))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("calendar '%s': not valid UTF-8"),
                   source);
      return FALSE;
    }
  text = g_strndup (ics, len);
  icalerror_clear_errno ();
  root = icalparser_parse_string (text);
  kind = root != NULL ? icalcomponent_isa (root) : ICAL_NO_COMPONENT;
  if (kind == ICAL_VCALENDAR_COMPONENT)
    return apply_calendar (&a, root, error);
  if (kind == ICAL_XROOT_COMPONENT)
    {
      gboolean any = FALSE;

      for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
           c != NULL; c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
        {
          if (!apply_calendar (&a, c, error))
            return FALSE;
          any = TRUE;
        }
      if (any)
        return TRUE;
    }
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("calendar '%s': not an iCalendar object (no VCALENDAR)"), source);
  return FALSE;
}
