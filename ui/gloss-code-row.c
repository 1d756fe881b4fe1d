/* gloss-code-row.c: one row of the codebook tree
 *
 * A colour swatch, the name, the key the code is pinned to and its counts,
 * inside the tree expander.  The row is also where codes are dragged from,
 * and where codes and text selections are dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-code-row.h"
#include "gloss-codebook-view-private.h"

struct _GlossCodeRow
{
  GtkWidget          parent_instance;

  GtkTreeListRow    *list_row;
  GlossCodebookItem *item;
  GdkRGBA            colour;

  GtkTreeExpander   *expander;
  GtkWidget         *swatch;
  GtkLabel          *name;
  GtkLabel          *pin;
  GtkLabel          *counts;

  GtkDropTarget     *drop_target;
};

G_DEFINE_FINAL_TYPE (GlossCodeRow, gloss_code_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GlossCodebookView *
get_view (GlossCodeRow *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GLOSS_TYPE_CODEBOOK_VIEW);

  return view != NULL ? GLOSS_CODEBOOK_VIEW (view) : NULL;
}

/* Swatch */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GlossCodeRow *self = data;
  double size = MIN (width, height);
  double x = (width - size) / 2.0 + 0.5;
  double y = (height - size) / 2.0 + 0.5;
  double radius = 3.5;
  double side = size - 1.0;

  if (self->item == NULL)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + side - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + side - radius, y + side - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + side - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);

  gdk_cairo_set_source_rgba (cr, &self->colour);
  cairo_fill_preserve (cr);
  /* A hairline so that pale colours stand out on light and dark rows. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

/* Contents */

static void
gloss_code_row_update (GlossCodeRow *self)
{
  GlossCode *code;
  g_autofree char *counts = NULL;
  g_autofree char *counts_tooltip = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *pin = NULL;
  const char *description;

  if (self->item == NULL)
    {
      gtk_label_set_label (self->name, "");
      gtk_label_set_label (self->counts, "");
      gtk_widget_set_visible (GTK_WIDGET (self->pin), FALSE);
      return;
    }

  code = gloss_codebook_item_get_code (self->item);

  if (!gdk_rgba_parse (&self->colour, gloss_code_get_colour (code)))
    gdk_rgba_parse (&self->colour, "#9a9996");
  gtk_widget_queue_draw (self->swatch);

  gtk_label_set_label (self->name, gloss_code_get_name (code));
  description = gloss_code_get_description (code);
  if (description != NULL && description[0] != '\0')
    tooltip = g_strdup_printf ("%s\n\n%s", gloss_code_get_path (code), description);
  else
    tooltip = g_strdup (gloss_code_get_path (code));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name), tooltip);

  if (gloss_codebook_item_get_dimmed (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "ancestor");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "ancestor");

  if (gloss_code_get_pin (code) != 0)
    {
      g_autofree char *pin_tooltip = NULL;

      pin = g_strdup_printf ("%u", gloss_code_get_pin (code));
      /* Translators: tooltip of the key badge next to a pinned code */
      pin_tooltip = g_strdup_printf (_("Press %u to apply this code"), gloss_code_get_pin (code));
      gtk_label_set_label (self->pin, pin);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pin), pin_tooltip);
      gtk_widget_set_visible (GTK_WIDGET (self->pin), TRUE);
    }
  else
    {
      gtk_label_set_label (self->pin, "");
      gtk_widget_set_visible (GTK_WIDGET (self->pin), FALSE);
    }

  counts = gloss_codebook_item_format_counts (self->item);
  counts_tooltip = gloss_codebook_item_format_counts_tooltip (self->item);
  gtk_label_set_label (self->counts, counts);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->counts), counts_tooltip);
  if (gloss_codebook_item_get_in_project (self->item) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->counts), "empty");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counts), "empty");
}

static void
on_item_notify (GlossCodeRow *self)
{
  gloss_code_row_update (self);
}

static void
gloss_code_row_set_item (GlossCodeRow      *self,
                         GlossCodebookItem *item)
{
  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);

  g_set_object (&self->item, item);

  if (item != NULL)
    g_signal_connect_swapped (item, "notify", G_CALLBACK (on_item_notify), self);

  gloss_code_row_update (self);
}

