/* gloss-merge-dialog.c: bringing a colleague's project file into the
 * open project
 *
 * The dialog reads the other file off the main thread, lists what cannot
 * be matched with a choice for each, can preview the merge (a dry run),
 * and merges, off the main thread too, then says what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-merge-dialog.h"

/* The choices offered for a kind of conflict, the first the default. */
typedef struct
{
  GlossDecision  decision;
  const char    *label;
} Choice;

static const Choice missing_document_choices[] = {
  { GLOSS_DECISION_ADD, N_("Add the Report") },
  { GLOSS_DECISION_SKIP, N_("Skip It") },
};

static const Choice code_moved_choices[] = {
  { GLOSS_DECISION_MAP, N_("Keep Ours") },
  { GLOSS_DECISION_ADD, N_("Take Theirs") },
};

static const Choice same_path_choices[] = {
  { GLOSS_DECISION_MAP, N_("Same Code") },
  { GLOSS_DECISION_ADD, N_("Add as New Code") },
  { GLOSS_DECISION_SKIP, N_("Skip") },
};

struct _GlossMergeDialog
{
  AdwWindow              parent_instance;

  GlossProject          *project;
  GFile                 *other;
  char                  *other_name;    /* the other file's name, for people */
  GlossMergeDialogState  state;
  GlossMergePlan        *plan;
  GPtrArray             *rows;          /* (element-type AdwComboRow) one per conflict */
  GCancellable          *cancellable;   /* of the task running, if any */
  gboolean               previewing;
  gboolean               have_preview;
  GlossMergeSummary      preview;
  gboolean               have_summary;
  GlossMergeSummary      summary;
  gboolean               nothing_new;
  char                  *error_message;
  gboolean               filling;       /* rows set by the dialog, not chosen */

  /* template children */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkWidget             *cancel_button;
  GtkWidget             *merge_button;
  GtkWidget             *done_button;
  GtkStack              *stack;
  AdwStatusPage         *busy_page;
  GtkSpinner            *spinner;
  AdwPreferencesPage    *decide_page;
  AdwPreferencesGroup   *conflicts_group;
  AdwPreferencesGroup   *preview_group;
  GtkSpinner            *preview_spinner;
  GtkListBox            *preview_list;
  AdwStatusPage         *done_page;
  GtkListBox            *summary_list;
  AdwStatusPage         *failed_page;
};

G_DEFINE_FINAL_TYPE (GlossMergeDialog, gloss_merge_dialog, ADW_TYPE_WINDOW)

