/* test-widgets.c
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

#define G_LOG_DOMAIN "test-widgets"

#include "config.h"

#include <glib/gstdio.h>

#include "gazette-confirm-remove-feed.h"
#include "gazette-feed-parser.h"
#include "gazette-figure-chart.h"
#include "gazette-preferences-window.h"
#include "gazette-test-ui.h"

static const char * const languages[] = { "en", "th", "zh_CN" };

/* Shows @widget in a window of its own and saves it as NAME-LANGUAGE.png; the caller destroys
 * the window it returns. */
static GtkWidget *
screenshot_in_window (GtkWidget  *widget,
                      int         width,
                      int         height,
                      const char *name,
                      const char *language)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, language);
  g_autofree char *path = NULL;
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  gazette_test_ui_wait_for_frames (widget, 3);
  path = gazette_test_ui_save_png (window, file);

  return window;
}

static void
test_figure_chart_bars (void)
{
  g_autoptr(GazetteFigureChart) chart = NULL;
  int min;
  int nat;

  chart = g_object_ref_sink (GAZETTE_FIGURE_CHART (gazette_figure_chart_new ()));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpuint (gazette_figure_chart_get_n_bars (chart), ==, 0);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 0);

  gazette_figure_chart_add_bar (chart, "Information economy", 120e9, "120 billion yuan");
  gazette_figure_chart_add_bar (chart, "Digital economy", 72e9, "72 billion yuan");
  g_assert_cmpuint (gazette_figure_chart_get_n_bars (chart), ==, 2);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Information economy: 120 billion yuan; "
                                       "Digital economy: 72 billion yuan");

  /* One row of about 28 pixels a bar, and room for the labels and values beside the bars. */
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 56);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, >, 60);
  g_assert_cmpint (nat, >, min);

  gazette_figure_chart_clear (chart);
  g_assert_cmpuint (gazette_figure_chart_get_n_bars (chart), ==, 0);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_figure_chart_screenshots (void)
{
  static const struct {
    const char *label;
    double      value;
    const char *value_text;
  } bars[][2] = {
    { { "Information economy (2022 target)", 120e9, "120 billion yuan" },
      { "Digital economy (2022 target)", 72e9, "72 billion yuan" } },
    { { "เศรษฐกิจสารสนเทศ (เป้าหมายปี 2565)", 120e9, "1.2 แสนล้านหยวน" },
      { "เศรษฐกิจดิจิทัล (เป้าหมายปี 2565)", 72e9, "7.2 หมื่นล้านหยวน" } },
    { { "信息经济（2022年目标）", 120e9, "1200亿元" },
      { "数字经济（2022年目标）", 72e9, "720亿元" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GazetteFigureChart) chart = NULL;
      GtkWidget *window;
      GtkWidget *frame;

      gazette_test_ui_set_language (languages[i]);
      chart = g_object_ref_sink (GAZETTE_FIGURE_CHART (gazette_figure_chart_new ()));
      for (guint j = 0; j < G_N_ELEMENTS (bars[i]); j++)
        gazette_figure_chart_add_bar (chart, bars[i][j].label, bars[i][j].value,
                                      bars[i][j].value_text);

      frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_margin_start (GTK_WIDGET (chart), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (chart), 12);
      gtk_widget_set_margin_top (GTK_WIDGET (chart), 12);
      gtk_widget_set_margin_bottom (GTK_WIDGET (chart), 12);
      gtk_box_append (GTK_BOX (frame), GTK_WIDGET (chart));
      window = screenshot_in_window (frame, 520, 80, "figure-chart", languages[i]);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), ==, 56);
      gtk_window_destroy (GTK_WINDOW (window));

      g_assert_finalize_object (g_steal_pointer (&chart));
    }

  gazette_test_ui_set_language ("en");
}

static void
reset_settings (GSettings *settings)
{
  static const char * const keys[] = {
    "auto-refresh", "refresh-interval", "content-languages", "remove-old-read",
    "remove-old-read-days",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
assert_strv (char      **strv,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) s);
  va_end (args);
  g_ptr_array_add (expected, NULL);

  g_assert_cmpstrv (strv, (const char * const *) expected->pdata);
  g_strfreev (strv);
}

