/* gloss-table-drilldown.c: the coded passages behind a cell of a table
 *
 * A side panel of the tables view: the cell's code and column as a title,
 * how many passages in how many reports, then the passages grouped by
 * report, each with its page, coder and quote beside a bar in the code's
 * colour.  Activating a passage emits "segment-activated" as the
 * coded-segments view does, for the window to open it.  The passages load
 * in a thread; another cell cancels the load under way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-coding-row.h"
#include "gloss-table-drilldown.h"

struct _GlossTableDrilldown
{
  GtkWidget       parent_instance;

  GCancellable   *cancellable;
  GListStore     *store;
  char           *title;
  char           *summary;
  gint64          row_code_id;
  int             row;
  int             column;
  gboolean        loading;

  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkSpinner     *spinner;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (GlossTableDrilldown, gloss_table_drilldown, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  SEGMENT_ACTIVATED,
  CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_loading (GlossTableDrilldown *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  GlossProject *project;
  GlossTable   *table;
  int           row;
  int           column;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->project);
  g_clear_pointer (&ld->table, gloss_table_unref);
  g_free (ld);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  GError *error = NULL;
  GPtrArray *codings;

  codings = gloss_project_list_table_codings (ld->project, ld->table, ld->row, ld->column, &error);
  if (codings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, codings, (GDestroyNotify) g_ptr_array_unref);
}

static void
show_codings (GlossTableDrilldown *self,
              GPtrArray           *codings)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *passages = NULL;
  g_autofree char *reports = NULL;
  guint n_documents = 0;
  guint i = 0;

  /* By document, then by position. */
  while (codings != NULL && i < codings->len)
    {
      GlossCoding *first = g_ptr_array_index (codings, i);
      gint64 document_id = gloss_coding_get_document_id (first);

      g_ptr_array_add (items, gtk_string_object_new (gloss_coding_get_document_name (first)));
      for (; i < codings->len &&
             gloss_coding_get_document_id (g_ptr_array_index (codings, i)) == document_id; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (codings, i)));
      n_documents++;
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  g_clear_pointer (&self->summary, g_free);
  if (codings == NULL || codings->len == 0)
    self->summary = g_strdup (_("No coded passages"));
  else
    {
      passages = g_strdup_printf (ngettext ("%u passage", "%u passages", codings->len), codings->len);
      reports = g_strdup_printf (ngettext ("%u report", "%u reports", n_documents), n_documents);
      /* Translators: "12 passages in 3 reports" */
      self->summary = g_strdup_printf (_("%s in %s"), passages, reports);
    }
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_stack_set_visible_child_name (self->stack, codings != NULL && codings->len > 0 ? "list" : "empty");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codings = g_task_propagate_pointer (G_TASK (result), &error);
  GlossTableDrilldown *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GLOSS_TABLE_DRILLDOWN (object);
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  set_loading (self, FALSE);
  if (error != NULL)
    {
      show_codings (self, NULL);
      adw_status_page_set_title (self->empty_page, _("Could Not List the Passages"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  adw_status_page_set_title (self->empty_page, _("No Coded Passages"));
  adw_status_page_set_description (self->empty_page, NULL);
  show_codings (self, codings);
}

/* Rows --------------------------------------------------------------------- */

static void
emit_activated (GlossTableDrilldown *self,
                guint                position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item == NULL || !GLOSS_IS_CODING (item))
    return;

  g_signal_emit (self, signals[SEGMENT_ACTIVATED], 0,
                 gloss_coding_get_document_id (GLOSS_CODING (item)),
                 gloss_coding_get_id (GLOSS_CODING (item)));
}

static void
on_list_activate (GtkListView         *list_view,
                  guint                position,
                  GlossTableDrilldown *self)
{
  emit_activated (self, position);
}

static void
on_card_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkListItem     *list_item)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *panel = gtk_widget_get_ancestor (card, GLOSS_TYPE_TABLE_DRILLDOWN);
  guint position = gtk_list_item_get_position (list_item);

  if (panel == NULL || n_press != 1 || position == GTK_INVALID_LIST_POSITION)
    return;

  emit_activated (GLOSS_TABLE_DRILLDOWN (panel), position);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GlossTableDrilldown      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gloss_coding_row_new (FALSE);
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_widget_set_margin_start (header, 14);
  gtk_widget_set_margin_end (header, 14);
  gtk_widget_set_margin_top (header, 14);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (card, 10);
  gtk_widget_set_margin_end (card, 10);
  gtk_widget_set_margin_top (card, 3);
  gtk_widget_set_margin_bottom (card, 3);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "activatable");
  gtk_widget_set_cursor_from_name (card, "pointer");
  gtk_widget_set_margin_start (row, 10);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_box_append (GTK_BOX (card), row);
  gtk_box_append (GTK_BOX (box), card);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_card_released), list_item);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (gesture));

  g_object_set_data (G_OBJECT (box), "header", header);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "card", card);
  g_object_set_data (G_OBJECT (box), "row", row);

  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GlossTableDrilldown      *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gboolean is_coding = GLOSS_IS_CODING (item);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "header"), !is_coding);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "card"), is_coding);
  gtk_list_item_set_activatable (list_item, is_coding);
  gtk_list_item_set_selectable (list_item, FALSE);

  if (!is_coding)
    {
      const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (item));

      gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), name);
      gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "name"), name);
    }
  else
    {
      GlossCodingRow *row = g_object_get_data (G_OBJECT (box), "row");
      GlossCoding *coding = GLOSS_CODING (item);

      gloss_coding_row_set_coding (row, coding);
      gloss_coding_row_set_show_code (row, gloss_coding_get_code_id (coding) != self->row_code_id);
    }
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GlossTableDrilldown      *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gloss_coding_row_set_coding (g_object_get_data (G_OBJECT (box), "row"), NULL);
}

