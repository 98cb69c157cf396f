#include "srw/data/dataset_writer.h"

#include "batch_insert.h"

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

} // namespace

DatasetWriter::DatasetWriter(SessionStore& store, const std::string& dataset, ProgressFn progress)
    : m_store(store), m_db(store.db()), m_progress(std::move(progress)) {
    SessionStore::validateDatasetName(dataset);
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
    Statement items = m_db.prepare("SELECT external_id, id FROM items WHERE dataset_id = ?");
    items.bind(1, m_datasetId);
    while (items.step())
        m_items.emplace(items.getText(0), items.getInt(1));

    m_db.exec("DROP TABLE IF EXISTS temp.import_stage");
    m_db.exec("CREATE TEMP TABLE import_stage(rowno INTEGER PRIMARY KEY, skey TEXT, ukey TEXT,"
              " item_id INTEGER NOT NULL, ts INTEGER NOT NULL, event TEXT)");
    m_stageInsert.emplace(
        m_db.prepare("INSERT INTO temp.import_stage(skey, ukey, item_id, ts, event)"
                     " VALUES(?, ?, ?, ?, ?)"));
    m_itemInsert.emplace(
        m_db.prepare("INSERT INTO items(dataset_id, external_id) VALUES(?, ?)"));
    m_itemUpsert.emplace(m_db.prepare(
        "INSERT INTO items(dataset_id, external_id, title, description, category, attributes)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(dataset_id, external_id) DO UPDATE SET"
        " title = coalesce(excluded.title, title),"
        " description = coalesce(excluded.description, description),"
        " category = coalesce(excluded.category, category),"
        " attributes = coalesce(excluded.attributes, attributes)"));
}

