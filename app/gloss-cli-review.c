/* placeholder: being written this session */
#include "gloss-cli.h"

int
gloss_cli_review (int argc, char **argv)
{
  gloss_cli_print_error ("review", "not built yet");
  return 1;
}
