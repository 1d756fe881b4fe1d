/* gloss-compare-bar.c: the bar above the viewer while two coders'
 * codings of the open document are compared side by side
 *
 * The bar chooses what to compare (two coders, a code) and says how far
 * the two agree on the open document: the figures are computed in a
 * thread (gloss-compare-bar-figures.c), a new choice cancelling the
 * computation under way, and again after a short pause when the project's
 * codings change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-compare-bar-private.h"

#define RELOAD_DELAY_MS  250

G_DEFINE_FINAL_TYPE (GlossCompareBar, gloss_compare_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  PROP_CODER_A,
  PROP_CODER_B,
  PROP_CODE_ID,
  PROP_WITH_SUBCODES,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_gloss_compare_bar_notify_loading (GlossCompareBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Names ---------------------------------------------------------------------- */

static const char *
coder_name (GlossCompareBar *self,
            gint64           coder_id)
{
  for (guint i = 0; self->coder_ids != NULL && i < self->coder_ids->len; i++)
    if (g_array_index (self->coder_ids, gint64, i) == coder_id)
      return g_ptr_array_index (self->coder_names, i);

  return NULL;
}

static const char *
code_path (GlossCompareBar *self,
           gint64           code_id)
{
  for (guint i = 0; self->code_ids != NULL && i < self->code_ids->len; i++)
    if (g_array_index (self->code_ids, gint64, i) == code_id)
      return g_ptr_array_index (self->code_paths, i);

  return NULL;
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
update_legend (GlossCompareBar *self)
{
  const char *a = coder_name (self, self->coder_a);
  const char *b = coder_name (self, self->coder_b);
  g_autofree char *only_a = NULL;
  g_autofree char *only_b = NULL;

  /* Translators: in the comparison's legend: what only this coder coded */
  only_a = g_strdup_printf (_("Only %s"), a != NULL ? a : _("A"));
  /* Translators: in the comparison's legend: what only this coder coded */
  only_b = g_strdup_printf (_("Only %s"), b != NULL ? b : _("B"));
  gtk_label_set_text (self->only_a_label, only_a);
  gtk_label_set_text (self->only_b_label, only_b);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->only_a_label), only_a);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->only_b_label), only_b);
}

/* The swatch shows the colour as it lies over a white page. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GlossComparisonKind kind = GPOINTER_TO_INT (data);
  GdkRGBA colour;
  double a = GLOSS_COMPARISON_ALPHA;

  gloss_comparison_get_rgba (kind, &colour);

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - 3, 3, 3, -G_PI / 2, 0);
  cairo_arc (cr, width - 3, height - 3, 3, 0, G_PI / 2);
  cairo_arc (cr, 3, height - 3, 3, G_PI / 2, G_PI);
  cairo_arc (cr, 3, 3, 3, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr,
                        colour.red * a + (1 - a),
                        colour.green * a + (1 - a),
                        colour.blue * a + (1 - a));
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
changed (GlossCompareBar *self)
{
  update_legend (self);
  gloss_compare_bar_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Lists ---------------------------------------------------------------------- */

static void
fill_string_list (GtkStringList *list,
                  GPtrArray     *strings,
                  gboolean       as_paths)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);

      if (as_paths)
        {
          g_auto(GStrv) parts = g_strsplit (text, "/", -1);

          g_ptr_array_add (shown, g_strjoinv (" › ", parts));
        }
      else
        g_ptr_array_add (shown, g_strdup (text));
    }
  g_ptr_array_add (shown, NULL);

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) shown->pdata);
}

/* Reads the coders and codes again, keeping the choices that are still
 * there (the first two coders and the first code otherwise).  Returns
 * whether a choice changed. */
