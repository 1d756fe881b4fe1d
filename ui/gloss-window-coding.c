/* gloss-window-coding.c: coders, applying codes to the selection, the
 * code picker, undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Coders ------------------------------------------------------------------- */

static char *
default_coder_name (void)
{
  const char *real = g_get_real_name ();

  /* GLib says "Unknown" when the system has no real name. */
  if (real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (g_get_user_name ());
}

/* What GSettings says, or the system's name when it is empty. */
static char *
settings_coder_name (GlossWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "coder-name");

  g_strstrip (name);
  if (name[0] == '\0')
    return default_coder_name ();

  return g_steal_pointer (&name);
}

static void
gloss_window_ensure_coder (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->coder_id = 0;
  if (self->project == NULL || self->coder_name == NULL || self->asking_first_coder)
    return;

  self->coder_id = gloss_project_ensure_coder (self->project, self->coder_name, &error);
  if (self->coder_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not add the coder: %s"), error->message);

      gloss_window_add_toast (self, message);
    }

  gloss_coder_button_refresh (self->coder_button);
}

static void
gloss_window_coder_changed (GlossWindow *self)
{
  g_autofree char *name = settings_coder_name (self);

  if (g_strcmp0 (name, self->coder_name) == 0)
    return;

  g_free (self->coder_name);
  self->coder_name = g_steal_pointer (&name);
  gloss_coder_button_set_coder (self->coder_button, self->coder_name);
  gloss_window_ensure_coder (self);
  _gloss_window_sidebar_coder_changed (self);
}

static void
on_switch_coder (GlossWindow *self,
                 const char  *name)
{
  g_autofree char *message = NULL;

  g_settings_set_string (self->settings, "coder-name", name);
  gloss_window_coder_changed (self);

  /* Translators: a toast after switching the current coder */
  message = g_strdup_printf (_("Now coding as %s"), self->coder_name);
  gloss_window_add_toast (self, message);
}

static void
on_coder_entry_changed (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "gloss-response");

  adw_message_dialog_set_response_enabled (dialog, response, name[0] != '\0');
}

static void
on_coder_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          GlossWindow      *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->coder_dialog == dialog)
    self->coder_dialog = NULL;

  if (self->asking_first_coder)
    {
      /* Store the name even when it is the one offered, so that the
       * question is not asked again. */
      self->asking_first_coder = FALSE;
      if (name[0] != '\0')
        g_settings_set_string (self->settings, "coder-name", name);
      gloss_window_coder_changed (self);
      if (self->coder_id == 0)
        gloss_window_ensure_coder (self);
      return;
    }

  if (g_strcmp0 (response, "cancel") == 0 || name[0] == '\0' ||
      g_strcmp0 (name, self->coder_name) == 0)
    return;

  on_switch_coder (self, name);
}

static void
on_coder_dialog_destroy (GlossWindow *self,
                         GtkWidget   *dialog)
{
  if (self->coder_dialog == ADW_MESSAGE_DIALOG (dialog))
    {
      self->coder_dialog = NULL;
      /* Closed unanswered: code under the name offered. */
      if (self->asking_first_coder)
        {
          self->asking_first_coder = FALSE;
          gloss_window_ensure_coder (self);
        }
    }
}

void
gloss_window_ask_coder (GlossWindow *self,
                        gboolean     first_start)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  const char *response;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->coder_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->coder_dialog));
      return;
    }

  if (first_start)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Who Is Coding?"),
                                       _("Gloss records your name with each coding you make, so that "
                                         "a team can compare codings. You can change it later in "
                                         "Preferences."));
      response = "save";
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), response, _("_Start Coding"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), response);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Coder"),
                                       _("Codings you make from now on are recorded under this name."));
      response = "switch";
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        response, _("_Switch"),
                                        NULL);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  g_object_set_data (G_OBJECT (dialog), "gloss-response", (gpointer) response);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coder name"),
                                  -1);
  if (first_start)
    {
      g_autofree char *name = default_coder_name ();

      gtk_editable_set_text (GTK_EDITABLE (entry), name);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_coder_entry_changed), dialog);
  on_coder_entry_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_coder_dialog_response), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_coder_dialog_destroy), self, G_CONNECT_SWAPPED);
  self->coder_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->asking_first_coder = first_start;
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

