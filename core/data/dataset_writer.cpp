#include "srw/data/dataset_writer.h"

#include "batch_insert.h"
#include "item_writer.h"
#include "source_hasher.h"

#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/sha256.h"
#include "srw/util/version.h"

#include <algorithm>
#include <sqlite3.h>

namespace srw {
namespace {

// Lets a long SQL statement be cancelled: SQLite calls this every few thousand VM steps.
struct ProgressHandlerGuard {
    sqlite3* db;
    ProgressFn* fn;
    bool cancelled = false;
    static int handler(void* self) {
        auto* g = static_cast<ProgressHandlerGuard*>(self);
        if (*g->fn && !(*g->fn)({"sessions", 0, 0, ""})) {
            g->cancelled = true;
            return 1;
        }
        return 0;
    }
    ProgressHandlerGuard(sqlite3* d, ProgressFn* f) : db(d), fn(f) {
        sqlite3_progress_handler(db, 1 << 20, handler, this);
    }
    ~ProgressHandlerGuard() { sqlite3_progress_handler(db, 0, nullptr, nullptr); }
};

// Rows per INSERT statement (measured at 1M events: larger blocks gain little). The block
// inserts say OR FAIL: with the default (ABORT) a statement that writes many rows keeps a
// statement journal so that a failing row can undo the rows before it, which wrote every page
// the statement touched to a temporary file (125 MB of writes at 1M events). A failing row fails
// the import, whose transaction is rolled back whole, so that undo was never needed.
constexpr int kSessionBlock = 256;
constexpr int kEventBlock = 256;
// The page cache while the deferred indexes are sorted (negative: KiB).
constexpr int kIndexSortCacheKb = -16384;

} // namespace

// Foreign keys are not checked inside an import's transaction: this class writes every parent
// row (dataset, session, user) before its children, and the check cost a b-tree search per event
// and per session (12% of an import's instructions at 200k events). The pragma is a no-op inside
// a transaction, so it is switched before BEGIN and back after COMMIT or ROLLBACK (this object
// outlives m_tx).
struct DatasetWriter::ForeignKeysOff {
    Database& db;
    explicit ForeignKeysOff(Database& d) : db(d) { db.exec("PRAGMA foreign_keys = OFF"); }
    ~ForeignKeysOff() {
        try {
            db.exec("PRAGMA foreign_keys = ON");
        } catch (...) {
        }
    }
};

DatasetWriter::DatasetWriter(SessionStore& store, const std::string& dataset, ProgressFn progress)
    : m_store(store), m_db(store.db()), m_progress(std::move(progress)) {
    SessionStore::validateDatasetName(dataset);
    m_foreignKeysOff = std::make_unique<ForeignKeysOff>(m_db);
    m_tx = std::make_unique<Transaction>(m_db);
    if (auto id = m_store.findDataset(dataset)) {
        m_datasetId = *id;
    } else {
        Statement ins = m_db.prepare("INSERT INTO datasets(name, created_at) VALUES(?, ?)");
        ins.bind(1, dataset).bind(2, SessionStore::nowIso()).run();
        m_datasetId = m_db.lastInsertRowId();
        m_created = true;
    }
    // Items are few next to events: keeping the map in memory saves a lookup per row.
    m_items = std::make_unique<ItemWriter>(m_db, m_datasetId);

    m_db.exec("DROP TABLE IF EXISTS temp.import_stage");
    m_db.exec("CREATE TEMP TABLE import_stage(rowno INTEGER PRIMARY KEY, skey TEXT, ukey TEXT,"
              " item_id INTEGER NOT NULL, ts INTEGER NOT NULL, event TEXT)");
    m_stageInsert.emplace(
        m_db.prepare("INSERT INTO temp.import_stage(skey, ukey, item_id, ts, event)"
                     " VALUES(?, ?, ?, ?, ?)"));
}

DatasetWriter::~DatasetWriter() {
    // Statements must be finalized before the rollback can release the tables they hold.
    m_hasher.reset();
    m_stageInsert.reset();
    m_items.reset();
    m_keyFind.reset();
    m_keyInsert.reset();
    m_sessionBatch.reset();
    m_eventBatch.reset();
    m_userInsert.reset();
    m_userFind.reset();
    m_storedKeyFind.reset();
    m_tx.reset();
    if (!m_committed) {
        try {
            m_db.exec("DROP TABLE IF EXISTS temp.import_stage");
            m_db.exec("DROP TABLE IF EXISTS temp.import_keys");
        } catch (...) {
        }
    }
}

void DatasetWriter::reportProgress(const Progress& p) {
    if (m_progress && !m_progress(p))
        throw Cancelled();
}

void DatasetWriter::hashSourceAhead(const std::string& path) {
    m_hasher = std::make_unique<SourceHasher>(path);
}

void DatasetWriter::addSource(const std::string& path, const std::string& kind,
                              const std::string& format, const std::string& optionsJson,
                              std::uint64_t rows) {
    Statement st = m_db.prepare(
        "INSERT INTO dataset_sources(dataset_id, kind, path, sha256, size, format, options, rows,"
        " imported_at, program_version) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, m_datasetId)
        .bind(2, kind)
        .bind(3, absolutePath(path))
        .bind(4, m_hasher && m_hasher->path() == path ? m_hasher->result() : sha256File(path))
        .bind(5, std::int64_t(fileSizeOrZero(path)))
        .bind(6, format)
        .bind(7, optionsJson)
        .bind(8, std::int64_t(rows))
        .bind(9, SessionStore::nowIso())
        .bind(10, kVersion)
        .run();
}

std::int64_t DatasetWriter::itemId(std::string_view externalId) {
    return m_items->id(externalId);
}

std::uint64_t DatasetWriter::newItems() const { return m_items->newItems(); }

void DatasetWriter::upsertItem(std::string_view externalId, std::optional<std::string_view> title,
                               std::optional<std::string_view> description,
                               std::optional<std::string_view> category,
                               std::optional<std::string_view> attributesJson) {
    m_items->upsert(externalId, title, description, category, attributesJson);
}

void DatasetWriter::addEvent(std::optional<std::string_view> session,
                             std::optional<std::string_view> user, std::string_view item,
                             std::int64_t tsMs, std::optional<std::string_view> event) {
    addEvent(session, user, itemId(item), tsMs, event);
}

void DatasetWriter::addEvent(std::optional<std::string_view> session,
                             std::optional<std::string_view> user, std::int64_t iid,
                             std::int64_t tsMs, std::optional<std::string_view> event) {
    ++m_staged;
    if (!session) {
        m_stageInsert->bind(1, session).bind(2, user).bind(3, iid).bind(4, tsMs).bind(5, event).run();
        return;
    }
    if (!m_streamed)
        startStreaming();
    if (!m_cur.empty() && *session != m_curKey)
        flushSession();
    if (m_cur.empty()) {
        m_curKey.assign(session->data(), session->size());
        m_curUser = user ? std::optional<std::string>(std::string(*user)) : std::nullopt;
    }
    m_cur.push_back({tsMs, std::int64_t(m_staged), iid,
                     event ? std::optional<std::string>(std::string(*event)) : std::nullopt});
}

void DatasetWriter::startStreaming() {
    m_streamed = true;
    m_db.exec("DROP TABLE IF EXISTS temp.import_keys");
    m_db.exec("CREATE TEMP TABLE import_keys(skey TEXT PRIMARY KEY, sid INTEGER NOT NULL)");
    m_keyFind.emplace(m_db.prepare("SELECT sid FROM temp.import_keys WHERE skey = ?"));
    m_keyInsert.emplace(m_db.prepare("INSERT INTO temp.import_keys(skey, sid) VALUES(?, ?)"));
    prepareSessionWrites();
    m_storedKeyFind.emplace(m_db.prepare(
        "SELECT id FROM sessions WHERE dataset_id = ? AND external_id = ? ORDER BY id LIMIT 1"));
    Statement had = m_db.prepare("SELECT EXISTS(SELECT 1 FROM sessions WHERE dataset_id = ?)");
    had.bind(1, m_datasetId);
    m_datasetHadSessions = had.step() && had.getInt(0) != 0;
    // The stored-key lookup of a dataset with sessions needs sessions_external all along.
    m_mayDeferIndexes = !m_datasetHadSessions;
    if (m_mayDeferIndexes)
        m_sessionsBefore = m_db.queryInt("SELECT count(*) FROM sessions");
}

void DatasetWriter::prepareSessionWrites() {
    // New sessions are numbered here, so their events append to the events b-tree in order.
    m_nextSessionId = m_db.queryInt("SELECT coalesce(max(id), 0) + 1 FROM sessions");
    m_firstSessionId = m_nextSessionId;
    m_sessionBatch = std::make_unique<BatchInsert>(
        m_db,
        "INSERT OR FAIL INTO sessions(id, dataset_id, external_id, user_id, start_ts, end_ts,"
        " n_events)",
        7, kSessionBlock);
    m_eventBatch = std::make_unique<BatchInsert>(
        m_db, "INSERT OR FAIL INTO events(session_id, pos, item_id, ts, event_type)", 5,
        kEventBlock);
    m_userInsert.emplace(
        m_db.prepare("INSERT OR IGNORE INTO users(dataset_id, external_id) VALUES(?, ?)"));
    m_userFind.emplace(
        m_db.prepare("SELECT id FROM users WHERE dataset_id = ? AND external_id = ?"));
}

std::optional<std::int64_t> DatasetWriter::userId(const std::optional<std::string>& key) {
    if (!key)
        return std::nullopt;
    if (m_lastUserId >= 0 && *key == m_lastUserKey)
        return m_lastUserId;
    m_userInsert->bind(1, m_datasetId).bind(2, *key).run();
    m_userFind->bind(1, m_datasetId).bind(2, *key);
    m_userFind->step();
    std::int64_t id = m_userFind->getInt(0);
    m_userFind->reset();
    m_lastUserKey = *key;
    m_lastUserId = id;
    return id;
}

std::optional<std::int64_t> DatasetWriter::knownSession() {
    if (m_keysAscending) {
        const bool after = m_curKey.size() != m_lastKey.size()
                               ? m_curKey.size() > m_lastKey.size()
                               : m_curKey > m_lastKey;
        if (after)
            m_lastKey = m_curKey;
        else
            rememberNewKeys();
    }
    std::optional<std::int64_t> known;
    if (!m_keysAscending) {
        m_keyFind->bind(1, m_curKey);
        if (m_keyFind->step())
            known = m_keyFind->getInt(0);
        m_keyFind->reset();
    }
    if (!known && m_datasetHadSessions) {
        m_storedKeyFind->bind(1, m_datasetId).bind(2, m_curKey);
        if (m_storedKeyFind->step())
            known = m_storedKeyFind->getInt(0);
        m_storedKeyFind->reset();
        if (known)
            m_keyInsert->bind(1, m_curKey).bind(2, *known).run();
    }
    return known;
}

void DatasetWriter::rememberNewKeys() {
    // From here on keys may come back: the keys of the sessions written so far join the ones
    // found in earlier imports, and every key is looked up as it comes.
    if (!m_keysAscending)
        return;
    m_keysAscending = false;
    flushBatches();
    Statement fill = m_db.prepare("INSERT INTO temp.import_keys(skey, sid)"
                                  " SELECT external_id, id FROM sessions WHERE id >= ?");
    fill.bind(1, m_firstSessionId).run();
}

void DatasetWriter::flushSession() {
    if (m_cur.empty())
        return;
    std::optional<std::int64_t> known = knownSession();
    if (known) {
        // The key came back after other sessions: merge with what was written (earlier in the
        // file, so it goes first among equal times) and rewrite the session.
        flushBatches();
        Statement old = m_db.prepare(
            "SELECT ts, item_id, event_type FROM events WHERE session_id = ? ORDER BY pos");
        old.bind(1, *known);
        std::vector<PendingEvent> merged;
        std::int64_t row = -(1LL << 62);
        while (old.step())
            merged.push_back({old.getInt(0), row++, old.getInt(1), old.getOptText(2)});
        Statement del = m_db.prepare("DELETE FROM events WHERE session_id = ?");
        del.bind(1, *known).run();
        m_streamedEvents -= merged.size();
        merged.insert(merged.end(), std::make_move_iterator(m_cur.begin()),
                      std::make_move_iterator(m_cur.end()));
        m_cur = std::move(merged);
        writeSession(*known, false);
    } else {
        std::int64_t sid = m_nextSessionId++;
        if (!m_keysAscending)
            m_keyInsert->bind(1, m_curKey).bind(2, sid).run();
        writeSession(sid, true);
    }
    m_cur.clear();
}

void DatasetWriter::writeSession(std::int64_t sid, bool isNew) {
    std::stable_sort(m_cur.begin(), m_cur.end(), [](const PendingEvent& a, const PendingEvent& b) {
        return a.ts != b.ts ? a.ts < b.ts : a.row < b.row;
    });
    if (isNew) {
        if (m_mayDeferIndexes && m_deferredIndexes.empty() &&
            std::int64_t(m_newSessions) >= m_sessionsBefore)
            deferSessionIndexes();
        m_sessionBatch->add(sid).add(m_datasetId).add(std::string_view(m_curKey))
            .add(userId(m_curUser)).add(m_cur.front().ts).add(m_cur.back().ts)
            .add(std::int64_t(m_cur.size()));
    } else {
        Statement upd = m_db.prepare(
            "UPDATE sessions SET start_ts = ?, end_ts = ?, n_events = ? WHERE id = ?");
        upd.bind(1, m_cur.front().ts).bind(2, m_cur.back().ts).bind(3, std::int64_t(m_cur.size()))
            .bind(4, sid).run();
    }
    for (std::size_t i = 0; i < m_cur.size(); ++i)
        m_eventBatch->add(sid).add(std::int64_t(i)).add(m_cur[i].item).add(m_cur[i].ts)
            .add(m_cur[i].event);
    // Sessions go first: the events' foreign key needs their session's row. Once a block of
    // sessions is written, every queued event has its session.
    if (m_sessionBatch->pendingRows() >= std::size_t(kSessionBlock)) {
        m_sessionBatch->writeFullBlocks();
        if (m_sessionBatch->pendingRows() == 0)
            m_eventBatch->writeFullBlocks();
    }
    m_streamedEvents += m_cur.size();
    m_newSessions += isNew;
}

void DatasetWriter::deferSessionIndexes() {
    // Inserting a session into three indexes costs three b-tree searches in random places
    // (external ids do not sort like session ids); building them once at commit is a sort. Only
    // done once this import has written as many sessions as the table held before, so the
    // rebuild costs at most twice what the import adds. Inside the transaction: a failed import
    // rolls the drop back with everything else.
    Statement list = m_db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                  " AND tbl_name = 'sessions' AND sql IS NOT NULL ORDER BY name");
    std::vector<std::string> names;
    while (list.step()) {
        names.push_back(list.getText(0));
        m_deferredIndexes.push_back(list.getText(1));
    }
    list.reset();
    m_storedKeyFind.reset(); // uses sessions_external; not needed for a dataset without sessions
    for (const std::string& name : names)
        m_db.exec("DROP INDEX \"" + name + "\"");
}

void DatasetWriter::restoreSessionIndexes() {
    if (m_deferredIndexes.empty())
        return;
    // CREATE INDEX sorts in memory up to the page cache's size before it spills to temporary
    // files; on top of the cache itself that raised the peak memory of a 4M-event import from
    // 84 to 131 MB. A smaller budget while sorting keeps the peak where it was at 1M events.
    const std::int64_t cacheSize = m_db.queryInt("PRAGMA cache_size");
    m_db.exec("PRAGMA cache_size = " + std::to_string(kIndexSortCacheKb));
    try {
        for (const std::string& sql : m_deferredIndexes)
            m_db.exec(sql);
    } catch (...) {
        m_db.exec("PRAGMA cache_size = " + std::to_string(cacheSize));
        throw;
    }
    m_db.exec("PRAGMA cache_size = " + std::to_string(cacheSize));
    m_deferredIndexes.clear();
}

void DatasetWriter::flushBatches() {
    if (m_sessionBatch)
        m_sessionBatch->flush();
    if (m_eventBatch)
        m_eventBatch->flush();
}

void DatasetWriter::assembleGapSessions(const SessionAssembly& a, ImportReport& report) {
    prepareSessionWrites();
    // Decided before the rows are read: dropping an index while a statement reads is refused.
    // The rows bound the sessions, so the rebuild costs at most twice what the import adds.
    m_mayDeferIndexes = false;
    if (std::int64_t(m_staged) >= m_db.queryInt("SELECT count(*) FROM sessions"))
        deferSessionIndexes();

    // One sort of the staged rows by user, then time and file order; the gaps split each user's
    // rows into sessions "user#n" on the way. Session ids follow the key order of the SQL
    // assembly: users by "user#", a user's sessions by n as text ("#1" < "#10" < "#2").
    Statement rows = m_db.prepare("SELECT ukey, ts, rowno, item_id, event FROM temp.import_stage"
                                  " ORDER BY ukey || '#', ts, rowno");
    struct GapSession {
        std::string n;
        std::vector<PendingEvent> events;
    };
    std::vector<GapSession> sessions;
    std::string user;
    std::int64_t lastTs = 0;
    auto writeUser = [&] {
        std::sort(sessions.begin(), sessions.end(),
                  [](const GapSession& x, const GapSession& y) { return x.n < y.n; });
        for (GapSession& gs : sessions) {
            m_curKey = user + "#" + gs.n;
            m_curUser = user;
            m_cur = std::move(gs.events);
            writeSession(m_nextSessionId++, true);
            m_cur.clear();
        }
        sessions.clear();
    };
    const std::uint64_t total = m_staged;
    std::uint64_t done = 0;
    while (rows.step()) {
        if ((++done & 0xFFFF) == 0)
            reportProgress({"sessions", done, total, ""});
        const std::string_view key = rows.getTextView(0);
        const std::int64_t ts = rows.getInt(1);
        if (sessions.empty() || key != user) {
            writeUser();
            user.assign(key.data(), key.size());
            sessions.push_back({"1", {}});
        } else if (ts - lastTs > a.gapMs) {
            sessions.push_back({std::to_string(sessions.size() + 1), {}});
        }
        sessions.back().events.push_back(
            {ts, rows.getInt(2), rows.getInt(3), rows.getOptText(4)});
        lastTs = ts;
    }
    writeUser();
    rows.reset();
    flushBatches();
    report.sessions = m_newSessions;
    report.events = m_streamedEvents;
    if (a.splitPart)
        markSplit(*a.splitPart,
                  "SELECT ?, id, ? FROM sessions WHERE id >= " + std::to_string(m_firstSessionId));
    restoreSessionIndexes();
}

void DatasetWriter::assembleSessions(const SessionAssembly& a, ImportReport& report) {
    // Users get their ids in order of first appearance (DISTINCT keeps the scan's order).
    {
        Statement users = m_db.prepare(
            "INSERT OR IGNORE INTO users(dataset_id, external_id)"
            " SELECT DISTINCT ?, ukey FROM temp.import_stage WHERE ukey IS NOT NULL");
        users.bind(1, m_datasetId).run();
    }
    // A user key with '#' could order its "user#n" keys between another user's (or be NULL):
    // those keep the SQL assembly, which sorts the keys themselves.
    if (!a.hasSessionKey &&
        m_db.queryInt("SELECT NOT EXISTS(SELECT 1 FROM temp.import_stage"
                      " WHERE ukey IS NULL OR instr(ukey, '#') > 0)") != 0) {
        assembleGapSessions(a, report);
        return;
    }
    if (!a.hasSessionKey) {
        // A user's events, in time then file order, start a new session after a gap > gapMs.
        Statement st = m_db.prepare(R"sql(
CREATE TEMP TABLE import_keys AS
SELECT rowno, ukey || '#' || sum(is_new) OVER (PARTITION BY ukey ORDER BY ts, rowno
                                               ROWS UNBOUNDED PRECEDING) AS skey
FROM (SELECT rowno, ukey, ts,
             CASE WHEN ts - lag(ts) OVER (PARTITION BY ukey ORDER BY ts, rowno) <= ?1
                  THEN 0 ELSE 1 END AS is_new
      FROM temp.import_stage))sql");
        st.bind(1, a.gapMs).run();
        m_db.exec("UPDATE temp.import_stage SET skey = k.skey FROM temp.import_keys k"
                  " WHERE k.rowno = import_stage.rowno");
        m_db.exec("DROP TABLE temp.import_keys");
    }
    std::int64_t base = m_db.queryInt("SELECT coalesce(max(id), 0) FROM sessions");
    // Session ids follow the key order, so events are appended to the events b-tree in order.
    {
        Statement st = m_db.prepare(R"sql(
CREATE TEMP TABLE import_sessions AS
SELECT ?1 + row_number() OVER (ORDER BY skey) AS sid, skey, t0, t1, n, r0
FROM (SELECT skey, min(ts) AS t0, max(ts) AS t1, count(*) AS n, min(rowno) AS r0
      FROM temp.import_stage GROUP BY skey))sql");
        st.bind(1, base).run();
    }
    m_db.exec("CREATE UNIQUE INDEX temp.import_sessions_key ON import_sessions(skey)");
    {
        Statement st = m_db.prepare(R"sql(
INSERT INTO sessions(id, dataset_id, external_id, user_id, start_ts, end_ts, n_events)
SELECT s.sid, ?1, s.skey, u.id, s.t0, s.t1, s.n
FROM temp.import_sessions s
JOIN temp.import_stage f ON f.rowno = s.r0
LEFT JOIN users u ON u.dataset_id = ?1 AND u.external_id = f.ukey
ORDER BY s.sid)sql");
        st.bind(1, m_datasetId).run();
        report.sessions = std::uint64_t(m_db.changes());
    }
    m_db.exec(R"sql(
INSERT INTO events(session_id, pos, item_id, ts, event_type)
SELECT s.sid, row_number() OVER (PARTITION BY e.skey ORDER BY e.ts, e.rowno) - 1,
       e.item_id, e.ts, e.event
FROM temp.import_stage e JOIN temp.import_sessions s ON s.skey = e.skey)sql");
    report.events = std::uint64_t(m_db.changes());

    if (a.splitPart)
        markSplit(*a.splitPart, "SELECT ?, sid, ? FROM temp.import_sessions");
    m_db.exec("DROP TABLE temp.import_sessions");
}

void DatasetWriter::markSplit(const std::string& part, const std::string& selectNew) {
    {
        if (part != "train" && part != "valid" && part != "test")
            throw UsageError("split part must be train, valid or test, not '" + part + "'");
        Statement ins = m_db.prepare(
            "INSERT INTO splits(dataset_id, name, method, params, active, created_at)"
            " VALUES(?, 'imported', 'imported', '{}', 0, ?)"
            " ON CONFLICT(dataset_id, name) DO NOTHING");
        ins.bind(1, m_datasetId).bind(2, SessionStore::nowIso()).run();
        Statement id = m_db.prepare("SELECT id FROM splits WHERE dataset_id = ? AND name = 'imported'");
        id.bind(1, m_datasetId);
        id.step();
        std::int64_t splitId = id.getInt(0);
        Statement act = m_db.prepare("UPDATE splits SET active = (id = ?1) WHERE dataset_id = ?2");
        act.bind(1, splitId).bind(2, m_datasetId).run();
        // OR REPLACE: a session key that comes back from an earlier import into this split is
        // already marked; the part given now wins (a plain INSERT failed the whole import with a
        // UNIQUE constraint error, found by fuzzing a repeated import with --split).
        Statement mark = m_db.prepare(
            "INSERT OR REPLACE INTO split_sessions(split_id, session_id, part) " + selectNew);
        mark.bind(1, splitId).bind(2, part).run();
    }
}

void DatasetWriter::commit(const SessionAssembly& assembly, ImportReport& report) {
    report.datasetId = m_datasetId;
    if (m_streamed) {
        flushSession();
        flushBatches();
        report.sessions = m_newSessions;
        report.events = m_streamedEvents;
        if (assembly.splitPart) {
            rememberNewKeys();
            markSplit(*assembly.splitPart, "SELECT ?, sid, ? FROM temp.import_keys");
        }
        m_db.exec("DROP TABLE temp.import_keys");
        restoreSessionIndexes();
    }
    m_items->flush();
    {
        ProgressHandlerGuard guard(m_db.handle(), &m_progress);
        try {
            if (m_staged > m_streamedEvents && !m_streamed)
                assembleSessions(assembly, report);
        } catch (const DatabaseError&) {
            if (guard.cancelled)
                throw Cancelled();
            throw;
        }
    }
    report.newItems = m_items->newItems();
    m_stageInsert.reset();
    m_db.exec("DROP TABLE temp.import_stage");
    m_tx->commit();
    m_committed = true;
}

} // namespace srw
