/* test-opml.c
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

#define G_LOG_DOMAIN "test-opml"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gazette-feed.h"
#include "gazette-opml.h"
#include "gazette-store.h"
#include "gazette-test-util.h"

typedef struct
{
  char         *tmpdir;
  GazetteStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = g_dir_make_tmp ("gazette-opml-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmpdir, "gazette.db", NULL);
  fixture->store = gazette_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->tmpdir, name, NULL);
      g_remove (child);
    }
  g_rmdir (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static GazetteFeed *
find (Fixture    *fixture,
      const char *url)
{
  g_autoptr(GError) error = NULL;
  GazetteFeed *feed = gazette_store_find_feed (fixture->store, url, &error);

  g_assert_no_error (error);
  return feed;
}

static void
test_parse (void)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("opml", "subscriptions.opml");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GazetteOpmlEntry *e;
  guint n_ignored = 0;

  entries = gazette_opml_parse (bytes, &n_ignored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);
  /* file:// and javascript: addresses are not feeds anybody should import. */
  g_assert_cmpuint (n_ignored, ==, 2);

  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->url, ==, "https://xiaoshan.example.gov.cn/rss.xml");
  g_assert_cmpstr (e->title, ==, "萧山区人民政府");
  g_assert_cmpstr (e->home_page_url, ==, "https://xiaoshan.example.gov.cn/");
  g_assert_cmpstr (e->folder, ==, "จีน/浙江");
  g_assert_cmpuint (e->line, ==, 8);

  e = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (e->url, ==, "https://bangkok.example.go.th/feed.atom");
  g_assert_cmpstr (e->title, ==, "กรุงเทพมหานคร & ปริมณฑล");
  g_assert_cmpstr (e->folder, ==, "ไทย");
  g_assert_null (e->home_page_url);

  /* text when there is no title; no folder at the top level. */
  e = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (e->title, ==, "Top level");
  g_assert_null (e->folder);

  /* A category attribute files a top-level feed. */
  e = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (e->folder, ==, "News/District");

  /* A nameless folder adds no level; a slash in a name is not a level either. */
  e = g_ptr_array_index (entries, 4);
  g_assert_cmpstr (e->folder, ==, "A-B");
}

