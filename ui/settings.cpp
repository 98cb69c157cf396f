#include "settings.h"

namespace srw::ui {

Settings::Settings(const QString& iniPath)
    : m_store(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

Settings::~Settings() = default;

void Settings::addRecentDataset(const QString& dataset) {
    if (dataset.isEmpty())
        return;
    QStringList list = recentDatasets.get();
    list.removeAll(dataset);
    list.prepend(dataset);
    while (list.size() > kMaxRecent)
        list.removeLast();
    recentDatasets.set(list);
}

void Settings::replaceRecentDataset(const QString& from, const QString& to) {
    QStringList list = recentDatasets.get();
    const int at = list.indexOf(from);
    if (at < 0)
        return;
    if (to.isEmpty() || list.contains(to))
        list.removeAt(at);
    else
        list[at] = to;
    recentDatasets.set(list);
    if (lastDataset.get() == from)
        lastDataset.set(to);
}

} // namespace srw::ui
