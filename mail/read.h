/* rapat — inside the mail module: reading messages (mail/read.c). */
#pragma once

#include "mail-private.h"

G_BEGIN_DECLS

/* The table's read and read_free (see rapat-mail.h). */
RapatMailRead *rapat_mail_read (GBytes *message, GError **error);
void rapat_mail_read_free (RapatMailRead *read);

G_END_DECLS