static void
on_close_clicked (GlossTableDrilldown *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_table_drilldown_dispose (GObject *object)
{
  GlossTableDrilldown *self = (GlossTableDrilldown *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_table_drilldown_parent_class)->dispose (object);
}

static void
gloss_table_drilldown_finalize (GObject *object)
{
  GlossTableDrilldown *self = (GlossTableDrilldown *)object;

  g_clear_object (&self->store);
  g_free (self->title);
  g_free (self->summary);

  G_OBJECT_CLASS (gloss_table_drilldown_parent_class)->finalize (object);
}

static void
gloss_table_drilldown_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossTableDrilldown *self = GLOSS_TABLE_DRILLDOWN (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_table_drilldown_class_init (GlossTableDrilldownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_table_drilldown_dispose;
  object_class->finalize = gloss_table_drilldown_finalize;
  object_class->get_property = gloss_table_drilldown_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossTableDrilldown::segment-activated:
   * @document_id: the passage's document
   * @coding_id: the coding
   */
  signals[SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * GlossTableDrilldown::close-requested:
   *
   * The panel's close button was clicked.
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tabledrilldown");
}

static void
gloss_table_drilldown_init (GlossTableDrilldown *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->row = -1;
  self->column = -1;
  self->store = g_list_store_new (G_TYPE_OBJECT);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_margin_start (header, 14);
  gtk_widget_set_margin_end (header, 8);
  gtk_widget_set_margin_top (header, 10);
  gtk_widget_set_margin_bottom (header, 10);
  gtk_box_append (GTK_BOX (self->box), header);

  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0.0f);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->title_label));
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->summary_label));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->spinner));

  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_tooltip_text (close, _("Close"));
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_close_clicked), self);
  gtk_box_append (GTK_BOX (header), close);

  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Coded Passages"));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "drilldown-list");
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coded passages"),
                                  -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
gloss_table_drilldown_new (void)
{
  return g_object_new (GLOSS_TYPE_TABLE_DRILLDOWN, NULL);
}

void
gloss_table_drilldown_load (GlossTableDrilldown *self,
                            GlossProject        *project,
                            GlossTable          *table,
                            int                  row,
                            int                  column,
                            const char          *title)
{
  g_autoptr(GTask) task = NULL;
  LoadData *ld;

  g_return_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self));
  g_return_if_fail (GLOSS_IS_PROJECT (project));
  g_return_if_fail (table != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  gtk_label_set_text (self->title_label, self->title);
  gtk_label_set_text (self->summary_label, "");
  self->row = row;
  self->column = column;
  self->row_code_id = row >= 0 ? gloss_table_get_row_code_id (table, row) : 0;
  g_clear_pointer (&self->summary, g_free);

  ld = g_new0 (LoadData, 1);
  ld->project = g_object_ref (project);
  ld->table = gloss_table_ref (table);
  ld->row = row;
  ld->column = column;

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, gloss_table_drilldown_load);
  g_task_set_name (task, "[gloss] list a table cell's codings");
  g_task_set_task_data (task, ld, load_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

void
gloss_table_drilldown_clear (GlossTableDrilldown *self)
{
  g_return_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  self->row = -1;
  self->column = -1;
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

const char *
gloss_table_drilldown_get_title (GlossTableDrilldown *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self), NULL);

  return self->title != NULL ? self->title : "";
}

const char *
gloss_table_drilldown_get_summary (GlossTableDrilldown *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self), NULL);

  return self->summary != NULL ? self->summary : "";
}

gboolean
gloss_table_drilldown_get_loading (GlossTableDrilldown *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self), FALSE);

  return self->loading;
}

void
gloss_table_drilldown_get_cell (GlossTableDrilldown *self,
                                int                 *row,
                                int                 *column)
{
  g_return_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self));

  if (row != NULL)
    *row = self->row;
  if (column != NULL)
    *column = self->column;
}

GListModel *
gloss_table_drilldown_get_model (GlossTableDrilldown *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self), NULL);

  return G_LIST_MODEL (self->store);
}

void
gloss_table_drilldown_activate_row (GlossTableDrilldown *self,
                                    guint                position)
{
  g_return_if_fail (GLOSS_IS_TABLE_DRILLDOWN (self));

  emit_activated (self, position);
}
