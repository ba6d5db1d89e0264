/* gazette-test-ui.c
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

#include <locale.h>

#include <glib/gi18n.h>

#include "gazette-test-ui.h"

static void
skip_without_display (void)
{
  g_test_skip ("No display: run the UI tests under xvfb-run -a");
}

/* FALSE when there is no display: the caller then runs only a skipped test, so that
 * `meson test` outside Xvfb reports SKIP rather than a failure. */
gboolean
gazette_test_ui_init (int    *argc,
                      char ***argv)
{
  g_autoptr(GtkCssProvider) css = NULL;
  const char *localedir = g_getenv ("GAZETTE_LOCALEDIR");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (argc, argv, NULL);
      g_test_add_func ("/ui/skipped", skip_without_display);
      return FALSE;
    }

  /* No session bus here: GTK's own test accessibility back end instead of AT-SPI. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib decides once per process whether g_dgettext() translates, from the locale of its
   * first call, and says no for C.UTF-8. These tests switch languages as they go, so that
   * first call happens in Thai; in C.UTF-8 the messages then simply stay English. */
  setlocale (LC_ALL, "th_TH.UTF-8");
  g_assert_nonnull (g_dgettext (GETTEXT_PACKAGE, "Preferences"));
  setlocale (LC_ALL, "C.UTF-8");

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* The application loads this itself; these tests have no application. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/gazette/Gazette/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  return TRUE;
}

/* "en", "th" or "zh_CN": the interface language of widgets built after this call. */
void
gazette_test_ui_set_language (const char *language)
{
  const char *locale = "C.UTF-8";

  if (g_strcmp0 (language, "th") == 0)
    locale = "th_TH.UTF-8";
  else if (g_strcmp0 (language, "zh_CN") == 0)
    locale = "zh_CN.UTF-8";

  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, locale));
}

/* The first widget under @root (depth first, @root included) of @type, and when @title is
 * given, an AdwPreferencesRow with that title or a label with that text. */
GtkWidget *
gazette_test_ui_find (GtkWidget  *root,
                      GType       type,
                      const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (title == NULL)
        return root;
      if (ADW_IS_PREFERENCES_ROW (root) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
        return root;
      if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gazette_test_ui_find (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The direct children of @parent, in order. */
GPtrArray *
gazette_test_ui_children (GtkWidget *parent)
{
  GPtrArray *children = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (parent);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (children, child);

  return children;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *count = user_data;

  (*count)++;
  return G_SOURCE_CONTINUE;
}

/* Waits until @widget, in a presented window, has been through @n_frames frames. */
void
gazette_test_ui_wait_for_frames (GtkWidget *widget,
                                 guint      n_frames)
{
  guint count = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &count, NULL);

  while (count < n_frames)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Runs the main loop until @done says so; meson's timeout ends a test that hangs. */
void
gazette_test_ui_wait_until (gboolean (*done) (gpointer data),
                            gpointer   data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

/* Renders @widget as it is now into G_TEST_BUILDDIR/screenshots/@name and returns the path,
 * so that a person can look at what the assertions cannot judge. */
char *
gazette_test_ui_save_png (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  char *path;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* On a busy machine the window may not have drawn itself yet: there is nothing to take
   * until it has. */
  while (node == NULL)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_to_node (snapshot);
      if (node == NULL)
        gazette_test_ui_wait_for_frames (widget, 1);
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  return path;
}
