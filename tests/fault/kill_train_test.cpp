// Kills `srw train` (which hands over to srw-ml in the same process) with SIGKILL at seeded random
// moments of a tiny training run and checks after each kill: integrity_check ok; every earlier
// dataset and run unchanged (workspace digest without the killed run, and the earlier run's
// folder of checkpoints and model byte for byte); the killed run absent, or resumable: its last
// recorded checkpoint is whole, `srw train --resume RUN` finishes it from there, and the result
// is the model an uninterrupted run trains (same weights' SHA-256: deterministic mode). The first
// trial kills as soon as the run is stored; the others at random moments, of the whole run (even
// trials) or of the training's progress (odd trials: after k checkpoints, then a random delay).
//
// The normal suite runs a few trials; scripts/fault-inject.sh runs more through the same test:
//   SRW_FAULT_TRAIN_TRIALS (default 2), SRW_FAULT_SEED (default 11).
#include "train_fault_support.h"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <memory>
#include <set>

using namespace srw::test;

namespace {

std::vector<std::string> srwArgs(const std::string& ws, std::vector<std::string> rest) {
    std::vector<std::string> a = {"--db", ws, "-q", "--threads", "1"};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
}

/** A tiny, deterministic configuration: a few seconds of training on one thread. */
std::vector<std::string> trainArgs(const std::string& ws, const std::string& runName) {
    return srwArgs(ws, {"train", "s", "--run-name", runName, "--mlp", "32", "--batch-size", "64",
                        "--negatives", "16", "--epochs", "6", "--lr", "0.003", "--seed", "7",
                        "--deterministic", "--device", "cpu", "--bootstrap", "0"});
}

/** Every 50th session of the sample data (400 sessions, spread over its whole month). */
void writeSampleSubset(const std::string& path) {
    std::ifstream in(std::string(SRW_SOURCE_DIR) + "/sample_data/events.csv", std::ios::binary);
    std::ofstream out(path, std::ios::binary);
    std::string line;
    std::getline(in, line);
    out << line << "\n";
    while (std::getline(in, line))
        if (std::strtol(line.c_str(), nullptr, 10) % 50 == 0)
            out << line << "\n";
}

std::string runStatus(const std::string& runsJson, const std::string& id) {
    const auto j = nlohmann::json::parse(runsJson, nullptr, false);
    if (j.is_array())
        for (const auto& r : j)
            if (std::to_string(r.value("id", std::int64_t(0))) == id)
                return r.value("status", "");
    return "<not listed>";
}

std::string modelSha(const std::string& ws, const std::string& id) {
    return queryText(ws, "SELECT json_extract(metrics, '$.model_sha256') FROM runs WHERE id = ?",
                     id);
}

} // namespace

