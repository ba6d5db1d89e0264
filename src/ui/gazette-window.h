/* gazette-window.h
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

#include "gazette-application.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_WINDOW (gazette_window_get_type ())
G_DECLARE_FINAL_TYPE (GazetteWindow, gazette_window, GAZETTE, WINDOW, AdwApplicationWindow)

GazetteWindow *gazette_window_new                   (GazetteApplication *application);
void           gazette_window_show_store_error      (GazetteWindow      *self,
                                                     const GError       *error);
void           gazette_window_select_announcement   (GazetteWindow      *self,
                                                     const char         *id);
void           gazette_window_show_page             (GazetteWindow      *self,
                                                     const char         *page);
void           gazette_window_screenshot_when_ready (GazetteWindow      *self,
                                                     const char         *path);

G_END_DECLS
