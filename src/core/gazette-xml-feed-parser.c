/* gazette-xml-feed-parser.c
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

#define G_LOG_DOMAIN "gazette-xml-parser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <string.h>

#include "gazette-announcement-private.h"
#include "gazette-html.h"
#include "gazette-localized.h"
#include "gazette-sanitizer.h"
#include "gazette-xml-feed-parser.h"

#define NS_ATOM    "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC      "http://purl.org/dc/elements/1.1/"
#define NS_MEDIA   "http://search.yahoo.com/mrss/"
#define NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS090  "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RSS10   "http://purl.org/rss/1.0/"
#define NS_XHTML   "http://www.w3.org/1999/xhtml"

typedef struct
{
  GPtrArray  *problems;
  const char *base_url;
  GDateTime  *now;
  char       *feed_language;
  char       *feed_author;

  /* The first error libxml2 reported, for the message the user sees. */
  gboolean    have_error;
  guint       error_line;
  guint       error_column;
} Parser;

static void
on_xml_error (void       *data,
              xmlErrorPtr xml_error)
{
  xmlParserCtxtPtr ctxt = data;
  Parser *p = ctxt->_private;
  g_autofree char *detail = g_strchomp (g_strdup (xml_error->message != NULL ?
                                                   xml_error->message : ""));

  /* libxml2 messages are English only; they go to the debug log, the user gets ours. */
  g_debug ("XML line %d, column %d: %s", xml_error->line, xml_error->int2, detail);

  if (xml_error->level < XML_ERR_ERROR || p->have_error)
    return;

  p->have_error = TRUE;
  p->error_line = MAX (xml_error->line, 0);
  p->error_column = MAX (xml_error->int2, 0);
}

static void
report_at (Parser     *p,
           xmlNode    *node,
           const char *message)
{
  g_autofree char *location = NULL;
  long line;

  if (p->problems == NULL)
    return;

  line = node != NULL ? xmlGetLineNo (node) : -1;
  if (line > 0)
    {
      /* Translators: where a problem is in an XML feed */
      location = g_strdup_printf (_("line %u"), (guint) line);
    }

  g_ptr_array_add (p->problems, gazette_problem_new (FALSE, location, message));
}

/* The BOM wins, then the charset the server declared, then the document's own declaration
 * (RFC 7303 §3.2). Returns the name to hand libxml2, or NULL to let it decide. */
static char *
choose_encoding (const guchar *data,
                 gsize         len,
                 const char   *content_type)
{
  const char *charset;
  g_autofree char *name = NULL;
  xmlCharEncodingHandlerPtr handler;
  gsize n;

  if ((len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) ||
      (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))))
    return NULL;

  if (content_type == NULL)
    return NULL;

  for (charset = content_type; *charset != '\0'; charset++)
    if (g_ascii_strncasecmp (charset, "charset=", 8) == 0)
      break;
  if (*charset == '\0')
    return NULL;

  charset += 8;
  if (*charset == '"')
    charset++;
  n = strcspn (charset, "\"; \t");
  if (n == 0)
    return NULL;
  name = g_strndup (charset, n);

  /* A charset iconv does not know would be dropped silently, along with the declaration we
   * ask libxml2 to ignore; the declaration is the better guess then. */
  handler = xmlFindCharEncodingHandler (name);
  if (handler == NULL)
    return NULL;
  xmlCharEncCloseFunc (handler);

  return g_steal_pointer (&name);
}

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (!g_str_equal ((const char *) node->name, name))
    return FALSE;
  if (ns == NULL)
    return node->ns == NULL;
  return node->ns != NULL && node->ns->href != NULL &&
         g_str_equal ((const char *) node->ns->href, ns);
}

/* RSS 0.9x and 2.0 elements have no namespace, RSS 1.0 and 0.90 elements have their own. */
static gboolean
is_rss (xmlNode    *node,
        const char *name)
{
  return is_element (node, NULL, name) || is_element (node, NS_RSS10, name) ||
         is_element (node, NS_RSS090, name);
}

/* Text and CDATA only: entity references stay unexpanded, so no entity a hostile document
 * declares (external, or nested a billion times) ever reaches a field. */
