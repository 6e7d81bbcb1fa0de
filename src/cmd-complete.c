/* rapat — the command line: shell completion, 'rapat __complete' (cli layer).
 *
 * The scripts for bash, zsh and fish (data/completion/) hand the words of
 * the command line to 'rapat __complete'; it reads them as the dispatcher
 * would, with the same command tables, and prints one candidate for the
 * last word per line: "VALUE" or "VALUE<TAB>DESCRIPTION".  A line ":files"
 * or ":dirs" alone asks the shell for its own file names.  Records (meetings,
 * people, units, issues, actions, groups, agenda items) come from the
 * database of --db, RAPAT_DB or the default, opened read-only and only when
 * it exists.  It prints nothing else and nothing on stderr, whatever goes
 * wrong: a shell is waiting for it on every Tab. */
#include "cmd.h"
#include "export-ics.h"
#include "lang.h"
#include "report.h"
#include "report-actions.h"
#include "report-attendance.h"
#include "timeutil.h"
#include "when.h"

#include <stdio.h>
#include <string.h>

/* At most this many records are offered for a word. */
#define RECORD_LIMIT 60

typedef enum {
  VALUES_NONE,          /* free text: nothing to offer */
  VALUES_FILE,
  VALUES_DIR,
  VALUES_RECORD,        /* rows of the database, ValueRule.record */
  VALUES_ENUM,          /* ValueRule.e, only the values in .mask when it is not 0 */
  VALUES_WORDS,         /* ValueRule.words */
  VALUES_ZONE,          /* the tz database's zones */
  VALUES_CONFIG_KEY,
  VALUES_LANG,
} ValuesKind;

/* Which values an option's argument or a positional argument takes.  The
 * tables say what a command takes by the placeholder of its usage line or
 * option (MEETING, PERSON, STATUS...); where one placeholder means different
 * things in different groups, or a command takes fewer values than the
 * enumeration has, a rule names the command. */
typedef struct {
  const char *command;  /* "group verb", "group", or NULL for every command */
  const char *name;     /* "--option", or a placeholder */
  ValuesKind kind;
  RapatCompleteKind record;
  const RapatEnum *e;
  guint mask;           /* bits (1 << value) of .e */
  const char *const *words;
} ValueRule;

#define RECORD(cmd, name, r) { cmd, name, VALUES_RECORD, r, NULL, 0, NULL }
#define ENUM(cmd, name, e) { cmd, name, VALUES_ENUM, 0, &e, 0, NULL }
#define ENUM_MASK(cmd, name, e, mask) { cmd, name, VALUES_ENUM, 0, &e, mask, NULL }
#define KIND(cmd, name, k) { cmd, name, k, 0, NULL, 0, NULL }
/* The bit of a RapatFormat in a mask. */
#define F(x) (1u << RAPAT_FORMAT_ ## x)

