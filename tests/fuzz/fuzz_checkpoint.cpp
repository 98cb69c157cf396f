// Fuzz target of a checkpoint folder as the encoder's loader reads it, torch-free: config.json
// and model.safetensors from files (with the pickle refusal and the size checks of read()).
// The input is config.json, then a line "@@model.safetensors", then the weights' bytes; a
// missing separator gives an empty weights file.
#include "fuzz_support.h"

#include "srw/text/bert_config.h"
#include "srw/text/safetensors.h"
#include "srw/util/error.h"

#include <optional>
#include <sys/stat.h>

namespace srw::fuzz {
std::vector<std::string> generatedCases() { return {}; }
} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace srw::fuzz;
    std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::string_view sep = "\n@@model.safetensors\n";
    const std::size_t at = in.find(sep);
    const std::string_view config = in.substr(0, at);
    const std::string_view weights =
        at == in.npos ? std::string_view() : in.substr(at + sep.size());
    const std::string dir = scratchDir() + "/checkpoint";
    ::mkdir(dir.c_str(), 0700);
    writeScratch("checkpoint/config.json", config);
    writeScratch("checkpoint/model.safetensors", weights);

    std::optional<srw::BertConfig> cfg;
    try {
        cfg = srw::BertConfig::fromJsonFile(dir + "/config.json");
        cfg->validate();
    } catch (const srw::InputError&) {
    }
    try {
        srw::SafeTensorsLimits limits;
        limits.maxFileBytes = 1u << 20;
        const auto f = srw::SafeTensorsFile::read(dir + "/model.safetensors", limits);
        SRW_FUZZ_CHECK(weights.size() <= limits.maxFileBytes);
        for (const auto& t : f.tensors())
            SRW_FUZZ_CHECK(f.toFloat32(t).size() == t.numel);
        // A tensor the config implies has as many elements as its shape says (what the loader
        // compares before copying).
        if (cfg)
            if (const auto* w = f.find("embeddings.word_embeddings.weight"))
                if (w->shape == std::vector<std::int64_t>{cfg->vocabSize, cfg->hiddenSize})
                    SRW_FUZZ_CHECK(w->numel == std::uint64_t(cfg->vocabSize * cfg->hiddenSize));
    } catch (const srw::SafeTensorsError&) {
    }
    return 0;
}
