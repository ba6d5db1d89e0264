/* gazette-article-body.h
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

/* Maps an image address from the article to the copy stored during sync, or NULL. */
typedef GFile *(*GazetteImageResolver) (const char *url,
                                        gpointer    user_data);

#define GAZETTE_TYPE_ARTICLE_BODY (gazette_article_body_get_type ())
G_DECLARE_FINAL_TYPE (GazetteArticleBody, gazette_article_body, GAZETTE, ARTICLE_BODY, GtkWidget)

GtkWidget *gazette_article_body_new                (void);
void       gazette_article_body_set_content        (GazetteArticleBody   *self,
                                                    const char           *html,
                                                    const char           *text);
void       gazette_article_body_set_image_resolver (GazetteArticleBody   *self,
                                                    GazetteImageResolver  resolver,
                                                    gpointer              user_data,
                                                    GDestroyNotify        destroy);

G_END_DECLS
