/* gazette-entity-page.c
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

#define G_LOG_DOMAIN "gazette-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-announcement.h"
#include "gazette-application.h"
#include "gazette-entity-page.h"
#include "gazette-entity.h"
#include "gazette-format.h"
#include "gazette-localized.h"
#include "gazette-quote.h"
#include "gazette-ui-util.h"

/* How much of a long history a page lists. */
#define MAX_ANNOUNCEMENTS 100
#define MAX_PROJECT_SOURCES 30

typedef struct
{
  GazetteEntity *entity;
  GPtrArray     *quotes;         /* officials */
  GPtrArray     *announcements;  /* projects and districts, newest first */
  GPtrArray     *children;       /* districts within */
  GPtrArray     *projects;       /* projects named in the district's announcements */
} PageData;

struct _GazetteEntityPage
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel          *kind_label;
  GtkLabel          *name_label;
  GtkBox            *details_box;
  GtkBox            *sections_box;

  GazetteStore      *store;
  GCancellable      *cancellable;
  char              *page;
  PageData          *data;
  guint              n_rows;
};

G_DEFINE_FINAL_TYPE (GazetteEntityPage, gazette_entity_page, GTK_TYPE_WIDGET)

enum {
  OPEN_PAGE,
  OPEN_ANNOUNCEMENT,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark target_quark;

static void
page_data_free (PageData *data)
{
  g_clear_pointer (&data->entity, gazette_entity_unref);
  g_clear_pointer (&data->quotes, g_ptr_array_unref);
  g_clear_pointer (&data->announcements, g_ptr_array_unref);
  g_clear_pointer (&data->children, g_ptr_array_unref);
  g_clear_pointer (&data->projects, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageData, page_data_free)

static gboolean
parse_page (const char        *page,
            GazetteEntityKind *kind,
            const char       **id)
{
  const char *colon = strchr (page, ':');
  g_autofree char *kind_name = NULL;

  if (colon == NULL || colon[1] == '\0')
    return FALSE;

  kind_name = g_strndup (page, colon - page);
  *id = colon + 1;

  return gazette_entity_kind_from_string (kind_name, kind);
}

/* An announcement in three languages quotes the official three times: keep, for each
 * translation group, the quotes of the translation the reader would read. */
static void
keep_readers_quotes (GPtrArray *quotes)
{
  /* Keys are copies: removing a quote frees its own strings. */
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) gazette_localized_unref);
  g_auto(GStrv) languages = gazette_ui_dup_content_languages ();

  /* Per group: language → the announcement quoted in it. */
  for (guint i = 0; i < quotes->len; i++)
    {
      GazetteQuote *quote = g_ptr_array_index (quotes, i);
      GazetteLocalized *members;

      if (quote->translation_group == NULL)
        continue;

      members = g_hash_table_lookup (groups, quote->translation_group);
      if (members == NULL)
        {
          members = gazette_localized_new ();
          g_hash_table_insert (groups, g_strdup (quote->translation_group), members);
        }
      if (gazette_localized_get_exact (members, quote->language) == NULL)
        gazette_localized_set (members, quote->language, quote->announcement_id);
    }

  for (guint i = quotes->len; i > 0; i--)
    {
      GazetteQuote *quote = g_ptr_array_index (quotes, i - 1);
      GazetteLocalized *members;

      if (quote->translation_group == NULL)
        continue;

      members = g_hash_table_lookup (groups, quote->translation_group);
      if (g_strcmp0 (gazette_localized_lookup (members, (const char * const *) languages),
                     quote->announcement_id) != 0)
        g_ptr_array_remove_index (quotes, i - 1);
    }
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GazetteStore *store = source_object;
  g_autoptr(PageData) data = g_new0 (PageData, 1);
  g_autoptr(GError) error = NULL;
  GazetteQuery query = { .one_per_group = TRUE };
  GazetteEntityKind kind;
  const char *id;

