/* test-feed-sync.c
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

#define G_LOG_DOMAIN "test-feed-sync"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "gazette-announcement.h"
#include "gazette-feed-parser.h"
#include "gazette-feed.h"
#include "gazette-store.h"
#include "gazette-sync.h"
#include "gazette-test-util.h"

/* Real-world feeds through the sync, from a loopback server: images kept for offline
 * reading and freed by cleaning, warnings of repaired feeds, and feeds that cannot be read. */

typedef struct
{
  guint   status;
  char   *content_type;
  GBytes *body;
} Route;

typedef struct
{
  SoupServer   *server;
  GUri         *base;
  GHashTable   *routes;     /* path → Route */
  GHashTable   *requests;   /* path → number of requests, as a pointer */
  char         *tmpdir;
  GazetteStore *store;
  GazetteSync  *sync;
} Fixture;

static void
route_free (Route *route)
{
  g_free (route->content_type);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route);
}

static void
serve (Fixture    *fixture,
       const char *path,
       guint       status,
       const char *content_type,
       GBytes     *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->content_type = g_strdup (content_type);
  route->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
  g_hash_table_replace (fixture->routes, g_strdup (path), route);
}

static void
serve_fixture (Fixture    *fixture,
               const char *path,
               const char *name,
               const char *content_type)
{
  g_autoptr(GBytes) body = gazette_test_load_fixture ("feed-sync", name);

  serve (fixture, path, SOUP_STATUS_OK, content_type, body);
}

/* Bytes that start like a PNG file, different for each @seed. */
static GBytes *
fake_png (guint seed,
          gsize size)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 *data = g_malloc (size);

  g_assert_cmpuint (size, >=, sizeof signature + 1);
  memcpy (data, signature, sizeof signature);
  for (gsize i = sizeof signature; i < size; i++)
    data[i] = (guint8) (seed * 31 + i);

  return g_bytes_new_take (data, size);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  Route *route = g_hash_table_lookup (fixture->routes, path);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));

  g_hash_table_replace (fixture->requests, g_strdup (path), GUINT_TO_POINTER (n + 1));

  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, route->status, NULL);
  soup_server_message_set_response (msg, route->content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (route->body, NULL),
                                    g_bytes_get_size (route->body));
}

static guint
n_requests (Fixture    *fixture,
            const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) route_free);
  fixture->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->server = gazette_test_server_new (handler, fixture, &fixture->base);

  fixture->tmpdir = g_dir_make_tmp ("gazette-feed-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->sync = gazette_test_sync_new (fixture->tmpdir, &fixture->store);
}


static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gazette_test_sync_free (&fixture->sync, &fixture->store);

  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base, g_uri_unref);
  g_clear_pointer (&fixture->routes, g_hash_table_unref);
  g_clear_pointer (&fixture->requests, g_hash_table_unref);
  gazette_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static char *
url_for (Fixture    *fixture,
         const char *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (fixture->base, path, G_URI_FLAGS_NONE, NULL);

  return g_uri_to_string (uri);
}

