/* gazette-bench.c
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

/* Measures the core on a large synthetic feed: how fast a JSON Feed with the `_district`
 * extension parses, how fast the store takes it in (first time and again unchanged), what a
 * page of the announcement list costs near the start and near the end, how big the database
 * grows and how much memory the whole run needs. docs/benchmarks.md explains the figures.
 *
 * A developer tool, not part of the application: its output is not translated. */

#define G_LOG_DOMAIN "gazette-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gazette-json-feed-parser.h"
#include "gazette-store-private.h"
#include "gazette-store.h"

#define DEFAULT_COUNT 10000
#define PAGE_SIZE 50
#define PAGE_REPEATS 25

/* Parsing a small feed takes milliseconds, so one run is noise; a big one takes long enough
 * to be measured once, and repeating it would only make the benchmark slow. */
#define PARSE_RUNS_SMALL 5
#define PARSE_RUNS_LARGE_FROM 20001

/* The same seed every run, so that every run measures the same document. */
#define SEED 20180914

#define N_PROVINCES 10
#define N_CITIES (N_PROVINCES * 10)
#define N_DISTRICTS (N_CITIES * 10)
#define N_OFFICIALS N_DISTRICTS   /* one per district; "Official 0042" works in District 0042 */
#define N_PROJECTS 3000
#define N_ORGANISATIONS 2000

#define BODY_MIN_BYTES 1024
#define BODY_MAX_BYTES 3072

/* Search queries a language; see measure_search(). */
#define N_QUERIES 4

#define DB_NAME "gazette-bench.db"
#define FEED_NAME "gazette-bench-feed.json"
#define FEED_URL "https://example.org/bench/feed.json"

enum {
  LANG_TH,
  LANG_ZH,
  LANG_EN,
  N_LANGS,
};

static const char * const lang_tags[N_LANGS] = { "th", "zh-Hans", "en" };
static const char * const lang_slugs[N_LANGS] = { "th", "zh-hans", "en" };

/* Small vocabularies of real words, so that the text has the byte and character mix of real
 * announcements (Thai and Chinese without spaces between words). Grammar is not the point. */
static const char * const nouns[N_LANGS][30] = {
  { "เศรษฐกิจดิจิทัล", "อุตสาหกรรมท้องถิ่น", "เทคโนโลยี", "นวัตกรรม", "ประชาชน",
    "โครงสร้างพื้นฐาน", "การศึกษา", "สาธารณสุข", "ระบบขนส่งสาธารณะ", "ถนน", "สะพาน",
    "รถไฟฟ้า", "น้ำประปา", "โครงข่ายไฟฟ้า", "พลังงานสะอาด", "ตลาด", "ธุรกิจขนาดเล็ก",
    "เกษตรกร", "การท่องเที่ยว", "สิ่งแวดล้อม", "แผนพัฒนา", "งบประมาณ", "โรงเรียน",
    "โรงพยาบาล", "สวนสาธารณะ", "ที่อยู่อาศัย", "การจ้างงาน", "ห่วงโซ่อุปทาน",
    "แพลตฟอร์มข้อมูล", "บริการสาธารณะ" },
  { "数字经济", "本地产业", "科技", "创新", "居民", "基础设施", "教育", "医疗卫生",
    "公共交通", "道路", "桥梁", "轨道交通", "供水", "电网", "清洁能源", "市场", "小微企业",
    "农民", "旅游业", "生态环境", "发展规划", "财政预算", "学校", "医院", "公园", "住房",
    "就业", "产业链", "数据平台", "公共服务" },
  { "the digital economy", "local industry", "technology", "innovation", "residents",
    "infrastructure", "education", "health care", "public transport", "roads", "bridges",
    "the metro line", "water supply", "the power grid", "clean energy", "local markets",
    "small businesses", "farmers", "tourism", "the environment", "the development plan",
    "the budget", "schools", "hospitals", "parks", "housing", "jobs", "supply chains",
    "data platforms", "public services" },
};

static const char * const subjects[N_LANGS][6] = {
  { "รัฐบาลเขต", "คณะกรรมการเขต", "สำนักงานพัฒนาเขต", "ผู้ประกอบการท้องถิ่น", "ชุมชน",
    "หน่วยงานท้องถิ่น" },
  { "区政府", "区委", "区发展改革局", "本地企业", "社区", "各街道" },
  { "The district government", "The district committee", "The development bureau",
    "The business association", "The community council", "The planning office" },
};

static const char * const verbs[N_LANGS][12] = {
  { "พัฒนา", "ส่งเสริม", "สนับสนุน", "ก่อสร้าง", "ปรับปรุง", "ขยาย", "เปิดตัว", "ลงทุนใน",
    "เร่งพัฒนา", "ยกระดับ", "เชื่อมต่อ", "สร้าง" },
  { "推动", "加快", "完善", "建设", "改造", "扩大", "启动", "投资", "支持", "提升", "连接",
    "打造" },
  { "will develop", "will support", "plans to build", "aims to improve", "will expand",
    "has launched", "will invest in", "will speed up", "will upgrade", "will connect",
    "is creating", "will modernise" },
};

static const char * const joiners[N_LANGS][4] = {
  { "และ", "ร่วมกับ", "เพื่อ", "รวมถึง" },
  { "和", "与", "以及", "带动" },
  { "and", "together with", "for", "alongside" },
};

static const char * const sectors[] = {
  "digital-economy", "computer-vision", "machine-vision", "transport", "water", "education",
  "health-care", "energy", "agriculture", "tourism", "manufacturing", "housing",
};

static const char * const statuses[] = {
  "planned", "launched", "under-construction", "completed",
};

/* Roles are the official's district name between a prefix and a suffix. */
static const char * const role_parts[4][N_LANGS][2] = {
  { { "เลขาธิการคณะกรรมการพรรคคอมมิวนิสต์จีนประจำ", "" },
    { "中共", "委书记" },
    { "Secretary of the CPC ", " Committee" } },
  { { "หัวหน้า", "" }, { "", "区长" }, { "Head of ", "" } },
  { { "รองหัวหน้า", "" }, { "", "副区长" }, { "Deputy Head of ", "" } },
  { { "ผู้อำนวยการสำนักงานพัฒนาและปฏิรูป", "" },
    { "", "发展和改革局局长" },
    { "Director of the ", " Development and Reform Bureau" } },
};

/* Figure 1 is in yuan, figure 2 counts people or households. */
static const char * const money_labels[5][N_LANGS] = {
  { "การลงทุนด้านโครงสร้างพื้นฐาน", "基础设施投资", "Investment in infrastructure" },
  { "เศรษฐกิจดิจิทัล", "数字经济", "Digital economy" },
  { "มูลค่าผลผลิตอุตสาหกรรม", "工业产值", "Industrial output" },
  { "รายได้จากการท่องเที่ยว", "旅游收入", "Tourism revenue" },
  { "การลงทุนด้านพลังงานสีเขียว", "绿色能源投资", "Investment in green energy" },
};

static const char * const count_labels[3][N_LANGS] = {
  { "ตำแหน่งงานใหม่", "新增就业岗位", "New jobs" },
  { "นักเรียนที่ได้รับประโยชน์", "受益学生", "Students served" },
  { "ครัวเรือนที่เชื่อมต่อ", "接入家庭", "Households connected" },
};

static const char * const count_units[3] = { "people", "people", "households" };

static const char * const figure_kinds[] = { "target", "investment", "result" };

typedef struct
{
  GRand   *rand;
  GString *out;
  GString *body;
  GString *scratch;
  /* JSON of the entities that every mention repeats word for word, made once. */
  char    *officials[N_OFFICIALS];       /* without the closing brace: quotes may follow */
  char    *projects[N_PROJECTS];
  char    *organisations[N_ORGANISATIONS];
} Generator;

typedef struct
{
  gint64 db;
  gint64 wal;
  gint64 shm;
} StoreSize;

