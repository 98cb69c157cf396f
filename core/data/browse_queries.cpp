#include "srw/data/browse_queries.h"

#include "srw/util/error.h"

namespace srw {
namespace {

struct ColumnSql {
    BrowseColumn column;
    const char* select; ///< what is shown
    const char* sort;   ///< never NULL, so row-value comparisons of the cursor hold
    bool sortIsText;
};

struct TableSql {
    std::vector<ColumnSql> columns;
    const char* from;    ///< FROM … WHERE <dataset = ?1>
    const char* keys[2]; ///< the row's unique key; key2 is nullptr for one-column keys
    std::vector<const char*> searched;
    const char* fastCount; ///< count without a search, bound to the dataset id
};

const TableSql& tableSql(BrowseTable t) {
    static const TableSql kEvents{
        {{{"Session", BrowseKind::Text}, "coalesce(s.external_id, CAST(s.id AS TEXT))", "s.id", false},
         {{"Position", BrowseKind::Integer}, "e.pos + 1", "e.pos", false},
         {{"Item", BrowseKind::Text}, "i.external_id", "i.external_id", true},
         {{"Title", BrowseKind::Text}, "i.title", "coalesce(i.title, '')", true},
         {{"Time", BrowseKind::Time}, "e.ts", "e.ts", false},
         {{"Event", BrowseKind::Text}, "e.event_type", "coalesce(e.event_type, '')", true}},
        "events e JOIN sessions s ON s.id = e.session_id JOIN items i ON i.id = e.item_id"
        " WHERE s.dataset_id = ?1",
        {"s.id", "e.pos"}, // s.id, not e.session_id: the planner walks sessions in id order only then
        {"i.external_id", "i.title", "s.external_id"},
        "SELECT coalesce(sum(n_events), 0) FROM sessions WHERE dataset_id = ?1"};
    static const TableSql kSessions{
        {{{"Session", BrowseKind::Text}, "coalesce(s.external_id, CAST(s.id AS TEXT))", "s.id", false},
         {{"User", BrowseKind::Text}, "u.external_id", "coalesce(u.external_id, '')", true},
         {{"Start", BrowseKind::Time}, "s.start_ts", "s.start_ts", false},
         {{"End", BrowseKind::Time}, "s.end_ts", "s.end_ts", false},
         {{"Events", BrowseKind::Integer}, "s.n_events", "s.n_events", false},
         {{"Status", BrowseKind::Text},
          "CASE WHEN s.flags & 1 THEN 'bot' WHEN s.flags & 2 THEN 'too short' ELSE 'kept' END",
          "s.flags", false}},
        "sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.dataset_id = ?1",
        {"s.id", nullptr},
        {"s.external_id", "u.external_id"},
        "SELECT count(*) FROM sessions WHERE dataset_id = ?1"};
    static const TableSql kItems{
        {{{"Item", BrowseKind::Text}, "i.external_id", "i.external_id", true},
         {{"Title", BrowseKind::Text}, "i.title", "coalesce(i.title, '')", true},
         {{"Category", BrowseKind::Text}, "i.category", "coalesce(i.category, '')", true},
         {{"Description", BrowseKind::Text}, "substr(i.description, 1, 300)",
          "coalesce(i.description, '')", true}},
        "items i WHERE i.dataset_id = ?1",
        {"i.id", nullptr},
        {"i.external_id", "i.title", "i.category", "i.description"},
        "SELECT count(*) FROM items WHERE dataset_id = ?1"};
    switch (t) {
    case BrowseTable::Events:
        return kEvents;
    case BrowseTable::Sessions:
        return kSessions;
    case BrowseTable::Items:
        break;
    }
    return kItems;
}

std::string searchClause(const TableSql& t, const BrowseQuery& q) {
    if (q.search.empty())
        return {};
    std::string s = " AND (";
    for (std::size_t i = 0; i < t.searched.size(); ++i)
        s += std::string(i ? " OR " : "") + t.searched[i] + " LIKE ?2 ESCAPE '\\'";
    return s + ")";
}

void bindValue(Statement& st, int index, const BrowseValue& v) {
    if (auto* i = std::get_if<std::int64_t>(&v))
        st.bind(index, *i);
    else if (auto* s = std::get_if<std::string>(&v))
        st.bind(index, *s);
    else
        st.bindNull(index);
}

} // namespace

std::string escapeLikePattern(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

const std::vector<BrowseColumn>& browseColumns(BrowseTable table) {
    static const auto make = [](BrowseTable t) {
        std::vector<BrowseColumn> out;
        for (const auto& c : tableSql(t).columns)
            out.push_back(c.column);
        return out;
    };
    static const std::vector<BrowseColumn> kEvents = make(BrowseTable::Events);
    static const std::vector<BrowseColumn> kSessions = make(BrowseTable::Sessions);
    static const std::vector<BrowseColumn> kItems = make(BrowseTable::Items);
    return table == BrowseTable::Events ? kEvents
           : table == BrowseTable::Sessions ? kSessions
                                            : kItems;
}

std::string browsePageSql(const BrowseQuery& q, bool afterCursor) {
    const TableSql& t = tableSql(q.table);
    if (q.sortColumn >= int(t.columns.size()))
        throw UsageError("no column " + std::to_string(q.sortColumn) + " to sort by");
    const ColumnSql* sortCol = q.sortColumn >= 0 ? &t.columns[std::size_t(q.sortColumn)] : nullptr;

    // The order is (sort expression, key1, key2); the cursor continues strictly after it.
    std::vector<std::string> order;
    if (sortCol)
        order.emplace_back(sortCol->sort);
    order.emplace_back(t.keys[0]);
    if (t.keys[1])
        order.emplace_back(t.keys[1]);

    std::string sql = "SELECT ";
    for (const auto& c : t.columns)
        sql += std::string(c.select) + ", ";
    sql += std::string(sortCol ? sortCol->sort : "NULL") + ", " + t.keys[0] + ", " +
           (t.keys[1] ? t.keys[1] : "0");
    sql += std::string(" FROM ") + t.from + searchClause(t, q);
    const char* dir = q.descending ? " DESC" : "";
    if (afterCursor) {
        std::string lhs, rhs;
        for (std::size_t i = 0; i < order.size(); ++i) {
            lhs += (i ? ", " : "") + order[i];
            rhs += std::string(i ? ", " : "") + "?" + std::to_string(3 + i);
        }
        sql += " AND (" + lhs + ") " + (q.descending ? "<" : ">") + " (" + rhs + ")";
    }
    sql += " ORDER BY ";
    for (std::size_t i = 0; i < order.size(); ++i)
        sql += (i ? ", " : "") + order[i] + dir;
    sql += " LIMIT ?6";
    return sql;
}

BrowsePage browsePage(SessionStore& store, const BrowseQuery& q,
                      const std::optional<BrowseCursor>& after, int limit) {
    const TableSql& t = tableSql(q.table);
    const std::string sql = browsePageSql(q, after.has_value());
    const std::int64_t datasetId = store.requireDataset(q.dataset);
    const ColumnSql* sortCol = q.sortColumn >= 0 ? &t.columns[std::size_t(q.sortColumn)] : nullptr;

    Statement st = store.db().prepare(sql);
    st.bind(1, datasetId);
    if (!q.search.empty())
        st.bind(2, "%" + escapeLikePattern(q.search) + "%");
    if (after) {
        int i = 3;
        if (sortCol)
            bindValue(st, i++, after->sortValue);
        st.bind(i++, after->key1);
        if (t.keys[1])
            st.bind(i, after->key2);
    }
    st.bind(6, std::int64_t(limit));

    BrowsePage page;
    const int n = int(t.columns.size());
    BrowseCursor last;
    while (st.step()) {
        std::vector<BrowseValue> row;
        row.reserve(std::size_t(n));
        for (int c = 0; c < n; ++c) {
            if (st.isNull(c))
                row.emplace_back();
            else if (t.columns[std::size_t(c)].column.kind == BrowseKind::Text)
                row.emplace_back(st.getText(c));
            else
                row.emplace_back(st.getInt(c));
        }
        page.rows.push_back(std::move(row));
        if (!sortCol)
            last.sortValue = std::monostate{};
        else if (sortCol->sortIsText)
            last.sortValue = st.getText(n);
        else
            last.sortValue = st.getInt(n);
        last.key1 = st.getInt(n + 1);
        last.key2 = st.getInt(n + 2);
    }
    if (int(page.rows.size()) == limit)
        page.next = last;
    return page;
}

std::int64_t browseCount(SessionStore& store, const BrowseQuery& q) {
    const TableSql& t = tableSql(q.table);
    const std::int64_t datasetId = store.requireDataset(q.dataset);
    std::string sql = q.search.empty()
                          ? std::string(t.fastCount)
                          : std::string("SELECT count(*) FROM ") + t.from + searchClause(t, q);
    Statement st = store.db().prepare(sql);
    st.bind(1, datasetId);
    if (!q.search.empty())
        st.bind(2, "%" + escapeLikePattern(q.search) + "%");
    st.step();
    return st.getInt(0);
}

} // namespace srw
