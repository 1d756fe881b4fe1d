/* gloss-coder-button.c: the current coder in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-coder-button.h"

struct _GlossCoderButton
{
  GtkWidget             parent_instance;

  GlossProject         *project;
  char                 *coder;
  GlossCoderVisibility  visibility;
  GHashTable           *hidden;          /* names unticked in "Chosen Coders" */
  GPtrArray            *names;           /* the project's coders */
  gboolean              updating;
  gboolean              blind;
  GSettings            *settings;

  GtkMenuButton        *menu_button;
  GtkLabel             *name_label;
  GtkPopover           *popover;
  GtkListBox           *coders_list;
  GtkCheckButton       *all_check;
  GtkCheckButton       *mine_check;
  GtkCheckButton       *chosen_check;
  GtkBox               *chosen_box;
  GtkCheckButton       *blind_check;
  GtkCheckButton       *outline_check;
};

G_DEFINE_FINAL_TYPE (GlossCoderButton, gloss_coder_button, GTK_TYPE_WIDGET)

enum {
  SWITCH_CODER,
  NEW_CODER,
  VISIBILITY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BLIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_coder_button_update_label (GlossCoderButton *self)
{
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->name_label, self->coder ? self->coder : "");
  /* Translators: tooltip of the header bar button with the coder's name */
  tooltip = g_strdup_printf (_("Coding as %s"), self->coder ? self->coder : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
on_chosen_toggled (GlossCoderButton *self,
                   GtkCheckButton   *check)
{
  const char *name = g_object_get_data (G_OBJECT (check), "coder-name");

  if (self->updating)
    return;

  /* Keep the check buttons: this one is toggling. */
  self->updating = TRUE;
  gloss_coder_button_set_coder_shown (self, name, gtk_check_button_get_active (check));
  self->updating = FALSE;
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
gloss_coder_button_rebuild (GlossCoderButton *self)
{
  gboolean have_current = FALSE;

  self->updating = TRUE;

  remove_children (GTK_WIDGET (self->coders_list));
  remove_children (GTK_WIDGET (self->chosen_box));

  for (guint i = 0; self->names != NULL && i <= self->names->len; i++)
    {
      const char *name;
      GtkWidget *row, *box, *label, *check_image, *check;

      if (i < self->names->len)
        name = g_ptr_array_index (self->names, i);
      else if (!have_current && self->coder != NULL && self->coder[0] != '\0')
        name = self->coder;   /* not stored in the project yet */
      else
        break;

      if (g_strcmp0 (name, self->coder) == 0)
        have_current = TRUE;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      check_image = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_opacity (check_image, g_strcmp0 (name, self->coder) == 0 ? 1.0 : 0.0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check_image);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "coder-name", g_strdup (name), g_free);
      gtk_list_box_append (self->coders_list, row);

      check = gtk_check_button_new_with_label (name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !g_hash_table_contains (self->hidden, name));
      g_object_set_data_full (G_OBJECT (check), "coder-name", g_strdup (name), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_chosen_toggled),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (self->chosen_box, check);
    }

  gtk_check_button_set_active (self->all_check, self->visibility == GLOSS_CODER_VISIBILITY_ALL);
  gtk_check_button_set_active (self->mine_check, self->visibility == GLOSS_CODER_VISIBILITY_MINE);
  gtk_check_button_set_active (self->chosen_check, self->visibility == GLOSS_CODER_VISIBILITY_CHOSEN);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chosen_box),
                            !self->blind && self->visibility == GLOSS_CODER_VISIBILITY_CHOSEN);
  /* Blind coding shows only mine, whatever is chosen here. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_check), !self->blind);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_check), !self->blind);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chosen_check), !self->blind);
  gtk_check_button_set_active (self->blind_check, self->blind);

  self->updating = FALSE;
}

void
gloss_coder_button_refresh (GlossCoderButton *self)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  g_clear_pointer (&self->names, g_ptr_array_unref);
  if (self->project != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->names = gloss_project_list_coder_names (self->project, NULL, &error);
      if (self->names == NULL)
        g_warning ("Could not list the coders: %s", error->message);
    }
  if (self->names == NULL)
    self->names = g_ptr_array_new_with_free_func (g_free);

  gloss_coder_button_rebuild (self);
}

static void
on_popover_show (GlossCoderButton *self)
{
  gloss_coder_button_refresh (self);
}

static void
on_coder_row_activated (GlossCoderButton *self,
                        GtkListBoxRow    *row)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (row), "coder-name"));

  gtk_popover_popdown (self->popover);
  if (name != NULL && g_strcmp0 (name, self->coder) != 0)
    g_signal_emit (self, signals[SWITCH_CODER], 0, name);
}

static void
on_new_coder_clicked (GlossCoderButton *self)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[NEW_CODER], 0);
}

static void
on_visibility_toggled (GlossCoderButton *self,
                       GtkCheckButton   *check)
{
  GlossCoderVisibility visibility;

  if (self->updating || !gtk_check_button_get_active (check))
    return;

  if (check == self->mine_check)
    visibility = GLOSS_CODER_VISIBILITY_MINE;
  else if (check == self->chosen_check)
    visibility = GLOSS_CODER_VISIBILITY_CHOSEN;
  else
    visibility = GLOSS_CODER_VISIBILITY_ALL;

  gloss_coder_button_set_visibility (self, visibility);
}

static void
on_outline_toggled (GlossCoderButton *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}

static void
on_blind_toggled (GlossCoderButton *self)
{
  if (!self->updating)
    gloss_coder_button_set_blind (self, gtk_check_button_get_active (self->blind_check));
}

static void
gloss_coder_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossCoderButton *self = GLOSS_CODER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_coder_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossCoderButton *self = GLOSS_CODER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      gloss_coder_button_set_blind (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_coder_button_dispose (GObject *object)
{
  GlossCoderButton *self = (GlossCoderButton *)object;

  if (self->settings != NULL)
    g_settings_unbind (self, "blind");
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODER_BUTTON);
  g_clear_object (&self->project);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_coder_button_parent_class)->dispose (object);
}

static void
gloss_coder_button_finalize (GObject *object)
{
  GlossCoderButton *self = (GlossCoderButton *)object;

  g_clear_pointer (&self->coder, g_free);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_coder_button_parent_class)->finalize (object);
}

static void
gloss_coder_button_class_init (GlossCoderButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_coder_button_dispose;
  object_class->finalize = gloss_coder_button_finalize;
  object_class->get_property = gloss_coder_button_get_property;
  object_class->set_property = gloss_coder_button_set_property;

  properties[PROP_BLIND] =
    g_param_spec_boolean ("blind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SWITCH_CODER] =
    g_signal_new ("switch-coder",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NEW_CODER] =
    g_signal_new ("new-coder",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[VISIBILITY_CHANGED] =
    g_signal_new ("visibility-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gloss-coder-button");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-coder-button.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, name_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, popover);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, coders_list);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, all_check);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, mine_check);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, chosen_check);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, chosen_box);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, blind_check);
  gtk_widget_class_bind_template_child (widget_class, GlossCoderButton, outline_check);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_coder_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_new_coder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_visibility_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_toggled);
}

static void
gloss_coder_button_init (GlossCoderButton *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->visibility = GLOSS_CODER_VISIBILITY_ALL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_coder_button_update_label (self);
  g_signal_connect_object (self->blind_check, "toggled", G_CALLBACK (on_blind_toggled),
                           self, G_CONNECT_SWAPPED);

  /* Blind coding is the user's, kept across windows and sessions. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "blind-mode"))
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "blind-mode", self, "blind", G_SETTINGS_BIND_DEFAULT);
    }
}

GtkWidget *
gloss_coder_button_new (void)
{
  return g_object_new (GLOSS_TYPE_CODER_BUTTON, NULL);
}

void
gloss_coder_button_set_project (GlossCoderButton *self,
                                GlossProject     *project)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  /* The coders left out of the chosen set stay left out in another
   * project: the same team codes several projects. */
  gloss_coder_button_refresh (self);
}