typedef struct
{
  guint             count;
  guint             n_groups;
  gsize             feed_bytes;
  double            generate_s;

  guint             parse_runs;
  double            parse_median_s;
  double            parse_best_s;
  guint             n_problems;

  double            open_s;
  double            ingest_s;
  GazetteApplyStats ingest_stats;
  double            reingest_s;
  GazetteApplyStats reingest_stats;

  guint             list_count;
  double            count_ms;
  guint             n_rows;
  guint             n_pages;
  double            walk_s;
  guint             far_page;
  double            first_page_ms;
  double            far_page_ms;

  StoreSize         size_ingested;
  StoreSize         size_closed;
  gboolean          closed_files_valid;

  double            rss_generated;
  double            rss_parsed;
  double            rss_ingested;
  double            rss_peak;

  /* Search, per language: gazette_store_search() against LIKE '%q%' in the same store. */
  guint             search_hits[N_LANGS];
  guint             query_hits[N_LANGS][N_QUERIES];
  double            query_p50_ms[N_LANGS][N_QUERIES];
  double            query_p95_ms[N_LANGS][N_QUERIES];
  double            search_p50_ms[N_LANGS];
  double            search_p95_ms[N_LANGS];
  double            like_p50_ms[N_LANGS];
  double            like_p95_ms[N_LANGS];
  gint64            index_bytes;
} Results;

static int opt_count = DEFAULT_COUNT;
static char *opt_keep;
static char *opt_search_only;
static gboolean opt_json;

static const GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &opt_count,
    "Number of announcements to generate (default 10000)", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &opt_keep,
    "Keep the feed and the database in DIR (which must not hold a database yet)", "DIR" },
  { "search-only", 0, 0, G_OPTION_ARG_FILENAME, &opt_search_only,
    "Only time search (section 7), in the store a run with --keep DIR left", "DIR" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    "Print the results as JSON on standard output, the report on standard error", NULL },
  { NULL }
};

/* Generating the feed
 * ------------------- */

static void
append_json_string (GString    *out,
                    const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *key,
               const char *value)
{
  append_json_string (out, key);
  g_string_append_c (out, ':');
  append_json_string (out, value);
}

static void
append_localized (GString           *out,
                  const char        *key,
                  const char * const texts[N_LANGS])
{
  append_json_string (out, key);
  g_string_append (out, ":{");
  for (guint l = 0; l < N_LANGS; l++)
    {
      if (l > 0)
        g_string_append_c (out, ',');
      append_member (out, lang_tags[l], texts[l]);
    }
  g_string_append_c (out, '}');
}

static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[24];
  guint len;

  len = (guint) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

static inline const char *
pick (Generator          *gen,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (gen->rand, 0, (gint32) n_words)];
}

#define PICK(gen, array) pick ((gen), (array), G_N_ELEMENTS (array))

/* The objects of sentences come from a larger vocabulary: the 30 nouns, then every pair of
 * two different nouns written as one compound ("医院公园", "hospitals parks"), 900 words
 * in all, drawn with Zipf's law (the word of rank r with a weight of 1/r). Some words are
 * then in most announcements and some in a handful, as in real text, and a search sees
 * both. */
#define N_NOUNS    G_N_ELEMENTS (nouns[0])
#define N_VOCABULARY (N_NOUNS * N_NOUNS)

static double zipf_cumulative[N_VOCABULARY];

static void
zipf_init (void)
{
  double total = 0;

  for (guint r = 0; r < N_VOCABULARY; r++)
    {
      total += 1.0 / (r + 1);
      zipf_cumulative[r] = total;
    }
}

/* English compounds drop the article of their second noun. */
static const char *
without_article (const char *noun)
{
  return g_str_has_prefix (noun, "the ") ? noun + strlen ("the ") : noun;
}

static void
append_vocabulary_word (GString *out,
                        guint    rank,
                        guint    lang)
{
  guint pair, first, second;

  if (rank < N_NOUNS)
    {
      g_string_append (out, nouns[lang][rank]);
      return;
    }

  /* Pairs (first, second), second != first, in order of first, then second. */
  pair = rank - N_NOUNS;
  first = pair / (N_NOUNS - 1);
  second = pair % (N_NOUNS - 1);
  if (second >= first)
    second++;
  g_string_append (out, nouns[lang][first]);
  if (lang == LANG_EN)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, without_article (nouns[lang][second]));
    }
  else
    g_string_append (out, nouns[lang][second]);
}

static void
append_zipf_word (Generator *gen,
                  GString   *out,
                  guint      lang)
{
  double u = g_rand_double (gen->rand) * zipf_cumulative[N_VOCABULARY - 1];
  guint low = 0, high = N_VOCABULARY - 1;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (zipf_cumulative[mid] < u)
        low = mid + 1;
      else
        high = mid;
    }
  append_vocabulary_word (out, low, lang);
}

static void
district_name (char  *buf,
               gsize  size,
               guint  level,
               guint  n,
               guint  lang)
{
  static const char * const prefixes[3][N_LANGS] = {
    { "มณฑล ", "", "Province " },
    { "เมือง ", "", "City " },
    { "เขต ", "", "District " },
  };
  static const char * const suffixes[3][N_LANGS] = {
    { "", "省", "" },
    { "", "市", "" },
    { "", "区", "" },
  };

  g_snprintf (buf, size, "%s%04u%s", prefixes[level][lang], n, suffixes[level][lang]);
}

static void
entity_name (char       *buf,
             gsize       size,
             const char *const prefixes[N_LANGS],
             guint       n,
             guint       lang)
{
  g_snprintf (buf, size, "%s%04u", prefixes[lang], n);
}

static const char * const official_prefixes[N_LANGS] = { "เจ้าหน้าที่ ", "官员", "Official " };
static const char * const project_prefixes[N_LANGS] = { "โครงการ ", "项目", "Project " };
static const char * const organisation_prefixes[N_LANGS] = { "องค์กร ", "机构", "Organisation " };

static void
append_role (GString *out,
             guint    official,
             guint    lang)
{
  char district[64];
  guint role = official % G_N_ELEMENTS (role_parts);

  district_name (district, sizeof district, 2, official, lang);
  g_string_append (out, role_parts[role][lang][0]);
  g_string_append (out, district);
  g_string_append (out, role_parts[role][lang][1]);
}

/* One sentence: subject, verb, object, and sometimes a second object. Thai writes the words
 * of a clause together and puts a space between clauses; Chinese uses no spaces at all. */
static void
append_sentence (Generator *gen,
                 GString   *out,
                 guint      lang)
{
  const char *word_space = lang == LANG_EN ? " " : "";
  guint n_clauses = (guint) g_rand_int_range (gen->rand, 1, 3);

  g_string_append (out, PICK (gen, subjects[lang]));
  g_string_append (out, word_space);

  for (guint i = 0; i < n_clauses; i++)
    {
      if (i > 0)
        g_string_append (out, lang == LANG_ZH ? "，" : lang == LANG_EN ? ", and " : " ");
      g_string_append (out, PICK (gen, verbs[lang]));
      g_string_append (out, word_space);
      append_zipf_word (gen, out, lang);
      if (g_rand_boolean (gen->rand))
        {
          g_string_append (out, word_space);
          g_string_append (out, PICK (gen, joiners[lang]));
          g_string_append (out, word_space);
          append_zipf_word (gen, out, lang);
        }
    }

  /* Thai has no full stop: the space before the next sentence ends this one. */
  g_string_append (out, lang == LANG_ZH ? "。" : lang == LANG_EN ? "." : "");
}

static void
append_heading (Generator *gen,
                GString   *out,
                guint      lang)
{
  const char *noun = PICK (gen, nouns[lang]);

  g_string_append (out, "<h2>");
  if (lang == LANG_EN)
    {
      if (g_str_has_prefix (noun, "the "))
        noun += strlen ("the ");
      g_string_append_c (out, g_ascii_toupper (noun[0]));
      noun++;
    }
  g_string_append (out, noun);
  g_string_append (out, "</h2>");
}

