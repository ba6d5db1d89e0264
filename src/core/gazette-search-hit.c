/* gazette-search-hit.c
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

#define G_LOG_DOMAIN "gazette-search"

#include "config.h"

#include "gazette-search-hit-private.h"

struct _GazetteSearchHit
{
  gatomicrefcount      ref_count;
  GazetteAnnouncement *announcement;
  char                *snippet;
  GArray              *snippet_matches;
  GArray              *title_matches;
  double               score;
};

G_DEFINE_BOXED_TYPE (GazetteSearchHit, gazette_search_hit,
                     gazette_search_hit_ref, gazette_search_hit_unref)

/* Takes @snippet and both arrays (element-type GazetteSpan; NULL for none). */
GazetteSearchHit *
_gazette_search_hit_new (GazetteAnnouncement *announcement,
                         char                *snippet,
                         GArray              *snippet_matches,
                         GArray              *title_matches,
                         double               score)
{
  GazetteSearchHit *self = g_new0 (GazetteSearchHit, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->announcement = g_object_ref (announcement);
  self->snippet = snippet != NULL ? snippet : g_strdup ("");
  self->snippet_matches = snippet_matches != NULL ? snippet_matches
                                                  : g_array_new (FALSE, FALSE, sizeof (GazetteSpan));
  self->title_matches = title_matches != NULL ? title_matches
                                              : g_array_new (FALSE, FALSE, sizeof (GazetteSpan));
  self->score = score;

  return self;
}

GazetteSearchHit *
gazette_search_hit_ref (GazetteSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gazette_search_hit_unref (GazetteSearchHit *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_object_unref (self->announcement);
  g_free (self->snippet);
  g_array_unref (self->snippet_matches);
  g_array_unref (self->title_matches);
  g_free (self);
}

/**
 * gazette_search_hit_get_announcement:
 * @self: a search hit
 *
 * Returns: (transfer none): the announcement found, with the fields of a row of
 *   gazette_store_list_announcements(): the best-ranked member of its translation group
 */
GazetteAnnouncement *
gazette_search_hit_get_announcement (GazetteSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->announcement;
}

/**
 * gazette_search_hit_get_snippet:
 * @self: a search hit
 *
 * Returns: a short plain-text excerpt (no markup) of the summary or body around the first
 *   matches, with "…" where it was cut; the start of the summary when only the title or a
 *   name matched; "" when the announcement has no text
 */
const char *
gazette_search_hit_get_snippet (GazetteSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->snippet;
}

/**
 * gazette_search_hit_get_snippet_matches:
 * @self: a search hit
 *
 * Returns: (transfer none) (element-type GazetteSpan): the byte ranges of the snippet that
 *   match the query, in order, not overlapping
 */
const GArray *
gazette_search_hit_get_snippet_matches (GazetteSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->snippet_matches;
}

/**
 * gazette_search_hit_get_title_matches:
 * @self: a search hit
 *
 * Returns: (transfer none) (element-type GazetteSpan): the byte ranges of the
 *   announcement's title that match the query, in order, not overlapping
 */
const GArray *
gazette_search_hit_get_title_matches (GazetteSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title_matches;
}

/**
 * gazette_search_hit_get_score:
 * @self: a search hit
 *
 * Returns: how well the announcement matches (bm25, title weighted, sign turned so that
 *   higher is better); only comparable between hits of one search
 */
double
gazette_search_hit_get_score (GazetteSearchHit *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->score;
}
