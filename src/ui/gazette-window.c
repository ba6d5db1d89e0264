/* gazette-window.c
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

#define G_LOG_DOMAIN "gazette-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-announcement-list.h"
#include "gazette-announcement-row.h"
#include "gazette-application-private.h"
#include "gazette-article-view.h"
#include "gazette-confirm-remove-feed.h"
#include "gazette-entity-page.h"
#include "gazette-search-hit.h"
#include "gazette-sidebar.h"
#include "gazette-ui-util.h"
#include "gazette-window-private.h"

/* How long a screenshot waits for the data before it gives up. */
#define SCREENSHOT_TIMEOUT_SECONDS 30

struct _GazetteWindow
{
  AdwApplicationWindow     parent_instance;

  AdwToastOverlay         *toast_overlay;
  AdwLeaflet              *leaflet;
  GtkWidget               *sidebar_pane;
  GazetteSidebar          *sidebar;
  GtkWidget               *list_pane;
  AdwWindowTitle          *list_title;
  GtkSpinner              *spinner;
  GtkStack                *list_stack;
  GtkScrolledWindow       *list_scroller;
  GtkListView             *list_view;
  GtkWidget               *content_pane;
  GtkStack                *content_stack;
  GazetteArticleView      *article_view;
  GazetteEntityPage       *entity_page;
  AdwStatusPage           *error_page;
  AdwStatusPage           *list_empty_page;
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkWidget               *search_button;
  GtkRevealer             *offline_revealer;
  GtkWidget               *star_button;
  GtkWidget               *read_button;

  GazetteApplication      *application;
  GSettings               *settings;
  GazetteStore            *store;
  GazetteAnnouncementList *list;
  GtkSingleSelection      *selection;
  GListStore              *results;          /* GazetteAnnouncement, while searching */
  GCancellable            *search_cancellable;
  char                    *searched;
  GCancellable            *cancellable;

  char                    *last_toast;
  char                    *screenshot_path;
  char                    *wanted_announcement;
  char                    *wanted_page;
  GtkWidget               *wanted_pane;    /* what a folded window shows */
  gboolean                 store_failed;
  gboolean                 reselecting;
  guint                    screenshot_source;
  guint                    screenshot_frames;
  gint64                   screenshot_deadline;
};

G_DEFINE_FINAL_TYPE (GazetteWindow, gazette_window, ADW_TYPE_APPLICATION_WINDOW)

static void     update_actions (GazetteWindow *self);
static GazetteAnnouncement *current_announcement (GazetteWindow *self);
static gboolean searching      (GazetteWindow *self);
static void     show_pane      (GazetteWindow *self,
                                GtkWidget     *pane);

/* g_set_str() is GLib 2.76. */
static void
replace_str (char       **target,
             const char  *value)
{
  if (*target == value)
    return;

  g_free (*target);
  *target = g_strdup (value);
}

static void
update_list_title (GazetteWindow *self)
{
  GazetteSync *sync = self->application != NULL
                      ? gazette_application_get_sync (self->application) : NULL;
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->list_title, gazette_sidebar_get_title (self->sidebar));

  if (sync != NULL && gazette_sync_get_running (sync) && gazette_sync_get_n_feeds (sync) > 0)
    {
      guint n_feeds = gazette_sync_get_n_feeds (sync);
      guint current = MIN (gazette_sync_get_n_finished (sync) + 1, n_feeds);

      /* Translators: “Updating 3 of 12 feeds”; the plural follows the total */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updating %u of %u feed",
                                               "Updating %u of %u feeds", n_feeds),
                                  current, n_feeds);
      gtk_spinner_start (self->spinner);
    }
  else if (searching (self))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n),
                                  n);
      gtk_spinner_stop (self->spinner);
    }
  else if (self->list == NULL)
    {
      double progress = self->application != NULL
                        ? gazette_application_get_store_progress (self->application) : -1;

      if (self->store_failed)
        subtitle = NULL;
      else if (progress >= 0)
        /* Translators: the store of an older Gazette is being converted; %d is a percentage,
         * “%d%%” shows as “45%” */
        subtitle = g_strdup_printf (_("Updating the search index (%d%%)"),
                                    (int) (progress * 100));
      else
        subtitle = g_strdup (_("Opening your announcements…"));
      if (self->store_failed)
        gtk_spinner_stop (self->spinner);
      else
        gtk_spinner_start (self->spinner);
    }
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u announcement",
                                               "%u announcements", n), n);
      gtk_spinner_stop (self->spinner);
    }

  adw_window_title_set_subtitle (self->list_title, subtitle);
}

