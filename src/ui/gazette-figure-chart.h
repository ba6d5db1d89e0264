/* gazette-figure-chart.h
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

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GAZETTE_TYPE_FIGURE_CHART (gazette_figure_chart_get_type ())
G_DECLARE_FINAL_TYPE (GazetteFigureChart, gazette_figure_chart, GAZETTE, FIGURE_CHART, GtkWidget)

GtkWidget *gazette_figure_chart_new       (void);
void       gazette_figure_chart_clear     (GazetteFigureChart *self);
void       gazette_figure_chart_add_bar   (GazetteFigureChart *self,
                                           const char         *label,
                                           double              value,
                                           const char         *value_text);
guint      gazette_figure_chart_get_n_bars (GazetteFigureChart *self);

G_END_DECLS
