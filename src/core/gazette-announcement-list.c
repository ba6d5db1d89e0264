/* gazette-announcement-list.c
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

#define G_LOG_DOMAIN "gazette-announcement-list"

#include "config.h"

#include <string.h>

#include "gazette-announcement-list.h"

/* A list of a hundred thousand rows that never holds more than a few pages of them: the
 * store filters and orders, this model knows the count and fetches pages as the view asks,
 * forgetting the least recently used. A page costs one indexed query (about 0.1 ms), which
 * is why get_item() may run it on the spot. */
#define PAGE_SIZE 50
#define MAX_PAGES 24

typedef struct
{
  GPtrArray *items;
  guint64    last_used;
} Page;

struct _GazetteAnnouncementList
{
  GObject       parent_instance;

  GazetteStore *store;
  GazetteQuery  query;
  guint         n_items;
  GHashTable   *pages;      /* page number → Page */
  guint64       clock;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GazetteAnnouncementList, gazette_announcement_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

/**
 * gazette_query_copy_into:
 * @dest: an uninitialised or cleared query
 * @src: (nullable): the query to copy, %NULL for an empty one
 *
 * Deep-copies @src into @dest; free with gazette_query_clear().
 */
void
gazette_query_copy_into (GazetteQuery       *dest,
                         const GazetteQuery *src)
{
  g_return_if_fail (dest != NULL);

  if (src == NULL)
    {
      memset (dest, 0, sizeof *dest);
      return;
    }

  *dest = *src;
  dest->district_id = g_strdup (src->district_id);
  dest->official_id = g_strdup (src->official_id);
  dest->project_id = g_strdup (src->project_id);
  dest->organisation_id = g_strdup (src->organisation_id);
}

/**
 * gazette_query_clear:
 * @query: a query filled by gazette_query_copy_into()
 *
 * Frees what @query holds and empties it.
 */
void
gazette_query_clear (GazetteQuery *query)
{
  g_return_if_fail (query != NULL);

  g_free (query->district_id);
  g_free (query->official_id);
  g_free (query->project_id);
  g_free (query->organisation_id);
  memset (query, 0, sizeof *query);
}

static void
evict_oldest_page (GazetteAnnouncementList *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest_key = NULL;
  guint64 oldest = G_MAXUINT64;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;

      if (page->last_used < oldest)
        {
          oldest = page->last_used;
          oldest_key = key;
        }
    }

  g_hash_table_remove (self->pages, oldest_key);
}

static Page *
load_page (GazetteAnnouncementList *self,
           guint                    number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  Page *previous = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number - 1));
  Page *page;

  /* Scrolling down: the next page seeks from the last row of this one. A jump: the store
   * skips to the position. */
  if (number > 0 && previous != NULL && previous->items->len == PAGE_SIZE)
    {
      GazetteCursor cursor;

      gazette_cursor_init_after (&cursor, g_ptr_array_index (previous->items, PAGE_SIZE - 1));
      items = gazette_store_list_announcements (self->store, &self->query, &cursor, PAGE_SIZE,
                                                &error);
    }
  else
    {
      items = gazette_store_list_announcements_at (self->store, &self->query,
                                                   number * PAGE_SIZE, PAGE_SIZE, &error);
    }

  if (items == NULL)
    {
      g_warning ("Could not load announcements %u–%u: %s",
                 number * PAGE_SIZE, (number + 1) * PAGE_SIZE - 1, error->message);
      return NULL;
    }

  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    evict_oldest_page (self);

  page = g_new0 (Page, 1);
  page->items = g_steal_pointer (&items);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);

  return page;
}

static GType
gazette_announcement_list_get_item_type (GListModel *model)
{
  return GAZETTE_TYPE_ANNOUNCEMENT;
}

static guint
gazette_announcement_list_get_n_items (GListModel *model)
{
  return GAZETTE_ANNOUNCEMENT_LIST (model)->n_items;
}

