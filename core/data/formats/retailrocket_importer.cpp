#include "srw/data/formats/retailrocket_importer.h"

#include "event_batch.h"
#include "format_support.h"
#include "srw/util/text_utils.h"

#include <unordered_map>

namespace srw {
namespace {

using namespace format_detail;

std::optional<std::int64_t> parseMillis(std::string_view text) {
    long long v = 0;
    if (!parseInt64(trim(text), v) || v < 0)
        return std::nullopt;
    return v;
}

// The rows are read and checked on a second thread (see event_batch.h); until it has finished,
// it alone touches in and the report.
void importEvents(FormatReader& in, const std::vector<std::string>& h, DatasetWriter& writer) {
    const std::string& path = in.path();
    const int tCol = requireColumn(h, {"timestamp"}, path, "epoch milliseconds");
    const int vCol = requireColumn(h, {"visitorid"}, path, "the visitor");
    const int eCol = requireColumn(h, {"event"}, path, "view, addtocart or transaction");
    const int iCol = requireColumn(h, {"itemid"}, path, "the item");
    writeParsedEvents(writer, std::nullopt, [&](EventBatchOut& out) {
        readEventRows(in, h.size(), out, [&](const Record& r) {
            auto ts = parseMillis(r.fields[tCol]);
            if (!ts)
                throw InputError(path, r.line, tCol + 1,
                                 "timestamp " + quoteForMessage(trim(r.fields[tCol])) +
                                     " is not epoch milliseconds");
            auto visitor = nonNull(r.fields[vCol]);
            if (!visitor)
                throw InputError(path, r.line, vCol + 1,
                                 "empty visitor id (sessions are built per visitor)");
            auto item = nonNull(r.fields[iCol]);
            if (!item)
                throw InputError(path, r.line, iCol + 1, "empty item id");
            out.add(std::nullopt, *visitor, *item, *ts, nonNull(r.fields[eCol]));
        });
    });
}

// The latest value of each kept property; the property files are snapshots, so "latest" is by
// timestamp, not by file order.
struct Latest {
    std::int64_t ts = -1;
    std::string value;
    void offer(std::int64_t t, std::string_view v) {
        if (t >= ts)
            ts = t, value = std::string(v);
    }
};
struct ItemProps {
    Latest category;
    Latest available;
};

// Merges with what an earlier import (the other part file) stored, keeping the newer value.
void mergeStored(const nlohmann::json& stored, const char* name, Latest& latest) {
    auto v = stored.find(name);
    auto t = stored.find(std::string(name) + "_time");
    if (v == stored.end() || t == stored.end() || !v->is_string() || !t->is_number_integer())
        return;
    if (t->get<std::int64_t>() > latest.ts)
        latest.ts = t->get<std::int64_t>(), latest.value = v->get<std::string>();
}

void importProperties(FormatReader& in, const std::vector<std::string>& h, SessionStore& store,
                      DatasetWriter& writer, ImportReport& report) {
    const std::string& path = in.path();
    const int tCol = requireColumn(h, {"timestamp"}, path, "epoch milliseconds");
    const int iCol = requireColumn(h, {"itemid"}, path, "the item");
    const int pCol = requireColumn(h, {"property"}, path, "the property name");
    const int vCol = requireColumn(h, {"value"}, path, "the property value");
    std::unordered_map<std::string, ItemProps> items;
    Record r;
    while (in.next(r)) {
        in.tick(writer);
        try {
            in.expectColumns(r, h.size());
            auto ts = parseMillis(r.fields[tCol]);
            if (!ts)
                throw InputError(path, r.line, tCol + 1,
                                 "timestamp " + quoteForMessage(trim(r.fields[tCol])) +
                                     " is not epoch milliseconds");
            auto item = nonNull(r.fields[iCol]);
            if (!item)
                throw InputError(path, r.line, iCol + 1, "empty item id");
            std::string_view prop = trim(r.fields[pCol]);
            auto value = nonNull(r.fields[vCol]);
            if (!value)
                continue;
            if (prop == "categoryid")
                items[std::string(*item)].category.offer(*ts, *value);
            else if (prop == "available")
                items[std::string(*item)].available.offer(*ts, *value);
        } catch (const InputError& e) {
            in.fail(e);
        }
    }
    Statement stored =
        store.db().prepare("SELECT attributes FROM items WHERE dataset_id = ? AND external_id = ?");
    for (auto& [id, p] : items) {
        stored.bind(1, writer.datasetId()).bind(2, id);
        nlohmann::json attrs = nlohmann::json::object();
        if (stored.step() && !stored.isNull(0)) {
            attrs = nlohmann::json::parse(stored.getText(0), nullptr, false);
            if (!attrs.is_object())
                attrs = nlohmann::json::object();
        }
        stored.reset();
        mergeStored(attrs, "categoryid", p.category);
        mergeStored(attrs, "available", p.available);
        for (auto [name, latest] :
             {std::pair{"categoryid", &p.category}, std::pair{"available", &p.available}}) {
            if (latest->ts < 0)
                continue;
            attrs[name] = latest->value;
            attrs[std::string(name) + "_time"] = latest->ts;
        }
        std::optional<std::string_view> category;
        if (p.category.ts >= 0)
            category = p.category.value;
        writer.upsertItem(id, std::nullopt, std::nullopt, category, attrs.dump());
        ++report.itemsUpdated;
    }
}

} // namespace

ImportReport importRetailRocket(SessionStore& store, const std::string& dataset,
                                const std::string& path, const DelimitedImportOptions& o,
                                const ProgressFn& progress) {
    auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.dataset = dataset;
    FormatReader in(path, ',', o.lenient, report);
    const std::vector<std::string> header = in.takeHeader();
    const bool events = findColumn(header, {"visitorid"}) >= 0;
    if (!events && findColumn(header, {"property"}) < 0)
        throw InputError(path, 1, 0,
                         "not a supported RetailRocket file: expected the header of events.csv "
                         "(timestamp,visitorid,event,itemid,transactionid) or item_properties "
                         "(timestamp,itemid,property,value)");

    DatasetWriter writer(store, dataset, progress);
    writer.hashSourceAhead(path);
    if (events) {
        importEvents(in, header, writer);
        requireRows(writer.stagedEvents() > 0, report, path);
    } else {
        importProperties(in, header, store, writer, report);
        requireRows(report.rows > report.skipped, report, path);
    }
    report.delimiter = in.delimiter();
    report.header = true;
    auto opts = sourceOptions(o, "retailrocket", events ? "events" : "item_properties",
                              in.delimiter(), true);
    if (events) {
        report.timeFormat = "ms";
        opts["time_format"] = "ms";
        opts["session_gap_minutes"] = o.sessionGapMinutes;
    }
    writer.addSource(path, events ? "events" : "items", "retailrocket", opts.dump(), report.rows);
    writer.commit(assemblyFor(o, !events), report);
    report.seconds = secondsSince(t0);
    return report;
}

} // namespace srw
