/* gazette-sanitizer.c
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

#define G_LOG_DOMAIN "gazette-sanitizer"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "gazette-html.h"
#include "gazette-sanitizer.h"

/* What the article view renders, and nothing else: the sanitiser's output is the contract
 * between feeds we do not control and a native widget that trusts its input. */

/* Deeper than this, elements are read as plain text: the walk is recursive, and no real
 * article nests this far. */
#define MAX_DEPTH 64

/* Image hosts that serve only tracking pixels or counters. Kept short on purpose: these are
 * the ones common in district and news feeds (WordPress, Feedburner, Google, Facebook,
 * comScore, Quantcast, Baidu Tongji, CNZZ); a subdomain of one matches too. Pixels from
 * elsewhere are caught by their 0 or 1 pixel size. */
static const char * const tracker_hosts[] = {
  "pixel.wp.com",
  "stats.wordpress.com",
  "feeds.feedburner.com",
  "google-analytics.com",
  "doubleclick.net",
  "facebook.com",
  "scorecardresearch.com",
  "pixel.quantserve.com",
  "hm.baidu.com",
  "cnzz.com",
};

typedef enum {
  KIND_UNWRAP = 0,  /* unknown or presentational: the element goes, its content stays */
  KIND_DROP,        /* removed with everything inside */
  KIND_BLOCK,       /* unwrapped, but separates what is before and after it */
  KIND_INLINE,      /* em i strong b u s sub sup code */
  KIND_PARAGRAPH,   /* p h1–h6 pre: a block of inline content */
  KIND_LIST,        /* ul ol */
  KIND_ITEM,        /* li */
  KIND_QUOTE,       /* blockquote */
  KIND_LINK,
  KIND_IMAGE,
  KIND_BREAK,
  KIND_RULE,
  KIND_TABLE,
} Kind;

static const struct { const char *name; Kind kind; } element_kinds[] = {
  { "p", KIND_PARAGRAPH }, { "h1", KIND_PARAGRAPH }, { "h2", KIND_PARAGRAPH },
  { "h3", KIND_PARAGRAPH }, { "h4", KIND_PARAGRAPH }, { "h5", KIND_PARAGRAPH },
  { "h6", KIND_PARAGRAPH }, { "pre", KIND_PARAGRAPH },
  { "ul", KIND_LIST }, { "ol", KIND_LIST }, { "li", KIND_ITEM },
  { "blockquote", KIND_QUOTE },
  { "em", KIND_INLINE }, { "i", KIND_INLINE }, { "strong", KIND_INLINE },
  { "b", KIND_INLINE }, { "u", KIND_INLINE }, { "s", KIND_INLINE }, { "sub", KIND_INLINE },
  { "sup", KIND_INLINE }, { "code", KIND_INLINE },
  { "a", KIND_LINK }, { "img", KIND_IMAGE }, { "br", KIND_BREAK }, { "hr", KIND_RULE },
  { "table", KIND_TABLE },
  /* Gone with their content: active content, what only a browser could show, and forms. */
  { "script", KIND_DROP }, { "style", KIND_DROP }, { "iframe", KIND_DROP },
  { "frame", KIND_DROP }, { "frameset", KIND_DROP }, { "object", KIND_DROP },
  { "embed", KIND_DROP }, { "applet", KIND_DROP }, { "form", KIND_DROP },
  { "input", KIND_DROP }, { "button", KIND_DROP }, { "select", KIND_DROP },
  { "textarea", KIND_DROP }, { "head", KIND_DROP }, { "title", KIND_DROP },
  { "meta", KIND_DROP }, { "link", KIND_DROP }, { "base", KIND_DROP },
  { "template", KIND_DROP }, { "svg", KIND_DROP }, { "math", KIND_DROP },
  { "canvas", KIND_DROP }, { "audio", KIND_DROP }, { "video", KIND_DROP },
  { "source", KIND_DROP }, { "track", KIND_DROP }, { "map", KIND_DROP },
  { "param", KIND_DROP }, { "dialog", KIND_DROP },
  /* Unwrapped, but a boundary between paragraphs. */
  { "div", KIND_BLOCK }, { "section", KIND_BLOCK }, { "article", KIND_BLOCK },
  { "header", KIND_BLOCK }, { "footer", KIND_BLOCK }, { "main", KIND_BLOCK },
  { "aside", KIND_BLOCK }, { "nav", KIND_BLOCK }, { "figure", KIND_BLOCK },
  { "figcaption", KIND_BLOCK }, { "address", KIND_BLOCK }, { "details", KIND_BLOCK },
  { "summary", KIND_BLOCK }, { "dl", KIND_BLOCK }, { "dt", KIND_BLOCK },
  { "dd", KIND_BLOCK }, { "center", KIND_BLOCK }, { "fieldset", KIND_BLOCK },
  { "caption", KIND_BLOCK }, { "tr", KIND_BLOCK }, { "body", KIND_BLOCK },
  { "html", KIND_BLOCK },
};

