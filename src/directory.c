/* rapat — the directory's rules (domain layer). */
#include "directory.h"
#include "nip.h"
#include "text.h"

#include <string.h>

/* Replaces *@field with @value (owned), or clears it for NULL. */
static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

gboolean
rapat_person_set (RapatPerson *p, RapatPersonField field, const char *value, GError **error)
{
  char *norm = NULL;

  if (value == NULL)
    return TRUE;
  if (*value == '\0' && field != RAPAT_PERSON_NAME)
    {
      if (field == RAPAT_PERSON_RANK)
        p->rank = 0;
      else
        replace (field == RAPAT_PERSON_POSITION ? &p->position
                 : field == RAPAT_PERSON_EMAIL ? &p->email
                 : field == RAPAT_PERSON_PHONE ? &p->phone
                 : field == RAPAT_PERSON_NIP ? &p->nip
                 : field == RAPAT_PERSON_PANGKAT ? &p->pangkat : &p->eselon, NULL);
      return TRUE;
    }
  switch (field)
    {
    case RAPAT_PERSON_NAME:
      if (!rapat_text_check (_("name"), value, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, error))
        return FALSE;
      replace (&p->name, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_POSITION:
      if (!rapat_text_check (_("position"), value, RAPAT_TEXT_LINE, RAPAT_MAX_NAME, error))
        return FALSE;
      replace (&p->position, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_EMAIL:
      if (!rapat_email_check (value, error)
          || !rapat_text_check (_("e-mail"), value, RAPAT_TEXT_LINE, RAPAT_MAX_EMAIL, error))
        return FALSE;
      replace (&p->email, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_PHONE:
      if (strspn (value, "0123456789+-() .") != strlen (value))
        {
          g_autofree char *ex = rapat_text_excerpt (value);
          g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                       _("phone '%s': only digits, spaces and + - ( ) . are allowed"), ex);
          return FALSE;
        }
      if (!rapat_text_check (_("phone"), value, RAPAT_TEXT_LINE, RAPAT_MAX_CODE, error))
        return FALSE;
      replace (&p->phone, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_NIP:
      norm = rapat_nip_normalize (value, error);
      if (norm == NULL)
        return FALSE;
      replace (&p->nip, norm);
      return TRUE;
    case RAPAT_PERSON_PANGKAT:
      if (!rapat_text_check (_("pangkat"), value, RAPAT_TEXT_LINE, RAPAT_MAX_PANGKAT, error))
        return FALSE;
      replace (&p->pangkat, g_strdup (value));
      return TRUE;
    case RAPAT_PERSON_ESELON:
      norm = rapat_eselon_normalize (value, error);
      if (norm == NULL)
        return FALSE;
      replace (&p->eselon, norm);
      return TRUE;
    case RAPAT_PERSON_RANK:
      {
        guint64 n = 0;

        if (!g_ascii_string_to_unsigned (value, 10, 1, 999999, &n, NULL))
          {
            g_autofree char *ex = rapat_text_excerpt (value);
            g_set_error (error, RAPAT_ERROR, RAPAT_ERROR_INVALID,
                         _("rank '%s': must be a whole number from 1 to 999999"), ex);
            return FALSE;
          }
        p->rank = (gint64) n;
        return TRUE;
      }
    }
  g_return_val_if_reached (FALSE);
}

const char *
rapat_person_get (const RapatPerson *p, RapatPersonField field, char *buf)
{
  switch (field)
    {
    case RAPAT_PERSON_NAME:
      return p->name;
    case RAPAT_PERSON_POSITION:
      return p->position;
    case RAPAT_PERSON_EMAIL:
      return p->email;
    case RAPAT_PERSON_PHONE:
      return p->phone;
    case RAPAT_PERSON_NIP:
      return p->nip;
    case RAPAT_PERSON_PANGKAT:
      return p->pangkat;
    case RAPAT_PERSON_ESELON:
      return p->eselon;
    case RAPAT_PERSON_RANK:
      if (p->rank == 0)
        return NULL;
      g_snprintf (buf, 24, "%" G_GINT64_FORMAT, p->rank);
      return buf;
    }
  return NULL;
}
