/* test-store.c
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

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "gazette-announcement-private.h"
#include "gazette-feed-private.h"
#include "gazette-store-private.h"
#include "gazette-test-util.h"

#define ANNOUNCEMENT(document, i) \
  ((GazetteAnnouncement *) g_ptr_array_index ((document)->announcements, (i)))

/* 2018-12-01T00:00:00Z */
#define BASE_TIME G_GINT64_CONSTANT (1543622400)

typedef struct
{
  char         *dir;
  char         *path;
  GazetteStore *store;
} Fixture;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gazette-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store makes it. */
  fixture->path = g_build_filename (fixture->dir, "data", "gazette", "gazette.db", NULL);

  if (data == NULL)
    {
      fixture->store = gazette_store_new (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->store);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  gazette_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Without a store: the test opens it itself. */
static const int no_store = 1;

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_TEST_NO_STORE(path, func) \
  g_test_add (path, Fixture, &no_store, fixture_set_up, func, fixture_tear_down)

/* Building documents */

static GazetteEntity *
make_entity (GazetteEntityKind  kind,
             const char        *id,
             const char        *language,
             const char        *name)
{
  GazetteEntity *entity = gazette_entity_new (kind, id);

  gazette_localized_set (entity->name, language, name);

  return entity;
}

static GazetteEntity *
make_district (const char *id,
               const char *parent,
               const char *name)
{
  GazetteEntity *entity = make_entity (GAZETTE_ENTITY_DISTRICT, id, "en", name);

  entity->parent_id = g_strdup (parent);

  return entity;
}

static GazetteAnnouncement *
make_announcement (const char *id,
                   const char *title,
                   gint64      published)
{
  GazetteAnnouncement *announcement = gazette_announcement_new (id);

  announcement->title = g_strdup (title);
  announcement->language = g_strdup ("en");
  announcement->published = g_date_time_new_from_unix_utc (published);

  return announcement;
}

static GazetteFeed *
add_feed (GazetteStore *store,
          const char   *url)
{
  g_autoptr(GError) error = NULL;
  GazetteFeed *feed = gazette_store_add_feed (store, url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpint (gazette_feed_get_id (feed), >, 0);

  return feed;
}

static void
apply (GazetteStore        *store,
       GazetteFeed         *feed,
       GazetteFeedDocument *document,
       guint                n_new,
       guint                n_updated,
       guint                n_unchanged)
{
  g_autoptr(GError) error = NULL;
  GazetteApplyStats stats;
  gboolean ok;

  ok = gazette_store_apply_document (store, feed, document, &stats, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (stats.n_new, ==, n_new);
  g_assert_cmpuint (stats.n_updated, ==, n_updated);
  g_assert_cmpuint (stats.n_unchanged, ==, n_unchanged);
}

static guint
count (GazetteStore       *store,
       const GazetteQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (gazette_store_count_announcements (store, query, &n, &error));
  g_assert_no_error (error);

  return n;
}

static GPtrArray *
list (GazetteStore       *store,
      const GazetteQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = gazette_store_list_announcements (store, query, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

/* The ids of what @query lists, in order, joined by spaces. */
static char *
list_ids (GazetteStore       *store,
          const GazetteQuery *query)
{
  g_autoptr(GPtrArray) rows = list (store, query);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, gazette_announcement_get_id (g_ptr_array_index (rows, i)));
    }

  /* Every query result also agrees with its count. */
  g_assert_cmpuint (count (store, query), ==, rows->len);

  return g_string_free (ids, FALSE);
}

static char *
query_text (GazetteStore *store,
            const char   *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = _gazette_store_query_text_for_tests (store, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

#define assert_sql(store, sql, expected) \
  G_STMT_START { \
    g_autofree char *_text = query_text ((store), (sql)); \
    g_assert_cmpstr (_text, ==, (expected)); \
  } G_STMT_END

/* The Xiaoshan announcement of the design document, in one language. */
static GazetteAnnouncement *
make_xiaoshan (const char *id,
               const char *language,
               const char *title,
               gint64      published)
{
  GazetteAnnouncement *announcement = make_announcement (id, title, published);
  GazetteEntity *official;
  GazetteEntity *project;
  GazetteFigure *figure;

  g_free (announcement->language);
  announcement->language = g_strdup (language);
  announcement->summary = g_strdup ("Targets for 2022");
  announcement->content_html = g_strdup ("<p>An information economy above 120 billion yuan.</p>");
  announcement->content_text = g_strdup ("An information economy above 120 billion yuan.");
  announcement->url = g_strdup ("https://xiaoshan.example.org/digital-economy");
  announcement->image_url = g_strdup ("https://xiaoshan.example.org/v-valley.jpg");
  announcement->author = g_strdup ("Xiaoshan District Government");
  announcement->updated = g_date_time_new_from_unix_utc (published + 3600);
  announcement->translation_group = g_strdup ("xiaoshan-digital-economy-plan");
  announcement->tags = g_strsplit ("economy,digital", ",", -1);
  announcement->district = make_district ("cn-zj-hangzhou-xiaoshan", "cn-zj-hangzhou",
                                          "Xiaoshan");

  official = make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "en", "Tong Guili");
  g_ptr_array_add (official->roles,
                   gazette_test_localized ("en", "CPC Secretary of Xiaoshan District", NULL));
  g_ptr_array_add (announcement->officials, official);

  project = make_entity (GAZETTE_ENTITY_PROJECT, "china-v-valley", "en", "China V Valley");
  project->summary = gazette_test_localized ("en", "Visual, Vision, Video", NULL);
  project->sectors = g_strsplit ("computer-vision,machine-vision", ",", -1);
  project->status = g_strdup ("launched");
  g_ptr_array_add (announcement->projects, project);

  g_ptr_array_add (announcement->organisations,
                   make_entity (GAZETTE_ENTITY_ORGANISATION, "netease", "en", "NetEase"));
  g_ptr_array_add (announcement->organisations,
                   make_entity (GAZETTE_ENTITY_ORGANISATION, "sensetime", "en", "SenseTime"));

  g_ptr_array_add (announcement->quotes,
                   gazette_quote_new ("tong-guili", "We will build a digital Xiaoshan.", "en"));

  figure = gazette_figure_new ();
  gazette_localized_set (figure->label, "en", "Digital economy");
  figure->value = 72e9;
  figure->unit = g_strdup ("CNY");
  figure->year = 2022;
  figure->kind = g_strdup ("target");
  figure->source_text = g_strdup ("72 billion yuan");
  g_ptr_array_add (announcement->figures, figure);

  figure = gazette_figure_new ();
  gazette_localized_set (figure->label, "en", "Information economy");
  figure->value = 120e9;
  figure->unit = g_strdup ("CNY");
  figure->from_text = TRUE;
  g_ptr_array_add (announcement->figures, figure);

  return announcement;
}

/* Opening */

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GazetteFeed) found = NULL;

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gazette_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpint (gazette_store_get_schema_version (fixture->store), ==,
                   GAZETTE_STORE_SCHEMA_VERSION);
  assert_sql (fixture->store, "PRAGMA user_version", G_STRINGIFY (GAZETTE_STORE_SCHEMA_VERSION));
  assert_sql (fixture->store, "PRAGMA journal_mode", "wal");
  assert_sql (fixture->store, "PRAGMA foreign_keys", "1");
  assert_sql (fixture->store, "PRAGMA synchronous", "1");
  assert_sql (fixture->store, "PRAGMA page_size", "16384");

  feed = add_feed (fixture->store, "https://xiaoshan.example.org/feed.json");

  /* Reopen: same schema, nothing migrated twice, the feed is still there. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = gazette_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gazette_store_get_schema_version (fixture->store), ==,
                   GAZETTE_STORE_SCHEMA_VERSION);

  found = gazette_store_find_feed (fixture->store, "https://xiaoshan.example.org/feed.json",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (gazette_feed_get_id (found), ==, gazette_feed_get_id (feed));
}

static void
test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = gazette_store_new (":memory:", &error);
  g_autoptr(GazetteFeed) feed = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gazette_store_get_schema_version (store), ==, GAZETTE_STORE_SCHEMA_VERSION);
  feed = add_feed (store, "https://example.org/feed.json");
  g_assert_cmpint (gazette_feed_get_id (feed), ==, 1);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;

  g_assert_true (_gazette_store_exec_sql_for_tests (fixture->store,
                                                    "PRAGMA user_version = 99", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  store = gazette_store_new (fixture->path, &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "99"));
  g_test_message ("%s", error->message);

  /* Left alone: it is still version 99 the next time. */
  g_clear_error (&error);
  store = gazette_store_new (fixture->path, &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
}

static void
test_open_corrupt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autofree char *parent = g_path_get_dirname (fixture->path);
  g_autofree char *other = g_build_filename (parent, "other.db", NULL);
  g_autofree char *readme = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path,
                                      "These are notes, not a database.\n"
                                      "Gazette must not take them for one, nor overwrite them.\n",
                                      -1, &error));
  g_assert_no_error (error);

  store = gazette_store_new (fixture->path, &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (fixture->path, &readme, NULL, &error));
  g_assert_true (g_str_has_prefix (readme, "These are notes"));

  /* Somebody else's SQLite database. */
  g_assert_true (_gazette_store_load_sql_for_tests (other, "CREATE TABLE songs (title);",
                                                    &error));
  g_assert_no_error (error);
  store = gazette_store_new (other, &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_CORRUPT);
  g_assert_null (store);
}

