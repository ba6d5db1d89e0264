/* gazette-figure-chart.c
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

#define G_LOG_DOMAIN "gazette-figure-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gazette-figure-chart.h"

#define ROW_HEIGHT   28
#define BAR_HEIGHT   16
#define BAR_RADIUS   3
#define COLUMN_GAP   8
#define MIN_BAR_AREA 60

typedef struct
{
  char   *label;
  double  value;
  char   *value_text;
} Bar;

/* Drawn rather than built from child widgets: a handful of bars needs no layout of its own,
 * and the whole chart is one image to assistive technologies. */
struct _GazetteFigureChart
{
  GtkWidget  parent_instance;

  GArray    *bars;
};

G_DEFINE_FINAL_TYPE (GazetteFigureChart, gazette_figure_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

static void
update_accessible_label (GazetteFigureChart *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->bars->len == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      if (i > 0)
        /* Translators: separates the bars of a chart where a screen reader reads them out,
         * as in "Digital economy: 72 billion yuan; Information economy: 120 billion yuan" */
        g_string_append (description, _("; "));
      /* Translators: one bar of a chart for a screen reader: its label, then its value */
      g_string_append_printf (description, _("%s: %s"), bar->label, bar->value_text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description->str,
                                  -1);
}

static PangoLayout *
create_layout (GazetteFigureChart *self,
               const char         *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

/* The widest label and the widest value, in pixels. */
static void
measure_columns (GazetteFigureChart *self,
                 int                *label_width,
                 int                *value_width)
{
  *label_width = 0;
  *value_width = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) label = create_layout (self, bar->label);
      g_autoptr(PangoLayout) value = create_layout (self, bar->value_text);
      int width;

      pango_layout_get_pixel_size (label, &width, NULL);
      *label_width = MAX (*label_width, width);
      pango_layout_get_pixel_size (value, &width, NULL);
      *value_width = MAX (*value_width, width);
    }
}

static void
gazette_figure_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GazetteFigureChart *self = GAZETTE_FIGURE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int label_width;
      int value_width;

      measure_columns (self, &label_width, &value_width);
      /* Labels may shrink to an ellipsis; values never do. */
      *minimum = MIN (label_width, 48) + value_width + MIN_BAR_AREA + 2 * COLUMN_GAP;
      *natural = label_width + value_width + 4 * MIN_BAR_AREA + 2 * COLUMN_GAP;
    }
  else
    {
      *minimum = *natural = (int) self->bars->len * ROW_HEIGHT;
    }
}

static void
gazette_figure_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  GazetteFigureChart *self = GAZETTE_FIGURE_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int label_width;
  int value_width;
  int bar_area;
  double max_value = 0;
  GdkRGBA accent;
  GdkRGBA text;

  if (self->bars->len == 0)
    return;

  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  gtk_style_context_get_color (style, &text);

  measure_columns (self, &label_width, &value_width);
  label_width = MIN (label_width, MAX (48, (width * 2) / 5));
  bar_area = MAX (0, width - label_width - value_width - 2 * COLUMN_GAP);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      if (isfinite (bar->value))
        max_value = MAX (max_value, bar->value);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) label = create_layout (self, bar->label);
      g_autoptr(PangoLayout) value = create_layout (self, bar->value_text);
      float row_y = (float) (i * ROW_HEIGHT);
      float bar_width = 0;
      GskRoundedRect rounded;
      int text_height;

      if (max_value > 0 && isfinite (bar->value) && bar->value > 0)
        bar_width = (float) (bar_area * (bar->value / max_value));

      pango_layout_set_width (label, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (0, row_y + (ROW_HEIGHT - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, label, &text);
      gtk_snapshot_restore (snapshot);

      if (bar_width > 0)
        {
          gsk_rounded_rect_init_from_rect (&rounded,
                                           &GRAPHENE_RECT_INIT (label_width + COLUMN_GAP,
                                                                row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f,
                                                                MAX (bar_width, 1.0f),
                                                                BAR_HEIGHT),
                                           MIN (BAR_RADIUS, bar_width / 2));
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &accent, &rounded.bounds);
          gtk_snapshot_pop (snapshot);
        }

      pango_layout_get_pixel_size (value, NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (label_width + COLUMN_GAP + bar_width + COLUMN_GAP,
                                                    row_y + (ROW_HEIGHT - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, value, &text);
      gtk_snapshot_restore (snapshot);
    }
}

static GtkSizeRequestMode
gazette_figure_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
gazette_figure_chart_finalize (GObject *object)
{
  GazetteFigureChart *self = GAZETTE_FIGURE_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (gazette_figure_chart_parent_class)->finalize (object);
}

static void
gazette_figure_chart_class_init (GazetteFigureChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gazette_figure_chart_finalize;

  widget_class->measure = gazette_figure_chart_measure;
  widget_class->snapshot = gazette_figure_chart_snapshot;
  widget_class->get_request_mode = gazette_figure_chart_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "figurechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gazette_figure_chart_init (GazetteFigureChart *self)
{
  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
}

/**
 * gazette_figure_chart_new:
 *
 * Returns: (transfer floating): a chart with no bars
 */
GtkWidget *
gazette_figure_chart_new (void)
{
  return g_object_new (GAZETTE_TYPE_FIGURE_CHART, NULL);
}

/**
 * gazette_figure_chart_clear:
 * @self: a figure chart
 *
 * Removes every bar.
 */
void
gazette_figure_chart_clear (GazetteFigureChart *self)
{
  g_return_if_fail (GAZETTE_IS_FIGURE_CHART (self));

  if (self->bars->len == 0)
    return;

  g_array_set_size (self->bars, 0);
  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * gazette_figure_chart_add_bar:
 * @self: a figure chart
 * @label: what the figure measures, in the reader's language
 * @value: its size; bars are drawn in proportion to the largest, from zero
 * @value_text: @value as the reader should see it, already formatted for the locale
 *
 * Adds a bar below the others.
 */
void
gazette_figure_chart_add_bar (GazetteFigureChart *self,
                              const char         *label,
                              double              value,
                              const char         *value_text)
{
  Bar bar;

  g_return_if_fail (GAZETTE_IS_FIGURE_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (value_text != NULL);

  bar.label = g_strdup (label);
  bar.value = value;
  bar.value_text = g_strdup (value_text);
  g_array_append_val (self->bars, bar);

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * gazette_figure_chart_get_n_bars:
 * @self: a figure chart
 *
 * Returns: how many bars the chart shows
 */
guint
gazette_figure_chart_get_n_bars (GazetteFigureChart *self)
{
  g_return_val_if_fail (GAZETTE_IS_FIGURE_CHART (self), 0);

  return self->bars->len;
}
