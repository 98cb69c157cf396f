// Training on the sample data (subsets, small models, one or two epochs): the loss falls, the model
// beats popularity and item-kNN on the held-out test split, a cancelled run resumes to the same
// weights and metrics as an uninterrupted one, a checkpoint of another configuration is refused,
// and fine-tuning (full, last:N) trains exactly the layers it names.
#include "srw/data/corpus_loader.h"
#include "srw/data/csv_importer.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/preparation.h"
#include "srw/data/run_store.h"
#include "srw/data/splitter.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/text/safetensors.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>

using namespace srw;

namespace {

class Workspace {
public:
    Workspace() {
        char tmpl[] = "/tmp/srw-model-test-XXXXXX";
        if (!::mkdtemp(tmpl))
            throw std::runtime_error("mkdtemp failed");
        m_dir = tmpl;
        store = std::make_unique<SessionStore>(m_dir + "/ws.sqlite");
        const std::string root = SRW_SOURCE_DIR;
        DelimitedImportOptions o;
        importFile(*store, "s", root + "/sample_data/events.csv", "auto", o);
        DelimitedImportOptions io;
        io.format = "catalog";
        importCatalogCsv(*store, "s", root + "/sample_data/items.csv", io);
        prepareDataset(*store, "s", PrepareOptions{}, false);
        splitDataset(*store, "s", SplitOptions{});
    }
    ~Workspace() {
        store.reset();
        const std::string cmd = "rm -rf '" + m_dir + "'";
        (void)std::system(cmd.c_str());
    }
    std::unique_ptr<SessionStore> store;

private:
    std::string m_dir;
};

TrainRequest tinyRequest() {
    TrainRequest r;
    r.dataset = "s";
    BertMlpOptions& o = r.options;
    o.mlpWidths = {64};
    o.batchSize = 128;
    o.negatives = 32;
    o.epochs = 2;
    o.maxTrainSessions = 3000;
    o.validSessions = 150;
    o.learningRate = 3e-3;
    o.deterministic = true;
    o.device = "cpu";
    o.threads = 2;
    r.testProtocol.bootstrapSamples = 0;
    return r;
}

double mrr20(const EvalResult& r) { return r.metrics.at("MRR@20"); }

Workspace& workspace() {
    static Workspace w;
    return w;
}

} // namespace

/** The default model, as `scripts/run.sh --headless` trains it: one epoch on 4000 sessions. */
TrainRequest defaultRequest() {
    TrainRequest r;
    r.dataset = "s";
    r.options.epochs = 1;
    r.options.maxTrainSessions = 4000;
    r.options.deterministic = true;
    r.options.device = "cpu";
    r.options.threads = 2;
    r.testProtocol.bootstrapSamples = 0;
    return r;
}

class BertMlpTraining : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_full = trainBertMlp(*workspace().store, tinyRequest()); }
    static TrainOutcome s_full;
};
TrainOutcome BertMlpTraining::s_full;

TEST_F(BertMlpTraining, LowersTheLoss) {
    ASSERT_EQ(s_full.status, "finished");
    ASSERT_EQ(s_full.epochs.size(), 2u);
    EXPECT_LT(s_full.epochs[1].trainLoss, s_full.epochs[0].trainLoss);
    EXPECT_GT(s_full.epochs[0].validMrr, 0.0);
    EXPECT_DOUBLE_EQ(s_full.itemTextShare, 1.0);
}

TEST(BertMlpDefaultModel, BeatsPopularityAndItemKnn) {
    const TrainOutcome trained = trainBertMlp(*workspace().store, defaultRequest());
    ASSERT_EQ(trained.status, "finished");

    SessionStore& store = *workspace().store;
    const SessionCorpus corpus = loadCorpus(store, "s");
    EvalOptions o;
    o.bootstrapSamples = 0;
    auto pop = createRecommender("pop", {});
    auto iknn = createRecommender("iknn", {});
    const double popMrr = mrr20(fitAndEvaluate(*pop, corpus, EvalPart::Test, o));
    const double iknnMrr = mrr20(fitAndEvaluate(*iknn, corpus, EvalPart::Test, o));
    const double ours = mrr20(trained.test);
    std::printf("MRR@20: bert-mlp %.4f, iknn %.4f, pop %.4f\n", ours, iknnMrr, popMrr);
    EXPECT_GT(ours, 3 * popMrr);
    EXPECT_GT(ours, iknnMrr + 0.01);
    const TrainOutcome& s_full = trained;

    // The stored run is what `srw eval RUN_ID` evaluates: the same figures, and α re-ranks.
    RunRecord run = RunStore(store).get(s_full.runId);
    EXPECT_EQ(run.status, "finished");
    EXPECT_EQ(run.kind, "train");
    EXPECT_EQ(run.model, "bert-mlp");
    EXPECT_EQ(run.environment.value("device", ""), "cpu");
    EXPECT_EQ(RunStore(store).epochs(s_full.runId).size(), 1u);
    auto loaded = loadTrainedModel(store, s_full.runId);
    EXPECT_EQ(metricsJson(fitAndEvaluate(*loaded, corpus, EvalPart::Test, o)).dump(),
              metricsJson(s_full.test).dump());
    auto cfOnly = loadTrainedModel(store, s_full.runId, {{"alpha", "1"}});
    EXPECT_NE(mrr20(fitAndEvaluate(*cfOnly, corpus, EvalPart::Test, o)), ours);
    EXPECT_THROW(loadTrainedModel(store, s_full.runId, {{"lr", "1"}}), UsageError);
    // GUI workers load models with a thread cap; it replaces the threads the run trained with.
    EXPECT_EQ(loadTrainedModel(store, s_full.runId, {{"threads", "1"}})->options().threads, 1);
    EXPECT_THROW(loadTrainedModel(store, s_full.runId, {{"threads", "many"}}), UsageError);
}

