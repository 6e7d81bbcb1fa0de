/* rapat — the action-item report: text, CSV or JSON (export layer). */
#include "report-actions.h"
#include "csv.h"
#include "layout-html.h"
#include "output.h"
#include "paper.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

static const char *const grouping_names[] = { "none", "owner", "unit", "issue", NULL };
static const char *const grouping_aliases[] = {
  "person", "owner", "tanpa", "none", "penanggung-jawab", "owner", "pj", "owner",
  "unit-kerja", "unit", "isu", "issue", NULL,
};
const RapatEnum rapat_action_grouping_enum = { N_("grouping"), grouping_names, grouping_aliases };

typedef struct {
  guint total;
  guint open;
  guint overdue;
  guint done;
  guint cancelled;
} Counts;

/* Returns the group @a belongs to under @by (borrowed; "" for none). */
static const char *
group_key (const RapatAction *a, RapatActionGrouping by)
{
  switch (by)
    {
    case RAPAT_ACTIONS_BY_OWNER:
      return a->owner_name != NULL ? a->owner_name : "";
    case RAPAT_ACTIONS_BY_UNIT:
      return a->owner_unit_name != NULL ? a->owner_unit_name : _("(no unit)");
    case RAPAT_ACTIONS_BY_ISSUE:
      return a->issue_title != NULL ? a->issue_title : _("(no issue)");
    case RAPAT_ACTIONS_BY_NONE:
    default:
      return "";
    }
}

static RapatActionGrouping sort_by;

/* Orders actions by group, then due day (undated last), then id. */
static int
compare_actions (gconstpointer pa, gconstpointer pb)
{
  const RapatAction *a = *(RapatAction *const *) pa;
  const RapatAction *b = *(RapatAction *const *) pb;
  g_autofree char *ka = g_utf8_collate_key (group_key (a, sort_by), -1);
  g_autofree char *kb = g_utf8_collate_key (group_key (b, sort_by), -1);
  int c = strcmp (ka, kb);

  if (c != 0)
    return c;
  if ((a->due == NULL) != (b->due == NULL))
    return a->due == NULL ? 1 : -1;
  c = g_strcmp0 (a->due, b->due);
  if (c != 0)
    return c;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* Adds @a to @counts. */
static void
count (Counts *counts, const RapatAction *a, const char *as_of)
{
  counts->total++;
  if (rapat_action_is_open (a))
    counts->open++;
  if (rapat_action_is_overdue (a, as_of))
    counts->overdue++;
  if (a->status == RAPAT_ACTION_DONE)
    counts->done++;
  if (a->status == RAPAT_ACTION_CANCELLED)
    counts->cancelled++;
}

/* Returns the counts of the group starting at @from; stores its end in @end. */
static Counts
group_counts (GPtrArray *actions, guint from, RapatActionGrouping by, const char *as_of,
              guint *end)
{
  Counts c = { 0 };
  /* Groups end where the sort key changes, so keys that sort as equal
   * (the same name in two Unicode normal forms) form one group. */
  g_autofree char *key = g_utf8_collate_key (group_key (actions->pdata[from], by), -1);
  guint i = from;

  for (; i < actions->len; i++)
    {
      g_autofree char *k = g_utf8_collate_key (group_key (actions->pdata[i], by), -1);
      if (strcmp (k, key) != 0)
        break;
      count (&c, actions->pdata[i], as_of);
    }
  *end = i;
  return c;
}

/* Returns "3 actions: 1 open (1 overdue), 2 done" for people. */
static char *
counts_text (const Counts *c)
{
  g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                                    c->total), c->total);

  /* TRANSLATORS: "3 actions: 1 open (1 overdue), 2 done, 0 cancelled" */
  return g_strdup_printf (_("%s: %u open (%u overdue), %u done, %u cancelled"), n, c->open,
                          c->overdue, c->done, c->cancelled);
}

