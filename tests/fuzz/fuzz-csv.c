/* rapat fuzz target — the CSV reader, the NIP and eselon checks and the
 * ranking of a part of a name: what a directory import reads from a file. */
#include <stdint.h>
#include <string.h>

#include "csv-read.h"
#include "nip.h"
#include "text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reads the input as a CSV file, checks what the reader promises (records
 * in line order, each field UTF-8), and feeds each field to the NIP and
 * eselon checks and, against the header's first field, to the name match. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(RapatCsv) csv = rapat_csv_read ((const char *) data, size, "f.csv", NULL);
  guint line = 0;

  if (csv == NULL)
    return 0;
  g_assert (csv->separator == ',' || csv->separator == ';');
  for (guint r = 0; r < csv->records->len; r++)
    {
      const RapatCsvRecord *rec = csv->records->pdata[r];
      const RapatCsvRecord *head = csv->records->pdata[0];
      g_autofree char *key = rapat_text_fold (head->fields[0]);

      g_assert (rec->line > line && rec->n_fields >= 1);
      line = rec->line;
      for (guint f = 0; f < rec->n_fields; f++)
        {
          g_autofree char *nip = rapat_nip_normalize (rec->fields[f], NULL);
          g_autofree char *eselon = rapat_eselon_normalize (rec->fields[f], NULL);
          g_autofree char *folded = rapat_text_fold (rec->fields[f]);

          g_assert (g_utf8_validate (rec->fields[f], -1, NULL));
          g_assert (nip == NULL || strlen (nip) == 18);
          g_assert (eselon == NULL || strlen (eselon) <= 5);
          g_assert (rapat_text_match (folded, key) <= RAPAT_MATCH_EXACT);
        }
    }
  return 0;
}
