/* gloss-window-private.h: what the parts of GlossWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-codebook.h"
#include "gloss-codebook-view.h"
#include "gloss-code-picker.h"
#include "gloss-coder-button.h"
#include "gloss-codings-list.h"
#include "gloss-memo-editor.h"
#include "gloss-segments-view.h"
#include "gloss-review-panel.h"
#include "gloss-agreement-view.h"
#include "gloss-compare-bar.h"
#include "gloss-document-table.h"
#include "gloss-tables-view.h"
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

  /* coding (gloss-window-coding.c, gloss-window-sidebar.c) */
  GlossProject         *coding_project;    /* whose signals we follow */
  char                 *coder_name;        /* the current coder */
  gint64                coder_id;          /* in the project, 0 until stored */
  gint64                memo_code_id;      /* the code selected last */
  gint64                memo_coding_id;    /* the coding activated last */
  gint64                memo_coding_coder_id;
  AdwMessageDialog     *coder_dialog;
  gboolean              asking_first_coder; /* no coder stored until answered */
  gint64                pending_coding_id; /* to select once its document shows */
  gint64                recode_coding_id;  /* the picker changes this coding's code */
  gboolean              recode_arming;
  GlossCodebookView    *codebook_view;
  GlossCodingsList     *codings_list;
  GlossMemoEditor      *memo_editor;
  GlossSegmentsView    *segments_view;
  GlossReviewPanel     *review_panel;
  GlossCompareBar      *compare_bar;       /* gloss-window-team.c */
  GlossAgreementView   *agreement_view;
  GlossDocumentTable   *document_table;    /* gloss-window-views.c */
  GlossTablesView      *tables_view;
  guint                 panel_width_source;
  gboolean              panel_width_restored;

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
  GtkWidget            *back_button;
  GlossCoderButton     *coder_button;
  GtkWidget            *sidebar_button;
  GtkWidget            *document_list_button;
  GtkMenuButton        *code_button;
  GlossCodePicker      *code_picker;
  GtkPaned             *coding_paned;
  GtkStack             *content_stack;
  GtkWidget            *coding_sidebar;
  GtkStack             *sidebar_stack;
  GtkBox               *codebook_box;
  GtkBox               *codings_box;
  GtkBox               *memo_box;
  GtkMenuButton        *memo_target_button;
  GtkBox               *segments_box;
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

/* gloss-window-coding.c */
void     _gloss_window_coding_init         (GlossWindow  *self);
void     _gloss_window_coding_dispose      (GlossWindow  *self);
/* After a project opened or closed (self->project NULL). */
void     _gloss_window_coding_set_project  (GlossWindow  *self);
/* After the viewer shows another document (or none). */
void     _gloss_window_coding_set_document (GlossWindow  *self);
void     _gloss_window_coding_update       (GlossWindow  *self);
void     _gloss_window_coding_class_init   (GtkWidgetClass *widget_class);
gboolean _gloss_window_get_selection       (GlossWindow  *self,
                                            guint        *start,
                                            guint        *end);
gboolean _gloss_window_apply_code          (GlossWindow  *self,
                                            gint64        code_id);

/* gloss-window-sidebar.c: the codebook, codings and memo panel, the coded
 * segments, highlights in the viewers */
void     _gloss_window_sidebar_init        (GlossWindow  *self);
void     _gloss_window_sidebar_dispose     (GlossWindow  *self);
void     _gloss_window_sidebar_set_project (GlossWindow  *self);
void     _gloss_window_sidebar_set_document (GlossWindow *self);
void     _gloss_window_sidebar_update      (GlossWindow  *self);
/* After codings changed (or undo, redo). */
void     _gloss_window_sidebar_refresh     (GlossWindow  *self);
void     _gloss_window_sidebar_coder_changed (GlossWindow *self);
void     _gloss_window_sidebar_coding_added (GlossWindow *self,
                                            GlossCoding  *coding);
GPtrArray *_gloss_window_list_visible_codings (GlossWindow *self);
/* Opens the coding's document in the viewer and selects it. */
void     _gloss_window_show_coding         (GlossWindow  *self,
                                            gint64        coding_id);

/* gloss-window-views.c */
void     _gloss_window_views_init          (GlossWindow  *self);
void     _gloss_window_views_set_project   (GlossWindow  *self);
void     _gloss_window_views_update        (GlossWindow  *self);
const char *_gloss_window_views_get_subtitle (GlossWindow *self);

/* gloss-window-team.c */
void     _gloss_window_team_init           (GlossWindow  *self);
void     _gloss_window_team_set_project    (GlossWindow  *self);
void     _gloss_window_team_update         (GlossWindow  *self);
void     _gloss_window_team_set_document   (GlossWindow  *self);

/* gloss-window-export.c */
void     _gloss_window_export_init         (GlossWindow  *self);
void     _gloss_window_export_update       (GlossWindow  *self);

/* gloss-window-import.c */
void     _gloss_window_import_init         (GlossWindow  *self);
void     _gloss_window_import_dispose      (GlossWindow  *self);
void     _gloss_window_import_cancel       (GlossWindow  *self);
void     _gloss_window_import_cancel_clicked (GlossWindow *self);

G_END_DECLS
