/* gloss-merge-dialog.h: bringing a colleague's project file into the
 * open project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-merge.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MERGE_DIALOG (gloss_merge_dialog_get_type ())
#define GLOSS_TYPE_MERGE_DIALOG_STATE (gloss_merge_dialog_state_get_type ())

G_DECLARE_FINAL_TYPE (GlossMergeDialog, gloss_merge_dialog, GLOSS, MERGE_DIALOG, AdwWindow)

typedef enum
{
  GLOSS_MERGE_DIALOG_PLANNING,   /* reading the other file */
  GLOSS_MERGE_DIALOG_DECIDING,   /* showing the conflicts (and a preview) */
  GLOSS_MERGE_DIALOG_MERGING,    /* writing */
  GLOSS_MERGE_DIALOG_DONE,       /* merged: the summary is shown */
  GLOSS_MERGE_DIALOG_FAILED,     /* the plan or the merge failed: the error is shown */
} GlossMergeDialogState;

GType                    gloss_merge_dialog_state_get_type   (void) G_GNUC_CONST;

/* A modal window transient for parent, not yet presented, that at once
 * starts reading other (off the main thread) to plan merging it into
 * project.  The "state" property says where it is.  Cancel (or Escape)
 * closes it without a change, or while merging, stops the merge, which
 * leaves the project as it was. */
GtkWidget               *gloss_merge_dialog_new              (GtkWindow         *parent,
                                                              GlossProject      *project,
                                                              GFile             *other);
GlossProject            *gloss_merge_dialog_get_project      (GlossMergeDialog  *self);
GFile                   *gloss_merge_dialog_get_other        (GlossMergeDialog  *self);
GlossMergeDialogState    gloss_merge_dialog_get_state        (GlossMergeDialog  *self);

/* (element-type GlossMergeConflict) (transfer none) the plan's conflicts,
 * each with the decision shown; NULL until planned. */
GPtrArray               *gloss_merge_dialog_get_conflicts    (GlossMergeDialog  *self);
/* The AdwComboRow that decides conflict index. */
GtkWidget               *gloss_merge_dialog_get_conflict_row (GlossMergeDialog  *self,
                                                              guint              index);
/* Decides conflict index (as choosing in its row does); FALSE, changing
 * nothing, when the conflict's kind does not offer decision or the
 * dialog is not deciding.  GLOSS_DECISION_NONE undecides it (the row
 * cannot show that: it keeps its last choice, and Merge is off). */
gboolean                 gloss_merge_dialog_set_decision     (GlossMergeDialog  *self,
                                                              guint              index,
                                                              GlossDecision      decision);
/* Whether Merge is possible: deciding, every conflict decided, no
 * preview running. */
gboolean                 gloss_merge_dialog_can_merge        (GlossMergeDialog  *self);

/* Preview ("dialog.preview"): a dry run of the merge off the main thread;
 * while it runs the decisions cannot change. */
void                     gloss_merge_dialog_preview          (GlossMergeDialog  *self);
gboolean                 gloss_merge_dialog_is_previewing    (GlossMergeDialog  *self);
/* What the last preview found, or NULL (none yet, or decisions changed
 * since). */
const GlossMergeSummary *gloss_merge_dialog_get_preview      (GlossMergeDialog  *self);

/* Merge ("dialog.merge"): starts the merge off the main thread when
 * gloss_merge_dialog_can_merge(); FALSE otherwise. */
gboolean                 gloss_merge_dialog_merge            (GlossMergeDialog  *self);
/* Stops a merge in progress (the dialog returns to deciding, unless the
 * merge had already finished); otherwise does nothing. */
void                     gloss_merge_dialog_cancel_merge     (GlossMergeDialog  *self);
/* What the merge did, once done; NULL before. */
const GlossMergeSummary *gloss_merge_dialog_get_summary      (GlossMergeDialog  *self);
/* Whether the finished merge brought nothing new. */
gboolean                 gloss_merge_dialog_is_nothing_new   (GlossMergeDialog  *self);
/* The message shown when failed (or after a cancelled merge), or NULL. */
const char              *gloss_merge_dialog_get_error_message (GlossMergeDialog *self);

G_END_DECLS
