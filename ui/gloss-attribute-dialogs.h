/* gloss-attribute-dialogs.h: the small dialogs of the document table's
 * attribute actions (new, rename, values of a choice, delete) and of its
 * CSV import (rows that named no report, errors)
 *
 * Each dialog is an AdwMessageDialog, modal, not yet presented.  The
 * caller connects "response" and, for GLOSS_ATTRIBUTE_DIALOG_ACCEPT,
 * calls the dialog's _apply(), which makes the change in the project the
 * dialog was made for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-attributes.h"

G_BEGIN_DECLS

#define GLOSS_ATTRIBUTE_DIALOG_ACCEPT "accept"

/* New Attribute: a name, a type and, for a choice, its values (one a
 * line). */
GtkWidget      *gloss_attribute_new_dialog_new          (GtkWindow            *parent,
                                                         GlossProject         *project);
GtkEditable    *gloss_attribute_new_dialog_get_name     (AdwMessageDialog     *dialog);
AdwComboRow    *gloss_attribute_new_dialog_get_type_row (AdwMessageDialog     *dialog);
GtkTextBuffer  *gloss_attribute_new_dialog_get_values   (AdwMessageDialog     *dialog);
GlossAttribute *gloss_attribute_new_dialog_apply        (AdwMessageDialog     *dialog,
                                                         GError              **error);

GtkWidget      *gloss_attribute_rename_dialog_new       (GtkWindow            *parent,
                                                         GlossProject         *project,
                                                         const GlossAttribute *attribute);
GtkEditable    *gloss_attribute_rename_dialog_get_name  (AdwMessageDialog     *dialog);
gboolean        gloss_attribute_rename_dialog_apply     (AdwMessageDialog     *dialog,
                                                         GError              **error);

/* The list of a choice's values, one a line. */
GtkWidget      *gloss_attribute_choices_dialog_new      (GtkWindow            *parent,
                                                         GlossProject         *project,
                                                         const GlossAttribute *attribute);
GtkTextBuffer  *gloss_attribute_choices_dialog_get_values (AdwMessageDialog   *dialog);
gboolean        gloss_attribute_choices_dialog_apply    (AdwMessageDialog     *dialog,
                                                         GError              **error);

/* n_with_value: how many documents have a value of it. */
GtkWidget      *gloss_attribute_delete_dialog_new       (GtkWindow            *parent,
                                                         GlossProject         *project,
                                                         const GlossAttribute *attribute,
                                                         guint                 n_with_value);
gboolean        gloss_attribute_delete_dialog_apply     (AdwMessageDialog     *dialog,
                                                         GError              **error);

/* unmatched: (element-type GlossUnmatchedRow) the rows of an imported
 * CSV file that named no report. */
GtkWidget      *gloss_attribute_unmatched_dialog_new    (GtkWindow            *parent,
                                                         GPtrArray            *unmatched);
/* The rows listed, "Line 4: name" one a line. */
const char     *gloss_attribute_unmatched_dialog_get_rows (AdwMessageDialog   *dialog);
GtkWidget      *gloss_attribute_error_dialog_new        (GtkWindow            *parent,
                                                         const char           *heading,
                                                         const char           *message);

G_END_DECLS
