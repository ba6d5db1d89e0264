/* test-linker.c
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

#define G_LOG_DOMAIN "test-linker"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "gazette-announcement-private.h"
#include "gazette-linker.h"
#include "gazette-store-private.h"
#include "gazette-sync.h"
#include "gazette-test-util.h"

static GazetteEntity *
make_entity (GazetteEntityKind  kind,
             const char        *id,
             const char        *th,
             const char        *zh,
             const char        *en)
{
  GazetteEntity *entity = gazette_entity_new (kind, id);

  if (th != NULL)
    gazette_localized_set (entity->name, "th", th);
  if (zh != NULL)
    gazette_localized_set (entity->name, "zh-Hans", zh);
  if (en != NULL)
    gazette_localized_set (entity->name, "en", en);
  return entity;
}

static GPtrArray *
make_entities (void)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);

  g_ptr_array_add (entities, make_entity (GAZETTE_ENTITY_DISTRICT, "xiaoshan", "เซียวชาน",
                                          "萧山区", "Xiaoshan"));
  g_ptr_array_add (entities, make_entity (GAZETTE_ENTITY_DISTRICT, "tak", "ตาก", NULL, "Tak"));
  g_ptr_array_add (entities, make_entity (GAZETTE_ENTITY_OFFICIAL, "tong-guili", "ถง กุ้ยลี่",
                                          "佟桂莉", "Tong Guili"));
  g_ptr_array_add (entities, make_entity (GAZETTE_ENTITY_PROJECT, "china-v-valley",
                                          "ไชน่า วี วัลเลย์", "中国视谷", "China V Valley"));
  g_ptr_array_add (entities, make_entity (GAZETTE_ENTITY_ORGANISATION, "netease", "เน็ตอีส",
                                          "网易", "NetEase"));
  /* Too short to look for. */
  g_ptr_array_add (entities, make_entity (GAZETTE_ENTITY_ORGANISATION, "v", NULL, NULL, "V"));

  return entities;
}

static char *
find (GazetteLinker *linker,
      const char    *text)
{
  const char *texts[] = { "", text, NULL };
  g_autoptr(GPtrArray) found = gazette_linker_find (linker, texts, G_N_ELEMENTS (texts));
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      GazetteEntity *entity = g_ptr_array_index (found, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, entity->id);
    }

  return g_string_free (ids, FALSE);
}

