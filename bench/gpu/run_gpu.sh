#!/usr/bin/env bash
# Training throughput on a GPU server: srw's core + CLI built against the LibTorch inside the
# server's PyTorch wheel (no Qt, no -dev packages: a sysroot of the Debian packages in .devdeps/),
# then bench/train_throughput (the trainer's own loop, CUDA + bf16 autocast, BERT-base at
# sequence length 128) against bench/reference/train_reference.py with transformers' BertModel
# of the same size on the same GPU, run alternately; sequences/s, the ratio, and model FLOP
# utilisation against the card's dense bf16 peak (bench/gpu/flops.py). Everything goes to $OUT.
#
# From a session, with the device tool (one call; about 2-3 minutes of build, 3 of runs):
#   run(command="bash bench/gpu/run_gpu.sh", carry=[".devdeps"], timeout_s=570)
# then read $OUT/gpu_train.json (summary: ratio and MFU per mode; runs: every run),
# $OUT/run.log, $OUT/build.log, $OUT/env.json. The script stops starting runs after
# SRW_GPU_DEADLINE seconds (default 480) so that what it measured comes back within the limit.
#
# Without a GPU it goes through the same steps on the CPU at a small size (the embedded encoder,
# a few steps): that is how it is tested off the server:
#   OUT=/tmp/gpu-out SRW_GPU_BUILD=build/h-train SRW_GPU_SKIP_BUILD=1 bash bench/gpu/run_gpu.sh
# Environment: SRW_GPU_PYTHON (python3), SRW_GPU_BUILD (build/gpu), SRW_GPU_SKIP_BUILD=1 (use
# the binaries already in SRW_GPU_BUILD), SRW_GPU_SHIM=1 (configure with bench/gpu/torch_shim
# even when nvcc is there), SRW_GPU_ROUNDS (2), SRW_GPU_MODES ("full/text frozen/text
# frozen/pooled"), SRW_GPU_BATCH (256), SRW_GPU_SMOKE=1 (the small CPU-sized run on any machine),
# SRW_GPU_CONFIGURE_ONLY=1 (stop after CMake's configure: tests the sysroot and Torch set-up).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
OUT="${OUT:-$root/out/gpu}"
mkdir -p "$OUT"
exec > >(tee -a "$OUT/run.log") 2>&1
t_start=$(date +%s)
deadline="${SRW_GPU_DEADLINE:-480}"
py="${SRW_GPU_PYTHON:-python3}"
build="${SRW_GPU_BUILD:-build/gpu}"
sysroot="${SRW_GPU_SYSROOT:-/tmp/srw-sysroot}"
say() { echo "[run_gpu $(($(date +%s) - t_start))s] $*"; }

