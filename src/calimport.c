/* rapat — calendars from other programs read into meetings (domain layer). */
#include "calimport.h"
#include "ical.h"
#include "meeting.h"
#include "recur.h"
#include "store-import.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

#include <stdlib.h>
#include <string.h>

/* The table make builds from data/windows-zones.tsv. */
extern const char *const rapat_windows_zones[][2];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* A zone a TZID of the calendar names, as rapat resolved it. */
typedef struct {
  char *tzid;                 /* the IANA name (or offset) rapat keeps, or NULL: UTC */
  GTimeZone *tz;              /* that zone, or NULL */
  icaltimezone *ical;         /* the calendar's VTIMEZONE (borrowed), when tz is NULL */
} Zone;

/* One calendar being imported. */
typedef struct {
  RapatStore *store;
  const RapatCalimportOptions *opt;
  gint64 now;
  const char *source;
  RapatCalimportSummary *summary;
  icalcomponent *vcal;        /* the VCALENDAR being read */
  GHashTable *zones;          /* TZID -> Zone, of the current VCALENDAR */
  GTimeZone *float_tz;        /* the zone of floating times */
  char *float_tzid;
  char *cal_tzid;             /* X-WR-TIMEZONE when rapat knows it, for UTC times */
  gboolean used_float;        /* a time was read in --tz since this was cleared */
  GHashTable *people;         /* address, ASCII lower case -> gint64 person id (0: nobody):
                               * each address looked up once per file */
} Import;

/* One VEVENT of a UID, read. */
typedef struct {
  icalcomponent *ev;          /* parsed alone from its text, or NULL */
  char *text;                 /* that text */
  guint line;
  gboolean has_rid;
  gint64 rid;                 /* RECURRENCE-ID, when has_rid */
  gboolean all_day;
  RapatMeeting *m;
  GPtrArray *attendees;       /* RapatAttendee */
  GPtrArray *externals;       /* RapatExternal */
  char *extra;                /* properties rapat does not model, folded, or NULL */
  char *rrule;
  GArray *exdates;            /* gint64 */
  GArray *rdates;             /* gint64 */
  gint64 sequence;
  gint64 stamp;               /* LAST-MODIFIED, else DTSTAMP, else 0 */
  gboolean floating;          /* a time of it was read in --tz */
  gboolean people;            /* it names an ORGANIZER or ATTENDEE */
} Item;

/* Frees a zone. */
static void
zone_free (Zone *z)
{
  g_free (z->tzid);
  if (z->tz != NULL)
    g_time_zone_unref (z->tz);
  g_free (z);
}

/* Frees an item. */
static void
item_free (Item *it)
{
  if (it->ev != NULL)
    icalcomponent_free (it->ev);
  g_free (it->text);
  rapat_meeting_free (it->m);
  g_clear_pointer (&it->attendees, g_ptr_array_unref);
  g_clear_pointer (&it->externals, g_ptr_array_unref);
  g_free (it->extra);
  g_free (it->rrule);
  g_clear_pointer (&it->exdates, g_array_unref);
  g_clear_pointer (&it->rdates, g_array_unref);
  g_free (it);
}

void
rapat_calimport_summary_init (RapatCalimportSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  summary->notes = g_ptr_array_new_with_free_func (g_free);
  summary->changes = g_ptr_array_new_with_free_func (g_free);
}

void
rapat_calimport_summary_clear (RapatCalimportSummary *summary)
{
  g_clear_pointer (&summary->notes, g_ptr_array_unref);
  g_clear_pointer (&summary->changes, g_ptr_array_unref);
}

/* Keeps the note @format says, prefixed by the source. */
static void G_GNUC_PRINTF (2, 3)
note (Import *im, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (im->summary->notes, g_strdup_printf ("%s: %s", im->source, text));
}

const char *
rapat_calimport_windows_zone (const char *name)
{
  for (guint i = 0; rapat_windows_zones[i][0] != NULL; i++)
    if (g_ascii_strcasecmp (rapat_windows_zones[i][0], name) == 0)
      return rapat_windows_zones[i][1];
  return NULL;
}

/* Returns @name loaded when it is an IANA zone (an Area/City name, or
 * UTC), storing its canonical name in @canonical; else NULL. */
static GTimeZone *
iana_zone (const char *name, char **canonical)
{
  if (strchr (name, '/') == NULL && g_ascii_strcasecmp (name, "UTC") != 0)
    return NULL;
  if (strchr (name, ' ') != NULL)
    return NULL;
  return rapat_time_zone_load (name, canonical, NULL);
}

/* Returns TRUE when the calendar's zone @ical gives the offsets of @tz on
 * the 15th of each month at noon, local time, of the years around @year:
 * a VTIMEZONE of its own that is that IANA zone under another name. */
static gboolean
same_offsets (icaltimezone *ical, GTimeZone *tz, int year)
{
  for (int y = year - 1; y <= year + 1; y++)
    for (int mo = 1; mo <= 12; mo++)
      {
        struct icaltimetype t = icaltime_null_time ();
        int is_dst = 0;
        int off;
        gint64 utc;
        int interval;

        t.year = y;
        t.month = mo;
        t.day = 15;
        t.hour = 12;
        off = icaltimezone_get_utc_offset (ical, &t, &is_dst);
        utc = (gint64) icaltime_as_timet_with_zone (t, ical);
        interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
        if (interval < 0 || g_time_zone_get_offset (tz, interval) != off)
          return FALSE;
      }
  return TRUE;
}

/* Returns TRUE when zones @a and @b give the same offsets on the 15th of
 * each month of the years around @year. */
static gboolean
same_zone (GTimeZone *a, GTimeZone *b, int year)
{
  for (int y = year - 1; y <= year + 1; y++)
    for (int mo = 1; mo <= 12; mo++)
      {
        g_autoptr(GDateTime) t = g_date_time_new_utc (y, mo, 15, 12, 0, 0);
        gint64 utc = t != NULL ? g_date_time_to_unix (t) : 0;
        int ia = g_time_zone_find_interval (a, G_TIME_TYPE_UNIVERSAL, utc);
        int ib = g_time_zone_find_interval (b, G_TIME_TYPE_UNIVERSAL, utc);

        if (ia < 0 || ib < 0 || g_time_zone_get_offset (a, ia) != g_time_zone_get_offset (b, ib))
          return FALSE;
      }
  return TRUE;
}

/* Resolves the TZID @tzid of the current calendar (see rapat_calimport()):
 * an IANA name, one after a prefix ("/mozilla.org/20050126_1/Europe/Berlin"),
 * a Windows name through CLDR's table, or a VTIMEZONE of the calendar
 * whose offsets are those of an IANA zone; else the VTIMEZONE alone (the
 * meeting is then kept in UTC).  NULL when none of these reads it. */
static Zone *
resolve_zone (Import *im, const char *tzid, int year)
{
  Zone *z = g_hash_table_lookup (im->zones, tzid);
  g_autofree char *canonical = NULL;
  GTimeZone *tz;
  const char *win;
  icaltimezone *ical;

  if (z != NULL)
    return z;
  tz = iana_zone (tzid, &canonical);
  for (const char *p = tzid; tz == NULL && (p = strchr (p, '/')) != NULL; p++)
    if (strchr (p + 1, '/') != NULL)
      tz = iana_zone (p + 1, &canonical);
  win = tz == NULL ? rapat_calimport_windows_zone (tzid) : NULL;
  if (win != NULL)
    {
      tz = rapat_time_zone_load (win, &canonical, NULL);
      /* Windows names a zone for several places ("SE Asia Standard Time":
       * Bangkok, Jakarta, Hanoi); when --tz (the user's zone) keeps the same
       * time, the meeting is theirs and shows in their zone (WIB). */
      if (tz != NULL && same_zone (tz, im->float_tz, year))
        {
          g_time_zone_unref (tz);
          tz = g_time_zone_ref (im->float_tz);
          g_free (canonical);
          canonical = g_strdup (im->float_tzid);
        }
      if (tz != NULL)
        note (im, _("zone '%s': Windows' name for %s"), tzid, canonical);
    }
  ical = icalcomponent_get_timezone (im->vcal, tzid);
  if (tz == NULL && ical != NULL)
    {
      /* Indonesia's zones first: rapat's users meet there. */
      static const char *const near[] = { "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura" };

      for (guint i = 0; tz == NULL && i < G_N_ELEMENTS (near); i++)
        if ((tz = rapat_time_zone_load (near[i], NULL, NULL)) != NULL
            && !same_offsets (ical, tz, year))
          g_clear_pointer (&tz, g_time_zone_unref);
        else if (tz != NULL)
          canonical = g_strdup (near[i]);
      for (guint i = 0; tz == NULL && rapat_windows_zones[i][0] != NULL; i++)
        if ((tz = rapat_time_zone_load (rapat_windows_zones[i][1], NULL, NULL)) != NULL
            && !same_offsets (ical, tz, year))
          g_clear_pointer (&tz, g_time_zone_unref);
        else if (tz != NULL)
          canonical = g_strdup (rapat_windows_zones[i][1]);
      if (tz != NULL)
        note (im, _("zone '%s': its VTIMEZONE has the offsets of %s, which rapat keeps"),
              tzid, canonical);
    }
  if (tz == NULL && ical == NULL)
    ical = icaltimezone_get_builtin_timezone (tzid);
  if (tz == NULL && ical == NULL)
    return NULL;
  if (tz == NULL)
    note (im, _("zone '%s': not a zone rapat knows; its times are kept exact, in UTC"), tzid);
  z = g_new0 (Zone, 1);
  z->tzid = g_steal_pointer (&canonical);
  z->tz = tz;
  z->ical = tz == NULL ? ical : NULL;
  g_hash_table_insert (im->zones, g_strdup (tzid), z);
  return z;
}

/* Returns the name of @prop, a property of a time. */
static const char *
time_name (icalproperty *prop)
{
  switch (icalproperty_isa (prop))
    {
    case ICAL_DTSTART_PROPERTY: return "DTSTART";
    case ICAL_DTEND_PROPERTY: return "DTEND";
    case ICAL_RECURRENCEID_PROPERTY: return "RECURRENCE-ID";
    case ICAL_EXDATE_PROPERTY: return "EXDATE";
    case ICAL_RDATE_PROPERTY: return "RDATE";
    default: return "?";
    }
}

/* Stores in @out the instant the date-time @t of @prop means, and in
 * @tzid (may be NULL) the zone rapat keeps it in: its TZID's, the
 * calendar's for UTC (X-WR-TIMEZONE, else UTC), --tz for floating times.
 * A DATE is its midnight in --tz.  FALSE with @error for a zone rapat
 * cannot read. */
