/* rapat — the RAPAT_ERROR domain. */
#include "rapat.h"

G_DEFINE_QUARK (rapat-error-quark, rapat_error)
