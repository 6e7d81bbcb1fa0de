/* rapat — the command line: man pages, 'rapat __man' (cli layer).
 *
 * The build runs 'rapat __man --dir doc' to write rapat(1) and a page per
 * group (rapat-meeting(1) ...), as git has, from the same command tables
 * that 'rapat help' and every '--help' print, so that the pages cannot
 * drift from the program.  'rapat __man --lang id' writes them in
 * Indonesian (doc/id/, installed into man/id/man1) from the same catalog
 * as the Indonesian --help: every text of the pages, the tables' and this
 * file's fixed ones, goes through gettext; in English that gives the
 * source strings back. */
#include "cmd.h"
#include "lang.h"
#include "timeutil.h"

#include <string.h>

/* Appends @text to @out as roff text: a backslash printed as one, a '-'
 * that starts a word (an option, "-o") as a minus sign, a hyphen inside a
 * word ("in-progress") left as it is, any other character beyond ASCII as
 * a \[uXXXX] escape, and a line starting with '.' or '\'' kept from being
 * read as a request.  @text is one line; @line_start says whether it
 * begins an output line. */
static void
roff_text (GString *out, const char *text, gboolean line_start)
{
  gunichar prev = ' ';

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (line_start && (ch == '.' || ch == '\''))
        g_string_append (out, "\\&");
      line_start = FALSE;
      if (ch == '\\')
        g_string_append (out, "\\e");
      else if (ch == '-')
        g_string_append (out, g_unichar_isalnum (prev) || prev == '_' ? "-" : "\\-");
      else if (ch >= 0x80)
        g_string_append_printf (out, "\\[u%04" G_GINT32_MODIFIER "X]", (gint32) ch);
      else if (ch < ' ')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, ch);
      prev = ch;
    }
}

/* Appends @text as filled text: lines of its own, of at most 80 bytes
 * (man pages' style) where the words allow, broken between words. */
static void
roff_line (GString *out, const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);

      if (words[i][0] == '\0')
        continue;
      roff_text (word, words[i], line->len == 0);
      if (line->len > 0 && line->len + 1 + word->len > 80)
        {
          g_string_append_len (out, line->str, line->len);
          g_string_append_c (out, '\n');
          g_string_truncate (line, 0);
          g_string_truncate (word, 0);
          roff_text (word, words[i], TRUE);
        }
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append_len (line, word->str, word->len);
    }
  if (line->len > 0)
    {
      g_string_append_len (out, line->str, line->len);
      g_string_append_c (out, '\n');
    }
}

/* Returns the translation of the table's text @msgid, which may be NULL
 * or empty (gettext would answer "" with the catalog's header). */
static const char *
man_text (const char *msgid)
{
  return msgid == NULL || *msgid == '\0' ? "" : _(msgid);
}

/* Appends @text (a translated sentence) line by line as the msgid breaks
 * it, each "%s" in it replaced by the next of @bold in bold: roff stays out
 * of the catalog.  A line without "%s" is filled as roff_line() fills. */
static void
roff_lines_bold (GString *out, const char *text, const char *const *bold)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint k = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean line_start = TRUE;

      if (strstr (lines[i], "%s") == NULL)
        {
          roff_line (out, lines[i]);
          continue;
        }
      for (const char *p = lines[i]; *p != '\0';)
        {
          const char *mark = strstr (p, "%s");
          g_autofree char *piece = g_strndup (p, mark != NULL ? (gsize) (mark - p) : strlen (p));

          roff_text (out, piece, line_start);
          line_start = FALSE;
          if (mark == NULL)
            break;
          if (bold != NULL && bold[k] != NULL)
            {
              g_string_append (out, "\\fB");
              roff_text (out, bold[k++], FALSE);
              g_string_append (out, "\\fR");
            }
          p = mark + 2;
        }
      g_string_append_c (out, '\n');
    }
}

/* Appends the section heading @title (already translated). */
static void
roff_section (GString *out, const char *title)
{
  g_string_append (out, ".SH ");
  roff_text (out, title, FALSE);
  g_string_append_c (out, '\n');
}

