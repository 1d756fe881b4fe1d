/* gloss-document-table.c: the project's reports as a table, one column
 * per attribute: loading, keeping the selection, filtering
 *
 * The columns are in gloss-document-table-columns.c, the dialogs, the
 * CSV import and the actions in gloss-document-table-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-attributes.h"
#include "gloss-codebook.h"
#include "gloss-document-table-private.h"

/* How long a burst of changes is waited out before reloading. */
#define RELOAD_DELAY_MS 150

G_DEFINE_FINAL_TYPE (GlossDocumentTable, gloss_document_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_N_SELECTED,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
gloss_document_table_toast (GlossDocumentTable *self,
                            const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    g_message ("%s", title);
}

GtkWindow *
gloss_document_table_parent_window (GlossDocumentTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* State ------------------------------------------------------------------------ */

void
gloss_document_table_update_state (GlossDocumentTable *self)
{
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_selected = gloss_document_table_get_n_selected (self);
  g_autofree char *shown = NULL;
  g_autofree char *summary = NULL;

  if (self->project == NULL || n_total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");

  if (n_shown == n_total)
    shown = g_strdup_printf (ngettext ("%u report", "%u reports", n_total), n_total);
  else
    shown = g_strdup_printf (ngettext ("%u of %u report", "%u of %u reports", n_total),
                             n_shown, n_total);
  if (n_selected > 0)
    /* Translators: "3 reports, 2 selected" */
    summary = g_strdup_printf (ngettext ("%s, %u selected", "%s, %u selected", n_selected),
                               shown, n_selected);
  gtk_label_set_text (self->summary_label, self->project == NULL ? "" : summary != NULL ? summary : shown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.edit-attributes",
                                 self->project != NULL && n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.new-attribute", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.import-csv",
                                 self->project != NULL && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.rename-attribute", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.edit-values", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.delete-attribute", self->project != NULL);
}

static void
on_items_changed (GlossDocumentTable *self)
{
  gloss_document_table_update_state (self);
}

static void
on_selection_changed (GlossDocumentTable *self)
{
  gloss_document_table_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
}

/* Loading ---------------------------------------------------------------------- */

/* Number of codings per document id. */
static GHashTable *
count_codings (GlossProject  *project,
               GError       **error)
{
  GlossCodingFilter filter = { 0, };
  g_autoptr(GPtrArray) codings = gloss_project_list_codings (project, &filter, error);
  GHashTable *counts;

  if (codings == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < codings->len; i++)
    {
      gint64 id = gloss_coding_get_document_id (g_ptr_array_index (codings, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (n + 1));
    }

  return counts;
}

static GPtrArray *
load_items (GlossDocumentTable  *self,
            GPtrArray          **attributes,
            GError             **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  documents = gloss_project_list_documents (self->project, error);
  if (documents == NULL)
    return NULL;
  *attributes = gloss_project_list_attributes (self->project, error);
  if (*attributes == NULL)
    return NULL;
  values = gloss_project_list_attribute_values (self->project, 0, error);
  if (values == NULL)
    return NULL;
  counts = count_codings (self->project, error);
  if (counts == NULL)
    return NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocumentTableItem *item = gloss_document_table_item_new (g_ptr_array_index (documents, i));
      gint64 *id = g_new (gint64, 1);

      *id = gloss_document_table_item_get_id (item);
      gloss_document_table_item_set_n_codings (item, GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)));
      g_hash_table_insert (by_id, id, item);
      g_ptr_array_add (items, item);
    }
  for (guint i = 0; i < values->len; i++)
    {
      GlossAttributeValue *value = g_ptr_array_index (values, i);
      GlossDocumentTableItem *item = g_hash_table_lookup (by_id, &value->document_id);

      if (item != NULL)
        gloss_document_table_item_set_value (item, value->attribute_id, value->value);
    }

  return g_steal_pointer (&items);
}

static guint
position_of (GListModel *model,
             gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (model, i);

      if (gloss_document_table_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_ids (GlossDocumentTable *self,
                  GArray             *ids)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));
  for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (model, i);
      gint64 id = gloss_document_table_item_get_id (item);

      if (g_hash_table_contains (wanted, &id))
        gtk_bitset_add (selected, i);
    }

  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

void
gloss_document_table_reload (GlossDocumentTable *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;

  if (self->project != NULL)
    {
      items = load_items (self, &attributes, &error);
      if (items == NULL)
        {
          g_autofree char *title = g_strdup_printf (_("Could not list the reports: %s"), error->message);

          gloss_document_table_toast (self, title);
          return;
        }
    }

  selected = gloss_document_table_get_selected_ids (self);
  gloss_document_table_update_columns (self, attributes);

  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
  set_selected_ids (self, selected);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);

  on_selection_changed (self);
}

static gboolean
reload_cb (gpointer data)
{
  GlossDocumentTable *self = data;

  self->reload_source = 0;
  gloss_document_table_reload (self);

  return G_SOURCE_REMOVE;
}

/* Waits out a burst of changes; while the table is not shown, only notes
 * that it must reload when it is. */
static void
on_project_changed (GlossDocumentTable *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

/* Selection -------------------------------------------------------------------- */

GArray *
gloss_document_table_get_selected_ids (GlossDocumentTable *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id;

      if (item == NULL)
        continue;
      id = gloss_document_table_item_get_id (item);
      g_array_append_val (ids, id);
    }

  return ids;
}

