// Data commands: import, datasets, rename, delete, backup, stats.
#include "cli_context.h"

#include "srw/data/csv_importer.h"
#include "srw/data/dataset_stats.h"
#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace srw::cli {
namespace {

char parseDelimiter(const std::string& s) {
    std::string l = toLower(s);
    if (l.empty() || l == "auto")
        return 0;
    if (l == "\\t" || l == "tab" || l == "\t")
        return '\t';
    if (l == "comma" || l == ",")
        return ',';
    if (l == "semicolon" || l == ";")
        return ';';
    if (l == "pipe" || l == "|")
        return '|';
    throw UsageError("unsupported delimiter '" + s + "' (use , ; | or tab)");
}

nlohmann::json reportJson(const ImportReport& r) {
    nlohmann::json j;
    j["dataset"] = r.dataset;
    j["dataset_id"] = r.datasetId;
    j["rows"] = r.rows;
    j["events"] = r.events;
    j["sessions"] = r.sessions;
    j["new_items"] = r.newItems;
    j["items_updated"] = r.itemsUpdated;
    j["skipped_rows"] = r.skipped;
    j["first_errors"] = r.firstErrors;
    j["seconds"] = r.seconds;
    if (!r.timeFormat.empty())
        j["time_format"] = r.timeFormat;
    return j;
}

void printImport(const ImportReport& r, const std::string& path) {
    if (r.events > 0 || r.itemsUpdated == 0)
        std::printf("%s: %llu events in %llu sessions into '%s' (%llu new items) in %.2f s\n",
                    path.c_str(), (unsigned long long)r.events, (unsigned long long)r.sessions,
                    r.dataset.c_str(), (unsigned long long)r.newItems, r.seconds);
    else
        std::printf("%s: %llu catalogue rows into '%s' (%llu new items) in %.2f s\n", path.c_str(),
                    (unsigned long long)r.itemsUpdated, r.dataset.c_str(),
                    (unsigned long long)r.newItems, r.seconds);
    if (r.skipped > 0) {
        std::printf("skipped %llu bad rows (lenient mode); the first:\n",
                    (unsigned long long)r.skipped);
        for (const auto& e : r.firstErrors)
            std::printf("  %s\n", e.c_str());
    }
}

struct ImportArgs {
    std::string path, dataset, format = "auto", delimiter, columns, itemColumns, timeFormat = "auto";
    std::string items, split;
    bool noHeader = false, header = false, lenient = false, json = false;
    int gap = 30;
};

void runImport(CliContext& ctx, const ImportArgs& a) {
    DelimitedImportOptions o;
    o.delimiter = parseDelimiter(a.delimiter);
    if (a.noHeader && a.header)
        throw UsageError("--header and --no-header contradict each other");
    o.header = a.noHeader ? HeaderMode::Absent : a.header ? HeaderMode::Present : HeaderMode::Auto;
    o.timeFormat = a.timeFormat;
    o.sessionGapMinutes = a.gap;
    o.lenient = a.lenient;
    if (!a.split.empty())
        o.splitPart = a.split;
    SessionStore& store = ctx.store();
    std::string format = toLower(a.format);
    if (format.empty() || format == "auto") {
        try {
            format = detectFormat(a.path);
        } catch (const InputError&) {
            // An explicit column mapping says "a generic log" when the shape says nothing.
            if (a.columns.empty())
                throw;
            format = "csv";
        }
    }
    if (format == "catalog")
        o.columns = ColumnMapping::parse(a.columns, {"id", "title", "description", "category"});
    else
        o.columns = ColumnMapping::parse(a.columns, {"session", "user", "item", "time", "event"});
    o.format = format;
    nlohmann::json out = nlohmann::json::array();
    ImportReport r = importFile(store, a.dataset, a.path, format, o, ctx.progress("import"));
    ctx.endProgress();
    a.json ? void(out.push_back(reportJson(r))) : printImport(r, a.path);
    if (!a.items.empty()) {
        DelimitedImportOptions io;
        io.columns = ColumnMapping::parse(a.itemColumns, {"id", "title", "description", "category"});
        io.lenient = a.lenient;
        io.format = "catalog";
        ImportReport r = importCatalogCsv(store, a.dataset, a.items, io, ctx.progress("items"));
        ctx.endProgress();
        a.json ? void(out.push_back(reportJson(r))) : printImport(r, a.items);
    }
    if (a.json)
        std::cout << (out.size() == 1 ? out[0] : out).dump(2) << "\n";
}

} // namespace

