/* gloss-code-dialogs.c: the dialogs of the codebook's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-code-dialogs.h"

static GtkWidget *
message_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    const char *body,
                    const char *accept_label,
                    AdwResponseAppearance appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    GLOSS_CODE_DIALOG_ACCEPT, accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              GLOSS_CODE_DIALOG_ACCEPT, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE
                                           ? "cancel" : GLOSS_CODE_DIALOG_ACCEPT);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  return dialog;
}

/* Name ---------------------------------------------------------------------- */

static void
on_name_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, GLOSS_CODE_DIALOG_ACCEPT, text[0] != '\0');
}

GtkWidget *
gloss_code_name_dialog_new (GtkWindow  *parent,
                            const char *heading,
                            const char *body,
                            const char *text,
                            const char *accept_label)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = message_dialog_new (parent, heading, body, accept_label, ADW_RESPONSE_SUGGESTED);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Code name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Code name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed), dialog, 0);
  on_name_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  /* Focus and select the name once shown. */
  gtk_window_set_focus (GTK_WINDOW (dialog), entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);

  return dialog;
}

GtkEditable *
gloss_code_name_dialog_get_entry (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
}

char *
gloss_code_name_dialog_dup_text (AdwMessageDialog *dialog)
{
  GtkEditable *entry = gloss_code_name_dialog_get_entry (dialog);

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

/* Description ---------------------------------------------------------------- */

static const char *
description_template (void)
{
  /* Translators: the outline offered for a code without a description; keep
   * the line breaks */
  return _("Definition: \n\nWhen to use: \n\nWhen not to use: ");
}

GtkWidget *
gloss_code_description_dialog_new (GtkWindow *parent,
                                   GlossCode *code)
{
  g_autofree char *heading = NULL;
  const char *description;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_val_if_fail (GLOSS_IS_CODE (code), NULL);

  /* Translators: %s is the name of a code */
  heading = g_strdup_printf (_("Describe “%s”"), gloss_code_get_name (code));
  dialog = message_dialog_new (parent, heading,
                               _("Define the code, and say when to use it and when not to"),
                               _("_Save"), ADW_RESPONSE_SUGGESTED);
  /* Enter makes a new line here. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), NULL);

  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"),
                                  -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  description = gloss_code_get_description (code);
  gtk_text_buffer_set_text (buffer,
                            description != NULL && description[0] != '\0'
                            ? description : description_template (),
                            -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_widget_add_css_class (scrolled, "card");
  g_object_set_data (G_OBJECT (dialog), "gloss-text-view", text_view);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  gtk_window_set_focus (GTK_WINDOW (dialog), text_view);

  return dialog;
}

GtkTextBuffer *
gloss_code_description_dialog_get_buffer (AdwMessageDialog *dialog)
{
  GtkTextView *text_view;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  text_view = g_object_get_data (G_OBJECT (dialog), "gloss-text-view");
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), NULL);

  return gtk_text_view_get_buffer (text_view);
}

char *
gloss_code_description_dialog_dup_text (AdwMessageDialog *dialog)
{
  GtkTextBuffer *buffer = gloss_code_description_dialog_get_buffer (dialog);
  g_autofree char *text = NULL;
  g_autofree char *template = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* Only the outline, untouched (but for spaces): no description. */
  template = g_strstrip (g_strdup (description_template ()));
  g_strstrip (text);
  if (g_strcmp0 (text, template) == 0)
    return g_strdup ("");

  return g_steal_pointer (&text);
}

/* Colour ---------------------------------------------------------------------- */

GtkWidget *
gloss_code_colour_dialog_new (GtkWindow *parent,
                              GlossCode *code)
{
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GdkRGBA rgba;

  g_return_val_if_fail (GLOSS_IS_CODE (code), NULL);

  /* Translators: %s is the name of a code */
  title = g_strdup_printf (_("Colour of “%s”"), gloss_code_get_name (code));
  dialog = gtk_color_chooser_dialog_new (title, parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (gdk_rgba_parse (&rgba, gloss_code_get_colour (code)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);

  return dialog;
}

char *
gloss_code_colour_dialog_dup_colour (GtkColorChooser *chooser)
{
  GdkRGBA rgba;

  g_return_val_if_fail (GTK_IS_COLOR_CHOOSER (chooser), NULL);

  gtk_color_chooser_get_rgba (chooser, &rgba);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (rgba.red * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.green * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.blue * 255.0 + 0.5, 0, 255));
}

/* Merge ------------------------------------------------------------------------ */

typedef struct
{
  GtkListBox  *list;
  GtkEditable *search;
} MergeWidgets;

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA *rgba = data;

  cairo_rectangle (cr, 0.5, 0.5, width - 1.0, height - 1.0);
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static GtkWidget *
merge_row_new (GlossCode *code)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (gloss_code_get_name (code));
  GdkRGBA *rgba = g_new0 (GdkRGBA, 1);
  const char *path = gloss_code_get_path (code);
  const char *slash = strrchr (path, '/');

  if (!gdk_rgba_parse (rgba, gloss_code_get_colour (code)))
    gdk_rgba_parse (rgba, "#9a9996");

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, rgba, g_free);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), name);
  if (slash != NULL)
    {
      g_autofree char *parent = g_strndup (path, slash - path);
      GtkWidget *where = gtk_label_new (parent);

      gtk_label_set_xalign (GTK_LABEL (where), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (where, "dim-label");
      gtk_widget_add_css_class (where, "caption");
      gtk_box_append (GTK_BOX (labels), where);
    }
  gtk_box_append (GTK_BOX (box), labels);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "gloss-code", g_object_ref (code), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "gloss-key",
                          g_utf8_casefold (path, -1), g_free);

  return row;
}

