#include "train_index.h"

#include "srw/util/error.h"

#include <algorithm>
#include <limits>
#include <string>

namespace srw {

std::int32_t TrainIndex::sessionOfEvent(std::int64_t event) const {
    const auto it =
        std::upper_bound(sessionEventOffset.begin(), sessionEventOffset.end(), event);
    return static_cast<std::int32_t>(it - sessionEventOffset.begin()) - 1;
}

void TrainIndex::build(const std::vector<SessionSequence>& train, std::int32_t items,
                       bool recency) {
    numItems = items;
    byRecency = recency;
    const auto n = static_cast<std::size_t>(items);
    auto lastTime = [](const SessionSequence& s) {
        std::int64_t last = std::numeric_limits<std::int64_t>::min();
        for (std::int64_t t : s.times)
            last = std::max(last, t);
        return s.times.empty() ? std::int64_t{0} : last;
    };
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < train.size(); ++i)
        if (!train[i].items.empty())
            order.push_back(i);
    if (recency) {
        std::vector<std::int64_t> last(train.size(), 0);
        for (std::size_t i : order)
            last[i] = lastTime(train[i]);
        std::sort(order.begin(), order.end(), [&last](std::size_t a, std::size_t b) {
            return last[a] != last[b] ? last[a] > last[b] : a > b;
        });
    }
    eventItem.clear();
    sessionEventOffset.assign(1, 0);
    sessionTime.clear();
    for (std::size_t i : order) {
        const auto& s = train[i];
        for (std::int32_t item : s.items) {
            if (item < 0 || item >= items)
                throw UsageError("training item index " + std::to_string(item) +
                                 " outside 0.." + std::to_string(items - 1));
            eventItem.push_back(item);
        }
        sessionEventOffset.push_back(static_cast<std::int64_t>(eventItem.size()));
        sessionTime.push_back(lastTime(s));
    }
    numSessions = static_cast<std::int32_t>(sessionTime.size());

    itemEventCount.assign(n, 0);
    for (std::int32_t item : eventItem)
        ++itemEventCount[static_cast<std::size_t>(item)];
    catalogue.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        catalogue[i] = itemEventCount[i] > 0;

    // Distinct items per session via a last-seen stamp per item.
    std::vector<std::int32_t> stamp(n, -1);
    sessionItemOffset.assign(1, 0);
    sessionItems.clear();
    itemSessionCount.assign(n, 0);
    for (std::int32_t s = 0; s < numSessions; ++s) {
        const auto begin = sessionItems.size();
        for (auto e = sessionEventOffset[static_cast<std::size_t>(s)];
             e < sessionEventOffset[static_cast<std::size_t>(s) + 1]; ++e) {
            const auto item = eventItem[static_cast<std::size_t>(e)];
            if (stamp[static_cast<std::size_t>(item)] != s) {
                stamp[static_cast<std::size_t>(item)] = s;
                sessionItems.push_back(item);
                ++itemSessionCount[static_cast<std::size_t>(item)];
            }
        }
        std::sort(sessionItems.begin() + static_cast<std::ptrdiff_t>(begin), sessionItems.end());
        sessionItemOffset.push_back(static_cast<std::int64_t>(sessionItems.size()));
    }

    itemSessionOffset.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        itemSessionOffset[i + 1] = itemSessionOffset[i] + itemSessionCount[i];
    itemSessions.assign(sessionItems.size(), 0);
    std::vector<std::int64_t> fill(itemSessionOffset.begin(), itemSessionOffset.end() - 1);
    for (std::int32_t s = 0; s < numSessions; ++s) {
        for (auto p = sessionItemOffset[static_cast<std::size_t>(s)];
             p < sessionItemOffset[static_cast<std::size_t>(s) + 1]; ++p) {
            const auto item = static_cast<std::size_t>(sessionItems[static_cast<std::size_t>(p)]);
            itemSessions[static_cast<std::size_t>(fill[item]++)] = s;
        }
    }
    // Filled in ascending session order, so every item's list is already sorted.

    itemEventOffset.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        itemEventOffset[i + 1] = itemEventOffset[i] + itemEventCount[i];
    itemEvents.assign(eventItem.size(), 0);
    std::copy(itemEventOffset.begin(), itemEventOffset.end() - 1, fill.begin());
    for (std::size_t e = 0; e < eventItem.size(); ++e) {
        const auto item = static_cast<std::size_t>(eventItem[e]);
        itemEvents[static_cast<std::size_t>(fill[item]++)] = static_cast<std::int64_t>(e);
    }
}

std::vector<SessionSequence> lastNDays(const std::vector<SessionSequence>& train,
                                       std::int64_t days) {
    constexpr std::int64_t kDayMs = 86400000;
    std::int64_t maxTime = std::numeric_limits<std::int64_t>::min();
    for (const auto& s : train)
        for (std::int64_t t : s.times)
            maxTime = std::max(maxTime, t);
    if (maxTime == std::numeric_limits<std::int64_t>::min())
        return train;
    // Floor division so that times before 1970 still land on the right day.
    const std::int64_t lastDay = maxTime >= 0 ? maxTime / kDayMs : -((-maxTime + kDayMs - 1) / kDayMs);
    const std::int64_t threshold = (lastDay - days) * kDayMs;
    std::vector<SessionSequence> out;
    for (const auto& s : train) {
        SessionSequence kept;
        kept.sessionId = s.sessionId;
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const std::int64_t t = i < s.times.size() ? s.times[i] : 0;
            if (t >= threshold) {
                kept.items.push_back(s.items[i]);
                kept.times.push_back(t);
            }
        }
        if (!kept.items.empty())
            out.push_back(std::move(kept));
    }
    return out;
}

} // namespace srw
