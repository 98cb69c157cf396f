#include "translation.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace srw::ui;

namespace {

struct Message {
    QString context, source, translation, type;
};

QList<Message> readTs(const QString& path) {
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            m = Message{context, {}, {}, {}};
        else if (xml.name() == QLatin1String("source"))
            m.source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << m;
        }
    }
    return out;
}

} // namespace

class TranslationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyEntryIsTranslated() {
        const QList<Message> messages = readTs(QStringLiteral(SRW_TS_FILE));
        QVERIFY2(messages.size() >= 250, qPrintable(QString::number(messages.size())));
        for (const Message& m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" ") + where));
            QVERIFY2(!m.translation.trimmed().isEmpty(), qPrintable(where));
            // Placeholders survive translation.
            for (int n = 1; n <= 9; ++n) {
                const QString p = QStringLiteral("%") + QString::number(n);
                QVERIFY2(m.source.contains(p) == m.translation.contains(p), qPrintable(where));
            }
        }
    }

    void theTsCoversEveryStringOfTheSources() {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(SRW_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral(SRW_UI_SOURCE_DIR),
                       QStringLiteral("-ts"), fresh});
        if (!lupdate.waitForFinished(60000) || lupdate.exitCode() != 0)
            QSKIP("lupdate could not run");
        QSet<QString> known;
        for (const Message& m : readTs(QStringLiteral(SRW_TS_FILE)))
            known.insert(m.context + QLatin1Char('|') + m.source);
        const QList<Message> wanted = readTs(fresh);
        QVERIFY(!wanted.isEmpty());
        for (const Message& m : wanted)
            QVERIFY2(known.contains(m.context + QLatin1Char('|') + m.source),
                     qPrintable(QStringLiteral("not in the .ts: ") + m.context +
                                QStringLiteral(": ") + m.source));
    }

    void chineseLoadsAndTranslates() {
        QCOMPARE(effectiveLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(effectiveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QVERIFY(installTranslation(QStringLiteral("zh_CN")));
        QCOMPARE(QCoreApplication::translate("srw::ui::MainWindow", "&File"),
                 QStringLiteral("文件(&F)"));
        QCOMPARE(QCoreApplication::translate("srw::ui::MainWindow", "Statistics"),
                 QStringLiteral("统计"));
        QCOMPARE(QCoreApplication::translate("srw::ui::BrowseTableModel", "Session"),
                 QStringLiteral("会话"));
        QCOMPARE(QCoreApplication::translate("srw::ui::DatasetPanel", "No datasets yet"),
                 QStringLiteral("还没有数据集"));
    }
};

QTEST_MAIN(TranslationTest)
#include "translation_test.moc"
