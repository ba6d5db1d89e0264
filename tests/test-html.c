/* test-html.c
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

#define G_LOG_DOMAIN "test-html"

#include "config.h"

#include "gazette-html.h"

static void
assert_text (const char *html,
             const char *expected)
{
  g_autofree char *text = gazette_html_to_text (html);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_paragraphs (void)
{
  assert_text ("<p>One.</p><p>Two.</p>", "One.\n\nTwo.");
  assert_text ("<h2>Title</h2>\n  <p>Body   text\n over lines.</p>",
               "Title\n\nBody text over lines.");
  assert_text ("Line<br>break", "Line\nbreak");
  /* White space alone between two inline elements is still a space. */
  assert_text ("<p><b>a</b> <i>b</i></p>", "a b");
  assert_text ("<pre>  x\n  y</pre><p>z</p>", "  x\n  y\n\nz");
}

static void
test_lists (void)
{
  assert_text ("<ul><li>人工智能</li><li>智慧医疗</li></ul>", "• 人工智能\n• 智慧医疗");
  assert_text ("<p>Clusters:</p><ul><li>AI</li><li>Health</li></ul><p>After.</p>",
               "Clusters:\n\n• AI\n• Health\n\nAfter.");
}

static void
test_inline_and_entities (void)
{
  assert_text ("<p><strong>7.2</strong> หมื่นล้าน<em>หยวน</em> &amp; <a href=\"x\">more</a></p>",
               "7.2 หมื่นล้านหยวน & more");
}

static void
test_dropped (void)
{
  assert_text ("<p>Kept</p><script>alert(1)</script><style>p{}</style>", "Kept");
  /* Markup inside a script is the script's text, and what follows it is kept. */
  assert_text ("<script>var a = '<p>x</p>';</script>ok", "ok");
  assert_text ("", "");
  assert_text (NULL, "");
}

static void
test_malformed (void)
{
  /* Recovery keeps what can be read; nothing crashes on unclosed or stray tags. */
  assert_text ("<p>Open <b>bold</p> after</b>", "Open bold\n\nafter");
  assert_text ("</div></p>text", "text");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/html/paragraphs", test_paragraphs);
  g_test_add_func ("/core/html/lists", test_lists);
  g_test_add_func ("/core/html/inline-and-entities", test_inline_and_entities);
  g_test_add_func ("/core/html/dropped", test_dropped);
  g_test_add_func ("/core/html/malformed", test_malformed);

  return g_test_run ();
}
