/* gloss-attributes.h: typed attributes of the documents of a project
 *
 * These are methods of GlossProject, kept apart from gloss-project.h by
 * concern.  An attribute (local authority, inspection type, overall
 * judgement …) has a name, a type and, for a choice, the list of values
 * allowed; each document has at most one value per attribute.  Values are
 * stored as text in a canonical form: a number as a decimal ("-3.25"), a
 * date as ISO 8601 ("2015-10-26"), a choice spelt as in its list.
 *
 * Every change is one transaction, stored when the call returns, recorded
 * in the project's undo journal, and followed by "documents-changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_ATTRIBUTE_TEXT,
  GLOSS_ATTRIBUTE_NUMBER,
  GLOSS_ATTRIBUTE_DATE,
  GLOSS_ATTRIBUTE_CHOICE,
} GlossAttributeType;

/* A snapshot of an attribute's row. */
typedef struct
{
  gint64              id;
  char               *guid;
  char               *name;
  GlossAttributeType  type;
  char              **choices;    /* NULL-terminated; empty unless a choice */
  guint               position;   /* order of the attributes, from 0 */
} GlossAttribute;

/* A document's value of an attribute. */
typedef struct
{
  gint64  document_id;
  gint64  attribute_id;
  char   *value;
} GlossAttributeValue;

/* A row of an imported CSV file that named no document. */
typedef struct
{
  guint  line;
  char  *document;
} GlossUnmatchedRow;

/* What gloss_project_import_attributes() did. */
typedef struct
{
  guint       n_rows;        /* data rows, blank ones not counted */
  guint       n_matched;     /* rows that named a document */
  guint       n_changed;     /* values set, changed or cleared */
  GPtrArray  *created;       /* (element-type utf8) attributes made */
  GPtrArray  *unmatched;     /* (element-type GlossUnmatchedRow) */
} GlossAttributeImport;

#define GLOSS_TYPE_ATTRIBUTE (gloss_attribute_get_type ())

GType           gloss_attribute_get_type           (void) G_GNUC_CONST;
GlossAttribute *gloss_attribute_copy               (const GlossAttribute *attribute);
void            gloss_attribute_free               (GlossAttribute       *attribute);
void            gloss_attribute_value_free         (GlossAttributeValue  *value);
void            gloss_attribute_import_free        (GlossAttributeImport *import);

const char     *gloss_attribute_type_to_string     (GlossAttributeType    type);
gboolean        gloss_attribute_type_from_string   (const char           *text,
                                                    GlossAttributeType   *type);
/* The canonical form of value for the attribute, or NULL and
 * %GLOSS_ERROR_INVALID saying why.  Leading and trailing spaces are
 * dropped; a date may be given as DD/MM/YYYY; a choice matches its list
 * ignoring case. */
char           *gloss_attribute_normalize_value    (const GlossAttribute *attribute,
                                                    const char           *value,
                                                    GError              **error);

/* Attributes, by position. */
GPtrArray      *gloss_project_list_attributes      (GlossProject         *self,
                                                    GError              **error);
GlossAttribute *gloss_project_get_attribute        (GlossProject         *self,
                                                    gint64                id,
                                                    GError              **error);
/* By GUID, or by name ignoring case. */
GlossAttribute *gloss_project_lookup_attribute     (GlossProject         *self,
                                                    const char           *name_or_guid,
                                                    GError              **error);
/* A new attribute, last in order.  choices: (nullable) for a choice.  A
 * name already used (ignoring case) gives %GLOSS_ERROR_EXISTS. */
GlossAttribute *gloss_project_add_attribute        (GlossProject         *self,
                                                    const char           *name,
                                                    GlossAttributeType    type,
                                                    const char * const   *choices,
                                                    GError              **error);
gboolean        gloss_project_rename_attribute     (GlossProject         *self,
                                                    gint64                id,
                                                    const char           *name,
                                                    GError              **error);
/* Replaces a choice's list; refused while a document has a value the
 * new list lacks. */
gboolean        gloss_project_set_attribute_choices (GlossProject        *self,
                                                    gint64                id,
                                                    const char * const   *choices,
                                                    GError              **error);