# 1. What this machine has.
"$py" - "$OUT/env.json" <<'PY'
import json, platform, shutil, subprocess, sys
def run(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception as e:
        return f"unavailable ({e.__class__.__name__})"
env = {"python": sys.version.split()[0], "machine": platform.machine(),
       "nvidia_smi": run("nvidia-smi", "--query-gpu=name,memory.total,driver_version,clocks.max.sm",
                         "--format=csv,noheader"),
       "nvcc": run("nvcc", "--version").splitlines()[-1:] if shutil.which("nvcc") else None,
       "cmake": run("cmake", "--version").splitlines()[:1], "cxx": run("c++", "--version").splitlines()[:1],
       "nproc": run("nproc")}
try:
    import torch
    env.update(torch=torch.__version__, torch_cuda=torch.version.cuda,
               cuda_available=torch.cuda.is_available(),
               gpu=torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
               cmake_prefix_path=torch.utils.cmake_prefix_path,
               cxx11_abi=int(torch._C._GLIBCXX_USE_CXX11_ABI))
except Exception as e:
    env["torch_error"] = repr(e)
try:
    import transformers
    env["transformers"] = transformers.__version__
except Exception as e:
    env["transformers_error"] = repr(e)
json.dump(env, open(sys.argv[1], "w"), indent=1)
print(json.dumps(env, indent=1))
PY
cuda=$("$py" -c 'import torch; print(int(torch.cuda.is_available()))' 2>/dev/null || echo 0)
smoke="${SRW_GPU_SMOKE:-0}"
[ "$cuda" = 1 ] || smoke=1
say "cuda=$cuda smoke=$smoke"

# 2. The build: core + CLI + the bench, against the wheel's LibTorch and the .devdeps sysroot.
configure() { # configure STD SHIM
  local std="$1" shim="$2" torch_args=()
  local prefix; prefix=$("$py" -c 'import torch; print(torch.utils.cmake_prefix_path)')
  if [ "$shim" = 1 ]; then
    local troot abi
    troot=$("$py" -c 'import torch, os; print(os.path.dirname(torch.__file__))')
    abi=$("$py" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
    torch_args=(-DTorch_DIR="$root/bench/gpu/torch_shim" -DSRW_TORCH_ROOT="$troot"
                -DSRW_TORCH_CXX11_ABI="$abi")
    if [ ! -d "$troot/include/torch" ]; then # Debian's python3-torch keeps LibTorch in /usr
      torch_args+=(-DSRW_TORCH_LIB_DIR=/usr/lib/x86_64-linux-gnu
                   "-DSRW_TORCH_INCLUDE_DIRS=/usr/include;/usr/include/torch/csrc/api/include")
    fi
  fi
  local gen=()
  command -v ninja >/dev/null && gen=(-G Ninja)
  rm -f "$build/CMakeCache.txt"
  cmake -S "$root" -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release -DSRW_BUILD_GUI=OFF \
    -DSRW_BUILD_TESTS=OFF -DSRW_CXX_STANDARD="$std" \
    -DCMAKE_PREFIX_PATH="$sysroot/usr;$prefix" \
    -DCMAKE_LIBRARY_PATH="$sysroot/usr/lib/x86_64-linux-gnu" \
    -DCMAKE_INCLUDE_PATH="$sysroot/usr/include" \
    -Dspdlog_DIR="$sysroot/usr/lib/x86_64-linux-gnu/cmake/spdlog" \
    -Dfmt_DIR="$sysroot/usr/lib/x86_64-linux-gnu/cmake/fmt" \
    -Dnlohmann_json_DIR="$sysroot/usr/share/cmake/nlohmann_json" \
    -DCLI11_DIR="$sysroot/usr/share/cmake/CLI11" \
    -DPKG_CONFIG_EXECUTABLE="$pkgconfig" \
    -DCMAKE_EXE_LINKER_FLAGS="-Wl,--no-as-needed" \
    -DTORCH_CUDA_ARCH_LIST="${TORCH_CUDA_ARCH_LIST:-9.0}" \
    "${torch_args[@]}" >> "$OUT/build.log" 2>&1
}
build_all() {
  cmake --build "$build" -j "$(nproc)" --target train_throughput >> "$OUT/build.log" 2>&1 || return 1
  # The CLI too (the issue's "core and CLI"); the bench does not need it, so its failure is logged.
  if cmake --build "$build" -j "$(nproc)" --target srw srw-ml >> "$OUT/build.log" 2>&1; then
    echo '{"cli_built": true}' > "$OUT/cli.json"
  else
    echo '{"cli_built": false}' > "$OUT/cli.json"; say "the CLI did not build (see build.log)"
  fi
}
if [ "${SRW_GPU_SKIP_BUILD:-0}" != 1 ]; then
  say "unpacking .devdeps into $sysroot"
  mkdir -p "$sysroot"
  for f in .devdeps/*.deb; do
    if command -v dpkg-deb >/dev/null; then dpkg-deb -x "$f" "$sysroot"
    else "$py" bench/gpu/extract_deb.py "$f" "$sysroot"; fi
  done
  export LD_LIBRARY_PATH="$sysroot/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export PKG_CONFIG_SYSROOT_DIR="$sysroot"
  export PKG_CONFIG_LIBDIR="$sysroot/usr/lib/x86_64-linux-gnu/pkgconfig:$sysroot/usr/share/pkgconfig"
  pkgconfig="$(command -v pkg-config || echo "$sysroot/usr/bin/pkgconf")"
  shim="${SRW_GPU_SHIM:-0}"
  if [ "$cuda" = 1 ] && ! command -v nvcc >/dev/null; then
    say "no nvcc: the wheel's TorchConfig would look for the CUDA toolkit; using bench/gpu/torch_shim"
    shim=1
  fi
  say "configuring $build (shim=$shim)"
  if ! configure 17 "$shim"; then
    say "configure failed; retrying with bench/gpu/torch_shim"; shim=1
    configure 17 1 || { say "configure failed (build.log)"; tail -30 "$OUT/build.log"; exit 1; }
  fi
  if [ "${SRW_GPU_CONFIGURE_ONLY:-0}" = 1 ]; then say "configured (SRW_GPU_CONFIGURE_ONLY)"; exit 0; fi
  say "building"
  if ! build_all; then
    if grep -q 'C++20\|c++20\|202002L\|requires.*C++ *20' "$OUT/build.log"; then
      say "this LibTorch wants C++20: reconfiguring"; configure 20 "$shim" && build_all
    fi
  fi
  [ -x "$build/bin/train_throughput" ] || { say "build failed (build.log)"; tail -40 "$OUT/build.log"; exit 1; }
  say "built"
fi
bin="$build/bin/train_throughput"
ldd "$bin" | grep -E 'torch|c10' > "$OUT/ldd.txt" || true
if [ "$cuda" = 1 ] && ! grep -q libtorch_cuda "$OUT/ldd.txt"; then
  say "train_throughput does not load libtorch_cuda: CUDA would be unavailable"; exit 1
fi

# 3. The runs: ours and the reference alternately, the most important mode first.
if [ "$smoke" = 1 ]; then
  device=cpu
  sizes=(--encoder embedded --item-tokens 64 --session-tokens 128 --batch 32 --negatives 16
         --items 2000 --sessions 2000 --warmup 1 --steps 2 --min-seconds 0.5 --threads "$(nproc)")
  impl=srw
  rounds="${SRW_GPU_ROUNDS:-1}"
else
  device=cuda
  sizes=(--encoder base --item-tokens 128 --session-tokens 128 --batch "${SRW_GPU_BATCH:-256}"
         --negatives 64 --items 5000 --sessions 5000 --warmup 3 --steps 10 --min-seconds 4)
  impl=hf
  rounds="${SRW_GPU_ROUNDS:-2}"
fi
if [ "$impl" = hf ] && ! "$py" -c 'import transformers' 2>/dev/null; then
  say "no transformers: the reference uses its own copy of srw's modules"; impl=srw
fi
read -r -a modes <<< "${SRW_GPU_MODES:-full/text frozen/text frozen/pooled}"
rows="$OUT/rows.json"
echo "[" > "$rows.part"; first=1
for round in $(seq 1 "$rounds"); do
  for mode in "${modes[@]}"; do
    if [ $(($(date +%s) - t_start)) -gt "$deadline" ]; then say "deadline: skipping $mode round $round"; continue; fi
    if [ $((round % 2)) = 1 ]; then sides="srw reference"; else sides="reference srw"; fi
    for side in $sides; do
      args=(--finetune "${mode%/*}" --session "${mode#*/}" --device "$device" "${sizes[@]}"
            --out "$OUT/last.json")
      rm -f "$OUT/last.json"
      if [ "$side" = srw ]; then
        timeout 150 "$bin" "${args[@]}" > "$OUT/last.out" 2>&1
      else
        timeout 150 "$py" bench/reference/train_reference.py --impl "$impl" "${args[@]}" > "$OUT/last.out" 2>&1
        if [ ! -s "$OUT/last.json" ] && [ "$impl" = hf ]; then
          say "the transformers reference failed:"; tail -5 "$OUT/last.out"
          echo "transformers reference failed: $(tail -1 "$OUT/last.out")" >> "$OUT/notes.txt"
          timeout 150 "$py" bench/reference/train_reference.py --impl srw "${args[@]}" > "$OUT/last.out" 2>&1
        fi
      fi
      if [ ! -s "$OUT/last.json" ]; then say "$side $mode failed:"; tail -8 "$OUT/last.out"; continue; fi
      [ "$first" = 1 ] || echo "," >> "$rows.part"; first=0
      "$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); r.update(round=int(sys.argv[2]), mode=sys.argv[3]); print(json.dumps(r))' \
        "$OUT/last.json" "$round" "$mode" >> "$rows.part"
      say "$(printf '%-13s %-9s round %s: %s' "$mode" "$side" "$round" \
        "$("$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.1f seq/s, %.4f s/step, %d steps" % (r["sequences_per_second"], r["seconds_per_step"], r["steps"]))' "$OUT/last.json")")"
      # What has been measured so far is always in $OUT, in case the call runs out of time.
      { cat "$rows.part"; echo "]"; } > "$rows"
    done
  done
done
{ cat "$rows.part"; echo "]"; } > "$rows"; rm -f "$rows.part" "$OUT/last.json"

# 4. Ratio and MFU.
SRW_TRAIN_TOLERANCE="${SRW_TRAIN_TOLERANCE:-0.05}" "$py" bench/reference/train_summary.py "$rows" "$OUT/ratio.json"
"$py" bench/gpu/gpu_summary.py "$OUT/ratio.json" "$OUT/env.json" "$OUT/gpu_train.json"
say "done: $OUT/gpu_train.json"
