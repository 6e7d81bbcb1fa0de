/* rapat — "rapat import": replies to invitations read back from e-mail or
 * .ics files (cli layer). */
#include "calimport.h"
#include "cmd.h"
#include "itip.h"
#include "mail.h"
#include "output.h"
#include "text.h"
#include "when.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  char *mbox;
  char *maildir;
  gboolean dry_run;
  gboolean add_people;
  gboolean all_day;
  gboolean skip_bad;
  char *tz;
  char *until;
} ImportOptions;

/* How events are read, by mail or from a file. */
#define EVENT_OPTIONS \
  RAPAT_OPT_FLAG ("dry-run", ImportOptions, dry_run, \
                  N_("Say what would change, and change nothing")), \
  RAPAT_OPT_FLAG ("add-people", ImportOptions, add_people, \
                  N_("Add organizers and attendees the directory does not know (name from CN)")), \
  RAPAT_OPT_FLAG ("all-day-as-meetings", ImportOptions, all_day, \
                  N_("Import all-day events as meetings of whole days")), \
  RAPAT_OPT_FLAG ("skip-bad", ImportOptions, skip_bad, \
                  N_("Skip a broken event with a message and import the rest"))
#define UNTIL_OPTION \
  RAPAT_OPT_TEXT ("until", ImportOptions, until, \
                  N_("Cut repeating events with no end, or over 520 occurrences, at DATE"), \
                  N_("DATE"))

static const RapatOption mail_entries[] = {
  RAPAT_OPT_TEXT ("mbox", ImportOptions, mbox, N_("Read every message of the mbox FILE"),
                  N_("FILE")),
  RAPAT_OPT_TEXT ("maildir", ImportOptions, maildir,
                  N_("Read every message in the maildir DIR (its cur and new)"), N_("DIR")),
  EVENT_OPTIONS,
  UNTIL_OPTION,
  RAPAT_OPT_END,
};

static const RapatOption ics_entries[] = {
  EVENT_OPTIONS,
  RAPAT_OPT_TEXT ("tz", ImportOptions, tz, N_("Zone of times without one (floating)"),
                  N_("ZONE")),
  UNTIL_OPTION,
  RAPAT_OPT_END,
};

/* One calendar to apply, read before the command's transaction. */
typedef struct {
  char *source;               /* where it came from, for notes */
  GBytes *calendar;           /* or NULL: */
  FILE *file;                 /* 'import ics': the file, read as it is imported */
  char *message_id;           /* of the e-mail it came in, or NULL */
  char *from;                 /* its From: address, or NULL */
} Input;

/* What the prepare hook read: the calendars, and the messages without one. */
typedef struct {
  GPtrArray *inputs;          /* Input */
  GPtrArray *empty;           /* char *: sources of messages with no calendar */
  gboolean events;            /* 'import ics': events are imported too */
} Prepared;

/* Frees an input. */
static void
input_free (Input *in)
{
  g_free (in->source);
  g_clear_pointer (&in->calendar, g_bytes_unref);
  if (in->file != NULL)
    fclose (in->file);
  g_free (in->message_id);
  g_free (in->from);
  g_free (in);
}

/* Frees what the prepare hook kept. */
static void
prepared_free (gpointer data, gboolean ok)
{
  Prepared *p = data;

  (void) ok;
  g_ptr_array_unref (p->inputs);
  g_ptr_array_unref (p->empty);
  g_free (p);
}

/* Returns @path ("-": standard input, copied to a temporary file) open
 * for reading, or NULL with @error naming the file: 'import ics' reads it
 * as it imports, never whole into memory. */
static FILE *
open_input (const char *path, GError **error)
{
  FILE *f;

  if (strcmp (path, "-") == 0)
    {
      char chunk[65536];
      size_t n;

      f = tmpfile ();
      if (f == NULL)
        {
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                       _("file '-': no temporary file to copy standard input to: %s"),
                       g_strerror (errno));
          return NULL;
        }
      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        if (fwrite (chunk, 1, n, f) != n)
          break;
      if (ferror (stdin) || ferror (f) || fflush (f) != 0)
        {
          fclose (f);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                       _("file '-': unable to read standard input"));
          return NULL;
        }
      return f;
    }
  f = fopen (path, "rb");
  if (f == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (path);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO, _("file '%s': %s"), ex,
                   g_strerror (errno));
    }
  return f;
}

