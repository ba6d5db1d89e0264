/* gazette-opml.c
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

#define G_LOG_DOMAIN "gazette-opml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <string.h>

#include "gazette-feed.h"
#include "gazette-html.h"
#include "gazette-opml.h"

G_DEFINE_QUARK (gazette-opml-error-quark, gazette_opml_error)

/* Deeper folders than this are flattened into the last one: no reader nests this far, and
 * the walk is recursive. */
#define MAX_FOLDER_DEPTH 32

typedef struct
{
  gboolean have_error;
  int      line;
  int      column;
  char    *message;
} ErrorPosition;

/**
 * gazette_opml_entry_free:
 * @entry: (transfer full) (nullable): an entry
 */
void
gazette_opml_entry_free (GazetteOpmlEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->url);
  g_free (entry->title);
  g_free (entry->home_page_url);
  g_free (entry->folder);
  g_free (entry);
}

static void
on_xml_error (void       *data,
              xmlErrorPtr xml_error)
{
  xmlParserCtxtPtr ctxt = data;
  ErrorPosition *position = ctxt->_private;

  g_debug ("OPML line %d, column %d: %s", xml_error->line, xml_error->int2,
           xml_error->message != NULL ? xml_error->message : "");

  if (xml_error->level < XML_ERR_ERROR || position->have_error)
    return;

  position->have_error = TRUE;
  position->line = MAX (xml_error->line, 0);
  position->column = MAX (xml_error->int2, 0);
  position->message = g_strchomp (g_strdup (xml_error->message != NULL ?
                                            xml_error->message : ""));
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

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         g_str_equal ((const char *) node->name, name);
}

static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);
}

/* A folder name from an outline, or a feed's category attribute ("/News/District,/Other":
 * the first one, slashes trimmed). */
static char *
category_folder (const char *category)
{
  g_auto(GStrv) categories = NULL;
  g_autofree char *first = NULL;

  if (category == NULL)
    return NULL;

  categories = g_strsplit (category, ",", 2);
  first = g_strdup (categories[0]);
  g_strstrip (first);
  while (first[0] == '/')
    memmove (first, first + 1, strlen (first));
  while (first[0] != '\0' && first[strlen (first) - 1] == '/')
    first[strlen (first) - 1] = '\0';

  return first[0] != '\0' ? g_steal_pointer (&first) : NULL;
}

static void
collect_outlines (xmlNode    *parent,
                  const char *folder,
                  guint       depth,
                  GPtrArray  *entries,
                  guint      *n_ignored)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *url = NULL;
      g_autofree char *text = NULL;

      if (!is_named (node, "outline"))
        continue;

      url = get_attr (node, "xmlUrl");
      text = get_attr (node, "title");
      if (text == NULL)
        text = get_attr (node, "text");

      if (url != NULL)
        {
          GazetteOpmlEntry *entry;
          g_autofree char *category = NULL;

          /* Only the web: a file:// or javascript: feed in somebody else's list would read
           * this computer's files or worse. */
          if (!is_web_url (url))
            {
              g_debug ("OPML line %ld: ignoring the feed address %s", xmlGetLineNo (node), url);
              (*n_ignored)++;
              continue;
            }

          entry = g_new0 (GazetteOpmlEntry, 1);
          entry->url = g_steal_pointer (&url);
          entry->title = g_steal_pointer (&text);
          entry->home_page_url = get_attr (node, "htmlUrl");
          if (entry->home_page_url != NULL && !is_web_url (entry->home_page_url))
            g_clear_pointer (&entry->home_page_url, g_free);
          category = get_attr (node, "category");
          entry->folder = folder != NULL ? g_strdup (folder) : category_folder (category);
          entry->line = (guint) MAX (xmlGetLineNo (node), 0);
          g_ptr_array_add (entries, entry);
        }
      else if (node->children != NULL)
        {
          g_autofree char *name = NULL;
          g_autofree char *inner = NULL;

          /* A folder. A nameless one adds no level. */
          if (text != NULL)
            name = g_strdelimit (g_steal_pointer (&text), "/", '-');
          if (name == NULL || depth >= MAX_FOLDER_DEPTH)
            inner = g_strdup (folder);
          else if (folder != NULL)
            inner = g_strconcat (folder, "/", name, NULL);
          else
            inner = g_steal_pointer (&name);

          collect_outlines (node, inner, depth + 1, entries, n_ignored);
        }
    }
}

