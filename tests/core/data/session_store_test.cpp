#include "../../support/db_digest.h"
#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/dataset_stats.h"
#include "srw/data/schema.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace srw;

namespace {
class Store : public ::testing::Test {
protected:
    void SetUp() override {
        SessionStore s(ws);
        importEventsCsv(s, "one", dir.write("a.csv", "session,item,time\n1,a,1\n1,b,2\n2,a,3\n"), {});
        importEventsCsv(s, "two", dir.write("b.csv", "session,item,time\n1,x,1\n1,y,2\n"), {});
    }
    test::TempDir dir;
    std::string ws = dir.file("ws.sqlite");
};
} // namespace

TEST_F(Store, ListsDatasetsWithCounts) {
    SessionStore s(ws);
    auto all = s.listDatasets();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "one");
    EXPECT_EQ(all[0].events, 3);
    EXPECT_EQ(all[0].sessions, 2);
    EXPECT_EQ(all[0].items, 2);
    EXPECT_EQ(all[1].name, "two");
}

TEST_F(Store, RenameChecksNamesAndConflicts) {
    SessionStore s(ws);
    s.renameDataset("one", "uno");
    EXPECT_TRUE(s.findDataset("uno").has_value());
    EXPECT_FALSE(s.findDataset("one").has_value());
    EXPECT_THROW(s.renameDataset("uno", "two"), UsageError);
    EXPECT_THROW(s.renameDataset("missing", "x"), UsageError);
    EXPECT_THROW(s.renameDataset("uno", ""), UsageError);
    EXPECT_THROW(s.renameDataset("uno", "tab\there"), UsageError);
}

TEST_F(Store, DeleteRemovesOnlyThatDataset) {
    SessionStore s(ws);
    std::int64_t twoId = *s.findDataset("two");
    s.db().exec("INSERT INTO runs(dataset_id, model, created_at, program_version) VALUES(" +
                std::to_string(*s.findDataset("one")) + ", 'pop', 'now', 'test')");
    s.deleteDataset("one");
    EXPECT_FALSE(s.findDataset("one").has_value());
    EXPECT_EQ(s.db().queryInt("SELECT count(*) FROM runs"), 0);
    EXPECT_EQ(s.db().queryInt("SELECT count(*) FROM sessions WHERE dataset_id <> " +
                              std::to_string(twoId)),
              0);
    EXPECT_EQ(s.db().queryInt("SELECT count(*) FROM events"), 2);
    EXPECT_EQ(s.db().queryInt("SELECT count(*) FROM items"), 2);
    EXPECT_EQ(computeDatasetStats(s, "two").all.events, 2);
    EXPECT_THROW(s.deleteDataset("one"), UsageError);
}

TEST_F(Store, BackupIsAFaithfulCopy) {
    SessionStore s(ws);
    std::string copy = dir.file("backup.sqlite");
    int calls = 0;
    s.backup(copy, [&](const Progress&) { return ++calls > 0; });
    EXPECT_GT(calls, 0);
    EXPECT_EQ(test::workspaceDigest(copy), test::workspaceDigest(ws));
    SessionStore reopened(copy);
    EXPECT_EQ(reopened.listDatasets().size(), 2u);
    EXPECT_THROW(s.backup(ws), UsageError);
}

TEST_F(Store, SchemaVersionAndNewerWorkspaceRefused) {
    {
        SessionStore s(ws);
        EXPECT_EQ(s.db().queryInt("PRAGMA user_version"), currentSchemaVersion());
        EXPECT_EQ(s.db().queryInt("PRAGMA foreign_keys"), 1);
        s.db().exec("PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 5));
    }
    const std::string before = test::workspaceDigest(ws);
    try {
        SessionStore s(ws);
        FAIL() << "expected DatabaseError";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
    }
    EXPECT_EQ(test::workspaceDigest(ws), before);
}

// A new workspace takes the workbench's page size; one made elsewhere (here the sqlite3 default)
// keeps its own and still opens, migrates and imports.
TEST_F(Store, NewWorkspacesTakeThePageSizeOldOnesKeepTheirs) {
    EXPECT_EQ(SessionStore(ws).db().queryInt("PRAGMA page_size"), kWorkspacePageSize);
    const std::string other = dir.file("small-pages.sqlite");
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(other.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
    SessionStore s(other);
    EXPECT_EQ(s.db().queryInt("PRAGMA page_size"), 4096);
    importEventsCsv(s, "d", dir.write("p.csv", "session,item,time\n1,a,1\n1,b,2\n"), {});
    EXPECT_EQ(computeDatasetStats(s, "d").all.events, 2);
}

TEST_F(Store, ReadOnlyWorkspaceRefusesWritesWithAClearMessage) {
    SessionStore s(ws, Database::Mode::ReadOnly);
    EXPECT_EQ(s.listDatasets().size(), 2u);
    try {
        importEventsCsv(s, "three", dir.write("c.csv", "session,item,time\n1,a,1\n"), {});
        FAIL() << "expected DatabaseError";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
    }
}

TEST_F(Store, NotADatabaseIsRefused) {
    std::string junk = dir.write("junk.sqlite", std::string(4096, 'x'));
    EXPECT_THROW(SessionStore{junk}, DatabaseError);
}
