/* gloss-tables-filter.c: which reports and coders a table counts
 *
 * The content of the tables view's filter popover: the reports, chosen by
 * hand from a searchable checklist or by the values of one attribute, and
 * a checklist of the coders.  What is left out is remembered rather than
 * what is ticked, so that a report, value or coder added later counts
 * until it is unticked.  Emits "changed" when the choice changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-attributes.h"
#include "gloss-codebook.h"
#include "gloss-tables-filter.h"

struct _GlossTablesFilter
{
  GtkWidget      parent_instance;

  GlossProject  *project;
  gint64         attribute_id;        /* 0: reports by hand */
  GHashTable    *excluded_documents;  /* gint64 * */
  GHashTable    *excluded_values;     /* char *, of attribute_id */
  GHashTable    *excluded_coders;     /* gint64 * */
  GPtrArray     *attributes;          /* GlossAttribute, by position */
  GPtrArray     *values;              /* char *, of attribute_id */
  char          *signature;           /* of the lists shown */
  gboolean       updating;

  GtkWidget     *box;
  GtkDropDown   *mode_dropdown;
  GtkStringList *mode_names;
  GtkWidget     *search_entry;
  GtkListBox    *document_list;
  GtkListBox    *value_list;
  GtkWidget     *document_scroller;
  GtkWidget     *value_scroller;
  GtkListBox    *coder_list;
  GtkWidget     *coder_scroller;
  GtkWidget     *no_coders_label;
  GtkWidget     *reset_button;
};

G_DEFINE_FINAL_TYPE (GlossTablesFilter, gloss_tables_filter, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static void
emit_changed (GlossTablesFilter *self)
{
  if (self->updating)
    return;

  gtk_widget_set_sensitive (self->reset_button, gloss_tables_filter_is_active (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Checklists --------------------------------------------------------------- */

static void
on_document_toggled (GtkCheckButton    *check,
                     GlossTablesFilter *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "id");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->excluded_documents, id);
  else
    id_set_add (self->excluded_documents, *id);
  emit_changed (self);
}

static void
on_coder_toggled (GtkCheckButton    *check,
                  GlossTablesFilter *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "id");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->excluded_coders, id);
  else
    id_set_add (self->excluded_coders, *id);
  emit_changed (self);
}

static void
on_value_toggled (GtkCheckButton    *check,
                  GlossTablesFilter *self)
{
  const char *value = g_object_get_data (G_OBJECT (check), "value");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->excluded_values, value);
  else
    g_hash_table_add (self->excluded_values, g_strdup (value));
  emit_changed (self);
}

static GtkWidget *
check_row (const char *label,
           gboolean    active,
           GCallback   toggled,
           gpointer    data)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_widget_get_last_child (check);

  /* The label: ellipsized, with the whole name as tooltip. */
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 32);
    }
  gtk_widget_set_tooltip_text (check, label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect (check, "toggled", toggled, data);

  return check;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkCheckButton *
row_check (GtkListBoxRow *row)
{
  return GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row));
}

/* Ticks or unticks every row shown (the search may hide some). */
static void
set_all (GtkListBox *list,
         gboolean    active)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      gtk_check_button_set_active (row_check (GTK_LIST_BOX_ROW (child)), active);
}