static gboolean
searching (GazetteWindow *self)
{
  return self->searched != NULL;
}

static void
update_list_stack (GazetteWindow *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  gboolean empty = g_list_model_get_n_items (model) == 0;

  if (searching (self))
    {
      adw_status_page_set_icon_name (self->list_empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->list_empty_page, _("No Results"));
      adw_status_page_set_description (self->list_empty_page,
                                       _("No announcement here matches your search."));
    }
  else
    {
      adw_status_page_set_icon_name (self->list_empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->list_empty_page, _("No Announcements"));
      adw_status_page_set_description (self->list_empty_page,
                                       _("Nothing here yet. Refresh, or add a feed from the "
                                         "main menu."));
    }

  /* While the store opens there is nothing to say yet: the title says it is opening. */
  if (self->list == NULL && !self->store_failed)
    empty = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
  update_list_title (self);
}

static void
reload (GazetteWindow *self)
{
  GazetteAnnouncement *selected;
  g_autofree char *selected_id = NULL;

  if (self->list == NULL)
    return;

  /* The selected row, or the announcement the article shows (or is loading). */
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected == NULL)
    selected = current_announcement (self);
  if (selected != NULL)
    selected_id = g_strdup (gazette_announcement_get_id (selected));
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "article") == 0)
    selected_id = g_strdup (self->wanted_announcement);

  gazette_announcement_list_reload (self->list);
  gazette_sidebar_reload (self->sidebar);
  update_list_stack (self);

  /* The reload replaced every row: keep the reader's place when it is near the top. */
  if (selected_id != NULL && !searching (self))
    {
      GObject *first = g_list_model_get_item (G_LIST_MODEL (self->list), 0);
      guint position;

      g_clear_object (&first);
      if (gazette_announcement_list_find (self->list, selected_id, &position))
        {
          self->reselecting = TRUE;
          gtk_single_selection_set_selected (self->selection, position);
          self->reselecting = FALSE;
        }
    }
}

/* Search */

/* How many results a search lists: the best, by rank. */
#define MAX_RESULTS 200

typedef struct
{
  char         *text;
  GazetteQuery  query;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_free (search->text);
  gazette_query_clear (&search->query);
  g_free (search);
}

static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *search = task_data;
  GError *error = NULL;
  GPtrArray *hits = gazette_store_search (source_object, search->text, &search->query,
                                          MAX_RESULTS, &error);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GazetteWindow) self = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Search failed: %s", error->message);
          _gazette_window_add_toast (self, _("The search failed"));
        }
      return;
    }

  /* Each row shows its hit's snippet and matches. */
  for (guint i = 0; i < hits->len; i++)
    {
      GazetteSearchHit *hit = g_ptr_array_index (hits, i);
      GazetteAnnouncement *announcement = gazette_search_hit_get_announcement (hit);

      g_object_set_data_full (G_OBJECT (announcement), GAZETTE_SEARCH_HIT_KEY,
                              gazette_search_hit_ref (hit),
                              (GDestroyNotify) gazette_search_hit_unref);
      g_ptr_array_add (items, g_object_ref (announcement));
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  update_list_stack (self);
}

static void
run_search (GazetteWindow *self)
{
  g_autoptr(GTask) task = NULL;
  SearchData *search;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->store == NULL || self->searched == NULL)
    return;

  search = g_new0 (SearchData, 1);
  search->text = g_strdup (self->searched);
  gazette_query_copy_into (&search->query, gazette_announcement_list_get_query (self->list));

  self->search_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->search_cancellable, search_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_search);
  g_task_set_task_data (task, search, search_data_free);
  g_task_run_in_thread (task, search_worker);
}

