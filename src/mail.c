/* rapat — opening the mail module (core layer). */
#include "mail.h"

#include "module.h"

const RapatMailModule *
rapat_mail (GError **error)
{
  static const RapatMailModule *table;
  static const RapatModuleSpec spec = {
    "RAPAT_MAIL_MODULE", RAPAT_MAIL_INSTALLED_PATH, RAPAT_MAIL_BUILD_PATH,
    RAPAT_MAIL_TABLE_SYMBOL, RAPAT_MAIL_ABI, "mail",
  };

  if (table == NULL)
    table = rapat_module_open (&spec, error);
  return table;
}
