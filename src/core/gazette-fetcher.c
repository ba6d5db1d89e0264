/* gazette-fetcher.c
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

#define G_LOG_DOMAIN "gazette-fetcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "gazette-fetcher.h"

/* Small enough to keep memory flat, large enough that a typical feed takes a handful of reads. */
#define READ_CHUNK_SIZE (64 * 1024)

/* Servers that rate-limit us (429) without saying for how long are usually protecting
 * themselves from frequent pollers: backing off for an hour is polite and still keeps a
 * feed reasonably fresh. A 503 without Retry-After is more often a short outage (a restart,
 * maintenance, an overloaded moment), so we try again sooner.
 */
#define DEFAULT_RETRY_AFTER_TOO_MANY_REQUESTS (60 * 60)
#define DEFAULT_RETRY_AFTER_UNAVAILABLE       (15 * 60)

/* A Retry-After further away than this is more likely a server bug than a plan. */
#define MAX_RETRY_AFTER (7 * 24 * 60 * 60)

/* Feeds first, but accept whatever the server has: many serve feeds as text/xml or
 * application/octet-stream, and the parser decides by content, not by this header.
 */
#define ACCEPT_HEADER \
  "application/feed+json, application/json;q=0.9, application/atom+xml, " \
  "application/rss+xml, application/rdf+xml, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"

struct _GazetteFetcher
{
  GObject      parent_instance;

  SoupSession *session;

  /* Tasks waiting for a free slot, oldest first; each holds a reference. */
  GQueue       queue;

  guint        timeout;
  gsize        max_body_size;
  guint        max_concurrent;
  guint        n_active;
};

G_DEFINE_FINAL_TYPE (GazetteFetcher, gazette_fetcher, G_TYPE_OBJECT)

typedef struct
{
  GDateTime *retry_after;
} GazetteFetchErrorPrivate;

static void
gazette_fetch_error_private_init (GazetteFetchErrorPrivate *priv)
{
  priv->retry_after = NULL;
}

static void
gazette_fetch_error_private_copy (const GazetteFetchErrorPrivate *src,
                                  GazetteFetchErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after != NULL ? g_date_time_ref (src->retry_after) : NULL;
}

static void
gazette_fetch_error_private_clear (GazetteFetchErrorPrivate *priv)
{
  g_clear_pointer (&priv->retry_after, g_date_time_unref);
}

/* An extended error domain, so a RETRY_LATER error carries the time to retry at and keeps
 * it through g_error_copy() and GTask, with no side channel next to the GError.
 */
G_DEFINE_EXTENDED_ERROR (GazetteFetchError, gazette_fetch_error)

typedef struct
{
  char         *url;
  char         *etag;
  char         *last_modified;

  GFile        *file;         /* local sources */
  SoupMessage  *message;      /* http and https */
  GInputStream *stream;
  GByteArray   *body;
  gsize         max_body_size;

  /* Set while in the fetcher's queue and the caller gave a cancellable. */
  GSource      *queued_source;

  gboolean      active;       /* counted in GazetteFetcher:n_active */
  gboolean      redirected;
  gboolean      all_redirects_permanent;
} FetchData;

static void fetch_start (GazetteFetcher *self,
                         GTask          *task);

static void
fetch_data_free (FetchData *data)
{
  g_assert (data->queued_source == NULL);
  g_assert (data->stream == NULL);

  if (data->message != NULL)
    g_signal_handlers_disconnect_by_data (data->message, data);

  g_clear_object (&data->message);
  g_clear_object (&data->file);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_free (data->url);
  g_free (data->etag);
  g_free (data->last_modified);
  g_free (data);
}

/**
 * gazette_fetch_result_free:
 * @self: (nullable) (transfer full): a #GazetteFetchResult
 *
 * Frees a result returned by gazette_fetcher_fetch_finish().
 */
void
gazette_fetch_result_free (GazetteFetchResult *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self->content_type);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->final_url);
  g_free (self->permanent_url);
  g_free (self);
}