/* Shows the paged list, or the results of a search, in the same view. */
static void
show_results (GazetteWindow *self,
              gboolean       results)
{
  GListModel *wanted = results ? G_LIST_MODEL (self->results) : G_LIST_MODEL (self->list);

  if (wanted != NULL && gtk_single_selection_get_model (self->selection) != wanted)
    gtk_single_selection_set_model (self->selection, wanted);
  update_list_stack (self);
}

static void
search_changed_cb (GazetteWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->searched, g_free);
  if (stripped[0] != '\0')
    self->searched = g_steal_pointer (&stripped);

  if (!searching (self))
    {
      g_cancellable_cancel (self->search_cancellable);
      g_list_store_remove_all (self->results);
    }

  show_results (self, searching (self));
  run_search (self);
}

static void
stop_search_cb (GazetteWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (GazetteWindow *self)
{
  gboolean on = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->search_button), on);
  if (!on)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);
  gboolean on = !gtk_search_bar_get_search_mode (self->search_bar);

  gtk_search_bar_set_search_mode (self->search_bar, on);
  if (on)
    {
      show_pane (self, self->list_pane);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

/* Which pane a folded window shows: the one the reader went to last. */
static void
show_pane (GazetteWindow *self,
           GtkWidget     *pane)
{
  self->wanted_pane = pane;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, pane);
}

static void
sidebar_selection_changed_cb (GazetteWindow *self)
{
  const char *selection = gazette_sidebar_get_selection (self->sidebar);
  GazetteQuery query;

  if (self->list == NULL || !gazette_selection_to_query (selection, &query))
    return;

  gazette_announcement_list_set_query (self->list, &query);
  gazette_query_clear (&query);
  update_list_stack (self);
  run_search (self);
  update_actions (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "sidebar-selection", selection);

  /* An official, project or district has a page of its own beside its announcements. */
  if (g_str_has_prefix (selection, "official:") || g_str_has_prefix (selection, "project:") ||
      g_str_has_prefix (selection, "district:"))
    gazette_window_show_page (self, selection);

  show_pane (self, self->list_pane);
}

static void
folded_changed_cb (GazetteWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->wanted_pane);
}

static void
visible_pane_changed_cb (GazetteWindow *self)
{
  /* The reader swiped or went back. */
  if (adw_leaflet_get_folded (self->leaflet))
    self->wanted_pane = adw_leaflet_get_visible_child (self->leaflet);
}

static void
set_flag_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GazetteAnnouncement *announcement = task_data;
  GError *error = NULL;
  gboolean is_star = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "star"));
  gboolean value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "value"));
  gint64 row = gazette_announcement_get_row_id (announcement);
  gboolean ok = is_star ? gazette_store_set_starred (source_object, row, value, &error)
                        : gazette_store_set_read (source_object, row, value, &error);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_flag_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GazetteWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Could not save the reading state: %s", error->message);
          _gazette_window_add_toast (self, _("Could not save the reading state"));
        }
      return;
    }

  /* Every count at once: the sidebar reads them again. */
  gazette_sidebar_reload (self->sidebar);
}

/* Sets read or starred on @announcement (and the row showing it) and in the store. */
static void
set_flag (GazetteWindow       *self,
          GazetteAnnouncement *announcement,
          gboolean             star,
          gboolean             value)
{
  g_autoptr(GTask) task = NULL;
  GazetteAnnouncement *shown = gazette_article_view_get_announcement (self->article_view);
  GazetteAnnouncement *selected = gtk_single_selection_get_selected_item (self->selection);

  if (star)
    {
      gazette_announcement_set_starred (announcement, value);
      if (shown != NULL && shown != announcement)
        gazette_announcement_set_starred (shown, value);
      if (selected != NULL && selected != announcement)
        gazette_announcement_set_starred (selected, value);
    }
  else
    {
      gazette_announcement_set_read (announcement, value);
      if (shown != NULL && shown != announcement)
        gazette_announcement_set_read (shown, value);
      if (selected != NULL && selected != announcement)
        gazette_announcement_set_read (selected, value);
    }
  update_actions (self);

  task = g_task_new (self->store, self->cancellable, set_flag_cb, g_object_ref (self));
  g_task_set_source_tag (task, set_flag);
  g_task_set_task_data (task, g_object_ref (announcement), g_object_unref);
  g_object_set_data (G_OBJECT (task), "star", GINT_TO_POINTER (star));
  g_object_set_data (G_OBJECT (task), "value", GINT_TO_POINTER (value));
  g_task_run_in_thread (task, set_flag_worker);
}

