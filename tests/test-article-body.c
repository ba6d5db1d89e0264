/* test-article-body.c
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

#define G_LOG_DOMAIN "test-article-body"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gazette-article-body.h"
#include "gazette-article-image.h"
#include "gazette-test-ui.h"

#define STORED_IMAGE_URL "https://example.org/stored.png"
#define IMAGE_WIDTH      40
#define IMAGE_HEIGHT     20

typedef struct
{
  char      *dir;
  char      *png_path;
  GPtrArray *opened;      /* addresses that reached ::open-link */
  guint      n_resolved;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 *rgba = g_malloc (IMAGE_WIDTH * IMAGE_HEIGHT * 4);

  /* A two-colour image, so a screenshot shows the picture was drawn. */
  for (guint i = 0; i < IMAGE_WIDTH * IMAGE_HEIGHT; i++)
    {
      gboolean left = (i % IMAGE_WIDTH) < IMAGE_WIDTH / 2;

      rgba[i * 4 + 0] = left ? 0xe0 : 0x26;
      rgba[i * 4 + 1] = left ? 0x1b : 0xa2;
      rgba[i * 4 + 2] = left ? 0x24 : 0x69;
      rgba[i * 4 + 3] = 0xff;
    }
  pixels = g_bytes_new_take (rgba, IMAGE_WIDTH * IMAGE_HEIGHT * 4);
  texture = gdk_memory_texture_new (IMAGE_WIDTH, IMAGE_HEIGHT, GDK_MEMORY_R8G8B8A8, pixels,
                                    IMAGE_WIDTH * 4);

  fixture->dir = g_dir_make_tmp ("gazette-test-article-body-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->png_path = g_build_filename (fixture->dir, "stored.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, fixture->png_path));
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->png_path);
  g_rmdir (fixture->dir);
  g_free (fixture->png_path);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->opened);
}

static GFile *
resolve_image (const char *url,
               gpointer    user_data)
{
  Fixture *fixture = user_data;

  fixture->n_resolved++;
  if (g_strcmp0 (url, STORED_IMAGE_URL) == 0)
    return g_file_new_for_path (fixture->png_path);

  return NULL;
}

static void
on_open_link (GazetteArticleBody *body,
              const char         *uri,
              gpointer            user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->opened, g_strdup (uri));
  /* Never let the default handler start a browser from a test. */
  g_signal_stop_emission_by_name (body, "open-link");
}

static GazetteArticleBody *
body_new (Fixture *fixture)
{
  GazetteArticleBody *body = GAZETTE_ARTICLE_BODY (gazette_article_body_new ());

  g_object_ref_sink (body);
  gazette_article_body_set_image_resolver (body, resolve_image, fixture, NULL);
  g_signal_connect (body, "open-link", G_CALLBACK (on_open_link), fixture);

  return body;
}

static char *
load_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "widgets", "article.html",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  char *html = NULL;

  g_file_get_contents (path, &html, NULL, &error);
  g_assert_no_error (error);

  return html;
}

/* The blocks the body shows, in order. */
static GPtrArray *
blocks (GazetteArticleBody *body)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (body));

  g_assert_true (GTK_IS_BOX (box));
  return gazette_test_ui_children (box);
}

static GtkLabel *
block_label (GPtrArray *children,
             guint      index)
{
  g_assert_cmpuint (index, <, children->len);
  g_assert_true (GTK_IS_LABEL (children->pdata[index]));

  return children->pdata[index];
}

static void
assert_paragraph (GtkLabel *label)
{
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_wrap_mode (label), ==, PANGO_WRAP_WORD_CHAR);
  g_assert_true (gtk_label_get_selectable (label));
  g_assert_cmpfloat (gtk_label_get_xalign (label), ==, 0.0f);
}

static gboolean
emit_activate_link (GtkLabel   *label,
                    const char *uri)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  return handled;
}

static gboolean
image_loaded (gpointer data)
{
  return gazette_article_image_get_texture (data) != NULL;
}

