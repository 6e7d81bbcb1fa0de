/* rapat — what every printed paper's layout shares (export layer). */
#include "paper.h"

#include <string.h>

/* The start of the data: URI of a PNG logo. */
static const char png_prefix[] = "data:image/png;base64,";

/* Returns the logo of @head as PNG bytes, or NULL when it has none or it
 * is another kind of image (the PDF letterhead carries PNG logos only). */
static GBytes *
logo_png (const RapatLetterhead *head)
{
  guchar *data;
  gsize len;

  if (head == NULL || head->logo_uri == NULL || !g_str_has_prefix (head->logo_uri, png_prefix))
    return NULL;
  data = g_base64_decode (head->logo_uri + strlen (png_prefix), &len);
  return g_bytes_new_take (data, len);
}

gboolean
rapat_paper_logo_dropped (const RapatLetterhead *lh)
{
  return lh != NULL && lh->logo_uri != NULL && !g_str_has_prefix (lh->logo_uri, png_prefix);
}

void
rapat_paper_letterhead (RapatLayout *doc, const RapatLetterhead *lh)
{
  RapatLayoutBlock *b;

  if (lh == NULL || (lh->ministry == NULL && lh->office == NULL && lh->address == NULL
                     && lh->contact == NULL && lh->logo_uri == NULL))
    return;
  b = rapat_layout_add (doc, RAPAT_LAYOUT_LETTERHEAD);
  rapat_layout_text (b, lh->ministry);
  rapat_layout_text (b, lh->office);
  rapat_layout_text (b, lh->address);
  rapat_layout_text (b, lh->contact);
  b->image = logo_png (lh);
  b->image_uri = g_strdup (lh->logo_uri);
  if (lh->office != NULL)
    {
      g_free (doc->author);
      doc->author = g_strdup (lh->office);
    }
}
