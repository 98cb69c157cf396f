#include "srw/text/bert_encoder.h"
#include "srw/text/safetensors.h"

#include "golden.h"
#include "test_dirs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

namespace srw {
namespace {

using nlohmann::json;

void flatten(const json& j, std::vector<float>& out) {
    if (j.is_array()) {
        for (const auto& x : j)
            flatten(x, out);
    } else {
        out.push_back(j.get<float>());
    }
}

std::vector<float> flat(const json& j) {
    std::vector<float> out;
    flatten(j, out);
    return out;
}

const json& model() { return test::golden()["model"]; }

BertBatch goldenBatch() {
    BertBatch b;
    const auto& m = model();
    b.batchSize = std::int64_t(m["input_ids"].size());
    b.seqLen = std::int64_t(m["input_ids"][0].size());
    for (const auto& row : m["input_ids"])
        for (const auto& v : row)
            b.inputIds.push_back(v.get<std::int64_t>());
    for (const auto& row : m["attention_mask"])
        for (const auto& v : row)
            b.attentionMask.push_back(v.get<std::int64_t>());
    for (const auto& row : m["token_type_ids"])
        for (const auto& v : row)
            b.tokenTypeIds.push_back(v.get<std::int64_t>());
    return b;
}

/** README's rule: |got − want| ≤ tol wherever compare_mask holds; inner = values per position. */
void expectCloseMasked(const std::vector<float>& got, const json& want, std::size_t inner,
                       const char* what) {
    const auto w = flat(want);
    ASSERT_EQ(got.size(), w.size()) << what;
    std::vector<bool> mask;
    for (const auto& row : model()["compare_mask"])
        for (const auto& v : row)
            mask.push_back(v.get<bool>());
    const double tol = model()["tolerance_abs"].get<double>();
    double worst = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!mask[(i / inner) % mask.size()])
            continue;
        worst = std::max(worst, double(std::abs(got[i] - w[i])));
    }
    EXPECT_LE(worst, tol) << what;
}

void expectCloseAll(const std::vector<float>& got, const json& want, const char* what) {
    const auto w = flat(want);
    ASSERT_EQ(got.size(), w.size()) << what;
    double worst = 0;
    for (std::size_t i = 0; i < got.size(); ++i)
        worst = std::max(worst, double(std::abs(got[i] - w[i])));
    EXPECT_LE(worst, model()["tolerance_abs"].get<double>()) << what;
}

std::string dir(const char* sub) { return test::goldenDir() + "/" + sub; }

using test::readBytes;

TEST(BertEncoderGolden, MaskedLmLayoutMatchesReference) {
    const auto enc = BertEncoder::load(dir("mlm"));
    EXPECT_TRUE(enc.hasMlmHead());
    EXPECT_TRUE(enc.hasPooler());
    BertForwardOptions o;
    o.hiddenStates = true;
    o.mlmLogits = true;
    const auto out = enc.forward(goldenBatch(), o);
    const std::size_t h = 32;
    ASSERT_EQ(out.hiddenStates.size(), 3u);
    for (std::size_t l = 0; l < 3; ++l)
        expectCloseMasked(out.hiddenStates[l], model()["hidden_states"][l], h, "hidden_states");
    expectCloseMasked(out.lastHiddenState, model()["last_hidden_state"], h, "last_hidden_state");
    expectCloseAll(out.poolerOutput, model()["pooler_output"], "pooler_output");
    expectCloseMasked(out.mlmLogits, model()["mlm_logits"], 330, "mlm_logits");
}

TEST(BertEncoderGolden, BaseLayoutMatchesReference) {
    const auto enc = BertEncoder::load(dir("base"));
    EXPECT_FALSE(enc.hasMlmHead());
    const auto out = enc.forward(goldenBatch());
    expectCloseMasked(out.lastHiddenState, model()["last_hidden_state"], 32, "last_hidden_state");
    expectCloseAll(out.poolerOutput, model()["pooler_output"], "pooler_output");
}

TEST(BertEncoderGolden, HalfAndBFloat16MatchTheirOwnReferences) {
    for (const char* v : {"f16", "bf16"}) {
        SCOPED_TRACE(v);
        const auto& ref = model()["variants"][v];
        const auto enc = BertEncoder::load(dir(ref["folder"].get<std::string>().c_str()));
        const auto out = enc.forward(goldenBatch());
        expectCloseMasked(out.lastHiddenState, ref["last_hidden_state"], 32, "last_hidden_state");
        expectCloseAll(out.poolerOutput, ref["pooler_output"], "pooler_output");
    }
}

