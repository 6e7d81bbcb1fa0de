/* rapat — common definitions shared by every layer. */
#pragma once

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <inttypes.h>

G_BEGIN_DECLS

#define RAPAT_ERROR (rapat_error_quark ())

/* Error codes of the RAPAT_ERROR domain; main() maps USAGE and MALFORMED to
 * exit 2 (a usage error), all others to 1. */
typedef enum {
  RAPAT_ERROR_USAGE,        /* wrong command line: unknown verb, missing argument */
  RAPAT_ERROR_INVALID,      /* a value that breaks a rule (too long, out of range, clashes) */
  RAPAT_ERROR_NOT_FOUND,    /* no record matches */
  RAPAT_ERROR_AMBIGUOUS,    /* several records match a name */
  RAPAT_ERROR_EXISTS,       /* the record would duplicate another */
  RAPAT_ERROR_IN_USE,       /* the record is referenced and cannot be removed */
  RAPAT_ERROR_STORE,        /* the database failed */
  RAPAT_ERROR_SCHEMA,       /* the database was written by a newer rapat */
  RAPAT_ERROR_IO,           /* a file or stream failed */
  RAPAT_ERROR_MALFORMED,    /* a value that does not parse: no date, time, duration,
                               zone or known word; from the command line a usage error */
} RapatError;

/* Returns the quark of the RAPAT_ERROR domain. */
GQuark rapat_error_quark (void);

G_END_DECLS
