/* gloss-tables-view.c: cross-report tables of codings, with charts and
 * export
 *
 * One table at a time: a row per code, a column per report, coder,
 * attribute value or code (co-occurrence), each cell one measure (codings,
 * reports, characters, coverage), as NVivo's matrix coding and MAXQDA's
 * code matrix browser show them.  The header chooses the columns, the
 * measure and the roll-up of sub-codes, filters the reports and coders,
 * and switches between the table, a bar chart and a heat map, or shows
 * how each coder's codings were reviewed instead.  The table
 * is computed in a thread; a new query cancels the one under way, and a
 * change in the project recomputes it after a short pause (or, while the
 * view is hidden, when it is shown again).  Clicking a cell lists the
 * passages behind it in a side panel.  The grid of cells is in
 * gloss-tables-view-grid.c, the names of things and the columns dropdown
 * in gloss-tables-view-text.c, the exports in gloss-tables-view-export.c,
 * the review summary in gloss-tables-view-reviews.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-tables-view-private.h"

#define RELOAD_DELAY_MS  250
#define SPINNER_DELAY_MS 150

G_DEFINE_FINAL_TYPE (GlossTablesView, gloss_tables_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_MEASURE,
  PROP_ROLL_UP,
  PROP_DISPLAY,
  PROP_LOADING,
  N_PROPS
};

enum {
  SEGMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Loading ------------------------------------------------------------------ */

static gboolean
show_spinner (gpointer data)
{
  GlossTablesView *self = data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_loading (GlossTablesView *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (loading)
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, show_spinner, self);
  else
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

typedef struct
{
  GlossProject    *project;
  GlossTableQuery  query;
  gint64           filter_attribute_id;
  char           **filter_values;
} ComputeData;

typedef struct
{
  GlossTable *table;
  guint       n_codings;   /* in the whole project */
} ComputeResult;

static void
compute_data_free (gpointer data)
{
  ComputeData *cd = data;

  g_clear_object (&cd->project);
  g_clear_pointer (&cd->query.document_ids, g_array_unref);
  g_clear_pointer (&cd->query.coder_ids, g_array_unref);
  g_strfreev (cd->filter_values);
  g_free (cd);
}

static void
compute_result_free (gpointer data)
{
  ComputeResult *cr = data;

  g_clear_pointer (&cr->table, gloss_table_unref);
  g_free (cr);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *cd = task_data;
  g_autoptr(GArray) counts = NULL;
  GError *error = NULL;
  ComputeResult *cr;

  if (cd->filter_values != NULL)
    {
      GArray *ids = gloss_project_find_documents (cd->project, cd->filter_attribute_id,
                                                  (const char * const *) cd->filter_values, &error);

      if (ids == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_pointer (&cd->query.document_ids, g_array_unref);
      cd->query.document_ids = ids;
    }

  cr = g_new0 (ComputeResult, 1);
  cr->table = gloss_project_compute_table (cd->project, &cd->query, cancellable, &error);
  if (cr->table == NULL)
    {
      compute_result_free (cr);
      g_task_return_error (task, error);
      return;
    }

  counts = gloss_project_get_code_counts (cd->project, 0, NULL);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    cr->n_codings += g_array_index (counts, GlossCodeCounts, i).in_project;

  g_task_return_pointer (task, cr, compute_result_free);
}

/* The page for the display: the review summary, or the table's page
 * ("loading", "empty", "error" or "table"), the table shown as a chart
 * when one is chosen. */
static void
update_page (GlossTablesView *self)
{
  const char *page = self->table_page;

  if (self->display == GLOSS_TABLES_DISPLAY_REVIEWS)
    page = "reviews";
  else if (g_strcmp0 (page, "table") == 0 && self->display != GLOSS_TABLES_DISPLAY_TABLE)
    page = "chart";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
set_table_page (GlossTablesView *self,
                const char      *page)
{
  self->table_page = g_intern_static_string (page);
  update_page (self);
}

/* The title and summary of the table, or of the review summary. */
static void
update_header (GlossTablesView *self)
{
  g_autofree char *title = NULL;

  if (self->display == GLOSS_TABLES_DISPLAY_REVIEWS)
    {
      _gloss_tables_view_reviews_refresh (self);
      return;
    }

  title = self->table != NULL ? _gloss_tables_title (self->table, self) : g_strdup (_("Tables"));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label,
                      self->table != NULL && g_strcmp0 (self->table_page, "table") == 0 && self->summary != NULL
                      ? self->summary : "");
}

static void
close_drilldown (GlossTablesView *self)
{
  gtk_revealer_set_reveal_child (self->drilldown_revealer, FALSE);
  gloss_table_drilldown_clear (self->drilldown);
  self->has_active = FALSE;
  _gloss_tables_view_grid_mark_active (self);
}

static void
show_table (GlossTablesView *self,
            GlossTable      *table,
            guint            n_codings)
{
  int row = -1, column = -1;

  g_clear_pointer (&self->table, gloss_table_unref);
  self->table = gloss_table_ref (table);

  g_free (self->summary);
  self->summary = _gloss_tables_summary (table);

  _gloss_tables_view_grid_show (self, table);
  gloss_chart_set_table (self->chart, table);

  if (n_codings == 0 || gloss_table_get_n_rows (table) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Codings Yet"));
      if (gloss_table_get_n_rows (table) == 0)
        adw_status_page_set_description (self->empty_page,
                                         _("Add codes to the codebook and code passages of your reports to see them counted here"));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("Code passages of your reports to see here how often each code occurs across reports, coders and attributes"));
      set_table_page (self, "empty");
      close_drilldown (self);
    }
  else
    set_table_page (self, "table");
  update_header (self);

  /* The passages of the cell shown, as they are now. */
  gloss_table_drilldown_get_cell (self->drilldown, &row, &column);
  if (gtk_revealer_get_reveal_child (self->drilldown_revealer))
    {
      if (row < (int) gloss_table_get_n_rows (table) && column < (int) gloss_table_get_n_columns (table))
        _gloss_tables_view_cell_activated (self, row, column);
      else
        close_drilldown (self);
    }

  _gloss_tables_view_update_actions (self);
}

static void
compute_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ComputeResult *cr = g_task_propagate_pointer (G_TASK (result), &error);
  GlossTablesView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GLOSS_TABLES_VIEW (object);
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&cr, compute_result_free);
      return;
    }

  set_loading (self, FALSE);

  if (cr == NULL)
    {
      adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
      set_table_page (self, "error");
      update_header (self);
      return;
    }

  show_table (self, cr->table, cr->n_codings);
  compute_result_free (cr);
}