TEST(BertEncoderGolden, CudaMatchesReference) {
    if (!BertEncoder::cudaAvailable())
        GTEST_SKIP() << "no CUDA device";
    BertLoadOptions lo;
    lo.device = "cuda";
    const auto enc = BertEncoder::load(dir("mlm"), lo);
    EXPECT_EQ(enc.device(), "cuda:0");
    BertForwardOptions o;
    o.mlmLogits = true;
    const auto out = enc.forward(goldenBatch(), o);
    expectCloseMasked(out.lastHiddenState, model()["last_hidden_state"], 32, "last_hidden_state");
    expectCloseAll(out.poolerOutput, model()["pooler_output"], "pooler_output");
    expectCloseMasked(out.mlmLogits, model()["mlm_logits"], 330, "mlm_logits");
}

TEST(BertEncoderGolden, TokenizerProducesTheReferenceInputs) {
    const auto enc = BertEncoder::load(dir("mlm"));
    std::map<std::string, json> cases;
    for (const auto& c : test::golden()["tokenizer"]["cases"])
        cases[c["name"].get<std::string>()] = c;
    const auto batch = goldenBatch();
    std::size_t row = 0;
    for (const auto& name : model()["cases"]) {
        const auto& c = cases.at(name.get<std::string>());
        const auto e = c.contains("text_pair")
                           ? enc.tokenizer().encodePair(c["text"].get<std::string>(),
                                                        c["text_pair"].get<std::string>())
                           : enc.tokenizer().encode(c["text"].get<std::string>());
        for (std::size_t j = 0; j < e.ids.size(); ++j) {
            EXPECT_EQ(batch.inputIds[row * std::size_t(batch.seqLen) + j], e.ids[j]);
            EXPECT_EQ(batch.tokenTypeIds[row * std::size_t(batch.seqLen) + j], e.typeIds[j]);
        }
        ++row;
    }
}

TEST(BertEncoder, PaddingDoesNotChangeUnpaddedPositions) {
    const auto enc = BertEncoder::load(dir("mlm"));
    const auto tok = enc.tokenizer();
    const auto alone = tok.encodeBatch({"wireless headphones black"});
    EncodeOptions padded;
    padded.padding = Padding::MaxLength;
    padded.maxLength = 20;
    const auto withPad = tok.encodeBatch({"wireless headphones black"}, padded);
    const auto a = enc.forward(BertBatch::fromEncodings(alone, tok.padId()));
    const auto b = enc.forward(BertBatch::fromEncodings(withPad, tok.padId()));
    const std::size_t n = alone[0].ids.size() * 32;
    for (std::size_t i = 0; i < n; ++i)
        EXPECT_NEAR(a.lastHiddenState[i], b.lastHiddenState[i], 1e-5) << i;
    for (std::size_t i = 0; i < 32; ++i)
        EXPECT_NEAR(a.poolerOutput[i], b.poolerOutput[i], 1e-5);
}

TEST(BertEncoder, EncodePoolsLikeForward) {
    const auto enc = BertEncoder::load(dir("mlm"));
    const std::vector<std::string> texts = {"Wireless Bluetooth Headphones - Black",
                                            "蓝牙耳机 wireless 手机壳", "", "the [MASK] case"};
    const auto cls = enc.encode(texts, Pooling::Cls, 3);
    const auto mean = enc.encode(texts, Pooling::Mean, 2);
    const auto pooler = enc.encode(texts, Pooling::Pooler, 1);
    ASSERT_EQ(cls.size(), texts.size() * 32);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto e = enc.tokenizer().encodeBatch({texts[i]});
        const auto out = enc.forward(BertBatch::fromEncodings(e, 0));
        const std::size_t t = e[0].ids.size();
        for (std::size_t k = 0; k < 32; ++k) {
            EXPECT_NEAR(cls[i * 32 + k], out.lastHiddenState[k], 1e-5);
            EXPECT_NEAR(pooler[i * 32 + k], out.poolerOutput[k], 1e-5);
            double sum = 0;
            for (std::size_t j = 0; j < t; ++j)
                sum += out.lastHiddenState[j * 32 + k];
            EXPECT_NEAR(mean[i * 32 + k], sum / double(t), 1e-5);
        }
    }
}

