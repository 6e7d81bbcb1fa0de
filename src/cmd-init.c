/* rapat — "rapat init" and "rapat demo" (cli layer). */
#include "cmd.h"
#include "demo.h"

/* init: the dispatcher has already created and migrated the database. */
static gboolean
init_run (RapatCmdContext *ctx, GError **error)
{
  fprintf (ctx->out, _("Database '%s' is ready (schema version %d).\n"), ctx->db_path,
           rapat_store_version (ctx->store));
  return TRUE;
}

/* demo: loads the sample meeting and prints its id. */
static gboolean
demo_run (RapatCmdContext *ctx, GError **error)
{
  gint64 id;

  if (!rapat_demo_load (ctx->store, ctx->now, &id, error))
    return FALSE;
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

const RapatCommand rapat_init_commands[] = {
  { "", "", N_("Create the database, or bring it to this version's schema"), NULL,
    RAPAT_CMD_STORE, 0, 0, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, init_run },
  { NULL },
};

const RapatCommand rapat_demo_commands[] = {
  { "", "", N_("Load the sample: the Rakernis of Kanwil Ditjenpas Maluku, 2 Sep 2025"),
    N_("Loading twice adds nothing: units and people are matched by name, the meeting by uid.\n"
       "Prints the sample meeting's id."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 0, 0, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE, demo_run },
  { NULL },
};
