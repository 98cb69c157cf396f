#pragma once
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>

namespace srw::ui {

/** @brief One typed setting: its key, its default, and get/set with the stored type. */
template <typename T> class Preference {
public:
    Preference(QSettings& store, QString key, T defaultValue = T())
        : m_store(store), m_key(std::move(key)), m_default(std::move(defaultValue)) {}
    T get() const { return m_store.value(m_key, QVariant::fromValue(m_default)).template value<T>(); }
    void set(const T& value) { m_store.setValue(m_key, QVariant::fromValue(value)); }
    const QString& key() const { return m_key; }

private:
    QSettings& m_store;
    QString m_key;
    T m_default;
};

/**
 * @brief Every setting of the desktop application, typed, in one place. Built on the
 * application's QSettings, or on an INI file (tests).
 */
class Settings {
public:
    /** @param iniPath empty: the application's native settings; else this INI file */
    explicit Settings(const QString& iniPath = QString());
    ~Settings();

    void sync() { m_store->sync(); }

    /** @brief Puts dataset first in the recent list (at most kMaxRecent, no duplicates). */
    void addRecentDataset(const QString& dataset);
    /** @brief Replaces a renamed dataset in the recent list, or drops a deleted one (to empty). */
    void replaceRecentDataset(const QString& from, const QString& to);

    static constexpr int kMaxRecent = 8;

private:
    std::unique_ptr<QSettings> m_store;

public:
    Preference<QByteArray> windowGeometry{*m_store, QStringLiteral("mainwindow/geometry")};
    Preference<QByteArray> windowState{*m_store, QStringLiteral("mainwindow/state")};
    Preference<int> currentTab{*m_store, QStringLiteral("mainwindow/tab"), 0};
    Preference<QString> lastWorkspace{*m_store, QStringLiteral("workspace/last")};
    Preference<QString> lastDataset{*m_store, QStringLiteral("workspace/lastDataset")};
    Preference<QStringList> recentDatasets{*m_store, QStringLiteral("workspace/recentDatasets")};
    /** "system", "light" or "dark" */
    Preference<QString> theme{*m_store, QStringLiteral("appearance/theme"),
                              QStringLiteral("system")};
    /** "system", "en" or "zh_CN" */
    Preference<QString> language{*m_store, QStringLiteral("appearance/language"),
                                 QStringLiteral("system")};
    Preference<QString> lastImportDir{*m_store, QStringLiteral("import/lastDir")};
    Preference<int> sessionGapMinutes{*m_store, QStringLiteral("import/sessionGapMinutes"), 30};
};

} // namespace srw::ui