/* Appends @text as a line of its own, as it is (an example). */
static void
roff_verbatim (GString *out, const char *text)
{
  roff_text (out, text, TRUE);
  g_string_append_c (out, '\n');
}

/* Appends a usage line's arguments ("MEETING [PERSON...]") with the
 * placeholders in italics. */
static void
roff_args (GString *out, const char *args)
{
  for (const char *p = args; *p != '\0';)
    {
      if (g_ascii_isupper (*p))
        {
          const char *q = p;

          while (g_ascii_isupper (*q) || g_ascii_isdigit (*q) || *q == '_' || *q == '='
                 || (*q == '.' && q[1] != '.' && q[1] != '\0'))
            q++;
          {
            g_autofree char *word = g_strndup (p, q - p);

            g_string_append (out, "\\fI");
            roff_text (out, word, FALSE);
            g_string_append (out, "\\fR");
          }
          p = q;
        }
      else
        {
          char one[2] = { *p, '\0' };

          roff_text (out, one, FALSE);
          p++;
        }
    }
}

/* Appends a table's help text: its lines filled into paragraphs; lines
 * indented in the table (examples) kept as they are, indented. */
static void
roff_description (GString *out, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean verbatim = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean indented = line[0] == ' ' || line[0] == '\t';

      if (indented != verbatim)
        {
          g_string_append (out, indented ? ".RS\n.nf\n" : ".fi\n.RE\n");
          verbatim = indented;
        }
      if (*line == '\0')
        g_string_append (out, ".PP\n");
      else if (indented)
        roff_verbatim (out, line + strspn (line, " \t"));
      else
        roff_line (out, line);
    }
  if (verbatim)
    g_string_append (out, ".fi\n.RE\n");
}

/* Appends the .TP entries of @options and of the groups they include. */
static void
roff_options (GString *out, const RapatOption *options)
{
  for (const RapatOption *o = options; o != NULL && (o->long_name != NULL || o->include != NULL);
       o++)
    {
      if (o->include != NULL)
        {
          roff_options (out, o->include);
          continue;
        }
      g_string_append (out, ".TP\n");
      if (o->short_name != 0)
        g_string_append_printf (out, "\\fB\\-%c\\fR, ", o->short_name);
      g_string_append (out, "\\fB\\-\\-");
      roff_text (out, o->long_name, FALSE);
      g_string_append (out, "\\fR");
      if (o->arg != G_OPTION_ARG_NONE)
        {
          g_string_append (out, " \\fI");
          roff_text (out, o->arg_description != NULL ? _(o->arg_description) : "VALUE", FALSE);
          g_string_append (out, "\\fR");
        }
      if (o->arg == G_OPTION_ARG_STRING_ARRAY || o->arg == G_OPTION_ARG_FILENAME_ARRAY)
        g_string_append (out, " ...");
      g_string_append_c (out, '\n');
      roff_description (out, man_text (o->description));
    }
}

/* Returns whether @group is a single command ("init", "check"). */
static gboolean
single_command (const RapatGroup *group)
{
  return group->verbs[0].name[0] == '\0';
}

/* Appends "rapat GROUP VERB ARGS" in bold and italics. */
static void
roff_usage (GString *out, const RapatGroup *group, const RapatCommand *cmd)
{
  g_string_append_printf (out, "\\fBrapat %s", group->name);
  if (cmd->name[0] != '\0')
    {
      g_string_append_c (out, ' ');
      roff_text (out, cmd->name, FALSE);
    }
  g_string_append (out, "\\fR");
  if (cmd->args[0] != '\0')
    {
      g_string_append_c (out, ' ');
      roff_args (out, cmd->args);
    }
}

