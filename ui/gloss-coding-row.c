/* gloss-coding-row.c: one coding, as a row of the codings list or a
 * passage of the coded-segments view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-coding-row.h"
#include "gloss-review.h"

struct _GlossCodingRow
{
  GtkWidget    parent_instance;

  GlossCoding *coding;
  GdkRGBA      colour;
  gboolean     compact;
  gboolean     show_code;

  GtkWidget   *bar;
  GtkWidget   *content;
  GtkWidget   *swatch;
  GtkWidget   *code_label;
  GtkWidget   *page_label;
  GtkWidget   *meta_label;
  GtkWidget   *quote_label;
  GtkWidget   *coder_label;
  GtkWidget   *memo_image;
  GtkWidget   *memo_label;
  GtkWidget   *bottom;
  GtkWidget   *review_box;
  GtkWidget   *agree_label;
  GtkWidget   *dispute_label;
};

G_DEFINE_FINAL_TYPE (GlossCodingRow, gloss_coding_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODING,
  PROP_COMPACT,
  PROP_SHOW_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The quote as shown: line breaks inside a paragraph (as a PDF page has
 * them) become spaces; blank lines stay paragraph breaks, or become spaces
 * too when the row is compact. */
static char *
tidy_quote (const char *quote,
            gboolean    compact)
{
  GString *out = g_string_new (NULL);
  const char *p = quote != NULL ? quote : "";

  while (*p != '\0')
    {
      if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ')
        {
          guint newlines = 0;

          while (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ')
            {
              if (*p == '\n')
                newlines++;
              p++;
            }

          if (out->len == 0 || *p == '\0')
            continue;
          if (newlines >= 2 && !compact)
            g_string_append_c (out, '\n');
          else
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  GlossCodingRow *self = data;
  double radius = MIN (width, height) / 2.0;

  gdk_cairo_set_source_rgba (cr, &self->colour);
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GlossCodingRow *self = data;
  double radius = MIN (width, height) / 2.0;

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &self->colour);
  cairo_fill_preserve (cr);
  /* A thin darker rim so that pale colours still show on white. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
gloss_coding_row_update (GlossCodingRow *self)
{
  GlossCoding *coding = self->coding;
  g_autofree char *page = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *meta = NULL;
  const char *memo = NULL;
  const char *coder = "";
  const char *path = "";
  gboolean has_memo;

  gtk_widget_set_visible (self->bar, !self->compact);
  gtk_widget_set_visible (self->swatch, self->compact);
  gtk_widget_set_visible (self->code_label, self->compact);
  gtk_widget_set_visible (self->page_label, self->compact);
  gtk_widget_set_visible (self->bottom, self->compact);
  /* Under the code's name, past its swatch. */
  gtk_widget_set_margin_start (self->quote_label, self->compact ? 20 : 0);
  gtk_widget_set_margin_start (self->bottom, self->compact ? 20 : 0);
  gtk_widget_set_visible (self->meta_label, !self->compact);

  if (coding == NULL || !gdk_rgba_parse (&self->colour, gloss_coding_get_colour (coding)))
    self->colour = (GdkRGBA) { 0.6f, 0.6f, 0.6f, 1.0f };

  if (coding != NULL)
    {
      memo = gloss_coding_get_memo (coding);
      coder = gloss_coding_get_coder_name (coding);
      path = gloss_coding_get_code_path (coding);
      /* Translators: a page number, as in "p. 3" */
      page = g_strdup_printf (_("p. %u"), gloss_coding_get_page (coding) + 1);
      quote = tidy_quote (gloss_coding_get_quote (coding), self->compact);
    }
  else
    {
      page = g_strdup ("");
      quote = g_strdup ("");
    }
  has_memo = memo != NULL && memo[0] != '\0';
  if (coder == NULL)
    coder = "";
  if (path == NULL)
    path = "";

  /* Translators: a quoted passage */
  quoted = g_strdup_printf (_("“%s”"), quote);

  gtk_label_set_text (GTK_LABEL (self->code_label), path);
  gtk_widget_set_tooltip_text (self->code_label, path);
  gtk_label_set_text (GTK_LABEL (self->page_label), page);
  gtk_label_set_text (GTK_LABEL (self->coder_label), coder);
  gtk_label_set_text (GTK_LABEL (self->quote_label), quoted);

  if (self->show_code)
    /* Translators: page, coder and code of a coded passage */
    meta = g_strdup_printf (_("%s · %s · %s"), page, coder, path);
  else
    /* Translators: page and coder of a coded passage */
    meta = g_strdup_printf (_("%s · %s"), page, coder);
  gtk_label_set_text (GTK_LABEL (self->meta_label), meta);

  gtk_widget_set_visible (self->memo_image, self->compact && has_memo);
  gtk_widget_set_tooltip_text (self->memo_image, has_memo ? memo : NULL);
  gtk_widget_set_visible (self->memo_label, !self->compact && has_memo);
  gtk_label_set_text (GTK_LABEL (self->memo_label), has_memo ? memo : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, path,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, quote,
                                  -1);

  gtk_widget_queue_draw (self->bar);
  gtk_widget_queue_draw (self->swatch);
}

static void
gloss_coding_row_dispose (GObject *object)
{
  GlossCodingRow *self = (GlossCodingRow *)object;

  g_clear_pointer (&self->bar, gtk_widget_unparent);
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->coding);

  G_OBJECT_CLASS (gloss_coding_row_parent_class)->dispose (object);
}

static void
gloss_coding_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossCodingRow *self = GLOSS_CODING_ROW (object);

  switch (prop_id)
    {
    case PROP_CODING:
      g_value_set_object (value, self->coding);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_SHOW_CODE:
      g_value_set_boolean (value, self->show_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_coding_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossCodingRow *self = GLOSS_CODING_ROW (object);

  switch (prop_id)
    {
    case PROP_CODING:
      gloss_coding_row_set_coding (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      gloss_coding_row_update (self);
      break;
    case PROP_SHOW_CODE:
      gloss_coding_row_set_show_code (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_coding_row_class_init (GlossCodingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_coding_row_dispose;
  object_class->get_property = gloss_coding_row_get_property;
  object_class->set_property = gloss_coding_row_set_property;

  properties[PROP_CODING] =
    g_param_spec_object ("coding", NULL, NULL, GLOSS_TYPE_CODING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CODE] =
    g_param_spec_boolean ("show-code", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codingrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
caption_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
gloss_coding_row_init (GlossCodingRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(PangoAttrList) italic = pango_attr_list_new ();
  GtkWidget *top;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  /* The coloured bar at the left of a passage, as MAXQDA draws it. */
  self->bar = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->bar), 4);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->bar), draw_bar, self, NULL);
  gtk_widget_set_parent (self->bar, GTK_WIDGET (self));

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (self->content, TRUE);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (self->content), top);

  self->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->swatch), draw_swatch, self, NULL);
  gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), self->swatch);

  self->code_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->code_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->code_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (self->code_label, TRUE);
  gtk_widget_add_css_class (self->code_label, "heading");
  gtk_box_append (GTK_BOX (top), self->code_label);

  self->meta_label = caption_label ();
  gtk_label_set_ellipsize (GTK_LABEL (self->meta_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->meta_label, TRUE);
  gtk_box_append (GTK_BOX (top), self->meta_label);

  /* The review badge: who agrees, who disputes. */
  self->review_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->review_box, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->review_box, FALSE);
  gtk_widget_add_css_class (self->review_box, "review-badge");
  gtk_box_append (GTK_BOX (top), self->review_box);

  self->agree_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->agree_label, "caption-heading");
  gtk_widget_add_css_class (self->agree_label, "success");
  gtk_widget_add_css_class (self->agree_label, "numeric");
  gtk_box_append (GTK_BOX (self->review_box), self->agree_label);

  self->dispute_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->dispute_label, "caption-heading");
  gtk_widget_add_css_class (self->dispute_label, "error");
  gtk_widget_add_css_class (self->dispute_label, "numeric");
  gtk_box_append (GTK_BOX (self->review_box), self->dispute_label);

  self->page_label = caption_label ();
  gtk_label_set_xalign (GTK_LABEL (self->page_label), 1.0f);
  gtk_widget_add_css_class (self->page_label, "numeric");
  gtk_box_append (GTK_BOX (top), self->page_label);

  self->quote_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->quote_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->quote_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->quote_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (self->quote_label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (self->quote_label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (self->quote_label), 100);
  gtk_widget_add_css_class (self->quote_label, "body");
  gtk_box_append (GTK_BOX (self->content), self->quote_label);

  self->memo_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->memo_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->memo_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->memo_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (self->memo_label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (self->memo_label), 100);
  pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
  gtk_label_set_attributes (GTK_LABEL (self->memo_label), italic);
  gtk_widget_add_css_class (self->memo_label, "dim-label");
  gtk_box_append (GTK_BOX (self->content), self->memo_label);

  self->bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->content), self->bottom);

  self->coder_label = caption_label ();
  gtk_label_set_ellipsize (GTK_LABEL (self->coder_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self->bottom), self->coder_label);

  self->memo_image = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_add_css_class (self->memo_image, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->memo_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Has a memo"),
                                  -1);
  gtk_box_append (GTK_BOX (self->bottom), self->memo_image);

  gloss_coding_row_update (self);
}