static gboolean
instant_of (Import *im, icalproperty *prop, struct icaltimetype t, gint64 *out,
            const char **tzid, GError **error)
{
  icalparameter *p = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  RapatLocalFields wall = { t.year, t.month, t.day, t.hour, t.minute, t.second };
  GTimeZone *tz = im->float_tz;
  const char *name = im->float_tzid;

  if (icaltime_is_null_time (t))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("a time rapat cannot read"));
      return FALSE;
    }
  /* libical keeps 30 February as it came; UTC arithmetic would make it
   * 1 March, a meeting on a day the file never named. */
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1
      || t.day > g_date_get_days_in_month (t.month, t.year)
      || (!t.is_date && (t.hour > 23 || t.minute > 59 || t.second > 59)))
    {
      char *v = icalproperty_get_value_as_string_r (prop);
      g_autofree char *ex = rapat_text_excerpt (v != NULL ? v : "");

      free (v);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("%s '%s': no such date or time"),
                   time_name (prop), ex);
      return FALSE;
    }
  if (t.is_date)
    wall.hour = wall.minute = wall.second = 0;
  else if (icaltime_is_utc (t))
    {
      *out = (gint64) icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
      if (tzid != NULL)
        *tzid = im->cal_tzid != NULL ? im->cal_tzid : "UTC";
      return TRUE;
    }
  else if (p != NULL && icalparameter_get_tzid (p) != NULL)
    {
      Zone *z = resolve_zone (im, icalparameter_get_tzid (p), t.year);

      if (z == NULL)
        {
          g_autofree char *ex = rapat_text_excerpt (icalparameter_get_tzid (p));
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("zone '%s': neither a VTIMEZONE of the file nor a zone rapat knows"),
                       ex);
          return FALSE;
        }
      if (z->tz == NULL)
        {
          *out = (gint64) icaltime_as_timet_with_zone (t, z->ical);
          if (tzid != NULL)
            *tzid = "UTC";
          return TRUE;
        }
      tz = z->tz;
      name = z->tzid;
    }
  if (name == im->float_tzid)
    im->used_float = TRUE;
  if (!rapat_time_from_wall (tz, &wall, NULL, out, NULL))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%04d-%02d-%02d: a date rapat cannot read"), t.year, t.month, t.day);
      return FALSE;
    }
  if (tzid != NULL)
    *tzid = name;
  return TRUE;
}

/* Returns @s made fit for a field of at most @max characters: control
 * characters become spaces (line breaks and tabs too, unless @multiline),
 * and what is beyond @max is cut at a character; *@cut says whether it was. */
static char *
clean_text (const char *s, glong max, gboolean multiline, gboolean *cut)
{
  GString *out = g_string_sized_new (strlen (s));
  glong n = 0;

  *cut = FALSE;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max)
        {
          *cut = TRUE;
          break;
        }
      if (c == '\r')
        continue;
      if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\t')))
        c = ' ';
      g_string_append_unichar (out, c);
      n++;
    }
  return g_string_free (out, FALSE);
}

/* Returns a rapat role for an ATTENDEE's ROLE. */
static RapatRole
role_of (icalproperty *p)
{
  icalparameter *r = icalproperty_get_first_parameter (p, ICAL_ROLE_PARAMETER);

  switch (r != NULL ? icalparameter_get_role (r) : ICAL_ROLE_REQPARTICIPANT)
    {
    case ICAL_ROLE_CHAIR: return RAPAT_ROLE_CHAIR;
    case ICAL_ROLE_OPTPARTICIPANT: return RAPAT_ROLE_OPTIONAL;
    case ICAL_ROLE_NONPARTICIPANT: return RAPAT_ROLE_OBSERVER;
    default: return RAPAT_ROLE_PARTICIPANT;
    }
}

/* Returns the PARTSTAT of @p as rapat names it ("needs-action", ...,
 * "delegated"); others (COMPLETED, IN-PROCESS) are needs-action. */
static const char *
partstat_of (icalproperty *p)
{
  icalparameter *ps = icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER);

  switch (ps != NULL ? icalparameter_get_partstat (ps) : ICAL_PARTSTAT_NEEDSACTION)
    {
    case ICAL_PARTSTAT_ACCEPTED: return "accepted";
    case ICAL_PARTSTAT_DECLINED: return "declined";
    case ICAL_PARTSTAT_TENTATIVE: return "tentative";
    case ICAL_PARTSTAT_DELEGATED: return "delegated";
    default: return "needs-action";
    }
}

/* Returns the CUTYPE of @p as rapat keeps it ("individual", "group",
 * "resource", "room", "unknown"); an unknown or X- name is "unknown", as
 * RFC 5545 says to treat it. */
static const char *
cutype_of (icalproperty *p)
{
  icalparameter *c = icalproperty_get_first_parameter (p, ICAL_CUTYPE_PARAMETER);

  switch (c != NULL ? icalparameter_get_cutype (c) : ICAL_CUTYPE_INDIVIDUAL)
    {
    case ICAL_CUTYPE_INDIVIDUAL: return "individual";
    case ICAL_CUTYPE_GROUP: return "group";
    case ICAL_CUTYPE_RESOURCE: return "resource";
    case ICAL_CUTYPE_ROOM: return "room";
    default: return "unknown";
    }
}

/* Returns the text of parameter @kind of @p, or NULL. */
static const char *
param_text (icalproperty *p, icalparameter_kind kind)
{
  icalparameter *par = icalproperty_get_first_parameter (p, kind);

  if (par == NULL)
    return NULL;
  switch (kind)
    {
    case ICAL_CN_PARAMETER: return icalparameter_get_cn (par);
    case ICAL_DELEGATEDTO_PARAMETER: return icalparameter_get_delegatedto (par);
    case ICAL_DELEGATEDFROM_PARAMETER: return icalparameter_get_delegatedfrom (par);
    default: return NULL;
    }
}

/* Keeps @id as the person of the address @key (taken).  An office's
 * calendar names a few thousand addresses; past 10,000 the table starts
 * again, so that memory stays flat on any file. */
static void
remember_person (Import *im, char *key, gint64 id)
{
  if (g_hash_table_size (im->people) >= 10000)
    g_hash_table_remove_all (im->people);
  g_hash_table_insert (im->people, key, g_memdup2 (&id, sizeof id));
}

/* Finds the person an address (@value, "mailto:" or not) names, by e-mail
 * in any case; with --add-people, adds one (named @cn, else the address)
 * when the address is an e-mail nobody has.  Stores the id, or 0, in @id. */
static gboolean
find_person (Import *im, const char *value, const char *cn, gint64 *id, GError **error)
{
  g_autofree char *address = rapat_itip_address (value);
  g_autofree char *key = NULL;
  g_autoptr(RapatPerson) person = NULL;
  const gint64 *known;
  gboolean cut;

  *id = 0;
  if (address == NULL || strchr (address, '@') == NULL
      || g_ascii_strncasecmp (value, "urn:", 4) == 0)
    return TRUE;
  key = g_ascii_strdown (address, -1);
  known = g_hash_table_lookup (im->people, key);
  if (known != NULL)
    {
      *id = *known;
      return TRUE;
    }
  *id = rapat_store_person_find_email (im->store, address, error);
  if (*id < 0)
    return FALSE;
  if (*id > 0 || !im->opt->add_people || !rapat_email_check (address, NULL))
    {
      remember_person (im, g_steal_pointer (&key), *id);
      return TRUE;
    }
  person = g_new0 (RapatPerson, 1);
  person->name = clean_text (cn != NULL && *cn != '\0' ? cn : address, RAPAT_MAX_NAME, FALSE,
                             &cut);
  g_strstrip (person->name);
  if (*person->name == '\0')
    {
      g_free (person->name);
      person->name = g_strdup (address);
    }
  person->email = g_steal_pointer (&address);
  if (!rapat_store_person_insert (im->store, person, error))
    return FALSE;
  im->summary->people_added++;
  note (im, _("person '%s' <%s> added to the directory"), person->name, person->email);
  *id = person->id;
  remember_person (im, g_steal_pointer (&key), *id);
  return TRUE;
}

/* Returns @address as a URI can hold it: GroupWise writes a room as
 * "MAILTO:CET Meeting Room@university.edu", and a space (or a tab) is no
 * part of a URI, so it is written %20 as the sender meant. */
