#pragma once
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;

namespace srw::ui {
class ImportWizard;

/** @brief Step 3: which column plays which role, how times are written, the session gap. */
class MappingPage : public QWizardPage {
    Q_OBJECT
public:
    explicit MappingPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateState();

    ImportWizard* m_wizard;
    QTableView* m_table;
    QComboBox* m_timeFormat;
    QLabel* m_timeSample;
    QSpinBox* m_gap;
    QCheckBox* m_lenient;
    QLabel* m_problem;
};

} // namespace srw::ui
