/* gloss-coding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "gloss-coding.h"

struct _GlossCoding
{
  GObject          parent_instance;
  GlossCodingData  data;
};

G_DEFINE_FINAL_TYPE (GlossCoding, gloss_coding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GUID,
  PROP_DOCUMENT_NAME,
  PROP_CODE_PATH,
  PROP_COLOUR,
  PROP_CODER_NAME,
  PROP_START,
  PROP_END,
  PROP_PAGE,
  PROP_QUOTE,
  PROP_MEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_coding_finalize (GObject *object)
{
  GlossCoding *self = (GlossCoding *)object;

  g_free ((char *) self->data.guid);
  g_free ((char *) self->data.document_name);
  g_free ((char *) self->data.code_path);
  g_free ((char *) self->data.colour);
  g_free ((char *) self->data.coder_name);
  g_free ((char *) self->data.quote);
  g_free ((char *) self->data.memo);
  g_clear_pointer (&self->data.created, g_date_time_unref);
  g_clear_pointer (&self->data.changed, g_date_time_unref);

  G_OBJECT_CLASS (gloss_coding_parent_class)->finalize (object);
}

static void
gloss_coding_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossCoding *self = GLOSS_CODING (object);

  switch (prop_id)
    {
    case PROP_GUID:
      g_value_set_string (value, self->data.guid);
      break;
    case PROP_DOCUMENT_NAME:
      g_value_set_string (value, self->data.document_name);
      break;
    case PROP_CODE_PATH:
      g_value_set_string (value, self->data.code_path);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->data.colour);
      break;
    case PROP_CODER_NAME:
      g_value_set_string (value, self->data.coder_name);
      break;
    case PROP_START:
      g_value_set_uint (value, self->data.start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->data.end);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->data.page);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->data.quote);
      break;
    case PROP_MEMO:
      g_value_set_string (value, self->data.memo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_coding_class_init (GlossCodingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_coding_finalize;
  object_class->get_property = gloss_coding_get_property;

  properties[PROP_GUID] = g_param_spec_string ("guid", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_NAME] = g_param_spec_string ("document-name", NULL, NULL, NULL, flags);
  properties[PROP_CODE_PATH] = g_param_spec_string ("code-path", NULL, NULL, NULL, flags);
  properties[PROP_COLOUR] = g_param_spec_string ("colour", NULL, NULL, NULL, flags);
  properties[PROP_CODER_NAME] = g_param_spec_string ("coder-name", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_MEMO] = g_param_spec_string ("memo", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_coding_init (GlossCoding *self)
{
}

GlossCoding *
gloss_coding_new (const GlossCodingData *data)
{
  GlossCoding *self = g_object_new (GLOSS_TYPE_CODING, NULL);

  self->data = *data;
  self->data.guid = g_strdup (data->guid);
  self->data.document_name = g_strdup (data->document_name);
  self->data.code_path = g_strdup (data->code_path);
  self->data.colour = g_strdup (data->colour);
  self->data.coder_name = g_strdup (data->coder_name);
  self->data.quote = g_strdup (data->quote ? data->quote : "");
  self->data.memo = g_strdup (data->memo ? data->memo : "");
  self->data.created = data->created ? g_date_time_ref (data->created) : NULL;
  self->data.changed = data->changed ? g_date_time_ref (data->changed) : NULL;

  return self;
}

gint64 gloss_coding_get_id (GlossCoding *self) { return self->data.id; }
const char *gloss_coding_get_guid (GlossCoding *self) { return self->data.guid; }
gint64 gloss_coding_get_document_id (GlossCoding *self) { return self->data.document_id; }
const char *gloss_coding_get_document_name (GlossCoding *self) { return self->data.document_name; }
gint64 gloss_coding_get_code_id (GlossCoding *self) { return self->data.code_id; }
const char *gloss_coding_get_code_path (GlossCoding *self) { return self->data.code_path; }
const char *gloss_coding_get_colour (GlossCoding *self) { return self->data.colour; }
gint64 gloss_coding_get_coder_id (GlossCoding *self) { return self->data.coder_id; }
const char *gloss_coding_get_coder_name (GlossCoding *self) { return self->data.coder_name; }
guint gloss_coding_get_start (GlossCoding *self) { return self->data.start; }
guint gloss_coding_get_end (GlossCoding *self) { return self->data.end; }
guint gloss_coding_get_page (GlossCoding *self) { return self->data.page; }
const char *gloss_coding_get_quote (GlossCoding *self) { return self->data.quote; }
const char *gloss_coding_get_memo (GlossCoding *self) { return self->data.memo; }
GDateTime *gloss_coding_get_created (GlossCoding *self) { return self->data.created; }
GDateTime *gloss_coding_get_changed (GlossCoding *self) { return self->data.changed; }
