/* gazette-sidebar.c
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

#define G_LOG_DOMAIN "gazette-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gazette-announcement-list.h"
#include "gazette-application.h"
#include "gazette-entity.h"
#include "gazette-format.h"
#include "gazette-localized.h"
#include "gazette-sidebar.h"
#include "gazette-ui-util.h"

typedef enum {
  SECTION_VIEWS,
  SECTION_DISTRICTS,
  SECTION_OFFICIALS,
  SECTION_PROJECTS,
  SECTION_FEEDS,
} Section;

/* One row, worked out in a thread. */
typedef struct
{
  char    *key;
  char    *label;
  char    *error_tooltip;
  Section  section;
  guint    depth;
  guint    unread;
} Entry;

struct _GazetteSidebar
{
  GtkWidget     parent_instance;

  GtkListBox   *list_box;

  GazetteStore *store;
  GCancellable *cancellable;
  GPtrArray    *entries;       /* Entry, in row order */
  char         *selection;
  gboolean      rebuilding;
};

G_DEFINE_FINAL_TYPE (GazetteSidebar, gazette_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark entry_quark;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_free (entry->label);
  g_free (entry->error_tooltip);
  g_free (entry);
}

static Entry *
entry_new (Section     section,
           char       *key,
           const char *label)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->section = section;
  entry->key = key;
  entry->label = g_strdup (label);

  return entry;
}

/**
 * gazette_selection_to_query:
 * @selection: a sidebar key: `all`, `unread`, `starred`, `district:ID`, `official:ID`,
 *   `project:ID` or `feed:ROWID`
 * @query: (out caller-allocates): filled with what the list shows for it; clear with
 *   gazette_query_clear()
 *
 * Returns: %FALSE when @selection is not a key the sidebar knows
 */
gboolean
gazette_selection_to_query (const char   *selection,
                            GazetteQuery *query)
{
  const char *colon = strchr (selection, ':');
  const char *id = colon != NULL ? colon + 1 : NULL;

  memset (query, 0, sizeof *query);
  query->one_per_group = TRUE;

  if (g_str_equal (selection, "all"))
    return TRUE;
  if (g_str_equal (selection, "unread"))
    return (query->unread_only = TRUE);
  if (g_str_equal (selection, "starred"))
    return (query->starred_only = TRUE);
  if (id == NULL || *id == '\0')
    return FALSE;

  if (g_str_has_prefix (selection, "district:"))
    query->district_id = g_strdup (id);
  else if (g_str_has_prefix (selection, "official:"))
    query->official_id = g_strdup (id);
  else if (g_str_has_prefix (selection, "project:"))
    query->project_id = g_strdup (id);
  else if (g_str_has_prefix (selection, "feed:"))
    query->feed_id = g_ascii_strtoll (id, NULL, 10);
  else
    return FALSE;

  return query->feed_id != 0 || id[0] != '\0';
}

static guint
count (GazetteStore *store,
       const char   *key)
{
  GazetteQuery query;
  guint n = 0;

  if (!gazette_selection_to_query (key, &query))
    return 0;

  query.unread_only = !query.starred_only;
  if (!gazette_store_count_announcements (store, &query, &n, NULL))
    n = 0;
  gazette_query_clear (&query);

  return n;
}

static guint
lookup_count (GHashTable *counts,
              const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GazetteEntity *x = *(GazetteEntity **) a;
  GazetteEntity *y = *(GazetteEntity **) b;

  return g_utf8_collate (gazette_ui_entity_name (x, user_data),
                         gazette_ui_entity_name (y, user_data));
}

