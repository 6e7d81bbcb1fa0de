/* rapat — the mail module: an iMIP message built with GMime (RFC 6047). */
#include "mail-private.h"

#include <curl/curl.h>
#include <gmime/gmime.h>
#include <string.h>

/* GMime 3.2 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimePart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeDataWrapper, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeContentType, g_object_unref)

/* Initialises GMime once for the process. */
static void
mail_gmime_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_mime_init ();
      g_once_init_leave (&done, 1);
    }
}

/* Returns TRUE when @address can stand in a header as an address: one
 * '@' between a local part and a domain, printable ASCII, no space, no
 * character that would end the address or start another header. */
static gboolean
address_ok (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0' || strlen (address) > 254)
    return FALSE;
  at = strrchr (address, '@');
  if (at == NULL || at == address || at[1] == '\0')
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || strchr ("<>()[],;:\"\\", *p) != NULL)
      return FALSE;
  return TRUE;
}

/* Returns TRUE when @text is UTF-8 without a line break or other control
 * character, as a display name or subject must be. */
static gboolean
line_ok (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < ' ' || *p == 0x7f)
      return FALSE;
  return TRUE;
}

/* Checks @box and adds it to @list; FALSE with @error naming @what and
 * the value GMime would not carry. */
static gboolean
add_mailbox (InternetAddressList *list, const RapatMailbox *box, const char *what,
             GError **error)
{
  if (!address_ok (box->address))
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   _("%s address '%s': not an e-mail address a message can carry"), what,
                   box->address != NULL ? box->address : "");
      return FALSE;
    }
  if (box->name != NULL && !line_ok (box->name))
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   _("%s name of '%s': holds a line break or is not UTF-8"), what, box->address);
      return FALSE;
    }
  {
    InternetAddress *mailbox = internet_address_mailbox_new (box->name, box->address);

    /* The list takes its own reference. */
    internet_address_list_add (list, mailbox);
    g_object_unref (mailbox);
  }
  return TRUE;
}

/* Returns "<id>" for a Message-ID given without brackets; FALSE (NULL)
 * when it holds what a header cannot. */
static char *
bracketed (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 900)
    return NULL;
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || *p == '<' || *p == '>')
      return NULL;
  return g_strdup_printf ("<%s>", id);
}

/* Returns a part of type @type (with its parameters) holding @bytes as
 * they are, in transfer @encoding (DEFAULT: the safest GMime finds for a
 * 7-bit path, and base64 rather than quoted-printable, as calendars go). */
static GMimePart *
leaf_part (const char *type, const char *text, GMimeContentEncoding encoding)
{
  g_autoptr(GMimeContentType) ct = g_mime_content_type_parse (NULL, type);
  GMimePart *part = g_mime_part_new_with_type (g_mime_content_type_get_media_type (ct),
                                               g_mime_content_type_get_media_subtype (ct));
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer (text, strlen (text));
  g_autoptr(GMimeDataWrapper) content =
    g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

  g_mime_object_set_content_type ((GMimeObject *) part, ct);
  g_mime_part_set_content (part, content);
  if (encoding == GMIME_CONTENT_ENCODING_DEFAULT)
    {
      encoding = g_mime_part_get_best_content_encoding (part, GMIME_ENCODING_CONSTRAINT_7BIT);
      if (encoding != GMIME_CONTENT_ENCODING_7BIT)
        encoding = GMIME_CONTENT_ENCODING_BASE64;
    }
  g_mime_part_set_content_encoding (part, encoding);
  return part;
}

/* Checks what @spec holds beyond the addresses; FALSE with @error. */
static gboolean
spec_ok (const RapatMailSpec *spec, GError **error)
{
  const char *bad = NULL;

  if (spec->n_to == 0)
    bad = "no recipient";
  else if (spec->subject == NULL || !line_ok (spec->subject))
    bad = "the subject holds a line break or is not UTF-8";
  else if (spec->text == NULL || !g_utf8_validate (spec->text, -1, NULL)
           || (spec->html != NULL && !g_utf8_validate (spec->html, -1, NULL))
           || spec->calendar == NULL || !g_utf8_validate (spec->calendar, -1, NULL))
    bad = "a body or the calendar is missing or not UTF-8";
  else if (spec->method == NULL || *spec->method == '\0' || !line_ok (spec->method)
           || strpbrk (spec->method, " ;\"") != NULL)
    bad = "the calendar's method is not a word";
  else if (spec->attachment_name == NULL || !line_ok (spec->attachment_name))
    bad = "the attachment has no name";
  if (bad != NULL)
    g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID, _("message: %s"), bad);
  return bad == NULL;
}

/* Sets the headers that thread the message: In-Reply-To and References;
 * FALSE with @error for a Message-ID a header cannot carry. */
static gboolean
thread_headers (GMimeMessage *msg, const RapatMailSpec *spec, GError **error)
{
  g_autoptr(GString) refs = g_string_new (NULL);
  const char *bad = NULL;

  if (spec->in_reply_to != NULL)
    {
      g_autofree char *id = bracketed (spec->in_reply_to);

      if (id == NULL)
        bad = spec->in_reply_to;
      else
        g_mime_object_set_header ((GMimeObject *) msg, "In-Reply-To", id, NULL);
    }
  for (const char *const *r = spec->references; bad == NULL && r != NULL && *r != NULL; r++)
    {
      g_autofree char *id = bracketed (*r);

      if (id == NULL)
        bad = *r;
      else
        g_string_append_printf (refs, "%s%s", refs->len > 0 ? " " : "", id);
    }
  if (bad != NULL)
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   _("message-id '%s': not one a header can carry"), bad);
      return FALSE;
    }
  if (refs->len > 0)
    g_mime_object_set_header ((GMimeObject *) msg, "References", refs->str, NULL);
  return TRUE;
}

