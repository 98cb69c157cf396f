#include "srw/data/run_store.h"

#include "srw/util/error.h"
#include "srw/util/process_identity.h"
#include "srw/util/version.h"

namespace srw {
namespace {

const char* kSelect =
    "SELECT r.id, r.dataset_id, coalesce(d.name, ''), r.split_id, coalesce(s.name, ''),"
    " r.group_id, coalesce(r.name, ''), r.kind, r.model, r.params, r.protocol,"
    " coalesce(r.data_hash, ''), r.status, r.created_at, coalesce(r.finished_at, ''),"
    " coalesce(r.metrics, '{}'), coalesce(r.timings, '{}'), coalesce(r.environment, '{}'),"
    " r.program_version, coalesce(r.notes, '')"
    " FROM runs r LEFT JOIN datasets d ON d.id = r.dataset_id"
    " LEFT JOIN splits s ON s.id = r.split_id";

nlohmann::json parseJson(std::string_view text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::json::object() : j;
}

/** The "process" entry of a run's environment: who writes the run while it is running. */
nlohmann::json processJson(const ProcessIdentity& p) {
    return {{"host", p.host}, {"pid", p.pid}, {"start_ticks", p.startTicks}};
}

/** A run left "running" by a process that is gone (killed, crashed) reads as "interrupted":
 * nothing will ever finish it, and it can be resumed. Nothing is written: reads stay reads. */
void detectInterrupted(RunRecord& r) {
    if (r.status != "running" || !r.environment.contains("process"))
        return;
    const auto& j = r.environment["process"];
    ProcessIdentity who;
    who.host = j.value("host", "");
    who.pid = j.value("pid", std::int64_t(0));
    who.startTicks = j.value("start_ticks", std::uint64_t(0));
    if (processState(who) == ProcessState::Gone)
        r.status = "interrupted";
}

RunRecord readRun(Statement& st) {
    RunRecord r;
    r.id = st.getInt(0);
    r.datasetId = st.getInt(1);
    r.dataset = st.getText(2);
    r.splitId = st.getOptInt(3);
    r.splitName = st.getText(4);
    r.groupId = st.getOptInt(5);
    r.name = st.getText(6);
    r.kind = st.getText(7);
    r.model = st.getText(8);
    r.params = parseJson(st.getTextView(9));
    r.protocol = parseJson(st.getTextView(10));
    r.dataHash = st.getText(11);
    r.status = st.getText(12);
    r.createdAt = st.getText(13);
    r.finishedAt = st.getText(14);
    r.metrics = parseJson(st.getTextView(15));
    r.timings = parseJson(st.getTextView(16));
    r.environment = parseJson(st.getTextView(17));
    r.programVersion = st.getText(18);
    r.notes = st.getText(19);
    detectInterrupted(r);
    return r;
}

void requireChange(Database& db, std::int64_t id) {
    if (db.changes() == 0)
        throw UsageError("no run with id " + std::to_string(id));
}

} // namespace

std::int64_t RunStore::create(RunRecord run) {
    Database& db = m_store.db();
    if (run.status == "running")
        run.environment["process"] = processJson(currentProcess());
    Statement st = db.prepare(
        "INSERT INTO runs(dataset_id, split_id, group_id, name, kind, model, params, protocol,"
        " data_hash, status, created_at, metrics, timings, environment, program_version, notes)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, run.datasetId)
        .bind(2, run.splitId)
        .bind(3, run.groupId)
        .bind(4, run.name)
        .bind(5, run.kind)
        .bind(6, run.model)
        .bind(7, run.params.dump())
        .bind(8, run.protocol.dump())
        .bind(9, run.dataHash)
        .bind(10, run.status)
        .bind(11, SessionStore::nowIso())
        .bind(12, run.metrics.dump())
        .bind(13, run.timings.dump())
        .bind(14, run.environment.dump())
        .bind(15, kVersion)
        .bind(16, run.notes)
        .run();
    return db.lastInsertRowId();
}

void RunStore::finish(std::int64_t id, const std::string& status, const nlohmann::json& metrics,
                      const nlohmann::json& timings) {
    Statement st = m_store.db().prepare(
        "UPDATE runs SET status = ?, metrics = ?, timings = ?, finished_at = ? WHERE id = ?");
    st.bind(1, status).bind(2, metrics.dump()).bind(3, timings.dump())
        .bind(4, SessionStore::nowIso()).bind(5, id).run();
    requireChange(m_store.db(), id);
}

void RunStore::setStatus(std::int64_t id, const std::string& status) {
    Statement st = m_store.db().prepare("UPDATE runs SET status = ? WHERE id = ?");
    st.bind(1, status).bind(2, id).run();
    requireChange(m_store.db(), id);
    if (status == "running") { // a resumed run belongs to this process now
        Statement env = m_store.db().prepare(
            "UPDATE runs SET environment = json_set(coalesce(environment, '{}'), '$.process',"
            " json(?)) WHERE id = ?");
        env.bind(1, processJson(currentProcess()).dump()).bind(2, id).run();
    }
}

void RunStore::updateParams(std::int64_t id, const nlohmann::json& params) {
    Statement st = m_store.db().prepare("UPDATE runs SET params = ? WHERE id = ?");
    st.bind(1, params.dump()).bind(2, id).run();
    requireChange(m_store.db(), id);
}

void RunStore::setProtocol(std::int64_t id, const nlohmann::json& protocol) {
    Statement st = m_store.db().prepare("UPDATE runs SET protocol = ? WHERE id = ?");
    st.bind(1, protocol.dump()).bind(2, id).run();
    requireChange(m_store.db(), id);
}

void RunStore::addEpoch(std::int64_t id, const EpochRecord& e) {
    Statement st = m_store.db().prepare(
        "INSERT OR REPLACE INTO run_epochs(run_id, epoch, train_loss, metrics, seconds)"
        " VALUES(?, ?, ?, ?, ?)");
    st.bind(1, id).bind(2, e.epoch).bind(3, e.trainLoss).bind(4, e.metrics.dump())
        .bind(5, e.seconds).run();
}

std::vector<EpochRecord> RunStore::epochs(std::int64_t id) {
    Statement st = m_store.db().prepare(
        "SELECT epoch, train_loss, coalesce(metrics, '{}'), coalesce(seconds, 0) FROM run_epochs"
        " WHERE run_id = ? ORDER BY epoch");
    st.bind(1, id);
    std::vector<EpochRecord> out;
    while (st.step()) {
        EpochRecord e;
        e.epoch = int(st.getInt(0));
        if (!st.isNull(1))
            e.trainLoss = st.getDouble(1);
        e.metrics = parseJson(st.getTextView(2));
        e.seconds = st.getDouble(3);
        out.push_back(std::move(e));
    }
    return out;
}

void RunStore::addCheckpoint(std::int64_t id, int epoch, std::int64_t step,
                             const std::string& path, const std::string& sha256) {
    Statement st = m_store.db().prepare(
        "INSERT INTO checkpoints(run_id, epoch, step, path, sha256, created_at)"
        " VALUES(?, ?, ?, ?, ?, ?)");
    st.bind(1, id).bind(2, epoch).bind(3, step).bind(4, path).bind(5, sha256)
        .bind(6, SessionStore::nowIso()).run();
}

std::optional<std::string> RunStore::lastCheckpoint(std::int64_t id) {
    Statement st = m_store.db().prepare(
        "SELECT path FROM checkpoints WHERE run_id = ? ORDER BY step DESC, id DESC LIMIT 1");
    st.bind(1, id);
    if (st.step())
        return st.getText(0);
    return std::nullopt;
}

RunRecord RunStore::get(std::int64_t id) {
    Statement st = m_store.db().prepare(std::string(kSelect) + " WHERE r.id = ?");
    st.bind(1, id);
    if (!st.step())
        throw UsageError("no run with id " + std::to_string(id) + " (see srw runs)");
    return readRun(st);
}

std::vector<RunRecord> RunStore::list(const std::string& datasetName) {
    Statement st = m_store.db().prepare(std::string(kSelect) +
                                        " WHERE ?1 = '' OR d.name = ?1 ORDER BY r.id DESC");
    st.bind(1, datasetName);
    std::vector<RunRecord> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

void RunStore::rename(std::int64_t id, const std::string& name) {
    Statement st = m_store.db().prepare("UPDATE runs SET name = ? WHERE id = ?");
    st.bind(1, name).bind(2, id).run();
    requireChange(m_store.db(), id);
}

void RunStore::annotate(std::int64_t id, const std::string& notes) {
    Statement st = m_store.db().prepare("UPDATE runs SET notes = ? WHERE id = ?");
    st.bind(1, notes).bind(2, id).run();
    requireChange(m_store.db(), id);
}

void RunStore::remove(std::int64_t id) {
    Statement st = m_store.db().prepare("DELETE FROM runs WHERE id = ?");
    st.bind(1, id).run();
    requireChange(m_store.db(), id);
}

std::int64_t RunStore::newGroupId() {
    return m_store.db().queryInt("SELECT coalesce(max(group_id), 0) + 1 FROM runs");
}

void RunStore::setPerSession(std::int64_t id, const nlohmann::json& values) {
    Statement st = m_store.db().prepare(
        "INSERT OR REPLACE INTO run_details(run_id, per_session) VALUES(?, ?)");
    st.bind(1, id).bind(2, values.dump()).run();
}

std::optional<nlohmann::json> RunStore::perSession(std::int64_t id) {
    Statement st = m_store.db().prepare("SELECT per_session FROM run_details WHERE run_id = ?");
    st.bind(1, id);
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return parseJson(st.getTextView(0));
}

void RunStore::storeRecommendations(std::int64_t id, const std::vector<StoredRecommendation>& recs) {
    Database& db = m_store.db();
    Transaction tx(db);
    Statement st = db.prepare(
        "INSERT OR REPLACE INTO recommendations(run_id, session_id, pos, rank, item_id, score)"
        " VALUES(?, ?, ?, ?, ?, ?)");
    for (const auto& r : recs)
        st.bind(1, id).bind(2, r.sessionId).bind(3, r.pos).bind(4, r.rank).bind(5, r.itemId)
            .bind(6, r.score).run();
    tx.commit();
}

std::vector<StoredRecommendation> RunStore::recommendations(std::int64_t id, std::int64_t sessionId) {
    Statement st = m_store.db().prepare(
        "SELECT session_id, pos, rank, item_id, coalesce(score, 0) FROM recommendations"
        " WHERE run_id = ? AND session_id = ? ORDER BY pos, rank");
    st.bind(1, id).bind(2, sessionId);
    std::vector<StoredRecommendation> out;
    while (st.step())
        out.push_back({st.getInt(0), int(st.getInt(1)), int(st.getInt(2)), st.getInt(3),
                       st.getDouble(4)});
    return out;
}

} // namespace srw
