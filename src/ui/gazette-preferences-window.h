/* gazette-preferences-window.h
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

#define GAZETTE_TYPE_PREFERENCES_WINDOW (gazette_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GazettePreferencesWindow, gazette_preferences_window,
                      GAZETTE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *gazette_preferences_window_new (GtkWindow *parent,
                                           GSettings *settings);

G_END_DECLS
