/* gloss-codings-list.c: the codings of the open document
 *
 * One row per coding, in the order of the document: the code's colour and
 * path, the page, the quote, the coder, whether it has a memo and how
 * colleagues reviewed it; the list can keep to the disputed or the
 * unreviewed codings.  A click or Enter asks the window to show the
 * passage ("coding-activated"); the context menu edits the coding's memo
 * in place or removes the coding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-coding-row.h"
#include "gloss-codings-list.h"
#include "gloss-memo-editor.h"
#include "gloss-review.h"

struct _GlossCodingsList
{
  GtkWidget           parent_instance;

  GlossProject       *project;
  gint64              document_id;
  GArray             *coder_filter;
  GlossReviewFilter   review_filter;
  GListStore         *store;
  GHashTable         *reviews;       /* coding id → GlossCodingReviews */

  /* template children */
  GtkWidget          *box;
  GtkStack           *stack;
  GtkToggleButton    *filter_all_button;
  GtkToggleButton    *filter_disputed_button;
  GtkToggleButton    *filter_unreviewed_button;
  AdwStatusPage      *filtered_page;
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GMenuModel         *context_menu;

  GtkWidget          *menu_popover;
  GtkWidget          *memo_popover;
  GlossMemoEditor    *memo_editor;
};

G_DEFINE_FINAL_TYPE (GlossCodingsList, gloss_codings_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  PROP_REVIEW_FILTER,
  PROP_SELECTED_CODING_ID,
  N_PROPS
};

enum {
  CODING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gloss_codings_list_toast (GlossCodingsList *self,
                          const char       *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    g_warning ("%s", title);
}

static gboolean
coder_shown (GlossCodingsList *self,
             gint64            coder_id)
{
  if (self->coder_filter == NULL)
    return TRUE;

  for (guint i = 0; i < self->coder_filter->len; i++)
    if (g_array_index (self->coder_filter, gint64, i) == coder_id)
      return TRUE;

  return FALSE;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  GlossCoding *ca = *(GlossCoding * const *) a;
  GlossCoding *cb = *(GlossCoding * const *) b;
  guint sa = gloss_coding_get_start (ca), sb = gloss_coding_get_start (cb);
  guint ea = gloss_coding_get_end (ca), eb = gloss_coding_get_end (cb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea != eb)
    return ea < eb ? -1 : 1;
  return g_strcmp0 (gloss_coding_get_code_path (ca), gloss_coding_get_code_path (cb));
}

static guint
find_position (GlossCodingsList *self,
               gint64            coding_id)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; coding_id != 0 && i < n; i++)
    {
      g_autoptr(GlossCoding) coding = g_list_model_get_item (model, i);

      if (gloss_coding_get_id (coding) == coding_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static GlossCoding *
selected_coding (GlossCodingsList *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (GlossCodingsList *self)
{
  gboolean has_selection = selected_coding (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codings.remove", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codings.edit-memo", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codings.menu", has_selection);
}

static gboolean
same_row (GlossCoding *a,
          GHashTable  *a_reviews,
          GlossCoding *b,
          GHashTable  *b_reviews)
{
  gint64 id = gloss_coding_get_id (b);

  return gloss_coding_row_same_coding (a, b) &&
         gloss_coding_reviews_equal (a_reviews ? g_hash_table_lookup (a_reviews, &id) : NULL,
                                     b_reviews ? g_hash_table_lookup (b_reviews, &id) : NULL);
}

/* Replaces the rows by codings (and the review badges by reviews),
 * touching only those that differ, so that a reload after one change
 * keeps the scroll position. */
static void
update_store (GlossCodingsList *self,
              GPtrArray        *codings,
              GHashTable       *reviews)
{
  g_autoptr(GHashTable) old_reviews = self->reviews;
  GListModel *model = G_LIST_MODEL (self->store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = codings->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GlossCoding) old = g_list_model_get_item (model, prefix);

      if (!same_row (old, old_reviews, g_ptr_array_index (codings, prefix), reviews))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GlossCoding) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!same_row (old, old_reviews, g_ptr_array_index (codings, n_new - 1 - suffix), reviews))
        break;
      suffix++;
    }

  /* The rows bound while splicing read the new badges. */
  self->reviews = reviews != NULL ? g_hash_table_ref (reviews) : NULL;

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (self->store, prefix, n_old - prefix - suffix,
                       codings->pdata + prefix, n_new - prefix - suffix);
}

/* Whether the document has codings at all (when a review filter leaves
 * none). */
static gboolean
document_has_codings (GlossCodingsList *self)
{
  GlossCodingFilter filter = { .document_id = self->document_id };
  g_autoptr(GPtrArray) all = gloss_project_list_codings (self->project, &filter, NULL);

  return all != NULL && all->len > 0;
}

void
gloss_codings_list_reload (GlossCodingsList *self)
{
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GHashTable) reviews = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected_id = gloss_codings_list_get_selected (self);
  const char *page;

  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));

  if (self->project != NULL && self->document_id != 0)
    {
      GlossCodingFilter filter = { .document_id = self->document_id };

      codings = gloss_project_list_reviewed_codings (self->project, &filter, self->review_filter, &error);
      if (codings == NULL)
        g_warning ("Could not list the codings: %s", error->message);
    }

  if (codings != NULL)
    {
      g_ptr_array_sort (codings, compare_position);
      for (guint i = 0; i < codings->len; i++)
        {
          GlossCoding *coding = g_ptr_array_index (codings, i);

          if (coder_shown (self, gloss_coding_get_coder_id (coding)))
            g_ptr_array_add (shown, coding);
        }
    }

  if (shown->len > 0)
    {
      reviews = gloss_coding_reviews_load (self->project, shown, &error);
      if (reviews == NULL)
        g_warning ("Could not list the reviews: %s", error->message);
    }

  update_store (self, shown, reviews);
  gtk_single_selection_set_selected (self->selection, find_position (self, selected_id));

  if (self->project == NULL || self->document_id == 0)
    page = "no-document";
  else if (shown->len > 0)
    page = "list";
  else if (codings == NULL ||
           (codings->len == 0 &&
            (self->review_filter == GLOSS_REVIEW_FILTER_ALL || !document_has_codings (self))))
    page = "empty";
  else
    page = "filtered";

  if (g_strcmp0 (page, "filtered") == 0)
    {
      const char *description;

      if (codings->len > 0)
        description = _("This report’s codings are all by coders who are hidden");
      else if (self->review_filter == GLOSS_REVIEW_FILTER_DISPUTED)
        description = _("No coding shown here is disputed");
      else
        description = _("Every coding shown here has been reviewed");
      adw_status_page_set_description (self->filtered_page, description);
    }
  gtk_stack_set_visible_child_name (self->stack, page);

  update_actions (self);
}