static char *
uri_text (const char *address)
{
  GString *s = g_string_sized_new (strlen (address) + 8);

  for (const char *p = address; *p != '\0' && s->len < 494; p++)
    if (*p == ' ' || *p == '\t')
      g_string_append_printf (s, "%%%02X", (unsigned) *p);
    else
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* Returns an external invitee of @p (ORGANIZER when @organizer). */
static RapatExternal *
external_new (icalproperty *p, const char *address, gboolean organizer)
{
  RapatExternal *e = g_new0 (RapatExternal, 1);
  const char *cn = param_text (p, ICAL_CN_PARAMETER);
  const char *to = param_text (p, ICAL_DELEGATEDTO_PARAMETER);
  const char *from = param_text (p, ICAL_DELEGATEDFROM_PARAMETER);
  gboolean cut;

  e->organizer = organizer;
  e->address = uri_text (address);
  e->name = cn != NULL && *cn != '\0' ? clean_text (cn, RAPAT_MAX_NAME, FALSE, &cut) : NULL;
  e->role = g_strdup (organizer ? "chair"
                      : rapat_enum_name (&rapat_role_enum, role_of (p)));
  e->partstat = g_strdup (organizer ? "accepted" : partstat_of (p));
  e->delegated_to = to != NULL ? g_strndup (to, 500) : NULL;
  e->delegated_from = from != NULL ? g_strndup (from, 500) : NULL;
  e->cutype = g_strdup (organizer ? "individual" : cutype_of (p));
  return e;
}

/* Reads the ORGANIZER and ATTENDEEs of @it: people the directory knows
 * become the organizer and invitations, others external invitees. */
static gboolean
read_people (Import *im, Item *it, GError **error)
{
  g_autoptr(GPtrArray) props = g_ptr_array_new ();
  icalproperty *p;

  for (p = icalcomponent_get_first_property (it->ev, ICAL_ANY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (it->ev, ICAL_ANY_PROPERTY))
    if (icalproperty_isa (p) == ICAL_ORGANIZER_PROPERTY
        || icalproperty_isa (p) == ICAL_ATTENDEE_PROPERTY)
      g_ptr_array_add (props, p);
  it->people = props->len > 0;
  for (guint i = 0; i < props->len; i++)
    {
      gboolean organizer;
      const char *value;
      const char *partstat;
      gint64 id = 0, stand_in = 0;

      p = props->pdata[i];
      organizer = icalproperty_isa (p) == ICAL_ORGANIZER_PROPERTY;
      value = organizer ? icalproperty_get_organizer (p) : icalproperty_get_attendee (p);
      if (value == NULL || *value == '\0')
        continue;
      partstat = organizer ? "accepted" : partstat_of (p);
      /* A room, a projector or a mailing list is no one of the directory:
       * kept as it came, never added as a person. */
      if ((organizer || strcmp (cutype_of (p), "individual") == 0)
          && !find_person (im, value, param_text (p, ICAL_CN_PARAMETER), &id, error))
        return FALSE;
      /* One represented needs a stand-in rapat knows; else the delegation
       * is kept as it came, on an external invitee. */
      if (id > 0 && strcmp (partstat, "delegated") == 0)
        {
          const char *to = param_text (p, ICAL_DELEGATEDTO_PARAMETER);
          g_auto(GStrv) first = to != NULL ? g_strsplit (to, ",", 2) : NULL;

          if (first != NULL && first[0] != NULL
              && !find_person (im, first[0], NULL, &stand_in, error))
            return FALSE;
          if (stand_in == 0 || stand_in == id)
            id = 0;
        }
      if (id > 0 && organizer && it->m->organizer_id == 0)
        it->m->organizer_id = id;
      else if (id > 0 && !organizer)
        {
          RapatAttendee *a;
          gboolean dup = FALSE;

          for (guint j = 0; j < it->attendees->len && !dup; j++)
            dup = ((RapatAttendee *) it->attendees->pdata[j])->person_id == id;
          if (dup)
            continue;
          a = g_new0 (RapatAttendee, 1);
          a->person_id = id;
          a->role = role_of (p);
          a->attendance = RAPAT_ATTENDANCE_NONE;
          a->rsvp = strcmp (partstat, "accepted") == 0 ? RAPAT_RSVP_ACCEPTED
                    : strcmp (partstat, "declined") == 0 ? RAPAT_RSVP_DECLINED
                    : strcmp (partstat, "tentative") == 0 ? RAPAT_RSVP_TENTATIVE
                    : RAPAT_RSVP_NEEDS_ACTION;
          if (stand_in > 0)
            {
              a->rsvp = RAPAT_RSVP_DECLINED;
              a->attendance = RAPAT_ATTENDANCE_REPRESENTED;
              a->stand_in_id = stand_in;
            }
          g_ptr_array_add (it->attendees, a);
        }
      else if (id == 0)
        g_ptr_array_add (it->externals, external_new (p, value, organizer));
    }
  return TRUE;
}

/* Returns TRUE when property @p is one rapat reads into the meeting (so it
 * is not kept as text): @kind_taken says CATEGORIES became the kind, and
 * @url the meeting's link. */
static gboolean
modelled (icalproperty *p, gboolean kind_taken, const char *url, gboolean cancelled)
{
  switch (icalproperty_isa (p))
    {
    case ICAL_UID_PROPERTY: case ICAL_DTSTAMP_PROPERTY: case ICAL_DTSTART_PROPERTY:
    case ICAL_DTEND_PROPERTY: case ICAL_DURATION_PROPERTY: case ICAL_SEQUENCE_PROPERTY:
    case ICAL_SUMMARY_PROPERTY: case ICAL_DESCRIPTION_PROPERTY: case ICAL_LOCATION_PROPERTY:
    case ICAL_STATUS_PROPERTY: case ICAL_ORGANIZER_PROPERTY: case ICAL_ATTENDEE_PROPERTY:
    case ICAL_RRULE_PROPERTY: case ICAL_RDATE_PROPERTY: case ICAL_EXDATE_PROPERTY:
    case ICAL_RECURRENCEID_PROPERTY: case ICAL_CREATED_PROPERTY:
    case ICAL_LASTMODIFIED_PROPERTY: case ICAL_XLICERROR_PROPERTY:
      return TRUE;
    case ICAL_CATEGORIES_PROPERTY:
      return kind_taken;
    case ICAL_URL_PROPERTY:
      return url != NULL;
    case ICAL_CONFERENCE_PROPERTY:
      return url != NULL && icalproperty_get_conference (p) != NULL
             && strcmp (icalproperty_get_conference (p), url) == 0;
    case ICAL_TRANSP_PROPERTY:
      return icalproperty_get_transp (p) == ICAL_TRANSP_OPAQUE;
    case ICAL_COMMENT_PROPERTY:
      return cancelled;
    default:
      return FALSE;
    }
}

/* Reads the times of @it: DTSTART, DTEND or DURATION (none: an hour, with
 * a note), RECURRENCE-ID, EXDATE and RDATE. */
static gboolean
read_times (Import *im, Item *it, const char *uid_ex, GError **error)
{
  icalproperty *ps = icalcomponent_get_first_property (it->ev, ICAL_DTSTART_PROPERTY);
  icalproperty *pe = icalcomponent_get_first_property (it->ev, ICAL_DTEND_PROPERTY);
  icalproperty *pd = icalcomponent_get_first_property (it->ev, ICAL_DURATION_PROPERTY);
  icalproperty *pr = icalcomponent_get_first_property (it->ev, ICAL_RECURRENCEID_PROPERTY);
  RapatMeeting *m = it->m;
  struct icaltimetype start;
  const char *tzid = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (ps == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("no DTSTART"));
      return FALSE;
    }
  start = icalproperty_get_dtstart (ps);
  it->all_day = start.is_date;
  if (!instant_of (im, ps, start, &m->start_utc, &tzid, error))
    return FALSE;
  m->tzid = g_strdup (tzid);
  if (pe != NULL)
    {
      struct icaltimetype end = icalproperty_get_dtend (pe);

      if (!instant_of (im, pe, end, &m->end_utc, NULL, error))
        return FALSE;
    }
  else if (pd != NULL)
    m->end_utc = m->start_utc + icaldurationtype_as_int (icalproperty_get_duration (pd));
  else if (it->all_day)
    m->end_utc = m->start_utc + 86400;
  else
    {
      m->end_utc = m->start_utc + 3600;
      note (im, _("event '%s': no end; it is taken to last an hour"), uid_ex);
    }
  /* DTEND at DTSTART is an instant, as an event without end is (RFC 5545
   * 3.6.1; Google writes them): a meeting lasts, so an hour as well. */
  if (pe != NULL && !it->all_day && m->end_utc == m->start_utc)
    {
      m->end_utc = m->start_utc + 3600;
      note (im, _("event '%s': it ends when it starts; it is taken to last an hour"), uid_ex);
    }
  if (m->end_utc <= m->start_utc)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("it ends before it starts"));
      return FALSE;
    }
  if (m->end_utc - m->start_utc > (gint64) RAPAT_MAX_MEETING_MINUTES * 60)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("it lasts more than 31 days, longer than a meeting rapat keeps"));
      return FALSE;
    }
  tz = rapat_time_zone_load (m->tzid, NULL, NULL);
  if (tz == NULL || !rapat_time_check_range (_("start"), NULL, m->start_utc, tz, error)
      || !rapat_time_check_range (_("end"), NULL, m->end_utc, tz, error))
    {
      if (tz == NULL)
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("zone '%s': cannot be loaded"),
                     m->tzid);
      return FALSE;
    }
  if (pr != NULL)
    {
      it->has_rid = TRUE;
      if (!instant_of (im, pr, icalproperty_get_recurrenceid (pr), &it->rid, NULL, error))
        return FALSE;
    }
  for (icalproperty *p = icalcomponent_get_first_property (it->ev, ICAL_ANY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (it->ev, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind k = icalproperty_isa (p);
      gint64 t;

      if (k == ICAL_EXDATE_PROPERTY)
        {
          if (!instant_of (im, p, icalproperty_get_exdate (p), &t, NULL, error))
            return FALSE;
          g_array_append_val (it->exdates, t);
        }
      else if (k == ICAL_RDATE_PROPERTY)
        {
          struct icaldatetimeperiodtype rd = icalproperty_get_rdate (p);

          if (!instant_of (im, p, icaltime_is_null_time (rd.time) ? rd.period.start : rd.time,
                           &t, NULL, error))
            return FALSE;
          g_array_append_val (it->rdates, t);
        }
      else if (k == ICAL_RRULE_PROPERTY)
        {
          char *rule = icalproperty_get_value_as_string_r (p);

          /* The same rule twice (Cyrus writes that) is one rule; two
           * different ones are a series rapat cannot keep in one rule. */
          if (it->rrule != NULL && strcmp (it->rrule, rule) != 0)
            {
              g_autofree char *a = rapat_text_excerpt (it->rrule);
              g_autofree char *b = rapat_text_excerpt (rule);

              free (rule);
              g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                           _("two different RRULEs ('%s', '%s'); a series of rapat has one"),
                           a, b);
              return FALSE;
            }
          if (it->rrule == NULL)
            it->rrule = rule;
          else
            free (rule);
        }
    }
  return TRUE;
}

/* Reads @it: a meeting's values, its people, and the text of what rapat
 * does not model.  FALSE with @error (no prefix) when it is broken. */
