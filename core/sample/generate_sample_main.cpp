// Stand-in for `srw generate-sample` while the CLI does not have the command:
//   srw-generate-sample [--seed N] [--out DIR]
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "srw/sample/sample_generator.h"

int main(int argc, char** argv) {
    srw::SampleOptions options;
    std::string out = "sample_data";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--seed" && i + 1 < argc) {
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else {
            std::fprintf(stderr, "usage: %s [--seed N] [--out DIR]\n", argv[0]);
            return 2;
        }
    }
    try {
        const srw::SampleSummary s = srw::generateSample(options, out);
        std::printf("%d items, %llu sessions, %llu events -> %s\n", s.items,
                    static_cast<unsigned long long>(s.sessions),
                    static_cast<unsigned long long>(s.events), out.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
