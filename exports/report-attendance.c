/* rapat — attendance reports and the sign-in sheet (export layer). */
#include "report-attendance.h"
#include "csv.h"
#include "lang.h"
#include "layout-html.h"
#include "nip.h"
#include "output.h"
#include "paper.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

static const char *const grouping_names[] = { "person", "unit", NULL };
static const char *const grouping_aliases[] = {
  "people", "person", "units", "unit", "pegawai", "person", "orang", "person",
  "unit-kerja", "unit", NULL,
};
const RapatEnum rapat_attendance_grouping_enum = { N_("grouping"), grouping_names,
                                                   grouping_aliases };

/* Minutes @a arrived after the meeting's start, when later than the grace
 * period allows; 0 when on time or not recorded. */
static gint64
late_minutes (const RapatAttendee *a, const RapatMeeting *m, gint64 grace)
{
  gint64 after;

  /* Overflow-free for any values, whatever the store let through. */
  if (a->attendance != RAPAT_ATTENDANCE_PRESENT || a->arrived_utc == 0
      || __builtin_sub_overflow (a->arrived_utc, m->start_utc, &after) || after <= grace)
    return 0;
  return after > G_MAXINT64 - 59 ? after / 60 + 1 : (after + 59) / 60;
}

/* Returns the arrival as "09:35", with " late +35m" when late. */
static char *
arrival_text (const RapatAttendee *a, const RapatMeeting *m, GTimeZone *tz, gint64 grace)
{
  g_autofree char *clock = NULL;
  gint64 late = late_minutes (a, m, grace);

  if (a->arrived_utc == 0)
    return NULL;
  clock = rapat_when_clock (a->arrived_utc, tz);
  if (late > 0)
    return g_strdup_printf (_("%s late +%" PRId64 "m"), clock, late);
  return g_steal_pointer (&clock);
}

/* Returns "Name (position)" for a stand-in, or NULL. */
static char *
stand_in_text (const RapatAttendee *a)
{
  if (a->stand_in_name == NULL)
    return NULL;
  if (a->stand_in_position == NULL)
    return g_strdup (a->stand_in_name);
  return g_strdup_printf ("%s (%s)", a->stand_in_name, a->stand_in_position);
}

/* TRUE when @a accepted but then did not attend (excused, sick, duty, absent). */
static gboolean
accepted_not_attended (const RapatAttendee *a)
{
  return a->rsvp == RAPAT_RSVP_ACCEPTED && a->attendance != RAPAT_ATTENDANCE_NONE
         && a->attendance != RAPAT_ATTENDANCE_PRESENT
         && a->attendance != RAPAT_ATTENDANCE_REPRESENTED;
}

/* TRUE when @a attended (in person or represented) without ever replying. */
static gboolean
attended_no_reply (const RapatAttendee *a)
{
  return a->rsvp == RAPAT_RSVP_NEEDS_ACTION
         && (a->attendance == RAPAT_ATTENDANCE_PRESENT
             || a->attendance == RAPAT_ATTENDANCE_REPRESENTED);
}

/* Returns the attendance status of @a for people ("-" when not recorded). */
static const char *
attendance_name (const RapatAttendee *a)
{
  const char *name = rapat_enum_label (&rapat_attendance_enum, a->attendance);

  return name != NULL ? name : "-";
}

/* The counts in report order, with their labels. */
typedef struct {
  const char *key;      /* for JSON and CSV */
  const char *label;    /* for people, marked N_() */
  gsize offset;
} CountField;

static const CountField meeting_fields[] = {
  { "invited", N_("Invited"), G_STRUCT_OFFSET (RapatAttendanceCounts, invited) },
  { "accepted", N_("Accepted"), G_STRUCT_OFFSET (RapatAttendanceCounts, accepted) },
  { "declined", N_("Declined"), G_STRUCT_OFFSET (RapatAttendanceCounts, declined) },
  { "tentative", N_("Tentative"), G_STRUCT_OFFSET (RapatAttendanceCounts, tentative) },
  { "no_reply", N_("No reply"), G_STRUCT_OFFSET (RapatAttendanceCounts, no_reply) },
  { "present", N_("Present"), G_STRUCT_OFFSET (RapatAttendanceCounts, present) },
  { "late", N_("Late"), G_STRUCT_OFFSET (RapatAttendanceCounts, late) },
  { "represented", N_("Represented"), G_STRUCT_OFFSET (RapatAttendanceCounts, represented) },
  { "excused", N_("Excused"), G_STRUCT_OFFSET (RapatAttendanceCounts, excused) },
  { "sick", N_("Sick"), G_STRUCT_OFFSET (RapatAttendanceCounts, sick) },
  { "duty", N_("Duty"), G_STRUCT_OFFSET (RapatAttendanceCounts, duty) },
  { "absent", N_("Absent"), G_STRUCT_OFFSET (RapatAttendanceCounts, absent) },
  { "not_recorded", N_("Not recorded"), G_STRUCT_OFFSET (RapatAttendanceCounts, unrecorded) },
};

/* The columns of a period report, after the name. */
static const CountField period_fields[] = {
  { "meetings", N_("Meetings"), G_STRUCT_OFFSET (RapatAttendanceCounts, meetings) },
  { "invited", N_("Invited"), G_STRUCT_OFFSET (RapatAttendanceCounts, invited) },
  { "present", N_("Present"), G_STRUCT_OFFSET (RapatAttendanceCounts, present) },
  { "late", N_("Late"), G_STRUCT_OFFSET (RapatAttendanceCounts, late) },
  { "represented", N_("Repr."), G_STRUCT_OFFSET (RapatAttendanceCounts, represented) },
  { "excused", N_("Excused"), G_STRUCT_OFFSET (RapatAttendanceCounts, excused) },
  { "sick", N_("Sick"), G_STRUCT_OFFSET (RapatAttendanceCounts, sick) },
  { "duty", N_("Duty"), G_STRUCT_OFFSET (RapatAttendanceCounts, duty) },
  { "absent", N_("Absent"), G_STRUCT_OFFSET (RapatAttendanceCounts, absent) },
  { "not_recorded", N_("Not rec."), G_STRUCT_OFFSET (RapatAttendanceCounts, unrecorded) },
};

