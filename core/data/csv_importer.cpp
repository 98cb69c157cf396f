#include "srw/data/csv_importer.h"

#include "formats/event_batch.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/parsers/time_parser.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <chrono>
#include <nlohmann/json.hpp>

namespace srw {
namespace {

using format_detail::EventBatchOut;
using format_detail::writeParsedEvents;

constexpr std::size_t kMaxReportedErrors = 5;

bool looksLikeHeader(const Record& first, const ColumnMapping& columns,
                     const std::map<std::string, std::vector<std::string>>& synonyms) {
    for (std::string_view f : first.fields) {
        std::string n = normalizeHeaderName(std::string(f));
        for (const auto& [role, names] : synonyms)
            for (const auto& s : names)
                if (n == s)
                    return true;
        for (const auto& [role, col] : columns.entries())
            if (n == normalizeHeaderName(col))
                return true;
    }
    return false;
}

std::string delimiterName(char c) {
    return c == '\t' ? "\\t" : std::string(1, c);
}

nlohmann::json optionsJson(const DelimitedImportOptions& o, char delim, bool header,
                           const std::string& timeSpec, const std::map<std::string, int>& cols) {
    nlohmann::json j;
    j["format"] = o.format;
    j["delimiter"] = delimiterName(delim);
    j["header"] = header;
    j["time_format"] = timeSpec;
    j["session_gap_minutes"] = o.sessionGapMinutes;
    j["lenient"] = o.lenient;
    j["columns"] = cols;
    if (o.splitPart)
        j["split"] = *o.splitPart;
    return j;
}

// Reads the header (or not) and resolves the roles; shared by both importers.
struct OpenedFile {
    DelimitedReader reader;
    Record first;
    bool haveFirst = false;
    bool header = false;
    std::size_t columns = 0;
    std::vector<std::string> headerNames;
    std::map<std::string, int> roles;

    OpenedFile(const std::string& path, const DelimitedImportOptions& o,
               const std::map<std::string, std::vector<std::string>>& synonyms)
        : reader(path, DelimitedOptions{o.delimiter, true}) {
        if (!reader.next(first))
            throw InputError(path, 0, 0, "the file has no rows");
        haveFirst = true;
        columns = first.fields.size();
        header = o.header == HeaderMode::Present ||
                 (o.header == HeaderMode::Auto && looksLikeHeader(first, o.columns, synonyms));
        if (header) {
            for (auto f : first.fields)
                headerNames.emplace_back(trim(f));
            haveFirst = false;
        }
        try {
            roles = o.columns.resolve(headerNames, columns, synonyms);
        } catch (const UsageError& e) {
            throw InputError(path, header ? 1 : 0, 0, e.what());
        }
    }

