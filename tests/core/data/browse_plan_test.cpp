// The GUI's event and session pages walk a dataset in id order without sorting it: on a 30M-event
// workspace a sort per page took 17-30 s (docs/RELIABILITY.md). SQLite's query plan says whether
// a statement sorts ("USE TEMP B-TREE FOR ORDER BY").
#include "../../support/temp_dir.h"
#include "srw/data/browse_queries.h"
#include "srw/data/csv_importer.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {

std::string plan(SessionStore& store, const std::string& sql) {
    Statement st = store.db().prepare("EXPLAIN QUERY PLAN " + sql);
    std::string out;
    while (st.step())
        out += st.getText(3) + "\n";
    return out;
}

} // namespace

TEST(BrowsePlan, IdOrderedPagesDoNotSortTheDataset) {
    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    importEventsCsv(store, "d", dir.write("l.csv", "session,item,time\n1,a,1\n1,b,2\n2,a,3\n"), {});
    for (BrowseTable table : {BrowseTable::Events, BrowseTable::Sessions})
        for (int sortColumn : {-1, 0})
            for (bool cursor : {false, true}) {
                BrowseQuery q;
                q.table = table;
                q.dataset = "d";
                q.sortColumn = sortColumn;
                const std::string p = plan(store, browsePageSql(q, cursor));
                EXPECT_EQ(p.find("TEMP B-TREE"), std::string::npos)
                    << "table " << int(table) << ", sort column " << sortColumn
                    << (cursor ? ", after a cursor" : "") << ":\n" << p;
            }
    // Sorting by another column still sorts (an index per column would tax every import).
    BrowseQuery byTime;
    byTime.table = BrowseTable::Events;
    byTime.dataset = "d";
    byTime.sortColumn = 4;
    EXPECT_NE(plan(store, browsePageSql(byTime, false)).find("TEMP B-TREE"), std::string::npos);

    // The pages themselves: every event once, in session and position order.
    BrowseQuery all;
    all.table = BrowseTable::Events;
    all.dataset = "d";
    auto first = browsePage(store, all, std::nullopt, 2);
    ASSERT_EQ(first.rows.size(), 2u);
    ASSERT_TRUE(first.next.has_value());
    auto second = browsePage(store, all, first.next, 2);
    ASSERT_EQ(second.rows.size(), 1u);
    EXPECT_FALSE(second.next.has_value());
}

// sessions_user holds only sessions with a user (most public logs have none), and the foreign
// key's ON DELETE SET NULL, `user_id = ?`, still finds them through it.
TEST(BrowsePlan, SessionsUserIndexSkipsSessionsWithoutUser) {
    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    importEventsCsv(store, "anon", dir.write("a.csv", "session,item,time\n1,a,1\n2,b,2\n"), {});
    importEventsCsv(store, "users",
                    dir.write("u.csv", "session,user,item,time\n1,u1,a,1\n2,u2,b,2\n3,u1,c,3\n"),
                    {});
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM sessions"), 5);
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM sessions INDEXED BY sessions_user"
                                  " WHERE user_id IS NOT NULL"),
              3);
    const std::string setNull = plan(store, "UPDATE sessions SET user_id = NULL WHERE user_id = 1");
    EXPECT_NE(setNull.find("INDEX sessions_user"), std::string::npos) << setNull;
    // Deleting a user clears its sessions' user through the index and keeps the sessions.
    store.db().exec("DELETE FROM users WHERE external_id = 'u1'");
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL"), 1);
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM sessions"), 5);
}
