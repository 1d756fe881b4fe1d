/* gloss-review-panel.c: the reviews of one coding, and the current
 * coder's own review of it
 *
 * Shown under the codings of the open report for the coding selected.
 * A colleague's verdict is stored the moment Agree or Dispute is pressed;
 * the comment a moment after the last keystroke, on Enter, and when the
 * entry loses the focus or the panel another coding.  Each is one
 * undoable action of the project; the list follows "codings-changed", so
 * undo and redo show at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-review-panel.h"

struct _GlossReviewPanel
{
  GtkWidget        parent_instance;

  GlossProject    *project;
  gint64           coding_id;
  gint64           reviewer_id;
  gint64           author_id;      /* the coding's coder */
  gboolean         has_coding;
  gboolean         has_mine;       /* the reviewer has a review of it */
  GlossVerdict     my_verdict;
  char            *my_comment;
  guint            n_reviews;
  gboolean         updating;       /* controls set from code */
  gboolean         dirty;          /* a comment typed, not yet stored */
  guint            save_source;

  /* template children */
  GtkWidget       *box;
  GtkLabel        *heading_label;
  GtkListBox      *reviews_list;
  GtkWidget       *empty_label;
  GtkWidget       *editor_box;
  GtkToggleButton *agree_button;
  GtkToggleButton *dispute_button;
  GtkEntry        *comment_entry;
  GtkWidget       *withdraw_button;
};

G_DEFINE_FINAL_TYPE (GlossReviewPanel, gloss_review_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CODING_ID,
  PROP_REVIEWER_ID,
  PROP_HAS_CODING,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (when);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: time of day a review was made, see strftime(3) */
    return g_date_time_format (local, _("%H:%M"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: day a review was made this year, see strftime(3) */
    return g_date_time_format (local, _("%-d %b"));

  /* Translators: day a review was made, see strftime(3) */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static char *
verdict_text (const GlossReview *review,
              gboolean           mine)
{
  gboolean agrees = review->verdict == GLOSS_VERDICT_AGREE;

  if (mine)
    return g_strdup (agrees ? _("You agree") : _("You dispute"));

  /* Translators: "Ben agrees" (with a coding) */
  return g_strdup_printf (agrees ? _("%s agrees") : _("%s disputes"), review->reviewer_name);
}

static GtkWidget *
review_row_new (const GlossReview *review,
                gboolean           mine)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon, *title, *time, *comment;
  g_autofree char *text = verdict_text (review, mine);
  g_autofree char *when = format_time (review->changed);
  g_autofree char *full_time = NULL;
  g_autofree char *accessible = NULL;
  gboolean agrees = review->verdict == GLOSS_VERDICT_AGREE;
  gboolean has_comment = review->comment != NULL && review->comment[0] != '\0';

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_start (grid, 10);
  gtk_widget_set_margin_end (grid, 10);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  icon = gtk_image_new_from_icon_name (agrees ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, agrees ? "success" : "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);

  title = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_grid_attach (GTK_GRID (grid), title, 1, 0, 1, 1);

  time = gtk_label_new (when);
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");
  if (review->changed != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (review->changed);

      /* Translators: when a review was last changed, see strftime(3) */
      full_time = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
      gtk_widget_set_tooltip_text (time, full_time);
    }
  gtk_grid_attach (GTK_GRID (grid), time, 2, 0, 1, 1);

  comment = gtk_label_new (has_comment ? review->comment : NULL);
  gtk_label_set_xalign (GTK_LABEL (comment), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (comment), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (comment), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (comment), FALSE);
  gtk_widget_set_visible (comment, has_comment);
  gtk_grid_attach (GTK_GRID (grid), comment, 1, 1, 2, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "reviewer-name", g_strdup (review->reviewer_name), g_free);

  accessible = has_comment ? g_strdup_printf ("%s: %s", text, review->comment) : g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
emit_error (GlossReviewPanel *self,
            const char       *message)
{
  g_autofree char *text = g_strdup_printf (_("Could not save the review: %s"), message);

  g_signal_emit (self, signals[ERROR], 0, text);
}

static void
set_has_coding (GlossReviewPanel *self,
                gboolean          has_coding)
{
  if (self->has_coding == has_coding)
    return;

  self->has_coding = has_coding;
  gtk_widget_set_visible (self->box, has_coding);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CODING]);
}

/* The editor shows the reviewer's own review; a comment being typed
 * stays. */
static void
update_editor (GlossReviewPanel *self)
{
  gboolean can_review = self->has_coding && self->reviewer_id != 0 && self->reviewer_id != self->author_id;

  self->updating = TRUE;

  gtk_widget_set_visible (self->editor_box, can_review);
  /* A toggle group always has one active: show neither by making the
   * one active inactive, which the group allows from code. */
  gtk_toggle_button_set_active (self->agree_button, self->has_mine && self->my_verdict == GLOSS_VERDICT_AGREE);
  gtk_toggle_button_set_active (self->dispute_button, self->has_mine && self->my_verdict == GLOSS_VERDICT_DISPUTE);
  if (!self->dirty)
    {
      const char *comment = self->has_mine && self->my_comment != NULL ? self->my_comment : "";

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry)), comment) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), comment);
    }
  gtk_widget_set_visible (self->withdraw_button, self->has_mine);

  self->updating = FALSE;
}

