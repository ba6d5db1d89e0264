/* gazette-search-query.h
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

#include "gazette-search-hit.h"
#include "gazette-tokenizer.h"

G_BEGIN_DECLS

/* The index holds, besides every word, every two adjacent words as one token, at the first
 * one's position: the mark, the first word, the mark, the second. No word holds the mark, so
 * a prefix query never finds a pair. A phrase is searched as its pairs: rare even where its
 * words are common. */
#define GAZETTE_SEARCH_PAIR_MARK '\x1f'

/* What the user typed into a search box, read the way the index was written: every group of
 * words typed without spaces between them is a phrase (so Thai and Chinese, which have no
 * spaces, match as written), several groups must all match, "quoted text" is one phrase, and
 * a trailing * makes a word a prefix. Reading never fails: an unclosed quote runs to the
 * end, and stray operators are just punctuation. */
typedef struct _GazetteSearchQuery GazetteSearchQuery;

GazetteSearchQuery *gazette_search_query_new        (GazetteTokenizer          *tokenizer,
                                                     const char                *text);
void                gazette_search_query_free       (GazetteSearchQuery        *self);
gboolean            gazette_search_query_is_empty   (const GazetteSearchQuery  *self);
char               *gazette_search_query_to_fts5    (const GazetteSearchQuery  *self);
GArray             *gazette_search_query_find       (const GazetteSearchQuery  *self,
                                                     GazetteTokenizer          *tokenizer,
                                                     const char                *marked);
char               *gazette_search_query_snippet    (const GazetteSearchQuery  *self,
                                                     GazetteTokenizer          *tokenizer,
                                                     const char                *marked,
                                                     gboolean                   only_if_matched,
                                                     GArray                   **matches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteSearchQuery, gazette_search_query_free)

G_END_DECLS
