/* rapat — the store: attendance counts for reports. */
#include "store-private.h"
#include "text.h"

#include <string.h>

/* The directory as a period tally needs it: every unit with its parent,
 * every person with their unit, by index, and the counts of each. */
typedef struct {
  gint64 id;
  gint64 parent;           /* index into units, or -1 */
  char *name;
  char *code;
  gboolean in_scope;       /* at or below the scope's unit */
  gint64 last_meeting;     /* the meeting last counted in counts.meetings */
  RapatAttendanceCounts counts;
} TallyUnit;

typedef struct {
  gint64 id;
  gint64 unit;             /* index into units, or -1 */
  char *name;
  char *position;
  char *unit_name;
  gboolean in_scope;
  RapatAttendanceCounts counts;
} TallyPerson;

typedef struct {
  GArray *units;           /* TallyUnit */
  GArray *people;          /* TallyPerson */
  GHashTable *person_index;   /* &id -> index + 1 */
} Tally;

static void
tally_clear (Tally *t)
{
  for (guint i = 0; t->units != NULL && i < t->units->len; i++)
    {
      TallyUnit *u = &g_array_index (t->units, TallyUnit, i);
      g_free (u->name);
      g_free (u->code);
    }
  for (guint i = 0; t->people != NULL && i < t->people->len; i++)
    {
      TallyPerson *p = &g_array_index (t->people, TallyPerson, i);
      g_free (p->name);
      g_free (p->position);
      g_free (p->unit_name);
    }
  g_clear_pointer (&t->units, g_array_unref);
  g_clear_pointer (&t->people, g_array_unref);
  g_clear_pointer (&t->person_index, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

/* Reads every unit into @t->units, indexed by id in @unit_index (the index
 * in the array + 1), and links each to its parent's index. */
static gboolean
tally_load_units (RapatStore *store, Tally *t, GHashTable *unit_index, GError **error)
{
  g_autoptr(StoreStmt) units = store_prepare (store,
    "SELECT id, name, code, parent_id FROM unit", error);
  g_autoptr(GArray) parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (units == NULL)
    return FALSE;
  while ((rc = sqlite3_step (units)) == SQLITE_ROW)
    {
      StoreRow r;
      TallyUnit u = { 0, -1, NULL, NULL, FALSE, 0, { 0 } };
      gint64 parent = sqlite3_column_int64 (units, 3);

      store_row_begin (&r, units, "unit", 0);
      u.id = r.id;
      u.name = store_row_text (&r, 1, "name", TRUE);
      u.code = store_row_text (&r, 2, "code", FALSE);
      g_array_append_val (t->units, u);
      g_array_append_val (parent_ids, parent);
      if (!store_row_end (&r, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return FALSE;
    }
  /* Indexes are stable now that the array is complete. */
  for (guint i = 0; i < t->units->len; i++)
    g_hash_table_insert (unit_index, &g_array_index (t->units, TallyUnit, i).id,
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < t->units->len; i++)
    {
      gint64 parent = g_array_index (parent_ids, gint64, i);
      g_array_index (t->units, TallyUnit, i).parent
        = (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (unit_index, &parent)) - 1;
    }
  return TRUE;
}

/* Refuses a cycle among @t's units, then marks the units in scope: those at
 * or below @scope_unit (all of them when it is 0). */
static gboolean
tally_scope_units (Tally *t, gint64 scope_unit, GError **error)
{
  /* The store never writes a cycle of units, but another program may
   * have: the roll-up would count a meeting round it, so refuse it. */
  for (guint i = 0; i < t->units->len; i++)
    {
      gint64 at = i;
      guint steps = 0;

      for (; at >= 0 && steps <= t->units->len; steps++)
        at = g_array_index (t->units, TallyUnit, at).parent;
      if (at >= 0)
        {
          store_set_bad_row (error, "unit", g_array_index (t->units, TallyUnit, at).id,
                             _(STORE_UNIT_CYCLE));
          return FALSE;
        }
    }
  /* A unit is in scope when the scope's unit is itself or above it. */
  for (guint i = 0; i < t->units->len; i++)
    {
      TallyUnit *u = &g_array_index (t->units, TallyUnit, i);
      gint64 at = i;

      for (guint steps = 0; scope_unit != 0 && at >= 0 && steps <= t->units->len; steps++)
        {
          const TallyUnit *a = &g_array_index (t->units, TallyUnit, at);
          if (a->id == scope_unit)
            {
              u->in_scope = TRUE;
              break;
            }
          at = a->parent;
        }
      if (scope_unit == 0)
        u->in_scope = TRUE;
    }
  return TRUE;
}

/* Reads every person into @t->people, with the index of their unit (found
 * through @unit_index) and whether they are in scope. */
static gboolean
tally_load_people (RapatStore *store, Tally *t, GHashTable *unit_index, gint64 scope_unit,
                   GError **error)
{
  g_autoptr(StoreStmt) people = store_prepare (store,
    "SELECT p.id, p.name, p.position, u.name, p.unit_id FROM person p "
    "LEFT JOIN unit u ON u.id = p.unit_id", error);
  int rc;

  if (people == NULL)
    return FALSE;
  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (people, 4);
      gint64 unit = (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (unit_index, &unit_id)) - 1;
      StoreRow r;
      TallyPerson p = { 0, unit, NULL, NULL, NULL,
                        scope_unit == 0 || (unit >= 0
                                            && g_array_index (t->units, TallyUnit, unit).in_scope),
                        { 0 } };

      store_row_begin (&r, people, "person", 0);
      p.id = r.id;
      p.name = store_row_text (&r, 1, "name", TRUE);
      p.position = store_row_text (&r, 2, "position", FALSE);
      p.unit_name = store_row_text_of (&r, 3, "unit", 4, "name");
      g_array_append_val (t->people, p);
      if (!store_row_end (&r, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return FALSE;
    }
  for (guint i = 0; i < t->people->len; i++)
    g_hash_table_insert (t->person_index, &g_array_index (t->people, TallyPerson, i).id,
                         GUINT_TO_POINTER (i + 1));
  return TRUE;
}

/* Reads the units and people into @t and marks those in the scope of unit
 * @scope_unit (0: all). */
static gboolean
tally_load (RapatStore *store, Tally *t, gint64 scope_unit, GError **error)
{
  g_autoptr(GHashTable) unit_index = g_hash_table_new (g_int64_hash, g_int64_equal);

  t->units = g_array_new (FALSE, TRUE, sizeof (TallyUnit));
  t->people = g_array_new (FALSE, TRUE, sizeof (TallyPerson));
  t->person_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  return tally_load_units (store, t, unit_index, error) && tally_scope_units (t, scope_unit, error)
         && tally_load_people (store, t, unit_index, scope_unit, error);
}

/* Counts one invitation in @c: its reply and its attendance, each by the
 * first letter of its stored value ('\0': none; attendance not recorded),
 * and whether it arrived late.  The schema's CHECKs allow only these
 * values, and each starts with its own letter. */
static void
count_invitation (char rsvp, char attendance, gboolean late, RapatAttendanceCounts *c)
{
  c->invited++;
  switch (rsvp)
    {
    case 'a': c->accepted++; break;
    case 'd': c->declined++; break;
    case 't': c->tentative++; break;
    case 'n': c->no_reply++; break;
    default: break;
    }
  switch (attendance)
    {
    case '\0': c->unrecorded++; break;
    case 'p':
      c->present++;
      if (late)
        c->late++;
      break;
    case 'r': c->represented++; break;
    case 'e': c->excused++; break;
    case 's': c->sick++; break;
    case 'd': c->duty++; break;
    case 'a': c->absent++; break;
    default: break;
    }
}

/* The first letter of a stored value, '\0' for NULL. */
static char
first_letter (const unsigned char *text)
{
  return text != NULL ? (char) text[0] : '\0';
}

gboolean
rapat_store_attendance_meeting (RapatStore *store, gint64 meeting_id, gint64 grace_seconds,
                                RapatAttendanceCounts *counts, GError **error)
{
  /* Counted by count_invitation(), the rules of the period reports. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT a.id, a.rsvp, a.attendance, a.arrived_utc > m.start_utc + ?2 "
    "FROM attendee a JOIN meeting m ON m.id = a.meeting_id WHERE a.meeting_id = ?1", error);
  int rc;

  memset (counts, 0, sizeof *counts);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, grace_seconds);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoreRow r;
      int rsvp, attendance;

      store_row_begin (&r, stmt, "attendee", 0);
      rsvp = store_row_enum (&r, 1, "rsvp", &rapat_rsvp_enum, TRUE);
      attendance = store_row_enum (&r, 2, "attendance", &rapat_attendance_enum, FALSE);
      if (!store_row_end (&r, error))
        return FALSE;
      /* By first letters, as the tally counts stored values. */
      count_invitation (first_letter ((const guchar *) rapat_enum_name (&rapat_rsvp_enum, rsvp)),
                        first_letter ((const guchar *) rapat_enum_name (&rapat_attendance_enum,
                                                                        attendance)),
                        sqlite3_column_int (stmt, 3) == 1, counts);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return FALSE;
    }
  counts->meetings = counts->invited > 0 ? 1 : 0;
  return TRUE;
}

/* An invitation in scope, held until its meeting is known to have had its
 * attendance taken. */
typedef struct {
  guint person;            /* index into the people */
  char rsvp;               /* first letters, as count_invitation() takes them */
  char attendance;
  gboolean late;
} PendingInvitation;

/* What the pass over the invitations keeps while SQLite calls tally_step(). */
struct _StoreTallyPass {
  Tally *t;
  gint64 meeting;          /* the meeting whose invitations are pending, or 0 */
  gboolean recorded;       /* some invitation of it, in scope or not, has attendance */
  GArray *pending;         /* PendingInvitation: its invitations in scope */
  RapatAttendanceCounts *total;
  GArray *unrecorded;      /* gint64: meetings with invitations in scope, none recorded */
  GError *problem;         /* a bad invitation row, which ended the pass */
};

/* TRUE when @text (NULL allowed when @nullable) is one of @e's stored
 * values: the tally counts by first letters, which only those mean. */
static gboolean
tally_value_known (const RapatEnum *e, const unsigned char *text, gboolean nullable)
{
  if (text == NULL)
    return nullable;
  for (int i = 0; e->names[i] != NULL; i++)
    if (strcmp ((const char *) text, e->names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Counts the pending invitations of the pass's meeting, or, when nobody's
 * attendance was recorded at it, notes the meeting instead: attendance
 * never taken says nothing of who came, so such a meeting counts for no
 * one, not even as a meeting. */
static void
tally_flush (StoreTallyPass *pass)
{
  if (pass->pending->len == 0)
    return;
  if (!pass->recorded)
    {
      g_array_append_val (pass->unrecorded, pass->meeting);
      g_array_set_size (pass->pending, 0);
      return;
    }
  pass->total->meetings++;
  for (guint i = 0; i < pass->pending->len; i++)
    {
      const PendingInvitation *inv = &g_array_index (pass->pending, PendingInvitation, i);
      TallyPerson *p = &g_array_index (pass->t->people, TallyPerson, inv->person);
      gint64 unit = p->unit;

      count_invitation (inv->rsvp, inv->attendance, inv->late, &p->counts);
      /* The meeting counts once for the person's unit and each above it; a
       * unit already counted for it means the ones above are too. */
      for (guint steps = 0; unit >= 0 && steps <= pass->t->units->len; steps++)
        {
          TallyUnit *u = &g_array_index (pass->t->units, TallyUnit, unit);
          if (u->last_meeting == pass->meeting)
            break;
          u->last_meeting = pass->meeting;
          u->counts.meetings++;
          unit = u->parent;
        }
    }
  g_array_set_size (pass->pending, 0);
}

void
store_tally_step (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  RapatStore *store = sqlite3_user_data (ctx);
  StoreTallyPass *pass = store->tally_pass;
  gint64 meeting, person_id;
  guint index;
  PendingInvitation inv;

  if (pass == NULL || argc != 6)
    {
      sqlite3_result_error (ctx, "rapat_tally() is rapat's own", -1);
      return;
    }
  if (pass->problem != NULL)
    return;
  if (!tally_value_known (&rapat_rsvp_enum, sqlite3_value_text (argv[2]), FALSE)
      || !tally_value_known (&rapat_attendance_enum, sqlite3_value_text (argv[3]), TRUE))
    {
      store_set_bad_row (&pass->problem, "attendee", sqlite3_value_int64 (argv[5]),
                         _("rsvp or attendance is not a value rapat knows"));
      sqlite3_result_error (ctx, pass->problem->message, -1);
      return;
    }
  /* A meeting's invitations come together: a new meeting ends the last. */
  meeting = sqlite3_value_int64 (argv[0]);
  if (meeting != pass->meeting)
    {
      tally_flush (pass);
      pass->meeting = meeting;
      pass->recorded = FALSE;
    }
  inv.attendance = first_letter (sqlite3_value_text (argv[3]));
  if (inv.attendance != '\0')
    pass->recorded = TRUE;
  person_id = sqlite3_value_int64 (argv[1]);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (pass->t->person_index, &person_id));
  if (index == 0)
    return;          /* cannot happen: the person's row was read in the same transaction */
  if (!g_array_index (pass->t->people, TallyPerson, index - 1).in_scope)
    return;
  inv.person = index - 1;
  inv.rsvp = first_letter (sqlite3_value_text (argv[2]));
  inv.late = sqlite3_value_int (argv[4]) == 1;
  g_array_append_val (pass->pending, inv);
}

void
store_tally_final (sqlite3_context *ctx)
{
  sqlite3_result_null (ctx);
}

/* counts_add() walks the counts as an array. */
G_STATIC_ASSERT (sizeof (RapatAttendanceCounts) == 14 * sizeof (gint64));

/* Adds every count of @from to @to but the meetings. */
static void
counts_add (RapatAttendanceCounts *to, const RapatAttendanceCounts *from)
{
  gint64 meetings = to->meetings;
  gint64 *t = (gint64 *) to;
  const gint64 *f = (const gint64 *) from;

  for (gsize i = 0; i < sizeof *to / sizeof (gint64); i++)
    t[i] += f[i];
  to->meetings = meetings;
}

/* Orders report rows: lowest rate first, rows without a rate last, then
 * folded name, then id (the rows' names are replaced by nothing; keys come
 * with them). */
typedef struct {
  RapatAttendanceRow *row;
  char *key;
} SortedRow;

static int
compare_rows (gconstpointer pa, gconstpointer pb)
{
  const SortedRow *a = pa, *b = pb;
  double ra = rapat_attendance_rate (&a->row->counts);
  double rb = rapat_attendance_rate (&b->row->counts);
  int c;

  /* No rate (nothing recorded: negative) is no low rate: such rows come
   * after every row with one. */
  if ((ra < 0) != (rb < 0))
    return ra < 0 ? 1 : -1;
  if (ra != rb)
    return ra < rb ? -1 : 1;
  c = strcmp (a->key, b->key);
  if (c != 0)
    return c;
  return (a->row->id > b->row->id) - (a->row->id < b->row->id);
}

/* Sorts @rows (RapatAttendanceRow) as compare_rows() says. */
static void
sort_rows (GPtrArray *rows)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedRow), rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      RapatAttendanceRow *row = rows->pdata[i];
      SortedRow r = { row, rapat_text_fold (row->name) };
      g_array_append_val (sorted, r);
    }
  g_array_sort (sorted, compare_rows);
  for (guint i = 0; i < sorted->len; i++)
    {
      SortedRow *r = &g_array_index (sorted, SortedRow, i);
      rows->pdata[i] = r->row;
      g_free (r->key);
    }
}

/* Orders meetings by start, then id. */
static int
compare_meetings (gconstpointer pa, gconstpointer pb)
{
  const RapatMeeting *a = *(RapatMeeting *const *) pa, *b = *(RapatMeeting *const *) pb;

  if (a->start_utc != b->start_utc)
    return a->start_utc < b->start_utc ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Returns the meetings of @ids (gint64) as RapatMeeting, by start; NULL
 * with @error set when one cannot be read. */
static GPtrArray *
unrecorded_meetings (RapatStore *store, GArray *ids, GError **error)
{
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(StoreStmt) stmt = NULL;
  GPtrArray *meetings;

  /* One query for all of them (the ids as a JSON array), not one each. */
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (list, ']');
  stmt = store_prepare (store,
    "SELECT " MEETING_COLUMNS "FROM meeting m LEFT JOIN person o ON o.id = m.organizer_id "
    "WHERE m.id IN (SELECT value FROM json_each (?1))", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, list->str, (int) list->len, SQLITE_TRANSIENT);
  meetings = store_rows (store, stmt, (StoreRowFunc) store_meeting_from_row,
                         (GDestroyNotify) rapat_meeting_free, _("unable to count attendance"),
                         error);
  if (meetings != NULL)
    g_ptr_array_sort (meetings, compare_meetings);
  return meetings;
}

static gboolean attendance_tally (RapatStore *store, const RapatAttendanceScope *scope,
                                  RapatAttendanceTally *out, GError **error);

gboolean
rapat_store_attendance_tally (RapatStore *store, const RapatAttendanceScope *scope,
                              RapatAttendanceTally *out, GError **error)
{
  /* The directory and the invitations must come from one snapshot: a
   * person added in between would have invitations but no row. */
  gboolean started;
  gboolean ok;

  memset (out, 0, sizeof *out);
  if (!store_snapshot_begin (store, &started, error))
    return FALSE;
  ok = attendance_tally (store, scope, out, error);
  store_snapshot_end (store, started);
  if (!ok)
    rapat_attendance_tally_clear (out);
  return ok;
}

static gboolean
attendance_tally (RapatStore *store, const RapatAttendanceScope *scope,
                  RapatAttendanceTally *out, GError **error)
{
  /* One pass over the invitations in scope, counted in C: SQL's GROUP BY
   * would sort a million rows, and the roll-up through the unit tree would
   * join every invitation with every unit above it.  The rows go to the
   * aggregate rapat_tally() (store_tally_step()) rather than back through
   * sqlite3_step(), a quarter faster.  The CROSS JOIN keeps the meeting the
   * outer loop, so each meeting's invitations come together (which the
   * distinct-meeting counts rely on), read from the covering index
   * attendee_report_idx. */
  g_autoptr(StoreStmt) stmt = store_prepare (store,
    "SELECT rapat_tally (m.id, a.person_id, a.rsvp, a.attendance, "
    "                    a.arrived_utc > m.start_utc + ?9, a.id) "
    "FROM meeting m CROSS JOIN attendee a ON a.meeting_id = m.id "
    "WHERE m.status <> 'cancelled' AND (?1 IS NULL OR m.start_utc >= ?1) "
    "AND (?2 IS NULL OR m.start_utc < ?2) AND (?3 IS NULL OR m.kind = ?3 COLLATE NOCASE)",
    error);
  g_auto(Tally) t = { NULL, NULL, NULL };
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingInvitation));
  g_autoptr(GArray) unrecorded = g_array_new (FALSE, FALSE, sizeof (gint64));
  StoreTallyPass pass = { &t, 0, FALSE, pending, &out->total, unrecorded, NULL };
  int rc;

  if (stmt == NULL || !tally_load (store, &t, scope->unit_id, error))
    return FALSE;
  if (scope->from_utc != 0)
    sqlite3_bind_int64 (stmt, 1, scope->from_utc);
  if (scope->to_utc != 0)
    sqlite3_bind_int64 (stmt, 2, scope->to_utc);
  store_bind_text (stmt, 3, scope->kind);
  sqlite3_bind_int64 (stmt, 9, scope->grace_seconds);
  store->tally_pass = &pass;
  rc = sqlite3_step (stmt);
  store->tally_pass = NULL;
  if (pass.problem != NULL)
    {
      g_propagate_error (error, pass.problem);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      store_set_error (store, error, _("unable to count attendance"));
      return FALSE;
    }
  tally_flush (&pass);     /* the last meeting */
  out->unrecorded = unrecorded_meetings (store, unrecorded, error);
  if (out->unrecorded == NULL)
    return FALSE;

  out->people = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendance_row_free);
  out->units = g_ptr_array_new_with_free_func ((GDestroyNotify) rapat_attendance_row_free);
  for (guint i = 0; i < t.people->len; i++)
    {
      TallyPerson *p = &g_array_index (t.people, TallyPerson, i);
      RapatAttendanceRow *row;
      gint64 unit = p->unit;

      if (p->counts.invited == 0)
        continue;
      /* Invitations to distinct meetings: a person is invited once to each. */
      p->counts.meetings = p->counts.invited;
      counts_add (&out->total, &p->counts);
      for (guint steps = 0; unit >= 0 && steps <= t.units->len; steps++)
        {
          TallyUnit *u = &g_array_index (t.units, TallyUnit, unit);
          counts_add (&u->counts, &p->counts);
          unit = u->parent;
        }
      row = g_new0 (RapatAttendanceRow, 1);
      row->id = p->id;
      row->name = g_steal_pointer (&p->name);
      row->detail = g_steal_pointer (&p->position);
      row->unit = g_steal_pointer (&p->unit_name);
      row->counts = p->counts;
      g_ptr_array_add (out->people, row);
    }
  for (guint i = 0; i < t.units->len; i++)
    {
      TallyUnit *u = &g_array_index (t.units, TallyUnit, i);
      RapatAttendanceRow *row;

      if (u->counts.invited == 0 || !u->in_scope)
        continue;
      row = g_new0 (RapatAttendanceRow, 1);
      row->id = u->id;
      row->name = g_steal_pointer (&u->name);
      row->detail = g_steal_pointer (&u->code);
      row->counts = u->counts;
      g_ptr_array_add (out->units, row);
    }
  sort_rows (out->people);
  sort_rows (out->units);
  return TRUE;
}

void
rapat_attendance_tally_clear (RapatAttendanceTally *tally)
{
  g_clear_pointer (&tally->people, g_ptr_array_unref);
  g_clear_pointer (&tally->units, g_ptr_array_unref);
  g_clear_pointer (&tally->unrecorded, g_ptr_array_unref);
  memset (&tally->total, 0, sizeof tally->total);
}

gboolean
rapat_store_attendance_total (RapatStore *store, const RapatAttendanceScope *scope,
                              RapatAttendanceCounts *counts, GError **error)
{
  g_auto(RapatAttendanceTally) tally = { NULL, NULL, { 0 }, NULL };

  if (!rapat_store_attendance_tally (store, scope, &tally, error))
    return FALSE;
  *counts = tally.total;
  return TRUE;
}

GPtrArray *
rapat_store_attendance_by_person (RapatStore *store, const RapatAttendanceScope *scope,
                                  GError **error)
{
  g_auto(RapatAttendanceTally) tally = { NULL, NULL, { 0 }, NULL };

  if (!rapat_store_attendance_tally (store, scope, &tally, error))
    return NULL;
  return g_steal_pointer (&tally.people);
}

GPtrArray *
rapat_store_attendance_by_unit (RapatStore *store, const RapatAttendanceScope *scope,
                                GError **error)
{
  g_auto(RapatAttendanceTally) tally = { NULL, NULL, { 0 }, NULL };

  if (!rapat_store_attendance_tally (store, scope, &tally, error))
    return NULL;
  return g_steal_pointer (&tally.units);
}
