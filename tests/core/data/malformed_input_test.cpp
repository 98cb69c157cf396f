// Each malformed input must fail with a message naming the line and reason, and leave the
// workspace exactly as it was (compared by content), whether it targets a new dataset or
// appends to an existing one.
#include "../../support/db_digest.h"
#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {

struct BadCase {
    const char* name;
    std::string content;
    std::uint64_t line;  ///< expected line in the message (0: none)
    const char* reason;  ///< expected fragment of the reason
    bool catalog = false;
};

std::vector<BadCase> badCases() {
    const std::string h = "session,item,time\n";
    return {
        {"invalid_utf8", h + "1,a,1\n1,\xe2\x28\xa1,2\n", 3, "invalid UTF-8"},
        {"wrong_column_count", h + "1,a,1\n1,b,2\n1,c\n", 4, "expected 3 columns, found 2"},
        {"too_many_columns", h + "1,a,1,extra\n", 2, "expected 3 columns, found 4"},
        {"unparsable_time", h + "1,a,yesterday\n", 2, "cannot parse time"},
        {"time_format_changes", h + "1,a,1433221332\n1,b,2015-01-01\n", 3, "cannot parse time"},
        {"empty_file", "", 0, "empty"},
        {"whitespace_only", "\n \n", 0, "empty"},
        {"header_only", h, 0, "no data rows"},
        {"missing_item_column", "session,product_code,time\n1,a,1\n", 1,
         "missing required column 'item'"},
        {"missing_session_and_user", "item,time\na,1\n", 1, "'session' or 'user'"},
        {"unterminated_quote", h + "1,\"a,1\n1,b,2\n", 2, "not closed"},
        {"stray_quote", h + "1,a\"b\",1\n", 2, "malformed quoting"},
        {"empty_item", h + "1,a,1\n1,,2\n", 3, "empty item id"},
        {"empty_session", h + "1,a,1\n,b,2\n", 3, "empty session id"},
        {"nul_byte", h + std::string("1,a\0b,1\n", 8), 2, "NUL"},
        {"catalog_missing_id", "title,category\nMug,Kitchen\n", 1, "missing required column 'id'",
         true},
        {"catalog_wrong_columns", "item_id,title\na,Mug\nb,Cup,extra\n", 3, "expected 2 columns",
         true},
    };
}

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class MalformedInput : public ::testing::TestWithParam<BadCase> {};

} // namespace

TEST_P(MalformedInput, NamesLineAndLeavesWorkspaceUnchanged) {
    const BadCase& c = GetParam();
    test::TempDir dir;
    std::string ws = dir.file("ws.sqlite");
    {
        SessionStore store(ws);
        importEventsCsv(store, "base", dir.write("ok.csv", "session,item,time\n1,a,1\n1,b,2\n"), {});
    }
    const std::string before = test::workspaceDigest(ws);
    std::string path = dir.write(std::string(c.name) + ".csv", c.content);
    for (const char* target : {"base", "fresh"}) {
        SessionStore store(ws);
        try {
            if (c.catalog)
                importCatalogCsv(store, target, path, {});
            else
                importEventsCsv(store, target, path, {});
            FAIL() << c.name << ": expected InputError";
        } catch (const InputError& e) {
            EXPECT_EQ(e.line(), c.line) << e.what();
            EXPECT_NE(e.reason().find(c.reason), std::string::npos) << e.what();
            EXPECT_EQ(e.file(), path);
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
        }
        EXPECT_FALSE(store.findDataset("fresh").has_value());
    }
    EXPECT_EQ(test::workspaceDigest(ws), before) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedInput, ::testing::ValuesIn(badCases()),
                         [](const auto& info) { return std::string(info.param.name); });
