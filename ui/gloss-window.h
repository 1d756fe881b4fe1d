/* gloss-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-project.h"
#include "gloss-sheet.h"
#include "gloss-application.h"
#include "gloss-compare-bar.h"
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
/* Asks for the researcher's name: on first start (prefilled with the
 * system's name), or for "New Coder…". */
void               gloss_window_ask_coder          (GlossWindow      *self,
                                                    gboolean          first_start);
/* The current coder: GSettings "coder-name", or the system's name. */
const char        *gloss_window_get_coder_name     (GlossWindow      *self);
/* Its id in the open project (0 without one). */
gint64             gloss_window_get_coder_id       (GlossWindow      *self);

/* For tests and other widgets. */
const char        *gloss_window_get_page_name      (GlossWindow      *self);
/* "empty", "loading", "error", "pdf" or "text" */
const char        *gloss_window_get_viewer_mode    (GlossWindow      *self);
GlossDocument     *gloss_window_get_document       (GlossWindow      *self);
GlossDocumentList *gloss_window_get_document_list  (GlossWindow      *self);
GlossPdfView      *gloss_window_get_pdf_view       (GlossWindow      *self);
GlossTextView     *gloss_window_get_text_view      (GlossWindow      *self);
GtkWidget         *gloss_window_get_coder_button   (GlossWindow      *self);
GtkWidget         *gloss_window_get_code_picker    (GlossWindow      *self);
GtkWidget         *gloss_window_get_codebook_view  (GlossWindow      *self);
GtkWidget         *gloss_window_get_codings_list   (GlossWindow      *self);
GtkWidget         *gloss_window_get_memo_editor    (GlossWindow      *self);
GtkWidget         *gloss_window_get_segments_view  (GlossWindow      *self);
/* "reports" or "segments" */
const char        *gloss_window_get_content_page   (GlossWindow      *self);
/* "codebook", "codings" or "memo" */
const char        *gloss_window_get_sidebar_page   (GlossWindow      *self);
/* Exports "codebook", "segments" or "workbook" (both, as XLSX) to path,
 * off the main thread; a toast tells when it is written. */
void               gloss_window_export             (GlossWindow      *self,
                                                    const char       *what,
                                                    const char       *path,
                                                    GlossSheetFormat  format,
                                                    gboolean          excel);
/* Shows the two coders' codings side by side in the viewer, the passages
 * of code_id (0: the codebook's selected code) coloured by agreement;
 * coder ids 0 keep the bar's choice. */
void               gloss_window_compare_coders     (GlossWindow      *self,
                                                    gint64            coder_a,
                                                    gint64            coder_b,
                                                    gint64            code_id);
GlossCompareBar   *gloss_window_get_compare_bar    (GlossWindow      *self);
/* Opens the merge dialog for a colleague's project file (NULL without a
 * project). */
GtkWidget         *gloss_window_merge_project      (GlossWindow      *self,
                                                    GFile            *other);
/* Merges a codebook CSV into the project's codebook, off the main thread. */
void               gloss_window_import_codebook    (GlossWindow      *self,
                                                    GFile            *file);

G_END_DECLS
