#pragma once
// Shared by the fuzz targets: one scratch folder per process, inputs written to files there, and
// the "@@name flags" first line by which a corpus file picks the name the importer sees.
//
// Every target defines LLVMFuzzerTestOneInput. Built with clang and -fsanitize=fuzzer it is a
// libFuzzer binary (scripts/fuzz.sh); built normally it is linked with replay_main.cpp and ctest
// replays the target's corpus folder (label fuzz-replay), plus the cases of generatedCases() that
// are too big to commit (the 10 MB lines).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace srw::fuzz {

/** Inputs the replay adds to the corpus: generated because they are too big to commit. */
std::vector<std::string> generatedCases();

/** A bug the sanitizers cannot see (a broken invariant): report it and abort like a crash. */
[[noreturn]] inline void bug(const char* what) {
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}
#define SRW_FUZZ_CHECK(cond)                                                                       \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::srw::fuzz::bug(#cond);                                                               \
    } while (0)

/** A folder of this process under TMPDIR (removed at exit, with what the targets left in it). */
inline const std::string& scratchDir() {
    static const std::string dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/srw-fuzz-XXXXXX";
        if (!::mkdtemp(tmpl.data()))
            throw std::runtime_error("cannot create a scratch folder");
        static std::string keep = tmpl;
        std::atexit([] {
            std::string cmd = "rm -rf '" + keep + "'";
            if (std::system(cmd.c_str()) != 0)
                std::fprintf(stderr, "could not remove %s\n", keep.c_str());
        });
        return tmpl;
    }();
    return dir;
}

/** Writes bytes to scratchDir()/name (replacing it) and returns the path. */
inline std::string writeScratch(const std::string& name, std::string_view bytes) {
    std::string path = scratchDir() + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        throw std::runtime_error("cannot write " + path);
    if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
        std::fclose(f);
        throw std::runtime_error("short write to " + path);
    }
    std::fclose(f);
    return path;
}

inline void removeScratch(const std::string& name) {
    ::unlink((scratchDir() + "/" + name).c_str());
}

/**
 * An input's optional first line "@@NAME [FLAG…]": the file name the code under test sees (some
 * formats are told by name or extension) and flags such as "lenient". NAME keeps only
 * [A-Za-z0-9._-] (at most 60 characters); without the line, the target's default name is used.
 */
struct Framed {
    std::string name;
    std::vector<std::string> flags;
    std::string_view body;
    bool has(std::string_view flag) const {
        for (const auto& f : flags)
            if (f == flag)
                return true;
        return false;
    }
};

inline Framed unframe(std::string_view in, const std::string& defaultName) {
    Framed f{defaultName, {}, in};
    if (in.substr(0, 2) != "@@")
        return f;
    std::size_t nl = in.find('\n');
    std::string_view head = in.substr(2, nl == std::string_view::npos ? in.npos : nl - 2);
    f.body = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    std::vector<std::string> words;
    std::string cur;
    for (char c : head) {
        if (c == ' ') {
            if (!cur.empty())
                words.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        words.push_back(cur);
    if (!words.empty()) {
        std::string name;
        for (char c : words[0])
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-')
                name += c;
        if (!name.empty() && name.size() <= 60 && name != "." && name != "..")
            f.name = name;
        f.flags.assign(words.begin() + 1, words.end());
    }
    return f;
}

} // namespace srw::fuzz
