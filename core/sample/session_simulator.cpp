#include "session_simulator.h"

#include <algorithm>

namespace srw::sample {
namespace {

constexpr std::int64_t kDay = 86400;

// Shape of shopper behaviour; tuned by eye against public e-commerce logs (YooChoose,
// Diginetica): mean session ~5 events, most next clicks within the same product line.
constexpr double kMeanSessionsPerUser = 2.5;
constexpr double kMeanSessionViews = 5.0;
constexpr int kMaxSessionViews = 60;
constexpr double kHomeCategoryShare = 0.7;
constexpr double kLanguageAffinity = 3.0; ///< how much more a reader picks lines in their script
constexpr double kRevisitChance = 0.08;
constexpr double kSameThemeChance = 0.55;
constexpr double kSiblingThemeChance = 0.28; ///< same category, usually same product noun
constexpr double kDriftChance = 0.05;        ///< intent moves to another category
constexpr double kCartChance = 0.07;
constexpr double kPurchaseChance = 0.45;
constexpr double kDoubleLogChance = 0.004; ///< the tracker logs a view twice

// Evening-heavy day, as in web shop traffic (hours are UTC; the shop is "local" to UTC).
const std::vector<double> kHourWeights = {3, 2, 1, 1, 1, 1, 2, 3,  5,  6,  6, 7,
                                          8, 7, 6, 6, 7, 8, 9, 10, 11, 10, 8, 5};

/** Seconds until the next click: mostly tens of seconds, some minutes of reading. */
std::int64_t nextGap(SampleRng& rng) {
    static const std::vector<double> bucketWeights = {20, 32, 26, 15, 7};
    static const std::int64_t lo[] = {2, 10, 30, 90, 300};
    static const std::int64_t hi[] = {9, 29, 89, 299, 900};
    const std::size_t b = rng.weighted(bucketWeights);
    return rng.between(lo[b], hi[b]);
}

struct SessionPlan {
    std::int64_t start;
    std::uint32_t user;
    std::uint32_t order; ///< creation order; breaks ties so sorting is deterministic
    bool bot;
};

struct User {
    int homeCategory;
    bool readsChinese;
};

class Simulator {
public:
    Simulator(const SampleOptions& options, const SampleCatalog& catalog, SampleRng& rng,
              SimulatedLog& log)
        : m_options(options), m_catalog(catalog), m_rng(rng), m_log(log) {}

    std::vector<SessionPlan> planSessions(std::vector<User>& users) {
        std::vector<SessionPlan> plans;
        std::uint32_t order = 0;
        while (static_cast<int>(plans.size()) < m_options.sessionCount) {
            const auto userId = static_cast<std::uint32_t>(users.size() + 1);
            users.push_back({static_cast<int>(m_rng.weighted(m_catalog.categoryWeights)),
                             m_rng.chance(m_options.chineseShare)});
            int n = m_rng.geometric(kMeanSessionsPerUser, 40);
            while (n-- > 0 && static_cast<int>(plans.size()) < m_options.sessionCount)
                plans.push_back({randomStart(), userId, order++, false});
        }
        for (int b = 0; b < m_options.botSessions; ++b) {
            const auto userId = static_cast<std::uint32_t>(users.size() + 1);
            users.push_back({0, false});
            plans.push_back({randomStart(), userId, order++, true});
        }
        std::sort(plans.begin(), plans.end(), [](const SessionPlan& a, const SessionPlan& b) {
            return a.start != b.start ? a.start < b.start : a.order < b.order;
        });
        return plans;
    }

    void humanSession(std::uint32_t session, std::uint32_t userId, const User& user,
                      std::int64_t t) {
        int category = m_rng.chance(kHomeCategoryShare) ? user.homeCategory : randomCategory();
        int theme = pickTheme(category, user, -1);
        std::vector<int> seen;
        std::vector<int> carted;
        const int views = m_rng.geometric(kMeanSessionViews, kMaxSessionViews);
        for (int v = 0; v < views; ++v) {
            int item = -1;
            if (v > 0) {
                const double r = m_rng.uniform();
                if (r < kRevisitChance && seen.size() >= 2) {
                    item = seen[m_rng.below(seen.size() - 1)]; // back to an earlier product
                } else if (r < kRevisitChance + kSameThemeChance) {
                    // stay in the line
                } else if (r < kRevisitChance + kSameThemeChance + kSiblingThemeChance) {
                    theme = pickTheme(category, user, m_catalog.themes[theme].noun);
                } else if (r <
                           kRevisitChance + kSameThemeChance + kSiblingThemeChance + kDriftChance) {
                    category = randomCategory();
                    theme = pickTheme(category, user, -1);
                } else {
                    theme = pickTheme(category, user, -1);
                }
            }
            if (item < 0)
                item = pickItem(theme, t, seen.empty() ? -1 : seen.back());
            emit(session, userId, item, t, EventType::View);
            if (m_rng.chance(kDoubleLogChance))
                emit(session, userId, item, t, EventType::View);
            if (m_rng.chance(kCartChance)) {
                t += m_rng.between(3, 40);
                emit(session, userId, item, t, EventType::Cart);
                carted.push_back(item);
            }
            seen.push_back(item);
            if (v + 1 < views)
                t += nextGap(m_rng);
        }
        for (int item : carted) {
            if (m_rng.chance(kPurchaseChance)) {
                t += m_rng.between(20, 240);
                emit(session, userId, item, t, EventType::Purchase);
            }
        }
    }

