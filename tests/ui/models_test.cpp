#include "models/dataset_list_model.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"
#include "ui_test_support.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace srw;
using namespace srw::ui;
using Tester = QAbstractItemModelTester;

class ModelsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void preview_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("delimiter");
        QTest::addColumn<bool>("header");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("firstCell");
        QTest::addColumn<QString>("firstHeading");
        QTest::newRow("comma with header")
            << test::fixture("events_header.csv") << int(',') << true << 5 << 7
            << QStringLiteral("s1") << QStringLiteral("session_id");
        QTest::newRow("tab without header")
            << test::fixture("events_tab_noheader.tsv") << int('\t') << false << 3 << 4
            << QStringLiteral("u1") << QStringLiteral("Column 1");
        QTest::newRow("semicolon catalogue, quoted fields")
            << test::fixture("catalog_semicolon.csv") << int(';') << true << 4 << 2
            << QStringLiteral("a") << QStringLiteral("ItemId");
    }

    void preview() {
        QFETCH(QString, file);
        PreviewModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QVERIFY2(model.load(file, 0, HeaderMode::Auto), qPrintable(model.error()));
        QTEST(int(model.delimiter()), "delimiter");
        QTEST(model.hasHeader(), "header");
        QTEST(model.columnCount(), "columns");
        QTEST(model.rowCount(), "rows");
        QTEST(model.index(0, 0).data().toString(), "firstCell");
        QTEST(model.headerData(0, Qt::Horizontal).toString(), "firstHeading");
    }

    void previewQuotedFieldsAndForcedHeader() {
        PreviewModel model;
        QVERIFY(model.load(test::fixture("catalog_semicolon.csv"), ';', HeaderMode::Auto));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("Red \"Cotton\" Shirt"));
        QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("Soft; warm"));
        // Forcing "no header" turns the header into the first data row.
        QVERIFY(model.load(test::fixture("events_header.csv"), 0, HeaderMode::Absent));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("session_id"));
    }

    void previewReportsUnreadableFiles() {
        PreviewModel model;
        QVERIFY(!model.load(test::fixture("no-such-file.csv"), 0, HeaderMode::Auto));
        QVERIFY(!model.error().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }

    void mappingFromHeaderNames() {
        PreviewModel preview;
        QVERIFY(preview.load(test::fixture("events_header.csv"), 0, HeaderMode::Auto));
        MappingModel mapping;
        Tester tester(&mapping, Tester::FailureReportingMode::QtTest);
        mapping.setFile(preview.columnNames(), preview.headerNames(), preview.firstRow());
        QCOMPARE(mapping.rowCount(), 5);
        QCOMPARE(mapping.columnFor(QStringLiteral("session")), 0);
        QCOMPARE(mapping.columnFor(QStringLiteral("user")), 1);
        QCOMPARE(mapping.columnFor(QStringLiteral("item")), 2);
        QCOMPARE(mapping.columnFor(QStringLiteral("time")), 3);
        QCOMPARE(mapping.columnFor(QStringLiteral("event")), 4);
        QVERIFY(mapping.problem().isEmpty());
        QCOMPARE(mapping.index(2, MappingModel::SampleColumn).data().toString(),
                 QStringLiteral("a"));
        const auto entries = mapping.mapping().entries();
        QCOMPARE(entries.at("item"), std::string("2"));
        QCOMPARE(entries.at("time"), std::string("3"));
    }

    void mappingByHandWithoutHeader() {
        PreviewModel preview;
        QVERIFY(preview.load(test::fixture("events_tab_noheader.tsv"), 0, HeaderMode::Auto));
        MappingModel mapping;
        Tester tester(&mapping, Tester::FailureReportingMode::QtTest);
        mapping.setFile(preview.columnNames(), QStringList(), preview.firstRow());
        QVERIFY(!mapping.problem().isEmpty()); // nothing can be matched without names
        QVERIFY(mapping.setData(mapping.index(1, MappingModel::FileColumn), 0)); // user
        QVERIFY(mapping.setData(mapping.index(2, MappingModel::FileColumn), 2)); // item
        QVERIFY(!mapping.problem().isEmpty());
        mapping.setColumnFor(QStringLiteral("time"), 1);
        QVERIFY(mapping.problem().isEmpty());
        QCOMPARE(mapping.index(3, MappingModel::FileColumn).data().toString(),
                 QStringLiteral("Column 2"));
        QCOMPARE(mapping.index(3, MappingModel::SampleColumn).data().toString(),
                 QStringLiteral("2024-03-01 10:00:00"));
        QVERIFY(!mapping.setData(mapping.index(3, MappingModel::FileColumn), 7)); // no column 8
        QVERIFY(!mapping.setData(mapping.index(3, MappingModel::RoleColumn), 0)); // read-only
        QCOMPARE(mapping.index(0, MappingModel::FileColumn).data(MappingModel::ChoicesRole)
                     .toStringList()
                     .size(),
                 4);
        QVERIFY(mapping.setData(mapping.index(2, MappingModel::FileColumn), -1));
        QVERIFY(!mapping.problem().isEmpty());
    }

    void catalogueMapping() {
        PreviewModel preview;
        QVERIFY(preview.load(test::fixture("catalog_semicolon.csv"), 0, HeaderMode::Auto));
        MappingModel mapping;
        Tester tester(&mapping, Tester::FailureReportingMode::QtTest);
        mapping.setCatalog(true);
        mapping.setFile(preview.columnNames(), preview.headerNames(), preview.firstRow());
        QCOMPARE(mapping.roles(), (QStringList{QStringLiteral("id"), QStringLiteral("title"),
                                               QStringLiteral("description"),
                                               QStringLiteral("category")}));
        QCOMPARE(mapping.columnFor(QStringLiteral("id")), 0);
        QCOMPARE(mapping.columnFor(QStringLiteral("title")), 1);
        QCOMPARE(mapping.columnFor(QStringLiteral("category")), 2);
        QCOMPARE(mapping.columnFor(QStringLiteral("description")), 3);
        QVERIFY(mapping.problem().isEmpty());
    }

    void datasetList() {
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        importFile(store, "another", test::fixture("events_header.csv").toStdString(), "csv", {});
        DatasetListModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setDatasets(store.listDatasets());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("shop")), 1);
        QCOMPARE(model.index(1, DatasetListModel::Name).data().toString(), QStringLiteral("shop"));
        QCOMPARE(model.index(1, DatasetListModel::Events).data(Qt::EditRole).toLongLong(), 7);
        QCOMPARE(model.index(1, DatasetListModel::Sessions).data(Qt::EditRole).toLongLong(), 3);
        QCOMPARE(model.index(1, DatasetListModel::Items).data(Qt::EditRole).toLongLong(), 3);
        model.setDatasets({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(ModelsTest)
#include "models_test.moc"
