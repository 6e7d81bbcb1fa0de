/* rapat — the iCalendar (RFC 5545) writer, built with libical (export layer). */
#include "export-ics.h"
#include "timeutil.h"
#include "vtimezone.h"

#include <errno.h>
#include "ical.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static const char *const method_names[] = { "publish", "request", "cancel", NULL };
const RapatEnum rapat_ics_method_enum = { N_("method"), method_names, NULL };

struct _RapatIcsWriter {
  FILE *out;
  RapatIcsMethod method;
  gint64 now;
};

/* The name under which a CATEGORIES value travels through libical, which
 * writes CATEGORIES without escaping commas and semicolons (a comma inside
 * one category would split it).  write_lines() renames it and escapes them. */
#define CATEGORY_CARRIER "X-RAPAT-CATEGORIES"

/* Writes one logical (unfolded) content line, folded at 75 octets without
 * splitting a UTF-8 character, ending in CRLF. */
static void
write_line (FILE *out, const char *line, gsize len)
{
  gsize limit = 75;

  while (len > limit)
    {
      gsize cut = limit;

      /* Back off to the start of a character (never cut before a continuation byte). */
      while (cut > 1 && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      fwrite (line, 1, cut, out);
      fputs ("\r\n ", out);
      line += cut;
      len -= cut;
      limit = 74;   /* a continuation line starts with the space */
    }
  fwrite (line, 1, len, out);
  fputs ("\r\n", out);
}

/* Writes one logical line, renaming the category carrier and escaping its
 * commas and semicolons. */
static void
write_logical (FILE *out, GString *line, GString *scratch)
{
  if (line->len == 0)
    return;
  if (g_str_has_prefix (line->str, CATEGORY_CARRIER ":"))
    {
      g_string_assign (scratch, "CATEGORIES:");
      for (const char *c = line->str + strlen (CATEGORY_CARRIER ":"); *c != '\0'; c++)
        {
          if (*c == ',' || *c == ';')
            g_string_append_c (scratch, '\\');
          g_string_append_c (scratch, *c);
        }
      write_line (out, scratch->str, scratch->len);
    }
  else
    write_line (out, line->str, line->len);
}

/* Writes libical's text form of a component or property: unfolded and
 * folded again by write_line() (libical 3.0 can fold inside its own CRLF,
 * leaving a bare CR and a bare LF), with categories given their name and
 * their commas and semicolons escaped.  One pass, two reused buffers. */
static void
write_lines (FILE *out, const char *ical)
{
  static GString *line, *scratch;

  if (line == NULL)
    {
      line = g_string_sized_new (256);
      scratch = g_string_sized_new (256);
    }
  g_string_truncate (line, 0);
  for (const char *p = ical;;)
    {
      const char *cr = strchr (p, '\r');

      if (cr == NULL)
        {
          g_string_append (line, p);
          break;
        }
      g_string_append_len (line, p, cr - p);
      if (cr[1] != '\n')
        {
          g_string_append_c (line, '\r');
          p = cr + 1;
        }
      else if (cr[2] == ' ' || cr[2] == '\t')
        p = cr + 3;                    /* a fold: the line goes on */
      else
        {
          write_logical (out, line, scratch);
          g_string_truncate (line, 0);
          p = cr + 2;
        }
    }
  write_logical (out, line, scratch);
}

/* Writes @prop and frees it. */
static void
emit_property (FILE *out, icalproperty *prop)
{
  char *s = icalproperty_as_ical_string_r (prop);

  write_lines (out, s);
  free (s);
  icalproperty_free (prop);
}

/* Writes @comp (the caller owns it). */
static void
emit_component (FILE *out, icalcomponent *comp)
{
  char *s = icalcomponent_as_ical_string_r (comp);

  write_lines (out, s);
  free (s);
}

/* Returns FALSE with @error set if writing to the calendar failed. */
static gboolean
check_stream (RapatIcsWriter *w, GError **error)
{
  if (ferror (w->out))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to write the calendar: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

RapatIcsWriter *
rapat_ics_writer_new (FILE *out, RapatIcsMethod method, const char *calname, gint64 now)
{
  RapatIcsWriter *w = g_new0 (RapatIcsWriter, 1);
  g_autofree char *prodid = g_strdup_printf ("-//rapat//rapat %s//EN", PACKAGE_VERSION);
  icalproperty_method m = method == RAPAT_ICS_REQUEST ? ICAL_METHOD_REQUEST
                          : method == RAPAT_ICS_CANCEL ? ICAL_METHOD_CANCEL : ICAL_METHOD_PUBLISH;

  w->out = out;
  w->method = method;
  w->now = now;
  fputs ("BEGIN:VCALENDAR\r\n", out);
  emit_property (out, icalproperty_new_version ("2.0"));
  emit_property (out, icalproperty_new_prodid (prodid));
  emit_property (out, icalproperty_new_calscale ("GREGORIAN"));
  emit_property (out, icalproperty_new_method (m));
  if (calname != NULL)
    {
      icalproperty *p = icalproperty_new_x (calname);
      icalproperty_set_x_name (p, "X-WR-CALNAME");
      emit_property (out, p);
    }
  return w;
}

gboolean
rapat_ics_zone_needs_vtimezone (const char *tzid)
{
  return strcmp (tzid, "UTC") != 0 && tzid[0] != '+' && tzid[0] != '-';
}

/* Returns @t (Unix seconds) as a UTC date-time. */
static struct icaltimetype
utc_time (gint64 t)
{
  return icaltime_from_timet_with_zone ((time_t) t, 0, icaltimezone_get_utc_timezone ());
}

gboolean
rapat_ics_write_timezone (RapatIcsWriter *w, const char *tzid, gint64 from, gint64 to,
                          GError **error)
{
  /* A day either side: a calendar finds the observance of a local time
   * near either end whatever the offset. */
  g_autofree char *text = rapat_vtimezone_build (tzid, from - 86400, to + 86400, error);

  if (text == NULL)
    return FALSE;
  fputs (text, w->out);
  return check_stream (w, error);
}

/* Adds DTSTART or DTEND (@kind) for instant @t in zone @tzid: local time
 * with TZID=<plain IANA name>, or UTC for UTC and fixed offsets. */
static void
add_time (icalcomponent *comp, icalproperty_kind kind, gint64 t, const char *tzid)
{
  icalproperty *p = icalproperty_new (kind);

  if (!rapat_ics_zone_needs_vtimezone (tzid))
    icalproperty_set_value (p, icalvalue_new_datetime (utc_time (t)));
  else
    {
      g_autoptr(GTimeZone) tz = rapat_time_zone_load (tzid, NULL, NULL);
      time_t local = (time_t) (tz != NULL ? rapat_time_local (t, tz) : t);
      struct tm tm;
      struct icaltimetype lt = icaltime_null_time ();

      gmtime_r (&local, &tm);
      lt.year = tm.tm_year + 1900;
      lt.month = tm.tm_mon + 1;
      lt.day = tm.tm_mday;
      lt.hour = tm.tm_hour;
      lt.minute = tm.tm_min;
      lt.second = tm.tm_sec;
      icalproperty_set_value (p, icalvalue_new_datetime (lt));
      icalproperty_add_parameter (p, icalparameter_new_tzid (tzid));
    }
  icalcomponent_add_property (comp, p);
}

char *
rapat_ics_person_address (gint64 person_id, const char *email)
{
  if (email != NULL)
    return g_strconcat ("mailto:", email, NULL);
  return g_strdup_printf ("urn:x-rapat:person:%" G_GINT64_FORMAT, person_id);
}

/* Adds one CATEGORIES value to @c (see CATEGORY_CARRIER). */
static void
add_category (icalcomponent *c, const char *text)
{
  icalproperty *p = icalproperty_new_x (text);

  icalproperty_set_x_name (p, CATEGORY_CARRIER);
  icalcomponent_add_property (c, p);
}

/* Returns the UID of agenda item @item of meeting @uid: "<local>-item-<id>@<domain>". */
static char *
session_uid (const char *uid, gint64 item_id)
{
  const char *at = strrchr (uid, '@');

  if (at == NULL)
    return g_strdup_printf ("%s-item-%" G_GINT64_FORMAT, uid, item_id);
  return g_strdup_printf ("%.*s-item-%" G_GINT64_FORMAT "%s", (int) (at - uid), uid, item_id, at);
}

/* Adds the properties every component carries: UID, DTSTAMP, CREATED,
 * LAST-MODIFIED. */
static void
add_identity (RapatIcsWriter *w, icalcomponent *c, const char *uid, gint64 created,
              gint64 modified)
{
  icalcomponent_add_property (c, icalproperty_new_uid (uid));
  icalcomponent_add_property (c, icalproperty_new_dtstamp (utc_time (w->now)));
  if (created != 0)
    icalcomponent_add_property (c, icalproperty_new_created (utc_time (created)));
  if (modified != 0)
    icalcomponent_add_property (c, icalproperty_new_lastmodified (utc_time (modified)));
}

/* Adds the meeting's organizer, if it has one, as ORGANIZER of @c. */
static void
add_organizer (icalcomponent *c, const RapatMeeting *m)
{
  g_autofree char *addr = NULL;
  icalproperty *p;

  if (m->organizer_id == 0)
    return;
  addr = rapat_ics_person_address (m->organizer_id, m->organizer_email);
  p = icalproperty_new_organizer (addr);
  icalproperty_add_parameter (p, icalparameter_new_cn (m->organizer_name));
  icalcomponent_add_property (c, p);
}

/* Returns the ATTENDEE ROLE for a rapat role. */
static icalparameter_role
ical_role (RapatRole role)
{
  switch (role)
    {
    case RAPAT_ROLE_CHAIR:
      return ICAL_ROLE_CHAIR;
    case RAPAT_ROLE_OPTIONAL:
      return ICAL_ROLE_OPTPARTICIPANT;
    case RAPAT_ROLE_OBSERVER:
      return ICAL_ROLE_NONPARTICIPANT;
    case RAPAT_ROLE_SPEAKER:
    case RAPAT_ROLE_PARTICIPANT:
    default:
      return ICAL_ROLE_REQPARTICIPANT;
    }
}

/* Returns the PARTSTAT for a reply. */
static icalparameter_partstat
ical_partstat (RapatRsvp rsvp)
{
  switch (rsvp)
    {
    case RAPAT_RSVP_ACCEPTED:
      return ICAL_PARTSTAT_ACCEPTED;
    case RAPAT_RSVP_DECLINED:
      return ICAL_PARTSTAT_DECLINED;
    case RAPAT_RSVP_TENTATIVE:
      return ICAL_PARTSTAT_TENTATIVE;
    case RAPAT_RSVP_NEEDS_ACTION:
    default:
      return ICAL_PARTSTAT_NEEDSACTION;
    }
}

/* CN values are passed as they are: libical quotes parameter values and
 * encodes double quotes and newlines as RFC 6868 says (^' and ^n). */

/* Adds one ATTENDEE per person: every invitation, and every stand-in.  The
 * person represented is DELEGATED-TO their stand-in, and the stand-in's
 * ATTENDEE is DELEGATED-FROM them: the stand-in's own invitation when they
 * were invited too, else an ATTENDEE added for them. */
static void
add_attendees (RapatIcsWriter *w, icalcomponent *ev, GPtrArray *attendees)
{
  g_autoptr(GHashTable) by_person = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      g_autofree char *addr = rapat_ics_person_address (a->person_id, a->email);
      icalproperty *p = icalproperty_new_attendee (addr);
      gboolean delegated = a->attendance == RAPAT_ATTENDANCE_REPRESENTED && a->stand_in_id != 0;

      icalproperty_add_parameter (p, icalparameter_new_cn (a->person_name));
      icalproperty_add_parameter (p, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter (p, icalparameter_new_role (ical_role (a->role)));
      icalproperty_add_parameter (p, icalparameter_new_partstat (
        delegated ? ICAL_PARTSTAT_DELEGATED : ical_partstat (a->rsvp)));
      if (delegated)
        {
          g_autofree char *to = rapat_ics_person_address (a->stand_in_id, a->stand_in_email);
          icalproperty_add_parameter (p, icalparameter_new_delegatedto (to));
        }
      else if (w->method == RAPAT_ICS_REQUEST && a->rsvp == RAPAT_RSVP_NEEDS_ACTION)
        icalproperty_add_parameter (p, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
      icalcomponent_add_property (ev, p);
      g_hash_table_insert (by_person, (gpointer) &a->person_id, p);
    }
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      g_autofree char *from = NULL;
      icalproperty *s;

      if (a->attendance != RAPAT_ATTENDANCE_REPRESENTED || a->stand_in_id == 0)
        continue;
      from = rapat_ics_person_address (a->person_id, a->email);
      s = g_hash_table_lookup (by_person, &a->stand_in_id);
      if (s == NULL)
        {
          g_autofree char *to = rapat_ics_person_address (a->stand_in_id, a->stand_in_email);

          s = icalproperty_new_attendee (to);
          icalproperty_add_parameter (s, icalparameter_new_cn (a->stand_in_name));
          icalproperty_add_parameter (s, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
          icalproperty_add_parameter (s, icalparameter_new_role (ical_role (a->role)));
          icalproperty_add_parameter (s, icalparameter_new_partstat (ICAL_PARTSTAT_ACCEPTED));
          icalcomponent_add_property (ev, s);
          g_hash_table_insert (by_person, (gpointer) &a->stand_in_id, s);
        }
      icalproperty_add_parameter (s, icalparameter_new_delegatedfrom (from));
    }
}

/* Returns the minutes since midnight of @local (rapat_time_local() seconds). */
static int
clock_minutes (gint64 local)
{
  gint64 day = local % 86400;

  return (int) ((day < 0 ? day + 86400 : day) / 60);
}

/* Returns the meeting's description followed by its agenda as readable lines. */
static char *
meeting_description (const RapatMeeting *m, GPtrArray *agenda)
{
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (m->tzid, NULL, NULL);
  GString *s = g_string_new (m->description);
  g_autofree gint64 *starts = g_new (gint64, agenda->len + 1);

  rapat_agenda_schedule (m, agenda, starts);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  if (agenda->len > 0)
    {
      if (s->len > 0)
        g_string_append (s, "\n\n");
      g_string_append (s, _("Agenda:"));
    }
  for (guint i = 0; i < agenda->len; i++)
    {
      const RapatAgendaItem *it = agenda->pdata[i];
      int t1 = clock_minutes (rapat_time_local (starts[i], tz));
      int t2 = clock_minutes (rapat_time_local (starts[i] + (gint64) it->duration_min * 60, tz));

      g_string_append_printf (s, "\n%02d:%02d–%02d:%02d %s", t1 / 60, t1 % 60, t2 / 60, t2 % 60,
                              it->title);
      if (it->presenter_name != NULL)
        g_string_append_printf (s, " (%s)", it->presenter_name);
      if (it->room != NULL)
        g_string_append_printf (s, " [%s]", it->room);
    }
  return g_string_free (s, s->len == 0);
}

/* Returns the STATUS of a meeting under the writer's method. */
static icalproperty_status
meeting_status (RapatIcsWriter *w, const RapatMeeting *m)
{
  if (w->method == RAPAT_ICS_CANCEL || m->status == RAPAT_MEETING_CANCELLED)
    return ICAL_STATUS_CANCELLED;
  return m->status == RAPAT_MEETING_TENTATIVE ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED;
}

/* Returns the SEQUENCE to write: the meeting's, or one more when a meeting
 * the database still holds as scheduled is being cancelled, because a
 * cancellation must outrank the invitation it withdraws. */
static gint64
meeting_sequence (RapatIcsWriter *w, const RapatMeeting *m)
{
  if (w->method == RAPAT_ICS_CANCEL && m->status != RAPAT_MEETING_CANCELLED)
    return m->sequence + 1;
  return m->sequence;
}

/* Builds the VEVENT of agenda item @it starting at @start. */
static icalcomponent *
session_event (RapatIcsWriter *w, const RapatMeeting *m, const RapatAgendaItem *it, gint64 start)
{
  icalcomponent *ev = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = session_uid (m->uid, it->id);
  g_autoptr(GString) desc = g_string_new (NULL);

  add_identity (w, ev, uid, m->created_at, m->updated_at);
  icalcomponent_add_property (ev, icalproperty_new_sequence ((int) meeting_sequence (w, m)));
  add_time (ev, ICAL_DTSTART_PROPERTY, start, m->tzid);
  add_time (ev, ICAL_DTEND_PROPERTY, start + (gint64) it->duration_min * 60, m->tzid);
  icalcomponent_add_property (ev, icalproperty_new_summary (it->title));
  if (it->room != NULL || m->location != NULL)
    icalcomponent_add_property (ev, icalproperty_new_location (it->room != NULL ? it->room
                                                                                : m->location));
  if (it->presenter_name != NULL)
    g_string_append_printf (desc, _("Presenter: %s"), it->presenter_name);
  if (it->notes != NULL)
    g_string_append_printf (desc, "%s%s", desc->len > 0 ? "\n" : "", it->notes);
  g_string_append_printf (desc, "%s%s", desc->len > 0 ? "\n\n" : "", m->title);
  icalcomponent_add_property (ev, icalproperty_new_description (desc->str));
  add_category (ev, rapat_enum_name (&rapat_agenda_type_enum, it->type));
  icalcomponent_add_property (ev, icalproperty_new_status (meeting_status (w, m)));
  icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  icalcomponent_add_property (ev, icalproperty_new_relatedto (m->uid));
  add_organizer (ev, m);
  return ev;
}

/* Builds the VEVENT of meeting @m; @r, if not NULL, makes it a series'
 * master or exception. */
static icalcomponent *
meeting_event (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
               GPtrArray *attendees, const RapatIcsRecurrence *r)
{
  icalcomponent *ev = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *desc = meeting_description (m, agenda);

  add_identity (w, ev, r != NULL ? r->uid : m->uid, m->created_at, m->updated_at);
  icalcomponent_add_property (ev, icalproperty_new_sequence ((int) meeting_sequence (w, m)));
  add_time (ev, ICAL_DTSTART_PROPERTY, m->start_utc, m->tzid);
  add_time (ev, ICAL_DTEND_PROPERTY, m->end_utc, m->tzid);
  if (r != NULL && r->rrule != NULL)
    {
      icalproperty *rule = icalproperty_new_rrule (icalrecurrencetype_from_string (r->rrule));

      icalcomponent_add_property (ev, rule);
      for (guint i = 0; r->exdates != NULL && i < r->exdates->len; i++)
        add_time (ev, ICAL_EXDATE_PROPERTY, g_array_index (r->exdates, gint64, i), m->tzid);
    }
  if (r != NULL && r->recurrence_utc != 0)
    add_time (ev, ICAL_RECURRENCEID_PROPERTY, r->recurrence_utc, m->tzid);
  icalcomponent_add_property (ev, icalproperty_new_summary (m->title));
  if (m->location != NULL)
    icalcomponent_add_property (ev, icalproperty_new_location (m->location));
  if (desc != NULL)
    icalcomponent_add_property (ev, icalproperty_new_description (desc));
  add_category (ev, m->kind);
  icalcomponent_add_property (ev, icalproperty_new_status (meeting_status (w, m)));
  icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  add_organizer (ev, m);
  add_attendees (w, ev, attendees);
  return ev;
}

gboolean
rapat_ics_write_recurring (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                           GPtrArray *attendees, const RapatIcsRecurrence *r, GError **error)
{
  g_autoptr(icalcomponent) ev = meeting_event (w, m, agenda, attendees, r);

  emit_component (w->out, ev);
  return check_stream (w, error);
}

gboolean
rapat_ics_write_meeting (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                         GPtrArray *attendees, gboolean sessions, GError **error)
{
  g_autoptr(icalcomponent) ev = meeting_event (w, m, agenda, attendees, NULL);

  emit_component (w->out, ev);
  if (sessions)
    {
      g_autofree gint64 *starts = g_new (gint64, agenda->len + 1);

      rapat_agenda_schedule (m, agenda, starts);
      for (guint i = 0; i < agenda->len; i++)
        {
          g_autoptr(icalcomponent) s = session_event (w, m, agenda->pdata[i], starts[i]);
          emit_component (w->out, s);
        }
    }
  return check_stream (w, error);
}

gboolean
rapat_ics_write_action (RapatIcsWriter *w, const RapatAction *a, const RapatMeeting *m,
                        GError **error)
{
  g_autoptr(icalcomponent) todo = icalcomponent_new (ICAL_VTODO_COMPONENT);
  icalproperty_status status;
  icalproperty *owner;
  int priority = a->priority == RAPAT_PRIORITY_HIGH ? 1 : a->priority == RAPAT_PRIORITY_LOW ? 9 : 5;

  add_identity (w, todo, a->uid, a->created_at, a->updated_at);
  icalcomponent_add_property (todo, icalproperty_new_summary (a->title));
  if (a->description != NULL)
    icalcomponent_add_property (todo, icalproperty_new_description (a->description));
  if (a->due != NULL)
    {
      struct icaltimetype due = icaltime_from_string (a->due);
      icalproperty *p;

      due.is_date = 1;
      p = icalproperty_new_due (due);
      icalproperty_add_parameter (p, icalparameter_new_value (ICAL_VALUE_DATE));
      icalcomponent_add_property (todo, p);
    }
  switch (a->status)
    {
    case RAPAT_ACTION_IN_PROGRESS:
      status = ICAL_STATUS_INPROCESS;
      break;
    case RAPAT_ACTION_DONE:
      status = ICAL_STATUS_COMPLETED;
      break;
    case RAPAT_ACTION_CANCELLED:
      status = ICAL_STATUS_CANCELLED;
      break;
    case RAPAT_ACTION_OPEN:
    default:
      status = ICAL_STATUS_NEEDSACTION;
      break;
    }
  icalcomponent_add_property (todo, icalproperty_new_status (status));
  icalcomponent_add_property (todo, icalproperty_new_percentcomplete (a->progress));
  if (a->done_at != 0)
    icalcomponent_add_property (todo, icalproperty_new_completed (utc_time (a->done_at)));
  icalcomponent_add_property (todo, icalproperty_new_priority (priority));
  if (a->issue_title != NULL)
    add_category (todo, a->issue_title);
  if (m != NULL)
    {
      icalcomponent_add_property (todo, icalproperty_new_relatedto (m->uid));
      add_organizer (todo, m);
    }
  if (a->owner_person_id != 0)
    {
      g_autofree char *addr = rapat_ics_person_address (a->owner_person_id, a->owner_email);
      owner = icalproperty_new_attendee (addr);
      icalproperty_add_parameter (owner, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
    }
  else
    {
      g_autofree char *addr = g_strdup_printf ("urn:x-rapat:unit:%" G_GINT64_FORMAT,
                                               a->owner_unit_id);
      owner = icalproperty_new_attendee (addr);
      icalproperty_add_parameter (owner, icalparameter_new_cutype (ICAL_CUTYPE_GROUP));
    }
  icalproperty_add_parameter (owner, icalparameter_new_cn (a->owner_name));
  icalproperty_add_parameter (owner, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
  icalcomponent_add_property (todo, owner);
  emit_component (w->out, todo);
  return check_stream (w, error);
}

gboolean
rapat_ics_writer_finish (RapatIcsWriter *w, GError **error)
{
  gboolean ok;

  fputs ("END:VCALENDAR\r\n", w->out);
  ok = fflush (w->out) == 0 && !ferror (w->out);
  if (!ok)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to write the calendar: %s"),
                 g_strerror (errno));
  rapat_ics_writer_free (w);
  return ok;
}

void
rapat_ics_writer_free (RapatIcsWriter *w)
{
  g_free (w);
}
