#pragma once
// Internal to srw_model: the negatives of training and of calibration come from one sampler.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace srw::model {

/** Popularity^power sampling over items with training events, by inverse CDF. */
class NegativeSampler {
public:
    NegativeSampler(const std::vector<std::int64_t>& counts, double power) {
        double total = 0;
        for (std::size_t i = 0; i < counts.size(); ++i)
            if (counts[i] > 0) {
                total += std::pow(double(counts[i]), power);
                m_cdf.push_back(total);
                m_item.push_back(std::int64_t(i));
            }
        for (auto& c : m_cdf)
            c /= total;
    }
    bool empty() const { return m_item.empty(); }
    std::int64_t draw(std::mt19937_64& rng) const {
        const double u = double(rng() >> 11) * 0x1.0p-53; // portable, unlike std distributions
        const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
        return m_item[std::min<std::size_t>(std::size_t(it - m_cdf.begin()), m_item.size() - 1)];
    }

private:
    std::vector<double> m_cdf;
    std::vector<std::int64_t> m_item;
};

} // namespace srw::model
