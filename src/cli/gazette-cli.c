/* gazette-cli.c
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
#include <stdlib.h>
#include <unistd.h>

#include "gazette-cli-output.h"
#include "gazette-cli.h"
#include "gazette-feed-parser.h"
#include "gazette-feed-probe.h"
#include "gazette-fetcher.h"
#include "gazette-format.h"
#include "gazette-html.h"
#include "gazette-store.h"
#include "gazette-sync.h"

#define EXIT_USAGE 2

typedef struct
{
  char     *data_dir;
  gboolean  json;
  GStrv     languages;     /* preferred content languages */
} Cli;

typedef int (*CommandFunc) (Cli   *cli,
                            int    argc,
                            char **argv);

typedef struct
{
  const char  *name;
  const char  *parameters;   /* for --help, untranslated placeholders */
  const char  *summary;
  CommandFunc  func;
} Command;

static char *opt_data_dir;
static gboolean opt_json;
static gboolean opt_version;

static const GOptionEntry global_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_data_dir,
    /* Translators: DIR is the option's value, as the next message names it. */
    N_("Keep the store in DIR (default: $GAZETTE_DATA_DIR or the user data directory)"),
    /* Translators: the value of --data-dir in --help, a folder. */
    N_("DIR") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print machine-readable JSON"), NULL },
  { NULL }
};

static void
cli_clear (Cli *cli)
{
  g_clear_pointer (&cli->data_dir, g_free);
  g_clear_pointer (&cli->languages, g_strfreev);
}

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("gazette: %s\n", message);
  if (command != NULL)
    /* Translators: %s is a command such as "list". */
    g_printerr (_("Try “gazette %s --help”.\n"), command);
  else
    g_printerr ("%s\n", _("Try “gazette --help”."));
  return EXIT_USAGE;
}

static int
report_error (const GError *error)
{
  g_printerr ("gazette: %s\n", error->message);
  return EXIT_FAILURE;
}

/* Parses the options of one command, with the global ones allowed anywhere. Leaves the
 * positional arguments in argv; returns -1 to go on, or an exit status. */
static int
parse_options (const Command       *command,
               const GOptionEntry  *entries,
               const char          *parameters,
               int                 *argc,
               char              ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (command->name, error->message);

  return -1;
}

/* On a terminal: making an older store's search index again takes minutes when it is large. */
static void
open_store_progress_cb (double   fraction,
                        gpointer user_data)
{
  g_autofree char *line = g_strdup_printf (_("Updating the search index (%d%%)"),
                                           (int) (fraction * 100));

  g_printerr ("\r%s", line);
  if (fraction >= 1)
    g_printerr ("\n");
}

static GazetteStore *
open_store (Cli     *cli,
            GError **error)
{
  return gazette_store_open_in_full (cli->data_dir,
                                     isatty (STDERR_FILENO) ? open_store_progress_cb : NULL,
                                     NULL, error);
}

static const char *
entity_name (Cli           *cli,
             GazetteEntity *entity)
{
  const char *name = gazette_localized_lookup (entity->name,
                                               (const char * const *) cli->languages);
  return name != NULL ? name : entity->id;
}

static const char *
localized (Cli              *cli,
           GazetteLocalized *text)
{
  if (text == NULL)
    return NULL;
  return gazette_localized_lookup (text, (const char * const *) cli->languages);
}

/* A URL, or a local path made into a file:// URL. */
static char *
feed_location_to_url (const char *location)
{
  g_autofree char *scheme = g_uri_parse_scheme (location);
  g_autoptr(GFile) file = NULL;

  if (scheme != NULL)
    return g_strdup (location);

  file = g_file_new_for_commandline_arg (location);
  return g_file_get_uri (file);
}

/* ---- feeds ---------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop        *loop;
  GazetteFeedProbe *probe;
  GError           *error;
} ProbeWait;

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ProbeWait *wait = user_data;

  wait->probe = gazette_feed_probe_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* What the user typed as a feed's address: a URL, a local file (one that exists, or a path
 * that can only be one), or a web address without its https://. */
static char *
feed_address_to_url (const char *location)
{
  if (g_uri_peek_scheme (location) == NULL &&
      (g_file_test (location, G_FILE_TEST_EXISTS) || g_path_is_absolute (location) ||
       g_str_has_prefix (location, "./") || g_str_has_prefix (location, "../")))
    return feed_location_to_url (location);

  return gazette_feed_probe_normalize_url (location);
}

static void
print_alternatives (GPtrArray *alternatives)
{
  g_autoptr(GazetteTable) table = gazette_table_new (3);

  gazette_table_add_row (table, _("FEED"), _("TYPE"), _("URL"), NULL);
  for (guint i = 0; i < alternatives->len; i++)
    {
      GazetteFeedLink *link = g_ptr_array_index (alternatives, i);
      const char *title = gazette_feed_link_get_title (link);

      gazette_table_add_row (table, title != NULL ? title : "",
                             gazette_feed_link_get_content_type (link),
                             gazette_feed_link_get_url (link), NULL);
    }
  gazette_table_print (table);
}

static void
json_add_alternatives (JsonBuilder *builder,
                       GPtrArray   *alternatives)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < alternatives->len; i++)
    {
      GazetteFeedLink *link = g_ptr_array_index (alternatives, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, gazette_feed_link_get_url (link));
      json_builder_set_member_name (builder, "title");
      if (gazette_feed_link_get_title (link) != NULL)
        json_builder_add_string_value (builder, gazette_feed_link_get_title (link));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "content_type");
      json_builder_add_string_value (builder, gazette_feed_link_get_content_type (link));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
