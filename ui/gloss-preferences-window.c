/* gloss-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-preferences-window.h"

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  AdwEntryRow          *coder_row;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const style_variants[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    {
      if (g_strcmp0 (style, style_variants[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (style_variants))
    i = 0;

  return g_variant_new_string (style_variants[i]);
}

/* Applied with the row's button or Enter, not at each keystroke: every
 * name set becomes a coder in the open project. */
static void
on_coder_name_apply (GlossPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->coder_row))));
  g_autofree char *stored = g_settings_get_string (self->settings, "coder-name");

  if (name[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->coder_row));
      return;
    }

  if (g_strcmp0 (name, stored) != 0)
    g_settings_set_string (self->settings, "coder-name", name);
}

static void
on_settings_coder_name_changed (GlossPreferencesWindow *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, "coder-name");
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->coder_row))));

  /* Switched from the header bar while this window is open. */
  if (stored[0] != '\0' && g_strcmp0 (stored, shown) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->coder_row), stored);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, coder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_coder_name_apply);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  g_autofree char *coder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping,
                                NULL, NULL);

  coder = g_settings_get_string (self->settings, "coder-name");
  gtk_editable_set_text (GTK_EDITABLE (self->coder_row),
                         coder[0] != '\0' ? coder : g_get_real_name ());
  g_signal_connect_object (self->settings, "changed::coder-name",
                           G_CALLBACK (on_settings_coder_name_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gloss_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
