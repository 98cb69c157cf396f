#include "srw/util/paths.h"

#include "srw/util/file_util.h"

#include <cstdlib>

namespace srw {

std::string defaultDataDir() {
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = "/tmp";
    std::string dir = base + "/srw";
    try {
        makeDirectories(dir);
    } catch (const std::exception&) {
        // Opening the workspace there will say what is wrong, with the path.
    }
    return dir;
}

std::string defaultDatabasePath() { return defaultDataDir() + "/workspace.sqlite"; }

} // namespace srw
