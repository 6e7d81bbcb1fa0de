/* rapat — the language of the output, and numbers for people (core layer).
 *
 * One rule chooses the language a command speaks: --lang where the command
 * offers it, else RAPAT_LANG, else the locale's messages language (LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG, as gettext reads them); documents about a
 * meeting default to Indonesian for a meeting in WIB, WITA or WIT (see
 * rapat_lang_for_zone()).  rapat speaks English and Indonesian; any other
 * language is English.
 *
 * rapat_lang_use() makes gettext answer in that language whether or not the
 * machine has the locale installed (a server often has only C.UTF-8): the
 * messages come from rapat's catalog, and the dates and numbers from rapat's
 * own rules (src/when.c and below), never from the C library's locale data.
 * Output for programs (JSON, CSV for programs, iCalendar) does not change. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

typedef enum {
  RAPAT_LANG_EN,
  RAPAT_LANG_ID,
} RapatLang;

/* Reads @text, "id" or "en" (also "indonesian"/"indonesia", "english"/
 * "inggris", any case), into *@lang; else sets @error naming @what (the
 * option or variable it came from) and the value. */
gboolean rapat_lang_parse (const char *what, const char *text, RapatLang *lang, GError **error);

/* Returns the language the locale asks for: the first of LANGUAGE (when the
 * locale is not C), LC_ALL, LC_MESSAGES, LANG that is set, as gettext reads
 * them; RAPAT_LANG_ID for "id" (or "in"), RAPAT_LANG_EN for anything else. */
RapatLang rapat_lang_of_locale (void);

/* Returns the language the environment chooses: RAPAT_LANG when set (sets
 * @error for a value that is not a language rapat speaks), else
 * rapat_lang_of_locale(). *@explicit_ is TRUE when RAPAT_LANG chose it. */
gboolean rapat_lang_from_environment (RapatLang *lang, gboolean *explicit_, GError **error);

/* Returns the language a document about a meeting in zone @tzid is written
 * in when nothing chooses one: Indonesian for the zones of Indonesia (WIB,
 * WITA, WIT), English elsewhere. */
RapatLang rapat_lang_for_zone (const char *tzid);

/* Makes @lang the language of everything printed from now on: gettext's
 * messages (switching catalogs in the running process) and rapat_lang(). */
void rapat_lang_use (RapatLang lang);

/* Returns the language set by rapat_lang_use() (English before any call). */
RapatLang rapat_lang (void);

/* Returns the code of @lang for <html lang>: "id" or "en". */
const char *rapat_lang_code (RapatLang lang);

/* Returns @value with @decimals digits after the mark, in @lang's writing:
 * Indonesian "1.234,5", English "1,234.5".  Rounds half away from zero. */
char *rapat_lang_number (double value, guint decimals, RapatLang lang);

/* Returns the whole number @n in @lang's writing: "1.234" or "1,234". */
char *rapat_lang_count (gint64 n, RapatLang lang);

/* Returns @fraction (0.818) as a percentage with one decimal, "81,8%" or
 * "81.8%"; "-" when @fraction is negative (no value). */
char *rapat_lang_percent (double fraction, RapatLang lang);

G_END_DECLS
