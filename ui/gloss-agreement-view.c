/* gloss-agreement-view.c: how far the project's coders agree, per code,
 * with the formulas and exports
 *
 * The header chooses the coders (a checklist: two or more), the unit, the
 * reports (a checklist), the sub-codes and the rows per report; the table
 * is computed in a thread with gloss_project_compute_agreement(), a new
 * choice cancelling the computation under way, and again after a short
 * pause when the project changes (or, while the view is hidden, when it
 * is shown again).  The table is in gloss-agreement-view-table.c, the
 * exports and formulas in gloss-agreement-view-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-agreement-view-private.h"
#include "gloss-codebook.h"
#include "gloss-document.h"

#define RELOAD_DELAY_MS  250
#define SPINNER_DELAY_MS 150

G_DEFINE_FINAL_TYPE (GlossAgreementView, gloss_agreement_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_UNIT,
  PROP_WITH_SUBCODES,
  PROP_BY_DOCUMENT,
  PROP_LOADING,
  N_PROPS
};

enum {
  COMPARE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Loading ------------------------------------------------------------------- */

static gboolean
show_spinner (gpointer data)
{
  GlossAgreementView *self = data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_loading (GlossAgreementView *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (loading)
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, show_spinner, self);
  else
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

typedef struct
{
  GlossProject       *project;
  GlossAgreementQuery query;
  gboolean            by_document;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *cd = data;

  g_clear_object (&cd->project);
  g_clear_pointer (&cd->query.coder_ids, g_array_unref);
  g_clear_pointer (&cd->query.document_ids, g_array_unref);
  g_free (cd);
}

static GArray *
copy_ids (GArray *ids)
{
  GArray *copy;

  if (ids == NULL)
    return NULL;

  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *cd = task_data;
  g_autoptr(GlossAgreementResult) result = g_new0 (GlossAgreementResult, 1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  GError *error = NULL;

  g_ref_count_init (&result->ref_count);
  result->n_coders = cd->query.coder_ids->len;
  result->unit = cd->query.unit;
  result->coder_names = g_ptr_array_new_with_free_func (g_free);
  result->colours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  names = gloss_project_list_coder_names (cd->project, &ids, &error);
  if (names == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint c = 0; c < cd->query.coder_ids->len; c++)
    {
      gint64 id = g_array_index (cd->query.coder_ids, gint64, c);
      const char *name = "";

      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == id)
          name = g_ptr_array_index (names, i);
      g_ptr_array_add (result->coder_names, g_strdup (name));
    }

  codes = gloss_project_list_codes (cd->project, &error);
  if (codes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (codes, i);

      g_hash_table_insert (result->colours, g_memdup2 (&(gint64) { gloss_code_get_id (code) }, sizeof (gint64)),
                           g_strdup (gloss_code_get_colour (code)));
    }

  result->rows = gloss_project_compute_agreement (cd->project, &cd->query, cd->by_document, cancellable, &error);
  if (result->rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) _gloss_agreement_result_unref);
}

static char *
dup_summary (GlossAgreementView   *self,
             GlossAgreementResult *result)
{
  g_autofree char *coders = _gloss_agreement_result_dup_coders (result);
  g_autofree char *reports = NULL;
  g_autofree char *codes = NULL;
  const char *unit;
  guint n_codes = result->rows->len > 0 ? result->rows->len - 1 : 0;
  guint n_documents = 0;

  for (guint i = 0; i < result->rows->len; i++)
    if (((GlossAgreementRow *) g_ptr_array_index (result->rows, i))->document_id != 0)
      n_codes--;
  if (result->rows->len > 0)
    n_documents = ((GlossAgreementRow *) g_ptr_array_index (result->rows, result->rows->len - 1))->n_documents;

  unit = result->unit == GLOSS_UNIT_SENTENCE ? _("sentences")
       : result->unit == GLOSS_UNIT_PARAGRAPH ? _("paragraphs") : _("characters");
  reports = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_documents), n_documents);
  codes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code", "%u codes", n_codes), n_codes);

  /* Translators: the agreement view's summary: the coders, the number of
   * codes, the unit, the reports ("Ann, Ben · 3 codes · characters ·
   * 2 reports") */
  return g_strdup_printf (_("%s · %s · %s · %s"), coders, codes, unit, reports);
}