static gboolean
read_item (Import *im, Item *it, const char *uid, GError **error)
{
  g_autofree char *uid_ex = rapat_text_excerpt (uid);
  RapatMeeting *m = it->m = rapat_meeting_new ();
  g_autoptr(GString) extra = g_string_new (NULL);
  icalproperty *p;
  const char *summary = NULL, *categories = NULL;
  guint n_categories = 0;
  gboolean cut = FALSE, kind_taken;
  icalproperty_status status = ICAL_STATUS_NONE;
  g_autofree char *stripped = NULL;
  g_autofree char *trimmed = NULL;

  it->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendee_free);
  it->externals = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_external_free);
  it->exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  it->rdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* libical drops a property without a value ("LOCATION:", as Google
   * writes it) with a note of its own: nothing is lost there. */
  for (p = icalcomponent_get_first_property (it->ev, ICAL_XLICERROR_PROPERTY);
       p != NULL && g_str_has_prefix (icalproperty_get_xlicerror (p), "No value for ");
       p = icalcomponent_get_next_property (it->ev, ICAL_XLICERROR_PROPERTY))
    ;
  if (p != NULL)
    {
      g_autofree char *why = rapat_text_excerpt (icalproperty_get_xlicerror (p));
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("a line libical cannot parse (%s)"),
                   why);
      return FALSE;
    }
  m->uid = g_strdup (uid);
  im->used_float = FALSE;
  if (!read_times (im, it, uid_ex, error))
    return FALSE;
  it->floating = im->used_float;
  for (p = icalcomponent_get_first_property (it->ev, ICAL_ANY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (it->ev, ICAL_ANY_PROPERTY))
    switch (icalproperty_isa (p))
      {
      case ICAL_SUMMARY_PROPERTY: summary = icalproperty_get_summary (p); break;
      case ICAL_DESCRIPTION_PROPERTY:
        if (m->description == NULL && icalproperty_get_description (p) != NULL)
          {
            m->description = clean_text (icalproperty_get_description (p), RAPAT_MAX_TEXT, TRUE,
                                         &cut);
            if (cut)
              note (im, _("event '%s': the description is cut at %d characters"), uid_ex,
                    RAPAT_MAX_TEXT);
          }
        break;
      case ICAL_LOCATION_PROPERTY:
        if (m->location == NULL && icalproperty_get_location (p) != NULL
            && *icalproperty_get_location (p) != '\0')
          {
            m->location = clean_text (icalproperty_get_location (p), RAPAT_MAX_NAME, FALSE, &cut);
            if (cut)
              note (im, _("event '%s': the location is cut at %d characters"), uid_ex,
                    RAPAT_MAX_NAME);
          }
        break;
      case ICAL_STATUS_PROPERTY: status = icalproperty_get_status (p); break;
      case ICAL_URL_PROPERTY:
        if (m->url == NULL && icalproperty_get_url (p) != NULL
            && rapat_meeting_check_url (icalproperty_get_url (p), NULL))
          m->url = g_strdup (icalproperty_get_url (p));
        break;
      case ICAL_CATEGORIES_PROPERTY:
        n_categories++;
        categories = icalproperty_get_categories (p);
        break;
      case ICAL_SEQUENCE_PROPERTY: it->sequence = MAX (0, icalproperty_get_sequence (p)); break;
      case ICAL_CREATED_PROPERTY:
        {
          struct icaltimetype t = icalproperty_get_created (p);
          if (!icaltime_is_null_time (t))
            m->created_at = (gint64) icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
        }
        break;
      case ICAL_LASTMODIFIED_PROPERTY:
        {
          struct icaltimetype t = icalproperty_get_lastmodified (p);
          if (!icaltime_is_null_time (t))
            m->updated_at = (gint64) icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
        }
        break;
      case ICAL_DTSTAMP_PROPERTY:
        {
          struct icaltimetype t = icalproperty_get_dtstamp (p);
          if (!icaltime_is_null_time (t))
            it->stamp = (gint64) icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
        }
        break;
      case ICAL_COMMENT_PROPERTY:
        if (m->cancel_reason == NULL && icalproperty_get_comment (p) != NULL)
          m->cancel_reason = clean_text (icalproperty_get_comment (p), RAPAT_MAX_TEXT, TRUE, &cut);
        break;
      default:
        break;
      }
  if (m->updated_at != 0)
    it->stamp = m->updated_at;
  if (m->updated_at == 0)
    m->updated_at = it->stamp != 0 ? it->stamp : im->now;
  if (m->created_at == 0)
    m->created_at = m->updated_at;
  m->sequence = it->sequence;
  m->status = status == ICAL_STATUS_CANCELLED ? RAPAT_MEETING_CANCELLED
              : status == ICAL_STATUS_TENTATIVE ? RAPAT_MEETING_TENTATIVE
              : RAPAT_MEETING_CONFIRMED;
  if (m->status != RAPAT_MEETING_CANCELLED)
    g_clear_pointer (&m->cancel_reason, g_free);
  /* White space around a title says nothing (Outlook pads some with
   * hundreds of spaces), and would count against its 200 characters. */
  trimmed = g_strstrip (g_strdup (summary != NULL ? summary : ""));
  m->title = clean_text (trimmed, RAPAT_MAX_NAME, FALSE, &cut);
  if (cut)
    note (im, _("event '%s': the title is cut at %d characters"), uid_ex, RAPAT_MAX_NAME);
  stripped = g_strstrip (g_strdup (m->title));
  if (*stripped == '\0')
    {
      g_free (m->title);
      m->title = g_strdup (_("(no title)"));
    }
  /* One category of one value is the kind; more stay as they came. */
  kind_taken = n_categories == 1 && categories != NULL && *categories != '\0'
               && strchr (categories, ',') == NULL
               && g_utf8_strlen (categories, -1) <= RAPAT_MAX_KIND;
  if (kind_taken)
    m->kind = clean_text (categories, RAPAT_MAX_KIND, FALSE, &cut);
  else
    m->kind = g_strdup ("meeting");
  if (!read_people (im, it, error))
    return FALSE;
  for (p = icalcomponent_get_first_property (it->ev, ICAL_ANY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (it->ev, ICAL_ANY_PROPERTY))
    if (!modelled (p, kind_taken, m->url, m->cancel_reason != NULL))
      {
        char *s = icalproperty_as_ical_string_r (p);

        g_string_append (extra, s);
        free (s);
      }
  for (icalcomponent *c = icalcomponent_get_first_component (it->ev, ICAL_ANY_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (it->ev, ICAL_ANY_COMPONENT))
    {
      char *s = icalcomponent_as_ical_string_r (c);

      g_string_append (extra, s);
      free (s);
    }
  if (extra->len > 100000 || !g_utf8_validate (extra->str, extra->len, NULL))
    note (im, _("event '%s': what rapat does not model is too long to keep; dropped"), uid_ex);
  else if (extra->len > 0)
    it->extra = g_string_free (g_steal_pointer (&extra), FALSE);
  return TRUE;
}

/* Returns the digest of the events of one UID (@items, Item) as a file
 * says them, DTSTAMP aside, with the options that change what they become
 * (only those that apply to them: --tz to floating times, --add-people to
 * events with people, --until to rules). */
static char *
digest_of (Import *im, GPtrArray *items)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *opts = NULL;
  gboolean floating = FALSE, people = FALSE;
  const Item *master = items->pdata[0];

  for (guint i = 0; i < items->len; i++)
    {
      floating = floating || ((const Item *) items->pdata[i])->floating;
      people = people || ((const Item *) items->pdata[i])->people;
    }
  opts = g_strdup_printf ("%s|%s|%s|", floating ? im->float_tzid : "",
                          people && im->opt->add_people ? "add-people" : "",
                          master->rrule != NULL && im->opt->until != NULL ? im->opt->until : "");
  g_checksum_update (sum, (const guchar *) opts, -1);
  /* The events' text as the file has it, but for DTSTAMP (and its folded
   * lines), which says only when the file was written. */
  for (guint i = 0; i < items->len; i++)
    {
      const char *p = ((const Item *) items->pdata[i])->text;
      const char *run = p;      /* the lines kept since the last one skipped */
      gboolean skipping = FALSE;

      while (*p != '\0')
        {
          const char *nl = strchr (p, '\n');
          gsize l = nl != NULL ? (gsize) (nl - p) + 1 : strlen (p);

          if (*p == ' ' || *p == '\t')
            ;   /* a fold: part of the line before */
          else
            skipping = g_ascii_strncasecmp (p, "DTSTAMP", 7) == 0 && (p[7] == ':' || p[7] == ';');
          if (skipping)
            {
              if (p > run)
                g_checksum_update (sum, (const guchar *) run, p - run);
              run = p + l;
            }
          p += l;
        }
      if (p > run)
        g_checksum_update (sum, (const guchar *) run, p - run);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Writes the people and kept text of @it onto the stored meeting @id:
 * invitations (those no longer invited removed, the others' role and reply
 * set, attendance kept), external invitees and extra text. */
static gboolean
write_people (Import *im, const Item *it, gint64 id, gboolean fresh, GError **error)
{
  if (!fresh)
    {
      g_autoptr(GPtrArray) old = rapat_store_attendee_list (im->store, id, error);

      if (old == NULL)
        return FALSE;
      for (guint i = 0; i < old->len; i++)
        {
          RapatAttendee *o = old->pdata[i];
          RapatAttendee *n = NULL;

          for (guint j = 0; j < it->attendees->len && n == NULL; j++)
            if (((RapatAttendee *) it->attendees->pdata[j])->person_id == o->person_id)
              n = it->attendees->pdata[j];
          if (n == NULL)
            {
              if (!rapat_store_attendee_remove (im->store, id, o->person_id, error))
                return FALSE;
              continue;
            }
          o->role = n->role;
          o->rsvp = n->rsvp;
          if (n->attendance == RAPAT_ATTENDANCE_REPRESENTED)
            {
              o->attendance = n->attendance;
              o->stand_in_id = n->stand_in_id;
              o->arrived_utc = 0;
            }
          if (!rapat_store_attendee_update (im->store, o, error))
            return FALSE;
          n->id = -1;   /* done */
        }
    }
  for (guint i = 0; i < it->attendees->len; i++)
    {
      RapatAttendee *a = it->attendees->pdata[i];
      g_autoptr(RapatAttendee) c = NULL;

      if (a->id == -1)
        {
          a->id = 0;
          continue;
        }
      c = g_new0 (RapatAttendee, 1);
      c->meeting_id = id;
      c->person_id = a->person_id;
      c->role = a->role;
      c->rsvp = a->rsvp;
      c->attendance = a->attendance;
      c->stand_in_id = a->stand_in_id;
      if (!rapat_store_attendee_insert (im->store, c, error))
        return FALSE;
    }
  /* A meeting just added has neither: two statements fewer per meeting. */
  if ((!fresh || it->externals->len > 0)
      && !rapat_store_import_externals_set (im->store, id, it->externals, !fresh, error))
    return FALSE;
  return (fresh && it->extra == NULL)
         || rapat_store_import_extra_set (im->store, id, it->extra, error);
}

/* Returns the start of @m for notes, in its zone. */
static char *
when_of (const RapatMeeting *m)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);

  return rapat_when_instant_zoned (m->start_utc, tz);
}

/* Compares instants, for sorting. */
static int
compare_instants (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Returns @rule without its UNTIL and COUNT parts. */
static char *
rule_without_end (const char *rule)
{
  g_auto(GStrv) parts = g_strsplit (rule, ";", -1);
  g_autoptr(GPtrArray) keep = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_ascii_strncasecmp (parts[i], "UNTIL=", 6) != 0
        && g_ascii_strncasecmp (parts[i], "COUNT=", 6) != 0)
      g_ptr_array_add (keep, parts[i]);
  g_ptr_array_add (keep, NULL);
  return g_strjoinv (";", (char **) keep->pdata);
}

/* Expands the rule of @master: stores the rule rapat keeps in @rule and
 * every start (the rule's and RDATE's, without EXDATE's) in @starts.
 * Without an end, or beyond RAPAT_MAX_OCCURRENCES, it is an error unless
 * --until cuts it. */
static gboolean
expand (Import *im, const Item *master, char **rule, GArray **starts, GError **error)
{
  const RapatMeeting *m = master->m;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (m->tzid, NULL, NULL);
  g_autoptr(GError) local = NULL;
  g_autofree char *r = NULL;
  GArray *s = NULL;
  gint64 length = m->end_utc - m->start_utc;

  r = rapat_recur_rule (master->rrule, NULL, 0, tz, &local);
  if (r != NULL)
    s = rapat_recur_expand_span (r, m->start_utc, length, tz, &local);
  if (s == NULL && im->opt->until != NULL)
    {
      g_autofree char *bare = rule_without_end (master->rrule);

      g_clear_error (&local);
      g_clear_pointer (&r, g_free);
      r = rapat_recur_rule (bare, im->opt->until, 0, tz, &local);
      if (r != NULL)
        s = rapat_recur_expand_span (r, m->start_utc, length, tz, &local);
      if (s != NULL)
        note (im, _("event '%s': its rule is cut at %s (--until)"), m->title, im->opt->until);
      else if (r != NULL)
        {
          /* Still more than a series holds before --until: its first
           * RAPAT_MAX_OCCURRENCES, as the user asked for a cut. */
          g_clear_error (&local);
          g_clear_pointer (&r, g_free);
          r = rapat_recur_rule (bare, NULL, RAPAT_MAX_OCCURRENCES, tz, &local);
          if (r != NULL)
            s = rapat_recur_expand_span (r, m->start_utc, length, tz, &local);
          if (s != NULL)
            {
              g_autofree char *last = rapat_when_instant_zoned (
                g_array_index (s, gint64, s->len - 1), tz);

              note (im, _("event '%s': more than %d occurrences before %s (--until); the "
                          "series keeps the first %d, up to %s"),
                    m->title, RAPAT_MAX_OCCURRENCES, im->opt->until, RAPAT_MAX_OCCURRENCES,
                    last);
            }
        }
    }
  if (s == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (master->rrule);
      g_autofree char *upper = g_ascii_strup (master->rrule, -1);

      if (im->opt->until == NULL && strstr (upper, "UNTIL=") == NULL
          && strstr (upper, "COUNT=") == NULL)
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                     _("RRULE '%s': repeats without end; give --until DATE to import the "
                       "occurrences up to that day"), ex);
      else if (im->opt->until == NULL && strstr (local->message, "occurrences") != NULL)
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                     _("RRULE '%s': more than %d occurrences, more than rapat keeps in a series; "
                       "give --until DATE to import those up to that day"),
                     ex, RAPAT_MAX_OCCURRENCES);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_array_append_vals (s, master->rdates->data, master->rdates->len);
  g_array_sort (s, compare_instants);
  {
    GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < s->len; i++)
      {
        gint64 t = g_array_index (s, gint64, i);
        gboolean skip = i > 0 && g_array_index (s, gint64, i - 1) == t;

        for (guint j = 0; j < master->exdates->len && !skip; j++)
          skip = g_array_index (master->exdates, gint64, j) == t;
        if (!skip)
          g_array_append_val (out, t);
      }
    g_array_unref (s);
    if (out->len > RAPAT_MAX_OCCURRENCES)
      {
        g_array_unref (out);
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                     _("more than %d occurrences with its RDATEs"), RAPAT_MAX_OCCURRENCES);
        return FALSE;
      }
    *starts = out;
  }
  *rule = g_steal_pointer (&r);
  return TRUE;
}

/* Returns the occurrence of @series at @t: the master's copy, or the
 * instance of @items (the master first) whose RECURRENCE-ID is @t, added to
 * @used; @src is the item it came from. */
static RapatMeeting *
occurrence_of (GPtrArray *items, const RapatSeries *series, gint64 t, GHashTable *used,
               const Item **src)
{
  const Item *master = items->pdata[0];
  RapatMeeting *o;

  *src = master;
  for (guint j = 1; j < items->len; j++)
    if (((Item *) items->pdata[j])->rid == t)
      *src = items->pdata[j];
  o = rapat_meeting_copy ((*src)->m);
  rapat_meeting_set_occurrence (o, series, t);
  o->sequence = 0;
  if (*src != master)
    {
      o->start_utc = (*src)->m->start_utc;
      o->end_utc = (*src)->m->end_utc;
      o->sequence = MAX (0, (*src)->sequence - master->sequence);
      g_hash_table_add (used, (gpointer) &(*src)->rid);
    }
  return o;
}

/* Notes each instance of @items that names no occurrence (not in @used). */
static void
note_left_out (Import *im, GPtrArray *items, GHashTable *used)
{
  for (guint j = 1; j < items->len; j++)
    {
      Item *it = items->pdata[j];

      if (!g_hash_table_contains (used, &it->rid))
        {
          g_autofree char *when = when_of (it->m);
          g_autofree char *title = rapat_text_excerpt (it->m->title);

          note (im, _("'%s' (%s): RECURRENCE-ID names no occurrence of the series; left out"),
                title, when);
        }
    }
}

