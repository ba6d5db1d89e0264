/* test-search.c
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

#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <locale.h>
#include <math.h>

#include <glib/gstdio.h>

#include "gazette-announcement-private.h"
#include "gazette-feed-private.h"
#include "gazette-search-query.h"
#include "gazette-store-private.h"
#include "gazette-test-util.h"
#include "gazette-tokenizer.h"

/* 2018-09-14T00:00:00Z */
#define BASE_TIME G_GINT64_CONSTANT (1536883200)

/* Tokenizer */

static gboolean
join_cb (const GazetteToken *token,
         gpointer            user_data)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, '|');
  g_string_append_len (out, token->text, token->len);
  return TRUE;
}

static char *
tokens (GazetteTokenizer    *tokenizer,
        const char          *text,
        GazetteTokenizeMode  mode)
{
  GString *out = g_string_new (NULL);

  gazette_tokenizer_run (tokenizer, text, -1, mode, join_cb, out);
  return g_string_free (out, FALSE);
}

#define assert_tokens(tokenizer, text, mode, expected) \
  G_STMT_START { \
    g_autofree char *got_ = tokens ((tokenizer), (text), (mode)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_tokenizer_thai (void)
{
  g_autoptr(GazetteWordList) words = gazette_word_list_new ();
  g_autoptr(GazetteTokenizer) plain = gazette_tokenizer_new (NULL);
  g_autoptr(GazetteTokenizer) tokenizer = NULL;

  /* ICU alone does not know the district's name… */
  assert_tokens (plain, "เซียวชานเปิดตัวไชน่า วี วัลเลย์", GAZETTE_TOKENIZE_WORDS,
                 "เซียว|ชาน|เปิด|ตัว|ไช|น่า|วี|วัล|เลย์");

  /* …and with the names it cuts them whole, inside an unspaced sentence too. */
  g_assert_true (gazette_word_list_add (words, "เซียวชาน"));
  g_assert_true (gazette_word_list_add (words, "ไชน่า วี วัลเลย์"));
  g_assert_false (gazette_word_list_add (words, "เซียวชาน"));
  g_assert_false (gazette_word_list_add (words, "Xiaoshan"));
  g_assert_true (gazette_word_list_add (words, "ตาก"));
  g_assert_cmpuint (gazette_word_list_get_size (words), ==, 5);
  tokenizer = gazette_tokenizer_new (words);

  assert_tokens (tokenizer, "เซียวชานเปิดตัวไชน่า วี วัลเลย์ไม่ใช่แค่คำขวัญ",
                 GAZETTE_TOKENIZE_WORDS, "เซียวชาน|เปิด|ตัว|ไชน่า|วี|วัลเลย์|ไม่ใช่|แค่|คำขวัญ");
  assert_tokens (tokenizer, "ในเซียวชาน", GAZETTE_TOKENIZE_INDEX, "ใน|เซียวชาน");

  /* A name is not read inside a longer word that starts with its letters: ตากลม (to
   * catch the breeze) is not Tak province. */
  assert_tokens (tokenizer, "ตากลมเย็นสบาย", GAZETTE_TOKENIZE_WORDS, "ตากลม|เย็น|สบาย");
  assert_tokens (tokenizer, "จังหวัดตาก", GAZETTE_TOKENIZE_WORDS, "จังหวัด|ตาก");
}

static void
test_tokenizer_chinese (void)
{
  g_autoptr(GazetteWordList) words = gazette_word_list_new ();
  g_autoptr(GazetteTokenizer) tokenizer = NULL;

  gazette_word_list_add (words, "萧山区");
  gazette_word_list_add (words, "中国视谷");
  tokenizer = gazette_tokenizer_new (words);

  /* Words: the names whole, even where ICU's own word starts before them. */
  assert_tokens (tokenizer, "萧山区启动“中国视谷”", GAZETTE_TOKENIZE_WORDS,
                 "萧山区|启动|中国视谷");
  /* The index: overlapping bigrams and each run's last character. */
  assert_tokens (tokenizer, "萧山区启动“中国视谷”", GAZETTE_TOKENIZE_INDEX,
                 "萧山|山区|区启|启动|动|中国|国视|视谷|谷");
  assert_tokens (tokenizer, "2022年", GAZETTE_TOKENIZE_INDEX, "2022|年");

  /* The index walks Chinese runs without ICU and gives it what lies between them: words in
   * other scripts, and names that end in one, come out as they did with ICU over all of it. */
  gazette_word_list_add (words, "官员0042");
  g_clear_pointer (&tokenizer, gazette_tokenizer_free);
  tokenizer = gazette_tokenizer_new (words);
  assert_tokens (tokenizer, "萧山区iPhone销量2022年增长，官员00425表示：在中国视谷",
                 GAZETTE_TOKENIZE_INDEX,
                 "萧山|山区|区|iphone|销量|量|2022|年增|增长|长|官员0042|5|表示|示|在中|中国|"
                 "国视|视谷|谷");
  assert_tokens (tokenizer, "萧山区iPhone销量2022年增长，官员00425表示：在中国视谷",
                 GAZETTE_TOKENIZE_WORDS,
                 "萧山区|iphone|销量|2022|年|增长|官员0042|5|表示|在|中国视谷");
  assert_tokens (tokenizer, "เขตเซียวชาน 萧山 Café 3.5亿元 ๒๕๖๕", GAZETTE_TOKENIZE_INDEX,
                 "เขต|เซียว|ชาน|萧山|山|cafe|3.5|亿元|元|๒๕๖๕");
  assert_tokens (tokenizer, "ข่าว萧山abc def", GAZETTE_TOKENIZE_INDEX, "ข่าว|萧山|山|abc|def");
}

static void
test_tokenizer_folding (void)
{
  g_autoptr(GazetteTokenizer) tokenizer = gazette_tokenizer_new (NULL);

  assert_tokens (tokenizer, "Café NAÏVE ＡＢＣ１２ Straße Xiaoshan’s e-commerce 1.2",
                 GAZETTE_TOKENIZE_INDEX, "cafe|naive|abc12|strasse|xiaoshan|e|commerce|1.2");
  /* Mixed scripts without spaces. */
  assert_tokens (tokenizer, "iPhone销量", GAZETTE_TOKENIZE_INDEX, "iphone|销量|量");
  /* Offsets are bytes of the input, and invalid UTF-8 is skipped. */
  assert_tokens (tokenizer, "ab\xff" "cd", GAZETTE_TOKENIZE_INDEX, "ab|cd");
  assert_tokens (tokenizer, "  ,.!  ", GAZETTE_TOKENIZE_INDEX, "");
}

/* Every token with where it is, what it is and its number. */
static gboolean
describe_cb (const GazetteToken *token,
             gpointer            user_data)
{
  GString *out = user_data;

  g_string_append_printf (out, "%.*s@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "#%u/%d\n",
                          (int) token->len, token->text, token->start, token->end,
                          token->position, (int) token->kind);
  return TRUE;
}

/* Marked text gives the tokens segmenting gave, and the text back. */
static void
test_tokenizer_marked (void)
{
  static const char * const texts[] = {
    "萧山区iPhone销量2022年增长，官员00425表示：在中国视谷",
    "เซียวชานเปิดตัวไชน่า วี วัลเลย์ไม่ใช่แค่คำขวัญ ในเซียวชาน",
    "เขตเซียวชาน 萧山 Café 3.5亿元 ๒๕๖๕ ข่าว萧山abc def",
    "Café NAÏVE ＡＢＣ１２ Straße Xiaoshan’s e-commerce 1.2 丽水 豈更",
    /* Words read straight from UTF-8 (ASCII, Thai, common Chinese) and the rest alike. */
    "Xiaoshan's PLAN's it's "
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
    " ๒๕๖๕ ข้อมูล 𠀀𠀁 中国𠀀",
    "ab\xff" "cd 萧\xff山",
    "区",
    "  ,.!  ",
    "",
  };
  g_autoptr(GazetteWordList) words = gazette_word_list_new ();
  g_autoptr(GazetteTokenizer) tokenizer = NULL;

  gazette_word_list_add (words, "萧山区");
  gazette_word_list_add (words, "中国视谷");
  gazette_word_list_add (words, "官员0042");
  gazette_word_list_add (words, "เซียวชาน");
  gazette_word_list_add (words, "ไชน่า วี วัลเลย์");
  tokenizer = gazette_tokenizer_new (words);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GString) got = g_string_new (NULL);
      g_autoptr(GString) marked = g_string_new ("");
      g_autoptr(GString) text = g_string_new ("");

      gazette_tokenizer_run (tokenizer, texts[i], -1, GAZETTE_TOKENIZE_INDEX, describe_cb,
                             expected);
      gazette_tokenizer_mark (tokenizer, texts[i], -1, marked);
      g_assert_true (gazette_tokenizer_run_marked (tokenizer, marked->str, marked->len,
                                                   describe_cb, got));
      gazette_unmark_text (marked->str, marked->len, text);
      g_assert_cmpstr (got->str, ==, expected->str);
      g_assert_cmpstr (text->str, ==, texts[i]);
    }

  /* A Chinese run is marked whole; marks in the text become spaces. */
  {
    g_autoptr(GString) marked = g_string_new (NULL);
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GString) got = g_string_new (NULL);

    gazette_tokenizer_mark (tokenizer, "萧山区 is \x02in\x03 Zhejiang", -1, marked);
    g_assert_cmpstr (marked->str, ==,
                     "\x02萧山区\x03 \x02is\x03  \x02in\x03  \x02Zhejiang\x03");
    g_assert_true (gazette_tokenizer_run_marked (tokenizer, marked->str, -1, join_cb, got));
    gazette_unmark_text (marked->str, -1, text);
    g_assert_cmpstr (got->str, ==, "萧山|山区|区|is|in|zhejiang");
    g_assert_cmpstr (text->str, ==, "萧山区 is  in  Zhejiang");
  }

  /* Stray and unpaired marks are text, not tokens. */
  {
    const char *marked = "a\x03" "b \x02" "c \x02" "d\x03 \x02" "e";
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GString) got = g_string_new (NULL);

    g_assert_true (gazette_tokenizer_run_marked (tokenizer, marked, -1, join_cb, got));
    gazette_unmark_text (marked, -1, text);
    g_assert_cmpstr (got->str, ==, "d");
    g_assert_cmpstr (text->str, ==, "ab c d e");
  }
}