static void
emit_activated (GlossCodingsList *self,
                guint             position)
{
  g_autoptr(GlossCoding) coding = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (coding == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);

  g_signal_emit (self, signals[CODING_ACTIVATED], 0, gloss_coding_get_id (coding));
}

static void
on_list_activate (GlossCodingsList *self,
                  guint             position)
{
  emit_activated (self, position);
}

static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GlossCodingsList *self = GLOSS_CODINGS_LIST (gtk_widget_get_ancestor (row, GLOSS_TYPE_CODINGS_LIST));
  guint position = gtk_list_item_get_position (list_item);

  /* A double click also activates through the list view. */
  if (self == NULL || n_press != 1 || position == GTK_INVALID_LIST_POSITION)
    return;

  emit_activated (self, position);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GlossCodingsList         *self)
{
  GtkWidget *row = gloss_coding_row_new (TRUE);
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_row_released), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gtk_list_item_set_child (list_item, row);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GlossCodingsList         *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GlossCoding *coding = gtk_list_item_get_item (list_item);
  gint64 id = gloss_coding_get_id (coding);

  gloss_coding_row_set_coding (GLOSS_CODING_ROW (row), coding);
  gloss_coding_row_set_reviews (GLOSS_CODING_ROW (row),
                                self->reviews != NULL ? g_hash_table_lookup (self->reviews, &id) : NULL);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GlossCodingsList         *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  gloss_coding_row_set_coding (GLOSS_CODING_ROW (row), NULL);
  gloss_coding_row_set_reviews (GLOSS_CODING_ROW (row), NULL);
}

static void
on_review_filter_toggled (GlossCodingsList *self,
                          GtkToggleButton  *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->filter_disputed_button)
    gloss_codings_list_set_review_filter (self, GLOSS_REVIEW_FILTER_DISPUTED);
  else if (button == self->filter_unreviewed_button)
    gloss_codings_list_set_review_filter (self, GLOSS_REVIEW_FILTER_UNREVIEWED);
  else
    gloss_codings_list_set_review_filter (self, GLOSS_REVIEW_FILTER_ALL);
}

