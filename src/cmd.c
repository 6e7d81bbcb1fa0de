/* rapat — the command line: command tables, dispatch and shared helpers (cli layer). */
#include "cmd.h"
#include "output.h"
#include "ical.h"
#include "lang.h"
#include "mail.h"
#include "pdf.h"
#include "text.h"
#include "timeutil.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

static gboolean cmd_version (RapatCmdContext *ctx, GError **error);

static const RapatCommand version_commands[] = {
  { "", "", N_("Versions of rapat, its schema and libraries (also --version, -V)"),
    NULL, RAPAT_CMD_PLAIN, 0, 0, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, cmd_version, NULL },
  { NULL },
};

static const RapatGroup groups[] = {
  { "init", N_("Create or upgrade the database"), rapat_init_commands },
  { "demo", N_("Load the sample Rakernis meeting"), rapat_demo_commands },
  { "unit", N_("Units of the organisation"), rapat_unit_commands },
  { "person", N_("People in the directory"), rapat_person_commands },
  { "meeting", N_("Meetings: schedule, change, cancel"), rapat_meeting_commands },
  { "agenda", N_("A meeting's agenda"), rapat_agenda_commands },
  { "attendee", N_("Invitations, replies and attendance"), rapat_attendee_commands },
  { "group", N_("Saved groups of people, invited together"), rapat_group_commands },
  { "minutes", N_("The minutes of a meeting: notes, decisions, sign-off"), rapat_minutes_commands },
  { "issue", N_("Strategic issues followed across meetings"), rapat_issue_commands },
  { "action", N_("Action items: owners, due days, progress"), rapat_action_commands },
  { "export", N_("iCalendar files for calendar apps"), rapat_export_commands },
  { "invite", N_("Invitations by e-mail (iMIP): send, and what each invitee has"),
    rapat_invite_commands },
  { "import", N_("Meetings from other calendars and replies to invitations, from .ics files or e-mail"), rapat_import_commands },
  { "schedule", N_("Clashes and free slots"), rapat_schedule_commands },
  { "holiday", N_("Holidays: the days find-slot skips"), rapat_holiday_commands },
  { "report", N_("Reports in text, CSV and JSON"), rapat_report_commands },
  { "config", N_("Settings kept in the database"), rapat_config_commands },
  { "check", N_("Check the database for damage and broken rules"), rapat_check_commands },
  { "backup", N_("Write a consistent, checked copy of the database"), rapat_backup_commands },
  { "version", N_("The versions of rapat and its libraries"), version_commands },
  { NULL, NULL, NULL },
};

/* The options every command takes, and the ones before the group. */
typedef struct {
  char *db;
  gboolean help;
  gboolean version;
} CommonOptions;

static const RapatOption common_options[] = {
  RAPAT_OPT_TEXT ("db", CommonOptions, db, N_("Use the database FILE"), N_("FILE")),
  { "help", 'h', G_OPTION_ARG_NONE, G_STRUCT_OFFSET (CommonOptions, help), N_("Show this help"),
    NULL, NULL },
  RAPAT_OPT_END,
};

static const RapatOption global_options[] = {
  RAPAT_OPT_GROUP (common_options, CommonOptions, db),
  { "version", 'V', G_OPTION_ARG_NONE, G_STRUCT_OFFSET (CommonOptions, version),
    N_("Show the versions of rapat and its libraries"), NULL, NULL },
  RAPAT_OPT_END,
};

const RapatOption rapat_range_options[] = {
  RAPAT_OPT_TEXT ("from", RapatRangeOptions, from,
                  N_("Meetings starting on or after this day, YYYY-MM-DD"), N_("DATE")),
  RAPAT_OPT_TEXT ("to", RapatRangeOptions, to,
                  N_("Meetings starting on or before this day, YYYY-MM-DD"), N_("DATE")),
  RAPAT_OPT_TEXT ("tz", RapatRangeOptions, tz,
                  N_("Zone the days are counted in (default: the system's)"), N_("ZONE")),
  RAPAT_OPT_END,
};

/* Appends GOption entries for @options, bound to the struct at @base, to
 * @entries.  Text is taken as bytes (FILENAME), not converted from the
 * locale, so that rapat's own checks judge the value and name it. */
static void
options_bind (GArray *entries, const RapatOption *options, char *base)
{
  for (const RapatOption *o = options; o != NULL && (o->long_name != NULL || o->include != NULL);
       o++)
    {
      GOptionEntry e = { 0 };

      if (o->include != NULL)
        {
          options_bind (entries, o->include, base + o->offset);
          continue;
        }
      e.long_name = o->long_name;
      e.short_name = o->short_name;
      e.arg = o->arg == G_OPTION_ARG_STRING ? G_OPTION_ARG_FILENAME
              : o->arg == G_OPTION_ARG_STRING_ARRAY ? G_OPTION_ARG_FILENAME_ARRAY
              : o->arg;
      e.arg_data = base + o->offset;
      e.description = o->description;
      e.arg_description = o->arg_description;
      g_array_append_val (entries, e);
    }
}

/* Frees what GOption stored in the struct at @base for @options. */
static void
options_clear (const RapatOption *options, char *base)
{
  for (const RapatOption *o = options; o != NULL && (o->long_name != NULL || o->include != NULL);
       o++)
    {
      if (o->include != NULL)
        options_clear (o->include, base + o->offset);
      else if (o->arg == G_OPTION_ARG_STRING || o->arg == G_OPTION_ARG_FILENAME)
        g_clear_pointer ((char **) (base + o->offset), g_free);
      else if (o->arg == G_OPTION_ARG_STRING_ARRAY || o->arg == G_OPTION_ARG_FILENAME_ARRAY)
        g_clear_pointer ((char ***) (base + o->offset), g_strfreev);
    }
}

/* Turns a GOption failure into a usage error of @path, keeping its text
 * (what options_check() did not catch beforehand). */
