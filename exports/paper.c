/* rapat — what every printed paper's layout shares (export layer). */
#include "paper.h"

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
  b->image_uri = g_strdup (lh->logo_uri);
  b->image_name = g_strdup (lh->logo_name);
  if (lh->office != NULL)
    {
      g_free (doc->author);
      doc->author = g_strdup (lh->office);
    }
}