/* Where content goes, which decides what may be written there. */
typedef enum {
  CONTEXT_FLOW,    /* the top level and blockquote: loose inline content gets a <p> */
  CONTEXT_ITEM,    /* li: inline content and blocks alike */
  CONTEXT_LIST,    /* ul, ol: only li; anything else gets an <li> */
  CONTEXT_INLINE,  /* inside a paragraph or an inline element: blocks are unwrapped */
} Context;

typedef struct
{
  Context context;
  gboolean auto_open;  /* the <p> (FLOW) or <li> (LIST) opened for loose content */
  gsize    auto_mark;  /* where that element starts in the output */
} Frame;

typedef struct
{
  GString    *out;
  const char *base_url;
  guint       depth;
  gboolean    in_link;
  gboolean    in_pre;
  gboolean    at_block_start;  /* nothing written in the current block yet */
  gboolean    pending_space;   /* white space was seen and is owed before the next text */
  gboolean    after_space;     /* the last text written ends in a space */
} Sanitizer;

static void sanitize_children (Sanitizer *s,
                               xmlNode   *node,
                               Frame     *frame);

static gpointer
build_kind_table (gpointer data)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  /* Before any thread parses (the JSON Feed parser sanitises in several). */
  gazette_libxml_init ();

  for (guint i = 0; i < G_N_ELEMENTS (element_kinds); i++)
    g_hash_table_insert (table, (gpointer) element_kinds[i].name,
                         GINT_TO_POINTER (element_kinds[i].kind));

  return table;
}

static GHashTable *
kind_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_kind_table, NULL);
}

static Kind
element_kind (xmlNode *node)
{
  /* libxml2's HTML parser gives element names in lower case. */
  return GPOINTER_TO_INT (g_hash_table_lookup (kind_table (), node->name));
}

/* Output */

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
flush_space (Sanitizer *s)
{
  if (s->pending_space && !s->at_block_start && !s->after_space)
    {
      g_string_append_c (s->out, ' ');
      s->after_space = TRUE;
    }
  s->pending_space = FALSE;
}

static void
block_boundary (Sanitizer *s)
{
  s->at_block_start = TRUE;
  s->pending_space = FALSE;
  s->after_space = FALSE;
}