static void
option_error (GError **error, GError *parse_error, const char *path)
{
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("%s: %s (see 'rapat %s --help')"), path,
               parse_error->message, path);
  g_error_free (parse_error);
}

void
rapat_cmd_warn (RapatCmdContext *ctx, const char *format, ...)
{
  va_list ap;

  if (ctx->warnings == NULL)
    ctx->warnings = g_ptr_array_new_with_free_func (g_free);
  va_start (ap, format);
  g_ptr_array_add (ctx->warnings, g_strdup_vprintf (format, ap));
  va_end (ap);
}

gboolean
rapat_cmd_range (RapatCmdContext *ctx, const RapatRangeOptions *range, gint64 *from_utc,
                 gint64 *to_utc, GError **error)
{
  return rapat_cmd_day_range (ctx, range->from, range->to, range->tz, from_utc, to_utc, error);
}

void
rapat_cmd_usage_error (GError **error, const char *cmd_name, const char *format, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, format);
  msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
               _("%s: %s (see 'rapat %s --help')"), cmd_name, msg, cmd_name);
}

gboolean
rapat_cmd_take_text (const char *what, const char *value, guint flags, guint max_chars,
                     char **field, GError **error)
{
  if (value == NULL)
    return TRUE;
  if (*value == '\0' && (flags & RAPAT_TEXT_REQUIRED) == 0)
    {
      g_clear_pointer (field, g_free);
      return TRUE;
    }
  if (!rapat_text_check (what, value, flags, max_chars, error))
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

char *
rapat_cmd_file_label (const char *path)
{
  if (strcmp (path, "-") == 0)
    return g_strdup (_("standard input"));
  if (rapat_text_check ("file", path, RAPAT_TEXT_REQUIRED, 4096, NULL))
    return g_strdup (path);
  return rapat_text_excerpt (path);
}

GBytes *
rapat_cmd_read_input (const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *label = rapat_cmd_file_label (path);
  char *data = NULL;
  gsize len = 0;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GByteArray) buf = g_byte_array_new ();
      guint8 chunk[65536];
      size_t n;

      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_byte_array_append (buf, chunk, (guint) n);
      if (ferror (stdin))
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': %s"), label,
                       g_strerror (errno));
          return NULL;
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
    }
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': %s"), label,
                   local->message);
      return NULL;
    }
  return g_bytes_new_take (data, len);
}

/* Frees what rapat_cmd_prepare_input() kept. */
static void
prepared_bytes_free (gpointer prepared, gboolean ok)
{
  (void) ok;
  g_bytes_unref (prepared);
}

gboolean
rapat_cmd_prepare_input (RapatCmdContext *ctx, GError **error)
{
  GBytes *bytes = rapat_cmd_read_input (ctx->args[ctx->n_args - 1], error);

  if (bytes == NULL)
    return FALSE;
  ctx->prepared = bytes;
  ctx->prepared_free = prepared_bytes_free;
  return TRUE;
}

GBytes *
rapat_cmd_prepared_bytes (RapatCmdContext *ctx)
{
  g_assert (ctx->prepared != NULL && ctx->prepared_free == prepared_bytes_free);
  return ctx->prepared;
}

RapatCsv *
rapat_cmd_read_csv (RapatCmdContext *ctx, const char *path, GError **error)
{
  g_autofree char *ex = rapat_cmd_file_label (path);
  gsize len = 0;
  const char *data = g_bytes_get_data (rapat_cmd_prepared_bytes (ctx), &len);

  return rapat_csv_read (data != NULL ? data : "", len, ex, error);
}

char *
rapat_cmd_zone (RapatCmdContext *ctx, const char *tz_option, GError **error)
{
  char *value = NULL;

  if (tz_option != NULL)
    return g_strdup (tz_option);
  if (ctx->store != NULL && !rapat_store_config_get (ctx->store, "tz", &value, error))
    return NULL;
  return value != NULL ? value : rapat_time_zone_default (error);
}

gboolean
rapat_cmd_day_range (RapatCmdContext *ctx, const char *from, const char *to, const char *zone,
                     gint64 *from_utc, gint64 *to_utc, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  /* No range, no zone needed: a listing of everything works whatever $TZ says. */
  if (from == NULL && to == NULL && zone == NULL)
    return TRUE;
  name = rapat_cmd_zone (ctx, zone, error);
  tz = name != NULL ? rapat_time_zone_load (name, NULL, error) : NULL;
  if (tz == NULL
      || (from != NULL && !rapat_time_parse_day (_("from"), from, tz, 0, from_utc, error))
      || (to != NULL && !rapat_time_parse_day (_("to"), to, tz, 1, to_utc, error)))
    return FALSE;
  if (from != NULL && to != NULL && *to_utc <= *from_utc)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("to '%s': before from '%s'"), to,
                   from);
      return FALSE;
    }
  return TRUE;
}

