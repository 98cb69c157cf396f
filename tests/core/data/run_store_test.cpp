#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/run_store.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

using namespace srw;

TEST(RunStore, CreateFinishListAndDeleteWithDataset) {
    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    importEventsCsv(store, "d", dir.write("l.csv", "session,item,time\n1,a,1\n1,b,2\n"), {});
    RunStore runs(store);
    RunRecord r;
    r.datasetId = *store.findDataset("d");
    r.model = "pop";
    r.params = {{"k", 10}};
    std::int64_t id = runs.create(r);
    EXPECT_EQ(runs.get(id).status, "running");
    runs.addEpoch(id, {1, 0.5, {{"MRR@20", 0.1}}, 2.0});
    runs.addEpoch(id, {2, 0.4, {{"MRR@20", 0.2}}, 2.0});
    runs.addCheckpoint(id, 2, 200, "/tmp/ck2", "abc");
    runs.finish(id, "finished", {{"HitRate@20", 0.5}}, {{"seconds", 1.5}});
    RunRecord got = runs.get(id);
    EXPECT_EQ(got.status, "finished");
    EXPECT_EQ(got.dataset, "d");
    EXPECT_EQ(got.params["k"], 10);
    EXPECT_DOUBLE_EQ(got.metrics["HitRate@20"].get<double>(), 0.5);
    EXPECT_FALSE(got.finishedAt.empty());
    ASSERT_EQ(runs.epochs(id).size(), 2u);
    EXPECT_DOUBLE_EQ(*runs.epochs(id)[1].trainLoss, 0.4);
    EXPECT_EQ(runs.lastCheckpoint(id).value_or(""), "/tmp/ck2");
    runs.storeRecommendations(id, {{7, 1, 1, 42, 0.9}, {7, 1, 2, 43, 0.8}});
    EXPECT_EQ(runs.recommendations(id, 7).size(), 2u);
    runs.rename(id, "baseline");
    runs.annotate(id, "first try");
    EXPECT_EQ(runs.list("d").front().name, "baseline");
    EXPECT_TRUE(runs.list("other").empty());
    EXPECT_THROW(runs.get(9999), UsageError);
    EXPECT_THROW(runs.rename(9999, "x"), UsageError);

    store.deleteDataset("d");
    EXPECT_TRUE(runs.list().empty());
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM run_epochs"), 0);
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM recommendations"), 0);
}

#include <sys/wait.h>
#include <unistd.h>

// A run left "running" by a process that died reads as "interrupted"; this process's own running
// run stays "running", and resuming (setStatus running) makes this process its owner.
TEST(RunStore, RunOfADeadProcessReadsAsInterrupted) {
    test::TempDir dir;
    const std::string path = dir.file("ws.sqlite");
    std::int64_t datasetId = 0;
    {
        SessionStore store(path);
        importEventsCsv(store, "d", dir.write("l.csv", "session,item,time\n1,a,1\n1,b,2\n"), {});
        datasetId = *store.findDataset("d");
    }
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        int rc = 1;
        try {
            SessionStore store(path);
            RunRecord r;
            r.datasetId = datasetId;
            r.kind = "train";
            r.model = "bert-mlp";
            RunStore(store).create(r);
            rc = 0;
        } catch (...) {
        }
        ::_exit(rc); // dies with its run still marked running
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    SessionStore store(path);
    RunStore runs(store);
    ASSERT_EQ(runs.list().size(), 1u);
    const RunRecord dead = runs.list().front();
    EXPECT_EQ(dead.status, "interrupted");
    EXPECT_EQ(dead.environment["process"]["pid"].get<std::int64_t>(), std::int64_t(child));
    // Reads never write: the stored status is still the one the dead process left.
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM runs WHERE status = 'running' AND id = " +
                                  std::to_string(dead.id)),
              1);

    RunRecord mine;
    mine.datasetId = datasetId;
    const auto own = runs.create(mine);
    EXPECT_EQ(runs.get(own).status, "running");

    runs.setStatus(dead.id, "running"); // resumed here: this process owns it now
    const RunRecord resumed = runs.get(dead.id);
    EXPECT_EQ(resumed.status, "running");
    EXPECT_EQ(resumed.environment["process"]["pid"].get<std::int64_t>(), std::int64_t(::getpid()));
}
