/* gazette-linker.h
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

#include "gazette-entity.h"

G_BEGIN_DECLS

/* Finds known entities by their names, in every language, in text that declares none (RSS,
 * Atom, JSON Feed items without "_district"). Names are matched on word boundaries, as the
 * search index cuts words (gazette-tokenizer.h), so a name inside an unspaced Thai sentence is
 * found and a Thai word that merely shares its letters is not. All names are matched in one
 * pass (Aho–Corasick over words), built once per set of entities. Not thread-safe. */
typedef struct _GazetteLinker GazetteLinker;

GazetteLinker *gazette_linker_new        (GPtrArray           *entities);
void           gazette_linker_free       (GazetteLinker       *self);
guint          gazette_linker_get_n_names (GazetteLinker      *self);
GPtrArray     *gazette_linker_find       (GazetteLinker       *self,
                                          const char * const  *texts,
                                          guint                n_texts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteLinker, gazette_linker_free)

G_END_DECLS
