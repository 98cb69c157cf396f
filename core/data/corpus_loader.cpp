#include "srw/data/corpus_loader.h"

#include "srw/data/session_stream.h"
#include "srw/util/error.h"
#include "srw/util/sha256.h"

#include <algorithm>
#include <unordered_map>

namespace srw {

SplitRef findSplit(SessionStore& store, const std::string& dataset, const std::string& split) {
    Database& db = store.db();
    std::int64_t datasetId = store.requireDataset(dataset);
    Statement sp = db.prepare(split.empty()
                                  ? "SELECT id, method FROM splits WHERE dataset_id = ?1 AND active = 1"
                                    " ORDER BY id DESC LIMIT 1"
                                  : "SELECT id, method FROM splits WHERE dataset_id = ?1 AND name = ?2");
    sp.bind(1, datasetId);
    if (!split.empty())
        sp.bind(2, split);
    if (!sp.step())
        throw UsageError(split.empty() ? "dataset '" + dataset +
                                             "' has no split yet; run srw split " + dataset
                                       : "dataset '" + dataset + "' has no split named '" + split +
                                             "'");
    SplitRef ref;
    ref.id = sp.getInt(0);
    ref.method = sp.getText(1);
    Statement name = db.prepare("SELECT name FROM splits WHERE id = ?");
    name.bind(1, ref.id);
    name.step();
    ref.name = name.getText(0);
    return ref;
}

SessionCorpus loadCorpus(SessionStore& store, const std::string& dataset, const std::string& split,
                         const ProgressFn& progress) {
    Database& db = store.db();
    std::int64_t datasetId = store.requireDataset(dataset);
    const SplitRef ref = findSplit(store, dataset, split);
    const std::int64_t splitId = ref.id;
    const bool leaveLastOut = ref.method == "leave_last_out";

    SessionCorpus corpus;
    corpus.leaveLastOut = leaveLastOut;
    std::unordered_map<std::int64_t, std::int32_t> dense;
    Statement items = db.prepare("SELECT id, external_id FROM items WHERE dataset_id = ? ORDER BY id");
    items.bind(1, datasetId);
    while (items.step()) {
        dense.emplace(items.getInt(0), std::int32_t(corpus.itemIds.size()));
        corpus.itemIds.push_back(items.getInt(0));
        corpus.itemExternalIds.push_back(items.getText(1));
    }
    corpus.numItems = std::int32_t(corpus.itemIds.size());

    // 0 train, 1 valid, 2 test.
    std::unordered_map<std::int64_t, int> partOf;
    Statement parts = db.prepare("SELECT session_id, part FROM split_sessions WHERE split_id = ?");
    parts.bind(1, splitId);
    while (parts.step()) {
        std::string_view p = parts.getTextView(1);
        partOf.emplace(parts.getInt(0), p == "train" ? 0 : p == "valid" ? 1 : 2);
    }

    forEachStoredSession(
        db, datasetId, true,
        [&](const StoredSession& s) {
            auto it = partOf.find(s.id);
            if (it == partOf.end())
                return;
            SessionSequence seq;
            seq.sessionId = s.id;
            seq.times = s.times;
            seq.items.reserve(s.items.size());
            for (std::int64_t item : s.items)
                seq.items.push_back(dense.at(item));
            if (leaveLastOut) {
                if (seq.items.size() >= 2) {
                    SessionSequence prefix = seq;
                    prefix.items.pop_back();
                    prefix.times.pop_back();
                    corpus.train.push_back(std::move(prefix));
                }
                corpus.test.push_back(std::move(seq));
            } else {
                (it->second == 0 ? corpus.train : it->second == 1 ? corpus.valid : corpus.test)
                    .push_back(std::move(seq));
            }
        },
        progress);
    // Time order (then id) is what "replay the stream" and temporal folds expect.
    auto byStart = [](const SessionSequence& a, const SessionSequence& b) {
        return a.times.front() != b.times.front() ? a.times.front() < b.times.front()
                                                  : a.sessionId < b.sessionId;
    };
    for (auto* part : {&corpus.train, &corpus.valid, &corpus.test})
        std::stable_sort(part->begin(), part->end(), byStart);
    return corpus;
}

std::string corpusContentHash(const SessionCorpus& c) {
    Sha256 h;
    auto addInt = [&](std::int64_t v) { h.update(&v, sizeof v); };
    addInt(c.numItems);
    addInt(c.leaveLastOut ? 1 : 0);
    for (const auto& id : c.itemExternalIds) {
        addInt(std::int64_t(id.size()));
        h.update(id);
    }
    for (const auto* part : {&c.train, &c.valid, &c.test}) {
        addInt(std::int64_t(part->size()));
        for (const auto& s : *part) {
            addInt(std::int64_t(s.items.size()));
            h.update(s.items.data(), s.items.size() * sizeof(std::int32_t));
            h.update(s.times.data(), s.times.size() * sizeof(std::int64_t));
        }
    }
    return h.hexDigest();
}

} // namespace srw