void addDataCommands(CLI::App& app, CliContext& ctx) {
    auto args = std::make_shared<ImportArgs>();
    CLI::App* imp = app.add_subcommand("import", "Import a session log (or an item catalogue) into a dataset");
    imp->add_option("path", args->path, "The file to import")->required()->check(CLI::ExistingFile);
    imp->add_option("--dataset,-d", args->dataset, "Dataset to create or add to")->required();
    imp->add_option("--format,-f", args->format,
                    "auto (detected), csv (generic log), catalog (item texts), yoochoose, "
                    "diginetica, retailrocket, recbole, sessionrec")
        ->capture_default_str();
    imp->add_option("--delimiter", args->delimiter, "Field delimiter: , ; | or tab (default: sniffed)");
    imp->add_flag("--no-header", args->noHeader, "The first row is data");
    imp->add_flag("--header", args->header, "The first row is a header (default: detected)");
    imp->add_option("--columns", args->columns,
                    "Column roles by header name or 0-based index, e.g. "
                    "session=SessionId,item=2,time=ts (catalog: id,title,description,category)");
    imp->add_option("--time-format", args->timeFormat,
                    "auto, s (epoch seconds), ms (epoch ms), iso, or a pattern like "
                    "yyyy/MM/ddTHH:mm:ss")
        ->capture_default_str();
    imp->add_option("--session-gap", args->gap,
                    "Inactivity gap in minutes that splits a user's events into sessions when the "
                    "log has no session column")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    imp->add_option("--items", args->items, "Item catalogue to attach (CSV: id, title, description, category)")
        ->check(CLI::ExistingFile);
    imp->add_option("--item-columns", args->itemColumns, "Column roles of the --items file");
    imp->add_option("--split", args->split, "Mark the imported sessions as this part of the split")
        ->check(CLI::IsMember({"train", "valid", "test"}));
    imp->add_flag("--lenient", args->lenient, "Skip bad rows (reports how many and the first few)");
    imp->add_flag("--json", args->json, "Print the import report as JSON");
    imp->callback([&ctx, args] { runImport(ctx, *args); });

    auto json = std::make_shared<bool>(false);
    CLI::App* list = app.add_subcommand("datasets", "List the workspace's datasets");
    list->add_flag("--json", *json, "Print JSON");
    list->callback([&ctx, json] {
        auto all = ctx.store().listDatasets();
        if (*json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& d : all)
                j.push_back({{"id", d.id}, {"name", d.name}, {"created", d.createdAt},
                             {"events", d.events}, {"sessions", d.sessions}, {"items", d.items}});
            std::cout << j.dump(2) << "\n";
            return;
        }
        if (all.empty()) {
            std::printf("No datasets yet. Import one with: srw import FILE --dataset NAME\n");
            return;
        }
        std::printf("%-30s %12s %10s %9s  %s\n", "NAME", "EVENTS", "SESSIONS", "ITEMS", "CREATED");
        for (const auto& d : all)
            std::printf("%-30s %12lld %10lld %9lld  %s\n", d.name.c_str(), (long long)d.events,
                        (long long)d.sessions, (long long)d.items, d.createdAt.c_str());
    });

    auto names = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* ren = app.add_subcommand("rename", "Rename a dataset");
    ren->add_option("name", names->first, "Current name")->required();
    ren->add_option("new_name", names->second, "New name")->required();
    ren->callback([&ctx, names] {
        ctx.store().renameDataset(names->first, names->second);
        std::printf("renamed '%s' to '%s'\n", names->first.c_str(), names->second.c_str());
    });

    auto delName = std::make_shared<std::string>();
    CLI::App* del = app.add_subcommand("delete", "Delete a dataset with its splits and runs");
    del->add_option("name", *delName, "Dataset")->required();
    del->callback([&ctx, delName] {
        ctx.store().deleteDataset(*delName);
        std::printf("deleted '%s'\n", delName->c_str());
    });

    auto backupPath = std::make_shared<std::string>();
    CLI::App* bak = app.add_subcommand("backup", "Copy the whole workspace to a file (online backup)");
    bak->add_option("path", *backupPath, "Destination file")->required();
    bak->callback([&ctx, backupPath] {
        ctx.store().backup(*backupPath, ctx.progress("backup"));
        ctx.endProgress();
        std::printf("backed up %s to %s\n", ctx.store().path().c_str(), backupPath->c_str());
    });

    auto statsArgs = std::make_shared<std::pair<std::string, bool>>();
    CLI::App* st = app.add_subcommand("stats", "Statistics of a dataset (and of each split part)");
    st->add_option("name", statsArgs->first, "Dataset")->required();
    st->add_flag("--json", statsArgs->second, "Print one JSON object");
    st->callback([&ctx, statsArgs] {
        DatasetStats s = computeDatasetStats(ctx.store(), statsArgs->first);
        nlohmann::json j = datasetStatsToJson(s);
        if (statsArgs->second) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("dataset   %s\n", s.dataset.c_str());
        std::printf("events    %lld\nsessions  %lld\nitems     %lld (catalogue %lld, with text %lld)\n",
                    (long long)s.all.events, (long long)s.all.sessions, (long long)s.all.items,
                    (long long)s.catalogItems, (long long)s.itemsWithText);
        std::printf("users     %s\n", s.all.users ? std::to_string(*s.all.users).c_str() : "-");
        if (s.all.firstTsMs)
            std::printf("time      %s .. %s\n", j["first_time"].get<std::string>().c_str(),
                        j["last_time"].get<std::string>().c_str());
        for (const auto& [part, p] : s.parts)
            std::printf("%-9s %lld events, %lld sessions, %lld items\n", part.c_str(),
                        (long long)p.events, (long long)p.sessions, (long long)p.items);
    });
}

} // namespace srw::cli
