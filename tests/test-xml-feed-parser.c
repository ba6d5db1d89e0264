/* test-xml-feed-parser.c
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

#define G_LOG_DOMAIN "test-xml-feed-parser"

#include "config.h"

#include <string.h>

#include "gazette-announcement-private.h"
#include "gazette-feed-parser.h"
#include "gazette-test-util.h"
#include "gazette-xml-feed-parser.h"

static GazetteFeedDocument *
parse_string (const char *xml,
              const char *base_url,
              GPtrArray  *problems,
              GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return gazette_xml_feed_parse (bytes, "application/xml", base_url, problems, error);
}

static GazetteFeedDocument *
parse_fixture (const char *name,
               const char *content_type,
               const char *base_url)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("xml-feed", name);
  g_autoptr(GError) error = NULL;
  GazetteFeedDocument *doc;

  doc = gazette_xml_feed_parse (bytes, content_type, base_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

static GazetteAnnouncement *
item (GazetteFeedDocument *doc,
      guint                i)
{
  g_assert_cmpuint (i, <, doc->announcements->len);
  return g_ptr_array_index (doc->announcements, i);
}

static void
assert_date (GDateTime  *dt,
             const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (dt);
  utc = g_date_time_to_utc (dt);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (text, ==, expected_utc);
}

static void
test_rss2 (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  GazetteAnnouncement *a;

  doc = parse_fixture ("rss2.xml", "application/rss+xml",
                       "https://xiaoshan.example.gov.cn/feeds/rss.xml");
  g_assert_cmpstr (doc->title, ==, "Xiaoshan District News");
  g_assert_cmpstr (doc->home_page_url, ==, "https://xiaoshan.example.gov.cn/");
  g_assert_cmpstr (doc->feed_url, ==, "https://xiaoshan.example.gov.cn/rss.xml");
  g_assert_cmpstr (doc->description, ==, "Announcements from Xiaoshan district");
  g_assert_cmpstr (doc->language, ==, "zh-CN");
  g_assert_cmpstr (doc->icon_url, ==, "https://xiaoshan.example.gov.cn/images/logo.png");
  g_assert_cmpuint (doc->announcements->len, ==, 3);

  a = item (doc, 0);
  g_assert_cmpstr (a->id, ==, "xiaoshan-2018-0001");
  g_assert_cmpstr (a->title, ==, "Digital economy plan announced");
  g_assert_cmpstr (a->url, ==, "https://xiaoshan.example.gov.cn/news/1.html");
  g_assert_nonnull (strstr (a->summary, "digital economy above 72 billion yuan"));
  g_assert_null (strstr (a->summary, "<"));
  g_assert_cmpstr (a->content_html, ==, "<p>Full text about <strong>China V Valley</strong>.</p>");
  g_assert_cmpstr (a->author, ==, "Press Office");
  g_assert_cmpstr (a->language, ==, "zh-CN");
  assert_date (a->published, "2018-10-08T01:30:00Z");
  g_assert_nonnull (a->tags);
  g_assert_cmpuint (g_strv_length (a->tags), ==, 2);
  g_assert_cmpstr (a->tags[0], ==, "economy");
  g_assert_cmpstr (a->tags[1], ==, "computer vision");
  g_assert_cmpstr (a->image_url, ==, "https://xiaoshan.example.gov.cn/img/plan.jpg");

  a = item (doc, 1);
  /* No guid: a derived id, a relative link resolved against the feed's address. */
  g_assert_cmpuint (strlen (a->id), ==, 40);
  g_assert_cmpstr (a->url, ==, "https://xiaoshan.example.gov.cn/feeds/news/2.html");
  g_assert_cmpstr (a->author, ==, "Tong Guili");
  g_assert_cmpstr (a->content_html, ==, "<p>Second item</p>");
  assert_date (a->published, "2018-10-09T02:00:00Z");
  g_assert_cmpstr (a->image_url, ==, "https://xiaoshan.example.gov.cn/img/valley-thumb.jpg");
  g_assert_null (a->tags);

  a = item (doc, 2);
  g_assert_cmpstr (a->id, ==, "https://xiaoshan.example.gov.cn/news/3.html");
  g_assert_cmpstr (a->url, ==, "https://xiaoshan.example.gov.cn/news/3.html");
  assert_date (a->published, "2018-10-09T11:00:00Z");
  g_assert_cmpstr (a->image_url, ==, "https://xiaoshan.example.gov.cn/img/3.png");
}

