/* gazette-entity.h
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

#include "gazette-localized.h"

G_BEGIN_DECLS

/* The things an announcement talks about. They have stable ids chosen by the publisher and
 * are merged by (kind, id) across feeds and announcements. A plain record: the fields are
 * public, the record is reference counted. */
typedef enum {
  GAZETTE_ENTITY_DISTRICT,
  GAZETTE_ENTITY_OFFICIAL,
  GAZETTE_ENTITY_PROJECT,
  GAZETTE_ENTITY_ORGANISATION,
} GazetteEntityKind;

#define GAZETTE_N_ENTITY_KINDS 4

struct _GazetteEntity
{
  GazetteEntityKind  kind;
  char              *id;
  GazetteLocalized  *name;       /* never NULL, may be empty */
  char              *parent_id;  /* districts: the enclosing district, or NULL */
  GPtrArray         *roles;      /* officials: GazetteLocalized, never NULL */
  GazetteLocalized  *summary;    /* projects and organisations, or NULL */
  GStrv              sectors;    /* projects, or NULL */
  char              *status;     /* projects ("planned", "launched", …), or NULL */
  char              *url;        /* or NULL */
};

#define GAZETTE_TYPE_ENTITY (gazette_entity_get_type ())

GType              gazette_entity_get_type          (void) G_GNUC_CONST;
GazetteEntity     *gazette_entity_new               (GazetteEntityKind        kind,
                                                     const char              *id);
GazetteEntity     *gazette_entity_ref               (GazetteEntity           *self);
void               gazette_entity_unref             (GazetteEntity           *self);
void               gazette_entity_merge             (GazetteEntity           *self,
                                                     const GazetteEntity     *newer);
const char        *gazette_entity_kind_to_string    (GazetteEntityKind        kind);
gboolean           gazette_entity_kind_from_string  (const char              *str,
                                                     GazetteEntityKind       *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteEntity, gazette_entity_unref)

G_END_DECLS