/* Depth first, so that Hangzhou sits under Zhejiang and Xiaoshan under Hangzhou. */
static void
add_districts (GPtrArray          *entries,
               GPtrArray          *districts,
               GHashTable         *known,
               GHashTable         *shown,
               const char         *parent,
               guint               depth,
               const char * const *languages)
{
  for (guint i = 0; i < districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (districts, i);
      gboolean is_root = district->parent_id == NULL ||
                         !g_hash_table_contains (known, district->parent_id);
      Entry *entry;

      if (parent == NULL ? !is_root : g_strcmp0 (district->parent_id, parent) != 0)
        continue;
      if (!g_hash_table_contains (shown, district->id))
        continue;

      entry = entry_new (SECTION_DISTRICTS, g_strconcat ("district:", district->id, NULL),
                         gazette_ui_entity_name (district, languages));
      entry->depth = depth;
      g_ptr_array_add (entries, entry);

      if (depth < 8)
        add_districts (entries, districts, known, shown, district->id, depth + 1, languages);
    }
}

static void
add_entities (GPtrArray          *entries,
              GPtrArray          *entities,
              Section             section,
              const char         *prefix,
              const char * const *languages)
{
  for (guint i = 0; i < entities->len; i++)
    {
      GazetteEntity *entity = g_ptr_array_index (entities, i);

      g_ptr_array_add (entries, entry_new (section, g_strconcat (prefix, entity->id, NULL),
                                           gazette_ui_entity_name (entity, languages)));
    }
}

static char *
feed_error_tooltip (GazetteFeed *feed)
{
  GDateTime *when = gazette_feed_get_last_error_time (feed);
  g_autofree char *date = when != NULL ? gazette_format_date_time (when, NULL) : NULL;

  if (gazette_feed_get_last_error (feed) == NULL)
    return NULL;

  if (date == NULL)
    /* Translators: %s is the reason, such as “The server answered 404 Not Found” */
    return g_strdup_printf (_("Could not update: %s"), gazette_feed_get_last_error (feed));

  /* Translators: the first %s is the reason, the second a date and time */
  return g_strdup_printf (_("Could not update: %s (%s)"), gazette_feed_get_last_error (feed),
                          date);
}

/* A store of a hundred thousand announcements may name thousands of officials and projects:
 * the sidebar shows the busiest, and the list's filters reach the rest through search and
 * the entity pages. */
#define MAX_DISTRICTS 40
#define MAX_LINKED    15

static int
compare_totals (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GazetteEntity *x = *(GazetteEntity **) a;
  GazetteEntity *y = *(GazetteEntity **) b;
  guint nx = lookup_count (user_data, x->id);
  guint ny = lookup_count (user_data, y->id);

  return (nx < ny) - (nx > ny);
}

static void
keep_busiest (GPtrArray  *entities,
              GHashTable *totals,
              guint       max)
{
  if (entities->len <= max)
    return;

  g_ptr_array_sort_with_data (entities, compare_totals, totals);
  g_ptr_array_set_size (entities, max);
}

/* Adds @counts of each district to itself and every district above it. */
static GHashTable *
sum_subtrees (GPtrArray  *districts,
              GHashTable *counts)
{
  GHashTable *parents = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *sums = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (districts, i);

      if (district->parent_id != NULL)
        g_hash_table_insert (parents, district->id, district->parent_id);
    }

  for (guint i = 0; i < districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (districts, i);
      guint own = lookup_count (counts, district->id);
      const char *id = district->id;

      /* The depth cap guards against a cycle in what feeds declared. */
      for (guint depth = 0; own > 0 && id != NULL && depth < 16; depth++)
        {
          g_hash_table_insert (sums, (gpointer) id,
                               GUINT_TO_POINTER (lookup_count (sums, id) + own));
          id = g_hash_table_lookup (parents, id);
        }
    }

  g_hash_table_unref (parents);

  return sums;
}

