#include "source_hasher.h"

#include "srw/util/sha256.h"

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

namespace srw {

SourceHasher::SourceHasher(std::string path)
    : m_path(std::move(path)), m_thread([this] { run(); }) {}

SourceHasher::~SourceHasher() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void SourceHasher::run() {
    try {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(m_path.c_str(), "rb"),
                                                           &std::fclose);
        // The same message as sha256File, which this replaces on the import path.
        if (!f)
            throw std::runtime_error(m_path + ": cannot open for reading");
        Sha256 h;
        std::vector<char> buf(1 << 20);
        while (!m_stop) {
            const std::size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
            h.update(buf.data(), n);
            if (n < buf.size()) {
                if (std::ferror(f.get()))
                    throw std::runtime_error(m_path + ": read error");
                break;
            }
        }
        m_hex = h.hexDigest();
    } catch (...) {
        m_error = std::current_exception();
    }
}

std::string SourceHasher::result() {
    if (m_thread.joinable())
        m_thread.join();
    if (m_error)
        std::rethrow_exception(m_error);
    return m_hex;
}

} // namespace srw