static void
append_sentences (Generator *gen,
                  GString   *out,
                  guint      lang,
                  guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && lang != LANG_ZH)
        g_string_append_c (out, ' ');
      append_sentence (gen, out, lang);
    }
}

static void
generator_make_entities (Generator *gen)
{
  GString *out = gen->scratch;
  char names[N_LANGS][96];
  const char *texts[N_LANGS];

  for (guint i = 0; i < N_OFFICIALS; i++)
    {
      g_string_truncate (out, 0);
      g_string_append_printf (out, "{\"id\":\"official-%04u\",", i);
      for (guint l = 0; l < N_LANGS; l++)
        {
          entity_name (names[l], sizeof names[l], official_prefixes, i, l);
          texts[l] = names[l];
        }
      append_localized (out, "name", texts);
      g_string_append (out, ",\"roles\":[{");
      for (guint l = 0; l < N_LANGS; l++)
        {
          if (l > 0)
            g_string_append_c (out, ',');
          append_json_string (out, lang_tags[l]);
          g_string_append (out, ":\"");
          append_role (out, i, l);
          g_string_append_c (out, '"');
        }
      g_string_append (out, "}]");
      gen->officials[i] = g_strdup (out->str);
    }

  for (guint i = 0; i < N_PROJECTS; i++)
    {
      GString *summaries[N_LANGS];
      guint n_sectors = (guint) g_rand_int_range (gen->rand, 1, 4);

      g_string_truncate (out, 0);
      g_string_append_printf (out, "{\"id\":\"project-%04u\",", i);
      for (guint l = 0; l < N_LANGS; l++)
        {
          entity_name (names[l], sizeof names[l], project_prefixes, i, l);
          texts[l] = names[l];
        }
      append_localized (out, "name", texts);
      g_string_append_c (out, ',');
      for (guint l = 0; l < N_LANGS; l++)
        {
          summaries[l] = g_string_new (NULL);
          append_sentences (gen, summaries[l], l, 2);
          texts[l] = summaries[l]->str;
        }
      append_localized (out, "summary", texts);
      for (guint l = 0; l < N_LANGS; l++)
        g_string_free (summaries[l], TRUE);
      g_string_append (out, ",\"sectors\":[");
      for (guint s = 0; s < n_sectors; s++)
        {
          if (s > 0)
            g_string_append_c (out, ',');
          append_json_string (out, sectors[(i + s * 5) % G_N_ELEMENTS (sectors)]);
        }
      g_string_append (out, "],");
      append_member (out, "status", PICK (gen, statuses));
      g_string_append_c (out, '}');
      gen->projects[i] = g_strdup (out->str);
    }

  for (guint i = 0; i < N_ORGANISATIONS; i++)
    {
      g_string_truncate (out, 0);
      g_string_append_printf (out, "{\"id\":\"organisation-%04u\",", i);
      for (guint l = 0; l < N_LANGS; l++)
        {
          entity_name (names[l], sizeof names[l], organisation_prefixes, i, l);
          texts[l] = names[l];
        }
      append_localized (out, "name", texts);
      g_string_append_printf (out, ",\"url\":\"https://example.org/organisations/%04u\"}", i);
      gen->organisations[i] = g_strdup (out->str);
    }
}

static void
append_feed_head (Generator *gen)
{
  static const char * const publisher[N_LANGS] = {
    "ข้อมูลสังเคราะห์สำหรับวัดประสิทธิภาพของ Gazette (ไม่ใช่แหล่งข้อมูลทางการ)",
    "Gazette 基准测试的合成数据（非官方来源）",
    "Synthetic data for the Gazette benchmark (not an official source)",
  };
  static const char * const levels[3] = { "province", "city", "district" };
  static const char * const id_prefixes[3] = { "province", "city", "district" };
  static const guint n_per_level[3] = { N_PROVINCES, N_CITIES, N_DISTRICTS };
  GString *out = gen->out;
  char names[N_LANGS][64];
  const char *texts[N_LANGS];
  gboolean first = TRUE;

  g_string_append (out, "{");
  append_member (out, "version", "https://jsonfeed.org/version/1.1");
  g_string_append_c (out, ',');
  append_member (out, "title", "Gazette benchmark feed (synthetic)");
  g_string_append_c (out, ',');
  append_member (out, "home_page_url", "https://example.org/bench/");
  g_string_append_c (out, ',');
  append_member (out, "feed_url", FEED_URL);
  g_string_append_c (out, ',');
  append_member (out, "description",
                 "Synthetic announcements generated by gazette-bench. Every name in it is "
                 "made up.");
  g_string_append_c (out, ',');
  append_member (out, "language", "en");
  g_string_append (out, ",\"authors\":[{\"name\":\"gazette-bench\"}],\"_district\":{");
  append_localized (out, "publisher", publisher);
  g_string_append (out, ",\"districts\":[");

  /* Top down, as the format asks, so that every parent is declared before its children. */
  for (guint level = 0; level < 3; level++)
    for (guint i = 0; i < n_per_level[level]; i++)
      {
        if (!first)
          g_string_append_c (out, ',');
        first = FALSE;

        g_string_append_printf (out, "{\"id\":\"%s-%04u\",", id_prefixes[level], i);
        for (guint l = 0; l < N_LANGS; l++)
          {
            district_name (names[l], sizeof names[l], level, i, l);
            texts[l] = names[l];
          }
        append_localized (out, "name", texts);
        if (level > 0)
          g_string_append_printf (out, ",\"parent\":\"%s-%04u\"", id_prefixes[level - 1], i / 10);
        g_string_append_c (out, ',');
        append_member (out, "level", levels[level]);
        g_string_append_c (out, '}');
      }

  g_string_append (out, "]},\"items\":[");
}

/* What the language versions of one announcement share. */
typedef struct
{
  guint      index;
  guint      district;
  guint      officials[2];
  guint      n_officials;
  guint      project;
  guint      organisations[3];
  guint      n_organisations;
  guint      money_label;
  guint64    money_billions;
  guint      count_label;
  guint64    count_value;
  guint      kind;
  guint      year;
  GDateTime *published;
} Group;

static void
group_init (Generator *gen,
            Group     *group,
            guint      index,
            GDateTime *base)
{
  guint city;

  group->index = index;
  group->district = (guint) g_rand_int_range (gen->rand, 0, N_DISTRICTS);
  city = group->district / 10;

  /* The district's own official speaks; sometimes a colleague from the same city is named. */
  group->officials[0] = group->district;
  group->n_officials = 1;
  if (g_rand_boolean (gen->rand))
    {
      guint other = city * 10 + (guint) g_rand_int_range (gen->rand, 0, 10);

      if (other != group->district)
        group->officials[group->n_officials++] = other;
    }

  group->project = (guint) g_rand_int_range (gen->rand, 0, N_PROJECTS);
  /* Distinct organisations: a publisher names each one once. */
  group->n_organisations = (guint) g_rand_int_range (gen->rand, 1, 4);
  group->organisations[0] = (guint) g_rand_int_range (gen->rand, 0, N_ORGANISATIONS);
  for (guint i = 1; i < group->n_organisations; i++)
    group->organisations[i] = (group->organisations[0] + i * 7) % N_ORGANISATIONS;

  group->money_label = (guint) g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (money_labels));
  group->money_billions = (guint64) g_rand_int_range (gen->rand, 1, 400);
  if (g_rand_boolean (gen->rand))
    group->money_billions -= group->money_billions % 10;
  if (group->money_billions == 0)
    group->money_billions = 10;
  group->count_label = (guint) g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (count_labels));
  group->count_value = (guint64) g_rand_int_range (gen->rand, 1, 500) * 100;
  group->kind = (guint) g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (figure_kinds));

  /* A group about every 80 minutes from 2015: 100,000 items span about 5 years. */
  group->published = g_date_time_add_minutes (base, (gint) index * 80
                                              + g_rand_int_range (gen->rand, 0, 40));
  group->year = (guint) g_date_time_get_year (group->published)
                + (guint) g_rand_int_range (gen->rand, 1, 6);
}

