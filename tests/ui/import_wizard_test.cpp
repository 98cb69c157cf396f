#include "import/import_wizard.h"
#include "import/run_page.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"
#include "ui_test_support.h"

#include <QSignalSpy>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

class ImportWizardTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsAUserLogWithoutHeader() {
        test::Workspace ws(false);
        ImportWizard wizard(ws.path, QString(), QString());
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        wizard.setFile(test::fixture("events_tab_noheader.tsv"));
        wizard.show();
        QVERIFY(!wizard.currentPage()->isComplete()); // no header: the format is not told
        wizard.setFile(test::fixture("events_tab_noheader.tsv"), QStringLiteral("csv"));
        QVERIFY(wizard.currentPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPageId));
        QCOMPARE(wizard.preview()->delimiter(), '\t');
        QVERIFY(!wizard.preview()->hasHeader());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));
        QVERIFY(!wizard.currentPage()->isComplete());
        wizard.mapping()->setColumnFor(QStringLiteral("user"), 0);
        wizard.mapping()->setColumnFor(QStringLiteral("time"), 1);
        wizard.mapping()->setColumnFor(QStringLiteral("item"), 2);
        QVERIFY(wizard.currentPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::RunPageId));
        QTRY_COMPARE(imported.count(), 1);
        QCOMPARE(imported.first().first().toString(), QStringLiteral("events_tab_noheader"));
        QVERIFY(wizard.currentPage()->isComplete());
        SessionStore store(ws.path.toStdString());
        const auto list = store.listDatasets();
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list[0].events, std::int64_t(4));
        QCOMPARE(list[0].sessions, std::int64_t(3)); // u1's 12:30 event is past the 30 min gap
    }

    void failureShowsWhereAndLeavesTheWorkspace() {
        test::Workspace ws;
        ImportWizard wizard(ws.path, QString(), QString());
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        wizard.setFile(test::fixture("events_bad_time.csv"));
        wizard.show();
        wizard.next();
        wizard.next();
        QVERIFY(wizard.currentPage()->isComplete());
        wizard.next();
        auto* run = qobject_cast<RunPage*>(wizard.currentPage());
        QVERIFY(run);
        QTRY_VERIFY(!run->isRunning());
        QCOMPARE(imported.count(), 0);
        QVERIFY(!run->isComplete());
        const QString shown = run->resultText();
        QVERIFY2(shown.contains(QStringLiteral("events_bad_time.csv")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Line: 3")), qPrintable(shown));
        SessionStore store(ws.path.toStdString());
        QCOMPARE(store.listDatasets().size(), std::size_t(1)); // only the fixture's "shop"
    }

    void catalogueGoesIntoTheCurrentDataset() {
        test::Workspace ws;
        ImportWizard wizard(ws.path, QString(), QStringLiteral("shop"));
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        wizard.setFile(test::fixture("catalog_semicolon.csv"));
        wizard.show();
        QCOMPARE(wizard.plan().format, QStringLiteral("csv")); // not decided before Next
        wizard.next();
        QCOMPARE(wizard.plan().format, QStringLiteral("catalog"));
        QCOMPARE(wizard.plan().dataset, QStringLiteral("shop"));
        wizard.next();
        QVERIFY(wizard.mapping()->isCatalog());
        wizard.next();
        QTRY_COMPARE(imported.count(), 1);
        SessionStore store(ws.path.toStdString());
        QCOMPARE(store.listDatasets().at(0).items, std::int64_t(3));
    }
};

QTEST_MAIN(ImportWizardTest)
#include "import_wizard_test.moc"
