// Fuzz target of the safetensors reader (header length, JSON header, dtypes, shapes, offsets).
// A file it accepts must give every tensor's bytes and floats within the data, and must survive
// a write/read round trip unchanged.
#include "fuzz_support.h"

#include "srw/text/safetensors.h"

namespace {

void checkAccepted(const srw::SafeTensorsFile& f, std::size_t fileSize) {
    for (const auto& t : f.tensors()) {
        SRW_FUZZ_CHECK(f.find(t.name) == &t);
        SRW_FUZZ_CHECK(t.end >= t.begin && t.end <= fileSize);
        const std::string_view raw = f.rawData(t);
        SRW_FUZZ_CHECK(raw.size() == t.numel * srw::dtypeSize(t.dtype));
        SRW_FUZZ_CHECK(f.toFloat32(t).size() == t.numel);
    }
}

void roundTrip(const srw::SafeTensorsFile& f) {
    std::vector<srw::TensorToWrite> out;
    for (const auto& t : f.tensors()) {
        if (t.name.empty())
            return; // the writer refuses empty names, which the reader tolerates
        out.push_back({t.name, t.dtype, t.shape, f.rawData(t)});
    }
    const std::string bytes = srw::serializeSafeTensors(out, f.metadata());
    const auto back = srw::SafeTensorsFile::parse(bytes, "round trip");
    SRW_FUZZ_CHECK(back.tensors().size() == f.tensors().size());
    SRW_FUZZ_CHECK(back.metadata() == f.metadata());
    for (std::size_t i = 0; i < f.tensors().size(); ++i) {
        const auto& a = f.tensors()[i];
        const auto& b = back.tensors()[i];
        SRW_FUZZ_CHECK(a.name == b.name && a.dtype == b.dtype && a.shape == b.shape);
        SRW_FUZZ_CHECK(f.rawData(a) == back.rawData(b));
    }
}

} // namespace

namespace srw::fuzz {
std::vector<std::string> generatedCases() {
    // A header length of 2^64-1, and a 10 MB header of nested arrays.
    std::string huge(8, '\xFF');
    std::string nested = "{\"a\":" + std::string(5u << 20, '[') + std::string(5u << 20, ']') + "}";
    std::string len(8, '\0');
    for (int i = 0; i < 8; ++i)
        len[std::size_t(i)] = char((nested.size() >> (8 * i)) & 0xFF);
    return {huge + "{}", len + nested};
}
} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto f = srw::SafeTensorsFile::parse(bytes, "fuzz.safetensors");
        checkAccepted(f, size);
        roundTrip(f);
    } catch (const srw::SafeTensorsError&) {
    }
    // The same bytes under tight caps must be refused or accepted, never misread.
    srw::SafeTensorsLimits tight;
    tight.maxHeaderBytes = 64;
    tight.maxFileBytes = 256;
    try {
        const auto f = srw::SafeTensorsFile::parse(bytes, "fuzz.safetensors", tight);
        SRW_FUZZ_CHECK(size <= 256);
        checkAccepted(f, size);
    } catch (const srw::SafeTensorsError&) {
    }
    return 0;
}
