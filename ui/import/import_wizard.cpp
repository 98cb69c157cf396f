#include "import/import_wizard.h"

#include "app_icon.h"
#include "import/file_page.h"
#include "import/mapping_page.h"
#include "import/preview_page.h"
#include "import/run_page.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"

namespace srw::ui {

ImportWizard::ImportWizard(const QString& databasePath, const QString& startDir,
                           const QString& catalogDataset, QWidget* parent)
    : QWizard(parent), m_databasePath(databasePath), m_preview(new PreviewModel(this)),
      m_mapping(new MappingModel(this)) {
    setObjectName(QStringLiteral("ImportWizard"));
    setWindowTitle(tr("Import Data"));
    setWindowIcon(appIcon());
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(FilePageId, new FilePage(this, startDir, catalogDataset));
    setPage(PreviewPageId, new PreviewPage(this));
    setPage(MappingPageId, new MappingPage(this));
    m_run = new RunPage(this);
    setPage(RunPageId, m_run);
    resize(820, 620);
}

void ImportWizard::reloadPreview() {
    m_preview->load(m_plan.path, m_plan.delimiter, m_plan.header);
    m_plan.delimiter = m_preview->delimiter();
}

void ImportWizard::setFile(const QString& path, const QString& format) {
    if (auto* page = qobject_cast<FilePage*>(this->page(FilePageId)))
        page->setPath(path, format);
}

int ImportWizard::nextId() const {
    switch (currentId()) {
    case FilePageId:
        return PreviewPageId;
    case PreviewPageId:
        return m_plan.hasMapping() ? MappingPageId : RunPageId;
    case MappingPageId:
        return RunPageId;
    default:
        return -1;
    }
}

void ImportWizard::reject() {
    // Cancel a running import first; the wizard closes once core has rolled it back.
    if (m_run->isRunning()) {
        m_run->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace srw::ui
