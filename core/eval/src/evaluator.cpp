#include "srw/eval/evaluator.h"

#include "session_walker.h"
#include "srw/eval/statistics.h"
#include "srw/util/error.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace srw {
namespace {

// Sessions per block: small enough to balance threads, large enough that per-block sums stay
// a small fraction of the per-session ones. Fixed, so figures never depend on thread count.
constexpr std::size_t kBlockSessions = 64;

const char* const kMetricNames[] = {"HitRate", "MRR", "NDCG", "Precision", "Recall",
                                    "Popularity", "Coverage"};

std::string lengthLabel(const std::vector<int>& bounds, std::size_t i) {
    const int lo = bounds[i];
    if (i + 1 == bounds.size())
        return std::to_string(lo) + "+";
    const int hi = bounds[i + 1] - 1;
    return lo == hi ? std::to_string(lo) : std::to_string(lo) + "-" + std::to_string(hi);
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

EvalContext makeContext(const Recommender& model, const std::vector<SessionSequence>& train,
                        std::int32_t numItems, const EvalOptions& options) {
    EvalContext ctx;
    ctx.options = &options;
    ctx.model = &model;
    const auto n = static_cast<std::size_t>(std::max(numItems, 0));
    ctx.trainCount.assign(n, 0);
    for (const auto& s : train)
        for (std::int32_t item : s.items) {
            if (item < 0 || static_cast<std::size_t>(item) >= n)
                throw UsageError("item index " + std::to_string(item) + " outside the corpus");
            ++ctx.trainCount[static_cast<std::size_t>(item)];
        }
    ctx.catalogue.assign(n, 0);
    std::int64_t maxCount = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ctx.catalogue[i] = ctx.trainCount[i] > 0;
        maxCount = std::max(maxCount, ctx.trainCount[i]);
    }
    ctx.popularity.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        ctx.popularity[i] = maxCount > 0 ? static_cast<double>(ctx.trainCount[i]) /
                                               static_cast<double>(maxCount)
                                         : 0.0;
    ctx.cutoffs = options.cutoffs;
    std::sort(ctx.cutoffs.begin(), ctx.cutoffs.end());
    ctx.cutoffs.erase(std::unique(ctx.cutoffs.begin(), ctx.cutoffs.end()), ctx.cutoffs.end());
    if (ctx.cutoffs.empty() || ctx.cutoffs.front() < 1)
        throw UsageError("cut-offs must be positive integers, e.g. 1,5,10,20");
    if (options.lengthSliceBounds.empty())
        throw UsageError("session-length slices need at least one bound");
    ctx.topLength = std::max(static_cast<std::size_t>(ctx.cutoffs.back()), options.keepTopLists);
    ctx.columns = 6 * ctx.cutoffs.size();
    ctx.lengthSlices = options.lengthSliceBounds.size();
    ctx.slices = ctx.lengthSlices + 3;
    return ctx;
}

} // namespace

std::vector<std::string> metricNames() {
    return {std::begin(kMetricNames), std::end(kMetricNames)};
}

std::string metricKey(const std::string& metric, int cutoff) {
    return metric + "@" + std::to_string(cutoff);
}

std::string toString(UnseenTargetPolicy policy) {
    switch (policy) {
    case UnseenTargetPolicy::DropTargets:
        return "drop-targets";
    case UnseenTargetPolicy::DropEvents:
        return "drop-events";
    case UnseenTargetPolicy::Count:
        break;
    }
    return "count";
}

UnseenTargetPolicy parseUnseenTargetPolicy(const std::string& text) {
    for (auto p : {UnseenTargetPolicy::Count, UnseenTargetPolicy::DropTargets,
                   UnseenTargetPolicy::DropEvents})
        if (toString(p) == text)
            return p;
    throw UsageError("unknown unseen-target policy '" + text +
                     "'; valid: count, drop-targets, drop-events");
}

