/* test-sync.c
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

#define G_LOG_DOMAIN "test-sync"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "gazette-announcement.h"
#include "gazette-feed.h"
#include "gazette-store.h"
#include "gazette-sync.h"
#include "gazette-test-util.h"

#define SAMPLE_URL "resource:///io/github/gazette/Gazette/sample/districts.json"

typedef enum {
  SERVE_V1,
  SERVE_V2,
  SERVE_BROKEN,
  SERVE_ERROR,
  SERVE_GONE,
  SERVE_TOO_MANY,
} ServeMode;

typedef struct
{
  SoupServer   *server;
  GUri         *base;
  ServeMode     mode;
  guint         n_requests;
  char         *last_if_none_match;
  char         *tmpdir;
  GazetteStore *store;
  GazetteSync  *sync;
} Fixture;

static void
serve_file (SoupServerMessage *msg,
            const char        *name,
            const char        *etag)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "sync", name, NULL),
                       &contents, &len, &error);
  g_assert_no_error (error);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY,
                                    contents, len);
}

static void
feed_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request_headers, "If-None-Match");
  const char *etag = NULL;

  fixture->n_requests++;
  g_free (fixture->last_if_none_match);
  fixture->last_if_none_match = g_strdup (if_none_match);

  if (g_str_equal (path, "/old"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/feed.json");
      return;
    }

  switch (fixture->mode)
    {
    case SERVE_V1: etag = "\"v1\""; break;
    case SERVE_V2: etag = "\"v2\""; break;
    case SERVE_BROKEN: etag = "\"broken\""; break;
    case SERVE_ERROR:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;
    case SERVE_GONE:
      soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
      return;
    case SERVE_TOO_MANY:
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "3600");
      soup_server_message_set_status (msg, 429, "Too Many Requests");
      return;
    default:
      g_assert_not_reached ();
    }

  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  serve_file (msg,
              fixture->mode == SERVE_V1 ? "feed-v1.json"
              : fixture->mode == SERVE_V2 ? "feed-v2.json" : "broken.json",
              etag);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = gazette_test_server_new (feed_handler, fixture, &fixture->base);

  fixture->tmpdir = g_dir_make_tmp ("gazette-sync-XXXXXX", &error);
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
  g_clear_pointer (&fixture->last_if_none_match, g_free);
  gazette_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static char *
fixture_url (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (fixture->base, path, G_URI_FLAGS_NONE, NULL);
  return g_uri_to_string (uri);
}

static GazetteFeed *
subscribe (Fixture    *fixture,
           const char *url)
{
  g_autoptr(GError) error = NULL;
  GazetteFeed *feed = gazette_store_add_feed (fixture->store, url, &error);

  g_assert_no_error (error);
  return feed;
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

/* Syncs every subscribed feed and returns the one report (the tests subscribe one feed). */
static GazetteSyncReport *
sync_one (Fixture    *fixture,
          GPtrArray **out_reports)
{
  GPtrArray *reports = NULL;

  gazette_sync_run_async (fixture->sync, NULL, NULL, run_cb, &reports);
  while (reports == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (gazette_sync_get_running (fixture->sync));
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpuint (gazette_sync_get_n_finished (fixture->sync), ==, 1);
  g_clear_pointer (out_reports, g_ptr_array_unref);
  *out_reports = reports;
  return g_ptr_array_index (reports, 0);
}

static guint
count_all (Fixture *fixture)
{
  GazetteQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  guint count = 0;

  gazette_store_count_announcements (fixture->store, &query, &count, &error);
  g_assert_no_error (error);
  return count;
}

static GazetteFeed *
stored_feed (Fixture *fixture)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  feeds = gazette_store_list_feeds (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  return g_object_ref (g_ptr_array_index (feeds, 0));
}

static void
test_store_then_not_modified (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *url = fixture_url (fixture, "/feed.json");
  g_autoptr(GazetteFeed) feed = subscribe (fixture, url);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) after = NULL;
  GazetteSyncReport *report;

  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_no_error (report->error);
  g_assert_cmpuint (report->stats.n_new, ==, 2);
  g_assert_cmpuint (report->stats.n_updated, ==, 0);
  g_assert_null (fixture->last_if_none_match);
  g_assert_cmpuint (count_all (fixture), ==, 2);

  after = stored_feed (fixture);
  g_assert_cmpstr (gazette_feed_get_etag (after), ==, "\"v1\"");
  g_assert_cmpstr (gazette_feed_get_title (after), ==, "Test District Office");
  g_assert_nonnull (gazette_feed_get_last_success (after));

  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_NOT_MODIFIED);
  g_assert_cmpstr (fixture->last_if_none_match, ==, "\"v1\"");
  g_assert_cmpuint (count_all (fixture), ==, 2);
}

static void
test_update_keeps_read_state (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *url = fixture_url (fixture, "/feed.json");
  g_autoptr(GazetteFeed) feed = subscribe (fixture, url);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteAnnouncement) one = NULL;
  g_autoptr(GazetteAnnouncement) again = NULL;
  g_autoptr(GError) error = NULL;
  GazetteSyncReport *report;

  sync_one (fixture, &reports);
  one = gazette_store_get_announcement (fixture->store, "one", &error);
  g_assert_no_error (error);
  gazette_store_set_read (fixture->store, gazette_announcement_get_row_id (one), TRUE, &error);
  g_assert_no_error (error);
  gazette_store_set_starred (fixture->store, gazette_announcement_get_row_id (one), TRUE, &error);
  g_assert_no_error (error);

  fixture->mode = SERVE_V2;
  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->stats.n_new, ==, 1);
  g_assert_cmpuint (report->stats.n_updated, ==, 1);
  g_assert_cmpuint (report->stats.n_unchanged, ==, 1);

  again = gazette_store_get_announcement (fixture->store, "one", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_announcement_get_title (again), ==, "First announcement, corrected");
  g_assert_true (gazette_announcement_get_read (again));
  g_assert_true (gazette_announcement_get_starred (again));
  g_assert_cmpuint (count_all (fixture), ==, 3);
}