static void
subscribe (Fixture    *fixture,
           const char *path)
{
  g_autofree char *url = url_for (fixture, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = gazette_store_add_feed (fixture->store, url, &error);

  g_assert_no_error (error);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GPtrArray **reports = user_data;
  g_autoptr(GError) error = NULL;

  *reports = gazette_sync_run_finish (GAZETTE_SYNC (object), result, &error);
  g_assert_no_error (error);
}

/* Syncs every feed; returns the report of the first. */
static GazetteSyncReport *
sync_all (Fixture    *fixture,
          GPtrArray **out_reports)
{
  GPtrArray *reports = NULL;

  gazette_sync_run_async (fixture->sync, NULL, NULL, run_cb, &reports);
  while (reports == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_clear_pointer (out_reports, g_ptr_array_unref);
  *out_reports = reports;
  g_assert_cmpuint (reports->len, >=, 1);

  return g_ptr_array_index (reports, 0);
}

/* The stored copy of the image at @path, or NULL. */
static GBytes *
lookup (Fixture    *fixture,
        const char *path)
{
  g_autofree char *url = url_for (fixture, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gazette_store_lookup_image (fixture->store, url, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  if (file == NULL)
    return NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return bytes;
}

static void
assert_stored (Fixture    *fixture,
               const char *path,
               GBytes     *expected)
{
  g_autoptr(GBytes) stored = lookup (fixture, path);

  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored, expected));
}

static void
assert_not_stored (Fixture    *fixture,
                   const char *path)
{
  g_autoptr(GBytes) stored = lookup (fixture, path);

  g_assert_null (stored);
}

typedef struct
{
  GBytes *a;
  GBytes *main;
  GBytes *icon;
  GBytes *big;
} Images;

static void
images_clear (Images *images)
{
  g_clear_pointer (&images->a, g_bytes_unref);
  g_clear_pointer (&images->main, g_bytes_unref);
  g_clear_pointer (&images->icon, g_bytes_unref);
  g_clear_pointer (&images->big, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Images, images_clear)

static void
serve_images_feed (Fixture *fixture,
                   Images  *images)
{
  static const char html[] = "<html><body>Not here</body></html>";
  g_autoptr(GBytes) page = NULL;

  images->a = fake_png (1, 300);
  images->main = fake_png (2, 400);
  images->icon = fake_png (3, 64);
  images->big = fake_png (4, 64 * 1024);
  page = g_bytes_new_static (html, strlen (html));

  serve_fixture (fixture, "/feed.xml", "images.xml", "application/rss+xml");
  serve (fixture, "/img/a.png", SOUP_STATUS_OK, "image/png", images->a);
  serve (fixture, "/img/main.jpg", SOUP_STATUS_OK, "image/jpeg", images->main);
  serve (fixture, "/img/icon.png", SOUP_STATUS_OK, "image/png; charset=binary", images->icon);
  serve (fixture, "/img/big.png", SOUP_STATUS_OK, "image/png", images->big);
  serve (fixture, "/img/pixel.gif", SOUP_STATUS_OK, "image/gif", images->a);
  /* A 200 whose body is a web page is not an image. */
  serve (fixture, "/img/page.png", SOUP_STATUS_OK, "text/html", page);
  subscribe (fixture, "/feed.xml");
}

static void
test_images_offline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Images) images = { 0 };
  g_autoptr(GPtrArray) reports = NULL;
  GazetteSyncReport *report;

  serve_images_feed (fixture, &images);
  gazette_sync_set_image_limits (fixture->sync, 16 * 1024, 12, 100);

  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->stats.n_new, ==, 2);
  g_assert_cmpuint (report->n_images, ==, 3);

  assert_stored (fixture, "/img/a.png", images.a);
  assert_stored (fixture, "/img/main.jpg", images.main);
  assert_stored (fixture, "/img/icon.png", images.icon);
  /* Over the size cap, a web page, a 404 and a tracking pixel. */
  assert_not_stored (fixture, "/img/big.png");
  assert_not_stored (fixture, "/img/page.png");
  assert_not_stored (fixture, "/img/missing.png");
  assert_not_stored (fixture, "/img/pixel.gif");
  g_assert_cmpuint (n_requests (fixture, "/img/pixel.gif"), ==, 0);
  /* Two announcements show it, one download. */
  g_assert_cmpuint (n_requests (fixture, "/img/a.png"), ==, 1);
  g_assert_cmpuint (n_requests (fixture, "/img/missing.png"), ==, 1);

  /* Offline: the server is gone, the images are not. */
  soup_server_disconnect (fixture->server);
  assert_stored (fixture, "/img/a.png", images.a);
  assert_stored (fixture, "/img/icon.png", images.icon);
}

static void
test_images_not_fetched_twice (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(Images) images = { 0 };
  g_autoptr(GPtrArray) reports = NULL;
  GazetteSyncReport *report;

  serve_images_feed (fixture, &images);
  gazette_sync_set_image_limits (fixture->sync, 16 * 1024, 12, 100);
  sync_all (fixture, &reports);

  /* Stored images are not downloaded again, nor failed ones on the same day. */
  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->stats.n_unchanged, ==, 2);
  g_assert_cmpuint (report->n_images, ==, 0);
  g_assert_cmpuint (n_requests (fixture, "/feed.xml"), ==, 2);
  g_assert_cmpuint (n_requests (fixture, "/img/a.png"), ==, 1);
  g_assert_cmpuint (n_requests (fixture, "/img/main.jpg"), ==, 1);
  g_assert_cmpuint (n_requests (fixture, "/img/icon.png"), ==, 1);
  g_assert_cmpuint (n_requests (fixture, "/img/missing.png"), ==, 1);
  g_assert_cmpuint (n_requests (fixture, "/img/big.png"), ==, 1);
}