/* Click: activation belongs to the view */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GlossCodeRow    *self)
{
  GlossCodebookView *view = get_view (self);

  if (n_press >= 2 && view != NULL)
    gloss_codebook_view_row_multi_press (view);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GlossCodeRow    *self)
{
  GlossCodebookView *view = get_view (self);
  GtkWidget *picked;

  if (n_press != 1 || view == NULL || self->item == NULL)
    return;

  /* The expander's arrow opens and closes; it does not apply the code. */
  picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  if (picked != NULL && g_strcmp0 (gtk_widget_get_css_name (picked), "expander") == 0)
    return;

  gloss_codebook_view_row_clicked (view, self->item);
}

/* Drag source */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GlossCodeRow  *self)
{
  if (self->item == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, gloss_codebook_item_get_id (self->item));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GlossCodeRow  *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       data)
{
  /* The drop may have rebuilt the tree, and this row be gone. */
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (widget != NULL)
    gtk_widget_remove_css_class (widget, "dragged");
}

/* Drop target */

static void
clear_drop_classes (GlossCodeRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-into");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
}

static GlossCodebookDropZone
zone_at (GlossCodeRow *self,
         double        y)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (y < height / 4.0)
    return GLOSS_CODEBOOK_DROP_BEFORE;
  if (y > height * 3.0 / 4.0)
    return GLOSS_CODEBOOK_DROP_AFTER;
  return GLOSS_CODEBOOK_DROP_INTO;
}

static GdkDragAction
choose_action (GdkDrop       *drop,
               GdkDragAction  preferred)
{
  GdkDragAction actions = gdk_drop_get_actions (drop);

  if (actions & preferred)
    return preferred;
  if (actions & GDK_ACTION_COPY)
    return GDK_ACTION_COPY;
  if (actions & GDK_ACTION_MOVE)
    return GDK_ACTION_MOVE;
  return 0;
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                GlossCodeRow  *self)
{
  GlossCodebookView *view = get_view (self);
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkContentFormats *formats;
  const GValue *value;
  GlossCodebookDropZone zone;

  clear_drop_classes (self);

  if (view == NULL || self->item == NULL || drop == NULL)
    return 0;

  formats = gdk_drop_get_formats (drop);
  value = gtk_drop_target_get_value (target);

  if (gdk_content_formats_contain_gtype (formats, G_TYPE_INT64))
    {
      zone = zone_at (self, y);
      /* The value is known once preloaded; until then, accept. */
      if (value != NULL && G_VALUE_HOLDS (value, G_TYPE_INT64) &&
          !gloss_codebook_view_can_drop_code (view, g_value_get_int64 (value), self->item, zone))
        return 0;

      gtk_widget_add_css_class (GTK_WIDGET (self),
                                zone == GLOSS_CODEBOOK_DROP_BEFORE ? "drop-before" :
                                zone == GLOSS_CODEBOOK_DROP_AFTER ? "drop-after" : "drop-into");
      return choose_action (drop, GDK_ACTION_MOVE);
    }

  if (value != NULL && G_VALUE_HOLDS_STRING (value) &&
      !g_str_has_prefix (g_value_get_string (value) ? g_value_get_string (value) : "",
                         GLOSS_SELECTION_DRAG_PREFIX))
    return 0;

  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-into");
  return choose_action (drop, GDK_ACTION_COPY);
}

static void
on_drop_leave (GtkDropTarget *target,
               GlossCodeRow  *self)
{
  clear_drop_classes (self);
}

typedef struct
{
  GlossCodebookView     *view;
  GlossCodebookItem     *item;
  GValue                 value;
  GlossCodebookDropZone  zone;
} PendingDrop;

static gboolean
apply_drop (gpointer data)
{
  PendingDrop *pending = data;

  gloss_codebook_view_drop (pending->view, pending->item, &pending->value, pending->zone);

  return G_SOURCE_REMOVE;
}