static void
test_open_folder_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *below = g_build_filename (file, "gazette.db", NULL);

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (file, "x", -1, &error));
  store = gazette_store_new (below, &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_OPEN);
  g_assert_null (store);
}

/* Migration */

/* The schema, as SQLite describes it, independent of how the SQL was spelt. */
static char *
describe_schema (GazetteStore *store)
{
  static const char * const tables[] = {
    "feeds", "entities", "announcements", "announcement_entities", "quotes", "figures",
  };
  GString *description = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT group_concat (name || ' ' || type || ' ' || \"notnull\" || ' ' ||"
        " coalesce (dflt_value, '-') || ' ' || pk, ', ') FROM pragma_table_info ('%s')",
        tables[i]);
      g_autofree char *columns = query_text (store, sql);

      g_string_append_printf (description, "%s: %s\n", tables[i], columns);
    }

  {
    g_autofree char *indexes = query_text (store,
      "SELECT group_concat (name, ' ') FROM"
      " (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)");

    g_string_append_printf (description, "indexes: %s\n", indexes);
  }

  return g_string_free (description, FALSE);
}

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *parent = g_path_get_dirname (fixture->path);
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autoptr(GazetteStore) fresh = NULL;
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GazetteAnnouncement) announcement = NULL;
  g_autoptr(GazetteEntity) official = NULL;
  g_autoptr(GazetteFeedDocument) document = NULL;
  GazetteQuery starred = { .starred_only = TRUE };
  GazetteQuery official_query = { .official_id = (char *) "tong-guili" };
  GazetteFigure *figure;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "store",
                                                           "schema-v1.sql", NULL),
                                      &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (_gazette_store_load_sql_for_tests (fixture->path, sql, &error));
  g_assert_no_error (error);

  fixture->store = gazette_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gazette_store_get_schema_version (fixture->store), ==,
                   GAZETTE_STORE_SCHEMA_VERSION);
  assert_sql (fixture->store, "PRAGMA user_version", G_STRINGIFY (GAZETTE_STORE_SCHEMA_VERSION));

  /* Migrated, the database has exactly the schema of a new one. */
  fresh = gazette_store_new (fresh_path, &error);
  g_assert_no_error (error);
  migrated_schema = describe_schema (fixture->store);
  fresh_schema = describe_schema (fresh);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  /* The data survived, and the new columns have their defaults. */
  feed = gazette_store_find_feed (fixture->store, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_get_title (feed), ==, "Xiaoshan District News");
  g_assert_cmpstr (gazette_feed_get_etag (feed), ==, "\"v1-etag\"");
  g_assert_cmpint (g_date_time_to_unix (gazette_feed_get_last_success (feed)), ==, BASE_TIME);
  g_assert_false (gazette_feed_get_gone (feed));
  g_assert_null (gazette_feed_get_retry_after (feed));
  g_assert_cmpuint (gazette_feed_get_n_announcements (feed), ==, 2);
  g_assert_cmpuint (gazette_feed_get_n_unread (feed), ==, 1);
  assert_sql (fixture->store,
              "SELECT group_concat (origin) FROM announcement_entities", "0,0,0,0");

  announcement = gazette_store_get_announcement (fixture->store,
                                                 "xiaoshan-digital-economy-plan-en", &error);
  g_assert_no_error (error);
  g_assert_true (gazette_announcement_get_read (announcement));
  g_assert_true (gazette_announcement_get_starred (announcement));
  g_assert_cmpstr (gazette_localized_get_exact (announcement->district->name, "th"), ==,
                   "เซียวชาน");
  g_assert_cmpuint (announcement->officials->len, ==, 1);
  g_assert_cmpuint (announcement->projects->len, ==, 1);
  g_assert_cmpuint (announcement->organisations->len, ==, 1);
  g_assert_cmpuint (announcement->quotes->len, ==, 1);
  g_assert_cmpuint (announcement->figures->len, ==, 1);
  figure = g_ptr_array_index (announcement->figures, 0);
  g_assert_cmpfloat (figure->value, ==, 72e9);
  g_assert_cmpstrv (announcement->tags, ((const char * const []) { "economy", "digital", NULL }));

  official = gazette_store_get_entity (fixture->store, GAZETTE_ENTITY_OFFICIAL, "tong-guili",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_localized_get_exact (official->name, "zh-Hans"), ==, "佟桂莉");
  g_assert_cmpuint (official->roles->len, ==, 1);

  g_assert_cmpuint (count (fixture->store, &starred), ==, 1);
  g_assert_cmpuint (count (fixture->store, &official_query), ==, 1);

  /* And the migrated database takes new documents: the same announcement (its v1 hash is
   * unknown, so it counts as updated) keeps the reader's state. */
  document = gazette_feed_document_new ();
  g_ptr_array_add (document->announcements,
                   make_xiaoshan ("xiaoshan-digital-economy-plan-en", "en", "Updated title",
                                  BASE_TIME));
  apply (fixture->store, feed, document, 0, 1, 0);
  g_clear_object (&announcement);
  announcement = gazette_store_get_announcement (fixture->store,
                                                 "xiaoshan-digital-economy-plan-en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_announcement_get_title (announcement), ==, "Updated title");
  g_assert_true (gazette_announcement_get_read (announcement));
  g_assert_true (gazette_announcement_get_starred (announcement));
}

/* A version 1 database that lacks a table: the step to version 2 fails half-way and must
 * leave nothing of itself behind. */
