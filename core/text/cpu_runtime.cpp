#include "srw/text/cpu_runtime.h"

#include "srw/util/memory_reuse.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <dlfcn.h>
#include <thread>

namespace srw {
namespace {

// OpenBLAS's thread control, looked up at run time: LibTorch reaches the BLAS through the
// libblas.so.3 alternative, which may be OpenBLAS (pthread or OpenMP build), another BLAS, or MKL
// inside a PyTorch wheel. Linking against OpenBLAS would tie the build to one of them.
using SetThreads = void (*)(int);
using GetThreads = int (*)();

SetThreads openblasSetThreads() {
    static const auto f = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    return f;
}
GetThreads openblasGetThreads() {
    static const auto f = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return f;
}

std::atomic<int> g_threads{0};
std::atomic<bool> g_heapKept{false};

} // namespace

CpuRuntime configureCpuRuntime(int threads) {
    const int n = threads > 0 ? threads : std::max(1, int(std::thread::hardware_concurrency()));
    g_threads = n;
    g_heapKept = keepFreedMemoryForReuse();
    if (SetThreads setBlas = openblasSetThreads(); setBlas && openblasGetThreads()) {
        setBlas(n);
        torch::set_num_threads(1);
    } else {
        torch::set_num_threads(n);
    }
    return currentCpuRuntime();
}

CpuRuntime currentCpuRuntime() {
    CpuRuntime r;
    r.threads = g_threads;
    r.torchThreads = torch::get_num_threads();
    if (GetThreads get = openblasGetThreads())
        r.blasThreads = get();
    r.heapKept = g_heapKept;
    return r;
}

} // namespace srw
