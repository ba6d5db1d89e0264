/* gazette-application.c
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

#define G_LOG_DOMAIN "gazette-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-application-private.h"
#include "gazette-benchmark.h"
#include "gazette-window.h"

struct _GazetteApplication
{
  AdwApplication   parent_instance;

  GSettings       *settings;
  GazetteStore    *store;
  GazetteSync     *sync;
  GError          *store_error;
  gboolean         store_done;        /* opened, or failed to */
  double           store_progress;    /* of a long migration while opening, or -1 */
  gboolean         refresh_on_open;
  GCancellable    *cancellable;
  guint            refresh_source;
  gboolean         online;
  gboolean         online_forced;

  /* Command-line options of the window. */
  char            *data_dir;
  char            *screenshot;
  char            *select;
  char            *page;
  int              width;
  int              height;
};

G_DEFINE_FINAL_TYPE (GazetteApplication, gazette_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_STORE_PROGRESS,
  N_PROPS
};

enum {
  FEED_FAILED,
  STORE_CHANGED,
  STORE_OPENED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the store in DIR"), N_("DIR") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a PNG of the window to FILE once its data has loaded, then quit"), N_("FILE") },
  { "width", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("The window’s width for --screenshot"), N_("PIXELS") },
  { "height", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("The window’s height for --screenshot"), N_("PIXELS") },
  { "select", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the announcement with this id"), N_("ID") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the page of an official, project or district"), N_("KIND:ID") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void schedule_refresh (GazetteApplication *self);
static void remove_old_read  (GazetteApplication *self);

static gboolean
option_string (GVariantDict  *options,
               const char    *name,
               char         **out)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value) &&
      !g_variant_dict_lookup (options, name, "&s", &value))
    return FALSE;

  g_free (*out);
  *out = g_strdup (value);

  return TRUE;
}

static int
gazette_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  GazetteApplication *self = GAZETTE_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("gazette %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  option_string (options, "data-dir", &self->data_dir);
  option_string (options, "screenshot", &self->screenshot);
  option_string (options, "select", &self->select);
  option_string (options, "page", &self->page);
  g_variant_dict_lookup (options, "width", "i", &self->width);
  g_variant_dict_lookup (options, "height", "i", &self->height);

  if (self->page != NULL && strchr (self->page, ':') == NULL)
    {
      /* Translators: do not translate “--page” and “official:tong-guili” */
      g_printerr ("%s\n", _("--page takes a kind and an id, such as official:tong-guili."));
      return 2;
    }

  /* A screenshot or another store is a window of its own, not the running instance's. */
  if (self->screenshot != NULL || self->data_dir != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
network_changed_cb (GazetteApplication *self,
                    gboolean            available,
                    GNetworkMonitor    *monitor)
{
  if (!self->online_forced)
    gazette_application_set_online (self, available);
}

static void
set_languages_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GazetteStore *store = source_object;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (!gazette_store_set_languages (store, task_data, &changed, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, changed);
}

static void
set_languages_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GazetteApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Only a new choice of translations changes what the views show. */
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_signal_emit (self, signals[STORE_CHANGED], 0);
  else if (error != NULL)
    g_warning ("Could not apply the content languages: %s", error->message);
}

/* The groups of translations are led by the reader's language: re-pick when it changes. */
static void
content_languages_changed_cb (GazetteApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;

  task = g_task_new (self->store, self->cancellable, set_languages_cb, g_object_ref (self));
  g_task_set_source_tag (task, content_languages_changed_cb);
  g_task_set_task_data (task, gazette_application_dup_content_languages (self),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, set_languages_worker);
}

static void
refresh_settings_changed_cb (GazetteApplication *self)
{
  schedule_refresh (self);
}

typedef struct
{
  GazetteApplication *application;
  char               *data_dir;
} OpenStore;

static void
open_store_free (OpenStore *open)
{
  g_object_unref (open->application);
  g_free (open->data_dir);
  g_free (open);
}

typedef struct
{
  GazetteApplication *application;
  double              fraction;
} StoreProgress;

static void
store_progress_free (StoreProgress *progress)
{
  g_object_unref (progress->application);
  g_free (progress);
}

static void
set_store_progress (GazetteApplication *self,
                    double              fraction)
{
  if (self->store_progress == fraction)
    return;

  self->store_progress = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_PROGRESS]);
}