G_DEFINE_ENUM_TYPE (GlossMergeDialogState, gloss_merge_dialog_state,
                    G_DEFINE_ENUM_VALUE (GLOSS_MERGE_DIALOG_PLANNING, "planning"),
                    G_DEFINE_ENUM_VALUE (GLOSS_MERGE_DIALOG_DECIDING, "deciding"),
                    G_DEFINE_ENUM_VALUE (GLOSS_MERGE_DIALOG_MERGING, "merging"),
                    G_DEFINE_ENUM_VALUE (GLOSS_MERGE_DIALOG_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (GLOSS_MERGE_DIALOG_FAILED, "failed"))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_OTHER,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Choice *
choices_of (GlossConflictKind  kind,
            guint             *n_choices)
{
  switch (kind)
    {
    case GLOSS_CONFLICT_MISSING_DOCUMENT:
      *n_choices = G_N_ELEMENTS (missing_document_choices);
      return missing_document_choices;
    case GLOSS_CONFLICT_CODE_MOVED:
      *n_choices = G_N_ELEMENTS (code_moved_choices);
      return code_moved_choices;
    case GLOSS_CONFLICT_SAME_PATH:
    default:
      *n_choices = G_N_ELEMENTS (same_path_choices);
      return same_path_choices;
    }
}

/* The item of decision in a row of kind, or GTK_INVALID_LIST_POSITION. */
static guint
item_of_decision (GlossConflictKind kind,
                  GlossDecision     decision)
{
  guint n_choices;
  const Choice *choices = choices_of (kind, &n_choices);

  for (guint i = 0; i < n_choices; i++)
    if (choices[i].decision == decision)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static GPtrArray *
conflicts (GlossMergeDialog *self)
{
  return self->plan != NULL ? gloss_merge_plan_get_conflicts (self->plan) : NULL;
}

static gboolean
all_decided (GlossMergeDialog *self)
{
  return self->plan != NULL && gloss_merge_plan_is_decided (self->plan);
}

/* Summaries ------------------------------------------------------------------ */

static void append_part (GString    *text,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
append_part (GString    *text,
             const char *format,
             ...)
{
  va_list args;

  if (text->len > 0)
    /* Translators: between the counts of a summary, as in "2 added, 1 matched" */
    g_string_append (text, _(", "));
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

/* A row of a summary: what happened to one kind of thing. */
static void
add_kind_row (GtkListBox *list,
              const char *title,
              guint       added,
              guint       matched,
              guint       updated,
              guint       deleted,
              guint       skipped)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: counts in the summary of a merge, as in "2 added" */
  if (added > 0)
    append_part (text, ngettext ("%u added", "%u added", added), added);
  /* Translators: things of the other project already in this one */
  if (matched > 0)
    append_part (text, ngettext ("%u matched", "%u matched", matched), matched);
  if (updated > 0)
    append_part (text, ngettext ("%u updated", "%u updated", updated), updated);
  if (deleted > 0)
    append_part (text, ngettext ("%u deleted", "%u deleted", deleted), deleted);
  if (skipped > 0)
    append_part (text, ngettext ("%u skipped", "%u skipped", skipped), skipped);
  if (text->len == 0)
    /* Translators: a kind of thing the merge did not touch */
    g_string_append (text, _("No change"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
  if (added + updated + deleted == 0)
    gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
fill_summary (GtkListBox              *list,
              const GlossMergeSummary *s)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  add_kind_row (list, _("Reports"), s->documents_added, s->documents_matched, 0, 0, s->documents_skipped);
  add_kind_row (list, _("Coders"), s->coders_added, s->coders_matched, 0, 0, 0);
  add_kind_row (list, _("Codes"), s->codes_added, s->codes_matched, s->codes_updated, s->codes_deleted,
                s->codes_skipped);
  add_kind_row (list, _("Codings"), s->codings_added, s->codings_matched, s->codings_updated,
                s->codings_deleted, s->codings_skipped);
  add_kind_row (list, _("Memos"), s->memos_added, 0, s->memos_updated, s->memos_deleted, 0);
  add_kind_row (list, _("Reviews"), s->reviews_added, 0, s->reviews_updated, s->reviews_deleted, 0);
}

/* Whether a merge with this summary changes nothing. */
static gboolean
summary_changes_nothing (const GlossMergeSummary *s)
{
  return s->documents_added + s->coders_added +
         s->codes_added + s->codes_updated + s->codes_deleted +
         s->codings_added + s->codings_updated + s->codings_deleted +
         s->memos_added + s->memos_updated + s->memos_deleted +
         s->reviews_added + s->reviews_updated + s->reviews_deleted == 0;
}

static gboolean
summary_skips (const GlossMergeSummary *s)
{
  return s->documents_skipped + s->codes_skipped + s->codings_skipped > 0;
}

/* State ---------------------------------------------------------------------- */

static void
update_actions (GlossMergeDialog *self)
{
  gboolean deciding = self->state == GLOSS_MERGE_DIALOG_DECIDING;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.merge",
                                 gloss_merge_dialog_can_merge (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.preview",
                                 deciding && !self->previewing && all_decided (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflicts_group), deciding && !self->previewing);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), self->previewing);
  gtk_spinner_set_spinning (self->preview_spinner, self->previewing);
}

static void
set_state (GlossMergeDialog      *self,
           GlossMergeDialogState  state)
{
  gboolean finished = state == GLOSS_MERGE_DIALOG_DONE || state == GLOSS_MERGE_DIALOG_FAILED;
  const char *page;

  switch (state)
    {
    case GLOSS_MERGE_DIALOG_PLANNING:
    case GLOSS_MERGE_DIALOG_MERGING:
      page = "busy";
      break;
    case GLOSS_MERGE_DIALOG_DECIDING:
      page = "decide";
      break;
    case GLOSS_MERGE_DIALOG_DONE:
      page = "done";
      break;
    case GLOSS_MERGE_DIALOG_FAILED:
    default:
      page = "failed";
      break;
    }

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "busy"));
  gtk_widget_set_visible (self->cancel_button, !finished);
  gtk_widget_set_visible (self->merge_button, !finished);
  gtk_widget_set_visible (self->done_button, finished);
  gtk_button_set_label (GTK_BUTTON (self->done_button),
                        state == GLOSS_MERGE_DIALOG_FAILED ? _("_Close") : _("_Done"));
  /* After a failure, closing is no step forward. */
  if (state == GLOSS_MERGE_DIALOG_FAILED)
    gtk_widget_remove_css_class (self->done_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->done_button, "suggested-action");
  if (finished)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->done_button);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_error_message (GlossMergeDialog *self,
                   const char       *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
}

static void
fail (GlossMergeDialog *self,
      const GError     *error,
      gboolean          merging)
{
  const char *title;

  if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT))
    title = _("Not a Gloss Project");
  else if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION))
    title = _("Made by a Newer Gloss");
  else if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED))
    title = _("The Project Is Damaged");
  else if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_IN_USE))
    title = _("The Project Is in Use");
  else if (merging)
    title = _("Could Not Merge");
  else
    title = _("Cannot Merge");

  if (merging)
    {
      /* The merge is one transaction: a failed one wrote nothing. */
      g_autofree char *message = g_strdup_printf (_("%s. Nothing was changed."), error->message);

      set_error_message (self, message);
    }
  else
    set_error_message (self, error->message);

  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page, self->error_message);
  set_state (self, GLOSS_MERGE_DIALOG_FAILED);
}

