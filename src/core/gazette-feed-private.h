/* gazette-feed-private.h
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

#include "gazette-feed.h"

G_BEGIN_DECLS

/* The store and the sync fill feeds field by field; the front ends use the getters. */
struct _GazetteFeed
{
  GObject    parent_instance;

  gint64     id;                /* store row id, 0 until stored */
  char      *url;               /* where it is fetched from; a permanent redirect updates it */
  char      *title;
  char      *home_page_url;
  char      *language;
  char      *publisher;
  char      *icon_url;
  char      *etag;
  char      *last_modified;     /* the Last-Modified header, verbatim */
  GDateTime *last_checked;      /* last fetch attempt */
  GDateTime *last_success;      /* last fetch that was stored or not modified */
  char      *last_error;        /* user-readable reason of the last failure, or NULL */
  GDateTime *last_error_time;
  GDateTime *retry_after;       /* do not fetch before this time (429/503), or NULL */
  gboolean   gone;              /* the server answered 410 Gone */
  guint      n_announcements;   /* filled by store queries */
  guint      n_unread;          /* filled by store queries */
  char      *folder;            /* the OPML folder it was imported into, or NULL */
  char      *warning;           /* what was wrong with the last document stored, or NULL */
};

void _gazette_feed_set_string   (char       **field,
                                 const char  *value);
void _gazette_feed_set_datetime (GDateTime  **field,
                                 GDateTime   *value);

G_END_DECLS
