/* rapat — "rapat unit": the units of the organisation (cli layer). */
#include "cmd.h"
#include "csv.h"
#include "output.h"
#include "text.h"

typedef struct {
  char *code;
  char *parent;
  char *name;
  char *head;
  char **map;
  char *format;
  gboolean dry_run;
  gboolean json;
} UnitOptions;

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("code", UnitOptions, code, N_("Short code of the unit, e.g. KANWIL"),
                  N_("CODE")),
  RAPAT_OPT_TEXT ("parent", UnitOptions, parent, N_("The unit this one belongs to"), N_("UNIT")),
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  RAPAT_OPT_TEXT ("name", UnitOptions, name, N_("New name"), N_("NAME")),
  RAPAT_OPT_TEXT ("code", UnitOptions, code, N_("New code (\"\" removes it)"), N_("CODE")),
  RAPAT_OPT_TEXT ("parent", UnitOptions, parent, N_("New parent unit (\"\" makes it a top unit)"),
                  N_("UNIT")),
  RAPAT_OPT_TEXT ("head", UnitOptions, head,
                  N_("The head of the unit, one of its people (\"\" leaves it without one)"),
                  N_("PERSON")),
  RAPAT_OPT_END,
};

static const RapatOption import_entries[] = {
  RAPAT_OPT_LIST ("map", UnitOptions, map,
                  N_("Read COLUMN as FIELD (name, code, parent; - skips it); repeatable"),
                  N_("COLUMN=FIELD")),
  RAPAT_OPT_FLAG ("dry-run", UnitOptions, dry_run,
                  N_("Say what would change, and change nothing")),
  RAPAT_OPT_END,
};

static const RapatOption export_entries[] = {
  RAPAT_OPT_TEXT ("format", UnitOptions, format, N_("Output format: csv (the default)"),
                  N_("FORMAT")),
  RAPAT_OPT_END,
};

static const RapatOption json_entries[] = {
  RAPAT_OPT_JSON (UnitOptions, json),
  RAPAT_OPT_END,
};

/* Applies --code and --parent to @unit. */
static gboolean
apply_options (RapatCmdContext *ctx, RapatUnit *unit, GError **error)
{
  const UnitOptions *opt = ctx->options;
  gboolean within = FALSE;

  if (!rapat_cmd_take_text (_("code"), opt->code, RAPAT_TEXT_LINE, RAPAT_MAX_CODE, &unit->code,
                            error))
    return FALSE;
  if (opt->parent != NULL && *opt->parent == '\0')
    unit->parent_id = 0;
  else if (opt->parent != NULL
           && !rapat_store_unit_resolve (ctx->store, opt->parent, &unit->parent_id, error))
    return FALSE;
  if (unit->id != 0
      && !rapat_store_unit_is_within (ctx->store, unit->parent_id, unit->id, &within, error))
    return FALSE;
  if (within)
    {
      g_autofree char *ex = rapat_text_excerpt (opt->parent);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("parent '%s': would place the unit below itself"), ex);
      return FALSE;
    }
  return TRUE;
}

