/* rapat — "rapat holiday": the days off find-slot skips and meeting add
 * warns of (cli layer).
 *
 * The reading of calendars and the rules are in holiday.c; here are the
 * options, and the words and JSON the user reads. */
#include "cmd.h"
#include "holiday.h"
#include "output.h"
#include "text.h"
#include "timeutil.h"
#include "when.h"

#include <string.h>

typedef struct {
  char *kind;
  char *year;
  char *from;
  char *to;
  gboolean json;
  gboolean dry_run;
} HolidayOptions;

static const RapatOption add_entries[] = {
  RAPAT_OPT_TEXT ("kind", HolidayOptions, kind,
                  N_("national (default), joint-leave (cuti bersama) or local"), N_("KIND")),
  RAPAT_OPT_END,
};

static const RapatOption list_entries[] = {
  RAPAT_OPT_TEXT ("year", HolidayOptions, year, N_("Only the holidays of this year"), N_("YEAR")),
  RAPAT_OPT_TEXT ("from", HolidayOptions, from, N_("Holidays on or after this day, YYYY-MM-DD"),
                  N_("DATE")),
  RAPAT_OPT_TEXT ("to", HolidayOptions, to, N_("Holidays on or before this day, YYYY-MM-DD"),
                  N_("DATE")),
  RAPAT_OPT_JSON (HolidayOptions, json),
  RAPAT_OPT_END,
};

static const RapatOption import_entries[] = {
  RAPAT_OPT_TEXT ("kind", HolidayOptions, kind,
                  N_("Kind of the days that do not name one with X-RAPAT-KIND (default national)"),
                  N_("KIND")),
  RAPAT_OPT_FLAG ("dry-run", HolidayOptions, dry_run,
                  N_("Say what would change, and change nothing")),
  RAPAT_OPT_END,
};

/* The largest calendar file read: a country's holidays for decades are a
 * few hundred kilobytes. */
#define HOLIDAY_FILE_MAX (16 * 1024 * 1024)

/* Parses --kind (NULL: national) into @kind. */
static gboolean
parse_kind (const char *text, int *kind, GError **error)
{
  *kind = RAPAT_HOLIDAY_NATIONAL;
  return text == NULL || rapat_enum_parse (&rapat_holiday_kind_enum, text, kind, error);
}

/* holiday add DATE NAME */
static gboolean
holiday_add (RapatCmdContext *ctx, GError **error)
{
  const HolidayOptions *opt = ctx->options;
  g_autoptr(RapatHoliday) h = NULL;
  gboolean added = FALSE;
  int kind;

  if (!parse_kind (opt->kind, &kind, error))
    return FALSE;
  h = rapat_holiday_make (ctx->args[0], ctx->args[1], kind, error);
  if (h == NULL || !rapat_store_holiday_add (ctx->store, h, ctx->now, &added, error))
    return FALSE;
  if (!added)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_EXISTS,
                   _("holiday '%s' on %s: already in the calendar (id %" PRId64 ")"), h->name,
                   h->day, h->id);
      return FALSE;
    }
  fprintf (ctx->out, "%" G_GINT64_FORMAT "\n", h->id);
  return TRUE;
}

/* Sets @from and @to (new strings, or NULL) to the days --year, --from
 * and --to ask for; --year goes with neither of the others. */
static gboolean
list_bounds (const HolidayOptions *opt, char **from, char **to, GError **error)
{
  if (opt->year != NULL)
    {
      gint64 year = 0;

      if (opt->from != NULL || opt->to != NULL)
        {
          rapat_cmd_usage_error (error, "holiday list", _("give --year or --from/--to, not both"));
          return FALSE;
        }
      if (!rapat_text_parse_id (opt->year, &year) || year < 1900 || year > 9998)
        {
          g_autofree char *ex = rapat_text_excerpt (opt->year);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                       _("year '%s': expected a year from 1900 to 9998"), ex);
          return FALSE;
        }
      *from = g_strdup_printf ("%04" G_GINT64_FORMAT "-01-01", year);
      *to = g_strdup_printf ("%04" G_GINT64_FORMAT "-12-31", year);
      return TRUE;
    }
  if (opt->from != NULL && (*from = rapat_cmd_day (_("from"), opt->from, error)) == NULL)
    return FALSE;
  if (opt->to != NULL && (*to = rapat_cmd_day (_("to"), opt->to, error)) == NULL)
    return FALSE;
  if (*from != NULL && *to != NULL && strcmp (*to, *from) < 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("to '%s': before from '%s'"),
                   opt->to, opt->from);
      return FALSE;
    }
  return TRUE;
}

/* Returns @day ("YYYY-MM-DD") for people: "Sun 17 Aug 2025". */
static char *
day_for_people (const char *day)
{
  int y, m, d;
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (!rapat_time_parse_date ("day", day, &y, &m, &d, NULL))
    return g_strdup (day);
  noon = g_date_time_new (utc, y, m, d, 12, 0, 0);
  return rapat_when_date (g_date_time_to_unix (noon), utc, RAPAT_WHEN_LOCALE);
}

/* Writes @holidays as a JSON array. */
static void
list_json (FILE *out, GPtrArray *holidays)
{
  g_autoptr(RapatJson) json = rapat_json_new (out);

  rapat_json_begin_array (json, NULL);
  for (guint i = 0; i < holidays->len; i++)
    {
      const RapatHoliday *h = holidays->pdata[i];

      rapat_json_begin_object (json, NULL);
      rapat_json_int (json, "id", h->id);
      rapat_json_string (json, "date", h->day);
      rapat_json_string (json, "name", h->name);
      rapat_json_string (json, "kind", rapat_enum_name (&rapat_holiday_kind_enum, h->kind));
      rapat_json_string (json, "source", h->source);
      rapat_json_end_object (json);
    }
  rapat_json_end_array (json);
}

