/* gazette-store.h
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

#include "gazette-announcement.h"
#include "gazette-feed.h"
#include "gazette-feed-document.h"
#include "gazette-search-hit.h"

G_BEGIN_DECLS

#define GAZETTE_STORE_ERROR (gazette_store_error_quark ())

/* The feed bundled with Gazette, subscribed in every new store. */
#define GAZETTE_SAMPLE_FEED_URL "resource:///io/github/gazette/Gazette/sample/districts.json"

typedef enum {
  GAZETTE_STORE_ERROR_OPEN,        /* cannot open or create the database file */
  GAZETTE_STORE_ERROR_CORRUPT,     /* not a Gazette database, or damaged */
  GAZETTE_STORE_ERROR_TOO_NEW,     /* written by a newer Gazette (schema version too high) */
  GAZETTE_STORE_ERROR_NOT_FOUND,   /* no such feed, announcement or entity */
  GAZETTE_STORE_ERROR_EXISTS,      /* a feed with that URL is already subscribed */
  GAZETTE_STORE_ERROR_FULL,        /* the disk is full */
  GAZETTE_STORE_ERROR_FAILED,      /* any other SQLite failure */
} GazetteStoreError;

/* Which announcements a list shows. NULL/0/FALSE fields do not filter. */
typedef struct
{
  char     *district_id;      /* this district and every district below it */
  char     *official_id;
  char     *project_id;
  char     *organisation_id;
  gint64    feed_id;
  gboolean  unread_only;
  gboolean  starred_only;
  gboolean  one_per_group;    /* a translation group once: the member in the reader's languages */
} GazetteQuery;

/* Keyset position in the newest-first order: the last row of the previous page. */
typedef struct
{
  gint64 published_usec;      /* g_date_time_to_unix_usec() of published */
  gint64 row_id;
} GazetteCursor;

/* What applying one document did. */
typedef struct
{
  guint n_new;
  guint n_updated;
  guint n_unchanged;
} GazetteApplyStats;

#define GAZETTE_TYPE_STORE (gazette_store_get_type ())
G_DECLARE_FINAL_TYPE (GazetteStore, gazette_store, GAZETTE, STORE, GObject)

GQuark               gazette_store_error_quark             (void);

/* How far a long migration has come, from 0 to 1. */
typedef void (*GazetteStoreProgressFunc) (double   fraction,
                                          gpointer user_data);

GazetteStore        *gazette_store_new                     (const char           *path,
                                                            GError              **error);
GazetteStore        *gazette_store_new_full                (const char           *path,
                                                            GazetteStoreProgressFunc progress,
                                                            gpointer              user_data,
                                                            GError              **error);
char                *gazette_store_dup_default_data_dir    (void);
GazetteStore        *gazette_store_open_in                 (const char           *data_dir,
                                                            GError              **error);
GazetteStore        *gazette_store_open_in_full            (const char           *data_dir,
                                                            GazetteStoreProgressFunc progress,
                                                            gpointer              user_data,
                                                            GError              **error);
const char          *gazette_store_get_path                (GazetteStore         *self);
gboolean             gazette_store_set_languages           (GazetteStore         *self,
                                                            const char * const   *languages,
                                                            gboolean             *changed,
                                                            GError              **error);
int                  gazette_store_get_schema_version      (GazetteStore         *self);

GazetteFeed         *gazette_store_add_feed                (GazetteStore         *self,
                                                            const char           *url,
                                                            GError              **error);
GPtrArray           *gazette_store_list_feeds              (GazetteStore         *self,
                                                            GError              **error);
GazetteFeed         *gazette_store_find_feed               (GazetteStore         *self,
                                                            const char           *url_or_id,
                                                            GError              **error);
gboolean             gazette_store_remove_feed             (GazetteStore         *self,
                                                            gint64                feed_id,
                                                            guint                *n_removed,
                                                            GError              **error);
gboolean             gazette_store_save_feed_state         (GazetteStore         *self,
                                                            GazetteFeed          *feed,
                                                            GError              **error);
gboolean             gazette_store_apply_document          (GazetteStore         *self,
                                                            GazetteFeed          *feed,
                                                            GazetteFeedDocument  *document,
                                                            GazetteApplyStats    *stats,
                                                            GError              **error);

GPtrArray           *gazette_store_list_announcements      (GazetteStore         *self,
                                                            const GazetteQuery   *query,
                                                            const GazetteCursor  *after,
                                                            guint                 limit,
                                                            GError              **error);
GPtrArray           *gazette_store_list_announcements_at   (GazetteStore         *self,
                                                            const GazetteQuery   *query,
                                                            guint                 position,
                                                            guint                 limit,
                                                            GError              **error);
gboolean             gazette_store_count_announcements     (GazetteStore         *self,
                                                            const GazetteQuery   *query,
                                                            guint                *count,
                                                            GError              **error);
GPtrArray           *gazette_store_search                  (GazetteStore         *self,
                                                            const char           *text,
                                                            const GazetteQuery   *query,
                                                            guint                 limit,
                                                            GError              **error);
GazetteAnnouncement *gazette_store_get_announcement        (GazetteStore         *self,
                                                            const char           *id,
                                                            GError              **error);
gboolean             gazette_store_count_by                (GazetteStore         *self,
                                                            int                   kind,
                                                            GHashTable          **totals,
                                                            GHashTable          **unread,
                                                            GError              **error);
char                *gazette_store_find_translation        (GazetteStore         *self,
                                                            const char           *translation_group,
                                                            const char           *language,
                                                            GError              **error);
gboolean             gazette_store_set_read                (GazetteStore         *self,
                                                            gint64                row_id,
                                                            gboolean              read,
                                                            GError              **error);
gboolean             gazette_store_set_starred             (GazetteStore         *self,
                                                            gint64                row_id,
                                                            gboolean              starred,
                                                            GError              **error);

GPtrArray           *gazette_store_list_entities           (GazetteStore         *self,
                                                            GazetteEntityKind     kind,
                                                            GError              **error);
GazetteEntity       *gazette_store_get_entity              (GazetteStore         *self,
                                                            GazetteEntityKind     kind,
                                                            const char           *id,
                                                            GError              **error);
GPtrArray           *gazette_store_list_quotes             (GazetteStore         *self,
                                                            const char           *official_id,
                                                            GError              **error);

gboolean             gazette_store_set_feed_folder         (GazetteStore         *self,
                                                            gint64                feed_id,
                                                            const char           *folder,
                                                            GError              **error);
gboolean             gazette_store_import_opml             (GazetteStore         *self,
                                                            GBytes               *opml,
                                                            guint                *n_added,
                                                            guint                *n_skipped,
                                                            GError              **error);
GBytes              *gazette_store_export_opml             (GazetteStore         *self,
                                                            GError              **error);

GFile               *gazette_store_lookup_image            (GazetteStore         *self,
                                                            const char           *url,
                                                            GError              **error);
gboolean             gazette_store_remove_old              (GazetteStore         *self,
                                                            GDateTime            *older_than,
                                                            guint                *n_removed,
                                                            GError              **error);

void                 gazette_cursor_init_after             (GazetteCursor        *cursor,
                                                            GazetteAnnouncement  *last);

G_END_DECLS