/* unit add NAME */
static gboolean
unit_add (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatUnit) unit = rapat_unit_new ();

  if (!rapat_cmd_take_text (_("name"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &unit->name, error)
      || !apply_options (ctx, unit, error)
      || !rapat_store_unit_insert (ctx->store, unit, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", unit->id);
  return TRUE;
}

/* unit edit UNIT */
static gboolean
unit_edit (RapatCmdContext *ctx, GError **error)
{
  const UnitOptions *opt = ctx->options;
  g_autoptr(RapatUnit) unit = rapat_store_unit_get (ctx->store, ctx->target_id, error);
  gint64 head = 0;

  if (unit == NULL
      || !rapat_cmd_take_text (_("name"), opt->name, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                               &unit->name, error)
      || !apply_options (ctx, unit, error)
      || !rapat_store_unit_update (ctx->store, unit, error))
    return FALSE;
  if (opt->head == NULL)
    return TRUE;
  if (*opt->head != '\0' && !rapat_store_person_resolve (ctx->store, opt->head, &head, error))
    return FALSE;
  return rapat_store_unit_set_head (ctx->store, unit->id, head, error);
}

/* Writes @unit's fields as members of the current JSON object. */
static void
unit_json_fields (RapatJson *json, const RapatUnit *unit)
{
  rapat_json_int (json, "id", unit->id);
  rapat_json_string (json, "name", unit->name);
  rapat_json_string (json, "code", unit->code);
  rapat_json_id (json, "parent_id", unit->parent_id);
  rapat_json_string (json, "parent", unit->parent_name);
  rapat_json_int (json, "people", unit->n_people);
  rapat_json_id (json, "head_id", unit->head_id);
  rapat_json_string (json, "head", unit->head_name);
}

/* Returns how deep @unit sits in the tree listed in @units (0 = top). */
static guint
unit_depth (GPtrArray *units, const RapatUnit *unit)
{
  guint depth = 0;
  gint64 parent = unit->parent_id;

  while (parent != 0 && depth < 64)
    {
      gint64 next = 0;
      for (guint i = 0; i < units->len; i++)
        {
          const RapatUnit *u = units->pdata[i];
          if (u->id == parent)
            next = u->parent_id;
        }
      parent = next;
      depth++;
    }
  return depth;
}

/* Prints @units (RapatUnit) as a JSON array. */
static void
print_list_json (FILE *out, GPtrArray *units)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < units->len; i++)
    {
      rapat_json_begin_object (json, NULL);
      unit_json_fields (json, units->pdata[i]);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints @units (RapatUnit) as a table, each name indented by its depth in
 * the tree, or a line saying there are none. */
static void
print_list_table (FILE *out, GPtrArray *units)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Code"), _("Name"), _("People"),
                                                 _("Head"), NULL);

  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 3);
  for (guint i = 0; i < units->len; i++)
    {
      const RapatUnit *u = units->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, u->id);
      g_autofree char *indent = g_strnfill (2 * unit_depth (units, u), ' ');
      g_autofree char *name = g_strconcat (indent, u->name, NULL);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, u->n_people);

      rapat_table_add (table, id, u->code, name, n, u->head_name);
    }
  if (rapat_table_rows (table) == 0)
    fprintf (out, _("No units yet; add one with 'rapat unit add NAME'.\n"));
  else
    rapat_table_print (table, out, "");
}

/* unit list */
static gboolean
unit_list (RapatCmdContext *ctx, GError **error)
{
  const UnitOptions *opt = ctx->options;
  g_autoptr(GPtrArray) units = rapat_store_unit_list (ctx->store, error);

  if (units == NULL)
    return FALSE;
  if (opt->json)
    print_list_json (ctx->out, units);
  else
    print_list_table (ctx->out, units);
  return TRUE;
}

/* Prints @unit, the units directly below it (among @all) and its @people as
 * one JSON object. */
static void
show_json (FILE *out, const RapatUnit *unit, GPtrArray *all, GPtrArray *people)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_object (json, NULL);
  unit_json_fields (json, unit);
  rapat_json_begin_array (json, "units");
  for (guint i = 0; i < all->len; i++)
    {
      const RapatUnit *u = all->pdata[i];

      if (u->parent_id != unit->id)
        continue;
      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", u->id);
      rapat_json_string (json, "name", u->name);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_begin_array (json, "members");
  for (guint i = 0; i < people->len; i++)
    {
      const RapatPerson *p = people->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", p->id);
      rapat_json_string (json, "name", p->name);
      rapat_json_string (json, "position", p->position);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_end_object (json);
}

/* Prints @unit and the units directly below it (among @all). */
static void
show_unit (FILE *out, const RapatUnit *unit, GPtrArray *all)
{
  guint n = 0;
  g_autoptr(RapatFields) fields = rapat_fields_new (10);

  fprintf (out, _("Unit %" PRId64 ": %s\n"), unit->id, unit->name);
  rapat_fields_add (fields, _("Code:"), unit->code);
  rapat_fields_add (fields, _("Parent:"), unit->parent_name);
  rapat_fields_add (fields, _("Head:"), unit->head_name);
  rapat_fields_print (fields, out, "  ");
  for (guint i = 0; i < all->len; i++)
    {
      const RapatUnit *u = all->pdata[i];

      if (u->parent_id != unit->id)
        continue;
      if (n++ == 0)
        fprintf (out, _("\nUnits below\n"));
      fprintf (out, "  %" PRId64 "  %s\n", u->id, u->name);
    }
}

/* Prints the people of a unit, with their count. */
static void
show_people (FILE *out, GPtrArray *people)
{
  g_autoptr(RapatTable) table = NULL;

  fprintf (out, _("\nPeople (%u)\n"), people->len);
  if (people->len == 0)
    return;
  table = rapat_table_new (_("ID"), _("Name"), _("Position"), NULL);
  rapat_table_align_right (table, 0);
  for (guint i = 0; i < people->len; i++)
    {
      const RapatPerson *p = people->pdata[i];
      g_autofree char *pid = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);

      rapat_table_add (table, pid, p->name, p->position);
    }
  rapat_table_print (table, out, "  ");
}