void
gloss_tables_view_reload (GlossTablesView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *cd;

  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->stale = FALSE;

  if (self->project == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();

  cd = g_new0 (ComputeData, 1);
  cd->project = g_object_ref (self->project);
  cd->query.columns = self->columns;
  cd->query.attribute_id = self->attribute_id;
  cd->query.by_year = self->by_year;
  cd->query.measure = self->measure;
  cd->query.roll_up = self->roll_up;
  cd->query.document_ids = gloss_tables_filter_dup_document_ids (self->filter);
  cd->query.coder_ids = gloss_tables_filter_dup_coder_ids (self->filter);
  cd->filter_values = gloss_tables_filter_dup_attribute_values (self->filter, &cd->filter_attribute_id);

  task = g_task_new (self, self->cancellable, compute_cb, NULL);
  g_task_set_source_tag (task, gloss_tables_view_reload);
  g_task_set_name (task, "[gloss] compute a table");
  g_task_set_task_data (task, cd, compute_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

static void
refresh_controls (GlossTablesView *self)
{
  _gloss_tables_view_refresh_column_choices (self);
  gloss_tables_filter_refresh (self->filter);
}

/* Signals ------------------------------------------------------------------ */

static void
on_columns_selected (GlossTablesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->columns_dropdown);
  const ColumnChoice *choice;

  if (self->updating || self->column_choices == NULL || selected >= self->column_choices->len)
    return;

  choice = &g_array_index (self->column_choices, ColumnChoice, selected);
  gloss_tables_view_set_columns (self, choice->columns, choice->attribute_id, choice->by_year);
}

static void
on_measure_selected (GlossTablesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  if (self->updating || selected > GLOSS_MEASURE_COVERAGE)
    return;

  gloss_tables_view_set_measure (self, (GlossMeasure) selected);
}

static void
on_roll_up_toggled (GlossTablesView *self)
{
  if (self->updating)
    return;

  gloss_tables_view_set_roll_up (self, gtk_switch_get_active (self->roll_up_switch));
}

static void
on_display_toggled (GlossTablesView *self,
                    GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->bar_toggle)
    gloss_tables_view_set_display (self, GLOSS_TABLES_DISPLAY_BAR_CHART);
  else if (button == self->heatmap_toggle)
    gloss_tables_view_set_display (self, GLOSS_TABLES_DISPLAY_HEAT_MAP);
  else if (button == self->reviews_toggle)
    gloss_tables_view_set_display (self, GLOSS_TABLES_DISPLAY_REVIEWS);
  else
    gloss_tables_view_set_display (self, GLOSS_TABLES_DISPLAY_TABLE);
}

static void
update_filter_button (GlossTablesView *self)
{
  gboolean active = gloss_tables_filter_is_active (self->filter);

  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "tables-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "tables-filter-active");
  gtk_menu_button_set_label (self->filter_button, active ? _("_Filter (On)") : _("_Filter"));
}

static void
on_filter_changed (GlossTablesView *self)
{
  update_filter_button (self);
  gloss_tables_view_reload (self);
}

static void
on_filter_popover_show (GlossTablesView *self)
{
  gloss_tables_filter_refresh (self->filter);
}

static void
on_chart_cell_activated (GlossTablesView *self,
                         int              row,
                         int              column)
{
  _gloss_tables_view_cell_activated (self, row, column);
}

static void
on_drilldown_segment_activated (GlossTablesView *self,
                                gint64           document_id,
                                gint64           coding_id)
{
  g_signal_emit (self, signals[SEGMENT_ACTIVATED], 0, document_id, coding_id);
}

static void
on_drilldown_close (GlossTablesView *self)
{
  close_drilldown (self);
}

static gboolean
reload_after_change (gpointer data)
{
  GlossTablesView *self = data;

  self->reload_source = 0;
  refresh_controls (self);
  gloss_tables_view_reload (self);
  if (self->display == GLOSS_TABLES_DISPLAY_REVIEWS)
    _gloss_tables_view_reviews_refresh (self);

  return G_SOURCE_REMOVE;
}

/* A change in the project: recompute after a pause (several changes come
 * together), or when the view is shown again. */
static void
on_project_changed (GlossTablesView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_after_change, self);
}

