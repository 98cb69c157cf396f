#pragma once
#include <string>
#include <string_view>

namespace srw {

/**
 * @brief Text made safe for HTML and SVG element content and quoted attribute values:
 * & < > " ' become entities; control characters (other than tab and newline) and bytes that are
 * not valid UTF-8 become U+FFFD, so item texts, dataset and run names can never open markup.
 */
std::string escapeHtml(std::string_view text);

/** @brief A number for a table cell: fixed decimals, "–" for NaN. */
std::string formatNumber(double value, int decimals = 4);

} // namespace srw
