/* rapat — libical, loaded when first needed (see ical.h). */
#define RAPAT_ICAL_NO_REDIRECT
#include "rapat.h"
#include "ical.h"

#include <dlfcn.h>

static RapatIcal table;
static char *load_error;   /* why loading failed, or NULL */
static gboolean loaded;    /* the table is filled (set once, under the g_once) */

/* Opens libical and fills the table; sets load_error on failure. */
static void
load_once (void)
{
  void *lib = dlopen (RAPAT_LIBICAL_SONAME, RTLD_NOW | RTLD_LOCAL);

  /* A libical outside the loader's path, where configure found it. */
  if (lib == NULL)
    lib = dlopen (RAPAT_LIBICAL_PATH, RTLD_NOW | RTLD_LOCAL);
  if (lib == NULL)
    {
      const char *why = dlerror ();
      load_error = g_strdup_printf (_("unable to load %s, needed for iCalendar: %s"),
                                    RAPAT_LIBICAL_SONAME, why != NULL ? why : "?");
      return;
    }
#define RAPAT_ICAL_LOOKUP(f) \
  if (load_error == NULL && (table.f = (__typeof__ (f) *) dlsym (lib, #f)) == NULL) \
    load_error = g_strdup_printf (_("unable to load %s, needed for iCalendar: it has no %s"), \
                                  RAPAT_LIBICAL_SONAME, #f);
  RAPAT_ICAL_FUNCTIONS (RAPAT_ICAL_LOOKUP)
#undef RAPAT_ICAL_LOOKUP
  /* The library stays loaded for the life of the process. */
  loaded = load_error == NULL;
}

const char *
rapat_ical_version (void)
{
  static char version[32];

  if (version[0] == '\0')
    g_snprintf (version, sizeof version, "%d.%d.%d", ICAL_MAJOR_VERSION, ICAL_MINOR_VERSION,
                ICAL_PATCH_VERSION);
  return version;
}

gboolean
rapat_ical_load (GError **error)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      load_once ();
      g_once_init_leave (&once, 1);
    }
  if (load_error != NULL)
    {
      g_set_error_literal (error, RAPAT_ERROR, RAPAT_ERROR_IO, load_error);
      return FALSE;
    }
  return TRUE;
}

const RapatIcal *
rapat_ical (void)
{
  /* Not an error to report but a bug to fix: the entry point that led here
   * should have called rapat_ical_load() and reported its failure.  Checked
   * without G_DISABLE_ASSERT's leave, as a call through the empty table
   * would crash further from the cause. */
  if (G_UNLIKELY (!loaded))
    g_error ("libical called before a successful rapat_ical_load()");
  return &table;
}