static gboolean
merge_filter (GtkListBoxRow *row,
              gpointer       data)
{
  MergeWidgets *widgets = data;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (widgets->search), -1);
  const char *key = g_object_get_data (G_OBJECT (row), "gloss-key");

  return needle[0] == '\0' || (key != NULL && strstr (key, needle) != NULL);
}

static void
on_merge_search_changed (GtkEditable  *search,
                         MergeWidgets *widgets)
{
  gtk_list_box_invalidate_filter (widgets->list);
}

static void
on_merge_selected (GtkListBox    *list,
                   GtkListBoxRow *row,
                   gpointer       data)
{
  /* Not while the dialog is taken apart (the list is then unparented). */
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);

  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                             GLOSS_CODE_DIALOG_ACCEPT, row != NULL);
}

static void
on_merge_activated (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    AdwMessageDialog *dialog)
{
  gtk_list_box_select_row (list, row);
  adw_message_dialog_response (dialog, GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_merge_search_activate (GtkSearchEntry   *search,
                          AdwMessageDialog *dialog)
{
  MergeWidgets *widgets = g_object_get_data (G_OBJECT (dialog), "gloss-merge");

  /* Enter in the search picks the first code shown. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (widgets->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        {
          gtk_list_box_select_row (widgets->list, GTK_LIST_BOX_ROW (child));
          gtk_widget_grab_focus (child);
          return;
        }
    }
}

GtkWidget *
gloss_code_merge_dialog_new (GtkWindow *parent,
                             GlossCode *code,
                             GPtrArray *codes)
{
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  MergeWidgets *widgets;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *search;
  GtkWidget *scrolled;
  GtkWidget *list;
  gint64 *key;

  g_return_val_if_fail (GLOSS_IS_CODE (code), NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  /* Translators: %s is the name of a code */
  heading = g_strdup_printf (_("Merge “%s” Into…"), gloss_code_get_name (code));
  body = g_strdup_printf (_("Its codings move to the code you choose, where duplicates collapse, "
                            "and “%s” is removed."),
                          gloss_code_get_name (code));
  dialog = message_dialog_new (parent, heading, body, _("_Merge"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT, FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Find a code"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a code"),
                                  -1);
  gtk_box_append (GTK_BOX (box), search);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Codes"),
                                  -1);

  key = g_new (gint64, 1);
  *key = gloss_code_get_id (code);
  g_hash_table_add (excluded, key);
  for (guint i = 0; i < codes->len; i++)
    {
      GlossCode *other = g_ptr_array_index (codes, i);
      gint64 id = gloss_code_get_id (other);
      gint64 parent_id = gloss_code_get_parent_id (other);

      /* Depth first: a parent comes before its sub-codes. */
      if (parent_id != 0 && g_hash_table_contains (excluded, &parent_id))
        {
          key = g_new (gint64, 1);
          *key = id;
          g_hash_table_add (excluded, key);
        }
      if (g_hash_table_contains (excluded, &id))
        continue;

      gtk_list_box_append (GTK_LIST_BOX (list), merge_row_new (other));
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  widgets = g_new0 (MergeWidgets, 1);
  widgets->list = GTK_LIST_BOX (list);
  widgets->search = GTK_EDITABLE (search);
  g_object_set_data_full (G_OBJECT (dialog), "gloss-merge", widgets, g_free);

  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), merge_filter, widgets, NULL);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_merge_search_changed), widgets);
  g_signal_connect_object (search, "activate", G_CALLBACK (on_merge_search_activate), dialog, 0);
  g_signal_connect (list, "row-selected", G_CALLBACK (on_merge_selected), NULL);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_merge_activated), dialog, 0);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  gtk_window_set_focus (GTK_WINDOW (dialog), search);

  return dialog;
}

