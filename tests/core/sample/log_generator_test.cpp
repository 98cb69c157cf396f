#include "srw/sample/log_generator.h"
#include "srw/util/error.h"

#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <sstream>

using namespace srw;

namespace {
std::string tempPath(const char* name) {
    std::random_device rd;
    return "/tmp/srw-log-" + std::to_string(rd()) + "-" + name;
}
std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

TEST(LogGenerator, YoochooseShapeCountsAndDeterminism) {
    LogOptions o;
    o.events = 20000;
    o.items = 500;
    std::string a = tempPath("a.dat"), b = tempPath("b.dat");
    LogSummary s = generateLog(o, a);
    generateLog(o, b);
    EXPECT_EQ(slurp(a), slurp(b));
    EXPECT_EQ(s.events, 20000u);
    std::ifstream in(a);
    std::string line;
    std::uint64_t lines = 0, lastSession = 0, sessions = 0;
    std::map<std::string, int> items;
    while (std::getline(in, line)) {
        ++lines;
        // session,2014-04-01T00:00:00.000Z,item,category
        auto c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1);
        ASSERT_NE(c3, std::string::npos) << line;
        EXPECT_EQ(line[c2 - 1], 'Z');
        std::uint64_t session = std::stoull(line.substr(0, c1));
        EXPECT_GE(session, lastSession); // grouped by session
        sessions += session != lastSession;
        lastSession = session;
        ++items[line.substr(c2 + 1, c3 - c2 - 1)];
    }
    EXPECT_EQ(lines, 20000u);
    EXPECT_EQ(sessions, s.sessions);
    EXPECT_LE(items.size(), 500u);
    int top = 0;
    for (const auto& [id, n] : items)
        top = std::max(top, n);
    EXPECT_GT(top, 20000 / 500 * 5); // power law: the top item far above the mean
    std::remove(a.c_str());
    std::remove(b.c_str());
    o.format = "parquet";
    EXPECT_THROW(generateLog(o, a), UsageError);
}