char *
rapat_cmd_day (const char *what, const char *text, GError **error)
{
  int y, m, d;

  if (!rapat_time_parse_date (what, text, &y, &m, &d, error))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
rapat_cmd_today (RapatCmdContext *ctx, GError **error)
{
  g_autofree char *name = rapat_cmd_zone (ctx, NULL, error);
  g_autoptr(GTimeZone) tz = name != NULL ? rapat_time_zone_load (name, NULL, error) : NULL;

  return tz != NULL ? rapat_time_today (tz) : NULL;
}

char *
rapat_cmd_as_of (RapatCmdContext *ctx, const char *text, GError **error)
{
  return text != NULL ? rapat_cmd_day (_("as-of"), text, error) : rapat_cmd_today (ctx, error);
}

RapatMeeting *
rapat_cmd_load_meeting (RapatCmdContext *ctx, const char *text, GError **error)
{
  gint64 id;

  if (!rapat_store_meeting_resolve (ctx->store, text, &id, error))
    return NULL;
  return rapat_store_meeting_get (ctx->store, id, error);
}

const char *
rapat_cmd_or (const char *s, const char *fallback)
{
  return s != NULL ? s : fallback;
}

const char *
rapat_cmd_paper_lang (const char *lang, const char *tzid, GError **error)
{
  const char *env = g_getenv ("RAPAT_LANG");
  RapatLang chosen;

  if (lang != NULL)
    {
      if (!rapat_lang_parse ("--lang", lang, &chosen, error))
        return NULL;
    }
  else if (env != NULL && *env != '\0')
    {
      if (!rapat_lang_parse ("RAPAT_LANG", env, &chosen, error))
        {
          if (error != NULL && *error != NULL)
            (*error)->code = RAPAT_ERROR_INVALID;   /* a setting, as in choose_language() */
          return NULL;
        }
    }
  else
    chosen = rapat_lang_for_zone (tzid);
  /* The messages of the paper (and of anything printed with it) follow. */
  rapat_lang_use (chosen);
  return rapat_lang_code (chosen);
}

char *
rapat_cmd_default_db (GError **error)
{
  const char *env = g_getenv ("RAPAT_DB");
  g_autofree char *dir = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  dir = g_build_filename (g_get_user_data_dir (), "rapat", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to create folder '%s': %s"),
                   dir, g_strerror (saved));
      return NULL;
    }
  return g_build_filename (dir, "rapat.db", NULL);
}

/* Returns the name among @names (NULL-terminated) nearest to @typed, when
 * it is near enough to be what was meant: at most two edits away
 * (rapat_text_edit_distance()) and fewer edits than @typed has characters,
 * so that "x" suggests nothing; NULL when none is.  Of equally near names
 * the first wins. */
static const char *
nearest_name (const char *const *names, const char *typed)
{
  const char *best = NULL;
  guint best_d = 3, len = (guint) strlen (typed);

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint d = rapat_text_edit_distance (typed, names[i], 2);

      if (d < best_d && d < len && *names[i] != '\0')
        {
          best = names[i];
          best_d = d;
        }
    }
  return best;
}

/* Returns the names of the NULL-terminated entries of @table (stride
 * @size), and @also when not NULL, for nearest_name(); free the array
 * only. */
static const char **
table_names (const void *table, gsize size, const char *also)
{
  GPtrArray *names = g_ptr_array_new ();

  for (const char *p = table; *(const char *const *) p != NULL; p += size)
    g_ptr_array_add (names, (gpointer) *(const char *const *) p);
  if (also != NULL)
    g_ptr_array_add (names, (gpointer) also);
  g_ptr_array_add (names, NULL);
  return (const char **) g_ptr_array_free (names, FALSE);
}

/* Finds @name among the NULL-terminated entries of @table (stride @size),
 * exactly or as an unambiguous prefix.  When none or several match, returns
 * NULL and sets @error, calling the entry a @what of @group (NULL: rapat's
 * commands), with the name meant when a near one exists and a pointer to
 * 'rapat @context'. */
static const void *
find_entry (const void *table, gsize size, const char *name, const char *what,
            const char *group, const char *context, GError **error)
{
  const void *found = NULL;
  g_autoptr(GString) matches = g_string_new (NULL);
  int n_prefix = 0;
  g_autofree char *ex = rapat_text_excerpt (name);
  g_autofree const char **names = NULL;
  const char *near;

  for (const char *p = table; *(const char *const *) p != NULL; p += size)
    {
      const char *entry = *(const char *const *) p;

      if (strcmp (entry, name) == 0)
        return p;
      if (*name != '\0' && g_str_has_prefix (entry, name))
        {
          found = p;
          g_string_append_printf (matches, "%s%s", n_prefix++ > 0 ? ", " : "", entry);
        }
    }
  if (n_prefix == 1)
    return found;
  /* 'rapat help' is no group of the table, but as meant as one ('hlep'). */
  names = table_names (table, size, group == NULL ? "help" : NULL);
  near = nearest_name (names, name);
  if (n_prefix > 1)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                 _("%s '%s': ambiguous, could be %s (see 'rapat %s')"), what, ex, matches->str,
                 context);
  else if (group != NULL && near != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                 /* TRANSLATORS: "verb 'lsit': unknown for meeting; did you mean 'list'? ..." */
                 _("%s '%s': unknown for %s; did you mean '%s'? (see 'rapat %s')"), what, ex,
                 group, near, context);
  else if (group != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                 _("%s '%s': unknown for %s (see 'rapat %s')"), what, ex, group, context);
  else if (near != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE,
                 _("%s '%s': unknown; did you mean '%s'? (see 'rapat %s')"), what, ex, near,
                 context);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("%s '%s': unknown (see 'rapat %s')"),
                 what, ex, context);
  return NULL;
}

/* Finds the entry of @entries (GOptionEntry, zero-terminated) that
 * @arg ("--name", "--name=value", or the short name @short_name when
 * @arg is NULL) names, or NULL. */
static const GOptionEntry *
option_lookup (GArray *entries, const char *arg, char short_name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const GOptionEntry *e = &g_array_index (entries, GOptionEntry, i);
      gsize n;

      if (e->long_name == NULL)
        continue;
      if (arg == NULL)
        {
          if (short_name != 0 && e->short_name == short_name)
            return e;
          continue;
        }
      n = strlen (e->long_name);
      if (strncmp (arg + 2, e->long_name, n) == 0 && (arg[2 + n] == '\0' || arg[2 + n] == '='))
        return e;
    }
  return NULL;
}

/* Sets the usage error @msg about an option of @path (NULL: one before the
 * command), with where the options are explained. */
static void
option_usage_error (GError **error, const char *path, const char *msg)
{
  if (path != NULL)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("%s: %s (see 'rapat %s --help')"), path,
                 msg, path);
  else
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("%s (see 'rapat help')"), msg);
}

/* Sets the usage error of an unknown option @arg ("--frm", "-x") of @path
 * (NULL: before the command), naming the option meant when one of
 * @entries is near enough. */
