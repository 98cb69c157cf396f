#pragma once
// Tells ThreadSanitizer what Qt orders between threads, where our objects cross them.
//
// The GUI tests run under TSan (scripts/test.sh --sanitize thread), but Debian's Qt is not built
// with it: QMutex, the lock behind every queued call, waits on raw futexes, and the rest of Qt's
// event delivery runs uninstrumented. TSan therefore cannot see that posting a queued call orders
// the sender's writes before the receiver's reads, and it reports each object handed between a
// worker and the GUI thread through Qt as a race. Suppressing Qt's frames would hide our real
// races as well (every stack passes through Qt's event loop), so instead the few places where an
// object crosses threads say so here. Without TSan everything below compiles to nothing.
#include <QMetaObject>
#include <QObject>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define SRW_UI_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SRW_UI_TSAN 1
#endif
#endif

#ifdef SRW_UI_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace srw::ui {

/** @brief What this thread did so far happens before a later takeOver(channel), in any thread. */
inline void handOff(const void* channel) {
#ifdef SRW_UI_TSAN
    __tsan_release(const_cast<void*>(channel));
#else
    (void)channel;
#endif
}

/** @brief Everything handed off on channel so far happens before what this thread does next. */
inline void takeOver(const void* channel) {
#ifdef SRW_UI_TSAN
    __tsan_acquire(const_cast<void*>(channel));
#else
    (void)channel;
#endif
}

/**
 * @brief f, carried by one queued call to another thread; the handoff is annotated on the call's
 * own storage, so each call orders exactly what it carries and nothing sent before or after.
 *
 * The release has to come after every write the receiver may read, and those include the slot
 * object's allocation and, for queued signals, the copies Qt makes of the arguments after the
 * emitter's last line of code. Qt allocates the slot object and then moves this into it, so the
 * release in the move constructor is the last thing the sender does before Qt posts the call;
 * captures travel inside f, never as signal arguments. The receiver acquires before running f and
 * releases after it; the destructor acquires because the last reference, hence the destruction of
 * the captures, may be dropped by either thread. A moved-from copy acquires only its own release.
 */
template <class F> class QueuedCall {
public:
    explicit QueuedCall(F f) : m_f(std::move(f)) { handOff(this); }
    QueuedCall(QueuedCall&& other) : m_f(std::move(other.m_f)) { handOff(this); }
    QueuedCall(const QueuedCall& other) : m_f(other.m_f) { handOff(this); }
    QueuedCall& operator=(const QueuedCall&) = delete;
    QueuedCall& operator=(QueuedCall&&) = delete;
    ~QueuedCall() { takeOver(this); }

    void operator()() {
        takeOver(this);
        m_f();
        handOff(this);
    }

private:
    F m_f;
};

/** @brief Runs f on receiver's thread, later (a queued call), with the handoff annotated. */
template <class F> void postTo(QObject* receiver, F&& f) {
    QMetaObject::invokeMethod(receiver, QueuedCall<std::decay_t<F>>(std::forward<F>(f)),
                              Qt::QueuedConnection);
}

} // namespace srw::ui
