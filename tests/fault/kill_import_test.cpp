// Kills `srw import` with SIGKILL at seeded random moments and checks after each kill that the
// workspace is intact: integrity_check ok, every earlier dataset and run unchanged (content
// digest), and the killed import either absent or complete, never half there.
//
// The normal suite runs a few trials; scripts/fault-inject.sh runs more through the same test:
//   SRW_FAULT_TRIALS (default 3), SRW_FAULT_SEED (default 11), SRW_FAULT_SESSIONS (default
//   40000 sessions of 5 events).
#include "fault_support.h"

#include <gtest/gtest.h>

#include <iostream>

using namespace srw::test;

namespace {

const std::vector<std::string> kQuiet = {"-q"};

std::vector<std::string> srwArgs(const std::string& ws, std::vector<std::string> rest) {
    std::vector<std::string> a = {"--db", ws, "-q"};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
}

} // namespace

TEST(KillImport, EveryKillLeavesTheWorkspaceIntact) {
    const long trials = envNumber("SRW_FAULT_TRIALS", 3);
    const unsigned seed = unsigned(envNumber("SRW_FAULT_SEED", 11));
    const std::size_t sessions = std::size_t(envNumber("SRW_FAULT_SESSIONS", 40000));
    TempDir dir;
    const std::string ws = dir.file("workspace.sqlite");
    const std::string big = dir.file("big.csv");
    const std::size_t rows = writeClickLog(big, sessions, seed);
    const std::string small = dir.file("small.csv");
    writeClickLog(small, 400, seed + 1);

    // Earlier work that must survive: a dataset with a split and a stored evaluation run.
    ASSERT_EQ(runSrw(dir, srwArgs(ws, {"import", small, "--dataset", "earlier"})).status, 0);
    ASSERT_EQ(runSrw(dir, srwArgs(ws, {"split", "earlier"})).status, 0);
    ChildResult ev = runSrw(dir, srwArgs(ws, {"eval", "earlier", "--model", "pop", "--k", "5"}));
    ASSERT_EQ(ev.status, 0) << ev.err;
    ASSERT_EQ(queryText(ws, "SELECT count(*) FROM runs"), "1");

    // How long a whole import takes, and how long srw takes to start: kills are spread over
    // [start, whole] so that most land while rows are being written and some during or after the
    // commit (a whole run ends with the WAL checkpoint after the commit).
    const ChildResult startup = runSrw(dir, srwArgs(ws, {"datasets"}));
    ChildResult full = runSrw(dir, srwArgs(ws, {"import", big, "--dataset", "complete"}));
    ASSERT_EQ(full.status, 0) << full.err;
    const std::string expectEvents = std::to_string(rows);
    const std::string expectSessions = std::to_string(sessions);
    ASSERT_EQ(queryText(ws, "SELECT sum(n_events) FROM sessions s JOIN datasets d ON d.id ="
                            " s.dataset_id WHERE d.name = ?",
                        "complete"),
              expectEvents);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> when(0.8 * startup.seconds, full.seconds);

    int absent = 0, walTorn = 0, complete = 0;
    for (long t = 0; t < trials; ++t) {
        const std::string name = "trial-" + std::to_string(t);
        const std::string before = workspaceDigest(ws);
        const double delay = when(rng);
        ChildOptions opt;
        opt.killAfter = std::chrono::microseconds(long(delay * 1e6));
        ChildResult r = runSrw(dir, srwArgs(ws, {"import", big, "--dataset", name}), opt);
        SCOPED_TRACE("trial " + std::to_string(t) + ", killed after " + std::to_string(delay) +
                     " s, " + (r.signal ? "by SIGKILL" : "after it exited"));
        // Frames in the WAL that SQLite must roll back or keep on the next open.
        const bool walLeft = fileSize(ws + "-wal") > 0;
        ASSERT_EQ(integrity(ws), "ok");
        const std::string id = queryText(ws, "SELECT id FROM datasets WHERE name = ?", name);
        if (id.empty()) {
            ++absent;
            walTorn += walLeft;
            ASSERT_EQ(workspaceDigest(ws), before) << "a killed import changed the workspace";
        } else {
            ++complete;
            EXPECT_EQ(queryText(ws, "SELECT count(*) FROM events e JOIN sessions s ON s.id ="
                                    " e.session_id WHERE s.dataset_id = ?",
                                id),
                      expectEvents);
            EXPECT_EQ(queryText(ws, "SELECT count(*) FROM sessions WHERE dataset_id = ?", id),
                      expectSessions);
            EXPECT_EQ(queryText(ws, "SELECT count(*) FROM dataset_sources WHERE dataset_id = ?",
                                id),
                      "1");
            ASSERT_EQ(digestWithout(ws, name, dir.file("without.sqlite")), before)
                << "an import changed what was there before it";
            // Back to the same starting point, so the workspace (and each digest) stays small.
            ASSERT_EQ(queryText(ws, "DELETE FROM datasets WHERE name = ? RETURNING 'deleted'",
                                name),
                      "deleted");
            ASSERT_EQ(workspaceDigest(ws), before);
        }
    }
    // Still a working workspace for srw itself.
    ChildResult list = runSrw(dir, srwArgs(ws, {"runs", "--json"}));
    EXPECT_EQ(list.status, 0) << list.err;
    std::cout << "fault-inject: " << trials << " SIGKILL trials of srw import (" << rows
              << " rows, seed " << seed << "): " << absent << " killed before commit (nothing "
              << "visible; " << walTorn << " of them with uncommitted WAL frames on disk), "
              << complete << " after commit (complete); integrity ok and earlier datasets and "
              << "runs unchanged after every kill\n";
}
