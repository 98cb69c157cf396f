#include "srw/data/formats/diginetica_importer.h"

#include "event_batch.h"
#include "format_support.h"
#include "srw/parsers/time_parser.h"
#include "srw/util/text_utils.h"

namespace srw {
namespace {

using namespace format_detail;

enum class DigineticaFile { Events, Products, Categories };

DigineticaFile kindOf(const std::vector<std::string>& h, const std::string& path) {
    if (findColumn(h, {"sessionId"}) >= 0 && findColumn(h, {"itemId"}) >= 0)
        return DigineticaFile::Events;
    if (findColumn(h, {"itemId"}) >= 0 && findColumn(h, {"pricelog2"}) >= 0)
        return DigineticaFile::Products;
    if (findColumn(h, {"itemId"}) >= 0 && findColumn(h, {"categoryId"}) >= 0)
        return DigineticaFile::Categories;
    throw InputError(path, 1, 0,
                     "not a supported DIGINETICA file: expected the header of train-item-views / "
                     "train-purchases (sessionId;userId;itemId;timeframe;eventdate), products "
                     "(itemId;pricelog2;product.name.tokens) or product-categories "
                     "(itemId;categoryId)");
}

// The rows are read and checked on a second thread (see event_batch.h); until it has finished,
// it alone touches in and the report.
void importEvents(FormatReader& in, const std::vector<std::string>& h, DatasetWriter& writer,
                  const std::string& event) {
    const std::string& path = in.path();
    const int sCol = requireColumn(h, {"sessionId"}, path, "the session");
    const int uCol = findColumn(h, {"userId"});
    const int iCol = requireColumn(h, {"itemId"}, path, "the item");
    const int fCol = requireColumn(h, {"timeframe"}, path, "milliseconds since the event date");
    const int dCol = requireColumn(h, {"eventdate"}, path, "the day, yyyy-MM-dd");
    writeParsedEvents(writer, event, [&](EventBatchOut& out) {
        TimeParser dates("yyyy-MM-dd");
        readEventRows(in, h.size(), out, [&](const Record& r) {
            auto session = nonNull(r.fields[sCol]);
            if (!session)
                throw InputError(path, r.line, sCol + 1, "empty session id");
            auto item = nonNull(r.fields[iCol]);
            if (!item)
                throw InputError(path, r.line, iCol + 1, "empty item id");
            auto day = dates.parse(r.fields[dCol]);
            if (!day)
                throw InputError(path, r.line, dCol + 1,
                                 "cannot parse event date " +
                                     quoteForMessage(trim(r.fields[dCol])) + " as yyyy-MM-dd");
            long long frame = 0;
            if (!parseInt64(trim(r.fields[fCol]), frame) || frame < 0)
                throw InputError(path, r.line, fCol + 1,
                                 "timeframe " + quoteForMessage(trim(r.fields[fCol])) +
                                     " is not a non-negative number of milliseconds");
            std::optional<std::string_view> user;
            if (uCol >= 0)
                user = nonNull(r.fields[uCol]);
            out.add(*session, user, *item, *day + frame, std::nullopt);
        });
    });
}

// Name tokens are comma-separated numbers ("4,5,6"): spaces make them words for text models.
std::string tokensAsText(std::string_view tokens) {
    std::string out;
    for (const std::string& t : split(tokens, ',')) {
        std::string_view w = trim(t);
        if (w.empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += w;
    }
    return out;
}

void importItems(FormatReader& in, const std::vector<std::string>& h, DatasetWriter& writer,
                 DigineticaFile kind, ImportReport& report) {
    const std::string& path = in.path();
    const int iCol = requireColumn(h, {"itemId"}, path, "the item");
    const int pCol = findColumn(h, {"pricelog2"});
    const int nCol = findColumn(h, {"product.name.tokens", "name.tokens", "name"});
    const int cCol = findColumn(h, {"categoryId"});
    Record r;
    while (in.next(r)) {
        in.tick(writer);
        try {
            in.expectColumns(r, h.size());
            auto item = nonNull(r.fields[iCol]);
            if (!item)
                throw InputError(path, r.line, iCol + 1, "empty item id");
            if (kind == DigineticaFile::Categories) {
                auto cat = nonNull(r.fields[cCol]);
                if (!cat)
                    throw InputError(path, r.line, cCol + 1, "empty category id");
                writer.upsertItem(*item, std::nullopt, std::nullopt, *cat, std::nullopt);
            } else {
                std::optional<std::string> title, attrs;
                if (nCol >= 0)
                    if (auto n = nonNull(r.fields[nCol]))
                        title = tokensAsText(*n);
                if (auto p = nonNull(r.fields[pCol])) {
                    double v = 0;
                    if (!parseDouble(*p, v))
                        throw InputError(path, r.line, pCol + 1,
                                         "pricelog2 " + quoteForMessage(*p) + " is not a number");
                    attrs = nlohmann::json{{"pricelog2", v}}.dump();
                }
                auto view = [](const std::optional<std::string>& s) {
                    return s ? std::optional<std::string_view>(*s) : std::nullopt;
                };
                writer.upsertItem(*item, view(title), std::nullopt, std::nullopt, view(attrs));
            }
            ++report.itemsUpdated;
        } catch (const InputError& e) {
            in.fail(e);
        }
    }
}

} // namespace

ImportReport importDiginetica(SessionStore& store, const std::string& dataset,
                              const std::string& path, const DelimitedImportOptions& o,
                              const ProgressFn& progress) {
    auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.dataset = dataset;
    FormatReader in(path, ';', o.lenient, report);
    const std::vector<std::string> header = in.takeHeader();
    const DigineticaFile kind = kindOf(header, path);

    DatasetWriter writer(store, dataset, progress);
    writer.hashSourceAhead(path);
    std::string file;
    if (kind == DigineticaFile::Events) {
        const bool purchases = findColumn(header, {"ordernumber"}) >= 0;
        file = purchases ? "purchases" : "item-views";
        importEvents(in, header, writer, purchases ? "purchase" : "view");
        requireRows(writer.stagedEvents() > 0, report, path);
    } else {
        file = kind == DigineticaFile::Products ? "products" : "product-categories";
        importItems(in, header, writer, kind, report);
        requireRows(report.itemsUpdated > 0, report, path);
    }
    report.delimiter = in.delimiter();
    report.header = true;
    auto opts = sourceOptions(o, "diginetica", file, in.delimiter(), true);
    if (kind == DigineticaFile::Events) {
        report.timeFormat = "eventdate+timeframe";
        opts["time_format"] = report.timeFormat;
    }
    writer.addSource(path, kind == DigineticaFile::Events ? "events" : "items", "diginetica",
                     opts.dump(), report.rows);
    writer.commit(assemblyFor(o, true), report);
    report.seconds = secondsSince(t0);
    return report;
}

} // namespace srw
