// Fuzz target of the WordPiece tokenizer on the golden BERT vocabulary: text (any bytes) through
// encode, encodePair, encodeBatch, tokenize and decode, under options taken from the first byte.
// Checks the encoding's parallel arrays, the id range and the truncation and padding lengths.
#include "fuzz_support.h"

#include "srw/text/tokenizer.h"

#include <memory>

#ifndef SRW_GOLDEN_DIR
#error "SRW_GOLDEN_DIR is the folder of the golden files"
#endif

namespace {

const srw::Tokenizer& tokenizer(bool cased) {
    static const auto uncased =
        std::make_unique<srw::Tokenizer>(srw::Tokenizer::fromVocabFile(
            std::string(SRW_GOLDEN_DIR) + "/bert-tiny/vocab.txt"));
    static const auto casedTok = [] {
        srw::TokenizerOptions o;
        o.lowercase = false;
        o.stripAccents = false;
        o.tokenizeChineseChars = false;
        o.maxInputCharsPerWord = 1000;
        return std::make_unique<srw::Tokenizer>(srw::Tokenizer::fromVocabFile(
            std::string(SRW_GOLDEN_DIR) + "/bert-tiny/vocab.txt", o));
    }();
    return cased ? *casedTok : *uncased;
}

void checkEncoding(const srw::Tokenizer& t, const srw::Encoding& e, const srw::EncodeOptions& o,
                   std::size_t specials) {
    SRW_FUZZ_CHECK(e.typeIds.size() == e.ids.size());
    SRW_FUZZ_CHECK(e.attentionMask.size() == e.ids.size());
    SRW_FUZZ_CHECK(!o.withTokens || e.tokens.size() == e.ids.size());
    for (std::size_t i = 0; i < e.ids.size(); ++i) {
        SRW_FUZZ_CHECK(e.ids[i] >= 0 && std::size_t(e.ids[i]) < t.vocabSize());
        if (o.withTokens)
            SRW_FUZZ_CHECK(e.tokens[i] == t.idToToken(e.ids[i]));
    }
    const std::size_t maxLen = o.maxLength ? o.maxLength : t.options().modelMaxLength;
    if (o.truncate)
        SRW_FUZZ_CHECK(e.ids.size() <= std::max(maxLen, specials));
    if (o.padding == srw::Padding::MaxLength)
        SRW_FUZZ_CHECK(e.ids.size() >= maxLen);
    if (o.addSpecialTokens && !e.ids.empty())
        SRW_FUZZ_CHECK(e.ids[0] == t.clsId());
}

} // namespace

namespace srw::fuzz {
std::vector<std::string> generatedCases() {
    std::string many;
    for (int i = 0; i < 200000; ++i)
        many += "[MASK]\xE4\xB8\xAD ";
    return {std::string(1, '\0') + std::string(10u << 20, 'a'), std::string(1, '\x07') + many};
}
} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::uint8_t mode = data[0];
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const srw::Tokenizer& t = tokenizer(mode & 1);
    srw::EncodeOptions o;
    o.addSpecialTokens = (mode & 2) == 0;
    o.truncate = (mode & 4) == 0;
    o.padding = (mode & 8) ? srw::Padding::MaxLength
                           : (mode & 16) ? srw::Padding::Longest : srw::Padding::None;
    o.maxLength = (mode >> 5) * 3; // 0 (the model's 512), 3, 6 … 21: tiny budgets truncate often
    o.withTokens = (mode & 16) == 0;

    checkEncoding(t, t.encode(text, o), o, o.addSpecialTokens ? 2 : 0);
    const std::size_t tab = text.find('\t');
    const std::size_t cut = tab == text.npos ? text.size() / 2 : tab;
    checkEncoding(t, t.encodePair(text.substr(0, cut), text.substr(std::min(cut + 1, text.size())), o),
                  o, o.addSpecialTokens ? 3 : 0);

    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size() && lines.size() < 16) {
        std::size_t nl = text.find('\n', start);
        lines.emplace_back(text.substr(start, nl == text.npos ? text.npos : nl - start));
        start = nl == text.npos ? text.size() : nl + 1;
    }
    const auto batch = t.encodeBatch(lines, o);
    SRW_FUZZ_CHECK(batch.size() == lines.size());
    for (const auto& e : batch) {
        SRW_FUZZ_CHECK(e.ids.size() == batch.front().ids.size() ||
                       o.padding != srw::Padding::Longest);
        SRW_FUZZ_CHECK(e.typeIds.size() == e.ids.size() && e.attentionMask.size() == e.ids.size());
    }

    const auto ids = t.tokenizeToIds(text);
    const auto tokens = t.tokenize(text);
    SRW_FUZZ_CHECK(ids.size() == tokens.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        SRW_FUZZ_CHECK(tokens[i] == t.idToToken(ids[i]));
    (void)t.decode(ids);
    return 0;
}
