#include "ml_forward.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace srw::cli {

const std::vector<MlCommand>& mlCommands() {
    static const std::vector<MlCommand> kCommands = {
        {"train", nullptr, "Train the BERT+MLP recommender (runs srw-ml)"},
        {"pretrain", nullptr, "Pre-train the embedded BERT on a dataset's texts (runs srw-ml)"},
        {"encode", nullptr, "Encode item texts into the embedding cache (runs srw-ml)"},
        {"sweep", nullptr, "Evaluate a trained model over an α grid (runs srw-ml)"},
        {"bandit", nullptr, "Replay the test stream with a bandit choosing α (runs srw-ml)"},
        {"coldstart", nullptr, "Evaluate new and rare target items (runs srw-ml)"},
        {"recommend", nullptr, "Recommend for an item sequence, with explanations (runs srw-ml)"},
        {"similarity", nullptr, "Item-item similarity matrices (runs srw-ml)"},
        {"export", "model", nullptr},
    };
    return kCommands;
}

bool isMlCommandLine(int argc, char** argv) {
    std::vector<std::string> words;
    for (int i = 1; i < argc && words.size() < 2; ++i) {
        const std::string a = argv[i];
        if (a == "--db" || a == "--threads") {
            ++i; // the option's value
            continue;
        }
        if (!a.empty() && a[0] == '-')
            continue;
        words.push_back(a);
    }
    if (words.empty())
        return false;
    for (const auto& c : mlCommands())
        if (words[0] == c.command && (!c.subcommand || (words.size() > 1 && words[1] == c.subcommand)))
            return true;
    return false;
}

std::string execMl(const std::vector<std::string>& args) {
    char self[4096];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir = ".";
    if (n > 0) {
        self[n] = '\0';
        dir = self;
        dir = dir.substr(0, dir.find_last_of('/'));
    }
    const std::string path = dir + "/srw-ml";
    std::vector<char*> argv;
    std::vector<std::string> copy = args;
    copy[0] = path;
    for (auto& a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(path.c_str(), argv.data());
    return "this command needs srw-ml (the CLI with LibTorch), which could not be started from " +
           path + ": " + std::strerror(errno) + " (a build with -DSRW_BUILD_TORCH=OFF has none)";
}

void addMlPlaceholders(CLI::App& app, const std::vector<std::string>& args) {
    for (const auto& c : mlCommands()) {
        if (c.subcommand)
            continue;
        CLI::App* sub = app.add_subcommand(c.command, c.description);
        sub->prefix_command();
        // Reached only when isMlCommandLine() did not see the command (unusual option order).
        sub->callback([args] { throw std::runtime_error(execMl(args)); });
    }
}

} // namespace srw::cli
