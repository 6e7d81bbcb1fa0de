/* rapat — the NIP and the eselon of a civil servant (core layer). */
#include "nip.h"
#include "text.h"

#include <string.h>

/* Returns the number written by the @n digits at @s. */
static int
digits (const char *s, int n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

char *
rapat_nip_normalize (const char *text, GError **error)
{
  g_autofree char *ex = rapat_text_excerpt (text);
  g_autoptr(GString) nip = g_string_new (NULL);
  int year, month, day, tyear, tmonth;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isdigit (*p))
        {
          /* A spreadsheet that took the NIP for a number writes 1.97E+17. */
          if (strpbrk (text, "Ee") != NULL && strchr (text, '+') != NULL)
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("NIP '%s': a number the spreadsheet rounded; format the column as "
                           "text and type the 18 digits again"), ex);
          else
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                         _("NIP '%s': only digits (and spaces between the parts) are allowed"),
                         ex);
          return NULL;
        }
      g_string_append_c (nip, *p);
    }
  if (nip->len != RAPAT_NIP_LENGTH)
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_MALFORMED,
                   _("NIP '%s': has %u digits, not 18"), ex, (guint) nip->len);
      return NULL;
    }
  year = digits (nip->str, 4);
  month = digits (nip->str + 4, 2);
  day = digits (nip->str + 6, 2);
  tyear = digits (nip->str + 8, 4);
  tmonth = digits (nip->str + 12, 2);
  if (year < 1900 || year > 2099)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': year %d in the birth date is not a plausible year"), ex, year);
  else if (month < 1 || month > 12)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': month %d in the birth date is not a month"), ex, month);
  else if (!g_date_valid_dmy (day, month, year))
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': day %d in the birth date is not a day of %04d-%02d"), ex, day,
                 year, month);
  else if (tyear < 1900 || tyear > 2099)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': year %d in the appointment date is not a plausible year"), ex,
                 tyear);
  else if (tmonth < 1 || tmonth > 12)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': month %d in the appointment date is not a month"), ex, tmonth);
  else if (tyear * 12 + tmonth <= year * 12 + month)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': the appointment date %04d-%02d is not after the birth date "
                   "%04d-%02d-%02d"), ex, tyear, tmonth, year, month, day);
  else if (nip->str[14] != '1' && nip->str[14] != '2')
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': sex digit %c is neither 1 (male) nor 2 (female)"), ex,
                 nip->str[14]);
  else if (strcmp (nip->str + 15, "000") == 0)
    g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                 _("NIP '%s': sequence 000 is not a sequence number (they start at 001)"), ex);
  else
    return g_string_free (g_steal_pointer (&nip), FALSE);
  return NULL;
}

char *
rapat_nip_format (const char *nip)
{
  if (strlen (nip) != RAPAT_NIP_LENGTH || strspn (nip, "0123456789") != RAPAT_NIP_LENGTH)
    return g_strdup (nip);
  return g_strdup_printf ("%.8s %.6s %.1s %.3s", nip, nip + 8, nip + 14, nip + 15);
}

char *
rapat_eselon_normalize (const char *text, GError **error)
{
  static const char *const roman[] = { "I", "II", "III", "IV", "V" };
  g_autofree char *ex = rapat_text_excerpt (text);
  const char *p = text;
  int level = 0;
  char grade;

  while (*p == ' ')
    p++;
  if (*p >= '1' && *p <= '5')
    level = *p++ - '0';
  else
    {
      /* The longest roman numeral that starts the text. */
      for (int i = G_N_ELEMENTS (roman) - 1; i >= 0 && level == 0; i--)
        if (g_ascii_strncasecmp (p, roman[i], strlen (roman[i])) == 0)
          {
            level = i + 1;
            p += strlen (roman[i]);
          }
    }
  if (*p == '.' || *p == '/' || *p == ' ' || *p == '-')
    p++;
  grade = g_ascii_tolower (*p);
  if (level == 0 || (grade != 'a' && grade != 'b') || p[1] != '\0')
    {
      g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                   _("eselon '%s': not an eselon; write a level I to V and a grade a or b, "
                     "e.g. II.a or IV.b"), ex);
      return NULL;
    }
  return g_strdup_printf ("%s.%c", roman[level - 1], grade);
}