/* The districts to show: all of a small store's, else the busiest and what encloses them. */
static GHashTable *
shown_districts (GPtrArray  *districts,
                 GHashTable *totals)
{
  GHashTable *shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) busiest = g_ptr_array_copy (districts, NULL, NULL);

  /* The copy borrows the districts: it must not unref them. */
  g_ptr_array_set_free_func (busiest, NULL);

  for (guint i = 0; i < districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (districts, i);

      g_hash_table_insert (by_id, district->id, district);
      if (districts->len <= MAX_DISTRICTS)
        g_hash_table_add (shown, district->id);
    }

  if (districts->len <= MAX_DISTRICTS)
    return shown;

  keep_busiest (busiest, totals, MAX_DISTRICTS);
  for (guint i = 0; i < busiest->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (busiest, i);

      for (guint depth = 0; district != NULL && depth < 16; depth++)
        {
          g_hash_table_add (shown, district->id);
          district = district->parent_id != NULL
                     ? g_hash_table_lookup (by_id, district->parent_id) : NULL;
        }
    }

  return shown;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GazetteStore *store = task_data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) officials = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) district_totals = NULL;
  g_autoptr(GHashTable) district_unread = NULL;
  g_autoptr(GHashTable) subtree_totals = NULL;
  g_autoptr(GHashTable) subtree_unread = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GHashTable) official_totals = NULL;
  g_autoptr(GHashTable) official_unread = NULL;
  g_autoptr(GHashTable) project_totals = NULL;
  g_autoptr(GHashTable) project_unread = NULL;
  g_autoptr(GHashTable) feed_totals = NULL;
  g_autoptr(GHashTable) feed_unread = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) languages = NULL;
  languages = gazette_ui_dup_content_languages ();

  if ((districts = gazette_store_list_entities (store, GAZETTE_ENTITY_DISTRICT, &error)) == NULL ||
      (officials = gazette_store_list_entities (store, GAZETTE_ENTITY_OFFICIAL, &error)) == NULL ||
      (projects = gazette_store_list_entities (store, GAZETTE_ENTITY_PROJECT, &error)) == NULL ||
      (feeds = gazette_store_list_feeds (store, &error)) == NULL ||
      !gazette_store_count_by (store, GAZETTE_ENTITY_DISTRICT, &district_totals,
                               &district_unread, &error) ||
      !gazette_store_count_by (store, GAZETTE_ENTITY_OFFICIAL, &official_totals,
                               &official_unread, &error) ||
      !gazette_store_count_by (store, GAZETTE_ENTITY_PROJECT, &project_totals, &project_unread,
                               &error) ||
      !gazette_store_count_by (store, -1, &feed_totals, &feed_unread, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  subtree_totals = sum_subtrees (districts, district_totals);
  subtree_unread = sum_subtrees (districts, district_unread);
  shown = shown_districts (districts, subtree_totals);
  keep_busiest (officials, official_totals, MAX_LINKED);
  keep_busiest (projects, project_totals, MAX_LINKED);

  g_ptr_array_sort_with_data (districts, compare_names, languages);
  g_ptr_array_sort_with_data (officials, compare_names, languages);
  g_ptr_array_sort_with_data (projects, compare_names, languages);
  for (guint i = 0; i < districts->len; i++)
    g_hash_table_add (known, ((GazetteEntity *) g_ptr_array_index (districts, i))->id);

  g_ptr_array_add (entries, entry_new (SECTION_VIEWS, g_strdup ("all"), _("All Announcements")));
  g_ptr_array_add (entries, entry_new (SECTION_VIEWS, g_strdup ("unread"), _("Unread")));
  g_ptr_array_add (entries, entry_new (SECTION_VIEWS, g_strdup ("starred"), _("Starred")));
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      entry->unread = count (store, entry->key);
    }

  add_districts (entries, districts, known, shown, NULL, 0, (const char * const *) languages);
  add_entities (entries, officials, SECTION_OFFICIALS, "official:",
                (const char * const *) languages);
  add_entities (entries, projects, SECTION_PROJECTS, "project:",
                (const char * const *) languages);

  for (guint i = 0; i < feeds->len; i++)
    {
      GazetteFeed *feed = g_ptr_array_index (feeds, i);
      Entry *entry = entry_new (SECTION_FEEDS,
                                g_strdup_printf ("feed:%" G_GINT64_FORMAT,
                                                 gazette_feed_get_id (feed)),
                                gazette_feed_get_display_name (feed));

      entry->error_tooltip = feed_error_tooltip (feed);
      g_ptr_array_add (entries, entry);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      const char *id = strchr (entry->key, ':') != NULL ? strchr (entry->key, ':') + 1 : NULL;

      switch (entry->section)
        {
        case SECTION_DISTRICTS:
          entry->unread = lookup_count (subtree_unread, id);
          break;

        case SECTION_OFFICIALS:
          entry->unread = lookup_count (official_unread, id);
          break;

        case SECTION_PROJECTS:
          entry->unread = lookup_count (project_unread, id);
          break;

        case SECTION_FEEDS:
          entry->unread = lookup_count (feed_unread, id);
          break;

        case SECTION_VIEWS:
        default:
          break;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
create_row (Entry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (entry->label);
  static const char * const icons[] = {
    [SECTION_VIEWS] = NULL,
    [SECTION_DISTRICTS] = "mark-location-symbolic",
    [SECTION_OFFICIALS] = "avatar-default-symbolic",
    [SECTION_PROJECTS] = "applications-engineering-symbolic",
    [SECTION_FEEDS] = "application-rss+xml-symbolic",
  };
  const char *icon = icons[entry->section];

  if (entry->section == SECTION_VIEWS)
    icon = g_str_equal (entry->key, "all") ? "view-list-symbolic"
           : g_str_equal (entry->key, "unread") ? "mail-unread-symbolic"
           : "starred-symbolic";

  gtk_widget_set_margin_start (box, 16 * entry->depth);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (entry->error_tooltip != NULL)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (warning, entry->error_tooltip);
      gtk_widget_add_css_class (warning, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry->error_tooltip, -1);
      gtk_box_append (GTK_BOX (box), warning);
    }

  if (entry->unread > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", entry->unread);
      GtkWidget *count = gtk_label_new (text);

      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), count);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_qdata (G_OBJECT (row), entry_quark, entry);

  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  Entry *entry = g_object_get_qdata (G_OBJECT (row), entry_quark);
  Entry *previous = before != NULL ? g_object_get_qdata (G_OBJECT (before), entry_quark) : NULL;
  static const char * const titles[] = {
    [SECTION_VIEWS] = NULL,
    [SECTION_DISTRICTS] = N_("Districts"),
    [SECTION_OFFICIALS] = N_("Officials"),
    [SECTION_PROJECTS] = N_("Projects"),
    [SECTION_FEEDS] = N_("Feeds"),
  };
  GtkWidget *header = NULL;

  if (entry != NULL && titles[entry->section] != NULL &&
      (previous == NULL || previous->section != entry->section))
    {
      header = gtk_label_new (_(titles[entry->section]));
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 4);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
    }

  gtk_list_box_row_set_header (row, header);
}