/**
 * gazette_fetch_error_get_retry_after:
 * @error: a #GError
 *
 * Gets the time after which a %GAZETTE_FETCH_ERROR_RETRY_LATER error suggests trying
 * again: the server's Retry-After header, or a default when it sent none.
 *
 * Returns: (transfer full) (nullable): the time to retry at, or %NULL if @error is not a
 *   %GAZETTE_FETCH_ERROR carrying one
 */
GDateTime *
gazette_fetch_error_get_retry_after (const GError *error)
{
  GazetteFetchErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != GAZETTE_FETCH_ERROR)
    return NULL;

  priv = gazette_fetch_error_get_private (error);
  if (priv == NULL || priv->retry_after == NULL)
    return NULL;

  return g_date_time_ref (priv->retry_after);
}

/* Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
static GDateTime *
parse_retry_after (const char *value,
                   guint       fallback_seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stripped = NULL;
  guint64 seconds = fallback_seconds;

  if (value != NULL)
    stripped = g_strstrip (g_strdup (value));

  if (stripped != NULL && g_ascii_isdigit (stripped[0]))
    {
      guint64 parsed;

      if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT64, &parsed, NULL))
        seconds = MIN (parsed, MAX_RETRY_AFTER);
    }
  else if (stripped != NULL)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (stripped);

      if (date != NULL)
        {
          GTimeSpan delta = g_date_time_difference (date, now) / G_TIME_SPAN_SECOND;

          seconds = CLAMP (delta, 0, MAX_RETRY_AFTER);
        }
    }

  return g_date_time_add_seconds (now, (gdouble) seconds);
}

static GError *
new_retry_later_error (GDateTime  *retry_after,
                       const char *message)
{
  GError *error = g_error_new_literal (GAZETTE_FETCH_ERROR,
                                       GAZETTE_FETCH_ERROR_RETRY_LATER,
                                       message);
  GazetteFetchErrorPrivate *priv = gazette_fetch_error_get_private (error);

  priv->retry_after = g_date_time_ref (retry_after);

  return error;
}

static GError *
new_too_large_error (gsize max_body_size)
{
  g_autofree char *size = g_format_size_full (max_body_size, G_FORMAT_SIZE_IEC_UNITS);

  return g_error_new (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TOO_LARGE,
                      /* Translators: %s is a size such as “32.0 MiB”. */
                      _("The feed is larger than the %s limit."), size);
}

/* Turns a transport or local I/O error into one of ours. Takes ownership of @error. */
static GError *
translate_error (GazetteFetcher *self,
                 FetchData      *data,
                 GError         *error)
{
  GError *translated = NULL;

  /* Callers test for cancellation with g_error_matches(), so it passes untouched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  if (data->file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
        translated = g_error_new (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NOT_FOUND,
                                  _("The file “%s” does not exist."), name);
      else
        translated = g_error_new (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NETWORK,
                                  /* Translators: the first %s is a file name, the second
                                   * the system's reason. */
                                  _("The file “%s” could not be read: %s"),
                                  name, error->message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      if (self->timeout > 0)
        translated = g_error_new (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TIMEOUT,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The server did not answer within %u second.",
                                               "The server did not answer within %u seconds.",
                                               self->timeout),
                                  self->timeout);
      else
        translated = g_error_new_literal (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_TIMEOUT,
                                          _("The server did not answer in time."));
    }
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS))
    {
      translated = g_error_new_literal (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_HTTP,
                                        _("The server redirected the request too many times."));
    }
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_NO_LOCATION) ||
           g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_BAD_URI))
    {
      translated = g_error_new_literal (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_HTTP,
                                        _("The server redirected the request to an "
                                          "invalid address."));
    }
  else
    {
      translated = g_error_new (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NETWORK,
                                /* Translators: %s is the system's reason, such as
                                 * “Connection refused”. */
                                _("The feed could not be downloaded: %s"), error->message);
    }

  g_debug ("Fetching %s failed: %s (%s, %d)",
           data->url, error->message, g_quark_to_string (error->domain), error->code);
  g_error_free (error);

  return translated;
}

