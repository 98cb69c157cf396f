#include "heatmap/heatmap_panel.h"

#include "explore/explore_panel.h"
#include "explore/explore_worker.h"
#include "explore/recommendation_model.h"
#include "heatmap/heatmap_model.h"
#include "heatmap/heatmap_view.h"
#include "heatmap/item_picker.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>

namespace srw::ui {

HeatmapPanel::HeatmapPanel(ExplorePanel* explore, QWidget* parent)
    : QWidget(parent), m_explore(explore), m_model(new HeatmapModel(this)),
      m_view(new HeatmapView(m_model, this)), m_picker(new ItemPicker(this)) {
    m_source = new QComboBox(this);
    m_source->addItems({tr("Top popular"), tr("Category"), tr("Explore session"),
                        tr("Session and recommendations"), tr("Selection")});
    m_source->setToolTip(tr("Selection: any items, chosen in the list on the left"));
    m_topN = new QSpinBox(this);
    m_topN->setRange(2, 2000);
    m_topN->setValue(200);
    m_topN->setToolTip(tr("How many of the most popular items"));
    m_category = new QComboBox(this);
    m_measure = new QComboBox(this);
    m_measure->addItems({tr("Text cosine"), tr("CF cosine"), tr("Blend")});
    m_measure->setCurrentIndex(HeatmapModel::Cf);
    m_alpha = new QDoubleSpinBox(this);
    m_alpha->setRange(0, 1);
    m_alpha->setSingleStep(0.05);
    m_alpha->setValue(0.6);
    m_alpha->setPrefix(tr("α "));
    m_order = new QComboBox(this);
    m_order->addItems({tr("As chosen"), tr("By category"), tr("By clustering")});
    m_order->setToolTip(tr("Clustering: greedy nearest-neighbour order, similar items in blocks"));
    auto* compute = new QPushButton(tr("Compute"), this);
    auto* exportButton = new QPushButton(tr("Export PNG…"), this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Items:"), this));
    bar->addWidget(m_source);
    bar->addWidget(m_topN);
    bar->addWidget(m_category);
    bar->addSpacing(12);
    bar->addWidget(m_measure);
    bar->addWidget(m_alpha);
    bar->addWidget(m_order);
    bar->addStretch(1);
    bar->addWidget(compute);
    bar->addWidget(exportButton);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_picker);
    split->addWidget(m_view);
    split->setStretchFactor(1, 1);
    split->setSizes({330, 900});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    auto updateSource = [this] {
        m_topN->setVisible(m_source->currentIndex() == TopPopular);
        m_category->setVisible(m_source->currentIndex() == Category);
        m_picker->setVisible(m_source->currentIndex() == Selection);
    };
    updateSource();
    connect(m_source, &QComboBox::currentIndexChanged, this, updateSource);
    connect(compute, &QPushButton::clicked, this, &HeatmapPanel::compute);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Heatmap"),
                                                          QStringLiteral("heatmap.png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            Q_EMIT statusMessage(tr("Could not write %1").arg(path));
    });
    connect(m_measure, &QComboBox::currentIndexChanged, this, [this](int m) {
        m_model->setMeasure(HeatmapModel::Measure(m));
        applyOrder();
    });
    connect(m_alpha, &QDoubleSpinBox::valueChanged, this, [this](double a) {
        m_model->setAlpha(a);
        applyOrder();
    });
    connect(m_order, &QComboBox::currentIndexChanged, this, &HeatmapPanel::applyOrder);
    connect(m_view, &HeatmapView::cellClicked, this, [this](int r, int c) {
        m_explore->openPair(m_model->itemAt(r), m_model->itemAt(c));
        Q_EMIT exploreRequested();
    });
    connect(m_picker, &ItemPicker::addSessionRequested, this,
            [this] { m_picker->addItems(m_explore->session()); });
    connect(m_picker, &ItemPicker::addRecommendationsRequested, this, [this] {
        QVector<int> items;
        for (const RankedItem& r : m_explore->model()->ranking())
            items << r.item;
        m_picker->addItems(items);
    });
    ExploreRunner* runner = m_explore->runner();
    connect(runner, &ExploreRunner::loaded, this, [this, runner] {
        const auto cat = runner->catalogue();
        m_model->setTitles(cat->titles);
        m_picker->setCatalogue(cat->titles);
        QStringList names = QSet<QString>(cat->categories.begin(), cat->categories.end()).values();
        names.removeAll(QString());
        names.sort();
        m_category->clear();
        m_category->addItems(names);
        m_measure->model()->setData(m_measure->model()->index(HeatmapModel::Text, 0),
                                    cat->hasText ? QVariant() : QVariant(0), Qt::UserRole - 1);
    });
    connect(runner, &ExploreRunner::similarityReady, this, [this](auto matrices) {
        m_model->setMatrices(matrices->cf, matrices->text);
        applyOrder();
        Q_EMIT statusMessage(tr("Heatmap: %1 items").arg(m_model->rowCount()));
    });
}