#define assert_found(linker, text, expected) \
  G_STMT_START { \
    g_autofree char *got_ = find ((linker), (text)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_linker_find (void)
{
  g_autoptr(GPtrArray) entities = make_entities ();
  g_autoptr(GazetteLinker) linker = gazette_linker_new (entities);

  /* Every language; names repeated count once, in the order first named. */
  g_assert_cmpuint (gazette_linker_get_n_names (linker), ==, 14);
  assert_found (linker,
                "เซียวชานเปิดตัวไชน่า วี วัลเลย์ มุ่งพัฒนาคอมพิวเตอร์วิทัศน์ ในเซียวชาน",
                "xiaoshan china-v-valley");
  assert_found (linker, "萧山区启动“中国视谷”建设，网易参与。", "xiaoshan china-v-valley netease");
  assert_found (linker, "在中国视谷建设", "china-v-valley");
  assert_found (linker, "NETEASE and Tong Guili visit china v valley.",
                "netease tong-guili china-v-valley");
  assert_found (linker, "นางถง กุ้ยลี่ กล่าวว่า", "tong-guili");
  /* Whole words only: ตากลม is not Tak, "Tong" alone not Tong Guili, "V" is too short. */
  assert_found (linker, "ชาวบ้านออกมาตากลมเย็นสบาย", "");
  assert_found (linker, "จังหวัดตากเปิดตลาดใหม่", "tak");
  assert_found (linker, "Tong said V is for vision; Xiaoshans", "");
}

typedef struct
{
  char         *dir;
  GazetteStore *store;
  GMainLoop    *loop;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("gazette-linker-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "gazette.db", NULL);
  fixture->store = gazette_store_new (path, &error);
  g_assert_no_error (error);
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
sync_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = gazette_sync_run_finish (GAZETTE_SYNC (object), result, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    g_assert_null (((GazetteSyncReport *) g_ptr_array_index (reports, i))->error);
  g_main_loop_quit (fixture->loop);
}

/* Writes @contents as a feed file and subscribes to it. */
static void
subscribe (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GazetteFeed) feed = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  feed = gazette_store_add_feed (fixture->store, uri, &error);
  g_assert_no_error (error);
}

static void
run_sync (Fixture *fixture)
{
  g_autoptr(GazetteSync) sync = gazette_sync_new (fixture->store);

  gazette_sync_run_async (sync, NULL, NULL, sync_cb, fixture);
  g_main_loop_run (fixture->loop);
}

static guint
count (GazetteStore *store,
       GazetteQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gazette_store_count_announcements (store, query, &n, &error));
  g_assert_no_error (error);
  return n;
}

static const char rss[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<rss version=\"2.0\"><channel><title>ข่าวท้องถิ่น</title><link>https://example.org/</link>"
  "<item><guid>th-1</guid><title>เซียวชานเปิดตัวไชน่า วี วัลเลย์</title>"
  "<description>นางถง กุ้ยลี่ กล่าวว่า เศรษฐกิจดิจิทัลจะมีมูลค่าเกิน 7.2 หมื่นล้านหยวนภายในปี 2565"
  "</description><pubDate>Fri, 14 Sep 2018 10:00:00 +0800</pubDate></item>"
  "<item><guid>th-2</guid><title>ชาวบ้านออกมาตากลมเย็นสบาย</title>"
  "<description>อากาศดี</description><pubDate>Sat, 15 Sep 2018 10:00:00 +0800</pubDate></item>"
  "</channel></rss>";

static const char declared[] =
  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Declared\","
  " \"items\": [{\"id\": \"decl-1\", \"title\": \"Tak market\", \"content_text\": \"Tak.\","
  "  \"date_published\": \"2018-09-01T00:00:00Z\", \"_district\": {"
  "   \"district\": {\"id\": \"tak\", \"name\": {\"th\": \"ตาก\", \"en\": \"Tak\"}},"
  "   \"officials\": [{\"id\": \"tong-guili\", \"name\": {\"th\": \"ถง กุ้ยลี่\","
  "     \"en\": \"Tong Guili\"}}],"
  "   \"projects\": [{\"id\": \"china-v-valley\", \"name\": {\"th\": \"ไชน่า วี วัลเลย์\","
  "     \"en\": \"China V Valley\"}}]}}]}";

static const char later[] =
  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Later\","
  " \"items\": [{\"id\": \"later-1\", \"title\": \"Xiaoshan\", \"content_text\": \"News.\","
  "  \"date_published\": \"2018-10-01T00:00:00Z\", \"_district\": {"
  "   \"district\": {\"id\": \"xiaoshan\", \"name\": {\"th\": \"เซียวชาน\","
  "     \"en\": \"Xiaoshan\"}}}}]}";

static void
test_sync_links (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteAnnouncement) th1 = NULL;
  g_autoptr(GazetteAnnouncement) decl = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GazetteQuery official = { .official_id = (char *) "tong-guili" };
  GazetteQuery project = { .project_id = (char *) "china-v-valley" };
  GazetteQuery xiaoshan = { .district_id = (char *) "xiaoshan" };
  GazetteQuery tak = { .district_id = (char *) "tak" };
  GazetteFigure *figure;

  subscribe (fixture, "declared.json", declared);
  subscribe (fixture, "local.rss", rss);
  run_sync (fixture);

  /* The RSS item names the official and the project in unspaced Thai; the other item's
   * ตากลม is not Tak. */
  th1 = gazette_store_get_announcement (fixture->store, "th-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th1->officials->len, ==, 1);
  g_assert_cmpuint (th1->projects->len, ==, 1);
  g_assert_true (gazette_announcement_link_is_found (th1, g_ptr_array_index (th1->officials, 0)));
  g_assert_true (gazette_announcement_link_is_found (th1, g_ptr_array_index (th1->projects, 0)));
  g_assert_cmpuint (count (fixture->store, &official), ==, 2);
  g_assert_cmpuint (count (fixture->store, &project), ==, 2);
  g_assert_cmpuint (count (fixture->store, &tak), ==, 1);

  /* Figures read from its text. */
  g_assert_cmpuint (th1->figures->len, ==, 1);
  figure = g_ptr_array_index (th1->figures, 0);
  g_assert_true (figure->from_text);
  g_assert_cmpfloat (figure->value, ==, 7.2e10);
  g_assert_cmpint (figure->year, ==, 2022);

  /* Declared links stay declared. */
  decl = gazette_store_get_announcement (fixture->store, "decl-1", &error);
  g_assert_no_error (error);
  g_assert_false (gazette_announcement_link_is_found (decl,
                                                      g_ptr_array_index (decl->officials, 0)));

  /* The official's page lists no quote of the found link: the text quotes nobody. */
  quotes = gazette_store_list_quotes (fixture->store, "tong-guili", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 0);

  /* A district the store learns later links the stored item, and its Thai name becomes a
   * search word. */
  g_assert_cmpuint (count (fixture->store, &xiaoshan), ==, 0);
  subscribe (fixture, "later.json", later);
  run_sync (fixture);
  g_assert_cmpuint (count (fixture->store, &xiaoshan), ==, 2);
  hits = gazette_store_search (fixture->store, "เซียวชาน", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/linker/find", test_linker_find);
  g_test_add ("/core/linker/sync", Fixture, NULL, fixture_set_up, test_sync_links,
              fixture_tear_down);

  return g_test_run ();
}
