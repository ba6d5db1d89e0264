/* test-json-feed-parser.c
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

#define G_LOG_DOMAIN "test-json-feed-parser"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gazette-announcement-private.h"
#include "gazette-json-feed-parser-private.h"
#include "gazette-json-feed-parser.h"
#include "gazette-test-util.h"

#define DATE_MESSAGE \
  "expected a date and time with a time zone offset (RFC 3339), such as 2018-06-18T09:30:00+08:00"
#define MAP_MESSAGE "expected an object mapping language tags to text"

#define VERSION_1_1 "https://jsonfeed.org/version/1.1"

static GazetteFeedDocument *
parse_fixture (const char  *name,
               GPtrArray   *problems,
               GError     **error)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("json-feed", name);

  return gazette_json_feed_parse (bytes, problems, error);
}

/* Parses a fixture that must succeed without any problem. */
static GazetteFeedDocument *
parse_clean (const char *name)
{
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GError) error = NULL;
  GazetteFeedDocument *doc;

  doc = parse_fixture (name, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = gazette_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("unexpected problem: %s", text);
    }
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (problems->len, ==, 0);

  return doc;
}

static GazetteAnnouncement *
get_item (GazetteFeedDocument *doc,
          guint                i)
{
  g_assert_cmpuint (i, <, doc->announcements->len);
  return g_ptr_array_index (doc->announcements, i);
}

static void
assert_date (GDateTime  *dt,
             const char *iso)
{
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (expected);
  g_assert_nonnull (dt);
  g_assert_true (g_date_time_equal (dt, expected));
}

static guint
count_errors (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += ((GazetteProblem *) g_ptr_array_index (problems, i))->is_error;

  return n;
}

static GazetteProblem *
first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      GazetteProblem *problem = g_ptr_array_index (problems, i);

      if (problem->is_error)
        return problem;
    }

  g_assert_not_reached ();
  return NULL;
}

/* Parses @bytes, which must fail with @code and exactly one error problem at @location. */
static void
assert_fails (GBytes            *bytes,
              GazetteParseError  code,
              const char        *location,
              const char        *message)
{
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GazetteProblem *problem;

  doc = gazette_json_feed_parse (bytes, problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, (int) code);

  g_assert_cmpuint (count_errors (problems), ==, 1);
  problem = first_error (problems);
  g_assert_cmpstr (problem->location, ==, location);
  if (message != NULL)
    g_assert_cmpstr (problem->message, ==, message);

  if (location != NULL)
    expected = g_strdup_printf ("%s: %s", location, problem->message);
  else
    expected = g_strdup (problem->message);
  g_assert_cmpstr (error->message, ==, expected);
}

static GazetteQuote *
find_quote (GazetteAnnouncement *a,
            const char          *official_id,
            const char          *language)
{
  for (guint i = 0; i < a->quotes->len; i++)
    {
      GazetteQuote *quote = g_ptr_array_index (a->quotes, i);

      if (g_strcmp0 (quote->official_id, official_id) == 0 &&
          g_strcmp0 (quote->language, language) == 0)
        return quote;
    }

  return NULL;
}

static void
test_sample_like (void)
{
  g_autoptr(GazetteFeedDocument) doc = parse_clean ("sample-like.json");
  GazetteAnnouncement *th, *zh, *en;
  GazetteEntity *entity;
  GazetteFigure *figure;
  GazetteQuote *quote;

  g_assert_cmpstr (doc->title, ==, "Xiaoshan announcements (test fixture)");
  g_assert_cmpstr (doc->home_page_url, ==, "https://example.org/xiaoshan/");
  g_assert_cmpstr (doc->feed_url, ==, "https://example.org/xiaoshan/feed.json");
  g_assert_cmpstr (doc->description, ==, "A fixture in three languages.");
  g_assert_cmpstr (doc->language, ==, "th");
  g_assert_cmpstr (doc->icon_url, ==, "https://example.org/favicon.png");
  g_assert_cmpstr (doc->publisher, ==, "รัฐบาลเขตเซียวชาน");

  g_assert_cmpuint (doc->districts->len, ==, 2);
  entity = g_ptr_array_index (doc->districts, 1);
  g_assert_cmpint (entity->kind, ==, GAZETTE_ENTITY_DISTRICT);
  g_assert_cmpstr (entity->id, ==, "cn-zj-hangzhou-xiaoshan");
  g_assert_cmpstr (entity->parent_id, ==, "cn-zj-hangzhou");
  g_assert_cmpstr (gazette_localized_get_exact (entity->name, "zh-Hans"), ==, "萧山区");
  g_assert_null (((GazetteEntity *) g_ptr_array_index (doc->districts, 0))->parent_id);

  g_assert_cmpuint (doc->announcements->len, ==, 3);
  th = get_item (doc, 0);
  zh = get_item (doc, 1);
  en = get_item (doc, 2);

  /* The Thai item: feed language, feed author, banner image, id reference to a district. */
  g_assert_cmpstr (th->id, ==, "plan-th");
  g_assert_cmpstr (th->language, ==, "th");
  g_assert_cmpstr (th->title, ==, "เซียวชานประกาศแผนเศรษฐกิจดิจิทัล");
  g_assert_cmpstr (th->summary, ==, "เป้าหมายเศรษฐกิจดิจิทัลเกิน 7.2 หมื่นล้านหยวนในปี 2565");
  g_assert_true (g_str_has_prefix (th->content_html, "<p>เขตเซียวชาน"));
  g_assert_null (th->content_text);
  g_assert_cmpstr (th->url, ==, "https://example.org/xiaoshan/th/plan");
  g_assert_cmpstr (th->image_url, ==, "https://example.org/xiaoshan/banner.jpg");
  g_assert_cmpstr (th->author, ==, "Feed desk");
  assert_date (th->published, "2018-06-18T01:30:00Z");
  g_assert_null (th->updated);
  g_assert_cmpstr (th->translation_group, ==, "xiaoshan-digital-economy-plan");
  g_assert_nonnull (th->tags);
  g_assert_cmpuint (g_strv_length (th->tags), ==, 2);
  g_assert_cmpstr (th->tags[0], ==, "เศรษฐกิจดิจิทัล");
  g_assert_true (th->district == g_ptr_array_index (doc->districts, 1));

  g_assert_cmpuint (th->officials->len, ==, 1);
  entity = g_ptr_array_index (th->officials, 0);
  g_assert_cmpint (entity->kind, ==, GAZETTE_ENTITY_OFFICIAL);
  g_assert_cmpstr (entity->id, ==, "tong-guili");
  g_assert_cmpstr (gazette_localized_get_exact (entity->name, "zh-Hans"), ==, "佟桂莉");
  g_assert_cmpuint (entity->roles->len, ==, 1);
  g_assert_cmpstr (gazette_localized_get_exact (g_ptr_array_index (entity->roles, 0), "en"), ==,
                   "CPC Secretary of Xiaoshan District");
  g_assert_cmpuint (th->quotes->len, ==, 1);
  quote = find_quote (th, "tong-guili", "th");
  g_assert_nonnull (quote);
  g_assert_cmpstr (quote->text, ==, "เราจะทำให้เซียวชานเป็นผู้นำเศรษฐกิจดิจิทัล");

  g_assert_cmpuint (th->projects->len, ==, 1);
  entity = g_ptr_array_index (th->projects, 0);
  g_assert_cmpint (entity->kind, ==, GAZETTE_ENTITY_PROJECT);
  g_assert_cmpstr (entity->id, ==, "china-v-valley");
  g_assert_cmpstr (entity->status, ==, "planned");
  g_assert_nonnull (entity->sectors);
  g_assert_cmpuint (g_strv_length (entity->sectors), ==, 2);
  g_assert_cmpstr (entity->sectors[1], ==, "machine-vision");
  g_assert_nonnull (entity->summary);
  g_assert_cmpstr (gazette_localized_get_exact (entity->summary, "th"), ==,
                   "โครงการคอมพิวเตอร์วิทัศน์");

  /* Both spellings of organisations, in document order. */
  g_assert_cmpuint (th->organisations->len, ==, 2);
  entity = g_ptr_array_index (th->organisations, 0);
  g_assert_cmpint (entity->kind, ==, GAZETTE_ENTITY_ORGANISATION);
  g_assert_cmpstr (entity->id, ==, "netease");
  g_assert_cmpstr (entity->url, ==, "https://www.163.com/");
  g_assert_cmpstr (((GazetteEntity *) g_ptr_array_index (th->organisations, 1))->id, ==,
                   "sensetime");

  g_assert_cmpuint (th->figures->len, ==, 2);
  figure = g_ptr_array_index (th->figures, 0);
  g_assert_cmpfloat (figure->value, ==, 120e9);
  g_assert_cmpstr (figure->unit, ==, "CNY");
  g_assert_cmpint (figure->year, ==, 2022);
  g_assert_cmpstr (figure->kind, ==, "target");
  g_assert_cmpstr (figure->source_text, ==, "1.2 แสนล้านหยวน");
  g_assert_false (figure->from_text);
  g_assert_cmpstr (gazette_localized_get_exact (figure->label, "en"), ==, "Information economy");
  figure = g_ptr_array_index (th->figures, 1);
  g_assert_cmpfloat (figure->value, ==, 72e9);

  /* The Chinese item: external_url, date_modified as published, "authors" over "author",
   * an inline district, plain strings stored under the item's language. */
  g_assert_cmpstr (zh->language, ==, "zh-Hans");
  g_assert_cmpstr (zh->url, ==, "https://example.org/xiaoshan/zh/plan");
  g_assert_cmpstr (zh->image_url, ==, "https://example.org/xiaoshan/zh.jpg");
  g_assert_cmpstr (zh->author, ==, "萧山区新闻办");
  g_assert_null (zh->summary);
  g_assert_null (zh->content_html);
  g_assert_cmpstr (zh->content_text, ==, "到2022年，数字经济总量超过720亿元。");
  assert_date (zh->published, "2018-06-19T10:00:00+08:00");
  assert_date (zh->updated, "2018-06-19T10:00:00+08:00");
  g_assert_null (zh->tags);
  g_assert_nonnull (zh->district);
  g_assert_cmpstr (zh->district->id, ==, "cn-zj-hangzhou-xiaoshan");
  g_assert_cmpstr (zh->district->parent_id, ==, "cn-zj-hangzhou");
  entity = g_ptr_array_index (zh->officials, 0);
  g_assert_cmpstr (gazette_localized_get_exact (entity->name, "zh-Hans"), ==, "佟桂莉");
  g_assert_cmpuint (gazette_localized_get_size (entity->name), ==, 1);
  g_assert_cmpuint (entity->roles->len, ==, 0);
  g_assert_cmpuint (zh->quotes->len, ==, 2);
  g_assert_nonnull (find_quote (zh, "tong-guili", "zh-Hans"));
  g_assert_nonnull (find_quote (zh, "tong-guili", "en"));
  figure = g_ptr_array_index (zh->figures, 0);
  g_assert_cmpstr (gazette_localized_get_exact (figure->label, "zh-Hans"), ==, "数字经济");
  g_assert_cmpfloat (figure->value, ==, 72e9);
  g_assert_null (figure->kind);
  g_assert_null (figure->source_text);

  /* The English item: both bodies, both dates, a plain-string role. */
  g_assert_cmpstr (en->language, ==, "en");
  g_assert_nonnull (en->content_html);
  g_assert_nonnull (en->content_text);
  assert_date (en->published, "2018-06-18T09:30:00+08:00");
  assert_date (en->updated, "2018-06-20T08:00:00Z");
  g_assert_null (en->image_url);
  entity = g_ptr_array_index (en->officials, 0);
  g_assert_cmpuint (entity->roles->len, ==, 2);
  g_assert_cmpstr (gazette_localized_get_exact (g_ptr_array_index (entity->roles, 1), "en"), ==,
                   "District leader");
  g_assert_cmpuint (en->projects->len, ==, 0);
  g_assert_cmpuint (en->figures->len, ==, 0);
}

