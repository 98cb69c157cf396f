#include "terminal_progress.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace srw::cli {

std::atomic<bool> g_interrupted{false};

namespace {
void onSigint(int) {
    // A second Ctrl-C while cancelling means "stop now".
    if (g_interrupted.exchange(true))
        std::_Exit(130);
}
} // namespace

void installInterruptHandler() {
    struct sigaction sa {};
    sa.sa_handler = onSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

TerminalProgress::TerminalProgress(std::string title, bool enabled)
    : m_title(std::move(title)), m_enabled(enabled && ::isatty(STDERR_FILENO)) {}

bool TerminalProgress::operator()(const Progress& p) {
    if (g_interrupted.load())
        return false;
    if (!m_enabled)
        return true;
    long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count();
    if (now - m_lastDrawMs < 100)
        return true;
    m_lastDrawMs = now;
    std::string line = "\r" + m_title + "  " + p.stage;
    if (p.total > 0) {
        double frac = double(p.done) / double(p.total);
        if (frac > 1)
            frac = 1;
        int filled = int(frac * 30);
        line += "  [" + std::string(std::size_t(filled), '#') +
                std::string(std::size_t(30 - filled), ' ') + "] ";
        char pct[16];
        std::snprintf(pct, sizeof pct, "%3d%%", int(frac * 100));
        line += pct;
    }
    if (!p.detail.empty())
        line += "  " + p.detail;
    line += "\033[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    m_drawn = true;
    return true;
}

void TerminalProgress::finish() {
    if (m_drawn) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace srw::cli
