/* gloss-codebook-view-actions.c: the actions of the codebook view
 *
 * New code and sub-code, rename, colour, description, pin, moves, merge and
 * delete (the "codebook." group), their dialogs' answers, dropping codes
 * and selections on rows, and the context menu.  Each change goes to the
 * engine, which stores it at once; an error from it becomes the view's
 * "error" signal, for a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-code-dialogs.h"
#include "gloss-code-row.h"
#include "gloss-codebook.h"
#include "gloss-codebook-view-private.h"

/* Dialogs ---------------------------------------------------------------------------- */

typedef struct
{
  GlossCodebookView *self;
  gint64             code_id;
} DialogData;

static DialogData *
dialog_data_new (GlossCodebookView *self,
                 gint64             code_id)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->self = g_object_ref (self);
  data->code_id = code_id;

  return data;
}

static void
dialog_data_free (gpointer  data,
                  GClosure *closure)
{
  DialogData *dd = data;

  g_clear_object (&dd->self);
  g_free (dd);
}

static void
show_dialog (GlossCodebookView *self,
             GtkWidget         *dialog,
             GCallback          on_response,
             gint64             code_id)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);

  g_signal_connect_data (dialog, "response", on_response,
                         dialog_data_new (self, code_id), dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
accepted (DialogData *data,
          const char *response)
{
  return g_strcmp0 (response, GLOSS_CODE_DIALOG_ACCEPT) == 0 && data->self->project != NULL;
}

/* New code, new sub-code */

static void
on_new_code_response (AdwMessageDialog *dialog,
                      const char       *response,
                      DialogData       *data)
{
  GlossCodebookView *self = data->self;
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!accepted (data, response))
    return;

  name = gloss_code_name_dialog_dup_text (dialog);
  code = gloss_project_add_code (self->project, data->code_id, name, NULL, NULL, &error);
  if (code == NULL)
    {
      gloss_codebook_view_error (self, error->message);
      return;
    }

  gloss_codebook_view_reload (self);
  gloss_codebook_view_select_code (self, gloss_code_get_id (code));
}

static void
new_code (GlossCodebookView *self,
          GlossCode         *parent)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->project == NULL)
    return;

  if (parent != NULL)
    /* Translators: %s is the name of a code */
    heading = g_strdup_printf (_("New Sub-code of “%s”"), gloss_code_get_name (parent));
  else
    heading = g_strdup (_("New Code"));

  dialog = gloss_code_name_dialog_new (gloss_codebook_view_get_parent_window (self), heading, NULL, "", _("C_reate"));
  show_dialog (self, dialog, G_CALLBACK (on_new_code_response),
               parent != NULL ? gloss_code_get_id (parent) : 0);
}

static void
new_code_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  new_code (GLOSS_CODEBOOK_VIEW (widget), NULL);
}

static void
new_subcode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);

  if (code != NULL)
    new_code (self, code);
}

/* Rename */

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  GlossCodebookView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GlossCode *code;

  if (!accepted (data, response))
    return;

  name = gloss_code_name_dialog_dup_text (dialog);
  code = gloss_codebook_view_lookup_code (self, data->code_id);
  if (name[0] == '\0' || (code != NULL && g_strcmp0 (name, gloss_code_get_name (code)) == 0))
    return;

  if (!gloss_project_rename_code (self->project, data->code_id, name, &error))
    {
      gloss_codebook_view_error (self, error->message);
      return;
    }

  gloss_codebook_view_reload (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);
  GtkWidget *dialog;

  if (code == NULL)
    return;

  dialog = gloss_code_name_dialog_new (gloss_codebook_view_get_parent_window (self), _("Rename Code"), NULL,
                                       gloss_code_get_name (code), _("_Rename"));
  show_dialog (self, dialog, G_CALLBACK (on_rename_response), gloss_code_get_id (code));
}

/* Colour */

static void
on_colour_response (GtkDialog  *dialog,
                    int         response,
                    DialogData *data)
{
  GlossCodebookView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;

  if (response == GTK_RESPONSE_OK && self->project != NULL)
    {
      colour = gloss_code_colour_dialog_dup_colour (GTK_COLOR_CHOOSER (dialog));
      if (!gloss_project_set_code_colour (self->project, data->code_id, colour, &error))
        gloss_codebook_view_error (self, error->message);
      else
        gloss_codebook_view_reload (self);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
colour_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);

  if (code != NULL)
    show_dialog (self, gloss_code_colour_dialog_new (gloss_codebook_view_get_parent_window (self), code),
                 G_CALLBACK (on_colour_response), gloss_code_get_id (code));
}

/* Description */