static void
test_bundled_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "districts.json", NULL);
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "th", "zh-Hans", "en" };
  GazetteEntity *xiaoshan = NULL;
  guint n_plans = 0;
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/sample/districts.json is not there");
      return;
    }

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, len);

  g_assert_true (gazette_json_feed_sniff (bytes));
  doc = gazette_json_feed_parse (bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The district hierarchy: Xiaoshan in Hangzhou in Zhejiang. */
  for (guint i = 0; i < doc->districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (doc->districts, i);

      if (g_strcmp0 (district->id, "cn-zj-hangzhou-xiaoshan") == 0)
        xiaoshan = district;
    }
  g_assert_nonnull (xiaoshan);
  g_assert_cmpstr (xiaoshan->parent_id, ==, "cn-zj-hangzhou");
  g_assert_cmpstr (gazette_localized_get_exact (xiaoshan->name, "zh-Hans"), ==, "萧山区");
  g_assert_cmpstr (gazette_localized_get_exact (xiaoshan->name, "th"), ==, "เซียวชาน");
  for (guint i = 0; i < doc->districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (doc->districts, i);

      if (g_strcmp0 (district->id, "cn-zj-hangzhou") == 0)
        g_assert_cmpstr (district->parent_id, ==, "cn-zj");
    }

  g_assert_cmpuint (doc->announcements->len, ==, 6);
  for (guint i = 0; i < doc->announcements->len; i++)
    {
      GazetteAnnouncement *a = get_item (doc, i);
      guint n;

      g_assert_nonnull (a->translation_group);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (groups, a->translation_group));
      g_hash_table_replace (groups, g_strdup (a->translation_group), GUINT_TO_POINTER (n + 1));

      g_assert_true (g_strv_contains (languages, a->language));
      g_assert_nonnull (a->published);
      g_assert_nonnull (a->district);
      g_assert_cmpstr (a->district->id, ==, "cn-zj-hangzhou-xiaoshan");
      g_assert_cmpstr (a->district->parent_id, ==, "cn-zj-hangzhou");

      /* Tong Guili is quoted in every language, in that language. */
      g_assert_nonnull (find_quote (a, "tong-guili", a->language));

      if (g_strcmp0 (a->translation_group, "xiaoshan-digital-economy-plan") == 0)
        {
          gboolean found_120 = FALSE;
          gboolean found_72 = FALSE;

          n_plans++;
          for (guint j = 0; j < a->figures->len; j++)
            {
              GazetteFigure *figure = g_ptr_array_index (a->figures, j);

              g_assert_cmpstr (figure->unit, ==, "CNY");
              g_assert_cmpint (figure->year, ==, 2022);
              found_120 |= figure->value == 120e9;
              found_72 |= figure->value == 72e9;
            }
          g_assert_true (found_120);
          g_assert_true (found_72);
        }
    }

  g_assert_cmpuint (n_plans, ==, 3);
  g_assert_cmpuint (g_hash_table_size (groups), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (groups,
                                                          "xiaoshan-digital-economy-plan")),
                    ==, 3);
}