EvalResult evaluate(const Recommender& model, const std::vector<SessionSequence>& train,
                    const std::vector<SessionSequence>& test, std::int32_t numItems,
                    const EvalOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const EvalContext ctx = makeContext(model, train, numItems, options);
    for (const auto& s : test)
        for (std::int32_t item : s.items)
            if (item < 0 || item >= numItems)
                throw UsageError("test item index " + std::to_string(item) + " outside the corpus");

    EvalResult result;
    result.model = model.name();
    result.params = model.params();
    result.cutoffs = ctx.cutoffs;
    result.excludeSessionItems = options.excludeSessionItems;
    result.unseenPolicy = options.unseenTargets;
    result.remainingItems = options.remainingItems;
    result.lastPositionOnly = options.lastPositionOnly;
    result.seed = options.seed;
    result.confidence = options.confidence;
    result.bootstrapSamples = options.bootstrapSamples;
    result.sessions = test.size();
    result.catalogueSize = static_cast<std::uint64_t>(
        std::count(ctx.catalogue.begin(), ctx.catalogue.end(), std::uint8_t{1}));

    PerSessionValues& per = result.perSession;
    for (std::size_t c = 0; c < ctx.cutoffs.size(); ++c)
        for (std::size_t m = 0; m < 6; ++m)
            per.columns.push_back(metricKey(kMetricNames[m], ctx.cutoffs[c]));
    per.sessionIds.reserve(test.size());
    for (const auto& s : test)
        per.sessionIds.push_back(s.sessionId);
    per.predictions.assign(test.size(), 0);
    per.sums.assign(test.size() * ctx.columns, 0.0);

    const std::size_t blocks = (test.size() + kBlockSessions - 1) / kBlockSessions;
    std::vector<BlockSums> blockSums(blocks);
    int threads = options.threads > 0 ? options.threads
                                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads),
                                                     std::max<std::size_t>(blocks, 1)));
    result.threads = threads;

    std::atomic<std::size_t> nextBlock{0};
    std::atomic<std::size_t> sessionsDone{0};
    std::atomic<bool> stop{false};
    std::atomic<int> running{threads};
    std::mutex mutex;
    std::condition_variable wake;
    std::exception_ptr failure;
    std::vector<std::vector<std::uint32_t>> bestTopRanks(static_cast<std::size_t>(threads));

    auto work = [&](std::size_t worker) {
        try {
            SessionWalker walker(ctx);
            for (;;) {
                const std::size_t b = nextBlock.fetch_add(1);
                if (b >= blocks || stop.load())
                    break;
                BlockSums& sums = blockSums[b];
                sums.sliceSums.assign(ctx.slices * ctx.columns, 0.0);
                sums.slicePredictions.assign(ctx.slices, 0);
                sums.band.assign(6 * ctx.cutoffs.size(), 0.0);
                const std::size_t end = std::min(test.size(), (b + 1) * kBlockSessions);
                for (std::size_t s = b * kBlockSessions; s < end && !stop.load(); ++s) {
                    per.predictions[s] =
                        walker.walk(test[s], s, &per.sums[s * ctx.columns], sums);
                    sessionsDone.fetch_add(1);
                }
            }
            bestTopRanks[worker] = walker.bestTopRank();
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!failure)
                failure = std::current_exception();
            stop = true;
        }
        if (--running == 0) {
            std::lock_guard<std::mutex> lock(mutex);
            wake.notify_all();
        }
    };

    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work, static_cast<std::size_t>(t));
    // The calling thread reports progress, so callbacks never run on a worker; it reports once
    // before waiting so that a cancel request is honoured even on a short run.
    for (;;) {
        if (options.progress && !stop.load()) {
            Progress p{"evaluating", sessionsDone.load(), test.size(), result.model};
            if (!options.progress(p))
                stop = true;
        }
        std::unique_lock<std::mutex> lock(mutex);
        if (running.load() == 0)
            break;
        wake.wait_for(lock, std::chrono::milliseconds(200));
        if (running.load() == 0)
            break;
    }
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    if (stop.load())
        throw Cancelled();
    if (options.progress)
        options.progress(Progress{"evaluating", test.size(), test.size(), result.model});

    // Reduce in session and block order.
    std::vector<double> totals(ctx.columns, 0.0);
    for (std::size_t s = 0; s < test.size(); ++s) {
        result.predictions += per.predictions[s];
        result.scoredSessions += per.predictions[s] > 0;
        for (std::size_t c = 0; c < ctx.columns; ++c)
            totals[c] += per.sums[s * ctx.columns + c];
    }
    std::vector<double> sliceSums(ctx.slices * ctx.columns, 0.0), band(6 * ctx.cutoffs.size(), 0.0);
    std::vector<std::uint64_t> slicePredictions(ctx.slices, 0);
    for (auto& b : blockSums) {
        if (b.sliceSums.empty())
            continue;
        for (std::size_t i = 0; i < sliceSums.size(); ++i)
            sliceSums[i] += b.sliceSums[i];
        for (std::size_t i = 0; i < slicePredictions.size(); ++i)
            slicePredictions[i] += b.slicePredictions[i];
        for (std::size_t i = 0; i < band.size(); ++i)
            band[i] += b.band[i];
        result.unseenTargets += b.unseen;
        result.droppedTargets += b.dropped;
        result.excludedTargets += b.excluded;
        for (auto& rec : b.tops)
            result.topLists.push_back(std::move(rec));
    }
    const double preds = static_cast<double>(result.predictions);
    auto average = [](double sum, double count) { return count > 0 ? sum / count : 0.0; };
    for (std::size_t c = 0; c < ctx.columns; ++c)
        result.metrics[per.columns[c]] = average(totals[c], preds);

    std::vector<std::uint32_t> bestRank(ctx.catalogue.size(), 0);
    for (const auto& ranks : bestTopRanks)
        for (std::size_t i = 0; i < ranks.size(); ++i)
            if (ranks[i] != 0 && (bestRank[i] == 0 || ranks[i] < bestRank[i]))
                bestRank[i] = ranks[i];
    for (int k : ctx.cutoffs) {
        std::uint64_t covered = 0;
        for (std::uint32_t r : bestRank)
            covered += r != 0 && r <= static_cast<std::uint32_t>(k);
        result.metrics[metricKey("Coverage", k)] =
            average(static_cast<double>(covered), static_cast<double>(result.catalogueSize));
    }
    const std::size_t nk = ctx.cutoffs.size();
    for (std::size_t c = 0; c < nk; ++c)
        for (std::size_t m = 0; m < 3; ++m)
            result.tieBand[metricKey(kMetricNames[m], ctx.cutoffs[c])] =
                Interval{average(band[(0 * 3 + m) * nk + c], preds),
                         average(band[(1 * 3 + m) * nk + c], preds)};

    for (std::size_t sl = 0; sl < ctx.slices; ++sl) {
        SliceResult slice;
        if (sl < ctx.lengthSlices) {
            slice.dimension = "session_length";
            slice.label = lengthLabel(options.lengthSliceBounds, sl);
        } else {
            slice.dimension = "target_popularity";
            const char* labels[] = {"unseen", "rare", "frequent"};
            slice.label = labels[sl - ctx.lengthSlices];
        }
        slice.predictions = slicePredictions[sl];
        for (std::size_t c = 0; c < ctx.columns; ++c)
            slice.metrics[per.columns[c]] =
                average(sliceSums[sl * ctx.columns + c], static_cast<double>(slice.predictions));
        result.slices.push_back(std::move(slice));
    }
    if (options.bootstrapSamples > 0)
        result.intervals = bootstrapIntervals(per, options.bootstrapSamples, options.confidence,
                                              options.seed, threads);
    result.evalSeconds = seconds(started);
    return result;
}