static void
show_empty (GlossAgreementView *self,
            const char         *title,
            const char         *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_label_set_text (self->summary_label, "");
}

static void
show_result (GlossAgreementView   *self,
             GlossAgreementResult *result)
{
  g_clear_pointer (&self->result, _gloss_agreement_result_unref);
  self->result = result != NULL ? _gloss_agreement_result_ref (result) : NULL;

  _gloss_agreement_view_table_show (self, result);

  if (result != NULL && result->rows->len <= 1)
    show_empty (self, _("No Codes Yet"),
                _("Add codes to the codebook and code passages of your reports to see how far the coders agree"));
  else if (result != NULL)
    {
      g_autofree char *summary = dup_summary (self, result);

      gtk_label_set_text (self->summary_label, summary);
      gtk_stack_set_visible_child_name (self->stack, "table");
    }

  _gloss_agreement_view_update_actions (self);
}

static void
compute_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAgreementResult) computed = g_task_propagate_pointer (G_TASK (result), &error);
  GlossAgreementView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GLOSS_AGREEMENT_VIEW (object);
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  set_loading (self, FALSE);

  if (computed == NULL)
    {
      show_result (self, NULL);
      adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_result (self, computed);
}

static guint
n_project_coders (GlossAgreementView *self)
{
  g_autoptr(GPtrArray) names = NULL;

  if (self->project == NULL)
    return 0;

  names = gloss_project_list_coder_names (self->project, NULL, NULL);
  return names != NULL ? names->len : 0;
}

void
gloss_agreement_view_reload (GlossAgreementView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *cd;

  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->stale = FALSE;

  if (self->project == NULL)
    {
      set_loading (self, FALSE);
      show_result (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (self->coder_ids == NULL || self->coder_ids->len < 2)
    {
      set_loading (self, FALSE);
      show_result (self, NULL);
      if (n_project_coders (self) < 2)
        show_empty (self, _("Two Coders Needed"),
                    _("Agreement compares the codings of two coders or more: merge a colleague’s project, "
                      "or code the reports under another name"));
      else
        show_empty (self, _("Choose Two Coders or More"),
                    _("Choose the coders to compare in the Coders menu"));
      return;
    }

  self->cancellable = g_cancellable_new ();

  cd = g_new0 (ComputeData, 1);
  cd->project = g_object_ref (self->project);
  cd->query.coder_ids = copy_ids (self->coder_ids);
  cd->query.unit = self->unit;
  cd->query.document_ids = copy_ids (self->document_ids);
  cd->query.code_ids = NULL;
  cd->query.with_subcodes = self->with_subcodes;
  cd->by_document = self->by_document;

  task = g_task_new (self, self->cancellable, compute_cb, NULL);
  g_task_set_source_tag (task, gloss_agreement_view_reload);
  g_task_set_name (task, "[gloss] compute the agreement");
  g_task_set_task_data (task, cd, compute_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

/* Checklists ----------------------------------------------------------------- */

static void on_coder_toggled    (GlossAgreementView *self);
static void on_document_toggled (GlossAgreementView *self);

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
check_row (const char *label,
           gint64      id,
           gboolean    active)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_end (check, 6);
  gtk_widget_set_margin_top (check, 2);
  gtk_widget_set_margin_bottom (check, 2);
  g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
  return check;
}

/* The ids of the checked rows of a checklist, in its order; all: whether
 * every row is checked. */
static GArray *
checked_ids (GtkListBox *list,
             gboolean   *all)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean every = TRUE;

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *check;
      gint64 *id;

      if (row == NULL)
        break;
      check = gtk_list_box_row_get_child (row);
      id = g_object_get_data (G_OBJECT (check), "id");
      if (id == NULL)
        continue;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (ids, *id);
      else
        every = FALSE;
    }

  if (all != NULL)
    *all = every;
  return ids;
}

/* Fills the coders' checklist.  The coders chosen that are gone are
 * forgotten; the first two are chosen when none were, or when fewer than
 * two are left of those chosen. */
static void
refresh_coders (GlossAgreementView *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->project != NULL)
    names = gloss_project_list_coder_names (self->project, &ids, NULL);

  /* The chosen ones still there, in their order. */
  for (guint i = 0; self->coder_ids != NULL && i < self->coder_ids->len; i++)
    if (contains_id (ids, g_array_index (self->coder_ids, gint64, i)))
      g_array_append_val (chosen, g_array_index (self->coder_ids, gint64, i));
  if (ids != NULL && ids->len >= 2 &&
      (self->coder_ids == NULL || (chosen->len < 2 && chosen->len < self->coder_ids->len)))
    {
      g_array_set_size (chosen, 0);
      g_array_append_vals (chosen, ids->data, 2);
    }
  g_clear_pointer (&self->coder_ids, g_array_unref);
  self->coder_ids = g_steal_pointer (&chosen);

  self->updating = TRUE;
  clear_list (self->coders_list);
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GtkWidget *check = check_row (g_ptr_array_index (names, i), id, contains_id (self->coder_ids, id));

      g_signal_connect_object (check, "toggled", G_CALLBACK (on_coder_toggled), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->coders_list, check);
    }
  self->updating = FALSE;
}

