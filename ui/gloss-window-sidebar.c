/* gloss-window-sidebar.c: the codebook, codings and memo panel beside the
 * viewer, the coded segments, and the codings drawn in the viewers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

static void
on_widget_error (GlossWindow *self,
                 const char  *message)
{
  gloss_window_add_toast (self, message);
}

static void
connect_error (GlossWindow *self,
               gpointer     widget)
{
  /* Not every panel has one. */
  if (g_signal_lookup ("error", G_OBJECT_TYPE (widget)) != 0)
    g_signal_connect_object (widget, "error", G_CALLBACK (on_widget_error),
                             self, G_CONNECT_SWAPPED);
}

static const char *
memo_target (GlossWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "memo-target");
  g_autoptr(GVariant) state = action != NULL ? g_action_get_state (action) : NULL;
  const char *target = state != NULL ? g_variant_get_string (state, NULL) : "document";

  /* The state's strings are interned: see memo_target_change_state. */
  return g_intern_string (target);
}

/* Coders shown ------------------------------------------------------------- */

/* (element-type gint64) or NULL for every coder. */
static GArray *
visible_coder_ids (GlossWindow *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GArray *shown;

  /* Blind coding shows only mine, whatever visibility is chosen. */
  if (self->project == NULL ||
      gloss_coder_button_get_effective_visibility (self->coder_button) == GLOSS_CODER_VISIBILITY_ALL)
    return NULL;

  names = gloss_project_list_coder_names (self->project, &ids, NULL);
  shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      if (gloss_coder_button_shows_coder (self->coder_button, g_ptr_array_index (names, i)))
        g_array_append_val (shown, g_array_index (ids, gint64, i));
    }

  return shown;
}

static void
gloss_window_apply_coder_filter (GlossWindow *self)
{
  g_autoptr(GArray) ids = visible_coder_ids (self);

  gloss_codings_list_set_coder_filter (self->codings_list, ids);

  /* Blind coding: the coded segments are only mine too.  (Turning it off
   * leaves the view's own coder choice where blind mode put it.) */
  if (gloss_coder_button_get_blind (self->coder_button) && self->coder_id != 0)
    gloss_segments_view_set_coder_filter (self->segments_view, self->coder_id);
  /* The codebook's counts too (everyone's again when it is off). */
  gloss_codebook_view_set_count_coder (self->codebook_view,
                                       gloss_coder_button_get_blind (self->coder_button) ? self->coder_id : 0);
}

static const char * const visibility_modes[] = { "all", "mine", "chosen" };

static void
save_coder_visibility (GlossWindow *self)
{
  g_auto(GStrv) hidden = gloss_coder_button_dup_hidden_coders (self->coder_button);
  GlossCoderVisibility visibility = gloss_coder_button_get_visibility (self->coder_button);

  g_settings_set_string (self->settings, "visible-coders-mode", visibility_modes[visibility]);
  g_settings_set_strv (self->settings, "hidden-coders", (const char * const *) hidden);
  g_settings_set_boolean (self->settings, "outline-mine",
                          gloss_coder_button_get_outline_mine (self->coder_button));
}

static void
restore_coder_visibility (GlossWindow *self)
{
  g_autofree char *mode = g_settings_get_string (self->settings, "visible-coders-mode");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-coders");

  gloss_coder_button_set_hidden_coders (self->coder_button, (const char * const *) hidden);
  for (guint i = 0; i < G_N_ELEMENTS (visibility_modes); i++)
    if (g_strcmp0 (mode, visibility_modes[i]) == 0)
      gloss_coder_button_set_visibility (self->coder_button, (GlossCoderVisibility) i);
  gloss_coder_button_set_outline_mine (self->coder_button,
                                       g_settings_get_boolean (self->settings, "outline-mine"));
}

static void
on_visibility_changed (GlossWindow *self)
{
  save_coder_visibility (self);
  gloss_window_apply_coder_filter (self);
  _gloss_window_sidebar_refresh (self);
}

