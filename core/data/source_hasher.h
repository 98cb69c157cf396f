#pragma once
// Internal to core/data: the sha256 of an imported file, computed on a second thread while the
// importer reads and writes (hashing 1 GB takes seconds, a third of a fast import; on its own
// core it costs no wall time). Stops early when the import is abandoned.
#include <atomic>
#include <exception>
#include <string>
#include <thread>

namespace srw {

class SourceHasher {
public:
    explicit SourceHasher(std::string path);
    ~SourceHasher();
    SourceHasher(const SourceHasher&) = delete;
    SourceHasher& operator=(const SourceHasher&) = delete;

    const std::string& path() const { return m_path; }
    /** @brief Waits for the hex digest; throws what hashing threw (an unreadable file). */
    std::string result();

private:
    void run();

    std::string m_path;
    std::atomic<bool> m_stop{false};
    std::string m_hex;
    std::exception_ptr m_error;
    std::thread m_thread;
};

} // namespace srw
