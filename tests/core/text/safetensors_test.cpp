#include "srw/text/safetensors.h"

#include "golden.h"
#include "test_dirs.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

namespace srw {
namespace {

std::string withHeader(const std::string& header, const std::string& data) {
    std::string out;
    const std::uint64_t n = header.size();
    for (int i = 0; i < 8; ++i)
        out.push_back(char((n >> (8 * i)) & 0xFF));
    return out + header + data;
}

using test::readBytes;

/** Expects parse() to throw a SafeTensorsError whose message holds the file name and `what`. */
void expectRejected(const std::string& bytes, const std::string& what) {
    try {
        SafeTensorsFile::parse(bytes, "bad.safetensors");
        ADD_FAILURE() << "accepted; expected: " << what;
    } catch (const SafeTensorsError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("bad.safetensors"), std::string::npos) << msg;
        EXPECT_NE(msg.find(what), std::string::npos) << msg;
    }
}

const std::string kF32x4 = std::string(16, '\0');

TEST(SafeTensors, ReadsGoldenFiles) {
    const auto f = SafeTensorsFile::read(test::goldenDir() + "/mlm/model.safetensors");
    EXPECT_EQ(f.tensors().size(), 44u);
    EXPECT_EQ(f.metadata().at("format"), "pt");
    const auto* w = f.find("bert.embeddings.word_embeddings.weight");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->shape, (std::vector<std::int64_t>{330, 32}));
    EXPECT_EQ(w->dtype, DType::F32);
    EXPECT_EQ(f.find("cls.predictions.decoder.weight"), nullptr);
}

TEST(SafeTensors, UpcastsHalfAndBFloat16) {
    const auto f32 = SafeTensorsFile::read(test::goldenDir() + "/base/model.safetensors");
    for (const char* dir : {"base-f16", "base-bf16"}) {
        SCOPED_TRACE(dir);
        const auto h = SafeTensorsFile::read(test::goldenDir() + "/" + dir + "/model.safetensors");
        ASSERT_EQ(h.tensors().size(), f32.tensors().size());
        const double rel = std::string(dir) == "base-f16" ? 1.0 / 2048 : 1.0 / 256;
        for (const auto& t : h.tensors()) {
            const auto* ref = f32.find(t.name);
            ASSERT_NE(ref, nullptr) << t.name;
            const auto a = h.toFloat32(t);
            const auto b = f32.toFloat32(*ref);
            ASSERT_EQ(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i)
                ASSERT_LE(std::abs(a[i] - b[i]), rel * std::abs(b[i]) + 1e-7) << t.name;
        }
    }
}

TEST(SafeTensors, WriterReproducesTheReferenceLayout) {
    const std::string path = test::goldenDir() + "/base/model.safetensors";
    const auto f = SafeTensorsFile::read(path);
    std::vector<TensorToWrite> ts;
    for (const auto& t : f.tensors())
        ts.push_back({t.name, t.dtype, t.shape, f.rawData(t)});
    const std::string bytes = serializeSafeTensors(ts);
    EXPECT_EQ(bytes.size() % 8, 0u);
    const auto back = SafeTensorsFile::parse(bytes, "round trip");
    ASSERT_EQ(back.tensors().size(), f.tensors().size());
    for (const auto& t : back.tensors())
        EXPECT_EQ(back.rawData(t), f.rawData(*f.find(t.name))) << t.name;
    // Python's safetensors writes the same layout, so the whole file comes out identical.
    EXPECT_EQ(bytes, readBytes(path));
}

TEST(SafeTensorsMalformed, Truncated) {
    const std::string good = readBytes(test::goldenDir() + "/base/model.safetensors");
    expectRejected(good.substr(0, 5), "too short");
    expectRejected(good.substr(0, 100), "runs past the end of the file");
    expectRejected(good.substr(0, good.size() - 1), "truncated?");
}

TEST(SafeTensorsMalformed, OverlappingOffsets) {
    expectRejected(
        withHeader(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},)"
                   R"("b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}})",
                   std::string(24, '\0')),
        "overlap");
    expectRejected(withHeader(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})",
                              kF32x4),
                   "unused bytes");
    expectRejected(withHeader(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
                              kF32x4),
                   "not described by the header");
}

TEST(SafeTensorsMalformed, ShapeDtypeMismatch) {
    expectRejected(withHeader(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,8]}})",
                              std::string(8, '\0')),
                   "which need 16 bytes, but its data_offsets span 8");
    expectRejected(withHeader(R"({"a":{"dtype":"F16","shape":[4],"data_offsets":[0,16]}})",
                              kF32x4),
                   "which need 8 bytes");
    expectRejected(
        withHeader(R"({"a":{"dtype":"F32","shape":[4611686018427387904,8],"data_offsets":[0,16]}})",
                   kF32x4),
        "overflows");
    expectRejected(withHeader(R"({"a":{"dtype":"F32","shape":[-4],"data_offsets":[0,16]}})",
                              kF32x4),
                   "non-negative");
    expectRejected(withHeader(R"({"a":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}})",
                              kF32x4),
                   "dtype I64, which srw does not read");
    expectRejected(withHeader(R"({"a":{"dtype":"Q4","shape":[2],"data_offsets":[0,16]}})",
                              kF32x4),
                   "unknown dtype");
}

TEST(SafeTensorsMalformed, HeaderTooLarge) {
    std::string bytes(64, ' ');
    const std::uint64_t n = 200'000'000;
    std::memcpy(bytes.data(), &n, 8);
    expectRejected(bytes, "is too large");
}

TEST(SafeTensorsMalformed, BadJson) {
    expectRejected(withHeader(R"({"a":{"dtype":"F32",)", kF32x4), "not valid JSON");
    expectRejected(withHeader(R"([1,2,3])", ""), "not valid JSON");
    expectRejected(withHeader(R"({"a":{"dtype":"F32","shape":[4]}})", kF32x4),
                   "needs string \"dtype\"");
    expectRejected(withHeader(R"({"__metadata__":{"format":7}})", ""), "not a string");
}

TEST(SafeTensors, RefusesPickleCheckpoints) {
    const auto dir = test::makeTempDir("safetensors_pickle");
    const auto bin = dir + "/pytorch_model.bin";
    const auto zip = dir + "/disguised.safetensors";
    std::ofstream(bin, std::ios::binary) << "\x80\x02}q\x00.";
    std::ofstream(zip, std::ios::binary) << "PK\x03\x04rest";
    for (const auto& p : {bin, zip}) {
        try {
            SafeTensorsFile::read(p);
            ADD_FAILURE() << "accepted " << p;
        } catch (const SafeTensorsError& e) {
            EXPECT_NE(std::string(e.what()).find("save_file"), std::string::npos) << e.what();
        }
    }
    test::removeTree(dir);
}

} // namespace
} // namespace srw