static void
test_rss1_rdf (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  GazetteAnnouncement *a;

  doc = parse_fixture ("rss1-rdf.xml", NULL, NULL);
  g_assert_cmpstr (doc->title, ==, "District RDF feed");
  g_assert_cmpstr (doc->home_page_url, ==, "https://district.example.org/");
  g_assert_cmpstr (doc->description, ==, "RSS 1.0 announcements");
  g_assert_cmpstr (doc->language, ==, "th");
  g_assert_cmpstr (doc->icon_url, ==, "https://district.example.org/logo.gif");
  g_assert_cmpuint (doc->announcements->len, ==, 2);

  a = item (doc, 0);
  g_assert_cmpstr (a->id, ==, "https://district.example.org/a/1");
  g_assert_cmpstr (a->title, ==, "ประกาศแผนเศรษฐกิจดิจิทัล");
  g_assert_cmpstr (a->summary, ==, "สรุปข่าว");
  g_assert_cmpstr (a->author, ==, "สำนักข่าว");
  g_assert_cmpstr (a->language, ==, "th");
  assert_date (a->published, "2018-10-08T00:00:00Z");
  g_assert_nonnull (a->tags);
  g_assert_cmpstr (a->tags[0], ==, "เศรษฐกิจ");

  a = item (doc, 1);
  g_assert_cmpstr (a->id, ==, "https://district.example.org/a/2");
  g_assert_cmpstr (a->language, ==, "en");
  g_assert_cmpstr (a->content_html, ==, "<p>Body</p>");
  assert_date (a->published, "2018-10-09T08:00:00Z");
}

static void
test_atom (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  GazetteAnnouncement *a;

  doc = parse_fixture ("atom.xml", "application/atom+xml", "https://ignored.example/feed");
  g_assert_cmpstr (doc->title, ==, "Xiaoshan <Atom>");
  g_assert_cmpstr (doc->description, ==, "District announcements");
  g_assert_cmpstr (doc->home_page_url, ==, "https://atom.example.com/district/");
  g_assert_cmpstr (doc->feed_url, ==, "https://atom.example.com/district/feed.atom");
  g_assert_cmpstr (doc->icon_url, ==, "https://atom.example.com/district/favicon.ico");
  g_assert_cmpstr (doc->language, ==, "en");
  g_assert_cmpuint (doc->announcements->len, ==, 3);

  a = item (doc, 0);
  g_assert_cmpstr (a->id, ==, "tag:atom.example.com,2018:1");
  g_assert_cmpstr (a->title, ==, "China V Valley");
  /* xml:base on the feed, then on the entry. */
  g_assert_cmpstr (a->url, ==, "https://atom.example.com/district/posts/v-valley.html");
  g_assert_cmpstr (a->image_url, ==, "https://atom.example.com/district/img/v.jpg");
  g_assert_cmpstr (a->summary, ==, "Vision & video");
  /* The content's own xml:base, for the image in it; sanitised. */
  g_assert_cmpstr (a->content_html, ==,
                   "<p>Computer <em>vision</em> park.</p>"
                   "<p><img src=\"https://cdn.example.net/pic.png\"/></p>");
  g_assert_null (a->content_text);
  g_assert_cmpstr (a->author, ==, "Xiaoshan Government");
  g_assert_cmpstr (a->language, ==, "en");
  assert_date (a->published, "2018-10-08T01:30:00Z");
  assert_date (a->updated, "2018-10-09T01:30:00Z");
  g_assert_nonnull (a->tags);
  g_assert_cmpuint (g_strv_length (a->tags), ==, 2);
  g_assert_cmpstr (a->tags[0], ==, "Computer vision");
  g_assert_cmpstr (a->tags[1], ==, "valley");

  a = item (doc, 1);
  g_assert_cmpstr (a->title, ==, "萧山区数字经济");
  g_assert_cmpstr (a->url, ==, "https://atom.example.com/zh/1");
  g_assert_cmpstr (a->language, ==, "zh-Hans");
  g_assert_cmpstr (a->author, ==, "佟桂莉");
  g_assert_cmpstr (a->content_text, ==, "纯文本内容");
  g_assert_null (a->content_html);
  /* Only updated: it stands in for the publication date. */
  assert_date (a->published, "2018-10-10T00:00:00Z");

  a = item (doc, 2);
  g_assert_null (a->url);
  g_assert_cmpstr (a->content_html, ==, "<p>Escaped <b>HTML</b></p>");
}