/* Adds an input of @calendar from @source. */
static void
add_input (Prepared *p, const char *source, GBytes *calendar, const char *message_id,
           const char *from)
{
  Input *in = g_new0 (Input, 1);

  in->source = g_strdup (source);
  in->calendar = calendar != NULL ? g_bytes_ref (calendar) : NULL;
  in->message_id = g_strdup (message_id);
  in->from = g_strdup (from);
  g_ptr_array_add (p->inputs, in);
}

/* TRUE when calendars @a and @b are the same text but for line ends
 * (Google's quoted-printable part decodes to LF, its invite.ics to CRLF). */
static gboolean
same_calendar (GBytes *a, GBytes *b)
{
  gsize la = 0, lb = 0, i = 0, j = 0;
  const char *pa = g_bytes_get_data (a, &la);
  const char *pb = g_bytes_get_data (b, &lb);

  for (;;)
    {
      while (i < la && pa[i] == '\r')
        i++;
      while (j < lb && pb[j] == '\r')
        j++;
      if (i == la || j == lb)
        return i == la && j == lb;
      if (pa[i++] != pb[j++])
        return FALSE;
    }
}

/* Reads the message @bytes from @source with the mail module and keeps
 * the calendars it carries. */
static gboolean
take_message (Prepared *p, const RapatMailModule *mail, const char *source, GBytes *bytes,
              GError **error)
{
  g_autoptr(GError) local = NULL;
  RapatMailRead *read = mail->read (bytes, &local);

  if (read == NULL)
    {
      g_autofree char *ex = rapat_text_excerpt (source);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID, _("message '%s': %s"), ex,
                   local->message);
      return FALSE;
    }
  for (guint i = 0; i < read->calendars->len; i++)
    {
      const RapatMailCalendar *c = read->calendars->pdata[i];
      gboolean copy = FALSE;

      /* Outlook and Google send the calendar twice, inline and as
       * invite.ics: one answer, read once. */
      for (guint j = 0; j < i && !copy; j++)
        copy = same_calendar (c->calendar,
                              ((const RapatMailCalendar *) read->calendars->pdata[j])->calendar);
      if (!copy)
        add_input (p, source, c->calendar, read->message_id, read->from_address);
    }
  if (read->calendars->len == 0)
    g_ptr_array_add (p->empty, g_strdup (source));
  mail->read_free (read);
  return TRUE;
}

/* Splits the mbox @bytes read from @path into its messages (the From_
 * line dropped, ">From " lines unquoted) and takes each. */
static gboolean
take_mbox (Prepared *p, const RapatMailModule *mail, const char *path, GBytes *bytes,
           GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end = data + len;
  g_autoptr(GString) msg = NULL;
  gboolean blank = TRUE;
  guint n = 0;

  if (len > 0 && (len < 5 || strncmp (data, "From ", 5) != 0))
    {
      g_autofree char *ex = rapat_text_excerpt (path);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("file '%s': not an mbox file (it does not begin with 'From ')"), ex);
      return FALSE;
    }
  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *next = nl != NULL ? nl + 1 : end;
      gsize llen = next - line;

      if (blank && llen >= 5 && strncmp (line, "From ", 5) == 0)
        {
          if (msg != NULL)
            {
              g_autofree char *source = g_strdup_printf ("%s#%u", path, n);
              g_autoptr(GBytes) b = g_string_free_to_bytes (g_steal_pointer (&msg));

              if (!take_message (p, mail, source, b, error))
                return FALSE;
            }
          msg = g_string_new (NULL);
          n++;
        }
      else if (msg != NULL)
        {
          const char *q = line;

          while (q < next && *q == '>')
            q++;
          /* mboxrd and mboxo quote "From " in a body with '>': take one off. */
          if (q > line && next - q >= 5 && strncmp (q, "From ", 5) == 0)
            g_string_append_len (msg, line + 1, llen - 1);
          else
            g_string_append_len (msg, line, llen);
        }
      blank = llen == 1 || (llen == 2 && line[0] == '\r');
      line = next;
    }
  if (msg != NULL)
    {
      g_autofree char *source = g_strdup_printf ("%s#%u", path, n);
      g_autoptr(GBytes) b = g_string_free_to_bytes (g_steal_pointer (&msg));

      return take_message (p, mail, source, b, error);
    }
  return TRUE;
}