static void
test_structure (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GazetteArticleBody) body = body_new (fixture);
  g_autofree char *html = load_article ();
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkLabel *label;
  GtkWidget *quote;
  GazetteArticleImage *image;
  GdkTexture *texture;
  GtkWidget *code;
  int min;
  int nat;

  gazette_article_body_set_content (body, html, "ignored when there is markup");
  children = blocks (body);
  g_assert_cmpuint (children->len, ==, 12);

  /* h2 */
  label = block_label (children, 0);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Xiaoshan digital economy plan");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "title-2"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_ROLE_HEADING);
  assert_paragraph (label);

  /* p with <b> and <a>: white space collapsed, markup kept, text selectable */
  label = block_label (children, 1);
  assert_paragraph (label);
  g_assert_true (gtk_label_get_use_markup (label));
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "The district targets an information economy above 120 billion yuan by "
                   "2022. Read the full plan or this trap.");
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<b>120 billion yuan</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (label),
                            "<a href=\"https://example.org/plan\">full plan</a>"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_ROLE_LABEL);

  /* Only http, https and mailto reach ::open-link; every link counts as handled. */
  g_assert_true (emit_activate_link (label, "javascript:alert(1)"));
  g_assert_true (emit_activate_link (label, "file:///etc/passwd"));
  g_assert_cmpuint (fixture->opened->len, ==, 0);
  g_assert_true (emit_activate_link (label, "https://example.org/plan"));
  g_assert_true (emit_activate_link (label, "mailto:press@example.org"));
  g_assert_cmpuint (fixture->opened->len, ==, 2);
  g_assert_cmpstr (fixture->opened->pdata[0], ==, "https://example.org/plan");
  g_assert_cmpstr (fixture->opened->pdata[1], ==, "mailto:press@example.org");

  /* ul with three items, each a bullet and a wrapping label */
  g_assert_true (GTK_IS_GRID (children->pdata[2]));
  items = gazette_test_ui_children (children->pdata[2]);
  g_assert_cmpuint (items->len, ==, 6);
  for (int row = 0; row < 3; row++)
    {
      GtkWidget *marker = gtk_grid_get_child_at (children->pdata[2], 0, row);
      GtkWidget *content = gtk_grid_get_child_at (children->pdata[2], 1, row);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (marker)), ==, "•");
      assert_paragraph (GTK_LABEL (gtk_widget_get_first_child (content)));
    }
  label = GTK_LABEL (gtk_widget_get_first_child (gtk_grid_get_child_at (children->pdata[2], 1, 2)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Smart health care");

  /* blockquote */
  quote = children->pdata[3];
  g_assert_true (gtk_widget_has_css_class (quote, "article-blockquote"));
  label = GTK_LABEL (gtk_widget_get_first_child (quote));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "We will build China V Valley.");

  /* a stored image loads off the main thread, at its own size: never scaled up */
  image = children->pdata[4];
  g_assert_true (GAZETTE_IS_ARTICLE_IMAGE (image));
  g_assert_cmpstr (gazette_article_image_get_alternative_text (image), ==, "Map of the valley");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Map of the valley");
  g_assert_null (gazette_article_image_get_texture (image));
  gazette_test_ui_wait_until (image_loaded, image);
  texture = gazette_article_image_get_texture (image);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, IMAGE_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, IMAGE_HEIGHT);
  gtk_widget_measure (GTK_WIDGET (image), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (nat, ==, IMAGE_WIDTH);
  gtk_widget_measure (GTK_WIDGET (image), GTK_ORIENTATION_VERTICAL, 400, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, IMAGE_HEIGHT);
  gtk_widget_measure (GTK_WIDGET (image), GTK_ORIENTATION_VERTICAL, 10, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, IMAGE_HEIGHT / 4);

  /* an image that was not stored shows its alternative text, dimmed */
  label = block_label (children, 5);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Photo of the signing ceremony");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"));
  g_assert_cmpuint (fixture->n_resolved, ==, 2);

  /* Thai and Chinese wrap between characters where there are no spaces */
  label = block_label (children, 6);
  assert_paragraph (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "เขตเซียวชานตั้งเป้า"));
  label = block_label (children, 7);
  assert_paragraph (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "萧山区提出到2022年"));

  /* ol numbers its items */
  g_assert_true (GTK_IS_GRID (children->pdata[8]));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (children->pdata[8], 0, 1))),
                   ==, "2.");

  /* pre keeps its lines in a monospace label that scrolls sideways */
  g_assert_true (GTK_IS_SCROLLED_WINDOW (children->pdata[9]));
  code = gazette_test_ui_find (children->pdata[9], GTK_TYPE_LABEL, NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (code)), ==, "gazette sync\ngazette list");
  g_assert_true (gtk_widget_has_css_class (code, "monospace"));
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (code)));

  g_assert_true (GTK_IS_SEPARATOR (children->pdata[10]));

  /* entities decoded, inline code kept, scripts dropped */
  label = block_label (children, 11);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Visit gazette --help & more.");
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<tt>gazette --help</tt> &amp; more."));

  g_clear_pointer (&children, g_ptr_array_unref);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&body));
}

static void
test_escaping (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GazetteArticleBody) body = body_new (fixture);
  g_autoptr(GPtrArray) children = NULL;
  GtkLabel *label;

  /* Text that looks like markup stays text; unknown tags keep their text. */
  gazette_article_body_set_content (body,
                                    "<p>a &lt;b&gt; &amp; <span foreground=\"red\">c</span> "
                                    "<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">q</a>"
                                    "</p><marquee>moving</marquee>",
                                    NULL);
  children = blocks (body);
  g_assert_cmpuint (children->len, ==, 2);
  label = block_label (children, 0);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "a <b> & c q");
  g_assert_null (strstr (gtk_label_get_label (label), "<b>"));
  g_assert_null (strstr (gtk_label_get_label (label), "foreground"));
  g_assert_nonnull (strstr (gtk_label_get_label (label),
                            "href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\""));
  g_assert_cmpstr (gtk_label_get_text (block_label (children, 1)), ==, "moving");

  /* an image inside bold splits the paragraph and the bold carries on after it */
  g_clear_pointer (&children, g_ptr_array_unref);
  gazette_article_body_set_content (body,
                                    "<p><b>before <img src=\"https://example.org/missing.png\">"
                                    " after</b></p>",
                                    NULL);
  children = blocks (body);
  g_assert_cmpuint (children->len, ==, 3);
  g_assert_cmpstr (gtk_label_get_label (block_label (children, 0)), ==, "<b>before</b>");
  g_assert_cmpstr (gtk_label_get_text (block_label (children, 1)), ==,
                   "Image not available offline");
  g_assert_cmpstr (gtk_label_get_label (block_label (children, 2)), ==, "<b>after</b>");

  g_clear_pointer (&children, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&body));
}

