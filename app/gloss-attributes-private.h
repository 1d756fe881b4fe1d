/* gloss-attributes-private.h: helpers shared by gloss-attributes.c,
 * gloss-attribute-values.c and gloss-attributes-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-attributes.h"

G_BEGIN_DECLS

/* Store a value (bind ?1 document, ?2 attribute, ?3 value) or clear it. */
#define GLOSS_ATTRIBUTES_UPSERT_SQL \
  "INSERT INTO document_attribute (document_id, attribute_id, value) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value" \
  " WHERE value IS NOT excluded.value"
#define GLOSS_ATTRIBUTES_CLEAR_SQL \
  "DELETE FROM document_attribute WHERE document_id = ?1 AND attribute_id = ?2"

/* Canonical forms, or NULL when the text is not one. */
char           *_gloss_attributes_normalize_number       (const char            *text);
char           *_gloss_attributes_normalize_date         (const char            *text);
/* new_choice: (nullable) set when a choice's value is not in its list,
 * which is then no error. */
char           *_gloss_attributes_normalize_value        (const GlossAttribute  *attribute,
                                                          const char            *value,
                                                          gboolean              *new_choice,
                                                          GError               **error);

/* An action: one write transaction, recorded in the undo journal; it holds
 * the project's lock from begin to end. */
gboolean        _gloss_attributes_begin_action           (GlossProject          *self,
                                                          const char            *label,
                                                          GError               **error);
gboolean        _gloss_attributes_end_action             (GlossProject          *self,
                                                          gboolean               ok,
                                                          GError               **error);

/* By name ignoring (ASCII) case; NULL without error when there is none. */
GlossAttribute *_gloss_attributes_find_attribute_by_name (GlossProject          *self,
                                                          const char            *name,
                                                          GError               **error);
char           *_gloss_attributes_clean_name             (const char            *name,
                                                          GError               **error);
char          **_gloss_attributes_clean_choices          (const char * const    *choices);
/* Inside a transaction; returns the new id or 0. */
gint64          _gloss_attributes_insert_attribute       (GlossProject          *self,
                                                          const char            *name,
                                                          GlossAttributeType     type,
                                                          const char * const    *choices,
                                                          GError               **error);
/* Steps a statement that returns no rows (NULL: FALSE, error already
 * set); resets it, or with finalize finalizes it. */
gboolean        _gloss_attributes_step                   (GlossProject          *self,
                                                          sqlite3_stmt          *stmt,
                                                          gboolean               finalize,
                                                          GError               **error);
/* Inside a transaction: replaces a choice's list (already cleaned). */
gboolean        _gloss_attributes_store_choices          (GlossProject          *self,
                                                          gint64                 id,
                                                          const char * const    *choices,
                                                          GError               **error);
/* Inside a transaction: stores value (canonical; "" clears). */
gboolean        _gloss_attributes_store_value            (GlossProject          *self,
                                                          sqlite3_stmt          *upsert,
                                                          sqlite3_stmt          *clear,
                                                          gint64                 document_id,
                                                          gint64                 attribute_id,
                                                          const char            *value,
                                                          guint                 *n_changed,
                                                          GError               **error);

G_END_DECLS