std::vector<SessionSequence> fitSessions(const SessionCorpus& corpus, EvalPart part) {
    std::vector<SessionSequence> sessions = corpus.train;
    if (part == EvalPart::Test)
        sessions.insert(sessions.end(), corpus.valid.begin(), corpus.valid.end());
    return sessions;
}

EvalResult fitAndEvaluate(Recommender& model, const SessionCorpus& corpus, EvalPart part,
                          const EvalOptions& options) {
    const auto& scored = part == EvalPart::Test ? corpus.test : corpus.valid;
    if (scored.empty())
        throw UsageError(std::string("the dataset's ") +
                         (part == EvalPart::Test ? "test" : "validation") + " part is empty");
    const auto fitData = fitSessions(corpus, part);
    const auto started = std::chrono::steady_clock::now();
    if (options.progress && !options.progress(Progress{"fitting", 0, 0, model.name()}))
        throw Cancelled();
    model.fit(fitData, corpus.numItems);
    const double fitTime = seconds(started);
    EvalOptions effective = options;
    effective.lastPositionOnly = options.lastPositionOnly || corpus.leaveLastOut;
    EvalResult result = evaluate(model, fitData, scored, corpus.numItems, effective);
    result.fitSeconds = fitTime;
    return result;
}

} // namespace srw
