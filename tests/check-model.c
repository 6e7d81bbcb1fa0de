/* rapat tests — the model: enumerations, records, change significance, uids. */
#include "check-common.h"
#include "model.h"
#include "nip.h"

/* One text and the value it must parse to. */
typedef struct {
  const char *text;
  int value;
} EnumCase;

/* Asserts that each of the @n @cases parses as its value in @e. */
static void
assert_parses (const RapatEnum *e, const EnumCase *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      GError *error = NULL;
      int value = -42;

      ck_assert_msg (rapat_enum_parse (e, cases[i].text, &value, &error), "refused '%s'",
                     cases[i].text);
      rapat_assert_no_error (error);
      ck_assert_msg (value == cases[i].value, "'%s' parsed as %d, expected %d", cases[i].text,
                     value, cases[i].value);
    }
}

/* Asserts that every canonical name of @e parses back to its index, in any case. */
static void
assert_names_round_trip (const RapatEnum *e, int expected_count)
{
  ck_assert_int_eq (rapat_enum_count (e), expected_count);
  for (int i = 0; i < expected_count; i++)
    {
      const char *name = rapat_enum_name (e, i);
      g_autofree char *upper = NULL;
      GError *error = NULL;
      int value = -42;

      ck_assert_ptr_nonnull (name);
      ck_assert (rapat_enum_parse (e, name, &value, &error));
      rapat_assert_no_error (error);
      ck_assert_int_eq (value, i);
      upper = g_ascii_strup (name, -1);
      value = -42;
      ck_assert (rapat_enum_parse (e, upper, &value, &error));
      rapat_assert_no_error (error);
      ck_assert_int_eq (value, i);
    }
  ck_assert_ptr_null (rapat_enum_name (e, -1));
  ck_assert_ptr_null (rapat_enum_name (e, expected_count));
  ck_assert_ptr_null (rapat_enum_name (e, G_MAXINT));
}

/* ---- enumerations ---- */

/* Every value of every enumeration has a label, which in English (no
 * catalog) is its name, and nothing past the end has one. */
START_TEST (test_enum_labels)
{
  const RapatEnum *all[] = {
    &rapat_meeting_status_enum, &rapat_agenda_type_enum, &rapat_role_enum, &rapat_rsvp_enum,
    &rapat_attendance_enum, &rapat_issue_status_enum, &rapat_action_status_enum,
    &rapat_priority_enum, &rapat_minutes_status_enum,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      int n = rapat_enum_count (all[i]);

      for (int v = 0; v < n; v++)
        {
          ck_assert_ptr_nonnull (rapat_enum_label (all[i], v));
          ck_assert_str_eq (rapat_enum_label (all[i], v), rapat_enum_name (all[i], v));
        }
      ck_assert_ptr_null (rapat_enum_label (all[i], n));
      ck_assert_ptr_null (rapat_enum_label (all[i], -1));
    }
}
END_TEST

START_TEST (test_meeting_status)
{
  static const EnumCase cases[] = {
    { "tentative", RAPAT_MEETING_TENTATIVE }, { "confirmed", RAPAT_MEETING_CONFIRMED },
    { "cancelled", RAPAT_MEETING_CANCELLED }, { "canceled", RAPAT_MEETING_CANCELLED },
    { "Batal", RAPAT_MEETING_CANCELLED }, { "pasti", RAPAT_MEETING_CONFIRMED },
    { "SEMENTARA", RAPAT_MEETING_TENTATIVE },
  };

  assert_names_round_trip (&rapat_meeting_status_enum, 3);
  assert_parses (&rapat_meeting_status_enum, cases, G_N_ELEMENTS (cases));
  ck_assert_str_eq (rapat_enum_name (&rapat_meeting_status_enum, RAPAT_MEETING_CANCELLED),
                    "cancelled");
}
END_TEST

