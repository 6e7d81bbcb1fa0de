/* rapat — the store: checking the whole archive ("rapat check").
 *
 * SQLite's own checks come first (integrity_check, foreign_key_check); then
 * every rule rapat keeps that the schema cannot state, or that a program
 * writing with PRAGMA ignore_check_constraints may have skipped.  Each rule
 * names the rows that break it, so that a repair can start from the id. */
#include "store-private.h"
#include "nip.h"
#include "recur.h"
#include "text.h"
#include "timeutil.h"

#include <stdarg.h>
#include <string.h>

/* Most characters of a uid, a rule and a zone's name: no limit the CLI
 * states, only what no sane value comes near. */
#define MAX_UID    1000
#define MAX_RRULE  500
#define MAX_TZID   200
#define MAX_URL    2000
/* An arrival is taken from 12 hours before the start to the end (cmd-attendee.c). */
#define EARLIEST_ARRIVAL (12 * 3600)
/* Not a RapatTextFlags value: the column is an e-mail (rapat_email_check()). */
#define TEXT_EMAIL (1 << 8)
/* Nor these: a NIP or an eselon, as src/nip.c writes them. */
#define TEXT_NIP (1 << 9)
#define TEXT_ESELON (1 << 10)

/* A statement of this file's own, prepared once and finalized on scope exit. */
typedef sqlite3_stmt CheckStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CheckStmt, sqlite3_finalize)

typedef struct {
  RapatStore *store;
  GPtrArray *problems;     /* RapatProblem */
  GHashTable *bad_zones;   /* tzid -> message, for zones that did not load */
} Check;

void
rapat_problem_free (RapatProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->table);
  g_free (problem->message);
  g_free (problem);
}

/* Records a problem in row @id of @table. */
static void G_GNUC_PRINTF (5, 6)
add (Check *c, const char *table, gint64 id, RapatProblemLevel level, const char *format, ...)
{
  RapatProblem *p = g_new0 (RapatProblem, 1);
  va_list ap;

  va_start (ap, format);
  p->message = g_strdup_vprintf (format, ap);
  va_end (ap);
  p->table = g_strdup (table);
  p->id = id;
  p->level = level;
  g_ptr_array_add (c->problems, p);
}

