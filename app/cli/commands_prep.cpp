// Preparation commands: prepare, split, generate-sample.
#include "cli_context.h"

#include "srw/data/preparation.h"
#include "srw/data/splitter.h"
#include "srw/sample/log_generator.h"
#include "srw/sample/sample_generator.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace srw::cli {

void addPrepCommands(CLI::App& app, CliContext& ctx) {
    struct PrepArgs {
        std::string dataset;
        PrepareOptions o;
        bool noBots = false, preview = false, json = false;
    };
    auto pa = std::make_shared<PrepArgs>();
    CLI::App* prep = app.add_subcommand(
        "prepare", "Filter a dataset as session-based benchmarks do (marks, never deletes)");
    prep->add_option("name", pa->dataset, "Dataset")->required();
    prep->add_option("--min-session-length", pa->o.minSessionLength, "Drop shorter sessions")
        ->capture_default_str();
    prep->add_option("--min-item-support", pa->o.minItemSupport,
                     "Drop events of items seen fewer times")
        ->capture_default_str();
    prep->add_flag("--iterate", pa->o.iterate,
                   "Repeat the item and session filters until nothing changes");
    prep->add_flag("--collapse-duplicates", pa->o.collapseDuplicates,
                   "Drop exact consecutive duplicates (same session, item and time)");
    prep->add_flag("--no-bot-filter", pa->noBots, "Keep sessions that look automated");
    prep->add_option("--bot-max-events", pa->o.botMaxEvents, "A longer session is a bot")
        ->capture_default_str();
    prep->add_option("--bot-max-median-gap-ms", pa->o.botMaxMedianGapMs,
                     "A median click gap of at most this (over 10+ events) is a bot")
        ->capture_default_str();
    prep->add_flag("--preview", pa->preview, "Only report what would be dropped");
    prep->add_flag("--json", pa->json, "Print the summary as JSON");
    prep->callback([&ctx, pa] {
        pa->o.botFilter = !pa->noBots;
        PrepareSummary s = prepareDataset(ctx.store(), pa->dataset, pa->o, pa->preview,
                                          ctx.progress("prepare"));
        ctx.endProgress();
        nlohmann::json j = prepareSummaryToJson(s);
        j["dataset"] = pa->dataset;
        j["preview"] = pa->preview;
        j["options"] = prepareOptionsToJson(pa->o);
        if (pa->json) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("%s '%s': %lld -> %lld sessions, %lld -> %lld events, %lld -> %lld items\n",
                    pa->preview ? "would prepare" : "prepared", pa->dataset.c_str(),
                    (long long)s.sessionsBefore, (long long)s.sessionsAfter,
                    (long long)s.eventsBefore, (long long)s.eventsAfter, (long long)s.itemsBefore,
                    (long long)s.itemsAfter);
        std::printf("  bots %lld sessions (%lld events); duplicates %lld found, %lld collapsed\n"
                    "  short sessions %lld, then %lld after dropping %lld events of %lld rare "
                    "items (%d pass%s)\n",
                    (long long)s.botSessions, (long long)s.botEvents, (long long)s.duplicateEvents,
                    (long long)s.duplicatesCollapsed, (long long)s.shortSessionsFirst,
                    (long long)s.shortSessionsAfter, (long long)s.rareItemEvents,
                    (long long)s.rareItems, s.passes, s.passes == 1 ? "" : "es");
    });

    struct SplitArgs {
        std::string dataset;
        SplitOptions o;
        bool json = false;
    };
    auto sa = std::make_shared<SplitArgs>();
    CLI::App* split = app.add_subcommand("split", "Split a dataset into train, valid and test");
    split->add_option("name", sa->dataset, "Dataset")->required();
    split->add_option("--method", sa->o.method, "temporal or leave_last_out")
        ->capture_default_str()
        ->check(CLI::IsMember({"temporal", "leave_last_out", "leave-last-out"}));
    split->add_option("--test-days", sa->o.testDays, "Temporal: the last N days are test")
        ->capture_default_str();
    split->add_option("--valid-days", sa->o.validDays,
                      "Temporal: the N days before test are validation (0: none)")
        ->capture_default_str();
    split->add_option("--name", sa->o.name, "Name of the split (default: the method)");
    split->add_flag("--json", sa->json, "Print the summary as JSON");
    split->callback([&ctx, sa] {
        if (sa->o.method == "leave-last-out")
            sa->o.method = "leave_last_out";
        SplitSummary s = splitDataset(ctx.store(), sa->dataset, sa->o, ctx.progress("split"));
        ctx.endProgress();
        nlohmann::json j = splitSummaryToJson(s);
        j["dataset"] = sa->dataset;
        const std::vector<SplitWarning> warnings = splitWarnings(s, sa->o);
        j["warnings"] = nlohmann::json::array();
        for (const SplitWarning& w : warnings)
            j["warnings"].push_back(w.text);
        if (sa->json) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("split '%s' of '%s' (%s): train %lld sessions, valid %lld, test %lld; "
                    "%lld test events (%lld items) unseen in training\n",
                    s.name.c_str(), sa->dataset.c_str(), s.method.c_str(),
                    (long long)s.train.sessions, (long long)s.valid.sessions,
                    (long long)s.test.sessions, (long long)s.testEventsUnseen,
                    (long long)s.testItemsUnseen);
        std::fflush(stdout);
        for (const SplitWarning& w : warnings)
            std::fprintf(stderr, "warning: %s\n", w.text.c_str());
    });

    struct LogArgs {
        LogOptions o;
        std::string out;
    };
    auto la = std::make_shared<LogArgs>();
    CLI::App* glog = app.add_subcommand(
        "generate-log", "Write a large synthetic click log (benchmarks, load tests)");
    glog->add_option("--out", la->out, "Output file")->required();
    glog->add_option("--format", la->o.format, "yoochoose, csv or sessionrec")
        ->capture_default_str();
    glog->add_option("--events", la->o.events, "Number of events")->capture_default_str();
    glog->add_option("--items", la->o.items, "Number of items")->capture_default_str();
    glog->add_option("--seed", la->o.seed, "Random seed")->capture_default_str();
    glog->callback([&ctx, la] {
        LogSummary s = generateLog(la->o, la->out, ctx.progress("generate"));
        ctx.endProgress();
        std::printf("wrote %s: %llu events in %llu sessions (%llu bytes)\n", la->out.c_str(),
                    (unsigned long long)s.events, (unsigned long long)s.sessions,
                    (unsigned long long)s.bytes);
    });

    struct GenArgs {
        SampleOptions o;
        std::string out = "sample_data";
    };
    auto ga = std::make_shared<GenArgs>();
    CLI::App* gen = app.add_subcommand(
        "generate-sample", "Write the deterministic synthetic e-commerce dataset (events + items)");
    gen->add_option("--seed", ga->o.seed, "Random seed")->capture_default_str();
    gen->add_option("--out", ga->out, "Output folder")->capture_default_str();
    gen->add_option("--items", ga->o.itemCount, "Number of items")->capture_default_str();
    gen->add_option("--sessions", ga->o.sessionCount, "Number of shopper sessions")
        ->capture_default_str();
    gen->add_option("--days", ga->o.days, "Days covered")->capture_default_str();
    gen->callback([&ctx, ga] {
        SampleSummary s = generateSample(ga->o, ga->out, ctx.progress("generate"));
        ctx.endProgress();
        std::printf("wrote %s/events.csv (%lld events, %lld sessions) and items.csv (%lld items)\n",
                    ga->out.c_str(), (long long)s.events, (long long)s.sessions,
                    (long long)s.items);
    });
}

} // namespace srw::cli
