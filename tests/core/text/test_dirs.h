#pragma once
// Scratch directories for tests, on POSIX directly: binaries linked with PyTorch's wheels must not
// call std::filesystem (see core/util/include/srw/util/file_util.h).
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

namespace srw::test {

/** A fresh, empty directory under $TMPDIR (or /tmp). */
inline std::string makeTempDir(const std::string& name) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/srw_" + name + "_XXXXXX";
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed for " + pattern);
    return pattern;
}

inline void removeTree(const std::string& dir) {
    ::nftw(
        dir.c_str(),
        [](const char* p, const struct stat*, int, struct FTW*) { return ::remove(p); }, 16,
        FTW_DEPTH | FTW_PHYS);
}

inline std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline bool exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

/** Copies the regular files of from into to (writable copies of read-only fixtures). */
inline void copyFiles(const std::string& from, const std::string& to) {
    DIR* d = ::opendir(from.c_str());
    if (!d)
        throw std::runtime_error("cannot list " + from);
    while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name != "." && name != "..")
            writeBytes(to + "/" + name, readBytes(from + "/" + name));
    }
    ::closedir(d);
}

} // namespace srw::test
