/* gloss-start-page.h: what the window shows when no project is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_START_PAGE (gloss_start_page_get_type ())

G_DECLARE_FINAL_TYPE (GlossStartPage, gloss_start_page, GLOSS, START_PAGE, GtkWidget)

GtkWidget *gloss_start_page_new               (void);
/* The number of recent projects listed (existing files only). */
guint      gloss_start_page_get_n_recent      (GlossStartPage *self);

G_END_DECLS