static void
collect_text (xmlNode *node,
              GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        collect_text (child, out);
    }
}

static char *
node_text (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collect_text (node, out);
  g_strstrip (out->str);
  if (out->str[0] == '\0')
    return NULL;

  return g_strdup (out->str);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
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

static char *
get_ns_attr (xmlNode    *node,
             const char *name,
             const char *ns)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
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

/* xml:base applies to the element that carries it and everything below, each one relative
 * to the one above, the outermost relative to the address the feed came from. */
static char *
resolve_base (Parser  *p,
              xmlNode *node)
{
  g_autofree char *outer = NULL;
  g_autofree char *base = NULL;
  char *resolved;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return g_strdup (p->base_url);

  outer = resolve_base (p, node->parent);
  base = get_ns_attr (node, "base", (const char *) XML_XML_NAMESPACE);
  if (base == NULL)
    return g_steal_pointer (&outer);
  if (outer == NULL)
    return g_steal_pointer (&base);

  resolved = g_uri_resolve_relative (outer, base, G_URI_FLAGS_NONE, NULL);

  return resolved != NULL ? resolved : g_steal_pointer (&base);
}

/* Takes @ref. */
static char *
resolve_url (Parser  *p,
             xmlNode *node,
             char    *ref)
{
  g_autofree char *owned = ref;
  g_autofree char *base = NULL;
  char *resolved;

  if (owned == NULL)
    return NULL;
  if (g_uri_is_valid (owned, G_URI_FLAGS_NONE, NULL))
    return g_steal_pointer (&owned);

  base = resolve_base (p, node);
  if (base == NULL)
    return g_steal_pointer (&owned);

  resolved = g_uri_resolve_relative (base, owned, G_URI_FLAGS_NONE, NULL);

  return resolved != NULL ? resolved : g_steal_pointer (&owned);
}

static char *
normalize_language (char *tag)
{
  g_autofree char *owned = tag;

  return owned != NULL ? gazette_language_normalize (owned) : NULL;
}

static char *
node_language (xmlNode *node)
{
  xmlChar *lang = xmlNodeGetLang (node);
  char *ret = NULL;

  if (lang != NULL)
    {
      ret = lang[0] != '\0' ? gazette_language_normalize ((const char *) lang) : NULL;
      xmlFree (lang);
    }

  return ret;
}

/* Dates */

static int
parse_digits (const char **s,
              guint        max_digits,
              guint       *n_digits)
{
  int value = 0;
  guint n = 0;

  while (n < max_digits && g_ascii_isdigit (**s))
    {
      value = value * 10 + (**s - '0');
      (*s)++;
      n++;
    }
  *n_digits = n;

  return value;
}

static void
skip_separators (const char **s)
{
  while (**s == ' ' || **s == '\t' || **s == '-' || **s == ',' || **s == '\n' || **s == '\r')
    (*s)++;
}

/* RFC 822 as feeds write it: the weekday optional, one-digit days, two-digit years, no
 * seconds, zones by name or missing. */
static GDateTime *
parse_rfc822_date (const char *text)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  static const struct { const char *name; int hours; } zones[] = {
    { "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "Z", 0 },
    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
  };
  g_autoptr(GTimeZone) tz = NULL;
  const char *s = text;
  int day, month = 0, year, hour, minute, second = 0;
  int offset = 0;
  guint n;

  while (g_ascii_isspace (*s))
    s++;
  if (g_ascii_isalpha (*s))
    {
      while (g_ascii_isalpha (*s))
        s++;
      skip_separators (&s);
    }

  day = parse_digits (&s, 2, &n);
  if (n == 0)
    return NULL;
  skip_separators (&s);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (s, months[i], 3) == 0)
      month = i + 1;
  if (month == 0)
    return NULL;
  while (g_ascii_isalpha (*s) || *s == '.')
    s++;
  skip_separators (&s);

  year = parse_digits (&s, 4, &n);
  if (n == 2)
    year += year < 50 ? 2000 : 1900;
  else if (n != 4)
    return NULL;
  while (g_ascii_isspace (*s))
    s++;

  hour = parse_digits (&s, 2, &n);
  if (n == 0 || *s++ != ':')
    return NULL;
  minute = parse_digits (&s, 2, &n);
  if (n != 2)
    return NULL;
  if (*s == ':')
    {
      s++;
      second = parse_digits (&s, 2, &n);
      if (n != 2)
        return NULL;
    }
  while (g_ascii_isspace (*s))
    s++;

  if (*s == '+' || *s == '-')
    {
      int sign = *s++ == '-' ? -1 : 1;
      int hours = parse_digits (&s, 2, &n);
      int minutes;

      if (n != 2)
        return NULL;
      if (*s == ':')
        s++;
      minutes = parse_digits (&s, 2, &n);
      if (n != 2)
        return NULL;
      offset = sign * (hours * 3600 + minutes * 60);
    }
  else if (g_ascii_isalpha (*s))
    {
      gsize len = 0;
      gboolean known = FALSE;

      while (g_ascii_isalpha (s[len]))
        len++;
      for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
        if (strlen (zones[i].name) == len && g_ascii_strncasecmp (s, zones[i].name, len) == 0)
          {
            offset = zones[i].hours * 3600;
            known = TRUE;
          }
      if (!known)
        return NULL;
      s += len;
    }

  while (g_ascii_isspace (*s))
    s++;
  if (*s != '\0')
    return NULL;

  tz = g_time_zone_new_offset (offset);

  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

static GDateTime *
parse_rfc3339_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *ret;
  int year, month, day;
  char end;

  if ((ret = g_date_time_new_from_iso8601 (text, utc)) != NULL)
    return ret;

  /* W3CDTF, which dc:date follows, allows a date alone. */
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3)
    return g_date_time_new (utc, year, month, day, 0, 0, 0);

  return NULL;
}

