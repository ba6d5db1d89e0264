/* gazette-feed-probe.c
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

#define G_LOG_DOMAIN "gazette-feed-probe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "gazette-feed-parser.h"
#include "gazette-feed-probe.h"
#include "gazette-html.h"

/* Both boxed types are reference-counted boxes: copying one is cheap and both are
 * immutable once built. */

struct _GazetteFeedLink
{
  char *url;
  char *title;
  char *content_type;
};

struct _GazetteFeedProbe
{
  char      *url;
  gboolean   is_feed;
  char      *title;
  guint      n_items;
  GPtrArray *problems;      /* GazetteProblem */
  GPtrArray *alternatives;  /* GazetteFeedLink */
};

G_DEFINE_QUARK (gazette-feed-probe-error-quark, gazette_feed_probe_error)
G_DEFINE_BOXED_TYPE (GazetteFeedProbe, gazette_feed_probe,
                     gazette_feed_probe_copy, gazette_feed_probe_free)
G_DEFINE_BOXED_TYPE (GazetteFeedLink, gazette_feed_link,
                     gazette_feed_link_copy, gazette_feed_link_free)

/* Feed types a page may announce; JSON Feed 1.0 pages also said plain application/json. */
static const char * const feed_types[] = {
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
  "application/json",
};

static void
feed_link_clear (GazetteFeedLink *link)
{
  g_free (link->url);
  g_free (link->title);
  g_free (link->content_type);
}

/**
 * gazette_feed_link_copy:
 * @link: a link
 *
 * Returns: (transfer full): @link, with one more reference
 */
GazetteFeedLink *
gazette_feed_link_copy (GazetteFeedLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);

  return g_atomic_rc_box_acquire (link);
}

/**
 * gazette_feed_link_free:
 * @link: (transfer full) (nullable): a link
 *
 * Drops a reference to @link.
 */
void
gazette_feed_link_free (GazetteFeedLink *link)
{
  if (link != NULL)
    g_atomic_rc_box_release_full (link, (GDestroyNotify) feed_link_clear);
}

/**
 * gazette_feed_link_get_url:
 * @link: a link
 *
 * Returns: the feed's address, resolved against the page
 */
const char *
gazette_feed_link_get_url (const GazetteFeedLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);

  return link->url;
}

/**
 * gazette_feed_link_get_title:
 * @link: a link
 *
 * Returns: (nullable): the title the page gives the feed
 */
const char *
gazette_feed_link_get_title (const GazetteFeedLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);

  return link->title;
}

/**
 * gazette_feed_link_get_content_type:
 * @link: a link
 *
 * Returns: the media type the page announces, such as `application/atom+xml`
 */
const char *
gazette_feed_link_get_content_type (const GazetteFeedLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);

  return link->content_type;
}

static void
feed_probe_clear (GazetteFeedProbe *probe)
{
  g_free (probe->url);
  g_free (probe->title);
  g_clear_pointer (&probe->problems, g_ptr_array_unref);
  g_clear_pointer (&probe->alternatives, g_ptr_array_unref);
}

static GazetteFeedProbe *
feed_probe_new (const char *url)
{
  GazetteFeedProbe *probe = g_atomic_rc_box_new0 (GazetteFeedProbe);

  probe->url = g_strdup (url);
  probe->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);
  probe->alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_feed_link_free);

  return probe;
}

/**
 * gazette_feed_probe_copy:
 * @probe: a probe
 *
 * Returns: (transfer full): @probe, with one more reference
 */
GazetteFeedProbe *
gazette_feed_probe_copy (GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, NULL);

  return g_atomic_rc_box_acquire (probe);
}

/**
 * gazette_feed_probe_free:
 * @probe: (transfer full) (nullable): a probe
 *
 * Drops a reference to @probe.
 */
void
gazette_feed_probe_free (GazetteFeedProbe *probe)
{
  if (probe != NULL)
    g_atomic_rc_box_release_full (probe, (GDestroyNotify) feed_probe_clear);
}

/**
 * gazette_feed_probe_get_url:
 * @probe: a probe
 *
 * Returns: the address to subscribe to: the one probed, with https:// added when it had no
 *   scheme, or where permanent redirects led
 */
const char *
gazette_feed_probe_get_url (const GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, NULL);

  return probe->url;
}

/**
 * gazette_feed_probe_is_feed:
 * @probe: a probe
 *
 * Returns: whether the address is itself a feed that Gazette could read
 */
gboolean
gazette_feed_probe_is_feed (const GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, FALSE);

  return probe->is_feed;
}

/**
 * gazette_feed_probe_get_title:
 * @probe: a probe
 *
 * Returns: (nullable): the feed's title, when the address is a feed
 */
const char *
gazette_feed_probe_get_title (const GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, NULL);

  return probe->title;
}

/**
 * gazette_feed_probe_get_n_items:
 * @probe: a probe
 *
 * Returns: how many items the feed has now, when the address is a feed
 */
guint
gazette_feed_probe_get_n_items (const GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, 0);

  return probe->n_items;
}

