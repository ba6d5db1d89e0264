/* gazette-preferences-window.c
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

#define G_LOG_DOMAIN "gazette-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-preferences-window.h"

struct _GazettePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *auto_refresh_switch;
  AdwComboRow          *interval_row;
  AdwComboRow          *language_row;
  GtkSwitch            *remove_old_switch;
  GtkSpinButton        *remove_days_spin;
};

G_DEFINE_FINAL_TYPE (GazettePreferencesWindow, gazette_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The refresh intervals on offer, in minutes. */
static const guint intervals[] = { 15, 30, 60, 180, 360, 720, 1440 };

/* The content languages on offer, in the order of the combo row: what each writes to
 * content-languages. English stays as the fallback, since most feeds have it. */
static const char * const language_none[] = { NULL };
static const char * const language_en[] = { "en", NULL };
static const char * const language_th[] = { "th", "en", NULL };
static const char * const language_zh[] = { "zh-Hans", "en", NULL };
static const char * const * const languages[] = {
  language_none, language_en, language_th, language_zh,
};

static gboolean
interval_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint best = 0;

  /* A value set elsewhere (gsettings, an older version) shows as the nearest choice. */
  for (guint i = 1; i < G_N_ELEMENTS (intervals); i++)
    if (ABS ((int) intervals[i] - (int) minutes) < ABS ((int) intervals[best] - (int) minutes))
      best = i;

  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
interval_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (intervals))
    return NULL;

  return g_variant_new_uint32 (intervals[selected]);
}

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_autofree const char **tags = g_variant_get_strv (variant, NULL);
  guint selected = 0;

  /* The first tag decides; a list this window did not write still shows its leader. */
  if (tags[0] != NULL)
    {
      if (g_ascii_strncasecmp (tags[0], "en", 2) == 0)
        selected = 1;
      else if (g_ascii_strncasecmp (tags[0], "th", 2) == 0)
        selected = 2;
      else if (g_ascii_strcasecmp (tags[0], "zh") == 0 ||
               g_ascii_strncasecmp (tags[0], "zh-Hans", 7) == 0 ||
               g_ascii_strcasecmp (tags[0], "zh-CN") == 0 ||
               g_ascii_strcasecmp (tags[0], "zh-SG") == 0)
        selected = 3;
    }

  g_value_set_uint (value, selected);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (languages))
    return NULL;

  return g_variant_new_strv ((const char * const *) languages[selected], -1);
}

static gboolean
days_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
days_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  double days = g_value_get_double (value);

  return g_variant_new_uint32 ((guint32) CLAMP (days, 1, 3650));
}

static GListModel *
interval_model_new (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      g_autofree char *text = NULL;

      if (intervals[i] < 60)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                             intervals[i]),
                                intervals[i]);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours",
                                             intervals[i] / 60),
                                intervals[i] / 60);
      gtk_string_list_append (model, text);
    }

  return G_LIST_MODEL (model);
}

static void
gazette_preferences_window_constructed (GObject *object)
{
  GazettePreferencesWindow *self = GAZETTE_PREFERENCES_WINDOW (object);
  g_autoptr(GListModel) interval_model = interval_model_new ();

  G_OBJECT_CLASS (gazette_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  adw_combo_row_set_model (self->interval_row, interval_model);

  g_settings_bind (self->settings, "auto-refresh",
                   self->auto_refresh_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "refresh-interval",
                                self->interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                interval_get_mapping, interval_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "content-languages",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "remove-old-read",
                   self->remove_old_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "remove-old-read-days",
                                self->remove_days_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                days_get_mapping, days_set_mapping, NULL, NULL);
}

static void
gazette_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  GazettePreferencesWindow *self = GAZETTE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  GazettePreferencesWindow *self = GAZETTE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_preferences_window_dispose (GObject *object)
{
  GazettePreferencesWindow *self = GAZETTE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gazette_preferences_window_parent_class)->dispose (object);
}

static void
gazette_preferences_window_class_init (GazettePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gazette_preferences_window_constructed;
  object_class->get_property = gazette_preferences_window_get_property;
  object_class->set_property = gazette_preferences_window_set_property;
  object_class->dispose = gazette_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/"
                                               "gazette-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GazettePreferencesWindow,
                                        auto_refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, GazettePreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, GazettePreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, GazettePreferencesWindow,
                                        remove_old_switch);
  gtk_widget_class_bind_template_child (widget_class, GazettePreferencesWindow,
                                        remove_days_spin);
}

static void
gazette_preferences_window_init (GazettePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gazette_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings (schema io.github.gazette.Gazette)
 *
 * Every control writes its key as soon as it changes.
 *
 * Returns: (transfer full): a new preferences window, not yet shown
 */
GtkWidget *
gazette_preferences_window_new (GtkWindow *parent,
                                GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GAZETTE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       NULL);
}
