/* gazette-feed.h
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

/* A subscription: where announcements come from, and what the last fetch of it said. */
#define GAZETTE_TYPE_FEED (gazette_feed_get_type ())
G_DECLARE_FINAL_TYPE (GazetteFeed, gazette_feed, GAZETTE, FEED, GObject)

GazetteFeed *gazette_feed_new                  (const char  *url);
gint64       gazette_feed_get_id               (GazetteFeed *self);
const char  *gazette_feed_get_url              (GazetteFeed *self);
const char  *gazette_feed_get_title            (GazetteFeed *self);
const char  *gazette_feed_get_display_name     (GazetteFeed *self);
const char  *gazette_feed_get_home_page_url    (GazetteFeed *self);
const char  *gazette_feed_get_language         (GazetteFeed *self);
const char  *gazette_feed_get_publisher        (GazetteFeed *self);
const char  *gazette_feed_get_etag             (GazetteFeed *self);
const char  *gazette_feed_get_last_modified    (GazetteFeed *self);
GDateTime   *gazette_feed_get_last_checked     (GazetteFeed *self);
GDateTime   *gazette_feed_get_last_success     (GazetteFeed *self);
const char  *gazette_feed_get_last_error       (GazetteFeed *self);
GDateTime   *gazette_feed_get_last_error_time  (GazetteFeed *self);
GDateTime   *gazette_feed_get_retry_after      (GazetteFeed *self);
gboolean     gazette_feed_get_gone             (GazetteFeed *self);
guint        gazette_feed_get_n_announcements  (GazetteFeed *self);
guint        gazette_feed_get_n_unread         (GazetteFeed *self);
const char  *gazette_feed_get_folder           (GazetteFeed *self);
const char  *gazette_feed_get_warning          (GazetteFeed *self);

G_END_DECLS
