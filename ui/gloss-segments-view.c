/* gloss-segments-view.c: the coded segments of a code across documents
 *
 * Every passage coded with a code (and, if asked, its sub-codes), grouped
 * by document under a header with the document's name and count, each
 * with its page, coder, quote and memo, as NVivo's reference view and
 * MAXQDA's retrieved segments show them.  GtkListView has no section
 * headers before GTK 4.12, so the model is flat: a GlossSegmentsGroup
 * item before each document's GlossCoding items.  Each passage shows how
 * colleagues reviewed it, and the view can keep to the disputed or the
 * unreviewed ones.  The passages load in a thread; a new code or filter
 * cancels the load under way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-coding-row.h"
#include "gloss-review.h"
#include "gloss-segments-view.h"

/* GlossSegmentsGroup ------------------------------------------------------- */

struct _GlossSegmentsGroup
{
  GObject  parent_instance;

  gint64   document_id;
  char    *document_name;
  guint    n_codings;
};

G_DEFINE_FINAL_TYPE (GlossSegmentsGroup, gloss_segments_group, G_TYPE_OBJECT)

static void
gloss_segments_group_finalize (GObject *object)
{
  GlossSegmentsGroup *self = (GlossSegmentsGroup *)object;

  g_free (self->document_name);

  G_OBJECT_CLASS (gloss_segments_group_parent_class)->finalize (object);
}

static void
gloss_segments_group_class_init (GlossSegmentsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_segments_group_finalize;
}

static void
gloss_segments_group_init (GlossSegmentsGroup *self)
{
}

static GlossSegmentsGroup *
gloss_segments_group_new (gint64      document_id,
                          const char *document_name,
                          guint       n_codings)
{
  GlossSegmentsGroup *self = g_object_new (GLOSS_TYPE_SEGMENTS_GROUP, NULL);

  self->document_id = document_id;
  self->document_name = g_strdup (document_name);
  self->n_codings = n_codings;

  return self;
}

gint64
gloss_segments_group_get_document_id (GlossSegmentsGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_GROUP (self), 0);

  return self->document_id;
}

const char *
gloss_segments_group_get_document_name (GlossSegmentsGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_GROUP (self), NULL);

  return self->document_name;
}

guint
gloss_segments_group_get_n_codings (GlossSegmentsGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_GROUP (self), 0);

  return self->n_codings;
}

/* GlossSegmentsView -------------------------------------------------------- */

struct _GlossSegmentsView
{
  GtkWidget       parent_instance;

  GlossProject   *project;
  gint64          code_id;
  GdkRGBA         colour;
  gint64          coder_id;
  gint64          document_id;
  gboolean        with_subcodes;
  GlossReviewFilter review_filter;
  GHashTable     *reviews;        /* coding id → GlossCodingReviews */
  gboolean        loading;
  gboolean        updating_filters;
  gboolean        stale;
  GListStore     *store;
  GCancellable   *cancellable;
  GArray         *coder_ids;      /* gint64, parallel to coder_names */
  GArray         *document_ids;   /* gint64, parallel to document_names */
  char           *summary;