  if (!parse_page (task_data, &kind, &id))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "“%s” is not a page", (const char *) task_data);
      return;
    }

  data->entity = gazette_store_get_entity (store, kind, id, &error);
  if (data->entity == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (kind)
    {
    case GAZETTE_ENTITY_OFFICIAL:
      data->quotes = gazette_store_list_quotes (store, id, &error);
      if (data->quotes != NULL)
        keep_readers_quotes (data->quotes);
      break;

    case GAZETTE_ENTITY_PROJECT:
      query.project_id = (char *) id;
      data->announcements = gazette_store_list_announcements (store, &query, NULL,
                                                              MAX_ANNOUNCEMENTS, &error);
      break;

    case GAZETTE_ENTITY_DISTRICT:
      query.district_id = (char *) id;
      data->announcements = gazette_store_list_announcements (store, &query, NULL,
                                                              MAX_ANNOUNCEMENTS, &error);
      if (data->announcements != NULL)
        data->children = gazette_store_list_entities (store, GAZETTE_ENTITY_DISTRICT, &error);
      break;

    case GAZETTE_ENTITY_ORGANISATION:
      query.organisation_id = (char *) id;
      data->announcements = gazette_store_list_announcements (store, &query, NULL,
                                                              MAX_ANNOUNCEMENTS, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->children != NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      /* Only the districts directly within. */
      for (guint i = data->children->len; i > 0; i--)
        {
          GazetteEntity *child = g_ptr_array_index (data->children, i - 1);

          if (g_strcmp0 (child->parent_id, id) != 0)
            g_ptr_array_remove_index (data->children, i - 1);
        }

      /* The projects its recent announcements link to. */
      data->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
      for (guint i = 0; i < MIN (data->announcements->len, MAX_PROJECT_SOURCES); i++)
        {
          GazetteAnnouncement *row = g_ptr_array_index (data->announcements, i);
          g_autoptr(GazetteAnnouncement) full = NULL;
          GPtrArray *projects;

          full = gazette_store_get_announcement (store, gazette_announcement_get_id (row), NULL);
          projects = full != NULL ? gazette_announcement_get_projects (full) : NULL;
          for (guint j = 0; projects != NULL && j < projects->len; j++)
            {
              GazetteEntity *project = g_ptr_array_index (projects, j);

              if (g_hash_table_add (seen, project->id))
                g_ptr_array_add (data->projects, gazette_entity_ref (project));
            }
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&data), (GDestroyNotify) page_data_free);
}

static void
row_activated_cb (GazetteEntityPage *self,
                  GtkListBoxRow     *row)
{
  const char *target = g_object_get_qdata (G_OBJECT (row), target_quark);

  if (target == NULL)
    return;

  if (g_str_has_prefix (target, "announcement:"))
    g_signal_emit (self, signals[OPEN_ANNOUNCEMENT], 0, target + strlen ("announcement:"));
  else
    g_signal_emit (self, signals[OPEN_PAGE], 0, target);
}

static GtkListBox *
add_section (GazetteEntityPage *self,
             const char        *title)
{
  GtkWidget *label = gazette_ui_wrapping_label (title, "title-4", FALSE);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (self->sections_box, label);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->sections_box, list);

  return GTK_LIST_BOX (list);
}

/* A row that leads somewhere: a title, lines under it, an arrow. */
static void
add_row (GazetteEntityPage *self,
         GtkListBox        *list,
         const char        *target,
         const char        *title,
         const char        *first_line,
         const char        *second_line)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (lines, TRUE);
  if (title != NULL)
    gtk_box_append (GTK_BOX (lines), gazette_ui_wrapping_label (title, "heading", FALSE));
  if (first_line != NULL)
    gtk_box_append (GTK_BOX (lines), gazette_ui_wrapping_label (first_line, NULL, FALSE));
  if (second_line != NULL)
    gtk_box_append (GTK_BOX (lines), gazette_ui_wrapping_label (second_line, "dim-label", FALSE));
  gtk_box_append (GTK_BOX (box), lines);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_qdata_full (G_OBJECT (row), target_quark, g_strdup (target), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : first_line, -1);
  gtk_list_box_append (list, row);
  self->n_rows++;
}

