/* gloss-coding.h: one coded passage (a snapshot of its row)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_CODING (gloss_coding_get_type ())

G_DECLARE_FINAL_TYPE (GlossCoding, gloss_coding, GLOSS, CODING, GObject)

typedef struct
{
  gint64       id;
  const char  *guid;
  gint64       document_id;
  const char  *document_name;
  gint64       code_id;
  const char  *code_path;
  const char  *colour;
  gint64       coder_id;
  const char  *coder_name;
  guint        start;         /* code points into the canonical text */
  guint        end;           /* exclusive */
  guint        page;          /* 0-based page of start */
  const char  *quote;
  const char  *memo;
  GDateTime   *created;
  GDateTime   *changed;
} GlossCodingData;

GlossCoding *gloss_coding_new                (const GlossCodingData *data);
gint64       gloss_coding_get_id             (GlossCoding *self);
const char  *gloss_coding_get_guid           (GlossCoding *self);
gint64       gloss_coding_get_document_id    (GlossCoding *self);
const char  *gloss_coding_get_document_name  (GlossCoding *self);
gint64       gloss_coding_get_code_id        (GlossCoding *self);
const char  *gloss_coding_get_code_path      (GlossCoding *self);
const char  *gloss_coding_get_colour         (GlossCoding *self);
gint64       gloss_coding_get_coder_id       (GlossCoding *self);
const char  *gloss_coding_get_coder_name     (GlossCoding *self);
guint        gloss_coding_get_start          (GlossCoding *self);
guint        gloss_coding_get_end            (GlossCoding *self);
guint        gloss_coding_get_page           (GlossCoding *self);
const char  *gloss_coding_get_quote          (GlossCoding *self);
const char  *gloss_coding_get_memo           (GlossCoding *self);
GDateTime   *gloss_coding_get_created        (GlossCoding *self);
GDateTime   *gloss_coding_get_changed        (GlossCoding *self);

G_END_DECLS