/* Orders file names (char ** items of a GPtrArray) by bytes. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Takes every message in the maildir @dir: cur/ then new/, by file name. */
static gboolean
take_maildir (Prepared *p, const RapatMailModule *mail, const char *dir, GError **error)
{
  const char *subs[] = { "cur", "new" };
  gboolean found = FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (subs); s++)
    {
      g_autofree char *sub = g_build_filename (dir, subs[s], NULL);
      g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (d == NULL)
        continue;
      found = TRUE;
      while ((name = g_dir_read_name (d)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (sub, names->pdata[i], NULL);
          g_autoptr(GBytes) bytes = rapat_cmd_read_input (path, error);

          if (bytes == NULL || !take_message (p, mail, path, bytes, error))
            return FALSE;
        }
    }
  if (!found)
    {
      g_autofree char *ex = rapat_text_excerpt (dir);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                   _("directory '%s': not a maildir (it has no cur or new folder)"), ex);
    }
  return found;
}

/* Starts the Prepared of a run. */
static Prepared *
prepared_new (RapatCmdContext *ctx)
{
  Prepared *p = g_new0 (Prepared, 1);

  p->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  p->empty = g_ptr_array_new_with_free_func (g_free);
  ctx->prepared = p;
  ctx->prepared_free = prepared_free;
  return p;
}

/* The prepare hook of 'import mail': reads every message before the
 * transaction, so that a file that cannot be read ends the command with
 * nothing written. */
static gboolean
import_mail_prepare (RapatCmdContext *ctx, GError **error)
{
  const ImportOptions *opt = ctx->options;
  const RapatMailModule *mail;
  Prepared *p;
  int sources = (ctx->n_args > 0) + (opt->mbox != NULL) + (opt->maildir != NULL);

  if (sources != 1)
    {
      rapat_cmd_usage_error (error, "import mail",
                             _("give FILE..., --mbox FILE or --maildir DIR (one of them)"));
      return FALSE;
    }
  mail = rapat_mail (error);
  if (mail == NULL)
    return FALSE;
  if (mail->read == NULL)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_IO,
                   _("the mail module cannot read messages; is rapat installed whole?"));
      return FALSE;
    }
  if (opt->until != NULL)
    {
      g_autofree char *day = rapat_cmd_day ("until", opt->until, error);

      if (day == NULL)
        return FALSE;
    }
  p = prepared_new (ctx);
  if (opt->maildir != NULL)
    return take_maildir (p, mail, opt->maildir, error);
  if (opt->mbox != NULL)
    {
      g_autoptr(GBytes) bytes = rapat_cmd_read_input (opt->mbox, error);

      return bytes != NULL && take_mbox (p, mail, opt->mbox, bytes, error);
    }
  for (int i = 0; i < ctx->n_args; i++)
    {
      g_autoptr(GBytes) bytes = rapat_cmd_read_input (ctx->args[i], error);

      if (bytes == NULL || !take_message (p, mail, ctx->args[i], bytes, error))
        return FALSE;
    }
  return TRUE;
}

/* The prepare hook of 'import ics': reads every file before the transaction. */
static gboolean
import_ics_prepare (RapatCmdContext *ctx, GError **error)
{
  const ImportOptions *opt = ctx->options;
  Prepared *p = prepared_new (ctx);

  p->events = TRUE;
  if (opt->until != NULL)
    {
      g_autofree char *day = rapat_cmd_day ("until", opt->until, error);

      if (day == NULL)
        return FALSE;
    }
  for (int i = 0; i < ctx->n_args; i++)
    {
      FILE *f = open_input (ctx->args[i], error);

      if (f == NULL)
        return FALSE;
      add_input (p, ctx->args[i], NULL, NULL, NULL);
      ((Input *) p->inputs->pdata[p->inputs->len - 1])->file = f;
    }
  return TRUE;
}