static void
option_unknown (GError **error, GArray *entries, const char *arg, const char *path)
{
  g_autofree char *name = g_strndup (arg, strcspn (arg, "="));
  g_autofree char *ex = rapat_text_excerpt (name);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *near = NULL;
  g_autofree char *msg = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const GOptionEntry *e = &g_array_index (entries, GOptionEntry, i);

      if (e->long_name != NULL)
        g_ptr_array_add (names, g_strconcat ("--", e->long_name, NULL));
    }
  g_ptr_array_add (names, NULL);
  if (g_str_has_prefix (name, "--"))
    near = nearest_name ((const char *const *) names->pdata, name);
  if (near != NULL)
    msg = g_strdup_printf (_("option '%s': unknown; did you mean '%s'?"), ex, near);
  else
    msg = g_strdup_printf (_("option '%s': unknown"), ex);
  option_usage_error (error, path, msg);
}

/* Returns the message for option @name (of entry @e) given without its value. */
static char *
missing_value (const char *name, const GOptionEntry *e)
{
  if (e->arg_description != NULL)
    /* TRANSLATORS: "option '--from': missing its value DATE" */
    return g_strdup_printf (_("option '%s': missing its value %s"), name,
                            _(e->arg_description));
  return g_strdup_printf (_("option '%s': missing its value"), name);
}

/* Checks the options in @args (after the program's or the command's name)
 * against @entries before GOption reads them, so that an unknown option,
 * one without its value or a flag given a value is said in rapat's words,
 * with the option meant.  With @stop_at_word, the first word that is not an
 * option ends the options (before the command's name).  @path is the
 * command's ("meeting list"), NULL before it. */
static gboolean
options_check (GArray *entries, char **args, gboolean stop_at_word, const char *path,
               GError **error)
{
  for (int i = 0; args[i] != NULL; i++)
    {
      const char *arg = args[i];
      const GOptionEntry *e;
      gboolean takes_value;

      if (strcmp (arg, "--") == 0)
        break;
      if (arg[0] != '-' || arg[1] == '\0')
        {
          if (stop_at_word)
            break;
          continue;
        }
      if (arg[1] == '-')
        {
          e = option_lookup (entries, arg, 0);
          if (e == NULL)
            {
              option_unknown (error, entries, arg, path);
              return FALSE;
            }
          takes_value = e->arg != G_OPTION_ARG_NONE;
          if (!takes_value && strchr (arg, '=') != NULL)
            {
              g_autofree char *msg = g_strdup_printf (_("option '--%s': takes no value"),
                                                      e->long_name);
              option_usage_error (error, path, msg);
              return FALSE;
            }
          if (takes_value && strchr (arg, '=') == NULL)
            {
              if (args[i + 1] == NULL)
                {
                  g_autofree char *name = g_strconcat ("--", e->long_name, NULL);
                  g_autofree char *msg = missing_value (name, e);

                  option_usage_error (error, path, msg);
                  return FALSE;
                }
              i++;
            }
          continue;
        }
      /* Short options, perhaps several in one word ("-hV"); one that takes
       * a value takes the rest of the word, or else the next word. */
      for (const char *c = arg + 1; *c != '\0'; c++)
        {
          e = option_lookup (entries, NULL, *c);
          if (e == NULL)
            {
              g_autofree char *one = g_strdup_printf ("-%c", *c);
              option_unknown (error, entries, one, path);
              return FALSE;
            }
          if (e->arg != G_OPTION_ARG_NONE)
            {
              if (c[1] == '\0' && args[i + 1] == NULL)
                {
                  g_autofree char *name = g_strdup_printf ("-%c", *c);
                  g_autofree char *msg = missing_value (name, e);

                  option_usage_error (error, path, msg);
                  return FALSE;
                }
              if (c[1] == '\0')
                i++;
              break;
            }
        }
    }
  return TRUE;
}

/* Returns "group verb" for messages and usage lines. */
static char *
command_path (const RapatGroup *group, const RapatCommand *cmd)
{
  if (cmd == NULL || cmd->name[0] == '\0')
    return g_strdup (group->name);
  return g_strdup_printf ("%s %s", group->name, cmd->name);
}

/* Prints the list of every command, generated from the tables. */
static void
print_overview (FILE *out)
{
  fprintf (out, _("Usage: rapat [--db FILE] GROUP VERB [ARGUMENTS] [OPTIONS]\n"));
  fprintf (out, _("A command-line manager for meetings and work sessions.\n\n"));
  for (const RapatGroup *g = groups; g->name != NULL; g++)
    {
      fprintf (out, "%s  (%s)\n", g->name, _(g->summary));
      for (const RapatCommand *c = g->verbs; c->name != NULL; c++)
        {
          g_autofree char *path = command_path (g, c);
          g_autofree char *usage = g_strdup_printf ("%s%s%s", path, c->args[0] ? " " : "", c->args);

          fprintf (out, "  rapat %-36s %s\n", usage, _(c->summary));
        }
    }
  fprintf (out, _("\nRun 'rapat GROUP VERB --help' for the options of a command.\n"
                  "The database is --db FILE, else $RAPAT_DB, else $XDG_DATA_HOME/rapat/rapat.db.\n"));
}

/* Prints the verbs of @group, generated from its table. */
static void
print_group_help (FILE *out, const RapatGroup *group)
{
  fprintf (out, _("Usage: rapat %s VERB [ARGUMENTS] [OPTIONS]\n"), group->name);
  fprintf (out, "%s\n\n", _(group->summary));
  for (const RapatCommand *c = group->verbs; c->name != NULL; c++)
    {
      g_autofree char *usage = g_strdup_printf ("%s%s%s", c->name, c->args[0] ? " " : "", c->args);
      fprintf (out, "  %-32s %s\n", usage, _(c->summary));
    }
  fprintf (out, _("\nRun 'rapat %s VERB --help' for the options of a verb.\n"), group->name);
}

