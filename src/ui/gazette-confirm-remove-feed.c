/* gazette-confirm-remove-feed.c
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

#define G_LOG_DOMAIN "gazette-confirm-remove-feed"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-confirm-remove-feed.h"

typedef struct
{
  GazetteStore              *store;
  GazetteFeed               *feed;
  GazetteRemoveFeedCallback  callback;
  gpointer                   user_data;
} Confirmation;

static void
confirmation_free (gpointer data,
                   GClosure *closure)
{
  Confirmation *confirmation = data;

  g_clear_object (&confirmation->store);
  g_clear_object (&confirmation->feed);
  g_free (confirmation);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  Confirmation *confirmation = user_data;
  g_autoptr(GError) error = NULL;
  gboolean removed = FALSE;
  guint n_removed = 0;

  if (g_strcmp0 (response, "remove") == 0)
    {
      removed = gazette_store_remove_feed (confirmation->store,
                                           gazette_feed_get_id (confirmation->feed),
                                           &n_removed, &error);
      if (!removed)
        g_debug ("Cannot remove feed %s: %s",
                 gazette_feed_get_url (confirmation->feed), error->message);
    }

  if (confirmation->callback != NULL)
    confirmation->callback (confirmation->feed, removed, n_removed, error,
                            confirmation->user_data);
}

/**
 * gazette_confirm_remove_feed:
 * @parent: (nullable): the window the question belongs to
 * @store: the store the feed is in
 * @feed: the feed to remove
 * @callback: (nullable): told whether the feed was removed
 * @user_data: passed to @callback
 *
 * Asks whether to remove @feed, saying how many announcements go with it, and removes it
 * when the reader agrees. The dialog is shown, and its buttons close it.
 *
 * Returns: (transfer none): the AdwMessageDialog, with the responses "cancel" and "remove"
 */
GtkWidget *
gazette_confirm_remove_feed (GtkWindow                 *parent,
                             GazetteStore              *store,
                             GazetteFeed               *feed,
                             GazetteRemoveFeedCallback  callback,
                             gpointer                   user_data)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  Confirmation *confirmation;
  GtkWidget *dialog;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GAZETTE_IS_STORE (store), NULL);
  g_return_val_if_fail (GAZETTE_IS_FEED (feed), NULL);

  n = gazette_feed_get_n_announcements (feed);
  /* Translators: %s is the name of a feed */
  heading = g_strdup_printf (_("Remove “%s”?"), gazette_feed_get_display_name (feed));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u announcement from this feed will also be "
                                       "removed, even if it is starred.",
                                       "%u announcements from this feed will also be "
                                       "removed, even starred ones.",
                                       n),
                          n);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirmation = g_new0 (Confirmation, 1);
  confirmation->store = g_object_ref (store);
  confirmation->feed = g_object_ref (feed);
  confirmation->callback = callback;
  confirmation->user_data = user_data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb),
                         confirmation, confirmation_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