static void
toast (GlossMergeDialog *self,
       const char       *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static GCancellable *
new_cancellable (GlossMergeDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

/* Whether the task's work is still wanted (not cancelled by closing the
 * dialog or by a newer task). */
static gboolean
task_wanted (GlossMergeDialog *self,
             GAsyncResult     *result)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  return cancellable == self->cancellable && !g_cancellable_is_cancelled (cancellable);
}

/* Preview -------------------------------------------------------------------- */

static void
clear_preview (GlossMergeDialog *self)
{
  self->have_preview = FALSE;
  memset (&self->preview, 0, sizeof self->preview);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
  adw_preferences_group_set_description (self->preview_group,
                                         _("See what merging would add and change, without "
                                           "changing anything"));
}

static void
show_preview (GlossMergeDialog *self)
{
  g_autofree char *description = NULL;

  if (summary_changes_nothing (&self->preview) && !summary_skips (&self->preview))
    description = g_strdup_printf (_("Nothing new: everything in “%s” is already here"),
                                   self->other_name);
  else
    description = g_strdup (_("With these choices, merging would make these changes"));
  adw_preferences_group_set_description (self->preview_group, description);
  fill_summary (self->preview_list, &self->preview);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), TRUE);
}

/* Conflicts ------------------------------------------------------------------ */

static void
on_row_selected (AdwComboRow      *row,
                 GParamSpec       *pspec,
                 GlossMergeDialog *self)
{
  guint index;
  GlossMergeConflict *conflict;
  guint item, n_choices;
  const Choice *choices;

  if (self->filling || !g_ptr_array_find (self->rows, row, &index))
    return;

  conflict = g_ptr_array_index (conflicts (self), index);
  choices = choices_of (conflict->kind, &n_choices);
  item = adw_combo_row_get_selected (row);
  conflict->decision = item < n_choices ? choices[item].decision : GLOSS_DECISION_NONE;

  clear_preview (self);
  update_actions (self);
}

/* The choices as whole labels: the row's own would cut the chosen one
 * short beside a long description. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* In the popover: the choice, and a check mark by the row's choice (the
 * list's own selection follows the pointer). */
static void
setup_list_choice (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
update_check (AdwComboRow *row,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item));
}

static void
bind_list_choice (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (update_check), item);
  update_check (row, NULL, item);
}

static void
unbind_list_choice (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, item);
}

static GtkWidget *
conflict_row_new (GlossMergeDialog   *self,
                  GlossMergeConflict *conflict)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  GtkExpression *expression;
  GtkWidget *row = adw_combo_row_new ();
  guint n_choices;
  const Choice *choices = choices_of (conflict->kind, &n_choices);

  for (guint i = 0; i < n_choices; i++)
    gtk_string_list_append (strings, _(choices[i].label));

  if (conflict->ours != NULL)
    /* Translators: our side of a merge conflict: a code's path, a report's name */
    g_string_append_printf (subtitle, _("Ours: %s"), conflict->ours);
  if (conflict->theirs != NULL)
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: their side of a merge conflict: a code's path, a report's name */
      g_string_append_printf (subtitle, _("Theirs: %s"), conflict->theirs);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 conflict->description != NULL ? conflict->description : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), factory);
  list_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_choice), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_list_choice), row);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_list_choice), row);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), list_factory);

  /* The default: add a missing report, keep our place for a moved code,
   * the same code for the same path. */
  if (conflict->decision == GLOSS_DECISION_NONE ||
      item_of_decision (conflict->kind, conflict->decision) == GTK_INVALID_LIST_POSITION)
    conflict->decision = choices[0].decision;
  self->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), item_of_decision (conflict->kind, conflict->decision));
  self->filling = FALSE;
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected), self, 0);

  return row;
}