static void
gloss_tables_view_map (GtkWidget *widget)
{
  GlossTablesView *self = GLOSS_TABLES_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_tables_view_parent_class)->map (widget);

  if (self->stale)
    {
      refresh_controls (self);
      gloss_tables_view_reload (self);
      if (self->display == GLOSS_TABLES_DISPLAY_REVIEWS)
        _gloss_tables_view_reviews_refresh (self);
    }
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_tables_view_dispose (GObject *object)
{
  GlossTablesView *self = (GlossTablesView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TABLES_VIEW);

  G_OBJECT_CLASS (gloss_tables_view_parent_class)->dispose (object);
}

static void
gloss_tables_view_finalize (GObject *object)
{
  GlossTablesView *self = (GlossTablesView *)object;

  g_clear_pointer (&self->table, gloss_table_unref);
  g_clear_pointer (&self->column_choices, g_array_unref);
  g_clear_object (&self->rows);
  g_free (self->summary);
  g_free (self->grid_signature);

  G_OBJECT_CLASS (gloss_tables_view_parent_class)->finalize (object);
}

static void
gloss_tables_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossTablesView *self = GLOSS_TABLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_MEASURE:
      g_value_set_int (value, self->measure);
      break;
    case PROP_ROLL_UP:
      g_value_set_boolean (value, self->roll_up);
      break;
    case PROP_DISPLAY:
      g_value_set_int (value, self->display);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tables_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossTablesView *self = GLOSS_TABLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_tables_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_MEASURE:
      gloss_tables_view_set_measure (self, g_value_get_int (value));
      break;
    case PROP_ROLL_UP:
      gloss_tables_view_set_roll_up (self, g_value_get_boolean (value));
      break;
    case PROP_DISPLAY:
      gloss_tables_view_set_display (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tables_view_class_init (GlossTablesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tables_view_dispose;
  object_class->finalize = gloss_tables_view_finalize;
  object_class->get_property = gloss_tables_view_get_property;
  object_class->set_property = gloss_tables_view_set_property;
  widget_class->map = gloss_tables_view_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE] =
    g_param_spec_int ("measure", NULL, NULL, GLOSS_MEASURE_CODINGS, GLOSS_MEASURE_COVERAGE,
                      GLOSS_MEASURE_CODINGS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLL_UP] =
    g_param_spec_boolean ("roll-up", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY] =
    g_param_spec_int ("display", NULL, NULL, GLOSS_TABLES_DISPLAY_TABLE, GLOSS_TABLES_DISPLAY_REVIEWS,
                      GLOSS_TABLES_DISPLAY_TABLE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossTablesView::segment-activated:
   * @document_id: the passage's document
   * @coding_id: the coding
   *
   * A passage behind a cell was clicked or activated: open its document
   * there.
   */
  signals[SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (GLOSS_TYPE_CHART);
  g_type_ensure (GLOSS_TYPE_TABLE_DRILLDOWN);
  g_type_ensure (GLOSS_TYPE_TABLES_FILTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-tables-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, box);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, bar_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, heatmap_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, reviews_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, query_box);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, columns_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, columns_names);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, roll_up_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, filter);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, chart_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, chart);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, reviews_grid);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, reviews_empty_label);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, drilldown_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossTablesView, drilldown);
  gtk_widget_class_bind_template_callback (widget_class, on_columns_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_roll_up_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_display_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_cell_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_drilldown_segment_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_drilldown_close);

  _gloss_tables_view_class_init_export (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tablesview");
}