const char *
gloss_window_get_coder_name (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->coder_name;
}

gint64
gloss_window_get_coder_id (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), 0);

  return self->coder_id;
}

static void
on_new_coder (GlossWindow *self)
{
  gloss_window_ask_coder (self, FALSE);
}

/* Applying codes ----------------------------------------------------------- */

gboolean
_gloss_window_get_selection (GlossWindow *self,
                             guint       *start,
                             guint       *end)
{
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);
  guint s = 0, e = 0;
  gboolean ok = FALSE;

  if (g_strcmp0 (mode, "pdf") == 0)
    ok = gloss_pdf_view_get_selection (self->pdf_view, &s, &e);
  else if (g_strcmp0 (mode, "text") == 0)
    ok = gloss_text_view_get_selection (self->text_view, &s, &e);

  ok = ok && s < e;
  if (start != NULL)
    *start = ok ? s : 0;
  if (end != NULL)
    *end = ok ? e : 0;

  return ok;
}

static void
gloss_window_update_undo (GlossWindow *self)
{
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gboolean can_undo = FALSE, can_redo = FALSE;
  GAction *action;

  if (self->project != NULL)
    {
      can_undo = gloss_project_can_undo (self->project, &undo_label);
      can_redo = gloss_project_can_redo (self->project, &redo_label);
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), can_undo);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), can_redo);
}

gboolean
_gloss_window_apply_code (GlossWindow *self,
                          gint64       code_id)
{
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (self->project == NULL || self->document == NULL)
    {
      gloss_window_add_toast (self, _("Open a report first, then select a passage to code"));
      return FALSE;
    }

  if (!_gloss_window_get_selection (self, &start, &end))
    {
      gloss_window_add_toast (self, _("Select a passage first, then apply the code"));
      return FALSE;
    }

  if (self->coder_id == 0)
    gloss_window_ensure_coder (self);
  if (self->coder_id == 0)
    return FALSE;

  coding = gloss_project_add_coding (self->project, gloss_document_get_id (self->document),
                                     code_id, self->coder_id, start, end, NULL, &error);
  if (coding == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not code the passage: %s"), error->message);

      gloss_window_add_toast (self, message);
      return FALSE;
    }

  gloss_window_update_undo (self);
  _gloss_window_sidebar_coding_added (self, coding);

  return TRUE;
}

static void
apply_code_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  _gloss_window_apply_code (GLOSS_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
apply_pinned_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GlossWindow *self = user_data;
  guint key = g_variant_get_uint32 (parameter);
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  codes = gloss_project_list_codes (self->project, &error);
  if (codes == NULL)
    {
      gloss_window_add_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (codes, i);

      if (gloss_code_get_pin (code) == key)
        {
          _gloss_window_apply_code (self, gloss_code_get_id (code));
          return;
        }
    }

  {
    /* Translators: a toast after pressing a digit key; %u is the digit */
    g_autofree char *message = g_strdup_printf (_("No code is pinned to %u"), key);

    gloss_window_add_toast (self, message);
  }
}

static void
code_picker_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossWindow *self = user_data;

  if (self->project == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->code_button)))
    return;

  gtk_menu_button_popup (self->code_button);
}

/* Changing a coding -------------------------------------------------------- */

/* The coding selected in the panel's list, or 0 after a toast. */
static gint64
selected_coding (GlossWindow *self)
{
  gint64 id = gloss_codings_list_get_selected (self->codings_list);

  if (id == 0)
    gloss_window_add_toast (self, _("Select a coding in the list first"));

  return id;
}

static void
recode_coding_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GlossWindow *self = user_data;
  gint64 id = selected_coding (self);

  if (id == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->code_button)))
    return;

  /* The picker's choice goes to this coding, not to the selection. */
  self->recode_coding_id = id;
  self->recode_arming = TRUE;
  gtk_menu_button_popup (self->code_button);
  self->recode_arming = FALSE;
}

static void
on_code_picker_show (GlossWindow *self)
{
  /* Opened otherwise (its button, Ctrl+K): it codes the selection. */
  if (!self->recode_arming)
    self->recode_coding_id = 0;
}

