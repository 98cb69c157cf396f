#pragma once
// How LibTorch runs on the CPU: its threads, the BLAS's threads and the heap. Torch-free header.

namespace srw {

/** @brief What configureCpuRuntime() chose. */
struct CpuRuntime {
    int threads = 0;      ///< the worker threads asked for (every core when <= 0 was asked)
    int torchThreads = 0; ///< LibTorch's own (OpenMP) pool: element-wise and reduction kernels
    int blasThreads = 0;  ///< OpenBLAS's pool for matrix products; 0 when the BLAS is not OpenBLAS
    bool heapKept = false; ///< keepFreedMemoryForReuse() took effect
};

/**
 * @brief Sets LibTorch up to use `threads` cores (<= 0: every core) without oversubscribing them,
 * and keeps freed tensor memory in the heap (keepFreedMemoryForReuse). Call before LibTorch work;
 * the thread settings are process-wide.
 *
 * Why the split: Debian's LibTorch does its matrix products in OpenBLAS, whose pthread build
 * keeps a pool of its own (one thread per core by default) beside LibTorch's OpenMP pool, and
 * both pools spin while they wait. With both at n threads on n cores they fought: on the 2-core
 * machine the default model trained at 1,180 sequences/s (frozen encoder). With OpenBLAS's pool
 * at n and LibTorch's at 1 (the products are most of the work) and the heap kept: 5,060; full
 * fine-tuning 98 → 132 (BENCHMARKS.md, section 4). Where the BLAS is not OpenBLAS (MKL in
 * PyTorch's wheels) LibTorch's pool gets the n threads, as before.
 */
CpuRuntime configureCpuRuntime(int threads);

/** @brief The current settings (threads as last configured, 0 before). */
CpuRuntime currentCpuRuntime();

} // namespace srw
