#pragma once
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace srw::ui {
class ImportWizard;

/** @brief Step 1: the file, its format (detected, or chosen) and the dataset to import into. */
class FilePage : public QWizardPage {
    Q_OBJECT
public:
    FilePage(ImportWizard* wizard, const QString& startDir, const QString& catalogDataset);
    void setPath(const QString& path, const QString& format = QStringLiteral("auto"));

    bool isComplete() const override;
    bool validatePage() override;

private:
    void detect();
    QString chosenFormat() const;

    ImportWizard* m_wizard;
    QString m_startDir;
    QString m_catalogDataset;
    QLineEdit* m_path;
    QComboBox* m_format;
    QLabel* m_detected;
    QLineEdit* m_dataset;
    QString m_detectedFormat;
    bool m_datasetEdited = false;
};

} // namespace srw::ui