/* Queries */

static char *
fts5 (const char *text)
{
  g_autoptr(GazetteTokenizer) tokenizer = gazette_tokenizer_new (NULL);
  g_autoptr(GazetteSearchQuery) query = gazette_search_query_new (tokenizer, text);

  return gazette_search_query_to_fts5 (query);
}

/* GAZETTE_SEARCH_PAIR_MARK, as a string. */
#define PAIR "\x1f"

#define assert_fts5(text, expected) \
  G_STMT_START { \
    g_autofree char *got_ = fts5 (text); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_query_syntax (void)
{
  g_assert_cmpint (PAIR[0], ==, GAZETTE_SEARCH_PAIR_MARK);
  assert_fts5 ("digital economy", "\"digital\" AND \"economy\"");
  /* A phrase is searched as its pairs of adjacent words (see GAZETTE_SEARCH_PAIR_MARK). */
  assert_fts5 ("\"machine vision\"", "\"" PAIR "machine" PAIR "vision\"");
  assert_fts5 ("\"smart city brain\"",
               "\"" PAIR "smart" PAIR "city\" + \"" PAIR "city" PAIR "brain\"");
  assert_fts5 ("vis*", "\"vis\"*");
  /* A prefix has no pair: the words before it are still in step with it. */
  assert_fts5 ("machine-vis*", "\"machine\" + \"vis\"*");
  assert_fts5 ("big-data-vis*", "\"" PAIR "big" PAIR "data\" + \"data\" + \"vis\"*");
  assert_fts5 ("萧山", "\"萧山\"");
  assert_fts5 ("萧山区", "\"" PAIR "萧山" PAIR "山区\"");
  assert_fts5 ("区", "\"区\"*");
  assert_fts5 ("萧山 2022", "\"萧山\" AND \"2022\"");
  assert_fts5 ("“萧山区 2022”",
               "\"" PAIR "萧山" PAIR "山区\" + \"" PAIR "山区" PAIR "区\" + "
               "\"" PAIR "区" PAIR "2022\"");
  /* Lenient: an unclosed quote runs to the end; operators are words or punctuation. */
  assert_fts5 ("\"machine vision", "\"" PAIR "machine" PAIR "vision\"");
  assert_fts5 ("a\"b", "\"a\" AND \"b\"");
  assert_fts5 ("(NEAR) - ^ *", "\"near\"");
  assert_fts5 ("", NULL);
  assert_fts5 ("  \"\" ,. ", NULL);
}

/* @text as the index keeps it. */
static char *
mark (GazetteTokenizer *tokenizer,
      const char       *text)
{
  GString *marked = g_string_new (NULL);

  gazette_tokenizer_mark (tokenizer, text, -1, marked);
  return g_string_free (marked, FALSE);
}

/* A snippet near the start of a long body: the words after it are not read, and the
 * snippet is the same as if they were (they were, before). */
static void
test_query_snippet_long (void)
{
  g_autoptr(GazetteTokenizer) tokenizer = gazette_tokenizer_new (NULL);
  g_autoptr(GazetteSearchQuery) query =
    gazette_search_query_new (tokenizer, "\"machine vision\" vision 萧山");
  g_autoptr(GString) text = g_string_new ("The district has launched a project. ");
  g_autoptr(GArray) matches = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *snippet = NULL;
  GazetteSpan *span;

  g_string_append (text, "It is about computer vision and machine vision in 萧山区, from chips to "
                         "devices and platforms, and the whole industrial chain comes with it");
  for (guint i = 0; i < 400; i++)
    g_string_append (text, ", and machine vision in 萧山 again");
  g_string_append (text, ".");

  marked = mark (tokenizer, text->str);
  snippet = gazette_search_query_snippet (query, tokenizer, marked, TRUE, &matches);
  g_assert_cmpstr (snippet, ==,
                   "…project. It is about computer vision and machine vision in 萧山区, from "
                   "chips to devices and platforms, and the whole industrial chain comes with "
                   "it, and…");
  g_assert_cmpuint (matches->len, ==, 3);
  span = &g_array_index (matches, GazetteSpan, 1);
  g_assert_cmpint (strncmp (snippet + span->start, "machine vision",
                            span->end - span->start), ==, 0);
  g_assert_cmpuint (span->end - span->start, ==, strlen ("machine vision"));
  span = &g_array_index (matches, GazetteSpan, 2);
  g_assert_cmpint (strncmp (snippet + span->start, "萧山", span->end - span->start), ==, 0);
  g_assert_cmpuint (span->end - span->start, ==, strlen ("萧山"));
}

static void
test_query_snippet (void)
{
  g_autoptr(GazetteTokenizer) tokenizer = gazette_tokenizer_new (NULL);
  g_autoptr(GazetteSearchQuery) query = gazette_search_query_new (tokenizer, "vision 萧山");
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) title = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *nothing = mark (tokenizer, "nothing here");
  g_autofree char *title_marked = mark (tokenizer, "Vision for 萧山");
  const char *text =
    "Xiaoshan District has launched a project.\n\nIt is about computer vision and machine "
    "vision in 萧山区, from algorithms and chips to devices and platforms, and it brings the "
    "whole industrial chain into one district, says the plan for the coming years and "
    "beyond that too.";
  GazetteSpan *span;

  marked = mark (tokenizer, text);
  snippet = gazette_search_query_snippet (query, tokenizer, marked, TRUE, &matches);
  g_assert_nonnull (snippet);
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_null (strchr (snippet, '\n'));
  g_assert_cmpuint (matches->len, ==, 3);
  span = &g_array_index (matches, GazetteSpan, 0);
  g_assert_cmpint (strncmp (snippet + span->start, "vision", span->end - span->start), ==, 0);
  span = &g_array_index (matches, GazetteSpan, 2);
  g_assert_cmpint (strncmp (snippet + span->start, "萧山", span->end - span->start), ==, 0);
  g_assert_cmpuint (span->end - span->start, ==, strlen ("萧山"));

  g_clear_pointer (&snippet, g_free);
  g_clear_pointer (&matches, g_array_unref);
  g_assert_null (gazette_search_query_snippet (query, tokenizer, nothing, TRUE, &matches));
  snippet = gazette_search_query_snippet (query, tokenizer, nothing, FALSE, &matches);
  g_assert_cmpstr (snippet, ==, "nothing here");
  g_assert_cmpuint (matches->len, ==, 0);

  title = gazette_search_query_find (query, tokenizer, title_marked);
  g_assert_cmpuint (title->len, ==, 2);
  g_assert_cmpuint (g_array_index (title, GazetteSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (title, GazetteSpan, 0).end, ==, 6);
}

/* The store */

typedef struct
{
  char         *dir;
  char         *path;
  GazetteStore *store;
  GazetteFeed  *feed;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gazette-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "gazette.db", NULL);
  if (data != NULL)
    return;

  fixture->store = gazette_store_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->feed = gazette_store_add_feed (fixture->store, "https://example.org/feed", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->feed);
  g_clear_object (&fixture->store);
  for (const char *suffix = ""; suffix != NULL; suffix = *suffix == '\0' ? "-wal" :
                                                   g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GazetteAnnouncement *
make (const char *id,
      const char *language,
      const char *group,
      const char *title,
      const char *body,
      gint64      offset)
{
  GazetteAnnouncement *announcement = gazette_announcement_new (id);

  announcement->language = g_strdup (language);
  announcement->translation_group = g_strdup (group);
  announcement->title = g_strdup (title);
  announcement->content_html = g_strdup_printf ("<p>%s</p>", body);
  announcement->published = g_date_time_new_from_unix_utc (BASE_TIME + offset);

  return announcement;
}

static GazetteEntity *
make_entity (GazetteEntityKind  kind,
             const char        *id,
             const char        *th,
             const char        *zh,
             const char        *en)
{
  GazetteEntity *entity = gazette_entity_new (kind, id);

  gazette_localized_set (entity->name, "th", th);
  gazette_localized_set (entity->name, "zh-Hans", zh);
  gazette_localized_set (entity->name, "en", en);
  return entity;
}

/* The sample's story in three languages, one group, and a few others. */
static GazetteFeedDocument *
make_document (void)
{
  GazetteFeedDocument *document = gazette_feed_document_new ();
  GazetteAnnouncement *a;

  g_ptr_array_add (document->districts,
                   make_entity (GAZETTE_ENTITY_DISTRICT, "xiaoshan", "เซียวชาน", "萧山区",
                                "Xiaoshan"));
  g_ptr_array_add (document->districts,
                   make_entity (GAZETTE_ENTITY_DISTRICT, "tak", "ตาก", "达府", "Tak"));

  a = make ("plan-th", "th", "plan", "เซียวชานตั้งเป้าเศรษฐกิจดิจิทัล",
            "เขตเซียวชานตั้งเป้าให้เศรษฐกิจสารสนเทศมีมูลค่าเกิน 1.2 แสนล้านหยวนภายในปี 2565", 0);
  a->district = make_entity (GAZETTE_ENTITY_DISTRICT, "xiaoshan", "เซียวชาน", "萧山区",
                             "Xiaoshan");
  g_ptr_array_add (document->announcements, a);
  a = make ("plan-zh", "zh-Hans", "plan", "萧山发布数字经济发展规划",
            "萧山区提出，到2022年全区信息经济规模突破1200亿元。", 60);
  g_ptr_array_add (a->officials,
                   make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "ถง กุ้ยลี่", "佟桂莉",
                                "Tong Guili"));
  g_ptr_array_add (document->announcements, a);
  a = make ("plan-en", "en", "plan", "Xiaoshan sets targets for its digital economy",
            "Xiaoshan District aims at computer vision and machine vision.", 120);
  g_ptr_array_add (a->officials,
                   make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "ถง กุ้ยลี่", "佟桂莉",
                                "Tong Guili"));
  g_ptr_array_add (document->announcements, a);

  /* Ranking: the word in one title and in the other's body. */
  g_ptr_array_add (document->announcements,
                   make ("harbour-title", "en", NULL, "Harbour dredging begins",
                         "Work starts on Monday.", 200));
  g_ptr_array_add (document->announcements,
                   make ("harbour-body", "en", NULL, "Works this week",
                         "The council approved works at the harbour, the market and the "
                         "library this week.", 300));
  /* Phrases and Thai words that only share letters. */
  g_ptr_array_add (document->announcements,
                   make ("reversed", "en", NULL, "Vision machine", "Nothing else.", 400));
  g_ptr_array_add (document->announcements,
                   make ("breeze", "th", NULL, "อากาศดี", "ชาวบ้านออกมาตากลมเย็นสบาย", 500));
  g_ptr_array_add (document->announcements,
                   make ("tak", "th", NULL, "ข่าวจังหวัดตาก", "จังหวัดตากเปิดตลาดใหม่", 600));
  g_ptr_array_add (document->announcements,
                   make ("mixed", "zh-Hans", NULL, "iPhone销量", "Café大道开业", 700));

  return document;
}

