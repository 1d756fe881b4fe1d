/* placeholder: being written this session */
#include "gloss-cli.h"

int
gloss_cli_merge (int argc, char **argv)
{
  gloss_cli_print_error ("merge", "not built yet");
  return 1;
}