/* Returns the summary line of the events imported (@s). */
static char *
events_line (const RapatCalimportSummary *s, gboolean dry_run)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const guint *c = s->counts;
  g_autofree char *list = NULL;

  /* TRANSLATORS: meetings (or series) added, updated and left as they were. */
  g_ptr_array_add (parts, g_strdup_printf (_("%u added, %u updated, %u unchanged"),
                                           c[RAPAT_CALIMPORT_ADDED], c[RAPAT_CALIMPORT_UPDATED],
                                           c[RAPAT_CALIMPORT_UNCHANGED]));
  if (s->occurrences > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u occurrence of series", "%u occurrences of series", s->occurrences),
      s->occurrences));
  if (c[RAPAT_CALIMPORT_CANCELLED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u meeting cancelled", "%u meetings cancelled", c[RAPAT_CALIMPORT_CANCELLED]),
      c[RAPAT_CALIMPORT_CANCELLED]));
  if (c[RAPAT_CALIMPORT_OLDER] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u older version ignored", "%u older versions ignored",
                c[RAPAT_CALIMPORT_OLDER]), c[RAPAT_CALIMPORT_OLDER]));
  if (c[RAPAT_CALIMPORT_FROZEN] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u newer version not applied (final minutes)",
                "%u newer versions not applied (final minutes)",
                c[RAPAT_CALIMPORT_FROZEN]), c[RAPAT_CALIMPORT_FROZEN]));
  if (c[RAPAT_CALIMPORT_ALL_DAY] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u all-day event skipped (--all-day-as-meetings imports it)",
                "%u all-day events skipped (--all-day-as-meetings imports them)",
                c[RAPAT_CALIMPORT_ALL_DAY]), c[RAPAT_CALIMPORT_ALL_DAY]));
  if (c[RAPAT_CALIMPORT_BAD] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u broken event skipped", "%u broken events skipped", c[RAPAT_CALIMPORT_BAD]),
      c[RAPAT_CALIMPORT_BAD]));
  if (s->people_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u person added to the directory", "%u people added to the directory",
                s->people_added), s->people_added));
  if (s->externals > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u address unknown to the directory kept on its meeting (--add-people adds it)",
                "%u addresses unknown to the directory kept on their meetings (--add-people "
                "adds them)", s->externals), s->externals));
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  return dry_run ? g_strdup_printf (_("Dry run, nothing written: %s."), list)
                 : g_strdup_printf ("%s.", list);
}

