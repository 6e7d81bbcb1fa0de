/* rapat — the interface of the mail module, src/rapat-mail.so.
 *
 * The module links GMime (the messages: iMIP, RFC 6047) and libcurl (SMTP)
 * and is opened by rapat only when a command sends or reads mail (see
 * src/mail.h), so that no other command pays for loading them.  It knows
 * nothing of rapat's store or model: plain values and bytes in, bytes and
 * plain values out, with GLib types.  Both sides include this header; a
 * change to it raises RAPAT_MAIL_ABI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAPAT_MAIL_ABI 1

/* A mailbox: "Name <address>" (@name may be NULL). */
typedef struct {
  const char *name;
  const char *address;
} RapatMailbox;

/* What an iMIP message holds (RFC 6047): multipart/mixed of a
 * multipart/alternative (text/plain, text/html, and the text/calendar part
 * with its method) and the same calendar as an attachment, as Outlook and
 * Google send it. */
typedef struct {
  RapatMailbox from;
  const RapatMailbox *reply_to;     /* NULL: none */
  const RapatMailbox *to;           /* @n_to of them */
  guint n_to;
  const char *subject;              /* UTF-8; encoded as RFC 2047 when needed */
  const char *text;                 /* text/plain body, UTF-8 */
  const char *html;                 /* text/html body, UTF-8; NULL: none */
  const char *calendar;             /* the iCalendar object, CRLF line ends */
  const char *method;               /* its METHOD: "REQUEST", "CANCEL", "REPLY", ... */
  const char *attachment_name;      /* file name of the attached copy, e.g. "invite.ics" */
  const char *message_id;           /* "local@domain", without the angle brackets */
  const char *in_reply_to;          /* a Message-ID without brackets, or NULL */
  const char *const *references;    /* NULL-terminated Message-IDs without brackets, or NULL */
  gint64 date;                      /* Date:, seconds since the epoch */
  int utc_offset_minutes;           /* the offset Date: is written in */
} RapatMailSpec;

/* One calendar object found in a message. */
typedef struct {
  GBytes *calendar;                 /* decoded to UTF-8 */
  char *content_type;               /* e.g. "text/calendar; method=REPLY" or "application/ics" */
  char *file_name;                  /* an attachment's name, or NULL */
} RapatMailCalendar;

/* What rapat needs of a message it reads. */
typedef struct {
  char *from_address;               /* From:'s address, or NULL */
  char *from_name;                  /* From:'s display name, or NULL */
  char *message_id;                 /* without brackets, or NULL */
  char *subject;                    /* decoded, or NULL */
  GPtrArray *calendars;             /* RapatMailCalendar, in the order of the parts */
} RapatMailRead;

/* How to reach an SMTP server (libcurl). */
typedef struct {
  const char *url;                  /* smtp://host[:port] (STARTTLS when offered, or
                                     * required with @require_tls) or smtps://host[:port] */
  const char *user;                 /* NULL: no AUTH */
  const char *password;             /* NULL: no AUTH */
  gboolean require_tls;             /* refuse a server that does not do STARTTLS */
  const char *ca_file;              /* NULL: the system's */
  long timeout_seconds;             /* 0: libcurl's default */
  const char *helo_name;            /* NULL: libcurl's */
} RapatSmtpConfig;

/* The module's table, returned by its one exported function,
 * rapat_mail_module_table (RAPAT_MAIL_TABLE_SYMBOL). */
typedef struct {
  guint abi;                        /* RAPAT_MAIL_ABI */
  const char *versions;             /* "GMime 3.2.13, libcurl 7.88.1", for --version */

  /* Returns the whole message (CRLF line ends) for @spec; NULL with
   * @error when a value cannot be written (an address GMime refuses). */
  GBytes *(*compose) (const RapatMailSpec *spec, GError **error);

  /* Reads @message (any MIME structure; parts in base64 or
   * quoted-printable, any charset) and returns its From:, Message-ID: and
   * every calendar it carries: text/calendar parts and .ics attachments.
   * Free with rapat_mail_read_free (in the table). */
  RapatMailRead *(*read) (GBytes *message, GError **error);
  void (*read_free) (RapatMailRead *read);

  /* Sends @message to each of @recipients (NULL-terminated addresses)
   * with MAIL FROM @envelope_from through @config.  Returns TRUE when the
   * server took it for at least one recipient; those it refused are
   * added to @refused (owned copies).  FALSE with @error when nothing was
   * sent (no connection, TLS, AUTH, or every recipient refused). */
  gboolean (*smtp_send) (const RapatSmtpConfig *config, const char *envelope_from,
                         const char *const *recipients, GBytes *message, GPtrArray *refused,
                         GError **error);
} RapatMailModule;

#define RAPAT_MAIL_TABLE_SYMBOL "rapat_mail_module_table"
typedef const RapatMailModule *(*RapatMailTableFunc) (void);

G_END_DECLS
