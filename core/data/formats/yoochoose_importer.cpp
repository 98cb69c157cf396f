#include "srw/data/formats/yoochoose_importer.h"

#include "event_batch.h"
#include "format_support.h"
#include "srw/parsers/time_parser.h"
#include "srw/util/text_utils.h"

#include <utility>
#include <vector>

namespace srw {
namespace {

using namespace format_detail;

constexpr std::size_t kClickColumns = 4; // session,timestamp,item,category
constexpr std::size_t kBuyColumns = 5;   // session,timestamp,item,price,quantity

// The published files have no header, but re-distributed copies often add one: a first row
// whose session is not a number and whose time is not a time is taken as a header.
bool isHeaderRow(const Record& r) {
    long long n = 0;
    return r.fields.size() >= 2 && !parseInt64(trim(r.fields[0]), n) &&
           !TimeParser("iso").parse(r.fields[1]);
}

struct Category {
    bool set = false;
    std::int64_t ts = 0;
    std::string category;
    std::string item;
};

// The parsing thread: the checks and messages of the single-threaded importer, row by row, in
// file order. An error (a bad row outside lenient mode) ends the batches; the importing thread
// rethrows it after the rows before it.
void parseRows(FormatReader& in, bool buys, std::size_t columns, EventBatchOut& out,
               std::vector<Category>& categories) {
    const std::string& path = in.path();
    TimeParser times("iso");
    readEventRows(in, columns, out, [&](const Record& r) {
        auto session = nonNull(r.fields[0]);
        if (!session)
            throw InputError(path, r.line, 1, "empty session id");
        auto ts = times.parse(r.fields[1]);
        if (!ts)
            throw InputError(path, r.line, 2,
                             "cannot parse time " + quoteForMessage(trim(r.fields[1])) +
                                 " as ISO 8601 (e.g. 2014-04-07T10:51:09.277Z)");
        auto item = nonNull(r.fields[2]);
        if (!item)
            throw InputError(path, r.line, 3, "empty item id");
        if (buys) {
            long long quantity = 0;
            if (!parseInt64(trim(r.fields[4]), quantity) || quantity < 0)
                throw InputError(path, r.line, 5,
                                 "quantity " + quoteForMessage(trim(r.fields[4])) +
                                     " is not a whole number");
        }
        const auto added = out.add(session, std::nullopt, *item, *ts, std::nullopt);
        if (added.firstAppearance)
            categories.emplace_back();
        auto category = nonNull(r.fields[3]);
        if (!buys && category && *category != "0") {
            Category& slot = categories[added.item];
            const bool first = !slot.set;
            if (first) {
                slot.set = true;
                slot.item = *item;
            }
            if (first || *ts >= slot.ts) {
                slot.ts = *ts;
                slot.category = *category;
            }
        }
    });
}

} // namespace

ImportReport importYoochoose(SessionStore& store, const std::string& dataset,
                             const std::string& path, const DelimitedImportOptions& o,
                             const ProgressFn& progress) {
    auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.dataset = dataset;
    FormatReader in(path, ',', o.lenient, report);
    const std::size_t columns = in.first().fields.size();
    if (columns != kClickColumns && columns != kBuyColumns)
        throw InputError(path, in.first().line, 0,
                         "expected 4 columns (clicks: session,timestamp,item,category) or 5 "
                         "(buys: session,timestamp,item,price,quantity), found " +
                             std::to_string(columns));
    const bool buys = columns == kBuyColumns;
    if (isHeaderRow(in.first()))
        in.takeHeader();

    DatasetWriter writer(store, dataset, progress);
    writer.hashSourceAhead(path);

    // Latest non-zero category per item, by local number (see EventBatchOut): bounded by the
    // catalogue (52k items in the full log). Touched by the parsing thread only until it has
    // finished.
    std::vector<Category> categories;
    writeParsedEvents(writer, buys ? "purchase" : "click", [&](EventBatchOut& out) {
        parseRows(in, buys, columns, out, categories);
    });
    requireRows(writer.stagedEvents() > 0, report, path);
    for (const Category& cat : categories)
        if (cat.set)
            writer.upsertItem(cat.item, std::nullopt, std::nullopt, cat.category, std::nullopt);

    report.delimiter = in.delimiter();
    report.header = in.header();
    report.timeFormat = "iso";
    auto opts =
        sourceOptions(o, "yoochoose", buys ? "buys" : "clicks", in.delimiter(), in.header());
    opts["time_format"] = "iso";
    writer.addSource(path, "events", "yoochoose", opts.dump(), report.rows);
    writer.commit(assemblyFor(o, true), report);
    report.seconds = secondsSince(t0);
    return report;
}

} // namespace srw