/* The panel's width ---------------------------------------------------------- */

/* The paned gives the viewer what the window gains or loses, so only the
 * panel's width is kept; it is put back once the paned has its width. */

static int
panel_width (GlossWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->coding_paned));
  GtkWidget *start = gtk_paned_get_start_child (self->coding_paned);
  int handle = width - gtk_widget_get_width (start) - gtk_widget_get_width (self->coding_sidebar);

  return width - gtk_paned_get_position (self->coding_paned) - CLAMP (handle, 0, 12);
}

static gboolean
restore_panel_width (gpointer data)
{
  GlossWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->coding_paned));
  int saved = g_settings_get_int (self->settings, "panel-width");
  int min_position = 0, max_position = 0;

  self->panel_width_source = 0;
  if (width <= 0 || !gtk_widget_get_visible (self->coding_sidebar))
    return G_SOURCE_REMOVE;

  g_object_get (self->coding_paned, "min-position", &min_position, "max-position", &max_position, NULL);
  /* The handle: a pixel, as drawn by Adwaita. */
  gtk_paned_set_position (self->coding_paned, CLAMP (width - saved - 1, min_position, max_position));
  self->panel_width_restored = TRUE;

  return G_SOURCE_REMOVE;
}

static void
on_coding_paned_position (GlossWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->coding_paned)) ||
      !gtk_widget_get_visible (self->coding_sidebar))
    return;

  if (!self->panel_width_restored)
    {
      if (self->panel_width_source == 0)
        self->panel_width_source = g_idle_add (restore_panel_width, self);
      return;
    }

  if (gtk_widget_get_width (self->coding_sidebar) > 0)
    g_settings_set_int (self->settings, "panel-width", CLAMP (panel_width (self), 220, 1200));
}

/* Memos -------------------------------------------------------------------- */

static void
gloss_window_apply_memo_target (GlossWindow *self)
{
  const char *target = memo_target (self);
  g_autofree char *heading = NULL;

  if (self->project == NULL)
    {
      gloss_memo_editor_set_target (self->memo_editor, NULL, GLOSS_MEMO_PROJECT, 0, 0);
      return;
    }

  if (target == g_intern_static_string ("project"))
    {
      gloss_memo_editor_set_target (self->memo_editor, self->project, GLOSS_MEMO_PROJECT, 0, self->coder_id);
      heading = g_strdup (_("Project Memo"));
      gtk_menu_button_set_label (self->memo_target_button, _("Project Memo"));
    }
  else if (target == g_intern_static_string ("code") && self->memo_code_id != 0)
    {
      g_autoptr(GlossCode) code = gloss_project_get_code (self->project, self->memo_code_id, NULL);

      gloss_memo_editor_set_target (self->memo_editor, self->project, GLOSS_MEMO_CODE,
                                    self->memo_code_id, self->coder_id);
      /* Translators: heading of the memo editor; %s is a code's path */
      heading = g_strdup_printf (_("Memo on the code “%s”"), code ? gloss_code_get_path (code) : "");
      gtk_menu_button_set_label (self->memo_target_button, _("Code Memo"));
    }
  else if (target == g_intern_static_string ("coding") && self->memo_coding_id != 0)
    {
      g_autoptr(GlossCoding) coding = gloss_project_get_coding (self->project, self->memo_coding_id, NULL);

      gloss_memo_editor_set_target (self->memo_editor, self->project, GLOSS_MEMO_CODING,
                                    self->memo_coding_id, self->memo_coding_coder_id);
      /* Translators: heading of the memo editor; %s is the coding's code */
      heading = g_strdup_printf (_("Memo on a coding of “%s”"),
                                 coding ? gloss_coding_get_code_path (coding) : "");
      gtk_menu_button_set_label (self->memo_target_button, _("Coding Memo"));
    }
  else if (self->document != NULL)
    {
      gloss_memo_editor_set_target (self->memo_editor, self->project, GLOSS_MEMO_DOCUMENT,
                                    gloss_document_get_id (self->document), self->coder_id);
      /* Translators: heading of the memo editor; %s is a report's name */
      heading = g_strdup_printf (_("Memo on “%s”"), gloss_document_get_name (self->document));
      gtk_menu_button_set_label (self->memo_target_button, _("Report Memo"));
    }
  else
    {
      gloss_memo_editor_set_target (self->memo_editor, NULL, GLOSS_MEMO_PROJECT, 0, 0);
      heading = g_strdup (_("Open a report to write a memo on it"));
      gtk_menu_button_set_label (self->memo_target_button, _("Report Memo"));
    }

  gloss_memo_editor_set_heading (self->memo_editor, heading);
}

