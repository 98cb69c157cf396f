#include "srw/data/dataset_stats.h"

#include "srw/data/session_stream.h"
#include "srw/parsers/time_parser.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

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

// Accumulates the distributions of one scope from streamed sessions.
struct Distributions {
    std::map<std::int64_t, std::int64_t> lengths, days;
    std::unordered_map<std::int64_t, std::int64_t> items;

    void add(const StoredSession& s) {
        ++lengths[std::int64_t(s.items.size())];
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            ++items[s.items[i]];
            std::int64_t t = s.times[i];
            ++days[t >= 0 ? t / 86'400'000 : (t - 86'399'999) / 86'400'000];
        }
    }
    void fill(PartStats& p) const {
        p.sessionLengths.assign(lengths.begin(), lengths.end());
        p.eventsPerDay.assign(days.begin(), days.end());
        p.itemPopularity.clear();
        std::int64_t total = 0;
        for (const auto& [item, n] : items) {
            p.itemPopularity.push_back(n);
            total += n;
        }
        std::sort(p.itemPopularity.begin(), p.itemPopularity.end(), std::greater<>());
        std::size_t top = std::size_t(std::ceil(double(p.itemPopularity.size()) * 0.01));
        std::int64_t topEvents = 0;
        for (std::size_t i = 0; i < top && i < p.itemPopularity.size(); ++i)
            topEvents += p.itemPopularity[i];
        p.topOnePercentShare = total > 0 ? double(topEvents) / double(total) : 0.0;
    }
};

void addDistributions(Database& db, std::int64_t datasetId, std::optional<std::int64_t> splitId,
                      DatasetStats& s) {
    Distributions all;
    forEachStoredSession(db, datasetId, false, [&](const StoredSession& x) { all.add(x); });
    all.fill(s.all);
    if (!splitId)
        return;
    std::unordered_map<std::int64_t, int> partOf;
    Statement st = db.prepare("SELECT session_id, part FROM split_sessions WHERE split_id = ?");
    st.bind(1, *splitId);
    while (st.step()) {
        std::string_view p = st.getTextView(1);
        partOf.emplace(st.getInt(0), p == "train" ? 0 : p == "valid" ? 1 : 2);
    }
    Distributions parts[3];
    forEachStoredSession(db, datasetId, true, [&](const StoredSession& x) {
        auto it = partOf.find(x.id);
        if (it != partOf.end())
            parts[it->second].add(x);
    });
    static const char* kNames[] = {"train", "valid", "test"};
    for (auto& [name, p] : s.parts) {
        int k = int(std::find(std::begin(kNames), std::end(kNames), name) - std::begin(kNames));
        parts[k].fill(p);
        if (k == 2) {
            std::int64_t unseen = 0;
            for (const auto& [item, n] : parts[2].items)
                if (!parts[0].items.count(item))
                    unseen += n;
            p.unseenInTrainEvents = unseen;
        }
    }
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
    // Arrays of [key, count] pairs: JSON objects would sort "10" before "2".
    nlohmann::json lengths = nlohmann::json::array();
    for (const auto& [len, n] : p.sessionLengths)
        lengths.push_back({len, n});
    j["session_length_histogram"] = lengths;
    nlohmann::json days = nlohmann::json::array();
    for (const auto& [day, n] : p.eventsPerDay)
        days.push_back({TimeParser::formatIso(day * 86'400'000).substr(0, 10), n});
    j["events_per_day"] = days;
    j["top_1pct_item_share"] = p.topOnePercentShare;
    const std::size_t shown = std::min<std::size_t>(p.itemPopularity.size(), 1000);
    j["item_popularity"] = std::vector<std::int64_t>(p.itemPopularity.begin(),
                                                     p.itemPopularity.begin() + std::ptrdiff_t(shown));
    if (p.unseenInTrainEvents) {
        j["unseen_in_train_events"] = *p.unseenInTrainEvents;
        j["unseen_in_train_share"] =
            p.events > 0 ? double(*p.unseenInTrainEvents) / double(p.events) : 0.0;
    }
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
        addDistributions(db, id, splitId, s);
    } else {
        addDistributions(db, id, std::nullopt, s);
    }
    return s;
}

nlohmann::json datasetStatsToJson(const DatasetStats& s) {
    nlohmann::json j = partJson(s.all);
    j["dataset"] = s.dataset;
    j["items_with_text"] = s.itemsWithText;
    j["catalog_items"] = s.catalogItems;
    j["items_with_text_share"] =
        s.catalogItems > 0 ? double(s.itemsWithText) / double(s.catalogItems) : 0.0;
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
