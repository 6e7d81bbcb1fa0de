/* rapat — validation of text entered by users (core layer). */
#include "text.h"

#include <string.h>

#define EXCERPT_CHARS 40

/* The characters refused in one-line text: invisible, or reordering what
 * follows them on the line (Unicode names, which are not translated). */
static const struct {
  gunichar c;
  const char *name;
} refused_chars[] = {
  { 0x200B, "ZERO WIDTH SPACE" },
  { 0x200C, "ZERO WIDTH NON-JOINER" },
  { 0x200D, "ZERO WIDTH JOINER" },
  { 0x202A, "LEFT-TO-RIGHT EMBEDDING" },
  { 0x202B, "RIGHT-TO-LEFT EMBEDDING" },
  { 0x202C, "POP DIRECTIONAL FORMATTING" },
  { 0x202D, "LEFT-TO-RIGHT OVERRIDE" },
  { 0x202E, "RIGHT-TO-LEFT OVERRIDE" },
  { 0x2060, "WORD JOINER" },
  { 0x2066, "LEFT-TO-RIGHT ISOLATE" },
  { 0x2067, "RIGHT-TO-LEFT ISOLATE" },
  { 0x2068, "FIRST STRONG ISOLATE" },
  { 0x2069, "POP DIRECTIONAL ISOLATE" },
  { 0xFEFF, "ZERO WIDTH NO-BREAK SPACE" },
};

/* Returns the Unicode name of @c if one-line text refuses it, else NULL. */
static const char *
refused_name (gunichar c)
{
  if (c < 0x200B)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (refused_chars); i++)
    if (refused_chars[i].c == c)
      return refused_chars[i].name;
  return NULL;
}

/* Returns TRUE for a Default_Ignorable_Code_Point (Unicode 15): nothing
 * to see, so nothing a folded key should keep.  Includes every refused
 * character, and also the soft hyphen, LRM/RLM, variation selectors and
 * fillers, which names that were stored before may hold. */
static gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160)
         || (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F)
         || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F)
         || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8)
         || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A)
         || (c >= 0xE0000 && c <= 0xE0FFF);
}

char *
rapat_text_excerpt (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value != NULL ? value : "";
  const char *end = p + strlen (p);
  guint n = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (n >= EXCERPT_CHARS)
        {
          g_string_append (out, "...");
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
        }
      else
        {
          if (c == '\n')
            g_string_append (out, "\\n");
          else if (c == '\t')
            g_string_append (out, "\\t");
          else if (c == '\r')
            g_string_append (out, "\\r");
          else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || refused_name (c) != NULL)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
        }
      n++;
    }
  return g_string_free (out, FALSE);
}

gboolean
rapat_text_check (const char *what, const char *value, RapatTextFlags flags,
                  guint max_chars, GError **error)
{
  const char *end = NULL;
  gboolean blank = TRUE;
  guint pos = 0;
  glong n;

  if (!g_utf8_validate (value, -1, &end))
    {
      g_autofree char *ex = rapat_text_excerpt (value);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': not valid UTF-8 (bad byte at offset %u)"),
                   what, ex, (guint) (end - value));
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean allowed_ws = (flags & RAPAT_TEXT_MULTILINE) != 0 && (c == '\t' || c == '\n');

      if (!allowed_ws && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)))
        {
          g_autofree char *ex = rapat_text_excerpt (value);
          if ((flags & RAPAT_TEXT_MULTILINE) == 0 && (c == '\n' || c == '\t'))
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("%s '%s': must be a single line without tabs"), what, ex);
          else
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("%s '%s': contains control character U+%04X"), what, ex, c);
          return FALSE;
        }
      pos++;
      /* One-line text is a label: shown in tables, matched by name,
       * compared for clashes.  An invisible character makes two labels
       * that look alike differ; an override reverses what follows it on
       * the line.  Prose (descriptions, notes) may need them, to quote
       * right-to-left text or join letters, and is never matched. */
      if ((flags & RAPAT_TEXT_MULTILINE) == 0 && refused_name (c) != NULL)
        {
          g_autofree char *ex = rapat_text_excerpt (value);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("%s '%s': contains U+%04X %s at character %u, and invisible characters and direction overrides are not allowed here"),
                       what, ex, c, refused_name (c), pos);
          return FALSE;
        }
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }
  n = g_utf8_strlen (value, -1);
  if ((guint) n > max_chars)
    {
      g_autofree char *ex = rapat_text_excerpt (value);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': too long (%ld characters, at most %u)"), what, ex, n, max_chars);
      return FALSE;
    }
  if ((flags & RAPAT_TEXT_REQUIRED) != 0 && blank)
    {
      g_autofree char *ex = rapat_text_excerpt (value);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("%s '%s': must not be empty"), what, ex);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapat_email_check (const char *value, GError **error)
{
  const char *at;

  if (!rapat_text_check (_("e-mail"), value, RAPAT_TEXT_LINE | RAPAT_TEXT_REQUIRED,
                         RAPAT_MAX_EMAIL, error))
    return FALSE;
  at = strchr (value, '@');
  if (at == NULL || at == value || at[1] == '\0' || strchr (at + 1, '@') != NULL
      || strpbrk (value, " <>()[],;:\"\\") != NULL || strchr (at + 1, '.') == NULL
      || at[1] == '.' || value[strlen (value) - 1] == '.')
    {
      g_autofree char *ex = rapat_text_excerpt (value);
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("e-mail '%s': not an address of the form name@domain.example"), ex);
      return FALSE;
    }
  return TRUE;
}

