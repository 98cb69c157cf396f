#pragma once
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace srw::ui {
class ImportWizard;

/** @brief Step 2: the detected delimiter and header, with the first rows as a table. */
class PreviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit PreviewPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void optionsChanged();
    void showState();

    ImportWizard* m_wizard;
    QComboBox* m_delimiter;
    QCheckBox* m_header;
    QTableView* m_table;
    QLabel* m_message;
};

} // namespace srw::ui
