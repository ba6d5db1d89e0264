/* gazette-localized.h
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

#include "gazette-types.h"

G_BEGIN_DECLS

#define GAZETTE_TYPE_LOCALIZED (gazette_localized_get_type ())
#define GAZETTE_LOCALIZED_ERROR (gazette_localized_error_quark ())

typedef enum {
  GAZETTE_LOCALIZED_ERROR_INVALID,
} GazetteLocalizedError;

GQuark             gazette_localized_error_quark    (void);

GType              gazette_localized_get_type       (void) G_GNUC_CONST;
GazetteLocalized  *gazette_localized_new            (void);
GazetteLocalized  *gazette_localized_new_from_json  (const char              *json,
                                                     GError                 **error);
GazetteLocalized  *gazette_localized_ref            (GazetteLocalized        *self);
void               gazette_localized_unref          (GazetteLocalized        *self);
void               gazette_localized_set            (GazetteLocalized        *self,
                                                     const char              *language,
                                                     const char              *text);
const char        *gazette_localized_get_exact      (const GazetteLocalized  *self,
                                                     const char              *language);
const char        *gazette_localized_lookup         (const GazetteLocalized  *self,
                                                     const char * const      *languages);
const char        *gazette_localized_lookup_full    (const GazetteLocalized  *self,
                                                     const char * const      *languages,
                                                     const char             **out_language);
guint              gazette_localized_get_size       (const GazetteLocalized  *self);
gboolean           gazette_localized_is_empty       (const GazetteLocalized  *self);
GStrv              gazette_localized_dup_languages  (const GazetteLocalized  *self);
void               gazette_localized_merge          (GazetteLocalized        *self,
                                                     const GazetteLocalized  *other);
gboolean           gazette_localized_equal          (const GazetteLocalized  *a,
                                                     const GazetteLocalized  *b);
char              *gazette_localized_to_json        (const GazetteLocalized  *self);

char              *gazette_language_normalize       (const char              *tag);
gboolean           gazette_language_matches         (const char              *a,
                                                     const char              *b);
GStrv              gazette_language_get_preferred   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteLocalized, gazette_localized_unref)

G_END_DECLS