  /* template children */
  GtkWidget      *box;
  GtkDrawingArea *code_swatch;
  GtkLabel       *code_label;
  GtkLabel       *summary_label;
  GtkSpinner     *spinner;
  GtkSwitch      *subcodes_switch;
  GtkDropDown    *coder_dropdown;
  GtkStringList  *coder_names;
  GtkDropDown    *document_dropdown;
  GtkStringList  *document_names;
  GtkDropDown    *review_dropdown;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkListView    *list_view;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (GlossSegmentsView, gloss_segments_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CODE_ID,
  PROP_WITH_SUBCODES,
  PROP_LOADING,
  N_PROPS
};

enum {
  SEGMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
draw_code_swatch (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        data)
{
  GlossSegmentsView *self = data;
  double radius = MIN (width, height) / 2.0;

  if (self->code_id == 0)
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &self->colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
set_loading (GlossSegmentsView *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Filters ------------------------------------------------------------------ */

static gboolean
same_choices (GtkStringList *names,
              GArray        *ids,
              GPtrArray     *new_names,
              GArray        *new_ids)
{
  GListModel *model = G_LIST_MODEL (names);

  if (ids == NULL || ids->len != new_ids->len ||
      g_list_model_get_n_items (model) != new_names->len)
    return FALSE;

  for (guint i = 0; i < new_ids->len; i++)
    if (g_array_index (ids, gint64, i) != g_array_index (new_ids, gint64, i) ||
        g_strcmp0 (gtk_string_list_get_string (names, i), g_ptr_array_index (new_names, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Fills a dropdown with "All …" and the choices, keeping the one chosen;
 * returns the id chosen afterwards (0 if it is gone). */
static gint64
fill_dropdown (GlossSegmentsView *self,
               GtkDropDown       *dropdown,
               GtkStringList     *names,
               GArray           **ids,
               const char        *all,
               GPtrArray         *choice_names,
               GArray            *choice_ids,
               gint64             chosen)
{
  g_autoptr(GPtrArray) new_names = g_ptr_array_new ();
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 zero = 0;
  guint selected = 0;

  g_ptr_array_add (new_names, (gpointer) all);
  g_array_append_val (new_ids, zero);
  for (guint i = 0; choice_names != NULL && i < choice_names->len; i++)
    {
      g_ptr_array_add (new_names, g_ptr_array_index (choice_names, i));
      g_array_append_val (new_ids, g_array_index (choice_ids, gint64, i));
      if (g_array_index (choice_ids, gint64, i) == chosen)
        selected = i + 1;
    }

  if (!same_choices (names, *ids, new_names, new_ids))
    {
      g_ptr_array_add (new_names, NULL);
      self->updating_filters = TRUE;
      gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                              (const char * const *) new_names->pdata);
      g_clear_pointer (ids, g_array_unref);
      *ids = g_steal_pointer (&new_ids);
      self->updating_filters = FALSE;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;

  return g_array_index (*ids, gint64, selected);
}

static void
refresh_filters (GlossSegmentsView *self)
{
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GArray) coder_ids = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) document_names = g_ptr_array_new ();
  g_autoptr(GArray) document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->project != NULL)
    {
      coders = gloss_project_list_coder_names (self->project, &coder_ids, NULL);
      documents = gloss_project_list_documents (self->project, NULL);
    }

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);
      gint64 id = gloss_document_get_id (document);

      g_ptr_array_add (document_names, (gpointer) gloss_document_get_name (document));
      g_array_append_val (document_ids, id);
    }

  self->coder_id = fill_dropdown (self, self->coder_dropdown, self->coder_names, &self->coder_ids,
                                  _("All coders"), coders, coder_ids, self->coder_id);
  self->document_id = fill_dropdown (self, self->document_dropdown, self->document_names,
                                     &self->document_ids, _("All reports"),
                                     document_names, document_ids, self->document_id);
}

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  GlossProject      *project;
  GlossCodingFilter  filter;
  GlossReviewFilter  review_filter;
} LoadData;

/* What a load gives. */
typedef struct
{
  GPtrArray  *codings;
  GHashTable *reviews;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->codings, g_ptr_array_unref);
  g_clear_pointer (&result->reviews, g_hash_table_unref);
  g_free (result);
}

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->project);
  g_free (ld);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  GError *error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->codings = gloss_project_list_reviewed_codings (ld->project, &ld->filter, ld->review_filter, &error);
  if (result->codings != NULL)
    result->reviews = gloss_coding_reviews_load (ld->project, result->codings, &error);
  if (result->reviews == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, load_result_free);
}

