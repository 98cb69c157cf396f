#include "srw/data/formats/yoochoose_importer.h"

#include "../item_key_map.h"
#include "batch_pipe.h"
#include "format_support.h"
#include "srw/parsers/time_parser.h"
#include "srw/util/text_utils.h"

#include <thread>
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

// Rows parsed ahead of the writer: text offsets into one buffer, the item as its local number.
struct ParsedRows {
    struct Row {
        std::uint32_t session, sessionLength;
        std::uint32_t item;
        std::int64_t ts;
    };
    static constexpr std::size_t kRows = 4096;
    static constexpr std::size_t kBytes = 1u << 20;
    std::string text;
    std::vector<Row> rows;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> newItems; // keys of first appearances
    std::vector<std::pair<std::size_t, Progress>> ticks;           // due before row .first
    void clear() {
        text.clear();
        rows.clear();
        newItems.clear();
        ticks.clear();
    }
    std::uint32_t append(std::string_view s) {
        const auto at = std::uint32_t(text.size());
        text.append(s.data(), s.size());
        return at;
    }
    bool full() const { return rows.size() >= kRows || text.size() >= kBytes; }
};

// The parsing thread: the checks and messages of the single-threaded importer, row by row, in
// file order. An error (a bad row outside lenient mode) ends the batches; the importing thread
// rethrows it after the rows before it.
void parseRows(FormatReader& in, bool buys, std::size_t columns, BatchPipe<ParsedRows>& pipe,
               std::vector<Category>& categories) {
    const std::string& path = in.path();
    std::unique_ptr<ParsedRows> batch;
    std::exception_ptr error;
    try {
        batch = pipe.takeFree();
        if (!batch)
            return;
        TimeParser times("iso");
        ItemKeyMap items;
        Record r;
        while (in.next(r)) {
            if (auto p = in.dueProgress())
                batch->ticks.emplace_back(batch->rows.size(), std::move(*p));
            try {
                in.expectColumns(r, columns);
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
                std::uint32_t local;
                if (auto found = items.find(*item)) {
                    local = std::uint32_t(*found);
                } else {
                    local = std::uint32_t(items.size());
                    items.insert(*item, local);
                    categories.emplace_back();
                    batch->newItems.emplace_back(batch->append(*item), std::uint32_t(item->size()));
                }
                batch->rows.push_back(
                    {batch->append(*session), std::uint32_t(session->size()), local, *ts});
                auto category = nonNull(r.fields[3]);
                if (!buys && category && *category != "0") {
                    Category& slot = categories[local];
                    const bool added = !slot.set;
                    if (added) {
                        slot.set = true;
                        slot.item = *item;
                    }
                    if (added || *ts >= slot.ts) {
                        slot.ts = *ts;
                        slot.category = *category;
                    }
                }
            } catch (const InputError& e) {
                in.fail(e);
            }
            if (batch->full()) {
                pipe.put(std::move(batch));
                batch = pipe.takeFree();
                if (!batch)
                    return;
                batch->clear();
            }
        }
    } catch (...) {
        error = std::current_exception();
    }
    if (batch)
        pipe.put(std::move(batch));
    pipe.finish(error);
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

    // Parsing runs on a second thread (see BatchPipe); the items are numbered there by first
    // appearance ("local" numbers), and this thread asks the writer for an item's id once, at its
    // first appearance, in file order as before, so the ids are the same.
    BatchPipe<ParsedRows> pipe;
    // Latest non-zero category per item, by local number: bounded by the catalogue (52k items in
    // the full log). Touched by the parsing thread only until it has finished.
    std::vector<Category> categories;
    std::thread parser([&] { parseRows(in, buys, columns, pipe, categories); });
    struct Join {
        BatchPipe<ParsedRows>& pipe;
        std::thread& thread;
        ~Join() {
            pipe.stop();
            thread.join();
        }
    } join{pipe, parser};

    const std::string_view eventType = buys ? "purchase" : "click";
    std::vector<std::int64_t> itemIds;
    while (auto batch = pipe.takeFull()) {
        std::size_t nextTick = 0, nextNew = 0;
        const ParsedRows& b = *batch;
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
            for (; nextTick < b.ticks.size() && b.ticks[nextTick].first <= i; ++nextTick)
                writer.reportProgress(b.ticks[nextTick].second);
            const ParsedRows::Row& row = b.rows[i];
            if (row.item == itemIds.size()) {
                const auto& key = b.newItems[nextNew++];
                itemIds.push_back(
                    writer.itemId(std::string_view(b.text).substr(key.first, key.second)));
            }
            writer.addEvent(std::string_view(b.text).substr(row.session, row.sessionLength),
                            std::nullopt, itemIds[row.item], row.ts, eventType);
        }
        for (; nextTick < b.ticks.size(); ++nextTick)
            writer.reportProgress(b.ticks[nextTick].second);
        pipe.giveBack(std::move(batch));
    }
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
