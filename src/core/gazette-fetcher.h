/* gazette-fetcher.h
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

#pragma once

#include <gio/gio.h>

#include "gazette-types.h"

G_BEGIN_DECLS

#define GAZETTE_FETCH_ERROR (gazette_fetch_error_quark ())

typedef enum {
  GAZETTE_FETCH_ERROR_NETWORK,      /* cannot resolve, connect, or the connection broke */
  GAZETTE_FETCH_ERROR_TIMEOUT,      /* the server did not answer in time */
  GAZETTE_FETCH_ERROR_HTTP,         /* any other HTTP error status */
  GAZETTE_FETCH_ERROR_NOT_FOUND,    /* 404, or no such local file */
  GAZETTE_FETCH_ERROR_GONE,         /* 410: the feed was removed for good */
  GAZETTE_FETCH_ERROR_RETRY_LATER,  /* 429 or 503; see gazette_fetch_error_get_retry_after() */
  GAZETTE_FETCH_ERROR_TOO_LARGE,    /* the body went over the size cap */
  GAZETTE_FETCH_ERROR_UNSUPPORTED,  /* a URL scheme we do not fetch */
} GazetteFetchError;

/* What to fetch and what we already have of it. */
typedef struct
{
  char *url;
  char *etag;              /* or NULL */
  char *last_modified;     /* or NULL */
  gsize max_body_size;     /* a smaller cap for this request (images), or 0 for the fetcher's */
} GazetteFetchRequest;

typedef struct
{
  gboolean   not_modified;        /* 304: body is NULL */
  GBytes    *body;                /* decoded (gzip/deflate undone) */
  char      *content_type;        /* media type with parameters, or NULL */
  char      *etag;                /* from this response, or NULL */
  char      *last_modified;       /* from this response, or NULL */
  char      *final_url;           /* after redirects */
  char      *permanent_url;       /* the new URL when every redirect was permanent, or NULL */
  guint      status;              /* HTTP status, 0 for local files */
} GazetteFetchResult;

#define GAZETTE_FETCHER_DEFAULT_TIMEOUT_SECONDS 30
#define GAZETTE_FETCHER_DEFAULT_MAX_BODY_SIZE   (32 * 1024 * 1024)
#define GAZETTE_FETCHER_DEFAULT_MAX_CONCURRENT  4

#define GAZETTE_TYPE_FETCHER (gazette_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (GazetteFetcher, gazette_fetcher, GAZETTE, FETCHER, GObject)

GQuark              gazette_fetch_error_quark          (void);
GDateTime          *gazette_fetch_error_get_retry_after (const GError         *error);

GazetteFetcher     *gazette_fetcher_new                (void);
void                gazette_fetcher_set_timeout        (GazetteFetcher       *self,
                                                        guint                 seconds);
void                gazette_fetcher_set_max_body_size  (GazetteFetcher       *self,
                                                        gsize                 max_body_size);
void                gazette_fetcher_set_max_concurrent (GazetteFetcher       *self,
                                                        guint                 max_concurrent);
void                gazette_fetcher_fetch_async        (GazetteFetcher       *self,
                                                        const GazetteFetchRequest *request,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GazetteFetchResult *gazette_fetcher_fetch_finish       (GazetteFetcher       *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

void                gazette_fetch_result_free          (GazetteFetchResult   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteFetchResult, gazette_fetch_result_free)

G_END_DECLS