static void
test_minimal (void)
{
  g_autoptr(GazetteFeedDocument) doc = parse_clean ("minimal.json");
  GazetteAnnouncement *a;

  g_assert_cmpstr (doc->title, ==, "Fixture");
  g_assert_cmpstr (doc->language, ==, "en");
  g_assert_null (doc->publisher);
  g_assert_null (doc->icon_url);
  g_assert_cmpuint (doc->districts->len, ==, 0);
  g_assert_cmpuint (doc->announcements->len, ==, 2);

  a = get_item (doc, 0);
  g_assert_cmpstr (a->id, ==, "one");
  g_assert_cmpstr (a->language, ==, "en");
  g_assert_null (a->title);
  g_assert_null (a->url);
  g_assert_null (a->author);
  g_assert_null (a->district);
  g_assert_null (a->translation_group);
  g_assert_cmpuint (a->officials->len, ==, 1);
  g_assert_cmpuint (a->quotes->len, ==, 1);
  g_assert_cmpstr (((GazetteQuote *) g_ptr_array_index (a->quotes, 0))->language, ==, "en");

  a = get_item (doc, 1);
  g_assert_cmpstr (a->id, ==, "two");
  g_assert_cmpstr (a->content_html, ==, "<p>Second.</p>");
  g_assert_cmpuint (a->officials->len, ==, 0);
}

static void
test_version_1_0 (void)
{
  g_autoptr(GazetteFeedDocument) doc = parse_clean ("version-1-0.json");

  g_assert_cmpuint (doc->announcements->len, ==, 2);
  /* 1.0's single "author", at feed level as the default and on the item. */
  g_assert_cmpstr (get_item (doc, 0)->author, ==, "Desk");
  g_assert_cmpstr (get_item (doc, 1)->author, ==, "Reporter");
}

static void
test_unknown_fields (void)
{
  g_autoptr(GazetteFeedDocument) doc = parse_clean ("unknown-fields.json");
  GazetteAnnouncement *a;

  g_assert_cmpuint (doc->announcements->len, ==, 2);
  a = get_item (doc, 0);
  g_assert_cmpuint (a->officials->len, ==, 1);
  g_assert_cmpuint (a->figures->len, ==, 1);
  a = get_item (doc, 1);
  /* JSON null is taken as "absent" for optional fields. */
  g_assert_null (a->title);
  g_assert_null (a->summary);
}

static void
test_warnings (void)
{
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *locations[] = {
    "items[0].id",
    "items[0]._district.district",
    "items[1].language",
    "items[1]",
  };
  GazetteAnnouncement *a;

  doc = parse_fixture ("warnings.json", problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (locations));
  for (guint i = 0; i < problems->len; i++)
    {
      GazetteProblem *problem = g_ptr_array_index (problems, i);

      g_assert_false (problem->is_error);
      g_assert_cmpstr (problem->location, ==, locations[i]);
      g_assert_nonnull (problem->message);
    }

  a = get_item (doc, 0);
  g_assert_cmpstr (a->id, ==, "42");
  g_assert_nonnull (a->district);
  g_assert_cmpstr (a->district->id, ==, "cn-nowhere");
  g_assert_true (gazette_localized_is_empty (a->district->name));
  /* The second item names the same unknown district: same entity, no second warning. */
  g_assert_true (get_item (doc, 1)->district == a->district);

  a = get_item (doc, 1);
  g_assert_cmpstr (a->language, ==, "en");
  g_assert_nonnull (a->published);
  g_assert_null (a->updated);
}

static void
test_several_errors (void)
{
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    gboolean    is_error;
    const char *location;
  } expected[] = {
    { TRUE, "title" },
    { TRUE, "items[0].id" },
    { TRUE, "items[0]._district.officials[0].name" },
    { TRUE, "items[1].date_published" },
    { FALSE, "items[2].id" },
    { FALSE, "items[2]" },
  };

  doc = parse_fixture ("several-errors.json", problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_SCHEMA);
  g_assert_cmpstr (error->message, ==, "title: this field is required");

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      GazetteProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpint (problem->is_error, ==, expected[i].is_error);
      g_assert_cmpstr (problem->location, ==, expected[i].location);
    }
  g_assert_cmpstr (((GazetteProblem *) g_ptr_array_index (problems, 3))->message, ==,
                   DATE_MESSAGE);
}

static GBytes *
feed_with_items (const char *item,
                 guint       n_items)
{
  GString *str = g_string_new ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"Many\",\"items\":[");

  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append (str, item);
    }
  g_string_append (str, "]}");

  return g_string_free_to_bytes (str);
}

static void
test_problems_capped (void)
{
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GazetteProblem *last;

  /* Each item has no id (an error) and no date (a warning): 300 problems. */
  bytes = feed_with_items ("{\"content_text\":\"x\"}", 150);
  doc = gazette_json_feed_parse (bytes, problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_SCHEMA);
  g_assert_cmpstr (error->message, ==, "items[0].id: this field is required");

  g_assert_cmpuint (problems->len, ==, 101);
  g_assert_cmpstr (((GazetteProblem *) g_ptr_array_index (problems, 99))->location, ==,
                   "items[49]");
  last = g_ptr_array_index (problems, 100);
  g_assert_null (last->location);
  g_assert_true (last->is_error);
  g_assert_cmpstr (last->message, ==, "and 200 more problems");
}

static void
test_null_problems (void)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_fixture ("several-errors.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_SCHEMA);
  g_assert_cmpstr (error->message, ==, "title: this field is required");

  g_clear_pointer (&doc, gazette_feed_document_free);
  doc = parse_fixture ("warnings.json", NULL, NULL);
  g_assert_nonnull (doc);
}