static void
on_selected_item_changed (GlossCodingsList *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODING_ID]);
}

static void
on_project_changed (GlossCodingsList *self)
{
  gloss_codings_list_reload (self);
}

/* Where to point a popover: below the selected row's title if the row is
 * shown, else near the top. */
static void
selected_row_point (GlossCodingsList *self,
                    graphene_point_t *point)
{
  gint64 selected_id = gloss_codings_list_get_selected (self);

  *point = GRAPHENE_POINT_INIT (24.0f, 48.0f);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL && selected_id != 0;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      GlossCoding *coding;

      if (row == NULL || !GLOSS_IS_CODING_ROW (row) || !gtk_widget_get_mapped (row))
        continue;

      coding = gloss_coding_row_get_coding (GLOSS_CODING_ROW (row));
      if (coding == NULL || gloss_coding_get_id (coding) != selected_id)
        continue;

      if (!gtk_widget_compute_point (row, GTK_WIDGET (self),
                                     &GRAPHENE_POINT_INIT (24.0f, 20.0f), point))
        *point = GRAPHENE_POINT_INIT (24.0f, 48.0f);
      return;
    }
}

static void
popup_menu (GlossCodingsList *self,
            double            x,
            double            y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->menu_popover == NULL)
    {
      self->menu_popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu_popover), FALSE);
      gtk_widget_set_halign (self->menu_popover, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
on_list_pressed (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 GlossCodingsList *self)
{
  GtkWidget *picked;
  GtkWidget *row;
  GlossCoding *coding;
  graphene_point_t point;
  guint position;

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  if (picked == NULL)
    return;

  row = GLOSS_IS_CODING_ROW (picked)
    ? picked : gtk_widget_get_ancestor (picked, GLOSS_TYPE_CODING_ROW);
  if (row == NULL)
    {
      /* The list's own row widget around ours. */
      GtkWidget *child = gtk_widget_get_first_child (picked);

      if (child != NULL && GLOSS_IS_CODING_ROW (child))
        row = child;
    }
  if (row == NULL)
    return;

  coding = gloss_coding_row_get_coding (GLOSS_CODING_ROW (row));
  if (coding == NULL)
    return;

  position = find_position (self, gloss_coding_get_id (coding));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->list_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT ((float) x, (float) y);

  popup_menu (self, point.x, point.y);
}

static void
codings_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossCodingsList *self = GLOSS_CODINGS_LIST (widget);
  graphene_point_t point;

  selected_row_point (self, &point);
  popup_menu (self, point.x, point.y);
}