static gboolean
same_item (GObject    *a,
           GHashTable *a_reviews,
           GObject    *b,
           GHashTable *b_reviews)
{
  if (GLOSS_IS_CODING (a) && GLOSS_IS_CODING (b))
    {
      gint64 id = gloss_coding_get_id (GLOSS_CODING (b));

      return gloss_coding_row_same_coding (GLOSS_CODING (a), GLOSS_CODING (b)) &&
             gloss_coding_reviews_equal (a_reviews ? g_hash_table_lookup (a_reviews, &id) : NULL,
                                         b_reviews ? g_hash_table_lookup (b_reviews, &id) : NULL);
    }

  if (GLOSS_IS_SEGMENTS_GROUP (a) && GLOSS_IS_SEGMENTS_GROUP (b))
    {
      GlossSegmentsGroup *ga = GLOSS_SEGMENTS_GROUP (a), *gb = GLOSS_SEGMENTS_GROUP (b);

      return ga->document_id == gb->document_id && ga->n_codings == gb->n_codings &&
             g_strcmp0 (ga->document_name, gb->document_name) == 0;
    }

  return FALSE;
}

/* Replaces the rows by items, touching only those that differ, so that a
 * reload after a small change keeps the scroll position. */
static void
update_store (GlossSegmentsView *self,
              GPtrArray         *items,
              GHashTable        *reviews)
{
  g_autoptr(GHashTable) old_reviews = self->reviews;
  GListModel *model = G_LIST_MODEL (self->store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);

      if (!same_item (old, old_reviews, g_ptr_array_index (items, prefix), reviews))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!same_item (old, old_reviews, g_ptr_array_index (items, n_new - 1 - suffix), reviews))
        break;
      suffix++;
    }

  /* The rows bound while splicing read the new badges. */
  self->reviews = reviews != NULL ? g_hash_table_ref (reviews) : NULL;

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (self->store, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, n_new - prefix - suffix);
}

static void
show_results (GlossSegmentsView *self,
              GPtrArray         *codings,
              GHashTable        *reviews)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *passages = NULL;
  g_autofree char *reports = NULL;
  guint n_documents = 0;
  guint i = 0;

  /* The engine gives them by document, then by position. */
  while (codings != NULL && i < codings->len)
    {
      GlossCoding *first = g_ptr_array_index (codings, i);
      gint64 document_id = gloss_coding_get_document_id (first);
      guint j = i;

      while (j < codings->len &&
             gloss_coding_get_document_id (g_ptr_array_index (codings, j)) == document_id)
        j++;

      g_ptr_array_add (items, gloss_segments_group_new (document_id,
                                                        gloss_coding_get_document_name (first),
                                                        j - i));
      for (; i < j; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (codings, i)));
      n_documents++;
    }

  update_store (self, items, reviews);

  g_clear_pointer (&self->summary, g_free);
  if (self->code_id == 0)
    self->summary = g_strdup ("");
  else if (codings == NULL || codings->len == 0)
    self->summary = g_strdup (_("No coded passages"));
  else
    {
      passages = g_strdup_printf (ngettext ("%u passage", "%u passages", codings->len),
                                  codings->len);
      reports = g_strdup_printf (ngettext ("%u report", "%u reports", n_documents),
                                 n_documents);
      /* Translators: "41 passages in 12 reports" */
      self->summary = g_strdup_printf (_("%s in %s"), passages, reports);
    }
  gtk_label_set_text (self->summary_label, self->summary);

  if (self->code_id == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-code");
  else if (codings == NULL || codings->len == 0)
    {
      const char *description;

      if (self->review_filter == GLOSS_REVIEW_FILTER_DISPUTED)
        description = _("No passage shown here is disputed");
      else if (self->review_filter == GLOSS_REVIEW_FILTER_UNREVIEWED)
        description = _("Every passage shown here has been reviewed");
      else if (self->coder_id != 0 || self->document_id != 0)
        description = _("No passage matches the chosen coder and report");
      else
        description = _("Nothing is coded with this code yet");
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GlossSegmentsView *self = GLOSS_SEGMENTS_VIEW (object);
  LoadResult *loaded;
  g_autoptr(GError) error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);

  if (loaded == NULL)
    {
      g_warning ("Could not list the coded passages: %s", error->message);
      show_results (self, NULL, NULL);
      return;
    }

  show_results (self, loaded->codings, loaded->reviews);
  load_result_free (loaded);
}