static void
test_preferences_bindings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;
  AdwComboRow *language;
  AdwComboRow *interval;
  GtkSwitch *auto_refresh;
  GtkSwitch *remove_old;
  GtkSpinButton *days;
  GtkWidget *row;

  reset_settings (settings);
  window = g_object_ref (gazette_preferences_window_new (NULL, settings));

  language = ADW_COMBO_ROW (gazette_test_ui_find (window, ADW_TYPE_COMBO_ROW,
                                                  "Announcement Language"));
  interval = ADW_COMBO_ROW (gazette_test_ui_find (window, ADW_TYPE_COMBO_ROW,
                                                  "Refresh Interval"));
  row = gazette_test_ui_find (window, ADW_TYPE_ACTION_ROW, "Refresh Automatically");
  auto_refresh = GTK_SWITCH (gazette_test_ui_find (row, GTK_TYPE_SWITCH, NULL));
  row = gazette_test_ui_find (window, ADW_TYPE_ACTION_ROW, "Remove Old Read Announcements");
  remove_old = GTK_SWITCH (gazette_test_ui_find (row, GTK_TYPE_SWITCH, NULL));
  row = gazette_test_ui_find (window, ADW_TYPE_ACTION_ROW, "Days to Keep Read Announcements");
  days = GTK_SPIN_BUTTON (gazette_test_ui_find (row, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_nonnull (language);
  g_assert_nonnull (interval);
  g_assert_nonnull (auto_refresh);
  g_assert_nonnull (remove_old);
  g_assert_nonnull (days);

  /* The defaults show as they are stored. */
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 2);
  g_assert_true (gtk_switch_get_active (auto_refresh));
  g_assert_false (gtk_switch_get_active (remove_old));
  g_assert_cmpfloat (gtk_spin_button_get_value (days), ==, 30);
  g_assert_false (gtk_widget_get_sensitive (row));

  /* The content language writes the reader's order of preference, English as the fallback. */
  adw_combo_row_set_selected (language, 2);
  assert_strv (g_settings_get_strv (settings, "content-languages"), "th", "en", NULL);
  adw_combo_row_set_selected (language, 3);
  assert_strv (g_settings_get_strv (settings, "content-languages"), "zh-Hans", "en", NULL);
  adw_combo_row_set_selected (language, 1);
  assert_strv (g_settings_get_strv (settings, "content-languages"), "en", NULL);
  adw_combo_row_set_selected (language, 0);
  assert_strv (g_settings_get_strv (settings, "content-languages"), NULL);
  g_settings_set_strv (settings, "content-languages", (const char *[]) { "zh-CN", NULL });
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 3);
  g_settings_set_strv (settings, "content-languages", (const char *[]) { "th-TH", "en", NULL });
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 2);

  /* Intervals in minutes; a value set elsewhere shows as the nearest choice. */
  adw_combo_row_set_selected (interval, 6);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 1440);
  adw_combo_row_set_selected (interval, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 15);
  g_settings_set_uint (settings, "refresh-interval", 170);
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 3);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (interval)),
                   ==, "3 hours");

  gtk_switch_set_active (auto_refresh, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "auto-refresh"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (interval)));

  gtk_switch_set_active (remove_old, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "remove-old-read"));
  g_assert_true (gtk_widget_get_sensitive (row));
  gtk_spin_button_set_value (days, 90);
  g_assert_cmpuint (g_settings_get_uint (settings, "remove-old-read-days"), ==, 90);
  g_settings_set_uint (settings, "remove-old-read-days", 7);
  g_assert_cmpfloat (gtk_spin_button_get_value (days), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  reset_settings (settings);
}

static void
test_preferences_screenshots (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  reset_settings (settings);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("preferences-%s.png", languages[i]);
      g_autofree char *path = NULL;
      GtkWidget *window;

      gazette_test_ui_set_language (languages[i]);
      window = g_object_ref (gazette_preferences_window_new (NULL, settings));
      gtk_window_present (GTK_WINDOW (window));
      gazette_test_ui_wait_for_frames (window, 3);
      path = gazette_test_ui_save_png (window, name);
      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_finalize_object (window);
    }

  gazette_test_ui_set_language ("en");
}