static void
open_announcement (GazetteWindow *self,
                   const char    *id)
{
  gazette_article_view_show (self->article_view, id);
  gtk_stack_set_visible_child_name (self->content_stack, "article");
  show_pane (self, self->content_pane);
}

static void
selection_changed_cb (GazetteWindow *self)
{
  GazetteAnnouncement *announcement = gtk_single_selection_get_selected_item (self->selection);

  if (announcement == NULL || self->reselecting)
    return;

  open_announcement (self, gazette_announcement_get_id (announcement));

  /* Opening is reading. */
  if (!gazette_announcement_get_read (announcement))
    set_flag (self, announcement, FALSE, TRUE);
}

static void
article_changed_cb (GazetteWindow *self)
{
  update_actions (self);
}

static void
open_page_cb (GazetteWindow *self,
              const char    *page)
{
  gazette_window_show_page (self, page);
}

static void
open_announcement_cb (GazetteWindow *self,
                      const char    *id)
{
  open_announcement (self, id);
}

static void
feed_failed_cb (GazetteWindow *self,
                GazetteFeed   *feed,
                const char    *message)
{
  /* Translators: the first %s is a feed's name, the second why it failed */
  g_autofree char *text = g_strdup_printf (_("Could not update “%s”: %s"),
                                           gazette_feed_get_display_name (feed), message);

  _gazette_window_add_toast (self, text);
}

static void
store_changed_cb (GazetteWindow *self)
{
  reload (self);
  run_search (self);
}

static void
online_changed_cb (GazetteWindow *self)
{
  gtk_revealer_set_reveal_child (self->offline_revealer,
                                 !gazette_application_get_online (self->application));
}

static void
sync_progress_cb (GazetteWindow *self)
{
  update_list_title (self);
}

/* Actions */

static GazetteAnnouncement *
current_announcement (GazetteWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "article") != 0)
    return NULL;

  return gazette_article_view_get_announcement (self->article_view);
}

static void
update_actions (GazetteWindow *self)
{
  GazetteAnnouncement *announcement = current_announcement (self);
  const char *selection = gazette_sidebar_get_selection (self->sidebar);
  gboolean read = announcement != NULL && gazette_announcement_get_read (announcement);
  gboolean starred = announcement != NULL && gazette_announcement_get_starred (announcement);
  const char *read_label = read ? _("Mark as Unread") : _("Mark as Read");
  const char *star_label = starred ? _("Unstar") : _("Star");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-read", announcement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-star", announcement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-original",
                                 announcement != NULL &&
                                 gazette_announcement_get_url (announcement) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-feed",
                                 selection != NULL && g_str_has_prefix (selection, "feed:"));

  gtk_button_set_icon_name (GTK_BUTTON (self->read_button),
                            read ? "mail-read-symbolic" : "mail-unread-symbolic");
  gtk_widget_set_tooltip_text (self->read_button, read_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, read_label, -1);
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (self->star_button, star_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, star_label, -1);
}

static void
toggle_read_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);
  GazetteAnnouncement *announcement = current_announcement (self);

  if (announcement != NULL)
    set_flag (self, announcement, FALSE, !gazette_announcement_get_read (announcement));
}

static void
toggle_star_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);
  GazetteAnnouncement *announcement = current_announcement (self);

  if (announcement != NULL)
    set_flag (self, announcement, TRUE, !gazette_announcement_get_starred (announcement));
}

static void
open_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);
  GazetteAnnouncement *announcement = current_announcement (self);
  const char *url = announcement != NULL ? gazette_announcement_get_url (announcement) : NULL;

  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
move_selection (GazetteWindow *self,
                int            delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    next = 0;
  else if (delta < 0)
    next = position > 0 ? position - 1 : 0;
  else
    next = MIN (position + 1, n - 1);

  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", next);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_selection (GAZETTE_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_selection (GAZETTE_WINDOW (widget), -1);
}

