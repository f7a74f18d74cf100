#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the product sources that the build compiles:
# src/**/*.cpp from compile_commands.json without the *_test.cpp files, whose
# doctest macros make function size and complexity meaningless. (The fuzzer is
# compiled only by clang with -DIOOI_FUZZ=ON and is then checked too.) Fails on
# any finding.
#   tests/lint/clang-tidy.sh SOURCE_DIR BUILD_DIR [JOBS]
set -euo pipefail
source_dir=$1
build_dir=$2
jobs=${3:-2}
clang_tidy=${CLANG_TIDY:-clang-tidy}
if ! command -v "$clang_tidy" >/dev/null; then
  echo "clang-tidy not found (make test installs it; Debian package clang-tidy)" >&2
  exit 1
fi
cd "$source_dir"
source_root=$(pwd -P)
mapfile -t files < <(sed -n 's/^ *"file": "\(.*\)",\{0,1\}$/\1/p' "$build_dir/compile_commands.json" |
  grep "^$source_root/src/.*\.cpp\$" | grep -v '_test\.cpp$' | sort -u)
if [[ ${#files[@]} == 0 ]]; then
  echo "clang-tidy: no product sources in $build_dir/compile_commands.json" >&2
  exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# GCC-only warning options in compile_commands.json are unknown to clang.
printf '%s\0' "${files[@]}" |
  xargs -0 -P "$jobs" -n 4 "$clang_tidy" -p "$build_dir" --quiet \
    --extra-arg=-Wno-unknown-warning-option >"$log" 2>/dev/null || status=$?
if [[ ${status:-0} != 0 ]]; then
  cat "$log"
  echo "clang-tidy: findings above (${#files[@]} files checked); see CONTRIBUTING.md" >&2
  exit 1
fi
echo "clang-tidy: no findings in ${#files[@]} files"
