/* gazette-announcement-private.h
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

G_BEGIN_DECLS

/* The core's parsers and the store fill announcements field by field; the rest of the
 * application reads them through the getters. */
struct _GazetteAnnouncement
{
  GObject        parent_instance;

  gint64         row_id;             /* 0 until stored */
  gint64         feed_id;            /* 0 until stored */
  char          *feed_title;         /* filled by store queries */
  char          *id;                 /* the publisher's id, unique within its feed */
  char          *language;           /* BCP 47, or NULL */
  char          *title;
  char          *summary;
  char          *content_html;       /* as published, or NULL */
  char          *content_text;       /* plain text, or NULL */
  char          *url;
  char          *image_url;
  char          *author;
  GDateTime     *published;          /* never NULL once parsed: falls back to updated, then now */
  GDateTime     *updated;            /* or NULL */
  char          *translation_group;  /* or NULL */
  GStrv          tags;               /* or NULL */
  GStrv          languages;          /* store queries: languages of the translation group */

  GazetteEntity *district;           /* or NULL */
  GPtrArray     *officials;          /* GazetteEntity, never NULL */
  GPtrArray     *projects;           /* GazetteEntity, never NULL */
  GPtrArray     *organisations;      /* GazetteEntity, never NULL */
  GPtrArray     *quotes;             /* GazetteQuote, never NULL */
  GPtrArray     *figures;            /* GazetteFigure, never NULL */
  GHashTable    *found_links;        /* "kind:id" of the entities the linker found, or NULL */

  guint          read : 1;
  guint          starred : 1;
};

G_END_DECLS