GtkEditable *
gloss_code_merge_dialog_get_search_entry (AdwMessageDialog *dialog)
{
  MergeWidgets *widgets = g_object_get_data (G_OBJECT (dialog), "gloss-merge");

  g_return_val_if_fail (widgets != NULL, NULL);

  return widgets->search;
}

gboolean
gloss_code_merge_dialog_select (AdwMessageDialog *dialog,
                                gint64            code_id)
{
  MergeWidgets *widgets = g_object_get_data (G_OBJECT (dialog), "gloss-merge");

  g_return_val_if_fail (widgets != NULL, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (widgets->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossCode *code = g_object_get_data (G_OBJECT (child), "gloss-code");

      if (code != NULL && gloss_code_get_id (code) == code_id)
        {
          gtk_list_box_select_row (widgets->list, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }

  return FALSE;
}

gint64
gloss_code_merge_dialog_get_target (AdwMessageDialog *dialog)
{
  MergeWidgets *widgets = g_object_get_data (G_OBJECT (dialog), "gloss-merge");
  GtkListBoxRow *row;
  GlossCode *code;

  g_return_val_if_fail (widgets != NULL, 0);

  row = gtk_list_box_get_selected_row (widgets->list);
  if (row == NULL)
    return 0;

  code = g_object_get_data (G_OBJECT (row), "gloss-code");
  return code != NULL ? gloss_code_get_id (code) : 0;
}

/* Delete ----------------------------------------------------------------------- */

GtkWidget *
gloss_code_delete_dialog_new (GtkWindow *parent,
                              GlossCode *code,
                              guint      n_codings,
                              gboolean   has_subcodes)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (GLOSS_IS_CODE (code), NULL);

  /* Translators: %s is the name of a code */
  heading = g_strdup_printf (_("Delete “%s”?"), gloss_code_get_name (code));
  if (n_codings == 0)
    body = g_strdup (has_subcodes
                     ? _("It has no codings; its sub-codes go with it.")
                     : _("It has no codings."));
  else if (has_subcodes)
    body = g_strdup_printf (ngettext ("Its %u coding and its sub-codes go with it.",
                                      "Its %u codings and its sub-codes go with it.",
                                      n_codings),
                            n_codings);
  else
    body = g_strdup_printf (ngettext ("Its %u coding goes with it.",
                                      "Its %u codings go with it.",
                                      n_codings),
                            n_codings);

  return message_dialog_new (parent, heading, body, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
}
