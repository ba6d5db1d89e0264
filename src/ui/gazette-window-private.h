/* gazette-window-private.h
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

#include "gazette-article-view.h"
#include "gazette-entity-page.h"
#include "gazette-sidebar.h"
#include "gazette-window.h"

G_BEGIN_DECLS

/* Object data on a search result's announcement: its GazetteSearchHit. */
#define GAZETTE_SEARCH_HIT_KEY "gazette-search-hit"

void                _gazette_window_add_toast         (GazetteWindow *self,
                                                       const char    *text);

/* For tests. */
GazetteSidebar     *_gazette_window_get_sidebar       (GazetteWindow *self);
GtkScrolledWindow  *_gazette_window_get_list_scroller (GazetteWindow *self);
GtkSingleSelection *_gazette_window_get_selection     (GazetteWindow *self);
GazetteArticleView *_gazette_window_get_article_view  (GazetteWindow *self);
GazetteEntityPage  *_gazette_window_get_entity_page   (GazetteWindow *self);
AdwLeaflet         *_gazette_window_get_leaflet       (GazetteWindow *self);
const char         *_gazette_window_get_last_toast    (GazetteWindow *self);
gboolean            _gazette_window_get_offline_shown (GazetteWindow *self);
const char         *_gazette_window_get_content       (GazetteWindow *self);
gboolean            _gazette_window_is_ready          (GazetteWindow *self);
void                _gazette_window_search            (GazetteWindow *self,
                                                       const char    *text);
GListModel         *_gazette_window_get_results       (GazetteWindow *self);
const char         *_gazette_window_get_list_state    (GazetteWindow *self);

G_END_DECLS
