/* gazette-add-feed-dialog.h
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

#include "gazette-fetcher.h"
#include "gazette-store.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_ADD_FEED_DIALOG (gazette_add_feed_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GazetteAddFeedDialog, gazette_add_feed_dialog, GAZETTE, ADD_FEED_DIALOG,
                      AdwWindow)

GtkWidget  *gazette_add_feed_dialog_new              (GtkWindow            *parent,
                                                      GazetteStore         *store,
                                                      GazetteFetcher       *fetcher);
void        gazette_add_feed_dialog_check            (GazetteAddFeedDialog *self,
                                                      const char           *address);
GtkWidget  *_gazette_add_feed_dialog_get_add_button  (GazetteAddFeedDialog *self);
const char *_gazette_add_feed_dialog_get_status      (GazetteAddFeedDialog *self);
const char *_gazette_add_feed_dialog_get_chosen_url  (GazetteAddFeedDialog *self);
guint       _gazette_add_feed_dialog_get_n_choices   (GazetteAddFeedDialog *self);
gboolean    _gazette_add_feed_dialog_get_checking    (GazetteAddFeedDialog *self);

G_END_DECLS
