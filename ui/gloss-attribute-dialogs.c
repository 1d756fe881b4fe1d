/* gloss-attribute-dialogs.c: the small dialogs of the attribute actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-attribute-dialogs.h"
#include "gloss-error.h"

/* At most this many unmatched rows are listed one by one. */
#define MAX_LISTED_ROWS 500
/* More rows than this scroll. */
#define MAX_UNSCROLLED_ROWS 8

static GtkWidget *
message_dialog_new (GtkWindow             *parent,
                    const char            *heading,
                    const char            *body,
                    const char            *accept_label,
                    AdwResponseAppearance  appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    GLOSS_ATTRIBUTE_DIALOG_ACCEPT, accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              GLOSS_ATTRIBUTE_DIALOG_ACCEPT, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE
                                           ? "cancel" : GLOSS_ATTRIBUTE_DIALOG_ACCEPT);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  return dialog;
}

static void
set_target (GtkWidget            *dialog,
            GlossProject         *project,
            const GlossAttribute *attribute)
{
  g_object_set_data_full (G_OBJECT (dialog), "gloss-project", g_object_ref (project), g_object_unref);
  if (attribute != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "gloss-attribute", gloss_attribute_copy (attribute),
                            (GDestroyNotify) gloss_attribute_free);
}

static GlossProject *
get_project (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "gloss-project");
}

static GlossAttribute *
get_attribute (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "gloss-attribute");
}

/* Names ---------------------------------------------------------------------- */

/* Whether name is free for an attribute (other than except_id), and else
 * why not.  Names are compared ignoring ASCII case, as the project does. */
static gboolean
check_name (GlossProject  *project,
            const char    *text,
            gint64         except_id,
            char         **why)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) attributes = NULL;

  *why = NULL;
  if (*name == '\0')
    return FALSE;

  attributes = gloss_project_list_attributes (project, NULL);
  for (guint i = 0; attributes != NULL && i < attributes->len; i++)
    {
      GlossAttribute *existing = g_ptr_array_index (attributes, i);

      if (existing->id != except_id && g_ascii_strcasecmp (existing->name, name) == 0)
        {
          *why = g_strdup_printf (_("There is already an attribute named “%s”"), existing->name);
          return FALSE;
        }
    }

  return TRUE;
}

static void
update_name_row (AdwMessageDialog *dialog,
                 GtkWidget        *row,
                 gint64            except_id)
{
  g_autofree char *why = NULL;
  gboolean ok = check_name (get_project (dialog), gtk_editable_get_text (GTK_EDITABLE (row)),
                            except_id, &why);

  adw_message_dialog_set_response_enabled (dialog, GLOSS_ATTRIBUTE_DIALOG_ACCEPT, ok);
  if (why != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, why);
}

static GtkWidget *
name_row_new (const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");

  return row;
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return list;
}

/* Values of a choice ------------------------------------------------------- */

static GtkWidget *
values_editor_new (const char * const  *choices,
                   GtkTextBuffer      **buffer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Values, one per line, in order"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  g_autofree char *text = choices != NULL ? g_strjoinv ("\n", (char **) choices) : NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 110);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (box), frame);

  *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  return box;
}

/* The lines of buffer (the engine drops blanks and repeats). */
static char **
buffer_lines (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strsplit (text, "\n", -1);
}

/* New attribute ------------------------------------------------------------- */

static void
on_new_name_changed (GtkEditable      *row,
                     AdwMessageDialog *dialog)
{
  update_name_row (dialog, GTK_WIDGET (row), 0);
}

static void
on_new_type_changed (AdwComboRow *type_row,
                     GParamSpec  *pspec,
                     GtkWidget   *values_box)
{
  gtk_widget_set_visible (values_box, adw_combo_row_get_selected (type_row) == GLOSS_ATTRIBUTE_CHOICE);
}

