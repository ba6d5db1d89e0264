/* gazette-linker.c
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

#define G_LOG_DOMAIN "gazette-linker"

#include "config.h"

#include <string.h>

#include "gazette-linker.h"
#include "gazette-tokenizer.h"

/* Names shorter than this many characters ("V", "区") would be found everywhere. */
#define MIN_NAME_CHARS 2

typedef struct
{
  guint32  fail;
  guint32  dict;      /* the nearest node along fail links that ends a name, or 0 */
  GArray  *outputs;   /* guint: indexes of the entities whose name ends here, or NULL */
} Node;

struct _GazetteLinker
{
  GPtrArray        *entities;   /* GazetteEntity */
  GazetteWordList  *words;
  GazetteTokenizer *tokenizer;
  GHashTable       *token_ids;  /* folded word → GUINT_TO_POINTER (id), ids from 1 */
  GHashTable       *edges;      /* guint64 (node << 32 | token id) → GUINT_TO_POINTER (node) */
  GArray           *nodes;      /* Node; node 0 is the root */
  guint             n_names;

  /* During gazette_linker_find(). */
  guint32           state;
  GArray           *found;      /* guint: entity indexes */
};

static guint
edge_hash (gconstpointer key)
{
  guint64 value = *(const guint64 *) key;

  value ^= value >> 33;
  value *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return (guint) (value ^ (value >> 33));
}

static guint32
linker_child (GazetteLinker *self,
              guint32        node,
              guint          token)
{
  guint64 key = ((guint64) node << 32) | token;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->edges, &key));
}

static guint32
linker_add_child (GazetteLinker *self,
                  guint32        node,
                  guint          token)
{
  guint64 *key = g_new (guint64, 1);
  Node child = { 0, 0, NULL };
  guint32 index = self->nodes->len;

  *key = ((guint64) node << 32) | token;
  g_array_append_val (self->nodes, child);
  g_hash_table_insert (self->edges, key, GUINT_TO_POINTER (index));

  return index;
}

typedef struct
{
  GazetteLinker *self;
  GArray        *ids;      /* guint */
  gboolean       intern;   /* add unknown words; else they get 0 */
  glong          n_chars;
} Collect;

static gboolean
collect_cb (const GazetteToken *token,
            gpointer            user_data)
{
  Collect *collect = user_data;
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (collect->self->token_ids, token->text));

  if (id == 0 && collect->intern)
    {
      id = g_hash_table_size (collect->self->token_ids) + 1;
      g_hash_table_insert (collect->self->token_ids, g_strdup (token->text), GUINT_TO_POINTER (id));
    }

  g_array_append_val (collect->ids, id);
  collect->n_chars += g_utf8_strlen (token->text, token->len);

  return TRUE;
}

static void
linker_add_name (GazetteLinker *self,
                 const char    *name,
                 guint          entity)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  Collect collect = { self, ids, TRUE, 0 };
  guint32 node = 0;
  Node *end;

  gazette_tokenizer_run (self->tokenizer, name, -1, GAZETTE_TOKENIZE_WORDS, collect_cb, &collect);
  if (ids->len == 0 || collect.n_chars < MIN_NAME_CHARS)
    return;

  for (guint i = 0; i < ids->len; i++)
    {
      guint token = g_array_index (ids, guint, i);
      guint32 child = linker_child (self, node, token);

      node = child != 0 ? child : linker_add_child (self, node, token);
    }

  end = &g_array_index (self->nodes, Node, node);
  if (end->outputs == NULL)
    end->outputs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < end->outputs->len; i++)
    if (g_array_index (end->outputs, guint, i) == entity)
      return;
  g_array_append_val (end->outputs, entity);
  self->n_names++;
}

static void
children_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* Breadth first, every node's fail link is the longest proper suffix of its path that is
 * also a path, as Aho and Corasick have it. */
static void
linker_link (GazetteLinker *self)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (children_free);
  GHashTableIter iter;
  gpointer key, value;

  /* Children by parent, to walk the trie breadth first. */
  g_ptr_array_set_size (children, self->nodes->len);
  g_hash_table_iter_init (&iter, self->edges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 parent = (guint32) (*(guint64 *) key >> 32);
      GArray *list = g_ptr_array_index (children, parent);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint64));
          g_ptr_array_index (children, parent) = list;
        }
      g_array_append_val (list, *(guint64 *) key);
    }

  {
    guint32 root = 0;
    g_array_append_val (queue, root);
  }

  for (guint q = 0; q < queue->len; q++)
    {
      guint32 parent = g_array_index (queue, guint32, q);
      GArray *list = g_ptr_array_index (children, parent);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          guint64 edge = g_array_index (list, guint64, i);
          guint token = (guint) (edge & G_MAXUINT32);
          guint32 child = linker_child (self, parent, token);
          guint32 fail = 0;
          Node *node;

          if (parent != 0)
            {
              guint32 f = g_array_index (self->nodes, Node, parent).fail;

              for (;;)
                {
                  guint32 next = linker_child (self, f, token);

                  if (next != 0)
                    {
                      fail = next;
                      break;
                    }
                  if (f == 0)
                    break;
                  f = g_array_index (self->nodes, Node, f).fail;
                }
            }

          node = &g_array_index (self->nodes, Node, child);
          node->fail = fail;
          node->dict = g_array_index (self->nodes, Node, fail).outputs != NULL
                         ? fail : g_array_index (self->nodes, Node, fail).dict;
          g_array_append_val (queue, child);
        }
    }
}

