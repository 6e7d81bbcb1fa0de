/* rapat — opening a loadable module (core layer). */
#include "module.h"

#include <dlfcn.h>
#include <errno.h>

/* The start every module table shares. */
typedef struct {
  guint abi;
} ModuleTable;

typedef const ModuleTable *(*TableFunc) (void);

/* Opens the module at @path and returns its table, or NULL with the reason
 * appended to @why. */
static const ModuleTable *
open_path (const RapatModuleSpec *spec, const char *path, GString *why)
{
  void *lib = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  TableFunc table_of;
  const ModuleTable *table;

  if (lib == NULL)
    {
      const char *reason = dlerror ();

      g_string_append_printf (why, "%s%s", why->len > 0 ? "; " : "",
                              reason != NULL ? reason : path);
      return NULL;
    }
  table_of = (TableFunc) dlsym (lib, spec->symbol);
  table = table_of != NULL ? table_of () : NULL;
  if (table == NULL || table->abi != spec->abi)
    {
      g_string_append_printf (why, "%s%s: ", why->len > 0 ? "; " : "", path);
      g_string_append_printf (why, table == NULL ? _("not a rapat %s module")
                                                 : _("a %s module of another rapat version"),
                              spec->name);
      dlclose (lib);
      return NULL;
    }
  /* Kept open for the rest of the process. */
  return table;
}

gconstpointer
rapat_module_open (const RapatModuleSpec *spec, GError **error)
{
  g_autoptr(GString) why = g_string_new (NULL);
  const ModuleTable *table = NULL;
  const char *env = g_getenv (spec->env);
  const char *paths[] = { env != NULL && *env != '\0' ? env : NULL, spec->installed,
                          spec->build };

  for (guint i = 0; i < G_N_ELEMENTS (paths) && table == NULL; i++)
    {
      /* With the variable set, that module or none. */
      if (paths[i] == NULL || (i > 0 && paths[0] != NULL))
        continue;
      if (i > 0 && !g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_string_append_printf (why, "%s%s: %s", why->len > 0 ? "; " : "", paths[i],
                                  g_strerror (ENOENT));
          continue;
        }
      table = open_path (spec, paths[i], why);
    }
  if (table == NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                 _("the %s module could not be loaded (%s); is rapat installed whole?"),
                 spec->name, why->str);
  return table;
}
