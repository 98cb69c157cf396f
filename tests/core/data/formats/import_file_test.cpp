// The single entry point: dispatch by name, the recorded format, progress and cancellation.
#include "../../../support/db_digest.h"
#include "format_test_support.h"
#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"

using namespace srw;
using namespace srw::test;

namespace {

// Enough rows for the importers' progress callback, which reports every 16,384 rows.
std::string manyClicks(int rows) {
    std::string out;
    for (int i = 0; i < rows; ++i)
        out +=
            std::to_string(i / 4) + ",2014-04-07T10:51:09.277Z," + std::to_string(i % 97) + ",0\n";
    return out;
}

} // namespace

TEST(ImportFile, UnknownFormatIsAUsageError) {
    TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    std::string path = dir.write("log.csv", "session,item,time\n1,a,1\n");
    EXPECT_THROW(importFile(store, "d", path, "parquet", {}), UsageError);
    EXPECT_EQ(importFile(store, "d", path, "CSV", {}).events, 1u);
}

TEST(ImportFile, RecordsTheResolvedFormatWithTheSource) {
    TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    importFile(store, "d",
               dir.write("yoochoose-clicks.dat", "1,2014-04-07T10:51:09.277Z,214536502,0"), "auto",
               {});
    importFile(store, "d", dir.write("items.csv", "item_id,title\n214536502,Mug\n"), "auto", {});
    Statement st = store.db().prepare("SELECT format, kind FROM dataset_sources ORDER BY id");
    std::vector<std::pair<std::string, std::string>> got;
    while (st.step())
        got.emplace_back(st.getText(0), st.getText(1));
    std::vector<std::pair<std::string, std::string>> want = {{"yoochoose", "events"},
                                                             {"catalog", "items"}};
    EXPECT_EQ(got, want);
}

TEST(ImportFile, ReportsProgressAndCancelsWithoutATrace) {
    TempDir dir;
    std::string ws = dir.file("ws.sqlite");
    std::string path = dir.write("yoochoose-clicks.dat", manyClicks(40000));
    {
        SessionStore store(ws);
        importFile(store, "base", dir.write("log.csv", "session,item,time\nseed,a,1\n"), "auto", {});
    }
    const std::string before = workspaceDigest(ws);
    {
        SessionStore store(ws);
        int calls = 0;
        EXPECT_THROW(importFile(store, "base", path, "auto", {},
                                [&](const Progress& p) {
                                    EXPECT_EQ(p.stage, "reading");
                                    EXPECT_GT(p.total, 0u);
                                    return ++calls < 2;
                                }),
                     Cancelled);
        EXPECT_EQ(calls, 2);
    }
    EXPECT_EQ(workspaceDigest(ws), before);
    SessionStore store(ws);
    int calls = 0;
    ImportReport r = importFile(store, "base", path, "auto", {}, [&](const Progress&) {
        ++calls;
        return true;
    });
    EXPECT_EQ(r.events, 40000u);
    EXPECT_EQ(r.sessions, 10000u);
    EXPECT_GE(calls, 2);
}