/* Deletes occurrence @m that a newer version of its series no longer has,
 * or, when something was recorded on it, keeps it as a meeting of its own
 * and says so. */
static gboolean
drop_occurrence (Import *im, RapatMeeting *m, GError **error)
{
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  gint64 records = rapat_store_import_meeting_records (im->store, m->id, error);

  if (records < 0)
    return FALSE;
  if (records == 0)
    return rapat_store_meeting_delete (im->store, m->id, error);
  when = when_of (m);
  title = rapat_text_excerpt (m->title);
  m->series_id = 0;
  m->recurrence_utc = 0;
  m->updated_at = im->now;
  if (!rapat_store_meeting_update (im->store, m, error))
    return FALSE;
  note (im, _("'%s' (%s): no longer an occurrence of its series; kept as a meeting of its own, "
              "with what was recorded on it"), title, when);
  return TRUE;
}

/* Adds the series of @master with its instances (@items, Item, the
 * master first): the rule rapat keeps, @rule (taken), and the starts
 * expand() gave, @starts.  @before, when not NULL, is the meeting the UID
 * was until now: it becomes the occurrence at its start, keeping its id
 * and what was recorded on it; when the rule gives no occurrence then, it
 * is dropped as drop_occurrence() drops one. */
static gboolean
add_series (Import *im, GPtrArray *items, char *rule, GArray *starts, RapatMeeting *before,
            GError **error)
{
  const Item *master = items->pdata[0];
  g_autoptr(RapatSeries) series = g_new0 (RapatSeries, 1);
  g_autoptr(GHashTable) used = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean adopted = FALSE;

  series->uid = g_strdup (master->m->uid);
  series->rrule = rule;
  series->start_utc = master->m->start_utc;
  series->duration_s = master->m->end_utc - master->m->start_utc;
  series->tzid = g_strdup (master->m->tzid);
  if (!rapat_store_series_insert (im->store, series, im->now, error)
      || !rapat_store_import_series_stamp (im->store, series->id, master->sequence,
                                          master->m->created_at, master->m->updated_at, error))
    return FALSE;
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);
      const Item *src = NULL;
      g_autoptr(RapatMeeting) o = occurrence_of (items, series, t, used, &src);

      if (before != NULL && !adopted && before->start_utc == t)
        {
          adopted = TRUE;
          o->id = before->id;
          if (!rapat_store_meeting_update (im->store, o, error)
              || !rapat_store_import_meeting_uid (im->store, o->id, o->uid, error)
              || !write_people (im, src, o->id, FALSE, error))
            return FALSE;
        }
      else if (!rapat_store_meeting_insert (im->store, o, error)
               || !write_people (im, src, o->id, TRUE, error))
        return FALSE;
      im->summary->occurrences++;
    }
  if (before != NULL && !adopted)
    {
      /* Its UID is the series' now: it takes the one an occurrence at its
       * start would have (the rule gives none then). */
      g_autofree char *own = rapat_occurrence_uid (series->uid, before->start_utc);

      if (!rapat_store_import_meeting_uid (im->store, before->id, own, error)
          || !drop_occurrence (im, before, error))
        return FALSE;
    }
  note_left_out (im, items, used);
  return TRUE;
}

/* Writes a newer version of series @series_id (@items, the master first,
 * with @rule and @starts) over the stored one, in place: an occurrence
 * whose start the rule still gives keeps its id, and with it the
 * attendance, agenda, minutes and actions recorded on it.  One the rule no
 * longer gives is deleted when nothing was recorded on it, else kept as a
 * meeting of its own and noted, so that no record is lost. */
static gboolean
update_series (Import *im, GPtrArray *items, char *rule, GArray *starts, gint64 series_id,
               GError **error)
{
  const Item *master = items->pdata[0];
  g_autoptr(RapatSeries) series = rapat_store_series_get (im->store, series_id, error);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GHashTable) by_start = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (series == NULL)
    {
      g_free (rule);
      return FALSE;
    }
  g_free (series->rrule);
  series->rrule = rule;
  series->start_utc = master->m->start_utc;
  series->duration_s = master->m->end_utc - master->m->start_utc;
  g_free (series->tzid);
  series->tzid = g_strdup (master->m->tzid);
  if (!rapat_store_import_series_rule (im->store, series, error))
    return FALSE;
  old = rapat_store_series_meetings (im->store, series_id, error);
  if (old == NULL)
    return FALSE;
  for (guint i = 0; i < old->len; i++)
    {
      RapatMeeting *m = old->pdata[i];

      g_hash_table_insert (by_start, &m->recurrence_utc, m);
    }
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);
      const Item *src = NULL;
      g_autoptr(RapatMeeting) o = occurrence_of (items, series, t, used, &src);
      RapatMeeting *before = g_hash_table_lookup (by_start, &t);

      if (before != NULL)
        {
          g_hash_table_remove (by_start, &t);
          o->id = before->id;
          if (!rapat_store_meeting_update (im->store, o, error)
              || !write_people (im, src, o->id, FALSE, error))
            return FALSE;
        }
      else if (!rapat_store_meeting_insert (im->store, o, error)
               || !write_people (im, src, o->id, TRUE, error))
        return FALSE;
      im->summary->occurrences++;
    }
  /* What the rule no longer gives, in the order of their starts. */
  for (guint i = 0; i < old->len; i++)
    {
      RapatMeeting *m = old->pdata[i];

      if (g_hash_table_contains (by_start, &m->recurrence_utc) && !drop_occurrence (im, m, error))
        return FALSE;
    }
  note_left_out (im, items, used);
  return rapat_store_import_series_stamp (im->store, series_id, master->sequence,
                                          master->m->created_at, master->m->updated_at, error);
}

/* Stores in @frozen whether meeting @meeting_id, or an occurrence of
 * series @series_id, has final minutes (which a newer version must not
 * change: the record was signed). */
