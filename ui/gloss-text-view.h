/* gloss-text-view.h: shows a text document, read-only and selectable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-layout.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TEXT_VIEW (gloss_text_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossTextView, gloss_text_view, GLOSS, TEXT_VIEW, GtkTextView)

GtkWidget   *gloss_text_view_new           (void);
GlossLayout *gloss_text_view_get_layout    (GlossTextView *self);
void         gloss_text_view_set_layout    (GlossTextView *self,
                                            GlossLayout   *layout);
/* Offsets are Unicode code points into the layout's text. */
gboolean     gloss_text_view_get_selection (GlossTextView *self,
                                            guint         *start,
                                            guint         *end);
void         gloss_text_view_set_selection (GlossTextView *self,
                                            guint          start,
                                            guint          end);
void         gloss_text_view_copy_selection (GlossTextView *self);

G_END_DECLS
