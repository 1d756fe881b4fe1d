/* gloss-codebook-view.c: the codebook, a tree of codes with their counts
 *
 * The tree is a GtkTreeListModel over one GListStore per level, built from
 * gloss_project_list_codes().  A reload that leaves the shape of the tree
 * alone (counts, names, colours, pins) updates the items in place; one that
 * changes it builds the stores again and puts back which codes were
 * expanded and which was selected.  While a filter is typed, the tree holds
 * the matching codes and their ancestors, all expanded; clearing it brings
 * back the expansion from before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-code-row.h"
#include "gloss-codebook.h"
#include "gloss-codebook-item.h"
#include "gloss-codebook-view-private.h"

G_DEFINE_FINAL_TYPE (GlossCodebookView, gloss_codebook_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_CODE,
  PROP_SELECTED_PIN,
  N_PROPS
};

enum {
  CODE_ACTIVATED,
  SELECTION_DROPPED,
  CODE_SELECTED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char codebook_css[] =
  "codebookview listview.navigation-sidebar > row { padding: 0; min-height: 0; }\n"
  "coderow { padding: 0 10px 0 4px; min-height: 34px; border-radius: 6px; }\n"
  "coderow .content { min-height: 34px; }\n"
  "coderow .pin { font-size: 0.8em; font-weight: bold; min-width: 10px; padding: 0 4px;"
  " border-radius: 4px; background-color: alpha(currentColor, 0.1); }\n"
  "coderow .counts { margin-left: 4px; }\n"
  "coderow .counts.empty { opacity: 0.3; }\n"
  "coderow.ancestor .name { opacity: 0.55; }\n"
  "coderow.dragged { opacity: 0.5; }\n"
  "coderow.drop-into { background-color: alpha(@accent_bg_color, 0.25); }\n"
  "coderow.drop-before { box-shadow: inset 0 2px @accent_bg_color; }\n"
  "coderow.drop-after { box-shadow: inset 0 -2px @accent_bg_color; }\n";



/* Helpers ------------------------------------------------------------------- */

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

void
gloss_codebook_view_error (GlossCodebookView *self,
                           const char        *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

GtkWindow *
gloss_codebook_view_get_parent_window (GlossCodebookView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GlossCode *
gloss_codebook_view_lookup_code (GlossCodebookView *self,
             gint64             id)
{
  if (self->codes_by_id == NULL || id == 0)
    return NULL;

  return g_hash_table_lookup (self->codes_by_id, &id);
}

static GlossCodebookItem *
item_at (GlossCodebookView *self,
         guint              position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) item = NULL;

  if (self->tree == NULL)
    return NULL;

  row = gtk_tree_list_model_get_row (self->tree, position);
  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);

  /* Owned by the stores of the tree. */
  return GLOSS_IS_CODEBOOK_ITEM (item) ? GLOSS_CODEBOOK_ITEM (item) : NULL;
}

guint
gloss_codebook_view_find_position (GlossCodebookView *self,
               gint64             id)
{
  guint n;

  if (self->tree == NULL)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      GlossCodebookItem *item = item_at (self, i);

      if (item != NULL && gloss_codebook_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

GlossCode *
gloss_codebook_view_get_selected (GlossCodebookView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  if (!GLOSS_IS_CODEBOOK_ITEM (item))
    return NULL;

  return gloss_codebook_view_lookup_code (self, gloss_codebook_item_get_id (GLOSS_CODEBOOK_ITEM (item)));
}

/* The siblings of a code, in order; its index among them. */
GArray *
gloss_codebook_view_list_siblings (GlossCodebookView *self,
               gint64             parent_id)
{
  GArray *siblings = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; self->codes != NULL && i < self->codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (self->codes, i);

      if (gloss_code_get_parent_id (code) == parent_id)
        {
          gint64 id = gloss_code_get_id (code);

          g_array_append_val (siblings, id);
        }
    }

  return siblings;
}

int
gloss_codebook_view_index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;

  return -1;
}

