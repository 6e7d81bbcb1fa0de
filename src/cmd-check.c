/* rapat — "rapat check" and "rapat backup": the archive as a whole (cli layer). */
#include "cmd.h"
#include "output.h"

typedef struct {
  gboolean json;
  gboolean force;
} CheckOptions;

static const RapatOption check_entries[] = {
  RAPAT_OPT_JSON (CheckOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption backup_entries[] = {
  RAPAT_OPT_FLAG ("force", CheckOptions, force, N_("Replace FILE if it exists")),
  RAPAT_OPT_END,
};

/* Returns the word for @level, as the table and JSON show it. */
static const char *
level_name (RapatProblemLevel level)
{
  return level == RAPAT_PROBLEM_ERROR ? "error" : "warning";
}

/* Prints @problems as one JSON object with the counts. */
static void
print_problems_json (RapatCmdContext *ctx, GPtrArray *problems, guint n_errors,
                     guint n_warnings)
{
  g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

  rapat_json_begin_object (json, NULL);
  rapat_json_string (json, "database", ctx->db_path);
  rapat_json_int (json, "schema_version", rapat_store_version (ctx->store));
  rapat_json_int (json, "errors", n_errors);
  rapat_json_int (json, "warnings", n_warnings);
  rapat_json_begin_array (json, "problems");
  for (guint i = 0; i < problems->len; i++)
    {
      const RapatProblem *p = problems->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_string (json, "table", p->table);
      rapat_json_id (json, "id", p->id);
      rapat_json_string (json, "level", level_name (p->level));
      rapat_json_string (json, "problem", p->message);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_end_object (json);
}

/* Prints @problems as a table (nothing when there are none) and the count lines. */
static void
print_problems_table (RapatCmdContext *ctx, GPtrArray *problems, guint n_errors,
                      guint n_warnings)
{
  if (problems->len > 0)
    {
      g_autoptr(RapatTable) table = rapat_table_new (_("TABLE"), _("ID"), _("LEVEL"),
                                                     _("PROBLEM"), NULL);

      rapat_table_align_right (table, 1);
      for (guint i = 0; i < problems->len; i++)
        {
          const RapatProblem *p = problems->pdata[i];
          g_autofree char *id = p->id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, p->id) : NULL;

          rapat_table_add (table, p->table, id,
                           p->level == RAPAT_PROBLEM_ERROR ? _("error") : _("warning"),
                           p->message);
        }
      rapat_table_print (table, ctx->out, "");
    }
  if (n_errors == 0 && n_warnings == 0)
    fprintf (ctx->out, _("Database '%s': no problems found.\n"), ctx->db_path);
  if (n_errors > 0)
    fprintf (ctx->out, g_dngettext (GETTEXT_PACKAGE, "Database '%s': %u error.\n",
                                    "Database '%s': %u errors.\n", n_errors),
             ctx->db_path, n_errors);
  if (n_warnings > 0)
    fprintf (ctx->out, g_dngettext (GETTEXT_PACKAGE, "Database '%s': %u warning.\n",
                                    "Database '%s': %u warnings.\n", n_warnings),
             ctx->db_path, n_warnings);
}

/* check: lists every problem; an error among them fails the command. */
static gboolean
check_run (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(GPtrArray) problems = rapat_store_check_all (ctx->store, error);
  guint n_errors = 0, n_warnings = 0;

  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      if (((const RapatProblem *) problems->pdata[i])->level == RAPAT_PROBLEM_ERROR)
        n_errors++;
      else
        n_warnings++;
    }
  if (((const CheckOptions *) ctx->options)->json)
    print_problems_json (ctx, problems, n_errors, n_warnings);
  else
    print_problems_table (ctx, problems, n_errors, n_warnings);
  if (n_errors > 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "database '%s': %u error found (listed above)",
                                "database '%s': %u errors found (listed above)", n_errors),
                   ctx->db_path, n_errors);
      return FALSE;
    }
  return TRUE;
}

/* backup FILE: a checked copy, renamed into place. */
static gboolean
backup_run (RapatCmdContext *ctx, GError **error)
{
  const CheckOptions *opt = ctx->options;
  gint64 size = 0;

  if (!rapat_store_backup (ctx->store, ctx->args[0], opt->force, &size, error))
    return FALSE;
  fprintf (ctx->out, _("Database '%s' copied to '%s' (%" PRId64 " bytes, integrity checked).\n"),
           ctx->db_path, ctx->args[0], size);
  return TRUE;
}

const RapatCommand rapat_check_commands[] = {
  { "", "", N_("Check the database: SQLite's checks and every rule rapat keeps"),
    N_("Lists each problem with its table, row id and what is wrong, then a count.\n"
       "Errors break a rule rapat relies on; warnings are allowed but probably not meant\n"
       "(attendance on a cancelled meeting, a series whose occurrences were all deleted,\n"
       "an action due before the meeting that raised it).  Exit status 1 when there is\n"
       "an error, 0 otherwise."),
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (check_entries, CheckOptions), RAPAT_TARGET_NONE,
    check_run },
  { NULL },
};

const RapatCommand rapat_backup_commands[] = {
  { "", "FILE", N_("Write a consistent, checked copy of the database to FILE"),
    N_("Copies one snapshot with SQLite's backup API while others go on writing, checks\n"
       "the copy with PRAGMA integrity_check and only then renames it to FILE (mode 0600).\n"
       "The database itself is refused as FILE, and an existing FILE without --force."),
    RAPAT_CMD_STORE, 1, 1, RAPAT_OPTIONS (backup_entries, CheckOptions), RAPAT_TARGET_NONE,
    backup_run },
  { NULL },
};
