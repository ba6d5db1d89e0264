/* gazette-feed.c
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

#define G_LOG_DOMAIN "gazette-feed"

#include "config.h"

#include "gazette-feed-private.h"

G_DEFINE_FINAL_TYPE (GazetteFeed, gazette_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_URL,
  PROP_TITLE,
  PROP_DISPLAY_NAME,
  PROP_LAST_ERROR,
  PROP_GONE,
  PROP_N_UNREAD,
  PROP_N_ANNOUNCEMENTS,
  PROP_FOLDER,
  PROP_WARNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The host part of the URL, kept beside the feed because the struct is filled field by
 * field by the store and the sync, which would not know to update a cached value; we
 * recompute it whenever the URL it came from changes. */
typedef struct
{
  char *url;
  char *host;
} HostCache;

static GQuark host_cache_quark;

static void
host_cache_free (gpointer data)
{
  HostCache *cache = data;

  g_free (cache->url);
  g_free (cache->host);
  g_free (cache);
}

static void
gazette_feed_finalize (GObject *object)
{
  GazetteFeed *self = (GazetteFeed *) object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->home_page_url, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->icon_url, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->last_checked, g_date_time_unref);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->last_error_time, g_date_time_unref);
  g_clear_pointer (&self->retry_after, g_date_time_unref);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (gazette_feed_parent_class)->finalize (object);
}

static void
gazette_feed_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GazetteFeed *self = GAZETTE_FEED (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, gazette_feed_get_display_name (self));
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_GONE:
      g_value_set_boolean (value, self->gone);
      break;

    case PROP_N_UNREAD:
      g_value_set_uint (value, self->n_unread);
      break;

    case PROP_N_ANNOUNCEMENTS:
      g_value_set_uint (value, self->n_announcements);
      break;

    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_WARNING:
      g_value_set_string (value, self->warning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_feed_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GazetteFeed *self = GAZETTE_FEED (object);

  switch (prop_id)
    {
    case PROP_URL:
      _gazette_feed_set_string (&self->url, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_feed_class_init (GazetteFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gazette_feed_finalize;
  object_class->get_property = gazette_feed_get_property;
  object_class->set_property = gazette_feed_set_property;

  host_cache_quark = g_quark_from_static_string ("gazette-feed-host-cache");

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_GONE] =
    g_param_spec_boolean ("gone", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_UNREAD] =
    g_param_spec_uint ("n-unread", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ANNOUNCEMENTS] =
    g_param_spec_uint ("n-announcements", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_WARNING] =
    g_param_spec_string ("warning", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gazette_feed_init (GazetteFeed *self)
{
}

/**
 * gazette_feed_new:
 * @url: (nullable): where the feed is fetched from
 *
 * Returns: (transfer full): a new, unstored #GazetteFeed
 */
GazetteFeed *
gazette_feed_new (const char *url)
{
  return g_object_new (GAZETTE_TYPE_FEED,
                       "url", url,
                       NULL);
}

/**
 * gazette_feed_get_id:
 * @self: a #GazetteFeed
 *
 * Returns: the store's id for the feed, or 0 when it is not stored
 */
gint64
gazette_feed_get_id (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), 0);

  return self->id;
}

/**
 * gazette_feed_get_url:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): where the feed is fetched from
 */
const char *
gazette_feed_get_url (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->url;
}

/**
 * gazette_feed_get_title:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): the title the feed gives itself
 */
const char *
gazette_feed_get_title (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->title;
}

static const char *
get_host (GazetteFeed *self)
{
  HostCache *cache;

  if (self->url == NULL)
    return NULL;

  cache = g_object_get_qdata (G_OBJECT (self), host_cache_quark);
  if (cache == NULL || g_strcmp0 (cache->url, self->url) != 0)
    {
      g_autoptr(GUri) uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);
      const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

      cache = g_new0 (HostCache, 1);
      cache->url = g_strdup (self->url);
      cache->host = host != NULL && host[0] != '\0' ? g_strdup (host) : NULL;
      g_object_set_qdata_full (G_OBJECT (self), host_cache_quark, cache, host_cache_free);
    }

  return cache->host;
}

/**
 * gazette_feed_get_display_name:
 * @self: a #GazetteFeed
 *
 * Gets what to call the feed: its title, or the host it comes from when it has none
 * (before the first fetch, say), or else its URL.
 *
 * Returns: (nullable): the name to show
 */
const char *
gazette_feed_get_display_name (GazetteFeed *self)
{
  const char *host;

  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  if (self->title != NULL && self->title[0] != '\0')
    return self->title;

  host = get_host (self);
  if (host != NULL)
    return host;

  return self->url;
}

/**
 * gazette_feed_get_home_page_url:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): the publisher's web site
 */
const char *
gazette_feed_get_home_page_url (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->home_page_url;
}

/**
 * gazette_feed_get_language:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): the BCP 47 tag of the feed's language
 */
const char *
gazette_feed_get_language (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->language;
}

/**
 * gazette_feed_get_publisher:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): who publishes the feed
 */
const char *
gazette_feed_get_publisher (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->publisher;
}

/**
 * gazette_feed_get_etag:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): the ETag of the last response
 */
const char *
gazette_feed_get_etag (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->etag;
}

/**
 * gazette_feed_get_last_modified:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): the Last-Modified header of the last response, verbatim
 */
const char *
gazette_feed_get_last_modified (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->last_modified;
}

/**
 * gazette_feed_get_last_checked:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable) (transfer none): when the feed was last fetched, successfully or not
 */
GDateTime *
gazette_feed_get_last_checked (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->last_checked;
}

/**
 * gazette_feed_get_last_success:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable) (transfer none): when the feed was last fetched successfully
 */
GDateTime *
gazette_feed_get_last_success (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->last_success;
}

/**
 * gazette_feed_get_last_error:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): why the last fetch failed, for people
 */
const char *
gazette_feed_get_last_error (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->last_error;
}

/**
 * gazette_feed_get_last_error_time:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable) (transfer none): when the last fetch failed
 */
GDateTime *
gazette_feed_get_last_error_time (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->last_error_time;
}

/**
 * gazette_feed_get_retry_after:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable) (transfer none): the time before which the server asked not to be
 *   fetched again
 */
GDateTime *
gazette_feed_get_retry_after (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->retry_after;
}

/**
 * gazette_feed_get_gone:
 * @self: a #GazetteFeed
 *
 * Returns: %TRUE when the server said the feed is gone for good
 */
gboolean
gazette_feed_get_gone (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), FALSE);

  return self->gone;
}