/* unit show UNIT */
static gboolean
unit_show (RapatCmdContext *ctx, GError **error)
{
  const UnitOptions *opt = ctx->options;
  g_autoptr(RapatUnit) unit = rapat_store_unit_get (ctx->store, ctx->target_id, error);
  g_autoptr(GPtrArray) all = unit != NULL ? rapat_store_unit_list (ctx->store, error) : NULL;
  g_autoptr(GPtrArray) people = all != NULL
    ? rapat_store_person_list (ctx->store, ctx->target_id, error) : NULL;

  if (people == NULL)
    return FALSE;
  if (opt->json)
    show_json (ctx->out, unit, all, people);
  else
    {
      show_unit (ctx->out, unit, all);
      show_people (ctx->out, people);
    }
  return TRUE;
}

/* unit import FILE.csv */
static gboolean
unit_import (RapatCmdContext *ctx, GError **error)
{
  const UnitOptions *opt = ctx->options;
  g_autoptr(RapatCsv) csv = rapat_cmd_read_csv (ctx, ctx->args[0], error);
  g_autofree char *file = rapat_cmd_file_label (ctx->args[0]);
  RapatImportPlan plan = { 0 };
  gboolean ok;

  if (csv == NULL)
    return FALSE;
  ok = rapat_unit_import (ctx->store, csv, file, opt->map, &plan, error);
  if (ok)
    {
      rapat_cmd_print_plan (ctx, file, &plan, opt->dry_run);
      ctx->dry_run = opt->dry_run;
    }
  rapat_import_plan_clear (&plan);
  return ok;
}

/* unit export [--format csv] */
static gboolean
unit_export (RapatCmdContext *ctx, GError **error)
{
  const UnitOptions *opt = ctx->options;
  g_autoptr(GPtrArray) units = NULL;

  if (!rapat_cmd_check_csv_format (opt->format, error))
    return FALSE;
  units = rapat_store_unit_list (ctx->store, error);
  if (units == NULL)
    return FALSE;
  rapat_csv_record (ctx->out, rapat_unit_csv_columns,
                    g_strv_length ((char **) rapat_unit_csv_columns));
  for (guint i = 0; i < units->len; i++)
    {
      const RapatUnit *u = units->pdata[i];
      const char *fields[] = { u->name, u->code, rapat_cmd_unit_label (units, u->parent_id) };

      rapat_csv_record (ctx->out, fields, G_N_ELEMENTS (fields));
    }
  return TRUE;
}

const RapatCommand rapat_unit_commands[] = {
  { "add", "NAME", N_("Add a unit"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1,
    RAPAT_OPTIONS (add_entries, UnitOptions), RAPAT_TARGET_NONE, unit_add },
  { "list", "", N_("List units as a tree"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (json_entries, UnitOptions), RAPAT_TARGET_NONE, unit_list },
  { "show", "UNIT", N_("Show a unit, the units below it and its people"), NULL, RAPAT_CMD_STORE,
    1, 1, RAPAT_OPTIONS (json_entries, UnitOptions), RAPAT_TARGET_UNIT, unit_show },
  { "edit", "UNIT", N_("Rename a unit, change its code, parent or head"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (edit_entries, UnitOptions),
    RAPAT_TARGET_UNIT, unit_edit },
  { "import", "FILE.csv", N_("Add or update units from a CSV spreadsheet"),
    N_("Headers nama/name, kode/code and induk/parent are recognised. A row updates the unit "
       "with its code, else its name; a parent is a code or a name, of a unit in the file "
       "(before or after) or already stored. Any bad row fails the whole import, every "
       "problem listed, and nothing changes. FILE '-' reads "
       "standard input."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (import_entries, UnitOptions),
    RAPAT_TARGET_NONE, unit_import,
    rapat_cmd_prepare_input },
  { "export", "", N_("Write units as CSV, the columns import reads"), NULL,
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (export_entries, UnitOptions), RAPAT_TARGET_NONE,
    unit_export },
  { NULL },
};
