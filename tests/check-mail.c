/* rapat tests — the mail module: loading it, and what it does. */
#include "check-common.h"
#include "mail.h"

#include <gmime/gmime.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

/* The module of this build, from the build tree (as make check runs it). */
static const char *
module_path (void)
{
  return RAPAT_MAIL_BUILD_PATH;
}

/* A path that names no module is refused with one message naming it; the
 * program goes on without mail. */
START_TEST (test_module_missing)
{
  GError *error = NULL;

  g_setenv ("RAPAT_MAIL_MODULE", "/nonexistent/rapat-mail.so", TRUE);
  ck_assert_ptr_null (rapat_mail (&error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "/nonexistent/rapat-mail.so");
  g_unsetenv ("RAPAT_MAIL_MODULE");
}
END_TEST

/* A shared object that is not a rapat mail module is refused too. */
START_TEST (test_module_not_rapat)
{
  GError *error = NULL;
  const char *libc = "libc.so.6";

  g_setenv ("RAPAT_MAIL_MODULE", libc, TRUE);
  ck_assert_ptr_null (rapat_mail (&error));
  rapat_assert_error_contains (error, RAPAT_ERROR_IO, "not a rapat mail module");
  g_unsetenv ("RAPAT_MAIL_MODULE");
}
END_TEST

/* The build's module loads, speaks this ABI, and is loaded once. */
START_TEST (test_module_loads)
{
  GError *error = NULL;
  const RapatMailModule *m;

  g_setenv ("RAPAT_MAIL_MODULE", module_path (), TRUE);
  m = rapat_mail (&error);
  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (m);
  ck_assert_uint_eq (m->abi, RAPAT_MAIL_ABI);
  ck_assert_ptr_eq (rapat_mail (&error), m);
  g_unsetenv ("RAPAT_MAIL_MODULE");
}
END_TEST

/* ---- compose: the message read back with GMime ---- */


/* A calendar as export ics writes one: CRLF, folded, non-ASCII. */
static const char test_calendar[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rapat//test//EN\r\nMETHOD:REQUEST\r\n"
  "BEGIN:VEVENT\r\nUID:test-1@rapat\r\nSEQUENCE:2\r\nSUMMARY:Rapat Kerja Teknis — Ambon\r\n"
  "DESCRIPTION:A long line that goes on and on so that it has to be folded by\r\n"
  "  the writer at seventy-five octets\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/* Loads the build's module and returns its table. */
static const RapatMailModule *
module_load (void)
{
  GError *error = NULL;
  const RapatMailModule *m;

  g_setenv ("RAPAT_MAIL_MODULE", module_path (), TRUE);
  m = rapat_mail (&error);
  rapat_assert_no_error (error);
  g_unsetenv ("RAPAT_MAIL_MODULE");
  return m;
}

/* Returns the message @spec gives, parsed back by GMime. */
static GMimeMessage *
compose_parse (const RapatMailSpec *spec, GBytes **raw)
{
  const RapatMailModule *m = module_load ();
  GError *error = NULL;
  GBytes *bytes = m->compose (spec, &error);
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *msg;

  rapat_assert_no_error (error);
  ck_assert_ptr_nonnull (bytes);
  g_mime_init ();
  stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));
  parser = g_mime_parser_new_with_stream (stream);
  msg = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  g_object_unref (stream);
  ck_assert_ptr_nonnull (msg);
  if (raw != NULL)
    *raw = bytes;
  else
    g_bytes_unref (bytes);
  return msg;
}

/* Returns the decoded content of @part, NUL-terminated. */
static char *
part_text (GMimeObject *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content ((GMimePart *) part);
  GMimeStream *out = g_mime_stream_mem_new ();
  GByteArray *buf = g_mime_stream_mem_get_byte_array ((GMimeStreamMem *) out);
  char *text;

  g_mime_data_wrapper_write_to_stream (content, out);
  text = g_strndup ((const char *) buf->data, buf->len);
  g_object_unref (out);
  return text;
}