/**
 * gazette_linker_new:
 * @entities: (element-type GazetteEntity): the known entities, of every kind
 *
 * Returns: (transfer full): a linker for the names of @entities
 */
GazetteLinker *
gazette_linker_new (GPtrArray *entities)
{
  GazetteLinker *self = g_new0 (GazetteLinker, 1);
  Node root = { 0, 0, NULL };

  g_return_val_if_fail (entities != NULL, NULL);

  self->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  self->words = gazette_word_list_new ();
  self->token_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->edges = g_hash_table_new_full (edge_hash, g_int64_equal, g_free, NULL);
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->nodes, root);

  for (guint i = 0; i < entities->len; i++)
    {
      GazetteEntity *entity = g_ptr_array_index (entities, i);

      g_ptr_array_add (self->entities, gazette_entity_ref (entity));
      gazette_word_list_add_names (self->words, entity->name);
    }

  self->tokenizer = gazette_tokenizer_new (self->words);

  for (guint i = 0; i < self->entities->len; i++)
    {
      GazetteEntity *entity = g_ptr_array_index (self->entities, i);
      g_auto(GStrv) languages = gazette_localized_dup_languages (entity->name);

      for (guint j = 0; languages != NULL && languages[j] != NULL; j++)
        linker_add_name (self, gazette_localized_get_exact (entity->name, languages[j]), i);
    }

  linker_link (self);

  return self;
}

void
gazette_linker_free (GazetteLinker *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    g_clear_pointer (&g_array_index (self->nodes, Node, i).outputs, g_array_unref);
  g_array_unref (self->nodes);
  g_hash_table_unref (self->edges);
  g_hash_table_unref (self->token_ids);
  gazette_tokenizer_free (self->tokenizer);
  gazette_word_list_unref (self->words);
  g_ptr_array_unref (self->entities);
  g_array_unref (self->found);
  g_free (self);
}

guint
gazette_linker_get_n_names (GazetteLinker *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_names;
}

static gboolean
match_cb (const GazetteToken *token,
          gpointer            user_data)
{
  GazetteLinker *self = user_data;
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (self->token_ids, token->text));
  guint32 state = self->state;

  /* A word no name has sends the automaton back to the start. */
  if (id == 0)
    {
      self->state = 0;
      return TRUE;
    }

  for (;;)
    {
      guint32 next = linker_child (self, state, id);

      if (next != 0)
        {
          state = next;
          break;
        }
      if (state == 0)
        break;
      state = g_array_index (self->nodes, Node, state).fail;
    }
  self->state = state;

  for (guint32 node = state; node != 0; node = g_array_index (self->nodes, Node, node).dict)
    {
      GArray *outputs = g_array_index (self->nodes, Node, node).outputs;

      for (guint i = 0; outputs != NULL && i < outputs->len; i++)
        {
          guint entity = g_array_index (outputs, guint, i);
          gboolean seen = FALSE;

          for (guint j = 0; j < self->found->len && !seen; j++)
            seen = g_array_index (self->found, guint, j) == entity;
          if (!seen)
            g_array_append_val (self->found, entity);
        }
    }

  return TRUE;
}

/**
 * gazette_linker_find:
 * @self: a linker
 * @texts: (array length=n_texts): an announcement's texts (title, summary, body as plain
 *   text), any of them %NULL
 * @n_texts: how many
 *
 * Returns: (transfer container) (element-type GazetteEntity): each entity named in @texts,
 *   once, in the order first named
 */
GPtrArray *
gazette_linker_find (GazetteLinker      *self,
                     const char * const *texts,
                     guint               n_texts)
{
  GPtrArray *entities;

  g_return_val_if_fail (self != NULL, NULL);

  g_array_set_size (self->found, 0);
  for (guint i = 0; i < n_texts; i++)
    {
      if (texts[i] == NULL)
        continue;
      /* Names do not run from one text into the next. */
      self->state = 0;
      gazette_tokenizer_run (self->tokenizer, texts[i], -1, GAZETTE_TOKENIZE_WORDS, match_cb,
                             self);
    }

  entities = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  for (guint i = 0; i < self->found->len; i++)
    g_ptr_array_add (entities,
                     gazette_entity_ref (g_ptr_array_index (self->entities,
                                                            g_array_index (self->found, guint, i))));

  return entities;
}
