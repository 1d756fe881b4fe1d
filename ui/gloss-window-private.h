/* gloss-window-private.h: what the parts of GlossWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-importer.h"
#include "gloss-start-page.h"
#include "gloss-window.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GlossProject         *project;
  GlossDocument        *document;          /* shown in the viewer */
  GCancellable         *load_cancellable;

  /* import (gloss-window-import.c) */
  GlossImporter        *importer;
  GCancellable         *import_cancellable;
  GPtrArray            *import_queue;      /* of ImportRequest, waiting */
  GPtrArray            *password_queue;    /* of GFile needing a password */
  GPtrArray            *import_refused;    /* of char*, "file — reason" */
  GPtrArray            *import_duplicates; /* of char*, messages */
  guint                 import_n_imported;
  gint64                import_first_new_id;
  gboolean              asking_password;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkMenuButton        *primary_menu_button;
  GtkWidget            *viewer_controls;
  GtkEntry             *page_entry;
  GtkLabel             *n_pages_label;
  GtkMenuButton        *zoom_button;
  GtkStack             *main_stack;
  GlossStartPage       *start_page;
  GtkPaned             *paned;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GlossDocumentList    *document_list;
  GtkStack             *viewer_stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  GlossPdfView         *pdf_view;
  GlossTextView        *text_view;
};

/* gloss-window.c */
void     _gloss_window_set_project         (GlossWindow  *self,
                                            GlossProject *project);

/* gloss-window-actions.c */
void     _gloss_window_actions_init        (GlossWindow  *self);
void     _gloss_window_actions_update      (GlossWindow  *self);
void     _gloss_window_add_recent          (GlossWindow  *self,
                                            const char   *path);
void     _gloss_window_show_error          (GlossWindow  *self,
                                            const char   *heading,
                                            const char   *body);

/* gloss-window-import.c */
void     _gloss_window_import_init         (GlossWindow  *self);
void     _gloss_window_import_dispose      (GlossWindow  *self);
void     _gloss_window_import_cancel       (GlossWindow  *self);
void     _gloss_window_import_cancel_clicked (GlossWindow *self);

G_END_DECLS
