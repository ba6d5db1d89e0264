/* test-fetcher.c
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

#define G_LOG_DOMAIN "gazette-test-fetcher"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "gazette-fetcher.h"

#define FEED_BODY \
  "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Xiaoshan\",\"items\":[]}"
#define FEED_ETAG          "\"v1\""
#define FEED_LAST_MODIFIED "Wed, 21 Oct 2015 07:28:00 GMT"

#define HUGE_TOTAL (100 * 1024 * 1024)
#define HUGE_CHUNK (64 * 1024)
#define SMALL_CAP  (1024 * 1024)

/* Long enough that a broken cap would let every request reach the server meanwhile. */
#define CONCURRENCY_RELEASE_MS 50

typedef struct
{
  SoupServer     *server;
  guint           port;
  GazetteFetcher *fetcher;

  /* What the server saw. */
  guint           n_requests;
  char           *if_none_match;
  char           *if_modified_since;
  char           *user_agent;
  char           *accept_encoding;
  gboolean        compressed;
  guint           n_hanging;

  /* /huge: streamed lazily, one chunk after the previous one was written. */
  gsize           huge_written;
  gboolean        huge_finished;
  GBytes         *huge_chunk;

  /* /slow: held until a timer releases them one by one. */
  GQueue          slow_paused;
  guint           slow_in_flight;
  guint           slow_max_in_flight;
  guint           slow_release_id;
} Fixture;

typedef struct
{
  gboolean            done;
  GazetteFetchResult *result;
  GError             *error;
  gint64              finished_at;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->result, gazette_fetch_result_free);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
}

static gboolean
wait_timed_out_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @flag is set, failing the test if that takes unreasonably long. */
static void
wait_for_flag (const gboolean *flag,
               const char     *what)
{
  guint guard_id = g_timeout_add_seconds (10, wait_timed_out_cb, (gpointer) what);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard_id);
}

static void
wait_for_count (const guint *count,
                guint        expected,
                const char  *what)
{
  guint guard_id = g_timeout_add_seconds (10, wait_timed_out_cb, (gpointer) what);

  while (*count < expected)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard_id);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  g_assert_false (outcome->done);
  outcome->result = gazette_fetcher_fetch_finish (GAZETTE_FETCHER (object), result,
                                                  &outcome->error);
  g_assert_true ((outcome->result == NULL) != (outcome->error == NULL));
  outcome->finished_at = g_get_monotonic_time ();
  outcome->done = TRUE;
}

static char *
server_url (Fixture    *fixture,
            const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", fixture->port, path);
}

static void
start_fetch_url (Fixture      *fixture,
                 const char   *url,
                 const char   *etag,
                 const char   *last_modified,
                 GCancellable *cancellable,
                 Outcome      *outcome)
{
  GazetteFetchRequest request = {
    .url = (char *) url,
    .etag = (char *) etag,
    .last_modified = (char *) last_modified,
  };

  gazette_fetcher_fetch_async (fixture->fetcher, &request, cancellable, fetch_cb, outcome);
}

static void
start_fetch (Fixture      *fixture,
             const char   *path,
             GCancellable *cancellable,
             Outcome      *outcome)
{
  g_autofree char *url = server_url (fixture, path);

  start_fetch_url (fixture, url, NULL, NULL, cancellable, outcome);
}

static void
fetch_url (Fixture    *fixture,
           const char *url,
           const char *etag,
           const char *last_modified,
           Outcome    *outcome)
{
  start_fetch_url (fixture, url, etag, last_modified, NULL, outcome);
  wait_for_flag (&outcome->done, url);
}

static void
fetch_path (Fixture    *fixture,
            const char *path,
            Outcome    *outcome)
{
  g_autofree char *url = server_url (fixture, path);

  fetch_url (fixture, url, NULL, NULL, outcome);
}

static void
assert_body (const GazetteFetchResult *result,
             const char               *expected)
{
  gsize size = 0;
  const char *data;

  g_assert_nonnull (result->body);
  data = g_bytes_get_data (result->body, &size);
  g_assert_cmpmem (data, size, expected, strlen (expected));
}

