#pragma once
#include "srw/data/database.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/** @brief One dataset as listed: counts come from the stored sessions and items. */
struct DatasetInfo {
    std::int64_t id = 0;
    std::string name;
    std::string createdAt;
    std::int64_t events = 0;
    std::int64_t sessions = 0;
    std::int64_t items = 0;
};

/**
 * @brief The workspace: one SQLite file holding many datasets, their splits and runs.
 *
 * Opening migrates the schema. Every method that writes runs in one transaction, so a failure
 * leaves the workspace as it was.
 */
class SessionStore {
public:
    explicit SessionStore(const std::string& path, Database::Mode mode = Database::Mode::ReadWrite);

    Database& db() { return m_db; }
    const std::string& path() const { return m_db.path(); }

    std::vector<DatasetInfo> listDatasets();
    std::optional<std::int64_t> findDataset(const std::string& name);
    /** @brief The dataset's id; throws UsageError naming the known datasets when missing. */
    std::int64_t requireDataset(const std::string& name);
    void renameDataset(const std::string& from, const std::string& to);
    /** @brief Deletes the dataset with its items, sessions, events, splits and runs. */
    void deleteDataset(const std::string& name);
    /** @brief Copies the whole workspace to path with SQLite's online backup API. */
    void backup(const std::string& path, const ProgressFn& progress = {});

    /** @brief Throws UsageError unless name is 1-200 characters of printable UTF-8. */
    static void validateDatasetName(const std::string& name);
    /** @brief Current UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
    static std::string nowIso();

private:
    Database m_db;
};

} // namespace srw
