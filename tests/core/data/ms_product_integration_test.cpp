// Imports the real Microsoft Product Recommendations sample (shared/data) and checks the counts
// against ones computed here, independently, from the raw files.
#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/dataset_stats.h"

#include <algorithm>
#include <climits>
#include <iomanip>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

using namespace srw;

namespace {
const std::string kDir = std::string(SRW_SHARED_DATA_DIR) + "/ms-product-recommendations";

long long parseSlashTime(const std::string& s) {
    std::tm tm{};
    std::istringstream in(s);
    in >> std::get_time(&tm, "%Y/%m/%dT%H:%M:%S");
    return (long long)timegm(&tm);
}
} // namespace

TEST(MsProductRecommendations, ImportMatchesIndependentCounts) {
    if (!std::filesystem::exists(kDir + "/demoUsage.csv"))
        GTEST_SKIP() << "shared data not found at " << kDir;

    // Independent reading: no quotes in the usage log, so a plain split is exact.
    std::map<std::string, std::vector<std::pair<long long, int>>> byUser;
    std::set<std::string> items;
    long long first = LLONG_MAX, last = LLONG_MIN;
    std::ifstream usage(kDir + "/demoUsage.csv");
    std::string line;
    int row = 0, events = 0;
    while (std::getline(usage, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        auto c1 = line.find(','), c2 = line.find(',', c1 + 1);
        long long t = parseSlashTime(line.substr(c2 + 1));
        byUser[line.substr(0, c1)].push_back({t, row++});
        items.insert(line.substr(c1 + 1, c2 - c1 - 1));
        first = std::min(first, t);
        last = std::max(last, t);
        ++events;
    }
    long long sessions = 0;
    for (auto& [user, evs] : byUser) {
        std::sort(evs.begin(), evs.end());
        for (std::size_t i = 0; i < evs.size(); ++i)
            if (i == 0 || evs[i].first - evs[i - 1].first > 30 * 60)
                ++sessions;
    }
    // The catalogue has RFC 4180 doubled quotes: count its lines (one record per line here).
    std::ifstream catalog(kDir + "/demoCatalog.csv");
    int catalogRows = 0;
    while (std::getline(catalog, line))
        if (!line.empty())
            ++catalogRows;

    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    DelimitedImportOptions o;
    o.header = HeaderMode::Absent;
    o.columns = ColumnMapping::parse("user=0,item=1,time=2", {"session", "user", "item", "time"});
    o.timeFormat = "yyyy/MM/ddTHH:mm:ss";
    ImportReport r = importEventsCsv(store, "ms", kDir + "/demoUsage.csv", o);
    DelimitedImportOptions co;
    co.header = HeaderMode::Absent;
    co.columns = ColumnMapping::parse("id=0,title=1,category=2", {"id", "title", "category"});
    ImportReport rc = importCatalogCsv(store, "ms", kDir + "/demoCatalog.csv", co);

    EXPECT_EQ(r.events, std::uint64_t(events));
    EXPECT_EQ(r.sessions, std::uint64_t(sessions));
    EXPECT_EQ(rc.itemsUpdated, std::uint64_t(catalogRows));
    DatasetStats s = computeDatasetStats(store, "ms");
    EXPECT_EQ(s.all.events, events);
    EXPECT_EQ(s.all.sessions, sessions);
    EXPECT_EQ(s.all.items, std::int64_t(items.size()));
    EXPECT_EQ(s.all.users.value_or(-1), std::int64_t(byUser.size()));
    EXPECT_EQ(*s.all.firstTsMs, first * 1000);
    EXPECT_EQ(*s.all.lastTsMs, last * 1000);
    EXPECT_EQ(s.itemsWithText, catalogRows);
    // The README's published figures, as a cross-check of the independent reading itself.
    EXPECT_EQ(events, 11838);
    EXPECT_EQ(byUser.size(), 2343u);
    EXPECT_EQ(items.size(), 101u);

    Statement st = store.db().prepare("SELECT title FROM items WHERE external_id = 'DAF-00281'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.getText(0), "GREENE + GRAY 13\" Laptop Sleeve - Violet Polka Dot #GG625-VLET");
}
