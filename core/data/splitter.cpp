#include "srw/data/splitter.h"

#include "srw/data/session_stream.h"
#include "srw/util/error.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_set>

namespace srw {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

struct Brief {
    std::int64_t id, end, events;
};

} // namespace

SplitSummary splitDataset(SessionStore& store, const std::string& dataset, const SplitOptions& o,
                          const ProgressFn& progress) {
    if (o.method != "temporal" && o.method != "leave_last_out")
        throw UsageError("unknown split method '" + o.method + "' (temporal, leave_last_out)");
    if (!(o.testDays > 0) || o.validDays < 0 || !std::isfinite(o.testDays) ||
        !std::isfinite(o.validDays))
        throw UsageError("test days must be positive and valid days not negative");
    Database& db = store.db();
    std::int64_t datasetId = store.requireDataset(dataset);
    SplitSummary sum;
    sum.method = o.method;
    sum.name = o.name.empty() ? o.method : o.name;
    SessionStore::validateDatasetName(sum.name); // same rules suit split names

    std::vector<Brief> sessions;
    forEachStoredSession(
        db, datasetId, true,
        [&](const StoredSession& s) {
            sessions.push_back({s.id, *std::max_element(s.times.begin(), s.times.end()),
                                std::int64_t(s.items.size())});
        },
        progress);
    if (sessions.empty())
        throw UsageError("dataset '" + dataset + "' has no sessions left to split");

    // part per session: 0 train, 1 valid, 2 test.
    std::vector<int> part(sessions.size(), 0);
    if (o.method == "temporal") {
        std::int64_t maxEnd = 0;
        for (const auto& s : sessions)
            maxEnd = std::max(maxEnd, s.end);
        sum.thresholdTestMs = maxEnd - std::int64_t(std::llround(o.testDays * kDayMs));
        std::int64_t trainEnd = LLONG_MIN;
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            if (sessions[i].end > sum.thresholdTestMs)
                part[i] = 2;
            else
                trainEnd = std::max(trainEnd, sessions[i].end);
        }
        if (o.validDays > 0 && trainEnd != LLONG_MIN) {
            std::int64_t validThreshold = trainEnd - std::int64_t(std::llround(o.validDays * kDayMs));
            for (std::size_t i = 0; i < sessions.size(); ++i)
                if (part[i] == 0 && sessions[i].end > validThreshold)
                    part[i] = 1;
        }
    } else {
        std::fill(part.begin(), part.end(), 2);
    }

    // Which items does training contain? Temporal: all events of train sessions;
    // leave-last-out: every event but each session's last.
    std::unordered_set<std::int64_t> trainItems;
    std::size_t idx = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> lastItems; // leave-last-out targets
    forEachStoredSession(db, datasetId, true, [&](const StoredSession& s) {
        int p = part[idx++];
        if (o.method == "leave_last_out") {
            for (std::size_t i = 0; i + 1 < s.items.size(); ++i)
                trainItems.insert(s.items[i]);
            lastItems.push_back({s.id, s.items.back()});
        } else if (p == 0) {
            trainItems.insert(s.items.begin(), s.items.end());
        }
    });
    std::unordered_set<std::int64_t> unseen;
    idx = 0;
    if (o.method == "leave_last_out") {
        for (const auto& [sid, item] : lastItems)
            if (!trainItems.count(item)) {
                ++sum.testEventsUnseen;
                unseen.insert(item);
            }
    } else {
        forEachStoredSession(db, datasetId, true, [&](const StoredSession& s) {
            if (part[idx++] != 2)
                return;
            for (std::int64_t item : s.items)
                if (!trainItems.count(item)) {
                    ++sum.testEventsUnseen;
                    unseen.insert(item);
                }
        });
    }
    sum.testItemsUnseen = std::int64_t(unseen.size());
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        SplitPartSummary& p = part[i] == 0 ? sum.train : part[i] == 1 ? sum.valid : sum.test;
        ++p.sessions;
        p.events += sessions[i].events;
    }

    nlohmann::json params = {{"test_days", o.testDays}, {"valid_days", o.validDays},
                             {"summary", splitSummaryToJson(sum)}};
    Transaction tx(db);
    Statement del = db.prepare("DELETE FROM splits WHERE dataset_id = ? AND name = ?");
    del.bind(1, datasetId).bind(2, sum.name).run();
    Statement deact = db.prepare("UPDATE splits SET active = 0 WHERE dataset_id = ?");
    deact.bind(1, datasetId).run();
    Statement ins = db.prepare("INSERT INTO splits(dataset_id, name, method, params, active,"
                               " created_at) VALUES(?, ?, ?, ?, 1, ?)");
    ins.bind(1, datasetId).bind(2, sum.name).bind(3, o.method).bind(4, params.dump())
        .bind(5, SessionStore::nowIso()).run();
    std::int64_t splitId = db.lastInsertRowId();
    Statement mark = db.prepare("INSERT INTO split_sessions(split_id, session_id, part) VALUES(?, ?, ?)");
    static const char* kParts[] = {"train", "valid", "test"};
    for (std::size_t i = 0; i < sessions.size(); ++i)
        mark.bind(1, splitId).bind(2, sessions[i].id).bind(3, kParts[part[i]]).run();
    tx.commit();
    return sum;
}

nlohmann::json splitSummaryToJson(const SplitSummary& s) {
    auto part = [](const SplitPartSummary& p) {
        return nlohmann::json{{"sessions", p.sessions}, {"events", p.events}};
    };
    return {{"name", s.name},
            {"method", s.method},
            {"train", part(s.train)},
            {"valid", part(s.valid)},
            {"test", part(s.test)},
            {"test_events_unseen_in_train", s.testEventsUnseen},
            {"test_items_unseen_in_train", s.testItemsUnseen}};
}

std::vector<SplitWarning> splitWarnings(const SplitSummary& s, const SplitOptions& o) {
    std::vector<SplitWarning> out;
    if (s.method != "temporal")
        return out;
    const std::int64_t all = s.train.sessions + s.valid.sessions + s.test.sessions;
    auto days = [](double d) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", d);
        return std::string(buf);
    };
    auto share = [all](std::int64_t n) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f%%", all > 0 ? 100.0 * double(n) / double(all) : 0.0);
        return std::string(buf);
    };
    if (s.test.sessions < kFewEvaluationSessions)
        out.push_back(
            {SplitWarning::Part::Test, s.test.sessions,
             "only " + std::to_string(s.test.sessions) + " test sessions (" +
                 share(s.test.sessions) + " of " + std::to_string(all) +
                 "): metrics will have wide confidence intervals; widen --test-days (now " +
                 days(o.testDays) + ") or split with --method leave_last_out"});
    if (o.validDays > 0 && s.valid.sessions < kFewEvaluationSessions)
        out.push_back({SplitWarning::Part::Valid, s.valid.sessions,
                       "only " + std::to_string(s.valid.sessions) + " validation sessions (" +
                           share(s.valid.sessions) +
                           "): tuning, early stopping and calibration will be noisy; widen "
                           "--valid-days (now " +
                           days(o.validDays) + ")"});
    return out;
}

} // namespace srw
