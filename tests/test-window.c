/* test-window.c
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

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <libsoup/soup.h>

#include "gazette-add-feed-dialog.h"
#include "gazette-application.h"
#include "gazette-article-view.h"
#include "gazette-entity-page.h"
#include "gazette-sidebar.h"
#include "gazette-store-private.h"
#include "gazette-sync.h"
#include "gazette-ui-util.h"
#include "gazette-window-private.h"
#include "gazette-test-util.h"

#define PLAN_EN "xiaoshan-digital-economy-plan-en"

typedef struct
{
  char               *dir;
  GazetteApplication *app;
  GazetteWindow      *window;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, failing the test after ten seconds. */
#define wait_until(condition) \
  G_STMT_START { \
    gboolean _timed_out = FALSE; \
    guint _source = g_timeout_add_seconds (10, timeout_cb, &_timed_out); \
    while (!(condition) && !_timed_out) \
      g_main_context_iteration (NULL, TRUE); \
    if (_timed_out) \
      g_error ("Timed out waiting for %s", #condition); \
    g_source_remove (_source); \
  } G_STMT_END

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  reports = gazette_sync_run_finish (GAZETTE_SYNC (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* A store holding the bundled sample, as a first run has it after its first refresh. */
static void
fill_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = gazette_store_open_in (dir, &error);
  g_autoptr(GazetteSync) sync = NULL;
  gboolean done = FALSE;

  g_assert_no_error (error);
  sync = gazette_sync_new (store);
  gazette_sync_run_async (sync, NULL, NULL, sync_done_cb, &done);
  wait_until (done);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gazette-window-XXXXXX", &error);
  g_assert_no_error (error);
  fill_store (fixture->dir);
  g_setenv ("GAZETTE_DATA_DIR", fixture->dir, TRUE);

  fixture->app = gazette_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  /* Each test starts where a new user would: settings live in memory for the process. */
  g_settings_reset (gazette_application_get_settings (fixture->app), "sidebar-selection");
  fixture->window = gazette_window_new (fixture->app);
  /* A window manager would let the reader resize it; Xvfb has none, so each size is a
   * window of its own. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window),
                               data != NULL ? *(const int *) data : 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (_gazette_window_is_ready (fixture->window));
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->app);
  gazette_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The text of every label under @widget, joined by newlines. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

static GazetteAnnouncement *
item_at (Fixture *fixture,
         guint    position)
{
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);

  return g_list_model_get_item (G_LIST_MODEL (selection), position);
}

static guint
find_row (Fixture    *fixture,
          const char *id)
{
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GazetteAnnouncement) item = item_at (fixture, i);

      if (g_str_equal (gazette_announcement_get_id (item), id))
        return i;
    }

  g_error ("No row for %s", id);
}

static gboolean
article_is (Fixture    *fixture,
            const char *id)
{
  GazetteArticleView *view = _gazette_window_get_article_view (fixture->window);
  GazetteAnnouncement *shown = gazette_article_view_get_announcement (view);

  return shown != NULL && g_str_equal (gazette_announcement_get_id (shown), id);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);
  GazetteSidebar *sidebar = _gazette_window_get_sidebar (fixture->window);
  g_autoptr(GazetteAnnouncement) first = NULL;
  g_autoptr(GazetteAnnouncement) second = NULL;
  guint unread = 0;

  g_assert_false (adw_leaflet_get_folded (_gazette_window_get_leaflet (fixture->window)));

  /* Six announcements in three languages are two rows, newest first, in English (the
   * test's locale is C). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  first = item_at (fixture, 0);
  second = item_at (fixture, 1);
  g_assert_cmpstr (gazette_announcement_get_id (first), ==, "china-v-valley-launch-en");
  g_assert_cmpstr (gazette_announcement_get_id (second), ==, PLAN_EN);

  /* The sidebar: views, the district hierarchy, the official, the project, the feed. */
  g_assert_cmpstr (gazette_sidebar_get_row_label (sidebar, "district:cn-zj", NULL, NULL), ==,
                   "Zhejiang");
  g_assert_cmpstr (gazette_sidebar_get_row_label (sidebar, "district:cn-zj-hangzhou-xiaoshan",
                                                  &unread, NULL), ==, "Xiaoshan");
  g_assert_cmpuint (unread, ==, 2);
  g_assert_cmpstr (gazette_sidebar_get_row_label (sidebar, "official:tong-guili", NULL, NULL),
                   ==, "Tong Guili");
  g_assert_cmpstr (gazette_sidebar_get_row_label (sidebar, "project:china-v-valley", NULL, NULL),
                   ==, "China V Valley");
  g_assert_nonnull (gazette_sidebar_get_row_label (sidebar, "unread", &unread, NULL));
  g_assert_cmpuint (unread, ==, 2);

  /* The empty pages' icon comes with the program, installed or not. */
  g_assert_true (gtk_icon_theme_has_icon (
    gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window))),
    "io.github.gazette.Gazette-symbolic"));
}

