/* rapat — a command-line manager for meetings and work sessions. */
#include "cmd.h"

int
main (int argc, char **argv)
{
  return rapat_cmd_main (argc, argv);
}