static void
test_rss091 (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("xml-feed", "rss091.xml");
  g_autoptr(GError) error = NULL;
  GazetteAnnouncement *a;

  /* Through the format-independent entry point, with a DTD that must not be fetched. */
  doc = gazette_feed_parse (bytes, "text/xml", "http://old.example.com/rss.xml", problems,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "Café district");
  g_assert_cmpstr (doc->description, ==, "Nouvelles du café");
  g_assert_cmpstr (doc->language, ==, "en-US");
  g_assert_cmpuint (doc->announcements->len, ==, 1);

  a = item (doc, 0);
  g_assert_cmpstr (a->title, ==, "First old item");
  g_assert_cmpstr (a->url, ==, "http://old.example.com/1");
  g_assert_nonnull (a->id);
  g_assert_nonnull (a->published);
  /* No date: a warning, never an error. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (((GazetteProblem *) g_ptr_array_index (problems, 0))->is_error);
}

typedef struct
{
  const char *name;
  const char *content_type;
  const char *channel_title;
  const char *item_title;
} EncodingCase;

static const EncodingCase encoding_cases[] = {
  { "gb18030.xml", NULL, "萧山区发布数字经济规划", "中国视谷 · 计算机视觉" },
  { "big5.xml", "application/rss+xml", "蕭山區數位經濟", "中國視谷" },
  { "tis620.xml", NULL, "ข่าวเขตเซียวชาน", "ประกาศแผนเศรษฐกิจดิจิทัล" },
  /* The server's charset beats the XML declaration... */
  { "gbk-http-charset.xml", "application/rss+xml; charset=gbk", "萧山区新闻", "数字经济" },
  { "gbk-http-charset.xml", "text/xml;charset=\"GB18030\"", "萧山区新闻", "数字经济" },
  /* ...and a byte order mark beats both. */
  { "bom-utf8.xml", "application/xml; charset=big5", "ข่าวเซียวชาน", "萧山" },
  { "utf16.xml", "application/xml; charset=gbk", "ข่าวเซียวชาน", "萧山" },
  /* Labels as the web means them: GB2312 pages use GBK characters (镕 is not in GB2312),
   * windows-874 is not a name iconv knows, ISO-8859-1 pages use windows-1252 quotes. */
  { "gb2312.xml", NULL, "萧山区人民政府", "朱镕基视察萧山" },
  { "gb2312.xml", "application/rss+xml; charset=GB2312", "萧山区人民政府", "朱镕基视察萧山" },
  { "windows-874.xml", NULL, "เขตเซียวชาน “ข่าว”", "ประกาศแผน… ดิจิทัล" },
  { "windows-874.xml", "text/xml; charset=TIS-620", "เขตเซียวชาน “ข่าว”",
    "ประกาศแผน… ดิจิทัล" },
  { "iso-8859-1.xml", NULL, "Café “district” news", "Résumé of the plan – 2022" },
  /* A charset iconv does not know falls back to the declaration. */
  { "tis620.xml", "text/xml; charset=x-no-such-charset", "ข่าวเขตเซียวชาน",
    "ประกาศแผนเศรษฐกิจดิจิทัล" },
};

