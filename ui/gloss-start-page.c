/* gloss-start-page.c: what the window shows when no project is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-start-page.h"

#define MAX_RECENT_SHOWN 8

struct _GlossStartPage
{
  GtkWidget   parent_instance;

  GSettings  *settings;
  guint       n_recent;

  /* template children */
  GtkWidget  *status_page;
  GtkWidget  *recent_box;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (GlossStartPage, gloss_start_page, GTK_TYPE_WIDGET)

static char *
display_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (home_len > 1 && g_str_has_prefix (dir, home) &&
      (dir[home_len] == '\0' || dir[home_len] == G_DIR_SEPARATOR))
    return g_strconcat ("~", dir + home_len, NULL);

  return g_steal_pointer (&dir);
}

static GtkWidget *
make_row (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *directory = display_directory (path);
  g_autofree char *title = NULL;
  GtkWidget *row;
  GtkWidget *arrow;

  if (g_str_has_suffix (basename, ".gloss"))
    basename[strlen (basename) - strlen (".gloss")] = '\0';
  title = g_markup_escape_text (basename, -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), directory);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  gtk_widget_set_tooltip_text (row, path);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
gloss_start_page_reload (GlossStartPage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  self->n_recent = 0;
  for (guint i = 0; recent[i] != NULL && self->n_recent < MAX_RECENT_SHOWN; i++)
    {
      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      gtk_list_box_append (self->recent_list, make_row (recent[i]));
      self->n_recent++;
    }

  gtk_widget_set_visible (self->recent_box, self->n_recent > 0);
}

static void
gloss_start_page_map (GtkWidget *widget)
{
  /* Files may have gone away since we last looked. */
  gloss_start_page_reload (GLOSS_START_PAGE (widget));

  GTK_WIDGET_CLASS (gloss_start_page_parent_class)->map (widget);
}

static void
gloss_start_page_dispose (GObject *object)
{
  GlossStartPage *self = (GlossStartPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_START_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_start_page_parent_class)->dispose (object);
}

static void
gloss_start_page_class_init (GlossStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_start_page_dispose;
  widget_class->map = gloss_start_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, GlossStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, GlossStartPage, recent_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "startpage");
}

static void
gloss_start_page_init (GlossStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (gloss_start_page_reload), self, G_CONNECT_SWAPPED);
  gloss_start_page_reload (self);
}

GtkWidget *
gloss_start_page_new (void)
{
  return g_object_new (GLOSS_TYPE_START_PAGE, NULL);
}

guint
gloss_start_page_get_n_recent (GlossStartPage *self)
{
  g_return_val_if_fail (GLOSS_IS_START_PAGE (self), 0);

  return self->n_recent;
}