static gboolean
reload_lists (GlossCompareBar *self)
{
  g_autoptr(GArray) coder_ids = NULL;
  g_autoptr(GPtrArray) coder_names = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  gint64 old_a = self->coder_a;
  gint64 old_b = self->coder_b;
  gint64 old_code = self->code_id;
  guint ia, ib, ic;

  g_clear_pointer (&self->coder_ids, g_array_unref);
  g_clear_pointer (&self->coder_names, g_ptr_array_unref);
  g_clear_pointer (&self->code_ids, g_array_unref);
  g_clear_pointer (&self->code_paths, g_ptr_array_unref);

  if (self->project != NULL)
    {
      g_autoptr(GError) error = NULL;

      coder_names = gloss_project_list_coder_names (self->project, &coder_ids, &error);
      if (coder_names == NULL)
        g_warning ("Could not list the coders: %s", error->message);
      g_clear_error (&error);
      codes = gloss_project_list_codes (self->project, &error);
      if (codes == NULL)
        g_warning ("Could not list the codes: %s", error->message);
    }

  self->coder_ids = coder_ids != NULL ? g_steal_pointer (&coder_ids) : g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coder_names = coder_names != NULL ? g_steal_pointer (&coder_names) : g_ptr_array_new_with_free_func (g_free);
  self->code_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->code_paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (codes, i);
      gint64 id = gloss_code_get_id (code);

      g_array_append_val (self->code_ids, id);
      g_ptr_array_add (self->code_paths, g_strdup (gloss_code_get_path (code)));
    }

  /* The choices: kept when they are still there. */
  if (index_of (self->coder_ids, self->coder_a) == GTK_INVALID_LIST_POSITION)
    self->coder_a = self->coder_ids->len > 0 ? g_array_index (self->coder_ids, gint64, 0) : 0;
  if (index_of (self->coder_ids, self->coder_b) == GTK_INVALID_LIST_POSITION)
    {
      self->coder_b = 0;
      for (guint i = 0; i < self->coder_ids->len && self->coder_b == 0; i++)
        if (g_array_index (self->coder_ids, gint64, i) != self->coder_a)
          self->coder_b = g_array_index (self->coder_ids, gint64, i);
    }
  if (index_of (self->code_ids, self->code_id) == GTK_INVALID_LIST_POSITION)
    self->code_id = self->code_ids->len > 0 ? g_array_index (self->code_ids, gint64, 0) : 0;

  self->updating = TRUE;
  fill_string_list (self->coder_a_names, self->coder_names, FALSE);
  fill_string_list (self->coder_b_names, self->coder_names, FALSE);
  fill_string_list (self->code_names, self->code_paths, TRUE);
  ia = index_of (self->coder_ids, self->coder_a);
  ib = index_of (self->coder_ids, self->coder_b);
  ic = index_of (self->code_ids, self->code_id);
  gtk_drop_down_set_selected (self->coder_a_dropdown, ia);
  gtk_drop_down_set_selected (self->coder_b_dropdown, ib);
  gtk_drop_down_set_selected (self->code_dropdown, ic);
  self->updating = FALSE;

  update_legend (self);

  if (old_a != self->coder_a)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODER_A]);
  if (old_b != self->coder_b)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODER_B]);
  if (old_code != self->code_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_ID]);

  return old_a != self->coder_a || old_b != self->coder_b || old_code != self->code_id;
}

/* The codings may be others: the lists, the figures and the comparison
 * again. */
static gboolean
reload_after_change (gpointer data)
{
  GlossCompareBar *self = data;

  self->reload_source = 0;
  self->stale = FALSE;
  reload_lists (self);
  changed (self);

  return G_SOURCE_REMOVE;
}

/* The project changed: after a pause (several changes come together), or
 * when the bar is shown again. */
static void
on_project_changed (GlossCompareBar *self)
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
gloss_compare_bar_map (GtkWidget *widget)
{
  GlossCompareBar *self = GLOSS_COMPARE_BAR (widget);

  GTK_WIDGET_CLASS (gloss_compare_bar_parent_class)->map (widget);

  if (self->stale)
    reload_after_change (self);
}

/* Signals -------------------------------------------------------------------- */

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static void
on_coder_selected (GlossCompareBar *self)
{
  gint64 a, b;

  if (self->updating)
    return;

  a = selected_id (self->coder_a_dropdown, self->coder_ids);
  b = selected_id (self->coder_b_dropdown, self->coder_ids);
  if (a == self->coder_a && b == self->coder_b)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (a != self->coder_a)
    {
      self->coder_a = a;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODER_A]);
    }
  if (b != self->coder_b)
    {
      self->coder_b = b;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODER_B]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  changed (self);
}

static void
on_code_selected (GlossCompareBar *self)
{
  gint64 id;

  if (self->updating)
    return;

  id = selected_id (self->code_dropdown, self->code_ids);
  if (id == self->code_id)
    return;

  self->code_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_ID]);
  changed (self);
}