/* Builds the option parser of @cmd: its own entries and the common ones,
 * bound to the structs at @options and @common; *@entries_out, when not
 * NULL, gets a copy of the entries (for options_check()). */
static GOptionContext *
make_context (const RapatGroup *group, const RapatCommand *cmd, gpointer options,
              CommonOptions *common, GArray **entries_out)
{
  g_autofree char *path = command_path (group, cmd);
  g_autofree char *param = g_strdup_printf ("%s - %s", cmd->args, _(cmd->summary));
  GOptionContext *ctx = g_option_context_new (param);
  g_autofree char *prgname = g_strconcat ("rapat ", path, NULL);
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  g_option_context_set_help_enabled (ctx, FALSE);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  options_bind (entries, cmd->options, options);
  options_bind (entries, common_options, (char *) common);
  g_option_context_add_main_entries (ctx, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  if (cmd->description != NULL)
    g_option_context_set_description (ctx, _(cmd->description));
  g_set_prgname (prgname);
  if (entries_out != NULL)
    *entries_out = g_steal_pointer (&entries);
  return ctx;
}

/* Resolves the record the first argument names, as @cmd's target says. */
static gboolean
resolve_target (const RapatCommand *cmd, RapatCmdContext *ctx, GError **error)
{
  const char *text = ctx->n_args > 0 ? ctx->args[0] : NULL;

  if (text == NULL)
    return TRUE;
  switch (cmd->target)
    {
    case RAPAT_TARGET_NONE:
      return TRUE;
    case RAPAT_TARGET_UNIT:
      return rapat_store_unit_resolve (ctx->store, text, &ctx->target_id, error);
    case RAPAT_TARGET_PERSON:
      return rapat_store_person_resolve (ctx->store, text, &ctx->target_id, error);
    case RAPAT_TARGET_ISSUE:
      return rapat_store_issue_resolve (ctx->store, text, &ctx->target_id, error);
    case RAPAT_TARGET_ACTION:
      return rapat_store_action_resolve (ctx->store, text, &ctx->target_id, error);
    case RAPAT_TARGET_GROUP:
      return rapat_store_group_resolve (ctx->store, text, &ctx->target_id, error);
    case RAPAT_TARGET_MEETING:
      /* A prepare hook saw the meeting in an earlier snapshot. */
      g_clear_pointer (&ctx->meeting, rapat_meeting_free);
      ctx->meeting = rapat_cmd_load_meeting (ctx, text, error);
      if (ctx->meeting == NULL)
        return FALSE;
      ctx->target_id = ctx->meeting->id;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* Resolves the target and runs the handler of @cmd. */
static gboolean
run_handler (const RapatCommand *cmd, RapatCmdContext *ctx, GError **error)
{
  return resolve_target (cmd, ctx, error) && cmd->run (ctx, error);
}

/* Runs the prepare hook of @cmd with no transaction open, after resolving
 * its target in a read transaction that ends first. */
static gboolean
run_prepare (const RapatCommand *cmd, RapatCmdContext *ctx, GError **error)
{
  gboolean ok = TRUE;

  if (ctx->store != NULL)
    {
      ok = rapat_store_begin_read (ctx->store, error) && resolve_target (cmd, ctx, error);
      rapat_store_rollback (ctx->store);
    }
  return ok && cmd->prepare (ctx, error);
}

/* Opens the store for @ctx and runs @cmd; the heart of rapat_cmd_main(). */
static gboolean
run_command (const RapatCommand *cmd, RapatCmdContext *ctx, const char *db_option,
             GError **error)
{
  g_autofree char *db_path = NULL;
  g_autoptr(RapatStore) store = NULL;
  char *buf = NULL;
  size_t buf_len = 0;
  gboolean ok;

  if (cmd->flags & RAPAT_CMD_STORE)
    {
      db_path = db_option != NULL ? g_strdup (db_option) : rapat_cmd_default_db (error);
      if (db_path == NULL)
        return FALSE;
      store = rapat_store_open (db_path, error);
      if (store == NULL)
        return FALSE;
      ctx->store = store;
      ctx->db_path = db_path;
    }
  if (cmd->prepare != NULL && !run_prepare (cmd, ctx, error))
    return FALSE;
  if ((cmd->flags & RAPAT_CMD_WRITE) == 0 || ctx->read_only)
    {
      ctx->out = stdout;
      if (store == NULL)
        return run_handler (cmd, ctx, error);
      /* One read transaction: every query of the command sees the same
       * snapshot, and the WAL index is read once rather than per query. */
      ok = rapat_store_begin_read (store, error) && run_handler (cmd, ctx, error);
      rapat_store_rollback (store);
      return ok;
    }

  /* A writing command's output (the new id, say) must not reach the user
   * unless the transaction commits, so it goes to a buffer first. */
  ctx->out = open_memstream (&buf, &buf_len);
  if (ctx->out == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }
  /* Its tables are for standard output, and wrap as they would there. */
  rapat_output_set_terminal (ctx->out);
  ok = rapat_store_begin (store, error) && run_handler (cmd, ctx, error);
  rapat_output_set_terminal (NULL);
  fclose (ctx->out);
  ctx->out = NULL;
  /* The output is written before the commit, so that a command whose
   * output cannot be written changes nothing; should the commit then fail,
   * the error and the exit status say so. */
  if (ok && (fwrite (buf, 1, buf_len, stdout) != buf_len || fflush (stdout) != 0))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to write the output: %s"),
                   g_strerror (errno));
      ok = FALSE;
    }
  /* A dry run (ctx->dry_run) shows what the command did, then undoes it. */
  if (ok && ctx->dry_run)
    {
      rapat_store_rollback (store);
      free (buf);
      return TRUE;
    }
  ok = ok && rapat_store_commit (store, error);
  if (!ok)
    rapat_store_rollback (store);
  else
    rapat_store_optimize (store);
  free (buf);
  ctx->committed = ok;
  if (ok && ctx->failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ctx->failure));
      return FALSE;
    }
  return ok;
}

