/* gazette-announcement-list.h
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

#include <gio/gio.h>

#include "gazette-store.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_ANNOUNCEMENT_LIST (gazette_announcement_list_get_type ())
G_DECLARE_FINAL_TYPE (GazetteAnnouncementList, gazette_announcement_list, GAZETTE,
                      ANNOUNCEMENT_LIST, GObject)

GazetteAnnouncementList *gazette_announcement_list_new          (GazetteStore            *store);
const GazetteQuery      *gazette_announcement_list_get_query    (GazetteAnnouncementList *self);
void                     gazette_announcement_list_set_query    (GazetteAnnouncementList *self,
                                                                 const GazetteQuery      *query);
void                     gazette_announcement_list_reload       (GazetteAnnouncementList *self);
guint                    gazette_announcement_list_get_n_cached (GazetteAnnouncementList *self);
gboolean                 gazette_announcement_list_find         (GazetteAnnouncementList *self,
                                                                 const char              *id,
                                                                 guint                   *position);

void                     gazette_query_copy_into                (GazetteQuery            *dest,
                                                                 const GazetteQuery      *src);
void                     gazette_query_clear                    (GazetteQuery            *query);

G_END_DECLS
