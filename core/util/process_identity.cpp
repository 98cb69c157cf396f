#include "srw/util/process_identity.h"

#include <cerrno>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <unistd.h>

namespace srw {
namespace {

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0)
        return {};
    return buf;
}

/** Field 22 of /proc/PID/stat (starttime); 0 when unreadable. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted after its last ')'. */
std::uint64_t startTicksOf(std::int64_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!in || !std::getline(in, line))
        return 0;
    const auto close = line.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream rest(line.substr(close + 1));
    std::string field;
    for (int k = 3; k <= 22; ++k) // field 3 (state) is the first after the name
        if (!(rest >> field))
            return 0;
    try {
        return std::stoull(field);
    } catch (...) {
        return 0;
    }
}

} // namespace

ProcessIdentity currentProcess() {
    ProcessIdentity p;
    p.host = hostName();
    p.pid = std::int64_t(::getpid());
    p.startTicks = startTicksOf(p.pid);
    return p;
}

bool pidIsGone(std::int64_t pid) { return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH; }

ProcessState processState(const ProcessIdentity& who) {
    if (who.pid <= 0 || who.host.empty() || who.host != hostName())
        return ProcessState::Unknown;
    if (pidIsGone(who.pid))
        return ProcessState::Gone;
    const std::uint64_t ticks = startTicksOf(who.pid);
    if (who.startTicks != 0 && ticks != 0 && ticks != who.startTicks)
        return ProcessState::Gone; // the pid was reused by another process
    return ProcessState::Alive;
}

} // namespace srw
