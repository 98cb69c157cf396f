#pragma once
#include "srw/data/dataset_stats.h"

class QChart;

namespace srw::ui {

/** @brief Sessions per length, lengths past maxLength gathered in the last bar. */
QChart* makeSessionLengthChart(const PartStats& stats, int maxLength = 30);
/** @brief Events per item against popularity rank on log-log axes: the long tail. */
QChart* makePopularityChart(const PartStats& stats);
/** @brief Events per UTC day. */
QChart* makeEventsPerDayChart(const PartStats& stats);
/** @brief Colours a chart for the palette of its view (light or dark). */
void styleChart(QChart* chart, bool dark);

} // namespace srw::ui
