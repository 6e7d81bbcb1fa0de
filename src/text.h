/* rapat — validation of text entered by users (core layer). */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* Documented limits, in characters; the schema's CHECK constraints agree. */
#define RAPAT_MAX_NAME   200    /* names, titles, positions, locations */
#define RAPAT_MAX_CODE   32     /* unit codes, phone numbers */
#define RAPAT_MAX_KIND   64     /* meeting kinds */
#define RAPAT_MAX_EMAIL  254
#define RAPAT_MAX_TEXT   10000  /* descriptions, notes, reasons */

typedef enum {
  RAPAT_TEXT_LINE      = 0,        /* one line: no control characters at all */
  RAPAT_TEXT_MULTILINE = 1 << 0,   /* tab and newline allowed */
  RAPAT_TEXT_REQUIRED  = 1 << 1,   /* empty or blank text is refused */
} RapatTextFlags;

/* Checks that @value (a field called @what, e.g. "title") is valid UTF-8,
 * has no control characters other than those @flags allow, is at most
 * @max_chars characters long and, if required, not blank.  One-line text
 * (without RAPAT_TEXT_MULTILINE: names, titles, codes, e-mails, positions,
 * locations, rooms...) must also be free of direction embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069) and zero-width
 * characters (U+200B-U+200D, U+2060, U+FEFF); the message names the
 * character and its position (in characters, from 1).  Returns FALSE with
 * @error set to a one-line message naming the field, a short excerpt of
 * the value and the reason. */
gboolean rapat_text_check (const char *what, const char *value, RapatTextFlags flags,
                           guint max_chars, GError **error);

/* Checks an e-mail address: one '@', non-empty local part and domain, no
 * spaces or control characters, at most RAPAT_MAX_EMAIL characters. */
gboolean rapat_email_check (const char *value, GError **error);

/* Returns a copy of @value safe to quote in a one-line error message:
 * invalid UTF-8, control characters and the characters one-line text
 * refuses escaped (\u202e), cut to about 40 characters (an empty string
 * for NULL). */
char *rapat_text_excerpt (const char *value);

/* Returns the number of terminal columns @s takes (wide characters count 2,
 * combining marks 0).  A byte that does not start a valid UTF-8 character
 * counts as one column; nothing past the terminating NUL is read. */
gsize rapat_text_width (const char *s);

/* Returns TRUE when @s is a string of 1 to 18 ASCII digits with a value of
 * at least 1, storing it in @out.  (Ids never come near 10^18; refusing
 * longer strings keeps the arithmetic free of overflow.) */
gboolean rapat_text_parse_id (const char *s, gint64 *out);

/* Returns whether @s is one or more ASCII digits and nothing else: a
 * number, whether or not in the range a parser wants. */
gboolean rapat_text_is_digits (const char *s);

/* Returns @s NFKC-normalised and case-folded, without the characters that
 * cannot be seen (Unicode's default ignorables: zero-width characters,
 * direction controls, the soft hyphen...), so that "ＫＡＮＷＩＬ",
 * "Kanwil" and "Kanwil" + U+200B give the same key; a copy of @s when it
 * is not valid UTF-8.  The key names are compared and sorted by, as the
 * SQL function rapat_fold() gives it. */
char *rapat_text_fold (const char *s);

/* Returns the Damerau-Levenshtein distance between @a and @b (the optimal
 * string alignment kind: insertions, deletions, substitutions and swaps of
 * two neighbouring bytes, each costing 1), or @limit + 1 when it is more
 * than @limit: what "did you mean" needs for command and option names,
 * which are ASCII. */
guint rapat_text_edit_distance (const char *a, const char *b, guint limit);

/* How well @part names @name, both already folded (rapat_text_fold()), as
 * people expect a part of a name to work: "Andi" means Andi Latuconsina
 * before Lilik Sujandi. */
typedef enum {
  RAPAT_MATCH_NONE,
  RAPAT_MATCH_INSIDE,       /* inside a word: "andi" in "sujandi" */
  RAPAT_MATCH_WORD_START,   /* at the start of a word: "lat" in "ahmad latuconsina" */
  RAPAT_MATCH_WORD,         /* whole words: "andi" in "andi fahmi nanlohy" */
  RAPAT_MATCH_EXACT,        /* the whole name */
} RapatMatch;

/* Returns the best way @part occurs in @name (words being runs of letters
 * and digits); RAPAT_MATCH_NONE when it does not occur or is empty. */
RapatMatch rapat_text_match (const char *name, const char *part);

G_END_DECLS
