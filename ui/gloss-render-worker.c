/* gloss-render-worker.c: renders the pages of one PDF on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Render"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "gloss-error.h"
#include "gloss-render-worker.h"

/* The largest surface cairo can make is 32767 pixels a side. */
#define MAX_SURFACE_SIDE 32767

typedef enum
{
  JOB_OPEN,
  JOB_RENDER,
} JobKind;

typedef struct
{
  JobKind               kind;
  guint                 page;
  double                scale;
  gboolean              has_area;
  cairo_rectangle_int_t area;
} Job;

/* What the thread owns.  It outlives the GObject when the object goes away
 * while a job is running: the thread frees it on its way out. */
typedef struct
{
  GMutex           queue_lock;
  GCond            queue_cond;
  GQueue           queue;         /* GTask, each with a Job as task data */
  gboolean         quit;

  GMutex           document_lock; /* held around every poppler call */
  GBytes          *bytes;
  char            *password;
  PopplerDocument *document;
  GError          *open_error;
  gboolean         opened;
} Shared;

struct _GlossRenderWorker
{
  GObject  parent_instance;

  Shared  *shared;
  GThread *thread;
};

G_DEFINE_FINAL_TYPE (GlossRenderWorker, gloss_render_worker, G_TYPE_OBJECT)

static void
shared_free (Shared *shared)
{
  g_mutex_clear (&shared->queue_lock);
  g_cond_clear (&shared->queue_cond);
  g_mutex_clear (&shared->document_lock);
  g_clear_object (&shared->document);
  g_clear_pointer (&shared->bytes, g_bytes_unref);
  if (shared->password != NULL)
    memset (shared->password, 0, strlen (shared->password));
  g_clear_pointer (&shared->password, g_free);
  g_clear_error (&shared->open_error);
  g_free (shared);
}

static gboolean
unref_task_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* The task's last reference must go on the caller's thread: the task holds
 * the worker, whose finalisation must not happen on the worker thread. */
static void
release_task (GTask *task)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, unref_task_cb, task, NULL);
  g_source_set_static_name (source, "[gloss] release render task");
  g_source_attach (source, g_task_get_context (task));
}

/* Called with the document lock held. */
static void
ensure_open (Shared *shared)
{
  g_autoptr(GError) error = NULL;

  if (shared->opened)
    return;

  shared->opened = TRUE;
  shared->document = poppler_document_new_from_bytes (shared->bytes, shared->password, &error);

  if (shared->document == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        shared->open_error = g_error_new (GLOSS_ERROR,
                                          shared->password != NULL ? GLOSS_ERROR_BAD_PASSWORD
                                                                   : GLOSS_ERROR_ENCRYPTED,
                                          _("The document is encrypted and the password is wrong or missing"));
      else
        shared->open_error = g_error_new (GLOSS_ERROR, GLOSS_ERROR_DAMAGED_FILE,
                                          _("The document cannot be displayed: %s"),
                                          error != NULL ? error->message : _("unknown error"));
    }
}

static void
run_open (Shared *shared,
          GTask  *task)
{
  g_autoptr(GArray) sizes = NULL;
  int n_pages;

  g_mutex_lock (&shared->document_lock);

  ensure_open (shared);

  if (shared->document == NULL)
    {
      g_mutex_unlock (&shared->document_lock);
      g_task_return_error (task, g_error_copy (shared->open_error));
      return;
    }

  n_pages = poppler_document_get_n_pages (shared->document);
  sizes = g_array_sized_new (FALSE, TRUE, sizeof (GlossPageSize), MAX (n_pages, 0));

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (shared->document, i);
      GlossPageSize size = { 0, 0 };

      if (page != NULL)
        {
          poppler_page_get_size (page, &size.width, &size.height);
          g_object_unref (page);
        }

      g_array_append_val (sizes, size);
    }

  g_mutex_unlock (&shared->document_lock);

  g_task_return_pointer (task, g_steal_pointer (&sizes), (GDestroyNotify) g_array_unref);
}

void
gloss_render_worker_pixel_size (double  width,
                                double  height,
                                double  scale,
                                int    *pixel_width,
                                int    *pixel_height)
{
  /* Round to the nearest pixel, the tiny epsilon keeping 595.0 * 2.0 at
   * 1190 rather than 1191. */
  *pixel_width = (int) CLAMP (ceil (width * scale - 0.01), 1, MAX_SURFACE_SIDE);
  *pixel_height = (int) CLAMP (ceil (height * scale - 0.01), 1, MAX_SURFACE_SIDE);
}