static const ValueRule rules[] = {
  /* One placeholder, several meanings. */
  ENUM ("report attendance", "--by", rapat_attendance_grouping_enum),
  ENUM ("report actions", "--by", rapat_action_grouping_enum),
  ENUM_MASK ("report signin", "--format", rapat_format_enum, F (HTML) | F (PDF)),
  ENUM_MASK ("report actions", "--format", rapat_format_enum,
             F (TEXT) | F (CSV) | F (JSON) | F (HTML)),
  ENUM ("report", "--format", rapat_format_enum),
  ENUM_MASK ("unit export", "--format", rapat_format_enum, F (CSV)),
  ENUM_MASK ("person export", "--format", rapat_format_enum, F (CSV)),
  { "minutes export", "--format", VALUES_WORDS, 0, NULL, 0, rapat_minutes_formats },
  ENUM ("minutes report", "--status", rapat_action_status_enum),
  ENUM ("holiday", "KIND", rapat_holiday_kind_enum),
  ENUM ("meeting", "STATUS", rapat_meeting_status_enum),
  ENUM ("issue", "STATUS", rapat_issue_status_enum),
  ENUM ("action", "STATUS", rapat_action_status_enum),
  ENUM ("attendee mark", "STATUS", rapat_attendance_enum),
  /* Who is invited, where only they can be meant. */
  RECORD ("attendee mark", "--by", RAPAT_COMPLETE_PERSON),
  RECORD ("attendee mark", "PERSON", RAPAT_COMPLETE_ATTENDEE),
  RECORD ("attendee rsvp", "PERSON", RAPAT_COMPLETE_ATTENDEE),
  RECORD ("attendee remove", "PERSON", RAPAT_COMPLETE_ATTENDEE),
  RECORD ("invite send", "--to", RAPAT_COMPLETE_ATTENDEE),
  /* Every command. */
  RECORD (NULL, "MEETING", RAPAT_COMPLETE_MEETING),
  RECORD (NULL, "PERSON", RAPAT_COMPLETE_PERSON),
  RECORD (NULL, "WHO", RAPAT_COMPLETE_PERSON),
  RECORD (NULL, "UNIT", RAPAT_COMPLETE_UNIT),
  RECORD (NULL, "ISSUE", RAPAT_COMPLETE_ISSUE),
  RECORD (NULL, "ACTION", RAPAT_COMPLETE_ACTION),
  RECORD (NULL, "GROUP", RAPAT_COMPLETE_GROUP),
  RECORD (NULL, "ITEM", RAPAT_COMPLETE_ITEM),
  RECORD (NULL, "KIND", RAPAT_COMPLETE_KIND),
  RECORD (NULL, "CATEGORY", RAPAT_COMPLETE_CATEGORY),
  ENUM (NULL, "TYPE", rapat_agenda_type_enum),
  ENUM (NULL, "ROLE", rapat_role_enum),
  ENUM (NULL, "REPLY", rapat_rsvp_enum),
  ENUM (NULL, "PRIORITY", rapat_priority_enum),
  ENUM (NULL, "ORDER", rapat_attendee_order_enum),
  ENUM (NULL, "METHOD", rapat_ics_method_enum),
  KIND (NULL, "LANG", VALUES_LANG),
  KIND (NULL, "ZONE", VALUES_ZONE),
  KIND (NULL, "KEY", VALUES_CONFIG_KEY),
  KIND (NULL, "FILE", VALUES_FILE),
  KIND (NULL, "DIR", VALUES_DIR),
};

/* What is being completed, and where the candidates go. */
typedef struct {
  GString *out;
  const char *prefix;           /* put before each value ("--format=") */
  const char *word;             /* the word typed so far (after the prefix) */
  const char *db;               /* --db on the command line, or NULL */
  const RapatGroup *group;
  const RapatCommand *cmd;
  GPtrArray *positionals;       /* the positional arguments before the word */
  RapatStore *store;            /* opened on first need; NULL when it cannot be */
  gboolean store_tried;
} Completion;

/* Adds @value (with @description, may be NULL) to the candidates when it
 * starts with the word typed (ignoring ASCII case when @fold). */
static void
offer (Completion *c, const char *value, const char *description, gboolean fold)
{
  gsize n = strlen (c->word);

  if (fold ? g_ascii_strncasecmp (value, c->word, n) != 0 : strncmp (value, c->word, n) != 0)
    return;
  g_string_append (c->out, c->prefix);
  g_string_append (c->out, value);
  if (description != NULL && *description != '\0')
    {
      g_string_append_c (c->out, '\t');
      /* One line, whatever the text holds: the shells read lines. */
      for (const char *p = description; *p != '\0'; p++)
        g_string_append_c (c->out, (guchar) *p < ' ' ? ' ' : *p);
    }
  g_string_append_c (c->out, '\n');
}

/* Returns the name of a placeholder without brackets and repetition:
 * "[PERSON...]" is PERSON, "FILE.csv" is FILE. */
static char *
placeholder_name (const char *token)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p++)
    if (*p != '[' && *p != ']' && *p != '(' && *p != ')' && *p != '.')
      g_string_append_c (s, *p);
    else if (*p == '.')
      break;
  return g_strdup (s->str);
}

