/* gazette-ui-util.h
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

#include <gtk/gtk.h>

#include "gazette-entity.h"

G_BEGIN_DECLS

/* Small helpers the window's classes share. */

GStrv       gazette_ui_dup_content_languages (void);
const char *gazette_ui_entity_name           (GazetteEntity      *entity,
                                              const char * const *languages);
GtkWidget  *gazette_ui_wrapping_label        (const char         *text,
                                              const char         *css_class,
                                              gboolean            selectable);
gboolean    gazette_ui_save_png              (GtkWidget          *window,
                                              const char         *path);

G_END_DECLS
