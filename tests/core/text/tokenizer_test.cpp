#include "srw/text/tokenizer.h"

#include "golden.h"
#include "test_dirs.h"

#include <gtest/gtest.h>

#include <chrono>

namespace srw {
namespace {

using nlohmann::json;

TokenizerOptions casedOptions() {
    TokenizerOptions o;
    o.lowercase = false;
    return o;
}

void checkCase(const Tokenizer& tok, const json& c, const json& want) {
    const std::string text = c["text"].get<std::string>();
    const Encoding e = c.contains("text_pair")
                           ? tok.encodePair(text, c["text_pair"].get<std::string>())
                           : tok.encode(text);
    EXPECT_EQ(e.ids, want["ids"].get<std::vector<std::int32_t>>());
    EXPECT_EQ(e.tokens, want["tokens"].get<std::vector<std::string>>());
    EXPECT_EQ(e.typeIds, want["type_ids"].get<std::vector<std::int32_t>>());
    EXPECT_EQ(e.attentionMask, std::vector<std::int32_t>(e.ids.size(), 1));
}

TEST(TokenizerGolden, UncasedCasesMatchHuggingFace) {
    const auto tok = Tokenizer::fromDirectory(test::goldenDir() + "/mlm");
    const auto& cases = test::golden()["tokenizer"]["cases"];
    ASSERT_EQ(cases.size(), 31u);
    for (const auto& c : cases) {
        SCOPED_TRACE(c["name"].get<std::string>());
        checkCase(tok, c, c["uncased"]);
    }
}

TEST(TokenizerGolden, CasedCasesMatchHuggingFace) {
    const auto tok =
        Tokenizer::fromVocabFile(test::goldenDir() + "/vocab.txt", casedOptions());
    for (const auto& c : test::golden()["tokenizer"]["cases"]) {
        SCOPED_TRACE(c["name"].get<std::string>());
        checkCase(tok, c, c["cased"]);
    }
}

TEST(Tokenizer, ReadsTokenizerConfig) {
    const auto tok = Tokenizer::fromDirectory(test::goldenDir() + "/mlm");
    EXPECT_TRUE(tok.options().lowercase);
    EXPECT_EQ(tok.options().modelMaxLength, 64u);
    EXPECT_EQ(tok.vocabSize(), 330u);
    EXPECT_EQ(tok.padId(), 0);
    EXPECT_EQ(tok.unkId(), 1);
    EXPECT_EQ(tok.clsId(), 2);
    EXPECT_EQ(tok.sepId(), 3);
    EXPECT_EQ(tok.maskId(), 4);
}

TEST(Tokenizer, TruncatesLongestFirstAndPads) {
    const auto tok = Tokenizer::fromDirectory(test::goldenDir() + "/mlm");
    EncodeOptions o;
    o.maxLength = 8;
    const auto single = tok.encode("wireless headphones black sleeve for laptop case", o);
    EXPECT_EQ(single.ids.size(), 8u);
    EXPECT_EQ(single.ids.front(), tok.clsId());
    EXPECT_EQ(single.ids.back(), tok.sepId());

    // 6 + 2 pieces, budget 8 - 3 = 5: the longer first loses 3 → 3 + 2.
    const auto a = tok.tokenize("wireless headphones black sleeve");
    const auto b = tok.tokenize("for laptop");
    ASSERT_EQ(a.size(), 6u);
    ASSERT_EQ(b.size(), 2u);
    const auto pair = tok.encodePair("wireless headphones black sleeve", "for laptop", o);
    EXPECT_EQ(pair.tokens,
              (std::vector<std::string>{"[CLS]", a[0], a[1], a[2], "[SEP]", b[0], b[1], "[SEP]"}));
    EXPECT_EQ(pair.typeIds, (std::vector<std::int32_t>{0, 0, 0, 0, 0, 1, 1, 1}));

    o.maxLength = 12;
    o.padding = Padding::MaxLength;
    const auto padded = tok.encode("black case", o);
    ASSERT_EQ(padded.ids.size(), 12u);
    EXPECT_EQ(padded.attentionMask,
              (std::vector<std::int32_t>{1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(padded.ids[4], tok.padId());
    EXPECT_EQ(padded.tokens[11], "[PAD]");

    EncodeOptions longest;
    longest.padding = Padding::Longest;
    const auto batch = tok.encodeBatch({"black", "wireless headphones case", ""}, longest);
    ASSERT_EQ(batch.size(), 3u);
    for (const auto& e : batch)
        EXPECT_EQ(e.ids.size(), batch[1].ids.size());
    EXPECT_EQ(batch[2].attentionMask[2], 0);
}

TEST(Tokenizer, SurvivesInvalidUtf8) {
    const auto tok = Tokenizer::fromDirectory(test::goldenDir() + "/mlm");
    const std::string bad = std::string("black\xff\xfe case \xe2\x82") + "x\xc0";
    const auto e = tok.encode(bad);
    EXPECT_EQ(tok.decode(e.ids), "black case x");
}

TEST(Tokenizer, SaveLoadRoundTrip) {
    const auto dir = test::makeTempDir("tokenizer_save");
    TokenizerOptions o = casedOptions();
    o.stripAccents = true;
    o.modelMaxLength = 40;
    const auto tok = Tokenizer::fromVocabFile(test::goldenDir() + "/vocab.txt", o);
    tok.save(dir);
    const auto back = Tokenizer::fromDirectory(dir);
    EXPECT_EQ(back.vocab(), tok.vocab());
    EXPECT_FALSE(back.options().lowercase);
    EXPECT_EQ(back.options().stripAccents, std::optional<bool>(true));
    EXPECT_EQ(back.options().modelMaxLength, 40u);
    test::removeTree(dir);
}

TEST(Tokenizer, HundredThousandTitlesInSeconds) {
    const auto tok = Tokenizer::fromDirectory(test::goldenDir() + "/mlm");
    std::vector<std::string> titles;
    for (int i = 0; i < 100000; ++i)
        titles.push_back("Wireless Bluetooth Headphones - Black #" + std::to_string(i) +
                         " Café résumé 蓝牙耳机 Laptop Sleeve 13\"");
    EncodeOptions o;
    o.withTokens = false;
    const auto t0 = std::chrono::steady_clock::now();
    const auto out = tok.encodeBatch(titles, o);
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(out.size(), titles.size());
    EXPECT_LT(s, 5.0) << "100k titles took " << s << " s";
}

} // namespace
} // namespace srw
