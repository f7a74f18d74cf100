#!/usr/bin/env bash
# Runs one golden case: the command line in CASE/cmd, run with CASE as the current
# folder and the binary under test first on PATH as `iooi`. Compares stdout with
# CASE/stdout, stderr with CASE/stderr (when that file exists) and the exit code
# with CASE/exit (default 0). UPDATE_GOLDEN=1 rewrites the expected files instead.
set -u
binary=$1
case_dir=$2
bin_dir=$(mktemp -d)
trap 'rm -rf "$bin_dir"' EXIT
ln -s "$binary" "$bin_dir/iooi"
actual_out="$bin_dir/stdout"
actual_err="$bin_dir/stderr"
cd "$case_dir" || exit 2
PATH="$bin_dir:$PATH" NO_COLOR= FORCE_COLOR= CLICOLOR_FORCE= GITHUB_ACTIONS= TERM=dumb COLUMNS= \
  timeout 30 bash -c "$(cat cmd)" >"$actual_out" 2>"$actual_err" </dev/null
code=$?
expected_code=0
[[ -f exit ]] && expected_code=$(cat exit)

if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  cp "$actual_out" stdout
  [[ -f stderr || -s "$actual_err" ]] && cp "$actual_err" stderr
  if [[ $code != 0 ]]; then echo "$code" >exit; else rm -f exit; fi
  echo "updated $case_dir"
  exit 0
fi

failed=0
if ! diff -u stdout "$actual_out"; then echo "stdout differs"; failed=1; fi
if [[ -f stderr ]] && ! diff -u stderr "$actual_err"; then echo "stderr differs"; failed=1; fi
if [[ $code != "$expected_code" ]]; then
  echo "exit code $code, expected $expected_code"
  echo "--- stderr:"; cat "$actual_err"
  failed=1
fi
exit $failed