static void
select_key (GazetteSidebar *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      Entry *entry = g_object_get_qdata (G_OBJECT (row), entry_quark);

      if (entry != NULL && g_strcmp0 (entry->key, self->selection) == 0)
        {
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
          return;
        }
    }

  gtk_list_box_unselect_all (self->list_box);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GazetteSidebar) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the sidebar: %s", error->message);
      return;
    }

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (self->entries, i)));

  select_key (self);
  self->rebuilding = FALSE;
}

static void
row_selected_cb (GazetteSidebar *self,
                 GtkListBoxRow  *row)
{
  Entry *entry;

  if (self->rebuilding || row == NULL)
    return;

  entry = g_object_get_qdata (G_OBJECT (row), entry_quark);
  if (entry != NULL)
    gazette_sidebar_set_selection (self, entry->key);
}

static void
gazette_sidebar_dispose (GObject *object)
{
  GazetteSidebar *self = (GazetteSidebar *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_SIDEBAR);
  /* The template's root is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (gazette_sidebar_parent_class)->dispose (object);
}

static void
gazette_sidebar_finalize (GObject *object)
{
  GazetteSidebar *self = (GazetteSidebar *) object;

  g_free (self->selection);

  G_OBJECT_CLASS (gazette_sidebar_parent_class)->finalize (object);
}

static void
gazette_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GazetteSidebar *self = GAZETTE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_sidebar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GazetteSidebar *self = GAZETTE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      gazette_sidebar_set_selection (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_sidebar_class_init (GazetteSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_sidebar_dispose;
  object_class->finalize = gazette_sidebar_finalize;
  object_class->get_property = gazette_sidebar_get_property;
  object_class->set_property = gazette_sidebar_set_property;

  /**
   * GazetteSidebar:selection:
   *
   * The selected row's key; see gazette_selection_to_query().
   */
  properties[PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/gazette-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  entry_quark = g_quark_from_static_string ("gazette-sidebar-entry");
}

static void
gazette_sidebar_init (GazetteSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = g_strdup ("all");
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);
}

