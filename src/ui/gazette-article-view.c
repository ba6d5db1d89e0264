/* gazette-article-view.c
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

#define G_LOG_DOMAIN "gazette-article-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gazette-announcement.h"
#include "gazette-application.h"
#include "gazette-article-body.h"
#include "gazette-article-view.h"
#include "gazette-announcement-row.h"
#include "gazette-entity.h"
#include "gazette-figure-chart.h"
#include "gazette-figure.h"
#include "gazette-format.h"
#include "gazette-localized.h"
#include "gazette-quote.h"
#include "gazette-ui-util.h"

struct _GazetteArticleView
{
  GtkWidget            parent_instance;

  GtkScrolledWindow   *scroller;
  GtkLabel            *title_label;
  GtkLabel            *meta_label;
  GtkBox              *languages_box;
  GtkLinkButton       *original_button;
  GazetteArticleBody  *body;
  GtkWidget           *officials_section;
  GtkListBox          *officials_list;
  GtkWidget           *projects_section;
  GtkListBox          *projects_list;
  GtkWidget           *organisations_section;
  GtkLabel            *organisations_label;
  GtkWidget           *figures_section;
  GtkListBox          *figures_list;
  GazetteFigureChart  *chart;

  GazetteStore        *store;
  GazetteAnnouncement *announcement;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (GazetteArticleView, gazette_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOUNCEMENT,
  N_PROPS
};

enum {
  OPEN_PAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark page_quark;

static const char *
pick (GazetteLocalized   *text,
      const char * const *languages)
{
  return text != NULL ? gazette_localized_lookup (text, languages) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
page_row (const char *page)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_qdata_full (G_OBJECT (row), page_quark, g_strdup (page), g_free);

  return row;
}

static void
add_official (GazetteArticleView *self,
              GazetteEntity      *official,
              GPtrArray          *quotes,
              const char * const *languages)
{
  g_autofree char *page = g_strconcat ("official:", official->id, NULL);
  GtkWidget *row = page_row (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gazette_ui_wrapping_label (gazette_ui_entity_name (official, languages),
                                                "heading", FALSE);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < official->roles->len; i++)
    {
      const char *role = pick (g_ptr_array_index (official->roles, i), languages);

      if (role != NULL)
        gtk_box_append (GTK_BOX (box), gazette_ui_wrapping_label (role, "dim-label", TRUE));
    }

  for (guint i = 0; i < quotes->len; i++)
    {
      GazetteQuote *quote = g_ptr_array_index (quotes, i);
      g_autofree char *text = NULL;

      if (g_strcmp0 (quote->official_id, official->id) != 0)
        continue;

      /* Translators: a quotation; use your language's quotation marks */
      text = g_strdup_printf (_("“%s”"), quote->text);
      gtk_box_append (GTK_BOX (box), gazette_ui_wrapping_label (text, "quote-text", TRUE));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gazette_ui_entity_name (official, languages), -1);
  gtk_list_box_append (self->officials_list, row);
}

static void
add_project (GazetteArticleView *self,
             GazetteEntity      *project,
             const char * const *languages)
{
  g_autofree char *page = g_strconcat ("project:", project->id, NULL);
  GtkWidget *row = page_row (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gazette_ui_wrapping_label (gazette_ui_entity_name (project, languages),
                                                "heading", FALSE);
  const char *summary = pick (project->summary, languages);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (box), header);

  if (summary != NULL)
    gtk_box_append (GTK_BOX (box), gazette_ui_wrapping_label (summary, NULL, TRUE));

  if (project->sectors != NULL && project->sectors[0] != NULL)
    {
      g_autofree char *sectors = g_strjoinv (", ", project->sectors);
      /* Translators: %s is a list of sectors such as “computer-vision, machine-vision” */
      g_autofree char *text = g_strdup_printf (_("Sectors: %s"), sectors);

      gtk_box_append (GTK_BOX (box), gazette_ui_wrapping_label (text, "dim-label", TRUE));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gazette_ui_entity_name (project, languages), -1);
  gtk_list_box_append (self->projects_list, row);
}

