/* test-cli.c
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

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

/* The command line end to end: the real `gazette` executable in a fresh data directory.
 * The bundled sample feed is a resource:// URL, so none of this touches the network. */

typedef struct
{
  char *data_dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("gazette-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

/* Runs gazette with --data-dir and the given arguments under the locale @lc_all, in UTC so
 * that dates do not depend on the machine. */
static void
run_valist (Fixture    *fixture,
            Result     *result,
            const char *lc_all,
            const char *first,
            va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *binary = g_getenv ("GAZETTE_BIN");
  int wait_status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (char *) binary);
  if (fixture != NULL)
    {
      g_ptr_array_add (args, (char *) "--data-dir");
      g_ptr_array_add (args, fixture->data_dir);
    }
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "LC_ALL", lc_all, TRUE);
  env = g_environ_setenv (env, "TZ", "UTC", TRUE);

  result_clear (result);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);

  /* Whatever happens, the command line never crashes or warns. */
  g_assert_null (strstr (result->err, "CRITICAL"));
  g_assert_null (strstr (result->err, "WARNING"));
}

/* Runs gazette with --data-dir and the given arguments (NULL-terminated), in English. */
static void
run (Fixture    *fixture,
     Result     *result,
     const char *first,
     ...)
{
  va_list ap;

  va_start (ap, first);
  run_valist (fixture, result, "C.UTF-8", first, ap);
  va_end (ap);
}

