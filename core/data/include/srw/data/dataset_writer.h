#pragma once
#include "srw/data/session_store.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace srw {

class BatchInsert;
class ItemWriter;
class SourceHasher;

/** @brief How staged events become sessions when the import is committed. */
struct SessionAssembly {
    /** true: events carry a session key; false: split each user's events at an inactivity gap. */
    bool hasSessionKey = true;
    std::int64_t gapMs = 30 * 60 * 1000;   ///< the inactivity gap, for hasSessionKey = false
    std::optional<std::string> splitPart;  ///< "train"/"valid"/"test": mark the new sessions
};

/** @brief What one import did. */
struct ImportReport {
    std::int64_t datasetId = 0;
    std::string dataset;
    std::uint64_t rows = 0;         ///< data rows read (header excluded)
    std::uint64_t events = 0;       ///< events stored
    std::uint64_t sessions = 0;     ///< sessions created
    std::uint64_t newItems = 0;     ///< items the dataset did not have before
    std::uint64_t itemsUpdated = 0; ///< catalogue rows that set an item's text
    std::uint64_t skipped = 0;      ///< bad rows skipped in lenient mode
    std::vector<std::string> firstErrors; ///< the first few skipped rows' messages
    std::string timeFormat;
    char delimiter = 0;
    bool header = false;
    double seconds = 0;
};

/**
 * @brief Writes one import into the store inside a single transaction.
 *
 * Importers of every format stream their rows into addEvent()/upsertItem(). Events with a
 * session key are written as they come: the writer holds one session at a time, sorts it by
 * time (then file order) and appends it; a key that comes back later in the file, or that the
 * dataset already has from an earlier import (YOOCHOOSE's buys after its clicks), is merged into
 * that session. Events without a key (sessions from a user's inactivity gaps) go to a temporary
 * staging table, and commit() assembles their sessions with SQL (sorting happens in SQLite, on
 * disk). Either way memory stays bounded by one session plus the item catalogue, not the log.
 * Destroying an uncommitted writer rolls back everything, so a failed or cancelled import leaves
 * the workspace exactly as it was.
 */
class DatasetWriter {
public:
    /** @brief Starts the transaction; creates the dataset when it does not exist. */
    DatasetWriter(SessionStore& store, const std::string& dataset, ProgressFn progress = {});
    ~DatasetWriter();
    DatasetWriter(const DatasetWriter&) = delete;
    DatasetWriter& operator=(const DatasetWriter&) = delete;

    std::int64_t datasetId() const { return m_datasetId; }
    bool createdDataset() const { return m_created; }

    /**
     * @brief Starts hashing a source file on a second thread, for addSource() to pick up.
     *
     * Optional: addSource() hashes a file it was not told about itself, after the rows.
     */
    void hashSourceAhead(const std::string& path);

    /** @brief Records a source file (sha256, size) with its import options as JSON. */
    void addSource(const std::string& path, const std::string& kind, const std::string& format,
                   const std::string& optionsJson, std::uint64_t rows);

    /** @brief Stages one event; session or user may be absent (see SessionAssembly). */
    void addEvent(std::optional<std::string_view> session, std::optional<std::string_view> user,
                  std::string_view item, std::int64_t tsMs, std::optional<std::string_view> event);
    /** @brief The same with the item's id from itemId(). */
    void addEvent(std::optional<std::string_view> session, std::optional<std::string_view> user,
                  std::int64_t itemId, std::int64_t tsMs, std::optional<std::string_view> event);

    /** @brief The item's id, creating a bare item when the dataset has none by that id. */
    std::int64_t itemId(std::string_view externalId);

    /** @brief Sets an item's text fields (creating it if needed); absent fields are kept. */
    void upsertItem(std::string_view externalId, std::optional<std::string_view> title,
                    std::optional<std::string_view> description,
                    std::optional<std::string_view> category,
                    std::optional<std::string_view> attributesJson);

    /** @brief Assembles sessions and events from the staged rows and commits. */
    void commit(const SessionAssembly& assembly, ImportReport& report);

    /** @brief Calls the progress callback; throws Cancelled when it returns false. */
    void reportProgress(const Progress& p);

    std::uint64_t stagedEvents() const { return m_staged; }
    std::uint64_t newItems() const;

private:
    struct PendingEvent {
        std::int64_t ts;
        std::int64_t row;
        std::int64_t item;
        std::optional<std::string> event;
    };
    void assembleSessions(const SessionAssembly& assembly, ImportReport& report);
    void assembleGapSessions(const SessionAssembly& assembly, ImportReport& report);
    void prepareSessionWrites();
    void flushSession();
    void flushBatches();
    void markSplit(const std::string& part, const std::string& selectNew);
    void writeSession(std::int64_t sid, bool isNew);
    void startStreaming();
    std::optional<std::int64_t> knownSession();
    void rememberNewKeys();
    void deferSessionIndexes();
    void restoreSessionIndexes();
    std::optional<std::int64_t> userId(const std::optional<std::string>& key);

    struct ForeignKeysOff;

    SessionStore& m_store;
    Database& m_db;
    std::unique_ptr<ForeignKeysOff> m_foreignKeysOff; // declared before m_tx: outlives it
    std::unique_ptr<Transaction> m_tx;
    ProgressFn m_progress;
    std::int64_t m_datasetId = 0;
    bool m_created = false;
    bool m_committed = false;
    std::uint64_t m_staged = 0;
    std::unique_ptr<ItemWriter> m_items;
    std::unique_ptr<SourceHasher> m_hasher;
    std::optional<Statement> m_stageInsert;

    // Streaming of keyed sessions.
    bool m_streamed = false;
    std::string m_curKey;
    std::optional<std::string> m_curUser;
    std::vector<PendingEvent> m_cur;
    std::int64_t m_firstSessionId = 0;
    std::int64_t m_nextSessionId = 0;
    // While every new key sorts after the previous one (by length, then bytes: numeric keys in
    // numeric order), no key can come back, and temp.import_keys is not needed (see
    // rememberNewKeys()).
    bool m_keysAscending = true;
    std::string m_lastKey;
    // Secondary indexes of sessions dropped for this import, recreated (one sort) at commit.
    std::vector<std::string> m_deferredIndexes;
    bool m_mayDeferIndexes = false;
    std::int64_t m_sessionsBefore = 0;
    std::uint64_t m_newSessions = 0;
    std::uint64_t m_streamedEvents = 0;
    std::optional<Statement> m_keyFind, m_keyInsert;
    std::unique_ptr<BatchInsert> m_sessionBatch, m_eventBatch;
    std::optional<Statement> m_userInsert, m_userFind, m_storedKeyFind;
    bool m_datasetHadSessions = false;
    std::string m_lastUserKey; // userId()'s last answer: a user's sessions come one after another
    std::int64_t m_lastUserId = -1;
};

} // namespace srw