    /** Crawlers walk the whole catalogue every second or two; fast clickers hammer one shelf. */
    void botSession(std::uint32_t session, std::uint32_t userId, std::int64_t t) {
        const bool crawler = m_rng.chance(0.5);
        const int n = crawler ? m_rng.between(150, 400) : m_rng.between(30, 80);
        const int category = randomCategory();
        const auto& shelf = m_catalog.themesByCategory[category];
        for (int i = 0; i < n; ++i) {
            int item;
            if (crawler) {
                item = static_cast<int>(m_rng.below(m_catalog.items.size()));
            } else {
                const auto& theme = m_catalog.themes[m_rng.pick(shelf)];
                item = m_rng.pick(theme.items);
            }
            if (m_catalog.items[item].releaseTime > t)
                continue;
            emit(session, userId, item, t, EventType::View);
            t += crawler ? m_rng.between(1, 3) : m_rng.between(0, 1);
        }
    }

private:
    std::int64_t randomStart() {
        const std::int64_t day = m_rng.below(static_cast<std::uint64_t>(m_options.days));
        const auto hour = static_cast<std::int64_t>(m_rng.weighted(kHourWeights));
        return m_options.startEpoch + day * kDay + hour * 3600 + m_rng.between(0, 3599);
    }

    int randomCategory() { return static_cast<int>(m_rng.weighted(m_catalog.categoryWeights)); }

    /** A line of the category by popularity; noun >= 0 prefers that sub-theme. */
    int pickTheme(int category, const User& user, int noun) {
        const auto& themes = m_catalog.themesByCategory[category];
        m_weights.clear();
        for (int t : themes) {
            const auto& theme = m_catalog.themes[t];
            double w = theme.weight;
            if (theme.chinese == user.readsChinese)
                w *= kLanguageAffinity;
            if (noun >= 0 && theme.noun == noun)
                w *= 8;
            m_weights.push_back(w);
        }
        return themes[m_rng.weighted(m_weights)];
    }

    /**
     * An item of the line on sale at time t, by popularity, avoiding an immediate repeat.
     * A newly released model has a launch weight above the line's bestseller (see catalogue).
     */
    int pickItem(int theme, std::int64_t t, int previous) {
        const auto& items = m_catalog.themes[theme].items;
        m_weights.clear();
        for (int i : items) {
            const auto& item = m_catalog.items[i];
            double w = item.releaseTime > t ? 0.0 : item.weight;
            if (i == previous && items.size() > 1)
                w = 0;
            m_weights.push_back(w);
        }
        return items[m_rng.weighted(m_weights)];
    }

    void emit(std::uint32_t session, std::uint32_t user, int item, std::int64_t t, EventType type) {
        m_log.events.push_back({session, user, item, t, type});
    }

    const SampleOptions& m_options;
    const SampleCatalog& m_catalog;
    SampleRng& m_rng;
    SimulatedLog& m_log;
    std::vector<double> m_weights; ///< scratch, reused to avoid an allocation per click
};

} // namespace

SimulatedLog simulateSessions(const SampleOptions& options, const SampleCatalog& catalog,
                              SampleRng& rng, const std::function<bool(int, int)>& tick) {
    SimulatedLog log;
    Simulator sim(options, catalog, rng, log);
    std::vector<User> users;
    const std::vector<SessionPlan> plans = sim.planSessions(users);
    log.events.reserve(plans.size() * 6);
    const int total = static_cast<int>(plans.size());
    for (int i = 0; i < total; ++i) {
        if (i % 2000 == 0 && tick && !tick(i, total))
            return log;
        const SessionPlan& plan = plans[i];
        const auto session = static_cast<std::uint32_t>(i + 1);
        if (plan.bot) {
            sim.botSession(session, plan.user, plan.start);
            log.botSessions.push_back(session);
        } else {
            sim.humanSession(session, plan.user, users[plan.user - 1], plan.start);
        }
    }
    log.sessions = static_cast<std::uint32_t>(total);
    log.users = static_cast<std::uint32_t>(users.size());
    return log;
}

} // namespace srw::sample
