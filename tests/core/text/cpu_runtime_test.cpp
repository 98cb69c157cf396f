// LibTorch's OpenMP pool and OpenBLAS's pthread pool must not both take every core: they spin
// while waiting, and on 2 cores the default model then trained 4x slower (BENCHMARKS.md §4).
#include "srw/text/cpu_runtime.h"

#include <cstdlib> // defines __GLIBC__ on glibc
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <thread>

TEST(CpuRuntime, ThreadsGoToOneParallelPoolAndTheHeapIsKept) {
    const bool openblas = dlsym(RTLD_DEFAULT, "openblas_get_num_threads") != nullptr;
    for (int n : {1, 2, 3}) {
        const srw::CpuRuntime r = srw::configureCpuRuntime(n);
        EXPECT_EQ(r.threads, n);
        if (openblas) {
            // Matrix products (most of the work) get the threads; LibTorch's own pool one.
            EXPECT_EQ(r.blasThreads, n);
            EXPECT_EQ(r.torchThreads, 1);
        } else {
            EXPECT_EQ(r.torchThreads, n);
        }
        EXPECT_EQ(srw::currentCpuRuntime().threads, n);
    }
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    EXPECT_TRUE(srw::currentCpuRuntime().heapKept); // a sanitizer brings its own allocator
#endif
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    EXPECT_EQ(srw::configureCpuRuntime(0).threads, cores); // 0: every core
}