gboolean
gloss_codebook_view_has_subcodes (GlossCodebookView *self,
              gint64             id)
{
  for (guint i = 0; self->codes != NULL && i < self->codes->len; i++)
    if (gloss_code_get_parent_id (g_ptr_array_index (self->codes, i)) == id)
      return TRUE;

  return FALSE;
}

/* Tree ---------------------------------------------------------------------- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListStore *children = gloss_codebook_item_get_children (GLOSS_CODEBOOK_ITEM (item));

  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    return NULL;

  return g_object_ref (G_LIST_MODEL (children));
}

static void
save_expansion (GlossCodebookView *self)
{
  guint n;

  if (self->tree == NULL || self->tree_filtered)
    return;

  g_hash_table_remove_all (self->expanded);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row) && GLOSS_IS_CODEBOOK_ITEM (item))
        g_hash_table_add (self->expanded,
                          id_key (gloss_codebook_item_get_id (GLOSS_CODEBOOK_ITEM (item))));
    }
}

static void
restore_expansion (GlossCodebookView *self)
{
  /* Expanding a row inserts its children after it: they are met next. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      gint64 id;

      if (!GLOSS_IS_CODEBOOK_ITEM (item) || !gtk_tree_list_row_is_expandable (row))
        continue;
      id = gloss_codebook_item_get_id (GLOSS_CODEBOOK_ITEM (item));
      if (g_hash_table_contains (self->expanded, &id))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
on_selection_changed (GlossCodebookView *self)
{
  GlossCode *code = gloss_codebook_view_get_selected (self);
  gint64 id = code != NULL ? gloss_code_get_id (code) : 0;

  gloss_codebook_view_update_actions (self);

  /* Another code chosen: the one the filter hid is forgotten. */
  if (id != 0)
    self->hidden_selected_id = 0;

  if (id == self->selected_id)
    return;

  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PIN]);
  g_signal_emit (self, signals[CODE_SELECTED], 0, id);
}

/* Expands the ancestors of code, from the root down, so that it shows. */
static void
expand_ancestors (GlossCodebookView *self,
                  GlossCode         *code)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 parent_id = gloss_code_get_parent_id (code); parent_id != 0;)
    {
      GlossCode *parent = gloss_codebook_view_lookup_code (self, parent_id);

      g_array_prepend_val (chain, parent_id);
      parent_id = parent != NULL ? gloss_code_get_parent_id (parent) : 0;
    }
  for (guint i = 0; i < chain->len; i++)
    {
      guint at = gloss_codebook_view_find_position (self, g_array_index (chain, gint64, i));
      g_autoptr(GtkTreeListRow) row = NULL;

      if (at == GTK_INVALID_LIST_POSITION)
        break;
      row = gtk_tree_list_model_get_row (self->tree, at);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

void
gloss_codebook_view_select_position (GlossCodebookView *self,
                 guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
gloss_codebook_view_update_state (GlossCodebookView *self)
{
  const char *page;

  if (self->codes == NULL || self->codes->len == 0)
    page = "empty";
  else if (self->tree == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0)
    page = "no-match";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), self->project != NULL);
  gloss_codebook_view_update_actions (self);
}

