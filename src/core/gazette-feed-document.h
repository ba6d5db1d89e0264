/* gazette-feed-document.h
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

#include "gazette-announcement.h"
#include "gazette-entity.h"

G_BEGIN_DECLS

/* What a parser makes of one feed document, before anything is stored. */
typedef struct
{
  char      *title;
  char      *home_page_url;
  char      *feed_url;
  char      *description;
  char      *language;
  char      *icon_url;
  char      *publisher;
  GPtrArray *districts;      /* GazetteEntity declared at feed level, never NULL */
  GPtrArray *announcements;  /* GazetteAnnouncement, in document order, never NULL */
} GazetteFeedDocument;

/* Something wrong in a document, with where it is: `items[3].title`. */
typedef struct
{
  char     *location;        /* a JSON path or "line L, column C", or NULL for the document */
  char     *message;         /* translated, for people */
  gboolean  is_error;        /* FALSE for a warning that did not stop parsing */
} GazetteProblem;

GazetteFeedDocument *gazette_feed_document_new  (void);
void                 gazette_feed_document_free (GazetteFeedDocument *self);

GazetteProblem      *gazette_problem_new        (gboolean             is_error,
                                                 const char          *location,
                                                 const char          *message);
void                 gazette_problem_free       (GazetteProblem      *self);
char                *gazette_problem_to_string  (const GazetteProblem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteFeedDocument, gazette_feed_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteProblem, gazette_problem_free)

G_END_DECLS
