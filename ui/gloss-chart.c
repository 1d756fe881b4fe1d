/* gloss-chart.c: a table of codings drawn as a bar chart or a heat map
 *
 * One drawing function (gloss-chart-draw.c) serves the screen and the
 * exports.  On screen it draws into gtk_snapshot_append_cairo() in the
 * style the window has (following AdwStyleManager:dark); an export draws
 * the same at the chart's natural size onto an image, SVG or PDF surface,
 * in a thread, always in the light style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "gloss-chart-private.h"

struct _GlossChart
{
  GtkWidget       parent_instance;

  GlossTable     *table;
  GlossChartKind  kind;
  gboolean        geometry_valid;
  Geometry        natural;       /* for the natural width */
};

G_DEFINE_FINAL_TYPE (GlossChart, gloss_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_KIND,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Export ------------------------------------------------------------------- */

typedef struct
{
  GlossTable           *table;
  GlossChartKind        kind;
  PangoFontDescription *font;
  char                 *path;
  GlossChartFormat      format;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *ed = data;

  g_clear_pointer (&ed->table, gloss_table_unref);
  g_clear_pointer (&ed->font, pango_font_description_free);
  g_free (ed->path);
  g_free (ed);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} StreamWriter;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  StreamWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static ExportData *
export_data_new (GlossChart       *self,
                 const char       *path,
                 GlossChartFormat  format)
{
  ExportData *ed = g_new0 (ExportData, 1);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  ed->table = self->table != NULL ? gloss_table_ref (self->table) : NULL;
  ed->kind = self->kind;
  ed->font = pango_font_description_copy (pango_context_get_font_description (context));
  ed->path = g_strdup (path);
  ed->format = format;

  return ed;
}

static gboolean
export_draw (ExportData    *ed,
             PangoContext  *context,
             GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  StreamWriter writer = { NULL, NULL };
  Geometry g;
  double width, height;

  _gloss_chart_compute_geometry (&g, ed->table, ed->kind, context, -1);
  width = g.natural_width;
  height = g.natural_height;

  file = g_file_new_for_path (ed->path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  writer.stream = G_OUTPUT_STREAM (out);

  switch (ed->format)
    {
    case GLOSS_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width * 2, (int) height * 2);
      cairo_surface_set_device_scale (surface, 2, 2);
      break;
    case GLOSS_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, &writer, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case GLOSS_CHART_FORMAT_PDF:
      /* 96 pixels to the inch, 72 points. */
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, &writer,
                                                     width * 0.75, height * 0.75);
      cairo_surface_set_device_scale (surface, 0.75, 0.75);
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  pango_cairo_update_context (cr, context);
  _gloss_chart_draw (cr, &g, ed->table, ed->kind, context, FALSE, TRUE, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (ed->format == GLOSS_CHART_FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, write_to_stream, &writer);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&writer.error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                 cairo_status_to_string (status));

  if (writer.error != NULL)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Closing a cancelled stream leaves the file as it was. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancelled, NULL);
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static gboolean
export_run (ExportData  *ed,
            GError     **error)
{
  PangoFontMap *font_map;
  PangoContext *context;
  cairo_font_options_t *options;
  gboolean ok;

  if (ed->table == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no table to draw"));
      return FALSE;
    }

  /* A font map of its own: this may run in any thread. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  pango_context_set_font_description (context, ed->font);
  pango_cairo_context_set_resolution (context, 96);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  ok = export_draw (ed, context, error);

  g_object_unref (context);
  g_object_unref (font_map);

  return ok;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (export_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Widget ------------------------------------------------------------------- */

static const Geometry *
natural_geometry (GlossChart *self)
{
  if (!self->geometry_valid && self->table != NULL)
    {
      _gloss_chart_compute_geometry (&self->natural, self->table, self->kind,
                        gtk_widget_get_pango_context (GTK_WIDGET (self)), -1);
      self->geometry_valid = TRUE;
    }

  return self->table != NULL ? &self->natural : NULL;
}

static void
invalidate (GlossChart *self)
{
  self->geometry_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
allocated_geometry (GlossChart *self,
                    Geometry   *g)
{
  if (self->table == NULL)
    return FALSE;

  _gloss_chart_compute_geometry (g, self->table, self->kind, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                    gtk_widget_get_width (GTK_WIDGET (self)));
  return TRUE;
}

static void
gloss_chart_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  const Geometry *g = natural_geometry (GLOSS_CHART (widget));

  if (g == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) g->minimum_width;
      *natural = (int) g->natural_width;
    }
  else
    *minimum = *natural = (int) g->natural_height;
}

static void
gloss_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  GlossChart *self = GLOSS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Geometry g;
  cairo_t *cr;

  if (!allocated_geometry (self, &g) || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _gloss_chart_draw (cr, &g, self->table, self->kind, gtk_widget_get_pango_context (widget),
              gloss_chart_get_dark (self), FALSE, width, height);
  cairo_destroy (cr);
}

static void
gloss_chart_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gloss_chart_parent_class)->css_changed (widget, change);

  /* The font may have changed. */
  invalidate (GLOSS_CHART (widget));
}

