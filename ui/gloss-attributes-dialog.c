/* gloss-attributes-dialog.c: the attribute values of one or several
 * documents, edited together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-attributes-dialog.h"

/* At most this many names of reports in the subtitle. */
#define MAX_NAMES 6

/* One row of the form. */
typedef struct
{
  GlossAttributesDialog *dialog;
  GlossAttribute *attribute;
  GtkWidget      *row;           /* AdwEntryRow, or AdwComboRow for a choice */
  GtkWidget      *mixed_label;   /* entry rows whose documents differ */
  GtkWidget      *warning;       /* entry rows: shown while the text is invalid */
  GtkWidget      *calendar;      /* dates */
  GPtrArray      *items;         /* choices: the value of each item; NULL for "Mixed" */
  char           *initial;       /* the documents' common value ("" for none); NULL when mixed */
  guint           initial_item;  /* choices: the item first selected */
  gboolean        touched;       /* edited by the user */
  gboolean        invalid;
  gboolean        filling;       /* set by the dialog, not typed */
} Field;

struct _GlossAttributesDialog
{
  AdwWindow       parent_instance;

  GlossProject   *project;
  GArray         *document_ids;
  GPtrArray      *fields;        /* (element-type Field) */
  char           *error;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkStack       *stack;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (GlossAttributesDialog, gloss_attributes_dialog, ADW_TYPE_WINDOW)

static void
field_free (Field *field)
{
  gloss_attribute_free (field->attribute);
  g_clear_pointer (&field->items, g_ptr_array_unref);
  g_free (field->initial);
  g_free (field);
}

static Field *
find_field (GlossAttributesDialog *self,
            gint64                 attribute_id)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->attribute->id == attribute_id)
        return field;
    }

  return NULL;
}

static void
show_error (GlossAttributesDialog *self,
            const char            *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Save is possible while every field is valid; the first invalid one
 * says why not. */
static void
update_save (GlossAttributesDialog *self)
{
  Field *invalid = NULL;

  for (guint i = 0; invalid == NULL && i < self->fields->len; i++)
    if (((Field *) g_ptr_array_index (self->fields, i))->invalid)
      invalid = g_ptr_array_index (self->fields, i);

  if (invalid != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", invalid->attribute->name,
                                                  gtk_widget_get_tooltip_text (invalid->row));
      show_error (self, message);
    }
  else
    show_error (self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 self->fields->len > 0 && invalid == NULL);
}

/* Entry rows ----------------------------------------------------------------- */

static void
validate_entry (GlossAttributesDialog *self,
                Field                 *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;

  normal = gloss_attribute_normalize_value (field->attribute,
                                            gtk_editable_get_text (GTK_EDITABLE (field->row)),
                                            &error);
  field->invalid = normal == NULL;
  if (field->invalid)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  gtk_widget_set_visible (field->warning, field->invalid);
  gtk_widget_set_tooltip_text (field->warning, error != NULL ? error->message : NULL);
  gtk_widget_set_tooltip_text (field->row, error != NULL ? error->message : NULL);
}

static void
on_entry_changed (GtkEditable *row,
                  Field       *field)
{
  GlossAttributesDialog *self = field->dialog;

  if (!field->filling)
    {
      field->touched = TRUE;
      if (field->mixed_label != NULL)
        gtk_widget_set_visible (field->mixed_label, FALSE);
    }
  validate_entry (self, field);
  update_save (self);
}

static void
on_entry_activated (AdwEntryRow           *row,
                    GlossAttributesDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button))
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
set_entry_text (Field      *field,
                const char *text,
                gboolean    by_user)
{
  field->filling = !by_user;
  gtk_editable_set_text (GTK_EDITABLE (field->row), text);
  field->filling = FALSE;
}

/* Dates: a calendar in a popover. */

static void
on_calendar_shown (GtkPopover *popover,
                   Field      *field)
{
  g_autofree char *normal = gloss_attribute_normalize_value (field->attribute,
                                                             gtk_editable_get_text (GTK_EDITABLE (field->row)),
                                                             NULL);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (normal != NULL && sscanf (normal, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_matched (field->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, field);
  gtk_calendar_select_day (GTK_CALENDAR (field->calendar), date);
  g_signal_handlers_unblock_matched (field->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, field);
}

static void
on_day_selected (GtkCalendar *calendar,
                 Field       *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  set_entry_text (field, text, TRUE);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
add_calendar (Field *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  field->calendar = gtk_calendar_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), field->calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), button);

  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), field);
  g_signal_connect (field->calendar, "day-selected", G_CALLBACK (on_day_selected), field);
}

