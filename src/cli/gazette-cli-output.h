/* gazette-cli-output.h
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

#include <json-glib/json-glib.h>

#include "gazette-announcement.h"
#include "gazette-feed.h"
#include "gazette-sync.h"

G_BEGIN_DECLS

/* Text columns that line up in a terminal even with Chinese (two cells a character) and
 * Thai (combining marks take no cell). */
typedef struct _GazetteTable GazetteTable;

GazetteTable *gazette_table_new          (guint                 n_columns);
void          gazette_table_add_row      (GazetteTable         *self,
                                          ...) G_GNUC_NULL_TERMINATED;
void          gazette_table_print        (GazetteTable         *self);
void          gazette_table_free         (GazetteTable         *self);
guint         gazette_text_width         (const char           *text);

char         *gazette_cli_format_date    (GDateTime            *date);
char         *gazette_cli_format_date_time (GDateTime          *date);

void          gazette_json_add_localized (JsonBuilder          *builder,
                                          const char           *member,
                                          GazetteLocalized     *localized);
void          gazette_json_add_entity    (JsonBuilder          *builder,
                                          GazetteEntity        *entity,
                                          int                   n_announcements);
void          gazette_json_add_announcement (JsonBuilder       *builder,
                                          GazetteAnnouncement  *announcement,
                                          gboolean              full);
void          gazette_json_add_feed      (JsonBuilder          *builder,
                                          GazetteFeed          *feed);
void          gazette_json_print         (JsonBuilder          *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteTable, gazette_table_free)

G_END_DECLS