/* Runs "help [GROUP [VERB]]". */
static gboolean
run_help (char **args, int n_args, GError **error)
{
  const RapatGroup *group;
  const RapatCommand *cmd;
  g_autoptr(GOptionContext) octx = NULL;
  g_autofree char *help = NULL;
  g_autofree gpointer options = NULL;
  CommonOptions common = { 0 };

  if (n_args == 0)
    {
      print_overview (stdout);
      return TRUE;
    }
  group = find_entry (groups, sizeof *groups, args[0], _("command"), NULL, "help", error);
  if (group == NULL)
    return FALSE;
  if (n_args == 1 && group->verbs[0].name[0] != '\0')
    {
      print_group_help (stdout, group);
      return TRUE;
    }
  if (n_args > 1)
    {
      g_autofree char *context = g_strdup_printf ("help %s", group->name);
      cmd = find_entry (group->verbs, sizeof *group->verbs, args[1], _("verb"), group->name,
                        context, error);
    }
  else
    cmd = group->verbs;
  if (cmd == NULL)
    return FALSE;
  options = g_malloc0 (MAX (cmd->options_size, 1));
  octx = make_context (group, cmd, options, &common, NULL);
  help = g_option_context_get_help (octx, TRUE, NULL);
  fputs (help, stdout);
  if (!g_str_has_suffix (help, "\n"))
    fputc ('\n', stdout);
  return TRUE;
}

/* Prints --version: rapat's, the schema it writes, and the libraries it
 * runs with, the mail and PDF modules' included (or why they do not load), so a
 * bug report says all of it. */
static void
print_version (FILE *out)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GError) pdf_error = NULL;
  /* The PDF module first: with the mail module (GMime, libcurl) loaded
   * before Cairo and Pango, LeakSanitizer's check at exit crashes (seen
   * with clang 14 on Debian 12); the other order runs clean. */
  const RapatPdfModule *pdf = rapat_pdf (&pdf_error);
  const RapatMailModule *mail = rapat_mail (&local);

  fprintf (out, "rapat %s\n", PACKAGE_VERSION);
  fprintf (out, "  schema %d, SQLite %s, libical %s, GLib %u.%u.%u\n",
           rapat_store_schema_version (), rapat_store_sqlite_version (), rapat_ical_version (),
           glib_major_version, glib_minor_version, glib_micro_version);
  if (mail != NULL)
    fprintf (out, "  mail: %s\n", mail->versions);
  else
    fprintf (out, _("  mail: not available (%s)\n"), local->message);
  if (pdf != NULL)
    fprintf (out, "  pdf: %s\n", pdf->versions);
  else
    fprintf (out, _("  pdf: not available (%s)\n"), pdf_error->message);
}

/* Runs "version": --version as a command. */
static gboolean
cmd_version (RapatCmdContext *ctx, G_GNUC_UNUSED GError **error)
{
  print_version (ctx->out);
  return TRUE;
}

/* Parses the options before the group (--db, --help, --version) with the
 * same entries every command takes; stops at the group's name.  Returns the
 * remaining arguments, the group first, or NULL when nothing is left to run
 * (with @error set if that is a failure). */
static char **
parse_global (int argc, char **argv, CommonOptions *common, GError **error)
{
  g_autoptr(GOptionContext) octx = g_option_context_new (NULL);
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_auto(GStrv) rest = g_new0 (char *, argc + 1);
  GError *parse_error = NULL;

  for (int i = 0; i < argc; i++)
    rest[i] = g_strdup (argv[i]);
  g_option_context_set_help_enabled (octx, FALSE);
  g_option_context_set_strict_posix (octx, TRUE);
  options_bind (entries, global_options, (char *) common);
  g_option_context_add_main_entries (octx, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  if (!options_check (entries, rest + 1, TRUE, NULL, error))
    return NULL;
  if (!g_option_context_parse_strv (octx, &rest, &parse_error))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("%s (see 'rapat help')"),
                   parse_error->message);
      g_error_free (parse_error);
      return NULL;
    }
  if (common->version)
    print_version (stdout);
  else if (common->help)
    print_overview (stdout);
  else if (rest[0] == NULL || rest[1] == NULL)
    {
      print_overview (stderr);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("no command given"));
    }
  else
    return g_strdupv (rest + 1);
  return NULL;
}

/* Finds the command @args names: a group and, unless the group is a single
 * command, a verb.  Returns NULL with @error, or with *@done set when a help
 * text was all that was asked for; *@n_used says how many words it took. */
static const RapatCommand *
find_command (char **args, const RapatGroup **group_out, int *n_used, gboolean *done,
              GError **error)
{
  const RapatGroup *group;
  g_autofree char *context = NULL;

  group = find_entry (groups, sizeof *groups, args[0], _("command"), NULL, "help", error);
  if (group == NULL)
    return NULL;
  *group_out = group;
  *n_used = 1;
  if (group->verbs[0].name[0] == '\0')
    return group->verbs;     /* a group that is a single command, like "init" */
  if (args[1] == NULL || strcmp (args[1], "--help") == 0 || strcmp (args[1], "-h") == 0)
    {
      print_group_help (args[1] == NULL ? stderr : stdout, group);
      if (args[1] != NULL)
        *done = TRUE;
      else
        g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("%s: no verb given"), group->name);
      return NULL;
    }
  *n_used = 2;
  context = g_strdup_printf ("%s --help", group->name);
  return find_entry (group->verbs, sizeof *group->verbs, args[1], _("verb"), group->name,
                     context, error);
}

/* Checks the number of positional arguments @ctx holds against @cmd. */
static gboolean
check_arg_count (const RapatCommand *cmd, RapatCmdContext *ctx, const char *path, GError **error)
{
  if (ctx->n_args < cmd->min_args)
    rapat_cmd_usage_error (error, path, _("missing arguments, expected %s"), cmd->args);
  else if (cmd->max_args >= 0 && ctx->n_args > cmd->max_args)
    rapat_cmd_usage_error (error, path, _("unexpected argument '%s'"), ctx->args[cmd->max_args]);
  else
    return TRUE;
  return FALSE;
}