static void
test_encoding (gconstpointer data)
{
  const EncodingCase *c = data;
  g_autoptr(GazetteFeedDocument) doc = parse_fixture (c->name, c->content_type, NULL);

  g_assert_true (g_utf8_validate (doc->title, -1, NULL));
  g_assert_cmpstr (doc->title, ==, c->channel_title);
  g_assert_cmpstr (item (doc, 0)->title, ==, c->item_title);
}

static void
test_utf16_sniffed (void)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("xml-feed", "utf16.xml");
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gazette_feed_parse (bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "ข่าวเซียวชาน");
}

static void
test_encoding_declaration_lies (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;

  /* Without the server's charset, the wrong declaration is all there is: the text comes out
   * as Latin-1 mojibake, which shows the HTTP charset above really did the work. */
  doc = parse_fixture ("gbk-http-charset.xml", "text/xml", NULL);
  g_assert_cmpstr (doc->title, !=, "萧山区新闻");
}

typedef struct
{
  const char *text;
  const char *utc;  /* or NULL when it must not parse */
} DateCase;

static const DateCase date_cases[] = {
  { "Mon, 08 Oct 2018 09:30:00 +0800", "2018-10-08T01:30:00Z" },
  { "08 Oct 2018 09:30:00 +0800", "2018-10-08T01:30:00Z" },
  { "Mon, 8 Oct 2018 09:30:00 GMT", "2018-10-08T09:30:00Z" },
  { "Mon, 08 Oct 18 09:30:00 UTC", "2018-10-08T09:30:00Z" },
  { "Tue, 9 Oct 99 23:15 EST", "1999-10-10T04:15:00Z" },
  { "Mon, 08 Oct 2018 09:30 EDT", "2018-10-08T13:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00 CST", "2018-10-08T15:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00 CDT", "2018-10-08T14:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00 MST", "2018-10-08T16:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00 MDT", "2018-10-08T15:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00 PST", "2018-10-08T17:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00 PDT", "2018-10-08T16:30:00Z" },
  { "Monday, 08 October 2018 09:30:00 -0330", "2018-10-08T13:00:00Z" },
  { "8 oct 2018 9:30 Z", "2018-10-08T09:30:00Z" },
  { "Mon, 08 Oct 2018 09:30:00", "2018-10-08T09:30:00Z" },
  { "  Mon, 08 Oct 2018 09:30:00 +08:00  ", "2018-10-08T01:30:00Z" },
  { "2018-10-08T09:30:00+08:00", "2018-10-08T01:30:00Z" },
  { "Mon, 32 Oct 2018 09:30:00 GMT", NULL },
  { "Mon, 08 Foo 2018 09:30:00 GMT", NULL },
  { "Mon, 08 Oct 2018 09:30:00 XYZ", NULL },
  { "yesterday", NULL },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autofree char *xml = NULL;
      g_autoptr(GazetteFeedDocument) doc = NULL;
      g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
      g_autoptr(GError) error = NULL;
      GazetteAnnouncement *a;

      g_test_message ("date %u: %s", i, c->text);
      xml = g_strdup_printf ("<rss version=\"2.0\"><channel><title>t</title><item>"
                             "<guid>d</guid><title>x</title><pubDate>%s</pubDate>"
                             "</item></channel></rss>",
                             c->text);
      doc = parse_string (xml, NULL, problems, &error);
      g_assert_no_error (error);
      a = item (doc, 0);
      g_assert_nonnull (a->published);
      if (c->utc != NULL)
        {
          assert_date (a->published, c->utc);
          g_assert_cmpuint (problems->len, ==, 0);
        }
      else
        {
          /* Unreadable: a warning, and the time it was read stands in. */
          g_assert_cmpuint (problems->len, >=, 1);
          g_assert_false (((GazetteProblem *) g_ptr_array_index (problems, 0))->is_error);
          g_assert_nonnull (((GazetteProblem *) g_ptr_array_index (problems, 0))->location);
        }
    }
}