static void
gloss_tables_view_init (GlossTablesView *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->measure = GLOSS_MEASURE_CODINGS;
  self->columns = GLOSS_TABLE_COLUMNS_DOCUMENT;
  self->chart_kind = GLOSS_CHART_BAR;

  _gloss_tables_view_grid_init (self);
  _gloss_tables_view_refresh_column_choices (self);
  set_table_page (self, "loading");
  _gloss_tables_view_update_actions (self);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
gloss_tables_view_new (void)
{
  return g_object_new (GLOSS_TYPE_TABLES_VIEW, NULL);
}

GlossProject *
gloss_tables_view_get_project (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  return self->project;
}

void
gloss_tables_view_set_project (GlossTablesView *self,
                               GlossProject    *project)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_object (project, "codings-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "codes-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "documents-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
    }

  /* Another project: its own attributes, reports and coders. */
  self->columns = GLOSS_TABLE_COLUMNS_DOCUMENT;
  self->attribute_id = 0;
  self->by_year = FALSE;
  g_clear_pointer (&self->table, gloss_table_unref);
  gloss_chart_set_table (self->chart, NULL);
  _gloss_tables_view_grid_show (self, NULL);
  close_drilldown (self);
  set_table_page (self, "loading");
  update_header (self);

  self->updating = TRUE;
  gloss_tables_filter_set_project (self->filter, project);
  self->updating = FALSE;
  update_filter_button (self);
  _gloss_tables_view_refresh_column_choices (self);
  _gloss_tables_view_update_actions (self);
  gloss_tables_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GlossTableColumns
gloss_tables_view_get_columns (GlossTablesView *self,
                               gint64          *attribute_id,
                               gboolean        *by_year)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), GLOSS_TABLE_COLUMNS_DOCUMENT);

  if (attribute_id != NULL)
    *attribute_id = self->attribute_id;
  if (by_year != NULL)
    *by_year = self->by_year;

  return self->columns;
}

void
gloss_tables_view_set_columns (GlossTablesView   *self,
                               GlossTableColumns  columns,
                               gint64             attribute_id,
                               gboolean           by_year)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  if (columns != GLOSS_TABLE_COLUMNS_ATTRIBUTE)
    {
      attribute_id = 0;
      by_year = FALSE;
    }
  by_year = !!by_year;

  if (self->columns == columns && self->attribute_id == attribute_id && self->by_year == by_year)
    return;

  self->columns = columns;
  self->attribute_id = attribute_id;
  self->by_year = by_year;
  _gloss_tables_view_select_column_choice (self);
  close_drilldown (self);
  gloss_tables_view_reload (self);
}