static gboolean
minutes_final (Import *im, gint64 meeting_id, gint64 series_id, gboolean *frozen,
               GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  *frozen = FALSE;
  if (meeting_id > 0)
    g_array_append_val (ids, meeting_id);
  if (series_id > 0)
    {
      g_autoptr(GPtrArray) occ = rapat_store_series_meetings (im->store, series_id, error);

      if (occ == NULL)
        return FALSE;
      for (guint i = 0; i < occ->len; i++)
        g_array_append_val (ids, ((RapatMeeting *) occ->pdata[i])->id);
    }
  for (guint i = 0; i < ids->len && !*frozen; i++)
    {
      g_autoptr(GError) local = NULL;
      RapatMinutes *mn = rapat_store_minutes_get (im->store, g_array_index (ids, gint64, i), 0,
                                                  &local);

      if (mn == NULL && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      *frozen = mn != NULL && mn->status == RAPAT_MINUTES_FINAL;
      rapat_minutes_free (mn);
    }
  return TRUE;
}

/* Applies the events of one UID (@items, Item; the master, if any, first). */
static gboolean
apply_uid (Import *im, const char *uid, GPtrArray *items, GError **error)
{
  Item *master = items->pdata[0];
  g_autofree char *uid_ex = rapat_text_excerpt (uid);
  g_autofree char *digest = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  RapatImportState state = { { 0 } };
  g_autoptr(GError) local = NULL;
  g_autofree char *rule = NULL;
  g_autoptr(GArray) starts = NULL;
  gboolean known, is_series = master->rrule != NULL && !master->has_rid;
  gint64 meeting_id, series_id, seq, stamp;
  gboolean exists, written = FALSE;

  if (master->has_rid)
    {
      /* An invitation to one occurrence of a series rapat does not have:
       * a meeting of its own. */
      g_free (master->m->uid);
      master->m->uid = rapat_occurrence_uid (uid, master->rid);
      g_ptr_array_set_size (items, 1);
      uid = master->m->uid;
    }
  else if (!is_series && items->len > 1)
    {
      note (im, _("event '%s': instances of a series without a rule; only the event is kept"),
            uid_ex);
      g_ptr_array_set_size (items, 1);
    }
  digest = digest_of (im, items);
  known = rapat_store_import_state_get (im->store, uid, &state, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  meeting_id = rapat_store_meeting_find_uid (im->store, uid, error);
  if (meeting_id < 0)
    return FALSE;
  series_id = rapat_store_series_find_uid (im->store, uid, error);
  if (series_id < 0)
    return FALSE;
  exists = meeting_id > 0 || series_id > 0;
  title = rapat_text_excerpt (master->m->title);
  when = when_of (master->m);
  if (exists && known && strcmp (state.digest, digest) == 0)
    {
      im->summary->counts[RAPAT_CALIMPORT_UNCHANGED]++;
      return TRUE;
    }
  if (exists)
    {
      if (known)
        {
          seq = state.sequence;
          stamp = state.stamp;
        }
      else if (series_id > 0)
        {
          g_autoptr(RapatSeries) s = rapat_store_series_get (im->store, series_id, error);

          if (s == NULL)
            return FALSE;
          seq = s->sequence;
          stamp = s->updated_at;
        }
      else
        {
          g_autoptr(RapatMeeting) m = rapat_store_meeting_get (im->store, meeting_id, error);

          if (m == NULL)
            return FALSE;
          seq = m->sequence;
          stamp = m->updated_at;
        }
      if (master->sequence < seq || (master->sequence == seq && master->stamp < stamp))
        {
          im->summary->counts[RAPAT_CALIMPORT_OLDER]++;
          note (im, _("'%s' (%s): an older version than the one rapat has (SEQUENCE %"
                      PRId64 "); ignored"), title, when, master->sequence);
          return TRUE;
        }
      /* A meeting rapat made (never imported) changes only with a newer
       * SEQUENCE: a copy's DTSTAMP says when the copy was written. */
      if (!known && master->sequence == seq)
        {
          im->summary->counts[RAPAT_CALIMPORT_UNCHANGED]++;
          return TRUE;
        }
    }
  if (exists)
    {
      gboolean frozen;

      if (!minutes_final (im, meeting_id, series_id, &frozen, error))
        return FALSE;
      if (frozen)
        {
          im->summary->counts[RAPAT_CALIMPORT_FROZEN]++;
          note (im, _("'%s' (%s): a newer version, not applied: the minutes are final "
                      "('rapat minutes amend' opens them)"), title, when);
          return TRUE;
        }
    }
  if (is_series && !expand (im, master, &rule, &starts, error))
    return FALSE;
  /* A series and a meeting are changed where they are, keeping their
   * records.  A meeting that became a series becomes its occurrence at
   * the same start; of a series that stopped being one, the occurrence at
   * the meeting's start becomes the meeting.  What is left of the old
   * shape is kept as meetings of their own when something was recorded on
   * them. */
  if (is_series && series_id > 0 && meeting_id == 0)
    {
      if (!update_series (im, items, g_steal_pointer (&rule), starts, series_id, error))
        return FALSE;
      written = TRUE;
    }
  else if (is_series && meeting_id > 0 && series_id == 0)
    {
      g_autoptr(RapatMeeting) before = rapat_store_meeting_get (im->store, meeting_id, error);

      if (before == NULL
          || !add_series (im, items, g_steal_pointer (&rule), starts, before, error))
        return FALSE;
      written = TRUE;
    }
  else if (exists && (is_series || series_id > 0))
    {
      gint64 adopted = 0;

      if (series_id > 0)
        {
          g_autoptr(GPtrArray) occ = rapat_store_series_meetings (im->store, series_id, error);

          if (occ == NULL)
            return FALSE;
          for (guint i = 0; i < occ->len; i++)
            {
              RapatMeeting *o = occ->pdata[i];

              if (!is_series && meeting_id == 0 && adopted == 0
                  && o->start_utc == master->m->start_utc)
                {
                  /* Out of the series before it goes, under the UID;
                   * updated below. */
                  adopted = o->id;
                  o->series_id = 0;
                  o->recurrence_utc = 0;
                  if (!rapat_store_meeting_update (im->store, o, error)
                      || !rapat_store_import_meeting_uid (im->store, o->id, uid, error))
                    return FALSE;
                }
              else if (!drop_occurrence (im, o, error))
                return FALSE;
            }
          if (!rapat_store_import_series_delete (im->store, series_id, error))
            return FALSE;
        }
      if (meeting_id > 0 && !rapat_store_meeting_delete (im->store, meeting_id, error))
        return FALSE;
      meeting_id = adopted;
    }
  if (written)
    ;
  else if (is_series)
    {
      if (!add_series (im, items, g_steal_pointer (&rule), starts, NULL, error))
        return FALSE;
    }
  else if (meeting_id > 0)
    {
      g_autoptr(RapatMeeting) old = rapat_store_meeting_get (im->store, meeting_id, error);

      if (old == NULL)
        return FALSE;
      master->m->id = meeting_id;
      master->m->series_id = old->series_id;
      master->m->recurrence_utc = old->recurrence_utc;
      if (!rapat_store_meeting_update (im->store, master->m, error)
          || !write_people (im, master, meeting_id, FALSE, error))
        return FALSE;
    }
  else if (!rapat_store_meeting_insert (im->store, master->m, error)
           || !write_people (im, master, master->m->id, TRUE, error))
    return FALSE;
  g_strlcpy (state.digest, digest, sizeof state.digest);
  state.sequence = master->sequence;
  state.stamp = master->stamp;
  if (!rapat_store_import_state_set (im->store, uid, &state, im->now, error))
    return FALSE;
  im->summary->counts[exists ? RAPAT_CALIMPORT_UPDATED : RAPAT_CALIMPORT_ADDED]++;
  /* The people --add-people would add: not rooms, equipment or lists,
   * and none once it was given (what is left is no e-mail address). */
  for (guint i = 0; !im->opt->add_people && i < items->len; i++)
    {
      GPtrArray *externals = ((Item *) items->pdata[i])->externals;

      for (guint j = 0; j < externals->len; j++)
        if (g_strcmp0 (((RapatExternal *) externals->pdata[j])->cutype, "individual") == 0)
          im->summary->externals++;
    }
  /* Only when asked: one line per meeting is as much as the file. */
  if (im->opt->changes)
    g_ptr_array_add (im->summary->changes,
                     g_strdup_printf (exists ? _("%s: '%s' (%s) updated")
                                             : _("%s: '%s' (%s) added"),
                                      im->source, title, when));
  return TRUE;
}

/* Fails the file, or with --skip-bad notes the broken event and goes on:
 * @why is what is wrong with the event at @line with @uid. */
static gboolean
broken (Import *im, guint line, const char *uid, GError *why, GError **error)
{
  const char *file = im->source;
  g_autofree char *uid_ex = rapat_text_excerpt (uid != NULL ? uid : "");
  g_autofree char *text = g_strdup_printf (_("file '%s', line %u, UID '%s': %s"), file, line,
                                           uid_ex, why->message);

  if (!im->opt->skip_bad)
    {
      g_set_error_literal (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, text);
      return FALSE;
    }
  im->summary->counts[RAPAT_CALIMPORT_BAD]++;
  g_ptr_array_add (im->summary->notes, g_strdup_printf (_("%s (skipped)"), text));
  return TRUE;
}

/* One VEVENT of a calendar file, found by scan_file(). */
typedef struct {
  gint64 start, end;          /* bytes of the file, from its BEGIN line to after its END line */
  guint64 hash;               /* of its UID, to find the other events of that UID */
  guint line;                 /* the line of its BEGIN, from 1 */
  guint8 bad;                 /* RANGE_* */
} Range;

enum { RANGE_OK, RANGE_UNCLOSED, RANGE_NO_UID, RANGE_LONG_UID };

/* One VCALENDAR of a file, found by scan_file(). */
typedef struct {
  GString *skeleton;          /* BEGIN:VCALENDAR, its properties and VTIMEZONEs, END */
  gint64 start, end;          /* its whole text */
  GArray *events;             /* Range: its VEVENTs */
} CalText;

/* Frees a CalText. */
static void
cal_text_free (CalText *c)
{
  g_string_free (c->skeleton, TRUE);
  g_array_unref (c->events);
  g_free (c);
}

/* Returns TRUE when the line @p (@len bytes, without its end) is
 * "@what:NAME" (any case) and stores NAME's length and start. */
static gboolean
line_is (const char *p, gsize len, const char *what, const char **name, gsize *name_len)
{
  gsize w = strlen (what);

  if (len <= w || g_ascii_strncasecmp (p, what, w) != 0)
    return FALSE;
  *name = p + w;
  *name_len = len - w;
  return TRUE;
}

/* Returns the 64-bit FNV-1a hash of @s. */
static guint64
uid_hash (const char *s)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (; *s != '\0'; s++)
    h = (h ^ (guchar) *s) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

/* Ends the VEVENT @ev whose UID (unfolded, or NULL) is @uid. */
static void
range_set_uid (Range *ev, GString *uid)
{
  if (uid == NULL)
    {
      ev->bad = RANGE_NO_UID;
      return;
    }
  g_strstrip (uid->str);
  uid->len = strlen (uid->str);
  if (uid->len == 0)
    ev->bad = RANGE_NO_UID;
  else if (uid->len > 1000)
    ev->bad = RANGE_LONG_UID;
  else
    ev->hash = uid_hash (uid->str);
}

/* Reads @f (from its start) a line at a time and finds its VCALENDARs
 * and, in each, where its VEVENTs are (with their UIDs' hashes) and what
 * the events need of the calendar (its properties and VTIMEZONEs): each
 * event is then read back and parsed alone, so that the memory an import
 * takes does not grow with the file.  NULL with @error when the file is
 * not UTF-8 text or cannot be read. */
static GPtrArray *
scan_file (FILE *f, const char *source, GError **error)
{
  g_autoptr(GPtrArray) cals = g_ptr_array_new_with_free_func ((GDestroyNotify) cal_text_free);
  CalText *cal = NULL;
  int depth = 0;              /* components open inside the VCALENDAR */
  gboolean in_event = FALSE, in_zone = FALSE, in_uid = FALSE;
  Range ev = { 0, 0, 0, 0, RANGE_OK };
  g_autoptr(GString) zone = g_string_new (NULL);
  GString *uid = NULL;
  char *buf = NULL;
  size_t cap = 0;
  ssize_t got;
  gint64 pos = 0;
  guint n = 0;

  while ((got = getline (&buf, &cap, f)) > 0)
    {
      const char *p = buf;
      gsize l = (gsize) got;
      gint64 next = pos + got;
      const char *name;
      gsize name_len;

      n++;
      if (memchr (p, '\0', l) != NULL || !g_utf8_validate (p, (gssize) l, NULL))
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("file '%s': not valid UTF-8 text"), source);
          break;
        }
      if (l > 0 && p[l - 1] == '\n')
        l--;
      if (l > 0 && p[l - 1] == '\r')
        l--;
      if (cal == NULL)
        {
          if (line_is (p, l, "BEGIN:", &name, &name_len) && name_len == 9
              && g_ascii_strncasecmp (name, "VCALENDAR", 9) == 0)
            {
              cal = g_new0 (CalText, 1);
              cal->skeleton = g_string_new (NULL);
              cal->events = g_array_new (FALSE, FALSE, sizeof (Range));
              cal->start = pos;
              g_string_append_len (cal->skeleton, p, l);
              g_string_append (cal->skeleton, "\r\n");
            }
          pos = next;
          continue;
        }
      /* The UID of the event, with its folded lines. */
      if (in_uid && l > 0 && (p[0] == ' ' || p[0] == '\t'))
        g_string_append_len (uid, p + 1, l - 1);
      else
        in_uid = FALSE;
      if (in_event && depth == 1 && uid == NULL && l > 3 && g_ascii_strncasecmp (p, "UID", 3) == 0
          && (p[3] == ':' || p[3] == ';'))
        {
          const char *colon = memchr (p, ':', l);

          if (colon != NULL)
            {
              uid = g_string_new_len (colon + 1, (gssize) (l - (gsize) (colon + 1 - p)));
              in_uid = TRUE;
            }
        }
      if (line_is (p, l, "BEGIN:", &name, &name_len))
        {
          if (depth == 0 && name_len == 6 && g_ascii_strncasecmp (name, "VEVENT", 6) == 0)
            {
              in_event = TRUE;
              ev.start = pos;
              ev.line = n;
              ev.bad = RANGE_OK;
              ev.hash = 0;
            }
          else if (depth == 0 && name_len == 9 && g_ascii_strncasecmp (name, "VTIMEZONE", 9) == 0)
            {
              in_zone = TRUE;
              g_string_truncate (zone, 0);
            }
          depth++;
        }
      else if (line_is (p, l, "END:", &name, &name_len))
        {
          if (depth == 0)
            {
              /* END:VCALENDAR (or an END of nothing: the calendar ends). */
              g_string_append (cal->skeleton, "END:VCALENDAR\r\n");
              cal->end = next;
              g_ptr_array_add (cals, cal);
              cal = NULL;
              pos = next;
              continue;
            }
          depth--;
          if (depth == 0 && in_event)
            {
              ev.end = next;
              range_set_uid (&ev, uid);
              g_array_append_val (cal->events, ev);
              in_event = in_uid = FALSE;
              if (uid != NULL)
                g_string_free (g_steal_pointer (&uid), TRUE);
            }
          else if (depth == 0 && in_zone)
            {
              g_string_append_len (cal->skeleton, zone->str, zone->len);
              g_string_append_len (cal->skeleton, p, l);
              g_string_append (cal->skeleton, "\r\n");
              in_zone = FALSE;
              pos = next;
              continue;
            }
        }
      else if (depth == 0)
        {
          g_string_append_len (cal->skeleton, p, l);
          g_string_append (cal->skeleton, "\r\n");
        }
      if (in_zone)
        {
          g_string_append_len (zone, p, l);
          g_string_append (zone, "\r\n");
        }
      pos = next;
    }
  free (buf);
  if (error != NULL && *error == NULL && ferror (f))
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': unable to read it"), source);
  if (error != NULL && *error != NULL)
    {
      if (uid != NULL)
        g_string_free (uid, TRUE);
      if (cal != NULL)
        cal_text_free (cal);
      return NULL;
    }
  if (cal != NULL)
    {
      /* The file ended inside a calendar: what is whole is kept, an event
       * left open is broken. */
      if (in_event)
        {
          ev.end = pos;
          ev.bad = RANGE_UNCLOSED;
          g_array_append_val (cal->events, ev);
        }
      g_string_append (cal->skeleton, "END:VCALENDAR\r\n");
      cal->end = pos;
      g_ptr_array_add (cals, cal);
    }
  if (uid != NULL)
    g_string_free (uid, TRUE);
  return g_steal_pointer (&cals);
}

/* Returns the bytes @start to @end of @f, or NULL with @error. */
static char *
read_range (FILE *f, gint64 start, gint64 end, const char *source, GError **error)
{
  gsize len = (gsize) (end - start);
  char *text = g_malloc (len + 1);

  if (fseeko (f, (off_t) start, SEEK_SET) != 0 || fread (text, 1, len, f) != len)
    {
      g_free (text);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': unable to read it"), source);
      return NULL;
    }
  text[len] = '\0';
  return text;
}

