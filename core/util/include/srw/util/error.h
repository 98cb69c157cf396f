#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace srw {

/**
 * @brief Bad input data: names the file, line, column and reason. Maps to exit status 3.
 *
 * line and column are 1-based; 0 means "not applicable" (e.g. an empty file has no line).
 */
class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::uint64_t line, std::uint64_t column, std::string reason);
    const std::string& file() const { return m_file; }
    std::uint64_t line() const { return m_line; }
    std::uint64_t column() const { return m_column; }
    const std::string& reason() const { return m_reason; }

private:
    std::string m_file;
    std::uint64_t m_line;
    std::uint64_t m_column;
    std::string m_reason;
};

/** @brief A call that makes no sense (unknown dataset, bad option value). Exit status 2. */
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief The user (or a progress callback) asked to stop; all changes were rolled back. */
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/** @brief Formats "file:line:column: reason" the way compilers do, omitting zero parts. */
std::string formatLocation(const std::string& file, std::uint64_t line, std::uint64_t column);

} // namespace srw