static void
update_documents_button (GlossAgreementView *self)
{
  gboolean filtered = self->document_ids != NULL;

  gtk_menu_button_set_label (self->documents_button, filtered ? _("_Reports (Some)") : _("_Reports"));
}

static void
refresh_documents (GlossAgreementView *self)
{
  g_autoptr(GPtrArray) documents = NULL;

  if (self->project != NULL)
    documents = gloss_project_list_documents (self->project, NULL);

  self->updating = TRUE;
  clear_list (self->documents_list);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);
      gint64 id = gloss_document_get_id (document);
      gboolean active = self->document_ids == NULL || contains_id (self->document_ids, id);
      GtkWidget *check = check_row (gloss_document_get_name (document), id, active);

      g_signal_connect_object (check, "toggled", G_CALLBACK (on_document_toggled), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->documents_list, check);
    }
  self->updating = FALSE;
  update_documents_button (self);
}

static void
on_coder_toggled (GlossAgreementView *self)
{
  g_autoptr(GArray) ids = NULL;

  if (self->updating)
    return;

  ids = checked_ids (self->coders_list, NULL);
  g_clear_pointer (&self->coder_ids, g_array_unref);
  self->coder_ids = g_steal_pointer (&ids);
  gloss_agreement_view_reload (self);
}

static void
on_document_toggled (GlossAgreementView *self)
{
  g_autoptr(GArray) ids = NULL;
  gboolean all;

  if (self->updating)
    return;

  ids = checked_ids (self->documents_list, &all);
  g_clear_pointer (&self->document_ids, g_array_unref);
  if (!all)
    self->document_ids = g_steal_pointer (&ids);
  update_documents_button (self);
  gloss_agreement_view_reload (self);
}

/* Signals -------------------------------------------------------------------- */

static void
on_unit_selected (GlossAgreementView *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->updating || selected > GLOSS_UNIT_PARAGRAPH)
    return;

  gloss_agreement_view_set_unit (self, (GlossAgreementUnit) selected);
}

static void
on_subcodes_toggled (GlossAgreementView *self)
{
  if (self->updating)
    return;

  gloss_agreement_view_set_with_subcodes (self, gtk_switch_get_active (self->subcodes_switch));
}

static void
on_by_document_toggled (GlossAgreementView *self)
{
  if (self->updating)
    return;

  gloss_agreement_view_set_by_document (self, gtk_switch_get_active (self->by_document_switch));
}

static void
on_row_activated (GlossAgreementView *self,
                  guint               position)
{
  gloss_agreement_view_activate_row (self, position);
}

static void
refresh_controls (GlossAgreementView *self)
{
  refresh_coders (self);
  refresh_documents (self);
}

static gboolean
reload_after_change (gpointer data)
{
  GlossAgreementView *self = data;

  self->reload_source = 0;
  refresh_controls (self);
  gloss_agreement_view_reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_project_changed (GlossAgreementView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_after_change, self);
}

