/* rapat fuzz target — every text-to-enum parser and the text checks. */
#include <stdint.h>

#include "model.h"
#include "recur.h"
#include "text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Feeds one input to each enum parser, the text and e-mail checks, and the
 * recurrence-rule parser. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const RapatEnum *enums[] = {
    &rapat_meeting_status_enum, &rapat_agenda_type_enum, &rapat_role_enum, &rapat_rsvp_enum,
    &rapat_attendance_enum, &rapat_issue_status_enum, &rapat_action_status_enum,
    &rapat_priority_enum,
  };
  g_autofree char *s = g_strndup ((const char *) data, size);
  g_autofree char *excerpt = rapat_text_excerpt (s);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *rule = NULL;
  gint64 id;
  int v;

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    if (rapat_enum_parse (enums[i], s, &v, NULL))
      g_assert (rapat_enum_name (enums[i], v) != NULL);
  if (rapat_text_check ("title", s, RAPAT_TEXT_LINE, 200, NULL))
    (void) rapat_text_width (s);
  rapat_text_check ("notes", s, RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED, 10000, NULL);
  rapat_email_check (s, NULL);
  rapat_text_parse_id (s, &id);
  rule = rapat_recur_rule (s, NULL, 3, utc, NULL);
  if (rule != NULL)
    {
      GArray *starts = rapat_recur_expand (rule, 1756771200, utc, NULL);
      if (starts != NULL)
        g_array_unref (starts);
    }
  return 0;
}