/* Returns the rule for @name ("--option" or a placeholder) in @c's command. */
static const ValueRule *
find_rule (const Completion *c, const char *name)
{
  g_autofree char *path = NULL;

  if (c->group != NULL && c->cmd != NULL && c->cmd->name[0] != '\0')
    path = g_strdup_printf ("%s %s", c->group->name, c->cmd->name);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const ValueRule *r = &rules[i];

      if (strcmp (r->name, name) != 0)
        continue;
      if (r->command == NULL
          || (path != NULL && strcmp (r->command, path) == 0)
          || (c->group != NULL && strcmp (r->command, c->group->name) == 0))
        return r;
    }
  return NULL;
}

/* Opens the database the command line names, read-only, once; NULL when
 * there is none or it cannot be read. */
static RapatStore *
completion_store (Completion *c)
{
  g_autofree char *path = NULL;
  const char *env = g_getenv ("RAPAT_DB");

  if (c->store_tried)
    return c->store;
  c->store_tried = TRUE;
  if (c->db != NULL)
    {
      /* The word as typed: the shell has not expanded it yet. */
      g_autofree char *unquoted = g_shell_unquote (c->db, NULL);
      const char *p = unquoted != NULL ? unquoted : c->db;

      path = g_str_has_prefix (p, "~/") ? g_build_filename (g_get_home_dir (), p + 2, NULL)
                                        : g_strdup (p);
    }
  else if (env != NULL && *env != '\0')
    path = g_strdup (env);
  else
    path = g_build_filename (g_get_user_data_dir (), "rapat", "rapat.db", NULL);
  /* Never create it: a missing file offers nothing. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  c->store = rapat_store_open_readonly (path, NULL);
  return c->store;
}

/* Returns the description of a completed record. */
static char *
record_description (RapatCompleteKind kind, const RapatCompletion *r, GHashTable *zones)
{
  GTimeZone *tz;
  g_autofree char *at = NULL;

  switch (kind)
    {
    case RAPAT_COMPLETE_MEETING:
      tz = r->tzid != NULL ? g_hash_table_lookup (zones, r->tzid) : NULL;
      if (tz == NULL && r->tzid != NULL)
        {
          tz = rapat_time_zone_load (r->tzid, NULL, NULL);
          if (tz != NULL)
            g_hash_table_insert (zones, g_strdup (r->tzid), tz);
        }
      at = tz != NULL ? rapat_when_instant_zoned (r->when, tz) : NULL;
      return at != NULL ? g_strdup_printf ("%s, %s", rapat_cmd_or (r->name, ""), at)
                        : g_strdup (r->name);
    case RAPAT_COMPLETE_PERSON:
    case RAPAT_COMPLETE_ATTENDEE:
    case RAPAT_COMPLETE_ISSUE:
    case RAPAT_COMPLETE_ACTION:
      return r->detail != NULL ? g_strdup_printf ("%s, %s", rapat_cmd_or (r->name, ""), r->detail)
                               : g_strdup (r->name);
    default:
      return g_strdup (r->name);
    }
}

/* Offers the records of @kind the word could name.  Their ids do not start
 * with a word of letters, so here the word is matched by the store, not by
 * offer()'s prefix. */
static void
offer_records (Completion *c, RapatCompleteKind kind)
{
  RapatStore *store = completion_store (c);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) zones = NULL;
  gint64 scope = 0;
  const char *word = c->word;

  if (store == NULL)
    return;
  if (kind == RAPAT_COMPLETE_ITEM || kind == RAPAT_COMPLETE_ATTENDEE)
    {
      /* The meeting is the command's first argument. */
      if (c->positionals->len == 0
          || !rapat_store_meeting_resolve (store, c->positionals->pdata[0], &scope, NULL))
        return;
    }
  rows = rapat_store_complete (store, kind, c->word, scope, rapat_time_now (), RECORD_LIMIT,
                               NULL);
  if (rows == NULL)
    return;
  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_time_zone_unref);
  c->word = "";
  for (guint i = 0; i < rows->len; i++)
    {
      const RapatCompletion *r = rows->pdata[i];
      g_autofree char *description = record_description (kind, r, zones);

      offer (c, r->value, description, FALSE);
    }
  c->word = word;
}