void
gloss_codebook_view_update_actions (GlossCodebookView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GlossCode *code = gloss_codebook_view_get_selected (self);
  gboolean has_project = self->project != NULL;
  gboolean has_code = has_project && code != NULL;
  gboolean can_up = FALSE, can_down = FALSE, nested = FALSE;

  if (has_code)
    {
      g_autoptr(GArray) siblings = gloss_codebook_view_list_siblings (self, gloss_code_get_parent_id (code));
      int index = gloss_codebook_view_index_of (siblings, gloss_code_get_id (code));

      can_up = index > 0;
      can_down = index >= 0 && (guint) index + 1 < siblings->len;
      nested = gloss_code_get_parent_id (code) != 0;
    }

  gtk_widget_action_set_enabled (widget, "codebook.new-code", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.new-subcode", has_code);
  gtk_widget_action_set_enabled (widget, "codebook.rename", has_code);
  gtk_widget_action_set_enabled (widget, "codebook.colour", has_code);
  gtk_widget_action_set_enabled (widget, "codebook.description", has_code);
  gtk_widget_action_set_enabled (widget, "codebook.pin", has_code);
  gtk_widget_action_set_enabled (widget, "codebook.move-up", can_up);
  gtk_widget_action_set_enabled (widget, "codebook.move-down", can_down);
  gtk_widget_action_set_enabled (widget, "codebook.move-to-top-level", nested);
  gtk_widget_action_set_enabled (widget, "codebook.merge", has_code && self->codes->len > 1);
  gtk_widget_action_set_enabled (widget, "codebook.delete", has_code);
  gtk_widget_action_set_enabled (widget, "codebook.menu", has_code);
}

/* Reading the codebook ---------------------------------------------------------- */

#define SHOWN_ANCESTOR GINT_TO_POINTER (1)
#define SHOWN_MATCH    GINT_TO_POINTER (2)

static void
gloss_codebook_view_fetch (GlossCodebookView *self)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project != NULL)
    {
      codes = gloss_project_list_codes (self->project, &error);
      if (codes != NULL)
        counts = gloss_project_get_coder_code_counts (self->project, self->document_id,
                                                      self->count_coder_id, &error);
      if (codes == NULL || counts == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not read the codebook: %s"),
                                                      error->message);

          gloss_codebook_view_error (self, message);
          g_clear_pointer (&codes, g_ptr_array_unref);
        }
    }
  if (codes == NULL)
    codes = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_hash_table_remove_all (self->codes_by_id);
  g_hash_table_remove_all (self->counts_by_id);

  self->codes = g_steal_pointer (&codes);
  for (guint i = 0; i < self->codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (self->codes, i);

      g_hash_table_insert (self->codes_by_id, id_key (gloss_code_get_id (code)), g_object_ref (code));
    }
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      GlossCodeCounts *entry = &g_array_index (counts, GlossCodeCounts, i);

      g_hash_table_insert (self->counts_by_id, id_key (entry->code_id),
                           g_memdup2 (entry, sizeof *entry));
    }
}

/* id → SHOWN_MATCH or SHOWN_ANCESTOR for the codes the filter lets through. */
static GHashTable *
compute_shown (GlossCodebookView *self,
               const char        *needle)
{
  GHashTable *shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean filtering = needle[0] != '\0';

  for (guint i = 0; i < self->codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (self->codes, i);
      gint64 parent_id;

      if (filtering)
        {
          g_autofree char *name = g_utf8_casefold (gloss_code_get_name (code), -1);

          if (strstr (name, needle) == NULL)
            continue;
        }

      g_hash_table_insert (shown, id_key (gloss_code_get_id (code)), SHOWN_MATCH);

      /* Its ancestors, up to one already shown (whose own are too). */
      parent_id = gloss_code_get_parent_id (code);
      while (parent_id != 0 && !g_hash_table_contains (shown, &parent_id))
        {
          GlossCode *parent = gloss_codebook_view_lookup_code (self, parent_id);

          g_hash_table_insert (shown, id_key (parent_id), SHOWN_ANCESTOR);
          parent_id = parent != NULL ? gloss_code_get_parent_id (parent) : 0;
        }
    }

  return shown;
}

static void
update_item (GlossCodebookView *self,
             GlossCodebookItem *item,
             GlossCode         *code,
             gboolean           dimmed)
{
  gint64 id = gloss_code_get_id (code);
  GlossCodeCounts *counts = g_hash_table_lookup (self->counts_by_id, &id);

  gloss_codebook_item_set_code (item, code);
  gloss_codebook_item_set_counts (item, self->document_id != 0,
                                  counts != NULL ? counts->in_document : 0,
                                  counts != NULL ? counts->in_project : 0,
                                  counts != NULL ? counts->documents : 0);
  gloss_codebook_item_set_dimmed (item, dimmed);
}

