#include "srw/data/database.h"

#include <cstdlib>
#include <sqlite3.h>

namespace srw {
namespace {

// How long a writer waits for another program's lock. SRW_BUSY_TIMEOUT_MS overrides the 5 s:
// the tests of a locked workspace set it low, scripts sharing a workspace may want it longer.
int busyTimeoutMs() {
    constexpr int kDefault = 5000;
    const char* env = std::getenv("SRW_BUSY_TIMEOUT_MS");
    if (!env || !*env)
        return kDefault;
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    return *end == '\0' && v >= 0 && v <= 3'600'000 ? int(v) : kDefault;
}

} // namespace

void checkSqlite(sqlite3* db, int rc, std::string_view what) {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    std::string msg(what);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    int primary = rc & 0xFF;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        msg += " (the workspace is in use by another program; close it or try again)";
    else if (primary == SQLITE_READONLY)
        msg += " (the workspace is read-only)";
    else if (primary == SQLITE_FULL)
        msg += " (the disk or the database size limit is full; nothing was changed)";
    else if (primary == SQLITE_IOERR)
        // A write refused by the system (a full disk can show as EFBIG or EIO rather than
        // ENOSPC, e.g. under a file size limit) is rolled back like SQLITE_FULL.
        msg += " (reading or writing the workspace file failed: the disk may be full or the "
               "file over a size limit; nothing was changed)";
    throw DatabaseError(msg, rc);
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    int rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &m_stmt, nullptr);
    checkSqlite(db, rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) {
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    checkSqlite(m_db, sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    checkSqlite(m_db, sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    checkSqlite(m_db,
                sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                    SQLITE_UTF8),
                "bind");
    return *this;
}
Statement& Statement::bindUncopied(int index, std::string_view value) {
    checkSqlite(m_db,
                sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_STATIC,
                                    SQLITE_UTF8),
                "bind");
    return *this;
}
Statement& Statement::bindBlob(int index, std::string_view bytes) {
    checkSqlite(m_db,
                sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT),
                "bind");
    return *this;
}
Statement& Statement::bindNull(int index) {
    checkSqlite(m_db, sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    checkSqlite(m_db, rc, "query");
    return false;
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
std::int64_t Statement::getInt(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::getDouble(int col) const { return sqlite3_column_double(m_stmt, col); }
std::string Statement::getText(int col) const { return std::string(getTextView(col)); }
std::string_view Statement::getTextView(int col) const {
    if (sqlite3_column_type(m_stmt, col) == SQLITE_BLOB) {
        const auto* b = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
        return b ? std::string_view(b, std::size_t(sqlite3_column_bytes(m_stmt, col)))
                 : std::string_view();
    }
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(m_stmt, col)))
             : std::string_view();
}
std::optional<std::int64_t> Statement::getOptInt(int col) const {
    if (isNull(col))
        return std::nullopt;
    return getInt(col);
}
std::optional<std::string> Statement::getOptText(int col) const {
    if (isNull(col))
        return std::nullopt;
    return getText(col);
}

Database::Database(const std::string& path, Mode mode) : m_path(path), m_mode(mode) {
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open workspace " + path + ": " +
                          (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(msg, rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs());
    try {
        exec("PRAGMA foreign_keys = ON");
        // Fail fast on a file that is not a database, before any migration touches it.
        queryInt("SELECT count(*) FROM sqlite_schema");
        if (mode == Mode::ReadWrite) {
            // Only a new, empty file takes a page size (an existing workspace keeps its own:
            // changing it needs a VACUUM). Set before WAL mode writes the first page.
            if (queryInt("PRAGMA page_count") == 0)
                exec("PRAGMA page_size = " + std::to_string(kWorkspacePageSize));
            exec("PRAGMA journal_mode = WAL");
            exec("PRAGMA synchronous = NORMAL");
        }
        exec("PRAGMA temp_store = FILE");
        exec("PRAGMA cache_size = -65536"); // 64 MiB page cache: bounded, enough for imports
    } catch (const DatabaseError& e) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(path + ": " + e.what(), e.code());
    }
}

Database::~Database() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (err)
        sqlite3_free(err);
    checkSqlite(m_db, rc, "exec");
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

std::int64_t Database::queryInt(std::string_view sql) {
    Statement st = prepare(sql);
    return st.step() ? st.getInt(0) : 0;
}

void Database::interrupt() { sqlite3_interrupt(m_db); }

Transaction::Transaction(Database& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
            // The connection may already have rolled back (e.g. after SQLITE_FULL); nothing left.
        }
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace srw
