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
} GazetteSyncReport;

#define GAZETTE_TYPE_SYNC (gazette_sync_get_type ())
G_DECLARE_FINAL_TYPE (GazetteSync, gazette_sync, GAZETTE, SYNC, GObject)

GazetteSync    *gazette_sync_new            (GazetteStore         *store);
GazetteStore   *gazette_sync_get_store      (GazetteSync          *self);
GazetteFetcher *gazette_sync_get_fetcher    (GazetteSync          *self);
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