/* Returns the UID a VEVENT's text @text says (its lines unfolded), or NULL. */
static char *
scan_uid (const char *text)
{
  GString *uid = NULL;

  for (const char *p = text; *p != '\0';)
    {
      const char *nl = strchr (p, '\n');
      const char *next = nl != NULL ? nl + 1 : p + strlen (p);
      gsize l = (gsize) ((nl != NULL ? nl : next) - p);

      if (l > 0 && p[l - 1] == '\r')
        l--;
      if (uid != NULL)
        {
          if (l == 0 || (p[0] != ' ' && p[0] != '\t'))
            break;
          g_string_append_len (uid, p + 1, (gssize) l - 1);
        }
      else if (l > 3 && g_ascii_strncasecmp (p, "UID", 3) == 0 && (p[3] == ':' || p[3] == ';'))
        {
          const char *colon = memchr (p, ':', l);

          if (colon != NULL)
            uid = g_string_new_len (colon + 1, (gssize) (l - (gsize) (colon + 1 - p)));
        }
      p = next;
    }
  if (uid == NULL)
    return NULL;
  g_strstrip (uid->str);
  uid->len = strlen (uid->str);
  return g_string_free (uid, FALSE);
}

/* Imports the events of one UID, @uid, whose texts are @texts (taken)
 * and lines @lines. */
static gboolean
apply_group (Import *im, const char *uid, GPtrArray *texts, GArray *lines, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GError) why = NULL;
  Item *bad = NULL;
  gboolean all_day;

  for (guint i = 0; i < texts->len; i++)
    {
      Item *it = g_new0 (Item, 1);

      it->line = g_array_index (lines, guint, i);
      it->text = g_steal_pointer (&texts->pdata[i]);
      icalerror_clear_errno ();
      it->ev = icalparser_parse_string (it->text);
      if (it->ev != NULL && icalcomponent_isa (it->ev) != ICAL_VEVENT_COMPONENT)
        g_clear_pointer (&it->ev, icalcomponent_free);
      /* The master first: the one without RECURRENCE-ID. */
      if (it->ev != NULL
          && icalcomponent_get_first_property (it->ev, ICAL_RECURRENCEID_PROPERTY) == NULL)
        g_ptr_array_insert (items, 0, it);
      else
        g_ptr_array_add (items, it);
    }
  for (guint i = 0; i < items->len && bad == NULL; i++)
    {
      Item *it = items->pdata[i];

      if (it->ev == NULL)
        {
          g_set_error (&why, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("an event libical cannot read"));
          bad = it;
        }
      else if (!read_item (im, it, uid, &why))
        bad = it;
    }
  if (bad != NULL)
    return broken (im, bad->line, uid, why, error);
  all_day = ((Item *) items->pdata[0])->all_day;
  if (all_day && !im->opt->all_day_as_meetings)
    {
      im->summary->counts[RAPAT_CALIMPORT_ALL_DAY]++;
      return TRUE;
    }
  if (!apply_uid (im, uid, items, &why))
    {
      if (why->domain == RAPAT_ERROR
          && (why->code == RAPAT_ERROR_INVALID || why->code == RAPAT_ERROR_MALFORMED))
        return broken (im, ((Item *) items->pdata[0])->line, uid, why, error);
      g_propagate_error (error, g_steal_pointer (&why));
      return FALSE;
    }
  return TRUE;
}

/* The events of a calendar in the order of their UIDs' hashes. */
static const Range *sort_events;

/* Compares two events (indexes into sort_events) by hash, then place. */
static int
compare_by_hash (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint64 hx = sort_events[x].hash, hy = sort_events[y].hash;

  if (hx != hy)
    return hx < hy ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Imports the VEVENTs @cal found in @f, of the VCALENDAR @vcal (its
 * properties and zones; PUBLISH, REQUEST or none), one UID at a time, in
 * the order their first events come: each UID's events are read back
 * from the file then, and nothing of it is kept after. */
static gboolean
apply_events (Import *im, icalcomponent *vcal, FILE *f, const CalText *cal, GError **error)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) zone_free);
  guint n = cal->events->len;
  const Range *evs = (const Range *) (gpointer) cal->events->data;
  g_autofree guint *order = g_new (guint, n > 0 ? n : 1);  /* events by hash, then place */
  g_autofree guint *where = g_new (guint, n > 0 ? n : 1);  /* each event's place in order */
  icalproperty *xwr;

  im->vcal = vcal;
  im->zones = zones;
  g_clear_pointer (&im->cal_tzid, g_free);
  for (xwr = icalcomponent_get_first_property (vcal, ICAL_X_PROPERTY); xwr != NULL;
       xwr = icalcomponent_get_next_property (vcal, ICAL_X_PROPERTY))
    if (icalproperty_get_x_name (xwr) != NULL
        && g_ascii_strcasecmp (icalproperty_get_x_name (xwr), "X-WR-TIMEZONE") == 0)
      {
        char *v = icalproperty_get_value_as_string_r (xwr);
        g_autoptr(GTimeZone) tz = v != NULL ? iana_zone (v, &im->cal_tzid) : NULL;

        free (v);
        break;
      }
  /* Broken events first, as they come: without --skip-bad, the first one
   * refuses the file before anything is written. */
  for (guint i = 0; i < n; i++)
    if (evs[i].bad != RANGE_OK)
      {
        g_autoptr(GError) why = NULL;
        g_autofree char *text = NULL;
        g_autofree char *uid = NULL;

        if (evs[i].bad == RANGE_LONG_UID)
          {
            text = read_range (f, evs[i].start, evs[i].end, im->source, error);
            if (text == NULL)
              return FALSE;
            uid = scan_uid (text);
          }
        g_set_error (&why, RAPAT_ERROR, RAPAT_ERROR_INVALID, "%s",
                     evs[i].bad == RANGE_UNCLOSED ? _("BEGIN:VEVENT without its END:VEVENT")
                     : evs[i].bad == RANGE_NO_UID ? _("an event without a UID")
                     : _("a UID longer than 1000 bytes"));
        if (!broken (im, evs[i].line, uid, why, error))
          return FALSE;
      }
  for (guint i = 0; i < n; i++)
    order[i] = i;
  sort_events = evs;
  qsort (order, n, sizeof (guint), compare_by_hash);
  sort_events = NULL;
  for (guint i = 0; i < n; i++)
    where[order[i]] = i;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
      guint k = where[i];

      /* Each UID once, at its first event: the first of its hash. */
      if (evs[i].bad != RANGE_OK || (k > 0 && evs[order[k - 1]].hash == evs[i].hash))
        continue;
      for (; k < n && evs[order[k]].hash == evs[i].hash; k++)
        if (evs[order[k]].bad == RANGE_OK)
          {
            char *text = read_range (f, evs[order[k]].start, evs[order[k]].end, im->source,
                                     error);

            if (text == NULL)
              return FALSE;
            g_ptr_array_add (texts, text);
            g_array_append_val (lines, evs[order[k]].line);
          }
      /* Two UIDs of one hash (rare): each is imported on its own. */
      while (texts->len > 0)
        {
          g_autofree char *uid = scan_uid (texts->pdata[0]);
          g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GArray) same_lines = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint j = 0; j < texts->len;)
            {
              g_autofree char *other = j == 0 ? NULL : scan_uid (texts->pdata[j]);

              if (j == 0 || g_strcmp0 (other, uid) == 0)
                {
                  g_ptr_array_add (same, g_ptr_array_steal_index (texts, j));
                  g_array_append_val (same_lines, g_array_index (lines, guint, j));
                  g_array_remove_index (lines, j);
                }
              else
                j++;
            }
          if (!apply_group (im, uid != NULL ? uid : "", same, same_lines, error))
            return FALSE;
        }
    }
  im->zones = NULL;
  im->vcal = NULL;
  return TRUE;
}

/* Cancels meeting @id as the VEVENT @ev of a METHOD:CANCEL with @sequence
 * says (@uid_ex names it); counts what happened. */
static gboolean
cancel_meeting (Import *im, gint64 id, icalcomponent *ev, gint64 sequence, const char *uid_ex,
                GError **error)
{
  g_autoptr(RapatMeeting) before = rapat_store_meeting_get (im->store, id, error);
  g_autoptr(RapatMeeting) after = NULL;
  g_autofree char *when = NULL;
  icalproperty *comment;
  gboolean frozen, cut;

  if (before == NULL || !minutes_final (im, id, 0, &frozen, error))
    return FALSE;
  when = when_of (before);
  if (before->status == RAPAT_MEETING_CANCELLED)
    {
      im->summary->counts[RAPAT_CALIMPORT_UNCHANGED]++;
      return TRUE;
    }
  if (before->sequence > sequence)
    {
      im->summary->counts[RAPAT_CALIMPORT_OLDER]++;
      note (im, _("event '%s': the cancellation of '%s' (%s) is older than the meeting "
                  "(SEQUENCE %" PRId64 " < %" PRId64 "); kept"),
            uid_ex, before->title, when, sequence, before->sequence);
      return TRUE;
    }
  if (frozen)
    {
      im->summary->counts[RAPAT_CALIMPORT_FROZEN]++;
      note (im, _("event '%s': '%s' (%s) has final minutes; the cancellation is not applied"),
            uid_ex, before->title, when);
      return TRUE;
    }
  after = rapat_meeting_copy (before);
  after->status = RAPAT_MEETING_CANCELLED;
  after->sequence = MAX (before->sequence, sequence);
  after->updated_at = im->now;
  comment = icalcomponent_get_first_property (ev, ICAL_COMMENT_PROPERTY);
  if (comment != NULL && icalproperty_get_comment (comment) != NULL)
    {
      g_free (after->cancel_reason);
      after->cancel_reason = clean_text (icalproperty_get_comment (comment), RAPAT_MAX_TEXT, TRUE,
                                         &cut);
      g_strstrip (after->cancel_reason);
      if (*after->cancel_reason == '\0')
        g_clear_pointer (&after->cancel_reason, g_free);
    }
  if (!rapat_store_meeting_update (im->store, after, error))
    return FALSE;
  im->summary->counts[RAPAT_CALIMPORT_CANCELLED]++;
  if (im->opt->changes)
    g_ptr_array_add (im->summary->changes,
                     g_strdup_printf (_("%s: '%s' (%s) cancelled"), im->source, before->title,
                                      when));
  return TRUE;
}

/* Returns whether @a and @b are one address (ASCII case ignored; a space
 * in either as the %20 rapat keeps). */
static gboolean
same_address (const char *a, const char *b)
{
  g_autofree char *ua = uri_text (a);
  g_autofree char *ub = uri_text (b);

  return g_ascii_strcasecmp (ua, ub) == 0;
}

/* Notes a cancellation @ev of meeting @id that came by mail from an
 * address other than the organizer's: the one rapat keeps for the meeting,
 * or the ORGANIZER of @ev with its EMAIL and SENT-BY (iCloud names the
 * organizer by a relay address in the invitation and by the real one in
 * the cancellation).  It is applied all the same, as a reply from another
 * address is: From: proves nothing, and an attendee forwarding the
 * organizer's cancellation is the usual case; the note lets the
 * secretariat check. */
