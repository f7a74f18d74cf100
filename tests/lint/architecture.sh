#!/usr/bin/env bash
# The stage graph the build enforces (written by CMake, one "stage: dependencies"
# line per stage) must be the table of docs/architecture.md, row for row.
set -euo pipefail
graph=$1
doc=$2

# "stage: b a" -> "stage: a b", one line per stage, sorted.
normalise() {
  while IFS=: read -r stage dependencies; do
    echo "$stage: $(tr -s ' ' '\n' <<<"$dependencies" | sed '/^$/d' | sort | xargs)"
  done | sort
}

# Table rows look like: | `iooi_yaml` | diag, util | ... |   ("–" for none).
documented=$(sed -n 's/^| `iooi_\([a-z_]*\)` | \([^|]*\) |.*/\1: \2/p' "$doc" |
  sed 's/–//; s/,/ /g' | normalise)
built=$(normalise <"$graph")
if [[ "$documented" != "$built" ]]; then
  echo "docs/architecture.md and the stage libraries of the build disagree:" >&2
  diff --label docs/architecture.md --label CMake <(echo "$documented") <(echo "$built") >&2 || true
  exit 1
fi
echo "$(wc -l <<<"$built") stages, dependencies as documented:"
echo "$built"
