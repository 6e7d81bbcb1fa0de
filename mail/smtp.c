/* rapat — the mail module: sending a message to an SMTP server with libcurl. */
#include "mail-private.h"

#include <curl/curl.h>
#include <string.h>

/* What the transfer reads from and what the protocol log tells. */
typedef struct {
  const guint8 *data;
  gsize len;
  gsize pos;
  char *rcpt;              /* the address of the RCPT TO last sent, until its answer */
  GPtrArray *refused;      /* "address (server's answer)" of each refused recipient */
  GPtrArray *refused_addr; /* the addresses alone */
  char *last_reply;        /* the server's last answer that was not 2xx/3xx */
} SmtpRun;

/* Hands libcurl the next bytes of the message (CURLOPT_READFUNCTION). */
static size_t
read_message (char *buf, size_t size, size_t n, void *data)
{
  SmtpRun *run = data;
  gsize room = size * n;
  gsize left = run->len - run->pos;
  gsize take = MIN (room, left);

  memcpy (buf, run->data + run->pos, take);
  run->pos += take;
  return take;
}

/* Returns a copy of the first line of @text (@len bytes), without CR LF. */
static char *
first_line (const char *text, size_t len)
{
  size_t end = 0;

  while (end < len && text[end] != '\r' && text[end] != '\n')
    end++;
  return g_strndup (text, end);
}

/* Watches the dialogue (CURLOPT_DEBUGFUNCTION): which RCPT TO the server
 * refused, and its last refusal, for the messages. */
static int
watch_dialogue (G_GNUC_UNUSED CURL *curl, curl_infotype type, char *text, size_t len, void *data)
{
  SmtpRun *run = data;
  g_autofree char *line = NULL;

  if (type != CURLINFO_HEADER_OUT && type != CURLINFO_HEADER_IN)
    return 0;
  line = first_line (text, len);
  if (type == CURLINFO_HEADER_OUT)
    {
      g_clear_pointer (&run->rcpt, g_free);
      if (g_ascii_strncasecmp (line, "RCPT TO:", 8) == 0)
        {
          const char *a = line + 8;
          const char *end;

          a += *a == '<';
          end = strchr (a, '>');
          run->rcpt = end != NULL ? g_strndup (a, end - a) : g_strdup (a);
        }
      return 0;
    }
  /* A reply: "250 OK", "550 5.1.1 no such user"; continuation lines
   * ("250-...") are not the end of it. */
  if (strlen (line) < 3 || line[3] == '-')
    return 0;
  if (line[0] == '4' || line[0] == '5')
    {
      g_free (run->last_reply);
      run->last_reply = g_strdup (line);
      if (run->rcpt != NULL)
        {
          g_ptr_array_add (run->refused, g_strdup_printf ("%s (%s)", run->rcpt, line));
          g_ptr_array_add (run->refused_addr, g_steal_pointer (&run->rcpt));
        }
    }
  g_clear_pointer (&run->rcpt, g_free);
  return 0;
}

/* Returns "<address>" for the envelope, or NULL when @address holds what
 * an SMTP command cannot (a line break, a bracket, a space). */
static char *
envelope_address (const char *address)
{
  if (address == NULL || *address == '\0')
    return NULL;
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || *p == '<' || *p == '>')
      return NULL;
  return g_strdup_printf ("<%s>", address);
}

/* Sets the options of @curl for @config; FALSE with @error for a URL
 * that is not SMTP. */
