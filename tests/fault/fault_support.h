#pragma once
// What the fault tests share: running the srw binary as a child process (with a time limit, a
// file size limit or a kill), a generated click log, and "unchanged" checks by content digest.
#include "../support/db_digest.h"
#include "../support/temp_dir.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#ifndef SRW_CLI
#error "SRW_CLI is the path of the srw binary"
#endif

namespace srw::test {

/** How a child ended: its exit status, or the signal that ended it. */
struct ChildResult {
    int status = -1;       ///< exit status, -1 when killed
    int signal = 0;        ///< the signal that ended it, 0 when it exited
    std::string out, err;  ///< what it wrote
    double seconds = 0;
};

/** Options of one srw run. */
struct ChildOptions {
    std::vector<std::pair<std::string, std::string>> env;
    std::optional<rlim_t> fileSizeLimit;          ///< RLIMIT_FSIZE, with SIGXFSZ ignored
    std::optional<std::chrono::microseconds> killAfter; ///< SIGKILL after this long
    /// SIGKILL as soon as this returns true (polled every millisecond while the child runs).
    std::function<bool()> killWhen;
};

inline std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/** Runs srw ARGS… as a child process; its output goes to files in dir. */
inline ChildResult runSrw(const TempDir& dir, const std::vector<std::string>& args,
                          const ChildOptions& opt = {}) {
    const std::string outPath = dir.file("child.out"), errPath = dir.file("child.err");
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(out, 1);
        ::dup2(err, 2);
        for (const auto& [k, v] : opt.env)
            ::setenv(k.c_str(), v.c_str(), 1);
        if (opt.fileSizeLimit) {
            // Without this the kernel ends the process with SIGXFSZ; ignored, the write fails
            // with EFBIG as on a full disk, and SQLite must report it and roll back.
            std::signal(SIGXFSZ, SIG_IGN);
            struct rlimit rl {*opt.fileSizeLimit, *opt.fileSizeLimit};
            ::setrlimit(RLIMIT_FSIZE, &rl);
        }
        std::vector<char*> argv;
        std::string exe = SRW_CLI;
        argv.push_back(exe.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(exe.c_str(), argv.data());
        ::_exit(127);
    }
    ChildResult r;
    if (pid < 0)
        return r;
    int wstatus = 0;
    bool reaped = false;
    if (opt.killAfter) {
        std::this_thread::sleep_for(*opt.killAfter);
        ::kill(pid, SIGKILL); // a no-op when it has already exited (it is a zombie until waited)
    } else if (opt.killWhen) {
        while (!(reaped = ::waitpid(pid, &wstatus, WNOHANG) == pid)) {
            if (opt.killWhen()) {
                ::kill(pid, SIGKILL);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    if (!reaped)
        ::waitpid(pid, &wstatus, 0);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (WIFEXITED(wstatus))
        r.status = WEXITSTATUS(wstatus);
    else if (WIFSIGNALED(wstatus))
        r.signal = WTERMSIG(wstatus);
    r.out = readAll(outPath);
    r.err = readAll(errPath);
    return r;
}

/**
 * A click log of `sessions` sessions of 5 events (session_id,item_id,timestamp), the same for a
 * given seed. Returns the number of rows.
 */
inline std::size_t writeClickLog(const std::string& path, std::size_t sessions, unsigned seed) {
    std::mt19937 rng(seed);
    std::ofstream f(path, std::ios::binary);
    f << "session_id,item_id,timestamp\n";
    long long t = 1600000000;
    std::string line;
    for (std::size_t s = 0; s < sessions; ++s)
        for (int k = 0; k < 5; ++k) {
            t += 1 + long(rng() % 60);
            line = std::to_string(s) + "," + std::to_string(1 + rng() % 5000) + "," +
                   std::to_string(t) + "\n";
            f << line;
        }
    return sessions * 5;
}

/** One value of a query on the workspace (its own connection, read-write so WAL recovery runs). */
inline std::string queryText(const std::string& ws, const std::string& sql,
                             const std::string& param = "") {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(ws.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            if (!param.empty())
                sqlite3_bind_text(st, 1, param.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        } else {
            out = std::string("<error: ") + sqlite3_errmsg(db) + ">";
        }
        sqlite3_finalize(st);
    } else {
        out = "<cannot open>";
    }
    sqlite3_close(db);
    return out;
}

/** PRAGMA integrity_check and foreign_key_check: "ok" when both are clean. */
inline std::string integrity(const std::string& ws) {
    std::string ic = queryText(ws, "PRAGMA integrity_check");
    if (ic != "ok")
        return ic;
    std::string fk = queryText(ws, "SELECT count(*) FROM pragma_foreign_key_check");
    return fk == "0" ? "ok" : "foreign_key_check: " + fk + " rows";
}

/**
 * The workspace digest as if dataset had never been imported: a copy (SQLite's backup API, so
 * the WAL is included) with the dataset deleted, cascades and all.
 */
inline std::string digestWithout(const std::string& ws, const std::string& dataset,
                                 const std::string& scratch) {
    ::unlink(scratch.c_str());
    sqlite3 *src = nullptr, *dst = nullptr;
    sqlite3_open_v2(ws.c_str(), &src, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_open_v2(scratch.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (b) {
        sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
    }
    sqlite3_close(src);
    sqlite3_exec(dst, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(dst, "DELETE FROM datasets WHERE name = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, dataset.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    sqlite3_close(dst);
    return workspaceDigest(scratch);
}

inline std::uint64_t fileSize(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? std::uint64_t(st.st_size) : 0;
}

/** An environment variable as a number, or the default. */
inline long envNumber(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v)
        return fallback;
    char* end = nullptr;
    long n = std::strtol(v, &end, 10);
    return *end == '\0' ? n : fallback;
}

} // namespace srw::test
