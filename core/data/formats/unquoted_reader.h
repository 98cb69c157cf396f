#pragma once
// Reads delimited files that have no quoting at all, such as RecBole's atomic files, where a
// title like `12" Vinyl` is data: an RFC 4180 reader would reject the quote as malformed.
#include "srw/parsers/delimited_reader.h"

#include <cstdint>
#include <cstdio>
#include <string>

namespace srw::format_detail {

/**
 * @brief Streams records split at every delimiter, one per line, with DelimitedReader's checks
 * (UTF-8, NUL bytes, BOM, CRLF, blank lines, missing final newline) and no quote handling.
 */
class UnquotedReader {
public:
    /** @brief Opens path; throws InputError if it cannot be read or is empty. */
    UnquotedReader(const std::string& path, char delimiter);
    ~UnquotedReader();
    UnquotedReader(const UnquotedReader&) = delete;
    UnquotedReader& operator=(const UnquotedReader&) = delete;

    /** @brief The next record; false at end of file. Fields live until the next call. */
    bool next(Record& record);

    char delimiter() const { return m_delimiter; }
    std::uint64_t bytesRead() const { return m_bytesRead; }
    std::uint64_t fileSize() const { return m_fileSize; }

private:
    std::string m_path;
    char m_delimiter;
    std::FILE* m_file = nullptr;
    char* m_line = nullptr;
    std::size_t m_capacity = 0;
    std::uint64_t m_lineNo = 0;
    std::uint64_t m_records = 0;
    std::uint64_t m_bytesRead = 0;
    std::uint64_t m_fileSize = 0;
};

} // namespace srw::format_detail