void
gazette_sidebar_set_store (GazetteSidebar *self,
                           GazetteStore   *store)
{
  g_return_if_fail (GAZETTE_IS_SIDEBAR (self));

  if (g_set_object (&self->store, store))
    gazette_sidebar_reload (self);
}

/**
 * gazette_sidebar_reload:
 * @self: a #GazetteSidebar
 *
 * Reads the rows and their unread counts again, in a thread, keeping the selection.
 */
void
gazette_sidebar_reload (GazetteSidebar *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GAZETTE_IS_SIDEBAR (self));

  if (self->store == NULL)
    return;

  task = g_task_new (NULL, self->cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, gazette_sidebar_reload);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, load_worker);
}

const char *
gazette_sidebar_get_selection (GazetteSidebar *self)
{
  g_return_val_if_fail (GAZETTE_IS_SIDEBAR (self), NULL);

  return self->selection;
}

void
gazette_sidebar_set_selection (GazetteSidebar *self,
                               const char     *selection)
{
  g_return_if_fail (GAZETTE_IS_SIDEBAR (self));

  if (selection == NULL)
    selection = "all";

  if (g_strcmp0 (self->selection, selection) == 0)
    return;

  g_free (self->selection);
  self->selection = g_strdup (selection);

  if (!self->rebuilding)
    {
      self->rebuilding = TRUE;
      select_key (self);
      self->rebuilding = FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

static Entry *
find_entry (GazetteSidebar *self,
            const char     *key)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->key, key))
        return entry;
    }

  return NULL;
}

/**
 * gazette_sidebar_get_title:
 * @self: a #GazetteSidebar
 *
 * Returns: (transfer none): the selected row's label, for the list's title
 */
const char *
gazette_sidebar_get_title (GazetteSidebar *self)
{
  Entry *entry;

  g_return_val_if_fail (GAZETTE_IS_SIDEBAR (self), NULL);

  entry = find_entry (self, self->selection);

  return entry != NULL ? entry->label : _("All Announcements");
}

guint
gazette_sidebar_get_n_rows (GazetteSidebar *self)
{
  g_return_val_if_fail (GAZETTE_IS_SIDEBAR (self), 0);

  return self->entries != NULL ? self->entries->len : 0;
}

/**
 * gazette_sidebar_get_row_label:
 * @self: a #GazetteSidebar
 * @key: a row's key
 * @unread: (out) (optional): its unread count
 * @error_tooltip: (out) (optional) (transfer full): why its feed failed, or %NULL
 *
 * Returns: (transfer none) (nullable): the row's label, or %NULL when there is no such row
 */
const char *
gazette_sidebar_get_row_label (GazetteSidebar  *self,
                               const char      *key,
                               guint           *unread,
                               char           **error_tooltip)
{
  Entry *entry;

  g_return_val_if_fail (GAZETTE_IS_SIDEBAR (self), NULL);

  entry = find_entry (self, key);
  if (unread != NULL)
    *unread = entry != NULL ? entry->unread : 0;
  if (error_tooltip != NULL)
    *error_tooltip = entry != NULL ? g_strdup (entry->error_tooltip) : NULL;

  return entry != NULL ? entry->label : NULL;
}
