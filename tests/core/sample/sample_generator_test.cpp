// The generator's contract: deterministic output, faithful CSV, cancellation, option checks, and
// the committed sample_data/ being exactly what the default options produce.
#include <gtest/gtest.h>

#include "sample_csv.h"
#include "srw/sample/sample_generator.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

namespace srw {
namespace {

namespace fs = std::filesystem;
using test::readFile;
using test::TempDir;

const char* const kFiles[] = {"items.csv", "events.csv", "README.md"};

TEST(SampleGenerator, SameSeedGivesByteIdenticalFiles) {
    TempDir a("det-a"), b("det-b");
    const SampleSummary sa = generateSample(SampleOptions{}, a.str());
    const SampleSummary sb = generateSample(SampleOptions{}, b.str());
    for (const char* f : kFiles)
        EXPECT_EQ(readFile(a.path() / f), readFile(b.path() / f)) << f;
    EXPECT_EQ(sa.events, sb.events);
    EXPECT_EQ(sa.coldStartItemIds, sb.coldStartItemIds);
}

TEST(SampleGenerator, DifferentSeedGivesDifferentFiles) {
    TempDir a("seed-a"), b("seed-b");
    SampleOptions other;
    other.seed = 43;
    generateSample(SampleOptions{}, a.str());
    generateSample(other, b.str());
    EXPECT_NE(readFile(a.path() / "items.csv"), readFile(b.path() / "items.csv"));
    EXPECT_NE(readFile(a.path() / "events.csv"), readFile(b.path() / "events.csv"));
}

// Guards against changing the generator without regenerating what the repository ships.
TEST(SampleGenerator, CommittedSampleMatchesTheDefaultSeed) {
    const fs::path committed = fs::path(SRW_SOURCE_DIR) / "sample_data";
    if (!fs::exists(committed / "events.csv"))
        GTEST_SKIP() << "no committed sample at " << committed;
    TempDir dir("committed");
    generateSample(SampleOptions{}, dir.str());
    for (const char* f : kFiles)
        EXPECT_TRUE(readFile(committed / f) == readFile(dir.path() / f))
            << f << " differs: run srw generate-sample --seed 42 --out sample_data";
}

TEST(SampleGenerator, WritesValidUtf8AndQuotesWhereNeeded) {
    TempDir dir("csv");
    generateSample(SampleOptions{}, dir.str());
    const std::string items = readFile(dir.path() / "items.csv");
    EXPECT_EQ(findInvalidUtf8(items), std::string::npos);
    // The vocabulary has commas in titles and categories and inch marks in specs, so the
    // writer's quoting is exercised; the independent reader must still see four fields a row.
    EXPECT_NE(items.find(",\"Tools, Garden & DIY\"\n"), std::string::npos);
    EXPECT_NE(items.find("\"\""), std::string::npos);
    const auto rows = test::parseCsv(items);
    ASSERT_EQ(rows.size(), 2001u);
    for (const auto& r : rows)
        ASSERT_EQ(r.size(), 4u);
    bool sawInch = false;
    for (const auto& r : rows)
        sawInch = sawInch || r[1].find("\" ") != std::string::npos ||
                  r[2].find("\" ") != std::string::npos;
    EXPECT_TRUE(sawInch) << "a title or description with a literal quote survives a round trip";
    const std::string events = readFile(dir.path() / "events.csv");
    EXPECT_EQ(events.find('"'), std::string::npos) << "events need no quoting";
    EXPECT_EQ(events.back(), '\n');
}

TEST(SampleGenerator, SummaryMatchesFiles) {
    TempDir dir("summary");
    const SampleSummary s = generateSample(SampleOptions{}, dir.str());
    const auto sample = test::loadSample(dir.path());
    EXPECT_EQ(s.items, static_cast<int>(sample.items.size()));
    EXPECT_EQ(s.events, sample.events.size());
    EXPECT_EQ(s.views + s.carts + s.purchases, s.events);
    EXPECT_EQ(s.itemsBytes, fs::file_size(dir.path() / "items.csv"));
    EXPECT_EQ(s.eventsBytes, fs::file_size(dir.path() / "events.csv"));
    EXPECT_EQ(s.categories, 20);
    EXPECT_EQ(s.sessions, 20000u + 12u);
    EXPECT_LT(s.itemsBytes + s.eventsBytes, 5u * 1024 * 1024) << "keep the repository light";
}

TEST(SampleGenerator, CancelWritesNothing) {
    TempDir dir("cancel");
    int calls = 0;
    const ProgressFn stopAtSessions = [&](const Progress& p) {
        ++calls;
        return p.stage != "sessions";
    };
    EXPECT_THROW(generateSample(SampleOptions{}, dir.str(), stopAtSessions), Cancelled);
    EXPECT_GT(calls, 0);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(SampleGenerator, ReportsProgressStages) {
    TempDir dir("progress");
    std::vector<std::string> stages;
    generateSample(SampleOptions{}, dir.str(), [&](const Progress& p) {
        if (stages.empty() || stages.back() != p.stage)
            stages.push_back(p.stage);
        return true;
    });
    EXPECT_EQ(stages, (std::vector<std::string>{"items", "sessions", "writing"}));
}

// The smallest catalogue the options allow leaves categories empty; that must still work.
TEST(SampleGenerator, SmallOptionsGiveAConsistentSample) {
    TempDir dir("small");
    SampleOptions o;
    o.itemCount = 100;
    o.sessionCount = 200;
    o.coldStartItems = 5;
    o.botSessions = 2;
    o.chineseShare = 1.0;
    const SampleSummary s = generateSample(o, dir.str());
    const auto sample = test::loadSample(dir.path());
    EXPECT_EQ(sample.items.size(), 100u);
    EXPECT_EQ(s.chineseItems, 100);
    EXPECT_EQ(s.sessions, 202u);
    for (const auto& e : sample.events)
        ASSERT_TRUE(sample.items.count(e.item));
}

struct BadOption {
    const char* name;
    void (*apply)(SampleOptions&);
};

void PrintTo(const BadOption& b, std::ostream* os) {
    *os << b.name;
}

class SampleGeneratorBadOptions : public ::testing::TestWithParam<BadOption> {};

TEST_P(SampleGeneratorBadOptions, AreUsageErrors) {
    TempDir dir("bad");
    SampleOptions o;
    GetParam().apply(o);
    EXPECT_THROW(generateSample(o, dir.str()), UsageError);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

INSTANTIATE_TEST_SUITE_P(
    Options, SampleGeneratorBadOptions,
    ::testing::Values(BadOption{"tinyCatalogue", [](SampleOptions& o) { o.itemCount = 10; }},
                      BadOption{"noSessions", [](SampleOptions& o) { o.sessionCount = 0; }},
                      BadOption{"coldLongerThanLog",
                                [](SampleOptions& o) { o.coldStartDays = 30; }},
                      BadOption{"tooManyCold", [](SampleOptions& o) { o.coldStartItems = 500; }},
                      BadOption{"shareAboveOne", [](SampleOptions& o) { o.chineseShare = 1.5; }},
                      BadOption{"negativeBots", [](SampleOptions& o) { o.botSessions = -1; }}),
    [](const auto& info) { return std::string(info.param.name); });

} // namespace
} // namespace srw
