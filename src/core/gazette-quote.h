/* gazette-quote.h
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

#include "gazette-types.h"

G_BEGIN_DECLS

/* What an official said in one announcement. */
struct _GazetteQuote
{
  char      *official_id;
  char      *text;
  char      *language;         /* BCP 47 tag, or NULL when unknown */
  /* Filled by store queries that list an official's quotes, NULL otherwise. */
  char      *announcement_id;
  char      *announcement_title;
  char      *translation_group;  /* of the announcement, or NULL */
  GDateTime *published;
};

#define GAZETTE_TYPE_QUOTE (gazette_quote_get_type ())

GType          gazette_quote_get_type (void) G_GNUC_CONST;
GazetteQuote  *gazette_quote_new      (const char    *official_id,
                                       const char    *text,
                                       const char    *language);
GazetteQuote  *gazette_quote_ref      (GazetteQuote  *self);
void           gazette_quote_unref    (GazetteQuote  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteQuote, gazette_quote_unref)

G_END_DECLS
