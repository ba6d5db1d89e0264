/* gazette-store-private.h
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

#include "gazette-store.h"

G_BEGIN_DECLS

/* The newest schema this build writes and reads; see the migrations in gazette-store.c. */
#define GAZETTE_STORE_SCHEMA_VERSION 7

/* Where a link between an announcement and an entity came from. */
typedef enum {
  GAZETTE_LINK_DECLARED = 0,  /* the feed named the entity (JSON Feed "_district") */
  GAZETTE_LINK_FOUND    = 1,  /* the linker found the entity's name in the text */
} GazetteLinkOrigin;

gboolean  _gazette_store_set_found_links                 (GazetteStore        *self,
                                                          gint64               row_id,
                                                          GPtrArray           *entities,
                                                          GError             **error);

/* The sync's side of offline images. */
GPtrArray *_gazette_store_link_images                   (GazetteStore        *self,
                                                          GazetteFeed         *feed,
                                                          GazetteFeedDocument *document,
                                                          guint                max_per_article,
                                                          GError             **error);
gboolean  _gazette_store_save_image                      (GazetteStore        *self,
                                                          const char          *url,
                                                          GBytes              *bytes,
                                                          const char          *content_type,
                                                          GError             **error);
gboolean  _gazette_store_image_failed                    (GazetteStore        *self,
                                                          const char          *url,
                                                          GError             **error);

guint      _gazette_store_get_entity_generation          (GazetteStore        *self);
GPtrArray *_gazette_store_list_unstructured              (GazetteStore        *self,
                                                          GError             **error);

/* For tests only. */
gboolean  _gazette_store_exec_sql_for_tests              (GazetteStore        *self,
                                                          const char          *sql,
                                                          GError             **error);
char     *_gazette_store_query_text_for_tests            (GazetteStore        *self,
                                                          const char          *sql,
                                                          GError             **error);
gboolean  _gazette_store_load_sql_for_tests              (const char          *path,
                                                          const char          *sql,
                                                          GError             **error);
char     *_gazette_store_explain_list_for_tests          (GazetteStore        *self,
                                                          const GazetteQuery  *query,
                                                          gboolean             with_cursor,
                                                          GError             **error);
void      _gazette_store_set_checkpoint_frames_for_tests (GazetteStore        *self,
                                                          int                  n_frames);
void      _gazette_store_wait_for_checkpoints_for_tests  (GazetteStore        *self);

G_END_DECLS