static void
on_subcodes_toggled (GlossCompareBar *self)
{
  if (self->updating)
    return;

  gloss_compare_bar_set_with_subcodes (self, gtk_check_button_get_active (self->subcodes_check));
}

static void
on_close_clicked (GlossCompareBar *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

/* GObject -------------------------------------------------------------------- */

static void
gloss_compare_bar_dispose (GObject *object)
{
  GlossCompareBar *self = (GlossCompareBar *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_COMPARE_BAR);

  G_OBJECT_CLASS (gloss_compare_bar_parent_class)->dispose (object);
}

static void
gloss_compare_bar_finalize (GObject *object)
{
  GlossCompareBar *self = (GlossCompareBar *)object;

  g_clear_pointer (&self->coder_ids, g_array_unref);
  g_clear_pointer (&self->coder_names, g_ptr_array_unref);
  g_clear_pointer (&self->code_ids, g_array_unref);
  g_clear_pointer (&self->code_paths, g_ptr_array_unref);
  g_free (self->figures_text);

  G_OBJECT_CLASS (gloss_compare_bar_parent_class)->finalize (object);
}

static void
gloss_compare_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossCompareBar *self = GLOSS_COMPARE_BAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_CODER_A:
      g_value_set_int64 (value, self->coder_a);
      break;
    case PROP_CODER_B:
      g_value_set_int64 (value, self->coder_b);
      break;
    case PROP_CODE_ID:
      g_value_set_int64 (value, self->code_id);
      break;
    case PROP_WITH_SUBCODES:
      g_value_set_boolean (value, self->with_subcodes);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_compare_bar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossCompareBar *self = GLOSS_COMPARE_BAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_compare_bar_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT_ID:
      gloss_compare_bar_set_document (self, g_value_get_int64 (value));
      break;
    case PROP_CODER_A:
      gloss_compare_bar_set_coders (self, g_value_get_int64 (value), 0);
      break;
    case PROP_CODER_B:
      gloss_compare_bar_set_coders (self, 0, g_value_get_int64 (value));
      break;
    case PROP_CODE_ID:
      gloss_compare_bar_set_code (self, g_value_get_int64 (value));
      break;
    case PROP_WITH_SUBCODES:
      gloss_compare_bar_set_with_subcodes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_compare_bar_class_init (GlossCompareBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_compare_bar_dispose;
  object_class->finalize = gloss_compare_bar_finalize;
  object_class->get_property = gloss_compare_bar_get_property;
  object_class->set_property = gloss_compare_bar_set_property;
  widget_class->map = gloss_compare_bar_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODER_A] =
    g_param_spec_int64 ("coder-a", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODER_B] =
    g_param_spec_int64 ("coder-b", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE_ID] =
    g_param_spec_int64 ("code-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_SUBCODES] =
    g_param_spec_boolean ("with-subcodes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "closed", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-compare-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, box);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, coder_a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, coder_a_names);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, coder_b_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, coder_b_names);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, code_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, code_names);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, subcodes_check);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, both_swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, only_a_swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, only_b_swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, both_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, only_a_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, only_b_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, figures_label);
  gtk_widget_class_bind_template_callback (widget_class, on_coder_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_code_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_subcodes_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
gloss_compare_bar_init (GlossCompareBar *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  gtk_drawing_area_set_draw_func (self->both_swatch, draw_swatch,
                                  GINT_TO_POINTER (GLOSS_COMPARISON_BOTH), NULL);
  gtk_drawing_area_set_draw_func (self->only_a_swatch, draw_swatch,
                                  GINT_TO_POINTER (GLOSS_COMPARISON_ONLY_A), NULL);
  gtk_drawing_area_set_draw_func (self->only_b_swatch, draw_swatch,
                                  GINT_TO_POINTER (GLOSS_COMPARISON_ONLY_B), NULL);
  update_legend (self);
}

/* Public --------------------------------------------------------------------- */

GtkWidget *
gloss_compare_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_COMPARE_BAR, NULL);
}

void
gloss_compare_bar_set_project (GlossCompareBar *self,
                               GlossProject    *project)
{
  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));
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
    }

  /* Another project: its own coders and codes. */
  self->coder_a = self->coder_b = self->code_id = 0;
  self->document_id = 0;
  reload_lists (self);
  gloss_compare_bar_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