/* libsoup reports only transport errors; an HTTP error status becomes a GError here. */
static GError *
error_for_status (SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr(GDateTime) retry_after = NULL;

  if (reason == NULL || reason[0] == '\0')
    reason = soup_status_get_phrase (status);

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
      return g_error_new_literal (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_NOT_FOUND,
                                  _("The feed was not found on the server (404 Not Found)."));

    case SOUP_STATUS_GONE:
      return g_error_new_literal (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_GONE,
                                  _("The feed was removed from the server (410 Gone)."));

    case 429: /* Too Many Requests: libsoup 3.2 has no name for it */
      retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                       DEFAULT_RETRY_AFTER_TOO_MANY_REQUESTS);
      return new_retry_later_error (retry_after,
                                    _("The server asked to be contacted less often "
                                      "(429 Too Many Requests)."));

    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                       DEFAULT_RETRY_AFTER_UNAVAILABLE);
      return new_retry_later_error (retry_after,
                                    _("The server is temporarily unavailable "
                                      "(503 Service Unavailable)."));

    default:
      return g_error_new (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_HTTP,
                          /* Translators: %u is an HTTP status code and %s its reason,
                           * as in “500 Internal Server Error”. */
                          _("The server answered “%u %s”."), status, reason);
    }
}

static void
stream_close_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Closing early is how we drop an unwanted body; only log what goes wrong. */
  if (!g_input_stream_close_finish (G_INPUT_STREAM (object), result, &error))
    g_debug ("Could not close a response stream: %s", error->message);
}

static void
fetcher_pump_queue (GazetteFetcher *self)
{
  while (self->n_active < self->max_concurrent && !g_queue_is_empty (&self->queue))
    {
      g_autoptr(GTask) task = g_queue_pop_head (&self->queue);

      fetch_start (self, task);
    }
}

/* Takes ownership of @result or @error. Every task ends here once it has started, so that
 * its slot goes to the next queued fetch whatever the outcome.
 */
static void
fetch_complete (GTask              *task,
                GazetteFetchResult *result,
                GError             *error)
{
  GazetteFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);

  g_assert ((result == NULL) != (error == NULL));

  if (data->stream != NULL)
    {
      /* A SoupClientInputStream closed before the end of its body drops the connection
       * instead of reading the rest, which is what an oversized body needs.
       */
      g_input_stream_close_async (data->stream, G_PRIORITY_DEFAULT, NULL,
                                  stream_close_cb, NULL);
      g_clear_object (&data->stream);
    }

  if (data->active)
    {
      data->active = FALSE;
      g_assert (self->n_active > 0);
      self->n_active--;
      fetcher_pump_queue (self);
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) gazette_fetch_result_free);
}

static GazetteFetchResult *
build_result (FetchData *data)
{
  GazetteFetchResult *result = g_new0 (GazetteFetchResult, 1);

  if (data->body != NULL)
    result->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));

  if (data->message != NULL)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);

      result->status = soup_message_get_status (data->message);
      result->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
      result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      result->last_modified = g_strdup (soup_message_headers_get_one (headers,
                                                                      "Last-Modified"));
      result->final_url = g_uri_to_string (soup_message_get_uri (data->message));

      if (data->redirected && data->all_redirects_permanent)
        result->permanent_url = g_strdup (result->final_url);
    }
  else
    {
      result->final_url = g_strdup (data->url);
    }

  return result;
}

static char *
guess_content_type (FetchData *data,
                    GBytes    *body)
{
  g_autofree char *basename = g_file_get_basename (data->file);
  g_autofree char *content_type = NULL;
  gboolean uncertain = FALSE;
  gsize size = 0;
  const guchar *bytes = g_bytes_get_data (body, &size);

  content_type = g_content_type_guess (basename, bytes, size, &uncertain);
  if (content_type == NULL || (uncertain && g_content_type_is_unknown (content_type)))
    return NULL;

  return g_content_type_get_mime_type (content_type);
}