/* Prints @holidays as a table. */
static void
list_table (FILE *out, GPtrArray *holidays)
{
  g_autoptr(RapatTable) table = rapat_table_new (_("Date"), _("Day"), _("Kind"), _("Name"), NULL);

  for (guint i = 0; i < holidays->len; i++)
    {
      const RapatHoliday *h = holidays->pdata[i];
      g_autofree char *day = day_for_people (h->day);

      rapat_table_add (table, h->day, day, rapat_enum_label (&rapat_holiday_kind_enum, h->kind),
                       h->name);
    }
  if (rapat_table_rows (table) == 0)
    fprintf (out, _("No holidays; add them with 'rapat holiday import FILE.ics' or 'rapat holiday add DATE NAME'.\n"));
  else
    rapat_table_print (table, out, "");
}

/* holiday list */
static gboolean
holiday_list (RapatCmdContext *ctx, GError **error)
{
  const HolidayOptions *opt = ctx->options;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) holidays = NULL;

  if (!list_bounds (opt, &from, &to, error))
    return FALSE;
  holidays = rapat_store_holiday_list (ctx->store, from, to, error);
  if (holidays == NULL)
    return FALSE;
  if (opt->json)
    list_json (ctx->out, holidays);
  else
    list_table (ctx->out, holidays);
  return TRUE;
}

/* holiday remove DATE [NAME] */
static gboolean
holiday_remove (RapatCmdContext *ctx, GError **error)
{
  g_autofree char *day = rapat_cmd_day (_("day"), ctx->args[0], error);
  const char *name = ctx->n_args > 1 ? ctx->args[1] : NULL;
  gint64 n;

  if (day == NULL)
    return FALSE;
  n = rapat_store_holiday_remove (ctx->store, day, name, error);
  if (n < 0)
    return FALSE;
  if (n == 0 && name != NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (name);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND,
                   _("holiday '%s' on %s: not in the calendar"), ex, day);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_NOT_FOUND, _("day '%s': no holiday on it"), day);
      return FALSE;
    }
  return TRUE;
}

/* holiday import FILE */
static gboolean
holiday_import (RapatCmdContext *ctx, GError **error)
{
  const HolidayOptions *opt = ctx->options;
  const char *path = ctx->args[0];
  g_autofree char *ex = rapat_cmd_file_label (path);
  g_autoptr(RapatHolidayCalendar) cal = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (rapat_cmd_prepared_bytes (ctx), &len);
  guint added = 0, known = 0;
  int kind;

  if (!parse_kind (opt->kind, &kind, error))
    return FALSE;
  if (len > HOLIDAY_FILE_MAX)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("file '%s': larger than %d MiB, too large for a calendar of holidays"), ex,
                   HOLIDAY_FILE_MAX / (1024 * 1024));
      return FALSE;
    }
  cal = rapat_holiday_parse_ics (data != NULL ? data : "", len, ex, kind, ctx->now, error);
  if (cal == NULL || !rapat_holiday_import (ctx->store, cal->holidays, ctx->now, &added, &known,
                                            error))
    return FALSE;
  for (guint i = 0; i < cal->notes->len; i++)
    rapat_cmd_warn (ctx, "%s", (const char *) cal->notes->pdata[i]);
  if (cal->timed > 0)
    rapat_cmd_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                      "calendar '%s': %u event with a time of day left out (a holiday is a whole day)",
                                      "calendar '%s': %u events with a time of day left out (a holiday is a whole day)",
                                      cal->timed),
                    ex, cal->timed);
  if (cal->cancelled > 0)
    rapat_cmd_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                      "calendar '%s': %u cancelled event left out",
                                      "calendar '%s': %u cancelled events left out",
                                      cal->cancelled),
                    ex, cal->cancelled);
  if (opt->dry_run)
    {
      ctx->dry_run = TRUE;
      fprintf (ctx->out, _("%u to add, %u already known (dry run: nothing changed)\n"), added,
               known);
    }
  else
    fprintf (ctx->out, _("%u added, %u already known\n"), added, known);
  return TRUE;
}

const RapatCommand rapat_holiday_commands[] = {
  { "add", "DATE NAME", N_("Add a holiday"),
    N_("A holiday is a whole day: find-slot skips it, and a meeting on it is added with a\n"
       "warning. KIND: national (libur nasional), joint-leave (cuti bersama) or local."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 2, 2, RAPAT_OPTIONS (add_entries, HolidayOptions),
    RAPAT_TARGET_NONE, holiday_add },
  { "list", "", N_("List holidays, by day"), NULL, RAPAT_CMD_STORE, 0, 0,
    RAPAT_OPTIONS (list_entries, HolidayOptions), RAPAT_TARGET_NONE, holiday_list },
  { "remove", "DATE [NAME]", N_("Remove the holidays of a day, or the one called NAME"), NULL,
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 2, RAPAT_NO_OPTIONS, RAPAT_TARGET_NONE,
    holiday_remove },
  { "import", "FILE.ics", N_("Read the all-day events of an iCalendar file as holidays"),
    N_("Each day an all-day event covers becomes a holiday named by its SUMMARY; a yearly\n"
       "RRULE is expanded (one without an end for the 10 years from this one). Events with\n"
       "a time of day are left out. Importing the same file again adds nothing; a file\n"
       "with a problem is refused whole, naming the line. X-RAPAT-KIND on an event gives\n"
       "its kind. FILE '-' reads standard input."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, 1, RAPAT_OPTIONS (import_entries, HolidayOptions),
    RAPAT_TARGET_NONE, holiday_import, rapat_cmd_prepare_input },
  { NULL },
};
