/* gloss-code-picker.c: find a code by typing, or create it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-code-picker.h"

struct _GlossCodePicker
{
  GtkPopover     parent_instance;

  GlossProject  *project;
  char          *needle;          /* casefolded, stripped */
  guint          n_matches;       /* code rows shown */
  gboolean       exact;           /* a code's name or path is the needle */

  GtkSearchEntry *entry;
  GtkListBox    *list;
  GtkWidget     *create_row;
  GtkLabel      *create_label;
};

G_DEFINE_FINAL_TYPE (GlossCodePicker, gloss_code_picker, GTK_TYPE_POPOVER)

enum {
  CODE_CHOSEN,
  CREATE_CODE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_CODE_ID "gloss-code-id"
#define ROW_PATH    "gloss-code-path"
#define ROW_NAME    "gloss-code-name"
#define ROW_INDEX   "gloss-code-index"

/* Rows */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const GdkRGBA *rgba = data;
  double radius = MIN (width, height) / 2.0 - 0.5;

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static GtkWidget *
make_swatch (const char *colour)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GdkRGBA *rgba = g_new0 (GdkRGBA, 1);

  if (colour == NULL || !gdk_rgba_parse (rgba, colour))
    gdk_rgba_parse (rgba, "#888888");

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, rgba, g_free);

  return area;
}

static GtkWidget *
make_code_row (GlossCode *code,
               guint      index)
{
  const char *path = gloss_code_get_path (code);
  const char *name = gloss_code_get_name (code);
  gint64 id = gloss_code_get_id (code);
  GtkWidget *row, *box, *label;
  g_autofree char *markup = NULL;
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);

  if (strlen (path) > strlen (name))
    {
      g_autofree char *parent = g_strndup (path, strlen (path) - strlen (name));
      g_autofree char *escaped_parent = g_markup_escape_text (parent, -1);

      markup = g_strdup_printf ("<span alpha=\"55%%\">%s</span>%s", escaped_parent, escaped_name);
    }
  else
    {
      markup = g_strdup (escaped_name);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), make_swatch (gloss_code_get_colour (code)));

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (gloss_code_get_pin (code) > 0)
    {
      g_autofree char *key = g_strdup_printf ("%u", gloss_code_get_pin (code));
      GtkWidget *pin = gtk_label_new (key);

      gtk_widget_add_css_class (pin, "dim-label");
      gtk_widget_add_css_class (pin, "numeric");
      /* Translators: tooltip of the key a code is pinned to */
      gtk_widget_set_tooltip_text (pin, _("Pinned to this key"));
      gtk_box_append (GTK_BOX (box), pin);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, gloss_code_get_description (code));

  g_object_set_data_full (G_OBJECT (row), ROW_CODE_ID, g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_PATH, g_utf8_casefold (path, -1), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_NAME, g_utf8_casefold (name, -1), g_free);
  g_object_set_data (G_OBJECT (row), ROW_INDEX, GUINT_TO_POINTER (index + 1));

  return row;
}

static gboolean
row_matches (GlossCodePicker *self,
             GtkListBoxRow   *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), ROW_PATH);

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;

  return path != NULL && strstr (path, self->needle) != NULL;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  GlossCodePicker *self = user_data;

  if (GTK_WIDGET (row) == self->create_row)
    return self->needle != NULL && self->needle[0] != '\0' && !self->exact;

  return row_matches (self, row);
}

static int
sort_func (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  GlossCodePicker *self = user_data;
  guint ia, ib;

  /* "Create …" leads when nothing else matches, and trails otherwise. */
  if (GTK_WIDGET (a) == self->create_row)
    return self->n_matches == 0 ? -1 : 1;
  if (GTK_WIDGET (b) == self->create_row)
    return self->n_matches == 0 ? 1 : -1;

  ia = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), ROW_INDEX));
  ib = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), ROW_INDEX));

  return ia < ib ? -1 : ia > ib;
}

static GtkListBoxRow *
first_visible_row (GlossCodePicker *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      return row;

  return NULL;
}

static void
gloss_code_picker_refilter (GlossCodePicker *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *label = NULL;
  GtkListBoxRow *row;

  g_free (self->needle);
  self->needle = g_utf8_casefold (typed, -1);
  self->n_matches = 0;
  self->exact = FALSE;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      if (GTK_WIDGET (row) == self->create_row || !row_matches (self, row))
        continue;

      self->n_matches++;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), ROW_PATH), self->needle) == 0 ||
          g_strcmp0 (g_object_get_data (G_OBJECT (row), ROW_NAME), self->needle) == 0)
        self->exact = TRUE;
    }

  /* Translators: a row of the code picker; %s is what was typed */
  label = g_strdup_printf (_("Create code “%s”"), typed);
  gtk_label_set_label (self->create_label, label);

  gtk_list_box_invalidate_sort (self->list);
  gtk_list_box_invalidate_filter (self->list);

  row = first_visible_row (self);
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
}