static void
memo_target_change_state (GSimpleAction *action,
                          GVariant      *value,
                          gpointer       user_data)
{
  GlossWindow *self = user_data;
  const char *target = g_variant_get_string (value, NULL);

  if (g_strcmp0 (target, "project") != 0 && g_strcmp0 (target, "document") != 0 &&
      g_strcmp0 (target, "code") != 0 && g_strcmp0 (target, "coding") != 0)
    return;

  g_simple_action_set_state (action, value);
  gloss_window_apply_memo_target (self);
}

static void
set_memo_target (GlossWindow *self,
                 const char  *target)
{
  g_action_group_change_action_state (G_ACTION_GROUP (self), "memo-target",
                                      g_variant_new_string (target));
}

static void
show_sidebar_page (GlossWindow *self,
                   const char  *page)
{
  g_action_group_change_action_state (G_ACTION_GROUP (self), "sidebar-page",
                                      g_variant_new_string (page));
}

static void
sidebar_page_change_state (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  GlossWindow *self = user_data;
  const char *page = g_variant_get_string (value, NULL);

  if (gtk_stack_get_child_by_name (self->sidebar_stack, page) == NULL)
    return;

  g_simple_action_set_state (action, value);
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
project_memo_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GlossWindow *self = user_data;

  if (self->project == NULL)
    return;

  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-codebook",
                                      g_variant_new_boolean (TRUE));
  set_memo_target (self, "project");
  show_sidebar_page (self, "memo");
  gtk_widget_grab_focus (GTK_WIDGET (self->memo_editor));
}

/* Showing a coding in the viewer ------------------------------------------- */

/* Selects the coding's passage and shows it emphasised. */
static gboolean
gloss_window_select_range (GlossWindow *self,
                           gint64       coding_id,
                           guint        start,
                           guint        end)
{
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);

  if (g_strcmp0 (mode, "pdf") == 0)
    {
      gloss_pdf_view_set_selection (self->pdf_view, start, end);
      gloss_pdf_view_select_coding (self->pdf_view, coding_id);
      gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
      return TRUE;
    }
  if (g_strcmp0 (mode, "text") == 0)
    {
      gloss_text_view_set_selection (self->text_view, start, end);
      gloss_text_view_select_coding (self->text_view, coding_id);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return TRUE;
    }

  return FALSE;
}

