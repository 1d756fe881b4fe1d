/* gloss-merge-private.h: the parts of a merge, shared by gloss-merge.c
 * (the interface, checks and the log), gloss-merge-load.c (reading both
 * projects), gloss-merge-plan.c (deciding what becomes of every row) and
 * gloss-merge-apply.c (writing it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-merge.h"

G_BEGIN_DECLS

/* ---- rows as read (gloss-merge-load.c) ----
 * Strings live in the side's string chunk; t is the change time in
 * microseconds since 1970 (UTC). */

typedef struct
{
  gint64      id;
  const char *guid;
  const char *name;
  const char *created_at;
} MergeCoderRow;

typedef struct
{
  gint64      id;
  const char *guid;
  const char *sha256;
  const char *name;
} MergeDocumentRow;

typedef struct
{
  gint64      id;
  const char *guid;
  gint64      parent_id;     /* 0: a top-level code */
  const char *name;
  const char *description;
  const char *colour;
  gint64      position;
  gint64      created_by;    /* coder id, 0 for none */
  const char *created_at;
  const char *changed_at;
  gint64      t;
  gint64      activity;      /* latest change of it and of what stays of its codings and sub-codes */
  const char *path;
} MergeCodeRow;

typedef struct
{
  gint64      id;
  const char *guid;
  gint64      document_id;
  gint64      code_id;
  gint64      coder_id;
  gint64      start;
  gint64      end;
  const char *quote;
  const char *memo;
  const char *created_at;
  const char *changed_at;
  gint64      t;
} MergeCodingRow;

typedef struct
{
  gint64      id;
  const char *guid;
  const char *target;        /* "project", "document", "code" */
  gint64      target_id;
  gint64      coder_id;
  const char *text;
  const char *created_at;
  const char *changed_at;
  gint64      t;
} MergeMemoRow;

typedef struct
{
  gint64      id;
  const char *guid;
  gint64      coding_id;
  gint64      reviewer_id;
  const char *verdict;
  const char *comment;
  const char *created_at;
  const char *changed_at;
  gint64      t;
} MergeReviewRow;

typedef struct
{
  const char *guid;
  const char *kind;
  const char *deleted_at;
  gint64      t;
} MergeTombstone;

typedef struct
{
  gint64      id;
  const char *guid;
  const char *name;
  const char *type;
  const char *choices;       /* JSON array */
  const char *created_at;
} MergeAttributeRow;

typedef struct
{
  gint64      document_id;
  gint64      attribute_id;
  const char *value;
} MergeValueRow;

/* Everything of one project that a merge looks at. */
typedef struct
{
  GStringChunk *strings;
  int           schema;
  GArray       *documents;     /* MergeDocumentRow */
  GArray       *coders;        /* MergeCoderRow */
  GArray       *codes;         /* MergeCodeRow, parents before children */
  GArray       *codings;       /* MergeCodingRow */
  GArray       *memos;         /* MergeMemoRow */
  GArray       *reviews;       /* MergeReviewRow */
  GArray       *tombstones;    /* MergeTombstone */
  GArray       *attributes;    /* MergeAttributeRow */
  GArray       *values;        /* MergeValueRow */
  /* Lookups, made once everything is read; values point into the arrays. */
  GHashTable   *document_by_id, *document_by_sha;
  GHashTable   *coder_by_id, *coder_by_guid, *coder_by_name;
  GHashTable   *code_by_id, *code_by_guid;
  GHashTable   *coding_by_id, *coding_by_guid;
  GHashTable   *memo_by_guid, *review_by_guid;
  GHashTable   *tombstone_by_guid;
  GHashTable   *attribute_by_id, *attribute_by_guid, *attribute_by_name;
} MergeSide;

void        merge_side_free  (MergeSide   *side);
/* Reads a project at schema (1 … ours) through db, inside a read
 * transaction the caller holds.  what names the project in errors. */
MergeSide  *merge_side_load  (sqlite3     *db,
                              int          schema,
                              const char  *what,
                              GError     **error);
/* "2024-05-01T10:20:30.123456Z" (or another ISO 8601 form) as
 * microseconds since 1970, UTC; 0 if it cannot be read. */
gint64      merge_parse_time (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeSide, merge_side_free)

/* ---- what becomes of every row (gloss-merge-plan.c) ---- */

typedef enum
{
  MERGE_KEEP,       /* ours, staying (and maybe updated) */
  MERGE_DELETE,     /* ours, deleted (their tombstone, or with what it depends on) */
  MERGE_ADD,        /* theirs, added */
  MERGE_MAPPED,     /* theirs, the same as one of ours (or of those added) */
  MERGE_SKIPPED,    /* theirs, left out by a decision */
  MERGE_DROPPED,    /* theirs, left out: we deleted it after their last change */
} MergeFate;

/* A document or coder of ours, or of theirs that is added. */
typedef struct
{
  MergeDocumentRow *ours;
  MergeDocumentRow *theirs;   /* matched or to add */
  gint64            id;       /* ours, once there is one */
} MergeDocument;

typedef struct
{
  MergeCoderRow *ours;
  MergeCoderRow *theirs;
  gint64         id;
} MergeCoder;

