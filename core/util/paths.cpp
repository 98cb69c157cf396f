#include "srw/util/paths.h"

#include <cstdlib>
#include <filesystem>

namespace srw {

std::string defaultDataDir() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::temp_directory_path();
    fs::path dir = base / "srw";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir.string();
}

std::string defaultDatabasePath() {
    return (std::filesystem::path(defaultDataDir()) / "workspace.sqlite").string();
}

} // namespace srw
