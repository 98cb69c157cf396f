#include "cli_context.h"

#include "terminal_progress.h"

#include "srw/util/paths.h"

#include <thread>

namespace srw::cli {

SessionStore& CliContext::store() {
    if (dbPath.empty())
        dbPath = defaultDatabasePath();
    if (!m_store)
        m_store = std::make_unique<SessionStore>(dbPath);
    return *m_store;
}

ProgressFn CliContext::progress(const std::string& title) {
    auto bar = std::make_shared<TerminalProgress>(title, !quiet);
    m_endBar = [bar] { bar->finish(); };
    return [bar](const Progress& p) { return (*bar)(p); };
}

void CliContext::endProgress() {
    if (m_endBar)
        m_endBar();
}

int CliContext::effectiveThreads() const {
    if (threads > 0)
        return threads;
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : int(n);
}

} // namespace srw::cli