static void
test_migrate_failure (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (fixture->path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (_gazette_store_load_sql_for_tests (fixture->path,
                                                    "CREATE TABLE feeds (id INTEGER PRIMARY KEY,"
                                                    " url TEXT NOT NULL UNIQUE);"
                                                    "PRAGMA application_id = 1195465300;"
                                                    "PRAGMA user_version = 1;",
                                                    &error));
  g_assert_no_error (error);

  fixture->store = gazette_store_new (fixture->path, &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FAILED);
  g_assert_null (fixture->store);
  g_assert_nonnull (strstr (error->message, "schema version 2"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* The first ALTER TABLE of the step was rolled back with the rest. */
  g_assert_false (_gazette_store_load_sql_for_tests (fixture->path,
                                                     "SELECT retry_after FROM feeds;", &error));
  g_assert_nonnull (strstr (error->message, "retry_after"));
  g_clear_error (&error);
  g_assert_true (_gazette_store_load_sql_for_tests (fixture->path,
                                                    "SELECT url FROM feeds;", &error));
  g_assert_no_error (error);
}

/* Feeds */

static void
test_feeds (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) a = add_feed (fixture->store, "https://b.example.org/feed.json");
  g_autoptr(GazetteFeed) b = add_feed (fixture->store, "https://a.example.org/feed.json");
  g_autoptr(GazetteFeed) again = NULL;
  g_autoptr(GazetteFeed) found = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autofree char *id = NULL;

  again = gazette_store_add_feed (fixture->store, "https://b.example.org/feed.json", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, gazette_feed_get_id (b));
  found = gazette_store_find_feed (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_get_url (found), ==, "https://a.example.org/feed.json");
  g_clear_object (&found);

  found = gazette_store_find_feed (fixture->store, "https://b.example.org/feed.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gazette_feed_get_id (found), ==, gazette_feed_get_id (a));
  g_clear_object (&found);

  found = gazette_store_find_feed (fixture->store, "https://c.example.org/feed.json", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  found = gazette_store_find_feed (fixture->store, "12345", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Titled "Zhejiang" vs untitled "https://a…": by title, else by address. */
  document->title = g_strdup ("Zhejiang Daily");
  document->language = g_strdup ("zh-Hans");
  g_ptr_array_add (document->announcements, make_announcement ("one", "One", BASE_TIME));
  g_ptr_array_add (document->announcements, make_announcement ("two", "Two", BASE_TIME + 1));
  apply (fixture->store, a, document, 2, 0, 0);
  g_assert_cmpstr (gazette_feed_get_title (a), ==, "Zhejiang Daily");
  g_assert_nonnull (gazette_feed_get_last_success (a));
  g_assert_true (gazette_store_set_read (fixture->store,
                                         ANNOUNCEMENT (document, 0)->row_id,
                                         TRUE, &error));
  g_assert_no_error (error);

  feeds = gazette_store_list_feeds (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 2);
  g_assert_cmpstr (gazette_feed_get_url (feeds->pdata[0]), ==, "https://a.example.org/feed.json");
  g_assert_cmpuint (gazette_feed_get_n_announcements (feeds->pdata[0]), ==, 0);
  g_assert_cmpstr (gazette_feed_get_title (feeds->pdata[1]), ==, "Zhejiang Daily");
  g_assert_cmpstr (gazette_feed_get_language (feeds->pdata[1]), ==, "zh-Hans");
  g_assert_cmpuint (gazette_feed_get_n_announcements (feeds->pdata[1]), ==, 2);
  g_assert_cmpuint (gazette_feed_get_n_unread (feeds->pdata[1]), ==, 1);
}

static void
test_feed_state (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeed) stranger = gazette_feed_new ("https://example.org/other.json");
  g_autoptr(GazetteFeed) found = NULL;
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GDateTime) failed_at = g_date_time_new_from_unix_utc (BASE_TIME + 7200);
  g_autoptr(GDateTime) retry = g_date_time_new_from_unix_utc (BASE_TIME + 10800);

  g_ptr_array_add (document->announcements, make_announcement ("one", "One", BASE_TIME));
  g_ptr_array_add (document->announcements, make_announcement ("two", "Two", BASE_TIME + 1));
  _gazette_feed_set_string (&feed->etag, "\"abc\"");
  apply (fixture->store, feed, document, 2, 0, 0);

  /* A failed fetch: the feed moved, says why it failed and when to retry. */
  _gazette_feed_set_string (&feed->url, "https://example.org/moved.json");
  _gazette_feed_set_string (&feed->last_error, "The server answered 503 Service Unavailable.");
  _gazette_feed_set_datetime (&feed->last_checked, failed_at);
  _gazette_feed_set_datetime (&feed->last_error_time, failed_at);
  _gazette_feed_set_datetime (&feed->retry_after, retry);
  feed->gone = TRUE;
  g_assert_true (gazette_store_save_feed_state (fixture->store, feed, &error));
  g_assert_no_error (error);

  found = gazette_store_find_feed (fixture->store, "https://example.org/moved.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_get_etag (found), ==, "\"abc\"");
  g_assert_cmpstr (gazette_feed_get_last_error (found), ==,
                   "The server answered 503 Service Unavailable.");
  g_assert_cmpint (g_date_time_to_unix (gazette_feed_get_last_error_time (found)), ==,
                   BASE_TIME + 7200);
  g_assert_cmpint (g_date_time_to_unix (gazette_feed_get_last_checked (found)), ==,
                   BASE_TIME + 7200);
  g_assert_cmpint (g_date_time_to_unix (gazette_feed_get_retry_after (found)), ==,
                   BASE_TIME + 10800);
  g_assert_true (gazette_feed_get_gone (found));
  g_assert_nonnull (gazette_feed_get_last_success (found));
  /* A failed feed keeps every announcement. */
  g_assert_cmpuint (gazette_feed_get_n_announcements (found), ==, 2);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 2);

  /* A feed that is not stored. */
  g_assert_false (gazette_store_save_feed_state (fixture->store, stranger, &error));
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The next successful fetch clears the error. */
  g_clear_object (&found);
  apply (fixture->store, feed, document, 0, 0, 2);
  found = gazette_store_find_feed (fixture->store, "https://example.org/moved.json", &error);
  g_assert_no_error (error);
  g_assert_null (gazette_feed_get_last_error (found));
  g_assert_null (gazette_feed_get_last_error_time (found));
  g_assert_null (gazette_feed_get_last_error (feed));
}

static void
test_remove_feed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) a = add_feed (fixture->store, "https://a.example.org/feed.json");
  g_autoptr(GazetteFeed) b = add_feed (fixture->store, "https://b.example.org/feed.json");
  g_autoptr(GazetteFeedDocument) doc_a = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) doc_b = gazette_feed_document_new ();
  g_autoptr(GazetteEntity) official = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GazetteFeed) gone = NULL;
  guint n_removed = 0;

  g_ptr_array_add (doc_a->announcements, make_xiaoshan ("x-en", "en", "Xiaoshan", BASE_TIME));
  g_ptr_array_add (doc_a->announcements, make_announcement ("a2", "A2", BASE_TIME + 1));
  g_ptr_array_add (doc_a->announcements, make_announcement ("a3", "A3", BASE_TIME + 2));
  g_ptr_array_add (doc_b->announcements, make_announcement ("b1", "B1", BASE_TIME + 3));
  apply (fixture->store, a, doc_a, 3, 0, 0);
  apply (fixture->store, b, doc_b, 1, 0, 0);

  g_assert_true (gazette_store_remove_feed (fixture->store, gazette_feed_get_id (a),
                                            &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 3);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 1);

  /* Its links, quotes and figures went too; the shared entities stay. */
  assert_sql (fixture->store, "SELECT count(*) FROM announcement_entities", "0");
  assert_sql (fixture->store, "SELECT count(*) FROM quotes", "0");
  assert_sql (fixture->store, "SELECT count(*) FROM figures", "0");
  official = gazette_store_get_entity (fixture->store, GAZETTE_ENTITY_OFFICIAL, "tong-guili",
                                       &error);
  g_assert_no_error (error);
  quotes = gazette_store_list_quotes (fixture->store, "tong-guili", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 0);

  gone = gazette_store_find_feed (fixture->store, "https://a.example.org/feed.json", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (gazette_store_remove_feed (fixture->store, gazette_feed_get_id (a),
                                             &n_removed, &error));
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_removed, ==, 0);
}

/* Applying documents */

static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) again = gazette_feed_document_new ();
  g_autoptr(GazetteAnnouncement) stored = NULL;
  GazetteAnnouncement *first;
  GazetteAnnouncement *second;
  gint64 first_row;
  gint64 second_row;

  g_ptr_array_add (document->announcements, make_xiaoshan ("one", "en", "One", BASE_TIME));
  g_ptr_array_add (document->announcements, make_xiaoshan ("two", "en", "Two", BASE_TIME + 1));
  g_ptr_array_add (document->announcements, make_announcement ("three", "Three", BASE_TIME + 2));
  apply (fixture->store, feed, document, 3, 0, 0);

  first = g_ptr_array_index (document->announcements, 0);
  second = g_ptr_array_index (document->announcements, 1);
  first_row = first->row_id;
  second_row = second->row_id;
  g_assert_cmpint (first_row, >, 0);
  g_assert_cmpint (second_row, >, 0);
  g_assert_cmpint (first_row, !=, second_row);
  g_assert_cmpint (first->feed_id, ==, gazette_feed_get_id (feed));

  /* The same document again: nothing to write. */
  apply (fixture->store, feed, document, 0, 0, 3);
  g_assert_cmpint (first->row_id, ==, first_row);

  g_assert_true (gazette_store_set_read (fixture->store, first_row, TRUE, &error));
  g_assert_true (gazette_store_set_starred (fixture->store, first_row, TRUE, &error));
  g_assert_true (gazette_store_set_read (fixture->store, second_row, TRUE, &error));
  g_assert_no_error (error);

  /* A fresh parse of a changed feed: "one" has a new title and lost a figure, "two" is the
   * same, "three" is gone from the document (and stays stored), "four" is new. */
  g_ptr_array_add (again->announcements, make_xiaoshan ("one", "en", "One, corrected", BASE_TIME));
  g_ptr_array_remove_index (ANNOUNCEMENT (again, 0)->figures, 1);
  g_ptr_array_add (again->announcements, make_xiaoshan ("two", "en", "Two", BASE_TIME + 1));
  g_ptr_array_add (again->announcements, make_announcement ("four", "Four", BASE_TIME + 3));
  apply (fixture->store, feed, again, 1, 1, 1);

  first = g_ptr_array_index (again->announcements, 0);
  g_assert_cmpint (first->row_id, ==, first_row);
  g_assert_true (first->read);
  g_assert_true (first->starred);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 4);

  stored = gazette_store_get_announcement (fixture->store, "one", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_announcement_get_title (stored), ==, "One, corrected");
  g_assert_cmpint (gazette_announcement_get_row_id (stored), ==, first_row);
  g_assert_true (gazette_announcement_get_read (stored));
  g_assert_true (gazette_announcement_get_starred (stored));
  g_assert_cmpuint (stored->figures->len, ==, 1);
  g_assert_cmpuint (stored->quotes->len, ==, 1);
  g_assert_cmpuint (stored->officials->len, ==, 1);
  g_clear_object (&stored);

  /* "two" is a translation of "one": starring one stars the announcement, in every
   * language. */
  stored = gazette_store_get_announcement (fixture->store, "two", &error);
  g_assert_no_error (error);
  g_assert_true (gazette_announcement_get_read (stored));
  g_assert_true (gazette_announcement_get_starred (stored));
  g_clear_object (&stored);

  stored = gazette_store_get_announcement (fixture->store, "four", &error);
  g_assert_no_error (error);
  g_assert_false (gazette_announcement_get_read (stored));
  g_assert_false (gazette_announcement_get_starred (stored));

  /* No duplicated children after the update. */
  assert_sql (fixture->store, "SELECT count(*) FROM figures", "3");
  assert_sql (fixture->store, "SELECT count(*) FROM quotes", "2");
}