static GPtrArray *
search (GazetteStore       *store,
        const char         *text,
        const GazetteQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = gazette_store_search (store, text, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* The ids of the hits, best first, joined with spaces. */
static char *
search_ids (GazetteStore       *store,
            const char         *text,
            const GazetteQuery *query)
{
  g_autoptr(GPtrArray) hits = search (store, text, query);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      GazetteAnnouncement *a = gazette_search_hit_get_announcement (g_ptr_array_index (hits, i));

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, gazette_announcement_get_id (a));
    }

  return g_string_free (ids, FALSE);
}

#define assert_search(store, text, query, expected) \
  G_STMT_START { \
    g_autofree char *got_ = search_ids ((store), (text), (query)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
apply_document (Fixture             *fixture,
                GazetteFeedDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gazette_store_apply_document (fixture->store, fixture->feed, document, NULL,
                                               &error));
  g_assert_no_error (error);
}

static void
test_store_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = make_document ();
  g_autoptr(GPtrArray) hits = NULL;
  GazetteSearchHit *hit;
  const GArray *spans;

  apply_document (fixture, document);

  /* Thai inside unspaced sentences; Chinese of one, two and more characters. */
  assert_search (fixture->store, "เซียวชาน", NULL, "plan-th");
  assert_search (fixture->store, "เศรษฐกิจดิจิทัล", NULL, "plan-th");
  assert_search (fixture->store, "萧山", NULL, "plan-zh");
  assert_search (fixture->store, "信息经济规模", NULL, "plan-zh");
  assert_search (fixture->store, "销", NULL, "mixed");
  /* Mixed scripts, folded. */
  assert_search (fixture->store, "IPHONE", NULL, "mixed");
  assert_search (fixture->store, "cafe 大道", NULL, "mixed");
  /* Phrases and prefixes. */
  assert_search (fixture->store, "\"machine vision\"", NULL, "plan-en");
  assert_search (fixture->store, "machine vision", NULL, "reversed plan-en");
  assert_search (fixture->store, "\"vision machine\"", NULL, "reversed");
  assert_search (fixture->store, "\"and machine vision\"", NULL, "plan-en");
  assert_search (fixture->store, "\"vision and machine vision\"", NULL, "plan-en");
  assert_search (fixture->store, "\"machine and vision\"", NULL, "");
  assert_search (fixture->store, "vis*", NULL, "reversed plan-en");
  assert_search (fixture->store, "machine-vis*", NULL, "plan-en");
  assert_search (fixture->store, "and-machine-vis*", NULL, "plan-en");
  assert_search (fixture->store, "vision-mach*", NULL, "reversed");
  assert_search (fixture->store, "vis", NULL, "");
  /* A prefix is a prefix of words, never of the pairs the index also holds: the pair
   * "machine vision" begins with "machine" too, and would count the word twice. */
  assert_search (fixture->store, "machin*", NULL, "reversed plan-en");
  {
    g_autoptr(GPtrArray) word = search (fixture->store, "machine", NULL);
    g_autoptr(GPtrArray) prefix = search (fixture->store, "machin*", NULL);

    g_assert_cmpuint (word->len, ==, 2);
    g_assert_cmpuint (prefix->len, ==, 2);
    for (guint i = 0; i < word->len; i++)
      g_assert_cmpfloat_with_epsilon (
        gazette_search_hit_get_score (g_ptr_array_index (word, i)),
        gazette_search_hit_get_score (g_ptr_array_index (prefix, i)), 1e-9);
  }
  /* A Thai word that only shares letters with a name does not match it. */
  assert_search (fixture->store, "ตาก", NULL, "tak");
  /* A match in the title ranks above one in the body. */
  assert_search (fixture->store, "harbour", NULL, "harbour-title harbour-body");
  /* Blank finds nothing. */
  assert_search (fixture->store, "   ", NULL, "");
  assert_search (fixture->store, NULL, NULL, "");

  /* Entity names from the declared links, in any language: two members of one translation
   * group have them, and the group shows once. */
  hits = search (fixture->store, "佟桂莉", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "ถง กุ้ยลี่", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (gazette_announcement_get_translation_group (
                     gazette_search_hit_get_announcement (g_ptr_array_index (hits, 0))), ==,
                   "plan");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Several groups of words must all match; a hit's spans. */
  hits = search (fixture->store, "Xiaoshan 萧山 เซียวชาน", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "2022", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (gazette_announcement_get_translation_group (
                     gazette_search_hit_get_announcement (hit)), ==, "plan");
  g_assert_cmpfloat (gazette_search_hit_get_score (hit), >, 0.0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "harbour", NULL);
  hit = g_ptr_array_index (hits, 0);
  spans = gazette_search_hit_get_title_matches (hit);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (spans, GazetteSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, GazetteSpan, 0).end, ==, 7);
  /* Only the title matched: the snippet is the start of the body, unmarked. */
  g_assert_cmpstr (gazette_search_hit_get_snippet (hit), ==, "Work starts on Monday.");
  g_assert_cmpuint (gazette_search_hit_get_snippet_matches (hit)->len, ==, 0);
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpuint (gazette_search_hit_get_title_matches (hit)->len, ==, 0);
  spans = gazette_search_hit_get_snippet_matches (hit);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (strncmp (gazette_search_hit_get_snippet (hit) +
                            g_array_index (spans, GazetteSpan, 0).start, "harbour", 7), ==, 0);
}

/* Where a hit's snippet comes from: the summary if it matches, else the body if it does,
 * else the start of the summary, unmarked (a match in the names only). */
static const char *
snippet_of (GPtrArray *hits)
{
  g_assert_cmpuint (hits->len, ==, 1);
  return gazette_search_hit_get_snippet (g_ptr_array_index (hits, 0));
}

static guint
n_snippet_matches (GPtrArray *hits)
{
  return gazette_search_hit_get_snippet_matches (g_ptr_array_index (hits, 0))->len;
}

static void
test_store_snippet_source (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GPtrArray) hits = NULL;
  GazetteAnnouncement *a;

  a = make ("roads", "en", NULL, "Works this week", "The harbour opens on Monday.", 0);
  a->summary = g_strdup ("Roads and bridges are repaired.");
  g_ptr_array_add (a->officials,
                   make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "ถง กุ้ยลี่", "佟桂莉",
                                "Tong Guili"));
  g_ptr_array_add (document->announcements, a);
  apply_document (fixture, document);

  hits = search (fixture->store, "bridges", NULL);
  g_assert_cmpstr (snippet_of (hits), ==, "Roads and bridges are repaired.");
  g_assert_cmpuint (n_snippet_matches (hits), ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "harbour", NULL);
  g_assert_cmpstr (snippet_of (hits), ==, "The harbour opens on Monday.");
  g_assert_cmpuint (n_snippet_matches (hits), ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "Tong Guili", NULL);
  g_assert_cmpstr (snippet_of (hits), ==, "Roads and bridges are repaired.");
  g_assert_cmpuint (n_snippet_matches (hits), ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* In the title and the body: the body's match is marked. */
  hits = search (fixture->store, "week harbour", NULL);
  g_assert_cmpstr (snippet_of (hits), ==, "The harbour opens on Monday.");
  g_assert_cmpuint (n_snippet_matches (hits), ==, 1);
}