/* Returns the summary line of @s: what changed, counted. */
static char *
summary_line (const RapatItipSummary *s, guint empty, gboolean dry_run)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const guint *c = s->counts;
  g_autofree char *list = NULL;

  if (c[RAPAT_ITIP_RECORDED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      dry_run ? ngettext ("%u reply to record", "%u replies to record", c[RAPAT_ITIP_RECORDED])
              : ngettext ("%u reply recorded", "%u replies recorded", c[RAPAT_ITIP_RECORDED]),
      c[RAPAT_ITIP_RECORDED]));
  if (c[RAPAT_ITIP_SAME] > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%u already recorded"), c[RAPAT_ITIP_SAME]));
  if (c[RAPAT_ITIP_STALE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%u stale ignored"), c[RAPAT_ITIP_STALE]));
  if (c[RAPAT_ITIP_UNKNOWN_SENDER] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u unknown sender", "%u unknown senders", c[RAPAT_ITIP_UNKNOWN_SENDER]),
      c[RAPAT_ITIP_UNKNOWN_SENDER]));
  if (c[RAPAT_ITIP_UNKNOWN_MEETING] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u unknown meeting", "%u unknown meetings", c[RAPAT_ITIP_UNKNOWN_MEETING]),
      c[RAPAT_ITIP_UNKNOWN_MEETING]));
  if (c[RAPAT_ITIP_COUNTER] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u new time proposed (see 'rapat import requests')",
                "%u new times proposed (see 'rapat import requests')", c[RAPAT_ITIP_COUNTER]),
      c[RAPAT_ITIP_COUNTER]));
  if (c[RAPAT_ITIP_REFRESH] > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u asks for the invitation again ('rapat invite send MEETING' sends it)",
                "%u ask for the invitation again ('rapat invite send MEETING' sends it)",
                c[RAPAT_ITIP_REFRESH]),
      c[RAPAT_ITIP_REFRESH]));
  if (c[RAPAT_ITIP_SKIPPED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%u skipped"), c[RAPAT_ITIP_SKIPPED]));
  if (empty > 0)
    g_ptr_array_add (parts, g_strdup_printf (
      ngettext ("%u message without a calendar", "%u messages without a calendar", empty),
      empty));
  if (parts->len == 0)
    return g_strdup (_("Nothing to import: no reply, new time or refresh was found."));
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  return dry_run ? g_strdup_printf (_("Dry run, nothing written: %s."), list)
                 : g_strdup_printf ("%s.", list);
}

/* import mail | import ics: applies what the prepare hook read. */
static gboolean
import_run (RapatCmdContext *ctx, GError **error)
{
  const ImportOptions *opt = ctx->options;
  const Prepared *p = ctx->prepared;
  g_auto(RapatItipSummary) summary = { 0 };
  g_autofree char *line = NULL;

  g_auto(RapatCalimportSummary) events = { 0 };
  g_autofree char *zone = NULL;
  RapatCalimportOptions copt = { opt->add_people, opt->all_day, opt->skip_bad, NULL,
                                 opt->until, opt->dry_run };
  gboolean answers = FALSE, any_events = p->events;
  guint n_events = 0;

  rapat_itip_summary_init (&summary);
  rapat_calimport_summary_init (&events);
  ctx->dry_run = opt->dry_run;
  if (p->events)
    {
      zone = rapat_cmd_zone (ctx, opt->tz, error);
      if (zone == NULL)
        return FALSE;
      copt.tz = zone;
    }
  for (guint i = 0; i < p->inputs->len; i++)
    {
      const Input *in = p->inputs->pdata[i];
      gsize len = 0;
      const char *data = in->calendar != NULL ? g_bytes_get_data (in->calendar, &len) : NULL;
      gboolean ok;

      /* A mailed invitation or cancellation from another office is read
       * as 'import ics' reads it, in the configured zone. */
      if (!p->events && data != NULL && rapat_calimport_has_events (data, len))
        {
          if (copt.tz == NULL)
            {
              zone = rapat_cmd_zone (ctx, NULL, error);
              if (zone == NULL)
                return FALSE;
              copt.tz = zone;
            }
          any_events = TRUE;
          copt.from = in->from;
          ok = rapat_calimport (ctx->store, data, len, in->source, &copt, ctx->now, &events,
                                &summary, error);
          copt.from = NULL;
        }
      else if (p->events)
        ok = rapat_calimport_file (ctx->store, in->file, in->source, &copt, ctx->now, &events,
                                   &summary, error);
      else
        ok = rapat_itip_import (ctx->store, data != NULL ? data : "", len, in->source,
                                in->message_id, in->from, ctx->now, &summary, error);
      if (!ok)
        return FALSE;
    }
  for (guint i = 0; i < RAPAT_ITIP_N_OUTCOMES; i++)
    answers = answers || summary.counts[i] > 0;
  for (guint i = 0; i < summary.notes->len; i++)
    fprintf (ctx->out, "%s\n", ((RapatItipNote *) summary.notes->pdata[i])->text);
  for (guint i = 0; i < p->empty->len; i++)
    fprintf (ctx->out, _("%s: no calendar in this message\n"), (char *) p->empty->pdata[i]);
  for (guint i = 0; i < RAPAT_CALIMPORT_N_OUTCOMES; i++)
    n_events += events.counts[i];
  /* Mail that brought only events says only what became of them. */
  if (answers || !any_events)
    {
      line = summary_line (&summary, p->empty->len, opt->dry_run);
      fprintf (ctx->out, "%s\n", line);
    }
  if (any_events)
    {
      g_autofree char *eline = NULL;

      for (guint i = 0; i < events.notes->len; i++)
        fprintf (ctx->out, "%s\n", (char *) events.notes->pdata[i]);
      for (guint i = 0; opt->dry_run && i < events.changes->len; i++)
        fprintf (ctx->out, "%s\n", (char *) events.changes->pdata[i]);
      if (!answers || n_events > 0)
        {
          eline = events_line (&events, opt->dry_run);
          fprintf (ctx->out, "%s\n", eline);
        }
    }
  return TRUE;
}

void
rapat_cmd_itip_requests_print (FILE *out, GPtrArray *list, gboolean with_meeting,
                               const char *indent)
{
  g_autoptr(RapatTable) table = NULL;

  table = rapat_table_new (_("Meeting"), _("Who"), _("Asks"), _("Proposed"), _("Comment"),
                           _("Sent"), NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const RapatItipRequest *r = list->pdata[i];
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (r->meeting_tz);
      g_autofree char *proposed = NULL;
      g_autofree char *sent = NULL;
      g_autofree char *asks = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->meeting_id);
      gboolean counter = strcmp (r->method, "counter") == 0;

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      if (counter)
        proposed = rapat_when_range (r->start_utc, r->end_utc, tz, RAPAT_WHEN_LOCALE);
      sent = rapat_when_instant_zoned (r->sent_at, tz);
      if (!counter && r->answered_at != 0)
        {
          g_autofree char *at = rapat_when_instant_zoned (r->answered_at, tz);

          asks = g_strdup_printf (_("the invitation again (sent %s)"), at);
        }
      rapat_table_add (table, with_meeting ? id : "", r->person_name,
                       asks != NULL ? asks
                       : counter ? _("a new time") : _("the invitation again"),
                       proposed != NULL ? proposed : "", r->comment != NULL ? r->comment : "",
                       sent);
    }
  rapat_table_hide_empty (table, 0);
  rapat_table_hide_empty (table, 3);
  rapat_table_hide_empty (table, 4);
  rapat_table_max_width (table, 4, 40);
  rapat_table_print (table, out, indent);
}

