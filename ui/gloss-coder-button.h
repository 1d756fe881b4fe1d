/* gloss-coder-button.h: the current coder in the header bar, and whose
 * codings are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_CODER_VISIBILITY_ALL,
  GLOSS_CODER_VISIBILITY_MINE,
  GLOSS_CODER_VISIBILITY_CHOSEN,
} GlossCoderVisibility;

#define GLOSS_TYPE_CODER_BUTTON (gloss_coder_button_get_type ())

/* A menu button showing the current coder's name.  Its popover lists the
 * project's coders to switch to, "New Coder…", and which coders' codings
 * the viewer shows.  Switching is left to the owner:
 *
 * Signals: "switch-coder" (const char *name) when a coder is chosen;
 * "new-coder" when "New Coder…" is clicked; "visibility-changed" when the
 * choice of coders to show changes (blind coding included).
 *
 * Property "blind" (boolean): blind coding, bound to the GSettings key
 * "blind-mode": only the current coder's codings show, whatever the
 * visibility chosen (which is kept, and insensitive meanwhile). */
G_DECLARE_FINAL_TYPE (GlossCoderButton, gloss_coder_button, GLOSS, CODER_BUTTON, GtkWidget)

GtkWidget            *gloss_coder_button_new             (void);
void                  gloss_coder_button_set_project     (GlossCoderButton     *self,
                                                          GlossProject         *project);
/* Reloads the project's coders. */
void                  gloss_coder_button_refresh         (GlossCoderButton     *self);
void                  gloss_coder_button_set_coder       (GlossCoderButton     *self,
                                                          const char           *name);
const char           *gloss_coder_button_get_coder       (GlossCoderButton     *self);
/* The visibility chosen (kept while blind coding is on). */
GlossCoderVisibility  gloss_coder_button_get_visibility  (GlossCoderButton     *self);
/* What applies: GLOSS_CODER_VISIBILITY_MINE while blind coding is on,
 * otherwise the visibility chosen. */
GlossCoderVisibility  gloss_coder_button_get_effective_visibility (GlossCoderButton *self);
gboolean              gloss_coder_button_get_blind       (GlossCoderButton     *self);
void                  gloss_coder_button_set_blind       (GlossCoderButton     *self,
                                                          gboolean              blind);
void                  gloss_coder_button_set_visibility  (GlossCoderButton     *self,
                                                          GlossCoderVisibility  visibility);
/* With GLOSS_CODER_VISIBILITY_CHOSEN: whether name's codings are shown. */
gboolean              gloss_coder_button_get_coder_shown (GlossCoderButton     *self,
                                                          const char           *name);
void                  gloss_coder_button_set_coder_shown (GlossCoderButton     *self,
                                                          const char           *name,
                                                          gboolean              shown);
/* The names left out of the chosen set (sorted), and setting them all. */
GStrv                 gloss_coder_button_dup_hidden_coders (GlossCoderButton   *self);
void                  gloss_coder_button_set_hidden_coders (GlossCoderButton   *self,
                                                            const char * const *names);
/* Whether the codings of coder name are to be shown, following blind
 * coding, the visibility, the current coder and the chosen set. */
gboolean              gloss_coder_button_shows_coder     (GlossCoderButton     *self,
                                                          const char           *name);
/* "Outline My Codings": the viewers draw a border around the current
 * coder's codings.  Changes emit "visibility-changed". */
gboolean              gloss_coder_button_get_outline_mine (GlossCoderButton *self);
void                  gloss_coder_button_set_outline_mine (GlossCoderButton *self,
                                                           gboolean          outline);
void                  gloss_coder_button_popup           (GlossCoderButton     *self);
void                  gloss_coder_button_popdown         (GlossCoderButton     *self);

G_END_DECLS