/* A word in more announcements than a search ranks: with a limit, the newest 1,000 matches
 * are ranked; without one, all of them. */
static void
test_store_many_matches (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  /* Stored first, so the oldest row: the only one with the word in its title. */
  g_ptr_array_add (document->announcements,
                   make ("old", "en", NULL, "Harbour works", "The harbour opens.", 0));
  for (guint i = 0; i < 1010; i++)
    {
      g_autofree char *id = g_strdup_printf ("body-%04u", i);
      g_autofree char *group = g_strdup_printf ("group-%04u", i / 2);

      g_ptr_array_add (document->announcements,
                       make (id, i % 2 == 0 ? "en" : "en-GB", group, "Works",
                             "The harbour opens.", 60 + i));
    }
  apply_document (fixture, document);

  hits = gazette_store_search (fixture->store, "harbour", NULL, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 20);
  /* Groups of two show once, and the old title match is past the bound. */
  for (guint i = 0; i < hits->len; i++)
    {
      GazetteAnnouncement *announcement =
        gazette_search_hit_get_announcement (g_ptr_array_index (hits, i));

      g_assert_cmpstr (gazette_announcement_get_id (announcement), !=, "old");
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (gazette_announcement_get_translation_group (announcement), !=,
                         gazette_announcement_get_translation_group (
                           gazette_search_hit_get_announcement (g_ptr_array_index (hits, j))));
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = gazette_store_search (fixture->store, "harbour", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1 + 1010 / 2);
  g_assert_cmpstr (gazette_announcement_get_id (
                     gazette_search_hit_get_announcement (g_ptr_array_index (hits, 0))), ==,
                   "old");
}

static void
test_store_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  GazetteQuery district = { .district_id = (char *) "xiaoshan" };
  GazetteQuery official = { .official_id = (char *) "tong-guili" };
  GazetteQuery starred = { .starred_only = TRUE };
  GazetteQuery feed = { .feed_id = gazette_feed_get_id (fixture->feed), .unread_only = TRUE };
  GazetteAnnouncement *harbour;

  apply_document (fixture, document);

  assert_search (fixture->store, "harbour", &district, "");
  assert_search (fixture->store, "digital", &district, "");
  assert_search (fixture->store, "digital", NULL, "plan-en");
  assert_search (fixture->store, "เซียวชาน", &district, "plan-th");
  assert_search (fixture->store, "vision", &official, "plan-en");
  assert_search (fixture->store, "harbour", &official, "");
  assert_search (fixture->store, "harbour", &feed, "harbour-title harbour-body");

  harbour = g_ptr_array_index (document->announcements, 4);
  g_assert_true (gazette_store_set_starred (fixture->store, harbour->row_id, TRUE, &error));
  g_assert_no_error (error);
  assert_search (fixture->store, "harbour", &starred, "harbour-body");
}

