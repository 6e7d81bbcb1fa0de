/* rapat — inside the mail module (src/rapat-mail.so): what its files share. */
#pragma once

#include "config.h"
#include "rapat-mail.h"

/* The module speaks through rapat's catalog, which the program has bound. */
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* The module's errors: its messages go to the user as they are. */
#define RAPAT_MAIL_ERROR (rapat_mail_error_quark ())
GQuark rapat_mail_error_quark (void);

typedef enum {
  RAPAT_MAIL_ERROR_INVALID,   /* a value the message cannot carry */
  RAPAT_MAIL_ERROR_PARSE,     /* a message that cannot be read */
  RAPAT_MAIL_ERROR_SEND,      /* the server did not take the message */
} RapatMailErrorCode;

/* Sending: the table's versions, compose and smtp_send (compose.c,
 * smtp.c; see rapat-mail.h). */
extern char rapat_mail_versions_text[];
GBytes *rapat_mail_compose (const RapatMailSpec *spec, GError **error);
gboolean rapat_mail_smtp_send (const RapatSmtpConfig *config, const char *envelope_from,
                               const char *const *recipients, GBytes *message,
                               GPtrArray *refused, GError **error);

G_END_DECLS
