#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

/**
 * @brief Checks that s is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
 * @return the byte offset of the first bad byte, or std::string_view::npos when valid.
 */
std::size_t findInvalidUtf8(std::string_view s);

std::string_view trim(std::string_view s);
std::string toLower(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);

/** @brief Parses a whole string as a signed 64-bit integer; false on any junk or overflow. */
bool parseInt64(std::string_view s, long long& out);
/** @brief Parses a whole string as a double (C locale); false on any junk. */
bool parseDouble(std::string_view s, double& out);

/** @brief Renders a value for an error message: quoted, shortened, control bytes escaped. */
std::string quoteForMessage(std::string_view s, std::size_t maxLen = 40);

} // namespace srw
