/* gazette-application-actions.c
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

#define G_LOG_DOMAIN "gazette-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-add-feed-dialog.h"
#include "gazette-application-private.h"
#include "gazette-preferences-window.h"
#include "gazette-window-private.h"

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gazette_application_refresh (GAZETTE_APPLICATION (user_data));
}

static void
toast (GazetteApplication *self,
       const char         *text)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GAZETTE_IS_WINDOW (window))
    _gazette_window_add_toast (GAZETTE_WINDOW (window), text);
}

static void
feed_added_cb (GazetteApplication *self,
               GazetteFeed        *feed)
{
  _gazette_application_emit_store_changed (self);
  gazette_application_refresh (self);
}

static void
add_feed_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GazetteApplication *self = GAZETTE_APPLICATION (user_data);
  GazetteSync *sync = gazette_application_get_sync (self);
  GtkWidget *dialog;

  if (sync == NULL)
    return;

  dialog = gazette_add_feed_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        gazette_application_get_store (self),
                                        gazette_sync_get_fetcher (sync));
  g_signal_connect_object (dialog, "feed-added", G_CALLBACK (feed_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GazetteApplication *self = GAZETTE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = gazette_preferences_window_new (parent,
                                                      gazette_application_get_settings (self));

  gtk_window_present (GTK_WINDOW (window));
}

/* OPML */

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GazetteApplication) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_added = 0, n_skipped = 0;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (bytes == NULL ||
      !gazette_store_import_opml (gazette_application_get_store (self), bytes, &n_added,
                                  &n_skipped, &error))
    {
      /* Translators: %s says why, such as “line 4, column 2: …” */
      text = g_strdup_printf (_("Could not import the feeds: %s"), error->message);
      toast (self, text);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u feed",
                                       "Imported %u feeds", n_added), n_added);
  toast (self, text);
  if (n_added > 0)
    {
      _gazette_application_emit_store_changed (self);
      gazette_application_refresh (self);
    }
}

static void
import_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    GazetteApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_load_bytes_async (file, NULL, import_loaded_cb, g_object_ref (self));
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
opml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Subscription lists (OPML)"));
  gtk_file_filter_add_pattern (filter, "*.opml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");

  return filter;
}

static void
import_feeds_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GazetteApplication *self = GAZETTE_APPLICATION (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = opml_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Feeds"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GazetteApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      /* Translators: %s says why, such as “No space left on device” */
      g_autofree char *text = g_strdup_printf (_("Could not export the feeds: %s"),
                                               error->message);
      toast (self, text);
      return;
    }

  toast (self, _("Feeds exported"));
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    GazetteApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = gazette_store_export_opml (gazette_application_get_store (self),
                                                           &error);

      if (bytes == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not export the feeds: %s"),
                                                   error->message);
          toast (self, text);
        }
      else
        {
          g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                               G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                               export_saved_cb, g_object_ref (self));
        }
    }

  g_object_unref (chooser);
}

static void
export_feeds_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GazetteApplication *self = GAZETTE_APPLICATION (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = opml_filter ();

  chooser = gtk_file_chooser_native_new (_("Export Feeds"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of exported subscriptions */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("gazette-feeds.opml"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Gazette developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Gazette"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Gazette developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/gazette-app/gazette",
                        "issue-url", "https://github.com/gazette-app/gazette/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Gazette developers",
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets each save its state. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }

  g_application_quit (G_APPLICATION (app));
}

static const GActionEntry app_actions[] = {
  { "refresh", refresh_activated },
  { "add-feed", add_feed_activated },
  { "import-feeds", import_feeds_activated },
  { "export-feeds", export_feeds_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.refresh", { "<Control>r", "F5", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.add-feed", { "<Control>n", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.toggle-read", { "<Control>m", NULL } },
  { "win.toggle-star", { "<Control>s", NULL } },
  { "win.open-original", { "<Control>o", NULL } },
  { "win.next", { "<Control>j", NULL } },
  { "win.previous", { "<Control>k", NULL } },
  { "win.back", { "<Alt>Left", NULL } },
};

void
_gazette_application_install_actions (GazetteApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  _gazette_application_update_actions (self);
}

/* Refresh needs the network, a store, and no refresh under way. */
void
_gazette_application_update_actions (GazetteApplication *self)
{
  GazetteSync *sync = gazette_application_get_sync (self);
  GAction *refresh = g_action_map_lookup_action (G_ACTION_MAP (self), "refresh");
  const char * const needs_store[] = { "add-feed", "import-feeds", "export-feeds" };

  if (refresh != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (refresh),
                                 sync != NULL && gazette_application_get_online (self) &&
                                 !gazette_sync_get_running (sync));

  for (guint i = 0; i < G_N_ELEMENTS (needs_store); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), needs_store[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), sync != NULL);
    }
}