static GDateTime *
node_date (Parser   *p,
           xmlNode  *node,
           gboolean  rfc822)
{
  g_autofree char *text = node_text (node);
  GDateTime *ret = NULL;

  if (text == NULL)
    return NULL;

  /* Feeds mix the two formats up often enough to try both. */
  if (rfc822)
    ret = parse_rfc822_date (text);
  if (ret == NULL)
    ret = parse_rfc3339_date (text);
  if (ret == NULL && !rfc822)
    ret = parse_rfc822_date (text);

  if (ret == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the date as the feed wrote it */
      message = g_strdup_printf (_("“%s” is not a date Gazette can read."), text);
      report_at (p, node, message);
    }

  return ret;
}

/* Atom text constructs and content */

static char *
serialize_children (xmlNode *node)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ENTITY_REF_NODE)
        continue;
      xmlBufferEmpty (buffer);
      if (xmlNodeDump (buffer, node->doc, child, 0, 0) >= 0)
        g_string_append (out, (const char *) xmlBufferContent (buffer));
    }
  xmlBufferFree (buffer);

  g_strstrip (out->str);
  if (out->str[0] == '\0')
    return NULL;

  return g_strdup (out->str);
}

static char *
atom_xhtml (xmlNode *node)
{
  /* The content is one xhtml:div, which is not part of it (RFC 4287 §3.1.1.3). */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, NS_XHTML, "div"))
      return serialize_children (child);

  return serialize_children (node);
}

static char *
atom_text (xmlNode *node)
{
  g_autofree char *type = get_attr (node, "type");

  if (type != NULL && g_str_equal (type, "xhtml"))
    {
      g_autofree char *html = atom_xhtml (node);
      return html != NULL ? gazette_html_to_text (html) : NULL;
    }
  if (type != NULL && (g_str_equal (type, "html") || g_str_equal (type, "text/html")))
    {
      g_autofree char *html = node_text (node);
      return html != NULL ? gazette_html_to_text (html) : NULL;
    }

  return node_text (node);
}

