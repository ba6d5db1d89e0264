/* gazette-article-image.h
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

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An image in an article: never wider than the text, never taller than a cap, never scaled
 * up. GtkPicture scales up and its natural height follows the image, hence this widget. */
#define GAZETTE_TYPE_ARTICLE_IMAGE (gazette_article_image_get_type ())
G_DECLARE_FINAL_TYPE (GazetteArticleImage, gazette_article_image, GAZETTE, ARTICLE_IMAGE, GtkWidget)

GtkWidget  *gazette_article_image_new            (const char          *alternative_text,
                                                  int                  max_height);
GdkTexture *gazette_article_image_get_texture    (GazetteArticleImage *self);
void        gazette_article_image_set_texture    (GazetteArticleImage *self,
                                                  GdkTexture          *texture);
const char *gazette_article_image_get_alternative_text (GazetteArticleImage *self);

G_END_DECLS