static gboolean
same_shape (GArray *a,
            GArray *b)
{
  return a != NULL && b != NULL && a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

/* Shows self->codes through the filter. */
static void
gloss_codebook_view_refresh (GlossCodebookView *self)
{
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GArray) shape = NULL;
  g_autoptr(GListStore) root = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autofree char *needle = NULL;
  GtkTreeListModel *tree;
  gboolean filtering;
  guint position;

  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), -1);
  g_strstrip (needle);
  filtering = needle[0] != '\0';
  shown = compute_shown (self, needle);

  shape = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (self->codes, i);
      gint64 pair[2] = { gloss_code_get_id (code), gloss_code_get_parent_id (code) };

      if (g_hash_table_contains (shown, &pair[0]))
        g_array_append_vals (shape, pair, 2);
    }

  if (self->tree != NULL && self->tree_filtered == filtering && same_shape (shape, self->shape))
    {
      /* Same tree: names, colours, pins and counts change in place. */
      for (guint i = 0; i < self->codes->len; i++)
        {
          GlossCode *code = g_ptr_array_index (self->codes, i);
          gint64 id = gloss_code_get_id (code);
          gpointer how = g_hash_table_lookup (shown, &id);
          GlossCodebookItem *item = g_hash_table_lookup (self->items, &id);

          if (how != NULL && item != NULL)
            update_item (self, item, code, filtering && how == SHOWN_ANCESTOR);
        }

      gloss_codebook_view_update_state (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PIN]);
      return;
    }

  save_expansion (self);

  root = g_list_store_new (GLOSS_TYPE_CODEBOOK_ITEM);
  items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < self->codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (self->codes, i);
      gint64 id = gloss_code_get_id (code);
      gint64 parent_id = gloss_code_get_parent_id (code);
      gpointer how = g_hash_table_lookup (shown, &id);
      GlossCodebookItem *parent;
      GlossCodebookItem *item;

      if (how == NULL)
        continue;

      item = gloss_codebook_item_new (code);
      update_item (self, item, code, filtering && how == SHOWN_ANCESTOR);
      parent = parent_id != 0 ? g_hash_table_lookup (items, &parent_id) : NULL;
      g_list_store_append (parent != NULL ? gloss_codebook_item_get_children (parent) : root, item);
      g_hash_table_insert (items, id_key (id), item);
    }

  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)), FALSE, filtering,
                                  create_children, NULL, NULL);

  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_clear_object (&self->tree);
  self->tree = tree;
  self->tree_filtered = filtering;
  g_clear_pointer (&self->items, g_hash_table_unref);
  self->items = g_steal_pointer (&items);
  g_clear_pointer (&self->shape, g_array_unref);
  self->shape = g_steal_pointer (&shape);

  if (!filtering)
    {
      GlossCode *selected;

      restore_expansion (self);

      /* The selected code shows again, even inside a code left closed, and
       * so does the one the filter hid. */
      if (self->selected_id == 0 && self->hidden_selected_id != 0)
        self->selected_id = self->hidden_selected_id;
      self->hidden_selected_id = 0;
      selected = gloss_codebook_view_lookup_code (self, self->selected_id);
      if (selected != NULL)
        expand_ancestors (self, selected);
    }
  else if (self->selected_id != 0 &&
           !g_hash_table_contains (shown, &self->selected_id) &&
           gloss_codebook_view_lookup_code (self, self->selected_id) != NULL)
    {
      /* Hidden by the filter: selected again when it shows. */
      self->hidden_selected_id = self->selected_id;
    }
  position = self->selected_id != 0 ? gloss_codebook_view_find_position (self, self->selected_id) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);

  on_selection_changed (self);
  gloss_codebook_view_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PIN]);
}

void
gloss_codebook_view_reload (GlossCodebookView *self)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  gloss_codebook_view_fetch (self);
  gloss_codebook_view_refresh (self);
}

static void
on_project_changed (GlossCodebookView *self)
{
  gloss_codebook_view_reload (self);
}

/* Filter ------------------------------------------------------------------------- */

static void
on_filter_changed (GlossCodebookView *self)
{
  gloss_codebook_view_refresh (self);
}

