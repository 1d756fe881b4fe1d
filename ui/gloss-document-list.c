/* gloss-document-list.c: the sidebar list of a project's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-document-list.h"
#include "gloss-attributes-dialog.h"
#include "gloss-document-row.h"

struct _GlossDocumentList
{
  GtkWidget           parent_instance;

  GlossProject       *project;
  GListStore         *store;

  /* template children */
  GtkWidget          *box;
  GtkSearchEntry     *filter_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GMenuModel         *context_menu;

  GtkWidget          *popover;
};

G_DEFINE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_document_list_toast (GlossDocumentList *self,
                           const char        *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    g_warning ("%s", title);
}

static void
gloss_document_list_update_state (GlossDocumentList *self)
{
  gboolean has_selection = gtk_single_selection_get_selected_item (self->selection) != NULL;
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-match";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), self->project != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.rename", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.attributes", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.menu", has_selection);
}

static void
on_items_changed (GlossDocumentList *self)
{
  gloss_document_list_update_state (self);
}

static void
on_selected_item_changed (GlossDocumentList *self)
{
  gloss_document_list_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOCUMENT]);
}

static guint
find_position (GListModel *model,
               gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (model, i);

      if (gloss_document_get_id (document) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
on_documents_changed (GlossDocumentList *self)
{
  gloss_document_list_reload (self);
}

/* Rename */

typedef struct
{
  GlossDocumentList *self;
  GlossDocument     *document;
  GtkEditable       *entry;
} RenameData;

static void
rename_data_free (gpointer  data,
                  GClosure *closure)
{
  RenameData *rd = data;

  g_clear_object (&rd->self);
  g_clear_object (&rd->document);
  g_free (rd);
}

static void
on_rename_entry_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", text[0] != '\0');
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RenameData       *rd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "rename") != 0 || rd->self->project == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (rd->entry)));
  if (name[0] == '\0' || g_strcmp0 (name, gloss_document_get_name (rd->document)) == 0)
    return;

  if (!gloss_project_rename_document (rd->self->project,
                                      gloss_document_get_id (rd->document),
                                      name, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could not rename “%s”: %s"),
                                                gloss_document_get_name (rd->document),
                                                error->message);
      gloss_document_list_toast (rd->self, title);
      return;
    }

  gloss_document_list_reload (rd->self);
}

void
gloss_document_list_rename_selected (GlossDocumentList *self)
{
  GlossDocument *document;
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;
  RenameData *rd;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  document = gloss_document_list_get_selected (self);
  if (document == NULL || self->project == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Report"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), gloss_document_get_name (document));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_entry_changed), dialog);

  rd = g_new0 (RenameData, 1);
  rd->self = g_object_ref (self);
  rd->document = g_object_ref (document);
  rd->entry = GTK_EDITABLE (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response),
                         rd, rename_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* Delete */

typedef struct
{
  GlossDocumentList *self;
  GlossDocument     *document;
} DeleteData;

static void
delete_data_free (gpointer  data,
                  GClosure *closure)
{
  DeleteData *dd = data;

  g_clear_object (&dd->self);
  g_clear_object (&dd->document);
  g_free (dd);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteData       *dd)
{
  GlossDocumentList *self = dd->self;
  g_autoptr(GError) error = NULL;
  guint position;
  guint n;

  if (g_strcmp0 (response, "delete") != 0 || self->project == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);

  if (!gloss_project_delete_document (self->project,
                                      gloss_document_get_id (dd->document),
                                      &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could not delete “%s”: %s"),
                                                gloss_document_get_name (dd->document),
                                                error->message);
      gloss_document_list_toast (self, title);
      return;
    }

  gloss_document_list_reload (self);

  /* Select the next report, so that the keyboard user can go on. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected_item (self->selection) == NULL)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
}

void
gloss_document_list_delete_selected (GlossDocumentList *self)
{
  GlossDocument *document;
  GtkRoot *root;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  DeleteData *dd;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  document = gloss_document_list_get_selected (self);
  if (document == NULL || self->project == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  heading = g_strdup_printf (_("Delete “%s”?"), gloss_document_get_name (document));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Its text and any codings on it are removed from the project."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  dd = g_new0 (DeleteData, 1);
  dd->self = g_object_ref (self);
  dd->document = g_object_ref (document);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response),
                         dd, delete_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Context menu */

static void
gloss_document_list_popup_menu (GlossDocumentList *self,
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

static void
on_list_pressed (GtkGestureClick   *gesture,
                 int                n_press,
                 double             x,
                 double             y,
                 GlossDocumentList *self)
{
  GtkWidget *picked;
  GtkWidget *row;
  GlossDocument *document;
  guint position;
  graphene_point_t point;

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  if (picked == NULL)
    return;

  row = GLOSS_IS_DOCUMENT_ROW (picked)
    ? picked : gtk_widget_get_ancestor (picked, GLOSS_TYPE_DOCUMENT_ROW);
  if (row == NULL)
    {
      /* The row widget around our child: look inside it. */
      GtkWidget *child = gtk_widget_get_first_child (picked);

      if (child != NULL && GLOSS_IS_DOCUMENT_ROW (child))
        row = child;
    }
  if (row == NULL)
    return;

  document = gloss_document_row_get_document (GLOSS_DOCUMENT_ROW (row));
  if (document == NULL)
    return;

  position = find_position (G_LIST_MODEL (self->filter_model), gloss_document_get_id (document));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->list_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT ((float) x, (float) y);

  gloss_document_list_popup_menu (self, point.x, point.y);
}

static void
document_menu_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_point_t point = GRAPHENE_POINT_INIT (24.0f, 48.0f);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      if (!gtk_widget_compute_point (focus, widget,
                                     &GRAPHENE_POINT_INIT (24.0f,
                                                           (float) gtk_widget_get_height (focus) / 2.0f),
                                     &point))
        point = GRAPHENE_POINT_INIT (24.0f, 48.0f);
    }

  gloss_document_list_popup_menu (self, point.x, point.y);
}

static void
document_rename_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gloss_document_list_rename_selected (GLOSS_DOCUMENT_LIST (widget));
}

/* The attributes of the selected report, in the editor that the
 * documents page uses for one or several reports. */
static void
document_attributes_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (widget);
  GlossDocument *document = gloss_document_list_get_selected (self);
  g_autoptr(GArray) ids = NULL;
  GtkWidget *dialog;
  gint64 id;

  if (document == NULL || self->project == NULL)
    return;

  id = gloss_document_get_id (document);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, id);
  dialog = gloss_attributes_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->project, ids);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
