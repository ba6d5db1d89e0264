/* gazette-entity.c
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

#define G_LOG_DOMAIN "gazette-entity"

#include "config.h"

#include "gazette-entity.h"

G_DEFINE_BOXED_TYPE (GazetteEntity, gazette_entity, gazette_entity_ref, gazette_entity_unref)

static const char * const kind_names[GAZETTE_N_ENTITY_KINDS] = {
  [GAZETTE_ENTITY_DISTRICT] = "district",
  [GAZETTE_ENTITY_OFFICIAL] = "official",
  [GAZETTE_ENTITY_PROJECT] = "project",
  [GAZETTE_ENTITY_ORGANISATION] = "organisation",
};

static void
gazette_entity_clear (gpointer data)
{
  GazetteEntity *self = data;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, gazette_localized_unref);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->summary, gazette_localized_unref);
  g_clear_pointer (&self->sectors, g_strfreev);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->url, g_free);
}

/**
 * gazette_entity_new:
 * @kind: what the entity is
 * @id: (nullable): the publisher's stable id
 *
 * Creates an entity with an empty name and no roles.
 *
 * Returns: (transfer full): a new #GazetteEntity
 */
GazetteEntity *
gazette_entity_new (GazetteEntityKind  kind,
                    const char        *id)
{
  GazetteEntity *self;

  self = g_atomic_rc_box_new0 (GazetteEntity);
  self->kind = kind;
  self->id = g_strdup (id);
  self->name = gazette_localized_new ();
  self->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_localized_unref);

  return self;
}

/**
 * gazette_entity_ref:
 * @self: a #GazetteEntity
 *
 * Returns: (transfer full): @self
 */
GazetteEntity *
gazette_entity_ref (GazetteEntity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * gazette_entity_unref:
 * @self: (transfer full): a #GazetteEntity
 *
 * Drops a reference, freeing @self when it was the last.
 */
void
gazette_entity_unref (GazetteEntity *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, gazette_entity_clear);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy;

  if (value == NULL || *field == value)
    return;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

static gboolean
has_role (GPtrArray              *roles,
          const GazetteLocalized *role)
{
  for (guint i = 0; i < roles->len; i++)
    {
      if (gazette_localized_equal (g_ptr_array_index (roles, i), role))
        return TRUE;
    }

  return FALSE;
}

/**
 * gazette_entity_merge:
 * @self: a #GazetteEntity
 * @newer: what a more recent announcement or feed says about the same entity
 *
 * Folds @newer into @self: names and summaries gain @newer's translations (@newer wins
 * where both have a language), roles and sectors gain those @self lacks, and the parent,
 * status and URL become @newer's when it has them. @self's kind and id are kept.
 */
void
gazette_entity_merge (GazetteEntity       *self,
                      const GazetteEntity *newer)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (newer != NULL);

  if (self == newer)
    return;

  gazette_localized_merge (self->name, newer->name);

  for (guint i = 0; newer->roles != NULL && i < newer->roles->len; i++)
    {
      GazetteLocalized *role = g_ptr_array_index (newer->roles, i);

      if (!has_role (self->roles, role))
        g_ptr_array_add (self->roles, gazette_localized_ref (role));
    }

  if (newer->summary != NULL)
    {
      /* Copy rather than share: @self's summary may be merged into later. */
      if (self->summary == NULL)
        self->summary = gazette_localized_new ();
      gazette_localized_merge (self->summary, newer->summary);
    }

  if (newer->sectors != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (self->sectors != NULL)
        g_strv_builder_addv (builder, (const char **) self->sectors);
      for (guint i = 0; newer->sectors[i] != NULL; i++)
        {
          if (self->sectors == NULL ||
              !g_strv_contains ((const char * const *) self->sectors, newer->sectors[i]))
            g_strv_builder_add (builder, newer->sectors[i]);
        }

      g_strfreev (self->sectors);
      self->sectors = g_strv_builder_end (builder);
    }

  replace_string (&self->parent_id, newer->parent_id);
  replace_string (&self->status, newer->status);
  replace_string (&self->url, newer->url);
}

/**
 * gazette_entity_kind_to_string:
 * @kind: a #GazetteEntityKind
 *
 * Returns: (transfer none): the kind's name in feeds and in the store: "district",
 *   "official", "project" or "organisation"
 */
const char *
gazette_entity_kind_to_string (GazetteEntityKind kind)
{
  g_return_val_if_fail ((guint) kind < GAZETTE_N_ENTITY_KINDS, NULL);

  return kind_names[kind];
}

/**
 * gazette_entity_kind_from_string:
 * @str: (nullable): a kind's name
 * @kind: (out) (optional): where to store the kind
 *
 * Parses a name written by gazette_entity_kind_to_string(); "organization" is accepted too.
 *
 * Returns: %TRUE when @str names a kind
 */
gboolean
gazette_entity_kind_from_string (const char        *str,
                                 GazetteEntityKind *kind)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < GAZETTE_N_ENTITY_KINDS; i++)
    {
      if (g_str_equal (str, kind_names[i]))
        {
          if (kind != NULL)
            *kind = (GazetteEntityKind) i;
          return TRUE;
        }
    }

  if (g_str_equal (str, "organization"))
    {
      if (kind != NULL)
        *kind = GAZETTE_ENTITY_ORGANISATION;
      return TRUE;
    }

  return FALSE;
}