    bool next(Record& r) {
        if (haveFirst) {
            r = first;
            haveFirst = false;
            return true;
        }
        return reader.next(r);
    }
};

std::optional<std::string_view> field(const Record& r, const std::map<std::string, int>& roles,
                                      const char* role) {
    auto it = roles.find(role);
    if (it == roles.end())
        return std::nullopt;
    std::string_view v = trim(r.fields[std::size_t(it->second)]);
    if (isNullField(v))
        return std::nullopt;
    return v;
}


class RowErrors {
public:
    RowErrors(bool lenient, ImportReport& report) : m_lenient(lenient), m_report(report) {}
    void fail(const InputError& e) {
        if (!m_lenient)
            throw e;
        ++m_report.skipped;
        if (m_report.firstErrors.size() < kMaxReportedErrors)
            m_report.firstErrors.push_back(e.what());
    }

private:
    bool m_lenient;
    ImportReport& m_report;
};

// Reads the next record of the file's width; in lenient mode a row the reader rejects, or of
// another width, is skipped and counted.
// An error that consumed no line (a line over the size limit) is never skipped: it would repeat.
bool nextRecord(OpenedFile& file, Record& r, RowErrors& errors, ImportReport& report) {
    while (true) {
        std::uint64_t before = file.reader.bytesRead();
        try {
            if (!file.next(r))
                return false;
            // Every row has the header's (or the first row's) width; a ragged row is bad input,
            // skipped like any other in lenient mode.
            if (r.fields.size() != file.columns)
                throw InputError(file.reader.path(), r.line, 0,
                                 "expected " + std::to_string(file.columns) + " columns, found " +
                                     std::to_string(r.fields.size()));
            return true;
        } catch (const InputError& e) {
            if (file.reader.bytesRead() == before)
                throw;
            ++report.rows;
            errors.fail(e);
        }
    }
}

std::optional<Progress> dueProgress(const DelimitedReader& r, std::uint64_t rows) {
    if ((rows & 0x3FFF) != 0)
        return std::nullopt;
    return Progress{"reading", r.bytesRead(), r.fileSize(), std::to_string(rows) + " rows"};
}

void tick(DatasetWriter& w, const DelimitedReader& r, std::uint64_t rows) {
    if (auto p = dueProgress(r, rows))
        w.reportProgress(*p);
}

} // namespace

bool isNullField(std::string_view f) {
    return f.empty() || f == "NA" || f == "N/A" || f == "NULL" || f == "null" || f == "None" ||
           f == "NaN" || f == "nan";
}

ImportReport importEventsCsv(SessionStore& store, const std::string& dataset,
                             const std::string& path, const DelimitedImportOptions& o,
                             const ProgressFn& progress) {
    auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.dataset = dataset;
    TimeParser times(o.timeFormat);
    OpenedFile file(path, o, eventColumnSynonyms());
    const auto& roles = file.roles;
    auto need = [&](const char* role, const char* hint) {
        if (!roles.count(role))
            throw InputError(path, file.header ? 1 : 0, 0,
                             std::string("missing required column '") + role + "' (" + hint + ")");
    };
    need("item", file.header ? "no header name matched; map it with --columns item=NAME"
                             : "the file has no header; map columns with --columns item=INDEX");
    need("time", file.header ? "no header name matched; map it with --columns time=NAME"
                             : "the file has no header; map columns with --columns time=INDEX");
    if (!roles.count("session") && !roles.count("user"))
        throw InputError(path, file.header ? 1 : 0, 0,
                         "missing required column 'session' or 'user' (sessions come from a "
                         "session column, or from each user's events split at an inactivity gap)");
    if (o.sessionGapMinutes <= 0)
        throw UsageError("the session gap must be a positive number of minutes");
    const bool hasSession = roles.count("session") > 0;

    DatasetWriter writer(store, dataset, progress);
    writer.hashSourceAhead(path);
    // The rows are read and checked on a second thread (see event_batch.h); until it has
    // finished, it alone touches file, times and report.
    writeParsedEvents(writer, std::nullopt, [&](EventBatchOut& out) {
        RowErrors errors(o.lenient, report);
        Record r;
        while (nextRecord(file, r, errors, report)) {
            ++report.rows;
            if (auto p = dueProgress(file.reader, report.rows))
                out.progress(std::move(*p));
            try {
                auto item = field(r, roles, "item");
                if (!item)
                    throw InputError(path, r.line, std::uint64_t(roles.at("item")) + 1,
                                     "empty item id");
                auto timeText = field(r, roles, "time");
                if (!timeText)
                    throw InputError(path, r.line, std::uint64_t(roles.at("time")) + 1,
                                     "empty time");
                auto ts = times.parse(*timeText);
                if (!ts)
                    throw InputError(path, r.line, std::uint64_t(roles.at("time")) + 1,
                                     "cannot parse time " + quoteForMessage(*timeText) + " as " +
                                         (times.effectiveSpec() == "auto"
                                              ? std::string("a known format")
                                              : times.effectiveSpec()));
                auto session = field(r, roles, "session");
                auto user = field(r, roles, "user");
                if (hasSession && !session)
                    throw InputError(path, r.line, std::uint64_t(roles.at("session")) + 1,
                                     "empty session id");
                if (!hasSession && !user)
                    throw InputError(path, r.line, std::uint64_t(roles.at("user")) + 1,
                                     "empty user id (sessions are built per user)");
                out.add(session, user, *item, *ts, field(r, roles, "event"));
            } catch (const InputError& e) {
                errors.fail(e);
            }
            if (!out.rowDone())
                return;
        }
    });
    if (writer.stagedEvents() == 0)
        throw InputError(path, 0, 0,
                         report.skipped ? "no valid rows (every row was skipped)" : "no data rows");

    report.delimiter = file.reader.delimiter();
    report.header = file.header;
    report.timeFormat = times.effectiveSpec();
    writer.addSource(path, "events", o.format,
                     optionsJson(o, report.delimiter, report.header, report.timeFormat, roles).dump(),
                     report.rows);
    SessionAssembly assembly;
    assembly.hasSessionKey = hasSession;
    assembly.gapMs = std::int64_t(o.sessionGapMinutes) * 60 * 1000;
    assembly.splitPart = o.splitPart;
    writer.commit(assembly, report);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

ImportReport importCatalogCsv(SessionStore& store, const std::string& dataset,
                              const std::string& path, const DelimitedImportOptions& o,
                              const ProgressFn& progress) {
    auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.dataset = dataset;
    OpenedFile file(path, o, catalogColumnSynonyms());
    const auto& roles = file.roles;
    if (!roles.count("id"))
        throw InputError(path, file.header ? 1 : 0, 0,
                         "missing required column 'id' (map it with --columns id=NAME_OR_INDEX)");

    DatasetWriter writer(store, dataset, progress);
    writer.hashSourceAhead(path);
    RowErrors errors(o.lenient, report);
    Record r;
    while (nextRecord(file, r, errors, report)) {
        ++report.rows;
        tick(writer, file.reader, report.rows);
        try {
            auto id = field(r, roles, "id");
            if (!id)
                throw InputError(path, r.line, std::uint64_t(roles.at("id")) + 1, "empty item id");
            // Columns without a role are kept as attributes, named by the header or by index.
            nlohmann::json attrs = nlohmann::json::object();
            for (std::size_t c = 0; c < r.fields.size(); ++c) {
                bool mapped = false;
                for (const auto& [role, idx] : roles)
                    mapped = mapped || std::size_t(idx) == c;
                std::string_view v = trim(r.fields[c]);
                if (!mapped && !isNullField(v))
                    attrs[file.header ? file.headerNames[c] : "column" + std::to_string(c)] =
                        std::string(v);
            }
            std::optional<std::string> attrText;
            if (!attrs.empty())
                attrText = attrs.dump();
            writer.upsertItem(*id, field(r, roles, "title"), field(r, roles, "description"),
                              field(r, roles, "category"),
                              attrText ? std::optional<std::string_view>(*attrText) : std::nullopt);
            ++report.itemsUpdated;
        } catch (const InputError& e) {
            errors.fail(e);
        }
    }
    if (report.itemsUpdated == 0)
        throw InputError(path, 0, 0,
                         report.skipped ? "no valid rows (every row was skipped)" : "no data rows");
    report.delimiter = file.reader.delimiter();
    report.header = file.header;
    writer.addSource(path, "items", o.format == "csv" ? "catalog" : o.format,
                     optionsJson(o, report.delimiter, report.header, "", roles).dump(), report.rows);
    writer.commit(SessionAssembly{}, report);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

} // namespace srw
