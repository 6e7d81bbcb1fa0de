/* rapat — the directory's rules (domain layer). */
#include "directory.h"
#include "nip.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Replaces *@field with @value (owned), or clears it for NULL. */
static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

gboolean
rapat_person_set (RapatPerson *p, RapatPersonField field, const char *value, GError **error)
{
  char *norm = NULL;

  if (value == NULL)
    return TRUE;
  if (*value == '\0' && field != RAPAT_PERSON_NAME)
    {
      if (field == RAPAT_PERSON_RANK)
        p->rank = 0;
      else
        replace (field == RAPAT_PERSON_POSITION ? &p->position
                 : field == RAPAT_PERSON_EMAIL ? &p->email
                 : field == RAPAT_PERSON_PHONE ? &p->phone
                 : field == RAPAT_PERSON_NIP ? &p->nip
                 : field == RAPAT_PERSON_PANGKAT ? &p->pangkat : &p->eselon, NULL);
      return TRUE;
    }
  switch (field)
    {
    case RAPAT_PERSON_NAME:
      if (!rapat_text_check (_("name"), value, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, error))
        return FALSE;
      replace (&p->name, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_POSITION:
      if (!rapat_text_check (_("position"), value, RAPAT_TEXT_LINE, RAPAT_MAX_NAME, error))
        return FALSE;
      replace (&p->position, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_EMAIL:
      if (!rapat_email_check (value, error)
          || !rapat_text_check (_("e-mail"), value, RAPAT_TEXT_LINE, RAPAT_MAX_EMAIL, error))
        return FALSE;
      replace (&p->email, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_PHONE:
      if (strspn (value, "0123456789+-() .") != strlen (value))
        {
          g_autofree char *ex = rapat_text_excerpt (value);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("phone '%s': only digits, spaces and + - ( ) . are allowed"), ex);
          return FALSE;
        }
      if (!rapat_text_check (_("phone"), value, RAPAT_TEXT_LINE, RAPAT_MAX_CODE, error))
        return FALSE;
      replace (&p->phone, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_NIP:
      norm = rapat_nip_normalize (value, error);
      if (norm == NULL)
        return FALSE;
      replace (&p->nip, norm);
      return TRUE;
    case RAPAT_PERSON_PANGKAT:
      if (!rapat_text_check (_("pangkat"), value, RAPAT_TEXT_LINE, RAPAT_MAX_PANGKAT, error))
        return FALSE;
      replace (&p->pangkat, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_ESELON:
      norm = rapat_eselon_normalize (value, error);
      if (norm == NULL)
        return FALSE;
      replace (&p->eselon, norm);
      return TRUE;
    case RAPAT_PERSON_RANK:
      {
        guint64 n = 0;

        if (!g_ascii_string_to_unsigned (value, 10, 1, 999999, &n, NULL))
          {
            g_autofree char *ex = rapat_text_excerpt (value);
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("rank '%s': must be a whole number from 1 to 999999"), ex);
            return FALSE;
          }
        p->rank = (gint64) n;
        return TRUE;
      }
    }
  g_return_val_if_reached (FALSE);
}

const char *
rapat_person_get (const RapatPerson *p, RapatPersonField field, char *buf)
{
  switch (field)
    {
    case RAPAT_PERSON_NAME:
      return p->name;
    case RAPAT_PERSON_POSITION:
      return p->position;
    case RAPAT_PERSON_EMAIL:
      return p->email;
    case RAPAT_PERSON_PHONE:
      return p->phone;
    case RAPAT_PERSON_NIP:
      return p->nip;
    case RAPAT_PERSON_PANGKAT:
      return p->pangkat;
    case RAPAT_PERSON_ESELON:
      return p->eselon;
    case RAPAT_PERSON_RANK:
      if (p->rank == 0)
        return NULL;
      g_snprintf (buf, 24, "%" G_GINT64_FORMAT, p->rank);
      return buf;
    }
  return NULL;
}

/* ---- import ---- */

/* One field an import column may fill: its name (as exports write it) and
 * the header keys (header_key()) that mean it, space separated. */
typedef struct {
  const char *name;
  const char *keys;
} ImportField;

enum { P_NAME, P_POSITION, P_UNIT, P_EMAIL, P_PHONE, P_NIP, P_PANGKAT, P_ESELON, P_RANK, P_N };

static const ImportField person_fields[P_N] = {
  { "name", "name nama namalengkap fullname" },
  { "position", "position jabatan" },
  { "unit", "unit unitkerja satker satuankerja" },
  { "email", "email surel alamatemail alamatsurel" },
  { "phone", "phone telepon telp hp nohp nomorhp notelp nomortelepon telephone" },
  { "nip", "nip" },
  { "pangkat", "pangkat golongan pangkatgolongan gol pangkatgol" },
  { "eselon", "eselon echelon" },
  { "rank", "rank urutan nourut order" },
};

/* The person field each P_ column sets (-1: the unit, resolved apart). */
static const int person_field_of[P_N] = {
  RAPAT_PERSON_NAME, RAPAT_PERSON_POSITION, -1, RAPAT_PERSON_EMAIL, RAPAT_PERSON_PHONE,
  RAPAT_PERSON_NIP, RAPAT_PERSON_PANGKAT, RAPAT_PERSON_ESELON, RAPAT_PERSON_RANK,
};

const char *const rapat_person_csv_columns[] = {
  "name", "position", "unit", "email", "phone", "nip", "pangkat", "eselon", "rank", NULL,
};

enum { U_NAME, U_CODE, U_PARENT, U_N };

static const ImportField unit_fields[U_N] = {
  { "name", "name nama namaunit unitname unit unitkerja satker satuankerja" },
  { "code", "code kode kodeunit" },
  { "parent", "parent induk unitinduk parentunit" },
};

const char *const rapat_unit_csv_columns[] = { "name", "code", "parent", NULL };

void
rapat_import_plan_clear (RapatImportPlan *plan)
{
  plan->n_new = plan->n_changed = plan->n_unchanged = 0;
  g_clear_pointer (&plan->lines, g_ptr_array_unref);
}

/* Returns @text as a header key: lower case, without spaces and
 * punctuation ("E-mail" and "e mail" give "email"). */
static char *
header_key (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

/* Returns the index in @fields of the field @text names (a header or a
 * field name), or -1. */
static int
field_of (const ImportField *fields, guint n_fields, const char *text)
{
  g_autofree char *key = header_key (text);

  for (guint f = 0; f < n_fields; f++)
    {
      g_auto(GStrv) keys = g_strsplit (fields[f].keys, " ", -1);

      if (g_strv_contains ((const char *const *) keys, key))
        return (int) f;
    }
  return -1;
}

/* Returns the names of @fields as one comma-separated list. */
static char *
field_names (const ImportField *fields, guint n_fields)
{
  GString *s = g_string_new (NULL);

  for (guint f = 0; f < n_fields; f++)
    g_string_append_printf (s, "%s%s", f > 0 ? ", " : "", fields[f].name);
  return g_string_free (s, FALSE);
}

/* Appends "FILE:LINE: column 'COLUMN': MESSAGE" (or without the column,
 * for NULL) to @errors. */
static void
add_error (GPtrArray *errors, const char *file, guint line, const char *column,
           const char *message)
{
  g_autofree char *ex = column != NULL ? rapat_text_excerpt (column) : NULL;

  if (column != NULL)
    g_ptr_array_add (errors, g_strdup_printf (_("%s:%u: column '%s': %s"), file, line, ex,
                                              message));
  else
    g_ptr_array_add (errors, g_strdup_printf ("%s:%u: %s", file, line, message));
}

/* Fills @cols (one per column of the header of @csv: the index of the
 * field it fills, or -1 to skip it) and @have (one per field: its column,
 * or -1) from the header and @map; appends a line to @errors for each
 * column nobody knows and each field given twice. */
static void
map_columns (const RapatCsv *csv, const char *file, char **map, const ImportField *fields,
             guint n_fields, int *cols, int *have, GPtrArray *errors)
{
  const RapatCsvRecord *header = csv->records->pdata[0];
  g_autofree gboolean *forced = g_new0 (gboolean, header->n_fields);
  g_autofree char *known = field_names (fields, n_fields);

  for (guint c = 0; c < header->n_fields; c++)
    cols[c] = -1;
  for (guint f = 0; f < n_fields; f++)
    have[f] = -1;
  for (guint m = 0; map != NULL && map[m] != NULL; m++)
    {
      const char *eq = strrchr (map[m], '=');
      g_autofree char *column = eq != NULL ? g_strndup (map[m], eq - map[m]) : NULL;
      g_autofree char *column_key = column != NULL ? header_key (column) : NULL;
      g_autofree char *ex = rapat_text_excerpt (map[m]);
      int field = eq == NULL ? -1 : strcmp (eq + 1, "-") == 0 ? -2
                  : field_of (fields, n_fields, eq + 1);
      gboolean found = FALSE;

      if (eq == NULL || field == -1)
        {
          g_ptr_array_add (errors, g_strdup_printf (_("--map '%s': write COLUMN=FIELD, a field "
                                                      "being one of %s, or - to skip the "
                                                      "column"), ex, known));
          continue;
        }
      for (guint c = 0; c < header->n_fields; c++)
        {
          g_autofree char *key = header_key (header->fields[c]);

          if (strcmp (key, column_key) == 0)
            {
              cols[c] = field >= 0 ? field : -1;
              forced[c] = found = TRUE;
            }
        }
      if (!found)
        g_ptr_array_add (errors, g_strdup_printf (_("--map '%s': %s has no column '%s'"), ex,
                                                  file, column));
    }
  for (guint c = 0; c < header->n_fields; c++)
    {
      const char *title = header->fields[c];
      g_autofree char *key = header_key (title);

      if (!forced[c] && *key == '\0')
        continue;
      if (!forced[c])
        cols[c] = field_of (fields, n_fields, title);
      if (!forced[c] && cols[c] < 0)
        {
          g_autofree char *ex = rapat_text_excerpt (title);
          g_autofree char *msg = g_strdup_printf (_("not a field rapat knows (%s); name it with "
                                                    "--map '%s=FIELD', or skip it with "
                                                    "--map '%s=-'"), known, ex, ex);
          add_error (errors, file, header->line, title, msg);
          continue;
        }
      if (cols[c] >= 0 && have[cols[c]] >= 0)
        {
          g_autofree char *other = rapat_text_excerpt (header->fields[have[cols[c]]]);
          g_autofree char *msg = g_strdup_printf (_("field '%s' already comes from column '%s'"),
                                                  fields[cols[c]].name, other);
          add_error (errors, file, header->line, title, msg);
          continue;
        }
      if (cols[c] >= 0)
        have[cols[c]] = (int) c;
    }
}

/* Returns the cell of @rec in column @col, trimmed, "" when the row is
 * shorter; a leading apostrophe that rapat's CSV writer put before = + - @
 * (so spreadsheets do not run it as a formula) is taken off. */
static char *
cell (const RapatCsvRecord *rec, int col)
{
  char *v;

  if (col < 0 || (guint) col >= rec->n_fields)
    return g_strdup ("");
  v = g_strstrip (g_strdup (rec->fields[col]));
  if (v[0] == '\'' && v[1] != '\0' && strchr ("=+-@", v[1]) != NULL)
    memmove (v, v + 1, strlen (v));
  return v;
}

/* Returns TRUE when the record has only empty cells (spreadsheets write
 * rows of separators below the data). */
static gboolean
record_blank (const RapatCsvRecord *rec)
{
  for (guint f = 0; f < rec->n_fields; f++)
    {
      g_autofree char *v = g_strstrip (g_strdup (rec->fields[f]));

      if (*v != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Appends an error to @errors when @rec has cells beyond the header's
 * @n_columns that are not empty; returns FALSE then. */
static gboolean
check_width (const RapatCsvRecord *rec, guint n_columns, const char *file, GPtrArray *errors)
{
  for (guint f = n_columns; f < rec->n_fields; f++)
    {
      g_autofree char *v = g_strstrip (g_strdup (rec->fields[f]));

      if (*v != '\0')
        {
          g_autofree char *msg = g_strdup_printf (_("%u cells, but the header names %u columns"),
                                                  rec->n_fields, n_columns);
          add_error (errors, file, rec->line, NULL, msg);
          return FALSE;
        }
    }
  return TRUE;
}

/* Returns the line an error of @errors is about (0 for none), read back
 * from its "FILE:LINE:" start; @file is passed as the sort's data. */
static guint
error_line (const char *e, const char *file)
{
  gsize n = strlen (file);

  if (strncmp (e, file, n) != 0 || e[n] != ':' || !g_ascii_isdigit (e[n + 1]))
    return 0;
  return (guint) strtoul (e + n + 1, NULL, 10);
}

/* Orders errors by the line they are about (stable: same line, same order). */
static gint
error_cmp (gconstpointer a, gconstpointer b, gpointer file)
{
  guint x = error_line (*(const char *const *) a, file);
  guint y = error_line (*(const char *const *) b, file);

  return x < y ? -1 : x > y;
}

/* Fails with all of @errors as one message, a line each in the order of
 * the file, and a last line counting them. */
static gboolean
fail_with (GPtrArray *errors, const char *file, GError **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);

  g_ptr_array_sort_with_data (errors, error_cmp, (gpointer) file);

  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (msg, "%s\n", (const char *) errors->pdata[i]);
  g_string_append_printf (msg, g_dngettext (NULL, "%s: %u error; nothing was imported",
                                            "%s: %u errors; nothing was imported", errors->len),
                          file, errors->len);
  g_set_error_literal (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, msg->str);
  return FALSE;
}

/* Returns a key of @text for finding units and people: rapat_text_fold(). */
static char *
fold (const char *text)
{
  return rapat_text_fold (text != NULL ? text : "");
}

/* Returns the key of a person's name within a unit. */
static char *
name_key (gint64 unit_id, const char *name)
{
  g_autofree char *folded = fold (name);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", unit_id, folded);
}

/* Returns a new copy of @p. */
static RapatPerson *
person_copy (const RapatPerson *p)
{
  RapatPerson *c = rapat_person_new ();

  c->id = p->id;
  c->name = g_strdup (p->name);
  c->position = g_strdup (p->position);
  c->unit_id = p->unit_id;
  c->email = g_strdup (p->email);
  c->phone = g_strdup (p->phone);
  c->nip = g_strdup (p->nip);
  c->pangkat = g_strdup (p->pangkat);
  c->eselon = g_strdup (p->eselon);
  c->rank = p->rank;
  return c;
}

/* One row of a people import: the person it leaves (a copy of the one it
 * updates, or a new one) and where it stands in the file. */
typedef struct {
  guint line;
  RapatPerson *person;
  GString *changed;    /* the fields that change, "" for none; NULL for a new person */
} PersonRow;

/* Frees a PersonRow. */
static void
person_row_free (PersonRow *row)
{
  rapat_person_free (row->person);
  if (row->changed != NULL)
    g_string_free (row->changed, TRUE);
  g_free (row);
}

/* Appends @field to @changed when @a and @b differ. */
static void
note_change (GString *changed, const char *field, const char *a, const char *b)
{
  if (g_strcmp0 (a, b) != 0)
    g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", field);
}

/* Returns, in the column order of the import, the fields of @after that
 * differ from @before. */
static GString *
person_changes (const RapatPerson *before, const RapatPerson *after)
{
  GString *changed = g_string_new (NULL);
  char a[24], b[24];

  for (guint f = 0; f < P_N; f++)
    {
      if (f == P_UNIT)
        {
          if (before->unit_id != after->unit_id)
            note_change (changed, person_fields[f].name, "a", "b");
          continue;
        }
      note_change (changed, person_fields[f].name,
                   rapat_person_get (before, person_field_of[f], a),
                   rapat_person_get (after, person_field_of[f], b));
    }
  return changed;
}

/* Adds @key → GUINT_TO_POINTER (@line) to @seen, or appends an error
 * naming the line that had it first. */
static gboolean
check_seen (GHashTable *seen, char *key, guint line, const char *file, const char *column,
            const char *value, GPtrArray *errors)
{
  gpointer first = g_hash_table_lookup (seen, key);

  if (first != NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (value);
      g_autofree char *msg = g_strdup_printf (_("'%s' is also on line %u"), ex,
                                              GPOINTER_TO_UINT (first));
      add_error (errors, file, line, column, msg);
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (seen, key, GUINT_TO_POINTER (line));
  return TRUE;
}

/* Fills @units_by_key with every unit of @units under its folded code and
 * its folded name. */
static void
index_units (GPtrArray *units, GHashTable *units_by_key)
{
  for (guint i = 0; i < units->len; i++)
    {
      RapatUnit *u = units->pdata[i];

      g_hash_table_insert (units_by_key, fold (u->name), u);
      if (u->code != NULL)
        g_hash_table_insert (units_by_key, fold (u->code), u);
    }
}

/* Reads one people row into @row (a new person with the row's fields);
 * appends an error for each bad cell. */
static gboolean
person_row_read (const RapatCsvRecord *rec, const RapatCsvRecord *header, const int *have,
                 GHashTable *units_by_key, const char *file, RapatPerson *row,
                 GPtrArray *errors)
{
  gboolean ok = TRUE;

  for (guint f = 0; f < P_N; f++)
    {
      g_autofree char *v = cell (rec, have[f]);
      g_autoptr(GError) local = NULL;

      if (have[f] < 0)
        continue;
      if (f == P_UNIT)
        {
          g_autofree char *key = fold (v);
          const RapatUnit *u = *v != '\0' ? g_hash_table_lookup (units_by_key, key) : NULL;

          if (*v != '\0' && u == NULL)
            {
              g_autofree char *ex = rapat_text_excerpt (v);
              g_autofree char *msg = g_strdup_printf (_("no unit '%s' (give its code or exact "
                                                        "name; import the units first)"), ex);
              add_error (errors, file, rec->line, header->fields[have[f]], msg);
              ok = FALSE;
            }
          row->unit_id = u != NULL ? u->id : 0;
        }
      else if (!rapat_person_set (row, person_field_of[f], v, &local))
        {
          add_error (errors, file, rec->line, header->fields[have[f]], local->message);
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
rapat_person_import (RapatStore *store, const RapatCsv *csv, const char *file, char **map,
                     RapatImportPlan *plan, GError **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) person_row_free);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) units_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr(GHashTable) by_nip = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen_nip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  g_autoptr(GHashTable) seen_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  const RapatCsvRecord *header;
  int have[P_N];
  g_autofree int *cols = NULL;

  rapat_import_plan_clear (plan);
  plan->lines = g_ptr_array_new_with_free_func (g_free);
  if (csv->records->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("%s: no header line"), file);
      return FALSE;
    }
  header = csv->records->pdata[0];
  cols = g_new (int, header->n_fields);
  map_columns (csv, file, map, person_fields, P_N, cols, have, errors);
  if (have[P_NAME] < 0 && have[P_NIP] < 0 && have[P_EMAIL] < 0)
    add_error (errors, file, header->line, NULL,
               _("no column for the name, the NIP or the e-mail (headers such as \"nama\", "
                 "\"nip\", \"email\", or --map COLUMN=name)"));
  if (errors->len > 0)
    return fail_with (errors, file, error);
  units = rapat_store_unit_list (store, error);
  people = units != NULL ? rapat_store_person_list (store, 0, error) : NULL;
  if (people == NULL)
    return FALSE;
  index_units (units, units_by_key);
  for (guint i = 0; i < people->len; i++)
    {
      RapatPerson *p = people->pdata[i];
      GPtrArray *same;

      if (p->nip != NULL)
        g_hash_table_insert (by_nip, p->nip, p);
      if (p->email != NULL)
        g_hash_table_insert (by_email, fold (p->email), p);
      /* Under the name alone (unit -1) too, for a file without units. */
      for (int k = 0; k < 2; k++)
        {
          char *key = name_key (k == 0 ? p->unit_id : -1, p->name);

          same = g_hash_table_lookup (by_name, key);
          if (same == NULL)
            {
              same = g_ptr_array_new ();
              g_hash_table_insert (by_name, key, same);
            }
          else
            g_free (key);
          g_ptr_array_add (same, p);
        }
    }

  for (guint r = 1; r < csv->records->len; r++)
    {
      const RapatCsvRecord *rec = csv->records->pdata[r];
      g_autoptr(RapatPerson) row = rapat_person_new ();
      const RapatPerson *match = NULL;
      PersonRow *pr;
      gboolean ok = TRUE;

      if (record_blank (rec) || !check_width (rec, header->n_fields, file, errors))
        continue;
      if (!person_row_read (rec, header, have, units_by_key, file, row, errors))
        continue;
      /* Duplicates within the file: the same NIP or e-mail twice, or, for
       * rows with neither, the same name in the same unit. */
      if (row->nip != NULL)
        ok &= check_seen (seen_nip, g_strdup (row->nip), rec->line, file,
                          header->fields[have[P_NIP]], row->nip, errors);
      if (row->email != NULL)
        ok &= check_seen (seen_email, fold (row->email), rec->line, file,
                          header->fields[have[P_EMAIL]], row->email, errors);
      if (row->nip == NULL && row->email == NULL && row->name != NULL)
        ok &= check_seen (seen_name, name_key (have[P_UNIT] >= 0 ? row->unit_id : -1, row->name),
                          rec->line, file, header->fields[have[P_NAME]], row->name, errors);
      if (!ok)
        continue;
      /* Who the row updates: the NIP, else the e-mail, else the name. */
      if (row->nip != NULL)
        match = g_hash_table_lookup (by_nip, row->nip);
      if (match == NULL && row->email != NULL)
        {
          g_autofree char *key = fold (row->email);
          match = g_hash_table_lookup (by_email, key);
        }
      if (match == NULL && row->name != NULL)
        {
          /* By name: someone with no NIP yet (a sheet that adds the NIPs
           * updates the people it names), or anyone for a row without one. */
          g_autofree char *key = name_key (have[P_UNIT] >= 0 ? row->unit_id : -1, row->name);
          GPtrArray *same = g_hash_table_lookup (by_name, key);
          g_autoptr(GPtrArray) cands = g_ptr_array_new ();

          for (guint k = 0; same != NULL && k < same->len; k++)
            if (row->nip == NULL || ((RapatPerson *) same->pdata[k])->nip == NULL)
              g_ptr_array_add (cands, same->pdata[k]);
          if (cands->len > 1)
            {
              g_autofree char *ex = rapat_text_excerpt (row->name);
              g_autofree char *msg = g_strdup_printf (_("'%s' is %u people in the database "
                                                        "(ids %" PRId64 " and %" PRId64 "...); "
                                                        "give the NIP or the e-mail to say "
                                                        "which"),
                                                      ex, cands->len,
                                                      ((RapatPerson *) cands->pdata[0])->id,
                                                      ((RapatPerson *) cands->pdata[1])->id);
              add_error (errors, file, rec->line, header->fields[have[P_NAME]], msg);
              continue;
            }
          if (cands->len == 1)
            match = cands->pdata[0];
        }
      if (row->email != NULL)
        {
          /* The e-mail of someone else than the person the row updates. */
          g_autofree char *key = fold (row->email);
          const RapatPerson *owner = g_hash_table_lookup (by_email, key);

          if (owner != NULL && owner != match)
            {
              g_autofree char *ex = rapat_text_excerpt (row->email);
              g_autofree char *msg = g_strdup_printf (_("e-mail '%s': already belongs to %s"),
                                                      ex, owner->name);
              add_error (errors, file, rec->line, header->fields[have[P_EMAIL]], msg);
              continue;
            }
        }
      if (match != NULL)
        {
          gpointer first = g_hash_table_lookup (seen_person, &match->id);

          if (first != NULL)
            {
              g_autofree char *msg = g_strdup_printf (_("updates %s, as line %u does"),
                                                      match->name, GPOINTER_TO_UINT (first));
              add_error (errors, file, rec->line, NULL, msg);
              continue;
            }
          g_hash_table_insert (seen_person, (gpointer) &match->id,
                               GUINT_TO_POINTER (rec->line));
        }
      if (match == NULL && row->name == NULL)
        {
          add_error (errors, file, rec->line, NULL,
                     _("nobody has this NIP or e-mail, and a new person needs a name"));
          continue;
        }
      pr = g_new0 (PersonRow, 1);
      pr->line = rec->line;
      if (match == NULL)
        pr->person = g_steal_pointer (&row);
      else
        {
          /* Only the columns the file has change the person. */
          pr->person = person_copy (match);
          for (guint f = 0; f < P_N; f++)
            if (have[f] >= 0 && f == P_UNIT)
              pr->person->unit_id = row->unit_id;
            else if (have[f] >= 0)
              {
                char buf[24];
                const char *v = rapat_person_get (row, person_field_of[f], buf);

                rapat_person_set (pr->person, person_field_of[f], v != NULL ? v : "", NULL);
              }
          pr->changed = person_changes (match, pr->person);
        }
      g_ptr_array_add (rows, pr);
    }
  if (errors->len > 0)
    return fail_with (errors, file, error);

  for (guint i = 0; i < rows->len; i++)
    {
      PersonRow *pr = rows->pdata[i];
      g_autoptr(GError) local = NULL;

      if (pr->changed != NULL && pr->changed->len == 0)
        {
          plan->n_unchanged++;
          continue;
        }
      if (pr->changed == NULL ? !rapat_store_person_insert (store, pr->person, &local)
                              : !rapat_store_person_update (store, pr->person, &local))
        {
          if (!g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_EXISTS)
              && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_INVALID)
              && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_MALFORMED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          add_error (errors, file, pr->line, NULL, local->message);
          continue;
        }
      if (pr->changed == NULL)
        {
          plan->n_new++;
          g_ptr_array_add (plan->lines, g_strdup_printf (_("line %u: new %s"), pr->line,
                                                         pr->person->name));
        }
      else
        {
          plan->n_changed++;
          g_ptr_array_add (plan->lines, g_strdup_printf (_("line %u: changed %s: %s"), pr->line,
                                                         pr->person->name, pr->changed->str));
        }
    }
  if (errors->len > 0)
    return fail_with (errors, file, error);
  return TRUE;
}

/* One row of a units import. */
typedef struct {
  guint line;
  char *name;
  char *code;              /* NULL when empty */
  char *parent;            /* as written, "" for none */
  const RapatUnit *match;  /* the unit it updates, or NULL */
  int parent_row;          /* the row of its parent, or -1 */
  gint64 parent_db;        /* else the stored unit that is its parent, or 0 */
  guint depth;             /* rows above it in the final tree */
  char *planned;           /* the plan's line for it, once written */
} UnitRow;

/* Frees a UnitRow. */
static void
unit_row_free (UnitRow *row)
{
  g_free (row->name);
  g_free (row->code);
  g_free (row->parent);
  g_free (row->planned);
  g_free (row);
}

/* Finds the final parent of row @i of @rows as a row (*@row) or a stored
 * unit not in the file (*@db): @rows_of_unit maps a stored unit's id to the
 * row that updates it. */
static void
unit_parent_of (GPtrArray *rows, GHashTable *units_by_id, GHashTable *rows_of_unit, int i,
                gint64 db_id, int *row, gint64 *db)
{
  gint64 parent;

  *row = -1;
  *db = 0;
  if (i >= 0)
    {
      const UnitRow *ur = rows->pdata[i];

      if (ur->parent_row >= 0)
        {
          *row = ur->parent_row;
          return;
        }
      parent = ur->parent_db;
      if (parent == 0 && ur->match != NULL && ur->parent == NULL)
        parent = ur->match->parent_id;
    }
  else
    {
      const RapatUnit *u = g_hash_table_lookup (units_by_id, &db_id);
      parent = u != NULL ? u->parent_id : 0;
    }
  if (parent != 0 && g_hash_table_contains (rows_of_unit, &parent))
    *row = GPOINTER_TO_INT (g_hash_table_lookup (rows_of_unit, &parent)) - 1;
  else
    *db = parent;
}

/* Looks up a unit named by @text (code or name) among @rows, then among
 * the stored units; FALSE when neither has it. */
static gboolean
unit_find (GPtrArray *rows, GHashTable *units_by_key, GHashTable *rows_of_unit,
           const char *text, int *row, gint64 *db)
{
  g_autofree char *key = fold (text);
  const RapatUnit *u;

  *row = -1;
  *db = 0;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rows->len; i++)
      {
        const UnitRow *ur = rows->pdata[i];
        g_autofree char *k = fold (pass == 0 ? ur->code : ur->name);

        if ((pass == 1 || ur->code != NULL) && strcmp (k, key) == 0)
          {
            *row = (int) i;
            return TRUE;
          }
      }
  u = g_hash_table_lookup (units_by_key, key);
  if (u == NULL)
    return FALSE;
  if (g_hash_table_contains (rows_of_unit, &u->id))
    *row = GPOINTER_TO_INT (g_hash_table_lookup (rows_of_unit, &u->id)) - 1;
  else
    *db = u->id;
  return TRUE;
}

/* Returns the name of the unit a walk stands on, for a cycle's message. */
static const char *
walk_name (GPtrArray *rows, GHashTable *units_by_id, int row, gint64 db)
{
  const RapatUnit *u;

  if (row >= 0)
    return ((UnitRow *) rows->pdata[row])->name;
  u = g_hash_table_lookup (units_by_id, &db);
  return u != NULL ? u->name : "?";
}

/* Sets each row's depth in the tree the import leaves; appends an error
 * for each row that would be its own ancestor, naming the cycle. */
static void
unit_rows_order (GPtrArray *rows, GHashTable *units_by_id, GHashTable *rows_of_unit,
                 const RapatCsvRecord *header, int parent_col, const char *file,
                 GPtrArray *errors)
{
  guint limit = rows->len + g_hash_table_size (units_by_id) + 1;

  for (guint i = 0; i < rows->len; i++)
    {
      UnitRow *ur = rows->pdata[i];
      g_autoptr(GString) chain = g_string_new (ur->name);
      int row = (int) i;
      gint64 db = 0;
      guint steps = 0;

      ur->depth = 0;
      for (;;)
        {
          int next_row;
          gint64 next_db;

          unit_parent_of (rows, units_by_id, rows_of_unit, row, db, &next_row, &next_db);
          if (next_row < 0 && next_db == 0)
            break;
          row = next_row;
          db = next_db;
          steps++;
          if (steps <= 8)
            g_string_append_printf (chain, " → %s", walk_name (rows, units_by_id, row, db));
          if (row == (int) i)
            {
              g_autofree char *msg = g_strdup_printf (_("unit '%s' would be below itself (%s)"),
                                                      ur->name, chain->str);
              add_error (errors, file, ur->line,
                         parent_col >= 0 ? header->fields[parent_col] : NULL, msg);
              break;
            }
          if (steps > limit)
            break;   /* above a cycle that does not pass through this row */
          if (row >= 0)
            ur->depth++;
        }
    }
}

/* Compares two rows by depth, then by their place in the file. */
static gint
unit_row_cmp (gconstpointer a, gconstpointer b)
{
  const UnitRow *x = *(UnitRow *const *) a, *y = *(UnitRow *const *) b;

  if (x->depth != y->depth)
    return x->depth < y->depth ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

gboolean
rapat_unit_import (RapatStore *store, const RapatCsv *csv, const char *file, char **map,
                   RapatImportPlan *plan, GError **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_row_free);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) units_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr(GHashTable) units_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) rows_of_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gint64 *ids = NULL;
  const RapatCsvRecord *header;
  int have[U_N];
  g_autofree int *cols = NULL;

  rapat_import_plan_clear (plan);
  plan->lines = g_ptr_array_new_with_free_func (g_free);
  if (csv->records->len == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("%s: no header line"), file);
      return FALSE;
    }
  header = csv->records->pdata[0];
  cols = g_new (int, header->n_fields);
  map_columns (csv, file, map, unit_fields, U_N, cols, have, errors);
  if (have[U_NAME] < 0)
    add_error (errors, file, header->line, NULL,
               _("no column for the name (a header \"nama\" or \"name\", or --map COLUMN=name)"));
  if (errors->len > 0)
    return fail_with (errors, file, error);
  units = rapat_store_unit_list (store, error);
  if (units == NULL)
    return FALSE;
  index_units (units, units_by_key);
  for (guint i = 0; i < units->len; i++)
    g_hash_table_insert (units_by_id, &((RapatUnit *) units->pdata[i])->id, units->pdata[i]);

  /* The rows, each checked, and who they update (by code, else by name). */
  for (guint r = 1; r < csv->records->len; r++)
    {
      const RapatCsvRecord *rec = csv->records->pdata[r];
      g_autofree char *name = cell (rec, have[U_NAME]);
      g_autofree char *code = cell (rec, have[U_CODE]);
      g_autoptr(GError) local = NULL;
      gboolean ok = TRUE;
      UnitRow *ur;

      if (record_blank (rec) || !check_width (rec, header->n_fields, file, errors))
        continue;
      if (!rapat_text_check (_("name"), name, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &local))
        {
          add_error (errors, file, rec->line, header->fields[have[U_NAME]], local->message);
          g_clear_error (&local);
          ok = FALSE;
        }
      if (*code != '\0'
          && !rapat_text_check (_("code"), code, RAPAT_TEXT_LINE, RAPAT_MAX_CODE, &local))
        {
          add_error (errors, file, rec->line, header->fields[have[U_CODE]], local->message);
          ok = FALSE;
        }
      if (!ok)
        continue;
      ok &= check_seen (seen_name, fold (name), rec->line, file, header->fields[have[U_NAME]],
                        name, errors);
      if (*code != '\0')
        ok &= check_seen (seen_code, fold (code), rec->line, file, header->fields[have[U_CODE]],
                          code, errors);
      if (!ok)
        continue;
      ur = g_new0 (UnitRow, 1);
      ur->line = rec->line;
      ur->name = g_steal_pointer (&name);
      ur->code = *code != '\0' ? g_steal_pointer (&code) : NULL;
      ur->parent = have[U_PARENT] >= 0 ? cell (rec, have[U_PARENT]) : NULL;
      ur->parent_row = -1;
      {
        g_autofree char *key = fold (ur->code != NULL ? ur->code : ur->name);
        g_autofree char *name_key_ = fold (ur->name);

        ur->match = ur->code != NULL ? g_hash_table_lookup (units_by_key, key) : NULL;
        if (ur->match == NULL)
          ur->match = g_hash_table_lookup (units_by_key, name_key_);
      }
      if (ur->match != NULL && g_hash_table_contains (rows_of_unit, &ur->match->id))
        {
          guint first = ((UnitRow *) rows->pdata[GPOINTER_TO_INT (
                           g_hash_table_lookup (rows_of_unit, &ur->match->id)) - 1])->line;
          g_autofree char *msg = g_strdup_printf (_("updates %s, as line %u does"),
                                                  ur->match->name, first);
          add_error (errors, file, rec->line, NULL, msg);
          unit_row_free (ur);
          continue;
        }
      g_ptr_array_add (rows, ur);
      if (ur->match != NULL)
        g_hash_table_insert (rows_of_unit, (gpointer) &ur->match->id,
                             GINT_TO_POINTER ((int) rows->len));
    }

  /* The parents, among the rows first, then among the stored units. */
  for (guint i = 0; i < rows->len; i++)
    {
      UnitRow *ur = rows->pdata[i];

      if (ur->parent == NULL || *ur->parent == '\0')
        continue;
      if (!unit_find (rows, units_by_key, rows_of_unit, ur->parent, &ur->parent_row,
                      &ur->parent_db))
        {
          g_autofree char *ex = rapat_text_excerpt (ur->parent);
          g_autofree char *msg = g_strdup_printf (_("no unit '%s' in the file or the database"),
                                                  ex);
          add_error (errors, file, ur->line, header->fields[have[U_PARENT]], msg);
        }
    }
  unit_rows_order (rows, units_by_id, rows_of_unit, header, have[U_PARENT], file, errors);
  if (errors->len > 0)
    return fail_with (errors, file, error);

  /* Parents before their children, so each parent has its id. */
  order = g_ptr_array_new ();
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (order, rows->pdata[i]);
  g_ptr_array_sort (order, unit_row_cmp);
  ids = g_new0 (gint64, rows->len);
  for (guint k = 0; k < order->len; k++)
    {
      UnitRow *ur = order->pdata[k];
      guint index = 0;
      g_autoptr(RapatUnit) u = rapat_unit_new ();
      g_autoptr(GString) changed = g_string_new (NULL);
      g_autoptr(GError) local = NULL;
      gboolean ok;

      g_ptr_array_find (rows, ur, &index);
      if (ur->match != NULL)
        {
          u->id = ur->match->id;
          u->parent_id = ur->match->parent_id;
          u->code = have[U_CODE] >= 0 ? g_strdup (ur->code) : g_strdup (ur->match->code);
        }
      else
        u->code = g_strdup (ur->code);
      u->name = g_strdup (ur->name);
      if (ur->parent != NULL)
        u->parent_id = ur->parent_row >= 0 ? ids[ur->parent_row] : ur->parent_db;
      if (ur->match != NULL)
        {
          note_change (changed, unit_fields[U_NAME].name, ur->match->name, u->name);
          note_change (changed, unit_fields[U_CODE].name, ur->match->code, u->code);
          if (ur->match->parent_id != u->parent_id)
            note_change (changed, unit_fields[U_PARENT].name, "a", "b");
        }
      if (ur->match != NULL && changed->len == 0)
        {
          ids[index] = u->id;
          plan->n_unchanged++;
          continue;
        }
      ok = ur->match == NULL ? rapat_store_unit_insert (store, u, &local)
                             : rapat_store_unit_update (store, u, &local);
      if (!ok)
        {
          if (!g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_EXISTS)
              && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_INVALID)
              && !g_error_matches (local, RAPAT_ERROR, RAPAT_ERROR_MALFORMED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          add_error (errors, file, ur->line, NULL, local->message);
          continue;
        }
      ids[index] = u->id;
      if (ur->match == NULL)
        {
          plan->n_new++;
          ur->planned = g_strdup_printf (_("line %u: new %s"), ur->line, u->name);
        }
      else
        {
          plan->n_changed++;
          ur->planned = g_strdup_printf (_("line %u: changed %s: %s"), ur->line, u->name,
                                         changed->str);
        }
    }
  if (errors->len > 0)
    return fail_with (errors, file, error);
  /* The plan in the file's order, though parents were written first. */
  for (guint i = 0; i < rows->len; i++)
    {
      UnitRow *ur = rows->pdata[i];

      if (ur->planned != NULL)
        g_ptr_array_add (plan->lines, g_steal_pointer (&ur->planned));
    }
  return TRUE;
}
