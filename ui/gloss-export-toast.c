/* gloss-export-toast.c: the toast that follows an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-export-toast.h"

static void
on_open_folder (AdwToast  *toast,
                GtkWidget *widget)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "folder-uri");
  GtkRoot *root = gtk_widget_get_root (widget);

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

void
gloss_export_toast_show (GtkWidget    *widget,
                         GFile        *file,
                         const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (basename != NULL ? basename : "", -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (error != NULL)
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      /* Translators: a toast: file name, error message */
      title = g_strdup_printf (_("Could not export “%s”: %s"), escaped, message);
    }
  else
    /* Translators: a toast, with the file's name */
    title = g_strdup_printf (_("Exported “%s”"), escaped);

  if (overlay == NULL)
    {
      g_debug ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (error == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        {
          adw_toast_set_button_label (toast, _("Open Folder"));
          g_object_set_data_full (G_OBJECT (toast), "folder-uri", g_file_get_uri (folder), g_free);
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_folder), widget, 0);
        }
    }
  else
    adw_toast_set_timeout (toast, 0);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

GFile *
gloss_export_file_with_suffix (GFile      *file,
                               const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *with_suffix = NULL;

  if (basename == NULL || parent == NULL || g_str_has_suffix (basename, suffix))
    return g_object_ref (file);

  with_suffix = g_strconcat (basename, suffix, NULL);
  return g_file_get_child (parent, with_suffix);
}
