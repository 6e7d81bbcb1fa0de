/* rapat — the mail module's table: the one symbol rapat looks up. */
#include "mail-private.h"
#include "read.h"

G_DEFINE_QUARK (rapat-mail-error-quark, rapat_mail_error)

/* Exported: the table of the module's functions (see rapat-mail.h). */
const RapatMailModule *rapat_mail_module_table (void);

const RapatMailModule *
rapat_mail_module_table (void)
{
  static const RapatMailModule table = {
    .abi = RAPAT_MAIL_ABI,
    .versions = NULL,
    .compose = NULL,
    .read = rapat_mail_read,
    .read_free = rapat_mail_read_free,
    .smtp_send = NULL,
  };

  return &table;
}