static void
gloss_agreement_view_map (GtkWidget *widget)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_agreement_view_parent_class)->map (widget);

  if (self->stale)
    {
      refresh_controls (self);
      gloss_agreement_view_reload (self);
    }
}

/* GObject -------------------------------------------------------------------- */

static void
gloss_agreement_view_dispose (GObject *object)
{
  GlossAgreementView *self = (GlossAgreementView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_AGREEMENT_VIEW);

  G_OBJECT_CLASS (gloss_agreement_view_parent_class)->dispose (object);
}

static void
gloss_agreement_view_finalize (GObject *object)
{
  GlossAgreementView *self = (GlossAgreementView *)object;

  g_clear_pointer (&self->result, _gloss_agreement_result_unref);
  g_clear_pointer (&self->coder_ids, g_array_unref);
  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_object (&self->items);
  g_free (self->columns_signature);

  G_OBJECT_CLASS (gloss_agreement_view_parent_class)->finalize (object);
}

static void
gloss_agreement_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_UNIT:
      g_value_set_int (value, self->unit);
      break;
    case PROP_WITH_SUBCODES:
      g_value_set_boolean (value, self->with_subcodes);
      break;
    case PROP_BY_DOCUMENT:
      g_value_set_boolean (value, self->by_document);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_agreement_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_agreement_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_UNIT:
      gloss_agreement_view_set_unit (self, g_value_get_int (value));
      break;
    case PROP_WITH_SUBCODES:
      gloss_agreement_view_set_with_subcodes (self, g_value_get_boolean (value));
      break;
    case PROP_BY_DOCUMENT:
      gloss_agreement_view_set_by_document (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_agreement_view_class_init (GlossAgreementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_agreement_view_dispose;
  object_class->finalize = gloss_agreement_view_finalize;
  object_class->get_property = gloss_agreement_view_get_property;
  object_class->set_property = gloss_agreement_view_set_property;
  widget_class->map = gloss_agreement_view_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_int ("unit", NULL, NULL, GLOSS_UNIT_CHARACTER, GLOSS_UNIT_PARAGRAPH, GLOSS_UNIT_CHARACTER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_SUBCODES] =
    g_param_spec_boolean ("with-subcodes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BY_DOCUMENT] =
    g_param_spec_boolean ("by-document", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossAgreementView::compare-requested:
   * @code_id: the code of the row activated
   * @document_id: its report, or 0 for the code's row over every report
   *
   * Compare the first two coders side by side on that code.
   */
  signals[COMPARE_REQUESTED] =
    g_signal_new ("compare-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-agreement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, box);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, formulas_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, formulas_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, coders_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, coders_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, documents_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, subcodes_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, by_document_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, error_page);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, column_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementView, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_subcodes_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_by_document_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  _gloss_agreement_view_class_init_export (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agreementview");
}

static void
gloss_agreement_view_init (GlossAgreementView *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->unit = GLOSS_UNIT_CHARACTER;
  gtk_label_set_markup (self->formulas_label, gloss_agreement_view_get_formulas ());
  _gloss_agreement_view_table_init (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  _gloss_agreement_view_update_actions (self);
}

/* Public --------------------------------------------------------------------- */

GtkWidget *
gloss_agreement_view_new (void)
{
  return g_object_new (GLOSS_TYPE_AGREEMENT_VIEW, NULL);
}

GlossProject *
gloss_agreement_view_get_project (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  return self->project;
}

void
gloss_agreement_view_set_project (GlossAgreementView *self,
                                  GlossProject       *project)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "codings-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "codes-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "documents-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
    }

  /* Another project: its own coders and reports. */
  g_clear_pointer (&self->coder_ids, g_array_unref);
  g_clear_pointer (&self->document_ids, g_array_unref);
  refresh_controls (self);
  gloss_agreement_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
gloss_agreement_view_set_coders (GlossAgreementView *self,
                                 GArray             *coder_ids)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  g_clear_pointer (&self->coder_ids, g_array_unref);
  self->coder_ids = copy_ids (coder_ids);
  refresh_coders (self);
  gloss_agreement_view_reload (self);
}

GArray *
gloss_agreement_view_dup_coders (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  return self->coder_ids != NULL ? copy_ids (self->coder_ids) : g_array_new (FALSE, FALSE, sizeof (gint64));
}

GlossAgreementUnit
gloss_agreement_view_get_unit (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), GLOSS_UNIT_CHARACTER);

  return self->unit;
}

