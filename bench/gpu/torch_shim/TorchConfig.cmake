# A minimal TorchConfig for a PyTorch wheel's LibTorch on a machine without the CUDA toolkit:
# the wheel's own TorchConfig looks for nvcc as soon as the wheel was built with CUDA, although
# linking against its libraries needs none. bench/gpu/run_gpu.sh uses it (-DTorch_DIR=here) when
# nvcc is missing or the wheel's config fails.
#   SRW_TORCH_ROOT       the wheel's torch/ folder (holding include/ and lib/)
#   SRW_TORCH_CXX11_ABI  torch._C._GLIBCXX_USE_CXX11_ABI as 0 or 1
#   SRW_TORCH_INCLUDE_DIRS / SRW_TORCH_LIB_DIR  override the folders (e.g. Debian's /usr layout)
if(NOT SRW_TORCH_LIB_DIR)
  set(SRW_TORCH_LIB_DIR "${SRW_TORCH_ROOT}/lib")
endif()
if(NOT SRW_TORCH_INCLUDE_DIRS)
  set(SRW_TORCH_INCLUDE_DIRS "${SRW_TORCH_ROOT}/include;${SRW_TORCH_ROOT}/include/torch/csrc/api/include")
endif()
if(NOT EXISTS "${SRW_TORCH_LIB_DIR}/libtorch.so")
  message(FATAL_ERROR "torch_shim: no libtorch.so in '${SRW_TORCH_LIB_DIR}' (set SRW_TORCH_ROOT)")
endif()
set(_srw_torch_libs)
foreach(_n torch torch_cpu c10 torch_cuda c10_cuda)
  if(EXISTS "${SRW_TORCH_LIB_DIR}/lib${_n}.so")
    list(APPEND _srw_torch_libs "${SRW_TORCH_LIB_DIR}/lib${_n}.so")
  endif()
endforeach()
find_package(Threads REQUIRED)
add_library(srw_torch_shim INTERFACE IMPORTED)
# --no-as-needed around the list: nothing names a libtorch_cuda symbol, and a linker that
# defaults to --as-needed would drop it, leaving CUDA silently unavailable.
set_target_properties(srw_torch_shim PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${SRW_TORCH_INCLUDE_DIRS}"
  INTERFACE_LINK_LIBRARIES "-Wl,--no-as-needed;${_srw_torch_libs};-Wl,--as-needed;Threads::Threads;dl")
if(DEFINED SRW_TORCH_CXX11_ABI)
  set_property(TARGET srw_torch_shim PROPERTY
    INTERFACE_COMPILE_DEFINITIONS "_GLIBCXX_USE_CXX11_ABI=${SRW_TORCH_CXX11_ABI}")
endif()
set(TORCH_LIBRARIES srw_torch_shim)
set(TORCH_INCLUDE_DIRS "${SRW_TORCH_INCLUDE_DIRS}")
set(TORCH_CXX_FLAGS "")
set(Torch_FOUND TRUE)
message(STATUS "torch_shim: LibTorch from ${SRW_TORCH_LIB_DIR} (${_srw_torch_libs})")
