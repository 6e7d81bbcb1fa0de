/* rapat — the iCalendar (RFC 5545) writer, built with libical (export layer). */
#include "export-ics.h"
#include "text.h"
#include "timeutil.h"
#include "vtimezone.h"
#include "when.h"

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
  const RapatIcsCalendar *cal;
  RapatIcsCalendar owned;  /* the calendar of rapat_ics_writer_new() */
  char *owned_name;
  GError *bad;            /* the first value found that cannot be written safely */
  RapatIcsImportedFunc imported;  /* what a meeting brought from another calendar, or NULL */
  gpointer imported_data;
};

/* What a value may hold, for check_value(). */
typedef enum {
  VALUE_TEXT,             /* text: line breaks and tabs are escaped (TEXT "\\n", CN "^n") */
  VALUE_ADDRESS,          /* an address, URI or identifier: no space or control at all */
} ValueKind;

/* Checks a value read from the database before it goes into a property: it
 * must hold no control character (a CR or LF inside an address or a
 * parameter would end the property and start one of the attacker's
 * choosing).  That it is UTF-8 the store has checked as it read the row
 * (store_row_text()), so it is not checked twice.  The first failure is kept in @w->bad, naming the record
 * (@record, @id) and the field (both untranslated, N_()); the component
 * being built is then dropped by its builder.  Runs on every value of an
 * export, so it reads bytes (C1 controls are C2 80..C2 9F in UTF-8) and
 * translates nothing until something is wrong. */
