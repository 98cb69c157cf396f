// Fuzz target of DelimitedReader (RFC 4180 over libcsv, with the unquoted fast path): every
// input is read to the end with a sniffed delimiter and UTF-8 checks, then with ';' and without
// them. Records must start on increasing lines and the reader must account for every byte.
#include "fuzz_support.h"

#include "srw/parsers/delimited_reader.h"
#include "srw/util/error.h"

namespace {

void readAll(const std::string& path, srw::DelimitedOptions options) {
    try {
        srw::DelimitedReader reader(path, options);
        SRW_FUZZ_CHECK(reader.delimiter() != 0);
        srw::Record r;
        std::uint64_t lastLine = 0;
        bool ok = true;
        while (ok) {
            try {
                ok = reader.next(r);
            } catch (const srw::InputError&) {
                // Malformed quoting or bad bytes: the caller decides whether to skip the record.
                SRW_FUZZ_CHECK(reader.bytesRead() <= reader.fileSize());
                continue;
            }
            if (!ok)
                break;
            SRW_FUZZ_CHECK(!r.fields.empty());
            SRW_FUZZ_CHECK(r.line > lastLine);
            lastLine = r.line;
            for (std::string_view f : r.fields) {
                if (options.checkUtf8)
                    SRW_FUZZ_CHECK(f.find('\0') == std::string_view::npos);
                (void)f.size();
            }
        }
        SRW_FUZZ_CHECK(reader.bytesRead() == reader.fileSize());
    } catch (const srw::InputError&) {
        // Empty file, unreadable file or an over-long line.
    }
}

} // namespace

namespace srw::fuzz {

std::vector<std::string> generatedCases() {
    const std::string big(10u << 20, 'x');
    return {
        "a,b\n" + big + ",1\n",                                   // a 10 MB unquoted line
        "a,b\n\"" + big + "\r\n" + big.substr(0, 1000) + "\",1\n", // a 10 MB quoted field
        "a,b\n\"" + big,                                          // unclosed at end of file
        std::string(10u << 20, '"'),                              // 10 MB of quotes
        std::string(5u << 20, '\n') + "a,b",                      // 5M blank lines
    };
}

} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string path = srw::fuzz::writeScratch("input.csv", bytes);
    readAll(path, {0, true});
    readAll(path, {';', false});
    const char d = srw::DelimitedReader::sniffDelimiter(bytes);
    SRW_FUZZ_CHECK(d == ',' || d == '\t' || d == ';' || d == '|');
    return 0;
}
