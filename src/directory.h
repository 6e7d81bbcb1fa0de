/* rapat — the directory's rules: a person's fields checked one way for
 * the command line and for imports (domain layer). */
#pragma once

#include "csv-read.h"
#include "model.h"
#include "store.h"

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

/* What an import did, or would do: counts of records, and one line per
 * new or changed record for a dry run. */
typedef struct {
  guint n_new;
  guint n_changed;
  guint n_unchanged;
  GPtrArray *lines;   /* char *: "line 5: changed Ricky Dwi Biantoro: e-mail, nip" */
} RapatImportPlan;

/* Clears @plan's counts and frees its lines (it may be reused). */
void rapat_import_plan_clear (RapatImportPlan *plan);

/* The CSV columns a person export writes and an import reads, in order. */
extern const char *const rapat_person_csv_columns[];
/* The CSV columns of a unit export and import, in order. */
extern const char *const rapat_unit_csv_columns[];

/* Imports the people of @csv (read from the file @file) into @store:
 * columns are matched to fields by their Indonesian or English headers, or
 * by @map ("COLUMN=field", "COLUMN=-" to skip one; may be NULL); each row
 * updates the person with its NIP, else its e-mail, else its exact name in
 * its unit, or adds a new one; an empty cell clears the field, a column
 * left out leaves it as it is.  Fills @plan.  Every problem (a bad value, a
 * duplicate in the file, a unit that does not exist, a clash with the
 * database) is collected; FALSE with RAPAT_ERROR_INVALID and all of them,
 * one line each ("FILE:LINE: column 'nip': ..."), when there is any; the
 * caller's transaction must then be rolled back. */
gboolean rapat_person_import (RapatStore *store, const RapatCsv *csv, const char *file,
                              char **map, RapatImportPlan *plan, GError **error);

/* Imports units as rapat_person_import() imports people: columns name,
 * code, parent; a row updates the unit with its code, else its name; a
 * parent (a code or a name, of a unit in the file or in the database) may
 * come after its children in the file; a cycle is an error. */
gboolean rapat_unit_import (RapatStore *store, const RapatCsv *csv, const char *file,
                            char **map, RapatImportPlan *plan, GError **error);

G_END_DECLS