static void
test_images_limits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Images) images = { 0 };
  g_autoptr(GPtrArray) reports = NULL;
  GazetteSyncReport *report;
  guint n_fetched;

  serve_images_feed (fixture, &images);

  /* One image per announcement: the main one (the enclosure) of the first, a.png of the
   * second. Two downloads per run, so of the three wanted (icon included), one waits. */
  gazette_sync_set_image_limits (fixture->sync, 16 * 1024, 1, 2);
  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->n_images, ==, 2);
  n_fetched = n_requests (fixture, "/img/a.png") + n_requests (fixture, "/img/main.jpg") +
              n_requests (fixture, "/img/icon.png");
  g_assert_cmpuint (n_fetched, ==, 2);
  g_assert_cmpuint (n_requests (fixture, "/img/big.png"), ==, 0);
  g_assert_cmpuint (n_requests (fixture, "/img/page.png"), ==, 0);

  /* The next run gets the one that waited. */
  report = sync_all (fixture, &reports);
  g_assert_cmpuint (report->n_images, ==, 1);
  assert_stored (fixture, "/img/a.png", images.a);
  assert_stored (fixture, "/img/main.jpg", images.main);
  assert_stored (fixture, "/img/icon.png", images.icon);
  assert_not_stored (fixture, "/img/big.png");

  /* No images at all. */
  gazette_sync_set_image_limits (fixture->sync, 16 * 1024, 12, 0);
  serve_fixture (fixture, "/feed.xml", "images.xml", "application/rss+xml");
  report = sync_all (fixture, &reports);
  g_assert_cmpuint (report->n_images, ==, 0);
  g_assert_cmpuint (n_requests (fixture, "/img/big.png"), ==, 0);
}

static void
test_image_failures_are_not_feed_failures (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  GazetteSyncReport *report;

  /* No image is served at all. */
  serve_fixture (fixture, "/feed.xml", "images.xml", "application/rss+xml");
  serve (fixture, "/img/a.png", SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", NULL);
  subscribe (fixture, "/feed.xml");

  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_no_error (report->error);
  g_assert_cmpuint (report->stats.n_new, ==, 2);
  g_assert_cmpuint (report->n_images, ==, 0);
  g_assert_null (gazette_feed_get_last_error (report->feed));
  g_assert_cmpuint (n_requests (fixture, "/img/a.png"), ==, 1);
}

static gint64
row_of (Fixture    *fixture,
        const char *guid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteAnnouncement) a = gazette_store_get_announcement (fixture->store, guid, &error);

  g_assert_no_error (error);
  return gazette_announcement_get_row_id (a);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }

  return n;
}

