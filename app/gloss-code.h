/* gloss-code.h: a code of the codebook (a snapshot of its row)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_CODE (gloss_code_get_type ())

G_DECLARE_FINAL_TYPE (GlossCode, gloss_code, GLOSS, CODE, GObject)

GlossCode  *gloss_code_new              (gint64       id,
                                         const char  *guid,
                                         gint64       parent_id,
                                         const char  *name,
                                         const char  *path,
                                         const char  *description,
                                         const char  *colour,
                                         guint        position,
                                         guint        pin);
gint64      gloss_code_get_id           (GlossCode   *self);
const char *gloss_code_get_guid         (GlossCode   *self);
/* 0 for a code at the root. */
gint64      gloss_code_get_parent_id    (GlossCode   *self);
const char *gloss_code_get_name         (GlossCode   *self);
/* The names from the root, joined by '/'. */
const char *gloss_code_get_path         (GlossCode   *self);
const char *gloss_code_get_description  (GlossCode   *self);
/* "#rrggbb" */
const char *gloss_code_get_colour       (GlossCode   *self);
guint       gloss_code_get_position     (GlossCode   *self);
/* The key 1–9 it is pinned to, or 0. */
guint       gloss_code_get_pin          (GlossCode   *self);
guint       gloss_code_get_depth        (GlossCode   *self);

G_END_DECLS