static void
on_description_response (AdwMessageDialog *dialog,
                         const char       *response,
                         DialogData       *data)
{
  GlossCodebookView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GlossCode *code;

  if (!accepted (data, response))
    return;

  text = gloss_code_description_dialog_dup_text (dialog);
  code = gloss_codebook_view_lookup_code (self, data->code_id);
  if (code != NULL && g_strcmp0 (text, gloss_code_get_description (code) ? gloss_code_get_description (code) : "") == 0)
    return;

  if (!gloss_project_set_code_description (self->project, data->code_id, text, &error))
    {
      gloss_codebook_view_error (self, error->message);
      return;
    }

  gloss_codebook_view_reload (self);
}

static void
description_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);

  if (code != NULL)
    show_dialog (self, gloss_code_description_dialog_new (gloss_codebook_view_get_parent_window (self), code),
                 G_CALLBACK (on_description_response), gloss_code_get_id (code));
}

/* Merge */

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DialogData       *data)
{
  GlossCodebookView *self = data->self;
  g_autoptr(GError) error = NULL;
  gint64 into;

  if (!accepted (data, response))
    return;

  into = gloss_code_merge_dialog_get_target (dialog);
  if (into == 0 || into == data->code_id)
    return;

  if (!gloss_project_merge_code (self->project, data->code_id, into, &error))
    {
      gloss_codebook_view_error (self, error->message);
      return;
    }

  gloss_codebook_view_reload (self);
  gloss_codebook_view_select_code (self, into);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);

  if (code != NULL)
    show_dialog (self, gloss_code_merge_dialog_new (gloss_codebook_view_get_parent_window (self), code, self->codes),
                 G_CALLBACK (on_merge_response), gloss_code_get_id (code));
}

/* Delete */

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  GlossCodebookView *self = data->self;
  g_autoptr(GError) error = NULL;
  guint position;
  guint n;

  if (!accepted (data, response))
    return;

  position = gloss_codebook_view_find_position (self, data->code_id);

  if (!gloss_project_delete_code (self->project, data->code_id, &error))
    {
      gloss_codebook_view_error (self, error->message);
      return;
    }

  gloss_codebook_view_reload (self);

  /* Select the code that took its place, so that the keyboard user can go on. */
  n = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  if (n > 0 && position != GTK_INVALID_LIST_POSITION && gloss_codebook_view_get_selected (self) == NULL)
    gloss_codebook_view_select_position (self, MIN (position, n - 1));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);
  guint n_codings;

  if (code == NULL)
    return;

  n_codings = gloss_project_count_code_codings (self->project, gloss_code_get_id (code));
  show_dialog (self,
               gloss_code_delete_dialog_new (gloss_codebook_view_get_parent_window (self), code, n_codings,
                                             gloss_codebook_view_has_subcodes (self, gloss_code_get_id (code))),
               G_CALLBACK (on_delete_response), gloss_code_get_id (code));
}

/* Moves and pins ----------------------------------------------------------------------- */

static gboolean
move_code (GlossCodebookView *self,
           gint64             id,
           gint64             parent_id,
           int                position)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_project_move_code (self->project, id, parent_id, position, &error))
    {
      gloss_codebook_view_error (self, error->message);
      return FALSE;
    }

  gloss_codebook_view_reload (self);
  gloss_codebook_view_select_code (self, id);

  return TRUE;
}

static void
move_by (GlossCodebookView *self,
         int                delta)
{
  GlossCode *code = gloss_codebook_view_get_selected (self);
  g_autoptr(GArray) siblings = NULL;
  int index;

  if (code == NULL)
    return;

  siblings = gloss_codebook_view_list_siblings (self, gloss_code_get_parent_id (code));
  index = gloss_codebook_view_index_of (siblings, gloss_code_get_id (code));
  if (index < 0 || index + delta < 0 || index + delta >= (int) siblings->len)
    return;

  /* The position counts the siblings without the code itself. */
  move_code (self, gloss_code_get_id (code), gloss_code_get_parent_id (code), index + delta);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (GLOSS_CODEBOOK_VIEW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (GLOSS_CODEBOOK_VIEW (widget), 1);
}

static void
move_to_top_level_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GlossCode *code = gloss_codebook_view_get_selected (self);

  if (code != NULL && gloss_code_get_parent_id (code) != 0)
    move_code (self, gloss_code_get_id (code), 0, -1);
}

guint
gloss_codebook_view_get_selected_pin (GlossCodebookView *self)
{
  GlossCode *code = gloss_codebook_view_get_selected (self);

  return code != NULL ? gloss_code_get_pin (code) : 0;
}

void
gloss_codebook_view_set_selected_pin (GlossCodebookView *self,
                  guint              pin)
{
  GlossCode *code = gloss_codebook_view_get_selected (self);
  g_autoptr(GError) error = NULL;

  if (code == NULL || self->project == NULL || gloss_code_get_pin (code) == pin)
    return;

  if (!gloss_project_set_code_pin (self->project, gloss_code_get_id (code), pin, &error))
    {
      gloss_codebook_view_error (self, error->message);
      return;
    }

  gloss_codebook_view_reload (self);
}

/* Drag and drop -------------------------------------------------------------------------- */

