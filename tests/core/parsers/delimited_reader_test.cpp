#include "../../support/temp_dir.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {
struct Read {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint64_t> lines;
    char delimiter = 0;
};

Read readAll(const std::string& path, char delim = 0) {
    DelimitedReader r(path, DelimitedOptions{delim, true});
    Read out;
    out.delimiter = r.delimiter();
    Record rec;
    while (r.next(rec)) {
        out.rows.emplace_back(rec.fields.begin(), rec.fields.end());
        out.lines.push_back(rec.line);
    }
    return out;
}

using Rows = std::vector<std::vector<std::string>>;
} // namespace

TEST(DelimitedReader, PlainCommaFileWithoutFinalNewline) {
    test::TempDir dir;
    auto r = readAll(dir.write("a.csv", "a,b,c\n1,2,3\n4,5,6"));
    EXPECT_EQ(r.delimiter, ',');
    EXPECT_EQ(r.rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}}));
    EXPECT_EQ(r.lines, (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST(DelimitedReader, Rfc4180QuotingWithDoubledQuotesAndDelimiters) {
    test::TempDir dir;
    auto r = readAll(dir.write("q.csv", "id,name\nX1,\"GREENE + GRAY 13\"\" Sleeve, Violet\"\n"
                                        "X2,\"\"\nX3,plain\n"));
    EXPECT_EQ(r.rows, (Rows{{"id", "name"},
                            {"X1", "GREENE + GRAY 13\" Sleeve, Violet"},
                            {"X2", ""},
                            {"X3", "plain"}}));
}

TEST(DelimitedReader, QuotedNewlineKeepsRecordStartLine) {
    test::TempDir dir;
    auto r = readAll(dir.write("m.csv", "a,b\n1,\"two\nlines\"\n3,4\n"));
    EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "two\nlines"}, {"3", "4"}}));
    EXPECT_EQ(r.lines, (std::vector<std::uint64_t>{1, 2, 4}));
}

TEST(DelimitedReader, CrlfBlankLinesAndBom) {
    test::TempDir dir;
    auto r = readAll(dir.write("w.csv", "\xEF\xBB\xBFx;y\r\n\r\n1;2\r\n\"3;\";4\r\n"));
    EXPECT_EQ(r.delimiter, ';');
    EXPECT_EQ(r.rows, (Rows{{"x", "y"}, {"1", "2"}, {"3;", "4"}}));
    EXPECT_EQ(r.lines, (std::vector<std::uint64_t>{1, 3, 4}));
}

TEST(DelimitedReader, SniffsTabAndPipe) {
    test::TempDir dir;
    EXPECT_EQ(readAll(dir.write("t.tsv", "SessionId\tItemId\tTime\n1\t2\t3.5\n")).delimiter, '\t');
    EXPECT_EQ(readAll(dir.write("p.txt", "a|b|c\n1|2|3\n")).delimiter, '|');
    // A comma inside quotes must not win over the real delimiter.
    EXPECT_EQ(readAll(dir.write("s.csv", "a;\"b,c,d\"\n1;\"x,y,z\"\n")).delimiter, ';');
}

TEST(DelimitedReader, FastPathAndQuotedPathAgree) {
    // The same records written once without and once with (needless) quotes.
    test::TempDir dir;
    auto plain = readAll(dir.write("p.csv", "a, b ,c\n,x,\n"));
    auto quoted = readAll(dir.write("q.csv", "\"a\",\" b \",\"c\"\n\"\",\"x\",\"\"\n"));
    EXPECT_EQ(plain.rows, quoted.rows);
    EXPECT_EQ(plain.rows[0][1], " b "); // spaces are data, not trimmed
}

TEST(DelimitedReader, LongLineAcrossBufferBoundary) {
    test::TempDir dir;
    std::string big(3 << 20, 'z');
    auto r = readAll(dir.write("big.csv", "a,b\n1," + big + "\n2,3\n"));
    ASSERT_EQ(r.rows.size(), 3u);
    EXPECT_EQ(r.rows[1][1].size(), big.size());
    EXPECT_EQ(r.rows[2], (std::vector<std::string>{"2", "3"}));
}

