#pragma once
#include <string>

namespace srw {

/** @brief $XDG_DATA_HOME/srw (or ~/.local/share/srw); created if missing. */
std::string defaultDataDir();
/** @brief The workspace database used when no --db is given: defaultDataDir()/workspace.sqlite. */
std::string defaultDatabasePath();

} // namespace srw
