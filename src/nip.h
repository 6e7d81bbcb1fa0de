/* rapat — what Indonesian official papers say of a civil servant: the NIP
 * and the eselon, checked and written one way (core layer). */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

#define RAPAT_NIP_LENGTH 18
#define RAPAT_MAX_PANGKAT 100

/* Returns @text as the 18 digits of a NIP (the spaces people write between
 * its parts dropped), or NULL with RAPAT_ERROR_INVALID naming the value and
 * the part that is wrong: the birth date (YYYYMMDD, a real date), the
 * appointment (TMT CPNS, YYYYMM, a real month after the birth), the sex
 * digit (1 or 2) or the sequence (not 000). */
char *rapat_nip_normalize (const char *text, GError **error);

/* Returns the 18 digits @nip as papers print them, the parts apart:
 * "19720315 199803 1 002"; a copy of anything else. */
char *rapat_nip_format (const char *nip);

/* Returns @text as an eselon written the usual way ("II.a"): a roman level
 * I to V, then a or b ("2a", "ii a", "II/a" are read as well); NULL with
 * RAPAT_ERROR_INVALID otherwise. */
char *rapat_eselon_normalize (const char *text, GError **error);

G_END_DECLS