static void
test_apply_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeed) stored_feed = NULL;
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) broken = gazette_feed_document_new ();
  g_autoptr(GazetteAnnouncement) stored = NULL;
  g_autoptr(GazetteEntity) official = NULL;
  GazetteAnnouncement *bad;
  GazetteEntity *newcomer;
  GazetteApplyStats stats = { 7, 7, 7 };

  document->title = g_strdup ("Before");
  g_ptr_array_add (document->announcements, make_xiaoshan ("one", "en", "One", BASE_TIME));
  g_ptr_array_add (document->announcements, make_announcement ("two", "Two", BASE_TIME + 1));
  _gazette_feed_set_string (&feed->etag, "\"before\"");
  apply (fixture->store, feed, document, 2, 0, 0);
  g_assert_true (gazette_store_set_read (fixture->store,
                                         ANNOUNCEMENT (document, 0)->row_id,
                                         TRUE, &error));

  /* A document that changes "one", adds "three", teaches a new name, then fails on an
   * announcement without an id (the NOT NULL constraint on guid). */
  broken->title = g_strdup ("After");
  g_ptr_array_add (broken->announcements, make_xiaoshan ("one", "en", "One, changed", BASE_TIME));
  newcomer = g_ptr_array_index (ANNOUNCEMENT (broken, 0)->officials, 0);
  gazette_localized_set (newcomer->name, "zh-Hans", "佟桂莉");
  g_ptr_array_add (broken->announcements, make_announcement ("three", "Three", BASE_TIME + 2));
  bad = make_announcement ("four", "Four", BASE_TIME + 3);
  g_clear_pointer (&bad->id, g_free);
  g_ptr_array_add (broken->announcements, bad);
  g_ptr_array_add (broken->announcements, make_announcement ("five", "Five", BASE_TIME + 4));
  _gazette_feed_set_string (&feed->etag, "\"after\"");
  _gazette_feed_set_string (&feed->url, "https://example.org/redirected.json");

  g_assert_false (gazette_store_apply_document (fixture->store, feed, broken, &stats, &error));
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (stats.n_new, ==, 0);
  g_assert_cmpuint (stats.n_updated, ==, 0);
  g_assert_cmpint (ANNOUNCEMENT (broken, 0)->row_id, ==, 0);
  g_assert_cmpint (ANNOUNCEMENT (broken, 1)->row_id, ==, 0);
  /* The caller's object was not touched either. */
  g_assert_cmpstr (gazette_feed_get_title (feed), ==, "Before");

  /* Nothing of it was stored. */
  g_assert_cmpuint (count (fixture->store, NULL), ==, 2);
  stored = gazette_store_get_announcement (fixture->store, "one", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_announcement_get_title (stored), ==, "One");
  g_assert_true (gazette_announcement_get_read (stored));
  stored_feed = gazette_store_find_feed (fixture->store, "https://example.org/feed.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_feed_get_title (stored_feed), ==, "Before");
  g_assert_cmpstr (gazette_feed_get_etag (stored_feed), ==, "\"before\"");
  official = gazette_store_get_entity (fixture->store, GAZETTE_ENTITY_OFFICIAL, "tong-guili",
                                       &error);
  g_assert_no_error (error);
  g_assert_null (gazette_localized_get_exact (official->name, "zh-Hans"));

  /* The store still works afterwards. */
  g_ptr_array_remove_index (broken->announcements, 2);
  apply (fixture->store, feed, broken, 2, 1, 0);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 4);
}

static void
test_apply_disk_full (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeedDocument) small = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) large = gazette_feed_document_new ();
  g_autofree char *pages = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *body = g_strnfill (2000, 'x');

  g_ptr_array_add (small->announcements, make_announcement ("one", "One", BASE_TIME));
  apply (fixture->store, feed, small, 1, 0, 0);

  /* The disk is "full" a few pages past what the database uses now. */
  pages = query_text (fixture->store, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", atoi (pages) + 4);
  g_assert_true (_gazette_store_exec_sql_for_tests (fixture->store, limit, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("large-%u", i);
      GazetteAnnouncement *announcement = make_announcement (id, "Large", BASE_TIME + i);

      announcement->content_text = g_strdup (body);
      g_ptr_array_add (large->announcements, announcement);
    }

  g_assert_false (gazette_store_apply_document (fixture->store, feed, large, NULL, &error));
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 1);

  g_assert_true (_gazette_store_exec_sql_for_tests (fixture->store,
                                                    "PRAGMA max_page_count = 1073741823",
                                                    &error));
  apply (fixture->store, feed, large, 500, 0, 0);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 501);
}