/* In the main thread. */
static gboolean
store_progress_cb (gpointer user_data)
{
  StoreProgress *progress = user_data;

  if (!progress->application->store_done)
    set_store_progress (progress->application, progress->fraction);

  return G_SOURCE_REMOVE;
}

/* In the worker that opens the store. */
static void
open_store_progress_cb (double   fraction,
                        gpointer user_data)
{
  OpenStore *open = user_data;
  StoreProgress *progress = g_new (StoreProgress, 1);

  progress->application = g_object_ref (open->application);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, store_progress_cb, progress,
                              (GDestroyNotify) store_progress_free);
}

static void
open_store_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenStore *open = task_data;
  GError *error = NULL;
  GazetteStore *store = gazette_store_open_in_full (open->data_dir, open_store_progress_cb,
                                                    open, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GazetteApplication) self = user_data;

  self->store = g_task_propagate_pointer (G_TASK (result), &self->store_error);
  self->store_done = TRUE;
  set_store_progress (self, -1);

  if (self->store != NULL)
    {
      self->sync = gazette_sync_new (self->store);
      content_languages_changed_cb (self);
      if (self->screenshot == NULL)
        remove_old_read (self);
    }
  else if (!g_error_matches (self->store_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Could not open the store: %s", self->store_error->message);
    }

  _gazette_application_update_actions (self);
  g_signal_emit (self, signals[STORE_OPENED], 0);

  if (self->store != NULL && self->refresh_on_open)
    gazette_application_refresh (self);
}