void
gloss_review_panel_reload (GlossReviewPanel *self)
{
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean is_author;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reviews_list))) != NULL)
    gtk_list_box_remove (self->reviews_list, child);

  self->has_mine = FALSE;
  g_clear_pointer (&self->my_comment, g_free);
  self->n_reviews = 0;
  self->author_id = 0;

  if (self->project != NULL && self->coding_id != 0)
    coding = gloss_project_get_coding (self->project, self->coding_id, NULL);
  if (coding != NULL)
    {
      reviews = gloss_project_list_reviews (self->project, self->coding_id, &error);
      if (reviews == NULL)
        g_warning ("Could not list the reviews: %s", error->message);
    }

  set_has_coding (self, coding != NULL);
  if (coding == NULL)
    {
      update_editor (self);
      return;
    }

  self->author_id = gloss_coding_get_coder_id (coding);
  is_author = self->reviewer_id != 0 && self->reviewer_id == self->author_id;

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      GlossReview *review = g_ptr_array_index (reviews, i);
      gboolean mine = self->reviewer_id != 0 && review->reviewer_id == self->reviewer_id;

      if (mine)
        {
          self->has_mine = TRUE;
          self->my_verdict = review->verdict;
          self->my_comment = g_strdup (review->comment);
        }
      gtk_list_box_append (self->reviews_list, review_row_new (review, mine));
      self->n_reviews++;
    }

  gtk_label_set_text (self->heading_label, is_author ? _("Reviews of Your Coding") : _("Reviews"));
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), self->n_reviews > 0);
  gtk_widget_set_visible (self->empty_label, self->n_reviews == 0);
  update_editor (self);
}

/* Saving ------------------------------------------------------------------- */

static void
clear_save_source (GlossReviewPanel *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
}

static gboolean
store_review (GlossReviewPanel *self,
              GlossVerdict      verdict)
{
  g_autoptr(GlossReview) review = NULL;
  g_autoptr(GError) error = NULL;
  const char *comment = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));

  clear_save_source (self);
  self->dirty = FALSE;

  if (self->project == NULL || self->coding_id == 0 || self->reviewer_id == 0)
    return TRUE;

  review = gloss_project_set_review (self->project, self->coding_id, self->reviewer_id,
                                     verdict, comment, &error);
  if (review == NULL)
    {
      emit_error (self, error->message);
      gloss_review_panel_reload (self);
      return FALSE;
    }

  /* Show it now; "codings-changed" follows. */
  gloss_review_panel_reload (self);
  return TRUE;
}

gboolean
gloss_review_panel_save (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  clear_save_source (self);
  if (!self->dirty)
    return TRUE;

  /* A comment without a verdict waits for Agree or Dispute. */
  if (!self->has_mine)
    return TRUE;

  return store_review (self, self->my_verdict);
}

static gboolean
save_timeout_cb (gpointer data)
{
  GlossReviewPanel *self = data;

  self->save_source = 0;
  gloss_review_panel_save (self);

  return G_SOURCE_REMOVE;
}

