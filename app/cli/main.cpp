// srw: SessionRec Workbench on the command line. Parses arguments, runs one command, and maps
// failures to the documented exit statuses.
#include "cli_context.h"
#include "ml_forward.h"
#include "terminal_progress.h"

#include "srw/data/database.h"
#include "srw/util/error.h"
#include "srw/util/paths.h"
#include "srw/util/version.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

using namespace srw;
using namespace srw::cli;

int main(int argc, char** argv) {
    CliContext ctx;
    ctx.args.assign(argv, argv + argc);
#ifndef SRW_CLI_WITH_ML
    if (isMlCommandLine(argc, argv)) {
        std::fprintf(stderr, "error: %s\n", execMl(ctx.args).c_str());
        return kFailure;
    }
#endif
    CLI::App app{"srw: SessionRec Workbench, session-based recommendation from the command line.\n"
                 "Datasets, splits and runs live in one SQLite workspace (--db, default " +
                 defaultDatabasePath() + ")."};
    app.footer("Exit status: 0 success, 2 bad usage, 3 bad input data, 4 other failure.\n"
               "Run `srw COMMAND --help` for a command's options.");
    app.set_version_flag("--version", std::string("srw ") + kVersion);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--db", ctx.dbPath, "Workspace database file")->type_name("PATH");
    app.add_option("--threads", ctx.threads, "Worker threads (default: all cores)")
        ->check(CLI::Range(1, 1024));
    app.add_flag("--quiet,-q", ctx.quiet, "No progress bar");
    app.add_flag_callback(
        "--verbose,-v", [] { spdlog::set_level(spdlog::level::debug); }, "Log details to stderr");

    addDataCommands(app, ctx);
    addPrepCommands(app, ctx);
    addEvalCommands(app, ctx);
    addTextCommands(app, ctx);
#ifdef SRW_CLI_WITH_ML
    addTrainCommands(app, ctx);
    addEncodeCommands(app, ctx);
#else
    addMlPlaceholders(app, ctx.args);
#endif
    addReportCommands(app, ctx);
#ifdef SRW_CLI_WITH_ML
    addAnalysisCommands(app, ctx);
    addRecommendCommands(app, ctx); // after report: it adds `export model`
#endif

    auto logger = spdlog::stderr_color_mt("srw");
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%^%l%$: %v");
    spdlog::set_level(spdlog::level::warn);
    installInterruptHandler();

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    } catch (const UsageError& e) {
        ctx.endProgress();
        spdlog::error("{}", e.what());
        return kUsage;
    } catch (const InputError& e) {
        ctx.endProgress();
        spdlog::error("{}", e.what());
        return kBadInput;
    } catch (const Cancelled&) {
        ctx.endProgress();
        spdlog::error("cancelled; nothing was changed");
        return kFailure;
    } catch (const DatabaseError& e) {
        ctx.endProgress();
        spdlog::error("{}", e.what());
        return kFailure;
    } catch (const std::exception& e) {
        ctx.endProgress();
        spdlog::error("{}", e.what());
        return kFailure;
    }
    return kOk;
}
