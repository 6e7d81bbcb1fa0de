/* rapat — "rapat person": the directory of people (cli layer). */
#include "cmd.h"
#include "csv.h"
#include "directory.h"
#include "output.h"
#include "text.h"

#include <string.h>

typedef struct {
  char *name;
  char *position;
  char *unit;
  char *email;
  char *phone;
  char *nip;
  char *pangkat;
  char *eselon;
  char *rank;
  char **map;
  char *format;
  gboolean dry_run;
  gboolean json;
} PersonOptions;

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("position", PersonOptions, position, N_("Position (jabatan)"), N_("TEXT")),
  RAPAT_OPT_TEXT ("unit", PersonOptions, unit, N_("The person's unit"), N_("UNIT")),
  RAPAT_OPT_TEXT ("email", PersonOptions, email, N_("E-mail address"), N_("ADDRESS")),
  RAPAT_OPT_TEXT ("phone", PersonOptions, phone, N_("Phone number"), N_("NUMBER")),
  RAPAT_OPT_TEXT ("nip", PersonOptions, nip, N_("NIP, the civil servant's 18-digit number"),
                  N_("NIP")),
  RAPAT_OPT_TEXT ("pangkat", PersonOptions, pangkat,
                  N_("Pangkat/golongan, e.g. \"Pembina Tk. I (IV/b)\""), N_("TEXT")),
  RAPAT_OPT_TEXT ("eselon", PersonOptions, eselon, N_("Eselon, e.g. II.a or IV.b"),
                  N_("ESELON")),
  RAPAT_OPT_TEXT ("rank", PersonOptions, rank, N_("Place in protocol order (1 first)"),
                  N_("N")),
  RAPAT_OPT_END,
};