/* Writes the text form. */
static void
write_text (FILE *out, const RapatActionReport *r, GPtrArray *actions)
{
  Counts total = { 0 };
  g_autofree char *total_text = NULL;

  fprintf (out, _("Action items as of %s"), r->as_of);
  if (r->scope != NULL && *r->scope != '\0')
    fprintf (out, " — %s", r->scope);
  fputs ("\n", out);
  for (guint i = 0; i < actions->len;)
    {
      guint end;
      Counts c = group_counts (actions, i, r->by, r->as_of, &end);
      g_autoptr(RapatTable) table = rapat_table_new (_("ID"), _("Due"), _("Status"), _("Done"),
                                                     _("Title"), _("Owner"), NULL);
      g_autofree char *ct = counts_text (&c);

      rapat_table_align_right (table, 0);
      rapat_table_align_right (table, 3);
      rapat_table_max_width (table, 4, 50);
      rapat_table_max_width (table, 5, 30);
      if (r->by != RAPAT_ACTIONS_BY_NONE)
        fprintf (out, "\n%s (%s)\n", group_key (actions->pdata[i], r->by), ct);
      else
        fputs ("\n", out);
      for (guint j = i; j < end; j++)
        {
          const RapatAction *a = actions->pdata[j];
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
          g_autofree char *pct = g_strdup_printf ("%d%%", a->progress);
          const char *status = rapat_enum_label (&rapat_action_status_enum, a->status);
          g_autofree char *st = rapat_action_is_overdue (a, r->as_of)
            ? g_strdup_printf (_("%s, overdue"), status) : g_strdup (status);

          rapat_table_add (table, id, a->due != NULL ? a->due : "-", st, pct, a->title,
                           a->owner_name);
          count (&total, a, r->as_of);
        }
      rapat_table_print (table, out, "  ");
      i = end;
    }
  total_text = counts_text (&total);
  fprintf (out, "\n%s %s\n", _("Total:"), total_text);
}

/* Writes the CSV form: a header and one record per action. */
static void
write_csv (FILE *out, const RapatActionReport *r, GPtrArray *actions)
{
  static const char *const header[] = {
    "group", "id", "uid", "title", "owner_type", "owner", "owner_unit", "issue", "meeting_id",
    "meeting", "priority", "due", "status", "progress", "overdue",
  };

  rapat_csv_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < actions->len; i++)
    {
      const RapatAction *a = actions->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      g_autofree char *mid = a->meeting_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, a->meeting_id)
                                                : NULL;
      g_autofree char *pct = g_strdup_printf ("%d", a->progress);
      const char *fields[] = {
        group_key (a, r->by), id, a->uid, a->title, a->owner_person_id != 0 ? "person" : "unit",
        a->owner_name, a->owner_unit_name, a->issue_title, mid, a->meeting_title,
        rapat_enum_name (&rapat_priority_enum, a->priority), a->due,
        rapat_enum_name (&rapat_action_status_enum, a->status), pct,
        rapat_action_is_overdue (a, r->as_of) ? "yes" : "no",
      };

      rapat_csv_record (out, fields, G_N_ELEMENTS (fields));
    }
}

/* Writes @c as members of the current JSON object. */
static void
counts_json (RapatJson *json, const Counts *c)
{
  rapat_json_int (json, "total", c->total);
  rapat_json_int (json, "open", c->open);
  rapat_json_int (json, "overdue", c->overdue);
  rapat_json_int (json, "done", c->done);
  rapat_json_int (json, "cancelled", c->cancelled);
}

