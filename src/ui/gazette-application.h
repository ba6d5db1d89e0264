/* gazette-application.h
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

#include "gazette-store.h"
#include "gazette-sync.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_APPLICATION (gazette_application_get_type ())
G_DECLARE_FINAL_TYPE (GazetteApplication, gazette_application, GAZETTE, APPLICATION, AdwApplication)

GazetteApplication *gazette_application_new          (void);
GazetteStore       *gazette_application_get_store    (GazetteApplication *self);
const GError       *gazette_application_get_store_error
                                                     (GazetteApplication *self);
gboolean            gazette_application_is_store_done
                                                     (GazetteApplication *self);
double              gazette_application_get_store_progress
                                                     (GazetteApplication *self);
GazetteSync        *gazette_application_get_sync     (GazetteApplication *self);
GSettings          *gazette_application_get_settings (GazetteApplication *self);
gboolean            gazette_application_get_online   (GazetteApplication *self);
void                gazette_application_set_online   (GazetteApplication *self,
                                                      gboolean            online);
GStrv               gazette_application_dup_content_languages
                                                     (GazetteApplication *self);
void                gazette_application_refresh      (GazetteApplication *self);

G_END_DECLS