static void
atom_content (xmlNode             *node,
              GazetteAnnouncement *a)
{
  g_autofree char *type = get_attr (node, "type");

  if (type == NULL || g_str_equal (type, "text") || g_str_equal (type, "text/plain"))
    {
      g_free (a->content_text);
      a->content_text = node_text (node);
    }
  else if (g_str_equal (type, "html") || g_str_equal (type, "text/html"))
    {
      g_free (a->content_html);
      a->content_html = node_text (node);
    }
  else if (g_str_equal (type, "xhtml") || g_str_equal (type, "application/xhtml+xml"))
    {
      g_free (a->content_html);
      a->content_html = atom_xhtml (node);
    }
}

static char *
html_text (xmlNode *node)
{
  g_autofree char *html = node_text (node);

  return html != NULL ? gazette_html_to_text (html) : NULL;
}

static char *
atom_person_name (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, NS_ATOM, "name"))
      return node_text (child);

  return NULL;
}

/* RSS writes "editor@example.com (Jane Doe)"; the name is what people want to see. */
static char *
rss_author (xmlNode *node)
{
  g_autofree char *text = node_text (node);
  const char *open;
  const char *close;

  if (text == NULL)
    return NULL;
  if ((open = strchr (text, '(')) != NULL && (close = strrchr (text, ')')) != NULL &&
      close > open + 1)
    return g_strstrip (g_strndup (open + 1, close - open - 1));

  return g_steal_pointer (&text);
}

static gboolean
is_image_type (const char *type)
{
  return type != NULL && g_str_has_prefix (type, "image/");
}

static void
add_tag (GPtrArray *tags,
         char      *tag)
{
  if (tag == NULL)
    return;

  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (g_ptr_array_index (tags, i), tag))
      {
        g_free (tag);
        return;
      }
  g_ptr_array_add (tags, tag);
}

static GStrv
steal_tags (GPtrArray *tags)
{
  if (tags->len == 0)
    return NULL;

  g_ptr_array_add (tags, NULL);

  return (GStrv) g_ptr_array_steal (tags, NULL);
}

/* Feeds without ids still need one that stays the same from fetch to fetch, or every
 * refresh would store the items again. */
