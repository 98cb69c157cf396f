#include "srw/analysis/bandit_replay.h"

#include "srw/util/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace srw {
namespace {

// Portable generators: the standard library's distributions differ between implementations,
// and the replay must give the same figures everywhere for a seed.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed ^ 0x9E3779B97F4A7C15ULL) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double normal() {
        // Box–Muller; u1 in (0, 1].
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Marsaglia and Tsang's method for Gamma(shape, 1); boosted for shape < 1.
    double gamma(double shape) {
        if (shape < 1.0)
            return gamma(shape + 1.0) * std::pow(1.0 - uniform(), 1.0 / shape);
        const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
        while (true) {
            double x, v;
            do {
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = 1.0 - uniform();
            if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v))
                return d * v;
        }
    }
    double beta(double a, double b) {
        const double x = gamma(a), y = gamma(b);
        return x / (x + y);
    }

private:
    std::uint64_t m_state;
};

struct Prediction {
    std::int64_t time;
    std::size_t session;
    std::size_t pos; ///< prefix length - 1
};

std::size_t bucketOf(const std::vector<int>& bounds, std::size_t length) {
    std::size_t b = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i)
        if (length >= std::size_t(bounds[i]))
            b = i;
    return b;
}

} // namespace

std::uint64_t blendRank(const std::vector<double>& cf, const std::vector<double>& neural,
                        double alpha, const std::vector<std::uint8_t>& catalogue,
                        std::int32_t target) {
    const std::size_t t = std::size_t(target);
    const double mine = alpha * cf[t] + (1.0 - alpha) * neural[t];
    std::uint64_t rank = 1;
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        if (!catalogue[i] || i == t)
            continue;
        const double s = alpha * cf[i] + (1.0 - alpha) * neural[i];
        rank += s > mine || (s == mine && i < t);
    }
    return rank;
}

BanditResult replayBandit(const std::vector<SessionSequence>& test,
                          const std::vector<std::uint8_t>& catalogue, const BlendPartsFn& parts,
                          const BanditOptions& o) {
    if (o.alphas.empty() || o.k < 1)
        throw UsageError("the bandit needs at least one α and K >= 1");
    for (double a : o.alphas)
        if (!(a >= 0.0 && a <= 1.0))
            throw UsageError("every α of the bandit must lie in [0, 1]");
    std::vector<Prediction> stream;
    for (std::size_t s = 0; s < test.size(); ++s)
        for (std::size_t p = 0; p + 1 < test[s].items.size(); ++p)
            stream.push_back({test[s].times[p + 1], s, p});
    std::stable_sort(stream.begin(), stream.end(),
                     [](const Prediction& a, const Prediction& b) { return a.time < b.time; });

    const std::size_t arms = o.alphas.size();
    const std::size_t contexts = std::max<std::size_t>(1, o.contextBounds.size());
    BanditResult r;
    r.alphas = o.alphas;
    r.fixedReward.assign(arms, 0.0);
    r.pulls.assign(contexts, std::vector<std::uint64_t>(arms, 0));
    for (std::size_t c = 0; c < contexts; ++c) {
        if (o.contextBounds.empty()) {
            r.contextLabels.push_back("all");
            continue;
        }
        const int lo = o.contextBounds[c];
        if (c + 1 == o.contextBounds.size())
            r.contextLabels.push_back("length " + std::to_string(lo) + "+");
        else if (o.contextBounds[c + 1] - 1 == lo)
            r.contextLabels.push_back("length " + std::to_string(lo));
        else
            r.contextLabels.push_back("length " + std::to_string(lo) + "-" +
                                      std::to_string(o.contextBounds[c + 1] - 1));
    }
    std::vector<std::vector<double>> wins(contexts, std::vector<double>(arms, 0.0));
    std::vector<std::vector<double>> losses(contexts, std::vector<double>(arms, 0.0));
    Rng rng(o.seed);
    std::vector<double> cf, neural, reward(arms);
    std::vector<std::uint8_t> armRewards(stream.size() * arms); // one byte per arm and step
    const std::size_t every = std::max<std::size_t>(1, stream.size() / std::max<std::size_t>(1, o.curvePoints));

    for (std::size_t n = 0; n < stream.size(); ++n) {
        const Prediction& pr = stream[n];
        const SessionSequence& s = test[pr.session];
        const std::int32_t target = s.items[pr.pos + 1];
        const bool recommendable =
            target >= 0 && std::size_t(target) < catalogue.size() && catalogue[std::size_t(target)];
        PrefixView view;
        view.items = s.items.data();
        view.times = s.times.data();
        view.length = pr.pos + 1;
        view.sessionId = s.sessionId;
        view.nowMs = s.times[pr.pos + 1];
        view.seed = o.seed ^ (std::uint64_t(n) * 0x9E3779B97F4A7C15ULL);
        if (recommendable) {
            parts(view, cf, neural);
            for (std::size_t a = 0; a < arms; ++a)
                reward[a] = blendRank(cf, neural, o.alphas[a], catalogue, target) <=
                                    std::uint64_t(o.k)
                                ? 1.0
                                : 0.0;
        } else {
            std::fill(reward.begin(), reward.end(), 0.0);
        }
        // Thompson sampling: draw a success rate per arm from its posterior, pull the best.
        const std::size_t ctx = o.contextBounds.empty() ? 0 : bucketOf(o.contextBounds, view.length);
        std::size_t chosen = 0;
        double best = -1;
        for (std::size_t a = 0; a < arms; ++a) {
            const double theta = rng.beta(o.priorSuccesses + wins[ctx][a],
                                          o.priorFailures + losses[ctx][a]);
            if (theta > best) {
                best = theta;
                chosen = a;
            }
        }
        ++r.pulls[ctx][chosen];
        (reward[chosen] > 0 ? wins : losses)[ctx][chosen] += 1.0;
        r.banditReward += reward[chosen];
        double mean = 0;
        for (std::size_t a = 0; a < arms; ++a) {
            armRewards[n * arms + a] = reward[a] > 0;
            r.fixedReward[a] += reward[a];
            mean += reward[a] / double(arms);
        }
        r.uniformReward += mean;
        ++r.predictions;
        if ((n + 1) % every == 0 || n + 1 == stream.size()) {
            r.curveSteps.push_back(n + 1);
            r.curveBandit.push_back(r.banditReward);
            r.curveUniform.push_back(r.uniformReward);
            r.curveBestFixed.push_back(0); // filled below, once the best α is known
        }
        if ((n & 0xFF) == 0 && o.progress &&
            !o.progress({"bandit", std::uint64_t(n), std::uint64_t(stream.size()), ""}))
            throw Cancelled();
    }
    r.bestFixed = std::size_t(std::max_element(r.fixedReward.begin(), r.fixedReward.end()) -
                              r.fixedReward.begin());
    r.regret = r.fixedReward[r.bestFixed] - r.banditReward;
    // The best fixed α is known only now; its curve comes from the recorded rewards.
    double cum = 0;
    std::size_t point = 0;
    for (std::size_t n = 0; n < stream.size() && point < r.curveSteps.size(); ++n) {
        cum += armRewards[n * arms + r.bestFixed];
        if (n + 1 == r.curveSteps[point])
            r.curveBestFixed[point++] = cum;
    }
    return r;
}

} // namespace srw