static void
test_plain_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GazetteArticleBody) body = body_new (fixture);
  g_autoptr(GPtrArray) children = NULL;

  gazette_article_body_set_content (body, "<p>replaced</p>", NULL);
  gazette_article_body_set_content (body, NULL,
                                    "First <paragraph> & more.\r\n\r\n  \nSecond\nline.\n\n\n"
                                    "萧山区\n");
  children = blocks (body);
  g_assert_cmpuint (children->len, ==, 3);
  g_assert_cmpstr (gtk_label_get_text (block_label (children, 0)), ==,
                   "First <paragraph> & more.");
  g_assert_cmpstr (gtk_label_get_text (block_label (children, 1)), ==, "Second\nline.");
  g_assert_cmpstr (gtk_label_get_text (block_label (children, 2)), ==, "萧山区");
  assert_paragraph (block_label (children, 2));

  /* empty markup falls back to the text; nothing at all shows nothing */
  g_clear_pointer (&children, g_ptr_array_unref);
  gazette_article_body_set_content (body, "", "Only text");
  children = blocks (body);
  g_assert_cmpuint (children->len, ==, 1);
  g_clear_pointer (&children, g_ptr_array_unref);
  gazette_article_body_set_content (body, NULL, NULL);
  children = blocks (body);
  g_assert_cmpuint (children->len, ==, 0);

  g_clear_pointer (&children, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&body));
}

static void
count_destroy (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_resolver_replaced (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GazetteArticleBody) body = body_new (fixture);
  guint destroyed = 0;

  gazette_article_body_set_image_resolver (body, resolve_image, &destroyed, count_destroy);
  g_assert_cmpuint (destroyed, ==, 0);
  gazette_article_body_set_image_resolver (body, resolve_image, &destroyed, count_destroy);
  g_assert_cmpuint (destroyed, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&body));
  g_assert_cmpuint (destroyed, ==, 2);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const languages[] = { "en", "th", "zh_CN" };
  g_autofree char *html = load_article ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GazetteArticleBody) body = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      GtkWidget *window;
      GtkWidget *scroller;
      GtkWidget *image;

      gazette_test_ui_set_language (languages[i]);
      body = body_new (fixture);
      gazette_article_body_set_content (body, html, NULL);
      gtk_widget_set_margin_start (GTK_WIDGET (body), 18);
      gtk_widget_set_margin_end (GTK_WIDGET (body), 18);
      gtk_widget_set_margin_top (GTK_WIDGET (body), 18);
      gtk_widget_set_margin_bottom (GTK_WIDGET (body), 18);

      /* Narrow, so that the Thai and Chinese paragraphs have to wrap. */
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 420, 1000);
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (body));
      gtk_window_set_child (GTK_WINDOW (window), scroller);
      gtk_window_present (GTK_WINDOW (window));

      image = gazette_test_ui_find (GTK_WIDGET (body), GAZETTE_TYPE_ARTICLE_IMAGE, NULL);
      gazette_test_ui_wait_until (image_loaded, image);
      /* A selectable label that takes the first focus selects all of itself: unselect it,
       * so the screenshot shows the text as a reader first sees it. */
      for (GtkWidget *label = gtk_window_get_focus (GTK_WINDOW (window));
           GTK_IS_LABEL (label);
           label = NULL)
        gtk_label_select_region (GTK_LABEL (label), 0, 0);
      gazette_test_ui_wait_for_frames (GTK_WIDGET (body), 3);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (body)), <=, 420);

      name = g_strdup_printf ("article-body-%s.png", languages[i]);
      path = gazette_test_ui_save_png (window, name);

      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_finalize_object (g_steal_pointer (&body));
    }

  gazette_test_ui_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  if (!gazette_test_ui_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/ui/article-body/structure", Fixture, NULL,
              fixture_set_up, test_structure, fixture_tear_down);
  g_test_add ("/ui/article-body/escaping", Fixture, NULL,
              fixture_set_up, test_escaping, fixture_tear_down);
  g_test_add ("/ui/article-body/plain-text", Fixture, NULL,
              fixture_set_up, test_plain_text, fixture_tear_down);
  g_test_add ("/ui/article-body/resolver-replaced", Fixture, NULL,
              fixture_set_up, test_resolver_replaced, fixture_tear_down);
  g_test_add ("/ui/article-body/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
