#include "srw/util/error.h"

namespace srw {

std::string formatLocation(const std::string& file, std::uint64_t line, std::uint64_t column) {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0)
            out += ':' + std::to_string(column);
    }
    return out;
}

InputError::InputError(std::string file, std::uint64_t line, std::uint64_t column,
                       std::string reason)
    : std::runtime_error(formatLocation(file, line, column) + ": " + reason),
      m_file(std::move(file)), m_line(line), m_column(column), m_reason(std::move(reason)) {}

} // namespace srw
