/* gazette-test-util.c
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

#define G_LOG_DOMAIN "gazette-test"

#include "config.h"

#include <glib/gstdio.h>

#include "gazette-test-util.h"

/* The contents of tests/data/FOLDER/NAME; the test fails when it cannot be read. */
GBytes *
gazette_test_load_fixture (const char *folder,
                           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* An array for a parser's problems. */
GPtrArray *
gazette_test_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);
}

/* A map from pairs of language tag and text, ending with NULL. */
GazetteLocalized *
gazette_test_localized (const char *first_tag,
                        ...)
{
  GazetteLocalized *self = gazette_localized_new ();
  const char *tag = first_tag;
  va_list args;

  va_start (args, first_tag);
  while (tag != NULL)
    {
      const char *text = va_arg (args, const char *);

      gazette_localized_set (self, tag, text);
      tag = va_arg (args, const char *);
    }
  va_end (args);

  return self;
}

/* Removes a temporary folder and everything in it (a test's store, its images). */
void
gazette_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        gazette_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* A SoupServer on 127.0.0.1, port chosen by the system, serving everything with @handler;
 * @base is where it listens. */
SoupServer *
gazette_test_server_new (SoupServerCallback   handler,
                         gpointer             user_data,
                         GUri               **base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);

  soup_server_add_handler (server, NULL, handler, user_data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  *base = g_uri_ref (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  return server;
}

/* A sync over a fresh store in @tmpdir, with a short fetch timeout. */
GazetteSync *
gazette_test_sync_new (const char    *tmpdir,
                       GazetteStore **store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "gazette.db", NULL);
  GazetteSync *sync;

  *store = gazette_store_new (path, &error);
  g_assert_no_error (error);
  sync = gazette_sync_new (*store);
  gazette_fetcher_set_timeout (gazette_sync_get_fetcher (sync), 5);

  return sync;
}

/* Drops the sync and the store and checks that nothing else keeps the store. A worker
 * thread's GTask may hold the sync, and so the store, for a moment after its callback
 * ran. */
void
gazette_test_sync_free (GazetteSync  **sync,
                        GazetteStore **store)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  gpointer object = g_steal_pointer (store);

  g_clear_object (sync);
  g_object_add_weak_pointer (object, &object);
  g_object_unref (object);
  while (object != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (object);
}