#define NO_ID_FEED \
  "<rss version=\"2.0\"><channel><title>t</title>" \
  "<item><title>Same title</title><link>%s</link>" \
  "<pubDate>Mon, 08 Oct 2018 09:30:00 GMT</pubDate></item>" \
  "<item><title>Other title</title><link>%s</link>" \
  "<pubDate>Mon, 08 Oct 2018 09:30:00 GMT</pubDate></item>" \
  "</channel></rss>"

static char *
first_ids (const char  *link,
           char       **second)
{
  g_autofree char *xml = g_strdup_printf (NO_ID_FEED, link, link);
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_string (xml, NULL, NULL, &error);
  g_assert_no_error (error);
  *second = g_strdup (item (doc, 1)->id);

  return g_strdup (item (doc, 0)->id);
}

static void
test_missing_ids (void)
{
  g_autofree char *a1 = NULL, *a2 = NULL, *b1 = NULL, *b2 = NULL, *c1 = NULL, *c2 = NULL;

  a1 = first_ids ("https://example.org/1", &a2);
  b1 = first_ids ("https://example.org/1", &b2);
  c1 = first_ids ("https://example.org/2", &c2);

  /* Stable from one fetch to the next... */
  g_assert_cmpstr (a1, ==, b1);
  g_assert_cmpstr (a2, ==, b2);
  /* ...and different when the link or the title differs. */
  g_assert_cmpstr (a1, !=, c1);
  g_assert_cmpstr (a1, !=, a2);
  g_assert_cmpuint (strlen (a1), ==, 40);
}

static void
test_relative_urls (void)
{
  static const char xml[] =
    "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
    "<title>t</title><link>/home</link>"
    "<item xml:base=\"/section/\"><guid>1</guid><link>page.html?x=1</link>"
    "<media:content url=\"../img/a.png\" type=\"image/png\"/></item>"
    "<item><guid>2</guid><link>//cdn.example.net/p</link></item>"
    "<item><guid>3</guid><link>mailto:press@example.org</link></item>"
    "</channel></rss>";
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GazetteFeedDocument) no_base = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_string (xml, "https://example.org/feeds/main.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->home_page_url, ==, "https://example.org/home");
  g_assert_cmpstr (item (doc, 0)->url, ==, "https://example.org/section/page.html?x=1");
  g_assert_cmpstr (item (doc, 0)->image_url, ==, "https://example.org/img/a.png");
  g_assert_cmpstr (item (doc, 1)->url, ==, "https://cdn.example.net/p");
  g_assert_cmpstr (item (doc, 2)->url, ==, "mailto:press@example.org");

  /* Without an address, relative links stay as written rather than being dropped. */
  no_base = parse_string (xml, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item (no_base, 1)->url, ==, "//cdn.example.net/p");
}

static void
assert_no_field_contains (GazetteFeedDocument *doc,
                          const char          *needle)
{
  const char *feed_fields[] = { doc->title, doc->description, doc->home_page_url };

  for (guint i = 0; i < G_N_ELEMENTS (feed_fields); i++)
    g_assert_true (feed_fields[i] == NULL || strstr (feed_fields[i], needle) == NULL);

  for (guint i = 0; i < doc->announcements->len; i++)
    {
      GazetteAnnouncement *a = item (doc, i);
      const char *fields[] = { a->id, a->title, a->summary, a->content_html, a->content_text,
                               a->url, a->author };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        g_assert_true (fields[j] == NULL || strstr (fields[j], needle) == NULL);
    }
}

static void
test_external_entity (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE rss [\n"
    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
    "  <!ENTITY % remote SYSTEM \"file:///etc/passwd\">\n"
    "  %remote;\n"
    "]>\n"
    "<rss version=\"2.0\"><channel><title>A &xxe; B</title>"
    "<item><guid>1</guid><title>&xxe;</title><description>x &xxe;</description>"
    "<pubDate>Mon, 08 Oct 2018 09:30:00 GMT</pubDate></item></channel></rss>";
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GError) error = NULL;

  doc = parse_string (xml, NULL, problems, &error);
  /* The document is well-formed; the entity is just never loaded. */
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (doc->announcements->len, ==, 1);
  g_assert_true (g_str_has_prefix (doc->title, "A"));
  g_assert_true (g_str_has_suffix (doc->title, "B"));
  assert_no_field_contains (doc, "root:");
}