static void
update_code (GlossSegmentsView *self)
{
  g_autoptr(GlossCode) code = NULL;

  if (self->project != NULL && self->code_id != 0)
    code = gloss_project_get_code (self->project, self->code_id, NULL);

  if (code == NULL)
    {
      self->code_id = 0;
      gtk_label_set_text (self->code_label, _("Coded Passages"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->code_label), NULL);
    }
  else
    {
      if (!gdk_rgba_parse (&self->colour, gloss_code_get_colour (code)))
        self->colour = (GdkRGBA) { 0.6f, 0.6f, 0.6f, 1.0f };
      gtk_label_set_text (self->code_label, gloss_code_get_name (code));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->code_label), gloss_code_get_path (code));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->code_swatch), self->code_id != 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->code_swatch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->subcodes_switch), self->code_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->coder_dropdown), self->code_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->document_dropdown), self->code_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_dropdown), self->code_id != 0);
}

void
gloss_segments_view_reload (GlossSegmentsView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *ld;

  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->stale = FALSE;

  update_code (self);

  if (self->project == NULL || self->code_id == 0)
    {
      set_loading (self, FALSE);
      show_results (self, NULL, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();

  ld = g_new0 (LoadData, 1);
  ld->project = g_object_ref (self->project);
  ld->filter.code_id = self->code_id;
  ld->filter.with_subcodes = self->with_subcodes;
  ld->filter.coder_id = self->coder_id;
  ld->filter.document_id = self->document_id;
  ld->review_filter = self->review_filter;

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, gloss_segments_view_reload);
  g_task_set_name (task, "[gloss] load coded segments");
  g_task_set_task_data (task, ld, load_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

/* Rows --------------------------------------------------------------------- */

static void
emit_activated (GlossSegmentsView *self,
                guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item == NULL || !GLOSS_IS_CODING (item))
    return;

  g_signal_emit (self, signals[SEGMENT_ACTIVATED], 0,
                 gloss_coding_get_document_id (GLOSS_CODING (item)),
                 gloss_coding_get_id (GLOSS_CODING (item)));
}

static void
on_list_activate (GlossSegmentsView *self,
                  guint              position)
{
  emit_activated (self, position);
}

static void
on_card_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkListItem     *list_item)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *view = gtk_widget_get_ancestor (card, GLOSS_TYPE_SEGMENTS_VIEW);
  guint position = gtk_list_item_get_position (list_item);

  if (view == NULL || n_press != 1 || position == GTK_INVALID_LIST_POSITION)
    return;

  emit_activated (GLOSS_SEGMENTS_VIEW (view), position);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GlossSegmentsView        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gloss_coding_row_new (FALSE);
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_widget_set_margin_start (header, 20);
  gtk_widget_set_margin_end (header, 20);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (header), count);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (card, 16);
  gtk_widget_set_margin_end (card, 16);
  gtk_widget_set_margin_top (card, 4);
  gtk_widget_set_margin_bottom (card, 4);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_cursor_from_name (card, "pointer");
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 14);
  gtk_widget_set_margin_top (row, 12);
  gtk_widget_set_margin_bottom (row, 12);
  gtk_box_append (GTK_BOX (card), row);
  gtk_box_append (GTK_BOX (box), card);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_card_released), list_item);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (gesture));

  g_object_set_data (G_OBJECT (box), "header", header);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "count", count);
  g_object_set_data (G_OBJECT (box), "card", card);
  g_object_set_data (G_OBJECT (box), "row", row);

  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GlossSegmentsView        *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gboolean is_group = GLOSS_IS_SEGMENTS_GROUP (item);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "header"), is_group);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "card"), !is_group);
  gtk_list_item_set_activatable (list_item, !is_group);
  gtk_list_item_set_selectable (list_item, FALSE);

  if (is_group)
    {
      GlossSegmentsGroup *group = GLOSS_SEGMENTS_GROUP (item);
      g_autofree char *count = g_strdup_printf (ngettext ("%u passage", "%u passages",
                                                          group->n_codings),
                                                group->n_codings);

      gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), group->document_name);
      gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "name"), group->document_name);
      gtk_label_set_text (g_object_get_data (G_OBJECT (box), "count"), count);
    }
  else
    {
      GlossCodingRow *row = g_object_get_data (G_OBJECT (box), "row");
      GlossCoding *coding = GLOSS_CODING (item);

      gint64 id = gloss_coding_get_id (coding);

      gloss_coding_row_set_coding (row, coding);
      gloss_coding_row_set_show_code (row, gloss_coding_get_code_id (coding) != self->code_id);
      gloss_coding_row_set_reviews (row, self->reviews != NULL ? g_hash_table_lookup (self->reviews, &id) : NULL);
    }
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GlossSegmentsView        *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gloss_coding_row_set_coding (g_object_get_data (G_OBJECT (box), "row"), NULL);
  gloss_coding_row_set_reviews (g_object_get_data (G_OBJECT (box), "row"), NULL);
}