static const RapatOption edit_entries[] = {
  RAPAT_OPT_TEXT ("name", PersonOptions, name, N_("New name"), N_("NAME")),
  RAPAT_OPT_TEXT ("position", PersonOptions, position, N_("Position (\"\" clears it)"),
                  N_("TEXT")),
  RAPAT_OPT_TEXT ("unit", PersonOptions, unit, N_("Unit (\"\" clears it)"), N_("UNIT")),
  RAPAT_OPT_TEXT ("email", PersonOptions, email, N_("E-mail address (\"\" clears it)"),
                  N_("ADDRESS")),
  RAPAT_OPT_TEXT ("phone", PersonOptions, phone, N_("Phone number (\"\" clears it)"),
                  N_("NUMBER")),
  RAPAT_OPT_TEXT ("nip", PersonOptions, nip, N_("NIP (\"\" clears it)"), N_("NIP")),
  RAPAT_OPT_TEXT ("pangkat", PersonOptions, pangkat, N_("Pangkat/golongan (\"\" clears it)"),
                  N_("TEXT")),
  RAPAT_OPT_TEXT ("eselon", PersonOptions, eselon, N_("Eselon (\"\" clears it)"),
                  N_("ESELON")),
  RAPAT_OPT_TEXT ("rank", PersonOptions, rank, N_("Place in protocol order (\"\" clears it)"),
                  N_("N")),
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_TEXT ("unit", PersonOptions, unit, N_("Only people of this unit"), N_("UNIT")),
  RAPAT_OPT_JSON (PersonOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption import_entries[] = {
  RAPAT_OPT_LIST ("map", PersonOptions, map,
                  N_("Read COLUMN as FIELD (name, position, unit, email, phone, nip, pangkat, "
                     "eselon, rank; - skips it); repeatable"), N_("COLUMN=FIELD")),
  RAPAT_OPT_FLAG ("dry-run", PersonOptions, dry_run,
                  N_("Say what would change, and change nothing")),
  RAPAT_OPT_END,
};

static const RapatOption export_entries[] = {
  RAPAT_OPT_TEXT ("format", PersonOptions, format, N_("Output format: csv (the default)"),
                  N_("FORMAT")),
  RAPAT_OPT_TEXT ("unit", PersonOptions, unit, N_("Only people of this unit"), N_("UNIT")),
  RAPAT_OPT_END,
};

static const RapatOption json_entries[] = {
  RAPAT_OPT_JSON (PersonOptions, json),
  RAPAT_OPT_END,
};

/* Applies the options shared by add and edit to @p. */
static gboolean
apply_options (RapatCmdContext *ctx, RapatPerson *p, GError **error)
{
  const PersonOptions *opt = ctx->options;

  if (!rapat_person_set (p, RAPAT_PERSON_NAME, opt->name, error)
      || !rapat_person_set (p, RAPAT_PERSON_POSITION, opt->position, error)
      || !rapat_person_set (p, RAPAT_PERSON_EMAIL, opt->email, error)
      || !rapat_person_set (p, RAPAT_PERSON_PHONE, opt->phone, error)
      || !rapat_person_set (p, RAPAT_PERSON_NIP, opt->nip, error)
      || !rapat_person_set (p, RAPAT_PERSON_PANGKAT, opt->pangkat, error)
      || !rapat_person_set (p, RAPAT_PERSON_ESELON, opt->eselon, error)
      || !rapat_person_set (p, RAPAT_PERSON_RANK, opt->rank, error))
    return FALSE;
  if (opt->unit != NULL && *opt->unit == '\0')
    p->unit_id = 0;
  else if (opt->unit != NULL
           && !rapat_store_unit_resolve (ctx->store, opt->unit, &p->unit_id, error))
    return FALSE;
  return TRUE;
}

/* Warns when someone already has @p's name: the two can then be told
 * apart only by id, e-mail or NIP, and a name alone names neither. */
static gboolean
warn_same_name (RapatCmdContext *ctx, const RapatPerson *p, GError **error)
{
  gint64 other = rapat_store_person_find (ctx->store, p->name, error);
  g_autoptr(RapatPerson) o = other > 0 ? rapat_store_person_get (ctx->store, other, error) : NULL;

  if (other < 0 || (other > 0 && o == NULL))
    return FALSE;
  if (o != NULL)
    rapat_cmd_warn (ctx, _("person '%s': %" PRId64 " %s (%s) has this name too; name each by "
                           "id, e-mail or NIP from now on"), p->name, o->id, o->name,
                    o->unit_name != NULL ? o->unit_name : o->position != NULL ? o->position : "-");
  return TRUE;
}

/* person add NAME */
static gboolean
person_add (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();

  if (!rapat_cmd_take_text (_("name"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &p->name, error)
      || !apply_options (ctx, p, error) || !warn_same_name (ctx, p, error)
      || !rapat_store_person_insert (ctx->store, p, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", p->id);
  return TRUE;
}

/* person edit PERSON */
static gboolean
person_edit (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatPerson) p = rapat_store_person_get (ctx->store, ctx->target_id, error);

  return p != NULL && apply_options (ctx, p, error)
         && rapat_store_person_update (ctx->store, p, error);
}

/* person remove PERSON */
static gboolean
person_remove (RapatCmdContext *ctx, GError **error)
{
  return rapat_store_person_delete (ctx->store, ctx->target_id, error);
}

/* Writes @p as a JSON object. */
static void
person_json (RapatJson *json, const RapatPerson *p)
{
  rapat_json_begin_object (json, NULL);
  rapat_json_int (json, "id", p->id);
  rapat_json_string (json, "name", p->name);
  rapat_json_string (json, "position", p->position);
  rapat_json_id (json, "unit_id", p->unit_id);
  rapat_json_string (json, "unit", p->unit_name);
  rapat_json_string (json, "email", p->email);
  rapat_json_string (json, "phone", p->phone);
  rapat_json_string (json, "nip", p->nip);
  rapat_json_string (json, "pangkat", p->pangkat);
  rapat_json_string (json, "eselon", p->eselon);
  rapat_json_id (json, "rank", p->rank);
  rapat_json_end_object (json);
}

/* person list */
static gboolean
person_list (RapatCmdContext *ctx, GError **error)
{
  const PersonOptions *opt = ctx->options;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(RapatTable) table = NULL;
  gint64 unit_id = 0;

  if (opt->unit != NULL && !rapat_store_unit_resolve (ctx->store, opt->unit, &unit_id, error))
    return FALSE;
  people = rapat_store_person_list (ctx->store, unit_id, error);
  if (people == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_array (json, NULL);
      for (guint i = 0; i < people->len; i++)
        person_json (json, people->pdata[i]);
      rapat_json_end_array (json);
      return TRUE;
    }
  table = rapat_table_new (_("ID"), _("Name"), _("Position"), _("Unit"), _("E-mail"), NULL);
  rapat_table_align_right (table, 0);
  rapat_table_max_width (table, 2, 40);
  rapat_table_max_width (table, 3, 30);
  for (guint i = 0; i < people->len; i++)
    {
      const RapatPerson *p = people->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);
      rapat_table_add (table, id, p->name, p->position, p->unit_name, p->email);
    }
  if (rapat_table_rows (table) == 0 && unit_id != 0)
    fprintf (ctx->out, _("Nobody in this unit.\n"));
  else if (rapat_table_rows (table) == 0)
    fprintf (ctx->out, _("No people yet; add someone with 'rapat person add NAME'.\n"));
  else
    rapat_table_print (table, ctx->out, "");
  return TRUE;
}

/* person show PERSON */
static gboolean
person_show (RapatCmdContext *ctx, GError **error)
{
  const PersonOptions *opt = ctx->options;
  g_autoptr(RapatPerson) p = rapat_store_person_get (ctx->store, ctx->target_id, error);
  g_autoptr(RapatFields) fields = NULL;
  char rank[24];

  if (p == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      person_json (json, p);
      return TRUE;
    }
  fprintf (ctx->out, _("Person %" PRId64 ": %s\n"), p->id, p->name);
  fields = rapat_fields_new (10);
  rapat_fields_add (fields, _("Position:"), p->position);
  rapat_fields_add (fields, _("Unit:"), p->unit_name);
  rapat_fields_add (fields, _("E-mail:"), p->email);
  rapat_fields_add (fields, _("Phone:"), p->phone);
  rapat_fields_add (fields, _("NIP:"), p->nip);
  rapat_fields_add (fields, _("Pangkat:"), p->pangkat);
  rapat_fields_add (fields, _("Eselon:"), p->eselon);
  rapat_fields_add (fields, _("Rank:"), rapat_person_get (p, RAPAT_PERSON_RANK, rank));
  rapat_fields_print (fields, ctx->out, "  ");
  return TRUE;
}

/* Prints what an import did (or, for a dry run, would do) with @plan. */
void
rapat_cmd_print_plan (RapatCmdContext *ctx, const char *file, const RapatImportPlan *plan,
                      gboolean dry_run)
{
  if (dry_run)
    fprintf (ctx->out, _("%s (dry run, nothing written): new: %u, changed: %u, unchanged: %u\n"),
             file, plan->n_new, plan->n_changed, plan->n_unchanged);
  else
    fprintf (ctx->out, _("%s: new: %u, changed: %u, unchanged: %u\n"), file, plan->n_new,
             plan->n_changed, plan->n_unchanged);
  for (guint i = 0; dry_run && i < plan->lines->len; i++)
    fprintf (ctx->out, "  %s\n", (const char *) plan->lines->pdata[i]);
}

/* person import FILE.csv */
static gboolean
person_import (RapatCmdContext *ctx, GError **error)
{
  const PersonOptions *opt = ctx->options;
  g_autoptr(RapatCsv) csv = rapat_cmd_read_csv (ctx, ctx->args[0], error);
  g_autofree char *file = rapat_cmd_file_label (ctx->args[0]);
  RapatImportPlan plan = { 0 };
  gboolean ok;

  if (csv == NULL)
    return FALSE;
  ok = rapat_person_import (ctx->store, csv, file, opt->map, &plan, error);
  if (ok)
    {
      rapat_cmd_print_plan (ctx, file, &plan, opt->dry_run);
      ctx->dry_run = opt->dry_run;
    }
  rapat_import_plan_clear (&plan);
  return ok;
}

/* Fails unless @format is NULL or "csv", the one format exports of the
 * directory write. */
gboolean
rapat_cmd_check_csv_format (const char *format, GError **error)
{
  g_autofree char *ex = NULL;

  if (format == NULL || g_ascii_strcasecmp (format, "csv") == 0)
    return TRUE;
  ex = rapat_text_excerpt (format);
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_USAGE, _("format '%s': the directory is exported "
                                                        "as csv"), ex);
  return FALSE;
}

/* Returns how an export names unit @id: its code, else its name; NULL for 0. */
const char *
rapat_cmd_unit_label (GPtrArray *units, gint64 id)
{
  for (guint i = 0; id != 0 && i < units->len; i++)
    {
      const RapatUnit *u = units->pdata[i];

      if (u->id == id)
        return u->code != NULL ? u->code : u->name;
    }
  return NULL;
}

/* person export [--format csv] */
static gboolean
person_export (RapatCmdContext *ctx, GError **error)
{
  const PersonOptions *opt = ctx->options;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 unit_id = 0;

  if (!rapat_cmd_check_csv_format (opt->format, error)
      || (opt->unit != NULL && !rapat_store_unit_resolve (ctx->store, opt->unit, &unit_id, error)))
    return FALSE;
  units = rapat_store_unit_list (ctx->store, error);
  people = units != NULL ? rapat_store_person_list (ctx->store, unit_id, error) : NULL;
  if (people == NULL)
    return FALSE;
  rapat_csv_record (ctx->out, rapat_person_csv_columns,
                    g_strv_length ((char **) rapat_person_csv_columns));
  for (guint i = 0; i < people->len; i++)
    {
      const RapatPerson *p = people->pdata[i];
      char rank[24];
      const char *fields[] = {
        p->name, p->position, rapat_cmd_unit_label (units, p->unit_id), p->email, p->phone,
        p->nip, p->pangkat, p->eselon, rapat_person_get (p, RAPAT_PERSON_RANK, rank),
      };

      rapat_csv_record (ctx->out, fields, G_N_ELEMENTS (fields));
    }
  return TRUE;
}

const RapatCommand rapat_person_commands[] = {
  { "add", "NAME", N_("Add a person to the directory"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE,
    1, 1, RAPAT_OPTIONS (add_entries, PersonOptions), RAPAT_TARGET_NONE, person_add },
  { "list", "", N_("List people"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (list_entries, PersonOptions), RAPAT_TARGET_NONE, person_list },
  { "show", "PERSON", N_("Show a person"), NULL, RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (json_entries, PersonOptions), RAPAT_TARGET_PERSON, person_show },
  { "edit", "PERSON", N_("Change a person's details"), NULL, RAPAT_CMD_STORE | RAPAT_CMD_WRITE,
    1, 1, RAPAT_OPTIONS (edit_entries, PersonOptions), RAPAT_TARGET_PERSON, person_edit },
  { "remove", "PERSON", N_("Remove a person nobody refers to"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_NO_OPTIONS, RAPAT_TARGET_PERSON,
    person_remove },
  { "import", "FILE.csv", N_("Add or update people from a CSV spreadsheet"),
    N_("Headers in Indonesian or English are recognised (nama/name, jabatan/position, "
       "unit/unit kerja, email/surel, telepon/phone/hp, nip, pangkat/golongan, eselon, "
       "urutan/rank). A row updates the person with its NIP, else its e-mail, else its "
       "name in its unit; an empty cell clears the field. Any bad row fails the whole "
       "import, every problem listed, and nothing changes. FILE '-' reads "
       "standard input."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (import_entries, PersonOptions),
    RAPAT_TARGET_NONE, person_import,
    rapat_cmd_prepare_input },
  { "export", "", N_("Write people as CSV, the columns import reads"), NULL,
    RAPAT_CMD_STORE, 0, 0, RAPAT_OPTIONS (export_entries, PersonOptions), RAPAT_TARGET_NONE,
    person_export },
  { NULL },
};