/**
 * gazette_opml_parse:
 * @bytes: an OPML document (1.0 or 2.0)
 * @n_ignored: (out) (optional): how many feeds were left out because their address is not
 *   an http or https URL
 * @error: return location for a #GError
 *
 * Reads the subscriptions of an OPML file: every outline with an xmlUrl, in document order,
 * with the folder the outlines around it make (or its category attribute). No external
 * entity or DTD is loaded. A document that is not well-formed is refused, with the line and
 * column of its first mistake.
 *
 * Returns: (transfer container) (element-type GazetteOpmlEntry) (nullable): the entries,
 *   or %NULL with @error set
 */
GPtrArray *
gazette_opml_parse (GBytes  *bytes,
                    guint   *n_ignored,
                    GError **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  ErrorPosition position = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNode *root;
  xmlNode *body = NULL;
  const char *data;
  gsize len = 0;
  guint ignored = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_ignored != NULL)
    *n_ignored = 0;

  data = g_bytes_get_data (bytes, &len);
  if (len == 0 || len > INT_MAX)
    {
      g_set_error_literal (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_NOT_OPML,
                           len == 0 ? _("The OPML file is empty.")
                                    : _("The OPML file is too large to read."));
      return NULL;
    }

  gazette_libxml_init ();
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_INVALID,
                           _("The OPML file is too large to read."));
      return NULL;
    }
  ctxt->_private = &position;
  ctxt->sax->serror = on_xml_error;

  /* No RECOVER: a half-read subscription list would silently lose feeds. No NOENT, DTDLOAD
   * or HUGE: entities stay unexpanded, nothing external is read, the amplification limits
   * stay on. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (doc == NULL || !ctxt->wellFormed)
    {
      if (position.have_error)
        g_set_error (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_INVALID,
                     /* Translators: the numbers say where the first mistake in the file is,
                      * %s is what libxml2 says is wrong there, in English */
                     _("The OPML file is not well-formed XML: the first mistake is on line %d, "
                       "column %d (%s)."), position.line, position.column, position.message);
      else
        g_set_error_literal (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_INVALID,
                             _("The OPML file is not well-formed XML."));
      g_clear_pointer (&doc, xmlFreeDoc);
      g_free (position.message);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  g_free (position.message);
  xmlFreeParserCtxt (ctxt);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_named (root, "opml"))
    {
      g_set_error (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_NOT_OPML,
                   /* Translators: %s is the name of an XML element, such as “rss” */
                   _("The file is not OPML: its root element is <%s>, not <opml>."),
                   root != NULL ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_named (child, "body"))
      {
        body = child;
        break;
      }
  if (body == NULL)
    {
      g_set_error (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_NOT_OPML,
                   /* Translators: %ld is a line number */
                   _("The OPML file has no <body> inside the <opml> element that starts on "
                     "line %ld."), xmlGetLineNo (root));
      xmlFreeDoc (doc);
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_opml_entry_free);
  collect_outlines (body, NULL, 0, entries, &ignored);
  xmlFreeDoc (doc);

  if (n_ignored != NULL)
    *n_ignored = ignored;

  return g_steal_pointer (&entries);
}

static int
compare_folders (gconstpointer a,
                 gconstpointer b)
{
  GazetteFeed *feed_a = *(GazetteFeed * const *) a;
  GazetteFeed *feed_b = *(GazetteFeed * const *) b;

  return g_strcmp0 (gazette_feed_get_folder (feed_a), gazette_feed_get_folder (feed_b));
}

