/* rapat tests — heads of units and saved groups (src/store-group.c), on a
 * real store in memory.
 *
 * The office: a regional office KANWIL with a division BID below it and a
 * section SEK below that, and a second top unit LAIN; the expected people
 * are written out by hand, never recomputed with the code under test. */
#include "check-common.h"
#include "model.h"

static RapatStore *store;
static gint64 kanwil, bid, sek, lain;
static gint64 ricky, maria, abdul, samuel, yohan, lilik;

/* Inserts a unit and returns its id. */
static gint64
add_unit (const char *name, const char *code, gint64 parent)
{
  g_autoptr(RapatUnit) u = rapat_unit_new ();
  GError *error = NULL;

  u->name = g_strdup (name);
  u->code = g_strdup (code);
  u->parent_id = parent;
  ck_assert_msg (rapat_store_unit_insert (store, u, &error), "unit '%s': %s", name,
                 error != NULL ? error->message : "?");
  return u->id;
}

/* Inserts a person of unit @unit and returns their id. */
static gint64
add_person (const char *name, gint64 unit)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();
  GError *error = NULL;

  p->name = g_strdup (name);
  p->unit_id = unit;
  ck_assert_msg (rapat_store_person_insert (store, p, &error), "person '%s': %s", name,
                 error != NULL ? error->message : "?");
  return p->id;
}

/* Makes @person the head of @unit, failing the test if refused. */
static void
set_head (gint64 unit, gint64 person)
{
  GError *error = NULL;

  ck_assert (rapat_store_unit_set_head (store, unit, person, &error));
  rapat_assert_no_error (error);
}

/* Returns the head of @unit as stored (0: none). */
static gint64
head_of (gint64 unit)
{
  GError *error = NULL;
  g_autoptr(RapatUnit) u = rapat_store_unit_get (store, unit, &error);

  rapat_assert_no_error (error);
  return u->head_id;
}

/* Returns the people rapat_store_unit_people() gives as "id id id", and
 * the headless units in *@headless ("A; B") when not NULL. */
static char *
people_of (gint64 unit, gboolean subunits, gboolean heads, char **headless)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = NULL;
  GString *s = g_string_new (NULL);
  GError *error = NULL;

  ids = rapat_store_unit_people (store, unit, subunits, heads, none, &error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  if (headless != NULL)
    {
      g_ptr_array_add (none, NULL);
      *headless = g_strjoinv ("; ", (char **) none->pdata);
    }
  return g_string_free (s, FALSE);
}

/* Checked fixture: a fresh in-memory store with the office above. */
static void
office_setup (void)
{
  store = rapat_test_store_open (":memory:");
  kanwil = add_unit ("Kantor Wilayah", "KANWIL", 0);
  bid = add_unit ("Bidang Pembinaan", "BID", kanwil);
  sek = add_unit ("Seksi Registrasi", "SEK", bid);
  lain = add_unit ("Direktorat Lain", "LAIN", 0);
  ricky = add_person ("Ricky Dwi Biantoro", kanwil);
  maria = add_person ("Maria Wattimena", kanwil);
  abdul = add_person ("Abdul Rahman", bid);
  samuel = add_person ("Samuel Pattiasina", sek);
  yohan = add_person ("Yohanis Leiwakabessy", sek);
  lilik = add_person ("Lilik Sujandi", lain);
}

/* Checked fixture: closes the store. */
static void
office_teardown (void)
{
  g_clear_pointer (&store, rapat_store_free);
}