static void
test_article (Fixture       *fixture,
              gconstpointer  data)
{
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);
  GazetteArticleView *view = _gazette_window_get_article_view (fixture->window);
  GazetteSidebar *sidebar = _gazette_window_get_sidebar (fixture->window);
  g_autofree char *officials = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *organisations = NULL;
  guint unread = 0;

  gtk_single_selection_set_selected (selection, find_row (fixture, PLAN_EN));
  wait_until (article_is (fixture, PLAN_EN));
  g_assert_cmpstr (_gazette_window_get_content (fixture->window), ==, "article");

  officials = widget_text (_gazette_article_view_get_section (view, "officials"));
  g_assert_nonnull (strstr (officials, "Tong Guili"));
  g_assert_nonnull (strstr (officials, "Secretary of the CPC Xiaoshan District Committee"));
  g_assert_nonnull (strstr (officials, "The digital economy is the first engine"));

  projects = widget_text (_gazette_article_view_get_section (view, "projects"));
  g_assert_nonnull (strstr (projects, "China V Valley"));

  organisations = widget_text (_gazette_article_view_get_section (view, "organisations"));
  g_assert_nonnull (strstr (organisations, "NetEase"));

  /* Two targets in yuan: listed, and compared in a chart. */
  figures = widget_text (_gazette_article_view_get_section (view, "figures"));
  g_assert_nonnull (strstr (figures, "billion"));
  g_assert_true (gtk_widget_get_visible (_gazette_article_view_get_section (view, "chart")));

  /* Opening it read it: the counts follow. */
  wait_until (gazette_sidebar_get_row_label (sidebar, "unread", &unread, NULL) != NULL &&
              unread == 1);
  {
    g_autoptr(GazetteAnnouncement) item = item_at (fixture, find_row (fixture, PLAN_EN));

    g_assert_true (gazette_announcement_get_read (item));
  }

  /* The star toggles from the keyboard's action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-star", NULL);
  g_assert_true (gazette_announcement_get_starred (gazette_article_view_get_announcement (view)));
  wait_until (gazette_sidebar_get_row_label (sidebar, "starred", &unread, NULL) != NULL &&
              unread == 1);
}

static void
test_project_page (Fixture       *fixture,
                   gconstpointer  data)
{
  GazetteArticleView *view = _gazette_window_get_article_view (fixture->window);
  GazetteEntityPage *page = _gazette_window_get_entity_page (fixture->window);
  GtkWidget *projects;
  GtkWidget *row;
  g_autofree char *text = NULL;

  gazette_window_select_announcement (fixture->window, PLAN_EN);
  wait_until (article_is (fixture, PLAN_EN));

  /* Following the linked project leads to its page. */
  projects = _gazette_article_view_get_section (view, "projects");
  row = gtk_widget_get_first_child (projects);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_signal_emit_by_name (projects, "row-activated", row);

  wait_until (gazette_entity_page_get_entity (page) != NULL);
  g_assert_cmpstr (_gazette_window_get_content (fixture->window), ==, "page");
  g_assert_cmpstr (gazette_entity_page_get_page (page), ==, "project:china-v-valley");
  g_assert_cmpstr (gazette_entity_page_get_entity (page)->id, ==, "china-v-valley");

  /* Its timeline: both announcements, once each. */
  g_assert_cmpuint (gazette_entity_page_get_n_rows (page), ==, 2);
  text = widget_text (GTK_WIDGET (page));
  g_assert_nonnull (strstr (text, "China V Valley"));
  g_assert_nonnull (strstr (text, "Xiaoshan sets 2022 targets for its digital economy"));
}

