/* gazette-figure.h
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

#include "gazette-localized.h"

G_BEGIN_DECLS

/* A number an announcement promises or reports: "digital economy above 72 billion yuan by
 * 2022" is label "Digital economy", value 72e9, unit "CNY", year 2022, kind "target". */
struct _GazetteFigure
{
  GazetteLocalized *label;        /* never NULL, may be empty */
  double            value;
  char             *unit;         /* ISO 4217 code, "%", "people", … or NULL */
  int               year;         /* Gregorian year, 0 when none */
  char             *kind;         /* "target", "result", "investment", … or NULL */
  char             *source_text;  /* the words the value was read from, or NULL */
  gboolean          from_text;    /* TRUE when read from the text, not declared */
};

#define GAZETTE_TYPE_FIGURE (gazette_figure_get_type ())

GType           gazette_figure_get_type (void) G_GNUC_CONST;
GazetteFigure  *gazette_figure_new      (void);
GazetteFigure  *gazette_figure_ref      (GazetteFigure  *self);
void            gazette_figure_unref    (GazetteFigure  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteFigure, gazette_figure_unref)

G_END_DECLS
