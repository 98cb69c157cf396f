# Shared by run.sh, test.sh and bench scripts: the build folder and a configured ccache.
SRW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
JOBS="$(nproc 2>/dev/null || echo 2)"

# srw_configure BUILD_DIR [cmake args…]: configures once, reconfigures only when asked.
srw_configure() {
  local dir="$1"; shift
  local gen=()
  command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$SRW_ROOT" -B "$dir" "${gen[@]}" "$@"
  else
    cmake -S "$SRW_ROOT" -B "$dir" "$@" >/dev/null
  fi
}
