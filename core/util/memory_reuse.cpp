#include "srw/util/memory_reuse.h"

#include <cstdlib> // defines __GLIBC__ on glibc
#include <mutex>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace srw {
namespace {
// Blocks below this come from the heap and stay there when freed: above any tensor a CPU training
// of the workbench's models allocates, below what a single request could sensibly need.
constexpr int kKeepBelowBytes = 1 << 30;
} // namespace

bool keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        ok = mallopt(M_MMAP_THRESHOLD, kKeepBelowBytes) == 1 &&
             mallopt(M_TRIM_THRESHOLD, kKeepBelowBytes) == 1;
    });
    return ok;
#else
    return false;
#endif
}

void releaseFreedMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace srw
