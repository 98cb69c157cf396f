// The runs panel: the model passes QAbstractItemModelTester, filter and sort work, the
// comparison marks the best values, runs are renamed/annotated/deleted, and the report exports
// (PDF, HTML, CSV, headless) are valid, escape item titles and carry the linked analyses.
#include "report/report_export.h"
#include "runs/comparison_view.h"
#include "runs/runs_panel.h"
#include "runs/runs_table_model.h"

#include "core/report/report_fixture.h"
#include "srw/data/run_store.h"
#include "srw/report/metric_table.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

namespace {
// Names without digits: Qt's PDF writer does not map digits back to text for pdftotext.
const QString kPopName = QStringLiteral("popular baseline");
const QString kSrName = QStringLiteral("sequential rules 中文");
} // namespace

class RunsPanelTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_pop = 0, m_sr = 0;

    QByteArray read(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    void loaded(RunsPanel& panel) {
        QSignalSpy spy(&panel, &RunsPanel::runsLoaded);
        panel.reload();
        QVERIFY(spy.wait(10000));
    }

private Q_SLOTS:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("ws.sqlite"));
        SessionStore store(m_db.toStdString());
        test::buildShop(store, m_dir.path().toStdString(), test::kHostileDataset);
        m_pop = test::storeEvaluation(store, test::kHostileDataset, "pop", kPopName.toStdString());
        m_sr = test::storeEvaluation(store, test::kHostileDataset, "sr", kSrName.toStdString());
    }

    void modelPassesTheModelTester() {
        SessionStore store(m_db.toStdString());
        RunsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(RunsTableModel::SortRole);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(RunStore(store).list());
        QCOMPARE(model.rowCount(), 2);
        model.setCutoff(5);
        QCOMPARE(model.headerData(RunsTableModel::Mrr, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("MRR@5"));
        const QString mrr = model.index(model.rowOf(m_pop), RunsTableModel::Mrr).data().toString();
        QVERIFY2(mrr.contains(QLatin1Char('[')), qPrintable(mrr)); // value with its interval
        proxy.sort(RunsTableModel::Mrr, Qt::AscendingOrder);
        const double first =
            proxy.index(0, RunsTableModel::Mrr).data(RunsTableModel::SortRole).toDouble();
        const double second =
            proxy.index(1, RunsTableModel::Mrr).data(RunsTableModel::SortRole).toDouble();
        QVERIFY(first <= second);
        model.setRuns({});
        QCOMPARE(proxy.rowCount(), 0);
    }

    void filtersAndMarksTheBestValues() {
        RunsPanel panel(m_db);
        loaded(panel);
        QCOMPARE(panel.model()->rowCount(), 2);
        panel.filterEdit()->setText(QStringLiteral("SEQUENTIAL"));
        QCOMPARE(panel.proxy()->rowCount(), 1);
        panel.filterEdit()->clear();
        QCOMPARE(panel.proxy()->rowCount(), 2);

        QSignalSpy shown(&panel, &RunsPanel::comparisonShown);
        panel.selectRuns({m_pop, m_sr});
        QCOMPARE(panel.selectedRunIds().size(), 2);
        QVERIFY(shown.wait(10000));
        QStandardItemModel* table = panel.comparison()->metricModel();
        QCOMPARE(table->rowCount(), 2);
        SessionStore store(m_db.toStdString());
        RunStore runs(store);
        const auto ids = panel.selectedRunIds();
        const RunRecord a = runs.get(ids[0]), b = runs.get(ids[1]);
        int marked = 0;
        for (int c = 1; c < table->columnCount(); ++c) {
            const QString key = table->horizontalHeaderItem(c)->text();
            const double va = *metricValue(a.metrics, key.toStdString());
            const double vb = *metricValue(b.metrics, key.toStdString());
            const bool ranked = higherIsBetter(key.toStdString());
            QCOMPARE(table->item(0, c)->data(ComparisonView::BestRole).toBool(),
                     ranked && va >= vb);
            QCOMPARE(table->item(1, c)->data(ComparisonView::BestRole).toBool(),
                     ranked && vb >= va);
            marked += table->item(0, c)->data(ComparisonView::BestRole).toBool() +
                      table->item(1, c)->data(ComparisonView::BestRole).toBool();
        }
        QVERIFY(marked >= 6);
        // One paired row per metric at K = 20 (every metric but Coverage has per-session values).
        QStandardItemModel* paired = panel.comparison()->pairedModel();
        QVERIFY(paired->rowCount() >= 5);
        QVERIFY(!paired->item(0, 2)->text().isEmpty()); // the verdict
        QVERIFY(panel.comparison()->sliceModel()->rowCount() > 0);
    }

    void renamesAnnotatesAndDeletes() {
        RunsPanel panel(m_db);
        loaded(panel);
        QSignalSpy spy(&panel, &RunsPanel::runsLoaded);
        panel.annotateRun(m_sr, QStringLiteral("notes <b>here</b>"));
        QVERIFY(spy.wait(10000));
        QCOMPARE(QString::fromStdString(
                     panel.model()->runs()[std::size_t(panel.model()->rowOf(m_sr))].notes),
                 QStringLiteral("notes <b>here</b>"));
        SessionStore store(m_db.toStdString());
        const auto extra = test::storeEvaluation(store, test::kHostileDataset, "pop", "spare", 0);
        loaded(panel);
        QCOMPARE(panel.model()->rowCount(), 3);
        panel.renameRun(extra, QStringLiteral("renamed"));
        QVERIFY(spy.wait(10000));
        QCOMPARE(QString::fromStdString(
                     panel.model()->runs()[std::size_t(panel.model()->rowOf(extra))].name),
                 QStringLiteral("renamed"));
        panel.deleteRuns({extra});
        QVERIFY(spy.wait(10000));
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.model()->rowOf(extra), -1);
    }

    void exportsAValidPdfWithTheRunNames() {
        RunsPanel panel(m_db);
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        QSignalSpy done(&panel, &RunsPanel::exported);
        panel.exportRuns({m_pop, m_sr}, RunsPanel::ExportKind::Pdf, path);
        QVERIFY(done.wait(30000));
        const QByteArray pdf = read(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.right(64).contains("%%EOF"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; the text was not checked");
        QProcess p;
        p.start(pdftotext,
                {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(kPopName), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("sequential rules")));
        // CJK is rendered, not dropped (only 中: Noto CJK maps 文's glyph back to a Kangxi
        // radical).
        QVERIFY(text.contains(QStringLiteral("中")));
        QVERIFY(text.contains(QStringLiteral("Paired comparison")));
    }

    void htmlAndCsvExportsEscapeAndQuote() {
        RunsPanel panel(m_db);
        QSignalSpy done(&panel, &RunsPanel::exported);
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        panel.exportRuns({m_pop, m_sr}, RunsPanel::ExportKind::Html, html);
        QVERIFY(done.wait(30000));
        const QByteArray page = read(html);
        QVERIFY(!page.contains("<script"));
        QVERIFY(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        QVERIFY(page.contains("<svg "));
        const QString csv = m_dir.filePath(QStringLiteral("recs.csv"));
        panel.exportRuns({m_pop}, RunsPanel::ExportKind::RecommendationsCsv, csv);
        QVERIFY(done.wait(30000));
        const QByteArray recs = read(csv);
        QVERIFY(recs.startsWith("session,position,rank,item,title,score\r\n"));
        QVERIFY(recs.contains("\"<script>alert(\"\"x\"\")</script> & 'quoted', \"\"mug\"\"\""));
        const QString metrics = m_dir.filePath(QStringLiteral("metrics.csv"));
        panel.exportRuns({m_pop, m_sr}, RunsPanel::ExportKind::MetricsCsv, metrics);
        QVERIFY(done.wait(30000));
        QCOMPARE(read(metrics).count("\r\n"), 1 + 2 * 7 * 4);
    }

    void headlessExport() {
        const QString pdf = m_dir.filePath(QStringLiteral("headless.pdf"));
        const QStringList ids{QString::number(m_pop), QString::number(m_sr)};
        QCOMPARE(exportReportHeadless(m_db, ids, pdf, QString()), 0);
        QVERIFY(read(pdf).startsWith("%PDF-"));
        QCOMPARE(exportReportHeadless(m_db, ids, QString(), QString()), 2);
        QCOMPARE(exportReportHeadless(m_db, {QStringLiteral("x")}, pdf, QString()), 2);
        QVERIFY(exportReportHeadless(m_db, {QStringLiteral("999")}, pdf, QString()) != 0);
        // The real command line, as a script would run it.
        QProcess gui;
        const QString out = m_dir.filePath(QStringLiteral("cli.pdf"));
        gui.start(QStringLiteral(SRW_GUI_BINARY),
                  {QStringLiteral("--db"), m_db, QStringLiteral("--export-report"), ids[0], ids[1],
                   QStringLiteral("--pdf"), out});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 0);
        QVERIFY(read(out).startsWith("%PDF-"));
        gui.start(QStringLiteral(SRW_GUI_BINARY),
                  {QStringLiteral("--db"), m_db, QStringLiteral("--export-report"),
                   QStringLiteral("999"), QStringLiteral("--pdf"), out});
        QVERIFY(gui.waitForFinished(60000));
        QVERIFY(gui.exitCode() != 0);
    }

    // The exports carry what `srw report` adds: a trained run's α sweep (runs linked to it by
    // params.train_run), from the panel and headless. Its model file is missing on purpose:
    // the similarity heatmap then falls back to CF cosine, as srw report does.
    void exportsIncludeLinkedAnalyses() {
        qint64 train = 0;
        {
            SessionStore store(m_db.toStdString());
            RunStore runs(store);
            const auto datasetId = store.requireDataset(test::kHostileDataset);
            RunRecord t;
            t.datasetId = datasetId;
            t.kind = "train";
            t.model = "bert-mlp";
            t.name = "trained model";
            train = runs.create(t);
            runs.finish(train, "finished", {{"HitRate@20", 0.5}, {"MRR@20", 0.2}}, {});
            const auto group = runs.newGroupId();
            for (double alpha : {0.0, 0.5, 1.0}) {
                RunRecord r;
                r.datasetId = datasetId;
                r.kind = "sweep";
                r.model = "bert-mlp";
                r.groupId = group;
                r.params = {{"alpha", alpha}, {"train_run", train}};
                runs.finish(runs.create(r), "finished",
                            {{"MRR@20", 0.1 + alpha * (1 - alpha)}, {"HitRate@20", 0.3}}, {});
            }
        }
        RunsPanel panel(m_db);
        QSignalSpy done(&panel, &RunsPanel::exported);
        const QString html = m_dir.filePath(QStringLiteral("linked.html"));
        panel.exportRuns({train, m_pop}, RunsPanel::ExportKind::Html, html);
        QVERIFY(done.wait(60000));
        const QByteArray page = read(html);
        QVERIFY(page.contains("<section id=\"alpha-sweep\">"));
        QVERIFY(page.contains("MRR@20 0.50")); // the best α of the sweep's table
        QVERIFY(page.contains("<section id=\"similarity\">"));
        QVERIFY(page.contains("<section id=\"cold-start\">"));
        QVERIFY(!page.contains("<script"));
        // Without the link there is no sweep: the section comes from the linked runs.
        const QString plain = m_dir.filePath(QStringLiteral("plain.html"));
        panel.exportRuns({m_pop}, RunsPanel::ExportKind::Html, plain);
        QVERIFY(done.wait(60000));
        QVERIFY(!read(plain).contains("<section id=\"alpha-sweep\">"));
        // Headless, the same sections (and the PDF is made from the same content).
        const QString headless = m_dir.filePath(QStringLiteral("linked-headless.html"));
        QCOMPARE(exportReportHeadless(m_db, {QString::number(train)}, QString(), headless), 0);
        QVERIFY(read(headless).contains("<section id=\"alpha-sweep\">"));
    }
};

QTEST_MAIN(RunsPanelTest)
#include "runs_panel_test.moc"
