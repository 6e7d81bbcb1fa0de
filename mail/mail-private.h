/* rapat — inside the mail module (src/rapat-mail.so): what its files share. */
#pragma once

#include "rapat-mail.h"

G_BEGIN_DECLS

/* The module's errors: its messages go to the user as they are. */
#define RAPAT_MAIL_ERROR (rapat_mail_error_quark ())
GQuark rapat_mail_error_quark (void);

typedef enum {
  RAPAT_MAIL_ERROR_INVALID,   /* a value the message cannot carry */
  RAPAT_MAIL_ERROR_PARSE,     /* a message that cannot be read */
  RAPAT_MAIL_ERROR_SEND,      /* the server did not take the message */
} RapatMailErrorCode;

G_END_DECLS
