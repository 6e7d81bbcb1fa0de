/* rapat — "rapat group": saved groups of people, invited together (cli layer). */
#include "cmd.h"
#include "output.h"
#include "text.h"

typedef struct {
  char *description;
  char **units;
  gboolean subunits;
  gboolean heads;
  gboolean json;
} GroupOptions;

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("description", GroupOptions, description, N_("What the group is for"),
                  N_("TEXT")),
  RAPAT_OPT_END,
};

static const RapatOption member_entries[] = {
  RAPAT_OPT_LIST ("unit", GroupOptions, units, N_("Add the people of this unit; repeatable"),
                  N_("UNIT")),
  RAPAT_OPT_FLAG ("subunits", GroupOptions, subunits,
                  N_("With --unit: the people of the units below it too, at any depth")),
  RAPAT_OPT_FLAG ("heads", GroupOptions, heads,
                  N_("With --unit: only the head of each unit")),
  RAPAT_OPT_END,
};

static const RapatOption rename_entries[] = {
  RAPAT_OPT_TEXT ("description", GroupOptions, description,
                  N_("New description (\"\" removes it)"), N_("TEXT")),
  RAPAT_OPT_END,
};

static const RapatOption json_entries[] = {
  RAPAT_OPT_JSON (GroupOptions, json),
  RAPAT_OPT_END,
};

gboolean
rapat_cmd_ids_add (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return FALSE;
  g_array_append_val (ids, id);
  return TRUE;
}

gboolean
rapat_cmd_unit_people (RapatCmdContext *ctx, char **units, gboolean subunits, gboolean heads,
                       GArray *ids, GError **error)
{
  g_autoptr(GPtrArray) headless = g_ptr_array_new_with_free_func (g_free);

  for (guint u = 0; units != NULL && units[u] != NULL; u++)
    {
      g_autoptr(GArray) people = NULL;
      gint64 unit_id;

      if (!rapat_store_unit_resolve (ctx->store, units[u], &unit_id, error))
        return FALSE;
      people = rapat_store_unit_people (ctx->store, unit_id, subunits, heads, headless, error);
      if (people == NULL)
        return FALSE;
      for (guint i = 0; i < people->len; i++)
        rapat_cmd_ids_add (ids, g_array_index (people, gint64, i));
    }
  if (headless->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < headless->len; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", (char *) headless->pdata[i]);
      rapat_cmd_warn (ctx, g_dngettext (NULL, "%u unit has no head, so nobody of it was taken: "
                                              "%s (set one with 'rapat unit edit UNIT --head "
                                              "PERSON')",
                                        "%u units have no head, so nobody of them was taken: "
                                        "%s (set one with 'rapat unit edit UNIT --head PERSON')",
                                        headless->len),
                      headless->len, list->str);
    }
  return TRUE;
}

/* Fails with a usage error for @cmd_name when --subunits or --heads is
 * given without --unit. */
gboolean
rapat_cmd_check_unit_flags (const char *cmd_name, char **units, gboolean subunits,
                            gboolean heads, GError **error)
{
  if ((subunits || heads) && (units == NULL || units[0] == NULL))
    {
      rapat_cmd_usage_error (error, cmd_name, _("--subunits and --heads go with --unit"));
      return FALSE;
    }
  return TRUE;
}