static gboolean
gloss_chart_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  GlossChart *self = GLOSS_CHART (widget);
  GlossMeasure measure;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  graphene_rect_t area;
  int row, column;

  if (keyboard_mode || !gloss_chart_hit_test (self, x, y, &row, &column))
    return FALSE;

  measure = gloss_table_get_measure (self->table);
  if (column < 0)
    {
      value = gloss_measure_format (measure, gloss_table_get_row_total (self->table, row));
      /* Translators: a bar's tooltip: code path, measure name, value */
      text = g_strdup_printf (_("%s\n%s: %s"), gloss_table_get_row_path (self->table, row),
                              _gloss_chart_measure_title (measure), value);
    }
  else
    {
      g_autofree char *name = _gloss_chart_column_name (self->table, column);
      double v = gloss_table_get_value (self->table, row, column);

      if (isnan (v))
        return FALSE;
      value = gloss_measure_format (measure, v);
      /* Translators: a heat map cell's tooltip: code path, column, measure name, value */
      text = g_strdup_printf (_("%s\n%s\n%s: %s"), gloss_table_get_row_path (self->table, row),
                              name, _gloss_chart_measure_title (measure), value);
    }

  gtk_tooltip_set_text (tooltip, text);
  if (gloss_chart_get_cell_area (self, row, column, &area))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.origin.x, (int) area.origin.y,
                                                         (int) area.size.width, (int) area.size.height });
  return TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GlossChart      *self)
{
  int row, column;

  if (n_press != 1 || !gloss_chart_hit_test (self, x, y, &row, &column))
    return;

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           GlossChart               *self)
{
  int row, column;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   gloss_chart_hit_test (self, x, y, &row, &column) ? "pointer" : NULL);
}

