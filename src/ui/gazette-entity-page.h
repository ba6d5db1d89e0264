/* gazette-entity-page.h
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

#define GAZETTE_TYPE_ENTITY_PAGE (gazette_entity_page_get_type ())
G_DECLARE_FINAL_TYPE (GazetteEntityPage, gazette_entity_page, GAZETTE, ENTITY_PAGE, GtkWidget)

void           gazette_entity_page_set_store  (GazetteEntityPage *self,
                                               GazetteStore      *store);
void           gazette_entity_page_show       (GazetteEntityPage *self,
                                               const char        *page);
const char    *gazette_entity_page_get_page   (GazetteEntityPage *self);
GazetteEntity *gazette_entity_page_get_entity (GazetteEntityPage *self);
guint          gazette_entity_page_get_n_rows (GazetteEntityPage *self);

G_END_DECLS