static char *
derive_id (GazetteAnnouncement *a)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  if (a->url != NULL)
    g_checksum_update (checksum, (const guchar *) a->url, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  if (a->title != NULL)
    g_checksum_update (checksum, (const guchar *) a->title, -1);
  if (a->url == NULL && a->title == NULL)
    {
      const char *body = a->content_html != NULL ? a->content_html :
                         a->content_text != NULL ? a->content_text : a->summary;

      g_checksum_update (checksum, (const guchar *) "\n", 1);
      if (body != NULL)
        g_checksum_update (checksum, (const guchar *) body, -1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
has_xml_base (xmlNode *node)
{
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    if (xmlHasNsProp (node, (const xmlChar *) "base", XML_XML_NAMESPACE) != NULL)
      return TRUE;

  return FALSE;
}

/* Relative URLs in a body resolve against an xml:base that covers it; feeds without one
 * mean them relative to the article, which is where a browser would have shown the body;
 * failing that, relative to the feed. */
static char *
content_base (Parser              *p,
              xmlNode             *content,
              GazetteAnnouncement *a)
{
  if (content != NULL && has_xml_base (content))
    return resolve_base (p, content);
  if (a->url != NULL && g_uri_is_valid (a->url, G_URI_FLAGS_NONE, NULL))
    return g_strdup (a->url);

  return g_strdup (p->base_url);
}

/* Returns FALSE for an item with nothing to show, such as the empty one libxml2 recovers
 * from a document cut off inside a start tag. @content is the element content_html came
 * from. */
static gboolean
finish_item (Parser              *p,
             xmlNode             *node,
             GazetteAnnouncement *a,
             GPtrArray           *tags,
             xmlNode             *content)
{
  if (a->title == NULL && a->url == NULL && a->summary == NULL && a->content_html == NULL &&
      a->content_text == NULL)
    return FALSE;

  /* From the body as published: the id must not change when the sanitiser does. */
  if (a->id == NULL)
    a->id = derive_id (a);

  if (a->content_html != NULL)
    {
      g_autofree char *html = g_steal_pointer (&a->content_html);
      g_autofree char *base = content_base (p, content, a);

      a->content_html = gazette_html_sanitize (html, base);
    }
  if (a->language == NULL)
    a->language = g_strdup (p->feed_language);
  if (a->author == NULL)
    a->author = g_strdup (p->feed_author);

  if (a->published == NULL && a->updated != NULL)
    a->published = g_date_time_ref (a->updated);
  else if (a->published == NULL)
    {
      /* The store sorts by publication date, so every announcement needs one. */
      a->published = g_date_time_ref (p->now);
      report_at (p, node, _("The item has no date, so the time it was read is used."));
    }

  a->tags = steal_tags (tags);

  return TRUE;
}

static void
add_announcement (GazetteFeedDocument *doc,
                  GazetteAnnouncement *a)
{
  if (a != NULL)
    g_ptr_array_add (doc->announcements, a);
}

/* RSS 0.9x, 2.0 and 1.0 */

static void
media_content (Parser   *p,
               xmlNode  *node,
               char    **image_url)
{
  g_autofree char *medium = get_attr (node, "medium");
  g_autofree char *type = get_attr (node, "type");

  if (*image_url != NULL)
    return;
  if ((medium != NULL && g_str_equal (medium, "image")) || is_image_type (type))
    *image_url = resolve_url (p, node, get_attr (node, "url"));
}

static GazetteAnnouncement *
parse_rss_item (Parser  *p,
                xmlNode *item)
{
  g_autoptr(GazetteAnnouncement) a = g_object_new (GAZETTE_TYPE_ANNOUNCEMENT, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = NULL;
  g_autofree char *thumbnail = NULL;
  g_autofree char *media_image = NULL;
  g_autofree char *enclosure_image = NULL;
  xmlNode *description_node = NULL;
  xmlNode *content_node = NULL;
  gboolean guid_is_link = FALSE;

  a->id = resolve_url (p, item, get_ns_attr (item, "about", NS_RDF));
  a->language = node_language (item);

  for (xmlNode *child = item->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_rss (child, "title") && a->title == NULL)
        a->title = html_text (child);
      else if (is_rss (child, "link") && a->url == NULL)
        a->url = resolve_url (p, child, node_text (child));
      else if (is_rss (child, "guid"))
        {
          g_autofree char *permalink = get_attr (child, "isPermaLink");
          g_autofree char *guid = node_text (child);

          if (guid == NULL)
            continue;
          g_free (a->id);
          a->id = g_steal_pointer (&guid);
          guid_is_link = permalink == NULL || g_str_equal (permalink, "true");
        }
      else if (is_rss (child, "description") && description == NULL)
        {
          description = node_text (child);
          description_node = child;
        }
      else if (is_element (child, NS_CONTENT, "encoded") && a->content_html == NULL)
        {
          a->content_html = node_text (child);
          content_node = child;
        }
      else if ((is_rss (child, "author") || is_element (child, NS_DC, "creator")) &&
               a->author == NULL)
        a->author = rss_author (child);
      else if (is_rss (child, "pubDate") && a->published == NULL)
        a->published = node_date (p, child, TRUE);
      else if (is_element (child, NS_DC, "date") && a->published == NULL)
        a->published = node_date (p, child, FALSE);
      else if (is_element (child, NS_ATOM, "updated") && a->updated == NULL)
        a->updated = node_date (p, child, FALSE);
      else if (is_rss (child, "category") || is_element (child, NS_DC, "subject"))
        add_tag (tags, node_text (child));
      else if (is_element (child, NS_DC, "language") && a->language == NULL)
        a->language = normalize_language (node_text (child));
      else if (is_rss (child, "enclosure") && enclosure_image == NULL)
        {
          g_autofree char *type = get_attr (child, "type");

          if (is_image_type (type))
            enclosure_image = resolve_url (p, child, get_attr (child, "url"));
        }
      else if (is_element (child, NS_MEDIA, "thumbnail") && thumbnail == NULL)
        thumbnail = resolve_url (p, child, get_attr (child, "url"));
      else if (is_element (child, NS_MEDIA, "content"))
        media_content (p, child, &media_image);
      else if (is_element (child, NS_MEDIA, "group"))
        for (xmlNode *m = child->children; m != NULL; m = m->next)
          {
            if (is_element (m, NS_MEDIA, "thumbnail") && thumbnail == NULL)
              thumbnail = resolve_url (p, m, get_attr (m, "url"));
            else if (is_element (m, NS_MEDIA, "content"))
              media_content (p, m, &media_image);
          }
    }

  /* A permalink guid is the link when the item has none (RSS 2.0), if it is one at all. */
  if (a->url == NULL && guid_is_link && g_uri_is_valid (a->id, G_URI_FLAGS_NONE, NULL))
    a->url = g_strdup (a->id);

  /* RSS descriptions are HTML: the summary is its text, and the body when there is no
   * content:encoded. */
  if (description != NULL)
    {
      a->summary = gazette_html_to_text (description);
      if (a->content_html == NULL)
        {
          a->content_html = g_steal_pointer (&description);
          content_node = description_node;
        }
    }

  a->image_url = g_strdup (thumbnail != NULL ? thumbnail :
                           media_image != NULL ? media_image : enclosure_image);

  if (!finish_item (p, item, a, tags, content_node))
    return NULL;

  return g_steal_pointer (&a);
}

static void
parse_rss_channel (Parser              *p,
                   xmlNode             *channel,
                   GazetteFeedDocument *doc)
{
  p->feed_language = node_language (channel);

  for (xmlNode *child = channel->children; child != NULL; child = child->next)
    {
      if (is_rss (child, "title") && doc->title == NULL)
        doc->title = html_text (child);
      else if (is_rss (child, "link") && doc->home_page_url == NULL)
        doc->home_page_url = resolve_url (p, child, node_text (child));
      else if (is_rss (child, "description") && doc->description == NULL)
        doc->description = html_text (child);
      else if ((is_rss (child, "language") || is_element (child, NS_DC, "language")) &&
               p->feed_language == NULL)
        p->feed_language = normalize_language (node_text (child));
      else if (is_element (child, NS_DC, "publisher") && doc->publisher == NULL)
        doc->publisher = node_text (child);
      else if (is_element (child, NS_DC, "creator") && p->feed_author == NULL)
        p->feed_author = node_text (child);
      else if (is_rss (child, "image") && doc->icon_url == NULL)
        {
          /* RSS 1.0 points at an image element beside the channel; it is read there. */
          for (xmlNode *url = child->children; url != NULL; url = url->next)
            if (is_rss (url, "url"))
              doc->icon_url = resolve_url (p, url, node_text (url));
        }
      else if (is_element (child, NS_ATOM, "link") && doc->feed_url == NULL)
        {
          g_autofree char *rel = get_attr (child, "rel");

          if (rel != NULL && g_str_equal (rel, "self"))
            doc->feed_url = resolve_url (p, child, get_attr (child, "href"));
        }
    }

  doc->language = g_strdup (p->feed_language);
}

static void
parse_rss (Parser              *p,
           xmlNode             *root,
           GazetteFeedDocument *doc)
{
  xmlNode *channel = NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_rss (child, "channel"))
      {
        channel = child;
        break;
      }

  if (channel != NULL)
    parse_rss_channel (p, channel, doc);

  /* RSS 2.0 puts items in the channel, RSS 1.0 beside it, and 0.91 documents do both. */
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_rss (child, "item"))
        add_announcement (doc, parse_rss_item (p, child));
      else if (is_rss (child, "image") && doc->icon_url == NULL)
        {
          for (xmlNode *url = child->children; url != NULL; url = url->next)
            if (is_rss (url, "url"))
              doc->icon_url = resolve_url (p, url, node_text (url));
        }
    }
  if (channel != NULL)
    for (xmlNode *child = channel->children; child != NULL; child = child->next)
      if (is_rss (child, "item"))
        add_announcement (doc, parse_rss_item (p, child));
}

