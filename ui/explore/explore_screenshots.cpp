#include "explore/explore_screenshots.h"

#include "explore/explore_panel.h"
#include "explore/explore_worker.h"
#include "explore/recommendation_model.h"
#include "heatmap/heatmap_model.h"
#include "heatmap/heatmap_panel.h"
#include "heatmap/item_picker.h"
#include "main_window.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QListView>
#include <QTabWidget>
#include <QTableView>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {
constexpr int kMaxWaits = 3000;     // five minutes: loading encodes the text of every item
constexpr int kVisibleRank = 8;     // the true next item must show without scrolling
constexpr int kSessionsTried = 300; // test sessions looked at for one that shows it
constexpr int kHeatmapItems = 40;
} // namespace

ExploreScreenshots::ExploreScreenshots(MainWindow* window, const QString& dir)
    : ScreenshotSteps(window, dir, "explore", kMaxWaits) {}

bool ExploreScreenshots::tryNextSession() {
    ExplorePanel* explore = m_window->explorePanel();
    const auto cat = explore->runner()->catalogue();
    // A session of three or more items: the reasons then have several session items to cite.
    while (++m_session < qMin(int(cat->testSessions.size()), kSessionsTried))
        if (cat->testSessions[m_session].size() >= 3) {
            explore->selectTestSession(m_session);
            return true;
        }
    return false;
}

ExploreScreenshots::Step ExploreScreenshots::step(int index) {
    ExplorePanel* explore = m_window->explorePanel();
    HeatmapPanel* heatmap = m_window->heatmapPanel();
    ExploreRunner* runner = explore->runner();
    switch (index) {
    case 0:
        explore->refreshModels();
        if (explore->modelBox()->count() == 0 ||
            explore->modelBox()->itemData(0).toList().value(0).toLongLong() <= 0) {
            spdlog::error("explore screenshots: no trained run to load");
            fail();
            return Step::Finish;
        }
        m_window->tabs()->setCurrentWidget(explore);
        explore->modelBox()->setCurrentIndex(0);
        explore->loadModel();
        return Step::Next;
    case 1:
        if (runner->isBusy() || !runner->catalogue())
            return Step::Wait;
        if (!tryNextSession()) {
            fail();
            return Step::Finish;
        }
        return Step::Next;
    case 2: {
        if (runner->isBusy() || explore->model()->rowCount() == 0)
            return Step::Wait;
        const QVector<int>& s = runner->catalogue()->testSessions[m_session];
        const auto& ranking = explore->model()->ranking();
        for (int r = 0; r < int(ranking.size()) && r < kVisibleRank; ++r)
            if (ranking[std::size_t(r)].item == s.last()) {
                explore->table()->selectRow(r); // shows why the right answer is there
                return Step::Next;
            }
        if (!tryNextSession()) {
            spdlog::warn("explore screenshots: no test session shows its next item on top");
            return Step::Next;
        }
        return Step::Wait;
    }
    case 3:
        if (runner->isBusy())
            return Step::Wait;
        save(explore, QStringLiteral("29-explore"));
        m_window->tabs()->setCurrentWidget(heatmap);
        heatmap->setSource(HeatmapPanel::TopPopular);
        heatmap->setTopN(kHeatmapItems);
        heatmap->setMeasure(HeatmapModel::Blend);
        heatmap->setOrder(HeatmapPanel::ByClustering);
        heatmap->compute();
        return Step::Next;
    case 4:
        if (runner->isBusy() || heatmap->model()->rowCount() != kHeatmapItems)
            return Step::Wait;
        save(heatmap, QStringLiteral("30-heatmap"));
        // A selection: the session with its recommendations, and what a search finds.
        heatmap->setSource(HeatmapPanel::Selection);
        heatmap->setOrder(HeatmapPanel::AsGiven);
        heatmap->picker()->clear();
        heatmap->picker()->addItems(explore->session());
        for (int r = 0; r < 6 && r < int(explore->model()->ranking().size()); ++r)
            heatmap->picker()->addItems({explore->model()->ranking()[std::size_t(r)].item});
        heatmap->picker()->setFilter(QStringLiteral("pillow"));
        for (int r = 0; r < 4; ++r)
            heatmap->picker()->results()->selectionModel()->select(
                heatmap->picker()->results()->model()->index(r, 0), QItemSelectionModel::Select);
        heatmap->picker()->addSelectedResults();
        heatmap->compute();
        return Step::Next;
    case 5:
        if (runner->isBusy() || heatmap->model()->rowCount() != heatmap->picker()->items().size())
            return Step::Wait;
        save(heatmap, QStringLiteral("31-heatmap-selection"));
        return Step::Next;
    default:
        return Step::Finish;
    }
}

} // namespace srw::ui
