#pragma once
#include <QWidget>

class QPlainTextEdit;
class QComboBox;

namespace srw::ui {

/** @brief The log dock's contents: spdlog messages of this session, filtered by level. */
class LogView : public QWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);
    int lineCount() const;

public Q_SLOTS:
    void append(int level, const QString& time, const QString& text);

private:
    QPlainTextEdit* m_text;
    QComboBox* m_level;
};

} // namespace srw::ui