void
_gloss_window_show_coding (GlossWindow *self,
                           gint64       coding_id)
{
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  coding = gloss_project_get_coding (self->project, coding_id, &error);
  if (coding == NULL)
    {
      gloss_window_add_toast (self, error->message);
      return;
    }

  self->memo_coding_id = coding_id;
  self->memo_coding_coder_id = gloss_coding_get_coder_id (coding);
  gloss_window_apply_memo_target (self);

  if (self->document == NULL ||
      gloss_document_get_id (self->document) != gloss_coding_get_document_id (coding))
    {
      /* Selected once the document has loaded. */
      self->pending_coding_id = coding_id;
      gtk_stack_set_visible_child_name (self->content_stack, "reports");
      if (!gloss_document_list_select_document (self->document_list,
                                                gloss_coding_get_document_id (coding)))
        {
          self->pending_coding_id = 0;
          gloss_window_add_toast (self, _("The report of this coding is hidden by the filter"));
        }
      _gloss_window_coding_update (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "reports");
  _gloss_window_coding_update (self);

  if (!gloss_window_select_range (self, coding_id, gloss_coding_get_start (coding), gloss_coding_get_end (coding)))
    self->pending_coding_id = coding_id;   /* still loading */
}

static void
on_coding_activated (GlossWindow *self,
                     gint64       coding_id)
{
  _gloss_window_show_coding (self, coding_id);
}

static void
on_segment_activated (GlossWindow *self,
                      gint64       document_id,
                      gint64       coding_id)
{
  _gloss_window_show_coding (self, coding_id);
}

/* The codebook ------------------------------------------------------------- */

static void
on_code_activated (GlossWindow *self,
                   gint64       code_id)
{
  /* A click on a code only selects it when there is nothing to code. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "reports") != 0 ||
      !_gloss_window_get_selection (self, NULL, NULL))
    return;

  _gloss_window_apply_code (self, code_id);
}

static void
on_selection_dropped (GlossWindow *self,
                      gint64       code_id)
{
  _gloss_window_apply_code (self, code_id);
}

static void
on_code_selected (GlossWindow *self,
                  gint64       code_id)
{
  if (code_id == 0)
    return;

  self->memo_code_id = code_id;
  if (memo_target (self) == g_intern_static_string ("code"))
    gloss_window_apply_memo_target (self);

  gloss_segments_view_set_code (self->segments_view, code_id);
}

/* Pages -------------------------------------------------------------------- */

static void
show_codebook_change_state (GSimpleAction *action,
                            GVariant      *value,
                            gpointer       user_data)
{
  GlossWindow *self = user_data;

  g_simple_action_set_state (action, value);
  gtk_widget_set_visible (self->coding_sidebar, g_variant_get_boolean (value));
  g_settings_set_boolean (self->settings, "panel-visible", g_variant_get_boolean (value));
}

static void
show_document_list_change_state (GSimpleAction *action,
                                 GVariant      *value,
                                 gpointer       user_data)
{
  GlossWindow *self = user_data;

  g_simple_action_set_state (action, value);
  gtk_widget_set_visible (gtk_paned_get_start_child (self->paned), g_variant_get_boolean (value));
  g_settings_set_boolean (self->settings, "document-list-visible", g_variant_get_boolean (value));
}

static void
coded_segments_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GlossWindow *self = user_data;
  gint64 code_id;

  if (self->project == NULL)
    return;

  code_id = gloss_codebook_view_get_selected_code (self->codebook_view);
  if (code_id != 0)
    gloss_segments_view_set_code (self->segments_view, code_id);

  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-codebook",
                                      g_variant_new_boolean (TRUE));
  gtk_stack_set_visible_child_name (self->content_stack, "segments");
  show_sidebar_page (self, "codebook");
  _gloss_window_actions_update (self);
}

static void
show_reports_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GlossWindow *self = user_data;

  gtk_stack_set_visible_child_name (self->content_stack, "reports");
  _gloss_window_actions_update (self);
}

static const GActionEntry sidebar_actions[] = {
  { "show-codebook", NULL, NULL, "true", show_codebook_change_state },
  { "show-document-list", NULL, NULL, "true", show_document_list_change_state },
  { "memo-target", NULL, "s", "'document'", memo_target_change_state },
  { "sidebar-page", NULL, "s", "'codebook'", sidebar_page_change_state },
  { "project-memo", project_memo_action },
  { "coded-segments", coded_segments_action },
  { "show-reports", show_reports_action },
};

/* Highlights --------------------------------------------------------------- */

/* (element-type GlossCoding) the open document's codings by the coders
 * shown; NULL without a document. */
