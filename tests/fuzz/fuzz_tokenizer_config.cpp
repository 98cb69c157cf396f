// Fuzz target of tokenizer_config.json (or, with a first line "@@tokenizer.json", of
// tokenizer.json) next to the golden vocab.txt: the options read must build a tokenizer that
// encodes, and saving and reloading must keep them.
#include "fuzz_support.h"

#include "srw/text/tokenizer.h"
#include "srw/util/error.h"

#include <fstream>
#include <sstream>
#include <optional>
#include <sys/stat.h>

#ifndef SRW_GOLDEN_DIR
#error "SRW_GOLDEN_DIR is the folder of the golden files"
#endif

namespace srw::fuzz {
std::vector<std::string> generatedCases() {
    return {"{\"model_max_length\":" + std::string(1u << 20, '9') + "}",
            "@@tokenizer.json\n{\"normalizer\":" + std::string(1u << 20, '[') + "}"};
}
} // namespace srw::fuzz

namespace {
const std::string& goldenVocab() {
    static const std::string v = [] {
        std::ifstream in(std::string(SRW_GOLDEN_DIR) + "/bert-tiny/vocab.txt", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }();
    return v;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace srw::fuzz;
    const Framed in = unframe(std::string_view(reinterpret_cast<const char*>(data), size),
                              "tokenizer_config.json");
    const std::string name =
        in.name == "tokenizer.json" ? "tokenizer.json" : "tokenizer_config.json";
    const std::string dir = scratchDir() + "/tok";
    ::mkdir(dir.c_str(), 0700);
    writeScratch("tok/vocab.txt", goldenVocab());
    removeScratch("tok/tokenizer.json");
    removeScratch("tok/tokenizer_config.json");
    writeScratch("tok/" + name, in.body);
    std::optional<srw::Tokenizer> t;
    try {
        t.emplace(srw::Tokenizer::fromDirectory(dir));
    } catch (const std::runtime_error&) {
        return 0; // bad JSON (InputError) or special tokens the vocabulary lacks
    }
    srw::EncodeOptions o;
    o.padding = srw::Padding::MaxLength;
    o.maxLength = 16;
    const auto e = t->encode("Hello, [MASK] world! 中文 Ünïcödé", o);
    SRW_FUZZ_CHECK(e.ids.size() == 16);
    const std::string out = scratchDir() + "/tok-saved";
    ::mkdir(out.c_str(), 0700);
    t->save(out);
    const auto back = srw::Tokenizer::fromDirectory(out);
    const auto& a = t->options();
    const auto& b = back.options();
    SRW_FUZZ_CHECK(a.lowercase == b.lowercase && a.stripAccents == b.stripAccents &&
                   a.tokenizeChineseChars == b.tokenizeChineseChars &&
                   a.modelMaxLength == b.modelMaxLength && a.unkToken == b.unkToken &&
                   a.sepToken == b.sepToken && a.padToken == b.padToken &&
                   a.clsToken == b.clsToken && a.maskToken == b.maskToken);
    return 0;
}
