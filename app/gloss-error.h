/* gloss-error.h: the error domain of the Gloss engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_ERROR (gloss_error_quark ())

typedef enum
{
  GLOSS_ERROR_FAILED,            /* anything else, message says what */
  GLOSS_ERROR_NOT_A_PROJECT,     /* the file is not a Gloss project */
  GLOSS_ERROR_NEWER_VERSION,     /* made by a newer Gloss */
  GLOSS_ERROR_DAMAGED,           /* the project file is damaged */
  GLOSS_ERROR_IN_USE,            /* another program holds the project */
  GLOSS_ERROR_NOT_FOUND,         /* no such document, file … */
  GLOSS_ERROR_EXISTS,            /* the target already exists */
  GLOSS_ERROR_DUPLICATE,         /* the same bytes are already imported */
  GLOSS_ERROR_ENCRYPTED,         /* a password is needed */
  GLOSS_ERROR_BAD_PASSWORD,      /* the password given is wrong */
  GLOSS_ERROR_DAMAGED_FILE,      /* a damaged or truncated PDF */
  GLOSS_ERROR_UNSUPPORTED,       /* not a PDF and not text */
  GLOSS_ERROR_EMPTY,             /* an empty file */
  GLOSS_ERROR_INVALID,           /* an invalid argument (name, offsets …) */
  GLOSS_ERROR_READ_ONLY,         /* the project cannot be written */
  GLOSS_ERROR_NO_SPACE,          /* the disk is full */
} GlossError;

GQuark gloss_error_quark (void);

G_END_DECLS
