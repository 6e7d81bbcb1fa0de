/* rapat — "rapat config": settings kept in the database (cli layer). */
#include "cmd.h"
#include "mailer.h"
#include "output.h"
#include "text.h"
#include "timeutil.h"

#include <string.h>

typedef struct {
  gboolean json;
} ConfigOptions;

static const RapatOption list_entries[] = {
  RAPAT_OPT_JSON (ConfigOptions, json),
  RAPAT_OPT_END,
};

/* A key rapat knows: its name and how a value is checked (and made canonical). */
typedef struct {
  const char *key;
  char *(*check) (const char *value, GError **error);
} ConfigKey;

/* The value of "tz": a zone rapat can load, by its canonical name. */
static char *
check_tz (const char *value, GError **error)
{
  char *canon = NULL;
  g_autoptr(GTimeZone) tz = rapat_time_zone_load (value, &canon, error);

  return tz != NULL ? canon : NULL;
}

/* A line of the letterhead: kept as it is (already checked to be one line). */
static char *
check_line (const char *value, G_GNUC_UNUSED GError **error)
{
  return g_strdup (value);
}

/* The value of "letterhead.logo": an image file rapat can embed, kept as
 * its absolute path so that a command run elsewhere still finds it. */
static char *
check_logo (const char *value, GError **error)
{
  g_autofree char *path = g_canonicalize_filename (value, NULL);
  g_autofree char *uri = rapat_cmd_logo_uri (path, error);

  return uri != NULL ? g_steal_pointer (&path) : NULL;
}

/* The value of "mail.smtp-ca-file": a readable file of certificates (an
 * office's own certificate authority), kept as its absolute path. */
static char *
check_ca_file (const char *value, GError **error)
{
  g_autofree char *path = g_canonicalize_filename (value, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("mail.smtp-ca-file '%s': %s"),
                   value, local->message);
      return NULL;
    }
  if (strstr (text, "-----BEGIN CERTIFICATE-----") == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("mail.smtp-ca-file '%s': holds no PEM certificate"), value);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* The value of "mail.transport": sendmail or smtp. */
static char *
check_transport (const char *value, GError **error)
{
  if (strcmp (value, "sendmail") == 0 || strcmp (value, "smtp") == 0)
    return g_strdup (value);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
               _("mail.transport '%s': expected sendmail or smtp"), value);
  return NULL;
}

/* The value of "mail.smtp-tls": required or opportunistic. */
static char *
check_tls (const char *value, GError **error)
{
  if (strcmp (value, "required") == 0 || strcmp (value, "opportunistic") == 0)
    return g_strdup (value);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
               _("mail.smtp-tls '%s': expected required (STARTTLS or fail) or opportunistic"),
               value);
  return NULL;
}

/* A command line ("mail.sendmail", "mail.smtp-password-command"): words
 * the shell would split it into, run without a shell. */
static char *
check_command (const char *value, GError **error)
{
  g_auto(GStrv) argv = NULL;

  if (!g_shell_parse_argv (value, NULL, &argv, error))
    {
      g_prefix_error (error, _("command '%s': "), value);
      return NULL;
    }
  return g_strdup (value);
}

/* The value of "mail.smtp-url": smtp:// or smtps://. */
static char *
check_smtp_url (const char *value, GError **error)
{
  if ((g_str_has_prefix (value, "smtp://") && value[7] != '\0')
      || (g_str_has_prefix (value, "smtps://") && value[8] != '\0'))
    return g_strdup (value);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
               _("mail.smtp-url '%s': expected smtp://HOST[:PORT] (STARTTLS) or smtps://HOST[:PORT]"),
               value);
  return NULL;
}

/* An e-mail address ("mail.from", "mail.reply-to"). */
static char *
check_address (const char *value, GError **error)
{
  const char *at = strrchr (value, '@');

  if (at != NULL && at != value && at[1] != '\0' && strpbrk (value, " <>,;\"") == NULL)
    return g_strdup (value);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
               _("address '%s': not an e-mail address such as sekretariat@example.go.id"), value);
  return NULL;
}

/* The value of "mail.smtp-password-file": a file only its owner can read,
 * kept as its absolute path; the password itself is never stored. */
static char *
check_password_file (const char *value, GError **error)
{
  g_autofree char *path = g_canonicalize_filename (value, NULL);
  g_autofree char *password = rapat_mailer_smtp_password (path, NULL, error);

  return password != NULL ? g_steal_pointer (&path) : NULL;
}

static const ConfigKey keys[] = {
  { "tz", check_tz },
  { "letterhead.ministry", check_line },
  { "letterhead.office", check_line },
  { "letterhead.address", check_line },
  { "letterhead.contact", check_line },
  { "letterhead.city", check_line },
  { "letterhead.logo", check_logo },
  { "mail.transport", check_transport },
  { "mail.sendmail", check_command },
  { "mail.smtp-url", check_smtp_url },
  { "mail.smtp-user", check_line },
  { "mail.smtp-password-file", check_password_file },
  { "mail.smtp-password-command", check_command },
  { "mail.smtp-tls", check_tls },
  { "mail.smtp-ca-file", check_ca_file },
  { "mail.from", check_address },
  { "mail.reply-to", check_address },
  { NULL, NULL },
};

const char *
rapat_cmd_config_key (guint i)
{
  return i < G_N_ELEMENTS (keys) ? keys[i].key : NULL;
}