static gboolean
note_sender (Import *im, gint64 id, icalcomponent *ev, const char *uid_ex, GError **error)
{
  g_autoptr(RapatMeeting) m = NULL;
  g_autoptr(GPtrArray) externals = NULL;
  g_autofree char *keeper = NULL;
  g_autofree char *when = NULL;
  g_autofree char *from_ex = NULL;
  icalproperty *op = icalcomponent_get_first_property (ev, ICAL_ORGANIZER_PROPERTY);

  if (im->opt->from == NULL)
    return TRUE;
  if (op != NULL)
    {
      icalparameter *by = icalproperty_get_first_parameter (op, ICAL_SENTBY_PARAMETER);
      icalparameter *email = icalproperty_get_first_parameter (op, ICAL_EMAIL_PARAMETER);
      const char *named[] = {
        icalproperty_get_organizer (op),
        by != NULL ? icalparameter_get_sentby (by) : NULL,
        email != NULL ? icalparameter_get_email (email) : NULL,
      };

      for (guint i = 0; i < G_N_ELEMENTS (named); i++)
        {
          g_autofree char *address = named[i] != NULL ? rapat_itip_address (named[i]) : NULL;

          if (address != NULL && same_address (address, im->opt->from))
            return TRUE;
        }
    }
  m = rapat_store_meeting_get (im->store, id, error);
  if (m == NULL)
    return FALSE;
  if (m->organizer_id > 0)
    keeper = g_strdup (m->organizer_email);
  else
    {
      externals = rapat_store_import_externals (im->store, id, error);
      if (externals == NULL)
        return FALSE;
      for (guint i = 0; keeper == NULL && i < externals->len; i++)
        if (((RapatExternal *) externals->pdata[i])->organizer)
          keeper = rapat_itip_address (((RapatExternal *) externals->pdata[i])->address);
    }
  if (keeper != NULL && same_address (keeper, im->opt->from))
    return TRUE;
  when = when_of (m);
  from_ex = rapat_text_excerpt (im->opt->from);
  if (keeper != NULL)
    note (im, _("event '%s': the cancellation of '%s' (%s) was mailed by %s, not by its "
                "organizer %s"), uid_ex, m->title, when, from_ex, keeper);
  else
    note (im, _("event '%s': the cancellation of '%s' (%s) was mailed by %s, not by its "
                "organizer"), uid_ex, m->title, when, from_ex);
  return TRUE;
}

/* Applies the VEVENTs of a METHOD:CANCEL calendar: the organizer calls off
 * meetings (or one occurrence, by RECURRENCE-ID) that an earlier import
 * brought.  Each is marked cancelled, kept with its people and history, as
 * 'rapat meeting cancel' does; one rapat does not have is noted. */
static gboolean
apply_cancel (Import *im, icalcomponent *vcal, FILE *f, const CalText *cal, GError **error)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) zone_free);
  const Range *evs = (const Range *) (gpointer) cal->events->data;
  gboolean ok = TRUE;

  im->vcal = vcal;
  im->zones = zones;
  for (guint i = 0; ok && i < cal->events->len; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *uid_ex = NULL;
      g_autofree char *occurrence = NULL;
      g_autoptr(icalcomponent) ev = NULL;
      g_autoptr(GError) why = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      icalproperty *p;
      g_autofree char *uid = NULL;
      RapatImportState state = { { 0 } };
      g_autoptr(GError) local = NULL;
      const char *state_uid;
      gboolean known;
      gint64 sequence = 0, stamp = 0, id;

      if (evs[i].bad != RANGE_OK)
        {
          g_set_error_literal (&why, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                               _("a cancellation rapat cannot read"));
          ok = broken (im, evs[i].line, NULL, why, error);
          continue;
        }
      text = read_range (f, evs[i].start, evs[i].end, im->source, error);
      if (text == NULL)
        {
          ok = FALSE;
          break;
        }
      ev = icalparser_parse_string (text);
      uid = scan_uid (text);
      if (ev == NULL || uid == NULL || *uid == '\0')
        {
          g_set_error_literal (&why, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                               _("a cancellation rapat cannot read"));
          ok = broken (im, evs[i].line, NULL, why, error);
          continue;
        }
      uid_ex = rapat_text_excerpt (uid);
      p = icalcomponent_get_first_property (ev, ICAL_SEQUENCE_PROPERTY);
      if (p != NULL)
        sequence = MAX (icalproperty_get_sequence (p), 0);
      p = icalcomponent_get_first_property (ev, ICAL_DTSTAMP_PROPERTY);
      if (p != NULL && !icaltime_is_null_time (icalproperty_get_dtstamp (p)))
        stamp = (gint64) icaltime_as_timet_with_zone (icalproperty_get_dtstamp (p),
                                                      icaltimezone_get_utc_timezone ());
      p = icalcomponent_get_first_property (ev, ICAL_RECURRENCEID_PROPERTY);
      if (p != NULL)
        {
          gint64 rid;

          if (!instant_of (im, p, icalproperty_get_recurrenceid (p), &rid, NULL, &why))
            {
              ok = broken (im, evs[i].line, uid, why, error);
              continue;
            }
          occurrence = rapat_occurrence_uid (uid, rid);
          id = rapat_store_meeting_find_uid (im->store, occurrence, error);
          if (id == 0)
            {
              gint64 series = rapat_store_series_find_uid (im->store, uid, error);

              id = series > 0 ? rapat_store_series_occurrence (im->store, series, rid, error) : series;
            }
          if (id > 0)
            g_array_append_val (ids, id);
        }
      else
        {
          gint64 series;

          id = rapat_store_meeting_find_uid (im->store, uid, error);
          if (id > 0)
            g_array_append_val (ids, id);
          series = id == 0 ? rapat_store_series_find_uid (im->store, uid, error) : 0;
          if (series > 0)
            {
              g_autoptr(GPtrArray) occ = rapat_store_series_meetings (im->store, series, error);

              if (occ == NULL)
                {
                  ok = FALSE;
                  break;
                }
              for (guint j = 0; j < occ->len; j++)
                g_array_append_val (ids, ((RapatMeeting *) occ->pdata[j])->id);
            }
          else if (series < 0)
            id = -1;
        }
      if (id < 0)
        {
          ok = FALSE;
          break;
        }
      if (ids->len == 0)
        {
          note (im, _("event '%s': cancelled by the calendar, but rapat has no such meeting"),
                uid_ex);
          continue;
        }
      /* Only what an import brought: a meeting made in rapat is called
       * off by its organizer here, with 'rapat meeting cancel'. */
      state_uid = occurrence != NULL && rapat_store_import_state_get (im->store, occurrence,
                                                                      &state, &local)
                  ? occurrence : uid;
      if (local == NULL && state_uid == uid)
        known = rapat_store_import_state_get (im->store, uid, &state, &local);
      else
        known = local == NULL;
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
          break;
        }
      if (!known)
        {
          note (im, _("event '%s': a meeting made in rapat, not imported; 'rapat meeting "
                      "cancel' cancels it"), uid_ex);
          continue;
        }
      if (!note_sender (im, g_array_index (ids, gint64, 0), ev, uid_ex, error))
        {
          ok = FALSE;
          break;
        }
      for (guint j = 0; ok && j < ids->len; j++)
        ok = cancel_meeting (im, g_array_index (ids, gint64, j), ev, sequence, uid_ex, error);
      /* A whole event called off: an older invitation imported again
       * (a lower SEQUENCE, or the same one sent before) no longer brings
       * it back. */
      if (ok && occurrence == NULL
          && (sequence > state.sequence || (sequence == state.sequence && stamp > state.stamp)))
        {
          state.sequence = sequence;
          state.stamp = stamp;
          ok = rapat_store_import_state_set (im->store, uid, &state, im->now, error);
        }
    }
  im->zones = NULL;
  im->vcal = NULL;
  return ok;
}

/* Applies the VCALENDAR @cal of @f by its METHOD. */
static gboolean
apply_calendar (Import *im, FILE *f, const CalText *cal, RapatItipSummary *itip, GError **error)
{
  g_autoptr(icalcomponent) vcal = icalparser_parse_string (cal->skeleton->str);
  icalproperty *mp;
  icalproperty_method method;

  if (vcal == NULL || icalcomponent_isa (vcal) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("calendar '%s': not an iCalendar object (no VCALENDAR)"), im->source);
      return FALSE;
    }
  mp = icalcomponent_get_first_property (vcal, ICAL_METHOD_PROPERTY);
  method = mp != NULL ? icalproperty_get_method (mp) : ICAL_METHOD_NONE;
  switch (method)
    {
    case ICAL_METHOD_NONE:
    case ICAL_METHOD_PUBLISH:
    case ICAL_METHOD_REQUEST:
      return apply_events (im, vcal, f, cal, error);
    case ICAL_METHOD_REPLY:
    case ICAL_METHOD_COUNTER:
    case ICAL_METHOD_REFRESH:
    case ICAL_METHOD_DECLINECOUNTER:
      {
        g_autofree char *text = read_range (f, cal->start, cal->end, im->source, error);

        return text != NULL
               && rapat_itip_import (im->store, text, (gsize) (cal->end - cal->start), im->source,
                                     NULL, NULL, im->now, itip, error);
      }
    case ICAL_METHOD_CANCEL:
      return apply_cancel (im, vcal, f, cal, error);
    default:
      note (im, _("METHOD '%s': rapat imports events (PUBLISH, REQUEST), cancellations "
                  "(CANCEL) and answers (REPLY, COUNTER, REFRESH); this calendar is skipped"),
            icalproperty_method_to_string (method));
      return TRUE;
    }
}

gboolean
rapat_calimport_file (RapatStore *store, FILE *f, const char *source,
                      const RapatCalimportOptions *opt, gint64 now, RapatCalimportSummary *summary,
                      RapatItipSummary *itip, GError **error)
{
  g_autoptr(GTimeZone) float_tz = NULL;
  g_autoptr(GPtrArray) cals = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Import im = { store, opt, now, source, summary, NULL, NULL, NULL, NULL, NULL, FALSE, people };
  gboolean ok = TRUE;

  if (!rapat_ical_load (error))
    return FALSE;
  if (fseeko (f, 0, SEEK_SET) != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': unable to read it"), source);
      return FALSE;
    }
  cals = scan_file (f, source, error);
  if (cals == NULL)
    return FALSE;
  float_tz = rapat_time_zone_load (opt->tz, &im.float_tzid, error);
  if (float_tz == NULL)
    return FALSE;
  im.float_tz = float_tz;
  for (guint i = 0; ok && i < cals->len; i++)
    ok = apply_calendar (&im, f, cals->pdata[i], itip, error);
  g_free (im.float_tzid);
  g_free (im.cal_tzid);
  if (ok && cals->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("calendar '%s': not an iCalendar object (no VCALENDAR)"), source);
      return FALSE;
    }
  return ok;
}

gboolean
rapat_calimport_has_events (const char *ics, gsize len)
{
  const char *end = ics + len;

  /* The METHOD of the first VCALENDAR: a line of its own before any
   * component (folding cannot split the short names compared). */
  for (const char *p = ics; p < end;)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize l = (gsize) ((nl != NULL ? nl : end) - p);

      if (l > 0 && p[l - 1] == '\r')
        l--;
      if (l >= 6 && g_ascii_strncasecmp (p, "BEGIN:", 6) == 0
          && !(l == 15 && g_ascii_strncasecmp (p + 6, "VCALENDAR", 9) == 0))
        return TRUE;
      if (l > 7 && g_ascii_strncasecmp (p, "METHOD:", 7) == 0)
        {
          static const char *const events[] = { "PUBLISH", "REQUEST", "ADD", "CANCEL" };

          for (guint i = 0; i < G_N_ELEMENTS (events); i++)
            if (l - 7 == strlen (events[i]) && g_ascii_strncasecmp (p + 7, events[i], l - 7) == 0)
              return TRUE;
          return FALSE;
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return TRUE;
}

gboolean
rapat_calimport (RapatStore *store, const char *ics, gsize len, const char *source,
                 const RapatCalimportOptions *opt, gint64 now, RapatCalimportSummary *summary,
                 RapatItipSummary *itip, GError **error)
{
  FILE *f;
  gboolean ok;

  if (len == 0)
    ics = "\n", len = 1;
  f = fmemopen ((void *) ics, len, "r");
  if (f == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': unable to read it"), source);
      return FALSE;
    }
  ok = rapat_calimport_file (store, f, source, opt, now, summary, itip, error);
  fclose (f);
  return ok;
}