void
gloss_coder_button_set_coder (GlossCoderButton *self,
                              const char       *name)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  if (g_strcmp0 (self->coder, name) == 0)
    return;

  g_free (self->coder);
  self->coder = g_strdup (name);
  gloss_coder_button_update_label (self);
  gloss_coder_button_refresh (self);

  if (gloss_coder_button_get_effective_visibility (self) == GLOSS_CODER_VISIBILITY_MINE)
    g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}

const char *
gloss_coder_button_get_coder (GlossCoderButton *self)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), NULL);

  return self->coder;
}

GlossCoderVisibility
gloss_coder_button_get_visibility (GlossCoderButton *self)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), GLOSS_CODER_VISIBILITY_ALL);

  return self->visibility;
}

void
gloss_coder_button_set_visibility (GlossCoderButton     *self,
                                   GlossCoderVisibility  visibility)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));
  g_return_if_fail (visibility <= GLOSS_CODER_VISIBILITY_CHOSEN);

  if (self->visibility == visibility)
    return;

  self->visibility = visibility;
  gloss_coder_button_rebuild (self);
  g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}

gboolean
gloss_coder_button_get_coder_shown (GlossCoderButton *self,
                                    const char       *name)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), FALSE);

  return name != NULL && !g_hash_table_contains (self->hidden, name);
}