void
rapat_report_action_json (RapatJson *json, const RapatAction *a, const char *as_of)
{
  g_autofree char *created = rapat_time_format_utc (a->created_at);
  g_autofree char *done = a->done_at != 0
    ? rapat_time_format_utc (a->done_at) : NULL;

  rapat_json_int (json, "id", a->id);
  rapat_json_string (json, "uid", a->uid);
  rapat_json_string (json, "title", a->title);
  rapat_json_string (json, "description", a->description);
  rapat_json_string (json, "owner_type", a->owner_person_id != 0 ? "person" : "unit");
  rapat_json_id (json, "owner_id", a->owner_person_id != 0 ? a->owner_person_id : a->owner_unit_id);
  rapat_json_string (json, "owner", a->owner_name);
  rapat_json_string (json, "owner_unit", a->owner_unit_name);
  rapat_json_id (json, "meeting_id", a->meeting_id);
  rapat_json_string (json, "meeting", a->meeting_title);
  rapat_json_id (json, "issue_id", a->issue_id);
  rapat_json_string (json, "issue", a->issue_title);
  rapat_json_string (json, "priority", rapat_enum_name (&rapat_priority_enum, a->priority));
  rapat_json_string (json, "due", a->due);
  rapat_json_string (json, "status", rapat_enum_name (&rapat_action_status_enum, a->status));
  rapat_json_int (json, "progress", a->progress);
  rapat_json_bool (json, "overdue", as_of != NULL && rapat_action_is_overdue (a, as_of));
  rapat_json_string (json, "created", created);
  rapat_json_string (json, "done", done);
}

/* Writes the JSON form. */
static void
write_json (FILE *out, const RapatActionReport *r, GPtrArray *actions)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);
  Counts total = { 0 };

  rapat_json_begin_object (json, NULL);
  rapat_json_string (json, "as_of", r->as_of);
  rapat_json_string (json, "by", rapat_enum_name (&rapat_action_grouping_enum, r->by));
  rapat_json_begin_array (json, "groups");
  for (guint i = 0; i < actions->len;)
    {
      guint end;
      Counts c = group_counts (actions, i, r->by, r->as_of, &end);

      rapat_json_begin_object (json, NULL);
      if (r->by == RAPAT_ACTIONS_BY_NONE)
        rapat_json_null (json, "key");
      else
        rapat_json_string (json, "key", group_key (actions->pdata[i], r->by));
      counts_json (json, &c);
      rapat_json_begin_array (json, "actions");
      for (guint j = i; j < end; j++)
        {
          const RapatAction *a = actions->pdata[j];

          rapat_json_begin_object (json, NULL);
          rapat_report_action_json (json, a, r->as_of);
          rapat_json_end_object (json);
          count (&total, a, r->as_of);
        }
      rapat_json_end_array (json);
      rapat_json_end_object (json);
      i = end;
    }
  rapat_json_end_array (json);
  rapat_json_begin_object (json, "totals");
  counts_json (json, &total);
  rapat_json_end_object (json);
  rapat_json_end_object (json);
}

/* The status of @a in the matrix's language, with its progress. */
static char *
matrix_status (const RapatAction *a, gboolean en)
{
  static const char *const id_names[] = { "Belum dilaksanakan", "Dalam proses", "Selesai", "Dibatalkan" };
  static const char *const en_names[] = { "Open", "In progress", "Done", "Cancelled" };
  const char *name = ((guint) a->status < G_N_ELEMENTS (id_names))
                     ? (en ? en_names : id_names)[a->status] : "?";

  if (a->status == RAPAT_ACTION_IN_PROGRESS)
    return g_strdup_printf ("%s (%d%%)", name, a->progress);
  return g_strdup (name);
}

/* Writes the HTML form: the printable matriks tindak lanjut, the layout of
 * its PDF (rapat_report_actions_layout()) as one HTML page. */
static void
write_html (FILE *out, const RapatActionReport *r, GPtrArray *actions)
{
  g_autoptr(RapatLayout) doc = rapat_report_actions_layout (r, actions);

  rapat_layout_html (out, doc);
}

/* Adds one row of the matrix to @t. */
static void
layout_matrix_row (RapatLayoutTable *t, const RapatAction *a, guint no, const char *as_of,
                   gboolean en)
{
  RapatWhenLang lang = en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN;
  g_autofree char *n = g_strdup_printf ("%u", no);
  g_autofree char *due = a->due != NULL ? rapat_when_letter_day (a->due, lang) : g_strdup ("-");
  g_autofree char *status = matrix_status (a, en);
  g_autofree char *issue = a->issue_title != NULL
    ? g_strconcat (en ? "Issue: " : "Isu: ", a->issue_title, NULL) : NULL;
  RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_NORMAL);

  rapat_layout_cell (row, 0, n, RAPAT_ALIGN_CENTER);
  rapat_layout_cell (row, 1, a->title, RAPAT_ALIGN_LEFT);
  rapat_layout_cell_note (row, 1, issue, FALSE);
  rapat_layout_cell (row, 2, a->owner_name, RAPAT_ALIGN_LEFT);
  if (a->owner_person_id != 0)
    rapat_layout_cell_note (row, 2, a->owner_unit_name, FALSE);
  rapat_layout_cell (row, 3, due, RAPAT_ALIGN_LEFT);
  rapat_layout_cell (row, 4, status, RAPAT_ALIGN_LEFT);
  if (rapat_action_is_overdue (a, as_of))
    rapat_layout_cell_note (row, 4, en ? "overdue" : "lewat batas waktu", TRUE);
}

