/* gazette-quote.c
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

#define G_LOG_DOMAIN "gazette-quote"

#include "config.h"

#include "gazette-localized.h"
#include "gazette-quote.h"

G_DEFINE_BOXED_TYPE (GazetteQuote, gazette_quote, gazette_quote_ref, gazette_quote_unref)

static void
gazette_quote_clear (gpointer data)
{
  GazetteQuote *self = data;

  g_clear_pointer (&self->official_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->announcement_id, g_free);
  g_clear_pointer (&self->announcement_title, g_free);
  g_clear_pointer (&self->translation_group, g_free);
  g_clear_pointer (&self->published, g_date_time_unref);
}

/**
 * gazette_quote_new:
 * @official_id: (nullable): the id of the official who said it
 * @text: (nullable): what was said
 * @language: (nullable): the language of @text; normalized to BCP 47
 *
 * Returns: (transfer full): a new #GazetteQuote
 */
GazetteQuote *
gazette_quote_new (const char *official_id,
                   const char *text,
                   const char *language)
{
  GazetteQuote *self;

  self = g_atomic_rc_box_new0 (GazetteQuote);
  self->official_id = g_strdup (official_id);
  self->text = g_strdup (text);
  self->language = gazette_language_normalize (language);

  return self;
}

/**
 * gazette_quote_ref:
 * @self: a #GazetteQuote
 *
 * Returns: (transfer full): @self
 */
GazetteQuote *
gazette_quote_ref (GazetteQuote *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * gazette_quote_unref:
 * @self: (transfer full): a #GazetteQuote
 *
 * Drops a reference, freeing @self when it was the last.
 */
void
gazette_quote_unref (GazetteQuote *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, gazette_quote_clear);
}
