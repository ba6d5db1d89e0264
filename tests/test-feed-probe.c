/* test-feed-probe.c
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

#define G_LOG_DOMAIN "test-feed-probe"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "gazette-feed-probe.h"
#include "gazette-fetcher.h"
#include "gazette-test-util.h"

/* Discovery and checking a feed before adding it, against a loopback server. */

typedef struct
{
  SoupServer     *server;
  GUri           *base;
  GazetteFetcher *fetcher;
} Fixture;

static void
serve_fixture (SoupServerMessage *msg,
               const char        *name,
               const char        *content_type)
{
  g_autoptr(GBytes) body = gazette_test_load_fixture ("feed-probe", name);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  static const char rss[] =
    "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
    "<title>萧山区公告</title>"
    "<item><guid>1</guid><title>一</title><pubDate>Mon, 08 Oct 2018 09:30:00 +0800</pubDate></item>"
    "<item><guid>2</guid><title>二</title></item>"
    "</channel></rss>";
  static const char error_page[] =
    "<html><head><title>Error</title></head><body>Something went wrong</body></html>";
  static const char text[] = "Just some text, not a feed.";

  if (g_str_equal (path, "/feed.xml"))
    soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC,
                                      rss, strlen (rss));
  else if (g_str_equal (path, "/old"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/feed.xml");
      return;
    }
  else if (g_str_equal (path, "/moved-for-now"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/feed.xml");
      return;
    }
  else if (g_str_equal (path, "/page-one.html"))
    {
      serve_fixture (msg, "page-one.html", "text/html; charset=utf-8");
      return;
    }
  else if (g_str_equal (path, "/page-many.html"))
    {
      /* No charset from the server: the page's own <meta> says GB2312. */
      serve_fixture (msg, "page-many.html", "text/html");
      return;
    }
  else if (g_str_equal (path, "/page-none.html"))
    {
      serve_fixture (msg, "page-none.html", "text/html");
      return;
    }
  else if (g_str_equal (path, "/error-page"))
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                      error_page, strlen (error_page));
  else if (g_str_equal (path, "/text"))
    soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                      text, strlen (text));
  else if (g_str_equal (path, "/empty"))
    soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, "", 0);
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = gazette_test_server_new (handler, fixture, &fixture->base);
  fixture->fetcher = gazette_fetcher_new ();
  gazette_fetcher_set_timeout (fixture->fetcher, 5);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->fetcher);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base, g_uri_unref);
}

static char *
url_for (Fixture    *fixture,
         const char *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (fixture->base, path, G_URI_FLAGS_NONE, NULL);

  return g_uri_to_string (uri);
}

typedef struct
{
  GazetteFeedProbe *probe;
  GError           *error;
  gboolean          done;
} Wait;

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->probe = gazette_feed_probe_finish (result, &wait->error);
  wait->done = TRUE;
}

static GazetteFeedProbe *
probe_url (Fixture     *fixture,
           const char  *url,
           GError     **error)
{
  Wait wait = { 0 };

  gazette_feed_probe_async (fixture->fetcher, url, NULL, probe_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);

  return wait.probe;
}

static GazetteFeedProbe *
probe_path (Fixture     *fixture,
            const char  *path,
            GError     **error)
{
  g_autofree char *url = url_for (fixture, path);

  return probe_url (fixture, url, error);
}

static void
test_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "example.org/feed.xml", "https://example.org/feed.xml" },
    { "  http://example.org/rss  ", "http://example.org/rss" },
    { "//example.org/rss", "https://example.org/rss" },
    { "HTTPS://example.org/", "HTTPS://example.org/" },
    { "xiaoshan.gov.cn", "https://xiaoshan.gov.cn" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gazette_feed_probe_normalize_url (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_feed (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeedProbe) probe = probe_path (fixture, "/feed.xml", &error);
  g_autoptr(GazetteFeedProbe) copy = NULL;
  g_autofree char *url = url_for (fixture, "/feed.xml");

  g_assert_no_error (error);
  g_assert_true (gazette_feed_probe_is_feed (probe));
  g_assert_cmpstr (gazette_feed_probe_get_url (probe), ==, url);
  g_assert_cmpstr (gazette_feed_probe_get_title (probe), ==, "萧山区公告");
  g_assert_cmpuint (gazette_feed_probe_get_n_items (probe), ==, 2);
  g_assert_cmpuint (gazette_feed_probe_get_alternatives (probe)->len, ==, 0);
  /* The second item has no date. */
  g_assert_cmpuint (gazette_feed_probe_get_problems (probe)->len, ==, 1);

  copy = g_boxed_copy (GAZETTE_TYPE_FEED_PROBE, probe);
  g_assert_true (copy == probe);
  g_boxed_free (GAZETTE_TYPE_FEED_PROBE, g_steal_pointer (&copy));
  g_assert_true (gazette_feed_probe_is_feed (probe));
}

static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeedProbe) moved = probe_path (fixture, "/old", &error);
  g_autoptr(GazetteFeedProbe) temporary = NULL;
  g_autofree char *feed_url = url_for (fixture, "/feed.xml");
  g_autofree char *temporary_url = url_for (fixture, "/moved-for-now");

  /* Permanently moved: subscribe where it went. For now: where it is said to be. */
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_probe_get_url (moved), ==, feed_url);
  temporary = probe_path (fixture, "/moved-for-now", &error);
  g_assert_no_error (error);
  g_assert_true (gazette_feed_probe_is_feed (temporary));
  g_assert_cmpstr (gazette_feed_probe_get_url (temporary), ==, temporary_url);
}

