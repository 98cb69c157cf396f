#include "srw/eval/statistics.h"

#include "srw/util/error.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

namespace srw {
namespace {

std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/** Sessions with at least one prediction: the units that are resampled. */
std::vector<std::size_t> scoredSessions(const PerSessionValues& v) {
    std::vector<std::size_t> out;
    for (std::size_t s = 0; s < v.predictions.size(); ++s)
        if (v.predictions[s] > 0)
            out.push_back(s);
    return out;
}

/** Linear interpolation between order statistics (numpy's default percentile). */
double percentile(std::vector<double>& sorted, double q) {
    if (sorted.empty())
        return 0;
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

/**
 * Runs `samples` session resamples split over threads; for each, fn(counts, out) writes one
 * value per column from the multiplicity of every unit. Resample r is seeded by (seed, r) only.
 */
template <class Fn>
std::vector<std::vector<double>> resample(std::size_t units, std::size_t columns, int samples,
                                          std::uint64_t seed, int threads, Fn fn) {
    std::vector<std::vector<double>> values(columns, std::vector<double>(static_cast<std::size_t>(samples)));
    threads = std::max(1, std::min(threads, samples));
    auto work = [&](int t) {
        std::vector<std::uint32_t> counts(units);
        std::vector<double> out(columns);
        for (int r = t; r < samples; r += threads) {
            std::fill(counts.begin(), counts.end(), 0);
            std::mt19937_64 rng(mix(seed ^ mix(static_cast<std::uint64_t>(r) + 1)));
            std::uniform_int_distribution<std::size_t> pick(0, units - 1);
            for (std::size_t i = 0; i < units; ++i)
                ++counts[pick(rng)];
            fn(counts, out);
            for (std::size_t c = 0; c < columns; ++c)
                values[c][static_cast<std::size_t>(r)] = out[c];
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool)
        th.join();
    return values;
}

Interval intervalOf(std::vector<double>& values, double confidence) {
    std::sort(values.begin(), values.end());
    const double alpha = (1.0 - confidence) / 2.0;
    return Interval{percentile(values, alpha), percentile(values, 1.0 - alpha)};
}

} // namespace

std::map<std::string, Interval> bootstrapIntervals(const PerSessionValues& v, int samples,
                                                   double confidence, std::uint64_t seed,
                                                   int threads) {
    std::map<std::string, Interval> out;
    const auto units = scoredSessions(v);
    const std::size_t columns = v.columns.size();
    if (units.empty() || samples <= 0)
        return out;
    auto values = resample(units.size(), columns, samples, seed, threads,
                           [&](const std::vector<std::uint32_t>& counts, std::vector<double>& res) {
                               std::fill(res.begin(), res.end(), 0.0);
                               double preds = 0;
                               for (std::size_t u = 0; u < units.size(); ++u) {
                                   if (!counts[u])
                                       continue;
                                   const double w = counts[u];
                                   const std::size_t s = units[u];
                                   preds += w * v.predictions[s];
                                   const double* row = &v.sums[s * columns];
                                   for (std::size_t c = 0; c < columns; ++c)
                                       res[c] += w * row[c];
                               }
                               for (double& x : res)
                                   x /= preds;
                           });
    for (std::size_t c = 0; c < columns; ++c)
        out[v.columns[c]] = intervalOf(values[c], confidence);
    return out;
}

PairedComparison comparePaired(const EvalResult& a, const EvalResult& b, int samples,
                               double confidence, std::uint64_t seed) {
    return comparePaired(a.perSession, b.perSession, samples, confidence, seed);
}

PairedComparison comparePaired(const PerSessionValues& a, const PerSessionValues& b, int samples,
                               double confidence, std::uint64_t seed) {
    if (a.sessionIds != b.sessionIds || a.predictions != b.predictions)
        throw UsageError("the two runs were not evaluated on the same sessions and predictions; "
                         "a paired comparison needs the same split and protocol");
    if (a.columns != b.columns)
        throw UsageError("the two runs have different metrics or cut-offs");
    const std::size_t columns = a.columns.size();
    const auto units = scoredSessions(a);
    PairedComparison out;
    out.sessions = units.size();
    out.samples = samples;
    out.confidence = confidence;

    double preds = 0;
    std::vector<double> sumA(columns, 0.0), sumB(columns, 0.0);
    std::vector<double> diff(units.size() * columns);
    for (std::size_t u = 0; u < units.size(); ++u) {
        const std::size_t s = units[u];
        preds += a.predictions[s];
        for (std::size_t c = 0; c < columns; ++c) {
            sumA[c] += a.sum(s, c);
            sumB[c] += b.sum(s, c);
            diff[u * columns + c] = a.sum(s, c) - b.sum(s, c);
        }
    }
    std::vector<double> observed(columns, 0.0);
    for (std::size_t c = 0; c < columns; ++c)
        for (std::size_t u = 0; u < units.size(); ++u)
            observed[c] += diff[u * columns + c];

    std::vector<std::vector<double>> boot, flips;
    if (!units.empty() && samples > 0) {
        boot = resample(units.size(), columns, samples, seed, 1,
                        [&](const std::vector<std::uint32_t>& counts, std::vector<double>& res) {
                            std::fill(res.begin(), res.end(), 0.0);
                            double p = 0;
                            for (std::size_t u = 0; u < units.size(); ++u) {
                                if (!counts[u])
                                    continue;
                                p += counts[u] * static_cast<double>(a.predictions[units[u]]);
                                for (std::size_t c = 0; c < columns; ++c)
                                    res[c] += counts[u] * diff[u * columns + c];
                            }
                            for (double& x : res)
                                x /= p;
                        });
        // Sign flips: under "no difference" the labels a/b of a session are exchangeable.
        flips.assign(columns, std::vector<double>(static_cast<std::size_t>(samples)));
        for (int r = 0; r < samples; ++r) {
            std::mt19937_64 rng(mix(seed ^ 0x5bd1e995ULL ^ mix(static_cast<std::uint64_t>(r) + 1)));
            std::vector<double> t(columns, 0.0);
            for (std::size_t u = 0; u < units.size(); ++u) {
                const double sign = (rng() & 1) ? 1.0 : -1.0;
                for (std::size_t c = 0; c < columns; ++c)
                    t[c] += sign * diff[u * columns + c];
            }
            for (std::size_t c = 0; c < columns; ++c)
                flips[c][static_cast<std::size_t>(r)] = t[c];
        }
    }
    for (std::size_t c = 0; c < columns; ++c) {
        PairedDifference d;
        d.metric = a.columns[c];
        d.a = preds > 0 ? sumA[c] / preds : 0;
        d.b = preds > 0 ? sumB[c] / preds : 0;
        d.difference = preds > 0 ? observed[c] / preds : 0;
        if (!boot.empty()) {
            d.interval = intervalOf(boot[c], confidence);
            // A relative tolerance keeps float noise in the sums from deciding ties.
            const double obs = std::abs(observed[c]);
            const double tol = 1e-9 * std::max(1.0, obs);
            std::size_t extreme = 0;
            for (double t : flips[c])
                extreme += std::abs(t) >= obs - tol;
            d.pValue = (1.0 + static_cast<double>(extreme)) / (1.0 + samples);
        }
        out.metrics.push_back(d);
    }
    return out;
}

} // namespace srw