static void
test_remove_old_frees_images (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Images) images = { 0 };
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) in_2000 = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *images_dir = g_build_filename (fixture->tmpdir, "images", NULL);
  g_autoptr(GFile) main_file = NULL;
  g_autofree char *main_url = NULL;
  guint n_removed = 99;

  serve_images_feed (fixture, &images);
  gazette_sync_set_image_limits (fixture->sync, 16 * 1024, 12, 100);
  sync_all (fixture, &reports);
  g_assert_cmpuint (count_files (images_dir), ==, 3);

  main_url = url_for (fixture, "/img/main.jpg");
  main_file = gazette_store_lookup_image (fixture->store, main_url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (main_file);

  /* Nothing is read yet: nothing goes, however old. */
  g_assert_true (gazette_store_remove_old (fixture->store, tomorrow, &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 0);

  /* Read, but published after the date. */
  g_assert_true (gazette_store_set_read (fixture->store, row_of (fixture, "img-1"), TRUE, &error));
  g_assert_true (gazette_store_remove_old (fixture->store, in_2000, &n_removed, &error));
  g_assert_cmpuint (n_removed, ==, 0);

  /* The first announcement goes with its main image; a.png stays, for the second. */
  g_assert_true (gazette_store_remove_old (fixture->store, tomorrow, &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_false (g_file_query_exists (main_file, NULL));
  assert_not_stored (fixture, "/img/main.jpg");
  assert_stored (fixture, "/img/a.png", images.a);
  assert_stored (fixture, "/img/icon.png", images.icon);
  g_assert_cmpuint (count_files (images_dir), ==, 2);

  /* Starred announcements stay, read or not. */
  g_assert_true (gazette_store_set_read (fixture->store, row_of (fixture, "img-2"), TRUE, &error));
  g_assert_true (gazette_store_set_starred (fixture->store, row_of (fixture, "img-2"), TRUE,
                                            &error));
  g_assert_true (gazette_store_remove_old (fixture->store, tomorrow, &n_removed, &error));
  g_assert_cmpuint (n_removed, ==, 0);
  assert_stored (fixture, "/img/a.png", images.a);

  g_assert_true (gazette_store_set_starred (fixture->store, row_of (fixture, "img-2"), FALSE,
                                            &error));
  g_assert_true (gazette_store_remove_old (fixture->store, tomorrow, &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 1);
  assert_not_stored (fixture, "/img/a.png");
  /* The feed's icon belongs to the feed, not to its announcements. */
  assert_stored (fixture, "/img/icon.png", images.icon);
  g_assert_cmpuint (count_files (images_dir), ==, 1);
}

static void
test_remove_feed_frees_images (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(Images) images = { 0 };
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *images_dir = g_build_filename (fixture->tmpdir, "images", NULL);
  GazetteSyncReport *report;

  serve_images_feed (fixture, &images);
  gazette_sync_set_image_limits (fixture->sync, 16 * 1024, 12, 100);
  report = sync_all (fixture, &reports);
  g_assert_cmpuint (count_files (images_dir), ==, 3);

  g_assert_true (gazette_store_remove_feed (fixture->store, gazette_feed_get_id (report->feed),
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (images_dir), ==, 0);
  assert_not_stored (fixture, "/img/icon.png");
}

static void
test_lookup_unknown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GazetteStore) memory = NULL;

  file = gazette_store_lookup_image (fixture->store, "https://nowhere.example/x.png", &error);
  g_assert_no_error (error);
  g_assert_null (file);

  memory = gazette_store_new (":memory:", &error);
  g_assert_no_error (error);
  file = gazette_store_lookup_image (memory, "https://nowhere.example/x.png", &error);
  g_assert_no_error (error);
  g_assert_null (file);
}

static void
test_recovered_feed_warns (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char fixed[] =
    "<rss version='2.0'><channel><title>Fixed</title>"
    "<item><guid>r-1</guid><title>First</title>"
    "<pubDate>Mon, 08 Oct 2018 09:30:00 +0800</pubDate></item></channel></rss>";
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for (fixture, "/feed.xml");
  GazetteSyncReport *report;

  serve_fixture (fixture, "/feed.xml", "recovered.xml", "application/rss+xml");
  subscribe (fixture, "/feed.xml");

  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->stats.n_new, ==, 2);
  g_assert_null (gazette_feed_get_last_error (report->feed));
  g_assert_nonnull (strstr (gazette_feed_get_warning (report->feed), "not well-formed XML"));

  /* The warning is the feed's state in the store, for the window to show. */
  stored = gazette_store_find_feed (fixture->store, url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_get_warning (stored), ==,
                   gazette_feed_get_warning (report->feed));
  g_assert_null (gazette_feed_get_last_error (stored));
  g_clear_object (&stored);

  /* Repaired by the publisher: the warning goes. */
  serve (fixture, "/feed.xml", SOUP_STATUS_OK, "application/rss+xml",
         g_bytes_new_static (fixed, strlen (fixed)));
  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  stored = gazette_store_find_feed (fixture->store, url, &error);
  g_assert_null (gazette_feed_get_warning (stored));
}

static void
test_hopeless_feed_keeps_items (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for (fixture, "/feed.xml");
  GazetteSyncReport *report;
  GazetteQuery query = { 0 };
  guint count = 0;

  serve_fixture (fixture, "/feed.xml", "recovered.xml", "application/rss+xml");
  subscribe (fixture, "/feed.xml");
  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);

  serve_fixture (fixture, "/feed.xml", "hopeless.xml", "application/rss+xml");
  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_FAILED);
  g_assert_error (report->error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID);
  g_assert_nonnull (strstr (report->error->message, "line 2"));

  stored = gazette_store_find_feed (fixture->store, url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gazette_feed_get_last_error (stored));
  g_assert_true (gazette_store_count_announcements (fixture->store, &query, &count, &error));
  g_assert_cmpuint (count, ==, 2);
}

/* Over HTTP, the server's charset beats what the document declares. */
static void
test_http_charset (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GBytes) body = gazette_test_load_fixture ("xml-feed", "gbk-http-charset.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  GazetteQuery query = { 0 };
  GazetteSyncReport *report;

  serve (fixture, "/feed.xml", SOUP_STATUS_OK, "application/rss+xml; charset=GBK", body);
  subscribe (fixture, "/feed.xml");

  report = sync_all (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpstr (gazette_feed_get_title (report->feed), ==, "萧山区新闻");
  page = gazette_store_list_announcements (fixture->store, &query, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, >=, 1);
  g_assert_cmpstr (gazette_announcement_get_title (g_ptr_array_index (page, 0)), ==, "数字经济");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/feed-sync/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("images/offline", test_images_offline);
  ADD ("images/not-fetched-twice", test_images_not_fetched_twice);
  ADD ("images/limits", test_images_limits);
  ADD ("images/failures-are-not-feed-failures", test_image_failures_are_not_feed_failures);
  ADD ("images/lookup-unknown", test_lookup_unknown);
  ADD ("clean/remove-old-frees-images", test_remove_old_frees_images);
  ADD ("clean/remove-feed-frees-images", test_remove_feed_frees_images);
  ADD ("xml/recovered-feed-warns", test_recovered_feed_warns);
  ADD ("xml/hopeless-feed-keeps-items", test_hopeless_feed_keeps_items);
  ADD ("xml/http-charset", test_http_charset);

#undef ADD

  return g_test_run ();
}
