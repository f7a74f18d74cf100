#!/usr/bin/env bash
# `iooi diff` on the example plan for the golden cases diff-*: the plan is committed
# (fixed dates, so the short id is always the same) as it stood on 2026-03-13, before
# the community team's check-ins of 2026-03-20; the working tree then has those
# check-ins, recorded with `iooi checkin`, and a key result's target lowered from 24
# to 22 events. Prints `iooi diff --as-of 2026-03-20 ARGS...`.
# Usage (from a golden case folder): example_diff.sh ARGS...; `iooi` on PATH.
set -eu
example=$(cd "$(dirname "$0")/../../examples/civic-coding" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$example/." "$work/"
cd "$work"
# Only the plan files: the commit id in the heading must not change with the README.
find . -type f ! -name '*.yaml' -delete
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
export GIT_AUTHOR_DATE=2026-03-13T17:00:00Z GIT_COMMITTER_DATE=2026-03-13T17:00:00Z
git init -q -b main
file=okrs/2026-Q1/community.yaml
sed -i '/date: 2026-03-20/d' "$file"
git add -A
git commit -q -m "Check-ins vom 13. März"
iooi checkin KR-26Q1-teilnehmende 705 --confidence 8 --as-of 2026-03-20 -q
iooi checkin KR-26Q1-veranstaltungen 21 --confidence 8 --as-of 2026-03-20 -q
iooi checkin KR-26Q1-erstteilnehmende 45 --confidence 6 --as-of 2026-03-20 -q
sed -i 's/^        target: 24$/        target: 22/' "$file"
set +e
iooi diff --as-of 2026-03-20 "$@"