GPtrArray *
_gloss_window_list_visible_codings (GlossWindow *self)
{
  GlossCodingFilter filter = { 0, 0, FALSE, 0 };
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *shown;

  if (self->project == NULL || self->document == NULL)
    return NULL;

  filter.document_id = gloss_document_get_id (self->document);
  codings = gloss_project_list_codings (self->project, &filter, &error);
  if (codings == NULL)
    {
      g_warning ("Could not list the codings: %s", error->message);
      return NULL;
    }

  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);

      if (gloss_coder_button_shows_coder (self->coder_button, gloss_coding_get_coder_name (coding)))
        g_ptr_array_add (shown, g_object_ref (coding));
    }

  return shown;
}

static void
gloss_window_update_highlights (GlossWindow *self)
{
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);
  gboolean is_pdf = g_strcmp0 (mode, "pdf") == 0;
  gboolean is_text = g_strcmp0 (mode, "text") == 0;
  g_autoptr(GPtrArray) codings = NULL;
  gint64 outlined;

  if (!is_pdf && !is_text)
    return;

  codings = _gloss_window_list_visible_codings (self);
  if (codings == NULL)
    codings = g_ptr_array_new_with_free_func (g_object_unref);
  outlined = gloss_coder_button_get_outline_mine (self->coder_button) ? self->coder_id : 0;

  if (is_pdf)
    {
      gloss_pdf_view_set_codings (self->pdf_view, codings);
      gloss_pdf_view_set_outlined_coder (self->pdf_view, outlined);
    }
  else
    {
      gloss_text_view_set_codings (self->text_view, codings);
      gloss_text_view_set_outlined_coder (self->text_view, outlined);
    }
}

/* A click on a highlight or its bar: that coding is the one to work on. */
static void
on_viewer_coding_clicked (GlossWindow *self,
                          gint64       coding_id)
{
  g_autoptr(GlossCoding) coding = NULL;

  if (self->project == NULL)
    return;

  coding = gloss_project_get_coding (self->project, coding_id, NULL);
  if (coding == NULL)
    return;

  self->memo_coding_id = coding_id;
  self->memo_coding_coder_id = gloss_coding_get_coder_id (coding);
  gloss_codings_list_select_coding (self->codings_list, coding_id);
  if (memo_target (self) == g_intern_static_string ("coding"))
    gloss_window_apply_memo_target (self);
}

/* Hooks from the window ---------------------------------------------------- */

static const struct {
  const char *icon;
  const char *tooltip;
  const char *action;
} coding_buttons[] = {
  { "bookmark-new-symbolic", N_("Change the Coding’s Code…"), "win.recode-coding" },
  { "edit-select-all-symbolic", N_("Fit the Coding to the Selection"), "win.fit-coding" },
  { "user-trash-symbolic", N_("Remove the Coding"), "win.remove-coding" },
};

