#include "srw/data/dataset_stats.h"

#include "srw/parsers/time_parser.h"

#include <nlohmann/json.hpp>

namespace srw {
namespace {

// Split parts count what the algorithms see: events that preparation kept.
constexpr const char* kKeptEventsOnly =
    " WHERE NOT EXISTS (SELECT 1 FROM excluded_events x WHERE x.session_id = e.session_id"
    " AND x.pos = e.pos)";

// `scope` selects the sessions: all of the dataset, or those of one split part.
PartStats partStats(Database& db, std::int64_t datasetId, std::optional<std::int64_t> splitId,
                    const std::string& part) {
    const std::string sessions =
        splitId ? "SELECT s.id, s.user_id FROM sessions s JOIN split_sessions p ON p.session_id ="
                  " s.id WHERE p.split_id = ?2 AND p.part = ?3 AND s.dataset_id = ?1 AND s.flags = 0"
                : "SELECT s.id, s.user_id FROM sessions s WHERE s.dataset_id = ?1";
    auto bindAll = [&](Statement& st) {
        st.bind(1, datasetId);
        if (splitId)
            st.bind(2, *splitId).bind(3, part);
    };
    PartStats p;
    {
        Statement st = db.prepare("WITH sel AS (" + sessions +
                                  ") SELECT count(*), count(DISTINCT user_id),"
                                  " count(user_id) FROM sel");
        bindAll(st);
        st.step();
        p.sessions = st.getInt(0);
        if (st.getInt(2) > 0)
            p.users = st.getInt(1);
    }
    {
        Statement st = db.prepare("WITH sel AS (" + sessions +
                                  ") SELECT count(*), count(DISTINCT e.item_id), min(e.ts),"
                                  " max(e.ts) FROM sel JOIN events e ON e.session_id = sel.id" +
                                  std::string(splitId ? kKeptEventsOnly : ""));
        bindAll(st);
        st.step();
        p.events = st.getInt(0);
        p.items = st.getInt(1);
        p.firstTsMs = st.getOptInt(2);
        p.lastTsMs = st.getOptInt(3);
    }
    return p;
}

nlohmann::json epochSeconds(std::optional<std::int64_t> ms) {
    if (!ms)
        return nullptr;
    if (*ms % 1000 == 0)
        return *ms / 1000;
    return double(*ms) / 1000.0;
}

nlohmann::json partJson(const PartStats& p) {
    nlohmann::json j;
    j["events"] = p.events;
    j["sessions"] = p.sessions;
    j["items"] = p.items;
    j["users"] = p.users ? nlohmann::json(*p.users) : nlohmann::json(nullptr);
    j["first_ts"] = epochSeconds(p.firstTsMs);
    j["last_ts"] = epochSeconds(p.lastTsMs);
    j["first_time"] = p.firstTsMs ? nlohmann::json(TimeParser::formatIso(*p.firstTsMs)) : nullptr;
    j["last_time"] = p.lastTsMs ? nlohmann::json(TimeParser::formatIso(*p.lastTsMs)) : nullptr;
    return j;
}

} // namespace

DatasetStats computeDatasetStats(SessionStore& store, const std::string& dataset) {
    Database& db = store.db();
    std::int64_t id = store.requireDataset(dataset);
    DatasetStats s;
    s.dataset = dataset;
    s.all = partStats(db, id, std::nullopt, "");
    {
        Statement st = db.prepare(
            "SELECT count(*), count(CASE WHEN coalesce(title, '') <> '' OR"
            " coalesce(description, '') <> '' THEN 1 END) FROM items WHERE dataset_id = ?");
        st.bind(1, id);
        st.step();
        s.catalogItems = st.getInt(0);
        s.itemsWithText = st.getInt(1);
    }
    Statement split = db.prepare(
        "SELECT id, name FROM splits WHERE dataset_id = ? AND active = 1 ORDER BY id DESC LIMIT 1");
    split.bind(1, id);
    if (split.step()) {
        std::int64_t splitId = split.getInt(0);
        s.splitName = split.getText(1);
        for (const char* part : {"train", "valid", "test"}) {
            PartStats p = partStats(db, id, splitId, part);
            if (p.sessions > 0)
                s.parts.emplace_back(part, p);
        }
    }
    return s;
}

nlohmann::json datasetStatsToJson(const DatasetStats& s) {
    nlohmann::json j = partJson(s.all);
    j["dataset"] = s.dataset;
    j["items_with_text"] = s.itemsWithText;
    j["catalog_items"] = s.catalogItems;
    if (!s.parts.empty()) {
        j["split"] = s.splitName;
        nlohmann::json parts = nlohmann::json::object();
        for (const auto& [name, p] : s.parts)
            parts[name] = partJson(p);
        j["parts"] = parts;
    }
    return j;
}

} // namespace srw
