/* rapat fuzz target — the input is a whole database file, opened by the
 * reading commands (fuzz-store.h).  Seeded with a demo database that
 * tests/fuzz/run.sh builds; mutations of its pages give tables whose rows
 * break every rule the schema and the store keep. */
#include "fuzz-store.h"

static char *path;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (path == NULL)
    {
      fuzz_init ();
      path = g_build_filename (fuzz_dir, "input.db", NULL);
    }
  fuzz_unlink_db (path);
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  fuzz_commands (path);
  return 0;
}
