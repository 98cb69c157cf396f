#pragma once
#include <QObject>
#include <QString>
#include <memory>
#include <mutex>
#include <spdlog/sinks/base_sink.h>

namespace srw::ui {

/** @brief Lives in the GUI thread; the sink emits through it from any thread. */
class LogBridge : public QObject {
    Q_OBJECT
Q_SIGNALS:
    /** level is spdlog's (0 trace … 6 off); connect with Qt::QueuedConnection */
    void message(int level, const QString& time, const QString& text);
};

/**
 * @brief An spdlog sink that forwards each message to the GUI thread as a queued signal, so
 * core and worker threads can log without touching widgets.
 */
class QtLogSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    QtLogSink();
    ~QtLogSink() override;
    LogBridge* bridge() const { return m_bridge.get(); }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override {}

private:
    std::unique_ptr<LogBridge> m_bridge;
};

/** @brief Adds a QtLogSink to spdlog's default logger; removeLogSink() takes it out again. */
std::shared_ptr<QtLogSink> installLogSink();
void removeLogSink(const std::shared_ptr<QtLogSink>& sink);

} // namespace srw::ui