static void
test_page_with_one_feed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeedProbe) probe = probe_path (fixture, "/page-one.html", &error);
  g_autofree char *atom = url_for (fixture, "/atom.xml");
  GazetteFeedLink *link;
  GPtrArray *alternatives;

  g_assert_no_error (error);
  g_assert_false (gazette_feed_probe_is_feed (probe));
  g_assert_null (gazette_feed_probe_get_title (probe));
  alternatives = gazette_feed_probe_get_alternatives (probe);
  g_assert_cmpuint (alternatives->len, ==, 1);
  link = g_ptr_array_index (alternatives, 0);
  g_assert_cmpstr (gazette_feed_link_get_url (link), ==, atom);
  g_assert_cmpstr (gazette_feed_link_get_title (link), ==, "ประกาศ");
  g_assert_cmpstr (gazette_feed_link_get_content_type (link), ==, "application/atom+xml");
}

static void
test_page_with_several_feeds (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeedProbe) probe = probe_path (fixture, "/page-many.html", &error);
  GPtrArray *alternatives;
  GazetteFeedLink *link;

  g_assert_no_error (error);
  g_assert_false (gazette_feed_probe_is_feed (probe));
  alternatives = gazette_feed_probe_get_alternatives (probe);

  /* <base href> resolves them; the duplicate, the script and the HTML page are left out. */
  g_assert_cmpuint (alternatives->len, ==, 2);
  link = g_ptr_array_index (alternatives, 0);
  g_assert_cmpstr (gazette_feed_link_get_url (link), ==, "https://cdn.example.org/feeds/rss.xml");
  g_assert_cmpstr (gazette_feed_link_get_title (link), ==, "公告 RSS");
  g_assert_cmpstr (gazette_feed_link_get_content_type (link), ==, "application/rss+xml");
  link = g_ptr_array_index (alternatives, 1);
  g_assert_cmpstr (gazette_feed_link_get_url (link), ==, "https://json.example.org/feed.json");
  g_assert_null (gazette_feed_link_get_title (link));
  g_assert_cmpstr (gazette_feed_link_get_content_type (link), ==, "application/feed+json");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeedProbe) probe = NULL;

  probe = probe_path (fixture, "/page-none.html", &error);
  g_assert_error (error, GAZETTE_FEED_PROBE_ERROR, GAZETTE_FEED_PROBE_ERROR_NO_FEED);
  g_assert_nonnull (strstr (error->message, "links to no feed"));
  g_assert_null (probe);
  g_clear_error (&error);

  /* An error page that says 200 is still a page without feeds. */
  probe = probe_path (fixture, "/error-page", &error);
  g_assert_error (error, GAZETTE_FEED_PROBE_ERROR, GAZETTE_FEED_PROBE_ERROR_NO_FEED);
  g_clear_error (&error);

  probe = probe_path (fixture, "/text", &error);
  g_assert_error (error, GAZETTE_FEED_PROBE_ERROR, GAZETTE_FEED_PROBE_ERROR_NOT_A_FEED);
  g_assert_nonnull (strstr (error->message, "is not a feed Gazette can read"));
  g_clear_error (&error);

  probe = probe_path (fixture, "/empty", &error);
  g_assert_error (error, GAZETTE_FEED_PROBE_ERROR, GAZETTE_FEED_PROBE_ERROR_NOT_A_FEED);
  g_clear_error (&error);

  probe = probe_path (fixture, "/nowhere", &error);
  g_assert_error (error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nobody listens on port 9 (discard) of the loopback. */
  probe = probe_url (fixture, "http://127.0.0.1:9/feed.xml", &error);
  g_assert_error (error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NETWORK);
  g_assert_null (probe);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/feed-probe/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/core/feed-probe/normalize", test_normalize);
  ADD ("feed", test_feed);
  ADD ("redirects", test_redirects);
  ADD ("page-with-one-feed", test_page_with_one_feed);
  ADD ("page-with-several-feeds", test_page_with_several_feeds);
  ADD ("errors", test_errors);

#undef ADD

  return g_test_run ();
}