/* Returns TRUE when @obj's Content-Type is @type/@subtype. */
static gboolean
is_type (GMimeObject *obj, const char *type, const char *subtype)
{
  return g_mime_content_type_is_type (g_mime_object_get_content_type (obj), type, subtype);
}

static const RapatMailbox test_to[] = {
  { "Kepala Rutan Ambon", "karutan.ambon@example.go.id" },
  { NULL, "kalapas@example.go.id" },
};
static const RapatMailbox test_reply_to = { "Sekretariat", "sekretariat@example.go.id" };
static const char *const test_refs[] = { "first.1@rapat.example", NULL };

/* A spec as invite send fills it. */
static RapatMailSpec
test_spec (void)
{
  RapatMailSpec spec = {
    .from = { "Budi Santoso", "budi@example.go.id" },
    .reply_to = &test_reply_to,
    .to = test_to,
    .n_to = G_N_ELEMENTS (test_to),
    .subject = "Undangan: Rapat Kerja Teknis — Selasa, 2 September 2025",
    .text = "Dengan hormat,\nkami mengundang Bapak/Ibu — hadir tepat waktu.\n",
    .html = "<!DOCTYPE html>\n<p>Dengan hormat &amp; terima kasih</p>\n",
    .calendar = test_calendar,
    .method = "REQUEST",
    .attachment_name = "invite.ics",
    .message_id = "second.2@rapat.example",
    .in_reply_to = "first.1@rapat.example",
    .references = test_refs,
    .date = 1756771200,
    .utc_offset_minutes = 9 * 60,
  };

  return spec;
}

/* compose() writes the structure Outlook and Google send: mixed {
 * alternative { plain, html, calendar; method }, application/ics }, the
 * calendar byte for byte in both, the headers, CRLF line ends. */