void HeatmapPanel::setSource(Source source) { m_source->setCurrentIndex(source); }
void HeatmapPanel::setTopN(int n) { m_topN->setValue(n); }
void HeatmapPanel::setMeasure(int measure) { m_measure->setCurrentIndex(measure); }
void HeatmapPanel::setOrder(Order order) { m_order->setCurrentIndex(order); }

QVector<int> HeatmapPanel::sourceItems() const {
    const auto cat = m_explore->runner()->catalogue();
    QVector<int> items;
    if (!cat)
        return items;
    switch (m_source->currentIndex()) {
    case TopPopular:
        for (int i = 0; i < int(cat->popularity.size()) && i < m_topN->value(); ++i)
            items << cat->popularity[std::size_t(i)];
        break;
    case Category: {
        // As core's categoryItems(): by events in training, then the unseen ones by index
        // (their text similarity is what a cold start is about).
        const QString name = m_category->currentText();
        QSet<int> seen;
        for (int i : cat->popularity) {
            seen.insert(i);
            if (cat->categories.value(i) == name)
                items << i;
        }
        for (int i = 0; i < cat->categories.size(); ++i)
            if (!seen.contains(i) && cat->categories[i] == name)
                items << i;
        break;
    }
    case Session:
    case SessionAndRecommendations: // the session in its order, then the top-K not in it
        for (int i : m_explore->session())
            if (!items.contains(i))
                items << i;
        if (m_source->currentIndex() == SessionAndRecommendations)
            for (const RankedItem& r : m_explore->model()->ranking())
                if (!items.contains(r.item))
                    items << r.item;
        break;
    case Selection:
        items = m_picker->items();
        break;
    }
    return items;
}

void HeatmapPanel::compute() {
    if (!m_explore->runner()->catalogue()) {
        Q_EMIT statusMessage(tr("Heatmap: load a model in Explore first"));
        return;
    }
    const QVector<int> items = sourceItems();
    if (items.size() < 2) {
        Q_EMIT statusMessage(tr("Heatmap: choose at least two items"));
        return;
    }
    m_alpha->setValue(m_explore->alpha());
    m_explore->runner()->similarity(items);
}

void HeatmapPanel::applyOrder() {
    const auto cat = m_explore->runner()->catalogue();
    switch (m_order->currentIndex()) {
    case ByCategory:
        m_model->setOrder(cat ? categoryOrder(m_model->shown().items, cat->categories)
                              : std::vector<int>());
        break;
    case ByClustering:
        m_model->setOrder(greedyNearestOrder(m_model->shown()));
        break;
    default:
        m_model->setOrder({});
    }
    m_view->refresh();
}

bool HeatmapPanel::exportPng(const QString& path) {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && m_view->render().save(&file, "PNG") && file.commit();
}

} // namespace srw::ui