static void
assert_failure_kept_store (Fixture    *fixture,
                           ServeMode   mode,
                           const char *expected_etag)
{
  g_autofree char *url = fixture_url (fixture, "/feed.json");
  g_autoptr(GazetteFeed) feed = subscribe (fixture, url);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) after = NULL;
  GazetteSyncReport *report;

  sync_one (fixture, &reports);
  g_assert_cmpuint (count_all (fixture), ==, 2);

  fixture->mode = mode;
  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_FAILED);
  g_assert_nonnull (report->error);
  g_assert_cmpuint (count_all (fixture), ==, 2);

  after = stored_feed (fixture);
  g_assert_cmpstr (gazette_feed_get_last_error (after), ==, report->error->message);
  g_assert_nonnull (gazette_feed_get_last_error_time (after));
  g_assert_cmpstr (gazette_feed_get_etag (after), ==, expected_etag);
}

static void
test_server_error_keeps_store (Fixture       *fixture,
                               gconstpointer  data)
{
  assert_failure_kept_store (fixture, SERVE_ERROR, "\"v1\"");
}

static void
test_parse_error_keeps_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = NULL;
  GazetteSyncReport *report;

  /* The broken document came with a new ETag; keeping it would turn the next fetch into a
   * 304 and hide the fixed feed. */
  assert_failure_kept_store (fixture, SERVE_BROKEN, "\"v1\"");

  fixture->mode = SERVE_V2;
  report = sync_one (fixture, &reports);
  g_assert_cmpstr (fixture->last_if_none_match, ==, "\"v1\"");
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (count_all (fixture), ==, 3);
  g_assert_null (gazette_feed_get_last_error (report->feed));
}

static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) after = NULL;
  GazetteSyncReport *report;
  guint n_requests;

  assert_failure_kept_store (fixture, SERVE_GONE, "\"v1\"");
  after = stored_feed (fixture);
  g_assert_true (gazette_feed_get_gone (after));

  n_requests = fixture->n_requests;
  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_FAILED);
  g_assert_cmpuint (fixture->n_requests, ==, n_requests);
}

static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GazetteSyncReport *report;
  guint n_requests;
  GTimeSpan wait;

  assert_failure_kept_store (fixture, SERVE_TOO_MANY, "\"v1\"");
  after = stored_feed (fixture);
  g_assert_nonnull (gazette_feed_get_retry_after (after));
  wait = g_date_time_difference (gazette_feed_get_retry_after (after), now);
  g_assert_cmpint (wait, >, 3500 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (wait, <, 3700 * G_TIME_SPAN_SECOND);

  n_requests = fixture->n_requests;
  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_POSTPONED);
  g_assert_cmpuint (fixture->n_requests, ==, n_requests);
}

static void
test_permanent_redirect (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *old_url = fixture_url (fixture, "/old");
  g_autofree char *new_url = fixture_url (fixture, "/feed.json");
  g_autoptr(GazetteFeed) feed = subscribe (fixture, old_url);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GazetteFeed) after = NULL;
  GazetteSyncReport *report;

  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  after = stored_feed (fixture);
  g_assert_cmpstr (gazette_feed_get_url (after), ==, new_url);
}

static void
test_bundled_sample (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GazetteFeed) feed = subscribe (fixture, SAMPLE_URL);
  g_autoptr(GPtrArray) reports = NULL;
  GazetteQuery by_official = { .official_id = (char *) "tong-guili" };
  GazetteQuery by_province = { .district_id = (char *) "cn-zj" };
  GazetteSyncReport *report;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  report = sync_one (fixture, &reports);
  g_assert_no_error (report->error);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->stats.n_new, ==, 6);
  g_assert_cmpuint (fixture->n_requests, ==, 0);

  gazette_store_count_announcements (fixture->store, &by_official, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 6);
  gazette_store_count_announcements (fixture->store, &by_province, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 6);

  report = sync_one (fixture, &reports);
  g_assert_cmpint (report->status, ==, GAZETTE_SYNC_STORED);
  g_assert_cmpuint (report->stats.n_unchanged, ==, 6);
}

static void
busy_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;
  GPtrArray *reports = gazette_sync_run_finish (GAZETTE_SYNC (object), result, error);

  g_assert_null (reports);
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *url = fixture_url (fixture, "/feed.json");
  g_autoptr(GazetteFeed) feed = subscribe (fixture, url);
  GPtrArray *first = NULL;
  GError *error = NULL;

  gazette_sync_run_async (fixture->sync, NULL, NULL, run_cb, &first);
  g_assert_true (gazette_sync_get_running (fixture->sync));
  gazette_sync_run_async (fixture->sync, NULL, NULL, busy_cb, &error);
  while (first == NULL || error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (first->len, ==, 1);
  g_ptr_array_unref (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/core/sync/store-then-not-modified", test_store_then_not_modified);
  ADD ("/core/sync/update-keeps-read-state", test_update_keeps_read_state);
  ADD ("/core/sync/server-error-keeps-store", test_server_error_keeps_store);
  ADD ("/core/sync/parse-error-keeps-store", test_parse_error_keeps_store);
  ADD ("/core/sync/gone", test_gone);
  ADD ("/core/sync/retry-after", test_retry_after);
  ADD ("/core/sync/permanent-redirect", test_permanent_redirect);
  ADD ("/core/sync/bundled-sample", test_bundled_sample);
  ADD ("/core/sync/busy", test_busy);

#undef ADD

  return g_test_run ();
}