GlossMeasure
gloss_tables_view_get_measure (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), GLOSS_MEASURE_CODINGS);

  return self->measure;
}

void
gloss_tables_view_set_measure (GlossTablesView *self,
                               GlossMeasure     measure)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));
  g_return_if_fail (measure <= GLOSS_MEASURE_COVERAGE);

  if (self->measure == measure)
    return;

  self->measure = measure;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->measure_dropdown, measure);
  self->updating = FALSE;
  gloss_tables_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

gboolean
gloss_tables_view_get_roll_up (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), FALSE);

  return self->roll_up;
}

void
gloss_tables_view_set_roll_up (GlossTablesView *self,
                               gboolean         roll_up)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  roll_up = !!roll_up;
  if (self->roll_up == roll_up)
    return;

  self->roll_up = roll_up;
  self->updating = TRUE;
  gtk_switch_set_active (self->roll_up_switch, roll_up);
  self->updating = FALSE;
  gloss_tables_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLL_UP]);
}

void
gloss_tables_view_set_document_filter (GlossTablesView *self,
                                       GArray          *document_ids)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  gloss_tables_filter_set_document_ids (self->filter, document_ids);
}

void
gloss_tables_view_set_attribute_filter (GlossTablesView    *self,
                                        gint64              attribute_id,
                                        const char * const *values)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  gloss_tables_filter_set_attribute_values (self->filter, attribute_id, values);
}

void
gloss_tables_view_set_coder_filter (GlossTablesView *self,
                                    GArray          *coder_ids)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  gloss_tables_filter_set_coder_ids (self->filter, coder_ids);
}

void
gloss_tables_view_reset_filters (GlossTablesView *self)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  gloss_tables_filter_reset (self->filter);
}

GlossTablesDisplay
gloss_tables_view_get_display (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), GLOSS_TABLES_DISPLAY_TABLE);

  return self->display;
}

void
gloss_tables_view_set_display (GlossTablesView    *self,
                               GlossTablesDisplay  display)
{
  GtkToggleButton *toggle;

  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));
  g_return_if_fail (display <= GLOSS_TABLES_DISPLAY_REVIEWS);

  if (self->display == display)
    return;

  self->display = display;
  if (display == GLOSS_TABLES_DISPLAY_BAR_CHART)
    self->chart_kind = GLOSS_CHART_BAR;
  else if (display == GLOSS_TABLES_DISPLAY_HEAT_MAP)
    self->chart_kind = GLOSS_CHART_HEATMAP;
  gloss_chart_set_kind (self->chart, self->chart_kind);

  toggle = display == GLOSS_TABLES_DISPLAY_BAR_CHART ? self->bar_toggle
         : display == GLOSS_TABLES_DISPLAY_HEAT_MAP ? self->heatmap_toggle
         : display == GLOSS_TABLES_DISPLAY_REVIEWS ? self->reviews_toggle
         : self->table_toggle;
  self->updating = TRUE;
  gtk_toggle_button_set_active (toggle, TRUE);
  self->updating = FALSE;

  /* The query does not shape the review summary. */
  gtk_widget_set_sensitive (self->query_box, display != GLOSS_TABLES_DISPLAY_REVIEWS);
  update_header (self);
  update_page (self);
  _gloss_tables_view_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY]);
}

gboolean
gloss_tables_view_get_loading (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), FALSE);

  return self->loading;
}

GlossTable *
gloss_tables_view_get_table (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  return self->table;
}

char *
gloss_tables_view_get_cell_text (GlossTablesView *self,
                                 int              row,
                                 int              column)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  if (self->table == NULL)
    return NULL;

  return _gloss_tables_cell_text (self->table, row, column);
}

void
gloss_tables_view_activate_cell (GlossTablesView *self,
                                 int              row,
                                 int              column)
{
  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));

  _gloss_tables_view_cell_activated (self, row, column);
}

GlossTableDrilldown *
gloss_tables_view_get_drilldown (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  return self->drilldown;
}

GlossChart *
gloss_tables_view_get_chart (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  return self->chart;
}

const char *
gloss_tables_view_get_summary (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  return self->summary != NULL ? self->summary : "";
}