/* Appends the .TH line and NAME section of page @name. */
static void
roff_head (GString *out, const char *name, const char *summary)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (rapat_time_now ());
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *upper = g_ascii_strup (name, -1);

  g_string_append (out, ".\\\" Generated by 'rapat __man' from rapat's command tables; do not edit.\n");
  g_string_append (out, ".TH ");
  roff_text (out, upper, FALSE);
  g_string_append_printf (out, " 1 %s \"rapat %s\" \"", date, PACKAGE_VERSION);
  /* TRANSLATORS: the title of section 1 of the manual, in every page's header. */
  roff_text (out, C_("man", "User Commands"), FALSE);
  g_string_append (out, "\"\n");
  /* groff hyphenates with English patterns, which break Indonesian words
   * in the wrong places ("men-girim"). */
  if (rapat_lang () == RAPAT_LANG_ID)
    g_string_append (out, ".nh\n");
  /* TRANSLATORS: "man section": a man page's section heading, in capitals. */
  roff_section (out, C_("man section", "NAME"));
  roff_text (out, name, FALSE);
  g_string_append (out, " \\-\n");
  roff_line (out, summary);
}

/* The environment variables rapat reads, as README.md describes them:
 * the names, and what each does (marked for translation). */
static const char *const environment[][2] = {
  { "RAPAT_DB", N_("The database file when --db is not given.") },
  { "XDG_DATA_HOME",
    N_("Without --db and RAPAT_DB, the database is $XDG_DATA_HOME/rapat/rapat.db (default\n"
       "~/.local/share/rapat/rapat.db), its folder created 0700 and the file 0600.") },
  { "RAPAT_LANG",
    N_("The language of the output: id (Indonesian) or en (English); another value is an\n"
       "error.  A command's --lang comes first.") },
  { "LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
    N_("Without RAPAT_LANG, the locale's messages language chooses between Indonesian and\n"
       "English.  Indonesian works without the id_ID locale installed.") },
  { "RAPAT_LOCALEDIR",
    N_("Where to find the message catalogs (DIR/id/LC_MESSAGES/rapat.mo) of a build that is\n"
       "not installed.") },
  { "TZ",
    N_("The zone of commands without --tz when the database has none ('rapat config set tz'):\n"
       "an IANA name, an offset, a file of the tz database or a POSIX TZ string.  Without it,\n"
       "the zone /etc/localtime links to.") },
  { "TZDIR", N_("The tz database (default /usr/share/zoneinfo).") },
  { "COLUMNS",
    N_("The width tables are fitted to; on a terminal without it, the terminal's own width.\n"
       "Output that is not a terminal is never wrapped.") },
  { "VISUAL, EDITOR", N_("The editor of 'minutes note --edit'.") },
  { "SOURCE_DATE_EPOCH",
    N_("When set, the current time for the timestamps rapat stores and prints (reproducible\n"
       "output).") },
  { "RAPAT_MAIL_MODULE, RAPAT_PDF_MODULE",
    N_("Another path for the module that mails (GMime, libcurl) or writes PDF (Cairo,\n"
       "Pango); 'rapat --version' says whether each loads.") },
};

/* rapat(1)'s description, a paragraph each (the line breaks are kept). */
static const char *const rapat_description[] = {
  N_("rapat (Indonesian: meeting) is a command-line manager for meetings and work sessions:\n"
     "their agendas, attendees, replies and attendance, the strategic issues they discuss and\n"
     "the action items they produce.  Everything lives in one SQLite file; every command that\n"
     "writes is one transaction, so a failed command changes nothing.  It exports iCalendar\n"
     "for calendar programs, mails invitations, reads the replies back, and prints\n"
     "attendance reports, sign-in sheets, invitations and minutes."),
  N_("A command is a GROUP and a VERB, each of which may be shortened to an unambiguous\n"
     "prefix.  A PERSON, UNIT, MEETING or ISSUE argument is an id or an unambiguous part of a\n"
     "name; an ambiguous one is an error that lists the candidates.  Times are read and shown\n"
     "in the meeting's own zone.  Listings print aligned tables for people and take --json for\n"
     "programs."),
};

