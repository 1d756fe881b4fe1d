/* gloss-page-cache.c: rendered pages, least recently used first out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Render"

#include "gloss-page-cache.h"

typedef struct
{
  guint64     key;
  double      scale;
  GPtrArray  *textures;
  gsize       size;
  GList       link;    /* in lru, data = the entry */
} Entry;

struct _GlossPageCache
{
  GObject     parent_instance;

  GHashTable *entries;  /* guint64 key -> Entry */
  GQueue      lru;      /* most recently used at the head */
  gsize       size;
  gsize       max_size;
};

G_DEFINE_FINAL_TYPE (GlossPageCache, gloss_page_cache, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->textures, g_ptr_array_unref);
  g_free (entry);
}

static void
gloss_page_cache_finalize (GObject *object)
{
  GlossPageCache *self = (GlossPageCache *) object;

  gloss_page_cache_clear (self);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_page_cache_parent_class)->finalize (object);
}

static void
gloss_page_cache_class_init (GlossPageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_page_cache_finalize;
}

static void
gloss_page_cache_init (GlossPageCache *self)
{
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, entry_free);
  g_queue_init (&self->lru);
}

GlossPageCache *
gloss_page_cache_new (gsize max_bytes)
{
  GlossPageCache *self = g_object_new (GLOSS_TYPE_PAGE_CACHE, NULL);

  self->max_size = max_bytes;

  return self;
}

GPtrArray *
gloss_page_cache_lookup (GlossPageCache *self,
                         guint64         key,
                         double         *scale)
{
  Entry *entry;

  g_return_val_if_fail (GLOSS_IS_PAGE_CACHE (self), NULL);

  entry = g_hash_table_lookup (self->entries, &key);
  if (entry == NULL)
    return NULL;

  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);

  if (scale != NULL)
    *scale = entry->scale;

  return entry->textures;
}

void
gloss_page_cache_remove (GlossPageCache *self,
                         guint64         key)
{
  Entry *entry;

  g_return_if_fail (GLOSS_IS_PAGE_CACHE (self));

  entry = g_hash_table_lookup (self->entries, &key);
  if (entry == NULL)
    return;

  g_queue_unlink (&self->lru, &entry->link);
  self->size -= entry->size;
  g_hash_table_remove (self->entries, &key);
}

void
gloss_page_cache_insert (GlossPageCache *self,
                         guint64         key,
                         double          scale,
                         GPtrArray      *textures)
{
  Entry *entry;

  g_return_if_fail (GLOSS_IS_PAGE_CACHE (self));
  g_return_if_fail (textures != NULL);

  gloss_page_cache_remove (self, key);

  entry = g_new0 (Entry, 1);
  entry->key = key;
  entry->scale = scale;
  entry->textures = g_ptr_array_ref (textures);
  for (guint i = 0; i < textures->len; i++)
    {
      GdkTexture *texture = g_ptr_array_index (textures, i);

      entry->size += (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
    }
  entry->link.data = entry;

  g_hash_table_insert (self->entries, &entry->key, entry);
  g_queue_push_head_link (&self->lru, &entry->link);
  self->size += entry->size;

  /* Drop the oldest, never the one just added. */
  while (self->size > self->max_size && self->lru.length > 1)
    {
      Entry *oldest = g_queue_peek_tail (&self->lru);

      gloss_page_cache_remove (self, oldest->key);
    }
}

void
gloss_page_cache_clear (GlossPageCache *self)
{
  g_return_if_fail (GLOSS_IS_PAGE_CACHE (self));

  while (self->lru.length > 0)
    {
      Entry *entry = g_queue_peek_head (&self->lru);

      gloss_page_cache_remove (self, entry->key);
    }

  g_assert (self->size == 0);
}

gsize
gloss_page_cache_get_size (GlossPageCache *self)
{
  g_return_val_if_fail (GLOSS_IS_PAGE_CACHE (self), 0);

  return self->size;
}

guint
gloss_page_cache_get_length (GlossPageCache *self)
{
  g_return_val_if_fail (GLOSS_IS_PAGE_CACHE (self), 0);

  return self->lru.length;
}