static void
add_announcements (GazetteEntityPage *self,
                   const char        *title,
                   GPtrArray         *announcements)
{
  GtkListBox *list;

  if (announcements == NULL || announcements->len == 0)
    return;

  list = add_section (self, title);
  for (guint i = 0; i < announcements->len; i++)
    {
      GazetteAnnouncement *announcement = g_ptr_array_index (announcements, i);
      GDateTime *published = gazette_announcement_get_published (announcement);
      g_autofree char *target = g_strconcat ("announcement:",
                                             gazette_announcement_get_id (announcement), NULL);
      g_autofree char *date = gazette_format_date (published, NULL);

      add_row (self, list, target, date, gazette_announcement_get_title (announcement), NULL);
    }
}

static void
add_detail (GazetteEntityPage *self,
            const char        *text,
            const char        *css_class)
{
  GtkWidget *label = gazette_ui_wrapping_label (text, css_class, TRUE);

  gtk_box_append (self->details_box, label);
}

static const char *
kind_title (GazetteEntityKind kind)
{
  switch (kind)
    {
    case GAZETTE_ENTITY_DISTRICT:
      return C_("entity kind", "District");
    case GAZETTE_ENTITY_OFFICIAL:
      return C_("entity kind", "Official");
    case GAZETTE_ENTITY_PROJECT:
      return C_("entity kind", "Project");
    case GAZETTE_ENTITY_ORGANISATION:
    default:
      return C_("entity kind", "Organisation");
    }
}

