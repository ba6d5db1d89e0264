/* gazette-announcement.c
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

#define G_LOG_DOMAIN "gazette-announcement"

#include "config.h"

#include "gazette-announcement-private.h"

G_DEFINE_FINAL_TYPE (GazetteAnnouncement, gazette_announcement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROW_ID,
  PROP_FEED_ID,
  PROP_FEED_TITLE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_LANGUAGE,
  PROP_URL,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_UPDATED,
  PROP_TRANSLATION_GROUP,
  PROP_READ,
  PROP_STARRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gazette_announcement_finalize (GObject *object)
{
  GazetteAnnouncement *self = (GazetteAnnouncement *) object;

  g_clear_pointer (&self->feed_title, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->content_html, g_free);
  g_clear_pointer (&self->content_text, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->image_url, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->translation_group, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->district, gazette_entity_unref);
  g_clear_pointer (&self->officials, g_ptr_array_unref);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->found_links, g_hash_table_unref);

  G_OBJECT_CLASS (gazette_announcement_parent_class)->finalize (object);
}

static void
gazette_announcement_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GazetteAnnouncement *self = GAZETTE_ANNOUNCEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;

    case PROP_FEED_ID:
      g_value_set_int64 (value, self->feed_id);
      break;

    case PROP_FEED_TITLE:
      g_value_set_string (value, self->feed_title);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_TRANSLATION_GROUP:
      g_value_set_string (value, self->translation_group);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_announcement_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GazetteAnnouncement *self = GAZETTE_ANNOUNCEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_READ:
      gazette_announcement_set_read (self, g_value_get_boolean (value));
      break;

    case PROP_STARRED:
      gazette_announcement_set_starred (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_announcement_class_init (GazetteAnnouncementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gazette_announcement_finalize;
  object_class->get_property = gazette_announcement_get_property;
  object_class->set_property = gazette_announcement_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FEED_ID] =
    g_param_spec_int64 ("feed-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FEED_TITLE] =
    g_param_spec_string ("feed-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRANSLATION_GROUP] =
    g_param_spec_string ("translation-group", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gazette_announcement_init (GazetteAnnouncement *self)
{
  self->officials = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  self->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_quote_unref);
  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_figure_unref);
}

/**
 * gazette_announcement_new:
 * @id: (nullable): the publisher's id for the announcement
 *
 * Creates an empty announcement; parsers and the store fill in the rest.
 *
 * Returns: (transfer full): a new #GazetteAnnouncement
 */
GazetteAnnouncement *
gazette_announcement_new (const char *id)
{
  return g_object_new (GAZETTE_TYPE_ANNOUNCEMENT,
                       "id", id,
                       NULL);
}

/**
 * gazette_announcement_get_id:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the publisher's id, unique within its feed
 */
const char *
gazette_announcement_get_id (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->id;
}

/**
 * gazette_announcement_get_row_id:
 * @self: a #GazetteAnnouncement
 *
 * Returns: the store's id for the announcement, or 0 when it is not stored
 */
gint64
gazette_announcement_get_row_id (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), 0);

  return self->row_id;
}

/**
 * gazette_announcement_get_feed_id:
 * @self: a #GazetteAnnouncement
 *
 * Returns: the store's id of the feed, or 0 when it is not stored
 */
gint64
gazette_announcement_get_feed_id (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), 0);

  return self->feed_id;
}

/**
 * gazette_announcement_get_feed_title:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the title of the feed, when a store query filled it in
 */
const char *
gazette_announcement_get_feed_title (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->feed_title;
}

/**
 * gazette_announcement_get_language:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the BCP 47 tag of the announcement's language
 */
const char *
gazette_announcement_get_language (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->language;
}

/**
 * gazette_announcement_get_title:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the title
 */
const char *
gazette_announcement_get_title (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->title;
}

/**
 * gazette_announcement_get_summary:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the summary
 */
const char *
gazette_announcement_get_summary (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->summary;
}

/**
 * gazette_announcement_get_content_html:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the body as published, in HTML
 */
const char *
gazette_announcement_get_content_html (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->content_html;
}

/**
 * gazette_announcement_get_content_text:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the body as plain text
 */
const char *
gazette_announcement_get_content_text (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->content_text;
}

/**
 * gazette_announcement_get_url:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the address of the announcement on the web
 */
const char *
gazette_announcement_get_url (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->url;
}

/**
 * gazette_announcement_get_image_url:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the address of the main image
 */
const char *
gazette_announcement_get_image_url (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->image_url;
}