/* Offers the values of @e (those in @mask when it is not 0): the canonical
 * names, else, when none starts with the word, the aliases that do (the
 * Indonesian words: "hadir", "diwakili"). */
static void
offer_enum (Completion *c, const RapatEnum *e, guint mask)
{
  gsize before = c->out->len;

  for (int v = 0; v < rapat_enum_count (e); v++)
    if (mask == 0 || (mask & (1u << v)) != 0)
      {
        const char *name = rapat_enum_name (e, v);
        const char *label = rapat_enum_label (e, v);

        offer (c, name, g_strcmp0 (label, name) != 0 ? label : NULL, TRUE);
      }
  if (c->out->len != before || e->aliases == NULL || *c->word == '\0')
    return;
  for (guint i = 0; e->aliases[i] != NULL && e->aliases[i + 1] != NULL; i += 2)
    {
      int v;

      if (rapat_enum_parse (e, e->aliases[i + 1], &v, NULL) && (mask == 0 || (mask & (1u << v)) != 0))
        offer (c, e->aliases[i], e->aliases[i + 1], TRUE);
    }
}

/* Offers the values @rule says. */
static void
offer_values (Completion *c, const ValueRule *rule)
{
  switch (rule != NULL ? rule->kind : VALUES_NONE)
    {
    case VALUES_NONE:
      break;
    case VALUES_FILE:
    case VALUES_DIR:
      /* The shell's own file names, unless a prefix ("--output=") is
       * typed, which the shells complete as files anyway. */
      g_string_append (c->out, rule->kind == VALUES_FILE ? ":files\n" : ":dirs\n");
      break;
    case VALUES_RECORD:
      offer_records (c, rule->record);
      break;
    case VALUES_ENUM:
      offer_enum (c, rule->e, rule->mask);
      break;
    case VALUES_WORDS:
      for (guint i = 0; rule->words[i] != NULL; i++)
        offer (c, rule->words[i], NULL, TRUE);
      break;
    case VALUES_ZONE:
      {
        g_auto(GStrv) zones = rapat_time_zone_names ();

        for (guint i = 0; zones[i] != NULL; i++)
          offer (c, zones[i], NULL, TRUE);
      }
      break;
    case VALUES_CONFIG_KEY:
      for (guint i = 0; rapat_cmd_config_key (i) != NULL; i++)
        offer (c, rapat_cmd_config_key (i), NULL, FALSE);
      break;
    case VALUES_LANG:
      offer (c, rapat_lang_code (RAPAT_LANG_ID), "Bahasa Indonesia", TRUE);
      offer (c, rapat_lang_code (RAPAT_LANG_EN), "English", TRUE);
      break;
    }
}

/* Finds the option called @name ("--name", "-n"; without "=value") among
 * @options and the groups they include; NULL when there is none. */
static const RapatOption *
find_option (const RapatOption *options, const char *name)
{
  for (const RapatOption *o = options; o != NULL && (o->long_name != NULL || o->include != NULL);
       o++)
    {
      const RapatOption *found;

      if (o->include != NULL)
        {
          if ((found = find_option (o->include, name)) != NULL)
            return found;
        }
      else if ((name[0] == '-' && name[1] == '-' && strcmp (name + 2, o->long_name) == 0)
               || (name[0] == '-' && name[1] == o->short_name && name[1] != '\0'
                   && name[2] == '\0'))
        return o;
    }
  return NULL;
}

/* Finds option @name among the command's options and the common ones. */
static const RapatOption *
find_command_option (const Completion *c, const char *name)
{
  const RapatOption *o = c->cmd != NULL ? find_option (c->cmd->options, name) : NULL;

  return o != NULL ? o : find_option (rapat_cmd_common_options (), name);
}

/* Returns whether option @o takes a value. */
static gboolean
takes_value (const RapatOption *o)
{
  return o->arg != G_OPTION_ARG_NONE;
}

/* Offers the values of option @o. */
static void
offer_option_values (Completion *c, const RapatOption *o)
{
  g_autofree char *dashed = g_strconcat ("--", o->long_name, NULL);
  const ValueRule *rule = find_rule (c, dashed);

  if (rule == NULL && o->arg_description != NULL)
    {
      g_autofree char *name = placeholder_name (o->arg_description);
      rule = find_rule (c, name);
    }
  offer_values (c, rule);
}

