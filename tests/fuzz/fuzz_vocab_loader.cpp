// Fuzz target of vocab.txt: the loader (one token a line, UTF-8 checked) and a tokenizer built on
// it, which must encode its own tokens within the vocabulary and save and reload unchanged.
#include "fuzz_support.h"

#include "srw/text/tokenizer.h"
#include "srw/util/error.h"

#include <optional>
#include <sys/stat.h>

namespace srw::fuzz {
std::vector<std::string> generatedCases() {
    std::string v = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
    return {v + std::string(10u << 20, 'a') + "\n", v + std::string(2u << 20, '\n')};
}
} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace srw::fuzz;
    std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::string path = writeScratch("vocab.txt", in);
    std::optional<srw::Tokenizer> t;
    try {
        t.emplace(srw::Tokenizer::fromVocabFile(path));
    } catch (const std::runtime_error&) {
        return 0; // InputError (bad bytes, empty, too big) or a missing special token
    }
    const auto& vocab = t->vocab();
    std::size_t n = 0;
    for (const auto& tok : vocab) {
        if (++n > 64)
            break;
        for (auto id : t->tokenizeToIds(tok))
            SRW_FUZZ_CHECK(id >= 0 && std::size_t(id) < t->vocabSize());
        (void)t->encode(tok + " " + tok);
    }
    bool lineSafe = true;
    for (const auto& tok : vocab)
        lineSafe = lineSafe && (tok.empty() || tok.back() != '\r');
    if (lineSafe) {
        const std::string dir = scratchDir() + "/saved";
        ::mkdir(dir.c_str(), 0700);
        t->save(dir);
        const auto back = srw::Tokenizer::fromDirectory(dir);
        SRW_FUZZ_CHECK(back.vocab() == vocab);
    }
    return 0;
}
