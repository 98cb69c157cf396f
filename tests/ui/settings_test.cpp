#include "settings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace srw::ui;

class SettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults() {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(s.theme.get(), QStringLiteral("system"));
        QCOMPARE(s.language.get(), QStringLiteral("system"));
        QCOMPARE(s.sessionGapMinutes.get(), 30);
        QVERIFY(s.windowGeometry.get().isEmpty());
        QVERIFY(s.recentDatasets.get().isEmpty());
    }

    void roundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        const QByteArray geometry("\x01\x02\x00\xff", 4);
        {
            Settings s(path);
            s.windowGeometry.set(geometry);
            s.windowState.set(QByteArray("state"));
            s.currentTab.set(3);
            s.lastWorkspace.set(QStringLiteral("/data/ws.sqlite"));
            s.lastDataset.set(QStringLiteral("会话"));
            s.theme.set(QStringLiteral("dark"));
            s.language.set(QStringLiteral("zh_CN"));
            s.lastImportDir.set(QStringLiteral("/data"));
            s.sessionGapMinutes.set(45);
            s.sync();
        }
        Settings s(path);
        QCOMPARE(s.windowGeometry.get(), geometry);
        QCOMPARE(s.windowState.get(), QByteArray("state"));
        QCOMPARE(s.currentTab.get(), 3);
        QCOMPARE(s.lastWorkspace.get(), QStringLiteral("/data/ws.sqlite"));
        QCOMPARE(s.lastDataset.get(), QStringLiteral("会话"));
        QCOMPARE(s.theme.get(), QStringLiteral("dark"));
        QCOMPARE(s.language.get(), QStringLiteral("zh_CN"));
        QCOMPARE(s.lastImportDir.get(), QStringLiteral("/data"));
        QCOMPARE(s.sessionGapMinutes.get(), 45);
    }

    void recentDatasetsStayUniqueAndBounded() {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        for (int i = 0; i < Settings::kMaxRecent + 3; ++i)
            s.addRecentDataset(QStringLiteral("d%1").arg(i));
        s.addRecentDataset(QStringLiteral("d5"));
        const QStringList list = s.recentDatasets.get();
        QCOMPARE(list.size(), Settings::kMaxRecent);
        QCOMPARE(list.first(), QStringLiteral("d5"));
        QCOMPARE(list.count(QStringLiteral("d5")), 1);

        s.lastDataset.set(QStringLiteral("d5"));
        s.replaceRecentDataset(QStringLiteral("d5"), QStringLiteral("renamed"));
        QCOMPARE(s.recentDatasets.get().first(), QStringLiteral("renamed"));
        QCOMPARE(s.lastDataset.get(), QStringLiteral("renamed"));
        s.replaceRecentDataset(QStringLiteral("renamed"), QString());
        QVERIFY(!s.recentDatasets.get().contains(QStringLiteral("renamed")));
    }
};

QTEST_MAIN(SettingsTest)
#include "settings_test.moc"