/* Returns the known key @name, or NULL with @error listing the known ones. */
static const ConfigKey *
find_key (const char *name, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (name);
  g_autoptr(GString) known = g_string_new (NULL);

  for (const ConfigKey *k = keys; k->key != NULL; k++)
    {
      if (strcmp (k->key, name) == 0)
        return k;
      g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", k->key);
    }
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
               _("key '%s': unknown (known keys: %s)"),
               ex, known->str);
  return NULL;
}

/* config set KEY VALUE */
static gboolean
config_set (RapatCmdContext *ctx, GError **error)
{
  const ConfigKey *k = find_key (ctx->args[0], error);
  g_autofree char *value = NULL;

  if (k == NULL || !rapat_text_check (k->key, ctx->args[1], RAPAT_TEXT_REQUIRED | RAPAT_TEXT_LINE,
                                      RAPAT_MAX_NAME, error))
    return FALSE;
  value = k->check (ctx->args[1], error);
  return value != NULL && rapat_store_config_set (ctx->store, k->key, value, ctx->now, error);
}

/* config get KEY */
static gboolean
config_get (RapatCmdContext *ctx, GError **error)
{
  const ConfigKey *k = find_key (ctx->args[0], error);
  g_autofree char *value = NULL;

  if (k == NULL || !rapat_store_config_get (ctx->store, k->key, &value, error))
    return FALSE;
  if (value == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND, _("key '%s': not set"), k->key);
      return FALSE;
    }
  fprintf (ctx->out, "%s\n", value);
  return TRUE;
}

/* config unset KEY */
static gboolean
config_unset (RapatCmdContext *ctx, GError **error)
{
  const ConfigKey *k = find_key (ctx->args[0], error);

  return k != NULL && rapat_store_config_unset (ctx->store, k->key, NULL, error);
}

/* Prints the settings @list (RapatConfigEntry) as a JSON array. */
static void
print_list_json (FILE *out, GPtrArray *list)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const RapatConfigEntry *e = list->pdata[i];
      g_autofree char *when = rapat_time_format_utc (e->updated_at);

      rapat_json_begin_object (json, NULL);
      rapat_json_string (json, "key", e->key);
      rapat_json_string (json, "value", e->value);
      rapat_json_string (json, "updated_at", when);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints the settings @list (RapatConfigEntry) as a table, or a line saying
 * there are none. */
static void
print_list_table (FILE *out, GPtrArray *list)
{
  g_autoptr(RapatTable) table = NULL;

  if (list->len == 0)
    {
      fprintf (out, _("No settings.\n"));
      return;
    }
  table = rapat_table_new (_("Key"), _("Value"), NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const RapatConfigEntry *e = list->pdata[i];

      rapat_table_add (table, e->key, e->value);
    }
  rapat_table_print (table, out, "");
}

/* config list */
static gboolean
config_list (RapatCmdContext *ctx, GError **error)
{
  const ConfigOptions *opt = ctx->options;
  g_autoptr(GPtrArray) list = rapat_store_config_list (ctx->store, error);

  if (list == NULL)
    return FALSE;
  if (opt->json)
    print_list_json (ctx->out, list);
  else
    print_list_table (ctx->out, list);
  return TRUE;
}

const RapatCommand rapat_config_commands[] = {
  { "set", "KEY VALUE", N_("Set a setting of the database"),
    N_("Keys:\n"
       "  tz    the zone a command uses without --tz (an IANA name such as\n"
       "        Asia/Jayapura, or an offset such as +09:00); it wins over $TZ\n"
       "        and the system's zone.\n"
       "  letterhead.ministry, letterhead.office, letterhead.address,\n"
       "  letterhead.contact\n"
       "        the lines of the letterhead (kop surat) of the printed papers:\n"
       "        invitation, programme, actions matrix, minutes\n"
       "  letterhead.city\n"
       "        the place of a letter's place and date line (Ambon, 1 September 2025)\n"
       "  letterhead.logo\n"
       "        a PNG, JPEG or SVG file (at most 512 KiB), embedded in each paper;\n"
       "        its absolute path is kept\n"
       "  mail.transport\n"
       "        how 'invite send' delivers: sendmail (default) or smtp\n"
       "  mail.sendmail\n"
       "        the sendmail command, given the message on its standard input\n"
       "        (default: /usr/sbin/sendmail -t -oi; msmtp -t works too)\n"
       "  mail.smtp-url, mail.smtp-user, mail.smtp-tls\n"
       "        the SMTP server: smtp://HOST:587 (STARTTLS when offered, or always\n"
       "        with mail.smtp-tls required) or smtps://HOST:465; the user for AUTH\n"
       "  mail.smtp-ca-file\n"
       "        the certificates the server's is checked against, when not the\n"
       "        system's (an office's own certificate authority)\n"
       "  mail.smtp-password-file, mail.smtp-password-command\n"
       "        where the password comes from: a file only you can read (chmod 600),\n"
       "        or the first line a command prints; it is never stored here\n"
       "  mail.from, mail.reply-to\n"
       "        the sender's address instead of the organizer's; where replies go"),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, config_set },
  { "get", "KEY", N_("Print a setting"), NULL, RAPAT_CMD_STORE, 1, 1, RAPAT_NO_OPTIONS,
    RAPAT_TARGET_NONE, config_get },
  { "list", "", N_("List the settings"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (list_entries, ConfigOptions), RAPAT_TARGET_NONE, config_list },
  { "unset", "KEY", N_("Remove a setting"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1,
    RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, config_unset },
  { NULL },
};