static void
test_billion_laughs (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE rss [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<rss version=\"2.0\"><channel><title>&lol9;</title>"
    "<item><guid>1</guid><title>&lol9;</title><description>&lol9;</description>"
    "<pubDate>Mon, 08 Oct 2018 09:30:00 GMT</pubDate></item></channel></rss>";
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  doc = parse_string (xml, NULL, NULL, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  if (doc == NULL)
    {
      g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID);
      return;
    }

  g_assert_true (doc->title == NULL || strlen (doc->title) < 100000);
  for (guint i = 0; i < doc->announcements->len; i++)
    {
      GazetteAnnouncement *a = item (doc, i);

      g_assert_true (a->title == NULL || strlen (a->title) < 100000);
      g_assert_true (a->summary == NULL || strlen (a->summary) < 100000);
      g_assert_true (a->content_html == NULL || strlen (a->content_html) < 100000);
    }
}

static void
test_recoverable (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<rss version=\"2.0\"><channel><title>Broken</title>\n"
    "<item><guid>1</guid><title>Kept</title>"
    "<pubDate>Mon, 08 Oct 2018 09:30:00 GMT</pubDate></item>\n"
    "<item><guid>2</guid><title>Fish & chips</title>"
    "<pubDate>Mon, 08 Oct 2018 09:30:00 GMT</pubDate></item>\n"
    "</channel>\n";
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GError) error = NULL;
  GazetteProblem *problem;

  doc = parse_string (xml, NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->title, ==, "Broken");
  g_assert_cmpuint (doc->announcements->len, >=, 1);
  g_assert_cmpstr (item (doc, 0)->title, ==, "Kept");

  g_assert_cmpuint (problems->len, >=, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_false (problem->is_error);
  /* The first mistake is the bare ampersand, on line 4. */
  g_assert_nonnull (problem->location);
  g_assert_true (g_str_has_prefix (problem->location, "line 4, column "));
}

static void
test_hopeless (void)
{
  static const char * const documents[] = {
    "<",
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title><item",
    "<rss version=\"2.0\"><channel><title>No items & broken</channel>",
    "<<<>>>\n\n\x01\x02",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GazetteFeedDocument) doc = NULL;
      g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
      g_autoptr(GError) error = NULL;

      doc = parse_string (documents[i], NULL, problems, &error);
      g_assert_null (doc);
      g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID);
    }
}

static void
test_not_a_feed (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_string ("<html><body>hello</body></html>", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_UNSUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/parser/xml/rss2", test_rss2);
  g_test_add_func ("/core/parser/xml/rss1-rdf", test_rss1_rdf);
  g_test_add_func ("/core/parser/xml/atom", test_atom);
  g_test_add_func ("/core/parser/xml/rss091", test_rss091);
  for (guint i = 0; i < G_N_ELEMENTS (encoding_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/parser/xml/encoding/%u", i);

      g_test_add_data_func (path, &encoding_cases[i], test_encoding);
    }
  g_test_add_func ("/core/parser/xml/encoding/declaration-lies", test_encoding_declaration_lies);
  g_test_add_func ("/core/parser/xml/encoding/utf16-sniffed", test_utf16_sniffed);
  g_test_add_func ("/core/parser/xml/dates", test_dates);
  g_test_add_func ("/core/parser/xml/missing-ids", test_missing_ids);
  g_test_add_func ("/core/parser/xml/relative-urls", test_relative_urls);
  g_test_add_func ("/core/parser/xml/hostile/external-entity", test_external_entity);
  g_test_add_func ("/core/parser/xml/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/core/parser/xml/recoverable", test_recoverable);
  g_test_add_func ("/core/parser/xml/hopeless", test_hopeless);
  g_test_add_func ("/core/parser/xml/not-a-feed", test_not_a_feed);

  return g_test_run ();
}