static gboolean
filter_document_row (GtkListBoxRow *row,
                     gpointer       data)
{
  GlossTablesFilter *self = data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (query == NULL || query[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (query, -1);
  haystack = g_utf8_casefold (gtk_check_button_get_label (row_check (row)), -1);
  return strstr (haystack, needle) != NULL;
}

static void
on_search_changed (GlossTablesFilter *self)
{
  gtk_list_box_invalidate_filter (self->document_list);
}

static void
on_all_clicked (GlossTablesFilter *self)
{
  set_all (self->attribute_id != 0 ? self->value_list : self->document_list, TRUE);
}

static void
on_none_clicked (GlossTablesFilter *self)
{
  set_all (self->attribute_id != 0 ? self->value_list : self->document_list, FALSE);
}

static void
on_all_coders_clicked (GlossTablesFilter *self)
{
  set_all (self->coder_list, TRUE);
}

static void
on_reset_clicked (GlossTablesFilter *self)
{
  gloss_tables_filter_reset (self);
}

/* Values of an attribute --------------------------------------------------- */

static const GlossAttribute *
find_attribute (GlossTablesFilter *self,
                gint64             attribute_id)
{
  for (guint i = 0; self->attributes != NULL && i < self->attributes->len; i++)
    {
      const GlossAttribute *attribute = g_ptr_array_index (self->attributes, i);

      if (attribute->id == attribute_id)
        return attribute;
    }

  return NULL;
}

static const GlossAttribute *sort_attribute;

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const char *va = *(const char * const *) a;
  const char *vb = *(const char * const *) b;

  /* "No value" last. */
  if (va[0] == '\0' || vb[0] == '\0')
    return (va[0] == '\0') - (vb[0] == '\0');

  switch (sort_attribute->type)
    {
    case GLOSS_ATTRIBUTE_NUMBER:
      {
        double da = g_ascii_strtod (va, NULL), db = g_ascii_strtod (vb, NULL);

        return (da > db) - (da < db);
      }
    case GLOSS_ATTRIBUTE_CHOICE:
      {
        int ia = G_MAXINT, ib = G_MAXINT;

        for (int i = 0; sort_attribute->choices != NULL && sort_attribute->choices[i] != NULL; i++)
          {
            if (g_strcmp0 (sort_attribute->choices[i], va) == 0)
              ia = i;
            if (g_strcmp0 (sort_attribute->choices[i], vb) == 0)
              ib = i;
          }
        if (ia != ib)
          return (ia > ib) - (ia < ib);
        return g_utf8_collate (va, vb);
      }
    case GLOSS_ATTRIBUTE_DATE:
      return strcmp (va, vb);
    case GLOSS_ATTRIBUTE_TEXT:
    default:
      return g_utf8_collate (va, vb);
    }
}

/* The values the reports have of the attribute (a date attribute's years),
 * in the attribute's order, and "" when some report has none. */
static GPtrArray *
list_values (GlossTablesFilter    *self,
             const GlossAttribute *attribute,
             guint                 n_documents)
{
  g_autoptr(GPtrArray) all = gloss_project_list_attribute_values (self->project, 0, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GlossAttributeValue *value = g_ptr_array_index (all, i);
      char *text;

      if (value->attribute_id != attribute->id || value->value == NULL || value->value[0] == '\0')
        continue;

      g_hash_table_add (documents, &value->document_id);
      if (attribute->type == GLOSS_ATTRIBUTE_DATE)
        text = g_strndup (value->value, 4);
      else
        text = g_strdup (value->value);

      if (g_hash_table_contains (seen, text))
        g_free (text);
      else
        {
          g_hash_table_add (seen, text);
          g_ptr_array_add (values, text);
        }
    }

  if (g_hash_table_size (documents) < n_documents)
    g_ptr_array_add (values, g_strdup (""));

  sort_attribute = attribute;
  g_ptr_array_sort (values, compare_values);
  sort_attribute = NULL;

  return values;
}

/* Refreshing --------------------------------------------------------------- */

static void
fill_values (GlossTablesFilter *self,
             guint              n_documents)
{
  const GlossAttribute *attribute = find_attribute (self, self->attribute_id);

  clear_list (self->value_list);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  if (attribute == NULL)
    return;

  self->values = list_values (self, attribute, n_documents);
  for (guint i = 0; i < self->values->len; i++)
    {
      const char *value = g_ptr_array_index (self->values, i);
      GtkWidget *check = check_row (value[0] != '\0' ? value : _("(No Value)"),
                                    !g_hash_table_contains (self->excluded_values, value),
                                    G_CALLBACK (on_value_toggled), self);

      g_object_set_data_full (G_OBJECT (check), "value", g_strdup (value), g_free);
      gtk_list_box_append (self->value_list, check);
    }
}

static void
update_mode (GlossTablesFilter *self)
{
  gboolean by_hand = self->attribute_id == 0;

  gtk_widget_set_visible (self->search_entry, by_hand);
  gtk_widget_set_visible (self->document_scroller, by_hand);
  gtk_widget_set_visible (self->value_scroller, !by_hand);
}

void
gloss_tables_filter_refresh (GlossTablesFilter *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GArray) coder_ids = NULL;
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autoptr(GPtrArray) values = NULL;
  guint selected = 0;

  g_return_if_fail (GLOSS_IS_TABLES_FILTER (self));

  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  if (self->project != NULL)
    {
      documents = gloss_project_list_documents (self->project, NULL);
      coders = gloss_project_list_coder_names (self->project, &coder_ids, NULL);
      self->attributes = gloss_project_list_attributes (self->project, NULL);
    }

  /* Rebuild the lists only when they change, so that a coding made while
   * the popover is open does not disturb it. */
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);

      g_string_append_printf (signature, "d%" G_GINT64_FORMAT ":%s\n",
                              gloss_document_get_id (document), gloss_document_get_name (document));
    }
  for (guint i = 0; coders != NULL && i < coders->len; i++)
    g_string_append_printf (signature, "c%" G_GINT64_FORMAT ":%s\n",
                            g_array_index (coder_ids, gint64, i), (char *) g_ptr_array_index (coders, i));
  for (guint i = 0; self->attributes != NULL && i < self->attributes->len; i++)
    {
      const GlossAttribute *attribute = g_ptr_array_index (self->attributes, i);

      g_string_append_printf (signature, "a%" G_GINT64_FORMAT ":%s\n", attribute->id, attribute->name);
    }
  if (find_attribute (self, self->attribute_id) == NULL)
    {
      self->attribute_id = 0;
      g_hash_table_remove_all (self->excluded_values);
    }
  else
    {
      values = list_values (self, find_attribute (self, self->attribute_id),
                            documents != NULL ? documents->len : 0);
      for (guint i = 0; i < values->len; i++)
        g_string_append_printf (signature, "v%s\n", (char *) g_ptr_array_index (values, i));
    }

  if (g_strcmp0 (signature->str, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_strdup (signature->str);

  self->updating = TRUE;

  clear_list (self->document_list);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);
      gint64 id = gloss_document_get_id (document);
      GtkWidget *check = check_row (gloss_document_get_name (document),
                                    !g_hash_table_contains (self->excluded_documents, &id),
                                    G_CALLBACK (on_document_toggled), self);

      g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->document_list, check);
    }

  clear_list (self->coder_list);
  for (guint i = 0; coders != NULL && i < coders->len; i++)
    {
      gint64 id = g_array_index (coder_ids, gint64, i);
      GtkWidget *check = check_row (g_ptr_array_index (coders, i),
                                    !g_hash_table_contains (self->excluded_coders, &id),
                                    G_CALLBACK (on_coder_toggled), self);

      g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->coder_list, check);
    }
  gtk_widget_set_visible (self->coder_scroller, coders != NULL && coders->len > 0);
  gtk_widget_set_visible (self->no_coders_label, coders == NULL || coders->len == 0);

  gtk_string_list_splice (self->mode_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->mode_names)), NULL);
  gtk_string_list_append (self->mode_names, _("Chosen by Hand"));
  for (guint i = 0; self->attributes != NULL && i < self->attributes->len; i++)
    {
      const GlossAttribute *attribute = g_ptr_array_index (self->attributes, i);
      /* Translators: reports chosen by an attribute, "By Local authority" */
      g_autofree char *name = g_strdup_printf (_("By %s"), attribute->name);

      gtk_string_list_append (self->mode_names, name);
      if (attribute->id == self->attribute_id)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->mode_dropdown, selected);

  fill_values (self, documents != NULL ? documents->len : 0);
  update_mode (self);

  self->updating = FALSE;
}

