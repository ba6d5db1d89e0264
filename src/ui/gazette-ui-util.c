/* gazette-ui-util.c
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

#define G_LOG_DOMAIN "gazette-ui"

#include "config.h"

#include "gazette-application.h"
#include "gazette-localized.h"
#include "gazette-ui-util.h"

/**
 * gazette_ui_dup_content_languages:
 *
 * The languages the reader wants announcements and names in: the application's preference,
 * or the system's outside the application (tests of single widgets).
 *
 * Returns: (transfer full): language tags, most wanted first
 */
GStrv
gazette_ui_dup_content_languages (void)
{
  GApplication *app = g_application_get_default ();

  if (GAZETTE_IS_APPLICATION (app))
    return gazette_application_dup_content_languages (GAZETTE_APPLICATION (app));

  return gazette_language_get_preferred ();
}

/**
 * gazette_ui_entity_name:
 * @entity: a district, official, project or organisation
 * @languages: the reader's languages
 *
 * Returns: (transfer none): its name in the reader's language, or its id when it has none
 */
const char *
gazette_ui_entity_name (GazetteEntity      *entity,
                        const char * const *languages)
{
  const char *name = gazette_localized_lookup (entity->name, languages);

  return name != NULL ? name : entity->id;
}

/**
 * gazette_ui_wrapping_label:
 * @text: (nullable): the label's text
 * @css_class: (nullable): a style class
 * @selectable: whether the reader can select and copy the text
 *
 * A start-aligned label that wraps at word boundaries, falling back to characters, which
 * Thai (no spaces) and Chinese need.
 *
 * Returns: (transfer floating): a new #GtkLabel
 */
GtkWidget *
gazette_ui_wrapping_label (const char *text,
                           const char *css_class,
                           gboolean    selectable)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * gazette_ui_save_png:
 * @window: a realized window (or any widget with a native surface)
 * @path: where to write
 *
 * Renders @window as it is now into a PNG, for `--screenshot` and for tests.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
gazette_ui_save_png (GtkWidget  *window,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  if (node != NULL && renderer != NULL)
    texture = gsk_renderer_render_texture (renderer, node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));

  return texture != NULL && gdk_texture_save_to_png (texture, path);
}
