#pragma once
#include <cstdint>
#include <vector>

namespace srw::sample {

/**
 * xoshiro256** seeded through splitmix64. Every draw the generator makes goes through here,
 * because std::uniform_*_distribution and std::*_distribution produce different numbers on
 * libstdc++, libc++ and MSVC, and the committed sample must be reproducible everywhere.
 */
class SampleRng {
public:
    explicit SampleRng(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& s : m_state)
            s = splitmix64(x);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /** Uniform in [0, n); rejection keeps it unbiased. n must be > 0. */
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t r = next();
        while (r >= limit)
            r = next();
        return r % n;
    }

    /** Uniform integer in [lo, hi]. */
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }

    /** Uniform in [0, 1) with 53 random bits: exact in IEEE doubles, so portable. */
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double p) { return uniform() < p; }

    /** 1 + number of failures before success: geometric with the given mean (>= 1), no libm. */
    int geometric(double mean, int cap) {
        const double stop = 1.0 / mean;
        int n = 1;
        while (n < cap && !chance(stop))
            ++n;
        return n;
    }

    /** Index drawn proportionally to weights (all >= 0, sum > 0), by a linear scan. */
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        // Rounding can leave r just above the last weight; the last positive one is the answer.
        for (std::size_t i = weights.size(); i-- > 0;)
            if (weights[i] > 0)
                return i;
        return 0;
    }

    template <typename T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

    template <typename T> void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) {
            const std::size_t j = below(i);
            std::swap(v[i - 1], v[j]);
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4];
};

} // namespace srw::sample
