/* gazette-json-feed-parser-private.h
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

#include "gazette-json-feed-parser.h"

G_BEGIN_DECLS

typedef struct
{
  /* In: */
  gboolean whole_document;  /* parse the document in one piece, never item by item */
  guint    n_threads;       /* threads for the items, counting the caller's; 0 to choose */

  /* Out: */
  gboolean split;           /* the items were parsed one by one */
  guint    n_workers;       /* the runs of items they were parsed in, or 0 */
} GazetteJsonFeedOptions;

GazetteFeedDocument *_gazette_json_feed_parse_with_options (GBytes                  *bytes,
                                                            GazetteJsonFeedOptions  *options,
                                                            GPtrArray               *problems,
                                                            GError                 **error);

G_END_DECLS
