#pragma once
#include "import/import_plan.h"

#include <QWizard>

namespace srw::ui {
class MappingModel;
class PreviewModel;
class RunPage;

/**
 * @brief Import a file: pick it (format detected) → delimiter and header with a preview of
 * the first rows → column mapping with time format and session gap → import on a worker
 * thread with progress and cancel. A failed import leaves the workspace unchanged.
 */
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePageId, PreviewPageId, MappingPageId, RunPageId };

    ImportWizard(const QString& databasePath, const QString& startDir,
                 const QString& catalogDataset, QWidget* parent = nullptr);

    ImportPlan& plan() { return m_plan; }
    PreviewModel* preview() const { return m_preview; }
    MappingModel* mapping() const { return m_mapping; }
    const QString& databasePath() const { return m_databasePath; }
    /** @brief Reads the preview again with the plan's path, delimiter and header. */
    void reloadPreview();
    /**
     * @brief Opens path on the first page (as if chosen in the file dialog), in format
     * ("auto" detects it).
     */
    void setFile(const QString& path, const QString& format = QStringLiteral("auto"));

    void reject() override;
    int nextId() const override;

Q_SIGNALS:
    /** @brief An import into dataset committed. */
    void imported(const QString& dataset);

private:
    QString m_databasePath;
    ImportPlan m_plan;
    PreviewModel* m_preview;
    MappingModel* m_mapping;
    RunPage* m_run;
};

} // namespace srw::ui