static void
gloss_window_recode (GlossWindow *self,
                     gint64       coding_id,
                     gint64       code_id)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_project_set_coding_code (self->project, coding_id, code_id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not change the coding’s code: %s"), error->message);

      gloss_window_add_toast (self, message);
    }

  gloss_window_update_undo (self);
  _gloss_window_sidebar_refresh (self);
}

static void
fit_coding_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  guint start, end;
  gint64 id;

  if (self->project == NULL)
    return;

  if (!_gloss_window_get_selection (self, &start, &end))
    {
      gloss_window_add_toast (self, _("Select the passage the coding is to cover, then fit it"));
      return;
    }

  id = selected_coding (self);
  if (id == 0)
    return;

  if (!gloss_project_set_coding_range (self->project, id, start, end, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not change the coded passage: %s"), error->message);

      gloss_window_add_toast (self, message);
    }

  gloss_window_update_undo (self);
  _gloss_window_sidebar_refresh (self);
}

static void
remove_coding_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->project == NULL)
    return;

  id = selected_coding (self);
  if (id == 0)
    return;

  if (!gloss_project_remove_coding (self->project, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not remove the coding: %s"), error->message);

      gloss_window_add_toast (self, message);
    }

  gloss_window_update_undo (self);
  _gloss_window_sidebar_refresh (self);
}