TEST_F(BertMlpTraining, CancelledThenResumedEqualsUninterrupted) {
    SessionStore& store = *workspace().store;
    // Cancel in the middle of the second epoch: the checkpoint of epoch 1 is the last good one.
    bool inSecond = false;
    int calls = 0;
    const auto cancelled = trainBertMlp(store, tinyRequest(), [&](const Progress& p) {
        if (p.stage == "epoch 2/2")
            inSecond = true;
        return !(inSecond && ++calls > 2 && p.done < p.total);
    });
    ASSERT_EQ(cancelled.status, "cancelled");
    EXPECT_EQ(RunStore(store).get(cancelled.runId).status, "cancelled");
    ASSERT_FALSE(cancelled.checkpoint.empty());
    EXPECT_EQ(RunStore(store).lastCheckpoint(cancelled.runId).value_or(""), cancelled.checkpoint);

    // Another configuration is refused, clearly, and leaves the run resumable.
    TrainRequest other = tinyRequest();
    other.resumeRun = cancelled.runId;
    other.options.learningRate = 1e-2;
    try {
        trainBertMlp(store, other);
        FAIL() << "a checkpoint of another configuration was accepted";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("another configuration"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("lr"), std::string::npos) << e.what();
    }

    TrainRequest again = tinyRequest();
    again.resumeRun = cancelled.runId;
    const auto resumed = trainBertMlp(store, again);
    ASSERT_EQ(resumed.status, "finished");
    EXPECT_EQ(resumed.runId, cancelled.runId);
    EXPECT_EQ(resumed.epochs.size(), 2u);
    EXPECT_EQ(resumed.modelSha256, s_full.modelSha256);
    EXPECT_EQ(metricsJson(resumed.test).dump(), metricsJson(s_full.test).dump());
    EXPECT_DOUBLE_EQ(resumed.epochs[1].trainLoss, s_full.epochs[1].trainLoss);
}

namespace {

/** The tensors named encoder.* in a model file against the run's initial encoder (its folder
 * keeps the encoder as training found it): which changed. */
std::map<std::string, bool> encoderTensorsChanged(const std::string& runDir) {
    const auto initial = SafeTensorsFile::read(runDir + "/encoder/model.safetensors");
    std::ifstream record(runDir + "/best.json");
    const auto weights = nlohmann::json::parse(record).at("weights").get<std::string>();
    const auto tuned = SafeTensorsFile::read(runDir + "/" + weights);
    std::map<std::string, bool> changed;
    for (const auto& t : tuned.tensors()) {
        if (t.name.rfind("encoder.", 0) != 0)
            continue;
        const std::string name = t.name.substr(8);
        const TensorInfo* before = initial.find(name);
        if (!before && name.rfind("bert.", 0) == 0)
            before = initial.find(name.substr(5)); // saved in BertModel layout, without "bert."
        if (!before)
            continue;
        changed[name] = tuned.toFloat32(t) != initial.toFloat32(*before);
    }
    return changed;
}

bool anyChanged(const std::map<std::string, bool>& changed, const std::string& part) {
    for (const auto& [name, c] : changed)
        if (name.find(part) != std::string::npos && c)
            return true;
    return false;
}

bool allUnchanged(const std::map<std::string, bool>& changed, const std::string& part) {
    bool seen = false;
    for (const auto& [name, c] : changed)
        if (name.find(part) != std::string::npos) {
            seen = true;
            if (c)
                return false;
        }
    return seen;
}

TrainRequest fineTuneRequest(const std::string& mode) {
    TrainRequest r = tinyRequest();
    BertMlpOptions& o = r.options;
    o.finetune = mode;
    o.epochs = 1;
    o.maxTrainSessions = 300;
    o.validSessions = 40;
    o.batchSize = 64;
    o.negatives = 16;
    o.itemTextTokens = 16;
    o.encoderLearningRate = 1e-3;
    return r;
}

} // namespace

// Fine-tuning trains exactly the layers its mode names, and the tuned encoder travels with the
// model: reloading the run reproduces its test metrics.
TEST(BertMlpFineTuning, FullTunesEveryLayerLastOneOnlyTheTop) {
    SessionStore& store = *workspace().store;
    const SessionCorpus corpus = loadCorpus(store, "s");
    EvalOptions o;
    o.bootstrapSamples = 0;
    for (const std::string mode : {"full", "last:1"}) {
        const TrainOutcome out = trainBertMlp(store, fineTuneRequest(mode));
        ASSERT_EQ(out.status, "finished") << mode;
        const RunRecord run = RunStore(store).get(out.runId);
        const auto changed = encoderTensorsChanged(run.params.value("run_dir", ""));
        ASSERT_FALSE(changed.empty()) << mode << ": the model file holds no encoder tensors";
        // The embedded encoder has two layers: layer.1 is "the last one".
        EXPECT_TRUE(anyChanged(changed, "encoder.layer.1.")) << mode;
        if (mode == "full") {
            EXPECT_TRUE(anyChanged(changed, "encoder.layer.0.")) << mode;
            EXPECT_TRUE(anyChanged(changed, "embeddings.")) << mode;
        } else {
            EXPECT_TRUE(allUnchanged(changed, "encoder.layer.0.")) << mode;
            EXPECT_TRUE(allUnchanged(changed, "embeddings.")) << mode;
        }
        auto loaded = loadTrainedModel(store, out.runId);
        EXPECT_EQ(metricsJson(fitAndEvaluate(*loaded, corpus, EvalPart::Test, o)).dump(),
                  metricsJson(out.test).dump())
            << mode;
    }
}