static gboolean
set_server (CURL *curl, const RapatSmtpConfig *config, GError **error)
{
  if (config->url == NULL
      || (g_ascii_strncasecmp (config->url, "smtp://", 7) != 0
          && g_ascii_strncasecmp (config->url, "smtps://", 8) != 0))
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   _("smtp url '%s': expected smtp://HOST[:PORT] or smtps://HOST[:PORT]"),
                   config->url != NULL ? config->url : "");
      return FALSE;
    }
  curl_easy_setopt (curl, CURLOPT_URL, config->url);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS, (long) (CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_USE_SSL,
                    config->require_tls ? (long) CURLUSESSL_ALL : (long) CURLUSESSL_TRY);
  if (config->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, config->ca_file);
  if (config->user != NULL)
    curl_easy_setopt (curl, CURLOPT_USERNAME, config->user);
  if (config->password != NULL)
    curl_easy_setopt (curl, CURLOPT_PASSWORD, config->password);
  if (config->timeout_seconds > 0)
    {
      curl_easy_setopt (curl, CURLOPT_TIMEOUT, config->timeout_seconds);
      curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, config->timeout_seconds);
    }
  return TRUE;
}

/* Sends @message through @config (see rapat-mail.h). */
gboolean
rapat_mail_smtp_send (const RapatSmtpConfig *config, const char *envelope_from,
                      const char *const *recipients, GBytes *message, GPtrArray *refused,
                      GError **error)
{
  g_autofree char *from = envelope_address (envelope_from);
  g_autoptr(GPtrArray) refused_text = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refused_addr = g_ptr_array_new_with_free_func (g_free);
  struct curl_slist *rcpt = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  SmtpRun run = { 0 };
  guint n_rcpt = 0;
  CURLcode rc;
  CURL *curl;

  if (from == NULL)
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                   _("sender '%s': not an address SMTP can carry"),
                   envelope_from != NULL ? envelope_from : "");
      return FALSE;
    }
  for (const char *const *r = recipients; r != NULL && *r != NULL; r++, n_rcpt++)
    {
      g_autofree char *to = envelope_address (*r);

      if (to == NULL)
        {
          g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID,
                       _("recipient '%s': not an address SMTP can carry"), *r);
          curl_slist_free_all (rcpt);
          return FALSE;
        }
      rcpt = curl_slist_append (rcpt, to);
    }
  if (n_rcpt == 0)
    {
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_INVALID, _("message: no recipient"));
      return FALSE;
    }
  curl_global_init (CURL_GLOBAL_DEFAULT);
  curl = curl_easy_init ();
  if (curl == NULL || !set_server (curl, config, error))
    {
      if (curl == NULL)
        g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_SEND, _("libcurl would not start"));
      curl_easy_cleanup (curl);
      curl_slist_free_all (rcpt);
      return FALSE;
    }
  run.data = g_bytes_get_data (message, &run.len);
  run.refused = refused_text;
  run.refused_addr = refused_addr;
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpt);
#if LIBCURL_VERSION_NUM >= 0x080200
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT_ALLOWFAILS, 1L);
#elif LIBCURL_VERSION_NUM >= 0x074500
  /* Spelt with three L until libcurl 8.2: one refused recipient does
   * not stop the others. */
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
#endif
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt (curl, CURLOPT_READDATA, &run);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) run.len);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, watch_dialogue);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, &run);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  rc = curl_easy_perform (curl);
  curl_easy_cleanup (curl);
  curl_slist_free_all (rcpt);
  g_free (run.rcpt);
  if (rc == CURLE_OK && refused_addr->len < n_rcpt)
    {
      for (guint i = 0; i < refused_addr->len; i++)
        g_ptr_array_add (refused, g_strdup (refused_addr->pdata[i]));
      g_free (run.last_reply);
      return TRUE;
    }
  if (rc == CURLE_OK || refused_addr->len == n_rcpt)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (refused_text, NULL);
      list = g_strjoinv ("; ", (char **) refused_text->pdata);
      g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_SEND,
                   _("smtp server '%s': refused every recipient: %s"), config->url, list);
    }
  else if (run.last_reply != NULL)
    g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_SEND,
                 _("smtp server '%s': did not take the message: the server said \"%s\""),
                 config->url, run.last_reply);
  else
    g_set_error (error, RAPAT_MAIL_ERROR, RAPAT_MAIL_ERROR_SEND,
                 _("smtp server '%s': %s"), config->url,
                 *errbuf != '\0' ? errbuf : curl_easy_strerror (rc));
  g_free (run.last_reply);
  return FALSE;
}
