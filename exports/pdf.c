/* rapat — opening the PDF module (export layer). */
#include "pdf.h"

#include <dlfcn.h>
#include <errno.h>

/* Opens the module at @path and returns its table, or NULL with the reason
 * appended to @why. */
static const RapatPdfModule *
open_module (const char *path, GString *why)
{
  void *lib = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  RapatPdfTableFunc table_of;
  const RapatPdfModule *table;

  if (lib == NULL)
    {
      const char *reason = dlerror ();

      g_string_append_printf (why, "%s%s", why->len > 0 ? "; " : "",
                              reason != NULL ? reason : path);
      return NULL;
    }
  table_of = (RapatPdfTableFunc) dlsym (lib, RAPAT_PDF_TABLE_SYMBOL);
  table = table_of != NULL ? table_of () : NULL;
  if (table == NULL || table->abi != RAPAT_PDF_ABI)
    {
      g_string_append_printf (why, "%s%s: %s", why->len > 0 ? "; " : "", path,
                              table == NULL ? _("not a rapat PDF module")
                                            : _("a PDF module of another rapat version"));
      dlclose (lib);
      return NULL;
    }
  /* Kept open for the rest of the process. */
  return table;
}

const RapatPdfModule *
rapat_pdf (GError **error)
{
  static const RapatPdfModule *table;
  g_autoptr(GString) why = NULL;
  const char *env = g_getenv ("RAPAT_PDF_MODULE");
  const char *paths[] = {
    env != NULL && *env != '\0' ? env : NULL,
    RAPAT_PDF_INSTALLED_PATH,
    RAPAT_PDF_BUILD_PATH,
  };

  if (table != NULL)
    return table;
  why = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (paths) && table == NULL; i++)
    {
      /* With $RAPAT_PDF_MODULE set, that module or none. */
      if (paths[i] == NULL || (i > 0 && paths[0] != NULL))
        continue;
      if (i > 0 && !g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_string_append_printf (why, "%s%s: %s", why->len > 0 ? "; " : "", paths[i],
                                  g_strerror (ENOENT));
          continue;
        }
      table = open_module (paths[i], why);
    }
  if (table == NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                 _("the PDF module could not be loaded (%s); is rapat installed whole?"),
                 why->str);
  return table;
}

gboolean
rapat_pdf_write (FILE *out, const RapatLayout *doc, GError **error)
{
  const RapatPdfModule *pdf = rapat_pdf (error);

  return pdf != NULL && pdf->render (doc, out, error);
}