GtkWidget *
gloss_attribute_new_dialog_new (GtkWindow    *parent,
                                GlossProject *project)
{
  const char *types[] = {
    /* Translators: attribute types; the order is the engine's */
    N_("Text"), N_("Number"), N_("Date"), N_("Choice"), NULL
  };
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);
  GtkTextBuffer *buffer = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *type_row;
  GtkWidget *values_box;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  dialog = message_dialog_new (parent, _("New Attribute"),
                               _("An attribute describes each report: its local authority, "
                                 "a date, a judgement …"),
                               _("_Add"), ADW_RESPONSE_SUGGESTED);
  set_target (dialog, project, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = boxed_list_new ();
  name_row = name_row_new (NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);

  for (guint i = 0; types[i] != NULL; i++)
    gtk_string_list_append (type_names, _(types[i]));
  type_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type_row), _("Type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (type_row), G_LIST_MODEL (type_names));
  gtk_list_box_append (GTK_LIST_BOX (list), type_row);
  gtk_box_append (GTK_BOX (box), list);

  values_box = values_editor_new (NULL, &buffer);
  gtk_widget_set_visible (values_box, FALSE);
  gtk_box_append (GTK_BOX (box), values_box);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "gloss-name", name_row);
  g_object_set_data (G_OBJECT (dialog), "gloss-type", type_row);
  g_object_set_data (G_OBJECT (dialog), "gloss-values", buffer);

  g_signal_connect_object (name_row, "changed", G_CALLBACK (on_new_name_changed), dialog, 0);
  g_signal_connect_object (type_row, "notify::selected", G_CALLBACK (on_new_type_changed), values_box, 0);
  on_new_name_changed (GTK_EDITABLE (name_row), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), name_row);

  return dialog;
}

GtkEditable *
gloss_attribute_new_dialog_get_name (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "gloss-name");
}

AdwComboRow *
gloss_attribute_new_dialog_get_type_row (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "gloss-type");
}

GtkTextBuffer *
gloss_attribute_new_dialog_get_values (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "gloss-values");
}

/**
 * gloss_attribute_new_dialog_apply:
 *
 * Returns: (transfer full): the new attribute
 */
GlossAttribute *
gloss_attribute_new_dialog_apply (AdwMessageDialog  *dialog,
                                  GError           **error)
{
  GlossAttributeType type = adw_combo_row_get_selected (gloss_attribute_new_dialog_get_type_row (dialog));
  g_auto(GStrv) choices = NULL;

  g_return_val_if_fail (type <= GLOSS_ATTRIBUTE_CHOICE, NULL);

  if (type == GLOSS_ATTRIBUTE_CHOICE)
    choices = buffer_lines (gloss_attribute_new_dialog_get_values (dialog));

  return gloss_project_add_attribute (get_project (dialog),
                                      gtk_editable_get_text (gloss_attribute_new_dialog_get_name (dialog)),
                                      type, (const char * const *) choices, error);
}

/* Rename -------------------------------------------------------------------- */

static void
on_rename_changed (GtkEditable      *row,
                   AdwMessageDialog *dialog)
{
  update_name_row (dialog, GTK_WIDGET (row), get_attribute (dialog)->id);
}

GtkWidget *
gloss_attribute_rename_dialog_new (GtkWindow            *parent,
                                   GlossProject         *project,
                                   const GlossAttribute *attribute)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *row;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (attribute != NULL, NULL);

  heading = g_strdup_printf (_("Rename “%s”"), attribute->name);
  dialog = message_dialog_new (parent, heading, NULL, _("_Rename"), ADW_RESPONSE_SUGGESTED);
  set_target (dialog, project, attribute);

  list = boxed_list_new ();
  row = name_row_new (attribute->name);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "gloss-name", row);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_rename_changed), dialog, 0);
  on_rename_changed (GTK_EDITABLE (row), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), row);

  return dialog;
}

GtkEditable *
gloss_attribute_rename_dialog_get_name (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "gloss-name");
}

gboolean
gloss_attribute_rename_dialog_apply (AdwMessageDialog  *dialog,
                                     GError           **error)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  return gloss_project_rename_attribute (get_project (dialog), get_attribute (dialog)->id,
                                         gtk_editable_get_text (gloss_attribute_rename_dialog_get_name (dialog)),
                                         error);
}

/* Values of a choice ---------------------------------------------------------- */

GtkWidget *
gloss_attribute_choices_dialog_new (GtkWindow            *parent,
                                    GlossProject         *project,
                                    const GlossAttribute *attribute)
{
  g_autofree char *heading = NULL;
  GtkTextBuffer *buffer = NULL;
  GtkWidget *dialog;
  GtkWidget *editor;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (attribute != NULL && attribute->type == GLOSS_ATTRIBUTE_CHOICE, NULL);

  heading = g_strdup_printf (_("Values of “%s”"), attribute->name);
  dialog = message_dialog_new (parent, heading,
                               _("Their order is the order in which tables and sorting show them. "
                                 "A value that a report has cannot be left out."),
                               _("_Save"), ADW_RESPONSE_SUGGESTED);
  set_target (dialog, project, attribute);

  editor = values_editor_new ((const char * const *) attribute->choices, &buffer);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), editor);
  g_object_set_data (G_OBJECT (dialog), "gloss-values", buffer);

  return dialog;
}