/* Signals ------------------------------------------------------------------ */

static void
on_subcodes_toggled (GlossSegmentsView *self)
{
  gloss_segments_view_set_with_subcodes (self, gtk_switch_get_active (self->subcodes_switch));
}

static void
on_filter_selected (GlossSegmentsView *self)
{
  guint coder = gtk_drop_down_get_selected (self->coder_dropdown);
  guint document = gtk_drop_down_get_selected (self->document_dropdown);
  gint64 coder_id, document_id;

  if (self->updating_filters || self->coder_ids == NULL || self->document_ids == NULL)
    return;

  coder_id = coder < self->coder_ids->len ? g_array_index (self->coder_ids, gint64, coder) : 0;
  document_id = document < self->document_ids->len
    ? g_array_index (self->document_ids, gint64, document) : 0;
  if (coder_id == self->coder_id && document_id == self->document_id)
    return;

  self->coder_id = coder_id;
  self->document_id = document_id;
  gloss_segments_view_reload (self);
}

static void
on_review_filter_selected (GlossSegmentsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->review_dropdown);

  if (self->updating_filters || selected > GLOSS_REVIEW_FILTER_UNREVIEWED)
    return;

  gloss_segments_view_set_review_filter (self, (GlossReviewFilter) selected);
}

/* While the view is hidden, a change only marks it stale: no need to load
 * the passages at every coding made elsewhere. */
static void
on_project_changed (GlossSegmentsView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  refresh_filters (self);
  gloss_segments_view_reload (self);
}

static void
gloss_segments_view_map (GtkWidget *widget)
{
  GlossSegmentsView *self = GLOSS_SEGMENTS_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_segments_view_parent_class)->map (widget);

  if (self->stale)
    {
      refresh_filters (self);
      gloss_segments_view_reload (self);
    }
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_segments_view_dispose (GObject *object)
{
  GlossSegmentsView *self = (GlossSegmentsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SEGMENTS_VIEW);

  G_OBJECT_CLASS (gloss_segments_view_parent_class)->dispose (object);
}

static void
gloss_segments_view_finalize (GObject *object)
{
  GlossSegmentsView *self = (GlossSegmentsView *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->coder_ids, g_array_unref);
  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (gloss_segments_view_parent_class)->finalize (object);
}

static void
gloss_segments_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossSegmentsView *self = GLOSS_SEGMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CODE_ID:
      g_value_set_int64 (value, self->code_id);
      break;
    case PROP_WITH_SUBCODES:
      g_value_set_boolean (value, self->with_subcodes);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_segments_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossSegmentsView *self = GLOSS_SEGMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_segments_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_CODE_ID:
      gloss_segments_view_set_code (self, g_value_get_int64 (value));
      break;
    case PROP_WITH_SUBCODES:
      gloss_segments_view_set_with_subcodes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_segments_view_class_init (GlossSegmentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_segments_view_dispose;
  object_class->finalize = gloss_segments_view_finalize;
  object_class->get_property = gloss_segments_view_get_property;
  object_class->set_property = gloss_segments_view_set_property;
  widget_class->map = gloss_segments_view_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE_ID] =
    g_param_spec_int64 ("code-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_SUBCODES] =
    g_param_spec_boolean ("with-subcodes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSegmentsView::segment-activated:
   * @document_id: the passage's document
   * @coding_id: the coding
   *
   * A passage was clicked or activated: open its document there.
   */
  signals[SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-segments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, code_swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, code_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, subcodes_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, coder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, coder_names);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, document_names);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSegmentsView, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_subcodes_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_review_filter_selected);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "segmentsview");
}

