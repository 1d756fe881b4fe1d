/* gloss-export-toast.h: the toast that follows an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* In the toast overlay above widget: "Exported “name”" with a button that
 * opens the file's folder, or the error (kept until dismissed). */
void  gloss_export_toast_show  (GtkWidget    *widget,
                                GFile        *file,
                                const GError *error);

/* file, or the file of that name with suffix (".csv") added when the
 * name does not end with it. */
GFile *gloss_export_file_with_suffix (GFile        *file,
                                      const char   *suffix);

G_END_DECLS
