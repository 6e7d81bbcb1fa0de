/* rapat — the command line: command tables, dispatch and shared helpers (cli layer).
 *
 * Each cmd-<group>.c file owns a table of its verbs.  The dispatcher finds
 * the group and verb, parses the options the entry declares, opens the store
 * when the entry's flags ask for it, runs a writing command inside one
 * transaction and turns a GError into one line on stderr and an exit code. */
#pragma once

#include <stdio.h>

#include "rapat.h"
#include "store.h"
#include "html.h"
#include "csv-read.h"
#include "directory.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_CMD_PLAIN = 0,
  RAPAT_CMD_STORE = 1 << 0,   /* needs the database, opened and migrated */
  RAPAT_CMD_WRITE = 1 << 1,   /* writes: one transaction; output held until it commits */
} RapatCmdFlags;

/* What the first positional argument names.  The dispatcher resolves it,
 * inside the command's transaction, before the handler runs (as tmux's
 * cmd_entry.target does), so that every command names a record the same
 * way and says the same thing when it is not found. */
typedef enum {
  RAPAT_TARGET_NONE = 0,
  RAPAT_TARGET_UNIT,          /* ctx->target_id */
  RAPAT_TARGET_PERSON,        /* ctx->target_id */
  RAPAT_TARGET_MEETING,       /* ctx->target_id and ctx->meeting */
  RAPAT_TARGET_ISSUE,         /* ctx->target_id */
  RAPAT_TARGET_ACTION,        /* ctx->target_id */
  RAPAT_TARGET_GROUP,         /* ctx->target_id */
} RapatTarget;

/* One option of a command, bound by offset to a field of the command's own
 * options struct, which the dispatcher allocates zeroed for each run and
 * frees after it (git's struct option arrays bound to local variables):
 * nothing global to reset.  An entry with @include set takes the entries of
 * a shared group, whose fields sit in a struct at @offset. */
typedef struct _RapatOption RapatOption;

struct _RapatOption {
  const char *long_name;
  char short_name;
  GOptionArg arg;               /* NONE, STRING, FILENAME or their _ARRAY */
  gsize offset;
  const char *description;      /* marked N_() */
  const char *arg_description;  /* marked N_(), or NULL */
  const RapatOption *include;
};

#define RAPAT_OPT_FLAG(name, Struct, field, desc) \
  { name, 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (Struct, field), desc, NULL, NULL }
#define RAPAT_OPT_TEXT(name, Struct, field, desc, argdesc) \
  { name, 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (Struct, field), desc, argdesc, NULL }
#define RAPAT_OPT_LIST(name, Struct, field, desc, argdesc) \
  { name, 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (Struct, field), desc, argdesc, NULL }
#define RAPAT_OPT_GROUP(group, Struct, field) \
  { NULL, 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (Struct, field), NULL, NULL, group }
#define RAPAT_OPT_END { NULL, 0, G_OPTION_ARG_NONE, 0, NULL, NULL, NULL }

/* --json, the one flag most listings and shows share. */
#define RAPAT_OPT_JSON(Struct, field) \
  RAPAT_OPT_FLAG ("json", Struct, field, N_("Print JSON for programs"))

/* The shared group --from DAY --to DAY --tz ZONE, bound to a RapatRangeOptions
 * (include it with RAPAT_OPT_GROUP (rapat_range_options, Struct, field)). */
typedef struct {
  char *from;
  char *to;
  char *tz;
} RapatRangeOptions;

extern const RapatOption rapat_range_options[];

typedef struct {
  RapatStore *store;      /* set when the command has RAPAT_CMD_STORE */
  const char *db_path;    /* the database file chosen */
  FILE *out;              /* where the command prints its results */
  char **args;            /* positional arguments after the verb */
  int n_args;
  gint64 now;             /* the current instant (see rapat_time_now()) */
  gconstpointer options;  /* the command's options struct, or NULL */
  gint64 target_id;       /* the record args[0] names (see RapatTarget), or 0 */
  RapatMeeting *meeting;  /* with RAPAT_TARGET_MEETING: that meeting */
  GPtrArray *warnings;    /* kept by rapat_cmd_warn() */
  gpointer prepared;      /* what the entry's prepare hook kept for its handler, or NULL */
  gboolean dry_run;       /* set by a writing handler: print its output, then roll back */
  /* Frees @prepared once the command is over; @ok says whether it
   * succeeded (for a writing command: committed). */
  void (*prepared_free) (gpointer prepared, gboolean ok);
  /* Set by a prepare hook when this run writes nothing after all (a dry
   * run, nothing due): the handler then runs in a read transaction with
   * its output unbuffered, as a reading command's does, and the file is
   * left untouched (no PRAGMA optimize). */
  gboolean read_only;
  /* Set by a writing handler that returns TRUE to keep what it wrote and
   * still fail: work done outside the database (mail delivered before a
   * later delivery failed) must be recorded, and the exit status must say
   * that not all went well.  The transaction commits, then the command
   * fails with this error. */
  GError *failure;
  gboolean committed;     /* the writing command's transaction committed */
} RapatCmdContext;