/* The commands of rapat(1)'s examples, the same in every language. */
static const char rapat_examples[] =
  "  export RAPAT_DB=~/rakernis.db\n"
  "  rapat init\n"
  "  rapat unit add \"Rutan Kelas IIA Ambon\" --code RUTAN-AMB\n"
  "  rapat person add \"Fransina Matulessy\" --position \"Kepala Rutan\" --unit RUTAN-AMB\n"
  "  id=$(rapat meeting add \"Rakernis 2025\" --start \"2025-09-02 09:00\" --duration 7h \\\n"
  "        --tz Asia/Jayapura --location \"Aula Rutan\")\n"
  "  rapat agenda add $id \"Pembukaan\" --type opening --duration 15m\n"
  "  rapat attendee add $id Fransina --role chair\n"
  "  rapat attendee mark $id Fransina hadir --at 08:55\n"
  "  rapat meeting show $id\n"
  "  rapat export ics --meeting $id --method request -o rakernis.ics\n"
  "  rapat report attendance --meeting $id";

/* Appends "(see rapat-GROUP(1))", as the catalog words it, after @group's
 * summary in rapat(1): the reference to the page a .BR request of its own. */
static void
roff_see_group (GString *out, const char *group)
{
  /* TRANSLATORS: after a group's summary in rapat(1); %s is its page, rapat-GROUP(1). */
  const char *text = _("(see %s)");
  const char *mark = strstr (text, "%s");
  g_autofree char *before = g_strndup (text, mark != NULL ? (gsize) (mark - text) : strlen (text));

  g_strchomp (before);
  if (*before != '\0')
    {
      roff_text (out, before, TRUE);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, ".BR rapat\\-%s (1)", group);
  if (mark != NULL)
    roff_text (out, mark + 2, FALSE);
  g_string_append_c (out, '\n');
}

/* Appends the sections every page ends with. */
static void
roff_common_options (GString *out)
{
  roff_section (out, C_("man section", "OPTIONS"));
  roff_lines_bold (out, _("Every command takes these options, anywhere after its name:"), NULL);
  roff_options (out, rapat_cmd_common_options ());
}