static void
test_entities_merge (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) english = add_feed (fixture->store, "https://en.example.org/feed.json");
  g_autoptr(GazetteFeed) chinese = add_feed (fixture->store, "https://zh.example.org/feed.json");
  g_autoptr(GazetteFeedDocument) doc_en = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) doc_zh = gazette_feed_document_new ();
  g_autoptr(GazetteEntity) official = NULL;
  g_autoptr(GazetteEntity) project = NULL;
  g_autoptr(GazetteEntity) district = NULL;
  g_autoptr(GPtrArray) officials = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  GazetteAnnouncement *zh;
  GazetteEntity *zh_official;
  GazetteEntity *zh_project;

  g_ptr_array_add (doc_en->announcements, make_xiaoshan ("x-en", "en", "Xiaoshan", BASE_TIME));

  /* The Chinese feed names the same official and project in Chinese, with a Chinese role,
   * one more sector and a newer status. */
  zh = make_announcement ("x-zh", "萧山数字经济", BASE_TIME + 60);
  g_free (zh->language);
  zh->language = g_strdup ("zh-Hans");
  zh_official = make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "zh-Hans", "佟桂莉");
  g_ptr_array_add (zh_official->roles, gazette_test_localized ("zh-Hans", "中共萧山区委书记", NULL));
  g_ptr_array_add (zh_official->roles,
                   gazette_test_localized ("en", "CPC Secretary of Xiaoshan District", NULL));
  g_ptr_array_add (zh->officials, zh_official);
  zh_project = make_entity (GAZETTE_ENTITY_PROJECT, "china-v-valley", "zh-Hans", "中国视谷");
  zh_project->sectors = g_strsplit ("machine-vision,video", ",", -1);
  zh_project->status = g_strdup ("under-construction");
  g_ptr_array_add (zh->projects, zh_project);
  /* The same official twice in one document: read and written once, merged both times. */
  g_ptr_array_add (doc_zh->announcements, zh);
  zh = make_announcement ("x-zh-2", "佟桂莉", BASE_TIME + 120);
  g_ptr_array_add (zh->officials, make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "th",
                                               "ถง กุ้ยลี่"));
  g_ptr_array_add (doc_zh->announcements, zh);
  g_ptr_array_add (doc_zh->districts, make_district ("cn-zj-hangzhou", "cn-zj", "Hangzhou"));

  apply (fixture->store, english, doc_en, 1, 0, 0);
  apply (fixture->store, chinese, doc_zh, 2, 0, 0);

  official = gazette_store_get_entity (fixture->store, GAZETTE_ENTITY_OFFICIAL, "tong-guili",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_localized_get_exact (official->name, "en"), ==, "Tong Guili");
  g_assert_cmpstr (gazette_localized_get_exact (official->name, "zh-Hans"), ==, "佟桂莉");
  g_assert_cmpstr (gazette_localized_get_exact (official->name, "th"), ==, "ถง กุ้ยลี่");
  /* The union of roles: the English one is not repeated. */
  g_assert_cmpuint (official->roles->len, ==, 2);

  project = gazette_store_get_entity (fixture->store, GAZETTE_ENTITY_PROJECT, "china-v-valley",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_localized_get_exact (project->name, "en"), ==, "China V Valley");
  g_assert_cmpstr (gazette_localized_get_exact (project->name, "zh-Hans"), ==, "中国视谷");
  g_assert_cmpstr (gazette_localized_get_exact (project->summary, "en"), ==,
                   "Visual, Vision, Video");
  g_assert_cmpstrv (project->sectors, ((const char * const []) {
                      "computer-vision", "machine-vision", "video", NULL }));
  g_assert_cmpstr (project->status, ==, "under-construction");

  /* One row per entity, however many feeds and announcements name it. */
  officials = gazette_store_list_entities (fixture->store, GAZETTE_ENTITY_OFFICIAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (officials->len, ==, 1);

  districts = gazette_store_list_entities (fixture->store, GAZETTE_ENTITY_DISTRICT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (districts->len, ==, 2);
  g_assert_cmpstr (((GazetteEntity *) districts->pdata[0])->id, ==, "cn-zj-hangzhou");
  g_assert_cmpstr (((GazetteEntity *) districts->pdata[0])->parent_id, ==, "cn-zj");

  district = gazette_store_get_entity (fixture->store, GAZETTE_ENTITY_DISTRICT, "nowhere", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_assert_null (district);
}

/* Queries */

typedef struct
{
  GazetteFeed *feed_a;
  GazetteFeed *feed_b;
} FilterData;

/* Feed A: a1 (Xiaoshan, Tong Guili, China V Valley, NetEase + SenseTime), a2 (Hangzhou,
 * NetEase), a3 (Ningbo). Feed B: b1 (Xiaoshan, SenseTime). Newest: b1, a3, a2, a1. */
static void
fill_filter_store (GazetteStore *store,
                   FilterData   *data)
{
  g_autoptr(GazetteFeedDocument) doc_a = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) doc_b = gazette_feed_document_new ();
  GazetteAnnouncement *announcement;

  data->feed_a = add_feed (store, "https://a.example.org/feed.json");
  data->feed_b = add_feed (store, "https://b.example.org/feed.json");

  g_ptr_array_add (doc_a->districts, make_district ("cn-zj", NULL, "Zhejiang"));
  g_ptr_array_add (doc_a->districts, make_district ("cn-zj-hangzhou", "cn-zj", "Hangzhou"));
  g_ptr_array_add (doc_a->districts, make_district ("cn-zj-ningbo", "cn-zj", "Ningbo"));
  g_ptr_array_add (doc_a->districts, make_district ("cn-js", NULL, "Jiangsu"));
  g_ptr_array_add (doc_a->announcements, make_xiaoshan ("a1", "en", "A1", BASE_TIME));

  announcement = make_announcement ("a2", "A2", BASE_TIME + 10);
  announcement->district = make_district ("cn-zj-hangzhou", "cn-zj", "Hangzhou");
  g_ptr_array_add (announcement->organisations,
                   make_entity (GAZETTE_ENTITY_ORGANISATION, "netease", "en", "NetEase"));
  g_ptr_array_add (doc_a->announcements, announcement);

  announcement = make_announcement ("a3", "A3", BASE_TIME + 20);
  announcement->district = make_district ("cn-zj-ningbo", "cn-zj", "Ningbo");
  g_ptr_array_add (doc_a->announcements, announcement);

  announcement = make_announcement ("b1", "B1", BASE_TIME + 30);
  announcement->district = make_district ("cn-zj-hangzhou-xiaoshan", "cn-zj-hangzhou",
                                          "Xiaoshan");
  g_ptr_array_add (announcement->organisations,
                   make_entity (GAZETTE_ENTITY_ORGANISATION, "sensetime", "en", "SenseTime"));
  g_ptr_array_add (doc_b->announcements, announcement);

  apply (store, data->feed_a, doc_a, 3, 0, 0);
  apply (store, data->feed_b, doc_b, 1, 0, 0);
}

static void
filter_data_clear (FilterData *data)
{
  g_clear_object (&data->feed_a);
  g_clear_object (&data->feed_b);
}

#define assert_ids(store, query, expected) \
  G_STMT_START { \
    g_autofree char *_ids = list_ids ((store), (query)); \
    g_assert_cmpstr (_ids, ==, (expected)); \
  } G_STMT_END

static void
test_query_district (Fixture       *fixture,
                     gconstpointer  unused)
{
  FilterData data;
  GazetteQuery query = { 0, };

  fill_filter_store (fixture->store, &data);

  assert_ids (fixture->store, NULL, "b1 a3 a2 a1");

  /* A province has its cities' and their districts' announcements. */
  query.district_id = (char *) "cn-zj";
  assert_ids (fixture->store, &query, "b1 a3 a2 a1");
  query.district_id = (char *) "cn-zj-hangzhou";
  assert_ids (fixture->store, &query, "b1 a2 a1");
  query.district_id = (char *) "cn-zj-hangzhou-xiaoshan";
  assert_ids (fixture->store, &query, "b1 a1");
  query.district_id = (char *) "cn-zj-ningbo";
  assert_ids (fixture->store, &query, "a3");
  query.district_id = (char *) "cn-js";
  assert_ids (fixture->store, &query, "");
  query.district_id = (char *) "unknown";
  assert_ids (fixture->store, &query, "");

  filter_data_clear (&data);
}

static void
test_query_filters (Fixture       *fixture,
                    gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FilterData data;
  GazetteQuery query = { 0, };
  GazetteAnnouncement *row;

  fill_filter_store (fixture->store, &data);

  query.official_id = (char *) "tong-guili";
  assert_ids (fixture->store, &query, "a1");
  query = (GazetteQuery) { .project_id = (char *) "china-v-valley" };
  assert_ids (fixture->store, &query, "a1");
  query = (GazetteQuery) { .organisation_id = (char *) "netease" };
  assert_ids (fixture->store, &query, "a2 a1");
  query = (GazetteQuery) { .organisation_id = (char *) "sensetime" };
  assert_ids (fixture->store, &query, "b1 a1");
  query = (GazetteQuery) { .feed_id = gazette_feed_get_id (data.feed_b) };
  assert_ids (fixture->store, &query, "b1");
  query = (GazetteQuery) { .feed_id = gazette_feed_get_id (data.feed_a) };
  assert_ids (fixture->store, &query, "a3 a2 a1");

  rows = list (fixture->store, NULL);
  g_assert_true (gazette_store_set_read (fixture->store,
                                         gazette_announcement_get_row_id (rows->pdata[0]),
                                         TRUE, &error));
  g_assert_true (gazette_store_set_read (fixture->store,
                                         gazette_announcement_get_row_id (rows->pdata[3]),
                                         TRUE, &error));
  g_assert_true (gazette_store_set_starred (fixture->store,
                                            gazette_announcement_get_row_id (rows->pdata[3]),
                                            TRUE, &error));
  g_assert_true (gazette_store_set_starred (fixture->store,
                                            gazette_announcement_get_row_id (rows->pdata[2]),
                                            TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (gazette_store_set_read (fixture->store, 999999, TRUE, &error));
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  query = (GazetteQuery) { .unread_only = TRUE };
  assert_ids (fixture->store, &query, "a3 a2");
  query = (GazetteQuery) { .starred_only = TRUE };
  assert_ids (fixture->store, &query, "a2 a1");

  /* Filters combine with AND. */
  query = (GazetteQuery) { .starred_only = TRUE, .unread_only = TRUE };
  assert_ids (fixture->store, &query, "a2");
  query = (GazetteQuery) { .organisation_id = (char *) "sensetime",
                           .district_id = (char *) "cn-zj-hangzhou-xiaoshan",
                           .feed_id = gazette_feed_get_id (data.feed_a) };
  assert_ids (fixture->store, &query, "a1");
  query = (GazetteQuery) { .official_id = (char *) "tong-guili",
                           .project_id = (char *) "china-v-valley",
                           .organisation_id = (char *) "netease",
                           .district_id = (char *) "cn-zj",
                           .feed_id = gazette_feed_get_id (data.feed_a),
                           .starred_only = TRUE };
  assert_ids (fixture->store, &query, "a1");
  query.unread_only = TRUE;
  assert_ids (fixture->store, &query, "");

  /* List rows carry what the list shows, not the body. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  query = (GazetteQuery) { .official_id = (char *) "tong-guili" };
  rows = list (fixture->store, &query);
  row = rows->pdata[0];
  g_assert_cmpstr (gazette_announcement_get_feed_title (row), ==, NULL);
  g_assert_cmpint (gazette_announcement_get_feed_id (row), ==, gazette_feed_get_id (data.feed_a));
  g_assert_cmpstr (gazette_announcement_get_summary (row), ==, "Targets for 2022");
  g_assert_cmpstr (gazette_announcement_get_url (row), ==,
                   "https://xiaoshan.example.org/digital-economy");
  g_assert_cmpstr (gazette_announcement_get_translation_group (row), ==,
                   "xiaoshan-digital-economy-plan");
  g_assert_cmpint (g_date_time_to_unix (gazette_announcement_get_published (row)), ==, BASE_TIME);
  g_assert_cmpint (g_date_time_to_unix (gazette_announcement_get_updated (row)), ==,
                   BASE_TIME + 3600);
  g_assert_true (gazette_announcement_get_read (row));
  g_assert_true (gazette_announcement_get_starred (row));
  g_assert_cmpstr (gazette_announcement_get_district (row)->id, ==, "cn-zj-hangzhou-xiaoshan");
  g_assert_cmpstr (gazette_localized_get_exact (gazette_announcement_get_district (row)->name,
                                                "en"), ==, "Xiaoshan");
  g_assert_null (gazette_announcement_get_content_html (row));
  g_assert_cmpuint (row->officials->len, ==, 0);
  g_assert_cmpuint (row->quotes->len, ==, 0);

  filter_data_clear (&data);
}

static void
test_query_paging (Fixture       *fixture,
                   gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeed) other = add_feed (fixture->store, "https://example.org/other.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) other_document = gazette_feed_document_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const guint n = 2500;
  const guint page_sizes[] = { 97, 100, 1 };

  /* All published in the same second, plus a few later and earlier ones: the row id alone
   * decides the order among the ties. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("tie-%04u", i);
      gint64 published = BASE_TIME;

      if (i % 500 == 0)
        published += (i / 500) % 2 ? 60 : -60;
      g_ptr_array_add (document->announcements, make_announcement (id, "Tie", published));
    }
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("other-%u", i);

      g_ptr_array_add (other_document->announcements, make_announcement (id, "Other", BASE_TIME));
    }
  apply (fixture->store, feed, document, n, 0, 0);
  apply (fixture->store, other, other_document, 50, 0, 0);

  for (guint s = 0; s < G_N_ELEMENTS (page_sizes); s++)
    {
      GazetteQuery query = { .feed_id = gazette_feed_get_id (feed) };
      GazetteCursor cursor;
      gboolean first = TRUE;
      gint64 last_published = G_MAXINT64;
      gint64 last_row = G_MAXINT64;
      guint n_pages = 0;

      g_hash_table_remove_all (seen);

      for (;;)
        {
          g_autoptr(GPtrArray) page = NULL;

          page = gazette_store_list_announcements (fixture->store, &query,
                                                   first ? NULL : &cursor,
                                                   page_sizes[s], &error);
          g_assert_no_error (error);
          g_assert_cmpuint (page->len, <=, page_sizes[s]);
          if (page->len == 0)
            break;

          n_pages++;
          for (guint i = 0; i < page->len; i++)
            {
              GazetteAnnouncement *row = page->pdata[i];
              gint64 published = g_date_time_to_unix (gazette_announcement_get_published (row));

              g_assert_cmpint (gazette_announcement_get_feed_id (row), ==,
                               gazette_feed_get_id (feed));
              g_assert_false (g_hash_table_contains (seen, &row->row_id));
              g_hash_table_add (seen, g_memdup2 (&row->row_id, sizeof row->row_id));
              /* Strictly descending by (published, id). */
              g_assert_true (published < last_published ||
                             (published == last_published && row->row_id < last_row));
              last_published = published;
              last_row = row->row_id;
            }

          gazette_cursor_init_after (&cursor, g_ptr_array_index (page, page->len - 1));
          first = FALSE;
        }

      g_assert_cmpuint (g_hash_table_size (seen), ==, n);
      g_assert_cmpuint (n_pages, ==, (n + page_sizes[s] - 1) / page_sizes[s]);
    }

  /* Unfiltered, over both feeds, with the last page cut short. */
  {
    g_autoptr(GPtrArray) page = NULL;
    GazetteCursor cursor;
    guint total = 0;

    page = gazette_store_list_announcements (fixture->store, NULL, NULL, 1000, &error);
    while (page->len > 0)
      {
        total += page->len;
        gazette_cursor_init_after (&cursor, g_ptr_array_index (page, page->len - 1));
        g_clear_pointer (&page, g_ptr_array_unref);
        page = gazette_store_list_announcements (fixture->store, NULL, &cursor, 1000, &error);
        g_assert_no_error (error);
      }
    g_assert_cmpuint (total, ==, n + 50);
  }
}