feeds_add (Cli        *cli,
           const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GazetteFetcher) fetcher = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GazetteFeedProbe) probe = NULL;
  g_autofree char *url = feed_address_to_url (location);
  g_autofree char *scheme = g_uri_parse_scheme (url);
  const char *subscribe_url;
  GPtrArray *alternatives;
  ProbeWait wait = { 0 };

  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL)
      || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0
          && g_strcmp0 (scheme, "file") != 0 && g_strcmp0 (scheme, "resource") != 0))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed as a feed address. */
        g_strdup_printf (_("“%s” is not a feed address: use an http://, https:// or file:// URL "
                           "or a local file."), location);
      return usage_error ("feeds", message);
    }

  /* Before subscribing: is it a feed, or a page that says where its feeds are? */
  fetcher = gazette_fetcher_new ();
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  gazette_feed_probe_async (fetcher, url, NULL, probe_cb, &wait);
  g_main_loop_run (loop);
  if (wait.error != NULL)
    {
      g_autoptr(GError) probe_error = wait.error;
      return report_error (probe_error);
    }
  probe = wait.probe;

  alternatives = gazette_feed_probe_get_alternatives (probe);
  if (gazette_feed_probe_is_feed (probe))
    subscribe_url = gazette_feed_probe_get_url (probe);
  else if (alternatives->len == 1)
    subscribe_url = gazette_feed_link_get_url (g_ptr_array_index (alternatives, 0));
  else
    {
      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "page");
          json_builder_add_string_value (builder, gazette_feed_probe_get_url (probe));
          json_builder_set_member_name (builder, "alternatives");
          json_add_alternatives (builder, alternatives);
          json_builder_end_object (builder);
          gazette_json_print (builder);
        }
      else
        {
          /* Translators: %s is a web address. */
          g_print (_("%s is a web page that links to several feeds:\n"),
                   gazette_feed_probe_get_url (probe));
          print_alternatives (alternatives);
        }
      g_printerr ("gazette: %s\n",
                  _("Choose one of these feeds and add it with “gazette feeds add URL”."));
      return EXIT_FAILURE;
    }

  if (!(store = open_store (cli, &error))
      || !(feed = gazette_store_add_feed (store, subscribe_url, &error)))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      gazette_json_add_feed (builder, feed);
      gazette_json_print (builder);
    }
  else
    {
      if (!gazette_feed_probe_is_feed (probe))
        /* Translators: the first %s is a web page's address, the second its feed's. */
        g_print (_("%s is a web page; it links to the feed %s.\n"),
                 gazette_feed_probe_get_url (probe), subscribe_url);
      /* Translators: %s is a feed's URL. */
      g_print (_("Subscribed to %s.\n"), gazette_feed_get_url (feed));
      g_print ("%s\n", _("Run “gazette sync” to fetch its announcements."));
    }

  return EXIT_SUCCESS;
}

static int
feeds_import (Cli        *cli,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  guint n_added = 0;
  guint n_skipped = 0;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    return report_error (error);

  if (!(store = open_store (cli, &error))
      || !gazette_store_import_opml (store, bytes, &n_added, &n_skipped, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: the first %s is a file name, the second what is wrong with it. */
      g_printerr (_("gazette: %s: %s\n"), name, error->message);
      return EXIT_FAILURE;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, n_added);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, n_skipped);
      json_builder_end_object (builder);
      gazette_json_print (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %u is how many feeds an OPML file added. */
                            "Subscribed to %u new feed.\n",
                            "Subscribed to %u new feeds.\n", n_added), n_added);
      if (n_skipped > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: %u is how many feeds of an OPML file were not
                               * added. */
                              "Skipped %u feed: already subscribed, or not a web address.\n",
                              "Skipped %u feeds: already subscribed, or not web addresses.\n",
                              n_skipped), n_skipped);
      if (n_added > 0)
        g_print ("%s\n", _("Run “gazette sync” to fetch their announcements."));
    }

  return EXIT_SUCCESS;
}

static int
feeds_export (Cli        *cli,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GBytes) opml = NULL;

  if (!(store = open_store (cli, &error)) || !(opml = gazette_store_export_opml (store, &error)))
    return report_error (error);

  if (path == NULL)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (opml, &len);

      fwrite (data, 1, len, stdout);
      return ferror (stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      if (!g_file_replace_contents (file, g_bytes_get_data (opml, NULL), g_bytes_get_size (opml),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        return report_error (error);
    }

  return EXIT_SUCCESS;
}

static int
feeds_remove (Cli        *cli,
              const char *url_or_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GazetteFeed) feed = NULL;
  guint n_removed = 0;

  if (!(store = open_store (cli, &error))
      || !(feed = gazette_store_find_feed (store, url_or_id, &error))
      || !gazette_store_remove_feed (store, gazette_feed_get_id (feed), &n_removed, &error))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_int_value (builder, gazette_feed_get_id (feed));
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, gazette_feed_get_url (feed));
      json_builder_set_member_name (builder, "announcements");
      json_builder_add_int_value (builder, n_removed);
      json_builder_end_object (builder);
      gazette_json_print (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %s is a feed's name, %u how many announcements
                             * were removed with it. */
                            "Removed %s and its %u announcement.\n",
                            "Removed %s and its %u announcements.\n", n_removed),
               gazette_feed_get_display_name (feed), n_removed);
    }

  return EXIT_SUCCESS;
}

static char *
feed_status (GazetteFeed *feed)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (gazette_feed_get_gone (feed))
    /* Translators: a feed's status in the STATUS column of “gazette feeds list”. */
    return g_strdup (_("removed from the server"));
  if (gazette_feed_get_last_error (feed) != NULL)
    {
      g_autofree char *when = gazette_cli_format_date (gazette_feed_get_last_error_time (feed));
      /* Translators: %s is a date, %s the reason a feed could not be updated. */
      return g_strdup_printf (_("failed on %s: %s"), when, gazette_feed_get_last_error (feed));
    }
  if (gazette_feed_get_retry_after (feed) != NULL
      && g_date_time_compare (gazette_feed_get_retry_after (feed), now) > 0)
    /* Translators: a feed's status: the server asked Gazette to come back later. */
    return g_strdup (_("waiting, as the server asked"));
  if (gazette_feed_get_last_success (feed) == NULL)
    /* Translators: a feed's status. */
    return g_strdup (_("never updated"));
  if (gazette_feed_get_warning (feed) != NULL)
    /* Translators: %s is what was wrong with a feed that was read all the same. */
    return g_strdup_printf (_("up to date, with a warning: %s"), gazette_feed_get_warning (feed));
  /* Translators: a feed's status: its last update worked. */
  return g_strdup (_("up to date"));
}