typedef struct
{
  const char        *fixture;
  GazetteParseError  code;
  const char        *location;
  const char        *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "missing-version.json", GAZETTE_PARSE_ERROR_SCHEMA, "version", "this field is required" },
  { "version-2.json", GAZETTE_PARSE_ERROR_UNSUPPORTED, "version",
    "version “https://jsonfeed.org/version/2” of JSON Feed is not supported; "
    "Gazette reads versions 1 and 1.1" },
  { "missing-title.json", GAZETTE_PARSE_ERROR_SCHEMA, "title", "this field is required" },
  { "title-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "title", "expected a string" },
  { "missing-items.json", GAZETTE_PARSE_ERROR_SCHEMA, "items", "this field is required" },
  { "items-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "items", "expected an array" },
  { "item-not-object.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1]", "expected an object" },
  { "item-missing-id.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1].id", "this field is required" },
  { "item-id-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1].id", "expected a string" },
  { "item-no-content.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1]",
    "expected content_html or content_text: an item needs at least one of them" },
  { "bad-date.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1].date_published", DATE_MESSAGE },
  { "bad-date-modified.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[0].date_modified",
    DATE_MESSAGE },
  { "tags-not-strings.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[0].tags[1]",
    "expected a string" },
  { "authors-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1].authors",
    "expected an array" },
  { "extension-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[1]._district",
    "expected an object" },
  { "official-without-name.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.officials[0].name", "this field is required" },
  { "official-without-id.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.officials[0].id", "this field is required" },
  { "quote-without-text.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.officials[0].quotes[0].text", "this field is required" },
  { "role-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.officials[0].roles[1]", MAP_MESSAGE },
  { "localized-number.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.projects[0].name.zh-Hans", "expected a string" },
  { "localized-array.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.projects[0].name", MAP_MESSAGE },
  { "sectors-not-strings.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.projects[0].sectors", "expected an array" },
  { "organisation-without-name.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.organizations[0].name", "this field is required" },
  { "figure-value-string.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.figures[0].value", "expected a number" },
  { "figure-missing-value.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.figures[0].value", "this field is required" },
  { "figure-missing-label.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.figures[0].label", "this field is required" },
  { "figure-bad-year.json", GAZETTE_PARSE_ERROR_SCHEMA,
    "items[0]._district.figures[0].year", "expected a year as a whole number" },
  { "district-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "items[0]._district.district",
    "expected a district id or a district object" },
  { "feed-district-missing-id.json", GAZETTE_PARSE_ERROR_SCHEMA, "_district.districts[1].id",
    "this field is required" },
  { "publisher-wrong-type.json", GAZETTE_PARSE_ERROR_SCHEMA, "_district.publisher",
    MAP_MESSAGE },
  { "top-level-array.json", GAZETTE_PARSE_ERROR_UNSUPPORTED, NULL,
    "The document is not a JSON Feed: its top level is not an object." },
  { "empty.json", GAZETTE_PARSE_ERROR_INVALID, NULL, "The document is empty." },
  { "whitespace.json", GAZETTE_PARSE_ERROR_INVALID, NULL, "The document is empty." },
  { "invalid-utf8.json", GAZETTE_PARSE_ERROR_INVALID, NULL,
    "The document is not valid UTF-8: the byte at offset 66 is not part of a character." },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("json-feed", c->fixture);

  assert_fails (bytes, c->code, c->location, c->message);
}

static void
test_bom (void)
{
  g_autoptr(GazetteFeedDocument) doc = parse_clean ("bom.json");
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("json-feed", "bom.json");

  g_assert_cmpstr (doc->title, ==, "Fixture");
  g_assert_cmpuint (doc->announcements->len, ==, 2);
  g_assert_true (gazette_json_feed_sniff (bytes));
}

static void
assert_json_error (const char *fixture)
{
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GazetteProblem *problem;
  unsigned int line = 0;
  unsigned int column = 0;

  doc = parse_fixture (fixture, problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);

  problem = g_ptr_array_index (problems, 0);
  g_assert_true (problem->is_error);
  g_assert_nonnull (problem->location);
  g_assert_cmpint (sscanf (problem->location, "line %u, column %u", &line, &column), ==, 2);
  g_assert_cmpuint (line, >=, 1);
  g_assert_cmpuint (column, >=, 1);
  g_assert_true (g_str_has_prefix (problem->message, "the document is not valid JSON ("));
  g_assert_true (g_str_has_prefix (error->message, problem->location));
}

static void
test_truncated (void)
{
  assert_json_error ("truncated.json");
}

static void
test_not_json (void)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("json-feed", "not-json.json");

  g_assert_false (gazette_json_feed_sniff (bytes));
  assert_json_error ("not-json.json");
}

static GBytes *
repeat (const char *head,
        const char *unit,
        guint       n,
        const char *tail)
{
  GString *str = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (str, unit);
  g_string_append (str, tail);

  return g_string_free_to_bytes (str);
}

static void
test_deep_arrays (void)
{
  g_autoptr(GBytes) bytes = repeat ("", "[", 100000, "");

  assert_fails (bytes, GAZETTE_PARSE_ERROR_TOO_LARGE, NULL,
                "The document nests arrays and objects more than 64 levels deep "
                "(at byte offset 64).");
}

static void
test_deep_objects (void)
{
  g_autoptr(GBytes) bytes = NULL;
  GString *str;

  /* Well-formed, so only the depth can stop it. */
  str = g_string_new ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[],\"x\":");
  for (guint i = 0; i < 100000; i++)
    g_string_append (str, "{\"a\":");
  g_string_append_c (str, '1');
  for (guint i = 0; i <= 100000; i++)
    g_string_append_c (str, '}');
  bytes = g_string_free_to_bytes (str);

  assert_fails (bytes, GAZETTE_PARSE_ERROR_TOO_LARGE, NULL, NULL);
}

/* Depth counts the top-level object: @levels arrays under "x" make levels + 1. */
static GBytes *
feed_nested (guint levels)
{
  GString *str = g_string_new ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[],"
                               "\"x\":");

  for (guint i = 0; i < levels; i++)
    g_string_append_c (str, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (str, ']');
  g_string_append_c (str, '}');

  return g_string_free_to_bytes (str);
}

static void
test_depth_limit (void)
{
  g_autoptr(GBytes) ok = feed_nested (GAZETTE_JSON_FEED_MAX_DEPTH - 1);
  g_autoptr(GBytes) too_deep = feed_nested (GAZETTE_JSON_FEED_MAX_DEPTH);
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gazette_json_feed_parse (ok, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  assert_fails (too_deep, GAZETTE_PARSE_ERROR_TOO_LARGE, NULL, NULL);
}

static void
test_brackets_in_strings (void)
{
  g_autoptr(GString) brackets = g_string_new (NULL);
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (brackets, "[{");

  /* Brackets inside strings are text, including after an escaped quote; a string that
   * ends in an escaped backslash ends there, so the brackets after it are in a new string.
   * Commas in strings inside "items" do not count as items either. */
  json = g_strdup_printf ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"a \\\"%s\","
                          "\"description\":\"b\\\\\",\"home_page_url\":\"%s\","
                          "\"items\":[{\"id\":\"x,y,z\",\"content_text\":\"]],,[\\\"\"}]}",
                          brackets->str, brackets->str);
  bytes = g_bytes_new (json, strlen (json));
  doc = gazette_json_feed_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (g_str_has_suffix (doc->title, "[{[{"));
  g_assert_cmpstr (doc->description, ==, "b\\");
  g_assert_cmpuint (doc->announcements->len, ==, 1);
  g_assert_cmpstr (get_item (doc, 0)->id, ==, "x,y,z");
}

static void
test_gigantic_string (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *huge = g_malloc (5 * 1024 * 1024 + 1);
  g_autofree char *json = NULL;

  memset (huge, 'x', 5 * 1024 * 1024);
  huge[5 * 1024 * 1024] = '\0';

  json = g_strconcat ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"", huge, "\",\"items\":[]}",
                      NULL);
  bytes = g_bytes_new (json, strlen (json));
  assert_fails (bytes, GAZETTE_PARSE_ERROR_TOO_LARGE, "title",
                "this text is longer than the limit of 1.0\u00a0MiB");
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&json, g_free);

  /* Inside a language map, deep in an item. */
  json = g_strconcat ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
                      "\"content_text\":\"x\",\"date_published\":\"2020-01-01T00:00:00Z\","
                      "\"_district\":{\"projects\":[{\"id\":\"p\",\"name\":{\"th\":\"",
                      huge, "\"}}]}}]}", NULL);
  bytes = g_bytes_new (json, strlen (json));
  assert_fails (bytes, GAZETTE_PARSE_ERROR_TOO_LARGE, "items[0]._district.projects[0].name.th",
                "this text is longer than the limit of 1.0\u00a0MiB");
}

static void
test_huge_item_list (void)
{
  g_autoptr(GBytes) bytes = feed_with_items ("{\"id\":\"1\",\"content_text\":\"x\"}", 1000000);

  /* The count is known before json-glib builds a million objects. */
  assert_fails (bytes, GAZETTE_PARSE_ERROR_TOO_LARGE, "items",
                "the feed has 1000000 items, more than the limit of 200000");
}

static void
test_too_many_items (void)
{
  g_autoptr(GBytes) bytes = NULL;

  /* Commas nested inside items and inside strings are not item separators. */
  bytes = feed_with_items ("{\"id\":\"a,b\",\"content_text\":\"x\",\"tags\":[\"a\",\"b\"],"
                           "\"_x\":{\"y\":[1,[2,3]],\"z\":{}}}",
                           GAZETTE_JSON_FEED_MAX_ITEMS + 1);
  assert_fails (bytes, GAZETTE_PARSE_ERROR_TOO_LARGE, "items",
                "the feed has 200001 items, more than the limit of 200000");
}