void
gloss_coder_button_set_coder_shown (GlossCoderButton *self,
                                    const char       *name,
                                    gboolean          shown)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));
  g_return_if_fail (name != NULL);

  if (gloss_coder_button_get_coder_shown (self, name) == !!shown)
    return;

  if (shown)
    g_hash_table_remove (self->hidden, name);
  else
    g_hash_table_add (self->hidden, g_strdup (name));

  if (!self->updating)
    gloss_coder_button_rebuild (self);

  if (self->visibility == GLOSS_CODER_VISIBILITY_CHOSEN)
    g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}

gboolean
gloss_coder_button_shows_coder (GlossCoderButton *self,
                                const char       *name)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), FALSE);

  switch (gloss_coder_button_get_effective_visibility (self))
    {
    case GLOSS_CODER_VISIBILITY_MINE:
      return g_strcmp0 (name, self->coder) == 0;
    case GLOSS_CODER_VISIBILITY_CHOSEN:
      return gloss_coder_button_get_coder_shown (self, name);
    case GLOSS_CODER_VISIBILITY_ALL:
    default:
      return TRUE;
    }
}

void
gloss_coder_button_popup (GlossCoderButton *self)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  gtk_menu_button_popup (self->menu_button);
}

void
gloss_coder_button_popdown (GlossCoderButton *self)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  gtk_menu_button_popdown (self->menu_button);
}

gboolean
gloss_coder_button_get_outline_mine (GlossCoderButton *self)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), FALSE);

  return gtk_check_button_get_active (self->outline_check);
}

void
gloss_coder_button_set_outline_mine (GlossCoderButton *self,
                                     gboolean          outline)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  gtk_check_button_set_active (self->outline_check, outline);
}

/**
 * gloss_coder_button_dup_hidden_coders:
 *
 * Returns: (transfer full): the names left out of the chosen set, sorted
 */
GStrv
gloss_coder_button_dup_hidden_coders (GlossCoderButton *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), NULL);

  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

void
gloss_coder_button_set_hidden_coders (GlossCoderButton   *self,
                                      const char * const *names)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  g_hash_table_remove_all (self->hidden);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_hash_table_add (self->hidden, g_strdup (names[i]));

  if (!self->updating)
    gloss_coder_button_rebuild (self);

  if (self->visibility == GLOSS_CODER_VISIBILITY_CHOSEN)
    g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}

GlossCoderVisibility
gloss_coder_button_get_effective_visibility (GlossCoderButton *self)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), GLOSS_CODER_VISIBILITY_ALL);

  return self->blind ? GLOSS_CODER_VISIBILITY_MINE : self->visibility;
}

gboolean
gloss_coder_button_get_blind (GlossCoderButton *self)
{
  g_return_val_if_fail (GLOSS_IS_CODER_BUTTON (self), FALSE);

  return self->blind;
}

/**
 * gloss_coder_button_set_blind:
 *
 * Blind coding: only the current coder's codings show.  Emits
 * "visibility-changed" when it changes.
 */
void
gloss_coder_button_set_blind (GlossCoderButton *self,
                              gboolean          blind)
{
  g_return_if_fail (GLOSS_IS_CODER_BUTTON (self));

  blind = !!blind;
  if (self->blind == blind)
    return;

  self->blind = blind;
  gloss_coder_button_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLIND]);
  g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}