TEST(KillTrain, EveryKillLeavesTheWorkspaceIntactAndTheRunResumable) {
    const long trials = envNumber("SRW_FAULT_TRAIN_TRIALS", 2);
    const unsigned seed = unsigned(envNumber("SRW_FAULT_SEED", 11));
    TempDir dir;
    const std::string ws = dir.file("workspace.sqlite");
    const std::string runsDir = dir.file("workspace-data/runs");
    const std::string events = dir.file("events.csv");
    writeSampleSubset(events);
    const std::string items = std::string(SRW_SOURCE_DIR) + "/sample_data/items.csv";
    const std::string other = dir.file("other.csv");
    writeClickLog(other, 400, seed + 1);

    // Earlier work that must survive: another dataset with an evaluation run, and a whole
    // training run (the reference every resumed run must reproduce).
    ASSERT_EQ(runSrw(dir, srwArgs(ws, {"import", other, "--dataset", "other"})).status, 0);
    ASSERT_EQ(runSrw(dir, srwArgs(ws, {"split", "other"})).status, 0);
    ChildResult ev = runSrw(dir, srwArgs(ws, {"eval", "other", "--model", "pop", "--k", "5"}));
    ASSERT_EQ(ev.status, 0) << ev.err;
    ChildResult imp = runSrw(dir, srwArgs(ws, {"import", events, "--dataset", "s", "--items", items}));
    ASSERT_EQ(imp.status, 0) << imp.err;
    ASSERT_EQ(runSrw(dir, srwArgs(ws, {"prepare", "s", "--min-item-support", "2"})).status, 0);
    ASSERT_EQ(runSrw(dir, srwArgs(ws, {"split", "s"})).status, 0);

    // The reference run (it also fills the embedding cache), then a second whole run timed as
    // the trials run (cache warm). Kills are spread over [0.8 × srw-ml's start-up, whole run]
    // so that they land while loading, in epochs, while checkpoints are written, during the test
    // evaluation and after the end.
    ChildResult reference = runSrw(dir, trainArgs(ws, "reference"));
    ASSERT_EQ(reference.status, 0) << reference.err;
    const std::string refId = queryText(ws, "SELECT max(id) FROM runs");
    const std::string refSha = modelSha(ws, refId);
    ASSERT_EQ(refSha.size(), 64u) << "the reference run stored no model_sha256";
    const std::string refEpochs =
        queryText(ws, "SELECT count(*) FROM run_epochs WHERE run_id = ?", refId);
    const ChildResult startup = runSrw(dir, {"train", "--help"});
    ChildResult full = runSrw(dir, trainArgs(ws, "timing"));
    ASSERT_EQ(full.status, 0) << full.err;
    const std::string timingId = queryText(ws, "SELECT max(id) FROM runs");
    ASSERT_EQ(modelSha(ws, timingId), refSha) << "two whole runs trained different models";
    // Runs whose folders must not change: run id → digest of its folder.
    std::map<std::string, std::string> finishedFolders = {
        {refId, folderDigest(runsDir + "/" + refId)},
        {timingId, folderDigest(runsDir + "/" + timingId)}};

    // Two kinds of random kill: at a moment of the whole run (start-up and the end included), and
    // at a point of the training's progress (after k checkpoints, then up to an epoch's time), so
    // that a busy machine, which stretches the run, still gets kills in every phase.
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> when(0.25 * startup.seconds, full.seconds);
    std::uniform_int_distribution<int> afterCheckpoints(0, std::stoi(refEpochs) - 1);
    const double epochSeconds =
        std::max(0.2, (full.seconds - startup.seconds) / (std::stoi(refEpochs) + 2));
    std::uniform_real_distribution<double> intoEpoch(0.0, epochSeconds);
    int absent = 0, noCheckpoint = 0, withCheckpoint = 0, finished = 0, leftTemp = 0,
        newCacheKeys = 0, unresumable = 0;
    std::set<std::string> statuses;
    for (long t = 0; t < trials; ++t) {
        const std::string before = workspaceDigest(ws);
        const std::string keys = cacheKeys(ws);
        const std::string lastId = queryText(ws, "SELECT coalesce(max(id), 0) FROM runs");
        ChildOptions opt;
        std::string moment;
        if (t == 0) {
            // The first trial aims at the moment the run is stored, before its checkpoint
            // folder is known: a resumable run must be resumable from its first row on.
            opt.killWhen = [&] {
                return queryText(ws, "SELECT count(*) FROM runs WHERE id > ?", lastId) != "0";
            };
            moment = "as soon as the run was stored";
        } else if (t % 2 == 1) {
            const int k = afterCheckpoints(rng);
            const double delay = intoEpoch(rng);
            auto reached = std::make_shared<std::optional<std::chrono::steady_clock::time_point>>();
            opt.killWhen = [&ws, lastId, k, delay, reached] {
                const auto now = std::chrono::steady_clock::now();
                if (!*reached) {
                    const std::string n = queryText(
                        ws, "SELECT (SELECT count(*) FROM runs WHERE id > ?1) || ',' ||"
                            " (SELECT count(*) FROM checkpoints WHERE run_id > ?1)",
                        lastId);
                    const auto comma = n.find(',');
                    if (comma != std::string::npos && n.substr(0, comma) != "0" &&
                        std::stoi(n.substr(comma + 1)) >= k)
                        *reached = now;
                }
                return *reached && std::chrono::duration<double>(now - **reached).count() >= delay;
            };
            moment = std::to_string(delay) + " s after checkpoint " + std::to_string(k);
        } else {
            const double delay = when(rng);
            opt.killAfter = std::chrono::microseconds(long(delay * 1e6));
            moment = "after " + std::to_string(delay) + " s";
        }
        ChildResult r = runSrw(dir, trainArgs(ws, "trial-" + std::to_string(t)), opt);
        SCOPED_TRACE("trial " + std::to_string(t) + ", killed " + moment + ", " +
                     (r.signal ? "by SIGKILL" : "after it exited"));
        if (!r.signal)
            ASSERT_EQ(r.status, 0) << r.err;
        ASSERT_EQ(integrity(ws), "ok");
        for (const auto& [id, digest] : finishedFolders)
            ASSERT_EQ(folderDigest(runsDir + "/" + id), digest)
                << "a killed run changed the files of run " << id;

        const std::string id =
            queryText(ws, "SELECT id FROM runs WHERE id > ? ORDER BY id LIMIT 1", lastId);
        if (id.empty()) {
            ++absent;
            ASSERT_EQ(workspaceDigest(ws), before) << "a killed run changed the workspace";
            continue;
        }
        ASSERT_EQ(digestWithoutRun(ws, id, keys, dir.file("without.sqlite")), before)
            << "a killed run changed what was there before it";
        const std::string runDir = runsDir + "/" + id;
        for (const auto& n : listFolder(runDir))
            leftTemp += n.find(".tmp.") != std::string::npos;

        if (r.signal) {
            // Listing works, and shows the run as not finished (running until stale runs are
            // detected, then interrupted).
            ChildResult list = runSrw(dir, srwArgs(ws, {"runs", "--json"}));
            ASSERT_EQ(list.status, 0) << list.err;
            const std::string status = runStatus(list.out, id);
            statuses.insert(status);
            EXPECT_TRUE(status == "running" || status == "interrupted" || status == "finished")
                << "a killed run reads as '" << status << "'";
            // The checkpoint the workspace names last is whole (record and weights).
            const std::string last = queryText(
                ws, "SELECT path FROM checkpoints WHERE run_id = ? ORDER BY step DESC, id DESC"
                    " LIMIT 1",
                id);
            if (!last.empty())
                ASSERT_EQ(checkpointProblem(last), "")
                    << "the last recorded checkpoint of a killed run is not whole";
            if (queryText(ws, "SELECT status FROM runs WHERE id = ?", id) != "finished")
                ++(last.empty() ? noCheckpoint : withCheckpoint); // finished ones counted below
            // Every checkpoint record on disk is whole too (a newer one may not be recorded yet).
            for (const auto& n : listFolder(runDir))
                if (n.rfind("epoch-", 0) == 0 && n.size() > 5 &&
                    n.compare(n.size() - 5, 5, ".json") == 0)
                    EXPECT_EQ(checkpointProblem(runDir + "/" + n), "");
        }

        if (queryText(ws, "SELECT status FROM runs WHERE id = ?", id) != "finished") {
            ChildResult res = runSrw(dir, srwArgs(ws, {"train", "s", "--resume", id, "--bootstrap", "0"}));
            if (res.status != 0) {
                // A failure, but the next trials still run (and count) on this workspace.
                ADD_FAILURE() << "resuming run " << id << " failed: " << res.err;
                ++unresumable;
                continue;
            }
        } else {
            ++finished;
        }
        ASSERT_EQ(integrity(ws), "ok");
        EXPECT_EQ(queryText(ws, "SELECT status FROM runs WHERE id = ?", id), "finished");
        EXPECT_EQ(modelSha(ws, id), refSha)
            << "the resumed run did not train the model an uninterrupted run trains";
        EXPECT_EQ(queryText(ws, "SELECT count(*) FROM run_epochs WHERE run_id = ?", id), refEpochs);
        EXPECT_EQ(bestModelProblem(runDir), "");
        for (const auto& n : listFolder(runDir)) // a resumed run clears what the kill left
            EXPECT_EQ(n.find(".tmp."), std::string::npos) << runDir << "/" << n << " left over";
        ASSERT_EQ(digestWithoutRun(ws, id, keys, dir.file("without.sqlite")), before)
            << "resuming a run changed what was there before it";
        finishedFolders[id] = folderDigest(runDir);
        newCacheKeys += cacheKeys(ws) != keys;
    }
    ChildResult list = runSrw(dir, srwArgs(ws, {"runs", "--json"}));
    EXPECT_EQ(list.status, 0) << list.err;
    std::string seen;
    for (const auto& s : statuses)
        seen += (seen.empty() ? "" : ", ") + s;
    std::cout << "fault-inject: " << trials << " SIGKILL trials of srw train (seed " << seed
              << ", whole run " << full.seconds << " s): " << absent
              << " killed before the run was stored (nothing visible), " << noCheckpoint
              << " with the run stored but no checkpoint yet, " << withCheckpoint
              << " after one or more checkpoints, " << finished
              << " after the run had finished (exited or not); killed runs listed as {" << seen
              << "}; " << unresumable << " could not be resumed, every other one resumed to the "
              << "reference model (SHA-256 " << refSha.substr(0, 12) << "…); " << leftTemp << " temporary files left by kills (none after a resume); " << newCacheKeys
              << " trials added item vectors under a new encoder key; integrity ok and "
              << "earlier datasets and runs unchanged after every kill\n";
}
