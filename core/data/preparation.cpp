#include "srw/data/preparation.h"

#include "srw/data/session_stream.h"
#include "srw/util/error.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace srw {
namespace {

enum EventState : std::uint8_t { kKept = 0, kDuplicate = 1, kRare = 2 };
enum SessionFlag : std::int64_t { kBot = 1, kShort = 2 };

// The whole dataset in compact arrays: events of session s are [start[s], start[s+1]).
struct Compact {
    std::vector<std::int64_t> sessionIds;
    std::vector<std::int64_t> flags;
    std::vector<std::size_t> start{0};
    std::vector<std::int32_t> item; // dense index
    std::vector<std::int32_t> pos;
    std::vector<std::uint8_t> state;
    std::vector<std::int64_t> itemIds; // dense -> items.id

    std::int64_t kept(std::size_t s) const {
        std::int64_t n = 0;
        for (std::size_t e = start[s]; e < start[s + 1]; ++e)
            n += state[e] == kKept;
        return n;
    }
};

bool isBot(const StoredSession& s, const PrepareOptions& o) {
    const std::size_t n = s.items.size();
    if (n > std::size_t(o.botMaxEvents))
        return true;
    if (n < std::size_t(std::max(2, o.botMinEvents)))
        return false;
    std::vector<std::int64_t> gaps;
    gaps.reserve(n - 1);
    for (std::size_t i = 1; i < n; ++i)
        gaps.push_back(s.times[i] - s.times[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(gaps.size() / 2), gaps.end());
    return gaps[gaps.size() / 2] <= o.botMaxMedianGapMs;
}

Compact load(SessionStore& store, std::int64_t datasetId, const PrepareOptions& o,
             PrepareSummary& sum, const ProgressFn& progress) {
    Compact c;
    std::unordered_map<std::int64_t, std::int32_t> dense;
    forEachStoredSession(
        store.db(), datasetId, false,
        [&](const StoredSession& s) {
            c.sessionIds.push_back(s.id);
            bool bot = o.botFilter && isBot(s, o);
            c.flags.push_back(bot ? kBot : 0);
            sum.eventsBefore += std::int64_t(s.items.size());
            if (bot) {
                ++sum.botSessions;
                sum.botEvents += std::int64_t(s.items.size());
            }
            for (std::size_t i = 0; i < s.items.size(); ++i) {
                auto [it, added] = dense.emplace(s.items[i], std::int32_t(c.itemIds.size()));
                if (added)
                    c.itemIds.push_back(s.items[i]);
                c.item.push_back(it->second);
                c.pos.push_back(s.pos[i]);
                bool dup = i > 0 && s.items[i] == s.items[i - 1] && s.times[i] == s.times[i - 1];
                if (dup && !bot)
                    ++sum.duplicateEvents;
                c.state.push_back(dup && o.collapseDuplicates ? kDuplicate : kKept);
                if (dup && o.collapseDuplicates && !bot)
                    ++sum.duplicatesCollapsed;
            }
            c.start.push_back(c.item.size());
        },
        progress);
    sum.sessionsBefore = std::int64_t(c.sessionIds.size());
    sum.itemsBefore = std::int64_t(c.itemIds.size());
    return c;
}

// Drops live sessions with fewer than min kept events; returns how many it dropped.
std::int64_t dropShort(Compact& c, int minLen) {
    std::int64_t dropped = 0;
    for (std::size_t s = 0; s < c.sessionIds.size(); ++s)
        if (c.flags[s] == 0 && c.kept(s) < minLen) {
            c.flags[s] = kShort;
            ++dropped;
        }
    return dropped;
}

// Drops kept events of items with support < min in live sessions; returns {items, events}.
std::pair<std::int64_t, std::int64_t> dropRare(Compact& c, int minSupport) {
    std::vector<std::int64_t> support(c.itemIds.size(), 0);
    for (std::size_t s = 0; s < c.sessionIds.size(); ++s)
        if (c.flags[s] == 0)
            for (std::size_t e = c.start[s]; e < c.start[s + 1]; ++e)
                support[std::size_t(c.item[e])] += c.state[e] == kKept;
    std::int64_t items = 0, events = 0;
    for (std::int64_t n : support)
        items += n > 0 && n < minSupport;
    for (std::size_t s = 0; s < c.sessionIds.size(); ++s)
        if (c.flags[s] == 0)
            for (std::size_t e = c.start[s]; e < c.start[s + 1]; ++e)
                if (c.state[e] == kKept && support[std::size_t(c.item[e])] < minSupport) {
                    c.state[e] = kRare;
                    ++events;
                }
    return {items, events};
}

void write(SessionStore& store, std::int64_t datasetId, const Compact& c, const PrepareOptions& o,
           const PrepareSummary& sum) {
    Database& db = store.db();
    Transaction tx(db);
    Statement reset = db.prepare("UPDATE sessions SET flags = 0 WHERE dataset_id = ? AND flags <> 0");
    reset.bind(1, datasetId).run();
    Statement clear = db.prepare("DELETE FROM excluded_events WHERE session_id IN"
                                 " (SELECT id FROM sessions WHERE dataset_id = ?)");
    clear.bind(1, datasetId).run();
    Statement flag = db.prepare("UPDATE sessions SET flags = ? WHERE id = ?");
    Statement excl = db.prepare("INSERT INTO excluded_events(session_id, pos, reason) VALUES(?, ?, ?)");
    for (std::size_t s = 0; s < c.sessionIds.size(); ++s) {
        if (c.flags[s] != 0) {
            flag.bind(1, c.flags[s]).bind(2, c.sessionIds[s]).run();
            continue;
        }
        for (std::size_t e = c.start[s]; e < c.start[s + 1]; ++e)
            if (c.state[e] != kKept)
                excl.bind(1, c.sessionIds[s])
                    .bind(2, std::int64_t(c.pos[e]))
                    .bind(3, c.state[e] == kDuplicate ? "duplicate" : "rare_item")
                    .run();
    }
    nlohmann::json record = {{"options", prepareOptionsToJson(o)},
                             {"summary", prepareSummaryToJson(sum)},
                             {"prepared_at", SessionStore::nowIso()}};
    Statement save = db.prepare("UPDATE datasets SET preparation = ? WHERE id = ?");
    save.bind(1, record.dump()).bind(2, datasetId).run();
    tx.commit();
}

} // namespace

PrepareSummary prepareDataset(SessionStore& store, const std::string& dataset,
                              const PrepareOptions& o, bool preview, const ProgressFn& progress) {
    if (o.minSessionLength < 1 || o.minItemSupport < 1 || o.botMaxEvents < 1)
        throw UsageError("preparation thresholds must be at least 1");
    std::int64_t datasetId = store.requireDataset(dataset);
    PrepareSummary sum;
    Compact c = load(store, datasetId, o, sum, progress);
    sum.shortSessionsFirst = dropShort(c, o.minSessionLength);
    do {
        ++sum.passes;
        auto [items, events] = dropRare(c, o.minItemSupport);
        std::int64_t dropped = dropShort(c, o.minSessionLength);
        sum.rareItems += items;
        sum.rareItemEvents += events;
        sum.shortSessionsAfter += dropped;
        if (!o.iterate || (events == 0 && dropped == 0))
            break;
    } while (true);

    std::vector<bool> seen(c.itemIds.size(), false);
    for (std::size_t s = 0; s < c.sessionIds.size(); ++s) {
        if (c.flags[s] != 0)
            continue;
        ++sum.sessionsAfter;
        for (std::size_t e = c.start[s]; e < c.start[s + 1]; ++e)
            if (c.state[e] == kKept) {
                ++sum.eventsAfter;
                seen[std::size_t(c.item[e])] = true;
            }
    }
    sum.itemsAfter = std::int64_t(std::count(seen.begin(), seen.end(), true));
    if (!preview)
        write(store, datasetId, c, o, sum);
    return sum;
}

nlohmann::json prepareOptionsToJson(const PrepareOptions& o) {
    return {{"min_session_length", o.minSessionLength},
            {"min_item_support", o.minItemSupport},
            {"iterate", o.iterate},
            {"collapse_duplicates", o.collapseDuplicates},
            {"bot_filter", o.botFilter},
            {"bot_max_events", o.botMaxEvents},
            {"bot_min_events", o.botMinEvents},
            {"bot_max_median_gap_ms", o.botMaxMedianGapMs}};
}

nlohmann::json prepareSummaryToJson(const PrepareSummary& s) {
    return {{"sessions_before", s.sessionsBefore},
            {"events_before", s.eventsBefore},
            {"items_before", s.itemsBefore},
            {"bot_sessions", s.botSessions},
            {"bot_events", s.botEvents},
            {"duplicate_events", s.duplicateEvents},
            {"duplicates_collapsed", s.duplicatesCollapsed},
            {"short_sessions_dropped_first", s.shortSessionsFirst},
            {"rare_items", s.rareItems},
            {"rare_item_events_dropped", s.rareItemEvents},
            {"short_sessions_dropped_after", s.shortSessionsAfter},
            {"passes", s.passes},
            {"sessions_after", s.sessionsAfter},
            {"events_after", s.eventsAfter},
            {"items_after", s.itemsAfter}};
}

} // namespace srw