/* Offers the long names of @options (and of the groups they include),
 * leaving out the single-valued ones @seen holds. */
static void
offer_options (Completion *c, const RapatOption *options, GHashTable *seen)
{
  for (const RapatOption *o = options; o != NULL && (o->long_name != NULL || o->include != NULL);
       o++)
    {
      g_autofree char *dashed = NULL;

      if (o->include != NULL)
        {
          offer_options (c, o->include, seen);
          continue;
        }
      if (g_hash_table_contains (seen, o) && o->arg != G_OPTION_ARG_STRING_ARRAY
          && o->arg != G_OPTION_ARG_FILENAME_ARRAY)
        continue;
      dashed = g_strconcat ("--", o->long_name, NULL);
      offer (c, dashed, o->description != NULL ? _(o->description) : NULL, FALSE);
    }
}

/* Finds @name among the entries of @table (stride @size, ending with a
 * NULL name) exactly or as an unambiguous prefix, as the dispatcher does. */
static const void *
find_entry (const void *table, gsize size, const char *name)
{
  const void *found = NULL;
  int n = 0;

  for (const char *p = table; *(const char *const *) p != NULL; p += size)
    {
      const char *entry = *(const char *const *) p;

      if (strcmp (entry, name) == 0)
        return p;
      if (*name != '\0' && g_str_has_prefix (entry, name))
        {
          found = p;
          n++;
        }
    }
  return n == 1 ? found : NULL;
}

/* Offers the groups, and "help". */
static void
offer_groups (Completion *c)
{
  for (const RapatGroup *g = rapat_cmd_groups (); g->name != NULL; g++)
    offer (c, g->name, _(g->summary), FALSE);
  offer (c, "help", _("Show the commands, or the help of one"), FALSE);
}

/* Offers the verbs of @group. */
static void
offer_verbs (Completion *c, const RapatGroup *group)
{
  for (const RapatCommand *v = group->verbs; v->name != NULL; v++)
    if (v->name[0] != '\0')
      offer (c, v->name, _(v->summary), FALSE);
}

/* Offers the values of positional argument number @k of the command. */
static void
offer_positional (Completion *c, guint k)
{
  g_auto(GStrv) tokens = g_strsplit (c->cmd->args, " ", -1);
  guint n = g_strv_length (tokens);
  const char *token;
  g_autofree char *name = NULL;

  if (n == 0)
    return;
  if (k < n)
    token = tokens[k];
  else if (g_str_has_suffix (tokens[n - 1], "...") || g_str_has_suffix (tokens[n - 1], "...]"))
    token = tokens[n - 1];
  else
    return;
  name = placeholder_name (token);
  /* 'config set KEY VALUE': the value of the zone setting is a zone. */
  if (strcmp (name, "VALUE") == 0 && strcmp (c->group->name, "config") == 0
      && c->positionals->len > 0 && strcmp (c->positionals->pdata[0], "tz") == 0)
    {
      offer_values (c, find_rule (c, "ZONE"));
      return;
    }
  offer_values (c, find_rule (c, name));
}

/* Where the reading of the words has got to. */
typedef enum {
  AT_GROUP,
  AT_HELP,
  AT_VERB,
  AT_ARGS,
} Stage;