/* Returns the count @f of @c. */
static gint64
count_of (const RapatAttendanceCounts *c, const CountField *f)
{
  return G_STRUCT_MEMBER (gint64, c, f->offset);
}

/* Writes @c as members of the current JSON object, with the rate. */
static void
counts_json (RapatJson *json, FILE *out, const RapatAttendanceCounts *c, const CountField *fields,
             guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    rapat_json_int (json, fields[i].key, count_of (c, &fields[i]));
  rapat_json_member (json, "rate");
  rapat_report_rate_json (out, rapat_attendance_rate (c));
}

/* ---- one meeting ---- */

/* Writes, after @before, the line @heading followed by "Name (attendance)"
 * for each of @attendees that @keep selects, or the whole line @none when
 * there is nobody: "none" is part of the sentence, not a piece glued on. */
static void
text_list (FILE *out, GPtrArray *attendees, gboolean (*keep) (const RapatAttendee *),
           const char *heading, const char *none, const char *before)
{
  guint n = 0;

  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];

      if (!keep (a))
        continue;
      if (n++ == 0)
        fprintf (out, "%s%s", before, heading);
      fprintf (out, "\n  %s (%s)", a->person_name, attendance_name (a));
    }
  if (n > 0)
    fputc ('\n', out);
  else
    fprintf (out, "%s%s\n", before, none);
}

/* Writes the text form of a meeting's attendance. */
static void
meeting_text (FILE *out, const RapatMeetingAttendance *r, GTimeZone *tz)
{
  const RapatMeeting *m = r->meeting;
  g_autofree char *when = rapat_when_meeting (m, tz);
  g_autofree char *grace = rapat_time_format_duration (r->grace_seconds / 60);
  g_autofree char *rate = rapat_report_rate_text (rapat_attendance_rate (&r->totals));
  g_autoptr(RapatTable) table = rapat_table_new (_("No"), _("Name"), _("Unit"), _("Role"),
                                                 _("Reply"), _("Attendance"), _("Arrived"), NULL);
  g_autoptr(GString) totals = g_string_new ("  ");
  gint64 recorded = r->totals.invited - r->totals.unrecorded;

  {
    g_autofree char *heading = g_strdup_printf (_("Attendance: %s"), m->title);
    g_autofree char *place = m->location != NULL ? g_strdup_printf ("%s · %s", when, m->location)
                                                 : g_strdup (when);
    rapat_print_wrapped (out, "", heading, 100);
    rapat_print_wrapped (out, "", place, 100);
  }
  if (r->grace_seconds > 0)
    fprintf (out, _("Late: arriving more than %s after the start.\n"), grace);
  else
    fprintf (out, _("Late: arriving after the start.\n"));
  fputc ('\n', out);

  rapat_table_align_right (table, 0);
  rapat_table_max_width (table, 1, 22);
  rapat_table_max_width (table, 2, 16);
  for (guint i = 0; i < r->attendees->len; i++)
    {
      const RapatAttendee *a = r->attendees->pdata[i];
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *arrived = arrival_text (a, m, tz, r->grace_seconds);
      g_autofree char *stand_in = stand_in_text (a);
      g_autoptr(GString) note = g_string_new (a->position);

      rapat_table_add (table, no, a->person_name,
                       a->unit_code != NULL ? a->unit_code : a->unit_name,
                       rapat_enum_label (&rapat_role_enum, a->role),
                       rapat_enum_label (&rapat_rsvp_enum, a->rsvp), attendance_name (a),
                       arrived);
      if (stand_in != NULL)
        g_string_append_printf (note, "%s%s %s", note->len > 0 ? "; " : "", _("stand-in:"),
                                stand_in);
      if (a->note != NULL)
        g_string_append_printf (note, "%s%s", note->len > 0 ? "; " : "", a->note);
      if (note->len > 0)
        rapat_table_add_note (table, note->str, 96);
    }
  rapat_table_print (table, out, "");

  fprintf (out, "\n%s\n", _("Totals"));
  for (guint i = 0; i < G_N_ELEMENTS (meeting_fields); i++)
    {
      g_autofree char *item = g_strdup_printf ("%s %" PRId64, _(meeting_fields[i].label),
                                               count_of (&r->totals, &meeting_fields[i]));
      /* Wrap before 100 columns. */
      if (strlen (strrchr (totals->str, '\n') != NULL ? strrchr (totals->str, '\n') : totals->str)
          + strlen (item) > 96)
        g_string_append (totals, "\n  ");
      else if (i > 0)
        g_string_append (totals, "   ");
      g_string_append (totals, item);
    }
  fprintf (out, "%s\n", totals->str);
  if (recorded > 0)
    fprintf (out, g_dngettext (GETTEXT_PACKAGE, "  Attendance rate: %s (present + represented over %" PRId64
                            " invitation with attendance recorded)\n",
                            "  Attendance rate: %s (present + represented over %" PRId64
                            " invitations with attendance recorded)\n", recorded),
             rate, recorded);
  else
    fputs (_("  Attendance rate: - (no attendance recorded)\n"), out);

  text_list (out, r->attendees, accepted_not_attended, _("Accepted but did not attend:"),
             _("Accepted but did not attend: none"), "\n");
  text_list (out, r->attendees, attended_no_reply, _("Attended without replying:"),
             _("Attended without replying: none"), "");
}

