#include "app_icon.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace srw::ui {

QIcon appIcon() {
    static const QIcon icon = [] {
        QIcon out;
        QSvgRenderer svg(QStringLiteral(":/srw/srw.svg"));
        if (!svg.isValid())
            return out;
        for (int size : {16, 24, 32, 48, 64, 128, 256}) {
            QPixmap pm(size, size);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            svg.render(&p);
            p.end();
            out.addPixmap(pm);
        }
        return out;
    }();
    return icon;
}

} // namespace srw::ui
