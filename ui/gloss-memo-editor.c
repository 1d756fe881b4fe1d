/* gloss-memo-editor.c: a memo, edited in place and saved as typed
 *
 * There is no save button: the memo is stored a moment after the last
 * keystroke, and at once when the editor loses the focus, changes target
 * or goes away, so that nothing typed is lost.  Each save is one undoable
 * action of the project; waiting for a pause keeps them few.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-memo-editor.h"

struct _GlossMemoEditor
{
  GtkWidget        parent_instance;

  GlossProject    *project;
  GlossMemoTarget  target;
  gint64           target_id;
  gint64           coder_id;
  char            *author;
  char            *heading;
  char            *saved_text;
  guint            save_source;
  gboolean         dirty;
  gboolean         loading;

  /* template children */
  GtkWidget       *box;
  GtkLabel        *heading_label;
  GtkTextView     *text_view;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (GlossMemoEditor, gloss_memo_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADING,
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
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: time of day a memo was saved, see strftime(3) */
    return g_date_time_format (local, _("%H:%M"));

  /* Translators: date and time a memo was saved, see strftime(3) */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static void
show_saved (GlossMemoEditor *self,
            GDateTime       *when)
{
  g_autofree char *time = NULL;
  g_autofree char *status = NULL;

  if (self->saved_text == NULL || self->saved_text[0] == '\0')
    {
      gtk_label_set_text (self->status_label,
                          self->project != NULL ? _("Saved as you type") : "");
      return;
    }

  time = when != NULL ? format_time (when) : NULL;

  if (time != NULL && self->author != NULL)
    /* Translators: "Saved · 14:03 · by Alice" */
    status = g_strdup_printf (_("Saved · %s · by %s"), time, self->author);
  else if (time != NULL)
    /* Translators: "Saved · 14:03" */
    status = g_strdup_printf (_("Saved · %s"), time);
  else
    status = g_strdup (_("Saved"));

  gtk_label_set_text (self->status_label, status);
}

static char *
dup_text (GlossMemoEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
clear_save_source (GlossMemoEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
}

gboolean
gloss_memo_editor_save (GlossMemoEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GLOSS_IS_MEMO_EDITOR (self), FALSE);

  clear_save_source (self);

  if (!self->dirty || self->project == NULL)
    return TRUE;

  text = dup_text (self);
  if (g_strcmp0 (text, self->saved_text != NULL ? self->saved_text : "") == 0)
    {
      self->dirty = FALSE;
      return TRUE;
    }

  if (!gloss_project_set_memo (self->project, self->target, self->target_id,
                               self->coder_id, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the memo: %s"),
                                                  error->message);

      gtk_label_set_text (self->status_label, _("Not saved"));
      g_signal_emit (self, signals[ERROR], 0, message);
      return FALSE;
    }

  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&text);
  self->dirty = FALSE;

  now = g_date_time_new_now_local ();
  show_saved (self, now);

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  GlossMemoEditor *self = data;

  self->save_source = 0;
  gloss_memo_editor_save (self);

  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GlossMemoEditor *self)
{
  if (self->loading || self->project == NULL)
    return;

  self->dirty = TRUE;
  gtk_label_set_text (self->status_label, _("Editing…"));

  clear_save_source (self);
  self->save_source = g_timeout_add (GLOSS_MEMO_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->save_source),
                            "[gloss] save memo");
}

static void
on_focus_leave (GlossMemoEditor *self)
{
  gloss_memo_editor_save (self);
}

static void
lookup_author (GlossMemoEditor *self)
{
  g_clear_pointer (&self->author, g_free);

  if (self->project == NULL)
    return;

  if (self->coder_id != 0)
    {
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) names = gloss_project_list_coder_names (self->project, &ids, NULL);

      for (guint i = 0; names != NULL && i < names->len; i++)
        if (g_array_index (ids, gint64, i) == self->coder_id)
          {
            self->author = g_strdup (g_ptr_array_index (names, i));
            break;
          }
    }
  else if (self->target == GLOSS_MEMO_CODING)
    {
      g_autoptr(GlossCoding) coding = gloss_project_get_coding (self->project, self->target_id, NULL);

      if (coding != NULL)
        self->author = g_strdup (gloss_coding_get_coder_name (coding));
    }
}