/* The same under another locale, such as th_TH.UTF-8. */
static void
run_in (Fixture    *fixture,
        Result     *result,
        const char *lc_all,
        const char *first,
        ...)
{
  va_list ap;

  va_start (ap, first);
  run_valist (fixture, result, lc_all, first, ap);
  va_end (ap);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static guint
json_array_length (const char *text)
{
  g_autoptr(JsonNode) root = parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static void
sync_sample (Fixture *fixture)
{
  g_auto(Result) result = { 0 };

  run (fixture, &result, "sync", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "6 new, 0 updated, 0 unchanged"));
}

static void
test_usage (void)
{
  g_auto(Result) result = { 0 };

  run (NULL, &result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "validate URL-or-FILE"));

  run (NULL, &result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "gazette " PACKAGE_VERSION "\n");

  run (NULL, &result, "frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "“frobnicate” is not a Gazette command"));

  /* Without a command Gazette opens its window, which checks its options first. */
  run (NULL, &result, "--page", "tong-guili", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--page takes a kind and an id"));

  run (NULL, &result, "list", "--limit", "many", NULL);
  g_assert_cmpint (result.status, ==, 2);

  run (NULL, &result, "feeds", "rename", NULL);
  g_assert_cmpint (result.status, ==, 2);

  run (NULL, &result, "list", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--official"));
}

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) feeds = NULL;
  JsonObject *feed;

  /* A new store subscribes the bundled sample, and nothing is fetched until asked. */
  run (fixture, &result, "--json", "feeds", "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  feeds = parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (feeds)), ==, 1);
  feed = json_array_get_object_element (json_node_get_array (feeds), 0);
  g_assert_cmpstr (json_object_get_string_member (feed, "url"), ==,
                   "resource:///io/github/gazette/Gazette/sample/districts.json");

  run (fixture, &result, "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "gazette sync"));

  sync_sample (fixture);

  /* Removing the sample is remembered: it does not come back. */
  run (fixture, &result, "feeds", "remove", "1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "6 announcements"));
  run (fixture, &result, "--json", "feeds", "list", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 0);
  run (fixture, &result, "--json", "list", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 0);
}

static void
test_list_and_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  sync_sample (fixture);

  run (fixture, &result, "--json", "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 6);

  /* Newest first: the 2020 launch comes before the 2018 plan. */
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "translation_group"), ==,
                   "china-v-valley-launch");
  g_assert_false (json_object_get_boolean_member (first, "read"));

  run (fixture, &result, "list", "--json", "--limit", "2", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 2);

  run (fixture, &result, "list", "--json", "--official", "tong-guili", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 6);

  run (fixture, &result, "list", "--json", "--organisation", "netease", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 3);

  run (fixture, &result, "list", "--json", "--district", "cn-zj", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 6);

  run (fixture, &result, "list", "--json", "--district", "nowhere", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 0);

  run (fixture, &result, "list", "--json", "--starred", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 0);

  run (fixture, &result, "list", "--json", "--feed", "1", "--unread", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 6);

  /* Readable text: a header and one line per announcement. */
  run (fixture, &result, "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "DATE"));
  g_assert_nonnull (strstr (result.out, "萧山正式启动“中国视谷”建设"));
  g_assert_nonnull (strstr (result.out, "xiaoshan-digital-economy-plan-th"));
}

/* The text of @span of @text, for checking match ranges. */
static char *
span_text (const char *text,
           JsonNode   *span_node)
{
  JsonObject *span = json_node_get_object (span_node);
  gint64 start = json_object_get_int_member (span, "start");
  gint64 end = json_object_get_int_member (span, "end");

  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (end, <=, (gint64) strlen (text));
  g_assert_cmpint (start, <, end);
  return g_strndup (text + start, end - start);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title_match = NULL;
  g_autofree char *snippet_match = NULL;
  JsonArray *hits;
  JsonObject *first;

  sync_sample (fixture);

  /* Two translation groups mention 萧山; each shows once, in Chinese, 萧山 marked in the
   * title and in the snippet. */
  run (fixture, &result, "--json", "search", "萧山", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_json (result.out);
  hits = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (hits), ==, 2);
  first = json_array_get_object_element (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "language"), ==, "zh-Hans");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "id"), "-zh-hans"));
  g_assert_cmpfloat (json_object_get_double_member (first, "score"), >, 0.0);
  title_match = span_text (json_object_get_string_member (first, "title"),
                           json_array_get_element (json_object_get_array_member (first,
                                                                                 "title_matches"),
                                                   0));
  g_assert_cmpstr (title_match, ==, "萧山");
  snippet_match = span_text (json_object_get_string_member (first, "snippet"),
                             json_array_get_element (json_object_get_array_member (first,
                                                                                   "snippet_matches"),
                                                     0));
  g_assert_cmpstr (snippet_match, ==, "萧山");

  /* Thai inside an unspaced sentence. */
  run (fixture, &result, "search", "--json", "เซียวชาน", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 2);
  g_assert_nonnull (strstr (result.out, "xiaoshan-digital-economy-plan-th"));

  /* Filters combine with the search. */
  run (fixture, &result, "search", "--json", "--limit", "1", "萧山", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 1);
  run (fixture, &result, "search", "--json", "--starred", "萧山", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 0);
  run (fixture, &result, "search", "--json", "--organisation", "netease", "vision", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 1);
  g_assert_nonnull (strstr (result.out, "xiaoshan-digital-economy-plan"));

  /* Readable text: the id line, the title and the snippet. */
  run (fixture, &result, "search", "machine", "vision", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "china-v-valley-launch-en"));
  g_assert_nonnull (strstr (result.out, "  Xiaoshan launches China V Valley"));

  run (fixture, &result, "search", "nothing-like-this", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "No announcements match “nothing-like-this”."));

  /* Queries are read leniently, never as an SQLite error. */
  run (fixture, &result, "search", "--json", "\"machine vision", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (json_array_length (result.out), ==, 2);
  run (fixture, &result, "search", "--json", "AND ( OR * NEAR", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (json_array_length (result.out), ==, 0);

  run (fixture, &result, "search", NULL);
  g_assert_cmpint (result.status, ==, 2);
  run (fixture, &result, "search", "--limit", "-1", "萧山", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  sync_sample (fixture);

  run (fixture, &result, "show", "xiaoshan-digital-economy-plan-en", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "District: Zhejiang › Hangzhou › Xiaoshan"));
  g_assert_nonnull (strstr (result.out, "Officials quoted"));
  g_assert_nonnull (strstr (result.out, "Tong Guili"));
  g_assert_nonnull (strstr (result.out, "Linked projects"));
  g_assert_nonnull (strstr (result.out, "China V Valley"));
  g_assert_nonnull (strstr (result.out, "NetEase"));
  g_assert_nonnull (strstr (result.out, "Figures"));
  g_assert_null (strstr (result.out, "<p>"));

  run (fixture, &result, "--json", "show", "xiaoshan-digital-economy-plan-th", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "th");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "languages")),
                    ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "figures")),
                    ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "quotes")),
                    ==, 1);

  run (fixture, &result, "show", "no-such-announcement", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "gazette: "));
}

