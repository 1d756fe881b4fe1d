/* gloss-page-cache.h: rendered pages, least recently used first out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PAGE_CACHE (gloss_page_cache_get_type ())

G_DECLARE_FINAL_TYPE (GlossPageCache, gloss_page_cache, GLOSS, PAGE_CACHE, GObject)

/* A cache of rendered pages by key, each an array of GdkTexture (the
 * strips of gloss_render_worker_render_finish()), bounded by the bytes of
 * their pixels: inserting beyond max_bytes drops the least recently used
 * entries. */
GlossPageCache *gloss_page_cache_new        (gsize           max_bytes);
/* Returns the textures for key (not a new reference) and their scale, and
 * marks them used; NULL when absent. */
GPtrArray      *gloss_page_cache_lookup     (GlossPageCache *self,
                                             guint64         key,
                                             double         *scale);
void            gloss_page_cache_insert     (GlossPageCache *self,
                                             guint64         key,
                                             double          scale,
                                             GPtrArray      *textures);
void            gloss_page_cache_remove     (GlossPageCache *self,
                                             guint64         key);
void            gloss_page_cache_clear      (GlossPageCache *self);
gsize           gloss_page_cache_get_size   (GlossPageCache *self);
guint           gloss_page_cache_get_length (GlossPageCache *self);

G_END_DECLS
