/* test-sanitizer.c
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

#define G_LOG_DOMAIN "test-sanitizer"

#include "config.h"

#include <string.h>

#include "gazette-feed-parser.h"
#include "gazette-sanitizer.h"

#define BASE "https://district.example.cn/news/2024/item.html"

static void
assert_sanitized (const char *html,
                  const char *expected)
{
  g_autofree char *out = gazette_html_sanitize (html, BASE);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_null_and_empty (void)
{
  g_assert_null (gazette_html_sanitize (NULL, BASE));
  assert_sanitized ("", "");
  assert_sanitized ("   \n ", "");
  assert_sanitized ("<!-- only a comment -->", "");
  assert_sanitized ("<script>alert(1)</script>", "");
}

static void
test_allowed_markup (void)
{
  assert_sanitized ("<p>One <em>two</em> <strong>three</strong></p>",
                    "<p>One <em>two</em> <strong>three</strong></p>");
  assert_sanitized ("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>",
                    "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>");
  assert_sanitized ("<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>",
                    "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>");
  assert_sanitized ("<blockquote><p>Quoted</p></blockquote>",
                    "<blockquote><p>Quoted</p></blockquote>");
  assert_sanitized ("<p>H<sub>2</sub>O, x<sup>2</sup>, <u>u</u> <s>s</s> <i>i</i> <b>b</b></p>",
                    "<p>H<sub>2</sub>O, x<sup>2</sup>, <u>u</u> <s>s</s> <i>i</i> <b>b</b></p>");
  assert_sanitized ("<pre><code>a  &lt; b\n  c</code></pre>",
                    "<pre><code>a  &lt; b\n  c</code></pre>");
  assert_sanitized ("<p>line<br>next</p><hr><p>after</p>",
                    "<p>line<br/>next</p><hr/><p>after</p>");
}

static void
test_thai_and_chinese (void)
{
  assert_sanitized ("<p>เขตเซียวชานประกาศแผน<strong>เศรษฐกิจดิจิทัล</strong></p>",
                    "<p>เขตเซียวชานประกาศแผน<strong>เศรษฐกิจดิจิทัล</strong></p>");
  assert_sanitized ("<div>萧山区发布数字经济规划&nbsp;“中国视谷”</div>",
                    "<p>萧山区发布数字经济规划\xc2\xa0“中国视谷”</p>");
}

static void
test_escaping (void)
{
  assert_sanitized ("<p>5 &lt; 6 &amp;&amp; \"quoted\" &gt; 'single'</p>",
                    "<p>5 &lt; 6 &amp;&amp; &quot;quoted&quot; &gt; 'single'</p>");
  assert_sanitized ("<p>a < b and c > d & e</p>", "<p>a &lt; b and c &gt; d &amp; e</p>");
  assert_sanitized ("<img src='https://img.example.cn/a.jpg' alt='x\" onerror=\"alert(1)'>",
                    "<p><img src=\"https://img.example.cn/a.jpg\" "
                    "alt=\"x&quot; onerror=&quot;alert(1)\"/></p>");
}

static void
test_whitespace (void)
{
  assert_sanitized ("<p>  Body   text\n over\tlines.  </p>", "<p>Body text over lines.</p>");
  assert_sanitized ("<p><b>a</b> <i>b</i></p>", "<p><b>a</b> <i>b</i></p>");
  assert_sanitized ("<p>a <b> b </b> c</p>", "<p>a <b>b</b> c</p>");
  assert_sanitized ("<p>\n</p><p> </p><p>kept</p>", "<p>kept</p>");
}

static void
test_loose_text (void)
{
  assert_sanitized ("Just text", "<p>Just text</p>");
  assert_sanitized ("One<br><br>Two", "<p>One<br/><br/>Two</p>");
  assert_sanitized ("Before<p>Inside</p>After", "<p>Before</p><p>Inside</p><p>After</p>");
  assert_sanitized ("<div>One</div><div>Two <span>three</span></div>",
                    "<p>One</p><p>Two three</p>");
  assert_sanitized ("<blockquote>Loose quote</blockquote>",
                    "<blockquote><p>Loose quote</p></blockquote>");
  assert_sanitized ("<ul>stray<li>item</li></ul>", "<ul><li>stray</li><li>item</li></ul>");
  assert_sanitized ("<ul><ul><li>nested</li></ul></ul>",
                    "<ul><li><ul><li>nested</li></ul></li></ul>");
  assert_sanitized ("<li>orphan</li>", "<p>orphan</p>");
  assert_sanitized ("<ol><li>a</li>text<br>more</ol>",
                    "<ol><li>a</li><li>text<br/>more</li></ol>");
  assert_sanitized ("<ul><br><li>a</li></ul>", "<ul><li>a</li></ul>");
}

static void
test_nesting_repaired (void)
{
  /* Blocks inside inline content are unwrapped, so the output nests properly. */
  assert_sanitized ("<p><em>a<div>b</div>c</em></p>", "<p><em>a b c</em></p>");
  assert_sanitized ("<h2><ul><li>x</li><li>y</li></ul></h2>", "<h2>x y</h2>");
  assert_sanitized ("<a href='/x'><h3>Title</h3><p>Teaser</p></a>",
                    "<p><a href=\"https://district.example.cn/x\">Title Teaser</a></p>");
  assert_sanitized ("<b>bold<p>para</b>", "<p><b>bold</b></p><p>para</p>");
  assert_sanitized ("<p>unclosed <em>emphasis", "<p>unclosed <em>emphasis</em></p>");
}

