/* gloss-extract.h: from a file's bytes to a canonical text and its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-document.h"
#include "gloss-layout.h"

G_BEGIN_DECLS

typedef struct
{
  GlossDocumentKind  kind;
  GlossLayout       *layout;   /* text, pages, glyph boxes */
} GlossExtraction;

GlossExtraction *gloss_extract              (GBytes        *bytes,
                                             const char    *filename,
                                             const char    *password,
                                             GCancellable  *cancellable,
                                             GError       **error);
void             gloss_extraction_free      (GlossExtraction *extraction);
char            *gloss_text_canonicalize    (const char    *data,
                                             gsize          length,
                                             GError       **error);
char            *gloss_sha256_bytes         (GBytes        *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExtraction, gloss_extraction_free)

G_END_DECLS