/* One row per translation group, led by the member in the reader's languages. */
static void
test_query_groups (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/groups.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) late = gazette_feed_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  const char *thai_first[] = { "th-TH", "en", NULL };
  const char *chinese_first[] = { "zh-CN", NULL };
  const char *german_first[] = { "de", NULL };
  GazetteQuery query = { .one_per_group = TRUE };

  g_ptr_array_add (document->announcements, make_xiaoshan ("plan-zh", "zh-Hans", "规划", BASE_TIME));
  g_ptr_array_add (document->announcements, make_xiaoshan ("plan-en", "en", "Plan", BASE_TIME + 1));
  g_ptr_array_add (document->announcements, make_announcement ("alone", "Alone", BASE_TIME + 2));
  apply (fixture->store, feed, document, 3, 0, 0);

  g_assert_true (gazette_store_set_languages (fixture->store, thai_first, NULL, &error));
  g_assert_no_error (error);

  /* No Thai yet: English leads; the other rows of the group are not listed. */
  ids = list_ids (fixture->store, &query);
  g_assert_cmpstr (ids, ==, "alone plan-en");
  g_clear_pointer (&ids, g_free);

  /* A Thai translation arrives later and takes the lead as soon as it is stored. */
  g_ptr_array_add (late->announcements, make_xiaoshan ("plan-th", "th", "แผน", BASE_TIME));
  apply (fixture->store, feed, late, 1, 0, 0);
  ids = list_ids (fixture->store, &query);
  g_assert_cmpstr (ids, ==, "alone plan-th");
  g_clear_pointer (&ids, g_free);

  /* zh-CN finds zh-Hans. */
  g_assert_true (gazette_store_set_languages (fixture->store, chinese_first, NULL, &error));
  g_assert_no_error (error);
  ids = list_ids (fixture->store, &query);
  g_assert_cmpstr (ids, ==, "alone plan-zh");
  g_clear_pointer (&ids, g_free);

  /* Nothing in German: English, as everywhere else. */
  g_assert_true (gazette_store_set_languages (fixture->store, german_first, NULL, &error));
  g_assert_no_error (error);
  ids = list_ids (fixture->store, &query);
  g_assert_cmpstr (ids, ==, "alone plan-en");
  g_clear_pointer (&ids, g_free);

  /* Unread counts count the group once, and reading one translation (row 1 is plan-zh)
   * reads them all. */
  query.unread_only = TRUE;
  g_assert_cmpuint (count (fixture->store, &query), ==, 2);
  g_assert_true (gazette_store_set_read (fixture->store, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->store, &query), ==, 1);
  query.one_per_group = FALSE;
  g_assert_cmpuint (count (fixture->store, &query), ==, 1);

  /* The sidebar's counts in one pass: the group once, its unread state as a whole. */
  {
    g_autoptr(GHashTable) districts = NULL;
    g_autoptr(GHashTable) unread_districts = NULL;
    g_autoptr(GHashTable) officials = NULL;
    g_autoptr(GHashTable) unread_officials = NULL;
    g_autoptr(GHashTable) feeds = NULL;
    g_autoptr(GHashTable) unread_feeds = NULL;
    g_autofree char *feed_key = g_strdup_printf ("%" G_GINT64_FORMAT, gazette_feed_get_id (feed));

    g_assert_true (gazette_store_count_by (fixture->store, GAZETTE_ENTITY_DISTRICT, &districts,
                                           &unread_districts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (districts, "cn-zj-hangzhou-xiaoshan")),
                      ==, 1);
    g_assert_false (g_hash_table_contains (unread_districts, "cn-zj-hangzhou-xiaoshan"));
    g_assert_true (gazette_store_count_by (fixture->store, GAZETTE_ENTITY_OFFICIAL, &officials,
                                           &unread_officials, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (officials, "tong-guili")), ==, 1);
    g_assert_false (g_hash_table_contains (unread_officials, "tong-guili"));
    g_assert_true (gazette_store_count_by (fixture->store, -1, &feeds, &unread_feeds, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (feeds, feed_key)), ==, 2);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (unread_feeds, feed_key)), ==, 1);
  }

  assert_sql (fixture->store, "SELECT value FROM settings WHERE key = 'languages'", "de");

  /* The article's language switcher finds the other translations. */
  {
    g_autofree char *thai = gazette_store_find_translation (fixture->store,
                                                            "xiaoshan-digital-economy-plan",
                                                            "th", &error);
    g_autofree char *none = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (thai, ==, "plan-th");

    none = gazette_store_find_translation (fixture->store, "xiaoshan-digital-economy-plan",
                                           "fr", &error);
    g_assert_null (none);
    g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  }
}