GtkWidget *
gloss_coding_row_new (gboolean compact)
{
  return g_object_new (GLOSS_TYPE_CODING_ROW, "compact", compact, NULL);
}

GlossCoding *
gloss_coding_row_get_coding (GlossCodingRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODING_ROW (self), NULL);

  return self->coding;
}

void
gloss_coding_row_set_coding (GlossCodingRow *self,
                             GlossCoding    *coding)
{
  g_return_if_fail (GLOSS_IS_CODING_ROW (self));
  g_return_if_fail (coding == NULL || GLOSS_IS_CODING (coding));

  if (!g_set_object (&self->coding, coding))
    return;

  gloss_coding_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODING]);
}

gboolean
gloss_coding_row_get_compact (GlossCodingRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODING_ROW (self), FALSE);

  return self->compact;
}

void
gloss_coding_row_set_show_code (GlossCodingRow *self,
                                gboolean        show_code)
{
  g_return_if_fail (GLOSS_IS_CODING_ROW (self));

  show_code = !!show_code;
  if (self->show_code == show_code)
    return;

  self->show_code = show_code;
  gloss_coding_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CODE]);
}

gboolean
gloss_coding_row_same_coding (GlossCoding *a,
                              GlossCoding *b)
{
  GDateTime *ta, *tb;

  g_return_val_if_fail (GLOSS_IS_CODING (a) && GLOSS_IS_CODING (b), FALSE);

  ta = gloss_coding_get_changed (a);
  tb = gloss_coding_get_changed (b);

  return gloss_coding_get_id (a) == gloss_coding_get_id (b) &&
         gloss_coding_get_start (a) == gloss_coding_get_start (b) &&
         gloss_coding_get_end (a) == gloss_coding_get_end (b) &&
         gloss_coding_get_page (a) == gloss_coding_get_page (b) &&
         ((ta == NULL && tb == NULL) || (ta != NULL && tb != NULL && g_date_time_equal (ta, tb))) &&
         g_strcmp0 (gloss_coding_get_code_path (a), gloss_coding_get_code_path (b)) == 0 &&
         g_strcmp0 (gloss_coding_get_colour (a), gloss_coding_get_colour (b)) == 0 &&
         g_strcmp0 (gloss_coding_get_coder_name (a), gloss_coding_get_coder_name (b)) == 0 &&
         g_strcmp0 (gloss_coding_get_quote (a), gloss_coding_get_quote (b)) == 0 &&
         g_strcmp0 (gloss_coding_get_memo (a), gloss_coding_get_memo (b)) == 0;
}

