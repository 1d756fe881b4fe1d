/* gloss-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "gloss-code.h"

struct _GlossCode
{
  GObject  parent_instance;
  gint64   id;
  gint64   parent_id;
  char    *guid;
  char    *name;
  char    *path;
  char    *description;
  char    *colour;
  guint    position;
  guint    pin;
};

G_DEFINE_FINAL_TYPE (GlossCode, gloss_code, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GUID,
  PROP_NAME,
  PROP_PATH,
  PROP_DESCRIPTION,
  PROP_COLOUR,
  PROP_PIN,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_code_finalize (GObject *object)
{
  GlossCode *self = (GlossCode *)object;

  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->colour, g_free);

  G_OBJECT_CLASS (gloss_code_parent_class)->finalize (object);
}

static void
gloss_code_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlossCode *self = GLOSS_CODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_PIN:
      g_value_set_uint (value, self->pin);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, gloss_code_get_depth (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_code_class_init (GlossCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_code_finalize;
  object_class->get_property = gloss_code_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUID] =
    g_param_spec_string ("guid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIN] =
    g_param_spec_uint ("pin", NULL, NULL, 0, 9, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_code_init (GlossCode *self)
{
}

GlossCode *
gloss_code_new (gint64      id,
                const char *guid,
                gint64      parent_id,
                const char *name,
                const char *path,
                const char *description,
                const char *colour,
                guint       position,
                guint       pin)
{
  GlossCode *self = g_object_new (GLOSS_TYPE_CODE, NULL);

  self->id = id;
  self->guid = g_strdup (guid);
  self->parent_id = parent_id;
  self->name = g_strdup (name);
  self->path = g_strdup (path ? path : name);
  self->description = g_strdup (description ? description : "");
  self->colour = g_strdup (colour);
  self->position = position;
  self->pin = pin;

  return self;
}

gint64
gloss_code_get_id (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), 0);
  return self->id;
}

const char *
gloss_code_get_guid (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), NULL);
  return self->guid;
}

gint64
gloss_code_get_parent_id (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), 0);
  return self->parent_id;
}

const char *
gloss_code_get_name (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), NULL);
  return self->name;
}

const char *
gloss_code_get_path (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), NULL);
  return self->path;
}

const char *
gloss_code_get_description (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), NULL);
  return self->description;
}

const char *
gloss_code_get_colour (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), NULL);
  return self->colour;
}

guint
gloss_code_get_position (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), 0);
  return self->position;
}

guint
gloss_code_get_pin (GlossCode *self)
{
  g_return_val_if_fail (GLOSS_IS_CODE (self), 0);
  return self->pin;
}

guint
gloss_code_get_depth (GlossCode *self)
{
  const char *p;
  guint depth = 0;

  g_return_val_if_fail (GLOSS_IS_CODE (self), 0);

  for (p = self->path; *p; p++)
    if (*p == '/')
      depth++;

  return depth;
}
