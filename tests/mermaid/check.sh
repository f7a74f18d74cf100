#!/usr/bin/env bash
# Renders every Mermaid diagram iooi produces for the example plan and for a plan
# full of hostile titles with the real mermaid library in headless Chromium (the
# way GitHub and GitLab render it). Exit 77 (skipped) without Chromium or the npm
# packages mermaid and playwright-core; looks for them in $IOOI_MERMAID_NODE_DIR
# and tests/node.
set -euo pipefail
# `make test` sets IOOI_REQUIRE_TOOLS=1 after installing the tools: a skip there is a failure.
skip() {
  echo "skipped: $1"
  [[ ${IOOI_REQUIRE_TOOLS:-} == 1 ]] && exit 1
  exit 77
}
binary=$1
source_dir=$2
chromium=/usr/bin/chromium
[[ -x $chromium ]] || skip "no $chromium"
command -v node >/dev/null || skip "no node"
node_dir=
for dir in "${IOOI_MERMAID_NODE_DIR:-}" "$source_dir/tests/node"; do
  if [[ -n $dir && -d $dir/node_modules/mermaid && -d $dir/node_modules/playwright-core ]]; then
    node_dir=$dir
    break
  fi
done
[[ -n $node_dir ]] || skip "npm packages mermaid and playwright-core not found (npm ci in tests/node)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=$source_dir/examples/civic-coding
hostile=$source_dir/tests/e2e/cases/report-markdown-hostile/plan
{
  for lang in de en; do
    "$binary" report "$example" --period 2026-Q1 --as-of 2026-03-20 --format markdown --lang "$lang" -q
    "$binary" report "$example" --as-of 2026-02-15 --format markdown --lang "$lang" -q
    printf '\n```mermaid\n'
    "$binary" graph "$example" --period all --as-of 2026-03-20 --lang "$lang" -q
    printf '```\n'
  done
  "$binary" report "$hostile" --as-of 2026-03-01 --format markdown -q
  cat "$source_dir/docs/examples/civic-coding-report.md"
} >"$work/all.md"
cd "$node_dir"
node "$source_dir/tests/mermaid/mermaid-render.js" "$work/all.md"
