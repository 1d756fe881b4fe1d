/* gloss-importer.c: many files into a project, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-importer.h"
#include "gloss-project-private.h"

struct _GlossImportResult
{
  GFile             *file;
  GlossImportStatus  status;
  GlossDocument     *document;
  GError            *error;
};

typedef struct
{
  GFile *file;
  char  *password;
} Request;

struct _GlossImporter
{
  GObject       parent_instance;
  GlossProject *project;
  GArray       *requests;   /* Request */
  GPtrArray    *results;    /* GlossImportResult, filled by the worker */
  GMutex        lock;
  GMainContext *context;    /* where signals go while running */
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (GlossImporter, gloss_importer, G_TYPE_OBJECT)

enum {
  PROGRESS,
  FILE_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
import_result_free (GlossImportResult *result)
{
  g_clear_object (&result->file);
  g_clear_object (&result->document);
  g_clear_error (&result->error);
  g_free (result);
}

GFile *
gloss_import_result_get_file (const GlossImportResult *result)
{
  return result->file;
}

GlossImportStatus
gloss_import_result_get_status (const GlossImportResult *result)
{
  return result->status;
}

GlossDocument *
gloss_import_result_get_document (const GlossImportResult *result)
{
  return result->document;
}

const GError *
gloss_import_result_get_error (const GlossImportResult *result)
{
  return result->error;
}

static void
request_clear (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->file);
  g_clear_pointer (&request->password, g_free);
}

static void
gloss_importer_finalize (GObject *object)
{
  GlossImporter *self = (GlossImporter *)object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->requests, g_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (gloss_importer_parent_class)->finalize (object);
}

static void
gloss_importer_class_init (GlossImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_importer_finalize;

  /**
   * GlossImporter::progress:
   * @done: files finished so far
   * @total: files in all (folders expanded)
   * @name: the file being read now, or %NULL at the end
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * GlossImporter::file-done:
   * @result: (type gpointer): the #GlossImportResult, owned by the importer
   */
  signals[FILE_DONE] =
    g_signal_new ("file-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
gloss_importer_init (GlossImporter *self)
{
  g_mutex_init (&self->lock);
  self->requests = g_array_new (FALSE, TRUE, sizeof (Request));
  g_array_set_clear_func (self->requests, request_clear);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) import_result_free);
}

GlossImporter *
gloss_importer_new (GlossProject *project)
{
  GlossImporter *self;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  self = g_object_new (GLOSS_TYPE_IMPORTER, NULL);
  self->project = g_object_ref (project);

  return self;
}

/**
 * gloss_importer_add_file:
 * @file: a file, or a folder to search
 * @password: (nullable): for an encrypted PDF (and every PDF in a folder)
 */
void
gloss_importer_add_file (GlossImporter *self,
                         GFile         *file,
                         const char    *password)
{
  Request request;

  g_return_if_fail (GLOSS_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->running);

  request.file = g_object_ref (file);
  request.password = g_strdup (password);
  g_array_append_val (self->requests, request);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

/* The files of a folder and of its subfolders, in name order, without
 * hidden ones. */
static void
collect_folder (GFile        *folder,
                GPtrArray    *files,
                GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  guint i;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE,
                                          cancellable, NULL);
  if (enumerator == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, NULL) ||
          info == NULL)
        break;
      if (g_file_info_get_is_hidden (info))
        continue;
      g_ptr_array_add (children, g_object_ref (child));
    }

  g_ptr_array_sort (children, compare_files);
  for (i = 0; i < children->len; i++)
    {
      GFile *child = g_ptr_array_index (children, i);

      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        collect_folder (child, files, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (child));
    }
}

typedef struct
{
  GlossImporter *importer;
  guint          done;
  guint          total;
  char          *name;
  int            result_index;
} Emission;

