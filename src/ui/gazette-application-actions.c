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

#include "gazette-application-private.h"

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gazette_application_refresh (GAZETTE_APPLICATION (user_data));
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

  if (refresh != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (refresh),
                                 sync != NULL && gazette_application_get_online (self) &&
                                 !gazette_sync_get_running (sync));
}
