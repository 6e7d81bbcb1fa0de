/* rapat fuzz target — the name resolver, on a real in-memory store. */
#include <stdint.h>

#include "store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RapatStore *store;

/* Opens the store once, with a few units, people and a meeting to match. */
static void
setup (void)
{
  const char *units[] = { "Kantor Wilayah Maluku", "Rutan Kelas IIA Ambon", "Lapas Ambon" };
  const char *people[] = { "Ricky Dwi Biantoro", "Ricky Tan", "Élise Ñúñez", "李小龍" };

  store = rapat_store_open (":memory:", NULL);
  g_assert (store != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(RapatUnit) u = rapat_unit_new ();
      u->name = g_strdup (units[i]);
      g_assert (rapat_store_unit_insert (store, u, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RapatPerson) p = rapat_person_new ();
      p->name = g_strdup (people[i]);
      g_assert (rapat_store_person_insert (store, p, NULL));
    }
}

/* Resolves one input as a unit, a person, a meeting, an issue and an action. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *s = g_strndup ((const char *) data, size);
  gint64 id;

  if (store == NULL)
    setup ();
  rapat_store_unit_resolve (store, s, &id, NULL);
  rapat_store_person_resolve (store, s, &id, NULL);
  rapat_store_meeting_resolve (store, s, &id, NULL);
  rapat_store_issue_resolve (store, s, &id, NULL);
  rapat_store_action_resolve (store, s, &id, NULL);
  return 0;
}