static char *
query_text (GazetteStore *store,
            const char   *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = _gazette_store_query_text_for_tests (store, sql, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_store_in_step (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = make_document ();
  g_autoptr(GazetteFeedDocument) update = gazette_feed_document_new ();
  g_autoptr(GazetteFeed) other = NULL;
  g_autoptr(GazetteFeedDocument) other_document = gazette_feed_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *check = NULL;
  guint n_removed = 0;

  apply_document (fixture, document);
  count = query_text (fixture->store, "SELECT count(*) FROM announcements_search");
  g_assert_cmpstr (count, ==, "9");

  /* An update replaces the indexed words. */
  g_ptr_array_add (update->announcements,
                   make ("harbour-title", "en", NULL, "Lighthouse repainted",
                         "Work starts on Monday.", 200));
  apply_document (fixture, update);
  assert_search (fixture->store, "harbour", NULL, "harbour-body");
  assert_search (fixture->store, "lighthouse", NULL, "harbour-title");

  /* Another feed's announcements go with their feed. */
  other = gazette_store_add_feed (fixture->store, "https://example.org/other", &error);
  g_assert_no_error (error);
  g_ptr_array_add (other_document->announcements,
                   make ("elsewhere", "en", NULL, "Lighthouse opens", "Visitors welcome.", 900));
  g_assert_true (gazette_store_apply_document (fixture->store, other, other_document, NULL,
                                               &error));
  g_assert_no_error (error);
  assert_search (fixture->store, "lighthouse", NULL, "elsewhere harbour-title");

  g_assert_true (gazette_store_remove_feed (fixture->store, gazette_feed_get_id (other),
                                            &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 1);
  assert_search (fixture->store, "lighthouse", NULL, "harbour-title");
  g_clear_pointer (&count, g_free);
  count = query_text (fixture->store, "SELECT count(*) FROM announcements_search");
  g_assert_cmpstr (count, ==, "9");

  /* FTS5 agrees that the index matches what it holds. */
  g_assert_true (_gazette_store_exec_sql_for_tests (fixture->store,
                                                    "INSERT INTO announcements_search"
                                                    " (announcements_search, rank)"
                                                    " VALUES ('integrity-check', 1)",
                                                    &error));
  g_assert_no_error (error);
  check = query_text (fixture->store, "SELECT 'ok'");
  g_assert_cmpstr (check, ==, "ok");
}

/* Version 6 makes the index again from the words it holds, with their pairs: a store
 * indexed as version 5 did, without them, finds phrases once migrated. */
/* The English name of the district of the search's one hit. */
static char *
hit_district_name (GazetteStore *store,
                   const char   *text)
{
  g_autoptr(GPtrArray) hits = search (store, text, NULL);
  GazetteAnnouncement *announcement;

  g_assert_cmpuint (hits->len, ==, 1);
  announcement = gazette_search_hit_get_announcement (g_ptr_array_index (hits, 0));
  g_assert_nonnull (announcement->district);
  return g_strdup (gazette_localized_get_exact (announcement->district->name, "en"));
}

/* Hits' districts are kept between searches, but not past a change of their names, made
 * here or by another connection. */
static void
test_store_district_renamed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = make_document ();
  g_autoptr(GazetteStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GazetteAnnouncement *plan_th = g_ptr_array_index (document->announcements, 0);

  apply_document (fixture, document);
  name = hit_district_name (fixture->store, "เศรษฐกิจดิจิทัล");
  g_assert_cmpstr (name, ==, "Xiaoshan");

  gazette_localized_set (plan_th->district->name, "en", "Xiaoshan District");
  apply_document (fixture, document);
  g_clear_pointer (&name, g_free);
  name = hit_district_name (fixture->store, "เศรษฐกิจดิจิทัล");
  g_assert_cmpstr (name, ==, "Xiaoshan District");

  other = gazette_store_new (fixture->path, &error);
  g_assert_no_error (error);
  gazette_localized_set (plan_th->district->name, "en", "Xiaoshan, Hangzhou");
  g_assert_true (gazette_store_apply_document (other, fixture->feed, document, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&name, g_free);
  name = hit_district_name (fixture->store, "เศรษฐกิจดิจิทัล");
  g_assert_cmpstr (name, ==, "Xiaoshan, Hangzhou");
}

/* A version 6 index kept only the words, which the tokenizer now reads as text without
 * marks: nothing. Version 7 makes the index again from the announcements. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_store_migrate_v6 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = make_document ();
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GazetteStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  apply_document (fixture, document);
  g_assert_true (_gazette_store_exec_sql_for_tests (fixture->store,
                                                    "DROP TABLE announcements_search;"
                                                    "CREATE VIRTUAL TABLE announcements_search"
                                                    " USING fts5 (title, summary, body, names,"
                                                    " tokenize = 'gazette');"
                                                    "INSERT INTO announcements_search"
                                                    " (rowid, title, summary, body, names)"
                                                    " SELECT id, lower (title), lower (summary),"
                                                    " '', '' FROM announcements;"
                                                    "PRAGMA user_version = 6",
                                                    &error));
  g_assert_no_error (error);
  assert_search (fixture->store, "machine", NULL, "");
  g_clear_object (&fixture->feed);
  g_clear_object (&fixture->store);

  /* Making the index again says how far it has come, from nothing to all of it. */
  fixture->store = gazette_store_new_full (fixture->path, progress_cb, progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, >=, 2);
  g_assert_cmpfloat (g_array_index (progress, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (progress, double, progress->len - 1), ==, 1.0);
  for (guint i = 1; i < progress->len; i++)
    g_assert_cmpfloat (g_array_index (progress, double, i), >,
                       g_array_index (progress, double, i - 1));
  g_assert_cmpint (gazette_store_get_schema_version (fixture->store), ==,
                   GAZETTE_STORE_SCHEMA_VERSION);
  assert_search (fixture->store, "\"machine vision\"", NULL, "plan-en");
  assert_search (fixture->store, "信息经济规模", NULL, "plan-zh");
  assert_search (fixture->store, "เศรษฐกิจดิจิทัล", NULL, "plan-th");
  assert_search (fixture->store, "harbour", NULL, "harbour-title harbour-body");

  g_assert_true (_gazette_store_exec_sql_for_tests (fixture->store,
                                                    "INSERT INTO announcements_search"
                                                    " (announcements_search, rank)"
                                                    " VALUES ('integrity-check', 1)",
                                                    &error));
  g_assert_no_error (error);
  check = query_text (fixture->store, "SELECT 'ok'");
  g_assert_cmpstr (check, ==, "ok");

  /* Nothing to migrate: nothing to say. */
  g_array_set_size (progress, 0);
  other = gazette_store_new_full (fixture->path, progress_cb, progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 0);
}

static void
test_store_figures_from_text (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GazetteFeedDocument) document = make_document ();
  g_autoptr(GazetteAnnouncement) th = NULL;
  g_autoptr(GazetteAnnouncement) zh = NULL;
  g_autoptr(GError) error = NULL;
  GazetteFigure *figure;

  apply_document (fixture, document);

  th = gazette_store_get_announcement (fixture->store, "plan-th", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th->figures->len, ==, 1);
  figure = g_ptr_array_index (th->figures, 0);
  g_assert_true (figure->from_text);
  g_assert_cmpfloat (figure->value, ==, 1.2e11);
  g_assert_cmpstr (figure->unit, ==, "CNY");
  g_assert_cmpint (figure->year, ==, 2022);
  g_assert_true (gazette_localized_is_empty (figure->label));
  g_assert_nonnull (strstr (figure->source_text, "1.2 แสนล้านหยวน"));

  zh = gazette_store_get_announcement (fixture->store, "plan-zh", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zh->figures->len, ==, 1);
  figure = g_ptr_array_index (zh->figures, 0);
  g_assert_cmpfloat (figure->value, ==, 1.2e11);
  g_assert_cmpint (figure->year, ==, 2022);
  g_assert_cmpstr (figure->source_text, ==, "萧山区提出，到2022年全区信息经济规模突破1200亿元。");
}

/* A version 2 database (the version before search) gets its index from the migration. */
static void
test_store_migrate_v2 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *v2 = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "store",
                                                           "schema-v1.sql", NULL),
                                      &sql, NULL, &error));
  g_assert_no_error (error);
  v2 = g_strconcat (sql,
                    "ALTER TABLE feeds ADD COLUMN retry_after INTEGER;"
                    "ALTER TABLE feeds ADD COLUMN gone INTEGER NOT NULL DEFAULT 0;"
                    "ALTER TABLE announcement_entities ADD COLUMN origin INTEGER NOT NULL"
                    " DEFAULT 0;"
                    "PRAGMA user_version = 2;", NULL);
  g_assert_true (_gazette_store_load_sql_for_tests (fixture->path, v2, &error));
  g_assert_no_error (error);

  fixture->store = gazette_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gazette_store_get_schema_version (fixture->store), ==,
                   GAZETTE_STORE_SCHEMA_VERSION);

  /* Words of the body, and the names of the declared official, are found. */
  assert_search (fixture->store, "information economy", NULL, "xiaoshan-digital-economy-plan-en");
  hits = search (fixture->store, "Tong", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search/tokenizer/thai", test_tokenizer_thai);
  g_test_add_func ("/core/search/tokenizer/chinese", test_tokenizer_chinese);
  g_test_add_func ("/core/search/tokenizer/folding", test_tokenizer_folding);
  g_test_add_func ("/core/search/tokenizer/marked", test_tokenizer_marked);
  g_test_add_func ("/core/search/query/syntax", test_query_syntax);
  g_test_add_func ("/core/search/query/snippet", test_query_snippet);
  g_test_add_func ("/core/search/query/snippet-long", test_query_snippet_long);
  g_test_add ("/core/search/store/search", Fixture, NULL,
              fixture_set_up, test_store_search, fixture_tear_down);
  g_test_add ("/core/search/store/snippet-source", Fixture, NULL,
              fixture_set_up, test_store_snippet_source, fixture_tear_down);
  g_test_add ("/core/search/store/many-matches", Fixture, NULL,
              fixture_set_up, test_store_many_matches, fixture_tear_down);
  g_test_add ("/core/search/store/filters", Fixture, NULL,
              fixture_set_up, test_store_filters, fixture_tear_down);
  g_test_add ("/core/search/store/in-step", Fixture, NULL,
              fixture_set_up, test_store_in_step, fixture_tear_down);
  g_test_add ("/core/search/store/figures-from-text", Fixture, NULL,
              fixture_set_up, test_store_figures_from_text, fixture_tear_down);
  g_test_add ("/core/search/store/district-renamed", Fixture, NULL,
              fixture_set_up, test_store_district_renamed, fixture_tear_down);
  g_test_add ("/core/search/store/migrate-v6", Fixture, NULL,
              fixture_set_up, test_store_migrate_v6, fixture_tear_down);
  g_test_add ("/core/search/store/migrate-v2", Fixture, "no store",
              fixture_set_up, test_store_migrate_v2, fixture_tear_down);

  return g_test_run ();
}
