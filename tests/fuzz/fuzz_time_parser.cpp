// Fuzz target of TimeParser. The first line is the spec ("auto", "s", "ms", "iso" or a pattern),
// each further line a time. Every parsed time must format to ISO 8601 and, within years
// 1..9999, read back to the same instant.
#include "fuzz_support.h"

#include "srw/parsers/time_parser.h"
#include "srw/util/error.h"

namespace {

constexpr std::int64_t kYear1 = -62135596800000;     // 0001-01-01T00:00:00Z
constexpr std::int64_t kYear9999 = 253402300799999; // 9999-12-31T23:59:59.999Z

void parseLines(srw::TimeParser& parser, std::string_view rest) {
    srw::TimeParser iso("iso");
    std::size_t start = 0;
    while (start <= rest.size()) {
        std::size_t nl = rest.find('\n', start);
        std::string_view line = rest.substr(start, nl == rest.npos ? rest.npos : nl - start);
        if (auto ms = parser.parse(line)) {
            const std::string text = srw::TimeParser::formatIso(*ms);
            SRW_FUZZ_CHECK(!text.empty());
            if (*ms >= kYear1 && *ms <= kYear9999) {
                auto back = iso.parse(text);
                SRW_FUZZ_CHECK(back && *back == *ms);
            }
        }
        if (nl == rest.npos)
            break;
        start = nl + 1;
    }
}

} // namespace

namespace srw::fuzz {
std::vector<std::string> generatedCases() {
    return {"auto\n" + std::string(1u << 20, '9'), "yyyy" + std::string(1u << 20, '\'') + "\n1"};
}
} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    std::size_t nl = in.find('\n');
    std::string spec(in.substr(0, nl));
    std::string_view rest = nl == in.npos ? std::string_view() : in.substr(nl + 1);
    try {
        srw::TimeParser parser(spec);
        parseLines(parser, rest);
    } catch (const srw::UsageError&) {
        // A pattern without yyyy, MM and dd.
    }
    // The same times against every fixed spec, and the whole input as one time.
    for (const char* s : {"auto", "s", "ms", "iso", "yyyy/MM/dd HH:mm:ss.SSS"}) {
        srw::TimeParser p(s);
        parseLines(p, rest);
        p.parse(in);
    }
    // Any instant formats (the year may need more than four digits).
    if (size >= 8) {
        std::int64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v = std::int64_t(std::uint64_t(v) << 8 | data[i]);
        SRW_FUZZ_CHECK(!srw::TimeParser::formatIso(v).empty());
    }
    return 0;
}
