#pragma once
#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace srw::ui {
class TrainingRunner;
struct EncoderInfo;

/**
 * @brief The encoder choice: the embedded small BERT, or a local Hugging Face folder that is
 * loaded on the LibTorch worker as soon as it is chosen, showing its architecture, sizes,
 * vocabulary and tokenizer settings, or why it cannot be used.
 */
class EncoderSource : public QGroupBox {
    Q_OBJECT
public:
    explicit EncoderSource(TrainingRunner* runner, QWidget* parent = nullptr);

    /** @brief "embedded" or the folder (BertMlpOptions::encoder). */
    QString encoder() const;
    void setEncoder(const QString& encoder);
    /** @brief The last check's verdict: the folder loads (always true for embedded). */
    bool isUsable() const { return m_usable; }
    bool isChecking() const { return m_pendingTag != 0; }
    QLabel* infoLabel() const { return m_info; }

Q_SIGNALS:
    void changed();

private:
    void chooseFolder();
    void check();
    void showInfo(int tag, const EncoderInfo& info);
    void updateEnabled();

    TrainingRunner* m_runner;
    QRadioButton* m_embedded;
    QRadioButton* m_folder;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QLabel* m_info;
    QString m_checked;
    int m_pendingTag = 0;
    bool m_usable = true;
};

} // namespace srw::ui