START_TEST (test_agenda_type)
{
  static const EnumCase cases[] = {
    { "opening", RAPAT_ITEM_OPENING }, { "briefing", RAPAT_ITEM_BRIEFING },
    { "discussion", RAPAT_ITEM_DISCUSSION }, { "presentation", RAPAT_ITEM_PRESENTATION },
    { "break", RAPAT_ITEM_BREAK }, { "review", RAPAT_ITEM_REVIEW },
    { "closing", RAPAT_ITEM_CLOSING }, { "pembukaan", RAPAT_ITEM_OPENING },
    { "Pengarahan", RAPAT_ITEM_BRIEFING }, { "diskusi", RAPAT_ITEM_DISCUSSION },
    { "paparan", RAPAT_ITEM_PRESENTATION }, { "istirahat", RAPAT_ITEM_BREAK },
    { "evaluasi", RAPAT_ITEM_REVIEW }, { "PENUTUPAN", RAPAT_ITEM_CLOSING },
  };

  assert_names_round_trip (&rapat_agenda_type_enum, 7);
  assert_parses (&rapat_agenda_type_enum, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_role)
{
  static const EnumCase cases[] = {
    { "chair", RAPAT_ROLE_CHAIR }, { "speaker", RAPAT_ROLE_SPEAKER },
    { "participant", RAPAT_ROLE_PARTICIPANT }, { "optional", RAPAT_ROLE_OPTIONAL },
    { "observer", RAPAT_ROLE_OBSERVER }, { "ketua", RAPAT_ROLE_CHAIR },
    { "Pimpinan", RAPAT_ROLE_CHAIR }, { "narasumber", RAPAT_ROLE_SPEAKER },
    { "peserta", RAPAT_ROLE_PARTICIPANT }, { "peninjau", RAPAT_ROLE_OBSERVER },
  };

  assert_names_round_trip (&rapat_role_enum, 5);
  assert_parses (&rapat_role_enum, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_rsvp)
{
  static const EnumCase cases[] = {
    { "needs-action", RAPAT_RSVP_NEEDS_ACTION }, { "accepted", RAPAT_RSVP_ACCEPTED },
    { "declined", RAPAT_RSVP_DECLINED }, { "tentative", RAPAT_RSVP_TENTATIVE },
    { "yes", RAPAT_RSVP_ACCEPTED }, { "Ya", RAPAT_RSVP_ACCEPTED }, { "no", RAPAT_RSVP_DECLINED },
    { "tidak", RAPAT_RSVP_DECLINED }, { "maybe", RAPAT_RSVP_TENTATIVE },
    { "MUNGKIN", RAPAT_RSVP_TENTATIVE }, { "pending", RAPAT_RSVP_NEEDS_ACTION },
  };

  assert_names_round_trip (&rapat_rsvp_enum, 4);
  assert_parses (&rapat_rsvp_enum, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_attendance)
{
  static const EnumCase cases[] = {
    { "present", RAPAT_ATTENDANCE_PRESENT }, { "represented", RAPAT_ATTENDANCE_REPRESENTED },
    { "excused", RAPAT_ATTENDANCE_EXCUSED }, { "sick", RAPAT_ATTENDANCE_SICK },
    { "duty", RAPAT_ATTENDANCE_DUTY }, { "absent", RAPAT_ATTENDANCE_ABSENT },
    /* The Indonesian words of an attendance list. */
    { "hadir", RAPAT_ATTENDANCE_PRESENT }, { "diwakili", RAPAT_ATTENDANCE_REPRESENTED },
    { "izin", RAPAT_ATTENDANCE_EXCUSED }, { "sakit", RAPAT_ATTENDANCE_SICK },
    { "dinas-luar", RAPAT_ATTENDANCE_DUTY }, { "alpa", RAPAT_ATTENDANCE_ABSENT },
    /* ... in any case. */
    { "HADIR", RAPAT_ATTENDANCE_PRESENT }, { "Diwakili", RAPAT_ATTENDANCE_REPRESENTED },
    { "IzIn", RAPAT_ATTENDANCE_EXCUSED }, { "Dinas-Luar", RAPAT_ATTENDANCE_DUTY },
    { "ALPA", RAPAT_ATTENDANCE_ABSENT },
  };

  assert_names_round_trip (&rapat_attendance_enum, 6);
  assert_parses (&rapat_attendance_enum, cases, G_N_ELEMENTS (cases));
  ck_assert_ptr_null (rapat_enum_name (&rapat_attendance_enum, RAPAT_ATTENDANCE_NONE));
}
END_TEST

START_TEST (test_enum_unknown)
{
  static const struct {
    const RapatEnum *e;
    const char *text;
    const char *message;
  } cases[] = {
    { &rapat_attendance_enum, "late",
      "attendance status 'late': expected one of present, represented, excused, sick, duty, absent" },
    { &rapat_meeting_status_enum, "postponed",
      "status 'postponed': expected one of tentative, confirmed, cancelled" },
    { &rapat_agenda_type_enum, "lunch",
      "agenda type 'lunch': expected one of opening, briefing, discussion, presentation, break, review, closing" },
    { &rapat_role_enum, "host",
      "role 'host': expected one of chair, speaker, participant, optional, observer" },
    { &rapat_rsvp_enum, "", "reply '': expected one of needs-action, accepted, declined, tentative" },
    /* A typo of a name or an Indonesian alias is named; two letters
     * typed are too few to guess from. */
    { &rapat_role_enum, "chiar",
      "role 'chiar': expected one of chair, speaker, participant, optional, observer; "
      "did you mean 'chair'?" },
    { &rapat_attendance_enum, "HADRI",
      "attendance status 'HADRI': expected one of present, represented, excused, sick, duty, "
      "absent; did you mean 'hadir'?" },
    { &rapat_rsvp_enum, "acepted",
      "reply 'acepted': expected one of needs-action, accepted, declined, tentative; "
      "did you mean 'accepted'?" },
    { &rapat_attendance_enum, "xy",
      "attendance status 'xy': expected one of present, represented, excused, sick, duty, absent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int value = -42;

      ck_assert_msg (!rapat_enum_parse (cases[i].e, cases[i].text, &value, &error),
                     "accepted '%s'", cases[i].text);
      ck_assert_int_eq (value, -42);
      ck_assert_ptr_nonnull (error);
      ck_assert_str_eq (error->message, cases[i].message);
      rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
    }
}
END_TEST

START_TEST (test_enum_no_prefixes_or_padding)
{
  const char *bad[] = { "pres", "present ", " hadir", "presentt", "dinas  luar", "dinas luar ",
                        "HADİR" };
  /* The words shown ("dinas luar", "tanpa keterangan") are typed back with
   * a space, a dash or an underscore. */
  const char *shown[] = { "dinas luar", "dinas_luar", "Dinas-Luar", "tanpa keterangan" };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      GError *error = NULL;
      int value = -42;

      ck_assert_msg (rapat_enum_parse (&rapat_attendance_enum, shown[i], &value, &error),
                     "refused '%s'", shown[i]);
      ck_assert_int_eq (value, i < 3 ? RAPAT_ATTENDANCE_DUTY : RAPAT_ATTENDANCE_ABSENT);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      int value = -42;

      ck_assert_msg (!rapat_enum_parse (&rapat_attendance_enum, bad[i], &value, &error),
                     "accepted '%s'", bad[i]);
      ck_assert_int_eq (value, -42);
      rapat_assert_error (error, RAPAT_ERROR_MALFORMED);
    }
}
END_TEST

START_TEST (test_enum_message_escapes_value)
{
  GError *error = NULL;
  int value;

  ck_assert (!rapat_enum_parse (&rapat_role_enum, "chair\nx", &value, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_MALFORMED, "role 'chair\\nx'");
}
END_TEST

/* ---- records ---- */

START_TEST (test_record_defaults)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  g_autoptr(RapatUnit) u = rapat_unit_new ();
  g_autoptr(RapatPerson) p = rapat_person_new ();

  ck_assert_int_eq (m->status, RAPAT_MEETING_CONFIRMED);
  ck_assert_int_eq (m->id, 0);
  ck_assert_ptr_null (m->title);
  ck_assert_int_eq (item->type, RAPAT_ITEM_DISCUSSION);
  ck_assert_int_eq (item->position, 0);
  ck_assert_int_eq (a->role, RAPAT_ROLE_PARTICIPANT);
  ck_assert_int_eq (a->rsvp, RAPAT_RSVP_NEEDS_ACTION);
  ck_assert_int_eq (a->attendance, RAPAT_ATTENDANCE_NONE);
  ck_assert_int_eq (u->parent_id, 0);
  ck_assert_ptr_null (p->email);

  /* Freeing NULL is allowed. */
  rapat_meeting_free (NULL);
  rapat_agenda_item_free (NULL);
  rapat_attendee_free (NULL);
  rapat_unit_free (NULL);
  rapat_person_free (NULL);
}
END_TEST

START_TEST (test_record_free_owned_strings)
{
  /* Every string field is owned by the record; valgrind and ASan check
   * that _free releases all of them. */
  RapatMeeting *m = rapat_meeting_new ();
  RapatAttendee *a = rapat_attendee_new ();

  m->uid = g_strdup ("u@rapat");
  m->title = g_strdup ("Rakernis");
  m->kind = g_strdup ("rakernis");
  m->description = g_strdup ("d");
  m->location = g_strdup ("Ambon");
  m->tzid = g_strdup ("Asia/Jayapura");
  m->organizer_name = g_strdup ("o");
  m->organizer_email = g_strdup ("o@example.org");
  m->cancel_reason = g_strdup ("r");
  a->person_name = g_strdup ("p");
  a->position = g_strdup ("pos");
  a->unit_name = g_strdup ("u");
  a->email = g_strdup ("e@example.org");
  a->stand_in_name = g_strdup ("s");
  a->stand_in_position = g_strdup ("sp");
  a->note = g_strdup ("n");
  ck_assert_str_eq (m->tzid, "Asia/Jayapura");
  rapat_meeting_free (m);
  rapat_attendee_free (a);
}
END_TEST

/* ---- rapat_meeting_is_significant_change ---- */

/* Returns a meeting with every field set, as the Rakernis was scheduled. */
static RapatMeeting *
sample_meeting (void)
{
  RapatMeeting *m = rapat_meeting_new ();

  m->id = 7;
  m->uid = g_strdup ("0f1e2d3c@rapat");
  m->title = g_strdup ("Rapat Kerja Teknis 2025");
  m->kind = g_strdup ("rakernis");
  m->description = g_strdup ("Rakernis Kanwil Maluku");
  m->location = g_strdup ("Aula Rutan Kelas IIA Ambon");
  m->start_utc = G_GINT64_CONSTANT (1756771200);
  m->end_utc = m->start_utc + 7 * 3600;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->status = RAPAT_MEETING_CONFIRMED;
  m->sequence = 0;
  m->organizer_id = 3;
  m->organizer_name = g_strdup ("Ricky");
  m->cancel_reason = NULL;
  m->url = g_strdup ("https://meet.example.org/rakernis-2025");
  return m;
}

/* Replaces the string at @field with a copy of @value. */
static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

START_TEST (test_change_none)
{
  g_autoptr(RapatMeeting) before = sample_meeting ();
  g_autoptr(RapatMeeting) after = sample_meeting ();

  ck_assert (!rapat_meeting_is_significant_change (before, after));
  ck_assert (!rapat_meeting_is_significant_change (before, before));
}
END_TEST

START_TEST (test_change_significant)
{
  /* Each loop round changes one field a calendar shows. */
  for (int round = 0; round < 10; round++)
    {
      g_autoptr(RapatMeeting) before = sample_meeting ();
      g_autoptr(RapatMeeting) after = sample_meeting ();

      switch (round)
        {
        case 0: set_str (&after->title, "Rapat Kerja Teknis 2025 (revisi)"); break;
        case 1: after->start_utc += 1800; break;
        case 2: after->end_utc += 60; break;
        case 3: set_str (&after->tzid, "+09:00"); break;
        case 4: set_str (&after->location, "Aula Kanwil"); break;
        case 5: set_str (&after->location, NULL); break;
        case 6: after->status = RAPAT_MEETING_CANCELLED; break;
        case 7: after->status = RAPAT_MEETING_TENTATIVE; break;
        /* A new link is a new place to join: calendars must update it. */
        case 8: set_str (&after->url, "https://meet.example.org/rakernis-2025-b"); break;
        case 9: set_str (&after->url, NULL); break;
        default: ck_abort ();
        }
      ck_assert_msg (rapat_meeting_is_significant_change (before, after),
                     "change %d not significant", round);
      ck_assert_msg (rapat_meeting_is_significant_change (after, before),
                     "reverse change %d not significant", round);
    }
}
END_TEST

START_TEST (test_change_not_significant)
{
  /* Each loop round changes one field a calendar does not need. */
  for (int round = 0; round < 7; round++)
    {
      g_autoptr(RapatMeeting) before = sample_meeting ();
      g_autoptr(RapatMeeting) after = sample_meeting ();

      switch (round)
        {
        case 0: set_str (&after->description, "Agenda revised"); break;
        case 1: set_str (&after->description, NULL); break;
        case 2: set_str (&after->kind, "rapat-koordinasi"); break;
        case 3: after->organizer_id = 4; set_str (&after->organizer_name, "Fransina"); break;
        case 4: after->organizer_id = 0; break;
        case 5: after->n_attendees = 30; after->n_items = 9; break;
        case 6: after->updated_at = 1756771999; break;
        default: ck_abort ();
        }
      ck_assert_msg (!rapat_meeting_is_significant_change (before, after),
                     "change %d counted as significant", round);
    }
}
END_TEST

/* ---- rapat_uid_new ---- */

START_TEST (test_uid_new)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < 1000; i++)
    {
      char *uid = rapat_uid_new ();
      g_autofree char *uuid = NULL;

      ck_assert_msg (g_str_has_suffix (uid, "@rapat"), "uid '%s'", uid);
      uuid = g_strndup (uid, strlen (uid) - strlen ("@rapat"));
      ck_assert_msg (g_uuid_string_is_valid (uuid), "not a UUID: '%s'", uuid);
      ck_assert_msg (!g_hash_table_contains (seen, uid), "uid '%s' repeated", uid);
      g_hash_table_add (seen, uid);
    }
  ck_assert_uint_eq (g_hash_table_size (seen), 1000);
}
END_TEST

/* Builds the suite. */
/* A NIP is read with or without the spaces between its parts. */
START_TEST (test_nip_valid)
{
  GError *error = NULL;
  g_autofree char *a = rapat_nip_normalize ("197203151998031002", &error);
  g_autofree char *b = rapat_nip_normalize ("19720315 199803 1 002", &error);
  g_autofree char *c = rapat_nip_normalize ("200002292024122001", &error);

  ck_assert_str_eq (a, "197203151998031002");
  ck_assert_str_eq (b, "197203151998031002");
  ck_assert_str_eq (c, "200002292024122001");
  ck_assert_ptr_null (error);
  {
    g_autofree char *printed = rapat_nip_format (a);
    g_autofree char *other = rapat_nip_format ("1972");

    ck_assert_str_eq (printed, "19720315 199803 1 002");
    ck_assert_str_eq (other, "1972");
  }
}
END_TEST

/* Each wrong part is named in one line with the value. */
START_TEST (test_nip_invalid)
{
  static const struct { const char *nip, *message; } cases[] = {
    { "19720315199803100", "NIP '19720315199803100': has 17 digits, not 18" },
    { "1972031519980310021", "NIP '1972031519980310021': has 19 digits, not 18" },
    { "19720315-199803-1-002",
      "NIP '19720315-199803-1-002': only digits (and spaces between the parts) are allowed" },
    { "1.97203E+17", "NIP '1.97203E+17': a number the spreadsheet rounded; format the column as "
      "text and type the 18 digits again" },
    { "187203151998031002", "NIP '187203151998031002': year 1872 in the birth date is not a "
      "plausible year" },
    { "197213151998031002", "NIP '197213151998031002': month 13 in the birth date is not a month" },
    { "197200151998031002", "NIP '197200151998031002': month 0 in the birth date is not a month" },
    { "197102291998031002", "NIP '197102291998031002': day 29 in the birth date is not a day of "
      "1971-02" },
    { "197203001998031002", "NIP '197203001998031002': day 0 in the birth date is not a day of "
      "1972-03" },
    { "197203151998131002", "NIP '197203151998131002': month 13 in the appointment date is not "
      "a month" },
    { "197203151998001002", "NIP '197203151998001002': month 0 in the appointment date is not "
      "a month" },
    { "197203151972031002", "NIP '197203151972031002': the appointment date 1972-03 is not "
      "after the birth date 1972-03-15" },
    { "197203151998033002", "NIP '197203151998033002': sex digit 3 is neither 1 (male) nor 2 "
      "(female)" },
    { "197203151998030002", "NIP '197203151998030002': sex digit 0 is neither 1 (male) nor 2 "
      "(female)" },
    { "197203151998031000", "NIP '197203151998031000': sequence 000 is not a sequence number "
      "(they start at 001)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *nip = rapat_nip_normalize (cases[i].nip, &error);

      ck_assert_ptr_null (nip);
      ck_assert_msg (error != NULL, "accepted '%s'", cases[i].nip);
      ck_assert_str_eq (error->message, cases[i].message);
    }
}
END_TEST

/* Eselons are written one way whatever way they are typed; others are refused. */
START_TEST (test_eselon)
{
  static const char *const good[][2] = {
    { "II.a", "II.a" }, { "iv.b", "IV.b" }, { "IIIa", "III.a" }, { "2a", "II.a" },
    { "II/b", "II.b" }, { "iii b", "III.b" }, { "I.a", "I.a" }, { "V.a", "V.a" },
  };
  static const char *const bad[] = { "VI.a", "II.c", "II", "a", "", "II.ab", "0a", "IIII.a" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e = rapat_eselon_normalize (good[i][0], &error);

      ck_assert_msg (e != NULL, "refused '%s'", good[i][0]);
      ck_assert_str_eq (e, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e = rapat_eselon_normalize (bad[i], &error);

      ck_assert_msg (e == NULL, "accepted '%s'", bad[i]);
      ck_assert (g_str_has_prefix (error->message, "eselon '"));
    }
}
END_TEST

static Suite *
model_suite (void)
{
  Suite *s = suite_create ("model");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_test (tc, test_meeting_status);
  tcase_add_test (tc, test_enum_labels);
  tcase_add_test (tc, test_agenda_type);
  tcase_add_test (tc, test_role);
  tcase_add_test (tc, test_rsvp);
  tcase_add_test (tc, test_attendance);
  tcase_add_test (tc, test_enum_unknown);
  tcase_add_test (tc, test_enum_no_prefixes_or_padding);
  tcase_add_test (tc, test_enum_message_escapes_value);
  suite_add_tcase (s, tc);

  tc = tcase_create ("records");
  tcase_add_test (tc, test_record_defaults);
  tcase_add_test (tc, test_record_free_owned_strings);
  suite_add_tcase (s, tc);

  tc = tcase_create ("significant-change");
  tcase_add_test (tc, test_change_none);
  tcase_add_test (tc, test_change_significant);
  tcase_add_test (tc, test_change_not_significant);
  suite_add_tcase (s, tc);

  tc = tcase_create ("nip");
  tcase_add_test (tc, test_nip_valid);
  tcase_add_test (tc, test_nip_invalid);
  tcase_add_test (tc, test_eselon);
  suite_add_tcase (s, tc);

  tc = tcase_create ("uid");
  tcase_add_test (tc, test_uid_new);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rapat_test_run (model_suite ());
}
