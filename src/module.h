/* rapat — opening a loadable module: the mail module, the PDF module
 * (core layer).  Each module exports one function returning its table,
 * whose first member is the ABI number the table was built for. */
#pragma once
#include "rapat.h"

G_BEGIN_DECLS

/* What to open and how to name it in messages. */
typedef struct {
  const char *env;          /* the variable naming the file ("RAPAT_MAIL_MODULE") */
  const char *installed;    /* where 'make install' puts it */
  const char *build;        /* where the build tree has it */
  const char *symbol;       /* the function returning the table */
  guint abi;                /* the ABI the table must carry */
  const char *name;         /* "mail", "PDF": in messages, untranslated */
} RapatModuleSpec;

/* Opens the module of @spec: the file $env names when set (that one or
 * none), else the installed one, else the build tree's; returns its table
 * (kept open for the rest of the process), or NULL with @error naming
 * every path tried and why. */
gconstpointer rapat_module_open (const RapatModuleSpec *spec, GError **error);

G_END_DECLS