/**
 * gazette_announcement_get_author:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the author's name
 */
const char *
gazette_announcement_get_author (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->author;
}

/**
 * gazette_announcement_get_published:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable) (transfer none): when the announcement was published; never %NULL
 *   once parsed
 */
GDateTime *
gazette_announcement_get_published (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->published;
}

/**
 * gazette_announcement_get_updated:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable) (transfer none): when the announcement was last changed
 */
GDateTime *
gazette_announcement_get_updated (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->updated;
}

/**
 * gazette_announcement_get_translation_group:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable): the id shared by the translations of this announcement
 */
const char *
gazette_announcement_get_translation_group (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->translation_group;
}

/**
 * gazette_announcement_get_tags:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable) (transfer none): the publisher's tags
 */
GStrv
gazette_announcement_get_tags (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->tags;
}

/**
 * gazette_announcement_get_languages:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable) (transfer none): the languages of the announcement's translation
 *   group, when a store query filled them in
 */
GStrv
gazette_announcement_get_languages (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->languages;
}

/**
 * gazette_announcement_get_district:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (nullable) (transfer none): the district the announcement is about
 */
GazetteEntity *
gazette_announcement_get_district (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->district;
}

/**
 * gazette_announcement_get_officials:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (transfer none) (element-type GazetteEntity): the officials mentioned
 */
GPtrArray *
gazette_announcement_get_officials (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->officials;
}

/**
 * gazette_announcement_get_projects:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (transfer none) (element-type GazetteEntity): the projects mentioned
 */
GPtrArray *
gazette_announcement_get_projects (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->projects;
}

/**
 * gazette_announcement_get_organisations:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (transfer none) (element-type GazetteEntity): the organisations mentioned
 */
GPtrArray *
gazette_announcement_get_organisations (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->organisations;
}

/**
 * gazette_announcement_get_quotes:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (transfer none) (element-type GazetteQuote): what officials said
 */
GPtrArray *
gazette_announcement_get_quotes (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->quotes;
}

/**
 * gazette_announcement_get_figures:
 * @self: a #GazetteAnnouncement
 *
 * Returns: (transfer none) (element-type GazetteFigure): the numbers announced
 */
GPtrArray *
gazette_announcement_get_figures (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), NULL);

  return self->figures;
}

/**
 * gazette_announcement_get_read:
 * @self: a #GazetteAnnouncement
 *
 * Returns: %TRUE when the user has read the announcement
 */
gboolean
gazette_announcement_get_read (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), FALSE);

  return self->read;
}

/**
 * gazette_announcement_set_read:
 * @self: a #GazetteAnnouncement
 * @read: whether the user has read the announcement
 *
 * Changes the in-memory flag only; the store keeps the persistent one.
 */
void
gazette_announcement_set_read (GazetteAnnouncement *self,
                               gboolean             read)
{
  g_return_if_fail (GAZETTE_IS_ANNOUNCEMENT (self));

  read = !!read;
  if (self->read == (guint) read)
    return;

  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

/**
 * gazette_announcement_get_starred:
 * @self: a #GazetteAnnouncement
 *
 * Returns: %TRUE when the user has starred the announcement
 */
gboolean
gazette_announcement_get_starred (GazetteAnnouncement *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), FALSE);

  return self->starred;
}

/**
 * gazette_announcement_set_starred:
 * @self: a #GazetteAnnouncement
 * @starred: whether the user has starred the announcement
 *
 * Changes the in-memory flag only; the store keeps the persistent one.
 */
void
gazette_announcement_set_starred (GazetteAnnouncement *self,
                                  gboolean             starred)
{
  g_return_if_fail (GAZETTE_IS_ANNOUNCEMENT (self));

  starred = !!starred;
  if (self->starred == (guint) starred)
    return;

  self->starred = starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

/**
 * gazette_announcement_link_is_found:
 * @self: an announcement from gazette_store_get_announcement()
 * @entity: one of its officials, projects or organisations
 *
 * Tells a link the linker found, by the entity's name in the text, from one the publisher
 * declared: the article marks the former as found in the text.
 *
 * Returns: %TRUE when @entity was found in the text and not declared
 */
gboolean
gazette_announcement_link_is_found (GazetteAnnouncement *self,
                                    GazetteEntity       *entity)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  if (self->found_links == NULL || entity->id == NULL)
    return FALSE;

  key = g_strdup_printf ("%d:%s", (int) entity->kind, entity->id);
  return g_hash_table_contains (self->found_links, key);
}