static void
emit_text (Sanitizer  *s,
           const char *text)
{
  const char *run = text;

  if (s->in_pre)
    {
      if (*text != '\0')
        {
          append_escaped (s->out, text, -1);
          s->at_block_start = FALSE;
        }
      return;
    }

  /* White space collapses as a browser would collapse it; a native view would not. */
  for (const char *p = text; ; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\0')
        {
          if (p > run)
            {
              flush_space (s);
              append_escaped (s->out, run, p - run);
              s->at_block_start = FALSE;
              s->after_space = FALSE;
            }
          if (*p == '\0')
            break;
          s->pending_space = TRUE;
          run = p + 1;
        }
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
      return FALSE;

  return TRUE;
}

/* Opens the <p> or <li> that loose content needs where it is. */
static void
ensure_inline (Sanitizer *s,
               Frame     *frame)
{
  if (frame->auto_open || (frame->context != CONTEXT_FLOW && frame->context != CONTEXT_LIST))
    return;

  frame->auto_open = TRUE;
  frame->auto_mark = s->out->len;
  g_string_append (s->out, frame->context == CONTEXT_FLOW ? "<p>" : "<li>");
  block_boundary (s);
}

static void
close_auto (Sanitizer *s,
            Frame     *frame)
{
  const char *open = frame->context == CONTEXT_FLOW ? "<p>" : "<li>";

  if (!frame->auto_open)
    return;

  frame->auto_open = FALSE;
  if (s->out->len == frame->auto_mark + strlen (open))
    g_string_truncate (s->out, frame->auto_mark);
  else
    g_string_append (s->out, frame->context == CONTEXT_FLOW ? "</p>" : "</li>");
  block_boundary (s);
}

/* Makes room for a block element: out of a loose <p>, into an <li> inside a list. Returns
 * FALSE where blocks cannot go (inline content). */
static gboolean
prepare_block (Sanitizer *s,
               Frame     *frame)
{
  switch (frame->context)
    {
    case CONTEXT_FLOW:
      close_auto (s, frame);
      return TRUE;

    case CONTEXT_LIST:
      ensure_inline (s, frame);
      return TRUE;

    case CONTEXT_ITEM:
      block_boundary (s);
      return TRUE;

    case CONTEXT_INLINE:
      s->pending_space = TRUE;
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

/* Writes "<name>", then the children in @context, then "</name>"; an element left with
 * nothing inside is taken out again. */
static void
emit_element (Sanitizer  *s,
              const char *name,
              const char *attributes,
              xmlNode    *node,
              Context     context,
              gboolean    block)
{
  Frame inner = { context, FALSE, 0 };
  gsize mark = s->out->len;
  gsize content_mark;

  if (!block)
    flush_space (s);

  g_string_append_printf (s->out, "<%s%s>", name, attributes != NULL ? attributes : "");
  content_mark = s->out->len;
  if (block)
    block_boundary (s);

  sanitize_children (s, node->children, &inner);
  close_auto (s, &inner);

  if (s->out->len == content_mark)
    g_string_truncate (s->out, mark);
  else
    g_string_append_printf (s->out, "</%s>", name);

  if (block)
    block_boundary (s);
}

/* URLs */

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret;

  if (value == NULL)
    return NULL;

  ret = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);

  return ret;
}

/* Resolves @ref against the base and returns it if its scheme is one of @schemes. */
static char *
resolve_url (Sanitizer          *s,
             const char         *ref,
             const char * const *schemes)
{
  g_autofree char *resolved = NULL;
  g_autofree char *scheme = NULL;
  g_autoptr(GError) error = NULL;

  if (ref == NULL || ref[0] == '\0')
    return NULL;

  if (s->base_url != NULL)
    resolved = g_uri_resolve_relative (s->base_url, ref, G_URI_FLAGS_ENCODED, &error);
  else if (g_uri_is_valid (ref, G_URI_FLAGS_ENCODED, NULL))
    resolved = g_strdup (ref);
  if (resolved == NULL)
    return NULL;

  scheme = g_uri_parse_scheme (resolved);
  if (scheme == NULL)
    return NULL;
  for (guint i = 0; schemes[i] != NULL; i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return g_steal_pointer (&resolved);

  return NULL;
}

static gboolean
is_tracker_host (const char *host)
{
  gsize host_len = strlen (host);

  for (guint i = 0; i < G_N_ELEMENTS (tracker_hosts); i++)
    {
      gsize len = strlen (tracker_hosts[i]);

      if (host_len >= len &&
          g_ascii_strcasecmp (host + host_len - len, tracker_hosts[i]) == 0 &&
          (host_len == len || host[host_len - len - 1] == '.'))
        return TRUE;
    }

  return FALSE;
}

/* A width or height attribute as a number of pixels, or -1 when there is none. */
static gint64
dimension (const char *value)
{
  gint64 n;
  char *end;

  if (value == NULL || !g_ascii_isdigit (value[0]))
    return -1;

  n = g_ascii_strtoll (value, &end, 10);
  if (*end != '\0' && g_ascii_strcasecmp (end, "px") != 0)
    return -1;

  return n;
}

static void
append_attribute (GString    *attributes,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (attributes, " %s=\"", name);
  append_escaped (attributes, value, -1);
  g_string_append_c (attributes, '"');
}

static void
emit_image (Sanitizer *s,
            xmlNode   *node,
            Frame     *frame)
{
  static const char * const schemes[] = { "http", "https", NULL };
  g_autofree char *src = get_attribute (node, "src");
  g_autofree char *alt = get_attribute (node, "alt");
  g_autofree char *width = get_attribute (node, "width");
  g_autofree char *height = get_attribute (node, "height");
  g_autofree char *url = NULL;
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;
  gint64 w = dimension (width);
  gint64 h = dimension (height);

  /* Lazy-loading pages put a placeholder in src and the picture in data-src. */
  if (src == NULL || src[0] == '\0' || g_ascii_strncasecmp (src, "data:", 5) == 0)
    {
      g_free (src);
      src = get_attribute (node, "data-src");
    }

  url = resolve_url (s, src, schemes);
  if (url == NULL)
    return;

  /* Tracking pixels: nothing to see, and fetching them would tell someone we read. */
  if ((w >= 0 && w <= 1) || (h >= 0 && h <= 1))
    return;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || is_tracker_host (g_uri_get_host (uri)))
    return;

  append_attribute (attributes, "src", url);
  if (alt != NULL && alt[0] != '\0')
    append_attribute (attributes, "alt", alt);
  if (w > 0)
    g_string_append_printf (attributes, " width=\"%" G_GINT64_FORMAT "\"", w);
  if (h > 0)
    g_string_append_printf (attributes, " height=\"%" G_GINT64_FORMAT "\"", h);

  if (frame->context == CONTEXT_LIST || frame->context == CONTEXT_FLOW)
    ensure_inline (s, frame);
  flush_space (s);
  g_string_append_printf (s->out, "<img%s/>", attributes->str);
  s->at_block_start = FALSE;
  s->after_space = FALSE;
}

static void
emit_link (Sanitizer *s,
           xmlNode   *node,
           Frame     *frame)
{
  static const char * const schemes[] = { "http", "https", "mailto", NULL };
  g_autofree char *href = get_attribute (node, "href");
  g_autofree char *url = NULL;
  g_autoptr(GString) attributes = NULL;

  /* Only links to the web and to mail open anywhere; nested links are not links. */
  if (!s->in_link)
    url = resolve_url (s, href, schemes);
  if (url == NULL)
    {
      sanitize_children (s, node->children, frame);
      return;
    }

  attributes = g_string_new (NULL);
  append_attribute (attributes, "href", url);

  ensure_inline (s, frame);
  s->in_link = TRUE;
  emit_element (s, "a", attributes->str, node, CONTEXT_INLINE, FALSE);
  s->in_link = FALSE;
}

/* Tables: the view has no grid, so each row becomes a paragraph of its cells. */

static void
emit_row (Sanitizer *s,
          xmlNode   *row,
          Frame     *frame)
{
  gboolean block = prepare_block (s, frame);
  Frame inner = { CONTEXT_INLINE, FALSE, 0 };
  gsize mark = s->out->len;
  gsize content_mark;
  gboolean first = TRUE;

  if (block)
    {
      g_string_append (s->out, "<p>");
      block_boundary (s);
    }
  else if (!s->at_block_start)
    {
      g_string_append (s->out, "<br/>");
      block_boundary (s);
    }
  content_mark = s->out->len;

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      gsize cell_mark = s->out->len;
      gsize cell_content_mark;

      if (cell->type != XML_ELEMENT_NODE ||
          (!g_str_equal ((const char *) cell->name, "td") &&
           !g_str_equal ((const char *) cell->name, "th")))
        continue;

      if (!first)
        g_string_append (s->out, " · ");
      s->at_block_start = TRUE;
      s->pending_space = FALSE;
      cell_content_mark = s->out->len;

      sanitize_children (s, cell->children, &inner);

      if (s->out->len == cell_content_mark)
        g_string_truncate (s->out, cell_mark);
      else
        first = FALSE;
    }

  if (block)
    {
      if (s->out->len == content_mark)
        g_string_truncate (s->out, mark);
      else
        g_string_append (s->out, "</p>");
      block_boundary (s);
    }
  else
    {
      s->at_block_start = s->out->len == content_mark && s->at_block_start;
      s->pending_space = TRUE;
    }
}