static void
gazette_application_startup (GApplication *app)
{
  GazetteApplication *self = GAZETTE_APPLICATION (app);
  g_autofree char *data_dir = NULL;
  GNetworkMonitor *monitor;

  G_APPLICATION_CLASS (gazette_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::content-languages",
                           G_CALLBACK (content_languages_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-refresh",
                           G_CALLBACK (refresh_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (refresh_settings_changed_cb), self, G_CONNECT_SWAPPED);

  monitor = g_network_monitor_get_default ();
  self->online = g_network_monitor_get_network_available (monitor);
  g_signal_connect_object (monitor, "network-changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);

  _gazette_application_install_actions (self);

  /* Opening may migrate the database, which takes a while for a large store made by an
   * older Gazette: the window comes up meanwhile and fills in when the store is open. */
  data_dir = self->data_dir != NULL ? g_strdup (self->data_dir)
                                    : gazette_store_dup_default_data_dir ();
  {
    g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, store_opened_cb,
                                        g_object_ref (self));

    OpenStore *open = g_new (OpenStore, 1);

    open->application = g_object_ref (self);
    open->data_dir = g_steal_pointer (&data_dir);
    g_task_set_source_tag (task, gazette_application_startup);
    g_task_set_task_data (task, open, (GDestroyNotify) open_store_free);
    g_task_run_in_thread (task, open_store_worker);
  }
}

static void
gazette_application_activate (GApplication *app)
{
  GazetteApplication *self = GAZETTE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GazetteWindow *gazette_window = gazette_window_new (self);
      const char *benchmark = g_getenv ("GAZETTE_BENCHMARK");

      window = GTK_WINDOW (gazette_window);
      if (benchmark != NULL)
        _gazette_benchmark_attach (gazette_window, benchmark);
      if (self->select != NULL)
        gazette_window_select_announcement (gazette_window, self->select);
      if (self->page != NULL)
        gazette_window_show_page (gazette_window, self->page);

      if (self->screenshot != NULL)
        {
          if (self->width > 0 || self->height > 0)
            gtk_window_set_default_size (window,
                                         self->width > 0 ? self->width : 1200,
                                         self->height > 0 ? self->height : 760);
          gazette_window_screenshot_when_ready (gazette_window, self->screenshot);
        }
      else if (benchmark == NULL)
        {
          schedule_refresh (self);
          self->refresh_on_open = g_settings_get_boolean (self->settings, "auto-refresh");
          if (self->refresh_on_open)
            gazette_application_refresh (self);
        }
    }

  gtk_window_present (window);
}

static void
gazette_application_dispose (GObject *object)
{
  GazetteApplication *self = (GazetteApplication *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gazette_application_parent_class)->dispose (object);
}

static void
gazette_application_finalize (GObject *object)
{
  GazetteApplication *self = (GazetteApplication *) object;

  g_clear_object (&self->cancellable);
  g_clear_error (&self->store_error);
  g_free (self->data_dir);
  g_free (self->screenshot);
  g_free (self->select);
  g_free (self->page);

  G_OBJECT_CLASS (gazette_application_parent_class)->finalize (object);
}

static void
gazette_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GazetteApplication *self = GAZETTE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_STORE_PROGRESS:
      g_value_set_double (value, self->store_progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_application_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GazetteApplication *self = GAZETTE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      self->online_forced = TRUE;
      gazette_application_set_online (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_application_class_init (GazetteApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gazette_application_dispose;
  object_class->finalize = gazette_application_finalize;
  object_class->get_property = gazette_application_get_property;
  object_class->set_property = gazette_application_set_property;

  app_class->handle_local_options = gazette_application_handle_local_options;
  app_class->startup = gazette_application_startup;
  app_class->activate = gazette_application_activate;

  /**
   * GazetteApplication:online:
   *
   * Whether the network is reachable. Follows #GNetworkMonitor until set, which tests do.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GazetteApplication:store-progress:
   *
   * While the store opens: how far a long migration (making the search index again for a
   * store of an older Gazette) has come, from 0 to 1; -1 otherwise.
   */
  properties[PROP_STORE_PROGRESS] =
    g_param_spec_double ("store-progress", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GazetteApplication::feed-failed:
   * @feed: the #GazetteFeed
   * @message: why, in words for the reader
   *
   * A refresh could not update @feed; what it had stored is still there.
   */
  signals[FEED_FAILED] =
    g_signal_new ("feed-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, GAZETTE_TYPE_FEED, G_TYPE_STRING);

  /**
   * GazetteApplication::store-changed:
   *
   * Announcements or feeds changed in the store (a refresh, a feed added or removed, the
   * content languages): views reload what they show.
   */
  signals[STORE_CHANGED] =
    g_signal_new ("store-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GazetteApplication::store-opened:
   *
   * The store is open, or could not be: see gazette_application_get_store() and
   * gazette_application_get_store_error().
   */
  signals[STORE_OPENED] =
    g_signal_new ("store-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gazette_application_init (GazetteApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->online = TRUE;
  self->store_progress = -1;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * gazette_application_get_store_progress:
 * @self: a #GazetteApplication
 *
 * Returns: see #GazetteApplication:store-progress
 */
double
gazette_application_get_store_progress (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), -1);

  return self->store_progress;
}

GazetteApplication *
gazette_application_new (void)
{
  return g_object_new (GAZETTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/gazette/Gazette",
                       NULL);
}

GazetteStore *
gazette_application_get_store (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * gazette_application_get_store_error:
 * @self: a #GazetteApplication
 *
 * Returns: (nullable): why the store could not be opened, %NULL while opening or once open
 */
const GError *
gazette_application_get_store_error (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * gazette_application_is_store_done:
 * @self: a #GazetteApplication
 *
 * Returns: whether opening the store is over, one way or the other
 */
gboolean
gazette_application_is_store_done (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), FALSE);

  return self->store_done;
}

GazetteSync *
gazette_application_get_sync (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), NULL);

  return self->sync;
}

GSettings *
gazette_application_get_settings (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
gazette_application_get_online (GazetteApplication *self)
{
  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), FALSE);

  return self->online;
}

void
gazette_application_set_online (GazetteApplication *self,
                                gboolean            online)
{
  g_return_if_fail (GAZETTE_IS_APPLICATION (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  _gazette_application_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/**
 * gazette_application_dup_content_languages:
 * @self: a #GazetteApplication
 *
 * The languages the reader wants announcements in: the preference when set, else the
 * system's.
 *
 * Returns: (transfer full): language tags, most wanted first
 */
GStrv
gazette_application_dup_content_languages (GazetteApplication *self)
{
  g_auto(GStrv) chosen = NULL;

  g_return_val_if_fail (GAZETTE_IS_APPLICATION (self), NULL);

  if (self->settings != NULL)
    chosen = g_settings_get_strv (self->settings, "content-languages");

  if (chosen != NULL && chosen[0] != NULL)
    return g_steal_pointer (&chosen);

  return gazette_language_get_preferred ();
}

static void
remove_old_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  if (!gazette_store_remove_old (source_object, task_data, &n_removed, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_removed);
}

static void
remove_old_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GazetteApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_removed = g_task_propagate_int (G_TASK (result), &error);

  if (error != NULL)
    g_warning ("Could not remove old announcements: %s", error->message);
  else if (n_removed > 0)
    g_signal_emit (self, signals[STORE_CHANGED], 0);
}

/* The clean-up the reader asked for in Preferences: read, unstarred announcements older
 * than remove-old-read-days go, with the images only they used. */
static void
remove_old_read (GazetteApplication *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint days;

  if (self->store == NULL || self->settings == NULL ||
      !g_settings_get_boolean (self->settings, "remove-old-read"))
    return;

  days = g_settings_get_uint (self->settings, "remove-old-read-days");
  now = g_date_time_new_now_utc ();

  task = g_task_new (self->store, self->cancellable, remove_old_cb, g_object_ref (self));
  g_task_set_source_tag (task, remove_old_read);
  g_task_set_task_data (task, g_date_time_add_days (now, -(int) days),
                        (GDestroyNotify) g_date_time_unref);
  g_task_run_in_thread (task, remove_old_worker);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GazetteApplication) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = gazette_sync_run_finish (GAZETTE_SYNC (object), result, &error);
  _gazette_application_update_actions (self);

  if (reports == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Refresh failed: %s", error->message);
      return;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      GazetteSyncReport *report = g_ptr_array_index (reports, i);

      if (report->status == GAZETTE_SYNC_FAILED)
        {
          g_debug ("%s: %s", gazette_feed_get_url (report->feed), report->error->message);
          g_signal_emit (self, signals[FEED_FAILED], 0, report->feed, report->error->message);
        }
    }

  g_signal_emit (self, signals[STORE_CHANGED], 0);
  remove_old_read (self);
}

/**
 * gazette_application_refresh:
 * @self: a #GazetteApplication
 *
 * Fetches every feed, unless offline or already refreshing. Failures arrive as
 * #GazetteApplication::feed-failed, the new announcements as ::store-changed.
 */
void
gazette_application_refresh (GazetteApplication *self)
{
  g_return_if_fail (GAZETTE_IS_APPLICATION (self));

  if (self->sync == NULL || !self->online || gazette_sync_get_running (self->sync))
    return;

  gazette_sync_run_async (self->sync, NULL, self->cancellable, refresh_cb, g_object_ref (self));
  _gazette_application_update_actions (self);
}

void
_gazette_application_emit_store_changed (GazetteApplication *self)
{
  g_return_if_fail (GAZETTE_IS_APPLICATION (self));

  g_signal_emit (self, signals[STORE_CHANGED], 0);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  GazetteApplication *self = user_data;

  gazette_application_refresh (self);

  return G_SOURCE_CONTINUE;
}

/* Refreshes every refresh-interval minutes while auto-refresh is on. */
static void
schedule_refresh (GazetteApplication *self)
{
  guint minutes;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->settings == NULL || self->screenshot != NULL ||
      !g_settings_get_boolean (self->settings, "auto-refresh"))
    return;

  minutes = g_settings_get_uint (self->settings, "refresh-interval");
  self->refresh_source = g_timeout_add_seconds (MAX (minutes, 1) * 60, refresh_timeout_cb, self);
}