static void
group_clear (Group *group)
{
  g_clear_pointer (&group->published, g_date_time_unref);
}

/* The number words a reader sees, which also go into the figure's source_text. */
static void
append_money_text (GString *out,
                   guint64  billions,
                   guint    lang)
{
  switch (lang)
    {
    case LANG_TH:
      if (billions % 100 == 0)
        g_string_append_printf (out, "%" G_GUINT64_FORMAT " แสนล้านหยวน", billions / 100);
      else if (billions % 10 == 0)
        g_string_append_printf (out, "%" G_GUINT64_FORMAT " หมื่นล้านหยวน", billions / 10);
      else
        g_string_append_printf (out, "%" G_GUINT64_FORMAT " พันล้านหยวน", billions);
      break;

    case LANG_ZH:
      g_string_append_printf (out, "%" G_GUINT64_FORMAT "亿元", billions * 10);
      break;

    case LANG_EN:
    default:
      g_string_append_printf (out, "%" G_GUINT64_FORMAT " billion yuan", billions);
      break;
    }
}

static void
append_count_text (GString *out,
                   guint64  value,
                   guint    unit,
                   guint    lang)
{
  static const char * const words[3][N_LANGS] = {
    { " คน", "人", " people" },
    { " คน", "人", " students" },
    { " ครัวเรือน", "户", " households" },
  };

  if (lang == LANG_ZH)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT, value);
  else
    append_grouped (out, value);
  g_string_append (out, words[unit][lang]);
}

static void
append_names_list (GString     *out,
                   const Group *group,
                   guint        lang)
{
  char name[64];

  for (guint i = 0; i < group->n_organisations; i++)
    {
      if (i > 0)
        {
          gboolean last = i + 1 == group->n_organisations;

          if (lang == LANG_ZH)
            g_string_append (out, "、");
          else if (lang == LANG_EN)
            g_string_append (out, last ? " and " : ", ");
          else
            g_string_append (out, last ? " และ " : " ");
        }
      entity_name (name, sizeof name, organisation_prefixes, group->organisations[i], lang);
      g_string_append (out, name);
    }
}

static void
append_item (Generator   *gen,
             const Group *group,
             guint        lang,
             gboolean     first)
{
  GString *out = gen->out;
  GString *body = gen->body;
  GString *s = gen->scratch;
  char district[64];
  char project[64];
  char official[64];
  g_autofree char *date = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *money_text = NULL;
  g_autofree char *count_text = NULL;
  guint target = (guint) g_rand_int_range (gen->rand, BODY_MIN_BYTES, BODY_MAX_BYTES + 1);
  GDateTime *published;

  district_name (district, sizeof district, 2, group->district, lang);
  entity_name (project, sizeof project, project_prefixes, group->project, lang);
  entity_name (official, sizeof official, official_prefixes, group->officials[0], lang);

  /* The versions of one announcement come out a few minutes apart, as translations do. */
  published = g_date_time_add_minutes (group->published, (gint) lang * 7);
  /* RFC 3339 wants the offset with its minutes, which g_date_time_format_iso8601() drops. */
  date = g_date_time_format (published, "%Y-%m-%dT%H:%M:%S%:z");
  g_date_time_unref (published);

  g_string_truncate (s, 0);
  append_sentences (gen, s, lang, 2);
  quote = g_strdup (s->str);

  g_string_truncate (s, 0);
  append_money_text (s, group->money_billions, lang);
  money_text = g_strdup (s->str);

  g_string_truncate (s, 0);
  append_count_text (s, group->count_value, group->count_label, lang);
  count_text = g_strdup (s->str);

  /* The body: the district and project, a heading, a list, the figures, the quote, the
   * organisations, then ordinary paragraphs up to the target length, and a link. */
  g_string_truncate (body, 0);
  g_string_append (body, "<p>");
  switch (lang)
    {
    case LANG_TH:
      g_string_append_printf (body, "%s ประกาศเปิดตัว<strong>%s</strong> ", district, project);
      break;
    case LANG_ZH:
      g_string_append_printf (body, "%s日前宣布启动<strong>%s</strong>。", district, project);
      break;
    case LANG_EN:
    default:
      g_string_append_printf (body, "%s has announced <strong>%s</strong>. ", district, project);
      break;
    }
  append_sentences (gen, body, lang, 2);
  g_string_append (body, "</p>");
  append_heading (gen, body, lang);
  g_string_append (body, "<p>");
  g_string_append (body, lang == LANG_TH ? "แผนนี้ครอบคลุม"
                         : lang == LANG_ZH ? "规划涵盖以下方面：" : "The plan covers:");
  g_string_append (body, "</p><ul>");
  for (guint i = 0; i < 4; i++)
    {
      g_string_append (body, "<li>");
      g_string_append (body, PICK (gen, nouns[lang]));
      g_string_append (body, "</li>");
    }
  g_string_append (body, "</ul><p>");
  switch (lang)
    {
    case LANG_TH:
      g_string_append_printf (body, "ภายในปี %u %sจะมีมูลค่า %s และ%sจะมีจำนวน %s</p>",
                              group->year + 543, money_labels[group->money_label][lang],
                              money_text, count_labels[group->count_label][lang], count_text);
      break;
    case LANG_ZH:
      g_string_append_printf (body, "到%u年，%s将达到%s，%s将达到%s。</p>",
                              group->year, money_labels[group->money_label][lang], money_text,
                              count_labels[group->count_label][lang], count_text);
      break;
    case LANG_EN:
    default:
      g_string_append_printf (body, "By %u, %c%s is to reach %s, and %c%s should reach %s.</p>",
                              group->year,
                              g_ascii_tolower (money_labels[group->money_label][lang][0]),
                              money_labels[group->money_label][lang] + 1, money_text,
                              g_ascii_tolower (count_labels[group->count_label][lang][0]),
                              count_labels[group->count_label][lang] + 1, count_text);
      break;
    }
  g_string_append (body, "<p>");
  switch (lang)
    {
    case LANG_TH:
      g_string_append_printf (body, "%s ", official);
      append_role (body, group->officials[0], lang);
      g_string_append_printf (body, " กล่าวว่า “%s”</p>", quote);
      break;
    case LANG_ZH:
      append_role (body, group->officials[0], lang);
      g_string_append_printf (body, "%s表示：“%s”</p>", official, quote);
      break;
    case LANG_EN:
    default:
      g_string_append_printf (body, "%s, ", official);
      append_role (body, group->officials[0], lang);
      g_string_append_printf (body, ", said: “%s”</p>", quote);
      break;
    }
  g_string_append (body, "<p>");
  g_string_append (body, lang == LANG_TH ? "โครงการจะทำงานร่วมกับ "
                         : lang == LANG_ZH ? "项目将与" : "The project will work with ");
  append_names_list (body, group, lang);
  g_string_append (body, lang == LANG_TH ? "</p>"
                         : lang == LANG_ZH ? "等机构合作。</p>" : ".</p>");
  while (body->len < target)
    {
      if (g_rand_int_range (gen->rand, 0, 3) == 0)
        append_heading (gen, body, lang);
      g_string_append (body, "<p>");
      append_sentences (gen, body, lang, (guint) g_rand_int_range (gen->rand, 2, 5));
      g_string_append (body, "</p>");
    }
  g_string_append_printf (body, "<p><a href=\"https://example.org/bench/projects/%04u\">%s</a></p>",
                          group->project, project);

  /* The item. */
  if (!first)
    g_string_append_c (out, ',');
  g_string_append_printf (out, "{\"id\":\"bench-%06u-%s\",", group->index, lang_slugs[lang]);
  g_string_append_printf (out, "\"url\":\"https://example.org/bench/%s/%06u\",",
                          lang_slugs[lang], group->index);

  g_string_truncate (s, 0);
  g_string_append (s, district);
  g_string_append (s, lang == LANG_ZH ? "：" : ": ");
  g_string_append (s, project);
  g_string_append (s, lang == LANG_ZH ? "，" : lang == LANG_EN ? ", " : " ");
  g_string_append (s, PICK (gen, verbs[lang]));
  if (lang == LANG_EN)
    g_string_append_c (s, ' ');
  g_string_append (s, PICK (gen, nouns[lang]));
  append_member (out, "title", s->str);
  g_string_append_c (out, ',');

  g_string_truncate (s, 0);
  append_sentences (gen, s, lang, (guint) g_rand_int_range (gen->rand, 1, 3));
  append_member (out, "summary", s->str);
  g_string_append_c (out, ',');
  append_member (out, "content_html", body->str);
  g_string_append_c (out, ',');
  append_member (out, "date_published", date);
  g_string_append (out, ",\"authors\":[{");
  append_member (out, "name", lang == LANG_TH ? "กองบรรณาธิการสังเคราะห์"
                              : lang == LANG_ZH ? "合成数据编辑部" : "Synthetic newsroom");
  g_string_append (out, "}],\"tags\":[");
  append_json_string (out, district);
  g_string_append_c (out, ',');
  append_json_string (out, PICK (gen, nouns[lang]));
  g_string_append (out, "],");
  append_member (out, "language", lang_tags[lang]);

  /* The extension. */
  g_string_append (out, ",\"_district\":{");
  g_string_append_printf (out, "\"translation_group\":\"bench-%06u\",", group->index);
  g_string_append_printf (out, "\"district\":\"district-%04u\",\"officials\":[", group->district);
  for (guint i = 0; i < group->n_officials; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, gen->officials[group->officials[i]]);
      if (i == 0)
        {
          g_string_append (out, ",\"quotes\":[{");
          append_member (out, "text", quote);
          g_string_append_c (out, ',');
          append_member (out, "language", lang_tags[lang]);
          g_string_append (out, "}]");
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"projects\":[");
  g_string_append (out, gen->projects[group->project]);
  g_string_append (out, "],\"organisations\":[");
  for (guint i = 0; i < group->n_organisations; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, gen->organisations[group->organisations[i]]);
    }
  g_string_append (out, "],\"figures\":[{");
  append_localized (out, "label", money_labels[group->money_label]);
  g_string_append_printf (out, ",\"value\":%" G_GUINT64_FORMAT "000000000,"
                          "\"unit\":\"CNY\",\"year\":%u,",
                          group->money_billions, group->year);
  append_member (out, "kind", figure_kinds[group->kind]);
  g_string_append_c (out, ',');
  append_member (out, "source_text", money_text);
  g_string_append (out, "},{");
  append_localized (out, "label", count_labels[group->count_label]);
  g_string_append_printf (out, ",\"value\":%" G_GUINT64_FORMAT ",\"unit\":\"%s\",\"year\":%u,",
                          group->count_value, count_units[group->count_label], group->year);
  append_member (out, "kind", figure_kinds[group->kind]);
  g_string_append_c (out, ',');
  append_member (out, "source_text", count_text);
  g_string_append (out, "}]}}");
}