static void
test_nul_byte (void)
{
  static const char json[] = "{\"version\":\"" VERSION_1_1 "\",\"title\":\"a\0b\",\"items\":[]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);

  assert_fails (bytes, GAZETTE_PARSE_ERROR_INVALID, NULL,
                "The document is not valid UTF-8: the byte at offset 56 is not part of a "
                "character.");
}

static void
test_truncated_utf8 (void)
{
  /* The first two bytes of “萧” (E8 90 A7), then the end. */
  static const char json[] = "{\"version\":\"" VERSION_1_1 "\",\"title\":\"\xE8\x90";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);

  assert_fails (bytes, GAZETTE_PARSE_ERROR_INVALID, NULL,
                "The document is not valid UTF-8: the byte at offset 55 is not part of a "
                "character.");
}

/* An object with @n members under an unknown key of the first item, all named "k" when
 * @repeat_key is set. */
static GBytes *
feed_with_wide_object (guint    n,
                       gboolean repeat_key)
{
  GString *str = g_string_new ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":"
                               "[{\"id\":\"1\",\"content_text\":\"x\",\"_x\":{");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (str, ',');
      if (repeat_key)
        g_string_append (str, "\"k\":1");
      else
        g_string_append_printf (str, "\"k%u\":1", i);
    }
  g_string_append (str, "}}]}");

  return g_string_free_to_bytes (str);
}

static void
test_member_limit (void)
{
  g_autoptr(GBytes) ok = feed_with_wide_object (GAZETTE_JSON_FEED_MAX_MEMBERS, FALSE);
  g_autoptr(GBytes) too_wide = feed_with_wide_object (GAZETTE_JSON_FEED_MAX_MEMBERS + 1,
                                                      FALSE);
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gazette_json_feed_parse (ok, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  assert_fails (too_wide, GAZETTE_PARSE_ERROR_TOO_LARGE, NULL, NULL);
}

static void
test_repeated_keys (void)
{
  /* json-glib takes quadratic time over repeated keys; the scan refuses them first. */
  g_autoptr(GBytes) bytes = feed_with_wide_object (200000, TRUE);
  g_autoptr(GPtrArray) problems = gazette_test_problems_new ();
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gazette_json_feed_parse (bytes, problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "An object in the document has more than 1000 members "
                                   "(at byte offset "));
}

static GBytes *
feed_with_languages (guint n)
{
  GString *str = g_string_new ("{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":"
                               "[{\"id\":\"1\",\"content_text\":\"x\",\"_district\":"
                               "{\"projects\":[{\"id\":\"p\",\"name\":{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (str, "%s\"x-%05u\":\"P\"", i > 0 ? "," : "", i);
  g_string_append (str, "}}]}}]}");

  return g_string_free_to_bytes (str);
}

static void
test_language_limit (void)
{
  g_autoptr(GBytes) ok = feed_with_languages (GAZETTE_JSON_FEED_MAX_LANGUAGES);
  g_autoptr(GBytes) too_many = feed_with_languages (GAZETTE_JSON_FEED_MAX_LANGUAGES + 1);
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gazette_json_feed_parse (ok, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  assert_fails (too_many, GAZETTE_PARSE_ERROR_TOO_LARGE, "items[0]._district.projects[0].name",
                "this map has texts in more than 100 languages");
}

static void
test_sniff (void)
{
  static const struct {
    const char *text;
    gboolean    expected;
  } cases[] = {
    { "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", TRUE },
    { "\xEF\xBB\xBF  \n\t{\"version\":\"https://jsonfeed.org/version/1\"}", TRUE },
    { "{\"version\":\"https:\\/\\/jsonfeed.org\\/version\\/1.1\"}", TRUE },
    { "{\"title\": \"no version\"}", FALSE },
    { "[{\"version\": \"https://jsonfeed.org/version/1.1\"}]", FALSE },
    { "<?xml version=\"1.0\"?><rss><!-- jsonfeed.org/version --></rss>", FALSE },
    { "", FALSE },
    { "   ", FALSE },
    { "\xEF\xBB\xBF", FALSE },
  };
  g_autoptr(GString) late = g_string_new ("{\"description\":\"");
  g_autoptr(GBytes) late_bytes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));

      g_assert_cmpint (gazette_json_feed_sniff (bytes), ==, cases[i].expected);
    }

  /* Only the start is looked at: a version mentioned after 4 KiB does not count. */
  for (guint i = 0; i < 8192; i++)
    g_string_append_c (late, 'x');
  g_string_append (late, "\",\"version\":\"https://jsonfeed.org/version/1.1\"}");
  late_bytes = g_bytes_new (late->str, late->len);
  g_assert_false (gazette_json_feed_sniff (late_bytes));
}

/* The item-by-item path (parse_document_split()) must give what reading the document
 * whole gives: the same announcements, entities shared the same way, the same problems in
 * the same order and the same error. */

typedef struct
{
  GazetteJsonFeedOptions  options;
  GazetteFeedDocument    *doc;
  GPtrArray              *problems;
  GError                 *error;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->doc, gazette_feed_document_free);
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_clear_error (&r->error);
}

/* @n_threads 0 lets the parser choose; G_MAXUINT reads the document whole. */
static void
result_parse (Result   *r,
              GBytes   *bytes,
              guint     n_threads,
              gboolean  collect_problems)
{
  memset (r, 0, sizeof *r);
  r->options.whole_document = n_threads == G_MAXUINT;
  r->options.n_threads = n_threads == G_MAXUINT ? 0 : n_threads;
  r->problems = collect_problems ? gazette_test_problems_new () : NULL;
  r->doc = _gazette_json_feed_parse_with_options (bytes, &r->options, r->problems, &r->error);
  g_assert_true ((r->doc == NULL) == (r->error != NULL));
}

static void
assert_same_strv (GStrv a,
                  GStrv b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (g_strv_equal ((const char * const *) a, (const char * const *) b));
}

static void
assert_same_localized (GazetteLocalized *a,
                       GazetteLocalized *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (gazette_localized_equal (a, b));
}

static void
assert_same_entity (GazetteEntity *a,
                    GazetteEntity *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;

  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->id, ==, b->id);
  assert_same_localized (a->name, b->name);
  g_assert_cmpstr (a->parent_id, ==, b->parent_id);
  g_assert_cmpuint (a->roles->len, ==, b->roles->len);
  for (guint i = 0; i < a->roles->len; i++)
    assert_same_localized (g_ptr_array_index (a->roles, i), g_ptr_array_index (b->roles, i));
  assert_same_localized (a->summary, b->summary);
  assert_same_strv (a->sectors, b->sectors);
  g_assert_cmpstr (a->status, ==, b->status);
  g_assert_cmpstr (a->url, ==, b->url);
}