/* Writes the CSV form: a header and one record per attendee. */
static void
meeting_csv (FILE *out, const RapatMeetingAttendance *r, GTimeZone *tz)
{
  static const char *const header[] = {
    "no", "name", "position", "unit", "email", "role", "rsvp", "attendance", "arrived",
    "late_minutes", "stand_in", "stand_in_position", "note",
  };

  rapat_csv_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < r->attendees->len; i++)
    {
      const RapatAttendee *a = r->attendees->pdata[i];
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *arrived = a->arrived_utc != 0 ? rapat_time_format_iso (a->arrived_utc, tz) : NULL;
      gint64 late = late_minutes (a, r->meeting, r->grace_seconds);
      g_autofree char *late_s = a->arrived_utc != 0 ? g_strdup_printf ("%" PRId64, late) : NULL;
      const char *fields[] = {
        no, a->person_name, a->position, a->unit_name, a->email,
        rapat_enum_name (&rapat_role_enum, a->role), rapat_enum_name (&rapat_rsvp_enum, a->rsvp),
        rapat_enum_name (&rapat_attendance_enum, a->attendance), arrived, late_s,
        a->stand_in_name, a->stand_in_position, a->note,
      };

      rapat_csv_record (out, fields, G_N_ELEMENTS (fields));
    }
}

/* Writes the people for whom @pred holds as a JSON array called @key. */
static void
names_json (RapatJson *json, const char *key, GPtrArray *attendees,
            gboolean (*pred) (const RapatAttendee *))
{
  rapat_json_begin_array (json, key);
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      if (!pred (a))
        continue;
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "person_id", a->person_id);
      rapat_json_string (json, "name", a->person_name);
      rapat_json_string (json, "attendance", rapat_enum_name (&rapat_attendance_enum, a->attendance));
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Writes the JSON form. */
static void
meeting_json (FILE *out, const RapatMeetingAttendance *r, GTimeZone *tz)
{
  const RapatMeeting *m = r->meeting;
  g_autoptr(RapatJson) json = rapat_json_new (out);
  g_autofree char *start = rapat_time_format_iso (m->start_utc, tz);
  g_autofree char *end = rapat_time_format_iso (m->end_utc, tz);

  rapat_json_begin_object (json, NULL);
  rapat_json_begin_object (json, "meeting");
  rapat_json_int (json, "id", m->id);
  rapat_json_string (json, "uid", m->uid);
  rapat_json_string (json, "title", m->title);
  rapat_json_string (json, "start", start);
  rapat_json_string (json, "end", end);
  rapat_json_string (json, "tz", m->tzid);
  rapat_json_string (json, "location", m->location);
  rapat_json_string (json, "organizer", m->organizer_name);
  rapat_json_string (json, "status", rapat_enum_name (&rapat_meeting_status_enum, m->status));
  rapat_json_end_object (json);
  rapat_json_int (json, "grace_minutes", r->grace_seconds / 60);
  rapat_json_begin_array (json, "rows");
  for (guint i = 0; i < r->attendees->len; i++)
    {
      const RapatAttendee *a = r->attendees->pdata[i];
      g_autofree char *arrived = a->arrived_utc != 0 ? rapat_time_format_iso (a->arrived_utc, tz) : NULL;

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "no", i + 1);
      rapat_json_int (json, "person_id", a->person_id);
      rapat_json_string (json, "name", a->person_name);
      rapat_json_string (json, "position", a->position);
      rapat_json_string (json, "unit", a->unit_name);
      rapat_json_string (json, "role", rapat_enum_name (&rapat_role_enum, a->role));
      rapat_json_string (json, "rsvp", rapat_enum_name (&rapat_rsvp_enum, a->rsvp));
      rapat_json_string (json, "attendance", rapat_enum_name (&rapat_attendance_enum, a->attendance));
      rapat_json_string (json, "arrived", arrived);
      rapat_json_bool (json, "late", late_minutes (a, m, r->grace_seconds) > 0);
      rapat_json_int (json, "late_minutes", late_minutes (a, m, r->grace_seconds));
      rapat_json_string (json, "stand_in", a->stand_in_name);
      rapat_json_string (json, "stand_in_position", a->stand_in_position);
      rapat_json_string (json, "note", a->note);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_begin_object (json, "totals");
  counts_json (json, out, &r->totals, meeting_fields, G_N_ELEMENTS (meeting_fields));
  rapat_json_end_object (json);
  names_json (json, "accepted_not_attended", r->attendees, accepted_not_attended);
  names_json (json, "attended_without_reply", r->attendees, attended_no_reply);
  rapat_json_end_object (json);
}

/* Writes the HTML form: the layout of the printed report (its PDF's), as
 * one HTML page. */
static void
meeting_html (FILE *out, const RapatMeetingAttendance *r)
{
  RapatAttendancePaper plain = { 0 };
  g_autoptr(RapatLayout) doc = NULL;

  /* Without a paper: no letterhead, a dotted line to sign, in the
   * language the output speaks (rapat_lang_use()). */
  plain.lang = rapat_lang_code (rapat_lang ());
  doc = rapat_report_meeting_attendance_layout (r, r->paper != NULL ? r->paper : &plain);
  rapat_layout_html (out, doc);
}

void
rapat_report_meeting_attendance (FILE *out, const RapatMeetingAttendance *report)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (report->meeting);

  switch (report->format)
    {
    case RAPAT_FORMAT_CSV:
      meeting_csv (out, report, tz);
      break;
    case RAPAT_FORMAT_JSON:
      meeting_json (out, report, tz);
      break;
    case RAPAT_FORMAT_HTML:
      meeting_html (out, report);
      break;
    case RAPAT_FORMAT_TEXT:
    default:
      meeting_text (out, report, tz);
      break;
    }
}

/* Adds a heading and a line per attendee @keep selects ("Name
 * (attendance)"), or @none when there is nobody, to @doc. */
