#include "srw/data/formats/recbole_importer.h"

#include "event_batch.h"
#include "format_support.h"
#include "srw/parsers/time_parser.h"
#include "srw/util/file_util.h"
#include "srw/util/text_utils.h"


namespace srw {
namespace {

using namespace format_detail;

enum class AtomicFile { Inter, Item, User };

struct Field {
    std::string name; ///< lower case, without the type
    std::string type; ///< token, token_seq, float or float_seq
};

// RecBole's header is `name:type` per column; a wrong type would silently change meaning, so it
// is an error rather than a guess.
std::vector<Field> parseHeader(const std::vector<std::string>& header, const std::string& path) {
    std::vector<Field> out;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string& h = header[i];
        std::size_t colon = h.rfind(':');
        std::string type = colon == std::string::npos ? "" : toLower(h.substr(colon + 1));
        if (type != "token" && type != "token_seq" && type != "float" && type != "float_seq")
            throw InputError(path, 1, i + 1,
                             "RecBole header field " + quoteForMessage(h) +
                                 " is not name:type with type token, token_seq, float or "
                                 "float_seq");
        out.push_back({toLower(h.substr(0, colon)), type});
    }
    return out;
}

int fieldIndex(const std::vector<Field>& fields, const char* name) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name)
            return int(i);
    return -1;
}

int fieldContaining(const std::vector<Field>& fields, const char* part, int skip) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (int(i) != skip && fields[i].name.find(part) != std::string::npos &&
            fields[i].name != "item_id")
            return int(i);
    return -1;
}

AtomicFile kindOf(const std::string& path, const std::vector<Field>& fields) {
    std::string ext = lowerExtension(path);
    if (ext == ".inter")
        return AtomicFile::Inter;
    if (ext == ".item")
        return AtomicFile::Item;
    if (ext == ".user")
        return AtomicFile::User;
    if (ext == ".kg" || ext == ".link" || ext == ".net")
        throw InputError(path, 0, 0,
                         "RecBole " + ext + " files are not supported (only .inter, .item, .user)");
    const bool item = fieldIndex(fields, "item_id") >= 0;
    if (item && fieldIndex(fields, "timestamp") >= 0)
        return AtomicFile::Inter;
    if (item)
        return AtomicFile::Item;
    return AtomicFile::User;
}

int require(const std::vector<Field>& fields, const char* name, const std::string& path) {
    int c = fieldIndex(fields, name);
    if (c < 0)
        throw InputError(path, 1, 0, std::string("missing required column '") + name + "'");
    return c;
}

void importInter(FormatReader& in, const std::vector<Field>& f, const DelimitedImportOptions& o,
                 DatasetWriter& writer, ImportReport& report, bool& hasSession) {
    const std::string& path = in.path();
    const int iCol = require(f, "item_id", path);
    const int tCol = require(f, "timestamp", path);
    const int sCol = fieldIndex(f, "session_id");
    const int uCol = fieldIndex(f, "user_id");
    if (sCol < 0 && uCol < 0)
        throw InputError(path, 1, 0,
                         "missing required column 'session_id' or 'user_id' (sessions come "
                         "from session_id, or from each user's events split at a gap)");
    hasSession = sCol >= 0;
    // The rows are read and checked on a second thread (see event_batch.h); until it has
    // finished, it alone touches in, times and the report.
    TimeParser times(o.timeFormat);
    writeParsedEvents(writer, std::nullopt, [&](EventBatchOut& out) {
        readEventRows(in, f.size(), out, [&](const Record& r) {
            auto item = nonNull(r.fields[iCol]);
            if (!item)
                throw InputError(path, r.line, iCol + 1, "empty item id");
            auto ts = times.parse(r.fields[tCol]);
            if (!ts)
                throw InputError(path, r.line, tCol + 1,
                                 "cannot parse timestamp " + quoteForMessage(trim(r.fields[tCol])));
            auto user = uCol >= 0 ? nonNull(r.fields[uCol]) : std::nullopt;
            auto session = sCol >= 0 ? nonNull(r.fields[sCol]) : std::nullopt;
            if (hasSession && !session)
                throw InputError(path, r.line, sCol + 1, "empty session id");
            if (!hasSession && !user)
                throw InputError(path, r.line, uCol + 1,
                                 "empty user id (sessions are built per user)");
            out.add(session, user, *item, *ts, std::nullopt);
        });
    });
    requireRows(writer.stagedEvents() > 0, report, path);
    report.timeFormat = times.effectiveSpec();
}