static int
feeds_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GazetteTable) table = NULL;

  if (!(store = open_store (cli, &error)) || !(feeds = gazette_store_list_feeds (store, &error)))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < feeds->len; i++)
        gazette_json_add_feed (builder, g_ptr_array_index (feeds, i));
      json_builder_end_array (builder);
      gazette_json_print (builder);
      return EXIT_SUCCESS;
    }

  if (feeds->len == 0)
    {
      g_print ("%s\n", _("No feeds. Add one with “gazette feeds add URL”."));
      return EXIT_SUCCESS;
    }

  table = gazette_table_new (6);
  gazette_table_add_row (table,
                         /* Translators: column headings of “gazette feeds list”. English
                          * writes them in capitals to set them apart from the rows; do
                          * whatever marks a heading in your script. */
                         _("ID"), _("FEED"),
                         /* Translators: a column heading: how many announcements. */
                         _("ANNOUNCEMENTS"),
                         /* Translators: a column heading: how many are unread. */
                         _("UNREAD"), _("STATUS"), _("URL"), NULL);
  for (guint i = 0; i < feeds->len; i++)
    {
      GazetteFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, gazette_feed_get_id (feed));
      g_autofree char *count = g_strdup_printf ("%u", gazette_feed_get_n_announcements (feed));
      g_autofree char *unread = g_strdup_printf ("%u", gazette_feed_get_n_unread (feed));
      g_autofree char *status = feed_status (feed);

      gazette_table_add_row (table, id, gazette_feed_get_display_name (feed), count, unread,
                             status, gazette_feed_get_url (feed), NULL);
    }
  gazette_table_print (table);

  return EXIT_SUCCESS;
}

static int
command_feeds (Cli   *cli,
               int    argc,
               char **argv)
{
  const char *sub = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (sub, "list") == 0 && argc == 2)
    return feeds_list (cli);
  if (g_strcmp0 (sub, "add") == 0 && argc == 3)
    return feeds_add (cli, argv[2]);
  if (g_strcmp0 (sub, "remove") == 0 && argc == 3)
    return feeds_remove (cli, argv[2]);
  if (g_strcmp0 (sub, "import") == 0 && argc == 3)
    return feeds_import (cli, argv[2]);
  if (g_strcmp0 (sub, "export") == 0 && (argc == 2 || argc == 3))
    return feeds_export (cli, argc == 3 ? argv[2] : NULL);

  return usage_error ("feeds", _("Use “feeds add URL”, “feeds remove URL-or-ID”, “feeds list”, "
                                 "“feeds import FILE” or “feeds export [FILE]”."));
}

/* ---- sync ----------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GPtrArray *reports;
  GError    *error;
} SyncWait;

static void
sync_run_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->reports = gazette_sync_run_finish (GAZETTE_SYNC (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static const char *
sync_status_to_string (GazetteSyncStatus status)
{
  switch (status)
    {
    case GAZETTE_SYNC_STORED: return "stored";
    case GAZETTE_SYNC_NOT_MODIFIED: return "not-modified";
    case GAZETTE_SYNC_POSTPONED: return "postponed";
    case GAZETTE_SYNC_FAILED: return "failed";
    default: g_assert_not_reached ();
    }
}

static char *
sync_report_to_text (GazetteSyncReport *report)
{
  switch (report->status)
    {
    case GAZETTE_SYNC_STORED:
      /* Translators: counts of announcements after a feed was updated. */
      return g_strdup_printf (_("%u new, %u updated, %u unchanged"),
                              report->stats.n_new, report->stats.n_updated,
                              report->stats.n_unchanged);

    case GAZETTE_SYNC_NOT_MODIFIED:
      /* Translators: what updating a feed did, after the feed's name. */
      return g_strdup (_("not modified since the last update"));

    case GAZETTE_SYNC_POSTPONED:
      {
        g_autofree char *when =
          gazette_cli_format_date_time (gazette_feed_get_retry_after (report->feed));
        /* Translators: %s is a date and time. */
        return g_strdup_printf (_("postponed until %s, as the server asked"), when);
      }

    case GAZETTE_SYNC_FAILED:
      /* Translators: %s is the reason, a whole sentence. */
      return g_strdup_printf (_("failed: %s"), report->error->message);

    default:
      g_assert_not_reached ();
    }
}

static int
command_sync (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GazetteSync) sync = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  SyncWait wait = { 0 };
  gboolean any_failed = FALSE;

  if (!(store = open_store (cli, &error)))
    return report_error (error);

  if (argc > 1)
    {
      feeds = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 1; i < argc; i++)
        {
          g_autofree char *url = feed_location_to_url (argv[i]);
          GazetteFeed *feed = gazette_store_find_feed (store, url, NULL);

          if (feed == NULL)
            feed = gazette_store_find_feed (store, argv[i], &error);
          if (feed == NULL)
            {
              g_autofree char *message =
                /* Translators: %s is a feed address. */
                g_strdup_printf (_("You are not subscribed to “%s”. Add it first with "
                                   "“gazette feeds add”."), argv[i]);
              return usage_error ("sync", message);
            }
          g_ptr_array_add (feeds, feed);
        }
    }

  sync = gazette_sync_new (store);
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  gazette_sync_run_async (sync, feeds, NULL, sync_run_cb, &wait);
  g_main_loop_run (loop);

  if (wait.error != NULL)
    {
      g_autoptr(GError) run_error = wait.error;
      return report_error (run_error);
    }
  reports = wait.reports;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < reports->len; i++)
        {
          GazetteSyncReport *report = g_ptr_array_index (reports, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "feed");
          gazette_json_add_feed (builder, report->feed);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, sync_status_to_string (report->status));
          json_builder_set_member_name (builder, "new");
          json_builder_add_int_value (builder, report->stats.n_new);
          json_builder_set_member_name (builder, "updated");
          json_builder_add_int_value (builder, report->stats.n_updated);
          json_builder_set_member_name (builder, "unchanged");
          json_builder_add_int_value (builder, report->stats.n_unchanged);
          json_builder_set_member_name (builder, "error");
          if (report->error != NULL)
            json_builder_add_string_value (builder, report->error->message);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      gazette_json_print (builder);
    }
  else if (reports->len == 0)
    g_print ("%s\n", _("No feeds to update. Add one with “gazette feeds add URL”."));

  for (guint i = 0; i < reports->len; i++)
    {
      GazetteSyncReport *report = g_ptr_array_index (reports, i);

      if (report->status == GAZETTE_SYNC_FAILED)
        any_failed = TRUE;

      if (!cli->json)
        {
          g_autofree char *text = sync_report_to_text (report);
          /* Translators: a feed's name, then what updating it did. */
          g_print (_("%s: %s\n"), gazette_feed_get_display_name (report->feed), text);
        }
    }

  return any_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* ---- list and show -------------------------------------------------------------------- */

