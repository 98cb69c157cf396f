// A workspace srw cannot write: opened read-only, locked by another program, or on a full disk.
// Each must fail with exit status 4 and a message saying why, and change nothing; bad input
// fails with 3. (A workspace of a newer schema is tested in tests/core/data/session_store_test.)
#include "fault_support.h"

#include <gtest/gtest.h>

using namespace srw::test;

namespace {

class WorkspaceFault : public ::testing::Test {
protected:
    void SetUp() override {
        ws = dir.file("workspace.sqlite");
        writeClickLog(dir.file("small.csv"), 200, 3);
        ASSERT_EQ(run({"import", dir.file("small.csv"), "--dataset", "earlier"}).status, 0);
        before = workspaceDigest(ws);
    }
    ChildResult run(std::vector<std::string> args, const ChildOptions& opt = {},
                    const std::string& db = "") {
        std::vector<std::string> a = {"--db", db.empty() ? ws : db, "-q"};
        a.insert(a.end(), args.begin(), args.end());
        return runSrw(dir, a, opt);
    }
    void expectUnchanged() {
        EXPECT_EQ(integrity(ws), "ok");
        EXPECT_EQ(workspaceDigest(ws), before);
    }

    TempDir dir;
    std::string ws, before;
};

TEST_F(WorkspaceFault, ReadOnlyWorkspaceRefusesWritesAndStillReads) {
    const std::string ro = "file:" + ws + "?mode=ro";
    ChildResult r = run({"import", dir.file("small.csv"), "--dataset", "more"}, {}, ro);
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
    ChildResult rename = run({"rename", "earlier", "later"}, {}, ro);
    EXPECT_EQ(rename.status, 4) << rename.err;
    ChildResult list = run({"datasets", "--json"}, {}, ro);
    EXPECT_EQ(list.status, 0) << list.err;
    EXPECT_NE(list.out.find("earlier"), std::string::npos);
    expectUnchanged();
}

TEST_F(WorkspaceFault, LockedWorkspaceFailsAfterTheBusyTimeout) {
    // Another program holds the write lock; srw waits SRW_BUSY_TIMEOUT_MS (here 300 ms instead
    // of the default 5 s) and gives up with a message naming the cause.
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(ws.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    ChildOptions opt;
    opt.env = {{"SRW_BUSY_TIMEOUT_MS", "300"}};
    ChildResult r = run({"import", dir.file("small.csv"), "--dataset", "more"}, opt);
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_NE(r.err.find("in use by another program"), std::string::npos) << r.err;
    EXPECT_LT(r.seconds, 20.0);
    ChildResult del = run({"delete", "earlier"}, opt);
    EXPECT_EQ(del.status, 4) << del.err;
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    expectUnchanged();
}

TEST_F(WorkspaceFault, FullDiskRollsBackTheImport) {
    // RLIMIT_FSIZE in the child: every write past 256 KiB beyond the workspace's size fails
    // (EFBIG), as on a full disk; root ignores permissions, not this limit.
    const std::string big = dir.file("big.csv");
    writeClickLog(big, 20000, 5);
    ChildOptions opt;
    opt.fileSizeLimit = rlim_t(fileSize(ws) + (256u << 10));
    ChildResult r = run({"import", big, "--dataset", "more"}, opt);
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_TRUE(r.err.find("full") != std::string::npos ||
                r.err.find("size limit") != std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
    expectUnchanged();
    // And the workspace takes the same import once there is room.
    EXPECT_EQ(run({"import", big, "--dataset", "more"}).status, 0);
}

TEST_F(WorkspaceFault, BadInputIsStatus3WithTheLineAndChangesNothing) {
    const std::string bad = dir.write("bad.csv", "session_id,item_id,timestamp\n1,2,3\n1,\"x,4\n");
    ChildResult r = run({"import", bad, "--dataset", "more"});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("bad.csv:3"), std::string::npos) << r.err;
    expectUnchanged();
}

TEST_F(WorkspaceFault, FileThatIsNotAWorkspaceIsRefused) {
    const std::string junk = dir.write("junk.sqlite", std::string(4096, 'j'));
    ChildResult r = run({"datasets"}, {}, junk);
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_NE(r.err.find("not a database"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(junk), std::string(4096, 'j'));
}

} // namespace
