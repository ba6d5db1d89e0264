/* gtk-first-frame.c
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

/* The yardstick for bench/ui-bench: the first frame of a bare GTK 4 window with one label,
 * timed the same way as Gazette's. */

#define G_LOG_DOMAIN "gtk-first-frame"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <gtk/gtk.h>

static gint64 t0;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  printf ("first-frame %.1f\n", (g_get_real_time () - t0) / 1000.0);
  fflush (stdout);
  _exit (0);
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;
  const char *start = g_getenv ("GAZETTE_BENCHMARK_T0");

  t0 = start != NULL ? g_ascii_strtoll (start, NULL, 10) : g_get_real_time ();
  app = gtk_application_new ("io.github.gazette.FirstFrame", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
