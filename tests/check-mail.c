/* rapat tests — the mail module: loading it, and what it does. */
#include "check-common.h"
#include "mail.h"

/* The module of this build, from the build tree (as make check runs it). */
static const char *
module_path (void)
{
  return RAPAT_MAIL_BUILD_PATH;
}

/* A path that names no module is refused with one message naming it; the
 * program goes on without mail. */
START_TEST (test_module_missing)
{
  GError *error = NULL;

  g_setenv ("RAPAT_MAIL_MODULE", "/nonexistent/rapat-mail.so", TRUE);
  ck_assert_ptr_null (rapat_mail (&error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "/nonexistent/rapat-mail.so");
  g_unsetenv ("RAPAT_MAIL_MODULE");
}
END_TEST

/* A shared object that is not a rapat mail module is refused too. */
START_TEST (test_module_not_rapat)
{
  GError *error = NULL;
  const char *libc = "libc.so.6";

  g_setenv ("RAPAT_MAIL_MODULE", libc, TRUE);
  ck_assert_ptr_null (rapat_mail (&error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "not a rapat mail module");
  g_unsetenv ("RAPAT_MAIL_MODULE");
}
END_TEST

/* The build's module loads, speaks this ABI, and is loaded once. */
START_TEST (test_module_loads)
{
  GError *error = NULL;
  const RapatMailModule *m;

  g_setenv ("RAPAT_MAIL_MODULE", module_path (), TRUE);
  m = rapat_mail (&error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (m);
  ck_assert_uint_eq (m->abi, RAPAT_MAIL_ABI);
  ck_assert_ptr_eq (rapat_mail (&error), m);
  g_unsetenv ("RAPAT_MAIL_MODULE");
}
END_TEST

static Suite *
mail_suite (void)
{
  Suite *s = suite_create ("mail");
  TCase *tc = tcase_create ("module");

  /* Refusals first: once loaded, the module stays for the process. */
  tcase_add_test (tc, test_module_missing);
  tcase_add_test (tc, test_module_not_rapat);
  tcase_add_test (tc, test_module_loads);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (mail_suite ());
}