/* Returns rapat(1). */
static char *
page_rapat (void)
{
  GString *out = g_string_new (NULL);
  const RapatGroup *groups = rapat_cmd_groups ();

  roff_head (out, "rapat", _("a command-line manager for meetings and work sessions"));
  roff_section (out, C_("man section", "SYNOPSIS"));
  g_string_append (out,
                   "\\fBrapat\\fR [\\fB\\-\\-db\\fR \\fIFILE\\fR] \\fIGROUP\\fR \\fIVERB\\fR "
                   "[\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]\n"
                   ".br\n"
                   "\\fBrapat help\\fR [\\fIGROUP\\fR [\\fIVERB\\fR]]\n"
                   ".br\n"
                   "\\fBrapat \\-\\-version\\fR\n");
  roff_section (out, C_("man section", "DESCRIPTION"));
  for (guint i = 0; i < G_N_ELEMENTS (rapat_description); i++)
    {
      if (i > 0)
        g_string_append (out, ".PP\n");
      roff_description (out, _(rapat_description[i]));
    }
  roff_section (out, C_("man section", "COMMANDS"));
  roff_description (out, _("rapat help lists every command, rapat GROUP --help a group's verbs,\n"
                           "rapat GROUP VERB --help the options of one.  Each group has its own\n"
                           "page, rapat-GROUP(1), with every verb's options."));
  for (const RapatGroup *g = groups; g->name != NULL; g++)
    {
      g_string_append (out, ".SS ");
      roff_text (out, g->name, FALSE);
      g_string_append_c (out, '\n');
      roff_line (out, man_text (g->summary));
      roff_see_group (out, g->name);
      for (const RapatCommand *c = g->verbs; c->name != NULL; c++)
        {
          g_string_append (out, ".TP\n");
          roff_usage (out, g, c);
          g_string_append_c (out, '\n');
          roff_line (out, man_text (c->summary));
        }
    }
  roff_section (out, C_("man section", "GLOBAL OPTIONS"));
  /* TRANSLATORS: rapat(1)'s options given before the group: rapat --db FILE meeting list. */
  roff_lines_bold (out, _("Before the group:"), NULL);
  roff_options (out, rapat_cmd_global_options ());
  roff_section (out, C_("man section", "ENVIRONMENT"));
  for (guint i = 0; i < G_N_ELEMENTS (environment); i++)
    {
      g_autofree char *name = g_strdup (environment[i][0]);

      g_string_append (out, ".TP\n.B ");
      roff_text (out, name, FALSE);
      g_string_append_c (out, '\n');
      roff_description (out, _(environment[i][1]));
    }
  roff_section (out, C_("man section", "EXIT STATUS"));
  g_string_append (out, ".TP\n0\n");
  roff_lines_bold (out, _("The command succeeded."), NULL);
  g_string_append (out, ".TP\n1\n");
  roff_lines_bold (out, _("It failed; one line on standard error says why, and the\n"
                          "database is left as it was."), NULL);
  g_string_append (out, ".TP\n2\n");
  roff_lines_bold (out, _("A usage error: an unknown command or option, a missing or\n"
                          "malformed argument."), NULL);
  roff_section (out, C_("man section", "FILES"));
  g_string_append (out, ".TP\n.I $XDG_DATA_HOME/rapat/rapat.db\n");
  {
    static const char *const names[] = { "--db", "RAPAT_DB", NULL };

    /* TRANSLATORS: the file of the database; the %s are --db and RAPAT_DB. */
    roff_lines_bold (out, _("The database when neither %s nor %s names one;\n"
                            "created and brought to the current schema on first use."), names);
  }
  g_string_append (out, ".TP\n.I " RAPAT_HOLIDAYS_DIR "\n");
  {
    static const char *const command[] = { "rapat holiday import", NULL };

    /* TRANSLATORS: a folder of files; %s is the command rapat holiday import. */
    roff_lines_bold (out, _("Indonesia's national holidays and joint leave days, for\n%s."), command);
  }
  roff_section (out, C_("man section", "EXAMPLES"));
  roff_description (out, rapat_examples);
  g_string_append (out, ".PP\n");
  roff_description (out, _("rapat demo loads a whole sample meeting, the Rakernis of the regional office of\n"
                           "Corrections in Maluku, to try every command on."));
  roff_section (out, C_("man section", "SEE ALSO"));
  for (const RapatGroup *g = groups; g->name != NULL; g++)
    g_string_append_printf (out, ".BR rapat\\-%s (1)%s\n", g->name,
                            g[1].name != NULL ? "," : "");
  return g_string_free (out, FALSE);
}

/* Returns the page of @group, rapat-GROUP(1). */
static char *
page_group (const RapatGroup *group)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = g_strconcat ("rapat-", group->name, NULL);

  roff_head (out, name, man_text (group->summary));
  roff_section (out, C_("man section", "SYNOPSIS"));
  for (const RapatCommand *c = group->verbs; c->name != NULL; c++)
    {
      if (c != group->verbs)
        g_string_append (out, ".br\n");
      roff_usage (out, group, c);
      g_string_append (out, " [\\fIOPTIONS\\fR]\n");
    }
  roff_section (out, C_("man section", "DESCRIPTION"));
  roff_line (out, man_text (group->summary));
  g_string_append (out, ".PP\n");
  if (single_command (group))
    {
      roff_line (out, man_text (group->verbs[0].summary));
      if (group->verbs[0].description != NULL)
        {
          g_string_append (out, ".PP\n");
          roff_description (out, man_text (group->verbs[0].description));
        }
      if (group->verbs[0].options != NULL)
        {
          roff_section (out, C_("man section", "COMMAND OPTIONS"));
          roff_options (out, group->verbs[0].options);
        }
    }
  else
    {
      roff_description (out, _("The verb may be shortened to an unambiguous prefix."));
      roff_section (out, C_("man section", "COMMANDS"));
      for (const RapatCommand *c = group->verbs; c->name != NULL; c++)
        {
          g_string_append (out, ".SS \"");
          roff_usage (out, group, c);
          g_string_append (out, "\"\n");
          roff_line (out, man_text (c->summary));
          if (c->description != NULL)
            {
              g_string_append (out, ".PP\n");
              roff_description (out, man_text (c->description));
            }
          if (c->options != NULL && (c->options[0].long_name != NULL || c->options[0].include != NULL))
            {
              g_string_append (out, ".PP\n");
              /* TRANSLATORS: before the options of one command, on its group's man page. */
              roff_lines_bold (out, _("Options:"), NULL);
              roff_options (out, c->options);
            }
        }
    }
  roff_common_options (out);
  roff_section (out, C_("man section", "SEE ALSO"));
  g_string_append (out, ".BR rapat (1)\n");
  return g_string_free (out, FALSE);
}

