#include "srw/report/report_content.h"

#include "srw/data/database.h"

namespace srw {
namespace {

ReportItem itemAt(const Statement& st, int externalCol, int titleCol) {
    return {st.getText(externalCol), st.getOptText(titleCol).value_or(std::string())};
}

// The session's kept events in order (what the evaluation saw), so stored positions index it.
std::vector<std::pair<std::int64_t, ReportItem>> keptEvents(Database& db, std::int64_t session) {
    Statement st = db.prepare(
        "SELECT e.item_id, i.external_id, i.title FROM events e JOIN items i ON i.id = e.item_id "
        "WHERE e.session_id = ?1 AND NOT EXISTS (SELECT 1 FROM excluded_events x "
        "WHERE x.session_id = e.session_id AND x.pos = e.pos) ORDER BY e.pos");
    st.bind(1, session);
    std::vector<std::pair<std::int64_t, ReportItem>> out;
    while (st.step())
        out.emplace_back(st.getInt(0), itemAt(st, 1, 2));
    return out;
}

} // namespace

std::vector<ExampleSession> loadExampleSessions(SessionStore& store,
                                                const std::vector<ReportRun>& runs, int sessions,
                                                int topK) {
    std::vector<ExampleSession> out;
    if (sessions <= 0 || topK <= 0)
        return out;
    Database& db = store.db();
    // The prefixes come from the first run that stored top lists; prefixes of at least two
    // items say more about a model than single clicks, so they are preferred.
    Statement pick =
        db.prepare("SELECT session_id, pos FROM recommendations WHERE run_id = ?1 AND rank = 1 "
                   "ORDER BY pos < 2, session_id, pos LIMIT ?2");
    for (const auto& run : runs) {
        pick.bind(1, run.record.id).bind(2, sessions);
        while (pick.step())
            out.push_back({pick.getInt(0), {}, int(pick.getInt(1)), {}, std::nullopt, {}});
        pick.reset();
        if (!out.empty())
            break;
    }
    Statement label = db.prepare("SELECT external_id FROM sessions WHERE id = ?1");
    Statement list = db.prepare(
        "SELECT r.rank, i.external_id, i.title, r.score, r.item_id FROM recommendations r "
        "JOIN items i ON i.id = r.item_id WHERE r.run_id = ?1 AND r.session_id = ?2 "
        "AND r.pos = ?3 ORDER BY r.rank LIMIT ?4");
    for (auto& ex : out) {
        label.bind(1, ex.sessionId);
        if (label.step())
            ex.sessionLabel = label.getOptText(0).value_or(std::string());
        label.reset();
        if (ex.sessionLabel.empty())
            ex.sessionLabel = std::to_string(ex.sessionId);
        const auto events = keptEvents(db, ex.sessionId);
        std::int64_t targetId = -1;
        for (std::size_t i = 0; i < events.size() && int(i) <= ex.position; ++i) {
            if (int(i) < ex.position)
                ex.prefix.push_back(events[i].second);
            else {
                ex.target = events[i].second;
                targetId = events[i].first;
            }
        }
        for (const auto& run : runs) {
            list.bind(1, run.record.id).bind(2, ex.sessionId).bind(3, ex.position).bind(4, topK);
            std::vector<ReportRecommendation> recs;
            while (list.step())
                recs.push_back({int(list.getInt(0)), itemAt(list, 1, 2), list.getDouble(3),
                                list.getInt(4) == targetId});
            list.reset();
            if (!recs.empty())
                ex.lists.emplace_back(run.record.id, std::move(recs));
        }
    }
    return out;
}

} // namespace srw
