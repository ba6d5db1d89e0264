/* gazette-numbers.h
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

#include "gazette-figure.h"

G_BEGIN_DECLS

/**
 * GazetteAmount:
 * @value: the amount in units (yuan, baht, people…), e.g. 1.2e11
 * @currency: (nullable): an ISO 4217 code ("CNY", "THB", "USD"), or %NULL
 * @start: byte offset of the first byte of the matched text
 * @end: byte offset just past the matched text
 *
 * An amount read from text such as "1.2 แสนล้านหยวน", "七百二十亿元" or
 * "CNY 72 billion".
 */
typedef struct
{
  double      value;
  const char *currency;
  gsize       start;
  gsize       end;
} GazetteAmount;

/**
 * GazetteYearMatch:
 * @year: the Gregorian year
 * @start: byte offset of the first byte of the matched text
 * @end: byte offset just past the matched text
 *
 * A year read from text such as "ปี 2565", "2022年" or "ค.ศ. 2022".
 */
typedef struct
{
  int   year;
  gsize start;
  gsize end;
} GazetteYearMatch;

gboolean  gazette_parse_amount (const char    *text,
                                GazetteAmount *amount);
GArray   *gazette_find_amounts (const char    *text);
gboolean  gazette_parse_year   (const char    *text,
                                int           *gregorian_year);
GArray   *gazette_find_years   (const char    *text);
GPtrArray *gazette_find_figures (const char * const *texts,
                                 guint               n_texts);

G_END_DECLS
