/* gazette-search-hit.h
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

#include "gazette-announcement.h"

G_BEGIN_DECLS

/* A byte range [start, end) of a text. */
typedef struct
{
  guint start;
  guint end;
} GazetteSpan;

#define GAZETTE_TYPE_SEARCH_HIT (gazette_search_hit_get_type ())

GType                gazette_search_hit_get_type             (void) G_GNUC_CONST;
GazetteSearchHit    *gazette_search_hit_ref                  (GazetteSearchHit *self);
void                 gazette_search_hit_unref                (GazetteSearchHit *self);
GazetteAnnouncement *gazette_search_hit_get_announcement     (GazetteSearchHit *self);
const char          *gazette_search_hit_get_snippet          (GazetteSearchHit *self);
const GArray        *gazette_search_hit_get_snippet_matches  (GazetteSearchHit *self);
const GArray        *gazette_search_hit_get_title_matches    (GazetteSearchHit *self);
double               gazette_search_hit_get_score            (GazetteSearchHit *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteSearchHit, gazette_search_hit_unref)

G_END_DECLS
