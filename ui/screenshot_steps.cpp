#include "screenshot_steps.h"

#include "main_window.h"
#include "runs/runs_screenshots.h"
#include "screenshot_driver.h"
#ifdef SRW_UI_TRAINING
#include "training/training_screenshots.h"
#endif
#ifdef SRW_UI_EXPLORE
#include "explore/explore_screenshots.h"
#endif

#include <QApplication>
#include <QPixmap>
#include <QTimer>
#include <memory>
#include <spdlog/spdlog.h>
#include <vector>

namespace srw::ui {
namespace {
constexpr int kPollMs = 100;

using MakePart = std::function<ScreenshotSteps*()>;

// Each part starts when the one before it is done; the failures add up.
void runPart(std::shared_ptr<const std::vector<MakePart>> parts, std::size_t index, int failures,
             std::function<void(int)> finished) {
    if (index == parts->size())
        return finished(failures);
    ScreenshotSteps* part = (*parts)[index]();
    QObject::connect(part, &ScreenshotSteps::done, part, [=](int more) {
        part->deleteLater();
        runPart(parts, index + 1, failures + more, finished);
    });
    part->start();
}
} // namespace

ScreenshotSteps::ScreenshotSteps(MainWindow* window, const QString& dir, const char* name,
                                 int maxWaits)
    : QObject(window), m_window(window), m_dir(dir), m_name(name), m_maxWaits(maxWaits) {
    m_dir.mkpath(QStringLiteral("."));
}

void ScreenshotSteps::start() { QTimer::singleShot(kPollMs, this, &ScreenshotSteps::next); }

bool ScreenshotSteps::save(QWidget* widget, const QString& name) {
    QApplication::processEvents(); // let pending layouts settle before painting
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    if (!ok)
        ++m_failures;
    spdlog::info("screenshot {} {}", path.toStdString(), ok ? "saved" : "FAILED");
    return ok;
}

void ScreenshotSteps::next() {
    switch (step(m_step)) {
    case Step::Wait:
        if (++m_waited > m_maxWaits) {
            // Later steps build on this one: the part stops, the next part still runs.
            spdlog::error("{} screenshot step {} timed out", m_name, m_step);
            ++m_failures;
            Q_EMIT done(m_failures);
            return;
        }
        QTimer::singleShot(kPollMs, this, &ScreenshotSteps::next);
        return;
    case Step::Next:
        m_waited = 0;
        ++m_step;
        QTimer::singleShot(kPollMs * 3, this, &ScreenshotSteps::next);
        return;
    case Step::Finish:
        Q_EMIT done(m_failures);
        return;
    }
}

void runScreenshots(MainWindow* window, const QString& dir, const QString& sampleEvents,
                    std::function<void(int failures)> finished) {
    auto parts = std::make_shared<std::vector<MakePart>>();
    parts->push_back([=] { return new ScreenshotDriver(window, dir, sampleEvents); });
    parts->push_back([=] { return new RunsScreenshots(window, dir); });
#ifdef SRW_UI_TRAINING
    // The training needs the split the runs part made.
    parts->push_back([=] { return new TrainingScreenshots(window, dir); });
#endif
#ifdef SRW_UI_EXPLORE
    // Explore and Heatmap show the model the training part trained.
    parts->push_back([=] { return new ExploreScreenshots(window, dir); });
#endif
    runPart(parts, 0, 0, std::move(finished));
}

} // namespace srw::ui