static void
test_official_page (Fixture       *fixture,
                    gconstpointer  data)
{
  GazetteEntityPage *page = _gazette_window_get_entity_page (fixture->window);
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);
  g_autofree char *text = NULL;

  /* The sidebar's official: his announcements in the list, his page beside it. */
  gazette_sidebar_set_selection (_gazette_window_get_sidebar (fixture->window),
                                 "official:tong-guili");
  wait_until (gazette_entity_page_get_entity (page) != NULL &&
              g_strcmp0 (gazette_entity_page_get_page (page), "official:tong-guili") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);

  text = widget_text (GTK_WIDGET (page));
  g_assert_nonnull (strstr (text, "Tong Guili"));
  g_assert_nonnull (strstr (text, "China V Valley is not a slogan"));

  /* Quoted in two announcements of three languages each: twice, in the reader's language. */
  g_assert_cmpuint (gazette_entity_page_get_n_rows (page), ==, 2);
  g_assert_null (strstr (text, "中国视谷"));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = _gazette_window_get_leaflet (fixture->window);

  wait_until (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)), ==, "list");

  /* One pane at a time: opening an announcement shows it, back returns to the list. */
  gazette_window_select_announcement (fixture->window, PLAN_EN);
  wait_until (article_is (fixture, PLAN_EN));
  g_assert_cmpstr (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)), ==, "content");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  wait_until (g_strcmp0 (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)),
                         "list") == 0);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  GAction *refresh = g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "refresh");

  g_assert_false (_gazette_window_get_offline_shown (fixture->window));
  g_assert_true (g_action_get_enabled (refresh));

  g_object_set (fixture->app, "online", FALSE, NULL);
  g_assert_true (_gazette_window_get_offline_shown (fixture->window));
  g_assert_false (g_action_get_enabled (refresh));

  /* Everything stored stays browsable. */
  gazette_window_select_announcement (fixture->window, PLAN_EN);
  wait_until (article_is (fixture, PLAN_EN));

  g_object_set (fixture->app, "online", TRUE, NULL);
  g_assert_false (_gazette_window_get_offline_shown (fixture->window));
  g_assert_true (g_action_get_enabled (refresh));
}

static gboolean
row_has_tooltip (GazetteSidebar *sidebar,
                 const char     *key)
{
  g_autofree char *tooltip = NULL;

  return gazette_sidebar_get_row_label (sidebar, key, NULL, &tooltip) != NULL && tooltip != NULL;
}

static void
test_feed_error (Fixture       *fixture,
                 gconstpointer  data)
{
  GazetteStore *store = gazette_application_get_store (fixture->app);
  GazetteSync *sync = gazette_application_get_sync (fixture->app);
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port nobody listens on: bind one, then close it. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  g_socket_close (socket, NULL);

  url = g_strdup_printf ("http://127.0.0.1:%u/district.json", port);
  feed = gazette_store_add_feed (store, url, &error);
  g_assert_no_error (error);

  gazette_application_refresh (fixture->app);
  wait_until (!gazette_sync_get_running (sync) &&
              _gazette_window_get_last_toast (fixture->window) != NULL);

  /* A toast that names the feed; the window and what it holds are still there. */
  g_assert_nonnull (strstr (_gazette_window_get_last_toast (fixture->window), "Could not update"));
  g_assert_nonnull (strstr (_gazette_window_get_last_toast (fixture->window), "127.0.0.1"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);

  /* The failed feed's row says why. */
  {
    g_autofree char *key = g_strdup_printf ("feed:%" G_GINT64_FORMAT, gazette_feed_get_id (feed));
    GazetteSidebar *sidebar = _gazette_window_get_sidebar (fixture->window);
    g_autofree char *tooltip = NULL;

    wait_until (row_has_tooltip (sidebar, key));
    gazette_sidebar_get_row_label (sidebar, key, NULL, &tooltip);
    g_assert_nonnull (strstr (tooltip, "Could not update"));
  }
}

/* Xvfb comes without a session bus; GApplication says so and carries on without one. */
static gboolean
fatal_log_handler (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  return strstr (message, "session bus") == NULL;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (g_str_equal (path, "/feed.json"))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/gazette/Gazette/sample/"
                                                         "districts.json", 0, NULL);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/feed+json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes));
    }
  else if (g_str_equal (path, "/page.html"))
    {
      const char *page =
        "<html><head><title>Xiaoshan</title>"
        "<link rel=\"alternate\" type=\"application/feed+json\" title=\"News\" href=\"/feed.json\">"
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/rss.xml\">"
        "</head><body><p>Welcome</p></body></html>";

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

/* Writes @window into the build tree's screenshots/, once its rows have laid out. */
static void
save_for_the_eye (GtkWidget  *window,
                  const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                           ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gazette_ui_save_png (window, path));
}

