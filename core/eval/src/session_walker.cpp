#include "session_walker.h"

#include <algorithm>
#include <cmath>

namespace srw {
namespace {

std::uint64_t mix(std::uint64_t x) {
    // splitmix64's finaliser: spreads (seed, session, position) into independent seeds.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

double ndcgGain(std::uint64_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

} // namespace

SessionWalker::SessionWalker(const EvalContext& context)
    : m_ctx(context), m_scorer(context.model->newScorer()),
      m_scores(static_cast<std::int32_t>(context.catalogue.size())), m_ranker(context.catalogue),
      m_remaining(context.catalogue.size(), 0), m_bestTopRank(context.catalogue.size(), 0),
      m_values(context.columns, 0.0) {}

std::size_t SessionWalker::lengthSlice(std::size_t length) const {
    const auto& bounds = m_ctx.options->lengthSliceBounds;
    std::size_t slice = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i)
        if (length >= static_cast<std::size_t>(std::max(bounds[i], 0)))
            slice = i;
    return slice;
}

std::size_t SessionWalker::popularitySlice(std::int32_t target) const {
    const auto count = m_ctx.trainCount[static_cast<std::size_t>(target)];
    const std::size_t base = m_ctx.lengthSlices;
    if (count == 0)
        return base; // unseen
    return count <= m_ctx.options->rareTargetMaxCount ? base + 1 : base + 2;
}

std::uint32_t SessionWalker::walk(const SessionSequence& session, std::size_t sessionIndex,
                                  double* row, BlockSums& block) {
    const EvalOptions& opt = *m_ctx.options;
    m_items.clear();
    m_times.clear();
    for (std::size_t i = 0; i < session.items.size(); ++i) {
        const auto item = session.items[i];
        if (opt.unseenTargets == UnseenTargetPolicy::DropEvents &&
            !m_ctx.catalogue[static_cast<std::size_t>(item)]) {
            ++block.dropped;
            continue;
        }
        m_items.push_back(item);
        m_times.push_back(i < session.times.size() ? session.times[i] : 0);
    }
    const std::size_t n = m_items.size();
    if (n < 2)
        return 0;
    const std::size_t lengthSliceIndex = lengthSlice(n);
    const auto& cutoffs = m_ctx.cutoffs;
    std::size_t distinctRemaining = 0;
    if (opt.remainingItems) {
        for (std::size_t i = 1; i < n; ++i)
            if (m_remaining[static_cast<std::size_t>(m_items[i])]++ == 0)
                ++distinctRemaining;
    }

    std::uint32_t predictions = 0;
    for (std::size_t pos = 0; pos + 1 < n; ++pos) {
        const std::int32_t target = m_items[pos + 1];
        const bool seen = m_ctx.catalogue[static_cast<std::size_t>(target)] != 0;
        if (opt.lastPositionOnly && pos + 2 < n) {
            // Leave-last-out: earlier positions are training data, not predictions.
        } else if (!seen && opt.unseenTargets == UnseenTargetPolicy::DropTargets) {
            ++block.dropped;
        } else {
            PrefixView prefix;
            prefix.items = m_items.data();
            prefix.times = m_times.data();
            prefix.length = pos + 1;
            prefix.sessionId = session.sessionId;
            prefix.nowMs = m_times[pos + 1];
            prefix.seed = mix(mix(opt.seed ^ mix(sessionIndex)) + pos);
            m_scores.reset();
            m_scores.setBase(nullptr);
            m_scorer->score(prefix, m_scores);
            if (opt.excludeSessionItems)
                m_ranker.exclude(m_items.data(), pos + 1);

            TargetRank r;
            if (!seen)
                ++block.unseen;
            else if (m_ranker.isExcluded(target))
                ++block.excluded;
            else
                r = m_ranker.rank(m_scores, target);
            m_ranker.top(m_scores, m_ctx.topLength, m_top);
            m_ranker.clearExcluded();

            for (std::size_t t = 0; t < m_top.size(); ++t) {
                auto& best = m_bestTopRank[static_cast<std::size_t>(m_top[t])];
                if (best == 0 || best > t + 1)
                    best = static_cast<std::uint32_t>(t + 1);
            }
            // Fill this prediction's columns for every cutoff.
            double popSum = 0;
            std::size_t remainingHits = 0;
            std::size_t t = 0;
            for (std::size_t c = 0; c < cutoffs.size(); ++c) {
                const auto k = static_cast<std::size_t>(cutoffs[c]);
                for (; t < std::min(k, m_top.size()); ++t) {
                    const auto item = static_cast<std::size_t>(m_top[t]);
                    popSum += m_ctx.popularity[item];
                    if (opt.remainingItems && m_remaining[item] > 0)
                        ++remainingHits;
                }
                const bool hit = r.rank != 0 && r.rank <= k;
                const double kd = static_cast<double>(k);
                m_values[columnOf(0, c)] = hit ? 1.0 : 0.0;
                m_values[columnOf(1, c)] = hit ? 1.0 / static_cast<double>(r.rank) : 0.0;
                m_values[columnOf(2, c)] = hit ? ndcgGain(r.rank) : 0.0;
                if (opt.remainingItems) {
                    m_values[columnOf(3, c)] = static_cast<double>(remainingHits) / kd;
                    m_values[columnOf(4, c)] =
                        static_cast<double>(remainingHits) / static_cast<double>(distinctRemaining);
                } else {
                    m_values[columnOf(3, c)] = hit ? 1.0 / kd : 0.0;
                    m_values[columnOf(4, c)] = hit ? 1.0 : 0.0;
                }
                m_values[columnOf(5, c)] = t > 0 ? popSum / static_cast<double>(t) : 0.0;

                // Tie band: the same three metrics at the tie's worst and best rank.
                const std::uint64_t ranks[2] = {r.worst, r.best};
                for (std::size_t w = 0; w < 2; ++w) {
                    const bool h = ranks[w] != 0 && ranks[w] <= k;
                    double* band = &block.band[(w * 3) * cutoffs.size()];
                    band[0 * cutoffs.size() + c] += h ? 1.0 : 0.0;
                    band[1 * cutoffs.size() + c] += h ? 1.0 / static_cast<double>(ranks[w]) : 0.0;
                    band[2 * cutoffs.size() + c] += h ? ndcgGain(ranks[w]) : 0.0;
                }
            }
            const std::size_t slices[2] = {lengthSliceIndex, popularitySlice(target)};
            for (std::size_t col = 0; col < m_ctx.columns; ++col) {
                row[col] += m_values[col];
                for (std::size_t sl : slices)
                    block.sliceSums[sl * m_ctx.columns + col] += m_values[col];
            }
            for (std::size_t sl : slices)
                ++block.slicePredictions[sl];
            if (opt.keepTopLists > 0) {
                PredictionRecord rec;
                rec.sessionId = session.sessionId;
                rec.position = static_cast<std::uint32_t>(pos + 1);
                rec.target = target;
                rec.rank = r.rank;
                rec.top.assign(m_top.begin(),
                               m_top.begin() + static_cast<std::ptrdiff_t>(
                                                   std::min(opt.keepTopLists, m_top.size())));
                block.tops.push_back(std::move(rec));
            }
            ++predictions;
        }
        if (opt.remainingItems) {
            if (--m_remaining[static_cast<std::size_t>(target)] == 0)
                --distinctRemaining;
        }
    }
    return predictions;
}

} // namespace srw
