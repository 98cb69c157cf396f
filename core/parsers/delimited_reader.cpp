#include "srw/parsers/delimited_reader.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <cerrno>
#include <csv.h>
#include <cstdint>
#include <cstring>
#include <map>
#include <sys/stat.h>

namespace srw {
namespace {
constexpr std::size_t kChunk = 1 << 20;
// A line longer than this is not a click log; refusing it keeps memory bounded on junk input.
constexpr std::size_t kMaxLine = 256u << 20;

int noSpace(unsigned char) { return 0; }

// True when the line has only ASCII bytes and neither a quote nor a NUL: then it splits at the
// delimiter as it is and every field is valid UTF-8, so the per-field checks can be skipped
// (a quarter of the reader's instructions on a click log). Eight bytes at a time: a byte is
// zero where (w - 0x01..) & ~w has its high bit set.
bool plainAscii(std::string_view s) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    constexpr std::uint64_t kQuotes = kOnes * std::uint64_t('"');
    auto bad = [](std::uint64_t w) {
        const std::uint64_t q = w ^ kQuotes;
        return ((w | ((w - kOnes) & ~w) | ((q - kOnes) & ~q)) & kHigh) != 0;
    };
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (bad(w))
            return false;
    }
    for (; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80 || c == '"' || c == 0)
            return false;
    }
    return true;
}
} // namespace

struct DelimitedReader::CsvState {
    csv_parser parser{};
    std::vector<std::string>* fields = nullptr;
    bool recordDone = false;

    static void onField(void* s, std::size_t len, void* self) {
        auto* st = static_cast<CsvState*>(self);
        st->fields->emplace_back(static_cast<const char*>(s), len);
    }
    static void onRecord(int, void* self) { static_cast<CsvState*>(self)->recordDone = true; }
};

DelimitedReader::DelimitedReader(const std::string& path, DelimitedOptions options)
    : m_path(path), m_options(options), m_buf(kChunk) {
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
    m_bufEnd = std::fread(m_buf.data(), 1, m_buf.size(), m_file);
    if (m_bufEnd < m_buf.size())
        m_eof = true;
    if (m_bufEnd >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0) {
        m_bufStart = 3;
        m_bytesConsumed = 3;
    }
    std::string_view sample(m_buf.data() + m_bufStart, m_bufEnd - m_bufStart);
    if (trim(sample).empty() && m_eof) {
        std::fclose(m_file);
        m_file = nullptr;
        throw InputError(path, 0, 0, "the file is empty");
    }
    m_delimiter = options.delimiter ? options.delimiter : sniffDelimiter(sample);
    m_csv = std::make_unique<CsvState>();
}

DelimitedReader::~DelimitedReader() {
    if (m_csv)
        csv_free(&m_csv->parser);
    if (m_file)
        std::fclose(m_file);
}

bool DelimitedReader::readLine(std::string_view& line) {
    while (true) {
        const char* begin = m_buf.data() + m_bufStart;
        const void* nl = std::memchr(begin, '\n', m_bufEnd - m_bufStart);
        if (nl || m_eof) {
            if (!nl && m_bufStart == m_bufEnd)
                return false;
            std::size_t len = nl ? std::size_t(static_cast<const char*>(nl) - begin)
                                 : m_bufEnd - m_bufStart;
            std::size_t consumed = nl ? len + 1 : len;
            m_bufStart += consumed;
            m_bytesConsumed += consumed;
            if (len > 0 && begin[len - 1] == '\r')
                --len;
            line = std::string_view(begin, len);
            ++m_line;
            return true;
        }
        // No newline in the buffer: move the partial line to the front and read more.
        std::size_t partial = m_bufEnd - m_bufStart;
        if (partial >= kMaxLine)
            throw InputError(m_path, m_line + 1, 0, "line longer than 256 MiB");
        if (m_bufStart > 0) {
            std::memmove(m_buf.data(), m_buf.data() + m_bufStart, partial);
            m_bufStart = 0;
            m_bufEnd = partial;
        }
        if (m_bufEnd == m_buf.size())
            m_buf.resize(m_buf.size() * 2);
        std::size_t got = std::fread(m_buf.data() + m_bufEnd, 1, m_buf.size() - m_bufEnd, m_file);
        m_bufEnd += got;
        if (got == 0 || std::ferror(m_file)) {
            if (std::ferror(m_file))
                throw InputError(m_path, m_line + 1, 0, "read error");
            m_eof = true;
        }
    }
}