/* @count announcements in groups of three languages (the last group may be shorter), as one
 * JSON Feed document. */
static GBytes *
generate_feed (guint  count,
               guint *n_groups)
{
  Generator gen = { 0 };
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2015, 1, 5, 8, 0, 0);
  guint n_items = 0;
  guint index = 0;

  gen.rand = g_rand_new_with_seed (SEED);
  zipf_init ();
  /* Items come out at about 5 KiB, and the districts take 160 KiB. */
  gen.out = g_string_sized_new ((gsize) count * 6 * 1024 + 256 * 1024);
  gen.body = g_string_sized_new (BODY_MAX_BYTES + 1024);
  gen.scratch = g_string_sized_new (1024);

  generator_make_entities (&gen);
  append_feed_head (&gen);

  while (n_items < count)
    {
      Group group = { 0 };

      group_init (&gen, &group, index++, base);
      for (guint l = 0; l < N_LANGS && n_items < count; l++, n_items++)
        append_item (&gen, &group, (index + l) % N_LANGS, n_items == 0);
      group_clear (&group);
    }
  g_string_append (gen.out, "]}\n");

  *n_groups = index;

  for (guint i = 0; i < N_OFFICIALS; i++)
    g_free (gen.officials[i]);
  for (guint i = 0; i < N_PROJECTS; i++)
    g_free (gen.projects[i]);
  for (guint i = 0; i < N_ORGANISATIONS; i++)
    g_free (gen.organisations[i]);
  g_string_free (gen.body, TRUE);
  g_string_free (gen.scratch, TRUE);
  g_rand_free (gen.rand);

  return g_string_free_to_bytes (gen.out);
}

/* Measuring
 * --------- */

static double
seconds_since (gint64 start_usec)
{
  return (double) (g_get_monotonic_time () - start_usec) / G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  g_assert (n > 0);

  qsort (values, n, sizeof *values, compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* ru_maxrss is the high-water mark of the resident set since the process started, in KiB on
 * Linux, so reading it after each phase shows which phase set the peak. */
static double
peak_rss_mib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (double) usage.ru_maxrss / 1024;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return (gint64) st.st_size;
}

static void
store_size_read (StoreSize  *size,
                 const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  size->db = file_size (db_path);
  size->wal = file_size (wal);
  size->shm = file_size (shm);
}

static gint64
store_size_total (const StoreSize *size)
{
  return MAX (size->db, 0) + MAX (size->wal, 0) + MAX (size->shm, 0);
}

static GazetteFeedDocument *
measure_parse (GBytes   *bytes,
               Results  *r,
               GError  **error)
{
  double times[PARSE_RUNS_SMALL];
  GazetteFeedDocument *document = NULL;

  r->parse_runs = r->count >= PARSE_RUNS_LARGE_FROM ? 1 : PARSE_RUNS_SMALL;

  for (guint i = 0; i < r->parse_runs; i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      gint64 start;

      g_clear_pointer (&document, gazette_feed_document_free);
      problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);

      start = g_get_monotonic_time ();
      document = gazette_json_feed_parse (bytes, problems, error);
      times[i] = seconds_since (start);

      if (document == NULL)
        return NULL;

      /* The generator should write a clean feed: a problem here is a bug in one of the two. */
      r->n_problems = problems->len;
      if (i == 0)
        for (guint j = 0; j < MIN (problems->len, 5); j++)
          {
            g_autofree char *text = gazette_problem_to_string (g_ptr_array_index (problems, j));

            g_printerr ("gazette-bench: the parser reports: %s\n", text);
          }
    }

  r->parse_best_s = times[0];
  for (guint i = 1; i < r->parse_runs; i++)
    r->parse_best_s = MIN (r->parse_best_s, times[i]);
  r->parse_median_s = median (times, r->parse_runs);

  return document;
}

static double
time_page_ms (GazetteStore         *store,
              const GazetteQuery   *query,
              const GazetteCursor  *after,
              guint                *n_rows,
              GError              **error)
{
  g_autoptr(GPtrArray) page = NULL;
  gint64 start = g_get_monotonic_time ();

  page = gazette_store_list_announcements (store, query, after, PAGE_SIZE, error);
  if (page == NULL)
    return -1;

  *n_rows = page->len;
  return seconds_since (start) * 1000;
}

/* Walks the whole list a page at a time, as a scrolling view would, then times page 1
 * against page N/50 (the last one when rows are fewer). The far page starts from a saved
 * cursor, which is what keyset paging promises to make as cheap as page 1. */