static void
codings_remove_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossCodingsList *self = GLOSS_CODINGS_LIST (widget);
  GlossCoding *coding = selected_coding (self);
  g_autoptr(GError) error = NULL;
  guint position;

  if (coding == NULL || self->project == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);

  if (!gloss_project_remove_coding (self->project, gloss_coding_get_id (coding), &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could not remove the coding: %s"), error->message);

      gloss_codings_list_toast (self, title);
      return;
    }

  /* Show it gone at once; "codings-changed" follows. */
  gloss_codings_list_reload (self);

  /* The next row, so that the keyboard user can go on. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 &&
      gtk_single_selection_get_selected_item (self->selection) == NULL)
    {
          gtk_single_selection_set_selected (self->selection,
                                         MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->store)) - 1));
        }
}

static void
on_memo_error (GlossCodingsList *self,
               const char       *message)
{
  gloss_codings_list_toast (self, message);
}

static void
on_memo_popover_closed (GlossCodingsList *self)
{
  gloss_memo_editor_save (self->memo_editor);
}

static void
codings_edit_memo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossCodingsList *self = GLOSS_CODINGS_LIST (widget);
  GlossCoding *coding = selected_coding (self);
  graphene_point_t point;
  GdkRectangle rect;

  if (coding == NULL || self->project == NULL)
    return;

  if (self->menu_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu_popover));

  if (self->memo_popover == NULL)
    {
      self->memo_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->memo_popover, GTK_WIDGET (self));
      gtk_popover_set_position (GTK_POPOVER (self->memo_popover), GTK_POS_BOTTOM);

      self->memo_editor = GLOSS_MEMO_EDITOR (gloss_memo_editor_new ());
      gtk_widget_set_size_request (GTK_WIDGET (self->memo_editor), 320, 180);
      gtk_widget_set_margin_start (GTK_WIDGET (self->memo_editor), 6);
      gtk_widget_set_margin_end (GTK_WIDGET (self->memo_editor), 6);
      gtk_widget_set_margin_top (GTK_WIDGET (self->memo_editor), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->memo_editor), 6);
      gtk_popover_set_child (GTK_POPOVER (self->memo_popover), GTK_WIDGET (self->memo_editor));

      g_signal_connect_object (self->memo_editor, "error",
                               G_CALLBACK (on_memo_error), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->memo_popover, "closed",
                               G_CALLBACK (on_memo_popover_closed), self, G_CONNECT_SWAPPED);
    }

  gloss_memo_editor_set_heading (self->memo_editor, gloss_coding_get_code_path (coding));
  gloss_memo_editor_set_target (self->memo_editor, self->project, GLOSS_MEMO_CODING,
                                gloss_coding_get_id (coding), gloss_coding_get_coder_id (coding));

  selected_row_point (self, &point);
  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->memo_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->memo_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self->memo_editor));
}

static gboolean
gloss_codings_list_grab_focus (GtkWidget *widget)
{
  GlossCodingsList *self = GLOSS_CODINGS_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
gloss_codings_list_dispose (GObject *object)
{
  GlossCodingsList *self = (GlossCodingsList *)object;

  /* The memo editor saves what is pending while the project is there. */
  if (self->memo_editor != NULL)
    gloss_memo_editor_save (self->memo_editor);
  g_clear_pointer (&self->memo_popover, gtk_widget_unparent);
  self->memo_editor = NULL;
  g_clear_pointer (&self->menu_popover, gtk_widget_unparent);

  gloss_codings_list_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODINGS_LIST);

  G_OBJECT_CLASS (gloss_codings_list_parent_class)->dispose (object);
}

static void
gloss_codings_list_finalize (GObject *object)
{
  GlossCodingsList *self = (GlossCodingsList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->coder_filter, g_array_unref);
  g_clear_pointer (&self->reviews, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_codings_list_parent_class)->finalize (object);
}

static void
gloss_codings_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossCodingsList *self = GLOSS_CODINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_REVIEW_FILTER:
      g_value_set_int (value, self->review_filter);
      break;
    case PROP_SELECTED_CODING_ID:
      g_value_set_int64 (value, gloss_codings_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codings_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossCodingsList *self = GLOSS_CODINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_codings_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT_ID:
      gloss_codings_list_set_document (self, g_value_get_int64 (value));
      break;
    case PROP_REVIEW_FILTER:
      gloss_codings_list_set_review_filter (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codings_list_class_init (GlossCodingsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_codings_list_dispose;
  object_class->finalize = gloss_codings_list_finalize;
  object_class->get_property = gloss_codings_list_get_property;
  object_class->set_property = gloss_codings_list_set_property;
  widget_class->grab_focus = gloss_codings_list_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A GlossReviewFilter. */
  properties[PROP_REVIEW_FILTER] =
    g_param_spec_int ("review-filter", NULL, NULL,
                      GLOSS_REVIEW_FILTER_ALL, GLOSS_REVIEW_FILTER_UNREVIEWED, GLOSS_REVIEW_FILTER_ALL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The coding selected (0: none), for a panel that shows its reviews. */
  properties[PROP_SELECTED_CODING_ID] =
    g_param_spec_int64 ("selected-coding-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossCodingsList::coding-activated:
   * @coding_id: the coding
   *
   * A row was clicked or activated with the keyboard: show that passage.
   */
  signals[CODING_ACTIVATED] =
    g_signal_new ("coding-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GLOSS_TYPE_CODING_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-codings-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, box);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, filter_all_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, filter_disputed_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, filter_unreviewed_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, filtered_page);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossCodingsList, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_review_filter_toggled);

  gtk_widget_class_install_action (widget_class, "codings.remove", NULL, codings_remove_action);
  gtk_widget_class_install_action (widget_class, "codings.edit-memo", NULL, codings_edit_memo_action);
  gtk_widget_class_install_action (widget_class, "codings.menu", NULL, codings_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codings.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "codings.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "codings.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codingslist");
}

static void
gloss_codings_list_init (GlossCodingsList *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (GLOSS_TYPE_CODING);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->store));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_list_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));

  gloss_codings_list_reload (self);
}

GtkWidget *
gloss_codings_list_new (void)
{
  return g_object_new (GLOSS_TYPE_CODINGS_LIST, NULL);
}

GlossProject *
gloss_codings_list_get_project (GlossCodingsList *self)
{
  g_return_val_if_fail (GLOSS_IS_CODINGS_LIST (self), NULL);

  return self->project;
}

void
gloss_codings_list_set_project (GlossCodingsList *self,
                                GlossProject     *project)
{
  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);

  if (self->memo_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->memo_popover));
  if (self->memo_editor != NULL)
    gloss_memo_editor_set_target (self->memo_editor, NULL, GLOSS_MEMO_CODING, 0, 0);

  g_set_object (&self->project, project);
  self->document_id = 0;

  if (project != NULL)
    {
      g_signal_connect_object (project, "codings-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "codes-changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
    }

  if (self->store != NULL)
    gloss_codings_list_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
gloss_codings_list_get_document (GlossCodingsList *self)
{
  g_return_val_if_fail (GLOSS_IS_CODINGS_LIST (self), 0);

  return self->document_id;
}

void
gloss_codings_list_set_document (GlossCodingsList *self,
                                 gint64            document_id)
{
  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));

  if (self->document_id == document_id)
    return;

  if (self->memo_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->memo_popover));

  self->document_id = document_id;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gloss_codings_list_reload (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

void
gloss_codings_list_set_coder_filter (GlossCodingsList *self,
                                     GArray           *coder_ids)
{
  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));

  g_clear_pointer (&self->coder_filter, g_array_unref);
  if (coder_ids != NULL)
    {
      self->coder_filter = g_array_sized_new (FALSE, FALSE, sizeof (gint64), coder_ids->len);
      g_array_append_vals (self->coder_filter, coder_ids->data, coder_ids->len);
    }

  gloss_codings_list_reload (self);
}

