// The behaviour the sample promises (issue 3), measured on the default sample from its files.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <gtest/gtest.h>

#include "sample_csv.h"
#include "srw/sample/sample_generator.h"

namespace srw {
namespace {

constexpr std::int64_t kDay = 86400;

class SampleProperties : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>("props");
        s_summary = generateSample(s_options, s_dir->str());
        s_sample = test::loadSample(s_dir->path());
        for (const auto& e : s_sample.events)
            s_sessions[e.session].push_back(&e);
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    static bool isBot(const std::string& session) {
        const auto& ids = s_summary.botSessionIds;
        return std::find(ids.begin(), ids.end(), session) != ids.end();
    }

    static inline SampleOptions s_options;
    static inline std::unique_ptr<test::TempDir> s_dir;
    static inline SampleSummary s_summary;
    static inline test::LoadedSample s_sample;
    static inline std::map<std::string, std::vector<const test::LoadedEvent*>> s_sessions;
};

TEST_F(SampleProperties, EveryEventIsWellFormedAndItsItemExists) {
    const std::int64_t end = s_options.startEpoch + s_options.days * kDay;
    for (const auto& e : s_sample.events) {
        ASSERT_TRUE(s_sample.items.count(e.item)) << e.item;
        ASSERT_TRUE(e.type == "view" || e.type == "cart" || e.type == "purchase") << e.type;
        ASSERT_GE(e.time, s_options.startEpoch);
        ASSERT_LT(e.time, end + kDay) << "a session started on the last day may run past it";
        ASSERT_FALSE(e.user.empty());
    }
}

TEST_F(SampleProperties, RowsAreGroupedBySessionInTimeOrder) {
    std::set<std::string> closed;
    for (std::size_t i = 1; i < s_sample.events.size(); ++i) {
        const auto& a = s_sample.events[i - 1];
        const auto& b = s_sample.events[i];
        if (a.session == b.session) {
            ASSERT_LE(a.time, b.time) << "session " << a.session;
        } else {
            ASSERT_TRUE(closed.insert(a.session).second) << "session " << a.session << " split";
            ASSERT_LT(std::stoll(a.session), std::stoll(b.session));
        }
    }
}

TEST_F(SampleProperties, PopularityIsPowerLaw) {
    std::map<std::string, double> counts;
    for (const auto& e : s_sample.events)
        ++counts[e.item];
    std::vector<double> freq;
    for (const auto& [item, n] : counts)
        freq.push_back(n);
    std::sort(freq.rbegin(), freq.rend());
    const std::size_t top = s_sample.items.size() / 100;
    double topEvents = 0;
    for (std::size_t i = 0; i < top; ++i)
        topEvents += freq[i];
    const double share = topEvents / static_cast<double>(s_sample.events.size());
    EXPECT_GT(share, 0.10) << "uniform popularity would give 1%";
    EXPECT_LT(share, 0.40);
    EXPECT_NEAR(share, s_summary.topOnePercentShare, 1e-9);

    // Least-squares slope of log(frequency) against log(rank) over the first 1000 ranks.
    const std::size_t n = std::min<std::size_t>(1000, freq.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t r = 0; r < n; ++r) {
        const double x = std::log(double(r + 1));
        const double y = std::log(freq[r]);
        sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    EXPECT_GT(slope, -1.6);
    EXPECT_LT(slope, -0.5);
}

TEST_F(SampleProperties, ColdStartItemsAppearOnlyNearTheEnd) {
    const std::int64_t end = s_options.startEpoch + s_options.days * kDay;
    ASSERT_EQ(s_summary.coldStartItemIds.size(), std::size_t(s_options.coldStartItems));
    EXPECT_GE(s_summary.coldStartFrom, end - s_options.coldStartDays * kDay);
    std::set<std::string> cold(s_summary.coldStartItemIds.begin(),
                               s_summary.coldStartItemIds.end());
    std::map<std::string, std::int64_t> firstSeen;
    for (const auto& e : s_sample.events)
        if (!firstSeen.count(e.item) || e.time < firstSeen[e.item])
            firstSeen[e.item] = e.time;
    int appearing = 0;
    for (const auto& id : cold) {
        ASSERT_TRUE(s_sample.items.count(id)) << "cold item " << id << " has text";
        EXPECT_FALSE(s_sample.items.at(id).title.empty());
        if (firstSeen.count(id)) {
            ++appearing;
            EXPECT_GE(firstSeen[id], s_summary.coldStartFrom) << id;
        }
    }
    EXPECT_GE(appearing, s_options.coldStartItems * 8 / 10) << "most new items get traffic";
    // Seen from the data alone: items first seen in the last two days are (almost) all the
    // cold-start ones, and nothing cold is in the first 28 days.
    int lateNonCold = 0;
    for (const auto& [item, t] : firstSeen)
        if (t >= end - s_options.coldStartDays * kDay && !cold.count(item))
            ++lateNonCold;
    EXPECT_LE(lateNonCold, 5) << "only a few rarely-viewed old items first appear late";
}

TEST_F(SampleProperties, AboutAFifthOfItemsAreChinese) {
    int cjkTitles = 0, cjkDescriptions = 0;
    for (const auto& [id, item] : s_sample.items) {
        cjkTitles += test::containsCjk(item.title) ? 1 : 0;
        cjkDescriptions += test::containsCjk(item.description) ? 1 : 0;
    }
    const double share = double(cjkTitles) / double(s_sample.items.size());
    EXPECT_GT(share, 0.15);
    EXPECT_LT(share, 0.25);
    EXPECT_EQ(cjkTitles, cjkDescriptions) << "titles and descriptions share a language";
    EXPECT_EQ(cjkTitles, s_summary.chineseItems);
}

TEST_F(SampleProperties, BotSessionsAreLongOrFast) {
    ASSERT_EQ(s_summary.botSessions, std::uint64_t(s_options.botSessions));
    int humanLong = 0;
    for (const auto& [id, events] : s_sessions) {
        const double span = double(events.back()->time - events.front()->time);
        const double perClick = span / double(events.size());
        if (isBot(id)) {
            EXPECT_GE(events.size(), 25u) << id;
            EXPECT_LE(perClick, 3.0) << id;
        } else if (events.size() > 100) {
            ++humanLong;
        }
    }
    EXPECT_EQ(humanLong, 0) << "a bot filter must be able to tell them apart";
}

TEST_F(SampleProperties, SessionsLookHuman) {
    std::map<std::string, int> sessionsPerUser;
    std::vector<std::int64_t> gaps;
    double events = 0;
    int human = 0, repeats = 0;
    for (const auto& [id, ev] : s_sessions) {
        if (isBot(id))
            continue;
        ++human;
        events += double(ev.size());
        ++sessionsPerUser[ev.front()->user];
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            if (i > 0)
                gaps.push_back(ev[i]->time - ev[i - 1]->time);
            if (ev[i]->type == "view" && !seen.insert(ev[i]->item).second)
                ++repeats;
        }
    }
    EXPECT_NEAR(events / human, 5.5, 1.0);
    std::sort(gaps.begin(), gaps.end());
    EXPECT_GE(gaps[gaps.size() / 2], 5);
    EXPECT_LE(gaps[gaps.size() / 2], 120);
    int multi = 0;
    for (const auto& [u, n] : sessionsPerUser)
        multi += n > 1 ? 1 : 0;
    EXPECT_GT(multi, int(sessionsPerUser.size()) / 3);
    EXPECT_GT(repeats, 1000);
    EXPECT_GT(s_summary.duplicateEvents, 50u);
    EXPECT_GT(s_summary.purchases, 0u);
    EXPECT_GT(s_summary.carts, s_summary.purchases);
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t common = 0;
    for (const auto& t : a)
        common += b.count(t);
    const std::size_t all = a.size() + b.size() - common;
    return all ? double(common) / double(all) : 0.0;
}

TEST_F(SampleProperties, CoViewedItemsShareWords) {
    std::map<std::string, std::set<std::string>> tokens;
    std::vector<std::string> ids;
    for (const auto& [id, item] : s_sample.items) {
        tokens[id] = test::textTokens(item.title);
        ids.push_back(id);
    }
    double coViewed = 0;
    int pairs = 0;
    for (const auto& [id, ev] : s_sessions) {
        if (isBot(id))
            continue;
        for (std::size_t i = 1; i < ev.size(); ++i) {
            if (ev[i]->item != ev[i - 1]->item) {
                coViewed += jaccard(tokens[ev[i - 1]->item], tokens[ev[i]->item]);
                ++pairs;
            }
        }
    }
    coViewed /= pairs;
    // Baseline: pairs a fixed stride apart in id order, i.e. unrelated items.
    double random = 0;
    for (std::size_t i = 0; i < ids.size(); ++i)
        random += jaccard(tokens[ids[i]], tokens[ids[(i * 7 + 13) % ids.size()]]);
    random /= double(ids.size());
    EXPECT_GT(coViewed, 5 * random) << "co-viewed " << coViewed << " random " << random;
    EXPECT_GT(coViewed, 0.2);
}

} // namespace
} // namespace srw