static gpointer
gazette_announcement_list_get_item (GListModel *model,
                                    guint       position)
{
  GazetteAnnouncementList *self = GAZETTE_ANNOUNCEMENT_LIST (model);
  guint number = position / PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page == NULL)
    page = load_page (self, number);
  if (page == NULL)
    return NULL;

  page->last_used = ++self->clock;

  /* The store changed under us (a refresh is writing): short until the next reload. */
  if (position % PAGE_SIZE >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gazette_announcement_list_get_item_type;
  iface->get_n_items = gazette_announcement_list_get_n_items;
  iface->get_item = gazette_announcement_list_get_item;
}

static void
gazette_announcement_list_finalize (GObject *object)
{
  GazetteAnnouncementList *self = (GazetteAnnouncementList *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  gazette_query_clear (&self->query);

  G_OBJECT_CLASS (gazette_announcement_list_parent_class)->finalize (object);
}

static void
gazette_announcement_list_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GazetteAnnouncementList *self = GAZETTE_ANNOUNCEMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_announcement_list_class_init (GazetteAnnouncementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gazette_announcement_list_finalize;
  object_class->get_property = gazette_announcement_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gazette_announcement_list_init (GazetteAnnouncementList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->query.one_per_group = TRUE;
}

/**
 * gazette_announcement_list_new:
 * @store: the store to page from
 *
 * Creates an empty list; gazette_announcement_list_set_query() or
 * gazette_announcement_list_reload() fills it. Its query lists a translation group once
 * unless told otherwise.
 *
 * Returns: (transfer full): a new list
 */
GazetteAnnouncementList *
gazette_announcement_list_new (GazetteStore *store)
{
  GazetteAnnouncementList *self;

  g_return_val_if_fail (GAZETTE_IS_STORE (store), NULL);

  self = g_object_new (GAZETTE_TYPE_ANNOUNCEMENT_LIST, NULL);
  self->store = g_object_ref (store);

  return self;
}

/**
 * gazette_announcement_list_get_query:
 * @self: a #GazetteAnnouncementList
 *
 * Returns: (transfer none): what the list shows
 */
const GazetteQuery *
gazette_announcement_list_get_query (GazetteAnnouncementList *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT_LIST (self), NULL);

  return &self->query;
}

/**
 * gazette_announcement_list_set_query:
 * @self: a #GazetteAnnouncementList
 * @query: what to show
 *
 * Shows what @query selects, from the top.
 */
void
gazette_announcement_list_set_query (GazetteAnnouncementList *self,
                                     const GazetteQuery      *query)
{
  g_return_if_fail (GAZETTE_IS_ANNOUNCEMENT_LIST (self));
  g_return_if_fail (query != NULL);

  gazette_query_clear (&self->query);
  gazette_query_copy_into (&self->query, query);
  gazette_announcement_list_reload (self);
}

/**
 * gazette_announcement_list_reload:
 * @self: a #GazetteAnnouncementList
 *
 * Counts again and forgets every page, after the store changed. Emits one
 * #GListModel::items-changed for the whole list.
 */
void
gazette_announcement_list_reload (GazetteAnnouncementList *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items;
  guint n_items = 0;

  g_return_if_fail (GAZETTE_IS_ANNOUNCEMENT_LIST (self));

  if (!gazette_store_count_announcements (self->store, &self->query, &n_items, &error))
    g_warning ("Could not count announcements: %s", error->message);

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = n_items;

  if (old_n_items > 0 || n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * gazette_announcement_list_get_n_cached:
 * @self: a #GazetteAnnouncementList
 *
 * Returns: how many announcements the list holds in memory right now
 */
guint
gazette_announcement_list_get_n_cached (GazetteAnnouncementList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Page *) value)->items->len;

  return n;
}

/**
 * gazette_announcement_list_find:
 * @self: a #GazetteAnnouncementList
 * @id: an announcement's id
 * @position: (out): where it is
 *
 * Looks for @id among the pages in memory (the rows the view has shown): a list of a
 * hundred thousand is not searched from the top.
 *
 * Returns: %TRUE when found
 */
gboolean
gazette_announcement_list_find (GazetteAnnouncementList *self,
                                const char              *id,
                                guint                   *position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;

      for (guint i = 0; i < page->items->len; i++)
        {
          if (g_str_equal (gazette_announcement_get_id (g_ptr_array_index (page->items, i)), id))
            {
              *position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
              return TRUE;
            }
        }
    }

  return FALSE;
}
