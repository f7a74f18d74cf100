#!/usr/bin/env bash
# Lays out every DOT graph iooi draws (the example plan in both languages and a
# plan full of hostile titles) with the real Graphviz, which rejects any syntax
# error. Exit 77 (skipped) without Graphviz, a failure under IOOI_REQUIRE_TOOLS=1.
set -euo pipefail
binary=$1
source_dir=$2
if ! command -v dot >/dev/null; then
  echo "skipped: Graphviz (dot) is not installed"
  [[ ${IOOI_REQUIRE_TOOLS:-} == 1 ]] && exit 1
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
render() {
  local name=$1
  shift
  "$binary" graph "$@" --format dot -q >"$work/$name.dot"
  if dot -Tsvg "$work/$name.dot" -o "$work/$name.svg" 2>"$work/$name.err" && [[ ! -s $work/$name.err ]]; then
    echo "ok $name ($(wc -c <"$work/$name.svg") bytes of SVG)"
  else
    echo "FAIL $name:"
    cat "$work/$name.err"
    failed=1
  fi
}
render civic-coding-de "$source_dir/examples/civic-coding" --as-of 2026-03-20
render civic-coding-en "$source_dir/examples/civic-coding" --as-of 2026-03-20 --lang en
render hostile-titles "$source_dir/tests/e2e/cases/report-markdown-hostile/plan" --as-of 2026-03-01
exit $failed