gboolean
gloss_codebook_view_can_drop_code (GlossCodebookView     *self,
                                   gint64                 dragged_id,
                                   GlossCodebookItem     *target,
                                   GlossCodebookDropZone  zone)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (target), FALSE);

  /* Onto itself is no move; below its own sub-code the engine refuses,
   * and says why. */
  return self->project != NULL && dragged_id != gloss_codebook_item_get_id (target);
}

gboolean
gloss_codebook_view_drop (GlossCodebookView     *self,
                          GlossCodebookItem     *target,
                          const GValue          *value,
                          GlossCodebookDropZone  zone)
{
  gint64 target_id;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (target), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (self->project == NULL)
    return FALSE;

  target_id = gloss_codebook_item_get_id (target);

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || !g_str_has_prefix (text, GLOSS_SELECTION_DRAG_PREFIX))
        return FALSE;

      gloss_codebook_view_emit_selection_dropped (self, target_id);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_INT64))
    {
      gint64 dragged_id = g_value_get_int64 (value);
      GlossCode *target_code = gloss_codebook_view_lookup_code (self, target_id);
      g_autoptr(GArray) siblings = NULL;
      gint64 parent_id;
      int index;

      if (!gloss_codebook_view_can_drop_code (self, dragged_id, target, zone) ||
          gloss_codebook_view_lookup_code (self, dragged_id) == NULL || target_code == NULL)
        return FALSE;

      if (zone == GLOSS_CODEBOOK_DROP_INTO)
        {
          return move_code (self, dragged_id, target_id, -1);
        }

      /* Before or after the target, among its siblings less the one moved. */
      parent_id = gloss_code_get_parent_id (target_code);
      siblings = gloss_codebook_view_list_siblings (self, parent_id);
      index = gloss_codebook_view_index_of (siblings, dragged_id);
      if (index >= 0)
        g_array_remove_index (siblings, index);
      index = gloss_codebook_view_index_of (siblings, target_id);
      if (index < 0)
        return FALSE;
      if (zone == GLOSS_CODEBOOK_DROP_AFTER)
        index++;

      return move_code (self, dragged_id, parent_id, index);
    }

  return FALSE;
}

/* Context menu ------------------------------------------------------------------------------ */

static void
popup_menu (GlossCodebookView *self,
            double             x,
            double             y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static GlossCodeRow *
find_row_widget (GtkWidget *picked)
{
  GtkWidget *row;

  if (picked == NULL)
    return NULL;
  if (GLOSS_IS_CODE_ROW (picked))
    return GLOSS_CODE_ROW (picked);

  row = gtk_widget_get_ancestor (picked, GLOSS_TYPE_CODE_ROW);
  if (row != NULL)
    return GLOSS_CODE_ROW (row);

  /* The list's own row widget around ours. */
  row = gtk_widget_get_first_child (picked);
  if (row != NULL && GLOSS_IS_CODE_ROW (row))
    return GLOSS_CODE_ROW (row);

  return NULL;
}

static void
on_list_pressed (GtkGestureClick   *gesture,
                 int                n_press,
                 double             x,
                 double             y,
                 GlossCodebookView *self)
{
  GlossCodeRow *row;
  GlossCodebookItem *item;
  graphene_point_t point;
  guint position;

  row = find_row_widget (gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT));
  if (row == NULL || (item = gloss_code_row_get_item (row)) == NULL)
    return;

  position = gloss_codebook_view_find_position (self, gloss_codebook_item_get_id (item));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->list_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT ((float) x, (float) y);

  popup_menu (self, point.x, point.y);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_point_t point = GRAPHENE_POINT_INIT (32.0f, 96.0f);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      if (!gtk_widget_compute_point (focus, widget,
                                     &GRAPHENE_POINT_INIT (32.0f,
                                                           (float) gtk_widget_get_height (focus)),
                                     &point))
        point = GRAPHENE_POINT_INIT (32.0f, 96.0f);
    }

  popup_menu (self, point.x, point.y);
}

/* Setup --------------------------------------------------------------------------------- */

void
gloss_codebook_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "codebook.new-code", NULL, new_code_action);
  gtk_widget_class_install_action (widget_class, "codebook.new-subcode", NULL, new_subcode_action);
  gtk_widget_class_install_action (widget_class, "codebook.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "codebook.colour", NULL, colour_action);
  gtk_widget_class_install_action (widget_class, "codebook.description", NULL, description_action);
  gtk_widget_class_install_property_action (widget_class, "codebook.pin", "selected-pin");
  gtk_widget_class_install_action (widget_class, "codebook.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-to-top-level", NULL,
                                   move_to_top_level_action);
  gtk_widget_class_install_action (widget_class, "codebook.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "codebook.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "codebook.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "codebook.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "codebook.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "codebook.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "codebook.move-down", NULL);
}

void
gloss_codebook_view_init_actions (GlossCodebookView *self)
{
  GtkGesture *gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_list_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));
}
