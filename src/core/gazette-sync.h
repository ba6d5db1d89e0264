/* gazette-sync.h
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
#include "gazette-store.h"

G_BEGIN_DECLS

typedef enum {
  GAZETTE_SYNC_STORED,        /* fetched, parsed and stored: see the counts */
  GAZETTE_SYNC_NOT_MODIFIED,  /* the server said nothing changed (304) */
  GAZETTE_SYNC_POSTPONED,     /* the server asked us to wait; not fetched this time */
  GAZETTE_SYNC_FAILED,        /* see error; what was stored before is untouched */
} GazetteSyncStatus;

/* The outcome of syncing one feed. */
typedef struct
{
  GazetteFeed       *feed;
  GazetteSyncStatus  status;
  GazetteApplyStats  stats;
  GError            *error;    /* FAILED only */
  guint              n_images; /* images downloaded for offline reading */
} GazetteSyncReport;

/* Images for offline reading: none larger than this is kept… */
#define GAZETTE_SYNC_DEFAULT_MAX_IMAGE_SIZE     (4 * 1024 * 1024)
/* …at most this many per announcement (its main image first, then its body's)… */
#define GAZETTE_SYNC_DEFAULT_IMAGES_PER_ARTICLE 12
/* …and at most this many downloads per run, feed icons included; the rest waits for the
 * next run. At most 4 MiB × 300 = 1.2 GiB in the worst case, typically a few MiB. */
#define GAZETTE_SYNC_DEFAULT_IMAGES_PER_RUN     300

#define GAZETTE_TYPE_SYNC (gazette_sync_get_type ())
G_DECLARE_FINAL_TYPE (GazetteSync, gazette_sync, GAZETTE, SYNC, GObject)

GazetteSync    *gazette_sync_new            (GazetteStore         *store);
GazetteStore   *gazette_sync_get_store      (GazetteSync          *self);
GazetteFetcher *gazette_sync_get_fetcher    (GazetteSync          *self);
void            gazette_sync_set_image_limits (GazetteSync        *self,
                                               gsize               max_image_size,
                                               guint               max_per_article,
                                               guint               max_per_run);
guint           gazette_sync_get_n_feeds    (GazetteSync          *self);
guint           gazette_sync_get_n_finished (GazetteSync          *self);
gboolean        gazette_sync_get_running    (GazetteSync          *self);
void            gazette_sync_run_async      (GazetteSync          *self,
                                             GPtrArray            *feeds,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray      *gazette_sync_run_finish     (GazetteSync          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

void            gazette_sync_report_free    (GazetteSyncReport    *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteSyncReport, gazette_sync_report_free)

G_END_DECLS
