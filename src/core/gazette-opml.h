/* gazette-opml.h
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

#include <gio/gio.h>

G_BEGIN_DECLS

#define GAZETTE_OPML_ERROR (gazette_opml_error_quark ())

typedef enum {
  GAZETTE_OPML_ERROR_INVALID,      /* not well-formed XML */
  GAZETTE_OPML_ERROR_NOT_OPML,     /* well-formed, but not an OPML document */
} GazetteOpmlError;

/* One subscription of an OPML file. */
typedef struct
{
  char *url;           /* xmlUrl: http or https */
  char *title;         /* title or text, or NULL */
  char *home_page_url; /* htmlUrl, or NULL */
  char *folder;        /* the enclosing outlines' names joined with "/", or NULL */
  guint line;          /* of the outline, for messages */
} GazetteOpmlEntry;

GQuark     gazette_opml_error_quark (void);

GPtrArray *gazette_opml_parse       (GBytes           *bytes,
                                     guint            *n_ignored,
                                     GError          **error);
GBytes    *gazette_opml_write       (GPtrArray        *feeds,
                                     const char       *title);

void       gazette_opml_entry_free  (GazetteOpmlEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteOpmlEntry, gazette_opml_entry_free)

G_END_DECLS
