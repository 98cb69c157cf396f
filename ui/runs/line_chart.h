#pragma once
#include "srw/report/svg_chart.h"

class QChart;

namespace srw::ui {

/**
 * @brief A Qt chart of a core line chart: metric@K, α sweep and bandit curves drawn in the
 * workbench from the same data the report draws as SVG. Log x axes are labelled at the spec's
 * ticks (the cut-offs) rather than at powers of ten.
 */
QChart* makeLineChart(const LineChartSpec& spec);

} // namespace srw::ui