static char *opt_district;
static char *opt_official;
static char *opt_project;
static char *opt_organisation;
static char *opt_feed;
static gboolean opt_unread;
static gboolean opt_starred;
static int opt_limit = 50;

/* The filters list and search share. */
#define FILTER_ENTRIES \
  { "district", 0, 0, G_OPTION_ARG_STRING, &opt_district, \
    /* Translators: in the descriptions of list's options, ID is the option's value, which \
     * --help shows as “--district=ID”. */ \
    N_("Only announcements about district ID or the districts within it"), N_("ID") }, \
  { "official", 0, 0, G_OPTION_ARG_STRING, &opt_official, \
    N_("Only announcements that name official ID"), N_("ID") }, \
  { "project", 0, 0, G_OPTION_ARG_STRING, &opt_project, \
    N_("Only announcements about project ID"), N_("ID") }, \
  { "organisation", 0, 0, G_OPTION_ARG_STRING, &opt_organisation, \
    N_("Only announcements that name organisation ID"), N_("ID") }, \
  { "feed", 0, 0, G_OPTION_ARG_STRING, &opt_feed, \
    N_("Only announcements from feed ID or URL"), N_("ID") }, \
  { "unread", 0, 0, G_OPTION_ARG_NONE, &opt_unread, \
    N_("Only unread announcements"), NULL }, \
  { "starred", 0, 0, G_OPTION_ARG_NONE, &opt_starred, \
    N_("Only starred announcements"), NULL }, \

static const GOptionEntry list_entries[] = {
  FILTER_ENTRIES
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit,
    /* Translators: N is the option's value, as the next message names it. */
    N_("Show at most N announcements, newest first (0 for all; default 50)"),
    /* Translators: the value of --limit in --help, a number. */
    N_("N") },
  { NULL }
};

/* The filters of list and search, from their options. */
static gboolean
fill_query (GazetteStore  *store,
            GazetteQuery  *query,
            GError       **error)
{
  query->district_id = opt_district;
  query->official_id = opt_official;
  query->project_id = opt_project;
  query->organisation_id = opt_organisation;
  query->unread_only = opt_unread;
  query->starred_only = opt_starred;
  if (opt_feed != NULL)
    {
      g_autoptr(GazetteFeed) feed = gazette_store_find_feed (store, opt_feed, error);
      if (feed == NULL)
        return FALSE;
      query->feed_id = gazette_feed_get_id (feed);
    }

  return TRUE;
}

static int
command_list (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GazetteTable) table = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  GazetteQuery query = { 0 };
  GazetteCursor cursor = { 0 };
  gboolean have_cursor = FALSE;
  guint n_shown = 0;
  guint limit;

  if (argc > 1)
    return usage_error ("list", _("“list” takes no arguments, only options."));
  if (opt_limit < 0)
    return usage_error ("list", _("--limit must be 0 or more."));
  limit = opt_limit == 0 ? G_MAXUINT : (guint) opt_limit;

  if (!(store = open_store (cli, &error)) || !fill_query (store, &query, &error))
    return report_error (error);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    {
      table = gazette_table_new (4);
      /* Translators: column headings of “gazette list”, in capitals as in “gazette feeds
       * list”. */
      gazette_table_add_row (table, _("DATE"), _("LANGUAGE"), _("ID"), _("TITLE"), NULL);
    }

  /* Page through the store so that a limit of 0 never holds every row at once. */
  while (n_shown < limit)
    {
      g_autoptr(GPtrArray) page = NULL;
      guint page_size = MIN (limit - n_shown, 500);

      page = gazette_store_list_announcements (store, &query, have_cursor ? &cursor : NULL,
                                               page_size, &error);
      if (page == NULL)
        return report_error (error);

      for (guint i = 0; i < page->len; i++)
        {
          GazetteAnnouncement *announcement = g_ptr_array_index (page, i);

          if (cli->json)
            gazette_json_add_announcement (builder, announcement, FALSE);
          else
            {
              g_autofree char *date =
                gazette_cli_format_date (gazette_announcement_get_published (announcement));
              gazette_table_add_row (table, date,
                                     gazette_announcement_get_language (announcement),
                                     gazette_announcement_get_id (announcement),
                                     gazette_announcement_get_title (announcement), NULL);
            }
        }

      n_shown += page->len;
      if (page->len < page_size)
        break;
      gazette_cursor_init_after (&cursor, g_ptr_array_index (page, page->len - 1));
      have_cursor = TRUE;

      /* Text is aligned over all rows, so it is printed at the end; JSON as it comes. */
    }

  if (cli->json)
    {
      json_builder_end_array (builder);
      gazette_json_print (builder);
    }
  else if (n_shown == 0)
    g_print ("%s\n", _("No announcements. Run “gazette sync” to fetch your feeds."));
  else
    gazette_table_print (table);

  return EXIT_SUCCESS;
}

/* ---- search --------------------------------------------------------------------------- */

static const GOptionEntry search_entries[] = {
  FILTER_ENTRIES
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit,
    N_("Show at most N announcements, best match first (0 for all; default 50)"), N_("N") },
  { NULL }
};

