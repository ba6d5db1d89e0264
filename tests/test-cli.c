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

/* Runs gazette with --data-dir and the given arguments (NULL-terminated). */
static void
run (Fixture    *fixture,
     Result     *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *binary = g_getenv ("GAZETTE_BIN");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (char *) binary);
  if (fixture != NULL)
    {
      g_ptr_array_add (args, (char *) "--data-dir");
      g_ptr_array_add (args, fixture->data_dir);
    }
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

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

  run (NULL, &result, NULL);
  g_assert_cmpint (result.status, ==, 2);

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

  sync_sample (fixture);

  run (fixture, &result, "feeds", "add", missing, NULL);
  g_assert_cmpint (result.status, ==, 0);

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

#undef ADD

  return g_test_run ();
}