/**
 * gazette_feed_probe_get_problems:
 * @probe: a probe
 *
 * Returns: (transfer none) (element-type GazetteProblem): what is wrong with the feed
 *   without keeping it from being read (warnings, items left out), possibly empty
 */
GPtrArray *
gazette_feed_probe_get_problems (const GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, NULL);

  return probe->problems;
}

/**
 * gazette_feed_probe_get_alternatives:
 * @probe: a probe
 *
 * Returns: (transfer none) (element-type GazetteFeedLink): when the address is a web page,
 *   the feeds it links to, in page order, each once; otherwise empty
 */
GPtrArray *
gazette_feed_probe_get_alternatives (const GazetteFeedProbe *probe)
{
  g_return_val_if_fail (probe != NULL, NULL);

  return probe->alternatives;
}

/**
 * gazette_feed_probe_normalize_url:
 * @url: what somebody typed as a feed's address
 *
 * Trims @url and gives an address without a scheme https://.
 *
 * Returns: (transfer full): the address to fetch
 */
char *
gazette_feed_probe_normalize_url (const char *url)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  if (g_uri_peek_scheme (trimmed) != NULL)
    return g_steal_pointer (&trimmed);

  /* "//example.org/feed" is scheme-relative; "example.org/feed" is a host. */
  if (g_str_has_prefix (trimmed, "//"))
    return g_strconcat ("https:", trimmed, NULL);

  return g_strconcat ("https://", trimmed, NULL);
}

/* Discovery */

static gboolean
media_type_is (const char *content_type,
               const char *type)
{
  gsize len = strlen (type);

  return content_type != NULL && g_ascii_strncasecmp (content_type, type, len) == 0 &&
         (content_type[len] == '\0' || content_type[len] == ';' || content_type[len] == ' ');
}

static gboolean
looks_like_html (GazetteFetchResult *result)
{
  const char *data;
  gsize len = 0;
  g_autofree char *head = NULL;

  if (media_type_is (result->content_type, "text/html") ||
      media_type_is (result->content_type, "application/xhtml+xml"))
    return TRUE;

  data = g_bytes_get_data (result->body, &len);
  head = g_ascii_strdown (data, MIN (len, 1024));

  return strstr (head, "<!doctype html") != NULL || strstr (head, "<html") != NULL;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret = NULL;

  if (value != NULL)
    {
      ret = g_strstrip (g_strdup ((const char *) value));
      xmlFree (value);
      if (ret[0] == '\0')
        g_clear_pointer (&ret, g_free);
    }

  return ret;
}

static gboolean
rel_has (const char *rel,
         const char *token)
{
  g_auto(GStrv) tokens = NULL;

  if (rel == NULL)
    return FALSE;

  tokens = g_strsplit_set (rel, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;

  return FALSE;
}

typedef struct
{
  char      *base;          /* the page's address, or its <base href> */
  gboolean   have_base;
  GPtrArray *links;
  guint      depth;
} Discovery;

static void
discover (Discovery *d,
          xmlNode   *node)
{
  /* libxml2's HTML parser stops far above this depth already; the bound keeps the walk safe
   * whatever it does. */
  if (++d->depth > 256)
    {
      d->depth--;
      return;
    }

  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_ascii_strcasecmp (name, "base") == 0 && !d->have_base)
        {
          g_autofree char *href = get_attr (node, "href");
          char *resolved = href != NULL ?
            g_uri_resolve_relative (d->base, href, G_URI_FLAGS_NONE, NULL) : NULL;

          if (resolved != NULL)
            {
              g_free (d->base);
              d->base = resolved;
              d->have_base = TRUE;
            }
        }
      else if (g_ascii_strcasecmp (name, "link") == 0)
        {
          g_autofree char *rel = get_attr (node, "rel");
          g_autofree char *type = get_attr (node, "type");
          g_autofree char *href = get_attr (node, "href");
          g_autofree char *url = NULL;
          g_autofree char *scheme = NULL;
          const char *content_type = NULL;
          GazetteFeedLink *link;
          gboolean seen = FALSE;

          if (!rel_has (rel, "alternate") || type == NULL || href == NULL)
            continue;
          for (guint i = 0; i < G_N_ELEMENTS (feed_types); i++)
            if (media_type_is (type, feed_types[i]))
              content_type = feed_types[i];
          if (content_type == NULL)
            continue;

          url = g_uri_resolve_relative (d->base, href, G_URI_FLAGS_NONE, NULL);
          scheme = url != NULL ? g_uri_parse_scheme (url) : NULL;
          if (scheme == NULL ||
              (g_ascii_strcasecmp (scheme, "http") != 0 &&
               g_ascii_strcasecmp (scheme, "https") != 0))
            continue;

          for (guint i = 0; i < d->links->len && !seen; i++)
            seen = g_str_equal (((GazetteFeedLink *) g_ptr_array_index (d->links, i))->url, url);
          if (seen)
            continue;

          link = g_atomic_rc_box_new0 (GazetteFeedLink);
          link->url = g_steal_pointer (&url);
          link->title = get_attr (node, "title");
          link->content_type = g_strdup (content_type);
          g_ptr_array_add (d->links, link);
        }
      else
        discover (d, node->children);
    }

  d->depth--;
}