static void
run_render (Shared *shared,
            GTask  *task,
            Job    *job)
{
  PopplerPage *page;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int page_width, page_height;
  cairo_rectangle_int_t area;
  GPtrArray *strips;
  int stride;

  g_mutex_lock (&shared->document_lock);

  ensure_open (shared);

  if (shared->document == NULL)
    {
      g_mutex_unlock (&shared->document_lock);
      g_task_return_error (task, g_error_copy (shared->open_error));
      return;
    }

  page = poppler_document_get_page (shared->document, job->page);
  if (page == NULL)
    {
      g_mutex_unlock (&shared->document_lock);
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                               _("The document has no page %u"), job->page + 1);
      return;
    }

  /* poppler's size is that of the page as displayed: rotation applied. */
  poppler_page_get_size (page, &width, &height);
  gloss_render_worker_pixel_size (width, height, job->scale, &page_width, &page_height);

  if (job->has_area)
    {
      cairo_rectangle_int_t whole = { 0, 0, page_width, page_height };

      if (!gdk_rectangle_intersect (&job->area, &whole, &area))
        {
          g_object_unref (page);
          g_mutex_unlock (&shared->document_lock);
          g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                                   "The area to render is outside page %u", job->page + 1);
          return;
        }
    }
  else
    {
      area = (cairo_rectangle_int_t) { 0, 0, page_width, page_height };
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, area.width, area.height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_object_unref (page);
      g_mutex_unlock (&shared->document_lock);
      cairo_surface_destroy (surface);
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                               _("Not enough memory to display page %u"), job->page + 1);
      return;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -area.x, -area.y);
  /* Fill the whole pixel size exactly, whatever the rounding did. */
  cairo_scale (cr, page_width / width, page_height / height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);

  g_mutex_unlock (&shared->document_lock);

  cairo_surface_flush (surface);

  /* cairo's ARGB32 is premultiplied native-endian 32-bit ARGB, which is what
   * GDK_MEMORY_DEFAULT means on either byte order.  The bytes keep the
   * surface alive, and every strip is a slice of them: no copy. */
  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) stride * area.height,
                                       (GDestroyNotify) cairo_surface_destroy,
                                       surface);
  strips = g_ptr_array_new_with_free_func (g_object_unref);

  for (int y = 0; y < area.height; y += GLOSS_RENDER_STRIP_HEIGHT)
    {
      int strip_height = MIN (GLOSS_RENDER_STRIP_HEIGHT, area.height - y);
      g_autoptr(GBytes) slice = g_bytes_new_from_bytes (pixels, (gsize) stride * y, (gsize) stride * strip_height);

      g_ptr_array_add (strips, gdk_memory_texture_new (area.width, strip_height, GDK_MEMORY_DEFAULT, slice, stride));
    }

  g_task_return_pointer (task, strips, (GDestroyNotify) g_ptr_array_unref);
}

static gpointer
worker_thread (gpointer data)
{
  Shared *shared = data;

  for (;;)
    {
      GTask *task;
      Job *job;

      g_mutex_lock (&shared->queue_lock);
      while (!shared->quit && g_queue_is_empty (&shared->queue))
        g_cond_wait (&shared->queue_cond, &shared->queue_lock);
      task = g_queue_pop_head (&shared->queue);
      if (task == NULL)
        {
          /* Quit with nothing left to do. */
          g_mutex_unlock (&shared->queue_lock);
          break;
        }
      g_mutex_unlock (&shared->queue_lock);

      job = g_task_get_task_data (task);

      if (g_task_return_error_if_cancelled (task))
        ;
      else if (job->kind == JOB_OPEN)
        run_open (shared, task);
      else
        run_render (shared, task, job);

      release_task (task);
    }

  shared_free (shared);

  return NULL;
}

static void
gloss_render_worker_finalize (GObject *object)
{
  GlossRenderWorker *self = (GlossRenderWorker *) object;

  /* Every task holds the worker, so the queue is empty here; the thread
   * closes the document and frees what it owns on its own time, and the
   * main thread never waits for poppler. */
  g_mutex_lock (&self->shared->queue_lock);
  self->shared->quit = TRUE;
  g_cond_signal (&self->shared->queue_cond);
  g_mutex_unlock (&self->shared->queue_lock);

  g_clear_pointer (&self->thread, g_thread_unref);

  G_OBJECT_CLASS (gloss_render_worker_parent_class)->finalize (object);
}

static void
gloss_render_worker_class_init (GlossRenderWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_render_worker_finalize;
}

static void
gloss_render_worker_init (GlossRenderWorker *self)
{
}

GlossRenderWorker *
gloss_render_worker_new (GBytes     *bytes,
                         const char *password)
{
  GlossRenderWorker *self;
  Shared *shared;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RENDER_WORKER, NULL);

  shared = g_new0 (Shared, 1);
  g_mutex_init (&shared->queue_lock);
  g_cond_init (&shared->queue_cond);
  g_queue_init (&shared->queue);
  g_mutex_init (&shared->document_lock);
  shared->bytes = g_bytes_ref (bytes);
  shared->password = g_strdup (password);

  self->shared = shared;
  self->thread = g_thread_new ("gloss-render", worker_thread, shared);

  return self;
}

static void
push_job (GlossRenderWorker *self,
          GTask             *task,
          Job               *job)
{
  g_task_set_task_data (task, job, g_free);

  g_mutex_lock (&self->shared->queue_lock);
  g_queue_push_tail (&self->shared->queue, task);
  g_cond_signal (&self->shared->queue_cond);
  g_mutex_unlock (&self->shared->queue_lock);
}

void
gloss_render_worker_open_async (GlossRenderWorker   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (GLOSS_IS_RENDER_WORKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_render_worker_open_async);

  job = g_new0 (Job, 1);
  job->kind = JOB_OPEN;

  push_job (self, task, job);
}

GArray *
gloss_render_worker_open_finish (GlossRenderWorker  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_render_worker_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gloss_render_worker_render_async (GlossRenderWorker           *self,
                                  guint                        page,
                                  double                       scale,
                                  const cairo_rectangle_int_t *area,
                                  GCancellable                *cancellable,
                                  GAsyncReadyCallback          callback,
                                  gpointer                     user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (GLOSS_IS_RENDER_WORKER (self));
  g_return_if_fail (scale > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_render_worker_render_async);

  job = g_new0 (Job, 1);
  job->kind = JOB_RENDER;
  job->page = page;
  job->scale = scale;
  if (area != NULL)
    {
      job->has_area = TRUE;
      job->area = *area;
    }

  push_job (self, task, job);
}

GPtrArray *
gloss_render_worker_render_finish (GlossRenderWorker  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_render_worker_render_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