DatasetWriter::~DatasetWriter() {
    // Statements must be finalized before the rollback can release the tables they hold.
    m_stageInsert.reset();
    m_itemInsert.reset();
    m_itemUpsert.reset();
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

void DatasetWriter::addSource(const std::string& path, const std::string& kind,
                              const std::string& format, const std::string& optionsJson,
                              std::uint64_t rows) {
    Statement st = m_db.prepare(
        "INSERT INTO dataset_sources(dataset_id, kind, path, sha256, size, format, options, rows,"
        " imported_at, program_version) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, m_datasetId)
        .bind(2, kind)
        .bind(3, absolutePath(path))
        .bind(4, sha256File(path))
        .bind(5, std::int64_t(fileSizeOrZero(path)))
        .bind(6, format)
        .bind(7, optionsJson)
        .bind(8, std::int64_t(rows))
        .bind(9, SessionStore::nowIso())
        .bind(10, kVersion)
        .run();
}

std::int64_t DatasetWriter::itemId(std::string_view externalId) {
    std::string key(externalId);
    auto it = m_items.find(key);
    if (it != m_items.end())
        return it->second;
    m_itemInsert->bind(1, m_datasetId).bind(2, externalId).run();
    std::int64_t id = m_db.lastInsertRowId();
    m_items.emplace(std::move(key), id);
    ++m_newItems;
    return id;
}

void DatasetWriter::upsertItem(std::string_view externalId, std::optional<std::string_view> title,
                               std::optional<std::string_view> description,
                               std::optional<std::string_view> category,
                               std::optional<std::string_view> attributesJson) {
    bool known = m_items.count(std::string(externalId)) > 0;
    m_itemUpsert->bind(1, m_datasetId)
        .bind(2, externalId)
        .bind(3, title)
        .bind(4, description)
        .bind(5, category)
        .bind(6, attributesJson)
        .run();
    if (!known) {
        Statement q = m_db.prepare("SELECT id FROM items WHERE dataset_id = ? AND external_id = ?");
        q.bind(1, m_datasetId).bind(2, externalId);
        q.step();
        m_items.emplace(std::string(externalId), q.getInt(0));
        ++m_newItems;
    }
}

void DatasetWriter::addEvent(std::optional<std::string_view> session,
                             std::optional<std::string_view> user, std::string_view item,
                             std::int64_t tsMs, std::optional<std::string_view> event) {
    std::int64_t iid = itemId(item);
    ++m_staged;
    if (!session) {
        m_stageInsert->bind(1, session).bind(2, user).bind(3, iid).bind(4, tsMs).bind(5, event).run();
        return;
    }
    if (!m_streamed) {
        m_streamed = true;
        m_nextSessionId = m_db.queryInt("SELECT coalesce(max(id), 0) + 1 FROM sessions");
        m_db.exec("DROP TABLE IF EXISTS temp.import_keys");
        m_db.exec("CREATE TEMP TABLE import_keys(skey TEXT PRIMARY KEY, sid INTEGER NOT NULL)");
        m_keyFind.emplace(m_db.prepare("SELECT sid FROM temp.import_keys WHERE skey = ?"));
        m_keyInsert.emplace(m_db.prepare("INSERT INTO temp.import_keys(skey, sid) VALUES(?, ?)"));
        m_sessionBatch = std::make_unique<BatchInsert>(
            m_db,
            "INSERT INTO sessions(id, dataset_id, external_id, user_id, start_ts, end_ts,"
            " n_events)",
            7, 32);
        m_eventBatch = std::make_unique<BatchInsert>(
            m_db, "INSERT INTO events(session_id, pos, item_id, ts, event_type)", 5, 128);
        m_userInsert.emplace(
            m_db.prepare("INSERT OR IGNORE INTO users(dataset_id, external_id) VALUES(?, ?)"));
        m_userFind.emplace(
            m_db.prepare("SELECT id FROM users WHERE dataset_id = ? AND external_id = ?"));
        m_storedKeyFind.emplace(m_db.prepare(
            "SELECT id FROM sessions WHERE dataset_id = ? AND external_id = ? ORDER BY id LIMIT 1"));
        Statement had = m_db.prepare("SELECT EXISTS(SELECT 1 FROM sessions WHERE dataset_id = ?)");
        had.bind(1, m_datasetId);
        m_datasetHadSessions = had.step() && had.getInt(0) != 0;
    }
    if (!m_cur.empty() && *session != m_curKey)
        flushSession();
    if (m_cur.empty()) {
        m_curKey.assign(session->data(), session->size());
        m_curUser = user ? std::optional<std::string>(std::string(*user)) : std::nullopt;
    }
    m_cur.push_back({tsMs, std::int64_t(m_staged), iid,
                     event ? std::optional<std::string>(std::string(*event)) : std::nullopt});
}

std::optional<std::int64_t> DatasetWriter::userId(const std::optional<std::string>& key) {
    if (!key)
        return std::nullopt;
    m_userInsert->bind(1, m_datasetId).bind(2, *key).run();
    m_userFind->bind(1, m_datasetId).bind(2, *key);
    m_userFind->step();
    std::int64_t id = m_userFind->getInt(0);
    m_userFind->reset();
    return id;
}

void DatasetWriter::flushSession() {
    if (m_cur.empty())
        return;
    m_keyFind->bind(1, m_curKey);
    std::optional<std::int64_t> known;
    if (m_keyFind->step())
        known = m_keyFind->getInt(0);
    m_keyFind->reset();
    if (!known && m_datasetHadSessions) {
        m_storedKeyFind->bind(1, m_datasetId).bind(2, m_curKey);
        if (m_storedKeyFind->step())
            known = m_storedKeyFind->getInt(0);
        m_storedKeyFind->reset();
        if (known)
            m_keyInsert->bind(1, m_curKey).bind(2, *known).run();
    }
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
        m_sessionBatch->add({sid, m_datasetId, m_curKey, userId(m_curUser), m_cur.front().ts,
                             m_cur.back().ts, std::int64_t(m_cur.size())});
    } else {
        Statement upd = m_db.prepare(
            "UPDATE sessions SET start_ts = ?, end_ts = ?, n_events = ? WHERE id = ?");
        upd.bind(1, m_cur.front().ts).bind(2, m_cur.back().ts).bind(3, std::int64_t(m_cur.size()))
            .bind(4, sid).run();
    }
    // Sessions go first: the events' foreign key needs their session's row.
    if (m_eventBatch->pendingRows() + m_cur.size() >= 128)
        m_sessionBatch->flush();
    for (std::size_t i = 0; i < m_cur.size(); ++i)
        m_eventBatch->add({sid, std::int64_t(i), m_cur[i].item, m_cur[i].ts,
                           std::move(m_cur[i].event)});
    m_streamedEvents += m_cur.size();
    m_newSessions += isNew;
}

void DatasetWriter::flushBatches() {
    if (m_sessionBatch)
        m_sessionBatch->flush();
    if (m_eventBatch)
        m_eventBatch->flush();
}

void DatasetWriter::assembleSessions(const SessionAssembly& a, ImportReport& report) {
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
    {
        Statement users = m_db.prepare(
            "INSERT OR IGNORE INTO users(dataset_id, external_id)"
            " SELECT DISTINCT ?, ukey FROM temp.import_stage WHERE ukey IS NOT NULL");
        users.bind(1, m_datasetId).run();
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
        if (assembly.splitPart)
            markSplit(*assembly.splitPart, "SELECT ?, sid, ? FROM temp.import_keys");
        m_db.exec("DROP TABLE temp.import_keys");
    }
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
    report.newItems = m_newItems;
    m_stageInsert.reset();
    m_db.exec("DROP TABLE temp.import_stage");
    m_tx->commit();
    m_committed = true;
}

} // namespace srw