/**
 * gazette_feed_get_n_announcements:
 * @self: a #GazetteFeed
 *
 * Returns: how many announcements the store holds for the feed, when a query filled it in
 */
guint
gazette_feed_get_n_announcements (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), 0);

  return self->n_announcements;
}

/**
 * gazette_feed_get_n_unread:
 * @self: a #GazetteFeed
 *
 * Returns: how many of the feed's announcements are unread, when a query filled it in
 */
guint
gazette_feed_get_n_unread (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), 0);

  return self->n_unread;
}

/**
 * gazette_feed_get_folder:
 * @self: a #GazetteFeed
 *
 * Returns: (nullable): the folder the feed is filed in (from an OPML import, nested
 *   folders joined with “/”), or %NULL at the top level
 */
const char *
gazette_feed_get_folder (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->folder;
}

/**
 * gazette_feed_get_warning:
 * @self: a #GazetteFeed
 *
 * A warning is not a failure: the last document was stored, but something in it was
 * wrong, such as XML that had to be repaired to read its items.
 *
 * Returns: (nullable): what was wrong with the last document stored, for people
 */
const char *
gazette_feed_get_warning (GazetteFeed *self)
{
  g_return_val_if_fail (GAZETTE_IS_FEED (self), NULL);

  return self->warning;
}

/*
 * _gazette_feed_set_string:
 * @field: a string field of a #GazetteFeed
 * @value: (nullable): the new value
 *
 * Replaces *@field with a copy of @value; @value may point into the old string.
 */
void
_gazette_feed_set_string (char       **field,
                          const char  *value)
{
  char *copy;

  g_return_if_fail (field != NULL);

  if (*field == value)
    return;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/*
 * _gazette_feed_set_datetime:
 * @field: a #GDateTime field of a #GazetteFeed
 * @value: (nullable): the new value
 *
 * Replaces *@field with a new reference to @value.
 */
void
_gazette_feed_set_datetime (GDateTime **field,
                            GDateTime  *value)
{
  g_return_if_fail (field != NULL);

  if (*field == value)
    return;

  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
}
