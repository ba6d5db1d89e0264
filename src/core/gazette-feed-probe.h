/* gazette-feed-probe.h
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

#include "gazette-fetcher.h"

G_BEGIN_DECLS

#define GAZETTE_FEED_PROBE_ERROR (gazette_feed_probe_error_quark ())

typedef enum {
  GAZETTE_FEED_PROBE_ERROR_NO_FEED,     /* a web page that links to no feed */
  GAZETTE_FEED_PROBE_ERROR_NOT_A_FEED,  /* neither a feed Gazette can read nor a web page */
} GazetteFeedProbeError;

/* What an address turned out to be, before subscribing to it. */
typedef struct _GazetteFeedProbe GazetteFeedProbe;

/* A feed a web page links to with <link rel="alternate">. */
typedef struct _GazetteFeedLink GazetteFeedLink;

#define GAZETTE_TYPE_FEED_PROBE (gazette_feed_probe_get_type ())
#define GAZETTE_TYPE_FEED_LINK  (gazette_feed_link_get_type ())

GQuark            gazette_feed_probe_error_quark       (void);
GType             gazette_feed_probe_get_type          (void) G_GNUC_CONST;
GType             gazette_feed_link_get_type           (void) G_GNUC_CONST;

void              gazette_feed_probe_async             (GazetteFetcher          *fetcher,
                                                        const char              *url,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
GazetteFeedProbe *gazette_feed_probe_finish            (GAsyncResult            *result,
                                                        GError                 **error);

const char       *gazette_feed_probe_get_url           (const GazetteFeedProbe  *probe);
gboolean          gazette_feed_probe_is_feed           (const GazetteFeedProbe  *probe);
const char       *gazette_feed_probe_get_title         (const GazetteFeedProbe  *probe);
guint             gazette_feed_probe_get_n_items       (const GazetteFeedProbe  *probe);
GPtrArray        *gazette_feed_probe_get_problems      (const GazetteFeedProbe  *probe);
GPtrArray        *gazette_feed_probe_get_alternatives  (const GazetteFeedProbe  *probe);
GazetteFeedProbe *gazette_feed_probe_copy              (GazetteFeedProbe        *probe);
void              gazette_feed_probe_free              (GazetteFeedProbe        *probe);

const char       *gazette_feed_link_get_url            (const GazetteFeedLink   *link);
const char       *gazette_feed_link_get_title          (const GazetteFeedLink   *link);
const char       *gazette_feed_link_get_content_type   (const GazetteFeedLink   *link);
GazetteFeedLink  *gazette_feed_link_copy               (GazetteFeedLink         *link);
void              gazette_feed_link_free               (GazetteFeedLink         *link);

char             *gazette_feed_probe_normalize_url     (const char              *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteFeedProbe, gazette_feed_probe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteFeedLink, gazette_feed_link_free)

G_END_DECLS