static void
gloss_window_focus_viewer (GlossWindow *self)
{
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);

  if (g_strcmp0 (mode, "pdf") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
  else if (g_strcmp0 (mode, "text") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_code_chosen (GlossWindow *self,
                gint64       code_id)
{
  gint64 recode = self->recode_coding_id;

  self->recode_coding_id = 0;
  if (recode != 0)
    gloss_window_recode (self, recode, code_id);
  else
    _gloss_window_apply_code (self, code_id);
  gloss_window_focus_viewer (self);
}

static void
on_create_code (GlossWindow *self,
                const char  *path)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  code = gloss_project_ensure_code_path (self->project, path, NULL, NULL, &error);
  if (code == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not create the code: %s"), error->message);

      gloss_window_add_toast (self, message);
      return;
    }

  gloss_window_update_undo (self);

  if (self->recode_coding_id != 0)
    {
      gint64 recode = self->recode_coding_id;

      self->recode_coding_id = 0;
      gloss_window_recode (self, recode, gloss_code_get_id (code));
    }
  else if (_gloss_window_get_selection (self, NULL, NULL))
    {
      _gloss_window_apply_code (self, gloss_code_get_id (code));
    }
  else
    {
      /* Translators: a toast; %s is the new code's path */
      g_autofree char *message = g_strdup_printf (_("Created code “%s”"), gloss_code_get_path (code));

      gloss_window_add_toast (self, message);
    }

  gloss_window_focus_viewer (self);
}

/* Undo and redo ------------------------------------------------------------ */

static void
undo_redo (GlossWindow *self,
           gboolean     redo)
{
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->project == NULL)
    return;

  if (!(redo ? gloss_project_can_redo (self->project, &label)
             : gloss_project_can_undo (self->project, &label)))
    {
      gloss_window_update_undo (self);
      return;
    }

  ok = redo ? gloss_project_redo (self->project, &error)
            : gloss_project_undo (self->project, &error);
  if (!ok)
    {
      message = g_strdup_printf (redo ? _("Could not redo: %s") : _("Could not undo: %s"),
                                 error->message);
      gloss_window_add_toast (self, message);
    }
  else
    {
      /* Translators: toasts; %s names the action, e.g. “Code Passage” */
      message = g_strdup_printf (redo ? _("Redid “%s”") : _("Undid “%s”"),
                                 label != NULL ? label : "");
      gloss_window_add_toast (self, message);
    }

  gloss_window_update_undo (self);
  _gloss_window_sidebar_refresh (self);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  undo_redo (GLOSS_WINDOW (user_data), FALSE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  undo_redo (GLOSS_WINDOW (user_data), TRUE);
}

/* The project's signals ---------------------------------------------------- */

static void
on_project_codes_changed (GlossWindow *self)
{
  gloss_window_update_undo (self);
}

static void
on_project_codings_changed (GlossWindow *self)
{
  gloss_window_update_undo (self);
  _gloss_window_sidebar_refresh (self);
}

/* Setup -------------------------------------------------------------------- */

static const GActionEntry coding_actions[] = {
  { "apply-code", apply_code_action, "x" },
  { "apply-pinned", apply_pinned_action, "u" },
  { "code-picker", code_picker_action },
  { "recode-coding", recode_coding_action },
  { "fit-coding", fit_coding_action },
  { "remove-coding", remove_coding_action },
  { "undo", undo_action },
  { "redo", redo_action },
};

void
_gloss_window_coding_class_init (GtkWidgetClass *widget_class)
{
  /* Bubble phase: a focused entry takes the digits first. */
  for (guint i = 1; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0,
                                           "win.apply-pinned", "u", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0,
                                           "win.apply-pinned", "u", i);
    }

  /* As bindings rather than application accelerators, so that an entry
   * or the memo editor gets Ctrl+Z first for its own text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.code-picker", NULL);
}

void
_gloss_window_coding_init (GlossWindow *self)
{
  GtkEventController *controller;

  g_action_map_add_action_entries (G_ACTION_MAP (self), coding_actions,
                                   G_N_ELEMENTS (coding_actions), self);

  /* The viewers are read-only: in the capture phase the digit keys reach
   * us before a viewer's input method could take them. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 1; i <= 9; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_0 + i, 0),
                                                gtk_named_action_new ("win.apply-pinned"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->viewer_stack), controller);

  self->coder_name = settings_coder_name (self);
  gloss_coder_button_set_coder (self->coder_button, self->coder_name);
  g_signal_connect_object (self->settings, "changed::coder-name",
                           G_CALLBACK (gloss_window_coder_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coder_button, "switch-coder",
                           G_CALLBACK (on_switch_coder), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coder_button, "new-coder",
                           G_CALLBACK (on_new_coder), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->code_picker, "code-chosen",
                           G_CALLBACK (on_code_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_picker, "create-code",
                           G_CALLBACK (on_create_code), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_picker, "show",
                           G_CALLBACK (on_code_picker_show), self, G_CONNECT_SWAPPED);

  _gloss_window_sidebar_init (self);
}

void
_gloss_window_coding_dispose (GlossWindow *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, gloss_window_coder_changed, self);

  if (self->coding_project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->coding_project, self);
      g_clear_object (&self->coding_project);
    }

  if (self->coder_dialog != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->coder_dialog);

      self->coder_dialog = NULL;
      self->asking_first_coder = FALSE;
      gtk_window_destroy (dialog);
    }

  _gloss_window_sidebar_dispose (self);
  g_clear_pointer (&self->coder_name, g_free);
}

void
_gloss_window_coding_set_project (GlossWindow *self)
{
  if (self->coding_project == self->project)
    return;

  if (self->coding_project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->coding_project, self);
      g_clear_object (&self->coding_project);
    }

  self->coder_id = 0;

  if (self->project != NULL)
    {
      self->coding_project = g_object_ref (self->project);
      g_signal_connect_object (self->project, "codes-changed",
                               G_CALLBACK (on_project_codes_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->project, "codings-changed",
                               G_CALLBACK (on_project_codings_changed), self, G_CONNECT_SWAPPED);
    }

  gloss_coder_button_set_project (self->coder_button, self->project);
  gloss_code_picker_set_project (self->code_picker, self->project);
  gloss_window_ensure_coder (self);

  _gloss_window_sidebar_set_project (self);
  _gloss_window_coding_update (self);
}

void
_gloss_window_coding_set_document (GlossWindow *self)
{
  _gloss_window_sidebar_set_document (self);
  _gloss_window_coding_update (self);
}

void
_gloss_window_coding_update (GlossWindow *self)
{
  gboolean has_project = self->project != NULL;
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean on_reports = has_project && g_strcmp0 (page, "project") == 0;
  gboolean has_document = on_reports && self->document != NULL;
  GAction *action;

  if (g_action_map_lookup_action (G_ACTION_MAP (self), "apply-code") == NULL)
    return;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "apply-code");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_document);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "apply-pinned");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               has_document && _gloss_window_get_selection (self, NULL, NULL));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "code-picker");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), on_reports);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "recode-coding");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_document);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "fit-coding");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_document);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "remove-coding");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_document);

  gtk_widget_set_visible (GTK_WIDGET (self->coder_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->code_button), on_reports);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_button), on_reports);

  gloss_window_update_undo (self);
  _gloss_window_sidebar_update (self);
}