static void
on_filter_stop_search (GlossCodebookView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gloss_codebook_view_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_filter_activate (GlossCodebookView *self)
{
  guint n;

  if (self->tree == NULL)
    return;

  /* Enter picks the first match (not an ancestor shown for context). */
  gloss_codebook_view_refresh (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      GlossCodebookItem *item = item_at (self, i);

      if (item != NULL && !gloss_codebook_item_get_dimmed (item))
        {
          gloss_codebook_view_select_position (self, i);
          gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
          return;
        }
    }
}

static gboolean
on_filter_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GlossCodebookView     *self)
{
  /* Down from the filter goes on to the codes, as Enter does. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      self->tree != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    {
      on_filter_activate (self);
      return TRUE;
    }

  return FALSE;
}

/* Activation ------------------------------------------------------------------------ */

static gboolean
reset_suppress (gpointer data)
{
  GlossCodebookView *self = data;

  self->suppress_activate = FALSE;
  self->reset_suppress_source = 0;

  return G_SOURCE_REMOVE;
}

void
gloss_codebook_view_row_multi_press (GlossCodebookView *self)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  /* The list activates on a double click; the first click already did. */
  self->suppress_activate = TRUE;
  if (self->reset_suppress_source == 0)
    self->reset_suppress_source = g_idle_add (reset_suppress, self);
}

void
gloss_codebook_view_emit_selection_dropped (GlossCodebookView *self,
                                            gint64             code_id)
{
  g_signal_emit (self, signals[SELECTION_DROPPED], 0, code_id);
}

void
gloss_codebook_view_row_clicked (GlossCodebookView *self,
                                 GlossCodebookItem *item)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));
  g_return_if_fail (GLOSS_IS_CODEBOOK_ITEM (item));

  g_signal_emit (self, signals[CODE_ACTIVATED], 0, gloss_codebook_item_get_id (item));
}

static void
on_list_activate (GlossCodebookView *self,
                  guint              position)
{
  GlossCodebookItem *item;

  if (self->suppress_activate)
    {
      self->suppress_activate = FALSE;
      return;
    }

  item = item_at (self, position);
  if (item != NULL)
    g_signal_emit (self, signals[CODE_ACTIVATED], 0, gloss_codebook_item_get_id (item));
}

/* GObject --------------------------------------------------------------------------------- */

static gboolean
gloss_codebook_view_grab_focus (GtkWidget *widget)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (widget);

  if (self->tree != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
gloss_codebook_view_dispose (GObject *object)
{
  GlossCodebookView *self = (GlossCodebookView *)object;

  gloss_codebook_view_set_project (self, NULL);
  g_clear_handle_id (&self->reset_suppress_source, g_source_remove);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODEBOOK_VIEW);
  g_clear_object (&self->tree);

  G_OBJECT_CLASS (gloss_codebook_view_parent_class)->dispose (object);
}

static void
gloss_codebook_view_finalize (GObject *object)
{
  GlossCodebookView *self = (GlossCodebookView *)object;

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->codes_by_id, g_hash_table_unref);
  g_clear_pointer (&self->counts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->shape, g_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_codebook_view_parent_class)->finalize (object);
}

