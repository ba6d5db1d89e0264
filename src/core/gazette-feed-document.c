/* gazette-feed-document.c
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

#define G_LOG_DOMAIN "gazette-feed-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gazette-feed-document.h"

/**
 * gazette_feed_document_new:
 *
 * Returns: (transfer full): an empty document, with empty district and announcement arrays
 */
GazetteFeedDocument *
gazette_feed_document_new (void)
{
  GazetteFeedDocument *self = g_new0 (GazetteFeedDocument, 1);

  self->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  self->announcements = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

/**
 * gazette_feed_document_free:
 * @self: (transfer full) (nullable): a #GazetteFeedDocument
 *
 * Frees @self and drops its references to districts and announcements.
 */
void
gazette_feed_document_free (GazetteFeedDocument *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->home_page_url);
  g_free (self->feed_url);
  g_free (self->description);
  g_free (self->language);
  g_free (self->icon_url);
  g_free (self->publisher);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->announcements, g_ptr_array_unref);
  g_free (self);
}

/**
 * gazette_problem_new:
 * @is_error: %TRUE when the problem stopped parsing, %FALSE for a warning
 * @location: (nullable): where the problem is, or %NULL for the whole document
 * @message: the translated explanation
 *
 * Returns: (transfer full): a new #GazetteProblem
 */
GazetteProblem *
gazette_problem_new (gboolean    is_error,
                     const char *location,
                     const char *message)
{
  GazetteProblem *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (GazetteProblem, 1);
  self->is_error = !!is_error;
  self->location = g_strdup (location);
  self->message = g_strdup (message);

  return self;
}

/**
 * gazette_problem_free:
 * @self: (transfer full) (nullable): a #GazetteProblem
 */
void
gazette_problem_free (GazetteProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->location);
  g_free (self->message);
  g_free (self);
}

/**
 * gazette_problem_to_string:
 * @self: a #GazetteProblem
 *
 * Formats @self for a log or a terminal: "items[3].title: The title is empty.", with
 * "warning:" before the message of a warning.
 *
 * Returns: (transfer full): the text
 */
char *
gazette_problem_to_string (const GazetteProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->is_error)
    {
      if (self->location == NULL)
        return g_strdup (self->message);

      /* Translators: an error in a feed; the first %s is where, such as
       * “items[3].title” or “line 4, column 2”, the second what is wrong */
      return g_strdup_printf (_("%s: %s"), self->location, self->message);
    }

  if (self->location == NULL)
    {
      /* Translators: a problem in a feed that did not stop it from being read;
       * %s says what is wrong */
      return g_strdup_printf (_("warning: %s"), self->message);
    }

  /* Translators: a problem in a feed that did not stop it from being read; the first %s
   * is where, such as “items[3].title” or “line 4, column 2”, the second what is wrong */
  return g_strdup_printf (_("%s: warning: %s"), self->location, self->message);
}