void
gloss_coding_row_set_reviews (GlossCodingRow           *self,
                              const GlossCodingReviews *reviews)
{
  g_autofree char *agree = NULL;
  g_autofree char *dispute = NULL;
  guint n_agree = reviews != NULL ? reviews->n_agree : 0;
  guint n_dispute = reviews != NULL ? reviews->n_dispute : 0;

  g_return_if_fail (GLOSS_IS_CODING_ROW (self));

  /* Translators: the badge of a coding colleagues agree with, and how many */
  agree = g_strdup_printf (_("✓ %u"), n_agree);
  /* Translators: the badge of a disputed coding, and how many dispute it */
  dispute = g_strdup_printf (_("! %u"), n_dispute);

  gtk_label_set_text (GTK_LABEL (self->agree_label), agree);
  gtk_widget_set_visible (self->agree_label, n_agree > 0);
  gtk_label_set_text (GTK_LABEL (self->dispute_label), dispute);
  gtk_widget_set_visible (self->dispute_label, n_dispute > 0);
  gtk_widget_set_visible (self->review_box, n_agree + n_dispute > 0);
  gtk_widget_set_tooltip_text (self->review_box, reviews != NULL ? reviews->tooltip : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reviews != NULL && reviews->tooltip != NULL ? reviews->tooltip : "",
                                  -1);
}