/* group add NAME */
static gboolean
group_add (RapatCmdContext *ctx, GError **error)
{
  const GroupOptions *opt = ctx->options;
  g_autoptr(RapatPersonGroup) group = rapat_person_group_new ();

  if (!rapat_cmd_take_text (_("name"), ctx->args[0], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                            &group->name, error)
      || !rapat_cmd_take_text (_("description"), opt->description, RAPAT_TEXT_MULTILINE,
                               RAPAT_MAX_TEXT, &group->description, error)
      || !rapat_store_group_insert (ctx->store, group, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", group->id);
  return TRUE;
}

/* group add-member GROUP PERSON... [--unit U [--subunits] [--heads]] */
static gboolean
group_add_member (RapatCmdContext *ctx, GError **error)
{
  const GroupOptions *opt = ctx->options;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RapatPersonGroup) group = NULL;
  guint skipped = 0;

  if (!rapat_cmd_check_unit_flags ("group add-member", opt->units, opt->subunits, opt->heads,
                                   error))
    return FALSE;
  if (ctx->n_args < 2 && opt->units == NULL)
    {
      rapat_cmd_usage_error (error, "group add-member", _("name a PERSON or a --unit"));
      return FALSE;
    }
  for (int i = 1; i < ctx->n_args; i++)
    {
      gint64 pid;

      if (!rapat_store_person_resolve (ctx->store, ctx->args[i], &pid, error))
        return FALSE;
      rapat_cmd_ids_add (ids, pid);
    }
  if (!rapat_cmd_unit_people (ctx, opt->units, opt->subunits, opt->heads, ids, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean added;

      if (!rapat_store_group_add_member (ctx->store, ctx->target_id,
                                         g_array_index (ids, gint64, i), &added, error))
        return FALSE;
      if (!added)
        skipped++;
    }
  group = rapat_store_group_get (ctx->store, ctx->target_id, error);
  if (group == NULL)
    return FALSE;
  if (skipped > 0)
    rapat_cmd_warn (ctx, g_dngettext (NULL, "%u person was in group '%s' already",
                                      "%u people were in group '%s' already", skipped),
                    skipped, group->name);
  return TRUE;
}

/* group remove-member GROUP PERSON... */
static gboolean
group_remove_member (RapatCmdContext *ctx, GError **error)
{
  for (int i = 1; i < ctx->n_args; i++)
    {
      gint64 pid;

      if (!rapat_store_person_resolve (ctx->store, ctx->args[i], &pid, error)
          || !rapat_store_group_remove_member (ctx->store, ctx->target_id, pid, error))
        return FALSE;
    }
  return TRUE;
}

/* group list */
static gboolean
group_list (RapatCmdContext *ctx, GError **error)
{
  const GroupOptions *opt = ctx->options;
  g_autoptr(GPtrArray) groups = rapat_store_group_list (ctx->store, error);
  g_autoptr(RapatTable) table = NULL;

  if (groups == NULL)
    return FALSE;
  if (opt->json)
    {
      g_autoptr(RapatJson) json = rapat_json_new (ctx->out);

      rapat_json_begin_array (json, NULL);
      for (guint i = 0; i < groups->len; i++)
        {
          const RapatPersonGroup *g = groups->pdata[i];

          rapat_json_begin_object (json, NULL);
          rapat_json_int (json, "id", g->id);
          rapat_json_string (json, "name", g->name);
          rapat_json_string (json, "description", g->description);
          rapat_json_int (json, "people", g->n_members);
          rapat_json_end_object (json);
        }
      rapat_json_end_array (json);
      return TRUE;
    }
  if (groups->len == 0)
    {
      fprintf (ctx->out, _("No groups yet; add one with 'rapat group add NAME'.\n"));
      return TRUE;
    }
  table = rapat_table_new (_("ID"), _("Name"), _("People"), _("Description"), NULL);
  rapat_table_align_right (table, 0);
  rapat_table_align_right (table, 2);
  for (guint i = 0; i < groups->len; i++)
    {
      const RapatPersonGroup *g = groups->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g->id);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, g->n_members);

      rapat_table_add (table, id, g->name, n, g->description);
    }
  rapat_table_print (table, ctx->out, "");
  return TRUE;
}

/* Prints @group and its @members (RapatPerson) as one JSON object. */
static void
show_json (FILE *out, const RapatPersonGroup *group, GPtrArray *members)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_object (json, NULL);
  rapat_json_int (json, "id", group->id);
  rapat_json_string (json, "name", group->name);
  rapat_json_string (json, "description", group->description);
  rapat_json_begin_array (json, "members");
  for (guint i = 0; i < members->len; i++)
    {
      const RapatPerson *p = members->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", p->id);
      rapat_json_string (json, "name", p->name);
      rapat_json_string (json, "position", p->position);
      rapat_json_id (json, "unit_id", p->unit_id);
      rapat_json_string (json, "unit", p->unit_name);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
  rapat_json_end_object (json);
}