static void
test_removed_elements (void)
{
  assert_sanitized ("<p>a<script>document.write('x')</script>b</p>", "<p>ab</p>");
  assert_sanitized ("<style>p { color: red }</style><p>text</p>", "<p>text</p>");
  assert_sanitized ("<iframe src='https://evil.example/'>fallback</iframe><p>t</p>", "<p>t</p>");
  assert_sanitized ("<object data='x.swf'><param name='a' value='b'>alt</object>", "");
  assert_sanitized ("<embed src='x.swf'>", "");
  assert_sanitized ("<form action='/x'><input name='q'><button>Go</button></form><p>t</p>",
                    "<p>t</p>");
  assert_sanitized ("<p>a<!-- secret --><!--[if IE]>x<![endif]-->b</p>", "<p>ab</p>");
  assert_sanitized ("<svg><script>alert(1)</script><text>t</text></svg><p>ok</p>",
                    "<p>ok</p>");
  assert_sanitized ("<video src='a.mp4'>Your browser</video><audio src='a.mp3'></audio>", "");
  assert_sanitized ("<html><head><title>T</title><meta charset=gbk></head>"
                    "<body><p>body</p></body></html>",
                    "<p>body</p>");
  assert_sanitized ("<noscript><img src='https://tracker.example/p.gif' width=1 height=1>"
                    "</noscript>", "");
}

static void
test_attributes_stripped (void)
{
  assert_sanitized ("<p style='color:red' class='x' id='y' onclick='alert(1)'>t</p>",
                    "<p>t</p>");
  assert_sanitized ("<p onmouseover=\"alert(1)\"><b onload=x>b</b></p>", "<p><b>b</b></p>");
  assert_sanitized ("<a href='https://a.example/' target='_blank' onclick='x()' "
                    "rel='nofollow' title='t'>link</a>",
                    "<p><a href=\"https://a.example/\">link</a></p>");
  assert_sanitized ("<img src='https://i.example/a.png' style='x' onerror='alert(1)' "
                    "class='c' srcset='b.png 2x' width='640' height='480' alt='A'>",
                    "<p><img src=\"https://i.example/a.png\" alt=\"A\" width=\"640\" "
                    "height=\"480\"/></p>");
  assert_sanitized ("<img src='https://i.example/a.png' width='100%' height='auto'>",
                    "<p><img src=\"https://i.example/a.png\"/></p>");
  assert_sanitized ("<font face='x' color='red'>font</font>", "<p>font</p>");
}