void
_gloss_window_sidebar_init (GlossWindow *self)
{
  GtkWidget *segments_button;
  GtkWidget *action_bar;
  GtkWidget *edit_box;

  g_action_map_add_action_entries (G_ACTION_MAP (self), sidebar_actions,
                                   G_N_ELEMENTS (sidebar_actions), self);

  self->codebook_view = GLOSS_CODEBOOK_VIEW (gloss_codebook_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->codebook_view), TRUE);
  gtk_box_append (self->codebook_box, GTK_WIDGET (self->codebook_view));
  g_signal_connect_object (self->codebook_view, "code-activated",
                           G_CALLBACK (on_code_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codebook_view, "selection-dropped",
                           G_CALLBACK (on_selection_dropped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codebook_view, "code-selected",
                           G_CALLBACK (on_code_selected), self, G_CONNECT_SWAPPED);
  connect_error (self, self->codebook_view);

  /* The passages of the selected code, across the reports. */
  segments_button = gtk_button_new_with_mnemonic (_("Coded _Segments"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (segments_button), "win.coded-segments");
  gtk_widget_set_tooltip_text (segments_button, _("All passages of the selected code, in every report"));
  gtk_widget_set_margin_top (segments_button, 6);
  gtk_widget_set_margin_bottom (segments_button, 6);
  gtk_widget_set_margin_start (segments_button, 6);
  gtk_widget_set_margin_end (segments_button, 6);
  gtk_box_append (self->codebook_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (self->codebook_box, segments_button);

  self->codings_list = GLOSS_CODINGS_LIST (gloss_codings_list_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->codings_list), TRUE);
  gtk_box_append (self->codings_box, GTK_WIDGET (self->codings_list));
  g_signal_connect_object (self->codings_list, "coding-activated",
                           G_CALLBACK (on_coding_activated), self, G_CONNECT_SWAPPED);
  connect_error (self, self->codings_list);

  /* Colleagues' reviews of the selected coding, and mine of theirs. */
  self->review_panel = GLOSS_REVIEW_PANEL (gloss_review_panel_new ());
  gtk_box_append (self->codings_box, GTK_WIDGET (self->review_panel));
  g_object_bind_property (self->codings_list, "selected-coding-id",
                          self->review_panel, "coding-id", G_BINDING_SYNC_CREATE);
  connect_error (self, self->review_panel);

  /* Changing the coding selected in the list. */
  action_bar = gtk_action_bar_new ();
  edit_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (edit_box, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (coding_buttons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (coding_buttons[i].icon);

      gtk_widget_set_tooltip_text (button, _(coding_buttons[i].tooltip));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), coding_buttons[i].action);
      gtk_box_append (GTK_BOX (edit_box), button);
    }
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (action_bar), edit_box);
  gtk_box_append (self->codings_box, action_bar);

  self->memo_editor = GLOSS_MEMO_EDITOR (gloss_memo_editor_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->memo_editor), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->memo_editor), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->memo_editor), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->memo_editor), 6);
  gtk_box_append (self->memo_box, GTK_WIDGET (self->memo_editor));
  connect_error (self, self->memo_editor);

  self->segments_view = GLOSS_SEGMENTS_VIEW (gloss_segments_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->segments_view), TRUE);
  gtk_box_append (self->segments_box, GTK_WIDGET (self->segments_view));
  g_signal_connect_object (self->segments_view, "segment-activated",
                           G_CALLBACK (on_segment_activated), self, G_CONNECT_SWAPPED);
  connect_error (self, self->segments_view);

  restore_coder_visibility (self);
  g_signal_connect_object (self->coder_button, "visibility-changed",
                           G_CALLBACK (on_visibility_changed), self, G_CONNECT_SWAPPED);

  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-codebook",
                                      g_variant_new_boolean (g_settings_get_boolean (self->settings, "panel-visible")));
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-document-list",
                                      g_variant_new_boolean (g_settings_get_boolean (self->settings, "document-list-visible")));
  g_signal_connect_object (self->coding_paned, "notify::position",
                           G_CALLBACK (on_coding_paned_position), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coding_paned, "notify::max-position",
                           G_CALLBACK (on_coding_paned_position), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "coding-clicked",
                           G_CALLBACK (on_viewer_coding_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "coding-clicked",
                           G_CALLBACK (on_viewer_coding_clicked), self, G_CONNECT_SWAPPED);

}

void
_gloss_window_sidebar_dispose (GlossWindow *self)
{
  g_clear_handle_id (&self->panel_width_source, g_source_remove);
  /* Saves what is typed and not yet stored. */
  if (self->memo_editor != NULL)
    gloss_memo_editor_set_target (self->memo_editor, NULL, GLOSS_MEMO_PROJECT, 0, 0);
}