static void
show_conflicts (GlossMergeDialog *self)
{
  GPtrArray *list = conflicts (self);
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      GtkWidget *row = conflict_row_new (self, g_ptr_array_index (list, i));

      g_ptr_array_add (self->rows, g_object_ref (row));
      adw_preferences_group_add (self->conflicts_group, row);
    }

  if (list->len > 0)
    {
      title = g_strdup_printf (ngettext ("%u Choice Before Merging", "%u Choices Before Merging", list->len),
                               list->len);
      description = g_strdup_printf (ngettext ("This part of “%s” cannot be matched with this "
                                               "project on its own. Nothing is written until you merge.",
                                               "These parts of “%s” cannot be matched with this "
                                               "project on their own. Nothing is written until you merge.",
                                               list->len),
                                     self->other_name);
    }
  else
    {
      title = g_strdup (_("Ready to Merge"));
      description = g_strdup_printf (_("The reports and codes of “%s” match this project’s. "
                                       "Nothing is written until you merge."),
                                     self->other_name);
    }
  adw_preferences_group_set_title (self->conflicts_group, title);
  adw_preferences_group_set_description (self->conflicts_group, description);
}

/* Tasks ---------------------------------------------------------------------- */

typedef struct
{
  GlossProject      *project;
  char              *path;
  GlossMergePlan    *plan;      /* merge: the dialog's, which outlives the task */
  gboolean           dry_run;
  GlossMergeSummary  summary;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->project);
  g_free (data->path);
  g_free (data);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GlossMergePlan *plan = gloss_project_plan_merge (data->project, data->path, cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) gloss_merge_plan_free);
}

static void
plan_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  GlossMergePlan *plan = g_task_propagate_pointer (G_TASK (result), &error);

  if (!task_wanted (self, result))
    {
      g_clear_pointer (&plan, gloss_merge_plan_free);
      return;
    }
  g_clear_object (&self->cancellable);

  if (plan == NULL)
    {
      fail (self, error, FALSE);
      return;
    }

  self->plan = plan;
  show_conflicts (self);
  clear_preview (self);
  set_state (self, GLOSS_MERGE_DIALOG_DECIDING);
}

static void
start_plan (GlossMergeDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  TaskData *data = g_new0 (TaskData, 1);

  data->project = g_object_ref (self->project);
  data->path = g_file_get_path (self->other);

  label = g_strdup_printf (_("Reading “%s”…"), self->other_name);
  adw_status_page_set_title (self->busy_page, label);
  adw_status_page_set_description (self->busy_page, NULL);
  set_state (self, GLOSS_MERGE_DIALOG_PLANNING);

  if (data->path == NULL)
    {
      g_autoptr(GError) error = g_error_new (GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                                             _("“%s” is not a local file"), self->other_name);

      task_data_free (data);
      fail (self, error, FALSE);
      return;
    }

  task = g_task_new (self, new_cancellable (self), plan_done, NULL);
  g_task_set_source_tag (task, start_plan);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, plan_thread);
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (gloss_project_merge (data->project, data->plan, data->dry_run, &data->summary, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GTask *
merge_task_new (GlossMergeDialog    *self,
                gboolean             dry_run,
                GAsyncReadyCallback  callback)
{
  GTask *task = g_task_new (self, new_cancellable (self), callback, NULL);
  TaskData *data = g_new0 (TaskData, 1);

  data->project = g_object_ref (self->project);
  data->plan = self->plan;
  data->dry_run = dry_run;
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  /* What the merge did, even when stopped too late to stop it. */
  g_task_set_check_cancellable (task, FALSE);

  return task;
}

static void
preview_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  TaskData *data = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (!task_wanted (self, result))
    return;
  g_clear_object (&self->cancellable);

  self->previewing = FALSE;
  if (ok)
    {
      self->have_preview = TRUE;
      self->preview = data->summary;
      show_preview (self);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not preview the merge: %s"), error->message);

      toast (self, message);
    }
  update_actions (self);
}

static void
merge_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  TaskData *data = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autofree char *description = NULL;

  /* Closed meanwhile (dispose clears the cancellable): nothing to show. */
  if (cancellable != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_error_message (self, _("Merge stopped: nothing was changed"));
      toast (self, self->error_message);
      set_state (self, GLOSS_MERGE_DIALOG_DECIDING);
      return;
    }
  if (!ok)
    {
      fail (self, error, TRUE);
      return;
    }

  set_error_message (self, NULL);
  self->have_summary = TRUE;
  self->summary = data->summary;
  self->nothing_new = summary_changes_nothing (&self->summary);

  if (self->nothing_new && !summary_skips (&self->summary))
    {
      adw_status_page_set_title (self->done_page, _("Nothing New"));
      description = g_strdup_printf (_("Nothing new: everything in “%s” is already here"),
                                     self->other_name);
    }
  else if (self->nothing_new)
    {
      adw_status_page_set_title (self->done_page, _("Nothing New"));
      description = g_strdup_printf (_("Nothing new was taken from “%s”: the rest of it is already here"),
                                     self->other_name);
    }
  else
    {
      adw_status_page_set_title (self->done_page, _("Merged"));
      description = g_strdup_printf (_("The work in “%s” is now part of this project. "
                                       "Undo takes the whole merge back."),
                                     self->other_name);
    }
  adw_status_page_set_description (self->done_page, description);
  /* The list of changes needs the room more than an icon does. */
  adw_status_page_set_icon_name (self->done_page, self->nothing_new ? "emblem-ok-symbolic" : NULL);
  fill_summary (self->summary_list, &self->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_list),
                          !self->nothing_new || summary_skips (&self->summary));
  set_state (self, GLOSS_MERGE_DIALOG_DONE);
}