static void
feed_removed_cb (GazetteFeed  *feed,
                 gboolean      removed,
                 guint         n_removed,
                 const GError *error,
                 gpointer      user_data)
{
  g_autoptr(GazetteWindow) self = user_data;

  if (error != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not remove the feed: %s"), error->message);

      _gazette_window_add_toast (self, text);
      return;
    }

  if (!removed)
    return;

  gazette_sidebar_set_selection (self->sidebar, "all");
  _gazette_application_emit_store_changed (self->application);
}

static void
remove_feed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);
  const char *selection = gazette_sidebar_get_selection (self->sidebar);
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !g_str_has_prefix (selection, "feed:"))
    return;

  feed = gazette_store_find_feed (self->store, selection + strlen ("feed:"), &error);
  if (feed == NULL)
    {
      _gazette_window_add_toast (self, error->message);
      return;
    }

  gazette_confirm_remove_feed (GTK_WINDOW (self), self->store, feed, feed_removed_cb,
                               g_object_ref (self));
}

/* Window state */

static void
save_state (GazetteWindow *self)
{
  int width, height;

  if (self->settings == NULL || self->screenshot_path != NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
gazette_window_close_request (GtkWindow *window)
{
  save_state (GAZETTE_WINDOW (window));

  return GTK_WINDOW_CLASS (gazette_window_parent_class)->close_request (window);
}

/* Everything that needs the store, once the application has opened it. */
static void
attach_store (GazetteWindow *self)
{
  const GError *error = gazette_application_get_store_error (self->application);
  GazetteSync *sync = gazette_application_get_sync (self->application);
  g_autofree char *page = g_strdup (self->wanted_page);
  g_autofree char *announcement = g_strdup (self->wanted_announcement);

  if (self->store != NULL || self->store_failed)
    return;

  if (gazette_application_get_store (self->application) == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gazette_window_show_store_error (self, error);
      self->store_failed = TRUE;
      return;
    }

  self->store = g_object_ref (gazette_application_get_store (self->application));

  if (sync != NULL)
    {
      g_signal_connect_object (sync, "notify::running",
                               G_CALLBACK (sync_progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "notify::n-finished",
                               G_CALLBACK (sync_progress_cb), self, G_CONNECT_SWAPPED);
    }

  self->list = gazette_announcement_list_new (self->store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));

  gazette_article_view_set_store (self->article_view, self->store);
  gazette_entity_page_set_store (self->entity_page, self->store);

  /* Restore the sidebar row; a row that no longer exists falls back to All. */
  {
    g_autofree char *selection = g_settings_get_string (self->settings, "sidebar-selection");
    GazetteQuery query;

    if (!gazette_selection_to_query (selection, &query))
      replace_str (&selection, "all");
    gazette_query_clear (&query);

    gazette_sidebar_set_selection (self->sidebar, selection);
    sidebar_selection_changed_cb (self);
  }

  gazette_sidebar_set_store (self->sidebar, self->store);

  /* What was asked for before the store was open. */
  if (page != NULL)
    gazette_window_show_page (self, page);
  if (announcement != NULL)
    gazette_window_select_announcement (self, announcement);
}

/* What needs the application: the window's "application" is not a construct property. */
static void
setup (GazetteWindow      *self,
       GazetteApplication *application)
{
  g_autoptr(GListStore) nothing = g_list_store_new (GAZETTE_TYPE_ANNOUNCEMENT);

  self->application = application;

  self->settings = g_object_ref (gazette_application_get_settings (self->application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->application, "feed-failed",
                           G_CALLBACK (feed_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "store-changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "store-opened",
                           G_CALLBACK (attach_store), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "notify::online",
                           G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "notify::store-progress",
                           G_CALLBACK (update_list_title), self, G_CONNECT_SWAPPED);
  online_changed_cb (self);

  /* Until the store is open the list is empty, and says it is opening. */
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (nothing)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_list_stack (self);

  if (gazette_application_is_store_done (self->application))
    attach_store (self);
}

static void
gazette_window_dispose (GObject *object)
{
  GazetteWindow *self = (GazetteWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->results);
  g_clear_handle_id (&self->screenshot_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gazette_window_parent_class)->dispose (object);
}

static void
gazette_window_finalize (GObject *object)
{
  GazetteWindow *self = (GazetteWindow *) object;

  g_free (self->last_toast);
  g_free (self->searched);
  g_free (self->screenshot_path);
  g_free (self->wanted_announcement);
  g_free (self->wanted_page);

  G_OBJECT_CLASS (gazette_window_parent_class)->finalize (object);
}

static void
gazette_window_class_init (GazetteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gazette_window_dispose;
  object_class->finalize = gazette_window_finalize;
  window_class->close_request = gazette_window_close_request;

  g_type_ensure (GAZETTE_TYPE_ANNOUNCEMENT_ROW);
  g_type_ensure (GAZETTE_TYPE_ARTICLE_VIEW);
  g_type_ensure (GAZETTE_TYPE_ENTITY_PAGE);
  g_type_ensure (GAZETTE_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/gazette-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, entity_page);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, star_button);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, read_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_pane_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_announcement_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.toggle-read", NULL, toggle_read_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-star", NULL, toggle_star_action);
  gtk_widget_class_install_action (widget_class, "win.open-original", NULL,
                                   open_original_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);

  gtk_widget_class_install_action (widget_class, "win.remove-feed", NULL, remove_feed_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  /* The other shortcuts are the application's (gazette-application-actions.c), so that the
   * shortcuts window shows them; Escape stays the window's, for the widgets to take first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
}

static void
gazette_window_init (GazetteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->results = g_list_store_new (GAZETTE_TYPE_ANNOUNCEMENT);
  self->wanted_pane = self->list_pane;
  /* Typing anywhere in the window starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->article_view, "notify::announcement",
                           G_CALLBACK (article_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

GazetteWindow *
gazette_window_new (GazetteApplication *application)
{
  GazetteWindow *self;

  g_return_val_if_fail (GAZETTE_IS_APPLICATION (application), NULL);

  self = g_object_new (GAZETTE_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);

  return self;
}

/**
 * gazette_window_show_store_error:
 * @self: a #GazetteWindow
 * @error: why the store could not be opened
 *
 * Shows what went wrong in place of the article, instead of an empty window.
 */
void
gazette_window_show_store_error (GazetteWindow *self,
                                 const GError  *error)
{
  g_return_if_fail (GAZETTE_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  show_pane (self, self->content_pane);
}

/**
 * gazette_window_select_announcement:
 * @self: a #GazetteWindow
 * @id: an announcement's id
 *
 * Opens the announcement, selecting its row when the list has it at hand.
 */
void
gazette_window_select_announcement (GazetteWindow *self,
                                    const char    *id)
{
  guint position;

  g_return_if_fail (GAZETTE_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  replace_str (&self->wanted_announcement, id);
  if (self->store == NULL)
    return;

  /* A recent announcement is on the first page, which the view may not have asked for yet. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0 &&
      !gazette_announcement_list_find (self->list, id, &position))
    {
      GObject *first = g_list_model_get_item (G_LIST_MODEL (self->list), 0);

      g_clear_object (&first);
    }

  if (self->list != NULL && gazette_announcement_list_find (self->list, id, &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    open_announcement (self, id);
}

/**
 * gazette_window_show_page:
 * @self: a #GazetteWindow
 * @page: `official:ID`, `project:ID` or `district:ID`
 *
 * Shows an entity's page in the content pane.
 */
void
gazette_window_show_page (GazetteWindow *self,
                          const char    *page)
{
  g_return_if_fail (GAZETTE_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  replace_str (&self->wanted_page, page);
  if (self->store == NULL)
    return;
  gazette_entity_page_show (self->entity_page, page);
  gtk_stack_set_visible_child_name (self->content_stack, "page");
  update_actions (self);
  show_pane (self, self->content_pane);
}

void
_gazette_window_add_toast (GazetteWindow *self,
                           const char    *text)
{
  AdwToast *toast = adw_toast_new (text);

  replace_str (&self->last_toast, text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Screenshots */

static gboolean
data_ready (GazetteWindow *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->content_stack);

  if (self->store_failed)
    return TRUE;

  if (self->store == NULL || gazette_sidebar_get_n_rows (self->sidebar) == 0)
    return FALSE;

  if (g_strcmp0 (shown, "article") == 0)
    return gazette_article_view_get_announcement (self->article_view) != NULL;

  if (g_strcmp0 (shown, "page") == 0)
    return gazette_entity_page_get_entity (self->entity_page) != NULL &&
           g_strcmp0 (gazette_entity_page_get_page (self->entity_page), self->wanted_page) == 0;

  return TRUE;
}

static void
write_screenshot (GazetteWindow *self)
{
  if (!gazette_ui_save_png (GTK_WIDGET (self), self->screenshot_path))
    {
      /* Translators: %s is a file name */
      g_printerr (_("Could not write the screenshot “%s”."), self->screenshot_path);
      g_printerr ("\n");
      g_application_hold (G_APPLICATION (self->application));
      g_application_release (G_APPLICATION (self->application));
      exit (1);
    }

  g_print ("%s\n", self->screenshot_path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Waits for the data, then a few frames so that everything has its final size, then
 * writes the PNG and closes the window, which ends the application. */
static gboolean
screenshot_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  GazetteWindow *self = GAZETTE_WINDOW (widget);

  if (!data_ready (self))
    {
      self->screenshot_frames = 0;
      if (g_get_monotonic_time () > self->screenshot_deadline)
        {
          g_printerr ("%s\n", _("The window’s data did not load in time for the screenshot."));
          exit (1);
        }
      return G_SOURCE_CONTINUE;
    }

  if (++self->screenshot_frames < 5)
    return G_SOURCE_CONTINUE;

  write_screenshot (self);

  return G_SOURCE_REMOVE;
}

/**
 * gazette_window_screenshot_when_ready:
 * @self: a #GazetteWindow
 * @path: where to write the PNG
 *
 * Writes a PNG of the window once its data has loaded, then closes it.
 */
void
gazette_window_screenshot_when_ready (GazetteWindow *self,
                                      const char    *path)
{
  g_return_if_fail (GAZETTE_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  replace_str (&self->screenshot_path, path);
  self->screenshot_deadline = g_get_monotonic_time () +
                              SCREENSHOT_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick_cb, NULL, NULL);
}

/* For tests. */

GazetteSidebar *
_gazette_window_get_sidebar (GazetteWindow *self)
{
  return self->sidebar;
}

GtkScrolledWindow *
_gazette_window_get_list_scroller (GazetteWindow *self)
{
  return self->list_scroller;
}

GtkSingleSelection *
_gazette_window_get_selection (GazetteWindow *self)
{
  return self->selection;
}

GazetteArticleView *
_gazette_window_get_article_view (GazetteWindow *self)
{
  return self->article_view;
}

GazetteEntityPage *
_gazette_window_get_entity_page (GazetteWindow *self)
{
  return self->entity_page;
}

AdwLeaflet *
_gazette_window_get_leaflet (GazetteWindow *self)
{
  return self->leaflet;
}

const char *
_gazette_window_get_last_toast (GazetteWindow *self)
{
  return self->last_toast;
}

gboolean
_gazette_window_get_offline_shown (GazetteWindow *self)
{
  return gtk_revealer_get_reveal_child (self->offline_revealer);
}

const char *
_gazette_window_get_content (GazetteWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

void
_gazette_window_search (GazetteWindow *self,
                        const char    *text)
{
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Not the entry's delay: the test waits for the results instead. */
  search_changed_cb (self);
}

gboolean
_gazette_window_is_searching (GazetteWindow *self)
{
  return self->search_cancellable != NULL &&
         !g_cancellable_is_cancelled (self->search_cancellable) &&
         gtk_single_selection_get_model (self->selection) == G_LIST_MODEL (self->results);
}

const char *
_gazette_window_get_list_state (GazetteWindow *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

GListModel *
_gazette_window_get_results (GazetteWindow *self)
{
  return G_LIST_MODEL (self->results);
}

gboolean
_gazette_window_is_ready (GazetteWindow *self)
{
  return data_ready (self);
}
