// Training throughput of the BERT+MLP trainer on synthetic data, in sequences (training
// examples: session prefixes) per second, as one JSON line.
//
// It runs srw::model::runTraining, the same loop `srw train` runs, on an in-memory corpus, so
// the timed steps are our trainer's own (host-side batch building, encoder, towers, loss,
// backward, clipping, AdamW, loss.item()); no SQLite, tokenising of the dataset or validation is
// timed. Steps are timed between the trainer's progress reports (it reports every ~250 ms and
// after every step slower than that): after --warmup steps, for at least --steps steps and
// --min-seconds; then the run is cancelled, before any epoch-end work.
//
// The corpus is the one bench/reference/synthetic.py builds (same formula, same numbers), so the
// Python reference trains on the same batches: same prefixes, same negatives, same unique items.
// This TU includes no torch header (trainer_core.h is torch-free).
#include "trainer_core.h"

#include "srw/text/bert_config.h"
#include "srw/text/bert_encoder.h"
#include "srw/text/tokenizer.h"
#include "srw/util/file_util.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
    std::string encoder = "embedded"; // embedded (2 layers, hidden 128) or base (BERT-base)
    std::string finetune = "frozen";
    std::string session = "pooled";
    int batch = 256, negatives = 64, itemTokens = 64, sessionTokens = 128, maxSessionItems = 10;
    int items = 20000, sessions = 20000, sessionLength = 5, vocab = 0;
    int threads = 0, warmup = 2, steps = 5;
    double minSeconds = 5;
    std::string device = "cpu";
    std::string out;
};

std::uint64_t mix(std::uint64_t seed, std::uint64_t counter) {
    // splitmix64, as srw::model::mixSeed and synthetic.py
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (counter + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double unit(std::uint64_t x) { return double(x >> 11) * 0x1.0p-53; }

[[noreturn]] void usage(const std::string& why) {
    std::cerr << "train_throughput: " << why << "\n"
              << "usage: train_throughput [--encoder embedded|base] [--finetune frozen|full|last:N]\n"
                 "  [--session pooled|text] [--batch N] [--negatives N] [--item-tokens N]\n"
                 "  [--session-tokens N] [--items N] [--sessions N] [--session-length N]\n"
                 "  [--vocab N] [--threads N] [--device cpu|cuda|auto] [--warmup N] [--steps N]\n"
                 "  [--min-seconds S] [--out FILE]\n";
    std::exit(2);
}

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        if (i + 1 >= argc)
            usage("missing value after " + k);
        const std::string v = argv[++i];
        auto num = [&] { return std::stoi(v); };
        if (k == "--encoder") a.encoder = v;
        else if (k == "--finetune") a.finetune = v;
        else if (k == "--session") a.session = v;
        else if (k == "--batch") a.batch = num();
        else if (k == "--negatives") a.negatives = num();
        else if (k == "--item-tokens") a.itemTokens = num();
        else if (k == "--session-tokens") a.sessionTokens = num();
        else if (k == "--items") a.items = num();
        else if (k == "--sessions") a.sessions = num();
        else if (k == "--session-length") a.sessionLength = num();
        else if (k == "--vocab") a.vocab = num();
        else if (k == "--threads") a.threads = num();
        else if (k == "--device") a.device = v;
        else if (k == "--warmup") a.warmup = num();
        else if (k == "--steps") a.steps = num();
        else if (k == "--min-seconds") a.minSeconds = std::stod(v);
        else if (k == "--out") a.out = v;
        else usage("unknown option " + k);
    }
    if (a.encoder != "embedded" && a.encoder != "base")
        usage("--encoder is embedded or base");
    if (a.vocab == 0)
        a.vocab = a.encoder == "base" ? 30522 : 4000;
    return a;
}

srw::BertConfig encoderConfig(const Args& a) {
    if (a.encoder == "embedded")
        return srw::BertConfig::embeddedDefault(a.vocab);
    srw::BertConfig c; // the defaults are BERT-base: 768 hidden, 12 layers, 12 heads, 3072
    c.vocabSize = a.vocab;
    return c;
}

} // namespace