void
gloss_codings_list_select_coding (GlossCodingsList *self,
                                  gint64            coding_id)
{
  guint position;

  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));

  position = find_position (self, coding_id);

  gtk_single_selection_set_selected (self->selection, position);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

gint64
gloss_codings_list_get_selected (GlossCodingsList *self)
{
  GlossCoding *coding;

  g_return_val_if_fail (GLOSS_IS_CODINGS_LIST (self), 0);

  coding = selected_coding (self);
  return coding != NULL ? gloss_coding_get_id (coding) : 0;
}

GListModel *
gloss_codings_list_get_model (GlossCodingsList *self)
{
  g_return_val_if_fail (GLOSS_IS_CODINGS_LIST (self), NULL);

  return G_LIST_MODEL (self->store);
}

void
gloss_codings_list_activate_row (GlossCodingsList *self,
                                 guint             position)
{
  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));

  emit_activated (self, position);
}

GlossReviewFilter
gloss_codings_list_get_review_filter (GlossCodingsList *self)
{
  g_return_val_if_fail (GLOSS_IS_CODINGS_LIST (self), GLOSS_REVIEW_FILTER_ALL);

  return self->review_filter;
}

/**
 * gloss_codings_list_set_review_filter:
 *
 * Keeps to the disputed or the unreviewed codings, or shows all, as the
 * buttons above the list do.
 */
void
gloss_codings_list_set_review_filter (GlossCodingsList  *self,
                                      GlossReviewFilter  review_filter)
{
  GtkToggleButton *button;

  g_return_if_fail (GLOSS_IS_CODINGS_LIST (self));
  g_return_if_fail (review_filter <= GLOSS_REVIEW_FILTER_UNREVIEWED);

  switch (review_filter)
    {
    case GLOSS_REVIEW_FILTER_DISPUTED:
      button = self->filter_disputed_button;
      break;
    case GLOSS_REVIEW_FILTER_UNREVIEWED:
      button = self->filter_unreviewed_button;
      break;
    case GLOSS_REVIEW_FILTER_ALL:
    default:
      button = self->filter_all_button;
      break;
    }
  /* Toggling the button calls back here with the same filter. */
  gtk_toggle_button_set_active (button, TRUE);

  if (self->review_filter == review_filter)
    return;

  self->review_filter = review_filter;
  gloss_codings_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_FILTER]);
}