static const char *
figure_kind (const char *kind)
{
  if (g_strcmp0 (kind, "target") == 0)
    return C_("figure kind", "Target");
  if (g_strcmp0 (kind, "result") == 0)
    return C_("figure kind", "Result");
  if (g_strcmp0 (kind, "investment") == 0)
    return C_("figure kind", "Investment");
  return NULL;
}

static char *
figure_subtitle (GazetteFigure *figure)
{
  const char *kind = figure_kind (figure->kind);
  g_autofree char *year = figure->year != 0 ? gazette_format_year (figure->year, NULL) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (kind != NULL && year != NULL)
    /* Translators: “Target for 2022”; %1$s is the kind, %2$s the year */
    g_string_append_printf (text, _("%1$s for %2$s"), kind, year);
  else if (kind != NULL || year != NULL)
    g_string_append (text, kind != NULL ? kind : year);

  if (figure->from_text)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("read from the text"));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* A chart compares like with like: the first unit shared by two or more figures. */
static void
fill_chart (GazetteArticleView *self,
            GPtrArray          *figures,
            const char * const *languages)
{
  const char *unit = NULL;

  gazette_figure_chart_clear (self->chart);

  for (guint i = 0; i < figures->len && unit == NULL; i++)
    for (guint j = i + 1; j < figures->len && unit == NULL; j++)
      {
        GazetteFigure *a = g_ptr_array_index (figures, i);
        GazetteFigure *b = g_ptr_array_index (figures, j);

        if (g_strcmp0 (a->unit, b->unit) == 0)
          unit = a->unit != NULL ? a->unit : "";
      }

  for (guint i = 0; unit != NULL && i < figures->len; i++)
    {
      GazetteFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = NULL;
      const char *label;

      if (g_strcmp0 (figure->unit != NULL ? figure->unit : "", unit) != 0)
        continue;

      label = pick (figure->label, languages);
      value = gazette_format_amount (figure->value, figure->unit, NULL);
      gazette_figure_chart_add_bar (self->chart,
                                    label != NULL ? label : figure->source_text,
                                    figure->value, value);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chart),
                          gazette_figure_chart_get_n_bars (self->chart) >= 2);
}

static void
add_figures (GazetteArticleView *self,
             GPtrArray          *figures,
             const char * const *languages)
{
  for (guint i = 0; i < figures->len; i++)
    {
      GazetteFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = gazette_format_amount (figure->value, figure->unit, NULL);
      g_autofree char *subtitle = figure_subtitle (figure);
      const char *label = pick (figure->label, languages);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value_label = gtk_label_new (value);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     label != NULL ? label
                                     : figure->source_text != NULL ? figure->source_text
                                     : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (value_label, "heading");
      gtk_widget_add_css_class (value_label, "numeric");
      gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);
      if (figure->source_text != NULL && label != NULL)
        gtk_widget_set_tooltip_text (row, figure->source_text);
      gtk_list_box_append (self->figures_list, row);
    }

  fill_chart (self, figures, languages);
}

static void
language_toggled_cb (GtkToggleButton    *button,
                     GazetteArticleView *self)
{
  const char *language = g_object_get_data (G_OBJECT (button), "language");
  const char *group;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!gtk_toggle_button_get_active (button) || self->announcement == NULL ||
      g_strcmp0 (language, gazette_announcement_get_language (self->announcement)) == 0)
    return;

  group = gazette_announcement_get_translation_group (self->announcement);
  id = gazette_store_find_translation (self->store, group, language, &error);
  if (id == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  gazette_article_view_show (self, id);
}