static void
test_links (void)
{
  assert_sanitized ("<a href='http://a.example/'>h</a>",
                    "<p><a href=\"http://a.example/\">h</a></p>");
  assert_sanitized ("<a href='mailto:press@district.example.cn'>mail</a>",
                    "<p><a href=\"mailto:press@district.example.cn\">mail</a></p>");
  assert_sanitized ("<a href='javascript:alert(1)'>js</a>", "<p>js</p>");
  assert_sanitized ("<a href='JaVaScRiPt:alert(1)'>js</a>", "<p>js</p>");
  assert_sanitized ("<a href=' javascript:alert(1)'>js</a>", "<p>js</p>");
  assert_sanitized ("<a href='vbscript:msgbox'>vb</a>", "<p>vb</p>");
  assert_sanitized ("<a href='data:text/html,<script>alert(1)</script>'>d</a>", "<p>d</p>");
  assert_sanitized ("<a href='file:///etc/passwd'>f</a>", "<p>f</p>");
  assert_sanitized ("<a href='ftp://a.example/x'>f</a>", "<p>f</p>");
  assert_sanitized ("<a>no href</a>", "<p>no href</p>");
  /* An empty href points back at the article itself: nothing worth a link. */
  assert_sanitized ("<a href=''>empty</a>", "<p>empty</p>");
  assert_sanitized ("<a href='https://a.example/'></a><p>t</p>", "<p>t</p>");
  assert_sanitized ("<a href='https://a.example/?a=1&amp;b=2'>q</a>",
                    "<p><a href=\"https://a.example/?a=1&amp;b=2\">q</a></p>");
}

static void
test_relative_urls (void)
{
  assert_sanitized ("<a href='other.html'>o</a>",
                    "<p><a href=\"https://district.example.cn/news/2024/other.html\">o</a></p>");
  assert_sanitized ("<a href='/root'>r</a>",
                    "<p><a href=\"https://district.example.cn/root\">r</a></p>");
  assert_sanitized ("<a href='../up/x?q=1#f'>u</a>",
                    "<p><a href=\"https://district.example.cn/news/up/x?q=1#f\">u</a></p>");
  assert_sanitized ("<a href='//cdn.example.cn/x'>s</a>",
                    "<p><a href=\"https://cdn.example.cn/x\">s</a></p>");
  assert_sanitized ("<img src='img/a.jpg'>",
                    "<p><img src=\"https://district.example.cn/news/2024/img/a.jpg\"/></p>");

  {
    /* Without a base, relative references lead nowhere. */
    g_autofree char *out = gazette_html_sanitize ("<a href='x.html'>x</a><img src='a.png'>"
                                                  "<a href='https://a.example/'>y</a>", NULL);
    g_assert_cmpstr (out, ==, "<p>x<a href=\"https://a.example/\">y</a></p>");
  }
}

static void
test_images (void)
{
  assert_sanitized ("<img src='data:image/png;base64,iVBORw0KGgo='>", "");
  assert_sanitized ("<img src='data:image/gif;base64,R0lGOD' data-src='/lazy.jpg'>",
                    "<p><img src=\"https://district.example.cn/lazy.jpg\"/></p>");
  assert_sanitized ("<img src='javascript:alert(1)'>", "");
  assert_sanitized ("<img src='file:///etc/passwd'>", "");
  assert_sanitized ("<img>", "");
  assert_sanitized ("<p>Text <img src='https://i.example/a.png' alt='A'> more</p>",
                    "<p>Text <img src=\"https://i.example/a.png\" alt=\"A\"/> more</p>");
}

