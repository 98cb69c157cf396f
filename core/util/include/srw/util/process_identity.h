#pragma once
// Who owns a "running" record: a run whose process has died (SIGKILL, power loss) must not show
// as running forever, and a run that really is running elsewhere must not be resumed twice.
#include <cstdint>
#include <string>

namespace srw {

/**
 * @brief A process, identified so that a reused pid is not mistaken for it: the host name, the
 * pid, and the process's start time in clock ticks since boot (/proc/PID/stat, field 22).
 */
struct ProcessIdentity {
    std::string host;
    std::int64_t pid = 0;
    std::uint64_t startTicks = 0;
};

/** @brief This process. */
ProcessIdentity currentProcess();

enum class ProcessState {
    Alive,   ///< same host, the pid runs and started at the recorded time
    Gone,    ///< same host, no such process (or the pid now belongs to a younger process)
    Unknown, ///< another host: nothing can be said from here
};

/** @brief No process of this pid runs on this host (a pid alone: it may have been reused). */
bool pidIsGone(std::int64_t pid);

/** @brief Whether the identified process still runs, as far as this host can tell. */
ProcessState processState(const ProcessIdentity& who);

} // namespace srw
