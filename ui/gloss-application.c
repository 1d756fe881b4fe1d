/* gloss-application.c: the Gloss application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"

/* Made by glib-compile-resources (ui/meson.build). */
extern GResource *gloss_get_resource (void);

struct _GlossApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        asked_coder;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static void
gloss_application_ensure_resources (void)
{
  /* ui/ is a static library: the generated constructor that registers the
   * resources may have been dropped by the linker. */
  if (!g_resources_get_info (RESOURCE_PREFIX "/gloss-window.ui",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_resources_register (gloss_get_resource ());
}

static void
gloss_application_apply_style (GlossApplication *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (variant, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (variant, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static GlossWindow *
gloss_application_get_window (GlossApplication *self,
                              gboolean          without_project)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!GLOSS_IS_WINDOW (l->data))
        continue;
      if (!without_project || gloss_window_get_project (l->data) == NULL)
        return l->data;
    }

  return NULL;
}

/* On first start, before anything is coded, ask the researcher's name. */
static void
gloss_application_maybe_ask_coder (GlossApplication *self,
                                   GlossWindow      *window)
{
  g_autofree char *coder = NULL;

  if (self->asked_coder)
    return;
  self->asked_coder = TRUE;

  coder = g_settings_get_string (self->settings, "coder-name");
  g_strstrip (coder);
  if (coder[0] == '\0')
    gloss_window_ask_coder (window, TRUE);
}

static void
gloss_application_activate (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GlossWindow *window = gloss_application_get_window (self, FALSE);

  if (window == NULL)
    window = gloss_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  gloss_application_maybe_ask_coder (self, window);
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  g_autoptr(GListStore) reports = g_list_store_new (G_TYPE_FILE);
  GlossWindow *window;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *basename = g_file_get_basename (files[i]);

      if (basename != NULL && g_str_has_suffix (basename, ".gloss"))
        {
          window = gloss_application_get_window (self, TRUE);
          if (window == NULL)
            window = gloss_window_new (self);
          gtk_window_present (GTK_WINDOW (window));
          gloss_application_maybe_ask_coder (self, window);
          gloss_window_open_project (window, files[i]);
        }
      else
        {
          g_list_store_append (reports, files[i]);
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (reports)) == 0)
    return;

  /* Reports (PDF, text) go into the project open in the active window. */
  window = GLOSS_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)))
    ? GLOSS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)))
    : gloss_application_get_window (self, FALSE);
  if (window == NULL)
    window = gloss_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  gloss_application_maybe_ask_coder (self, window);

  if (gloss_window_get_project (window) != NULL)
    gloss_window_import_files (window, G_LIST_MODEL (reports));
  else
    gloss_window_add_toast (window, _("Create or open a project first, then import the reports into it"));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GlossApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GlossApplication *self = user_data;
  static const char *developers[] = { "The Gloss developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "Gloss",
                        "application-icon", APP_ID,
                        "developer-name", _("The Gloss developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/glossqda/gloss",
                        "issue-url", "https://github.com/glossqda/gloss/issues",
                        "comments", _("Code inspection reports and other documents for qualitative research: "
                                      "select a passage, tag it with themes from a codebook, and compare "
                                      "codings across reports and coders."),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2025 The Gloss developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (gloss_preferences_window_new (window)));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GlossApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (gloss_window_new (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "new-window", new_window_action },
};

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open-project", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.close-project", { "<Control>w", NULL } },
    { "win.filter", { "<Control>f", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "win.go-to-page", { "<Control>l", "<Control>g", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.coded-segments", { "<Control><Shift>s", NULL } },
    { "win.show-documents", { "<Control><Shift>d", NULL } },
    { "win.show-tables", { "<Control><Shift>t", NULL } },
    { "win.show-agreement", { "<Control><Shift>a", NULL } },
    { "win.show-codebook", { "F9", NULL } },
  };

  gloss_application_ensure_resources ();

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (gloss_application_apply_style), self, G_CONNECT_SWAPPED);
  gloss_application_apply_style (self);
}

static void
gloss_application_finalize (GObject *object)
{
  GlossApplication *self = (GlossApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_application_parent_class)->finalize (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gloss_application_finalize;
  app_class->startup = gloss_application_startup;
  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
}

static void
gloss_application_init (GlossApplication *self)
{
  gloss_application_ensure_resources ();
  self->settings = g_settings_new (APP_ID);
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->settings;
}