static void
layout_list (RapatLayout *doc, GPtrArray *attendees, gboolean (*keep) (const RapatAttendee *),
             const char *heading, const char *none)
{
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_HEADING);
  RapatLayoutBlock *p = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);

  rapat_layout_text (b, heading);
  b->space_before = 10;
  for (guint i = 0; i < attendees->len; i++)
    {
      const RapatAttendee *a = attendees->pdata[i];
      g_autofree char *line = NULL;

      if (!keep (a))
        continue;
      line = g_strdup_printf ("%u. %s (%s)", p->texts->len + 1, a->person_name, attendance_name (a));
      rapat_layout_text (p, line);
    }
  if (p->texts->len == 0)
    rapat_layout_text (p, none);
}

/* Adds the signature block of a paper about @m dated its day to @doc. */
static void
layout_signature (RapatLayout *doc, const RapatMeeting *m, GTimeZone *tz, gboolean en,
                  const char *city, const char *title, const char *name, const char *nip)
{
  g_autofree char *day = rapat_when_letter_date (m->start_utc, tz, en ? RAPAT_WHEN_ENGLISH
                                                                      : RAPAT_WHEN_INDONESIAN);
  g_autofree char *nip_text = nip != NULL ? rapat_nip_format (nip) : NULL;
  g_autofree char *below = nip_text != NULL ? g_strconcat ("NIP ", nip_text, NULL) : NULL;
  g_autofree char *above = city != NULL ? g_strdup_printf ("%s, %s", city, day) : g_strdup (day);
  g_autofree char *signer = title != NULL ? g_strconcat (title, ",", NULL)
                                          : g_strdup (en ? "Chair of the meeting," : "Pimpinan Rapat,");
  RapatLayoutBlock *b = rapat_layout_add (doc, RAPAT_LAYOUT_SIGNATURES);

  rapat_layout_signature (b, above, signer, name, below);
}

RapatLayout *
rapat_report_meeting_attendance_layout (const RapatMeetingAttendance *r,
                                        const RapatAttendancePaper *paper)
{
  const RapatMeeting *m = r->meeting;
  gboolean en = g_strcmp0 (paper->lang, "en") == 0;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *title = g_strdup_printf (_("Attendance: %s"), m->title);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *grace = rapat_time_format_duration (r->grace_seconds / 60);
  g_autofree char *rule = r->grace_seconds > 0
    ? g_strdup_printf (_("Late: arriving more than %s after the start.\n"), grace)
    : g_strdup (_("Late: arriving after the start.\n"));
  g_autofree char *rate = rapat_report_rate_text (rapat_attendance_rate (&r->totals));
  RapatLayout *doc = rapat_layout_new (paper->lang, title);
  /* The name, in bold over the position, is the widest column. */
  static const double widths[] = { 0.045, 0.29, 0.15, 0.125, 0.12, 0.135, 0.135 };
  static const double total_widths[] = { 0.8, 0.2 };
  const char *heads[] = { _("No"), _("Name"), _("Unit"), _("Role"), _("Reply"), _("Attendance"),
                          _("Arrived") };
  const char *total_heads[] = { _("Totals"), "" };
  RapatLayoutBlock *b;
  RapatLayoutTable *t;
  RapatLayoutRow *row;

  rapat_when_range_rows (m->start_utc, m->end_utc, tz,
                         en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN, &date, &time);
  rapat_layout_set_printed (doc, paper->now, tz);
  rapat_paper_letterhead (doc, paper->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
  rapat_layout_text (b, en ? "ATTENDANCE REPORT" : "LAPORAN KEHADIRAN");
  rapat_layout_text (b, m->title);
  b->keep_with_next = TRUE;
  b = rapat_layout_add (doc, RAPAT_LAYOUT_FIELDS);
  rapat_layout_field (b, en ? "Date" : "Hari/tanggal", date);
  rapat_layout_field (b, en ? "Time" : "Waktu", time);
  rapat_layout_field (b, en ? "Place" : "Tempat", m->location);
  b->keep_with_next = TRUE;
  b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
  g_strchomp (rule);
  rapat_layout_text (b, rule);
  b->space_before = 4;
  b->keep_with_next = TRUE;

  t = rapat_layout_table (doc, G_N_ELEMENTS (widths), widths, heads);
  rapat_layout_last (doc)->space_before = 8;
  for (guint i = 0; i < r->attendees->len; i++)
    {
      const RapatAttendee *a = r->attendees->pdata[i];
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *arrived = arrival_text (a, m, tz, r->grace_seconds);
      g_autofree char *stand_in = stand_in_text (a);
      g_autoptr(GString) name = g_string_new (a->person_name);

      /* The name in bold over the position and the stand-in; the note in
       * smaller type under them. */
      if (a->position != NULL && *a->position != '\0')
        g_string_append_printf (name, "\n%s", a->position);
      if (stand_in != NULL)
        g_string_append_printf (name, "\n%s %s", _("stand-in:"), stand_in);
      row = rapat_layout_row (t, RAPAT_ROW_NORMAL);
      rapat_layout_cell (row, 0, no, RAPAT_ALIGN_RIGHT);
      rapat_layout_cell (row, 1, name->str, RAPAT_ALIGN_LEFT);
      row->cells[1].first_bold = TRUE;
      rapat_layout_cell_note (row, 1, a->note, FALSE);
      rapat_layout_cell (row, 2, a->unit_code != NULL ? a->unit_code : a->unit_name, RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 3, rapat_enum_label (&rapat_role_enum, a->role), RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 4, rapat_enum_label (&rapat_rsvp_enum, a->rsvp), RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 5, attendance_name (a), RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 6, arrived, RAPAT_ALIGN_LEFT);
      /* A late arrival stands out, as the text report's does. */
      row->cells[6].bold = late_minutes (a, m, r->grace_seconds) > 0;
    }

  /* The totals: a table of their own whose header is their heading, so
   * that it repeats and is never left at the foot of a page. */
  t = rapat_layout_table (doc, 2, total_widths, total_heads);
  rapat_layout_last (doc)->space_before = 12;
  t->header[0].align = RAPAT_ALIGN_LEFT;
  t->keep_first = 3;
  for (guint i = 0; i < G_N_ELEMENTS (meeting_fields); i++)
    {
      g_autofree char *n = g_strdup_printf ("%" PRId64, count_of (&r->totals, &meeting_fields[i]));

      row = rapat_layout_row (t, RAPAT_ROW_NORMAL);
      rapat_layout_cell (row, 0, _(meeting_fields[i].label), RAPAT_ALIGN_LEFT);
      rapat_layout_cell (row, 1, n, RAPAT_ALIGN_RIGHT);
    }
  row = rapat_layout_row (t, RAPAT_ROW_TOTAL);
  rapat_layout_cell (row, 0, _("Attendance rate (present + represented over the invitations with attendance recorded)"),
                     RAPAT_ALIGN_LEFT);
  rapat_layout_cell (row, 1, rate, RAPAT_ALIGN_RIGHT);

  layout_list (doc, r->attendees, accepted_not_attended, _("Accepted but did not attend"), _("none"));
  layout_list (doc, r->attendees, attended_no_reply, _("Attended without replying"), _("none"));
  /* The signature never stands alone on a page. */
  rapat_layout_last (doc)->keep_with_next = TRUE;
  layout_signature (doc, m, tz, en, paper->city, paper->signer_title, paper->signer_name,
                    paper->signer_nip);
  return doc;
}

/* ---- a period ---- */

/* Returns "2025-01-01 – 2025-12-31" (open ends as "…") for people. */
static char *
period_text (const RapatPeriodAttendance *r)
{
  if (r->from == NULL && r->to == NULL)
    return g_strdup (_("all meetings"));
  return g_strdup_printf ("%s – %s", r->from != NULL ? r->from : "…", r->to != NULL ? r->to : "…");
}

/* Returns the report's title, e.g. "Attendance by unit, 2025-01-01 – 2025-12-31". */
static char *
period_title (const RapatPeriodAttendance *r)
{
  g_autofree char *period = period_text (r);
  gboolean by_unit = r->by == RAPAT_ATTENDANCE_BY_UNIT;

  /* Whole titles, one per case, so that a translation can order them. */
  if (r->kind != NULL && r->unit != NULL)
    return g_strdup_printf (by_unit ? _("Attendance by unit, %s, kind %s, within %s")
                                    : _("Attendance by person, %s, kind %s, within %s"),
                            period, r->kind, r->unit);
  if (r->kind != NULL)
    return g_strdup_printf (by_unit ? _("Attendance by unit, %s, kind %s")
                                    : _("Attendance by person, %s, kind %s"), period, r->kind);
  if (r->unit != NULL)
    return g_strdup_printf (by_unit ? _("Attendance by unit, %s, within %s")
                                    : _("Attendance by person, %s, within %s"), period, r->unit);
  return g_strdup_printf (by_unit ? _("Attendance by unit, %s") : _("Attendance by person, %s"),
                          period);
}

/* What the rate of a period report means, under its table. */
static const char rate_note[] =
  N_("Rate: present + represented over the invitations with attendance recorded. Late counts within present.");

/* Returns the heading of the list of meetings without attendance recorded. */
static char *
unrecorded_heading (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting without attendance recorded, left out of every count above:",
                                    "%u meetings without attendance recorded, left out of every count above:",
                                    n), n);
}

