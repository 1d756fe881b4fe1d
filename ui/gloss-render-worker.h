/* gloss-render-worker.h: renders the pages of one PDF on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A page's size in points, as poppler renders it (rotation applied). */
typedef struct
{
  double width;
  double height;
} GlossPageSize;

#define GLOSS_TYPE_RENDER_WORKER (gloss_render_worker_get_type ())

G_DECLARE_FINAL_TYPE (GlossRenderWorker, gloss_render_worker, GLOSS, RENDER_WORKER, GObject)

/* One worker is one document: a thread that owns the PopplerDocument made
 * from bytes and runs jobs one after the other, every poppler call under
 * the document's lock.  Nothing here calls poppler on the calling thread.
 * Jobs whose cancellable is cancelled before the thread reaches them are
 * skipped; results arrive on the thread-default main context of the
 * caller, as for any GTask. */
GlossRenderWorker *gloss_render_worker_new          (GBytes               *bytes,
                                                     const char           *password);

/* Opens the document (on the worker thread).  The result is an array of
 * GlossPageSize, one per page; a document that poppler cannot open gives
 * an error in the GLOSS_ERROR domain. */
void               gloss_render_worker_open_async   (GlossRenderWorker    *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GArray            *gloss_render_worker_open_finish  (GlossRenderWorker    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Renders page (0-based) at scale device pixels per point, on white.
 * area, when not NULL, is the part of the page to render, in device pixels
 * of the whole page at that scale; NULL renders the whole page.
 *
 * The result is an array of GdkMemoryTexture (GDK_MEMORY_DEFAULT), strips
 * of GLOSS_RENDER_STRIP_HEIGHT pixels from top to bottom (the last one
 * shorter), sharing the pixels of one image without a copy: a view draws
 * only the strips in sight, which keeps software rendering fast. */
#define GLOSS_RENDER_STRIP_HEIGHT 256

void               gloss_render_worker_render_async (GlossRenderWorker           *self,
                                                     guint                        page,
                                                     double                       scale,
                                                     const cairo_rectangle_int_t *area,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
GPtrArray         *gloss_render_worker_render_finish (GlossRenderWorker   *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The size in device pixels of page rendered at scale (what render_async
 * makes of it), from a page size in points. */
void               gloss_render_worker_pixel_size   (double                width,
                                                     double                height,
                                                     double                scale,
                                                     int                  *pixel_width,
                                                     int                  *pixel_height);

G_END_DECLS