typedef struct _MergeCode MergeCode;
struct _MergeCode
{
  const char   *guid;
  MergeCodeRow *ours;
  MergeCodeRow *theirs;
  MergeFate     fate;
  MergeCode    *mapped;           /* MERGE_MAPPED: the code it is */
  MergeCode    *parent;           /* where it ends up; NULL at the top */
  const char   *name;             /* the name it ends up with */
  gint64        position;         /* among its siblings: theirs only where theirs put it */
  gboolean      theirs_win;       /* their name, description, colour, position, time */
  gboolean      renamed;          /* a name the merge made unique (changed now) */
  gboolean      changed;          /* MERGE_KEEP: to be updated */
  MergeCoder   *creator;          /* MERGE_ADD: created_by */
  guint         depth;            /* in the tree it ends up in */
  gint64        id;               /* ours, once there is one */
};

typedef struct _MergeCoding MergeCoding;
struct _MergeCoding
{
  MergeCodingRow       *ours;
  MergeCodingRow       *theirs;
  MergeFate             fate;
  MergeCoding          *mapped;   /* MERGE_MAPPED: the coding it is */
  MergeDocument        *document;
  MergeCode            *code;     /* where it ends up */
  MergeCoder           *coder;
  const MergeCodingRow *fields;   /* start, end, quote, memo and times it ends with */
  gboolean              changed;
  gint64                id;
};

typedef struct _MergeMemo MergeMemo;
struct _MergeMemo
{
  MergeMemoRow       *ours;
  MergeMemoRow       *theirs;
  MergeFate           fate;
  MergeMemo          *mapped;
  const char         *target;
  MergeDocument      *document;   /* target "document" */
  MergeCode          *code;       /* target "code" */
  MergeCoder         *coder;
  const MergeMemoRow *fields;     /* text and times it ends with */
  gboolean            changed;
};

typedef struct _MergeReview MergeReview;
struct _MergeReview
{
  MergeReviewRow       *ours;
  MergeReviewRow       *theirs;
  MergeFate             fate;
  MergeReview          *mapped;
  MergeCoding          *coding;
  MergeCoder           *reviewer;
  const MergeReviewRow *fields;
  gboolean              changed;
};

typedef struct
{
  MergeAttributeRow *ours;
  MergeAttributeRow *theirs;
  gboolean           usable;      /* the same type: their values may be copied */
  gint64             id;
} MergeAttribute;

typedef struct
{
  MergeDocument  *document;
  MergeAttribute *attribute;
  const char     *value;
} MergeValue;

/* The outcome of planning: what each row becomes, and the counts. */
typedef struct
{
  MergeSide         *ours;
  MergeSide         *theirs;
  GPtrArray         *documents;    /* MergeDocument: ours, then theirs to add */
  GPtrArray         *coders;       /* MergeCoder: ours, then theirs to add */
  GPtrArray         *codes;        /* MergeCode, parents before children */
  GPtrArray         *codings;      /* MergeCoding */
  GPtrArray         *memos;        /* MergeMemo */
  GPtrArray         *reviews;      /* MergeReview */
  GPtrArray         *attributes;   /* MergeAttribute of theirs */
  GArray            *values;       /* MergeValue to add */
  GArray            *tombstones;   /* MergeTombstone of theirs to keep */
  GPtrArray         *conflicts;    /* GlossMergeConflict, in the order found */
  GlossMergeSummary  summary;
} MergeOutcome;

void                merge_outcome_free  (MergeOutcome      *outcome);
/* decisions: merge_conflict_key() → GlossDecision, from the plan; NULL
 * while planning.  Takes both sides. */
MergeOutcome       *merge_outcome_new   (MergeSide         *ours,
                                         MergeSide         *theirs,
                                         GHashTable        *decisions);
char               *merge_conflict_key  (GlossConflictKind  kind,
                                         const char        *guid);
void                merge_conflict_free (gpointer           conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeOutcome, merge_outcome_free)

/* Planning, shared by gloss-merge-plan.c and gloss-merge-codes.c. */
typedef struct
{
  MergeOutcome *out;
  GHashTable   *decisions;        /* NULL while planning */
  GHashTable   *listed;           /* conflict keys already listed */
  GHashTable   *document_by_our_id, *document_by_their_id;
  GHashTable   *coder_by_our_id, *coder_by_their_id;
  GHashTable   *code_by_guid, *code_by_our_id, *code_by_their_id;
  GHashTable   *coding_by_our_id, *coding_by_their_id;
} Planner;

/* Lists the conflict (once; takes description) and returns its decision:
 * NONE while planning, when the plan goes on as if it were MAP. */
GlossDecision  merge_decide          (Planner              *p,
                                      GlossConflictKind     kind,
                                      const char           *guid,
                                      char                 *description,
                                      const char           *ours,
                                      const char           *theirs);
/* > 0 when theirs is the later change (equal times: by contents). */
int            merge_compare_changes (gint64                t_ours,
                                      const char           *key_ours,
                                      gint64                t_theirs,
                                      const char           *key_theirs);
gboolean       merge_deleted_after   (const MergeTombstone *tombstone,
                                      gint64                t);
MergeCoder    *merge_their_coder     (Planner              *p,
                                      gint64                id);
/* What a code ends up as: itself, the code it maps to, or NULL. */
MergeCode     *merge_code_alive      (MergeCode            *code);
MergeCode     *merge_our_code        (Planner              *p,
                                      gint64                id);
MergeCode     *merge_their_code      (Planner              *p,
                                      gint64                id);
void           merge_plan_codes      (Planner              *p);


/* ---- writing it (gloss-merge-apply.c) ---- */

/* Inside the merge's transaction. */
gboolean      merge_apply        (GlossProject  *self,
                                  sqlite3       *other,
                                  const char    *other_path,
                                  MergeOutcome  *outcome,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