void
gloss_agreement_view_set_unit (GlossAgreementView *self,
                               GlossAgreementUnit  unit)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));
  g_return_if_fail (unit <= GLOSS_UNIT_PARAGRAPH);

  if (self->unit == unit)
    return;

  self->unit = unit;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->unit_dropdown, unit);
  self->updating = FALSE;
  gloss_agreement_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

void
gloss_agreement_view_set_documents (GlossAgreementView *self,
                                    GArray             *document_ids)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  g_clear_pointer (&self->document_ids, g_array_unref);
  self->document_ids = copy_ids (document_ids);
  refresh_documents (self);
  gloss_agreement_view_reload (self);
}

gboolean
gloss_agreement_view_get_with_subcodes (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), FALSE);

  return self->with_subcodes;
}

void
gloss_agreement_view_set_with_subcodes (GlossAgreementView *self,
                                        gboolean            with_subcodes)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  with_subcodes = !!with_subcodes;
  if (self->with_subcodes == with_subcodes)
    return;

  self->with_subcodes = with_subcodes;
  self->updating = TRUE;
  gtk_switch_set_active (self->subcodes_switch, with_subcodes);
  self->updating = FALSE;
  gloss_agreement_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_SUBCODES]);
}

gboolean
gloss_agreement_view_get_by_document (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), FALSE);

  return self->by_document;
}

void
gloss_agreement_view_set_by_document (GlossAgreementView *self,
                                      gboolean            by_document)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  by_document = !!by_document;
  if (self->by_document == by_document)
    return;

  self->by_document = by_document;
  self->updating = TRUE;
  gtk_switch_set_active (self->by_document_switch, by_document);
  self->updating = FALSE;
  gloss_agreement_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY_DOCUMENT]);
}

gboolean
gloss_agreement_view_get_loading (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), FALSE);

  return self->loading;
}

guint
gloss_agreement_view_get_n_rows (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), 0);

  return self->result != NULL ? self->result->rows->len : 0;
}

guint
gloss_agreement_view_get_n_columns (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), 0);

  return g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view));
}

const char *
gloss_agreement_view_get_column_title (GlossAgreementView *self,
                                       guint               column)
{
  g_autoptr(GtkColumnViewColumn) c = NULL;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  c = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);
  return c != NULL ? gtk_column_view_column_get_title (c) : NULL;
}

char *
gloss_agreement_view_get_cell_text (GlossAgreementView *self,
                                    guint               row,
                                    guint               column)
{
  g_autoptr(GArray) columns = NULL;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  if (self->result == NULL)
    return NULL;

  columns = _gloss_agreement_columns (self->result);
  if (column >= columns->len)
    return NULL;

  return _gloss_agreement_cell_text (self->result, row, g_array_index (columns, int, column));
}

char *
gloss_agreement_view_get_cell_by_title (GlossAgreementView *self,
                                        guint               row,
                                        const char         *title)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  n = gloss_agreement_view_get_n_columns (self);
  for (guint column = 0; column < n; column++)
    if (g_strcmp0 (gloss_agreement_view_get_column_title (self, column), title) == 0)
      return gloss_agreement_view_get_cell_text (self, row, column);

  return NULL;
}

gboolean
gloss_agreement_view_activate_row (GlossAgreementView *self,
                                   guint               row)
{
  const GlossAgreementRow *r;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), FALSE);

  if (self->result == NULL || row >= self->result->rows->len)
    return FALSE;

  r = g_ptr_array_index (self->result->rows, row);
  if (r->code_id == 0)
    return FALSE;

  g_signal_emit (self, signals[COMPARE_REQUESTED], 0, r->code_id, r->document_id);
  return TRUE;
}