/* Returns "Tue 16 Sep 2025, 09:00–11:00 WIT · Rapat evaluasi" for @m. */
static char *
unrecorded_line (const RapatMeeting *m)
{
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *when = rapat_when_meeting (m, tz);

  return g_strdup_printf ("%s · %s", when, m->title);
}

/* Adds the cells of @c (counts and rate) to @cells from index @at. */
static void
period_cells (const RapatAttendanceCounts *c, char **cells, guint at)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_fields); i++)
    cells[at + i] = g_strdup_printf ("%" PRId64, count_of (c, &period_fields[i]));
  cells[at + G_N_ELEMENTS (period_fields)] = rapat_report_rate_text (rapat_attendance_rate (c));
}

/* Writes the text form of a period report. */
static void
period_text_report (FILE *out, const RapatPeriodAttendance *r)
{
  g_autofree char *title = period_title (r);
  g_autoptr(RapatTable) table = NULL;
  guint n_cols = 2 + G_N_ELEMENTS (period_fields);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  fprintf (out, "%s\n\n", title);
  g_ptr_array_add (headers, (gpointer) (r->by == RAPAT_ATTENDANCE_BY_UNIT ? _("Unit") : _("Person")));
  for (guint i = 0; i < G_N_ELEMENTS (period_fields); i++)
    g_ptr_array_add (headers, (gpointer) _(period_fields[i].label));
  g_ptr_array_add (headers, (gpointer) _("Rate"));
  table = rapat_table_new (headers->pdata[0], headers->pdata[1], headers->pdata[2],
                           headers->pdata[3], headers->pdata[4], headers->pdata[5],
                           headers->pdata[6], headers->pdata[7], headers->pdata[8],
                           headers->pdata[9], headers->pdata[10], headers->pdata[11], NULL);
  rapat_table_gap (table, 1);
  rapat_table_fit (table, 0, 100);
  for (guint c = 1; c < n_cols; c++)
    rapat_table_align_right (table, c);
  for (guint i = 0; i <= r->rows->len; i++)
    {
      g_auto(GStrv) cells = g_new0 (char *, n_cols + 1);
      const RapatAttendanceRow *row = i < r->rows->len ? r->rows->pdata[i] : NULL;

      cells[0] = g_strdup (row != NULL ? row->name : _("Total"));
      period_cells (row != NULL ? &row->counts : &r->totals, cells, 1);
      rapat_table_add_row (table, (const char *const *) cells);
    }
  rapat_table_print (table, out, "");
  fputc ('\n', out);
  rapat_print_wrapped (out, "", _(rate_note), 100);
  if (r->by == RAPAT_ATTENDANCE_BY_UNIT)
    rapat_print_wrapped (out, "",
                         _("A unit counts its own people and those of every unit below it; the total counts each invitation once."),
                         100);
  if (r->unrecorded != NULL && r->unrecorded->len > 0)
    {
      g_autofree char *head = unrecorded_heading (r->unrecorded->len);

      fputc ('\n', out);
      rapat_print_wrapped (out, "", head, 100);
      for (guint i = 0; i < r->unrecorded->len; i++)
        {
          g_autofree char *line = unrecorded_line (r->unrecorded->pdata[i]);
          rapat_print_wrapped (out, "  ", line, 100);
        }
    }
}