/* Returns the body: multipart/mixed of a multipart/alternative (text,
 * HTML, the calendar with its method) and the calendar attached. */
static GMimeMultipart *
body_of (const RapatMailSpec *spec)
{
  GMimeMultipart *mixed = g_mime_multipart_new_with_subtype ("mixed");
  g_autoptr(GMimeMultipart) alt = g_mime_multipart_new_with_subtype ("alternative");
  g_autofree char *caltype = g_strdup_printf ("text/calendar; charset=UTF-8; method=%s",
                                              spec->method);
  g_autofree char *attype = g_strdup_printf ("application/ics; name=\"%s\"",
                                             spec->attachment_name);
  g_autoptr(GMimePart) text = leaf_part ("text/plain; charset=UTF-8", spec->text,
                                         GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_autoptr(GMimePart) cal = leaf_part (caltype, spec->calendar, GMIME_CONTENT_ENCODING_DEFAULT);
  g_autoptr(GMimePart) att = leaf_part (attype, spec->calendar, GMIME_CONTENT_ENCODING_BASE64);

  g_mime_multipart_add (alt, (GMimeObject *) text);
  if (spec->html != NULL)
    {
      g_autoptr(GMimePart) html = leaf_part ("text/html; charset=UTF-8", spec->html,
                                             GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

      g_mime_multipart_add (alt, (GMimeObject *) html);
    }
  g_mime_multipart_add (alt, (GMimeObject *) cal);
  g_mime_object_set_disposition ((GMimeObject *) att, GMIME_DISPOSITION_ATTACHMENT);
  g_mime_part_set_filename (att, spec->attachment_name);
  g_mime_multipart_add (mixed, (GMimeObject *) alt);
  g_mime_multipart_add (mixed, (GMimeObject *) att);
  return mixed;
}

/* Writes @msg with CRLF line ends and returns its bytes. */
static GBytes *
message_bytes (GMimeMessage *msg)
{
  GMimeFormatOptions *opts = g_mime_format_options_clone (NULL);
  GByteArray *buf = g_byte_array_new ();
  GMimeStream *stream = g_mime_stream_mem_new_with_byte_array (buf);

  g_mime_stream_mem_set_owner ((GMimeStreamMem *) stream, FALSE);
  g_mime_format_options_set_newline_format (opts, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_object_write_to_stream ((GMimeObject *) msg, opts, stream);
  g_mime_stream_flush (stream);
  g_object_unref (stream);
  g_mime_format_options_free (opts);
  return g_byte_array_free_to_bytes (buf);
}

/* Returns the message for @spec (see rapat-mail.h). */
GBytes *
rapat_mail_compose (const RapatMailSpec *spec, GError **error)
{
  g_autoptr(GMimeMessage) msg = NULL;
  g_autoptr(GMimeMultipart) body = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *mid = NULL;

  mail_gmime_init ();
  if (!spec_ok (spec, error))
    return NULL;
  mid = bracketed (spec->message_id);
  if (mid == NULL)
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   _("message-id '%s': not one a header can carry"),
                   spec->message_id != NULL ? spec->message_id : "");
      return NULL;
    }
  msg = g_mime_message_new (TRUE);
  if (!add_mailbox (g_mime_message_get_from (msg), &spec->from, "from", error)
      || (spec->reply_to != NULL
          && !add_mailbox (g_mime_message_get_reply_to (msg), spec->reply_to, "reply-to", error)))
    return NULL;
  for (guint i = 0; i < spec->n_to; i++)
    if (!add_mailbox (g_mime_message_get_addresses (msg, GMIME_ADDRESS_TYPE_TO), &spec->to[i],
                      "to", error))
      return NULL;
  g_mime_message_set_subject (msg, spec->subject, "utf-8");
  tz = g_time_zone_new_offset (spec->utc_offset_minutes * 60);
  utc = g_date_time_new_from_unix_utc (spec->date);
  date = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
  if (date == NULL)
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   "date %" G_GINT64_FORMAT ": out of range", spec->date);
      return NULL;
    }
  g_mime_message_set_date (msg, date);
  g_mime_message_set_message_id (msg, spec->message_id);
  if (!thread_headers (msg, spec, error))
    return NULL;
  body = body_of (spec);
  g_mime_message_set_mime_part (msg, (GMimeObject *) body);
  return message_bytes (msg);
}

/* "GMime x.y.z, libcurl a.b.c": the versions the module runs with, filled
 * when the module is loaded (the table points to it). */
char rapat_mail_versions_text[64];

/* Fills rapat_mail_versions_text from the libraries loaded. */
__attribute__ ((constructor)) static void
versions_fill (void)
{
  const curl_version_info_data *curl = curl_version_info (CURLVERSION_NOW);

  g_snprintf (rapat_mail_versions_text, sizeof rapat_mail_versions_text,
              "GMime %u.%u.%u, libcurl %s", gmime_major_version, gmime_minor_version,
              gmime_micro_version, curl != NULL ? curl->version : "?");
}
