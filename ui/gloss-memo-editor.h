/* gloss-memo-editor.h: a memo, edited in place and saved as typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MEMO_EDITOR (gloss_memo_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossMemoEditor, gloss_memo_editor, GLOSS, MEMO_EDITOR, GtkWidget)

/* How long after the last keystroke the memo is saved. */
#define GLOSS_MEMO_EDITOR_SAVE_DELAY_MS 500

GtkWidget     *gloss_memo_editor_new         (void);
/* Saves what is pending for the current target, then loads the memo of
 * target, target_id written by coder_id (project may be NULL: nothing to
 * edit).  For GLOSS_MEMO_CODING, coder_id names the author shown (the
 * coding's coder). */
void           gloss_memo_editor_set_target  (GlossMemoEditor *self,
                                              GlossProject    *project,
                                              GlossMemoTarget  target,
                                              gint64           target_id,
                                              gint64           coder_id);
const char    *gloss_memo_editor_get_heading (GlossMemoEditor *self);
void           gloss_memo_editor_set_heading (GlossMemoEditor *self,
                                              const char      *heading);
GtkTextBuffer *gloss_memo_editor_get_buffer  (GlossMemoEditor *self);
/* TRUE while typed text waits to be saved. */
gboolean       gloss_memo_editor_get_dirty   (GlossMemoEditor *self);
/* Saves now whatever is pending; FALSE (and "error") if that failed. */
gboolean       gloss_memo_editor_save        (GlossMemoEditor *self);

G_END_DECLS