GtkTextBuffer *
gloss_attribute_choices_dialog_get_values (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "gloss-values");
}

gboolean
gloss_attribute_choices_dialog_apply (AdwMessageDialog  *dialog,
                                      GError           **error)
{
  g_auto(GStrv) choices = NULL;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  choices = buffer_lines (gloss_attribute_choices_dialog_get_values (dialog));

  return gloss_project_set_attribute_choices (get_project (dialog), get_attribute (dialog)->id,
                                              (const char * const *) choices, error);
}

/* Delete -------------------------------------------------------------------- */

GtkWidget *
gloss_attribute_delete_dialog_new (GtkWindow            *parent,
                                   GlossProject         *project,
                                   const GlossAttribute *attribute,
                                   guint                 n_with_value)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (attribute != NULL, NULL);

  heading = g_strdup_printf (_("Delete “%s”?"), attribute->name);
  if (n_with_value == 0)
    body = g_strdup (_("No report has a value of it yet."));
  else
    body = g_strdup_printf (ngettext ("%u report has a value: it is removed with the attribute.",
                                      "%u reports have a value: they are removed with the attribute.",
                                      n_with_value),
                            n_with_value);
  dialog = message_dialog_new (parent, heading, body, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  set_target (dialog, project, attribute);

  return dialog;
}

gboolean
gloss_attribute_delete_dialog_apply (AdwMessageDialog  *dialog,
                                     GError           **error)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  return gloss_project_delete_attribute (get_project (dialog), get_attribute (dialog)->id, error);
}

/* Import results ------------------------------------------------------------ */

static GtkWidget *
notice_dialog_new (GtkWindow  *parent,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  return dialog;
}

/**
 * gloss_attribute_unmatched_dialog_new:
 * @unmatched: (element-type GlossUnmatchedRow)
 */
GtkWidget *
gloss_attribute_unmatched_dialog_new (GtkWindow *parent,
                                      GPtrArray *unmatched)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *frame;
  GtkWidget *scrolled;
  GtkWidget *label;
  guint n;

  g_return_val_if_fail (unmatched != NULL, NULL);

  n = unmatched->len;
  for (guint i = 0; i < n && i < MAX_LISTED_ROWS; i++)
    {
      GlossUnmatchedRow *row = g_ptr_array_index (unmatched, i);
      const char *name = row->document != NULL && *row->document != '\0' ? row->document : _("(empty)");

      if (i > 0)
        g_string_append_c (rows, '\n');
      /* Translators: a row of a CSV file that named no report */
      g_string_append_printf (rows, _("Line %u: %s"), row->line, name);
    }
  if (n > MAX_LISTED_ROWS)
    {
      g_string_append_c (rows, '\n');
      g_string_append_printf (rows, ngettext ("… and %u more row", "… and %u more rows",
                                              n - MAX_LISTED_ROWS),
                              n - MAX_LISTED_ROWS);
    }

  dialog = notice_dialog_new (parent,
                              ngettext ("A Row Named No Report", "Some Rows Named No Report", n),
                              ngettext ("This row of the file names no report of the project, by name, "
                                        "file name or GUID, and was left out.",
                                        "These rows of the file name no report of the project, by name, "
                                        "file name or GUID, and were left out.",
                                        n));

  label = gtk_label_new (rows->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  frame = gtk_frame_new (NULL);
  if (n > MAX_UNSCROLLED_ROWS)
    {
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_frame_set_child (GTK_FRAME (frame), scrolled);
    }
  else
    gtk_frame_set_child (GTK_FRAME (frame), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), frame);
  g_object_set_data (G_OBJECT (dialog), "gloss-rows", label);

  return dialog;
}

const char *
gloss_attribute_unmatched_dialog_get_rows (AdwMessageDialog *dialog)
{
  GtkWidget *label;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  label = g_object_get_data (G_OBJECT (dialog), "gloss-rows");

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

GtkWidget *
gloss_attribute_error_dialog_new (GtkWindow  *parent,
                                  const char *heading,
                                  const char *message)
{
  return notice_dialog_new (parent, heading, message);
}