/* Public --------------------------------------------------------------------- */

GtkWidget *
gloss_merge_dialog_new (GtkWindow    *parent,
                        GlossProject *project,
                        GFile        *other)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (other), NULL);

  return g_object_new (GLOSS_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "project", project,
                       "other", other,
                       NULL);
}

GlossProject *
gloss_merge_dialog_get_project (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);

  return self->project;
}

GFile *
gloss_merge_dialog_get_other (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);

  return self->other;
}

GlossMergeDialogState
gloss_merge_dialog_get_state (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), GLOSS_MERGE_DIALOG_FAILED);

  return self->state;
}

GPtrArray *
gloss_merge_dialog_get_conflicts (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);

  return conflicts (self);
}

GtkWidget *
gloss_merge_dialog_get_conflict_row (GlossMergeDialog *self,
                                     guint             index)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

gboolean
gloss_merge_dialog_set_decision (GlossMergeDialog *self,
                                 guint             index,
                                 GlossDecision     decision)
{
  GlossMergeConflict *conflict;
  guint item;

  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->rows->len, FALSE);

  if (self->state != GLOSS_MERGE_DIALOG_DECIDING || self->previewing)
    return FALSE;

  conflict = g_ptr_array_index (conflicts (self), index);
  item = item_of_decision (conflict->kind, decision);
  if (decision != GLOSS_DECISION_NONE && item == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* The row's handler records the decision. */
  adw_combo_row_set_selected (g_ptr_array_index (self->rows, index), item);
  conflict->decision = decision;
  update_actions (self);

  return TRUE;
}

gboolean
gloss_merge_dialog_can_merge (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), FALSE);

  return self->state == GLOSS_MERGE_DIALOG_DECIDING && !self->previewing && all_decided (self);
}

void
gloss_merge_dialog_preview (GlossMergeDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_MERGE_DIALOG (self));

  if (self->state != GLOSS_MERGE_DIALOG_DECIDING || self->previewing || !all_decided (self))
    return;

  clear_preview (self);
  self->previewing = TRUE;
  adw_preferences_group_set_description (self->preview_group, _("Working out what would change…"));
  task = merge_task_new (self, TRUE, preview_done);
  g_task_set_source_tag (task, gloss_merge_dialog_preview);
  g_task_run_in_thread (task, merge_thread);
  update_actions (self);
}

gboolean
gloss_merge_dialog_is_previewing (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), FALSE);

  return self->previewing;
}

const GlossMergeSummary *
gloss_merge_dialog_get_preview (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);

  return self->have_preview ? &self->preview : NULL;
}

gboolean
gloss_merge_dialog_merge (GlossMergeDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), FALSE);

  if (!gloss_merge_dialog_can_merge (self))
    return FALSE;

  label = g_strdup_printf (_("Merging “%s”…"), self->other_name);
  adw_status_page_set_title (self->busy_page, label);
  adw_status_page_set_description (self->busy_page,
                                   _("Cancel stops it and leaves the project as it was"));
  set_error_message (self, NULL);
  task = merge_task_new (self, FALSE, merge_done);
  g_task_set_source_tag (task, gloss_merge_dialog_merge);
  set_state (self, GLOSS_MERGE_DIALOG_MERGING);
  g_task_run_in_thread (task, merge_thread);

  return TRUE;
}