static gboolean
measure_paging (GazetteStore  *store,
                Results       *r,
                GError       **error)
{
  GazetteQuery query = { 0 };
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (GazetteCursor));
  GazetteCursor cursor = { 0 };
  const GazetteCursor *far_cursor;
  double first_ms[PAGE_REPEATS];
  double far_ms[PAGE_REPEATS];
  gboolean have_cursor = FALSE;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!gazette_store_count_announcements (store, &query, &r->list_count, error))
    return FALSE;
  r->count_ms = seconds_since (start) * 1000;

  start = g_get_monotonic_time ();
  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      page = gazette_store_list_announcements (store, &query, have_cursor ? &cursor : NULL,
                                               PAGE_SIZE, error);
      if (page == NULL)
        return FALSE;
      if (page->len == 0)
        break;

      g_array_append_val (starts, cursor);
      r->n_pages++;
      r->n_rows += page->len;

      gazette_cursor_init_after (&cursor, g_ptr_array_index (page, page->len - 1));
      have_cursor = TRUE;

      if (page->len < PAGE_SIZE)
        break;
    }
  r->walk_s = seconds_since (start);

  if (r->n_pages == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the store lists no announcements after the ingest");
      return FALSE;
    }

  r->far_page = CLAMP (r->count / PAGE_SIZE, 1, r->n_pages);
  far_cursor = r->far_page > 1 ? &g_array_index (starts, GazetteCursor, r->far_page - 1) : NULL;

  /* Interleaved, so that both see the same state of the page cache and of the CPU. */
  for (guint i = 0; i < PAGE_REPEATS; i++)
    {
      guint n_rows = 0;

      first_ms[i] = time_page_ms (store, &query, NULL, &n_rows, error);
      if (first_ms[i] < 0)
        return FALSE;
      far_ms[i] = time_page_ms (store, &query, far_cursor, &n_rows, error);
      if (far_ms[i] < 0)
        return FALSE;
      if (n_rows == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "page %u is empty when it was not during the walk", r->far_page);
          return FALSE;
        }
    }
  r->first_page_ms = median (first_ms, PAGE_REPEATS);
  r->far_page_ms = median (far_ms, PAGE_REPEATS);

  return TRUE;
}

/* Search: what users of other readers wait for (a LIKE scan over title, summary and body)
 * against the index, with the same words, in the same store. Each language has an entity
 * name, the most common word of the text, a rare compound (rank 600 of the vocabulary, as a
 * phrase) and two common words that must both be there. */
#define SEARCH_LIMIT   20
#define SEARCH_REPEATS 25
#define LIKE_REPEATS   2

static const char * const search_queries[N_LANGS][N_QUERIES] = {
  { "เจ้าหน้าที่ 0042", "เศรษฐกิจดิจิทัล", "สิ่งแวดล้อมแผนพัฒนา", "ถนน สะพาน" },
  { "官员0042", "数字经济", "生态环境发展规划", "道路 桥梁" },
  { "Official 0042", "digital economy", "\"environment development plan\"", "roads bridges" },
};

static const char * const query_kinds[N_QUERIES] = { "entity", "common", "rare", "two words" };

static double
percentile (double *values,
            guint   n,
            double  p)
{
  guint index;

  qsort (values, n, sizeof (double), compare_doubles);
  index = (guint) (p * (n - 1) + 0.5);
  return values[MIN (index, n - 1)];
}

static gboolean
measure_search (GazetteStore  *store,
                Results       *r,
                GError       **error)
{
  for (guint lang = 0; lang < N_LANGS; lang++)
    {
      double search_ms[SEARCH_REPEATS * N_QUERIES];
      double query_ms[N_QUERIES][SEARCH_REPEATS];
      double like_ms[LIKE_REPEATS * N_QUERIES];
      guint n_search = 0, n_like = 0;

      for (guint rep = 0; rep < SEARCH_REPEATS; rep++)
        for (guint q = 0; q < N_QUERIES; q++)
          {
            g_autoptr(GPtrArray) hits = NULL;
            gint64 start = g_get_monotonic_time ();

            hits = gazette_store_search (store, search_queries[lang][q], NULL, SEARCH_LIMIT,
                                         error);
            if (hits == NULL)
              return FALSE;
            search_ms[n_search] = seconds_since (start) * 1000;
            query_ms[q][rep] = search_ms[n_search++];
            if (rep == 0)
              {
                r->search_hits[lang] += hits->len;
                r->query_hits[lang][q] = hits->len;
              }
          }

      for (guint rep = 0; rep < LIKE_REPEATS; rep++)
        for (guint q = 0; q < N_QUERIES; q++)
          {
            g_autofree char *pattern = NULL;
            g_autofree char *sql = NULL;
            g_autofree char *n = NULL;
            gint64 start;
            g_autofree char *plain = g_strdup (search_queries[lang][q]);
            g_auto(GStrv) parts = NULL;

            /* The scan looks for the text as typed, without the phrase's quotes. */
            g_strdelimit (plain, "\"", ' ');
            g_strstrip (plain);
            parts = g_strsplit (plain, "'", -1);

            /* A developer tool's fixed queries, quoted by hand: the store's API has no scan. */
            pattern = g_strjoinv ("''", parts);
            sql = g_strdup_printf ("SELECT count(*) FROM announcements WHERE title LIKE '%%%s%%'"
                                   " OR summary LIKE '%%%s%%' OR content_html LIKE '%%%s%%'",
                                   pattern, pattern, pattern);
            start = g_get_monotonic_time ();
            n = _gazette_store_query_text_for_tests (store, sql, error);
            if (n == NULL)
              return FALSE;
            like_ms[n_like++] = seconds_since (start) * 1000;
          }

      for (guint q = 0; q < N_QUERIES; q++)
        {
          r->query_p50_ms[lang][q] = percentile (query_ms[q], SEARCH_REPEATS, 0.5);
          r->query_p95_ms[lang][q] = percentile (query_ms[q], SEARCH_REPEATS, 0.95);
        }
      r->search_p50_ms[lang] = percentile (search_ms, n_search, 0.5);
      r->search_p95_ms[lang] = percentile (search_ms, n_search, 0.95);
      r->like_p50_ms[lang] = percentile (like_ms, n_like, 0.5);
      r->like_p95_ms[lang] = percentile (like_ms, n_like, 0.95);
    }

  {
    g_autoptr(GError) local_error = NULL;
    g_autofree char *bytes =
      _gazette_store_query_text_for_tests (store,
                                           "SELECT sum (pgsize) FROM dbstat"
                                           " WHERE name LIKE 'announcements_search%'",
                                           &local_error);

    /* dbstat is optional in SQLite builds; without it the size is left out. */
    r->index_bytes = bytes != NULL ? g_ascii_strtoll (bytes, NULL, 10) : -1;
  }

  return TRUE;
}

static gboolean
measure_store (GazetteFeedDocument  *document,
               const char           *db_path,
               Results              *r,
               GError              **error)
{
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  store = gazette_store_new (db_path, error);
  if (store == NULL)
    return FALSE;
  feed = gazette_store_add_feed (store, FEED_URL, error);
  if (feed == NULL)
    return FALSE;
  r->open_s = seconds_since (start);

  start = g_get_monotonic_time ();
  if (!gazette_store_apply_document (store, feed, document, &r->ingest_stats, error))
    return FALSE;
  r->ingest_s = seconds_since (start);
  r->rss_ingested = peak_rss_mib ();
  store_size_read (&r->size_ingested, db_path);

  start = g_get_monotonic_time ();
  if (!gazette_store_apply_document (store, feed, document, &r->reingest_stats, error))
    return FALSE;
  r->reingest_s = seconds_since (start);

  if (!measure_paging (store, r, error))
    return FALSE;

  if (!measure_search (store, r, error))
    return FALSE;

  /* SQLite checkpoints the WAL into the database and removes it when the last connection
   * closes; the store offers no checkpoint call, so closing it is the public way to get one. */
  g_clear_object (&feed);
  g_clear_object (&store);
  store_size_read (&r->size_closed, db_path);
  r->closed_files_valid = TRUE;

  return TRUE;
}

/* Reporting
 * --------- */

