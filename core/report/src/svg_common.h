#pragma once
// Drawing helpers shared by the SVG chart renderers (private to srw_report).
#include <string>
#include <vector>

namespace srw::svg {

/** @brief Evenly spaced "nice" tick values covering [lo, hi] (1, 2, 5 x 10^n steps). */
std::vector<double> niceTicks(double lo, double hi, int wanted);
/** @brief A short tick label: up to 4 significant digits, no trailing zeros. */
std::string tickLabel(double v);
/** @brief A coordinate with one decimal, enough for screen and print. */
std::string coord(double v);
/** @brief The opening <svg> element with a white background and the chart's font. */
std::string open(int width, int height, const std::string& title);
/** @brief <text> with escaped content; anchor is start, middle or end. */
std::string text(double x, double y, const std::string& content, const char* anchor, int size = 11,
                 const char* extra = "");

} // namespace srw::svg
