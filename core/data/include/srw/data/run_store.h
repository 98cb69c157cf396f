#pragma once
#include "srw/data/session_store.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/** @brief One stored run: an evaluation, a training, a sweep member. JSON fields are objects. */
struct RunRecord {
    std::int64_t id = 0;
    std::int64_t datasetId = 0;
    std::string dataset;                 ///< filled by reads
    std::optional<std::int64_t> splitId;
    std::string splitName;               ///< filled by reads
    std::optional<std::int64_t> groupId; ///< runs made together (an α sweep, a tuning grid)
    std::string name;
    std::string kind = "eval";           ///< eval, train, sweep, tune, bandit
    std::string model;                   ///< pop, iknn, …, bert-mlp
    nlohmann::json params = nlohmann::json::object();
    nlohmann::json protocol = nlohmann::json::object();
    std::string dataHash;
    /// running, finished, failed, cancelled; reads give "interrupted" for a run still marked
    /// running whose process (environment.process: host, pid, start time) is gone.
    std::string status = "running";
    std::string createdAt, finishedAt;
    nlohmann::json metrics = nlohmann::json::object();
    nlohmann::json timings = nlohmann::json::object();
    nlohmann::json environment = nlohmann::json::object();
    std::string programVersion;
    std::string notes;
};

/** @brief A per-epoch record of a training run. */
struct EpochRecord {
    int epoch = 0;
    std::optional<double> trainLoss;
    nlohmann::json metrics = nlohmann::json::object();
    double seconds = 0;
};

/** @brief One recommended item of a stored top-K list. */
struct StoredRecommendation {
    std::int64_t sessionId = 0;
    int pos = 0;  ///< prefix length the list was made for
    int rank = 0; ///< 1-based
    std::int64_t itemId = 0;
    double score = 0;
};

/** @brief Reads and writes runs; every write is one transaction. */
class RunStore {
public:
    explicit RunStore(SessionStore& store) : m_store(store) {}

    /** @brief Inserts the run (id, createdAt and programVersion are set) and returns its id. */
    std::int64_t create(RunRecord run);
    /** @brief Records the end of a run: status, metrics, timings, finish time. */
    void finish(std::int64_t id, const std::string& status, const nlohmann::json& metrics,
                const nlohmann::json& timings);
    /** @brief Sets the status; "running" also records this process as the run's owner. */
    void setStatus(std::int64_t id, const std::string& status);
    void updateParams(std::int64_t id, const nlohmann::json& params);
    void setProtocol(std::int64_t id, const nlohmann::json& protocol);
    void addEpoch(std::int64_t id, const EpochRecord& epoch);
    std::vector<EpochRecord> epochs(std::int64_t id);
    void addCheckpoint(std::int64_t id, int epoch, std::int64_t step, const std::string& path,
                       const std::string& sha256);
    /** @brief The newest checkpoint's path, if any. */
    std::optional<std::string> lastCheckpoint(std::int64_t id);

    RunRecord get(std::int64_t id);
    /** @brief All runs, newest first; only one dataset's when datasetName is set. */
    std::vector<RunRecord> list(const std::string& datasetName = {});
    void rename(std::int64_t id, const std::string& name);
    void annotate(std::int64_t id, const std::string& notes);
    void remove(std::int64_t id);
    /** @brief A new group id for runs made together. */
    std::int64_t newGroupId();

    /** @brief Per-session values of an evaluation (JSON), for paired comparisons. */
    void setPerSession(std::int64_t id, const nlohmann::json& values);
    std::optional<nlohmann::json> perSession(std::int64_t id);

    void storeRecommendations(std::int64_t id, const std::vector<StoredRecommendation>& recs);
    std::vector<StoredRecommendation> recommendations(std::int64_t id, std::int64_t sessionId);

private:
    SessionStore& m_store;
};

} // namespace srw