/* Atom 1.0 */

static char *
atom_link (Parser  *p,
           xmlNode *link,
           gboolean alternate)
{
  g_autofree char *rel = get_attr (link, "rel");

  if (alternate ? (rel != NULL && !g_str_equal (rel, "alternate"))
                : (rel == NULL || !g_str_equal (rel, "self")))
    return NULL;

  return resolve_url (p, link, get_attr (link, "href"));
}

static GazetteAnnouncement *
parse_atom_entry (Parser  *p,
                  xmlNode *entry)
{
  g_autoptr(GazetteAnnouncement) a = g_object_new (GAZETTE_TYPE_ANNOUNCEMENT, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *thumbnail = NULL;
  xmlNode *content_node = NULL;

  a->language = node_language (entry);

  for (xmlNode *child = entry->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, NS_ATOM, "title") && a->title == NULL)
        a->title = atom_text (child);
      else if (is_element (child, NS_ATOM, "id") && a->id == NULL)
        a->id = node_text (child);
      else if (is_element (child, NS_ATOM, "link"))
        {
          g_autofree char *rel = get_attr (child, "rel");
          g_autofree char *type = get_attr (child, "type");

          if (a->url == NULL)
            a->url = atom_link (p, child, TRUE);
          if (a->image_url == NULL && rel != NULL && g_str_equal (rel, "enclosure") &&
              is_image_type (type))
            a->image_url = resolve_url (p, child, get_attr (child, "href"));
        }
      else if (is_element (child, NS_ATOM, "summary") && a->summary == NULL)
        a->summary = atom_text (child);
      else if (is_element (child, NS_ATOM, "content"))
        {
          atom_content (child, a);
          content_node = child;
        }
      else if (is_element (child, NS_ATOM, "author") && a->author == NULL)
        a->author = atom_person_name (child);
      else if (is_element (child, NS_ATOM, "published") && a->published == NULL)
        a->published = node_date (p, child, FALSE);
      else if (is_element (child, NS_ATOM, "updated") && a->updated == NULL)
        a->updated = node_date (p, child, FALSE);
      else if (is_element (child, NS_ATOM, "category"))
        {
          char *term = get_attr (child, "label");

          add_tag (tags, term != NULL ? term : get_attr (child, "term"));
        }
      else if (is_element (child, NS_MEDIA, "thumbnail") && thumbnail == NULL)
        thumbnail = resolve_url (p, child, get_attr (child, "url"));
    }

  if (thumbnail != NULL)
    {
      g_free (a->image_url);
      a->image_url = g_steal_pointer (&thumbnail);
    }

  if (!finish_item (p, entry, a, tags, content_node))
    return NULL;

  return g_steal_pointer (&a);
}