static void
json_add_spans (JsonBuilder  *builder,
                const char   *member,
                const GArray *spans)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < spans->len; i++)
    {
      const GazetteSpan *span = &g_array_index (spans, GazetteSpan, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, span->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, span->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* @text with its matches in bold on a terminal, as it is elsewhere. */
static char *
mark_matches (const char   *text,
              const GArray *spans)
{
  GString *out;
  guint done = 0;

  if (text == NULL)
    return g_strdup ("");
  if (!isatty (STDOUT_FILENO) || g_getenv ("NO_COLOR") != NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const GazetteSpan *span = &g_array_index (spans, GazetteSpan, i);

      g_string_append_len (out, text + done, span->start - done);
      g_string_append (out, "\033[1m");
      g_string_append_len (out, text + span->start, span->end - span->start);
      g_string_append (out, "\033[0m");
      done = span->end;
    }
  g_string_append (out, text + done);

  return g_string_free (out, FALSE);
}

static int
command_search (Cli   *cli,
                int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *text = NULL;
  GazetteQuery query = { 0 };

  if (argc < 2)
    return usage_error ("search", _("“search” takes the words to look for."));
  if (opt_limit < 0)
    return usage_error ("search", _("--limit must be 0 or more."));

  /* Unquoted words arrive one argument each; they mean the same as one argument. */
  text = g_strjoinv (" ", argv + 1);

  if (!(store = open_store (cli, &error)) || !fill_query (store, &query, &error) ||
      !(hits = gazette_store_search (store, text, &query, (guint) opt_limit, &error)))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          GazetteSearchHit *hit = g_ptr_array_index (hits, i);
          GazetteAnnouncement *announcement = gazette_search_hit_get_announcement (hit);
          g_autofree char *published =
            g_date_time_format_iso8601 (gazette_announcement_get_published (announcement));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, gazette_announcement_get_id (announcement));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, gazette_announcement_get_title (announcement));
          json_builder_set_member_name (builder, "language");
          json_builder_add_string_value (builder,
                                         gazette_announcement_get_language (announcement));
          json_builder_set_member_name (builder, "published");
          json_builder_add_string_value (builder, published);
          json_builder_set_member_name (builder, "translation_group");
          json_builder_add_string_value (builder,
                                         gazette_announcement_get_translation_group (announcement));
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, gazette_search_hit_get_score (hit));
          json_builder_set_member_name (builder, "snippet");
          json_builder_add_string_value (builder, gazette_search_hit_get_snippet (hit));
          json_add_spans (builder, "title_matches", gazette_search_hit_get_title_matches (hit));
          json_add_spans (builder, "snippet_matches",
                          gazette_search_hit_get_snippet_matches (hit));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      gazette_json_print (builder);
      return EXIT_SUCCESS;
    }

  if (hits->len == 0)
    {
      /* Translators: %s is what the user searched for. */
      g_print (_("No announcements match “%s”.\n"), text);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      GazetteSearchHit *hit = g_ptr_array_index (hits, i);
      GazetteAnnouncement *announcement = gazette_search_hit_get_announcement (hit);
      g_autofree char *date =
        gazette_cli_format_date (gazette_announcement_get_published (announcement));
      g_autofree char *title = mark_matches (gazette_announcement_get_title (announcement),
                                             gazette_search_hit_get_title_matches (hit));
      g_autofree char *snippet = mark_matches (gazette_search_hit_get_snippet (hit),
                                               gazette_search_hit_get_snippet_matches (hit));

      if (i > 0)
        g_print ("\n");
      g_print ("%s  %s  %s\n", date, gazette_announcement_get_language (announcement) ?: "",
               gazette_announcement_get_id (announcement));
      g_print ("  %s\n", title);
      if (*snippet != '\0')
        g_print ("  %s\n", snippet);
    }

  return EXIT_SUCCESS;
}

static void
print_heading (const char *heading)
{
  g_print ("\n%s\n", heading);
}

