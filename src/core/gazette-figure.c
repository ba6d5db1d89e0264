/* gazette-figure.c
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

#define G_LOG_DOMAIN "gazette-figure"

#include "config.h"

#include "gazette-figure.h"

G_DEFINE_BOXED_TYPE (GazetteFigure, gazette_figure, gazette_figure_ref, gazette_figure_unref)

static void
gazette_figure_clear (gpointer data)
{
  GazetteFigure *self = data;

  g_clear_pointer (&self->label, gazette_localized_unref);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->source_text, g_free);
}

/**
 * gazette_figure_new:
 *
 * Creates a figure with an empty label, a value of 0 and no unit, year or kind.
 *
 * Returns: (transfer full): a new #GazetteFigure
 */
GazetteFigure *
gazette_figure_new (void)
{
  GazetteFigure *self;

  self = g_atomic_rc_box_new0 (GazetteFigure);
  self->label = gazette_localized_new ();

  return self;
}

/**
 * gazette_figure_ref:
 * @self: a #GazetteFigure
 *
 * Returns: (transfer full): @self
 */
GazetteFigure *
gazette_figure_ref (GazetteFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * gazette_figure_unref:
 * @self: (transfer full): a #GazetteFigure
 *
 * Drops a reference, freeing @self when it was the last.
 */
void
gazette_figure_unref (GazetteFigure *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, gazette_figure_clear);
}
