#include "unquoted_reader.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace srw::format_detail {
namespace {
// The same bound as DelimitedReader: a longer line is not a data file.
constexpr std::size_t kMaxLine = 256u << 20;
} // namespace

UnquotedReader::UnquotedReader(const std::string& path, char delimiter)
    : m_path(path), m_delimiter(delimiter) {
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file)
        throw InputError(path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fileno(m_file), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            std::fclose(m_file);
            m_file = nullptr;
            throw InputError(path, 0, 0, "is a directory, not a file");
        }
        m_fileSize = std::uint64_t(st.st_size);
    }
}

UnquotedReader::~UnquotedReader() {
    std::free(m_line);
    if (m_file)
        std::fclose(m_file);
}

bool UnquotedReader::next(Record& record) {
    while (true) {
        ssize_t n = ::getline(&m_line, &m_capacity, m_file);
        if (n < 0) {
            if (std::ferror(m_file))
                throw InputError(m_path, m_lineNo + 1, 0, "read error");
            if (m_records == 0)
                throw InputError(m_path, 0, 0, "the file is empty");
            return false;
        }
        ++m_lineNo;
        m_bytesRead += std::uint64_t(n);
        if (std::size_t(n) > kMaxLine)
            throw InputError(m_path, m_lineNo, 0, "line longer than 256 MiB");
        std::string_view line(m_line, std::size_t(n));
        if (m_lineNo == 1 && startsWith(line, "\xEF\xBB\xBF"))
            line.remove_prefix(3);
        if (!line.empty() && line.back() == '\n')
            line.remove_suffix(1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (trim(line).empty())
            continue;
        ++m_records;
        record.line = m_lineNo;
        record.fields.clear();
        std::size_t start = 0;
        while (true) {
            std::size_t d = line.find(m_delimiter, start);
            record.fields.push_back(
                line.substr(start, d == std::string_view::npos ? d : d - start));
            if (d == std::string_view::npos)
                break;
            start = d + 1;
        }
        for (std::size_t i = 0; i < record.fields.size(); ++i) {
            std::string_view f = record.fields[i];
            if (f.find('\0') != std::string_view::npos)
                throw InputError(m_path, m_lineNo, i + 1, "NUL byte in field");
            std::size_t bad = findInvalidUtf8(f);
            if (bad != std::string_view::npos)
                throw InputError(m_path, m_lineNo, i + 1,
                                 "invalid UTF-8 at byte " + std::to_string(bad + 1) +
                                     " of the field");
        }
        return true;
    }
}

} // namespace srw::format_detail
