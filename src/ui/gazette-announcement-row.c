/* gazette-announcement-row.c
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

#define G_LOG_DOMAIN "gazette-announcement-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gazette-announcement-row.h"
#include "gazette-application.h"
#include "gazette-entity.h"
#include "gazette-format.h"
#include "gazette-localized.h"
#include "gazette-search-hit.h"
#include "gazette-ui-util.h"
#include "gazette-window-private.h"

struct _GazetteAnnouncementRow
{
  GtkWidget            parent_instance;

  GazetteAnnouncement *item;
  GSignalGroup        *item_signals;

  GtkWidget           *unread_dot;
  GtkLabel            *title_label;
  GtkWidget           *star_image;
  GtkLabel            *meta_label;
  GtkLabel            *snippet_label;
  GtkLabel            *date_label;
  GtkBox              *languages_box;
};

G_DEFINE_FINAL_TYPE (GazetteAnnouncementRow, gazette_announcement_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * gazette_language_short_name:
 * @tag: a language tag
 *
 * The badge a list shows for a language: its own short name, so that a reader finds their
 * language whatever the interface's.
 *
 * Returns: (transfer none): a short name
 */
const char *
gazette_language_short_name (const char *tag)
{
  if (tag == NULL || tag[0] == '\0')
    return "?";
  if (gazette_language_matches (tag, "th"))
    return "ไทย";
  if (gazette_language_matches (tag, "zh-Hans"))
    return "简体";
  if (gazette_language_matches (tag, "zh-Hant"))
    return "繁體";
  if (gazette_language_matches (tag, "en"))
    return "EN";

  return tag;
}

/* Pango markup of @text with @matches (byte ranges, in order) highlighted. */
static char *
highlight (const char   *text,
           const GArray *matches)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gsize length = strlen (text);
  gsize at = 0;

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const GazetteSpan *span = &g_array_index (matches, GazetteSpan, i);
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (span->start < at || span->end > length || span->start >= span->end)
        continue;

      before = g_markup_escape_text (text + at, span->start - at);
      match = g_markup_escape_text (text + span->start, span->end - span->start);
      g_string_append_printf (markup, "%s<span bgcolor=\"#f6d32d\" bgalpha=\"45%%\">%s</span>",
                              before, match);
      at = span->end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
update_state (GazetteAnnouncementRow *self)
{
  gboolean read = self->item != NULL && gazette_announcement_get_read (self->item);

  gtk_widget_set_visible (self->unread_dot, self->item != NULL && !read);
  gtk_widget_set_visible (self->star_image,
                          self->item != NULL && gazette_announcement_get_starred (self->item));
  if (read)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
}

static void
update (GazetteAnnouncementRow *self)
{
  GtkWidget *child;
  GazetteEntity *district;
  GDateTime *published;
  g_autoptr(GString) meta = NULL;
  g_auto(GStrv) languages = NULL;
  GStrv tags;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->languages_box))) != NULL)
    gtk_box_remove (self->languages_box, child);

  update_state (self);

  if (self->item == NULL)
    {
      gtk_label_set_label (self->title_label, NULL);
      gtk_label_set_label (self->meta_label, NULL);
      gtk_label_set_label (self->date_label, NULL);
      return;
    }

  {
    GazetteSearchHit *hit = g_object_get_data (G_OBJECT (self->item), GAZETTE_SEARCH_HIT_KEY);
    const char *title = gazette_announcement_get_title (self->item);

    /* A search result shows where it matched. */
    if (hit != NULL && title != NULL)
      {
        g_autofree char *markup = highlight (title, gazette_search_hit_get_title_matches (hit));

        gtk_label_set_markup (self->title_label, markup);
      }
    else
      {
        gtk_label_set_text (self->title_label, title);
      }

    if (hit != NULL && gazette_search_hit_get_snippet (hit) != NULL)
      {
        g_autofree char *markup = highlight (gazette_search_hit_get_snippet (hit),
                                             gazette_search_hit_get_snippet_matches (hit));

        gtk_label_set_markup (self->snippet_label, markup);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->snippet_label),
                            hit != NULL && gazette_search_hit_get_snippet (hit) != NULL);
  }

  languages = gazette_ui_dup_content_languages ();
  meta = g_string_new (NULL);
  district = gazette_announcement_get_district (self->item);
  if (district != NULL)
    {
      const char *name = gazette_localized_lookup (district->name,
                                                   (const char * const *) languages);
      g_string_append (meta, name != NULL ? name : district->id);
    }
  if (gazette_announcement_get_feed_title (self->item) != NULL)
    {
      if (meta->len > 0)
        /* Translators: separates the district and the source in a list row */
        g_string_append (meta, _(" · "));
      g_string_append (meta, gazette_announcement_get_feed_title (self->item));
    }
  gtk_label_set_label (self->meta_label, meta->str);

  published = gazette_announcement_get_published (self->item);
  if (published != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *relative = gazette_format_relative_date (published, now, NULL);
      g_autofree char *full = gazette_format_date_time (published, NULL);

      gtk_label_set_label (self->date_label, relative);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_label), full);
    }

  tags = gazette_announcement_get_languages (self->item);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *badge = gtk_label_new (gazette_language_short_name (tags[i]));

      gtk_widget_add_css_class (badge, "language-badge");
      gtk_widget_set_tooltip_text (badge, tags[i]);
      gtk_box_append (self->languages_box, badge);
    }
}

static void
gazette_announcement_row_dispose (GObject *object)
{
  GazetteAnnouncementRow *self = (GazetteAnnouncementRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_ANNOUNCEMENT_ROW);
  /* The template's root is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gazette_announcement_row_parent_class)->dispose (object);
}

static void
gazette_announcement_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GazetteAnnouncementRow *self = GAZETTE_ANNOUNCEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_announcement_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GazetteAnnouncementRow *self = GAZETTE_ANNOUNCEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gazette_announcement_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_announcement_row_class_init (GazetteAnnouncementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_announcement_row_dispose;
  object_class->get_property = gazette_announcement_row_get_property;
  object_class->set_property = gazette_announcement_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GAZETTE_TYPE_ANNOUNCEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/"
                                               "gazette-announcement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, star_image);
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteAnnouncementRow, languages_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gazette_announcement_row_init (GazetteAnnouncementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Read and starred change while the row shows the item. */
  self->item_signals = g_signal_group_new (GAZETTE_TYPE_ANNOUNCEMENT);
  g_signal_group_connect_swapped (self->item_signals, "notify::read",
                                  G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (self->item_signals, "notify::starred",
                                  G_CALLBACK (update_state), self);
}

GazetteAnnouncement *
gazette_announcement_row_get_item (GazetteAnnouncementRow *self)
{
  g_return_val_if_fail (GAZETTE_IS_ANNOUNCEMENT_ROW (self), NULL);

  return self->item;
}

void
gazette_announcement_row_set_item (GazetteAnnouncementRow *self,
                                   GazetteAnnouncement    *item)
{
  g_return_if_fail (GAZETTE_IS_ANNOUNCEMENT_ROW (self));
  g_return_if_fail (item == NULL || GAZETTE_IS_ANNOUNCEMENT (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