static void
on_mode_selected (GlossTablesFilter *self)
{
  guint selected = gtk_drop_down_get_selected (self->mode_dropdown);
  gint64 attribute_id = 0;
  g_autoptr(GPtrArray) documents = NULL;

  if (self->updating)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->attributes != NULL &&
      selected - 1 < self->attributes->len)
    attribute_id = ((GlossAttribute *) g_ptr_array_index (self->attributes, selected - 1))->id;

  if (attribute_id == self->attribute_id)
    return;

  self->attribute_id = attribute_id;
  g_hash_table_remove_all (self->excluded_values);
  if (self->project != NULL)
    documents = gloss_project_list_documents (self->project, NULL);

  self->updating = TRUE;
  fill_values (self, documents != NULL ? documents->len : 0);
  update_mode (self);
  self->updating = FALSE;

  /* The signature now names other values. */
  g_clear_pointer (&self->signature, g_free);
  emit_changed (self);
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_tables_filter_dispose (GObject *object)
{
  GlossTablesFilter *self = (GlossTablesFilter *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (gloss_tables_filter_parent_class)->dispose (object);
}

static void
gloss_tables_filter_finalize (GObject *object)
{
  GlossTablesFilter *self = (GlossTablesFilter *)object;

  g_clear_pointer (&self->excluded_documents, g_hash_table_unref);
  g_clear_pointer (&self->excluded_values, g_hash_table_unref);
  g_clear_pointer (&self->excluded_coders, g_hash_table_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->signature);

  G_OBJECT_CLASS (gloss_tables_filter_parent_class)->finalize (object);
}

static void
gloss_tables_filter_class_init (GlossTablesFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tables_filter_dispose;
  object_class->finalize = gloss_tables_filter_finalize;

  /**
   * GlossTablesFilter::changed:
   *
   * The reports or coders chosen changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tablesfilter");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

static GtkWidget *
small_button (const char *label,
              const char *tooltip,
              GCallback   clicked,
              gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_swapped (button, "clicked", clicked, data);

  return button;
}

static GtkWidget *
checklist (GtkListBox **list,
           int          max_height)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  *list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*list), "tables-filter-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (*list));

  return scroller;
}

static void
gloss_tables_filter_init (GlossTablesFilter *self)
{
  GtkWidget *row;

  self->excluded_documents = id_set_new ();
  self->excluded_coders = id_set_new ();
  self->excluded_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (self->box, 300, -1);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), heading (_("Reports")));
  gtk_box_append (GTK_BOX (row), small_button (_("All"), _("Tick every report shown"),
                                               G_CALLBACK (on_all_clicked), self));
  gtk_box_append (GTK_BOX (row), small_button (_("None"), _("Untick every report shown"),
                                               G_CALLBACK (on_none_clicked), self));
  gtk_box_append (GTK_BOX (self->box), row);

  self->mode_names = gtk_string_list_new (NULL);
  self->mode_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->mode_names), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_dropdown), _("How to choose the reports"));
  g_signal_connect_swapped (self->mode_dropdown, "notify::selected", G_CALLBACK (on_mode_selected), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->mode_dropdown));

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Find a report"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (self->box), self->search_entry);

  self->document_scroller = checklist (&self->document_list, 220);
  gtk_list_box_set_filter_func (self->document_list, filter_document_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->document_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reports"), -1);
  gtk_box_append (GTK_BOX (self->box), self->document_scroller);

  self->value_scroller = checklist (&self->value_list, 220);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Values"), -1);
  gtk_box_append (GTK_BOX (self->box), self->value_scroller);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (row, 8);
  gtk_box_append (GTK_BOX (row), heading (_("Coders")));
  gtk_box_append (GTK_BOX (row), small_button (_("All"), _("Tick every coder"),
                                               G_CALLBACK (on_all_coders_clicked), self));
  gtk_box_append (GTK_BOX (self->box), row);

  self->coder_scroller = checklist (&self->coder_list, 140);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->coder_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coders"), -1);
  gtk_box_append (GTK_BOX (self->box), self->coder_scroller);

  self->no_coders_label = gtk_label_new (_("No coders yet"));
  gtk_label_set_xalign (GTK_LABEL (self->no_coders_label), 0.0f);
  gtk_widget_add_css_class (self->no_coders_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->no_coders_label);

  self->reset_button = gtk_button_new_with_mnemonic (_("_Reset Filters"));
  gtk_widget_set_margin_top (self->reset_button, 8);
  gtk_widget_set_sensitive (self->reset_button, FALSE);
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked), self);
  gtk_box_append (GTK_BOX (self->box), self->reset_button);

  gloss_tables_filter_refresh (self);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
gloss_tables_filter_new (void)
{
  return g_object_new (GLOSS_TYPE_TABLES_FILTER, NULL);
}

void
gloss_tables_filter_set_project (GlossTablesFilter *self,
                                 GlossProject      *project)
{
  g_return_if_fail (GLOSS_IS_TABLES_FILTER (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  g_set_object (&self->project, project);
  self->attribute_id = 0;
  g_hash_table_remove_all (self->excluded_documents);
  g_hash_table_remove_all (self->excluded_values);
  g_hash_table_remove_all (self->excluded_coders);
  g_clear_pointer (&self->signature, g_free);
  gloss_tables_filter_refresh (self);
  gtk_widget_set_sensitive (self->reset_button, FALSE);
}

void
gloss_tables_filter_reset (GlossTablesFilter *self)
{
  g_return_if_fail (GLOSS_IS_TABLES_FILTER (self));

  if (!gloss_tables_filter_is_active (self) && self->attribute_id == 0)
    return;

  self->attribute_id = 0;
  g_hash_table_remove_all (self->excluded_documents);
  g_hash_table_remove_all (self->excluded_values);
  g_hash_table_remove_all (self->excluded_coders);
  g_clear_pointer (&self->signature, g_free);
  gloss_tables_filter_refresh (self);
  emit_changed (self);
}

gboolean
gloss_tables_filter_is_active (GlossTablesFilter *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_FILTER (self), FALSE);

  if (g_hash_table_size (self->excluded_coders) > 0)
    return TRUE;
  if (self->attribute_id != 0)
    return g_hash_table_size (self->excluded_values) > 0;
  return g_hash_table_size (self->excluded_documents) > 0;
}

static GArray *
ticked_ids (GtkListBox *list)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      check = row_check (GTK_LIST_BOX_ROW (child));
      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, *(gint64 *) g_object_get_data (G_OBJECT (check), "id"));
    }

  return ids;
}

GArray *
gloss_tables_filter_dup_document_ids (GlossTablesFilter *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_FILTER (self), NULL);

  if (self->attribute_id != 0 || g_hash_table_size (self->excluded_documents) == 0)
    return NULL;

  return ticked_ids (self->document_list);
}

char **
gloss_tables_filter_dup_attribute_values (GlossTablesFilter *self,
                                          gint64            *attribute_id)
{
  GStrvBuilder *builder;

  g_return_val_if_fail (GLOSS_IS_TABLES_FILTER (self), NULL);

  if (attribute_id != NULL)
    *attribute_id = self->attribute_id;
  if (self->attribute_id == 0 || g_hash_table_size (self->excluded_values) == 0 || self->values == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->values->len; i++)
    if (!g_hash_table_contains (self->excluded_values, g_ptr_array_index (self->values, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->values, i));

  {
    char **values = g_strv_builder_end (builder);

    g_strv_builder_unref (builder);
    return values;
  }
}

GArray *
gloss_tables_filter_dup_coder_ids (GlossTablesFilter *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_FILTER (self), NULL);

  if (g_hash_table_size (self->excluded_coders) == 0)
    return NULL;

  return ticked_ids (self->coder_list);
}

/* Ticks the rows of list whose id is in ids (all when ids is NULL), and
 * records the others in excluded. */
static void
tick_ids (GtkListBox *list,
          GHashTable *excluded,
          GArray     *ids)
{
  g_hash_table_remove_all (excluded);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check;
      gint64 id;
      gboolean active = ids == NULL;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      check = row_check (GTK_LIST_BOX_ROW (child));
      id = *(gint64 *) g_object_get_data (G_OBJECT (check), "id");
      for (guint i = 0; ids != NULL && i < ids->len && !active; i++)
        active = g_array_index (ids, gint64, i) == id;
      if (!active)
        id_set_add (excluded, id);
      gtk_check_button_set_active (check, active);
    }
}

void
gloss_tables_filter_set_document_ids (GlossTablesFilter *self,
                                      GArray            *document_ids)
{
  g_return_if_fail (GLOSS_IS_TABLES_FILTER (self));

  self->updating = TRUE;
  if (self->attribute_id != 0)
    {
      self->attribute_id = 0;
      g_hash_table_remove_all (self->excluded_values);
      gtk_drop_down_set_selected (self->mode_dropdown, 0);
      fill_values (self, 0);
      update_mode (self);
      g_clear_pointer (&self->signature, g_free);
    }
  tick_ids (self->document_list, self->excluded_documents, document_ids);
  self->updating = FALSE;

  emit_changed (self);
}

void
gloss_tables_filter_set_attribute_values (GlossTablesFilter  *self,
                                          gint64              attribute_id,
                                          const char * const *values)
{
  g_autoptr(GPtrArray) documents = NULL;

  g_return_if_fail (GLOSS_IS_TABLES_FILTER (self));

  self->updating = TRUE;
  self->attribute_id = find_attribute (self, attribute_id) != NULL ? attribute_id : 0;
  g_hash_table_remove_all (self->excluded_values);
  if (self->project != NULL)
    documents = gloss_project_list_documents (self->project, NULL);
  fill_values (self, documents != NULL ? documents->len : 0);

  for (guint i = 0; values != NULL && self->values != NULL && i < self->values->len; i++)
    {
      const char *value = g_ptr_array_index (self->values, i);

      if (!g_strv_contains (values, value))
        g_hash_table_add (self->excluded_values, g_strdup (value));
    }
  fill_values (self, documents != NULL ? documents->len : 0);

  for (guint i = 0; self->attributes != NULL && i < self->attributes->len; i++)
    if (((GlossAttribute *) g_ptr_array_index (self->attributes, i))->id == self->attribute_id)
      gtk_drop_down_set_selected (self->mode_dropdown, i + 1);
  if (self->attribute_id == 0)
    gtk_drop_down_set_selected (self->mode_dropdown, 0);
  update_mode (self);
  g_clear_pointer (&self->signature, g_free);
  self->updating = FALSE;

  emit_changed (self);
}

void
gloss_tables_filter_set_coder_ids (GlossTablesFilter *self,
                                   GArray            *coder_ids)
{
  g_return_if_fail (GLOSS_IS_TABLES_FILTER (self));

  self->updating = TRUE;
  tick_ids (self->coder_list, self->excluded_coders, coder_ids);
  self->updating = FALSE;

  emit_changed (self);
}