static void
fill_languages (GazetteArticleView *self)
{
  GStrv languages = gazette_announcement_get_languages (self->announcement);
  const char *shown_language = gazette_announcement_get_language (self->announcement);
  GtkToggleButton *group = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->languages_box))) != NULL)
    gtk_box_remove (self->languages_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->languages_box),
                          languages != NULL && g_strv_length (languages) > 1);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char *name = gazette_language_short_name (languages[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (name);
      g_autofree char *tooltip = NULL;

      /* Translators: %s is a language tag such as “th” or “zh-Hans” */
      tooltip = g_strdup_printf (_("Read in %s"), languages[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "language", g_strdup (languages[i]), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    g_strcmp0 (languages[i], shown_language) == 0);
      g_signal_connect_object (button, "toggled", G_CALLBACK (language_toggled_cb), self, 0);
      gtk_box_append (self->languages_box, button);
    }
}

static void
fill (GazetteArticleView *self)
{
  GazetteAnnouncement *announcement = self->announcement;
  g_auto(GStrv) languages = gazette_ui_dup_content_languages ();
  const char * const *langs = (const char * const *) languages;
  GazetteEntity *district = gazette_announcement_get_district (announcement);
  GPtrArray *officials = gazette_announcement_get_officials (announcement);
  GPtrArray *projects = gazette_announcement_get_projects (announcement);
  GPtrArray *organisations = gazette_announcement_get_organisations (announcement);
  GPtrArray *figures = gazette_announcement_get_figures (announcement);
  g_autoptr(GString) meta = g_string_new (NULL);
  GDateTime *published = gazette_announcement_get_published (announcement);

  gtk_label_set_label (self->title_label, gazette_announcement_get_title (announcement));

  if (district != NULL)
    {
      g_autofree char *name = g_markup_escape_text (gazette_ui_entity_name (district, langs), -1);
      g_autofree char *href = g_markup_escape_text (district->id, -1);

      g_string_append_printf (meta, "<a href=\"gazette:district:%s\">%s</a>", href, name);
    }
  if (published != NULL)
    {
      g_autofree char *date = gazette_format_date (published, NULL);
      g_autofree char *escaped = g_markup_escape_text (date, -1);

      g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", escaped);
    }
  if (gazette_announcement_get_feed_title (announcement) != NULL)
    {
      const char *source = gazette_announcement_get_feed_title (announcement);
      g_autofree char *escaped = g_markup_escape_text (source, -1);

      g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", escaped);
    }
  gtk_label_set_markup (self->meta_label, meta->str);

  gtk_widget_set_visible (GTK_WIDGET (self->original_button),
                          gazette_announcement_get_url (announcement) != NULL);
  if (gazette_announcement_get_url (announcement) != NULL)
    gtk_link_button_set_uri (self->original_button, gazette_announcement_get_url (announcement));

  fill_languages (self);

  gazette_article_body_set_content (self->body,
                                    gazette_announcement_get_content_html (announcement),
                                    gazette_announcement_get_content_text (announcement) != NULL
                                    ? gazette_announcement_get_content_text (announcement)
                                    : gazette_announcement_get_summary (announcement));

  clear_list (self->officials_list);
  for (guint i = 0; officials != NULL && i < officials->len; i++)
    add_official (self, g_ptr_array_index (officials, i),
                  gazette_announcement_get_quotes (announcement), langs);
  gtk_widget_set_visible (self->officials_section, officials != NULL && officials->len > 0);

  clear_list (self->projects_list);
  for (guint i = 0; projects != NULL && i < projects->len; i++)
    add_project (self, g_ptr_array_index (projects, i), langs);
  gtk_widget_set_visible (self->projects_section, projects != NULL && projects->len > 0);

  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; organisations != NULL && i < organisations->len; i++)
      {
        if (i > 0)
          /* Translators: separates the names of organisations in a list */
          g_string_append (names, _(", "));
        g_string_append (names,
                         gazette_ui_entity_name (g_ptr_array_index (organisations, i), langs));
      }
    gtk_label_set_label (self->organisations_label, names->str);
    gtk_widget_set_visible (self->organisations_section, names->len > 0);
  }

  clear_list (self->figures_list);
  if (figures != NULL)
    add_figures (self, figures, langs);
  gtk_widget_set_visible (self->figures_section, figures != NULL && figures->len > 0);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GazetteStore *store = source_object;
  GError *error = NULL;
  GazetteAnnouncement *announcement = gazette_store_get_announcement (store, task_data, &error);

  if (announcement == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, announcement, g_object_unref);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GazetteArticleView) self = user_data;
  g_autoptr(GazetteAnnouncement) announcement = NULL;
  g_autoptr(GError) error = NULL;

  announcement = g_task_propagate_pointer (G_TASK (result), &error);
  if (announcement == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not open the announcement: %s", error->message);
      return;
    }

  g_set_object (&self->announcement, announcement);
  fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOUNCEMENT]);
}