static double
per_second (guint  n,
            double seconds)
{
  return seconds > 0 ? n / seconds : 0;
}

static double
megabytes (gint64 bytes)
{
  return (double) bytes / 1e6;
}

static void
append_size_line (GString    *out,
                  const char *label,
                  gint64      bytes)
{
  if (bytes < 0)
    g_string_append_printf (out, "    %-6s   (absent)\n", label);
  else if (bytes < 1000 * 1000)
    g_string_append_printf (out, "    %-6s %10.1f kB\n", label, (double) bytes / 1000);
  else
    g_string_append_printf (out, "    %-6s %10.1f MB\n", label, megabytes (bytes));
}

static void
append_stats (GString                 *out,
              const GazetteApplyStats *stats)
{
  g_string_append_printf (out, "new %u, updated %u, unchanged %u",
                          stats->n_new, stats->n_updated, stats->n_unchanged);
}

static void
append_search_report (GString       *out,
                      const Results *r)
{
  g_string_append_printf (out,
                          "7. search (%d hits at most; %d runs of %d queries; LIKE: %d runs):\n",
                          SEARCH_LIMIT, SEARCH_REPEATS, N_QUERIES, LIKE_REPEATS);
  g_string_append (out, "     language  index p50   index p95   LIKE p50     LIKE p95     ratio p50  ratio p95\n");
  for (guint lang = 0; lang < N_LANGS; lang++)
    g_string_append_printf (out, "     %-8s  %7.2f ms  %7.2f ms  %9.1f ms  %9.1f ms  %7.0f×   %7.0f×\n",
                            lang_tags[lang], r->search_p50_ms[lang], r->search_p95_ms[lang],
                            r->like_p50_ms[lang], r->like_p95_ms[lang],
                            r->like_p50_ms[lang] / MAX (r->search_p50_ms[lang], 1e-6),
                            r->like_p95_ms[lang] / MAX (r->search_p95_ms[lang], 1e-6));
  g_string_append (out, "     per query (index p50 / p95, hits):\n");
  for (guint lang = 0; lang < N_LANGS; lang++)
    for (guint q = 0; q < N_QUERIES; q++)
      g_string_append_printf (out, "     %-8s  %-9s  %6.2f / %6.2f ms  %2u  %s\n",
                              lang_tags[lang], query_kinds[q], r->query_p50_ms[lang][q],
                              r->query_p95_ms[lang][q], r->query_hits[lang][q],
                              search_queries[lang][q]);
  if (r->index_bytes >= 0)
    g_string_append_printf (out, "     index size: %.1f MB\n", r->index_bytes / 1e6);
}

static char *
format_report (const Results *r)
{
  GString *out = g_string_new (NULL);
  char label[32];

  g_string_append_printf (out, "Gazette benchmark: %u announcements in %u translation groups\n",
                          r->count, r->n_groups);
  g_string_append_printf (out, "  build: compiler optimisation %s, assertions %s\n",
#ifdef __OPTIMIZE__
                          "on",
#else
                          "OFF",
#endif
#ifdef G_DISABLE_ASSERT
                          "disabled"
#else
                          "enabled"
#endif
                          );
  g_string_append_printf (out, "  feed: %.1f MB of JSON, generated in %.2f s\n\n",
                          megabytes ((gint64) r->feed_bytes), r->generate_s);

  if (r->parse_runs == 1)
    g_string_append_printf (out, "1. parse:      %8.1f MB/s   (%.3f s, one run)\n",
                            megabytes ((gint64) r->feed_bytes) / r->parse_median_s,
                            r->parse_median_s);
  else
    g_string_append_printf (out, "1. parse:      %8.1f MB/s   (median of %u runs, %.3f s; "
                            "best %.1f MB/s)\n",
                            megabytes ((gint64) r->feed_bytes) / r->parse_median_s,
                            r->parse_runs, r->parse_median_s,
                            megabytes ((gint64) r->feed_bytes) / r->parse_best_s);
  if (r->n_problems > 0)
    g_string_append_printf (out, "   the parser reported %u problems (see above)\n",
                            r->n_problems);

  g_string_append_printf (out, "2. ingest:     %8.0f announcements/s   (%.3f s; ",
                          per_second (r->count, r->ingest_s), r->ingest_s);
  append_stats (out, &r->ingest_stats);
  g_string_append_printf (out, ")\n   opening the new store and adding the feed: %.3f s\n",
                          r->open_s);

  g_string_append_printf (out, "   bytes to stored announcements (parse + ingest): %.3f s, "
                          "%.0f announcements/s\n",
                          r->parse_median_s + r->ingest_s,
                          per_second (r->count, r->parse_median_s + r->ingest_s));

  g_string_append_printf (out, "3. re-ingest:  %8.0f announcements/s   (%.3f s; ",
                          per_second (r->count, r->reingest_s), r->reingest_s);
  append_stats (out, &r->reingest_stats);
  g_string_append (out, ")\n");

  g_string_append_printf (out, "4. paging, %u rows a page (median of %u):\n",
                          PAGE_SIZE, PAGE_REPEATS);
  g_string_append_printf (out, "     page 1:     %8.3f ms\n", r->first_page_ms);
  g_snprintf (label, sizeof label, "page %u:", r->far_page);
  g_string_append_printf (out, "     %-11s %8.3f ms\n", label, r->far_page_ms);
  g_string_append_printf (out, "     whole list: %u rows in %u pages, %.3f s (%.3f ms a page)\n",
                          r->n_rows, r->n_pages, r->walk_s,
                          r->walk_s * 1000 / MAX (r->n_pages, 1));
  g_string_append_printf (out, "     count:      %u announcements, %.3f ms\n",
                          r->list_count, r->count_ms);

  g_string_append (out, "5. store on disk after the ingest:\n");
  append_size_line (out, ".db", r->size_ingested.db);
  append_size_line (out, "-wal", r->size_ingested.wal);
  append_size_line (out, "-shm", r->size_ingested.shm);
  append_size_line (out, "total", store_size_total (&r->size_ingested));
  if (r->closed_files_valid)
    {
      g_string_append (out, "   after closing the store (SQLite checkpoints the WAL):\n");
      append_size_line (out, ".db", r->size_closed.db);
      append_size_line (out, "-wal", r->size_closed.wal);
      append_size_line (out, "-shm", r->size_closed.shm);
      append_size_line (out, "total", store_size_total (&r->size_closed));
    }

  append_search_report (out, r);

  g_string_append_printf (out, "6. peak memory: %.1f MiB   (high-water mark after generating "
                          "%.1f, parsing %.1f, ingesting %.1f)\n",
                          r->rss_peak, r->rss_generated, r->rss_parsed, r->rss_ingested);

  return g_string_free (out, FALSE);
}

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_double (JsonBuilder *b,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_double_value (b, value);
}

static void
add_stats (JsonBuilder             *b,
           const char              *key,
           const GazetteApplyStats *stats,
           double                   seconds,
           guint                    count)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  add_double (b, "seconds", seconds);
  add_double (b, "announcements_per_second", per_second (count, seconds));
  add_int (b, "new", stats->n_new);
  add_int (b, "updated", stats->n_updated);
  add_int (b, "unchanged", stats->n_unchanged);
  json_builder_end_object (b);
}

static void
add_sizes (JsonBuilder     *b,
           const char      *key,
           const StoreSize *size)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  add_int (b, "db_bytes", size->db);
  add_int (b, "wal_bytes", size->wal);
  add_int (b, "shm_bytes", size->shm);
  add_int (b, "total_bytes", store_size_total (size));
  json_builder_end_object (b);
}