static int
command_show (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GazetteAnnouncement) announcement = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  GazetteEntity *district;
  GPtrArray *officials, *quotes, *projects, *organisations, *figures;
  GStrv languages;

  if (argc != 2)
    return usage_error ("show", _("“show” takes the ID of one announcement."));

  if (!(store = open_store (cli, &error))
      || !(announcement = gazette_store_get_announcement (store, argv[1], &error)))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      gazette_json_add_announcement (builder, announcement, TRUE);
      gazette_json_print (builder);
      return EXIT_SUCCESS;
    }

  g_print ("%s\n", gazette_announcement_get_title (announcement) ?: "");
  date = gazette_cli_format_date (gazette_announcement_get_published (announcement));
  /* Translators: label and value lines under an announcement's title. */
  g_print (_("Published: %s\n"), date);
  if (gazette_announcement_get_feed_title (announcement) != NULL)
    g_print (_("Source: %s\n"), gazette_announcement_get_feed_title (announcement));

  district = gazette_announcement_get_district (announcement);
  if (district != NULL)
    {
      g_autoptr(GString) path = g_string_new (entity_name (cli, district));
      g_autoptr(GazetteEntity) parent = NULL;
      g_autofree char *parent_id = g_strdup (district->parent_id);

      /* Xiaoshan › Hangzhou › Zhejiang reads wrong way round: build it outermost first. */
      for (guint depth = 0; parent_id != NULL && depth < 16; depth++)
        {
          g_clear_pointer (&parent, gazette_entity_unref);
          parent = gazette_store_get_entity (store, GAZETTE_ENTITY_DISTRICT, parent_id, NULL);
          if (parent == NULL)
            break;
          g_string_prepend (path, " › ");
          g_string_prepend (path, entity_name (cli, parent));
          g_free (parent_id);
          parent_id = g_strdup (parent->parent_id);
        }
      g_print (_("District: %s\n"), path->str);
    }
  if (gazette_announcement_get_url (announcement) != NULL)
    g_print (_("Link: %s\n"), gazette_announcement_get_url (announcement));
  languages = gazette_announcement_get_languages (announcement);
  if (languages != NULL)
    {
      g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
      g_auto(GStrv) other_languages = NULL;

      for (guint i = 0; languages[i] != NULL; i++)
        if (!gazette_language_matches (languages[i],
                                       gazette_announcement_get_language (announcement)))
          g_strv_builder_add (others, languages[i]);
      other_languages = g_strv_builder_end (others);
      if (other_languages[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", other_languages);
          /* Translators: %s lists language tags, such as "en, zh-Hans". */
          g_print (_("Also in: %s\n"), joined);
        }
    }

  if (gazette_announcement_get_content_html (announcement) != NULL)
    body = gazette_html_to_text (gazette_announcement_get_content_html (announcement));
  else if (gazette_announcement_get_content_text (announcement) != NULL)
    body = g_strdup (gazette_announcement_get_content_text (announcement));
  else
    body = g_strdup (gazette_announcement_get_summary (announcement));
  if (body != NULL && *body != '\0')
    g_print ("\n%s\n", body);

  officials = gazette_announcement_get_officials (announcement);
  quotes = gazette_announcement_get_quotes (announcement);
  if (officials->len > 0)
    {
      /* Translators: a heading in “gazette show”, over the officials an announcement
       * quotes and what they said. */
      print_heading (_("Officials quoted"));
      for (guint i = 0; i < officials->len; i++)
        {
          GazetteEntity *official = g_ptr_array_index (officials, i);
          const char *role = official->roles->len > 0
                               ? localized (cli, g_ptr_array_index (official->roles, 0))
                               : NULL;

          if (role != NULL)
            /* Translators: an official's name and role. */
            g_print (_("  %s, %s\n"), entity_name (cli, official), role);
          else
            g_print ("  %s\n", entity_name (cli, official));

          for (guint j = 0; j < quotes->len; j++)
            {
              GazetteQuote *quote = g_ptr_array_index (quotes, j);
              if (g_strcmp0 (quote->official_id, official->id) == 0)
                /* Translators: a quotation, indented under who said it. */
                g_print (_("    “%s”\n"), quote->text);
            }
        }
    }

  projects = gazette_announcement_get_projects (announcement);
  if (projects->len > 0)
    {
      /* Translators: a heading in “gazette show”. */
      print_heading (_("Linked projects"));
      for (guint i = 0; i < projects->len; i++)
        {
          GazetteEntity *project = g_ptr_array_index (projects, i);
          const char *summary = localized (cli, project->summary);

          g_print ("  %s\n", entity_name (cli, project));
          if (summary != NULL)
            g_print ("    %s\n", summary);
        }
    }

  organisations = gazette_announcement_get_organisations (announcement);
  if (organisations->len > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      /* Translators: a heading in “gazette show”, over the companies and bodies an
       * announcement names. */
      print_heading (_("Organisations"));
      for (guint i = 0; i < organisations->len; i++)
        g_ptr_array_add (names, (char *) entity_name (cli, g_ptr_array_index (organisations, i)));
      g_ptr_array_add (names, NULL);
      /* Translators: what separates the names in a list of organisations; Chinese uses “、”. */
      joined = g_strjoinv (_(", "), (char **) names->pdata);
      g_print ("  %s\n", joined);
    }

  figures = gazette_announcement_get_figures (announcement);
  if (figures->len > 0)
    {
      g_autoptr(GazetteTable) table = gazette_table_new (3);

      /* Translators: a heading in “gazette show”, over the amounts and targets an
       * announcement gives, such as an investment and its year. */
      print_heading (_("Figures"));
      for (guint i = 0; i < figures->len; i++)
        {
          GazetteFigure *figure = g_ptr_array_index (figures, i);
          g_autofree char *label = g_strconcat ("  ", localized (cli, figure->label) ?: "", NULL);
          g_autofree char *value = gazette_format_amount (figure->value, figure->unit, NULL);
          g_autofree char *year = figure->year != 0 ? gazette_format_year (figure->year, NULL)
                                                    : NULL;

          gazette_table_add_row (table, label, value, year, NULL);
        }
      gazette_table_print (table);
    }

  return EXIT_SUCCESS;
}

/* ---- entities ------------------------------------------------------------------------- */

static guint
count_for_entity (GazetteStore  *store,
                  GazetteEntity *entity)
{
  GazetteQuery query = { 0 };
  guint count = 0;

  switch (entity->kind)
    {
    case GAZETTE_ENTITY_DISTRICT: query.district_id = entity->id; break;
    case GAZETTE_ENTITY_OFFICIAL: query.official_id = entity->id; break;
    case GAZETTE_ENTITY_PROJECT: query.project_id = entity->id; break;
    case GAZETTE_ENTITY_ORGANISATION: query.organisation_id = entity->id; break;
    default: g_assert_not_reached ();
    }

  if (!gazette_store_count_announcements (store, &query, &count, NULL))
    return 0;
  return count;
}

static guint
district_depth (GPtrArray     *districts,
                GazetteEntity *district)
{
  guint depth = 0;
  const char *parent_id = district->parent_id;

  while (parent_id != NULL && depth < 16)
    {
      const char *next = NULL;

      for (guint i = 0; i < districts->len; i++)
        {
          GazetteEntity *other = g_ptr_array_index (districts, i);
          if (g_strcmp0 (other->id, parent_id) == 0)
            {
              next = other->parent_id;
              depth++;
              break;
            }
        }
      if (next == NULL && depth == 0)
        break;
      parent_id = next;
    }

  return depth;
}

static void
add_district_rows (Cli          *cli,
                   GazetteStore *store,
                   GPtrArray    *districts,
                   const char   *parent_id,
                   GazetteTable *table)
{
  for (guint i = 0; i < districts->len; i++)
    {
      GazetteEntity *district = g_ptr_array_index (districts, i);
      gboolean is_root = parent_id == NULL && district_depth (districts, district) == 0;
      g_autofree char *name = NULL;
      g_autofree char *count = NULL;

      if (!(is_root || (parent_id != NULL && g_strcmp0 (district->parent_id, parent_id) == 0)))
        continue;

      name = g_strdup_printf ("%*s%s", 2 * district_depth (districts, district), "",
                              entity_name (cli, district));
      count = g_strdup_printf ("%u", count_for_entity (store, district));
      gazette_table_add_row (table, district->id, count, name, NULL);
      add_district_rows (cli, store, districts, district->id, table);
    }
}

/* The statuses docs/feed-format.md defines, in the reader's language; others as written. */
static const char *
project_status_to_string (const char *status)
{
  static const struct {
    const char *status;
    const char *text;
  } statuses[] = {
    /* Translators: the status of a project. */
    { "planned", N_("planned") },
    /* Translators: the status of a project. */
    { "launched", N_("launched") },
    /* Translators: the status of a project. */
    { "under-construction", N_("under construction") },
    /* Translators: the status of a project. */
    { "completed", N_("completed") },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (status, statuses[i].status))
      return _(statuses[i].text);

  return status;
}

