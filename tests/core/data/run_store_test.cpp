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