static void
assert_same_entities (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_same_entity (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

/* Where @entity is in @doc's districts, or -1. */
static int
find_district (GazetteFeedDocument *doc,
               GazetteEntity       *entity)
{
  guint i;

  if (entity != NULL && g_ptr_array_find (doc->districts, entity, &i))
    return (int) i;

  return -1;
}

static void
assert_same_announcement (GazetteFeedDocument *doc_a,
                          GazetteAnnouncement *a,
                          GazetteFeedDocument *doc_b,
                          GazetteAnnouncement *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->language, ==, b->language);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->summary, ==, b->summary);
  g_assert_cmpstr (a->content_html, ==, b->content_html);
  g_assert_cmpstr (a->content_text, ==, b->content_text);
  g_assert_cmpstr (a->url, ==, b->url);
  g_assert_cmpstr (a->image_url, ==, b->image_url);
  g_assert_cmpstr (a->author, ==, b->author);
  g_assert_cmpstr (a->translation_group, ==, b->translation_group);
  assert_same_strv (a->tags, b->tags);

  /* An item without dates is published when it is read, which differs between the two
   * parses by a moment. */
  g_assert_nonnull (a->published);
  g_assert_nonnull (b->published);
  g_assert_cmpint (ABS (g_date_time_difference (a->published, b->published)), <,
                   G_TIME_SPAN_MINUTE);
  g_assert_true ((a->updated == NULL) == (b->updated == NULL));
  if (a->updated != NULL)
    g_assert_true (g_date_time_equal (a->updated, b->updated));

  assert_same_entity (a->district, b->district);
  g_assert_cmpint (find_district (doc_a, a->district), ==, find_district (doc_b, b->district));
  assert_same_entities (a->officials, b->officials);
  assert_same_entities (a->projects, b->projects);
  assert_same_entities (a->organisations, b->organisations);

  g_assert_cmpuint (a->quotes->len, ==, b->quotes->len);
  for (guint i = 0; i < a->quotes->len; i++)
    {
      GazetteQuote *qa = g_ptr_array_index (a->quotes, i);
      GazetteQuote *qb = g_ptr_array_index (b->quotes, i);

      g_assert_cmpstr (qa->official_id, ==, qb->official_id);
      g_assert_cmpstr (qa->text, ==, qb->text);
      g_assert_cmpstr (qa->language, ==, qb->language);
    }

  g_assert_cmpuint (a->figures->len, ==, b->figures->len);
  for (guint i = 0; i < a->figures->len; i++)
    {
      GazetteFigure *fa = g_ptr_array_index (a->figures, i);
      GazetteFigure *fb = g_ptr_array_index (b->figures, i);

      assert_same_localized (fa->label, fb->label);
      g_assert_cmpfloat (fa->value, ==, fb->value);
      g_assert_cmpstr (fa->unit, ==, fb->unit);
      g_assert_cmpint (fa->year, ==, fb->year);
      g_assert_cmpstr (fa->kind, ==, fb->kind);
      g_assert_cmpstr (fa->source_text, ==, fb->source_text);
    }
}

/* Which announcements share one district entity, as "first index with the same entity"
 * per announcement: the sharing must be the same in both results. */
static GArray *
district_sharing (GazetteFeedDocument *doc)
{
  GArray *ret = g_array_sized_new (FALSE, FALSE, sizeof (guint), doc->announcements->len);

  for (guint i = 0; i < doc->announcements->len; i++)
    {
      GazetteAnnouncement *a = get_item (doc, i);
      guint first = i;

      for (guint j = 0; a->district != NULL && j < i; j++)
        {
          if (get_item (doc, j)->district == a->district)
            {
              first = j;
              break;
            }
        }
      g_array_append_val (ret, first);
    }

  return ret;
}

static void
assert_same_result (Result *a,
                    Result *b)
{
  g_assert_true ((a->error == NULL) == (b->error == NULL));
  if (a->error != NULL)
    {
      g_assert_true (a->error->domain == b->error->domain);
      g_assert_cmpint (a->error->code, ==, b->error->code);
      g_assert_cmpstr (a->error->message, ==, b->error->message);
    }

  g_assert_true ((a->problems == NULL) == (b->problems == NULL));
  if (a->problems != NULL)
    {
      g_assert_cmpuint (a->problems->len, ==, b->problems->len);
      for (guint i = 0; i < a->problems->len; i++)
        {
          GazetteProblem *pa = g_ptr_array_index (a->problems, i);
          GazetteProblem *pb = g_ptr_array_index (b->problems, i);

          g_assert_cmpint (pa->is_error, ==, pb->is_error);
          g_assert_cmpstr (pa->location, ==, pb->location);
          g_assert_cmpstr (pa->message, ==, pb->message);
        }
    }

  if (a->doc != NULL)
    {
      g_autoptr(GArray) sharing_a = NULL;
      g_autoptr(GArray) sharing_b = NULL;

      g_assert_cmpstr (a->doc->title, ==, b->doc->title);
      g_assert_cmpstr (a->doc->home_page_url, ==, b->doc->home_page_url);
      g_assert_cmpstr (a->doc->feed_url, ==, b->doc->feed_url);
      g_assert_cmpstr (a->doc->description, ==, b->doc->description);
      g_assert_cmpstr (a->doc->language, ==, b->doc->language);
      g_assert_cmpstr (a->doc->icon_url, ==, b->doc->icon_url);
      g_assert_cmpstr (a->doc->publisher, ==, b->doc->publisher);
      assert_same_entities (a->doc->districts, b->doc->districts);

      g_assert_cmpuint (a->doc->announcements->len, ==, b->doc->announcements->len);
      for (guint i = 0; i < a->doc->announcements->len; i++)
        assert_same_announcement (a->doc, get_item (a->doc, i), b->doc, get_item (b->doc, i));

      sharing_a = district_sharing (a->doc);
      sharing_b = district_sharing (b->doc);
      g_assert_cmpmem (sharing_a->data, sharing_a->len * sizeof (guint),
                       sharing_b->data, sharing_b->len * sizeof (guint));
    }
}

/* Parses @bytes whole and item by item with several thread counts, with and without a
 * list of problems, and checks that every way gives the same. Returns whether the item
 * by item path ran. */
static gboolean
assert_split_same_as_whole (GBytes *bytes)
{
  static const guint n_threads[] = { 0, 1, 2, 3, 7 };
  gboolean split = FALSE;

  for (guint collect = 0; collect < 2; collect++)
    {
      Result whole;

      result_parse (&whole, bytes, G_MAXUINT, collect);
      g_assert_false (whole.options.split);

      for (guint i = 0; i < G_N_ELEMENTS (n_threads); i++)
        {
          Result r;

          result_parse (&r, bytes, n_threads[i], collect);
          assert_same_result (&whole, &r);
          if (i > 0)
            g_assert_cmpint (r.options.split, ==, split);
          split = r.options.split;
          result_clear (&r);
        }

      result_clear (&whole);
    }

  return split;
}

static void
test_split_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "json-feed", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_split = 0;
  guint n_files = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      gboolean split;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      g_test_message ("fixture %s", name);
      bytes = gazette_test_load_fixture ("json-feed", name);
      split = assert_split_same_as_whole (bytes);
      n_files++;
      n_split += split;

      /* The fixtures that are valid JSON with a plain "items" array take the new path. */
      if (g_str_equal (name, "sample-like.json") || g_str_equal (name, "warnings.json") ||
          g_str_equal (name, "several-errors.json") || g_str_equal (name, "bom.json"))
        g_assert_true (split);
      if (g_str_equal (name, "truncated.json") || g_str_equal (name, "items-wrong-type.json") ||
          g_str_equal (name, "missing-items.json"))
        g_assert_false (split);
    }

  g_assert_cmpuint (n_files, >=, 40);
  g_assert_cmpuint (n_split, >=, 25);
}

/* A feed of @n pretty-printed items, one member per line, with a bit of everything:
 * declared, undeclared and inline districts, warnings, and an error every 97 items when
 * @with_errors is set. With @noisy, every item also lacks a date, so that every run of
 * items has more problems than are listed, and most undeclared districts first appear
 * late, one of them once early too. */
