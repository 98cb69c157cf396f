#include "srw/util/sha256.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace srw {
namespace {

std::string hexOf(Sha256::Engine engine, const std::string& data, std::size_t chunk) {
    Sha256 h(engine);
    for (std::size_t i = 0; i < data.size(); i += chunk)
        h.update(data.data() + i, std::min(chunk, data.size() - i));
    return h.hexDigest();
}

struct Vector {
    std::string input;
    const char* hex;
};

// FIPS 180-4 examples and NIST's long-message vector, plus lengths around the padding edges.
std::vector<Vector> knownVectors() {
    return {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
         "lmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
        {std::string(1000000, 'a'),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    };
}

class Sha256Engines : public ::testing::TestWithParam<Sha256::Engine> {};

TEST_P(Sha256Engines, KnownVectorsWholeAndInPieces) {
    for (const Vector& v : knownVectors()) {
        for (std::size_t chunk : {std::size_t(1), std::size_t(7), std::size_t(64),
                                  std::size_t(1000), std::size_t(1) << 20}) {
            if (chunk == 1 && v.input.size() > 10000)
                continue;
            EXPECT_EQ(hexOf(GetParam(), v.input, chunk), v.hex)
                << "length " << v.input.size() << ", pieces of " << chunk;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(, Sha256Engines,
                         ::testing::Values(Sha256::Engine::Auto, Sha256::Engine::Portable));

TEST(Sha256, HardwareEqualsPortableOnRandomInputs) {
    if (!Sha256::hardwareAvailable())
        GTEST_SKIP() << "this CPU has no SHA extensions; Auto is the portable code";
    std::mt19937_64 rng(20261128);
    for (int trial = 0; trial < 300; ++trial) {
        // Every length 0..200 once (the padding's edges at 55, 56, 63, 64), then long ones.
        const std::size_t n = trial <= 200 ? std::size_t(trial) : std::size_t(rng() % 100000);
        std::string data(n, '\0');
        for (char& c : data)
            c = char(rng());
        const std::size_t chunk = 1 + rng() % 300;
        EXPECT_EQ(hexOf(Sha256::Engine::Auto, data, chunk),
                  hexOf(Sha256::Engine::Portable, data, n + 1))
            << "length " << n << ", pieces of " << chunk;
    }
}

TEST(Sha256, DifferentInputsDiffer) {
    EXPECT_NE(sha256Hex("abc"), sha256Hex("abd"));
    EXPECT_EQ(sha256Hex("abc"), hexOf(Sha256::Engine::Portable, "abc", 3));
}

} // namespace
} // namespace srw