static void
add_entry_row (GlossAttributesDialog *self,
               Field                 *field)
{
  field->row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->attribute->name);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->row), FALSE);

  field->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (field->warning, "error");
  gtk_widget_set_visible (field->warning, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), field->warning);

  if (field->initial == NULL)
    {
      field->mixed_label = gtk_label_new (_("Mixed Values"));
      gtk_widget_add_css_class (field->mixed_label, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), field->mixed_label);
    }

  switch (field->attribute->type)
    {
    case GLOSS_ATTRIBUTE_NUMBER:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_NUMBER);
      break;
    case GLOSS_ATTRIBUTE_DATE:
      add_calendar (field);
      break;
    case GLOSS_ATTRIBUTE_TEXT:
    case GLOSS_ATTRIBUTE_CHOICE:
    default:
      break;
    }

  set_entry_text (field, field->initial != NULL ? field->initial : "", FALSE);
  g_signal_connect (field->row, "changed", G_CALLBACK (on_entry_changed), field);
  g_signal_connect (field->row, "entry-activated", G_CALLBACK (on_entry_activated), self);
}

/* Choice rows ---------------------------------------------------------------- */

static void
on_choice_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    Field       *field)
{
  if (!field->filling)
    field->touched = TRUE;
}

static void
add_combo_row (GlossAttributesDialog *self,
               Field                 *field)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  char **choices = field->attribute->choices;
  gboolean listed = field->initial == NULL || *field->initial == '\0';

  field->items = g_ptr_array_new_with_free_func (g_free);
  if (field->initial == NULL)
    {
      gtk_string_list_append (strings, _("Mixed Values"));
      g_ptr_array_add (field->items, NULL);
    }
  /* Translators: the item of a choice for no value */
  gtk_string_list_append (strings, _("(None)"));
  g_ptr_array_add (field->items, g_strdup (""));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      if (g_strcmp0 (choices[i], field->initial) == 0)
        {
          field->initial_item = field->items->len;
          listed = TRUE;
        }
      gtk_string_list_append (strings, choices[i]);
      g_ptr_array_add (field->items, g_strdup (choices[i]));
    }
  if (!listed)
    {
      /* A value the list lacks (it can only come from an older list). */
      field->initial_item = field->items->len;
      gtk_string_list_append (strings, field->initial);
      g_ptr_array_add (field->items, g_strdup (field->initial));
    }

  field->row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->attribute->name);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->row), FALSE);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (field->row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (strings));

  field->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), field->initial_item);
  field->filling = FALSE;
  g_signal_connect (field->row, "notify::selected", G_CALLBACK (on_choice_selected), field);
}

/* Loading -------------------------------------------------------------------- */

/* The documents' common value of each attribute ("" for none), or NULL
 * where they differ: attribute id → value. */
static GHashTable *
load_common_values (GlossAttributesDialog *self,
                    GPtrArray             *attributes,
                    GError               **error)
{
  g_autoptr(GHashTable) common = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  for (guint d = 0; d < self->document_ids->len; d++)
    {
      gint64 document_id = g_array_index (self->document_ids, gint64, d);
      g_autoptr(GPtrArray) values = gloss_project_list_attribute_values (self->project, document_id, error);
      g_autoptr(GHashTable) mine = g_hash_table_new (g_int64_hash, g_int64_equal);

      if (values == NULL)
        return NULL;
      for (guint i = 0; i < values->len; i++)
        {
          GlossAttributeValue *value = g_ptr_array_index (values, i);

          g_hash_table_insert (mine, &value->attribute_id, value->value);
        }

      for (guint a = 0; a < attributes->len; a++)
        {
          GlossAttribute *attribute = g_ptr_array_index (attributes, a);
          const char *value = g_hash_table_lookup (mine, &attribute->id);
          const char *seen;

          if (value == NULL)
            value = "";
          if (d == 0)
            g_hash_table_insert (common, &attribute->id, g_strdup (value));
          else if ((seen = g_hash_table_lookup (common, &attribute->id)) != NULL &&
                   g_strcmp0 (seen, value) != 0)
            g_hash_table_insert (common, &attribute->id, NULL);
        }
    }

  return g_steal_pointer (&common);
}

static void
set_title (GlossAttributesDialog *self)
{
  g_autofree char *title = NULL;
  guint n = self->document_ids->len;

  if (n == 1)
    {
      g_autoptr(GlossDocument) document =
        gloss_project_get_document (self->project, g_array_index (self->document_ids, gint64, 0), NULL);

      title = g_strdup_printf (_("Attributes of “%s”"),
                               document != NULL ? gloss_document_get_name (document) : "");
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      title = g_strdup_printf (ngettext ("Attributes of %u Report", "Attributes of %u Reports", n), n);
      /* The first few names; the title ellipsizes the rest. */
      for (guint i = 0; i < n && i < MAX_NAMES; i++)
        {
          g_autoptr(GlossDocument) document =
            gloss_project_get_document (self->project, g_array_index (self->document_ids, gint64, i), NULL);

          if (document == NULL)
            continue;
          if (names->len > 0)
            /* Translators: between the names of reports in a list */
            g_string_append (names, _(", "));
          g_string_append (names, gloss_document_get_name (document));
        }
      if (n > MAX_NAMES)
        g_string_append (names, "…");
      adw_window_title_set_subtitle (self->window_title, names->str);
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
}

static void
load (GlossAttributesDialog *self)
{
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GHashTable) common = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_mixed = FALSE;

  set_title (self);

  attributes = gloss_project_list_attributes (self->project, &error);
  if (attributes != NULL)
    common = load_common_values (self, attributes, &error);
  if (common == NULL)
    {
      update_save (self);
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);
      Field *field = g_new0 (Field, 1);

      field->dialog = self;
      field->attribute = gloss_attribute_copy (attribute);
      field->initial = g_strdup (g_hash_table_lookup (common, &attribute->id));
      any_mixed |= field->initial == NULL;
      g_ptr_array_add (self->fields, field);

      if (attribute->type == GLOSS_ATTRIBUTE_CHOICE)
        add_combo_row (self, field);
      else
        add_entry_row (self, field);
      adw_preferences_group_add (self->group, field->row);
    }

  if (any_mixed)
    adw_preferences_group_set_description (self->group,
                                           _("Where the reports’ values differ, they are kept "
                                             "unless you change them."));
  gtk_stack_set_visible_child_name (self->stack, attributes->len > 0 ? "form" : "empty");
  update_save (self);
}

