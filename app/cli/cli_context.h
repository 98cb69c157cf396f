#pragma once
#include "srw/data/session_store.h"
#include "srw/util/progress.h"

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace srw::cli {

/** @brief Exit statuses documented in `srw --help`. */
enum ExitCode { kOk = 0, kUsage = 2, kBadInput = 3, kFailure = 4 };

/** @brief What every command shares: global options, the workspace, the progress display. */
class CliContext {
public:
    std::string dbPath;   ///< --db, or the XDG default
    int threads = 0;      ///< --threads; 0 = all cores
    bool quiet = false;   ///< --quiet: no progress bar

    /** @brief Opens (and migrates) the workspace on first use. */
    SessionStore& store();
    /** @brief A progress callback drawing a bar on a terminal and honouring Ctrl-C. */
    ProgressFn progress(const std::string& title);
    /** @brief Ends the progress bar line, if one was drawn. */
    void endProgress();
    int effectiveThreads() const;
    /** @brief The command line as given, for handing a command over to srw-ml. */
    std::vector<std::string> args;

private:
    std::unique_ptr<SessionStore> m_store;
    std::function<void()> m_endBar;
};

/** @brief Each command group registers its subcommands here; see commands_*.cpp. */
void addDataCommands(CLI::App& app, CliContext& ctx);
void addPrepCommands(CLI::App& app, CliContext& ctx);
void addEvalCommands(CLI::App& app, CliContext& ctx);
void addTrainCommands(CLI::App& app, CliContext& ctx);
void addTextCommands(CLI::App& app, CliContext& ctx);
/// srw-ml only (LibTorch): see ml_forward.h.
void addEncodeCommands(CLI::App& app, CliContext& ctx);
void addReportCommands(CLI::App& app, CliContext& ctx);
/// srw-ml only: sweep, bandit, coldstart, recommend, similarity, export model (commands_analysis.cpp).
void addAnalysisCommands(CLI::App& app, CliContext& ctx);
/// srw-ml only: recommend, similarity, export model (commands_recommend.cpp).
void addRecommendCommands(CLI::App& app, CliContext& ctx);

} // namespace srw::cli