/* Prints the warnings @ctx kept, as rapat_cmd_warn() says. */
static void
print_warnings (RapatCmdContext *ctx)
{
  for (guint i = 0; ctx->warnings != NULL && i < ctx->warnings->len; i++)
    /* The prefix stays English in every language, as "rapat: error:" does:
     * scripts look for it; what follows is translated. */
    fprintf (stderr, "rapat: warning: %s\n", (const char *) ctx->warnings->pdata[i]);
}

/* Parses the options in *@args (the command's path first) with @octx,
 * whose entries are @entries: checked first by options_check(), so that
 * what GOption would say in its own words is said in rapat's. */
static gboolean
parse_options (GOptionContext *octx, GArray *entries, char ***args, const char *path,
               GError **error)
{
  GError *parse_error = NULL;

  if (!options_check (entries, *args + 1, FALSE, path, error))
    return FALSE;
  if (!g_option_context_parse_strv (octx, args, &parse_error))
    {
      option_error (error, parse_error, path);
      return FALSE;
    }
  return TRUE;
}

/* Parses the command's options and runs it. */
static gboolean
run_parsed (const RapatGroup *group, const RapatCommand *cmd, char **args, const char *db,
            GError **error)
{
  CommonOptions common = { 0 };
  g_autoptr(GOptionContext) octx = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *path = command_path (group, cmd);
  g_autofree gpointer options = g_malloc0 (MAX (cmd->options_size, 1));
  g_autoptr(GArray) entries = NULL;
  RapatCmdContext ctx = { 0 };
  gboolean ok;

  octx = make_context (group, cmd, options, &common, &entries);
  rest = g_new0 (char *, g_strv_length (args) + 2);
  rest[0] = g_strdup (path);
  for (int j = 0; args[j] != NULL; j++)
    rest[j + 1] = g_strdup (args[j]);
  ok = parse_options (octx, entries, &rest, path, error);
  if (ok && common.help)
    {
      g_autofree char *help = g_option_context_get_help (octx, TRUE, NULL);
      fputs (help, stdout);
      if (!g_str_has_suffix (help, "\n"))
        fputc ('\n', stdout);
    }
  else if (ok)
    {
      ctx.args = rest + 1;
      ctx.n_args = (int) g_strv_length (rest) - 1;
      ctx.now = rapat_time_now ();
      ctx.options = options;
      ok = check_arg_count (cmd, &ctx, path, error)
           && run_command (cmd, &ctx, common.db != NULL ? common.db : db, error);
      if (ok || ctx.committed || (cmd->flags & RAPAT_CMD_WRITE) == 0 || ctx.read_only)
        print_warnings (&ctx);
      /* A value that does not parse is a usage error: it says where the
       * command's options are explained, as every usage error does (unless
       * it names a command to run already: "(see 'rapat ...')" in any
       * language quotes one). */
      if (!ok && error != NULL && *error != NULL && (*error)->domain == RAPAT_ERROR
          && ((*error)->code == RAPAT_ERROR_MALFORMED || (*error)->code == RAPAT_ERROR_USAGE)
          && strstr ((*error)->message, "'rapat ") == NULL)
        {
          g_autofree char *msg = (*error)->message;

          (*error)->message = g_strdup_printf (_("%s (see 'rapat %s --help')"), msg, path);
        }
    }
  g_clear_pointer (&ctx.meeting, rapat_meeting_free);
  g_clear_pointer (&ctx.warnings, g_ptr_array_unref);
  g_clear_error (&ctx.failure);
  if (ctx.prepared != NULL && ctx.prepared_free != NULL)
    ctx.prepared_free (ctx.prepared, ok || ctx.committed);
  options_clear (cmd->options, options);
  options_clear (common_options, (char *) &common);
  return ok;
}

/* Parses the command line and runs the command; see rapat_cmd_main(). */
static gboolean
dispatch (int argc, char **argv, GError **error)
{
  CommonOptions global = { 0 };
  const RapatGroup *group = NULL;
  const RapatCommand *cmd;
  g_auto(GStrv) args = NULL;
  gboolean ok = FALSE, done = FALSE;
  int used = 0;

  args = parse_global (argc, argv, &global, error);
  if (args == NULL)
    ok = *error == NULL;
  else if (strcmp (args[0], "help") == 0)
    ok = run_help (args + 1, (int) g_strv_length (args) - 1, error);
  else if ((cmd = find_command (args, &group, &used, &done, error)) == NULL)
    ok = done;
  else
    ok = run_parsed (group, cmd, args + used, global.db, error);
  options_clear (global_options, (char *) &global);
  return ok;
}

/* Speaks the language RAPAT_LANG or the locale asks for (a command's --lang
 * may change it later); a RAPAT_LANG rapat does not speak is an error. */
static gboolean
choose_language (GError **error)
{
  RapatLang lang;
  gboolean explicit_;

  if (!rapat_lang_from_environment (&lang, &explicit_, error))
    {
      /* Not the command line's fault: a setting, so no usage error. */
      (*error)->code = RAPAT_ERROR_INVALID;
      return FALSE;
    }
  rapat_lang_use (lang);
  return TRUE;
}

/* Returns the folder of the message catalogs: RAPAT_LOCALEDIR (the tests),
 * else the installed one, else -- a build run in place, not installed --
 * the one 'make' writes in the build folder, as the modules are looked for
 * (src/module.c). */