/* Prepares @sql (built here, not a cached literal); NULL with @error. */
static CheckStmt *
prepare (Check *c, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (c->store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      store_set_error (c->store, error, _("unable to check the database"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* TRUE when a loop of sqlite3_step() ended with @rc = SQLITE_DONE; else sets @error. */
static gboolean
done (Check *c, int rc, GError **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  store_set_error (c->store, error, _("unable to check the database"));
  return FALSE;
}

/* Returns column @col as text (a copy; bytes as stored), or NULL. */
static char *
column_text (CheckStmt *stmt, int col)
{
  const char *v = (const char *) sqlite3_column_blob (stmt, col);
  int n = sqlite3_column_bytes (stmt, col);

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strndup (v != NULL ? v : "", n);
}

/* Returns the zone @tzid, or NULL with *@why set to the reason (owned by @c). */
static GTimeZone *
zone (Check *c, const char *tzid, const char **why)
{
  g_autoptr(GError) local = NULL;
  GTimeZone *tz;

  *why = g_hash_table_lookup (c->bad_zones, tzid);
  if (*why != NULL)
    return NULL;
  tz = rapat_time_zone_load (tzid, NULL, &local);
  if (tz == NULL)
    {
      char *msg = g_strdup (local->message);
      g_hash_table_insert (c->bad_zones, g_strdup (tzid), msg);
      *why = msg;
    }
  return tz;
}

/* Returns @t as "YYYY-MM-DDTHH:MM:SSZ", or as a plain number outside the years rapat keeps. */
static char *
instant_text (gint64 t)
{
  if (!rapat_time_in_range (t))
    return g_strdup_printf ("%" G_GINT64_FORMAT, t);
  return rapat_time_format_utc (t);
}

/* ---- SQLite's own checks ---- */

/* Runs PRAGMA integrity_check.  Damage is recorded as problems of the
 * "database"; rows breaking a CHECK constraint (SQLite names only their
 * table) are counted per table in @check_failed, for the row checks to
 * name.  *@damaged says whether anything other than CHECK failures was
 * found: reading on could then fail on a broken page. */
static gboolean
check_integrity (Check *c, GHashTable *check_failed, gboolean *damaged, GError **error)
{
  static const char prefix[] = "CHECK constraint failed in ";
  g_autoptr(CheckStmt) stmt = prepare (c, "PRAGMA integrity_check(1000)", error);
  int rc;

  *damaged = FALSE;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (line == NULL || strcmp (line, "ok") == 0)
        continue;
      if (g_str_has_prefix (line, prefix))
        {
          const char *table = line + strlen (prefix);
          gpointer n = g_hash_table_lookup (check_failed, table);
          g_hash_table_insert (check_failed, g_strdup (table),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
          continue;
        }
      *damaged = TRUE;
      add (c, "database", 0, RAPAT_PROBLEM_ERROR, _("damaged: %s"), line);
    }
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    {
      *damaged = TRUE;
      add (c, "database", 0, RAPAT_PROBLEM_ERROR, _("damaged: %s"),
           sqlite3_errmsg (c->store->db));
      return TRUE;
    }
  return done (c, rc, error);
}

/* Runs PRAGMA foreign_key_check: each row that refers to a missing one. */
static gboolean
check_foreign_keys (Check *c, GError **error)
{
  g_autoptr(CheckStmt) stmt = prepare (c, "PRAGMA foreign_key_check", error);
  g_autoptr(CheckStmt) column = prepare (c,
    "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2", error);
  int rc;

  if (stmt == NULL || column == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);
      const char *from = NULL;

      sqlite3_reset (column);
      sqlite3_bind_text (column, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (column, 2, sqlite3_column_int64 (stmt, 3));
      if (sqlite3_step (column) == SQLITE_ROW)
        from = (const char *) sqlite3_column_text (column, 0);
      add (c, table, sqlite3_column_int64 (stmt, 1), RAPAT_PROBLEM_ERROR,
           _("%s: refers to a missing row of '%s'"), from != NULL ? from : "?", parent);
    }
  return done (c, rc, error);
}

/* ---- text ---- */

typedef struct {
  const char *table;
  const char *column;
  guint flags;             /* RapatTextFlags, or TEXT_EMAIL, TEXT_NIP, TEXT_ESELON */
  guint max_chars;
} TextRule;

/* The text columns and the rules the CLI applies to them on the way in. */
static const TextRule text_rules[] = {
  { "unit", "name", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "unit", "code", RAPAT_TEXT_LINE, RAPAT_MAX_CODE },
  { "person", "name", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "person", "position", RAPAT_TEXT_LINE, RAPAT_MAX_NAME },
  { "person", "email", TEXT_EMAIL, RAPAT_MAX_EMAIL },
  { "person", "phone", RAPAT_TEXT_LINE, RAPAT_MAX_CODE },
  { "person", "nip", TEXT_NIP, RAPAT_NIP_LENGTH },
  { "person", "pangkat", RAPAT_TEXT_LINE, RAPAT_MAX_PANGKAT },
  { "person", "eselon", TEXT_ESELON, 8 },
  { "meeting", "uid", RAPAT_TEXT_REQUIRED, MAX_UID },
  { "meeting", "title", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "meeting", "kind", RAPAT_TEXT_REQUIRED, RAPAT_MAX_KIND },
  { "meeting", "description", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "meeting", "location", RAPAT_TEXT_LINE, RAPAT_MAX_NAME },
  { "meeting", "tzid", RAPAT_TEXT_REQUIRED, MAX_TZID },
  { "meeting", "cancel_reason", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "meeting", "url", RAPAT_TEXT_LINE, MAX_URL },
  { "series", "uid", RAPAT_TEXT_REQUIRED, MAX_UID },
  { "series", "rrule", RAPAT_TEXT_REQUIRED, MAX_RRULE },
  { "series", "tzid", RAPAT_TEXT_REQUIRED, MAX_TZID },
  { "agenda_item", "title", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "agenda_item", "notes", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "agenda_item", "room", RAPAT_TEXT_LINE, RAPAT_MAX_NAME },
  { "attendee", "note", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "issue", "title", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "issue", "description", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "issue", "category", RAPAT_TEXT_LINE, RAPAT_MAX_KIND },
  { "action", "uid", RAPAT_TEXT_REQUIRED, MAX_UID },
  { "action", "title", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "action", "description", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "action_event", "note", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "minutes", "summary", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "decision", "text", RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED, RAPAT_MAX_TEXT },
  { "minutes_version", "amend_reason", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "invite_message", "message_id", RAPAT_TEXT_REQUIRED, 250 },
  { "itip_request", "comment", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
  { "holiday", "name", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "holiday", "source", RAPAT_TEXT_LINE, 1000 },
  { "person_group", "name", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
  { "person_group", "description", RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT },
};

/* Checks every value of the text columns in text_rules as the CLI checks
 * what it stores there. */
static gboolean
check_text (Check *c, GError **error)
{
  for (guint r = 0; r < G_N_ELEMENTS (text_rules); r++)
    {
      const TextRule *rule = &text_rules[r];
      g_autofree char *sql = g_strdup_printf ("SELECT id, \"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL",
                                              rule->column, rule->table, rule->column);
      g_autoptr(CheckStmt) stmt = prepare (c, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_autofree char *value = column_text (stmt, 1);
          g_autoptr(GError) bad = NULL;

          if ((gsize) sqlite3_column_bytes (stmt, 1) != strlen (value))
            {
              add (c, rule->table, id, RAPAT_PROBLEM_ERROR, _("%s: contains a NUL byte"),
                   rule->column);
              continue;
            }
          if (rule->flags == TEXT_NIP || rule->flags == TEXT_ESELON)
            {
              g_autofree char *norm = rule->flags == TEXT_NIP
                ? rapat_nip_normalize (value, &bad) : rapat_eselon_normalize (value, &bad);

              if (norm != NULL && strcmp (norm, value) == 0)
                continue;
              if (norm != NULL)
                {
                  g_autofree char *ex = rapat_text_excerpt (value);
                  add (c, rule->table, id, RAPAT_PROBLEM_ERROR, _("%s '%s': not written as "
                                                                  "rapat writes it ('%s')"),
                       rule->column, ex, norm);
                  continue;
                }
            }
          else if (rule->flags == TEXT_EMAIL ? rapat_email_check (value, &bad)
                   : rapat_text_check (rule->column, value, rule->flags, rule->max_chars, &bad))
            continue;
          add (c, rule->table, id, RAPAT_PROBLEM_ERROR, "%s", bad->message);
        }
      if (!done (c, rc, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- enumerations ---- */

static const char *const reply_names[] = { "accepted", "declined", "tentative", NULL };
static const char *const reason_names[] = { "time", "zone", "place", NULL };

typedef struct {
  const char *table;
  const char *column;
  const RapatEnum *e;              /* the values; or NULL and: */
  const char *const *names;
} EnumRule;

static const EnumRule enum_rules[] = {
  { "meeting", "status", &rapat_meeting_status_enum, NULL },
  { "agenda_item", "type", &rapat_agenda_type_enum, NULL },
  { "attendee", "role", &rapat_role_enum, NULL },
  { "attendee", "rsvp", &rapat_rsvp_enum, NULL },
  { "attendee", "attendance", &rapat_attendance_enum, NULL },
  { "issue", "status", &rapat_issue_status_enum, NULL },
  { "action", "status", &rapat_action_status_enum, NULL },
  { "action", "priority", &rapat_priority_enum, NULL },
  { "action_event", "status", &rapat_action_status_enum, NULL },
  { "reply_history", "rsvp", NULL, reply_names },
  { "reply_history", "reason", NULL, reason_names },
  { "minutes", "status", &rapat_minutes_status_enum, NULL },
  { "holiday", "kind", &rapat_holiday_kind_enum, NULL },
};

/* Checks that enumerated columns hold one of their canonical names (the
 * CHECK constraints say so, but can be switched off). */
static gboolean
check_enums (Check *c, GError **error)
{
  for (guint r = 0; r < G_N_ELEMENTS (enum_rules); r++)
    {
      const EnumRule *rule = &enum_rules[r];
      const char *const *names = rule->e != NULL ? rule->e->names : rule->names;
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(GString) list = g_string_new (NULL);
      g_autoptr(CheckStmt) stmt = NULL;
      int rc;

      g_string_printf (sql, "SELECT id, \"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL AND \"%s\" NOT IN (",
                       rule->column, rule->table, rule->column, rule->column);
      for (guint i = 0; names[i] != NULL; i++)
        {
          char *q = sqlite3_mprintf ("%Q", names[i]);
          g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", q);
          g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", names[i]);
          sqlite3_free (q);
        }
      g_string_append (sql, ")");
      stmt = prepare (c, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *value = column_text (stmt, 1);
          g_autofree char *ex = rapat_text_excerpt (value);

          add (c, rule->table, sqlite3_column_int64 (stmt, 0), RAPAT_PROBLEM_ERROR,
               _("%s '%s': not one of %s"), rule->column, ex, list->str);
        }
      if (!done (c, rc, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- rules SQL can find row by row ---- */

typedef struct {
  const char *table;
  RapatProblemLevel level;
  const char *sql;         /* selects (id, detail as text) of each row breaking the rule */
  const char *message;     /* N_(), with one %s for the detail */
} SqlRule;

static const SqlRule sql_rules[] = {
  { "meeting", RAPAT_PROBLEM_ERROR,
    "SELECT id, sequence FROM meeting WHERE typeof(sequence) <> 'integer' OR sequence < 0",
    N_("sequence '%s': must be a whole number from 0") },
  { "meeting", RAPAT_PROBLEM_ERROR,
    "SELECT id, status FROM meeting WHERE cancel_reason IS NOT NULL AND status <> 'cancelled'",
    N_("cancel_reason: set, but the status is '%s'") },
  { "meeting", RAPAT_PROBLEM_ERROR,
    "SELECT id, series_id FROM meeting WHERE series_id IS NOT NULL AND recurrence_utc IS NULL",
    N_("recurrence_utc: missing for an occurrence of series %s") },
  { "meeting", RAPAT_PROBLEM_ERROR,
    "SELECT id, recurrence_utc FROM meeting WHERE series_id IS NULL AND recurrence_utc IS NOT NULL",
    N_("recurrence_utc '%s': set, but the meeting belongs to no series") },
  { "meeting", RAPAT_PROBLEM_WARNING,
    "SELECT m.id, count(*) FROM meeting m JOIN attendee a ON a.meeting_id = m.id "
    "WHERE m.status = 'cancelled' AND a.attendance IS NOT NULL GROUP BY m.id",
    /* TRANSLATORS: %s is a count of invitations (one or more). */
    N_("cancelled, yet attendance is recorded on its invitations (%s)") },
  { "series", RAPAT_PROBLEM_ERROR,
    "SELECT id, sequence FROM series WHERE typeof(sequence) <> 'integer' OR sequence < 0",
    N_("sequence '%s': must be a whole number from 0") },
  { "series", RAPAT_PROBLEM_ERROR,
    "SELECT id, duration_s FROM series WHERE typeof(duration_s) <> 'integer' OR duration_s < 1 "
    "OR duration_s > 31 * 86400",
    N_("duration_s '%s': a meeting lasts from 1 second to 31 days") },
  { "series", RAPAT_PROBLEM_WARNING,
    "SELECT s.id, s.uid FROM series s WHERE NOT EXISTS (SELECT 1 FROM meeting m WHERE m.series_id = s.id)",
    N_("series '%s': every occurrence was deleted; nothing refers to it any more") },
  { "agenda_item", RAPAT_PROBLEM_ERROR,
    "SELECT id, duration_min FROM agenda_item WHERE typeof(duration_min) <> 'integer' "
    "OR duration_min < 1 OR duration_min > 1440",
    N_("duration_min '%s': an agenda item lasts from 1 minute to 24 hours") },
  { "agenda_item", RAPAT_PROBLEM_ERROR,
    "SELECT id, sequence FROM agenda_item WHERE typeof(sequence) <> 'integer' OR sequence < 0",
    N_("sequence '%s': must be a whole number from 0") },
  { "agenda_item", RAPAT_PROBLEM_ERROR,
    /* With positions unique per meeting, they run 1..n exactly when none is outside. */
    "SELECT a.id, a.position || ' of ' || (SELECT count(*) FROM agenda_item b "
    "  WHERE b.meeting_id = a.meeting_id) FROM agenda_item a "
    "WHERE typeof(a.position) <> 'integer' OR a.position < 1 "
    "OR a.position > (SELECT count(*) FROM agenda_item b WHERE b.meeting_id = a.meeting_id)",
    N_("position '%s': the items of an agenda are numbered 1 to their count") },
  { "agenda_item", RAPAT_PROBLEM_ERROR,
    "SELECT a.id, a.parallel_with FROM agenda_item a LEFT JOIN agenda_item p ON p.id = a.parallel_with "
    "WHERE a.parallel_with IS NOT NULL AND (p.id IS NULL OR p.meeting_id <> a.meeting_id "
    "  OR p.position >= a.position)",
    N_("parallel_with '%s': not an earlier item of the same meeting") },
  { "agenda_item", RAPAT_PROBLEM_ERROR,
    "SELECT a.id, a.issue_id FROM agenda_item a WHERE a.issue_id IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM issue_meeting im WHERE im.issue_id = a.issue_id AND im.meeting_id = a.meeting_id)",
    N_("issue_id '%s': the item names the issue, but its meeting is not recorded as discussing it") },
  { "attendee", RAPAT_PROBLEM_ERROR,
    "SELECT id, coalesce(attendance, '') FROM attendee "
    "WHERE arrived_utc IS NOT NULL AND attendance IS NOT 'present'",
    N_("arrived_utc: an arrival is recorded, but the attendance '%s' is not present") },
  { "attendee", RAPAT_PROBLEM_ERROR,
    "SELECT a.id, strftime('%Y-%m-%dT%H:%M:%SZ', a.arrived_utc, 'unixepoch') FROM attendee a "
    "JOIN meeting m ON m.id = a.meeting_id WHERE a.arrived_utc IS NOT NULL "
    "AND (typeof(a.arrived_utc) <> 'integer' OR a.arrived_utc > m.end_utc "
    "  OR a.arrived_utc < m.start_utc - 43200)",
    N_("arrived_utc '%s': not between 12 hours before the meeting's start and its end") },
  { "attendee", RAPAT_PROBLEM_ERROR,
    "SELECT id, coalesce(attendance, '') FROM attendee "
    "WHERE represented_by IS NOT NULL AND attendance IS NOT 'represented'",
    N_("represented_by: a stand-in is recorded, but the attendance '%s' is not represented") },
  { "attendee", RAPAT_PROBLEM_ERROR,
    "SELECT id, represented_by FROM attendee WHERE represented_by = person_id",
    N_("represented_by '%s': a person cannot represent themselves") },
  { "issue", RAPAT_PROBLEM_ERROR,
    "SELECT id, status FROM issue WHERE status = 'resolved' AND closed_at IS NULL",
    N_("closed_at: missing, but the status is '%s'") },
  { "issue", RAPAT_PROBLEM_ERROR,
    "SELECT id, status FROM issue WHERE status <> 'resolved' AND closed_at IS NOT NULL",
    N_("closed_at: set, but the status is '%s', not resolved") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT id, '' FROM action WHERE owner_person_id IS NULL AND owner_unit_id IS NULL",
    N_("no owner: an action is owned by one person or one unit") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT id, owner_person_id || ' and unit ' || owner_unit_id FROM action "
    "WHERE owner_person_id IS NOT NULL AND owner_unit_id IS NOT NULL",
    N_("two owners, person %s: an action is owned by one person or one unit") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT id, status FROM action WHERE status = 'done' AND done_at IS NULL",
    N_("done_at: missing, but the status is '%s'") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT id, status FROM action WHERE status <> 'done' AND done_at IS NOT NULL",
    N_("done_at: set, but the status is '%s', not done") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT id, progress FROM action WHERE typeof(progress) <> 'integer' "
    "OR progress < 0 OR progress > 100",
    N_("progress '%s': must be a whole number from 0 to 100") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT id, progress FROM action WHERE status = 'done' AND progress BETWEEN 0 AND 99",
    N_("progress '%s': a done action is 100%% complete") },
  /* The CLI records the link when it raises the action; the store does not
   * (an agenda item's it does), so another program may well have left it out. */
  { "action", RAPAT_PROBLEM_WARNING,
    "SELECT a.id, a.issue_id FROM action a WHERE a.issue_id IS NOT NULL AND a.meeting_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM issue_meeting im WHERE im.issue_id = a.issue_id "
    "  AND im.meeting_id = a.meeting_id)",
    N_("issue_id '%s': raised under the issue, but its meeting is not recorded as discussing it") },
  { "action_event", RAPAT_PROBLEM_ERROR,
    "SELECT id, progress FROM action_event WHERE typeof(progress) <> 'integer' "
    "OR progress < 0 OR progress > 100",
    N_("progress '%s': must be a whole number from 0 to 100") },
  { "decision", RAPAT_PROBLEM_WARNING,
    "SELECT d.id, d.number FROM decision d WHERE d.number > "
    "(SELECT count(*) FROM decision e WHERE e.meeting_id = d.meeting_id)",
    N_("number '%s': the meeting's decisions are not numbered 1, 2, ... without gaps") },
  { "decision", RAPAT_PROBLEM_ERROR,
    "SELECT d.id, d.agenda_item_id FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id "
    "WHERE a.meeting_id <> d.meeting_id",
    N_("agenda_item_id '%s': an item of another meeting") },
  { "action", RAPAT_PROBLEM_ERROR,
    "SELECT a.id, a.decision_id FROM action a JOIN decision d ON d.id = a.decision_id "
    "WHERE a.meeting_id IS NOT d.meeting_id",
    N_("decision_id '%s': a decision of another meeting than the one that raised the action") },
  { "minutes", RAPAT_PROBLEM_ERROR,
    "SELECT n.id, n.version FROM minutes n WHERE n.status = 'final' AND NOT EXISTS "
    "(SELECT 1 FROM minutes_version v WHERE v.meeting_id = n.meeting_id AND v.version = n.version)",
    N_("version '%s': final, but the signed record is not kept in minutes_version") },
  { "minutes_version", RAPAT_PROBLEM_ERROR,
    "SELECT v.id, v.version FROM minutes_version v JOIN minutes n ON n.meeting_id = v.meeting_id "
    "WHERE v.version > n.version OR (v.version < n.version AND v.amended_at IS NULL)",
    N_("version '%s': does not agree with the version of the meeting's minutes") },
  { "unit", RAPAT_PROBLEM_ERROR,
    "SELECT u.id, v.id FROM unit u JOIN unit v ON v.id < u.id "
    "AND rapat_fold(v.name) = rapat_fold(u.name)",
    N_("name: the same as unit %s's, ignoring case") },
  { "unit", RAPAT_PROBLEM_ERROR,
    "SELECT u.id, v.id FROM unit u JOIN unit v ON v.id < u.id AND u.code IS NOT NULL "
    "AND rapat_fold(v.code) = rapat_fold(u.code)",
    N_("code: the same as unit %s's, ignoring case") },
  /* Heads of units and saved groups (schema 19); a membership of a missing
   * person or group is foreign_key_check's. */
  { "unit", RAPAT_PROBLEM_ERROR,
    "SELECT u.id, u.head_person_id FROM unit u JOIN person p ON p.id = u.head_person_id "
    "WHERE p.unit_id IS NOT u.id",
    N_("head_person_id '%s': the head is a person of another unit") },
  { "person_group", RAPAT_PROBLEM_ERROR,
    "SELECT g.id, h.id FROM person_group g JOIN person_group h ON h.id < g.id "
    "AND rapat_fold(h.name) = rapat_fold(g.name)",
    N_("name: the same as group %s's, ignoring case") },
  { "person", RAPAT_PROBLEM_ERROR,
    "SELECT p.id, min(q.id) FROM person p JOIN person q ON q.email = p.email COLLATE NOCASE "
    "AND q.id < p.id WHERE p.email IS NOT NULL GROUP BY p.id",
    N_("email: the same as person %s's, ignoring case") },
  /* Reviews (schema 11; what was reported is the table's CHECKs, which
   * integrity_check reports). */
  { "agenda_item", RAPAT_PROBLEM_ERROR,
    "SELECT r.agenda_item_id, r.position || ' of ' || (SELECT count(*) FROM review_action q "
    "  WHERE q.agenda_item_id = r.agenda_item_id) FROM review_action r "
    "WHERE typeof(r.position) <> 'integer' OR r.position < 1 OR r.position > "
    "(SELECT count(*) FROM review_action q WHERE q.agenda_item_id = r.agenda_item_id)",
    N_("review position '%s': the actions an item reviews are numbered 1 to their count") },
  /* Invitations by e-mail (schema 13): what each person was sent is one of
   * the messages recorded about the same meeting. */
  { "invite_message", RAPAT_PROBLEM_ERROR,
    "SELECT id, sequence || ', ' || recipients FROM invite_message "
    "WHERE typeof(sequence) <> 'integer' OR sequence < 0 OR typeof(recipients) <> 'integer' "
    "OR recipients < 1",
    N_("sequence and recipients '%s': must be whole numbers, from 0 and from 1") },
  { "meeting", RAPAT_PROBLEM_ERROR,
    "SELECT s.meeting_id, s.person_id FROM invite_sent s LEFT JOIN invite_message m "
    "ON m.message_id = s.message_id WHERE m.id IS NULL OR m.meeting_id <> s.meeting_id "
    "OR m.method <> s.method OR m.sequence <> s.sequence OR m.sent_at <> s.sent_at",
    N_("invite_sent of person %s: not the message recorded in invite_message") },
  { "meeting", RAPAT_PROBLEM_WARNING,
    "SELECT m.id, count(*) FROM meeting m JOIN invite_sent s ON s.meeting_id = m.id "
    "LEFT JOIN series r ON r.id = m.series_id "
    "WHERE s.sequence > coalesce(r.sequence, 0) + m.sequence GROUP BY m.id",
    /* TRANSLATORS: %s is a count of people. */
    N_("invitations e-mailed with a later SEQUENCE than the meeting's own (%s people): its "
       "sequence went back") },
  /* Replies read back (schemas 14, 15). */
  { "attendee", RAPAT_PROBLEM_ERROR,
    "SELECT id, delegated_to FROM attendee WHERE delegated_to = person_id",
    N_("delegated_to '%s': a person cannot delegate to themselves") },
  { "attendee", RAPAT_PROBLEM_WARNING,
    "SELECT id, rsvp FROM attendee WHERE delegated_to IS NOT NULL AND rsvp <> 'declined'",
    N_("delegated_to: set, but the reply is '%s', not declined") },
  { "itip_request", RAPAT_PROBLEM_ERROR,
    "SELECT id, method FROM itip_request WHERE method NOT IN ('counter', 'refresh') "
    "OR (method = 'counter' AND (start_utc IS NULL OR end_utc IS NULL OR end_utc <= start_utc))",
    N_("method '%s': a counter-proposal needs a start and a later end; no other method but "
       "refresh") },
  { "itip_request", RAPAT_PROBLEM_ERROR,
    "SELECT id, method FROM itip_request WHERE answered_at IS NOT NULL AND method <> 'refresh'",
    N_("answered_at: set on a '%s'; only a refresh is answered by sending") },
  { "itip_request", RAPAT_PROBLEM_ERROR,
    "SELECT id, typeof(sequence) FROM itip_request WHERE typeof(sequence) <> 'integer' "
    "OR sequence < 0",
    N_("sequence (%s): must be a whole number from 0") },
};

/* Runs each rule of sql_rules. */
static gboolean
check_sql_rules (Check *c, GError **error)
{
  for (guint r = 0; r < G_N_ELEMENTS (sql_rules); r++)
    {
      const SqlRule *rule = &sql_rules[r];
      g_autoptr(CheckStmt) stmt = prepare (c, rule->sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *detail = column_text (stmt, 1);
          g_autofree char *ex = rapat_text_excerpt (detail != NULL ? detail : "");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          add (c, rule->table, sqlite3_column_int64 (stmt, 0), rule->level, _(rule->message), ex);
#pragma GCC diagnostic pop
        }
      if (!done (c, rc, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- the unit tree ---- */

/* Reports each unit on a cycle of parents (its chain of parents never ends). */
static gboolean
check_unit_tree (Check *c, GError **error)
{
  g_autoptr(CheckStmt) stmt = prepare (c, "SELECT id, parent_id FROM unit ORDER BY id", error);
  g_autoptr(GHashTable) parent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        g_hash_table_insert (parent, g_memdup2 (&id, sizeof id),
                             g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
    }
  if (!done (c, rc, error))
    return FALSE;
  /* A unit is on a cycle when following its parents leads back to it
   * within as many steps as there are units. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 self = g_array_index (ids, gint64, i);
      const gint64 *p = g_hash_table_lookup (parent, &self);

      for (guint steps = 0; p != NULL && steps < ids->len; steps++)
        {
          if (*p == self)
            {
              add (c, "unit", self, RAPAT_PROBLEM_ERROR,
                   _("parent_id: the unit lies below itself (a cycle of parents)"));
              break;
            }
          p = g_hash_table_lookup (parent, p);
        }
    }
  return TRUE;
}

/* ---- meetings ---- */

/* Checks each meeting's instants, length and zone. */
static gboolean
check_meetings (Check *c, GError **error)
{
  g_autoptr(CheckStmt) stmt = prepare (c,
    "SELECT id, start_utc, end_utc, tzid, typeof(start_utc) = 'integer', "
    "typeof(end_utc) = 'integer' FROM meeting", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 start = sqlite3_column_int64 (stmt, 1);
      gint64 end = sqlite3_column_int64 (stmt, 2);
      g_autofree char *tzid = column_text (stmt, 3);
      g_autoptr(GTimeZone) tz = NULL;
      const char *why = NULL;
      gboolean times = TRUE;

      if (!sqlite3_column_int (stmt, 4) || !rapat_time_in_range (start))
        {
          g_autofree char *t = column_text (stmt, 1);
          add (c, "meeting", id, RAPAT_PROBLEM_ERROR,
               _("start_utc '%s': not an instant of the years rapat keeps (1900 to 9998)"), t);
          times = FALSE;
        }
      if (!sqlite3_column_int (stmt, 5) || !rapat_time_in_range (end))
        {
          g_autofree char *t = column_text (stmt, 2);
          add (c, "meeting", id, RAPAT_PROBLEM_ERROR,
               _("end_utc '%s': not an instant of the years rapat keeps (1900 to 9998)"), t);
          times = FALSE;
        }
      if (times && end <= start)
        {
          g_autofree char *s = instant_text (start);
          g_autofree char *e = instant_text (end);
          add (c, "meeting", id, RAPAT_PROBLEM_ERROR, _("end_utc '%s': not after start_utc '%s'"),
               e, s);
        }
      else if (times && end - start > (gint64) RAPAT_MAX_MEETING_MINUTES * 60)
        {
          g_autofree char *length = rapat_time_format_duration ((end - start) / 60);
          add (c, "meeting", id, RAPAT_PROBLEM_ERROR,
               _("end_utc: the meeting lasts %s; a meeting lasts at most 31 days"), length);
        }
      if (tzid != NULL && (tz = zone (c, tzid, &why)) == NULL)
        add (c, "meeting", id, RAPAT_PROBLEM_ERROR, "%s", why);
    }
  return done (c, rc, error);
}

/* ---- recurring series ---- */


/* Checks each series: its zone and rule, and that each occurrence was
 * given a start the rule gives and the uid derived from it. */
static gboolean
check_series (Check *c, GError **error)
{
  g_autoptr(CheckStmt) stmt = prepare (c,
    "SELECT id, uid, rrule, start_utc, tzid FROM series ORDER BY id", error);
  g_autoptr(CheckStmt) occ = prepare (c,
    "SELECT id, uid, recurrence_utc FROM meeting WHERE series_id = ?1 AND recurrence_utc IS NOT NULL "
    "ORDER BY recurrence_utc", error);
  int rc;

  if (stmt == NULL || occ == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *uid = column_text (stmt, 1);
      g_autofree char *rule = column_text (stmt, 2);
      gint64 first = sqlite3_column_int64 (stmt, 3);
      g_autofree char *tzid = column_text (stmt, 4);
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GArray) starts = NULL;
      g_autoptr(GHashTable) given = NULL;
      g_autoptr(GError) bad = NULL;
      const char *why = NULL;
      int orc;

      if ((tz = zone (c, tzid, &why)) == NULL)
        {
          add (c, "series", id, RAPAT_PROBLEM_ERROR, "%s", why);
          continue;
        }
      if (!rapat_time_in_range (first))
        {
          g_autofree char *t = instant_text (first);
          add (c, "series", id, RAPAT_PROBLEM_ERROR,
               _("start_utc '%s': not an instant of the years rapat keeps (1900 to 9998)"), t);
          continue;
        }
      starts = rapat_recur_expand (rule, first, tz, &bad);
      if (starts == NULL)
        {
          add (c, "series", id, RAPAT_PROBLEM_ERROR, _("rrule: %s"), bad->message);
          continue;
        }
      given = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < starts->len; i++)
        g_hash_table_add (given, &g_array_index (starts, gint64, i));
      sqlite3_reset (occ);
      sqlite3_bind_int64 (occ, 1, id);
      while ((orc = sqlite3_step (occ)) == SQLITE_ROW)
        {
          gint64 mid = sqlite3_column_int64 (occ, 0);
          g_autofree char *muid = column_text (occ, 1);
          gint64 t = sqlite3_column_int64 (occ, 2);
          g_autofree char *when = instant_text (t);
          g_autofree char *expected = NULL;

          if (!g_hash_table_contains (given, &t))
            {
              add (c, "meeting", mid, RAPAT_PROBLEM_ERROR,
                   _("recurrence_utc '%s': not a start the rule of series %" PRId64 " gives"),
                   when, id);
              continue;
            }
          expected = rapat_occurrence_uid (uid, t);
          if (g_strcmp0 (muid, expected) != 0)
            {
              g_autofree char *ex = rapat_text_excerpt (muid != NULL ? muid : "");
              add (c, "meeting", mid, RAPAT_PROBLEM_ERROR,
                   _("uid '%s': the occurrence of series %" PRId64 " starting %s has uid '%s'"),
                   ex, id, when, expected);
            }
        }
      if (!done (c, orc, error))
        return FALSE;
    }
  return done (c, rc, error);
}

/* ---- agenda times ---- */

/* Compares the kept times of one meeting's agenda (@items, by position)
 * with the schedule computed from @m's start. */
static void
compare_schedule (Check *c, const RapatMeeting *m, GPtrArray *items)
{
  g_autofree gint64 *starts = g_new (gint64, items->len + 1);

  rapat_agenda_schedule (m, items, starts);
  for (guint i = 0; i < items->len; i++)
    {
      const RapatAgendaItem *it = items->pdata[i];
      gint64 end = starts[i] + (gint64) it->duration_min * 60;

      if (it->updated_at >= 0 && (it->start_utc != starts[i] || it->end_utc != end))
        {
          g_autofree char *s = instant_text (starts[i]);
          g_autofree char *e = instant_text (end);
          add (c, "agenda_item", it->id, RAPAT_PROBLEM_ERROR,
               _("start_utc/end_utc: kept times differ from the schedule (%s to %s)"), s, e);
        }
    }
}

/* Checks that every agenda item keeps the times the schedule gives it. */
static gboolean
check_agenda_times (Check *c, GError **error)
{
  g_autoptr(CheckStmt) stmt = prepare (c,
    "SELECT a.id, a.meeting_id, a.duration_min, a.parallel_with, a.start_utc, a.end_utc, "
    "m.start_utc, a.start_utc IS NULL OR a.end_utc IS NULL "
    "FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
    "ORDER BY a.meeting_id, a.position", error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_agenda_item_free);
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapatAgendaItem *it;
      gint64 meeting_id = sqlite3_column_int64 (stmt, 1);

      if (meeting_id != m->id)
        {
          if (items->len > 0)
            compare_schedule (c, m, items);
          g_ptr_array_set_size (items, 0);
          m->id = meeting_id;
          m->start_utc = sqlite3_column_int64 (stmt, 6);
        }
      if (sqlite3_column_int (stmt, 7))
        add (c, "agenda_item", sqlite3_column_int64 (stmt, 0), RAPAT_PROBLEM_ERROR,
             _("start_utc/end_utc: the item keeps no times"));
      it = rapat_agenda_item_new ();
      it->id = sqlite3_column_int64 (stmt, 0);
      it->meeting_id = meeting_id;
      it->duration_min = sqlite3_column_int (stmt, 2);
      it->parallel_with = sqlite3_column_int64 (stmt, 3);
      it->start_utc = sqlite3_column_int64 (stmt, 4);
      /* An item without times is reported above, not again when compared. */
      it->updated_at = sqlite3_column_int (stmt, 7) ? -1 : 0;
      it->end_utc = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (items, it);
    }
  if (!done (c, rc, error))
    return FALSE;
  if (items->len > 0)
    compare_schedule (c, m, items);
  return TRUE;
}

/* ---- actions ---- */

/* Checks due days: real dates, and not before the day of the meeting that
 * raised the action (in that meeting's zone). */
static gboolean
check_action_days (Check *c, GError **error)
{
  g_autoptr(CheckStmt) stmt = prepare (c,
    "SELECT a.id, a.due_date, m.start_utc, m.tzid FROM action a "
    "LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.due_date IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *due = column_text (stmt, 1);
      g_autofree char *tzid = column_text (stmt, 3);
      g_autoptr(GError) bad = NULL;
      g_autoptr(GTimeZone) tz = NULL;
      RapatLocalFields f;
      const char *why;
      char day[16];
      int y, mo, d;

      if (!rapat_time_parse_date ("due_date", due, &y, &mo, &d, &bad))
        {
          add (c, "action", id, RAPAT_PROBLEM_ERROR, "%s", bad->message);
          continue;
        }
      if (tzid == NULL || (tz = zone (c, tzid, &why)) == NULL
          || !rapat_time_fields (sqlite3_column_int64 (stmt, 2), tz, &f))
        continue;     /* no meeting, or one whose zone is reported already */
      g_snprintf (day, sizeof day, "%04d-%02d-%02d", f.year, f.month, f.day);
      if (strcmp (due, day) < 0)
        add (c, "action", id, RAPAT_PROBLEM_WARNING,
             _("due_date '%s': before the day of the meeting that raised the action (%s)"),
             due, day);
    }
  return done (c, rc, error);
}

/* ---- all ---- */

/* Orders problems by table, then id, then message. */
static gint
problem_compare (gconstpointer a, gconstpointer b)
{
  const RapatProblem *p = *(const RapatProblem *const *) a;
  const RapatProblem *q = *(const RapatProblem *const *) b;
  int r = strcmp (p->table, q->table);

  if (r != 0)
    return r;
  if (p->id != q->id)
    return p->id < q->id ? -1 : 1;
  return strcmp (p->message, q->message);
}

/* Returns TRUE when @c holds an error in @table. */
static gboolean
has_error_in (Check *c, const char *table)
{
  for (guint i = 0; i < c->problems->len; i++)
    {
      const RapatProblem *p = c->problems->pdata[i];
      if (p->level == RAPAT_PROBLEM_ERROR && strcmp (p->table, table) == 0)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
rapat_store_check_all (RapatStore *store, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_problem_free);
  g_autoptr(GHashTable) bad_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) check_failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Check c = { store, problems, bad_zones };
  gboolean started, damaged, ok;
  GHashTableIter iter;
  gpointer key, value;

  if (!store_snapshot_begin (store, &started, error))
    return NULL;
  ok = check_integrity (&c, check_failed, &damaged, error);
  /* On a damaged file, reading every row could stop at a broken page and
   * lose the report: SQLite's own findings come alone. */
  if (ok && !damaged)
    ok = check_foreign_keys (&c, error) && check_text (&c, error) && check_enums (&c, error)
         && check_sql_rules (&c, error) && check_unit_tree (&c, error)
         && check_meetings (&c, error) && check_series (&c, error)
         && check_agenda_times (&c, error) && check_action_days (&c, error);
  store_snapshot_end (store, started);
  if (!ok)
    return NULL;
  /* integrity_check names only the table of a row breaking a CHECK
   * constraint; the rules above name the row.  Should none of them have
   * found it, the table is reported as SQLite saw it. */
  g_hash_table_iter_init (&iter, check_failed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!has_error_in (&c, key))
      add (&c, key, 0, RAPAT_PROBLEM_ERROR,
           g_dngettext (GETTEXT_PACKAGE, "%u row breaks a CHECK constraint of the table (PRAGMA integrity_check)",
                     "%u rows break a CHECK constraint of the table (PRAGMA integrity_check)",
                     GPOINTER_TO_UINT (value)),
           GPOINTER_TO_UINT (value));
  g_ptr_array_sort (problems, problem_compare);
  return g_steal_pointer (&problems);
}
