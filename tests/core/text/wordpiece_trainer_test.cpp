#include "srw/text/wordpiece_trainer.h"

#include "catalog.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace srw {
namespace {

std::vector<std::string> corpus() {
    auto texts = test::catalogNames();
    // Accents, CJK and emoji exercise the character coverage beyond ASCII.
    texts.push_back("Café résumé naïve ÉCOLE 蓝牙耳机 手机壳 😀 smart😀watch Straße");
    return texts;
}

TEST(WordPieceTrainer, IsDeterministicAndOrderIndependent) {
    const auto texts = corpus();
    ASSERT_GT(texts.size(), 100u);
    WordPieceTrainerOptions o;
    o.vocabSize = 600;
    const auto v1 = trainWordPieceVocab(texts, o);
    const auto v2 = trainWordPieceVocab(texts, o);
    EXPECT_EQ(v1, v2);
    auto reversed = texts;
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(trainWordPieceVocab(reversed, o), v1);
}

TEST(WordPieceTrainer, StartsWithSpecialsAndHasNoDuplicates) {
    WordPieceTrainerOptions o;
    o.vocabSize = 500;
    const auto v = trainWordPieceVocab(corpus(), o);
    ASSERT_GE(v.size(), 5u);
    EXPECT_EQ(std::vector<std::string>(v.begin(), v.begin() + 5),
              (std::vector<std::string>{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}));
    EXPECT_EQ(std::set<std::string>(v.begin(), v.end()).size(), v.size());
    EXPECT_LE(v.size(), 500u);
    EXPECT_GT(v.size(), 400u) << "the catalogue has enough frequent pairs to fill 500";
}

TEST(WordPieceTrainer, CoversItsTrainingCorpusWithoutUnk) {
    const auto texts = corpus();
    for (std::size_t size : {50u, 300u, 8000u}) {
        for (bool lower : {true, false}) {
            WordPieceTrainerOptions o;
            o.vocabSize = size;
            o.tokenizer.lowercase = lower;
            const Tokenizer tok = trainWordPieceTokenizer(texts, o);
            for (const auto& t : texts) {
                const auto ids = tok.tokenizeToIds(t);
                EXPECT_EQ(std::count(ids.begin(), ids.end(), tok.unkId()), 0)
                    << "size " << size << " lower " << lower << ": " << t;
            }
        }
    }
}

TEST(WordPieceTrainer, LearnsFrequentWordsWhole) {
    WordPieceTrainerOptions o;
    o.vocabSize = 2000;
    const Tokenizer tok = trainWordPieceTokenizer(corpus(), o);
    EXPECT_GE(tok.tokenToId("surface"), 0);
    EXPECT_GE(tok.tokenToId("sleeve"), 0);
    EXPECT_EQ(tok.tokenize("Surface Pro 3 Sleeve"),
              (std::vector<std::string>{"surface", "pro", "3", "sleeve"}));
}

TEST(WordPieceTrainer, ProgressCanCancel) {
    WordPieceTrainerOptions o;
    o.vocabSize = 8000;
    o.minFrequency = 1;
    EXPECT_THROW(trainWordPieceVocab(corpus(), o, [](const Progress&) { return false; }),
                 Cancelled);
}

} // namespace
} // namespace srw
