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
    .versions = rapat_mail_versions_text,
    .compose = rapat_mail_compose,
    .read = rapat_mail_read,
    .read_free = rapat_mail_read_free,
    .smtp_send = rapat_mail_smtp_send,
  };

  return &table;
}
