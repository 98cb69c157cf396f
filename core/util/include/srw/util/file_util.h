#pragma once
// The file-system calls core needs, on POSIX directly. Not std::filesystem: PyTorch's wheels (2.x) export their own static copy of libstdc++'s
// std::filesystem from libtorch_cpu.so, and a process that links them binds its calls to that
// copy, which crashes when mixed with the system's (seen with torch 2.11 + GCC 13).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace srw {

inline bool pathExists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0;
}

inline bool isDirectory(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

/** Size of a regular file; throws std::runtime_error naming it. */
inline std::uint64_t regularFileSize(const std::string& p) {
    struct stat st;
    if (::stat(p.c_str(), &st) != 0)
        throw std::runtime_error(p + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode))
        throw std::runtime_error(p + ": not a regular file");
    return std::uint64_t(st.st_size);
}

/** mkdir -p; throws std::runtime_error naming the directory. */
inline void makeDirectories(const std::string& p) {
    for (std::size_t i = 1; i <= p.size(); ++i) {
        if (i != p.size() && p[i] != '/')
            continue;
        const std::string part = p.substr(0, i);
        if (::mkdir(part.c_str(), 0777) != 0 && errno != EEXIST)
            throw std::runtime_error(part + ": cannot create directory: " + std::strerror(errno));
    }
    if (!isDirectory(p))
        throw std::runtime_error(p + ": not a directory");
}

inline void removeFileIfExists(const std::string& p) { ::unlink(p.c_str()); }

/** Size of a file, or 0 when it cannot be read. */
inline std::uint64_t fileSizeOrZero(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 ? std::uint64_t(st.st_size) : 0;
}

/** The absolute, symlink-free path when the file exists, else p made absolute. */
inline std::string absolutePath(const std::string& p) {
    if (char* r = ::realpath(p.c_str(), nullptr)) {
        std::string out(r);
        std::free(r);
        return out;
    }
    if (!p.empty() && p[0] == '/')
        return p;
    char cwd[4096];
    return ::getcwd(cwd, sizeof cwd) ? std::string(cwd) + "/" + p : p;
}

/** Whether both paths name the same existing file (same device and inode). */
inline bool sameFile(const std::string& a, const std::string& b) {
    struct stat sa, sb;
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/** Renames a over b (atomic on one file system); throws std::runtime_error. */
inline void renameFile(const std::string& a, const std::string& b) {
    if (std::rename(a.c_str(), b.c_str()) != 0)
        throw std::runtime_error(b + ": cannot rename " + a + ": " + std::strerror(errno));
}

/** "events.csv" of "dir/events.csv". */
inline std::string fileName(const std::string& p) {
    const auto slash = p.find_last_of('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

/** ".bin" of "dir/pytorch_model.BIN", lower-cased; "" without an extension. */
inline std::string lowerExtension(const std::string& p) {
    const auto slash = p.find_last_of('/');
    const auto dot = p.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
        dot == (slash == std::string::npos ? 0 : slash + 1))
        return "";
    std::string e = p.substr(dot);
    for (char& c : e)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return e;
}

} // namespace srw
