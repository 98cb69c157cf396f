// Training commands: train (the BERT+MLP model blended with s_cf), pretrain (the dataset's
// embedded encoder).
#include "cli_context.h"

#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <cstdio>
#include <iostream>

namespace srw::cli {
namespace {

struct TrainArgs {
    std::string dataset, split, name, encoder, finetune, sessionEncoder, blend, widths, device;
    std::string calibration, loss;
    double alpha = 0, lr = 0;
    int epochs = 0, batchSize = 0, negatives = 0, maxTrain = 0;
    std::uint64_t seed = 0;
    bool deterministic = false, json = false;
    std::int64_t resume = 0;
    int bootstrap = 1000;
};

std::vector<int> parseWidths(const std::string& text) {
    std::vector<int> out;
    for (const auto& part : split(text, ',')) {
        long long w = 0;
        if (!parseInt64(trim(part), w) || w < 1 || w > 65536)
            throw UsageError("--mlp takes widths like 128,64, not '" + text + "'");
        out.push_back(int(w));
    }
    return out;
}

void runTrain(CliContext& ctx, CLI::App* cmd, const TrainArgs& a) {
    SessionStore& store = ctx.store();
    TrainRequest req;
    req.dataset = a.dataset;
    req.split = a.split;
    req.runName = a.name;
    req.resumeRun = a.resume;
    // Resuming starts from the run's own configuration; options given again must agree with it
    // (the core refuses a checkpoint of another configuration and says what differs).
    BertMlpOptions& o = req.options;
    if (a.resume > 0)
        o = storedTrainOptions(store, a.resume);
    auto given = [&](const char* name) { return cmd->count(name) > 0; };
    if (given("--alpha"))
        o.alpha = a.alpha;
    if (given("--blend"))
        o.blend = parseBlendMode(a.blend);
    if (given("--encoder"))
        o.encoder = a.encoder;
    if (given("--finetune"))
        o.finetune = a.finetune;
    if (given("--session-encoder"))
        o.sessionEncoder = a.sessionEncoder;
    if (given("--mlp"))
        o.mlpWidths = parseWidths(a.widths);
    if (given("--epochs"))
        o.epochs = a.epochs;
    if (given("--batch-size"))
        o.batchSize = a.batchSize;
    if (given("--lr"))
        o.learningRate = a.lr;
    if (given("--negatives"))
        o.negatives = a.negatives;
    if (given("--calibration"))
        o.calibration = a.calibration;
    if (given("--loss"))
        o.loss = a.loss;
    if (given("--max-train-sessions"))
        o.maxTrainSessions = a.maxTrain;
    if (given("--seed"))
        o.seed = a.seed;
    if (given("--deterministic"))
        o.deterministic = a.deterministic;
    if (given("--device"))
        o.device = a.device;
    o.threads = ctx.threads; // --threads; 0 leaves LibTorch's default (all cores)
    req.testProtocol.bootstrapSamples = a.bootstrap;

    auto bar = ctx.progress("train");
    const TrainOutcome r = trainBertMlp(store, req, bar);
    ctx.endProgress();
    if (r.status == "cancelled")
        throw std::runtime_error("run " + std::to_string(r.runId) + " cancelled" +
                                 (r.checkpoint.empty() ? std::string(" before its first checkpoint")
                                                       : "; its last good checkpoint is kept") +
                                 ": continue with `srw train " + a.dataset + " --resume " +
                                 std::to_string(r.runId) + "`");
    nlohmann::json out = metricsJson(r.test);
    out["run"] = r.runId;
    if (a.json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::printf("run %lld: bert-mlp on '%s', %zu epochs (best %d) in %.1f s on %s, "
                "%.0f%% of items with text\n",
                (long long)r.runId, a.dataset.c_str(), r.epochs.size(), r.bestEpoch,
                r.trainSeconds, r.device.c_str(), 100.0 * r.itemTextShare);
    for (const auto& e : r.epochs)
        std::printf("  epoch %-3d loss %.4f  valid MRR@20 %.4f  f = sigmoid(%.3f z %+.3f)%s\n",
                    e.epoch, e.trainLoss, e.validMrr, e.calibScale, e.calibBias,
                    e.improved ? "  *" : "");
    for (int k : r.test.cutoffs)
        std::printf("  test @%-3d HitRate %.4f  MRR %.4f  NDCG %.4f\n", k,
                    out[metricKey("HitRate", k)].get<double>(), out[metricKey("MRR", k)].get<double>(),
                    out[metricKey("NDCG", k)].get<double>());
}

} // namespace

void addTrainCommands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<TrainArgs>();
    CLI::App* tr = app.add_subcommand(
        "train", "Train the BERT+MLP model blended with collaborative filtering; stores a run "
                 "and prints its test metrics");
    tr->add_option("name", a->dataset, "Dataset")->required();
    tr->add_option("--split", a->split, "Split to use (default: the active one)");
    tr->add_option("--run-name", a->name, "A name for the stored run");
    tr->add_option("--alpha", a->alpha, "Weight of s_cf in the blend, in [0, 1] (default 0.6)")
        ->check(CLI::Range(0.0, 1.0));
    tr->add_option("--blend", a->blend, "probability (default) or rank (percentiles)");
    tr->add_option("--encoder", a->encoder, "embedded (default) or a Hugging Face BERT folder");
    tr->add_option("--finetune", a->finetune, "frozen (default), last:N or full");
    tr->add_option("--session-encoder", a->sessionEncoder,
                   "pooled (default: attention over item vectors) or text (BERT over the session text)");
    tr->add_option("--mlp", a->widths, "Hidden widths of the MLP (default 256)");
    tr->add_option("--epochs", a->epochs, "Epochs (default 5; early stopping may end sooner)");
    tr->add_option("--batch-size", a->batchSize, "Prefixes per step (default 256)");
    tr->add_option("--lr", a->lr, "Learning rate (default 0.002)");
    tr->add_option("--negatives", a->negatives, "Popularity-sampled negatives per batch (default 64)");
    tr->add_option("--loss", a->loss, "bce+softmax (default) or bce");
    tr->add_option("--calibration", a->calibration,
                   "platt (default: f's logit rescaled on the validation sample after each epoch) "
                   "or none");
    tr->add_option("--max-train-sessions", a->maxTrain, "Train on the last N sessions only (quick runs)");
    tr->add_option("--seed", a->seed, "Seed of every random choice (default 42)");
    tr->add_flag("--deterministic", a->deterministic, "Deterministic algorithms (same weights every run)");
    tr->add_option("--device", a->device, "auto (default), cpu, cuda or cuda:N");
    tr->add_option("--resume", a->resume, "Continue a cancelled or failed run from its last checkpoint");
    tr->add_option("--bootstrap", a->bootstrap, "Bootstrap resamples of the test intervals")
        ->capture_default_str();
    tr->add_flag("--json", a->json, "Print one JSON object: the test metrics and \"run\"");
    tr->callback([&ctx, a, tr] { runTrain(ctx, tr, *a); });

    struct PretrainArgs {
        std::string dataset, device = "auto";
        EncoderPretrainOptions o;
    };
    auto p = std::make_shared<PretrainArgs>();
    CLI::App* pt = app.add_subcommand(
        "pretrain", "Train the embedded encoder (vocabulary + masked language model) on a "
                    "dataset's item texts; `srw train --encoder embedded` then uses it");
    pt->add_option("name", p->dataset, "Dataset")->required();
    pt->add_option("--epochs", p->o.epochs, "Epochs")->capture_default_str();
    pt->add_option("--vocab", p->o.vocabSize, "Vocabulary size")->capture_default_str();
    pt->add_option("--seed", p->o.seed, "Seed")->capture_default_str();
    pt->add_option("--device", p->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    pt->callback([&ctx, p] {
        p->o.device = p->device;
        p->o.threads = ctx.threads;
        const std::string dir =
            pretrainDatasetEncoder(ctx.store(), p->dataset, p->o, ctx.progress("pretrain"));
        ctx.endProgress();
        std::printf("encoder of '%s' saved in %s\n", p->dataset.c_str(), dir.c_str());
    });
}

} // namespace srw::cli
