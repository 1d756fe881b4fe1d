/* gloss-codebook.h: codes, coders, codings, memos and undo in a project
 *
 * These are methods of GlossProject, kept apart from gloss-project.h by
 * concern.  Every change is one transaction, stored when the call returns,
 * and recorded in the project's undo journal (which survives reopening).
 * Changes emit "codes-changed" and/or "codings-changed" on the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-code.h"
#include "gloss-coding.h"
#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_MEMO_PROJECT,
  GLOSS_MEMO_DOCUMENT,
  GLOSS_MEMO_CODE,
  GLOSS_MEMO_CODING,
} GlossMemoTarget;

typedef struct
{
  gint64 document_id;   /* 0: every document */
  gint64 code_id;       /* 0: every code */
  gboolean with_subcodes;
  gint64 coder_id;      /* 0: every coder */
} GlossCodingFilter;

typedef struct
{
  gint64 code_id;
  guint  in_document;   /* codings in the document asked for */
  guint  in_project;    /* codings in the whole project */
  guint  documents;     /* documents it appears in */
} GlossCodeCounts;

/* Coders */
gint64       gloss_project_ensure_coder        (GlossProject       *self,
                                                const char         *name,
                                                GError            **error);
/* (element-type utf8 name, by id order) */
GPtrArray   *gloss_project_list_coder_names    (GlossProject       *self,
                                                GArray            **ids,
                                                GError            **error);
gint64       gloss_project_lookup_coder        (GlossProject       *self,
                                                const char         *name);

/* The codebook, depth first, siblings by position. */
GPtrArray   *gloss_project_list_codes          (GlossProject       *self,
                                                GError            **error);
GlossCode   *gloss_project_get_code            (GlossProject       *self,
                                                gint64              id,
                                                GError            **error);
GlossCode   *gloss_project_lookup_code         (GlossProject       *self,
                                                const char         *path_or_guid,
                                                GError            **error);
GlossCode   *gloss_project_add_code            (GlossProject       *self,
                                                gint64              parent_id,
                                                const char         *name,
                                                const char         *colour,
                                                const char         *description,
                                                GError            **error);
/* Creates the missing codes of "a/b/c"; returns the last. */
GlossCode   *gloss_project_ensure_code_path    (GlossProject       *self,
                                                const char         *path,
                                                const char         *colour,
                                                const char         *description,
                                                GError            **error);
gboolean     gloss_project_rename_code         (GlossProject       *self,
                                                gint64              id,
                                                const char         *name,
                                                GError            **error);
gboolean     gloss_project_set_code_colour     (GlossProject       *self,
                                                gint64              id,
                                                const char         *colour,
                                                GError            **error);
gboolean     gloss_project_set_code_description (GlossProject      *self,
                                                gint64              id,
                                                const char         *description,
                                                GError            **error);
/* pin 1–9, or 0 to unpin; a key belongs to one code at a time. */
gboolean     gloss_project_set_code_pin        (GlossProject       *self,
                                                gint64              id,
                                                guint               pin,
                                                GError            **error);
/* position: index among the new siblings, -1 for the end. */
gboolean     gloss_project_move_code           (GlossProject       *self,
                                                gint64              id,
                                                gint64              new_parent_id,
                                                int                 position,
                                                GError            **error);
gboolean     gloss_project_merge_code          (GlossProject       *self,
                                                gint64              from_id,
                                                gint64              into_id,
                                                GError            **error);
gboolean     gloss_project_delete_code         (GlossProject       *self,
                                                gint64              id,
                                                GError            **error);
/* Codings of the code and its sub-codes (what deleting it removes). */
guint        gloss_project_count_code_codings  (GlossProject       *self,
                                                gint64              id);
/* One entry per code; in_document for document_id (0: none). */
GArray      *gloss_project_get_code_counts     (GlossProject       *self,
                                                gint64              document_id,
                                                GError            **error);
/* The same, counting only coder_id's codings (0: everyone's). */
GArray      *gloss_project_get_coder_code_counts (GlossProject     *self,
                                                gint64              document_id,
                                                gint64              coder_id,
                                                GError            **error);

/* Codings */
GlossCoding *gloss_project_add_coding          (GlossProject       *self,
                                                gint64              document_id,
                                                gint64              code_id,
                                                gint64              coder_id,
                                                guint               start,
                                                guint               end,
                                                const char         *memo,
                                                GError            **error);
GlossCoding *gloss_project_get_coding          (GlossProject       *self,
                                                gint64              id,
                                                GError            **error);
GlossCoding *gloss_project_lookup_coding       (GlossProject       *self,
                                                const char         *guid,
                                                GError            **error);
gboolean     gloss_project_remove_coding       (GlossProject       *self,
                                                gint64              id,
                                                GError            **error);
gboolean     gloss_project_set_coding_code     (GlossProject       *self,
                                                gint64              id,
                                                gint64              code_id,
                                                GError            **error);
gboolean     gloss_project_set_coding_range    (GlossProject       *self,
                                                gint64              id,
                                                guint               start,
                                                guint               end,
                                                GError            **error);
gboolean     gloss_project_set_coding_memo     (GlossProject       *self,
                                                gint64              id,
                                                const char         *memo,
                                                GError            **error);
/* (element-type GlossCoding) by document, start, end, code path */
GPtrArray   *gloss_project_list_codings        (GlossProject       *self,
                                                const GlossCodingFilter *filter,
                                                GError            **error);

/* Memos: one per target and author; an empty text removes it. */
gboolean     gloss_project_set_memo            (GlossProject       *self,
                                                GlossMemoTarget     target,
                                                gint64              target_id,
                                                gint64              coder_id,
                                                const char         *text,
                                                GError            **error);
char        *gloss_project_get_memo            (GlossProject       *self,
                                                GlossMemoTarget     target,
                                                gint64              target_id,
                                                gint64              coder_id,
                                                GDateTime         **changed);

/* Undo and redo of codebook, coding and memo changes. */
gboolean     gloss_project_can_undo            (GlossProject       *self,
                                                char              **label);
gboolean     gloss_project_can_redo            (GlossProject       *self,
                                                char              **label);
gboolean     gloss_project_undo                (GlossProject       *self,
                                                GError            **error);
gboolean     gloss_project_redo                (GlossProject       *self,
                                                GError            **error);

G_END_DECLS
