/* rapat tests — strategic issues and action items in the store (placeholder
 * replaced by the full suite). */
#include "check-common.h"
#include "store.h"

START_TEST (test_open_latest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapatStore) store = rapat_store_open (":memory:", &error);

  rapat_assert_no_error (error);
  ck_assert_int_eq (rapat_store_version (store), rapat_store_latest_version ());
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("issues");
  TCase *tc = tcase_create ("open");

  tcase_add_test (tc, test_open_latest);
  suite_add_tcase (s, tc);
  return rapat_test_run (s);
}
