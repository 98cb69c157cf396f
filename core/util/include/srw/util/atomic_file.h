#pragma once
#include <string>
#include <string_view>

namespace srw {

/**
 * @brief Writes a whole file so that readers see the old or the new content, never a torn one:
 * write to a temporary sibling, fsync, rename over the target. Throws std::runtime_error.
 */
void writeFileAtomically(const std::string& path, std::string_view content);

} // namespace srw
