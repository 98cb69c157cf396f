#pragma once
// What the format tests read back from the workspace: events with their session and user, and
// items with their text, so each test states the stored result in plain values.
#include "../../../support/temp_dir.h"
#include "srw/data/session_store.h"

#include <gtest/gtest.h>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace srw::test {

struct StoredEvent {
    std::string session;             ///< the session's external id ("" when none)
    std::optional<std::string> user; ///< the session's user, if any
    std::string item;
    long long ts = 0;
    std::string type;
    bool operator==(const StoredEvent& o) const {
        return session == o.session && user == o.user && item == o.item && ts == o.ts &&
               type == o.type;
    }
};

inline std::ostream& operator<<(std::ostream& os, const StoredEvent& e) {
    return os << "{" << e.session << ", " << (e.user ? *e.user : "<null>") << ", " << e.item << ", "
              << e.ts << ", " << e.type << "}";
}

struct StoredItem {
    std::optional<std::string> title, description, category, attributes;
};

/** Events of a dataset by session external id, then position: independent of how the writer
 * numbers sessions. */
inline std::vector<StoredEvent> eventsOf(SessionStore& s, const std::string& dataset) {
    Statement st = s.db().prepare(
        "SELECT coalesce(se.external_id, ''), u.external_id, i.external_id, e.ts,"
        " coalesce(e.event_type, '') FROM events e JOIN sessions se ON se.id = e.session_id"
        " JOIN items i ON i.id = e.item_id JOIN datasets d ON d.id = se.dataset_id"
        " LEFT JOIN users u ON u.id = se.user_id WHERE d.name = ? ORDER BY se.external_id, se.id, "
        "e.pos");
    st.bind(1, dataset);
    std::vector<StoredEvent> out;
    while (st.step())
        out.push_back(
            {st.getText(0), st.getOptText(1), st.getText(2), st.getInt(3), st.getText(4)});
    return out;
}

inline StoredItem itemOf(SessionStore& s, const std::string& dataset, const std::string& id) {
    Statement st = s.db().prepare(
        "SELECT i.title, i.description, i.category, i.attributes FROM items i"
        " JOIN datasets d ON d.id = i.dataset_id WHERE d.name = ? AND i.external_id = ?");
    st.bind(1, dataset).bind(2, id);
    if (!st.step()) {
        ADD_FAILURE() << "no item " << id;
        return {};
    }
    return {st.getOptText(0), st.getOptText(1), st.getOptText(2), st.getOptText(3)};
}

inline long long countOf(SessionStore& s, const std::string& sql, const std::string& dataset) {
    Statement st = s.db().prepare(sql);
    st.bind(1, dataset);
    st.step();
    return st.getInt(0);
}

inline long long itemCount(SessionStore& s, const std::string& dataset) {
    return countOf(s,
                   "SELECT count(*) FROM items i JOIN datasets d ON d.id = i.dataset_id"
                   " WHERE d.name = ?",
                   dataset);
}

/** A fresh workspace in a temporary folder. */
class FormatTest : public ::testing::Test {
protected:
    TempDir dir;
    SessionStore store{dir.file("ws.sqlite")};
};

} // namespace srw::test
