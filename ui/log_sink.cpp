#include "log_sink.h"

#include <QDateTime>
#include <algorithm>
#include <spdlog/spdlog.h>

namespace srw::ui {

QtLogSink::QtLogSink() : m_bridge(std::make_unique<LogBridge>()) {}

QtLogSink::~QtLogSink() = default;

void QtLogSink::sink_it_(const spdlog::details::log_msg& msg) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        msg.time.time_since_epoch())
                        .count();
    const QString time = QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
    const QString text =
        QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
    // Emitted from the logging thread; receivers connect queued, so widgets change in theirs.
    Q_EMIT m_bridge->message(int(msg.level), time, text);
}

std::shared_ptr<QtLogSink> installLogSink() {
    auto sink = std::make_shared<QtLogSink>();
    spdlog::default_logger()->sinks().push_back(sink);
    return sink;
}

void removeLogSink(const std::shared_ptr<QtLogSink>& sink) {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
}

} // namespace srw::ui