document_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gloss_document_list_delete_selected (GLOSS_DOCUMENT_LIST (widget));
}

static void
on_filter_stop_search (GlossDocumentList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_filter_activate (GlossDocumentList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static gboolean
gloss_document_list_grab_focus (GtkWidget *widget)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
gloss_document_list_dispose (GObject *object)
{
  GlossDocumentList *self = (GlossDocumentList *)object;

  gloss_document_list_set_project (self, NULL);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DOCUMENT_LIST);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->dispose (object);
}

static void
gloss_document_list_finalize (GObject *object)
{
  GlossDocumentList *self = (GlossDocumentList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->finalize (object);
}

static void
gloss_document_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED_DOCUMENT:
      g_value_set_object (value, gloss_document_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_document_list_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_list_class_init (GlossDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_list_dispose;
  object_class->finalize = gloss_document_list_finalize;
  object_class->get_property = gloss_document_list_get_property;
  object_class->set_property = gloss_document_list_set_property;
  widget_class->grab_focus = gloss_document_list_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_DOCUMENT] =
    g_param_spec_object ("selected-document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_DOCUMENT);
  g_type_ensure (GLOSS_TYPE_DOCUMENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, box);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, filter_model);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);

  gtk_widget_class_install_action (widget_class, "document.rename", NULL, document_rename_action);
  gtk_widget_class_install_action (widget_class, "document.delete", NULL, document_delete_action);
  gtk_widget_class_install_action (widget_class, "document.attributes", NULL, document_attributes_action);
  gtk_widget_class_install_action (widget_class, "document.menu", NULL, document_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "document.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "document.attributes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "document.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "document.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "document.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
gloss_document_list_init (GlossDocumentList *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (GLOSS_TYPE_DOCUMENT);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->store));

  g_signal_connect_object (self->store, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_list_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));

  gloss_document_list_update_state (self);
}

GtkWidget *
gloss_document_list_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_LIST, NULL);
}

GlossProject *
gloss_document_list_get_project (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  return self->project;
}

void
gloss_document_list_set_project (GlossDocumentList *self,
                                 GlossProject      *project)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (!project || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_documents_changed, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_swapped (project, "documents-changed",
                              G_CALLBACK (on_documents_changed), self);

  if (self->store != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gloss_document_list_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
gloss_document_list_reload (GlossDocumentList *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *selected;
  gint64 selected_id = -1;
  guint position;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  selected = gloss_document_list_get_selected (self);
  if (selected != NULL)
    selected_id = gloss_document_get_id (selected);

  if (self->project != NULL)
    {
      documents = gloss_project_list_documents (self->project, &error);
      if (documents == NULL)
        {
          g_autofree char *title = g_strdup_printf (_("Could not list the reports: %s"),
                                                    error->message);
          gloss_document_list_toast (self, title);
        }
    }

  /* Replacing the items would drop the selection: keep it by id, and
   * tell listeners only when it really changed. */
  g_signal_handlers_block_by_func (self->selection, on_selected_item_changed, self);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       documents ? documents->pdata : NULL,
                       documents ? documents->len : 0);
  position = selected_id >= 0
    ? find_position (G_LIST_MODEL (self->filter_model), selected_id)
    : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, on_selected_item_changed, self);

  gloss_document_list_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOCUMENT]);
}

GlossDocument *
gloss_document_list_get_selected (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
gloss_document_list_select_document (GlossDocumentList *self,
                                     gint64             id)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), FALSE);

  position = find_position (G_LIST_MODEL (self->filter_model), id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Perhaps just imported, and "documents-changed" not yet seen. */
      if (find_position (G_LIST_MODEL (self->store), id) == GTK_INVALID_LIST_POSITION)
        gloss_document_list_reload (self);
      if (find_position (G_LIST_MODEL (self->store), id) == GTK_INVALID_LIST_POSITION)
        return FALSE;

      /* Hidden by the filter: show everything rather than hide it. */
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      position = find_position (G_LIST_MODEL (self->filter_model), id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

void
gloss_document_list_focus_filter (GlossDocumentList *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->filter_entry), 0, -1);
}

GtkEditable *
gloss_document_list_get_filter_entry (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  return GTK_EDITABLE (self->filter_entry);
}

GListModel *
gloss_document_list_get_model (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

guint
gloss_document_list_get_n_documents (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}