static void
check_value (RapatIcsWriter *w, const char *record, gint64 id, const char *field,
             const char *value, ValueKind kind)
{
  const char *why = NULL;

  if (value == NULL || w->bad != NULL)
    return;
  /* Most bytes of most values are letters: one table lookup each. */
  static const char suspect[256] = {
    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1,
    [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1,
    [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1,
    [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [' '] = 1, [0x7f] = 1, [0xc2] = 1,
  };

  for (const guchar *p = (const guchar *) value; why == NULL && *p != '\0'; p++)
    {
      if (!suspect[*p])
        continue;
      if (*p < 0x20 && !(kind == VALUE_TEXT && (*p == '\n' || *p == '\t')))
        why = N_("it holds a control character, which iCalendar cannot carry there");
      else if (*p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
        why = N_("it holds a control character, which iCalendar cannot carry there");
      else if (*p == ' ' && kind == VALUE_ADDRESS)
        why = N_("an address cannot hold a space");
    }
  if (why != NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (value);

      /* TRANSLATORS: "meeting 12: e-mail 'a@b\r\n...': it holds ..." */
      g_set_error (&w->bad, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s %" PRId64 ": %s '%s': %s (was the database changed outside rapat?)"),
                   _(record), id, _(field), ex, _(why));
    }
}

/* Checks that instant @t of a record lies in the years rapat keeps
 * (1900-9998 in any zone), so that every date written has four digits. */
static void
check_instant (RapatIcsWriter *w, const char *record, gint64 id, const char *field, gint64 t)
{
  if (w->bad == NULL && !rapat_time_in_range (t))
    g_set_error (&w->bad, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("%s %" PRId64 ": %s '%" PRId64 "': outside the years 1900 to 9998 "
                   "(was the database changed outside rapat?)"), _(record), id, _(field), t);
}

/* Returns FALSE with @error set (taken from @w) when a value checked since
 * the last call could not be written safely. */
static gboolean
values_ok (RapatIcsWriter *w, GError **error)
{
  if (w->bad == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&w->bad));
  return FALSE;
}

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

/* Writes an X- property of the calendar, @name:@value. */
static void
emit_x (FILE *out, const char *name, const char *value)
{
  icalproperty *p = icalproperty_new_x (value);

  icalproperty_set_x_name (p, name);
  emit_property (out, p);
}

RapatIcsWriter *
rapat_ics_writer_new (FILE *out, RapatIcsMethod method, const char *calname, gint64 now)
{
  g_autofree char *name = g_strdup (calname);
  RapatIcsCalendar cal = { name, NULL, 0, NULL, 0 };
  RapatIcsWriter *w = rapat_ics_writer_new_full (out, method, &cal, now);

  /* The calendar must outlive the writer: kept in it. */
  w->owned_name = g_steal_pointer (&name);
  w->owned = cal;
  w->owned.name = w->owned_name;
  w->cal = &w->owned;
  return w;
}

RapatIcsWriter *
rapat_ics_writer_new_full (FILE *out, RapatIcsMethod method, const RapatIcsCalendar *cal,
                           gint64 now)
{
  RapatIcsWriter *w = g_new0 (RapatIcsWriter, 1);
  g_autofree char *prodid = g_strdup_printf ("-//rapat//rapat %s//EN", PACKAGE_VERSION);
  icalproperty_method m = method == RAPAT_ICS_REQUEST ? ICAL_METHOD_REQUEST
                          : method == RAPAT_ICS_CANCEL ? ICAL_METHOD_CANCEL : ICAL_METHOD_PUBLISH;

  static const RapatIcsCalendar none;

  w->out = out;
  w->method = method;
  w->now = now;
  w->cal = cal != NULL ? cal : &none;
  fputs ("BEGIN:VCALENDAR\r\n", out);
  emit_property (out, icalproperty_new_version ("2.0"));
  emit_property (out, icalproperty_new_prodid (prodid));
  emit_property (out, icalproperty_new_calscale ("GREGORIAN"));
  emit_property (out, icalproperty_new_method (m));
  if (w->cal->name != NULL)
    {
      /* X-WR-CALNAME for Apple, Google and Outlook; NAME is RFC 7986's. */
      emit_x (out, "X-WR-CALNAME", w->cal->name);
      emit_property (out, icalproperty_new_name (w->cal->name));
    }
  if (w->cal->tzid != NULL)
    emit_x (out, "X-WR-TIMEZONE", w->cal->tzid);
  if (w->cal->refresh_s > 0)
    {
      struct icaldurationtype d = icaldurationtype_from_int ((int) w->cal->refresh_s);
      char *text = icaldurationtype_as_ical_string_r (d);

      emit_property (out, icalproperty_new_refreshinterval (d));
      emit_x (out, "X-PUBLISHED-TTL", text);
      free (text);
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

/* Adds @kind (DTSTART, DTEND, RECURRENCE-ID, EXDATE) for instant @t in
 * zone @tzid: local time with TZID=<plain IANA name>, or UTC for UTC and
 * fixed offsets, and for the instants a local time cannot name. */
static void
add_time (icalcomponent *comp, icalproperty_kind kind, gint64 t, const char *tzid)
{
  icalproperty *p = icalproperty_new (kind);
  g_autoptr(GTimeZone) tz = rapat_ics_zone_needs_vtimezone (tzid)
    ? rapat_time_zone_load (tzid, NULL, NULL) : NULL;

  /* An instant in the second pass of an hour repeated when the clocks went
   * back has a local time that names the first pass (RFC 5545 3.3.5). */
  if (tz == NULL || rapat_time_is_later_of_repeat (t, tz))
    icalproperty_set_value (p, icalvalue_new_datetime (utc_time (t)));
  else
    {
      time_t local = (time_t) rapat_time_local (t, tz);
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

/* TRUE when libical writes a caret in a parameter value as "^^" (RFC 6868);
 * libical 3.0 encodes '"' as "^'" and a newline as "^n" but leaves '^'
 * as it is, so that "^'" in a name would read back as '"'.  Asked once. */
static gboolean
libical_escapes_caret (void)
{
  static gsize once = 0;
  static gboolean escapes;

  if (g_once_init_enter (&once))
    {
      icalparameter *probe = icalparameter_new_cn ("^");
      char *text = icalparameter_as_ical_string_r (probe);

      escapes = text != NULL && strstr (text, "^^") != NULL;
      free (text);
      icalparameter_free (probe);
      g_once_init_leave (&once, 1);
    }
  return escapes;
}

/* Returns a CN parameter for @name, encoded as RFC 6868 says whatever
 * libical's version does: '^' as "^^" ('"' and newlines libical encodes). */
static icalparameter *
cn_parameter (const char *name)
{
  g_autoptr(GString) s = NULL;

  if (strchr (name, '^') == NULL || libical_escapes_caret ())
    return icalparameter_new_cn (name);
  s = g_string_new (NULL);
  for (const char *c = name; *c != '\0'; c++)
    {
      if (*c == '^')
        g_string_append_c (s, '^');
      g_string_append_c (s, *c);
    }
  return icalparameter_new_cn (s->str);
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
  char suffix[32];

  g_snprintf (suffix, sizeof suffix, "item-%" G_GINT64_FORMAT, item_id);
  return rapat_uid_derive (uid, suffix);
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
add_organizer (RapatIcsWriter *w, icalcomponent *c, const RapatMeeting *m)
{
  g_autofree char *addr = NULL;
  icalproperty *p;

  if (m->organizer_id == 0)
    return;
  check_value (w, N_("person"), m->organizer_id, N_("name"), m->organizer_name, VALUE_TEXT);
  check_value (w, N_("person"), m->organizer_id, N_("e-mail"), m->organizer_email, VALUE_ADDRESS);
  addr = rapat_ics_person_address (m->organizer_id, m->organizer_email);
  p = icalproperty_new_organizer (addr);
  if (m->organizer_name != NULL)
    icalproperty_add_parameter (p, cn_parameter (m->organizer_name));
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

/* Adds one ATTENDEE per person: every invitation, and every stand-in.  The
 * person represented is DELEGATED-TO their stand-in, and the stand-in's
 * ATTENDEE is DELEGATED-FROM them: the stand-in's own invitation when they
 * were invited too, else an ATTENDEE added for them.  A stand-in attends
 * in someone's place, so their PARTSTAT is ACCEPTED (TENTATIVE if that was
 * their own answer) even when they declined their own invitation, and
 * nobody asks them to reply. */
static void
add_attendees (RapatIcsWriter *w, icalcomponent *ev, GPtrArray *attendees)
{
  g_autoptr(GHashTable) by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) stands_in = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];

      check_value (w, N_("person"), a->person_id, N_("name"), a->person_name, VALUE_TEXT);
      check_value (w, N_("person"), a->person_id, N_("e-mail"), a->email, VALUE_ADDRESS);
      if (a->attendance == RAPAT_ATTENDANCE_REPRESENTED && a->stand_in_id != 0)
        {
          check_value (w, N_("person"), a->stand_in_id, N_("name"), a->stand_in_name, VALUE_TEXT);
          check_value (w, N_("person"), a->stand_in_id, N_("e-mail"), a->stand_in_email,
                       VALUE_ADDRESS);
          g_hash_table_add (stands_in, (gpointer) &a->stand_in_id);
        }
    }
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      g_autofree char *addr = rapat_ics_person_address (a->person_id, a->email);
      icalproperty *p = icalproperty_new_attendee (addr);
      gboolean delegated = a->attendance == RAPAT_ATTENDANCE_REPRESENTED && a->stand_in_id != 0;
      gboolean delegate = !delegated && g_hash_table_size (stands_in) > 0
                          && g_hash_table_contains (stands_in, &a->person_id);
      icalparameter_partstat partstat = ical_partstat (a->rsvp);

      if (delegated)
        partstat = ICAL_PARTSTAT_DELEGATED;
      else if (delegate && partstat != ICAL_PARTSTAT_TENTATIVE)
        partstat = ICAL_PARTSTAT_ACCEPTED;
      if (a->person_name != NULL)
        icalproperty_add_parameter (p, cn_parameter (a->person_name));
      icalproperty_add_parameter (p, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter (p, icalparameter_new_role (ical_role (a->role)));
      icalproperty_add_parameter (p, icalparameter_new_partstat (partstat));
      if (delegated)
        {
          g_autofree char *to = rapat_ics_person_address (a->stand_in_id, a->stand_in_email);
          icalproperty_add_parameter (p, icalparameter_new_delegatedto (to));
        }
      else if (w->method == RAPAT_ICS_REQUEST && partstat == ICAL_PARTSTAT_NEEDSACTION)
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
          if (a->stand_in_name != NULL)
            icalproperty_add_parameter (s, cn_parameter (a->stand_in_name));
          icalproperty_add_parameter (s, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
          icalproperty_add_parameter (s, icalparameter_new_role (ical_role (a->role)));
          icalproperty_add_parameter (s, icalparameter_new_partstat (ICAL_PARTSTAT_ACCEPTED));
          icalcomponent_add_property (ev, s);
          g_hash_table_insert (by_person, (gpointer) &a->stand_in_id, s);
        }
      icalproperty_add_parameter (s, icalparameter_new_delegatedfrom (from));
    }
}

/* Checks the texts of agenda item @it. */
static void
check_item (RapatIcsWriter *w, const RapatAgendaItem *it)
{
  check_value (w, N_("agenda item"), it->id, N_("title"), it->title, VALUE_TEXT);
  check_value (w, N_("agenda item"), it->id, N_("notes"), it->notes, VALUE_TEXT);
  check_value (w, N_("agenda item"), it->id, N_("room"), it->room, VALUE_TEXT);
  check_value (w, N_("person"), it->presenter_id, N_("name"), it->presenter_name, VALUE_TEXT);
}

/* Returns the meeting's description followed by its agenda as readable
 * lines, each time with its zone's abbreviation ("09:00–09:15 WIT"), as a
 * reader abroad sees the text without the event's zone. */
static char *
meeting_description (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  GString *s = g_string_new (m->description);
  g_autofree gint64 *starts = g_new (gint64, agenda->len + 1);

  rapat_agenda_schedule (m, agenda, starts);
  if (agenda->len > 0)
    {
      if (s->len > 0)
        g_string_append (s, "\n\n");
      g_string_append (s, _("Agenda:"));
    }
  for (guint i = 0; i < agenda->len; i++)
    {
      const RapatAgendaItem *it = agenda->pdata[i];
      gint64 end = starts[i] + (gint64) it->duration_min * 60;
      g_autofree char *clocks = rapat_when_clocks (starts[i], end, tz);

      check_item (w, it);
      g_string_append_printf (s, "\n%s %s", clocks, it->title);
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

/* Returns the SEQUENCE to write for @sequence: itself, or one more when a
 * meeting the database still holds as scheduled is being cancelled,
 * because a cancellation must outrank the invitation it withdraws. */
static gint64
cancel_sequence (RapatIcsWriter *w, const RapatMeeting *m, gint64 sequence)
{
  if (w->method == RAPAT_ICS_CANCEL && m->status != RAPAT_MEETING_CANCELLED)
    return sequence + 1;
  return sequence;
}

/* Builds the VEVENT of agenda item @it of @m starting at @start. */
static icalcomponent *
session_event (RapatIcsWriter *w, const RapatMeeting *m, const RapatAgendaItem *it, gint64 start,
               const char *related_uid)
{
  icalcomponent *ev = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = session_uid (m->uid, it->id);
  g_autoptr(GString) desc = g_string_new (NULL);

  add_identity (w, ev, uid, m->created_at, MAX (m->updated_at, it->updated_at));
  /* Each rises on its own: the meeting's with its time and status, the
   * item's when the agenda moves it or it changes room. */
  icalcomponent_add_property (ev, icalproperty_new_sequence (
    (int) cancel_sequence (w, m, m->sequence + it->sequence)));
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
  /* The meeting's own event already holds the time: its sessions must not
   * count it busy twice in free/busy lookups. */
  icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (ev, icalproperty_new_relatedto (related_uid != NULL ? related_uid
                                                                                  : m->uid));
  add_organizer (w, ev, m);
  return ev;
}

/* Adds a reminder (VALARM, DISPLAY) @before seconds ahead of the start. */
static void
add_alarm (icalcomponent *ev, gint64 before, const char *title)
{
  icalcomponent *alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  struct icaltriggertype trigger = icaltriggertype_from_int ((int) -before);

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (title));
  icalcomponent_add_component (ev, alarm);
}

/* Checks what a meeting's event says of it. */
static void
check_meeting (RapatIcsWriter *w, const RapatMeeting *m)
{
  check_value (w, N_("meeting"), m->id, N_("uid"), m->uid, VALUE_ADDRESS);
  check_value (w, N_("meeting"), m->id, N_("title"), m->title, VALUE_TEXT);
  check_value (w, N_("meeting"), m->id, N_("kind"), m->kind, VALUE_TEXT);
  check_value (w, N_("meeting"), m->id, N_("location"), m->location, VALUE_TEXT);
  check_value (w, N_("meeting"), m->id, N_("description"), m->description, VALUE_TEXT);
  check_value (w, N_("meeting"), m->id, N_("reason"), m->cancel_reason, VALUE_TEXT);
  check_value (w, N_("meeting"), m->id, N_("link"), m->url, VALUE_ADDRESS);
  check_value (w, N_("meeting"), m->id, N_("zone"), m->tzid, VALUE_ADDRESS);
  check_instant (w, N_("meeting"), m->id, N_("start"), m->start_utc);
  check_instant (w, N_("meeting"), m->id, N_("end"), m->end_utc);
}

/* How a VEVENT belongs to a recurring series. */
typedef struct {
  const char *uid;           /* the series' UID, written instead of the meeting's */
  const char *rrule;         /* for the master event: its RRULE */
  GArray *exdates;           /* for the master event: starts (gint64) left out, or NULL */
  gint64 recurrence_utc;     /* for an instance: the start the rule gave it, else 0 */
  const char *recurrence_tz; /* the series' zone, in which RECURRENCE-ID and EXDATE are written */
  gint64 sequence;           /* SEQUENCE (before a cancellation's rise) */
  gint64 modified;           /* LAST-MODIFIED, or 0 for the meeting's */
} RapatIcsRecurrence;

void
rapat_ics_writer_set_imported (RapatIcsWriter *w, RapatIcsImportedFunc func, gpointer data)
{
  w->imported = func;
  w->imported_data = data;
}

/* Returns the ATTENDEE ROLE for a role rapat names ("chair", ...). */
static icalparameter_role
role_named (const char *role)
{
  int r;

  if (role == NULL || !rapat_enum_parse (&rapat_role_enum, role, &r, NULL))
    return ICAL_ROLE_REQPARTICIPANT;
  return ical_role (r);
}

/* Returns the CUTYPE rapat names @cutype ("individual", "room", ...). */
static icalparameter_cutype
cutype_named (const char *cutype)
{
  if (cutype == NULL || strcmp (cutype, "individual") == 0)
    return ICAL_CUTYPE_INDIVIDUAL;
  if (strcmp (cutype, "group") == 0)
    return ICAL_CUTYPE_GROUP;
  if (strcmp (cutype, "resource") == 0)
    return ICAL_CUTYPE_RESOURCE;
  if (strcmp (cutype, "room") == 0)
    return ICAL_CUTYPE_ROOM;
  return ICAL_CUTYPE_UNKNOWN;
}

/* Returns the PARTSTAT rapat names @partstat ("needs-action", ...). */
static icalparameter_partstat
partstat_named (const char *partstat)
{
  if (partstat == NULL)
    return ICAL_PARTSTAT_NEEDSACTION;
  if (strcmp (partstat, "accepted") == 0)
    return ICAL_PARTSTAT_ACCEPTED;
  if (strcmp (partstat, "declined") == 0)
    return ICAL_PARTSTAT_DECLINED;
  if (strcmp (partstat, "tentative") == 0)
    return ICAL_PARTSTAT_TENTATIVE;
  if (strcmp (partstat, "delegated") == 0)
    return ICAL_PARTSTAT_DELEGATED;
  return ICAL_PARTSTAT_NEEDSACTION;
}

/* Adds to @ev what meeting @m brought from another calendar: its external
 * invitees and the properties and components rapat does not model (its
 * alarms only when this export sets none and the meeting, @cancelled when
 * it is, goes ahead). */
static gboolean
add_imported (RapatIcsWriter *w, icalcomponent *ev, const RapatMeeting *m, gboolean cancelled,
              GError **error)
{
  RapatIcsImported im = { NULL, NULL };
  gboolean has_organizer = m->organizer_id != 0;

  if (w->imported == NULL)
    return TRUE;
  if (!w->imported (m, &im, w->imported_data, error))
    return FALSE;
  for (guint i = 0; im.externals != NULL && i < im.externals->len; i++)
    {
      const RapatExternal *e = im.externals->pdata[i];
      icalproperty *p;

      check_value (w, N_("meeting"), m->id, N_("e-mail"), e->address, VALUE_ADDRESS);
      check_value (w, N_("meeting"), m->id, N_("name"), e->name, VALUE_TEXT);
      check_value (w, N_("meeting"), m->id, N_("e-mail"), e->delegated_to, VALUE_TEXT);
      check_value (w, N_("meeting"), m->id, N_("e-mail"), e->delegated_from, VALUE_TEXT);
      if (e->organizer)
        {
          if (has_organizer)
            continue;
          has_organizer = TRUE;
          p = icalproperty_new_organizer (e->address);
          if (e->name != NULL)
            icalproperty_add_parameter (p, cn_parameter (e->name));
          icalcomponent_add_property (ev, p);
          continue;
        }
      p = icalproperty_new_attendee (e->address);
      if (e->name != NULL)
        icalproperty_add_parameter (p, cn_parameter (e->name));
      icalproperty_add_parameter (p, icalparameter_new_cutype (cutype_named (e->cutype)));
      icalproperty_add_parameter (p, icalparameter_new_role (role_named (e->role)));
      icalproperty_add_parameter (p, icalparameter_new_partstat (partstat_named (e->partstat)));
      if (e->delegated_to != NULL)
        icalproperty_add_parameter (p, icalparameter_new_delegatedto (e->delegated_to));
      else if (w->method == RAPAT_ICS_REQUEST
               && partstat_named (e->partstat) == ICAL_PARTSTAT_NEEDSACTION)
        icalproperty_add_parameter (p, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
      if (e->delegated_from != NULL)
        icalproperty_add_parameter (p, icalparameter_new_delegatedfrom (e->delegated_from));
      icalcomponent_add_property (ev, p);
    }
  if (im.extra != NULL)
    {
      g_autofree char *text = g_strconcat ("BEGIN:VEVENT\r\n", im.extra, "END:VEVENT\r\n",
                                           NULL);
      g_autoptr(icalcomponent) kept = icalparser_parse_string (text);
      icalproperty *p;
      icalcomponent *c;
      gboolean drop_alarms;

      while (kept != NULL
             && (p = icalcomponent_get_first_property (kept, ICAL_ANY_PROPERTY)) != NULL)
        {
          icalcomponent_remove_property (kept, p);
          icalcomponent_add_property (ev, p);
        }
      /* The alarms the calendar came with are written back unless this
       * export sets its own (--alarm: the reminders asked for, not two of
       * each) or the meeting is cancelled (no reminder of what will not
       * happen, as rapat's own alarms). */
      drop_alarms = w->cal->n_alarms > 0 || cancelled;
      while (kept != NULL
             && (c = icalcomponent_get_first_component (kept, ICAL_ANY_COMPONENT)) != NULL)
        {
          icalcomponent_remove_component (kept, c);
          if (drop_alarms && icalcomponent_isa (c) == ICAL_VALARM_COMPONENT)
            icalcomponent_free (c);
          else
            icalcomponent_add_component (ev, c);
        }
    }
  g_free (im.extra);
  if (im.externals != NULL)
    g_ptr_array_unref (im.externals);
  return TRUE;
}

/* Builds the VEVENT of meeting @m; @r, if not NULL, makes it a series'
 * master or one of its instances.  NULL with @error set when a value
 * cannot be written safely. */
static icalcomponent *
meeting_event (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
               GPtrArray *attendees, const RapatIcsRecurrence *r, GError **error)
{
  g_autoptr(icalcomponent) ev = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *desc = NULL;
  gint64 sequence = r != NULL ? r->sequence : m->sequence;
  gint64 modified = r != NULL && r->modified != 0 ? r->modified : m->updated_at;
  icalproperty_status status = meeting_status (w, m);

  check_meeting (w, m);
  if (r != NULL)
    check_value (w, N_("series of meeting"), m->id, N_("uid"), r->uid, VALUE_ADDRESS);
  desc = meeting_description (w, m, agenda);
  add_identity (w, ev, r != NULL ? r->uid : m->uid, m->created_at, modified);
  icalcomponent_add_property (ev, icalproperty_new_sequence ((int) cancel_sequence (w, m, sequence)));
  add_time (ev, ICAL_DTSTART_PROPERTY, m->start_utc, m->tzid);
  add_time (ev, ICAL_DTEND_PROPERTY, m->end_utc, m->tzid);
  if (r != NULL && r->rrule != NULL)
    {
      struct icalrecurrencetype rt = icalrecurrencetype_from_string (r->rrule);
      icalproperty *rule = icalproperty_new_rrule (rt);

      /* The parsed RSCALE is the caller's to free (the property has its copy). */
      free (rt.rscale);

      check_value (w, N_("meeting"), m->id, N_("rule"), r->rrule, VALUE_ADDRESS);
      icalcomponent_add_property (ev, rule);
      for (guint i = 0; r->exdates != NULL && i < r->exdates->len; i++)
        add_time (ev, ICAL_EXDATE_PROPERTY, g_array_index (r->exdates, gint64, i),
                  r->recurrence_tz != NULL ? r->recurrence_tz : m->tzid);
    }
  /* RECURRENCE-ID is the start the rule gave the instance, in the series'
   * zone: how apps match it with the instance of the master's rule. */
  if (r != NULL && r->recurrence_utc != 0)
    add_time (ev, ICAL_RECURRENCEID_PROPERTY, r->recurrence_utc,
              r->recurrence_tz != NULL ? r->recurrence_tz : m->tzid);
  icalcomponent_add_property (ev, icalproperty_new_summary (m->title));
  if (m->location != NULL)
    icalcomponent_add_property (ev, icalproperty_new_location (m->location));
  if (desc != NULL)
    icalcomponent_add_property (ev, icalproperty_new_description (desc));
  if (m->url != NULL)
    {
      icalproperty *conf = icalproperty_new_conference (m->url);

      icalcomponent_add_property (ev, icalproperty_new_url (m->url));
      /* RFC 7986: where and how to join. */
      icalproperty_add_parameter (conf, icalparameter_new_value (ICAL_VALUE_URI));
      /* FEATURE is one parameter with a list; VIDEO says enough of a
       * meeting link (and libical cannot write the list). */
      icalproperty_add_parameter (conf, icalparameter_new_feature (ICAL_FEATURE_VIDEO));
      icalcomponent_add_property (ev, conf);
    }
  add_category (ev, m->kind);
  icalcomponent_add_property (ev, icalproperty_new_status (status));
  if (status == ICAL_STATUS_CANCELLED && m->cancel_reason != NULL)
    icalcomponent_add_property (ev, icalproperty_new_comment (m->cancel_reason));
  icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  add_organizer (w, ev, m);
  add_attendees (w, ev, attendees);
  if (!add_imported (w, ev, m, status == ICAL_STATUS_CANCELLED, error))
    return NULL;
  for (guint i = 0; status != ICAL_STATUS_CANCELLED && i < w->cal->n_alarms; i++)
    add_alarm (ev, w->cal->alarms[i], m->title);
  if (!values_ok (w, error))
    return NULL;
  return g_steal_pointer (&ev);
}

/* Writes the VEVENT of meeting @m; @r, if not NULL, makes it a series'
 * master or one of its instances. */
static gboolean
write_event (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda, GPtrArray *attendees,
             const RapatIcsRecurrence *r, GError **error)
{
  g_autoptr(icalcomponent) ev = meeting_event (w, m, agenda, attendees, r, error);

  if (ev == NULL)
    return FALSE;
  emit_component (w->out, ev);
  return check_stream (w, error);
}

gboolean
rapat_ics_write_instance (RapatIcsWriter *w, const RapatSeries *series, const RapatMeeting *o,
                          GPtrArray *agenda, GPtrArray *attendees, GError **error)
{
  RapatIcsRecurrence r = { series->uid, NULL, NULL, o->recurrence_utc, series->tzid,
                           series->sequence + o->sequence, 0 };

  return write_event (w, o, agenda, attendees, &r, error);
}

gboolean
rapat_ics_write_series (RapatIcsWriter *w, const RapatIcsSeries *s, GError **error)
{
  RapatIcsRecurrence r = { s->series->uid, s->series->rrule, s->exdates, 0, s->series->tzid,
                           s->series->sequence, s->series->updated_at };

  if (!write_event (w, s->master, s->agenda, s->attendees, &r, error))
    return FALSE;
  if (w->method == RAPAT_ICS_CANCEL)
    return TRUE;
  for (guint i = 0; s->exceptions != NULL && i < s->exceptions->len; i++)
    {
      const RapatIcsOccurrence *o = s->exceptions->pdata[i];

      if (!rapat_ics_write_instance (w, s->series, o->meeting, o->agenda, o->attendees, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapat_ics_write_sessions (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                          const char *related_uid, GError **error)
{
  g_autofree gint64 *starts = g_new (gint64, agenda->len + 1);

  rapat_agenda_schedule (m, agenda, starts);
  check_meeting (w, m);
  for (guint i = 0; i < agenda->len; i++)
    {
      g_autoptr(icalcomponent) s = NULL;

      check_item (w, agenda->pdata[i]);
      check_instant (w, N_("agenda item"), ((RapatAgendaItem *) agenda->pdata[i])->id,
                     N_("start"), starts[i]);
      if (!values_ok (w, error))
        return FALSE;
      s = session_event (w, m, agenda->pdata[i], starts[i], related_uid);
      if (!values_ok (w, error))
        return FALSE;
      emit_component (w->out, s);
    }
  return check_stream (w, error);
}

gboolean
rapat_ics_write_meeting (RapatIcsWriter *w, const RapatMeeting *m, GPtrArray *agenda,
                         GPtrArray *attendees, gboolean sessions, GError **error)
{
  if (!write_event (w, m, agenda, attendees, NULL, error))
    return FALSE;
  return !sessions || rapat_ics_write_sessions (w, m, agenda, NULL, error);
}

gboolean
rapat_ics_write_action (RapatIcsWriter *w, const RapatAction *a, const RapatMeeting *m,
                        const char *related_uid, GError **error)
{
  g_autoptr(icalcomponent) todo = icalcomponent_new (ICAL_VTODO_COMPONENT);
  icalproperty_status status;
  icalproperty *owner;
  int priority = a->priority == RAPAT_PRIORITY_HIGH ? 1 : a->priority == RAPAT_PRIORITY_LOW ? 9 : 5;

  check_value (w, N_("action"), a->id, N_("uid"), a->uid, VALUE_ADDRESS);
  check_value (w, N_("action"), a->id, N_("title"), a->title, VALUE_TEXT);
  check_value (w, N_("action"), a->id, N_("description"), a->description, VALUE_TEXT);
  check_value (w, N_("action"), a->id, N_("owner"), a->owner_name, VALUE_TEXT);
  check_value (w, N_("action"), a->id, N_("e-mail"), a->owner_email, VALUE_ADDRESS);
  check_value (w, N_("action"), a->id, N_("issue"), a->issue_title, VALUE_TEXT);
  check_value (w, N_("action"), a->id, N_("due"), a->due, VALUE_ADDRESS);
  if (!values_ok (w, error))
    return FALSE;
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
      icalcomponent_add_property (todo, icalproperty_new_relatedto (related_uid != NULL
                                                                    ? related_uid : m->uid));
      add_organizer (w, todo, m);
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
  if (a->owner_name != NULL)
    icalproperty_add_parameter (owner, cn_parameter (a->owner_name));
  icalproperty_add_parameter (owner, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
  icalcomponent_add_property (todo, owner);
  if (!values_ok (w, error))
    return FALSE;
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
  if (w == NULL)
    return;
  g_clear_error (&w->bad);
  g_free (w->owned_name);
  g_free (w);
}
