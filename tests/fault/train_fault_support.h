#pragma once
// What the `srw train` kill trials need beyond fault_support.h: a digest of a run folder, the
// checks that a checkpoint on disk is whole, and a digest of the workspace without one run.
#include "fault_support.h"

#include "srw/util/file_util.h"
#include "srw/util/sha256.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <dirent.h>

namespace srw::test {

/** The names in a folder (no "." and ".."), sorted; empty when it does not exist. */
inline std::vector<std::string> listFolder(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n != "." && n != "..")
                names.push_back(n);
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline std::string fileSha256(const std::string& path) {
    Sha256 h;
    h.update(readAll(path));
    return h.hexDigest();
}

/** Every file's name and content under dir (one level of subfolders: the run's encoder). */
inline std::string folderDigest(const std::string& dir) {
    Sha256 h;
    for (const auto& n : listFolder(dir)) {
        const std::string p = dir + "/" + n;
        struct stat st {};
        ::stat(p.c_str(), &st);
        h.update(n + "\n" + (S_ISDIR(st.st_mode) ? folderDigest(p) : fileSha256(p)) + "\n");
    }
    return h.hexDigest();
}

/**
 * Whether the checkpoint record at path is whole: it parses, is a bert-mlp checkpoint and its
 * weights file exists with the SHA-256 the record names. Empty when it is, else what is wrong.
 */
inline std::string checkpointProblem(const std::string& path) {
    if (!pathExists(path))
        return path + ": missing";
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readAll(path));
    } catch (const std::exception& e) {
        return path + ": torn (does not parse: " + e.what() + ")";
    }
    if (j.value("format", "") != "srw-bert-mlp-checkpoint" || !j.contains("weights"))
        return path + ": not a whole checkpoint record";
    const std::string weights =
        path.substr(0, path.find_last_of('/')) + "/" + j["weights"].get<std::string>();
    if (!pathExists(weights))
        return weights + ": missing (named by " + path + ")";
    if (fileSha256(weights) != j.value("weights_sha256", ""))
        return weights + ": torn (its SHA-256 is not the one " + path + " names)";
    return "";
}

/** The model record best.json and its weights agree (only meaningful once a run has ended). */
inline std::string bestModelProblem(const std::string& runDir) {
    const std::string path = runDir + "/best.json";
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readAll(path));
    } catch (const std::exception& e) {
        return path + ": torn or missing (" + e.what() + ")";
    }
    const std::string weights = runDir + "/" + j.value("weights", "best.safetensors");
    if (fileSha256(weights) != j.value("weights_sha256", ""))
        return weights + ": not the weights " + path + " names";
    return "";
}

/** The encoder keys of the embedding cache, as a JSON array (for digestWithoutRun). */
inline std::string cacheKeys(const std::string& ws) {
    return queryText(ws, "SELECT json_group_array(encoder) FROM"
                         " (SELECT DISTINCT encoder FROM embedding_cache ORDER BY encoder)");
}

/**
 * The workspace digest as if run had never been stored: a copy with the run deleted, and the
 * item vectors of encoders the cache did not hold before (keptCacheKeys, from cacheKeys()): the
 * cache is shared and only grows, so a run may add to it but must not change what was there.
 */
inline std::string digestWithoutRun(const std::string& ws, const std::string& runId,
                                    const std::string& keptCacheKeys, const std::string& scratch) {
    ::unlink(scratch.c_str());
    sqlite3 *src = nullptr, *dst = nullptr;
    sqlite3_open_v2(ws.c_str(), &src, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_open_v2(scratch.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main")) {
        sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
    }
    sqlite3_close(src);
    sqlite3_exec(dst, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(dst, "DELETE FROM runs WHERE id = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, runId.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(dst,
                       "DELETE FROM embedding_cache WHERE encoder NOT IN"
                       " (SELECT value FROM json_each(?))",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, keptCacheKeys.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    sqlite3_close(dst);
    return workspaceDigest(scratch);
}

} // namespace srw::test
