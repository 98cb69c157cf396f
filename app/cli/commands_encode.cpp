// encode: a dataset's item texts through a BERT model into the embedding cache (LibTorch;
// part of srw-ml).
#include "cli_context.h"

#include "srw/data/embedding_cache.h"
#include "srw/text/cpu_runtime.h"
#include "srw/text/bert_encoder.h"
#include "srw/util/error.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace srw::cli {
namespace {

Pooling parsePooling(const std::string& s) {
    if (s == "cls")
        return Pooling::Cls;
    if (s == "mean")
        return Pooling::Mean;
    if (s == "pooler")
        return Pooling::Pooler;
    throw UsageError("--pooling takes cls, mean or pooler, not '" + s + "'");
}

} // namespace

void addEncodeCommands(CLI::App& app, CliContext& ctx) {
    struct EncArgs {
        std::string dataset, model, pooling = "cls", device = "auto";
        std::size_t batchSize = 64, maxLength = 0;
        bool json = false;
    };
    auto ea = std::make_shared<EncArgs>();
    CLI::App* enc = app.add_subcommand(
        "encode", "Encode a dataset's item texts with a model and fill the embedding cache");
    enc->add_option("dataset", ea->dataset, "Dataset")->required();
    enc->add_option("--model", ea->model, "Hugging Face model folder")->required();
    enc->add_option("--pooling", ea->pooling, "cls, mean or pooler")->capture_default_str();
    enc->add_option("--batch-size", ea->batchSize, "Texts per batch")->capture_default_str();
    enc->add_option("--max-length", ea->maxLength, "Tokens per text (0: the model's maximum)");
    enc->add_option("--device", ea->device, "auto, cpu or cuda")->capture_default_str();
    enc->add_flag("--json", ea->json, "Print JSON");
    enc->callback([&ctx, ea] {
        configureCpuRuntime(ctx.effectiveThreads());
        BertLoadOptions lo;
        lo.device = ea->device;
        BertEncoder encoder = BertEncoder::load(ea->model, lo);
        const Pooling pooling = parsePooling(ea->pooling);
        std::vector<ItemText> items = loadItemTexts(ctx.store(), ea->dataset);
        const std::string key = encoder.fingerprint() + ":" + ea->pooling + ":" +
                                std::to_string(ea->maxLength);
        EmbeddingCache cache(ctx.store(), key);
        const std::size_t dim = std::size_t(encoder.hiddenSize());
        std::vector<float> vectors;
        std::vector<std::size_t> missing = cache.lookup(items, dim, vectors);
        auto progress = ctx.progress("encode");
        const auto t0 = std::chrono::steady_clock::now();
        // Chunks keep the progress bar moving and let Ctrl-C stop between them; what was
        // encoded so far stays in the cache.
        const std::size_t chunk = std::max<std::size_t>(ea->batchSize * 8, 256);
        for (std::size_t start = 0; start < missing.size(); start += chunk) {
            if (!progress({"encoding", start, missing.size(), ""}))
                throw Cancelled();
            std::vector<std::size_t> which(missing.begin() + std::ptrdiff_t(start),
                                           missing.begin() +
                                               std::ptrdiff_t(std::min(missing.size(), start + chunk)));
            std::vector<std::string> texts;
            for (std::size_t i : which)
                texts.push_back(items[i].text);
            std::vector<float> rows = encoder.encode(texts, pooling, ea->batchSize, ea->maxLength);
            cache.store(items, which, rows, dim);
        }
        ctx.endProgress();
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double rate = secs > 0 ? double(missing.size()) / secs : 0.0;
        nlohmann::json j = {{"dataset", ea->dataset}, {"items", items.size()},
                            {"encoded", missing.size()}, {"cached", items.size() - missing.size()},
                            {"dim", dim}, {"seconds", secs}, {"items_per_second", rate},
                            {"device", encoder.device()}, {"encoder", key}};
        if (ea->json) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("%zu items: %zu encoded (%.0f items/s on %s), %zu from the cache\n",
                    items.size(), missing.size(), rate, encoder.device().c_str(),
                    items.size() - missing.size());
    });
}

} // namespace srw::cli
