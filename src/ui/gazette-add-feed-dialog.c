/* gazette-add-feed-dialog.c
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

#define G_LOG_DOMAIN "gazette-add-feed-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gazette-add-feed-dialog.h"
#include "gazette-feed-document.h"
#include "gazette-feed-probe.h"

/* Typing pauses this long before the address is checked. */
#define CHECK_DELAY_MS 700

struct _GazetteAddFeedDialog
{
  AdwWindow       parent_instance;

  GtkWidget      *add_button;
  AdwEntryRow    *address_row;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;
  GtkListBox     *choices_list;
  GtkLabel       *problems_label;

  GazetteStore   *store;
  GazetteFetcher *fetcher;
  GCancellable   *cancellable;
  guint           check_source;
  char           *chosen_url;
  guint           n_choices;
};

G_DEFINE_FINAL_TYPE (GazetteAddFeedDialog, gazette_add_feed_dialog, ADW_TYPE_WINDOW)

enum {
  FEED_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_status (GazetteAddFeedDialog *self,
            const char           *text,
            gboolean              is_error)
{
  gtk_label_set_label (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
choose (GazetteAddFeedDialog *self,
        const char           *url)
{
  g_free (self->chosen_url);
  self->chosen_url = g_strdup (url);
  gtk_widget_set_sensitive (self->add_button, url != NULL);
}

static void
reset (GazetteAddFeedDialog *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);

  choose (self, NULL);
  gtk_spinner_stop (self->spinner);
  set_status (self, NULL, FALSE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_list))) != NULL)
    gtk_list_box_remove (self->choices_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->choices_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
  self->n_choices = 0;
}

static void
choice_toggled_cb (GtkCheckButton       *button,
                   GazetteAddFeedDialog *self)
{
  if (gtk_check_button_get_active (button))
    choose (self, g_object_get_data (G_OBJECT (button), "url"));
}

static void
show_choices (GazetteAddFeedDialog *self,
              GPtrArray            *links)
{
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < links->len; i++)
    {
      GazetteFeedLink *link = g_ptr_array_index (links, i);
      const char *title = gazette_feed_link_get_title (link);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     title != NULL ? title : gazette_feed_link_get_url (link));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gazette_feed_link_get_url (link));
      g_object_set_data_full (G_OBJECT (check), "url",
                              g_strdup (gazette_feed_link_get_url (link)), g_free);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->choices_list, row);
    }

  self->n_choices = links->len;
  gtk_widget_set_visible (GTK_WIDGET (self->choices_list), links->len > 0);
  if (group != NULL)
    gtk_check_button_set_active (group, TRUE);
}

static void
show_problems (GazetteAddFeedDialog *self,
               GPtrArray            *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len && i < 5; i++)
    {
      g_autofree char *line = gazette_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s• %s", text->len > 0 ? "\n" : "", line);
    }

  gtk_label_set_label (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), text->len > 0);
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GazetteAddFeedDialog) self = user_data;
  g_autoptr(GazetteFeedProbe) probe = NULL;
  g_autoptr(GError) error = NULL;

  probe = gazette_feed_probe_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);

  if (probe == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }

  if (gazette_feed_probe_is_feed (probe))
    {
      guint n = gazette_feed_probe_get_n_items (probe);
      const char *title = gazette_feed_probe_get_title (probe);
      g_autofree char *text = NULL;

      /* Translators: “Xiaoshan District Announcements”: 6 announcements */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s”: %u announcement",
                                           "“%s”: %u announcements", n),
                              title != NULL ? title : gazette_feed_probe_get_url (probe), n);
      set_status (self, text, FALSE);
      show_problems (self, gazette_feed_probe_get_problems (probe));
      choose (self, gazette_feed_probe_get_url (probe));
      return;
    }

  set_status (self, g_dngettext (GETTEXT_PACKAGE, "This page offers a feed:",
                                 "This page offers several feeds. Choose one:",
                                 gazette_feed_probe_get_alternatives (probe)->len),
              FALSE);
  show_choices (self, gazette_feed_probe_get_alternatives (probe));
}

