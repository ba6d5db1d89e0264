/* gazette-test-ui.h
 *
 * Copyright 2026 The Gazette developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Helpers the widget tests share. They need a display: run them under xvfb-run. */

gboolean   gazette_test_ui_init            (int         *argc,
                                            char      ***argv);
void       gazette_test_ui_set_language    (const char  *language);
GtkWidget *gazette_test_ui_find            (GtkWidget   *root,
                                            GType        type,
                                            const char  *title);
GPtrArray *gazette_test_ui_children        (GtkWidget   *parent);
void       gazette_test_ui_wait_for_frames (GtkWidget   *widget,
                                            guint        n_frames);
void       gazette_test_ui_wait_until      (gboolean   (*done) (gpointer data),
                                            gpointer     data);
char      *gazette_test_ui_save_png        (GtkWidget   *widget,
                                            const char  *name);

G_END_DECLS