void importItems(FormatReader& in, const std::vector<Field>& f, DatasetWriter& writer,
                 ImportReport& report) {
    const std::string& path = in.path();
    const int idCol = require(f, "item_id", path);
    int titleCol = fieldContaining(f, "title", -1);
    if (titleCol < 0)
        titleCol = fieldContaining(f, "name", -1);
    const int catCol = fieldContaining(f, "categor", titleCol);
    Record r;
    while (in.next(r)) {
        in.tick(writer);
        try {
            in.expectColumns(r, f.size());
            auto id = nonNull(r.fields[idCol]);
            if (!id)
                throw InputError(path, r.line, idCol + 1, "empty item id");
            std::string description;
            nlohmann::json attrs = nlohmann::json::object();
            for (std::size_t c = 0; c < f.size(); ++c) {
                auto v = nonNull(r.fields[c]);
                if (int(c) == idCol || int(c) == titleCol || int(c) == catCol || !v)
                    continue;
                double num = 0;
                if (f[c].type == "token_seq") {
                    description += (description.empty() ? "" : "\n") + std::string(*v);
                } else if (f[c].type == "float" && parseDouble(*v, num)) {
                    attrs[f[c].name] = num;
                } else {
                    attrs[f[c].name] = std::string(*v);
                }
            }
            auto title = titleCol >= 0 ? nonNull(r.fields[titleCol]) : std::nullopt;
            auto category = catCol >= 0 ? nonNull(r.fields[catCol]) : std::nullopt;
            std::optional<std::string> attrText;
            if (!attrs.empty())
                attrText = attrs.dump();
            writer.upsertItem(
                *id, title,
                description.empty() ? std::nullopt : std::optional<std::string_view>(description),
                category, attrText ? std::optional<std::string_view>(*attrText) : std::nullopt);
            ++report.itemsUpdated;
        } catch (const InputError& e) {
            in.fail(e);
        }
    }
    requireRows(report.itemsUpdated > 0, report, path);
}

// The workspace keeps no user attributes; reading the file still checks its shape, so a broken
// .user file is reported rather than silently accepted.
void checkUsers(FormatReader& in, const std::vector<Field>& f) {
    Record r;
    while (in.next(r)) {
        try {
            in.expectColumns(r, f.size());
        } catch (const InputError& e) {
            in.fail(e);
        }
    }
}

} // namespace

ImportReport importRecBole(SessionStore& store, const std::string& dataset, const std::string& path,
                           const DelimitedImportOptions& o, const ProgressFn& progress) {
    auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.dataset = dataset;
    FormatReader in(path, '\t', o.lenient, report, Quoting::None);
    const std::vector<Field> fields = parseHeader(in.takeHeader(), path);
    const AtomicFile kind = kindOf(path, fields);
    report.delimiter = '\t';
    report.header = true;
    if (kind == AtomicFile::User) {
        checkUsers(in, fields);
        if (auto id = store.findDataset(dataset))
            report.datasetId = *id;
        report.seconds = secondsSince(t0);
        return report;
    }

    DatasetWriter writer(store, dataset, progress);
    writer.hashSourceAhead(path);
    bool hasSession = true;
    if (kind == AtomicFile::Inter)
        importInter(in, fields, o, writer, report, hasSession);
    else
        importItems(in, fields, writer, report);
    auto opts =
        sourceOptions(o, "recbole", kind == AtomicFile::Inter ? "inter" : "item", '\t', true);
    if (kind == AtomicFile::Inter) {
        opts["time_format"] = report.timeFormat;
        if (!hasSession)
            opts["session_gap_minutes"] = o.sessionGapMinutes;
    }
    writer.addSource(path, kind == AtomicFile::Inter ? "events" : "items", "recbole", opts.dump(),
                     report.rows);
    writer.commit(assemblyFor(o, hasSession), report);
    report.seconds = secondsSince(t0);
    return report;
}

} // namespace srw
