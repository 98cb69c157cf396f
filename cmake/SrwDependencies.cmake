# Every dependency comes from Debian packages (scripts/install-deps.sh), or from a sysroot of
# unpacked Debian packages on a GPU server (see shared/device/README.md).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)

# libcsv ships neither a CMake config nor a .pc file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY NAMES csv libcsv.a REQUIRED)
add_library(srw_libcsv INTERFACE)
target_include_directories(srw_libcsv SYSTEM INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(srw_libcsv INTERFACE ${CSV_LIBRARY})

if(SRW_BUILD_TORCH)
  find_package(Torch REQUIRED)
endif()
if(SRW_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(SRW_BUILD_GUI)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Charts Svg PrintSupport Test LinguistTools)
endif()