/* Review badges ------------------------------------------------------------ */

void
gloss_coding_reviews_free (GlossCodingReviews *reviews)
{
  if (reviews == NULL)
    return;

  g_free (reviews->tooltip);
  g_free (reviews);
}

gboolean
gloss_coding_reviews_equal (const GlossCodingReviews *a,
                            const GlossCodingReviews *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->n_agree == b->n_agree && a->n_dispute == b->n_dispute &&
         g_strcmp0 (a->tooltip, b->tooltip) == 0;
}

/**
 * gloss_coding_reviews_load:
 *
 * Returns: (transfer full): coding id (a gint64 key) → GlossCodingReviews
 */
GHashTable *
gloss_coding_reviews_load (GlossProject  *project,
                           GPtrArray     *codings,
                           GError       **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) gloss_coding_reviews_free);

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  for (guint i = 0; codings != NULL && i < codings->len; i++)
    {
      gint64 id = gloss_coding_get_id (g_ptr_array_index (codings, i));
      g_autoptr(GPtrArray) reviews = gloss_project_list_reviews (project, id, error);
      GlossCodingReviews *entry;
      GString *tooltip;

      if (reviews == NULL)
        return NULL;
      if (reviews->len == 0)
        continue;

      entry = g_new0 (GlossCodingReviews, 1);
      tooltip = g_string_new (NULL);
      for (guint j = 0; j < reviews->len; j++)
        {
          GlossReview *review = g_ptr_array_index (reviews, j);
          gboolean agrees = review->verdict == GLOSS_VERDICT_AGREE;
          gboolean has_comment = review->comment != NULL && review->comment[0] != '\0';

          if (agrees)
            entry->n_agree++;
          else
            entry->n_dispute++;

          if (tooltip->len > 0)
            g_string_append_c (tooltip, '\n');
          if (agrees && has_comment)
            /* Translators: a reviewer's name and their comment */
            g_string_append_printf (tooltip, _("%s agrees: %s"), review->reviewer_name, review->comment);
          else if (agrees)
            g_string_append_printf (tooltip, _("%s agrees"), review->reviewer_name);
          else if (has_comment)
            /* Translators: a reviewer's name and their comment */
            g_string_append_printf (tooltip, _("%s disputes: %s"), review->reviewer_name, review->comment);
          else
            g_string_append_printf (tooltip, _("%s disputes"), review->reviewer_name);
        }
      entry->tooltip = g_string_free (tooltip, FALSE);
      g_hash_table_insert (table, g_memdup2 (&id, sizeof id), entry);
    }

  return g_steal_pointer (&table);
}