/* Shows the stored memo; keeps the cursor when the text is unchanged. */
static void
load (GlossMemoEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (self->project != NULL)
    text = gloss_project_get_memo (self->project, self->target, self->target_id,
                                   self->coder_id, &changed);
  if (text == NULL)
    text = g_strdup ("");

  shown = dup_text (self);
  if (g_strcmp0 (shown, text) != 0)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (buffer, text, -1);
      self->loading = FALSE;
    }

  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&text);
  self->dirty = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), self->project != NULL);
  show_saved (self, changed);
}

/* The memo may have changed elsewhere (undo, another editor): follow it,
 * unless the user is at it here. */
static void
on_codings_changed (GlossMemoEditor *self)
{
  if (self->dirty || gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    return;

  load (self);
}

static gboolean
gloss_memo_editor_grab_focus (GtkWidget *widget)
{
  GlossMemoEditor *self = GLOSS_MEMO_EDITOR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
gloss_memo_editor_dispose (GObject *object)
{
  GlossMemoEditor *self = (GlossMemoEditor *)object;

  /* Nothing typed may be lost. */
  if (self->project != NULL)
    {
      gloss_memo_editor_save (self);
      g_signal_handlers_disconnect_by_func (self->project, on_codings_changed, self);
      g_clear_object (&self->project);
    }
  clear_save_source (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_MEMO_EDITOR);

  G_OBJECT_CLASS (gloss_memo_editor_parent_class)->dispose (object);
}

static void
gloss_memo_editor_finalize (GObject *object)
{
  GlossMemoEditor *self = (GlossMemoEditor *)object;

  g_free (self->author);
  g_free (self->heading);
  g_free (self->saved_text);

  G_OBJECT_CLASS (gloss_memo_editor_parent_class)->finalize (object);
}

static void
gloss_memo_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossMemoEditor *self = GLOSS_MEMO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_memo_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossMemoEditor *self = GLOSS_MEMO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      gloss_memo_editor_set_heading (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_memo_editor_class_init (GlossMemoEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_memo_editor_dispose;
  object_class->finalize = gloss_memo_editor_finalize;
  object_class->get_property = gloss_memo_editor_get_property;
  object_class->set_property = gloss_memo_editor_set_property;
  widget_class->grab_focus = gloss_memo_editor_grab_focus;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossMemoEditor::error:
   * @message: what went wrong, for the user
   *
   * Saving the memo failed; the text stays in the editor.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-memo-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossMemoEditor, box);
  gtk_widget_class_bind_template_child (widget_class, GlossMemoEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GlossMemoEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, GlossMemoEditor, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "memoeditor");
}

static void
gloss_memo_editor_init (GlossMemoEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gloss_memo_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_MEMO_EDITOR, NULL);
}

void
gloss_memo_editor_set_target (GlossMemoEditor *self,
                              GlossProject    *project,
                              GlossMemoTarget  target,
                              gint64           target_id,
                              gint64           coder_id)
{
  g_return_if_fail (GLOSS_IS_MEMO_EDITOR (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project && self->target == target &&
      self->target_id == target_id && self->coder_id == coder_id)
    return;

  /* What was typed for the old target goes to the old target. */
  gloss_memo_editor_save (self);

  if (self->project != project)
    {
      if (self->project != NULL)
        g_signal_handlers_disconnect_by_func (self->project, on_codings_changed, self);
      g_set_object (&self->project, project);
      if (project != NULL)
        g_signal_connect_object (project, "codings-changed",
                                 G_CALLBACK (on_codings_changed), self, G_CONNECT_SWAPPED);
    }

  self->target = target;
  self->target_id = target_id;
  self->coder_id = coder_id;

  lookup_author (self);
  load (self);
}

const char *
gloss_memo_editor_get_heading (GlossMemoEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_MEMO_EDITOR (self), NULL);

  return self->heading;
}

void
gloss_memo_editor_set_heading (GlossMemoEditor *self,
                               const char      *heading)
{
  g_return_if_fail (GLOSS_IS_MEMO_EDITOR (self));

  if (g_strcmp0 (self->heading, heading) == 0)
    return;

  g_free (self->heading);
  self->heading = g_strdup (heading);

  gtk_label_set_text (self->heading_label, heading != NULL ? heading : "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL && heading[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

GtkTextBuffer *
gloss_memo_editor_get_buffer (GlossMemoEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_MEMO_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

gboolean
gloss_memo_editor_get_dirty (GlossMemoEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_MEMO_EDITOR (self), FALSE);

  return self->dirty;
}
