/* gazette-test-util.h
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

#include <libsoup/soup.h>

#include "gazette-feed-document.h"
#include "gazette-localized.h"
#include "gazette-sync.h"

G_BEGIN_DECLS

/* Helpers the core's test programs share. */

GBytes           *gazette_test_load_fixture (const char *folder,
                                             const char *name);
GPtrArray        *gazette_test_problems_new (void);
GazetteLocalized *gazette_test_localized    (const char *first_tag,
                                             ...) G_GNUC_NULL_TERMINATED;
void              gazette_test_remove_tree  (const char *path);

SoupServer       *gazette_test_server_new   (SoupServerCallback   handler,
                                             gpointer             user_data,
                                             GUri               **base);
GazetteSync      *gazette_test_sync_new     (const char          *tmpdir,
                                             GazetteStore       **store);
void              gazette_test_sync_free    (GazetteSync        **sync,
                                             GazetteStore       **store);

G_END_DECLS
