/* rapat — opening the PDF module (export layer). */
#include "pdf.h"

#include "module.h"

const RapatPdfModule *
rapat_pdf (GError **error)
{
  static const RapatPdfModule *table;
  static const RapatModuleSpec spec = {
    "RAPAT_PDF_MODULE", RAPAT_PDF_INSTALLED_PATH, RAPAT_PDF_BUILD_PATH,
    RAPAT_PDF_TABLE_SYMBOL, RAPAT_PDF_ABI, "PDF",
  };

  if (table == NULL)
    table = rapat_module_open (&spec, error);
  return table;
}

gboolean
rapat_pdf_write (FILE *out, const RapatLayout *doc, GError **error)
{
  const RapatPdfModule *pdf = rapat_pdf (error);

  return pdf != NULL && pdf->render (doc, out, error);
}
