/* rapat — "rapat person": the directory of people (cli layer). */
#include "cmd.h"
#include "output.h"
#include "text.h"

#include <string.h>

typedef struct {
  char *name;
  char *position;
  char *unit;
  char *email;
  char *phone;
  gboolean json;
} PersonOptions;

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("position", PersonOptions, position, N_("Position (jabatan)"), N_("TEXT")),
  RAPAT_OPT_TEXT ("unit", PersonOptions, unit, N_("The person's unit"), N_("UNIT")),
  RAPAT_OPT_TEXT ("email", PersonOptions, email, N_("E-mail address"), N_("ADDRESS")),
  RAPAT_OPT_TEXT ("phone", PersonOptions, phone, N_("Phone number"), N_("NUMBER")),
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
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_TEXT ("unit", PersonOptions, unit, N_("Only people of this unit"), N_("UNIT")),
  RAPAT_OPT_JSON (PersonOptions, json),
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

  if (!rapat_cmd_take_text (_("name"), opt->name, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &p->name,
                            error)
      || !rapat_cmd_take_text (_("position"), opt->position, RAPAT_TEXT_LINE, RAPAT_MAX_NAME,
                               &p->position, error))
    return FALSE;
  if (opt->email != NULL && *opt->email != '\0' && !rapat_email_check (opt->email, error))
    return FALSE;
  if (!rapat_cmd_take_text (_("e-mail"), opt->email, RAPAT_TEXT_LINE, RAPAT_MAX_EMAIL, &p->email,
                            error))
    return FALSE;
  if (opt->phone != NULL && strspn (opt->phone, "0123456789+-() .") != strlen (opt->phone))
    {
      g_autofree char *ex = rapat_text_excerpt (opt->phone);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("phone '%s': only digits, spaces and + - ( ) . are allowed"), ex);
      return FALSE;
    }
  if (!rapat_cmd_take_text (_("phone"), opt->phone, RAPAT_TEXT_LINE, RAPAT_MAX_CODE, &p->phone,
                            error))
    return FALSE;
  if (opt->unit != NULL && *opt->unit == '\0')
    p->unit_id = 0;
  else if (opt->unit != NULL
           && !rapat_store_unit_resolve (ctx->store, opt->unit, &p->unit_id, error))
    return FALSE;
  return TRUE;
}

/* person add NAME */
static gboolean
person_add (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(RapatPerson) p = rapat_person_new ();

  if (!rapat_cmd_take_text (_("name"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &p->name, error)
      || !apply_options (ctx, p, error) || !rapat_store_person_insert (ctx->store, p, error))
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
  rapat_fields_print (fields, ctx->out, "  ");
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
  { NULL },
};
