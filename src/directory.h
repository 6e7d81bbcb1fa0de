/* rapat — the directory's rules: a person's fields checked one way for
 * the command line and for imports (domain layer). */
#pragma once

#include "model.h"

G_BEGIN_DECLS

/* The fields of a person that text sets (the unit is named, so it is
 * resolved by the caller). */
typedef enum {
  RAPAT_PERSON_NAME,
  RAPAT_PERSON_POSITION,
  RAPAT_PERSON_EMAIL,
  RAPAT_PERSON_PHONE,
  RAPAT_PERSON_NIP,
  RAPAT_PERSON_PANGKAT,
  RAPAT_PERSON_ESELON,
  RAPAT_PERSON_RANK,
} RapatPersonField;

/* Sets @field of @p from @value after checking it: NULL leaves it as it
 * is, "" clears it (refused for the name), anything else is checked (the
 * NIP and eselon by src/nip.c, written the usual way; the rank a whole
 * number from 1 to 999999).  FALSE with RAPAT_ERROR_INVALID and a one-line
 * message naming the value and the reason. */
gboolean rapat_person_set (RapatPerson *p, RapatPersonField field, const char *value,
                           GError **error);

/* Returns @p's @field as text (the rank as digits), NULL when empty; owned by @p
 * except the rank, which is written into @buf (at least 24 bytes). */
const char *rapat_person_get (const RapatPerson *p, RapatPersonField field, char *buf);

G_END_DECLS