gsize
rapat_text_width (const char *s)
{
  gsize w = 0;
  const char *p = s;

  while (*p != '\0')
    {
      gunichar c;

      /* ASCII, nearly every cell: one column, no Unicode table lookups. */
      while ((guchar) *p - 1u < 0x7fu)
        {
          w++;
          p++;
        }
      if (*p == '\0')
        break;
      /* At most 4 bytes, and validated: a lead byte before the NUL (text
       * from a database changed outside rapat) must not carry the walk
       * past it. */
      c = g_utf8_get_char_validated (p, strnlen (p, 4));
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          w++;
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (!g_unichar_iszerowidth (c))
        w += g_unichar_iswide (c) ? 2 : 1;
    }
  return w;
}

gboolean
rapat_text_parse_id (const char *s, gint64 *out)
{
  guint64 v = 0;

  if (s == NULL || *s == '\0' || strlen (s) > 18)
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
    }
  if (v == 0)
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

gboolean
rapat_text_is_digits (const char *s)
{
  return s != NULL && *s != '\0' && strspn (s, "0123456789") == strlen (s);
}

/* TRUE when the character at @p (inside a valid UTF-8 string) is a letter
 * or a digit: part of a word. */
static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

RapatMatch
rapat_text_match (const char *name, const char *part)
{
  gsize n = strlen (part);
  RapatMatch best = RAPAT_MATCH_NONE;

  if (n == 0)
    return RAPAT_MATCH_NONE;
  if (strcmp (name, part) == 0)
    return RAPAT_MATCH_EXACT;
  if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (part, -1, NULL))
    return strstr (name, part) != NULL ? RAPAT_MATCH_INSIDE : RAPAT_MATCH_NONE;
  for (const char *p = strstr (name, part); p != NULL; p = strstr (p + 1, part))
    {
      gboolean starts = p == name || !is_word_char (g_utf8_prev_char (p));
      gboolean ends = p[n] == '\0' || !is_word_char (p + n);
      RapatMatch m = starts && ends ? RAPAT_MATCH_WORD
                     : starts ? RAPAT_MATCH_WORD_START : RAPAT_MATCH_INSIDE;

      best = MAX (best, m);
    }
  return best;
}

char *
rapat_text_fold (const char *s)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  gboolean ascii = TRUE;
  GString *visible;

  /* Plain ASCII, nearly every name: NFKC leaves it as it is, and case
   * folding is lower-casing.  (Sorting thousands of names calls this.) */
  for (const char *p = s; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    return g_ascii_strdown (s, -1);
  /* g_utf8_normalize() and g_utf8_casefold() trust their input and read
   * past the end of a string cut inside a character (a database changed
   * outside rapat): such text is its own key. */
  if (!g_utf8_validate (s, -1, NULL))
    return g_strdup (s);

  /* NFKC_Casefold, as Unicode defines it: decompose (compatibility),
   * leave out what cannot be seen, fold case, compose again. */
  decomposed = g_utf8_normalize (s, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup (s);
  visible = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_ignorable (c))
        g_string_append_unichar (visible, c);
    }
  folded = g_utf8_casefold (visible->str, (gssize) visible->len);
  g_string_free (visible, TRUE);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

guint
rapat_text_edit_distance (const char *a, const char *b, guint limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *rows = NULL;
  guint *prev2, *prev, *cur, result;

  /* The lengths alone say it is too far. */
  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  /* Three rows of the table: the one before the previous serves swaps. */
  rows = g_new (guint, 3 * (lb + 1));
  prev2 = rows;
  prev = rows + lb + 1;
  cur = rows + 2 * (lb + 1);
  for (gsize j = 0; j <= lb; j++)
    prev[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint row_min;

      cur[0] = row_min = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint d = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, prev2[j - 2] + 1);
          cur[j] = d;
          row_min = MIN (row_min, d);
        }
      /* Every later row is at least this row's smallest value. */
      if (row_min > limit)
        return limit + 1;
      {
        guint *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
      }
    }
  result = prev[lb];
  return result > limit ? limit + 1 : result;
}
