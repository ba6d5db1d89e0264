/* gazette-sidebar.h
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

#include "gazette-store.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_SIDEBAR (gazette_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GazetteSidebar, gazette_sidebar, GAZETTE, SIDEBAR, GtkWidget)

void        gazette_sidebar_set_store     (GazetteSidebar *self,
                                           GazetteStore   *store);
void        gazette_sidebar_reload        (GazetteSidebar *self);
const char *gazette_sidebar_get_selection (GazetteSidebar *self);
void        gazette_sidebar_set_selection (GazetteSidebar *self,
                                           const char     *selection);
const char *gazette_sidebar_get_title     (GazetteSidebar *self);
guint       gazette_sidebar_get_n_rows    (GazetteSidebar *self);
const char *gazette_sidebar_get_row_label (GazetteSidebar *self,
                                           const char     *key,
                                           guint          *unread,
                                           char          **error_tooltip);
gboolean    gazette_selection_to_query    (const char     *selection,
                                           GazetteQuery   *query);

G_END_DECLS
