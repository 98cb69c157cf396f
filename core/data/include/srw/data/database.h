#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace srw {

/** @brief A failure reported by SQLite (locked, read-only, disk full, corrupt, …). */
class DatabaseError : public std::runtime_error {
public:
    DatabaseError(const std::string& what, int code) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }

private:
    int m_code;
};

/** @brief A prepared statement; bind with 1-based indices, step, read 0-based columns. */
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value); ///< copied by SQLite (SQLITE_TRANSIENT)
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    /** @brief Binds without a copy: value must stay valid until the next reset() (bulk writes). */
    Statement& bindUncopied(int index, std::string_view value);
    Statement& bindBlob(int index, std::string_view bytes); ///< copied by SQLite
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /** @brief true while a row is available; false when done. Throws DatabaseError. */
    bool step();
    /** @brief step() for statements without result rows, then reset for reuse. */
    void run();
    void reset();

    bool isNull(int col) const;
    std::int64_t getInt(int col) const;
    double getDouble(int col) const;
    std::string getText(int col) const;
    std::string_view getTextView(int col) const; ///< valid until the next step/reset
    std::optional<std::int64_t> getOptInt(int col) const;
    std::optional<std::string> getOptText(int col) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/**
 * @brief The page size of a new workspace, in bytes.
 *
 * Why not SQLite's 4096: a workspace is written in bulk (imports, preparation) and read in long
 * runs (a dataset's events in session order), and in WAL mode every page is a write to the log,
 * a read back and a write to the database at the checkpoint: per-page work that larger pages
 * divide. Measured on a 1M-event YOOCHOOSE import (BENCHMARKS.md section 1): 0.76 s at 4 KiB,
 * 0.65 s at 16 KiB, 0.62 s at 32 KiB, 0.61 s at 64 KiB. 16 KiB takes most of the gain while a
 * small commit (a run's epoch record) still writes few bytes to the log.
 */
constexpr int kWorkspacePageSize = 16384;

/**
 * @brief Owns one SQLite connection (WAL, foreign keys on, busy timeout).
 *
 * Core's only way to reach SQLite: every statement is prepared and bound, never concatenated.
 */
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    /** @brief Opens or creates path; throws DatabaseError with a readable reason. */
    explicit Database(const std::string& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(m_db, sql); }
    std::int64_t lastInsertRowId() const;
    int changes() const;
    std::int64_t queryInt(std::string_view sql);
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    bool readOnly() const { return m_mode == Mode::ReadOnly; }

    /** @brief Asks a running statement on this connection to stop (thread-safe). */
    void interrupt();

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    Mode m_mode;
};

/** @brief BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed. */
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

/** @brief Throws DatabaseError for a non-OK SQLite result code, naming what was attempted. */
void checkSqlite(sqlite3* db, int rc, std::string_view what);

} // namespace srw
