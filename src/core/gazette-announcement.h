/* gazette-announcement.h
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
#include "gazette-figure.h"
#include "gazette-quote.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_ANNOUNCEMENT (gazette_announcement_get_type ())
G_DECLARE_FINAL_TYPE (GazetteAnnouncement, gazette_announcement, GAZETTE, ANNOUNCEMENT, GObject)

GazetteAnnouncement *gazette_announcement_new                   (const char          *id);
const char          *gazette_announcement_get_id                (GazetteAnnouncement *self);
gint64               gazette_announcement_get_row_id            (GazetteAnnouncement *self);
gint64               gazette_announcement_get_feed_id           (GazetteAnnouncement *self);
const char          *gazette_announcement_get_feed_title        (GazetteAnnouncement *self);
const char          *gazette_announcement_get_language          (GazetteAnnouncement *self);
const char          *gazette_announcement_get_title             (GazetteAnnouncement *self);
const char          *gazette_announcement_get_summary           (GazetteAnnouncement *self);
const char          *gazette_announcement_get_content_html      (GazetteAnnouncement *self);
const char          *gazette_announcement_get_content_text      (GazetteAnnouncement *self);
const char          *gazette_announcement_get_url               (GazetteAnnouncement *self);
const char          *gazette_announcement_get_image_url         (GazetteAnnouncement *self);
const char          *gazette_announcement_get_author            (GazetteAnnouncement *self);
GDateTime           *gazette_announcement_get_published         (GazetteAnnouncement *self);
GDateTime           *gazette_announcement_get_updated           (GazetteAnnouncement *self);
const char          *gazette_announcement_get_translation_group (GazetteAnnouncement *self);
GStrv                gazette_announcement_get_tags              (GazetteAnnouncement *self);
GStrv                gazette_announcement_get_languages         (GazetteAnnouncement *self);
GazetteEntity       *gazette_announcement_get_district          (GazetteAnnouncement *self);
GPtrArray           *gazette_announcement_get_officials         (GazetteAnnouncement *self);
GPtrArray           *gazette_announcement_get_projects          (GazetteAnnouncement *self);
GPtrArray           *gazette_announcement_get_organisations     (GazetteAnnouncement *self);
GPtrArray           *gazette_announcement_get_quotes            (GazetteAnnouncement *self);
GPtrArray           *gazette_announcement_get_figures           (GazetteAnnouncement *self);
gboolean             gazette_announcement_link_is_found         (GazetteAnnouncement *self,
                                                                 GazetteEntity       *entity);
gboolean             gazette_announcement_get_read              (GazetteAnnouncement *self);
void                 gazette_announcement_set_read              (GazetteAnnouncement *self,
                                                                 gboolean             read);
gboolean             gazette_announcement_get_starred           (GazetteAnnouncement *self);
void                 gazette_announcement_set_starred           (GazetteAnnouncement *self,
                                                                 gboolean             starred);

G_END_DECLS