static void
pending_drop_free (gpointer data)
{
  PendingDrop *pending = data;

  g_clear_object (&pending->view);
  g_clear_object (&pending->item);
  g_value_unset (&pending->value);
  g_free (pending);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossCodeRow  *self)
{
  GlossCodebookView *view = get_view (self);
  PendingDrop *pending;

  clear_drop_classes (self);

  if (view == NULL || self->item == NULL)
    return FALSE;

  if (G_VALUE_HOLDS_STRING (value) &&
      !g_str_has_prefix (g_value_get_string (value) ? g_value_get_string (value) : "",
                         GLOSS_SELECTION_DRAG_PREFIX))
    return FALSE;
  if (G_VALUE_HOLDS (value, G_TYPE_INT64) &&
      !gloss_codebook_view_can_drop_code (view, g_value_get_int64 (value), self->item, zone_at (self, y)))
    return FALSE;

  /* Applied once the drop is over: it may rebuild the tree, and this row
   * with it. */
  pending = g_new0 (PendingDrop, 1);
  pending->view = g_object_ref (view);
  pending->item = g_object_ref (self->item);
  g_value_init (&pending->value, G_VALUE_TYPE (value));
  g_value_copy (value, &pending->value);
  pending->zone = G_VALUE_HOLDS (value, G_TYPE_INT64) ? zone_at (self, y) : GLOSS_CODEBOOK_DROP_INTO;
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_drop, pending, pending_drop_free);

  return TRUE;
}

/* GObject */

static void
gloss_code_row_dispose (GObject *object)
{
  GlossCodeRow *self = (GlossCodeRow *)object;
  GtkWidget *child;

  gloss_code_row_set_list_row (self, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_code_row_parent_class)->dispose (object);
}

static void
gloss_code_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossCodeRow *self = GLOSS_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      g_value_set_object (value, self->list_row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_code_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossCodeRow *self = GLOSS_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      gloss_code_row_set_list_row (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_code_row_class_init (GlossCodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_code_row_dispose;
  object_class->get_property = gloss_code_row_get_property;
  object_class->set_property = gloss_code_row_set_property;

  properties[PROP_LIST_ROW] =
    g_param_spec_object ("list-row", NULL, NULL, GTK_TYPE_TREE_LIST_ROW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "coderow");
}

static void
gloss_code_row_init (GlossCodeRow *self)
{
  GtkWidget *box;
  GtkGesture *click;
  GtkDragSource *drag_source;
  GType types[] = { G_TYPE_INT64, G_TYPE_STRING };

  self->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->expander), GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "content");
  gtk_tree_expander_set_child (self->expander, box);

  self->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->swatch), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->swatch), draw_swatch, self, NULL);
  gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->swatch, "swatch");
  gtk_box_append (GTK_BOX (box), self->swatch);

  self->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name, 0.0f);
  gtk_label_set_ellipsize (self->name, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name), "name");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name));

  self->pin = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->pin), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->pin), "pin");
  gtk_widget_set_visible (GTK_WIDGET (self->pin), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pin));

  self->counts = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->counts, 1.0f);
  gtk_label_set_single_line_mode (self->counts, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "counts");
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->counts));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag_source, "drag-end", G_CALLBACK (on_drag_end), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag_source));

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, types, G_N_ELEMENTS (types));
  gtk_drop_target_set_preload (self->drop_target, TRUE);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop_target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

GtkTreeListRow *
gloss_code_row_get_list_row (GlossCodeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE_ROW (self), NULL);

  return self->list_row;
}

void
gloss_code_row_set_list_row (GlossCodeRow   *self,
                             GtkTreeListRow *list_row)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (GLOSS_IS_CODE_ROW (self));
  g_return_if_fail (!list_row || GTK_IS_TREE_LIST_ROW (list_row));

  if (self->list_row == list_row)
    return;

  g_set_object (&self->list_row, list_row);
  gtk_tree_expander_set_list_row (self->expander, list_row);

  if (list_row != NULL)
    item = gtk_tree_list_row_get_item (list_row);
  gloss_code_row_set_item (self, GLOSS_IS_CODEBOOK_ITEM (item) ? GLOSS_CODEBOOK_ITEM (item) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_ROW]);
}

GlossCodebookItem *
gloss_code_row_get_item (GlossCodeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE_ROW (self), NULL);

  return self->item;
}

const char *
gloss_code_row_get_name_text (GlossCodeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE_ROW (self), NULL);

  return gtk_label_get_label (self->name);
}

const char *
gloss_code_row_get_pin_text (GlossCodeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->pin)) ? gtk_label_get_label (self->pin) : "";
}

const char *
gloss_code_row_get_counts_text (GlossCodeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE_ROW (self), NULL);

  return gtk_label_get_label (self->counts);
}
