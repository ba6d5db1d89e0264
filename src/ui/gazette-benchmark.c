/* gazette-benchmark.c
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

#define G_LOG_DOMAIN "gazette-benchmark"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "gazette-benchmark.h"
#include "gazette-window-private.h"

/* bench/ui-bench runs the real application with GAZETTE_BENCHMARK set and reads what this
 * prints on standard output:
 *   first-frame MS   from GAZETTE_BENCHMARK_T0 (the wall-clock time, in microseconds, at
 *                    which the benchmark started the process) to the first painted frame
 *   ready MS         to the first frame that shows the loaded sidebar and list
 *   scroll S STEPS MEAN-MS P95-MS MAX-MS
 *                    (mode scroll) the list from top to bottom in STEPS equal jumps, each
 *                    timed from the jump to the frame that shows it; (mode page) the list
 *                    a screenful a frame from the top, as a fast fling or Page Down does
 * then leaves at once, so that the figures are not blurred by tear-down. */

#define SCROLL_STEPS 300

typedef struct
{
  GazetteWindow *window;
  char          *mode;
  gint64         t0;
  gboolean       first_frame_seen;
  gboolean       ready_seen;
  guint          step;
  gint64         step_start;
  gint64         scroll_start;
  GArray        *latencies;    /* double, ms */
} Benchmark;

static double
ms_since_t0 (Benchmark *bench)
{
  return (g_get_real_time () - bench->t0) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
finish_scroll (Benchmark *bench)
{
  double total = (g_get_monotonic_time () - bench->scroll_start) / 1e6;
  double sum = 0;
  guint n = bench->latencies->len;

  g_array_sort (bench->latencies, compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += g_array_index (bench->latencies, double, i);

  printf ("scroll %.3f %u %.2f %.2f %.2f\n", total, n, sum / n,
          g_array_index (bench->latencies, double, (guint) (n * 0.95)),
          g_array_index (bench->latencies, double, n - 1));
  fflush (stdout);
  _exit (0);
}

static void
next_scroll_step (Benchmark *bench)
{
  GtkScrolledWindow *scroller = _gazette_window_get_list_scroller (bench->window);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double range = gtk_adjustment_get_upper (adjustment) - page;

  bench->step++;
  bench->step_start = g_get_monotonic_time ();
  if (g_str_equal (bench->mode, "page"))
    gtk_adjustment_set_value (adjustment, MIN (range, page * bench->step));
  else
    gtk_adjustment_set_value (adjustment, range * bench->step / SCROLL_STEPS);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Benchmark     *bench)
{
  if (!bench->first_frame_seen)
    {
      bench->first_frame_seen = TRUE;
      printf ("first-frame %.1f\n", ms_since_t0 (bench));
      fflush (stdout);
    }

  if (!bench->ready_seen)
    {
      if (!_gazette_window_is_ready (bench->window))
        {
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          return;
        }

      bench->ready_seen = TRUE;
      printf ("ready %.1f\n", ms_since_t0 (bench));
      fflush (stdout);

      if (!g_str_equal (bench->mode, "scroll") && !g_str_equal (bench->mode, "page"))
        _exit (0);

      bench->scroll_start = g_get_monotonic_time ();
      next_scroll_step (bench);
      return;
    }

  if (bench->step > 0)
    {
      double latency = (g_get_monotonic_time () - bench->step_start) / 1000.0;

      g_array_append_val (bench->latencies, latency);
      if (bench->step == SCROLL_STEPS)
        finish_scroll (bench);
      else
        next_scroll_step (bench);
    }
}

static void
window_realized_cb (GtkWidget *widget,
                    Benchmark *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

/**
 * _gazette_benchmark_attach:
 * @window: the window to measure
 * @mode: `first-frame` or `scroll`
 *
 * Measures @window for bench/ui-bench and exits the process when done.
 */
void
_gazette_benchmark_attach (GazetteWindow *window,
                           const char    *mode)
{
  Benchmark *bench = g_new0 (Benchmark, 1);
  const char *t0 = g_getenv ("GAZETTE_BENCHMARK_T0");

  bench->window = window;
  bench->mode = g_strdup (mode);
  bench->t0 = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : g_get_real_time ();
  bench->latencies = g_array_new (FALSE, FALSE, sizeof (double));

  /* Lives as long as the process: the benchmark ends it with _exit(). */
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), bench);
}