/* Completes @word, the last of @words (@n before it), into @c->out. */
static void
complete (Completion *c, char **words, int n, const char *word)
{
  Stage stage = AT_GROUP;
  const RapatOption *pending = NULL;
  gboolean dashdash = FALSE;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int help_words = 0;

  c->word = word;
  c->prefix = "";
  for (int i = 0; i < n; i++)
    {
      const char *w = words[i];

      if (pending != NULL)
        {
          if (strcmp (pending->long_name, "db") == 0)
            c->db = w;
          pending = NULL;
          continue;
        }
      if (stage != AT_HELP && !dashdash && w[0] == '-' && w[1] != '\0')
        {
          g_autofree char *name = NULL;
          const char *eq = strchr (w, '=');
          const RapatOption *o;

          if (strcmp (w, "--") == 0 && stage == AT_ARGS)
            {
              dashdash = TRUE;
              continue;
            }
          name = eq != NULL ? g_strndup (w, eq - w) : g_strdup (w);
          o = stage == AT_GROUP ? find_option (rapat_cmd_global_options (), name)
                                : find_command_option (c, name);
          if (o == NULL)
            continue;
          g_hash_table_add (seen, (gpointer) o);
          if (takes_value (o) && eq == NULL)
            pending = o;
          else if (eq != NULL && strcmp (o->long_name, "db") == 0)
            c->db = eq + 1;
          continue;
        }
      switch (stage)
        {
        case AT_GROUP:
          if (strcmp (w, "help") == 0)
            {
              stage = AT_HELP;
              break;
            }
          c->group = find_entry (rapat_cmd_groups (), sizeof (RapatGroup), w);
          if (c->group == NULL)
            return;
          if (c->group->verbs[0].name[0] == '\0')
            {
              c->cmd = c->group->verbs;
              stage = AT_ARGS;
            }
          else
            stage = AT_VERB;
          break;
        case AT_HELP:
          if (help_words++ == 0)
            c->group = find_entry (rapat_cmd_groups (), sizeof (RapatGroup), w);
          break;
        case AT_VERB:
          c->cmd = find_entry (c->group->verbs, sizeof (RapatCommand), w);
          if (c->cmd == NULL)
            return;
          stage = AT_ARGS;
          break;
        case AT_ARGS:
          g_ptr_array_add (c->positionals, (gpointer) w);
          break;
        }
    }

  if (pending != NULL)
    {
      offer_option_values (c, pending);
      return;
    }
  if (stage != AT_HELP && !dashdash && word[0] == '-')
    {
      const char *eq = strchr (word, '=');
      g_autofree char *name = NULL;
      g_autofree char *prefix = NULL;
      const RapatOption *o;

      if (eq == NULL)
        {
          if (stage == AT_GROUP)
            offer_options (c, rapat_cmd_global_options (), seen);
          else
            {
              if (stage == AT_ARGS)
                offer_options (c, c->cmd->options, seen);
              offer_options (c, rapat_cmd_common_options (), seen);
            }
          return;
        }
      /* --option=VALUE in one word. */
      name = g_strndup (word, eq - word);
      o = stage == AT_GROUP ? find_option (rapat_cmd_global_options (), name)
                            : find_command_option (c, name);
      if (o == NULL || !takes_value (o))
        return;
      prefix = g_strndup (word, eq + 1 - word);
      c->prefix = prefix;
      c->word = eq + 1;
      offer_option_values (c, o);
      c->prefix = "";
      return;
    }
  switch (stage)
    {
    case AT_GROUP:
      offer_groups (c);
      break;
    case AT_HELP:
      if (help_words == 0)
        offer_groups (c);
      else if (help_words == 1 && c->group != NULL)
        offer_verbs (c, c->group);
      break;
    case AT_VERB:
      offer_verbs (c, c->group);
      break;
    case AT_ARGS:
      offer_positional (c, c->positionals->len);
      break;
    }
}

int
rapat_cmd_complete (int argc, char **argv)
{
  Completion c = { 0 };
  RapatLang lang;
  gboolean explicit_;

  /* Whatever goes wrong below, the terminal shows nothing of it. */
  if (freopen ("/dev/null", "w", stderr) == NULL)
    return 0;
  if (rapat_lang_from_environment (&lang, &explicit_, NULL))
    rapat_lang_use (lang);
  if (argc > 0 && strcmp (argv[0], "--") == 0)
    {
      argc--;
      argv++;
    }
  c.out = g_string_new (NULL);
  c.positionals = g_ptr_array_new ();
  complete (&c, argv, MAX (argc - 1, 0), argc > 0 ? argv[argc - 1] : "");
  fwrite (c.out->str, 1, c.out->len, stdout);
  g_string_free (c.out, TRUE);
  g_ptr_array_unref (c.positionals);
  g_clear_pointer (&c.store, rapat_store_free);
  return 0;
}
