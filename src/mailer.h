/* rapat — delivering a message: sendmail, SMTP (through the mail module),
 * an mbox file or a maildir folder (core layer).
 *
 * Bytes in, delivered or an error out; it never sees the store.  The
 * settings come from 'rapat config set mail.*', read by the command. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_MAILER_SENDMAIL,   /* mail.sendmail, the message on its standard input */
  RAPAT_MAILER_SMTP,       /* mail.smtp-url with libcurl (src/rapat-mail.so) */
  RAPAT_MAILER_MBOX,       /* appended to a file in mboxrd form */
  RAPAT_MAILER_MAILDIR,    /* a file in DIR/new, written in DIR/tmp first */
} RapatMailerKind;

/* How to deliver. */
typedef struct {
  RapatMailerKind kind;
  const char *sendmail;            /* the command line; NULL: RAPAT_MAILER_DEFAULT_SENDMAIL */
  const char *smtp_url;            /* smtp://host[:port] or smtps://host[:port] */
  const char *smtp_user;           /* NULL: no AUTH */
  const char *smtp_password_file;  /* a file only its owner can read (0600) */
  const char *smtp_password_command; /* a command whose first line of output is the password */
  gboolean smtp_require_tls;       /* mail.smtp-tls = required */
  const char *smtp_ca_file;        /* mail.smtp-ca-file, or NULL for the system's */
  const char *path;                /* the mbox file or the maildir folder */
} RapatMailer;

#define RAPAT_MAILER_DEFAULT_SENDMAIL "/usr/sbin/sendmail -t -oi"

/* Returns the transport's name as the log keeps it: "sendmail", "smtp",
 * "mbox" or "maildir". */
const char *rapat_mailer_kind_name (RapatMailerKind kind);

/* Reads the SMTP password: from @path, which must be a regular file owned
 * by the user running rapat and readable by nobody else (mode 0600 or
 * 0400), or from the first line @command prints.  Returns NULL without an
 * error when neither is given. */
char *rapat_mailer_smtp_password (const char *path, const char *command, GError **error);

/* Delivers @message (CRLF lines) from @envelope_from to @recipients
 * (NULL-terminated addresses; sendmail reads them from To: with -t, the
 * others from here).  For SMTP, the recipients the server refused while it
 * took the message for others are added to @refused; FALSE with @error,
 * naming the transport and the reason, when nothing was delivered. */
gboolean rapat_mailer_deliver (const RapatMailer *mailer, const char *envelope_from,
                               const char *const *recipients, GBytes *message, gint64 now,
                               GPtrArray *refused, GError **error);

G_END_DECLS
