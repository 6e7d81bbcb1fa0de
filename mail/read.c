/* rapat — reading a message in the mail module: the calendars it carries
 * (iMIP replies, RFC 6047), decoded to UTF-8, with From:, Message-ID: and
 * Subject:. */
#include "read.h"

#include <string.h>
#include <gmime/gmime.h>

/* Nested parts deeper than this are not looked into: no client nests a
 * reply that far, and a crafted message must not exhaust the stack. */
#define MAX_DEPTH 32

/* GMime 3.2 declares no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

/* Initialises GMime once per process. */
static void
mail_gmime_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_mime_init ();
      g_once_init_leave (&once, 1);
    }
}

/* Frees one calendar found in a message. */
static void
mail_calendar_free (RapatMailCalendar *c)
{
  if (c == NULL)
    return;
  g_bytes_unref (c->calendar);
  g_free (c->content_type);
  g_free (c->file_name);
  g_free (c);
}

/* Returns TRUE when @part holds a calendar: a text/calendar or
 * application/ics part, or an attachment whose name ends in .ics (Outlook
 * and some webmails send it as application/octet-stream). */
static gboolean
part_is_calendar (GMimePart *part)
{
  GMimeContentType *ct = g_mime_object_get_content_type (GMIME_OBJECT (part));
  const char *name = g_mime_part_get_filename (part);

  if (ct != NULL && (g_mime_content_type_is_type (ct, "text", "calendar")
                     || g_mime_content_type_is_type (ct, "application", "ics")
                     || g_mime_content_type_is_type (ct, "application", "x-ics")))
    return TRUE;
  return name != NULL && strlen (name) > 4
         && g_ascii_strcasecmp (name + strlen (name) - 4, ".ics") == 0;
}

/* Returns the decoded content of @part (transfer encoding undone), in
 * UTF-8: converted from the part's charset when it names another, else
 * taken as UTF-8, or as Windows-1252 when it is not valid UTF-8. */
static GBytes *
part_text (GMimePart *part)
{
  GMimeContentType *ct = g_mime_object_get_content_type (GMIME_OBJECT (part));
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  const char *charset = ct != NULL ? g_mime_content_type_get_parameter (ct, "charset") : NULL;
  g_autoptr(GMimeStream) mem = NULL;
  g_autoptr(GMimeStream) filtered = NULL;
  GByteArray *bytes;

  if (content == NULL)
    return g_bytes_new (NULL, 0);
  mem = g_mime_stream_mem_new ();
  filtered = g_mime_stream_filter_new (mem);
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0
      && g_ascii_strcasecmp (charset, "utf8") != 0 && g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      GMimeFilter *conv = g_mime_filter_charset_new (charset, "UTF-8");

      /* An unknown charset gives no filter: the bytes are then taken as
       * they are and checked below. */
      if (conv != NULL)
        {
          g_mime_stream_filter_add (GMIME_STREAM_FILTER (filtered), conv);
          g_object_unref (conv);
        }
    }
  g_mime_data_wrapper_write_to_stream (content, filtered);
  g_mime_stream_flush (filtered);
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
  if (!g_utf8_validate ((const char *) bytes->data, bytes->len, NULL))
    {
      gsize len = 0;
      char *utf8 = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", "WINDOWS-1252",
                              NULL, &len, NULL);

      if (utf8 != NULL)
        return g_bytes_new_take (utf8, len);
    }
  return g_bytes_new (bytes->data, bytes->len);
}

/* Adds the calendars in @object and the parts below it to @out. */
static void
collect (GMimeObject *object, GPtrArray *out, int depth)
{
  if (object == NULL || depth > MAX_DEPTH)
    return;
  if (GMIME_IS_MULTIPART (object))
    {
      int n = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < n; i++)
        collect (g_mime_multipart_get_part (GMIME_MULTIPART (object), i), out, depth + 1);
    }
  else if (GMIME_IS_MESSAGE_PART (object))
    {
      /* A forwarded message (message/rfc822): its calendars count too. */
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));

      if (inner != NULL)
        collect (g_mime_message_get_mime_part (inner), out, depth + 1);
    }
  else if (GMIME_IS_PART (object) && part_is_calendar (GMIME_PART (object)))
    {
      GMimeContentType *ct = g_mime_object_get_content_type (object);
      RapatMailCalendar *c = g_new0 (RapatMailCalendar, 1);
      g_autofree char *type = ct != NULL ? g_mime_content_type_get_mime_type (ct)
                                         : g_strdup ("application/octet-stream");
      const char *method = ct != NULL ? g_mime_content_type_get_parameter (ct, "method") : NULL;
      const char *name = g_mime_part_get_filename (GMIME_PART (object));

      c->calendar = part_text (GMIME_PART (object));
      c->content_type = method != NULL ? g_strdup_printf ("%s; method=%s", type, method)
                                       : g_steal_pointer (&type);
      c->file_name = g_strdup (name);
      g_ptr_array_add (out, c);
    }
}

/* Reads @message (see rapat-mail.h). */
RapatMailRead *
rapat_mail_read (GBytes *message, GError **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (message, &len);
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) msg = NULL;
  InternetAddressList *from;
  RapatMailRead *read;
  const char *text;

  mail_gmime_init ();
  stream = g_mime_stream_mem_new_with_buffer ((const char *) data, len);
  parser = g_mime_parser_new_with_stream (stream);
  msg = g_mime_parser_construct_message (parser, NULL);
  /* GMime makes a message of nearly anything; one with no header at all
   * is no e-mail. */
  if (msg == NULL || g_mime_object_get_header_list (GMIME_OBJECT (msg)) == NULL
      || g_mime_header_list_get_count (g_mime_object_get_header_list (GMIME_OBJECT (msg))) == 0)
    {
      g_set_error_literal (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_PARSE,
                           _("not an e-mail message (no header)"));
      return NULL;
    }
  read = g_new0 (RapatMailRead, 1);
  read->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) mail_calendar_free);
  from = g_mime_message_get_from (msg);
  if (from != NULL && internet_address_list_length (from) > 0)
    {
      InternetAddress *a = internet_address_list_get_address (from, 0);

      if (INTERNET_ADDRESS_IS_MAILBOX (a))
        read->from_address = g_strdup (internet_address_mailbox_get_addr (
                                         INTERNET_ADDRESS_MAILBOX (a)));
      text = internet_address_get_name (a);
      if (text != NULL && *text != '\0')
        read->from_name = g_strdup (text);
    }
  text = g_mime_message_get_message_id (msg);
  if (text != NULL && *text != '\0')
    read->message_id = g_strdup (text);
  text = g_mime_message_get_subject (msg);
  if (text != NULL)
    read->subject = g_strdup (text);
  collect (g_mime_message_get_mime_part (msg), read->calendars, 0);
  return read;
}

/* Frees what rapat_mail_read() returned; NULL is ignored. */
void
rapat_mail_read_free (RapatMailRead *read)
{
  if (read == NULL)
    return;
  g_free (read->from_address);
  g_free (read->from_name);
  g_free (read->message_id);
  g_free (read->subject);
  if (read->calendars != NULL)
    g_ptr_array_unref (read->calendars);
  g_free (read);
}