static GBytes *
feed_with_many_items (guint    n,
                      gboolean with_errors,
                      gboolean noisy)
{
  GString *str = g_string_new (NULL);

  g_string_append (str,
                   "{\n"
                   "  \"version\": \"" VERSION_1_1 "\",\n"
                   "  \"title\": \"Many\",\n"
                   "  \"language\": \"en\",\n"
                   "  \"authors\": [{\"name\": \"Desk\"}],\n"
                   "  \"_district\": {\n"
                   "    \"districts\": [\n"
                   "      {\"id\": \"declared-0\", \"name\": {\"en\": \"Zero\"}},\n"
                   "      {\"id\": \"declared-1\", \"name\": {\"en\": \"One\"}, "
                   "\"parent\": \"declared-0\"}\n"
                   "    ]\n"
                   "  },\n"
                   "  \"items\": [\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (str, "    {\n");
      if (with_errors && i % 97 == 96)
        ;  /* no id: an error */
      else if (i % 50 == 7)
        g_string_append_printf (str, "      \"id\": %u,\n", i);
      else
        g_string_append_printf (str, "      \"id\": \"item-%u\",\n", i);
      g_string_append_printf (str, "      \"language\": \"%s\",\n", i % 3 == 0 ? "th" : "en");
      g_string_append_printf (str, "      \"title\": \"Title %u\",\n", i);
      g_string_append_printf (str, "      \"content_text\": \"Text %u, with \\\"quotes\\\" "
                              "and [brackets], {braces}\",\n", i);
      if (!noisy && i % 11 != 5)
        g_string_append (str, "      \"date_published\": \"2020-01-01T00:00:00+08:00\",\n");
      g_string_append_printf (str, "      \"tags\": [\"a\", \"b%u\"],\n", i % 4);
      g_string_append (str, "      \"_district\": {\n");
      if (noisy && (i == 3 || i >= 3 * n / 4))
        g_string_append_printf (str, "        \"district\": \"late-%u\",\n", i % 5);
      else if (i % 5 == 0)
        g_string_append_printf (str, "        \"district\": \"undeclared-%u\",\n", (i / 5) % 3);
      else if (i % 5 == 1)
        g_string_append_printf (str, "        \"district\": {\"id\": \"inline-%u\", "
                                "\"name\": {\"en\": \"Inline\", \"th\": \"ใน\"}},\n", i);
      else
        g_string_append_printf (str, "        \"district\": \"declared-%u\",\n", i % 2);
      g_string_append_printf (str,
                              "        \"officials\": [{\"id\": \"official-%u\", "
                              "\"name\": {\"en\": \"Official\", \"zh-Hans\": \"官员\"}, "
                              "\"roles\": [\"Role\"], \"quotes\": [{\"text\": \"Quote %u\"}]}],\n",
                              i % 7, i);
      g_string_append_printf (str,
                              "        \"figures\": [{\"label\": {\"en\": \"Figure\"}, "
                              "\"value\": %u.5, \"unit\": \"CNY\", \"year\": 2022}]\n", i);
      g_string_append (str, "      }\n");
      g_string_append (str, i + 1 < n ? "    },\n" : "    }\n");
    }
  g_string_append (str, "  ]\n}\n");

  return g_string_free_to_bytes (str);
}

static void
test_split_many_items (void)
{
  g_autoptr(GBytes) clean = feed_with_many_items (1000, FALSE, FALSE);
  g_autoptr(GBytes) errors = feed_with_many_items (1000, TRUE, FALSE);
  g_autoptr(GBytes) noisy = feed_with_many_items (1000, TRUE, TRUE);
  GazetteEntity *undeclared[3] = { NULL, };
  GDateTime *now = NULL;
  guint n_district_warnings = 0;
  Result r;

  g_assert_true (assert_split_same_as_whole (clean));
  g_assert_true (assert_split_same_as_whole (errors));
  g_assert_true (assert_split_same_as_whole (noisy));

  /* What the whole-document path gave before, checked directly on the threaded path. */
  result_parse (&r, clean, 0, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.options.split);
  g_assert_cmpuint (r.options.n_workers, ==, MIN (g_get_num_processors (), 8));
  g_assert_cmpuint (r.doc->announcements->len, ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      GazetteAnnouncement *a = get_item (r.doc, i);
      g_autofree char *id = i % 50 == 7 ? g_strdup_printf ("%u", i)
                                        : g_strdup_printf ("item-%u", i);
      g_autofree char *title = g_strdup_printf ("Title %u", i);

      g_assert_cmpstr (a->id, ==, id);
      g_assert_cmpstr (a->title, ==, title);
      g_assert_cmpstr (a->author, ==, "Desk");
      g_assert_nonnull (a->district);
      if (i % 5 == 0)
        {
          /* One entity per undeclared id, shared by every item that names it. */
          GazetteEntity **shared = &undeclared[(i / 5) % 3];

          if (*shared == NULL)
            *shared = a->district;
          g_assert_true (a->district == *shared);
          g_assert_cmpint (find_district (r.doc, a->district), ==, -1);
        }
      else if (i % 5 != 1)
        g_assert_true (a->district == g_ptr_array_index (r.doc->districts, i % 2));

      /* Items without dates all have the same time of reading. */
      if (i % 11 == 5)
        {
          if (now == NULL)
            now = a->published;
          g_assert_true (a->published == now);
        }
      g_assert_cmpuint (a->officials->len, ==, 1);
      g_assert_cmpuint (a->quotes->len, ==, 1);
      g_assert_cmpfloat (((GazetteFigure *) g_ptr_array_index (a->figures, 0))->value, ==,
                         i + 0.5);
    }

  /* Warned once per undeclared id, at the first item that names it. */
  for (guint i = 0; i < r.problems->len; i++)
    {
      GazetteProblem *problem = g_ptr_array_index (r.problems, i);

      if (strstr (problem->message, "declares no district") != NULL)
        {
          g_autofree char *location = g_strdup_printf ("items[%u]._district.district",
                                                       n_district_warnings * 5);

          g_assert_cmpstr (problem->location, ==, location);
          n_district_warnings++;
        }
    }
  g_assert_cmpuint (n_district_warnings, ==, 3);
  /* 20 numeric ids, 91 items without a date and 3 undeclared districts */
  g_assert_cmpuint (r.problems->len, ==, 101);
  g_assert_cmpstr (((GazetteProblem *) g_ptr_array_index (r.problems, 100))->message, ==,
                   "and 14 more problems");
  result_clear (&r);

  result_parse (&r, errors, 5, TRUE);
  g_assert_true (r.options.split);
  g_assert_cmpuint (r.options.n_workers, ==, 5);
  g_assert_error (r.error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_SCHEMA);
  g_assert_cmpstr (r.error->message, ==, "items[96].id: this field is required");
  result_clear (&r);

  /* A small feed stays on the calling thread. */
  {
    g_autoptr(GBytes) small = feed_with_many_items (MIN (200, 1000), FALSE, FALSE);

    result_parse (&r, small, 0, TRUE);
    g_assert_true (r.options.split);
    g_assert_cmpuint (r.options.n_workers, ==, 1);
    g_assert_cmpuint (r.doc->announcements->len, ==, 200);
    result_clear (&r);
  }
}

/* Replaces the first occurrence of @old after @from in @bytes. */
static GBytes *
replace_once (GBytes     *bytes,
              const char *from,
              const char *old,
              const char *new)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_strndup (data, len);
  GString *str;
  char *at;

  at = strstr (copy, from);
  g_assert_nonnull (at);
  at = strstr (at, old);
  g_assert_nonnull (at);

  str = g_string_new_len (copy, at - copy);
  g_string_append (str, new);
  g_string_append (str, at + strlen (old));

  return g_string_free_to_bytes (str);
}

/* The line of the first occurrence of @needle, counting from 1. */
static guint
line_of (GBytes     *bytes,
         const char *needle)
{
  g_autofree char *copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *at = strstr (copy, needle);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = copy; p < at; p++)
    line += *p == '\n';

  return line;
}