typedef struct _RapatCommand RapatCommand;

struct _RapatCommand {
  const char *name;
  const char *args;             /* positional arguments for the usage line */
  const char *summary;          /* one line, marked N_() */
  const char *description;      /* more help, marked N_(), or NULL */
  RapatCmdFlags flags;
  int min_args;
  int max_args;                 /* -1: no limit */
  const RapatOption *options;   /* terminated by RAPAT_OPT_END, or NULL */
  gsize options_size;           /* sizeof the struct they are bound to */
  RapatTarget target;
  gboolean (*run) (RapatCmdContext *ctx, GError **error);
  /* Optional: work done BEFORE the command's transaction, such as waiting
   * for a person in an editor, which must not hold SQLite's write lock.
   * It runs with no transaction open and the target resolved (from a read
   * transaction that has ended: the handler's own transaction resolves it
   * again); to read, it opens a read transaction of its own.  What it
   * keeps for the handler goes into ctx->prepared.  Its failure ends the
   * command before any transaction is opened. */
  gboolean (*prepare) (RapatCmdContext *ctx, GError **error);
};

/* The options part of a table entry: the entries and the struct they fill. */
#define RAPAT_OPTIONS(entries, Struct) entries, sizeof (Struct)
#define RAPAT_NO_OPTIONS NULL, 0

typedef struct {
  const char *name;
  const char *summary;          /* marked N_() */
  const RapatCommand *verbs;    /* terminated by an entry with name NULL */
} RapatGroup;

extern const RapatCommand rapat_init_commands[];
extern const RapatCommand rapat_demo_commands[];
extern const RapatCommand rapat_unit_commands[];
extern const RapatCommand rapat_person_commands[];
extern const RapatCommand rapat_meeting_commands[];
extern const RapatCommand rapat_agenda_commands[];
extern const RapatCommand rapat_attendee_commands[];
extern const RapatCommand rapat_issue_commands[];
extern const RapatCommand rapat_action_commands[];
extern const RapatCommand rapat_report_commands[];
extern const RapatCommand rapat_export_commands[];
extern const RapatCommand rapat_schedule_commands[];
extern const RapatCommand rapat_config_commands[];
extern const RapatCommand rapat_check_commands[];
extern const RapatCommand rapat_backup_commands[];
extern const RapatCommand rapat_minutes_commands[];
extern const RapatCommand rapat_invite_commands[];
extern const RapatCommand rapat_import_commands[];
extern const RapatCommand rapat_holiday_commands[];
extern const RapatCommand rapat_group_commands[];

/* The command tables, for help, man pages and completion: the groups
 * (terminated by an entry with name NULL), the options every command takes
 * (--db, --help), and those before the group (the same, and --version). */
const RapatGroup *rapat_cmd_groups (void);
const RapatOption *rapat_cmd_common_options (void);
const RapatOption *rapat_cmd_global_options (void);

/* rapat __complete [--shell SHELL] -- WORD...: prints what may complete the
 * last WORD of the command line "rapat WORD..." (src/cmd-complete.c).
 * Prints nothing on any failure, on stdout or stderr; returns 0. */
int rapat_cmd_complete (int argc, char **argv);

/* rapat __man [--lang id|en] [GROUP | --list | --dir DIR]: writes rapat(1),
 * a group's page or all of them, from the command tables (src/cmd-man.c), in
 * English or in Indonesian (--lang, else RAPAT_LANG, else the locale).
 * Returns the exit status. */
int rapat_cmd_man (int argc, char **argv);

/* The keys 'rapat config set' knows, NULL-terminated (src/cmd-config.c). */
const char *rapat_cmd_config_key (guint i);

/* The formats 'minutes export --format' writes, NULL-terminated. */
extern const char *const rapat_minutes_formats[];

/* Runs rapat with the given command line and returns the exit status:
 * 0 on success, 2 for a usage error, 1 for any other failure. */
int rapat_cmd_main (int argc, char **argv);

/* Returns the database path rapat uses when --db is not given: $RAPAT_DB,
 * else $XDG_DATA_HOME/rapat/rapat.db (creating the folder 0700). */