/* Writes the CSV form: a header and one record per person or unit. */
static void
period_csv (FILE *out, const RapatPeriodAttendance *r)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();

  g_ptr_array_add (header, (gpointer) "id");
  g_ptr_array_add (header, (gpointer) (r->by == RAPAT_ATTENDANCE_BY_UNIT ? "unit" : "person"));
  g_ptr_array_add (header, (gpointer) (r->by == RAPAT_ATTENDANCE_BY_UNIT ? "code" : "position"));
  g_ptr_array_add (header, (gpointer) (r->by == RAPAT_ATTENDANCE_BY_UNIT ? "-" : "unit"));
  for (guint i = 0; i < G_N_ELEMENTS (period_fields); i++)
    g_ptr_array_add (header, (gpointer) period_fields[i].key);
  g_ptr_array_add (header, (gpointer) "rate");
  if (r->by == RAPAT_ATTENDANCE_BY_UNIT)
    g_ptr_array_remove_index (header, 3);
  rapat_csv_record (out, (const char *const *) header->pdata, header->len);
  for (guint i = 0; i < r->rows->len; i++)
    {
      const RapatAttendanceRow *row = r->rows->pdata[i];
      /* Cells may be NULL (a person without a unit), so not a GStrv. */
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      char **cells = g_new0 (char *, header->len + 2);
      guint at = 0;
      double rate = rapat_attendance_rate (&row->counts);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      cells[at++] = g_strdup_printf ("%" PRId64, row->id);
      cells[at++] = g_strdup (row->name);
      cells[at++] = g_strdup (row->detail);
      if (r->by == RAPAT_ATTENDANCE_BY_PERSON)
        cells[at++] = g_strdup (row->unit);
      for (guint f = 0; f < G_N_ELEMENTS (period_fields); f++)
        cells[at++] = g_strdup_printf ("%" PRId64, count_of (&row->counts, &period_fields[f]));
      cells[at++] = rate < 0 ? g_strdup ("") : g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", rate));
      rapat_csv_record (out, (const char *const *) cells, at);
      for (guint c = 0; c < at; c++)
        g_ptr_array_add (owned, cells[c]);
      g_free (cells);
    }
}