static void
test_entities (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  sync_sample (fixture);

  run (fixture, &result, "officials", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "tong-guili"));
  g_assert_nonnull (strstr (result.out, "Tong Guili"));

  run (fixture, &result, "projects", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\"china-v-valley\""));

  run (fixture, &result, "organisations", "--json", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 5);

  /* Districts as a tree: each level indented under its parent. */
  run (fixture, &result, "districts", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "  Hangzhou"));
  g_assert_nonnull (strstr (result.out, "    Xiaoshan"));
  g_assert_true (strstr (result.out, "Zhejiang") < strstr (result.out, "Hangzhou"));
}

static void
test_failed_feed_keeps_others (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *missing = g_build_filename (fixture->data_dir, "missing.json", NULL);

  g_autoptr(GError) error = NULL;

  sync_sample (fixture);

  /* Adding checks the feed first: a file that does not exist is not added. */
  run (fixture, &result, "feeds", "add", missing, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "does not exist"));

  /* A feed that goes missing after it was added. */
  g_file_set_contents (missing, "{\"version\": \"https://jsonfeed.org/version/1.1\", "
                       "\"title\": \"Soon gone\", \"items\": []}", -1, &error);
  g_assert_no_error (error);
  run (fixture, &result, "feeds", "add", missing, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_remove (missing);

  run (fixture, &result, "feeds", "add", missing, NULL);
  g_assert_cmpint (result.status, ==, 1);

  run (fixture, &result, "sync", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "0 new, 0 updated, 6 unchanged"));
  g_assert_nonnull (strstr (result.out, "failed: "));

  run (fixture, &result, "--json", "list", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 6);

  run (fixture, &result, "feeds", "list", NULL);
  g_assert_nonnull (strstr (result.out, "failed on "));

  run (fixture, &result, "sync", "http://127.0.0.1:9/not-subscribed.json", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_validate (void)
{
  g_auto(Result) result = { 0 };
  const char *sample = g_test_get_filename (G_TEST_DIST, "..", "data", "sample",
                                            "districts.json", NULL);
  const char *invalid = g_test_get_filename (G_TEST_DIST, "data", "cli", "invalid-feed.json",
                                             NULL);

  run (NULL, &result, "validate", sample, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "is a valid feed with 6 items"));

  run (NULL, &result, "validate", invalid, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "items[1].title"));
  g_assert_nonnull (strstr (result.out, "items[2].id"));
  g_assert_nonnull (strstr (result.out, "is not a valid feed: 2 errors"));

  run (NULL, &result, "--json", "validate", invalid, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "\"valid\" : false"));

  run (NULL, &result, "validate", "/nonexistent/feed.json", NULL);
  g_assert_cmpint (result.status, ==, 1);
}

/* gettext ignores LANGUAGE under the C locale, so translations need the real locales;
 * build-aux/dev generates them. */
static gboolean
have_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    {
      g_autofree char *message = g_strdup_printf ("%s is not generated: run build-aux/dev deps",
                                                  name);
      g_test_skip (message);
      return FALSE;
    }
  freelocale (locale);
  return TRUE;
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not found in:\n%s", expected, text);
}

typedef struct
{
  const char *lc_all;
  const char *usage;           /* --help */
  const char *list_summary;    /* the list command in --help */
  const char *option;          /* list --help, through GOptionContext */
  const char *not_a_command;   /* the usage error for "frobnicate" */
  const char *no_such;         /* show with an unknown ID */
  const char *header;          /* list's date column */
  const char *list_date;       /* 2018-09-14 in list */
  const char *published;       /* show's date line */
  const char *district;        /* show's district line */
  const char *figures;         /* show's figures heading */
  const char *amount_1;        /* 120000000000 CNY */
  const char *amount_2;        /* 72000000000 CNY */
  const char *year;            /* 2022 */
} LocaleCase;