static void
collect_shortcuts (GtkWidget *root,
                   GPtrArray *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    g_ptr_array_add (shortcuts, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static GtkWidget *
help_overlay_new (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  /* Where GtkApplication looks for it, under the application's resource base path. */
  builder = gtk_builder_new_from_resource ("/io/github/gazette/Gazette/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  return GTK_WIDGET (g_object_ref (overlay));
}

static void
test_help_overlay (void)
{
  static const struct {
    const char *action;
    const char *accelerator;
  } expected[] = {
    { "app.refresh", "<Control>r F5" },
    { "app.add-feed", "<Control>n" },
    { "app.preferences", "<Control>comma" },
    { "win.show-help-overlay", "<Control>question" },
    { "app.quit", "<Control>q" },
    { "win.search", "<Control>f" },
    { "win.toggle-read", "<Control>m" },
    { "win.toggle-star", "<Control>s" },
    { "win.open-original", "<Control>o" },
    { "win.next", "<Control>j" },
    { "win.previous", "<Control>k" },
    { "win.back", "Escape <Alt>Left" },
  };
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GHashTable) accelerators = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, g_free);
  GtkWidget *overlay = help_overlay_new ();

  /* The window also copies every shortcut into its search page: count each action once. */
  collect_shortcuts (overlay, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      char *action = NULL;
      char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (shortcuts->pdata[i],
                    "action-name", &action,
                    "accelerator", &accelerator,
                    "title", &title,
                    NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      g_hash_table_replace (accelerators, action, accelerator);
    }

  g_assert_cmpuint (g_hash_table_size (accelerators), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (accelerators, expected[i].action), ==,
                     expected[i].accelerator);

  g_clear_pointer (&shortcuts, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (overlay));
  g_assert_finalize_object (overlay);
}

static void
test_help_overlay_screenshots (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("help-overlay-%s.png", languages[i]);
      g_autofree char *path = NULL;
      GtkWidget *overlay;

      gazette_test_ui_set_language (languages[i]);
      overlay = help_overlay_new ();
      gtk_window_present (GTK_WINDOW (overlay));
      gazette_test_ui_wait_for_frames (overlay, 3);
      path = gazette_test_ui_save_png (overlay, name);
      gtk_window_destroy (GTK_WINDOW (overlay));
      g_assert_finalize_object (overlay);
    }

  gazette_test_ui_set_language ("en");
}

typedef struct
{
  char         *dir;
  GazetteStore *store;
  GazetteFeed  *feed;
  guint         n_calls;
  gboolean      removed;
  guint         n_removed;
} RemoveFixture;

static void
remove_fixture_set_up (RemoveFixture *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *fixture_path = NULL;
  g_autoptr(GazetteFeedDocument) document = NULL;
  g_autoptr(GazetteFeed) added = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  fixture->dir = g_dir_make_tmp ("gazette-test-widgets-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->store = gazette_store_new (path, &error);
  g_assert_no_error (error);

  fixture_path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-v1.json", NULL);
  g_file_get_contents (fixture_path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, len);
  document = gazette_feed_parse (bytes, "application/feed+json", "https://example.org/feed.json",
                                 NULL, &error);
  g_assert_no_error (error);

  added = gazette_store_add_feed (fixture->store, "https://example.org/feed.json", &error);
  g_assert_no_error (error);
  g_assert_true (gazette_store_apply_document (fixture->store, added, document, NULL, &error));
  g_assert_no_error (error);
  fixture->feed = gazette_store_find_feed (fixture->store, "https://example.org/feed.json",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gazette_feed_get_n_announcements (fixture->feed), >, 1);
}

static void
remove_fixture_tear_down (RemoveFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->feed);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
remove_done (GazetteFeed  *feed,
             gboolean      removed,
             guint         n_removed,
             const GError *error,
             gpointer      user_data)
{
  RemoveFixture *fixture = user_data;

  g_assert_no_error ((GError *) error);
  g_assert_true (feed == fixture->feed);
  fixture->n_calls++;
  fixture->removed = removed;
  fixture->n_removed = n_removed;
}

static void
test_remove_feed (RemoveFixture *fixture,
                  gconstpointer  data)
{
  const char *response = data;
  gboolean remove = g_strcmp0 (response, "remove") == 0;
  guint n = gazette_feed_get_n_announcements (fixture->feed);
  g_autofree char *body = g_strdup_printf ("%u announcements from this feed will also be "
                                           "removed, even starred ones.", n);
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (gazette_confirm_remove_feed (NULL, fixture->store, fixture->feed,
                                                            remove_done, fixture));
  g_object_ref (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Remove “"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  g_assert_cmpuint (fixture->n_calls, ==, 0);
  adw_message_dialog_response (dialog, response);
  /* Removing happens in a worker thread; the answer comes back on the main loop. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (fixture->n_calls == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (fixture->n_calls, ==, 1);
  g_assert_cmpint (fixture->removed, ==, remove);
  g_assert_cmpuint (fixture->n_removed, ==, remove ? n : 0);

  feeds = gazette_store_list_feeds (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, remove ? 0 : 1);

  /* Its buttons close it; adw_message_dialog_response() alone does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!gazette_test_ui_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/figure-chart/bars", test_figure_chart_bars);
  g_test_add_func ("/ui/figure-chart/screenshots", test_figure_chart_screenshots);
  g_test_add_func ("/ui/preferences/bindings", test_preferences_bindings);
  g_test_add_func ("/ui/preferences/screenshots", test_preferences_screenshots);
  g_test_add_func ("/ui/help-overlay/shortcuts", test_help_overlay);
  g_test_add_func ("/ui/help-overlay/screenshots", test_help_overlay_screenshots);
  g_test_add ("/ui/remove-feed/cancel", RemoveFixture, "cancel",
              remove_fixture_set_up, test_remove_feed, remove_fixture_tear_down);
  g_test_add ("/ui/remove-feed/remove", RemoveFixture, "remove",
              remove_fixture_set_up, test_remove_feed, remove_fixture_tear_down);

  return g_test_run ();
}