/* The window's list jumps to any position of a long list. */
static void
test_query_position (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/long.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GazetteQuery query = { .one_per_group = TRUE };

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%02u", i);

      g_ptr_array_add (document->announcements, make_announcement (id, id, BASE_TIME + i));
    }
  apply (fixture->store, feed, document, 50, 0, 0);

  rows = gazette_store_list_announcements_at (fixture->store, &query, 45, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (gazette_announcement_get_id (g_ptr_array_index (rows, 0)), ==, "item-04");
  g_assert_cmpstr (gazette_announcement_get_id (g_ptr_array_index (rows, 4)), ==, "item-00");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = gazette_store_list_announcements_at (fixture->store, &query, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (gazette_announcement_get_id (g_ptr_array_index (rows, 0)), ==, "item-49");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = gazette_store_list_announcements_at (fixture->store, &query, 50, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_query_plan (Fixture       *fixture,
                 gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  GazetteQuery by_feed = { .feed_id = 1 };
  GazetteQuery unread = { .unread_only = TRUE };

  /* The unfiltered list and its next pages read the order index: no sorting. */
  plan = _gazette_store_explain_list_for_tests (fixture->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_test_message ("unfiltered:\n%s", plan);
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_nonnull (strstr (plan, "announcements_published"));
  /* Both seeks of a next page are index ranges, the tie group's included. */
  g_assert_nonnull (strstr (plan, "(published=? AND id<?)"));
  g_assert_nonnull (strstr (plan, "(published<?)"));
  g_clear_pointer (&plan, g_free);

  plan = _gazette_store_explain_list_for_tests (fixture->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_clear_pointer (&plan, g_free);

  plan = _gazette_store_explain_list_for_tests (fixture->store, &by_feed, TRUE, &error);
  g_assert_no_error (error);
  g_test_message ("by feed:\n%s", plan);
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_nonnull (strstr (plan, "(feed_id=? AND published=? AND id<?)"));
  g_clear_pointer (&plan, g_free);

  plan = _gazette_store_explain_list_for_tests (fixture->store, &unread, TRUE, &error);
  g_assert_no_error (error);
  g_test_message ("unread:\n%s", plan);
  g_assert_null (strstr (plan, "TEMP B-TREE"));
}

static void
test_get_announcement (Fixture       *fixture,
                       gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeed) thai = add_feed (fixture->store, "https://th.example.org/feed.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) thai_document = gazette_feed_document_new ();
  g_autoptr(GazetteAnnouncement) stored = NULL;
  g_autoptr(GazetteAnnouncement) missing = NULL;
  GazetteEntity *official;
  GazetteQuote *quote;
  GazetteFigure *figure;

  document->title = g_strdup ("Xiaoshan in English and Chinese");
  g_ptr_array_add (document->announcements, make_xiaoshan ("x-zh", "zh-Hans", "萧山", BASE_TIME));
  g_ptr_array_add (document->announcements, make_xiaoshan ("x-en", "en", "Xiaoshan", BASE_TIME));
  g_ptr_array_add (thai_document->announcements, make_xiaoshan ("x-th", "th", "เซียวชาน",
                                                                BASE_TIME + 1));
  /* The same id in another feed, older: get_announcement() means the newest. */
  g_ptr_array_add (thai_document->announcements, make_announcement ("x-en", "Stale copy",
                                                                    BASE_TIME - 86400));
  apply (fixture->store, feed, document, 2, 0, 0);
  apply (fixture->store, thai, thai_document, 2, 0, 0);

  stored = gazette_store_get_announcement (fixture->store, "x-en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gazette_announcement_get_id (stored), ==, "x-en");
  g_assert_cmpstr (gazette_announcement_get_title (stored), ==, "Xiaoshan");
  g_assert_cmpstr (gazette_announcement_get_feed_title (stored), ==,
                   "Xiaoshan in English and Chinese");
  g_assert_cmpstr (gazette_announcement_get_language (stored), ==, "en");
  g_assert_cmpstr (gazette_announcement_get_content_html (stored), ==,
                   "<p>An information economy above 120 billion yuan.</p>");
  g_assert_cmpstr (gazette_announcement_get_content_text (stored), ==,
                   "An information economy above 120 billion yuan.");
  g_assert_cmpstr (gazette_announcement_get_image_url (stored), ==,
                   "https://xiaoshan.example.org/v-valley.jpg");
  g_assert_cmpstr (gazette_announcement_get_author (stored), ==, "Xiaoshan District Government");
  g_assert_cmpstrv (gazette_announcement_get_tags (stored),
                    ((const char * const []) { "economy", "digital", NULL }));
  g_assert_cmpstrv (gazette_announcement_get_languages (stored),
                    ((const char * const []) { "en", "th", "zh-Hans", NULL }));
  g_assert_cmpstr (gazette_announcement_get_district (stored)->parent_id, ==, "cn-zj-hangzhou");

  g_assert_cmpuint (stored->officials->len, ==, 1);
  official = stored->officials->pdata[0];
  g_assert_cmpstr (official->id, ==, "tong-guili");
  g_assert_cmpuint (official->roles->len, ==, 1);
  g_assert_cmpstr (gazette_localized_get_exact (official->roles->pdata[0], "en"), ==,
                   "CPC Secretary of Xiaoshan District");
  g_assert_cmpuint (stored->projects->len, ==, 1);
  g_assert_cmpstr (((GazetteEntity *) stored->projects->pdata[0])->status, ==, "launched");
  /* In the order the feed gave them. */
  g_assert_cmpuint (stored->organisations->len, ==, 2);
  g_assert_cmpstr (((GazetteEntity *) stored->organisations->pdata[0])->id, ==, "netease");
  g_assert_cmpstr (((GazetteEntity *) stored->organisations->pdata[1])->id, ==, "sensetime");

  g_assert_cmpuint (stored->quotes->len, ==, 1);
  quote = stored->quotes->pdata[0];
  g_assert_cmpstr (quote->official_id, ==, "tong-guili");
  g_assert_cmpstr (quote->text, ==, "We will build a digital Xiaoshan.");
  g_assert_cmpstr (quote->language, ==, "en");

  g_assert_cmpuint (stored->figures->len, ==, 2);
  figure = stored->figures->pdata[0];
  g_assert_cmpstr (gazette_localized_get_exact (figure->label, "en"), ==, "Digital economy");
  g_assert_cmpfloat (figure->value, ==, 72e9);
  g_assert_cmpstr (figure->unit, ==, "CNY");
  g_assert_cmpint (figure->year, ==, 2022);
  g_assert_cmpstr (figure->kind, ==, "target");
  g_assert_cmpstr (figure->source_text, ==, "72 billion yuan");
  g_assert_false (figure->from_text);
  figure = stored->figures->pdata[1];
  g_assert_cmpfloat (figure->value, ==, 120e9);
  g_assert_cmpint (figure->year, ==, 0);
  g_assert_null (figure->kind);
  g_assert_true (figure->from_text);

  g_clear_object (&stored);
  stored = gazette_store_get_announcement (fixture->store, "x-th", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (gazette_announcement_get_languages (stored),
                    ((const char * const []) { "en", "th", "zh-Hans", NULL }));

  missing = gazette_store_get_announcement (fixture->store, "nope", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_list_quotes (Fixture       *fixture,
                  gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GazetteAnnouncement *later;
  GazetteQuote *quote;

  g_ptr_array_add (document->announcements, make_xiaoshan ("older", "en", "Older", BASE_TIME));
  later = make_announcement ("newer", "Newer", BASE_TIME + 86400);
  /* Quoted without being listed among the officials: still the official's quote. */
  g_ptr_array_add (later->quotes, gazette_quote_new ("tong-guili", "V Valley opens today.", "en"));
  g_ptr_array_add (later->quotes, gazette_quote_new ("tong-guili", "视谷今天开园。", "zh-Hans"));
  g_ptr_array_add (later->quotes, gazette_quote_new ("someone-else", "Hello.", "en"));
  g_ptr_array_add (document->announcements, later);
  apply (fixture->store, feed, document, 2, 0, 0);

  quotes = gazette_store_list_quotes (fixture->store, "tong-guili", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 3);

  quote = quotes->pdata[0];
  g_assert_cmpstr (quote->text, ==, "V Valley opens today.");
  g_assert_cmpstr (quote->official_id, ==, "tong-guili");
  g_assert_cmpstr (quote->announcement_id, ==, "newer");
  g_assert_cmpstr (quote->announcement_title, ==, "Newer");
  g_assert_cmpint (g_date_time_to_unix (quote->published), ==, BASE_TIME + 86400);
  quote = quotes->pdata[1];
  g_assert_cmpstr (quote->text, ==, "视谷今天开园。");
  g_assert_cmpstr (quote->language, ==, "zh-Hans");
  quote = quotes->pdata[2];
  g_assert_cmpstr (quote->announcement_id, ==, "older");
  g_assert_cmpstr (quote->text, ==, "We will build a digital Xiaoshan.");

  none = gazette_store_list_quotes (fixture->store, "nobody", &error);
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_found_links (Fixture       *fixture,
                  gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autoptr(GazetteFeedDocument) changed = gazette_feed_document_new ();
  g_autoptr(GPtrArray) found =
    g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  g_autoptr(GazetteAnnouncement) stored = NULL;
  GazetteQuery official = { .official_id = (char *) "tong-guili" };
  GazetteQuery netease = { .organisation_id = (char *) "netease" };
  gint64 rss_row;
  gint64 declared_row;

  g_ptr_array_add (document->announcements, make_xiaoshan ("declared", "en", "D", BASE_TIME));
  g_ptr_array_add (document->announcements, make_announcement ("rss", "Tong Guili visits",
                                                               BASE_TIME + 1));
  apply (fixture->store, feed, document, 2, 0, 0);
  declared_row = ANNOUNCEMENT (document, 0)->row_id;
  rss_row = ANNOUNCEMENT (document, 1)->row_id;

  /* The linker found Tong Guili and NetEase in the RSS item, and in the declared one. */
  g_ptr_array_add (found, gazette_entity_new (GAZETTE_ENTITY_OFFICIAL, "tong-guili"));
  g_ptr_array_add (found, gazette_entity_new (GAZETTE_ENTITY_ORGANISATION, "netease"));
  g_ptr_array_add (found, gazette_entity_new (GAZETTE_ENTITY_ORGANISATION, "unknown-co"));
  g_assert_true (_gazette_store_set_found_links (fixture->store, rss_row, found, &error));
  g_assert_no_error (error);
  g_assert_true (_gazette_store_set_found_links (fixture->store, declared_row, found, &error));
  g_assert_no_error (error);
  g_assert_false (_gazette_store_set_found_links (fixture->store, 999999, found, &error));
  g_assert_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_ids (fixture->store, &official, "rss declared");
  assert_ids (fixture->store, &netease, "rss declared");
  /* Declared links stay declared. */
  assert_sql (fixture->store,
              "SELECT group_concat (origin) FROM (SELECT origin FROM announcement_entities"
              " JOIN announcements ON id = announcement_id WHERE guid = 'declared'"
              " ORDER BY origin)",
              "0,0,0,0");
  assert_sql (fixture->store,
              "SELECT group_concat (origin) FROM announcement_entities"
              " JOIN announcements ON id = announcement_id WHERE guid = 'rss'",
              "1,1");

  stored = gazette_store_get_announcement (fixture->store, "rss", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->officials->len, ==, 1);
  g_assert_cmpuint (stored->organisations->len, ==, 1);

  /* An unchanged re-fetch keeps them; a changed item loses them with its old text. */
  apply (fixture->store, feed, document, 0, 0, 2);
  assert_ids (fixture->store, &official, "rss declared");
  g_ptr_array_add (changed->announcements, make_announcement ("rss", "Someone else visits",
                                                              BASE_TIME + 1));
  apply (fixture->store, feed, changed, 0, 1, 0);
  assert_ids (fixture->store, &official, "declared");
}

/* Checkpoints */

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (goffset) buf.st_size : 0;
}

static void
test_checkpoint (Fixture       *fixture,
                 gconstpointer  unused)
{
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autofree char *body = g_strnfill (2000, 'x');
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  goffset before;

  _gazette_store_wait_for_checkpoints_for_tests (fixture->store);
  _gazette_store_set_checkpoint_frames_for_tests (fixture->store, 8);
  before = file_size (fixture->path);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%u", i);
      GazetteAnnouncement *announcement = make_announcement (id, "Item", BASE_TIME + i);

      announcement->content_html = g_strdup (body);
      g_ptr_array_add (document->announcements, announcement);
    }
  apply (fixture->store, feed, document, 300, 0, 0);

  /* The worker copied the log into the database while the store stayed open. */
  _gazette_store_wait_for_checkpoints_for_tests (fixture->store);
  g_assert_cmpint (file_size (fixture->path), >=, before + 300 * 2000);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* And the store carries on. */
  g_assert_cmpuint (count (fixture->store, NULL), ==, 300);
  apply (fixture->store, feed, document, 0, 0, 300);

  /* Closing checkpoints the rest and removes the log. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Threads */

typedef struct
{
  GazetteStore *store;
  GazetteFeed  *feed;
  guint         round;
} ThreadData;

static gpointer
apply_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 50; i++)
        {
          g_autofree char *id = g_strdup_printf ("thread-%u-%u", round, i);

          g_ptr_array_add (document->announcements, make_announcement (id, "T", BASE_TIME + i));
        }

      g_assert_true (gazette_store_apply_document (data->store, data->feed, document, NULL,
                                                   &error));
      g_assert_no_error (error);
    }

  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  unused)
{
  g_autoptr(GazetteFeed) feed = add_feed (fixture->store, "https://example.org/feed.json");
  ThreadData data = { fixture->store, feed, 0 };
  GThread *thread;
  guint last = 0;

  /* Checkpoints run beside both threads too. */
  _gazette_store_set_checkpoint_frames_for_tests (fixture->store, 2);
  thread = g_thread_new ("apply", apply_thread, &data);

  /* Meanwhile the "main thread" reads: counts only grow, by whole documents. */
  for (guint i = 0; i < 200; i++)
    {
      guint n = count (fixture->store, NULL);
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (n % 50, ==, 0);
      g_assert_cmpuint (n, >=, last);
      last = n;
      page = gazette_store_list_announcements (fixture->store, NULL, NULL, 20, &error);
      g_assert_no_error (error);
    }

  g_thread_join (thread);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 1000);
}

/* Performance, with -m perf: the benchmark's load of one large document. */
static void
test_perf_ingest (Fixture       *fixture,
                  gconstpointer  unused)
{
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GazetteFeedDocument) document = NULL;
  g_autoptr(GTimer) timer = NULL;
  const guint n = 100000;
  double seconds;

  if (!g_test_perf ())
    {
      g_test_skip ("Run with -m perf");
      return;
    }

  feed = add_feed (fixture->store, "https://example.org/feed.json");
  document = gazette_feed_document_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("https://example.org/item/%u", i);
      g_autofree char *guid = g_strdup_printf ("%s-%u", i % 2 ? "xiaoshan" : "hangzhou", i);
      GazetteAnnouncement *announcement = make_xiaoshan (id, "en", guid, BASE_TIME + i);

      g_ptr_array_add (document->announcements, announcement);
    }

  timer = g_timer_new ();
  apply (fixture->store, feed, document, n, 0, 0);
  seconds = g_timer_elapsed (timer, NULL);
  g_test_minimized_result (seconds, "new: %u announcements in %.2f s, %.0f/s",
                           n, seconds, n / seconds);

  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    GStatBuf db_stat, wal_stat;

    if (g_stat (fixture->path, &db_stat) == 0 && g_stat (wal, &wal_stat) == 0)
      g_test_message ("database %.1f MB, write-ahead log %.1f MB",
                      db_stat.st_size / 1e6, wal_stat.st_size / 1e6);
  }

  g_timer_start (timer);
  apply (fixture->store, feed, document, 0, 0, n);
  seconds = g_timer_elapsed (timer, NULL);
  g_test_minimized_result (seconds, "unchanged: %u announcements in %.2f s, %.0f/s",
                           n, seconds, n / seconds);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/core/store/open", test_open);
  g_test_add_func ("/core/store/open/memory", test_open_memory);
  ADD_TEST ("/core/store/open/too-new", test_open_too_new);
  ADD_TEST_NO_STORE ("/core/store/open/corrupt", test_open_corrupt);
  ADD_TEST_NO_STORE ("/core/store/open/folder-fails", test_open_folder_fails);
  ADD_TEST_NO_STORE ("/core/store/migrate/v1", test_migrate_v1);
  ADD_TEST_NO_STORE ("/core/store/migrate/failure", test_migrate_failure);
  ADD_TEST ("/core/store/feeds", test_feeds);
  ADD_TEST ("/core/store/feeds/state", test_feed_state);
  ADD_TEST ("/core/store/feeds/remove", test_remove_feed);
  ADD_TEST ("/core/store/apply", test_apply);
  ADD_TEST ("/core/store/apply/rollback", test_apply_rollback);
  ADD_TEST ("/core/store/apply/disk-full", test_apply_disk_full);
  ADD_TEST ("/core/store/entities/merge", test_entities_merge);
  ADD_TEST ("/core/store/query/district", test_query_district);
  ADD_TEST ("/core/store/query/filters", test_query_filters);
  ADD_TEST ("/core/store/query/paging", test_query_paging);
  ADD_TEST ("/core/store/query/plan", test_query_plan);
  ADD_TEST ("/core/store/query/groups", test_query_groups);
  ADD_TEST ("/core/store/query/position", test_query_position);
  ADD_TEST ("/core/store/announcement", test_get_announcement);
  ADD_TEST ("/core/store/quotes", test_list_quotes);
  ADD_TEST ("/core/store/found-links", test_found_links);
  ADD_TEST ("/core/store/checkpoint", test_checkpoint);
  ADD_TEST ("/core/store/threads", test_threads);
  ADD_TEST ("/core/store/perf/ingest", test_perf_ingest);

  return g_test_run ();
}