static int
list_entities (Cli               *cli,
               GazetteEntityKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GazetteTable) table = NULL;

  if (!(store = open_store (cli, &error))
      || !(entities = gazette_store_list_entities (store, kind, &error)))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entities->len; i++)
        {
          GazetteEntity *entity = g_ptr_array_index (entities, i);

          gazette_json_add_entity (builder, entity, count_for_entity (store, entity));
        }
      json_builder_end_array (builder);
      gazette_json_print (builder);
      return EXIT_SUCCESS;
    }

  if (entities->len == 0)
    {
      g_print ("%s\n", _("None yet. Run “gazette sync” to fetch your feeds."));
      return EXIT_SUCCESS;
    }

  table = gazette_table_new (3);
  /* Translators: column headings of “gazette officials”, “projects” and the like. */
  gazette_table_add_row (table, _("ID"), _("ANNOUNCEMENTS"), _("NAME"), NULL);

  if (kind == GAZETTE_ENTITY_DISTRICT)
    add_district_rows (cli, store, entities, NULL, table);
  else
    for (guint i = 0; i < entities->len; i++)
      {
        GazetteEntity *entity = g_ptr_array_index (entities, i);
        g_autofree char *count = g_strdup_printf ("%u", count_for_entity (store, entity));
        g_autofree char *name = NULL;
        const char *detail = NULL;

        if (kind == GAZETTE_ENTITY_OFFICIAL && entity->roles->len > 0)
          detail = localized (cli, g_ptr_array_index (entity->roles, 0));
        else if (kind == GAZETTE_ENTITY_PROJECT)
          detail = project_status_to_string (entity->status);

        if (detail != NULL)
          /* Translators: a name, then a role or a project's status. */
          name = g_strdup_printf (_("%s (%s)"), entity_name (cli, entity), detail);
        else
          name = g_strdup (entity_name (cli, entity));
        gazette_table_add_row (table, entity->id, count, name, NULL);
      }

  gazette_table_print (table);
  return EXIT_SUCCESS;
}

/* officials, projects, districts, organisations: argv[0] is the command's name. */
static int
command_entities (Cli   *cli,
                  int    argc,
                  char **argv)
{
  static const struct {
    const char        *command;
    GazetteEntityKind  kind;
  } kinds[] = {
    { "officials", GAZETTE_ENTITY_OFFICIAL },
    { "projects", GAZETTE_ENTITY_PROJECT },
    { "districts", GAZETTE_ENTITY_DISTRICT },
    { "organisations", GAZETTE_ENTITY_ORGANISATION },
  };

  if (argc != 1)
    return usage_error (argv[0], _("This command takes no arguments."));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (argv[0], kinds[i].command))
      return list_entities (cli, kinds[i].kind);

  g_assert_not_reached ();
}

/* ---- validate ------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop          *loop;
  GazetteFetchResult *result;
  GError             *error;
} FetchWait;

static void
validate_fetch_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FetchWait *wait = user_data;

  wait->result = gazette_fetcher_fetch_finish (GAZETTE_FETCHER (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static int
command_validate (Cli   *cli,
                  int    argc,
                  char **argv)
{
  g_autoptr(GazetteFetcher) fetcher = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GazetteFetchResult) result = NULL;
  g_autoptr(GazetteFeedDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GazetteFetchRequest request = { 0 };
  FetchWait wait = { 0 };
  guint n_errors = 0;

  if (argc != 2)
    return usage_error ("validate", _("“validate” takes one URL or file."));

  url = feed_location_to_url (argv[1]);
  fetcher = gazette_fetcher_new ();
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  request.url = url;
  gazette_fetcher_fetch_async (fetcher, &request, NULL, validate_fetch_cb, &wait);
  g_main_loop_run (loop);

  if (wait.error != NULL)
    {
      g_autoptr(GError) fetch_error = wait.error;
      return report_error (fetch_error);
    }
  result = wait.result;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);
  document = gazette_feed_parse (result->body, result->content_type, result->final_url,
                                 problems, &error);

  /* The parser lists every problem it can; a failure before it could (bad UTF-8, not JSON)
   * is the only problem there is. */
  if (document == NULL && problems->len == 0)
    g_ptr_array_add (problems, gazette_problem_new (TRUE, NULL, error->message));

  for (guint i = 0; i < problems->len; i++)
    if (((GazetteProblem *) g_ptr_array_index (problems, i))->is_error)
      n_errors++;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, document != NULL);
      json_builder_set_member_name (builder, "items");
      json_builder_add_int_value (builder, document != NULL ? document->announcements->len : 0);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        {
          GazetteProblem *problem = g_ptr_array_index (problems, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, problem->is_error ? "error" : "warning");
          json_builder_set_member_name (builder, "location");
          if (problem->location != NULL)
            json_builder_add_string_value (builder, problem->location);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, problem->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      gazette_json_print (builder);
    }
  else
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *text = gazette_problem_to_string (g_ptr_array_index (problems, i));
          g_print ("%s\n", text);
        }

      if (document != NULL)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: %s is a feed address; %u how many items it has. */
                              "%s is a valid feed with %u item.\n",
                              "%s is a valid feed with %u items.\n",
                              document->announcements->len),
                 argv[1], document->announcements->len);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: %s is a feed address; %u how many errors were
                               * found. */
                              "%s is not a valid feed: %u error.\n",
                              "%s is not a valid feed: %u errors.\n", MAX (n_errors, 1)),
                 argv[1], MAX (n_errors, 1));
    }

  return document != NULL ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* ---- clean ---------------------------------------------------------------------------- */

static int opt_older_than = -1;

static const GOptionEntry clean_entries[] = {
  { "older-than", 0, 0, G_OPTION_ARG_INT, &opt_older_than,
    N_("Remove read announcements published more than DAYS days ago"), N_("DAYS") },
  { NULL }
};

static int
command_clean (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GazetteStore) store = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) older_than = NULL;
  guint n_removed = 0;

  if (argc != 1)
    return usage_error ("clean", _("“clean” takes no arguments besides --older-than DAYS."));
  if (opt_older_than < 0)
    return usage_error ("clean", _("Say how old with --older-than DAYS (0 or more)."));

  now = g_date_time_new_now_utc ();
  older_than = g_date_time_add_days (now, -opt_older_than);

  if (!(store = open_store (cli, &error))
      || !gazette_store_remove_old (store, older_than, &n_removed, &error))
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *iso = g_date_time_format_iso8601 (older_than);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_int_value (builder, n_removed);
      json_builder_set_member_name (builder, "published_before");
      json_builder_add_string_value (builder, iso);
      json_builder_end_object (builder);
      gazette_json_print (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %u is how many announcements were removed, %d a
                             * number of days. */
                            "Removed %u read announcement older than %d days.\n",
                            "Removed %u read announcements older than %d days.\n", n_removed),
               n_removed, opt_older_than);
    }

  return EXIT_SUCCESS;
}