int main(int argc, char** argv) {
    const Args a = parse(argc, argv);
    const std::uint64_t dataSeed = 0x5eedda7aULL;

    // Vocabulary: the five specials, then "w5" … so that every word is one token.
    std::vector<std::string> vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    for (int i = 5; i < a.vocab; ++i)
        vocab.push_back("w" + std::to_string(i));
    srw::Tokenizer tokenizer(vocab);

    // Items: texts of exactly itemTokens − 2 words, so every encoder row is itemTokens long.
    srw::SessionCorpus corpus;
    corpus.numItems = a.items;
    const int words = a.itemTokens - 2;
    srw::model::TrainData data;
    data.corpus = &corpus;
    data.itemTexts.reserve(std::size_t(a.items));
    for (int i = 0; i < a.items; ++i) {
        std::string text;
        for (int k = 0; k < words; ++k)
            text += (k ? " w" : "w") +
                    std::to_string(5 + mix(dataSeed, std::uint64_t(i) * 4096 + std::uint64_t(k)) %
                                           std::uint64_t(a.vocab - 5));
        data.itemTexts.push_back(std::move(text));
        corpus.itemIds.push_back(i);
        corpus.itemExternalIds.push_back(std::to_string(i));
    }
    data.hasText.assign(std::size_t(a.items), 1);
    // Sessions of sessionLength events; items skewed towards low ids (u² · N), like popularity.
    for (int s = 0; s < a.sessions; ++s) {
        srw::SessionSequence seq;
        seq.sessionId = s;
        for (int j = 0; j < a.sessionLength; ++j) {
            const double u = unit(mix(dataSeed ^ 0x77ULL, std::uint64_t(s) * 64 + std::uint64_t(j)));
            seq.items.push_back(std::int32_t(u * u * double(a.items)));
            seq.times.push_back(std::int64_t(s) * 100000 + j * 1000);
        }
        corpus.train.push_back(std::move(seq));
    }

    srw::BertMlpOptions o;
    o.encoder = a.encoder;
    o.finetune = a.finetune;
    o.sessionEncoder = a.session;
    o.batchSize = a.batch;
    o.negatives = a.negatives;
    o.itemTextTokens = a.itemTokens;
    o.sessionTextTokens = a.sessionTokens;
    o.maxSessionItems = a.maxSessionItems;
    o.epochs = 1;
    o.device = a.device;
    o.threads = a.threads;
    o.validate();

    const srw::BertConfig config = encoderConfig(a);
    data.hidden = config.hiddenSize;
    // Cached text vectors of the frozen model: any values do, the work does not depend on them.
    data.itemVectors.resize(std::size_t(a.items) * std::size_t(config.hiddenSize));
    for (std::size_t i = 0; i < data.itemVectors.size(); ++i)
        data.itemVectors[i] = float(unit(mix(dataSeed ^ 0x99ULL, i)) - 0.5) * 0.1f;
    if (o.sessionEncoder == "text" || o.tunedLayers() != 0) {
        srw::BertLoadOptions lo;
        lo.device = a.device;
        data.encoder = srw::BertEncoder::create(config, tokenizer, false, o.seed, lo);
    }
    char tmpl[] = "/tmp/srw-train-bench-XXXXXX";
    if (!::mkdtemp(tmpl))
        usage("cannot create a temporary folder");
    data.runDir = tmpl; // written only at an epoch's end, which the bench never reaches
    data.dataHash = "synthetic";

    const std::uint64_t stepsPerEpoch =
        (std::uint64_t(a.sessions) * std::uint64_t(a.sessionLength - 1) + std::uint64_t(a.batch) - 1) /
        std::uint64_t(a.batch);
    if (stepsPerEpoch < std::uint64_t(a.warmup + a.steps + 2))
        usage("the corpus holds too few steps for --warmup + --steps; raise --sessions");

    bool started = false;
    std::uint64_t startStep = 0, lastStep = 0;
    Clock::time_point startTime, lastTime;
    const auto t0 = Clock::now();
    srw::ProgressFn progress = [&](const srw::Progress& p) {
        if (p.stage.rfind("epoch", 0) != 0 || p.done == 0)
            return true;
        const auto now = Clock::now();
        if (!started) {
            if (p.done >= std::uint64_t(a.warmup)) {
                started = true;
                startStep = p.done;
                startTime = now;
            }
            return true;
        }
        lastStep = p.done;
        lastTime = now;
        const double secs = std::chrono::duration<double>(now - startTime).count();
        const bool enough = lastStep - startStep >= std::uint64_t(a.steps) && secs >= a.minSeconds;
        // Stop one step short of the epoch's end so that no epoch-end work runs.
        return !(enough || p.done + 1 >= stepsPerEpoch);
    };
    srw::model::TrainSinks sinks;
    const auto result = srw::model::runTraining(o, std::move(data), sinks, progress);
    const double setup = std::chrono::duration<double>(startTime - t0).count();
    if (!started || lastStep <= startStep) {
        std::cerr << "train_throughput: no timed steps (raise --sessions or lower --warmup)\n";
        return 1;
    }
    const double secs = std::chrono::duration<double>(lastTime - startTime).count();
    const auto measured = lastStep - startStep;
    nlohmann::json j = {
        {"side", "srw"},
        {"how", "srw::model::runTraining on an in-memory synthetic corpus"},
        {"encoder", a.encoder},
        {"hidden", config.hiddenSize},
        {"layers", config.numHiddenLayers},
        {"heads", config.numAttentionHeads},
        {"intermediate", config.intermediateSize},
        {"vocab", a.vocab},
        {"finetune", a.finetune},
        {"session", a.session},
        {"batch", a.batch},
        {"negatives", a.negatives},
        {"item_tokens", a.itemTokens},
        {"session_tokens", a.sessionTokens},
        {"items", a.items},
        {"sessions", a.sessions},
        {"session_length", a.sessionLength},
        {"threads", a.threads},
        {"environment", srw::model::torchEnvironment(o)},
        {"warmup_steps", a.warmup},
        {"steps", measured},
        {"seconds", secs},
        {"setup_seconds", setup},
        {"sequences_per_second", double(measured) * double(a.batch) / secs},
        {"seconds_per_step", secs / double(measured)},
        {"cancelled", result.cancelled}};
    const std::string line = j.dump();
    std::cout << line << std::endl;
    if (!a.out.empty()) {
        std::FILE* f = std::fopen(a.out.c_str(), "w");
        if (!f)
            usage("cannot write " + a.out);
        std::fputs((line + "\n").c_str(), f);
        std::fclose(f);
    }
    ::rmdir(tmpl);
    return 0;
}
