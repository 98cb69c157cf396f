// Every format's bad input fails naming file and line, and leaves the workspace exactly as it
// was (by content), whether it targets an existing dataset or a new one.
#include "../../../support/db_digest.h"
#include "../../../support/temp_dir.h"
#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {

struct BadCase {
    const char* name;
    const char* format;
    const char* file;
    std::string content;
    std::uint64_t line; ///< expected line in the message (0: none)
    const char* reason; ///< expected fragment of the reason
};

std::vector<BadCase> badCases() {
    const std::string digi = "sessionId;userId;itemId;timeframe;eventdate\n";
    const std::string rr = "timestamp,visitorid,event,itemid,transactionid\n";
    const std::string props = "timestamp,itemid,property,value\n";
    const std::string inter = "user_id:token\titem_id:token\ttimestamp:float\n";
    const std::string sr = "SessionId\tItemId\tTime\n";
    return {
        {"yoochoose_bad_time", "yoochoose", "c.dat",
         "1,2014-04-07T10:51:09.277Z,1,0\n1,2014-04-07 soon,2,0", 2, "cannot parse time"},
        {"yoochoose_short_row", "yoochoose", "c.dat",
         "1,2014-04-07T10:51:09.277Z,1,0\n1,2014-04-07T10:51:10.277Z,2,0\n1,2014", 3,
         "expected 4 columns, found 2"},
        {"yoochoose_empty_session", "yoochoose", "c.dat",
         "1,2014-04-07T10:51:09.277Z,1,0\n,2014-"
         "04-07T10:51:09.277Z,1,0\n",
         2, "empty session id"},
        {"yoochoose_buys_bad_quantity", "yoochoose", "b.dat",
         "1,2014-04-07T10:51:09.277Z,1,100,one", 1, "quantity"},
        {"diginetica_bad_date", "diginetica", "v.csv",
         digi + "1;NA;5;10;2016-05-09\n1;NA;6;20;9/5/16", 3, "cannot parse event date"},
        {"diginetica_negative_timeframe", "diginetica", "v.csv", digi + "1;NA;5;-10;2016-05-09", 2,
         "timeframe"},
        {"diginetica_missing_column", "diginetica", "v.csv",
         "sessionId;userId;itemId;eventdate\n1;NA;5;2016-05-09\n", 1,
         "missing required column 'timeframe'"},
        {"diginetica_bad_price", "diginetica", "p.csv",
         "itemId;pricelog2;product.name.tokens\n1;10;4,5\n2;cheap;6", 3, "not a number"},
        {"diginetica_unknown_file", "diginetica", "q.csv", "queryId;timeframe;itemId\n1;2;3\n", 1,
         "not a supported DIGINETICA file"},
        {"retailrocket_bad_timestamp", "retailrocket", "events.csv",
         rr + "1433221332117,1,view,5,\n2015-06-02,1,view,6,", 3, "not epoch milliseconds"},
        {"retailrocket_empty_visitor", "retailrocket", "events.csv",
         rr + "1433221332117,,view,5,\n", 2, "empty visitor id"},
        {"retailrocket_properties_columns", "retailrocket", "item_properties.csv",
         props + "1433221332117,5,categoryid,1\n1433221332117,5,categoryid\n", 3,
         "expected 4 columns, found 3"},
        {"recbole_bad_type", "recbole", "x.inter", "user_id:token\titem_id:int\ttimestamp:float\n",
         1, "is not name:type"},
        {"recbole_bad_timestamp", "recbole", "x.inter", inter + "1\ta\t100\n1\tb\tlater", 3,
         "cannot parse timestamp"},
        {"recbole_no_timestamp", "recbole", "x.inter", "user_id:token\titem_id:token\n1\ta\n", 1,
         "missing required column 'timestamp'"},
        {"recbole_item_columns", "recbole", "x.item", "item_id:token\ttitle:token_seq\n1\tA\n2", 3,
         "expected 2 columns, found 1"},
        {"recbole_invalid_utf8", "recbole", "x.item",
         "item_id:token\ttitle:token_seq\n1\tA\n2\t\xe2\x28\xa1", 3, "invalid UTF-8"},
        {"recbole_empty", "recbole", "x.inter", "\n\n", 0, "empty"},
        {"recbole_user_columns", "recbole", "x.user", "user_id:token\tage:token\n1\t2\t3\n", 2,
         "expected 2 columns, found 3"},
        {"sessionrec_bad_time", "sessionrec", "t.txt", sr + "1\t5\t1396839069\n1\t6\tnoon", 3,
         "cannot parse time"},
        {"sessionrec_missing_session", "sessionrec", "t.txt", "Session\tItemId\tTime\n1\t5\t1\n", 1,
         "SessionId"},
        {"auto_undetectable", "auto", "mystery.csv", "a,b\n1,2\n", 0,
         "cannot tell the format of mystery.csv"},
    };
}

void PrintTo(const BadCase& c, std::ostream* os) {
    *os << c.name;
}

class MalformedFormat : public ::testing::TestWithParam<BadCase> {};

} // namespace

TEST_P(MalformedFormat, NamesFileAndLineAndLeavesWorkspaceUnchanged) {
    const BadCase& c = GetParam();
    test::TempDir dir;
    std::string ws = dir.file("ws.sqlite");
    {
        SessionStore store(ws);
        importFile(store, "base", dir.write("ok.csv", "session,item,time\n1,a,1\n1,b,2\n"), "auto",
                   {});
    }
    const std::string before = test::workspaceDigest(ws);
    std::string path = dir.write(c.file, c.content);
    for (const char* target : {"base", "fresh"}) {
        SessionStore store(ws);
        try {
            importFile(store, target, path, c.format, {});
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

INSTANTIATE_TEST_SUITE_P(Cases, MalformedFormat, ::testing::ValuesIn(badCases()),
                         [](const auto& info) { return std::string(info.param.name); });