bool DelimitedReader::next(Record& record) {
    std::string_view line;
    do {
        if (!readLine(line))
            return false;
    } while (line.empty());
    record.line = m_line;
    record.fields.clear();
    const bool plain = plainAscii(line);
    if (!plain && line.find('"') != std::string_view::npos)
        return parseQuoted(line, record);
    std::size_t start = 0;
    while (true) {
        std::size_t pos = line.find(m_delimiter, start);
        if (pos == std::string_view::npos) {
            record.fields.push_back(line.substr(start));
            break;
        }
        record.fields.push_back(line.substr(start, pos - start));
        start = pos + 1;
    }
    if (!plain)
        checkFields(record);
    return true;
}

bool DelimitedReader::parseQuoted(std::string_view firstLine, Record& record) {
    CsvState& st = *m_csv;
    csv_free(&st.parser);
    if (csv_init(&st.parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        throw std::bad_alloc();
    csv_set_delim(&st.parser, static_cast<unsigned char>(m_delimiter));
    csv_set_space_func(&st.parser, noSpace);
    m_owned.clear();
    st.fields = &m_owned;
    st.recordDone = false;

    // libcsv grows a field's buffer by blk_size bytes at a time (128 by default), so a field of
    // megabytes is copied a quadratic number of times wherever realloc cannot grow in place
    // (under ASan, minutes for the 10 MB replay case). Feeding the line in chunks and raising
    // blk_size to the buffer's size between them makes the buffer double instead.
    auto feed = [&st](std::string_view text) {
        constexpr std::size_t kFeed = 64 * 1024;
        for (std::size_t off = 0; off < text.size(); off += kFeed) {
            csv_set_blk_size(&st.parser, std::max(kFeed, st.parser.entry_size));
            const std::size_t n = std::min(kFeed, text.size() - off);
            if (csv_parse(&st.parser, text.data() + off, n, CsvState::onField,
                          CsvState::onRecord, &st) != n)
                return false;
        }
        return true;
    };
    const std::uint64_t startLine = m_line;
    std::string_view line = firstLine;
    while (true) {
        if (!feed(line) ||
            csv_parse(&st.parser, "\n", 1, CsvState::onField, CsvState::onRecord, &st) != 1)
            throw InputError(m_path, m_line, 0,
                             std::string("malformed quoting (") + csv_strerror(csv_error(&st.parser)) +
                                 ")");
        if (st.recordDone)
            break;
        if (!readLine(line)) {
            if (csv_fini(&st.parser, CsvState::onField, CsvState::onRecord, &st) != 0)
                throw InputError(m_path, startLine, 0,
                                 "quoted field is not closed before the end of the file");
            break;
        }
    }
    record.line = startLine;
    record.fields.assign(m_owned.begin(), m_owned.end());
    checkFields(record);
    return true;
}

void DelimitedReader::checkFields(Record& record) const {
    if (!m_options.checkUtf8)
        return;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        std::string_view f = record.fields[i];
        if (f.find('\0') != std::string_view::npos)
            throw InputError(m_path, record.line, i + 1, "NUL byte in field");
        std::size_t bad = findInvalidUtf8(f);
        if (bad != std::string_view::npos)
            throw InputError(m_path, record.line, i + 1,
                             "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the field");
    }
}

char DelimitedReader::sniffDelimiter(std::string_view sample) {
    static const char kCandidates[] = {',', '\t', ';', '|'};
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < sample.size() && lines.size() < 50) {
        std::size_t nl = sample.find('\n', start);
        if (nl == std::string_view::npos) {
            // The last line of a partial sample may be cut; use it only if it is the whole file.
            if (lines.empty())
                lines.push_back(sample.substr(start));
            break;
        }
        std::string_view l = sample.substr(start, nl - start);
        if (!trim(l).empty())
            lines.push_back(l);
        start = nl + 1;
    }
    char best = ',';
    double bestScore = 0;
    for (char c : kCandidates) {
        std::map<std::size_t, std::size_t> counts;
        for (std::string_view l : lines) {
            std::size_t n = 0;
            bool quoted = false;
            for (char ch : l) {
                if (ch == '"')
                    quoted = !quoted;
                else if (ch == c && !quoted)
                    ++n;
            }
            ++counts[n];
        }
        // Score: how many lines share the most common non-zero count, weighted by the count.
        for (auto [n, lineCount] : counts) {
            if (n == 0)
                continue;
            double score = double(lineCount) * 1000.0 + double(n);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
    }
    return best;
}

} // namespace srw
