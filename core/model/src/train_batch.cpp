#include "train_batch.h"

#include <algorithm>

namespace srw::model {
namespace {

/** The pooled tower's input: each prefix's last L items, most recent first, and which are set. */
std::pair<torch::Tensor, torch::Tensor> recentItems(
    const std::vector<std::vector<std::int32_t>>& prefixes, std::int64_t L, torch::Device device) {
    const auto b = std::int64_t(prefixes.size());
    std::vector<std::int64_t> ids(std::size_t(b * L), 0), keep(std::size_t(b * L), 0);
    for (std::size_t r = 0; r < prefixes.size(); ++r) {
        std::size_t k = 0;
        for (std::size_t q = prefixes[r].size(); q-- > 0 && k < std::size_t(L); ++k) {
            ids[r * std::size_t(L) + k] = prefixes[r][q];
            keep[r * std::size_t(L) + k] = 1;
        }
    }
    auto idT = torch::tensor(ids, torch::kLong).view({b, L}).to(device);
    auto keepT = torch::tensor(keep, torch::kLong).view({b, L}).to(device).to(torch::kBool);
    return {idT, keepT};
}

torch::Tensor sessionTextVectors(ModelState& s, const std::vector<std::vector<std::int32_t>>& prefixes) {
    std::vector<std::vector<std::int32_t>> lists;
    for (const auto& p : prefixes)
        lists.push_back(sessionTokens(s, p.data(), p.size()));
    return encodeTokenLists(s, lists, std::size_t(s.options.sessionTextTokens));
}

} // namespace

BatchVectors batchVectors(ModelState& s, const std::vector<std::vector<std::int32_t>>& prefixes,
                          const std::vector<std::int64_t>& cands, const torch::Tensor& candT) {
    const auto& o = s.options;
    const bool textTower = o.sessionEncoder == "text";
    const auto L = std::int64_t(o.maxSessionItems);
    BatchVectors out;
    if (o.tunedLayers() == 0) {
        out.candidates = s.net->itemVectors(candT);
        if (textTower) {
            torch::NoGradGuard g; // a frozen encoder: the session text vector is an input
            out.session = sessionTextVectors(s, prefixes);
        } else {
            // Only the rows of this batch's items get gradients; the gather is cheap.
            auto [idT, keepT] = recentItems(prefixes, L, s.device);
            out.session = s.net->poolSession(s.net->itemVectors(idT), keepT);
        }
        return out;
    }
    // Fine-tuning: every distinct item of the batch is encoded once, and rows are gathered.
    std::vector<std::int64_t> uniq(cands.begin(), cands.end());
    if (!textTower)
        for (const auto& p : prefixes)
            uniq.insert(uniq.end(), p.begin(), p.end());
    std::sort(uniq.begin(), uniq.end());
    uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
    std::vector<std::vector<std::int32_t>> lists;
    std::vector<std::int64_t> remap(std::size_t(s.numItems), 0);
    for (std::size_t k = 0; k < uniq.size(); ++k) {
        lists.push_back(s.itemTokens[std::size_t(uniq[k])]);
        remap[std::size_t(uniq[k])] = std::int64_t(k);
    }
    auto rows = encodeTokenLists(s, lists, std::size_t(o.itemTextTokens));
    auto remapT = torch::tensor(remap, torch::kLong).to(s.device);
    auto vecOf = [&](const torch::Tensor& ids) {
        auto flat = rows.index_select(0, remapT.index_select(0, ids.reshape({-1})));
        auto shape = ids.sizes().vec();
        shape.push_back(s.hidden);
        return s.net->itemVectors(ids, flat.view(shape));
    };
    out.candidates = vecOf(candT);
    if (textTower) {
        out.session = sessionTextVectors(s, prefixes);
    } else {
        auto [idT, keepT] = recentItems(prefixes, L, s.device);
        out.session = s.net->poolSession(vecOf(idT), keepT);
    }
    return out;
}

} // namespace srw::model