static void
gloss_segments_view_init (GlossSegmentsView *self)
{
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;

  self->store = g_list_store_new (G_TYPE_OBJECT);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->store));
  gtk_drawing_area_set_draw_func (self->code_swatch, draw_code_swatch, self, NULL);

  refresh_filters (self);
  gloss_segments_view_reload (self);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
gloss_segments_view_new (void)
{
  return g_object_new (GLOSS_TYPE_SEGMENTS_VIEW, NULL);
}

GlossProject *
gloss_segments_view_get_project (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), NULL);

  return self->project;
}

void
gloss_segments_view_set_project (GlossSegmentsView *self,
                                 GlossProject      *project)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);

  g_set_object (&self->project, project);
  self->code_id = 0;
  self->coder_id = 0;
  self->document_id = 0;

  if (project != NULL)
    {
      g_signal_connect_object (project, "codings-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "codes-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "documents-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
    }

  refresh_filters (self);
  gloss_segments_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_ID]);
}

gint64
gloss_segments_view_get_code (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), 0);

  return self->code_id;
}

void
gloss_segments_view_set_code (GlossSegmentsView *self,
                              gint64             code_id)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));

  if (self->code_id == code_id)
    return;

  self->code_id = code_id;
  /* Another code's passages: start from the top. */
  g_list_store_remove_all (self->store);
  gloss_segments_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_ID]);
}

gboolean
gloss_segments_view_get_with_subcodes (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), FALSE);

  return self->with_subcodes;
}

void
gloss_segments_view_set_with_subcodes (GlossSegmentsView *self,
                                       gboolean           with_subcodes)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));

  with_subcodes = !!with_subcodes;
  if (self->with_subcodes == with_subcodes)
    return;

  self->with_subcodes = with_subcodes;
  gtk_switch_set_active (self->subcodes_switch, with_subcodes);
  gloss_segments_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_SUBCODES]);
}

gint64
gloss_segments_view_get_coder_filter (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), 0);

  return self->coder_id;
}

void
gloss_segments_view_set_coder_filter (GlossSegmentsView *self,
                                      gint64             coder_id)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));

  if (self->coder_id == coder_id)
    return;

  self->coder_id = coder_id;
  refresh_filters (self);
  gloss_segments_view_reload (self);
}

gint64
gloss_segments_view_get_document_filter (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), 0);

  return self->document_id;
}

void
gloss_segments_view_set_document_filter (GlossSegmentsView *self,
                                         gint64             document_id)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  refresh_filters (self);
  gloss_segments_view_reload (self);
}

gboolean
gloss_segments_view_get_loading (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), FALSE);

  return self->loading;
}

GListModel *
gloss_segments_view_get_model (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}

const char *
gloss_segments_view_get_summary (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), NULL);

  return self->summary != NULL ? self->summary : "";
}

void
gloss_segments_view_activate_row (GlossSegmentsView *self,
                                   guint              position)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));

  emit_activated (self, position);
}

GlossReviewFilter
gloss_segments_view_get_review_filter (GlossSegmentsView *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTS_VIEW (self), GLOSS_REVIEW_FILTER_ALL);

  return self->review_filter;
}

void
gloss_segments_view_set_review_filter (GlossSegmentsView *self,
                                       GlossReviewFilter  review_filter)
{
  g_return_if_fail (GLOSS_IS_SEGMENTS_VIEW (self));
  g_return_if_fail (review_filter <= GLOSS_REVIEW_FILTER_UNREVIEWED);

  if (gtk_drop_down_get_selected (self->review_dropdown) != (guint) review_filter)
    {
      self->updating_filters = TRUE;
      gtk_drop_down_set_selected (self->review_dropdown, review_filter);
      self->updating_filters = FALSE;
    }

  if (self->review_filter == review_filter)
    return;

  self->review_filter = review_filter;
  gloss_segments_view_reload (self);
}
