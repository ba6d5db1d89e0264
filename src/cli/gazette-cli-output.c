/* gazette-cli-output.c
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

#define G_LOG_DOMAIN "gazette-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gazette-cli-output.h"
#include "gazette-format.h"
#include "gazette-html.h"

struct _GazetteTable
{
  guint      n_columns;
  GPtrArray *cells;   /* n_columns strings per row */
};

GazetteTable *
gazette_table_new (guint n_columns)
{
  GazetteTable *self = g_new0 (GazetteTable, 1);

  self->n_columns = n_columns;
  self->cells = g_ptr_array_new_with_free_func (g_free);

  return self;
}

/* The cells of one row, n_columns of them; NULL stands for an empty cell. Takes the
 * strings by copy. */
void
gazette_table_add_row (GazetteTable *self,
                       ...)
{
  va_list args;

  va_start (args, self);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);
      g_ptr_array_add (self->cells, g_strdup (cell != NULL ? cell : ""));
    }
  va_end (args);
}

guint
gazette_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c) || g_unichar_ismark (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

void
gazette_table_print (GazetteTable *self)
{
  g_autofree guint *widths = g_new0 (guint, self->n_columns);
  guint n_rows = self->cells->len / self->n_columns;
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < self->cells->len; i++)
    widths[i % self->n_columns] = MAX (widths[i % self->n_columns],
                                       gazette_text_width (g_ptr_array_index (self->cells, i)));

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_truncate (line, 0);
      for (guint col = 0; col < self->n_columns; col++)
        {
          const char *cell = g_ptr_array_index (self->cells, row * self->n_columns + col);

          g_string_append (line, cell);
          if (col + 1 < self->n_columns)
            {
              for (guint pad = gazette_text_width (cell); pad < widths[col] + 2; pad++)
                g_string_append_c (line, ' ');
            }
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

void
gazette_table_free (GazetteTable *self)
{
  g_ptr_array_unref (self->cells);
  g_free (self);
}

/* Readable output follows the locale, as the window does (gazette-format.h); --json keeps
 * ISO 8601. A missing date is an empty cell. */
char *
gazette_cli_format_date (GDateTime *date)
{
  return date != NULL ? gazette_format_date (date, NULL) : g_strdup ("");
}

char *
gazette_cli_format_date_time (GDateTime *date)
{
  return date != NULL ? gazette_format_date_time (date, NULL) : g_strdup ("");
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          GDateTime   *date)
{
  g_autofree char *text = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

  add_string (builder, member, text);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
gazette_json_add_localized (JsonBuilder      *builder,
                            const char       *member,
                            GazetteLocalized *localized)
{
  g_auto(GStrv) languages = NULL;

  if (member != NULL)
    json_builder_set_member_name (builder, member);

  if (localized == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  languages = gazette_localized_dup_languages (localized);
  json_builder_begin_object (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    add_string (builder, languages[i], gazette_localized_get_exact (localized, languages[i]));
  json_builder_end_object (builder);
}

/* n_announcements: how many announcements name the entity, or -1 to leave it out. */
void
gazette_json_add_entity (JsonBuilder   *builder,
                         GazetteEntity *entity,
                         int            n_announcements)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", entity->id);
  add_string (builder, "kind", gazette_entity_kind_to_string (entity->kind));
  gazette_json_add_localized (builder, "name", entity->name);

  switch (entity->kind)
    {
    case GAZETTE_ENTITY_DISTRICT:
      add_string (builder, "parent", entity->parent_id);
      break;

    case GAZETTE_ENTITY_OFFICIAL:
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entity->roles->len; i++)
        gazette_json_add_localized (builder, NULL, g_ptr_array_index (entity->roles, i));
      json_builder_end_array (builder);
      break;

    case GAZETTE_ENTITY_PROJECT:
      gazette_json_add_localized (builder, "summary", entity->summary);
      add_strv (builder, "sectors", (const char * const *) entity->sectors);
      add_string (builder, "status", entity->status);
      break;

    case GAZETTE_ENTITY_ORGANISATION:
      add_string (builder, "url", entity->url);
      break;

    default:
      g_assert_not_reached ();
    }

  if (n_announcements >= 0)
    {
      json_builder_set_member_name (builder, "announcements");
      json_builder_add_int_value (builder, n_announcements);
    }

  json_builder_end_object (builder);
}

static void
add_entities (JsonBuilder *builder,
              const char  *member,
              GPtrArray   *entities)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    gazette_json_add_entity (builder, g_ptr_array_index (entities, i), -1);
  json_builder_end_array (builder);
}

void
gazette_json_add_announcement (JsonBuilder         *builder,
                               GazetteAnnouncement *announcement,
                               gboolean             full)
{
  GazetteEntity *district = gazette_announcement_get_district (announcement);

  json_builder_begin_object (builder);
  add_string (builder, "id", gazette_announcement_get_id (announcement));
  json_builder_set_member_name (builder, "feed_id");
  json_builder_add_int_value (builder, gazette_announcement_get_feed_id (announcement));
  add_string (builder, "feed_title", gazette_announcement_get_feed_title (announcement));
  add_string (builder, "language", gazette_announcement_get_language (announcement));
  add_string (builder, "title", gazette_announcement_get_title (announcement));
  add_string (builder, "summary", gazette_announcement_get_summary (announcement));
  add_string (builder, "url", gazette_announcement_get_url (announcement));
  add_date (builder, "published", gazette_announcement_get_published (announcement));
  add_date (builder, "updated", gazette_announcement_get_updated (announcement));
  add_string (builder, "translation_group",
              gazette_announcement_get_translation_group (announcement));
  json_builder_set_member_name (builder, "district");
  if (district != NULL)
    gazette_json_add_entity (builder, district, -1);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "read");
  json_builder_add_boolean_value (builder, gazette_announcement_get_read (announcement));
  json_builder_set_member_name (builder, "starred");
  json_builder_add_boolean_value (builder, gazette_announcement_get_starred (announcement));

  if (full)
    {
      GPtrArray *quotes = gazette_announcement_get_quotes (announcement);
      GPtrArray *figures = gazette_announcement_get_figures (announcement);

      add_string (builder, "author", gazette_announcement_get_author (announcement));
      add_string (builder, "image", gazette_announcement_get_image_url (announcement));
      add_strv (builder, "tags",
                (const char * const *) gazette_announcement_get_tags (announcement));
      add_strv (builder, "languages",
                (const char * const *) gazette_announcement_get_languages (announcement));
      add_string (builder, "content_html", gazette_announcement_get_content_html (announcement));
      add_string (builder, "content_text", gazette_announcement_get_content_text (announcement));
      add_entities (builder, "officials", gazette_announcement_get_officials (announcement));

      json_builder_set_member_name (builder, "quotes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < quotes->len; i++)
        {
          GazetteQuote *quote = g_ptr_array_index (quotes, i);

          json_builder_begin_object (builder);
          add_string (builder, "official", quote->official_id);
          add_string (builder, "text", quote->text);
          add_string (builder, "language", quote->language);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      add_entities (builder, "projects", gazette_announcement_get_projects (announcement));
      add_entities (builder, "organisations",
                    gazette_announcement_get_organisations (announcement));

      json_builder_set_member_name (builder, "figures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < figures->len; i++)
        {
          GazetteFigure *figure = g_ptr_array_index (figures, i);

          json_builder_begin_object (builder);
          gazette_json_add_localized (builder, "label", figure->label);
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, figure->value);
          add_string (builder, "unit", figure->unit);
          json_builder_set_member_name (builder, "year");
          if (figure->year != 0)
            json_builder_add_int_value (builder, figure->year);
          else
            json_builder_add_null_value (builder);
          add_string (builder, "kind", figure->kind);
          add_string (builder, "source_text", figure->source_text);
          json_builder_set_member_name (builder, "from_text");
          json_builder_add_boolean_value (builder, figure->from_text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

void
gazette_json_add_feed (JsonBuilder *builder,
                       GazetteFeed *feed)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, gazette_feed_get_id (feed));
  add_string (builder, "url", gazette_feed_get_url (feed));
  add_string (builder, "title", gazette_feed_get_title (feed));
  add_string (builder, "home_page_url", gazette_feed_get_home_page_url (feed));
  add_string (builder, "language", gazette_feed_get_language (feed));
  json_builder_set_member_name (builder, "announcements");
  json_builder_add_int_value (builder, gazette_feed_get_n_announcements (feed));
  json_builder_set_member_name (builder, "unread");
  json_builder_add_int_value (builder, gazette_feed_get_n_unread (feed));
  add_date (builder, "last_checked", gazette_feed_get_last_checked (feed));
  add_date (builder, "last_success", gazette_feed_get_last_success (feed));
  add_string (builder, "last_error", gazette_feed_get_last_error (feed));
  add_date (builder, "last_error_time", gazette_feed_get_last_error_time (feed));
  add_date (builder, "retry_after", gazette_feed_get_retry_after (feed));
  json_builder_set_member_name (builder, "gone");
  json_builder_add_boolean_value (builder, gazette_feed_get_gone (feed));
  add_string (builder, "folder", gazette_feed_get_folder (feed));
  add_string (builder, "warning", gazette_feed_get_warning (feed));
  json_builder_end_object (builder);
}

void
gazette_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}