/* ---- dispatch ------------------------------------------------------------------------- */

static const Command commands[] = {
  { "feeds", "add URL | remove URL-or-ID | list | import FILE | export [FILE]",
    N_("Manage your subscriptions"),
    command_feeds },
  { "sync", "[URL…]", N_("Fetch feeds and store what is new"), command_sync },
  { "list", "", N_("List announcements, newest first"), command_list },
  { "search", "QUERY…", N_("Search announcements in every language, best match first"),
    command_search },
  { "show", "ID", N_("Show one announcement with its officials, projects and figures"),
    command_show },
  { "officials", "", N_("List the officials named in announcements"), command_entities },
  { "projects", "", N_("List the projects announcements link to"), command_entities },
  { "districts", "", N_("List districts, province › city › district"), command_entities },
  { "organisations", "", N_("List the organisations named in announcements"),
    command_entities },
  { "validate", "URL-or-FILE", N_("Check a feed and print every problem with its location"),
    command_validate },
  { "clean", "--older-than DAYS",
    N_("Remove old read announcements and their images"), command_clean },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_usage (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n  gazette [--data-dir DIR] [--json] COMMAND [ARGUMENTS…]\n\n",
                          /* Translators: a heading in --help. */
                          _("Usage:"));
  /* Translators: a heading in --help. */
  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, commands[i].parameters);
      guint width = gazette_text_width (call);

      g_string_append_printf (text, "  %s", call);
      for (guint pad = width; pad < 42; pad++)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, " %s\n", _(commands[i].summary));
    }
  /* Translators: a heading in --help. */
  g_string_append_printf (text, "\n%s\n", _("Options:"));
  g_string_append_printf (text, "  --data-dir DIR   %s\n", _(global_entries[0].description));
  g_string_append_printf (text, "  --json           %s\n", _(global_entries[1].description));
  g_string_append_printf (text, "  --version        %s\n", _("Print the version and exit"));
  g_string_append_printf (text, "\n%s\n", _("“gazette COMMAND --help” describes one command."));
  g_string_append_printf (text, "%s\n",
                          _("Without a command, Gazette opens its window; "
                            "“gazette --help-all” lists the window’s options."));
  g_print ("%s", text->str);
}

/**
 * gazette_cli_is_command_line:
 * @argc: the argument count, as main() got it
 * @argv: the arguments, as main() got them
 *
 * Tells the command line from the window's invocations: a command word, `--help` or
 * `--version` is for the command line; no command (`gazette`, `gazette --screenshot
 * FILE`) opens the window.
 *
 * Returns: %TRUE when gazette_cli_run() should handle @argv
 */
gboolean
gazette_cli_is_command_line (int    argc,
                             char **argv)
{
  /* Options that take their value as the next argument, the window's included. */
  static const char * const with_value[] = {
    "--data-dir", "--screenshot", "--width", "--height", "--select", "--page", NULL
  };

  for (int i = 1; i < argc; i++)
    {
      if (g_strv_contains (with_value, argv[i]))
        {
          i++;
          continue;
        }
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
          g_str_equal (argv[i], "--version"))
        return TRUE;
      if (argv[i][0] != '-')
        return TRUE;
    }

  return FALSE;
}

/**
 * gazette_cli_run:
 * @argc: the argument count, as main() got it
 * @argv: the arguments, as main() got them
 *
 * Runs one command of Gazette's command line. It needs no display and never initialises GTK.
 *
 * Returns: the process exit status: 0 on success, 1 on failure, 2 on a usage error
 */
int
gazette_cli_run (int    argc,
                 char **argv)
{
  g_auto(GStrv) args = NULL;
  const Command *command = NULL;
  guint command_index = 0;
  Cli cli = { 0 };
  int n_args;
  int status;

  /* The command is the first argument that is not an option or an option's value. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--data-dir"))
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        {
          if (g_str_equal (argv[i], "--version"))
            opt_version = TRUE;
          else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
            {
              if (command_index == 0)
                {
                  print_usage ();
                  return EXIT_SUCCESS;
                }
            }
          continue;
        }
      command_index = i;
      break;
    }

  if (opt_version && command_index == 0)
    {
      g_print ("gazette %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (command_index == 0)
    {
      print_usage ();
      return EXIT_USAGE;
    }

  command = find_command (argv[command_index]);
  if (command == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed. */
        g_strdup_printf (_("“%s” is not a Gazette command."), argv[command_index]);
      return usage_error (NULL, message);
    }

  /* argv for the command: program name, command name, then everything else. */
  args = g_new0 (char *, argc + 1);
  args[0] = g_strdup (argv[0]);
  args[1] = g_strdup (argv[command_index]);
  n_args = 2;
  for (int i = 1; i < argc; i++)
    if ((guint) i != command_index)
      args[n_args++] = g_strdup (argv[i]);

  {
    g_autofree char **view = g_memdup2 (args, sizeof (char *) * (n_args + 1));
    char **parsed = view;
    g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, command->parameters);
    const GOptionEntry *entries = g_str_equal (command->name, "list") ? list_entries
                                  : g_str_equal (command->name, "clean") ? clean_entries
                                  : g_str_equal (command->name, "search") ? search_entries
                                  : NULL;
    int parsed_argc = n_args;

    status = parse_options (command, entries, parameters, &parsed_argc, &parsed);
    if (status >= 0)
      return status;

    cli.data_dir = opt_data_dir != NULL ? g_strdup (opt_data_dir)
                                        : gazette_store_dup_default_data_dir ();
    cli.json = opt_json;
    cli.languages = gazette_language_get_preferred ();

    /* From here on argv[0] is the command's name. */
    status = command->func (&cli, parsed_argc - 1, parsed + 1);
  }

  cli_clear (&cli);
  return status;
}