static void
parse_atom (Parser              *p,
            xmlNode             *feed,
            GazetteFeedDocument *doc)
{
  g_autofree char *logo = NULL;

  p->feed_language = node_language (feed);
  doc->language = g_strdup (p->feed_language);

  for (xmlNode *child = feed->children; child != NULL; child = child->next)
    {
      if (is_element (child, NS_ATOM, "title") && doc->title == NULL)
        doc->title = atom_text (child);
      else if (is_element (child, NS_ATOM, "subtitle") && doc->description == NULL)
        doc->description = atom_text (child);
      else if (is_element (child, NS_ATOM, "link"))
        {
          if (doc->home_page_url == NULL)
            doc->home_page_url = atom_link (p, child, TRUE);
          if (doc->feed_url == NULL)
            doc->feed_url = atom_link (p, child, FALSE);
        }
      else if (is_element (child, NS_ATOM, "icon") && doc->icon_url == NULL)
        doc->icon_url = resolve_url (p, child, node_text (child));
      else if (is_element (child, NS_ATOM, "logo") && logo == NULL)
        logo = resolve_url (p, child, node_text (child));
      else if (is_element (child, NS_ATOM, "author") && p->feed_author == NULL)
        p->feed_author = atom_person_name (child);
    }

  if (doc->icon_url == NULL)
    doc->icon_url = g_steal_pointer (&logo);

  for (xmlNode *child = feed->children; child != NULL; child = child->next)
    if (is_element (child, NS_ATOM, "entry"))
      add_announcement (doc, parse_atom_entry (p, child));
}