static void
test_tracking_pixels (void)
{
  assert_sanitized ("<p>t<img src='https://news.example/p.gif' width='1' height='1'></p>",
                    "<p>t</p>");
  assert_sanitized ("<img src='https://news.example/p.gif' width='0' height='0'>", "");
  assert_sanitized ("<img src='https://news.example/p.gif' height='1px'>", "");
  assert_sanitized ("<img src='https://pixel.wp.com/g.gif?blog=1'>", "");
  assert_sanitized ("<img src='https://feeds.feedburner.com/~r/x/~4/abc'>", "");
  assert_sanitized ("<img src='https://www.google-analytics.com/collect?v=1'>", "");
  assert_sanitized ("<img src='https://stats.g.doubleclick.net/x'>", "");
  assert_sanitized ("<img src='https://hm.baidu.com/hm.gif?si=1'>", "");
  assert_sanitized ("<img src='https://s4.cnzz.com/stat.php?id=1'>", "");
  /* Only whole host names match. */
  assert_sanitized ("<img src='https://notcnzz.com/a.png'>",
                    "<p><img src=\"https://notcnzz.com/a.png\"/></p>");
  /* A link around a removed pixel goes too. */
  assert_sanitized ("<a href='https://a.example/'><img src='https://a.example/p' width=1></a>",
                    "");
}

static void
test_tables (void)
{
  assert_sanitized ("<table><tr><th>Year</th><th>Target</th></tr>"
                    "<tr><td>2022</td><td>72 billion</td></tr></table>",
                    "<p>Year · Target</p><p>2022 · 72 billion</p>");
  assert_sanitized ("<table><caption>Plan</caption><thead><tr><th>A</th></tr></thead>"
                    "<tbody><tr><td>1</td><td></td><td>3</td></tr></tbody>"
                    "<tfoot><tr><td>f</td></tr></tfoot></table>",
                    "<p>Plan</p><p>A</p><p>1 · 3</p><p>f</p>");
  assert_sanitized ("<table><tr><td><p>cell <b>bold</b></p><ul><li>x</li></ul></td></tr></table>",
                    "<p>cell <b>bold</b> x</p>");
  assert_sanitized ("<table><tr><td></td></tr><tr><td> </td></tr></table>", "");
  assert_sanitized ("<p>Before</p><table><tr><td>a</td><td>b</td></tr></table><p>After</p>",
                    "<p>Before</p><p>a · b</p><p>After</p>");
  assert_sanitized ("<ul><li><table><tr><td>a</td><td>b</td></tr></table></li></ul>",
                    "<ul><li><p>a · b</p></li></ul>");
}

static void
test_hostile_structure (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *very_deep_out = NULL;

  /* Deeper than the sanitiser walks: the text is kept, flattened. */
  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "<div><b>");
  g_string_append (deep, "deep <i>text</i>");
  out = gazette_html_sanitize (deep->str, BASE);
  g_assert_true (g_str_has_prefix (out, "<p><b><b><b>"));
  g_assert_nonnull (strstr (out, "deep text</b>"));
  g_assert_null (strstr (out, "<div"));

  /* Deeper than libxml2 parses: it gives up, and so do we, without crashing. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<div><b>");
  very_deep_out = gazette_html_sanitize (deep->str, BASE);
  g_assert_nonnull (very_deep_out);
  g_assert_null (strstr (very_deep_out, "<div"));

  /* Invalid UTF-8 does not turn the rest into mojibake. */
  assert_sanitized ("<p>ok \xff 萧山</p>", "<p>ok \xef\xbf\xbd 萧山</p>");
  assert_sanitized ("<p>a</p></p></div></body></html><p>b", "<p>a</p><p>b</p>");
  /* HTML has no CDATA sections: the script inside is still a script, and goes. */
  assert_sanitized ("<![CDATA[<script>x</script>]]><p>t</p>", "<p>![CDATA[]]&gt;</p><p>t</p>");
  assert_sanitized ("<?xml version='1.0'?><?php evil(); ?><p>t</p>", "<p>t</p>");
  assert_sanitized ("<!DOCTYPE html SYSTEM 'file:///etc/passwd'><p>t</p>", "<p>t</p>");
  assert_sanitized ("<p>&xxe; &#0;a &#x110000;b</p>", "<p>&amp;xxe; a b</p>");
}