/* Writes the JSON form. */
static void
period_json (FILE *out, const RapatPeriodAttendance *r)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_object (json, NULL);
  rapat_json_begin_object (json, "period");
  rapat_json_string (json, "from", r->from);
  rapat_json_string (json, "to", r->to);
  rapat_json_string (json, "kind", r->kind);
  rapat_json_string (json, "unit", r->unit);
  rapat_json_string (json, "by", rapat_enum_name (&rapat_attendance_grouping_enum, r->by));
  rapat_json_end_object (json);
  rapat_json_begin_array (json, "rows");
  for (guint i = 0; i < r->rows->len; i++)
    {
      const RapatAttendanceRow *row = r->rows->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", row->id);
      rapat_json_string (json, "name", row->name);
      if (r->by == RAPAT_ATTENDANCE_BY_UNIT)
        rapat_json_string (json, "code", row->detail);
      else
        {
          rapat_json_string (json, "position", row->detail);
          rapat_json_string (json, "unit", row->unit);
        }
      counts_json (json, out, &row->counts, period_fields, G_N_ELEMENTS (period_fields));
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_begin_object (json, "totals");
  counts_json (json, out, &r->totals, period_fields, G_N_ELEMENTS (period_fields));
  rapat_json_end_object (json);
  /* Always there, so that a program can tell "none" from "not reported". */
  rapat_json_begin_array (json, "meetings_unrecorded");
  for (guint i = 0; r->unrecorded != NULL && i < r->unrecorded->len; i++)
    {
      const RapatMeeting *m = r->unrecorded->pdata[i];
      g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
      g_autofree char *start = rapat_time_format_iso (m->start_utc, tz);
      g_autofree char *end = rapat_time_format_iso (m->end_utc, tz);

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", m->id);
      rapat_json_string (json, "uid", m->uid);
      rapat_json_string (json, "title", m->title);
      rapat_json_string (json, "kind", m->kind);
      rapat_json_string (json, "start", start);
      rapat_json_string (json, "end", end);
      rapat_json_string (json, "tz", m->tzid);
      rapat_json_int (json, "invited", m->n_attendees);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_end_object (json);
}

/* Writes the HTML form: the layout of the printed report (its PDF's), as
 * one HTML page. */
static void
period_html (FILE *out, const RapatPeriodAttendance *r)
{
  RapatAttendancePaper plain = { 0 };
  g_autoptr(RapatLayout) doc = NULL;

  /* Without a paper: no letterhead, in the language the output speaks
   * (rapat_lang_use()). */
  plain.lang = rapat_lang_code (rapat_lang ());
  doc = rapat_report_period_attendance_layout (r, r->paper != NULL ? r->paper : &plain);
  rapat_layout_html (out, doc);
}

RapatLayout *
rapat_report_period_attendance_layout (const RapatPeriodAttendance *r,
                                       const RapatAttendancePaper *paper)
{
  g_autofree char *title = period_title (r);
  g_autoptr(GTimeZone) tz = rapat_when_zone (paper->zone);
  RapatLayout *doc = rapat_layout_new (paper->lang, title);
  guint n_cols = 2 + G_N_ELEMENTS (period_fields);
  const char *heads[2 + G_N_ELEMENTS (period_fields)];
  double widths[2 + G_N_ELEMENTS (period_fields)];
  double sum = 0;
  RapatLayoutBlock *b;
  RapatLayoutTable *t;

  rapat_layout_set_printed (doc, paper->now, tz);
  rapat_paper_letterhead (doc, paper->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
  rapat_layout_text (b, title);
  b->keep_with_next = TRUE;
  /* The rate of each row as a bar, above the table, when there are rows. */
  if (r->rows->len > 0)
    {
      RapatLayoutChart *chart = rapat_layout_chart (doc, _("Attendance rate per row"));

      for (guint i = 0; i < r->rows->len; i++)
        {
          const RapatAttendanceRow *row = r->rows->pdata[i];
          double rate = rapat_attendance_rate (&row->counts);
          g_autofree char *text = rapat_report_rate_text (rate);

          rapat_layout_bar (chart, row->name, rate, text);
        }
      rapat_layout_last (doc)->space_before = 4;
    }
  /* The counts as wide as their headings need, the name column the rest. */
  heads[0] = r->by == RAPAT_ATTENDANCE_BY_UNIT ? _("Unit") : _("Person");
  for (guint i = 0; i < G_N_ELEMENTS (period_fields); i++)
    heads[1 + i] = _(period_fields[i].label);
  heads[n_cols - 1] = _("Rate");
  for (guint c = 1; c < n_cols; c++)
    {
      const char *space = strchr (heads[c], ' ');
      glong len = g_utf8_strlen (heads[c], -1);

      /* A heading of two words may wrap between them. */
      if (space != NULL)
        len = MAX (g_utf8_strlen (heads[c], space - heads[c]), g_utf8_strlen (space + 1, -1));
      /* Counts take four digits, the rate "100,0%". */
      widths[c] = 0.0095 * MAX (len, c + 1 == n_cols ? 7 : 4) + 0.011;
      sum += widths[c];
    }
  widths[0] = MAX (1.0 - sum, 0.12);
  for (guint c = 0; c < n_cols; c++)
    widths[c] /= MAX (1.0, sum + widths[0]);
  t = rapat_layout_table (doc, n_cols, widths, heads);
  /* Apart from the chart's ticks above it. */
  rapat_layout_last (doc)->space_before = 8;
  t->font_size = 7.5;
  t->header[0].align = RAPAT_ALIGN_LEFT;
  for (guint i = 0; i <= r->rows->len; i++)
    {
      const RapatAttendanceRow *row = i < r->rows->len ? r->rows->pdata[i] : NULL;
      g_auto(GStrv) cells = g_new0 (char *, n_cols + 1);
      RapatLayoutRow *lr = rapat_layout_row (t, row != NULL ? RAPAT_ROW_NORMAL : RAPAT_ROW_TOTAL);

      /* Every cell set, so that the GStrv frees them all. */
      cells[0] = g_strdup (row != NULL ? row->name : _("Total"));
      period_cells (row != NULL ? &row->counts : &r->totals, cells, 1);
      rapat_layout_cell (lr, 0, cells[0], RAPAT_ALIGN_LEFT);
      for (guint c = 1; c < n_cols; c++)
        rapat_layout_cell (lr, c, cells[c], RAPAT_ALIGN_RIGHT);
    }
  /* What the rate means stays under the total row. */
  rapat_layout_last (doc)->keep_with_next = TRUE;
  b = rapat_layout_add (doc, RAPAT_LAYOUT_PARAGRAPH);
  b->space_before = 6;
  rapat_layout_text (b, _(rate_note));
  if (r->by == RAPAT_ATTENDANCE_BY_UNIT)
    rapat_layout_text (b, _("A unit counts its own people and those of every unit below it; the total counts each invitation once."));
  if (r->unrecorded != NULL && r->unrecorded->len > 0)
    {
      g_autofree char *head = unrecorded_heading (r->unrecorded->len);

      b = rapat_layout_add (doc, RAPAT_LAYOUT_HEADING);
      b->space_before = 10;
      rapat_layout_text (b, head);
      b = rapat_layout_add (doc, RAPAT_LAYOUT_LIST);
      for (guint i = 0; i < r->unrecorded->len; i++)
        {
          g_autofree char *mark = g_strdup_printf ("%u.", i + 1);
          g_autofree char *line = unrecorded_line (r->unrecorded->pdata[i]);

          rapat_layout_item (b, mark, line);
        }
    }
  return doc;
}

void
rapat_report_period_attendance (FILE *out, const RapatPeriodAttendance *report)
{
  switch (report->format)
    {
    case RAPAT_FORMAT_CSV:
      period_csv (out, report);
      break;
    case RAPAT_FORMAT_JSON:
      period_json (out, report);
      break;
    case RAPAT_FORMAT_HTML:
      period_html (out, report);
      break;
    case RAPAT_FORMAT_TEXT:
    default:
      period_text_report (out, report);
      break;
    }
}

/* ---- the sign-in sheet ---- */

/* The attendance recorded, in the sheet's language (index 0 Indonesian, 1
 * English), by RapatAttendance. */
static const char *const signin_status[][2] = {
  { "Hadir", "Present" },
  { "Diwakili", "Represented" },
  { "Izin", "Excused" },
  { "Sakit", "Sick" },
  { "Dinas luar", "On duty" },
  { "Tanpa keterangan", "Absent" },
};

/* Returns the "Keterangan" of @a: the attendance recorded, with the
 * stand-in's name, or "" when none is recorded. */
static char *
signin_status_text (const RapatAttendee *a, gboolean en)
{
  if (a->attendance == RAPAT_ATTENDANCE_NONE || (guint) a->attendance >= G_N_ELEMENTS (signin_status))
    return g_strdup ("");
  if (a->attendance == RAPAT_ATTENDANCE_REPRESENTED && a->stand_in_name != NULL)
    return g_strdup_printf ("%s: %s", signin_status[a->attendance][en], a->stand_in_name);
  return g_strdup (signin_status[a->attendance][en]);
}

RapatLayout *
rapat_report_signin_layout (const RapatSigninSheet *sheet)
{
  const RapatMeeting *m = sheet->meeting;
  gboolean en = g_strcmp0 (sheet->lang, "en") == 0;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", en ? "Attendance list:" : "Daftar hadir", m->title);
  RapatLayout *doc = rapat_layout_new (sheet->lang, title);
  RapatLayoutBlock *b;
  RapatLayoutTable *t;
  static const double widths[] = { 0.055, 0.275, 0.24, 0.23, 0.20 };
  static const double widths_status[] = { 0.055, 0.245, 0.195, 0.185, 0.14, 0.18 };
  const char *header_id[] = { "No.", "Nama / NIP", "Jabatan", "Unit Kerja", "Keterangan", "Tanda Tangan" };
  const char *header_en[] = { "No.", "Name / NIP", "Position", "Unit", "Status", "Signature" };
  const char **header = en ? header_en : header_id;
  const char *cols[6];
  guint n_cols = sheet->with_status ? 6 : 5;
  guint sign = n_cols - 1;
  guint total = sheet->attendees->len + sheet->blank_rows;

  rapat_when_range_rows (m->start_utc, m->end_utc, tz,
                         en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN, &date, &time);
  rapat_layout_set_printed (doc, sheet->now, tz);
  if (m->status == RAPAT_MEETING_CANCELLED)
    doc->watermark = g_strdup (en ? "CANCELLED" : "DIBATALKAN");
  rapat_paper_letterhead (doc, sheet->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
  rapat_layout_text (b, en ? "ATTENDANCE LIST" : "DAFTAR HADIR");
  rapat_layout_text (b, m->title);
  b->keep_with_next = TRUE;
  if (m->status == RAPAT_MEETING_CANCELLED)
    {
      g_autofree char *line = m->cancel_reason != NULL
        ? g_strdup_printf ("%s — %s %s", en ? "CANCELLED" : "DIBATALKAN",
                           en ? "reason:" : "alasan:", m->cancel_reason)
        : g_strdup (en ? "CANCELLED — this meeting will not take place"
                       : "DIBATALKAN — rapat ini tidak dilaksanakan");
      b = rapat_layout_add (doc, RAPAT_LAYOUT_BANNER);
      rapat_layout_text (b, line);
      b->keep_with_next = TRUE;
      b->space_before = 4;
    }
  b = rapat_layout_add (doc, RAPAT_LAYOUT_FIELDS);
  rapat_layout_field (b, en ? "Date" : "Hari/tanggal", date);
  rapat_layout_field (b, en ? "Time" : "Waktu", time);
  rapat_layout_field (b, en ? "Place" : "Tempat", m->location);
  rapat_layout_field (b, en ? "Agenda" : "Acara", m->title);
  b->keep_with_next = TRUE;

  for (guint c = 0, h = 0; h < 6; h++)
    if (sheet->with_status || h != 4)
      cols[c++] = header[h];
  t = rapat_layout_table (doc, n_cols, sheet->with_status ? widths_status : widths, cols);
  rapat_layout_last (doc)->space_before = 8;
  /* Room to sign: 1 cm a row. */
  t->min_row_height = 28.5;
  for (guint i = 0; i < total; i++)
    {
      const RapatAttendee *a = i < sheet->attendees->len ? sheet->attendees->pdata[i] : NULL;
      RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_NORMAL);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *mark = g_strdup_printf ("%u.", i + 1);

      rapat_layout_cell (row, 0, no, RAPAT_ALIGN_CENTER);
      if (a != NULL)
        {
          const char *nip = sheet->nips != NULL ? g_hash_table_lookup (sheet->nips, &a->person_id)
                                                : NULL;
          g_autofree char *nip_text = nip != NULL ? rapat_nip_format (nip) : NULL;
          g_autofree char *name = nip_text != NULL
            ? g_strdup_printf ("%s\nNIP %s", a->person_name, nip_text)
            : g_strdup (a->person_name);

          rapat_layout_cell (row, 1, name, RAPAT_ALIGN_LEFT);
          row->cells[1].first_bold = TRUE;
          rapat_layout_cell (row, 2, a->position, RAPAT_ALIGN_LEFT);
          rapat_layout_cell (row, 3, a->unit_name, RAPAT_ALIGN_LEFT);
          if (sheet->with_status)
            {
              g_autofree char *status = signin_status_text (a, en);
              rapat_layout_cell (row, 4, status, RAPAT_ALIGN_LEFT);
            }
        }
      /* Numbers alternate left and middle in the signature column, as on
       * paper lists, so neighbours do not sign over each other. */
      rapat_layout_cell (row, sign, mark, i % 2 == 0 ? RAPAT_ALIGN_LEFT : RAPAT_ALIGN_MIDDLE);
    }

  /* The signature never stands alone on a page: the last row comes along. */
  rapat_layout_last (doc)->keep_with_next = TRUE;
  layout_signature (doc, m, tz, en, sheet->city, sheet->signer_title, sheet->signer_name,
                    sheet->signer_nip);
  return doc;
}

void
rapat_report_signin (FILE *out, const RapatSigninSheet *sheet)
{
  g_autoptr(RapatLayout) doc = rapat_report_signin_layout (sheet);

  rapat_layout_html (out, doc);
}
