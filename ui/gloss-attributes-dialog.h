/* gloss-attributes-dialog.h: the attribute values of one or several
 * documents, edited together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-attributes.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ATTRIBUTES_DIALOG (gloss_attributes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttributesDialog, gloss_attributes_dialog, GLOSS, ATTRIBUTES_DIALOG, AdwWindow)

/* A modal window transient for parent, not yet presented, with a row per
 * attribute of project showing the values of the documents in
 * document_ids (element-type gint64).  Where their values differ the row
 * says "Mixed Values" and is left alone unless edited.  Save
 * ("dialog.save") stores every changed row in one undoable action and
 * closes; Cancel or Escape closes without a change. */
GtkWidget    *gloss_attributes_dialog_new             (GtkWindow             *parent,
                                                       GlossProject          *project,
                                                       GArray                *document_ids);
GlossProject *gloss_attributes_dialog_get_project     (GlossAttributesDialog *self);
/* (element-type gint64) */
GArray       *gloss_attributes_dialog_get_document_ids (GlossAttributesDialog *self);
/* What Save does: TRUE when stored (or nothing changed) and closed; else
 * the dialog shows why and stays. */
gboolean      gloss_attributes_dialog_save            (GlossAttributesDialog *self);
/* The row of an attribute: an AdwEntryRow (text, number, date) or an
 * AdwComboRow (choice; its items are the strings shown). */
GtkWidget    *gloss_attributes_dialog_get_row         (GlossAttributesDialog *self,
                                                       gint64                 attribute_id);
/* Whether the row shows mixed values, not yet edited. */
gboolean      gloss_attributes_dialog_is_mixed        (GlossAttributesDialog *self,
                                                       gint64                 attribute_id);
/* The message shown after a failed save, or NULL. */
const char   *gloss_attributes_dialog_get_error       (GlossAttributesDialog *self);

G_END_DECLS
