/* gazette-confirm-remove-feed.h
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

#include <adwaita.h>

#include "gazette-feed.h"
#include "gazette-store.h"

G_BEGIN_DECLS

/* Called once the reader has answered: @removed is FALSE when they cancelled or when
 * removing failed (then @error says why). */
typedef void (*GazetteRemoveFeedCallback) (GazetteFeed  *feed,
                                           gboolean      removed,
                                           guint         n_removed,
                                           const GError *error,
                                           gpointer      user_data);

GtkWidget *gazette_confirm_remove_feed (GtkWindow                 *parent,
                                        GazetteStore              *store,
                                        GazetteFeed               *feed,
                                        GazetteRemoveFeedCallback  callback,
                                        gpointer                   user_data);

G_END_DECLS