/* Prints @group and its @members (RapatPerson) for people. */
static void
show_text (FILE *out, const RapatPersonGroup *group, GPtrArray *members)
{
  g_autoptr(RapatFields) fields = rapat_fields_new (14);
  g_autoptr(RapatTable) table = NULL;

  fprintf (out, _("Group %" PRId64 ": %s\n"), group->id, group->name);
  rapat_fields_add (fields, _("Description:"), group->description);
  rapat_fields_print (fields, out, "  ");
  fprintf (out, _("\nMembers (%u)\n"), members->len);
  if (members->len == 0)
    return;
  table = rapat_table_new (_("ID"), _("Name"), _("Position"), _("Unit"), NULL);
  rapat_table_align_right (table, 0);
  for (guint i = 0; i < members->len; i++)
    {
      const RapatPerson *p = members->pdata[i];
      g_autofree char *pid = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);

      rapat_table_add (table, pid, p->name, p->position, p->unit_name);
    }
  rapat_table_print (table, out, "  ");
}

/* group show GROUP */
static gboolean
group_show (RapatCmdContext *ctx, GError **error)
{
  const GroupOptions *opt = ctx->options;
  g_autoptr(RapatPersonGroup) group = rapat_store_group_get (ctx->store, ctx->target_id, error);
  g_autoptr(GPtrArray) members = group != NULL
    ? rapat_store_group_members (ctx->store, ctx->target_id, error) : NULL;

  if (members == NULL)
    return FALSE;
  if (opt->json)
    show_json (ctx->out, group, members);
  else
    show_text (ctx->out, group, members);
  return TRUE;
}

/* group remove GROUP */
static gboolean
group_remove (RapatCmdContext *ctx, GError **error)
{
  return rapat_store_group_delete (ctx->store, ctx->target_id, error);
}

/* group rename GROUP NAME */
static gboolean
group_rename (RapatCmdContext *ctx, GError **error)
{
  const GroupOptions *opt = ctx->options;
  g_autoptr(RapatPersonGroup) group = rapat_store_group_get (ctx->store, ctx->target_id, error);

  return group != NULL
         && rapat_cmd_take_text (_("name"), ctx->args[1], RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                                 &group->name, error)
         && rapat_cmd_take_text (_("description"), opt->description, RAPAT_TEXT_MULTILINE,
                                 RAPAT_MAX_TEXT, &group->description, error)
         && rapat_store_group_update (ctx->store, group, error);
}

const RapatCommand rapat_group_commands[] = {
  { "add", "NAME", N_("Add a group"),
    N_("Prints the new group's id. Names are unique, ignoring case."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (add_entries, GroupOptions),
    RAPAT_TARGET_NONE, group_add },
  { "add-member", "GROUP [PERSON...]", N_("Add people to a group"),
    N_("People already in the group are left as they are. With --unit, the people of a unit\n"
       "(--subunits: and of the units below it; --heads: only the head of each)."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, -1, RAPAT_OPTIONS (member_entries, GroupOptions),
    RAPAT_TARGET_GROUP, group_add_member },
  { "remove-member", "GROUP PERSON...", N_("Take people out of a group"),
    N_("Meetings the group was invited to keep their invitations."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, -1, RAPAT_NO_OPTIONS, RAPAT_TARGET_GROUP,
    group_remove_member },
  { "list", "", N_("List groups"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (json_entries, GroupOptions), RAPAT_TARGET_NONE, group_list },
  { "show", "GROUP", N_("Show a group and its members"), NULL, RAPAT_CMD_STORE, 1, 1,
    RAPAT_OPTIONS (json_entries, GroupOptions), RAPAT_TARGET_GROUP, group_show },
  { "rename", "GROUP NAME", N_("Rename a group, or change its description"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_OPTIONS (rename_entries, GroupOptions),
    RAPAT_TARGET_GROUP, group_rename },
  { "remove", "GROUP", N_("Remove a group"),
    N_("Meetings the group was invited to keep their invitations."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_NO_OPTIONS, RAPAT_TARGET_GROUP,
    group_remove },
  { NULL },
};