static void
gloss_codebook_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED_CODE:
      g_value_set_int64 (value, gloss_codebook_view_get_selected_code (self));
      break;
    case PROP_SELECTED_PIN:
      g_value_set_uint (value, gloss_codebook_view_get_selected_pin (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_codebook_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_PIN:
      gloss_codebook_view_set_selected_pin (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_view_class_init (GlossCodebookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_codebook_view_dispose;
  object_class->finalize = gloss_codebook_view_finalize;
  object_class->get_property = gloss_codebook_view_get_property;
  object_class->set_property = gloss_codebook_view_set_property;
  widget_class->grab_focus = gloss_codebook_view_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CODE] =
    g_param_spec_int64 ("selected-code", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The key the selected code is pinned to; the state of "codebook.pin". */
  properties[PROP_SELECTED_PIN] =
    g_param_spec_uint ("selected-pin", NULL, NULL, 0, 9, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CODE_ACTIVATED] =
    g_signal_new ("code-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SELECTION_DROPPED] =
    g_signal_new ("selection-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CODE_SELECTED] =
    g_signal_new ("code-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GLOSS_TYPE_CODEBOOK_ITEM);
  g_type_ensure (GLOSS_TYPE_CODE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-codebook-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookView, box);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookView, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookView, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookView, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookView, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gloss_codebook_view_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codebookview");
}

static void
ensure_css (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "gloss-codebook-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, codebook_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "gloss-codebook-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
gloss_codebook_view_init (GlossCodebookView *self)
{
  GtkEventController *key;

  ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->codes = g_ptr_array_new_with_free_func (g_object_unref);
  self->codes_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->counts_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_filter_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->filter_entry), key);

  gloss_codebook_view_init_actions (self);

  gloss_codebook_view_refresh (self);
}

/* Public ---------------------------------------------------------------------------------------- */

GtkWidget *
gloss_codebook_view_new (void)
{
  return g_object_new (GLOSS_TYPE_CODEBOOK_VIEW, NULL);
}

GlossProject *
gloss_codebook_view_get_project (GlossCodebookView *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), NULL);

  return self->project;
}

void
gloss_codebook_view_set_project (GlossCodebookView *self,
                                 GlossProject      *project)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));
  g_return_if_fail (!project || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_swapped (project, "codes-changed", G_CALLBACK (on_project_changed), self);
      g_signal_connect_swapped (project, "codings-changed", G_CALLBACK (on_project_changed), self);
    }

  /* A new codebook: nothing selected, nothing expanded, no filter. */
  if (self->expanded != NULL)
    {
      g_hash_table_remove_all (self->expanded);
      g_clear_object (&self->tree);
      g_clear_pointer (&self->shape, g_array_unref);
      self->selected_id = 0;
      self->hidden_selected_id = 0;
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      gtk_single_selection_set_model (self->selection, NULL);
      gloss_codebook_view_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
gloss_codebook_view_set_document (GlossCodebookView *self,
                                  gint64             document_id)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  gloss_codebook_view_reload (self);
}

gint64
gloss_codebook_view_get_document (GlossCodebookView *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), 0);

  return self->document_id;
}

/* Counts only coder_id's codings (blind coding), or everyone's (0). */
void
gloss_codebook_view_set_count_coder (GlossCodebookView *self,
                                     gint64             coder_id)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  if (self->count_coder_id == coder_id)
    return;

  self->count_coder_id = coder_id;
  gloss_codebook_view_reload (self);
}

gint64
gloss_codebook_view_get_selected_code (GlossCodebookView *self)
{
  GlossCode *code;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), 0);

  code = gloss_codebook_view_get_selected (self);
  return code != NULL ? gloss_code_get_id (code) : 0;
}

void
gloss_codebook_view_select_code (GlossCodebookView *self,
                                 gint64             code_id)
{
  GlossCode *code;
  guint position;

  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  code = gloss_codebook_view_lookup_code (self, code_id);
  if (code == NULL && self->project != NULL)
    {
      /* Perhaps just made, and the signal not yet seen. */
      gloss_codebook_view_reload (self);
      code = gloss_codebook_view_lookup_code (self, code_id);
    }
  if (code == NULL || self->tree == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  /* Hidden by the filter: show everything rather than hide it. */
  if (self->items == NULL || !g_hash_table_contains (self->items, &code_id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      gloss_codebook_view_refresh (self);
    }

  expand_ancestors (self, code);

  position = gloss_codebook_view_find_position (self, code_id);
  gloss_codebook_view_select_position (self, position);
}

void
gloss_codebook_view_focus_filter (GlossCodebookView *self)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->filter_entry), 0, -1);
}

/* Private ----------------------------------------------------------------------------------------- */

GListModel *
gloss_codebook_view_get_model (GlossCodebookView *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), NULL);

  return self->tree != NULL ? G_LIST_MODEL (self->tree) : NULL;
}

GtkWindow *
gloss_codebook_view_get_dialog (GlossCodebookView *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), NULL);

  return self->dialog;
}

GtkEditable *
gloss_codebook_view_get_filter_entry (GlossCodebookView *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), NULL);

  return GTK_EDITABLE (self->filter_entry);
}