/* import requests [MEETING]: the new times proposed and the invitations
 * asked for again. */
static gboolean
import_requests (RapatCmdContext *ctx, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;

  list = rapat_store_itip_requests (ctx->store, ctx->target_id, ctx->now, error);
  if (list == NULL)
    return FALSE;
  if (list->len == 0)
    {
      fprintf (ctx->out, _("No new time proposed and no invitation asked for again.\n"));
      return TRUE;
    }
  rapat_cmd_itip_requests_print (ctx->out, list, TRUE, "");
  return TRUE;
}

const RapatCommand rapat_import_commands[] = {
  { "mail", "[FILE...]", N_("Read replies to invitations, and invitations from others, from e-mails"),
    N_("Each FILE is one message ('-' reads one from standard input); --mbox and --maildir\n"
       "read many.  Every text/calendar part and .ics attachment is read, in any MIME\n"
       "structure.  A REPLY records the invitee's answer, a COUNTER keeps the new time they\n"
       "propose (listed by 'import requests', never applied), a REFRESH asks for the\n"
       "invitation again.  Replies older than the one recorded, or to an earlier version of\n"
       "the invitation, are ignored; importing a message twice changes nothing.  An\n"
       "invitation (REQUEST) or a cancellation (CANCEL) from another organizer is read as\n"
       "'import ics' reads it, in the configured zone.  A file that cannot be read ends the\n"
       "command and nothing is written."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 0, -1,
    RAPAT_OPTIONS (mail_entries, ImportOptions), RAPAT_TARGET_NONE, import_run,
    import_mail_prepare },
  { "ics", "FILE...", N_("Read meetings, and replies to invitations, from .ics files"),
    N_("Each FILE is an iCalendar file ('-' reads standard input), from Outlook, Google,\n"
       "Apple, Thunderbird or rapat.  Its events (METHOD PUBLISH, REQUEST or none) become\n"
       "meetings, a repeating one a series with its exceptions; REPLY, COUNTER and REFRESH\n"
       "are read as 'import mail' reads them.  A UID imported before is updated only by a\n"
       "newer version (SEQUENCE, then LAST-MODIFIED or DTSTAMP): importing a file twice\n"
       "changes nothing.  Zones: IANA names, Windows names (CLDR) and VTIMEZONEs that match\n"
       "an IANA zone are kept; others in UTC.  Organizers and attendees are found by\n"
       "e-mail; the others are kept on the meeting (or added, --add-people).  What rapat\n"
       "does not model (X- properties, alarms) is kept and exported again.  A broken event\n"
       "refuses the whole file and nothing is written (--skip-bad skips it)."),
    RAPAT_CMD_STORE | RAPAT_CMD_WRITE, 1, -1,
    RAPAT_OPTIONS (ics_entries, ImportOptions), RAPAT_TARGET_NONE, import_run,
    import_ics_prepare },
  { "requests", "[MEETING]", N_("List new times proposed and invitations asked for again"),
    N_("Without MEETING: those of every meeting not yet over."),
    RAPAT_CMD_STORE, 0, 1, RAPAT_NO_OPTIONS, RAPAT_TARGET_MEETING, import_requests },
  { NULL },
};