static void
fill (GazetteEntityPage *self)
{
  PageData *data = self->data;
  GazetteEntity *entity = data->entity;
  g_auto(GStrv) languages = gazette_ui_dup_content_languages ();
  const char * const *langs = (const char * const *) languages;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  self->n_rows = 0;

  gtk_label_set_label (self->kind_label, kind_title (entity->kind));
  gtk_label_set_label (self->name_label, gazette_ui_entity_name (entity, langs));

  for (guint i = 0; entity->roles != NULL && i < entity->roles->len; i++)
    {
      const char *role = gazette_localized_lookup (g_ptr_array_index (entity->roles, i), langs);

      if (role != NULL)
        add_detail (self, role, NULL);
    }
  if (entity->summary != NULL && gazette_localized_lookup (entity->summary, langs) != NULL)
    add_detail (self, gazette_localized_lookup (entity->summary, langs), NULL);
  if (entity->sectors != NULL && entity->sectors[0] != NULL)
    {
      g_autofree char *sectors = g_strjoinv (", ", entity->sectors);
      /* Translators: %s is a list of sectors such as “computer-vision, machine-vision” */
      g_autofree char *text = g_strdup_printf (_("Sectors: %s"), sectors);

      add_detail (self, text, "dim-label");
    }
  if (entity->status != NULL)
    {
      /* Translators: %s is a project's status as the feed gives it, such as “launched” */
      g_autofree char *text = g_strdup_printf (_("Status: %s"), entity->status);

      add_detail (self, text, "dim-label");
    }

  if (data->quotes != NULL && data->quotes->len > 0)
    {
      GtkListBox *list = add_section (self, _("Quotes"));

      for (guint i = 0; i < data->quotes->len; i++)
        {
          GazetteQuote *quote = g_ptr_array_index (data->quotes, i);
          g_autofree char *target = g_strconcat ("announcement:", quote->announcement_id, NULL);
          g_autofree char *date = quote->published != NULL
                                  ? gazette_format_date (quote->published, NULL) : NULL;
          /* Translators: a quotation; use your language's quotation marks */
          g_autofree char *text = g_strdup_printf (_("“%s”"), quote->text);
          g_autofree char *source = NULL;

          if (date != NULL)
            /* Translators: “12 Dec 2018 · Title of the announcement” */
            source = g_strdup_printf (_("%s · %s"), date, quote->announcement_title);
          add_row (self, list, target, NULL, text,
                   source != NULL ? source : quote->announcement_title);
        }
    }

  if (data->children != NULL && data->children->len > 0)
    {
      GtkListBox *list = add_section (self, _("Districts Within"));

      for (guint i = 0; i < data->children->len; i++)
        {
          GazetteEntity *district = g_ptr_array_index (data->children, i);
          g_autofree char *target = g_strconcat ("district:", district->id, NULL);

          add_row (self, list, target, gazette_ui_entity_name (district, langs), NULL, NULL);
        }
    }

  if (data->projects != NULL && data->projects->len > 0)
    {
      GtkListBox *list = add_section (self, _("Projects"));

      for (guint i = 0; i < data->projects->len; i++)
        {
          GazetteEntity *project = g_ptr_array_index (data->projects, i);
          g_autofree char *target = g_strconcat ("project:", project->id, NULL);
          const char *summary = project->summary != NULL
                                ? gazette_localized_lookup (project->summary, langs) : NULL;

          add_row (self, list, target, gazette_ui_entity_name (project, langs), summary, NULL);
        }
    }

  add_announcements (self,
                     entity->kind == GAZETTE_ENTITY_PROJECT ? _("Timeline") : _("Announcements"),
                     data->announcements);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GazetteEntityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PageData *data;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not open the page: %s", error->message);
      return;
    }

  g_clear_pointer (&self->data, page_data_free);
  self->data = data;
  fill (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
gazette_entity_page_dispose (GObject *object)
{
  GazetteEntityPage *self = (GazetteEntityPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_ENTITY_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data, page_data_free);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (gazette_entity_page_parent_class)->dispose (object);
}

static void
gazette_entity_page_class_init (GazetteEntityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_entity_page_dispose;

  /**
   * GazetteEntityPage::open-page:
   * @page: `official:ID`, `project:ID` or `district:ID`
   */
  signals[OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GazetteEntityPage::open-announcement:
   * @id: the announcement's id
   */
  signals[OPEN_ANNOUNCEMENT] =
    g_signal_new ("open-announcement", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GazetteEntityPage::loaded:
   *
   * The page shows what the store holds for it.
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/"
                                               "gazette-entity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteEntityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GazetteEntityPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteEntityPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteEntityPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, GazetteEntityPage, sections_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  target_quark = g_quark_from_static_string ("gazette-target");
}

static void
gazette_entity_page_init (GazetteEntityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
gazette_entity_page_set_store (GazetteEntityPage *self,
                               GazetteStore      *store)
{
  g_return_if_fail (GAZETTE_IS_ENTITY_PAGE (self));

  g_set_object (&self->store, store);
}

/**
 * gazette_entity_page_show:
 * @self: a #GazetteEntityPage
 * @page: `official:ID`, `project:ID`, `district:ID` or `organisation:ID`
 *
 * Loads the page in a thread; #GazetteEntityPage::loaded follows.
 */
void
gazette_entity_page_show (GazetteEntityPage *self,
                          const char        *page)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GAZETTE_IS_ENTITY_PAGE (self));
  g_return_if_fail (page != NULL);

  if (self->store == NULL)
    return;

  g_free (self->page);
  self->page = g_strdup (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self->store, self->cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, gazette_entity_page_show);
  g_task_set_task_data (task, g_strdup (page), g_free);
  g_task_run_in_thread (task, load_worker);
}

const char *
gazette_entity_page_get_page (GazetteEntityPage *self)
{
  g_return_val_if_fail (GAZETTE_IS_ENTITY_PAGE (self), NULL);

  return self->page;
}

GazetteEntity *
gazette_entity_page_get_entity (GazetteEntityPage *self)
{
  g_return_val_if_fail (GAZETTE_IS_ENTITY_PAGE (self), NULL);

  return self->data != NULL ? self->data->entity : NULL;
}

/* For tests: how many rows lead elsewhere. */
guint
gazette_entity_page_get_n_rows (GazetteEntityPage *self)
{
  g_return_val_if_fail (GAZETTE_IS_ENTITY_PAGE (self), 0);

  return self->n_rows;
}