static void
test_broken (void)
{
  static const struct { const char *name; int code; const char *message; } cases[] = {
    { "truncated.opml", GAZETTE_OPML_ERROR_INVALID, "line 7, column 1 (AttValue" },
    { "mismatched.opml", GAZETTE_OPML_ERROR_INVALID, "line 4, column" },
    { "not-opml.opml", GAZETTE_OPML_ERROR_NOT_OPML, "<rss>" },
    { "no-body.opml", GAZETTE_OPML_ERROR_NOT_OPML, "line 2" },
    { "laughs.opml", GAZETTE_OPML_ERROR_INVALID, "line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = gazette_test_load_fixture ("opml", cases[i].name);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      entries = gazette_opml_parse (bytes, NULL, &error);
      g_assert_error (error, GAZETTE_OPML_ERROR, cases[i].code);
      g_assert_null (entries);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_no_external_entities (void)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("opml", "external-entity.opml");
  g_autoptr(GBytes) in_title = gazette_test_load_fixture ("opml", "external-entity-title.opml");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  /* In an attribute, XML itself forbids it. */
  entries = gazette_opml_parse (bytes, NULL, &error);
  g_assert_error (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 5"));
  g_assert_null (entries);
  g_clear_error (&error);

  /* In the content, it is left unexpanded, and the external DTD unread. */
  entries = gazette_opml_parse (in_title, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((GazetteOpmlEntry *) g_ptr_array_index (entries, 0))->title, ==, "x");
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("opml", "subscriptions.opml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  guint n_added = 99;
  guint n_skipped = 99;

  g_assert_true (gazette_store_import_opml (fixture->store, bytes, &n_added, &n_skipped,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 5);
  g_assert_cmpuint (n_skipped, ==, 2);

  feed = find (fixture, "https://xiaoshan.example.gov.cn/rss.xml");
  g_assert_cmpstr (gazette_feed_get_folder (feed), ==, "จีน/浙江");
  g_assert_cmpstr (gazette_feed_get_title (feed), ==, "萧山区人民政府");
  g_assert_cmpstr (gazette_feed_get_home_page_url (feed), ==, "https://xiaoshan.example.gov.cn/");

  /* Again: nothing new, nothing changed. */
  g_assert_true (gazette_store_import_opml (fixture->store, bytes, &n_added, &n_skipped,
                                            &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 7);
  feeds = gazette_store_list_feeds (fixture->store, &error);
  g_assert_cmpuint (feeds->len, ==, 5);
}

static void
test_broken_import_adds_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("opml", "truncated.opml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GazetteFeed) kept = NULL;
  guint n_added = 99;

  kept = gazette_store_add_feed (fixture->store, "https://kept.example/feed", &error);
  g_assert_no_error (error);

  g_assert_false (gazette_store_import_opml (fixture->store, bytes, &n_added, NULL, &error));
  g_assert_error (error, GAZETTE_OPML_ERROR, GAZETTE_OPML_ERROR_INVALID);
  g_assert_cmpuint (n_added, ==, 0);
  g_clear_error (&error);

  feeds = gazette_store_list_feeds (fixture->store, &error);
  g_assert_cmpuint (feeds->len, ==, 1);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = gazette_test_load_fixture ("opml", "subscriptions.opml");
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) exported_again = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) local = NULL;
  g_autoptr(GazetteStore) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->tmpdir, "other.db", NULL);
  const char *text;

  g_assert_true (gazette_store_import_opml (fixture->store, bytes, NULL, NULL, &error));
  local = gazette_store_add_feed (fixture->store, "file:///home/someone/feed.xml", &error);
  g_assert_no_error (error);

  exported = gazette_store_export_opml (fixture->store, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (exported, NULL);
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  g_assert_nonnull (strstr (text, "<opml version=\"2.0\">"));
  /* Escaped, and a local file means nothing to another reader. */
  g_assert_nonnull (strstr (text, "กรุงเทพมหานคร &amp; ปริมณฑล"));
  g_assert_null (strstr (text, "file://"));

  /* Into another store: the same feeds in the same folders. */
  other = gazette_store_new (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (gazette_store_import_opml (other, exported, NULL, NULL, &error));
  g_assert_no_error (error);

  original = gazette_opml_parse (bytes, NULL, &error);
  entries = gazette_opml_parse (exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, original->len);
  for (guint i = 0; i < original->len; i++)
    {
      GazetteOpmlEntry *want = g_ptr_array_index (original, i);
      g_autoptr(GazetteFeed) feed = gazette_store_find_feed (other, want->url, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (gazette_feed_get_folder (feed), ==, want->folder);
      g_assert_cmpstr (gazette_feed_get_title (feed), ==, want->title);
    }

  /* And out again, the same. */
  exported_again = gazette_store_export_opml (other, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = gazette_opml_parse (exported_again, NULL, &error);

    g_assert_cmpuint (again->len, ==, entries->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/opml/parse", test_parse);
  g_test_add_func ("/core/opml/broken", test_broken);
  g_test_add_func ("/core/opml/no-external-entities", test_no_external_entities);
  g_test_add ("/core/opml/import-twice", Fixture, NULL, fixture_setup, test_import_twice,
              fixture_teardown);
  g_test_add ("/core/opml/broken-import-adds-nothing", Fixture, NULL, fixture_setup,
              test_broken_import_adds_nothing, fixture_teardown);
  g_test_add ("/core/opml/round-trip", Fixture, NULL, fixture_setup, test_round_trip,
              fixture_teardown);

  return g_test_run ();
}
