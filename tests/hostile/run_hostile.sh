#!/usr/bin/env bash
# Hostile-input regression suite (docs/security.md, docs/limits.md): runs the real binary on
# inputs generated at test time, each run under a time limit and a memory
# limit, and asserts the exit code and the message.
#
#   run_hostile.sh BINARY            run every case
#   run_hostile.sh BINARY CASE...    run the named cases (CTest runs one per test)
#   run_hostile.sh --list            print the case names
#
# Exit: 0 = passed, 1 = failed, 77 = skipped (with the reason on stdout).
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=cases.sh
source "$here/cases.sh"

all_cases() { declare -F | awk '{print $3}' | sed -n 's/^case_//p'; }

if [[ ${1:-} == --list ]]; then all_cases; exit 0; fi
if [[ $# -lt 1 ]]; then echo "usage: $0 BINARY [CASE...]" >&2; exit 2; fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
[[ -x $binary ]] || { echo "not an executable: $binary" >&2; exit 2; }

TIME_LIMIT=${HOSTILE_TIME_LIMIT:-30}  # seconds per run (sanitizer builds are slow)
MEMORY_LIMIT_MB=${HOSTILE_MEMORY_LIMIT_MB:-1024}

# AddressSanitizer reserves terabytes of address space, so `ulimit -v` cannot
# limit it; there its own resident-memory watchdog enforces the same limit.
sanitized=0
if grep -qa __asan_init "$binary"; then sanitized=1; fi

# A command prefix for running iooi as another user (see run_as_unprivileged).
run_as=()

# Root reads files whatever their mode, so cases about unreadable entries run
# iooi as the unprivileged user `nobody` when the suite runs as root (as in CI).
run_as_unprivileged() {
  [[ $(id -u) == 0 ]] || return 0
  command -v setpriv >/dev/null || skip "running as root, and setpriv (util-linux) is missing to drop privileges"
  chmod o+rx "$case_dir"
  run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  if ! "${run_as[@]}" test -x "$binary"; then
    skip "running as root, and user nobody cannot run $binary (a folder above it is private)"
  fi
}

# The binary with ARGS under the limits, stderr to $err; stdout is the caller's.
run_limited() {
  if [[ $sanitized == 1 ]]; then
    env timeout -k 5 "$TIME_LIMIT" env "${env[@]}" "${run_as[@]}" "$binary" "$@" 2>"$err" </dev/null
  else
    (
      ulimit -v $((MEMORY_LIMIT_MB * 1024)) || exit 99
      exec env timeout -k 5 "$TIME_LIMIT" env "${env[@]}" "${run_as[@]}" "$binary" "$@"
    ) 2>"$err" </dev/null
  fi
}

# Runs iooi with ARGS in the current folder. Sets $code, $out, $err (file names).
# stdout is the file $out, or with HOSTILE_STDOUT=pipe a pipe into it (as in a CI
# log, which iooi tells from a file that a step redirected its stdout to).
run_iooi() {
  out=$case_dir/.stdout
  err=$case_dir/.stderr
  local -a env=(NO_COLOR= FORCE_COLOR= CLICOLOR_FORCE= GITHUB_ACTIONS="${HOSTILE_GITHUB_ACTIONS:-}" TERM=dumb)
  if [[ $sanitized == 1 ]]; then
    env+=("ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$MEMORY_LIMIT_MB:allocator_may_return_null=1")
    env+=("UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}")
  fi
  if [[ ${HOSTILE_STDOUT:-file} == pipe ]]; then
    run_limited "$@" | cat >"$out"
    code=${PIPESTATUS[0]}
  else
    run_limited "$@" >"$out"
    code=$?
  fi
  last_run="iooi $*"
  if [[ $code == 124 || $code == 137 ]]; then
    fail "timed out after ${TIME_LIMIT}s (exit $code): $last_run"
  elif ((code >= 128)); then
    fail "killed by signal $((code - 128)): $last_run"
  fi
  if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|internal error|terminate called' "$err"; then
    fail "crash or internal error reported: $last_run"
  fi
}

failures=0
fail() {
  echo "  FAIL: $*"
  failures=$((failures + 1))
}

expect_exit() {
  if [[ $code != "$1" ]]; then fail "exit code $code, expected $1: $last_run"; fi
}

# expect_out REGEX / expect_err REGEX: a line of stdout / stderr matches (grep -E).
# Byte-wise matching (LC_ALL=C): outputs may hold file names that are not UTF-8.
expect_out() { LC_ALL=C grep -qE -- "$1" "$out" || fail "stdout has no line matching /$1/: $last_run"; }
expect_err() { LC_ALL=C grep -qE -- "$1" "$err" || fail "stderr has no line matching /$1/: $last_run"; }
expect_no_out() { ! LC_ALL=C grep -qE -- "$1" "$out" || fail "stdout matches /$1/: $last_run"; }

skip() {
  echo "  SKIP: $*"
  exit 77
}

run_case() {
  local name=$1
  case_dir=$(mktemp -d "${TMPDIR:-/tmp}/iooi-hostile-$name.XXXXXX")
  (
    cd "$case_dir" || exit 2
    failures=0
    cleanup_dirs=()    # folders a case makes outside $case_dir
    cleanup_mounts=()  # file systems a case mounts
    # shellcheck disable=SC2154  # m is the trap's own loop variable
    trap 'for m in "${cleanup_mounts[@]}"; do umount "$m"; done; rm -rf "${cleanup_dirs[@]}"' EXIT
    "case_$name"
    exit $((failures > 0))
  )
  local result=$?
  if [[ $result == 1 ]]; then
    echo "--- stdout of the last run (first 20 lines):"; head -n 20 "$case_dir/.stdout" 2>/dev/null
    echo "--- stderr of the last run (first 20 lines):"; head -n 20 "$case_dir/.stderr" 2>/dev/null
  fi
  chmod -R u+rwx "$case_dir" 2>/dev/null
  rm -rf "$case_dir"
  return $result
}

cases=("$@")
if [[ ${#cases[@]} == 0 ]]; then mapfile -t cases < <(all_cases); fi
overall=0
for name in "${cases[@]}"; do
  if ! declare -F "case_$name" >/dev/null; then echo "unknown case: $name" >&2; exit 2; fi
  echo "case $name"
  run_case "$name"
  result=$?
  if [[ $result == 1 ]]; then overall=1; elif [[ $result == 77 && ${#cases[@]} == 1 ]]; then overall=77; fi
done
exit $overall
