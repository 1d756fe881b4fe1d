/* gloss-layout.h: a document's canonical text, its pages, and the glyph
 * rectangle of every character, with the mapping between positions on a
 * page and code-point offsets into the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A glyph box in page coordinates: points, origin at the top left of the
 * page as displayed (rotation applied). */
typedef struct
{
  float x1, y1, x2, y2;
} GlossRect;

typedef struct
{
  guint      number;   /* 0-based */
  guint      start;    /* offset of the page's first character (code points) */
  guint      end;      /* offset past its last character */
  double     width;    /* points; 0 for a text document */
  double     height;
  GlossRect *rects;    /* end - start boxes, or NULL for a text document */
} GlossPage;

/* One rectangle of a highlight: a run of characters on one line. */
typedef struct
{
  guint     page;
  GlossRect rect;
} GlossPageRect;

typedef struct _GlossLayout GlossLayout;

#define GLOSS_TYPE_LAYOUT (gloss_layout_get_type ())

GType            gloss_layout_get_type          (void) G_GNUC_CONST;
GlossLayout     *gloss_layout_new               (const char        *text,
                                                 GPtrArray         *pages);
GlossLayout     *gloss_layout_ref               (GlossLayout       *self);
void             gloss_layout_unref             (GlossLayout       *self);
const char      *gloss_layout_get_text          (GlossLayout       *self);
guint            gloss_layout_get_n_chars       (GlossLayout       *self);
guint            gloss_layout_get_n_pages       (GlossLayout       *self);
const GlossPage *gloss_layout_get_page          (GlossLayout       *self,
                                                 guint              page);
guint            gloss_layout_page_at_offset    (GlossLayout       *self,
                                                 guint              offset);
char            *gloss_layout_dup_range         (GlossLayout       *self,
                                                 guint              start,
                                                 guint              end);
guint            gloss_layout_caret_at_point    (GlossLayout       *self,
                                                 guint              page,
                                                 double             x,
                                                 double             y);
gboolean         gloss_layout_char_at_point     (GlossLayout       *self,
                                                 guint              page,
                                                 double             x,
                                                 double             y,
                                                 guint             *offset);
GArray          *gloss_layout_rects_for_range   (GlossLayout       *self,
                                                 guint              start,
                                                 guint              end);

GlossPage       *gloss_page_new                 (guint              number,
                                                 guint              start,
                                                 guint              end,
                                                 double             width,
                                                 double             height,
                                                 GlossRect         *rects);
void             gloss_page_free                (GlossPage         *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossLayout, gloss_layout_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossPage, gloss_page_free)

G_END_DECLS
