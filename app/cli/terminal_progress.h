#pragma once
#include "srw/util/progress.h"

#include <atomic>
#include <string>

namespace srw::cli {

/** @brief Set by SIGINT; progress callbacks return false once it is set (a clean cancel). */
extern std::atomic<bool> g_interrupted;
void installInterruptHandler();

/**
 * @brief Draws "title  stage  [#####     ] 42%  detail" on stderr, at most 10 times a second,
 * only when stderr is a terminal.
 */
class TerminalProgress {
public:
    explicit TerminalProgress(std::string title, bool enabled);
    bool operator()(const Progress& p);
    void finish();

private:
    std::string m_title;
    bool m_enabled;
    bool m_drawn = false;
    long long m_lastDrawMs = 0;
};

} // namespace srw::cli
