/* rapat — delivering a message (core layer). */
#include "mailer.h"
#include "mail.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

const char *
rapat_mailer_kind_name (RapatMailerKind kind)
{
  static const char *const names[] = { "sendmail", "smtp", "mbox", "maildir" };

  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "sendmail";
}

/* Returns the password in the file at @path, checked to be the user's
 * own and private. */
static char *
password_from_file (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  GStatBuf st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int e = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("mail.smtp-password-file '%s': %s"),
                   path, g_strerror (e));
      return NULL;
    }
  close (fd);
  if (!S_ISREG (st.st_mode) || st.st_uid != getuid () || (st.st_mode & 077) != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("mail.smtp-password-file '%s': must be a file of your own that nobody else can read (chmod 600 '%s')"),
                   path, path);
      return NULL;
    }
  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  text[strcspn (text, "\r\n")] = '\0';
  return g_steal_pointer (&text);
}

/* Returns the first line @command prints; an error when it fails. */
static char *
password_from_command (const char *command, GError **error)
{
  g_auto(GStrv) argv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_shell_parse_argv (command, NULL, &argv, error)
      || !g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                        error))
    {
      g_prefix_error (error, _("mail.smtp-password-command '%s': "), command);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_strstrip (err);
      err[strcspn (err, "\r\n")] = '\0';
      if (*err != '\0')
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                     _("mail.smtp-password-command '%s': failed: %s"), command, err);
      else
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                     _("mail.smtp-password-command '%s': failed, saying nothing"), command);
      return NULL;
    }
  out[strcspn (out, "\r\n")] = '\0';
  return g_steal_pointer (&out);
}

char *
rapat_mailer_smtp_password (const char *path, const char *command, GError **error)
{
  if (path != NULL)
    return password_from_file (path, error);
  if (command != NULL)
    return password_from_command (command, error);
  return NULL;
}

/* Returns @message with LF line ends, as mail files keep it; with @mboxrd,
 * each line that reads ">*From " gains a '>' (mboxrd quoting). */
static GString *
unix_lines (GBytes *message, gboolean mboxrd)
{
  gsize len;
  const char *p = g_bytes_get_data (message, &len);
  const char *end = p + len;
  GString *out = g_string_sized_new (len + 64);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl != NULL ? nl : end;
      const char *q = p;
      gsize n;

      if (mboxrd)
        {
          while (q < stop && *q == '>')
            q++;
          if (stop - q >= 5 && memcmp (q, "From ", 5) == 0)
            g_string_append_c (out, '>');
        }
      n = stop - p;
      if (n > 0 && p[n - 1] == '\r')
        n--;
      g_string_append_len (out, p, n);
      g_string_append_c (out, '\n');
      p = nl != NULL ? nl + 1 : end;
    }
  return out;
}

/* Writes all of @data to @fd; FALSE with errno set. */
static gboolean
write_all (int fd, const char *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Appends @message to the mbox file @path (created 0600), locked while
 * it writes. */
static gboolean
deliver_mbox (const char *path, const char *envelope_from, GBytes *message, gint64 now,
              GError **error)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                        "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (now);
  /* The asctime() form in English and UTC, whatever the locale: mail
   * readers parse it. */
  g_autofree char *from_line =
    g_strdup_printf ("From %s %s %s %2d %02d:%02d:%02d %d\n", envelope_from,
                     days[g_date_time_get_day_of_week (t) - 1],
                     months[g_date_time_get_month (t) - 1], g_date_time_get_day_of_month (t),
                     g_date_time_get_hour (t), g_date_time_get_minute (t),
                     g_date_time_get_second (t), g_date_time_get_year (t));
  g_autoptr(GString) body = unix_lines (message, TRUE);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  gboolean ok;
  int fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("mbox '%s': %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  /* Another mailer may append at the same time: the lock keeps the
   * messages whole. */
  ok = fcntl (fd, F_SETLKW, &lock) == 0
       && write_all (fd, from_line, strlen (from_line))
       && write_all (fd, body->str, body->len) && write_all (fd, "\n", 1)
       && fsync (fd) == 0;
  if (!ok)
    {
      int e = errno;

      close (fd);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("mbox '%s': %s"), path, g_strerror (e));
      return FALSE;
    }
  if (close (fd) != 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("mbox '%s': %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Writes @message into the maildir @dir: a unique file in tmp/, then
 * renamed into new/ (the maildir rule, so that a reader never sees half a
 * message).  The folders are created (0700) when missing. */
static gboolean
deliver_maildir (const char *dir, GBytes *message, gint64 now, GError **error)
{
  static guint counter;
  g_autoptr(GString) body = unix_lines (message, FALSE);
  g_autofree char *name = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dest = NULL;
  const char *sub[] = { "tmp", "new", "cur" };
  char host[256] = "localhost";
  gboolean ok;
  int fd;

  for (guint i = 0; i < G_N_ELEMENTS (sub); i++)
    {
      g_autofree char *d = g_build_filename (dir, sub[i], NULL);

      if (g_mkdir_with_parents (d, 0700) != 0)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("maildir '%s': %s"), dir,
                       g_strerror (errno));
          return FALSE;
        }
    }
  gethostname (host, sizeof host - 1);
  g_strdelimit (host, "/:", '_');
  name = g_strdup_printf ("%" G_GINT64_FORMAT ".M%" G_GINT64_FORMAT "P%dQ%u.%s", now,
                          g_get_real_time () % G_USEC_PER_SEC, (int) getpid (), ++counter, host);
  tmp = g_build_filename (dir, "tmp", name, NULL);
  dest = g_build_filename (dir, "new", name, NULL);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  ok = fd >= 0 && write_all (fd, body->str, body->len) && fsync (fd) == 0;
  if (fd >= 0 && close (fd) != 0)
    ok = FALSE;
  if (!ok || g_rename (tmp, dest) != 0)
    {
      int e = errno;

      g_unlink (tmp);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("maildir '%s': %s"), dir, g_strerror (e));
      return FALSE;
    }
  return TRUE;
}