void
gloss_merge_dialog_cancel_merge (GlossMergeDialog *self)
{
  g_return_if_fail (GLOSS_IS_MERGE_DIALOG (self));

  if (self->state == GLOSS_MERGE_DIALOG_MERGING && self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      adw_status_page_set_description (self->busy_page, _("Stopping…"));
    }
}

const GlossMergeSummary *
gloss_merge_dialog_get_summary (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);

  return self->have_summary ? &self->summary : NULL;
}

gboolean
gloss_merge_dialog_is_nothing_new (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), FALSE);

  return self->have_summary && self->nothing_new;
}

const char *
gloss_merge_dialog_get_error_message (GlossMergeDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_DIALOG (self), NULL);

  return self->error_message;
}

/* Actions -------------------------------------------------------------------- */

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gloss_merge_dialog_merge (GLOSS_MERGE_DIALOG (widget));
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gloss_merge_dialog_preview (GLOSS_MERGE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (widget);

  if (self->state == GLOSS_MERGE_DIALOG_MERGING)
    gloss_merge_dialog_cancel_merge (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Closing while merging stops the merge, and the dialog stays to say
 * how it ended; otherwise whatever runs (reading, a preview) is dropped. */
static gboolean
gloss_merge_dialog_close_request (GtkWindow *window)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (window);

  if (self->state == GLOSS_MERGE_DIALOG_MERGING)
    {
      gloss_merge_dialog_cancel_merge (self);
      return TRUE;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (GTK_WINDOW_CLASS (gloss_merge_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (gloss_merge_dialog_parent_class)->close_request (window);

  return FALSE;
}

/* GObject -------------------------------------------------------------------- */

static void
gloss_merge_dialog_constructed (GObject *object)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (object);
  g_autofree char *subtitle = NULL;

  G_OBJECT_CLASS (gloss_merge_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->project != NULL && self->other != NULL);

  self->other_name = g_file_get_basename (self->other);
  if (self->other_name == NULL || !g_utf8_validate (self->other_name, -1, NULL))
    {
      g_free (self->other_name);
      self->other_name = g_file_get_parse_name (self->other);
    }
  /* Translators: the subtitle of the merge dialog: the other file and the open project */
  subtitle = g_strdup_printf (_("“%s” into “%s”"), self->other_name,
                              gloss_project_get_name (self->project));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), _("Merge Project"));

  start_plan (self);
}

static void
gloss_merge_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_OTHER:
      g_value_set_object (value, self->other);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_merge_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_OTHER:
      self->other = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_merge_dialog_dispose (GObject *object)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (object);

  /* A task still running holds the dialog; its callback sees that it is
   * no longer wanted. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_MERGE_DIALOG);

  G_OBJECT_CLASS (gloss_merge_dialog_parent_class)->dispose (object);
}

static void
gloss_merge_dialog_finalize (GObject *object)
{
  GlossMergeDialog *self = GLOSS_MERGE_DIALOG (object);

  /* Only now: a merge running in a thread uses the plan until its task,
   * which holds the dialog, ends. */
  g_clear_pointer (&self->plan, gloss_merge_plan_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->other);
  g_free (self->other_name);
  g_free (self->error_message);

  G_OBJECT_CLASS (gloss_merge_dialog_parent_class)->finalize (object);
}

static void
gloss_merge_dialog_class_init (GlossMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gloss_merge_dialog_constructed;
  object_class->get_property = gloss_merge_dialog_get_property;
  object_class->set_property = gloss_merge_dialog_set_property;
  object_class->dispose = gloss_merge_dialog_dispose;
  object_class->finalize = gloss_merge_dialog_finalize;
  window_class->close_request = gloss_merge_dialog_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER] =
    g_param_spec_object ("other", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, GLOSS_TYPE_MERGE_DIALOG_STATE, GLOSS_MERGE_DIALOG_PLANNING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, decide_page);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, summary_list);
  gtk_widget_class_bind_template_child (widget_class, GlossMergeDialog, failed_page);

  gtk_widget_class_install_action (widget_class, "dialog.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "dialog.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.merge", NULL);
}

static void
gloss_merge_dialog_init (GlossMergeDialog *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}