static const LocaleCase thai = {
  "th_TH.UTF-8",
  "วิธีใช้:",
  "แสดงรายการประกาศ เรียงจากใหม่สุด",
  "เฉพาะประกาศที่ยังไม่อ่าน",
  "“frobnicate” ไม่ใช่คำสั่งของ Gazette",
  "ไม่พบประกาศที่มี ID “no-such-announcement”",
  "วันที่",
  "14 ก.ย. 2561",
  "เผยแพร่เมื่อ: 14 ก.ย. 2561\n",
  "เขต: เจ้อเจียง › หางโจว › เซียวชาน\n",
  "ข้อมูลตัวเลข",
  "1.2 แสนล้านหยวน",
  "7.2 หมื่นล้านหยวน",
  "พ.ศ. 2565",
};

static const LocaleCase chinese = {
  "zh_CN.UTF-8",
  "用法：",
  "列出公告，最新的在前",
  "仅显示未读公告",
  "“frobnicate”不是 Gazette 命令。",
  "不存在 ID 为“no-such-announcement”的公告。",
  "日期",
  "2018年9月14日",
  "发布日期：2018年9月14日\n",
  "行政区：浙江省 › 杭州市 › 萧山区\n",
  "相关数据",
  "1200亿元",
  "720亿元",
  "2022年",
};

/* The interface, the dates and the figures all follow the locale; --json does not. */
static void
test_locale (Fixture       *fixture,
             gconstpointer  data)
{
  const LocaleCase *expected = data;
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *figure;

  if (!have_locale (expected->lc_all))
    return;

  run_in (NULL, &result, expected->lc_all, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, expected->usage));
  assert_contains (result.out, expected->list_summary);

  run_in (NULL, &result, expected->lc_all, "list", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, expected->option);

  run_in (NULL, &result, expected->lc_all, "frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, expected->not_a_command);

  sync_sample (fixture);

  run_in (fixture, &result, expected->lc_all, "show", "no-such-announcement", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_contains (result.err, expected->no_such);

  run_in (fixture, &result, expected->lc_all, "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, expected->header));
  assert_contains (result.out, expected->list_date);
  g_assert_null (strstr (result.out, "2018-09-14"));

  run_in (fixture, &result, expected->lc_all, "show", "xiaoshan-digital-economy-plan-en", NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, expected->published);
  assert_contains (result.out, expected->district);
  assert_contains (result.out, expected->figures);
  assert_contains (result.out, expected->amount_1);
  assert_contains (result.out, expected->amount_2);
  assert_contains (result.out, expected->year);

  /* JSON stays neutral: ISO dates, plain numbers. */
  run_in (fixture, &result, expected->lc_all, "--json", "show",
          "xiaoshan-digital-economy-plan-en", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==,
                   "2018-09-14T06:00:00Z");
  figure = json_array_get_object_element (json_object_get_array_member (object, "figures"), 0);
  g_assert_cmpfloat (json_object_get_double_member (figure, "value"), ==, 120000000000.0);
  g_assert_cmpint (json_object_get_int_member (figure, "year"), ==, 2022);
  g_assert_null (strstr (result.out, expected->amount_1));
  g_assert_null (strstr (result.out, expected->list_date));
}

/* English readable output follows the locale too, and the C locale reads as English. */
static void
test_locale_english (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  sync_sample (fixture);

  run (fixture, &result, "show", "xiaoshan-digital-economy-plan-th", NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "Published: Sep 14, 2018\n");
  assert_contains (result.out, "CN¥120 billion");
  assert_contains (result.out, "CN¥72 billion");
  g_assert_null (strstr (result.out, "พ.ศ."));

  run (fixture, &result, "list", NULL);
  assert_contains (result.out, "Sep 14, 2018");
}

static void
test_clean (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;

  sync_sample (fixture);

  run (fixture, &result, "clean", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--older-than DAYS"));

  run (fixture, &result, "clean", "--older-than", "-3", NULL);
  g_assert_cmpint (result.status, ==, 2);

  run (fixture, &result, "clean", "--older-than", "soon", NULL);
  g_assert_cmpint (result.status, ==, 2);

  /* Nothing is read, so nothing goes, however old. */
  run (fixture, &result, "clean", "--older-than", "0", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Removed 0 read announcements older than 0 days.\n");

  run (fixture, &result, "--json", "clean", "--older-than", "30", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_json (result.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "removed"), ==, 0);
  g_assert_true (json_object_has_member (json_node_get_object (root), "published_before"));

  run (fixture, &result, "--json", "list", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 6);
}

static void
test_feeds_add_discovers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  const char *one = g_test_get_filename (G_TEST_DIST, "data", "cli", "page-one-feed.html", NULL);
  const char *two = g_test_get_filename (G_TEST_DIST, "data", "cli", "page-two-feeds.html",
                                         NULL);
  const char *sample = g_test_get_filename (G_TEST_DIST, "..", "data", "sample",
                                            "districts.json", NULL);

  /* A feed is added as it is. */
  run (fixture, &result, "feeds", "add", sample, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Subscribed to file://"));

  /* A page with one feed: that feed, and it says so. */
  run (fixture, &result, "feeds", "add", one, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "is a web page; it links to the feed "
                                        "https://xiaoshan.example.gov.cn/rss.xml"));
  run (fixture, &result, "--json", "feeds", "list", NULL);
  g_assert_nonnull (strstr (result.out, "\"https://xiaoshan.example.gov.cn/rss.xml\""));

  /* Several: listed, and nothing added. */
  run (fixture, &result, "feeds", "add", two, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "https://xiaoshan.example.gov.cn/zh/rss.xml"));
  g_assert_nonnull (strstr (result.out, "ประกาศ"));
  g_assert_nonnull (strstr (result.err, "gazette feeds add URL"));

  run (fixture, &result, "--json", "feeds", "add", two, NULL);
  g_assert_cmpint (result.status, ==, 1);
  root = parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "alternatives")), ==, 2);

  run (fixture, &result, "--json", "feeds", "list", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 3);
}

