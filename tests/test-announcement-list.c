/* test-announcement-list.c
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

#define G_LOG_DOMAIN "test-announcement-list"

#include "config.h"

#include <glib/gstdio.h>

#include "gazette-announcement-list.h"
#include "gazette-announcement-private.h"
#include "gazette-feed-document.h"
#include "gazette-test-util.h"

/* 2018-12-01T00:00:00Z */
#define BASE_TIME G_GINT64_CONSTANT (1543622400)
#define N_ROWS 1000

typedef struct
{
  char         *dir;
  GazetteStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();
  g_autofree char *path = NULL;
  const char *languages[] = { "en", NULL };

  fixture->dir = g_dir_make_tmp ("gazette-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "gazette.db", NULL);
  fixture->store = gazette_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (gazette_store_set_languages (fixture->store, languages, NULL, &error));

  feed = gazette_store_add_feed (fixture->store, "https://example.org/feed.json", &error);
  g_assert_no_error (error);

  /* item-0000 is the oldest; every tenth row also has a Thai translation. */
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%04u", i);
      GazetteAnnouncement *announcement = gazette_announcement_new (id);

      announcement->title = g_strdup_printf ("Announcement %u", i);
      announcement->language = g_strdup ("en");
      announcement->published = g_date_time_new_from_unix_utc (BASE_TIME + i * 60);
      if (i % 10 == 0)
        {
          g_autofree char *thai_id = g_strdup_printf ("item-%04u-th", i);
          GazetteAnnouncement *thai = gazette_announcement_new (thai_id);

          announcement->translation_group = g_strdup_printf ("group-%u", i);
          thai->title = g_strdup_printf ("ประกาศ %u", i);
          thai->language = g_strdup ("th");
          thai->published = g_date_time_new_from_unix_utc (BASE_TIME + i * 60);
          thai->translation_group = g_strdup (announcement->translation_group);
          g_ptr_array_add (document->announcements, thai);
        }
      g_ptr_array_add (document->announcements, announcement);
    }

  g_assert_true (gazette_store_apply_document (fixture->store, feed, document, NULL, &error));
  g_assert_no_error (error);

  /* Even rows are read (a translation group as a whole). */
  for (guint i = 0; i < document->announcements->len; i++)
    {
      GazetteAnnouncement *announcement = g_ptr_array_index (document->announcements, i);
      guint number = (guint) g_ascii_strtoull (announcement->id + 5, NULL, 10);

      if (number % 2 == 0)
        g_assert_true (gazette_store_set_read (fixture->store, announcement->row_id, TRUE,
                                               &error));
      g_assert_no_error (error);
    }
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  gazette_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(GazetteAnnouncement) announcement = g_list_model_get_item (model, position);

  g_assert_nonnull (announcement);
  return g_strdup (gazette_announcement_get_id (announcement));
}

#define assert_id_at(model, position, expected) \
  G_STMT_START { \
    g_autofree char *_id = id_at ((model), (position)); \
    g_assert_cmpstr (_id, ==, (expected)); \
  } G_STMT_END

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (added, ==, g_list_model_get_n_items (model));
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GazetteAnnouncementList) list = gazette_announcement_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  GazetteQuery all = { .one_per_group = TRUE };
  guint calls = 0;

  g_assert_true (g_list_model_get_item_type (model) == GAZETTE_TYPE_ANNOUNCEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  gazette_announcement_list_set_query (list, &all);
  g_assert_cmpuint (calls, ==, 1);

  /* A translation group is one row, in the reader's language (English here). */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS);
  assert_id_at (model, 0, "item-0999");
  assert_id_at (model, 999 - 990, "item-0990");
  assert_id_at (model, N_ROWS - 1, "item-0000");
  g_assert_null (g_list_model_get_item (model, N_ROWS));

  /* A jump into the middle, then on from there. */
  assert_id_at (model, 512, "item-0487");
  assert_id_at (model, 551, "item-0448");

  /* Walking every row keeps only a bounded window in memory. */
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *expected = g_strdup_printf ("item-%04u", N_ROWS - 1 - i);
      assert_id_at (model, i, expected);
    }
  g_assert_cmpuint (gazette_announcement_list_get_n_cached (list), <=, 24 * 50);
  g_assert_cmpuint (gazette_announcement_list_get_n_cached (list), >=, 50);

  {
    guint position = 0;

    g_assert_true (gazette_announcement_list_find (list, "item-0000", &position));
    g_assert_cmpuint (position, ==, N_ROWS - 1);
    g_assert_false (gazette_announcement_list_find (list, "item-0000-th", &position));
  }

  /* A filter is a new query, counted and shown from the top, in one change. */
  {
    GazetteQuery unread = { .one_per_group = TRUE, .unread_only = TRUE };

    gazette_announcement_list_set_query (list, &unread);
    g_assert_cmpuint (calls, ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS / 2);
    assert_id_at (model, 0, "item-0999");
    assert_id_at (model, 1, "item-0997");
    g_assert_true (gazette_announcement_list_get_query (list)->unread_only);
  }
}

static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GazetteAnnouncementList) list = gazette_announcement_list_new (fixture->store);
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (list);
  const char *thai[] = { "th", NULL };

  g_assert_true (gazette_store_set_languages (fixture->store, thai, NULL, &error));
  g_assert_no_error (error);
  gazette_announcement_list_reload (list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS);
  assert_id_at (model, 0, "item-0999");
  assert_id_at (model, 9, "item-0990-th");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/announcement-list/paging", Fixture, NULL, fixture_set_up, test_paging,
              fixture_tear_down);
  g_test_add ("/core/announcement-list/languages", Fixture, NULL, fixture_set_up,
              test_languages, fixture_tear_down);

  return g_test_run ();
}
