#pragma once
// How the process's heap treats large blocks that are freed and soon asked for again.

namespace srw {

/**
 * @brief Keeps freed heap memory, large blocks included, for the next allocation instead of
 * handing it back to the system at once. Idempotent; returns whether the allocator supports it.
 *
 * Why: a LibTorch training step frees and allocates again tensors of tens of MB. glibc serves a
 * block above its mmap threshold from a fresh mapping and unmaps it when freed (and trims the top
 * of the heap above 128 KiB), so every step faults in and zeroes all those pages again: on the
 * 2-core CI machine two thirds of a CPU training run was the kernel's (page faults, munmap).
 * With the thresholds at 1 GiB the blocks stay in the heap; the cost is that the process keeps
 * its peak heap until releaseFreedMemory(). glibc only; elsewhere nothing changes.
 */
bool keepFreedMemoryForReuse();

/** @brief Returns kept free memory to the system (after a training in a long-lived process). */
void releaseFreedMemory();

} // namespace srw