static void
test_feeds_import_export (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *exported = g_build_filename (fixture->data_dir, "out.opml", NULL);
  g_autofree char *contents = NULL;
  const char *opml = g_test_get_filename (G_TEST_DIST, "data", "cli", "subscriptions.opml",
                                          NULL);
  const char *broken = g_test_get_filename (G_TEST_DIST, "data", "cli", "broken.opml", NULL);

  run (fixture, &result, "feeds", "import", opml, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Subscribed to 2 new feeds.\n"
                   "Run “gazette sync” to fetch their announcements.\n");

  /* Twice: nothing twice. */
  run (fixture, &result, "--json", "feeds", "import", opml, NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_json (result.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "skipped"), ==, 2);

  /* The sample of a new store, and the two imported. */
  run (fixture, &result, "--json", "feeds", "list", NULL);
  g_assert_cmpuint (json_array_length (result.out), ==, 3);
  g_assert_nonnull (strstr (result.out, "\"folder\" : \"浙江\""));

  /* Broken: where, and nothing added. */
  run (fixture, &result, "feeds", "import", broken, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "broken.opml: "));
  g_assert_nonnull (strstr (result.err, "line 5, column 10"));

  run (fixture, &result, "feeds", "import", "/nonexistent/file.opml", NULL);
  g_assert_cmpint (result.status, ==, 1);

  /* To standard output, and to a file; the bundled sample is not a web address. */
  run (fixture, &result, "feeds", "export", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "<?xml"));
  g_assert_nonnull (strstr (result.out, "<outline text=\"浙江\""));
  g_assert_nonnull (strstr (result.out, "xmlUrl=\"https://bangkok.example.go.th/feed.atom\""));
  g_assert_null (strstr (result.out, "resource://"));

  run (fixture, &result, "feeds", "export", exported, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "xmlUrl=\"https://xiaoshan.example.gov.cn/rss.xml\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/cli/usage", test_usage);
  ADD ("/cli/first-run", test_first_run);
  ADD ("/cli/list-and-filters", test_list_and_filters);
  ADD ("/cli/search", test_search);
  ADD ("/cli/show", test_show);
  ADD ("/cli/entities", test_entities);
  ADD ("/cli/failed-feed-keeps-others", test_failed_feed_keeps_others);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add ("/cli/locale/thai", Fixture, &thai, fixture_setup, test_locale, fixture_teardown);
  g_test_add ("/cli/locale/chinese", Fixture, &chinese, fixture_setup, test_locale,
              fixture_teardown);
  ADD ("/cli/locale/english", test_locale_english);
  ADD ("/cli/clean", test_clean);
  ADD ("/cli/feeds-add-discovers", test_feeds_add_discovers);
  ADD ("/cli/feeds-import-export", test_feeds_import_export);

#undef ADD

  return g_test_run ();
}
