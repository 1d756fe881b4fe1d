/* gloss-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-project.h"
#include "gloss-application.h"
#include "gloss-document-list.h"
#include "gloss-pdf-view.h"
#include "gloss-text-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow       *gloss_window_new                (GlossApplication *application);
/* Opens the project in this window (closing the one open before).  On
 * failure shows the error to the user, stays as it was and returns FALSE. */
gboolean           gloss_window_open_project       (GlossWindow      *self,
                                                    GFile            *file);
void               gloss_window_close_project      (GlossWindow      *self);
GlossProject      *gloss_window_get_project        (GlossWindow      *self);
/* Imports files and folders into the open project, with progress. */
void               gloss_window_import_files       (GlossWindow      *self,
                                                    GListModel       *files);
gboolean           gloss_window_get_importing      (GlossWindow      *self);
void               gloss_window_add_toast          (GlossWindow      *self,
                                                    const char       *title);

/* For tests and other widgets. */
const char        *gloss_window_get_page_name      (GlossWindow      *self);
/* "empty", "loading", "error", "pdf" or "text" */
const char        *gloss_window_get_viewer_mode    (GlossWindow      *self);
GlossDocument     *gloss_window_get_document       (GlossWindow      *self);
GlossDocumentList *gloss_window_get_document_list  (GlossWindow      *self);
GlossPdfView      *gloss_window_get_pdf_view       (GlossWindow      *self);
GlossTextView     *gloss_window_get_text_view      (GlossWindow      *self);

G_END_DECLS