static gboolean
meta_link_cb (GazetteArticleView *self,
              const char         *uri,
              GtkLabel           *label)
{
  if (g_str_has_prefix (uri, "gazette:"))
    g_signal_emit (self, signals[OPEN_PAGE], 0, uri + strlen ("gazette:"));

  return TRUE;
}

static void
row_activated_cb (GazetteArticleView *self,
                  GtkListBoxRow      *row)
{
  const char *page = g_object_get_qdata (G_OBJECT (row), page_quark);

  if (page != NULL)
    g_signal_emit (self, signals[OPEN_PAGE], 0, page);
}

static void
gazette_article_view_dispose (GObject *object)
{
  GazetteArticleView *self = (GazetteArticleView *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_ARTICLE_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->announcement);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gazette_article_view_parent_class)->dispose (object);
}

static void
gazette_article_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GazetteArticleView *self = GAZETTE_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANNOUNCEMENT:
      g_value_set_object (value, self->announcement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_article_view_class_init (GazetteArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_article_view_dispose;
  object_class->get_property = gazette_article_view_get_property;

  /**
   * GazetteArticleView:announcement:
   *
   * The announcement shown, with its body, links, quotes and figures; %NULL while the first
   * one loads.
   */
  properties[PROP_ANNOUNCEMENT] =
    g_param_spec_object ("announcement", NULL, NULL, GAZETTE_TYPE_ANNOUNCEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GazetteArticleView::open-page:
   * @page: `official:ID`, `project:ID` or `district:ID`
   *
   * The reader followed a link to an entity's page.
   */
  signals[OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GAZETTE_TYPE_ARTICLE_BODY);
  g_type_ensure (GAZETTE_TYPE_FIGURE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/"
                                               "gazette-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, languages_box);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, original_button);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, body);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, officials_section);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, officials_list);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, projects_section);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, projects_list);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView,
                                        organisations_section);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, organisations_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, figures_section);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, figures_list);
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleView, chart);
  gtk_widget_class_bind_template_callback (widget_class, meta_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  page_quark = g_quark_from_static_string ("gazette-page");
}

static void
gazette_article_view_init (GazetteArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Images come from the store, kept there by the sync: nothing is fetched to display. */
static GFile *
resolve_image (const char *url,
               gpointer    user_data)
{
  GazetteStore *store = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = gazette_store_lookup_image (store, url, &error);

  if (error != NULL)
    g_debug ("Could not look up the image %s: %s", url, error->message);

  return file;
}

void
gazette_article_view_set_store (GazetteArticleView *self,
                                GazetteStore       *store)
{
  g_return_if_fail (GAZETTE_IS_ARTICLE_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL)
    gazette_article_body_set_image_resolver (self->body, resolve_image, g_object_ref (store),
                                             g_object_unref);
}

/**
 * gazette_article_view_show:
 * @self: a #GazetteArticleView
 * @id: an announcement's id
 *
 * Loads the announcement in a thread and shows it; a newer call wins over one still loading.
 */
void
gazette_article_view_show (GazetteArticleView *self,
                           const char         *id)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GAZETTE_IS_ARTICLE_VIEW (self));
  g_return_if_fail (id != NULL);

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self->store, self->cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, gazette_article_view_show);
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_worker);
}

GazetteAnnouncement *
gazette_article_view_get_announcement (GazetteArticleView *self)
{
  g_return_val_if_fail (GAZETTE_IS_ARTICLE_VIEW (self), NULL);

  return self->announcement;
}

/* For tests: a section of the article (“officials”, “projects”, “organisations”,
 * “figures”). */
GtkWidget *
_gazette_article_view_get_section (GazetteArticleView *self,
                                   const char         *name)
{
  g_return_val_if_fail (GAZETTE_IS_ARTICLE_VIEW (self), NULL);

  if (g_str_equal (name, "officials"))
    return GTK_WIDGET (self->officials_list);
  if (g_str_equal (name, "projects"))
    return GTK_WIDGET (self->projects_list);
  if (g_str_equal (name, "organisations"))
    return GTK_WIDGET (self->organisations_label);
  if (g_str_equal (name, "figures"))
    return GTK_WIDGET (self->figures_list);
  if (g_str_equal (name, "chart"))
    return GTK_WIDGET (self->chart);

  return NULL;
}