TEST(DelimitedReader, RejectsInvalidUtf8WithLineAndColumn) {
    test::TempDir dir;
    auto path = dir.write("bad.csv", "a,b\n1,ok\n2,\xC3\x28\n");
    DelimitedReader r(path);
    Record rec;
    ASSERT_TRUE(r.next(rec));
    ASSERT_TRUE(r.next(rec));
    try {
        r.next(rec);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.line(), 3u);
        EXPECT_EQ(e.column(), 2u);
        EXPECT_NE(e.reason().find("UTF-8"), std::string::npos);
    }
}

TEST(DelimitedReader, RejectsNulByte) {
    test::TempDir dir;
    auto path = dir.write("nul.csv", std::string("a,b\n1,x\0y\n", 10));
    DelimitedReader r(path);
    Record rec;
    r.next(rec);
    EXPECT_THROW(r.next(rec), InputError);
}

TEST(DelimitedReader, UnterminatedQuoteNamesTheStartLine) {
    test::TempDir dir;
    auto path = dir.write("u.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
    DelimitedReader r(path);
    Record rec;
    r.next(rec);
    r.next(rec);
    try {
        r.next(rec);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.line(), 3u);
        EXPECT_NE(e.reason().find("not closed"), std::string::npos);
    }
}

TEST(DelimitedReader, MalformedQuoteInsideField) {
    test::TempDir dir;
    auto path = dir.write("m.csv", "a,b\n\"x\"y,2\n");
    DelimitedReader r(path);
    Record rec;
    r.next(rec);
    try {
        r.next(rec);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.line(), 2u);
    }
}

TEST(DelimitedReader, EmptyFileAndWhitespaceOnlyFile) {
    test::TempDir dir;
    EXPECT_THROW(DelimitedReader(dir.write("e.csv", "")), InputError);
    EXPECT_THROW(DelimitedReader(dir.write("w.csv", "\n\n  \n")), InputError);
    EXPECT_THROW(DelimitedReader(dir.file("missing.csv")), InputError);
}

// The unquoted fast path tests eight bytes at a time, then the tail byte by byte: a bad or
// non-ASCII byte must be found at every position of a line, in the right column.
TEST(DelimitedReader, EveryBytePositionOfALineIsChecked) {
    const std::string line = "1234567890123,2014-04-07T10:51:09.277Z,214536502,0";
    struct Case {
        std::string bytes;
        bool valid;
    };
    const Case cases[] = {{std::string(1, '\0'), false}, {"\xC3\x28", false}, {"\xFF", false},
                          {"\xC3\xA9", true}, {"\xE2\x82\xAC", true}};
    for (const Case& c : cases) {
        for (std::size_t at = 0; at <= line.size(); ++at) {
            if (at < line.size() && line[at] == ',')
                continue;
            const std::string bad = line.substr(0, at) + c.bytes + line.substr(at);
            test::TempDir dir;
            auto path = dir.write("l.csv", "a,b,c,d\n" + bad + "\n");
            DelimitedReader r(path, DelimitedOptions{',', true});
            Record rec;
            ASSERT_TRUE(r.next(rec));
            std::size_t column = 1;
            for (std::size_t i = 0; i < at; ++i)
                column += line[i] == ',';
            if (c.valid) {
                ASSERT_TRUE(r.next(rec)) << at;
                ASSERT_EQ(rec.fields.size(), 4u);
                std::string joined;
                for (std::size_t f = 0; f < rec.fields.size(); ++f)
                    joined += (f ? "," : "") + std::string(rec.fields[f]);
                EXPECT_EQ(joined, bad) << at;
                continue;
            }
            try {
                r.next(rec);
                ADD_FAILURE() << "accepted a bad byte at " << at;
            } catch (const InputError& e) {
                EXPECT_EQ(e.line(), 2u);
                EXPECT_EQ(e.column(), column) << at;
            }
        }
    }
}
