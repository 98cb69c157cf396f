// An exported model (exportTrainedModel) loads back (loadModelDir) with identical
// recommendations: a small untrained model saved as a train run's best epoch, in a workspace.
#include "core/report/report_fixture.h"
#include "srw/analysis/recommend_explain.h"
#include "srw/data/corpus_loader.h"
#include "srw/model/model_analysis.h"
#include "srw/util/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <random>

using namespace srw;

TEST(ModelExport, ExportedModelLoadsBackWithIdenticalRecommendations) {
    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    const std::string dataset = "shop";
    test::buildShop(store, dir.path().string(), dataset);
    const SessionCorpus corpus = loadCorpus(store, dataset);
    const std::int64_t dim = 8;
    std::mt19937_64 rng(5);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> vectors(std::size_t(corpus.numItems * dim));
    for (auto& v : vectors)
        v = normal(rng);
    BertMlpOptions o;
    o.alpha = 0.4;
    auto original = BertMlpRecommender::createUntrained(
        o, vectors, dim, std::vector<std::uint8_t>(std::size_t(corpus.numItems), 1));

    // Stored as `srw train` stores a run: its params name the model file.
    RunStore runs(store);
    RunRecord rec;
    rec.datasetId = store.requireDataset(dataset);
    rec.kind = "train";
    rec.model = "bert-mlp";
    const std::int64_t run = runs.create(rec);
    const std::string modelFile = saveModelFile(*original, dir.file("run"));
    runs.updateParams(run, {{"model_file", modelFile}, {"alpha", 0.4}});
    runs.finish(run, "finished", nlohmann::json::object(), nlohmann::json::object());

    const auto files = exportTrainedModel(store, run, dir.file("export"));
    EXPECT_NE(std::find(files.begin(), files.end(), dir.file("export") + "/model.json"), files.end());
    EXPECT_NE(std::find(files.begin(), files.end(), dir.file("export") + "/model.safetensors"),
              files.end());
    auto loaded = loadModelDir(store, dataset, dir.file("export"));
    ASSERT_TRUE(loaded);

    const auto fit = fitSessions(corpus, EvalPart::Test);
    original->fit(fit, corpus.numItems);
    loaded->fit(fit, corpus.numItems);
    std::size_t compared = 0;
    for (const auto& s : corpus.test)
        for (std::size_t len = 1; len < s.items.size(); ++len) {
            const std::vector<std::int32_t> prefix(s.items.begin(),
                                                   s.items.begin() + std::ptrdiff_t(len));
            const auto a = recommendTop(*original, prefix, {}, 10);
            const auto b = recommendTop(*loaded, prefix, {}, 10);
            ASSERT_EQ(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                EXPECT_EQ(a[i].item, b[i].item) << "prefix length " << len << ", rank " << i + 1;
                EXPECT_DOUBLE_EQ(a[i].score, b[i].score);
            }
            ++compared;
        }
    EXPECT_GT(compared, 0u);

    // The folder is checked against the dataset's catalogue, and α can be overridden.
    auto reranked = loadModelDir(store, dataset, dir.file("export"), {{"alpha", "1"}});
    EXPECT_EQ(reranked->params().at("alpha").substr(0, 1), "1");
    EXPECT_THROW(loadModelDir(store, dataset, dir.file("nowhere")), UsageError);
}