guint
gloss_document_table_get_n_selected (GlossDocumentTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), 0);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

/* The list view inside the column view, which can scroll to a row. */
static GtkWidget *
inner_list_view (GlossDocumentTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

void
gloss_document_table_select_ids (GlossDocumentTable *self,
                                 GArray             *ids)
{
  GtkWidget *list_view;
  guint first = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE (self));

  if (self->dirty || self->reload_source != 0)
    gloss_document_table_reload (self);

  /* A report hidden by the filter: show everything rather than hide it. */
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (position_of (G_LIST_MODEL (self->filter_model), id) == GTK_INVALID_LIST_POSITION &&
          position_of (G_LIST_MODEL (self->store), id) != GTK_INVALID_LIST_POSITION)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
          gtk_string_filter_set_search (self->filter, NULL);
          break;
        }
    }

  set_selected_ids (self, ids);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    first = MIN (first, position_of (G_LIST_MODEL (self->selection), g_array_index (ids, gint64, i)));
  list_view = inner_list_view (self);
  if (first != GTK_INVALID_LIST_POSITION && list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", first);
}

static void
on_row_activated (GlossDocumentTable *self,
                  guint               position)
{
  g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, gloss_document_table_item_get_id (item));
}

/* Filter ----------------------------------------------------------------------- */

static void
on_filter_changed (GlossDocumentTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  gtk_string_filter_set_search (self->filter, *text != '\0' ? text : NULL);
}

static void
on_filter_stop_search (GlossDocumentTable *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_filter_activate (GlossDocumentTable *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;

  if (gloss_document_table_get_n_selected (self) == 0)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
gloss_document_table_set_importing (GlossDocumentTable *self,
                                    gboolean            importing)
{
  self->importing = importing;
  gloss_document_table_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

/* Object ------------------------------------------------------------------------ */

static void
gloss_document_table_map (GtkWidget *widget)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (widget);

  GTK_WIDGET_CLASS (gloss_document_table_parent_class)->map (widget);

  if (self->dirty)
    gloss_document_table_reload (self);
}

static gboolean
gloss_document_table_grab_focus (GtkWidget *widget)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  return gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
gloss_document_table_dispose (GObject *object)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (object);

  g_cancellable_cancel (self->cancellable);
  gloss_document_table_set_project (self, NULL);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gloss_document_table_close_chooser (self);
  if (self->columns != NULL)
    {
      for (guint i = 0; i < self->columns->len; i++)
        ((TableColumn *) g_ptr_array_index (self->columns, i))->table = NULL;
      g_clear_pointer (&self->columns, g_ptr_array_unref);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DOCUMENT_TABLE);

  G_OBJECT_CLASS (gloss_document_table_parent_class)->dispose (object);
}

static void
gloss_document_table_finalize (GObject *object)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->probe_low);
  g_clear_object (&self->probe_high);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_document_table_parent_class)->finalize (object);
}

static void
gloss_document_table_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_N_SELECTED:
      g_value_set_uint (value, gloss_document_table_get_n_selected (self));
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_table_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_document_table_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_table_class_init (GlossDocumentTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_table_dispose;
  object_class->finalize = gloss_document_table_finalize;
  object_class->get_property = gloss_document_table_get_property;
  object_class->set_property = gloss_document_table_set_property;
  widget_class->map = gloss_document_table_map;
  widget_class->grab_focus = gloss_document_table_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocumentTable::document-activated:
   * @id: the document's id
   *
   * A row was activated: the window should open the document.
   */
  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GLOSS_TYPE_DOCUMENT_TABLE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-document-table.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, box);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, sort_model);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, filter_model);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentTable, filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gloss_document_table_class_add_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documenttable");
}

static void
gloss_document_table_init (GlossDocumentTable *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (GLOSS_TYPE_DOCUMENT_TABLE_ITEM);
  self->columns = g_ptr_array_new_with_free_func (gloss_document_table_column_release);
  self->cancellable = g_cancellable_new ();
  self->probe_low = gloss_document_table_item_new (NULL);
  self->probe_high = gloss_document_table_item_new (NULL);

  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->store));
  /* Ours first: the directions must be known before the model sorts. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (gloss_document_table_sorter_changed), self, 0);
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  gloss_document_table_add_fixed_columns (self);
  gloss_document_table_update_state (self);
}

GtkWidget *
gloss_document_table_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_TABLE, NULL);
}

GlossProject *
gloss_document_table_get_project (GlossDocumentTable *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return self->project;
}

void
gloss_document_table_set_project (GlossDocumentTable *self,
                                  GlossProject       *project)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_swapped (project, "documents-changed", G_CALLBACK (on_project_changed), self);
      g_signal_connect_swapped (project, "codings-changed", G_CALLBACK (on_project_changed), self);
    }

  if (self->store != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      gtk_string_filter_set_search (self->filter, NULL);
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      gloss_document_table_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
gloss_document_table_focus_filter (GlossDocumentTable *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->filter_entry), 0, -1);
}

GtkEditable *
gloss_document_table_get_filter_entry (GlossDocumentTable *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return GTK_EDITABLE (self->filter_entry);
}

GtkColumnView *
gloss_document_table_get_column_view (GlossDocumentTable *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return self->column_view;
}

GListModel *
gloss_document_table_get_model (GlossDocumentTable *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