/* Writes @text to the file @path, replacing it only when complete. */
static gboolean
write_page (const char *path, const char *text, GError **error)
{
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* Writes every page into the folder @dir. */
static gboolean
write_pages (const char *dir, GError **error)
{
  g_autofree char *main_page = page_rapat ();
  g_autofree char *path = g_build_filename (dir, "rapat.1", NULL);

  if (!write_page (path, main_page, error))
    return FALSE;
  for (const RapatGroup *g = rapat_cmd_groups (); g->name != NULL; g++)
    {
      g_autofree char *text = page_group (g);
      g_autofree char *file = g_strdup_printf ("rapat-%s.1", g->name);
      g_autofree char *gpath = g_build_filename (dir, file, NULL);

      if (!write_page (gpath, text, error))
        return FALSE;
    }
  return TRUE;
}

/* Chooses the language of the pages: --lang @code when given, else
 * RAPAT_LANG, else the locale, as every command does.  An Indonesian page
 * needs the catalog: without it gettext would quietly give English, and the
 * build would install it as Indonesian. */
static gboolean
man_language (const char *code, GError **error)
{
  RapatLang lang;
  gboolean explicit_;

  if (code != NULL ? !rapat_lang_parse ("--lang", code, &lang, error)
      : !rapat_lang_from_environment (&lang, &explicit_, error))
    return FALSE;
  rapat_lang_use (lang);
  if (lang == RAPAT_LANG_ID && strcmp (C_("man section", "NAME"), "NAME") == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   "no Indonesian catalog: RAPAT_LOCALEDIR names a folder with "
                   "id/LC_MESSAGES/rapat.mo when rapat is not installed");
      return FALSE;
    }
  return TRUE;
}

int
rapat_cmd_man (int argc, char **argv)
{
  const RapatGroup *groups = rapat_cmd_groups ();
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  const char *code = NULL;

  if (argc >= 2 && strcmp (argv[0], "--lang") == 0)
    {
      code = argv[1];
      argc -= 2;
      argv += 2;
    }
  else if (argc >= 1 && g_str_has_prefix (argv[0], "--lang="))
    {
      code = argv[0] + strlen ("--lang=");
      argc--;
      argv++;
    }
  if (argc == 1 && strcmp (argv[0], "--list") == 0)
    {
      printf ("rapat.1\n");
      for (const RapatGroup *g = groups; g->name != NULL; g++)
        printf ("rapat-%s.1\n", g->name);
      return 0;
    }
  if (!man_language (code, &error))
    {
      fprintf (stderr, "rapat: error: %s\n", error->message);
      return g_error_matches (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED) ? 2 : 1;
    }
  if (argc == 2 && strcmp (argv[0], "--dir") == 0)
    {
      if (write_pages (argv[1], &error))
        return 0;
      fprintf (stderr, "rapat: error: %s\n", error->message);
      return 1;
    }
  if (argc == 0)
    page = page_rapat ();
  else if (argc == 1)
    for (const RapatGroup *g = groups; g->name != NULL && page == NULL; g++)
      if (strcmp (g->name, argv[0]) == 0)
        page = page_group (g);
  if (page == NULL)
    {
      fprintf (stderr, "rapat: error: usage: rapat __man [--lang id|en] [GROUP | --list | --dir DIR]\n");
      return 2;
    }
  fputs (page, stdout);
  return 0;
}
