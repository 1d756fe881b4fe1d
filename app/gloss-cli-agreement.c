/* placeholder: being written this session */
#include "gloss-cli.h"

int
gloss_cli_agreement (int argc, char **argv)
{
  gloss_cli_print_error ("agreement", "not built yet");
  return 1;
}
