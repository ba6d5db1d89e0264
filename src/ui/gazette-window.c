/* gazette-window.c
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

#define G_LOG_DOMAIN "gazette-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-window.h"

struct _GazetteWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
};

G_DEFINE_FINAL_TYPE (GazetteWindow, gazette_window, ADW_TYPE_APPLICATION_WINDOW)

static void
gazette_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GAZETTE_TYPE_WINDOW);

  G_OBJECT_CLASS (gazette_window_parent_class)->dispose (object);
}

static void
gazette_window_class_init (GazetteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/gazette-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GazetteWindow, leaflet);
}

static void
gazette_window_init (GazetteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GazetteWindow *
gazette_window_new (GazetteApplication *application)
{
  return g_object_new (GAZETTE_TYPE_WINDOW, "application", application, NULL);
}

void
gazette_window_show_store_error (GazetteWindow *self,
                                 const GError  *error)
{
}

void
gazette_window_select_announcement (GazetteWindow *self,
                                    const char    *id)
{
}

void
gazette_window_show_page (GazetteWindow *self,
                          const char    *page)
{
}

void
gazette_window_screenshot_when_ready (GazetteWindow *self,
                                      const char    *path)
{
}
