/* rapat — the language of the output, and numbers for people (core layer). */
#include "lang.h"

#include <libintl.h>
#include <locale.h>
#include <math.h>   /* isfinite() */
#include <stdlib.h>
#include <string.h>

static RapatLang current = RAPAT_LANG_EN;

gboolean
rapat_lang_parse (const char *what, const char *text, RapatLang *lang, GError **error)
{
  static const struct { const char *name; RapatLang lang; } names[] = {
    { "id", RAPAT_LANG_ID }, { "indonesian", RAPAT_LANG_ID }, { "indonesia", RAPAT_LANG_ID },
    { "en", RAPAT_LANG_EN }, { "english", RAPAT_LANG_EN }, { "inggris", RAPAT_LANG_EN },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *lang = names[i].lang;
        return TRUE;
      }
  g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
               /* TRANSLATORS: %s is where the value came from (--lang, RAPAT_LANG), then the value. */
               _("%s '%s': rapat speaks id (Bahasa Indonesia) or en (English)"),
               what, text != NULL ? text : "");
  return FALSE;
}

/* Returns the language of the locale name @name ("id_ID.UTF-8", "id",
 * "en_US"): Indonesian for "id" and the old code "in". */
static RapatLang
lang_of_name (const char *name)
{
  gsize n = 0;

  while (g_ascii_isalpha (name[n]))
    n++;
  if (n == 2 && (g_ascii_strncasecmp (name, "id", 2) == 0
                 || g_ascii_strncasecmp (name, "in", 2) == 0)
      && (name[n] == '\0' || strchr ("_.@:", name[n]) != NULL))
    return RAPAT_LANG_ID;
  return RAPAT_LANG_EN;
}

RapatLang
rapat_lang_of_locale (void)
{
  static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *locale = NULL;
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (vars) && locale == NULL; i++)
    {
      const char *v = g_getenv (vars[i]);

      if (v != NULL && *v != '\0')
        locale = v;
    }
  /* gettext reads LANGUAGE, a list, only when the locale is not C. */
  if (language != NULL && *language != '\0' && locale != NULL
      && strcmp (locale, "C") != 0 && strcmp (locale, "POSIX") != 0)
    return lang_of_name (language);
  return locale != NULL ? lang_of_name (locale) : RAPAT_LANG_EN;
}

gboolean
rapat_lang_from_environment (RapatLang *lang, gboolean *explicit_, GError **error)
{
  const char *chosen = g_getenv ("RAPAT_LANG");

  *explicit_ = chosen != NULL && *chosen != '\0';
  if (*explicit_)
    return rapat_lang_parse ("RAPAT_LANG", chosen, lang, error);
  *lang = rapat_lang_of_locale ();
  return TRUE;
}

RapatLang
rapat_lang_for_zone (const char *tzid)
{
  /* The zones of Indonesia and the old name of Makassar's. */
  static const char *const zones[] = {
    "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Ujung_Pandang", "Asia/Jayapura",
  };

  for (guint i = 0; tzid != NULL && i < G_N_ELEMENTS (zones); i++)
    if (strcmp (tzid, zones[i]) == 0)
      return RAPAT_LANG_ID;
  return RAPAT_LANG_EN;
}

void
rapat_lang_use (RapatLang lang)
{
  const char *messages;

  current = lang;
  /* gettext takes the language from LANGUAGE, which it reads only when the
   * messages locale is not C: a machine without id_ID installed is still
   * answered in Indonesian under C.UTF-8, which glibc always has. */
  g_setenv ("LANGUAGE", lang == RAPAT_LANG_ID ? "id" : "en", TRUE);
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    {
      if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
        setlocale (LC_MESSAGES, "C");
    }
  /* Naming the text domain again is how gettext is told that the
   * environment changed: it forgets the translations it looked up. */
  {
    g_autofree char *domain = g_strdup (textdomain (NULL));

    textdomain (domain);
  }
}

RapatLang
rapat_lang (void)
{
  return current;
}

const char *
rapat_lang_code (RapatLang lang)
{
  return lang == RAPAT_LANG_ID ? "id" : "en";
}

/* Appends the digits of @n (>= 0) to @s with @group between thousands. */
static void
append_grouped (GString *s, guint64 n, char group)
{
  char digits[24];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, group);
      g_string_append_c (s, digits[i]);
    }
}

char *
rapat_lang_number (double value, guint decimals, RapatLang lang)
{
  char group = lang == RAPAT_LANG_ID ? '.' : ',';
  char mark = lang == RAPAT_LANG_ID ? ',' : '.';
  GString *s = g_string_new (NULL);
  double scale = 1, scaled;
  guint64 whole, frac;

  decimals = MIN (decimals, 6);
  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  if (!isfinite (value))
    {
      g_string_append (s, "-");
      return g_string_free (s, FALSE);
    }
  /* Rounded once, in whole units of the last digit: no printf and no
   * locale between the value and its digits. */
  scaled = (value < 0 ? -value : value) * scale + 0.5;
  if (scaled >= 9.0e18)
    scaled = 9.0e18;
  scaled = (double) (guint64) scaled;
  whole = (guint64) scaled / (guint64) scale;
  frac = (guint64) scaled % (guint64) scale;
  if (value < 0 && scaled > 0)
    g_string_append_c (s, '-');
  append_grouped (s, whole, group);
  if (decimals > 0)
    g_string_append_printf (s, "%c%0*" G_GUINT64_FORMAT, mark, (int) decimals, frac);
  return g_string_free (s, FALSE);
}

char *
rapat_lang_count (gint64 n, RapatLang lang)
{
  GString *s = g_string_new (NULL);

  if (n < 0)
    g_string_append_c (s, '-');
  append_grouped (s, n < 0 ? (guint64) 0 - (guint64) n : (guint64) n,
                  lang == RAPAT_LANG_ID ? '.' : ',');
  return g_string_free (s, FALSE);
}

char *
rapat_lang_percent (double fraction, RapatLang lang)
{
  g_autofree char *number = NULL;

  if (fraction < 0 || !isfinite (fraction))
    return g_strdup ("-");
  number = rapat_lang_number (fraction * 100.0, 1, lang);
  return g_strconcat (number, "%", NULL);
}