static void
on_comment_changed (GlossReviewPanel *self)
{
  if (self->updating)
    return;

  self->dirty = TRUE;
  clear_save_source (self);
  if (self->has_mine)
    self->save_source = g_timeout_add (GLOSS_REVIEW_PANEL_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_comment_activate (GlossReviewPanel *self)
{
  gloss_review_panel_save (self);
}

static void
on_comment_focus_leave (GlossReviewPanel *self)
{
  gloss_review_panel_save (self);
}

static void
on_verdict_toggled (GlossReviewPanel *self,
                    GtkToggleButton  *button)
{
  GlossVerdict verdict = button == self->agree_button ? GLOSS_VERDICT_AGREE : GLOSS_VERDICT_DISPUTE;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  if (self->has_mine && self->my_verdict == verdict && !self->dirty)
    return;

  store_review (self, verdict);
}

static void
on_withdraw_clicked (GlossReviewPanel *self)
{
  g_autoptr(GError) error = NULL;

  clear_save_source (self);
  if (self->project == NULL || !self->has_mine)
    return;

  if (!gloss_project_remove_review (self->project, self->coding_id, self->reviewer_id, &error))
    emit_error (self, error->message);

  self->dirty = FALSE;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  self->updating = FALSE;
  gloss_review_panel_reload (self);
}

static void
on_project_changed (GlossReviewPanel *self)
{
  gloss_review_panel_reload (self);
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_review_panel_dispose (GObject *object)
{
  GlossReviewPanel *self = (GlossReviewPanel *)object;

  /* What is typed is stored while the project is there. */
  gloss_review_panel_save (self);
  clear_save_source (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_REVIEW_PANEL);

  G_OBJECT_CLASS (gloss_review_panel_parent_class)->dispose (object);
}

static void
gloss_review_panel_finalize (GObject *object)
{
  GlossReviewPanel *self = (GlossReviewPanel *)object;

  g_free (self->my_comment);

  G_OBJECT_CLASS (gloss_review_panel_parent_class)->finalize (object);
}

static void
gloss_review_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CODING_ID:
      g_value_set_int64 (value, self->coding_id);
      break;
    case PROP_REVIEWER_ID:
      g_value_set_int64 (value, self->reviewer_id);
      break;
    case PROP_HAS_CODING:
      g_value_set_boolean (value, self->has_coding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_review_panel_set_project (self, g_value_get_object (value));
      break;
    case PROP_CODING_ID:
      gloss_review_panel_set_coding (self, g_value_get_int64 (value));
      break;
    case PROP_REVIEWER_ID:
      gloss_review_panel_set_reviewer (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_panel_class_init (GlossReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_review_panel_dispose;
  object_class->finalize = gloss_review_panel_finalize;
  object_class->get_property = gloss_review_panel_get_property;
  object_class->set_property = gloss_review_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODING_ID] =
    g_param_spec_int64 ("coding-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWER_ID] =
    g_param_spec_int64 ("reviewer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CODING] =
    g_param_spec_boolean ("has-coding", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossReviewPanel::error:
   * @message: what went wrong, for a toast
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, box);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, editor_box);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, agree_button);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, dispute_button);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, withdraw_button);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_withdraw_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpanel");
}

static void
gloss_review_panel_init (GlossReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->box, FALSE);
  gloss_review_panel_reload (self);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
gloss_review_panel_new (void)
{
  return g_object_new (GLOSS_TYPE_REVIEW_PANEL, NULL);
}

GlossProject *
gloss_review_panel_get_project (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);

  return self->project;
}

void
gloss_review_panel_set_project (GlossReviewPanel *self,
                                GlossProject     *project)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  gloss_review_panel_save (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);

  g_set_object (&self->project, project);
  self->coding_id = 0;
  self->dirty = FALSE;

  if (project != NULL)
    g_signal_connect_object (project, "codings-changed",
                             G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);

  gloss_review_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODING_ID]);
}

gint64
gloss_review_panel_get_coding (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), 0);

  return self->coding_id;
}

void
gloss_review_panel_set_coding (GlossReviewPanel *self,
                               gint64            coding_id)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  if (self->coding_id == coding_id)
    return;

  gloss_review_panel_save (self);
  self->coding_id = coding_id;
  /* Another coding: its own comment. */
  self->dirty = FALSE;
  gloss_review_panel_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODING_ID]);
}

gint64
gloss_review_panel_get_reviewer (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), 0);

  return self->reviewer_id;
}

void
gloss_review_panel_set_reviewer (GlossReviewPanel *self,
                                 gint64            coder_id)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  if (self->reviewer_id == coder_id)
    return;

  gloss_review_panel_save (self);
  self->reviewer_id = coder_id;
  self->dirty = FALSE;
  gloss_review_panel_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_ID]);
}

gboolean
gloss_review_panel_get_has_coding (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  return self->has_coding;
}

guint
gloss_review_panel_get_n_reviews (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), 0);

  return self->n_reviews;
}