/* position: the new index among the attributes, -1 for the end. */
gboolean        gloss_project_move_attribute       (GlossProject         *self,
                                                    gint64                id,
                                                    int                   position,
                                                    GError              **error);
/* Deletes the attribute and every document's value of it. */
gboolean        gloss_project_delete_attribute     (GlossProject         *self,
                                                    gint64                id,
                                                    GError              **error);

/* Validates and stores a value; NULL or a blank value clears it.
 * extend_choices: a value of a choice missing from its list is added to
 * the list instead of being refused. */
gboolean        gloss_project_set_attribute_value  (GlossProject         *self,
                                                    gint64                document_id,
                                                    gint64                attribute_id,
                                                    const char           *value,
                                                    gboolean              extend_choices,
                                                    GError              **error);
/* Like gloss_project_set_attribute_value() on the attribute named name
 * (ignoring case), made first when there is none, in one action.  type:
 * the attribute's type, or -1 for an existing attribute's own type (text
 * for a new one); a type that differs from the existing attribute's is
 * refused.  A new choice starts with value as its only value; with type
 * GLOSS_ATTRIBUTE_CHOICE given, a value missing from the list extends it. */
gboolean        gloss_project_set_named_attribute_value (GlossProject    *self,
                                                    gint64                document_id,
                                                    const char           *name,
                                                    int                   type,
                                                    const char           *value,
                                                    GError              **error);
/* Sets (or, with NULL or a blank value, clears) the attribute's value of
 * every document in document_ids (element-type gint64), as one undoable
 * action; an invalid value changes nothing. */
gboolean        gloss_project_set_attribute_values (GlossProject         *self,
                                                    GArray               *document_ids,
                                                    gint64                attribute_id,
                                                    const char           *value,
                                                    gboolean              extend_choices,
                                                    GError              **error);
/* One attribute's new value, for gloss_project_set_attributes_batch(). */
typedef struct
{
  gint64       attribute_id;
  const char  *value;         /* NULL or blank clears */
} GlossAttributeChange;

/* Applies every change (element-type GlossAttributeChange) to every
 * document in document_ids (element-type gint64), all as one undoable
 * action; an invalid value changes nothing, and the error names its
 * attribute. */
gboolean        gloss_project_set_attributes_batch (GlossProject         *self,
                                                    GArray               *document_ids,
                                                    GArray               *changes,
                                                    gboolean              extend_choices,
                                                    GError              **error);
gboolean        gloss_project_clear_attribute_value (GlossProject        *self,
                                                    gint64                document_id,
                                                    gint64                attribute_id,
                                                    GError              **error);
/* The stored value, or NULL when the document has none. */
char           *gloss_project_get_attribute_value  (GlossProject         *self,
                                                    gint64                document_id,
                                                    gint64                attribute_id);
/* (element-type GlossAttributeValue) the values of one document
 * (document_id > 0) or of every document (0), in one query, by document
 * and attribute position. */
GPtrArray      *gloss_project_list_attribute_values (GlossProject        *self,
                                                    gint64                document_id,
                                                    GError              **error);

/* Imports a CSV file (see gloss-csv.h): the first column names the
 * document (name, file name with its .pdf or .txt, or GUID), the header
 * row names the attributes, a header "Name:type" gives a type (text,
 * number, date, choice).  Attributes missing from the project are made:
 * with the type given, or else number or date when every value in the
 * column is one, or else text; a new choice's list is the column's
 * values.  An empty cell clears the value.  Rows that name no document
 * are listed in the result.  Malformed CSV or an invalid value fails with
 * %GLOSS_ERROR_INVALID, every problem found named by line, and nothing is
 * written.  One undoable action. */
gboolean        gloss_project_import_attributes    (GlossProject         *self,
                                                    const char           *data,
                                                    gsize                 length,
                                                    GlossAttributeImport **result,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAttribute, gloss_attribute_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAttributeValue, gloss_attribute_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAttributeImport, gloss_attribute_import_free)

G_END_DECLS
