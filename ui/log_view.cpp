#include "log_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace srw::ui {

LogView::LogView(QWidget* parent)
    : QWidget(parent), m_text(new QPlainTextEdit(this)), m_level(new QComboBox(this)) {
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(5000);
    m_text->setFont(QFont(QStringLiteral("monospace")));
    m_text->setToolTip(tr("Messages of this session, newest last"));
    m_level->addItem(tr("Everything"), 0);
    m_level->addItem(tr("Information"), 2);
    m_level->addItem(tr("Warnings and errors"), 3);
    m_level->setCurrentIndex(1);
    m_level->setToolTip(tr("The least severe messages to show from now on"));
    auto* clear = new QToolButton(this);
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Empties the log view"));
    connect(clear, &QToolButton::clicked, m_text, &QPlainTextEdit::clear);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_level);
    bar->addStretch();
    bar->addWidget(clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_text);
}

int LogView::lineCount() const { return m_text->blockCount(); }

void LogView::append(int level, const QString& time, const QString& text) {
    if (level < m_level->currentData().toInt())
        return;
    static const char* const kNames[] = {"trace", "debug", "info", "warning", "error", "critical",
                                         "off"};
    const QString name = QString::fromLatin1(kNames[qBound(0, level, 6)]);
    QString colour;
    if (level >= 4)
        colour = QStringLiteral("#d9534f");
    else if (level == 3)
        colour = QStringLiteral("#e0a030");
    const QString body = text.toHtmlEscaped();
    m_text->appendHtml(colour.isEmpty()
                           ? QStringLiteral("<span style='opacity:.7'>%1</span> %2 %3")
                                 .arg(time, name, body)
                           : QStringLiteral("%1 <span style='color:%2'>%3 %4</span>")
                                 .arg(time, colour, name, body));
}

} // namespace srw::ui
