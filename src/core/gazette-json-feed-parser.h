/* gazette-json-feed-parser.h
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

#include "gazette-feed-document.h"

G_BEGIN_DECLS

#define GAZETTE_PARSE_ERROR (gazette_parse_error_quark ())

typedef enum {
  GAZETTE_PARSE_ERROR_INVALID,      /* not well-formed: bad UTF-8, bad JSON, truncated */
  GAZETTE_PARSE_ERROR_UNSUPPORTED,  /* well-formed, but not a format or version we read */
  GAZETTE_PARSE_ERROR_SCHEMA,       /* a required field is missing or has the wrong type */
  GAZETTE_PARSE_ERROR_TOO_LARGE,    /* beyond a limit: depth, size, number of items */
} GazetteParseError;

GQuark               gazette_parse_error_quark  (void);

/* Limits that keep hostile documents from crashing or hanging the parser. */
#define GAZETTE_JSON_FEED_MAX_DEPTH 64
#define GAZETTE_JSON_FEED_MAX_ITEMS 200000
#define GAZETTE_JSON_FEED_MAX_STRING_LENGTH (1024 * 1024)
#define GAZETTE_JSON_FEED_MAX_MEMBERS 1000
#define GAZETTE_JSON_FEED_MAX_LANGUAGES 100

GazetteFeedDocument *gazette_json_feed_parse    (GBytes     *bytes,
                                                 GPtrArray  *problems,
                                                 GError    **error);
gboolean             gazette_json_feed_sniff    (GBytes     *bytes);

G_END_DECLS