char *rapat_cmd_default_db (GError **error);

/* Keeps a warning (a whole sentence, no "rapat: warning:" prefix) that the
 * dispatcher prints on stderr once the command is over: for a writing
 * command, only when its transaction commits, so that nothing warns of a
 * change that was not made. */
void rapat_cmd_warn (RapatCmdContext *ctx, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Parses a RapatRangeOptions as rapat_cmd_day_range() does. */
gboolean rapat_cmd_range (RapatCmdContext *ctx, const RapatRangeOptions *range,
                          gint64 *from_utc, gint64 *to_utc, GError **error);

/* Sets a usage error (exit 2) for the command @cmd_name. */
void rapat_cmd_usage_error (GError **error, const char *cmd_name, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

/* Applies an optional text option to a record field: NULL leaves *@field
 * as it is, "" clears it (unless @flags has RAPAT_TEXT_REQUIRED, which makes
 * it an error), anything else is checked with rapat_text_check() and copied. */
gboolean rapat_cmd_take_text (const char *what, const char *value, guint flags,
                              guint max_chars, char **field, GError **error);

/* Returns the bytes of the file @path, or of standard input when @path is
 * "-"; NULL with @error naming the file (rapat_cmd_file_label()). */
GBytes *rapat_cmd_read_input (const char *path, GError **error);

/* A prepare hook (RapatCmd.prepare) for a command whose last argument is a
 * file to read, "-" for standard input: reads it before the transaction,
 * so that no lock is held while a pipe is slow, into ctx->prepared (a
 * GBytes; rapat_cmd_prepared_bytes()). */
gboolean rapat_cmd_prepare_input (RapatCmdContext *ctx, GError **error);

/* Returns the bytes rapat_cmd_prepare_input() read (owned by @ctx). */
GBytes *rapat_cmd_prepared_bytes (RapatCmdContext *ctx);

/* Reads the CSV file that rapat_cmd_prepare_input() read, named @path in
 * messages (rapat_csv_read(), its errors naming the file); NULL with
 * @error when it cannot be parsed. */
RapatCsv *rapat_cmd_read_csv (RapatCmdContext *ctx, const char *path, GError **error);
/* Returns @path as messages name a file: whole when it is printable text,
 * else an excerpt with the odd characters escaped; "-" is standard input. */
char *rapat_cmd_file_label (const char *path);

/* Prints "FILE: new: n, changed: n, unchanged: n" for an import, and for a
 * dry run each new or changed record. */
void rapat_cmd_print_plan (RapatCmdContext *ctx, const char *file, const RapatImportPlan *plan,
                           gboolean dry_run);
/* Fails with RAPAT_ERROR_USAGE unless @format is NULL or "csv". */
gboolean rapat_cmd_check_csv_format (const char *format, GError **error);
/* Returns how a directory export names unit @id (among @units): its code,
 * else its name; NULL for 0. */
const char *rapat_cmd_unit_label (GPtrArray *units, gint64 id);

/* Appends to @ids (gint64) the people of each unit named in @units
 * (rapat_store_unit_people(): with @subunits those of the units below it
 * too, with @heads only the heads), each once, leaving out those already
 * in @ids.  With @heads, the units without a head are named in one warning
 * (rapat_cmd_warn()). */
gboolean rapat_cmd_unit_people (RapatCmdContext *ctx, char **units, gboolean subunits,
                                gboolean heads, GArray *ids, GError **error);

/* Fails with a usage error for @cmd_name when --subunits or --heads is
 * given without --unit (@units NULL or empty). */
gboolean rapat_cmd_check_unit_flags (const char *cmd_name, char **units, gboolean subunits,
                                     gboolean heads, GError **error);

/* Appends @id to @ids (gint64) unless it is there already; returns
 * whether it did. */
gboolean rapat_cmd_ids_add (GArray *ids, gint64 id);

/* Checks the stored meeting @meeting_id for clashes (only those involving
 * @person_ids, an array of gint64, when not NULL).  Each clash is a warning
 * kept with rapat_cmd_warn(); with @strict, any clash is an error instead (the caller's
 * transaction then writes nothing). */
gboolean rapat_cmd_check_clashes (RapatCmdContext *ctx, gint64 meeting_id, GArray *person_ids,
                                  gboolean strict, GError **error);

/* Like rapat_cmd_check_clashes(), but only for the rooms of the meeting's
 * own parallel sessions: what a change of its agenda can bring. */
gboolean rapat_cmd_check_session_clashes (RapatCmdContext *ctx, gint64 meeting_id,
                                          gboolean strict, GError **error);

/* Returns the name of the zone a command reads and shows times in: @tz_option
 * (--tz) when not NULL, else the database's setting "tz" ('rapat config set
 * tz'), else the system's zone (rapat_time_zone_default()); NULL with @error
 * when none of them gives one.  The name is not checked: load it. */
char *rapat_cmd_zone (RapatCmdContext *ctx, const char *tz_option, GError **error);

/* Parses --from and --to (days, both included) in --tz @zone (NULL: the
 * zone rapat_cmd_zone() gives) into instants: @from_utc is the start of the
 * first day, @to_utc the end of the last; an absent bound stays 0.  A range
 * ending before it starts is refused. */
gboolean rapat_cmd_day_range (RapatCmdContext *ctx, const char *from, const char *to,
                              const char *zone, gint64 *from_utc, gint64 *to_utc,
                              GError **error);

/* Returns the day @text names as a canonical "YYYY-MM-DD", or NULL with @error. */
char *rapat_cmd_day (const char *what, const char *text, GError **error);

/* Returns today, "YYYY-MM-DD", in the zone rapat_cmd_zone() gives without --tz. */
char *rapat_cmd_today (RapatCmdContext *ctx, GError **error);

/* Returns the day overdue is judged against: @text (--as-of) if given, else
 * rapat_cmd_today(). */
char *rapat_cmd_as_of (RapatCmdContext *ctx, const char *text, GError **error);

/* Loads the meeting named by @text (an id, a uid or part of a title). */
RapatMeeting *rapat_cmd_load_meeting (RapatCmdContext *ctx, const char *text, GError **error);

/* The largest logo a letterhead embeds, in bytes: a page with a bigger
 * image is slow to print and mail. */
#define RAPAT_LOGO_MAX_BYTES (512 * 1024)

/* Reads the logo image at @path (a PNG, JPEG or SVG file of at most
 * RAPAT_LOGO_MAX_BYTES, a PNG or JPEG at most 4000 pixels a side) and
 * returns it as a data: URI, or NULL with @error naming the file and
 * what is wrong with it. */
char *rapat_cmd_logo_uri (const char *path, GError **error);

/* The letterhead settings ('rapat config set letterhead.*') read from the
 * database: the fields of a RapatLetterhead, and the city of the place and
 * date line of a letter. */
typedef struct {
  RapatLetterhead head;
  char *city;
  char *strings[5];     /* what the fields point to */
  char *logo_uri;
  char *logo_name;      /* the logo's file, shortened for messages */
} RapatCmdLetterhead;

/* Fills @lh from the settings.  A logo that can no longer be read is left
 * out with a warning (rapat_cmd_warn()): the paper is still printed. */
gboolean rapat_cmd_letterhead (RapatCmdContext *ctx, RapatCmdLetterhead *lh, GError **error);

/* Frees what rapat_cmd_letterhead() filled in @lh. */
void rapat_cmd_letterhead_clear (RapatCmdLetterhead *lh);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapatCmdLetterhead, rapat_cmd_letterhead_clear)

/* Returns @s, or @fallback when @s is NULL. */
const char *rapat_cmd_or (const char *s, const char *fallback);

/* Prints the RapatItipRequest of @list (new times proposed, invitations
 * asked for again) as a table, with the meeting's id when @with_meeting
 * (cmd-import.c). */
void rapat_cmd_itip_requests_print (FILE *out, GPtrArray *list, gboolean with_meeting,
                                    const char *indent);

/* Chooses the language of a document about a meeting in zone @tzid (may
 * be NULL): @lang (--lang) when given, else RAPAT_LANG, else Indonesian for
 * a meeting in WIB, WITA or WIT and English elsewhere, whatever the locale
 * (see src/lang.h).  Makes it the language of the output and returns its
 * code, "id" or "en"; NULL with @error for a language rapat does not speak. */
const char *rapat_cmd_paper_lang (const char *lang, const char *tzid, GError **error);

/* Returns in @ics (a new string, CRLF lines) the iTIP message of meeting @m
 * that 'export ics --meeting M --method request|cancel [--series]' writes:
 * @method RAPAT_ICS_REQUEST or RAPAT_ICS_CANCEL, checked as that command
 * checks it.  With @only (RapatAttendee), its ATTENDEEs are these instead
 * of the stored ones: a cancellation addressed to a removed invitee.
 * (Declared here rather than in an export header: it is the command's
 * own builder, shared with 'invite send'.) */
gboolean rapat_cmd_invitation_ics (RapatCmdContext *ctx, const RapatMeeting *m, int method,
                                   gboolean series, GPtrArray *only, char **ics, GError **error);

G_END_DECLS