static void
test_split_error_in_item (void)
{
  g_autoptr(GBytes) clean = feed_with_many_items (1000, FALSE, FALSE);
  g_autoptr(GBytes) bytes = NULL;
  Result r;

  /* A wrong type deep in item 900, which a later run of items parses. */
  bytes = replace_once (clean, "\"Title 900\"", "\"year\": 2022", "\"year\": \"2022\"");
  assert_split_same_as_whole (bytes);
  result_parse (&r, bytes, 4, TRUE);
  g_assert_true (r.options.split);
  g_assert_error (r.error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_SCHEMA);
  g_assert_cmpstr (r.error->message, ==,
                   "items[900]._district.figures[0].year: expected a year as a whole number");
  g_assert_cmpuint (count_errors (r.problems), ==, 1);
  result_clear (&r);
}

/* The error must be @lines_after the line of @needle. */
static void
assert_json_error_at (GBytes     *bytes,
                      const char *needle,
                      guint       lines_after)
{
  g_autofree char *location = NULL;
  Result r;
  guint line = 0;
  guint column = 0;

  for (guint n_threads = 0; n_threads < 4; n_threads++)
    {
      GazetteProblem *problem;

      result_parse (&r, bytes, n_threads, TRUE);
      g_assert_error (r.error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID);
      g_assert_cmpuint (r.problems->len, ==, 1);
      problem = g_ptr_array_index (r.problems, 0);
      g_assert_true (problem->is_error);
      g_assert_true (g_str_has_prefix (problem->message, "the document is not valid JSON ("));
      g_assert_cmpint (sscanf (problem->location, "line %u, column %u", &line, &column), ==, 2);
      /* Counted from the start of the document, not of the item. */
      g_assert_cmpuint (line, ==, line_of (bytes, needle) + lines_after);
      g_assert_cmpuint (column, >, 1);
      if (location == NULL)
        location = g_strdup (problem->location);
      g_assert_cmpstr (problem->location, ==, location);
      result_clear (&r);
    }

  assert_split_same_as_whole (bytes);
}

static void
test_split_syntax_error_in_item (void)
{
  g_autoptr(GBytes) clean = feed_with_many_items (1000, FALSE, FALSE);
  g_autoptr(GBytes) missing_colon = NULL;
  g_autoptr(GBytes) missing_comma = NULL;
  g_autoptr(GBytes) bad_number = NULL;

  missing_colon = replace_once (clean, "\"Title 900\"", "\"content_text\":",
                                "\"content_text\" ");
  assert_json_error_at (missing_colon, "\"Text 900", 0);

  /* Two values where one item should be: json-glib alone would read only the first. It
   * points at the brace before the comma it wanted, two lines after the figures. */
  missing_comma = replace_once (clean, "\"Title 900\"", "    },\n", "    }\n");
  assert_json_error_at (missing_comma, "\"value\": 900.5", 2);

  bad_number = replace_once (clean, "\"Title 900\"", "\"value\": 900.5", "\"value\": 9-00.5");
  assert_json_error_at (bad_number, "\"value\": 9-00.5", 0);
}

/* Documents the item-by-item path must leave to the whole-document one, which reads
 * them as it always did. */
static void
test_split_fallback (void)
{
  static const struct {
    const char *json;
    gboolean    split;
  } cases[] = {
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}]}", TRUE },
    /* An escaped key */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"\\u0069tems\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}],\"\\u0069tems\":[]}", FALSE },
    /* Two members named "items" */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}],\"items\":[{\"id\":\"2\",\"content_text\":\"y\"}]}", FALSE },
    /* Two values in one element, which json-glib reads as the first when alone */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"} {\"id\":\"2\",\"content_text\":\"y\"}]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[\"a\" {}]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[1 {}]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[true]}", TRUE },
    /* Empty elements */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"},]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[,]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[ ]}", TRUE },
    /* Mismatched brackets */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\"]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}}", FALSE },
    /* A second top-level value, which json-glib ignores */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[]} "
      "{\"items\":[{\"id\":\"1\",\"content_text\":\"x\"}]}", FALSE },
    /* An item that is not valid JSON, and a top level that is not */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":x}]}", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\" \"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}]}", FALSE },
    /* Another version: read whole, an item that is not JSON is the first error */
    { "{\"version\":\"https://jsonfeed.org/version/2\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":\"x\"}]}", FALSE },
    { "{\"version\":\"https://jsonfeed.org/version/2\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
      "\"content_text\":x}]}", FALSE },
    /* "items" nested, or in a top-level array */
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"x\":{\"items\":[1]},\"items\":[]}",
      TRUE },
    { "[{\"items\":[{\"id\":\"1\",\"content_text\":\"x\"}]}]", FALSE },
    { "{\"version\":\"" VERSION_1_1 "\",\"title\":\"t\",\"items\":{\"0\":[1]}}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_cmpint (assert_split_same_as_whole (bytes), ==, cases[i].split);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/parser/json/sample-like", test_sample_like);
  g_test_add_func ("/core/parser/json/bundled-sample", test_bundled_sample);
  g_test_add_func ("/core/parser/json/minimal", test_minimal);
  g_test_add_func ("/core/parser/json/version-1-0", test_version_1_0);
  g_test_add_func ("/core/parser/json/unknown-fields", test_unknown_fields);
  g_test_add_func ("/core/parser/json/warnings", test_warnings);
  g_test_add_func ("/core/parser/json/several-errors", test_several_errors);
  g_test_add_func ("/core/parser/json/problems-capped", test_problems_capped);
  g_test_add_func ("/core/parser/json/null-problems", test_null_problems);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *stem = g_strndup (error_cases[i].fixture,
                                         strlen (error_cases[i].fixture) - strlen (".json"));
      g_autofree char *path = g_strconcat ("/core/parser/json/error/", stem, NULL);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }

  g_test_add_func ("/core/parser/json/hostile/bom", test_bom);
  g_test_add_func ("/core/parser/json/hostile/truncated", test_truncated);
  g_test_add_func ("/core/parser/json/hostile/not-json", test_not_json);
  g_test_add_func ("/core/parser/json/hostile/nul-byte", test_nul_byte);
  g_test_add_func ("/core/parser/json/hostile/truncated-utf8", test_truncated_utf8);
  g_test_add_func ("/core/parser/json/hostile/deep-arrays", test_deep_arrays);
  g_test_add_func ("/core/parser/json/hostile/deep-objects", test_deep_objects);
  g_test_add_func ("/core/parser/json/hostile/depth-limit", test_depth_limit);
  g_test_add_func ("/core/parser/json/hostile/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/core/parser/json/hostile/gigantic-string", test_gigantic_string);
  g_test_add_func ("/core/parser/json/hostile/huge-item-list", test_huge_item_list);
  g_test_add_func ("/core/parser/json/hostile/too-many-items", test_too_many_items);
  g_test_add_func ("/core/parser/json/hostile/member-limit", test_member_limit);
  g_test_add_func ("/core/parser/json/hostile/repeated-keys", test_repeated_keys);
  g_test_add_func ("/core/parser/json/hostile/language-limit", test_language_limit);
  g_test_add_func ("/core/parser/json/sniff", test_sniff);
  g_test_add_func ("/core/parser/json/split/fixtures", test_split_fixtures);
  g_test_add_func ("/core/parser/json/split/many-items", test_split_many_items);
  g_test_add_func ("/core/parser/json/split/error-in-item", test_split_error_in_item);
  g_test_add_func ("/core/parser/json/split/syntax-error-in-item",
                   test_split_syntax_error_in_item);
  g_test_add_func ("/core/parser/json/split/fallback", test_split_fallback);

  return g_test_run ();
}
