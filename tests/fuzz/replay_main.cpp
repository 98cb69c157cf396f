// Replays a fuzz target's corpus without libFuzzer, so the normal (GCC) build runs every saved
// case: replay_TARGET FILE_OR_FOLDER… [--generated]. A crash, sanitizer report or uncaught
// exception fails the test like it would fail the fuzzer; the output names the input.
#include "fuzz_support.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <dirent.h>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>

namespace {

void collect(const std::string& path, std::vector<std::string>& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        std::cerr << "replay: no such file or folder: " << path << "\n";
        std::exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        out.push_back(path);
        return;
    }
    DIR* d = ::opendir(path.c_str());
    if (!d)
        return;
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.')
            names.emplace_back(e->d_name);
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names)
        collect(path + "/" + n, out);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void runOne(const std::string& label, const std::string& bytes) {
    try {
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    } catch (const std::exception& e) {
        std::cerr << "replay: " << label << ": uncaught exception: " << e.what() << "\n";
        std::exit(1);
    }
}

} // namespace

int main(int argc, char** argv) {
    bool generated = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--generated") == 0)
            generated = true;
        else
            collect(argv[i], files);
    }
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& f : files)
        runOne(f, readFile(f));
    std::size_t extra = 0;
    if (generated) {
        for (const auto& c : srw::fuzz::generatedCases())
            runOne("generated case " + std::to_string(++extra) + " (" + std::to_string(c.size()) +
                       " bytes)",
                   c);
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "replayed " << files.size() << " corpus files and " << extra
              << " generated cases in " << s << " s\n";
    return 0;
}