void
_gloss_window_sidebar_set_project (GlossWindow *self)
{
  self->memo_code_id = 0;
  self->memo_coding_id = 0;
  self->memo_coding_coder_id = 0;
  self->pending_coding_id = 0;

  gloss_codebook_view_set_project (self->codebook_view, self->project);
  gloss_codings_list_set_project (self->codings_list, self->project);
  gloss_segments_view_set_project (self->segments_view, self->project);
  _gloss_window_views_set_project (self);
  _gloss_window_team_set_project (self);
  gloss_review_panel_set_project (self->review_panel, self->project);
  gloss_review_panel_set_reviewer (self->review_panel, self->coder_id);
  gloss_window_apply_coder_filter (self);

  gtk_stack_set_visible_child_name (self->content_stack, "reports");
  set_memo_target (self, "document");
  gloss_window_apply_memo_target (self);
}

void
_gloss_window_sidebar_set_document (GlossWindow *self)
{
  gint64 id = self->document != NULL ? gloss_document_get_id (self->document) : 0;
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);
  gboolean loaded = g_strcmp0 (mode, "pdf") == 0 || g_strcmp0 (mode, "text") == 0;

  if (gloss_codebook_view_get_document (self->codebook_view) != id)
    gloss_codebook_view_set_document (self->codebook_view, id);
  if (gloss_codings_list_get_document (self->codings_list) != id)
    gloss_codings_list_set_document (self->codings_list, id);

  if (memo_target (self) == g_intern_static_string ("document") ||
      memo_target (self) == g_intern_static_string ("coding"))
    {
      if (self->memo_coding_id != 0 && self->pending_coding_id != self->memo_coding_id)
        {
          self->memo_coding_id = 0;
          set_memo_target (self, "document");
        }
    }
  gloss_window_apply_memo_target (self);

  if (loaded)
    {
      gloss_window_update_highlights (self);

      if (self->pending_coding_id != 0)
        {
          g_autoptr(GlossCoding) coding = gloss_project_get_coding (self->project, self->pending_coding_id, NULL);

          self->pending_coding_id = 0;
          if (coding != NULL && gloss_coding_get_document_id (coding) == id)
            gloss_window_select_range (self, gloss_coding_get_id (coding),
                                       gloss_coding_get_start (coding), gloss_coding_get_end (coding));
        }

      _gloss_window_team_set_document (self);
    }
}

void
_gloss_window_sidebar_update (GlossWindow *self)
{
  gboolean has_project = self->project != NULL;
  /* A full-width view (coded segments, documents, tables) instead of the
   * reports: a back button leads to the reports. */
  const char *subtitle = has_project ? _gloss_window_views_get_subtitle (self) : NULL;
  gboolean other_page = subtitle != NULL;

  gtk_widget_set_visible (self->sidebar_button, has_project);
  gtk_widget_set_visible (self->document_list_button, has_project && !other_page);
  gtk_widget_set_visible (self->back_button, other_page);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "coded-segments")),
                               has_project);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "project-memo")),
                               has_project);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-reports")),
                               other_page);
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "show-tables") != NULL)
    _gloss_window_views_update (self);
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "export") != NULL)
    _gloss_window_export_update (self);
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "merge-project") != NULL)
    _gloss_window_team_update (self);

  if (other_page)
    adw_window_title_set_subtitle (self->window_title, subtitle);
  else if (self->document != NULL)
    adw_window_title_set_subtitle (self->window_title, gloss_document_get_name (self->document));
}

void
_gloss_window_sidebar_refresh (GlossWindow *self)
{
  gloss_window_update_highlights (self);
}

void
_gloss_window_sidebar_coder_changed (GlossWindow *self)
{
  gloss_review_panel_set_reviewer (self->review_panel, self->coder_id);
  gloss_window_apply_coder_filter (self);
  gloss_window_apply_memo_target (self);
  gloss_window_update_highlights (self);
}

void
_gloss_window_sidebar_coding_added (GlossWindow *self,
                                    GlossCoding *coding)
{
  gloss_window_update_highlights (self);
}

