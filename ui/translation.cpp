#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace srw::ui {

QString effectiveLanguage(const QString& setting) {
    if (setting == QLatin1String("en") || setting == QLatin1String("zh_CN"))
        return setting;
    // Simplified Chinese for zh_CN, zh_SG and zh_Hans; English for everything else.
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString translationResource(const QString& language) {
    return QStringLiteral(":/i18n/srw_%1.qm").arg(language);
}

bool installTranslation(const QString& language) {
    if (language == QLatin1String("en"))
        return true;
    auto* app = QCoreApplication::instance();
    auto* ours = new QTranslator(app);
    if (!ours->load(translationResource(language))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs), when the Qt translations are installed.
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace srw::ui