static GBytes *
gzip_bytes (const char *data,
            gsize       size)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GOutputStream) converter = NULL;
  g_autoptr(GError) error = NULL;

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  memory = g_memory_output_stream_new_resizable ();
  converter = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_output_stream_write_all (converter, data, size, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (converter, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
gzip_plain_body (void)
{
  g_autoptr(GString) body = g_string_new (NULL);

  /* Repetitive, so gzip clearly shrinks it and a missed decode cannot go unnoticed. */
  for (guint i = 0; i < 200; i++)
    g_string_append (body, "ปี 2565 เศรษฐกิจดิจิทัล 萧山区 数字经济 Xiaoshan digital economy. ");

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
huge_wrote_chunk_cb (SoupServerMessage *message,
                     Fixture           *fixture)
{
  SoupMessageBody *body = soup_server_message_get_response_body (message);

  fixture->huge_written += HUGE_CHUNK;

  if (fixture->huge_written >= HUGE_TOTAL)
    soup_message_body_complete (body);
  else
    soup_message_body_append_bytes (body, fixture->huge_chunk);
}

static void
huge_finished_cb (SoupServerMessage *message,
                  Fixture           *fixture)
{
  fixture->huge_finished = TRUE;
}

static gboolean
slow_release_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  SoupServerMessage *message = g_queue_pop_head (&fixture->slow_paused);

  g_assert_nonnull (message);

  fixture->slow_in_flight--;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/feed+json", SOUP_MEMORY_STATIC,
                                    FEED_BODY, strlen (FEED_BODY));
  soup_server_message_unpause (message);
  g_object_unref (message);

  if (!g_queue_is_empty (&fixture->slow_paused))
    return G_SOURCE_CONTINUE;

  fixture->slow_release_id = 0;
  return G_SOURCE_REMOVE;
}

static void
hang_finished_cb (SoupServerMessage *message,
                  Fixture           *fixture)
{
  g_assert_cmpuint (fixture->n_hanging, >, 0);
  fixture->n_hanging--;
}

static void
server_drop_connection (SoupServerMessage *message)
{
  static const char partial[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/feed+json\r\n"
    "Content-Length: 100000\r\n"
    "\r\n"
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[";
  g_autoptr(GIOStream) connection = soup_server_message_steal_connection (message);
  g_autoptr(GError) error = NULL;
  GOutputStream *output = g_io_stream_get_output_stream (connection);

  g_output_stream_write_all (output, partial, strlen (partial), NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (connection, NULL, &error);
  g_assert_no_error (error);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  const char *if_none_match = soup_message_headers_get_one (request_headers, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request_headers,
                                                                "If-Modified-Since");

  fixture->n_requests++;
  g_free (fixture->if_none_match);
  fixture->if_none_match = g_strdup (if_none_match);
  g_free (fixture->if_modified_since);
  fixture->if_modified_since = g_strdup (if_modified_since);
  g_free (fixture->user_agent);
  fixture->user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));
  g_free (fixture->accept_encoding);
  fixture->accept_encoding = g_strdup (soup_message_headers_get_one (request_headers,
                                                                     "Accept-Encoding"));

  if (g_str_equal (path, "/feed") || g_str_equal (path, "/target"))
    {
      soup_message_headers_replace (response_headers, "ETag", FEED_ETAG);
      if (g_strcmp0 (if_none_match, FEED_ETAG) == 0)
        {
          soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/feed+json", SOUP_MEMORY_STATIC,
                                        FEED_BODY, strlen (FEED_BODY));
    }
  else if (g_str_equal (path, "/last-modified"))
    {
      /* The 304 deliberately carries no validators: the fetcher keeps the request's. */
      if (g_strcmp0 (if_modified_since, FEED_LAST_MODIFIED) == 0)
        {
          soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_message_headers_replace (response_headers, "Last-Modified", FEED_LAST_MODIFIED);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/feed+json", SOUP_MEMORY_STATIC,
                                        FEED_BODY, strlen (FEED_BODY));
    }
  else if (g_str_equal (path, "/gzip"))
    {
      g_autofree char *plain = gzip_plain_body ();
      g_autoptr(GBytes) compressed = NULL;
      const char *accept_encoding = soup_message_headers_get_one (request_headers,
                                                                  "Accept-Encoding");

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      if (accept_encoding != NULL && strstr (accept_encoding, "gzip") != NULL)
        {
          compressed = gzip_bytes (plain, strlen (plain));
          g_assert_cmpuint (g_bytes_get_size (compressed), <, strlen (plain) / 4);
          soup_message_headers_replace (response_headers, "Content-Encoding", "gzip");
          soup_message_headers_replace (response_headers, "Content-Type", "application/json");
          soup_message_body_append_bytes (soup_server_message_get_response_body (message),
                                          compressed);
          fixture->compressed = TRUE;
        }
      else
        {
          soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                            plain, strlen (plain));
        }
    }
  else if (g_str_equal (path, "/r301"))
    soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/target");
  else if (g_str_equal (path, "/r308"))
    soup_server_message_set_redirect (message, SOUP_STATUS_PERMANENT_REDIRECT, "/r301");
  else if (g_str_equal (path, "/r302"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/target");
  else if (g_str_equal (path, "/r301-302"))
    soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/r302");
  else if (g_str_equal (path, "/gone"))
    soup_server_message_set_status (message, SOUP_STATUS_GONE, NULL);
  else if (g_str_equal (path, "/error"))
    soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/busy"))
    {
      soup_message_headers_replace (response_headers, "Retry-After", "120");
      soup_server_message_set_status (message, 429, "Too Many Requests");
    }
  else if (g_str_equal (path, "/busy-no-header"))
    soup_server_message_set_status (message, 429, "Too Many Requests");
  else if (g_str_equal (path, "/unavailable"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      soup_message_headers_replace (response_headers, "Retry-After", date);
      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
    }
  else if (g_str_equal (path, "/hang"))
    {
      /* Never answered: only the client's timeout or cancellation ends it. */
      fixture->n_hanging++;
      g_signal_connect (message, "finished", G_CALLBACK (hang_finished_cb), fixture);
      soup_server_message_pause (message);
    }
  else if (g_str_equal (path, "/huge"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (message);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response_headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_replace (response_headers, "Content-Type", "application/json");
      soup_message_body_set_accumulate (body, FALSE);
      soup_message_body_append_bytes (body, fixture->huge_chunk);
      g_signal_connect (message, "wrote-chunk", G_CALLBACK (huge_wrote_chunk_cb), fixture);
      g_signal_connect (message, "finished", G_CALLBACK (huge_finished_cb), fixture);
    }
  else if (g_str_equal (path, "/announced-huge"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (message);

      /* Announces 1 GiB but sends one small chunk, then stalls: a fetcher that does not
       * refuse on the header alone would wait here until it timed out.
       */
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_length (response_headers, G_GINT64_CONSTANT (1) << 30);
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
    }
  else if (g_str_equal (path, "/drop"))
    server_drop_connection (message);
  else if (g_str_equal (path, "/user-agent"))
    {
      const char *user_agent = soup_message_headers_get_one (request_headers, "User-Agent");

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_COPY,
                                        user_agent, user_agent ? strlen (user_agent) : 0);
    }
  else if (g_str_equal (path, "/slow"))
    {
      fixture->slow_in_flight++;
      fixture->slow_max_in_flight = MAX (fixture->slow_max_in_flight, fixture->slow_in_flight);
      soup_server_message_pause (message);
      g_queue_push_tail (&fixture->slow_paused, g_object_ref (message));
      if (fixture->slow_release_id == 0)
        fixture->slow_release_id = g_timeout_add (CONCURRENCY_RELEASE_MS, slow_release_cb,
                                                  fixture);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  guchar *chunk;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->port = g_uri_get_port (uris->data);
  g_assert_cmpuint (fixture->port, >, 0);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  chunk = g_malloc (HUGE_CHUNK);
  memset (chunk, ' ', HUGE_CHUNK);
  fixture->huge_chunk = g_bytes_new_take (chunk, HUGE_CHUNK);

  g_queue_init (&fixture->slow_paused);

  fixture->fetcher = gazette_fetcher_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Let closing streams and finished tasks drop their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_finalize_object (fixture->fetcher);

  g_clear_handle_id (&fixture->slow_release_id, g_source_remove);
  g_queue_clear_full (&fixture->slow_paused, g_object_unref);

  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_pointer (&fixture->huge_chunk, g_bytes_unref);
  g_free (fixture->if_none_match);
  g_free (fixture->if_modified_since);
  g_free (fixture->user_agent);
  g_free (fixture->accept_encoding);
}

static void
test_etag (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *url = server_url (fixture, "/feed");
  Outcome first = { 0 };
  Outcome second = { 0 };

  fetch_url (fixture, url, NULL, NULL, &first);
  g_assert_no_error (first.error);
  g_assert_false (first.result->not_modified);
  g_assert_cmpuint (first.result->status, ==, 200);
  assert_body (first.result, FEED_BODY);
  g_assert_cmpstr (first.result->etag, ==, FEED_ETAG);
  g_assert_null (first.result->last_modified);
  g_assert_cmpstr (first.result->content_type, ==, "application/feed+json");
  g_assert_cmpstr (first.result->final_url, ==, url);
  g_assert_null (first.result->permanent_url);
  g_assert_null (fixture->if_none_match);

  fetch_url (fixture, url, first.result->etag, NULL, &second);
  g_assert_no_error (second.error);
  g_assert_cmpstr (fixture->if_none_match, ==, FEED_ETAG);
  g_assert_true (second.result->not_modified);
  g_assert_cmpuint (second.result->status, ==, 304);
  g_assert_null (second.result->body);
  g_assert_cmpstr (second.result->etag, ==, FEED_ETAG);
  g_assert_cmpstr (second.result->final_url, ==, url);
  g_assert_cmpuint (fixture->n_requests, ==, 2);

  outcome_clear (&first);
  outcome_clear (&second);
}

static void
test_last_modified (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *url = server_url (fixture, "/last-modified");
  Outcome first = { 0 };
  Outcome second = { 0 };

  fetch_url (fixture, url, NULL, NULL, &first);
  g_assert_no_error (first.error);
  g_assert_false (first.result->not_modified);
  g_assert_cmpstr (first.result->last_modified, ==, FEED_LAST_MODIFIED);
  g_assert_null (first.result->etag);
  g_assert_null (fixture->if_modified_since);

  fetch_url (fixture, url, "\"stale\"", first.result->last_modified, &second);
  g_assert_no_error (second.error);
  g_assert_cmpstr (fixture->if_modified_since, ==, FEED_LAST_MODIFIED);
  g_assert_cmpstr (fixture->if_none_match, ==, "\"stale\"");
  g_assert_true (second.result->not_modified);
  g_assert_null (second.result->body);
  /* The 304 had no validators, so the request's are kept. */
  g_assert_cmpstr (second.result->last_modified, ==, FEED_LAST_MODIFIED);
  g_assert_cmpstr (second.result->etag, ==, "\"stale\"");

  outcome_clear (&first);
  outcome_clear (&second);
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *plain = gzip_plain_body ();
  Outcome outcome = { 0 };

  fetch_path (fixture, "/gzip", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (fixture->accept_encoding);
  g_assert_nonnull (strstr (fixture->accept_encoding, "gzip"));
  g_assert_true (fixture->compressed);
  assert_body (outcome.result, plain);

  outcome_clear (&outcome);
}

static void
test_redirect_permanent (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *target = server_url (fixture, "/target");
  Outcome outcome = { 0 };

  fetch_path (fixture, "/r301", &outcome);
  g_assert_no_error (outcome.error);
  assert_body (outcome.result, FEED_BODY);
  g_assert_cmpuint (outcome.result->status, ==, 200);
  g_assert_cmpstr (outcome.result->final_url, ==, target);
  g_assert_cmpstr (outcome.result->permanent_url, ==, target);
  outcome_clear (&outcome);

  /* 308 then 301: still permanent all the way. */
  fetch_path (fixture, "/r308", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.result->final_url, ==, target);
  g_assert_cmpstr (outcome.result->permanent_url, ==, target);
  outcome_clear (&outcome);
}

static void
test_redirect_temporary (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *target = server_url (fixture, "/target");
  Outcome outcome = { 0 };

  fetch_path (fixture, "/r302", &outcome);
  g_assert_no_error (outcome.error);
  assert_body (outcome.result, FEED_BODY);
  g_assert_cmpstr (outcome.result->final_url, ==, target);
  g_assert_null (outcome.result->permanent_url);
  outcome_clear (&outcome);

  /* One temporary hop in the chain is enough to keep the old URL. */
  fetch_path (fixture, "/r301-302", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.result->final_url, ==, target);
  g_assert_null (outcome.result->permanent_url);
  outcome_clear (&outcome);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/no-such-feed", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NOT_FOUND);
  g_assert_null (gazette_fetch_error_get_retry_after (outcome.error));
  outcome_clear (&outcome);
}

static void
test_gone (Fixture       *fixture,
           gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/gone", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_GONE);
  g_assert_nonnull (strstr (outcome.error->message, "410"));
  outcome_clear (&outcome);
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/error", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_HTTP);
  g_assert_nonnull (strstr (outcome.error->message, "500"));
  g_assert_nonnull (strstr (outcome.error->message, "Internal Server Error"));
  outcome_clear (&outcome);
}

static void
assert_retry_after (const GError *error,
                    gint64        expected_seconds_from_now)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) retry_after = gazette_fetch_error_get_retry_after (error);
  g_autoptr(GError) copy = g_error_copy (error);
  g_autoptr(GDateTime) copied = gazette_fetch_error_get_retry_after (copy);
  GTimeSpan delta;

  g_assert_nonnull (retry_after);
  delta = g_date_time_difference (retry_after, now) / G_TIME_SPAN_SECOND;
  g_assert_cmpint (delta, >=, expected_seconds_from_now - 3);
  g_assert_cmpint (delta, <=, expected_seconds_from_now + 1);

  /* The time travels with copies of the error (as when a task hands it on). */
  g_assert_nonnull (copied);
  g_assert_true (g_date_time_equal (copied, retry_after));
}

static void
test_retry_after_seconds (Fixture       *fixture,
                          gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/busy", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_RETRY_LATER);
  g_assert_nonnull (strstr (outcome.error->message, "429"));
  assert_retry_after (outcome.error, 120);
  outcome_clear (&outcome);

  fetch_path (fixture, "/busy-no-header", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_RETRY_LATER);
  assert_retry_after (outcome.error, 60 * 60);
  outcome_clear (&outcome);
}

static void
test_retry_after_date (Fixture       *fixture,
                       gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/unavailable", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_RETRY_LATER);
  g_assert_nonnull (strstr (outcome.error->message, "503"));
  assert_retry_after (outcome.error, 60 * 60);
  outcome_clear (&outcome);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  user_data)
{
  Outcome outcome = { 0 };
  gint64 started;

  gazette_fetcher_set_timeout (fixture->fetcher, 1);

  started = g_get_monotonic_time ();
  fetch_path (fixture, "/hang", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (outcome.error->message, "1 second"));
  g_assert_cmpint (outcome.finished_at - started, >=, G_USEC_PER_SEC / 2);
  g_assert_cmpint (outcome.finished_at - started, <, 3 * G_USEC_PER_SEC);
  outcome_clear (&outcome);
}

static void
test_too_large_streamed (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *expected_size = g_format_size_full (SMALL_CAP, G_FORMAT_SIZE_IEC_UNITS);
  Outcome outcome = { 0 };

  gazette_fetcher_set_max_body_size (fixture->fetcher, SMALL_CAP);

  fetch_path (fixture, "/huge", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (outcome.error->message, expected_size));

  /* The fetcher must have dropped the connection rather than drained it: the server's
   * response ends (in error) long before the 100 MB are out.
   */
  wait_for_flag (&fixture->huge_finished, "the server to give up on /huge");
  g_assert_cmpuint (fixture->huge_written, >=, SMALL_CAP);
  g_assert_cmpuint (fixture->huge_written, <, HUGE_TOTAL / 4);

  outcome_clear (&outcome);
}

static void
test_too_large_announced (Fixture       *fixture,
                          gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  gazette_fetcher_set_max_body_size (fixture->fetcher, SMALL_CAP);
  /* Were the header ignored, this would fail as TIMEOUT instead. */
  gazette_fetcher_set_timeout (fixture->fetcher, 5);

  fetch_path (fixture, "/announced-huge", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TOO_LARGE);
  outcome_clear (&outcome);
}

static void
test_connection_dropped (Fixture       *fixture,
                         gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/drop", &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NETWORK);
  g_assert_cmpstr (outcome.error->message, !=, "");
  outcome_clear (&outcome);
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Outcome outcome = { 0 };
  guint16 port;

  /* Borrow a free port, then close it: nothing listens there any more. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  url = g_strdup_printf ("http://127.0.0.1:%u/feed", port);
  fetch_url (fixture, url, NULL, NULL, &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NETWORK);
  outcome_clear (&outcome);
}

static void
test_user_agent (Fixture       *fixture,
                 gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_path (fixture, "/user-agent", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (g_str_has_prefix (USER_AGENT, "Gazette/"));
  assert_body (outcome.result, USER_AGENT);
  outcome_clear (&outcome);
}

static void
test_file (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing_url = NULL;
  Outcome outcome = { 0 };
  int fd;

  fd = g_file_open_tmp ("gazette-fetcher-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_close (fd, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, FEED_BODY, -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  url = g_file_get_uri (file);

  fetch_url (fixture, url, "\"ignored\"", FEED_LAST_MODIFIED, &outcome);
  g_assert_no_error (outcome.error);
  assert_body (outcome.result, FEED_BODY);
  g_assert_false (outcome.result->not_modified);
  g_assert_cmpuint (outcome.result->status, ==, 0);
  g_assert_cmpstr (outcome.result->final_url, ==, url);
  g_assert_null (outcome.result->permanent_url);
  g_assert_null (outcome.result->etag);
  g_assert_null (outcome.result->last_modified);
  /* Guessed from the name and content; NULL is allowed when the guess is unsure. */
  if (outcome.result->content_type != NULL)
    g_assert_cmpstr (outcome.result->content_type, ==, "application/json");
  outcome_clear (&outcome);

  /* The same cap applies to local files. */
  gazette_fetcher_set_max_body_size (fixture->fetcher, 10);
  fetch_url (fixture, url, NULL, NULL, &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TOO_LARGE);
  outcome_clear (&outcome);

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);

  fetch_url (fixture, url, NULL, NULL, &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NOT_FOUND);
  outcome_clear (&outcome);
}

static void
test_resource_missing (Fixture       *fixture,
                       gconstpointer  user_data)
{
  Outcome outcome = { 0 };

  fetch_url (fixture, "resource:///io/github/gazette/Gazette/no-such-feed.json",
             NULL, NULL, &outcome);
  g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NOT_FOUND);
  outcome_clear (&outcome);
}

static void
test_unsupported (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *urls[] = {
    "ftp://127.0.0.1/feed.xml",
    "data:application/json,{}",
    "not a url at all",
    "http:///no-host",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      Outcome outcome = { 0 };

      fetch_url (fixture, urls[i], NULL, NULL, &outcome);
      g_assert_error (outcome.error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_UNSUPPORTED);
      outcome_clear (&outcome);
    }

  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

static void
test_concurrency (Fixture       *fixture,
                  gconstpointer  user_data)
{
  Outcome outcomes[5] = { { 0 } };

  gazette_fetcher_set_max_concurrent (fixture->fetcher, 2);

  /* The server holds each request for a while and releases them one at a time. */
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    start_fetch (fixture, "/slow", NULL, &outcomes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    wait_for_flag (&outcomes[i].done, "a /slow fetch");

  /* Waiting fetches start in the order they were asked for. */
  g_assert_cmpint (outcomes[2].finished_at, <, outcomes[3].finished_at);
  g_assert_cmpint (outcomes[3].finished_at, <, outcomes[4].finished_at);

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_assert_no_error (outcomes[i].error);
      assert_body (outcomes[i].result, FEED_BODY);
      outcome_clear (&outcomes[i]);
    }

  g_assert_cmpuint (fixture->n_requests, ==, 5);
  g_assert_cmpuint (fixture->slow_max_in_flight, ==, 2);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GCancellable) running_cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) queued_cancellable = g_cancellable_new ();
  Outcome running = { 0 };
  Outcome queued = { 0 };
  Outcome later = { 0 };

  gazette_fetcher_set_max_concurrent (fixture->fetcher, 1);

  start_fetch (fixture, "/hang", running_cancellable, &running);
  start_fetch (fixture, "/feed", queued_cancellable, &queued);
  wait_for_count (&fixture->n_hanging, 1, "the /hang request");

  /* The queued fetch ends promptly, though the one ahead of it still hangs. */
  g_cancellable_cancel (queued_cancellable);
  wait_for_flag (&queued.done, "the queued fetch to be cancelled");
  g_assert_error (queued.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (running.done);

  g_cancellable_cancel (running_cancellable);
  wait_for_flag (&running.done, "the running fetch to be cancelled");
  g_assert_error (running.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Both slots are free again: a new fetch goes through, and the cancelled one never
   * reached the server.
   */
  start_fetch (fixture, "/feed", NULL, &later);
  wait_for_flag (&later.done, "a fetch after cancelling");
  g_assert_no_error (later.error);
  assert_body (later.result, FEED_BODY);
  g_assert_cmpuint (fixture->n_requests, ==, 2);

  outcome_clear (&running);
  outcome_clear (&queued);
  outcome_clear (&later);
}

static void
test_cancel_before_start (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0 };

  g_cancellable_cancel (cancellable);
  start_fetch (fixture, "/feed", cancellable, &outcome);
  wait_for_flag (&outcome.done, "an already cancelled fetch");
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  outcome_clear (&outcome);
}

#define ADD_TEST(path, func) \
  g_test_add ("/core/fetcher/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("etag", test_etag);
  ADD_TEST ("last-modified", test_last_modified);
  ADD_TEST ("gzip", test_gzip);
  ADD_TEST ("redirect/permanent", test_redirect_permanent);
  ADD_TEST ("redirect/temporary", test_redirect_temporary);
  ADD_TEST ("status/not-found", test_not_found);
  ADD_TEST ("status/gone", test_gone);
  ADD_TEST ("status/server-error", test_server_error);
  ADD_TEST ("status/retry-after-seconds", test_retry_after_seconds);
  ADD_TEST ("status/retry-after-date", test_retry_after_date);
  ADD_TEST ("timeout", test_timeout);
  ADD_TEST ("too-large/streamed", test_too_large_streamed);
  ADD_TEST ("too-large/announced", test_too_large_announced);
  ADD_TEST ("network/dropped", test_connection_dropped);
  ADD_TEST ("network/refused", test_connection_refused);
  ADD_TEST ("user-agent", test_user_agent);
  ADD_TEST ("local/file", test_file);
  ADD_TEST ("local/resource-missing", test_resource_missing);
  ADD_TEST ("unsupported", test_unsupported);
  ADD_TEST ("concurrency", test_concurrency);
  ADD_TEST ("cancel", test_cancel);
  ADD_TEST ("cancel/before-start", test_cancel_before_start);

  return g_test_run ();
}
