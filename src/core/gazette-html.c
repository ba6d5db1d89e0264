/* gazette-html.c
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

#define G_LOG_DOMAIN "gazette-html"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <string.h>

#include "gazette-html.h"

/* Legacy encodings as the web means them: labels whose strict charset iconv lacks, or whose
 * pages use the superset under the older name. Decoding with the superset reads the strict
 * charset's bytes the same and the rest correctly, as browsers do (WHATWG Encoding). */
static const struct { const char *label; const char *decoder; } encoding_aliases[] = {
  { "GB2312", "GB18030" },
  { "GBK", "GB18030" },
  { "X-GBK", "GB18030" },
  { "TIS-620", "CP874" },
  { "WINDOWS-874", "CP874" },
  { "ISO-8859-11", "CP874" },
  { "X-BIG5", "BIG5" },
  { "ISO-8859-1", "CP1252" },
  { "LATIN1", "CP1252" },
  { "US-ASCII", "CP1252" },
};

static gpointer
libxml_init_once (gpointer data)
{
  xmlInitParser ();
  for (guint i = 0; i < G_N_ELEMENTS (encoding_aliases); i++)
    xmlAddEncodingAlias (encoding_aliases[i].decoder, encoding_aliases[i].label);

  return NULL;
}

/**
 * gazette_libxml_init:
 *
 * Sets libxml2 up once, before any thread parses: its global tables, and the encoding
 * labels real feeds and pages use. Every user of libxml2 in Gazette calls this first.
 */
void
gazette_libxml_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, libxml_init_once, NULL);
}

typedef struct
{
  GString *out;
  guint    pending_break;  /* newlines owed before the next text: 1 after a list item, 2 after
                            * any other block */
  guint    skipping;       /* open <script>, <style> and <head> elements */
  guint    preformatted;   /* open <pre> elements */
} TextWriter;

/* libxml2's HTML parser gives element names in lower case. */
static gboolean
is_block (const char *name)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (blocks[i][0] == name[0] && strcmp (name, blocks[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_skipped (const char *name)
{
  return strcmp (name, "script") == 0 || strcmp (name, "style") == 0
         || strcmp (name, "head") == 0;
}

/* As g_unichar_isspace() at @p, without decoding the characters that cannot be spaces:
 * above ASCII, only those that UTF-8 starts with 0xC2 (U+0085, U+00A0) or 0xE1 to 0xE3
 * (U+1680, U+2000 to U+205F, U+3000). Thai and Chinese text is none of them. */
static gboolean
is_space_at (const char *p)
{
  guchar lead = (guchar) *p;

  if (lead < 0x80)
    return g_ascii_isspace (lead) && lead != '\v';
  if (lead != 0xC2 && (lead < 0xE1 || lead > 0xE3))
    return FALSE;

  return g_unichar_isspace (g_utf8_get_char (p));
}

static void
writer_break (TextWriter *w,
              guint       n_newlines)
{
  if (w->out->len > 0)
    w->pending_break = MAX (w->pending_break, n_newlines);
}

static void
writer_flush_break (TextWriter *w)
{
  if (!w->pending_break)
    return;

  while (w->out->len > 0 && w->out->str[w->out->len - 1] == ' ')
    g_string_truncate (w->out, w->out->len - 1);
  for (guint i = 0; i < w->pending_break; i++)
    g_string_append_c (w->out, '\n');
  w->pending_break = 0;
}

/* Collapses runs of white space the way a browser would, outside <pre>. Text between
 * spaces is copied a run at a time. */
static void
writer_text (TextWriter *w,
             const char *text,
             gsize       len,
             gboolean    preformatted)
{
  const char *end = text + len;
  const char *run = text;
  const char *p = text;

  while (p < end)
    {
      const char *next = g_utf8_next_char (p);

      if (preformatted || !is_space_at (p))
        {
          p = next;
          continue;
        }

      if (p > run)
        {
          writer_flush_break (w);
          g_string_append_len (w->out, run, p - run);
        }
      if (w->out->len > 0 && !w->pending_break && w->out->str[w->out->len - 1] != ' '
          && w->out->str[w->out->len - 1] != '\n')
        g_string_append_c (w->out, ' ');
      p = run = next;
    }

  if (end > run)
    {
      writer_flush_break (w);
      g_string_append_len (w->out, run, end - run);
    }
}

/* The parser's events are written as they come: no document tree is built. It reports an
 * end for every element it opened, whether the source closed it, another tag implied it or
 * the text ended. */
static void
writer_start_element (void           *user_data,
                      const xmlChar  *element,
                      const xmlChar **attributes)
{
  TextWriter *w = user_data;
  const char *name = (const char *) element;

  if (is_skipped (name))
    w->skipping++;
  if (w->skipping > 0)
    return;

  if (strcmp (name, "br") == 0)
    {
      g_string_append_c (w->out, '\n');
      return;
    }

  if (strcmp (name, "li") == 0)
    {
      writer_break (w, 1);
      writer_text (w, "• ", strlen ("• "), TRUE);
      return;
    }

  if (is_block (name))
    writer_break (w, 2);
  if (strcmp (name, "pre") == 0)
    w->preformatted++;
}

static void
writer_end_element (void          *user_data,
                    const xmlChar *element)
{
  TextWriter *w = user_data;
  const char *name = (const char *) element;

  if (is_skipped (name))
    {
      if (w->skipping > 0)
        w->skipping--;
      return;
    }
  if (w->skipping > 0)
    return;

  if (strcmp (name, "pre") == 0 && w->preformatted > 0)
    w->preformatted--;
  if (is_block (name))
    writer_break (w, strcmp (name, "li") == 0 ? 1 : 2);
}

static void
writer_characters (void          *user_data,
                   const xmlChar *text,
                   int            len)
{
  TextWriter *w = user_data;

  if (w->skipping == 0 && len > 0)
    writer_text (w, (const char *) text, (gsize) len, w->preformatted > 0);
}

/**
 * gazette_html_to_text:
 * @html: (nullable): an HTML fragment, as feeds carry it
 *
 * Reduces HTML to readable plain text: paragraphs separated by blank lines, list items
 * marked with bullets, scripts and styles dropped, white space collapsed. Never fetches
 * anything the document refers to.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
gazette_html_to_text (const char *html)
{
  TextWriter w = { 0 };
  htmlParserCtxtPtr parser;
  htmlDocPtr doc;
  int len;

  if (html == NULL || *html == '\0')
    return g_strdup ("");

  gazette_libxml_init ();
  parser = htmlNewParserCtxt ();
  if (parser == NULL)
    return g_strdup ("");

  /* Only these events: the default handlers would build a tree nobody reads. */
  memset (parser->sax, 0, sizeof (htmlSAXHandler));
  parser->sax->startElement = writer_start_element;
  parser->sax->endElement = writer_end_element;
  parser->sax->characters = writer_characters;
  parser->sax->cdataBlock = writer_characters;
  parser->userData = &w;

  w.out = g_string_new (NULL);
  len = (int) MIN (strlen (html), (gsize) G_MAXINT);
  doc = htmlCtxtReadMemory (parser, html, len, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                            | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_NODEFDTD);
  if (doc != NULL)
    xmlFreeDoc (doc);
  htmlFreeParserCtxt (parser);

  while (w.out->len > 0 && g_ascii_isspace (w.out->str[w.out->len - 1]))
    g_string_truncate (w.out, w.out->len - 1);

  return g_string_free (w.out, FALSE);
}
