// LibTorch's training steps free and re-allocate blocks of tens of MB; with the allocator tuned
// they must come from the heap and stay there, not from a mapping of their own each time.
#include "srw/util/memory_reuse.h"

#include <cstdlib> // defines __GLIBC__ on glibc
#include <cstring>
#include <gtest/gtest.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

TEST(MemoryReuse, LargeBlocksComeFromTheHeapAndStayAfterFree) {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "allocator tuning is glibc's (a sanitizer brings its own allocator)";
#else
    const std::size_t mappedBefore = mallinfo2().hblkhd;
    ASSERT_TRUE(srw::keepFreedMemoryForReuse());
    EXPECT_TRUE(srw::keepFreedMemoryForReuse()); // idempotent
    constexpr std::size_t kBlock = 64u << 20;
    void* p = std::malloc(kBlock);
    ASSERT_NE(p, nullptr);
    std::memset(p, 1, kBlock);
    // Not a mapping of its own (glibc's default would map a 64 MB block)...
    EXPECT_LT(mallinfo2().hblkhd, mappedBefore + kBlock);
    std::free(p);
    // ...and kept after free: the heap's free bytes hold it, ready for the next step.
    EXPECT_GE(mallinfo2().fordblks, kBlock);
    srw::releaseFreedMemory();
    EXPECT_LT(mallinfo2().fordblks, kBlock);
#endif
}