RapatLayout *
rapat_report_actions_layout (const RapatActionReport *r, GPtrArray *actions)
{
  static const char *const id_heads[] = { "No.", "Uraian tindak lanjut", "Penanggung jawab", "Batas waktu", "Status" };
  static const char *const en_heads[] = { "No.", "Action", "Responsible", "Due", "Status" };
  static const double widths[] = { 0.05, 0.40, 0.24, 0.15, 0.16 };
  gboolean en = g_strcmp0 (r->lang, "id") != 0;
  const char *title = en ? "ACTION MATRIX" : "MATRIKS TINDAK LANJUT";
  g_autofree char *day = rapat_when_letter_day (r->as_of, en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN);
  g_autofree char *as_of = g_strdup_printf (en ? "As of %s" : "Keadaan per %s", day);
  g_autoptr(GTimeZone) tz = rapat_when_zone (r->zone);
  RapatLayout *doc = rapat_layout_new (en ? "en" : "id", title);
  RapatLayoutBlock *b;
  RapatLayoutTable *t;

  sort_by = r->by;
  g_ptr_array_sort (actions, compare_actions);
  /* A matrix is printed across the page, as the HTML one. */
  doc->landscape = TRUE;
  rapat_layout_set_printed (doc, r->now, tz);
  rapat_paper_letterhead (doc, r->letterhead);
  b = rapat_layout_add (doc, RAPAT_LAYOUT_TITLE);
  rapat_layout_text (b, title);
  if (r->meeting_title != NULL)
    rapat_layout_text (b, r->meeting_title);
  rapat_layout_text (b, as_of);
  b->keep_with_next = TRUE;
  t = rapat_layout_table (doc, G_N_ELEMENTS (widths), widths,
                          (const char *const *) (en ? en_heads : id_heads));
  for (guint i = 0, no = 1; i < actions->len;)
    {
      guint end;

      group_counts (actions, i, r->by, r->as_of, &end);
      if (r->by != RAPAT_ACTIONS_BY_NONE)
        {
          RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_GROUP);

          rapat_layout_cell (row, 0, group_key (actions->pdata[i], r->by), RAPAT_ALIGN_LEFT);
          row->cells[0].span = G_N_ELEMENTS (widths);
        }
      for (; i < end; i++)
        layout_matrix_row (t, actions->pdata[i], no++, r->as_of, en);
    }
  if (actions->len == 0)
    {
      RapatLayoutRow *row = rapat_layout_row (t, RAPAT_ROW_NORMAL);

      rapat_layout_cell (row, 0, en ? "No action items." : "Tidak ada tindak lanjut.", RAPAT_ALIGN_LEFT);
      row->cells[0].span = G_N_ELEMENTS (widths);
    }
  return doc;
}

void
rapat_report_actions (FILE *out, const RapatActionReport *report, GPtrArray *actions)
{
  sort_by = report->by;
  g_ptr_array_sort (actions, compare_actions);
  switch (report->format)
    {
    case RAPAT_FORMAT_CSV:
      write_csv (out, report, actions);
      break;
    case RAPAT_FORMAT_JSON:
      write_json (out, report, actions);
      break;
    case RAPAT_FORMAT_HTML:
      write_html (out, report, actions);
      break;
    case RAPAT_FORMAT_TEXT:
    default:
      write_text (out, report, actions);
      break;
    }
}