GlossProject *
gloss_compare_bar_get_project (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  return self->project;
}

void
gloss_compare_bar_set_document (GlossCompareBar *self,
                                gint64           document_id)
{
  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  gloss_compare_bar_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
gloss_compare_bar_get_document (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), 0);

  return self->document_id;
}

gint64
gloss_compare_bar_get_coder_a (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), 0);

  return self->coder_a;
}

gint64
gloss_compare_bar_get_coder_b (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), 0);

  return self->coder_b;
}

void
gloss_compare_bar_set_coders (GlossCompareBar *self,
                              gint64           coder_a,
                              gint64           coder_b)
{
  guint ia, ib;

  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  if (coder_a == 0)
    coder_a = self->coder_a;
  if (coder_b == 0)
    coder_b = self->coder_b;
  ia = index_of (self->coder_ids, coder_a);
  ib = index_of (self->coder_ids, coder_b);
  if (ia == GTK_INVALID_LIST_POSITION || ib == GTK_INVALID_LIST_POSITION)
    {
      g_warning ("No such coder to compare: %" G_GINT64_FORMAT, ia == GTK_INVALID_LIST_POSITION ? coder_a : coder_b);
      return;
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->coder_a_dropdown, ia);
  gtk_drop_down_set_selected (self->coder_b_dropdown, ib);
  self->updating = FALSE;
  on_coder_selected (self);
}

gint64
gloss_compare_bar_get_code (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), 0);

  return self->code_id;
}

void
gloss_compare_bar_set_code (GlossCompareBar *self,
                            gint64           code_id)
{
  guint index;

  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  index = index_of (self->code_ids, code_id);
  if (index == GTK_INVALID_LIST_POSITION)
    {
      g_warning ("No such code to compare: %" G_GINT64_FORMAT, code_id);
      return;
    }

  gtk_drop_down_set_selected (self->code_dropdown, index);
}

gboolean
gloss_compare_bar_get_with_subcodes (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), FALSE);

  return self->with_subcodes;
}

void
gloss_compare_bar_set_with_subcodes (GlossCompareBar *self,
                                     gboolean         with_subcodes)
{
  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  with_subcodes = !!with_subcodes;
  if (self->with_subcodes == with_subcodes)
    return;

  self->with_subcodes = with_subcodes;
  self->updating = TRUE;
  gtk_check_button_set_active (self->subcodes_check, with_subcodes);
  self->updating = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_SUBCODES]);
  changed (self);
}

GlossComparison *
gloss_compare_bar_dup_comparison (GlossCompareBar *self,
                                  GPtrArray       *codings)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) codings_a = NULL;
  g_autoptr(GPtrArray) codings_b = NULL;

  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  if (self->project == NULL || self->coder_a == 0 || self->coder_b == 0 || self->code_id == 0)
    return NULL;

  if (codings == NULL)
    {
      GlossCodingFilter filter = { self->document_id, 0, FALSE, 0 };
      g_autoptr(GError) error = NULL;

      if (self->document_id == 0)
        return NULL;

      loaded = gloss_project_list_codings (self->project, &filter, &error);
      if (loaded == NULL)
        {
          g_warning ("Could not list the codings to compare: %s", error->message);
          return NULL;
        }
      codings = loaded;
    }

  codings_a = g_ptr_array_new_with_free_func (g_object_unref);
  codings_b = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);
      gint64 coder = gloss_coding_get_coder_id (coding);

      if (coder == self->coder_a)
        g_ptr_array_add (codings_a, g_object_ref (coding));
      if (coder == self->coder_b)
        g_ptr_array_add (codings_b, g_object_ref (coding));
    }

  return gloss_comparison_new (codings_a, codings_b,
                               coder_name (self, self->coder_a), coder_name (self, self->coder_b),
                               self->code_id, code_path (self, self->code_id), self->with_subcodes);
}

const char *
gloss_compare_bar_get_legend_text (GlossCompareBar *self,
                                   guint            kind)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  switch (kind)
    {
    case GLOSS_COMPARISON_BOTH:
      return gtk_label_get_text (self->both_label);
    case GLOSS_COMPARISON_ONLY_A:
      return gtk_label_get_text (self->only_a_label);
    case GLOSS_COMPARISON_ONLY_B:
      return gtk_label_get_text (self->only_b_label);
    default:
      return NULL;
    }
}
