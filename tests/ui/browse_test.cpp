#include "models/browse_table_model.h"
#include "ui_test_support.h"

#include "srw/data/browse_queries.h"
#include "srw/util/error.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

namespace {

// Every row of a query, read page by page through the cursor.
std::vector<std::vector<BrowseValue>> readAll(SessionStore& store, const BrowseQuery& q, int page) {
    std::vector<std::vector<BrowseValue>> all;
    std::optional<BrowseCursor> cursor;
    for (int guard = 0; guard < 1000; ++guard) {
        BrowsePage p = browsePage(store, q, cursor, page);
        for (auto& r : p.rows)
            all.push_back(std::move(r));
        if (!p.next)
            break;
        cursor = p.next;
    }
    return all;
}

QString text(const BrowseValue& v) {
    if (auto* s = std::get_if<std::string>(&v))
        return QString::fromStdString(*s);
    if (auto* i = std::get_if<std::int64_t>(&v))
        return QString::number(*i);
    return QStringLiteral("<null>");
}

} // namespace

class BrowseTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysetPagesMatchOnePage_data() {
        QTest::addColumn<int>("table");
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("search");
        for (int t : {0, 1, 2})
            for (int c = -1; c < int(browseColumns(BrowseTable(t)).size()); ++c)
                for (bool desc : {false, true})
                    QTest::addRow("table %d sort %d %s", t, c, desc ? "desc" : "asc")
                        << t << c << desc << QString();
        QTest::newRow("events search item b") << 0 << 4 << false << QStringLiteral("b");
        QTest::newRow("sessions search user") << 1 << -1 << false << QStringLiteral("u1");
        QTest::newRow("like wildcards are literal") << 0 << -1 << false << QStringLiteral("%");
    }

    void keysetPagesMatchOnePage() {
        QFETCH(int, table);
        QFETCH(int, sortColumn);
        QFETCH(bool, descending);
        QFETCH(QString, search);
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        BrowseQuery q{BrowseTable(table), "shop", search.toStdString(), sortColumn, descending};
        const auto whole = readAll(store, q, 1000);
        for (int page : {1, 2, 3}) {
            const auto paged = readAll(store, q, page);
            QCOMPARE(paged.size(), whole.size());
            for (std::size_t r = 0; r < whole.size(); ++r)
                for (std::size_t c = 0; c < whole[r].size(); ++c)
                    QCOMPARE(text(paged[r][c]), text(whole[r][c]));
        }
        QCOMPARE(browseCount(store, q), std::int64_t(whole.size()));
        if (sortColumn >= 0 && whole.size() > 1 &&
            browseColumns(BrowseTable(table))[std::size_t(sortColumn)].kind != BrowseKind::Text) {
            for (std::size_t r = 1; r < whole.size(); ++r) {
                const auto a = std::get<std::int64_t>(whole[r - 1][std::size_t(sortColumn)]);
                const auto b = std::get<std::int64_t>(whole[r][std::size_t(sortColumn)]);
                QVERIFY(descending ? a >= b : a <= b);
            }
        }
    }

    void searchFiltersAndCounts() {
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        BrowseQuery q{BrowseTable::Events, "shop", "c", -1, false};
        QCOMPARE(browseCount(store, q), std::int64_t(2)); // item c occurs twice
        q.search = "%";
        QCOMPARE(browseCount(store, q), std::int64_t(0));
        q.search.clear();
        QCOMPARE(browseCount(store, q), std::int64_t(7));
        QCOMPARE(escapeLikePattern("50%_a\\b"), std::string("50\\%\\_a\\\\b"));
        const BrowseQuery missing{BrowseTable::Items, "nope"};
        QVERIFY_THROWS_EXCEPTION(UsageError, browseCount(store, missing));
    }

    void modelFetchesPagesLazily() {
        test::Workspace ws;
        BrowseTableModel model(ws.path, BrowseTable::Events);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(3);
        model.setDataset(QStringLiteral("shop"));
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_COMPARE(model.totalRows(), qint64(7));
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), 6);
        model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), 7);
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("Time"));
        QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral("2024-03-01 00:01:40"));
    }

    void modelSortsAndSearches() {
        test::Workspace ws;
        BrowseTableModel model(ws.path, BrowseTable::Sessions);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDataset(QStringLiteral("shop"));
        QTRY_COMPARE(model.rowCount(), 3);
        model.sort(4, Qt::DescendingOrder); // events per session
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("s2"));
        QCOMPARE(model.index(0, 5).data().toString(), QStringLiteral("kept"));
        model.setSearch(QStringLiteral("u2"));
        QTRY_COMPARE(model.totalRows(), qint64(1));
        QTRY_COMPARE(model.rowCount(), 1);
        model.setSearch(QString());
        model.setDataset(QString());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore(QModelIndex()));
    }

    void staleQueriesAreDropped() {
        test::Workspace ws;
        BrowseTableModel model(ws.path, BrowseTable::Items);
        model.setDataset(QStringLiteral("shop"));
        model.setSearch(QStringLiteral("a")); // replaces the first query before it answers
        QTRY_COMPARE(model.totalRows(), qint64(1));
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("a"));
    }
};

QTEST_MAIN(BrowseTest)
#include "browse_test.moc"