static void
gloss_code_picker_choose_row (GlossCodePicker *self,
                              GtkListBoxRow   *row)
{
  if (GTK_WIDGET (row) == self->create_row)
    {
      g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

      gtk_popover_popdown (GTK_POPOVER (self));
      if (path[0] != '\0')
        g_signal_emit (self, signals[CREATE_CODE], 0, path);
    }
  else
    {
      const gint64 *id = g_object_get_data (G_OBJECT (row), ROW_CODE_ID);
      gint64 code_id = id != NULL ? *id : 0;

      gtk_popover_popdown (GTK_POPOVER (self));
      if (code_id != 0)
        g_signal_emit (self, signals[CODE_CHOSEN], 0, code_id);
    }
}

/* Callbacks */

static void
on_show (GlossCodePicker *self)
{
  gloss_code_picker_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_search_changed (GlossCodePicker *self)
{
  gloss_code_picker_refilter (self);
}

static void
on_entry_activate (GlossCodePicker *self)
{
  if (!gloss_code_picker_activate (self))
    gtk_widget_error_bell (GTK_WIDGET (self->entry));
}

static void
on_stop_search (GlossCodePicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_row_activated (GlossCodePicker *self,
                  GtkListBoxRow   *row)
{
  gloss_code_picker_choose_row (self, row);
}

static void
move_selection (GlossCodePicker *self,
                int              direction)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;
  GtkListBoxRow *row;

  for (int i = index + direction; i >= 0; i += direction)
    {
      row = gtk_list_box_get_row_at_index (self->list, i);
      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        {
          gtk_list_box_select_row (self->list, row);
          gtk_widget_grab_focus (GTK_WIDGET (self->entry));
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self->entry));
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GlossCodePicker       *self)
{
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Class */

static void
gloss_code_picker_dispose (GObject *object)
{
  GlossCodePicker *self = (GlossCodePicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODE_PICKER);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (gloss_code_picker_parent_class)->dispose (object);
}

static void
gloss_code_picker_finalize (GObject *object)
{
  GlossCodePicker *self = (GlossCodePicker *)object;

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gloss_code_picker_parent_class)->finalize (object);
}

static void
gloss_code_picker_class_init (GlossCodePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_code_picker_dispose;
  object_class->finalize = gloss_code_picker_finalize;

  signals[CODE_CHOSEN] =
    g_signal_new ("code-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CREATE_CODE] =
    g_signal_new ("create-code",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-code-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCodePicker, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossCodePicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
gloss_code_picker_init (GlossCodePicker *self)
{
  GtkEventController *keys;
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_list_box_set_sort_func (self->list, sort_func, self, NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  self->create_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->create_label, 0);
  gtk_label_set_ellipsize (self->create_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->create_label));
  self->create_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->create_row), box);
  gtk_list_box_append (self->list, self->create_row);

  /* Up and Down move through the list while typing goes on in the entry. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

GtkWidget *
gloss_code_picker_new (void)
{
  return g_object_new (GLOSS_TYPE_CODE_PICKER, NULL);
}

void
gloss_code_picker_set_project (GlossCodePicker *self,
                               GlossProject    *project)
{
  g_return_if_fail (GLOSS_IS_CODE_PICKER (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (g_set_object (&self->project, project))
    gloss_code_picker_reload (self);
}

void
gloss_code_picker_reload (GlossCodePicker *self)
{
  g_autoptr(GPtrArray) codes = NULL;
  GtkWidget *child;

  g_return_if_fail (GLOSS_IS_CODE_PICKER (self));

  child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child) && child != self->create_row)
        gtk_list_box_remove (self->list, child);
      child = next;
    }

  if (self->project != NULL)
    {
      g_autoptr(GError) error = NULL;

      codes = gloss_project_list_codes (self->project, &error);
      if (codes == NULL)
        g_warning ("Could not list the codes: %s", error->message);
    }

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    gtk_list_box_append (self->list, make_code_row (g_ptr_array_index (codes, i), i));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gloss_code_picker_refilter (self);
}

GtkEditable *
gloss_code_picker_get_entry (GlossCodePicker *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE_PICKER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

guint
gloss_code_picker_get_n_visible (GlossCodePicker *self)
{
  GtkListBoxRow *row;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_CODE_PICKER (self), 0);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      n++;

  return n;
}

gboolean
gloss_code_picker_activate (GlossCodePicker *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_CODE_PICKER (self), FALSE);

  /* "search-changed" is delayed: take what is typed now. */
  {
    g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
    g_autofree char *folded = g_utf8_casefold (typed, -1);

    if (g_strcmp0 (folded, self->needle) != 0)
      gloss_code_picker_refilter (self);
  }

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    return FALSE;

  gloss_code_picker_choose_row (self, row);
  return TRUE;
}
