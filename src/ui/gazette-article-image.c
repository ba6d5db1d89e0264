/* gazette-article-image.c
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

#define G_LOG_DOMAIN "gazette-article-image"

#include "config.h"

#include <math.h>

#include "gazette-article-image.h"

struct _GazetteArticleImage
{
  GtkWidget   parent_instance;

  GdkTexture *texture;
  char       *alternative_text;
  int         max_height;
};

G_DEFINE_FINAL_TYPE (GazetteArticleImage, gazette_article_image, GTK_TYPE_WIDGET)

/* The size the texture is drawn at when @width pixels are available (-1: any width). */
static void
fit_size (GazetteArticleImage *self,
          int                  width,
          double              *out_width,
          double              *out_height)
{
  double w;
  double h;
  double scale = 1.0;

  if (self->texture == NULL)
    {
      *out_width = *out_height = 0;
      return;
    }

  w = gdk_texture_get_width (self->texture);
  h = gdk_texture_get_height (self->texture);
  if (width >= 0 && w > width)
    scale = MIN (scale, width / w);
  if (self->max_height > 0 && h > self->max_height)
    scale = MIN (scale, self->max_height / h);

  *out_width = w * scale;
  *out_height = h * scale;
}

static void
gazette_article_image_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GazetteArticleImage *self = GAZETTE_ARTICLE_IMAGE (widget);
  double width;
  double height;

  fit_size (self, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* It shrinks with the window, down to nothing. */
      *minimum = 0;
      *natural = (int) ceil (width);
    }
  else
    {
      *minimum = *natural = (int) ceil (height);
    }
}

static GtkSizeRequestMode
gazette_article_image_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gazette_article_image_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GazetteArticleImage *self = GAZETTE_ARTICLE_IMAGE (widget);
  double width;
  double height;

  if (self->texture == NULL)
    return;

  fit_size (self, gtk_widget_get_width (widget), &width, &height);
  height = MIN (height, gtk_widget_get_height (widget));
  width = MIN (width, height * gdk_texture_get_width (self->texture) /
                      gdk_texture_get_height (self->texture));
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
}

static void
gazette_article_image_finalize (GObject *object)
{
  GazetteArticleImage *self = GAZETTE_ARTICLE_IMAGE (object);

  g_clear_object (&self->texture);
  g_free (self->alternative_text);

  G_OBJECT_CLASS (gazette_article_image_parent_class)->finalize (object);
}

static void
gazette_article_image_class_init (GazetteArticleImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gazette_article_image_finalize;

  widget_class->measure = gazette_article_image_measure;
  widget_class->get_request_mode = gazette_article_image_get_request_mode;
  widget_class->snapshot = gazette_article_image_snapshot;

  gtk_widget_class_set_css_name (widget_class, "articleimage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gazette_article_image_init (GazetteArticleImage *self)
{
}

/**
 * gazette_article_image_new:
 * @alternative_text: (nullable): what the image shows, for screen readers
 * @max_height: the tallest it is drawn, in pixels; 0 for no cap
 *
 * Returns: (transfer floating): an image that is empty until a texture is set
 */
GtkWidget *
gazette_article_image_new (const char *alternative_text,
                           int         max_height)
{
  GazetteArticleImage *self = g_object_new (GAZETTE_TYPE_ARTICLE_IMAGE, NULL);

  self->alternative_text = g_strdup (alternative_text);
  self->max_height = MAX (max_height, 0);
  if (alternative_text != NULL && *alternative_text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, alternative_text,
                                    -1);

  return GTK_WIDGET (self);
}

/**
 * gazette_article_image_get_texture:
 * @self: an article image
 *
 * Returns: (transfer none) (nullable): the image, once it has loaded
 */
GdkTexture *
gazette_article_image_get_texture (GazetteArticleImage *self)
{
  g_return_val_if_fail (GAZETTE_IS_ARTICLE_IMAGE (self), NULL);

  return self->texture;
}

/**
 * gazette_article_image_set_texture:
 * @self: an article image
 * @texture: (nullable): the decoded image
 */
void
gazette_article_image_set_texture (GazetteArticleImage *self,
                                   GdkTexture          *texture)
{
  g_return_if_fail (GAZETTE_IS_ARTICLE_IMAGE (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (g_set_object (&self->texture, texture))
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * gazette_article_image_get_alternative_text:
 * @self: an article image
 *
 * Returns: (nullable): the text given at construction
 */
const char *
gazette_article_image_get_alternative_text (GazetteArticleImage *self)
{
  g_return_val_if_fail (GAZETTE_IS_ARTICLE_IMAGE (self), NULL);

  return self->alternative_text;
}
