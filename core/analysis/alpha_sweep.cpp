#include "srw/analysis/alpha_sweep.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <chrono>
#include <cstdio>
#include <tuple>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

namespace srw {
namespace {

std::string formatDouble(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

/** Parts of predictions seen so far, shared by the scorers of every α. */
class PartsCache {
public:
    PartsCache(BlendPartsFn parts, std::int32_t numItems, std::uint64_t limitBytes)
        : m_parts(std::move(parts)), m_numItems(numItems),
          m_maxEntries(numItems > 0 ? limitBytes / (16 * std::uint64_t(numItems)) : 0) {}

    using Key = std::tuple<std::int64_t, std::size_t, std::int32_t>;
    struct Entry {
        std::vector<double> cf, f;
    };

    /** The parts of prefix, from the cache or computed (then kept while there is room). */
    const Entry& get(const PrefixView& prefix, Entry& scratch) {
        const Key key{prefix.sessionId, prefix.length, prefix.items[prefix.length - 1]};
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            auto it = m_entries.find(key);
            if (it != m_entries.end()) {
                ++reused;
                return *it->second;
            }
        }
        scratch.cf.assign(std::size_t(m_numItems), 0.0);
        scratch.f.assign(std::size_t(m_numItems), 0.0);
        m_parts(prefix, scratch.cf, scratch.f);
        std::lock_guard<std::mutex> lock(m_mutex);
        ++computed;
        if (m_entries.size() < m_maxEntries) {
            auto e = std::make_unique<Entry>(scratch);
            const Entry& ref = *e;
            m_entries.emplace(key, std::move(e));
            return ref;
        }
        return scratch;
    }

    std::uint64_t computed = 0, reused = 0;

private:
    BlendPartsFn m_parts;
    std::int32_t m_numItems;
    std::uint64_t m_maxEntries;
    std::mutex m_mutex;
    std::map<Key, std::unique_ptr<Entry>> m_entries;
};

class BlendScorer : public SessionScorer {
public:
    BlendScorer(PartsCache& cache, double alpha) : m_cache(cache), m_alpha(alpha) {}
    void score(const PrefixView& prefix, ScoreVector& out) override {
        const auto& e = m_cache.get(prefix, m_scratch);
        double* d = out.dense();
        const auto n = std::size_t(out.numItems());
        for (std::size_t i = 0; i < n; ++i)
            d[i] = i < e.cf.size() ? m_alpha * e.cf[i] + (1.0 - m_alpha) * e.f[i] : 0.0;
    }

private:
    PartsCache& m_cache;
    double m_alpha;
    PartsCache::Entry m_scratch;
};

/** A fitted model seen through its cached parts at one α (fit() does nothing). */
class BlendAtAlpha : public Recommender {
public:
    BlendAtAlpha(std::string name, ParamMap params, PartsCache& cache, double alpha)
        : m_name(std::move(name)), m_params(std::move(params)), m_cache(cache), m_alpha(alpha) {
        m_params["alpha"] = formatDouble(alpha);
    }
    std::string name() const override { return m_name; }
    ParamMap params() const override { return m_params; }
    void fit(const std::vector<SessionSequence>&, std::int32_t) override {}
    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<BlendScorer>(m_cache, m_alpha);
    }

private:
    std::string m_name;
    ParamMap m_params;
    PartsCache& m_cache;
    double m_alpha;
};

bool higherIsBetter(const std::string& key) { return key.rfind("Popularity@", 0) != 0; }

} // namespace

SweepResult sweepAlpha(const std::string& name, const ParamMap& params, const BlendPartsFn& parts,
                       const std::vector<SessionSequence>& train,
                       const std::vector<SessionSequence>& test, std::int32_t numItems,
                       const SweepOptions& options) {
    if (options.alphas.empty())
        throw UsageError("the sweep needs at least one α");
    for (double a : options.alphas)
        if (!(a >= 0 && a <= 1))
            throw UsageError("every α must lie in [0, 1]");
    const auto started = std::chrono::steady_clock::now();
    PartsCache cache(parts, numItems, options.cacheLimitBytes);
    SweepResult out;
    for (std::size_t i = 0; i < options.alphas.size(); ++i) {
        const double alpha = options.alphas[i];
        BlendAtAlpha model(name, params, cache, alpha);
        EvalOptions eo = options.eval;
        if (options.eval.progress) {
            const std::string stage = "α " + formatDouble(alpha) + " (" + std::to_string(i + 1) +
                                      "/" + std::to_string(options.alphas.size()) + ")";
            eo.progress = [&, stage](const Progress& p) {
                Progress q = p;
                q.stage = stage;
                return options.eval.progress(q);
            };
        }
        out.points.push_back({alpha, evaluate(model, train, test, numItems, eo)});
    }
    for (std::size_t i = 0; i < out.points.size(); ++i)
        for (const auto& [key, value] : out.points[i].result.metrics) {
            if (!higherIsBetter(key))
                continue;
            auto it = out.best.find(key);
            if (it == out.best.end() || value > out.points[it->second].result.metrics.at(key))
                out.best[key] = i;
        }
    out.partsComputed = cache.computed;
    out.partsReused = cache.reused;
    out.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

std::map<std::string, std::pair<double, double>> bestAlphas(const SweepResult& sweep) {
    std::map<std::string, std::pair<double, double>> out;
    for (const auto& [key, i] : sweep.best)
        out[key] = {sweep.points[i].alpha, sweep.points[i].result.metrics.at(key)};
    return out;
}

std::vector<double> parseAlphaList(const std::string& text) {
    std::vector<double> out;
    const auto bad = [&] {
        return UsageError("α values are a list like 0,0.25,0.5 or a grid start:stop:step, not '" +
                          text + "'");
    };
    if (text.find(':') != std::string::npos) {
        const auto parts = split(text, ':');
        double a = 0, b = 0, step = 0;
        if (parts.size() != 3 || !parseDouble(trim(parts[0]), a) ||
            !parseDouble(trim(parts[1]), b) || !parseDouble(trim(parts[2]), step) || step <= 0 ||
            b < a)
            throw bad();
        const auto n = static_cast<long long>(std::floor((b - a) / step + 1e-9));
        for (long long i = 0; i <= n; ++i)
            out.push_back(std::round((a + double(i) * step) * 1e12) / 1e12);
    } else {
        for (const auto& p : split(text, ',')) {
            double a = 0;
            if (!parseDouble(trim(p), a))
                throw bad();
            out.push_back(a);
        }
    }
    for (double a : out)
        if (!(a >= 0 && a <= 1))
            throw UsageError("every α must lie in [0, 1], not " + formatDouble(a));
    if (out.empty())
        throw bad();
    return out;
}

} // namespace srw