/* A head is one of the unit's own people, at most one per unit. */
START_TEST (test_head_rules)
{
  GError *error = NULL;

  set_head (kanwil, ricky);
  ck_assert_int_eq (head_of (kanwil), ricky);
  set_head (kanwil, maria);
  ck_assert_int_eq (head_of (kanwil), maria);
  ck_assert (!rapat_store_unit_set_head (store, bid, ricky, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "person 'Ricky Dwi Biantoro': belongs to Kantor Wilayah, so "
                               "cannot head unit 'Bidang Pembinaan'");
  ck_assert_int_eq (head_of (bid), 0);
  set_head (kanwil, 0);
  ck_assert_int_eq (head_of (kanwil), 0);
}
END_TEST

/* A head who moves to another unit, or is removed, heads nothing more. */
START_TEST (test_head_moves_or_goes)
{
  g_autoptr(RapatPerson) p = NULL;
  GError *error = NULL;

  set_head (kanwil, ricky);
  set_head (bid, abdul);
  p = rapat_store_person_get (store, ricky, &error);
  p->unit_id = lain;
  ck_assert (rapat_store_person_update (store, p, &error));
  ck_assert_int_eq (head_of (kanwil), 0);
  /* Another change of the person leaves a head in place. */
  g_clear_pointer (&p, rapat_person_free);
  p = rapat_store_person_get (store, abdul, &error);
  g_free (p->position);
  p->position = g_strdup ("Kepala Bidang");
  ck_assert (rapat_store_person_update (store, p, &error));
  ck_assert_int_eq (head_of (bid), abdul);
  ck_assert (rapat_store_person_delete (store, abdul, &error));
  rapat_assert_no_error (error);
  ck_assert_int_eq (head_of (bid), 0);
}
END_TEST

/* A unit's people, with the units below it, or only their heads. */
START_TEST (test_unit_people)
{
  g_autofree char *alone = people_of (kanwil, FALSE, FALSE, NULL);
  g_autofree char *below = people_of (kanwil, TRUE, FALSE, NULL);
  g_autofree char *expect_alone = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                   maria, ricky);
  g_autofree char *expect_below
    = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                       " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, maria, ricky, abdul, samuel,
                       yohan);
  g_autofree char *heads = NULL;
  g_autofree char *headless = NULL;
  g_autofree char *expect_heads = NULL;
  g_autofree char *sek_only = NULL;

  ck_assert_str_eq (alone, expect_alone);
  ck_assert_str_eq (below, expect_below);
  set_head (kanwil, ricky);
  set_head (sek, yohan);
  heads = people_of (kanwil, TRUE, TRUE, &headless);
  expect_heads = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, ricky, yohan);
  ck_assert_str_eq (heads, expect_heads);
  ck_assert_str_eq (headless, "Bidang Pembinaan");
  /* Without --subunits, only the unit itself. */
  g_clear_pointer (&heads, g_free);
  g_clear_pointer (&headless, g_free);
  heads = people_of (bid, FALSE, TRUE, &headless);
  ck_assert_str_eq (heads, "");
  ck_assert_str_eq (headless, "Bidang Pembinaan");
  sek_only = people_of (lain, TRUE, FALSE, NULL);
  ck_assert_int_eq (g_ascii_strtoll (sek_only, NULL, 10), lilik);
}
END_TEST