static void
emit_table (Sanitizer *s,
            xmlNode   *table,
            Frame     *frame)
{
  for (xmlNode *child = table->children; child != NULL; child = child->next)
    {
      const char *name = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (g_str_equal (name, "tr"))
        emit_row (s, child, frame);
      else if (g_str_equal (name, "thead") || g_str_equal (name, "tbody") ||
               g_str_equal (name, "tfoot"))
        emit_table (s, child, frame);
      else if (g_str_equal (name, "caption"))
        {
          if (prepare_block (s, frame))
            emit_element (s, "p", NULL, child, CONTEXT_INLINE, TRUE);
          else
            sanitize_children (s, child->children, frame);
        }
    }
}

/* The walk */

static void
unwrap_block (Sanitizer *s,
              xmlNode   *node,
              Frame     *frame)
{
  if (frame->context == CONTEXT_FLOW)
    close_auto (s, frame);
  else if (frame->context != CONTEXT_LIST)
    s->pending_space = TRUE;

  sanitize_children (s, node->children, frame);

  if (frame->context == CONTEXT_FLOW)
    close_auto (s, frame);
  else if (frame->context != CONTEXT_LIST)
    s->pending_space = TRUE;
}

static void
sanitize_element (Sanitizer *s,
                  xmlNode   *node,
                  Frame     *frame)
{
  Kind kind = element_kind (node);
  const char *name = (const char *) node->name;

  switch (kind)
    {
    case KIND_DROP:
      break;

    case KIND_UNWRAP:
      sanitize_children (s, node->children, frame);
      break;

    case KIND_BLOCK:
      unwrap_block (s, node, frame);
      break;

    case KIND_INLINE:
      ensure_inline (s, frame);
      emit_element (s, name, NULL, node, CONTEXT_INLINE, FALSE);
      break;

    case KIND_PARAGRAPH:
      if (!prepare_block (s, frame))
        {
          sanitize_children (s, node->children, frame);
          s->pending_space = TRUE;
        }
      else if (g_str_equal (name, "pre"))
        {
          gboolean was_pre = s->in_pre;

          s->in_pre = TRUE;
          emit_element (s, name, NULL, node, CONTEXT_INLINE, TRUE);
          s->in_pre = was_pre;
        }
      else
        emit_element (s, name, NULL, node, CONTEXT_INLINE, TRUE);
      break;

    case KIND_LIST:
      if (prepare_block (s, frame))
        emit_element (s, name, NULL, node, CONTEXT_LIST, TRUE);
      else
        {
          sanitize_children (s, node->children, frame);
          s->pending_space = TRUE;
        }
      break;

    case KIND_ITEM:
      if (frame->context == CONTEXT_LIST)
        {
          close_auto (s, frame);
          emit_element (s, "li", NULL, node, CONTEXT_ITEM, TRUE);
        }
      else
        {
          /* A stray item, outside any list: a block of its own. */
          unwrap_block (s, node, frame);
        }
      break;

    case KIND_QUOTE:
      if (prepare_block (s, frame))
        emit_element (s, name, NULL, node, CONTEXT_FLOW, TRUE);
      else
        {
          sanitize_children (s, node->children, frame);
          s->pending_space = TRUE;
        }
      break;

    case KIND_LINK:
      emit_link (s, node, frame);
      break;

    case KIND_IMAGE:
      emit_image (s, node, frame);
      break;

    case KIND_BREAK:
      /* A break between blocks separates nothing. */
      if (frame->context != CONTEXT_INLINE && !frame->auto_open &&
          (s->at_block_start || frame->context == CONTEXT_LIST))
        break;
      ensure_inline (s, frame);
      g_string_append (s->out, "<br/>");
      block_boundary (s);
      break;

    case KIND_RULE:
      if (frame->context == CONTEXT_INLINE || frame->context == CONTEXT_LIST)
        s->pending_space = TRUE;
      else if (prepare_block (s, frame))
        {
          g_string_append (s->out, "<hr/>");
          block_boundary (s);
        }
      break;

    case KIND_TABLE:
      emit_table (s, node, frame);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
sanitize_children (Sanitizer *s,
                   xmlNode   *node,
                   Frame     *frame)
{
  s->depth++;

  for (; node != NULL; node = node->next)
    {
      switch ((int) node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content == NULL)
            break;
          if (!s->in_pre && is_blank ((const char *) node->content))
            {
              if (frame->context == CONTEXT_INLINE || frame->context == CONTEXT_ITEM ||
                  frame->auto_open)
                s->pending_space = TRUE;
              break;
            }
          ensure_inline (s, frame);
          emit_text (s, (const char *) node->content);
          break;

        case XML_ELEMENT_NODE:
          if (s->depth > MAX_DEPTH)
            {
              xmlChar *text = xmlNodeGetContent (node);

              if (text != NULL && !is_blank ((const char *) text))
                {
                  ensure_inline (s, frame);
                  emit_text (s, (const char *) text);
                }
              xmlFree (text);
            }
          else
            sanitize_element (s, node, frame);
          break;

        default:
          /* Comments, processing instructions and anything else: gone. */
          break;
        }
    }

  s->depth--;
}

/**
 * gazette_html_sanitize:
 * @html: (nullable): HTML from a feed, as a fragment or a whole document
 * @base_url: (nullable): the address relative links and images are resolved against
 *
 * Reduces HTML to the markup the article view renders: `p`, `h1`–`h6`, `ul`, `ol`, `li`,
 * `blockquote`, `pre`, `code`, `em`, `i`, `strong`, `b`, `u`, `s`, `sub`, `sup`, `br`,
 * `hr`, `a` with `href`, and `img` with `src`, `alt`, `width` and `height`. Every other
 * element is removed with its content (scripts, styles, frames, objects, forms, media) or
 * unwrapped to its text; attributes other than those, comments and event handlers go.
 * Tables become a paragraph per row, cells separated by “ · ”. Text outside any block gets
 * a `p`, white space outside `pre` is collapsed, and empty elements are dropped.
 *
 * URLs are resolved against @base_url. Links keep only http, https and mailto targets
 * (others are unwrapped to their text); images keep only http and https sources, and
 * tracking pixels (0 or 1 pixel wide or high, or from a known tracker host) are removed.
 *
 * The result is well-formed XML (a sequence of elements, no root) in UTF-8, with `&`, `<`,
 * `>` and `"` escaped. Nothing the HTML refers to is ever fetched.
 *
 * Returns: (transfer full) (nullable): the sanitised markup, empty when nothing is left,
 *   or %NULL when @html is %NULL
 */
char *
gazette_html_sanitize (const char *html,
                       const char *base_url)
{
  g_autofree char *valid = NULL;
  Sanitizer s = { 0 };
  Frame top = { CONTEXT_FLOW, FALSE, 0 };
  htmlDocPtr doc;
  gsize len;

  if (html == NULL)
    return NULL;

  kind_table ();

  /* libxml2 would switch to Latin-1 at the first invalid byte and garble the rest. */
  len = strlen (html);
  if (!g_utf8_validate (html, len, NULL))
    {
      valid = g_utf8_make_valid (html, len);
      html = valid;
      len = strlen (html);
    }
  if (len == 0)
    return g_strdup ("");

  doc = htmlReadMemory (html, (int) MIN (len, (gsize) G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET);
  if (doc == NULL)
    return g_strdup ("");

  s.out = g_string_sized_new (len);
  s.base_url = base_url;
  s.at_block_start = TRUE;

  sanitize_children (&s, doc->children, &top);
  close_auto (&s, &top);
  xmlFreeDoc (doc);

  return g_string_free (s.out, FALSE);
}

/**
 * gazette_html_list_images:
 * @sanitized_html: (nullable): markup that gazette_html_sanitize() returned
 *
 * Lists the images a sanitised body shows, for downloading them ahead of time. Only reads
 * the sanitiser's own output: other markup may list fewer.
 *
 * Returns: (transfer full) (array zero-terminated=1): the absolute http(s) URLs of the
 *   images, each once, in document order
 */
char **
gazette_html_list_images (const char *sanitized_html)
{
  static const char needle[] = "<img src=\"";
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  const char *p = sanitized_html;

  while (p != NULL && (p = strstr (p, needle)) != NULL)
    {
      const char *start = p + strlen (needle);
      const char *end = strchr (start, '"');
      g_autoptr(GString) url = NULL;

      if (end == NULL)
        break;

      /* The sanitiser escapes exactly these four. */
      url = g_string_new_len (start, end - start);
      g_string_replace (url, "&quot;", "\"", 0);
      g_string_replace (url, "&lt;", "<", 0);
      g_string_replace (url, "&gt;", ">", 0);
      g_string_replace (url, "&amp;", "&", 0);

      if (!g_ptr_array_find_with_equal_func (urls, url->str, g_str_equal, NULL))
        g_ptr_array_add (urls, g_string_free (g_steal_pointer (&url), FALSE));
      p = end;
    }

  g_ptr_array_add (urls, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&urls), FALSE);
}
