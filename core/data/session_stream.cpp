#include "srw/data/session_stream.h"

#include "srw/util/error.h"

namespace srw {

void forEachStoredSession(Database& db, std::int64_t datasetId, bool keptOnly,
                          const std::function<void(const StoredSession&)>& fn,
                          const ProgressFn& progress) {
    std::int64_t total = 0;
    {
        // Bound like every other statement (the id is ours, but SQL is never built from values).
        Statement count = db.prepare("SELECT count(*) FROM sessions WHERE dataset_id = ?");
        count.bind(1, datasetId);
        if (count.step())
            total = count.getInt(0);
    }
    Statement st = db.prepare(
        "SELECT e.session_id, s.flags, e.pos, e.item_id, e.ts FROM sessions s"
        " JOIN events e ON e.session_id = s.id WHERE s.dataset_id = ?1 AND (?2 = 0 OR"
        " (s.flags = 0 AND NOT EXISTS (SELECT 1 FROM excluded_events x"
        " WHERE x.session_id = e.session_id AND x.pos = e.pos))) ORDER BY s.id, e.pos");
    st.bind(1, datasetId).bind(2, keptOnly ? 1 : 0);
    StoredSession cur;
    std::uint64_t done = 0;
    auto flush = [&] {
        if (!cur.items.empty())
            fn(cur);
        cur.pos.clear();
        cur.items.clear();
        cur.times.clear();
        if ((++done & 0x3FF) == 0 && progress &&
            !progress({"sessions", done, std::uint64_t(total), ""}))
            throw Cancelled();
    };
    bool any = false;
    while (st.step()) {
        std::int64_t sid = st.getInt(0);
        if (!any || sid != cur.id) {
            if (any)
                flush();
            cur.id = sid;
            cur.flags = st.getInt(1);
            any = true;
        }
        cur.pos.push_back(std::int32_t(st.getInt(2)));
        cur.items.push_back(st.getInt(3));
        cur.times.push_back(st.getInt(4));
    }
    if (any)
        flush();
}

} // namespace srw
