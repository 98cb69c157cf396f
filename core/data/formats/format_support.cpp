#include "format_support.h"

#include "srw/util/text_utils.h"

namespace srw::format_detail {
namespace {

constexpr std::size_t kMaxReportedErrors = 5;

std::string delimiterName(char c) {
    return c == '\t' ? "\\t" : std::string(1, c);
}

} // namespace

FormatReader::FormatReader(const std::string& path, char delimiter, bool lenient,
                           ImportReport& report, Quoting quoting)
    : m_path(path), m_delimiter(delimiter), m_lenient(lenient), m_report(report) {
    if (quoting == Quoting::None)
        m_plain = std::make_unique<UnquotedReader>(path, delimiter);
    else
        m_quoted = std::make_unique<DelimitedReader>(path, DelimitedOptions{delimiter, true});
    // The first record decides the file's kind, so it is never skipped, even in lenient mode.
    if (!readRaw(m_first))
        throw InputError(path, 0, 0, "the file has no rows");
    m_haveFirst = true;
}

bool FormatReader::readRaw(Record& r) {
    return m_plain ? m_plain->next(r) : m_quoted->next(r);
}

std::uint64_t FormatReader::bytesRead() const {
    return m_plain ? m_plain->bytesRead() : m_quoted->bytesRead();
}

std::vector<std::string> FormatReader::takeHeader() {
    std::vector<std::string> names;
    for (std::string_view f : m_first.fields)
        names.emplace_back(trim(f));
    m_haveFirst = false;
    m_header = true;
    return names;
}

bool FormatReader::next(Record& r) {
    if (m_haveFirst) {
        r = m_first;
        m_haveFirst = false;
        ++m_report.rows;
        return true;
    }
    while (true) {
        std::uint64_t before = bytesRead();
        try {
            if (!readRaw(r))
                return false;
            ++m_report.rows;
            return true;
        } catch (const InputError& e) {
            // An error that consumed nothing (an over-long line) would repeat forever: never skip.
            if (bytesRead() == before)
                throw;
            ++m_report.rows;
            fail(e);
        }
    }
}

void FormatReader::fail(const InputError& e) {
    if (!m_lenient)
        throw e;
    ++m_report.skipped;
    if (m_report.firstErrors.size() < kMaxReportedErrors)
        m_report.firstErrors.push_back(e.what());
}

void FormatReader::expectColumns(const Record& r, std::size_t n) const {
    if (r.fields.size() != n)
        throw InputError(m_path, r.line, 0,
                         "expected " + std::to_string(n) + " columns, found " +
                             std::to_string(r.fields.size()));
}

void FormatReader::tick(DatasetWriter& writer) const {
    if (auto p = dueProgress())
        writer.reportProgress(*p);
}

std::optional<Progress> FormatReader::dueProgress() const {
    if ((m_report.rows & 0x3FFF) != 0)
        return std::nullopt;
    return Progress{"reading", bytesRead(), m_plain ? m_plain->fileSize() : m_quoted->fileSize(),
                    std::to_string(m_report.rows) + " rows"};
}

std::optional<std::string_view> nonNull(std::string_view field) {
    field = trim(field);
    if (isNullField(field))
        return std::nullopt;
    return field;
}

std::string looseName(std::string_view name) {
    std::string n = normalizeHeaderName(std::string(name));
    std::string out;
    for (char c : n)
        if (c != '_' && c != '.' && c != ' ')
            out += c;
    return out;
}

int findColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (const char* want : names) {
        std::string w = looseName(want);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (looseName(header[i]) == w)
                return int(i);
    }
    return -1;
}

int requireColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names,
                  const std::string& path, const std::string& what) {
    int c = findColumn(header, names);
    if (c < 0)
        throw InputError(path, 1, 0,
                         "missing required column '" + std::string(*names.begin()) + "' (" + what +
                             ")");
    return c;
}

nlohmann::json sourceOptions(const DelimitedImportOptions& o, const std::string& format,
                             const std::string& file, char delimiter, bool header) {
    nlohmann::json j;
    j["format"] = format;
    j["file"] = file;
    j["delimiter"] = delimiterName(delimiter);
    j["header"] = header;
    j["lenient"] = o.lenient;
    if (o.splitPart)
        j["split"] = *o.splitPart;
    return j;
}

void requireRows(bool any, const ImportReport& report, const std::string& path) {
    if (!any)
        throw InputError(path, 0, 0,
                         report.skipped ? "no valid rows (every row was skipped)" : "no data rows");
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

SessionAssembly assemblyFor(const DelimitedImportOptions& o, bool hasSessionKey) {
    if (!hasSessionKey && o.sessionGapMinutes <= 0)
        throw UsageError("the session gap must be a positive number of minutes");
    SessionAssembly a;
    a.hasSessionKey = hasSessionKey;
    a.gapMs = std::int64_t(o.sessionGapMinutes) * 60 * 1000;
    a.splitPart = o.splitPart;
    return a;
}

} // namespace srw::format_detail
