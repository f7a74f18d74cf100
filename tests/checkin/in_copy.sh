#!/usr/bin/env bash
# Runs a shell command in a copy of a plan folder and then shows what it changed
# there (`diff -ru`, or "files unchanged"): golden cases of `iooi checkin` see both
# the command's output and its effect on the files. Exits with the command's code.
# Usage: in_copy.sh PLAN_FOLDER COMMAND. The command runs in the copy; FIXTURES
# names tests/checkin/fixtures, and `..` is a scratch folder outside the copy.
set -u
source_dir=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/before" "$work/plan"
cp -R "$source_dir/." "$work/before/"
cp -Rp "$source_dir/." "$work/plan/"
fixtures=$(cd "$(dirname "$0")/fixtures" && pwd)
(cd "$work/plan" && FIXTURES=$fixtures bash -c "$2")
code=$?
if diff -ru "$work/before" "$work/plan" >"$work/diff"; then
  echo "files unchanged"
else
  # File names relative to the plan folder, without the temporary paths and times.
  grep -v '^diff -ru' "$work/diff" |
    sed -E -e "s|^--- $work/before/([^\t]*).*|--- a/\1|" -e "s|^\+\+\+ $work/plan/([^\t]*).*|+++ b/\1|"
fi
exit $code
