#include "srw/parsers/time_parser.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

using namespace srw;

TEST(TimeParser, EpochSecondsMillisAndFractions) {
    TimeParser s("s");
    EXPECT_EQ(s.parse("1433878777"), 1433878777000LL);
    EXPECT_EQ(s.parse("1433878777.25"), 1433878777250LL);
    TimeParser ms("ms");
    EXPECT_EQ(ms.parse("1433221332117"), 1433221332117LL);
    EXPECT_FALSE(ms.parse("12x").has_value());
}

TEST(TimeParser, AutoDecidesFromFirstValue) {
    TimeParser a;
    EXPECT_EQ(a.parse("1433221332117"), 1433221332117LL);
    EXPECT_EQ(a.effectiveSpec(), "ms");
    TimeParser b;
    EXPECT_EQ(b.parse("1433221332"), 1433221332000LL);
    EXPECT_EQ(b.effectiveSpec(), "s");
    TimeParser c;
    EXPECT_EQ(c.parse("2014-04-07T10:51:09.277Z"), 1396867869277LL);
    EXPECT_EQ(c.effectiveSpec(), "iso");
    TimeParser d;
    EXPECT_EQ(d.parse("2015/06/09T19:39:37"), 1433878777000LL);
    EXPECT_EQ(d.effectiveSpec(), "yyyy/MM/ddTHH:mm:ss");
}

TEST(TimeParser, IsoVariants) {
    TimeParser p("iso");
    EXPECT_EQ(p.parse("1970-01-01"), 0);
    EXPECT_EQ(p.parse("1970-01-01 00:00:01"), 1000);
    EXPECT_EQ(p.parse("1970-01-01T01:00:00+01:00"), 0);
    EXPECT_EQ(p.parse("1970-01-01T00:00:00.5Z"), 500);
    EXPECT_EQ(p.parse("2016-02-29T12:00:00Z"), 1456747200000LL);
    EXPECT_FALSE(p.parse("2015-02-29").has_value()); // not a leap year
    EXPECT_FALSE(p.parse("2015-13-01").has_value());
    EXPECT_FALSE(p.parse("2015-01-01T25:00:00").has_value());
    EXPECT_FALSE(p.parse("2015-01-01Tjunk").has_value());
}

TEST(TimeParser, PatternWithLiteralsAndMillis) {
    TimeParser p("dd.MM.yyyy HH:mm:ss.SSS");
    EXPECT_EQ(p.parse("02.01.1970 00:00:00.007"), 86400007LL);
    TimeParser q("yyyy'T'MMdd");
    EXPECT_EQ(q.parse("1970T0102"), 86400000LL);
    EXPECT_FALSE(p.parse("02.01.1970").has_value());
    EXPECT_THROW(TimeParser("HH:mm"), UsageError);
}

TEST(TimeParser, FormatIsoRoundTrips) {
    EXPECT_EQ(TimeParser::formatIso(1433878777000LL), "2015-06-09T19:39:37Z");
    EXPECT_EQ(TimeParser::formatIso(-1), "1969-12-31T23:59:59.999Z");
    TimeParser p("iso");
    for (long long v : {0LL, 951782400000LL, 4102444800123LL})
        EXPECT_EQ(p.parse(TimeParser::formatIso(v)), v);
}
