#pragma once
// `srw` starts without LibTorch (loading it costs ~0.35 s and ~150 MB for every command); the
// commands that need it live in `srw-ml`, the same CLI linked with the model, and `srw` hands
// them over by exec'ing it with the same arguments. `srw-ml` can also be called directly.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace srw::cli {

/** @brief A command served by srw-ml: "train", or a sub-command pair like "export model". */
struct MlCommand {
    const char* command;
    const char* subcommand; ///< nullptr: the whole command
    const char* description;
};

/** @brief The commands srw hands over to srw-ml (a test checks srw-ml has each one). */
const std::vector<MlCommand>& mlCommands();

/** @brief True when argv names one of mlCommands() (global options before it are skipped). */
bool isMlCommandLine(int argc, char** argv);

/**
 * @brief Replaces this process with srw-ml (found next to this executable) on the same
 * arguments. Returns only when srw-ml cannot be started, with the reason.
 */
std::string execMl(const std::vector<std::string>& args);

/** @brief Lists the whole-command entries of mlCommands() in srw's help; they run srw-ml. */
void addMlPlaceholders(CLI::App& app, const std::vector<std::string>& args);

} // namespace srw::cli