/* Saving ---------------------------------------------------------------------- */

/* The field's new value, or NULL when it is to be left alone. */
static char *
field_new_value (Field *field)
{
  g_autofree char *normal = NULL;
  const char *value;

  if (field->attribute->type == GLOSS_ATTRIBUTE_CHOICE)
    {
      guint item = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

      value = item < field->items->len ? g_ptr_array_index (field->items, item) : NULL;
      if (value == NULL || item == field->initial_item)
        return NULL;
      return g_strdup (value);
    }

  if (field->initial == NULL && !field->touched)
    return NULL;
  normal = gloss_attribute_normalize_value (field->attribute,
                                            gtk_editable_get_text (GTK_EDITABLE (field->row)),
                                            NULL);
  if (normal == NULL)
    /* Invalid: let the engine say why. */
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row)));
  if (field->initial != NULL && g_strcmp0 (normal, field->initial) == 0)
    return NULL;

  return g_steal_pointer (&normal);
}

gboolean
gloss_attributes_dialog_save (GlossAttributesDialog *self)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (GlossAttributeChange));
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTES_DIALOG (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      char *value = field_new_value (field);
      GlossAttributeChange change;

      if (value == NULL)
        continue;
      g_ptr_array_add (values, value);
      change.attribute_id = field->attribute->id;
      change.value = value;
      g_array_append_val (changes, change);
    }

  if (changes->len > 0 &&
      !gloss_project_set_attributes_batch (self->project, self->document_ids, changes, FALSE, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gloss_attributes_dialog_save (GLOSS_ATTRIBUTES_DIALOG (widget));
}

/* Object ---------------------------------------------------------------------- */

static void
gloss_attributes_dialog_dispose (GObject *object)
{
  GlossAttributesDialog *self = GLOSS_ATTRIBUTES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ATTRIBUTES_DIALOG);

  G_OBJECT_CLASS (gloss_attributes_dialog_parent_class)->dispose (object);
}

static void
gloss_attributes_dialog_finalize (GObject *object)
{
  GlossAttributesDialog *self = GLOSS_ATTRIBUTES_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (gloss_attributes_dialog_parent_class)->finalize (object);
}

static void
gloss_attributes_dialog_class_init (GlossAttributesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_attributes_dialog_dispose;
  object_class->finalize = gloss_attributes_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-attributes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAttributesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributesDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributesDialog, group);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
gloss_attributes_dialog_init (GlossAttributesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

GtkWidget *
gloss_attributes_dialog_new (GtkWindow    *parent,
                             GlossProject *project,
                             GArray       *document_ids)
{
  GlossAttributesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document_ids != NULL && document_ids->len > 0, NULL);

  self = g_object_new (GLOSS_TYPE_ATTRIBUTES_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->document_ids = g_array_copy (document_ids);
  load (self);

  return GTK_WIDGET (self);
}

GlossProject *
gloss_attributes_dialog_get_project (GlossAttributesDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTES_DIALOG (self), NULL);

  return self->project;
}

GArray *
gloss_attributes_dialog_get_document_ids (GlossAttributesDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTES_DIALOG (self), NULL);

  return self->document_ids;
}

GtkWidget *
gloss_attributes_dialog_get_row (GlossAttributesDialog *self,
                                 gint64                 attribute_id)
{
  Field *field;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTES_DIALOG (self), NULL);

  field = find_field (self, attribute_id);

  return field != NULL ? field->row : NULL;
}

gboolean
gloss_attributes_dialog_is_mixed (GlossAttributesDialog *self,
                                  gint64                 attribute_id)
{
  Field *field;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTES_DIALOG (self), FALSE);

  field = find_field (self, attribute_id);
  if (field == NULL || field->initial != NULL)
    return FALSE;
  if (field->attribute->type == GLOSS_ATTRIBUTE_CHOICE)
    return adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) == 0;

  return !field->touched;
}

const char *
gloss_attributes_dialog_get_error (GlossAttributesDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTES_DIALOG (self), NULL);

  return self->error;
}
