#pragma once
#include <QIcon>

namespace srw::ui {

/**
 * @brief The application icon, rendered from resources/srw.svg with QSvgRenderer at the usual
 * sizes (so it needs no SVG icon-engine plugin at run time).
 */
QIcon appIcon();

} // namespace srw::ui
