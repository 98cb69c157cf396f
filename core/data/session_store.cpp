#include "srw/data/session_store.h"

#include "srw/data/schema.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/text_utils.h"

#include <chrono>
#include <ctime>
#include <sqlite3.h>

namespace srw {

SessionStore::SessionStore(const std::string& path, Database::Mode mode) : m_db(path, mode) {
    migrateSchema(m_db);
}

std::string SessionStore::nowIso() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void SessionStore::validateDatasetName(const std::string& name) {
    if (name.empty() || name.size() > 200)
        throw UsageError("a dataset name must have 1 to 200 characters");
    if (findInvalidUtf8(name) != std::string::npos)
        throw UsageError("a dataset name must be valid UTF-8");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F)
            throw UsageError("a dataset name must not contain control characters");
    if (trim(name) != name)
        throw UsageError("a dataset name must not start or end with spaces");
}

std::vector<DatasetInfo> SessionStore::listDatasets() {
    Statement st = m_db.prepare(
        "SELECT d.id, d.name, d.created_at,"
        " (SELECT coalesce(sum(n_events), 0) FROM sessions s WHERE s.dataset_id = d.id),"
        " (SELECT count(*) FROM sessions s WHERE s.dataset_id = d.id),"
        " (SELECT count(*) FROM items i WHERE i.dataset_id = d.id)"
        " FROM datasets d ORDER BY d.name");
    std::vector<DatasetInfo> out;
    while (st.step())
        out.push_back({st.getInt(0), st.getText(1), st.getText(2), st.getInt(3), st.getInt(4),
                       st.getInt(5)});
    return out;
}

std::optional<std::int64_t> SessionStore::findDataset(const std::string& name) {
    Statement st = m_db.prepare("SELECT id FROM datasets WHERE name = ?");
    st.bind(1, name);
    if (st.step())
        return st.getInt(0);
    return std::nullopt;
}

std::int64_t SessionStore::requireDataset(const std::string& name) {
    if (auto id = findDataset(name))
        return *id;
    std::string known;
    for (const auto& d : listDatasets())
        known += (known.empty() ? "" : ", ") + d.name;
    throw UsageError("no dataset named '" + name + "'" +
                     (known.empty() ? " (the workspace has none yet; run srw import)"
                                    : " (known: " + known + ")"));
}

void SessionStore::renameDataset(const std::string& from, const std::string& to) {
    validateDatasetName(to);
    Transaction tx(m_db);
    std::int64_t id = requireDataset(from);
    if (auto other = findDataset(to); other && *other != id)
        throw UsageError("a dataset named '" + to + "' already exists");
    Statement st = m_db.prepare("UPDATE datasets SET name = ? WHERE id = ?");
    st.bind(1, to).bind(2, id).run();
    tx.commit();
}

void SessionStore::deleteDataset(const std::string& name) {
    Transaction tx(m_db);
    std::int64_t id = requireDataset(name);
    // Children first, in an order that keeps every foreign-key check an index lookup.
    for (const char* sql : {"DELETE FROM runs WHERE dataset_id = ?",
                            "DELETE FROM splits WHERE dataset_id = ?",
                            "DELETE FROM sessions WHERE dataset_id = ?",
                            "DELETE FROM users WHERE dataset_id = ?",
                            "DELETE FROM items WHERE dataset_id = ?",
                            "DELETE FROM datasets WHERE id = ?"}) {
        Statement st = m_db.prepare(sql);
        st.bind(1, id).run();
    }
    tx.commit();
}

void SessionStore::backup(const std::string& path, const ProgressFn& progress) {
    if (sameFile(path, m_db.path()))
        throw UsageError("the backup must not overwrite the workspace itself");
    std::string tmp = path + ".partial";
    removeFileIfExists(tmp);
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(tmp.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(dest);
        throw DatabaseError("cannot create backup " + path, rc);
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", m_db.handle(), "main");
    if (!b) {
        std::string msg = std::string("backup failed: ") + sqlite3_errmsg(dest);
        sqlite3_close(dest);
        removeFileIfExists(tmp);
        throw DatabaseError(msg, sqlite3_errcode(dest));
    }
    bool cancelled = false;
    do {
        rc = sqlite3_backup_step(b, 1024);
        if (progress) {
            int total = sqlite3_backup_pagecount(b);
            int left = sqlite3_backup_remaining(b);
            if (!progress({"backup", std::uint64_t(total - left), std::uint64_t(total), ""})) {
                cancelled = true;
                break;
            }
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    int err = sqlite3_errcode(dest);
    std::string errMsg = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    if (cancelled) {
        removeFileIfExists(tmp);
        throw Cancelled();
    }
    if (rc != SQLITE_DONE || (err != SQLITE_OK && err != SQLITE_DONE)) {
        removeFileIfExists(tmp);
        throw DatabaseError("backup to " + path + " failed: " + errMsg, rc);
    }
    renameFile(tmp, path);
}

} // namespace srw
