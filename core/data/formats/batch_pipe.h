#pragma once
// Internal to core/data: hands batches from one producer thread to one consumer, bounded.
//
// Why: an import's parsing (reading, splitting, time parsing, the item-key map) does not touch
// SQLite, so it runs on a second thread while the importing thread writes. At most kDepth batches
// are in flight, so memory stays bounded whatever the file's size; used batches go back to the
// producer to be refilled, so their buffers are allocated once.
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>

namespace srw::format_detail {

template <typename Batch> class BatchPipe {
public:
    static constexpr std::size_t kDepth = 4;

    BatchPipe() {
        for (std::size_t i = 0; i < kDepth; ++i)
            m_free.push_back(std::make_unique<Batch>());
    }

    /** @brief Producer: an empty batch to fill; null once the consumer has stopped. */
    std::unique_ptr<Batch> takeFree() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [&] { return m_stopped || !m_free.empty(); });
        if (m_stopped)
            return nullptr;
        auto b = std::move(m_free.front());
        m_free.pop_front();
        return b;
    }
    /** @brief Producer: a filled batch, in order. */
    void put(std::unique_ptr<Batch> b) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_full.push_back(std::move(b));
        m_cv.notify_all();
    }
    /** @brief Producer: no more batches; error (if any) is rethrown to the consumer after them. */
    void finish(std::exception_ptr error) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_finished = true;
        m_error = error;
        m_cv.notify_all();
    }
    /** @brief Consumer: the next batch, or null at the end (rethrows the producer's error). */
    std::unique_ptr<Batch> takeFull() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [&] { return m_finished || !m_full.empty(); });
        if (m_full.empty()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return nullptr;
        }
        auto b = std::move(m_full.front());
        m_full.pop_front();
        return b;
    }
    /** @brief Consumer: a batch it is done with. */
    void giveBack(std::unique_ptr<Batch> b) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_free.push_back(std::move(b));
        m_cv.notify_all();
    }
    /** @brief Consumer: stop the producer (on cancellation or an error of the consumer's). */
    void stop() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopped = true;
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::unique_ptr<Batch>> m_free, m_full;
    bool m_stopped = false;
    bool m_finished = false;
    std::exception_ptr m_error;
};

} // namespace srw::format_detail