/* Names are unique ignoring case, as rapat_fold() compares them. */
START_TEST (test_group_names)
{
  g_autoptr(RapatPersonGroup) g = rapat_person_group_new ();
  g_autoptr(RapatPersonGroup) h = rapat_person_group_new ();
  g_autoptr(RapatPersonGroup) got = NULL;
  GError *error = NULL;
  gint64 id = 0;

  g->name = g_strdup ("Éselon III se-Maluku");
  ck_assert (rapat_store_group_insert (store, g, &error));
  h->name = g_strdup ("éSELON iii SE-MALUKU");
  ck_assert (!rapat_store_group_insert (store, h, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS,
                               "group 'éSELON iii SE-MALUKU': a group with this name already "
                               "exists");
  g_free (h->name);
  h->name = g_strdup ("Kepala UPT");
  ck_assert (rapat_store_group_insert (store, h, &error));
  /* A rename onto another group's name is refused; a change of case of
   * its own name is not. */
  g_free (h->name);
  h->name = g_strdup ("ÉSELON III SE-MALUKU");
  ck_assert (!rapat_store_group_update (store, h, &error));
  rapat_assert_error (error, RAPAT_ERROR_EXISTS);
  g_free (g->name);
  g->name = g_strdup ("éselon iii se-maluku");
  ck_assert (rapat_store_group_update (store, g, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_store_group_resolve (store, "upt", &id, &error));
  ck_assert_int_eq (id, h->id);
  ck_assert (!rapat_store_group_resolve (store, "e", &id, &error));
  rapat_assert_error (error, RAPAT_ERROR_AMBIGUOUS);
  got = rapat_store_group_get (store, g->id, &error);
  ck_assert_str_eq (got->name, "éselon iii se-maluku");
}
END_TEST

/* Members are added once; a group removed or a member taken out leaves the
 * invitations made before; a person removed leaves their groups. */
START_TEST (test_group_members)
{
  g_autoptr(RapatPersonGroup) g = rapat_person_group_new ();
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(RapatAttendee) a = rapat_attendee_new ();
  g_autoptr(RapatAttendee) still = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RapatPersonGroup) got = NULL;
  GError *error = NULL;
  gboolean added = FALSE;

  g->name = g_strdup ("Kepala UPT");
  ck_assert (rapat_store_group_insert (store, g, &error));
  ck_assert (rapat_store_group_add_member (store, g->id, samuel, &added, &error));
  ck_assert (added);
  ck_assert (rapat_store_group_add_member (store, g->id, abdul, &added, &error));
  ck_assert (rapat_store_group_add_member (store, g->id, samuel, &added, &error));
  ck_assert (!added);
  members = rapat_store_group_members (store, g->id, &error);
  ck_assert_uint_eq (members->len, 2);
  ck_assert_str_eq (((RapatPerson *) members->pdata[0])->name, "Abdul Rahman");
  ck_assert_str_eq (((RapatPerson *) members->pdata[1])->unit_name, "Seksi Registrasi");

  m->uid = g_strdup ("group-test@rapat");
  m->title = g_strdup ("Rakernis");
  m->start_utc = 1756774800;
  m->end_utc = m->start_utc + 3600;
  m->tzid = g_strdup ("Asia/Jayapura");
  m->created_at = m->updated_at = m->start_utc;
  ck_assert (rapat_store_meeting_insert (store, m, &error));
  rapat_assert_no_error (error);
  a->meeting_id = m->id;
  a->person_id = samuel;
  ck_assert (rapat_store_attendee_insert (store, a, &error));

  ck_assert (rapat_store_group_remove_member (store, g->id, samuel, &error));
  ck_assert (!rapat_store_group_remove_member (store, g->id, samuel, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_NOT_FOUND,
                               "person 'Samuel Pattiasina': not a member of group 'Kepala UPT'");
  still = rapat_store_attendee_get (store, m->id, samuel, &error);
  ck_assert_ptr_nonnull (still);

  /* Removing a person removes their memberships. */
  ck_assert (rapat_store_person_delete (store, abdul, &error));
  rapat_assert_no_error (error);
  got = rapat_store_group_get (store, g->id, &error);
  ck_assert_int_eq (got->n_members, 0);
  ck_assert (rapat_store_group_add_member (store, g->id, yohan, &added, &error));
  ck_assert (rapat_store_group_delete (store, g->id, &error));
  after = rapat_store_group_list (store, &error);
  ck_assert_uint_eq (after->len, 0);
  g_clear_pointer (&still, rapat_attendee_free);
  still = rapat_store_attendee_get (store, m->id, samuel, &error);
  ck_assert_ptr_nonnull (still);
}
END_TEST

static Suite *
group_suite (void)
{
  Suite *s = suite_create ("group");
  TCase *tc = tcase_create ("heads and groups");

  tcase_add_checked_fixture (tc, office_setup, office_teardown);
  tcase_add_test (tc, test_head_rules);
  tcase_add_test (tc, test_head_moves_or_goes);
  tcase_add_test (tc, test_unit_people);
  tcase_add_test (tc, test_group_names);
  tcase_add_test (tc, test_group_members);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (group_suite ());
}