static void read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
read_next (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  gsize room;

  /* Never ask for more than one byte past the cap: that byte is enough to know the body
   * is too large, and we stop reading there.
   */
  room = data->max_body_size - MIN (data->body->len, data->max_body_size);
  room = room < READ_CHUNK_SIZE ? room + 1 : READ_CHUNK_SIZE;

  g_input_stream_read_bytes_async (data->stream,
                                   room,
                                   G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task),
                                   read_cb,
                                   g_object_ref (task));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GazetteFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GazetteFetchResult *fetch_result;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      fetch_complete (task, NULL, translate_error (self, data, g_steal_pointer (&error)));
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size > 0)
    {
      if (size > data->max_body_size - MIN (data->body->len, data->max_body_size))
        {
          fetch_complete (task, NULL, new_too_large_error (data->max_body_size));
          return;
        }

      g_byte_array_append (data->body, g_bytes_get_data (bytes, NULL), size);
      read_next (task);
      return;
    }

  /* End of the body. The stream is finished with; closing it lets libsoup reuse the
   * connection.
   */
  fetch_result = build_result (data);
  if (data->file != NULL)
    fetch_result->content_type = guess_content_type (data, fetch_result->body);

  fetch_complete (task, fetch_result, NULL);
}

static void
start_reading (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  g_assert (data->stream != NULL);
  g_assert (data->body == NULL);

  data->body = g_byte_array_new ();
  read_next (task);
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GazetteFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GFileInputStream *stream;

  stream = g_file_read_finish (G_FILE (object), result, &error);
  if (stream == NULL)
    {
      fetch_complete (task, NULL, translate_error (self, data, g_steal_pointer (&error)));
      return;
    }

  data->stream = G_INPUT_STREAM (stream);
  start_reading (task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GazetteFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  GInputStream *stream;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      fetch_complete (task, NULL, translate_error (self, data, g_steal_pointer (&error)));
      return;
    }

  /* Owned from here, so fetch_complete() closes it on every path. */
  data->stream = stream;

  status = soup_message_get_status (data->message);
  headers = soup_message_get_response_headers (data->message);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      GazetteFetchResult *fetch_result = build_result (data);

      fetch_result->not_modified = TRUE;
      if (fetch_result->etag == NULL)
        fetch_result->etag = g_strdup (data->etag);
      if (fetch_result->last_modified == NULL)
        fetch_result->last_modified = g_strdup (data->last_modified);

      fetch_complete (task, fetch_result, NULL);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_debug ("Fetching %s: HTTP %u", data->url, status);
      fetch_complete (task, NULL, error_for_status (data->message));
      return;
    }

  /* Refuse before reading a byte when the server announces too much. With a
   * Content-Encoding this is the compressed size, and the decoded body is larger still.
   */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > data->max_body_size)
    {
      fetch_complete (task, NULL, new_too_large_error (data->max_body_size));
      return;
    }

  start_reading (task);
}

static void
message_restarted_cb (SoupMessage *message,
                      FetchData   *data)
{
  guint status = soup_message_get_status (message);

  /* "restarted" also follows authentication and HTTP/2 misdirected retries, which say
   * nothing about where the feed lives; only redirects count.
   */
  if (!SOUP_STATUS_IS_REDIRECTION (status))
    return;

  data->redirected = TRUE;
  if (status != SOUP_STATUS_MOVED_PERMANENTLY && status != SOUP_STATUS_PERMANENT_REDIRECT)
    data->all_redirects_permanent = FALSE;
}

static void
fetch_start (GazetteFetcher *self,
             GTask          *task)
{
  FetchData *data = g_task_get_task_data (task);

  g_assert (!data->active);

  if (data->queued_source != NULL)
    {
      g_source_destroy (data->queued_source);
      g_clear_pointer (&data->queued_source, g_source_unref);
    }

  data->active = TRUE;
  self->n_active++;

  if (data->file != NULL)
    {
      g_file_read_async (data->file,
                         G_PRIORITY_DEFAULT,
                         g_task_get_cancellable (task),
                         file_read_cb,
                         g_object_ref (task));
      return;
    }

  g_assert (data->message != NULL);

  soup_session_send_async (self->session,
                           data->message,
                           G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task),
                           send_cb,
                           g_object_ref (task));
}

