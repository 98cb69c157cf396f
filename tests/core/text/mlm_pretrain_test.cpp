#include "srw/parsers/delimited_reader.h"
#include "srw/text/mlm_pretrain.h"
#include "srw/text/wordpiece_trainer.h"

#include "catalog.h"
#include "test_dirs.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace srw {
namespace {

BertEncoder tinyModel(const std::vector<std::string>& texts) {
    WordPieceTrainerOptions wo;
    wo.vocabSize = 300;
    auto tok = trainWordPieceTokenizer(texts, wo);
    BertConfig c = BertConfig::embeddedDefault(std::int64_t(tok.vocabSize()));
    c.hiddenSize = 64;
    c.intermediateSize = 128;
    c.numAttentionHeads = 4;
    c.maxPositionEmbeddings = 48;
    c.hiddenDropoutProb = 0.0;
    c.attentionProbsDropoutProb = 0.0;
    return BertEncoder::create(c, tok, true, 1);
}

TEST(MlmPretrain, LowersLossAndBeatsChanceOnTheCatalogue) {
    const auto texts = test::catalogNames();
    auto enc = tinyModel(texts);
    MlmPretrainOptions o;
    o.epochs = 20;
    o.batchSize = 16;
    o.learningRate = 3e-3;
    o.maxLength = 48;
    o.device = "cpu";
    o.threads = 1; // the test machine is shared: more threads only spin
    int calls = 0;
    const auto r = pretrainMlm(enc, texts, o, [&](const Progress& p) {
        ++calls;
        EXPECT_FALSE(p.stage.empty());
        return true;
    });
    ASSERT_EQ(r.epochs.size(), 20u);
    EXPECT_FALSE(r.cancelled);
    EXPECT_GT(calls, 0);
    std::string log;
    for (const auto& e : r.epochs)
        log += std::to_string(e.epoch) + ": loss " + std::to_string(e.loss) + " acc " +
               std::to_string(e.maskedAccuracy) + "\n";
    // Single epochs are noisy (about 330 masked tokens each): compare the last three.
    double lateLoss = 0, lateAcc = 0;
    for (std::size_t i = r.epochs.size() - 3; i < r.epochs.size(); ++i) {
        lateLoss += r.epochs[i].loss / 3;
        lateAcc += r.epochs[i].maskedAccuracy / 3;
    }
    const double chance = 1.0 / double(enc.tokenizer().vocabSize());
    EXPECT_LT(lateLoss, 0.85 * r.epochs.front().loss) << log;
    EXPECT_GT(lateAcc, 10 * chance) << log;
}

TEST(MlmPretrain, TrainsOnCudaWithBf16Autocast) {
    if (!BertEncoder::cudaAvailable())
        GTEST_SKIP() << "no CUDA device";
    const auto texts = test::catalogNames();
    auto enc = tinyModel(texts);
    MlmPretrainOptions o;
    o.epochs = 20;
    o.batchSize = 16;
    o.learningRate = 3e-3;
    o.device = "cuda";
    const auto r = pretrainMlm(enc, texts, o);
    EXPECT_EQ(r.device, "cuda:0");
    ASSERT_EQ(r.epochs.size(), 20u);
    double lateLoss = 0;
    for (std::size_t i = r.epochs.size() - 3; i < r.epochs.size(); ++i)
        lateLoss += r.epochs[i].loss / 3;
    EXPECT_LT(lateLoss, 0.85 * r.epochs.front().loss);
    if (const char* keep = std::getenv("SRW_TEXT_EXPORT_DIR"))
        enc.save(std::string(keep) + "/pretrained");
    // The trained model encodes on the device it was trained on.
    EXPECT_EQ(enc.encode({"black sleeve"}, Pooling::Mean).size(), std::size_t(enc.hiddenSize()));
}

TEST(MlmPretrain, CancelStopsAndStillWritesTheCheckpoint) {
    const auto texts = test::catalogNames();
    auto enc = tinyModel(texts);
    const auto dir = test::makeTempDir("mlm_cancel");
    MlmPretrainOptions o;
    o.epochs = 3;
    o.device = "cpu";
    o.checkpointDir = dir;
    const auto r = pretrainMlm(enc, texts, o, [](const Progress&) { return false; });
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.epochs.empty());
    const auto back = BertEncoder::load(dir);
    EXPECT_TRUE(back.hasMlmHead());
    EXPECT_EQ(back.fingerprint(), enc.fingerprint());
    test::removeTree(dir);
}

TEST(MlmPretrain, RefusesAModelWithoutMlmHead) {
    const auto texts = test::catalogNames();
    WordPieceTrainerOptions wo;
    wo.vocabSize = 200;
    auto tok = trainWordPieceTokenizer(texts, wo);
    BertConfig c = BertConfig::embeddedDefault(std::int64_t(tok.vocabSize()));
    c.hiddenSize = 16;
    c.intermediateSize = 32;
    auto enc = BertEncoder::create(c, tok, false, 1);
    EXPECT_THROW(pretrainMlm(enc, texts), std::invalid_argument);
}

} // namespace
} // namespace srw

namespace srw {
namespace {

// Titles and descriptions of the bundled sample catalogue (English and Chinese).
std::vector<std::string> sampleItemTexts(std::size_t limit) {
    DelimitedReader reader(std::string(SRW_SOURCE_DIR) + "/sample_data/items.csv");
    Record r;
    reader.next(r); // header: item_id,title,description,category
    std::vector<std::string> texts;
    while (texts.size() < limit && reader.next(r))
        texts.push_back(std::string(r.fields[1]) + " " + std::string(r.fields[2]));
    return texts;
}

} // namespace

TEST(MlmPretrain, LowersLossAndBeatsChanceOnTheSampleData) {
    const auto texts = sampleItemTexts(400);
    ASSERT_EQ(texts.size(), 400u);
    WordPieceTrainerOptions wo;
    wo.vocabSize = 1000;
    auto tok = trainWordPieceTokenizer(texts, wo);
    BertConfig c = BertConfig::embeddedDefault(std::int64_t(tok.vocabSize()));
    c.hiddenSize = 64;
    c.intermediateSize = 128;
    c.maxPositionEmbeddings = 48;
    auto enc = BertEncoder::create(c, tok, true, 7);
    MlmPretrainOptions o;
    o.epochs = 6;
    o.batchSize = 32;
    o.learningRate = 3e-3;
    o.maxLength = 48;
    o.device = "cpu";
    o.threads = 1;
    const auto r = pretrainMlm(enc, texts, o);
    ASSERT_EQ(r.epochs.size(), 6u);
    const double chance = 1.0 / double(tok.vocabSize());
    EXPECT_LT(r.epochs.back().loss, 0.8 * r.epochs.front().loss);
    EXPECT_GT(r.epochs.back().maskedAccuracy, 20 * chance);
}

} // namespace srw