static void
set_not_well_formed (Parser  *p,
                     GError **error)
{
  if (p->have_error)
    g_set_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID,
                 /* Translators: the numbers say where the first mistake in the feed is */
                 _("The document is not well-formed XML: the first mistake is on line %u, "
                   "column %u."), p->error_line, p->error_column);
  else
    g_set_error_literal (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID,
                         _("The document is not well-formed XML."));
}

/**
 * gazette_xml_feed_parse:
 * @bytes: the document as fetched
 * @content_type: (nullable): the media type the server declared, whose charset takes
 *   precedence over the document's XML declaration (but not over a byte order mark)
 * @base_url: (nullable): the address the document came from, for relative URLs
 * @problems: (nullable) (element-type GazetteProblem): where to collect problems found
 * @error: return location for an error
 *
 * Reads an RSS 0.9x, 2.0 or 1.0 (RDF) feed or an Atom 1.0 feed. External entities are never
 * loaded and entities never expanded into fields. A document that is not well-formed but
 * from which items can be recovered is read, with a warning in @problems.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GazetteFeedDocument *
gazette_xml_feed_parse (GBytes      *bytes,
                        const char  *content_type,
                        const char  *base_url,
                        GPtrArray   *problems,
                        GError     **error)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autofree char *encoding = NULL;
  Parser p = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr xml;
  xmlNode *root;
  const guchar *data;
  gsize len = 0;
  int options;
  gboolean well_formed;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gazette_libxml_init ();

  data = g_bytes_get_data (bytes, &len);
  if (len > INT_MAX)
    {
      g_set_error_literal (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_TOO_LARGE,
                           _("The document is too large to read."));
      return NULL;
    }

  /* No XML_PARSE_NOENT, DTDLOAD or DTDATTR: external entities stay unloaded and entities
   * unexpanded. No XML_PARSE_HUGE: libxml2's limits on entity amplification stay on. */
  options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOWARNING;
  encoding = choose_encoding (data, len, content_type);
  if (encoding != NULL)
    options |= XML_PARSE_IGNORE_ENC;

  p.problems = problems;
  p.base_url = base_url;
  p.now = g_date_time_new_now_utc ();

  /* A context of our own, so errors reach this parse's handler and no global one. */
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_TOO_LARGE,
                           _("The document is too large to read."));
      g_date_time_unref (p.now);
      return NULL;
    }
  ctxt->_private = &p;
  ctxt->sax->serror = on_xml_error;

  xml = xmlCtxtReadMemory (ctxt, (const char *) data, (int) len, base_url, encoding, options);
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  root = xml != NULL ? xmlDocGetRootElement (xml) : NULL;
  if (root == NULL)
    {
      set_not_well_formed (&p, error);
      goto out;
    }

  doc = gazette_feed_document_new ();
  if (is_element (root, NULL, "rss") || is_element (root, NS_RDF, "RDF"))
    parse_rss (&p, root, doc);
  else if (is_element (root, NS_ATOM, "feed"))
    parse_atom (&p, root, doc);
  else
    {
      if (!well_formed)
        set_not_well_formed (&p, error);
      else
        g_set_error_literal (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_UNSUPPORTED,
                             _("The XML document is not an RSS or Atom feed."));
      g_clear_pointer (&doc, gazette_feed_document_free);
      goto out;
    }

  if (!well_formed)
    {
      if (doc->announcements->len == 0)
        {
          set_not_well_formed (&p, error);
          g_clear_pointer (&doc, gazette_feed_document_free);
        }
      else if (problems != NULL)
        {
          const char *message = _("The document is not well-formed XML; the items that could "
                                  "be recovered were read.");
          g_autofree char *location = NULL;

          if (p.have_error)
            location = g_strdup_printf (_("line %u, column %u"), p.error_line, p.error_column);
          g_ptr_array_insert (problems, 0, gazette_problem_new (FALSE, location, message));
        }
    }

out:
  g_clear_pointer (&xml, xmlFreeDoc);
  g_clear_pointer (&p.now, g_date_time_unref);
  g_clear_pointer (&p.feed_language, g_free);
  g_clear_pointer (&p.feed_author, g_free);

  return g_steal_pointer (&doc);
}