TEST(BertEncoder, SaveLoadRoundTripsBitExactly) {
    for (const char* src : {"mlm", "base"}) {
        SCOPED_TRACE(src);
        const auto enc = BertEncoder::load(dir(src));
        const auto out = test::makeTempDir(std::string("save_") + src);
        enc.save(out);
        for (const char* f : {"config.json", "vocab.txt", "tokenizer_config.json"})
            EXPECT_TRUE(test::exists(out + "/" + f)) << f;
        // Same names, layout and bytes as the reference file that Python wrote.
        EXPECT_EQ(readBytes(out + "/model.safetensors"),
                  readBytes(dir(src) + "/model.safetensors"));
        // For checking with Python transformers elsewhere (see the device script's README).
        if (const char* keep = std::getenv("SRW_TEXT_EXPORT_DIR"))
            enc.save(std::string(keep) + "/" + src);
        const auto back = BertEncoder::load(out);
        EXPECT_EQ(back.fingerprint(), enc.fingerprint());
        BertForwardOptions o;
        o.mlmLogits = enc.hasMlmHead();
        const auto a = enc.forward(goldenBatch(), o);
        const auto b = back.forward(goldenBatch(), o);
        EXPECT_EQ(a.lastHiddenState, b.lastHiddenState);
        EXPECT_EQ(a.poolerOutput, b.poolerOutput);
        EXPECT_EQ(a.mlmLogits, b.mlmLogits);
        test::removeTree(out);
    }
}

TEST(BertEncoder, CreateSaveLoad) {
    const auto tok = Tokenizer::fromDirectory(dir("mlm"));
    BertConfig c = BertConfig::embeddedDefault(std::int64_t(tok.vocabSize()));
    c.hiddenSize = 16;
    c.intermediateSize = 32;
    c.maxPositionEmbeddings = 32;
    const auto enc = BertEncoder::create(c, tok, true, 7);
    EXPECT_TRUE(enc.hasMlmHead());
    EXPECT_FALSE(enc.hasPooler());
    const auto out = test::makeTempDir("create");
    enc.save(out);
    const auto back = BertEncoder::load(out);
    EXPECT_TRUE(back.hasMlmHead());
    EXPECT_EQ(back.fingerprint(), enc.fingerprint());
    EXPECT_EQ(back.encode({"black case"}, Pooling::Mean), enc.encode({"black case"}, Pooling::Mean));
    EXPECT_THROW(enc.encode({"x"}, Pooling::Pooler), std::invalid_argument);
    test::removeTree(out);
}

void expectLoadError(const std::string& d, const std::string& what) {
    try {
        BertEncoder::load(d);
        ADD_FAILURE() << "loaded; expected " << what;
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
}

TEST(BertEncoder, RefusesBadCheckpoints) {
    const auto d = test::makeTempDir("bad_checkpoint");
    test::copyFiles(dir("base"), d);
    std::remove((d + "/model.safetensors").c_str());
    test::writeBytes(d + "/pytorch_model.bin", "PK\x03\x04");
    expectLoadError(d, "save_file");

    std::remove((d + "/pytorch_model.bin").c_str());
    const auto ref = SafeTensorsFile::read(dir("base") + "/model.safetensors");
    std::vector<TensorToWrite> ts;
    for (const auto& t : ref.tensors())
        if (t.name != "encoder.layer.1.output.dense.bias")
            ts.push_back({t.name, t.dtype, t.shape, ref.rawData(t)});
    writeSafeTensors(d + "/model.safetensors", ts);
    expectLoadError(d, "missing BERT tensors: bert.encoder.layer.1.output.dense.bias");

    test::copyFiles(dir("base"), d);
    std::string cfg = readBytes(d + "/config.json");
    cfg.replace(cfg.find("\"intermediate_size\": 64"), 23, "\"intermediate_size\": 65");
    test::writeBytes(d + "/config.json", cfg);
    expectLoadError(d, "but config.json implies [65, 32]");
    test::removeTree(d);
}

} // namespace
} // namespace srw