static void
test_well_formed_output (void)
{
  static const char * const inputs[] = {
    "<p><ul><li>a<p>b</ul></p>",
    "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
    "<blockquote><li>a</li><hr><h1>h</h1>t</blockquote>",
    "<a href='https://a/'><a href='https://b/'>nested</a></a>",
    "<pre>  x\n<b>y</b>\n<p>z</p></pre>",
    "<ol><li><blockquote>q</blockquote></li>text<br>more</ol>",
    "<sub><h1>x</h1><table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table></sub>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *out = gazette_html_sanitize (inputs[i], BASE);
      g_autofree char *wrapped = g_strdup_printf ("<root>%s</root>", out);
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;
      GMarkupParser parser = { 0 };

      context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
      g_markup_parse_context_parse (context, wrapped, -1, &error);
      if (error == NULL)
        g_markup_parse_context_end_parse (context, &error);
      g_assert_no_error (error);
    }
}

static GazetteAnnouncement *
parse_one (const char *text,
           const char *base_url)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gazette_feed_parse (bytes, NULL, base_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->announcements->len, ==, 1);

  return g_object_ref (g_ptr_array_index (doc->announcements, 0));
}

/* Both parsers hand the store sanitised bodies only. */
static void
test_applied_at_ingest (void)
{
  g_autoptr(GazetteAnnouncement) json = NULL;
  g_autoptr(GazetteAnnouncement) rss = NULL;
  g_autoptr(GazetteAnnouncement) atom = NULL;

  json = parse_one ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\","
                    " \"home_page_url\": \"https://d.example/\", \"items\": [{\"id\": \"1\","
                    " \"content_html\": \"<p onclick='x()'>Hi<script>alert(1)</script>"
                    "<img src='/a.png'></p>\"}]}", NULL);
  g_assert_cmpstr (gazette_announcement_get_content_html (json), ==,
                   "<p>Hi<img src=\"https://d.example/a.png\"/></p>");

  rss = parse_one ("<rss version='2.0'><channel><title>T</title><item><title>I</title>"
                   "<link>https://d.example/news/1.html</link>"
                   "<description><![CDATA[<iframe src='x'></iframe><a href='2.html'>next</a>"
                   "]]></description></item></channel></rss>", "https://d.example/rss.xml");
  g_assert_cmpstr (gazette_announcement_get_content_html (rss), ==,
                   "<p><a href=\"https://d.example/news/2.html\">next</a></p>");

  atom = parse_one ("<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title><entry>"
                    "<id>x</id><title>E</title><content type='html'>&lt;b onmouseover='x'&gt;"
                    "bold&lt;/b&gt;&lt;img src='javascript:x'&gt;</content></entry></feed>",
                    "https://d.example/atom.xml");
  g_assert_cmpstr (gazette_announcement_get_content_html (atom), ==, "<p><b>bold</b></p>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sanitizer/null-and-empty", test_null_and_empty);
  g_test_add_func ("/core/sanitizer/allowed-markup", test_allowed_markup);
  g_test_add_func ("/core/sanitizer/thai-and-chinese", test_thai_and_chinese);
  g_test_add_func ("/core/sanitizer/escaping", test_escaping);
  g_test_add_func ("/core/sanitizer/whitespace", test_whitespace);
  g_test_add_func ("/core/sanitizer/loose-text", test_loose_text);
  g_test_add_func ("/core/sanitizer/nesting-repaired", test_nesting_repaired);
  g_test_add_func ("/core/sanitizer/removed-elements", test_removed_elements);
  g_test_add_func ("/core/sanitizer/attributes-stripped", test_attributes_stripped);
  g_test_add_func ("/core/sanitizer/links", test_links);
  g_test_add_func ("/core/sanitizer/relative-urls", test_relative_urls);
  g_test_add_func ("/core/sanitizer/images", test_images);
  g_test_add_func ("/core/sanitizer/tracking-pixels", test_tracking_pixels);
  g_test_add_func ("/core/sanitizer/tables", test_tables);
  g_test_add_func ("/core/sanitizer/hostile-structure", test_hostile_structure);
  g_test_add_func ("/core/sanitizer/well-formed-output", test_well_formed_output);
  g_test_add_func ("/core/sanitizer/applied-at-ingest", test_applied_at_ingest);

  return g_test_run ();
}