START_TEST (test_compose_structure)
{
  RapatMailSpec spec = test_spec ();
  GBytes *raw = NULL;
  g_autoptr(GMimeMessage) msg = NULL;
  GMimeObject *body, *alt, *att;
  g_autofree char *plain = NULL;
  g_autofree char *cal = NULL;
  g_autofree char *attached = NULL;
  const char *data;
  gsize len;

  msg = compose_parse (&spec, &raw);
  data = g_bytes_get_data (raw, &len);
  /* Every line ends CRLF and none is longer than 998 octets. */
  for (gsize i = 0, col = 0; i < len; i++, col++)
    {
      if (data[i] == '\n')
        {
          ck_assert_msg (i > 0 && data[i - 1] == '\r', "bare LF at %" G_GSIZE_FORMAT, i);
          col = 0;
        }
      ck_assert_uint_le (col, 1000);
    }
  ck_assert_ptr_nonnull (g_strstr_len (data, len, "MIME-Version: 1.0\r\n"));
  body = g_mime_message_get_mime_part (msg);
  ck_assert (is_type (body, "multipart", "mixed"));
  ck_assert_int_eq (g_mime_multipart_get_count ((GMimeMultipart *) body), 2);
  alt = g_mime_multipart_get_part ((GMimeMultipart *) body, 0);
  att = g_mime_multipart_get_part ((GMimeMultipart *) body, 1);
  ck_assert (is_type (alt, "multipart", "alternative"));
  ck_assert_int_eq (g_mime_multipart_get_count ((GMimeMultipart *) alt), 3);
  {
    GMimeObject *p0 = g_mime_multipart_get_part ((GMimeMultipart *) alt, 0);
    GMimeObject *p1 = g_mime_multipart_get_part ((GMimeMultipart *) alt, 1);
    GMimeObject *p2 = g_mime_multipart_get_part ((GMimeMultipart *) alt, 2);
    GMimeContentType *ct2 = g_mime_object_get_content_type (p2);

    ck_assert (is_type (p0, "text", "plain"));
    ck_assert_str_eq (g_mime_object_get_content_type_parameter (p0, "charset"), "UTF-8");
    ck_assert_int_eq (g_mime_part_get_content_encoding ((GMimePart *) p0),
                      GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    ck_assert (is_type (p1, "text", "html"));
    ck_assert (is_type (p2, "text", "calendar"));
    ck_assert_str_eq (g_mime_content_type_get_parameter (ct2, "method"), "REQUEST");
    ck_assert_str_eq (g_mime_content_type_get_parameter (ct2, "charset"), "UTF-8");
    plain = part_text (p0);
    cal = part_text (p2);
  }
  /* Bodies come back in CRLF; the text is the text. */
  ck_assert_str_eq (plain, "Dengan hormat,\r\nkami mengundang Bapak/Ibu — hadir tepat waktu.\r\n");
  ck_assert_str_eq (cal, test_calendar);
  ck_assert (is_type (att, "application", "ics"));
  ck_assert_str_eq (g_mime_object_get_disposition (att), "attachment");
  ck_assert_str_eq (g_mime_part_get_filename ((GMimePart *) att), "invite.ics");
  ck_assert_int_eq (g_mime_part_get_content_encoding ((GMimePart *) att),
                    GMIME_CONTENT_ENCODING_BASE64);
  attached = part_text (att);
  ck_assert_str_eq (attached, test_calendar);
  g_bytes_unref (raw);
}
END_TEST

/* The headers: From, To (every recipient), Reply-To, Subject in RFC 2047
 * (read back as it was), Date in the offset given, Message-ID, and the
 * thread: In-Reply-To and References. */
START_TEST (test_compose_headers)
{
  RapatMailSpec spec = test_spec ();
  GBytes *raw = NULL;
  g_autoptr(GMimeMessage) msg = compose_parse (&spec, &raw);
  InternetAddressList *to = g_mime_message_get_addresses (msg, GMIME_ADDRESS_TYPE_TO);
  InternetAddressList *from = g_mime_message_get_from (msg);
  InternetAddressList *reply = g_mime_message_get_reply_to (msg);
  GDateTime *date = g_mime_message_get_date (msg);
  g_autofree char *raw_text = g_strndup (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
  g_autofree char *head = g_strndup (raw_text, strstr (raw_text, "\r\n\r\n") - raw_text);

  ck_assert_int_eq (internet_address_list_length (from), 1);
  ck_assert_str_eq (internet_address_mailbox_get_addr (
                      (InternetAddressMailbox *) internet_address_list_get_address (from, 0)),
                    "budi@example.go.id");
  ck_assert_str_eq (internet_address_get_name (internet_address_list_get_address (from, 0)),
                    "Budi Santoso");
  ck_assert_int_eq (internet_address_list_length (to), 2);
  ck_assert_str_eq (internet_address_mailbox_get_addr (
                      (InternetAddressMailbox *) internet_address_list_get_address (to, 1)),
                    "kalapas@example.go.id");
  ck_assert_int_eq (internet_address_list_length (reply), 1);
  ck_assert_str_eq (g_mime_message_get_subject (msg), spec.subject);
  /* Non-ASCII travels encoded (RFC 2047), never raw in the header. */
  ck_assert_ptr_nonnull (strstr (head, "Subject: Undangan: Rapat Kerja Teknis =?UTF-8?"));
  for (const char *p = head; *p != '\0'; p++)
    ck_assert_msg ((guchar) *p < 0x80, "8-bit octet in the header");
  ck_assert_str_eq (g_mime_message_get_message_id (msg), "second.2@rapat.example");
  ck_assert_str_eq (g_mime_object_get_header ((GMimeObject *) msg, "In-Reply-To"),
                    "<first.1@rapat.example>");
  ck_assert_str_eq (g_mime_object_get_header ((GMimeObject *) msg, "References"),
                    "<first.1@rapat.example>");
  ck_assert_int_eq (g_date_time_to_unix (date), 1756771200);
  ck_assert_ptr_nonnull (strstr (head, "+0900"));
  g_bytes_unref (raw);
}
END_TEST

/* A first invitation has no thread headers; no Reply-To when none. */
START_TEST (test_compose_first)
{
  RapatMailSpec spec = test_spec ();
  g_autoptr(GMimeMessage) msg = NULL;

  spec.in_reply_to = NULL;
  spec.references = NULL;
  spec.reply_to = NULL;
  spec.html = NULL;
  msg = compose_parse (&spec, NULL);
  ck_assert_ptr_null (g_mime_object_get_header ((GMimeObject *) msg, "In-Reply-To"));
  ck_assert_ptr_null (g_mime_object_get_header ((GMimeObject *) msg, "References"));
  ck_assert_int_eq (internet_address_list_length (g_mime_message_get_reply_to (msg)), 0);
  ck_assert_int_eq (g_mime_multipart_get_count (
                      (GMimeMultipart *) g_mime_multipart_get_part (
                        (GMimeMultipart *) g_mime_message_get_mime_part (msg), 0)), 2);
}
END_TEST

/* What a header cannot carry is refused with one message naming it: an
 * address with a line break (header injection), a Message-ID with a
 * space, a subject with a line break. */
START_TEST (test_compose_refuses)
{
  const RapatMailModule *m = module_load ();
  static const RapatMailbox bad_to[] = { { NULL, "a@b.example\r\nBcc: x@y.example" } };
  RapatMailSpec spec = test_spec ();
  GError *error = NULL;

  spec.to = bad_to;
  spec.n_to = 1;
  ck_assert_ptr_null (m->compose (&spec, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "to address"));
  g_clear_error (&error);
  spec = test_spec ();
  spec.message_id = "two words@x";
  ck_assert_ptr_null (m->compose (&spec, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "message-id 'two words@x'"));
  g_clear_error (&error);
  spec = test_spec ();
  spec.subject = "line\nbreak";
  ck_assert_ptr_null (m->compose (&spec, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "subject"));
  g_clear_error (&error);
}
END_TEST

/* The versions of the libraries, for --version. */
START_TEST (test_versions)
{
  const RapatMailModule *m = module_load ();

  ck_assert_ptr_nonnull (m->versions);
  ck_assert (g_str_has_prefix (m->versions, "GMime 3."));
  ck_assert_ptr_nonnull (strstr (m->versions, ", libcurl "));
}
END_TEST

/* smtp_send() to a port where nothing listens: FALSE, naming the server. */
START_TEST (test_smtp_down)
{
  const RapatMailModule *m = module_load ();
  RapatSmtpConfig config = { .url = "smtp://127.0.0.1:1", .timeout_seconds = 5 };
  const char *rcpt[] = { "a@example.org", NULL };
  g_autoptr(GBytes) msg = g_bytes_new_static ("Subject: x\r\n\r\nx\r\n", 17);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;

  ck_assert (!m->smtp_send (&config, "b@example.org", rcpt, msg, refused, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "smtp server 'smtp://127.0.0.1:1'"));
  g_clear_error (&error);
  config.url = "http://example.org";
  ck_assert (!m->smtp_send (&config, "b@example.org", rcpt, msg, refused, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "expected smtp://"));
  g_clear_error (&error);
}
END_TEST

static Suite *
mail_suite (void)
{
  Suite *s = suite_create ("mail");
  TCase *tc = tcase_create ("module");

  /* Refusals first: once loaded, the module stays for the process. */
  tcase_add_test (tc, test_module_missing);
  tcase_add_test (tc, test_module_not_rapat);
  tcase_add_test (tc, test_module_loads);
  suite_add_tcase (s, tc);
  tc = tcase_create ("send");
  tcase_add_test (tc, test_compose_structure);
  tcase_add_test (tc, test_compose_headers);
  tcase_add_test (tc, test_compose_first);
  tcase_add_test (tc, test_compose_refuses);
  tcase_add_test (tc, test_versions);
  tcase_add_test (tc, test_smtp_down);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rapat_test_run (mail_suite ());
}
