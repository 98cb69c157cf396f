#include "dataset_panel.h"

#include "srw/data/dataset_stats.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace srw::ui {

DatasetPanel::DatasetPanel(SessionStore& store, QWidget* parent)
    : QWidget(parent), m_store(store), m_stack(new QStackedWidget(this)),
      m_list(new QListWidget(this)), m_stats(new QTextBrowser(this)),
      m_loadSample(new QPushButton(tr("Load the bundled sample data"), this)) {
    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* hint = new QLabel(tr("This workspace has no datasets yet.\n"
                               "Import a session log, or start with the sample data."),
                            empty);
    hint->setAlignment(Qt::AlignCenter);
    emptyLayout->addStretch();
    emptyLayout->addWidget(hint);
    emptyLayout->addWidget(m_loadSample, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    m_loadSample->setToolTip(tr("Imports sample_data/events.csv and items.csv as dataset 'sample'"));

    auto* split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_stats);
    split->setStretchFactor(1, 3);
    m_list->setToolTip(tr("Datasets in this workspace"));
    m_stats->setToolTip(tr("Statistics of the selected dataset"));

    m_stack->addWidget(empty);
    m_stack->addWidget(split);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_loadSample, &QPushButton::clicked, this, &DatasetPanel::loadSampleRequested);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        showStats(name);
        Q_EMIT currentDatasetChanged(name);
    });
    refresh();
}

void DatasetPanel::refresh() {
    const QString keep = currentDataset();
    m_list->clear();
    for (const auto& d : m_store.listDatasets())
        m_list->addItem(QString::fromStdString(d.name));
    m_stack->setCurrentIndex(m_list->count() == 0 ? 0 : 1);
    auto found = m_list->findItems(keep, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    else if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QString DatasetPanel::currentDataset() const {
    return m_list->currentItem() ? m_list->currentItem()->text() : QString();
}

int DatasetPanel::datasetCount() const { return m_list->count(); }

void DatasetPanel::showStats(const QString& name) {
    if (name.isEmpty()) {
        m_stats->clear();
        return;
    }
    DatasetStats s = computeDatasetStats(m_store, name.toStdString());
    nlohmann::json j = datasetStatsToJson(s);
    // Dataset names and times are data: escape them before they become HTML.
    QString html = QStringLiteral("<h2>%1</h2><table cellpadding=4>").arg(name.toHtmlEscaped());
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td align=right>%2</td></tr>")
                    .arg(k, v.toHtmlEscaped());
    };
    row(tr("Events"), QLocale().toString(qlonglong(s.all.events)));
    row(tr("Sessions"), QLocale().toString(qlonglong(s.all.sessions)));
    row(tr("Items"), QLocale().toString(qlonglong(s.all.items)));
    row(tr("Catalogue items with text"), QLocale().toString(qlonglong(s.itemsWithText)));
    row(tr("Users"), s.all.users ? QLocale().toString(qlonglong(*s.all.users)) : tr("none"));
    if (s.all.firstTsMs)
        row(tr("Time range"), QString::fromStdString(j["first_time"].get<std::string>() + " – " +
                                                     j["last_time"].get<std::string>()));
    for (const auto& [part, p] : s.parts)
        row(QString::fromStdString(part),
            tr("%1 events, %2 sessions").arg(p.events).arg(p.sessions));
    html += QStringLiteral("</table>");
    m_stats->setHtml(html);
}

} // namespace srw::ui