/* Runs the sendmail command @command with @message on its standard input
 * and checks that it exits 0; its first line on stderr names the failure. */
static gboolean
deliver_sendmail (const char *command, GBytes *message, GError **error)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GString) err = g_string_new (NULL);
  gsize len;
  const char *data = g_bytes_get_data (message, &len);
  int in_fd = -1, err_fd = -1, status = 0;
  char buf[512];
  GPid pid;
  gboolean wrote;
  ssize_t n;

  if (!g_shell_parse_argv (command, NULL, &argv, error)
      || !g_spawn_async_with_pipes (NULL, argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, &in_fd, NULL, &err_fd, error))
    {
      g_prefix_error (error, _("mail.sendmail '%s': "), command);
      return FALSE;
    }
  /* A message is far smaller than what a pipe and the program buffer
   * before it exits; sendmail reads it all before it answers. */
  wrote = write_all (in_fd, data, len);
  close (in_fd);
  while ((n = read (err_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0 && err->len < 4096)
      g_string_append_len (err, buf, n);
  close (err_fd);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  if (!g_spawn_check_wait_status (status, NULL) || !wrote)
    {
      g_autofree char *why = NULL;

      g_strstrip (err->str);
      err->str[strcspn (err->str, "\n")] = '\0';
      if (WIFEXITED (status))
        why = g_strdup_printf (_("exited with status %d"), WEXITSTATUS (status));
      else
        why = g_strdup (_("was killed"));
      if (*err->str != '\0')
        /* TRANSLATORS: the second %s says how it ended ("exited with status
         * 1"), the third is the first line it wrote on its standard error. */
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("mail.sendmail '%s': %s: %s"),
                     command, why, err->str);
      else
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("mail.sendmail '%s': %s"), command,
                     why);
      return FALSE;
    }
  return TRUE;
}

/* Sends through the SMTP server of @mailer with the mail module. */
static gboolean
deliver_smtp (const RapatMailer *mailer, const char *envelope_from,
              const char *const *recipients, GBytes *message, GPtrArray *refused,
              GError **error)
{
  const RapatMailModule *mod = rapat_mail (error);
  g_autofree char *password = NULL;
  RapatSmtpConfig config = { 0 };
  GError *local = NULL;

  if (mod == NULL)
    return FALSE;
  if (mailer->smtp_url == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("mail.transport 'smtp': mail.smtp-url is not set (rapat config set mail.smtp-url smtp://HOST:587)"));
      return FALSE;
    }
  password = rapat_mailer_smtp_password (mailer->smtp_password_file,
                                         mailer->smtp_password_command, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  config.url = mailer->smtp_url;
  config.user = mailer->smtp_user;
  config.password = mailer->smtp_user != NULL ? password : NULL;
  config.require_tls = mailer->smtp_require_tls;
  config.ca_file = mailer->smtp_ca_file;
  config.timeout_seconds = 30;
  if (!mod->smtp_send (&config, envelope_from, recipients, message, refused, &local))
    {
      /* The module's message names the server and what it said. */
      g_set_error_literal (error, RAPAT_ERROR, RAPAT_ERROR_IO, local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_mailer_deliver (const RapatMailer *mailer, const char *envelope_from,
                      const char *const *recipients, GBytes *message, gint64 now,
                      GPtrArray *refused, GError **error)
{
  switch (mailer->kind)
    {
    case RAPAT_MAILER_SMTP:
      return deliver_smtp (mailer, envelope_from, recipients, message, refused, error);
    case RAPAT_MAILER_MBOX:
      return deliver_mbox (mailer->path, envelope_from, message, now, error);
    case RAPAT_MAILER_MAILDIR:
      return deliver_maildir (mailer->path, message, now, error);
    case RAPAT_MAILER_SENDMAIL:
    default:
      return deliver_sendmail (mailer->sendmail != NULL ? mailer->sendmail
                                                        : RAPAT_MAILER_DEFAULT_SENDMAIL,
                               message, error);
    }
}