static gboolean
queued_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  GazetteFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  gboolean was_queued;

  g_clear_pointer (&data->queued_source, g_source_unref);

  /* The queue's reference keeps the task alive until here. */
  was_queued = g_queue_remove (&self->queue, task);
  g_assert (was_queued);

  g_task_return_error_if_cancelled (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static SoupMessage *
new_message (FetchData  *data,
             GError    **error)
{
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *message;

  uri = g_uri_parse (data->url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_UNSUPPORTED,
                   _("“%s” is not a valid web address."), data->url);
      return NULL;
    }

  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  headers = soup_message_get_request_headers (message);

  soup_message_headers_replace (headers, "Accept", ACCEPT_HEADER);
  if (data->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", data->etag);
  if (data->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", data->last_modified);

  g_signal_connect (message, "restarted", G_CALLBACK (message_restarted_cb), data);

  return message;
}

/**
 * gazette_fetcher_fetch_async:
 * @self: a #GazetteFetcher
 * @request: what to fetch, and the validators of the copy already stored
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the fetch completes
 * @user_data: data for @callback
 *
 * Fetches @request->url: http and https over the network (with a conditional GET when
 * @request has an ETag or Last-Modified), file and resource URLs through #GFile. Fetches
 * beyond the fetcher's concurrency limit wait their turn, oldest first.
 *
 * @request is copied; it need not outlive this call.
 */
void
gazette_fetcher_fetch_async (GazetteFetcher            *self,
                             const GazetteFetchRequest *request,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  FetchData *data;
  const char *scheme;

  g_return_if_fail (GAZETTE_IS_FETCHER (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gazette_fetcher_fetch_async);

  data = g_new0 (FetchData, 1);
  data->url = g_strdup (request->url);
  data->etag = g_strdup (request->etag);
  data->last_modified = g_strdup (request->last_modified);
  data->all_redirects_permanent = TRUE;
  data->max_body_size = request->max_body_size > 0 ?
                        MIN (request->max_body_size, self->max_body_size) : self->max_body_size;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  scheme = g_uri_peek_scheme (request->url);

  if (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0)
    {
      data->message = new_message (data, &error);
      if (data->message == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (g_strcmp0 (scheme, "file") == 0 || g_strcmp0 (scheme, "resource") == 0)
    {
      data->file = g_file_new_for_uri (request->url);
    }
  else if (scheme != NULL)
    {
      g_task_return_new_error (task, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_UNSUPPORTED,
                               /* Translators: %s is the part of an address before the
                                * colon, such as “ftp”. */
                               _("Addresses starting with “%s:” are not supported."), scheme);
      return;
    }
  else
    {
      g_task_return_new_error (task, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_UNSUPPORTED,
                               _("“%s” is not a valid web address."), request->url);
      return;
    }

  if (self->n_active < self->max_concurrent)
    {
      fetch_start (self, task);
      return;
    }

  g_queue_push_tail (&self->queue, g_object_ref (task));

  /* A queued fetch has no I/O to notice cancellation, so watch the cancellable. The
   * source dispatches in the task's context, whichever thread cancels.
   */
  if (cancellable != NULL)
    {
      data->queued_source = g_cancellable_source_new (cancellable);
      g_task_attach_source (task, data->queued_source, (GSourceFunc) queued_cancelled_cb);
    }
}

/**
 * gazette_fetcher_fetch_finish:
 * @self: a #GazetteFetcher
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Completes gazette_fetcher_fetch_async(). Errors are in the %GAZETTE_FETCH_ERROR domain
 * with messages fit to show to users, except %G_IO_ERROR_CANCELLED which is returned
 * unchanged.
 *
 * Returns: (transfer full): the result, to free with gazette_fetch_result_free(), or
 *   %NULL on error
 */
GazetteFetchResult *
gazette_fetcher_fetch_finish (GazetteFetcher  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (GAZETTE_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gazette_fetcher_fetch_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gazette_fetcher_set_timeout:
 * @self: a #GazetteFetcher
 * @seconds: how long to wait for the server at each step, 0 for no limit
 *
 * Sets how long connecting and each read may take before a fetch fails with
 * %GAZETTE_FETCH_ERROR_TIMEOUT.
 */
void
gazette_fetcher_set_timeout (GazetteFetcher *self,
                             guint           seconds)
{
  g_return_if_fail (GAZETTE_IS_FETCHER (self));

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  soup_session_set_idle_timeout (self->session, seconds);
}

/**
 * gazette_fetcher_set_max_body_size:
 * @self: a #GazetteFetcher
 * @max_body_size: the largest body, in bytes, after decompression
 *
 * Sets the size above which a fetch fails with %GAZETTE_FETCH_ERROR_TOO_LARGE. Reading
 * stops as soon as the limit is passed.
 */
void
gazette_fetcher_set_max_body_size (GazetteFetcher *self,
                                   gsize           max_body_size)
{
  g_return_if_fail (GAZETTE_IS_FETCHER (self));
  g_return_if_fail (max_body_size > 0);

  self->max_body_size = max_body_size;
}

/**
 * gazette_fetcher_set_max_concurrent:
 * @self: a #GazetteFetcher
 * @max_concurrent: how many fetches may run at once, at least 1
 *
 * Sets how many fetches run at the same time; the others wait in order.
 */
void
gazette_fetcher_set_max_concurrent (GazetteFetcher *self,
                                    guint           max_concurrent)
{
  g_return_if_fail (GAZETTE_IS_FETCHER (self));
  g_return_if_fail (max_concurrent > 0);

  self->max_concurrent = max_concurrent;
  fetcher_pump_queue (self);
}

/**
 * gazette_fetcher_new:
 *
 * Creates a fetcher with its own HTTP session, the default timeout
 * (%GAZETTE_FETCHER_DEFAULT_TIMEOUT_SECONDS), body size limit
 * (%GAZETTE_FETCHER_DEFAULT_MAX_BODY_SIZE) and concurrency
 * (%GAZETTE_FETCHER_DEFAULT_MAX_CONCURRENT).
 *
 * Returns: (transfer full): a new #GazetteFetcher
 */
GazetteFetcher *
gazette_fetcher_new (void)
{
  return g_object_new (GAZETTE_TYPE_FETCHER, NULL);
}

static void
gazette_fetcher_dispose (GObject *object)
{
  GazetteFetcher *self = (GazetteFetcher *) object;

  /* Each task holds a reference to us, so nothing can still be queued or running. */
  g_assert (g_queue_is_empty (&self->queue));

  g_clear_object (&self->session);

  G_OBJECT_CLASS (gazette_fetcher_parent_class)->dispose (object);
}

static void
gazette_fetcher_class_init (GazetteFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gazette_fetcher_dispose;
}

static void
gazette_fetcher_init (GazetteFetcher *self)
{
  g_queue_init (&self->queue);

  self->timeout = GAZETTE_FETCHER_DEFAULT_TIMEOUT_SECONDS;
  self->max_body_size = GAZETTE_FETCHER_DEFAULT_MAX_BODY_SIZE;
  self->max_concurrent = GAZETTE_FETCHER_DEFAULT_MAX_CONCURRENT;

  /* SoupContentDecoder is in every session by default: it sends Accept-Encoding and
   * undoes gzip and deflate (and brotli where libsoup has it) while we read.
   *
   * libsoup's own connection limits (2 per host by default) are construct-only and would
   * silently lower the cap set with gazette_fetcher_set_max_concurrent(), so they are
   * raised here; the fetcher's queue is what limits concurrency. Six per host is what
   * browsers allow a single server.
   */
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", self->timeout,
                                                 "idle-timeout", self->timeout,
                                                 "max-conns", 32,
                                                 "max-conns-per-host", 6,
                                                 NULL);
}