/* Finds the feeds a web page links to. */
static void
discover_feeds (GazetteFetchResult *result,
                GPtrArray          *links)
{
  Discovery d = { 0 };
  g_autofree char *charset = NULL;
  const char *data;
  const char *param;
  gsize len = 0;
  htmlDocPtr doc;

  data = g_bytes_get_data (result->body, &len);

  /* The server's charset, else libxml2 reads <meta charset>. */
  if (result->content_type != NULL &&
      (param = strstr (result->content_type, "charset=")) != NULL)
    charset = g_strndup (param + 8, strcspn (param + 8, "; \t\""));

  gazette_libxml_init ();
  doc = htmlReadMemory (data, (int) MIN (len, (gsize) G_MAXINT), result->final_url, charset,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET);
  if (doc == NULL)
    return;

  d.base = g_strdup (result->final_url);
  d.links = links;
  discover (&d, doc->children);

  g_free (d.base);
  xmlFreeDoc (doc);
}

/* The probe */

/* Runs in a worker thread: parsing a large feed should not stall the window. */
static void
probe_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GazetteFetchResult *result = task_data;
  g_autoptr(GazetteFeedProbe) probe = NULL;
  g_autoptr(GazetteFeedDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean html;
  const char *url = result->permanent_url != NULL ? result->permanent_url
                                                   : g_object_get_data (G_OBJECT (task), "url");

  probe = feed_probe_new (url);

  if (result->body == NULL || g_bytes_get_size (result->body) == 0)
    {
      g_task_return_new_error (task, GAZETTE_FEED_PROBE_ERROR,
                               GAZETTE_FEED_PROBE_ERROR_NOT_A_FEED,
                               /* Translators: %s is a web address */
                               _("“%s” sent nothing: it is not a feed."), url);
      return;
    }

  html = looks_like_html (result);
  if (!html)
    {
      document = gazette_feed_parse (result->body, result->content_type, result->final_url,
                                     probe->problems, &error);
      if (document != NULL)
        {
          probe->is_feed = TRUE;
          probe->title = g_strdup (document->title);
          probe->n_items = document->announcements->len;
          g_task_return_pointer (task, g_steal_pointer (&probe),
                                 (GDestroyNotify) gazette_feed_probe_free);
          return;
        }
      g_ptr_array_set_size (probe->problems, 0);
    }

  discover_feeds (result, probe->alternatives);
  if (probe->alternatives->len > 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&probe),
                             (GDestroyNotify) gazette_feed_probe_free);
      return;
    }

  if (html)
    g_task_return_new_error (task, GAZETTE_FEED_PROBE_ERROR, GAZETTE_FEED_PROBE_ERROR_NO_FEED,
                             /* Translators: %s is a web address */
                             _("“%s” is a web page that links to no feed. Look on the site for "
                               "a link to its RSS, Atom or JSON feed."), url);
  else
    g_task_return_new_error (task, GAZETTE_FEED_PROBE_ERROR,
                             GAZETTE_FEED_PROBE_ERROR_NOT_A_FEED,
                             /* Translators: the first %s is a web address, the second why it
                              * could not be read */
                             _("“%s” is not a feed Gazette can read: %s"), url, error->message);
}

static void
probe_fetch_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GazetteFetchResult *fetch_result;
  GError *error = NULL;

  fetch_result = gazette_fetcher_fetch_finish (GAZETTE_FETCHER (object), result, &error);
  if (fetch_result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, fetch_result, (GDestroyNotify) gazette_fetch_result_free);
  g_task_run_in_thread (task, probe_worker);
}

/**
 * gazette_feed_probe_async:
 * @fetcher: the fetcher to fetch with
 * @url: an address as somebody typed it; without a scheme it gets https://
 * @cancellable: (nullable): a cancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Finds out what @url is before subscribing to it: a feed Gazette can read (with its title,
 * item count and problems), or a web page, with the RSS, Atom and JSON feeds its
 * `<link rel="alternate">` elements announce. Nothing is stored.
 *
 * Fails with a #GAZETTE_FETCH_ERROR when the server cannot be reached or answers with an
 * error status, %GAZETTE_FEED_PROBE_ERROR_NO_FEED for a web page without feeds, and
 * %GAZETTE_FEED_PROBE_ERROR_NOT_A_FEED for anything else.
 */
void
gazette_feed_probe_async (GazetteFetcher      *fetcher,
                          const char          *url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *normalized = NULL;
  GazetteFetchRequest request = { 0 };

  g_return_if_fail (GAZETTE_IS_FETCHER (fetcher));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  normalized = gazette_feed_probe_normalize_url (url);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gazette_feed_probe_async);
  g_object_set_data_full (G_OBJECT (task), "url", g_strdup (normalized), g_free);

  request.url = normalized;
  gazette_fetcher_fetch_async (fetcher, &request, cancellable, probe_fetch_cb,
                               g_steal_pointer (&task));
}

/**
 * gazette_feed_probe_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the address is, or %NULL with @error set
 */
GazetteFeedProbe *
gazette_feed_probe_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gazette_feed_probe_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