static const char *
catalog_dir (void)
{
  static const char installed[] = LOCALEDIR "/id/LC_MESSAGES/" GETTEXT_PACKAGE ".mo";
  static const char built[] = RAPAT_BUILD_LOCALEDIR "/id/LC_MESSAGES/" GETTEXT_PACKAGE ".mo";
  const char *env = g_getenv ("RAPAT_LOCALEDIR");

  if (env != NULL)
    return env;
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    return RAPAT_BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
rapat_cmd_main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, catalog_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The hidden commands the shells' completion and the build's man pages
   * run: before anything that could print an error or open a database. */
  if (argc > 1 && strcmp (argv[1], "__complete") == 0)
    return rapat_cmd_complete (argc - 2, argv + 2);
  if (argc > 1 && strcmp (argv[1], "__man") == 0)
    return rapat_cmd_man (argc - 2, argv + 2);

  ok = choose_language (&error) && dispatch (argc, argv, &error);
  /* Like git: a command whose output could not be written has failed. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      if (ok)
        g_set_error (&error, RAPAT_ERROR, RAPAT_ERROR_IO, _("unable to write the output: %s"),
                     g_strerror (errno));
      ok = FALSE;
    }
  if (ok)
    return 0;
  /* An import lists every bad row, one per line: each gets the prefix. */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      fprintf (stderr, "rapat: error: %s\n", lines[i]);
  }
  return g_error_matches (error, RAPAT_ERROR, RAPAT_ERROR_USAGE)
         || g_error_matches (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED) ? 2 : 1;
}

/* Returns the MIME type of the image @data (@len bytes), or NULL when it
 * is not a PNG, JPEG or SVG; for PNG and JPEG, @w and @h get its size in
 * pixels when the header gives it (0 otherwise). */
static const char *
image_type (const guchar *data, gsize len, guint *w, guint *h)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  *w = *h = 0;
  if (len >= 24 && memcmp (data, png, sizeof png) == 0 && memcmp (data + 12, "IHDR", 4) == 0)
    {
      *w = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
      *h = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
      return "image/png";
    }
  if (len >= 4 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    {
      /* The size is in the first start-of-frame segment. */
      for (gsize i = 2; i + 9 < len && data[i] == 0xff;)
        {
          guint marker = data[i + 1], seg = (guint) data[i + 2] << 8 | data[i + 3];

          if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
            {
              *h = (guint) data[i + 5] << 8 | data[i + 6];
              *w = (guint) data[i + 7] << 8 | data[i + 8];
              break;
            }
          i += 2 + seg;
        }
      return "image/jpeg";
    }
  if (g_utf8_validate ((const char *) data, (gssize) len, NULL))
    {
      g_autofree char *head = g_strndup ((const char *) data, MIN (len, 4096));

      if (strstr (head, "<svg") != NULL)
        return "image/svg+xml";
    }
  return NULL;
}

char *
rapat_cmd_logo_uri (const char *path, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (path);
  g_autofree char *data = NULL;
  g_autofree char *b64 = NULL;
  GStatBuf st;
  gsize len = 0;
  guint w, h;
  const char *type;

  if (g_stat (path, &st) != 0)
    {
      int e = errno;
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("logo '%s': %s"), ex, g_strerror (e));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("logo '%s': not a regular file"), ex);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("logo '%s': the file is empty"), ex);
      return NULL;
    }
  if (st.st_size > RAPAT_LOGO_MAX_BYTES)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("logo '%s': %" PRId64 " bytes; a logo is at most %d KiB"), ex,
                   (gint64) st.st_size, RAPAT_LOGO_MAX_BYTES / 1024);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, error))
    {
      g_prefix_error (error, _("logo '%s': "), ex);
      return NULL;
    }
  type = image_type ((const guchar *) data, len, &w, &h);
  if (type == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("logo '%s': not a PNG, JPEG or SVG image"), ex);
      return NULL;
    }
  if (w > 4000 || h > 4000)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("logo '%s': %u x %u pixels; a logo is at most 4000 pixels a side"), ex, w, h);
      return NULL;
    }
  b64 = g_base64_encode ((const guchar *) data, len);
  return g_strdup_printf ("data:%s;base64,%s", type, b64);
}

void
rapat_cmd_letterhead_clear (RapatCmdLetterhead *lh)
{
  for (guint i = 0; i < G_N_ELEMENTS (lh->strings); i++)
    g_clear_pointer (&lh->strings[i], g_free);
  g_clear_pointer (&lh->logo_uri, g_free);
  g_clear_pointer (&lh->logo_name, g_free);
  lh->city = NULL;
  memset (&lh->head, 0, sizeof lh->head);
}

gboolean
rapat_cmd_letterhead (RapatCmdContext *ctx, RapatCmdLetterhead *lh, GError **error)
{
  static const char *const keys[] = {
    "letterhead.ministry", "letterhead.office", "letterhead.address", "letterhead.contact",
    "letterhead.city",
  };
  g_autofree char *logo = NULL;
  g_autoptr(GError) logo_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!rapat_store_config_get (ctx->store, keys[i], &lh->strings[i], error))
      return FALSE;
  lh->head.ministry = lh->strings[0];
  lh->head.office = lh->strings[1];
  lh->head.address = lh->strings[2];
  lh->head.contact = lh->strings[3];
  lh->city = lh->strings[4];
  if (!rapat_store_config_get (ctx->store, "letterhead.logo", &logo, error))
    return FALSE;
  if (logo != NULL)
    {
      lh->logo_uri = rapat_cmd_logo_uri (logo, &logo_error);
      if (lh->logo_uri == NULL)
        rapat_cmd_warn (ctx, _("The letterhead is printed without its logo: %s."), logo_error->message);
      lh->head.logo_uri = lh->logo_uri;
      lh->logo_name = rapat_text_excerpt (logo);
      lh->head.logo_name = lh->logo_name;
    }
  return TRUE;
}

const RapatGroup *
rapat_cmd_groups (void)
{
  return groups;
}

const RapatOption *
rapat_cmd_common_options (void)
{
  return common_options;
}

const RapatOption *
rapat_cmd_global_options (void)
{
  return global_options;
}