/**
 * gazette_add_feed_dialog_check:
 * @self: a #GazetteAddFeedDialog
 * @address: what the reader typed
 *
 * Fetches @address and says what it is: a feed, a page that links to feeds, or a problem.
 */
void
gazette_add_feed_dialog_check (GazetteAddFeedDialog *self,
                               const char           *address)
{
  g_autofree char *stripped = g_strstrip (g_strdup (address));

  g_return_if_fail (GAZETTE_IS_ADD_FEED_DIALOG (self));

  reset (self);
  if (stripped[0] == '\0')
    return;

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  set_status (self, _("Checking…"), FALSE);
  gazette_feed_probe_async (self->fetcher, stripped, self->cancellable, probe_cb,
                            g_object_ref (self));
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  GazetteAddFeedDialog *self = user_data;

  self->check_source = 0;
  gazette_add_feed_dialog_check (self, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));

  return G_SOURCE_REMOVE;
}

static void
address_changed_cb (GazetteAddFeedDialog *self)
{
  reset (self);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

static void
address_apply_cb (GazetteAddFeedDialog *self)
{
  gazette_add_feed_dialog_check (self, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
}

static void
add_clicked_cb (GazetteAddFeedDialog *self)
{
  g_autoptr(GazetteFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->chosen_url == NULL)
    return;

  feed = gazette_store_add_feed (self->store, self->chosen_url, &error);
  if (feed == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }

  g_signal_emit (self, signals[FEED_ADDED], 0, feed);
  gtk_window_close (GTK_WINDOW (self));
}

static void
gazette_add_feed_dialog_dispose (GObject *object)
{
  GazetteAddFeedDialog *self = (GazetteAddFeedDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->fetcher);
  g_clear_pointer (&self->chosen_url, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_ADD_FEED_DIALOG);

  G_OBJECT_CLASS (gazette_add_feed_dialog_parent_class)->dispose (object);
}

static void
gazette_add_feed_dialog_class_init (GazetteAddFeedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_add_feed_dialog_dispose;

  /**
   * GazetteAddFeedDialog::feed-added:
   * @feed: the #GazetteFeed now subscribed
   */
  signals[FEED_ADDED] =
    g_signal_new ("feed-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GAZETTE_TYPE_FEED);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/"
                                               "gazette-add-feed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteAddFeedDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, GazetteAddFeedDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, GazetteAddFeedDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GazetteAddFeedDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GazetteAddFeedDialog, choices_list);
  gtk_widget_class_bind_template_child (widget_class, GazetteAddFeedDialog, problems_label);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gazette_add_feed_dialog_init (GazetteAddFeedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gazette_add_feed_dialog_new:
 * @parent: the window it belongs to
 * @store: where the feed is added
 * @fetcher: what checks the address
 *
 * Returns: (transfer none): a new dialog, not yet presented
 */
GtkWidget *
gazette_add_feed_dialog_new (GtkWindow      *parent,
                             GazetteStore   *store,
                             GazetteFetcher *fetcher)
{
  GazetteAddFeedDialog *self;

  g_return_val_if_fail (GAZETTE_IS_STORE (store), NULL);
  g_return_val_if_fail (GAZETTE_IS_FETCHER (fetcher), NULL);

  self = g_object_new (GAZETTE_TYPE_ADD_FEED_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->fetcher = g_object_ref (fetcher);

  return GTK_WIDGET (self);
}

/* For tests. */

GtkWidget *
_gazette_add_feed_dialog_get_add_button (GazetteAddFeedDialog *self)
{
  return self->add_button;
}

const char *
_gazette_add_feed_dialog_get_status (GazetteAddFeedDialog *self)
{
  return gtk_label_get_label (self->status_label);
}

const char *
_gazette_add_feed_dialog_get_chosen_url (GazetteAddFeedDialog *self)
{
  return self->chosen_url;
}

guint
_gazette_add_feed_dialog_get_n_choices (GazetteAddFeedDialog *self)
{
  return self->n_choices;
}

gboolean
_gazette_add_feed_dialog_get_checking (GazetteAddFeedDialog *self)
{
  return self->cancellable != NULL && gtk_spinner_get_spinning (self->spinner);
}
