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
confirmation_free_data (Confirmation *confirmation)
{
  g_clear_object (&confirmation->store);
  g_clear_object (&confirmation->feed);
  g_free (confirmation);
}

static void
confirmation_free (gpointer  data,
                   GClosure *closure)
{
  confirmation_free_data (data);
}

static Confirmation *
confirmation_copy (Confirmation *confirmation)
{
  Confirmation *copy = g_new0 (Confirmation, 1);

  copy->store = g_object_ref (confirmation->store);
  copy->feed = g_object_ref (confirmation->feed);
  copy->callback = confirmation->callback;
  copy->user_data = confirmation->user_data;

  return copy;
}

static void
remove_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Confirmation *confirmation = task_data;
  GError *error = NULL;
  guint n_removed = 0;

  /* A feed of many announcements takes a while to delete (its rows, links, index entries
   * and images): not on the main thread. */
  if (!gazette_store_remove_feed (confirmation->store, gazette_feed_get_id (confirmation->feed),
                                  &n_removed, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_removed);
}

static void
remove_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Confirmation *confirmation = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n_removed = g_task_propagate_int (G_TASK (result), &error);

  if (error != NULL)
    g_debug ("Cannot remove feed %s: %s", gazette_feed_get_url (confirmation->feed),
             error->message);

  if (confirmation->callback != NULL)
    confirmation->callback (confirmation->feed, error == NULL, error == NULL ? n_removed : 0,
                            error, confirmation->user_data);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  Confirmation *confirmation = user_data;
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    {
      if (confirmation->callback != NULL)
        confirmation->callback (confirmation->feed, FALSE, 0, NULL, confirmation->user_data);
      return;
    }

  task = g_task_new (NULL, NULL, remove_cb, NULL);
  g_task_set_source_tag (task, on_response_cb);
  g_task_set_task_data (task, confirmation_copy (confirmation),
                        (GDestroyNotify) confirmation_free_data);
  g_task_run_in_thread (task, remove_worker);
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