static void
test_add_feed (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *feed_url = NULL;
  g_autofree char *page_url = NULL;
  g_autofree char *missing_url = NULL;
  GazetteStore *store = gazette_application_get_store (fixture->app);
  GazetteSync *sync = gazette_application_get_sync (fixture->app);
  GazetteAddFeedDialog *dialog;
  g_autoptr(GazetteFeed) added = NULL;

  server = gazette_test_server_new (server_cb, NULL, &base_uri);
  base = g_uri_to_string (base_uri);
  feed_url = g_strconcat (base, "feed.json", NULL);
  page_url = g_strconcat (base, "page.html", NULL);
  missing_url = g_strconcat (base, "missing.json", NULL);

  dialog = GAZETTE_ADD_FEED_DIALOG (gazette_add_feed_dialog_new (GTK_WINDOW (fixture->window),
                                                                 store,
                                                                 gazette_sync_get_fetcher (sync)));
  gtk_window_present (GTK_WINDOW (dialog));

  /* A feed: its title and size, and Add chooses it. */
  gazette_add_feed_dialog_check (dialog, feed_url);
  wait_until (!_gazette_add_feed_dialog_get_checking (dialog));
  g_assert_cmpstr (_gazette_add_feed_dialog_get_chosen_url (dialog), ==, feed_url);
  g_assert_nonnull (strstr (_gazette_add_feed_dialog_get_status (dialog), "6 announcements"));

  /* A page with two feeds: the reader chooses, the first is chosen to begin with. */
  gazette_add_feed_dialog_check (dialog, page_url);
  wait_until (!_gazette_add_feed_dialog_get_checking (dialog));
  g_assert_cmpuint (_gazette_add_feed_dialog_get_n_choices (dialog), ==, 2);
  g_assert_cmpstr (_gazette_add_feed_dialog_get_chosen_url (dialog), ==, feed_url);
  save_for_the_eye (GTK_WIDGET (dialog), "add-feed-choices.png");

  /* A missing address: a problem shown in place, nothing to add. */
  gazette_add_feed_dialog_check (dialog, missing_url);
  wait_until (!_gazette_add_feed_dialog_get_checking (dialog));
  g_assert_null (_gazette_add_feed_dialog_get_chosen_url (dialog));
  g_assert_cmpstr (_gazette_add_feed_dialog_get_status (dialog), !=, "");
  g_assert_cmpuint (_gazette_add_feed_dialog_get_n_choices (dialog), ==, 0);
  save_for_the_eye (GTK_WIDGET (dialog), "add-feed-error.png");

  /* Add subscribes the feed, and the window hears of it. */
  gazette_add_feed_dialog_check (dialog, feed_url);
  wait_until (!_gazette_add_feed_dialog_get_checking (dialog));
  g_object_ref (dialog);
  g_signal_emit_by_name (_gazette_add_feed_dialog_get_add_button (dialog), "clicked");
  added = gazette_store_find_feed (store, feed_url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_get_url (added), ==, feed_url);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Twice is an error said in place, not a second subscription. */
  gazette_add_feed_dialog_check (dialog, feed_url);
  wait_until (!_gazette_add_feed_dialog_get_checking (dialog));
  g_signal_emit_by_name (_gazette_add_feed_dialog_get_add_button (dialog), "clicked");
  g_assert_nonnull (strstr (_gazette_add_feed_dialog_get_status (dialog), "already"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
results_are (Fixture *fixture,
             guint    n)
{
  return g_list_model_get_n_items (_gazette_window_get_results (fixture->window)) == n;
}

static gboolean
first_result_has_suffix (Fixture    *fixture,
                         const char *suffix)
{
  GListModel *results = _gazette_window_get_results (fixture->window);
  g_autoptr(GazetteAnnouncement) first = g_list_model_get_item (results, 0);

  return first != NULL && g_str_has_suffix (gazette_announcement_get_id (first), suffix);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkSingleSelection *selection = _gazette_window_get_selection (fixture->window);
  GListModel *results = _gazette_window_get_results (fixture->window);
  g_autoptr(GazetteAnnouncement) first = NULL;

  /* Chinese inside an unspaced word finds the Chinese translation; the list shows the
   * results, each once. */
  _gazette_window_search (fixture->window, "萧山");
  wait_until (!results_are (fixture, 0));
  g_assert_true (gtk_single_selection_get_model (selection) == results);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  first = g_list_model_get_item (results, 0);
  g_assert_true (g_str_has_suffix (gazette_announcement_get_id (first), "-zh-hans"));
  g_assert_nonnull (g_object_get_data (G_OBJECT (first), GAZETTE_SEARCH_HIT_KEY));
  g_clear_object (&first);

  /* Thai, and the sidebar's filter combines with it. */
  _gazette_window_search (fixture->window, "เซียวชาน");
  wait_until (first_result_has_suffix (fixture, "-th"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  gazette_sidebar_set_selection (_gazette_window_get_sidebar (fixture->window),
                                 "official:tong-guili");
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 2 &&
              first_result_has_suffix (fixture, "-th"));

  /* For the eye: the results with their highlighted matches. */
  save_for_the_eye (GTK_WIDGET (fixture->window), "window-search.png");

  /* Nothing found says so. */
  _gazette_window_search (fixture->window, "zzzqqq");
  wait_until (results_are (fixture, 0));
  g_assert_cmpstr (_gazette_window_get_list_state (fixture->window), ==, "empty");

  /* Leaving the search shows the list again. */
  _gazette_window_search (fixture->window, "");
  g_assert_true (gtk_single_selection_get_model (selection) != results);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
}

/* The window in the reader's language: meson runs this test again under th_TH.UTF-8 and
 * zh_CN.UTF-8 with LANGUAGE set, and the build tree's catalogues. */
typedef struct
{
  const char *language;
  const char *all;          /* the sidebar's first row, and the list's title */
  const char *officials;    /* the article's section */
  const char *projects;
  const char *offline;
  const char *published;    /* the Xiaoshan plan's date, as the locale writes it */
  const char *amount;       /* its information-economy target */
} Expected;

static const Expected expected[] = {
  { "en", "All Announcements", "Officials Quoted", "Linked Projects",
    "Offline — showing saved announcements", "Sep 14, 2018", "CN¥120 billion" },
  { "th", "ประกาศทั้งหมด", "คำกล่าวของเจ้าหน้าที่", "โครงการที่เกี่ยวข้อง",
    "ออฟไลน์ — กำลังแสดงประกาศที่บันทึกไว้", "14 ก.ย. 2561", "1.2 แสนล้านหยวน" },
  { "zh_CN", "全部公告", "官员发言", "相关项目",
    "离线——正在显示已保存的公告", "2018年9月14日", "1200亿元" },
};

static void
test_translated (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE");
  const Expected *want = &expected[0];
  GazetteSidebar *sidebar = _gazette_window_get_sidebar (fixture->window);
  GazetteArticleView *view = _gazette_window_get_article_view (fixture->window);
  GazetteAnnouncement *shown;
  g_autofree char *text = NULL;
  g_autofree char *window_text = NULL;

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (expected); i++)
    if (g_str_has_prefix (language, expected[i].language))
      want = &expected[i];

  g_test_message ("Expecting the window in %s", want->language);
  g_assert_cmpstr (gazette_sidebar_get_title (sidebar), ==, want->all);

  /* The reader's translation of the announcement, with its words and numbers. */
  gazette_window_select_announcement (fixture->window, "xiaoshan-digital-economy-plan-en");
  wait_until ((shown = gazette_article_view_get_announcement (view)) != NULL);
  if (!g_str_equal (want->language, "en"))
    {
      const char *tag = g_str_equal (want->language, "th") ? "th" : "zh-Hans";
      g_autofree char *id = g_strconcat ("xiaoshan-digital-economy-plan-",
                                         g_str_equal (tag, "th") ? "th" : "zh-hans", NULL);

      gazette_window_select_announcement (fixture->window, id);
      wait_until ((shown = gazette_article_view_get_announcement (view)) != NULL &&
                  g_str_equal (gazette_announcement_get_id (shown), id));
      g_assert_cmpstr (gazette_announcement_get_language (shown), ==, tag);
    }

  text = widget_text (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, want->officials));
  g_assert_nonnull (strstr (text, want->projects));
  g_assert_nonnull (strstr (text, want->published));
  g_assert_nonnull (strstr (text, want->amount));

  g_object_set (fixture->app, "online", FALSE, NULL);
  window_text = widget_text (GTK_WIDGET (fixture->window));
  g_assert_nonnull (strstr (window_text, want->offline));
}

/* A store that cannot be opened (its folder cannot be made) is said in the window, which
 * still comes up. */
static void
test_store_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gazette-window-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *data_dir = g_build_filename (file, "gazette", NULL);
  g_autoptr(GazetteApplication) app = NULL;
  GazetteWindow *window;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, "", 0, &error));
  g_setenv ("GAZETTE_DATA_DIR", data_dir, TRUE);

  app = gazette_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = gazette_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (_gazette_window_is_ready (window));

  g_assert_null (gazette_application_get_store (app));
  g_assert_nonnull (gazette_application_get_store_error (app));
  g_assert_cmpstr (_gazette_window_get_content (window), ==, "error");
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                    "refresh")));

  gtk_window_destroy (GTK_WINDOW (window));
  gazette_test_remove_tree (dir);
}