static void
on_dark_changed (GlossChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gloss_chart_dispose (GObject *object)
{
  GlossChart *self = (GlossChart *)object;

  g_clear_pointer (&self->table, gloss_table_unref);

  G_OBJECT_CLASS (gloss_chart_parent_class)->dispose (object);
}

static void
gloss_chart_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossChart *self = GLOSS_CHART (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_boxed (value, self->table);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_chart_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossChart *self = GLOSS_CHART (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      gloss_chart_set_table (self, g_value_get_boxed (value));
      break;
    case PROP_KIND:
      gloss_chart_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_chart_class_init (GlossChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_chart_dispose;
  object_class->get_property = gloss_chart_get_property;
  object_class->set_property = gloss_chart_set_property;
  widget_class->measure = gloss_chart_measure;
  widget_class->snapshot = gloss_chart_snapshot;
  widget_class->css_changed = gloss_chart_css_changed;
  widget_class->query_tooltip = gloss_chart_query_tooltip;

  properties[PROP_TABLE] =
    g_param_spec_boxed ("table", NULL, NULL, GLOSS_TYPE_TABLE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, GLOSS_CHART_BAR, GLOSS_CHART_HEATMAP, GLOSS_CHART_BAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossChart::cell-activated:
   * @row: the bar's or cell's row
   * @column: the cell's column, or -1 for a bar (the row's total)
   *
   * A bar or cell was clicked.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gloss_chart_init (GlossChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_FILL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
gloss_chart_new (void)
{
  return g_object_new (GLOSS_TYPE_CHART, NULL);
}

GlossTable *
gloss_chart_get_table (GlossChart *self)
{
  g_return_val_if_fail (GLOSS_IS_CHART (self), NULL);

  return self->table;
}

void
gloss_chart_set_table (GlossChart *self,
                       GlossTable *table)
{
  g_return_if_fail (GLOSS_IS_CHART (self));

  if (self->table == table)
    return;

  g_clear_pointer (&self->table, gloss_table_unref);
  self->table = table != NULL ? gloss_table_ref (table) : NULL;
  invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

GlossChartKind
gloss_chart_get_kind (GlossChart *self)
{
  g_return_val_if_fail (GLOSS_IS_CHART (self), GLOSS_CHART_BAR);

  return self->kind;
}

void
gloss_chart_set_kind (GlossChart     *self,
                      GlossChartKind  kind)
{
  g_return_if_fail (GLOSS_IS_CHART (self));
  g_return_if_fail (kind == GLOSS_CHART_BAR || kind == GLOSS_CHART_HEATMAP);

  if (self->kind == kind)
    return;

  self->kind = kind;
  invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gboolean
gloss_chart_get_dark (GlossChart *self)
{
  g_return_val_if_fail (GLOSS_IS_CHART (self), FALSE);

  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
gloss_chart_get_natural_size (GlossChart *self,
                              int        *width,
                              int        *height)
{
  const Geometry *g;

  g_return_if_fail (GLOSS_IS_CHART (self));

  g = natural_geometry (self);
  if (width != NULL)
    *width = g != NULL ? (int) g->natural_width : 0;
  if (height != NULL)
    *height = g != NULL ? (int) g->natural_height : 0;
}

gboolean
gloss_chart_get_cell_area (GlossChart      *self,
                           int              row,
                           int              column,
                           graphene_rect_t *area)
{
  Geometry g;

  g_return_val_if_fail (GLOSS_IS_CHART (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!allocated_geometry (self, &g))
    return FALSE;

  return _gloss_chart_cell_area (&g, self->kind, self->table, row, column, area);
}

gboolean
gloss_chart_hit_test (GlossChart *self,
                      double      x,
                      double      y,
                      int        *row,
                      int        *column)
{
  Geometry g;
  int r, c;

  g_return_val_if_fail (GLOSS_IS_CHART (self), FALSE);

  if (!allocated_geometry (self, &g) || y < g.plot_y)
    return FALSE;

  if (self->kind == GLOSS_CHART_BAR)
    {
      r = (int) floor ((y - g.plot_y) / ROW_H);
      c = -1;
      /* A bar's whole row: its label, the bar and its value. */
      if (x < MARGIN || x > g.plot_x + g.plot_w + VALUE_GAP + g.value_w)
        return FALSE;
    }
  else
    {
      if (x < g.plot_x)
        return FALSE;
      r = (int) floor ((y - g.plot_y) / CELL_H);
      c = (int) floor ((x - g.plot_x) / g.cell_w);
      if (c < 0 || (guint) c >= g.n_columns || isnan (gloss_table_get_value (self->table, r < 0 ? 0 : r, c)))
        return FALSE;
    }

  if (r < 0 || (guint) r >= g.n_rows)
    return FALSE;

  if (row != NULL)
    *row = r;
  if (column != NULL)
    *column = c;
  return TRUE;
}

gboolean
gloss_chart_export (GlossChart        *self,
                    const char        *path,
                    GlossChartFormat   format,
                    GError           **error)
{
  ExportData *ed;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ed = export_data_new (self, path, format);
  ok = export_run (ed, error);
  export_data_free (ed);

  return ok;
}

void
gloss_chart_export_async (GlossChart          *self,
                          const char          *path,
                          GlossChartFormat     format,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_CHART (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_chart_export_async);
  g_task_set_name (task, "[gloss] export chart");
  g_task_set_task_data (task, export_data_new (self, path, format), export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gloss_chart_export_finish (GlossChart    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_CHART (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