static gboolean
emit_in_context (gpointer data)
{
  Emission *emission = data;

  if (emission->result_index >= 0)
    {
      GlossImportResult *result;

      g_mutex_lock (&emission->importer->lock);
      result = g_ptr_array_index (emission->importer->results, emission->result_index);
      g_mutex_unlock (&emission->importer->lock);
      g_signal_emit (emission->importer, signals[FILE_DONE], 0, result);
    }
  else
    g_signal_emit (emission->importer, signals[PROGRESS], 0,
                   emission->done, emission->total, emission->name);

  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_object_unref (emission->importer);
  g_free (emission->name);
  g_free (emission);
}

static void
emit (GlossImporter *self,
      guint          done,
      guint          total,
      const char    *name,
      int            result_index)
{
  Emission *emission = g_new0 (Emission, 1);
  GSource *source;

  emission->importer = g_object_ref (self);
  emission->done = done;
  emission->total = total;
  emission->name = g_strdup (name);
  emission->result_index = result_index;

  /* Always through a source: g_main_context_invoke() could run it on this
   * worker thread whenever the context happens to be free. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_in_context, emission, emission_free);
  g_source_set_static_name (source, "[gloss] importer signal");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
add_result (GlossImporter     *self,
            GFile             *file,
            GlossImportStatus  status,
            GlossDocument     *document,
            GError            *error)
{
  GlossImportResult *result = g_new0 (GlossImportResult, 1);
  int index;

  result->file = g_object_ref (file);
  result->status = status;
  result->document = document;
  result->error = error;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->results, result);
  index = self->results->len - 1;
  g_mutex_unlock (&self->lock);

  emit (self, 0, 0, NULL, index);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GlossImporter *self = source_object;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) passwords = g_ptr_array_new ();
  guint i;

  for (i = 0; i < self->requests->len; i++)
    {
      Request *request = &g_array_index (self->requests, Request, i);
      guint before = files->len, j;

      if (g_file_query_file_type (request->file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        collect_folder (request->file, files, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (request->file));

      for (j = before; j < files->len; j++)
        g_ptr_array_add (passwords, request->password);
    }

  for (i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (base);
      GlossDocument *document;
      GError *error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          add_result (self, file, GLOSS_IMPORT_CANCELLED, NULL,
                      g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                           _("The import was cancelled")));
          continue;
        }

      emit (self, i, files->len, display, -1);

      document = gloss_project_import_file (self->project, file,
                                            g_ptr_array_index (passwords, i),
                                            cancellable, &error);
      if (document != NULL)
        add_result (self, file, GLOSS_IMPORT_IMPORTED, document, NULL);
      else if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE))
        {
          g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
          g_autofree char *sha256 = bytes ? gloss_sha256_bytes (bytes) : NULL;
          GlossDocument *existing = sha256 ? gloss_project_find_by_sha256 (self->project, sha256) : NULL;

          add_result (self, file, GLOSS_IMPORT_DUPLICATE, existing, error);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_result (self, file, GLOSS_IMPORT_CANCELLED, NULL, error);
      else
        add_result (self, file, GLOSS_IMPORT_REFUSED, NULL, error);
    }

  emit (self, files->len, files->len, NULL, -1);

  g_task_return_boolean (task, TRUE);
}

/**
 * gloss_importer_run_async:
 *
 * Imports every file added, one after another, on a worker thread.  A file
 * that is refused does not stop the others; cancelling marks the files not
 * yet read as cancelled.  The callback runs after every signal.
 */
void
gloss_importer_run_async (GlossImporter       *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_IMPORTER (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_importer_run_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

gboolean
gloss_importer_run_finish (GlossImporter  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * gloss_importer_run:
 *
 * The same, blocking; signals are emitted before it returns.
 */
gboolean
gloss_importer_run (GlossImporter  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  gloss_importer_run_async (self, cancellable, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return gloss_importer_run_finish (self, result, error);
}

guint
gloss_importer_get_n_results (GlossImporter *self)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->results->len;
  g_mutex_unlock (&self->lock);

  return n;
}

const GlossImportResult *
gloss_importer_get_result (GlossImporter *self,
                           guint          index)
{
  const GlossImportResult *result = NULL;

  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), NULL);

  g_mutex_lock (&self->lock);
  if (index < self->results->len)
    result = g_ptr_array_index (self->results, index);
  g_mutex_unlock (&self->lock);

  return result;
}