typedef struct
{
  GazetteApplication *app;
  GazetteWindow      *window;
  GPtrArray          *shown;   /* the window's text at each step of the migration */
} Migrating;

static void
store_progress_cb (Migrating *migrating)
{
  if (gazette_application_get_store_progress (migrating->app) >= 0)
    g_ptr_array_add (migrating->shown, widget_text (GTK_WIDGET (migrating->window)));
}

/* A store of an older Gazette has its search index made again while the window is up, and
 * the list's subtitle says how far that has come. Meson runs this in Thai and Chinese too. */
static void
test_store_migrating (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gazette-window-XXXXXX", &error);
  g_autoptr(GazetteApplication) app = NULL;
  g_autoptr(GazetteStore) blocker = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *starting = NULL;
  g_autofree char *done = NULL;
  g_autofree char *after = NULL;
  Migrating migrating = { NULL, NULL, shown };

  g_assert_no_error (error);
  fill_store (dir);
  /* The index as an older Gazette left it; this connection then holds the database, so
   * that the migration waits for the window to be up. */
  blocker = gazette_store_open_in (dir, &error);
  g_assert_no_error (error);
  g_assert_true (_gazette_store_exec_sql_for_tests (blocker,
                                                    "DROP TABLE announcements_search;"
                                                    "CREATE VIRTUAL TABLE announcements_search"
                                                    " USING fts5 (title, summary, body,"
                                                    " names, tokenize = 'gazette');"
                                                    "PRAGMA user_version = 6;"
                                                    "BEGIN IMMEDIATE",
                                                    &error));
  g_assert_no_error (error);
  g_setenv ("GAZETTE_DATA_DIR", dir, TRUE);

  app = gazette_application_new ();
  migrating.app = app;
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_cmpfloat (gazette_application_get_store_progress (app), ==, -1);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  migrating.window = gazette_window_new (app);
  g_signal_connect_swapped (app, "notify::store-progress", G_CALLBACK (store_progress_cb),
                            &migrating);
  gtk_window_present (GTK_WINDOW (migrating.window));
  g_assert_true (_gazette_store_exec_sql_for_tests (blocker, "COMMIT", &error));
  g_assert_no_error (error);
  wait_until (_gazette_window_is_ready (migrating.window));

  g_assert_nonnull (gazette_application_get_store (app));
  g_assert_cmpfloat (gazette_application_get_store_progress (app), ==, -1);
  g_assert_cmpuint (shown->len, >=, 2);
  /* Translators' text, in the test's language. */
  starting = g_strdup_printf (_("Updating the search index (%d%%)"), 0);
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 0), starting));
  done = g_strdup_printf (_("Updating the search index (%d%%)"), 100);
  g_assert_nonnull (strstr (g_ptr_array_index (shown, shown->len - 1), done));
  after = widget_text (GTK_WIDGET (migrating.window));
  g_assert_null (strstr (after, done));

  g_signal_handlers_disconnect_by_data (app, &migrating);
  gtk_window_destroy (GTK_WINDOW (migrating.window));
  gazette_test_remove_tree (dir);
}

static const int narrow_width = 360;

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GAZETTE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fatal_log_handler, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("No display: run under xvfb-run, as build-aux/dev test does");
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/list", test_list);
  ADD ("/ui/window/article", test_article);
  ADD ("/ui/window/project-page", test_project_page);
  ADD ("/ui/window/official-page", test_official_page);
  g_test_add ("/ui/window/narrow", Fixture, &narrow_width, fixture_set_up, test_narrow,
              fixture_tear_down);
  ADD ("/ui/window/offline", test_offline);
  ADD ("/ui/window/feed-error", test_feed_error);
  ADD ("/ui/window/add-feed", test_add_feed);
  ADD ("/ui/window/search", test_search);
  ADD ("/ui/window/translated", test_translated);
  g_test_add_func ("/ui/window/store-error", test_store_error);
  g_test_add_func ("/ui/window/store-migrating", test_store_migrating);
#undef ADD

  return g_test_run ();
}