/* The outline for @folder ("A/B"), made on first use, under @body. */
static xmlNode *
folder_outline (xmlNode    *body,
                GHashTable *folders,
                const char *folder)
{
  xmlNode *node;
  const char *slash;
  xmlNode *parent = body;
  const char *name = folder;

  if (folder == NULL)
    return body;

  node = g_hash_table_lookup (folders, folder);
  if (node != NULL)
    return node;

  slash = strrchr (folder, '/');
  if (slash != NULL)
    {
      g_autofree char *outer = g_strndup (folder, slash - folder);

      parent = folder_outline (body, folders, outer);
      name = slash + 1;
    }

  node = xmlNewChild (parent, NULL, (const xmlChar *) "outline", NULL);
  xmlSetProp (node, (const xmlChar *) "text", (const xmlChar *) name);
  xmlSetProp (node, (const xmlChar *) "title", (const xmlChar *) name);
  g_hash_table_insert (folders, g_strdup (folder), node);

  return node;
}

/**
 * gazette_opml_write:
 * @feeds: (element-type GazetteFeed): the subscriptions
 * @title: (nullable): the document's title
 *
 * Writes an OPML 2.0 document with one outline per feed whose address is an http or https
 * URL (others mean nothing to another reader), filed in nested outlines by folder.
 *
 * Returns: (transfer full): the document, in UTF-8, with a NUL after its last byte
 */
GBytes *
gazette_opml_write (GPtrArray  *feeds,
                    const char *title)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) folders = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");
  xmlDocPtr doc;
  xmlNode *root;
  xmlNode *head;
  xmlNode *body;
  xmlChar *out = NULL;
  int out_len = 0;
  GBytes *ret;

  g_return_val_if_fail (feeds != NULL, NULL);

  /* By folder, each keeping the order it was given in: an insertion sort, since
   * g_ptr_array_sort() is not stable. */
  sorted = g_ptr_array_sized_new (feeds->len);
  for (guint i = 0; i < feeds->len; i++)
    {
      GazetteFeed *feed = g_ptr_array_index (feeds, i);
      guint at = sorted->len;

      while (at > 0 && compare_folders (&g_ptr_array_index (sorted, at - 1), &feed) > 0)
        at--;
      g_ptr_array_insert (sorted, at, feed);
    }

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewNode (NULL, (const xmlChar *) "opml");
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "2.0");
  xmlDocSetRootElement (doc, root);
  head = xmlNewChild (root, NULL, (const xmlChar *) "head", NULL);
  xmlNewTextChild (head, NULL, (const xmlChar *) "title",
                   (const xmlChar *) (title != NULL ? title : "Gazette"));
  /* RFC 822 in English, as OPML wants, whatever the locale. */
  xmlNewTextChild (head, NULL, (const xmlChar *) "dateCreated", (const xmlChar *) created);
  body = xmlNewChild (root, NULL, (const xmlChar *) "body", NULL);

  folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < sorted->len; i++)
    {
      GazetteFeed *feed = g_ptr_array_index (sorted, i);
      const char *url = gazette_feed_get_url (feed);
      const char *name = gazette_feed_get_display_name (feed);
      xmlNode *parent;
      xmlNode *outline;

      if (!is_web_url (url))
        continue;

      parent = folder_outline (body, folders, gazette_feed_get_folder (feed));
      outline = xmlNewChild (parent, NULL, (const xmlChar *) "outline", NULL);
      xmlSetProp (outline, (const xmlChar *) "type", (const xmlChar *) "rss");
      xmlSetProp (outline, (const xmlChar *) "text", (const xmlChar *) name);
      if (gazette_feed_get_title (feed) != NULL)
        xmlSetProp (outline, (const xmlChar *) "title",
                    (const xmlChar *) gazette_feed_get_title (feed));
      xmlSetProp (outline, (const xmlChar *) "xmlUrl", (const xmlChar *) url);
      if (gazette_feed_get_home_page_url (feed) != NULL)
        xmlSetProp (outline, (const xmlChar *) "htmlUrl",
                    (const xmlChar *) gazette_feed_get_home_page_url (feed));
    }

  xmlDocDumpFormatMemoryEnc (doc, &out, &out_len, "UTF-8", 1);
  xmlFreeDoc (doc);

  /* NUL-terminated past its size, so the text can be read as a string too. */
  ret = g_bytes_new_take (g_strndup ((const char *) out, out_len), out_len);
  xmlFree (out);

  return ret;
}
