#pragma once
// Shared plumbing of the public-format importers: a row source with lenient-mode skipping and
// progress, header lookup, and the JSON recorded with each source. Private to core/data/formats.
#include "srw/data/csv_importer.h"
#include "srw/data/dataset_writer.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/util/error.h"
#include "unquoted_reader.h"

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srw::format_detail {

/** @brief Whether fields may be quoted (RFC 4180) or the file has no quoting at all. */
enum class Quoting { Rfc4180, None };

/**
 * @brief Streams the records of one file of a known format.
 *
 * Reads the first record eagerly (an importer often needs its shape or header to know which file
 * of the format it has) and replays it. In lenient mode a bad row is counted in the report and
 * skipped; otherwise fail() throws, and the caller's DatasetWriter rolls everything back.
 */
class FormatReader {
public:
    FormatReader(const std::string& path, char delimiter, bool lenient, ImportReport& report,
                 Quoting quoting = Quoting::Rfc4180);

    /** @brief The first record (before next() is called); its fields live until next(). */
    const Record& first() const { return m_first; }
    /** @brief Consumes the first record as a header and returns its trimmed names. */
    std::vector<std::string> takeHeader();
    /** @brief The next data record; counts it in report.rows. False at end of file. */
    bool next(Record& r);
    /** @brief Throws e, or (lenient) counts and remembers it. */
    void fail(const InputError& e);
    /** @brief Throws unless r has exactly n fields. */
    void expectColumns(const Record& r, std::size_t n) const;
    /** @brief Reports progress every few thousand rows (throws Cancelled when asked). */
    void tick(DatasetWriter& writer) const;
    /** @brief What tick() would report now, if it reports at this row. */
    std::optional<Progress> dueProgress() const;

    const std::string& path() const { return m_path; }
    char delimiter() const { return m_delimiter; }
    bool header() const { return m_header; }

private:
    bool readRaw(Record& r);
    std::uint64_t bytesRead() const;

    std::string m_path;
    char m_delimiter;
    std::unique_ptr<DelimitedReader> m_quoted; ///< exactly one of these two is set
    std::unique_ptr<UnquotedReader> m_plain;
    bool m_lenient;
    ImportReport& m_report;
    Record m_first;
    bool m_haveFirst = false;
    bool m_header = false;
};

/** @brief The trimmed field, or nothing for the null markers (empty, NA, NULL, …). */
std::optional<std::string_view> nonNull(std::string_view field);

/** @brief Header names compared loosely: lower case, RecBole type dropped, '_' and '.' removed. */
std::string looseName(std::string_view name);

/** @brief Index of the first header name matching one of names (loosely), or -1. */
int findColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names);

/** @brief Index of a required column; throws InputError at the header line naming what is missing.
 */
int requireColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names,
                  const std::string& path, const std::string& what);

/** @brief The options recorded with a source, common to every format. */
nlohmann::json sourceOptions(const DelimitedImportOptions& o, const std::string& format,
                             const std::string& file, char delimiter, bool header);

/** @brief Throws the "nothing imported" error when a file had no usable rows. */
void requireRows(bool any, const ImportReport& report, const std::string& path);

/** @brief Seconds since t0, for ImportReport::seconds. */
double secondsSince(std::chrono::steady_clock::time_point t0);

/** @brief The SessionAssembly of an event import, from the shared options. */
SessionAssembly assemblyFor(const DelimitedImportOptions& o, bool hasSessionKey);

} // namespace srw::format_detail