static void
add_search_json (JsonBuilder   *b,
                 const Results *r)
{
  json_builder_set_member_name (b, "search");
  json_builder_begin_object (b);
  for (guint lang = 0; lang < N_LANGS; lang++)
    {
      json_builder_set_member_name (b, lang_tags[lang]);
      json_builder_begin_object (b);
      add_double (b, "index_p50_ms", r->search_p50_ms[lang]);
      add_double (b, "index_p95_ms", r->search_p95_ms[lang]);
      add_double (b, "like_p50_ms", r->like_p50_ms[lang]);
      add_double (b, "like_p95_ms", r->like_p95_ms[lang]);
      json_builder_set_member_name (b, "queries");
      json_builder_begin_array (b);
      for (guint q = 0; q < N_QUERIES; q++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, query_kinds[q]);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, search_queries[lang][q]);
          json_builder_set_member_name (b, "hits");
          json_builder_add_int_value (b, r->query_hits[lang][q]);
          add_double (b, "index_p50_ms", r->query_p50_ms[lang][q]);
          add_double (b, "index_p95_ms", r->query_p95_ms[lang][q]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "index_bytes");
  json_builder_add_int_value (b, r->index_bytes);
  json_builder_end_object (b);
}

static char *
format_json (const Results *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  double feed_mb = megabytes ((gint64) r->feed_bytes);

  json_builder_begin_object (b);
  add_int (b, "count", r->count);
  add_int (b, "translation_groups", r->n_groups);
  json_builder_set_member_name (b, "assertions_enabled");
#ifdef G_DISABLE_ASSERT
  json_builder_add_boolean_value (b, FALSE);
#else
  json_builder_add_boolean_value (b, TRUE);
#endif
  add_int (b, "feed_bytes", (gint64) r->feed_bytes);
  add_double (b, "generate_seconds", r->generate_s);

  json_builder_set_member_name (b, "parse");
  json_builder_begin_object (b);
  add_int (b, "runs", r->parse_runs);
  add_double (b, "median_seconds", r->parse_median_s);
  add_double (b, "best_seconds", r->parse_best_s);
  add_double (b, "median_mb_per_second", feed_mb / r->parse_median_s);
  add_double (b, "best_mb_per_second", feed_mb / r->parse_best_s);
  add_int (b, "problems", r->n_problems);
  json_builder_end_object (b);

  add_double (b, "open_seconds", r->open_s);
  add_stats (b, "ingest", &r->ingest_stats, r->ingest_s, r->count);
  add_stats (b, "reingest", &r->reingest_stats, r->reingest_s, r->count);
  add_double (b, "parse_and_ingest_seconds", r->parse_median_s + r->ingest_s);

  json_builder_set_member_name (b, "paging");
  json_builder_begin_object (b);
  add_int (b, "page_size", PAGE_SIZE);
  add_int (b, "repeats", PAGE_REPEATS);
  add_double (b, "first_page_ms", r->first_page_ms);
  add_int (b, "far_page", r->far_page);
  add_double (b, "far_page_ms", r->far_page_ms);
  add_int (b, "rows", r->n_rows);
  add_int (b, "pages", r->n_pages);
  add_double (b, "walk_seconds", r->walk_s);
  add_int (b, "count", r->list_count);
  add_double (b, "count_ms", r->count_ms);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "store");
  json_builder_begin_object (b);
  add_sizes (b, "after_ingest", &r->size_ingested);
  if (r->closed_files_valid)
    add_sizes (b, "after_close", &r->size_closed);
  json_builder_end_object (b);

  add_search_json (b, r);
  json_builder_set_member_name (b, "peak_rss_mib");
  json_builder_begin_object (b);
  add_double (b, "after_generate", r->rss_generated);
  add_double (b, "after_parse", r->rss_parsed);
  add_double (b, "after_ingest", r->rss_ingested);
  add_double (b, "total", r->rss_peak);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* The run
 * ------- */

static void
remove_store_files (const char *db_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static gboolean
run (const char  *dir,
     Results     *r,
     GError     **error)
{
  g_autofree char *db_path = g_build_filename (dir, DB_NAME, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GazetteFeedDocument) document = NULL;
  gint64 start;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s already exists: the benchmark needs a fresh store", db_path);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  bytes = generate_feed (r->count, &r->n_groups);
  r->generate_s = seconds_since (start);
  r->feed_bytes = g_bytes_get_size (bytes);
  r->rss_generated = peak_rss_mib ();

  if (opt_keep != NULL)
    {
      g_autofree char *feed_path = g_build_filename (dir, FEED_NAME, NULL);

      if (!g_file_set_contents (feed_path, g_bytes_get_data (bytes, NULL),
                                (gssize) g_bytes_get_size (bytes), error))
        return FALSE;
    }

  document = measure_parse (bytes, r, error);
  if (document == NULL)
    return FALSE;
  r->rss_parsed = peak_rss_mib ();

  /* The store only sees the document, as after a real fetch the bytes are gone too. */
  g_clear_pointer (&bytes, g_bytes_unref);

  if (!measure_store (document, db_path, r, error))
    return FALSE;

  g_clear_pointer (&document, gazette_feed_document_free);
  r->rss_peak = peak_rss_mib ();

  return TRUE;
}

/* Times search alone in a store an earlier run kept, so that changes to search can be
 * measured in seconds rather than the minutes it takes to generate and ingest the feed. */
static int
run_search_only (void)
{
  g_autofree char *db_path = g_build_filename (opt_search_only, DB_NAME, NULL);
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  GString *out;
  Results r = { 0 };

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("gazette-bench: %s does not exist: run with --keep %s first\n",
                  db_path, opt_search_only);
      return 1;
    }
  store = gazette_store_new (db_path, &error);
  if (store == NULL || !measure_search (store, &r, &error))
    {
      g_printerr ("gazette-bench: %s\n", error->message);
      return 1;
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "Gazette benchmark: search in %s\n", db_path);
  append_search_report (out, &r);
  report = g_string_free (out, FALSE);
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_object (b);
      add_search_json (b, &r);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      json = json_generator_to_data (gen, NULL);
      g_printerr ("%s", report);
      g_print ("%s\n", json);
    }
  else
    g_print ("%s", report);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *report = NULL;
  Results r = { 0 };
  gboolean ok;

  setlocale (LC_ALL, "");
  /* The report and the JSON print numbers with a dot, whatever the locale. */
  setlocale (LC_NUMERIC, "C");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Generates a synthetic district feed and measures parsing, "
                                "storing and paging it.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gazette-bench: %s\n", error->message);
      return 2;
    }
  if (opt_count < 1 || opt_count > GAZETTE_JSON_FEED_MAX_ITEMS)
    {
      g_printerr ("gazette-bench: --count must be between 1 and %d\n",
                  GAZETTE_JSON_FEED_MAX_ITEMS);
      return 2;
    }
  r.count = (guint) opt_count;

  if (opt_search_only != NULL)
    {
      int status;

      if (opt_keep != NULL)
        {
          g_printerr ("gazette-bench: --search-only and --keep cannot be used together\n");
          return 2;
        }
      status = run_search_only ();
      g_free (opt_search_only);
      return status;
    }

  if (opt_keep != NULL)
    {
      if (g_mkdir_with_parents (opt_keep, 0700) != 0)
        {
          g_printerr ("gazette-bench: cannot create %s\n", opt_keep);
          return 1;
        }
      dir = g_strdup (opt_keep);
    }
  else
    {
      dir = g_dir_make_tmp ("gazette-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("gazette-bench: %s\n", error->message);
          return 1;
        }
    }

  ok = run (dir, &r, &error);

  if (opt_keep == NULL)
    {
      g_autofree char *db_path = g_build_filename (dir, DB_NAME, NULL);

      remove_store_files (db_path);
      g_rmdir (dir);
    }

  if (!ok)
    {
      g_printerr ("gazette-bench: %s\n", error->message);
      return 1;
    }

  report = format_report (&r);
  if (opt_json)
    {
      g_autofree char *json = format_json (&r);

      g_printerr ("%s", report);
      g_print ("%s\n", json);
    }
  else
    {
      g_print ("%s", report);
      if (opt_keep != NULL)
        g_print ("\nThe feed and the database are in %s\n", dir);
    }

  g_free (opt_keep);

  return 0;
}
